"""The NER model's parts that need no trained model: features, corpus, pieces, scores."""

import json
from pathlib import Path

import numpy
import pytest
from spacy.vocab import Vocab

from kg.mention import Mention
from kg.ner import (persons_named_as_divisions, split_pieces, with_bylines, with_historical_persons, with_short_forms,
                    with_leaders,
                    with_quoted_projects, with_repeats, without_address_forms, without_latin_persons,
                    without_insides, without_names_across_spaces, without_page_names, without_reign_years, without_sayings,
                    without_sources_and_grades, without_trailing_adverbs)
from kg.ner.components import doc_pieces
from kg.ner.corpus import (bio_spans, char_doc, name_lists, read_bio, read_cluener, read_markup, read_pages,
                           with_new_names)
from kg.ner.evaluate import span_scores
from kg.ner.features import (FEATURES, add_lexicon, batch_features, char_class, fold, lexicon_keys, text_features,
                             vocab_lexicon)


def test_fold_maps_widths_and_digits_one_to_one():
    assert fold("，（１７％）ＡＢ") == ",(00%)ab"
    assert fold("2025年") == "0000年"
    assert len(fold("全角　空格")) == len("全角　空格")


def test_same_features_for_full_and_half_width_text():
    assert numpy.array_equal(text_features("长治市，（２０２４）"), text_features("长治市,(2024)"))


def test_features_see_neighbours():
    rows = text_features("长治市")
    assert rows.shape == (3, len(FEATURES))
    # same character, different left neighbour: same unigram, different bigram
    other = text_features("大治")
    assert rows[1, 0] == other[1, 0] and rows[1, 1] != other[1, 1]


def test_lexicon_feature_marks_where_words_start_end_and_run_across():
    lexicon = lexicon_keys(["长治", "长治市", "治市", "太原市委"])
    bits = text_features("山西长治市委", lexicon)[:, len(FEATURES)]
    # 长: 长治 and 长治市 start (1 | 2); 治: 长治 ends, 治市 starts, inside 长治市 (8 | 1 | 64);
    # 市: 长治市 and 治市 end (16 | 8); 太原市委 is not in the text
    assert bits.tolist() == [0, 0, 3, 73, 24, 0]


def test_lexicon_feature_folds_like_the_others():
    lexicon = lexicon_keys(["ＡＢ公司", "2024年"])
    assert numpy.array_equal(text_features("ab公司,1999年", lexicon), text_features("ＡＢ公司，１９９９年", lexicon))
    assert text_features("ab公司", lexicon)[0, len(FEATURES)] == 4  # a word of 4+ characters starts


def test_a_batch_gives_each_text_the_features_it_has_alone():
    lexicon = lexicon_keys(["治市"])
    texts = ["长治", "市长", "", "治市"]  # 治市 across the first two must not count
    batch = batch_features(texts, lexicon)
    assert [rows.shape[0] for rows in batch] == [2, 2, 0, 2]
    for text, rows in zip(texts, batch):
        alone = text_features(text, lexicon)
        assert numpy.array_equal(rows, alone)
    assert batch[0][:, len(FEATURES)].tolist() == [0, 0] and batch[3][:, len(FEATURES)].tolist() == [1, 8]


def test_lexicon_lives_in_the_vocab():
    vocab = Vocab()
    with pytest.raises(ValueError, match="no kg_lexicon table"):
        vocab_lexicon(vocab)
    add_lexicon(vocab, ["长治", "太原"])
    assert len(vocab_lexicon(vocab)) == 2
    add_lexicon(vocab, ["长治"])  # replaced, not stale
    assert len(vocab_lexicon(vocab)) == 1


def test_class_feature_is_the_char_class_of_each_character():
    text = "长治 市,ab０9\u3000𠀀😀\t"  # with characters beyond U+FFFF
    ids = {"space": 1, "han": 2, "digit": 3, "latin": 4, "punct": 5, "other": 6}
    assert text_features(text)[:, 3].tolist() == [ids[char_class(c)] for c in fold(text)]


def test_char_class():
    assert [char_class(c) for c in "长0a,\n"] == ["han", "digit", "latin", "punct", "space"]


def test_bio_spans_map_msra_labels():
    tags = ["B-PER", "I-PER", "O", "B-LOC", "B-ORG", "I-ORG", "I-LOC"]
    assert bio_spans(tags) == [(0, 2, "PERSON"), (3, 4, "PLACE"), (4, 6, "ORG"), (6, 7, "PLACE")]


def test_read_bio(tmp_path: Path):
    path = tmp_path / "x.bio"
    path.write_text("王\tB-PER\n五\tI-PER\n好\tO\n\n北\tB-LOC\n京\tI-LOC\n", encoding="utf-8")
    assert list(read_bio(path)) == [("王五好", [(0, 2, "PERSON")]), ("北京", [(0, 2, "PLACE")])]


def test_name_lists_are_labelled_names_from_the_sentences():
    sentences = [("记者张建勤报道", [(2, 5, "PERSON")]), ("王蒙和李鹏在北京", [(0, 2, "PERSON"), (3, 5, "PERSON"), (6, 8, "PLACE")])]
    lists = name_lists(sentences, 20)
    assert len(lists) == 20
    for text, spans in lists:
        names = [text[start:end] for start, end, _ in spans]
        assert len(names) >= 2 and set(names) <= {"张建勤", "王蒙", "李鹏"}
        assert {label for *_, label in spans} == {"PERSON"}
        assert "北京" not in text
    assert name_lists(sentences, 20) == lists  # seeded: the same corpus every run


