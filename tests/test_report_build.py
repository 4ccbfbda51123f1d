"""write_reports as a whole: which run, the summary it prints, what it keeps in the store."""

from __future__ import annotations

from datetime import datetime, timezone

import pandas as pd
import pytest
from sqlalchemy import func, select

from clinicscan.errors import ConfigError, RegistryError
from clinicscan.store.models import Page, RegistryEntry
from clinicscan.reports.build import write_reports
from clinicscan.reports.registry import load_registry
from test_report_helpers import AUTISM, add_page, add_run, build_world


def test_summary_describes_sites_pages_flags_claims_and_files(store, tmp_path):
    build_world(store)
    summary = write_reports(store, tmp_path)
    text = summary.describe()
    assert text.splitlines()[0] == ("report for run 1: 5 sites, 5 pages, 4 offering treatment, "
                                    "14 counting claims; 2 clinic(s) flagged")
    assert "  high      10  Brightwater Cell Clinic" in text
    assert "  low        4  Fernhollow Spine Clinic" in text
    assert "top claims without approval (clinics): " in text and "umbilical_cord for autism (1)" in text
    assert "blood_disorders" not in text  # the transplant centre's approved claims are not "top claims"
    assert text.endswith(f"wrote pages.csv, claims.csv, evidence.csv, clinics.csv, "
                         f"flagged_clinics.csv, businesses.csv, locations.csv, report.html to {tmp_path}")
    assert all(p.exists() for p in summary.files)


def test_default_is_the_latest_run_and_unknown_runs_are_named(store, tmp_path):
    with store.session() as s:
        old = add_run(s, "old", started=datetime(2025, 1, 1, tzinfo=timezone.utc))
        add_page(store, s, old, "old.example", "Fictional Old", claims=[
            ("condition", "autism", AUTISM, "asserted"), ("product_type", "umbilical_cord", AUTISM, "asserted")])
        new = add_run(s, "new", started=datetime(2026, 1, 1, tzinfo=timezone.utc))
        add_page(store, s, new, "new.example", "Fictional New")
    summary = write_reports(store, tmp_path)
    assert summary.run_id == new.id and summary.flagged_count == 0
    assert write_reports(store, tmp_path, run_id=old.id).flagged_count == 1
    with pytest.raises(ConfigError, match=r"no crawl run 42 .* known runs: 1, 2"):
        write_reports(store, tmp_path, run_id=42)


def test_empty_database_says_what_to_do(store, tmp_path):
    with pytest.raises(ConfigError, match="no crawl run .* run `clinicscan crawl`"):
        write_reports(store, tmp_path)


def test_registry_used_is_kept_in_the_store_and_a_bad_one_stops_before_writing(store, tmp_path):
    build_world(store)
    write_reports(store, tmp_path / "a")
    registry = load_registry()
    with store.session() as s:
        kinds = dict(s.execute(select(RegistryEntry.kind, func.count()).group_by(RegistryEntry.kind)).all())
    assert kinds == {"approval": len(registry.approvals), "late_stage": len(registry.late_stage),
                     "enforcement": len(registry.enforcement), "lawful_use": len(registry.lawful_uses)}
    bad = tmp_path / "approvals.csv"
    bad.write_text("basis,product_type,condition,product_name,indication,agency,date,source,accessed\n"
                   "approval,msc,gvhd,X,Use,FDA,2024-12-18,,2026-01-02\n")
    with pytest.raises(RegistryError, match=rf"{bad}:2: missing source"):
        write_reports(store, tmp_path / "b", registry_paths=[bad])
    assert not (tmp_path / "b").exists()


def test_pages_not_yet_extracted_are_listed_but_claim_nothing(store, tmp_path):
    with store.session() as s:
        run = add_run(s)
        site = store.upsert_site(s, "raw.example", "Fictional Raw", "https://raw.example/")
        s.add(Page(run_id=run.id, site_id=site.id, url="https://raw.example/", status=200))
    summary = write_reports(store, tmp_path)
    pages = pd.read_csv(tmp_path / "pages.csv", keep_default_na=False, dtype=str)
    assert pages.loc[0, "extracted"] == "False" and pages.loc[0, "offers_treatment"] == ""
    assert summary.flagged_count == 0 and summary.offering_pages == 0


def test_no_imported_trials_is_said_in_summary_html_and_reasons(store, tmp_path):
    with store.session() as s:
        run = add_run(s)
        add_page(store, s, run, "x.example", "Fictional X", claims=[
            ("condition", "autism", AUTISM, "asserted"), ("product_type", "umbilical_cord", AUTISM, "asserted")])
    summary = write_reports(store, tmp_path)
    assert "no ClinicalTrials.gov data imported" in summary.describe()
    assert "No ClinicalTrials.gov data has been imported" in (tmp_path / "report.html").read_text()
    flagged = pd.read_csv(tmp_path / "flagged_clinics.csv", keep_default_na=False)
    assert "trial count unknown" in flagged.loc[0, "reasons"]
