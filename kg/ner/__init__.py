"""Named entities in Chinese text: the shipped spaCy pipeline behind a small interface.

    tagger = kg.ner.load()                 # models/kg_zh, loaded once
    tagger.tag("长治市委书记...")            # -> [Mention(start, end, text, label, canonical)]

The text is cleaned first (width normalisation, PDF line-break repair: kg.text) and the
spans are mapped back, so offsets always index the text as given and a span may contain a
line break that cleaning removed. Byline names, national leaders and persons of history are persons
(``with_bylines``, ``with_leaders``, ``with_historical_persons``), address forms are not (``without_address_forms``: 王大妈),
nor are names read across a headline's spaces (``without_names_across_spaces``: 新征程 新伟业),
and a name the model found once is tagged wherever else it occurs in the same text
(``with_repeats``), as are the short forms of companies and local bodies named in full
(``with_short_forms``: 诚信种业) and the quoted names of projects (``with_quoted_projects``).
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator

from kg.errors import KgError
from kg.mention import LABELS, Mention
from kg.resolve.names import company_core
from kg.resolve.rules import load_rules
from kg.word_lists import read_characters, read_word_list
from kg.text import HORIZONTAL_SPACE, CleanText, clean

if TYPE_CHECKING:
    from spacy.language import Language

    from kg.ner.places import DivisionKin

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_MODEL = REPO_ROOT / "models" / "kg_zh"
# Long texts are tagged in pieces of about this many characters, cut after a line break or
# sentence-final punctuation: memory stays flat and the model batches pieces efficiently.
PIECE_LENGTH = 1000
# The statistical model's labels (the others come from rules) and the shortest name of each
# that with_repeats looks for elsewhere in the text.
REPEAT_MIN_LENGTH = {"PERSON": 2, "PLACE": 2, "ORG": 3}
# (a surname with 女士 or 先生 is one too: the citizen a local page quotes, 游客王女士)
ADDRESS_FORMS = ("大妈", "大娘", "大爷", "大叔", "大婶", "大姐", "大哥", "阿姨", "阿婆", "师傅", "女士", "先生")
_PIECE_END = re.compile(r"\n|[。！？；][”’」』）)]*")
# Bylines: 本报记者 马慧荣, 记者刘婷婷 通讯员杨柳青报道, (记者 郑苗苗), 李红卫 摄. The name is
# two or three Han characters between a role word and a space, line end, 摄, 报道 or bracket
# (a PDF's line may break inside the name: 通讯员 张⏎海军).
_BYLINE = re.compile(r"(?:记者|通讯员|实习生|摄影|编辑[:：]?|美编[:：]?|版式(?:设计)?[:：]?|校对[:：]?)[ \u3000]*"
                     r"((?!摄|供图|供稿)[\u4e00-\u9fff](?:\n?(?!摄)[\u4e00-\u9fff]){1,2})"
                     r"(?=[ \u3000]|$|摄|报道|[)）])"
                     r"|(?<![\u4e00-\u9fff])([\u4e00-\u9fff]{2,3})[ \u3000]*摄(?=[ \u3000]|$)", re.MULTILINE)
# a bracketed credit names everyone in it: (通讯员 薛晓峰 卫丽娜), (记者 张三 通讯员 李四)
_CREDIT = re.compile(r"[（(][ \u3000]*(?:本报)?(?:记者|通讯员|实习生)([^()（）\n]{2,40})[)）]")
_CREDIT_NAME = re.compile(r"(?<![\u4e00-\u9fff])(?!记者|通讯员|实习生|供图|供稿|摄影|报道|整理|采写|编辑)"
                          r"(?:(?!摄)[\u4e00-\u9fff]){2,3}(?=摄?(?![\u4e00-\u9fff]))")
_ROLES = re.compile("实习生|通讯员")
_PIECE_SOFT_END = re.compile(r"[，、：,:]|[）)]")  # in a list of names with no sentence end
RULE_LABELS = ("PROJECT", "DOC", "EVENT")
VAGUE_TRADES = ("科技", "技术", "实业", "发展")  # the trades a company's short form leaves out
# a trade name of three characters ending like a shop's (晋香源 of 山西晋香源油脂有限公司, 晋韵堂 of
# 平遥县晋韵堂推光漆器有限公司): the trade after it goes too
SHOP_NAME_ENDINGS = frozenset("源堂斋坊祥号轩记")
HORIZONTAL_SPACES = re.compile(f"[{HORIZONTAL_SPACE}]+")
_WORDS_APART = re.compile(f"[\u4e00-\u9fff][{HORIZONTAL_SPACE}]+[\u4e00-\u9fff]")
_HAN = re.compile("[\u4e00-\u9fff]")
_LEADERS = re.compile("|".join(sorted(read_word_list("leaders.txt"), key=len, reverse=True)))
# persons of Shanxi's history and of the revolution, also over a PDF's line break (左⏎权)
_HISTORICAL_PERSONS = re.compile("|".join("\n?".join(name) for name in sorted(
    read_word_list("historical_persons.txt"), key=len, reverse=True)))
AMBIGUOUS_PERSONS = frozenset({"左权"})  # also a county: a person beside a title, or listed with persons
_PERSON_WORDS_AFTER = ("将军", "同志", "烈士")
_PERSON_WORDS_BEFORE = ("参谋长", "名将")
# what the model reads into a name of history after it (程婴 + 携 + 赵武 + 藏匿于此): a longer
# "person" holding the name with only these after it is the name
_VERBS_AFTER_NAMES = frozenset("携藏舍率与和等在曾")
# a site named after a person of history (于成龙故居, 于成龙廉政文化园, 左权将军纪念馆, 昙曜五窟)
_HISTORICAL_SITE = re.compile("(?:将军)?(?:故居|旧居|故宅|宅园|宅院|纪念馆|纪念堂|纪念碑|纪念园|殉难处|祠|墓|陵园"
                              "|(?:[\u4e00-\u9fff]{2})?文化园|文化广场|五窟)")


def model_path(path: str | os.PathLike | None = None) -> Path:
    """The pipeline to load: the argument, else $KG_MODEL, else the shipped models/kg_zh."""
    return Path(path or os.environ.get("KG_MODEL") or DEFAULT_MODEL)


def load(path: str | os.PathLike | None = None, *, words: bool = True,
         labels: Iterable[str] | None = None) -> "Tagger":
    """Load the NER pipeline (offline: everything it needs is in the model folder).

    ``words=False`` leaves out the last step, which groups characters into spacy-pkuseg
    words: mentions are the same, and tagging is faster when nothing needs the words.
    ``labels`` keeps only mentions of these labels. Without PROJECT, DOC and EVENT their
    rules do not run at all, so the names inside a title or a meeting's name are tagged
    (邓小平 in 《邓小平文选》), as MSRA tags them, instead of being swallowed by the outer span.
    """
    labels = check_labels(labels)
    # Importing the components registers them with spaCy (entry points do the same for a
    # plain spacy.load of the installed package).
    from kg.ner import components, features, recognizer, tokenizer  # noqa: F401

    from kg.ner import places, rules  # noqa: F401

    import spacy  # here, so that `kg build` with nothing to tag never imports spaCy
    from thinc.api import use_ops

    folder = model_path(path)
    if not (folder / "config.cfg").is_file():
        raise KgError(f"{folder}: no spaCy pipeline here (rebuild it with `kg train`, or set KG_MODEL)")
    # numpy's matrix product (OpenBLAS) instead of thinc's BLIS: 1.7x
    # faster for this model's shapes on the project machine, the same entities (MSRA test).
    with use_ops("numpy", use_blis=False):
        nlp = spacy.load(folder, exclude=excluded_steps(words, labels))
    return Tagger(nlp, fingerprint=model_fingerprint(folder), labels=labels)


def check_labels(labels: Iterable[str] | None) -> tuple[str, ...]:
    """The labels asked for, in LABELS order (all of them for None); KgError on an unknown one."""
    if labels is None:
        return LABELS
    labels = set(labels)
    unknown = sorted(labels - set(LABELS))
    if unknown or not labels:
        problem = f"unknown label {', '.join(unknown)}" if unknown else "no label given"
        raise KgError(f"{problem} (the labels are {', '.join(LABELS)})")
    return tuple(label for label in LABELS if label in labels)


def excluded_steps(words: bool, labels: tuple[str, ...]) -> list[str]:
    steps = [] if words else ["kg_word_merger"]
    if not set(labels) & set(RULE_LABELS):
        steps.append("kg_rules")
    return steps


def model_fingerprint(path: str | os.PathLike | None = None) -> str | None:
    """What identifies a trained pipeline: a hash of its meta.json, which holds the scores
    and training time of that run (a store records it per document, so that a build with
    another model tags the documents again). None when the folder has no meta.json."""
    meta = model_path(path) / "meta.json"
    return hashlib.sha256(meta.read_bytes()).hexdigest()[:16] if meta.is_file() else None


class Tagger:
    """Tags texts with PERSON, ORG, PLACE, PROJECT, DOC and EVENT mentions."""

    def __init__(self, nlp: Language, fingerprint: str | None = None, labels: Iterable[str] = LABELS):
        self.nlp = nlp
        self.fingerprint = fingerprint  # model_fingerprint of the folder it came from
        self.labels = frozenset(labels)
        # full division name -> short name (长治市 -> 长治), for the repeats over a page
        self.short_names = nlp.get_pipe("kg_places").short_names if "kg_places" in nlp.pipe_names else {}
        # which short names the divisions a page names make places there
        from kg.ner.places import DivisionKin  # imports spaCy, which the pipeline has loaded already

        self.kin = DivisionKin.of(nlp.get_pipe("kg_places")) if "kg_places" in nlp.pipe_names else None

    def tag(self, text: str) -> list[Mention]:
        return next(self.tag_many([text]))

    def tag_many(self, texts: Iterable[str], batch_size: int = 64) -> Iterator[list[Mention]]:
        """Mentions of each text, in order; offsets index that text. Pieces of all texts
        stream through one ``nlp.pipe``, so many short texts batch as well as one long one."""

        def pieces():
            for number, text in enumerate(texts):
                cleaned = clean(text)
                yield "", (number, [], cleaned, text)  # every text gets its (maybe empty) list
                for view, positions in model_lines(cleaned.text):
                    for start, end in split_pieces(view):
                        yield view[start:end], (number, positions[start:end], cleaned, text)

        current, mentions = None, []
        for doc, (number, positions, cleaned, text) in self.nlp.pipe(pieces(), as_tuples=True,
                                                                     batch_size=batch_size):
            if number != current:
                if current is not None:
                    yield self.finished(previous, mentions)
                current, mentions = number, []
            mentions.extend(doc_mentions(doc, positions, cleaned, text))
            previous = text
        if current is not None:
            yield self.finished(previous, mentions)

    def finished(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """A text's mentions after the page's conventions, of the labels asked for."""
        return [m for m in page_conventions(text, mentions, self.short_names, self.kin) if m.label in self.labels]


def model_lines(text: str) -> Iterator[tuple[str, list[int]]]:
    """The non-empty lines of ``text`` as the model was trained to see them, each with the
    offset in ``text`` of every character it keeps.

    MSRA sentences hold no whitespace, and a space between Chinese characters (``本报记者
    马慧荣``, a headline separator) makes the model cut names short; so whitespace goes
    except between two Latin letters or digits (``New York``). A line break after cleaning
    is a real boundary (cleaning has already joined lines broken inside sentences), so each
    line is tagged on its own.
    """
    offset = 0
    for line in text.split("\n"):
        positions = [offset + i for i, ch in enumerate(line) if not _dropped_space(line, i)]
        if positions:
            yield "".join(text[p] for p in positions), positions
        offset += len(line) + 1


def _dropped_space(line: str, i: int) -> bool:
    if not line[i].isspace():
        return False
    before, after = line[:i].rstrip(), line[i + 1:].lstrip()
    return not (before and after and _latin(before[-1]) and _latin(after[0]))


def _latin(char: str) -> bool:
    return char.isascii() and char.isalnum()


def split_pieces(text: str, length: int = PIECE_LENGTH) -> Iterator[tuple[int, int]]:
    """(start, end) pieces of about ``length`` characters, cut where a sentence ends."""
    start = 0
    while len(text) - start > length:
        cut = _last_end(_PIECE_END, text, start, length) or _last_end(_PIECE_SOFT_END, text, start, length)
        if cut is None:  # no punctuation at all: cut anyway (rare: a run-on block of text)
            cut = start + length
        yield start, cut
        start = cut
    if start < len(text) or not text:
        yield start, len(text)


def _last_end(pattern: re.Pattern, text: str, start: int, length: int) -> int | None:
    cut = None
    for match in pattern.finditer(text, start + length // 2, start + length):
        cut = match.end()
    return cut


def page_conventions(text: str, mentions: list[Mention], short_names: dict[str, str] | None = None,
                     kin: DivisionKin | None = None) -> list[Mention]:
    """The guidelines' person conventions, then the names repeated over the whole text."""
    persons = without_sources_and_grades(text, without_insides(mentions))
    persons = without_latin_persons(without_reign_years(text, persons))
    persons = with_persons_after_roles(text, without_trailing_adverbs(without_sayings(text, without_clans(text, persons))))
    persons = without_address_forms(text, with_surnames_before_names(text, persons))
    persons = without_persons_listed_with_things(text, with_given_names_before_speech(text, persons))
    persons = persons_listed_with_places(text, persons)
    persons = with_leaders(text, without_names_across_spaces(persons))
    persons = persons_named_as_divisions(text, persons, short_names or {}, kin)
    mentions = with_mastheads(text, with_repeats(text, with_bylines(text, persons), short_names, kin))
    mentions = with_historical_persons(text, mentions)  # after the repeats: the list finds every mention itself
    mentions = without_page_names(text, mentions)
    mentions = with_completed_names(text, with_given_names_before_speech(text, mentions))
    # a company's short form is no name inside a saying (沁州黄小米 of 山西沁州黄小米（集团）有限公司)
    return without_sayings(text, with_short_forms(text, with_quoted_projects(text, mentions), short_names))


