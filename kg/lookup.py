"""Find entities in the store by name: exact, alias, prefix, then substring matches.

Every tier is answered from an index (B-tree ranges on names and aliases, an FTS5 trigram
index for substrings of three or more characters), so a lookup stays fast on a store of
millions of entities. Shorter substrings walk entities from the most mentioned down and stop
at ``limit`` hits, which is quick for the common names people type; rare ones cost one
sequential scan of the names (about half a second per million entities).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from kg.store import Store

TIERS = ("exact", "alias", "prefix", "substring")

ENTITY_COLUMNS = "e.id, e.name, e.type, e.mentions, e.articles, e.region"
TOP_SCAN = 20_000  # most mentioned entities tried first for one- and two-character substrings


@dataclass
class Evidence:
    source: str
    start: int
    end: int
    text: str


@dataclass
class Neighbor:
    id: str
    name: str
    type: str
    weight: float
    sentences: int
    articles: int
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Match:
    id: str
    name: str
    type: str
    match: str  # which tier found it: exact, alias, prefix or substring
    mentions: int
    article_count: int
    region: str | None
    aliases: list[str] = field(default_factory=list)
    located_in: list[str] = field(default_factory=list)  # a place's parent division (names)
    contains: list[str] = field(default_factory=list)  # the divisions in it that the store has
    articles: list[dict] = field(default_factory=list)  # title, source, date, mentions
    neighbors: list[Neighbor] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)


def lookup(store: Store, query: str, limit: int = 10, *, neighbors: int = 5,
           articles: int = 10) -> list[Match]:
    """Entities matching ``query``, ranked by tier (exact, alias, prefix, substring) and
    then by mentions; each with aliases, articles and its strongest neighbours."""
    query = query.strip()
    if not query or limit < 1:
        return []
    found: dict[str, tuple[str, dict]] = {}
    for tier in TIERS:
        for row in _find(store, tier, query, limit + len(found)):
            found.setdefault(row["id"], (tier, row))
        if len(found) >= limit:
            break
    ranked = list(found.values())[:limit]
    return [_describe(store, tier, row, neighbors, articles) for tier, row in ranked]


def _find(store: Store, tier: str, query: str, limit: int) -> list[dict]:
    db = store.db
    if tier == "exact":
        sql = f"SELECT {ENTITY_COLUMNS} FROM entities e WHERE e.name = ?"
        params = (query,)
    elif tier == "alias":
        sql = (f"SELECT {ENTITY_COLUMNS} FROM aliases a JOIN entities e ON e.id = a.entity_id"
               " WHERE a.alias = ?")
        params = (query,)
    elif tier == "prefix":
        upper = _prefix_upper_bound(query)
        sql = (f"SELECT {ENTITY_COLUMNS} FROM entities e WHERE e.name >= ?1 AND e.name < ?2"
               f" UNION SELECT {ENTITY_COLUMNS} FROM aliases a"
               " JOIN entities e ON e.id = a.entity_id WHERE a.alias >= ?1 AND a.alias < ?2")
        params = (query, upper)
    elif store.search and len(query) >= 3:
        sql = (f"SELECT {ENTITY_COLUMNS} FROM entity_search s"
               " JOIN entities e ON e.rowid = s.rowid WHERE entity_search MATCH ?")
        params = ('"' + query.replace('"', '""') + '"',)
    else:
        return _short_substring(db, query, limit)
    rows = db.execute(f"SELECT * FROM ({sql}) ORDER BY mentions DESC, id LIMIT {int(limit)}",
                      params)
    return [dict(row) for row in rows]


def _short_substring(db, query: str, limit: int) -> list[dict]:
    """Names holding a one- or two-character ``query`` (too short for trigrams). Common ones
    are found among the most mentioned entities (an index walk); if those hold fewer than
    ``limit``, one sequential scan of all names ranks the rest (random access would be slower)."""
    order = f"ORDER BY mentions DESC, id LIMIT {int(limit)}"
    rows = db.execute(
        f"SELECT * FROM (SELECT {ENTITY_COLUMNS} FROM entities e ORDER BY e.mentions DESC"
        f" LIMIT {TOP_SCAN}) WHERE instr(name, ?) {order}", (query,)).fetchall()
    if len(rows) < limit:
        rows = db.execute(f"SELECT {ENTITY_COLUMNS} FROM entities e NOT INDEXED"
                          f" WHERE instr(e.name, ?) {order}", (query,)).fetchall()
    return [dict(row) for row in rows]


def _prefix_upper_bound(prefix: str) -> str:
    """The smallest string greater than every string that starts with ``prefix``."""
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


def _describe(store: Store, tier: str, row: dict, neighbors: int, articles: int) -> Match:
    db = store.db
    entity_id = row["id"]
    aliases = [alias for (alias,) in db.execute(
        "SELECT alias FROM aliases WHERE entity_id = ? ORDER BY count DESC, alias",
        (entity_id,))]
    article_rows = [dict(r) for r in db.execute(
        "SELECT a.title, d.source, d.date, ea.count AS mentions FROM entity_articles ea"
        " JOIN articles a ON a.id = ea.article_id JOIN documents d ON d.id = a.document_id"
        " WHERE ea.entity_id = ? ORDER BY ea.count DESC, a.id LIMIT ?", (entity_id, articles))]
    return Match(entity_id, row["name"], row["type"], tier, row["mentions"], row["articles"],
                 row["region"], aliases, *_hierarchy(db, entity_id), article_rows,
                 _neighbors(store, entity_id, neighbors))


def _hierarchy(db, entity_id: str) -> tuple[list[str], list[str]]:
    """Names of the places ``entity_id`` lies in and of those that lie in it, most mentioned
    first (LOCATED_IN edges; empty for anything but a linked place)."""
    def names(sql: str) -> list[str]:
        return [name for (name,) in db.execute(sql, (entity_id,))]

    return (names("SELECT e.name FROM edges x JOIN entities e ON e.id = x.target"
                  " WHERE x.source = ? AND x.kind = 'LOCATED_IN' ORDER BY e.mentions DESC, e.id"),
            names("SELECT e.name FROM edges x JOIN entities e ON e.id = x.source"
                  " WHERE x.target = ? AND x.kind = 'LOCATED_IN' ORDER BY e.mentions DESC, e.id"))


def _neighbors(store: Store, entity_id: str, limit: int) -> list[Neighbor]:
    # Two index walks (as source, as target), each already in weight order.
    rows = store.db.execute(
        "SELECT * FROM ("
        " SELECT * FROM (SELECT target AS other, source, target, weight, sentences, articles"
        "  FROM edges WHERE source = ?1 AND kind = 'CO_OCCURS' ORDER BY weight DESC LIMIT ?2)"
        " UNION ALL"
        " SELECT * FROM (SELECT source AS other, source, target, weight, sentences, articles"
        "  FROM edges WHERE target = ?1 AND kind = 'CO_OCCURS' ORDER BY weight DESC LIMIT ?2))"
        " JOIN entities e ON e.id = other ORDER BY weight DESC, other LIMIT ?2",
        (entity_id, limit)).fetchall()
    return [Neighbor(r["other"], r["name"], r["type"], r["weight"], r["sentences"],
                     r["articles"], _evidence(store, r["source"], r["target"]))
            for r in rows]


def _evidence(store: Store, source: str, target: str) -> list[Evidence]:
    row = store.db.execute(
        "SELECT d.source, v.start, v.end, v.text FROM evidence v"
        " JOIN documents d ON d.id = v.document_id"
        " WHERE v.source = ? AND v.target = ? ORDER BY v.rank LIMIT 1",
        (source, target)).fetchone()
    return [Evidence(*row)] if row else []
