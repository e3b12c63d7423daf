"""Rules that add PROJECT, DOC and EVENT spans (and laboratories) to the statistical PERSON/ORG/PLACE entities.

No corpus labels these types, so they come from the structure of Chinese government news
(see ``shared/annotation/GUIDELINES.md``), not from lists of names:

* DOC: a title in 《》 (the marks stay outside the span); a newspaper or magazine in 《》 is
  an ORG; a short form given as ``(以下简称“细则”)`` after a title is a DOC mention too.
* EVENT: a meeting head word (会议, 全会, 论坛, 年会, 推进会, ...节) with the name to its left
  (市委经济工作会议, 党的二十届三中全会), and the party congresses (党的二十大).
* ORG, for laboratories and research centres named by their field, which the model seldom
  reads whole: 煤转化国家重点实验室, 量子光学与光量子器件国家重点实验室.
* PROJECT: a head word (工程, 项目, 行动, 计划, 试点, 活动, 建设年, and the campaigns' 攻坚战 and
  保卫战) with the name to its left
  (就业社保服务社区村村全覆盖工程); quoted names before a head (“一泓清水入黄河”工程,
  “A、B、C”三大工程); items of an enumeration before 等项目 (太旧高速扩容改造).

A name's left edge is found by scanning left from the head word until punctuation, a line
break, a person, or a word that cannot be part of a name (a verb such as 实施 or 召开, a
preposition, a determiner, a count such as 200个, a date): names follow these words in running
text. Quotes and brackets are jumped over whole, and so are the statistical ORG/PLACE
entities, so a project named after a company swallows the company. Short or generic
phrases (项目建设, 河道治理工程, 技改项目) are rejected. The word lists live in
``kg/data/rules/lexicon.json``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

from kg.ner import is_saying_or_clan
from kg.ner.bodies import MINISTRY_NAME
from kg.ner.tokenizer import doc_text
from kg.text import clean
from kg.word_lists import read_word_list

Span = tuple[int, int, str]

HARD_STOPS = set("，,。.．；;：:！!？?、—…《》〈〉【】[]|/\n\r\t \u3000□■●▲△◆◇★☆")
CLOSERS = {"”": "“", "’": "‘", "」": "「", "』": "『", "）": "（", ")": "("}
BRACKETS = {"（": "）", "(": ")"}
# A jump over a quoted or bracketed group stops at these: they end sentences or list items.
NOT_IN_GROUP = set("、。！？；\n")
EDGE_MARKS = set("《》〈〉“”‘’「」『』\"'")
GROUP_LIMIT = 30
NAME_LIMIT = 45
# A count ends a name's left edge (实施200个项目), but not 百名 alone: 百名医师下基层义诊行动 and
# 万名医师支援农村卫生工程 name campaigns
COUNT = re.compile(r"(?![百千万]名)[0-9０-９一二三四五六七八九十百千万两几多]+\s*[余多]?[个项批座条家所处名位类场]"  # 20 余项
                   r"|(?<![第0-9０-９一二三四五六七八九十百千万两几多])[0-9０-９一二三四五六七八九十两几多]+轮"  # 第六轮巡察: part of a name
                   r"|(?<![0-9０-９])(?:[0-9０-９]{1,2}|[一二三四五六七八九十百千万两几多]+)大")  # 三大, not 2025大同
# A date with its month is never part of a name: １９９７年３月１２日政协第八届全国委员会第五次会议
# an amount, and the verb it pays for: 投资12亿元建设 + 锐视达年产3000万套车载镜头模组项目
MONEY = re.compile(r"[0-9０-９.]+\s*[万亿]?元(?:建设|新建|实施)?")
DATE = re.compile(r"(?:[0-9０-９〇○零一二三四五六七八九]{2,4}年)?[0-9０-９一二三四五六七八九十]{1,2}月"
                  r"(?:[0-9０-９一二三四五六七八九十]{1,3}[日号])?")
# a quarter or half-year is no part of a project's name (a meeting's, though: 全市一季度政银企融资对接会)
QUARTER = re.compile(r"(?:[0-9０-９]{4}年)?(?:第?[一二三四1-4１-４]季度|[上下]半年)")
SIGNAL = re.compile(r"[“”A-Za-zＡ-Ｚａ-ｚ0-9０-９]")
# 每次首脑会晤, 本届论坛, 历次全会: a meeting of a series referred to, not named (首届 names one)
SERIES_REFERENCE = re.compile(r"(?:本|历|上|下)?[届次](?!区域)|[一两几数多每]次")  # and 每月召开一次调度会
EVENT_SIGNAL = re.compile(r"[0-9０-９第届次“]|^(?:中央|全国|全省|全市|全县|全区|[省市县区]委?)")
# the title of a play, film or book: no entity, and none inside it (《晋阳宫》, 《右玉》), as the
# guidelines tag places in slogans and not in works' titles; it never leaves rule_spans
WORK = "WORK"
TITLE = re.compile(r"《([^《》\n]{1,80})》")
SHORT_FORM = re.compile(r"\s*[（(]\s*(?:以下)?(?:简称|下称)\s*([“《])((?:[^”》\n]|\n(?!\n)){1,20})[”》]")  # 瑞驰零⏎部件: a PDF's break
PARTY_CONGRESS = re.compile(r"(?:党的|中共)第?[一二三四五六七八九十]{1,3}大(?![学会厦])")
QUOTED_LIST = re.compile(
    r"((?:“[^“”\n]{2,40}”[、，,]?){1,10})(等?(?:系列|[0-9一二三四五六七八九十两]+[大项])?)(?:重点|重大)?"
    r"(?:[一二三四五六七八九十]期)?(工程|行动|项目|计划|活动|试点)")
# A quoted name this short is no name alone: “断卡”行动 is the campaign, 断卡 a slogan
SHORT_QUOTED = 2
# where a page says who runs a campaign, or how widely, before its quoted name: 全省“两山七河一流域”…
SCOPES = ("全国", "全省", "全市", "全县", "全区", "我省", "我市", "我县", "我区")
# what was done to a project, before 的 and its name: 引进的平型关红色文旅研学基地项目
DEED_VERBS = ("签约", "引进", "建设", "投资", "新建", "承建", "招引", "实施", "开工", "落户", "落地")
# inside a name 建设 is a task (学生公寓及配套设施建设项目); at its start, the verb: 建设 + 华铖新能源…项目
LEADING_VERBS = ("建设", "新建")
# the verb that carries out a programme (深入实施青年人才托举工程)
CARRYING_OUT = ("实施", "启动", "推进", "纳入", "依托", "借助", "开展", "推行", "实施了", "落实", "列入", "加快")
# works listed after works, which the verb before the first carries out too (实施X工程和 + 淤地坝除险加固 + 工程,
# 实施X倍增计划和 + 链主企业培育 + 工程)
LISTED_WORKS = tuple(head + joint for head in ("工程", "项目", "计划", "行动") for joint in "和及、")
COUNTED = re.compile(r"\s*[0-9０-９一二三四五六七八九十百千]+[余多]?[个项]")
# before a weak head, which projects, not their name: 重点项目, 国家级非遗代表性项目, 科学技术奖获奖项目
KIND_ENDINGS = ("类", "重点", "重大", "代表性", "获奖")
# a programme named by a number, as Chinese programmes are (三北 + 工程, 千县 + 工程, 千万 + 工程),
# not a count or a phase (三项, 二期, 十大)
NUMBERED_NAME = re.compile("[\u4e00-\u9fff]?[一二三四五六七八九十百千万]"
                           "(?:[一二三四五六七八九十百千万]|[^一二三四五六七八九十百千万项个批类座条大期号级次届年])[\u4e00-\u9fff]?")
CAPACITY = re.compile(r"年产能?[0-9０-９]")  # 我们的年产10GWh储能电芯项目: named by what it makes
DIGITS = re.compile(r"[0-9０-９]")
ENUMERATION = re.compile(r"等(?:重点|重大)?(?:项目|工程)")
# works on a named road: 魏榆路改造, 龙城大街东延 (the guidelines' project 太旧高速扩容改造)
ROAD_WORKS = re.compile(r"(路|大街|街|大道|高速公路|高速|公路|快速路|环线|大桥)([东西南北]延|提质改造|扩容改造|改扩建|改造|拓宽)")
# 中共中央政治局第九次集体学习: a body's numbered study session is a named event
# 召开第二十八次会议: a meeting named only by its number after the verb, its body the sentence's subject
NUMBER_ONLY = re.compile(r"(?<=召开|举行)第[0-9０-９一二三四五六七八九十百]+次(?:常务|全体|主席)?$")
# 计划 before a number is the verb (天恒氢能计划三年内形成产能), as before 于, 明年, 投资 (the lexicon)
VERB_BEFORE_NUMBER = ("计划",)
NUMBERED_STUDY = re.compile(r"第[0-9０-９一二三四五六七八九十百]+次集体学习")


@dataclass(frozen=True)
class Lexicon:
    media_suffixes: tuple[str, ...]
    not_media_suffixes: tuple[str, ...]
    work_before: frozenset[str]  # words that name a work (a play, a book) in 《》 before it: 演出《千年守望》
    work_after: tuple[str, ...]  # or after it: 《北魏之光》一剧
    strong_heads: frozenset[str]
    short_name_heads: frozenset[str]  # heads whose name may be two characters (蓝天保卫战)
    campaign_heads: frozenset[str]  # heads whose name is no generic phrase (not 项目建设攻坚战)
    designation_heads: frozenset[str]
    designation_triggers: frozenset[str]
    quoted_only_head: re.Pattern  # heads that name a project only inside quotes (“粮食高产创新基地”)
    event_short_names: re.Pattern  # expos named by a short form alone (能博会, 进博会)
    project_head: re.Pattern
    project_blocked: frozenset[str]  # words a head continues into and is no head there (项目部, 试点示范项目)
    item_endings: tuple[str, ...]
    event_head: re.Pattern
    event_blocked_prefixes: tuple[str, ...]
    signal_event_heads: frozenset[str]  # heads named only with an ordinal or a scope (第五届…大赛, not 农民趣味运动会)
    ordinal_event_heads: frozenset[str]  # heads named only with an edition (第十五届云丘山中和节, not 春节)
    event_stops: frozenset[str]
    project_stops: frozenset[str]
    named_before_head: frozenset[str]
    transparent: frozenset[str]
    generic: frozenset[str]
    vague: frozenset[str]
    lab_head: re.Pattern


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The word lists of ``kg/data/rules/lexicon.json``, with the head patterns compiled."""
    data = json.loads((resources.files("kg") / "data" / "rules" / "lexicon.json").read_text("utf-8"))
    project_heads = data["project_heads_strong"] + data["project_heads_weak"] + data["project_heads_designation"]
    common = data["stop_words_common"]
    return Lexicon(
        media_suffixes=tuple(data["media_suffixes"]),
        not_media_suffixes=tuple(data["not_media_suffixes"]),
        work_before=frozenset(data["work_words_before"]),
        work_after=tuple(data["work_words_after"]),
        strong_heads=frozenset(data["project_heads_strong"]),
        short_name_heads=frozenset(data["project_heads_short_names"]),
        campaign_heads=frozenset(data["project_heads_campaign"]),
        designation_heads=frozenset(data["project_heads_designation"]),
        designation_triggers=frozenset(data["designation_triggers"]),
        event_short_names=re.compile("|".join(data["event_short_names"])),
        quoted_only_head=re.compile("“([^“”\n]{4,30}?)(%s)”" % "|".join(data["project_heads_quoted_only"])),
        project_head=_head_pattern(project_heads, data["project_head_blocked_continuations"]),
        project_blocked=frozenset(data["project_head_blocked_continuations"]),
        item_endings=tuple(data["enumeration_item_endings"]),
        event_head=_head_pattern(data["event_heads"], data["event_head_blocked_continuations"]),
        event_blocked_prefixes=tuple(data["event_head_blocked_prefixes"]),
        signal_event_heads=frozenset(data["event_heads_needing_signal"]),
        ordinal_event_heads=frozenset(data["event_heads_needing_ordinal"]),
        event_stops=frozenset(common),
        project_stops=frozenset(common + data["stop_words_project"]),
        named_before_head=frozenset(data["stop_words_named_before_head"]),
        transparent=frozenset(data["transparent_words"]),
        generic=frozenset(data["generic_words"] + data["vague_words"]),
        vague=frozenset(data["vague_words"]),
        lab_head=_head_pattern(data["lab_heads"], []),
    )


