"""Offset-preserving cleaning of PDF-extracted Chinese news text.

``clean(original)`` returns a ``CleanText``: the cleaned text plus, for every cleaned
character, the index of the original character it came from. Cleaning only deletes
characters or replaces one character by one other, so the map is monotonic and every
span of the cleaned text maps back to a span of the original. What it does:

* width: half-width ``, : ; ? ! ( )`` next to Chinese text become ``， ： ； ？ ！ （ ）``
  (not inside numbers such as 1,000 or 12:30, nor in URLs or Latin text);
* spaces that PDF extraction puts between Chinese and digits/Latin (``12月 25日``,
  ``25 家``) are removed; spaces between Chinese words (headline separators) are kept;
* line breaks inside a sentence are removed: narrow PDF columns break lines mid-word, and
  paragraphs are sometimes split mid-sentence by a blank line. Real paragraph breaks
  (after sentence-final punctuation, around headlines and bylines) stay.
"""

from __future__ import annotations

import re
from array import array
from dataclasses import dataclass
from itertools import compress

HALF_TO_FULL = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}
HORIZONTAL_SPACE = " \t\u3000\u00a0"
_HALF_WIDTH = re.compile("[" + re.escape("".join(HALF_TO_FULL)) + "]")
_PAREN_OR_NEWLINE = re.compile(r"[()\n]")
# A line ending like this ends its sentence or block, so the break after it is real: final
# punctuation (maybe inside closing quotes), a continuation mark, a reporter's name in
# brackets after the last sentence.
SENTENCE_END = re.compile(
    r"(?:[。！？!?…；;][”’」』）)]*|[（(]\s*(?:下转|上接)[^()（）]*[）)]|[。！？][（(][^()（）]{1,8}[）)])\s*$")
# Punctuation that headlines never carry: a line holding one is body text.
BODY_PUNCT = set("，。、；！？,;!?")
# Lines that open a block: bylines, datelines, subtitles, continuation marks, captions.
BLOCK_OPENER = re.compile(
    r"\s*(?:[□■●▲◆]|——|本报\S{0,10}?讯|本报(?:记者|评论员|通讯员)|新华社|据《[^》\n]{1,20}》\s*$"
    r"|(?:记者|通讯员)\s|[（(]\s*[上下]接|图为|【)")
DATELINE_AND_TEXT = re.compile(r"本报\S{0,10}?讯\s*(?:[（(][^()（）]*[）)])?\s*(?![（(]|记者|通讯员|实习生)\S")
# Pages whose body lines are narrower than this (in characters) come from PDF columns.
NARROW_COLUMN = 30
_KEEP = bytes([1, 0]) + bytes(254)  # bytearray.translate table: 0 -> 1, 1 -> 0
NEWLINE_RUN = re.compile(r"[ \t\u3000\u00a0]*\n(?:[ \t\u3000\u00a0]*\n)*[ \t\u3000\u00a0]*")


