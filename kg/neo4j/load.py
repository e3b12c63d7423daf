"""Load the store's graph into a Neo4j (or Bolt-compatible) server with the official driver.

Every write is ``UNWIND $rows ... MERGE`` on the id followed by ``SET`` of values, never an
increment, one batch per transaction in a single session: a re-load changes nothing, and a
load killed half-way then run again ends identical to one clean load. Writes are sequential
on purpose: parallel relationship writes deadlock on hub nodes.
"""

from __future__ import annotations

import json
import time
from contextlib import contextmanager
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from urllib.parse import quote, urlencode, urlsplit

import neo4j
from neo4j import exceptions as neo4j_errors

from kg.errors import KgError
from kg.neo4j.rows import NODE_KINDS, count_rows, iter_rows, open_store

DEFAULT_BATCH_SIZE = 5000  # fastest of 500, 2000, 5000 in bench/bench_neo4j.py
URI_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")
CYPHER_DIR = Path(__file__).resolve().parents[2] / "cypher"

_REL = "UNWIND $rows AS r MATCH (a:{a} {{id: r.source}}) MATCH (b:{b} {{id: r.target}}) " \
       "MERGE (a)-[e:{type}]->(b) SET e += r.props"
# kind -> the write for one batch of that kind's rows
WRITES = {
    "articles": "UNWIND $rows AS r MERGE (n:Article {id: r.id}) SET n += r.props",
    "mentioned_in": _REL.format(a="Entity", b="Article", type="MENTIONED_IN"),
    "co_occurs": _REL.format(a="Entity", b="Entity", type="CO_OCCURS"),
    "located_in": _REL.format(a="Entity", b="Entity", type="LOCATED_IN"),
}
# Entities are created with their type label (an id's type never changes). Adding the label
# afterwards (SET n:Person) breaks ArcadeDB's id constraint, which moves the record.
ENTITY_WRITE = "UNWIND $rows AS r MERGE (n:Entity:{label} {{id: r.id}}) SET n += r.props"
WIPE = "MATCH (n) WHERE n:Entity OR n:Article WITH n LIMIT $limit DETACH DELETE n RETURN count(*) AS deleted"


class ServerError(KgError):
    """The graph server cannot be used: unreachable, wrong credentials, no such database."""


@dataclass
class LoadSummary:
    """Rows written per kind (nodes: entities, articles; relationships: the rest), and how
    many nodes and relationships the server reports as newly created (0 on a re-load)."""

    written: dict[str, int] = field(default_factory=dict)
    nodes_created: int = 0
    relationships_created: int = 0
    deleted: int = 0
    seconds: float = 0.0

    @property
    def nodes(self) -> int:
        return sum(n for kind, n in self.written.items() if kind in NODE_KINDS)

    @property
    def relationships(self) -> int:
        return sum(n for kind, n in self.written.items() if kind not in NODE_KINDS)


Progress = Callable[[int, int], None]  # (rows written so far, rows in total)


def load_neo4j(
    db_path: str | Path,
    uri: str,
    user: str,
    password: str,
    database: str | None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    wipe: bool = False,
    progress: Progress | None = None,
) -> LoadSummary:
    """Write the store at ``db_path`` into ``database`` on the server at ``uri``."""
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    started = time.perf_counter()
    with open_store(db_path) as store, connect(uri, user, password, database) as driver, \
            _clear_errors(uri, user, database), driver.session(database=database) as session:
        apply_schema(session)
        summary = LoadSummary(deleted=wipe_graph(session, batch_size) if wipe else 0)
        _write_graph(session, store, batch_size, summary, progress)
    summary.seconds = time.perf_counter() - started
    return summary


def _write_graph(session: neo4j.Session, store, batch_size: int, summary: LoadSummary,
                 progress: Progress | None) -> None:
    totals = count_rows(store)
    done = 0
    for kind in totals:
        summary.written[kind] = 0
        for counters in _write_kind(session, kind, iter_rows(store, kind), batch_size):
            summary.written[kind] += counters["rows"]
            summary.nodes_created += counters["nodes_created"]
            summary.relationships_created += counters["relationships_created"]
            done += counters["rows"]
            if progress:
                progress(done, sum(totals.values()))


def connect(uri: str, user: str, password: str, database: str | None) -> neo4j.Driver:
    """A driver whose server, credentials and database are checked, or one clear ServerError."""
    scheme = urlsplit(uri).scheme
    if scheme not in URI_SCHEMES:
        raise ServerError(f"{uri}: unsupported URI scheme {scheme!r} (use one of {', '.join(URI_SCHEMES)})")
    driver = neo4j.GraphDatabase.driver(uri, auth=(user, password), connection_timeout=10)
    try:
        with _clear_errors(uri, user, database):
            # plain session calls: execute_query would retry an unreachable server for 30 s
            driver.verify_connectivity()
            with driver.session(database=database) as session:
                session.run("RETURN 1").consume()
    except ServerError:
        driver.close()
        raise
    return driver