# a county paper's name where it stands alone, on its masthead or running header (武乡报, 今日岚县)
MASTHEAD = re.compile(r"报(?=[\s\u3000]|$)")
TODAY_MASTHEAD = re.compile(r"(?m)^今日[\u4e00-\u9fff]{2,4}(?=[\s\u3000]|$)")


# a page's name after its number (第3版 县域·民生, 第6版 教育周刊), also in its running header
PAGE_NAME = re.compile(r"第[ \u3000]*[0-9０-９一二三四五六七八九十]+[ \u3000]*版[ \u3000]*([^\s\u3000]{2,12})")
COLUMN_ENDINGS = ("周刊", "新闻", "副刊", "专刊")


def without_page_names(text: str, mentions: list[Mention]) -> list[Mention]:
    """A section's name is no organisation or place (县域·民生, 五台山·文旅, 教育周刊): the model reads
    one now and then, and with_repeats finds it again in the running header. Only names made as
    sections' are (with a ·, or ending in ``COLUMN_ENDINGS``): a page named after a county (第2版 平遥)
    keeps the county."""
    sections = {name for name in PAGE_NAME.findall(text) if "·" in name or name.endswith(COLUMN_ENDINGS)}
    return [m for m in mentions if not (m.label in ("ORG", "PLACE") and m.text in sections)]


