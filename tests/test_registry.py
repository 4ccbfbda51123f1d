"""The evidence registry: the shipped rows are sourced and valid; bad rows stop the report
with file:line; user files replace the shipped folder; enforcement matching."""

from __future__ import annotations

import csv

import pytest

from clinicscan.errors import RegistryError
from clinicscan.paths import registry_dir
from clinicscan.reports.registry import load_registry, normalise_business_name

APPROVALS_HEADER = "basis,product_type,condition,product_name,agency,date,scope_note,source\n"


def test_shipped_registry_loads_with_a_source_on_every_row():
    registry = load_registry()
    assert len(registry.approvals) >= 10 and registry.late_stage and registry.enforcement
    for row in [*registry.approvals, *registry.late_stage, *registry.enforcement]:
        assert row.source.strip(), row.origin


def test_shipped_registry_has_the_facts_the_report_relies_on():
    registry = load_registry()
    assert {a.product_name.split(" ")[0] for a in registry.approvals_for("msc", "gvhd")} == {"Ryoncil"}
    assert registry.approvals_for("bone_marrow", "blood_disorders")[0].basis == "established_practice"
    assert not registry.approvals_for("umbilical_cord", "autism")
    late = registry.late_stage_for({"msc"}, "back_pain")
    assert late and all(p.phase == "PHASE3" and "rexlemestrocel-L" in p.product_name for p in late)


def test_unconfirmed_facts_say_so_in_their_row():
    text = (registry_dir() / "approvals.csv").read_text(encoding="utf-8")
    omisirge = next(line for line in text.splitlines() if "Omisirge" in line)
    assert "UNCONFIRMED" in omisirge


def _write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("row, problem", [
    ("approval,msc,backache,X,FDA,2020-01-01,,Some source\n", "unknown condition id 'backache'"),
    ("approval,stemcell,gvhd,X,FDA,2020-01-01,,Some source\n", "unknown product_type id 'stemcell'"),
    ("approval,msc,gvhd,X,FDA,2020-01-01,,\n", "missing source"),
    ("approval,msc,gvhd,X,FDA,2020-13-01,,Some source\n", "bad date '2020-13-01'"),
    ("approval,msc,gvhd,X,FDA,01/02/2020,,Some source\n", "bad date '01/02/2020'"),
    ("approval,msc,gvhd,X,FDA,,,Some source\n", "missing date"),
    ("approved,msc,gvhd,X,FDA,2020,,Some source\n", "basis must be one of"),
])
def test_bad_approval_rows_name_file_and_line(tmp_path, row, problem):
    good = "approval,msc,gvhd,Fictional product,FDA,2024-12-18,,Some source\n"
    path = _write(tmp_path, "approvals.csv", APPROVALS_HEADER + good + row)
    with pytest.raises(RegistryError) as err:
        load_registry([path])
    assert f"{path}:3:" in str(err.value)
    assert problem in str(err.value)


def test_line_numbers_count_multiline_cells(tmp_path):
    text = (APPROVALS_HEADER
            + 'approval,msc,gvhd,X,FDA,2024-12-18,"a note\nover two lines",Some source\n'
            + "approval,msc,gvhd,X,FDA,2024-12-18,,\n")
    path = _write(tmp_path, "approvals.csv", text)
    with pytest.raises(RegistryError, match=rf"{path}:4: missing source"):
        load_registry([path])


def test_missing_column_and_unknown_table_are_reported(tmp_path):
    path = _write(tmp_path, "approvals.csv", "basis,product_type,condition\napproval,msc,gvhd\n")
    with pytest.raises(RegistryError, match=r"approvals.csv:1: missing column\(s\) product_name, source"):
        load_registry([path])
    other = _write(tmp_path, "notes.csv", "a,b\n1,2\n")
    with pytest.raises(RegistryError, match=r"notes.csv:1: cannot tell which registry table"):
        load_registry([other])


