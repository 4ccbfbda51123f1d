"""The store pipeline's writer thread writes each page's WARC records, then its row.

With ``CLINICSCAN_ARCHIVE_IN_WRITER`` the archive pipeline only hands the page on
(``PageItem.archive``); the store's one writer thread writes a batch's record pairs, then the transaction with the rows of the
pages whose records are on disk. These tests drive the two pipelines as Scrapy would (the
archive's ``process_item`` first, the store's second, the store closed before the archive)
without a reactor: a write error in the writer thread must stop the crawl in one clear line
with the room it needs, no row may point at a record that is not whole, and the queue to
the writer must hold the "reactor" back when it is full.
"""

from __future__ import annotations

import threading
import time

import pytest
from archive_fakes import BODY_MARK, FillingFile, RecordingStats, page
from sqlalchemy import select
from warccheck import assert_pages_point_at_whole_records, assert_segments_whole

from clinicscan.crawler import run as crawl_run
from clinicscan.crawler.pipelines.archive import WarcArchivePipeline
from clinicscan.crawler.pipelines.store import StorePipeline
from clinicscan.crawler.seeds import load_seeds
from clinicscan.store import FrontierUrl, open_store

SEED = load_seeds(["http://127.0.0.1:9/"])[0]


@pytest.fixture
def crawl(tmp_path):
    """A run with one seed, and the two pipelines wired as in a crawl (records in the writer)."""
    db_url = f"sqlite:///{tmp_path / 'crawl.db'}"
    store = open_store(db_url)
    run_id = crawl_run.prepare_run(store, [SEED], {"max_depth": 1}, new_run=True)
    store.dispose()
    stats = RecordingStats()

    def pipelines(**store_options):
        archive = WarcArchivePipeline(tmp_path / "warc", run_id, stats=stats, in_writer=True)
        writer = StorePipeline(db_url, run_id, stats=stats, threaded=True, interval=0,
                               **store_options)
        archive.open_spider()
        writer.open_spider()
        return archive, writer

    def close(archive, writer):  # Scrapy closes pipelines in reverse order
        writer.close_spider()
        archive.close_spider()

    def frontier_states() -> dict[str, str]:
        opened = open_store(db_url)
        try:
            with opened.session() as session:
                return dict(session.execute(select(FrontierUrl.url, FrontierUrl.state)
                                            .where(FrontierUrl.run_id == run_id)).all())
        finally:
            opened.dispose()

    return type("Crawl", (), {"db_url": db_url, "run_id": run_id, "stats": stats,
                              "folder": tmp_path / "warc", "pipelines": staticmethod(pipelines),
                              "close": staticmethod(close),
                              "frontier_states": staticmethod(frontier_states)})


def through(archive, writer, item):
    return writer.process_item(archive.process_item(item))


def test_records_are_written_in_the_writer_thread_before_the_rows(crawl):
    archive, writer = crawl.pipelines(batch_size=4)
    threads = set()
    write_records = archive.write_records

    def recording(item):
        threads.add(threading.current_thread().name)
        return write_records(item)

    archive.write_records = recording
    items = [through(archive, writer, page(n)) for n in range(10)]
    assert all(item.archive is archive for item in items)
    crawl.close(archive, writer)

    assert threads and all(name.startswith("store") for name in threads)
    assert sorted(assert_pages_point_at_whole_records(crawl.db_url, crawl.run_id)) == sorted(
        item.url for item in items)
    assert assert_segments_whole(crawl.folder) == 10
    assert crawl.stats.values["archive/records"] == 20
    assert crawl.stats.values["store/inserted"] == 10
    assert "archive/errors" not in crawl.stats.values


def test_a_write_error_in_the_writer_stops_the_crawl_in_one_line(crawl, caplog):
    archive, writer = crawl.pipelines(batch_size=3)
    first = [through(archive, writer, page(n)) for n in range(3)]  # one batch
    writer._collect(wait=True)
    assert archive.segment is not None
    archive.segment.handle = FillingFile(archive.segment.handle, room=1500)  # mid-record
    later = [through(archive, writer, page(n)) for n in range(3, 6)]
    writer._collect(wait=True)  # what the reactor does on its next commit or timer tick
    assert archive.failed
    with pytest.raises(Exception, match="the WARC archive cannot be written"):
        archive.process_item(page(6))  # nothing more is handed on: the crawl is stopping
    crawl.close(archive, writer)

    errors = [record for record in caplog.records if record.levelname == "ERROR"]
    assert len(errors) == 1, [record.getMessage() for record in errors]
    assert "cannot write the WARC archive" in errors[0].getMessage()
    assert "No space left on device" in errors[0].getMessage()
    assert BODY_MARK not in caplog.text
    assert crawl.stats.values["archive/errors"] == 1
    assert crawl.stats.values["archive/error"].startswith("No space left on device")
    assert crawl.stats.values["archive/error_folder"] == str(crawl.folder.resolve() / f"run-{crawl.run_id}")
    assert crawl.stats.values["archive/error_record_bytes"] > 2000
    assert crawl.stats.values["archive/bytes_per_page"] > 2000

    # the pages before the error are stored with whole records; the rest stay pending
    stored = assert_pages_point_at_whole_records(crawl.db_url, crawl.run_id)
    assert sorted(stored) == sorted(item.url for item in first)
    assert assert_segments_whole(crawl.folder) == len(first)
    states = crawl.frontier_states()
    assert all(states[item.url] == "done" for item in first)
    assert all(states[item.url] == "pending" for item in later)


