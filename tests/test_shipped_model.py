"""The pipeline shipped in models/kg_zh: loads offline, tags known sentences exactly."""

import json
import socket

import pytest

from kg.ner import DEFAULT_MODEL, load


@pytest.fixture(scope="module")
def tagger():
    return load()


def test_loads_without_touching_the_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the model tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    assert load().nlp.pipe_names[-2:] == ["kg_rules", "kg_word_merger"]


def test_meta_records_the_msra_scores():
    meta = json.loads((DEFAULT_MODEL / "meta.json").read_text(encoding="utf-8"))
    assert meta["performance"]["msra_test"]["micro"]["f"] > 0.83  # a floor against a broken model (0.873)


def test_shipped_size_stays_within_budget():
    size = sum(f.stat().st_size for f in DEFAULT_MODEL.rglob("*") if f.is_file())
    assert size <= 60 * 1024 * 1024


def found(tagger, text):
    return {(m.text, m.label) for m in tagger.tag(text)}


def test_people_places_and_organisations(tagger):
    text = "国务院总理李强在北京人民大会堂会见了法国总统。"
    assert {("国务院", "ORG"), ("李强", "PERSON"), ("北京", "PLACE"), ("法国", "PLACE")} <= found(tagger, text)


def test_seed_style_text_with_half_width_punctuation_and_line_breaks(tagger):
    text = "本报讯(记者 王龙飞)近日,省委办公厅、省政府\n办公厅印发《关于推动消费品工业\n高质量发展的实施意见》。"
    mentions = tagger.tag(text)
    assert all(text[m.start:m.end] == m.text for m in mentions)
    assert ("王龙飞", "PERSON") in {(m.text, m.label) for m in mentions}
    assert ("关于推动消费品工业\n高质量发展的实施意见", "DOC") in {(m.text, m.label) for m in mentions}


def test_local_conventions_saved_with_the_pipeline(tagger):
    text = "改革要摸着石头过河。马拉维政府官员来到浊漳河岸边的善福镇,又看了浊漳上游的长治地区。"
    assert found(tagger, text) >= {("马拉维", "PLACE"), ("浊漳河", "PLACE"), ("善福镇", "PLACE"),
                                   ("浊漳", "PLACE"), ("长治地区", "PLACE")}
    assert not {name for name, _ in found(tagger, text)} & {"摸着石头过河", "石头过河", "福镇", "长治"}


def test_projects_and_events_from_rules(tagger):
    text = "深入学习贯彻市委经济工作会议精神,全力推进太旧高速扩容改造工程建设。"
    labels = {label for _, label in found(tagger, text)}
    assert {"EVENT", "PROJECT"} <= labels


def test_words_come_from_pkuseg_and_respect_entity_boundaries(tagger):
    doc = tagger.nlp("长治市委书记王晓东主持会议。")
    assert "".join(t.text_with_ws for t in doc) == "长治市委书记王晓东主持会议。"
    starts = {t.idx for t in doc}
    for ent in doc.ents:
        assert ent.start_char in starts and ent.end_char in starts | {len(doc.text)}
    assert "书记" in [t.text for t in doc]


def test_spaces_are_never_inside_a_word(tagger):
    doc = tagger.nlp("本报记者 马慧荣  稳就业 擦亮民生底色")
    assert "".join(t.text_with_ws for t in doc) == "本报记者 马慧荣  稳就业 擦亮民生底色"
    assert all(t.text.strip() == t.text or t.is_space for t in doc)
