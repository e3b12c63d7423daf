"""spacy-pkuseg's word cutter: the same words, faster.

spacy-pkuseg is a CRF. For each character its feature extractor builds some 80 strings and
looks each up: 8 character and bigram features, 20 substrings to find in its word list, and
50 "word pair" features (each word ending before the character with each word starting at
it, and the mirror, "no word" included). That is nine tenths of its time, and most of it
repeats: neighbouring characters share their substrings, and nearly every pair is "no word"
with "no word". Here each character, bigram and substring of a sentence is looked up once,
in tables made when the model loads, and the pairs are counted rather than spelled out.
The feature indices (the same multiset per character) then go to spacy-pkuseg's own Viterbi
decoder, so the words are identical; ``tests/test_cutter.py`` checks that against
``pkuseg.cut``.

It covers the configuration the pipeline uses: pkuseg's default feature set, no user
dictionary, no post-processing (``kg.ner.components.WordMerger`` sets both).
"""

from __future__ import annotations

from types import SimpleNamespace

import numpy
from spacy_pkuseg import config as pkuseg_config
from spacy_pkuseg.feature_extractor import FeatureExtractor
from spacy_pkuseg.inference import decodeViterbi_fast

from kg.ner.segmenter import NO_WORD, WORD_PAIR

START_FEATURE = 0  # pkuseg gives every character feature 0
CHAR_TEMPLATES = ("c.", "c-1.", "c1.", "c-2.", "c2.")  # a character as itself, and seen from ±1, ±2
BIGRAM_TEMPLATES = ("c-1c.", "cc1.", "c-2c-1.")  # a bigram seen from its second, first, and next character
WORD_TEMPLATES = ("w-1.", "w1.")  # a listed word ending at, starting at the character


class Cutter:
    """``Cutter(seg).cut(text) == seg.cut(text)`` for a spacy_pkuseg.pkuseg ``seg``."""

    def __init__(self, seg):
        if seg.preprocesser.trie.children or seg.postprocesser.do_process or seg.postag:
            raise ValueError("Cutter covers pkuseg without a user dictionary, post-processing or tags")
        if not (pkuseg_config.numLetterNorm and pkuseg_config.wordFeature):
            raise ValueError("Cutter covers pkuseg's default feature set only")
        by_template = _by_template(seg.feature_extractor.feature_to_idx)
        self.model, self.absent = _with_zero_feature(seg.model)
        self.begins = {tag for tag, name in seg.idx_to_tag.items() if "B" in name}
        self.slots = pkuseg_config.wordMax - pkuseg_config.wordMin + 1  # word lengths 6 ... 2
        self.shortest, self.longest = pkuseg_config.wordMin, pkuseg_config.wordMax
        self.chars = _table(by_template, CHAR_TEMPLATES, self.absent)
        self.bigrams = _table(by_template, BIGRAM_TEMPLATES, self.absent)
        self.words = _table(by_template, WORD_TEMPLATES, self.absent, keys=seg.feature_extractor.unigram)
        self.no_char, self.no_bigram = (self.absent,) * len(CHAR_TEMPLATES), (self.absent,) * len(BIGRAM_TEMPLATES)
        self.prefixes = {word[:end] for word in self.words for end in range(1, len(word) + 1)}
        # (word before, word after) -> index; either may be NO_WORD
        self.pairs_left = {WORD_PAIR.fullmatch(pair).groups(): index
                           for pair, index in by_template.get("ww.l.", {}).items()}
        self.pairs_right = {WORD_PAIR.fullmatch(pair).groups(): index
                            for pair, index in by_template.get("ww.r.", {}).items()}
        # Pruned models keep only word-with-word pairs: then a node needs words on both sides.
        self.pairs_with_gaps = any(NO_WORD in pair for pair in (*self.pairs_left, *self.pairs_right))

    def cut(self, text: str) -> list[str]:
        """Words of ``text``; as in pkuseg, whitespace separates fragments and is dropped."""
        words = []
        for fragment in text.split():
            nodes = list(FeatureExtractor.normalize_text(fragment))
            _, tags = decodeViterbi_fast(self.sentence_features(nodes), self.model)
            starts = [0, *(i for i in range(1, len(fragment)) if tags[i] in self.begins), len(fragment)]
            words += [fragment[a:b] for a, b in zip(starts, starts[1:])]
        return words

    def sentence_features(self, nodes: list[str]) -> list[list[int]]:
        """pkuseg's feature indices for each node (normalised character) of a sentence."""
        # padded two either side, so that char[i + 2] is node i and bigram[i + 2] is (i, i + 1)
        # (a feature the model lacks is self.absent, whose weights are zero)
        no_char, no_bigram = self.no_char, self.no_bigram
        char = [no_char, no_char, *(self.chars.get(c, no_char) for c in nodes), no_char, no_char]
        bigram = [no_bigram, no_bigram, *(self.bigrams.get(a + "." + b, no_bigram) for a, b in zip(nodes, nodes[1:])),
                  no_bigram, no_bigram]
        rows = [[START_FEATURE, char[i + 2][0], char[i + 1][1], bigram[i + 1][0], char[i + 3][2],
                 bigram[i + 2][1], char[i][3], bigram[i][2], char[i + 4][4]] for i in range(len(nodes))]
        ending, starting = self._words(nodes)
        for i, row in enumerate(rows):
            ends_before, ends_here = ending[i], ending[i + 1]
            starts_here, starts_after = starting[i + 1], starting[i + 2]
            row += [self.words[word][0] for word in ends_here]
            row += [self.words[word][1] for word in starts_here]
            if (ends_before and starts_here) or (ends_here and starts_after) or self.pairs_with_gaps:
                row += _pairs(self.pairs_left, ends_before, starts_here, self.slots)
                row += _pairs(self.pairs_right, ends_here, starts_after, self.slots)
        return rows

    def _words(self, nodes: list[str]) -> tuple[list[tuple[str, ...]], list[tuple[str, ...]]]:
        """The listed words of 2 to 6 nodes that end and that start at each node, padded one
        either side (item i + 1 is node i). A start is extended only while the text so far
        begins some listed word, so most substrings are never built."""
        n, text = len(nodes), "".join(nodes)
        offsets = list(range(n + 1)) if len(text) == n else _offsets(nodes)
        ending: list[list[str]] = [[] for _ in range(n + 2)]
        starting: list[list[str]] = [[] for _ in range(n + 2)]
        for start in range(n - self.shortest + 1):
            for length in range(self.shortest, min(self.longest, n - start) + 1):
                piece = text[offsets[start]:offsets[start + length]]
                if piece not in self.prefixes:
                    break
                if piece in self.words:
                    starting[start + 1].append(piece)
                    ending[start + length].append(piece)
        return [tuple(words) for words in ending], [tuple(words) for words in starting]