def _head_pattern(heads: list[str], blocked: list[str]) -> re.Pattern:
    """Longest head first; a head that continues into a blocked word (工程师, 会议室) is no
    head, a head ending in 会 never stops short of 会议 (工作会|议), nor one ending in 展 short of
    展区 (主题展|区), nor one ending in 周 short of 周刊 (文化周|刊)."""
    alternatives = []
    for head in sorted(heads, key=len, reverse=True):
        after = [re.escape(word[len(head):]) for word in blocked if word.startswith(head)]
        if head.endswith("会"):
            after.append("[议员长所馆场堂址]")
        if head.endswith("展"):
            after.append("[区厅馆台位板]")  # 主题展区: a place at an expo
        if head.endswith("周"):
            after.append("刊")  # 文化周刊: a weekly supplement
        if head in VERB_BEFORE_NUMBER:
            after.append("[0-9０-９一二两三四五六七八九十](?!大)")  # not 培育计划 + 四大任务
        alternatives.append(re.escape(head) + (f"(?!{'|'.join(after)})" if after else ""))
    return re.compile("|".join(alternatives))


def rule_spans(text: str, entities: list[Span]) -> list[Span]:
    """The full, non-overlapping entity list of ``text``: ``entities`` (the statistical
    PERSON/ORG/PLACE spans, str offsets into ``text``) plus the PROJECT, DOC and EVENT
    spans the rules find, overlaps resolved in favour of the outer span.

    ``text`` may be raw (half-width punctuation, PDF line breaks) or cleaned; the rules
    run on its cleaned form and every span is mapped back to offsets into ``text``.
    """
    entities = [span for span in (_without_marks(text, entity) for entity in entities) if span]
    cleaned = clean(text)
    page = cleaned.text
    # the persons the page's conventions drop end no name (玉露 + 香梨 + 采摘节)
    inside = [(cleaned.to_cleaned(start), cleaned.to_cleaned(end), label) for start, end, label in entities
              if not (label == "PERSON" and is_saying_or_clan(text, start, end))]
    lex = lexicon()
    marks = page_marks(page, lex.project_stops, lex, inside, QUARTER)  # for projects and laboratories
    found = (title_spans(page) + event_spans(page, inside, lex) + project_spans(page, inside, lex, marks)
             + lab_spans(page, lex, marks))
    found = [(*cleaned.to_original(start, end), label) for start, end, label in found if start < end]
    kept = resolve_overlaps(found, list(entities))
    # a work's title is no entity, and the places and bodies in it are (《华严寺辽金遗珍》: 华严寺, as
    # MSRA tags them), unless one is the whole title (the play 《右玉》); the persons the model reads
    # in titles are mostly their words (《军史辉煌》)
    works = [span for span in kept if span[2] == WORK]
    named_in_works = [e for e in entities if e[2] in ("PLACE", "ORG") and e[1] - e[0] >= 2  # not 晋 of 《晋商汇票》
                      and any(start <= e[0] and e[1] <= end and e[:2] != (start, end) for start, end, _ in works)]
    return sorted([span for span in kept if span[2] != WORK] + named_in_works)


