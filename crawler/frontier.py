"""The crawl frontier, kept in the store so a killed crawl resumes where it stopped.

Every URL a run means to fetch has a ``FrontierUrl`` row: ``pending`` until its page is
committed (``done``), or until the crawler gives up on it (``skipped``/``failed`` with a
reason). Seeds are added before crawling; links are added by the store pipeline in the
same transaction as the page they were found on, so after a SIGKILL every committed page
has its links in the frontier and every uncommitted one is still pending.

The per-site page cap is enforced here too, when a request is about to be downloaded
(:class:`SiteBudgetMiddleware`): the scheduler hands out the highest-priority requests
first, so the cap keeps the pages a researcher wants and drops the rest.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass
from typing import Iterable

from scrapy.exceptions import IgnoreRequest, NotConfigured
from sqlalchemy import Connection, func, select, update

from clinicscan.store.models import FrontierUrl, Page, Site

logger = logging.getLogger(__name__)

FETCHED_STATES = ("done", "failed")


def insert_ignoring_duplicates(conn: Connection, table, rows: list[dict]) -> None:
    """INSERT rows, silently keeping the existing row on a unique-key clash."""
    if not rows:
        return
    name = conn.dialect.name
    if name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    elif name == "sqlite":
        from sqlalchemy.dialects.sqlite import insert
    else:  # pragma: no cover - only SQLite and PostgreSQL are supported
        raise RuntimeError(f"unsupported database dialect {name}")
    conn.execute(insert(table).on_conflict_do_nothing(), rows)


def add_urls(conn: Connection, run_id: int, rows: Iterable[dict]) -> None:
    """Add ``{"site_id", "url", "depth", "priority"}`` rows as pending (known URLs are kept)."""
    insert_ignoring_duplicates(
        conn, FrontierUrl.__table__,
        [dict(row, run_id=run_id, state="pending", reason=None) for row in rows],
    )


def mark(conn: Connection, run_id: int, urls: list[str], state: str, reason: str | None = None) -> None:
    """Set the state of these URLs of the run."""
    if urls:
        conn.execute(
            update(FrontierUrl)
            .where(FrontierUrl.run_id == run_id, FrontierUrl.url.in_(urls))
            .values(state=state, reason=reason)
        )


@dataclass
class FrontierSnapshot:
    """What a (re)starting crawl needs to know about its run."""

    pending: list[tuple[str, str, int, int]]  # (url, site_key, depth, priority), best first
    known: set[str]  # every URL of the run, whatever its state: never requested twice
    fetched: Counter  # site_key -> URLs already fetched (done or failed)
    stored: Counter  # site_key -> pages already stored


def load_snapshot(conn: Connection, run_id: int) -> FrontierSnapshot:
    """Read the run's frontier: pending URLs to request, known URLs to never request again."""
    keys = {site_id: domain for site_id, domain in conn.execute(select(Site.id, Site.domain))}
    pending: list[tuple[str, str, int, int]] = []
    known: set[str] = set()
    fetched: Counter = Counter()
    rows = conn.execute(
        select(FrontierUrl.url, FrontierUrl.site_id, FrontierUrl.depth, FrontierUrl.priority,
               FrontierUrl.state).where(FrontierUrl.run_id == run_id)
    )
    for url, site_id, depth, priority, state in rows:
        known.add(url)
        if state == "pending":
            pending.append((url, keys[site_id], depth, priority))
        elif state in FETCHED_STATES:
            fetched[keys[site_id]] += 1
    pending.sort(key=lambda row: (-row[3], row[2], row[0]))
    stored = Counter({
        keys[site_id]: count
        for site_id, count in conn.execute(
            select(Page.site_id, func.count()).where(Page.run_id == run_id).group_by(Page.site_id)
        )
    })
    return FrontierSnapshot(pending, known, fetched, stored)


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

    def process_request(self, request):
        budget: SiteBudget | None = getattr(self.crawler.spider, "budget", None)
        url = request.meta.get("frontier_url")
        if budget is None or url is None:
            return None
        if not budget.reserve(request.meta["site"], url):
            self.crawler.stats.inc_value("frontier/over_page_cap")
            raise IgnoreRequest(f"max-pages: site already has {budget.max_pages} pages")
        return None
