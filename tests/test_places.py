"""kg_places: division names from the gazetteer as PLACE spans the model missed."""

import re

import pytest

from kg.mention import Mention
from kg.ner import model_lines, with_repeats
from kg.ner.places import DivisionKin, DivisionNames, place_spans


@pytest.fixture(scope="module")
def names():
    divisions = DivisionNames("kg_places")
    divisions.initialize(names=["平顺县", "北耽车乡", "屯留区", "西营镇", "长治市", "城区", "新村", "襄垣县"],
                         short_names={"平顺县": "平顺", "长治市": "长治", "襄垣县": "襄垣"})
    return divisions


def spans(text, names, taken=()):
    return [text[start:end] for start, end in place_spans(text, list(taken), names)]


def span_of(text, name, label="PLACE", after=0):
    """The first span of ``name`` in ``text`` from ``after`` on, labelled."""
    start = text.index(name, after)
    return (start, start + len(name), label)


def test_full_division_names_and_the_villages_that_follow_them(names):
    text = "记者来到平顺县北耽车乡澗头村,又去屯留区西营镇。"
    assert spans(text, names) == ["平顺县", "北耽车乡", "澗头村", "屯留区", "西营镇"]


def test_names_shorter_than_three_characters_are_ignored(names):
    assert spans("老城区和新村", names) == []


def test_a_two_character_county_is_named_where_a_word_starts():
    counties = DivisionNames("kg_places")
    counties.initialize(names=["盂县", "应县", "随县", "和县", "范县", "吕梁市", "临县", "城区"])
    assert spans("近年来,盂县坚持生态优先,山阴、应县、怀仁", counties) == ["盂县", "应县"]
    assert spans("在吕梁市临县碛口,对应县木塔开展监测", counties) == ["吕梁市", "临县", "应县"]
    # not inside a word, nor before 县级, and 和县 of 市和县 is "and the counties"
    assert spans("创建示范县,跟随县水利局,相应县级部门,省、市和县三级", counties) == []


def test_a_village_needs_a_place_before_it(names):
    assert spans("他住在澗头村。", names) == []
    text = "他住在平顺县澗头村。"
    assert spans(text, names) == ["平顺县", "澗头村"]
    # a place the model found counts when it ends like a division
    assert spans("到了善福镇堡底村", names, taken=[(2, 5, "PLACE")]) == ["堡底村"]
    assert spans("松江有护村队", names, taken=[(0, 2, "PLACE")]) == []
    assert spans("刘占荣一介村妇", names, taken=[(0, 3, "PERSON")]) == []
    # a village of three characters follows a township, and 乡村 is no village
    assert spans("屯留区西营镇古浮图村的老人", names) == ["屯留区", "西营镇", "古浮图村"]
    assert spans("西营镇美丽乡村,平顺县古浮图村", names) == ["西营镇", "平顺县"]


def test_spans_the_model_found_win(names):
    text = "长治市平顺县"
    assert spans(text, names, taken=[(0, 6, "ORG")]) == []
    assert spans(text, names, taken=[(0, 3, "PLACE")]) == ["平顺县"]


def test_short_names_count_once_the_full_name_is_in_the_text(names):
    assert spans("长治久安,平顺人", names) == []
    # the full name inside an organisation the model found is enough
    text = "襄垣县水利局说,襄垣今年治理浊漳河;长治市、长治"
    assert spans(text, names, taken=[(0, 6, "ORG")]) == ["襄垣", "长治市", "长治"]


def test_an_organisation_takes_the_division_name_it_starts_in(names):
    from kg.ner.places import with_place_prefixes

    text = "襄垣县委和平顺县水利局,长治市政府"
    model = [(0, 2, "PLACE"), (2, 4, "ORG"), (7, 11, "ORG"), (12, 17, "ORG")]
    assert with_place_prefixes(text, model, names) == [(0, 4, "ORG"), (5, 11, "ORG"), (12, 17, "ORG")]


def test_a_place_joins_a_body_found_whole_after_it_once_more_where_asked():
    from kg.ner.places import with_org_names

    # facilities_as_places made the body from a "place" after with_org_names had run
    text = "会同山西省太岳山国有林管理局实施保护"
    assert with_org_names(text, [(2, 5, "PLACE"), (5, 14, "ORG")], found_only=True) == [(2, 14, "ORG")]
    # but not a body it did not find whole, nor one named with a province of its own
    assert with_org_names(text, [(2, 5, "PLACE")], found_only=True) == [(2, 5, "PLACE")]
    text = "走进祁县经济开发区山西晶华玻璃器皿有限公司的车间"
    model = [(2, 9, "PLACE"), (9, 21, "ORG")]
    assert with_org_names(text, model, found_only=True) == model


def test_a_place_followed_by_an_organisation_name_is_one_org():
    from kg.ner.places import with_org_names

    text = "2023年,山西正来制药有限公司投资建设;山西省人民政府"
    assert with_org_names(text, [(6, 8, "PLACE")]) == [(6, 16, "ORG")]
    assert with_org_names(text, [(6, 8, "PLACE"), (8, 16, "ORG")]) == [(6, 16, "ORG")]
    assert with_org_names("平顺县工业发展中心主任", [(0, 3, "PLACE")]) == [(0, 9, "ORG")]
    # an address joins the body it leads to
    assert with_org_names("柴村街道优山美郡社区党群服务中心运行", [(0, 4, "PLACE"), (4, 8, "PLACE")]) == [(0, 16, "ORG")]
    assert with_org_names("杏花岭区零工市场", [(0, 4, "PLACE")]) == [(0, 8, "ORG")]
    assert with_org_names("我们与山西农大共建了育苗中心", [(3, 5, "PLACE")]) == [(3, 7, "ORG")]
    # a city's intermediate court and customs are named by the city alone
    assert with_org_names("太原中院、太原海关", [(0, 2, "PLACE"), (5, 7, "PLACE")]) == [(0, 4, "ORG"), (5, 9, "ORG")]
    assert with_org_names("黄石铜山口铜矿通过改造", [(0, 2, "PLACE")]) == [(0, 7, "ORG")]
    # a county's middle school, forest farm and daily (not 山西 + 中学生)
    assert with_org_names("代县中学的学生,东寨林场,山西中学生", [(0, 2, "PLACE"), (8, 10, "PLACE"), (13, 15, "PLACE")]) == [
        (0, 4, "ORG"), (8, 12, "ORG"), (13, 15, "PLACE")]
    # a company's trade name may hold 和 as its second character, not further on (焦煤和潞安)
    assert with_org_names("临县人社局和山西康和家政服务有限公司负责人", [(6, 8, "PLACE")]) == [(6, 18, "ORG")]
    assert with_org_names("山西焦煤和潞安化工集团有限公司", [(0, 2, "PLACE")]) == [(0, 2, "PLACE")]
    # a larger place does not join a body made so (MSRA: 福建 + 厦门海外环球旅行社)
    assert with_org_names("福建厦门海外旅行社", [(0, 2, "PLACE"), (2, 4, "PLACE")]) == [(0, 2, "PLACE"), (2, 9, "ORG")]
    # but not a place before a body the model found whole (交城县 + 山西利虎玻璃集团有限公司)
    assert with_org_names("交城县山西利虎玻璃集团有限公司", [(0, 3, "PLACE"), (3, 15, "ORG")]) == [
        (0, 3, "PLACE"), (3, 15, "ORG")]
    # a long name, a bureau's, and a body two levels down (a county's township's) that the model found
    # whole, which a city before it does not join (MSRA)
    text = "运城市生态环境保护综合行政执法支队,山西省汾河水库管理局"
    assert with_org_names(text, [(0, 3, "PLACE"), (18, 21, "PLACE")]) == [(0, 17, "ORG"), (18, 28, "ORG")]
    names = DivisionNames("kg_places")
    names.initialize(names=["长春市", "二道区", "太原市", "晋源区"], short_names={})
    text = "长春市二道区东站街道第十居民委员会,太原市晋源区实验小学"
    model = [(0, 3, "PLACE"), (3, 17, "ORG"), (18, 21, "PLACE"), (21, 28, "ORG")]
    assert with_org_names(text, model, names) == [(0, 3, "PLACE"), (3, 17, "ORG"), (18, 28, "ORG")]
    # a cooperative's trade name the model read as a person (宏丰红芸), and only a cooperative's
    text = "岢岚县宏丰红芸豆种植专业合作社理事长"
    assert with_org_names(text, [(0, 3, "PLACE"), (3, 7, "PERSON")]) == [(0, 15, "ORG")]
    # a union of cooperatives is named whole
    text = "黎城县黎侯农产品专业合作社联合社通过"
    assert with_org_names(text, [(0, 3, "PLACE")]) == [(0, 16, "ORG")]
    assert with_org_names("河曲县二人台艺术团的演员", [(0, 3, "PLACE")]) == [(0, 9, "ORG")]
    # a group's company with 集团 in brackets
    assert with_org_names("快线由太原市公共交通控股(集团)有限公司会同", [(3, 6, "PLACE")]) == [(3, 20, "ORG")]
    # a state forest bureau: the 有 of 国有 is no verb
    text = "山西省管涔山国有林管理局局长"
    names = DivisionNames("kg_places")
    names.initialize(names=["山西省"], short_names={})
    assert with_org_names(text, [(0, 3, "PLACE"), (3, 6, "PLACE")], names) == [(0, 12, "ORG")]
    assert with_org_names("平顺县王小明服务中心", [(0, 3, "PLACE"), (3, 6, "PERSON")]) == [(0, 3, "PLACE"), (3, 6, "PERSON")]
    # a character that ends a name, or no head word: the model's spans stay
    assert with_org_names("香港的城市中心", [(0, 2, "PLACE")]) == [(0, 2, "PLACE")]
    # the model's own ORG says where the name starts: 美 does not join 中央电视台 across a gap
    text = "访美回国途中接受中央电视台记者采访"
    assert with_org_names(text, [(1, 2, "PLACE"), (8, 13, "ORG")]) == [(1, 2, "PLACE"), (8, 13, "ORG")]
    assert with_org_names(text, [(21, 24, "PLACE"), (24, 28, "ORG")]) == [(21, 24, "PLACE"), (24, 28, "ORG")]


def test_regions_are_one_place_and_take_their_suffix():
    from kg.ner.places import with_regions

    text = "京津冀协同发展,黄河流域和长治地区"  # 地区 stays out, as in MSRA
    model = [(0, 1, "PLACE"), (1, 2, "PLACE"), (2, 3, "PLACE"), (8, 10, "PLACE"), (13, 15, "PLACE")]
    assert [text[s:e] for s, e, _ in with_regions(text, model)] == ["京津冀", "黄河流域", "长治"]
    # an entity crossing the region's edge keeps the model's reading
    assert with_regions("京津冀协会", [(2, 5, "ORG")]) == [(2, 5, "ORG")]
    assert with_regions("拱卫京津冀", [(0, 3, "PLACE"), (3, 4, "PLACE"), (4, 5, "PLACE")]) == [(2, 5, "PLACE")]
    # a compass region takes 地区, another region not, a place a region of cities; state-level new areas are regions
    text = "京津冀地区和山西中部城市群,服务雄安新区,华北地区"
    model = [(6, 8, "PLACE"), (16, 18, "PLACE")]
    assert [text[s:e] for s, e, _ in with_regions(text, model)] == ["京津冀", "山西中部城市群", "雄安新区", "华北地区"]
    # Jinzhong's hi-tech farming zone, which the model reads as 晋 + 中国 + ..., and the university town
    text = "位于晋中国家农业高新技术产业示范区的企业,在山西大学城举办"
    model = [(2, 4, "PLACE"), (22, 24, "PLACE")]
    assert [text[s:e] for s, e, _ in with_regions(text, model)] == ["晋中国家农业高新技术产业示范区", "山西大学城"]
    # Shanxi's rivers, mountains and best-known sites, unless a longer name holds them
    text = "沁河发源于我县,在沁河沁河镇段,晋祠和蒙山大佛"
    model = [(11, 14, "PLACE"), (16, 17, "PLACE"), (19, 21, "PERSON")]
    assert [text[s:e] for s, e, _ in with_regions(text, model)] == ["沁河", "沁河", "沁河镇", "晋祠", "蒙山大佛"]
    text = "高铁直达台怀,台怀镇和壶口,圣母殿、鱼沼飞梁"  # named bare, without 镇 or 瀑布
    model = [(7, 10, "PLACE"), (text.index("圣母殿"), text.index("圣母殿") + 3, "PLACE")]
    assert [text[s:e] for s, e, _ in with_regions(text, model)] == ["台怀", "台怀镇", "壶口", "圣母殿", "鱼沼飞梁"]
    text = "在大南门站换乘"  # the model's 南门站 is Taiyuan's 大南门 and its station
    assert [text[s:e] for s, e, _ in with_regions(text, [(2, 5, "PLACE")])] == ["大南门站"]
    text = "参观八路军太行纪念馆和广武汉墓群"  # longer names over a found one (八路军, 武汉)
    model = [(2, 5, "ORG"), (text.index("武汉"), text.index("武汉") + 2, "PLACE")]
    assert [text[s:e] for s, e, _ in with_regions(text, model)] == ["八路军太行纪念馆", "广武汉墓群"]
    text = "科创城与长风商务区,沿一号公路"  # Taiyuan's innovation town and business district; the tourist roads
    assert [text[s:e] for s, e, _ in with_regions(text, [])] == ["科创城", "长风商务区", "一号公路"]
    text = "浑河、绛河和鄂河沿岸,张峰水库"  # smaller rivers and reservoirs
    assert [text[s:e] for s, e, _ in with_regions(text, [])] == ["浑河", "绛河", "鄂河", "张峰水库"]
    text = "沿偏头关、守口堡一线,登秋风楼,游觉山寺和通天峡"  # forts, passes, towers, temples, gorges
    assert [text[s:e] for s, e, _ in with_regions(text, [])] == ["偏头关", "守口堡", "秋风楼", "觉山寺", "通天峡"]
    # a place that goes on a character or two after the name, or by a numbered part, is the name
    text = "依托云丘山康养资源,天龙山石窟第8窟,与太岳山国有林管理局,沁河镇"
    model = [(text.index(name), text.index(name) + len(name), "PLACE")
             for name in ("云丘山康", "天龙山石窟第8窟", "太岳山国有林管理局", "沁河镇")]
    assert [text[s:e] for s, e, _ in with_regions(text, model)] == ["云丘山", "天龙山石窟", "太岳山国有林管理局", "沁河镇"]
    # Shanxi's basins and the regions they share with their neighbours
    text = "地处上党盆地腹地,运城地处晋陕豫黄河金三角"
    model = [(2, 4, "ORG"), (9, 11, "PLACE"), (13, 16, "PERSON"), (16, 18, "PLACE"), (18, 21, "PLACE")]
    assert [text[s:e] for s, e, _ in with_regions(text, model)] == ["上党盆地", "运城", "晋陕豫黄河金三角"]
    text = "推动郑庄区块增产,钟楼街片区"  # a gas field's block; a 片区 stays apart
    assert [text[s:e] for s, e, _ in with_regions(text, [(2, 4, "PLACE"), (9, 12, "PLACE")])] == ["郑庄区块", "钟楼街"]
    text = "地处晋冀蒙交界,黄河冲出晋陕峡谷"  # the provinces' one-character names the region's are
    model = [(2, 3, "PLACE"), (3, 4, "PLACE"), (4, 5, "PLACE"), (12, 13, "PLACE"), (13, 16, "PLACE")]
    assert [text[s:e] for s, e, _ in with_regions(text, model)] == ["晋冀蒙", "晋陕峡谷"]
    # a place that only adds a word before the name is the name
    assert with_regions("串联起晋祠、天龙山", [(2, 5, "PLACE")]) == [(3, 5, "PLACE"), (6, 9, "PLACE")]
    # a place takes the community named after it, a division does not: its 社区 are its communities
    text = "滨河路南社区建立平台,和平区社区建设"
    model = [(0, 3, "PLACE"), (11, 14, "PLACE")]
    assert [text[s:e] for s, e, _ in with_regions(text, model)] == ["滨河路南社区", "和平区"]
    # a street's community is a level of its own
    assert [("锦纶街道文苑社区"[s:e]) for s, e, _ in with_regions("锦纶街道文苑社区", [(0, 6, "PLACE")])] == ["锦纶街道", "文苑社区"]



def test_a_zone_named_by_its_place_is_one_place():
    from kg.ner.places import with_zones

    def names(text, model):
        return [(text[s:e], label) for s, e, label in with_zones(text, model)]

    text = "项目在清徐经济开发区开工,山西转型综合改革示范区和太原高新区"
    model = [(3, 5, "PLACE"), (13, 15, "PLACE"), (25, 27, "PLACE"), (27, 29, "PLACE")]
    assert names(text, model) == [("清徐经济开发区", "PLACE"), ("山西转型综合改革示范区", "PLACE"),
                                  ("太原高新区", "PLACE")]
    # the zone's managing body is an ORG
    assert names("清徐经济开发区管委会主任", [(0, 2, "PLACE")]) == [("清徐经济开发区管委会", "ORG")]
    # a science city is a zone too
    assert names("落户山西科技创新城,主攻", [(2, 4, "PLACE")]) == [("山西科技创新城", "PLACE")]
    # a place that wins a zone's title, or says what it does there, does not name the zone
    for text in ("灵丘县入选生态文明建设示范区", "龙口作为建立全国科技进步示范区试点", "太原的开发区"):
        model = [(0, 3 if text[2] == "县" else 2, "PLACE")]
        assert with_zones(text, model) == model
    # the shipped regions name Shanxi's own zone without a place
    from kg.ner.places import with_regions
    assert names("综改示范区规模以上工业", with_regions("综改示范区规模以上工业", [])) == [("综改示范区", "PLACE")]
    # a park in a zone is named on its own
    assert names("走进综改示范区潇河产业园区", [(2, 7, "PLACE")]) == [("综改示范区", "PLACE"), ("潇河产业园区", "PLACE")]

def test_a_company_named_with_its_legal_ending_is_one_org():
    from kg.ner.places import with_legal_names

    names = DivisionNames("kg_places")
    names.initialize(names=["江苏省", "苏州市", "无锡市"], short_names={"江苏省": "江苏", "苏州市": "苏州", "无锡市": "无锡"})

    def orgs(text, model):
        return [(text[s:e], label) for s, e, label in with_legal_names(text, model, names)]

    # the model's pieces of a name it has never seen: 山西 + 泰 + 科技有限公司, 大同华晟 + ...
    assert orgs("园区内,山西同泰储能科技有限公司的电芯", [(4, 6, "PLACE"), (7, 8, "PLACE"), (10, 16, "ORG")]) == [
        ("山西同泰储能科技有限公司", "ORG")]
    assert orgs("园区内,大同华晟氢能装备股份有限公司生产", [(4, 8, "ORG")]) == [("大同华晟氢能装备股份有限公司", "ORG")]
    assert orgs("在河边镇,山西恒锻法兰股份有限公司新建", [(1, 4, "PLACE"), (5, 7, "PLACE"), (9, 17, "ORG")]) == [
        ("河边镇", "PLACE"), ("山西恒锻法兰股份有限公司", "ORG")]
    # a province before a company named after its city stays apart, as in MSRA
    text = "江苏省苏州宝碟激光电子有限公司"
    assert orgs(text, [(0, 3, "PLACE"), (3, 15, "ORG")]) == [("江苏省", "PLACE"), ("苏州宝碟激光电子有限公司", "ORG")]
    assert orgs("江苏无锡胜蓝科技有限公司", [(0, 2, "PLACE"), (2, 4, "PLACE")]) == [
        ("江苏", "PLACE"), ("无锡胜蓝科技有限公司", "ORG")]
    # without its suffix the province is part of the registered name; 设 of 建设 is no verb
    assert orgs("江苏苏州宝碟建设有限公司", [(0, 2, "PLACE"), (2, 12, "ORG")]) == [("江苏苏州宝碟建设有限公司", "ORG")]
    assert orgs("苏州市江苏宝碟有限公司", [(0, 3, "PLACE"), (3, 11, "ORG")]) == [("苏州市", "PLACE"), ("江苏宝碟有限公司", "ORG")]
    # a verb, 的 or a person ends the name; without a place or body before it the model's reading stands
    assert orgs("落户朔州的山西塞北牧歌乳业有限公司", [(2, 4, "PLACE"), (5, 7, "PLACE")]) == [
        ("朔州", "PLACE"), ("山西塞北牧歌乳业有限公司", "ORG")]
    assert orgs("山西全部供应古城乳业集团有限公司", [(0, 2, "PLACE")]) == [("山西", "PLACE")]
    assert orgs("社长兼彩翎音像制作有限公司", [(0, 2, "PERSON")]) == [("社长", "PERSON")]
    # a "person" inside the name is a piece the model made of it
    assert orgs("晋城巴公光学镀膜有限公司负责人", [(0, 2, "PLACE"), (2, 4, "PERSON")]) == [
        ("晋城巴公光学镀膜有限公司", "ORG")]
    assert orgs("记者王明山西塞北牧歌乳业有限公司", [(2, 4, "PERSON"), (4, 6, "PLACE")]) == [
        ("王明", "PERSON"), ("山西塞北牧歌乳业有限公司", "ORG")]
    assert orgs("会上,山西金岚煤焦集团有限公司", [(3, 5, "ORG"), (5, 15, "PERSON")]) == [("山西金岚煤焦集团有限公司", "ORG")]
    # a lawsuit's parties: X有限公司 + 诉 + Y有限公司
    assert orgs("在太原六味斋实业有限公司诉太原晋味坊食品有限公司纠纷案中", [(1, 3, "PLACE"), (13, 15, "PLACE")]) == [
        ("太原六味斋实业有限公司", "ORG"), ("太原晋味坊食品有限公司", "ORG")]
    # a trade name's second character may be 和: 山西 + 仁和陶瓷 + 进出口有限公司
    assert orgs("展区,山西仁和陶瓷进出口有限公司的展位", [(3, 5, "PLACE"), (9, 16, "ORG")]) == [
        ("山西仁和陶瓷进出口有限公司", "ORG")]


