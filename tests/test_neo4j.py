"""kg.neo4j against a real Bolt server (ArcadeDB child process, or Neo4j when NEO4J_URI is set)."""

from __future__ import annotations

import csv
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from bolt_server import _free_port, bolt_server, driver, write_store  # noqa: F401 (fixtures)
from click.testing import CliRunner

from kg.errors import InputError
from kg.neo4j import LoadSummary, ServerError, entity_query, load_neo4j
from kg.neo4j.csv_export import write_neo4j_csv
from kg.neo4j.load import CYPHER_DIR, cypher_statements

QUOTE = 'PERSON:王"小明'
BACKSLASH = "ORG:长治\\市委"
EMOJI = "PROJECT:🚄太焦高铁"
APOSTROPHE = "EVENT:O'Neil 论坛"
CITY, PROVINCE, DOC = "PLACE:长治市", "PLACE:山西省", "DOC:《细则》"
EVIDENCE = ['王"小明在长治\\市委说:\'🚄\'', "第二句\n换行"]


def sample_tables() -> dict[str, list[tuple]]:
    """Seven entities of all six types with hostile names, two documents, three articles."""
    entity = lambda eid, mentions, articles: (eid, eid.split(":", 1)[1], eid.split(":", 1)[0],  # noqa: E731
                                              mentions, articles, "长治市", None, None)
    return {
        "documents": [(1, "seeds/a.txt", "h1", "文本", "标题一", "2024-05-01", "长治市", 0.9, "model"),
                      (2, "seeds/b.txt", "h2", "文本", None, None, None, None, "model")],
        "articles": [(1, 1, 0, 0, 10, '标题"一"'), (2, 1, 1, 10, 20, None), (3, 2, 0, 0, 5, "🚄")],
        "entities": [entity(QUOTE, 3, 2), entity(BACKSLASH, 2, 2), entity(EMOJI, 2, 1),
                     entity(APOSTROPHE, 1, 1), entity(CITY, 4, 3), entity(PROVINCE, 1, 1),
                     entity(DOC, 1, 1)],
        "aliases": [(QUOTE, '小明"', 2), (QUOTE, "王\\明", 1), (BACKSLASH, "市委😀", 1)],
        "entity_articles": [(QUOTE, 1, 2), (QUOTE, 2, 1), (BACKSLASH, 1, 1), (BACKSLASH, 3, 1),
                            (EMOJI, 3, 2), (APOSTROPHE, 2, 1), (CITY, 1, 2), (CITY, 2, 1),
                            (CITY, 3, 1), (PROVINCE, 1, 1), (DOC, 2, 1)],
        "edges": [(BACKSLASH, QUOTE, "CO_OCCURS", 2, 1, 2.0, 0.5),
                  (CITY, QUOTE, "CO_OCCURS", 1, 1, 1.0, -0.25),
                  (EMOJI, BACKSLASH, "CO_OCCURS", 1, 1, 1.5, 1.0),
                  (CITY, EMOJI, "CO_OCCURS", 1, 1, 1.0, 0.75),
                  (APOSTROPHE, DOC, "CO_OCCURS", 1, 1, 1.0, 0.0),
                  (CITY, PROVINCE, "LOCATED_IN", None, None, None, None)],
        "evidence": [(BACKSLASH, QUOTE, 1, 1, 0, 5, EVIDENCE[0]), (BACKSLASH, QUOTE, 2, 1, 5, 9, EVIDENCE[1]),
                     (EMOJI, BACKSLASH, 1, 2, 0, 3, "🚄")],
    }


@pytest.fixture
def store(tmp_path) -> Path:
    return write_store(tmp_path / "kg.sqlite", sample_tables())


def load(server, store_path, **options) -> LoadSummary:
    return load_neo4j(store_path, server["uri"], server["user"], server["password"], server["database"], **options)


def snapshot(drv, server) -> tuple[list, list]:
    """Every kg node (sorted labels, properties) and relationship, in a stable order."""
    db = server["database"]
    nodes, _, _ = drv.execute_query("MATCH (n) WHERE n:Entity OR n:Article RETURN n", database_=db)
    rels, _, _ = drv.execute_query(
        "MATCH (a)-[r]->(b) WHERE a:Entity OR a:Article RETURN a.id AS a, type(r) AS t, b.id AS b, r", database_=db)
    node_list = sorted((sorted(r["n"].labels), sorted(dict(r["n"]).items(), key=repr)) for r in nodes)
    rel_list = sorted((r["a"], r["t"], r["b"], sorted(dict(r["r"]).items(), key=repr)) for r in rels)
    return node_list, rel_list


def count(drv, server, query) -> int:
    records, _, _ = drv.execute_query(query, database_=server["database"])
    return records[0][0]