def _without_marks(text: str, span: Span) -> Span | None:
    """A statistical span without title marks or quotes at its edges (《山西日报 -> 山西日报,
    《星报》 -> 星报): the marks around a name are not part of it, and a span holding them would
    beat the title rule. A quoted part of a longer name keeps its marks (“幸福工程”组委会,
    《星报》编辑部)."""
    start, end, label = span
    while start < end and text[start] in EDGE_MARKS and not _opens_a_part(text[start:end]):
        start += 1
    while end > start and text[end - 1] in EDGE_MARKS and not _closes_a_part(text[start:end]):
        end -= 1
    return (start, end, label) if start < end else None


PAIRED_MARKS = {"《": "》", "〈": "〉", "“": "”", "‘": "’", "「": "」", "『": "』"}
_PAIRED_BACKWARDS = {closer: opener for opener, closer in PAIRED_MARKS.items()}


def _opens_a_part(name: str) -> bool:
    """The mark that starts ``name`` closes inside it, with more of the name after: “幸福工程”组委会."""
    closer = PAIRED_MARKS.get(name[0])
    return closer is not None and 0 < name.find(closer, 1) < len(name) - 1


def _closes_a_part(name: str) -> bool:
    """The mark that ends ``name`` opens inside it, with more of the name before: 中国“星火”."""
    opener = _PAIRED_BACKWARDS.get(name[-1])
    return opener is not None and name.rfind(opener, 0, len(name) - 1) > 0


def resolve_overlaps(preferred: list[Span], others: list[Span]) -> list[Span]:
    """Keep the outer span where spans overlap (the longer one where they cross); on equal
    spans a ``preferred`` one wins. Returns the kept spans sorted by start."""
    candidates = [(span, 0) for span in set(preferred)]
    candidates += [(span, 1) for span in set(others) - set(preferred)]
    candidates.sort(key=lambda candidate: (candidate[0][0] - candidate[0][1], candidate[1], candidate[0]))
    kept: list[Span] = []
    for span, _ in candidates:
        if all(span[1] <= other[0] or other[1] <= span[0] for other in kept):
            kept.append(span)
    return sorted(kept)


# --- DOC (and newspapers, which are ORG) ---------------------------------------------------

def title_spans(page: str) -> list[Span]:
    """Titles in 《》: DOC, or ORG for a newspaper, or WORK for a play, film or book; plus short
    forms defined after a DOC."""
    spans = []
    work_end = None  # where the last work's title closed: the titles listed after it are works too
    for match in TITLE.finditer(page):
        listed_after_work = work_end is not None and page[work_end:match.start()] in ("", "、")
        start, end = _strip(page, *match.span(1))
        if listed_after_work or _names_a_work(page, match.start(), match.end()):
            work_end = match.end()
            spans.append((start, end, WORK))
            continue
        label = "ORG" if is_media_name(page[start:end]) else "DOC"
        spans.append((start, end, label))
        short = SHORT_FORM.match(page, match.end())
        if label == "DOC" and short and short.group(1) == "“":
            spans += _quoted_mentions(page, short.group(2), short.start(2))
    # a title the page once names as a work is a work wherever it names it (《大同古城营建考》作者)
    works = {page[start:end] for start, end, label in spans if label == WORK}
    return [(start, end, WORK if label == "DOC" and page[start:end] in works else label) for start, end, label in spans]


TITLES_AFTER = re.compile(r"(?:、?《[^《》\n]{1,30}》)*")
WORKS_COUNTED = re.compile(r"等?[0-9０-９一二三四五六七八九十两几多]+部")  # 《A》《B》等三部文化丛书
# the kind of work the listed titles are (《打金枝》《算粮》等经典剧目, 《走西口》《挂红灯》等经典二人台曲目)
WORKS_KIND = re.compile(r"等(?:经典|优秀|传统|原创)?[\u4e00-\u9fff]{0,4}?(?:曲目|剧目|节目|歌曲|唱段|剧作|戏曲|小戏|大戏)")


# what a document's title ends in, whatever the words around it (《…考古发掘报告》出版后)
DOCUMENT_ENDINGS = ("报告", "志", "年鉴", "规划", "方案", "条例", "办法", "意见", "纲要", "白皮书")


def _names_a_work(page: str, opening: int, closing: int) -> bool:
    """A play, a film or a book in 《》 is no document (the guidelines' DOC is documents, laws,
    plans and policies): a word right before the title says so, 了 or a line break aside
    (编纂出版了《北魏石刻艺术图录》, 大型实景演出⏎《千年守望》, 新编历史剧《晋阳宫》), or one right
    after it (《北魏之光》一剧) or after the titles listed with it (《打金枝》《算粮》等经典剧目, ``WORKS_KIND``), or
    their count in 部 (《A》《B》等三部丛书). A report or an annal is a document wherever it is
    published (《襄汾陶寺——1978—1985年考古发掘报告》出版后)."""
    lex = lexicon()
    if page.endswith(DOCUMENT_ENDINGS, opening, closing - 1):  # closing is after 》
        return False
    before = page[max(0, opening - 8):opening]
    after = TITLES_AFTER.match(page, closing).end()
    return any(before.rstrip("了的 \n\u3000").endswith(word) for word in lex.work_before) or page.startswith(
        lex.work_after, after) or bool(WORKS_COUNTED.match(page, after) or WORKS_KIND.match(page, after))


def is_media_name(title: str) -> bool:
    """《山西日报》 names a newspaper (an ORG), 《统计公报》 a document."""
    lex = lexicon()
    if title.endswith(lex.not_media_suffixes):
        return False
    return title.endswith(lex.media_suffixes)


def _quoted_mentions(page: str, name: str, first: int) -> list[Span]:
    """Every “name” from the definition on."""
    quoted = re.compile("“" + re.escape(name) + "”")
    return [(match.start() + 1, match.end() - 1, "DOC") for match in quoted.finditer(page, first - 1)]


# --- EVENT ---------------------------------------------------------------------------------

