"""What session 23 took off a full crawl's per-page cost keeps what the crawl archives and
decides (issue 9, item 6; docs/crawl-cost.md): a page's record pair goes to disk in one write
and reads back whole, the request record is a smaller-effort gzip member that still reads,
the retry pause still holds a site, and the trap and limit checks that now skip work give
the answers they gave."""

from __future__ import annotations

import asyncio
import gzip
import zlib

import pytest
from archive_fakes import page
from scrapy.http import HtmlResponse, Request
from scrapy.utils.test import get_crawler
from warcio.archiveiterator import ArchiveIterator

from clinicscan.crawler import warc_records
from clinicscan.crawler.middlewares import traps
from clinicscan.crawler.middlewares.encoding import declared_encoding
from clinicscan.crawler.middlewares.limits import sniff_kind
from clinicscan.crawler.middlewares.retry_after import RetryAfterMiddleware
from clinicscan.crawler.pipelines.archive import WarcArchivePipeline


class CountingFile:
    def __init__(self, raw):
        self.raw, self.writes = raw, 0

    def write(self, data) -> int:
        self.writes += 1
        return self.raw.write(data)

    def __getattr__(self, name):
        return getattr(self.raw, name)


def test_a_pages_record_pair_is_one_write_and_reads_back(tmp_path):
    pipeline = WarcArchivePipeline(tmp_path, run_id=1)
    pipeline.open_spider()
    pipeline.process_item(page(0))  # opens the segment (its warcinfo is a write of its own)
    counting = pipeline.segment.handle = CountingFile(pipeline.segment.handle)
    items = [pipeline.process_item(page(n)) for n in range(1, 4)]
    assert counting.writes == 3
    assert pipeline.segment.records == 8  # still counted per record
    pipeline.close_spider()
    [segment] = (tmp_path / "run-1").glob("*.warc.gz")
    with segment.open("rb") as handle:
        records = [(r.rec_type, r.rec_headers.get_header("WARC-Target-URI"))
                   for r in ArchiveIterator(handle) if r.rec_type != "warcinfo"]
    assert records == [(kind, f"http://127.0.0.1:9/p/{n}") for n in range(4)
                       for kind in ("response", "request")]
    for item in items:  # each row's offset is its response record's gzip member
        with segment.open("rb") as handle:
            handle.seek(item.warc_offset)
            record = next(iter(ArchiveIterator(handle)))
            assert record.rec_type == "response"
            assert record.content_stream().read() == item.body


@pytest.mark.skipif(warc_records.GZIP_LIBRARY == "zlib", reason="ISA-L is not installed")
def test_the_request_record_is_compressed_at_isal_level_0(tmp_path):
    from isal import isal_zlib

    pipeline = WarcArchivePipeline(tmp_path, run_id=1, compress_level=1)
    item = page(1)
    member = pipeline._request_member(item, "<urn:uuid:x>", "2026-01-01T00:00:00.000000Z")
    raw = gzip.decompress(member)
    assert raw.startswith(b"WARC/1.0\r\n") and b"WARC-Type: request" in raw
    assert member == isal_zlib.compress(raw, 0, zlib.MAX_WBITS | 16)
    # the response record keeps the configured level
    response = pipeline._response_member(item, "<urn:uuid:y>", "2026-01-01T00:00:00.000000Z")
    assert response == isal_zlib.compress(gzip.decompress(response), 1, zlib.MAX_WBITS | 16)
    assert warc_records.small_record_level(1) == 0 and warc_records.small_record_level(0) == 0


def _run(coro):
    return asyncio.new_event_loop().run_until_complete(coro)


def test_a_paused_site_is_still_held_and_forgotten_once_the_pause_is_over(monkeypatch):
    crawler = get_crawler(settings_dict={"RETRY_ENABLED": True})
    middleware = RetryAfterMiddleware.from_crawler(crawler)
    slept = []

    async def fake_sleep(seconds):
        slept.append(seconds)

    monkeypatch.setattr("clinicscan.crawler.middlewares.retry_after.sleep", fake_sleep)
    clock = {"now": 100.0}
    monkeypatch.setattr("clinicscan.crawler.middlewares.retry_after.time.monotonic", lambda: clock["now"])
    middleware._paused["clinic.example"] = 130.0
    _run(middleware.process_request(Request("http://other.example/a")))
    assert slept == []  # another site is not held
    _run(middleware.process_request(Request("http://clinic.example/a")))
    assert slept == [30.0]
    clock["now"] = 131.0
    _run(middleware.process_request(Request("http://clinic.example/b")))
    assert slept == [30.0] and middleware._paused == {}


