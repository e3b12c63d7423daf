"""The resolver's rule tables: TSV files in ``kg/data/resolve_*.tsv`` that users extend.

Each table is one entry a line (``#`` starts a comment line). A user table in an extra folder
with the same file name adds to (and for keyed tables overrides) the shipped one.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kg.errors import InputError

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


@dataclass(frozen=True)
class Rules:
    references: dict[str, str]  # 我市 -> city
    relative_prefixes: dict[str, str]  # 市 -> city
    not_relative: tuple[str, ...]  # 市场 ...
    abbreviations: dict[str, str]  # 工信厅 -> 工业和信息化厅
    place_suffixes: tuple[str, ...]  # 地区 ...
    company_suffixes: tuple[str, ...]  # 有限公司 ...
    capitals: dict[str, str]  # 山西省 -> 太原市


def read_table(path: Path, columns: int) -> list[tuple[str, ...]]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = tuple(f.strip() for f in line.split("\t"))
        if len(fields) != columns or not all(fields):
            raise InputError(str(path), f"line {number}: expected {columns} tab-separated fields")
        rows.append(fields)
    return rows


def _rows(name: str, columns: int, folders: tuple[Path, ...]) -> list[tuple[str, ...]]:
    return [row for folder in folders if (folder / name).exists()
            for row in read_table(folder / name, columns)]


def _longest_first(rows: list[tuple[str, ...]]) -> tuple[str, ...]:
    return tuple(sorted({r[0] for r in rows}, key=len, reverse=True))


@lru_cache(maxsize=8)
def load_rules(*extra_folders: Path) -> Rules:
    folders = (DATA_DIR, *map(Path, extra_folders))
    return Rules(
        references=dict(_rows("resolve_references.tsv", 2, folders)),
        relative_prefixes=dict(_rows("resolve_relative_prefixes.tsv", 2, folders)),
        not_relative=_longest_first(_rows("resolve_not_relative.tsv", 1, folders)),
        abbreviations=dict(_rows("resolve_abbreviations.tsv", 2, folders)),
        place_suffixes=_longest_first(_rows("resolve_place_suffixes.tsv", 1, folders)),
        company_suffixes=_longest_first(_rows("resolve_company_suffixes.tsv", 1, folders)),
        capitals=dict(_rows("resolve_capitals.tsv", 2, folders)),
    )
