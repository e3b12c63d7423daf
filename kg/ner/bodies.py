"""Party and government bodies named by their level alone: 县委, 市政府, 省工信厅, 市人社局.

Local papers name their own bodies this way on every page (the guidelines tag them as ORG and
entity resolution completes them: 市委 -> 长治市委). The model finds about half of them: its
corpus, MSRA, tags 市委 and 省政府 in some sentences and not in others (143 against 146 times
in its training set). So a level character (省 市 县 区) followed by a body listed in
``kg/data/bodies.txt`` is an ORG when

* it starts a word and overlaps no entity found already, or only entities inside it (the
  model's 市人社 of 市人社局, 文物局 of 市文物局), which it replaces. A word starts at the
  start of the text, after punctuation, a space or digit, after an entity (汾阳 + 市政协:
  the place prefix is added afterwards), or after a function character (在县委有关部门, 由市文物局作为实施单位). After
  any other Han character the level character belongs to a word (城市政府, 社区委员会); or
* the level character ends a PLACE (长治市 + 政府, 平顺县 + 水利局): the place and the body
  are one organisation (长治市政府).

委 followed by 员, 托 or 屈 is a word (委员, 委托, 委屈), not a body.
"""

from __future__ import annotations

import re
from functools import cache

from kg.word_lists import read_word_list

Span = tuple[int, int, str]

LEVELS = "省市县区"
# characters after which a new word starts: prepositions, conjunctions, particles
FUNCTION_CHARS = set("在由与和及同向对经据把被将从让请为是了的到给受并或等跟按日")
NOT_A_BODY_AFTER_WEI = set("员托屈派任婉身实")
# verbs of government news that come right before a body (贯彻落实市委决策部署, 代表市委), and the
# words of time that open a clause before one (今年 + 县文物局)
VERBS_BEFORE_BODIES = ("落实", "贯彻", "代表", "配合", "协助", "服从", "支持", "报请", "请示", "汇报", "按照", "依照",
                       "根据", "围绕", "感谢", "落实好", "联合", "会同", "协同", "携手", "希望", "建议", "要求", "督促",
                       "邀请", "紧扣", "推动", "指导", "整合", "入选", "对接", "今年", "去年", "明年", "目前", "近年来",
                       "同时", "此外", "由", "协调", "组织", "召集", "争取", "听取", "列入", "获得", "用好", "通过", "接入",
                       "借助", "依托", "申报", "至", "完成", "迎接", "叮嘱", "带领", "转交", "承接", "接待")


# how a body's own name starts, where the model took the verb before it in: 联合 + 国家金融监督管理总局…
BODY_STARTS = ("国家", "省", "市", "县", "区", "共青团", "中共", "中国")
# the Youth League's committees by their short names (联合 + 团市委)
LEAGUE_COMMITTEES = ("团省委", "团市委", "团县委", "团区委")
# before any body's name; so is 由 (由 + 隰县人民医院牵头: no body's name starts with it in MSRA)
JOINING_VERBS = ("联合", "会同", "携手", "协同", "由")


def without_verbs_before_bodies(text: str, ents: list[Span]) -> list[Span]:
    """An ORG does not start with the verb before a body (联合共青团临汾市委 is 联合 + 共青团临汾市委);
    联合国 keeps its 联合 (but not 联合 + 国网太原供电公司, the State Grid's)."""
    trimmed = []
    for start, end, label in ents:
        verb = next((v for v in VERBS_BEFORE_BODIES if text.startswith(v, start)), "") if label == "ORG" else ""
        rest = start + len(verb)
        joins = verb in JOINING_VERBS or text.startswith(BODY_STARTS, rest)  # 联合太原理工大学
        shortest = 3 if text[rest:rest + 1] in LEVELS or text.startswith(LEAGUE_COMMITTEES, rest) else 4  # 整合 + 县法院
        if verb and end - rest >= shortest and joins and not text.startswith("联合国", start) or (
                verb == "联合" and text.startswith(("联合国家", "联合国网"), start) and end - rest >= 6):
            start = rest
        trimmed.append((start, end, label))
    return trimmed


# The State Council's ministries and the national bodies local papers name (工业和信息化部, 国家能源局);
# 教育部门 and 公安部门 are the authorities, not the ministry
MINISTRIES = read_word_list("ministries.txt")
MINISTRY_NAME = re.compile("(?:%s)(?!门)" % "|".join(sorted(MINISTRIES, key=len, reverse=True)))