def test_renamed_copies_give_persons_new_names_and_keep_the_rest():
    sentences = [("记者张建勤报道", [(2, 5, "PERSON")]),
                 ("王蒙和李鹏在北京市见到王蒙", [(0, 2, "PERSON"), (3, 5, "PERSON"), (6, 9, "PLACE"), (11, 13, "PERSON")]),
                 ("山西省和太原市", [(0, 3, "PLACE"), (4, 7, "PLACE")]), ("没有名字", [])]
    copies = with_new_names(sentences * 20, share=1.0, rename=1.0)
    assert len(copies) == 40  # every sentence with a person, no other
    for text, spans in copies:
        names = [(text[start:end], label) for start, end, label in spans]
        for name, label in names:
            if label == "PERSON":  # a surname and someone's given name
                assert name[0] in "张王李" and name[1:] in {"建勤", "蒙", "鹏"}
            else:
                assert name == "北京市"
        if len(names) == 4:
            assert names[0] == names[3]  # a name said twice is renamed the same way
            assert text.endswith("在北京市见到" + names[3][0])
    assert {text[s:e] for text, spans in copies for s, e, label in spans} - {"张建勤", "王蒙", "李鹏", "北京市"}
    assert with_new_names(sentences * 20, share=1.0, rename=1.0) == copies  # seeded


def test_annotated_pages_are_taught_as_the_tagger_cuts_them(tmp_path: Path):
    page = tmp_path / "page.ann.txt"
    page.write_text("@@ARTICLE@@\n本报讯(记者 [[王小\n明|PERSON]])[[太原市|PLACE]]启动[[“清风”行动|PROJECT]]。\n"
                    "[[市委|ORG]]召开会议。\n", encoding="utf-8")
    text, spans = read_markup(page)
    assert [text[start:end] for start, end, _ in spans] == ["王小\n明", "太原市", "“清风”行动", "市委"]
    # cleaned as `kg ner` cleans (space dropped, brackets full-width) and cut into its lines; this
    # page is too short to read as a PDF column, so its line break stays and splits the name
    assert read_pages([page]) == [
        ("本报讯（记者王小", [(6, 8, None)]),  # half a name: neither taught nor untaught
        ("明）太原市启动“清风”行动。", [(0, 1, None), (2, 5, "PLACE"), (7, 13, None)]),  # a rule's label: missing
        ("市委召开会议。", [(0, 2, "ORG")])]


def test_read_cluener_maps_types_and_leaves_addresses_missing(tmp_path: Path):
    record = {"text": "浙商银行在北京市海淀区招聘，叶老桂说", "entity_list": [
        {"entity_type": "company", "entity": "浙商银行", "entity_index": {"begin": 0, "end": 4}},
        {"entity_type": "address", "entity": "北京市海淀区", "entity_index": {"begin": 5, "end": 11}},
        {"entity_type": "name", "entity": "叶老桂", "entity_index": {"begin": 14, "end": 17}},
        {"entity_type": "position", "entity": "行长", "entity_index": {"begin": 17, "end": 18}}]}
    path = tmp_path / "train.jsonl"
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    ((text, spans),) = read_cluener(path)
    assert spans == [(0, 4, "ORG"), (5, 11, None), (14, 17, "PERSON")]
    doc = char_doc(Vocab(), text, spans)
    assert [(e.text, e.label_) for e in doc.ents] == [("浙商银行", "ORG"), ("叶老桂", "PERSON")]
    assert [t.ent_iob_ for t in doc[5:11]] == [""] * 6  # missing: no loss either way
    assert doc[11].ent_iob_ == "O"


def test_doc_pieces_cut_at_every_boundary():
    assert doc_pieces("长治市委书记", {0, 3, 4, 6, 99}) == ["长治市", "委", "书记"]


@pytest.mark.parametrize("length", [20, 40])
def test_split_pieces_cover_the_text_and_prefer_sentence_ends(length):
    text = "第一句话。第二句话很长很长。\n第三句！" * 5
    pieces = list(split_pieces(text, length=length))
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(pieces, pieces[1:]))
    assert all(text[end - 1] in "。！\n" for _, end in pieces[:-1])


def test_split_pieces_without_sentence_ends_cut_at_commas_not_inside_names():
    text = "委员：" + "李鹏乔石（女）李瑞环" * 30
    pieces = list(split_pieces(text, length=100))
    assert all(text[end - 1] in "：）" for _, end in pieces[:-1])


def test_names_found_once_are_found_everywhere_in_the_text():
    text = "浊漳河发源于此。浊漳河水更丰,浊漳河流域的王。王说"
    found = [Mention(0, 3, "浊漳河", "PLACE"), Mention(15, 20, "浊漳河流域", "PLACE"), Mention(21, 22, "王", "PERSON")]
    repeats = with_repeats(text, found)
    assert [(m.start, m.text) for m in repeats] == [(0, "浊漳河"), (8, "浊漳河"), (15, "浊漳河流域"), (21, "王")]
    # rule labels, one-character names and two-character organisations are not repeated
    assert with_repeats("《细则》和细则", [Mention(1, 3, "细则", "DOC")]) == [Mention(1, 3, "细则", "DOC")]
    assert len(with_repeats("中心,中心", [Mention(0, 2, "中心", "ORG")])) == 1
    # nor the generic head of a named organisation
    text = "田村日间照料中心。日间照料中心,日间照料中心"
    found = [Mention(0, 8, "田村日间照料中心", "ORG"), Mention(9, 15, "日间照料中心", "ORG")]
    assert with_repeats(text, found) == found
    # a prefecture named as such (长治地区) names its city
    text = "长治地区最大的河流,长治实践"
    found = [Mention(0, 4, "长治地区", "PLACE")]
    assert with_repeats(text, found, {"长治市": "长治"})[1:] == [Mention(10, 12, "长治", "PLACE", "长治市")]
    # a county paper names its county in full only in a body's name or a title
    text = "沁源县人民政府印发《沁源县林长制工作考核办法》,贡献沁源力量"
    found = [Mention(0, 7, "沁源县人民政府", "ORG"), Mention(10, 22, "沁源县林长制工作考核办法", "DOC")]
    assert with_repeats(text, found, {"沁源县": "沁源"})[2:] == [Mention(26, 28, "沁源", "PLACE", "沁源县")]


def test_a_section_name_is_no_entity_but_a_county_page_keeps_its_county():
    text = "2024年9月10日 星期四 第3版 县域·民生 责任编辑:乔瑞\n县域·民生 3\n第2版 平遥\n平遥古城"
    section, county = text.index("县域·民生"), text.rindex("平遥")
    found = [Mention(section, section + 5, "县域·民生", "ORG"), Mention(text.index("\n") + 1, text.index("\n") + 6, "县域·民生", "ORG"),
             Mention(county, county + 2, "平遥", "PLACE")]
    assert without_page_names(text, found) == found[2:]


