"""`kg build` throughput, peak memory, time and store size by corpus size and jobs.

    python bench/bench_build.py --sizes 1 5 20 --jobs 1 2 --repeat 3

Each run is a fresh process building into an empty folder (``build()`` as `kg build` calls
it), on a corpus from ``bench/make_corpus.py`` (created under ``corpus/`` when missing).
Figures: median seconds, characters/s (all input characters over the whole build, model and
gazetteer loading included), peak RSS of the main process and of the largest worker, and the
size of kg.sqlite. The tagger is the shipped model (``kg.ner.load()``); ``--tagger gold``
uses a spaCy entity_ruler of the MSRA gold entity names instead (a stand-in while no model
exists: same pipeline after NER, no statistical model cost).
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from machine import describe  # noqa: E402
from make_corpus import entity_names, make_corpus  # noqa: E402


class GoldRulerTagger:
    """spaCy blank zh + entity_ruler of the MSRA gold names, behind ``Tagger.tag``."""

    def __init__(self):
        import spacy
        self.nlp = spacy.blank("zh")
        ruler = self.nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "ORTH"})
        ruler.add_patterns([{"label": t, "pattern": n} for n, t in entity_names().items()])

    def tag(self, text):
        from kg.mention import Mention
        return [Mention(e.start_char, e.end_char, e.text, e.label_) for e in self.nlp(text).ents]


def run_child(corpus: str, out: str, jobs: int, tagger_kind: str) -> None:
    """One build in this process; prints its figures as JSON."""
    from kg.build import build
    started = time.perf_counter()
    tagger = GoldRulerTagger() if tagger_kind == "gold" else None
    summary = build([corpus], out, tagger=tagger, jobs=jobs)
    seconds = time.perf_counter() - started
    print(json.dumps({
        "seconds": seconds, "characters": summary.characters, "documents": summary.documents,
        "entities": summary.entities, "edges": summary.edges,
        "store_mb": Path(out, "kg.sqlite").stat().st_size / 1e6,
        "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "worker_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }))


def measure(corpus: Path, jobs: int, tagger_kind: str, repeat: int) -> dict:
    runs = []
    for _ in range(repeat):
        out = tempfile.mkdtemp(prefix="kg-bench-")
        try:
            result = subprocess.run(
                [sys.executable, __file__, "--child", str(corpus), out, str(jobs), tagger_kind],
                check=True, capture_output=True, text=True)
            runs.append(json.loads(result.stdout.strip().splitlines()[-1]))
        finally:
            shutil.rmtree(out, ignore_errors=True)
    median = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
    median["chars_per_s"] = median["characters"] / median["seconds"]
    return median


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        corpus, out, jobs, tagger_kind = sys.argv[2:6]
        run_child(corpus, out, int(jobs), tagger_kind)
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 5, 20], help="MB")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--tagger", choices=["model", "gold"], default="model")
    parser.add_argument("--corpus-dir", type=Path, default=Path("corpus"))
    args = parser.parse_args()
    print(f"machine: {describe()}; tagger: {args.tagger}; median of {args.repeat} runs")
    print("size_mb jobs documents characters seconds chars/s rss_mb worker_rss_mb "
          "store_mb entities edges")
    for size in args.sizes:
        corpus = args.corpus_dir / f"msra-{size:g}mb"
        if not corpus.exists():
            make_corpus(corpus, size)
        for jobs in args.jobs:
            m = measure(corpus, jobs, args.tagger, args.repeat)
            print(f"{size:g} {jobs} {m['documents']:.0f} {m['characters']:.0f} "
                  f"{m['seconds']:.1f} {m['chars_per_s']:.0f} {m['rss_mb']:.0f} "
                  f"{m['worker_rss_mb']:.0f} {m['store_mb']:.1f} {m['entities']:.0f} "
                  f"{m['edges']:.0f}", flush=True)


if __name__ == "__main__":
    main()