# a company's legal ending, also where a PDF's line break falls inside it (有限责任⏎公司)
LEGAL_ENDINGS = "|".join("\n?".join(ending) for ending in ("股份有限公司", "有限责任公司", "有限公司"))
# Shanxi's provincial state groups (太钢, 晋能控股, 山西农信)
GROUPS = read_word_list("groups.txt")
# with its legal ending (晋能控股集团有限公司), and not where a subsidiary's name goes on (晋能控股 +
# 煤业集团, 太钢 + 炼钢二厂)
# a group's short name that is also a phrase, and what it never comes before as the group (太重 of 太重视,
# 太重要, 负担太重了, 看得太重，)
GROUP_NAMES_AS_PHRASES = {"太重": "[视要了大于，。；！？,.;!?]"}
GROUP_NAME = re.compile("(?:%s)(?:%s)?(?![\u4e00-\u9fff]{1,6}(?:集团|公司|厂))" % ("|".join(
    name + (f"(?!{GROUP_NAMES_AS_PHRASES[name]})" if name in GROUP_NAMES_AS_PHRASES else "")
    for name in sorted(GROUPS, key=len, reverse=True)), LEGAL_ENDINGS))


# A national body's office in a province or city is named by the body, the place and its own
# head (国家矿山安全监察局山西局, 国家税务总局太原市税务局, 国家统计局山西调查总队)
BRANCH_OFFICE_HEADS = ("调查总队", "调查队", "监管办公室", "监管办", "监管局", "税务局", "分局", "分行", "中心支行", "局")


@cache
def _branch_office() -> re.Pattern:
    from kg.ner.places import PROVINCES  # places builds on this module

    division = "[\u4e00-\u9fff]{1,4}?[市县区]"
    return re.compile("(?:(?:%s)(?:省|市|自治区)?(?:%s)?|%s)(?:%s)" % (
        "|".join(sorted(PROVINCES, key=len, reverse=True)), division, division, "|".join(BRANCH_OFFICE_HEADS)))


def with_ministries(text: str, ents: list[Span]) -> list[Span]:
    """A ministry or national body (``kg/data/ministries.txt``) is one ORG wherever named, in
    place of what the model made of it: it reads the 和 of 工业和信息化部 or 住房和城乡建设部 as
    "and" and tags a piece. A name the model found around it stands (中国外交部, 水利部办公厅).
    With a place and a head after it, it names the body's office there (国家矿山安全监察局 +
    山西局). So is a provincial state group (``kg/data/groups.txt``: 太钢, which the model reads
    as a place), in place of a place or person the model read in its very span."""
    for match in [*MINISTRY_NAME.finditer(text), *GROUP_NAME.finditer(text)]:
        start, end = match.span()
        office = _branch_office().match(text, end) if match.re is MINISTRY_NAME else None
        end = office.end() if office else end
        if not any(e[0] <= start and end <= e[1] and (e[2] == "ORG" or e[1] - e[0] > end - start) for e in ents):
            ents = sorted([e for e in ents if not (e[0] < end and start < e[1])] + [(start, end, "ORG")])
    return ents


# A congress or the CPPCC's national committee named by its term is a body (第九届全国人民代表大会代表,
# 政协第八届全国委员会): the model, which knows 全国人大, loses the long forms. A numbered session
# after it (…第五次会议) makes a meeting, which the rules then name as a whole.
NUMBERED_CONGRESS = re.compile("第?[一二三四五六七八九十]{1,3}届(?:全国人民代表大会|全国人大|全国委员会)(?:常务委员会|常委会)?"
                               # and a level's: 市十六届人大常委会 (举行第二十三次会议)
                               "|[省市县区]第?[一二三四五六七八九十]{1,3}届(?:人大常委会|人民代表大会常务委员会|政协)")


def with_numbered_congresses(text: str, ents: list[Span]) -> list[Span]:
    """A congress by its term is one ORG, with the body whose committee it is when that is
    named right before it (中国人民政治协商会议 + 第八届全国委员会)."""
    for match in NUMBERED_CONGRESS.finditer(text):
        start, end = match.span()
        if any(e[0] < start < e[1] or e[0] < end < e[1] for e in ents):
            continue  # inside a longer name the model found
        owner = next((e for e in ents if e[1] == start and e[2] == "ORG"), None)
        if owner and match.group().endswith(("全国委员会", "全国委员会常务委员会", "全国委员会常委会")):
            start = owner[0]
        ents = sorted([e for e in ents if not (start <= e[0] and e[1] <= end)] + [(start, end, "ORG")])
    return ents


