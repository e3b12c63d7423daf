"""Canonical names by the annotation guidelines, one rule table at a time.

Every function takes a :class:`Scope`: the gazetteer, the rules and the regions in force for a
mention (the article's region when it has one, else the page's home region).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from kg.resolve.gazetteer import Division, Gazetteer
from kg.resolve.rules import Rules
from kg.text import join_broken_lines

LEVEL_ORDER = ("province", "city", "county", "township", "village")


@dataclass(frozen=True)
class Scope:
    gazetteer: Gazetteer
    rules: Rules
    home: Division | None  # the page's home region
    local: Division | None  # the article's region, or the home region

    def at_level(self, level: str) -> Division | None:
        """The region in force at ``level`` (province, city, county, or capital for 省会)."""
        region = self.local or self.home
        if region is None:
            return None
        if level == "capital":
            capital = self.rules.capitals.get(self.gazetteer.province_of(region).name)
            return self.place(capital)[1] if capital else None
        chain = [region] + self.gazetteer.ancestors(region)
        return next((d for d in chain if d.level == level), None)

    def place(self, surface: str) -> tuple[str, Division | None]:
        """Full name and division of a place surface (长治地区 -> 长治市), preferring the scope."""
        name = normalise(surface)
        for suffix in self.rules.place_suffixes:
            if name.endswith(suffix) and len(name) > len(suffix):
                name = name[: -len(suffix)]
                break
        division = self.choose(self.gazetteer.candidates(name) or self._villages(name))
        return (division.name if division else normalise(surface)), division

    def choose(self, candidates: list[Division]) -> Division | None:
        """The one homonym inside the narrowest region in force, else the one top-level one."""
        province = self.gazetteer.province_of(self.home) if self.home else None
        for region in (self.local, self.home, province):
            inside = [d for d in candidates if region and self.gazetteer.is_within(d, region)]
            if inside:
                return _only_highest(inside)
        best = _only_highest(candidates)
        return best if best and LEVEL_ORDER.index(best.level) <= LEVEL_ORDER.index("county") else None

    def _villages(self, name: str) -> list[Division]:
        region = self.local or self.home
        if not region or not name.endswith("村") or region.level == "province":
            return []
        return self.gazetteer.villages_within(name, region)


def _only_highest(candidates: list[Division]) -> Division | None:
    """The highest-level candidate when it is the only one at its level (else ambiguous)."""
    if not candidates:
        return None
    top = min(LEVEL_ORDER.index(d.level) for d in candidates)
    best = [d for d in candidates if LEVEL_ORDER.index(d.level) == top]
    return best[0] if len(best) == 1 else None


def normalise(surface: str) -> str:
    """Width-normalised, without the PDF line breaks a surface form may contain."""
    return join_broken_lines(unicodedata.normalize("NFKC", surface))


def org_name(surface: str, scope: Scope, companies: list[str]) -> str:
    """Relative prefix, then abbreviations, then the page's full company name."""
    name = expand_abbreviation(relative_body(normalise(surface), scope), scope.rules)
    return company_full_name(name, companies, scope.rules) or name


def relative_body(name: str, scope: Scope) -> str:
    """市委 -> 长治市委, 县水利局 -> 襄垣县水利局; unchanged when the region at that level is unknown."""
    prefix = name[:1]
    level = scope.rules.relative_prefixes.get(prefix)
    if not level or len(name) < 2 or name.startswith(scope.rules.not_relative):
        return name
    region = scope.at_level(level)
    return region.name + name[1:] if region else name


def expand_abbreviation(name: str, rules: Rules) -> str:
    for short in sorted(rules.abbreviations, key=len, reverse=True):
        if name.endswith(short):
            return name[: -len(short)] + rules.abbreviations[short]
    return name


def company_core(full: str, rules: Rules) -> str | None:
    """山西正来制药有限公司 -> 山西正来制药; None when ``full`` has no company ending."""
    for suffix in rules.company_suffixes:
        if full.endswith(suffix) and len(full) > len(suffix):
            return full[: -len(suffix)]
    return None


def company_full_name(name: str, companies: list[str], rules: Rules) -> str | None:
    """The page's one full company name that contains the short form ``name``."""
    if company_core(name, rules):
        return None
    matches = {full for full in companies if name in (company_core(full, rules) or "")}
    return matches.pop() if len(matches) == 1 else None


def project_name(surface: str, companies: list[str], rules: Rules) -> str:
    """A project named after a company's short form takes its full name (山西正来制药GMP项目)."""
    name = normalise(surface)
    for full in companies:
        core = company_core(full, rules)
        if core and core in name and full not in name:
            return name.replace(core, full, 1)
    return name


def page_companies(texts: list[str], rules: Rules) -> list[str]:
    """Full company names among ``texts`` (the page's ORG surfaces)."""
    return sorted({normalise(t) for t in texts if company_core(normalise(t), rules)})


def reference_pattern(rules: Rules) -> re.Pattern:
    return re.compile("|".join(map(re.escape, sorted(rules.references, key=len, reverse=True))))
