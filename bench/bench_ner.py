"""Speed and memory of `kg ner`: load time, characters per second on one core, peak RSS.

Each figure is the median of --runs runs, each in a fresh process pinned to one core
(taskset) with one BLAS thread. The input is the five seed pages repeated to --chars
characters (the pages as users give them: PDF line breaks, half-width punctuation).
Throughput is `kg ner` end to end with the model loaded once: decode, clean, articles, NER,
rules, spacy-pkuseg words, resolution. It is also shown without the word step, which
`kg build` skips because nothing downstream uses words.

    python bench/bench_ner.py [--runs 3] [--chars 200000]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

from machine import describe  # bench/, the script's folder

REPO = Path(__file__).resolve().parents[1]
CPU = int(os.environ.get("KG_BENCH_CPU", "0"))  # the core to pin to

CHILD = r"""
import json, resource, sys, time
from pathlib import Path
started = time.perf_counter()
from kg.ner import load
tagger = load()
loaded = time.perf_counter() - started
from kg.annotate import annotate
from kg.resolve import warm_up
warm_up()
pages = [p.read_text(encoding="utf-8") for p in sorted(Path("seeds").glob("*.txt"))]
target = int(sys.argv[1])
texts, total = [], 0
while total < target:
    for page in pages:
        texts.append(page); total += len(page)
def timed(fn):
    t = time.perf_counter()
    for text in texts:
        fn(text)
    return total / (time.perf_counter() - t)
full = timed(lambda text: annotate(text, tagger))
with tagger.nlp.select_pipes(disable=["kg_word_merger"]):
    no_words = timed(lambda text: annotate(text, tagger))
print(json.dumps({"load_s": loaded, "chars_per_s": full, "chars_per_s_without_words": no_words,
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "chars": total}))
"""


def one_run(chars: int) -> dict:
    env = {**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"}
    out = subprocess.run(["taskset", "-c", str(CPU), sys.executable, "-c", CHILD, str(chars)], cwd=REPO,
                         env=env, check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--chars", type=int, default=200_000)
    args = parser.parse_args()
    runs = [one_run(args.chars) for _ in range(args.runs)]
    print(f"machine: {describe()}; one core (taskset -c {CPU}), {args.runs} runs, median")
    print(f"input: {runs[0]['chars']:,} characters (seed pages repeated)")
    for key, unit in [("load_s", "s"), ("chars_per_s", "chars/s"),
                      ("chars_per_s_without_words", "chars/s"), ("peak_rss_mb", "MB")]:
        values = [r[key] for r in runs]
        print(f"{key:<28} {statistics.median(values):>10,.2f} {unit}   (runs: "
              + ", ".join(f"{v:,.2f}" for v in values) + ")")


if __name__ == "__main__":
    main()
