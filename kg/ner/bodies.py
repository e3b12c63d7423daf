"""Party and government bodies named by their level alone: 县委, 市政府, 省工信厅, 市人社局.

Local papers name their own bodies this way on every page (the guidelines tag them as ORG and
entity resolution completes them: 市委 -> 长治市委). The model finds about half of them: its
corpus, MSRA, tags 市委 and 省政府 in some sentences and not in others (143 against 146 times
in its training set). So a level character (省 市 县 区) followed by a body listed in
``kg/data/bodies.txt`` is an ORG when

* it starts a word and overlaps no entity found already, or only entities inside it (the
  model's 市人社 of 市人社局, 文物局 of 市文物局), which it replaces. A word starts at the
  start of the text, after punctuation, a space or digit, after an entity (汾阳 + 市政协:
  the place prefix is added afterwards), or after a function character (在县委有关部门, 由市文物局作为实施单位). After
  any other Han character the level character belongs to a word (城市政府, 社区委员会); or
* the level character ends a PLACE (长治市 + 政府, 平顺县 + 水利局): the place and the body
  are one organisation (长治市政府).

委 followed by 员, 托 or 屈 is a word (委员, 委托, 委屈), not a body.
"""

from __future__ import annotations

import re

from kg.word_lists import read_word_list

Span = tuple[int, int, str]

LEVELS = "省市县区"
# characters after which a new word starts: prepositions, conjunctions, particles
FUNCTION_CHARS = set("在由与和及同向对经据把被将从让请为是了的到给受并或等跟按日")
NOT_A_BODY_AFTER_WEI = set("员托屈派任婉身实")


BODIES = read_word_list("bodies.txt")
_PATTERN = re.compile(f"[{LEVELS}](?:{'|'.join(sorted(BODIES, key=len, reverse=True))})")


def with_bodies(text: str, ents: list[Span]) -> list[Span]:
    """``ents`` plus the bodies named by level, as ORG; a PLACE ending in the level
    character becomes part of the body."""
    ents = list(ents)
    for match in _PATTERN.finditer(text):
        start, end = match.span()
        if text.endswith("委", start, end) and text[end:end + 1] in NOT_A_BODY_AFTER_WEI:
            continue
        overlapping = [e for e in ents if e[0] < end and start < e[1]]
        inside = all(start <= e[0] and e[1] <= end for e in overlapping)
        if inside and _starts_word(text, start, ents):
            # the listed body replaces what the model found inside it (市人社 of 市人社局)
            ents = [e for e in ents if e not in overlapping] + [(start, end, "ORG")]
        elif len(overlapping) == 1 and overlapping[0][2] == "PLACE" and overlapping[0][1] == start + 1:
            place = overlapping[0]
            ents[ents.index(place)] = (place[0], end, "ORG")
    return sorted(ents)


def _starts_word(text: str, start: int, ents: list[Span]) -> bool:
    if start == 0 or any(e[1] == start for e in ents):
        return True
    before = text[start - 1]
    return not ("\u4e00" <= before <= "\u9fff") or before in FUNCTION_CHARS
