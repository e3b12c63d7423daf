"""Character n-gram features for the character-level NER model.

Chinese NER works best on characters: only about 90% of entities line up with word
boundaries from a segmenter, so the model tags one token per character and the words
are restored afterwards. What a character model lacks is the context a word gives; hashed
embeddings of the character, its left bigram and the trigram centred on it supply most of
that (Zhang & Yang 2018 report character bigrams as the strongest single addition).

Characters are folded before hashing so that the model sees the same thing whatever the
source used: full-width and half-width forms (MSRA is full-width, the seed pages half-width),
and every digit as ``0`` (a year is a year).
"""

from __future__ import annotations

from typing import List

import numpy
from spacy.strings import hash_string
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import HashEmbed, Maxout, Model, chain, concatenate, list2ragged, ragged2list, with_array
from thinc.types import Floats2d, Ints2d

FEATURES = ("char", "bigram", "trigram", "class")

# Full-width ASCII (U+FF01..U+FF5E) to its half-width form, the ideographic space to a space,
# and every digit (either width) to 0.
_FOLD = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FOLD[0x3000] = 0x20
_FOLD.update({ord(d): ord("0") for d in "0123456789０１２３４５６７８９"})
_BOUNDARY = "\x02"  # stands for "before the start" / "after the end"


def fold(text: str) -> str:
    """Width- and digit-folded text, one character for one character."""
    return text.translate(_FOLD).lower()


def char_class(ch: str) -> str:
    if ch.isspace():
        return "space"
    if "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf":
        return "han"
    if ch == "0":
        return "digit"
    if ch.isascii() and ch.isalpha():
        return "latin"
    return "punct" if not ch.isalnum() else "other"


_hash_cache: dict[str, int] = {}


def _hash(key: str) -> int:
    value = _hash_cache.get(key)
    if value is None:
        if len(_hash_cache) > 2_000_000:  # bound memory on huge inputs
            _hash_cache.clear()
        value = _hash_cache[key] = hash_string(key)
    return value


def unit_features(units: List[str]) -> numpy.ndarray:
    """One row per unit (a character, normally): hashes of (unit, left bigram, centred
    trigram, class)."""
    folded = [_BOUNDARY, *(fold(unit) for unit in units), _BOUNDARY]
    rows = numpy.empty((len(units), len(FEATURES)), dtype="uint64")
    for i in range(len(units)):
        prev, unit, nxt = folded[i], folded[i + 1], folded[i + 2]
        rows[i, 0] = _hash("u" + unit)
        rows[i, 1] = _hash("b" + prev + "|" + unit)
        rows[i, 2] = _hash("t" + prev + "|" + unit + "|" + nxt)
        rows[i, 3] = _hash("c" + char_class(unit[:1]))
    return rows


def doc_features(doc: Doc) -> numpy.ndarray:
    """Features of a Doc. The model is trained on character-level Docs (one token per
    character); other Docs work, with their tokens as units."""
    if len(doc) == len(doc.text):
        return unit_features(list(doc.text))
    return unit_features([token.text for token in doc])


def char_feature_extractor() -> Model[List[Doc], List[Ints2d]]:
    def forward(model, docs, is_train):
        features = [model.ops.asarray(doc_features(doc), dtype="uint64") for doc in docs]
        return features, lambda d_features: []

    return Model("char_ngram_features", forward)


@registry.architectures("kg.CharNgramEmbed.v1")
def char_ngram_embed(width: int, rows: List[int], widths: List[int]) -> Model[List[Doc], List[Floats2d]]:
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
        with_array(Maxout(width, sum(widths), nP=3, dropout=0.0, normalize=True)),
        ragged2list(),
    )
