"""Entity P/R/F1 per label: exact span matches of predicted against gold mentions."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Iterable

from kg.ner.corpus import data_dir, read_bio

MSRA_EVAL_LABELS = ("PERSON", "ORG", "PLACE")


def span_scores(gold: Iterable[Iterable[tuple]], predicted: Iterable[Iterable[tuple]],
                labels: Iterable[str] = MSRA_EVAL_LABELS) -> dict:
    """Scores of predicted (start, end, label) spans against gold, text by text; labels
    outside ``labels`` are ignored on both sides."""
    labels = tuple(labels)
    tp, fp, fn = Counter(), Counter(), Counter()
    for gold_spans, predicted_spans in zip(gold, predicted, strict=True):
        g = {s for s in gold_spans if s[2] in labels}
        p = {s for s in predicted_spans if s[2] in labels}
        for label in labels:
            tp[label] += sum(1 for s in g & p if s[2] == label)
            fp[label] += sum(1 for s in p - g if s[2] == label)
            fn[label] += sum(1 for s in g - p if s[2] == label)
    per_label = {label: prf(tp[label], fp[label], fn[label]) for label in labels}
    micro = prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    return {"micro": micro, "per_label": per_label}


def prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f": round(f, 4), "tp": tp, "fp": fp, "fn": fn}


def evaluate_msra(tagger, data: str | Path | None = None, limit: int | None = None) -> dict:
    """Score ``tagger`` on the MSRA test sentences, one sentence per text, as
    ``kg ner --jsonl --lines`` tags them."""
    sentences = list(read_bio(data_dir(data) / "msra" / "test.bio"))[:limit]
    texts = [text for text, _ in sentences]
    predicted = [[(m.start, m.end, m.label) for m in mentions] for mentions in tagger.tag_many(texts)]
    scores = span_scores([spans for _, spans in sentences], predicted)
    scores["sentences"] = len(sentences)
    return scores


def format_scores(scores: dict) -> str:
    rows = [f"{'label':<8} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6}"]
    for label, s in [*scores["per_label"].items(), ("micro", scores["micro"])]:
        rows.append(f"{label:<8} {s['p']:>6.3f} {s['r']:>6.3f} {s['f']:>6.3f} {s['tp'] + s['fn']:>6}")
    return "\n".join(rows)
