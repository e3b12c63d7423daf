"""Cleaning: width normalisation, PDF line-break repair, and the map back to the original."""

import random
import re
from pathlib import Path

import pytest

from kg.text import HALF_TO_FULL, clean

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))
SQUASH_TABLE = str.maketrans(HALF_TO_FULL)


def squash(text: str) -> str:
    """What cleaning may not change: the text without whitespace, punctuation widened."""
    return re.sub(r"\s+", "", text).translate(SQUASH_TABLE)


@pytest.mark.parametrize("original, cleaned", [
    ("7月,全市2737个街道(乡镇)、社区(村)就业", "7月，全市2737个街道（乡镇）、社区（村）就业"),
    ("细则:纵向形成;横向形成?好!", "细则：纵向形成；横向形成？好！"),
    ("共1,000元,增长3.5%", "共1,000元，增长3.5%"),
    ("见 http://a.cn/x?a=1,b:2 网站", "见http://a.cn/x?a=1,b:2网站"),
    ("GMP(Good Practice) test, ok", "GMP(Good Practice) test, ok"),
    ("本报太原12月 25日讯", "本报太原12月25日讯"),
    ("业、25 家 10 亿元-50 亿元的企业", "业、25家10亿元-50亿元的企业"),
    ("稳就业 擦亮民生底色", "稳就业 擦亮民生底色"),
])
def test_width_and_spaces(original, cleaned):
    assert clean(original).text == cleaned


def test_mid_sentence_blank_line_is_joined_seed_000():
    page = SEEDS[0].read_text(encoding="utf-8")
    cleaned = clean(page).text
    assert "指从以下两个维度建立培育机制" in cleaned
    assert "县区级域养老服务机构" in cleaned


def test_narrow_column_lines_are_joined_seed_003():
    page = SEEDS[3].read_text(encoding="utf-8")
    cleaned = clean(page).text
    assert "省委办公厅、省政府办公厅印发《关于推动消费品工业高质量发展的实施意见》" in cleaned
    assert "对科研单位和企业的创新研发投入按规定进行奖励" in cleaned  # across a blank line
    # a paragraph's first line is two characters short of the column (its indent)
    assert "公告指出，中车永济电机有限公司存在两项问题" in cleaned
    assert "打好蓝天净土保卫战\n" in cleaned  # a headline of the same length stays


def test_a_body_line_longer_than_the_column_joins_the_next_a_long_headline_does_not():
    column = ("多年，双方多次调解未果。庭审中，审判员\n争议焦点逐一核实证据，并结合《中华人民共和国民法典》和《中华\n"
              "人民共和国农村土地承包法》相关规定释法。\n小时的庭审和庭后调解，双方当场达\n成协议，握手言和。二十\n")
    assert "《中华人民共和国农村土地承包法》" in clean(column).text
    headline = ("多年，双方多次调解未果。庭审中，审判员\n市五届人大常委会第二十九次会议在运城市人大常委会会议厅召开\n"
                "审议通过了相关决定，会议由主任主持\n成协议，握手言和。二十一个\n")
    assert "会议厅召开\n审议" in clean(headline).text


def test_a_dateline_with_the_story_after_it_joins_the_next_line_a_byline_does_not():
    column = "本报讯（记者 任佳琪）据太原海\n关统计，今年前8个月，全省货物贸\n易进出口总值增长，其中出口额为\n"
    assert "据太原海关统计" in clean(column).text
    byline = "本报讯（记者 任佳琪）\n今年前8个月，全省货物贸易进出口\n总值增长，其中出口额为一千亿元\n"
    assert "本报讯（记者 任佳琪）\n今年" in clean(byline).text


@pytest.mark.parametrize("text", [
    "第一段结束。\n\n第二段开始。",
    "社保服务“办”到百姓家门口\n\n——我市不断健全社会保障体系\n\n□ 本报记者 马慧荣\n\n社会保障惠民生。",
    "这是一段很长的正文,里面有逗号,还有很多的内容需要说明,一直写到这一行的末尾没有句号\n\n稳就业 擦亮民生底色\n\n走进大厅。",
    "价格,(下转第二版)\n\n以健全的社会保障体系提升群众幸福感",
    "正文在这里结束,然后是\n\n\n\n两行空行以后的内容。",
])
def test_real_paragraph_breaks_stay(text):
    assert clean(text).text.count("\n\n") == text.count("\n\n")


def test_latin_words_keep_a_space_when_a_line_break_between_them_goes():
    assert clean("采用了Mini/Micro\nLED新型显示").text == "采用了Mini/Micro LED新型显示"


def test_a_number_a_line_break_cuts_is_one_number_again():
    assert clean("为期三天的20\n24山西智能采矿装备博览会在太原举行").text == "为期三天的2024山西智能采矿装备博览会在太原举行"


@pytest.mark.parametrize("seed", SEEDS, ids=lambda path: path.name[:3])
def test_every_cleaned_span_maps_back_to_an_original_span_with_the_same_content(seed):
    original = seed.read_text(encoding="utf-8")
    result = clean(original)
    assert len(result.index) == len(result.text)
    assert all(a < b for a, b in zip(result.index, result.index[1:]))  # strictly monotonic
    rng = random.Random(seed.name)
    for _ in range(500):
        start = rng.randrange(len(result.text) + 1)
        end = rng.randrange(start, min(len(result.text), start + 200) + 1)
        first, last = result.to_original(start, end)
        assert 0 <= first <= last <= len(original)
        assert squash(original[first:last]) == squash(result.text[start:end])


def test_each_cleaned_char_is_its_original_char_or_its_widened_form():
    original = SEEDS[0].read_text(encoding="utf-8")
    result = clean(original)
    for position, char in enumerate(result.text):
        source = original[result.index[position]]
        assert char == source or char == HALF_TO_FULL.get(source) or (char == " " and source == "\n")


def test_to_original_edges_and_errors():
    result = clean("甲 1\n\n")
    assert result.text == "甲1\n\n"
    assert result.to_original(0, 0) == (0, 0)
    assert result.to_original(len(result.text), len(result.text)) == (5, 5)
    assert result.to_original(0, 2) == (0, 3)
    with pytest.raises(ValueError):
        result.to_original(2, 1)
    assert result.to_cleaned(2) == 1