def test_a_place_used_as_a_modifier_is_not_repeated():
    text = "中国经济,中国式现代化,走向中国,其中国家级示范社,“中国醋都”,探源“最早中国”,‘最初的中国’"
    found = [Mention(0, 2, "中国", "PLACE")]
    # nor across 其中 + 国家, in a title, or as the archaeologists' earliest China
    assert [m.start for m in with_repeats(text, found)] == [0, 14]


def test_a_city_in_an_idiom_is_not_repeated():
    text = "长治市委要求,确保社会长治久安,长治人民"
    found = [Mention(0, 4, "长治市委", "ORG")]
    assert [m.text for m in with_repeats(text, found, {"长治市": "长治"})] == ["长治市委", "长治"]


def test_a_quoted_project_is_found_where_the_page_quotes_its_name_again():
    text = "实施“一泓清水\n入黄河”工程。\n推动“一泓清水入黄河”\n实现“一\n泓清水入黄河”"
    found = [Mention(3, 11, "一泓清水\n入黄河", "PROJECT"), Mention(24, 26, "黄河", "PLACE")]
    assert [(m.text, m.label) for m in with_quoted_projects(text, found)] == [
        ("一泓清水\n入黄河", "PROJECT"), ("一泓清水入黄河", "PROJECT"), ("一\n泓清水入黄河", "PROJECT")]


def test_a_company_named_in_full_is_found_by_its_short_form():
    text = "山西诚信种业有限公司、中国铝业股份有限公司、山西建设有限公司。与诚信种业、中国铝业、建设合作,借助金兰"

    def at(name, label, nth=0):
        start = text.index(name, text.index(name) + 1) if nth else text.index(name)
        return Mention(start, start + len(name), name, label)

    full = [at("山西诚信种业有限公司", "ORG"), at("中国铝业股份有限公司", "ORG"), at("山西建设有限公司", "ORG")]
    found = with_short_forms(text, full + [at("诚信", "PERSON", 1)], {"山西省": "山西"})
    # the place prefix and the legal ending go; a rest shorter than four characters (建设) is no name
    assert found == full + [at("诚信种业", "ORG", 1), at("中国铝业", "ORG", 1)]


def test_a_long_company_name_is_also_shortened_to_its_first_four_characters():
    text = "山西同泰储能科技有限公司投产。同泰储能总经理说,山西文化旅游投资有限公司推动文化旅游"
    full = [Mention(0, 12, text[:12], "ORG"), Mention(24, 36, text[24:36], "ORG")]
    found = with_short_forms(text, full, {"山西省": "山西"})
    # not 文化旅游, a common phrase
    assert [m.text for m in found] == ["山西同泰储能科技有限公司", "同泰储能", "山西文化旅游投资有限公司"]


def test_a_short_form_the_model_read_as_a_person_is_the_company_but_a_place_stays():
    text = "山西汾源藜麦食品有限公司投产。汾源藜麦带动农户,皇城相府旅游有限公司经营皇城相府"
    full = [Mention(0, 12, text[:12], "ORG"), Mention(15, 19, "汾源藜麦", "PERSON"),
            Mention(24, 34, text[24:34], "ORG"), Mention(36, 40, "皇城相府", "PLACE")]
    found = with_short_forms(text, full, {"山西省": "山西"})
    assert [(m.text, m.label) for m in found] == [
        ("山西汾源藜麦食品有限公司", "ORG"), ("汾源藜麦", "ORG"), ("皇城相府旅游有限公司", "ORG"), ("皇城相府", "PLACE")]


def test_a_shop_like_trade_name_is_a_short_form_and_takes_a_company_word_after_it():
    text = "山西晋香源油脂有限公司投产。晋香源带动合作社,晋香源公司负责人说,山西晋中华强有限公司"
    full = [Mention(0, 11, text[:11], "ORG"), Mention(14, 17, "晋香源", "PERSON"), Mention(33, 43, text[33:43], "ORG")]
    found = with_short_forms(text, full, {"山西省": "山西"})
    # a third character that ends no shop's name makes no short form (晋中华强: 晋中华)
    assert [(m.text, m.label) for m in found] == [
        ("山西晋香源油脂有限公司", "ORG"), ("晋香源", "ORG"), ("晋香源公司", "ORG"), ("山西晋中华强有限公司", "ORG")]



def test_a_short_form_is_its_longest_form_and_may_hold_a_line_break():
    text = "山西晋芯微电子科技有限公司投产。晋芯微电子总经理说,晋芯微\n电子的订单"
    found = with_short_forms(text, [Mention(0, 13, text[:13], "ORG")], {"山西省": "山西"})
    assert [m.text for m in found] == ["山西晋芯微电子科技有限公司", "晋芯微电子", "晋芯微\n电子"]


def test_a_short_form_the_page_defines_is_found_in_its_quotes_too():
    text = "山西天恒氢能装备有限公司(以下简称“天恒氢能”)投资建设,天恒氢能计划三年内投产"
    found = with_short_forms(text, [Mention(0, 12, text[:12], "ORG")], {"山西省": "山西"})
    assert [(m.text, m.start) for m in found] == [(text[:12], 0), ("天恒氢能", text.index("“") + 1),
                                                ("天恒氢能", text.rindex("天恒氢能"))]
    # a PDF line break inside the definition: the short form is the name without it
    text = "山西瑞驰新能源汽车零部件有限公司(以下简称“瑞驰零\n部件”)的车间,瑞驰零部\n件总经理,瑞驰零部件与"
    found = with_short_forms(text, [Mention(0, 16, text[:16], "ORG")], {"山西省": "山西"})
    assert [m.text for m in found] == [text[:16], "瑞驰零\n部件", "瑞驰零部\n件", "瑞驰零部件"]


