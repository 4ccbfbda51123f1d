"""Store pages and frontier changes in the database, in batched transactions.

One transaction holds, for a batch of items: the links found on the pages (new pending
frontier rows), the ``Page`` rows, and the frontier rows of those pages turning ``done``
(or ``skipped``/``failed`` for URLs that gave no page). So a crawl killed at any moment
leaves either all of a page's effects or none of them, and a resumed crawl neither loses
nor duplicates a page. Commits are batched (every ``CLINICSCAN_STORE_BATCH`` items,
``CLINICSCAN_STORE_BATCH_BYTES`` bytes of pages or ``CLINICSCAN_STORE_INTERVAL`` seconds)
because a commit per item costs more than the page, and run in one writer thread (in order)
so the crawl does not wait on disk or network.

By default the archive pipeline has built each page's WARC records before the item gets
here, and holds them until ``commit`` has it write a batch's records (one write) before the
batch goes to the writer thread; the rows of pages whose records could not be written are
left out of the batch. With ``CLINICSCAN_ARCHIVE_IN_WRITER = True`` this thread writes them first instead: for
a batch, every page's record pair (through the archive pipeline the item carries,
``PageItem.archive``), then the one transaction with the rows of the pages whose records are
on disk. Either way a page is never marked stored before its records are written; a page
whose records could not be written keeps its URL pending (and so does every later page: the
archive stops writing) and the archive pipeline stops the crawl. (That placement takes the
deflate and SHA-1 off the reactor thread but costs more in GIL hand-offs than it saves on a
2-core machine: docs/crawl-cost.md.)

A page's html is not stored twice: its WARC record holds the body, so the row keeps
``html`` NULL and records the codec the spider decoded it with (``html_encoding``);
``clinicscan.store.bodies.page_html`` reads the text back from the record. Only when the body
does not decode back to the spider's very text (checked here, ``bodies.decodes_to``) does the row keep
the html; ``CLINICSCAN_STORE_HTML = True`` keeps it in every row (the form before session 22).
Because the text now lives in the archive only, the writer makes the WARC segments a batch
points into durable (``fdatasync``) before the transaction that commits the batch's rows: a
row never points at a record that a power cut could still take away.

The queue to the writer is bounded: at most ``MAX_BATCHES_IN_FLIGHT`` batches and
``CLINICSCAN_STORE_MAX_BYTES_IN_FLIGHT`` bytes of pages (bodies and html) waiting or being
written; past either, the reactor thread waits for the oldest batch (backpressure: the
crawl slows to the writer's pace instead of holding a flood of pages in memory).
"""

from __future__ import annotations

import logging
import os
import time
import traceback
from collections import defaultdict, deque
from concurrent.futures import Future, ThreadPoolExecutor

from scrapy.exceptions import DropItem, NotConfigured
from scrapy.utils.defer import deferred_from_coro
from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from twisted.internet import task

from clinicscan.store import insert_ignoring_duplicates, open_store
from clinicscan.store.bodies import OPEN_SUFFIX, decodes_to
from clinicscan.store.models import Page, Site
from clinicscan.crawler import frontier
from clinicscan.crawler.items import PageItem, UrlOutcome

logger = logging.getLogger(__name__)

MAX_BATCHES_IN_FLIGHT = 4
CONTENT_TYPE_MAX = Page.__table__.c.content_type.type.length


def sync_segments(warc_files) -> None:
    """Make the WARC segments durable (``fdatasync``) before rows that read their text from
    them are committed. A segment no longer ``.open`` was closed, which syncs it first
    (``archive._Segment.close``): nothing to do."""
    for path in warc_files:
        try:
            fd = os.open(path + OPEN_SUFFIX, os.O_RDONLY)
        except FileNotFoundError:
            continue
        try:
            os.fdatasync(fd)
        finally:
            os.close(fd)


class WriterError(Exception):
    """An unexpected error in the writer thread (not the database's): the crawl stops."""


