from types import SimpleNamespace

import pytest

from kg.errors import KgError
from kg.mention import Mention
from kg.resolve import entity_key, region_division, resolve_document

CHANGZHI_PAGE = (
    "奋力推进中国式现代化长治实践\n"
    "我市召开会议。市委书记讲话,长治各县参加。\n"
    "襄垣县治水记\n"
    "襄垣县委、县水利局近日在襄垣西营镇丰曲村调研,全县行动,张斌参加。\n"
)


def article(start, end, title=""):
    return SimpleNamespace(start=start, end=end, title=title)


def spans(text, *surfaces_and_labels):
    """Mentions at the first occurrence of each surface (the tagger's job in the pipeline)."""
    return [Mention(text.index(s), text.index(s) + len(s), s, label) for s, label in surfaces_and_labels]


def resolve_changzhi(region=None):
    text = CHANGZHI_PAGE
    second = text.index("襄垣县治水记")
    mentions = spans(text, ("市委", "ORG"), ("长治", "PLACE"), ("襄垣县委", "ORG"),
                     ("县水利局", "ORG"), ("西营镇", "PLACE"), ("丰曲村", "PLACE"), ("张斌", "PERSON"))
    return resolve_document(text, [article(0, second), article(second, len(text))], mentions, region)


def by_surface(doc):
    return {r.mention.text: r for r in doc.mentions}


def test_entity_key_is_type_and_name_with_an_optional_scope():
    assert entity_key("ORG", "长治市委") == "ORG:长治市委"
    assert entity_key("PERSON", "张斌", "长治市") == "PERSON:张斌@长治市"


def test_home_region_comes_from_the_kicker_and_places():
    doc = resolve_changzhi()
    assert doc.region == "长治市" and doc.region_confidence > 0.5


def test_article_about_a_county_resolves_county_bodies_there():
    doc = resolve_changzhi()
    assert doc.article_regions == ["长治市", "襄垣县"]
    got = by_surface(doc)
    assert got["市委"].entity_id == "ORG:长治市委"
    assert got["县水利局"].name == "襄垣县水利局"
    assert got["长治"].name == "长治市" and got["长治"].division.code == "140400"


def test_references_become_place_mentions_of_their_referent():
    refs = {r.mention.text: r for r in resolve_changzhi().mentions if r.ref}
    assert refs["我市"].entity_id == "PLACE:长治市" and refs["我市"].type == "PLACE"
    assert refs["全县"].name == "襄垣县" and refs["全县"].article_index == 1


def test_villages_link_under_the_article_county_and_chain_up():
    doc = resolve_changzhi()
    village = by_surface(doc)["丰曲村"]
    assert village.division.level == "village"
    assert village.entity_id == "PLACE:丰曲村@西营镇"
    assert ("PLACE:西营镇@襄垣县", "PLACE:襄垣县") in doc.located_in  # 西营镇 is a homonym
    assert ("PLACE:襄垣县", "PLACE:长治市") in doc.located_in
    assert ("PLACE:长治市", "PLACE:山西省") in doc.located_in


def test_region_override_wins_and_unknown_region_is_an_error():
    doc = resolve_changzhi(region="吕梁")
    assert doc.region == "吕梁市" and doc.region_confidence == 1.0
    assert by_surface(doc)["市委"].entity_id == "ORG:吕梁市委"
    assert by_surface(doc)["张斌"].entity_id == "PERSON:张斌@吕梁市"
    with pytest.raises(KgError, match="不存在市"):
        resolve_changzhi(region="不存在市")


def test_mentions_outside_articles_have_no_article():
    text = "报头\n正文ＡＢＣ公司。"
    doc = resolve_document(text, [article(3, len(text))], spans(text, ("报头", "ORG"), ("ＡＢＣ公司", "ORG")))
    assert [(r.name, r.article_index) for r in doc.mentions] == [("报头", None), ("ABC公司", 0)]
    assert doc.region is None and doc.region_confidence == 0.0


