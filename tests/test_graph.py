import math
import random

import pytest

from kg.graph import (
    Edge,
    MentionRow,
    SentenceRow,
    cooccurrence,
    group_entities,
    prune,
    to_networkx,
)
from kg.text import join_broken_lines

SOURCE = "seeds/page.txt"


def mention(entity_id, sentence_id, article_id=1, surface=None, document_id=1, start=0):
    type_, name = entity_id.split(":", 1)
    return MentionRow(
        entity_id, type_, name, surface or name, document_id, article_id, sentence_id, start, start + len(name)
    )


def sentence(sentence_id, text, article_id=1, document_id=1, start=None):
    start = sentence_id * 100 if start is None else start
    return SentenceRow(sentence_id, article_id, document_id, SOURCE, start, start + len(text), text)


def sentences_for(rows, texts=None):
    """A SentenceRow for every sentence the rows use; text from ``texts`` or a default."""
    texts = texts or {}
    seen = {}
    for row in rows:
        text = texts.get(row.sentence_id, f"第{row.sentence_id}句。")
        seen[row.sentence_id] = sentence(row.sentence_id, text, row.article_id, row.document_id)
    return seen


CITY, PARTY, PERSON, PROJECT = "PLACE:长治市", "ORG:长治市委", "PERSON:张建勤", "PROJECT:太旧高速扩容改造"


def test_group_entities_counts_mentions_articles_and_aliases():
    rows = [
        mention(CITY, 1, surface="长治"),
        mention(CITY, 2, surface="长治"),
        mention(CITY, 3, article_id=2, surface="长治市"),
        mention(PARTY, 1, surface="市委"),
    ]
    entities = group_entities(rows)
    assert list(entities) == sorted([CITY, PARTY])
    city = entities[CITY]
    assert (city.name, city.type, city.mentions, city.articles) == ("长治市", "PLACE", 3, 2)
    assert city.aliases == {"长治": 2, "长治市": 1}
    assert entities[PARTY].aliases == {"市委": 1}


def test_group_entities_rejects_rows_that_disagree_on_the_name():
    bad = MentionRow(CITY, "PLACE", "长治", "长治", 1, 1, 1, 0, 2)
    with pytest.raises(ValueError, match="PLACE:长治市"):
        group_entities([mention(CITY, 1), bad])


@pytest.mark.parametrize(
    "surface, alias",
    [("长治\n市", "长治市"), ("山西正来\r\n  制药有限公司", "山西正来制药有限公司"), ("New\nYork", "New York"), ("20\n24年", "2024年"),
     ("市委", "市委")],
)
def test_aliases_lose_pdf_line_breaks(surface, alias):
    assert join_broken_lines(surface) == alias


def test_two_entities_in_the_same_sentence_twice():
    rows = [mention(CITY, 1), mention(PARTY, 1), mention(CITY, 2), mention(PARTY, 2)]
    edges = cooccurrence(rows, sentences_for(rows))
    assert list(edges) == [(PARTY, CITY)]  # key ordered a < b
    edge = edges[(PARTY, CITY)]
    assert (edge.source, edge.target) == (PARTY, CITY)
    assert (edge.sentences, edge.articles, edge.weight, edge.level) == (2, 1, 2.0, "sentence")


def test_same_article_different_sentences_is_an_article_level_edge():
    rows = [mention(CITY, 1), mention(PERSON, 2)]
    edge = cooccurrence(rows, sentences_for(rows))[(PERSON, CITY)]
    assert (edge.sentences, edge.articles, edge.level, edge.evidence) == (0, 1, "article", ())
    assert edge.weight == 0.25


def test_different_articles_never_link():
    rows = [mention(CITY, 1, article_id=1), mention(PERSON, 2, article_id=2)]
    assert cooccurrence(rows, sentences_for(rows)) == {}