def with_mastheads(text: str, mentions: list[Mention]) -> list[Mention]:
    """A place before 报 standing alone is the county paper, an ORG (武乡 + 报), and so is 今日
    and a place, alone at the start of a line (今日 + 岚县: the masthead of a county paper; the
    model may read 日岚县 as the place)."""
    mentions = [Mention(m.start, m.end + 1, text[m.start:m.end + 1], "ORG")
                if m.label == "PLACE" and MASTHEAD.match(text, m.end) else m for m in mentions]
    for masthead in TODAY_MASTHEAD.finditer(text):
        start, end = masthead.span()
        place = next((m for m in mentions if m.label == "PLACE" and m.end == end and start < m.start <= start + 2), None)
        if place is not None:
            mentions = [Mention(start, end, masthead.group(), "ORG") if m is place else m for m in mentions]
    return mentions


def with_leaders(text: str, mentions: list[Mention]) -> list[Mention]:
    """National leaders (``kg/data/leaders.txt``) are persons wherever they are named, in place
    of what the model made of them (近平 as ORG), except inside a title or event name."""
    names = [match.span() for match in _LEADERS.finditer(text)]
    names = [(start, end) for start, end in names if not any(
        m.start <= start and end <= m.end and m.label in RULE_LABELS for m in mentions)]
    return _with_persons(text, mentions, names)


def with_historical_persons(text: str, mentions: list[Mention]) -> list[Mention]:
    """The persons of history the papers name (``kg/data/historical_persons.txt``: 程婴, 荀子,
    于成龙, 彭德怀) are persons wherever named, in place of what the model made of them (赵武藏,
    平阳 of 平阳公主), except inside a title in 《》 (《荀子》, 《傅山进京》), a longer name
    (清明公祭介子推大典) or a person's longer name (朱德华); 左权, also a county, only as the
    general (``AMBIGUOUS_PERSONS``). A site named after one is a place (于成龙故居, 荀子文化园:
    ``_HISTORICAL_SITE``), and a name found from inside one starts with it (于 + 成龙廉政文化论坛)."""
    from kg.ner.rules import from_edition  # imports spaCy, which tagging has loaded already

    found = list(_HISTORICAL_PERSONS.finditer(text))
    named = {match.span() for match in found}
    for match in found:
        start, end = match.span()
        if (_in_book_title(text, start, end) or any(_holds_other_name(text, m, start, end) for m in mentions)
                or match.group().replace("\n", "") in AMBIGUOUS_PERSONS and not _named_as_person(text, match, named, mentions)):
            continue
        site_end = _historical_site_end(text, end)
        crossing = next((m for m in mentions if start < m.start < end < m.end and m.label != "PERSON"), None)
        if crossing is not None:  # 第五届 + 于 + 成龙廉政文化论坛: the meeting takes its edition too
            first = from_edition(text, start) if crossing.label == "EVENT" else start
            mention = Mention(first, crossing.end, text[first:crossing.end], crossing.label)
        elif site_end is not None:
            mention = Mention(start, site_end, text[start:site_end], "PLACE")
        else:
            mention = Mention(start, end, match.group(), "PERSON")
        inside = [m for m in mentions if m.start < mention.end and mention.start < m.end]
        if all(mention.start <= m.start and m.end <= mention.end or m.label == "PERSON" for m in inside):
            mentions = sorted([m for m in mentions if m not in inside] + [mention], key=lambda m: (m.start, m.end))
    return mentions


def _historical_site_end(text: str, end: int) -> int | None:
    """The end of the site named after the person ending at ``end`` (于成龙 + 廉⏎政文化园), if one is."""
    window = text[end:end + 16]
    site = _HISTORICAL_SITE.match(window.replace("\n", ""))
    if site is None:
        return None
    kept = 0  # characters of the site passed, line breaks not counted
    for offset, char in enumerate(window):
        if kept == site.end():
            return end + offset
        kept += char != "\n"
    return end + len(window)


def _in_book_title(text: str, start: int, end: int) -> bool:
    opening, closing = text.rfind("《", 0, start), text.rfind("》", 0, start)
    return opening > closing and "》" in text[end:end + 30]


def _holds_other_name(text: str, mention: Mention, start: int, end: int) -> bool:
    """Whether ``mention`` holds the span [start, end) and is longer: another name, unless a
    "person" the model ran on into the words after it (程婴 + 携)."""
    if not (mention.start <= start and end <= mention.end and (mention.start, mention.end) != (start, end)):
        return False
    run_on = mention.label == "PERSON" and mention.start == start and set(
        text[end:mention.end].replace("\n", "")) <= _VERBS_AFTER_NAMES
    return not run_on


def _named_as_person(text: str, match: re.Match, named: set[tuple[int, int]], mentions: list[Mention]) -> bool:
    """Whether an ambiguous name is the person there: before 将军, 同志 or 烈士, after 参谋长 or 名将,
    or in a list with another person, of history (``named``) or found (朱德、彭德怀、左权等)."""
    start, end = match.span()
    if text.startswith(_PERSON_WORDS_AFTER, end) or text.endswith(_PERSON_WORDS_BEFORE, 0, start):
        return True
    persons = named | {(m.start, m.end) for m in mentions if m.label == "PERSON"}
    return any(text[start - 1:start] == "、" and person_end == start - 1
               or text[end:end + 1] == "、" and person_start == end + 1 for person_start, person_end in persons)


def without_names_across_spaces(mentions: list[Mention]) -> list[Mention]:
    """A person's name does not run across a space, except a two-character name padded to
    the width of three (王　刚, as name lists print them): the model reads a line without its
    spaces, and a headline such as 新时代 新征程 新伟业 then reads 程新伟. Nor does a place's or
    a body's, a meeting's or a project's between words (品恒山美食 游古城浑源, 千亩梨园飘果香 丰收节里庆丰年),
    except inside the quotes of a slogan it names (“文明交通 礼让斑马线”集中整治行动)."""
    return [m for m in mentions if not (m.label == "PERSON" and _across_space(m.text)
                                        or m.label in ("PLACE", "ORG", "EVENT", "PROJECT")
                                        and _WORDS_APART.search(_QUOTED.sub("", m.text)))]