def test_a_short_form_is_no_generic_body():
    text = "太原市轨道交通发展有限公司介绍,省会轨道交通将由一条线变成十字"
    found = with_short_forms(text, [Mention(0, 13, text[:13], "ORG")], {"太原市": "太原"})
    assert [m.text for m in found] == [text[:13]]  # not 轨道交通, the trade
    text = "山西新能源汽车工业有限公司生产部,新能源汽车产业链"
    found = with_short_forms(text, [Mention(0, 13, text[:13], "ORG")], {"山西省": "山西"})
    assert [m.text for m in found] == [text[:13]]  # not 新能源汽, the start of "new-energy vehicles"


def test_a_short_form_inside_a_saying_is_no_name():
    from kg.ner import page_conventions

    text = "在山西沁州黄小米（集团）有限公司的谷田里,檀山村是沁州黄小米的原产地"
    company = Mention(1, 16, text[1:16], "ORG")
    found = page_conventions(text, [company, Mention(21, 24, "檀山村", "PLACE")], {"山西省": "山西"})
    assert [m.text for m in found] == [company.text, "檀山村"]


def test_a_company_that_starts_a_project_name_is_found_by_its_short_form():
    text = "山西云岭光伏科技有限公司2GW电池项目计划投资42亿元,云岭光伏生产车间"
    project = Mention(0, 18, text[:18], "PROJECT")
    found = with_short_forms(text, [project], {"山西省": "山西"})
    assert [m.text for m in found] == [project.text, "云岭光伏"]


def test_a_named_local_body_is_found_without_its_district():
    text = "尖草坪区南寨区域党群服务中心。来南寨区域党群服务中心办事,社区党群服务中心"
    full = Mention(0, 14, "尖草坪区南寨区域党群服务中心", "ORG")
    generic = Mention(text.rindex("社区"), len(text), "社区党群服务中心", "ORG")
    found = with_short_forms(text, [full, generic], {"尖草坪区": "尖草坪"})
    assert [m.text for m in found] == ["尖草坪区南寨区域党群服务中心", "南寨区域党群服务中心", "社区党群服务中心"]
    # a generic body is no short form: 太原市社区党群服务中心 gives nothing
    text = "太原市社区党群服务中心,社区党群服务中心"
    found = [Mention(0, 11, text[:11], "ORG")]
    assert with_short_forms(text, found, {"太原市": "太原"}) == found


def test_a_place_found_by_its_full_name_is_found_by_its_short_name_too():
    text = "推动大同市高质量发展,符合大同实际"
    found = [Mention(2, 5, "大同市", "PLACE")]
    assert with_repeats(text, found, {"大同市": "大同"})[1:] == [Mention(13, 15, "大同", "PLACE", "大同市")]
    assert with_repeats(text, found) == found


@pytest.mark.parametrize("text, names", [
    ("□ 本报记者 马慧荣\n社会保障", ["马慧荣"]),
    ("本报讯 记者刘婷婷 通讯员杨柳青报道:塔吊林立", ["刘婷婷", "杨柳青"]),
    ("本报记者 于宏 通讯员 赵多献摄", ["于宏", "赵多献"]),
    ("(记者 郑苗苗) 11月14日", ["郑苗苗"]),
    ("选购心仪的商品。牛利敏 摄", ["牛利敏"]),
    ("记者王昕摄", ["王昕"]),
    ("(记者 刘泽宇 通讯员 张\n海军)记者从", ["刘泽宇", "张\n海军"]),  # a PDF's line break inside the name
    ("记者跟随县水利局副局长", []),
    ("近日，记者在太原市杏花岭区", []),
])
def test_byline_names_are_persons(text, names):
    assert [(m.text, m.label) for m in with_bylines(text, [])] == [(name, "PERSON") for name in names]


def test_a_byline_name_replaces_the_model_span_it_overlaps():
    text = "本报记者 马慧荣"
    assert with_bylines(text, [Mention(5, 7, "马慧", "PERSON")]) == [Mention(5, 8, "马慧荣", "PERSON")]


def test_split_pieces_of_empty_text():
    assert list(split_pieces("")) == [(0, 0)]


def test_span_scores_exact_match_per_label():
    gold = [[(0, 2, "PERSON"), (3, 5, "PLACE")], [(0, 3, "ORG")]]
    predicted = [[(0, 2, "PERSON"), (3, 4, "PLACE"), (6, 9, "PROJECT")], [(0, 3, "ORG")]]
    scores = span_scores(gold, predicted)
    assert scores["per_label"]["PERSON"]["f"] == 1.0
    assert scores["per_label"]["PLACE"] == {"p": 0.0, "r": 0.0, "f": 0.0, "tp": 0, "fp": 1, "fn": 1}
    assert scores["micro"]["tp"] == 2 and scores["micro"]["fp"] == 1  # PROJECT ignored


def test_a_dynasty_and_its_reign_before_a_year_are_no_person_and_inclusive_finance_is_no_name():
    text = "建于唐大中十一年,宋江三年后"
    found = [Mention(2, 5, "唐大中", "PERSON"), Mention(9, 11, "宋江", "PERSON")]
    assert without_reign_years(text, found) == found[1:]
    assert without_sayings("发展普惠金融", [Mention(2, 4, "普惠", "PERSON")]) == []
    assert without_sayings("千年古堡焕新颜", [Mention(2, 7, "古堡焕新颜", "PERSON")]) == []
    text = "城墙周长7.24公里,守护黄河安澜"
    assert without_sayings(text, [Mention(2, 4, "周长", "PERSON"), Mention(15, 17, "安澜", "PERSON")]) == []


def test_a_place_one_is_inside_is_no_person():
    found = [Mention(3, 6, "田野里", "PERSON"), Mention(7, 10, "牛舍里", "PERSON"), Mention(11, 14, "余秋里", "PERSON")]
    assert without_insides(found) == found[2:]


def test_where_a_reporter_learnt_the_news_is_no_person_and_a_marathon_is_a_race():
    text = "记者从会上\n获悉,张明从容应对"
    found = [Mention(2, 5, "从会上", "PERSON"), Mention(9, 12, "张明从", "PERSON")]
    assert without_sources_and_grades(text, found) == found[1:]
    assert without_sources_and_grades("高二学生正分组实验", [Mention(0, 2, "高二", "PERSON")]) == []
    assert without_sources_and_grades("高二学生张梓轩说", [Mention(0, 4, "高二学生", "PERSON")]) == []
    assert without_sayings("半程马拉松冠军", [Mention(2, 5, "马拉松", "PERSON")]) == []


