"""The crawl frontier, kept in the store so a killed crawl resumes where it stopped.

Every URL a run means to fetch has a ``FrontierUrl`` row: ``pending`` until its page is
committed (``done``), or until the crawler gives up on it (``skipped``/``failed`` with a
reason). Seeds are added before crawling; links are added by the store pipeline in the
same transaction as the page they were found on, so after a SIGKILL every committed page
has its links in the frontier and every uncommitted one is still pending.

The per-site page cap is the downloader middleware ``middlewares/site_budget.py``.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass
from typing import Iterable

from sqlalchemy import Connection, func, select, update

from clinicscan.store import insert_ignoring_duplicates
from clinicscan.store.inserts import sqlite_executemany
from clinicscan.store.models import FrontierUrl, Page, Site

logger = logging.getLogger(__name__)

FETCHED_STATES = ("done", "failed")
_SQLITE_MARK = (f"UPDATE {FrontierUrl.__tablename__} SET state = ?, reason = ? "
                "WHERE run_id = ? AND url = ?")


def add_urls(conn: Connection, run_id: int, rows: Iterable[dict]) -> None:
    """Add ``{"site_id", "url", "depth", "priority"}`` rows as pending (known URLs are kept)."""
    insert_ignoring_duplicates(
        conn, FrontierUrl.__table__,
        [dict(row, run_id=run_id, state="pending", reason=None) for row in rows],
    )


def mark(conn: Connection, run_id: int, urls: list[str], state: str, reason: str | None = None) -> None:
    """Set the state of these URLs of the run.

    On SQLite one executemany of an UPDATE by the run's unique (run_id, url) key on the
    transaction's sqlite3 connection: the crawl's writer thread marks every stored page, and
    SQLAlchemy's compilation of an ``IN`` of 50 URLs cost more than SQLite's updates."""
    if not urls:
        return
    dialect = conn.dialect
    if dialect.name == "sqlite" and dialect.driver == "pysqlite":
        sqlite_executemany(conn, _SQLITE_MARK, [(state, reason, run_id, url) for url in urls])
        return
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