# a quoted slogan's two halves stand apart (“文明交通 礼让斑马线”集中整治行动): one name
_QUOTED = re.compile("“[^“”]*”")


def _across_space(name: str) -> bool:
    # a line break is no space here: cleaning joined the lines only inside a sentence, so a
    # name across one is a name a PDF column broke (市长贺志⏎刚)
    parts = HORIZONTAL_SPACES.split(name.strip())
    return len(parts) > 1 and not (len(parts) == 2 and len(parts[0]) == len(parts[1]) == 1)


# Words of the news that hold no name, where the model reads one in them (a person, or 美 for America):
SAYING_WORDS = (
    # 绿水青山就是金山银山, the saying on every page about the environment; 宜居宜业和美乡村, the village
    # policy's phrase
    "绿水青山", "金山银山", "和美乡村",
    # inclusive (普惠金融), vinegar, the rush, the headline's 焕新颜 (千年古堡焕新颜), races and carnivals,
    # the page's art editor
    "普惠", "陈醋", "客流高峰", "出行高峰", "用电高峰", "焕新颜", "马拉松", "嘉年华", "美编",
    # the produce of the farms and mines (玉露香梨, 红芸豆, 高瓦斯) and 沁县's millet brand (沁州黄: no
    # annotator tags 沁州 in it)
    "香梨", "红芸豆", "黄小米", "瓦斯", "沁州黄小米", "沁州黄",
    # the forest's words, where it reads the surname 林 (森林康养, 林业碳汇, 林权), and wellness (温泉康养)
    "森林康养", "林业", "林权", "林农", "林草", "林子", "康养",
    # a block of flats, a boost, the autumn, old cypresses, a bright red, watching the falls
    "楼栋", "提振", "金秋", "古柏", "红彤彤", "观瀑",
    # Shanxi's old merchants (晋商, no person), the China-Europe freight trains (no place in them), a
    # cluster of castles and a shopping street (沁河古堡群 and 凤台里商业街 stay whole)
    "晋商", "中欧班列", "古堡群", "商业街",
    # solar power and sunning oneself (MSRA tags the sun as a place, never in these)
    "太阳能", "晒太阳",
    # good food (美 is no America in it), and the times of the year the model reads as persons
    "美食", "元旦", "今冬明春",
    # the cold chain, a forged flange, a hall's beams, along the Yellow River (沿黄文旅: no person 黄文)
    "冷链", "法兰", "梁架", "沿黄",
    # a wall's length round, the river at peace, sites strung like beads, a bronze foundry's moulds, a
    # frozen waterfall, smoke trees, thin-shelled walnuts, Han and nomads, farming-culture-tourism, the
    # first day of winter, loyalty, a local opera, cranes, volunteers' red vests, a dairy breed, daylily
    # fields, the study-tour rush
    "周长", "安澜", "串珠成链", "陶范", "冰瀑", "黄栌", "壳薄仁满", "胡汉", "农文旅", "立冬", "忠义",
    "罗罗腔", "灰鹤", "红马甲", "荷斯坦", "黄花田", "研学高峰",
    # "in the town/bureau/county/village/works" in a quote (镇里正依托…, 局里按照…), daybreak, stilts
    "镇里", "局里", "县里", "乡里", "村里", "厂里", "所里", "天刚蒙蒙亮", "天刚亮", "高跷")
_SAYING = re.compile("|".join("\n?".join(word) for word in SAYING_WORDS))  # 马拉⏎松: over a PDF's break


def without_sayings(text: str, mentions: list[Mention]) -> list[Mention]:
    """The words of a saying are no names, nor is anything in them (金山银山 of 绿水青山就是金山银山,
    美 of 和美乡村), nor a person that runs into one (古堡焕新颜)."""
    sayings = [match.span() for match in _SAYING.finditer(text)]
    return [m for m in mentions if not any(start <= m.start and m.end <= end or m.label == "PERSON" and (
        m.start < end and start < m.end) for start, end in sayings)]


# an item of a list: the Han characters between two 、 (or a 、 and the clause's edge)
_LIST_ITEM = re.compile("[\u4e00-\u9fff]{1,4}")


def without_persons_listed_with_things(text: str, mentions: list[Mention]) -> list[Mention]:
    """A "person" listed with things is one of them (击鼓、鸣钟、敬献花篮; 八音会、抬阁、高跷、旱船;
    反嘴鹬、赤麻鸭): where the items next to it are short and none holds a name, the list is of
    things. A list of persons names them all (江泽民、李鹏), and the model finds more than one."""
    spans = [(m.start, m.end) for m in mentions]
    return [m for m in mentions if not (m.label == "PERSON" and _listed_with_things(text, m, spans))]


def _listed_with_things(text: str, person: Mention, spans: list[tuple[int, int]]) -> bool:
    items = []
    if text[person.start - 1:person.start] == "、":
        before = re.search("[\u4e00-\u9fff]{1,5}$", text[max(0, person.start - 6):person.start - 1])
        items.append((person.start - 1 - len(before.group()), person.start - 1) if before else None)
    if text[person.end:person.end + 1] == "、":
        after = _LIST_ITEM.match(text, person.end + 1)
        items.append(after.span() if after and not _HAN.match(text, after.end()) else None)
    return bool(items) and all(item and 1 <= item[1] - item[0] <= 4 and not any(
        start < item[1] and item[0] < end for start, end in spans) for item in items)


def persons_listed_with_places(text: str, mentions: list[Mention]) -> list[Mention]:
    """A "person" listed between places is a place too (尧庙、华门、尧陵、临汾鼓楼; 硝池、汤里滩等):
    where each item next to it is a place found, the list is of places."""
    places = {(m.start, m.end) for m in mentions if m.label == "PLACE"}
    spans = [(m.start, m.end) for m in mentions]
    return [Mention(m.start, m.end, m.text, "PLACE", m.canonical)
            if m.label == "PERSON" and _listed_with_places(text, m, places, spans) else m for m in mentions]


def _listed_with_places(text: str, person: Mention, places: set[tuple[int, int]], spans: list[tuple[int, int]]) -> bool:
    """Whether each item next to ``person`` in a list is a whole place (not 蟠龙镇 of 蟠龙镇镇长郭旭东)."""
    neighbours = []
    if text[person.start - 1:person.start] == "、":
        before = next((span for span in spans if span[1] == person.start - 1), None)
        neighbours.append(before if before and (not _han_at(text, before[0] - 1) or text[before[0] - 1] == "、") else None)
    if text[person.end:person.end + 1] == "、":
        after = next((span for span in spans if span[0] == person.end + 1), None)
        neighbours.append(after if after and text[after[1]:after[1] + 1] in LIST_ENDS else None)
    whole = (text[person.start - 1:person.start] == "、" or not _han_at(text, person.start - 1)) and (
        text[person.end:person.end + 1] in LIST_ENDS or not _han_at(text, person.end))  # not 苏三 + 监狱
    return whole and "·" not in person.text and bool(neighbours) and all(span in places for span in neighbours)


LIST_ENDS = ("、", "等", "和", "及", "与", "，", "。", ",")


def _han_at(text: str, position: int) -> bool:
    return 0 <= position < len(text) and bool(_HAN.match(text, position))


