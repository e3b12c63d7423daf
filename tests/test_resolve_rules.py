"""Each rule table in kg/data/resolve_*.tsv, through the functions that apply it."""

from pathlib import Path

import pytest

from kg.errors import InputError
from kg.resolve.gazetteer import load_gazetteer
from kg.resolve.names import Scope, company_full_name, expand_abbreviation, org_name, project_name
from kg.resolve.rules import load_rules, read_table

RULES = load_rules()


def scope(home, local=None):
    g = load_gazetteer()
    find = lambda name: g.by_name[name][0] if name else None  # noqa: E731
    return Scope(g, RULES, find(home), find(local or home))


def test_relative_prefixes_take_the_region_at_their_level():
    s = scope("长治市", "襄垣县")
    assert org_name("市委", s, []) == "长治市委"
    assert org_name("县委", s, []) == "襄垣县委"
    assert org_name("省委", s, []) == "山西省委"


def test_not_relative_words_keep_their_first_character():
    assert org_name("市场监管局", scope("长治市"), []) == "市场监督管理局"
    assert org_name("市市场监管局", scope("长治市"), []) == "长治市市场监督管理局"


def test_a_relative_body_without_a_region_at_its_level_stays_as_written():
    assert org_name("县委", scope("长治市"), []) == "县委"


def test_abbreviations_expand_the_body_name():
    assert org_name("省工信厅", scope("长治市"), []) == "山西省工业和信息化厅"
    assert expand_abbreviation("吕梁市发改委", RULES) == "吕梁市发展和改革委员会"
    assert expand_abbreviation("吕梁市食安办", RULES) == "吕梁市食品安全委员会办公室"
    assert expand_abbreviation("五台县教科局", RULES) == "五台县教育科技局"


def test_references_map_to_levels_and_capitals():
    s = scope("长治市", "襄垣县")
    assert s.at_level(RULES.references["我市"]).name == "长治市"
    assert s.at_level(RULES.references["全县"]).name == "襄垣县"
    assert s.at_level(RULES.references["我省"]).name == "山西省"
    assert s.at_level(RULES.references["省会"]).name == "太原市"


def test_place_suffixes_are_stripped_before_lookup():
    assert scope("长治市").place("长治地区")[0] == "长治市"


def test_company_short_forms_need_the_full_name_on_the_page():
    companies = ["山西正来制药有限公司", "山西振东制药股份有限公司"]
    assert company_full_name("正来制药", companies, RULES) == "山西正来制药有限公司"
    assert company_full_name("正来制药", [], RULES) is None
    assert company_full_name("制药", companies, RULES) is None  # ambiguous
    assert project_name("山西正来制药GMP易地技改项目", companies, RULES) == "山西正来制药有限公司GMP易地技改项目"


def test_user_tables_extend_the_shipped_ones(tmp_path):
    (tmp_path / "resolve_abbreviations.tsv").write_text("# mine\n能源局\t能源局\n大数据局\t大数据应用局\n", encoding="utf-8")
    rules = load_rules(tmp_path)
    assert rules.abbreviations["大数据局"] == "大数据应用局"
    assert rules.abbreviations["工信厅"] == "工业和信息化厅"


def test_a_malformed_table_names_the_file_and_line(tmp_path):
    bad = tmp_path / "resolve_references.tsv"
    bad.write_text("我市\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"resolve_references.tsv: line 1"):
        read_table(bad, 2)


def test_every_shipped_table_parses():
    assert all(Path(p).stat().st_size for p in Path(RULES.__module__.replace(".", "/")).parent.glob("*.tsv"))
    assert RULES.references and RULES.abbreviations and RULES.capitals and RULES.company_suffixes
