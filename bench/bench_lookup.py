"""`kg lookup` latency: on a store from `kg build` and on a synthetic store of 1M entities.

    python bench/bench_lookup.py --db out/kg.sqlite            # a built store
    python bench/bench_lookup.py --synthetic 1000000           # builds /tmp/kg-1m.sqlite once

Queries are drawn (seeded) from the store's own names: whole names (exact), their first two
characters (prefix), three middle characters (substring via the trigram index), two middle
characters (short substring: a scan in mention order) and names that do not occur. Prints
median and 95th-percentile milliseconds per query kind, for ``lookup(..., limit=10)``
including aliases, articles and neighbours with evidence.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from pathlib import Path

from kg.lookup import lookup
from kg.store import Store
from machine import describe  # bench/, the script's folder

CHARS = "长治太原大同市县区镇村委政府局厅人民会议公司集团中心学院医院工程项目建设发展改革山西省晋城吕梁忻州朔阳泉运临汾"


def synthetic_store(path: Path, entities: int, seed: int = 0) -> Path:
    """``entities`` random names (4-9 characters) with an alias each and 2 edges per entity."""
    if path.exists():
        return path
    rng = random.Random(seed)
    types = ["PERSON", "ORG", "PLACE", "PROJECT", "DOC", "EVENT"]
    with Store(path) as store:
        ids = []
        with store.db:
            rows = []
            for n in range(entities):
                name = "".join(rng.choice(CHARS) for _ in range(rng.randint(4, 9))) + str(n % 97)
                ids.append(f"{types[n % 6]}:{name}")
                rows.append((ids[-1], name, types[n % 6], rng.randint(1, 500), rng.randint(1, 50)))
            store.db.executemany("INSERT OR IGNORE INTO entities (id, name, type, mentions, articles)"
                                 " VALUES (?, ?, ?, ?, ?)", rows)
            store.db.executemany("INSERT OR IGNORE INTO aliases VALUES (?, ?, 1)",
                                 ((i, i.split(":", 1)[1][1:]) for i in ids))
            store.db.executemany(
                "INSERT OR IGNORE INTO edges VALUES (?, ?, 'CO_OCCURS', 1, 1, ?, 0.5)",
                ((a, b, rng.random() * 10) for a in ids for b in rng.sample(ids, 2) if a < b))
            store.rebuild_search()
        store.finish()
    return path


def queries(store: Store, count: int, seed: int = 0) -> dict[str, list[str]]:
    rng = random.Random(seed)
    total = store.db.execute("SELECT max(rowid) FROM entities").fetchone()[0]
    names = []
    while len(names) < count:
        row = store.db.execute("SELECT name FROM entities WHERE rowid = ?",
                               (rng.randint(1, total),)).fetchone()
        if row and len(row[0]) >= 4:
            names.append(row[0])
    return {
        "exact": names,
        "prefix": [n[:2] for n in names],
        "substring3": [n[1:4] for n in names],
        "substring2": [n[1:3] for n in names],
        "miss": [n[::-1] + "无此名" for n in names],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path)
    parser.add_argument("--synthetic", type=int, help="entities in a synthetic store")
    parser.add_argument("--queries", type=int, default=50)
    args = parser.parse_args()
    path = args.db or synthetic_store(Path(f"/tmp/kg-{args.synthetic}.sqlite"), args.synthetic)
    with Store(path, readonly=True) as store:
        entities = store.db.execute("SELECT count(*) FROM entities").fetchone()[0]
        print(f"{describe()}; {path}: "
              f"{entities} entities, {path.stat().st_size / 1e6:.0f} MB")
        for kind, items in queries(store, args.queries).items():
            times = []
            for query in items:
                started = time.perf_counter()
                lookup(store, query, 10)
                times.append((time.perf_counter() - started) * 1000)
            times.sort()
            print(f"{kind:11s} median {statistics.median(times):7.2f} ms"
                  f"  p95 {times[int(0.95 * (len(times) - 1))]:7.2f} ms  max {times[-1]:7.2f} ms")


if __name__ == "__main__":
    main()
