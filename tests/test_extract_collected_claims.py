"""``extract PATH --out``'s report takes the claims the process wrote from reports.collected_claims
instead of reading every claim back from the store. The exports must be the ones the store's
read gives, on SQLite and PostgreSQL; with the in-memory store of the command (no ``--db``) the
claims are kept there only, and the exports are still the same; a resumed run (an earlier
attempt stored part of it) reads the store; a crash mid-run still keeps every committed batch."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pyarrow as pa
import pytest
from click.testing import CliRunner
from sqlalchemy import func, select

import clinicscan.nlp.extract as extract
from clinicscan.cli import cli
from clinicscan.errors import StoreUnavailable
from clinicscan.nlp.extract import extract_local_files
from clinicscan.reports import claims_pass
from clinicscan.reports.build import write_reports
from clinicscan.reports.collected_claims import CollectedClaims
from clinicscan.store import open_store
from clinicscan.store.models import Claim, Page
from test_extract_bulk_write import add_trigger, copy_demo_sites, drop_trigger

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
import extract as bench_extract  # noqa: E402  (the --whole bench's page maker)

EXPORTS = ["pages.csv", "claims.csv", "evidence.csv", "clinics.csv", "flagged_clinics.csv", "businesses.csv",
           "locations.csv", "report.html"]
_TIMES = re.compile(rb"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(\+00:00|Z)?")


def folders(tmp_path: Path) -> list[Path]:
    """The demo's site folders (contacts, failures of no kind, varied pages) and three of the
    ``--whole`` bench's generated folders (50 pages of ~450 words each)."""
    return copy_demo_sites(tmp_path / "demo", 1) + bench_extract.make_sites(tmp_path / "bench", 3, seed=5)


def exports(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in EXPORTS}


def masked(files: dict[str, bytes]) -> dict[str, bytes]:
    """The exports with their times masked (a page's fetch time is when its file was stored)."""
    return {name: _TIMES.sub(b"<time>", data) for name, data in files.items()}


