"""China's administrative divisions (province, city, county, township, village), read offline.

The data is the division tree that the ``jionlp`` package ships (``dictionary/china_location.zip``,
Apache-2.0, refreshed with each release): provinces, cities and counties with their 6-digit
codes and short names, townships and villages by name under their county. Only the data file
is read; jionlp's own modules are never imported (they are slow to import and not needed).
Townships and villages have no code there, so their ids are the county code plus the path.
"""

from __future__ import annotations

import importlib.util
import re
import zipfile
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kg.errors import KgError

LEVELS = ("province", "city", "county", "township", "village")


@dataclass(frozen=True)
class Division:
    id: str  # the 6-digit code for province/city/county; "code/township[/village]" below
    name: str  # full official name, e.g. 长治市
    short: str | None  # e.g. 长治 (province, city and county only)
    level: str
    parent_id: str | None

    @property
    def code(self) -> str | None:
        return self.id if self.id.isdigit() else None


class Gazetteer:
    """The division tree with name indexes. Villages are indexed only inside a scope."""

    def __init__(self, divisions: list[Division], villages: dict[str, tuple[str, ...]]):
        self.by_id = {d.id: d for d in divisions}
        self.by_name: dict[str, list[Division]] = defaultdict(list)
        self.by_short: dict[str, list[Division]] = defaultdict(list)
        self.children: dict[str, list[str]] = defaultdict(list)
        self._villages = villages  # township id -> village names
        for d in divisions:
            self.by_name[d.name].append(d)
            if d.short and d.short != d.name:
                self.by_short[d.short].append(d)
            if d.parent_id:
                self.children[d.parent_id].append(d.id)

    def ancestors(self, division: Division) -> list[Division]:
        """Parents from the nearest up to the province."""
        chain = []
        while division.parent_id and division.parent_id != division.id:
            division = self.by_id[division.parent_id]
            chain.append(division)
        return chain

    def is_within(self, division: Division, scope: Division) -> bool:
        return division.id == scope.id or any(a.id == scope.id for a in self.ancestors(division))

    def province_of(self, division: Division) -> Division:
        return ([division] + self.ancestors(division))[-1]

    def city_of(self, division: Division) -> Division | None:
        for d in [division] + self.ancestors(division):
            if d.level == "city":
                return d
        return None

    def candidates(self, name: str) -> list[Division]:
        """Divisions whose full or short name is ``name`` (villages excepted)."""
        return self.by_name.get(name, []) + self.by_short.get(name, [])

    def villages_within(self, name: str, scope: Division) -> list[Division]:
        """Villages called ``name`` under ``scope`` (a county or a township)."""
        townships = [scope.id] if scope.level == "township" else self._townships_under(scope)
        return [Division(f"{t}/{name}", name, None, "village", t)
                for t in townships if name in self._villages.get(t, ())]

    def _townships_under(self, scope: Division) -> list[str]:
        if scope.level in ("province", "city"):
            return [t for c in self.children[scope.id] for t in self._townships_under(self.by_id[c])]
        return self.children[scope.id] if scope.level == "county" else []


