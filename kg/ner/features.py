"""Character features for the character-level NER model.

Chinese NER works best on characters: only about 90% of entities line up with word
boundaries from a segmenter, so the model tags one token per character and the words are
restored afterwards. Hashed character n-grams give the context a word would: the character,
its left bigram, the trigram centred on it, and its class (Han, digit, Latin, punctuation,
space); the CNN above them widens the window.

No dictionary features: spacy-pkuseg's 390k-word list holds 93% of the person names in
MSRA's training set but only 62% of those in its test set (it was built from the same
newspaper), so a model given "this is a dictionary word" learns to trust it, cuts unknown
names at dictionary words (刘永好 -> 刘永) and scored 0.79 on the test set against 0.90 on
its dev split.

Characters are folded first so that the model sees the same thing whatever the source used:
full-width and half-width forms (MSRA is full-width, the seed pages half-width) and every
digit as ``0``.
"""

from __future__ import annotations

from functools import lru_cache
from typing import List

import numpy
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import HashEmbed, Maxout, Model, chain, concatenate, list2ragged, ragged2list, with_array
from thinc.types import Floats2d, Ints2d

from kg.ner.tokenizer import doc_text

FEATURES = ("char", "bigram", "trigram", "class")

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


@lru_cache(maxsize=1)
def _bmp_class_ids() -> numpy.ndarray:
    """The class id of every code point below U+10000, computed once."""
    return numpy.array([_CLASSES[char_class(chr(code))] for code in range(0x10000)], dtype="uint64")


def class_ids(codes: numpy.ndarray) -> numpy.ndarray:
    """``_CLASSES[char_class(c)]`` of each code point, by table lookup (this runs per character)."""
    table = _bmp_class_ids()
    ids = table[numpy.minimum(codes, 0xFFFF)]
    for i in numpy.flatnonzero(codes > 0xFFFF):
        ids[i] = _CLASSES[char_class(chr(int(codes[i])))]
    return ids


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
    rows[:, 3] = class_ids(char)
    return rows


def doc_features(doc: Doc) -> numpy.ndarray:
    """Features of a Doc. The model is trained on character-level Docs (one token per
    character); on other Docs each token counts as its first character."""
    text = doc_text(doc)
    if len(doc) == len(text):
        return text_features(text)
    return text_features("".join(token.text[:1] or " " for token in doc))


def char_feature_extractor() -> Model[List[Doc], List[Ints2d]]:
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
