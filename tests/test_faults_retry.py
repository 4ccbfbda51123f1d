"""RetryAfterMiddleware: which failures are retried, how long it waits, when it gives up."""

from __future__ import annotations

import asyncio
import time

import pytest
from scrapy import Request, Spider
from scrapy.exceptions import NotConfigured
from scrapy.http import HtmlResponse
from scrapy.utils.misc import build_from_crawler
from scrapy.utils.test import get_crawler
from scrapy.exceptions import DownloadConnectionRefusedError, DownloadFailedError, DownloadTimeoutError
from scrapy.utils.response import response_status_message
from twisted.internet.error import ConnectionLost

from clinicscan.crawler.middlewares.retry_after import RetryAfterMiddleware


def _middleware(**settings):
    base = {"RETRY_TIMES": 2, "CLINICSCAN_RETRY_BACKOFF": 0.05, "CLINICSCAN_RETRY_AFTER_MAX": 0.3}
    crawler = get_crawler(Spider, {**base, **settings})
    crawler.spider = crawler._create_spider("faults")
    crawler.stats.open_spider()
    return build_from_crawler(RetryAfterMiddleware, crawler), crawler.stats


def _response(status, headers=None, url="http://clinic.example/x"):
    return HtmlResponse(url, status=status, headers=headers or {}, body=b"<html></html>")


def test_backoff_doubles_and_is_capped():
    middleware, _ = _middleware(CLINICSCAN_RETRY_BACKOFF=1.0, CLINICSCAN_RETRY_AFTER_MAX=5)
    assert [middleware.wait_for(n, None) for n in (1, 2, 3, 4)] == [1.0, 2.0, 4.0, 5.0]
    assert middleware.wait_for(1, 3600.0) == 5.0
    assert middleware.wait_for(2, 0.0) == 0.0


def test_429_with_retry_after_waits_without_blocking_then_retries():
    middleware, stats = _middleware(CLINICSCAN_RETRY_AFTER_MAX=0.3)
    request = Request("http://clinic.example/x")

    async def scenario():
        ticks = 0

        async def ticker():
            nonlocal ticks
            while True:
                await asyncio.sleep(0.02)
                ticks += 1

        side = asyncio.ensure_future(ticker())
        started = time.monotonic()
        result = await middleware.process_response(request, _response(429, {"Retry-After": "120"}))
        elapsed = time.monotonic() - started
        side.cancel()
        return result, elapsed, ticks

    result, elapsed, ticks = asyncio.run(scenario())
    assert isinstance(result, Request) and result.url == request.url
    assert result.meta["retry_times"] == 1 and result.dont_filter
    assert 0.25 <= elapsed < 2.0  # the server asked 120 s; capped at 0.3 s
    assert ticks >= 5  # the event loop kept running while the retry waited
    assert stats.get_value("retry/retry_after_capped") == 1
    assert stats.get_value(f"retry/reason_count/{response_status_message(429)}") == 1


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_server_errors_are_retried_then_given_up(status):
    middleware, stats = _middleware()
    request = Request("http://clinic.example/x")
    first = asyncio.run(middleware.process_response(request, _response(status)))
    second = asyncio.run(middleware.process_response(first, _response(status)))
    final = _response(status)
    assert isinstance(first, Request) and isinstance(second, Request)
    assert asyncio.run(middleware.process_response(second, final)) is final
    assert stats.get_value("retry/count") == 2
    assert stats.get_value("retry/max_reached") == 1


@pytest.mark.parametrize("status", [200, 404, 403, 301])
def test_other_statuses_pass_through(status):
    middleware, stats = _middleware()
    response = _response(status)
    assert asyncio.run(middleware.process_response(Request("http://clinic.example/"), response)) is response
    assert stats.get_value("retry/count") is None


@pytest.mark.parametrize("exception", [
    ConnectionLost(), DownloadTimeoutError(), DownloadFailedError(), DownloadConnectionRefusedError(),
    ConnectionResetError(),
])
def test_connection_errors_are_retried(exception):
    middleware, stats = _middleware()
    retry = asyncio.run(middleware.process_exception(Request("http://clinic.example/"), exception))
    assert isinstance(retry, Request)
    assert stats.get_value("retry/count") == 1


def test_unrelated_exceptions_and_dont_retry_are_left_alone():
    middleware, _ = _middleware()
    assert asyncio.run(middleware.process_exception(Request("http://clinic.example/"), ValueError("x"))) is None
    request = Request("http://clinic.example/", meta={"dont_retry": True})
    response = _response(503)
    assert asyncio.run(middleware.process_response(request, response)) is response


def test_not_configured_when_retries_are_off():
    crawler = get_crawler(Spider, {"RETRY_ENABLED": False})
    with pytest.raises(NotConfigured):
        build_from_crawler(RetryAfterMiddleware, crawler)


def test_retry_after_pauses_the_whole_site_but_not_others():
    middleware, stats = _middleware(CLINICSCAN_RETRY_AFTER_MAX=0.4)

    async def scenario():
        limited = asyncio.ensure_future(middleware.process_response(
            Request("http://clinic.example/a"), _response(429, {"Retry-After": "30"})))
        await asyncio.sleep(0.05)
        started = time.monotonic()
        await middleware.process_request(Request("http://other.example/"))
        other_wait = time.monotonic() - started
        await middleware.process_request(Request("http://clinic.example/b"))
        same_wait = time.monotonic() - started
        await limited
        return other_wait, same_wait

    other_wait, same_wait = asyncio.run(scenario())
    assert other_wait < 0.05
    assert 0.25 <= same_wait < 1.5
    assert stats.get_value("retry/site_paused_requests") == 1


def test_backoff_without_retry_after_does_not_pause_the_site():
    middleware, stats = _middleware()

    async def scenario():
        retry = await middleware.process_response(Request("http://clinic.example/a"), _response(503))
        started = time.monotonic()
        await middleware.process_request(Request("http://clinic.example/b"))
        return retry, time.monotonic() - started

    retry, waited = asyncio.run(scenario())
    assert isinstance(retry, Request)
    assert waited < 0.05
    assert stats.get_value("retry/site_paused_requests") is None
