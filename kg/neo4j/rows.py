"""The store's graph as plain row dicts, one kind at a time, for the Neo4j loader and CSV export.

Reads OUT/kg.sqlite through the store's read iterators, streaming, so a graph larger than
memory is written batch by batch.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from kg.errors import InputError
from kg.store import Store

# Store type -> the Neo4j label added beside :Entity. A fixed table: labels cannot be query
# parameters, so only these strings ever reach query text.
TYPE_LABELS = {
    "PERSON": "Person",
    "ORG": "Organization",
    "PLACE": "Place",
    "PROJECT": "Project",
    "DOC": "Document",
    "EVENT": "Event",
}

# kind -> (table, condition) counting that kind's rows; the order is the load order (nodes first)
KINDS = {
    "entities": ("entities", "1"),
    "articles": ("articles", "1"),
    "mentioned_in": ("entity_articles", "1"),
    "co_occurs": ("edges", "kind = 'CO_OCCURS'"),
    "located_in": ("edges", "kind = 'LOCATED_IN'"),
}
NODE_KINDS = ("entities", "articles")


def open_store(db_path: str | Path) -> Store:
    """The store at ``db_path``, read-only: loading must never change or upgrade it. A missing
    file or one without kg tables is an InputError."""
    return Store(db_path, readonly=True)


def count_rows(store: Store) -> dict[str, int]:
    return {kind: store.db.execute(f"SELECT count(*) FROM {table} WHERE {where}").fetchone()[0]
            for kind, (table, where) in KINDS.items()}


def iter_rows(store: Store, kind: str) -> Iterator[dict]:
    """``{id, props}`` for nodes (entities add ``label``), ``{source, target, props}`` for
    relationships. Props carry every key, None included, so that ``SET x += props`` also
    clears a value the store no longer has."""
    return ROW_READERS[kind](store)


def entity_rows(store: Store) -> Iterator[dict]:
    aliases = _aliases_by_entity(store)
    for entity in store.iter_entities():
        if entity["type"] not in TYPE_LABELS:
            raise InputError(str(store.path), f"entity {entity['id']!r} has unknown type {entity['type']!r}")
        names = aliases.get(entity["id"], [])
        props = {k: entity[k] for k in ("id", "name", "type", "mentions", "articles", "region",
                                        "division_code", "division_level")}
        props["aliases"] = names
        # full-text indexes read strings, not lists, on older Neo4j 5 releases
        props["alias_text"] = " ".join(names)
        yield {"id": entity["id"], "label": TYPE_LABELS[entity["type"]], "props": props}


def _aliases_by_entity(store: Store) -> dict[str, list[str]]:
    aliases: dict[str, list[str]] = {}
    for row in store.iter_aliases():
        aliases.setdefault(row["entity_id"], []).append(row["alias"])
    return aliases


def article_rows(store: Store) -> Iterator[dict]:
    for article in store.iter_articles():
        props = {k: article[k] for k in ("id", "title", "source", "date", "region", "document_id", "ordinal")}
        yield {"id": article["id"], "props": props}


def mentioned_in_rows(store: Store) -> Iterator[dict]:
    for row in store.iter_entity_articles():
        yield {"source": row["entity_id"], "target": row["article_id"], "props": {"count": row["count"]}}


def co_occurs_rows(store: Store) -> Iterator[dict]:
    """One row per pair (source < target) with its evidence sentences in rank order; both
    iterators are sorted by (source, target), so a merge join keeps memory flat."""
    evidence = store.iter_evidence()
    pending = next(evidence, None)
    for edge in store.iter_edges("CO_OCCURS"):
        key = (edge["source"], edge["target"])
        while pending is not None and (pending["source"], pending["target"]) < key:
            pending = next(evidence, None)
        texts = []
        while pending is not None and (pending["source"], pending["target"]) == key:
            texts.append(pending["text"])
            pending = next(evidence, None)
        props = {k: edge[k] for k in ("weight", "sentences", "articles", "npmi")}
        props["evidence"] = texts
        yield {"source": key[0], "target": key[1], "props": props}


def located_in_rows(store: Store) -> Iterator[dict]:
    for edge in store.iter_edges("LOCATED_IN"):
        yield {"source": edge["source"], "target": edge["target"], "props": {}}


ROW_READERS = {
    "entities": entity_rows,
    "articles": article_rows,
    "mentioned_in": mentioned_in_rows,
    "co_occurs": co_occurs_rows,
    "located_in": located_in_rows,
}