def test_a_place_named_as_a_body_is_that_body():
    from kg.ner.places import facilities_as_places

    text = "岚县农业农村局数据显示,太原市"
    assert facilities_as_places(text, [(0, 7, "PLACE"), (12, 15, "PLACE")]) == [(0, 7, "ORG"), (12, 15, "PLACE")]


def test_a_person_s_tomb_or_a_legend_s_prison_is_a_site():
    from kg.ner.places import facilities_as_places

    text = "游览广胜寺、苏三监狱,在司马光墓前"
    model = [(2, 5, "PLACE"), (6, 8, "PERSON"), (12, 15, "PERSON")]
    assert facilities_as_places(text, model) == [(2, 5, "PLACE"), (6, 10, "PLACE"), (12, 16, "PLACE")]


def test_a_person_named_as_a_valley_a_gully_or_a_mausoleum_is_that_place():
    from kg.ner.places import facilities_as_places

    text = "再去郭峪、赵杲观,在乔沟一带,尧陵"
    model = [(2, 4, "PERSON"), (5, 8, "PERSON"), (10, 12, "PERSON"), (15, 17, "PERSON")]
    assert facilities_as_places(text, model) == [(s, e, "PLACE") for s, e, _ in model]


def test_a_zone_that_acts_is_its_managing_body():
    from kg.ner.places import zones_that_act

    def labels(text, model):
        return [(text[s:e], label) for s, e, label in zones_that_act(text, model)]

    text = "大同经开区出台支持政策,项目落户朔州经济开发区"
    assert labels(text, [(0, 5, "PLACE"), (16, 23, "PLACE")]) == [("大同经开区", "ORG"), ("朔州经济开发区", "PLACE")]
    # a list of zones acts together; 与 acts only where the zone works with someone
    text = "朔州经济开发区、怀仁经济技术开发区要当好主战场"
    assert labels(text, [(0, 7, "PLACE"), (8, 17, "PLACE")]) == [("朔州经济开发区", "ORG"), ("怀仁经济技术开发区", "ORG")]
    assert labels("综改示范区与原平市合作共建", [(0, 5, "PLACE")]) == [("综改示范区", "ORG")]
    assert labels("综改示范区与原平市交界处", [(0, 5, "PLACE")]) == [("综改示范区", "PLACE")]
    # listed with bodies, a zone is one too
    text = "大同经济技术开发区、左云县政府分别签约"
    assert labels(text, [(0, 9, "PLACE"), (10, 15, "ORG")]) == [("大同经济技术开发区", "ORG"), ("左云县政府", "ORG")]
    assert labels("由运城经开区引进的企业", [(1, 6, "PLACE")]) == [("运城经开区", "ORG")]
    # with one of its bureaus
    assert labels("综改示范区投资促进局负责人说", [(0, 5, "PLACE")]) == [("综改示范区投资促进局", "ORG")]
    # signing, reporting, and a headline on what it did; a park's headline stays a place, so
    # does a colon in running text
    assert labels("原平经开区新签约锻造项目6个", [(0, 5, "PLACE")]) == [("原平经开区", "ORG")]
    assert labels("会上,霍州经济开发区作典型发言", [(3, 10, "PLACE")]) == [("霍州经济开发区", "ORG")]
    assert labels("长治高新区:光电产业“追光”前行\n本报讯", [(0, 5, "PLACE")]) == [("长治高新区", "ORG")]
    assert labels("清徐老陈醋产业园：一瓶醋“酿”出百亿产业", [(0, 8, "PLACE")]) == [("清徐老陈醋产业园", "PLACE")]
    assert labels("长治高新区:今年完成投资5亿元。此外", [(0, 5, "PLACE")]) == [("长治高新区", "PLACE")]


def test_a_museum_that_acts_is_an_institution():
    from kg.ner.places import institutions_that_act

    def labels(text, model):
        return [(text[s:e], label) for s, e, label in institutions_that_act(text, model)]

    text = "晋祠博物馆将闭馆时间延长,游客走进太原市博物馆,区文旅局联合山西博物院推出"
    model = [(0, 5, "PLACE"), (17, 23, "PLACE"), (30, 35, "PLACE")]
    assert labels(text, model) == [("晋祠博物馆", "ORG"), ("太原市博物馆", "PLACE"), ("山西博物院", "ORG")]
    # an exhibition that opens (开展) at the museum
    assert labels("成果展在太原市博物馆开展", [(4, 10, "PLACE")]) == [("太原市博物馆", "PLACE")]
    # a memorial hall visited is a place, whatever the model called it; a theatre stays a body
    assert labels("游客走进麻田八路军总部纪念馆参观", [(4, 14, "ORG")]) == [("麻田八路军总部纪念馆", "PLACE")]
    assert labels("走进山西省晋剧院看戏", [(2, 8, "ORG")]) == [("山西省晋剧院", "ORG")]
    # its deputy head speaks for it, and it goes on doing things
    assert labels("大同市博物馆副馆长刘雅琴说,大同市图书馆持续推出讲座", [(0, 6, "PLACE"), (14, 20, "PLACE")]) == [
        ("大同市博物馆", "ORG"), ("大同市图书馆", "ORG")]
    # so do its guides and the heads of its departments
    assert labels("黄崖洞纪念馆讲解员郝文静说", [(0, 6, "PLACE")]) == [("黄崖洞纪念馆", "ORG")]
    assert labels("晋祠博物馆文物保护部主任武春燕", [(0, 5, "PLACE")]) == [("晋祠博物馆", "ORG")]
    # a library or a cultural centre is the institution, but where something is held in it
    text = "兴县图书馆的流动书车,活动在兴县图书馆举办"
    assert labels(text, [(0, 5, "PLACE"), (14, 19, "ORG")]) == [("兴县图书馆", "ORG"), ("兴县图书馆", "PLACE")]
    # museums listed as units that lend; a 博物院 where an exhibition opens is the venue
    text = "山西青铜博物馆、晋国博物馆等11家单位的编钟"
    assert labels(text, [(0, 7, "PLACE"), (8, 13, "PLACE")]) == [("山西青铜博物馆", "ORG"), ("晋国博物馆", "ORG")]
    assert labels("特展在山西博物院开展,原件珍藏于山西博物院", [(3, 8, "ORG"), (16, 21, "ORG")]) == [
        ("山西博物院", "PLACE"), ("山西博物院", "ORG")]


def test_a_line_travelled_on_is_a_place():
    from kg.ner.places import with_running_lines

    text = "郑太高铁通车后,游客经侯禹高速到达,乘坐高铁"
    model = [(0, 3, "PERSON"), (11, 13, "PERSON")]
    assert [(text[s:e], label) for s, e, label in with_running_lines(text, model)] == [
        ("郑太高铁", "PLACE"), ("侯禹高速", "PLACE")]
    # or one travels by, or that opens (驶上, 依托, 借助; 全线贯通, 运力), but not a kind of line
    text = "驶上青银高速,依托忻保高速,随着大张高铁运力加密,坐城际铁路"
    assert [text[s:e] for s, e, _ in with_running_lines(text, [(text.index("大张"), text.index("大张") + 2, "ORG")])] == [
        "青银高速", "忻保高速", "大张高铁"]


def test_a_commission_ends_before_the_verb_and_a_name_before_the_list_comma():
    from kg.ner.places import without_joining_verb, without_list_markers

    assert without_joining_verb("市卫健委会同市医保局", [(0, 5, "ORG")]) == [(0, 4, "ORG")]
    assert without_joining_verb("市人大常委会同意", [(0, 6, "ORG")]) == [(0, 6, "ORG")]
    assert without_list_markers("樊村镇、阳村街道", [(0, 3, "PLACE"), (3, 6, "PLACE")]) == [(0, 3, "PLACE"), (4, 6, "PLACE")]


def test_an_org_read_across_a_joining_verb_is_the_bodies_it_joins():
    from kg.ner.places import split_joined_bodies

    def spans(text, ents):
        return [text[s:e] for s, e, _ in split_joined_bodies(text, ents)]

    assert spans("县水利局联合省汾河水库管理中心实施", [(0, 15, "ORG")]) == ["县水利局", "省汾河水库管理中心"]
    assert spans("县医保局会同\n县卫体局出台", [(0, 11, "ORG")]) == ["县医保局", "县卫体局"]
    assert spans("检察院则联合乡宁县林业局", [(4, 12, "ORG")]) == ["乡宁县林业局"]
    # names that hold the word stay whole
    for name in ("太原市晋源区工商业联合会", "玉米分子育种联合实验室", "联合国教科文组织", "工作队联合组"):
        assert spans(name, [(0, len(name), "ORG")]) == [name]


def test_a_museum_or_a_court_without_its_place_is_no_name():
    from kg.ner.places import without_generic_orgs

    text = "博物馆还将推出展览,法院审理认为,大同市博物馆,市中级人民法院"
    model = [(0, 3, "ORG"), (10, 12, "ORG"), (17, 23, "ORG"), (24, 31, "ORG")]
    assert [text[s:e] for s, e, _ in without_generic_orgs(text, model)] == ["大同市博物馆", "市中级人民法院"]
    assert without_generic_orgs("两个城市医疗集团", [(4, 8, "ORG")]) == []  # the kind of body
    text = "联盟理事长,代表团一行,省会轨道交通,阳泉市算力产业联盟"
    model = [(0, 2, "ORG"), (6, 9, "ORG"), (14, 18, "ORG"), (19, 28, "ORG")]
    assert [text[s:e] for s, e, _ in without_generic_orgs(text, model)] == ["阳泉市算力产业联盟"]
    assert without_generic_orgs("现在在镇\n卫生院就能做", [(3, 8, "ORG")]) == []  # across a PDF's line break too


def test_a_name_listed_between_places_with_their_ending_is_a_place():
    from kg.ner.places import with_listed_places

    def places(text, model):
        return [text[s:e] for s, e, label in with_listed_places(text, model)]

    text = "统筹推进汾河、沁河、涑水河等支流治理"
    assert places(text, [(4, 6, "PLACE"), (10, 13, "PLACE")]) == ["汾河", "沁河", "涑水河"]
    text = "串联华严寺、九龙壁、悬空寺和恒山"
    assert places(text, [(2, 5, "PLACE"), (14, 16, "PLACE")]) == ["华严寺", "悬空寺", "恒山"]
    # a site listed right after a place, in place of the person the model read in it
    text = "串联乔家大院、绵山、张壁古堡等景区"
    assert places(text, [(2, 6, "PLACE"), (10, 12, "PERSON")]) == ["乔家大院", "绵山", "张壁古堡"]
    # an item with no place's ending, or a list of no places, stays as it was
    assert places("推进汾河、沁源、涑水河治理", [(2, 4, "PLACE")]) == ["汾河"]
    assert places("种植玉米、大豆、小麦和油菜", []) == []
    # nor is a bound (南至潇河) a name
    text = "西至汾河、南至潇河"
    assert places(text, [(2, 4, "PLACE")]) == ["汾河"]


def test_overlapping_rule_output_keeps_the_longer_span():
    from spacy.tokens import Doc, Span
    from spacy.vocab import Vocab

    text = "张襄垣县委"  # the ORG takes 襄垣县 and now crosses the model's PERSON 张襄
    doc = Doc(Vocab(), words=list(text), spaces=[False] * len(text))
    doc.ents = [Span(doc, 0, 2, "PERSON"), Span(doc, 3, 5, "ORG")]
    places = DivisionNames("kg_places")
    places.initialize(names=["襄垣县"], short_names={})
    assert [(e.text, e.label_) for e in places(doc).ents] == [("襄垣县委", "ORG")]


def test_names_round_trip_through_disk(names, tmp_path):
    names.to_disk(tmp_path)
    loaded = DivisionNames("kg_places").from_disk(tmp_path)
    assert loaded.names == names.names
    assert loaded.short_names == names.short_names == {"平顺县": "平顺", "长治市": "长治", "襄垣县": "襄垣"}


def test_model_lines_drop_spaces_next_to_chinese_and_split_lines():
    text = "本报记者 马慧荣  New York\n\n长治 市"
    lines = list(model_lines(text))
    assert [view for view, _ in lines] == ["本报记者马慧荣New York", "长治市"]
    for view, positions in lines:
        assert "".join(text[p] for p in positions) == view


def test_places_used_as_modifiers_are_not_places():
    from kg.ner.places import without_modifiers

    text = "中药材加工,藏医院和中美合作,中国式现代化,中成药"
    model = [(0, 1, "PLACE"), (6, 7, "PLACE"), (10, 11, "PLACE"), (11, 12, "PLACE"), (15, 17, "PLACE"),
             (22, 23, "PLACE")]
    assert without_modifiers(text, model) == [(10, 11, "PLACE"), (11, 12, "PLACE")]
    text = "沿黄各乡镇和黄河沿岸"
    assert without_modifiers(text, [(1, 2, "PLACE"), (6, 8, "PLACE")]) == [(6, 8, "PLACE")]


def test_no_place_inside_a_set_phrase_of_today():
    from kg.ner.places import without_modifiers

    text = "贯彻习近平新时代中国特色社会主义思想,铸牢中华民族共同体意识,中华老字号,中国特色的道路"
    model = [span_of(text, "中国"), span_of(text, "中华"), span_of(text, "中华", after=text.index("老字号") - 2),
             span_of(text, "中国", after=text.index("特色的") - 2)]
    assert without_modifiers(text, model) == [span_of(text, "中国", after=text.index("特色的") - 2)]


def test_spans_across_a_clause_or_half_a_bracket_are_not_names():
    from kg.ner.places import without_broken_spans

    text = "民革积极参政议政，实行民主监督。(本报伊斯兰堡电)国家旅游局公布:(2)牙买加(3)巴哈马国(新华社)"
    spans = {name: (text.index(name), text.index(name) + len(name))
             for name in ["民革积极参政议政，实行民主监督", "伊斯兰堡电)国家旅游局", "牙买加(3", "巴哈马国", "(新华社)"]}
    model = sorted((start, end, "ORG") for start, end in spans.values())
    assert [text[s:e] for s, e, _ in without_broken_spans(text, model)] == ["巴哈马国", "(新华社)"]


def test_a_place_linked_by_a_dash_to_a_body_is_its_partner():
    from kg.ner.places import with_partner_places

    text = "秘鲁—中国文化协会主席,古交-娄烦-方山高速,美国 中国友好协会,中国－东盟合作"

    def at(name, label, after=0):
        start = text.index(name, after)
        return (start, start + len(name), label)

    model = [at("秘鲁", "PLACE"), at("中国文化协会", "ORG"), at("古交", "PLACE"), at("娄烦", "PLACE"),
             at("美国", "PLACE"), at("中国友好协会", "ORG"), at("中国", "PLACE", 30), at("东盟", "ORG")]
    assert with_partner_places(text, model) == [at("秘鲁—中国文化协会", "ORG"), *model[2:]]
    # the model took the dash into the place, and called it an ORG
    assert with_partner_places(text, [at("秘鲁—", "ORG"), at("中国文化协会", "ORG")]) == [at("秘鲁—中国文化协会", "ORG")]


def test_generic_gazetteer_names_are_not_places():
    places = DivisionNames("kg_places")
    places.initialize(names=["开发区", "经济技术开发区", "奶牛场", "新城区", "西营镇"], short_names={})
    assert places.names == frozenset({"新城区", "西营镇"})


def test_rivers_and_lakes_are_places():
    places = DivisionNames("kg_places")
    places.initialize(names=["浊漳河", "襄垣县"], short_names={})
    text = "襄垣县全面推动浊漳河流域生态修复"
    assert place_spans(text, [], places) == [(0, 3), (7, 10)]


def test_named_facilities_roads_and_villages_are_places():
    from kg.ner.places import facilities_as_places

    text = "柳林大剧院和柳林县医院"
    assert facilities_as_places(text, [(0, 5, "ORG"), (6, 11, "ORG")]) == [(0, 5, "PLACE"), (6, 11, "ORG")]
    text = "魏榆路改造,王小平说"
    assert facilities_as_places(text, [(0, 3, "PERSON"), (6, 9, "PERSON")]) == [(0, 3, "PLACE"), (6, 9, "PERSON")]
    text = "李寒光来到甘村浊漳河岸边"
    assert facilities_as_places(text, [(0, 3, "PERSON"), (5, 7, "PERSON"), (7, 10, "PERSON")]) == [
        (0, 3, "PERSON"), (5, 7, "PLACE"), (7, 10, "PLACE")]
    text = "马拉维湖和扎伊尔共和国,王兆国说"
    assert facilities_as_places(text, [(0, 4, "PERSON"), (5, 11, "PERSON"), (12, 15, "PERSON")]) == [
        (0, 4, "PLACE"), (5, 11, "PLACE"), (12, 15, "PERSON")]
    text = "王家大院游人如织"  # a family's compound, not a person
    assert facilities_as_places(text, [(0, 4, "PERSON")]) == [(0, 4, "PLACE")]
    text = "依托晋阳古城遗址和灵空山国家级自然保护区"  # a head after a head
    assert facilities_as_places(text, [(2, 4, "PLACE"), (9, 12, "PERSON")]) == [(2, 8, "PLACE"), (9, 20, "PLACE")]
    # the name before a facility's head names the facility, with the head
    # (not when the head starts another entity)
    text = "柳林大剧院是文化基地,王小平公园管理处"
    assert facilities_as_places(text, [(0, 2, "PERSON"), (11, 14, "PERSON"), (14, 19, "ORG")]) == [
        (0, 5, "PLACE"), (11, 14, "PERSON"), (14, 19, "ORG")]
    # a city's short name before a place-named park is part of its name, a county's full name is not
    text = "太原汾河湿地公园里,柳林县柳林大剧院"
    assert facilities_as_places(text, [(0, 2, "PLACE"), (2, 4, "PLACE"), (10, 13, "PLACE"), (13, 15, "PERSON")]) == [
        (0, 8, "PLACE"), (10, 13, "PLACE"), (13, 18, "PLACE")]
    # a river's ecological park, a village's old buildings, a toll station by its side of town
    text = "在御河生态公园,为汾城古建筑群,从忻州北收费站"
    model = [span_of(text, "御河"), span_of(text, "汾城"), span_of(text, "忻州")]
    assert [text[s:e] for s, e, _ in facilities_as_places(text, model)] == ["御河生态公园", "汾城古建筑群", "忻州北收费站"]
    text = "走出忻州五台山机场"  # a city's short name in 州 too
    assert facilities_as_places(text, [span_of(text, "忻州"), span_of(text, "五台山机场")]) == [span_of(text, "忻州五台山机场")]
    # a "place" named as a company is an organisation; a hospital's building stays what it was
    text = "交城县山西利虎玻璃集团有限公司,柳林大剧院,南寨区域党群服务中心"
    assert facilities_as_places(text, [(3, 15, "PLACE"), (16, 21, "PLACE"), (22, 32, "PLACE")]) == [
        (3, 15, "ORG"), (16, 21, "PLACE"), (22, 32, "ORG")]
    # a scenic area is a facility: 武夷山 + 风景名胜区, 山海关 + 旅游区
    text = "武夷山风景名胜区和山海关旅游区"
    assert facilities_as_places(text, [(0, 3, "PLACE"), (9, 12, "PLACE")]) == [(0, 8, "PLACE"), (9, 15, "PLACE")]
    assert facilities_as_places("市民在汾河景区纳凉", [(3, 5, "PLACE")]) == [(3, 7, "PLACE")]
    # a facility with a name of its own after a city's short name, not after a full division name
    text = "支持太原武宿国际机场周边,柳林县柳林大剧院"
    assert facilities_as_places(text, [(2, 4, "PLACE"), (13, 16, "PLACE")]) == [(2, 10, "PLACE"), (13, 16, "PLACE")]
    assert facilities_as_places("太原市民在迎泽公园", [(0, 2, "PLACE")]) == [(0, 2, "PLACE")]
    # a convention centre is a building (MSRA: 福州国际会展中心), named by its place
    text = "博览会在山西潇河国际会展中心开幕"
    assert facilities_as_places(text, [(4, 6, "PLACE"), (6, 14, "ORG")]) == [(4, 14, "PLACE")]


