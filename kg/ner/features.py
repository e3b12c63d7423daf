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
from pathlib import Path
from typing import List

import numpy
from spacy.ml.staticvectors import StaticVectors
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


def text_features(text: str, lexicon: numpy.ndarray | None = None) -> numpy.ndarray:
    """One row of uint64 feature ids per character of ``text`` (columns: FEATURES, and with
    ``lexicon`` (sorted word keys, see ``lexicon_keys``) the character's place in lexicon words)."""
    return batch_features([text], lexicon)[0]


def batch_features(texts: list[str], lexicon: numpy.ndarray | None = None) -> list[numpy.ndarray]:
    """``text_features`` of each text, computed in one pass over the texts joined by the
    boundary code: each text's first and last characters see it as they would alone, and no
    n-gram or lexicon word runs across it. (One pass instead of one per text: a batch holds
    many short texts, and numpy's cost per call dominated.)"""
    folded = chr(_BOUNDARY).join(fold(text) for text in texts)
    n = len(folded)
    codes = numpy.full(n + 2, _BOUNDARY, dtype="uint64")
    if n:
        codes[1:-1] = numpy.frombuffer(folded.encode("utf-32-le"), dtype="uint32")
    prev, char, nxt = codes[:-2], codes[1:-1], codes[2:]
    rows = numpy.zeros((n, len(FEATURES) + (lexicon is not None)), dtype="uint64")
    rows[:, 0] = char
    rows[:, 1] = (prev << numpy.uint64(21)) | char
    rows[:, 2] = (prev << numpy.uint64(42)) | (char << numpy.uint64(21)) | nxt
    rows[:, 3] = class_ids(char)
    if lexicon is not None:
        rows[:, 4] = lexicon_positions(char, lexicon)
    starts = numpy.cumsum([0] + [len(text) + 1 for text in texts])
    return [rows[start:start + len(text)] for start, text in zip(starts, texts)]


# A word's key: its folded code points through a multiplicative hash (uint64 arithmetic wraps).
_MULTIPLIER = numpy.uint64(0x100000001B3)
LEXICON_LENGTHS = range(2, 7)
# bits of the lexicon feature: a word of 2, 3, 4+ characters starts / ends here, or runs across
_STARTS = {2: 1, 3: 2}
_ENDS = {2: 8, 3: 16}
_LONG_START, _LONG_END, _INSIDE = 4, 32, 64


def lexicon_keys(words) -> numpy.ndarray:
    """Sorted keys of the folded ``words`` of LEXICON_LENGTHS characters (all the words of
    one length at once: the model's 48,715 words one by one cost 0.7 s at the first page)."""
    words = list(words)
    keys = [numpy.zeros(0, dtype="uint64")]
    for length in LEXICON_LENGTHS:
        joined = "".join(fold(word)[:length] for word in words if len(word) == length)  # (lower() may lengthen)
        codes = numpy.frombuffer(joined.encode("utf-32-le"), dtype="uint32").astype("uint64").reshape(-1, length)
        keys.append(_key(codes.T))
    return numpy.unique(numpy.concatenate(keys))


def _window_keys(codes: numpy.ndarray, length: int) -> numpy.ndarray:
    """The key of every window of ``length`` characters of ``codes``."""
    return _key([codes[offset: len(codes) - length + 1 + offset] for offset in range(length)])


def _key(columns) -> numpy.ndarray:
    """Keys of words given as columns of code points (the first characters, the second ...)."""
    keys = columns[0].copy()
    for column in columns[1:]:
        keys = keys * _MULTIPLIER + column
    return keys


def lexicon_positions(codes: numpy.ndarray, lexicon: numpy.ndarray) -> numpy.ndarray:
    """Per character, the bits of where lexicon words of 2..6 characters start, end or run across it."""
    n = len(codes)
    bits = numpy.zeros(n, dtype="uint64")
    if not len(lexicon):
        return bits
    for length in LEXICON_LENGTHS:
        if n < length:
            break
        keys = _window_keys(codes, length)
        found = lexicon[numpy.minimum(numpy.searchsorted(lexicon, keys), len(lexicon) - 1)] == keys
        if not found.any():
            continue
        bits[: n - length + 1][found] |= numpy.uint64(_STARTS.get(length, _LONG_START))
        bits[length - 1:][found] |= numpy.uint64(_ENDS.get(length, _LONG_END))
        for offset in range(1, length - 1):
            bits[offset: n - length + 1 + offset][found] |= numpy.uint64(_INSIDE)
    return bits


