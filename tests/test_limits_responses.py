"""ResponseLimitsMiddleware and the decompression cap it relies on (Scrapy's own)."""

from __future__ import annotations

import gzip

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scrapy import Request, Spider
from scrapy.downloadermiddlewares.httpcompression import HttpCompressionMiddleware
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http import HtmlResponse, Response
from scrapy.utils.misc import build_from_crawler
from scrapy.utils.test import get_crawler

from clinicscan.crawler.middlewares.limits import ResponseLimitsMiddleware, sniff_kind

PAGE = b"<!doctype html><html><body><p>Stem cell clinic</p></body></html>"


def _crawler(**settings):
    crawler = get_crawler(Spider, {"DOWNLOAD_MAXSIZE": 10_000, **settings})
    crawler.stats.open_spider()
    return crawler


def _limits(**settings):
    crawler = _crawler(**settings)
    return build_from_crawler(ResponseLimitsMiddleware, crawler), crawler.stats


def _response(body, content_type="text/html", status=200, url="http://clinic.example/p"):
    headers = {"Content-Type": content_type} if content_type else {}
    return Response(url, status=status, headers=headers, body=body)


@pytest.mark.parametrize(("body", "content_type"), [
    (PAGE, "text/html"), (PAGE, "text/html; charset=utf-8"), (PAGE, "application/xhtml+xml"),
    (PAGE, None), (b"<p>fragment without html tag</p>", "text/html"),
    (b"[not json] <p>page</p>", "text/html"),
])
def test_html_pages_pass(body, content_type):
    limits, stats = _limits()
    response = _response(body, content_type)
    assert limits.process_response(Request(response.url), response) is response
    assert not any(key.startswith("limits/") for key in stats.get_stats())


@pytest.mark.parametrize(("body", "content_type", "expected"), [
    (b"%PDF-1.4 ...", "application/pdf", "Content-Type application/pdf"),
    (b"%PDF-1.4 ...", "text/html", "the body is pdf (text/html)"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "text/html", "the body is png"),
    (b"\xff\xd8\xff\xe0JFIF", None, "the body is jpeg (no Content-Type)"),
    (b'{"a": [1, 2]}', "text/html", "the body is json"),
    (b"  [1, 2, 3]", "text/html", "the body is json"),
    (b"GIF89a\x01\x00", "image/gif", "Content-Type image/gif"),
    (b"abc\x00\x01\x02binary", "text/html", "the body is binary"),
    (b"plain words", "text/plain", "Content-Type text/plain"),
    (b'{"a": 1}', "application/json", "Content-Type application/json"),
])
def test_non_html_bodies_are_skipped_and_counted(body, content_type, expected):
    limits, stats = _limits()
    response = _response(body, content_type)
    with pytest.raises(IgnoreRequest, match="skipped: not HTML") as skipped:
        limits.process_response(Request(response.url), response)
    assert expected in str(skipped.value)
    assert stats.get_value("limits/skipped_non_html") == 1


@pytest.mark.parametrize("body", [b"", b"   \r\n\t "])
def test_empty_bodies_are_skipped_with_a_reason(body):
    limits, stats = _limits()
    with pytest.raises(IgnoreRequest, match="skipped: empty body"):
        limits.process_response(Request("http://clinic.example/"), _response(body))
    assert stats.get_value("limits/skipped_empty") == 1


def test_oversized_body_is_skipped_even_when_the_downloader_let_it_through():
    limits, stats = _limits(DOWNLOAD_MAXSIZE=1024)
    with pytest.raises(IgnoreRequest, match="over the 1024-byte cap"):
        limits.process_response(Request("http://clinic.example/"), _response(b"<p>x</p>" * 200))
    assert stats.get_value("limits/skipped_too_large") == 1