def test_a_person_named_as_a_county_the_text_names_is_that_county(names):
    from kg.ner.places import persons_named_as_places

    text = "襄垣县水利局说,襄垣人王平"
    model = [(0, 6, "ORG"), (8, 10, "PERSON"), (11, 13, "PERSON")]
    assert persons_named_as_places(text, model, names) == [(0, 6, "ORG"), (8, 10, "PLACE"), (11, 13, "PERSON")]
    assert persons_named_as_places("襄垣人王平", [(0, 2, "PERSON")], names) == [(0, 2, "PERSON")]


def test_a_person_named_as_a_country_is_that_country():
    from kg.ner.places import persons_named_as_places

    places = DivisionNames("kg_places")
    places.initialize(names=[], short_names={}, world_names=["马拉维", "马德里"])
    text = "马拉维旅游部官员王平说"
    assert persons_named_as_places(text, [(0, 3, "PERSON"), (8, 10, "PERSON")], places) == [
        (0, 3, "PLACE"), (8, 10, "PERSON")]


def test_a_prefecture_takes_the_diqu_after_it():
    from kg.ner.places import with_prefecture_regions

    places = DivisionNames("kg_places")
    places.initialize(names=["长治市"], short_names={"长治市": "长治"}, prefectures=["长治"])
    text = "长治地区最大的河,亚太地区,长治地区经济"
    model = [(0, 2, "PLACE"), (9, 11, "PLACE"), (14, 16, "PLACE"), (16, 20, "ORG")]
    assert with_prefecture_regions(text, model, places) == [
        (0, 4, "PLACE"), (9, 11, "PLACE"), (14, 16, "PLACE"), (16, 20, "ORG")]


def test_the_name_lists_are_saved_with_the_pipeline(tmp_path):
    places = DivisionNames("kg_places")
    places.initialize(names=["长治市", "襄垣县"], short_names={"长治市": "长治"}, prefectures=["长治"],
                      world_names=["马拉维"], prefecture_kin={"襄垣县": ["长治"]})
    places.to_disk(tmp_path)
    loaded = DivisionNames("kg_places").from_disk(tmp_path)
    assert (loaded.names, loaded.short_names, loaded.prefectures, loaded.world_names, loaded.prefecture_kin) == (
        places.names, {"长治市": "长治"}, frozenset({"长治"}), frozenset({"马拉维"}), {"襄垣县": frozenset({"长治"})})


def test_a_city_is_named_short_where_its_province_or_a_county_of_it_is_named_in_full():
    places = DivisionNames("kg_places")
    places.initialize(names=["山西省", "平遥县", "长治市"], short_names={"长治市": "长治"},
                      prefecture_kin={"山西省": ["晋中", "长治"], "平遥县": ["晋中"]})
    assert spans("从晋中专程赶来的游客", places) == []
    assert spans("平遥县的游客从晋中专程赶来", places) == ["平遥县", "晋中"]
    assert spans("山西省内,晋中东南部", places) == ["山西省", "晋中"]
    # an idiom holds no city, whoever vouches for it, but 大同's slogan 天下大同 does
    assert spans("长治市要确保社会长治久安", places) == ["长治市"]
    assert spans("山西省提出要长治久安", places) == ["山西省"]


def test_a_county_that_several_cities_hold_vouches_for_none():
    from kg.ner.places import _prefecture_kin
    from kg.resolve.gazetteer import Division

    divisions = [Division("140000", "山西省", "山西", "province", None),
                 Division("140400", "长治市", "长治", "city", "140000"),
                 Division("140500", "晋城市", "晋城", "city", "140000"),
                 Division("140403", "潞州区", "潞州", "county", "140400"),
                 Division("140402", "城区", None, "county", "140400"),
                 Division("140502", "城区", None, "county", "140500")]
    assert _prefecture_kin(divisions) == {"山西省": ["长治", "晋城"], "潞州区": ["长治"]}


def test_a_division_the_model_missed_still_heads_its_body():
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    text = "汾阳市政协、汾阳市民政局"  # 市 follows 阳: no body starts there until 汾阳市 is found
    doc = Doc(Vocab(), words=list(text), spaces=[False] * len(text))
    places = DivisionNames("kg_places")
    places.initialize(names=["汾阳市"], short_names={})
    assert [(e.text, e.label_) for e in places(doc).ents] == [("汾阳市政协", "ORG"), ("汾阳市民政局", "ORG")]


def test_a_span_that_stops_inside_its_head_word_takes_the_rest():
    from kg.ner.places import with_whole_heads

    text = "柳林大剧院和哈佛大学校长"
    model = [(0, 4, "PLACE"), (6, 10, "ORG")]
    assert with_whole_heads(text, model) == [(0, 5, "PLACE"), (6, 10, "ORG")]


def test_a_place_inside_a_longer_division_name_takes_all_of_it():
    from kg.ner.places import with_whole_division_names

    places = DivisionNames("kg_places")
    places.initialize(names=["善福镇", "南京市", "大同市"], short_names={})
    text = "善福镇堡底村和南京市,大同市区"
    model = [(1, 3, "PLACE"), (7, 9, "PLACE"), (11, 13, "PLACE")]
    # 市区 is a word of its own: 大同 stays 大同
    assert with_whole_division_names(text, model, places) == [(0, 3, "PLACE"), (7, 10, "PLACE"), (11, 13, "PLACE")]


def test_a_province_and_its_city_read_as_one_place_are_two_and_a_conjunction_starts_no_place():
    from kg.ner.places import split_province_prefixes, without_prepositions

    places = DivisionNames("kg_places")
    places.initialize(names=["湖州市", "豆村镇", "和顺县"], short_names={"湖州市": "湖州", "和顺县": "和顺"})
    assert split_province_prefixes("销往浙江湖州", [(2, 6, "PLACE")], places) == [(2, 4, "PLACE"), (4, 6, "PLACE")]
    text = "南禅寺和豆村镇的佛光寺,和顺县"
    model = [(3, 7, "PLACE"), (12, 15, "PLACE")]
    assert without_prepositions(text, model, places) == [(4, 7, "PLACE"), (12, 15, "PLACE")]


def test_a_place_that_starts_inside_a_townships_name_is_the_township_and_the_place_after_it():
    from kg.ner.places import split_at_division_ends

    places = DivisionNames("kg_places")
    places.initialize(names=["文笔镇", "高都镇"], short_names={})
    text = "家住文笔镇南元村,高都镇南杨庄村村民"
    model = [(4, 8, "PLACE"), (11, 13, "PLACE"), (13, 16, "PLACE")]
    assert [text[s:e] for s, e, _ in split_at_division_ends(text, model, places)] == [
        "文笔镇", "南元村", "高都镇", "南杨庄村"]
    # nothing after the township's name to make a place of: the model's span stays
    assert split_at_division_ends("在高都镇南", [(3, 5, "PLACE")], places) == [(3, 5, "PLACE")]


def test_generic_bodies_alone_are_not_organisations():
    from kg.ner.places import without_generic_orgs

    assert without_generic_orgs("负责人说,公司与合作社签约", [(5, 7, "ORG"), (8, 11, "ORG")]) == []
    # 人大 and 政协 in a member's role
    text = "部分人大代表、政协委员旁听,市人大"
    assert without_generic_orgs(text, [(2, 4, "ORG"), (7, 9, "ORG"), (14, 17, "ORG")]) == [(14, 17, "ORG")]
    text = "跑去村委会了解,水利部门的职责,田村村委会"
    model = [(2, 5, "ORG"), (8, 11, "ORG"), (16, 21, "ORG")]
    assert without_generic_orgs(text, model) == [(16, 21, "ORG")]
    # nor the end of one the model cut short; a named one stays
    text = "对党群服务中心进行规划,田村日间照料中心"
    model = [(2, 7, "ORG"), (12, 20, "ORG")]
    assert without_generic_orgs(text, model) == [(12, 20, "ORG")]
    # nor a place: a generic centre is no more a place than a body
    text = "走进中心,社区党群服务中心,太原市中心医院"
    model = [(2, 4, "PLACE"), (7, 13, "PLACE"), (14, 21, "ORG")]
    assert without_generic_orgs(text, model) == [(14, 21, "ORG")]
    # every village has a party branch and a clinic, and a page goes on to call its institute 研究院
    text = "村党支部书记说,在村卫生室开药。研究院与大学合作,云冈研究院"
    model = [(0, 4, "ORG"), (9, 13, "ORG"), (16, 19, "ORG"), (25, 30, "ORG")]
    assert without_generic_orgs(text, model) == [(25, 30, "ORG")]
    # teams and groups sent out; a standing committee alone, but not after its congress
    text = "巡查组从砂河镇出发,团队已在村里,受常委会委托,全国人大常委会,人大及其常委会"
    model = [(0, 3, "ORG"), (10, 12, "ORG"), (18, 21, "ORG"), (24, 28, "ORG"), (28, 31, "ORG"), (32, 34, "ORG"),
             (36, 39, "ORG")]
    assert [text[s:e] for s, e, _ in without_generic_orgs(text, model)] == ["全国人大", "常委会", "人大", "常委会"]


def test_a_chain_of_divisions_is_one_place_per_level():
    from kg.ner.places import split_chains

    text = "西营镇丰曲村,平顺县北耽车乡澗头村,市中区"
    model = [(0, 6, "PLACE"), (7, 17, "PLACE"), (18, 21, "PLACE")]
    assert split_chains(text, model) == [(0, 3, "PLACE"), (3, 6, "PLACE"), (7, 10, "PLACE"), (10, 14, "PLACE"),
                                         (14, 17, "PLACE"), (18, 21, "PLACE")]


def test_a_place_does_not_end_inside_a_word_that_starts_with_its_level():
    from kg.ner.places import without_level_words

    text = "发挥太原区位优势,浦东新区位于"
    assert without_level_words(text, [(2, 5, "PLACE"), (9, 13, "PLACE")]) == [(2, 4, "PLACE"), (9, 13, "PLACE")]
    text = "山西省级非遗,太原市民,山西省内,大同市民间"  # 省内 stays: MSRA keeps 江苏省 + 内
    model = [(0, 3, "PLACE"), (7, 10, "PLACE"), (12, 15, "PLACE"), (17, 20, "PLACE")]
    assert without_level_words(text, model) == [(0, 2, "PLACE"), (7, 9, "PLACE"), (12, 15, "PLACE"), (17, 20, "PLACE")]


def test_a_township_is_known_under_either_suffix():
    from kg.ner.places import with_whole_division_names

    places = DivisionNames("kg_places")
    places.initialize(names=["善福乡", "西营镇"], short_names={})
    assert place_spans("善福镇堡底村和西营乡", [], places) == [(0, 3), (3, 6), (7, 10)]
    assert with_whole_division_names("善福镇堡底村", [(1, 3, "PLACE")], places) == [(0, 3, "PLACE")]
    assert not places.knows("善福村")


def test_a_body_acting_with_another_is_two_bodies():
    from kg.ner.places import split_joint_bodies

    text = "省食品安全委员会办公室联合省教育厅,联合国"
    assert split_joint_bodies(text, [(0, 16, "ORG"), (17, 20, "ORG")]) == [
        (0, 11, "ORG"), (13, 16, "ORG"), (17, 20, "ORG")]
    text = "市文旅局联合市商务局"  # the model took the verb into the second body
    assert split_joint_bodies(text, [(0, 4, "ORG"), (4, 10, "ORG")]) == [(0, 4, "ORG"), (6, 10, "ORG")]


def test_the_place_in_the_formula_of_the_day_is_a_place():
    from kg.ner.places import with_places_in_formulas

    places = DivisionNames("kg_places")
    places.initialize(names=["晋中市", "长治市"], short_names={"晋中市": "晋中", "长治市": "长治"})
    text = "奋力谱写中国式现代化晋中篇章,推进中国式现代化长治实践,中国式现代化新篇章"
    assert [text[s:e] for s, e, _ in with_places_in_formulas(text, [], places)] == ["晋中", "长治"]


def test_an_organisation_named_as_a_place_and_nothing_more_is_that_place():
    from kg.ner.places import orgs_named_as_places

    places = DivisionNames("kg_places")
    places.initialize(names=["长治市"], short_names={}, world_names=["俄罗斯", "中国"])
    text = "俄罗斯和北约签署文件,长治市与中国政府"
    model = [(0, 3, "ORG"), (4, 6, "ORG"), (11, 14, "ORG"), (15, 19, "ORG")]
    assert orgs_named_as_places(text, model, places) == [(0, 3, "PLACE"), (4, 6, "ORG"), (11, 14, "PLACE"),
                                                         (15, 19, "ORG")]
    # a division's short name alone is the place, before a zone's head or a body's too (with_org_names
    # then joins them: 运城供电公司)
    places.initialize(names=["运城市"], short_names={"运城市": "运城"})
    assert orgs_named_as_places("运城经开区铝镁产业,运城供电公司", [(0, 2, "ORG"), (10, 12, "ORG")], places) == [
        (0, 2, "PLACE"), (10, 12, "PLACE")]
    assert orgs_named_as_places("运城将以盐湖为核心", [(0, 2, "ORG")], places) == [(0, 2, "PLACE")]


def test_list_markers_are_not_part_of_names():
    from kg.ner.places import without_list_markers

    text = "法国总统是①朱佩②希拉克③巴拉迪尔"
    model = [(6, 9, "PERSON"), (9, 12, "PERSON"), (12, 17, "PERSON"), (5, 6, "PERSON")]
    assert [text[s:e] for s, e, _ in without_list_markers(text, model)] == ["朱佩", "希拉克", "巴拉迪尔"]


def test_a_name_holding_a_closing_mark_takes_the_opening_one():
    from kg.ner.places import with_opening_marks

    text = "政协常委、“幸福工程”组委会主任,找到了《星报》编辑部,“中国”"

    def at(name, label):
        return (text.index(name), text.index(name) + len(name), label)

    model = [at("幸福工程”组委会", "ORG"), at("星报》编辑部", "ORG"), at("中国", "PLACE")]
    assert with_opening_marks(text, model) == [at("“幸福工程”组委会", "ORG"), at("《星报》编辑部", "ORG"),
                                               at("中国", "PLACE")]


def test_a_party_group_before_its_secretary_is_a_title():
    from kg.ner.places import without_title_groups

    text = "市政协党组书记、主席姚鸿波,市文物局党组副书记,市政协党组召开会议"
    model = [(0, 5, "ORG"), (14, 20, "ORG"), (24, 29, "ORG")]
    assert [text[s:e] for s, e, _ in without_title_groups(text, model)] == ["市政协", "市文物局", "市政协党组"]
    text = "市公安局党委副书记温建军,梧桐镇党委书记"
    model = [(0, 6, "ORG"), (13, 18, "ORG")]
    assert [text[s:e] for s, e, _ in without_title_groups(text, model)] == ["市公安局", "梧桐镇党委"]


def test_a_named_community_body_that_starts_a_clause_is_an_org():
    from kg.ner.places import with_community_bodies

    text = "问题,槐园社区党群服务中心引进;全区各社区党支部开展活动,大辛村党支部书记"
    model = [(3, 5, "PLACE")]
    assert [text[s:e] for s, e, _ in with_community_bodies(text, model)] == ["槐园社区党群服务中心", "大辛村党支部"]


def test_a_company_a_place_and_a_branch_head_are_one_org():
    from kg.ner.places import with_branches

    text = "中国铝业股份有限公司兴县奥家湾铝矿和招商银行北京分行,该公司在太原设立分公司"
    model = [(0, 10, "ORG"), (12, 15, "PLACE"), (18, 22, "ORG"), (22, 24, "PLACE"), (31, 33, "PLACE")]
    assert [text[s:e] for s, e, _ in with_branches(text, model)] == [
        "中国铝业股份有限公司兴县奥家湾铝矿", "招商银行北京分行", "太原"]
    # a bureau's or a court's local office, not a company's office of a bureau
    text = "长治市生态环境局沁源分局、平遥县人民法院洪善人民法庭和水利局太原分公司"
    model = [(0, 8, "ORG"), (8, 10, "PLACE"), (13, 20, "ORG"), (20, 22, "PLACE"), (27, 30, "ORG"), (30, 32, "PLACE")]
    assert [text[s:e] for s, e, _ in with_branches(text, model)] == [
        "长治市生态环境局沁源分局", "平遥县人民法院洪善人民法庭", "水利局", "太原"]
    text = "人民银行山西省分行等单位"
    assert with_branches(text, [(0, 4, "ORG"), (4, 9, "ORG")]) == [(0, 9, "ORG")]
    # a university's school or department, as MSRA tags it; a system or a relation is no department
    text = "山西大学历史文化学院学生,清华大学电机系,北京大学系统"
    model = [(0, 4, "ORG"), (13, 17, "ORG"), (21, 25, "ORG")]
    assert [text[s:e] for s, e, _ in with_branches(text, model)] == ["山西大学历史文化学院", "清华大学电机系", "北京大学"]
    # a grid company's local 供电公司
    text = "国网山西省电力公司朔州供电公司相关负责人"
    assert with_branches(text, [(0, 9, "ORG"), (9, 15, "ORG")]) == [(0, 15, "ORG")]


def test_a_place_never_ends_in_the_countryside():
    from kg.ner.places import without_rural_ends

    text = "县域·乡村,繁峙乡村好工匠,三\n晋乡村振兴,太原"
    model = [span_of(text, "县域·乡村"), span_of(text, "繁峙乡村"), span_of(text, "三\n晋乡村"), span_of(text, "太原")]
    assert without_rural_ends(text, model) == [span_of(text, "繁峙"), span_of(text, "三\n晋"), span_of(text, "太原")]


def test_a_place_run_past_a_village_ends_at_its_cun():
    from kg.ner.places import without_words_after_villages

    text = "西社镇东坡底村务农,大河堡村养殖户,沿岸村庄,冀村镇,牛村古城遗址,上峪村乡村医生"
    model = [span_of(text, "西社镇"), span_of(text, "东坡底村务农"), span_of(text, "大河堡村养殖户"),
             span_of(text, "沿岸村庄"), span_of(text, "冀村镇"), span_of(text, "牛村古城遗址"), span_of(text, "上峪村乡村")]
    assert without_words_after_villages(text, model) == [
        span_of(text, "西社镇"), span_of(text, "东坡底村"), span_of(text, "大河堡村"), span_of(text, "沿岸村庄"),
        span_of(text, "冀村镇"), span_of(text, "牛村古城遗址"), span_of(text, "上峪村")]


def test_a_village_before_its_villagers_is_a_place():
    from kg.ner.places import with_villages_before_villagers

    text = "当年春耕时,横北村村民王建锁说。”窑头村村集体,全国农村村民,全村村民,在李家村村委会"
    assert with_villages_before_villagers(text, [span_of(text, "王建锁", "PERSON")]) == [
        span_of(text, "横北村"), span_of(text, "王建锁", "PERSON"), span_of(text, "窑头村")]


