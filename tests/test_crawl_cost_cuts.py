"""What session 24 took off a full crawl's per-page cost keeps what the crawl archives and
decides (issue 9, item 6; docs/crawl-cost.md): the record pair built in fewer calls is the
pair the record builders write (and those are warcio's bytes: test_crawl_archive); the
store's check that a body gives back the spider's text answers as w3lib's decode does."""

from __future__ import annotations

import gzip
import re
import uuid

import pytest
from archive_fakes import page

from clinicscan.crawler import warc_records
from clinicscan.store import bodies
from clinicscan.crawler.pipelines.archive import WarcArchivePipeline


def test_two_record_ids_from_one_random_draw_are_uuid4s():
    pairs = [warc_records.new_record_ids() for _ in range(1000)]
    ids = {record_id for pair in pairs for record_id in pair}
    assert len(ids) == 2000
    for record_id in ids:
        value = uuid.UUID(record_id[len("<urn:uuid:"):-1])
        assert value.version == 4 and value.variant == uuid.RFC_4122
        assert record_id == f"<urn:uuid:{value}>"


def test_record_member_is_the_gzipped_record():
    head = b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n"
    for payload, concurrent in ((b"hello", None), (b"", "<urn:uuid:x>")):
        member = warc_records.record_member("response", "http://127.0.0.1:9/", "2026-01-01T00:00:00.000000Z",
                                            "<urn:uuid:y>", head, payload, 1, concurrent_to=concurrent)
        assert gzip.decompress(member) == b"".join(warc_records.warc_record(
            "response", "http://127.0.0.1:9/", "2026-01-01T00:00:00.000000Z", "<urn:uuid:y>", head,
            payload, concurrent_to=concurrent))


def test_the_pair_on_disk_is_the_response_and_request_members(tmp_path):
    """write_records draws both ids at once and writes the two members it builds, byte for
    byte what ``_response_member`` and ``_request_member`` give for those ids and date."""
    pipeline = WarcArchivePipeline(tmp_path, run_id=1)
    pipeline.open_spider()
    item = page(3)
    item.request_headers = [("User-Agent", "clinicscan-test")]
    item.response_headers = [("Content-Type", "text/html"), ("Content-Encoding", "gzip")]
    assert pipeline.write_records(item)
    pipeline.close_spider()
    data = next((tmp_path / "run-1").glob("*.warc.gz")).read_bytes()[item.warc_offset:]
    response = pipeline._response_member(item, item.warc_record_id, pipeline._warc_date(item))
    request_text = gzip.decompress(data[len(response):])
    request_id = re.search(rb"WARC-Record-ID: (<urn:uuid:[0-9a-f-]+>)", request_text).group(1).decode()
    request = pipeline._request_member(item, item.warc_record_id, pipeline._warc_date(item), request_id)
    assert data == response + request
    assert b"WARC-Concurrent-To: " + item.warc_record_id.encode() in request_text


BODIES = [b"", b"<p>plain ascii</p>", "<p>Z\u00fcrich \u2013 caf\u00e9 \u201cq\u201d</p>".encode(),
          b"\xef\xbb\xbf<p>BOM</p>", "\ufeff<p>BOM twice</p>".encode("utf-8-sig"), b"<p>bad \xff\xfe bytes</p>",
          "<p>cut \u00e9".encode()[:-1], b"<p>NUL \x00 inside</p>", b"\xff\xfe<\x00p\x00>\x00",
          "<p>\U0001F600 astral</p>".encode(), b"<p>caf\xe9 latin</p>"]


@pytest.mark.parametrize("encoding", ["utf-8", "cp1252", "utf-16", "gb18030", "iso8859-1"])
def test_decodes_to_answers_as_decoding_does(encoding):
    for body in BODIES:
        text = bodies.decode_body(body, encoding)
        assert bodies.decodes_to(body, encoding, text)
        for other in (text + " ", text[:-1], text.replace("<", "\ufffd"), "\ud800" + text):
            assert bodies.decodes_to(body, encoding, other) == (bodies.decode_body(body, encoding) == other)