def event_spans(page: str, entities: list[Span], lex: Lexicon) -> list[Span]:
    """Named meetings, forums and festivals: a head word and the name to its left, and the
    expos known by their short names (能博会)."""
    spans = [(match.start(), match.end(), "EVENT") for match in PARTY_CONGRESS.finditer(page)]
    spans += [(from_edition(page, match.start()), match.end(), "EVENT") for match in lex.event_short_names.finditer(page)]
    spans += [(start, match.end(), "EVENT") for match in NUMBERED_STUDY.finditer(page)
              for start, end, label in entities if label == "ORG" and end == match.start()]
    marks = page_marks(page, lex.event_stops, lex, entities)
    for head in lex.event_head.finditer(page):
        start = _across_conjunction(page, left_edge(page, head.start(), marks), head.start(), marks, lex)
        if (start is None or page[start:head.end()].endswith(lex.event_blocked_prefixes)
                or SERIES_REFERENCE.match(page, start) or NUMBER_ONLY.match(page, start, head.start())):
            continue
        start = _after_festival(page, _from_year(page, _across_dash(page, start, entities), head.start()), head.start())
        start = _from_quote_title(page, start, head.end())
        if start < head.start():
            start = from_edition(page, start)  # 第七个 + 中国农民丰收节, not 第一个 + 培训班
        modifier = page[start:head.start()]
        signal = len(modifier) >= 2 and _event_signal(modifier, start, head.start(), marks)
        named = signal or (len(modifier) >= 4 and head.group() not in lex.signal_event_heads)
        if head.group() in lex.ordinal_event_heads:
            named = bool(EDITION.search(modifier)) or _dated_festival(page, start, head.start(), marks)
        if named and not _all_words(modifier, lex.vague):
            spans.append((start, head.end(), "EVENT"))
    return spans


FESTIVAL_ENDINGS = frozenset("节周季")
EDITION = re.compile("第[0-9０-９一二三四五六七八九十百]+届")
EDITION_BEFORE = re.compile("(?:第[0-9０-９一二三四五六七八九十百]+|首)届$|第[0-9０-９一二三四五六七八九十百]+个$")

# a festival's year before a name that holds a place (2025年中国·洪洞大槐树寻根祭祖节), not a
# holiday's (2025年春节)
FESTIVAL_YEAR = re.compile("[0-9０-９]{4}年?")


def _dated_festival(page: str, start: int, head: int, marks: Marks) -> bool:
    year = FESTIVAL_YEAR.match(page, start, head)
    return bool(year) and head - year.end() >= 4 and _holds_entity(year.end(), head, marks)


def from_edition(page: str, start: int) -> int:
    """A name takes its edition in (第六届能博会, 首届链博会, 第七个中国农民丰收节)."""
    edition = EDITION_BEFORE.search(page, max(0, start - 6), start)
    return edition.start() if edition else start


# a year starts a meeting's name: 以赛促训⏎2025年全省职工职业技能大赛 (a PDF's headline, its lines joined)
YEAR_AFTER_WORDS = re.compile(r"(?<=[\u4e00-\u9fff])[0-9０-９]{4}(?=年|[\u4e00-\u9fff])")


# a division that holds a meeting named by its year (中阳县2024年抓党建促乡村振兴工作推进会)
DIVISION_BEFORE_YEAR = re.compile("[\u4e00-\u9fff]{1,6}[省市县区]")


def _from_year(page: str, start: int, head: int) -> int:
    """Where the name starts: at its year, unless a scope or a division comes first (全市2025年…会议,
    中阳县2024年…推进会)."""
    year = YEAR_AFTER_WORDS.search(page, start, head)
    return year.start() if year and page[start:year.start()] not in SCOPES + ("中央",) and not DIVISION_BEFORE_YEAR.fullmatch(
        page, start, year.start()) else start


CELEBRATING = re.compile("(?:庆祝|纪念)(?:第[0-9０-９一二三四五六七八九十]+个)?$")


def _after_festival(page: str, start: int, head: int) -> int:
    """A festival joined by 暨 to another event is an event of its own (祁县第六届酥梨文化节暨
    晋中市农特产品产销对接会: two names), where two meetings so joined are one (…发展大会暨…推进会),
    and so is a meeting that celebrates a day (庆祝第40个教师节 + 暨…表彰大会)."""
    celebration = CELEBRATING.search(page, max(0, start - 10), start)
    if celebration:
        return celebration.start()  # 庆祝第40个教师节暨全市教育工作表彰大会: one meeting that celebrates a day
    joined = page.rfind("暨", start, head)
    return joined + 1 if joined > start and page[joined - 1] in FESTIVAL_ENDINGS else start


DASHES = frozenset("—－-")


def _from_quote_title(page: str, start: int, end: int) -> int:
    """A quoted exhibition whose title and subtitle a dash joins is one name (“宋韵边关——岢岚长城文物展”)."""
    opening = page.rfind("“", max(0, start - 20), start)
    if opening < 0 or "”" in page[opening:start] or "—" not in page[opening:start] or page[end:end + 1] != "”":
        return start
    return opening + 1


def _across_dash(page: str, start: int, entities: list[Span]) -> int:
    """Two partners joined by a dash name one meeting (山西—中亚能源合作对接会, 中国—东盟博览会):
    the name goes on left of the dash where a place or body ends at it, or before the province
    it brackets (中国（山西）—中亚经贸合作博览会), and another starts after it."""
    if page[start - 1:start] not in DASHES or not any(e[0] == start and e[2] in ("PLACE", "ORG") for e in entities):
        return start
    end = start - 1
    if page[end - 1:end] in ("）", ")"):
        opener = page.rfind(CLOSERS[page[end - 1]], max(0, end - 8), end)
        end = opener if opener >= 0 else end
    return from_edition(page, next((e[0] for e in entities if e[1] == end and e[2] in ("PLACE", "ORG")), start))


def _across_conjunction(page: str, start: int | None, head: int, marks: Marks, lex: Lexicon) -> int | None:
    """A meeting's name holds its two topics (陶寺遗址考古与保护利用座谈会, 关公文化与文明互鉴国际
    论坛): the name goes on left of a 与 or 和 that the scan stopped at, unless the part right of it
    is a name of its own (重要指示精神和 + 省政府第48次常务会议; a place in it is no such sign:
    关公文化与 + 中华文明传承学术研讨会) or what is left of it names a meeting of its own
    (市委常委会和座谈会), a partner (中华人民共和国与 + 东盟国家首脑会晤) or what is passed on (讲话精神和)."""
    if start is None or start < 3 or page[start - 1] not in "与和" or EVENT_SIGNAL.search(page, start, head):
        return start
    before = _part_before(page, start - 1, marks)  # not across brackets or quotes: “节目展播奖”（广州）全国高校党建和
    if (before is None or lex.event_head.search(page, before, start - 1) or start - 1 in marks.jumps
            or page.endswith(NOT_TOPICS, before, start - 1)):
        return start
    return before


# what is passed on before a meeting, not a topic of it (重要讲话精神和省委常委会会议精神)
NOT_TOPICS = ("精神", "指示", "讲话", "批示")


def _event_signal(modifier: str, start: int, end: int, marks: Marks) -> bool:
    return bool(EVENT_SIGNAL.search(modifier)) or _holds_entity(start, end, marks)


# --- laboratories (ORG) -------------------------------------------------------------------