def _by_template(features: dict[str, int]) -> dict[str, dict[str, int]]:
    """{"c-1c.": {"中.国": index, ...}, "ww.l.": {...}, ...}: feature names split into
    template and key (a template runs to its first dot; nodes hold no dots, pkuseg renames them)."""
    split: dict[str, dict[str, int]] = {}
    for name, index in features.items():
        cut = name.find(".", 3 if name.startswith("ww.") else 0) + 1
        if cut:
            split.setdefault(name[:cut], {})[name[cut:]] = index
    return split


def _table(by_template: dict[str, dict[str, int]], templates: tuple[str, ...], absent: int,
           keys=None) -> dict[str, tuple]:
    """key -> (its index under each template, ``absent`` where the model lacks it), for every
    key some template has (or for every key of ``keys``)."""
    columns = [by_template.get(template, {}) for template in templates]
    keys = list(set().union(*columns) if keys is None else keys)
    return dict(zip(keys, zip(*(map(column.get, keys, [absent] * len(keys)) for column in columns))))


def _with_zero_feature(model) -> tuple[SimpleNamespace, int]:
    """The model with one more feature, all of whose weights are zero, and its index: a
    character can then list the features it lacks as that one instead of being filtered
    (adding 0.0 leaves pkuseg's scores exactly as they were)."""
    features, tags = model.n_feature, model.n_tag
    weights = numpy.concatenate([model.w[:features * tags], numpy.zeros(tags, dtype=model.w.dtype),
                                 model.w[features * tags:]])
    return SimpleNamespace(n_feature=features + 1, n_tag=tags, w=weights), features


def _offsets(nodes: list[str]) -> list[int]:
    """Where each node starts in the joined text (nodes such as **Num are longer than one)."""
    offsets = [0]
    for node in nodes:
        offsets.append(offsets[-1] + len(node))
    return offsets


def _pairs(table: dict[tuple[str, str], int], left_words: tuple[str, ...], right_words: tuple[str, ...],
           slots: int) -> list[int]:
    """The features of every (left, right) combination pkuseg lists, each side ``slots`` long
    with NO_WORD where no word is; counted, since most combinations are NO_WORD with NO_WORD."""
    left_gaps, right_gaps = slots - len(left_words), slots - len(right_words)
    found = []
    if (feature := table.get((NO_WORD, NO_WORD))) is not None:
        found += [feature] * (left_gaps * right_gaps)
    for left in left_words:
        if (feature := table.get((left, NO_WORD))) is not None:
            found += [feature] * right_gaps
        found += [f for right in right_words if (f := table.get((left, right))) is not None]
    for right in right_words:
        if (feature := table.get((NO_WORD, right))) is not None:
            found += [feature] * left_gaps
    return found
