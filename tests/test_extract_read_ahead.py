"""With worker processes on SQLite, the extract stage reads the next batch and hands it to the
workers before it writes the batch they have just analysed (nlp/extract.py, ``ahead``): the
workers no longer wait while the parent writes, or while one of them finishes a batch's last
chunk. The rows stored are the ones the one-process path stores, ids included, and a failed
write still keeps whole batches only. On PostgreSQL a batch is read and written in one
transaction (its row locks), so nothing is read ahead there."""

from __future__ import annotations

import pytest
from sqlalchemy import select

import clinicscan.nlp.extract as extract
from clinicscan.errors import StoreUnavailable
from clinicscan.nlp.extract import extract_local_files, extract_stored_pages
from clinicscan.store.models import Claim, ContactFact, Page, SiteRole
from test_extract_bulk_write import copy_demo_sites, drop_trigger, forget_extraction, prepare_a_failing_batch, snapshot


def stored_rows(store) -> dict[str, list[tuple]]:
    """Every row of the tables the stage writes, ids included, timestamps left out."""
    def rows(table, skip=()):
        columns = [c for c in table.c if c.name not in skip]
        with store.engine.connect() as conn:
            return [tuple(r) for r in conn.execute(select(*columns).order_by(*table.primary_key.columns))]

    return {"pages": rows(Page.__table__, {"extracted_at", "fetched_at"}), "claims": rows(Claim.__table__),
            "contacts": rows(ContactFact.__table__), "roles": rows(SiteRole.__table__)}


def record_order(monkeypatch) -> list[str]:
    """The parent's reads and writes of batches, in the order they happen."""
    events: list[str] = []
    read, write = extract._read_batch, extract._write_batch

    def reading(*args, **kwargs):
        jobs = read(*args, **kwargs)
        events.append(f"read {len(jobs)}")
        return jobs

    def writing(session, results, stats, *args, **kwargs):
        events.append(f"write {len(results)}")
        return write(session, results, stats, *args, **kwargs)

    monkeypatch.setattr(extract, "_read_batch", reading)
    monkeypatch.setattr(extract, "_write_batch", writing)
    return events


def test_two_workers_store_the_rows_of_one_process_and_read_ahead_on_sqlite(store, tmp_path, monkeypatch):
    monkeypatch.setattr(extract, "BATCH_SIZE", 17)  # 80 pages: batches of 17, 17, 17, 17, 12
    sites = copy_demo_sites(tmp_path, 1)[0]
    run_id = extract_local_files(store, [sites], workers=1)
    one = stored_rows(store)

    forget_extraction(store)
    with store.session() as session:
        session.execute(SiteRole.__table__.delete())
    events = record_order(monkeypatch)
    stats = extract_stored_pages(store, run_id=run_id, workers=2)
    assert stats.workers == 2 and stats.extracted == 80
    if store.engine.dialect.name == "sqlite":
        # each batch is read while the one before it is still unwritten
        assert events == ["read 17", "read 17", "write 17", "read 17", "write 17", "read 17", "write 17",
                          "read 12", "write 17", "read 0", "write 12"]
    else:
        assert events == ["read 17", "write 17"] * 4 + ["read 12", "write 12", "read 0"]
    two = stored_rows(store)
    assert len(one["claims"]) > 500 and len(one["contacts"]) > 50 and one["roles"]
    # forget_extraction deleted the first claims: ids go on from there, in the same order
    offset = two["claims"][0][0] - one["claims"][0][0]
    assert [(row[0] - offset, *row[1:]) for row in two["claims"]] == one["claims"]
    assert [row[1:] for row in two["contacts"]] == [row[1:] for row in one["contacts"]]
    assert two["roles"] == one["roles"]
    assert two["pages"] == one["pages"]


@pytest.mark.parametrize("workers", [1, 2])
def test_a_failed_write_keeps_whole_batches_and_the_batch_read_ahead_is_not_stored(store, tmp_path, monkeypatch,
                                                                                    workers):
    run_id, reference, page_ids, batch_start = prepare_a_failing_batch(store, tmp_path, monkeypatch)

    with pytest.raises(StoreUnavailable) as stopped:
        extract_stored_pages(store, run_id=run_id, workers=workers)
    assert f"the {page_ids.index(batch_start)} pages extracted before it are kept" in str(stopped.value)
    with store.session() as session:
        extracted = list(session.scalars(select(Page.id).where(Page.extracted_at.is_not(None)).order_by(Page.id)))
    assert extracted == [pid for pid in page_ids if pid < batch_start]

    drop_trigger(store)
    extract_stored_pages(store, run_id=run_id, workers=workers)
    assert snapshot(store) == reference
