"""PLACE names the statistical model misses: China's administrative divisions, by name.

The model's training corpus (MSRA) is national news from 1998. Local papers name counties,
districts and townships the model has rarely seen (屯留区, 北耽车乡, 西营镇). The gazetteer
of administrative divisions that entity resolution links places to knows them. This
component tags a text span as PLACE when

* it is the full name (with its suffix: 省 市 县 区 旗 镇 乡 街道 …) of a division at
  province, city, county or township level, at least three characters long, or
* it is a village, ``X村`` or ``XX村`` (one or two Han characters before 村), that directly
  follows a place: admin chains are split one entity per level (平顺县北耽车乡澗头村),

and it overlaps no entity found already (the model's spans win). The names are saved with
the pipeline (``places.txt``), so tagging needs neither jionlp nor its load time.
"""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.ner.tokenizer import doc_text

LONGEST_NAME = 12
VILLAGE = "村"


@Language.factory("kg_places")
def make_places(nlp: Language, name: str) -> "DivisionNames":
    return DivisionNames(name)


class DivisionNames:
    def __init__(self, name: str, names: frozenset[str] = frozenset()):
        self.name = name
        self.names = names
        self.last_chars = frozenset(n[-1] for n in names)

    def initialize(self, get_examples=None, *, nlp=None, names: list[str] | None = None):
        """Take the names from the gazetteer (kg.resolve), or from ``names``."""
        if names is None:
            from kg.resolve import load_gazetteer

            names = [d.name for d in load_gazetteer().by_id.values()]
        self.__init__(self.name, frozenset(n for n in names if 3 <= len(n) <= LONGEST_NAME))

    def __call__(self, doc: Doc) -> Doc:
        found = place_spans(doc_text(doc), [(e.start_char, e.end_char) for e in doc.ents], self)
        if found:
            spans = list(doc.ents) + [Span(doc, start, end, label="PLACE") for start, end in found]
            doc.ents = sorted(spans, key=lambda span: span.start)
        return doc

    def to_disk(self, path, *, exclude=tuple()):
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / "places.txt").write_text("\n".join(sorted(self.names)), encoding="utf-8")

    def from_disk(self, path, *, exclude=tuple()):
        names = (Path(path) / "places.txt").read_text(encoding="utf-8").split("\n")
        self.__init__(self.name, frozenset(n for n in names if n))
        return self


def place_spans(text: str, taken: list[tuple[int, int]], names: DivisionNames) -> list[tuple[int, int]]:
    """New PLACE spans of ``text`` (character offsets) that overlap nothing in ``taken``."""
    busy = bytearray(len(text) + 1)
    place_ends = set()
    for start, end in taken:
        busy[start:end] = b"\x01" * (end - start)
        place_ends.add(end)
    found = []
    for end in range(1, len(text) + 1):
        last = text[end - 1]
        if last not in names.last_chars and last != VILLAGE:
            continue
        start = _longest_name(text, end, names) if last in names.last_chars else None
        if start is None and last == VILLAGE:
            start = _village(text, end, place_ends)
        if start is None or any(busy[start:end]):
            continue
        found.append((start, end))
        busy[start:end] = b"\x01" * (end - start)
        place_ends.add(end)
    return found


def _longest_name(text: str, end: int, names: DivisionNames) -> int | None:
    for start in range(max(0, end - LONGEST_NAME), end - 2):
        if text[start:end] in names.names:
            return start
    return None


def _village(text: str, end: int, place_ends: set[int]) -> int | None:
    for start in (end - 3, end - 2):  # XX村, then X村
        if start in place_ends and all(_is_han(c) for c in text[start:end]):
            return start
    return None


def _is_han(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"