def test_a_person_starting_with_a_county_is_the_county_and_its_product():
    from kg.ner.places import DivisionNames, places_before_products

    names = DivisionNames("kg_places")
    names.initialize(names=["阳曲县", "岢岚县", "白云区"], short_names={"阳曲县": "阳曲", "岢岚县": "岢岚", "白云区": "白云"})
    text = "清徐老陈醋、阳曲小米摆满摊位,“岢岚柏籽羊”有名。主持人白云飞说,白云飞、李明出席"
    model = [span_of(text, "阳曲小米", "PERSON"), span_of(text, "岢岚柏", "PERSON"), span_of(text, "白云飞", "PERSON"),
             span_of(text, "白云飞", "PERSON", after=text.index("说"))]
    assert places_before_products(text, model, names) == [span_of(text, "阳曲"), span_of(text, "岢岚")] + model[2:]


def test_a_list_of_local_products_names_the_places_they_come_from():
    from kg.ner.places import DivisionNames, with_listed_local_products

    names = DivisionNames("kg_places")
    shorts = {"清徐县": "清徐", "阳曲县": "阳曲", "娄烦县": "娄烦", "古交市": "古交", "平遥县": "平遥", "古城区": "古城",
              "惠民县": "惠民", "会同县": "会同"}
    names.initialize(names=list(shorts), short_names=shorts)
    text = ("清徐老陈醋、阳曲小米、娄烦剪纸、古交面塑等摆满摊位。在平遥古城站、古城各城门执勤。"
            "汾阳市以办实事、惠民生为落脚点。市文物局会同襄汾县、平遥县")
    model = [span_of(text, "阳曲"), span_of(text, "平遥"), span_of(text, "汾阳市"), span_of(text, "平遥县")]
    assert with_listed_local_products(text, model, names) == sorted(
        model + [span_of(text, "清徐"), span_of(text, "娄烦"), span_of(text, "古交")])


def test_a_place_read_out_of_line_takes_the_division_it_starts_in():
    from kg.ner.places import DivisionNames, realigned_division_names

    names = DivisionNames("kg_places")
    names.initialize(names=["端氏镇", "镇坪县", "万柏林区", "三门镇", "平陆县", "中山市", "山西省"],
                     short_names={"镇坪县": "镇坪", "平陆县": "平陆", "中山市": "中山", "山西省": "山西"})
    text = "走进端氏镇坪上村。今年,万柏林区纳入更新。飞抵平陆县三门镇。其中山西境内"
    model = [span_of(text, "镇坪"), span_of(text, "柏林区纳"), span_of(text, "陆县三门镇"), span_of(text, "山西")]
    assert realigned_division_names(text, model, names) == [
        span_of(text, "端氏镇"), span_of(text, "万柏林区"), span_of(text, "平陆县"), span_of(text, "三门镇"), span_of(text, "山西")]


def test_a_place_after_a_mark_takes_the_character_of_size_or_direction_before_it():
    from kg.ner.places import with_first_characters

    text = "来到展览馆、小南山森林公园,下台村的古庙,从大南门发车,“看黄河”"
    model = [span_of(text, "南山森林公园"), span_of(text, "台村"), span_of(text, "南门"), span_of(text, "黄河")]
    assert [text[s:e] for s, e, _ in with_first_characters(text, model)] == ["小南山森林公园", "下台村", "南门", "黄河"]
    text = "带动周边上韩村和下车河村,被誉为山西的小江南"  # neighbours, not an epithet after 的
    model = [span_of(text, "韩村"), span_of(text, "车河村"), span_of(text, "江南")]
    assert [text[s:e] for s, e, _ in with_first_characters(text, model)] == ["上韩村", "下车河村", "江南"]


def test_a_division_name_places_run_into_or_out_of_is_one_place():
    from kg.ner.places import DivisionNames, with_crossed_division_names, with_whole_division_names

    names = DivisionNames("kg_places")
    names.initialize(names=["临猗县", "庙上乡", "天镇县", "谷前堡镇", "城赵镇", "马圪当乡", "御河"], short_names={})
    text = "观摩了临猗县庙上乡果园,在天镇县谷前堡镇,城赵镇修善村梨农,马圪当乡等,位于御河东岸"
    model = [span_of(text, "临猗县庙"), span_of(text, "天镇县谷"), span_of(text, "谷前堡镇"),
             span_of(text, "赵镇修善村"), span_of(text, "马"), span_of(text, "圪"), span_of(text, "于御河")]
    assert [text[s:e] for s, e, _ in with_crossed_division_names(text, model, names)] == [
        "临猗县", "庙上乡", "天镇县", "谷前堡镇", "城赵镇", "修善村", "马圪当乡", "于御河"]  # not a river's name
    # where the piece outside is no place, the model's span stays
    text = "去红谷前堡镇"
    assert with_crossed_division_names(text, [span_of(text, "红谷")], names) == [span_of(text, "红谷")]
    # nor does a division run into a word that starts with its level (山西 + 省级, 盐湖 + 区域)
    names.initialize(names=["山西省", "盐湖区"], short_names={"山西省": "山西"})
    text = "是山西省级非遗,退出盐湖区域"
    model = [span_of(text, "山西"), span_of(text, "盐湖")]
    assert with_crossed_division_names(text, model, names) == model
    assert with_whole_division_names(text, model, names) == model


def test_a_province_or_county_before_a_body_is_its_prefix():
    from kg.ner.places import DivisionNames, with_places_before_bodies

    names = DivisionNames("kg_places")
    names.initialize(names=["山西省", "北京市", "东城区", "孝义市", "兴县", "蔡家崖乡"],
                     short_names={"山西省": "山西", "北京市": "北京"})
    text = "与山西省太岳山国有林管理局、北京市东城区公证处、兴县蔡家崖乡北坡村党支部、孝义市胜溪湖森林公园合作"
    model = [span_of(text, "山西省"), span_of(text, "太岳山国有林管理局", "ORG"), span_of(text, "北京市"),
             span_of(text, "东城区公证处", "ORG"), span_of(text, "兴县"), span_of(text, "蔡家崖乡"),
             span_of(text, "北坡村党支部", "ORG"), span_of(text, "孝义市"), span_of(text, "胜溪湖森林公园", "ORG")]
    assert with_places_before_bodies(text, model, names) == [span_of(text, "山西省太岳山国有林管理局", "ORG")] + model[2:]


def test_a_village_someone_goes_to_or_starts_from_is_a_place():
    from kg.ner.places import with_villages_after_moves

    text = ("记者来到砖壁村,两条河在秦村汇合。从龙泉村东到三河口,从负债村到明星村,"
            "在每个村选一名协管员,不出村就能卖,在岗村医,在常村煤矿,在村委会")
    model = [span_of(text, "龙泉村东", "PERSON")]
    assert with_villages_after_moves(text, model) == [span_of(text, "砖壁村"), span_of(text, "秦村"), span_of(text, "龙泉村")]


def test_a_village_body_cut_after_a_township_takes_the_village_name():
    from kg.ner.places import with_village_names

    text = "东阳镇车辋村党支部书记"
    assert with_village_names(text, [(0, 3, "PLACE"), (5, 9, "ORG")]) == [(0, 3, "PLACE"), (3, 9, "ORG")]
    # not after a county, nor across a function character
    assert with_village_names("榆次区车辋村党支部", [(0, 3, "PLACE"), (5, 9, "ORG")])[1] == (5, 9, "ORG")
    assert with_village_names("东阳镇的村党支部", [(0, 3, "PLACE"), (4, 8, "ORG")])[1] == (4, 8, "ORG")
    # a village one character after a township takes it back, unless it is a function character
    assert with_village_names("郭道镇前岭头村", [(0, 3, "PLACE"), (4, 7, "PLACE")])[1] == (3, 7, "PLACE")
    assert with_village_names("东阳镇和西村", [(0, 3, "PLACE"), (4, 6, "PLACE")])[1] == (4, 6, "PLACE")


def test_the_people_of_a_body_are_not_its_name():
    from kg.ner.places import without_people_after_bodies

    text = "第二人民医院专家团队来到我市,青年志愿者"
    assert without_people_after_bodies(text, [(0, 10, "ORG"), (15, 20, "ORG")]) == [(0, 6, "ORG"), (15, 20, "ORG")]
    assert without_people_after_bodies("长治医学院驻村工作队", [(0, 10, "ORG")]) == [(0, 5, "ORG")]


def test_a_section_is_named_by_its_place():
    from kg.ner.places import without_sections

    assert without_sections("滹沱河定襄段实现全年不断流", [(0, 3, "PLACE"), (3, 6, "PLACE")]) == [
        (0, 3, "PLACE"), (3, 5, "PLACE")]
    assert without_sections("郑州车务段", [(0, 5, "ORG")]) == [(0, 5, "ORG")]


def test_a_person_or_family_names_a_residence():
    from kg.ner.places import facilities_as_places

    text = "巴塞罗那毕加索旧居和乔家大院"
    assert facilities_as_places(text, [(0, 4, "PLACE"), (4, 7, "PERSON"), (10, 12, "PERSON")]) == [
        (0, 4, "PLACE"), (4, 9, "PLACE"), (10, 14, "PLACE")]
    # a park named after a river, a national one too
    assert facilities_as_places("滹沱河国家湿地公园", [(0, 3, "PLACE")]) == [(0, 9, "PLACE")]
    # a body's old seat is a site, and a reservoir is no person
    assert facilities_as_places("参观八路军总部旧址,以张峰水库为水源", [(2, 7, "ORG"), (11, 15, "PERSON")]) == [
        (2, 9, "PLACE"), (11, 15, "PLACE")]


def test_a_township_running_into_a_word_is_not_named(names):
    from kg.ner.places import place_spans

    assert place_spans("全县已有23个村发展乡村旅游", [], names) == []


def test_a_group_built_from_its_place_takes_its_legal_ending():
    from kg.ner.places import with_org_names

    text = "平遥古城文化旅游集团有限公司负责人"
    assert with_org_names(text, [(0, 2, "PLACE")]) == [(0, 14, "ORG")]


def test_a_city_and_its_numbered_school_or_medical_group_are_one_org():
    from kg.ner.places import with_org_names

    assert with_org_names("晋城一中与陵川县医共体", [(0, 2, "PLACE"), (5, 8, "PLACE")]) == [(0, 4, "ORG"), (5, 11, "ORG")]


def test_words_the_model_takes_for_bodies_are_none():
    from kg.ner.places import without_generic_orgs

    text = "新能源项目唱主角,骗取医保基金"
    assert without_generic_orgs(text, [(0, 3, "ORG"), (11, 15, "ORG")]) == []


def test_a_school_named_for_two_fields_is_one_branch():
    from kg.ner.places import with_branches

    text = "山西师范大学历史与旅游文化学院教授说"
    assert with_branches(text, [(0, 6, "ORG")]) == [(0, 15, "ORG")]


def test_a_group_using_a_closed_mine_owns_no_branch():
    from kg.ner.places import with_branches

    text = "潞安化工集团利用关闭矿井工业场地建设光伏电站"
    assert with_branches(text, [(0, 6, "ORG")]) == [(0, 6, "ORG")]


def test_a_trade_name_before_its_officer_is_a_company():
    from kg.ner.places import companies_before_officers

    text = "情况。锦川智能负责人介绍,相关企业负责人参加"
    assert companies_before_officers(text, [(3, 5, "PERSON")]) == [(3, 7, "ORG")]


def test_a_studio_named_after_a_worker_is_an_org_with_its_mine():
    from kg.ner.places import with_studios

    text = "华阳一矿李志刚劳模创新工作室见闻,刘海军创新工作室"
    assert with_studios(text, [(0, 4, "ORG"), (4, 7, "PERSON"), (17, 20, "PERSON")]) == [
        (0, 14, "ORG"), (17, 25, "ORG")]


def test_a_park_section_and_a_meeting_verb_are_no_part_of_a_name():
    from kg.ner.places import without_broken_spans, without_facility_sections

    assert without_facility_sections("晋阳湖公园南区开园", [(0, 7, "PLACE")]) == [(0, 5, "PLACE")]
    assert without_broken_spans("孝义市召开全市工会", [(0, 9, "ORG")]) == []


def test_a_company_stopped_before_its_group_ending_takes_it():
    from kg.ner.places import with_whole_heads

    assert with_whole_heads("来自晋能控股集团的选手", [(2, 6, "ORG")]) == [(2, 8, "ORG")]


def test_a_person_before_a_street_names_the_street():
    from kg.ner.places import facilities_as_places

    assert facilities_as_places("走进高尔基大街", [(2, 5, "PERSON")]) == [(2, 7, "PLACE")]


def test_common_nouns_and_the_village_of_cunluo_are_no_places():
    from kg.ner.places import without_common_nouns

    text = "汾河是山西的母亲河,古堡村落“活”起来,上庄村村集体,横跨蒲县、隰县两县,张家村落户"
    ents = [(text.index(name), text.index(name) + len(name), "PLACE")
            for name in ("汾河", "母亲河", "古堡村", "上庄村村", "隰县两县", "张家村")]
    assert [text[s:e] for s, e, _ in without_common_nouns(text, ents)] == ["汾河", "上庄村", "隰县", "张家村"]
    # a place ends before the 和 that joins it to the next, a name that ends in 和 keeps it
    text = "来到塔院寺、菩萨顶和杨林街,永和县和太和"
    ents = [(2, 5, "PLACE"), (6, 10, "PLACE"), (10, 13, "PLACE"), (14, 17, "PLACE"), (18, 20, "PLACE")]
    assert [text[s:e] for s, e, _ in without_common_nouns(text, ents)] == ["塔院寺", "菩萨顶", "杨林街", "永和县", "太和"]
    # going home and a millet variety hold no place
    text = "返乡青年张瑞种植“晋谷21号”"
    assert without_common_nouns(text, [(0, 2, "PLACE"), (4, 6, "PERSON"), (9, 11, "PLACE")]) == [(4, 6, "PERSON")]
    # a park's part or gate by its side, a city's remains, patrol paths and safety are no names
    text = "中北大学南门出发"
    assert without_common_nouns(text, [(0, 4, "ORG"), (4, 6, "PLACE")]) == [(0, 4, "ORG")]
    text = "晋阳湖公园南区开园,城址、宫城,巡山路上,守护一方平安"
    ents = [(text.index(name), text.index(name) + len(name), "PLACE") for name in ("晋阳湖公园", "南区", "城址", "巡山路", "平安")]
    assert [text[s:e] for s, e, _ in without_common_nouns(text, ents)] == ["晋阳湖公园"]


def test_titles_systems_and_distances_are_no_names():
    from kg.ner.places import without_title_words

    text = "市委常委、宣传部长刘志敏,组织部长张晋鹏,推行河长制、林长制,沿国道向北约20公里,北约秘书长,市委宣传部,楼栋长,市总林长"
    ents = [(text.index(name, after), text.index(name, after) + len(name), label) for name, label, after in (
        ("市委", "ORG", 0), ("宣传部", "ORG", 0), ("刘志敏", "PERSON", 0), ("组织", "ORG", 0), ("张晋鹏", "PERSON", 0),
        ("河长制", "PERSON", 0), ("林长制", "PERSON", 0), ("北约", "ORG", 0), ("北约", "ORG", 40), ("市委宣传部", "ORG", 40), ("楼栋长", "PERSON", 0), ("林长", "PERSON", 60))]
    assert [text[s:e] for s, e, _ in without_title_words(text, ents)] == ["市委", "刘志敏", "张晋鹏", "北约", "市委宣传部"]
    # a department named bare between a standing committee member's titles is part of them
    text = "市委常委、宣传部部长孙慧敏,市委宣传部部长"
    ents = [(0, 2, "ORG"), (5, 8, "ORG"), (10, 13, "PERSON"), (14, 19, "ORG")]
    assert [text[s:e] for s, e, _ in without_title_words(text, ents)] == ["市委", "孙慧敏", "市委宣传部"]


def test_a_campus_is_a_place_named_with_its_university():
    from kg.ner.places import campuses_as_places

    text = "位于榆次区的太原理工大学明向校区"
    assert campuses_as_places(text, [(2, 5, "PLACE"), (6, 13, "ORG")]) == [(2, 5, "PLACE"), (6, 16, "PLACE")]


def test_a_station_head_alone_names_the_station_of_the_city_before_it():
    from kg.ner.places import facilities_as_places

    assert facilities_as_places("开通至忻州西站的专线", [(3, 5, "PLACE"), (5, 7, "PLACE")]) == [(3, 7, "PLACE")]
    assert facilities_as_places("现存榆次县署、城隍庙", [(2, 4, "PLACE")]) == [(2, 6, "PLACE")]  # the old yamen


def test_a_county_before_a_body_named_after_its_township_is_part_of_its_name():
    from kg.ner.places import with_county_prefixes

    text = "成立的阳城县润城镇西坪凹村蚕桑专业合作社,泽州县教育局"
    ents = [(3, 6, "PLACE"), (6, 20, "ORG"), (21, 24, "PLACE"), (24, 27, "ORG")]
    assert with_county_prefixes(text, ents) == [(3, 20, "ORG"), (21, 24, "PLACE"), (24, 27, "ORG")]


def test_a_zone_that_holds_an_event_acts_but_not_where_it_is_the_venue():
    from kg.ner.places import zones_that_act

    text = "阳泉经济技术开发区举行项目集中签约,签约仪式在太原经济技术开发区举行"
    assert zones_that_act(text, [(0, 9, "PLACE"), (23, 32, "PLACE")]) == [(0, 9, "ORG"), (23, 32, "PLACE")]


def test_museums_listed_with_one_that_acts_act():
    from kg.ner.places import institutions_that_act

    text = "展览由忻州博物馆、代县博物馆联合主办"
    assert institutions_that_act(text, [(3, 8, "PLACE"), (9, 14, "PLACE")]) == [(3, 8, "ORG"), (9, 14, "ORG")]


def test_persons_named_as_counties_in_a_list_of_places_are_places():
    from kg.ner.places import persons_named_as_places

    places = DivisionNames("kg_places")
    places.initialize(names=["尧都区", "襄汾县"], short_names={"尧都区": "尧都", "襄汾县": "襄汾"})
    text = "流经霍州、洪洞、尧都、襄汾、侯马5个县,王军、尧都"
    ents = [(2, 4, "PLACE"), (8, 10, "PERSON"), (11, 13, "PERSON"), (14, 16, "PLACE"), (21, 23, "PERSON"),
            (24, 26, "PERSON")]
    assert persons_named_as_places(text, ents, places) == [
        (2, 4, "PLACE"), (8, 10, "PLACE"), (11, 13, "PLACE"), (14, 16, "PLACE"), (21, 23, "PERSON"), (24, 26, "PERSON")]
    # three provinces' one-character names are a region, two may be a person's name
    assert persons_named_as_places("地处晋陕豫交界,苏云说", [(2, 5, "PERSON"), (8, 10, "PERSON")], places) == [
        (2, 5, "PLACE"), (8, 10, "PERSON")]


def test_a_river_section_is_the_river_and_the_place():
    from kg.ner.places import split_river_sections

    places = DivisionNames("kg_places")
    places.initialize(names=["霍州市"], short_names={"霍州市": "霍州"})
    assert split_river_sections("深入汾河霍州段,汾河公园段", [(2, 6, "PLACE"), (8, 12, "PLACE")], places) == [(2, 4, "PLACE"), (4, 6, "PLACE"), (8, 12, "PLACE")]
    # and so is a source of a river
    places.initialize(names=["武乡县"], short_names={"武乡县": "武乡"})
    assert split_river_sections("浊漳河北源武乡段", [(0, 7, "PLACE")], places) == [(0, 5, "PLACE"), (5, 7, "PLACE")]