def lab_spans(page: str, lex: Lexicon, marks: Marks) -> list[Span]:
    """Laboratories and research centres, named by their field before the head
    (煤转化国家重点实验室, 量子光学与光量子器件国家重点实验室): long names the model, trained on
    news of 1998, seldom read whole. The name is found as a project's is (``marks``: the projects')."""
    spans = []
    for head in lex.lab_head.finditer(page):
        start = _across_field_parts(page, left_edge(page, head.start(), marks), marks, lex)
        if start is not None and head.start() - start >= 4 and not _all_words(page[start:head.start()], lex.generic):
            spans.append((start, head.end(), "ORG"))
    return spans


def _across_field_parts(page: str, start: int | None, marks: Marks, lex: Lexicon) -> int | None:
    """A field named by two parts joined by 与 or 和 is one name (仪器科学与动态测试), two
    laboratories so joined are two (A重点实验室和B重点实验室)."""
    if start is None or page[start - 1:start] not in ("与", "和"):
        return start
    before = _part_before(page, start - 1, marks)
    return start if before is None or lex.lab_head.search(page, before, start - 1) else before


def _part_before(page: str, conjunction: int, marks: Marks) -> int | None:
    """Where the part of a name before the conjunction at ``conjunction`` starts: two characters
    at least, and no quote or bracket in it; None where there is no such part."""
    before = left_edge(page, conjunction, marks)
    if before is None or conjunction - before < 2 or any(
            char in EDGE_MARKS or char in CLOSERS for char in page[before:conjunction]):
        return None
    return before


# --- PROJECT -------------------------------------------------------------------------------

PROJECT_PHASE = re.compile("项目[一二三四五六七八九十]期$")


def project_spans(page: str, entities: list[Span], lex: Lexicon, marks: Marks) -> list[Span]:
    """Named projects, programmes, campaigns and pilots (``marks``: page_marks with the projects'
    stop words, and quarters as dates)."""
    spans = (_quoted_projects(page, lex, marks) + _quoted_designations(page, lex) + _quoted_programmes(page, lex)
             + _national_programmes(page) + _enumerated_projects(page, lex, marks)
             + _road_works(page, entities) + _lines_under_construction(page) + _quality_campaigns(page, entities)
             + _section_works(page, entities))
    for head in lex.project_head.finditer(page):
        if PROJECT_PHASE.search(page, 0, head.start()):
            continue  # …产业园项目 + 一期工程: the project is named at 项目, its phase is no part of it
        start = _project_start(page, head, lex, marks)
        if start is not None and _is_project_name(page, start, head, lex, marks):
            # a festival's or a fair's programme is the event (中国农民丰收节山西主场活动)
            festival = head.group() == "活动" and lex.event_head.search(page, start, head.start())
            spans.append((start, head.end(), "EVENT" if festival else "PROJECT"))
    return spans + _quoted_repeats(page, spans)


# the longest first: 粮改饲试点 before 粮改饲
PROGRAMMES = re.compile("|".join("\n?".join(map(re.escape, name))
                                 for name in sorted(read_word_list("programmes.txt"), key=len, reverse=True)))


def _national_programmes(page: str) -> list[Span]:
    """The national programmes named by their slogan alone (``kg/data/programmes.txt``)."""
    return [(*match.span(), "PROJECT") for match in PROGRAMMES.finditer(page)]


# the campaigns to make a place safe, clean or ruled by law (平安忻州建设, 清廉长治建设)
CAMPAIGN_QUALITIES = ("平安", "清廉", "法治", "健康", "美丽", "幸福")


def _quality_campaigns(page: str, entities: list[Span]) -> list[Span]:
    return [(start - 2, end + 2, "PROJECT") for start, end, label in entities if label == "PLACE"
            and page[start - 2:start] in CAMPAIGN_QUALITIES and page.startswith("建设", end)]


# a place's section being built (长城国家文化公园(山西段)建设, 雄忻高铁（忻州段）建设项目)
SECTION_WORKS = re.compile(r"[(（][\u4e00-\u9fff]{1,6}段[)）]建设(?:项目)?")


def _section_works(page: str, entities: list[Span]) -> list[Span]:
    return [(start, works.end(), "PROJECT") for start, end, label in entities
            if label == "PLACE" and (works := SECTION_WORKS.match(page, end))]


def _quoted_repeats(page: str, spans: list[Span]) -> list[Span]:
    """A project named once is also meant where the page quotes the name alone
    (推动“一泓清水入黄河” after “一泓清水入黄河”工程)."""
    names = {page[start:end] for start, end, _ in spans if "“" not in page[start:end]}
    repeats = []
    for name in names:
        for match in re.finditer("“" + re.escape(name) + "”", page):
            repeats.append((match.start() + 1, match.end() - 1, "PROJECT"))
    return repeats


def _is_project_name(page: str, start: int, head: re.Match, lex: Lexicon, marks: Marks) -> bool:
    modifier = page[start:head.start()]
    quoted = _quoted_names(page, start, head)
    if quoted and not _short_quote(quoted):
        return False  # “X”工程: the name is X, found by _quoted_projects
    word = head.group()
    if word in lex.designation_heads:
        return len(modifier) >= 4 and bool(_word_ending(page, start, lex.designation_triggers))
    whole_quote = page[start - 1:start] == "“" and page[head.end():head.end() + 1] == "”"  # “百千万工程”
    if word in lex.strong_heads:
        # a quote that holds the head names the programme however short (“国培计划”, “清风行动”)
        shortest = 2 if word in lex.short_name_heads or whole_quote else 4
        return len(modifier) >= shortest and not _all_words(
            modifier, lex.generic if word in lex.campaign_heads else lex.vague)
    after_de = (page[start - 1:start] == "的" and start not in marks.jumps.values() and start - 1 not in marks.jumps
                and not page.endswith(DEED_VERBS, 0, start - 1) and start - 1 not in marks.numbers)
    programme = next((h for h in lex.strong_heads if modifier.endswith(h)), None)
    if programme and programme + word not in lex.project_blocked:
        return False  # 国家重点研发计划 + 项目: the programme is the name, found by its own head (not 试点示范 + 项目)
    if (after_de or modifier.endswith(KIND_ENDINGS)) and not CAPACITY.match(modifier):
        # 重要的群众文化基础设施项目, 企业重大技术攻关类项目, 经济区重点项目: a kind of project, not a
        # name; one that starts with its place or company is named (忻州市引进的忻州半导体材料产业园项目),
        # and so is one a deed, an amount or its place introduces (签约的智算云图大同智算中心项目, 投资18亿元的
        # …项目, 落户晋城经开区的光机电精密零部件产业园项目)
        return False
    division = len(modifier) <= 3 or modifier[-1] in "省市县区镇乡村"
    if word == "项目" and marks.jumps.get(head.start()) == start and division:
        return False  # 长治 + 项目建设: a division's projects, not a named one (not 忻州半导体材料产业园 + 项目, 三峡 + 工程)
    signal = (whole_quote or bool(SIGNAL.search(modifier)) or _holds_entity(start, head.start(), marks)
              or bool(NUMBERED_NAME.fullmatch(modifier)))
    carried_out = (word in ("工程", "项目") and (page.endswith(CARRYING_OUT, 0, start)  # 实施 + 蒲剧振兴 + 工程
                                                  or page.endswith(LISTED_WORKS, 0, start))
                   and not COUNTED.match(page, head.end()))  # not 实施 + 老旧小区改造项目 + 86个: a kind, counted
    long_enough = len(modifier) >= 8 or (signal and len(modifier) >= 2) or (carried_out and len(modifier) >= 4)
    return long_enough and not _all_words(modifier, lex.generic)