def test_a_person_s_name_holds_chinese_characters():
    found = [Mention(3, 8, "bwhzk", "PERSON"), Mention(9, 11, "王刚", "PERSON"), Mention(12, 15, "CBD", "PLACE")]
    assert without_latin_persons(found) == found[1:]


def test_address_forms_are_not_persons():
    text = "年近80岁的王大妈说,陈阿姨赞不绝口,吴师傅和王大明"
    found = [Mention(6, 8, "王大", "PERSON"), Mention(11, 13, "陈阿", "PERSON"),
             Mention(19, 22, "吴师傅", "PERSON"), Mention(23, 26, "王大明", "PERSON")]
    assert without_address_forms(text, found) == [Mention(23, 26, "王大明", "PERSON")]
    text = "老张怎么也不敢相信,张华说,的哥吴师傅和陈阿姨,江主席"
    found = [Mention(1, 2, "张", "PERSON"), Mention(10, 12, "张华", "PERSON"), Mention(16, 17, "吴", "PERSON"),
             Mention(20, 21, "陈", "PERSON"), Mention(24, 25, "江", "PERSON")]
    assert without_address_forms(text, found) == [Mention(10, 12, "张华", "PERSON"), Mention(24, 25, "江", "PERSON")]
    # the anonymised parties of court news
    text = "原告王某与被告李某某,王某明"
    found = [Mention(2, 3, "王", "PERSON"), Mention(7, 9, "李某", "PERSON"), Mention(11, 14, "王某明", "PERSON")]
    assert without_address_forms(text, found) == [Mention(11, 14, "王某明", "PERSON")]
    # the office before its head's title: 艺术科 + 科长
    text = "市文旅局艺术科科长孟雪梅"
    found = [Mention(6, 7, "科", "PERSON"), Mention(9, 12, "孟雪梅", "PERSON")]
    assert without_address_forms(text, found) == found[1:]
    # the citizens a local page quotes by surname (the guidelines' address forms), not a full name
    text = "游客王女士说,李先生和孙中山先生"
    found = [Mention(2, 3, "王", "PERSON"), Mention(7, 8, "李", "PERSON"), Mention(11, 14, "孙中山", "PERSON")]
    assert without_address_forms(text, found) == [Mention(11, 14, "孙中山", "PERSON")]


def test_no_name_across_a_space_except_a_padded_two_character_person():
    found = [Mention(6, 10, "程 新伟", "PERSON"), Mention(20, 23, "王　刚", "PERSON"),
             Mention(30, 34, "山西 太原", "PLACE"), Mention(40, 43, "马慧荣", "PERSON"),
             Mention(50, 58, "恒山美食 游古城", "PLACE"), Mention(60, 68, "国道 208 线改线工程", "PROJECT"),
             Mention(70, 81, "千亩梨园飘果香 丰收节", "EVENT")]
    assert without_names_across_spaces(found) == [found[1], found[3], found[5]]
    # a line break is where a PDF column broke the name, which cleaning joined for the model
    broken = [Mention(90, 94, "贺志\n刚", "PERSON")]
    assert without_names_across_spaces(broken) == broken
    # a quoted slogan's halves stand apart inside one name
    slogan = [Mention(0, 17, "“文明交通 礼让斑马线”集中整治行动", "PROJECT"), Mention(20, 33, "园区“扩容提质” 项目", "PROJECT")]
    assert without_names_across_spaces(slogan) == slogan[:1]


def test_national_leaders_are_persons_except_inside_titles():
    text = "习近平总书记考察山西,学习《习近平谈治国理政》"
    found = [Mention(1, 3, "近平", "ORG"), Mention(7, 9, "山西", "PLACE"), Mention(13, 21, "习近平谈治国理政", "DOC")]
    assert with_leaders(text, found) == [Mention(0, 3, "习近平", "PERSON"), *found[1:]]


def test_persons_of_history_are_persons_and_name_their_sites():
    def tagged(text, found=()):
        return [(m.text, m.label) for m in with_historical_persons(text, list(found))]

    def at(text, name, label):
        start = text.index(name)
        return Mention(start, start + len(name), name, label)

    # the model's run-on person and the place it read in a princess are the persons
    text = "门客程婴携孤儿赵武藏匿于此,相传唐代平阳公主曾率娘子军"
    assert tagged(text, [at(text, "赵武藏", "PERSON"), at(text, "平阳", "PLACE")]) == [
        ("程婴", "PERSON"), ("赵武", "PERSON"), ("平阳公主", "PERSON")]
    # a site named after one is a place, also over a line break; a title in 《》 and a longer name are not
    text = "参观于成龙故居和于成龙廉\n政文化园,读《荀子》,朱德华说"
    assert tagged(text, [at(text, "朱德华", "PERSON")]) == [
        ("于成龙故居", "PLACE"), ("于成龙廉\n政文化园", "PLACE"), ("朱德华", "PERSON")]
    # a meeting the rules found from inside the name starts with it, and with its edition
    text = "第五届于成龙廉政文化论坛举行"
    assert tagged(text, [at(text, "成龙廉政文化论坛", "EVENT")]) == [("第五届于成龙廉政文化论坛", "EVENT")]
    # 左权 is the general beside a title or in a list of persons, else the county
    text = "朱德、彭德怀、左权等在此,副参谋长左权殉国,左权县和左权的核桃"
    assert tagged(text, [at(text, "左权县", "PLACE")]) == [
        ("朱德", "PERSON"), ("彭德怀", "PERSON"), ("左权", "PERSON"), ("左权", "PERSON"), ("左权县", "PLACE")]


