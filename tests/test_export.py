import os
import re
import stat
import xml.etree.ElementTree as ET

import networkx as nx
import pytest

from kg.export import TYPE_COLORS, node_size, write_gexf, write_graphml
from kg.graph import MentionRow, SentenceRow, cooccurrence, group_entities, to_networkx
from kg.mention import LABELS

GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"


def build_graph():
    """A small graph built by kg.graph from hand-made rows: names with XML-special characters,
    a PDF line break, and an article-level edge without evidence."""
    rows = [
        MentionRow("ORG:长治市委", "ORG", "长治市委", "市委", 1, 1, 1, 0, 2),
        MentionRow("PLACE:长治市", "PLACE", "长治市", "长治", 1, 1, 1, 3, 5),
        MentionRow("ORG:长治市委", "ORG", "长治市委", "长治\n市委", 1, 1, 2, 10, 15),
        MentionRow("PLACE:长治市", "PLACE", "长治市", "长治", 1, 1, 2, 16, 18),
        MentionRow('PROJECT:"A&B"<工程>', "PROJECT", '"A&B"<工程>', '"A&B"<工程>', 1, 1, 3, 30, 39),
        MentionRow("EVENT:市委经济工作会议", "EVENT", "市委经济工作会议", "市委经济工作会议", 1, 1, 3, 40, 48),
        MentionRow("PERSON:张建勤", "PERSON", "张建勤", "张建勤", 1, 1, 4, 60, 63),
    ]
    sentences = {
        1: SentenceRow(1, 1, 1, "seeds/a.txt", 0, 9, "市委在长治召开会议。"),
        2: SentenceRow(2, 1, 1, "seeds/a.txt", 10, 19, "长治\n市委与长治。"),
        3: SentenceRow(3, 1, 1, "seeds/a.txt", 30, 49, '"A&B"<工程>在市委经济工作会议上发布。'),
    }
    entities = group_entities(rows)
    return to_networkx(entities, cooccurrence(rows, sentences))


@pytest.fixture
def graph():
    return build_graph()


def round_trip(graph, path, write, read):
    """Write ``graph``, read it back, and check that no node or edge was lost."""
    write(graph, path)
    loaded = read(path)
    assert sorted(loaded.nodes) == sorted(graph.nodes)
    assert loaded.number_of_edges() == graph.number_of_edges()
    return loaded


def test_graphml_loads_in_networkx_with_typed_attributes(graph, tmp_path):
    loaded = round_trip(graph, tmp_path / "graph.graphml", write_graphml, nx.read_graphml)
    city = loaded.nodes["PLACE:长治市"]
    assert city == {"label": "长治市", "type": "PLACE", "mentions": 2, "articles": 1, "aliases": "长治"}
    assert loaded.nodes["ORG:长治市委"]["aliases"] == "市委|长治市委"
    edge = loaded.edges["ORG:长治市委", "PLACE:长治市"]
    assert edge["sentences"] == 2 and isinstance(edge["sentences"], int)
    assert edge["articles"] == 1 and isinstance(edge["articles"], int)
    assert edge["weight"] == 2.0 and isinstance(edge["weight"], float)
    assert isinstance(edge["npmi"], float)
    assert edge["evidence"] == "长治\n市委与长治。"  # shortest; line break kept
    assert loaded.nodes['PROJECT:"A&B"<工程>']["label"] == '"A&B"<工程>'


def test_graphml_keys_are_named_and_typed(graph, tmp_path):
    path = tmp_path / "graph.graphml"
    write_graphml(graph, path)
    root = ET.parse(path).getroot()
    keys = {(k.get("for"), k.get("attr.name")): k for k in root.iter(f"{GRAPHML}key")}
    expected = {
        ("node", "label"): "string", ("node", "type"): "string", ("node", "mentions"): "long",
        ("node", "articles"): "long", ("node", "aliases"): "string",
        ("edge", "weight"): "double", ("edge", "sentences"): "long", ("edge", "articles"): "long",
        ("edge", "npmi"): "double", ("edge", "level"): "string", ("edge", "evidence"): "string",
    }
    assert {key: element.get("attr.type") for key, element in keys.items()} == expected
    ids = [element.get("id") for element in keys.values()]
    assert len(ids) == len(set(ids))
    assert not any(re.fullmatch(r"d\d+", key_id) for key_id in ids)
    for (kind, name), element in keys.items():
        # Named ids: the attribute name, or edge_<name> where a node key already has that id.
        assert element.get("id") in (name, f"edge_{name}")
        if kind == "node":
            assert element.get("id") == name
    assert keys[("edge", "weight")].get("id") == "weight"
    assert keys[("edge", "articles")].get("id") == "edge_articles"


