"""Retry transient failures with exponential back-off, honouring ``Retry-After``.

Replaces Scrapy's RetryMiddleware, which retries at once: a clinic site that answers 429
or 503 is asking us to slow down, so each retry waits ``base * 2**attempt`` seconds, or what
the server's ``Retry-After`` says (``clinicscan.retry_after``), never more than
``CLINICSCAN_RETRY_AFTER_MAX``. The wait is a timer awaited inside
``process_response``/``process_exception`` (never ``time.sleep``): the reactor keeps
serving other requests meanwhile. A ``Retry-After`` pauses the whole site, not just the one
URL: other requests to it wait in ``process_request`` until the pause ends.
Counts in ``retry/*`` stats like Scrapy's own middleware, plus ``retry/waited_seconds``.
"""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from scrapy.downloadermiddlewares.retry import get_retry_request
from scrapy.exceptions import NotConfigured
from scrapy.utils.asyncio import sleep
from scrapy.utils.misc import load_object
from scrapy.utils.response import response_status_message

from clinicscan.retry_after import parse_retry_after

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.http import Request, Response

logger = logging.getLogger(__name__)


class RetryAfterMiddleware:
    """Downloader middleware: re-schedule 429/5xx and connection errors after a polite wait."""

    def __init__(
        self,
        crawler: Crawler,
        *,
        max_retry_times: int,
        retry_http_codes: set[int],
        retry_exceptions: tuple[type[BaseException], ...],
        backoff_base: float,
        max_wait: float,
    ) -> None:
        self.crawler = crawler
        self.max_retry_times = max_retry_times
        self.retry_http_codes = retry_http_codes
        self.retry_exceptions = retry_exceptions
        self.backoff_base = backoff_base
        self.max_wait = max_wait
        self._paused: dict[str, float] = {}  # site -> monotonic time its Retry-After ends

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RetryAfterMiddleware:
        settings = crawler.settings
        if not settings.getbool("RETRY_ENABLED"):
            raise NotConfigured("RETRY_ENABLED is off")
        return cls(
            crawler,
            max_retry_times=settings.getint("RETRY_TIMES"),
            retry_http_codes={int(code) for code in settings.getlist("RETRY_HTTP_CODES")},
            retry_exceptions=tuple(load_object(path) if isinstance(path, str) else path
                                   for path in settings.getlist("RETRY_EXCEPTIONS")),
            backoff_base=settings.getfloat("CLINICSCAN_RETRY_BACKOFF", 1.0),
            max_wait=settings.getfloat("CLINICSCAN_RETRY_AFTER_MAX", 60.0),
        )

    def wait_for(self, attempt: int, retry_after: float | None) -> float:
        """Seconds before retry number ``attempt`` (1-based): the server's word, else back-off."""
        wait = retry_after if retry_after is not None else self.backoff_base * 2 ** (attempt - 1)
        return max(0.0, min(wait, self.max_wait))

    async def process_request(self, request: Request) -> None:
        """Hold a request to a site that asked us (Retry-After) to come back later."""
        if not self._paused:  # no site asked: skip parsing the URL (every request)
            return None
        site = _site(request.url)
        until = self._paused.get(site)
        if until is not None:
            remaining = until - time.monotonic()
            if remaining > 0:
                self.crawler.stats.inc_value("retry/site_paused_requests")
                await sleep(remaining)
            else:  # the pause is over: forget it, so the check above skips again
                del self._paused[site]
        return None

    async def process_response(self, request: Request, response: Response) -> Request | Response:
        if request.meta.get("dont_retry") or response.status not in self.retry_http_codes:
            return response
        retry_after = parse_retry_after(response.headers.get("Retry-After"))
        if retry_after is not None:
            # the whole site asked for the pause, not just this URL
            until = time.monotonic() + min(retry_after, self.max_wait)
            site = _site(request.url)
            self._paused[site] = max(until, self._paused.get(site, 0.0))
        retry = await self._retry(request, response_status_message(response.status), retry_after)
        return retry or response

    async def process_exception(self, request: Request, exception: Exception) -> Request | None:
        if request.meta.get("dont_retry") or not isinstance(exception, self.retry_exceptions):
            return None
        return await self._retry(request, exception, None)

    async def _retry(self, request: Request, reason, retry_after: float | None) -> Request | None:
        max_times = request.meta.get("max_retry_times", self.max_retry_times)
        retry = get_retry_request(request, spider=self.crawler.spider, reason=reason,
                                  max_retry_times=max_times, logger=logger)
        if retry is None:
            return None
        wait = self.wait_for(retry.meta["retry_times"], retry_after)
        if retry_after is not None and retry_after > self.max_wait:
            logger.info("%s asks to wait %.0fs (Retry-After); capped at %.0fs",
                        request.url, retry_after, self.max_wait)
            self.crawler.stats.inc_value("retry/retry_after_capped")
        if wait > 0:
            logger.debug("waiting %.1fs before retrying %s (%s)", wait, request.url, reason)
            self.crawler.stats.inc_value("retry/waited_seconds", wait)
            await sleep(wait)
        return retry


def _site(url: str) -> str:
    return urlsplit(url).netloc.lower()