ADVERBS = "刚正就也又还都便才曾将已"


def without_latin_persons(mentions: list[Mention]) -> list[Mention]:
    """A person's name holds Chinese characters (not ycrbwhzk of an e-mail address: the papers,
    and MSRA, write foreign names in characters)."""
    return [m for m in mentions if m.label != "PERSON" or _HAN.search(m.text)]


# where a reporter learnt the news: 记者从会上获悉, 从该校获悉
_LEARNT = re.compile(r"\s*(?:获悉|了解到|得知)")


# a school's grades, which the model reads as persons (高二学生, 高二(7)班)
GRADES = frozenset({"高一", "高二", "高三", "初一", "初二", "初三"})
GRADE_STUDENT = "学生"


def without_sources_and_grades(text: str, mentions: list[Mention]) -> list[Mention]:
    """A "person" that starts with 从 right before 获悉 (记者从会上获悉) is where the news came from,
    and one that is a school grade (``GRADES``) or its students (高二学生) is nobody."""
    return [m for m in mentions if not (m.label == "PERSON" and (
        m.text.startswith("从") and _LEARNT.match(text, m.end) or m.text.removesuffix(GRADE_STUDENT) in GRADES))]


# the last characters of words for places one is inside (田野, 楼道, 牛舍, 古堡, 院子 ...)
ENCLOSING = frozenset("舍道野堡屋院房棚园间厅室场窑巷村城沟田地林库馆厂店街楼")


def without_insides(mentions: list[Mention]) -> list[Mention]:
    """A three-character "person" that is a place and 里 (田野里, 楼道里, 牛舍里) says where,
    it names nobody: MSRA's persons that end in 里 (余秋里, 吉德里) end no such word."""
    return [m for m in mentions if not (m.label == "PERSON" and len(m.text) == 3 and m.text[2] == "里"
                                        and m.text[1] in ENCLOSING)]


# a reign's year after its dynasty: 唐大中十一年 (857), 唐建中三年 (782)
DYNASTIES = "汉晋隋唐宋辽金元明清"
_REIGN_YEAR = re.compile("[元一二三四五六七八九十]+年")


def without_reign_years(text: str, mentions: list[Mention]) -> list[Mention]:
    """A three-character "person" that is a dynasty and a reign before the year's number
    (唐大中 + 十一年) dates a building, it names nobody."""
    return [m for m in mentions if not (m.label == "PERSON" and len(m.text) == 3 and m.text[0] in DYNASTIES
                                        and _REIGN_YEAR.match(text, m.end))]


def without_trailing_adverbs(mentions: list[Mention]) -> list[Mention]:
    """A four-character person ending in an adverb is a three-character name and the adverb
    after it (王金锁 + 刚从合作社领回): MSRA's training set holds no such four-character name."""
    return [Mention(m.start, m.end - 1, m.text[:-1], m.label, m.canonical)
            if m.label == "PERSON" and len("".join(m.text.split())) == 4 and m.text[-1] in ADVERBS else m
            for m in mentions]


# what a person is quoted with, right after the name (杜春来 + 说, 孟凡军 + 笑着说), or does
# (张春来 + 看着, 郝福全 + 带着, 孟凡胜 + 出席, 薛保平 + 正和家人)
SPEECH = ("说", "笑着说", "介绍", "表示", "告诉记者", "坦言", "感慨", "认为", "带着", "看着", "出席", "正和", "还被",
          "每周", "作了", "一举", "拉起", "忍不住", "刚和", "领着")
NOT_IN_GIVEN_NAMES = frozenset("又也还就都才却便再则正先后们的地得着了在是和与对把向")


def with_given_names_before_speech(text: str, mentions: list[Mention]) -> list[Mention]:
    """A two-character person one character short of the speech or deed after it is a three-character
    name (杜春 + 来 + 说 -> 杜春来, 孟凡 + 军 + 笑着说, 张春 + 来 + 看着): the model, seeing a verb, cut the name."""
    starts = {m.start for m in mentions}
    return [Mention(m.start, m.end + 1, text[m.start:m.end + 1], m.label, m.canonical)
            if m.label == "PERSON" and len(m.text) == 2 and "\u4e00" <= text[m.end:m.end + 1] <= "\u9fff"
            and text[m.end] not in NOT_IN_GIVEN_NAMES and text.startswith(SPEECH, m.end + 1) and m.end not in starts
            and not (text[m.end] == "来" and text[m.start - 1:m.start] == "对")  # 对樊禹 + 来说: "for 樊禹"
            else m for m in mentions]


def with_completed_names(text: str, mentions: list[Mention]) -> list[Mention]:
    """A two-character person that a three-character person of the page starts, and whose next
    character completes, is that person (白海 + 平, where 白海平说 names him): the model cut the
    name where it is first written, and the repeats copied the cut."""
    names = {m.text for m in mentions if m.label == "PERSON" and len(m.text) == 3}
    starts = {m.start for m in mentions}
    return [Mention(m.start, m.end + 1, text[m.start:m.end + 1], m.label, m.canonical)
            if m.label == "PERSON" and len(m.text) == 2 and text[m.start:m.end + 1] in names and m.end not in starts
            else m for m in mentions]


# the roles a local paper quotes people by, right before the name (村民高存厚说, 种植户赵富贵一边擦汗)
ROLES_BEFORE_NAMES = ("村民", "果农", "菜农", "梨农", "枣农", "种植户", "种粮户", "种粮大户", "养殖户", "经营户", "村医",
                      "游客", "市民", "学生", "研究生", "博士生", "教师", "主播", "讲解员", "传承人", "老党员", "护林员",
                      "护工", "农艺师", "调解员", "返乡青年", "种植大户", "养殖大户", "应届生", "毕业生", "骑手", "车手", "战友",
                      "网格员", "志愿者", "快递员", "外卖员", "驾驶员", "护理员", "社员",
                      "蚕农", "客商", "操作员", "律师", "研究员", "邻居", "工友",
                      # and the titles it names officials by (党委书记段红星说, 副市长任光明来我县调研)
                      "书记", "市长", "县长", "区长", "镇长", "乡长", "村长", "主任", "局长", "院长", "校长", "站长", "所长",
                      "厂长", "矿长", "主席", "检察长", "董事长", "总经理", "经理", "理事长", "会长", "队长", "部长")
SURNAMES = read_characters("surnames.txt")
# a name of three characters after the role, then what the person does or says (two would take words:
# 学生 + 毕业 + 就能); a PDF's line break may cut it (种植户任福⏎山)
_NAME_AFTER_ROLE = re.compile("(?:%s)\n?([%s]\n?[\u4e00-\u9fff]\n?[\u4e00-\u9fff])"
                              "(?=说|一边|边说|正在|就|家|感慨|告诉|介绍|表示|笑着|指着|掰着|"
                              "拉着|蹲|背着|来自|今年|去年|老人|一家|认真|摘下|笑得|开办|算了|当上|当场|正和|拿着|捧起|"
                              "带着|正带着|正对着|面前|赛后|熟练|经营|结合|作交流|在评审|握手|是|代表|已|则|种了|来\n?我|"
                              "[，。、；：！？,;:!?（(“”])"
                              % ("|".join(sorted(ROLES_BEFORE_NAMES, key=len, reverse=True)), SURNAMES))