def test_errors_and_robots_txt_are_not_judged():
    limits, _ = _limits()
    error = _response(b"", status=503)
    assert limits.process_response(Request(error.url), error) is error
    robots = _response(b"User-agent: *\nDisallow: /private", "text/plain",
                       url="http://clinic.example/robots.txt")
    request = Request(robots.url, meta={"dont_obey_robotstxt": True})
    assert limits.process_response(request, robots) is robots


def test_gzip_bomb_is_stopped_during_decompression():
    """Scrapy's HttpCompressionMiddleware enforces DOWNLOAD_MAXSIZE on the inflated size:
    a 16 MB bomb (16 KB on the wire) stops at the cap instead of filling memory."""
    crawler = _crawler(DOWNLOAD_MAXSIZE=100_000)
    compression = build_from_crawler(HttpCompressionMiddleware, crawler)
    bomb = gzip.compress(b"\x00" * (16 * 1024 * 1024), compresslevel=9)
    assert len(bomb) < 100_000
    response = Response("http://clinic.example/bomb", body=bomb,
                        headers={"Content-Type": "text/html", "Content-Encoding": "gzip"})
    with pytest.raises(IgnoreRequest, match="exceeded DOWNLOAD_MAXSIZE"):
        compression.process_response(Request(response.url), response)


def test_small_gzip_page_inflates_and_passes_the_limits():
    crawler = _crawler()
    compression = build_from_crawler(HttpCompressionMiddleware, crawler)
    limits = build_from_crawler(ResponseLimitsMiddleware, crawler)
    response = Response("http://clinic.example/", body=gzip.compress(PAGE),
                        headers={"Content-Type": "text/html", "Content-Encoding": "gzip"})
    inflated = compression.process_response(Request(response.url), response)
    assert isinstance(limits.process_response(Request(response.url), inflated), HtmlResponse)
    assert inflated.body == PAGE


def test_sniff_ignores_html_and_text():
    assert sniff_kind(PAGE) is None
    assert sniff_kind("<p>Zürich “quotes”</p>".encode("utf-16")) is None  # BOM + NULs
    assert sniff_kind(b"\xef\xbb\xbf%PDF-1.7") == "pdf"


def test_not_configured_when_switched_off():
    with pytest.raises(NotConfigured):
        build_from_crawler(ResponseLimitsMiddleware, get_crawler(Spider, {"CLINICSCAN_RESPONSE_LIMITS": False}))


@pytest.mark.parametrize("location", ["file:///etc/passwd", "data:text/html,<p>x</p>", "gopher://10.0.0.1/"])
def test_unfollowed_redirect_to_another_scheme_is_named(location):
    limits, stats = _limits()
    response = Response("http://clinic.example/go", status=302, headers={"Location": location})
    with pytest.raises(IgnoreRequest, match=r"skipped: redirect to a \w+: URL not followed"):
        limits.process_response(Request(response.url), response)
    assert stats.get_value("limits/skipped_redirect_scheme") == 1


def test_other_redirects_pass_on():
    limits, _ = _limits()
    response = Response("http://clinic.example/go", status=301, headers={"Location": "/elsewhere"})
    assert limits.process_response(Request(response.url), response) is response


def test_download_stopped_at_the_cap_is_skipped_not_failed():
    from scrapy.exceptions import DownloadCancelledError

    limits, stats = _limits(DOWNLOAD_MAXSIZE=2048)
    with pytest.raises(IgnoreRequest, match="skipped: download stopped: the body is over the 2048-byte cap"):
        limits.process_exception(Request("http://clinic.example/big"), DownloadCancelledError())
    assert stats.get_value("limits/skipped_too_large") == 1
    assert limits.process_exception(Request("http://clinic.example/"), ValueError("other")) is None


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=600), st.sampled_from(["text/html", "", "application/octet-stream", "text/html; charset=x"]))
def test_any_body_is_judged_without_error(body, content_type):
    limits, _ = _limits()
    response = _response(body, content_type or None)
    try:
        assert limits.process_response(Request(response.url), response) is response
    except IgnoreRequest as skipped:
        assert str(skipped).startswith("skipped: ")
