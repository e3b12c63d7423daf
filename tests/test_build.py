import hashlib

import networkx as nx
import pytest
from ruler_tagger import RulerTagger

from kg.build import build
from kg.store import Store

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