def test_graphml_has_no_empty_values_and_no_invalid_characters(graph, tmp_path):
    graph.nodes["PERSON:张建勤"]["region"] = None
    graph.nodes["PLACE:长治市"]["region"] = ""
    graph.nodes["ORG:长治市委"]["region"] = "长治市"
    graph.nodes["PERSON:张建勤"]["label"] = "张建\x0c勤\x00"  # a PDF form feed, a NUL
    path = tmp_path / "graph.graphml"
    write_graphml(graph, path)
    raw = path.read_bytes()
    assert b"\x0c" not in raw
    root = ET.fromstring(raw)
    data = list(root.iter(f"{GRAPHML}data"))
    assert data and all(element.text for element in data)
    loaded = nx.read_graphml(path)
    assert loaded.nodes["ORG:长治市委"]["region"] == "长治市"
    assert "region" not in loaded.nodes["PLACE:长治市"]
    assert loaded.nodes["PERSON:张建勤"]["label"] == "张建勤"
    assert loaded.edges["ORG:长治市委", "PLACE:长治市"]["evidence"] == "长治\n市委与长治。"  # shortest; line break kept
    for _, values in loaded.nodes(data=True):
        assert all(value not in ("", None) for value in values.values())


def test_graphml_keeps_ids_and_texts_with_line_breaks_and_markup(tmp_path):
    graph = nx.Graph()
    odd_id = 'ORG:a"b&c<d>\n\te\r'
    graph.add_node(odd_id, label="x")
    graph.add_node("PLACE:长治市", label="长治市")
    graph.add_edge(odd_id, "PLACE:长治市", evidence="第一行\r\n第二行 & <b>")
    loaded = round_trip(graph, tmp_path / "odd.graphml", write_graphml, nx.read_graphml)
    assert loaded.edges[odd_id, "PLACE:长治市"]["evidence"] == "第一行\r\n第二行 & <b>"


def test_graphml_refuses_list_values_and_keeps_the_previous_file(graph, tmp_path):
    path = tmp_path / "graph.graphml"
    write_graphml(graph, path)
    before = path.read_bytes()
    graph.nodes["PLACE:长治市"]["aliases"] = ["长治", "长治市"]
    with pytest.raises(TypeError, match="aliases"):
        write_graphml(graph, path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["graph.graphml"]


def test_failed_write_leaves_no_temp_file(graph, tmp_path):
    path = tmp_path / "graph.gexf"
    graph.nodes["PLACE:长治市"]["mentions"] = {"bad": 1}
    with pytest.raises(TypeError):
        write_gexf(graph, path)
    assert list(tmp_path.iterdir()) == []


def test_gexf_loads_with_colours_per_type_and_sizes_by_mentions(graph, tmp_path):
    loaded = round_trip(graph, tmp_path / "graph.gexf", write_gexf, nx.read_gexf)
    for node, data in loaded.nodes(data=True):
        color = data["viz"]["color"]
        assert (color["r"], color["g"], color["b"]) == TYPE_COLORS[data["type"]]
        assert data["viz"]["size"] == node_size(graph.nodes[node]["mentions"])
        assert data["label"] == graph.nodes[node]["label"]
    assert loaded.nodes["ORG:长治市委"]["aliases"] == "市委|长治市委"
    assert loaded.edges["ORG:长治市委", "PLACE:长治市"]["weight"] == 2.0
    assert loaded.edges["ORG:长治市委", "PLACE:长治市"]["sentences"] == 2


def test_node_size_grows_with_mentions():
    sizes = [node_size(n) for n in (1, 2, 10, 1000)]
    assert sizes == sorted(sizes) and sizes[0] == 10.0
    assert sizes[-1] < 60


def test_every_entity_type_has_its_own_colour():
    assert set(TYPE_COLORS) == set(LABELS)
    assert len(set(TYPE_COLORS.values())) == len(LABELS)


@pytest.mark.parametrize("write", [write_graphml, write_gexf])
def test_written_files_get_the_mode_new_files_get(graph, tmp_path, write):
    old = os.umask(0o027)
    try:
        write(graph, tmp_path / "graph.out")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "graph.out").stat().st_mode) == 0o640
