"""Character features for the character-level NER model.

Chinese NER works best on characters: only about 90% of entities line up with word
boundaries from a segmenter, so the model tags one token per character and the words are
restored afterwards. What a character model lacks is the knowledge a word gives. Two kinds
of hashed features supply it:

* character n-grams: the character, its left bigram, the trigram centred on it, and its
  class (Han, digit, Latin, punctuation, space);
* a lexicon, as in Lattice LSTM / SoftLexicon (Zhang & Yang 2018; Ma et al. 2020): the
  longest dictionary word that starts at the character, the longest that ends there, and
  whether the character begins, continues or ends any dictionary word. The dictionary is the
  390k-word list that spacy-pkuseg ships (person, place and organisation names included),
  read from the installed package, so nothing is downloaded.

Characters are folded first so that the model sees the same thing whatever the source used:
full-width and half-width forms (MSRA is full-width, the seed pages half-width) and every
digit as ``0``.
"""

from __future__ import annotations

import functools
import pickle
from importlib import resources
from typing import List

import numpy
from spacy.strings import hash_string
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import HashEmbed, Maxout, Model, chain, concatenate, list2ragged, ragged2list, with_array
from thinc.types import Floats2d, Ints2d

from kg.ner.tokenizer import doc_text

FEATURES = ("char", "bigram", "trigram", "class", "word_start", "word_end", "word_bme")
LONGEST_WORD = 8

# Full-width ASCII (U+FF01..U+FF5E) to its half-width form, the ideographic space to a space,
# and every digit (either width) to 0.
_FOLD = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FOLD[0x3000] = 0x20
_FOLD.update({ord(d): ord("0") for d in "0123456789０１２３４５６７８９"})
_BOUNDARY = 0x02  # the code point that stands for "before the start" / "after the end"
_CLASSES = {"space": 1, "han": 2, "digit": 3, "latin": 4, "punct": 5, "other": 6}


def fold(text: str) -> str:
    """Width- and digit-folded, lower-cased text, one character for one character."""
    return text.translate(_FOLD).lower()


def char_class(ch: str) -> str:
    if ch.isspace():
        return "space"
    if "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf":
        return "han"
    if ch in "0123456789":
        return "digit"
    if ch.isascii() and ch.isalpha():
        return "latin"
    return "punct" if not ch.isalnum() else "other"


@functools.lru_cache(maxsize=1)
def lexicon() -> frozenset[str]:
    """spacy-pkuseg's word list (words of 2 to LONGEST_WORD characters)."""
    data = resources.files("spacy_pkuseg").joinpath("dicts", "default.pkl").read_bytes()
    words = pickle.loads(data).split("\n")
    return frozenset(w for w in words if 2 <= len(w) <= LONGEST_WORD)


def text_features(text: str) -> numpy.ndarray:
    """One row of uint64 feature ids per character of ``text`` (columns: FEATURES)."""
    folded = fold(text)
    n = len(folded)
    codes = numpy.full(n + 2, _BOUNDARY, dtype="uint64")
    if n:
        codes[1:-1] = numpy.frombuffer(folded.encode("utf-32-le"), dtype="uint32")
    prev, char, nxt = codes[:-2], codes[1:-1], codes[2:]
    rows = numpy.zeros((n, len(FEATURES)), dtype="uint64")
    rows[:, 0] = char
    rows[:, 1] = (prev << numpy.uint64(21)) | char
    rows[:, 2] = (prev << numpy.uint64(42)) | (char << numpy.uint64(21)) | nxt
    rows[:, 3] = [_CLASSES[char_class(c)] for c in folded]
    _lexicon_features(folded, rows)
    return rows


def _lexicon_features(text: str, rows: numpy.ndarray) -> None:
    words = lexicon()
    n = len(text)
    longest_end = [0] * n
    bme = [0] * n  # bit 1: begins a word, 2: inside one, 4: ends one
    for i in range(n):
        for length in range(min(LONGEST_WORD, n - i), 1, -1):
            word = text[i:i + length]
            if word in words:
                if not bme[i] & 1:
                    rows[i, 4] = _hash("S" + word)  # longest word starting here
                bme[i] |= 1
                last = i + length - 1
                bme[last] |= 4
                if length > longest_end[last]:
                    longest_end[last] = length
                    rows[last, 5] = _hash("E" + word)
                for inside in range(i + 1, last):
                    bme[inside] |= 2
    rows[:, 6] = bme


_hash_cache: dict[str, int] = {}


def _hash(key: str) -> int:
    value = _hash_cache.get(key)
    if value is None:
        if len(_hash_cache) > 1_000_000:  # bound memory on huge inputs
            _hash_cache.clear()
        value = _hash_cache[key] = hash_string(key)
    return value


def doc_features(doc: Doc) -> numpy.ndarray:
    """Features of a Doc. The model is trained on character-level Docs (one token per
    character); on other Docs each token counts as its first character."""
    text = doc_text(doc)
    if len(doc) == len(text):
        return text_features(text)
    return text_features("".join(token.text[:1] or " " for token in doc))


def char_feature_extractor() -> Model[List[Doc], List[Ints2d]]:
    lexicon()  # load the word list with the model, not on the first text

    def forward(model, docs, is_train):
        features = [model.ops.asarray(doc_features(doc), dtype="uint64") for doc in docs]
        return features, lambda d_features: []

    return Model("char_features", forward)


@registry.architectures("kg.CharNgramEmbed.v1")
def char_ngram_embed(width: int, rows: List[int], widths: List[int],
                     maxout_pieces: int = 3) -> Model[List[Doc], List[Floats2d]]:
    """Hashed embeddings of FEATURES (one table each), mixed by a Maxout layer to ``width``."""
    if not (len(rows) == len(widths) == len(FEATURES)):
        raise ValueError(f"rows and widths need one entry per feature: {FEATURES}")
    tables = [
        HashEmbed(nO, nV, column=i, seed=11 + i, dropout=0.0)
        for i, (nV, nO) in enumerate(zip(rows, widths))
    ]
    return chain(
        char_feature_extractor(),
        list2ragged(),
        with_array(concatenate(*tables)),
        with_array(Maxout(width, sum(widths), nP=maxout_pieces, dropout=0.0, normalize=True)),
        ragged2list(),
    )
