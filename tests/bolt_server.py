"""Fixtures for the Neo4j tests: a real Bolt + Cypher server, and stores written table by table.

The server is ArcadeDB (Apache-2.0, PyPI ``arcadedb-embedded``, ships its own JRE), installed on
first use into ``.cache/arcadedb`` under the repository and started as a child process on
127.0.0.1 with free ports; or a real Neo4j when ``NEO4J_URI`` is set (with ``NEO4J_USER``,
``NEO4J_PASSWORD``, ``NEO4J_DATABASE``). The tests delete every :Entity and :Article node in
that database. Without ``NEO4J_URI`` the Neo4j variant of each test is reported as skipped.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import neo4j
import pytest

from kg.store import Store

ARCADEDB_VERSION = "26.10.2.post1"
CACHE = Path(__file__).resolve().parents[1] / ".cache" / "arcadedb"
PASSWORD = "kg-test-password"  # ArcadeDB wants 8+ characters
DATABASE = "kg"


def install_arcadedb(cache: Path = CACHE) -> Path:
    """The arcadedb_embedded package dir (jars/ and jre/), pip-installed into ``cache`` once.
    Installed beside the target and renamed, so an interrupted install is never half there."""
    package = cache / "pkg" / "arcadedb_embedded"
    if (package / "jre" / "bin" / "java").exists():
        return package
    cache.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix="pkg-", dir=cache))
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(staging),
         f"arcadedb-embedded=={ARCADEDB_VERSION}"],
        check=True,
    )
    shutil.rmtree(cache / "pkg", ignore_errors=True)
    os.replace(staging, cache / "pkg")
    return package


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_ready(proc: subprocess.Popen, http_port: int, log_path: str, timeout: float = 90) -> None:
    # /api/v1/ready answers once the default database exists; the Bolt port opens earlier
    deadline = time.monotonic() + timeout
    while True:
        if proc.poll() is not None:
            raise RuntimeError(f"ArcadeDB exited with {proc.returncode}, see {log_path}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{http_port}/api/v1/ready", timeout=1) as reply:
                if reply.status in (200, 204):
                    return
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise RuntimeError(f"ArcadeDB not ready after {timeout:.0f} s, see {log_path}")
        time.sleep(0.1)


def start_arcadedb(data_dir: str, heap: str = "1g") -> tuple[subprocess.Popen, dict]:
    package = install_arcadedb()
    bolt, http = _free_port(), _free_port()
    log_path = os.path.join(data_dir, "server.log")
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(
            [str(package / "jre" / "bin" / "java"), "-Xms128m", f"-Xmx{heap}",
             "-cp", str(package / "jars" / "*"),
             f"-Darcadedb.server.rootPath={data_dir}", f"-Darcadedb.server.rootPassword={PASSWORD}",
             f"-Darcadedb.server.defaultDatabases={DATABASE}[root]",
             "-Darcadedb.server.httpIncomingHost=127.0.0.1", f"-Darcadedb.server.httpIncomingPort={http}",
             "-Darcadedb.server.plugins=Bolt:com.arcadedb.bolt.BoltProtocolPlugin",
             "-Darcadedb.bolt.host=127.0.0.1", f"-Darcadedb.bolt.port={bolt}",
             "com.arcadedb.server.ArcadeDBServer"],
            stdout=log, stderr=subprocess.STDOUT,
        )
    try:
        _wait_ready(proc, http, log_path)
    except RuntimeError:
        stop(proc)
        raise
    return proc, {"uri": f"bolt://127.0.0.1:{bolt}", "user": "root", "password": PASSWORD,
                  "database": DATABASE, "dialect": "arcadedb"}


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


@pytest.fixture(scope="session", params=["arcadedb", "neo4j"])
def bolt_server(request):
    """Connection settings of a running server: uri, user, password, database, dialect."""
    if request.param == "neo4j":
        if not os.environ.get("NEO4J_URI"):
            pytest.skip("NEO4J_URI not set: no real Neo4j to test against")
        yield {"uri": os.environ["NEO4J_URI"], "user": os.environ.get("NEO4J_USER", "neo4j"),
               "password": os.environ.get("NEO4J_PASSWORD", ""),
               "database": os.environ.get("NEO4J_DATABASE", "neo4j"), "dialect": "neo4j"}
        return
    data_dir = tempfile.mkdtemp(prefix="kg-arcadedb-")
    proc, settings = start_arcadedb(data_dir)
    try:
        yield settings
    finally:
        stop(proc)
        shutil.rmtree(data_dir, ignore_errors=True)


@pytest.fixture
def driver(bolt_server):
    """A driver on an empty kg graph (schema objects are kept between tests)."""
    with neo4j.GraphDatabase.driver(bolt_server["uri"], auth=(bolt_server["user"], bolt_server["password"])) as drv:
        wipe = "MATCH (n) WHERE n:Entity OR n:Article DETACH DELETE n"
        drv.execute_query(wipe, database_=bolt_server["database"])
        yield drv


def write_store(path: str | Path, tables: dict[str, list[tuple]]) -> Path:
    """A real kg.sqlite (the store's own schema) holding ``tables``: table name -> rows in
    column order. Written directly, so tests control every name and count."""
    with Store(path) as store, store.db:
        for table, rows in tables.items():
            if rows:
                marks = ", ".join("?" * len(rows[0]))
                store.db.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)
    return Path(path)
