"""Split newspaper pages into articles, and articles into sentences.

Both work on the cleaned text (``kg.text.clean``), where PDF line breaks inside sentences
are repaired, and report offsets into the ORIGINAL text.

A page is read as a sequence of lines, each given a kind: headline (short, no sentence
punctuation), byline (□本报记者 X, 本报评论员), dateline (a paragraph opening with
本报讯 / 本报太原12月25日讯 / 新华社…电), continuation (（上接第1版）), credit (a line
that closes an article: 记者 X 摄, 据《X》, （下转第二版）, （X）after the last sentence)
or body. A run of headline and byline lines starts a new article when it clearly
heads one: it holds a byline or is followed by a dateline, it has two or more headline
lines (kicker + headline, headline + subtitle), the previous article was closed by a
credit, or it follows two or more blank lines. A single headline line inside running
text is a subheading. Page furniture (dates, page numbers) before the first article is
skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.text import CleanText, SENTENCE_END, clean, is_headline_like

BYLINE = re.compile(r"\s*(?:[□■]\s*)?(?:本报|特约)?(?:记者|评论员|通讯员)(?:\s|[\u4e00-\u9fff]{2,4}\s*$|$)|\s*本报评论员")
DATELINE = re.compile(r"\s*(?:本报\S{0,12}?讯|新华社\S{0,12}?电|\S{2,6}社\S{0,12}?电)")
CONTINUATION = re.compile(r"\s*[（(]\s*上接")
CREDIT = re.compile(
    r"(?:摄|[（(]\s*下转[^()（）]*[）)]|[。！？”][（(][^()（）]{1,8}[）)]|^\s*据《[^》]+》"
    r"|[。！？”]\s*(?:本报)?(?:记者|通讯员)\s*[\u4e00-\u9fff]{2,4})\s*$")
FURNITURE = re.compile(r"第\s*[0-9一二三四五六七八九十]+\s*版|星期[一二三四五六日天]|责任编辑|责编|校对|美编|版式")
# Headlines, kickers and subtitles seen on the seed pages are at most 38 characters wide.
HEADLINE_MAX_LENGTH = 40
SENTENCE_BREAK = re.compile(r"(?:……|…|[。！？!?；;])[”’」』）)]*|\n")


@dataclass(frozen=True)
class Article:
    """``text[start:end]`` of the original text; ``title`` is ``text[title_start:title_end]``."""

    start: int
    end: int
    title: str | None = None
    title_start: int | None = None
    title_end: int | None = None


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int


@dataclass(frozen=True)
class _Line:
    start: int  # offsets into the cleaned text, without surrounding spaces
    end: int
    text: str
    blank_before: int  # blank lines between this line and the previous one


def split_articles(text: str) -> list[Article]:
    """Articles of a newspaper page, in text order; a text without newspaper structure is
    one article. Offsets are into ``text``."""
    cleaned = clean(text)
    lines = _lines(cleaned.text)
    if not lines:
        return []
    kinds = _kinds(lines)
    starts = _article_starts(lines, kinds) or [0]
    articles = []
    for number, first in enumerate(starts):
        last = (starts[number + 1] if number + 1 < len(starts) else len(lines)) - 1
        start, _ = cleaned.to_original(lines[first].start, lines[first].end)
        _, end = cleaned.to_original(lines[last].start, lines[last].end)
        title_line = _title_line(lines[first:last + 1], kinds[first:last + 1])
        articles.append(_article(text, cleaned, start, end, title_line))
    return articles


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Sentence]:
    """Sentences of ``text[start:end]``: split after 。！？；… (with closing quotes) and at
    line ends, so a headline is its own sentence. Offsets are into ``text``."""
    end = len(text) if end is None else end
    cleaned = clean(text[start:end])
    sentences, begin = [], 0
    for match in SENTENCE_BREAK.finditer(cleaned.text):
        sentence = _trimmed(cleaned, begin, match.end())
        if sentence:
            sentences.append(Sentence(sentence[0] + start, sentence[1] + start))
        begin = match.end()
    sentence = _trimmed(cleaned, begin, len(cleaned.text))
    if sentence:
        sentences.append(Sentence(sentence[0] + start, sentence[1] + start))
    return sentences


def _trimmed(cleaned: CleanText, begin: int, stop: int) -> tuple[int, int] | None:
    piece = cleaned.text[begin:stop]
    if not piece.strip():
        return None
    begin += len(piece) - len(piece.lstrip())
    stop -= len(piece) - len(piece.rstrip())
    return cleaned.to_original(begin, stop)


def _lines(text: str) -> list[_Line]:
    lines, blank = [], 0
    for match in re.finditer(r"[^\n]*", text):
        content = match.group()
        if match.start() > 0 and text[match.start() - 1] != "\n":
            continue  # finditer's empty match at the end of a line
        if not content.strip():
            blank += 1
            continue
        lead = len(content) - len(content.lstrip())
        trail = len(content) - len(content.rstrip())
        start, end = match.start() + lead, match.end() - trail
        lines.append(_Line(start, end, text[start:end], blank if lines else 0))
        blank = 0
    return lines


def _kinds(lines: list[_Line]) -> list[str]:
    kinds: list[str] = []
    for line in lines:
        kinds.append(_kind(line.text, kinds[-1] if kinds else None))
    return kinds


def _kind(line: str, previous: str | None) -> str:
    if CREDIT.search(line):
        return "credit"
    if BYLINE.match(line) and len(line) <= 30:
        # after running text, a plain byline closes the article above (记者 王勇 通讯员 王琦)
        if previous in ("body", "dateline") and not line.lstrip().startswith(("□", "■")):
            return "credit"
        return "byline"
    if DATELINE.match(line):
        return "dateline"
    if CONTINUATION.match(line):
        return "continuation"
    if FURNITURE.search(line) and len(line) <= 40:
        return "furniture"
    if is_headline_like(line, HEADLINE_MAX_LENGTH):
        return "headline"
    return "body"


def _article_starts(lines: list[_Line], kinds: list[str]) -> list[int]:
    """Indices of the lines that start articles."""
    starts: list[int] = []
    closed = True  # the previous article has ended (true at the top of the page)
    number = 0
    while number < len(lines):
        kind = kinds[number]
        if kind == "furniture" and not starts:
            number += 1
            continue
        if kind in ("headline", "byline"):
            end = _group_end(lines, kinds, number)
            if end < len(lines) and (not starts or closed or _heads_article(lines, kinds, number, end)):
                starts.append(number)
            closed, number = False, end
            if number < len(lines) and kinds[number] == "dateline":
                number += 1  # the dateline opening the article just headed
            continue
        if kind in ("dateline", "continuation") or not starts or _after_gap(lines, kinds, number):
            starts.append(number)
        closed = kind == "credit"
        number += 1
    return starts


def _group_end(lines: list[_Line], kinds: list[str], first: int) -> int:
    """End (exclusive) of the run of headline/byline lines starting at ``first``; a byline
    may stand a little apart from its headline."""
    end = first + 1
    while end < len(lines) and (
            kinds[end] == "headline" and lines[end].blank_before <= 1
            or kinds[end] == "byline" and lines[end].blank_before <= 3):
        end += 1
    return end


def _heads_article(lines: list[_Line], kinds: list[str], first: int, end: int) -> bool:
    group = kinds[first:end]
    followed_by = kinds[end] if end < len(kinds) else None
    return ("byline" in group or followed_by in ("dateline", "byline")
            or group.count("headline") >= 2 or _after_gap(lines, kinds, first))


def _after_gap(lines: list[_Line], kinds: list[str], number: int) -> bool:
    """Two or more blank lines after a finished sentence: the layout's article gap."""
    if number == 0 or lines[number].blank_before < 2:
        return False
    previous = lines[number - 1].text
    return bool(SENTENCE_END.search(previous)) or kinds[number - 1] == "credit"


def _title_line(lines: list[_Line], kinds: list[str]) -> _Line | None:
    """The article's headline: the last headline line (of four or more characters) of its
    heading, so a kicker before it and a ——subtitle after it are passed over."""
    title = None
    for line, kind in zip(lines, kinds):
        if kind not in ("headline", "byline"):
            break
        if kind == "headline" and len(line.text) >= 4 and not line.text.startswith("——"):
            title = line
    return title


def _article(text: str, cleaned: CleanText, start: int, end: int, title_line: _Line | None) -> Article:
    if title_line is None:
        return Article(start, end)
    title_start, title_end = cleaned.to_original(title_line.start, title_line.end)
    return Article(start, end, text[title_start:title_end], title_start, title_end)
