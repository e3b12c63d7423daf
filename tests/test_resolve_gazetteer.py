"""Linking places to the division gazetteer, homonyms included."""

from kg.resolve.gazetteer import load_gazetteer, parse_tree
from kg.resolve.names import Scope
from kg.resolve.rules import load_rules

G = load_gazetteer()


def scope(home=None, local=None):
    find = lambda name: G.by_name[name][0] if name else None  # noqa: E731
    return Scope(G, load_rules(), find(home), find(local or home))


def test_codes_levels_and_parents():
    xiangyuan = G.by_name["襄垣县"][0]
    assert (xiangyuan.code, xiangyuan.level, xiangyuan.short) == ("140423", "county", "襄垣")
    assert [a.name for a in G.ancestors(xiangyuan)] == ["长治市", "山西省"]


def test_short_names_link_to_full_names():
    assert scope().place("长治") == ("长治市", G.by_name["长治市"][0])
    assert scope().place("襄垣")[0] == "襄垣县"
    assert scope().place("山西")[0] == "山西省"


def test_homonymous_towns_link_only_inside_the_region_in_force():
    assert len(G.candidates("城关镇")) > 50
    assert scope().place("城关镇")[1] is None  # no region: ambiguous, left unlinked
    assert scope("三门峡市").place("城关镇")[1] is None  # three counties of 三门峡 have one
    linked = scope("三门峡市", "卢氏县").place("城关镇")[1]
    assert linked.id == "411224/城关镇"


def test_homonymous_counties_prefer_the_home_province():
    chaoyang = [d for d in G.candidates("朝阳区")]
    assert len(chaoyang) == 2
    assert G.province_of(scope("长春市").place("朝阳区")[1]).name == "吉林省"
    assert G.province_of(scope("北京市").place("朝阳区")[1]).name == "北京市"


def test_villages_are_found_only_inside_a_region():
    assert scope().place("丰曲村")[1] is None
    village = scope("长治市", "襄垣县").place("丰曲村")[1]
    assert village.level == "village" and village.parent_id == "140423/西营镇"


def test_parse_tree_reads_codes_and_municipalities():
    lines = ["北京市\t110000\t北京", "\t北京市\t110000\t北京", "\t\t东城区\t110101\t东城",
             "\t\t\t东华门街道", "\t\t\t\t多福巷社区"]
    g = parse_tree(lines)
    dongcheng = g.by_name["东城区"][0]
    assert dongcheng.parent_id == "110000"  # the repeated city level is skipped
    assert g.by_name["东华门街道"][0].id == "110101/东华门街道"
    assert g.villages_within("多福巷社区", dongcheng)[0].id == "110101/东华门街道/多福巷社区"


def test_cities_without_counties_have_no_loop_in_their_hierarchy():
    # jionlp lists 东莞市's towns under a placeholder county with the city's own code;
    # a parent link to itself once made ancestors() loop until memory ran out.
    gazetteer = load_gazetteer()
    town = gazetteer.candidates("东坑镇")
    assert town and [a.name for a in gazetteer.ancestors(town[0])][-2:] == ["东莞市", "广东省"]
    for division in gazetteer.by_id.values():
        assert len(gazetteer.ancestors(division)) <= 4


def test_water_names_are_rivers_and_lakes_not_idioms():
    from kg.resolve.gazetteer import load_water_names

    names = set(load_water_names())
    assert {"浊漳河", "滹沱河", "洞庭湖", "漳河水库"} <= names
    assert not {"口若悬河", "混迹江湖", "排水渠"} & names


def test_named_places_takes_the_longest_name_and_skips_ambiguous_ones():
    from kg.resolve.region import named_places, place_names

    gazetteer = load_gazetteer()
    text = "山西省长治市襄垣县和承德、城区"
    # 长治市, not 长治 then 市; 承德 (a city and a county) and the generic 城区 name no division
    assert list(place_names(gazetteer).find(text)) == [(0, "山西省"), (3, "长治市"), (6, "襄垣县"), (10, "承德")]
    assert [(start, d.name) for start, d in named_places(text, gazetteer)] == [
        (0, "山西省"), (3, "长治市"), (6, "襄垣县")]


def test_rivers_without_idioms_and_their_short_names():
    from kg.resolve.gazetteer import load_river_short_names, load_water_names

    water = set(load_water_names())
    assert {"浊漳河", "漳河水库", "黄河三门峡水库"} <= water
    assert not {"摸着石头过河", "信口开河", "灿若星河", "长江黄河", "地下河"} & water
    shorts = load_river_short_names()
    assert shorts["浊漳河"] == "浊漳"
    assert "母亲河" not in shorts and "京杭大运河" not in shorts  # 母亲 is a word; 大运 is no river