# what kind of activity a quoted campaign holds: 志愿服务, 义诊, 职工读书, 文旅推广系列
def _quoted_names(page: str, start: int, head: re.Match) -> re.Match | None:
    """Quoted names right before a bare head, or a phase and the head: “X”工程, “X”二期工程,
    “A”“B”等系列工程 (a head with more words, “检护民生”专项行动, makes one name with the quote)."""
    return next((match for match in QUOTED_LIST.finditer(page, start, head.end())
                 if match.end() == head.end() and match.start(3) == head.start()), None)


def _short_quote(match: re.Match) -> bool:
    """One quoted name too short to stand alone, right before its head: “断卡”行动."""
    return (match.group(1).count("“") == 1 and len(match.group(1)) - 2 <= SHORT_QUOTED
            and match.end(1) == match.start(3))


SENTENCE_MARKS = re.compile("[，。！？；,!?;]")


def _quoted_projects(page: str, lex: Lexicon, marks: Marks) -> list[Span]:
    """Quoted names right before a head: “一泓清水入黄河”工程, “A、B、C”三大工程, “A”“B”等系列工程;
    one quoted name with the field it works in before it is named whole (森林防火“百日攻坚”行动)."""
    spans = []
    for match in QUOTED_LIST.finditer(page):
        if lex.project_head.match(page, match.start(3)) is None:
            continue  # a blocked continuation such as 活动室
        if _short_quote(match):
            continue  # “断卡”行动: the whole is the name (project_spans)
        quotes = [quote for quote in re.finditer(r"“([^“”]+)”", match.group(1))
                  if not SENTENCE_MARKS.search(quote.group(1))]  # a quoted sentence names nothing
        field = _field_before_quote(page, match, marks) if len(quotes) == 1 and not match.group(2) else None
        if field is not None:
            spans.append((field, match.end(), "PROJECT"))
            continue
        # “A、B、C”三大工程 names three projects; “千村示范、万村整治”工程 one
        items = r"[^、]+" if len(quotes) > 1 or match.group(2) else r".+"
        for quoted in quotes:
            offset = match.start(1) + quoted.start(1)
            for item in re.finditer(items, quoted.group(1)):
                name = item.group()
                if len(name.strip()) >= 2 and not _all_words(name, lex.vague):
                    spans.append((*_strip(page, offset + item.start(), offset + item.end()), "PROJECT"))
    return spans


# what starts no field before a quoted campaign: a scope or the verbs the stop words miss (国家 +
# “东数西算”工程, 学习运用 + “千村示范、万村整治”工程); nor does a year or a count (2025年“慈心一日捐”活动)
VERBS_BEFORE_QUOTES = ("国家", "学习", "运用", "推广", "配建", "同时", "坚持", "拉开")
DIGIT = re.compile("[0-9０-９]")


def _field_before_quote(page: str, match: re.Match, marks: Marks) -> int | None:
    """Where the field a quoted campaign works in starts, right before its quote (森林防火 + “百日攻坚”行动,
    案件查办 + “铁拳”行动: the annotators name 29 of these whole), or None: after a verb (开展 +
    “X”活动, a stop word), a scope or a body (全省, 国家, 长治检察机关: who runs it, ``_from_quote``)."""
    quote = match.start(1)
    start = left_edge(page, quote, marks)
    if (start is None or quote - start < 2 or page.startswith(SCOPES + VERBS_BEFORE_QUOTES, start)
            or _holds_entity(start, quote, marks) or DIGIT.search(page, start, quote)):
        return None
    return start



# a quoted programme that is built or a reform that is carried out (推进“清廉阳泉”建设, 推进“高效办成一件事”
# 改革); a reform is named by five characters at least, as the annotators read them (“放管服”改革: a slogan)
QUOTED_BUILDING = re.compile("“([^“”\n]{4,20})”建设(?![成者])|“([\u4e00-\u9fff]{5,16})”改革")


def _quoted_programmes(page: str, lex: Lexicon) -> list[Span]:
    """Quoted names before 建设 or 改革 (``QUOTED_BUILDING``), unless generic."""
    return [(match.start(group), match.end(group), "PROJECT") for match in QUOTED_BUILDING.finditer(page)
            for group in (1, 2) if match.group(group) and not _all_words(match.group(group), lex.generic)]


def _quoted_designations(page: str, lex: Lexicon) -> list[Span]:
    """A base or service area named in quotes is a designated programme, as local pages write
    them (挂牌设立“粮食高产创新基地”, “15分钟养老托幼便民服务区”); unquoted, 基地 is a place
    or a common noun. One awarded is a title, no programme (授牌“邮政助农示范基地”, 授予“中国日用陶瓷
    出口基地”等称号, 为“诗词研学基地”授牌: the invented pages tag no quoted base or site)."""
    return [(match.start(1), match.end(2), "PROJECT") for match in lex.quoted_only_head.finditer(page)
            if not _all_words(match.group(1), lex.generic) and not _awarded(page, match)]


# what awards a title: 授予, 授牌, 评为, 命名为 before it; its plaque or the word "title" after it
AWARDED_BEFORE = re.compile("(?:授予|授牌|评为|命名为|被命名|荣获|获评)(?:首批|全国|全省)?(?:“[^“”\n]{1,20}”)*$")
AWARDED_AFTER = re.compile("(?:“[^“”\n]{1,20}”)*(?:等)?(?:称号|牌子|授牌|揭牌|牌匾)")


def _awarded(page: str, match: re.Match) -> bool:
    """Whether the quoted name ``match`` is a title given (``AWARDED_BEFORE``, ``AWARDED_AFTER``)."""
    return bool(AWARDED_BEFORE.search(page, max(0, match.start() - 40), match.start())
                or AWARDED_AFTER.match(page, match.end()))


def _project_start(page: str, head: re.Match, lex: Lexicon, marks: Marks) -> int | None:
    """The left edge of the project named before ``head``. A verb that introduces names
    (打造, 创建) is part of the name right before a strong head: 实施专业镇打造行动; 创建 before
    any head, where a title is being won (“枫桥式人民法庭”创建活动, 示范村创建项目)."""
    start = left_edge(page, head.start(), marks)
    verb = page[head.start() - marks.stops.get(head.start(), 0):head.start()]
    if start == head.start() and verb in lex.named_before_head and (
            head.group() in lex.strong_heads or verb == "创建"):
        start = left_edge(page, head.start() - len(verb), marks)
    start = _across_joined_parts(page, start, head.start(), marks, lex)
    if start is not None and page.startswith(LEADING_VERBS, start) and head.start() - start > 6:
        start += next(len(verb) for verb in LEADING_VERBS if page.startswith(verb, start))
    ministry = MINISTRY_NAME.match(page, start) if start is not None else None
    if ministry and head.start() - ministry.end() >= 4:
        start = ministry.end()  # 住房城乡建设部 + 完整社区建设试点: the ministry runs the pilot, not in its name
    body_end = _body_at(page, start, marks)
    if body_end and head.start() - body_end >= 4:
        start = body_end  # 山西省水利厅 + 城乡供水一体化提升工程, as a ministry's
    start = _from_route_start(page, start, marks)
    since = LEADING_TIME.match(page, start) if start is not None else None
    if since and since.end() < head.start():
        start = since.end()  # 自2016年 + “吕梁山护工”培训就业工程: when it began is no part of its name
    quoted = _quoted_names(page, start, head) if start is not None else None
    if quoted and _short_quote(quoted):
        field = _field_before_quote(page, quoted, marks)  # 案件查办 + “铁拳”行动
        return quoted.start() if field is None else field
    return _from_quote(page, start, head.start(), marks)


