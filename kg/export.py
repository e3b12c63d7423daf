"""Graph files for Gephi: GraphML and GEXF, written to a temp file beside the target and renamed.

Both take the ``nx.Graph`` from ``kg.graph.to_networkx`` (node attributes ``label``, ``type``,
``mentions``, ``articles``, ``aliases``; edge attributes ``weight``, ``sentences``,
``articles``, ``npmi``, ``level``, ``evidence``), or any graph whose attribute values are
str, int, float or bool.

GraphML is written by hand rather than with ``nx.write_graphml`` because networkx names its keys
``d0``, ``d1``, ... and Gephi's importer treats a node key with id ``d3`` (yEd's convention) as
the node label, so the label column would show, say, mention counts. Here each key's id is its
attribute name (``<key id="mentions" for="node" attr.name="mentions" attr.type="long"/>``);
key ids must be unique in a GraphML file, so an edge attribute whose name a node attribute
already uses gets the id ``edge_<name>`` (its ``attr.name``, which Gephi shows, stays the name).
Empty strings and None are left out (no ``<data>`` element), lists are refused, and characters
XML 1.0 forbids (form feeds from PDF extraction, other control characters) are dropped.

GEXF adds what Gephi shows at once: a colour per entity type (``TYPE_COLORS``) and a node size
that grows with the log of the mention count.
"""

from __future__ import annotations

import math
import os
import re
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import networkx as nx

# The colours of the Neo4j Browser style (cypher/style.grass), so a type looks the same in both tools.
TYPE_COLORS = {
    "PERSON": (0xF7, 0x97, 0x67),
    "ORG": (0x4C, 0x8E, 0xDA),
    "PLACE": (0x57, 0xC7, 0xE3),
    "PROJECT": (0x8D, 0xCC, 0x93),
    "DOC": (0xFF, 0xC4, 0x54),
    "EVENT": (0xDA, 0x71, 0x94),
}
OTHER_COLOR = (0xA5, 0xAB, 0xB6)

_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_KEY_NAME = re.compile(r"[A-Za-z_][\w.-]*\Z")
_GRAPHML_TYPES = {bool: "boolean", int: "long", float: "double", str: "string"}


def write_graphml(graph: nx.Graph, path: str | os.PathLike) -> None:
    """Write ``graph`` as UTF-8 GraphML that Gephi and ``nx.read_graphml`` open as is."""
    node_keys = _key_types(data for _, data in graph.nodes(data=True))
    edge_keys = _key_types(data for _, _, data in graph.edges(data=True))
    node_ids = {name: name for name in node_keys}
    edge_ids = {name: f"edge_{name}" if name in node_ids else name for name in edge_keys}
    direction = "directed" if graph.is_directed() else "undirected"
    with _replacing(path) as temp:
        with open(temp, "w", encoding="utf-8", newline="\n") as out:
            out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
            out.write(
                '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
                'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
                'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
                'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n'
            )
            for kind, types, ids in (("node", node_keys, node_ids), ("edge", edge_keys, edge_ids)):
                for name, xml_type in types.items():
                    out.write(
                        f'  <key id="{ids[name]}" for="{kind}" '
                        f'attr.name="{name}" attr.type="{xml_type}"/>\n'
                    )
            out.write(f'  <graph id="kg" edgedefault="{direction}">\n')
            for node, data in graph.nodes(data=True):
                out.write(f'    <node id="{_attribute(node)}">')
                out.write("".join(_data_elements(data, node_ids)))
                out.write("</node>\n")
            for a, b, data in graph.edges(data=True):
                out.write(f'    <edge source="{_attribute(a)}" target="{_attribute(b)}">')
                out.write("".join(_data_elements(data, edge_ids)))
                out.write("</edge>\n")
            out.write("  </graph>\n</graphml>\n")