def test_the_same_command_resumes_after_a_writer_error(crawl, caplog):
    """A rerun (new pipelines on the same run) stores the pages left pending, once each."""
    archive, writer = crawl.pipelines(batch_size=2)
    for n in range(2):
        through(archive, writer, page(n))
    writer._collect(wait=True)
    archive.segment.handle = FillingFile(archive.segment.handle, room=0)
    for n in range(2, 4):
        through(archive, writer, page(n))
    crawl.close(archive, writer)
    assert crawl.stats.values["archive/errors"] == 1

    archive, writer = crawl.pipelines(batch_size=2)
    for n in range(2, 4):  # what the frontier still has pending
        through(archive, writer, page(n))
    crawl.close(archive, writer)
    assert sorted(assert_pages_point_at_whole_records(crawl.db_url, crawl.run_id)) == sorted(
        f"http://127.0.0.1:9/p/{n}" for n in range(4))
    assert assert_segments_whole(crawl.folder) == 4


def test_a_database_error_in_the_writer_keeps_the_pages_pending(crawl, caplog, monkeypatch):
    """The records are written, the transaction fails: no row, the URLs stay pending, one
    line says so (``clinicscan crawl`` then says how to resume)."""
    from sqlalchemy.exc import OperationalError

    from clinicscan.crawler.pipelines import store as store_module

    def unavailable(*args, **kwargs):
        raise OperationalError("INSERT", {}, Exception("database is locked\nsecond line"))

    archive, writer = crawl.pipelines(batch_size=2)
    monkeypatch.setattr(store_module.frontier, "add_urls", unavailable)
    items = [through(archive, writer, page(n)) for n in range(2)]
    crawl.close(archive, writer)

    errors = [record.getMessage() for record in caplog.records if record.levelname == "ERROR"]
    assert len(errors) == 1 and "could not store a batch" in errors[0], errors
    assert "second line" not in errors[0] and BODY_MARK not in caplog.text
    assert crawl.stats.values["store/errors"] == 1
    assert crawl.stats.values["archive/records"] == 4  # written first, as always
    monkeypatch.undo()
    states = crawl.frontier_states()
    assert all(states.get(item.url, "pending") == "pending" for item in items)
    assert assert_pages_point_at_whole_records(crawl.db_url, crawl.run_id) == []


def test_the_queue_to_the_writer_holds_the_reactor_back(crawl):
    """The writer stalls: the reactor thread waits once the pages in flight pass the byte
    bound, instead of queueing pages without end; once the writer goes on, all are stored."""
    archive, writer = crawl.pipelines(batch_size=1, max_bytes_in_flight=25_000)
    go_on = threading.Event()
    write_records = archive.write_records

    def stalled(item):
        go_on.wait(30)
        return write_records(item)

    archive.write_records = stalled
    handed = []
    peak = []

    def reactor():
        for n in range(8):
            handed.append(through(archive, writer, page(n, size=5_000)))
            peak.append(writer._inflight_bytes)

    thread = threading.Thread(target=reactor)
    thread.start()
    time.sleep(0.5)
    assert thread.is_alive(), "the reactor was not held back"
    # pages of ~5 KB body + ~5 KB html: two fit under 25 KB, the third makes it wait
    assert len(handed) == 2
    go_on.set()
    thread.join(30)
    assert not thread.is_alive()
    crawl.close(archive, writer)
    assert max(peak) <= 25_000
    assert crawl.stats.values["store/writer_waits"] >= 1
    assert len(assert_pages_point_at_whole_records(crawl.db_url, crawl.run_id)) == 8


