"""Issue 9: the report reads claims as Arrow columns through ADBC (reports/arrow_read.py).
The batches, and every file of the report, are what the DB-API read gives, on SQLite and
PostgreSQL, in any chunking, also when a nullable text column is NULL for more rows than
a batch (SQLite's ADBC driver types a column by its first batch) and '' is not NULL."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pyarrow as pa
import pytest
from sqlalchemy import text

from clinicscan.reports import arrow_read, claims_pass
from clinicscan.reports.build import write_reports
from clinicscan.reports.dataset import load_run_without_claims, resolve_run
from clinicscan.store import open_store
from test_report_helpers import build_world

REPORT_FILES = ("pages.csv", "claims.csv", "evidence.csv", "clinics.csv", "flagged_clinics.csv",
                "businesses.csv", "locations.csv")


def _late_details(store) -> None:
    """NULL detail_id and context_cue for the first claims, text (some of it hostile, one
    empty string) for the last ones."""
    with store.engine.begin() as conn:
        ids = [r[0] for r in conn.execute(text("SELECT id FROM claims ORDER BY page_id, start, kind, id"))]
        for n, claim_id in enumerate(ids[len(ids) // 2:]):
            detail = ["msc.bone_marrow", "", "=1+1 detail", 'a "quoted", detail'][n % 4]
            conn.execute(text("UPDATE claims SET detail_id = :d, context_cue = :c WHERE id = :i"),
                         {"d": detail, "c": f"cue {n}, said" if n % 3 else None, "i": claim_id})


def _batches(store, chunk_rows, prefer_adbc):
    run = resolve_run(store, None)
    return pa.Table.from_batches(list(claims_pass.claim_batches(store, run.id, chunk_rows, prefer_adbc)),
                                 schema=claims_pass.CLAIM_SCHEMA)


@pytest.mark.parametrize("chunk_rows", [1, 3, 7, 50_000])
def test_adbc_batches_are_the_dbapi_rows_in_any_chunking(store, chunk_rows):
    build_world(store)
    _late_details(store)
    assert arrow_read.adbc_connect(store) is not None  # the ADBC path is the one tested
    by_adbc = _batches(store, chunk_rows, True)
    by_dbapi = _batches(store, chunk_rows, False)
    assert by_adbc.num_rows == by_dbapi.num_rows > 12
    assert by_adbc.equals(by_dbapi), (by_adbc.to_pylist()[:3], by_dbapi.to_pylist()[:3])
    details = by_adbc.column("detail_id").to_pylist()
    assert details[0] is None and "" in details and "=1+1 detail" in details
    sizes = [b.num_rows for b in claims_pass.claim_batches(store, resolve_run(store, None).id, chunk_rows)]
    assert max(sizes) <= chunk_rows


def test_in_memory_sqlite_is_read_through_the_dbapi_driver():
    store = open_store("sqlite://")
    try:
        build_world(store)
        assert arrow_read.adbc_connect(store) is None
        assert _batches(store, 4, True).num_rows > 12
    finally:
        store.dispose()


def test_restore_nulls_inverts_the_sqlite_marking():
    marked = pa.array(["", ".", ".x", "..y", ".=1"])
    assert arrow_read.restore_nulls(marked).to_pylist() == [None, "", "x", ".y", "=1"]


def _reports_equal(store, tmp_path, monkeypatch) -> None:
    write_reports(store, tmp_path / "adbc")
    monkeypatch.setattr(arrow_read, "adbc_connect", lambda store: None)
    write_reports(store, tmp_path / "dbapi")
    for name in REPORT_FILES:
        assert (tmp_path / "adbc" / name).read_bytes() == (tmp_path / "dbapi" / name).read_bytes(), name


def test_the_report_is_the_same_read_either_way(store, tmp_path, monkeypatch):
    build_world(store)
    _late_details(store)
    monkeypatch.setattr(claims_pass, "CHUNK_ROWS", 5)
    _reports_equal(store, tmp_path, monkeypatch)


def _bench():
    spec = importlib.util.spec_from_file_location("bench_report", Path(__file__).parents[1] / "bench" / "report.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_generated_store_reports_the_same_read_either_way(db_url, tmp_path, monkeypatch):
    assert _bench().build_store(db_url, 3000) > 2500
    store = open_store(db_url)
    try:
        monkeypatch.setattr(claims_pass, "CHUNK_ROWS", 997)  # batches end inside pages
        _reports_equal(store, tmp_path, monkeypatch)
        run = resolve_run(store, None)
        passed = claims_pass.stream_claims(store, run.id, load_run_without_claims(store, run).pages,
                                           tmp_path / "again", chunk_rows=997)
        assert int(passed.mentions.sum()) == _batches(store, 997, True).num_rows
    finally:
        store.dispose()
