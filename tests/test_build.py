import hashlib
import json
import os
import sqlite3
import stat
from pathlib import Path

import networkx as nx
import pytest
from ruler_tagger import RulerTagger

from kg.build import build
from kg.errors import KgError
from kg.lookup import lookup
from kg.resolve import load_gazetteer
from kg.store import Store

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

PAGE_A = "长治市委召开会议\n\n本报讯 王晓明在长治市调研。王晓明到襄垣县。\n"
PAGE_B = "太旧高速扩容改造开工\n\n本报讯 省工信厅与太原市部署太旧高速扩容改造。\n"


@pytest.fixture(scope="module")
def tagger():
    return RulerTagger()


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write_pages(folder, pages: dict[str, str]) -> None:
    folder.mkdir(exist_ok=True)
    for name, text in pages.items():
        (folder / name).write_text(text, encoding="utf-8")


def entity_ids(out) -> set[str]:
    with Store(out / "kg.sqlite", readonly=True) as store:
        return {e["id"] for e in store.iter_entities()}


def test_build_writes_store_and_gephi_graphml(tmp_path, tagger):
    write_pages(tmp_path / "in", {"a.txt": PAGE_A, "b.txt": PAGE_B})
    summary = build([str(tmp_path / "in")], tmp_path / "out", tagger=tagger)
    assert (summary.documents, summary.added, summary.problems) == (2, 2, [])
    assert summary.characters == len(PAGE_A) + len(PAGE_B)
    assert summary.entities_by_type["PERSON"] >= 1 and summary.edges >= 1
    assert {"PERSON:王晓明", "PROJECT:太旧高速扩容改造"} <= {i.split("@")[0]
                                                      for i in entity_ids(tmp_path / "out")}
    graph = nx.read_graphml(tmp_path / "out" / "graph.graphml")
    node = next(data for _, data in graph.nodes(data=True) if data["label"] == "太旧高速扩容改造")
    assert node["type"] == "PROJECT" and node["mentions"] == 2
    assert all("weight" in data and "sentences" in data for *_, data in graph.edges(data=True))
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["graph.graphml", "kg.sqlite"]


def test_rerun_on_same_inputs_changes_nothing(tmp_path, tagger):
    write_pages(tmp_path / "in", {"a.txt": PAGE_A, "b.txt": PAGE_B})
    build([str(tmp_path / "in")], tmp_path / "out", tagger=tagger)
    before = digest(tmp_path / "out" / "kg.sqlite"), digest(tmp_path / "out" / "graph.graphml")
    summary = build([str(tmp_path / "in")], tmp_path / "out", tagger=tagger)
    assert (summary.added, summary.unchanged, summary.characters) == (0, 2, 0)
    assert (digest(tmp_path / "out" / "kg.sqlite"),
            digest(tmp_path / "out" / "graph.graphml")) == before


def test_new_files_are_added_and_changed_files_replaced(tmp_path, tagger):
    write_pages(tmp_path / "in", {"a.txt": PAGE_A})
    build([str(tmp_path / "in")], tmp_path / "out", tagger=tagger)
    write_pages(tmp_path / "in", {"a.txt": PAGE_A.replace("王晓明", "李红"), "b.txt": PAGE_B})
    summary = build([str(tmp_path / "in")], tmp_path / "out", tagger=tagger)
    assert (summary.added, summary.replaced, summary.unchanged) == (1, 1, 0)
    names = {i.split(":", 1)[1].split("@")[0] for i in entity_ids(tmp_path / "out")}
    assert "李红" in names and "王晓明" not in names
    with Store(tmp_path / "out" / "kg.sqlite", readonly=True) as store:
        assert store.stats()["documents"] == 2


def test_documents_tagged_by_another_model_are_tagged_again(tmp_path):
    write_pages(tmp_path / "in", {"a.txt": PAGE_A, "b.txt": PAGE_B})
    old_model = RulerTagger({"王晓明": "PERSON"})
    old_model.fingerprint = "old"
    build([str(tmp_path / "in")], tmp_path / "out", tagger=old_model)
    assert build([str(tmp_path / "in")], tmp_path / "out", tagger=old_model).unchanged == 2
    new_model = RulerTagger({"王晓明": "ORG"})
    new_model.fingerprint = "new"
    summary = build([str(tmp_path / "in")], tmp_path / "out", tagger=new_model)
    assert (summary.added, summary.replaced, summary.unchanged) == (0, 2, 0)
    assert any(i.startswith("ORG:王晓明") for i in entity_ids(tmp_path / "out"))
    assert not any(i.startswith("PERSON:王晓明") for i in entity_ids(tmp_path / "out"))
    with Store(tmp_path / "out" / "kg.sqlite", readonly=True) as store:
        assert store.stats()["documents"] == 2


