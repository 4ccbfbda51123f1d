"""The evidence registry: every shipped row is sourced, dated and of the right form; the rows
the audit (issue 13) corrected say what the sources say; bad rows stop the report with
file:line; user files replace the shipped folder; enforcement never matches on a name alone."""

from __future__ import annotations

import csv

import pytest

from clinicscan.errors import RegistryError
from clinicscan.paths import registry_dir
from clinicscan.reports.registry import (COLUMNS, SOURCE_FORM, TABLES, load_registry,
                                         normalise_business_name)

APPROVALS_HEADER = "basis,product_type,condition,product_name,indication,agency,date,date_note,source,accessed\n"
ENFORCEMENT_HEADER = "business_name,domains,state,country,date,action_kind,agency,summary,source,accessed\n"
SRC = "Named test document https://example.org/fictional-source"


def _shipped_rows(table):
    with (registry_dir() / f"{table}.csv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize("table", TABLES)
def test_every_shipped_row_has_a_source_of_the_right_form_and_an_access_date(table):
    rows = _shipped_rows(table)
    assert rows, table
    with (registry_dir() / f"{table}.csv").open(encoding="utf-8") as handle:
        assert tuple(next(csv.reader(handle))) == COLUMNS[table]
    for line, row in enumerate(rows, 2):
        where = f"{table}.csv:{line}"
        assert SOURCE_FORM.search(row["source"]), f"{where}: no URL or legal citation in {row['source']!r}"
        assert len(row["accessed"]) == 10 and row["accessed"][4] == "-", f"{where}: no access date"
        if row.get("date") and len(row["date"]) < 10:
            assert row["date_note"].strip(), f"{where}: {row['date']} is not a day and date_note does not say why"


def test_the_source_form_check_rejects_a_bare_name():
    assert not SOURCE_FORM.search("Mesoblast announcements")
    assert not SOURCE_FORM.search("FDA warning letter to Liveyon, 5 Dec 2019")
    for good in ("https://www.fda.gov/x", "21 CFR 1271.15", "998 F.3d 1302", "403 F.Supp.3d 1279",
                 "9th Cir. No. 22-56014"):
        assert SOURCE_FORM.search(good), good


def test_shipped_registry_loads():
    registry = load_registry()
    assert len(registry.approvals) >= 20 and len(registry.late_stage) >= 5
    assert len(registry.enforcement) >= 15 and registry.lawful_uses


def _approval(name, indication_word=""):
    rows = [a for a in load_registry().approvals if a.product_name == name
            and indication_word.lower() in a.indication.lower()]
    assert len(rows) == 1, (name, rows)
    return rows[0]


def test_approvals_are_named_products_with_indication_population_and_date():
    ryoncil = _approval("Ryoncil")
    assert (ryoncil.product_type, ryoncil.condition, ryoncil.date) == ("msc", "gvhd", "2024-12-18")
    assert "pediatric" in ryoncil.population and "2 months" in ryoncil.population and "not adults" in ryoncil.population
    assert "Steroid-refractory acute" in ryoncil.indication and ryoncil.sponsor == "Mesoblast"
    assert "Ryoncil" in ryoncil.match_names
    omisirge_saa = _approval("Omisirge", "aplastic")
    assert omisirge_saa.date == "2025-12" and "8 Dec 2025" in omisirge_saa.date_note
    assert "UNCONFIRMED" not in omisirge_saa.note + omisirge_saa.indication  # confirmed by the audit
    assert "6 years" in omisirge_saa.population
    assert _approval("Omisirge", "blood cancers").date == "2023-04-17"
    for name, date in (("Casgevy", "2023-12-08"), ("Lyfgenia", "2023-12-08"), ("Amtagvi", "2024-02-16"),
                       ("Encelto", "2025-03-05"), ("Zevaskyn", "2025-04-29"), ("StrataGraft", "2021-06-15"),
                       ("Laviv", "2011-06-21"), ("Lantidra", "2023-06-28"), ("Regenecyte", "2024-11-20")):
        assert _approval(name).date == date, name
    assert _approval("HPC, Cord Blood (MD Anderson Cord Blood Bank)").date == "2018"
    # products of no vocabulary type are listed, but never as "of this type"
    assert _approval("Lantidra").product_type == ""


def test_transplant_rows_cite_the_regulation_not_the_consumer_alert():
    registry = load_registry()
    established = [a for a in registry.approvals if a.basis == "established_practice"]
    assert {a.product_type for a in established} == {"bone_marrow", "peripheral_blood", "cord_blood"}
    for row in established:
        assert "21 CFR 1271.3(d)" in row.source and "21 CFR 1271.15" in row.source
        assert "consumer-alert" not in row.source
        assert row.setting == "transplant_centre"


def _actions(name):
    return [x for x in load_registry().enforcement if x.business_name == name]


def test_corrected_enforcement_rows():
    genetech = _actions("Genetech")[0]
    assert genetech.date == "2018-11-29" and "20 Dec 2018" in genetech.summary
    assert "12 patients in 3 states" in genetech.summary
    liveyon = _actions("Liveyon Labs")[0]
    assert "PURE" in liveyon.summary and "manufacturing" in liveyon.summary and liveyon.domains == ("liveyon.com",)
    assert "Liveyon" in liveyon.other_names
    invitrx = _actions("Invitrx Therapeutics")
    assert [x.date for x in invitrx] == ["2020-03-16", "2022-11-09"] and invitrx[0].domains == ("invitrx.com",)
    assert "exosome" not in invitrx[0].summary.split("(")[0].lower()
    assert "not exosomes" in _actions("Infuze MD")[0].summary
    injunction = next(x for x in _actions("US Stem Cell Clinic") if x.action_kind == "injunction")
    assert injunction.date == "2019-06-25" and "3 Jun 2019" in injunction.summary and injunction.state == "Florida"
    assert [x.date for x in _actions("Kimera Labs")] == ["2020-04-10", "2023-09-01"]
    assert _actions("Utah Cord Bank")[0].domains == ("fiorbio.com",)
    ftc = _actions("Regenerative Medical Group")[0]
    assert ftc.agency == "FTC" and ftc.name_is_generic and ftc.date == "2018-10-18"
    assert _actions("Stem Cell Institute of America")[0].date == "2024-12-26"
    derges = _actions("Ozark Valley Medical Clinic")[0]
    assert derges.action_kind == "criminal_case" and derges.state == "Missouri"


def test_late_stage_rows_are_not_approved_products():
    registry = load_registry()
    names = {p.product_name.split(" ")[0] for p in registry.late_stage}
    assert {"rexlemestrocel-L", "ReNu", "Revascor", "NurOwn"} <= names
    assert all("NOT approved" in p.note for p in registry.late_stage)
    renu = registry.late_stage_for({"amniotic"}, "osteoarthritis")
    assert renu and renu[0].sponsor == "Organogenesis"


def test_unconfirmed_facts_say_so_in_their_row():
    casgevy = _approval("Casgevy")
    assert "UNCONFIRMED" in casgevy.note and "sponsor" in casgevy.note


def test_lawful_uses_cite_the_regulation():
    for rule in load_registry().lawful_uses:
        assert rule.citation.startswith("21 CFR 1271")
        assert rule.product_type == "amniotic"


def _write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


GOOD = f"approval,msc,gvhd,Fictional product,Fictional use,FDA,2024-12-18,,{SRC},2026-01-02\n"


@pytest.mark.parametrize("row, problem", [
    (f"approval,msc,backache,X,Use,FDA,2020-01-01,,{SRC},2026-01-02\n", "unknown condition id 'backache'"),
    (f"approval,stemcell,gvhd,X,Use,FDA,2020-01-01,,{SRC},2026-01-02\n", "unknown product_type id 'stemcell'"),
    ("approval,msc,gvhd,X,Use,FDA,2020-01-01,,,2026-01-02\n", "missing source"),
    ("approval,msc,gvhd,X,Use,FDA,2020-01-01,,Mesoblast announcements,2026-01-02\n", "source has no URL or legal citation"),
    (f"approval,msc,gvhd,X,Use,FDA,2020-01-01,,{SRC},\n", "missing accessed"),
    (f"approval,msc,gvhd,X,Use,FDA,2020-01-01,,{SRC},2026-01\n", "accessed '2026-01' must be the day"),
    (f"approval,msc,gvhd,X,Use,FDA,2020-13-01,,{SRC},2026-01-02\n", "bad date '2020-13-01'"),
    (f"approval,msc,gvhd,X,Use,FDA,01/02/2020,,{SRC},2026-01-02\n", "bad date '01/02/2020'"),
    (f"approval,msc,gvhd,X,Use,FDA,,,{SRC},2026-01-02\n", "missing date"),
    (f"approval,msc,gvhd,X,Use,FDA,2020-05,,{SRC},2026-01-02\n", "date '2020-05' is not a full day: say in date_note why"),
    (f"approved,msc,gvhd,X,Use,FDA,2020,year only,{SRC},2026-01-02\n", "basis must be one of"),
    (f"approval,msc,gvhd,X,,FDA,2020-01-01,,{SRC},2026-01-02\n", "missing indication"),
])
def test_bad_approval_rows_name_file_and_line(tmp_path, row, problem):
    path = _write(tmp_path, "approvals.csv", APPROVALS_HEADER + GOOD + row)
    with pytest.raises(RegistryError) as err:
        load_registry([path])
    assert f"{path}:3:" in str(err.value)
    assert problem in str(err.value)


def test_line_numbers_count_multiline_cells(tmp_path):
    text = (APPROVALS_HEADER
            + f'approval,msc,gvhd,X,"a use\nover two lines",FDA,2024-12-18,,{SRC},2026-01-02\n'
            + "approval,msc,gvhd,X,Use,FDA,2024-12-18,,,2026-01-02\n")
    path = _write(tmp_path, "approvals.csv", text)
    with pytest.raises(RegistryError, match=rf"{path}:4: missing source"):
        load_registry([path])


def test_missing_column_and_unknown_table_are_reported(tmp_path):
    path = _write(tmp_path, "approvals.csv", "basis,product_type,condition\napproval,msc,gvhd\n")
    with pytest.raises(RegistryError, match=r"approvals.csv:1: missing column\(s\) product_name, indication, source, accessed"):
        load_registry([path])
    other = _write(tmp_path, "notes.csv", "a,b\n1,2\n")
    with pytest.raises(RegistryError, match=r"notes.csv:1: cannot tell which registry table"):
        load_registry([other])


def test_bad_enforcement_late_stage_and_lawful_use_rows(tmp_path):
    path = _write(tmp_path, "enforcement.csv", ENFORCEMENT_HEADER
                  + f"Fictional Clinic,,,,2020-02-30,warning_letter,FDA,x,{SRC},2026-01-02\n"
                  + f"Other Clinic,,,,2020-02-01,phone_call,FDA,x,{SRC},2026-01-02\n")
    with pytest.raises(RegistryError) as err:
        load_registry([path])
    assert f"{path}:2: bad date '2020-02-30': no such calendar day" in str(err.value)
    assert f"{path}:3: action_kind must be one of" in str(err.value)
    late = _write(tmp_path, "late_stage.csv",
                  "product_type,condition,product_name,sponsor,phase,status,designation,study,note,source,accessed\n"
                  f"msc,back_pain,X,Y,PHASE 3,COMPLETED,,,,{SRC},2026-01-02\n")
    with pytest.raises(RegistryError, match=rf"{late}:2: phase 'PHASE 3' is not one of"):
        load_registry([late])
    lawful = _write(tmp_path, "lawful_uses.csv",
                    "rule_id,product_type,condition,use,shows_use,why,citation,source,accessed\n"
                    f"r1,amniotic,wound_healing,a use,(unclosed,why,21 CFR 1271.10(a),{SRC},2026-01-02\n")
    with pytest.raises(RegistryError, match=rf"{lawful}:2: shows_use is not a valid regular expression"):
        load_registry([lawful])


def test_user_folder_replaces_the_shipped_registry(tmp_path):
    folder = tmp_path / "my-registry"
    folder.mkdir()
    _write(folder, "approvals_eu.csv", APPROVALS_HEADER
           + f"approval,adipose,inflammatory_bowel_disease,Fictional EU product,Perianal fistulas,EMA,2018-03,month only,{SRC},2026-01-02\n")
    registry = load_registry([folder])
    assert [a.product_name for a in registry.approvals] == ["Fictional EU product"]
    assert registry.late_stage == [] and registry.enforcement == [] and registry.lawful_uses == []
    assert registry.files == [str(folder / "approvals_eu.csv")]


def test_file_recognised_by_header_when_name_says_nothing(tmp_path):
    path = _write(tmp_path, "letters-2026.csv", ENFORCEMENT_HEADER
                  + f"Fictional Regen Clinic LLC,fictional-regen.example,,,2026-01-05,warning_letter,FDA,x,{SRC},2026-01-06\n")
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


def test_enforcement_needs_a_domain_or_a_name_with_its_place(tmp_path):
    path = _write(tmp_path, "enforcement.csv",
                  "business_name,other_names,name_is_generic,domains,state,country,date,action_kind,agency,summary,source,accessed\n"
                  f"Fictional Regen Clinic LLC,,no,fictional-regen.example,Florida,United States,2026-01-05,warning_letter,FDA,x,{SRC},2026-01-06\n"
                  f"Fictional Cell Labs,Fictional Cell Lab,no,,,United States,2026-01-05,warning_letter,FDA,x,{SRC},2026-01-06\n"
                  f"Regen Medical Group,,yes,,,United States,2026-01-05,settlement,FTC,x,{SRC},2026-01-06\n")
    registry = load_registry([path])

    def on(*args):
        return [m.matched_on for m in registry.enforcement_for(*args)]

    assert on("Renamed Clinic", "www.fictional-regen.example") == ["domain fictional-regen.example"]
    assert on("Renamed Clinic", "book.fictional-regen.example") == ["domain fictional-regen.example"]
    assert not on("Renamed Clinic", "notfictional-regen.example")
    # the name with its state matches (full name or postal code); the name alone does not
    assert on("Fictional Regen Clinic", "other.example", "FL", "US") == \
        ["name 'Fictional Regen Clinic LLC' and state Florida"]
    assert not on("Fictional Regen Clinic", "other.example", "Texas", "US")
    assert not on("Fictional Regen Clinic", "other.example", None, None)
    assert not on("Fictional Regen Clinic of Texas", "other.example", "Florida", "US")
    # a row with no state: the name plus the country, by any of its names
    assert on("Fictional Cell Lab", "x.example", "Ohio", "USA") == \
        ["name 'Fictional Cell Lab' and country United States"]
    assert not on("Fictional Cell Labs", "x.example", "Ontario", "Canada")
    # a generic name needs a domain or a state: a same-named clinic is not accused
    assert not on("Regen Medical Group", "innocent.example", "Ohio", "United States")


def test_spreadsheet_saved_csv_with_bom_and_crlf_loads(tmp_path):
    path = tmp_path / "approvals.csv"
    path.write_bytes(("\ufeff" + APPROVALS_HEADER + GOOD).replace("\n", "\r\n").encode("utf-8"))
    assert load_registry([path]).approvals[0].origin == f"{path}:2"
    latin = tmp_path / "late_stage.csv"
    latin.write_bytes("product_type,condition,product_name,phase,source,accessed\nmsc,back_pain,Prodüct,PHASE3,S,2026-01-02\n".encode("latin-1"))
    with pytest.raises(RegistryError, match="registry files are UTF-8 CSV"):
        load_registry([latin])
