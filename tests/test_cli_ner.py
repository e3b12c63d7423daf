"""`kg ner`: the JSON-lines interface the evaluation depends on, the readable view, bad input."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main

SENTENCE = "长治市委书记王晓东在襄垣县调研。"


@pytest.fixture(scope="module")
def runner():
    return CliRunner()


def run(runner, *args, stdin=None):
    return runner.invoke(main, ["ner", *args], input=stdin)


def test_jsonl_one_object_per_file_with_offsets_into_the_decoded_text(runner, tmp_path: Path):
    page = tmp_path / "page.txt"
    page.write_bytes("\ufeff".encode("utf-8") + SENTENCE.encode("utf-8"))  # BOM is stripped
    result = run(runner, "--jsonl", str(page))
    assert result.exit_code == 0, result.output
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["source"] == str(page)
    assert record["articles"] == [{"start": 0, "end": len(SENTENCE), "title": None}]
    assert record["entities"], "expected entities"
    for e in record["entities"]:
        assert set(e) == {"start", "end", "text", "label", "canonical"}
        assert SENTENCE[e["start"]:e["end"]] == e["text"]
        assert e["label"] in {"PERSON", "ORG", "PLACE", "PROJECT", "DOC", "EVENT"}
    assert ("王晓东", "PERSON") in {(e["text"], e["label"]) for e in record["entities"]}


def test_lines_mode_offsets_within_each_line(runner, tmp_path: Path):
    lines = tmp_path / "lines.txt"
    lines.write_text(f"{SENTENCE}\n\n国务院总理李强在北京会见法国总统。\n", encoding="utf-8")
    result = run(runner, "--jsonl", "--lines", str(lines))
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["line"] for r in records] == [1, 2, 3, 4]
    assert records[1]["entities"] == [] and records[3]["entities"] == []
    second = "国务院总理李强在北京会见法国总统。"
    assert all(second[e["start"]:e["end"]] == e["text"] for e in records[2]["entities"])
    assert ("李强", "PERSON") in {(e["text"], e["label"]) for e in records[2]["entities"]}


def test_stdin(runner):
    result = run(runner, "--jsonl", "-", stdin=SENTENCE.encode("utf-8"))
    assert json.loads(result.stdout)["source"] == "-"


def test_readable_view_lists_entities(runner, tmp_path: Path):
    page = tmp_path / "page.txt"
    page.write_text(SENTENCE, encoding="utf-8")
    result = run(runner, str(page))
    assert result.exit_code == 0
    assert "PERSON" in result.stdout and "王晓东" in result.stdout


def test_bad_files_are_reported_and_the_others_still_processed(runner, tmp_path: Path):
    good = tmp_path / "good.txt"
    good.write_text(SENTENCE, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.bin").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "cut.txt").write_bytes(SENTENCE.encode("utf-8")[:-1])
    names = [str(tmp_path / n) for n in ("empty.txt", "good.txt", "binary.bin", "missing.txt", "cut.txt")]
    result = run(runner, "--jsonl", *names)
    assert result.exit_code == 1
    assert [json.loads(line)["source"] for line in result.stdout.splitlines()] == [str(good)]
    errors = result.stderr.splitlines()
    assert len(errors) == 4
    for name in ("empty.txt", "binary.bin", "missing.txt", "cut.txt"):
        assert sum(name in line for line in errors) == 1
    assert all("Traceback" not in line for line in errors)


def test_labels_keep_only_those_asked_for(runner):
    result = run(runner, "--jsonl", "--labels", "PERSON", "-", stdin=SENTENCE.encode("utf-8"))
    entities = json.loads(result.stdout)["entities"]
    assert [(e["text"], e["label"]) for e in entities] == [("王晓东", "PERSON")]


def test_labels_without_titles_tag_the_names_inside_them(runner):
    def labelled(*args):
        result = run(runner, "--jsonl", *args, "-", stdin="学习《邓小平文选》。".encode("utf-8"))
        return {(e["text"], e["label"]) for e in json.loads(result.stdout)["entities"]}

    assert labelled() == {("邓小平文选", "DOC")}
    assert labelled("--labels", "person,place") == {("邓小平", "PERSON")}


def test_unknown_label_is_an_error(runner):
    result = run(runner, "--labels", "PERSON,FOO", "-", stdin=SENTENCE.encode("utf-8"))
    assert result.exit_code == 1
    assert "unknown label FOO" in result.output
