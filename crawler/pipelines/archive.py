"""Archive every stored page as WARC records: the evidence a regulator can replay later.

Each fetched page becomes a ``response`` record (and a ``request`` record concurrent to it)
in ``CLINICSCAN_ARCHIVE_DIR/run-{id}/``. Each record is its own gzip member, written with
one unbuffered ``write`` before the page's database row is written, so a row never points
at bytes that are not on disk yet; the store's writer also syncs the segment before it
commits the rows (the record holds the only stored copy of the page's body:
``clinicscan.store.bodies``).

By default ``process_item`` builds the records itself, in the reactor thread, before the
item reaches the store. With the store pipeline in the crawl (``buffered``), a page's record
pair waits in memory and the store has the archive ``flush`` every pair of a batch in one
write before it hands the batch's rows to its writer (a write a page cost ~3x its share of
one write a batch: docs/crawl-cost.md); without it, each pair is one write of its own. ``CLINICSCAN_ARCHIVE_IN_WRITER = True`` (with the store pipeline
enabled) builds and writes them in the store's writer thread instead, page by page just
before the page's row. That takes ~0.1-0.4 ms a page off the reactor, but on an idle 2-core
machine the crawl ran slower with it (GIL hand-offs between the threads cost more than the
deflate and SHA-1 that leave the reactor: docs/crawl-cost.md), so it is off.

Segments are written as ``*.warc.gz.open`` and renamed to ``*.warc.gz`` when rotated (every
``CLINICSCAN_WARC_MAX_RECORDS`` records or ``CLINICSCAN_WARC_MAX_BYTES`` bytes) and at close.
A crawl killed mid-write leaves a torn ``.open`` segment; the next crawl of the run cuts it
back to its last complete gzip member and closes it, so every file stays readable. Closed
segments get a quick check of their last member too (older versions could close a torn one).

A write that fails (disk full, quota, I/O error) is undone at once: the segment is cut back
to the end of the last whole record pair, the page is dropped (its URL stays pending, and
so does every page after it), and the crawl stops with reason ``archive_error``. (A batch's
write that fails is cut back and its pairs written one by one, so the same pages are kept;
the store drops the rows of the pages in ``lost``.)
``clinicscan crawl`` turns the ``archive/error*`` stats into one line naming the folder and
the room needed. A failure in the writer thread is recorded there and reported (stats, log
line, stop) from the reactor thread, by ``report()``. Page bodies never reach the log.

Scrapy hands us decoded bodies, so the archived payload is the decoded body: the original
``Content-Encoding``/``Transfer-Encoding``/``Content-Length`` are kept as
``X-Archive-Orig-*`` headers (pywb's convention) and ``Content-Length`` is the stored length.
"""

from __future__ import annotations

import errno
import fcntl
import logging
import os
import zlib
from datetime import datetime, timezone
from io import BytesIO
from pathlib import Path
from urllib.parse import urlsplit

from scrapy.exceptions import DropItem, NotConfigured
from scrapy.utils.defer import deferred_from_coro
from scrapy.utils.misc import load_object
from warcio.warcwriter import WARCWriter

from clinicscan import __version__
from clinicscan.crawler.items import PageItem
from clinicscan.store.bodies import OPEN_SUFFIX
from clinicscan.crawler.warc_records import (gzip_member, http_request_head, http_response_head,
                                             new_record_id, new_record_ids, payload_digest,
                                             record_member, small_record_level)

logger = logging.getLogger(__name__)

_REWRITTEN_HEADERS = {"content-encoding", "transfer-encoding", "content-length"}
# buffered record pairs are written once they reach this many bytes (the store flushes them
# before every batch it commits anyway: at most 200 pages, ~1.3 MB at 25 KB pages)
_FLUSH_BYTES = 4_000_000
# pages between updates of the archive/records stat (Scrapy's stats collector costs a few
# microseconds a call; the stat is read at the end of the crawl)
_STATS_EVERY = 100


