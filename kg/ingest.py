"""Read inputs into decoded documents: files, folders, globs, stdin and JSONL/CSV corpora.

``decode`` turns bytes into text (BOM stripped, nothing else changed) or raises
``InputError``; ``iter_sources`` walks the inputs and yields one ``SourceDocument`` per
document, or the ``InputError`` of an input that cannot be used, so one bad file never
stops the others.
"""

from __future__ import annotations

import codecs
import csv
import glob
import io
import json
import os
import sys
import unicodedata
from dataclasses import dataclass, field
from typing import Iterable, Iterator

from kg.errors import InputError

TEXT_SUFFIXES = {".txt", ".md", ""}
CORPUS_SUFFIXES = {".jsonl", ".csv"}
GLOB_CHARS = set("*?[")

# A text may hold a few stray control characters (form feeds from PDF tools); more than
# this share of them means the bytes are not text.
MAX_CONTROL_SHARE = 0.01
# GB18030 maps almost any byte string to some characters; real Chinese text is nearly all
# common CJK, ASCII and punctuation, so a lower share of those means "not GB18030".
MIN_COMMON_SHARE = 0.95


@dataclass(frozen=True)
class SourceDocument:
    """One document: where it came from, its decoded text, and corpus metadata
    (``title``, ``date``, ``region``, ``id`` when the corpus row gives them)."""

    source: str
    text: str
    meta: dict = field(default_factory=dict)


def decode(data: bytes, name: str) -> str:
    """Decode a file's bytes: UTF-8 (with or without BOM), UTF-16 (BOM, or a null-byte
    pattern that says so) or GB18030/GBK. Raises ``InputError`` for empty, binary and
    undecodable input."""
    if not data.strip():
        raise InputError(name, "empty file")
    if data.startswith(codecs.BOM_UTF8):
        return _checked(_decode_utf8(data[len(codecs.BOM_UTF8):], name), name)
    for bom, encoding in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return _checked(_decode_utf16(data[len(bom):], encoding, name), name)
    encoding = _utf16_by_null_bytes(data)
    if encoding:
        text = _decode_utf16(data, encoding, name)
        if _common_share(text) >= MIN_COMMON_SHARE:
            return _checked(text, name)
    if b"\x00" in data:
        raise InputError(name, "binary file (contains NUL bytes), not text")
    if data.isascii() or _looks_like_utf8(data) or _is_cut_utf8(data):
        return _checked(_decode_utf8(data, name), name)
    return _checked(_decode_gb18030(data, name), name)


