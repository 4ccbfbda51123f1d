"""The one spider: crawls each seed's site, best links first, within depth and page caps.

Links come from Scrapy's ``LinkExtractor`` with its ``deny_extensions`` (Scrapy's list of file
extensions that are not pages: PDF, images, office documents, archives, media), so a link to
a brochure or a photo is never requested and never spends the site's page budget; a page
whose URL does not say what it is still gets fetched, and the parse callback skips it when
its Content-Type is not HTML. Our ``canonicalize`` (not Scrapy's) names each URL.

It starts from the run's pending frontier (the seeds on a new run; what was left on a
resumed one), so it needs ``CLINICSCAN_DB_URL`` and ``CLINICSCAN_RUN_ID``. It stays on each
seed's site, keeps only HTML, and reports every URL it gives up on (robots.txt, page cap,
HTTP errors, non-HTML) as a :class:`~crawler.items.UrlOutcome` so the frontier records why.
With ``--redis-url`` it joins the run's shared queue when other processes are at work on it.
"""

from __future__ import annotations

import hashlib
import logging
from collections import Counter
from datetime import datetime, timezone

import redis
import scrapy
from scrapy.exceptions import IgnoreRequest
from scrapy.http import HtmlResponse, TextResponse
from scrapy.linkextractors import IGNORED_EXTENSIONS, LinkExtractor
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.defer import deferred_from_coro
from twisted.internet import task

from clinicscan.errors import StoreUnavailable
from clinicscan.store import open_store
from clinicscan.crawler import defaults, shared
from clinicscan.crawler.frontier import load_snapshot
from clinicscan.crawler.middlewares.site_budget import SiteBudget
from clinicscan.crawler.items import FrontierLink, PageItem, UrlOutcome
from clinicscan.crawler.link_priorities import LinkPriorities
from clinicscan.crawler.urls import canonicalize, is_http_url, site_key

logger = logging.getLogger(__name__)

#: links of <a href>; mailto:, tel:, javascript: and other non-web schemes are dropped by the
#: extractor, file: and ftp: by ``is_http_url``; canonicalisation is ours (``canonicalize``).
#: ``restrict_xpaths`` hands it the anchors found by lxml's XPath (in C): without it, the
#: extractor walks every element of the page in Python. Measured cost (bench/crawl.py, 2 x 400
#: pages of 14 links, best of 3, two runs): 3.4-3.5 -> 3.9-4.0 ms CPU a page for the bare crawl
#: (safe_url_string, two urljoins and the extension test per link, where the hand-written loop
#: reused the canonical-URL cache), full/bare CPU ratio 0.72-0.80 -> 0.79-0.81; repaid by each
#: file link not downloaded.
_LINKS = LinkExtractor(tags=("a",), attrs=("href",), restrict_xpaths=("//a[@href]",),
                       deny_extensions=IGNORED_EXTENSIONS, canonicalize=False, unique=True)


