"""Time and memory of kg.graph and kg.export on synthetic mention rows shaped like news pages.

Each article has ``--sentences`` sentences; each sentence names 1-4 entities drawn from a
Zipf-like vocabulary (a few hubs such as 长治市 and 市委, a long tail of people and projects).
Defaults approximate a 20 MB corpus: 20,000 articles x 20 sentences x ~2 mentions.

    nice -n 10 python bench/bench_graph.py                  # ~20 MB corpus
    nice -n 10 python bench/bench_graph.py --articles 1000  # ~1 MB corpus
"""

from __future__ import annotations

import argparse
import random
import resource
import tempfile
import time
from itertools import accumulate
from pathlib import Path

from kg.export import write_gexf, write_graphml
from kg.graph import MentionRow, SentenceRow, cooccurrence, group_entities, prune, to_networkx

TYPES = ("PERSON", "ORG", "PLACE", "PROJECT", "DOC", "EVENT")


def synthetic_rows(articles: int, sentences: int, vocabulary: int, seed: int = 1):
    rng = random.Random(seed)
    cumulative = list(accumulate(1 / (rank + 1) for rank in range(vocabulary)))
    ids = [f"{TYPES[i % len(TYPES)]}:实体{i}" for i in range(vocabulary)]
    rows, texts = [], {}
    sentence_id = 0
    for article_id in range(articles):
        for _ in range(sentences):
            sentence_id += 1
            start = sentence_id * 50
            texts[sentence_id] = SentenceRow(sentence_id, article_id, article_id, f"doc{article_id}.txt",
                                             start, start + 50, "句" * rng.randrange(20, 80))
            for entity_id in rng.choices(ids, cum_weights=cumulative, k=rng.randrange(1, 5)):
                type_, name = entity_id.split(":")
                rows.append(MentionRow(entity_id, type_, name, name, article_id, article_id, sentence_id,
                                       start, start + len(name)))
    return rows, texts


def timed(label: str, function, *args, **kwargs):
    began = time.perf_counter()
    result = function(*args, **kwargs)
    print(f"{label:<34} {time.perf_counter() - began:7.2f} s")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--sentences", type=int, default=20)
    parser.add_argument("--vocabulary", type=int, default=50_000)
    parser.add_argument("--article-level", action="store_true", help="also keep article-only pairs")
    options = parser.parse_args()

    rows, texts = synthetic_rows(options.articles, options.sentences, options.vocabulary)
    print(f"{len(rows):,} mentions, {len(texts):,} sentences, {options.articles:,} articles")
    entities = timed("group_entities", group_entities, rows)
    edges = timed(f"cooccurrence(article_level={options.article_level})", cooccurrence, rows, texts,
                  article_level=options.article_level)
    kept = timed("prune(min_sentences=1)", prune, edges)
    graph = timed("to_networkx", to_networkx, entities, kept)
    print(f"{len(entities):,} entities, {len(edges):,} edges, {len(kept):,} after pruning")
    with tempfile.TemporaryDirectory() as folder:
        timed("write_graphml", write_graphml, graph, Path(folder) / "graph.graphml")
        timed("write_gexf", write_gexf, graph, Path(folder) / "graph.gexf")
        sizes = {p.name: p.stat().st_size / 1e6 for p in Path(folder).iterdir()}
    print("file sizes (MB):", {name: round(size, 1) for name, size in sizes.items()})
    print(f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
