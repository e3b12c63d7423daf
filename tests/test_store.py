import sqlite3

import pytest

from kg.errors import InputError
from kg.store import PlaceRecord, Store
from store_records import record as make_record

NAMES = {"长治市": "PLACE", "王晓明": "PERSON", "长治市委": "ORG", "襄垣县": "PLACE"}


def record(source: str, text: str):
    return make_record(source, text, NAMES)


PAGE = "王晓明在长治市调研。长治市委召开会议。\n王晓明到襄垣县。长治市发布通知。"


def snapshot(store: Store) -> tuple:
    return (list(store.iter_entities()), list(store.iter_aliases()), list(store.iter_edges()),
            list(store.iter_evidence()), list(store.iter_entity_articles()))


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "kg.sqlite") as opened:
        yield opened


def test_entities_edges_and_evidence_are_derived_from_mentions(store):
    store.put_document(record("a.txt", PAGE))
    store.recompute()
    entities = {e["id"]: e for e in store.iter_entities()}
    assert entities["PERSON:王晓明"]["mentions"] == 2
    assert entities["PLACE:长治市"]["mentions"] == 2
    assert entities["PLACE:长治市"]["articles"] == 2
    assert entities["ORG:长治市委"]["region"] == "长治市"
    edges = {(e["source"], e["target"]): e for e in store.iter_edges()}
    # Sentence co-occurrence only: 长治市委 shares an article with 王晓明 but no sentence.
    assert set(edges) == {("PERSON:王晓明", "PLACE:长治市"), ("PERSON:王晓明", "PLACE:襄垣县")}
    assert edges[("PERSON:王晓明", "PLACE:长治市")]["sentences"] == 1
    [evidence] = [v for v in store.iter_evidence() if v["target"] == "PLACE:长治市"]
    assert evidence["text"] == "王晓明在长治市调研。"
    assert PAGE[evidence["start"]:evidence["end"]] == evidence["text"]
    assert evidence["document_source"] == "a.txt"
    counts = {(r["entity_id"], r["article_id"]): r["count"] for r in store.iter_entity_articles()}
    assert sorted(counts.values()) == [1, 1, 1, 1, 1, 1]


def test_same_text_again_changes_nothing(store):
    assert store.put_document(record("a.txt", PAGE)) is not None
    store.recompute()
    before = snapshot(store)
    assert store.status_of("a.txt", PAGE) == "unchanged"
    assert store.put_document(record("a.txt", PAGE)) is None
    store.recompute()
    assert snapshot(store) == before
    assert store.stats()["documents"] == 1


def test_changed_source_replaces_its_old_rows(store):
    store.put_document(record("a.txt", PAGE))
    store.put_document(record("b.txt", "襄垣县发布通知。"))
    store.recompute()
    changed = "王晓明到襄垣县。"
    assert store.status_of("a.txt", changed) == "changed"
    store.put_document(record("a.txt", changed))
    store.recompute()
    stats = store.stats()
    assert (stats["documents"], stats["articles"], stats["mentions"]) == (2, 2, 3)
    assert {e["id"]: e["mentions"] for e in store.iter_entities()} == {
        "PERSON:王晓明": 1, "PLACE:襄垣县": 2}
    orphans = store.db.execute(
        "SELECT count(*) FROM sentences WHERE article_id NOT IN (SELECT id FROM articles)")
    assert orphans.fetchone()[0] == 0


def test_pruning_drops_weak_edges_and_is_remembered(store):
    store.put_document(record("a.txt", PAGE))
    store.recompute(min_sentences=2)
    assert list(store.iter_edges()) == []
    assert store.derived_with() == {"min_sentences": 2, "min_weight": 0.0}


def test_to_networkx_has_gephi_attributes(store):
    store.put_document(record("a.txt", PAGE))
    store.recompute()
    graph = store.to_networkx()
    assert graph.nodes["PLACE:长治市"] == {"label": "长治市", "type": "PLACE", "mentions": 2,
                                         "articles": 2, "aliases": "长治市", "region": "长治市"}
    # One shared sentence, plus a quarter for the second article they share without one.
    assert graph.edges["PERSON:王晓明", "PLACE:长治市"]["weight"] == 1.25
    assert graph.edges["PERSON:王晓明", "PLACE:长治市"]["articles"] == 2


def test_stats_counts_by_type_and_lists_top_entities(store):
    store.put_document(record("a.txt", PAGE))
    store.recompute()
    stats = store.stats(top=1)
    assert stats["entities_by_type"] == {"PLACE": 2, "ORG": 1, "PERSON": 1}
    assert stats["edges_by_kind"] == {"CO_OCCURS": 2}
    assert [e["name"] for e in stats["top_entities"]] == ["王晓明"]