# What cannot be inside a body's name: characters that end a name (香港的城市中心) and the verbs
# and adverbs of government news (尖草坪区大力推进社区党群服务中心, 香港设立终审法院; not 设 alone:
# 山西晋中交通建设投资有限公司)
NOT_IN_ORG_NAME = set("的在和与及各依托为将对把被向是了有等到从由于")
NOT_IN_ORG_WORDS = ("推进", "加强", "开展", "实施", "打造", "提升", "促进", "完善", "落实", "深化", "积极", "全面",
                    "大力", "建成", "投资", "组织", "成立", "设立", "建立", "定点",  # 太原市定点医院: any designated hospital
                    "召开", "举行", "举办",  # 孝义市 + 召开全市工会 (经费审查工作会议), 刘胡兰镇 + 举办全市中小学
                    "建起", "办起", "建有",  # 米山镇 + 建起黄梨标准化示范园: the place where it was built
                    "通过", "一家",  # 兴县 + 通过建设社区工厂, 蔚汾镇 + 一家社区工厂
                    "一所", "两所", "三所", "多所", "几所",  # 鼓楼南大街 + 两所新建小学
                    "这家", "共建",  # 在开发区共建这家研究院
                    "牵头", "组建",  # 市工信局 + 牵头组建产业链工作专班
                    "附近", "周边", "一处", "一带",  # 柳巷 + 附近一处工会
                    "关闭",  # 潞安化工集团 + 利用关闭矿 (井工业场地)
                    "又称", "也称", "俗称", "简称")  # 司马光祠 + 又称司马温公祠: a second name

BODIES = read_word_list("bodies.txt")
_PATTERN = re.compile(f"[{LEVELS}](?:{'|'.join(sorted(BODIES, key=len, reverse=True))})")
# the body a district's name heads, from the level character it ends in (城区 + 人民检察院) or
# after it (郊区 + 区委)
_BODY_AFTER_LEVEL = re.compile(f"[{LEVELS}]?[{LEVELS}](?:{'|'.join(sorted(BODIES, key=len, reverse=True))})")


def body_after_division(text: str, end: int) -> int | None:
    """The end of the body that the division ending at ``end`` heads (城区 + 人民检察院, 郊区 + 区委), if any."""
    body = _BODY_AFTER_LEVEL.match(text, end - 1) if text[end - 1:end] in LEVELS else None
    if body and not (body.group().endswith("委") and text[body.end():body.end() + 1] in NOT_A_BODY_AFTER_WEI):
        return body.end()
    return None


# 中央 listed with the levels' party committees is the party's centre (贯彻中央、省委、市委决策部署)
CENTRAL_BEFORE_LEVELS = re.compile(f"中央(?=[、和及与][{LEVELS}]委)")
TOWNSHIP_BODY = re.compile("(?:[镇乡]|街道)(?:人民政府|政府|党委|党工委|人大|纪委|办事处|卫生院|中心学校|中心校|司法所|派出所"
                           "|便民服务中心)")
# task forces, committees, headquarters, centres and companies a level names by their work (市安全生产工作专班,
# 市非煤矿山安全委员会, 县防汛抗旱指挥部, 区创城工作领导小组, 县文物保护中心, 市公安局反诈中心, 市国投公司),
# not across a verb that leads to a body (县文化馆 + 联合 + 市公交公司)
TASK_BODY = re.compile(f"[{LEVELS}]([\u4e00-\u9fff]{{2,10}}?)(?:工作专班|专班|领导小组|指挥部|安全委员会|委员会"
                       "|发展中心|服务中心|保护中心|管理中心|监测中心|指挥中心|事务中心|保障中心|融媒体中心"
                       "|促进中心|急救中心|电商中心|推广中心|推广总站|实践中心|反诈中心|公司)")


# words that start with a level's character and name no body (市民可下载国家反诈中心, 县级电商公共服务中心)
WORDS_OF_LEVELS = ("市民", "市场", "市区", "市内", "县城", "县域", "区域", "省内", "省外", "省级", "市级", "县级", "区级")


def with_bodies(text: str, ents: list[Span]) -> list[Span]:
    """``ents`` plus the bodies named by level, as ORG; a PLACE ending in the level
    character becomes part of the body."""
    ents = list(ents)
    for start, end in _body_spans(text):
        overlapping = [e for e in ents if e[0] < end and start < e[1]]
        inside = all(start <= e[0] and e[1] <= end for e in overlapping)
        if inside and _starts_word(text, start, ents):
            # the listed body replaces what the model found inside it (市人社 of 市人社局)
            ents = [e for e in ents if e not in overlapping] + [(start, end, "ORG")]
        elif _heads_body(overlapping, start, end):
            # 山西省 + 水利厅: the place ending in the level heads the body, and takes in what the
            # model found in the rest of it
            place = next(e for e in overlapping if e[1] == start + 1)
            ents = [e for e in ents if e not in overlapping] + [(place[0], end, "ORG")]
        elif (len(overlapping) == 1 and overlapping[0][2] == "ORG" and start < overlapping[0][0] < end < overlapping[0][1]
              and _starts_word(text, start, ents)):
            # the model started the name late and ran on: 市文化和 + 旅游局党组 (the 党组 goes later)
            ents[ents.index(overlapping[0])] = (start, overlapping[0][1], "ORG")
        elif (len(overlapping) == 1 and start < overlapping[0][1] <= end
              and text[overlapping[0][0]:start] in VERBS_BEFORE_BODIES):
            # the model took the verb in: 代表 + 市委, and 叮嘱 + 县 of 县住建局
            ents[ents.index(overlapping[0])] = (start, end, "ORG")
    return sorted(_with_township_bodies(text, ents))