def test_a_store_from_before_models_were_recorded_is_tagged_again_once(tmp_path):
    write_pages(tmp_path / "in", {"a.txt": PAGE_A})
    model = RulerTagger()
    model.fingerprint = "model"
    build([str(tmp_path / "in")], tmp_path / "out", tagger=model)
    with sqlite3.connect(tmp_path / "out" / "kg.sqlite") as db:
        db.execute("ALTER TABLE documents DROP COLUMN tagged_by")  # as an older kg wrote it
    assert build([str(tmp_path / "in")], tmp_path / "out", tagger=model).replaced == 1
    assert build([str(tmp_path / "in")], tmp_path / "out", tagger=model).unchanged == 1


class InterruptingTagger(RulerTagger):
    """Tags the first document, then acts as if the user pressed Ctrl-C."""

    def __init__(self):
        super().__init__()
        self.calls = 0

    def tag(self, text):
        self.calls += 1
        if self.calls > 1:
            raise KeyboardInterrupt
        return super().tag(text)


def test_interrupted_build_leaves_previous_store_and_no_temp_files(tmp_path, tagger):
    write_pages(tmp_path / "in", {"a.txt": PAGE_A})
    build([str(tmp_path / "in")], tmp_path / "out", tagger=tagger)
    before = digest(tmp_path / "out" / "kg.sqlite")
    write_pages(tmp_path / "in", {"b.txt": PAGE_B, "c.txt": PAGE_B + "又一页。"})
    with pytest.raises(KeyboardInterrupt):
        build([str(tmp_path / "in")], tmp_path / "out", tagger=InterruptingTagger())
    assert digest(tmp_path / "out" / "kg.sqlite") == before
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["graph.graphml", "kg.sqlite"]


def test_bad_folder_builds_every_readable_page_and_reports_the_rest(tmp_path, tagger):
    folder = tmp_path / "in"
    write_pages(folder, {"a.txt": PAGE_A})
    (folder / "gbk.txt").write_bytes(PAGE_B.encode("gbk"))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "cut.txt").write_bytes(PAGE_A.encode("utf-8")[:-2])
    reported = []
    summary = build([str(folder)], tmp_path / "out", tagger=tagger, report=reported.append)
    assert summary.added == 2  # a.txt and the GBK page
    assert [str(e) for e in reported] == summary.problems
    assert sorted(e.source.rsplit("/", 1)[1] for e in reported) == [
        "binary.txt", "cut.txt", "empty.txt"]
    assert "PROJECT:太旧高速扩容改造" in entity_ids(tmp_path / "out")


def test_two_jobs_build_the_same_store_as_one(tmp_path, tagger):
    pages = {f"{n}.txt": (PAGE_A if n % 2 else PAGE_B) + f"第{n}页。" for n in range(6)}
    write_pages(tmp_path / "in", pages)
    build([str(tmp_path / "in")], tmp_path / "one", tagger=tagger)
    build([str(tmp_path / "in")], tmp_path / "two", tagger=tagger, jobs=2)
    with Store(tmp_path / "one" / "kg.sqlite", readonly=True) as one, \
            Store(tmp_path / "two" / "kg.sqlite", readonly=True) as two:
        for read in ("iter_entities", "iter_aliases", "iter_edges", "iter_evidence"):
            assert list(getattr(one, read)()) == list(getattr(two, read)())


@pytest.fixture(scope="module")
def seeds_store(tmp_path_factory, tagger):
    out = tmp_path_factory.mktemp("seeds")
    build([str(SEEDS)], out, tagger=tagger)
    with Store(out / "kg.sqlite", readonly=True) as store:
        yield store


def test_each_city_paper_has_its_own_shiwei(seeds_store):
    regions = {d["region"] for d in seeds_store.iter_documents()}
    shiwei = {e["entity_id"] for e in seeds_store.iter_aliases() if e["alias"] == "市委"}
    assert len(shiwei) >= 3 and "ORG:市委" not in shiwei
    matches = lookup(seeds_store, "市委")
    found = {(m.name, m.region) for m in matches if "市委" in m.aliases}
    assert {m.id for m in matches if "市委" in m.aliases} == shiwei
    assert found == {("太原市委", "太原市"), ("大同市委", "大同市"), ("吕梁市委", "吕梁市")}
    assert {region for _, region in found} <= regions


def test_lookup_of_a_short_place_name_finds_the_city_with_its_aliases(seeds_store):
    match = lookup(seeds_store, "长治")[0]
    assert (match.name, match.type, match.region) == ("长治市", "PLACE", "山西省")
    assert {"我市", "全市"} <= set(match.aliases)
    assert match.located_in == ["山西省"] and "襄垣县" in match.contains


