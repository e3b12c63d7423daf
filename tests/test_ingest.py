"""Ingest: encodings, bad inputs, folders, globs, stdin and corpora."""

import io
import json
import sys
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.ingest import SourceDocument, decode, iter_sources

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
PAGE = (SEEDS / "000_962b4dfc194dabb5.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "gbk", "gb18030"])
def test_decode_round_trips_the_seed_page(encoding):
    # utf-16-le/-be write no BOM: the NUL bytes of newlines, digits and commas tell
    assert decode(PAGE.encode(encoding), "page") == PAGE


def test_bom_is_stripped_and_nothing_else_changes():
    text = "\n  标题 ,(1,000)\r\n"
    assert decode(text.encode("utf-8-sig"), "x") == text
    assert decode(text.encode("utf-16"), "x") == text


@pytest.mark.parametrize("data, problem", [
    (b"", "empty file"),
    (b" \n\n", "empty file"),
    (PAGE.encode("utf-8")[:-1], "truncated UTF-8"),
    (PAGE.encode("utf-8")[:200] + b"\xff" + PAGE.encode("utf-8")[200:], "invalid UTF-8"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
    (bytes(range(1, 32)) * 20, "binary"),
    (bytes(range(128, 256)) * 8, "cannot decode"),
])
def test_decode_rejects_bad_bytes_with_a_named_error(data, problem):
    with pytest.raises(InputError) as raised:
        decode(data, "bad.txt")
    assert raised.value.source == "bad.txt"
    assert problem in str(raised.value)
    assert str(raised.value).startswith("bad.txt: ") and "\n" not in str(raised.value)


def test_truncated_utf8_is_not_misread_as_gb18030():
    # two Chinese characters and the first two bytes of a third: valid GB18030 as it happens
    data = "长治市".encode("utf-8")[:-1]
    data.decode("gb18030")
    with pytest.raises(InputError, match="truncated UTF-8"):
        decode(data, "cut.txt")


def _bad_folder(tmp_path):
    (tmp_path / "good.txt").write_text(PAGE, encoding="utf-8")
    (tmp_path / "gbk.txt").write_bytes(PAGE.encode("gbk"))
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    (tmp_path / "cut.txt").write_bytes(PAGE.encode("utf-8")[:-2])
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "nested.md").write_text("嵌套的文件。", encoding="utf-8")
    (tmp_path / "sub" / "picture.png").write_bytes(b"\x89PNG")
    (tmp_path / ".hidden.txt").write_text("隐藏", encoding="utf-8")
    return tmp_path


def test_folder_yields_every_readable_page_and_an_error_per_bad_file(tmp_path):
    folder = _bad_folder(tmp_path)
    results = list(iter_sources([str(folder)]))
    documents = {Path(item.source).name: item for item in results if isinstance(item, SourceDocument)}
    errors = {Path(item.source).name: item.problem for item in results if isinstance(item, InputError)}
    assert set(documents) == {"good.txt", "gbk.txt", "nested.md"}
    assert documents["gbk.txt"].text == PAGE
    assert set(errors) == {"empty.txt", "binary.txt", "cut.txt"}
    assert "truncated UTF-8" in errors["cut.txt"]


def test_folder_walk_is_sorted_and_recursive(tmp_path):
    folder = _bad_folder(tmp_path)
    sources = [item.source for item in iter_sources([str(folder)])]
    assert sources == sorted(sources)
    assert str(folder / "sub" / "nested.md") in sources


def test_glob_missing_file_and_stdin(tmp_path, monkeypatch):
    folder = _bad_folder(tmp_path)
    found = [item.source for item in iter_sources([str(folder / "g*.txt")])]
    assert found == [str(folder / "gbk.txt"), str(folder / "good.txt")]
    missing = list(iter_sources([str(folder / "nope.txt"), str(folder / "*.none")]))
    assert [type(item) for item in missing] == [InputError, InputError]
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("标准输入。".encode("gbk"))))
    [document] = iter_sources(["-"])
    assert (document.source, document.text) == ("-", "标准输入。")


def test_jsonl_corpus_one_document_per_row_and_a_bad_row_named(tmp_path):
    rows = [
        json.dumps({"id": "a1", "body": "第一篇。", "date": "2024-08-23", "title": "甲"}, ensure_ascii=False),
        "",
        "{not json",
        json.dumps({"id": "a3", "other": "没有正文"}, ensure_ascii=False),
        json.dumps({"id": "a4", "body": "第四篇。", "region": "长治市"}, ensure_ascii=False),
    ]
    corpus = tmp_path / "news.jsonl"
    corpus.write_text("\n".join(rows) + "\n", encoding="utf-8")
    results = list(iter_sources([str(corpus)], text_field="body", id_field="id",
                                date_field="date", title_field="title", region_field="region"))
    assert [item.source for item in results] == [
        f"{corpus}#a1", f"{corpus}:3", f"{corpus}:4", f"{corpus}#a4"]
    first, bad_json, no_text, last = results
    assert first.text == "第一篇。" and first.meta == {"id": "a1", "date": "2024-08-23", "title": "甲"}
    assert "invalid JSON" in bad_json.problem and "'body'" in no_text.problem
    assert last.meta == {"id": "a4", "region": "长治市"}


def test_csv_corpus_row_numbers_as_ids_and_a_short_row_named(tmp_path):
    corpus = tmp_path / "news.csv"
    corpus.write_bytes('text,title\n"第一篇,有逗号。",甲\n只有一列\n"跨行\n的正文。",丙\n'.encode("gbk"))
    results = list(iter_sources([str(corpus)], title_field="title"))
    assert [item.source for item in results] == [f"{corpus}#1", f"{corpus}:3", f"{corpus}#3"]
    assert results[0].text == "第一篇,有逗号。" and results[0].meta == {"id": "1", "title": "甲"}
    assert "expected 2 fields, found 1" in results[1].problem
    assert results[2].text == "跨行\n的正文。"


def test_undecodable_corpus_is_one_error(tmp_path):
    corpus = tmp_path / "broken.jsonl"
    corpus.write_bytes(b"\x00\x01" * 100)
    [error] = iter_sources([str(corpus)])
    assert isinstance(error, InputError) and error.source == str(corpus)