def _decode_utf8(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.reason == "unexpected end of data":
            raise InputError(name, f"truncated UTF-8: the file ends inside a character "
                                   f"(byte {error.start} of {len(data)})") from None
        raise InputError(name, f"invalid UTF-8 at byte {error.start}") from None


def _decode_utf16(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise InputError(name, f"invalid {encoding.upper()} at byte {error.start}") from None


def _decode_gb18030(data: bytes, name: str) -> str:
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        raise InputError(name, "cannot decode: neither UTF-8, UTF-16 nor GB18030/GBK") from None
    if _common_share(text) < MIN_COMMON_SHARE:
        raise InputError(name, "cannot decode: neither UTF-8, UTF-16 nor GB18030/GBK")
    return text


def _utf16_by_null_bytes(data: bytes) -> str | None:
    """UTF-16 without BOM: ASCII-range characters (newlines, digits, punctuation) leave a
    NUL in the high byte of their code unit; Chinese characters rarely do."""
    if len(data) < 4 or len(data) % 2:
        return None
    even_nulls, odd_nulls = data[0::2].count(0), data[1::2].count(0)
    units = len(data) // 2
    if odd_nulls >= 0.05 * units and even_nulls <= 0.25 * odd_nulls:
        return "utf-16-le"
    if even_nulls >= 0.05 * units and odd_nulls <= 0.25 * even_nulls:
        return "utf-16-be"
    return None


def _looks_like_utf8(data: bytes) -> bool:
    """Mostly valid UTF-8 multi-byte sequences: then a bad or cut sequence is reported as a
    UTF-8 problem instead of mis-decoding the whole file as GB18030."""
    decoded = data.decode("utf-8", errors="replace")
    non_ascii = sum(1 for char in decoded if ord(char) > 127)
    bad = decoded.count("\ufffd")
    return non_ascii > 0 and bad <= 0.1 * non_ascii and bad < non_ascii


def _is_cut_utf8(data: bytes) -> bool:
    """Valid UTF-8 with non-ASCII text up to a character cut off at the very end."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        return error.reason == "unexpected end of data" and not data[:error.start].isascii()
    return True


def _checked(text: str, name: str) -> str:
    if not text.strip():
        raise InputError(name, "empty file")
    controls = sum(1 for char in text if unicodedata.category(char) == "Cc" and char not in "\t\n\r\f")
    if controls > MAX_CONTROL_SHARE * len(text):
        raise InputError(name, "binary file (control characters), not text")
    return text


def _common_share(text: str) -> float:
    common = sum(1 for char in text if _is_common(char))
    return common / len(text)


def _is_common(char: str) -> bool:
    code = ord(char)
    return (
        code < 0x80
        or 0x4E00 <= code <= 0x9FFF  # CJK unified ideographs
        or 0x3000 <= code <= 0x303F  # CJK punctuation
        or 0xFF00 <= code <= 0xFFEF  # full-width forms
        or 0x2010 <= code <= 0x206F  # general punctuation: “” — …
        or char in "·°×÷□■●○▲△◆◇"
    )


def iter_sources(
    inputs: Iterable[str],
    *,
    text_field: str | None = None,
    id_field: str | None = None,
    date_field: str | None = None,
    title_field: str | None = None,
    region_field: str | None = None,
) -> Iterator[SourceDocument | InputError]:
    """Yield a ``SourceDocument`` per document, or the ``InputError`` of an input that
    cannot be used. Inputs: files, folders (recursive, sorted, text-like and corpus files),
    glob patterns and ``-`` for stdin. JSONL/CSV files are corpora, one document per row."""
    fields = _CorpusFields(text_field or "text", id_field, date_field, title_field, region_field)
    for item in inputs:
        yield from _sources_of(item, fields)


def _sources_of(item: str, fields: "_CorpusFields") -> Iterator[SourceDocument | InputError]:
    if item == "-":
        yield _read_document("-", sys.stdin.buffer.read)
    elif os.path.isdir(item):
        for path in _walk(item):
            yield from _read_path(path, fields)
    elif os.path.exists(item):
        yield from _read_path(item, fields)
    elif GLOB_CHARS & set(item):
        matches = sorted(glob.glob(item, recursive=True))
        if not matches:
            yield InputError(item, "no files match this pattern")
        for match in matches:
            yield from _sources_of(match, fields)
    else:
        yield InputError(item, "no such file or folder")


@dataclass(frozen=True)
class _CorpusFields:
    text: str
    id: str | None
    date: str | None
    title: str | None
    region: str | None


def _walk(folder: str) -> list[str]:
    """Text-like and corpus files under ``folder``, sorted; hidden files and folders skipped."""
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [name for name in dirs if not name.startswith(".")]
        for name in files:
            suffix = os.path.splitext(name)[1].lower()
            if not name.startswith(".") and suffix in TEXT_SUFFIXES | CORPUS_SUFFIXES:
                found.append(os.path.join(root, name))
    return sorted(found)


def _read_path(path: str, fields: _CorpusFields) -> Iterator[SourceDocument | InputError]:
    suffix = os.path.splitext(path)[1].lower()
    if suffix in CORPUS_SUFFIXES:
        try:
            text = decode(_read_bytes(path), path)
        except InputError as error:
            yield error
            return
        rows = _jsonl_rows(path, text) if suffix == ".jsonl" else _csv_rows(path, text)
        for row_number, line, row in rows:
            if isinstance(row, InputError):
                yield row
            else:
                yield _corpus_document(path, row_number, line, row, fields)
    else:
        yield _read_document(path, lambda: _read_bytes(path))


def _read_bytes(path: str) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as error:
        raise InputError(path, f"cannot read: {error.strerror or error}") from None


def _read_document(name: str, read) -> SourceDocument | InputError:
    try:
        return SourceDocument(name, decode(read(), name))
    except InputError as error:
        return error


def _jsonl_rows(path: str, text: str) -> Iterator[tuple[int, int, dict | InputError]]:
    """(row number, line number, row) per non-blank line; the row number counts rows."""
    row_number = 0
    for line_number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        row_number += 1
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            yield row_number, line_number, InputError(f"{path}:{line_number}", f"invalid JSON: {error.msg}")
            continue
        if not isinstance(row, dict):
            row = InputError(f"{path}:{line_number}", "a JSONL row must be an object")
        yield row_number, line_number, row


def _csv_rows(path: str, text: str) -> Iterator[tuple[int, int, dict | InputError]]:
    """(row number, line number, row) per CSV record after the header."""
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader, None)
        if not header:
            yield 0, 1, InputError(path, "CSV file has no header row")
            return
        for row_number, record in enumerate(reader, start=1):
            if not any(cell.strip() for cell in record):
                continue
            if len(record) != len(header):
                yield row_number, reader.line_num, InputError(
                    f"{path}:{reader.line_num}", f"expected {len(header)} fields, found {len(record)}")
                continue
            yield row_number, reader.line_num, dict(zip(header, record))
    except csv.Error as error:
        yield 0, reader.line_num, InputError(f"{path}:{reader.line_num}", f"invalid CSV: {error}")


def _corpus_document(path: str, row_number: int, line: int, row: dict,
                     fields: _CorpusFields) -> SourceDocument | InputError:
    where = f"{path}:{line}"
    text = row.get(fields.text)
    if not isinstance(text, str):
        problem = f"no text field {fields.text!r}" if text is None else f"field {fields.text!r} is not text"
        return InputError(where, problem)
    if not text.strip():
        return InputError(where, f"field {fields.text!r} is empty")
    doc_id = str(row_number)
    if fields.id:
        if row.get(fields.id) in (None, ""):
            return InputError(where, f"no id field {fields.id!r}")
        doc_id = str(row[fields.id])
    meta = {"id": doc_id}
    for key, name in (("date", fields.date), ("title", fields.title), ("region", fields.region)):
        if name and row.get(name) not in (None, ""):
            meta[key] = str(row[name])
    return SourceDocument(f"{path}#{doc_id}", text, meta)
