"""One document's annotation: its articles and its entity mentions with canonical names.

This is what ``kg ner`` prints; ``kg build`` goes on from here to the store.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from kg.mention import Mention
from kg.resolve import ResolvedDocument, resolve_document
from kg.segment import Article, split_articles


@dataclass
class Annotation:
    articles: list[Article]
    mentions: list[Mention]  # the NER mentions, with canonical names
    resolved: ResolvedDocument  # entity ids, references (我市, 全市), linked places


def annotate(text: str, tagger, *, region: str | None = None, articles: bool = True) -> Annotation:
    """Articles of ``text`` (or one whole-text article) and its mentions, each with the
    canonical name the resolver gives it when that differs from the surface form."""
    parts = split_articles(text) if articles else [Article(0, len(text))]
    mentions = tagger.tag(text)
    resolved = resolve_document(text, parts, mentions, region=region)
    canonical = {
        (r.mention.start, r.mention.end): r.name for r in resolved.mentions if not r.ref
    }
    named = [with_canonical(m, canonical.get((m.start, m.end))) for m in mentions]
    return Annotation(parts, named, resolved)


def with_canonical(mention: Mention, name: str | None) -> Mention:
    if mention.canonical or not name or name == mention.text:
        return mention
    return replace(mention, canonical=name)
