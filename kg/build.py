"""``build``: inputs -> ingest -> segment -> NER -> resolve -> OUT/kg.sqlite + OUT/graph.graphml.

The build works on a copy of the store (``OUT/kg.sqlite.tmp-XXXX``) and renames it over
``OUT/kg.sqlite`` only when everything is written, so Ctrl-C or a crash leaves the previous
store as it was and no half-written file behind. Documents whose text is stored already are
not tagged again; a source whose text changed replaces its old document.
"""

from __future__ import annotations

import bisect
import multiprocessing
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from kg.annotate import annotate
from kg.errors import InputError, KgError
from kg.export import temp_file_beside, write_graphml
from kg.ingest import SourceDocument, iter_sources
from kg.resolve import region_division, warm_up
from kg.segment import split_sentences
from kg.store import ArticleRecord, DocumentRecord, MentionRecord, PlaceRecord, Store

STORE_NAME = "kg.sqlite"
GRAPHML_NAME = "graph.graphml"
DOCUMENTS_PER_TASK = 4  # small enough to keep all workers busy on page-sized documents


@dataclass
class BuildSummary:
    store: Path
    graphml: Path
    documents: int = 0  # readable input documents
    added: int = 0
    replaced: int = 0
    unchanged: int = 0  # stored already (same text), not tagged again
    characters: int = 0  # characters tagged in this run
    problems: list[str] = field(default_factory=list)  # one line per input skipped
    articles: int = 0  # totals in the store after the build
    entities_by_type: dict[str, int] = field(default_factory=dict)
    edges_by_kind: dict[str, int] = field(default_factory=dict)  # CO_OCCURS, LOCATED_IN
    seconds: float = 0.0

    @property
    def entities(self) -> int:
        return sum(self.entities_by_type.values())

    @property
    def edges(self) -> int:
        return sum(self.edges_by_kind.values())


def build(inputs: Iterable[str], out_dir: str | os.PathLike, *, tagger=None, jobs: int = 1,
          min_sentences: int = 1, min_weight: float = 0.0, region: str | None = None,
          progress: Callable[[int, int], None] | None = None,
          report: Callable[[InputError], None] | None = None,
          source_options: dict | None = None) -> BuildSummary:
    """Build or update ``out_dir/kg.sqlite`` and ``out_dir/graph.graphml`` from ``inputs``.

    ``tagger`` has ``tag(text) -> list[Mention]`` (default: ``kg.ner.load()``); ``jobs`` > 1
    tags in that many worker processes. ``region`` is the home region for documents whose
    input does not name one. ``progress(done, total)`` is called in characters after each
    document; ``report(error)`` once per input that cannot be read (it is skipped).
    ``source_options`` go to ``kg.ingest.iter_sources`` (corpus field names).
    """
    started = time.perf_counter()
    if region:
        region = region_division(region).name  # KgError before any work
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    summary = BuildSummary(out / STORE_NAME, out / GRAPHML_NAME)
    sources = _readable_sources(inputs, source_options or {}, summary, report)
    pruning = {"min_sentences": min_sentences, "min_weight": min_weight}
    tagged_by = _fingerprint(tagger)
    pending, replaced = _pending_sources(summary.store, sources, summary, tagged_by)
    pending = _with_known_regions(pending, summary, report)
    if pending or not _is_current(summary, pruning):
        if pending:
            warm_up()  # once here, not once per worker process
        if tagger is None and pending:
            from kg.ner import load
            tagger = load(words=False)  # the graph needs mentions and sentences, not words
        with _working_copy(summary.store) as work_path, Store(work_path) as store:
            _store_documents(store, pending, replaced, tagger, jobs, region, summary, progress, tagged_by)
            store.recompute(**pruning)
            write_graphml(store.to_networkx(), summary.graphml)
            store.finish()
    with Store(summary.store, readonly=True) as store:
        _count_totals(store, summary)
    summary.seconds = time.perf_counter() - started
    return summary


def _fingerprint(tagger) -> str | None:
    """The model a build tags with (kg.ner.model_fingerprint); None for a tagger that has none."""
    if tagger is not None:
        return getattr(tagger, "fingerprint", None)
    from kg.ner import model_fingerprint
    return model_fingerprint()


def _pending_sources(target: Path, sources: list[SourceDocument], summary: BuildSummary,
                     tagged_by: str | None):
    """The sources to tag (new ones, changed ones and those another model tagged) and the
    set of those that replace a stored version."""
    if not target.exists():
        return sources, set()
    pending, replaced = [], set()
    with Store(target, readonly=True) as store:
        if store.outdated():
            return sources, set()  # written by an older kg: every document is analysed again
        for doc in sources:
            status = store.status_of(doc.source, doc.text, tagged_by)
            if status == "unchanged":
                summary.unchanged += 1
                continue
            pending.append(doc)
            if status == "changed":
                replaced.add(doc.source)
    summary.replaced = len(replaced)
    return pending, replaced