def _read_dictionary(name: str) -> list[str]:
    """Lines of one of jionlp's data files (``dictionary/<name>.zip``, or ``<name>.txt``)."""
    spec = importlib.util.find_spec("jionlp")
    if spec is None or not spec.submodule_search_locations:
        raise KgError("the gazetteer needs the jionlp package (pip install jionlp)")
    folder = Path(spec.submodule_search_locations[0]) / "dictionary"
    if not (folder / f"{name}.zip").exists():
        return (folder / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    with zipfile.ZipFile(folder / f"{name}.zip") as archive:
        return archive.read(f"{name}.txt").decode("utf-8").splitlines()


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    return parse_tree(_read_dictionary("china_location"))


@lru_cache(maxsize=1)
def load_world_names() -> frozenset[str]:
    """Countries (short and full names), their capitals and main cities (jionlp's
    ``world_location.txt``): places that lie in no region of a Chinese paper."""
    names = set()
    for line in _read_dictionary("world_location"):
        fields = line.split("\t")
        if len(fields) > 1:
            names.update(name for field in fields for name in field.split("/") if name)
    return frozenset(names)


# Rivers, lakes, reservoirs and canals: words of three or more characters with one of these
# heads, minus idioms, sayings and common nouns that end the same way (口若悬河, 混迹江湖,
# 排水渠, 摸着石头过河, 灿若星河).
WATER_NAME = re.compile(r"[\u4e00-\u9fff]{2,6}(?:河|江|湖|水库|渠)")
NOT_WATER_ENDINGS = ("江湖", "江河", "山河", "长河", "悬河", "过江", "水渠", "水湖", "蚀湖", "轭湖", "山湖", "过河")
NOT_WATER_STARTS = ("地下",)
SAYINGS = {"耿耿星河", "灿若星河", "高峡出平湖"}  # lines of poems, not in jionlp's idiom list


def load_water_names(words: set[str] | None = None) -> list[str]:
    """Names of rivers, lakes and reservoirs (浊漳河, 滹沱河, 漳河水库) from jionlp's word list
    (``idf.txt``, 270k words, or ``words`` read from it already), minus its idioms
    (``chinese_idiom.txt``: 信口开河): the division tree has none, and local papers name local
    rivers."""
    sayings = SAYINGS | _first_column("chinese_idiom")
    return sorted(w for w in (words or _read_words())
                  if WATER_NAME.fullmatch(w) and not w.endswith(NOT_WATER_ENDINGS)
                  and not w.startswith(NOT_WATER_STARTS) and w not in sayings and not _two_rivers(w))


def _read_words() -> set[str]:
    """jionlp's word list (``idf.txt``, 270k words: some 30 MB, so not kept)."""
    return _first_column("idf")


def _first_column(name: str) -> set[str]:
    """The first tab-separated field of each line of one of jionlp's data files."""
    return {line.split("\t", 1)[0] for line in _read_dictionary(name)}


def _two_rivers(name: str) -> bool:
    """Two rivers named together, not one (长江黄河)."""
    return name[-1] in "河江湖" and len(name) >= 4 and name[-3] in "河江湖"


def load_river_short_names() -> dict[str, str]:
    """River names by their short form without 河 (浊漳河 -> 浊漳), where that form is no word
    of its own in jionlp's list (母亲河 keeps 母亲 a mother)."""
    words = _read_words()
    return {name: name[:-1] for name in load_water_names(words)
            if name.endswith("河") and len(name) >= 3 and not name.endswith("运河") and name[:-1] not in words}


def parse_tree(lines: list[str]) -> Gazetteer:
    """Parse jionlp's tab-indented tree: depth 0-2 ``name\\tcode\\tshort``, 3-4 ``name``."""
    divisions: list[Division] = []
    villages: dict[str, list[str]] = defaultdict(list)
    path: list[str] = []  # ids of the current province, city, county, township
    for line in lines:
        depth = len(line) - len(line.lstrip("\t"))
        fields = line.strip().split("\t")
        if not fields[0]:
            continue
        del path[depth:]
        parent = path[-1] if path else None
        if depth == 4:
            villages[parent].append(fields[0])
            continue
        name, code, short = (fields + [None, None])[:3]
        if code and code == parent:
            # A level that repeats its parent's code: a municipality's city level (北京市),
            # or the placeholder county of a city without counties (东莞市 › 市直辖行政区划).
            # Its children belong to the parent.
            path.append(parent)
            continue
        division_id = code or f"{parent}/{name}"  # townships (and a few others) have no code
        d = Division(division_id, name, short, LEVELS[depth], parent)
        divisions.append(d)
        path.append(d.id)
    return Gazetteer(divisions, {k: tuple(v) for k, v in villages.items()})
