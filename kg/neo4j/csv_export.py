"""CSV files for ``neo4j-admin database import full``, for graphs too large for driver loading.

One header file and one data file per kind (``entities.header.csv`` + ``entities.csv``, ...),
so the data files stay plain rows. Arrays (aliases, evidence) are joined with U+001F, a control
character no name or sentence contains, hence ``--array-delimiter=U+001F`` in the command.
"""

from __future__ import annotations

import csv
import os
import tempfile
from pathlib import Path

from kg.neo4j.rows import iter_rows, open_store

ARRAY_DELIMITER = "\x1f"

# kind -> [(header column, function of a row giving the value)]
COLUMNS = {
    "entities": [
        ("id:ID(Entity)", lambda r: r["id"]),
        (":LABEL", lambda r: f"Entity;{r['label']}"),
        ("name", lambda r: r["props"]["name"]),
        ("type", lambda r: r["props"]["type"]),
        ("aliases:string[]", lambda r: ARRAY_DELIMITER.join(r["props"]["aliases"])),
        ("alias_text", lambda r: r["props"]["alias_text"]),
        ("mentions:long", lambda r: r["props"]["mentions"]),
        ("articles:long", lambda r: r["props"]["articles"]),
        ("region", lambda r: r["props"]["region"]),
        ("division_code", lambda r: r["props"]["division_code"]),
        ("division_level", lambda r: r["props"]["division_level"]),
    ],
    # the ID column has no name, so it is not stored; `id:long` keeps the store's integer id
    "articles": [
        (":ID(Article)", lambda r: r["id"]),
        (":LABEL", lambda r: "Article"),
        ("id:long", lambda r: r["id"]),
        ("title", lambda r: r["props"]["title"]),
        ("source", lambda r: r["props"]["source"]),
        ("date", lambda r: r["props"]["date"]),
        ("region", lambda r: r["props"]["region"]),
        ("document_id:long", lambda r: r["props"]["document_id"]),
        ("ordinal:long", lambda r: r["props"]["ordinal"]),
    ],
    "mentioned_in": [
        (":START_ID(Entity)", lambda r: r["source"]),
        (":END_ID(Article)", lambda r: r["target"]),
        (":TYPE", lambda r: "MENTIONED_IN"),
        ("count:long", lambda r: r["props"]["count"]),
    ],
    "co_occurs": [
        (":START_ID(Entity)", lambda r: r["source"]),
        (":END_ID(Entity)", lambda r: r["target"]),
        (":TYPE", lambda r: "CO_OCCURS"),
        ("weight:double", lambda r: r["props"]["weight"]),
        ("sentences:long", lambda r: r["props"]["sentences"]),
        ("articles:long", lambda r: r["props"]["articles"]),
        ("npmi:double", lambda r: r["props"]["npmi"]),
        ("evidence:string[]", lambda r: ARRAY_DELIMITER.join(r["props"]["evidence"])),
    ],
    "located_in": [
        (":START_ID(Entity)", lambda r: r["source"]),
        (":END_ID(Entity)", lambda r: r["target"]),
        (":TYPE", lambda r: "LOCATED_IN"),
    ],
}
NODE_FILES = ("entities", "articles")


def write_neo4j_csv(db_path: str | Path, out_dir: str | Path) -> dict[str, int]:
    """Write header and data files for every kind into ``out_dir``; rows written per kind."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    with open_store(db_path) as store:
        written = {}
        for kind, columns in COLUMNS.items():
            _write_csv(out / f"{kind}.header.csv", [[name for name, _ in columns]])
            rows = ([value(row) for _, value in columns] for row in iter_rows(store, kind))
            written[kind] = _write_csv(out / f"{kind}.csv", rows)
    return written


def _write_csv(path: Path, rows) -> int:
    """Write to a temporary file beside ``path`` and rename it into place; rows written."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
            n = 0
            for row in rows:
                writer.writerow(row)
                n += 1
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise
    return n


def import_command(csv_dir: str | Path, database: str = "neo4j") -> str:
    """The ``neo4j-admin`` command importing ``csv_dir`` (as the server sees it) into ``database``."""
    d = Path(csv_dir)
    files = " ".join(
        f"--{'nodes' if kind in NODE_FILES else 'relationships'}={d / kind}.header.csv,{d / kind}.csv"
        for kind in COLUMNS)
    return (f"neo4j-admin database import full {database} --overwrite-destination "
            f"--array-delimiter=U+001F --multiline-fields=true {files}")
