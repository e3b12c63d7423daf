"""The fast cutter gives spacy-pkuseg's words exactly."""

from pathlib import Path

import pytest
import spacy_pkuseg

from kg.ner.cutter import Cutter
from kg.ner.segmenter import load_segmenter

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture(scope="module")
def pkuseg():
    return load_segmenter()


@pytest.fixture(scope="module")
def cutter(pkuseg):
    return Cutter(pkuseg)


def test_same_words_as_pkuseg_on_every_seed_line(pkuseg, cutter):
    lines = [line for page in sorted(SEEDS.glob("*.txt")) for line in page.read_text(encoding="utf-8").splitlines()]
    assert sum(map(len, lines)) > 20_000
    different = [line for line in lines if cutter.cut(line) != pkuseg.cut(line)]
    assert different == []


@pytest.mark.parametrize("text", [
    "",
    "治",
    "长治",
    "  长治市 委书记\t王晓东 ",  # whitespace splits fragments and is dropped, as in pkuseg
    "GDP增长5.2%,完成投资1.55亿元,ＡＢＣ公司。",  # numbers and letters are normalised nodes
    "“10+N”公共就业服务专项活动……《细则》(以下简称“细则”)",
    "中华人民共和国香港特别行政区第九届全国人民代表大会代表选举会议",
])
def test_same_words_as_pkuseg_on_edge_cases(pkuseg, cutter, text):
    assert cutter.cut(text) == pkuseg.cut(text)


def test_refuses_a_pkuseg_that_post_processes():
    seg = load_segmenter(user_dict="default")
    with pytest.raises(ValueError, match="post-processing"):
        Cutter(seg)


def test_refuses_a_different_feature_set(pkuseg, monkeypatch):
    monkeypatch.setattr(spacy_pkuseg.config, "wordFeature", False)
    with pytest.raises(ValueError, match="feature set"):
        Cutter(pkuseg)
