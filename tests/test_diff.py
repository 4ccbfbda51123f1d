"""Clinics and claims added or dropped between two crawl runs."""

from __future__ import annotations

from datetime import datetime, timezone

import pandas as pd
import pytest

from clinicscan.errors import ConfigError
from clinicscan.reports.diff import CLAIM_COLUMNS, CLINIC_COLUMNS, diff_runs
from test_report_helpers import AUTISM, BACK, add_page, add_run


def two_runs(store):
    with store.session() as s:
        a = add_run(s, "first", started=datetime(2026, 1, 1, tzinfo=timezone.utc))
        add_page(store, s, a, "spine.example", "Fictional Spine", "/t", claims=[
            ("condition", "back_pain", BACK, "asserted"), ("product_type", "bone_marrow", BACK, "asserted"),
            ("red_flag", "cure_claim", "Stem cells regrow your discs.", "asserted")])
        add_page(store, s, a, "gone.example", "Fictional Gone", claims=[
            ("condition", "autism", AUTISM, "asserted"), ("product_type", "umbilical_cord", AUTISM, "asserted")])
        add_page(store, s, a, "same.example", "Fictional Same", claims=[
            ("condition", "osteoarthritis", "Stem cells for knee arthritis.", "asserted")])
        b = add_run(s, "second", started=datetime(2026, 6, 1, tzinfo=timezone.utc))
        add_page(store, s, b, "spine.example", "Fictional Spine", "/moved", claims=[
            ("condition", "back_pain", "  We treat degenerative disc disease   with bone marrow concentrate injections.", "asserted"),
            ("product_type", "bone_marrow", BACK, "asserted"),
            ("condition", "neck_pain", "Neck pain too.", "asserted"),
            ("red_flag", "cure_claim", "Stem cells regrow your discs.", "negated")])
        add_page(store, s, b, "new.example", "Fictional New", claims=[
            ("condition", "autism", AUTISM, "asserted"), ("product_type", "umbilical_cord", AUTISM, "asserted")])
        add_page(store, s, b, "same.example", "Fictional Same", claims=[
            ("condition", "osteoarthritis", "Stem cells for knee arthritis.", "asserted")])
        return a.id, b.id


def test_diff_finds_added_dropped_and_changed_clinics_and_claims(store, tmp_path):
    a, b = two_runs(store)
    result = diff_runs(store, a, b)
    clinics = result.clinics.set_index("domain")
    assert set(clinics.index) == {"spine.example", "gone.example", "new.example"}
    assert clinics.loc["gone.example", "change"] == "dropped" and clinics.loc["new.example", "change"] == "added"
    spine = clinics.loc["spine.example"]
    assert spine["change"] == "changed" and spine["conditions_added"] == "neck_pain"
    assert spine["red_flags_dropped"] == "cure_claim" and spine["conditions_dropped"] == ""
    claims = result.claims
    spine_claims = claims[claims["domain"] == "spine.example"]
    # the back-pain sentence moved page and gained whitespace: the same claim, not a change
    assert sorted(zip(spine_claims["change"], spine_claims["vocab_id"])) == [
        ("added", "neck_pain"), ("dropped", "cure_claim")]
    assert set(claims[claims["domain"] == "gone.example"]["change"]) == {"dropped"}
    assert "clinics 1 added, 1 dropped, 1 changed" in result.describe()

    written = result.write(tmp_path)
    assert [p.name for p in written] == ["diff_clinics.csv", "diff_claims.csv"]
    assert list(pd.read_csv(tmp_path / "diff_clinics.csv").columns) == CLINIC_COLUMNS
    frame = pd.read_csv(tmp_path / "diff_claims.csv", keep_default_na=False)
    assert list(frame.columns) == CLAIM_COLUMNS and len(frame) == len(claims)
    assert set(frame[frame["change"] == "added"]["fetched_at"]) == {"2026-03-02T10:30:00Z"}


def test_diff_of_a_run_with_itself_is_empty(store):
    a, _ = two_runs(store)
    result = diff_runs(store, a, a)
    assert result.clinics.empty and result.claims.empty
    assert "clinics 0 added, 0 dropped, 0 changed; claims 0 added, 0 dropped" in result.describe()


def test_diff_names_unknown_runs(store):
    a, b = two_runs(store)
    with pytest.raises(ConfigError, match=rf"there is no crawl run 99 .*known runs: {a}, {b}"):
        diff_runs(store, a, 99)
