import pytest
from store_records import record

from kg.lookup import lookup
from kg.store import Store

NAMES = {"长治市": "PLACE", "长治": "PLACE", "长治市委": "ORG", "王晓明": "PERSON",
         "襄垣县": "PLACE", "中共长治市委": "ORG", "太旧高速扩容改造": "PROJECT"}
# 长治 is written for 长治市: an alias, not an entity of its own.
IDS = {"长治": "PLACE:长治市"}
PAGES = {
    "a.txt": "王晓明在长治市调研。长治市委召开会议。长治发布通知。\n王晓明到襄垣县。",
    "b.txt": "中共长治市委和长治市委部署太旧高速扩容改造。中共长治市委和长治市委发文。",
}


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("lookup") / "kg.sqlite"
    with Store(path) as writable:
        for source, text in PAGES.items():
            writable.put_document(record(source, text, NAMES, ids=IDS))
        writable.recompute()
        writable.finish()
    with Store(path, readonly=True) as opened:
        yield opened


def found(store, query, **options):
    return [(m.name, m.match) for m in lookup(store, query, **options)]


def test_tiers_rank_exact_alias_prefix_then_substring(store):
    assert found(store, "长治市委") == [("长治市委", "exact"), ("中共长治市委", "substring")]
    assert found(store, "长治") == [("长治市", "alias"), ("长治市委", "prefix"),
                                   ("中共长治市委", "substring")]


def test_prefix_ties_are_ranked_by_mentions(store):
    # Among prefix matches 长治市委 (3 mentions) comes before 长治市 (2, with the alias 长治).
    assert found(store, "长治市") == [("长治市", "exact"), ("长治市委", "prefix"),
                                     ("中共长治市委", "substring")]


def test_short_and_long_substrings(store):
    assert found(store, "市委") == [("长治市委", "substring"), ("中共长治市委", "substring")]
    assert found(store, "扩容改") == [("太旧高速扩容改造", "substring")]
    assert found(store, "不存在的名字") == []


def test_limit_caps_the_matches(store):
    assert found(store, "长治", limit=1) == [("长治市", "alias")]


def test_match_details(store):
    [match] = [m for m in lookup(store, "长治市") if m.name == "长治市"]
    assert (match.type, match.mentions, match.article_count, match.region) == (
        "PLACE", 2, 1, "长治市")
    assert match.aliases == ["长治", "长治市"]
    assert match.articles == [{"title": "王晓明在", "source": "a.txt", "date": None,
                               "mentions": 2}]
    [neighbor] = match.neighbors
    assert (neighbor.name, neighbor.type, neighbor.weight, neighbor.sentences) == (
        "王晓明", "PERSON", 1.0, 1)
    [evidence] = neighbor.evidence
    assert evidence.text == "王晓明在长治市调研。"
    assert PAGES["a.txt"][evidence.start:evidence.end] == evidence.text
    assert evidence.source == "a.txt"


def test_neighbors_come_strongest_first(store):
    [match] = lookup(store, "长治市委", limit=1)
    weights = [n.weight for n in match.neighbors]
    assert weights == sorted(weights, reverse=True)
    assert [n.name for n in match.neighbors] == ["中共长治市委", "太旧高速扩容改造"]
    assert lookup(store, "长治市委", limit=1, neighbors=1)[0].neighbors[0].name == "中共长治市委"