def test_counts_equal_the_store(bolt_server, driver, store):
    before = store.read_bytes()
    summary = load(bolt_server, store)
    assert store.read_bytes() == before, "loading changed the store"
    tables = sample_tables()
    assert count(driver, bolt_server, "MATCH (n:Entity) RETURN count(n)") == len(tables["entities"]) == 7
    assert count(driver, bolt_server, "MATCH (n:Article) RETURN count(n)") == 3
    assert count(driver, bolt_server, "MATCH (n:Person) RETURN count(n)") == 1
    assert count(driver, bolt_server, "MATCH (n:Place) RETURN count(n)") == 2
    assert count(driver, bolt_server, "MATCH ()-[r:MENTIONED_IN]->() RETURN count(r)") == 11
    assert count(driver, bolt_server, "MATCH ()-[r:CO_OCCURS]->() RETURN count(r)") == 5
    assert count(driver, bolt_server, "MATCH (:Place)-[r:LOCATED_IN]->(:Place) RETURN count(r)") == 1
    assert summary.written == {"entities": 7, "articles": 3, "mentioned_in": 11, "co_occurs": 5, "located_in": 1}
    assert (summary.nodes, summary.relationships) == (10, 17)
    assert (summary.nodes_created, summary.relationships_created) == (10, 17)


def test_names_and_evidence_round_trip(bolt_server, driver, store):
    load(bolt_server, store)
    db = bolt_server["database"]
    records, _, _ = driver.execute_query(
        "MATCH (a:Entity {id: $a})-[r:CO_OCCURS]->(b:Entity {id: $b}) RETURN a, r, b",
        a=BACKSLASH, b=QUOTE, database_=db)
    (record,) = records
    assert record["a"]["name"] == "长治\\市委" and record["b"]["name"] == '王"小明'
    assert record["b"]["aliases"] == ['小明"', "王\\明"]
    assert record["r"]["evidence"] == EVIDENCE
    assert (record["r"]["weight"], record["r"]["npmi"], record["r"]["sentences"]) == (2.0, 0.5, 2)
    records, _, _ = driver.execute_query("MATCH (n:Project) RETURN n.name AS name", database_=db)
    assert [r["name"] for r in records] == ["🚄太焦高铁"]
    records, _, _ = driver.execute_query("MATCH (n:Event {id: $id}) RETURN n.id AS id", id=APOSTROPHE, database_=db)
    assert [r["id"] for r in records] == [APOSTROPHE]


def test_second_load_changes_nothing(bolt_server, driver, store):
    load(bolt_server, store)
    first = snapshot(driver, bolt_server)
    again = load(bolt_server, store)
    assert (again.nodes_created, again.relationships_created) == (0, 0)
    assert snapshot(driver, bolt_server) == first


def test_interrupted_load_rerun_ends_identical(bolt_server, driver, store):
    load(bolt_server, store)
    clean = snapshot(driver, bolt_server)
    driver.execute_query("MATCH (n) WHERE n:Entity OR n:Article DETACH DELETE n", database_=bolt_server["database"])

    def stop_after_three_batches(done, total):
        if done >= 6:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        load(bolt_server, store, batch_size=2, progress=stop_after_three_batches)
    partial = snapshot(driver, bolt_server)
    assert 0 < len(partial[0]) < len(clean[0]) and partial[1] == []
    load(bolt_server, store, batch_size=2)
    assert snapshot(driver, bolt_server) == clean


def test_killed_load_rerun_ends_identical(bolt_server, driver, store):
    """SIGKILL the loading process itself after a few committed batches, then load again."""
    load(bolt_server, store)
    clean = snapshot(driver, bolt_server)
    driver.execute_query("MATCH (n) WHERE n:Entity OR n:Article DETACH DELETE n", database_=bolt_server["database"])
    script = textwrap.dedent("""
        import os, signal, sys
        from kg.neo4j import load_neo4j
        def kill_after(done, total):
            if done >= 12:
                os.kill(os.getpid(), signal.SIGKILL)
        uri, user, database, path = sys.argv[1:]
        load_neo4j(path, uri, user, os.environ["NEO4J_PASSWORD"], database, batch_size=3, progress=kill_after)
    """)
    env = {**os.environ, "NEO4J_PASSWORD": bolt_server["password"]}
    args = [bolt_server["uri"], bolt_server["user"], bolt_server["database"], str(store)]
    proc = subprocess.run([sys.executable, "-c", script, *args], env=env, capture_output=True, timeout=120)
    assert proc.returncode == -signal.SIGKILL, proc.stderr.decode()
    assert len(snapshot(driver, bolt_server)[1]) < len(clean[1])
    load(bolt_server, store)
    assert snapshot(driver, bolt_server) == clean


def test_wipe_removes_stale_kg_nodes_only(bolt_server, driver, store):
    db = bolt_server["database"]
    load(bolt_server, store)
    driver.execute_query("CREATE (:Entity:Person {id: 'PERSON:stale', name: 'stale'})", database_=db)
    driver.execute_query("CREATE (:Note {id: 'keep-me'})", database_=db)
    try:
        summary = load(bolt_server, store, wipe=True, batch_size=4)
        assert summary.deleted == 11
        assert count(driver, bolt_server, "MATCH (n:Entity) RETURN count(n)") == 7
        assert count(driver, bolt_server, "MATCH (n:Note) RETURN count(n)") == 1
    finally:
        driver.execute_query("MATCH (n:Note) DELETE n", database_=db)