def test_bad_enforcement_and_late_stage_rows(tmp_path):
    path = _write(tmp_path, "enforcement.csv",
                  "business_name,domains,date,action_kind,agency,summary,source\n"
                  "Fictional Clinic,,2020-02-30,warning_letter,FDA,x,Letter\n"
                  "Other Clinic,,2020-02-01,phone_call,FDA,x,Letter\n")
    with pytest.raises(RegistryError) as err:
        load_registry([path])
    assert f"{path}:2: bad date '2020-02-30': no such calendar day" in str(err.value)
    assert f"{path}:3: action_kind must be one of" in str(err.value)
    late = _write(tmp_path, "late_stage.csv",
                  "product_type,condition,product_name,sponsor,phase,status,designation,study,note,source\n"
                  "msc,back_pain,X,Y,PHASE 3,COMPLETED,,,,Z\n")
    with pytest.raises(RegistryError, match=rf"{late}:2: phase 'PHASE 3' is not one of"):
        load_registry([late])


def test_user_folder_replaces_the_shipped_registry(tmp_path):
    folder = tmp_path / "my-registry"
    folder.mkdir()
    _write(folder, "approvals_eu.csv", APPROVALS_HEADER
           + "approval,adipose,inflammatory_bowel_disease,Fictional EU product,EMA,2018-03,,Named EU decision\n")
    registry = load_registry([folder])
    assert [a.product_name for a in registry.approvals] == ["Fictional EU product"]
    assert registry.late_stage == [] and registry.enforcement == []
    assert registry.files == [str(folder / "approvals_eu.csv")]


def test_file_recognised_by_header_when_name_says_nothing(tmp_path):
    path = _write(tmp_path, "letters-2026.csv",
                  "business_name,domains,date,action_kind,agency,summary,source\n"
                  "Fictional Regen Clinic LLC,fictional-regen.example,2026-01-05,warning_letter,FDA,x,Letter 1\n")
    registry = load_registry([path])
    assert registry.enforcement[0].domains == ("fictional-regen.example",)


def test_empty_folder_and_missing_path(tmp_path):
    with pytest.raises(RegistryError, match="no approvals"):
        load_registry([tmp_path])
    with pytest.raises(RegistryError, match="no such registry file"):
        load_registry([tmp_path / "nope.csv"])


@pytest.mark.parametrize("a, b", [
    ("U.S. Stem Cell Clinic, LLC", "US Stem Cell Clinic"),
    ("Fictional Regen Clinic Inc.", "fictional regen clinic"),
    ("Kimera Labs", "KIMERA LABS"),
])
def test_business_names_compare_without_punctuation_or_legal_suffix(a, b):
    assert normalise_business_name(a) == normalise_business_name(b)


def test_enforcement_matches_by_name_or_domain_but_not_by_part_of_a_name(tmp_path):
    path = _write(tmp_path, "enforcement.csv",
                  "business_name,domains,date,action_kind,agency,summary,source\n"
                  "Fictional Regen Clinic LLC,fictional-regen.example,2026-01-05,warning_letter,FDA,x,Letter 1\n")
    registry = load_registry([path])
    assert registry.enforcement_for("Fictional Regen Clinic", "other.example")
    assert registry.enforcement_for("Renamed Clinic", "www.fictional-regen.example")
    assert registry.enforcement_for("Renamed Clinic", "book.fictional-regen.example")
    assert not registry.enforcement_for("Fictional Regen Clinic of Texas", "other.example")
    assert not registry.enforcement_for("Renamed Clinic", "notfictional-regen.example")


def test_shipped_csvs_have_no_blank_cells_in_required_columns():
    for name in ("approvals.csv", "late_stage.csv", "enforcement.csv"):
        with (registry_dir() / name).open(encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
        assert rows, name
        assert all(r["source"].strip() for r in rows)


def test_spreadsheet_saved_csv_with_bom_and_crlf_loads(tmp_path):
    path = tmp_path / "approvals.csv"
    path.write_bytes(("\ufeff" + APPROVALS_HEADER + "approval,msc,gvhd,Fictional,FDA,2024-12-18,,Source\n")
                     .replace("\n", "\r\n").encode("utf-8"))
    assert load_registry([path]).approvals[0].origin == f"{path}:2"
    latin = tmp_path / "late_stage.csv"
    latin.write_bytes("product_type,condition,product_name,phase,source\nmsc,back_pain,Prodüct,PHASE3,S\n".encode("latin-1"))
    with pytest.raises(RegistryError, match="registry files are UTF-8 CSV"):
        load_registry([latin])