def test_all_the_places_before_a_cooperative_are_part_of_its_name():
    from kg.ner.places import with_county_prefixes

    text = "太原市小店区南堡营果蔬专业合作社"
    assert with_county_prefixes(text, [(0, 3, "PLACE"), (3, 6, "PLACE"), (6, 16, "ORG")]) == [(0, 16, "ORG")]
    text = "山西万荣金果苹果专业合作社"  # a province without its suffix too
    assert with_county_prefixes(text, [(0, 2, "PLACE"), (2, 13, "ORG")]) == [(0, 13, "ORG")]
    # and the city before a company's legal name, not before another body
    text = "晋中市榆次老城文化旅游发展有限公司,晋中市商务局"
    assert with_county_prefixes(text, [(0, 3, "PLACE"), (3, 17, "ORG"), (18, 21, "PLACE"), (21, 24, "ORG")]) == [
        (0, 17, "ORG"), (18, 21, "PLACE"), (21, 24, "ORG")]


def test_the_centre_of_a_central_task_is_no_body():
    from kg.ner.places import without_central_tasks

    text = "紧紧围绕市委中心工作,在服务中心办理"
    assert without_central_tasks(text, [(4, 8, "ORG"), (11, 15, "ORG")]) == [(4, 6, "ORG"), (11, 15, "ORG")]


def test_a_person_right_before_cun_is_the_village():
    from kg.ner.places import persons_before_villages

    text = "对李二口村实施整村提升,王强村民"
    assert persons_before_villages(text, [(1, 4, "PERSON"), (12, 14, "PERSON")]) == [(1, 5, "PLACE"), (12, 14, "PERSON")]


def test_a_lone_character_is_a_person_only_before_a_title_a_clan_or_a_name():
    from kg.ner.places import without_lone_characters

    text = "江主席,钱氏,马列主义,“三李”,泛黄的照片,在侯马"
    model = [(0, 1, "PERSON"), (4, 5, "PERSON"), (7, 8, "PERSON"), (8, 9, "PERSON"), (14, 15, "PERSON"),
             (18, 19, "PERSON"), (24, 25, "PERSON")]
    assert [text[s:e] for s, e, _ in without_lone_characters(text, model)] == ["江", "钱", "马", "列", "李"]


def test_a_lone_character_is_a_place_only_as_a_short_name_or_one_of_a_pair():
    from kg.ner.places import without_lone_places

    def places(text):
        model = [(i, i + 1, "PLACE") for i, ch in enumerate(text) if ch in "日京并塔山中墨波孟印斯泰"]
        return [text[s:e] for s, e, _ in without_lone_places(text, model)]

    assert places("中日友好,进京务工,会议在并召开") == ["中", "日", "京", "并"]
    assert places("抗日战争时期,伏击日军,日伪军") == []  # the war's words, as the annotators read them
    assert places("在塔内布设传感器,山脚下") == []  # pieces of words
    assert places("中墨两国,中波友好,孟、印、斯、泰") == list("中墨中波孟印斯泰")


def test_an_org_ends_before_what_its_body_does():
    from kg.ner.places import without_title_groups, without_verb_tails

    def orgs(text, model):
        return [text[s:e] for s, e, _ in without_verb_tails(text, model)]

    assert orgs("市人大常委会执法检查组赴县", [(0, 8, "ORG")]) == ["市人大常委会"]
    assert orgs("市政协组织部分委员视察", [(0, 6, "ORG")]) == ["市政协"]
    assert orgs("通过中国钢铁工业协会组织的评估", [(2, 12, "ORG")]) == ["中国钢铁工业协会"]
    assert orgs("县委理论学习中心组专题学习", [(0, 8, "ORG")]) == ["县委"]
    # a name that ends in 组织, and a party committee's department, stay whole
    assert orgs("世界卫生组织总干事,市委组织部部长", [(0, 6, "ORG"), (10, 15, "ORG")]) == ["世界卫生组织", "市委组织部"]
    # a bank's or a firm's 党委 before 书记 or 常委 is a title
    text = "岚县农商银行党委书记,中北大学党委常委"
    assert without_title_groups(text, [(0, 8, "ORG"), (11, 17, "ORG")]) == [(0, 6, "ORG"), (11, 15, "ORG")]


def test_a_city_s_short_name_right_after_its_province_is_a_place():
    from kg.ner.places import with_cities_after_provinces

    divisions = DivisionNames("kg_places")
    divisions.initialize(names=["邯郸市", "榆林市", "汾西县"], short_names={"邯郸市": "邯郸", "榆林市": "榆林", "汾西县": "汾西"})
    text = "来自河北邯郸的党员,陕西榆林学院,山西汾西"
    model = [(2, 4, "PLACE"), (10, 12, "PLACE"), (17, 19, "PLACE")]
    assert [text[s:e] for s, e, _ in with_cities_after_provinces(text, model, divisions)] == ["河北", "邯郸", "陕西", "山西"]


def test_a_site_s_name_right_before_cun_is_the_village():
    from kg.ner.places import places_before_villages

    divisions = DivisionNames("kg_places")
    divisions.initialize(names=["平顺县"], short_names={"平顺县": "平顺"})
    text = "把娘子关村、大寨村村民,平顺村级组织,刘家坪村村口"
    model = [(1, 4, "PLACE"), (6, 8, "PLACE"), (12, 14, "PLACE"), (19, 23, "PLACE")]
    assert [text[s:e] for s, e, _ in places_before_villages(text, model, divisions)] == [
        "娘子关村", "大寨村", "平顺", "刘家坪村"]


def test_a_place_right_after_an_officer_s_title_is_the_officer():
    from kg.ner.places import persons_after_titles

    def labels(text, model):
        return [(text[s:e], label) for s, e, label in persons_after_titles(text, model)]

    # the name runs a character past the place, or is the place itself
    assert labels("市水利局副局长韩国强介绍", [(0, 4, "ORG"), (7, 9, "PLACE")]) == [("市水利局", "ORG"), ("韩国强", "PERSON")]
    assert labels("副市长宁海波,市监委", [(3, 6, "PLACE")]) == [("宁海波", "PERSON")]
    assert labels("党支部书记韩进说", [(5, 7, "PLACE")]) == [("韩进", "PERSON")]
    assert labels("矿长韩国强感慨地说", [(2, 4, "PLACE")]) == [("韩国强", "PERSON")]
    # not without a title, nor where no name's end follows
    assert labels("来自韩国强队的选手", [(2, 4, "PLACE")]) == [("韩国", "PLACE")]
    assert labels("县委书记北京考察", [(4, 6, "PLACE")]) == [("北京", "PLACE")]


def test_a_company_with_its_city_in_brackets_is_one_org():
    from kg.ner.places import with_bracketed_companies

    places = DivisionNames("kg_places")
    places.initialize(names=["晋城市"], short_names={"晋城市": "晋城"})
    text = "在鸿富晋精密工业(晋城)有限公司的车间"
    assert with_bracketed_companies(text, [(1, 4, "PERSON"), (9, 11, "PLACE")], places) == [(1, 16, "ORG")]


def test_a_place_starts_after_its_preposition():
    from kg.ner.places import without_prepositions

    places = DivisionNames("kg_places")
    places.initialize(names=["祁县", "于都县"], short_names={})
    text = "路线起于祁县,于都县"
    assert without_prepositions(text, [(3, 6, "PLACE"), (7, 10, "PLACE")], places) == [(4, 6, "PLACE"), (7, 10, "PLACE")]


def test_a_county_s_old_yamen_is_a_site_and_no_zone_is_named_by_a_verb():
    from kg.ner.places import facilities_as_places, with_org_names, with_zones

    assert facilities_as_places("平遥县署内,平遥县", [(0, 3, "PLACE"), (6, 9, "PLACE")]) == [(0, 4, "PLACE"), (6, 9, "PLACE")]
    # an old academy and a theme park are sites (the invented pages: 书院 19 places, no body)
    assert facilities_as_places("修缮凤鸣书院,走进八路军文化园", [(2, 6, "ORG"), (9, 15, "ORG")]) == [(2, 6, "PLACE"), (9, 15, "PLACE")]
    assert with_zones("离石区主动承接开发区产业外溢", [(0, 3, "PLACE")]) == [(0, 3, "PLACE")]
    # nor a park or a school by what a place built or held there
    assert with_zones("在米山镇建起黄梨标准化示范园", [(1, 4, "PLACE")]) == [(1, 4, "PLACE")]
    assert with_org_names("在刘胡兰镇举办全市中小学思政课", [(1, 5, "PLACE")]) == [(1, 5, "PLACE")]


def test_no_name_holds_a_deal_and_an_association_alone_is_none():
    from kg.ner.places import without_broken_spans, without_generic_orgs

    assert without_broken_spans("就富硒小杂粮品种选育达成合作", [(1, 12, "ORG")]) == []
    assert without_generic_orgs("协会会长吴国庆说", [(0, 2, "ORG")]) == []


def test_listed_zones_that_act_or_rank_are_bodies_and_so_is_one_whose_officer_speaks():
    from kg.ner.places import zones_that_act

    text = "山西综改示范区、大同经开区分别作招商推介。潇河产业园区相关负责人介绍,长治高新区、晋城经开区位列前五"
    ents = [(0, 7, "PLACE"), (8, 13, "PLACE"), (21, 27, "PLACE"), (35, 40, "PLACE"), (41, 46, "PLACE")]
    assert zones_that_act(text, ents) == [(start, end, "ORG") for start, end, _ in ents]
    assert zones_that_act("落户大同经开区的项目", [(2, 7, "PLACE")]) == [(2, 7, "PLACE")]


def test_a_site_with_the_body_that_runs_it_is_that_body():
    from kg.ner.places import with_site_bodies

    text = "五台山风景区管委会与秀容国旅签约,太原市管委会"
    ents = [(0, 6, "PLACE"), (6, 9, "ORG"), (17, 20, "PLACE"), (20, 23, "ORG")]
    assert with_site_bodies(text, ents) == [(0, 9, "ORG"), (17, 20, "PLACE"), (20, 23, "ORG")]
    text = "解州关帝庙文物保护管理所所长"
    assert with_site_bodies(text, [(0, 5, "PLACE")]) == [(0, 12, "ORG")]


def test_a_short_name_before_a_zone_is_found_as_a_place():
    places = DivisionNames("kg_places")
    places.initialize(names=["晋城市", "晋中市"], short_names={"晋城市": "晋城", "晋中市": "晋中"})
    assert spans("落户晋城经开区,走进晋中国家农高区,北京经开区", places) == ["晋城", "晋中"]


def test_a_county_s_numbered_middle_school_is_one_org():
    from kg.ner.places import with_numbered_schools

    places = DivisionNames("kg_places")
    places.initialize(names=["襄垣县"], short_names={"襄垣县": "襄垣"})
    text = "襄垣一中学子,襄垣一中校长,高一中期"
    ents = [(0, 2, "PERSON"), (7, 9, "PERSON"), (10, 11, "PLACE")]
    assert with_numbered_schools(text, ents, places) == [(0, 4, "ORG"), (7, 11, "ORG")]


def test_a_place_holds_no_list():
    from kg.ner.places import split_listed_places

    text = "塔院寺、菩萨顶等寺院,“五台山+雁门关+忻州古城”联票,德、意"
    ents = [(4, 10, "PLACE"), (12, 24, "PLACE"), (28, 29, "PLACE"), (30, 31, "PLACE")]
    assert split_listed_places(text, ents) == [(4, 7, "PLACE"), (12, 15, "PLACE"), (16, 19, "PLACE"), (20, 24, "PLACE"),
                                               (28, 29, "PLACE"), (30, 31, "PLACE")]


def test_beautiful_is_no_america():
    from kg.ner.places import without_common_nouns

    text = "和美晋中,山河壮美,中国和美国,日本和美军"
    ents = [(1, 2, "PLACE"), (8, 9, "PLACE"), (12, 14, "PLACE"), (18, 19, "PLACE")]
    assert without_common_nouns(text, ents) == [(12, 14, "PLACE"), (18, 19, "PLACE")]


def test_a_character_of_a_common_word_is_no_place():
    from kg.ner.places import without_common_nouns

    # a dry port, a stage, a measure, a tower's body, a slogan's "beautiful"; 中美 stays
    text = "侯马国际陆港建设,戏台彩绘,一台台收割机,塔身倾斜,大美运城,中美关系"
    singles = [(text.index(word) + at, text.index(word) + at + 1, "PLACE")
               for word, at in (("陆港", 1), ("戏台", 1), ("台台", 1), ("塔身", 0), ("大美", 1), ("中美", 0), ("中美", 1))]
    assert without_common_nouns(text, singles) == singles[-2:]
    # a coach, pasteurised milk, daily, "hide"; Tibet's medicine and the India-Pakistan pair stay
    text = "旅游大巴驶入,巴氏鲜奶,日加注能力,笑容藏不住,藏医藏药,印巴两国"
    singles = [(text.index(word) + at, text.index(word) + at + 1, "PLACE")
               for word, at in (("大巴", 1), ("巴氏", 0), ("日加注", 0), ("藏不住", 0), ("藏医", 0), ("印巴", 1))]
    assert without_common_nouns(text, singles) == singles[-2:]


def test_a_cultural_centre_after_a_place_is_named_by_it_and_an_area_is_not():
    from kg.ner.places import facilities_as_places

    # the annotators leave 片区 out of the name 8 times in 10 (钟楼街 + 片区)
    text = "杏花岭区坝陵桥片区,五寨县文化馆等单位"
    assert facilities_as_places(text, [(0, 4, "PLACE"), (4, 7, "PLACE"), (10, 13, "PLACE")]) == [
        (0, 4, "PLACE"), (4, 7, "PLACE"), (10, 16, "PLACE")]


def test_bare_bodies_and_a_verb_the_model_takes_for_one_are_none():
    from kg.ner.places import without_generic_orgs

    text = "安排部署,管委会为我们配备专员,集团将推出线路"
    assert without_generic_orgs(text, [(0, 2, "ORG"), (5, 8, "ORG"), (16, 18, "ORG")]) == []
    text = "代表联络站共收集建议,管理局与山西大学合作,新能源汽车产业链,中心共建专科联盟"
    spans = [span_of(text, word, "ORG") for word in ("联络站", "管理局", "新能源汽车产业链", "专科联盟")]
    assert without_generic_orgs(text, spans) == []


def test_a_body_ends_before_the_group_it_sends():
    from kg.ner.places import without_visiting_groups

    text = "省人社厅调研组来我市,工作组"
    assert without_visiting_groups(text, [(0, 7, "ORG"), (11, 14, "ORG")]) == [(0, 4, "ORG"), (11, 14, "ORG")]


def test_a_school_or_a_hospital_is_never_a_place():
    from kg.ner.places import schools_as_bodies

    text = "走进吕梁职院实训楼,在平定县人民医院,游太原理工大学明向校区"
    ents = [(2, 6, "PLACE"), (11, 18, "PLACE"), (20, 32, "PLACE")]
    assert schools_as_bodies(text, ents) == [(2, 6, "ORG"), (11, 18, "ORG"), (20, 32, "PLACE")]


def test_a_zone_a_body_works_with_is_a_body_and_one_that_fosters_an_industry():
    from kg.ner.places import zones_that_act

    text = "大同大学与大同经济技术开发区共建中试基地,氢能是上党经开区重点培育的产业,落户大同经济技术开发区和云冈区"
    ents = [(0, 4, "ORG"), (5, 14, "PLACE"), (24, 29, "PLACE"), (39, 48, "PLACE"), (49, 52, "PLACE")]
    assert zones_that_act(text, ents) == [(0, 4, "ORG"), (5, 14, "ORG"), (24, 29, "ORG"), (39, 48, "PLACE"), (49, 52, "PLACE")]


def test_no_body_is_named_by_a_means_or_a_count():
    from kg.ner.bodies import could_be_org_name

    assert not could_be_org_name("通过建设社区工厂") and not could_be_org_name("蔚汾镇一家社区工厂")


def test_a_body_ends_before_its_department_or_grade_and_a_discipline_commission_takes_its_twin():
    from kg.ner.places import with_supervision_commissions, without_departments

    text = "山医大一院心内科专家,山西省实验中学初二学生,县纪委监委"
    assert without_departments(text, [(0, 8, "ORG"), (11, 20, "ORG")]) == [(0, 5, "ORG"), (11, 18, "ORG")]
    assert with_supervision_commissions(text, [(23, 26, "ORG")]) == [(23, 28, "ORG")]
    # a department's section and an association's or a party school's department (省教育厅 + 基础教育处)
    text = "省教育厅基础教育处处长,市科协科普部部长,市委党校党史党建教研部主任,市委组织部组织二科"
    model = [(0, 9, "ORG"), (12, 18, "ORG"), (21, 32, "ORG"), (35, 44, "ORG")]
    assert [text[s:e] for s, e, _ in without_departments(text, model)] == ["省教育厅", "市科协", "市委党校", "市委组织部"]


def test_old_forts_and_the_riverside_are_common_nouns_and_a_museum_head_names_the_place_before_it():
    from kg.ner.places import facilities_as_places, without_common_nouns

    assert without_common_nouns("住古堡民宿,走滨河步道", [(1, 3, "PLACE"), (7, 9, "PLACE")]) == []
    assert facilities_as_places("在山西省科技馆开幕", [(1, 4, "PLACE"), (4, 7, "PLACE")]) == [(1, 7, "PLACE")]


def test_a_zone_acts_this_year():
    from kg.ner.places import zones_that_act

    assert zones_that_act("综改示范区今年出台《措施》", [(0, 5, "PLACE")]) == [(0, 5, "ORG")]
    # and where it holds to, focuses on or carries out a policy
    for text in ("大同经开区坚持“以用促产”", "晋城经开区聚焦光机电", "晋中国家农高区认真落实行动", "综改区把承接项目作为重点"):
        zone = text.index("区") + 1
        assert zones_that_act(text, [(0, zone, "PLACE")]) == [(0, zone, "ORG")]


def test_an_inspection_group_and_a_leading_group_s_office_belong_to_their_body():
    from kg.ner.places import with_body_units, without_generic_orgs

    text = "市委第三巡察组组长表示,各巡察组进驻。可向市处置非法集资工作领导小组办公室举报"
    ents = [(0, 2, "ORG"), (4, 7, "ORG"), (13, 16, "ORG"), (21, 34, "ORG")]
    assert without_generic_orgs(text, with_body_units(text, ents)) == [(0, 7, "ORG"), (21, 37, "ORG")]
    # a discipline commission's numbered office and the group it posts in a body, across a PDF's break
    text = "市纪委监委第二监\n督检查室下沉,县纪委监委驻县教育局纪检监察组督促"
    ents = [(0, 5, "ORG"), (16, 21, "ORG")]
    assert [text[s:e] for s, e, _ in with_body_units(text, ents)] == ["市纪委监委第二监\n督检查室", "县纪委监委驻县教育局纪检监察组"]


def test_a_body_named_after_a_site_takes_its_province_and_a_listed_short_name_is_whole():
    from kg.ner.places import with_org_names, with_whole_short_names

    names = DivisionNames("kg_places")
    names.initialize(names=["晋中市", "忻州市", "厦门市"], short_names={"晋中市": "晋中", "忻州市": "忻州", "厦门市": "厦门"})
    text = "山西省永乐宫壁画保护研究院与福建厦门海外旅行社"
    ents = [(0, 3, "PLACE"), (3, 6, "PLACE"), (14, 16, "PLACE"), (16, 18, "PLACE")]
    assert with_org_names(text, ents, names) == [(0, 13, "ORG"), (14, 16, "PLACE"), (16, 23, "ORG")]
    text = "支持忻州、晋中、运城等市,晋城"
    assert with_whole_short_names(text, [(2, 4, "PLACE"), (5, 6, "PLACE"), (13, 14, "PLACE")], names) == [
        (2, 4, "PLACE"), (5, 7, "PLACE"), (13, 14, "PLACE")]
    # a province's one-character name starts the short name wherever it stands, and takes in
    # the place the model read after it; other characters do not (中 + 方, 巴 + 中两国)
    names.initialize(names=["晋中市", "中方县", "巴中市"], short_names={"晋中市": "晋中", "中方县": "中方", "巴中市": "巴中"})
    assert with_whole_short_names("晋中地处", [(0, 1, "PLACE"), (1, 2, "PLACE")], names) == [(0, 2, "PLACE")]
    assert with_whole_short_names("晋中位列前三", [(0, 1, "PLACE")], names) == [(0, 2, "PLACE")]
    assert with_whole_short_names("中方同意,巴中两国", [(0, 1, "PLACE"), (5, 6, "PLACE"), (6, 7, "PLACE")], names) == [
        (0, 1, "PLACE"), (5, 6, "PLACE"), (6, 7, "PLACE")]
    # a short name's last character read alone at a line's start takes its first (陵 + 川是全省…), not in a word
    names.initialize(names=["陵川县"], short_names={"陵川县": "陵川"})
    assert with_whole_short_names("说。\n陵川是全省,丘陵川道", [(4, 5, "PLACE"), (12, 13, "PLACE")], names) == [
        (3, 5, "PLACE"), (12, 13, "PLACE")]


