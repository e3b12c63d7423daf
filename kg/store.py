"""The embedded store ``OUT/kg.sqlite``: the single source of truth (stdlib sqlite3).

Documents, articles, sentences, mentions and the document's linked places (``document_places``:
each gazetteer division a mention links to, and its ancestors) are written per document, keyed
by the content hash of the decoded text. Entities, aliases, edges, evidence and entity-article
counts are *derived*: :meth:`Store.recompute` rebuilds them from those rows in one pass, so
running a build twice on the same inputs never counts anything twice, and removing a document
removes what only it contributed.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

from kg import graph
from kg.errors import InputError

SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY, source TEXT, content_hash TEXT UNIQUE, text TEXT,
    title TEXT, date TEXT, region TEXT, region_confidence REAL, tagged_by TEXT);
CREATE INDEX IF NOT EXISTS documents_source ON documents (source);
CREATE TABLE IF NOT EXISTS articles (
    id INTEGER PRIMARY KEY, document_id INTEGER REFERENCES documents (id) ON DELETE CASCADE,
    ordinal INTEGER, start INTEGER, end INTEGER, title TEXT);
CREATE INDEX IF NOT EXISTS articles_document ON articles (document_id);
CREATE TABLE IF NOT EXISTS sentences (
    id INTEGER PRIMARY KEY, article_id INTEGER REFERENCES articles (id) ON DELETE CASCADE,
    start INTEGER, end INTEGER);
CREATE INDEX IF NOT EXISTS sentences_article ON sentences (article_id);
CREATE TABLE IF NOT EXISTS mentions (
    id INTEGER PRIMARY KEY, document_id INTEGER REFERENCES documents (id) ON DELETE CASCADE,
    article_id INTEGER, sentence_id INTEGER, start INTEGER, end INTEGER, text TEXT,
    label TEXT, canonical TEXT, entity_id TEXT, region TEXT);
CREATE INDEX IF NOT EXISTS mentions_document ON mentions (document_id);
-- Gazetteer divisions of a document's linked places and their ancestors, as PLACE entities;
-- code is the 6-digit division code (NULL below county), parent_id the parent's entity id.
CREATE TABLE IF NOT EXISTS document_places (
    document_id INTEGER REFERENCES documents (id) ON DELETE CASCADE, entity_id TEXT,
    name TEXT, code TEXT, level TEXT, parent_id TEXT, PRIMARY KEY (document_id, entity_id));
CREATE TABLE IF NOT EXISTS entities (
    id TEXT PRIMARY KEY, name TEXT, type TEXT, mentions INTEGER, articles INTEGER,
    region TEXT, division_code TEXT, division_level TEXT);
CREATE INDEX IF NOT EXISTS entities_name ON entities (name);
CREATE INDEX IF NOT EXISTS entities_mentions ON entities (mentions DESC);
CREATE TABLE IF NOT EXISTS aliases (
    entity_id TEXT, alias TEXT, count INTEGER, PRIMARY KEY (entity_id, alias));
CREATE INDEX IF NOT EXISTS aliases_alias ON aliases (alias);
CREATE TABLE IF NOT EXISTS edges (
    source TEXT, target TEXT, kind TEXT, sentences INTEGER, articles INTEGER,
    weight REAL, npmi REAL, PRIMARY KEY (source, target, kind));
-- neighbours of an entity, strongest first, without sorting a hub's whole edge list
CREATE INDEX IF NOT EXISTS edges_source_weight ON edges (source, weight DESC);
CREATE INDEX IF NOT EXISTS edges_target_weight ON edges (target, weight DESC);
CREATE TABLE IF NOT EXISTS evidence (
    source TEXT, target TEXT, rank INTEGER, document_id INTEGER, start INTEGER, end INTEGER,
    text TEXT);
CREATE INDEX IF NOT EXISTS evidence_edge ON evidence (source, target);
CREATE TABLE IF NOT EXISTS entity_articles (
    entity_id TEXT, article_id INTEGER, count INTEGER, PRIMARY KEY (entity_id, article_id));
CREATE INDEX IF NOT EXISTS entity_articles_article ON entity_articles (article_id);
CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT);
"""

