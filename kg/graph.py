"""Entities and co-occurrence edges from mention rows: plain functions over plain data, no I/O.

The store recomputes everything below from its mention rows in one pass, so re-running on the
same rows gives identical entities and edges (nothing is ever incremented twice).

Input records (the store builds them from its tables):

- ``MentionRow(entity_id, type, name, surface, document_id, article_id, sentence_id, start, end)``:
  one tagged span; ``entity_id`` is ``TYPE:canonical name``, ``name`` the canonical name,
  ``surface`` the characters as written, offsets into the document's original text.
- ``SentenceRow(sentence_id, article_id, document_id, source, start, end, text)``: the text of a
  sentence, for evidence. ``cooccurrence`` takes them as a mapping ``sentence_id -> SentenceRow``
  (a dict, or any object with ``__getitem__`` that fetches lazily) or as an iterable; it looks up
  only sentences that hold at least two entities.

Outputs:

- ``group_entities(rows) -> dict[entity_id, Entity]``; ``Entity(id, name, type, mentions,
  articles, aliases, region=None, division_code=None, division_level=None)``: ``mentions`` =
  mention rows, ``articles`` = distinct articles, ``aliases`` = ``Counter`` of every surface form
  (line breaks from PDF columns removed); the last three come from entity resolution.
- ``cooccurrence(rows, sentences) -> dict[(a, b), Edge]`` with ``a < b``, sorted by key;
  ``Edge(source, target, sentences, articles, weight, npmi, level, evidence)``:

  * ``sentences``: distinct sentences holding both entities;
  * ``articles``: distinct articles holding both (in the same sentence or not); nothing ever
    links across articles;
  * ``weight = sentences + 0.25 * (articles in which they never share a sentence)``. A shared
    sentence is direct evidence of a relation and counts 1 each; sharing only an article is a
    topical hint, worth a quarter, so two article-only co-occurrences never outweigh one
    sentence. Counts are over distinct sentences and articles, so the weight is stable on re-runs;
  * ``level``: ``"sentence"`` when they share a sentence, ``"article"`` when they only share
    articles (then ``sentences == 0`` and ``evidence == ()``); ``prune`` drops article-level
    edges by default;
  * ``npmi``: normalised pointwise mutual information in [-1, 1], over the sentences that hold
    at least one mention for sentence-level edges, over the articles that hold at least one
    mention for article-level edges (``level`` says which). 1 = they only ever occur together;
    0 = independent; below 0 = they co-occur less than chance;
  * ``evidence``: up to 3 ``Evidence(source, document_id, start, end, text)`` sentences: the
    shortest distinct sentence texts (a short sentence naming both says most directly how they
    relate), ties broken by source, document and offset, so the choice is deterministic.

- ``prune(edges, min_sentences=1, min_weight=0.0, max_degree=None)`` keeps the readable core.
- ``to_networkx(entities, edges) -> nx.Graph`` with Gephi-ready attributes (see its docstring).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import combinations

import networkx as nx

from kg.text import join_broken_lines

ARTICLE_ONLY_WEIGHT = 0.25
MAX_EVIDENCE = 3
RESOLVED_FIELDS = ("region", "division_code", "division_level")


@dataclass(frozen=True, slots=True)
class MentionRow:
    entity_id: str
    type: str
    name: str
    surface: str
    document_id: int
    article_id: int
    sentence_id: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class SentenceRow:
    sentence_id: int
    article_id: int
    document_id: int
    source: str
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Entity:
    id: str
    name: str
    type: str
    mentions: int = 0
    articles: int = 0
    aliases: Counter = field(default_factory=Counter)
    # Filled by entity resolution (the store), not by group_entities; exported when set.
    region: str | None = None
    division_code: str | None = None
    division_level: str | None = None


@dataclass(frozen=True, slots=True)
class Evidence:
    source: str
    document_id: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Edge:
    source: str
    target: str
    sentences: int
    articles: int
    weight: float
    npmi: float
    level: str  # "sentence" or "article"
    evidence: tuple[Evidence, ...] = ()


def group_entities(rows: Iterable[MentionRow]) -> dict[str, Entity]:
    """One ``Entity`` per ``entity_id``, sorted by id, with mention/article counts and aliases.

    Raises ``ValueError`` when rows of one entity disagree on its name or type (a bug upstream:
    the id is derived from them).
    """
    entities: dict[str, Entity] = {}
    articles: dict[str, set[int]] = defaultdict(set)
    for row in rows:
        entity = entities.get(row.entity_id)
        if entity is None:
            entity = entities[row.entity_id] = Entity(row.entity_id, row.name, row.type)
        elif (entity.name, entity.type) != (row.name, row.type):
            raise ValueError(
                f"entity {row.entity_id!r}: rows disagree on name/type "
                f"({entity.name!r}/{entity.type} vs {row.name!r}/{row.type})"
            )
        entity.mentions += 1
        entity.aliases[join_broken_lines(row.surface)] += 1
        articles[row.entity_id].add(row.article_id)
    for entity_id, entity in entities.items():
        entity.articles = len(articles[entity_id])
    return dict(sorted(entities.items()))




def cooccurrence(
    rows: Iterable[MentionRow],
    sentences: Mapping[int, SentenceRow] | Iterable[SentenceRow],
    article_level: bool = True,
) -> dict[tuple[str, str], Edge]:
    """Co-occurrence edges keyed ``(a, b)`` with ``a < b``, sorted; see the module docstring.

    ``article_level=False`` skips pairs that share articles but never a sentence (the default
    pruning drops them anyway) and with them the time and memory of enumerating every pair of
    entities in every article; the other edges are unchanged.
    """
    if not isinstance(sentences, Mapping):
        sentences = {s.sentence_id: s for s in sentences}
    sentence_entities, article_entities = _contexts(rows)
    entity_sentences = _count_contexts(sentence_entities)
    entity_articles = _invert(article_entities)

    shared_sentences: Counter = Counter()
    shared_articles: dict[tuple[str, str], set[int]] = defaultdict(set)
    candidates: dict[tuple[str, str], list[tuple[tuple, Evidence]]] = defaultdict(list)
    for sentence_id, members in sentence_entities.items():
        if len(members) < 2:
            continue
        sentence = sentences[sentence_id]
        evidence = Evidence(sentence.source, sentence.document_id, sentence.start, sentence.end, sentence.text)
        candidate = (_evidence_rank(evidence), evidence)
        for pair in combinations(sorted(members), 2):
            shared_sentences[pair] += 1
            shared_articles[pair].add(sentence.article_id)
            _offer(candidates[pair], candidate)

    # Pairs that share a sentence: intersect their article sets (cheap, no pair enumeration).
    article_counts = {(a, b): len(entity_articles[a] & entity_articles[b]) for a, b in shared_sentences}
    if article_level:  # enumerating every pair of every article is the costly part
        for members in article_entities.values():
            for pair in combinations(sorted(members), 2):
                if pair not in shared_sentences:
                    article_counts[pair] = article_counts.get(pair, 0) + 1

    n_sentences, n_articles = len(sentence_entities), len(article_entities)
    edges = {}
    for pair in sorted(article_counts):
        a, b = pair
        together, articles = shared_sentences[pair], article_counts[pair]
        article_only = articles - len(shared_articles.get(pair, ()))
        if together:
            level, npmi = "sentence", _npmi(together, entity_sentences[a], entity_sentences[b], n_sentences)
        else:
            level, npmi = "article", _npmi(articles, len(entity_articles[a]), len(entity_articles[b]), n_articles)
        edges[pair] = Edge(
            source=a,
            target=b,
            sentences=together,
            articles=articles,
            weight=together + ARTICLE_ONLY_WEIGHT * article_only,
            npmi=npmi,
            level=level,
            evidence=tuple(evidence for _, evidence in candidates.get(pair, ())),
        )
    return edges


def _contexts(rows: Iterable[MentionRow]) -> tuple[dict[int, set[str]], dict[int, set[str]]]:
    """The set of entities in each sentence and in each article."""
    by_sentence: dict[int, set[str]] = defaultdict(set)
    by_article: dict[int, set[str]] = defaultdict(set)
    for row in rows:
        by_sentence[row.sentence_id].add(row.entity_id)
        by_article[row.article_id].add(row.entity_id)
    return by_sentence, by_article


def _invert(contexts: dict[int, set[str]]) -> dict[str, set[int]]:
    """The contexts each entity occurs in."""
    inverted: dict[str, set[int]] = defaultdict(set)
    for context, members in contexts.items():
        for entity_id in members:
            inverted[entity_id].add(context)
    return inverted


def _count_contexts(contexts: dict[int, set[str]]) -> Counter:
    """In how many contexts each entity occurs."""
    counts: Counter = Counter()
    for members in contexts.values():
        counts.update(members)
    return counts


def _evidence_rank(evidence: Evidence) -> tuple:
    return (len(evidence.text), evidence.source, evidence.document_id, evidence.start)


def _offer(best: list[tuple[tuple, Evidence]], candidate: tuple[tuple, Evidence]) -> None:
    """Keep ``best`` as the ``MAX_EVIDENCE`` best-ranked ``(rank, evidence)`` with distinct texts."""
    rank, evidence = candidate
    for i, (kept_rank, kept) in enumerate(best):
        if kept.text == evidence.text:
            if rank < kept_rank:
                best[i] = candidate
                best.sort(key=_rank_of)
            return
    if len(best) < MAX_EVIDENCE or rank < best[-1][0]:
        best.append(candidate)
        best.sort(key=_rank_of)
        del best[MAX_EVIDENCE:]


def _rank_of(candidate: tuple[tuple, Evidence]) -> tuple:
    return candidate[0]


def _npmi(together: int, count_a: int, count_b: int, total: int) -> float:
    """Normalised PMI of two events seen ``together`` times in ``total`` contexts, in [-1, 1].

    log(p(a,b) / (p(a) p(b))) / -log p(a,b); when p(a,b) = 1 both occur everywhere: 1.
    Rounded to 6 places so the value is identical across platforms' ``log``.
    """
    if together >= total:
        return 1.0
    p_ab = together / total
    pmi = math.log(p_ab / ((count_a / total) * (count_b / total)))
    return round(max(-1.0, min(1.0, pmi / -math.log(p_ab))), 6)


def prune(
    edges: Mapping[tuple[str, str], Edge],
    min_sentences: int = 1,
    min_weight: float = 0.0,
    max_degree: int | None = None,
) -> dict[tuple[str, str], Edge]:
    """The edges with at least ``min_sentences`` shared sentences and ``min_weight`` weight.

    The default ``min_sentences=1`` drops article-level edges. With ``max_degree``, edges are
    taken strongest first (weight, then sentences, then NPMI, then key) and one is kept only
    while both its entities have fewer than ``max_degree`` kept edges, so no node ends with
    more than ``max_degree`` and hubs keep their strongest links. Output is sorted by key.
    """
    kept = [
        (key, edge)
        for key, edge in edges.items()
        if edge.sentences >= min_sentences and edge.weight >= min_weight
    ]
    if max_degree is not None:
        kept.sort(key=lambda item: (-item[1].weight, -item[1].sentences, -item[1].npmi, item[0]))
        degree: Counter = Counter()
        strongest = []
        for key, edge in kept:
            a, b = key
            if degree[a] < max_degree and degree[b] < max_degree:
                degree[a] += 1
                degree[b] += 1
                strongest.append((key, edge))
        kept = strongest
    return dict(sorted(kept))


def to_networkx(entities: Mapping[str, Entity], edges: Mapping[tuple[str, str], Edge]) -> nx.Graph:
    """An undirected graph: one node per entity (keyed by entity id), one edge per pair.

    Node attributes: ``label`` (display name), ``type``, ``mentions``, ``articles``, ``aliases``
    (surface forms, most frequent first, ``"|"``-joined; a ``|`` inside a form becomes ``｜``),
    and ``region``, ``division_code``, ``division_level`` when the entity has them.
    Edge attributes: ``weight``, ``sentences``, ``articles``, ``npmi``, ``level``, and
    ``evidence`` (the best evidence sentence's text) when there is one. Every value is a str,
    int or float, never None or a list, so writers need no conversion. Entities without edges
    stay as isolated nodes (remove them with ``nx.isolates`` if unwanted). Raises ``KeyError``
    when an edge names an entity not in ``entities``.
    """
    graph = nx.Graph()
    for entity_id, entity in entities.items():
        resolved = {name: getattr(entity, name) for name in RESOLVED_FIELDS if getattr(entity, name)}
        graph.add_node(
            entity_id,
            label=entity.name,
            type=entity.type,
            mentions=entity.mentions,
            articles=entity.articles,
            aliases=joined_aliases(entity.aliases),
            **resolved,
        )
    for (a, b), edge in edges.items():
        for entity_id in (a, b):
            if entity_id not in entities:
                raise KeyError(f"edge {a!r}-{b!r} names unknown entity {entity_id!r}")
        attributes = dict(
            weight=float(edge.weight),
            sentences=edge.sentences,
            articles=edge.articles,
            npmi=float(edge.npmi),
            level=edge.level,
        )
        if edge.evidence:
            attributes["evidence"] = edge.evidence[0].text
        graph.add_edge(a, b, **attributes)
    return graph


def joined_aliases(aliases: Counter) -> str:
    """Surface forms, most frequent first (ties alphabetical), ``"|"``-joined."""
    ordered = sorted(aliases.items(), key=lambda item: (-item[1], item[0]))
    return "|".join(alias.replace("|", "｜") for alias, _ in ordered)