def with_persons_after_roles(text: str, mentions: list[Mention]) -> list[Mention]:
    """A name right after the role a local paper quotes someone by is a person (村民高存厚说,
    果农任天喜摘下, 种植户赵富贵一边擦汗): rural names the model has not seen. The name is a
    common surname and two characters, and what follows says or does something."""
    names = [match.span(1) for match in _NAME_AFTER_ROLE.finditer(text)
             if not NOT_IN_GIVEN_NAMES.intersection(given := match.group(1).replace("\n", "")[1:])
             and given[0] not in "老小某"]
    return _with_persons(text, mentions, [(start, end) for start, end in names
                                          if not any(m.start < end and start < m.end for m in mentions)])


# what ends the title or role before a name (科长, 书记, 主任, 村民, 讲解员, 教授) or a quote (。”任海平说)
TITLE_ENDS = frozenset("长记任民员授师”")


def with_surnames_before_names(text: str, mentions: list[Mention]) -> list[Mention]:
    """A two-character person right after a title and a surname takes the surname: the model read
    the surname as a word of its own (科长 + 任 + 海燕, 村民 + 原 + 小平, 讲解员 + 申 + 雨婷: 任 "to
    serve as", 原 "former")."""
    starts = {m.start for m in mentions} | {m.end for m in mentions}
    return [Mention(m.start - 1, m.end, text[m.start - 1:m.end], m.label, m.canonical)
            if m.label == "PERSON" and len(m.text) == 2 and text[m.start - 1:m.start] in SURNAMES and m.start >= 2
            and text[m.start - 2] in TITLE_ENDS and m.start - 1 not in starts else m for m in mentions]


def without_address_forms(text: str, mentions: list[Mention]) -> list[Mention]:
    """王大妈, 陈阿姨 are address forms, not names (the guidelines leave them out, and MSRA
    never tags them); the model tags their first two characters as a person. So are 老张 and
    小王, which MSRA tags (张, 61 times in its training set) and the guidelines do not, and
    the anonymised parties of court news (王某, 刘某某): a surname without a given name."""
    return [m for m in mentions if not (m.label == "PERSON" and _address_form(text, m))]


# what follows a clan's 氏: 裴氏家族, 王氏宗祠, 赵氏孤儿, 裴氏文化 (not 钱氏所提到: the man himself)
CLAN = re.compile("氏[家宗先孤后族文民祖]")


def is_saying_or_clan(text: str, start: int, end: int) -> bool:
    """Whether a "person" read at ``text[start:end]`` runs into a saying or names a clan, as
    ``without_sayings`` and ``without_clans`` drop it; the rules do not end a name at it
    (第八届隰县玉露 + 香梨 + 采摘节, 全国赵氏宗亲寻根祭祖大典)."""
    return bool(CLAN.match(text, start + 1)) or any(
        match.start() < end and start < match.end() for match in _SAYING.finditer(text, max(0, start - 12), end + 12))


def without_clans(text: str, mentions: list[Mention]) -> list[Mention]:
    """A surname before 氏 and a clan's word is a family, not a person (裴 + 氏宗祠, 赵 + 氏孤儿, 裴氏 +
    家族, 裴氏宗 + 亲): the annotators tag none; MSRA tags 钱 of 钱氏所提到, a scholar, which stays."""
    return [m for m in mentions if not (m.label == "PERSON" and CLAN.match(text, m.start + 1))]


def _address_form(text: str, m: Mention) -> bool:
    """王大妈 (tagged 王大 or 王大妈), 吴师傅 (tagged 吴), 老张 (tagged 张), 王某 (tagged 王), and
    the office before its head's title (艺术科 + 科长, tagged 科)."""
    if len(m.text) == 1:
        after = text[m.end:m.end + 2]
        return (text[m.start - 1:m.start] in ("老", "小") or after in ADDRESS_FORMS or _kin(after)
                or after.startswith("某") or after == m.text + "长")
    return m.text.endswith(ADDRESS_FORMS + ("某",)) or _kin(m.text[-1] + text[m.end:m.end + 1])


def _kin(word: str) -> bool:
    return len(word) == 2 and word[0] in "大阿" and word[1] in "妈姨爷娘叔婶姐哥婆伯嫂"


def with_bylines(text: str, mentions: list[Mention]) -> list[Mention]:
    """Reporters, photographers and the page's editors in bylines are persons (the guidelines
    count them; 责任编辑 高丽萍); the model, reading 本报记者马慧荣 without its spaces, sometimes
    cuts the name short, and reads a person in the role itself (实 + 习生)."""
    names = {match.span(1) if match.group(1) else match.span(2) for match in _BYLINE.finditer(text)}
    names.update((credit.start(1) + name.start(), credit.start(1) + name.end())
                 for credit in _CREDIT.finditer(text) for name in _CREDIT_NAME.finditer(credit.group(1)))
    roles = [match.span() for match in _ROLES.finditer(text)]
    mentions = [m for m in mentions if not (m.label == "PERSON" and any(s <= m.start and m.end <= e for s, e in roles))]
    return _with_persons(text, mentions, sorted(names))


def _with_persons(text: str, mentions: list[Mention], names: list[tuple[int, int]]) -> list[Mention]:
    """``mentions`` with the (start, end) spans as persons, in place of what they overlap."""
    if not names:
        return mentions
    kept = [m for m in mentions if not any(m.start < end and start < m.end for start, end in names)]
    return sorted(kept + [Mention(start, end, text[start:end], "PERSON") for start, end in names],
                  key=lambda m: (m.start, m.end))


