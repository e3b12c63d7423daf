"""The five seed pages: each city paper's 市委 is its own entity, and each page's home region."""

import re
from pathlib import Path

from kg.mention import Mention
from kg.resolve import resolve_document
from kg.segment import split_articles

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))
BARE_SHIWEI = re.compile(r"(?<![\u4e00-\u9fff])市委|(?<=[，。、,\s])市委")  # 市委 with no place before it


def resolve_seed(path):
    text = path.read_text(encoding="utf-8")
    mentions = [Mention(m.start(), m.end(), "市委", "ORG") for m in BARE_SHIWEI.finditer(text)]
    return resolve_document(text, split_articles(text), mentions)


def test_home_regions_of_the_seed_pages():
    regions = [resolve_seed(p).region for p in SEEDS]
    assert regions == ["长治市", "大同市", "太原市", "山西省", "吕梁市"]


def test_each_city_paper_has_its_own_shiwei():
    ids = {}
    for path in SEEDS:
        doc = resolve_seed(path)
        found = {r.entity_id for r in doc.mentions if r.mention.text == "市委"}
        if found:
            assert found == {f"ORG:{doc.region}委"}, path.name
            ids[path.name] = found.pop()
    assert len(ids) >= 2 and len(set(ids.values())) == len(ids)
