"""Load rate of `kg load neo4j` (nodes + relationships per second) for a few batch sizes.

Loads a store into a fresh ArcadeDB child process (as in the tests), or into the server at
NEO4J_URI when that is set (NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE; its :Entity and
:Article nodes are deleted). Without --db, a synthetic store is generated: hub-heavy
co-occurrence edges with three evidence sentences each, like a large corpus's graph.

    nice -n 10 python bench/bench_neo4j.py --batch-sizes 500,2000,5000 --runs 3
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from itertools import accumulate
from pathlib import Path

import neo4j

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from bolt_server import start_arcadedb, stop, write_store  # noqa: E402

from kg.neo4j import load_neo4j  # noqa: E402
from kg.neo4j.load import wipe_graph  # noqa: E402

TYPES = ("PERSON", "ORG", "PLACE", "PROJECT", "DOC", "EVENT")
HANZI = [chr(c) for c in range(0x4E00, 0x4E00 + 3000)]


def synthetic_tables(entities: int, articles: int, co_occurs: int, seed: int = 7) -> dict[str, list[tuple]]:
    """A store's tables with Zipf-like entity popularity, so hubs have thousands of links."""
    rng = random.Random(seed)
    text = lambda n: "".join(rng.choices(HANZI, k=n))  # noqa: E731
    ids = [f"{TYPES[i % 6]}:{text(4)}{i}" for i in range(entities)]
    popularity = list(accumulate(1 / (rank + 1) for rank in range(entities)))  # cumulative, for speed
    documents = [(d, f"corpus/{d}.txt", f"h{d}", "", text(8), "2024-05-01", "长治市", 1.0)
                 for d in range(1, articles // 4 + 2)]
    article_rows = [(a, a // 4 + 1, a % 4, 0, 100, text(10)) for a in range(1, articles + 1)]
    entity_articles = {(e, rng.randint(1, articles)): rng.randint(1, 5)
                       for e in rng.choices(ids, cum_weights=popularity, k=articles * 12)}
    pairs = set()
    while len(pairs) < co_occurs:
        a, b = rng.choices(ids, cum_weights=popularity, k=2)
        if a != b:
            pairs.add((min(a, b), max(a, b)))
    edges = [(a, b, "CO_OCCURS", rng.randint(1, 9), rng.randint(1, 5), rng.random() * 9, rng.random()) for a, b in pairs]
    places = [i for i in ids if i.startswith("PLACE:")]
    edges += [(p, places[0], "LOCATED_IN", None, None, None, None) for p in places[1:]]
    evidence = [(a, b, rank, 1, 0, 60, text(60)) for a, b in pairs for rank in (1, 2, 3)]
    return {
        "documents": documents,
        "articles": article_rows,
        "entities": [(i, i.split(":")[1], i.split(":")[0], 10, 3, None, None, None) for i in ids],
        "aliases": [(i, i.split(":")[1][:3], 1) for i in ids[::3]],
        "entity_articles": [(e, a, c) for (e, a), c in entity_articles.items()],
        "edges": edges,
        "evidence": evidence,
    }


def empty_graph(server: dict) -> None:
    with neo4j.GraphDatabase.driver(server["uri"], auth=(server["user"], server["password"])) as driver:
        with driver.session(database=server["database"]) as session:
            wipe_graph(session, 10_000)


def bench(store: Path, server: dict, batch_sizes: list[int], runs: int) -> None:
    print(f"server {server['uri']} ({server['dialect']}), store {store}")
    print("batch  nodes+rels  median s  items/s  (runs, s)")
    for size in batch_sizes:
        seconds = []
        for _ in range(runs):
            empty_graph(server)
            summary = load_neo4j(store, server["uri"], server["user"], server["password"], server["database"],
                                 batch_size=size)
            seconds.append(summary.seconds)
        items = summary.nodes + summary.relationships
        median = statistics.median(seconds)
        print(f"{size:5d}  {items:10d}  {median:8.1f}  {items / median:7.0f}  "
              f"({', '.join(f'{s:.1f}' for s in seconds)})", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path, help="an existing kg.sqlite (default: a synthetic one)")
    parser.add_argument("--entities", type=int, default=12_000)
    parser.add_argument("--articles", type=int, default=3_000)
    parser.add_argument("--co-occurs", type=int, default=70_000)
    parser.add_argument("--batch-sizes", default="500,2000,5000")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kg-bench-neo4j-") as tmp:
        store = args.db
        if store is None:
            started = time.perf_counter()
            store = write_store(Path(tmp) / "kg.sqlite", synthetic_tables(args.entities, args.articles, args.co_occurs))
            print(f"synthetic store written in {time.perf_counter() - started:.1f} s")
        batch_sizes = [int(s) for s in args.batch_sizes.split(",")]
        if os.environ.get("NEO4J_URI"):
            server = {"uri": os.environ["NEO4J_URI"], "user": os.environ.get("NEO4J_USER", "neo4j"),
                      "password": os.environ["NEO4J_PASSWORD"],
                      "database": os.environ.get("NEO4J_DATABASE", "neo4j"), "dialect": "neo4j"}
            bench(store, server, batch_sizes, args.runs)
            return
        data_dir = Path(tmp) / "arcadedb"
        data_dir.mkdir()
        proc, server = start_arcadedb(str(data_dir), heap="2g")
        try:
            bench(store, server, batch_sizes, args.runs)
        finally:
            stop(proc)


if __name__ == "__main__":
    main()