def test_seed_places_are_linked_up_to_the_province(seeds_store):
    entities = {e["id"]: e for e in seeds_store.iter_entities()}
    assert (entities["PLACE:长治市"]["division_code"],
            entities["PLACE:长治市"]["division_level"]) == ("140400", "city")
    edges = {(e["source"], e["target"]) for e in seeds_store.iter_edges("LOCATED_IN")}
    assert {("PLACE:襄垣县", "PLACE:长治市"), ("PLACE:长治市", "PLACE:山西省")} <= edges
    assert all(entities[child]["type"] == entities[parent]["type"] == "PLACE"
               for child, parent in edges)


COUNTY_PAGE = "襄垣县治水记\n\n本报讯 王晓明到襄垣县调研。襄垣县召开会议。\n"


def test_unmentioned_parents_connect_the_hierarchy_but_stay_out_of_graphml(tmp_path, tagger):
    write_pages(tmp_path / "in", {"a.txt": COUNTY_PAGE})
    build([str(tmp_path / "in")], tmp_path / "out", tagger=tagger)
    build([str(tmp_path / "in")], tmp_path / "out", tagger=tagger, min_weight=0.5)  # recompute
    with Store(tmp_path / "out" / "kg.sqlite", readonly=True) as store:
        entities = {e["id"]: e for e in store.iter_entities()}
        located_in = [(e["source"], e["target"]) for e in store.iter_edges("LOCATED_IN")]
    assert located_in == [("PLACE:襄垣县", "PLACE:长治市"), ("PLACE:长治市", "PLACE:山西省")]
    assert entities["PLACE:长治市"]["mentions"] == 0
    person = entities["PERSON:王晓明@长治市"]
    assert (person["name"], person["region"]) == ("王晓明", "长治市")
    graph = nx.read_graphml(tmp_path / "out" / "graph.graphml")
    assert "PLACE:长治市" not in graph  # LOCATED_IN is not drawn as co-occurrence
    assert graph.nodes["PERSON:王晓明@长治市"]["label"] == "王晓明"
    assert graph.nodes["PLACE:襄垣县"]["division_code"] == "140423"
    assert [set(edge) for edge in graph.edges] == [{"PERSON:王晓明@长治市", "PLACE:襄垣县"}]


def test_region_option_and_corpus_field_reach_resolution(tmp_path, tagger):
    corpus = tmp_path / "corpus.jsonl"
    rows = [{"text": "市委召开会议。", "region": "吕梁"}, {"text": "市委发文。", "region": "火星市"},
            {"text": "市委部署工作。"}]
    corpus.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    reported = []
    summary = build([str(corpus)], tmp_path / "out", tagger=tagger, region="大同",
                    report=reported.append, source_options={"region_field": "region"})
    assert [str(e) for e in reported] == [
        f"{corpus}#2: region '火星市' is not a Chinese administrative division"]
    assert (summary.documents, summary.added) == (2, 2)
    with Store(tmp_path / "out" / "kg.sqlite", readonly=True) as store:
        assert {(d["source"].rsplit("#")[1], d["region"]) for d in store.iter_documents()} == {
            ("1", "吕梁市"), ("3", "大同市")}
        assert {e["id"] for e in store.iter_entities()} == {"ORG:吕梁市委", "ORG:大同市委"}


def test_unknown_region_fails_before_any_work(tmp_path, tagger):
    write_pages(tmp_path / "in", {"a.txt": PAGE_A})
    with pytest.raises(KgError, match="火星市"):
        build([str(tmp_path / "in")], tmp_path / "out", tagger=tagger, region="火星市")
    assert not (tmp_path / "out").exists()


def test_outputs_get_the_usual_file_mode(tmp_path, tagger):
    write_pages(tmp_path / "in", {"a.txt": PAGE_A})
    old = os.umask(0o022)
    try:
        build([str(tmp_path / "in")], tmp_path / "out", tagger=tagger)
    finally:
        os.umask(old)
    for name in ("kg.sqlite", "graph.graphml"):
        assert stat.S_IMODE((tmp_path / "out" / name).stat().st_mode) == 0o644, name


def test_parallel_build_loads_the_gazetteer_in_the_parent_before_forking(tmp_path, tagger):
    write_pages(tmp_path / "in", {"a.txt": PAGE_A, "b.txt": PAGE_B})
    load_gazetteer.cache_clear()
    build([str(tmp_path / "in")], tmp_path / "out", tagger=tagger, jobs=2)
    # Workers resolve every document; only a load in the parent leaves it cached here.
    assert load_gazetteer.cache_info().currsize == 1
