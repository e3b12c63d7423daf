"""``kg inspect``: how kg reads a file: its encoding problems, articles and sentences."""

from __future__ import annotations

import json
import sys

import click

from kg.cli import main
from kg.errors import InputError
from kg.ingest import iter_sources
from kg.segment import split_articles, split_sentences


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--sentences", is_flag=True, help="List each article's sentences too.")
@click.option("--jsonl", is_flag=True, help="One JSON object per document, offsets into the decoded text.")
def inspect(inputs, sentences, jsonl):
    """Show the articles (and sentences) kg finds in INPUTS (files, folders, globs, -)."""
    failed = False
    for item in iter_sources(inputs):
        if isinstance(item, InputError):
            click.echo(f"error: {item}", err=True)
            failed = True
            continue
        articles = split_articles(item.text)
        if jsonl:
            click.echo(json.dumps({"source": item.source, "articles": [
                {"start": a.start, "end": a.end, "title": a.title} for a in articles]}, ensure_ascii=False))
            continue
        click.echo(f"{item.source}: {len(articles)} articles")
        for number, article in enumerate(articles, start=1):
            first_line = item.text[article.start:article.end].split("\n", 1)[0]
            click.echo(f"  {number}. [{article.start}:{article.end}] {article.title or '(no title)'} | {first_line[:30]}")
            for sentence in split_sentences(item.text, article.start, article.end) if sentences else ():
                click.echo(f"       {item.text[sentence.start:sentence.end]!r}")
    sys.exit(1 if failed else 0)