def test_missing_store_is_an_input_error(bolt_server, tmp_path):
    with pytest.raises(InputError, match="kg.sqlite: no such store"):
        load(bolt_server, tmp_path / "kg.sqlite")
    assert not (tmp_path / "kg.sqlite").exists()


def test_wrong_password(bolt_server, store):
    with pytest.raises(ServerError, match="authentication failed"):
        load({**bolt_server, "password": "not-the-password"}, store)


def test_unreachable_server(bolt_server, store):
    with pytest.raises(ServerError, match="cannot reach the server"):
        load({**bolt_server, "uri": f"bolt://127.0.0.1:{_free_port()}"}, store)


def test_missing_database(bolt_server, store):
    with pytest.raises(ServerError, match="database 'no_such_db' does not exist"):
        load({**bolt_server, "database": "no_such_db"}, store)


def run_cli(args, password=None, **env):
    from kg.cli.neo4j import load_command

    env = {"NEO4J_PASSWORD": password, **env} if password is not None else env
    return CliRunner().invoke(load_command, args, env=env)


@pytest.mark.parametrize("case", ["password", "unreachable", "database"])
def test_cli_errors_are_one_line(bolt_server, store, case):
    uri = f"bolt://127.0.0.1:{_free_port()}" if case == "unreachable" else bolt_server["uri"]
    database = "no_such_db" if case == "database" else bolt_server["database"]
    password = "not-the-password" if case == "password" else bolt_server["password"]
    result = run_cli(["--db", str(store), "--uri", uri, "--user", bolt_server["user"],
                      "--database", database], password=password)
    assert result.exit_code == 1
    assert len(result.output.strip().splitlines()) == 1 and "Traceback" not in result.output
    assert uri in result.output and password not in result.output


def test_cli_loads_and_prints_summary_and_browser_link(bolt_server, driver, store):
    result = run_cli(["--db", str(store), "--uri", bolt_server["uri"], "--user", bolt_server["user"],
                      "--database", bolt_server["database"]], password=bolt_server["password"])
    assert result.exit_code == 0, result.output
    assert "10 nodes and 17 relationships written (10 nodes, 17 relationships created)" in result.output
    assert "/browser/" in result.output
    assert count(driver, bolt_server, "MATCH (n:Entity) RETURN count(n)") == 7


def test_cli_rejects_unknown_uri_scheme(store):
    result = run_cli(["--db", str(store), "--uri", "http://localhost:7474"], password="x")
    assert result.exit_code == 1 and "unsupported URI scheme 'http'" in result.output


QUERY_PARAMETERS = {"name": "长治\\市委", "source": '王"小明', "target": "🚄太焦高铁", "place": "山西省",
                    "organization": "长治\\市委", "article": 1, "limit": 10, "min_weight": 0.0}


@pytest.mark.parametrize("path", sorted((CYPHER_DIR / "queries").glob("*.cypher")), ids=lambda p: p.stem)
def test_exploration_query_runs(bolt_server, driver, store, path):
    load(bolt_server, store)
    (query,) = cypher_statements(path)
    records, _, _ = driver.execute_query(query, QUERY_PARAMETERS, database_=bolt_server["database"])
    assert records, f"{path.name} found nothing in the sample graph"


def test_csv_export_round_trips(store, tmp_path):
    out = tmp_path / "csv"
    written = write_neo4j_csv(store, out)
    assert written == {"entities": 7, "articles": 3, "mentioned_in": 11, "co_occurs": 5, "located_in": 1}
    header = next(csv.reader(open(out / "entities.header.csv", encoding="utf-8")))
    assert header[:2] == ["id:ID(Entity)", ":LABEL"] and "aliases:string[]" in header
    with open(out / "entities.csv", encoding="utf-8", newline="") as f:
        rows = {row[0]: dict(zip(header, row)) for row in csv.reader(f)}
    assert rows[QUOTE][":LABEL"] == "Entity;Person" and rows[QUOTE]["name"] == '王"小明'
    assert rows[QUOTE]["aliases:string[]"].split("\x1f") == ['小明"', "王\\明"]
    rel_header = next(csv.reader(open(out / "co_occurs.header.csv", encoding="utf-8")))
    with open(out / "co_occurs.csv", encoding="utf-8", newline="") as f:
        edges = [dict(zip(rel_header, row)) for row in csv.reader(f)]
    (edge,) = [e for e in edges if e[":START_ID(Entity)"] == BACKSLASH]
    assert edge["evidence:string[]"].split("\x1f") == EVIDENCE and edge[":TYPE"] == "CO_OCCURS"


@pytest.mark.parametrize("entity_id", [QUOTE, BACKSLASH, EMOJI, APOSTROPHE])
def test_lookup_browser_query_finds_hostile_ids(bolt_server, driver, store, entity_id):
    load(bolt_server, store)
    records, _, _ = driver.execute_query(entity_query(entity_id), database_=bolt_server["database"])
    assert records and {r["n"]["id"] for r in records} == {entity_id}