def test_weight_adds_a_quarter_per_article_without_a_shared_sentence():
    rows = [
        mention(CITY, 1, article_id=1), mention(PARTY, 1, article_id=1),  # shared sentence
        mention(CITY, 2, article_id=1), mention(PARTY, 2, article_id=1),  # same article again
        mention(CITY, 3, article_id=2), mention(PARTY, 4, article_id=2),  # article only
        mention(CITY, 5, article_id=3), mention(PARTY, 6, article_id=3),  # article only
    ]
    edge = cooccurrence(rows, sentences_for(rows))[(PARTY, CITY)]
    assert (edge.sentences, edge.articles, edge.level) == (2, 3, "sentence")
    assert edge.weight == 2 + 0.25 * 2


def test_repeated_mentions_in_a_sentence_count_once_and_never_self_link():
    rows = [mention(CITY, 1, start=0), mention(CITY, 1, start=10), mention(PARTY, 1, start=20)]
    edges = cooccurrence(rows, sentences_for(rows))
    assert list(edges) == [(PARTY, CITY)]
    assert edges[(PARTY, CITY)].sentences == 1
    assert all(a != b for a, b in edges)


def test_npmi_is_one_for_entities_that_only_occur_together():
    rows = [mention(CITY, 1), mention(PARTY, 1), mention(PERSON, 2), mention(PROJECT, 3)]
    assert cooccurrence(rows, sentences_for(rows))[(PARTY, CITY)].npmi == 1.0


def test_npmi_below_zero_when_they_meet_less_than_chance():
    # 4 sentences with mentions; each entity in 3 of them, together in 2 (chance: 2.25).
    rows = [mention(CITY, 1), mention(PARTY, 1), mention(CITY, 2), mention(PARTY, 2),
            mention(CITY, 3), mention(PARTY, 4)]
    npmi = cooccurrence(rows, sentences_for(rows))[(PARTY, CITY)].npmi
    assert npmi == pytest.approx(math.log((2 / 4) / (3 / 4) ** 2) / -math.log(2 / 4), abs=1e-6)
    assert npmi < 0


