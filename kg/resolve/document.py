"""Resolve one document's mentions to canonical names and entity ids.

Ids are ``TYPE:canonical name``. Two kinds carry a scope after ``@`` because their name alone
would merge different things: persons (scoped by the page's home region: the same name in
papers of one region is one person, in papers of different regions two; national leaders,
``kg/data/leaders.txt``, are one person everywhere) and places whose name is not unique in the
gazetteer (a 城关镇 is scoped by its county).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import lru_cache

from kg.errors import KgError
from kg.mention import Mention
from kg.resolve import names
from kg.resolve.gazetteer import Division, Gazetteer, load_gazetteer, load_world_names
from kg.resolve.names import Scope, normalise
from kg.resolve.region import LEVEL_WORDS, infer_region, main_city, main_county, place_names
from kg.resolve.rules import load_rules
from kg.word_lists import read_word_list


@dataclass(frozen=True)
class ResolvedMention:
    mention: Mention
    entity_id: str
    name: str  # canonical name
    type: str
    article_index: int | None
    ref: bool = False  # a deictic reference (我市, 全省) found by the resolver, typed PLACE
    region: str | None = None  # the region the name was resolved in
    division: Division | None = None  # the gazetteer entry of a PLACE


@dataclass(frozen=True)
class LinkedPlace:
    """A gazetteer division as a PLACE entity: a linked place, or one of its ancestors."""

    entity_id: str
    name: str
    code: str | None  # 6-digit code (province, city, county); None below
    level: str
    parent_id: str | None  # the parent's entity id; None for a province


@dataclass
class ResolvedDocument:
    region: str | None
    region_confidence: float
    mentions: list[ResolvedMention] = field(default_factory=list)
    article_regions: list[str | None] = field(default_factory=list)
    located_in: list[tuple[str, str]] = field(default_factory=list)  # (child id, parent id)
    places: list[LinkedPlace] = field(default_factory=list)  # linked places and their ancestors


def entity_key(label: str, name: str, scope: str | None = None) -> str:
    return f"{label}:{name}@{scope}" if scope else f"{label}:{name}"


def article_index_of(starts: list[int], articles: list, position: int) -> int | None:
    """Index of the article whose span contains ``position``, or None (page furniture)."""
    i = bisect.bisect_right(starts, position) - 1
    if i >= 0 and articles[i].start <= position < articles[i].end:
        return i
    return None


def warm_up() -> None:
    """Load the gazetteer, rules and place pattern now (seconds): before worker processes
    fork, so that each has them instead of loading its own copy."""
    gazetteer = load_gazetteer()
    load_rules()
    place_names(gazetteer)


def region_division(name: str) -> Division:
    """The division a region override names (长治 or 长治市); KgError when there is none."""
    division = Scope(load_gazetteer(), load_rules(), None, None).place(name)[1]
    if division is None:
        raise KgError(f"region {name!r} is not a Chinese administrative division")
    return division


def home_region(text: str, gazetteer: Gazetteer, override: str | None) -> tuple[Division | None, float]:
    """The page's home region: the override when given (it must be a known division), else inferred."""
    if override:
        return region_division(override), 1.0
    guess = infer_region(text, gazetteer)
    return guess.division, guess.confidence


def article_region(text: str, home: Division | None, gazetteer: Gazetteer) -> Division | None:
    """A county (or, in a provincial paper, a city) that an article is clearly about."""
    if home is None or home.level in ("county", "township", "village"):
        return home
    if any(w in text for w in LEVEL_WORDS["county"]) and (county := main_county(text, home, gazetteer)):
        return county
    if home.level == "province" and any(w in text for w in LEVEL_WORDS["city"]):
        return main_city(text, home, gazetteer) or home
    return home


def place_key(division: Division, gazetteer: Gazetteer) -> str:
    """PLACE id of a gazetteer division, scoped by its parent when its name is not unique."""
    unique = division.level != "village" and len(gazetteer.by_name.get(division.name, [])) == 1
    parent = gazetteer.by_id.get(division.parent_id or "")
    return entity_key("PLACE", division.name, None if unique or parent is None else parent.name)


