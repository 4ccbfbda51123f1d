"""Issue 9: the linear pairing and the bulk read path give what the old code gave.

The reference is tests/reference_report.py (the pre-issue-9 ``pair_claims``, ``load_run`` and
CSV builders, verbatim). Compared on random sites (hypothesis), on the demo web and the dev
set (extracted for real), and on PostgreSQL with the same rows.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import insert, select

import reference_report as reference
from clinicscan.nlp.extract import extract_local_files
from clinicscan.paths import data_dir, demo_dir
from clinicscan.reports.build import write_reports
from clinicscan.reports.dataset import load_run
from clinicscan.reports.pairing import pair_claims
from clinicscan.store import open_store
from clinicscan.store.models import Base

EXPORTS = ["pages.csv", "claims.csv", "evidence.csv", "clinics.csv", "flagged_clinics.csv", "report.html"]


# ------------------------------------------------------------------ random sites

CONDITIONS = ["back_pain", "autism", "als"]
PRODUCTS = ["msc", "prp", "umbilical_cord"]


@st.composite
def claim_frames(draw):
    """Claims of a few small sites: every section, context and sentence sharing a pairing
    can meet, including menus only, equal offsets and pages without products."""
    rows = []
    claim_id = 0
    for site_id in range(1, draw(st.integers(1, 3)) + 1):
        for page in range(draw(st.integers(1, 4))):
            page_id = site_id * 10 + page
            for _ in range(draw(st.integers(0, 8))):
                kind = draw(st.sampled_from(["condition", "product_type", "red_flag"]))
                vocab = draw(st.sampled_from(CONDITIONS if kind == "condition" else PRODUCTS
                                             if kind == "product_type" else ["cure_claim"]))
                sent = draw(st.integers(0, 3)) * 100
                start = sent + draw(st.integers(0, 5))
                claim_id += 1
                rows.append({
                    "claim_id": claim_id, "page_id": page_id, "site_id": site_id, "kind": kind, "vocab_id": vocab,
                    "start": start, "sent_start": sent, "sentence": f"s{page_id}-{sent}" + draw(st.sampled_from(["", "x"])),
                    "section": draw(st.sampled_from(["main", "list", "nav"])),
                    "context": draw(st.sampled_from(["asserted", "hedged"])),
                    "counts": draw(st.booleans()) or draw(st.booleans()),
                    "url": f"https://s{site_id}.example/{page}", "fetched_at": f"2026-01-0{page + 1}",
                    "warc_record_id": f"<urn:{page_id}>", "page_kind": draw(st.sampled_from(["clinic", "transplant"])),
                })
    frame = pd.DataFrame(rows, columns=["claim_id", "page_id", "site_id", "kind", "vocab_id", "start", "sent_start",
                                        "sentence", "section", "context", "counts", "url", "fetched_at",
                                        "warc_record_id", "page_kind"])
    return frame.sort_values(["page_id", "start", "kind"], kind="stable", ignore_index=True)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(claim_frames())
def test_linear_pairing_matches_the_quadratic_walk_on_random_sites(claims):
    expected = reference.pair_claims(claims)
    assert_same_pairs(pair_claims(claims), expected)
    # sites paired a group at a time (a group of one site, of about 5 claims) give the same rows
    assert_same_pairs(pair_claims(claims, batch_claims=1), expected)
    assert_same_pairs(pair_claims(claims, batch_claims=5), expected)


def test_categorical_columns_pair_like_plain_ones():
    claims = pd.DataFrame({
        "page_id": [1, 1, 2], "site_id": [1, 1, 1], "kind": ["condition", "product_type", "condition"],
        "vocab_id": ["back_pain", "msc", "autism"], "start": [0, 5, 0], "sent_start": [0, 0, 0],
        "sentence": ["a", "a", "b"], "section": ["main", "main", "nav"], "context": ["asserted", "hedged", "asserted"],
        "counts": [True, True, True], "url": ["u1", "u1", "u2"], "fetched_at": ["t", "t", "t"],
        "warc_record_id": ["w1", "w1", "w2"], "page_kind": ["clinic", "clinic", "clinic"]})
    categorical = claims.astype({c: "category" for c in ("kind", "vocab_id", "section", "context", "page_kind")})
    assert_same_pairs(pair_claims(categorical), reference.pair_claims(claims))
    assert list(pair_claims(categorical)["strength"]) == ["site", "sentence"]


def assert_same_pairs(new: pd.DataFrame, old: pd.DataFrame) -> None:
    assert list(new.columns) == list(old.columns)
    assert len(new) == len(old)
    if not len(old):
        return
    new = new.astype(object).reset_index(drop=True)
    old = old.astype(object).reset_index(drop=True)
    for column in old.columns:
        assert new[column].tolist() == old[column].tolist(), column


# ------------------------------------------------------------------ the demo web and the dev set

@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """The demo's ten sites (a folder each) and the dev set's 172 pages (one big site),
    extracted for real into one SQLite store: run 1 and run 2."""
    folder = tmp_path_factory.mktemp("scale")
    url = f"sqlite:///{folder / 'extracted.db'}"
    with open_store(url) as store:
        demo = extract_local_files(store, sorted((demo_dir() / "sites").iterdir()), workers=1)
        dev = extract_local_files(store, [data_dir() / "devset" / "pages"], workers=1)
    return url, {"demo": demo, "devset": dev}


@pytest.mark.parametrize("run", ["demo", "devset"])
def test_pairing_on_real_extractions_matches_the_reference(extracted, run):
    url, runs = extracted
    with open_store(url) as store:
        old_claims = reference.load_run(store, runs[run]).claims
        new_claims = load_run(store, runs[run]).claims
    expected = reference.pair_claims(old_claims)
    assert len(expected) > (20 if run == "demo" else 40)
    assert_same_pairs(pair_claims(old_claims), expected)
    assert_same_pairs(pair_claims(new_claims), expected)
    assert_same_pairs(pair_claims(new_claims, batch_claims=50), expected)


@pytest.mark.parametrize("engine", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
@pytest.mark.parametrize("run", ["demo", "devset"])
def test_every_export_is_byte_for_byte_what_the_reference_wrote(extracted, run, engine, request, tmp_path):
    url, runs = extracted
    if engine == "postgresql":
        url = copy_store(url, request.getfixturevalue("pg_url"))
    with open_store(url) as store:
        reference.write_reference_reports(store, _mk(tmp_path / "old"), runs[run])
        write_reports(store, tmp_path / "new", runs[run])
    for name in EXPORTS:
        old, new = (tmp_path / "old" / name).read_bytes(), (tmp_path / "new" / name).read_bytes()
        assert new == old, f"{run} {engine}: {name} differs"
    assert (tmp_path / "old" / "claims.csv").read_bytes().count(b"\r\n") > 100


def _mk(path: Path) -> Path:
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)
    return path


def copy_store(source_url: str, target_url: str) -> str:
    """Every row of the SQLite store into the PostgreSQL one (ids kept)."""
    with open_store(source_url) as source, open_store(target_url) as target:
        with source.engine.connect() as read, target.engine.begin() as write:
            for table in Base.metadata.sorted_tables:
                rows = [dict(r._mapping) for r in read.execute(select(table))]
                if rows:
                    write.execute(insert(table), rows)
    return target_url