@dataclass(frozen=True)
class CleanText:
    """Cleaned text and the original index of each of its characters."""

    text: str
    index: array  # index[i] = position in the original text of cleaned char i
    original_length: int

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map the cleaned span ``[start, end)`` to the original span that covers it."""
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span ({start}, {end}) outside the cleaned text of length {len(self.text)}")
        if start == end:
            position = self.index[start] if start < len(self.text) else self.original_length
            return position, position
        return self.index[start], self.index[end - 1] + 1

    def to_cleaned(self, position: int) -> int:
        """The first cleaned index whose original position is at or after ``position``."""
        low, high = 0, len(self.index)
        while low < high:
            middle = (low + high) // 2
            if self.index[middle] < position:
                low = middle + 1
            else:
                high = middle
        return low


def clean(original: str) -> CleanText:
    """Clean ``original`` (see the module docstring), keeping a map back to it."""
    replace: dict[int, str] = {}
    drop = bytearray(len(original))
    _repair_line_breaks(original, drop, replace)
    _drop_pdf_spaces(original, drop)
    _widen_punctuation(original, replace)
    chars = list(original)
    for position, char in replace.items():
        chars[position] = char
    keep = drop.translate(_KEEP)  # 1 where drop is 0: compress() then runs in C, not per character here
    return CleanText("".join(compress(chars, keep)), array("l", compress(range(len(original)), keep)),
                     len(original))


def is_cjk(char: str) -> bool:
    """A Chinese character, or punctuation that only occurs in Chinese text."""
    code = ord(char)
    return (0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0x3000 <= code <= 0x303F
            or 0xFF00 <= code <= 0xFF65 or char in "“”‘’…—·")


def is_headline_like(line: str, max_length: float) -> bool:
    """Short, and without the punctuation that sentences carry: a headline, kicker or
    subheading rather than body text."""
    stripped = line.strip()
    return (0 < visual_length(stripped) <= max_length
            and not BODY_PUNCT & set(stripped) and not SENTENCE_END.search(stripped))


def is_body(line: str) -> bool:
    return bool(BODY_PUNCT & set(line))


def visual_length(line: str) -> float:
    """Length in Chinese character widths: digits, Latin letters and spaces count half."""
    return len(line) - 0.5 * len(line.encode("ascii", "ignore"))


def body_width(text: str) -> float:
    """Typical width of a body line (one holding a comma or full stop): about 15 in a
    narrow PDF column, a whole paragraph in a page extracted line per paragraph."""
    widths = sorted(visual_length(line.strip()) for line in text.split("\n") if set(line) & set("，。,"))
    return widths[len(widths) // 2] if widths else 40.0


def _repair_line_breaks(original: str, drop: bytearray, replace: dict[int, str]) -> None:
    """Remove line breaks that fall inside a sentence.

    A single newline inside a paragraph joins whenever the line before does not end its
    sentence. A blank line joins only when the line before is clearly body text (it holds
    sentence punctuation, or continues a joined paragraph) and the next line is not a
    headline; two or more blank lines always stay.
    """
    width = body_width(original)
    runs = list(NEWLINE_RUN.finditer(original))
    line_starts = [0] + [run.end() for run in runs]
    continued = False  # the current line continues the previous one
    for number, run in enumerate(runs):
        before = original[line_starts[number]:run.start()]
        next_end = runs[number + 1].start() if number + 1 < len(runs) else len(original)
        after = original[run.end():next_end]
        blank_lines = run.group().count("\n") - 1
        join = _joins(before, after, blank_lines, continued, width)
        if join:
            for position in range(run.start(), run.end()):
                drop[position] = 1
            if _words_meet(before, after):
                drop[run.start()] = 0  # keep one character, as a space, between Latin words
                replace[run.start()] = " "
        continued = join


def _joins(before: str, after: str, blank_lines: int, continued: bool, width: float) -> bool:
    if not before.strip() or not after.strip() or blank_lines > 1:
        return False
    if SENTENCE_END.search(before) or BLOCK_OPENER.match(after) or _is_credit(before):
        return False
    if width < NARROW_COLUMN and not _fills_column(before, width, indented=not continued):
        return False  # a short line in a narrow column ends a paragraph or is a headline
    if blank_lines == 0:
        return True
    return (continued or is_body(before)) and not is_headline_like(after, max(8.0, 0.5 * width))


def _fills_column(line: str, width: float, indented: bool) -> bool:
    """Whether the line runs the width of the column; the first line of a paragraph is
    two characters shorter (its indent, which text extraction drops)."""
    length = visual_length(line.strip())
    # a body line may run longer than the column (the extraction set a few lines wide); a
    # headline that does is a headline
    return 0.7 * (width - 2 * indented) <= length and (length <= 1.3 * width or is_body(line))


def _is_credit(line: str) -> bool:
    """A photo credit or byline line (记者 X 摄, 本报记者 X): never joined to the next. A
    dateline with the story after it (本报讯（记者 X）据太原海⏎关统计) starts the body."""
    stripped = line.strip()
    return stripped.endswith("摄") or (bool(BLOCK_OPENER.match(stripped)) and len(stripped) <= 20
                                      and not DATELINE_AND_TEXT.match(stripped))


def _is_latin_end(text: str) -> bool:
    return bool(text) and text[-1].isascii() and text[-1].isalnum()


def _is_latin_start(text: str) -> bool:
    return bool(text) and text[0].isascii() and text[0].isalnum()


def _words_meet(before: str, after: str) -> bool:
    """Whether a line break falls between two Latin words (New⏎York), not inside a number
    (2⏎024年度: a PDF breaks numbers too)."""
    return _is_latin_end(before) and _is_latin_start(after) and not (before[-1].isdigit() and after[0].isdigit())


def _drop_pdf_spaces(original: str, drop: bytearray) -> None:
    """Drop runs of spaces between a Chinese character and a digit or Latin letter."""
    for match in re.finditer(r"[ \t\u3000\u00a0]+", original):
        left = original[match.start() - 1] if match.start() > 0 else ""
        right = original[match.end()] if match.end() < len(original) else ""
        if not left or not right:
            continue
        if (is_cjk(left) and _is_latin_start(right)) or (_is_latin_end(left) and is_cjk(right)):
            for position in range(match.start(), match.end()):
                drop[position] = 1


def _widen_punctuation(original: str, replace: dict[int, str]) -> None:
    """Half-width punctuation next to Chinese text becomes full-width; parentheses are
    decided per pair so that both halves always match."""
    pairs = _paren_pairs(original)
    for match in _HALF_WIDTH.finditer(original):
        position, char = match.start(), match.group()
        if position in replace:
            continue
        if char in "()" and position in pairs:
            other = pairs[position]
            if _next_to_cjk(original, position) or _next_to_cjk(original, other):
                replace[position] = HALF_TO_FULL[char]
                replace[other] = HALF_TO_FULL[original[other]]
        elif _next_to_cjk(original, position) and not _between_digits(original, position):
            replace[position] = HALF_TO_FULL[char]


def _paren_pairs(text: str) -> dict[int, int]:
    pairs, open_at = {}, []
    for match in _PAREN_OR_NEWLINE.finditer(text):
        position, char = match.start(), match.group()
        if char == "(":
            open_at.append(position)
        elif char == ")" and open_at:
            start = open_at.pop()
            pairs[start], pairs[position] = position, start
        elif char == "\n" and not text[position + 1:position + 2].strip():
            open_at.clear()  # a pair never spans a paragraph break
    return pairs


def _neighbours(text: str, position: int) -> tuple[str, str]:
    """The nearest characters left and right of ``position``, skipping spaces on the same line."""
    left = position - 1
    while left >= 0 and text[left] in HORIZONTAL_SPACE:
        left -= 1
    right = position + 1
    while right < len(text) and text[right] in HORIZONTAL_SPACE:
        right += 1
    return (text[left] if left >= 0 else "", text[right] if right < len(text) else "")


def _next_to_cjk(text: str, position: int) -> bool:
    left, right = _neighbours(text, position)
    return (bool(left) and is_cjk(left)) or (bool(right) and is_cjk(right))


def _between_digits(text: str, position: int) -> bool:
    left = text[position - 1] if position > 0 else ""
    right = text[position + 1] if position + 1 < len(text) else ""
    return left.isdigit() and right.isdigit()


def join_broken_lines(surface: str) -> str:
    """A name with the PDF line breaks inside it removed: ``长治\n市`` -> ``长治市``.

    Between two Latin words the break becomes a space (``New\nYork`` -> ``New York``); inside a
    number it goes (``20\n24`` -> ``2024``).
    """
    lines = [line.strip() for line in surface.splitlines() if line.strip()]
    joined = lines[0] if lines else ""
    for line in lines[1:]:
        joined += (" " if _words_meet(joined, line) else "") + line
    return joined