def test_the_words_of_a_saying_are_no_names():
    text = "绿水青山就是金山银山,建设和美乡村,金山银行"
    beauty = text.index("美")
    found = [Mention(6, 10, "金山银山", "PERSON"), Mention(beauty, beauty + 1, "美", "PLACE"),
             Mention(18, 21, "金山银", "PERSON")]
    assert without_sayings(text, found) == found[2:]
    # nor a person read in the words of forests or wellness
    text = "建设森林康养步道,签订林业碳汇协议,朱森林说"
    found = [Mention(3, 5, "林康", "PERSON"), Mention(11, 14, "林业碳", "PERSON"), Mention(18, 21, "朱森林", "PERSON")]
    assert without_sayings(text, found) == found[2:]
    # nor in the cold chain, a hall's beams or the tourism along the Yellow River
    text = "6个冷链集装箱,查看梁架,沿黄文旅融合"
    found = [Mention(2, 4, "冷链", "PERSON"), Mention(10, 12, "梁架", "PERSON"), Mention(14, 16, "黄文", "PERSON")]
    assert without_sayings(text, found) == []
    # nor "in the town" in a quote, daybreak or stilts; a person named 天刚 stays one
    text = "书记说,镇里正依托古村,天刚蒙蒙亮,踩高跷,李天刚说"
    found = [Mention(4, 7, "镇里正", "PERSON"), Mention(12, 14, "天刚", "PERSON"), Mention(19, 21, "高跷", "PERSON"),
             Mention(22, 25, "李天刚", "PERSON")]
    assert without_sayings(text, found) == found[3:]


def test_a_four_character_person_ending_in_an_adverb_is_the_name_before_it():
    assert without_trailing_adverbs([Mention(5, 9, "王金锁刚", "PERSON"), Mention(12, 15, "贺志刚", "PERSON")]) == [
        Mention(5, 8, "王金锁", "PERSON"), Mention(12, 15, "贺志刚", "PERSON")]
    # a name a PDF column broke is three characters
    assert without_trailing_adverbs([Mention(0, 4, "贺志\n刚", "PERSON")]) == [Mention(0, 4, "贺志\n刚", "PERSON")]


def test_everyone_in_a_bracketed_credit_is_a_person():
    text = "本报讯（通讯员 薛晓峰 卫丽娜）以前,（通讯员供图）"
    assert [m.text for m in with_bylines(text, [])] == ["薛晓峰", "卫丽娜"]
    assert [m.text for m in with_bylines("（本报记者李舸摄）江泽民", [])] == ["李舸"]


def test_a_place_repeated_before_a_company_name_is_the_company():
    text = "阳泉市的企业。位于开发区的阳泉华鑫智能装备有限公司"
    repeats = with_repeats(text, [Mention(0, 3, "阳泉市", "PLACE")], {"阳泉市": "阳泉"})
    assert [(m.text, m.label) for m in repeats] == [("阳泉市", "PLACE"), ("阳泉华鑫智能装备有限公司", "ORG")]
    # or another body's, though not a verb's object
    text = "阳泉市的学校。阳泉职业技术学院和阳泉争创国家级数据中心"
    repeats = with_repeats(text, [Mention(0, 3, "阳泉市", "PLACE")], {"阳泉市": "阳泉"})
    assert [(m.text, m.label) for m in repeats][1:] == [("阳泉职业技术学院", "ORG"), ("阳泉", "PLACE")]
    # or a facility's
    text = "平型关红色旅游。平型关景区接待游客"
    repeats = with_repeats(text, [Mention(0, 3, "平型关", "PLACE")])
    assert [(m.text, m.label) for m in repeats] == [("平型关", "PLACE"), ("平型关景区", "PLACE")]
    # or a body's, in place of the body found without it
    text = "郊区、矿区。郊区区委和郊区人民政府"
    repeats = with_repeats(text, [Mention(0, 2, "郊区", "PLACE"), Mention(3, 5, "矿区", "PLACE"), Mention(8, 10, "区委", "ORG")])
    assert [(m.text, m.label) for m in repeats][2:] == [("郊区区委", "ORG"), ("郊区人民政府", "ORG")]
    # or a company's that kg_places found whole, unless a province starts its name (it is then
    # where the company is: 交城县 + 山西利虎玻璃集团有限公司)
    text = "晋城市的景区。引入晋城珏山文化旅游开发有限公司，交城县山西利虎玻璃集团有限公司"
    company, other = text.index("珏山"), text.index("山西利虎")
    found = [Mention(0, 3, "晋城市", "PLACE"), Mention(company, company + 12, text[company:company + 12], "ORG"),
             Mention(text.index("交城县"), other, "交城县", "PLACE"), Mention(other, len(text), text[other:], "ORG")]
    repeats = with_repeats(text, found, {"晋城市": "晋城"})
    assert [(m.text, m.label) for m in repeats][1:3] == [("晋城珏山文化旅游开发有限公司", "ORG"), ("交城县", "PLACE")]


def test_editors_in_the_page_furniture_are_persons_and_a_role_is_none():
    text = "责任编辑 高丽萍 美编:任晓东\n本报记者 邢晓丽 实习生 马佳怡"
    found = [Mention(text.index("习生"), text.index("习生") + 2, "习生", "PERSON")]
    assert [m.text for m in with_bylines(text, found)] == ["高丽萍", "任晓东", "邢晓丽", "马佳怡"]
    text = "责任编辑 柴晓琳 版式 段雨婷\n责任编辑 冯丽君 版式设计 侯彦博"  # the layout editor
    assert [m.text for m in with_bylines(text, [])] == ["柴晓琳", "段雨婷", "冯丽君", "侯彦博"]


def test_a_person_named_as_a_county_the_page_names_in_full_is_the_county():
    text = "襄垣县召开会议。\n老人讲述襄垣农耕历史,纪念左权将军"
    found = [Mention(0, 3, "襄垣县", "PLACE"), Mention(13, 15, "襄垣", "PERSON"), Mention(23, 25, "左权", "PERSON")]
    short_names = {"襄垣县": "襄垣", "左权县": "左权"}
    assert persons_named_as_divisions(text, found, short_names) == [
        found[0], Mention(13, 15, "襄垣", "PLACE", "襄垣县"), found[2]]
    text = "左权县城。左权将军"  # the county named after the general
    found = [Mention(0, 3, "左权县", "PLACE"), Mention(5, 7, "左权", "PERSON")]
    assert persons_named_as_divisions(text, found, short_names) == found
    text = "清徐县孟封镇。清徐老陈醋,徐老师说"  # a surname read alone inside the county's short name
    at = text.index("清徐老")
    found = [Mention(0, 3, "清徐县", "PLACE"), Mention(at + 1, at + 2, "徐", "PERSON"),
             Mention(text.index("徐老师"), text.index("徐老师") + 1, "徐", "PERSON")]
    assert persons_named_as_divisions(text, found, {"清徐县": "清徐"}) == [
        found[0], Mention(at, at + 2, "清徐", "PLACE", "清徐县"), found[2]]