def resolve_mention(m: Mention, scope: Scope, companies: list[str], article: int | None) -> ResolvedMention:
    region = (scope.local or scope.home).name if (scope.local or scope.home) else None
    if m.label == "REF" or (m.label == "PLACE" and m.text in scope.rules.references):
        return resolve_reference(m, scope, article)
    division, name, scope_name = None, m.canonical, None
    if m.label == "PLACE":
        name, division = scope.place(m.canonical or m.text)
        if division is None and name in load_world_names():
            region = None  # 中国, 美国, 旧金山 lie in none of the paper's regions
    elif m.label == "ORG":
        name = name or names.org_name(m.text, scope, companies)
        region = named_region(name, scope.gazetteer) or region
    elif m.label == "EVENT":  # 市委经济工作会议 is a different meeting in each city's paper
        name = name or names.relative_body(normalise(m.text), scope)
    elif m.label == "PROJECT":
        name = name or names.project_name(m.text, companies, scope.rules)
    elif m.label == "PERSON" and normalise(m.text) not in national_leaders():
        scope_name = region = scope.home.name if scope.home else None
    name = name or normalise(m.text)
    key = place_key(division, scope.gazetteer) if division else entity_key(m.label, name, scope_name)
    return ResolvedMention(m, key, name, m.label, article, False, region, division)


@lru_cache(maxsize=1)
def national_leaders() -> frozenset[str]:
    """Persons named in every region's papers as the same person (习近平): no region scope."""
    return frozenset(read_word_list("leaders.txt"))


def named_region(name: str, gazetteer: Gazetteer) -> str | None:
    """The division an organisation is named after (吕梁市委 -> 吕梁市, even in a county paper),
    when its name starts with a unique province, city or county name."""
    for end in range(len(name) - 1, 2, -1):
        candidates = gazetteer.by_name.get(name[:end], [])
        if len(candidates) == 1 and candidates[0].level in ("province", "city", "county"):
            return candidates[0].name
    return None


def resolve_reference(m: Mention, scope: Scope, article: int | None) -> ResolvedMention:
    """我市/全省/省会 -> the region at that level, as a PLACE mention flagged ``ref``."""
    level = scope.rules.references.get(normalise(m.text))
    division = scope.at_level(level) if level else None
    if division is None:
        name = m.canonical or normalise(m.text)
        return ResolvedMention(m, entity_key("PLACE", name), name, "PLACE", article, True)
    key = place_key(division, scope.gazetteer)
    return ResolvedMention(m, key, division.name, "PLACE", article, True, division.name, division)


def find_references(text: str, taken: list[Mention], scope_of, starts, articles) -> list[ResolvedMention]:
    """REF mentions the tagger does not emit: every 我市/全市/省会 ... outside a tagged span."""
    rules = load_rules()
    found = []
    for match in names.reference_pattern(rules).finditer(text):
        if any(t.start < match.end() and match.start() < t.end for t in taken):
            continue
        article = article_index_of(starts, articles, match.start())
        ref = resolve_reference(Mention(match.start(), match.end(), match.group(), "REF"),
                                scope_of(article), article)
        if ref.division:
            found.append(ref)
    return found


def linked_places(mentions: list[ResolvedMention], gazetteer: Gazetteer) -> list[LinkedPlace]:
    """Every linked place and each of its ancestors, once, in order of first appearance. Only
    the chains of mentioned places: a county's other villages never appear."""
    places = {}
    for r in mentions:
        if r.division is None:
            continue
        chain = [r.division] + gazetteer.ancestors(r.division)
        for child, parent in zip(chain, chain[1:] + [None]):
            key = place_key(child, gazetteer)
            if key not in places:
                places[key] = LinkedPlace(key, child.name, child.code, child.level,
                                          parent and place_key(parent, gazetteer))
    return list(places.values())


def resolve_document(text: str, articles: list, mentions: list[Mention],
                     region: str | None = None) -> ResolvedDocument:
    """Canonical names and entity ids for ``mentions``, plus the REF mentions found in ``text``.

    ``articles`` have ``.start``/``.end`` offsets into ``text``; ``region`` overrides the
    inferred home region (a division name such as 长治市 or 长治).
    """
    gazetteer, rules = load_gazetteer(), load_rules()
    home, confidence = home_region(text, gazetteer, region)
    starts = [a.start for a in articles]
    local = [article_region(text[a.start:a.end], home, gazetteer) for a in articles]

    def scope_of(article: int | None) -> Scope:
        return Scope(gazetteer, rules, home, local[article] if article is not None else home)

    companies = names.page_companies([m.text for m in mentions if m.label == "ORG"], rules)
    resolved = []
    for m in mentions:
        article = article_index_of(starts, articles, m.start)
        resolved.append(resolve_mention(m, scope_of(article), companies, article))
    resolved += find_references(text, mentions, scope_of, starts, articles)
    resolved.sort(key=lambda r: (r.mention.start, r.mention.end))
    places = linked_places(resolved, gazetteer)
    return ResolvedDocument(home.name if home else None, confidence, resolved,
                            [d.name if d else None for d in local],
                            [(p.entity_id, p.parent_id) for p in places if p.parent_id], places)