def test_a_utf8_page_is_checked_without_w3lib(monkeypatch):
    """The store's check for an ordinary UTF-8 page compares bytes; w3lib decodes only the
    pages that need it (here: a BOM)."""
    calls = []
    real = bodies.decode_body
    monkeypatch.setattr(bodies, "decode_body", lambda body, encoding: calls.append(body) or real(body, encoding))
    body = "<p>Z\u00fcrich</p>".encode() * 1000
    assert bodies.decodes_to(body, "utf-8", body.decode())
    assert calls == []
    assert bodies.decodes_to(b"\xef\xbb\xbf<p>x</p>", "utf-8", "<p>x</p>")
    assert len(calls) == 1


HOSTILE_URLS = ["http://10.0.0.1;x/", "http://[::1]:80/a;b?c#d", "http://user:pw@10.0.0.1/", "http://10.0.0.1:80/;p/x",
                "http://clinic.example\\@10.0.0.1/", "HTTP://Clinic.Example./a", "http://0x7f000001/", "ftp://10.0.0.1/",
                "http://169.254.169.254/latest;meta-data", "http:///nohost", "http://[::ffff:10.0.0.1]/"]


@pytest.mark.parametrize("url", HOSTILE_URLS)
def test_the_guard_reads_the_host_scrapys_cache_parses(url):
    """The guard takes scheme and host from Scrapy's per-request parse (urlparse_cached,
    which the robots.txt middleware fills anyway): urlsplit's scheme and host, so the same
    verdicts, and the request is parsed once."""
    import asyncio
    from urllib.parse import urlparse, urlsplit

    from scrapy import Request, Spider
    from scrapy.exceptions import IgnoreRequest
    from scrapy.utils.httpobj import _urlparse_cache
    from scrapy.utils.misc import build_from_crawler
    from scrapy.utils.test import get_crawler

    from clinicscan.crawler.middlewares.address_guard import AddressGuardMiddleware

    assert (urlparse(url).scheme, urlparse(url).hostname) == (urlsplit(url).scheme, urlsplit(url).hostname)
    crawler = get_crawler(Spider)
    crawler.stats.open_spider()
    guard = build_from_crawler(AddressGuardMiddleware, crawler)
    request = Request("http://127.0.0.1/") if url.startswith("http:///") else Request(url)
    try:
        asyncio.run(guard.process_request(request))
    except IgnoreRequest:
        pass
    assert request in _urlparse_cache


def test_the_trap_filter_passes_a_pages_output_through_one_generator():
    """The async output path (the one a crawl takes) answers as the sync one for items,
    ordinary links, traps, session ids and frontier outcomes, without Scrapy's
    spider-argument wrapper around it."""
    import asyncio
    import inspect

    from scrapy import Request, Spider
    from scrapy.http import HtmlResponse
    from scrapy.utils.misc import build_from_crawler
    from scrapy.utils.test import get_crawler

    from clinicscan.crawler.middlewares.traps import TrapFilterMiddleware

    method = TrapFilterMiddleware.process_spider_output_async
    assert inspect.isasyncgenfunction(method) and not hasattr(method, "__wrapped__")

    def output():
        meta = {"frontier_url": "x", "site": "clinic.example", "frontier_depth": 1}
        return [page(1), Request("http://clinic.example/a"), Request("http://clinic.example/b?PHPSESSID=1"),
                Request("http://clinic.example/" + "x" * 600), Request("http://clinic.example/" + "y" * 600, meta=meta),
                *(Request(f"http://clinic.example/events/2024-{m:02d}") for m in range(1, 9)), page(2)]

    def described(results):
        return [(type(r).__name__, getattr(r, "url", None), getattr(r, "reason", None)) for r in results]

    response = HtmlResponse("http://clinic.example/", body=b"<html></html>")
    crawler = get_crawler(Spider)
    crawler.stats.open_spider()
    sync = build_from_crawler(TrapFilterMiddleware, crawler)
    crawler = get_crawler(Spider)
    crawler.stats.open_spider()
    asynchronous = build_from_crawler(TrapFilterMiddleware, crawler)

    async def source():
        for o in output():
            yield o

    async def collect():
        return [o async for o in asynchronous.process_spider_output_async(response, source())]

    expected = described(sync.process_spider_output(response, output()))
    assert described(asyncio.run(collect())) == expected
    assert len(expected) < len(output())  # something was filtered


# -- the record pairs of a store batch in one write ------------------------------------------