def forbid_store_read(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the report read the claims back from the store")

    monkeypatch.setattr(claims_pass, "start_read", refuse)


def run_claims(store, run_id: int) -> pa.Table:
    return pa.Table.from_batches(list(claims_pass.claim_batches(store, run_id, 1000, prefer_adbc=False)),
                                 schema=claims_pass.CLAIM_SCHEMA)


def test_collected_claims_are_the_stored_ones_and_give_the_same_exports(store, tmp_path, monkeypatch):
    monkeypatch.setattr(extract, "BATCH_SIZE", 37)  # several batches, read ahead on SQLite with two workers
    with CollectedClaims() as claims:
        run_id = extract_local_files(store, folders(tmp_path), workers=2, claims_to=claims)
        assert claims.count > 1000 and claims.in_order
        assert claims.stand_for_store(store, run_id)
        stored = run_claims(store, run_id)
        assert pa.Table.from_batches(list(claims.batches()), schema=claims_pass.CLAIM_SCHEMA).equals(stored)
    with CollectedClaims() as claims:
        again = extract_local_files(store, folders(tmp_path / "again"), workers=2, claims_to=claims)
        with monkeypatch.context() as m:
            forbid_store_read(m)
            write_reports(store, tmp_path / "kept", run_id=again, claims=claims)
    write_reports(store, tmp_path / "read", run_id=again)  # the store's claims, read back
    kept, read = exports(tmp_path / "kept"), exports(tmp_path / "read")
    assert kept["claims.csv"] == read["claims.csv"] and kept["claims.csv"].count(b"\n") > 1000
    assert masked(kept) == masked(read)  # report.html: the report's own date


def test_claims_kept_only_by_the_collection_give_the_exports_of_stored_ones(tmp_path, monkeypatch):
    monkeypatch.setattr(extract, "BATCH_SIZE", 37)
    sites = folders(tmp_path)
    file_store = open_store(f"sqlite:///{tmp_path / 'kept.db'}")
    with CollectedClaims() as claims:
        run_id = extract_local_files(file_store, sites, workers=2, claims_to=claims)
        write_reports(file_store, tmp_path / "stored", run_id=run_id, claims=claims)
        stored = run_claims(file_store, run_id)
    memory = open_store("sqlite://")
    with CollectedClaims(store_claims=False) as claims:
        run_id = extract_local_files(memory, sites, workers=2, claims_to=claims)
        with memory.session() as session:
            assert session.scalar(select(func.count(Claim.id))) == 0  # kept by the collection alone
        assert claims.stand_for_store(memory, run_id)
        assert pa.Table.from_batches(list(claims.batches()), schema=claims_pass.CLAIM_SCHEMA).equals(stored)
        with monkeypatch.context() as m:
            forbid_store_read(m)
            write_reports(memory, tmp_path / "memory", run_id=run_id, claims=claims)
    assert masked(exports(tmp_path / "memory")) == masked(exports(tmp_path / "stored"))


def test_extract_paths_out_without_db_writes_the_exports_of_a_database_run(tmp_path):
    sites = [str(p) for p in folders(tmp_path)]
    runner = CliRunner()
    plain = runner.invoke(cli, ["extract", *sites, "--out", str(tmp_path / "plain")], catch_exceptions=False)
    assert plain.exit_code == 0, plain.output
    with_db = runner.invoke(cli, ["--db", f"sqlite:///{tmp_path / 'x.db'}", "extract", *sites, "--out",
                                  str(tmp_path / "db")], catch_exceptions=False)
    assert with_db.exit_code == 0, with_db.output
    assert masked(exports(tmp_path / "plain")) == masked(exports(tmp_path / "db"))
    database = open_store(f"sqlite:///{tmp_path / 'x.db'}")
    with database.session() as session:  # --db: every claim is stored, as before
        assert session.scalar(select(func.count(Claim.id))) == (tmp_path / "db" / "claims.csv").read_bytes().count(b"\n") - 1


def test_a_resumed_run_reads_the_store_and_a_crash_keeps_the_committed_batches(store, tmp_path, monkeypatch):
    monkeypatch.setattr(extract, "BATCH_SIZE", 10)
    sites = copy_demo_sites(tmp_path, 1)
    reference_store = open_store(f"sqlite:///{tmp_path / 'reference.db'}")
    reference = extract_local_files(reference_store, sites, workers=1)
    write_reports(reference_store, tmp_path / "reference", run_id=reference)
    with reference_store.session() as session:
        page_ids = list(session.scalars(select(Page.id).order_by(Page.id)))
        with_claims = set(session.scalars(select(Claim.page_id)))
    failing = next(pid for pid in page_ids[30:] if pid in with_claims)  # in the 4th batch or later
    add_trigger(store, f"NEW.page_id = {failing}")
    with CollectedClaims() as claims, pytest.raises(StoreUnavailable):
        extract_local_files(store, sites, workers=1, claims_to=claims)
    kept = claims.count
    with store.session() as session:  # the committed batches are stored, and were collected
        stored = session.scalar(select(func.count(Claim.id)))
        extracted = session.scalar(select(func.count(Page.id)).where(Page.extracted_at.is_not(None)))
    assert stored == kept > 0 and 30 <= extracted < len(page_ids)
    drop_trigger(store)
    with CollectedClaims() as claims:  # the same command resumes the run
        run_id = extract_local_files(store, sites, workers=1, claims_to=claims)
        assert 0 < claims.count < stored + claims.count
        assert not claims.stand_for_store(store, run_id)  # part of the run's claims are the first attempt's
        write_reports(store, tmp_path / "resumed", run_id=run_id, claims=claims)
    write_reports(store, tmp_path / "read", run_id=run_id)
    resumed = exports(tmp_path / "resumed")
    assert masked(resumed) == masked(exports(tmp_path / "read"))  # the store's claims, all of them
    with_ids = masked(resumed)["claims.csv"].splitlines()
    reference_csv = masked(exports(tmp_path / "reference"))["claims.csv"]
    # as a run that never failed, but for the claim ids (PostgreSQL's sequence does not give back the failed batch's)
    assert [line.split(b",", 1)[1] for line in with_ids] == [line.split(b",", 1)[1] for line in reference_csv.splitlines()]


def test_batches_out_of_page_order_are_sorted_as_the_query_sorts():
    def row(page_id, kind, start, vocab="x"):
        return (page_id, kind, vocab, None, "t", start, start + 1, "s", 0, 9, "asserted", None, "main", "v1")

    with CollectedClaims() as claims:
        claims.add([5, 6, 7], [row(3, "red_flag", 4), row(3, "condition", 4), row(3, "condition", 1)])
        assert claims.in_order
        claims.add([8, 9], [row(2, "product_type", 0), row(4, "condition", 0, "y")])
        assert not claims.in_order
        table = pa.Table.from_batches(list(claims.batches()))
        assert table.column("claim_id").to_pylist() == [8, 7, 6, 5, 9]
        with pytest.raises(RuntimeError):
            claims.add([10], [row(9, "condition", 0)])
    with CollectedClaims() as claims, pytest.raises(ValueError):
        claims.add([1], [row(1, "condition", 0), row(1, "condition", 2)])