def test_the_state_grid_is_no_united_nations_and_an_urban_village_is_no_place():
    from kg.ner.bodies import without_verbs_before_bodies
    from kg.ner.places import without_common_nouns

    text = "该区联合国网太原供电公司,联合国教科文组织"
    assert without_verbs_before_bodies(text, [(2, 12, "ORG"), (13, 21, "ORG")]) == [(4, 12, "ORG"), (13, 21, "ORG")]
    assert without_common_nouns("新开工21个城中村改造项目", [(6, 9, "PLACE")]) == []


def test_a_central_group_s_short_name_starts_its_subsidiary_and_a_wind_farm_is_a_place():
    from kg.ner.places import facilities_as_places, with_group_prefixes

    text = "公司与国网山西省电力公司签约,分别为中车永济电机有限公司"
    assert with_group_prefixes(text, [(5, 12, "ORG"), (20, 28, "ORG")]) == [(3, 12, "ORG"), (18, 28, "ORG")]
    text = "热源来自大唐国际云冈热电有限责任公司"
    assert with_group_prefixes(text, [(8, 18, "ORG")]) == [(4, 18, "ORG")]
    assert facilities_as_places("这里是逯家湾风电场", [(3, 6, "PLACE")]) == [(3, 9, "PLACE")]


def test_a_listed_chain_stays_split_and_a_stadium_is_a_place():
    from kg.ner.places import facilities_as_places, with_listed_places

    text = "对平顺县石城镇、沁县漳源镇等6个乡镇"
    ents = [(1, 4, "PLACE"), (4, 7, "PLACE"), (8, 10, "PLACE"), (10, 13, "PLACE")]
    assert with_listed_places(text, ents) == ents
    assert facilities_as_places("比赛在临汾市体育中心开赛", [(3, 10, "ORG")]) == [(3, 10, "PLACE")]


def test_a_bank_s_branch_is_named_by_bank_division_and_head_and_a_subdistrict_heads_a_chain():
    from kg.ner.places import split_chains, with_bank_branches

    names = DivisionNames("kg_places")
    names.initialize(names=["定襄县", "山西省"], short_names={"山西省": "山西"})
    text = "工行山西分行为企业定制方案,农发行定襄县支行为承贷主体,工行员工分行动"
    ents = [(2, 4, "PLACE"), (17, 20, "PLACE")]
    assert with_bank_branches(text, ents, names) == [(0, 6, "ORG"), (14, 22, "ORG")]
    assert split_chains("在南城街道文远社区", [(1, 9, "PLACE")]) == [(1, 5, "PLACE"), (5, 9, "PLACE")]


def test_a_memorial_hall_is_no_person_a_channel_is_a_body_and_village_party_bodies_are_generic():
    from kg.ner.places import facilities_as_places, with_org_names, without_generic_orgs

    assert facilities_as_places("游客在刘胡兰纪念馆参观", [(3, 9, "PERSON")]) == [(3, 9, "PLACE")]
    assert with_org_names("将在山西卫视播出", [(2, 4, "PLACE")]) == [(2, 6, "ORG")]
    assert without_generic_orgs("150名村党组织书记", [(4, 8, "ORG")]) == []


def test_a_province_s_rural_bank_is_a_body():
    from kg.ner.places import with_org_names

    assert with_org_names("尧都农商银行的客户经理", [(0, 2, "PLACE")]) == [(0, 6, "ORG")]


def test_listed_lines_and_metro_lines_are_places_but_not_a_railway_bureau_or_a_kind_of_line():
    from kg.ner.places import with_running_lines

    text = "作为大西高铁、石太高铁交汇的节点,与地铁2号线换乘。北京铁路局、城际铁路、随着高速"
    assert [text[s:e] for s, e, _ in with_running_lines(text, [(2, 4, "PERSON")])] == ["大西高铁", "石太高铁", "地铁2号线"]


def test_an_agricultural_science_park_is_a_zone_and_a_museum_guides_as_a_body():
    from kg.ner.places import institutions_that_act, with_zones

    text = "走进临汾国家农业科技园区核心区"
    assert with_zones(text, [(2, 4, "PLACE")]) == [(2, 12, "PLACE")]
    text = "该馆由灵丘县文化馆指导建设"
    assert institutions_that_act(text, [(3, 9, "PLACE")]) == [(3, 9, "ORG")]


def test_a_street_gone_along_crossed_or_listed_is_a_place_but_not_a_way_of_speaking():
    from kg.ner.places import with_streets

    text = "在五一路与府西街交叉口,车辆经许坦东街、体育路绕行,沿长风街东行。没有销路,走上致富路,沿线重点路段,回归路上"
    found = [text[s:e] for s, e, _ in with_streets(text, [(15, 17, "PERSON")])]
    assert found == ["五一路", "府西街", "许坦东街", "体育路", "长风街"]
    # where one lives, after its district, and before its east side or its closed stretch
    text = "家住万柏林区千峰南路的老人,新建路东侧的老楼,槐乡路、大槐树路部分路段管制,迎泽区以钟楼街片区更新带动"
    assert [text[s:e] for s, e, _ in with_streets(text, [])] == ["千峰南路", "新建路", "槐乡路", "大槐树路"]


def test_a_street_reached_lain_on_or_crossed_at_is_a_place_but_not_a_division_s_street():
    from kg.ner.places import with_streets

    text = ("40分钟就能到长风街附近,新馆位于凤城镇凤栖路,在河东东街与解放北路交汇处,沿着汇通路一路向北,"
            "从英雄中路拐进府坡街,在英雄中路旁的老年大学,位于长风街东段")
    assert [text[s:e] for s, e, _ in with_streets(text, [])] == [
        "长风街", "凤栖路", "河东东街", "解放北路", "汇通路", "英雄中路", "府坡街", "英雄中路", "长风街"]
    # a district and its street are two places; a stone-paved path is no street
    assert with_streets("位于朔城区东大街的崇福寺,沿着石板路一路向东", []) == []


def test_a_listed_short_name_the_model_took_for_a_body_is_a_place_and_a_student_s_year_is_no_part_of_the_college():
    from kg.ner.places import orgs_named_as_places, without_departments, without_title_groups

    names = DivisionNames("kg_places")
    names.initialize(names=["晋中市"], short_names={"晋中市": "晋中"})
    assert orgs_named_as_places("太原、晋中、长治", [(3, 5, "ORG")], names) == [(3, 5, "PLACE")]
    assert without_departments("运城学院大二学生", [(0, 6, "ORG")]) == [(0, 4, "ORG")]
    assert without_title_groups("省国资委党委书记", [(0, 6, "ORG")]) == [(0, 4, "ORG")]
    assert without_title_groups("忻州师范学院党委书记", [(0, 8, "ORG")]) == [(0, 6, "ORG")]
    assert without_title_groups("槐荫社区党委书记", [(0, 6, "ORG")]) == [(0, 6, "ORG")]


def test_a_body_acting_with_the_youth_league_is_two_bodies_and_a_bare_college_is_none():
    from kg.ner.places import split_joint_bodies, without_generic_orgs

    text = "活动由市教育局联合共青团吕梁市委开展"
    assert split_joint_bodies(text, [(3, 16, "ORG")]) == [(3, 7, "ORG"), (9, 16, "ORG")]
    assert without_generic_orgs("学院选手获得金牌", [(0, 2, "ORG")]) == []


def test_a_person_s_character_that_starts_a_division_s_name_joins_it_and_an_insurer_s_branch_is_one_body():
    from kg.ner.places import with_branches, with_split_division_names

    names = DivisionNames("kg_places")
    names.initialize(names=["侯马市"], short_names={"侯马市": "侯马"})
    text = "侯马经济开发区入选试点,王刚说"
    assert with_split_division_names(text, [(0, 1, "PERSON"), (1, 7, "PLACE"), (12, 14, "PERSON")], names) == [
        (0, 7, "PLACE"), (12, 14, "PERSON")]
    text = "中国人民财产保险股份有限公司祁县支公司查勘"
    assert with_branches(text, [(0, 14, "ORG"), (14, 16, "PLACE")]) == [(0, 19, "ORG")]


def test_a_street_gone_along_with_zhe_starts_after_it_and_north_china_is_a_region():
    from kg.ner.places import with_regions, with_streets

    text = "沿着西大街、南大街走完"
    assert [text[s:e] for s, e, _ in with_streets(text, [])] == ["西大街"]  # 南大街 runs into 走
    text = "太行山是华北地区的生态屏障"
    assert with_regions(text, [(4, 6, "PLACE")]) == [(0, 3, "PLACE"), (4, 8, "PLACE")]


def test_taiyuan_as_bing_and_the_districts_named_chengqu_kuangqu_and_jiaoqu():
    from kg.ner.places import with_named_districts

    def tagged(text, ents=()):
        return [(text[s:e], label) for s, e, label in with_named_districts(text, list(ents))]

    assert tagged("青年科学家论坛在并举行,在并不断") == [("并", "PLACE")]
    # listed with each other or a county, or before one of their towns, they are districts,
    # and so is every other mention on the line, with the body it heads
    assert tagged("在城区、矿区、郊区和开发区建站,城区人民检察院和郊区区委,老城区人口") == [
        ("城区", "PLACE"), ("矿区", "PLACE"), ("郊区", "PLACE"), ("城区人民检察院", "ORG"), ("郊区区委", "ORG")]
    text = "将在郊区荫营镇建设"
    assert tagged(text, [(4, 7, "PLACE")]) == [("郊区", "PLACE"), ("荫营镇", "PLACE")]
    assert tagged("城区、平定县") == [("城区", "PLACE")]
    assert tagged("将在盂县、郊区推广") == [("郊区", "PLACE")]
    # a body the district heads names it too, not one after another word (主城区 + 人民检察院)
    assert tagged("城区区委书记表示,下一步,城区将按照") == [("城区区委", "ORG"), ("城区", "PLACE")]
    assert tagged("主城区人民检察院表示,城区将") == []
    # elsewhere they are common nouns
    assert tagged("城区人口增加,郊区农民") == []


def test_old_names_of_cities_are_regions_and_keep_a_company_whole():
    from kg.ner.places import with_legal_names, with_regions

    text = "润泽上党大地,县以上党政领导,悦购龙城"
    assert [text[s:e] for s, e, _ in with_regions(text, [])] == ["上党", "龙城"]
    names = DivisionNames("kg_places")
    names.initialize(names=["太原市", "龙城区"], short_names={"太原市": "太原", "龙城区": "龙城"})
    text = "由太原龙城更新投资建设集团有限公司签约"
    assert with_legal_names(text, [(1, 3, "PLACE"), (3, 5, "PLACE")], names) == [(1, 17, "ORG")]


def test_a_group_and_the_mine_it_owns_are_two_bodies():
    from kg.ner.places import split_owned_units

    text = "晋能控股集团所属塔山煤矿、华阳集团所属企业"
    assert split_owned_units(text, [(0, 12, "ORG"), (13, 21, "ORG")]) == [
        (0, 6, "ORG"), (8, 12, "ORG"), (13, 17, "ORG")]  # 企业 is no unit's name


def test_crops_directions_courses_dots_and_students_are_no_part_of_names():
    from kg.ner.places import without_broken_spans, without_common_nouns, without_departments, without_generic_orgs

    text = "种了30亩黄芪,黄芪长势好,芮城北依中条山"
    assert without_common_nouns(text, [(5, 7, "PLACE"), (8, 10, "PERSON"), (14, 17, "PLACE")]) == [(14, 16, "PLACE")]
    text = "长治医学院临床医学专业的学生"
    assert without_departments(text, [(0, 11, "ORG")]) == [(0, 5, "ORG")]
    assert without_broken_spans("能源·转型 5", [(0, 3, "PERSON")]) == []
    assert without_generic_orgs("返乡大学生李晓燕", [(0, 4, "ORG")]) == []


def test_a_county_that_names_a_zone_is_no_person():
    from kg.ner.places import persons_named_as_places

    names = DivisionNames("kg_places")
    names.initialize(names=["孝义市"], short_names={"孝义市": "孝义"})
    text = "孝义经济开发区内,孝义人"
    assert persons_named_as_places(text, [(0, 2, "PERSON"), (9, 11, "PERSON")], names) == [
        (0, 2, "PLACE"), (9, 11, "PERSON")]


def test_custodians_and_zone_committees_are_the_bodies_of_their_sites_and_memorials_are_places():
    from kg.ner.places import with_memorials, with_site_bodies

    text = "芮城永乐宫文物保管所副所长,解州关帝庙文物保管所所长"
    ents = [(0, 2, "PLACE"), (2, 5, "PLACE"), (14, 19, "PLACE")]
    assert [text[s:e] for s, e, label in with_site_bodies(text, ents) if label == "ORG"] == [
        "芮城永乐宫文物保管所", "解州关帝庙文物保管所"]
    assert with_site_bodies("综改区管委会副主任", [(0, 3, "PLACE"), (3, 6, "ORG")]) == [(0, 6, "ORG")]
    assert with_site_bodies("五台山风景名胜区党工委书记", [(0, 8, "PLACE")]) == [(0, 11, "ORG")]
    text = "走进八路军总部砖壁旧址,八路军在太行山的旧址"
    assert with_memorials(text, [(2, 7, "ORG"), (12, 15, "ORG"), (16, 19, "PLACE")]) == [
        (2, 11, "PLACE"), (12, 15, "ORG"), (16, 19, "PLACE")]
    assert with_memorials("走进晋绥边区政府旧址", [(2, 6, "PLACE")]) == [(2, 10, "PLACE")]  # a border region's


def test_a_village_takes_the_character_cut_off_after_a_mark_and_a_river_is_no_bank():
    from kg.ner.places import with_village_names, without_common_nouns

    text = "。上董寨村、下董寨村,让北张庄村"
    ents = [(2, 5, "PLACE"), (7, 10, "PLACE"), (12, 16, "PLACE")]
    assert [text[s:e] for s, e, _ in with_village_names(text, ents)] == ["上董寨村", "下董寨村", "北张庄村"]
    assert without_common_nouns("乌马河畔的村", [(0, 4, "PLACE")]) == [(0, 3, "PLACE")]


def test_local_offices_are_named_after_their_town_with_their_parent_body():
    from kg.ner.places import with_local_offices

    def offices(text, ents=()):
        return [text[s:e] for s, e, label in with_local_offices(text, list(ents)) if label == "ORG"]

    assert offices("在五台山脚下,台怀派出所结合") == ["台怀派出所"]
    assert offices("。忻府分局新建路派出所、崞阳人民法庭") == ["忻府分局新建路派出所", "崞阳人民法庭"]
    assert offices("古陶镇司法所,荫城法庭", [(0, 3, "PLACE"), (7, 9, "PLACE")]) == ["古陶镇司法所", "荫城法庭"]
    assert offices("到派出所报案,走上法庭") == []


def test_a_city_short_name_in_zhou_stays_in_a_company_name():
    from kg.ner.places import with_legal_names

    names = DivisionNames("kg_places")
    names.initialize(names=["朔州市", "山阴县"], short_names={"朔州市": "朔州", "山阴县": "山阴"})
    text = "朔州山阴玉龙煤业有限公司"
    assert with_legal_names(text, [(0, 2, "PLACE"), (2, 12, "ORG")], names) == [(0, 12, "ORG")]
    # only a province stays apart from a company named after a division (江苏 + 无锡…)
    names.initialize(names=["大同市", "塞北管理区"], short_names={"大同市": "大同", "塞北管理区": "塞北"})
    text = "大同塞北绿能新能源有限公司在左云县"
    assert with_legal_names(text, [(0, 2, "PLACE"), (2, 4, "PLACE")], names) == [(0, 13, "ORG")]


def test_a_county_heads_its_rural_bank_and_the_old_buildings_institute_is_one_body():
    from kg.ner.bodies import with_ministries
    from kg.ner.places import with_org_names

    text = "联合临县农村商业银行推出"
    assert with_org_names(text, [(2, 4, "PLACE")]) == [(2, 10, "ORG")]
    text = "委托山西省古建筑与彩塑壁画保护研究院编制"
    assert with_ministries(text, [(2, 5, "PLACE")]) == [(2, 18, "ORG")]


def test_one_character_of_a_county_and_a_park_cut_before_its_qu_are_completed():
    from kg.ner.places import with_whole_short_names, with_zones

    names = DivisionNames("kg_places")
    names.initialize(names=["阳曲县"], short_names={"阳曲县": "阳曲"})
    assert with_whole_short_names("阳曲地处黄土高原", [(0, 1, "PLACE")], names) == [(0, 2, "PLACE")]
    assert with_zones("深入阳曲产业园区调研", [(2, 7, "PLACE")]) == [(2, 8, "PLACE")]


def test_a_region_before_its_market_or_its_opera_is_no_longer_name():
    from kg.ner.places import with_org_names, with_regions

    assert with_regions("拓展长三角市场", [(2, 7, "PLACE")]) == [(2, 5, "PLACE")]
    names = DivisionNames("kg_places")
    names.initialize(names=["长治市", "上党区"], short_names={"长治市": "长治", "上党区": "上党"})
    text = "由长治市上党梆子剧院承办"
    assert with_org_names(text, [(1, 4, "PLACE"), (4, 6, "PLACE")], names) == [(1, 10, "ORG")]


def test_sources_mines_and_a_station_before_a_verb():
    from kg.ner.places import facilities_as_places, mines_as_bodies, without_common_nouns

    assert facilities_as_places("平遥古城站加开列车", [(0, 2, "PLACE")]) == [(0, 5, "PLACE")]
    text = "汾河源头,其中国家级企业"
    assert without_common_nouns(text, [(0, 2, "PLACE"), (2, 4, "PLACE"), (6, 8, "PLACE")]) == [(0, 2, "PLACE")]
    assert mines_as_bodies("兄弟矿井马兰矿", [(4, 7, "PERSON")]) == [(4, 7, "ORG")]
    assert mines_as_bodies("不远处,夏县瑶峰光伏科技有限公司的", [(4, 16, "PERSON")]) == [(4, 16, "ORG")]
    text = "平陆县沿黄乡镇,沿黄河栈道,走西口"
    assert without_common_nouns(text, [(4, 7, "PLACE"), (9, 11, "PLACE"), (15, 17, "PLACE")]) == [(9, 11, "PLACE")]
    assert without_common_nouns("直播间每天卖出黄梨和海红果", [(7, 9, "PERSON"), (10, 13, "PERSON")]) == []
    assert without_common_nouns("沉甸甸的谷穗,瓦斯浓度", [(4, 6, "PERSON"), (7, 9, "PERSON")]) == []
    assert without_common_nouns("万亩红芸豆和藜麦", [(3, 5, "PERSON"), (6, 8, "PERSON")]) == []
    assert without_common_nouns("苹果和猕猴桃,新建旅游驿站,盾构区间", [(3, 6, "PLACE"), (11, 13, "PLACE"), (14, 16, "PLACE")]) == []
    # the station, not the station and the scenic area it leads to
    assert facilities_as_places("在汾阳站下车后直奔景区", [(1, 3, "PLACE")]) == [(1, 4, "PLACE")]
    assert facilities_as_places("在长治东站下车后直奔古城", [(1, 5, "PLACE")]) == [(1, 5, "PLACE")]
    assert facilities_as_places("晋中站客流攀升,站在地铁2号线站点", [(0, 2, "PLACE"), (10, 15, "PLACE")]) == [
        (0, 3, "PLACE"), (10, 15, "PLACE")]
    assert without_common_nouns("建成加氢站9座", [(2, 5, "PLACE")]) == []
    assert without_common_nouns("北齐石雕佛坐像", [(0, 2, "PLACE")]) == []  # a dynasty
    assert without_common_nouns("泡完温泉就走,古镇保护,陆港周边,北魏都城", [(2, 4, "PLACE"), (7, 9, "PLACE"), (12, 14, "PLACE"),
                                                                   (19, 21, "PLACE")]) == []
    text = "甲辰年炎帝故里寻根拜祖大典,王甲辰说"  # a year of the cycle and a legend, not a man named 甲辰
    assert without_common_nouns(text, [(0, 2, "PERSON"), (3, 5, "PERSON"), (14, 17, "PERSON")]) == [(14, 17, "PERSON")]
    assert facilities_as_places("串联起汾阳王府", [(3, 5, "PLACE")]) == [(3, 7, "PLACE")]