def with_repeats(text: str, mentions: list[Mention], short_names: dict[str, str] | None = None,
                 kin: DivisionKin | None = None) -> list[Mention]:
    """The mentions plus every other occurrence, in the same text, of a name the model found
    (overlapping nothing found): a page names a river or a village many times and the model,
    reading one line at a time, does not find it every time. Only names long enough to be
    names: two characters for persons and places, three for organisations (a two-character
    ORG the model found once, such as 中心 in 政务中心, is too often a common word), and not an
    organisation name that ends another one found (日间照料中心 of 田村日间照料中心 is what the
    body is, not a name). A division named in full, as a place or at the start of a body's
    name or a title, is also found by its short name (``short_names``: 大同市 … 大同; 长治地区,
    the prefecture, … 长治; 沁源县人民政府 … 沁源), with the full name as canonical, and so are the
    divisions ``kin`` says the page's named ones make safe (晋中市 … 介休; 平遥县 … 晋中). A place used
    as a modifier is not repeated there (中国 … 中国式现代化), as kg_places would not tag it, nor
    one that names no place there (中国 … 其中国家级, “中国醋都”)."""
    from kg.ner.places import china_in_other_words, in_idiom, is_modifier  # imports spaCy, which tagging has loaded already

    busy = bytearray(len(text) + 1)
    bodies = {m.start: m.end for m in mentions if m.label == "ORG"}
    for m in mentions:
        busy[m.start:m.end] = b"\x01" * (m.end - m.start)
    orgs = {m.text for m in mentions if m.label == "ORG"}
    fulls = {short: full for full, short in (short_names or {}).items()}
    names: dict[str, Mention] = {}
    named = []  # the divisions the page names, in its order
    for m in mentions:
        if len(m.text) >= REPEAT_MIN_LENGTH.get(m.label, len(m.text) + 1) and "\n" not in m.text and not (
                m.label == "ORG" and any(o != m.text and o.endswith(m.text) for o in orgs)):
            names.setdefault(m.text, m)
        full = _division_named(m, short_names or {}, fulls)
        if full:
            names.setdefault(short_names[full], Mention(m.start, m.end, short_names[full], "PLACE", full))
            named.append(full)
    if kin is not None:  # and the page's neighbours: 晋中市 … 介休, 平遥县 … 晋中 (DivisionKin)
        for short, full in kin.safe_shorts(named).items():
            names.setdefault(short, Mention(0, 0, short, "PLACE", full))
    # one pass over the text, longest name first at each position: linear in the text
    lengths = sorted({len(name) for name in names}, reverse=True)
    first_chars = {name[0] for name in names}
    found = []
    start = 0
    while start < len(text):
        length = 1
        if text[start] in first_chars and not busy[start]:
            for size in lengths:
                name = text[start:start + size]
                if name in names and not any(busy[start:start + size]) and not (
                        names[name].label == "PLACE" and (is_modifier(text, start, start + size)
                                                          or china_in_other_words(text, start, start + size)
                                                          or in_idiom(text, start, start + size))):
                    longer = _named_after(text, start + size, busy, bodies) if names[name].label == "PLACE" else None
                    if longer:  # 阳泉 + 华鑫智能装备有限公司, 平型关 + 景区: the name the place starts
                        found.append(Mention(start, longer[0], text[start:longer[0]], longer[1]))
                        size = longer[0] - start
                    else:
                        found.append(Mention(start, start + size, name, names[name].label, names[name].canonical))
                    length = size
                    break
        start += length
    if not found:
        return mentions
    # a body the place heads replaces the body found without it (郊区 + 区委)
    kept = [m for m in mentions if not any(f.start < m.start and m.end == f.end for f in found)]
    return sorted(kept + found, key=lambda m: (m.start, m.end))


_COMPANY_REST = re.compile("([\u4e00-\u9fff\n]{2,16}?)(?:股份有限公司|有限责任公司|有限公司)")


def _named_after(text: str, start: int, busy: bytearray, bodies: dict[int, int]) -> tuple[int, str] | None:
    """The end and label of a name that the place ending at ``start`` starts, where nothing was
    found inside it: a company's (阳泉 + 华鑫智能装备有限公司), another body's (阳泉 + 职业技术学院), a
    facility's (平型关 + 景区, 晋中 + 站) or a body's (城区 + 人民检察院; 郊区 + 区委, where ``bodies``, the
    ORG found by their starts, hold 区委). kg_places names both whole, but reads a line at a time and the
    repeats come after."""
    from kg.ner.bodies import body_after_division, could_be_org_name
    from kg.ner.places import FACILITY_HEADS, ORG_AFTER_PLACE, STATION, could_be_zone_name

    body = body_after_division(text, start)
    if body and (not any(busy[start:body]) or bodies.get(start) == body):  # 城区 + 人民检察院, 郊区 + 区委
        return body, "ORG"
    if _company_found_at(text, start, bodies):  # 晋城 + 珏山文化旅游开发有限公司, found whole by kg_places
        return bodies[start], "ORG"
    match = _COMPANY_REST.match(text, start)
    if match and not any(busy[start:match.end()]) and could_be_org_name(match.group(1).replace("\n", "")):
        return match.end(), "ORG"
    match = ORG_AFTER_PLACE.match(text, start)  # 阳泉 + 职业技术学院, not 阳泉 + 争创国家级数据中心
    if match and not any(busy[start:match.end()]) and could_be_zone_name(match.group(2) or ""):
        return match.end(), "ORG"
    head = next((head for head in FACILITY_HEADS if text.startswith(head, start)), None)
    if head and not any(busy[start:start + len(head)]):
        return start + len(head), "PLACE"
    if STATION.match(text, start) and not busy[start]:
        return start + 1, "PLACE"  # 晋中 + 站
    return None


def _company_found_at(text: str, start: int, bodies: dict[int, int]) -> bool:
    """Whether a company named with its legal ending was found starting at ``start`` whose name
    no province starts: a place repeated before it is the place its name starts with (晋城 +
    珏山文化旅游开发有限公司), but a zone or county before 山西晶华玻璃器皿有限公司 is where the
    company is, as the annotators and MSRA keep them."""
    from kg.ner.bodies import LEGAL_ENDINGS
    from kg.ner.places import PROVINCES

    end = bodies.get(start)
    return (end is not None and re.search(f"(?:{LEGAL_ENDINGS})$", text[start:end]) is not None
            and not any(text.startswith(province, start) for province in PROVINCES))


# 左权 is a county named after a general: 左权将军, 左权同志 are the man
PERSON_AFTER = ("将军", "同志", "烈士", "先生", "女士", "故居", "纪念")


def persons_named_as_divisions(text: str, mentions: list[Mention], short_names: dict[str, str],
                               kin: DivisionKin | None = None) -> list[Mention]:
    """A "person" named as the short name of a county or city the page names in full is that
    place (襄垣 on a page about 襄垣县), and so is one named as a division ``kin`` says the page
    makes safe (侯马 and 广灵 on a Shanxi city's page, 左⏎云 broken by a PDF line): kg_places
    does the same within one line, the page's other lines say what the name is."""
    fulls = {short: full for full, short in short_names.items()}
    fulls_named = [full for m in mentions if (full := _division_named(m, short_names, fulls))]
    named = kin.safe_shorts(fulls_named) if kin is not None else {}
    named.update({short_names[full]: full for full in fulls_named})
    return [_as_division(text, m, named) if m.label == "PERSON" else m for m in mentions]


def _as_division(text: str, person: Mention, named: dict[str, str]) -> Mention:
    """The division a "person" names (襄垣) or lies inside (徐 of 清徐: no surname stands alone),
    or the person."""
    name = person.text.replace("\n", "")
    if name in named and not text.startswith(PERSON_AFTER, person.end):
        return Mention(person.start, person.end, person.text, "PLACE", named[name])
    if len(person.text) == 1:
        for size in (2, 3):
            for start in range(max(0, person.start - size + 1), person.start + 1):
                name = text[start:start + size]
                if name in named:
                    return Mention(start, start + size, name, "PLACE", named[name])
    return person


def _division_named(m: Mention, short_names: dict[str, str], fulls: dict[str, str]) -> str | None:
    """The full name of the division a mention names (长治地区 -> 长治市) or starts with (沁源县
    of 沁源县人民政府 or of a document's title: a county paper names its county in full only
    there), when the division has a short name."""
    if m.label == "PLACE":
        full = fulls.get(m.text[:-2], m.text) if m.text.endswith("地区") else m.text
        return full if full in short_names else None
    return next((m.text[:size] for size in range(2, min(len(m.text), 7)) if m.text[:size] in short_names), None)


QUOTED_BRAND = re.compile("“([^“”]{3,12})”")


