"""A tiny training run: the real `kg train` path on a few MSRA sentences."""

import json
from pathlib import Path

import pytest

from kg.ner import load
from kg.ner.corpus import data_dir
from kg.ner.train import train

pytestmark = pytest.mark.skipif(not (data_dir() / "msra").is_dir(), reason="../shared/data/msra not present")


def test_tiny_training_run_assembles_a_loadable_pipeline(tmp_path: Path):
    out = tmp_path / "kg_zh"
    scores = train(out, work_dir=tmp_path / "work", limit=40, dev_size=10,
                   overrides={"training.max_steps": 6, "training.eval_frequency": 3})
    assert scores["sentences"] == 40 and set(scores["per_label"]) == {"PERSON", "ORG", "PLACE"}
    meta = json.loads((out / "meta.json").read_text(encoding="utf-8"))
    assert meta["performance"]["msra_test"]["micro"] == scores["micro"]
    assert [name for name in meta["pipeline"]][-2:] == ["kg_rules", "kg_word_merger"]

    tagger = load(out)
    text = "省工信厅印发《绿色工厂梯度培育及管理实施细则》。"
    mentions = tagger.tag(text)
    assert all(text[m.start:m.end] == m.text for m in mentions)
    assert ("绿色工厂梯度培育及管理实施细则", "DOC") in {(m.text, m.label) for m in mentions}
    doc = tagger.nlp(text)
    assert "".join(t.text_with_ws for t in doc) == text and len(doc) < len(text)  # words, not characters