def complete_members_end(path: Path, chunk_size: int = 1 << 16) -> int:
    """Byte offset just past the last complete gzip member of ``path`` (0 if none)."""
    end = pos = 0
    decomp = zlib.decompressobj(zlib.MAX_WBITS | 16)
    with path.open("rb") as handle:
        while chunk := handle.read(chunk_size):
            data = chunk
            while data:
                try:
                    decomp.decompress(data)
                except zlib.error:
                    return end
                if not decomp.eof:
                    pos += len(data)
                    break
                used = len(data) - len(decomp.unused_data)
                pos += used
                end = pos
                data = decomp.unused_data
                decomp = zlib.decompressobj(zlib.MAX_WBITS | 16)
    return end


def tail_is_whole(path: Path, window: int = 16 << 20) -> bool:
    """Cheap check that ``path`` ends with a complete gzip member: find the last member's
    start from the end and decompress just it. False means "not sure": scan it all."""
    size = path.stat().st_size
    with path.open("rb") as handle:
        handle.seek(max(0, size - window))
        tail = handle.read()
    start = len(tail)
    while (start := tail.rfind(b"\x1f\x8b\x08", 0, start)) >= 0:
        decomp = zlib.decompressobj(zlib.MAX_WBITS | 16)
        try:
            decomp.decompress(tail[start:])
        except zlib.error:
            continue  # those bytes were compressed data, not a member header
        return decomp.eof and not decomp.unused_data
    return False


def cut_torn_tail(path: Path) -> int:
    """Truncate a closed segment to its last complete member; returns the bytes dropped."""
    with path.open("r+b") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        size = os.fstat(handle.fileno()).st_size
        end = complete_members_end(path)
        if end < size:
            handle.truncate(end)
            os.fsync(handle.fileno())
        return size - end


def repair_segment(path: Path) -> Path | None:
    """Close a segment left ``.open`` by a killed crawl: cut the torn tail, rename it.

    A segment another live crawler is writing (``--redis-url``: several processes, one run
    folder) is locked by it and left alone; a killed process's lock is gone with it.
    """
    try:
        handle = path.open("r+b")
    except FileNotFoundError:
        return None  # closed by its writer meanwhile
    with handle:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            logger.debug("WARC segment %s is being written by another crawler", path.name)
            return None
        if not path.exists():
            return None
        size = os.fstat(handle.fileno()).st_size
        end = complete_members_end(path)
        if end == 0:
            path.unlink()
            logger.warning("removed WARC segment %s: no complete record in it", path.name)
            return None
        if end < size:
            handle.truncate(end)
            os.fsync(handle.fileno())
            logger.warning("repaired torn WARC segment %s: dropped %d bytes of an incomplete "
                           "record", path.name, size - end)
        final = path.with_name(path.name[: -len(OPEN_SUFFIX)])
        os.replace(path, final)
        return final