def test_a_person_named_as_a_neighbour_the_page_makes_safe_is_that_place():
    from kg.ner.places import DivisionKin

    kin = DivisionKin({"临汾市": "临汾", "侯马市": "侯马", "左云县": "左云", "大同市": "大同"},
                      {"山西省": {"临汾": "临汾市", "大同": "大同市"}},
                      {"侯马市": "临汾市", "左云县": "大同市"})
    text = "临汾市境内流经襄汾、侯马。大同市民说,到左\n云去"
    found = [Mention(0, 3, "临汾市", "PLACE"), Mention(10, 12, "侯马", "PERSON"),
             Mention(13, 16, "大同市", "PLACE"), Mention(20, 23, "左\n云", "PERSON")]
    assert persons_named_as_divisions(text, found, kin.short_names, kin) == [
        found[0], Mention(10, 12, "侯马", "PLACE", "侯马市"), found[2], Mention(20, 23, "左\n云", "PLACE", "左云县")]


def test_a_quoted_brand_named_after_its_place_stands_for_its_programme():
    text = "推进“吕梁山护工”培训就业工程,“吕梁山护工”累计培训8万人;“智慧矿山”改造项目,“智慧矿山”改造经验"
    found = [Mention(2, 15, "“吕梁山护工”培训就业工程", "PROJECT"), Mention(17, 20, "吕梁山", "PLACE"),
             Mention(text.index("“智慧"), text.index("项目") + 2, "“智慧矿山”改造项目", "PROJECT")]
    assert [(m.text, m.label) for m in with_quoted_projects(text, found)] == [
        ("“吕梁山护工”培训就业工程", "PROJECT"), ("吕梁山护工", "PROJECT"), ("“智慧矿山”改造项目", "PROJECT")]


def test_a_name_cut_before_the_speech_after_it_is_whole():
    from kg.ner import with_given_names_before_speech

    text = "理事长杜春来说,孟凡军笑着说,王刚又说,对樊禹来说"
    mentions = [Mention(3, 5, "杜春", "PERSON"), Mention(8, 10, "孟凡", "PERSON"), Mention(15, 17, "王刚", "PERSON"),
                Mention(21, 23, "樊禹", "PERSON")]
    assert [m.text for m in with_given_names_before_speech(text, mentions)] == ["杜春来", "孟凡军", "王刚", "樊禹"]
    text = "种粮户张春来看着收割机,果农薛保平正和家人摘袋,李鹏认为"
    mentions = [Mention(text.index(name), text.index(name) + 2, name, "PERSON") for name in ("张春", "薛保", "李鹏")]
    assert [m.text for m in with_given_names_before_speech(text, mentions)] == ["张春来", "薛保平", "李鹏"]
    text = "毕业生冯子涵刚和企业谈完,游客孟嘉怡忍不住感叹"
    mentions = [Mention(text.index(name), text.index(name) + 2, name, "PERSON") for name in ("冯子", "孟嘉")]
    assert [m.text for m in with_given_names_before_speech(text, mentions)] == ["冯子涵", "孟嘉怡"]


def test_a_person_listed_between_places_is_a_place():
    from kg.ner import persons_listed_with_places

    text = "依托尧庙、华门、尧陵、临汾鼓楼等遗存;广胜寺、苏三监狱;石北乡党委书记赵红霞、蟠龙镇镇长郭旭东;彭德怀、左权等"
    places = ("尧庙", "华门", "临汾鼓楼", "广胜寺", "蟠龙镇")
    mentions = sorted([Mention(text.index(p), text.index(p) + len(p), p, "PLACE") for p in places]
                      + [Mention(text.index(p), text.index(p) + len(p), p, "PERSON") for p in ("尧陵", "苏三", "赵红霞", "彭德怀", "左权")],
                      key=lambda m: m.start)
    relabelled = {m.text: m.label for m in persons_listed_with_places(text, mentions)}
    assert relabelled == {"尧庙": "PLACE", "华门": "PLACE", "尧陵": "PLACE", "临汾鼓楼": "PLACE", "广胜寺": "PLACE",
                          "苏三": "PERSON", "赵红霞": "PERSON", "蟠龙镇": "PLACE", "彭德怀": "PERSON", "左权": "PERSON"}


def test_a_cut_name_is_completed_where_the_page_names_the_person_in_full():
    from kg.ner import with_completed_names

    text = "支部书记白海平,一下车就找村干部。“串起来。”白海平说。王志和是传承人"
    first, second, other = text.index("白海"), text.index("白海平说"), text.index("王志")
    mentions = [Mention(first, first + 2, "白海", "PERSON"), Mention(second, second + 3, "白海平", "PERSON"),
                Mention(other, other + 2, "王志", "PERSON")]
    assert [m.text for m in with_completed_names(text, mentions)] == ["白海平", "白海平", "王志"]


