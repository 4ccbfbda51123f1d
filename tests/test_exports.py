"""Each export's columns and content, formula neutralisation and HTML escaping."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clinicscan.reports.build import write_reports
from clinicscan.reports.exports import (CLAIMS_COLUMNS, CLINICS_COLUMNS, EVIDENCE_COLUMNS, PAGES_COLUMNS,
                             flagged_columns, neutralise, write_csv)
from clinicscan.reports.business_tables import BUSINESS_COLUMNS, LOCATIONS_CSV_COLUMNS, PLACE_EXPORT_COLUMNS
from test_report_helpers import BACK, add_page, add_run, build_world

DICTIONARY = Path(__file__).resolve().parent.parent / "docs" / "data-dictionary.md"
FILES = {"pages.csv": PAGES_COLUMNS, "claims.csv": CLAIMS_COLUMNS, "evidence.csv": EVIDENCE_COLUMNS,
         "clinics.csv": CLINICS_COLUMNS + PLACE_EXPORT_COLUMNS,
         "flagged_clinics.csv": flagged_columns() + PLACE_EXPORT_COLUMNS,
         "businesses.csv": BUSINESS_COLUMNS, "locations.csv": LOCATIONS_CSV_COLUMNS}


def read(path):
    return pd.read_csv(path, keep_default_na=False, dtype=str)


@pytest.fixture
def world_report(store, tmp_path):
    build_world(store)
    summary = write_reports(store, tmp_path)
    return summary, tmp_path


def test_every_export_has_its_documented_columns(world_report):
    summary, out = world_report
    assert sorted(p.name for p in summary.files) == sorted([*FILES, "report.html"])
    for name, columns in FILES.items():
        with (out / name).open(encoding="utf-8") as handle:
            assert next(csv.reader(handle)) == columns, name
    dictionary = DICTIONARY.read_text(encoding="utf-8")
    for name, columns in FILES.items():
        for column in columns:
            column = re.sub(r"^quote_\d", "quote_N", column) if column.count("_") > 1 else column
            column = re.sub(r"^quote_\d$", "quote_1", column)
            assert f"`{column}`" in dictionary, f"{name}: {column} missing from docs/data-dictionary.md"


def test_pages_csv_one_row_a_page_with_ids_joined(world_report):
    _, out = world_report
    pages = read(out / "pages.csv").set_index("url")
    assert len(pages) == 5
    row = pages.loc["https://spine.example/treatments"]
    assert row["offers_treatment"] == "True" and row["conditions"] == "back_pain"
    assert row["product_types"] == "bone_marrow;msc" and row["red_flags"] == "avoid_surgery_claim"
    assert row["site"] == "Fernhollow Spine Clinic" and row["fetched_at"] == "2026-03-02T10:30:00Z"
    assert row["n_mentions"] == "4" and row["n_claims"] == "4" and row["warc_record_id"].startswith("<urn:uuid:")
    news = pages.loc["https://news.example/story"]
    assert news["offers_treatment"] == "False" and news["page_kind"] == "news" and news["n_claims"] == "0"


def test_claims_csv_one_row_a_claim_with_its_sentence(world_report):
    _, out = world_report
    claims = read(out / "claims.csv")
    assert len(claims) == 17
    back = claims[(claims["condition"] == "back_pain")].iloc[0]
    assert back["sentence"] == BACK and back["kind"] == "condition"
    assert back["product_type"] == "" and back["red_flag"] == "" and back["counts"] == "True"
    negated = claims[claims["condition"] == "parkinsons"].iloc[0]
    assert negated["context"] == "negated" and negated["counts"] == "False"
    reported = claims[claims["domain"] == "news.example"]
    assert set(reported["counts"]) == {"False"} and set(reported["page_offers_treatment"]) == {"False"}


def test_evidence_and_clinics_csv(world_report):
    _, out = world_report
    evidence = read(out / "evidence.csv")
    row = evidence[(evidence["domain"] == "spine.example") & (evidence["product_type"] == "bone_marrow")].iloc[0]
    assert (row["strength"], row["evidence_status"], row["n_trials"], row["flagged_claim"]) == \
        ("sentence", "in_trials", "1", "True")
    transplant = evidence[evidence["domain"] == "transplant.example"]
    assert set(transplant["evidence_status"]) == {"approved_for_this_use"}
    assert set(transplant["flagged_claim"]) == {"False"}
    clinics = read(out / "clinics.csv")
    assert len(clinics) == 5 and set(clinics[clinics["flagged"] == "True"]["domain"]) == {"spine.example", "hope.example"}


def test_report_html_is_self_contained_with_charts_and_flagged_quotes(world_report):
    _, out = world_report
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "<script" not in html.lower() and "<link" not in html.lower()
    assert not re.search(r'\ssrc=', html) and "@import" not in html and "url(" not in html
    assert html.count("<svg") >= 3
    assert "Brightwater Cell Clinic" in html and "Fernhollow Spine Clinic" in html
    assert "We treat degenerative disc disease with bone marrow concentrate injections." in html
    flagged_section = html[html.index('id="flagged"'):html.index('id="charts"')]
    assert "Lakemere" not in flagged_section and "Daily Tidings" not in flagged_section


HOSTILE = [
    ("=", '=HYPERLINK("http://evil.example","x")'), ("+", "+1 555 0100 call now"),
    ("-", "-2+3 cures everything"), ("@", "@SUM(A1:A9)"), ("tab", "\t=1+1"), ("cr", "\r=1+1"),
]


@pytest.mark.parametrize("name, value", HOSTILE, ids=[n for n, _ in HOSTILE])
def test_formula_cells_are_neutralised_in_every_text_column(store, tmp_path, name, value):
    with store.session() as s:
        run = add_run(s)
        add_page(store, s, run, "evil.example", value, title=value, text=value + " Stem cells for autism.", claims=[
            ("condition", "autism", value, "asserted"), ("product_type", "umbilical_cord", value, "asserted")])
    write_reports(store, tmp_path)
    for file in FILES:
        with (tmp_path / file).open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                for column, cell in row.items():
                    assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (file, column, cell)
    pages = read(tmp_path / "pages.csv")
    assert pages.loc[0, "title"] == "'" + value and pages.loc[0, "site"] == "'" + value
    flagged = read(tmp_path / "flagged_clinics.csv")
    assert flagged.loc[0, "quote_1"] == "'" + value


def test_numeric_and_boolean_columns_are_left_alone():
    frame = pd.DataFrame({"score": [-3, 4], "offer_score": [-0.5, 1.0], "flagged": [True, False],
                          "note": ["-3", "ok"]})
    out = neutralise(frame)
    assert list(out["score"]) == [-3, 4] and list(out["offer_score"]) == [-0.5, 1.0]
    assert list(out["flagged"]) == [True, False] and list(out["note"]) == ["'-3", "ok"]


def test_page_text_is_escaped_in_the_html(store, tmp_path):
    evil = "<script>alert('x')</script> We treat autism with <b>cord</b> cells & more."
    with store.session() as s:
        run = add_run(s)
        add_page(store, s, run, "xss.example", "<img src=x onerror=alert(1)> Clinic", title=evil, claims=[
            ("condition", "autism", evil, "asserted"), ("product_type", "umbilical_cord", evil, "asserted")])
    write_reports(store, tmp_path)
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "<script" not in html and "<img" not in html and "<b>cord</b>" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt; Clinic" in html


def test_javascript_urls_are_never_links(store, tmp_path):
    with store.session() as s:
        run = add_run(s)
        page = add_page(store, s, run, "js.example", "Fictional JS", claims=[
            ("condition", "autism", BACK, "asserted"), ("product_type", "exosome", BACK, "asserted")])
        page.url = "javascript:alert(1)"
    write_reports(store, tmp_path)
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert 'href="javascript' not in html and "javascript:alert(1)" in html


def test_empty_run_still_writes_every_file_with_headers(store, tmp_path):
    with store.session() as s:
        add_run(s)
    summary = write_reports(store, tmp_path)
    assert summary.flagged_count == 0 and summary.pages == 0
    for name, columns in FILES.items():
        assert list(read(tmp_path / name).columns) == columns
    assert "No clinic is flagged" in (tmp_path / "report.html").read_text(encoding="utf-8")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(), min_size=1, max_size=5))
def test_any_text_round_trips_through_csv_safely(tmp_path_factory, cells):
    path = tmp_path_factory.mktemp("csv") / "t.csv"
    write_csv(pd.DataFrame({"text": cells}), path)
    with path.open(encoding="utf-8", newline="") as handle:
        read_back = [row["text"] for row in csv.DictReader(handle)]
    expected = ["'" + c if c.startswith(("=", "+", "-", "@", "\t", "\r")) else c for c in cells]
    assert read_back == expected