class StorePipeline:
    def __init__(self, db_url: str, run_id: int, batch_size: int = 200,
                 interval: float = 2.0, stats=None, crawler=None, threaded: bool = False,
                 batch_bytes: int = 8_000_000, max_bytes_in_flight: int = 64_000_000,
                 store_html: bool = False):
        self.db_url = db_url
        self.store_html = store_html  # html in every row too, not only in the WARC record
        self.run_id = run_id
        self.batch_size = batch_size
        self.batch_bytes = batch_bytes
        self.max_bytes_in_flight = max_bytes_in_flight
        self.interval = interval
        self.stats = stats
        self.crawler = crawler
        self.threaded = threaded
        self._writer: ThreadPoolExecutor | None = None
        self._inflight: deque[tuple[Future, int]] = deque()  # each batch, its page bytes
        self._inflight_bytes = 0
        self._archive = None  # the archive pipeline whose records our writer writes
        self._archive_buffer = None  # ... or whose buffered records we flush before a commit
        self._closing = False
        self.store = None
        self.site_ids: dict[str, int] = {}
        # (row, item): item is the PageItem when its WARC records are still to be written
        self._pages: list[tuple[dict, PageItem | None]] = []
        self._pending_bytes = 0
        self._links: dict[str, dict] = {}
        self._outcomes: dict[tuple[str, str | None], list[str]] = defaultdict(list)
        self._pending_items = 0
        self._last_commit = time.monotonic()
        self._timer: task.LoopingCall | None = None

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        db_url, run_id = settings.get("CLINICSCAN_DB_URL"), settings.getint("CLINICSCAN_RUN_ID")
        if not db_url or not run_id:
            raise NotConfigured("CLINICSCAN_DB_URL and CLINICSCAN_RUN_ID are needed to store pages")
        return cls(db_url, run_id, batch_size=settings.getint("CLINICSCAN_STORE_BATCH", 200),
                   interval=settings.getfloat("CLINICSCAN_STORE_INTERVAL", 2.0), stats=crawler.stats,
                   crawler=crawler, threaded=settings.getbool("CLINICSCAN_STORE_THREAD", True),
                   batch_bytes=settings.getint("CLINICSCAN_STORE_BATCH_BYTES", 8_000_000),
                   max_bytes_in_flight=settings.getint("CLINICSCAN_STORE_MAX_BYTES_IN_FLIGHT",
                                                       64_000_000),
                   store_html=settings.getbool("CLINICSCAN_STORE_HTML", False))

    def open_spider(self) -> None:
        self.store = open_store(self.db_url, create=False)
        with self.store.engine.connect() as conn:
            self.site_ids = dict(conn.execute(select(Site.domain, Site.id)).all())
        if self.threaded:
            self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="store")
        if self.interval > 0:
            self._timer = task.LoopingCall(self._commit_if_due)
            self._timer.start(self.interval, now=False)

    def close_spider(self) -> None:
        self._closing = True
        if self._timer is not None and self._timer.running:
            self._timer.stop()
        self.commit()
        self._collect(wait=True)
        if self._writer is not None:
            self._writer.shutdown(wait=True)
        self.store.dispose()

    def process_item(self, item):
        if isinstance(item, PageItem):
            self._add_page(item)
        elif isinstance(item, UrlOutcome):
            self._site_id(item.site)
            self._links.setdefault(item.url, self._frontier_row(item.url, item.site, item.depth, 0))
            self._outcomes[(item.state, item.reason)].append(item.url)
            self._inc(f"store/{item.state}")
        else:
            return item
        self._pending_items += 1
        if self._pending_items >= self.batch_size or self._pending_bytes >= self.batch_bytes:
            self.commit()
        return item

    def _add_page(self, item: PageItem) -> None:
        site_id = self._site_id(item.site)
        if item.warc_record_id is None and item.archive is None:
            self._inc("store/dropped_unarchived")
            raise DropItem(f"{item.url}: no WARC record (is the archive pipeline enabled?)")
        for link in item.links:
            self._links.setdefault(link.url, self._frontier_row(link.url, link.site, link.depth, link.priority))
        # the page's own row too, in case it is not in the frontier yet (it always should be)
        self._links.setdefault(item.url, self._frontier_row(item.url, item.site, item.depth, 0))
        html = item.html
        if "\x00" in html:  # PostgreSQL text cannot hold NUL; the WARC keeps the raw bytes
            html = html.replace("\x00", "\ufffd")  # (bodies.store_text, for html read back)
            self._inc("store/nul_replaced")
        if not self.store_html:
            if item.encoding and decodes_to(item.body, item.encoding, item.html):
                html = None  # read back from the WARC record: bodies.page_html
            else:  # the record would not give back the spider's text: keep it in the row
                self._inc("store/html_kept")
        self._pages.append(({
            "run_id": self.run_id, "site_id": site_id, "url": item.url,
            "final_url": item.final_url, "status": item.status, "fetched_at": item.fetched_at,
            "content_type": (item.content_type or "")[:CONTENT_TYPE_MAX] or None,
            "content_hash": item.content_hash,
            "depth": item.depth, "html": html, "html_encoding": item.encoding,
            "warc_file": item.warc_file,
            "warc_record_id": item.warc_record_id, "warc_offset": item.warc_offset,
        }, item if item.archive is not None else None))
        # what the batch holds in memory: the item too while its records are to be written
        self._pending_bytes += len(item.body) + len(item.html if item.archive is not None else html or "")
        if item.archive is not None:
            self._archive = item.archive
        elif item.archive_buffer is not None:
            self._archive_buffer = item.archive_buffer

    def _frontier_row(self, url: str, site: str, depth: int, priority: int) -> dict:
        return {"site_id": self._site_id(site), "url": url, "depth": depth, "priority": priority}

    def _site_id(self, site: str) -> int:
        try:
            return self.site_ids[site]
        except KeyError:
            raise DropItem(f"site {site} is not in the run's seeds") from None

    def _commit_if_due(self) -> None:
        self._collect()
        if self._pending_items and time.monotonic() - self._last_commit >= self.interval:
            self.commit()

    def commit(self) -> None:
        """Write the batch: in the writer thread when there is one, else right here."""
        if not self._pending_items:
            return
        buffer = self._archive_buffer
        if buffer is not None:  # the batch's records on disk before its rows go anywhere
            buffer.flush()
            if buffer.lost:  # a failed write: those pages get no row, their URLs stay pending
                self._pages = [page for page in self._pages if page[0]["warc_record_id"] not in buffer.lost]
                buffer.report()  # the stats and the stop, as for any archive write error
        batch = (self._pages, list(self._links.values()), dict(self._outcomes))
        size = self._pending_bytes
        self._pages, self._links, self._outcomes = [], {}, defaultdict(list)
        self._pending_items = self._pending_bytes = 0
        self._last_commit = time.monotonic()
        if self._writer is None:
            self._done(self._write_batch(*batch))
            return
        self._inflight.append((self._writer.submit(self._write_batch, *batch), size))
        self._inflight_bytes += size
        while self._inflight and (len(self._inflight) > MAX_BATCHES_IN_FLIGHT
                                  or self._inflight_bytes > self.max_bytes_in_flight):
            self._inc("store/writer_waits")  # the writer is behind: wait for it
            self._collect_one()
        self._collect()

    def _write_now(self, pages: list[tuple[dict, PageItem | None]], links: list[dict],
                   outcomes: dict) -> int | Exception:
        """The pages' WARC records, then one transaction: new links, the rows of the pages
        whose records are on disk, frontier states. Returns pages written."""
        rows = []
        for row, item in pages:
            if item is not None:
                if not item.archive.write_records(item):
                    continue  # not on disk: no row, the URL stays pending
                row["warc_file"] = item.warc_file
                row["warc_record_id"] = item.warc_record_id
                row["warc_offset"] = item.warc_offset
            rows.append(row)
        sync_segments({row["warc_file"] for row in rows if row["html"] is None})
        try:
            with self.store.engine.begin() as conn:
                frontier.add_urls(conn, self.run_id, links)
                insert_ignoring_duplicates(conn, Page.__table__, rows)
                frontier.mark(conn, self.run_id, [row["url"] for row in rows], "done")
                for (state, reason), urls in outcomes.items():
                    frontier.mark(conn, self.run_id, urls, state, reason)
        except SQLAlchemyError as exc:
            return exc
        return len(rows)

    def _write_batch(self, *batch) -> int | Exception:
        """``_write_now`` in the writer thread, where an unexpected error (a bug, in the
        archive or here) would otherwise surface only when the reactor collects the batch:
        it is returned, logged once and stops the crawl, so the batch's URLs stay pending."""
        try:
            return self._write_now(*batch)
        except Exception as exc:  # noqa: BLE001 - reported by _done
            exc.writer_traceback = traceback.format_exc()
            return WriterError(exc)

    def _collect(self, wait: bool = False) -> None:
        """Account for written batches (in the reactor thread)."""
        while self._inflight and (wait or self._inflight[0][0].done()):
            self._collect_one()

    def _collect_one(self) -> None:
        """Wait for the oldest batch in flight and account for it."""
        future, size = self._inflight.popleft()
        self._inflight_bytes -= size
        self._done(future.result())

    def _done(self, outcome: int | Exception) -> None:
        if self._archive is not None:  # its records' stats; after a write error, the stop
            self._archive.report()
        if isinstance(outcome, WriterError):
            exc = outcome.args[0]
            logger.error("the page writer failed, stopping the crawl (the same command resumes "
                         "it): %s: %s\n%s", type(exc).__name__, (str(exc).splitlines() or [""])[0],
                         getattr(exc, "writer_traceback", ""))
            self._inc("store/writer_errors")
            if self.stats is not None:
                self.stats.set_value("store/writer_error", f"{type(exc).__name__}: "
                                     f"{(str(exc).splitlines() or [''])[0][:200]}")
            if self.crawler is not None and not self._closing:
                self._closing = True
                deferred_from_coro(self.crawler.engine.close_spider_async(reason="writer_error"))
            return
        if isinstance(outcome, Exception):
            logger.error("could not store a batch, stopping the crawl (the same command "
                         "resumes it): %s", str(outcome).splitlines()[0])
            self._inc("store/errors")
            if self.crawler is not None and not self._closing:
                self._closing = True
                deferred_from_coro(self.crawler.engine.close_spider_async(reason="store_error"))
            return
        self._inc("store/inserted", outcome)
        self._inc("store/commits")

    def _inc(self, key: str, count: int = 1) -> None:
        if self.stats is not None:
            self.stats.inc_value(key, count)