@contextmanager
def _clear_errors(uri: str, user: str, database: str | None) -> Iterator[None]:
    """Driver and server errors as one-line ServerErrors (no traceback for the CLI)."""
    try:
        yield
    except neo4j_errors.Neo4jError as error:
        raise _server_error(error, uri, user, database) from None
    except neo4j_errors.DriverError as error:
        raise _driver_error(error, uri) from None


def _server_error(error: neo4j_errors.Neo4jError, uri: str, user: str, database: str | None) -> ServerError:
    if isinstance(error, neo4j_errors.AuthError):
        return ServerError(f"{uri}: authentication failed for user {user!r} (check NEO4J_PASSWORD)")
    if error.code == "Neo.ClientError.Database.DatabaseNotFound":
        return ServerError(f"{uri}: database {database!r} does not exist")
    return ServerError(f"{uri}: {error.code}: {error.message}")


def _driver_error(error: neo4j_errors.DriverError, uri: str) -> ServerError:
    if isinstance(error, neo4j_errors.ServiceUnavailable):
        return ServerError(f"{uri}: cannot reach the server ({_first_line(error)})")
    return ServerError(f"{uri}: {type(error).__name__}: {_first_line(error)}")


def _first_line(error: Exception) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0]


def server_dialect(session: neo4j.Session) -> str:
    """'arcadedb' or 'neo4j': the one switch for statements that differ per server."""
    agent = session.run("RETURN 1").consume().server.agent or ""
    return "arcadedb" if "ArcadeDB" in agent else "neo4j"


# dialect -> schema files applied in order; ArcadeDB has no full-text index DDL
SCHEMA_FILES = {
    "neo4j": ("schema.cypher", "schema-neo4j.cypher"),
    "arcadedb": ("schema.cypher",),
}


def schema_statements(dialect: str) -> list[str]:
    return [s for name in SCHEMA_FILES[dialect] for s in cypher_statements(CYPHER_DIR / name)]


def cypher_statements(path: Path) -> list[str]:
    """The statements of a .cypher file: `//` comment lines dropped, split on `;`."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.lstrip().startswith("//")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


def apply_schema(session: neo4j.Session) -> None:
    for statement in schema_statements(server_dialect(session)):
        session.run(statement).consume()


def wipe_graph(session: neo4j.Session, batch_size: int) -> int:
    """Delete the kg's nodes (:Entity, :Article) and their relationships, a batch per transaction."""
    deleted = 0
    while True:
        n = session.execute_write(lambda tx: tx.run(WIPE, limit=batch_size).single()["deleted"])
        deleted += n
        if n == 0:
            return deleted


def _write_kind(session: neo4j.Session, kind: str, rows: Iterable[dict], batch_size: int) -> Iterator[dict]:
    for batch in _batches(rows, batch_size):
        if kind == "entities":
            yield from _write_entities(session, batch)
        else:
            yield _write_batch(session, WRITES[kind], batch)


def _write_entities(session: neo4j.Session, batch: list[dict]) -> Iterator[dict]:
    by_label: dict[str, list[dict]] = {}
    for row in batch:
        by_label.setdefault(row["label"], []).append(row)
    for label, rows in by_label.items():  # labels come from TYPE_LABELS only
        yield _write_batch(session, ENTITY_WRITE.format(label=label), rows)


def _write_batch(session: neo4j.Session, query: str, rows: list[dict]) -> dict:
    params = [{k: v for k, v in row.items() if k != "label"} for row in rows]

    def work(tx: neo4j.ManagedTransaction):
        return tx.run(query, rows=params).consume().counters

    counters = session.execute_write(work)
    return {"rows": len(rows), "nodes_created": counters.nodes_created,
            "relationships_created": counters.relationships_created}


def _batches(rows: Iterable[dict], size: int) -> Iterator[list[dict]]:
    iterator = iter(rows)
    while batch := list(islice(iterator, size)):
        yield batch


def entity_query(entity_id: str) -> str:
    """A Browser query showing an entity and its strongest links. The Browser takes one
    command in a link, so the id is a literal: JSON string syntax, which Cypher reads the
    same way (quotes and backslashes escaped)."""
    return (f"MATCH (n:Entity {{id: {json.dumps(entity_id, ensure_ascii=False)}}}) "
            "OPTIONAL MATCH (n)-[r:CO_OCCURS]-(m) "
            "WITH n, r, m ORDER BY r.weight DESC LIMIT 25 RETURN n, r, m")


def browser_url(uri: str, database: str | None = None, query: str | None = None) -> str:
    """The Neo4j Browser for the server at ``uri`` (HTTP on 7474; HTTPS on 7473 for the
    encrypted schemes), connecting to ``uri`` and ``database`` with ``query`` in the editor."""
    parts = urlsplit(uri)
    secure = parts.scheme.endswith(("+s", "+ssc"))
    base = f"{'https' if secure else 'http'}://{parts.hostname}:{7473 if secure else 7474}/browser/"
    params = {"dbms": uri, "db": database, "cmd": "edit" if query else None, "arg": query}
    return base + "?" + urlencode({k: v for k, v in params.items() if v}, quote_via=quote)
