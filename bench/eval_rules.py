"""Score the PROJECT/DOC/EVENT rules on the annotated seed page, and show what they find elsewhere.

    python bench/eval_rules.py [--annotation ../shared/annotation/000.json] [--seeds seeds]

The rules get the page's GOLD PERSON/ORG/PLACE entities as input (so the score measures the
rules, not the statistical tagger) and are scored by exact span match per label. The spans
found on the other seed pages are printed with some context for a reader to judge.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from kg.ner.rules import rule_spans

RULE_LABELS = ("PROJECT", "DOC", "EVENT")
ROOT = Path(__file__).resolve().parent.parent


def score(gold: set[tuple], found: set[tuple], label: str) -> tuple[int, int, int]:
    gold_label = {span for span in gold if span[2] == label}
    found_label = {span for span in found if span[2] == label}
    return len(gold_label & found_label), len(found_label), len(gold_label)


def prf(hits: int, found: int, gold: int) -> str:
    precision = hits / found if found else 0.0
    recall = hits / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return f"P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}  (hits {hits}, found {found}, gold {gold})"


def evaluate(annotation: Path) -> None:
    page = json.loads(annotation.read_text("utf-8"))
    text = page["text"]
    statistical = [(e["start"], e["end"], e["label"]) for e in page["entities"]
                   if e["label"] in ("PERSON", "ORG", "PLACE")]
    gold = {(e["start"], e["end"], e["label"]) for e in page["entities"]}
    found = set(rule_spans(text, statistical))
    print(f"== {annotation.name}: rules given the gold PERSON/ORG/PLACE")
    totals = [0, 0, 0]
    for label in RULE_LABELS:
        counts = score(gold, found, label)
        totals = [total + count for total, count in zip(totals, counts)]
        print(f"{label:8} {prf(*counts)}")
    print(f"{'micro':8} {prf(*totals)}")
    kept_statistical = len(set(statistical) & found)
    print(f"statistical entities kept: {kept_statistical}/{len(statistical)}")
    for start, end, label in sorted((gold ^ found) - {s for s in gold ^ found if s[2] not in RULE_LABELS}):
        side = "missed" if (start, end, label) in gold else "extra "
        print(f"  {side} {label:8} {text[start:end]!r}")


def show(seed: Path) -> None:
    text = seed.read_text("utf-8-sig")
    started = time.perf_counter()
    spans = [span for span in rule_spans(text, []) if span[2] in RULE_LABELS]
    elapsed = time.perf_counter() - started
    print(f"\n== {seed.name}: {len(spans)} spans ({len(text) / elapsed:,.0f} chars/s, no statistical input)")
    for start, end, label in spans:
        context = text[max(0, start - 8):start] + "[" + text[start:end] + "]" + text[end:end + 4]
        print(f"  {label:8} {context!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--annotation", type=Path, default=ROOT.parent / "shared/annotation/000.json")
    parser.add_argument("--seeds", type=Path, default=ROOT / "seeds")
    args = parser.parse_args()
    evaluate(args.annotation)
    for seed in sorted(args.seeds.glob("*.txt"))[1:]:
        show(seed)


if __name__ == "__main__":
    main()
