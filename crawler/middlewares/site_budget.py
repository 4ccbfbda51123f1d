"""The per-site page cap, enforced when a request is about to be downloaded.

The scheduler hands out the highest-priority requests first, so the cap keeps the pages a
researcher wants and drops the rest. ``SiteBudget`` counts in this process;
``clinicscan.crawler.shared.SharedSiteBudget`` is the same budget in Redis for several.
"""

from __future__ import annotations

from collections import Counter

from scrapy.exceptions import IgnoreRequest, NotConfigured

__all__ = ["SiteBudget", "SiteBudgetMiddleware"]


class SiteBudget:
    """At most ``max_pages`` fetches per site, counted once per frontier URL."""

    def __init__(self, max_pages: int, already_fetched: Counter | None = None):
        self.max_pages = max_pages
        self.used: Counter = Counter(already_fetched or {})
        self._granted: set[str] = set()

    def reserve(self, site: str, url: str) -> bool:
        """True if ``url`` may be fetched (a retry or redirect of a granted URL always may)."""
        if url in self._granted:
            return True
        if self.used[site] >= self.max_pages:
            return False
        self.used[site] += 1
        self._granted.add(url)
        return True


class SiteBudgetMiddleware:
    """Downloader middleware: refuses a request once its site has used its page budget.

    Runs after the robots.txt middleware, so disallowed URLs do not use budget. Requests
    without ``frontier_url`` in meta (robots.txt itself) are not counted.
    """

    def __init__(self, crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        if not crawler.settings.getint("CLINICSCAN_MAX_PAGES_PER_SITE"):
            raise NotConfigured("CLINICSCAN_MAX_PAGES_PER_SITE is not set")
        return cls(crawler)

    async def process_request(self, request):
        # async: Scrapy awaits a coroutine as it is, where a sync method's result goes
        # through an ABC isinstance check and a wrapper coroutine (~1 us a request)
        budget: SiteBudget | None = getattr(self.crawler.spider, "budget", None)
        url = request.meta.get("frontier_url")
        if budget is None or url is None:
            return None
        if not budget.reserve(request.meta["site"], url):
            self.crawler.stats.inc_value("frontier/over_page_cap")
            raise IgnoreRequest(f"max-pages: site already has {budget.max_pages} pages")
        return None
