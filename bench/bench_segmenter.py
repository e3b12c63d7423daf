"""Benchmark the pkuseg segmenter: word F1 on the held-out CWS gold sets, speed (spacy-pkuseg's
cutter and the pipeline's, kg.ner.cutter, which must give the same words), size, load time, and
how many MSRA test entities start and end on a word boundary (the cap on word-level NER).

    python bench/bench_segmenter.py [--model-dir models/pkuseg] [--data-dir ../shared/data] [--dict]
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import click

from kg.ner.cutter import Cutter
from kg.ner.segmenter import (DEFAULT_MODEL_DIR, GOLD_SETS, directory_size, evaluate, load_segmenter,
                              read_gold, resolve_data_dir, segment, word_spans)


def read_bio_entities(path: Path) -> list[tuple[str, set[tuple[int, int]]]]:
    """Sentences of a char-per-line BIO file (blank line between sentences) with their entity spans."""
    sentences, chars, spans, start = [], [], set(), None
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        fields = line.split()
        tag = fields[1] if len(fields) == 2 else "O"
        if start is not None and not tag.startswith("I-"):
            spans.add((start, len(chars)))
            start = None
        if not fields:
            if chars:
                sentences.append(("".join(chars), spans))
            chars, spans = [], set()
            continue
        if tag.startswith("B-"):
            start = len(chars)
        chars.append(fields[0])
    return sentences


def entity_alignment(seg, sentences) -> float:
    """Share of entities whose start and end both fall on word boundaries."""
    aligned = total = 0
    for text, spans in sentences:
        boundaries = {edge for span in word_spans(segment(seg, text)) for edge in span}
        aligned += sum(start in boundaries and end in boundaries for start, end in spans)
        total += len(spans)
    return aligned / max(total, 1)


@click.command()
@click.option("--model-dir", type=click.Path(path_type=Path), default=DEFAULT_MODEL_DIR)
@click.option("--data-dir", type=click.Path(path_type=Path), default=None)
@click.option("--dict", "use_dict", is_flag=True, help="Turn on pkuseg's default post-processing dictionary.")
def main(model_dir: Path, data_dir: Path | None, use_dict: bool) -> None:
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core, as the speed target says
    data_dir = resolve_data_dir(data_dir)
    started = time.perf_counter()
    seg = load_segmenter(model_dir, user_dict="default" if use_dict else None)
    print(f"model {model_dir}: {directory_size(model_dir) / 1e6:.1f} MB, "
          f"load {time.perf_counter() - started:.2f} s, {seg.n_feature} features")
    cutter = None if use_dict else Cutter(seg)  # the pipeline's faster cutter (no dictionary)
    for name, rel in GOLD_SETS.items():
        gold = read_gold(data_dir / rel)
        score = evaluate(seg, gold)
        print(f"{name:5} P {score['precision']:.4f}  R {score['recall']:.4f}  F1 {score['f1']:.4f}  "
              f"{score['chars_per_second']:,} chars per CPU second ({score['chars']:,} chars)")
        if cutter:
            same = all(cutter.cut(text) == seg.cut(text) for text in ("".join(words) for words in gold))
            print(f"      kg.ner.cutter: {evaluate(cutter, gold)['chars_per_second']:,} chars per CPU second, "
                  f"{'the same words' if same else 'DIFFERENT WORDS'}")
    msra = data_dir / "msra" / "test.bio"
    if msra.is_file():
        print(f"msra test entities on word boundaries: {entity_alignment(seg, read_bio_entities(msra)):.4f}")


if __name__ == "__main__":
    main()