def test_a_name_after_the_role_a_paper_quotes_someone_by_is_a_person():
    from kg.ner import with_persons_after_roles

    text = "村民高存厚说,种植户赵富贵一边擦汗,学生毕业就能上岗,市民王女士说,村民们高兴地说"
    found = with_persons_after_roles(text, [])  # (王女士 goes in without_address_forms, after it)
    assert [(m.text, m.label) for m in found] == [("高存厚", "PERSON"), ("赵富贵", "PERSON"), ("王女士", "PERSON")]
    known = [Mention(text.index("赵富"), text.index("赵富") + 2, "赵富", "PERSON")]
    assert [m.text for m in with_persons_after_roles(text, known)] == ["高存厚", "赵富", "王女士"]
    more = "种植户武二平算了一笔账,应届生任雅楠当场签约,枣农贺二平正和家人铺开塑料布,果农任天喜摘下一颗枣"
    assert [m.text for m in with_persons_after_roles(more, [])] == ["武二平", "任雅楠", "贺二平", "任天喜"]
    titled = "村党支部书记高成贵指着枣林说,法院院长景立新、检察长王慧芳。局长高度重视"
    assert [m.text for m in with_persons_after_roles(titled, [])] == ["高成贵", "景立新", "王慧芳"]
    # more roles and deeds, and a name a PDF's line break cuts
    more = "客商包立新说,律师段建国面前排起长队,研究生高鹏\n程认真记录,站长\n白海军蹲在牛舍"
    assert [m.text for m in with_persons_after_roles(more, [])] == ["包立新", "段建国", "高鹏\n程", "白海军"]
    # who is, speaks for, has already, then, planted or comes to us
    more = "主播高雅婷是职中毕业生,教师康立新代表学校,学生高宇航已报名,战友任鹏程则在咨询,村民秦五斤种了菜,副市长任光明来\n我县"
    assert [m.text for m in with_persons_after_roles(more, [])] == ["高雅婷", "康立新", "高宇航", "任鹏程", "秦五斤", "任光明"]


def test_a_two_character_person_after_a_title_and_a_surname_takes_the_surname():
    from kg.ner import with_surnames_before_names

    def person(text, name):
        return Mention(text.index(name), text.index(name) + len(name), name, "PERSON")

    text = "科长任海燕介绍,村民原小平说,他任海军连长,市长王刚说"
    mentions = [person(text, "海燕"), person(text, "小平"), person(text, "海军"), person(text, "王刚")]
    assert [m.text for m in with_surnames_before_names(text, mentions)] == ["任海燕", "原小平", "海军", "王刚"]


def test_a_person_listed_with_things_is_one_of_them():
    from kg.ner import without_persons_listed_with_things

    def persons(text, *names):
        return [Mention(text.index(name), text.index(name) + len(name), name, "PERSON") for name in names]

    text = "击鼓、鸣钟、敬献花篮,八音会、高跷、旱船"
    assert without_persons_listed_with_things(text, persons(text, "鸣钟", "高跷")) == []
    text = "江泽民、李鹏出席,彭德怀、左权等"
    kept = persons(text, "江泽民", "李鹏", "彭德怀", "左权")
    assert without_persons_listed_with_things(text, kept) == kept


def test_a_place_before_bao_standing_alone_is_the_county_paper():
    from kg.ner import with_mastheads

    text = "武乡报\n2025年1月8日,武乡报道"
    mentions = [Mention(0, 2, "武乡", "PLACE"), Mention(14, 16, "武乡", "PLACE")]
    assert [(m.text, m.label) for m in with_mastheads(text, mentions)] == [("武乡报", "ORG"), ("武乡", "PLACE")]


def test_today_and_a_place_alone_on_a_line_is_the_county_paper():
    from kg.ner import with_mastheads

    text = "今日岚县\n2024年12月5日\n今日灵石 2024年9月3日\n今日关注\n他说今日岚县的变化"
    mentions = [Mention(1, 4, "日岚县", "PLACE"), Mention(18, 20, "灵石", "PLACE"), Mention(40, 42, "岚县", "PLACE")]
    assert [(m.text, m.label) for m in with_mastheads(text, mentions)] == [
        ("今日岚县", "ORG"), ("今日灵石", "ORG"), ("岚县", "PLACE")]


def test_a_clan_is_no_person():
    from kg.ner import without_clans

    text = "走进裴氏宗祠,裴氏家族,赵氏孤儿,裴氏宗亲,钱氏所提到的"
    mentions = [Mention(2, 3, "裴", "PERSON"), Mention(7, 9, "裴氏", "PERSON"), Mention(12, 13, "赵", "PERSON"),
                Mention(17, 20, "裴氏宗", "PERSON"), Mention(22, 23, "钱", "PERSON")]
    assert without_clans(text, mentions) == mentions[-1:]


def test_an_art_editor_and_a_carnival_are_no_persons():
    text = "责任编辑 郝晓东 美编 王璐,职工文化嘉年华"
    mentions = [Mention(9, 11, "美编", "PERSON"), Mention(18, 21, "嘉年华", "PERSON")]
    assert without_sayings(text, mentions) == []
    text = "全程马拉\n松、半程马拉松"  # a word a PDF's line broke
    assert without_sayings(text, [Mention(2, 4, "马拉", "PERSON"), Mention(8, 10, "马拉", "PERSON")]) == []
    assert without_sayings("守好林子", [Mention(2, 4, "林子", "PERSON")]) == []  # the woods
    assert without_sayings("中欧班列", [Mention(0, 1, "中", "PLACE"), Mention(1, 2, "欧", "PLACE")]) == []
    assert without_sayings("第六届沁州黄小米开镰节", [Mention(3, 7, "沁州黄小", "ORG"), Mention(3, 5, "沁州", "PLACE")]) == []
    assert without_sayings("老商业街", [Mention(1, 4, "商业街", "ORG")]) == []
    text = "风能、太阳能资源富集,老人晒太阳,等太阳出来"  # the sun shines on MSRA's places, not on these
    mentions = [Mention(3, 5, "太阳", "PLACE"), Mention(13, 15, "太阳", "PLACE"), Mention(17, 19, "太阳", "PLACE")]
    assert without_sayings(text, mentions) == mentions[2:]
    assert without_sayings("美食季开幕", [Mention(0, 1, "美", "PLACE")]) == []
    assert without_sayings("元旦小长假,部署今冬明春工作", [Mention(0, 2, "元旦", "PERSON"), Mention(9, 13, "今冬明春", "PERSON")]) == []
    text = "祁县是晋商的发祥地,高瓦斯矿井"
    assert without_sayings(text, [Mention(3, 5, "晋商", "PERSON"), Mention(10, 13, "高瓦斯", "PERSON")]) == []