# Substring search over entity names and aliases; rowid = entities.rowid. Contentless: the
# text lives in `entities`/`aliases` already, the index only needs to answer MATCH.
SEARCH_SCHEMA = ("CREATE VIRTUAL TABLE IF NOT EXISTS entity_search "
                 "USING fts5(text, content='', tokenize='trigram')")

DERIVED_TABLES = ("entities", "aliases", "edges", "evidence", "entity_articles")
# PRAGMA user_version of the schema above; a store written by an older kg is re-analysed
# from its inputs, because the rows recompute needs (mention regions, places) are missing.
SCHEMA_VERSION = 1


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def has_trigram_search() -> bool:
    """Whether this sqlite3 has FTS5 with the trigram tokenizer (SQLite >= 3.34)."""
    try:
        sqlite3.connect(":memory:").execute(
            "CREATE VIRTUAL TABLE t USING fts5(x, tokenize='trigram')")
    except sqlite3.OperationalError:
        return False
    return True


@dataclass(frozen=True)
class ArticleRecord:
    """One article of a document to store, with its sentences as (start, end) pairs."""

    start: int
    end: int
    title: str | None
    sentences: list[tuple[int, int]]


@dataclass(frozen=True)
class MentionRecord:
    """One resolved mention to store. Indexes point into the document's article list and
    that article's sentence list; None for page furniture outside every article/sentence."""

    start: int
    end: int
    text: str
    label: str
    canonical: str | None
    entity_id: str
    article_index: int | None
    sentence_index: int | None
    region: str | None = None  # the region the name was resolved in


@dataclass(frozen=True)
class PlaceRecord:
    """A gazetteer division a document's places link to (or an ancestor of one)."""

    entity_id: str
    name: str
    code: str | None
    level: str
    parent_id: str | None


@dataclass(frozen=True)
class DocumentRecord:
    source: str
    text: str
    title: str | None = None
    date: str | None = None
    region: str | None = None
    region_confidence: float | None = None
    articles: tuple[ArticleRecord, ...] = ()
    mentions: tuple[MentionRecord, ...] = ()
    places: tuple[PlaceRecord, ...] = ()


def _open_readonly(path: Path) -> sqlite3.Connection:
    if not path.is_file():
        raise InputError(str(path), "no such store (run `kg build` first)")
    db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    db.row_factory = sqlite3.Row
    try:
        missing = [t for t in ("documents", "entities", "edges") if not _has_table(db, t)]
    except sqlite3.DatabaseError as error:
        db.close()
        raise InputError(str(path), f"not a kg store ({error})") from None
    if missing:
        db.close()
        raise InputError(str(path), f"not a kg store (no {', '.join(missing)} table)")
    return db


def _has_table(db: sqlite3.Connection, name: str) -> bool:
    return db.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (name,)).fetchone() is not None


def _has_column(db: sqlite3.Connection, table: str, column: str) -> bool:
    return any(row[1] == column for row in db.execute(f"PRAGMA table_info({table})"))


class SentenceTexts(Mapping):
    """``sentence_id -> graph.SentenceRow``, fetched on demand: co-occurrence needs the text
    of only the sentences that hold two entities, so the rest never leave the database."""

    def __init__(self, db: sqlite3.Connection):
        self.db = db

    def __getitem__(self, sentence_id: int) -> graph.SentenceRow:
        row = self.db.execute(
            "SELECT s.id, s.article_id, a.document_id, d.source, s.start, s.end,"
            " substr(d.text, s.start + 1, s.end - s.start) FROM sentences s"
            " JOIN articles a ON a.id = s.article_id JOIN documents d ON d.id = a.document_id"
            " WHERE s.id = ?", (sentence_id,)).fetchone()
        if row is None:
            raise KeyError(sentence_id)
        return graph.SentenceRow(*row)

    def __iter__(self) -> Iterator[int]:
        return (sentence_id for (sentence_id,) in self.db.execute("SELECT id FROM sentences"))

    def __len__(self) -> int:
        return self.db.execute("SELECT count(*) FROM sentences").fetchone()[0]