@pytest.fixture
def buffered(tmp_path):
    from archive_fakes import RecordingStats

    from clinicscan.crawler import run as crawl_run
    from clinicscan.crawler.pipelines.store import StorePipeline
    from clinicscan.crawler.seeds import load_seeds
    from clinicscan.store import open_store

    db_url = f"sqlite:///{tmp_path / 'crawl.db'}"
    store = open_store(db_url)
    run_id = crawl_run.prepare_run(store, load_seeds(["http://127.0.0.1:9/"]), {"max_depth": 1}, new_run=True)
    store.dispose()
    archive = WarcArchivePipeline(tmp_path / "warc", run_id, stats=RecordingStats(), buffered=True)
    writer = StorePipeline(db_url, run_id, stats=archive.stats, threaded=True, interval=0, batch_size=4)
    archive.open_spider()
    writer.open_spider()
    return archive, writer, db_url, run_id


class _Writes:
    """The segment's file, counting writes; with ``limit``, a disk that holds that many
    bytes of it (a write past it puts part of its bytes down, the next one fails; cutting
    the file back frees the room again)."""

    def __init__(self, raw, events, limit=None):
        self.raw, self.events, self.limit = raw, events, limit

    def write(self, data) -> int:
        import errno
        import os

        if self.limit is not None:
            room = self.limit - os.fstat(self.raw.fileno()).st_size
            if room <= 0:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            data = bytes(data[:room])
        self.events.append(("write", len(data)))
        return self.raw.write(data)

    def __getattr__(self, name):
        return getattr(self.raw, name)


def _stored(db_url, run_id):
    from sqlalchemy import select

    from clinicscan.store import Page, open_store

    store = open_store(db_url)
    try:
        with store.session() as session:
            return list(session.scalars(select(Page.url).where(Page.run_id == run_id).order_by(Page.id)))
    finally:
        store.dispose()


def test_a_batchs_record_pairs_are_one_write_before_its_rows(buffered, monkeypatch):
    """With the store in the crawl, the archive keeps the pages' record pairs in memory and
    the store has them written, in one write, before it hands the batch's rows on."""
    from warccheck import assert_pages_point_at_whole_records, assert_segments_whole

    from clinicscan.crawler.pipelines import store as store_module

    archive, writer, db_url, run_id = buffered
    events = []
    insert = store_module.insert_ignoring_duplicates
    monkeypatch.setattr(store_module, "insert_ignoring_duplicates",
                        lambda conn, table, rows: (events.append(("rows", len(rows))), insert(conn, table, rows)))
    first = archive.process_item(page(0))  # opens the segment (its warcinfo: a write of its own)
    archive.segment.handle = _Writes(archive.segment.handle, events)
    items = [first] + [archive.process_item(page(n)) for n in range(1, 4)]
    assert events == [] and all(item.archive_buffer is archive for item in items)
    for item in items:
        writer.process_item(item)  # the fourth closes the batch
    writer._collect(wait=True)
    assert [kind for kind, _ in events] == ["write", "rows"]
    writer.close_spider()
    archive.close_spider()
    assert assert_pages_point_at_whole_records(db_url, run_id) == [f"http://127.0.0.1:9/p/{n}" for n in range(4)]
    assert assert_segments_whole(archive.run_dir) == 4
    assert archive.stats.values["archive/records"] == 8


def test_a_failed_batch_write_keeps_what_fits_and_leaves_the_rest_pending(buffered):
    """A full disk during the batch's write: the pairs are written one by one as before,
    the pages whose records fit are stored, the others get no row (their URLs stay
    pending) and the archive stops, with the error in the stats."""
    from scrapy.exceptions import DropItem
    from warccheck import assert_segments_whole

    archive, writer, db_url, run_id = buffered
    items = [archive.process_item(page(0))]
    whole = len(archive._pending[0])
    archive.segment.handle = _Writes(archive.segment.handle, [], limit=archive.segment.size + whole + whole // 2)
    items += [archive.process_item(page(n)) for n in range(1, 4)]
    for item in items:
        writer.process_item(item)
    writer._collect(wait=True)
    assert archive.failed and archive.stats.values["archive/errors"] == 1
    assert archive.stats.values["archive/error"].startswith("No space left on device")
    with pytest.raises(DropItem):
        archive.process_item(page(9))
    writer.close_spider()
    archive.close_spider()
    assert _stored(db_url, run_id) == ["http://127.0.0.1:9/p/0"]
    assert assert_segments_whole(archive.run_dir) == 1
