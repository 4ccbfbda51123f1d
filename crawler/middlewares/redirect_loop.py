"""Stop redirect loops at the hop that closes them, with the chain in the reason.

Scrapy's RedirectMiddleware gives up after ``REDIRECT_MAX_TIMES`` hops, and a loop back to
an already-seen URL is usually dropped silently by the duplicate filter, leaving the
frontier row with no reason. Sitting just outside RedirectMiddleware (priority above
600), this middleware sees each 3xx first and refuses it when its target is a URL of the
chain so far: ``skipped: redirect loop: /a -> /b -> /a``, counted in
``limits/skipped_redirect_loop``. A request arriving with its own URL already in its
chain (a retried or ``dont_filter`` request) is refused the same way.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING
from urllib.parse import urljoin

from scrapy.exceptions import IgnoreRequest, NotConfigured
from w3lib.url import safe_url_string

from clinicscan.crawler.urls import canonicalize

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.http import Request, Response
    from scrapy.statscollectors import StatsCollector

logger = logging.getLogger(__name__)

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})


class RedirectLoopMiddleware:
    """Downloader middleware: IgnoreRequest for a redirect back into its own chain."""

    def __init__(self, stats: StatsCollector) -> None:
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RedirectLoopMiddleware:
        if not crawler.settings.getbool("REDIRECT_ENABLED", True):
            raise NotConfigured("REDIRECT_ENABLED is off")
        return cls(crawler.stats)

    def process_request(self, request: Request) -> None:
        chain = list(request.meta.get("redirect_urls") or [])
        if chain and _same(request.url, chain):
            self._refuse(request, [*chain, request.url])
        return None

    def process_response(self, request: Request, response: Response) -> Response:
        if response.status not in REDIRECT_STATUSES:  # before the header lookup: every page
            return response
        location = response.headers.get("Location")
        if not location or request.meta.get("dont_redirect"):
            return response
        target = urljoin(request.url, safe_url_string(location.decode("latin-1").strip()))
        chain = [*(request.meta.get("redirect_urls") or []), request.url]
        if _same(target, chain):
            self._refuse(request, [*chain, target])
        return response

    def _refuse(self, request: Request, chain: list[str]) -> None:
        detail = " -> ".join(chain)
        logger.info("skipped %s: redirect loop: %s", request.url, detail)
        self.stats.inc_value("limits/skipped_redirect_loop")
        raise IgnoreRequest(f"skipped: redirect loop: {detail}")


def _same(url: str, chain: list[str]) -> bool:
    try:
        wanted = canonicalize(url)
        return any(canonicalize(seen) == wanted for seen in chain)
    except ValueError:
        return url in chain