def test_linked_places_carry_codes_levels_and_the_chain_of_parents():
    doc = resolve_changzhi()
    places = {p.entity_id: p for p in doc.places}
    assert (places["PLACE:襄垣县"].code, places["PLACE:襄垣县"].level,
            places["PLACE:襄垣县"].parent_id) == ("140423", "county", "PLACE:长治市")
    assert places["PLACE:西营镇@襄垣县"].code is None  # townships have no code in the data
    assert places["PLACE:山西省"].parent_id is None
    assert doc.located_in == [(p.entity_id, p.parent_id) for p in doc.places if p.parent_id]


def test_person_region_is_the_scope_of_its_id():
    zhang = by_surface(resolve_changzhi())["张斌"]  # in the article about 襄垣县
    assert (zhang.entity_id, zhang.region) == ("PERSON:张斌@长治市", "长治市")


def test_national_leaders_are_one_person_in_every_region():
    text = "长治市委书记张斌学习习近平总书记讲话。"
    mentions = spans(text, ("长治市委", "ORG"), ("张斌", "PERSON"), ("习近平", "PERSON"))
    for region in ("长治", "吕梁"):
        found = by_surface(resolve_document(text, [article(0, len(text))], mentions, region=region))
        assert found["习近平"].entity_id == "PERSON:习近平"
        assert found["张斌"].entity_id == f"PERSON:张斌@{region}市"


def test_places_abroad_have_no_region_and_local_rivers_keep_the_page_one():
    text = "长治市代表团访问美国旧金山。浊漳河水更丰。"
    doc = resolve_document(text, [article(0, len(text))],
                           spans(text, ("长治市", "PLACE"), ("美国", "PLACE"), ("旧金山", "PLACE"), ("浊漳河", "PLACE")))
    regions = {r.mention.text: r.region for r in doc.mentions}
    assert regions == {"长治市": "长治市", "美国": None, "旧金山": None, "浊漳河": "长治市"}


def test_an_organisation_named_after_a_division_lies_in_it():
    text = "全县会议在柳林县召开,柳林县委、吕梁市委和正来公司参加。"
    doc = resolve_document(text, [article(0, len(text))], spans(text, ("柳林县", "PLACE"), ("柳林县委", "ORG"),
                                                                ("吕梁市委", "ORG"), ("正来公司", "ORG")))
    regions = {r.mention.text: r.region for r in doc.mentions}
    assert regions == {"全县": "柳林县", "柳林县": "柳林县", "柳林县委": "柳林县", "吕梁市委": "吕梁市", "正来公司": "柳林县"}


def test_region_division_accepts_short_names_and_refuses_unknown_ones():
    assert region_division("长治").name == "长治市"
    with pytest.raises(KgError, match="'火星市' is not a Chinese administrative division"):
        region_division("火星市")


def test_names_lose_the_pdf_line_breaks_their_mentions_keep():
    text = "省应急管理厅印发《2023\n年山西省应急管理厅行政处\n罚公告第1号》。"
    start = text.index("2023")
    surface = text[start:text.index("》")]
    doc = resolve_document(text, [SimpleNamespace(start=0, end=len(text), title=None)],
                           [Mention(start, start + len(surface), surface, "DOC")])
    (resolved,) = [r for r in doc.mentions if r.type == "DOC"]
    assert resolved.mention.text == surface and "\n" in surface
    assert resolved.name == "2023年山西省应急管理厅行政处罚公告第1号"
    assert resolved.entity_id == "DOC:2023年山西省应急管理厅行政处罚公告第1号"


def test_relative_event_names_resolve_in_the_home_region():
    text = "中国式现代化长治实践\n会议传达学习了市委经济工作会议精神。长治市委书记出席。"
    start = text.index("市委经济工作会议")
    doc = resolve_document(text, [SimpleNamespace(start=0, end=len(text), title=None)],
                           [Mention(start, start + 8, "市委经济工作会议", "EVENT")])
    (event,) = [r for r in doc.mentions if r.type == "EVENT"]
    assert event.name == "长治市委经济工作会议" and event.entity_id == "EVENT:长治市委经济工作会议"