def with_quoted_projects(text: str, mentions: list[Mention]) -> list[Mention]:
    """A project named in quotes (“一泓清水入黄河”工程) is also meant where the page quotes its
    name alone, on another line or across a PDF line break (推动“一泓清水\n入黄河”): the rules
    read one line at a time. The quoted name is the outer span, in place of what it holds (黄河).
    So is a quoted brand named after its place that starts a programme's name (“吕梁山护工”培训就业工程
    … “吕梁山护工”累计培训学员): the page's shorthand for the programme, as the invented pages'
    annotators read it; a quoted idea is not (“智慧矿山”改造项目 … “智慧矿山”改造经验)."""
    names = {m.text.replace("\n", "") for m in mentions if m.label == "PROJECT"
             and text[m.start - 1:m.start] == "“" and text[m.end:m.end + 1] == "”"}
    places = {m.text for m in mentions if m.label == "PLACE"}
    brands = {brand.group(1).replace("\n", "") for m in mentions if m.label == "PROJECT"
              and (brand := QUOTED_BRAND.match(m.text)) and brand.end() < len(m.text)}
    names |= {brand for brand in brands if any(place in brand for place in places)}
    patterns = ["“(" + "\n*".join(map(re.escape, name)) + ")”" for name in names]
    return _with_outer_spans(text, mentions, patterns, "PROJECT")


def with_short_forms(text: str, mentions: list[Mention], short_names: dict[str, str] | None = None) -> list[Mention]:
    """A company named in full (山西诚信种业有限公司) is meant by its short form elsewhere on the
    page (诚信种业, as the guidelines' 正来制药): the name without its legal ending and its place
    prefix (``short_names``' full and short division names), four characters at least, so
    that a generic rest (铝业) is never a name. So is a named local body without the division
    before it (尖草坪区南寨区域党群服务中心 … 南寨区域党群服务中心). kg.resolve links them to the
    full name. A short form the page defines (山西天恒氢能装备有限公司(以下简称“天恒氢能”)) is
    meant wherever it stands, in its quotes too."""
    places = set(short_names or {}) | set((short_names or {}).values())
    forms = {form for name in _company_names(mentions) for form in _short_forms(name, places)}
    patterns = ["(?<!“)(" + "\n?".join(map(re.escape, form)) + "(?:公司)?)" for form in forms]  # 泽瑞光⏎电, 谷丰源 + 公司
    patterns += ["(" + "\n?".join(map(re.escape, form)) + ")" for form in _defined_short_forms(text, mentions)]
    # (a short form the model read as a person is the company: 汾源藜麦 of 山西汾源藜麦食品有限公司)
    return _with_outer_spans(text, mentions, patterns, "ORG", relabel=frozenset({"PERSON"}))


def _company_names(mentions: list[Mention]) -> set[str]:
    """The ORGs' names, and the companies that start projects' names (山西云岭光伏科技有限公司 of
    山西云岭光伏科技有限公司2GW高效异质结电池及组件项目)."""
    names = {m.text.replace("\n", "") for m in mentions if m.label == "ORG"}
    suffixes = load_rules().company_suffixes
    for m in mentions:
        if m.label == "PROJECT":
            name = m.text.replace("\n", "")
            ends = [name.find(suffix) + len(suffix) for suffix in suffixes if name.find(suffix) > 0]
            names.update(name[:end] for end in ends[:1])
    return names


def _defined_short_forms(text: str, mentions: list[Mention]) -> set[str]:
    """The short forms defined in quotes right after an ORG: (以下简称“天恒氢能”)."""
    from kg.ner.rules import SHORT_FORM

    defined = (SHORT_FORM.match(text, m.end) for m in mentions if m.label == "ORG")
    forms = {match.group(2).replace("\n", "") for match in defined if match and match.group(1) == "“"}
    return {form for form in forms if len(form) >= 2}


def _short_forms(name: str, places: set[str]) -> set[str]:
    """诚信种业 of 山西诚信种业有限公司; a longer name is also shortened to its first four
    characters, its trade name and trade (同泰储能 of 山西同泰储能科技有限公司, 华晟氢能 of
    大同华晟氢能装备股份有限公司), unless those are common words (文化旅游), and to the name
    without a vague trade at its end (晋芯微电子 of 山西晋芯微电子科技有限公司), and to a trade name
    of three characters that ends like a shop's (晋香源 of 山西晋香源油脂有限公司)."""
    from kg.ner.places import GENERIC_ORGS, NOT_NAME_STARTS, is_named_body
    from kg.ner.rules import is_generic_phrase

    company = company_core(name, load_rules())
    core = _without_place_prefix(company or name, places)
    if not company:
        return {core} if core != name and is_named_body(core) else set()
    forms = {core} if len(core) >= 4 else set()
    if len(core) >= 6 and not is_generic_phrase(core[:4]):
        forms.add(core[:4])
    vague = next((word for word in VAGUE_TRADES if core.endswith(word)), "")
    if vague and len(core) - len(vague) >= 4:
        forms.add(core[:-len(vague)])  # 晋芯微电子 of 山西晋芯微电子科技有限公司
    if len(core) >= 5 and core[2] in SHOP_NAME_ENDINGS:
        forms.add(core[:3])
    # not 轨道交通 of 太原市轨道交通发展有限公司, nor 新能源汽 of 山西新能源汽车工业有限公司: the trade
    return {form for form in forms - GENERIC_ORGS if not form.startswith(NOT_NAME_STARTS)}


def _without_place_prefix(name: str, places: set[str]) -> str:
    while len(name) > 4:
        prefix = next((name[:n] for n in range(min(len(name) - 4, 8), 1, -1) if name[:n] in places), None)
        if not prefix:
            break
        name = name[len(prefix):]
    return name


def _with_outer_spans(text: str, mentions: list[Mention], patterns: list[str], label: str,
                      relabel: frozenset[str] = frozenset()) -> list[Mention]:
    """``mentions`` plus a ``label`` span for group 1 of every match of ``patterns``, in place of
    the mentions inside it; a span inside or across another mention is left out, and so is one
    a mention already covers exactly, unless that mention's label is in ``relabel``."""
    found = {match.span(1) for pattern in patterns for match in re.finditer(pattern, text)}
    # the longest of the names found at a place (晋芯微电子, not its first four 晋芯微电)
    found = {span for span in found if not any(o != span and o[0] <= span[0] and span[1] <= o[1] for o in found)}
    added = [(start, end) for start, end in found if not any(
        m.start < end and start < m.end and not (start <= m.start and m.end <= end) for m in mentions)]
    exact = {(m.start, m.end): m.label for m in mentions}
    added = [span for span in added if span not in exact or exact[span] in relabel]
    if not added:
        return mentions
    kept = [m for m in mentions if not any(start <= m.start and m.end <= end for start, end in added)]
    return sorted(kept + [Mention(start, end, text[start:end], label) for start, end in added],
                  key=lambda m: (m.start, m.end))


def doc_mentions(doc, positions: list[int], cleaned: CleanText, original: str) -> Iterator[Mention]:
    """The Doc's entities as mentions of ``original``: Doc offsets -> cleaned text (through
    ``positions``) -> original text (through the cleaning map)."""
    for ent in doc.ents:
        if ent.label_ not in LABELS:
            continue
        start, end = cleaned.to_original(positions[ent.start_char], positions[ent.end_char - 1] + 1)
        yield Mention(start, end, original[start:end], ent.label_, ent.kb_id_ or None)