def _heads_body(overlapping: list[Span], start: int, end: int) -> bool:
    """Whether one PLACE among ``overlapping`` ends in the level character at ``start`` and the
    others lie in the rest of the body (山西省 + 水利厅, 迎泽区 + 住房和 + 城乡建设局): the
    guidelines put the place prefix in the body's span. (MSRA keeps it apart; on its test set
    this joins one: 二道区 + 东站街道第十居民委员会.)"""
    places = [e for e in overlapping if e[2] == "PLACE" and e[1] == start + 1]
    return len(places) == 1 and all(start + 1 <= e[0] and e[1] <= end for e in overlapping if e not in places)


# a township's government and party committee named bare, as the page's own (镇党委、镇政府依据规划:
# the invented pages' annotators tag 镇政府 so 8 times in 8, 镇党委 and 乡党委 11 in 15; MSRA tags
# the committees, 10 times in 12)
BARE_TOWNSHIP_BODY = re.compile("[镇乡](?:人民政府|政府|党委)")


def _with_township_bodies(text: str, ents: list[Span]) -> list[Span]:
    """A township's or a subdistrict's own bodies, named right after it: 端氏镇 + 镇政府 -> 端氏镇政府
    (镇政府 alone is any township's), 西铭街道 + 党工委, 娘子关镇 + 卫生院 (the invented pages: 51 of
    51); a township's government or party committee named bare is an ORG where it starts a word."""
    for match in TOWNSHIP_BODY.finditer(text):
        start, end = match.span()
        level = 2 if text.startswith("街道", start) else 1
        place = next((e for e in ents if e[2] == "PLACE" and e[1] == start + level), None)
        if place and not any(e[0] < end and start + level < e[1] for e in ents):
            ents[ents.index(place)] = (place[0], end, "ORG")
        elif (not place and BARE_TOWNSHIP_BODY.fullmatch(match.group()) and _starts_word(text, start, ents)
              and not any(e[0] < end and start < e[1] for e in ents)):
            ents.append((start, end, "ORG"))
    return ents


def _body_spans(text: str):
    """Where a level names a listed body (市人社局) or a body by what it does (市安全生产工作专班),
    and where 中央 is listed with them."""
    for match in _PATTERN.finditer(text):
        start, end = match.span()
        if not (text.endswith("委", start, end) and text[end:end + 1] in NOT_A_BODY_AFTER_WEI):
            yield start, end
    position = 0
    while match := TASK_BODY.search(text, position):
        if any(verb in match.group(1) for verb in JOINING_VERBS):
            position = match.start() + 1  # a body may start after the verb: 县文化馆联合 + 市公交公司
            continue
        if could_be_org_name(match.group(1)) and not match.group().startswith(WORDS_OF_LEVELS):
            yield match.span()
        position = match.end()
    for match in CENTRAL_BEFORE_LEVELS.finditer(text):
        yield match.span()


def _starts_word(text: str, start: int, ents: list[Span]) -> bool:
    if start == 0 or any(e[1] == start for e in ents) or text.endswith(VERBS_BEFORE_BODIES, 0, start):
        return True
    before = text[start - 1]
    return not ("\u4e00" <= before <= "\u9fff") or before in FUNCTION_CHARS


def could_be_org_name(name: str) -> bool:
    # the 有 of 国有 is state ownership, not "there is" (山西省管涔山国有林管理局)
    return not NOT_IN_ORG_NAME.intersection(name.replace("国有", "")) and not any(word in name for word in NOT_IN_ORG_WORDS)


def could_be_company_name(name: str) -> bool:
    """A company's trade name may hold 和 as its second character, the auspicious 和 of shop
    names (康和, 仁和, 德和祥); a 和 further on joins two names (焦煤和潞安)."""
    return could_be_org_name(name[:1] + name[2:] if name[1:2] == "和" else name)