def write_gexf(graph: nx.Graph, path: str | os.PathLike) -> None:
    """Write ``graph`` as GEXF 1.2 with ``viz:color`` per node type and ``viz:size`` by mentions."""
    _key_types(data for _, data in graph.nodes(data=True))  # same type checks as GraphML
    _key_types(data for _, _, data in graph.edges(data=True))
    styled = graph.__class__()
    for node, data in graph.nodes(data=True):
        attributes = _clean_attributes(data)
        red, green, blue = TYPE_COLORS.get(data.get("type"), OTHER_COLOR)
        attributes["viz"] = {
            "color": {"r": red, "g": green, "b": blue, "a": 1.0},
            "size": node_size(data.get("mentions", 0)),
        }
        styled.add_node(_xml_text(node), **attributes)
    for a, b, data in graph.edges(data=True):
        styled.add_edge(_xml_text(a), _xml_text(b), **_clean_attributes(data))
    with _replacing(path) as temp:
        nx.write_gexf(styled, temp, encoding="utf-8", prettyprint=False)


def node_size(mentions: int) -> float:
    """10 for one mention, +5 per doubling: hubs stand out without hiding everyone else."""
    return round(5.0 + 5.0 * math.log2(1 + max(mentions, 0)), 2)


def temp_file_beside(target: Path, prefix: str, suffix: str = "") -> Path:
    """A new empty file in ``target``'s folder, with the mode any new file gets there
    (``mkstemp`` makes it 0600, which would follow the file when it is renamed into place)."""
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=prefix, suffix=suffix)
    os.close(fd)
    mask = os.umask(0)
    os.umask(mask)
    os.chmod(name, 0o666 & ~mask)
    return Path(name)


@contextmanager
def _replacing(path: str | os.PathLike) -> Iterator[str]:
    """A temp path beside ``path``; renamed over ``path`` on success, removed on failure."""
    target = Path(path)
    temp = str(temp_file_beside(target, f".{target.name}.", ".tmp"))
    try:
        yield temp
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _key_types(records: Iterable[dict]) -> dict[str, str]:
    """GraphML ``attr.type`` per attribute name, in first-seen order; ints mixed with floats are double."""
    seen: dict[str, set[type]] = {}
    for data in records:
        for name, value in data.items():
            if _is_empty(value):
                continue
            if type(value) not in _GRAPHML_TYPES:
                raise TypeError(f"attribute {name!r}: {type(value).__name__} values cannot be written, only str, int, float, bool")
            if not _KEY_NAME.match(name):
                raise ValueError(f"attribute name {name!r} is not usable as a GraphML key id")
            seen.setdefault(name, set()).add(type(value))
    types = {}
    for name, kinds in seen.items():
        if kinds == {int, float}:
            kinds = {float}
        if len(kinds) > 1:
            raise TypeError(f"attribute {name!r} mixes types: {sorted(k.__name__ for k in kinds)}")
        types[name] = _GRAPHML_TYPES[kinds.pop()]
    return types


def _data_elements(data: dict, ids: dict[str, str]) -> Iterator[str]:
    for name, value in data.items():
        text = "" if value is None else _format(value)
        if text:
            yield f'<data key="{ids[name]}">{text}</data>'


def _format(value: str | int | float | bool) -> str:
    """The value as escaped GraphML text; "" for a string that holds nothing XML can keep."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return _escape(value)
    return repr(value)


def _escape(value: object) -> str:
    """Text safe in XML content (str.replace is the fastest escape); \\r as a reference,
    which parsers would otherwise fold into \\n."""
    text = _xml_text(value)
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("\r", "&#13;"))


def _attribute(value: object) -> str:
    """Text safe in a double-quoted attribute, where parsers turn raw tabs and newlines into spaces."""
    return _escape(value).replace("\n", "&#10;").replace("\t", "&#9;")


def _clean_attributes(data: dict) -> dict:
    """Attributes without empty values, strings stripped of characters XML cannot hold."""
    return {
        name: _xml_text(value) if isinstance(value, str) else value
        for name, value in data.items()
        if not _is_empty(value)
    }


def _is_empty(value: object) -> bool:
    return value is None or value == ""


def _xml_text(value: object) -> str:
    return _XML_INVALID.sub("", str(value))
