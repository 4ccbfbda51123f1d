"""RedirectLoopMiddleware: a redirect back into its own chain stops, naming the chain."""

from __future__ import annotations

import pytest
from scrapy import Request, Spider
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http import Response
from scrapy.utils.misc import build_from_crawler
from scrapy.utils.test import get_crawler

from clinicscan.crawler.middlewares.redirect_loop import RedirectLoopMiddleware

A, B, C = "http://clinic.example/a", "http://clinic.example/b", "http://clinic.example/c"


def _loops():
    crawler = get_crawler(Spider)
    crawler.stats.open_spider()
    return build_from_crawler(RedirectLoopMiddleware, crawler), crawler.stats


def _redirect(url, location, status=302):
    return Response(url, status=status, headers={"Location": location})


def test_redirect_back_to_the_start_is_refused_with_the_chain():
    loops, stats = _loops()
    second_hop = Request(B, meta={"redirect_urls": [A]})
    with pytest.raises(IgnoreRequest, match=r"^skipped: redirect loop: .*/a -> .*/b -> .*/a$"):
        loops.process_response(second_hop, _redirect(B, "/a"))
    assert stats.get_value("limits/skipped_redirect_loop") == 1


@pytest.mark.parametrize("location", ["/a", "http://CLINIC.example/a", "/a#top", "a"])
def test_self_redirect_is_a_loop_whatever_its_spelling(location):
    loops, _ = _loops()
    with pytest.raises(IgnoreRequest, match="redirect loop"):
        loops.process_response(Request(A), _redirect(A, location, status=301))


def test_onward_redirects_and_other_responses_pass():
    loops, stats = _loops()
    onward = _redirect(B, "/c")
    assert loops.process_response(Request(B, meta={"redirect_urls": [A]}), onward) is onward
    page = Response(C, status=200)
    assert loops.process_response(Request(C, meta={"redirect_urls": [A, B]}), page) is page
    kept = _redirect(A, "/a")
    assert loops.process_response(Request(A, meta={"dont_redirect": True}), kept) is kept
    assert stats.get_value("limits/skipped_redirect_loop") is None


def test_request_already_in_its_chain_is_refused_before_download():
    loops, _ = _loops()
    with pytest.raises(IgnoreRequest, match="redirect loop"):
        loops.process_request(Request(A, meta={"redirect_urls": [A, B]}))
    assert loops.process_request(Request(C, meta={"redirect_urls": [A, B]})) is None


def test_not_configured_without_redirects():
    with pytest.raises(NotConfigured):
        build_from_crawler(RedirectLoopMiddleware, get_crawler(Spider, {"REDIRECT_ENABLED": False}))