def test_the_queue_is_bounded_in_batches_too(crawl):
    archive, writer = crawl.pipelines(batch_size=1)
    go_on = threading.Event()
    write_records = archive.write_records
    archive.write_records = lambda item: go_on.wait(30) and write_records(item)
    handed = []
    thread = threading.Thread(target=lambda: [handed.append(through(archive, writer, page(n)))
                                              for n in range(12)])
    thread.start()
    time.sleep(0.5)
    assert thread.is_alive()
    from clinicscan.crawler.pipelines.store import MAX_BATCHES_IN_FLIGHT
    assert len(handed) == MAX_BATCHES_IN_FLIGHT  # the next batch waits for the oldest
    go_on.set()
    thread.join(30)
    crawl.close(archive, writer)
    assert len(assert_pages_point_at_whole_records(crawl.db_url, crawl.run_id)) == 12


def test_without_the_store_the_archive_writes_in_process_item(tmp_path):
    """The archive hands its writing to the store's writer only when the store is enabled."""
    from scrapy.settings import Settings

    from clinicscan.crawler.pipelines import archive as archive_module

    settings = Settings({"ITEM_PIPELINES": {
        "clinicscan.crawler.pipelines.archive.WarcArchivePipeline": 100}})
    assert not archive_module._store_enabled(settings)
    settings.set("ITEM_PIPELINES", {
        "clinicscan.crawler.pipelines.archive.WarcArchivePipeline": 100,
        "clinicscan.crawler.pipelines.store.StorePipeline": 200})
    assert archive_module._store_enabled(settings)
    settings.set("ITEM_PIPELINES", {"clinicscan.crawler.pipelines.store.StorePipeline": None})
    assert not archive_module._store_enabled(settings)

    archive = WarcArchivePipeline(tmp_path, run_id=1)
    archive.open_spider()
    item = archive.process_item(page(1))
    assert item.archive is None and item.warc_record_id and item.warc_offset is not None
    archive.close_spider()


class _Engine:
    def __init__(self):
        self.reasons: list[str] = []

    def close_spider_async(self, *, reason: str) -> None:  # Scrapy's is a coroutine
        self.reasons.append(reason)


def test_an_unexpected_error_in_the_writer_stops_the_crawl_in_one_line(crawl, caplog):
    """A bug in the writer thread (here: in the archive's record writing) is not lost in the
    thread, and does not let the crawl finish and close the run with pages never written."""
    archive, writer = crawl.pipelines(batch_size=2)
    writer.crawler = type("Crawler", (), {"engine": _Engine()})()

    def broken(item):
        raise ValueError("a bug in the record writer\nsecond line")

    archive.write_records = broken
    items = [through(archive, writer, page(n)) for n in range(2)]
    writer._collect(wait=True)
    crawl.close(archive, writer)

    errors = [record.getMessage() for record in caplog.records if record.levelname == "ERROR"]
    assert len(errors) == 1, errors
    assert errors[0].startswith("the page writer failed, stopping the crawl (the same command "
                                "resumes it): ValueError: a bug in the record writer")
    assert BODY_MARK not in caplog.text
    assert writer.crawler.engine.reasons == ["writer_error"]
    assert crawl.stats.values["store/writer_errors"] == 1
    assert crawl.stats.values["store/writer_error"] == "ValueError: a bug in the record writer"
    states = crawl.frontier_states()
    assert all(states.get(item.url, "pending") == "pending" for item in items)


def test_a_writer_error_keeps_the_run_open_for_the_same_command(tmp_path, monkeypatch):
    """Even when the error came in the last batch (the spider had finished): one line, the
    run stays running and its unwritten URLs pending, so the same command resumes it."""
    from clinicscan.config import load_config
    from clinicscan.errors import ClinicscanError
    from clinicscan.store import CrawlRun

    config = load_config(db_url=f"sqlite:///{tmp_path / 'crawl.db'}", home=tmp_path)
    store = open_store(config.db_url)
    monkeypatch.setattr(crawl_run, "run_spider", lambda settings: {
        "finish_reason": "finished", "store/writer_errors": 1,
        "store/writer_error": "ValueError: a bug in the record writer"})
    with pytest.raises(ClinicscanError) as stopped:
        crawl_run.run_crawl(store, config, [SEED], allow_loopback=True, progress=False)
    message = str(stopped.value)
    assert "\n" not in message
    assert message == ("crawl run 1 stopped: the page writer failed (ValueError: a bug in the "
                       "record writer); the pages not written stay pending: run the same "
                       "command again to resume it")
    with store.session() as session:
        assert session.get(CrawlRun, 1).status == "running"
        assert session.scalar(select(FrontierUrl.state)) == "pending"
    store.dispose()