class _Segment:
    """One WARC file being written, locked against repair by other crawlers while open."""

    def __init__(self, path: Path):
        self.path = path
        self.final_path = path.with_name(path.name[: -len(OPEN_SUFFIX)])
        self.handle = path.open("xb", buffering=0)  # no buffer to hold half a failed write
        fcntl.flock(self.handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        self.records = 0
        self.size = 0

    def append(self, data: bytes, records: int = 1) -> int:
        """Write ``data`` (``records`` whole gzip members, one record each) with one write: a
        page's record pair is one system call, not two. Returns the offset of the first."""
        offset = self.size
        written = self.handle.write(data)
        if written < len(data):  # a short write (a signal, a nearly full disk): the rest
            view = memoryview(data)[written:]
            while view:
                view = view[self.handle.write(view):]
        self.size += len(data)
        self.records += records
        return offset

    def cut_back(self, size: int, records: int) -> None:
        """Undo appends after a failed write: back to ``size`` bytes (needs no free space)."""
        os.ftruncate(self.handle.fileno(), size)
        self.handle.seek(size)
        self.size, self.records = size, records

    def close(self) -> Path:
        os.fsync(self.handle.fileno())
        os.replace(self.path, self.final_path)  # renamed while still locked
        self.handle.close()
        return self.final_path


def _store_enabled(settings) -> bool:
    """Is the store pipeline (whose writer thread would write our records) in the crawl?"""
    from clinicscan.crawler.pipelines.store import StorePipeline

    return any(order is not None and load_object(path) is StorePipeline
               for path, order in settings.getwithbase("ITEM_PIPELINES").items())


class WarcArchivePipeline:
    def __init__(self, archive_dir: Path, run_id: int, max_records: int = 1000,
                 max_bytes: int = 100_000_000, compress_level: int = 1,
                 user_agent: str = "", stats=None, crawler=None, in_writer: bool = False,
                 buffered: bool = False):
        self.run_dir = Path(archive_dir).resolve() / f"run-{run_id}"
        self.run_id = run_id
        self.max_records = max_records
        self.max_bytes = max_bytes
        self.compress_level = compress_level
        self.request_level = small_record_level(compress_level)
        self.user_agent = user_agent
        self.stats = stats
        self.crawler = crawler
        self.in_writer = in_writer  # the store's writer thread calls write_records()
        # buffered: record pairs wait in memory and go to disk in one write when the store
        # is about to commit the rows that point at them (flush()), not one write a page
        self.buffered = buffered and not in_writer
        self._pending: list[bytes] = []
        self._pending_ids: list[str] = []
        self._pending_bytes = 0
        self.lost: set[str] = set()  # record ids of buffered pages a failed flush lost
        # Written by the thread that writes records, read by report() in the reactor thread:
        self.failed = False  # a write failed: store nothing more, the crawl is stopping
        self.failure: tuple[OSError, int] | None = None  # the first error, record bytes
        self.errors = 0
        self.records_written = 0
        self.bytes_written = 0
        self.pages_written = 0
        # ... and what report() has passed on to the stats so far (reactor thread only)
        self._reported_records = self._reported_errors = 0
        self._failure_reported = False
        self.writer = WARCWriter(None, gzip=False)
        self.segment: _Segment | None = None
        self.serial = 0
        self.stamp = datetime.now(timezone.utc).strftime("%Y%m%d%H%M%S%f")

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        archive_dir = settings.get("CLINICSCAN_ARCHIVE_DIR")
        if not archive_dir:
            raise NotConfigured("CLINICSCAN_ARCHIVE_DIR is not set")
        store = _store_enabled(settings)
        return cls(Path(archive_dir), settings.getint("CLINICSCAN_RUN_ID"),
                   max_records=settings.getint("CLINICSCAN_WARC_MAX_RECORDS", 1000),
                   max_bytes=settings.getint("CLINICSCAN_WARC_MAX_BYTES", 100_000_000),
                   compress_level=settings.getint("CLINICSCAN_WARC_COMPRESS_LEVEL", 1),
                   user_agent=settings.get("USER_AGENT", ""), stats=crawler.stats,
                   crawler=crawler, in_writer=settings.getbool("CLINICSCAN_ARCHIVE_IN_WRITER", False) and store,
                   buffered=store)

    def open_spider(self) -> None:
        try:
            self.run_dir.mkdir(parents=True, exist_ok=True)
            for torn in sorted(self.run_dir.glob(f"*.warc.gz{OPEN_SUFFIX}")):
                repair_segment(torn)
                self._inc("archive/repaired_segments")
            for closed in sorted(self.run_dir.glob("*.warc.gz")):
                if not tail_is_whole(closed) and (dropped := cut_torn_tail(closed)):
                    logger.warning("repaired torn WARC segment %s: dropped %d bytes of an "
                                   "incomplete record", closed.name, dropped)
                    self._inc("archive/repaired_segments")
        except OSError as exc:
            self._fail(exc, 0)

    def close_spider(self) -> None:
        # Scrapy closes pipelines in reverse order: the store pipeline (and its writer
        # thread, which writes records when in_writer) is done by now.
        try:
            self._rotate()
        except OSError as exc:
            self._fail(exc, 0)
        self.report()

    def process_item(self, item):
        if not isinstance(item, PageItem):
            return item
        if self.failed:
            raise DropItem(f"{item.url}: not stored, the WARC archive cannot be written")
        if self.in_writer:  # the store's writer thread writes the records, then the row
            item.archive = self
            return item
        if self.buffered:  # the store flushes us before it commits the page's row
            item.archive_buffer = self
        written = self.write_records(item)
        if not written or self.failure is not None or self.pages_written % _STATS_EVERY == 0:
            self.report()  # a failure at once; the record count every 100 pages and at close
        if not written:
            exc = self.failure[0] if self.failure else None
            raise DropItem(f"{item.url}: not stored, its WARC record could not be written "
                           f"({getattr(exc, 'strerror', None) or exc})")
        return item

    def write_records(self, item: PageItem) -> bool:
        """Write the page's record pair (buffered: queue it for ``flush``) and fill its
        ``warc_*`` fields; False if it is not on disk (this write failed, or an earlier one
        did). Runs in the store's writer thread with ``in_writer``: it touches no stats and
        never stops the crawl itself, ``report()`` does."""
        if self.failed:
            return False
        record_id, request_id = new_record_ids()
        date = self._warc_date(item)
        # the pair as one bytes object: one write, nothing to join in append
        data = (self._response_member(item, record_id, date)
                + self._request_member(item, record_id, date, request_id))
        try:
            if self.segment is None:
                self._open_segment()
            if self.buffered:
                item.warc_offset = self.segment.size + self._pending_bytes
                self._pending.append(data)
                self._pending_ids.append(record_id)
                self._pending_bytes += len(data)
            else:
                size, records = self.segment.size, self.segment.records
                try:
                    item.warc_offset = self.segment.append(data, 2)
                except OSError:
                    self.segment.cut_back(size, records)
                    raise
                self.records_written += 2
                self.bytes_written += len(data)
        except OSError as exc:
            self._failed(exc, len(data))
            return False
        item.warc_record_id = record_id
        item.warc_file = str(self.segment.final_path)
        self.pages_written += 1
        if self._pending and (self._pending_bytes >= _FLUSH_BYTES
                              or self.segment.records + 2 * len(self._pending) >= self.max_records
                              or self.segment.size + self._pending_bytes >= self.max_bytes):
            if not self.flush():
                return False  # this page's record was in the failed write too
        if self.segment.records >= self.max_records or self.segment.size >= self.max_bytes:
            try:
                self._rotate()
            except OSError as exc:  # the page's record is whole on disk: keep the page
                self._failed(exc, 0)
        return True

    def flush(self) -> bool:
        """Write the buffered record pairs with one write (reactor thread; the store calls
        it before it hands a batch to its writer). If that write fails it is cut back and
        the pairs are written one by one, as without the buffer: the pages whose records
        fit are kept, and from the first that does not, their record ids go to ``lost``
        (the store drops those rows, their URLs stay pending) and the archive stops
        writing. False if any page was lost."""
        if not self._pending:
            return True
        pending, ids = self._pending, self._pending_ids
        self._pending, self._pending_ids, self._pending_bytes = [], [], 0
        data = pending[0] if len(pending) == 1 else b"".join(pending)
        state = self.failed, self.failure, self.errors
        if self._append(data, 2 * len(pending)):
            return True
        self.failed, self.failure, self.errors = state  # not an error yet: pair by pair
        for index, pair in enumerate(pending):
            if not self._append(pair, 2):
                self.lost.update(ids[index:])
                return False
        return True

    def _append(self, data: bytes, records: int) -> bool:
        """One write to the segment, cut back if it fails (the failure is recorded)."""
        size, count = self.segment.size, self.segment.records
        try:
            try:
                self.segment.append(data, records)
            except OSError:
                self.segment.cut_back(size, count)
                raise
        except OSError as exc:
            self._failed(exc, len(data))
            return False
        self.records_written += records
        self.bytes_written += len(data)
        return True

    def _failed(self, exc: OSError, record_bytes: int) -> None:
        self.errors += 1
        if self.failure is None:
            self.failure = (exc, record_bytes)
        self.failed = True

    def report(self) -> None:
        """Pass what the writer did on to the stats and, after a write error, stop the crawl
        with the stats that say where and how much room is needed (reactor thread)."""
        records, errors = self.records_written, self.errors
        if records > self._reported_records:
            self._inc("archive/records", records - self._reported_records)
            self._reported_records = records
        if errors > self._reported_errors:
            self._inc("archive/errors", errors - self._reported_errors)
            self._reported_errors = errors
        if self.failure is None or self._failure_reported:
            return
        self._failure_reported = True
        exc, record_bytes = self.failure
        reason = exc.strerror or type(exc).__name__
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            try:
                free = os.statvfs(self.run_dir).f_bavail * os.statvfs(self.run_dir).f_frsize
                reason += f", {free / 1_000_000:.1f} MB free"
            except OSError:
                pass
        logger.error("cannot write the WARC archive in %s (%s); stopping the crawl", self.run_dir, reason)
        if self.stats is not None:
            self.stats.set_value("archive/error", reason)
            self.stats.set_value("archive/error_folder", str(self.run_dir))
            self.stats.set_value("archive/error_record_bytes", record_bytes)
            if self.pages_written:
                self.stats.set_value("archive/bytes_per_page", self.bytes_written // self.pages_written)
        if self.crawler is not None and self.crawler.engine is not None:
            deferred_from_coro(self.crawler.engine.close_spider_async(reason="archive_error"))

    def _fail(self, exc: OSError, record_bytes: int) -> None:
        """A write error in the reactor thread (opening, closing): record and report it."""
        self._failed(exc, record_bytes)
        self.report()

    # -- records --------------------------------------------------------------------------

    def _member(self, record) -> bytes:
        """A warcio record (the segment's warcinfo) serialised as one gzip member."""
        raw = BytesIO()
        self.writer.out = raw
        self.writer.write_record(record)
        return gzip_member([raw.getvalue()], self.compress_level)

    def _warc_date(self, item: PageItem) -> str:
        """``%Y-%m-%dT%H:%M:%S.%fZ`` in UTC (isoformat is a quarter of strftime's cost)."""
        when = item.fetched_at
        if when.tzinfo is not timezone.utc:  # the spider's clock is UTC already
            when = when.astimezone(timezone.utc)
        return when.replace(tzinfo=None).isoformat(timespec="microseconds") + "Z"

    def _response_member(self, item: PageItem, record_id: str, date: str | None = None) -> bytes:
        body = item.body
        headers = [(f"X-Archive-Orig-{name}" if name.lower() in _REWRITTEN_HEADERS else name, value)
                   for name, value in item.response_headers]
        headers.append(("Content-Length", str(len(body))))
        head = http_response_head(item.status, item.http_version, headers)
        return record_member("response", item.final_url, date or self._warc_date(item), record_id,
                             head, body, self.compress_level,
                             digest=payload_digest(item.content_hash, body))

    def _request_member(self, item: PageItem, response_id: str, date: str | None = None,
                        record_id: str | None = None) -> bytes:
        parts = urlsplit(item.final_url)
        target = parts.path or "/"
        if parts.query:
            target += "?" + parts.query
        head = http_request_head(item.request_method, target,
                                 [("Host", parts.netloc), *item.request_headers])
        return record_member("request", item.final_url, date or self._warc_date(item),
                             record_id or new_record_id(), head, b"", self.request_level,
                             concurrent_to=response_id)

    # -- segments -------------------------------------------------------------------------

    def _open_segment(self) -> None:
        self.serial += 1
        name = f"clinicscan-run{self.run_id}-{self.stamp}-{self.serial:05d}.warc.gz{OPEN_SUFFIX}"
        segment = _Segment(self.run_dir / name)
        info = self.writer.create_warcinfo_record(segment.final_path.name, {
            "software": f"clinicscan/{__version__} (Scrapy, warcio)",
            "format": "WARC File Format 1.1",
            "http-header-user-agent": self.user_agent,
            "isPartOf": f"clinicscan crawl run {self.run_id}",
        })
        try:
            segment.append(self._member(info))
        except OSError:
            segment.handle.close()
            segment.path.unlink(missing_ok=True)  # not even its warcinfo fits
            raise
        segment.records = 0
        self.segment = segment

    def _rotate(self) -> None:
        if self.segment is not None:
            self.flush()  # a failure is recorded; the segment closes with its whole records
            path = self.segment.close()
            self.segment = None
            self._inc("archive/segments")
            logger.info("closed WARC segment %s", path)

    def _inc(self, key: str, count: int = 1) -> None:
        if self.stats is not None:
            self.stats.inc_value(key, count)