def test_readonly_open_refuses_missing_and_foreign_files(tmp_path):
    with pytest.raises(InputError, match="no such store"):
        Store(tmp_path / "missing.sqlite", readonly=True)
    other = tmp_path / "other.sqlite"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    with pytest.raises(InputError, match="not a kg store"):
        Store(other, readonly=True)
    text = tmp_path / "page.txt"
    text.write_text("not a database at all " * 100)
    with pytest.raises(InputError, match="not a kg store"):
        Store(text, readonly=True)


def test_finished_store_opens_readonly_without_side_files(tmp_path):
    path = tmp_path / "kg.sqlite"
    with Store(path) as store:
        store.put_document(record("a.txt", PAGE))
        store.recompute()
        store.finish()
    with Store(path, readonly=True) as store:
        assert store.stats()["entities"] == 4
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kg.sqlite"]


# 襄垣县 is linked to the gazetteer; its city and province are never mentioned.
CHAIN = (PlaceRecord("PLACE:襄垣县", "襄垣县", "140423", "county", "PLACE:长治市"),
         PlaceRecord("PLACE:长治市", "长治市", "140400", "city", "PLACE:山西省"),
         PlaceRecord("PLACE:山西省", "山西省", "140000", "province", None))


def located_in(store: Store) -> list[tuple[str, str]]:
    return [(e["source"], e["target"]) for e in store.iter_edges("LOCATED_IN")]


def test_linked_places_give_divisions_ancestors_and_located_in_edges(store):
    store.put_document(make_record("a.txt", "王晓明到襄垣县。", NAMES, places=CHAIN))
    store.put_document(make_record("b.txt", "襄垣县发布通知。", NAMES, places=CHAIN))
    store.recompute()
    entities = {e["id"]: e for e in store.iter_entities()}
    assert entities["PLACE:襄垣县"] == {
        "id": "PLACE:襄垣县", "name": "襄垣县", "type": "PLACE", "mentions": 2, "articles": 2,
        "region": "长治市", "division_code": "140423", "division_level": "county"}
    # Ancestors join as places nobody mentions, so the hierarchy is connected.
    assert (entities["PLACE:长治市"]["mentions"], entities["PLACE:长治市"]["region"]) == (0, "山西省")
    assert entities["PLACE:山西省"]["division_level"] == "province"
    # Two documents with the same chain: each pair once, without counts.
    assert located_in(store) == [("PLACE:襄垣县", "PLACE:长治市"), ("PLACE:长治市", "PLACE:山西省")]
    assert store.stats()["edges_by_kind"] == {"CO_OCCURS": 1, "LOCATED_IN": 2}
    graph = store.to_networkx()  # the co-occurrence graph: no hierarchy, no unmentioned places
    assert "PLACE:长治市" not in graph and graph.number_of_edges() == 1
    assert graph.nodes["PLACE:襄垣县"]["division_code"] == "140423"


def test_removing_a_document_removes_what_only_it_contributed(store):
    store.put_document(make_record("a.txt", "王晓明到襄垣县。", NAMES, places=CHAIN))
    store.put_document(make_record("b.txt", "王晓明在长治市调研。", NAMES, places=CHAIN[1:]))
    store.recompute()
    assert len(located_in(store)) == 2
    store.remove_sources(["a.txt"])
    store.recompute()
    assert located_in(store) == [("PLACE:长治市", "PLACE:山西省")]
    assert {e["id"] for e in store.iter_entities()} == {
        "PERSON:王晓明", "PLACE:长治市", "PLACE:山西省"}


def test_scoped_person_is_named_without_its_scope(store):
    ids = {"王晓明": "PERSON:王晓明@长治市"}
    store.put_document(make_record("a.txt", PAGE, NAMES, ids=ids))
    store.recompute()
    entities = {e["id"]: e for e in store.iter_entities()}
    assert (entities["PERSON:王晓明@长治市"]["name"],
            entities["PERSON:王晓明@长治市"]["region"]) == ("王晓明", "长治市")
    assert store.to_networkx().nodes["PERSON:王晓明@长治市"]["label"] == "王晓明"
    stats = store.stats(top=1)
    assert stats["top_entities"][0]["name"] == "王晓明"
    assert (stats["top_edges"][0]["source_name"], stats["top_edges"][0]["source"]) == (
        "王晓明", "PERSON:王晓明@长治市")


def test_store_of_an_older_kg_is_reset_for_reanalysis(tmp_path):
    path = tmp_path / "kg.sqlite"
    old = sqlite3.connect(path)  # the first schema: no version, mentions without region
    old.executescript("CREATE TABLE documents (id INTEGER PRIMARY KEY, source TEXT);"
                      "INSERT INTO documents (source) VALUES ('a.txt');"
                      "CREATE TABLE entities (id TEXT); CREATE TABLE edges (source TEXT);")
    old.close()
    with Store(path, readonly=True) as store:
        assert store.outdated()
    with Store(path) as store:
        assert not store.outdated() and store.stats()["documents"] == 0
        store.put_document(make_record("a.txt", PAGE, NAMES, places=CHAIN))
