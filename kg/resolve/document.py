"""Resolve one document's mentions to canonical names and entity ids."""

from __future__ import annotations

import bisect
import unicodedata
from dataclasses import dataclass, field

from kg.mention import Mention


@dataclass(frozen=True)
class ResolvedMention:
    mention: Mention
    entity_id: str
    name: str
    type: str
    article_index: int | None
    ref: bool = False


@dataclass
class ResolvedDocument:
    region: str | None
    region_confidence: float
    mentions: list[ResolvedMention] = field(default_factory=list)


def entity_key(label: str, name: str) -> str:
    return f"{label}:{name}"


def normalise(surface: str) -> str:
    return unicodedata.normalize("NFKC", surface).strip()


def article_index_of(starts: list[int], articles: list, position: int) -> int | None:
    """Index of the article whose span contains ``position``, or None (page furniture)."""
    i = bisect.bisect_right(starts, position) - 1
    if i >= 0 and articles[i].start <= position < articles[i].end:
        return i
    return None


def resolve_document(text: str, articles: list, mentions: list[Mention],
                     region: str | None = None) -> ResolvedDocument:
    starts = [a.start for a in articles]
    resolved = []
    for m in mentions:
        name = m.canonical or normalise(m.text)
        resolved.append(ResolvedMention(m, entity_key(m.label, name), name, m.label,
                                        article_index_of(starts, articles, m.start)))
    return ResolvedDocument(region, 1.0 if region else 0.0, resolved)
