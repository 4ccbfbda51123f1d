"""The redirect middlewares refuse a redirect back into its own chain, naming the chain."""

from __future__ import annotations

import pytest
from scrapy import Request, Spider
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http import HtmlResponse, Response
from scrapy.utils.misc import build_from_crawler
from scrapy.utils.test import get_crawler

from clinicscan.crawler import settings as project_settings
from clinicscan.crawler.middlewares.redirect_loop import MetaRefreshLoopMiddleware, RedirectLoopMiddleware

A, B, C = "http://clinic.example/a", "http://clinic.example/b", "http://clinic.example/c"


def _loops(cls=RedirectLoopMiddleware):
    crawler = get_crawler(Spider)
    crawler.stats.open_spider()
    return build_from_crawler(cls, crawler), crawler.stats


def _redirect(url, location, status=302):
    return Response(url, status=status, headers={"Location": location})


def _refresh(url, location):
    body = f'<html><head><meta http-equiv="refresh" content="0;url={location}"></head></html>'
    return HtmlResponse(url, body=body.encode(), encoding="utf-8")


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


def test_onward_redirects_are_followed_and_other_responses_pass():
    loops, stats = _loops()
    onward = loops.process_response(Request(B, meta={"redirect_urls": [A]}), _redirect(B, "/c"))
    assert isinstance(onward, Request) and onward.url == C
    assert onward.meta["redirect_urls"] == [A, B]
    page = Response(C, status=200)
    assert loops.process_response(Request(C, meta={"redirect_urls": [A, B]}), page) is page
    kept = _redirect(A, "/a")
    assert loops.process_response(Request(A, meta={"dont_redirect": True}), kept) is kept
    assert stats.get_value("limits/skipped_redirect_loop") is None


def test_the_loop_is_refused_before_the_hop_limit():
    """A loop names its chain even on the hop where Scrapy would stop at its limit."""
    loops, _ = _loops()
    last = Request(B, meta={"redirect_urls": [A], "redirect_times": 99, "redirect_ttl": 1})
    with pytest.raises(IgnoreRequest, match="redirect loop"):
        loops.process_response(last, _redirect(B, "/a"))
    with pytest.raises(IgnoreRequest, match="max redirections reached"):
        loops.process_response(last, _redirect(B, "/c"))


def test_a_meta_refresh_back_into_its_chain_is_refused():
    """A refresh loop (a page refreshing to itself or to the page that sent it there) is
    refused when the refresh is followed, with the same reason."""
    refreshes, stats = _loops(MetaRefreshLoopMiddleware)
    with pytest.raises(IgnoreRequest, match=r"^skipped: redirect loop: .*/a -> .*/a$"):
        refreshes.process_response(Request(A), _refresh(A, "/a"))
    with pytest.raises(IgnoreRequest, match=r"^skipped: redirect loop: .*/a -> .*/b -> .*/a$"):
        refreshes.process_response(Request(B, meta={"redirect_urls": [A]}), _refresh(B, A))
    onward = refreshes.process_response(Request(A), _refresh(A, "/c"))
    assert isinstance(onward, Request) and onward.url == C
    assert stats.get_value("limits/skipped_redirect_loop") == 2


def test_they_replace_scrapys_redirect_middlewares_at_the_same_priorities():
    """No middleware of its own: an ordinary page passes no extra loop check."""
    mws = project_settings.DOWNLOADER_MIDDLEWARES
    assert mws["scrapy.downloadermiddlewares.redirect.RedirectMiddleware"] is None
    assert mws["scrapy.downloadermiddlewares.redirect.MetaRefreshMiddleware"] is None
    assert mws["clinicscan.crawler.middlewares.redirect_loop.RedirectLoopMiddleware"] == 600
    assert mws["clinicscan.crawler.middlewares.redirect_loop.MetaRefreshLoopMiddleware"] == 580
    assert not any(hasattr(cls, "process_request") for cls in (RedirectLoopMiddleware, MetaRefreshLoopMiddleware))


def test_not_configured_without_redirects():
    with pytest.raises(NotConfigured):
        build_from_crawler(RedirectLoopMiddleware, get_crawler(Spider, {"REDIRECT_ENABLED": False}))
    with pytest.raises(NotConfigured):
        build_from_crawler(MetaRefreshLoopMiddleware, get_crawler(Spider, {"METAREFRESH_ENABLED": False}))
