import io
import json
import zipfile
from pathlib import Path

import numpy as np
import pytest

from kg.errors import InputError
from kg.ner.segmenter import (DEFAULT_MODEL_DIR, evaluate, load_segmenter, prune, read_source_files, save_model,
                              resolve_data_dir, segment, swap_into_place, word_spans)


@pytest.fixture(scope="module")
def shipped():
    return load_segmenter()


def test_shipped_model_is_small_and_scored():
    meta = json.loads((DEFAULT_MODEL_DIR / "meta.json").read_text(encoding="utf-8"))
    size = sum(f.stat().st_size for f in DEFAULT_MODEL_DIR.iterdir())
    assert size <= 20_000_000
    assert meta["scores"]["pku"]["f1"] >= 0.93 and meta["scores"]["msr"]["f1"] >= 0.85


@pytest.mark.parametrize("text", [
    "长治市委书记王晓东主持召开市委常委会会议。",
    "省工信厅日前印发《绿色工厂梯度培育及管理实施细则》(以下简称《细则》),引导企业发展。",
    "晋城市\n委宣传部  2023年12月，GDP增长5.2%",
    "",
    " \n",
])
def test_segment_keeps_every_character(shipped, text):
    assert "".join(segment(shipped, text)) == text


@pytest.mark.parametrize("text, words", [
    ("长治市委书记王晓东主持召开市委常委会会议。", ["长治", "市委", "书记", "王晓东", "常委会"]),
    ("太旧高速扩容改造工程开工,山西省交通运输厅负责。", ["高速", "扩容", "改造", "工程", "山西省"]),
    ("省工信厅日前印发《绿色工厂梯度培育及管理实施细则》", ["工信厅", "印发", "《", "细则", "》"]),
])
def test_known_words_come_out_whole(shipped, text, words):
    output = segment(shipped, text)
    for word in words:
        assert word in output


def test_line_break_is_its_own_token(shipped):
    assert segment(shipped, "晋城市\n委宣传部")[:2] == ["晋城市", "\n"]


def test_evaluate_counts_exact_word_spans(shipped):
    sentence = ["长治", "市委", "书记", "王晓东", "主持", "会议", "。"]
    assert evaluate(shipped, [sentence])["f1"] == 1.0
    merged = ["长治市委书记", "王晓东", "主持", "会议", "。"]  # 4 of 7 words match, 4 of 5 gold
    score = evaluate(shipped, [merged])
    assert (score["precision"], score["recall"]) == (round(4 / 7, 4), 0.8)


def test_word_spans_are_offsets():
    assert word_spans(["长治", "市委", "书记"]) == {(0, 2), (2, 4), (4, 6)}


def tiny_model():
    """A 5-tag pkuseg model over a handful of real feature names."""
    names = ["$$", "c.长", "c.治", "w1.长治", "ww.l.**noWord*长治", "w-1.市委", "c1.市", "ww.r.书记***noWord"]
    features = {"unigram": ["长治", "市委", "书记"], "bigram": ["长治*市委"],
                "feature_to_idx": {name: i for i, name in enumerate(names)},
                "tag_to_idx": {"B": 0, "B_single": 1, "I": 2, "I_end": 3, "I_first": 4}}
    strengths = [0.0, 0.9, 0.01, 0.5, 0.7, 0.02, 0.3, 0.6]
    node = np.array([[s, -s / 2, 0, 0, 0] for s in strengths])
    edges = np.arange(25, dtype=float)
    return features, np.concatenate([node.reshape(-1), edges])


def test_prune_keeps_strongest_features_with_their_weights():
    features, weights = tiny_model()
    pruned, pruned_weights = prune(features, weights, max_features=5)
    assert list(pruned["feature_to_idx"]) == ["$$", "c.长", "w1.长治", "ww.l.**noWord*长治", "ww.r.书记***noWord"]
    assert list(pruned["feature_to_idx"].values()) == [0, 1, 2, 3, 4]
    assert pruned["unigram"] == ["书记", "长治"] and pruned["bigram"] == []
    assert pruned_weights.shape == (5 * (5 + 5),)
    np.testing.assert_array_equal(pruned_weights[5:10], weights[5:10])  # c.长 row
    np.testing.assert_array_equal(pruned_weights[15:20], weights[20:25])  # ww.l row moved up
    np.testing.assert_array_equal(pruned_weights[20:25], weights[35:40])  # ww.r row
    np.testing.assert_array_equal(pruned_weights[-25:], np.arange(25))


def test_saved_model_round_trips_through_spacy_pkuseg(tmp_path):
    features, weights = tiny_model()
    save_model(tmp_path, *prune(features, weights, max_features=5))
    seg = load_segmenter(tmp_path)
    assert seg.n_feature == 5
    assert "".join(segment(seg, "长治市委书记")) == "长治市委书记"


def test_swap_into_place_replaces_a_folder(tmp_path):
    target, staging = tmp_path / "model", tmp_path / "staging"
    target.mkdir()
    (target / "old.txt").write_text("old")
    staging.mkdir()
    (staging / "new.txt").write_text("new")
    swap_into_place(staging, target)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["model"]
    assert [p.name for p in target.iterdir()] == ["new.txt"]


def test_load_segmenter_names_a_folder_without_a_model(tmp_path):
    with pytest.raises(InputError, match=str(tmp_path)):
        load_segmenter(tmp_path)


def test_source_must_be_the_pinned_model(tmp_path):
    wheel = tmp_path / "pkuseg-0.0.25-cp37-cp37m-manylinux1_x86_64.whl"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("pkuseg/models/default/features.pkl", b"not the model")
        archive.writestr("pkuseg/models/default/weights.npz", b"not the model")
    wheel.write_bytes(buffer.getvalue())
    with pytest.raises(InputError, match="features.pkl is not the pinned pkuseg==0.0.25 model"):
        read_source_files(wheel)
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    with pytest.raises(InputError, match="notes.txt: not a pkuseg wheel"):
        read_source_files(text)


def test_data_dir_comes_from_the_argument_then_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("KG_DATA_DIR", str(tmp_path))
    assert resolve_data_dir() == tmp_path
    assert resolve_data_dir("elsewhere") == Path("elsewhere")
    monkeypatch.delenv("KG_DATA_DIR")
    assert resolve_data_dir() == DEFAULT_MODEL_DIR.parents[2] / "shared" / "data"
