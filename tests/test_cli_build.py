import json

import networkx as nx
import pytest
from click.testing import CliRunner
from ruler_tagger import RulerTagger

import kg.cli.build  # noqa: F401  (attaches the commands to `main`)
import kg.ner
from kg.cli import main

PAGE_A = "长治市委召开会议\n\n本报讯 王晓明在长治市调研。王晓明到襄垣县。\n"
PAGE_B = "太旧高速扩容改造开工\n\n本报讯 省工信厅与太原市部署太旧高速扩容改造。\n"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A folder with two good pages and three bad files, built once through the CLI."""
    root = tmp_path_factory.mktemp("cli")
    folder = root / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(PAGE_A, encoding="utf-8")
    (folder / "gbk.txt").write_bytes(PAGE_B.encode("gbk"))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "cut.txt").write_bytes(PAGE_A.encode("utf-8")[:-2])
    tagger = RulerTagger()
    with pytest.MonkeyPatch.context() as patch:
        # The NER stage only: the trained model is replaced by a small rule pipeline.
        patch.setattr(kg.ner, "load", lambda path=None, words=True: tagger)
        result = CliRunner().invoke(
            main, ["build", str(folder), "-o", str(root / "out")])
    return root, result


def run(*args):
    return CliRunner().invoke(main, list(args))


def test_build_reports_each_bad_file_and_exits_1(built):
    root, result = built
    assert result.exit_code == 1
    skipped = [line for line in result.stderr.splitlines() if line.startswith("skipped")]
    assert len(skipped) == 3
    for name in ("empty.txt", "binary.txt", "cut.txt"):
        assert sum(name in line for line in skipped) == 1
    assert "2 read, 2 added, 0 replaced, 0 unchanged, 3 skipped" in result.stdout
    assert "PROJECT 1" in result.stdout
    assert "LOCATED_IN" in result.stdout
    graph = nx.read_graphml(root / "out" / "graph.graphml")
    assert "太旧高速扩容改造" in {data["label"] for _, data in graph.nodes(data=True)}


def test_lookup_prints_entity_with_articles_and_neighbors(built):
    root, _ = built
    result = run("lookup", "王晓明", "--db", str(root / "out" / "kg.sqlite"))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("王晓明") and "[PERSON" in lines[0]
    assert "2 mentions in 1 articles" in lines[1]
    assert any(line.startswith("  article: 长治市委召开会议") for line in lines)
    assert any("王晓明在长治市调研。" in line for line in lines)  # evidence of a neighbour


def test_lookup_json_has_the_documented_shape(built):
    root, _ = built
    result = run("lookup", "太旧", "--db", str(root / "out" / "kg.sqlite"), "--json")
    assert result.exit_code == 0, result.output
    [match] = json.loads(result.stdout)["matches"]
    assert {"name", "type", "aliases", "mentions", "articles", "neighbors"} <= set(match)
    assert (match["name"], match["type"], match["mentions"]) == ("太旧高速扩容改造", "PROJECT", 2)
    assert match["articles"][0]["source"].endswith("gbk.txt")
    neighbor = match["neighbors"][0]
    assert {"name", "type", "weight", "evidence"} <= set(neighbor)
    [evidence] = neighbor["evidence"]
    assert set(evidence) == {"source", "start", "end", "text"}
    assert PAGE_B[evidence["start"]:evidence["end"]] == evidence["text"]


def test_lookup_without_match_and_missing_store(built, tmp_path):
    root, _ = built
    result = run("lookup", "不存在", "--db", str(root / "out" / "kg.sqlite"))
    assert (result.exit_code, result.stdout) == (0, "no entity matches '不存在'\n")
    missing = run("lookup", "长治", "--db", str(tmp_path / "nope.sqlite"))
    assert missing.exit_code == 1
    assert "nope.sqlite: no such store" in missing.stderr


def test_stats_counts_by_type(built):
    root, _ = built
    result = run("stats", "--db", str(root / "out" / "kg.sqlite"), "--top", "2")
    assert result.exit_code == 0, result.output
    assert "documents: 2" in result.stdout
    assert "  PROJECT: 1" in result.stdout
    assert "top entities (mentions, articles):" in result.stdout


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_export_writes_the_stored_graph(built, tmp_path, fmt):
    root, _ = built
    target = tmp_path / f"g.{fmt}"
    result = run("export", fmt, str(target), "--db", str(root / "out" / "kg.sqlite"))
    assert result.exit_code == 0, result.output
    graph = (nx.read_graphml if fmt == "graphml" else nx.read_gexf)(target)
    assert graph.number_of_nodes() == len(nx.read_graphml(root / "out" / "graph.graphml"))


def test_unknown_region_option_is_a_usage_error_before_any_work(tmp_path):
    (tmp_path / "a.txt").write_text(PAGE_A, encoding="utf-8")
    result = run("build", str(tmp_path / "a.txt"), "-o", str(tmp_path / "out"),
                 "--region", "火星市")
    assert result.exit_code == 2
    [error] = [line for line in result.stderr.splitlines() if line.startswith("Error")]
    assert "--region" in error and "'火星市' is not a Chinese administrative division" in error
    assert not (tmp_path / "out").exists()


def test_lookup_shows_where_a_place_lies(built):
    root, _ = built
    result = run("lookup", "襄垣县", "--db", str(root / "out" / "kg.sqlite"), "--neighbors", "0")
    assert result.exit_code == 0, result.output
    assert "  in: 长治市; contains: -" in result.stdout.splitlines()