def _sniff_html(body: bytes) -> bool:
    head = body[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<html" in head


def _header_pairs(headers) -> list[tuple[str, str]]:
    return [
        (name.decode("latin-1"), value.decode("latin-1"))
        for name, values in headers.items()
        for value in values
    ]


class ClinicSpider(scrapy.Spider):
    name = "clinic"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.budget: SiteBudget | None = None
        self.known: set[str] = set()
        self.pages_seen: Counter = Counter()  # site -> HTML pages handed to the pipelines
        self._canonical: dict[str, str] = {}  # menus repeat on every page: canonicalize once
        self._progress: task.LoopingCall | None = None

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        settings = crawler.settings
        spider.run_id = settings.getint("CLINICSCAN_RUN_ID")
        spider.db_url = settings.get("CLINICSCAN_DB_URL")
        if not spider.run_id or not spider.db_url:
            raise ValueError("the clinic spider needs CLINICSCAN_RUN_ID and CLINICSCAN_DB_URL; "
                             "run it through `clinicscan crawl`")
        spider.max_depth = settings.getint("DEPTH_LIMIT")
        spider.max_pages = settings.getint("CLINICSCAN_MAX_PAGES_PER_SITE", defaults.MAX_PAGES_PER_SITE)
        spider.priorities = LinkPriorities.load()
        spider.progress_interval = settings.getfloat("CLINICSCAN_PROGRESS_INTERVAL", 5.0)
        crawler.signals.connect(spider._closed, signal=scrapy.signals.spider_closed)
        return spider

    async def start(self):
        store = open_store(self.db_url, create=False)
        try:
            with store.engine.connect() as conn:
                snapshot = load_snapshot(conn, self.run_id)
        finally:
            store.dispose()
        self.known = snapshot.known
        self.pages_seen = snapshot.stored
        pending = snapshot.pending
        redis_url = self.settings.get("CLINICSCAN_REDIS_URL")
        if redis_url:
            try:
                pending = self._join_or_reseed(redis_url, snapshot)
            except (redis.RedisError, StoreUnavailable) as exc:
                # not a finished crawl: stop as the scheduler does when Redis goes away
                logger.error("Redis stopped answering as the crawl started (%s)", type(exc).__name__)
                self.crawler.stats.set_value("redis/stop_reason", "redis_unavailable")
                self.crawler.stats.set_value("redis/waited_seconds", 0)
                deferred_from_coro(self.crawler.engine.close_spider_async(reason="redis_unavailable"))
                return
        else:
            self.budget = SiteBudget(self.max_pages, snapshot.fetched)
        logger.info("run %d: %d URLs to fetch, %d pages already stored, %d URLs known",
                    self.run_id, len(pending), sum(snapshot.stored.values()),
                    len(snapshot.known))
        if self.progress_interval > 0:
            self._progress = task.LoopingCall(self._log_progress)
            self._progress.start(self.progress_interval, now=False)
        for url, site, depth, priority in pending:
            # pending URLs may be in a shared dupefilter already (fetched by a process that
            # died before storing them), so they bypass it
            yield self._request(url, site, depth, priority, dont_filter=bool(redis_url))

    def _join_or_reseed(self, redis_url: str, snapshot) -> list:
        """The pending URLs this process must queue: none when others crawl the run."""
        client, prefix = shared.connect(redis_url), self.settings.get("CLINICSCAN_REDIS_PREFIX")
        pending = snapshot.pending
        others = shared.other_live_workers(client, prefix)
        if others:
            # other processes are at work: join them; re-queueing the pending URLs
            # would fetch in-flight ones twice
            logger.info("run %d: joining %d requests queued in Redis by %s", self.run_id,
                        shared.queued(client, prefix), ", ".join(sorted(others)))
            pending = []
        else:
            # nobody is crawling: what Redis holds was left by a crawl that stopped (or
            # is gone); the database frontier is the whole truth, so queue it again
            shared.reseed(client, prefix)
        self.budget = shared.SharedSiteBudget(client, prefix, self.max_pages, snapshot.fetched)
        return pending

    def _request(self, url: str, site: str, depth: int, priority: int,
                 dont_filter: bool = False) -> scrapy.Request:
        return scrapy.Request(
            url, callback=self.parse, errback=self.failed, priority=priority, dont_filter=dont_filter,
            meta={"frontier_url": url, "site": site, "frontier_depth": depth, "depth": depth},
        )

    def parse(self, response):
        meta = response.meta
        url, site, depth = meta["frontier_url"], meta["site"], meta["frontier_depth"]
        content_type = response.headers.get(b"Content-Type", b"").decode("latin-1") or None
        if not self._is_html(response, content_type):
            self.crawler.stats.inc_value("crawl/skipped_non_html")
            yield UrlOutcome(url, site, depth, "skipped", f"not HTML ({content_type or 'no content type'})")
            return
        if site_key(response.url) != site:
            self.crawler.stats.inc_value("crawl/skipped_offsite_redirect")
            reason = f"redirected off-site to {response.url}"
            if depth == 0:
                reason += f"; if that is the clinic's site now, put {site_key(response.url)} in the seed list"
                logger.warning("seed %s: %s", url, reason)
            yield UrlOutcome(url, site, depth, "skipped", reason)
            return
        if not isinstance(response, HtmlResponse):
            response = response.replace(cls=HtmlResponse)
        links = self._links(response, site, depth) if depth < self.max_depth else []
        body = response.body
        self.pages_seen[site] += 1
        yield PageItem(
            url=url, site=site, final_url=response.url, status=response.status,
            fetched_at=datetime.now(timezone.utc), content_type=content_type, depth=depth,
            body=body, html=response.text, content_hash=hashlib.sha256(body).hexdigest(),
            encoding=response.encoding,
            http_version=(response.protocol or "HTTP/1.1").upper(),
            response_headers=_header_pairs(response.headers),
            request_headers=_header_pairs(response.request.headers),
            request_method=response.request.method, links=links,
        )
        for link in links:
            yield self._request(link.url, link.site, link.depth, link.priority)

    @staticmethod
    def _is_html(response, content_type: str | None) -> bool:
        if content_type:
            return "html" in content_type.lower()
        return isinstance(response, HtmlResponse) or _sniff_html(response.body)

    def _links(self, response: TextResponse, site: str, depth: int) -> list[FrontierLink]:
        """New same-site links, scored; each URL is handed out once per run."""
        found: list[FrontierLink] = []
        for link in _LINKS.extract_links(response):
            absolute = link.url
            url = self._canonical.get(absolute)
            if url is None:
                url = canonicalize(absolute) if is_http_url(absolute) else ""
                if len(self._canonical) > 200_000:
                    self._canonical.clear()
                self._canonical[absolute] = url
            if not url or url in self.known or site_key(url) != site:
                continue
            self.known.add(url)
            found.append(FrontierLink(url, site, depth + 1, self.priorities.score(url, link.text, depth + 1)))
        # best first, so the scheduler never sees a weak link before a strong one of this page
        found.sort(key=lambda link: -link.priority)
        return found

    def failed(self, failure):
        """Errback: record why a frontier URL produced no page."""
        request = failure.request
        meta = request.meta
        exc = failure.value
        if isinstance(exc, redis.RedisError):
            # the shared page budget could not be asked: not this URL's fault; the
            # scheduler holds the request until Redis is back (or the crawl stops and
            # the URL stays pending)
            self.crawler.stats.inc_value("redis/requeued_requests")
            yield request.replace(dont_filter=True)
            return
        if isinstance(exc, IgnoreRequest) and not isinstance(exc, HttpError):
            state, reason = "skipped", str(exc) or "ignored by a middleware"
            if "not HTML" in reason:
                self.crawler.stats.inc_value("crawl/skipped_non_html")
        elif isinstance(exc, HttpError):
            state, reason = "failed", f"HTTP {exc.response.status}"
        else:
            state, reason = "failed", f"{type(exc).__name__}: {exc}".strip()
        self.crawler.stats.inc_value(f"crawl/{state}")
        logger.debug("%s %s: %s", state, request.url, reason)
        reason = reason.replace("\x00", "")[:500]
        yield UrlOutcome(meta["frontier_url"], meta["site"], meta["frontier_depth"], state, reason)

    def _log_progress(self) -> None:
        stats = self.crawler.stats
        queued = sum((stats.get_value(f"scheduler/enqueued{kind}", 0) or 0)
                     - (stats.get_value(f"scheduler/dequeued{kind}", 0) or 0) for kind in ("", "/redis"))
        per_site = ", ".join(f"{site}: {n}" for site, n in self.pages_seen.most_common(8))
        more = len(self.pages_seen) - 8
        logger.info(
            "progress: %d pages stored this session (%d in the run), queue %d; per site: %s%s",
            stats.get_value("store/inserted", 0), sum(self.pages_seen.values()), queued,
            per_site or "-", f" (+{more} more sites)" if more > 0 else "",
        )

    def _closed(self, spider, reason):
        if self._progress is not None and self._progress.running:
            self._progress.stop()
        if spider is self:
            self._log_progress()