def test_sections_teams_and_visitor_centres_are_no_part_of_names():
    from kg.ner.places import without_departments

    text = "运城海关综合业务科科长,西山煤电屯兰矿机电队技术员,恒山景区游客中心前"
    ents = [(0, 9, "ORG"), (12, 22, "ORG"), (26, 34, "ORG")]
    assert [(text[s:e], label) for s, e, label in without_departments(text, ents)] == [
        ("运城海关", "ORG"), ("西山煤电屯兰矿", "ORG"), ("恒山景区", "PLACE")]
    assert without_departments("山西白求恩医院医疗综合楼主体", [(0, 12, "ORG")]) == [(0, 7, "ORG")]
    text = "天宝集团生产部部长,原平市水利局河湖管理股股长,太原理工大学测绘团队,某公司党支部"
    ents = [(text.index(name), text.index(name) + len(name), "ORG")
            for name in ("天宝集团生产部", "原平市水利局河湖管理股", "太原理工大学测绘团队", "某公司党支部")]
    assert [text[s:e] for s, e, _ in without_departments(text, ents)] == ["天宝集团", "原平市水利局", "太原理工大学", "某公司党支部"]
    text = "村民在晋渡铝业包装车间上班"
    assert without_departments(text, [(3, 11, "ORG")]) == [(3, 7, "ORG")]


def test_a_city_before_a_company_named_after_its_province_stays_apart_and_a_city_starts_a_company():
    from kg.ner.places import with_county_prefixes, with_legal_names, with_regions

    text = "来自孝义市山西鹏飞集团有限公司的"
    assert with_county_prefixes(text, [(2, 5, "PLACE"), (5, 15, "ORG")]) == [(2, 5, "PLACE"), (5, 15, "ORG")]
    text = "在晋城市沁河煤层气综合利用有限公司"
    assert with_regions(text, [(1, 6, "PLACE")]) == [(1, 4, "PLACE"), (4, 6, "PLACE")]
    names = DivisionNames("kg_places")
    names.initialize(names=["晋城市"], short_names={"晋城市": "晋城"})
    text = "优势。晋城鸿泰光电科技有限公司与"
    assert with_legal_names(text, [(5, 15, "ORG")], names) == [(3, 15, "ORG")]


def test_a_rivers_banks_a_disease_and_an_insurance_fund_are_no_names():
    from kg.ner.places import without_common_nouns, without_generic_orgs

    text = "汾河太原城区段两岸的芦苇,海峡两岸关系,抓好非洲猪瘟防控"
    assert without_common_nouns(text, [(0, 2, "PLACE"), (7, 9, "PLACE"), (15, 17, "PLACE"), (22, 24, "PLACE")]) == [
        (0, 2, "PLACE"), (15, 17, "PLACE")]
    assert without_generic_orgs("纳入居民医保基金支付范围", [(2, 8, "ORG")]) == []


def test_counties_listed_before_their_kind_and_a_city_before_its_district_are_places():
    from kg.ner.places import split_city_chains, with_listed_divisions

    names = DivisionNames("kg_places")
    names.initialize(names=["阳高县", "天镇县", "广灵县", "临汾市", "尧都区", "古县"],
                     short_names={"阳高县": "阳高", "天镇县": "天镇", "广灵县": "广灵", "临汾市": "临汾"})
    text = "在阳高、天镇、广灵等县开展"
    assert with_listed_divisions(text, [(7, 9, "PERSON")], names) == [(1, 3, "PLACE"), (4, 6, "PLACE"), (7, 9, "PLACE")]
    text = "面向临汾尧都区个体户,太原古县城"
    assert split_city_chains(text, [(2, 7, "PLACE"), (11, 15, "PLACE")], names) == [
        (2, 4, "PLACE"), (4, 7, "PLACE"), (11, 15, "PLACE")]


def test_flanges_merchants_streets_before_de_and_old_names_are_read_right():
    from kg.ner.places import with_regions, with_streets, without_common_nouns

    text = "风电法兰,晋商故里,晋商银行"
    assert without_common_nouns(text, [(2, 4, "PLACE"), (5, 6, "PLACE"), (10, 14, "ORG")]) == [(10, 14, "ORG")]
    text = "在鼓楼南大街的社区,在发展道路的关键"
    assert [text[s:e] for s, e, _ in with_streets(text, [])] == ["鼓楼南大街"]
    text = "灵空山夏韵"
    assert with_regions(text, [(0, 4, "PERSON")]) == [(0, 3, "PLACE")]


def test_listed_companies_and_central_groups_are_bodies_wherever_named():
    from kg.ner.bodies import with_bodies, with_ministries
    from kg.ner.places import with_group_prefixes

    text = "山西汾酒、太钢不锈、潞安环能等权重企业"
    assert [text[s:e] for s, e, _ in with_ministries(text, [])] == ["山西汾酒", "太钢不锈", "潞安环能"]
    text = "与京东、拼多多等平台合作,京东方科技集团"  # not inside another company's name
    assert [text[s:e] for s, e, _ in with_ministries(text, [])] == ["京东", "拼多多"]
    text = "比亚迪太原基地,通过京东物流发往广州"  # national companies, the longest name first
    assert [text[s:e] for s, e, _ in with_ministries(text, [])] == ["比亚迪", "京东物流"]
    text = "万荣县卫生健康和体育局局长"
    assert [text[s:e] for s, e, _ in with_bodies(text, [(0, 3, "PLACE")])] == ["万荣县卫生健康和体育局"]
    text = "中国人寿山西省分公司总经理"
    assert with_group_prefixes(text, [(0, 2, "PLACE"), (4, 10, "ORG")]) == [(0, 10, "ORG")]


def test_streets_named_after_a_place_or_a_region_are_whole():
    from kg.ner.places import with_regions, with_whole_streets

    text = "公园北接太行东街,住在太行东街街道,钟楼街街头"
    assert [text[s:e] for s, e, _ in with_regions(text, [])] == ["太行东街", "太行东街街道", "钟楼街"]
    text = "在延安南路街道金威社区,家住潞州区东街街道"
    ents = [(1, 3, "PLACE"), (3, 7, "PLACE"), (14, 17, "PLACE"), (17, 21, "PLACE")]
    assert [text[s:e] for s, e, _ in with_whole_streets(text, ents)] == ["延安南路街道", "潞州区", "东街街道"]


def test_prepositions_counts_and_one_character_villages():
    from kg.ner.places import with_community_bodies, without_common_nouns, without_prepositions

    names = DivisionNames("kg_places")
    names.initialize(names=["沿河县"], short_names={})
    text = "将以城隍庙为轴,沿陶寺村向东,沿河县,为三县培训"
    ents = [(1, 5, "PLACE"), (8, 12, "PLACE"), (15, 18, "PLACE"), (20, 22, "PLACE")]
    assert [text[s:e] for s, e, _ in without_common_nouns(text, without_prepositions(text, ents, names))] == [
        "城隍庙", "陶寺村", "沿河县"]
    text = "起来。丁村村委会牵头,在村党支部的带领下"
    assert [text[s:e] for s, e, _ in with_community_bodies(text, [])] == ["丁村村委会"]


def test_lists_of_short_names_sites_streets_stations_and_verbs_before_places():
    from kg.ner.places import with_listed_divisions, with_regions, with_whole_streets, without_prepositions

    names = DivisionNames("kg_places")
    names.initialize(names=["霍州市", "洪洞县", "襄汾县", "南部县"],
                     short_names={"霍州市": "霍州", "洪洞县": "洪洞", "襄汾县": "襄汾", "南部县": "南部"})
    text = "全市将以霍州、洪洞、襄汾为重点,山西省南部、陕西省"
    assert with_listed_divisions(text, [(4, 6, "PLACE")], names) == [(4, 6, "PLACE"), (7, 9, "PLACE"), (10, 12, "PLACE")]
    text = "来自霍州、洪洞的客商"  # after 来自 too
    assert with_listed_divisions(text, [(2, 4, "PLACE")], names) == [(2, 4, "PLACE"), (5, 7, "PLACE")]
    text = "柳巷、开化寺街口,晋创谷·太原站加开列车,站在晋创谷·太原"
    assert [text[s:e] for s, e, _ in with_whole_streets(text, with_regions(text, [(3, 6, "PLACE")]))] == [
        "柳巷", "开化寺街", "晋创谷·太原站", "晋创谷·太原"]
    text = "霍州署始建于唐代,太原古县城的夜"  # a prefecture's office, now a site; an old county town
    assert [(text[s:e], label) for s, e, label in with_regions(text, [(0, 3, "ORG"), (9, 12, "PLACE")])] == [
        ("霍州署", "PLACE"), ("太原古县城", "PLACE")]
    text = "京津地区,城隍庙前"
    assert [text[s:e] for s, e, _ in with_regions(text, [(0, 1, "PLACE"), (1, 2, "PLACE"), (6, 8, "PLACE")])] == [
        "京津", "城隍庙"]
    text = "将依托祁县东站,串联柳巷,留在夏县"
    assert without_prepositions(text, [(2, 7, "PLACE"), (8, 12, "PLACE"), (13, 17, "PLACE")], names) == [
        (3, 7, "PLACE"), (10, 12, "PLACE"), (15, 17, "PLACE")]


def test_a_section_of_the_great_wall_is_named_by_its_dynasty_or_its_place():
    from kg.ner.places import with_named_walls

    text = "修缮了白草口长城,现存明长城,冲着李二口长城来,黄河长城太行,大同镇长城防线,这说明长城"
    walls = [match.span() for match in re.finditer("长城", text)]
    ents = sorted([(*span, "PLACE") for span in walls] + [(text.index("李二口"), text.index("李二口") + 3, "PERSON"),
                                                          (text.index("黄河"), text.index("黄河") + 2, "PLACE"),
                                                          (text.index("大同镇"), text.index("大同镇") + 3, "PLACE")])
    assert [text[s:e] for s, e, _ in with_named_walls(text, ents)] == [
        "白草口长城", "明长城", "李二口长城", "黄河", "长城", "大同镇", "长城", "长城"]


def test_a_division_before_a_described_facility_names_it_but_not_one_with_its_own_name():
    from kg.ner.places import facilities_as_places

    def places(text, model):
        return [text[s:e] for s, e, _ in facilities_as_places(text, model)]

    assert places("沿岸的柳林县滨河生态公园成为好去处", [(3, 6, "PLACE")]) == ["柳林县滨河生态公园"]
    assert places("位于古城东侧的平定县非遗展示馆里", [(7, 10, "PLACE")]) == ["平定县非遗展示馆"]
    assert places("右玉县小南山森林公园", [(0, 3, "PLACE")]) == ["右玉县"]  # 小南山: a name of its own
    assert places("平遥县先后出台古城建筑风貌管控", [(0, 3, "PLACE")]) == ["平遥县"]
    assert places("老矿井改造而成的晋华宫国家矿山公园", [(8, 11, "PLACE")]) == ["晋华宫国家矿山公园"]
    assert places("长眠于汾阳市烈士陵园", [(3, 6, "PLACE")]) == ["汾阳市烈士陵园"]  # and its martyrs' cemetery


def test_a_legal_name_runs_over_a_pdf_line_break_and_from_a_central_groups_short_name():
    from kg.ner.places import with_legal_names

    names = DivisionNames("kg_places")
    names.initialize(names=["大同市"], short_names={"大同市": "大同"})
    text = "施工单位山西省水利建筑工程局\n集团有限公司采取分段流水作业"
    model = [(4, 14, "ORG"), (15, 21, "ORG")]
    assert [text[s:e] for s, e, _ in with_legal_names(text, model, names)] == ["山西省水利建筑工程局\n集团有限公司"]
    text = "记者从中车大同电力机车有限公司获悉"
    assert [text[s:e] for s, e, _ in with_legal_names(text, [], names)] == ["中车大同电力机车有限公司"]
    text = "市政府与晋能控股电力集团有限公司签约"  # a provincial group's (kg/data/groups.txt) too
    assert [text[s:e] for s, e, _ in with_legal_names(text, [(0, 3, "ORG"), (8, 16, "ORG")], names)] == [
        "市政府", "晋能控股电力集团有限公司"]
    text = "与中石油煤层气有限责任公司合作"  # the model's name may start inside the group's (中 + 石油…)
    assert [text[s:e] for s, e, _ in with_legal_names(text, [(2, 13, "ORG")], names)] == ["中石油煤层气有限责任公司"]
    text = "和同煤大唐塔山发电有限责任公司"  # the longest group's name that ends there: 同煤大唐, not 大唐
    assert [text[s:e] for s, e, _ in with_legal_names(text, [], names)] == ["同煤大唐塔山发电有限责任公司"]
    text = "市交通运输局已会同太原市轨道交通发展有限公司开展"  # a body that joins the company starts no name
    model = [(0, 6, "ORG"), (9, 22, "ORG")]
    assert with_legal_names(text, model, names) == model


def test_a_universitys_affiliated_hospital_is_one_org_with_it():
    from kg.ner.places import with_affiliated_bodies

    text = "挂上了华中科技大学同济医学院附属同济医院的号,长治医学院附属和济医院、市人民医院"
    model = [(3, 9, "ORG"), (9, 16, "ORG"), (17, 20, "ORG"), (23, 30, "ORG"), (31, 34, "ORG"), (35, 40, "ORG")]
    assert [text[s:e] for s, e, _ in with_affiliated_bodies(text, model)] == [
        "华中科技大学同济医学院附属同济医院", "长治医学院附属和济医院", "市人民医院"]


def test_a_central_groups_company_in_a_province_or_city_is_one_org():
    from kg.ner.places import with_group_branches

    names = DivisionNames("kg_places")
    names.initialize(names=["大同市"], short_names={"大同市": "大同"})
    text = "走进中国移动山西公司和国网大同供电公司"
    model = [(2, 4, "PLACE"), (6, 8, "PLACE"), (13, 15, "PLACE")]
    assert [(text[s:e], label) for s, e, label in with_group_branches(text, model, names)] == [
        ("中国移动山西公司", "ORG"), ("国网大同供电公司", "ORG")]


def test_a_leagues_committee_and_a_universitys_campus_are_one_org():
    from kg.ner.places import with_campuses_in_brackets, with_league_committees

    text = "共青团平遥县委招募志愿者"
    assert with_league_committees(text, [(0, 3, "ORG"), (3, 7, "ORG")]) == [(0, 7, "ORG")]
    assert with_league_committees("共青团员和县委", [(0, 3, "ORG"), (5, 7, "ORG")]) == [(0, 3, "ORG"), (5, 7, "ORG")]
    text = "联合中国地质大学（北京）开展研究"
    assert with_campuses_in_brackets(text, [(2, 8, "ORG"), (9, 11, "PLACE")]) == [(2, 12, "ORG")]


def test_an_old_towns_wall_is_the_site_and_a_county_apart_from_a_site_of_its_own_name(names):
    from kg.ner.places import facilities_as_places, split_division_sites

    text = "大同古城墙上华灯初上,长城墙体"
    assert facilities_as_places(text, [(0, 4, "PLACE"), (11, 13, "PLACE")]) == [(0, 5, "PLACE"), (11, 13, "PLACE")]
    text = "平顺县通天峡景区和长治石窟景区"
    assert [text[s:e] for s, e, _ in split_division_sites(text, [(0, 8, "PLACE"), (9, 15, "PLACE")], names)] == [
        "平顺县", "通天峡景区", "长治石窟景区"]  # a short name starts a site's name
    county = DivisionNames("kg_places")
    county.initialize(names=["应县", "祁县"], short_names={})
    text = "应县木塔景区和祁县乔家大院景区"  # and so does a county's name the site's own holds (应县木塔)
    assert [text[s:e] for s, e, _ in split_division_sites(text, [(0, 6, "PLACE"), (7, 15, "PLACE")], county)] == [
        "应县木塔景区", "祁县", "乔家大院景区"]


def test_the_old_regions_opera_holds_no_place_and_its_theatre_is_a_body(names):
    from kg.ner.places import with_org_names, without_common_nouns

    text = "唱腔保留了上党梆子的韵味"
    assert without_common_nouns(text, [(5, 7, "PLACE")]) == []
    text = "组织长治市上党戏剧院演出"
    assert with_org_names(text, [(2, 5, "PLACE"), (5, 7, "PLACE")], names) == [(2, 10, "ORG")]


def test_a_tree_or_an_animal_named_after_a_region_holds_no_place():
    from kg.ner.places import with_regions, without_modifiers

    text = "阴坡补植华北落叶松,区内有华北豹,地处华北"
    assert without_modifiers(text, [(4, 6, "PLACE"), (13, 15, "PLACE"), (19, 21, "PLACE")]) == [(19, 21, "PLACE")]
    assert with_regions(text, []) == [(19, 21, "PLACE")]


def test_a_one_character_county_names_its_body_and_its_bus_station():
    from kg.ner.places import facilities_as_places, with_one_character_counties

    names = DivisionNames("kg_places")
    names.initialize(names=["代县", "和县"])
    text = "据代县文化和旅游局统计,乡镇和县林业局发言"
    ents = [(2, 9, "ORG"), (15, 19, "ORG")]
    assert [text[s:e] for s, e, _ in with_one_character_counties(text, ents, names)] == ["代县文化和旅游局", "县林业局"]
    names.initialize(names=["随县"])
    assert with_one_character_counties("记者跟随县水利局副局长", [(4, 8, "ORG")], names) == [(4, 8, "ORG")]  # 跟随
    assert facilities_as_places("在临县汽车站乘车", [(1, 3, "PLACE")]) == [(1, 6, "PLACE")]


def test_a_verb_before_a_police_station_is_no_part_of_its_parents_name():
    from kg.ner.places import with_local_offices

    text = "——走近小店分局营盘派出所"
    assert [text[s:e] for s, e, _ in with_local_offices(text, [])] == ["小店分局营盘派出所"]


def test_short_names_listed_before_their_count_are_places(names):
    from kg.ner.places import with_listed_divisions

    names = DivisionNames("kg_places")
    names.initialize(names=["宁武县", "五寨县", "岢岚县"], short_names={"宁武县": "宁武", "五寨县": "五寨", "岢岚县": "岢岚"})
    text = "保护区地跨宁武、五寨、岢岚三县"
    assert [text[s:e] for s, e, _ in with_listed_divisions(text, [(5, 7, "PLACE"), (11, 15, "PLACE")], names)] == [
        "宁武", "五寨", "岢岚"]


def test_a_line_passed_under_or_left_by_its_exit_is_a_place():
    from kg.ner.places import with_running_lines

    text = "并下穿晋阳高速,晋阳高速大阳出口"
    assert [text[s:e] for s, e, _ in with_running_lines(text, [(3, 5, "PLACE"), (8, 10, "PLACE")])] == ["晋阳高速", "晋阳高速"]


def test_a_family_compound_and_a_tower_climbed_are_places():
    from kg.ner.places import facilities_as_places, without_prepositions

    assert facilities_as_places("对孔祥熙宅园进行修缮", [(1, 4, "PERSON")]) == [(1, 6, "PLACE")]
    names = DivisionNames("kg_places")
    names.initialize(names=["太谷区"], short_names={"太谷区": "太谷"})
    assert without_prepositions("登太谷鼓楼", [(0, 5, "PLACE")], names) == [(1, 5, "PLACE")]


def test_a_district_named_inside_a_longer_name_is_not_named_on_the_page():
    from kg.ner.places import with_named_districts

    text = "潞城区黄牛蹄乡东山村,将城区管网延伸"
    model = [(0, 3, "PLACE"), (3, 7, "PLACE"), (7, 10, "PLACE")]
    assert with_named_districts(text, model) == model  # 城区 of 潞城区, then the town: no district named 城区


