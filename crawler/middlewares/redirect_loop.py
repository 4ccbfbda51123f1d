"""Stop redirect loops at the hop that closes them, with the chain in the reason.

Scrapy's RedirectMiddleware gives up after ``REDIRECT_MAX_TIMES`` hops, and a loop back to
an already-seen URL is usually dropped silently by the duplicate filter, leaving the
frontier row with no reason. These are Scrapy's two redirect middlewares (3xx and
``<meta http-equiv="refresh">``) with one more check where they make the redirected
request: a target that is a URL of the chain so far is refused, ``skipped: redirect loop:
/a -> /b -> /a``, counted in ``limits/skipped_redirect_loop``, before the hop limit is
looked at. The check runs only when a redirect is followed, so an ordinary page passes
no extra middleware (it used to be a middleware of its own: two more calls a page through
Scrapy's chain, ~3 us each; docs/crawl-cost.md). ``settings.py`` puts them in place of
Scrapy's at the same priorities.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from scrapy.downloadermiddlewares.redirect import MetaRefreshMiddleware, RedirectMiddleware
from scrapy.exceptions import IgnoreRequest

from clinicscan.crawler.urls import canonicalize

if TYPE_CHECKING:
    from scrapy.http import Request

logger = logging.getLogger(__name__)


class _RefusesLoops:
    """The loop check, for a subclass of Scrapy's ``BaseRedirectMiddleware``."""

    def _redirect(self, redirected: Request, request: Request, reason) -> Request:
        chain = [*(request.meta.get("redirect_urls") or []), request.url]
        if _same(redirected.url, chain):
            self._refuse(request, [*chain, redirected.url])
        return super()._redirect(redirected, request, reason)

    def _refuse(self, request: Request, chain: list[str]) -> None:
        detail = " -> ".join(chain)
        logger.info("skipped %s: redirect loop: %s", request.url, detail)
        self.crawler.stats.inc_value("limits/skipped_redirect_loop")
        raise IgnoreRequest(f"skipped: redirect loop: {detail}")


class RedirectLoopMiddleware(_RefusesLoops, RedirectMiddleware):
    """Scrapy's 3xx RedirectMiddleware, refusing a redirect back into its own chain."""


class MetaRefreshLoopMiddleware(_RefusesLoops, MetaRefreshMiddleware):
    """Scrapy's MetaRefreshMiddleware, refusing a refresh back into its own chain."""


def _same(url: str, chain: list[str]) -> bool:
    try:
        wanted = canonicalize(url)
        return any(canonicalize(seen) == wanted for seen in chain)
    except ValueError:
        return url in chain
