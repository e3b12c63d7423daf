"""Canonical-name accuracy of kg.resolve on gold pages, and the home region of each seed page.

Usage: python bench/eval_resolve.py [GOLD.json ...]
Gold files are in the annotation JSON format (text, entities with canonical, article_starts).
The resolver is fed the GOLD spans and labels without their canonical names.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from types import SimpleNamespace

from kg.mention import Mention
from kg.resolve import resolve_document
from kg.segment import split_articles

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_GOLD = [ROOT.parent / "shared" / "annotation" / "000.json", ROOT / "tests" / "data" / "resolve" / "004.json"]


def articles_of(gold: dict) -> list:
    starts = gold["article_starts"]
    ends = starts[1:] + [gold.get("annotated_end", len(gold["text"]))]
    return [SimpleNamespace(start=s, end=e, title="") for s, e in zip(starts, ends)]


def share(pairs: list[tuple[str, str]]) -> str:
    right = sum(gold == got for gold, got in pairs)
    return f"{right}/{len(pairs)} = {right / len(pairs):.0%}" if pairs else "n/a"


def evaluate(path: Path) -> None:
    gold = json.loads(path.read_text(encoding="utf-8"))
    entities = gold["entities"]
    mentions = [Mention(e["start"], e["end"], e["text"], e["label"]) for e in entities]
    doc = resolve_document(gold["text"], articles_of(gold), mentions)
    got = {(r.mention.start, r.mention.end): r.name for r in doc.mentions}
    pairs = lambda keep: [(e["canonical"], got.get((e["start"], e["end"]))) for e in entities if keep(e)]  # noqa: E731
    refs = [e for e in entities if e["label"] == "REF"]
    # REF spans found by the resolver's own scan, when the tagger's mentions (no REF) are given
    without_refs = [m for m in mentions if m.label != "REF"]
    scanned = resolve_document(gold["text"], articles_of(gold), without_refs)
    found = {(r.mention.start, r.mention.end): r.name for r in scanned.mentions if r.ref}
    print(f"{path.name}: home region {doc.region} ({doc.region_confidence})")
    print(f"  REF mentions (gold spans)        {share(pairs(lambda e: e['label'] == 'REF'))}")
    print(f"  REF mentions found by the scan   {share([(e['canonical'], found.get((e['start'], e['end']))) for e in refs])}"
          f"  (+{len(set(found) - {(e['start'], e['end']) for e in refs})} scanned spans not in gold)")
    print(f"  abbreviated ORGs                 {share(pairs(lambda e: e['label'] == 'ORG' and e['canonical'] != e['text']))}")
    print(f"  abbreviated PLACEs               {share(pairs(lambda e: e['label'] == 'PLACE' and e['canonical'] != e['text']))}")
    print(f"  all mentions                     {share(pairs(lambda e: True))}")
    for g, r in pairs(lambda e: e["label"] in ("REF", "ORG", "PLACE")):
        if g != r:
            print(f"    miss: gold {g}  got {r}")


def seed_regions() -> None:
    print("home region of each seed page:")
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        doc = resolve_document(text, split_articles(text), [])
        print(f"  {path.name}  {doc.region}  confidence {doc.region_confidence}")


def main(paths: list[str]) -> None:
    for path in map(Path, paths) if paths else DEFAULT_GOLD:
        evaluate(path)
    seed_regions()


if __name__ == "__main__":
    main(sys.argv[1:])