def _from_route_start(page: str, start: int | None, marks: Marks) -> int | None:
    """A line or a road between places is named by its ends, a dash between them (晋北 + — + 江苏±800千伏
    特高压直流输电工程, 天镇—阳高500千伏输变电工程, 大同—怀来—天津南…): the name goes on left of a
    single dash over a place the model found or a short name of two to four characters."""
    while start is not None and page[start - 1:start] in DASHES and page[start - 2:start - 1] not in DASHES:
        if start - 1 in marks.jumps and start in marks.jumps.values():
            start = marks.jumps[start - 1]
            continue
        end = start - 1
        left = left_edge(page, end, marks)
        if left is None or not 2 <= end - left <= 4:
            break
        start = left
    return start


# since when (自2016年, 2020年以来), not a year that names an edition (2025年中国农民丰收节…活动)
LEADING_TIME = re.compile(r"(?:自|从)[0-9０-９]{4}年(?:以来|起)?|[0-9０-９]{4}年(?:以来|起)")


# the ends of a government body's name (省水利厅, 市交通运输局, 县发改委)
BODY_ENDINGS = ("厅", "局", "委", "委员会", "办", "政府")


def _body_at(page: str, start: int | None, marks: Marks) -> int | None:
    """The end of the government body (an entity ending in ``BODY_ENDINGS``) that starts at ``start``."""
    if start is None:
        return None
    end = next((end for end, entity_start in marks.jumps.items() if entity_start == start), None)
    return end if end and page.endswith(BODY_ENDINGS, start, end) else None


def _across_joined_parts(page: str, start: int | None, head: int, marks: Marks, lex: Lexicon) -> int | None:
    """Works named by two tasks or parts joined by 与 or 及 (浊漳河南源生态保护与修复工程,
    2GW高效异质结电池及组件项目): the name goes on left of the 与 where the part right of it is a
    generic task alone (修复, 保护治理), and left of the 及 where that part is short (组件, 系统生产基地)."""
    if start is None:
        return start
    joined = page[start - 1:start]
    right = page[start:head]
    if not (joined == "与" and _all_words(right, lex.generic) or joined == "及" and 2 <= len(right) <= 6):
        return start
    before = _part_before(page, start - 1, marks)
    return start if before is None else before


def _from_quote(page: str, start: int | None, head: int, marks: Marks) -> int | None:
    """A body or a scope before a quoted name runs the campaign, it is not named in it:
    全省法院“冬季攻坚”执行专项行动, 全省“两山七河一流域”生态保护修复工程."""
    quote = page.find("“", start, head) if start is not None else -1
    if quote > start and (page[start:quote] in SCOPES or marks.jumps.get(quote) == start):
        return quote
    return start


def _road_works(page: str, entities: list[Span]) -> list[Span]:
    """A named road and the works on it (魏榆路改造, 龙城大街东延): the place found, with or
    without its road word, and what follows."""
    return [(start, match.end(), "PROJECT") for match in ROAD_WORKS.finditer(page)
            for start, end, label in entities if label == "PLACE" and end in match.span(1)]


# a railway or a motorway being built is a project (加快雄忻高铁建设, 太原至绥德高铁全线进入主体施工);
# one that runs is a place (西至大运高速)
LINE = re.compile("高速铁路|城际铁路|高速公路|高铁|铁路|高速")
LINE_NAME = re.compile("[\u4e00-\u9fff]{2,4}至[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{2,3}")
BUILDING_BEFORE = ("加快推进", "加快", "推进", "推动", "开工建设", "建设", "实施")
BUILDING_AFTER = re.compile("建设|项目|工程|累计|全线|建成|开工|主体|前期|施工|加快")
LINKING_CHARACTERS = "是在为与和及将把对从由经向让"
KINDS_OF_LINE = ("普速", "城际", "高速", "重载", "货运", "客运", "地方", "专用", "疏港", "干线", "支线", "乘坐", "坐")


SECTION = re.compile("(?:[\u4e00-\u9fff]{2,4}段)?")


def _building_verb(run: str) -> str:
    """What of the characters before a line is the verb of building and all before it (全力推进 +
    雄忻), where the rest names the line; "" where none is."""
    for verb in BUILDING_BEFORE:
        at = run.rfind(verb)
        if at >= 0 and LINE_NAME.fullmatch(run[at + len(verb):]):
            return run[:at + len(verb)]
    return ""


def _lines_under_construction(page: str) -> list[Span]:
    """A line named by its ends (雄忻高铁, 太原至绥德高铁) where the page builds it: a verb of
    building before it, or building, works or progress after it; a line listed after one so
    found (加快A、B建设) is built too, and so is every other mention of a line found."""
    found, names = [], set()
    for head in LINE.finditer(page):
        start = head.start()
        while start > 0 and "\u4e00" <= page[start - 1] <= "\u9fff" and head.start() - start < 14:
            start -= 1
        verb = _building_verb(page[start:head.start()])
        if not verb and head.start() - start == 3 and page[start] in LINKING_CHARACTERS:
            start += 1  # 是 + 祁武高速
        name = page[start + len(verb):head.start()]
        if not LINE_NAME.fullmatch(name) or name.startswith(KINDS_OF_LINE):
            continue
        listed = page[start - 1:start] == "、" and any(end == start - 1 for _, end, _ in found)
        after = SECTION.match(page, head.end()).end()  # 雄忻高铁 + 忻州段 + 加快建设
        if verb or listed or BUILDING_AFTER.match(page, after):
            found.append((start + len(verb), head.end(), "PROJECT"))
            names.add(page[start + len(verb):head.end()])
    repeats = [(m.start(), m.end(), "PROJECT") for name in names for m in re.finditer(re.escape(name), page)]
    return sorted(set(found + repeats))


def _enumerated_projects(page: str, lex: Lexicon, marks: Marks) -> list[Span]:
    """Items of 推进A、B、C等项目建设 that name works (太旧高速扩容改造)."""
    spans = []
    for match in ENUMERATION.finditer(page):
        end = match.start()
        while end > 0:
            start = left_edge(page, end, marks)
            if start is None:
                break
            item = page[start:end]
            # five characters at least: 产业升级 of 推进产业升级、人才培养等项目 is no name
            if 5 <= len(item) <= 25 and _names_works(item, start, end, lex, marks):
                spans.append((start, end, "PROJECT"))
            if page[start - 1:start] != "、":
                break
            end = start - 1
    return spans


def _names_works(item: str, start: int, end: int, lex: Lexicon, marks: Marks) -> bool:
    """An item of a list of projects names works by its ending (太旧高速扩容改造), or by a place,
    a body or a figure in it (怀仁经济技术开发区铁路专用线, 恒拓新材料年产5万吨陶瓷基板)."""
    specific = item.endswith(lex.item_endings) or bool(DIGITS.search(item)) or _holds_entity(start, end, marks)
    return specific and not _all_words(item, lex.generic)


