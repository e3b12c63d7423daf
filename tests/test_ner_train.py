"""A tiny training run: the real `kg train` path on a few MSRA sentences."""

import json
from pathlib import Path

import numpy
import pytest
from click.testing import CliRunner
from spacy.tokens import DocBin
from spacy.util import load_config
from spacy.vocab import Vocab

from kg.cli import main
from kg.ner import load
from kg.ner.corpus import data_dir
from kg.ner.features import vocab_lexicon
from kg.ner.train import train
from kg.ner.vectors import WIDTH, save_vectors

pytestmark = pytest.mark.skipif(not (data_dir() / "msra").is_dir(), reason="../shared/data/msra not present")


def test_tiny_training_run_assembles_a_loadable_pipeline(tmp_path: Path):
    out = tmp_path / "kg_zh"
    chars = "省市县张王李国中"  # character vectors stand in for LAC's (tests download nothing)
    table = numpy.random.default_rng(0).normal(size=(len(chars), WIDTH))
    vectors = save_vectors(tmp_path / "vectors", table, {c: i for i, c in enumerate(chars)})
    (vectors / "lexicon.txt").write_text("中国\n国务院\n", encoding="utf-8")
    scores = train(out, work_dir=tmp_path / "work", limit=40, dev_size=10, lac=True, vectors=vectors,
                   overrides={"training.max_steps": 6, "training.eval_frequency": 3})
    assert scores["sentences"] == 40 and set(scores["per_label"]) == {"PERSON", "ORG", "PLACE"}
    meta = json.loads((out / "meta.json").read_text(encoding="utf-8"))
    assert meta["performance"]["msra_test"]["micro"] == scores["micro"]
    assert [name for name in meta["pipeline"]][-2:] == ["kg_rules", "kg_word_merger"]
    assert "LAC" in meta["license"]

    tagger = load(out)
    assert numpy.allclose(tagger.nlp.vocab.get_vector("县"), table[chars.index("县")])
    assert len(vocab_lexicon(tagger.nlp.vocab)) == 2
    text = "省工信厅印发《绿色工厂梯度培育及管理实施细则》。"
    mentions = tagger.tag(text)
    assert all(text[m.start:m.end] == m.text for m in mentions)
    assert ("绿色工厂梯度培育及管理实施细则", "DOC") in {(m.text, m.label) for m in mentions}
    doc = tagger.nlp(text)
    assert "".join(t.text_with_ws for t in doc) == text and len(doc) < len(text)  # words, not characters


def test_kg_train_command_sets_the_seed_and_adds_annotated_pages(tmp_path: Path):
    out = tmp_path / "kg_zh"
    page = tmp_path / "page.ann.txt"
    page.write_text("[[襄垣县|PLACE]]召开[[“清风”行动|PROJECT]]推进会。\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["train", "--no-lac", "--limit", "20", "--max-steps", "4", "--seed", "3",
                                       "--work-dir", str(tmp_path / "work"), "-o", str(out), "--pages", str(page),
                                       "--page-weight", "2"])
    assert result.exit_code == 0, result.output
    assert "micro" in result.output
    assert load_config(out / "config.cfg")["system"]["seed"] == 3
    docs = list(DocBin().from_disk(tmp_path / "work" / "corpus" / "train.spacy").get_docs(Vocab()))
    taught = [doc for doc in docs if doc.text == "襄垣县召开“清风”行动推进会。"]
    assert len(taught) == 2 and [(e.text, e.label_) for e in taught[0].ents] == [("襄垣县", "PLACE")]