def docs_features(docs: List[Doc], lexicon: bool = False) -> list[numpy.ndarray]:
    """Features of Docs. The model is trained on character-level Docs (one token per
    character); on other Docs each token counts as its first character. ``lexicon``: add the
    lexicon column, from the word list in the Docs' vocab (LEXICON_TABLE)."""
    texts = [_char_text(doc) for doc in docs]
    return batch_features(texts, vocab_lexicon(docs[0].vocab) if lexicon and docs else None)


def _char_text(doc: Doc) -> str:
    text = doc_text(doc)
    return text if len(doc) == len(text) else "".join(token.text[:1] or " " for token in doc)


LEXICON_TABLE = "kg_lexicon"
_LEXICON_CACHE: dict[int, tuple[object, numpy.ndarray]] = {}


def vocab_lexicon(vocab) -> numpy.ndarray:
    """The sorted word keys of the lexicon saved in ``vocab``'s lookups (computed once per table)."""
    if not vocab.lookups.has_table(LEXICON_TABLE):
        raise ValueError(f"the model reads a lexicon, but the vocab has no {LEXICON_TABLE} table")
    table = vocab.lookups.get_table(LEXICON_TABLE)
    cached = _LEXICON_CACHE.get(id(vocab))
    if cached is None or cached[0] is not table:
        cached = _LEXICON_CACHE[id(vocab)] = (table, lexicon_keys(table["words"].split("\n")))
    return cached[1]


def add_lexicon(vocab, words) -> None:
    """Save ``words`` in ``vocab``'s lookups, where the lexicon feature reads them."""
    if vocab.lookups.has_table(LEXICON_TABLE):
        vocab.lookups.remove_table(LEXICON_TABLE)
    vocab.lookups.add_table(LEXICON_TABLE, {"words": "\n".join(sorted(words))})


def char_feature_extractor(lexicon: bool = False) -> Model[List[Doc], List[Ints2d]]:
    def forward(model, docs, is_train):
        features = [model.ops.asarray(rows, dtype="uint64") for rows in docs_features(docs, lexicon)]
        return features, lambda d_features: []

    return Model("char_features", forward)


@registry.architectures("kg.CharNgramEmbed.v1")
def char_ngram_embed(width: int, rows: List[int], widths: List[int], maxout_pieces: int = 3,
                     vectors_width: int = 0, lexicon_width: int = 0) -> Model[List[Doc], List[Floats2d]]:
    """Hashed embeddings of FEATURES (one table each), mixed by a Maxout layer to ``width``.
    With ``vectors_width``, the pipeline's static character vectors projected to that width
    join them (kg.ner.vectors); with ``lexicon_width``, an embedding of the character's place
    in the words of the vocab's lexicon."""
    if not (len(rows) == len(widths) == len(FEATURES)):
        raise ValueError(f"rows and widths need one entry per feature: {FEATURES}")
    tables = [
        HashEmbed(nO, nV, column=i, seed=11 + i, dropout=0.0)
        for i, (nV, nO) in enumerate(zip(rows, widths))
    ]
    if lexicon_width:
        tables.append(HashEmbed(lexicon_width, 128, column=len(FEATURES), seed=11 + len(FEATURES), dropout=0.0))
    # one flat chain without vectors: the layout models saved before vectors existed load into
    embed = [char_feature_extractor(bool(lexicon_width)), list2ragged(), with_array(concatenate(*tables))]
    if vectors_width:
        embed = [concatenate(chain(*embed), StaticVectors(nO=vectors_width, dropout=0.0, key_attr="ORTH"))]
    mixed_width = sum(widths) + vectors_width + lexicon_width
    return chain(
        *embed,
        with_array(Maxout(width, mixed_width, nP=maxout_pieces, dropout=0.0, normalize=True)),
        ragged2list(),
    )


@registry.callbacks("kg.AddLexicon.v1")
def add_lexicon_callback(path: str | None):
    """Before training starts, save the lexicon of ``path``/lexicon.txt (one word a line,
    written by kg.ner.vectors) in the vocab; without a path, do nothing."""
    def add(nlp):
        if path:
            words = (Path(path) / "lexicon.txt").read_text(encoding="utf-8").split()
            add_lexicon(nlp.vocab, words)
        return nlp

    return add
