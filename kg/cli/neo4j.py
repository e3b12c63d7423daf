"""`kg load neo4j` and `kg export neo4j-csv`: thin wrappers over kg.neo4j."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from kg.cli import export, load
from kg.cli.progress import progress_bar
from kg.errors import KgError
from kg.neo4j import DEFAULT_BATCH_SIZE, LoadSummary, browser_url, load_neo4j
from kg.neo4j.csv_export import import_command, write_neo4j_csv

# the Browser opens on the strongest links, as a graph
BROWSER_QUERY = "MATCH p = (:Entity)-[r:CO_OCCURS]->(:Entity) RETURN p ORDER BY r.weight DESC LIMIT 100"


@click.command("neo4j")
@click.option("--db", "db_path", default="out/kg.sqlite", show_default=True, type=click.Path(dir_okay=False),
              help="The store written by `kg build`.")
@click.option("--uri", envvar="NEO4J_URI", default="bolt://localhost:7687", show_default=True,
              help="bolt://, bolt+s://, neo4j://, neo4j+s:// (env NEO4J_URI).")
@click.option("--user", envvar="NEO4J_USER", default="neo4j", show_default=True, help="(env NEO4J_USER)")
@click.option("--database", envvar="NEO4J_DATABASE", default="neo4j", show_default=True,
              help="(env NEO4J_DATABASE)")
@click.option("--batch-size", default=DEFAULT_BATCH_SIZE, show_default=True, type=click.IntRange(min=1),
              help="Rows per transaction.")
@click.option("--wipe", is_flag=True, help="Delete the graph's :Entity and :Article nodes first.")
def load_command(db_path, uri, user, database, batch_size, wipe):
    """Load the store into Neo4j. The password comes from NEO4J_PASSWORD or a prompt."""
    password = os.environ.get("NEO4J_PASSWORD") or click.prompt(f"Password for {user} at {uri}", hide_input=True)
    try:
        with progress_bar("loading") as progress:
            summary = load_neo4j(db_path, uri, user, password, database, batch_size=batch_size, wipe=wipe,
                                 progress=progress)
    except KgError as error:
        raise click.ClickException(str(error)) from None
    _print_summary(summary, db_path, uri, database)


def _print_summary(summary: LoadSummary, db_path: str, uri: str, database: str) -> None:
    click.echo(f"Loaded {db_path} into {database} at {uri} in {summary.seconds:.1f} s")
    if summary.deleted:
        click.echo(f"  {summary.deleted} nodes deleted first (--wipe)")
    click.echo(f"  {summary.nodes} nodes and {summary.relationships} relationships written "
               f"({summary.nodes_created} nodes, {summary.relationships_created} relationships created)")
    click.echo("  " + ", ".join(f"{kind} {n}" for kind, n in summary.written.items()))
    click.echo(f"Browser: {browser_url(uri, database, BROWSER_QUERY)}")


@click.command("neo4j-csv")
@click.argument("out_dir", type=click.Path(file_okay=False))
@click.option("--db", "db_path", type=click.Path(dir_okay=False), help="The store (default OUT_DIR/kg.sqlite).")
def export_csv_command(out_dir, db_path):
    """Write OUT_DIR/neo4j-csv/ for `neo4j-admin database import full`."""
    target = Path(out_dir) / "neo4j-csv"
    try:
        written = write_neo4j_csv(db_path or Path(out_dir) / "kg.sqlite", target)
    except KgError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Wrote {target}: " + ", ".join(f"{kind} {n}" for kind, n in written.items()))
    click.echo("Import into an empty, stopped database with:\n  " + import_command(target))


load.add_command(load_command)
export.add_command(export_csv_command)
