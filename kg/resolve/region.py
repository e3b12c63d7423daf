"""Which region a page speaks from: its home city (or county, or province), with a confidence.

Evidence, strongest first: a kicker such as 中国式现代化长治实践, a dateline such as 本报太原12月25日讯,
and every province, city and county the page names, each voting for the city it lies in. The
level then follows the page's own relative words: a page full of 全省/我省/省委 and few 我市/市委
speaks from the province, one full of 全县/县委 from the county it names most.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from kg.resolve.gazetteer import Division, Gazetteer

KICKER = re.compile(r"中国式现代化(\w{2,6}?)实践")
DATELINE = re.compile(r"本报(\w{2,6}?)\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*电?讯")
KICKER_WEIGHT, DATELINE_WEIGHT = 10, 3
LEVEL_WORDS = {
    "province": ("我省", "全省", "本省", "省委", "省政府"),
    "city": ("我市", "全市", "本市", "市委", "市政府", "市政协"),
    "county": ("我县", "全县", "本县", "县委", "县政府"),
}
# Two-character county names that are also common words (长治's old 城区, 郊区 ...).
GENERIC_NAMES = {"城区", "郊区", "矿区", "新区", "市区", "市中区"}


@dataclass(frozen=True)
class RegionGuess:
    division: Division | None
    confidence: float
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True)
class PlaceNames:
    """Every province, city and county name, and the short names of the first two, with the
    one division each names (None when it names several)."""

    divisions: dict[str, Division | None]
    prefixes: frozenset[str]
    first_chars: re.Pattern

    def find(self, text: str):
        """(offset, name) of each name in ``text``, scanning left to right and taking the
        longest name at each position, as one regex alternation of all names would (this is
        several times faster than that regex: a set lookup per character that starts a name)."""
        position = 0
        while match := self.first_chars.search(text, position):
            start = position = match.start()
            name = None
            for end in range(start + 2, len(text) + 1):
                piece = text[start:end]
                if piece not in self.prefixes:
                    break
                if piece in self.divisions:
                    name = piece
            position = start + len(name) if name else start + 1
            if name:
                yield start, name


@lru_cache(maxsize=2)
def place_names(gazetteer: Gazetteer) -> PlaceNames:
    names = {d.name for d in gazetteer.by_id.values()
             if d.level in ("province", "city", "county") and d.name not in GENERIC_NAMES}
    names |= {d.short for d in gazetteer.by_id.values()
              if d.level in ("province", "city") and d.short and len(d.short) >= 2}
    divisions = {}
    for name in names:
        candidates = [d for d in gazetteer.candidates(name) if d.level in ("province", "city", "county")]
        divisions[name] = candidates[0] if len(candidates) == 1 else None
    prefixes = frozenset(name[:end] for name in names for end in range(1, len(name) + 1))
    first_chars = re.compile("[" + re.escape("".join(sorted({name[0] for name in names}))) + "]")
    return PlaceNames(divisions, prefixes, first_chars)


def named_places(text: str, gazetteer: Gazetteer) -> list[tuple[int, Division]]:
    """(offset, division) for each unambiguous division named in ``text``."""
    names = place_names(gazetteer)
    return [(start, division) for start, name in names.find(text) if (division := names.divisions[name])]


def city_votes(text: str, gazetteer: Gazetteer) -> tuple[Counter, list[str]]:
    votes: Counter = Counter()
    evidence = []
    for pattern, weight in ((KICKER, KICKER_WEIGHT), (DATELINE, DATELINE_WEIGHT)):
        for match in pattern.finditer(text):
            for d in gazetteer.candidates(match.group(1)):
                if city := gazetteer.city_of(d):
                    votes[city.id] += weight
                    evidence.append(match.group())
    for _, d in named_places(text, gazetteer):
        if city := gazetteer.city_of(d):
            votes[city.id] += 1
    return votes, evidence


def level_counts(text: str) -> dict[str, int]:
    return {level: sum(text.count(w) for w in words) for level, words in LEVEL_WORDS.items()}


def infer_region(text: str, gazetteer: Gazetteer) -> RegionGuess:
    votes, evidence = city_votes(text, gazetteer)
    if not votes:
        return RegionGuess(None, 0.0)
    city_id, top = votes.most_common(1)[0]
    city = gazetteer.by_id[city_id]
    share = top / sum(votes.values())
    levels = level_counts(text)
    kicked = any(KICKER.search(e) for e in evidence)
    if levels["province"] > levels["city"] and not kicked:
        province = gazetteer.province_of(city)
        return RegionGuess(province, _confidence(levels, "province", 1.0), tuple(evidence))
    if levels["county"] > levels["city"]:
        county = main_county(text, city, gazetteer)
        if county:
            return RegionGuess(county, _confidence(levels, "county", share), tuple(evidence))
    return RegionGuess(city, _confidence(levels, "city", share), tuple(evidence))


def _confidence(levels: dict[str, int], level: str, share: float) -> float:
    """The winner's share of place votes, discounted when the relative words are mixed."""
    total = sum(levels.values())
    level_share = levels[level] / total if total else 0.5
    return round(share * (0.5 + 0.5 * level_share), 2)


def main_county(text: str, scope: Division, gazetteer: Gazetteer, minimum: int = 2) -> Division | None:
    """The county inside ``scope`` that ``text`` names most (at least ``minimum`` times)."""
    counts = Counter(d.id for _, d in named_places(text, gazetteer)
                     if d.level == "county" and gazetteer.is_within(d, scope))
    counts.update(_short_county_mentions(text, scope, gazetteer))
    if not counts:
        return None
    county_id, n = counts.most_common(1)[0]
    return gazetteer.by_id[county_id] if n >= minimum else None


def _short_county_mentions(text: str, scope: Division, gazetteer: Gazetteer) -> Counter:
    """Counties named by their short form (襄垣 for 襄垣县), counted only inside ``scope``."""
    counts: Counter = Counter()
    for child in _counties_under(scope, gazetteer):
        if child.short and len(child.short) >= 2 and child.short != child.name:
            counts[child.id] += text.count(child.short) - text.count(child.name)
    return +counts


def _counties_under(scope: Division, gazetteer: Gazetteer) -> list[Division]:
    if scope.level == "county":
        return [scope]
    children = [gazetteer.by_id[c] for c in gazetteer.children[scope.id]]
    return [c for child in children if child.level in ("city", "county")
            for c in _counties_under(child, gazetteer)]


def main_city(text: str, province: Division, gazetteer: Gazetteer, minimum: int = 2) -> Division | None:
    """The city inside ``province`` that ``text`` names most, counting its counties."""
    votes, _ = city_votes(text, gazetteer)
    inside = [(n, c) for c, n in votes.items() if gazetteer.is_within(gazetteer.by_id[c], province)]
    if not inside:
        return None
    n, city_id = max(inside)
    return gazetteer.by_id[city_id] if n >= minimum else None