class Store:
    """An open ``kg.sqlite``. Use as a context manager, or call :meth:`close`."""

    def __init__(self, path: str | Path, *, readonly: bool = False):
        self.path = Path(path)
        if readonly:
            self.db = _open_readonly(self.path)
            self.search = _has_table(self.db, "entity_search")
            self.records_models = _has_column(self.db, "documents", "tagged_by")
            return
        self.db = sqlite3.connect(self.path)
        self.db.row_factory = sqlite3.Row
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA foreign_keys=ON")
        if self.outdated():
            self._drop_tables()
        self.db.executescript(SCHEMA)
        if not _has_column(self.db, "documents", "tagged_by"):  # a store from before the column
            self.db.execute("ALTER TABLE documents ADD COLUMN tagged_by TEXT")
        self.records_models = True  # documents.tagged_by: the model that tagged each
        self.db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        self.search = has_trigram_search()
        if self.search:
            self.db.execute(SEARCH_SCHEMA)
        self.db.commit()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    def outdated(self) -> bool:
        """Whether an older kg wrote this store (its documents must be analysed again)."""
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        return version < SCHEMA_VERSION and _has_table(self.db, "documents")

    def _drop_tables(self) -> None:
        names = [name for (name,) in self.db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            " ORDER BY name = 'entity_search' DESC")]  # the FTS table drops its shadow tables
        with self.db:
            for name in names:
                self.db.execute(f'DROP TABLE IF EXISTS "{name}"')

    def finish(self) -> None:
        """Leave a single self-contained file: readers then open it read-only without
        WAL side files appearing next to it."""
        self.db.execute("PRAGMA journal_mode=DELETE")

    # -- writing -------------------------------------------------------------------------

    def status_of(self, source: str, text: str, tagged_by: str | None = None) -> str:
        """'unchanged' (this text is stored, tagged by the model ``tagged_by`` names, or by any
        model when it is None), 'changed' (source stored with another text, or this text
        tagged by another model) or 'new'."""
        if self._is_stored(content_hash(text), tagged_by):
            return "unchanged"
        if self.db.execute("SELECT 1 FROM documents WHERE source = ? OR content_hash = ?",
                           (source, content_hash(text))).fetchone():
            return "changed"
        return "new"

    def _is_stored(self, digest: str, tagged_by: str | None) -> bool:
        if tagged_by is None:
            return bool(self.db.execute("SELECT 1 FROM documents WHERE content_hash = ?", (digest,)).fetchone())
        if not self.records_models:
            return False  # a store from before models were recorded: which one tagged it is unknown
        return bool(self.db.execute("SELECT 1 FROM documents WHERE content_hash = ? AND tagged_by IS ?",
                                    (digest, tagged_by)).fetchone())

    def put_document(self, doc: DocumentRecord, tagged_by: str | None = None) -> int | None:
        """Store one analysed document; returns its id, or None when its text is stored
        already (tagged by ``tagged_by``, see status_of). A document with the same source and
        another text, or the same text tagged by another model, is replaced."""
        digest = content_hash(doc.text)
        if self._is_stored(digest, tagged_by):
            return None
        with self.db:
            # Cascades remove the old version's articles, sentences and mentions.
            self.db.execute("DELETE FROM documents WHERE source = ? OR content_hash = ?", (doc.source, digest))
            document_id = self.db.execute(
                "INSERT INTO documents (source, content_hash, text, title, date, region,"
                " region_confidence, tagged_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (doc.source, digest, doc.text, doc.title, doc.date, doc.region,
                 doc.region_confidence, tagged_by)).lastrowid
            article_ids, sentence_ids = self._put_articles(document_id, doc.articles)
            self.db.executemany(
                "INSERT INTO mentions (document_id, article_id, sentence_id, start, end, text,"
                " label, canonical, entity_id, region) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(document_id,
                  None if m.article_index is None else article_ids[m.article_index],
                  sentence_ids.get((m.article_index, m.sentence_index)),
                  m.start, m.end, m.text, m.label, m.canonical, m.entity_id, m.region)
                 for m in doc.mentions])
            self.db.executemany(
                "INSERT INTO document_places (document_id, entity_id, name, code, level,"
                " parent_id) VALUES (?, ?, ?, ?, ?, ?)",
                [(document_id, p.entity_id, p.name, p.code, p.level, p.parent_id)
                 for p in doc.places])
        return document_id

    def _put_articles(self, document_id, articles):
        article_ids, sentence_ids = [], {}
        for ordinal, article in enumerate(articles):
            article_id = self.db.execute(
                "INSERT INTO articles (document_id, ordinal, start, end, title)"
                " VALUES (?, ?, ?, ?, ?)",
                (document_id, ordinal, article.start, article.end, article.title)).lastrowid
            article_ids.append(article_id)
            for index, (start, end) in enumerate(article.sentences):
                sentence_ids[(ordinal, index)] = self.db.execute(
                    "INSERT INTO sentences (article_id, start, end) VALUES (?, ?, ?)",
                    (article_id, start, end)).lastrowid
        return article_ids, sentence_ids

    def remove_sources(self, sources: Iterable[str]) -> int:
        """Delete the documents stored under these sources; returns how many went."""
        with self.db:
            return sum(self.db.execute("DELETE FROM documents WHERE source = ?",
                                       (s,)).rowcount for s in sources)

    def recompute(self, *, min_sentences: int = 1, min_weight: float = 0.0) -> None:
        """Rebuild every derived table from the mention rows, in one transaction.

        Only mentions inside an article count (page furniture such as mastheads links
        nothing); edges below ``min_sentences`` shared sentences or ``min_weight`` are pruned.
        """
        rows = self._mention_rows()
        entities = graph.group_entities(rows)
        edges = graph.prune(
            graph.cooccurrence([r for r in rows if r.sentence_id is not None],
                               SentenceTexts(self.db), article_level=min_sentences < 1),
            min_sentences=min_sentences, min_weight=min_weight)
        with self.db:
            for table in DERIVED_TABLES:
                self.db.execute(f"DELETE FROM {table}")
            self.db.executemany("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
                                [("min_sentences", repr(min_sentences)),
                                 ("min_weight", repr(float(min_weight)))])
            self._write_entities(self._with_places(entities))
            self._write_edges(edges.values())
            self._write_located_in()
            self.rebuild_search()

    def derived_with(self) -> dict:
        """The pruning settings of the last recompute ({} before the first)."""
        values = dict(self.db.execute("SELECT key, value FROM settings"))
        if "min_sentences" not in values:
            return {}
        return {"min_sentences": int(values["min_sentences"]),
                "min_weight": float(values["min_weight"])}

    def _mention_rows(self) -> list[graph.MentionRow]:
        # The name is the canonical one, not the id's tail: PERSON:王晓明@长治市 is 王晓明.
        rows = self.db.execute(
            "SELECT entity_id, substr(entity_id, 1, instr(entity_id, ':') - 1),"
            " coalesce(canonical, substr(entity_id, instr(entity_id, ':') + 1)), text,"
            " document_id, article_id, sentence_id, start, end FROM mentions"
            " WHERE article_id IS NOT NULL ORDER BY id")
        return [graph.MentionRow(*row) for row in rows]

    def _entity_regions(self) -> dict[str, str]:
        """Each entity's region: the one most of its mentions were resolved in (none for a
        place abroad: resolution gives its mentions no region)."""
        regions = {}
        for entity_id, region, _ in self.db.execute(
                "SELECT entity_id, region, count(*) AS n FROM mentions WHERE region IS NOT NULL"
                " GROUP BY entity_id, region ORDER BY entity_id, n, region DESC"):
            regions[entity_id] = region  # the last row per entity has the highest count
        return regions

    def _with_places(self, entities: dict[str, graph.Entity]) -> list[graph.Entity]:
        """Entities with their regions; linked places with division code and level, and the
        region they lie in as theirs. Ancestors no document names (长治市 above a mentioned
        襄垣县) join as places with no mentions, so the hierarchy stays connected."""
        regions = self._entity_regions()
        for entity in entities.values():
            entity.region = regions.get(entity.id)
        for entity_id, name, code, level, parent in self.db.execute(
                "SELECT p.entity_id, min(p.name), min(p.code), min(p.level), min(up.name)"
                " FROM document_places p LEFT JOIN document_places up"
                " ON up.document_id = p.document_id AND up.entity_id = p.parent_id"
                " GROUP BY p.entity_id"):
            entity = entities.get(entity_id) or graph.Entity(entity_id, name, "PLACE")
            entity.division_code, entity.division_level, entity.region = code, level, parent
            entities[entity_id] = entity
        return sorted(entities.values(), key=lambda e: e.id)

    def _write_entities(self, entities: list[graph.Entity]) -> None:
        self.db.executemany(
            "INSERT INTO entities (id, name, type, mentions, articles, region, division_code,"
            " division_level) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(e.id, e.name, e.type, e.mentions, e.articles, e.region, e.division_code,
              e.division_level) for e in entities])
        self.db.executemany(
            "INSERT INTO aliases (entity_id, alias, count) VALUES (?, ?, ?)",
            [(e.id, alias, count) for e in entities for alias, count in sorted(e.aliases.items())])
        self.db.execute(
            "INSERT INTO entity_articles (entity_id, article_id, count)"
            " SELECT entity_id, article_id, count(*) FROM mentions"
            " WHERE article_id IS NOT NULL GROUP BY entity_id, article_id")

    def _write_edges(self, edges: Iterable[graph.Edge]) -> None:
        edges = list(edges)
        self.db.executemany(
            "INSERT INTO edges (source, target, kind, sentences, articles, weight, npmi)"
            " VALUES (?, ?, 'CO_OCCURS', ?, ?, ?, ?)",
            [(e.source, e.target, e.sentences, e.articles, e.weight, e.npmi) for e in edges])
        self.db.executemany(
            "INSERT INTO evidence (source, target, rank, document_id, start, end, text)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(e.source, e.target, rank, v.document_id, v.start, v.end, v.text)
             for e in edges for rank, v in enumerate(e.evidence)])

    def _write_located_in(self) -> None:
        """One LOCATED_IN edge (child -> parent) per distinct pair any document links."""
        self.db.execute(
            "INSERT INTO edges (source, target, kind)"
            " SELECT DISTINCT entity_id, parent_id, 'LOCATED_IN' FROM document_places"
            " WHERE parent_id IS NOT NULL")

    def rebuild_search(self) -> None:
        """Re-index entity names and aliases for substring lookup."""
        if not self.search:
            return
        self.db.execute("INSERT INTO entity_search (entity_search) VALUES ('delete-all')")
        self.db.execute(
            "INSERT INTO entity_search (rowid, text) SELECT e.rowid,"
            " e.name || coalesce('|' || (SELECT group_concat(alias, '|') FROM aliases a"
            " WHERE a.entity_id = e.id AND a.alias <> e.name), '') FROM entities e")

    # -- reading -------------------------------------------------------------------------

    def _rows(self, sql: str, params=()) -> Iterator[dict]:
        for row in self.db.execute(sql, params):
            yield dict(row)

    def iter_documents(self) -> Iterator[dict]:
        """Documents without their text: id, source, content_hash, title, date, region."""
        return self._rows("SELECT id, source, content_hash, title, date, region,"
                          " region_confidence FROM documents ORDER BY id")

    def iter_entities(self) -> Iterator[dict]:
        return self._rows("SELECT * FROM entities ORDER BY id")

    def iter_aliases(self) -> Iterator[dict]:
        return self._rows("SELECT * FROM aliases ORDER BY entity_id, count DESC, alias")

    def iter_edges(self, kind: str | None = None) -> Iterator[dict]:
        if kind is None:
            return self._rows("SELECT * FROM edges ORDER BY source, target, kind")
        return self._rows("SELECT * FROM edges WHERE kind = ? ORDER BY source, target",
                          (kind,))

    def iter_evidence(self) -> Iterator[dict]:
        """Evidence rows, with ``document_source`` (the file) beside the edge's ids."""
        return self._rows(
            "SELECT v.*, d.source AS document_source FROM evidence v"
            " JOIN documents d ON d.id = v.document_id ORDER BY v.source, v.target, v.rank")

    def iter_articles(self) -> Iterator[dict]:
        """Articles with their document's source, date and region."""
        return self._rows(
            "SELECT a.id, a.document_id, a.ordinal, a.start, a.end, a.title, d.source,"
            " d.date, d.region FROM articles a JOIN documents d ON d.id = a.document_id"
            " ORDER BY a.id")

    def iter_entity_articles(self) -> Iterator[dict]:
        return self._rows("SELECT entity_id, article_id, count FROM entity_articles"
                          " ORDER BY entity_id, article_id")

    def to_networkx(self) -> nx.Graph:
        """The co-occurrence graph as ``kg.graph.to_networkx`` builds it (Gephi-ready
        attributes; linked places carry ``division_code`` and ``division_level``, and their
        ``region`` is the division they lie in). LOCATED_IN edges and the places only they
        connect (never mentioned) stay out: drawn as links, the hierarchy would read as
        co-occurrence and pull every county to its city in a layout."""
        entities = {row["id"]: graph.Entity(row["id"], row["name"], row["type"], row["mentions"],
                                            row["articles"], region=row["region"],
                                            division_code=row["division_code"],
                                            division_level=row["division_level"])
                    for row in self.iter_entities() if row["mentions"]}
        for row in self.iter_aliases():
            entities[row["entity_id"]].aliases[row["alias"]] = row["count"]
        evidence = defaultdict(list)
        for row in self.iter_evidence():
            evidence[(row["source"], row["target"])].append(graph.Evidence(
                row["document_source"], row["document_id"], row["start"], row["end"], row["text"]))
        edges = {(row["source"], row["target"]): graph.Edge(
                     row["source"], row["target"], row["sentences"], row["articles"],
                     row["weight"], row["npmi"], "sentence" if row["sentences"] else "article",
                     tuple(evidence[(row["source"], row["target"])]))
                 for row in self.iter_edges("CO_OCCURS")}
        return graph.to_networkx(entities, edges)

    def stats(self, top: int = 10) -> dict:
        count = lambda sql: self.db.execute(sql).fetchone()[0]  # noqa: E731
        return {
            "documents": count("SELECT count(*) FROM documents"),
            "articles": count("SELECT count(*) FROM articles"),
            "sentences": count("SELECT count(*) FROM sentences"),
            "mentions": count("SELECT count(*) FROM mentions"),
            "entities": count("SELECT count(*) FROM entities"),
            "entities_by_type": dict(self.db.execute(
                "SELECT type, count(*) FROM entities GROUP BY type ORDER BY count(*) DESC")),
            "edges_by_kind": dict(self.db.execute(
                "SELECT kind, count(*) FROM edges GROUP BY kind ORDER BY kind")),
            "top_entities": list(self._rows(
                "SELECT id, name, type, mentions, articles FROM entities"
                " ORDER BY mentions DESC, id LIMIT ?", (top,))),
            "top_edges": list(self._rows(
                "SELECT x.source, x.target, a.name AS source_name, b.name AS target_name,"
                " x.kind, x.sentences, x.articles, x.weight FROM edges x"
                " JOIN entities a ON a.id = x.source JOIN entities b ON b.id = x.target"
                " WHERE x.kind = 'CO_OCCURS' ORDER BY x.weight DESC, x.source, x.target LIMIT ?",
                (top,))),
        }
