"""The crawl middlewares' fast paths (session 27, helper crawltrim): the encoding check answers an ASCII body without decoding it
(docs/crawl-cost.md, "Session 27, helper crawltrim"); its answers are the decode's."""

from __future__ import annotations

import pytest

from clinicscan.crawler.middlewares.encoding import fallback_encoding, is_utf8


def _decoded_answer(body: bytes) -> bool:
    """is_utf8 as it was: a full decode, a character cut at the end still UTF-8."""
    try:
        body.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start >= len(body) - 3 and exc.reason == "unexpected end of data"
    return True


class _NoDecode(bytes):
    def decode(self, *args, **kwargs):  # noqa: ARG002
        raise AssertionError("an ASCII body was decoded")


def test_an_ascii_body_is_utf8_without_a_decode():
    body = _NoDecode(b"<!doctype html><html><body>" + b"plain ascii text " * 2000 + b"</body></html>")
    assert is_utf8(body)
    assert fallback_encoding("text/html", body) == "utf-8"
    assert fallback_encoding("text/html; charset=utf-8", body) is None


@pytest.mark.parametrize("body", [
    b"", b"plain", b"\x00\x01\x7f", "Zürich café".encode("utf-8"), "Zürich".encode("cp1252"),
    "€ 100".encode("utf-8")[:-1] + b"", "ab€".encode("utf-8")[:-1], "ab€".encode("utf-8")[:-2],
    b"\xff\xfe<\x00h\x00", b"ok \xc3\x28 bad", b"\xed\xa0\x80", b"\x80", "中文".encode("gb18030"),
    ("x" * 5000 + "é").encode("utf-8"), ("x" * 5000).encode() + b"\xe9",
])
def test_the_answers_are_the_decodes(body):
    assert is_utf8(body) == _decoded_answer(body)
    for content_type in (None, "text/html", "text/html; charset=utf-8", "text/html; charset=iso-8859-1"):
        expected_declared = fallback_encoding(content_type, body)
        assert expected_declared in (None, "utf-8", "cp1252")


def test_the_page_budget_is_checked_by_a_coroutine_scrapy_awaits_as_it_is():
    """The site budget's ``process_request`` is ``async def`` (Scrapy wraps a sync method's
    result in a coroutine of its own); it still refuses a request over the site's cap."""
    import asyncio
    import inspect
    from types import SimpleNamespace

    from scrapy import Request
    from scrapy.exceptions import IgnoreRequest
    from scrapy.utils.test import get_crawler

    from clinicscan.crawler.middlewares.site_budget import SiteBudget, SiteBudgetMiddleware

    assert inspect.iscoroutinefunction(SiteBudgetMiddleware.process_request)
    crawler = get_crawler(settings_dict={"CLINICSCAN_MAX_PAGES_PER_SITE": 1})
    crawler.spider = SimpleNamespace(budget=SiteBudget(1))
    middleware = SiteBudgetMiddleware.from_crawler(crawler)

    def request(url):
        return Request(url, meta={"frontier_url": url, "site": "a.example"})

    assert asyncio.run(middleware.process_request(request("https://a.example/1"))) is None
    assert asyncio.run(middleware.process_request(request("https://a.example/1"))) is None  # granted
    with pytest.raises(IgnoreRequest):
        asyncio.run(middleware.process_request(request("https://a.example/2")))
    assert crawler.stats.get_value("frontier/over_page_cap") == 1
    assert asyncio.run(middleware.process_request(Request("https://a.example/robots.txt"))) is None