def _with_known_regions(docs: list[SourceDocument], summary: BuildSummary,
                        report) -> list[SourceDocument]:
    """``docs`` without those whose corpus row names a region that is no division (reported
    and skipped like an unreadable input, before any tagging)."""
    kept = []
    for doc in docs:
        try:
            if doc.meta.get("region"):
                region_division(doc.meta["region"])
        except KgError as error:
            _skip(InputError(doc.source, str(error)), summary, report)
            summary.documents -= 1
            continue
        kept.append(doc)
    return kept


def _is_current(summary: BuildSummary, pruning: dict) -> bool:
    """Whether the store and GraphML exist and were derived with these pruning settings."""
    if not (summary.store.exists() and summary.graphml.exists()):
        return False
    with Store(summary.store, readonly=True) as store:
        return store.derived_with() == pruning


def _readable_sources(inputs, options, summary, report) -> list[SourceDocument]:
    sources = []
    for item in iter_sources(inputs, **options):
        if isinstance(item, InputError):
            _skip(item, summary, report)
        else:
            sources.append(item)
    summary.documents = len(sources)
    return sources


def _skip(error: InputError, summary: BuildSummary, report) -> None:
    summary.problems.append(str(error))
    if report:
        report(error)


def _store_documents(store, pending, replaced, tagger, jobs, region, summary,
                     progress, tagged_by) -> None:
    total = sum(len(doc.text) for doc in pending)
    for record in _analysed(pending, tagger, jobs, region):
        if store.put_document(record, tagged_by) is None:
            summary.unchanged += 1  # the same text came twice in this run
        elif record.source not in replaced:
            summary.added += 1
        summary.characters += len(record.text)
        if progress:
            progress(summary.characters, total)


# The tagger worker processes use: set in the parent before the pool forks, so each worker
# has the loaded model without pickling or loading it again.
_worker_tagger = None


def _analysed(docs: list[SourceDocument], tagger, jobs: int,
              region: str | None) -> Iterator[DocumentRecord]:
    if jobs <= 1 or len(docs) < 2:
        for doc in docs:
            yield analyse(doc, tagger, region)
        return
    global _worker_tagger
    _worker_tagger = tagger
    context = multiprocessing.get_context("fork")
    with context.Pool(jobs) as pool:
        yield from pool.imap(_analyse_in_worker, [(doc, region) for doc in docs],
                             chunksize=DOCUMENTS_PER_TASK)


def _analyse_in_worker(job: tuple[SourceDocument, str | None]) -> DocumentRecord:
    doc, region = job
    return analyse(doc, _worker_tagger, region)


def analyse(doc: SourceDocument, tagger, region: str | None = None) -> DocumentRecord:
    """One document through segmentation, NER and resolution, as rows for the store."""
    text = doc.text
    annotation = annotate(text, tagger, region=doc.meta.get("region") or region)
    articles, resolved = annotation.articles, annotation.resolved
    sentences = [[(s.start, s.end) for s in split_sentences(text, a.start, a.end)]
                 for a in articles]
    mentions = tuple(
        MentionRecord(r.mention.start, r.mention.end, r.mention.text, r.mention.label, r.name,
                      r.entity_id, r.article_index,
                      _sentence_index(sentences, r.article_index, r.mention.start), r.region)
        for r in resolved.mentions)
    return DocumentRecord(
        source=doc.source, text=text, title=doc.meta.get("title"), date=doc.meta.get("date"),
        region=resolved.region, region_confidence=resolved.region_confidence,
        articles=tuple(ArticleRecord(a.start, a.end, a.title, s)
                       for a, s in zip(articles, sentences)),
        mentions=mentions,
        places=tuple(PlaceRecord(p.entity_id, p.name, p.code, p.level, p.parent_id)
                     for p in resolved.places))


def _sentence_index(sentences: list[list[tuple[int, int]]], article_index: int | None,
                    position: int) -> int | None:
    """The sentence of the article that holds ``position``; a mention in a gap between
    sentences belongs to the sentence before it."""
    if article_index is None or not sentences[article_index]:
        return None
    starts = [start for start, _ in sentences[article_index]]
    return max(bisect.bisect_right(starts, position) - 1, 0)


def _count_totals(store: Store, summary: BuildSummary) -> None:
    stats = store.stats(top=0)
    summary.articles = stats["articles"]
    summary.entities_by_type = stats["entities_by_type"]
    summary.edges_by_kind = stats["edges_by_kind"]


@contextmanager
def _working_copy(target: Path) -> Iterator[Path]:
    """A copy of ``target`` (or a fresh path) beside it; renamed over ``target`` when the
    block ends normally, deleted when it raises (KeyboardInterrupt included)."""
    work = temp_file_beside(target, target.name + ".tmp-")
    try:
        if target.exists():
            _copy_database(target, work)
        yield work
        os.replace(work, target)
    finally:
        for leftover in (work, Path(f"{work}-wal"), Path(f"{work}-shm")):
            leftover.unlink(missing_ok=True)


def _copy_database(source: Path, destination: Path) -> None:
    # The backup API copies a consistent snapshot, including pages still in a WAL file.
    with sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True) as src:
        dst = sqlite3.connect(destination)
        try:
            src.backup(dst)
        finally:
            dst.close()
    src.close()
