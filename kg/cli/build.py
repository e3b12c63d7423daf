"""`kg build`, `kg lookup`, `kg stats` and `kg export graphml|gexf`: thin wrappers."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from kg.build import build
from kg.cli import export, main
from kg.cli.progress import progress_bar
from kg.errors import KgError
from kg.export import write_gexf, write_graphml
from kg.lookup import Match, lookup
from kg.store import Store

DB_OPTION = click.option("--db", "db_path", default="out/kg.sqlite", show_default=True,
                         type=click.Path(dir_okay=False), help="The store written by `kg build`.")


def _open(db_path: str) -> Store:
    try:
        return Store(db_path, readonly=True)
    except KgError as error:
        raise click.ClickException(str(error)) from None


def _known_region(ctx, param, value: str | None) -> str | None:
    """The division --region names, checked before any work (usage error, exit 2)."""
    if not value:
        return None
    from kg.resolve import region_division

    try:
        return region_division(value).name
    except KgError as error:
        raise click.BadParameter(str(error)) from None


@main.command("build")
@click.argument("sources", nargs=-1, required=True)
@click.option("-o", "--out", "out_dir", default="out", show_default=True,
              type=click.Path(file_okay=False), help="Folder for kg.sqlite and graph.graphml.")
@click.option("-j", "--jobs", default=1, show_default=True, type=click.IntRange(min=1),
              help="Worker processes for NER (each loads the model once).")
@click.option("--model", type=click.Path(exists=True, file_okay=False),
              help="spaCy pipeline folder (default: the shipped models/kg_zh).")
@click.option("--region", callback=_known_region,
              help="Home region of inputs that do not name one, e.g. 长治市 (default: inferred).")
@click.option("--min-sentences", default=1, show_default=True, type=click.IntRange(min=0),
              help="Keep links seen in at least this many sentences (0 keeps article-only links).")
@click.option("--min-weight", default=0.0, show_default=True, type=float,
              help="Keep links with at least this weight.")
@click.option("--text-field", help="JSONL/CSV corpora: the field holding the text (default text).")
@click.option("--id-field", help="JSONL/CSV corpora: the field holding a document id.")
@click.option("--date-field", help="JSONL/CSV corpora: the field holding the date.")
@click.option("--title-field", help="JSONL/CSV corpora: the field holding the title.")
@click.option("--region-field", help="JSONL/CSV corpora: the field holding the home region.")
def build_command(sources, out_dir, jobs, model, region, min_sentences, min_weight,
                  **source_options):
    """Build or update OUT/kg.sqlite and OUT/graph.graphml from files, folders, globs or -.

    Unchanged documents are not tagged again (unless another model tagged them); a file
    whose text changed replaces its old version. Unreadable inputs are reported and skipped (exit status 1).
    """
    from kg.ner import load

    source_options = {k: v for k, v in source_options.items() if v}
    with progress_bar("tagging") as progress:
        try:
            summary = build(sources, out_dir, tagger=load(model, words=False) if model else None, jobs=jobs,
                            min_sentences=min_sentences, min_weight=min_weight, region=region,
                            progress=progress, report=_report, source_options=source_options)
        except KgError as error:
            raise click.ClickException(str(error)) from None
    _print_summary(summary)
    if summary.problems:
        click.echo(f"{len(summary.problems)} input(s) skipped", err=True)
        sys.exit(1)


def _report(error: KgError) -> None:
    click.echo(f"skipped {error}", err=True)


def _print_summary(summary) -> None:
    speed = summary.characters / summary.seconds if summary.seconds else 0
    click.echo(f"Built {summary.store} and {summary.graphml} in {summary.seconds:.1f} s"
               f" ({summary.characters:,} characters tagged, {speed:,.0f}/s)")
    click.echo(f"  documents: {summary.documents} read, {summary.added} added,"
               f" {summary.replaced} replaced, {summary.unchanged} unchanged,"
               f" {len(summary.problems)} skipped")
    by_type = ", ".join(f"{t} {n}" for t, n in summary.entities_by_type.items())
    click.echo(f"  articles: {summary.articles}")
    click.echo(f"  entities: {summary.entities}" + (f" ({by_type})" if by_type else ""))
    by_kind = ", ".join(f"{k} {n}" for k, n in summary.edges_by_kind.items())
    click.echo(f"  edges: {summary.edges}" + (f" ({by_kind})" if by_kind else ""))


@main.command("lookup")
@click.argument("query")
@DB_OPTION
@click.option("--limit", default=10, show_default=True, type=click.IntRange(min=1),
              help="At most this many entities.")
@click.option("--neighbors", default=5, show_default=True, type=click.IntRange(min=0),
              help="Strongest co-occurring entities shown per entity.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def lookup_command(query, db_path, limit, neighbors, as_json):
    """Find entities by name, alias, prefix or substring, with their articles and links."""
    with _open(db_path) as store:
        matches = lookup(store, query, limit, neighbors=neighbors)
    if as_json:
        click.echo(json.dumps({"matches": [m.to_dict() for m in matches]}, ensure_ascii=False,
                              indent=2))
        return
    if not matches:
        click.echo(f"no entity matches {query!r}")
        return
    for match in matches:
        _print_match(match)
        _print_browser_link(match)


def _print_browser_link(match: Match) -> None:
    """With a Neo4j configured (NEO4J_URI), where to see the entity in its Browser."""
    uri = os.environ.get("NEO4J_URI")
    if uri:
        from kg.neo4j import browser_url, entity_query

        click.echo(f"  browser: {browser_url(uri, os.environ.get('NEO4J_DATABASE'), entity_query(match.id))}")


def _print_match(match: Match) -> None:
    region = f", {match.region}" if match.region else ""
    click.echo(f"{match.name} [{match.type}{region}] ({match.match} match, id {match.id})")
    click.echo(f"  {match.mentions} mentions in {match.article_count} articles;"
               f" aliases: {' | '.join(match.aliases)}")
    if match.located_in or match.contains:
        click.echo(f"  in: {', '.join(match.located_in) or '-'};"
                   f" contains: {', '.join(match.contains) or '-'}")
    for article in match.articles:
        click.echo(f"  article: {article['title'] or '(untitled)'} — {article['source']}")
    for neighbor in match.neighbors:
        click.echo(f"  ~ {neighbor.name} [{neighbor.type}] weight {neighbor.weight:g}"
                   f" ({neighbor.sentences} sentences)")
        for evidence in neighbor.evidence:
            click.echo(f"      “{' '.join(evidence.text.split())}”"
                       f" ({evidence.source}:{evidence.start}-{evidence.end})")


@main.command("stats")
@DB_OPTION
@click.option("--top", default=10, show_default=True, type=click.IntRange(min=0),
              help="How many top entities and links to list.")
def stats_command(db_path, top):
    """Counts by type, the most mentioned entities and the strongest links."""
    with _open(db_path) as store:
        stats = store.stats(top=top)
    for key in ("documents", "articles", "sentences", "mentions", "entities"):
        click.echo(f"{key}: {stats[key]}")
    for kind, count in stats["entities_by_type"].items():
        click.echo(f"  {kind}: {count}")
    click.echo(f"edges: {sum(stats['edges_by_kind'].values())}")
    for kind, count in stats["edges_by_kind"].items():
        click.echo(f"  {kind}: {count}")
    if stats["top_entities"]:
        click.echo("top entities (mentions, articles):")
    for e in stats["top_entities"]:
        click.echo(f"  {e['name']} [{e['type']}] {e['mentions']}, {e['articles']}")
    if stats["top_edges"]:
        click.echo("strongest links (weight, sentences):")
    for e in stats["top_edges"]:
        click.echo(f"  {e['source_name']} — {e['target_name']} {e['weight']:g}, {e['sentences']}")


def _export_command(name: str, writer, suffix: str):
    @click.command(name)
    @click.argument("path", required=False, type=click.Path(dir_okay=False))
    @DB_OPTION
    def command(path, db_path):
        target = Path(path or Path(db_path).with_name(f"graph.{suffix}"))
        with _open(db_path) as store:
            writer(store.to_networkx(), target)
        click.echo(f"wrote {target}")

    command.help = f"Write the stored graph as {name.upper()} for Gephi (default OUT/graph.{suffix})."
    return command


export.add_command(_export_command("graphml", write_graphml, "graphml"))
export.add_command(_export_command("gexf", write_gexf, "gexf"))