@pytest.mark.parametrize("url, kind", [
    ("http://clinic.example/a/b/a/b/a/b", "repeated_path"),
    ("http://clinic.example/knee/knee/knee", "repeated_path"),
    ("http://clinic.example/2031/01/01/news", None),  # a date, not a loop
    ("http://clinic.example/p?a=1&b=2&c=3&d=4&e=5&f=6&g=7", "query_params"),
    ("http://clinic.example/about/team", None),
    ("http://clinic.example/²/٣/news", None),  # other digits are not dates
])
def test_trap_kinds_with_the_url_split_once(url, kind):
    middleware = traps.TrapFilterMiddleware(get_crawler(), max_url_length=512, max_query_params=6,
                                            max_query_variants=15, max_dates=3, max_path_segments=12)
    assert middleware.trap_kind(url) == kind


def test_calendar_and_session_links_are_still_caught():
    middleware = traps.TrapFilterMiddleware(get_crawler(), max_url_length=512, max_query_params=6,
                                            max_query_variants=15, max_dates=3, max_path_segments=12)
    kinds = [middleware.trap_kind(f"http://clinic.example/events/2030-{month:02d}") for month in range(1, 6)]
    assert kinds == [None, None, None, "calendar", "calendar"]
    assert traps.session_id_in("http://clinic.example/a;JSESSIONID=1")
    assert traps.session_id_in("http://clinic.example/a?PHPSESSID=2")
    assert not traps.session_id_in("http://clinic.example/a;b")
    assert traps.date_template("http://clinic.example/cal/2024/05?q=1") == (
        "clinic.example/cal/{d}/{d}?q=1", "2024|05")


@pytest.mark.parametrize("body, kind", [
    (b"%PDF-1.7 ...", "pdf"), (b"  \n\x89PNG\r\n", "png"), (b"\xef\xbb\xbfGIF89a", "gif"),
    (b"<!doctype html><p>PK</p>", None), (b'{"a": 1}', "json"), (b"<p>\x00</p>", "binary"),
])
def test_sniffing_with_one_prefix_test(body, kind):
    assert sniff_kind(body) == kind


def test_the_declared_encoding_from_a_cached_header_reading():
    body = b"<meta charset=windows-1251><p>x</p>"
    assert declared_encoding("text/html; charset=ISO-8859-1", body) == "cp1252"
    assert declared_encoding("text/html; charset=ISO-8859-1", body) == "cp1252"  # from the cache
    # a charset no codec knows counts as none: the page's <meta> decides, as before the cache
    assert declared_encoding("text/html; charset=no-such-codec", body) == "cp1251"
    assert declared_encoding("text/html", body) == "cp1251"  # then the page's <meta>
    assert declared_encoding("text/html; charset=utf-8", b"\xff\xfe<\x00") == "utf-16-le"  # BOM first


def test_a_whitespace_only_body_is_still_skipped_as_empty():
    from scrapy.exceptions import IgnoreRequest

    from clinicscan.crawler.middlewares.limits import ResponseLimitsMiddleware

    crawler = get_crawler(settings_dict={"DOWNLOAD_MAXSIZE": 1000})
    middleware = ResponseLimitsMiddleware.from_crawler(crawler)
    request = Request("http://clinic.example/")
    for body in (b" \r\n\t\x0b\x0c ", b""):
        response = HtmlResponse(request.url, body=body, request=request,
                                headers={"Content-Type": "text/html"})
        with pytest.raises(IgnoreRequest, match="empty body"):
            middleware.process_response(request, response)
    fine = HtmlResponse(request.url, body=b" <p>x</p>\n", request=request,
                        headers={"Content-Type": "text/html"})
    assert middleware.process_response(request, fine) is fine