# --- the left edge of a name ---------------------------------------------------------------

@dataclass(frozen=True)
class Marks:
    """What ends at each position of a page, for the scan to a name's left edge."""

    stops: dict[int, int]  # position -> length of the stop word ending there
    transparent: dict[int, int]  # words that look like stops but belong to names (党的)
    numbers: set[int]  # ends of counts (200个, 三大) and dates (3月12日)
    jumps: dict[int, int]  # end -> start of an ORG/PLACE entity, jumped over whole
    walls: set[int]  # ends of PERSON entities, which a name never crosses


# words that start with 和 (and) and start names: 和美乡村, 和谐社区, 和顺县 (not 和美国, 和平方米)
NAMES_FROM_AND = re.compile("和(?:美(?![国方元])|谐|顺|睦|平(?![方均]))")


def page_marks(page: str, stops: frozenset[str], lex: Lexicon, entities: list[Span], *times: re.Pattern) -> Marks:
    """The marks of ``page``; ``times`` are more spans of time that end a name (QUARTER)."""
    stop_ends = _word_ends(page, stops)
    for word in NAMES_FROM_AND.finditer(page):  # 和美乡村示范村创建行动: the 和 starts the name
        if stop_ends.get(word.start() + 1) == 1:
            del stop_ends[word.start() + 1]
            stop_ends.setdefault(word.start(), 0)
    return Marks(
        stops=stop_ends,
        transparent=_word_ends(page, lex.transparent),
        numbers={match.end() for pattern in (COUNT, MONEY, DATE, *times) for match in pattern.finditer(page)},
        jumps={end: start for start, end, label in entities if label != "PERSON"},
        walls={_wall(page, start, end) for start, end, label in entities if label == "PERSON"},
    )


# after a person, a topic named after him (关公文化与中华文明传承学术研讨会, 雷锋精神)
PERSON_TOPICS = ("文化", "精神", "思想")


def _wall(page: str, start: int, end: int) -> int:
    """Where a person stops the scan for a name: at its end, or, for a "person" right after an
    edition, at the edition, as it is the name of what the edition numbers (首届 + 洪山香 + 文化节);
    nowhere for a person whose name starts a topic (``PERSON_TOPICS``)."""
    edition = from_edition(page, start)
    if edition < start:
        return edition
    return -1 if page.startswith(PERSON_TOPICS, end) else end


def left_edge(page: str, head: int, marks: Marks) -> int | None:
    """Where the name ending at ``head`` starts: scan left until punctuation, a stop word,
    a count, a date or a person, jumping over quotes, brackets and ORG/PLACE entities. None when
    no edge is found within NAME_LIMIT characters.

    A bracket belongs to a name inside it (中国（太原）煤炭交易博览会), never at its start: a
    dateline or a reporter before the name, (新华社北京２月１９日电)第八届全国人民代表大会第五次会议,
    is left out."""
    start = _scan_left(page, head, marks)
    while start is not None and page[start:start + 1] in BRACKETS:
        closer = page.find(BRACKETS[page[start]], start, head)
        if closer < 0:
            break
        start = closer + 1
    return start


def _scan_left(page: str, head: int, marks: Marks) -> int | None:
    position = head
    while position > 0 and head - position <= NAME_LIMIT:
        if position in marks.walls:
            return position
        if position in marks.jumps:
            if position - marks.stops.get(position, 0) < marks.jumps[position]:
                return position  # a stop word that holds the entity: 在华 (in China)
            position = marks.jumps[position]
            continue
        char = page[position - 1]
        if char in CLOSERS:
            opener = _opener(page, position - 1)
            if opener is None:
                return position
            position = opener
            continue
        if position in marks.transparent:
            position -= marks.transparent[position]
            continue
        if (char in HARD_STOPS and not _inside_quantity(page, position - 1) or char in CLOSERS.values()
                or position in marks.stops or position in marks.numbers):
            return position
        position -= 1
    return 0 if position == 0 else None


def _inside_quantity(page: str, mark: int) -> bool:
    """Whether the mark at ``mark`` is a decimal point (年产1.2万吨) or a rate's slash (180万吨/年)."""
    if page[mark] in ".．":
        return page[mark - 1:mark].isdigit() and page[mark + 1:mark + 2].isdigit()
    return page[mark] == "/" and page[mark + 1:mark + 2] == "年" and page[mark - 1:mark] in ("吨", "台", "套", "件")


def _word_ends(page: str, words: frozenset[str]) -> dict[int, int]:
    """Position -> length of the longest word of ``words`` that ends there (found as the
    longest word starting there in the reversed page, with one C-speed regex scan)."""
    length = len(page)
    return {length - match.start(): len(match.group(1)) for match in _reversed_words(words).finditer(page[::-1])}


@lru_cache(maxsize=8)
def _reversed_words(words: frozenset[str]) -> re.Pattern:
    alternatives = sorted((word[::-1] for word in words), key=len, reverse=True)
    return re.compile("(?=(" + "|".join(map(re.escape, alternatives)) + "))")


def _word_ending(page: str, position: int, words: frozenset[str]) -> str:
    for length in (4, 3, 2, 1):
        word = page[max(0, position - length):position]
        if len(word) == length and word in words:
            return word
    return ""


def _opener(page: str, closer: int) -> int | None:
    """Index of the bracket or quote that opens the group closed at ``closer``, when the
    group is short and holds no sentence or list punctuation."""
    opening = CLOSERS[page[closer]]
    for position in range(closer - 1, max(-1, closer - GROUP_LIMIT - 1), -1):
        char = page[position]
        if char == opening:
            return position
        if char in NOT_IN_GROUP or char == page[closer]:
            return None
    return None


def _holds_entity(start: int, end: int, marks: Marks) -> bool:
    return any(start <= entity_start and entity_end <= end for entity_end, entity_start in marks.jumps.items())


def is_generic_phrase(text: str) -> bool:
    """Whether ``text`` is nothing but the lexicon's generic words (文化旅游, 能源科技)."""
    return _all_words(text, lexicon().generic)


def _all_words(text: str, words: frozenset[str]) -> bool:
    """True when ``text`` is nothing but words of ``words`` (河道治理 = 河道 + 治理)."""
    covered = [True] + [False] * len(text)
    for end in range(1, len(text) + 1):
        covered[end] = any(covered[end - length] and text[end - length:end] in words
                           for length in range(1, min(end, 4) + 1))
    return covered[-1]


def _strip(page: str, start: int, end: int) -> tuple[int, int]:
    while start < end and page[start].isspace():
        start += 1
    while end > start and page[end - 1].isspace():
        end -= 1
    return start, end


# --- spaCy ---------------------------------------------------------------------------------

@Language.factory("kg_rules")
def make_rules(nlp: Language, name: str):
    """The pipeline component: adds the rules' spans to the Doc's statistical entities."""
    return apply_rules


def apply_rules(doc: Doc) -> Doc:
    entities = [(entity.start_char, entity.end_char, entity.label_) for entity in doc.ents]
    spans = [doc.char_span(start, end, label=label, alignment_mode="expand")
             for start, end, label in rule_spans(doc_text(doc), entities)]
    doc.ents = filter_spans([span for span in spans if span is not None])
    return doc