def test_npmi_stays_within_bounds_on_random_rows():
    rng = random.Random(7)
    ids = [f"ORG:机构{i}" for i in range(12)]
    rows = [
        mention(rng.choice(ids), sentence_id, article_id=sentence_id // 5, start=rng.randrange(100))
        for sentence_id in range(60)
        for _ in range(rng.randrange(1, 5))
    ]
    edges = cooccurrence(rows, sentences_for(rows))
    assert edges
    assert all(-1.0 <= edge.npmi <= 1.0 for edge in edges.values())
    assert {edge.level for edge in edges.values()} == {"sentence", "article"}


def test_evidence_is_the_three_shortest_distinct_sentences():
    texts = {1: "长治市委召开会议,长治市各界代表出席。", 2: "长治市委在长治市。", 3: "长治市委与长治市。",
             4: "长治市委,长治市", 5: "长治市委在长治市。"}  # 5 repeats 2's text
    rows = [m for sid in texts for m in (mention(CITY, sid), mention(PARTY, sid))]
    edge = cooccurrence(rows, sentences_for(rows, texts))[(PARTY, CITY)]
    assert edge.sentences == 5
    assert [e.text for e in edge.evidence] == ["长治市委,长治市", "长治市委在长治市。", "长治市委与长治市。"]
    # Equal texts: the one earlier in the document is kept; offsets and source are carried.
    assert edge.evidence[1].start == 200
    assert edge.evidence[0].source == SOURCE
    assert edge.evidence[0].end - edge.evidence[0].start == len(edge.evidence[0].text)


def test_output_is_identical_whatever_the_row_order():
    rng = random.Random(3)
    ids = [f"PERSON:人{i}" for i in range(8)]
    rows = [mention(rng.choice(ids), sid, article_id=sid // 4) for sid in range(40) for _ in range(3)]
    sentences = sentences_for(rows, {sid: "句" * rng.randrange(5, 9) for sid in range(40)})
    first = cooccurrence(rows, sentences)
    shuffled = rows[:]
    rng.shuffle(shuffled)
    again = cooccurrence(shuffled, list(sentences.values()))
    assert list(again.items()) == list(first.items())
    assert any(len(edge.evidence) == 3 for edge in first.values())


def test_article_level_off_drops_only_article_level_edges():
    rows = [mention(CITY, 1), mention(PARTY, 1), mention(PERSON, 2), mention(CITY, 3, article_id=2),
            mention(PARTY, 4, article_id=2)]
    everything = cooccurrence(rows, sentences_for(rows))
    sentence_level = cooccurrence(rows, sentences_for(rows), article_level=False)
    assert sentence_level == {k: e for k, e in everything.items() if e.level == "sentence"}
    assert sentence_level[(PARTY, CITY)].weight == 1.25


def edge(a, b, sentences, articles=1, weight=None):
    weight = sentences + 0.25 * (articles - min(articles, sentences)) if weight is None else weight
    return (a, b), Edge(a, b, sentences, articles, weight, 0.5, "sentence" if sentences else "article")


def test_prune_drops_article_level_edges_by_default_and_by_weight():
    edges = dict([edge("A", "B", 0, 2), edge("A", "C", 1), edge("B", "C", 3)])
    assert list(prune(edges)) == [("A", "C"), ("B", "C")]
    assert list(prune(edges, min_weight=2)) == [("B", "C")]
    assert list(prune(edges, min_sentences=0)) == [("A", "B"), ("A", "C"), ("B", "C")]


def test_prune_max_degree_keeps_each_hubs_strongest_edges():
    edges = dict([edge("HUB", f"N{i}", sentences=i) for i in range(1, 6)] + [edge("N1", "N2", 1)])
    kept = prune(edges, max_degree=2)
    assert list(kept) == [("HUB", "N4"), ("HUB", "N5"), ("N1", "N2")]
    degree = {}
    for a, b in kept:
        degree[a] = degree.get(a, 0) + 1
        degree[b] = degree.get(b, 0) + 1
    assert max(degree.values()) <= 2


def test_to_networkx_attributes():
    rows = [mention(CITY, 1, surface="长治"), mention(CITY, 2, surface="长治"), mention(CITY, 3, surface="长治市"),
            mention(PARTY, 1, surface="市|委"), mention(PERSON, 3)]
    entities = group_entities(rows)
    # 长治市 is in every sentence, so its NPMI with anything is 0 (independent).
    graph = to_networkx(entities, cooccurrence(rows, sentences_for(rows, {1: "长治市委在长治。"})))
    assert graph.nodes[CITY] == {"label": "长治市", "type": "PLACE", "mentions": 3, "articles": 1,
                                 "aliases": "长治|长治市"}
    assert graph.nodes[PARTY]["aliases"] == "市｜委"
    assert graph.edges[PARTY, CITY] == {"weight": 1.0, "sentences": 1, "articles": 1, "npmi": 0.0,
                                        "level": "sentence", "evidence": "长治市委在长治。"}
    assert graph.edges[PERSON, PARTY]["level"] == "article"
    assert "evidence" not in graph.edges[PERSON, PARTY]


def test_to_networkx_adds_resolved_fields_when_set():
    entities = group_entities([mention(CITY, 1), mention(PARTY, 1)])
    entities[CITY].region, entities[CITY].division_code, entities[CITY].division_level = "山西省", "140400", "city"
    graph = to_networkx(entities, {})
    assert graph.nodes[CITY]["division_code"] == "140400"
    assert graph.nodes[CITY]["region"] == "山西省" and graph.nodes[CITY]["division_level"] == "city"
    assert "region" not in graph.nodes[PARTY]


def test_to_networkx_rejects_edges_to_unknown_entities():
    with pytest.raises(KeyError, match="ORG:X"):
        to_networkx({}, dict([edge("ORG:X", "ORG:Y", 1)]))