def test_a_zone_being_built_and_a_company_brought_in_start_after_the_verb():
    from kg.ner.places import with_legal_names, with_zones

    assert with_zones("平顺县已在青羊镇开工建设潞党参产业园", [(0, 3, "PLACE"), (5, 8, "PLACE")]) == [
        (0, 3, "PLACE"), (5, 8, "PLACE")]
    names = DivisionNames("kg_places")
    names.initialize(names=["潞州区", "老顶山镇"])
    text = "潞州区老顶山镇引入山西康乐福餐饮管理有限公司集中配餐"
    model = [(0, 3, "PLACE"), (3, 7, "PLACE"), (9, 11, "PLACE")]
    assert [text[s:e] for s, e, _ in with_legal_names(text, model, names)][-1] == "山西康乐福餐饮管理有限公司"


def test_an_old_name_follows_the_place_and_parks_are_named_by_their_county():
    from kg.ner.places import with_org_names, with_zones, without_old_name_word

    names = DivisionNames("kg_places")
    names.initialize(names=["侯马市"], short_names={"侯马市": "侯马"})
    assert without_old_name_word("侯马古称新田", [(0, 3, "PERSON")], names) == [(0, 2, "PLACE")]
    text = "在隰县农产品加工园区,隰县玉露香梨冷链物流园,临猗县庙上乡苹果矮砧密植示范园,浩吉铁路沿线物流园"
    model = [(text.index(name, after), text.index(name, after) + len(name), "PLACE")
             for name, after in (("隰县", 0), ("隰县", 5), ("临猗县", 0), ("浩吉铁路", 0))]
    assert [text[s:e] for s, e, _ in with_zones(text, model)] == [
        "隰县农产品加工园区", "隰县玉露香梨冷链物流园", "临猗县", "浩吉铁路"]
    text = "大宁县农业技术推广站高级农艺师"
    assert with_org_names(text, [(0, 3, "PLACE")]) == [(0, 10, "ORG")]


def test_a_province_before_its_citys_body_stays_apart_but_not_before_a_registered_name():
    from kg.ner.places import with_org_names

    names = DivisionNames("kg_places")
    names.initialize(names=["陕西省", "渭南市", "山西省", "大宁县"], short_names={"大宁县": "大宁"})
    text = "与陕西省渭南市中级人民法院签署协议"
    assert with_org_names(text, [(1, 4, "PLACE"), (4, 13, "ORG")], names) == [(1, 4, "PLACE"), (4, 13, "ORG")]
    text = "对接了山西大宁农村商业银行"  # the province's bare name in a bank's registered name
    assert with_org_names(text, [(3, 5, "PLACE"), (5, 13, "ORG")], names) == [(3, 13, "ORG")]


def test_a_groups_mine_and_department_and_a_stations_body():
    from kg.ner.places import facilities_as_places, with_branches, without_departments

    text = "巡检机器人已在西山煤电马兰矿投用,推动霍州煤电建设智能化示范煤矿"
    model = [(7, 11, "ORG"), (19, 23, "ORG")]
    assert [text[s:e] for s, e, _ in with_branches(text, model)] == ["西山煤电马兰矿", "霍州煤电"]
    assert without_departments("太钢能源环保部负责人", [(0, 7, "ORG")]) == [(0, 2, "ORG")]
    assert facilities_as_places("来到长子县农机化技术推广站", [(2, 13, "PLACE")]) == [(2, 13, "ORG")]


def test_a_county_town_is_named_by_its_county_and_a_cemetery_is_no_place():
    from kg.ner.places import without_common_nouns, without_sections

    text = "驶出柳林县城,平定县城区,太原古县城"
    model = [(text.index(name), text.index(name) + len(name), "PLACE") for name in ("柳林县", "平定县", "太原古县")]
    assert [text[s:e] for s, e, _ in without_sections(text, model)] == ["柳林", "平定县", "太原古县"]
    assert without_sections("从闻喜县城出发", [(1, 5, "PLACE")]) == [(1, 3, "PLACE")]  # the model's span with 县城
    places = DivisionNames("kg_places")
    places.initialize(names=["偏关县", "平定县"], short_names={})
    text = "从偏关县城到平定县城区"  # and where the gazetteer finds the county
    assert [text[s:e] for s, e in place_spans(text, [], places)] == ["偏关", "平定县"]
    assert without_common_nouns("齐聚烈士陵园,化工园区", [(4, 6, "PLACE"), (7, 11, "PLACE")]) == []
    assert without_common_nouns("素有“中国醋都”之称", [(3, 5, "PLACE")]) == []  # a title, not China
    # China's civilisation and its epithets, not China (MSRA's 中华民族 stays)
    text = "实证中华文明,“华夏之根”,“中华第一关”,中华民族"
    model = [span_of(text, "中华"), span_of(text, "华夏"), (text.index("中华第一"), text.index("中华第一") + 2, "PLACE"),
             (text.index("中华民族"), text.index("中华民族") + 2, "PLACE")]
    assert without_common_nouns(text, model) == model[3:]
    assert without_common_nouns("非遗工坊,遗址宫城", [(2, 4, "PLACE"), (7, 9, "PLACE")]) == []
    # a temple's gate and a place's landscape name no mountain; a mountain's reservoir stays
    text = "崇福寺山门前,“太行山水”品牌,济源山峦,太行山水库"
    model = [span_of(text, "崇福寺山"), span_of(text, "太行山"), span_of(text, "济源山"),
             (text.rindex("太行山"), text.rindex("太行山") + 3, "PLACE")]
    assert [text[s:e] for s, e, _ in without_common_nouns(text, model)] == ["崇福寺", "太行", "济源", "太行山"]
    text = "创建省级旅游度假区,重要的铝工业基地,看一眼关城"
    assert without_common_nouns(text, [span_of(text, "旅游度假区"), span_of(text, "工业基地"), span_of(text, "关城")]) == []


def test_a_hotel_a_meeting_is_held_in_is_its_venue():
    from kg.ner.places import hotels_as_venues

    places = DivisionNames("kg_places")
    places.initialize(names=["太原市", "阳泉市"], short_names={"太原市": "太原", "阳泉市": "阳泉"})

    def labels(text, model):
        return [(text[s:e], label) for s, e, label in hotels_as_venues(text, model, places)]

    assert labels("全会在阳泉宾馆举行", [(3, 7, "ORG")]) == [("阳泉宾馆", "PLACE")]
    # the city before a hotel's own name is a place of its own, not the one the hotel is named after
    assert labels("论坛在太原迎泽宾馆隆重开幕", [(3, 9, "ORG")]) == [("太原", "PLACE"), ("迎泽宾馆", "PLACE")]
    assert labels("论坛在山西大酒店召开", [(3, 8, "ORG")]) == [("山西大酒店", "PLACE")]
    assert labels("督察组驻地设在长治宾馆", [(7, 11, "ORG")]) == [("长治宾馆", "PLACE")]
    # a hotel met in, or one that acts, is the business
    assert labels("在钓鱼台国宾馆会见客人,阳泉宾馆推出套餐", [(1, 7, "ORG"), (12, 16, "ORG")]) == [
        ("钓鱼台国宾馆", "ORG"), ("阳泉宾馆", "ORG")]


def test_a_quoted_slogan_or_a_section_s_name_is_no_foreign_person():
    from kg.ner.places import without_dotted_headings

    def persons(text, model):
        return [text[s:e] for s, e, _ in without_dotted_headings(text, model)]

    text = "2024年11月12日 星期二 第3版 能源·经济 责任编辑:石磊"
    assert persons(text, [(text.index("能源"), text.index("能源") + 5, "PERSON")]) == []
    assert persons("日报\n金融·财经\n3\n", [(3, 8, "PERSON")]) == []
    text = "以“关公故里·大美运城”为主题"
    assert persons(text, [(4, 10, "PERSON")]) == []
    text = "美国总统比尔·克林顿今天在白宫会见了来访的客人"
    assert persons(text, [(4, 10, "PERSON")]) == ["比尔·克林顿"]


def test_a_numbered_national_road_is_a_place_and_no_zone_is_named_after_it():
    from kg.ner.places import with_running_lines, with_zones

    text = "沿108国道驶入介休经济技术开发区,经208国\n道分流,车流量达2000辆"
    found = with_running_lines(text, [(1, 4, "PERSON")])
    assert [text[s:e] for s, e, _ in found] == ["108国道", "208国\n道"]
    ents = found[:1] + [(8, 10, "PLACE")]
    assert [text[s:e] for s, e, _ in with_zones(text, ents)] == ["108国道", "介休经济技术开发区"]


def test_a_shrine_a_hall_or_a_pavilion_named_after_a_place_or_a_person_is_one_place_but_not_his_excellency():
    from kg.ner.places import facilities_as_places

    text = "在藏山祠前,修缮唐叔虞祠,崇宁殿檐下,清虚阁,邓小平阁下,宫殿基址"
    ents = [(1, 3, "PLACE"), (8, 11, "PERSON"), (13, 15, "PLACE"), (19, 21, "PLACE"), (23, 26, "PERSON")]
    assert [(text[s:e], label) for s, e, label in facilities_as_places(text, ents)] == [
        ("藏山祠", "PLACE"), ("唐叔虞祠", "PLACE"), ("崇宁殿", "PLACE"), ("清虚阁", "PLACE"), ("邓小平", "PERSON")]


def test_a_temple_named_where_a_sentence_names_a_site_is_a_place():
    from kg.ner.places import with_named_temples

    text = "站在池神庙前的高台上,飞虹塔、水神庙和关帝庙景区,对余庆禅院大殿进行修缮,站在塔下,一座庙,埃及金字塔,“邓小平阁下"
    person, leader = text.index("庆禅"), text.index("邓小平")  # the model's 庆禅 inside the name goes
    found = [text[s:e] for s, e, _ in with_named_temples(text, [(person, person + 2, "PERSON"), (leader, leader + 3, "PERSON")])]
    assert found == ["池神庙", "飞虹塔", "水神庙", "关帝庙景区", "余庆禅院", "邓小平"]
    # a prefecture's city god temple is named by the prefecture, in place of the place found
    text = "上党门、潞安府城隍庙和长治市博物馆"
    assert [text[s:e] for s, e, _ in with_named_temples(text, [(4, 6, "PLACE")])] == ["潞安府城隍庙"]
    # after 的, and before what a temple has (脚下, 碑刻); not a count (仅) or a cooling tower
    text = "村口的骷髅王庙前,张上村,太阴寺脚下,盐湖的池神庙碑刻,仅城隍庙戏台,高耸的冷却塔下"
    assert [text[s:e] for s, e, _ in with_named_temples(text, [])] == ["骷髅王庙", "太阴寺", "池神庙"]


def test_a_scenic_area_reservoir_museum_ruin_or_fort_named_where_a_sentence_names_a_site_is_a_place():
    from kg.ner.places import with_named_sites

    text = ("在卦山景区,与横泉水库、百团大战纪念馆和村东的枣园遗址,分布着老营堡、得胜堡、助马堡等古堡,"
            "穿越藏山景区,探源工程的重点遗址,“桥头堡”,至德国汉堡、")
    found = [text[s:e] for s, e, _ in with_named_sites(text, [(text.index("马堡"), text.index("马堡") + 2, "PLACE")])]
    assert found == ["卦山景区", "横泉水库", "百团大战纪念馆", "枣园遗址", "得胜堡", "助马堡"]
    # and a city gate, not a door
    text = "设永泰门、清远门、武定门四座城门,平遥古城北门拱极门外,在食堂门前,扶梯、屏蔽门和消防设施,医保“送上门”"
    assert [text[s:e] for s, e, _ in with_named_sites(text, [])] == ["清远门", "拱极门"]


def test_a_village_named_right_after_its_township_is_a_place():
    from kg.ner.places import with_villages_after_townships

    text = "在端氏镇坪上村河段,砂河镇调研乡村振兴,黄寨镇村民,青羊镇东河村党支部"
    ents = [span_of(text, name) for name in ("端氏镇", "砂河镇", "黄寨镇", "青羊镇")] + [span_of(text, "东河村党支部", "ORG")]
    assert [text[s:e] for s, e, _ in with_villages_after_townships(text, ents)] == [
        "端氏镇", "坪上村", "砂河镇", "黄寨镇", "青羊镇", "东河村党支部"]


def test_a_street_in_an_old_town_is_a_place_of_its_own_but_a_site_s_park_is_the_site():
    from kg.ner.places import facilities_as_places

    text = "走在平遥古城南大街上,与晋阳古城遗址公园串联"
    ents = [(2, 4, "PLACE"), (6, 9, "PLACE"), (12, 14, "PLACE")]
    assert [text[s:e] for s, e, _ in facilities_as_places(text, ents)] == ["平遥古城", "南大街", "晋阳古城遗址公园"]


def test_the_square_before_a_temple_or_a_station_is_no_part_of_its_name_but_a_gate_s_is():
    from kg.ner.places import facilities_as_places, without_common_nouns

    text = "在后土祠广场开幕,在盂县汽车站广场举行,上党门广场"
    ents = [span_of(text, name) for name in ("后土祠", "盂县汽车站", "上党门")]
    assert [text[s:e] for s, e, _ in facilities_as_places(text, ents)] == ["后土祠", "盂县汽车站", "上党门广场"]
    assert without_common_nouns(text, [span_of(text, "广场")]) == []


def test_castles_along_a_river_and_an_old_town_in_a_district_are_no_names_of_their_own():
    from kg.ner.places import facilities_as_places

    text = "守护沁河古堡,浊漳河峡谷,在平城区古城内,逛祁县古城"
    ents = [span_of(text, name) for name in ("沁河", "浊漳河", "平城区", "祁县")]
    assert [text[s:e] for s, e, _ in facilities_as_places(text, ents)] == ["沁河", "浊漳河", "平城区", "祁县古城"]


def test_a_person_inside_a_division_name_is_a_piece_of_it():
    from kg.ner.places import without_persons_in_division_names

    names = DivisionNames("kg_places")
    names.initialize(names=["马圪当乡", "侯马市", "范长江"], short_names={})
    text = "六泉乡、马圪当乡再布局,侯马市文化和旅游局,范长江新闻奖"
    persons = [span_of(text, name, "PERSON") for name in ("马圪", "侯马市", "范长江")]
    # a "person" named as all of a word-list name without a division's suffix stays (范长江, the journalist)
    assert without_persons_in_division_names(text, persons, names) == persons[2:]


def test_a_county_before_a_pass_in_a_list_names_the_pass():
    from kg.ner.places import with_named_passes

    text = "雁门关、宁武关、偏头关,宁武关关城,宁武关注民生"
    ents = [(4, 6, "PLACE"), (12, 14, "PLACE"), (18, 20, "PLACE")]
    assert [text[s:e] for s, e, _ in with_named_passes(text, ents)] == ["宁武关", "宁武关", "宁武"]


def test_a_river_and_its_source_are_one_place_and_a_source_alone_none():
    from kg.ner.places import with_river_sources, without_common_nouns

    text = "水库上游浊漳河北源一有涨水,浊漳河的南源、西源"
    ents = [(4, 7, "PLACE"), (7, 9, "PLACE"), (14, 17, "PLACE"), (18, 20, "PLACE")]
    assert [text[s:e] for s, e, _ in without_common_nouns(text, with_river_sources(text, ents))] == [
        "浊漳河北源", "浊漳河"]


def test_a_person_before_a_cooperative_is_its_trade_name():
    from kg.ner.places import with_cooperatives_named_like_persons

    text = "如今,金穗合作社带动全村,李明说"
    ents = [(3, 5, "PERSON"), span_of(text, "李明", "PERSON")]
    assert [(text[s:e], label) for s, e, label in with_cooperatives_named_like_persons(text, ents)] == [
        ("金穗合作社", "ORG"), ("李明", "PERSON")]


def test_a_compass_point_that_says_which_way_is_no_place():
    from kg.ner.places import without_common_nouns

    text = "向东北行驶约20公里,木塔位于县城西北的佛宫寺,东北地区"
    ents = [(1, 3, "PLACE"), span_of(text, "西北"), (text.rindex("东北"), text.rindex("东北") + 2, "PLACE")]
    assert without_common_nouns(text, ents) == ents[2:]


def test_a_hamlet_named_for_its_clan_is_no_person():
    from kg.ner.places import hamlets_named_like_persons

    text = "再去王家峪、砖壁,王家卫说"
    ents = [(2, 5, "PERSON"), (9, 12, "PERSON")]
    assert hamlets_named_like_persons(text, ents) == [(2, 5, "PLACE"), (9, 12, "PERSON")]


def test_a_body_ends_before_what_it_does():
    from kg.ner.places import without_verb_tails

    text = "推介会前,市投资促进中心组织考察团走访,寿阳县委组织部有关负责人"
    ents = [(5, 17, "ORG"), (text.index("寿阳"), text.index("有关"), "ORG")]
    assert [text[s:e] for s, e, _ in without_verb_tails(text, ents)] == ["市投资促进中心", "寿阳县委组织部"]


def test_villages_listed_with_a_mark_are_places():
    from kg.ner.places import with_listed_villages

    text = "带动庄上村、寨则坪村等12个村,对池底村、南赛村的闲置农房进行改造"
    model = [span_of(text, "寨则", "PERSON")]
    assert [text[s:e] for s, e, _ in with_listed_villages(text, model)] == ["庄上村", "寨则坪村", "池底村", "南赛村"]
    # not kinds of village, goods going to villages, nor a village with its township
    text = "建设示范村、美丽村,推动山货出村、快递进村,与稷峰镇姚村、南阳村签约"
    assert with_listed_villages(text, []) == []
    # nor where nothing bounds the first village's name, or a name found crosses an item
    assert with_listed_villages("村民说起长崖子村、甘沟村", []) == []
    text = "周边的大寨村、武家坪村"
    model = [span_of(text, "大寨村、武", "ORG")]
    assert with_listed_villages(text, model) == model


def test_a_community_after_its_street_is_a_place():
    from kg.ner.places import with_communities_after_townships

    text = "走进巨轮街道光华社区的矿机东院,巨轮街道五一路社区把锅炉房改成食堂,朝阳镇北关社区党委书记"
    model = [span_of(text, "巨轮街道", "PLACE"), span_of(text, "巨轮街道", "PLACE", after=10),
             span_of(text, "五一路", "PLACE"), span_of(text, "朝阳镇", "PLACE")]
    assert [text[s:e] for s, e, _ in with_communities_after_townships(text, model)] == [
        "巨轮街道", "光华社区", "巨轮街道", "五一路社区", "朝阳镇"]  # 北关社区党委 is a body, named elsewhere


@pytest.fixture(scope="module")
def kin():
    divisions = DivisionNames("kg_places")
    divisions.initialize(names=["山西省", "晋中市", "介休市", "平遥县", "小店区", "陕西省", "延安市", "延长县"],
                         short_names={"山西省": "山西", "晋中市": "晋中", "介休市": "介休", "平遥县": "平遥",
                                      "小店区": "小店", "陕西省": "陕西", "延安市": "延安", "延长县": "延长"},
                         prefectures=["晋中", "延安"],
                         prefecture_kin={"山西省": ["晋中"], "陕西省": ["延安"], "介休市": ["晋中"],
                                         "平遥县": ["晋中"], "小店区": ["晋中"], "延长县": ["延安"]})
    return DivisionKin.of(divisions)


def test_a_page_that_names_a_division_makes_its_kin_safe(kin):
    # a city's counties (not 小店, a small shop), a county's city, a province's cities
    assert kin.safe_shorts(["晋中市"]) == {"介休": "介休市", "平遥": "平遥县"}
    assert kin.safe_shorts(["平遥县"]) == {"晋中": "晋中市"}
    assert kin.safe_shorts(["山西省"]) == {"晋中": "晋中市"}
    assert kin.safe_shorts(["长治市"]) == {}  # a division it does not know


def test_only_the_pages_own_province_makes_kin_safe(kin):
    # a Shanxi page that names 延安 once: 延长 (to lengthen) stays a word
    assert "延长" not in kin.safe_shorts(["晋中市", "平遥县", "延安市"])
    assert "延长" in kin.safe_shorts(["延安市"])


def test_the_page_finds_its_neighbours_by_their_short_names(kin):
    text = "晋中市文旅局发布消息,来自介休的游客在平遥参观,时间延长了"
    found = [Mention(0, 6, "晋中市文旅局", "ORG")]
    assert [(m.text, m.canonical) for m in with_repeats(text, found, kin.short_names, kin)[1:]] == [
        ("介休", "介休市"), ("平遥", "平遥县")]
