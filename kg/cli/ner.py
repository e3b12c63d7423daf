"""``kg ner``: tag files and print their entities, as JSON lines or for people to read."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from kg.annotate import annotate
from kg.cli import main
from kg.errors import InputError, KgError
from kg.ingest import decode

COLOURS = {"PERSON": "magenta", "ORG": "blue", "PLACE": "green", "PROJECT": "yellow",
           "DOC": "cyan", "EVENT": "red"}


@main.command()
@click.argument("files", nargs=-1, required=True)
@click.option("--jsonl", is_flag=True, help="One JSON object per file (per line with --lines).")
@click.option("--lines", is_flag=True, help="Each line of a file is an independent text.")
@click.option("--region", help="Home region for canonical names (e.g. 长治市); inferred if not given.")
@click.option("--labels", metavar="LABEL,...", callback=lambda ctx, param, value: split_labels(value),
              help="Only these labels (e.g. PERSON,ORG). Without PROJECT, DOC and EVENT, the names "
                   "inside titles and meeting names are tagged too.")
@click.option("--model", type=click.Path(exists=True, file_okay=False), envvar="KG_MODEL",
              help="spaCy pipeline folder [default: the shipped models/kg_zh].")
def ner(files, jsonl, lines, region, labels, model):
    """Tag PERSON, ORG, PLACE, PROJECT, DOC and EVENT mentions in FILES ('-' reads stdin).

    Offsets are indices into each file's decoded text (BOM stripped, nothing else changed).
    """
    tagger = load_tagger(model, labels)
    failed = False
    for name in files:
        try:
            text = read_text(name)
        except InputError as error:
            click.echo(f"kg ner: error: {error}", err=True)
            failed = True
            continue
        if lines:
            texts = text.split("\n")
            for number, (line, mentions) in enumerate(zip(texts, tagger.tag_many(texts)), start=1):
                emit({"source": name, "line": number, "entities": [m.to_dict() for m in mentions]},
                     jsonl, line)
        else:
            result = annotate(text, tagger, region=region)
            emit({"source": name,
                  "articles": [{"start": a.start, "end": a.end, "title": a.title} for a in result.articles],
                  "entities": [m.to_dict() for m in result.mentions]}, jsonl, text)
    sys.exit(1 if failed else 0)


def split_labels(value: str | None) -> list[str] | None:
    """``--labels person, ORG`` -> ["PERSON", "ORG"]; None when the option is not given."""
    return [label.strip().upper() for label in value.split(",") if label.strip()] if value else None


def load_tagger(model, labels=None):
    from kg.ner import load

    try:
        return load(model, labels=labels)
    except KgError as error:
        raise click.ClickException(str(error)) from None


def read_text(name: str) -> str:
    if name == "-":
        return decode(sys.stdin.buffer.read(), "<stdin>")
    path = Path(name)
    if not path.exists():
        raise InputError(name, "no such file")
    if not path.is_file():
        raise InputError(name, "not a file")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(name, error.strerror or str(error)) from None
    return decode(data, name)


def emit(record: dict, jsonl: bool, text: str) -> None:
    if jsonl:
        click.echo(json.dumps(record, ensure_ascii=False))
    else:
        click.echo(readable(record, text))


def readable(record: dict, text: str) -> str:
    """The text with entities highlighted, then one line per entity."""
    where = record["source"] + (f":{record['line']}" if "line" in record else "")
    out, last = [], 0
    for e in record["entities"]:
        out.append(text[last:e["start"]])
        out.append(click.style(f"[{e['text']}]", fg=COLOURS.get(e["label"]), bold=True)
                   + click.style(e["label"], fg=COLOURS.get(e["label"]), dim=True))
        last = e["end"]
    out.append(text[last:])
    listing = [f"  {e['start']:>6}-{e['end']:<6} {e['label']:<8} {e['text']}"
               + (f"  -> {e['canonical']}" if e.get("canonical") else "")
               for e in record["entities"]]
    header = click.style(f"== {where} ({len(record['entities'])} entities)", bold=True)
    return "\n".join([header, "".join(out).rstrip("\n"), *listing, ""])


@main.command()
@click.option("--data", type=click.Path(exists=True, file_okay=False), envvar="KG_DATA_DIR",
              help="Shared data folder with msra/ [default: ../shared/data].")
@click.option("-o", "--output", type=click.Path(file_okay=False), help="Where to write the pipeline [default: models/kg_zh].")
@click.option("--limit", type=int, help="Train on this many sentences only (for a quick trial).")
@click.option("--max-steps", type=int, help="Override training.max_steps of models/config.cfg.")
@click.option("--seed", type=int, help="Override system.seed of models/config.cfg (the shipped model: 0); "
              "runs differ by seed, so compare changes over two or more.")
@click.option("--cluener/--no-cluener", default=False, help="Add CLUENER2020's sentences to the training data.")
@click.option("--work-dir", type=click.Path(file_okay=False), help="Corpus and checkpoints [default: training/].")
@click.option("--lac/--no-lac", default=True, show_default=True,
              help="The model also reads LAC's character vectors and word list (MSRA F1 0.873 with, 0.858 without).")
@click.option("--lac-sdist", type=click.Path(exists=True, dir_okay=False),
              help="The LAC-2.1.2.tar.gz they come from [default: downloaded from PyPI once, into .cache/lac].")
@click.option("--pages", "pages", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="A page annotated in the guidelines' markup (*.ann.txt) to add to the training data; "
                   "repeat for more (not in the shipped model: see the README).")
@click.option("--page-weight", type=click.IntRange(min=1), default=3, show_default=True,
              help="How many times each page is added.")
def train(data, output, limit, max_steps, seed, cluener, work_dir, lac, lac_sdist, pages, page_weight):
    """Rebuild the NER pipeline from MSRA and score it."""
    from kg.ner import DEFAULT_MODEL
    from kg.ner.evaluate import format_scores
    from kg.ner.train import WORK_DIR
    from kg.ner.train import train as train_pipeline

    overrides = {"training.max_steps": max_steps} if max_steps else {}
    if seed is not None:
        overrides["system.seed"] = seed
    scores = train_pipeline(Path(output) if output else DEFAULT_MODEL, data=data, limit=limit, overrides=overrides,
                            cluener=cluener, work_dir=Path(work_dir) if work_dir else WORK_DIR,
                            lac=lac, lac_sdist=Path(lac_sdist) if lac_sdist else None,
                            pages=[Path(page) for page in pages], page_weight=page_weight)
    click.echo(format_scores(scores))


@main.command()
@click.option("--data", type=click.Path(exists=True, file_okay=False), envvar="KG_DATA_DIR",
              help="Shared data folder with msra/test.bio [default: ../shared/data].")
@click.option("--model", type=click.Path(exists=True, file_okay=False), envvar="KG_MODEL",
              help="spaCy pipeline folder [default: the shipped models/kg_zh].")
@click.option("--limit", type=int, help="Score the first N test sentences only.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def evaluate(data, model, limit, as_json):
    """P/R/F1 per label on the MSRA test set (exact span match)."""
    from kg.ner.evaluate import evaluate_msra, format_scores

    scores = evaluate_msra(load_tagger(model), data, limit=limit)
    click.echo(json.dumps(scores, ensure_ascii=False) if as_json else format_scores(scores))
