"""Several crawler processes on one run: the frontier queue and page budget in Redis.

With ``--redis-url``, scrapy-redis's Scheduler and dupefilter replace Scrapy's in-memory
ones, so every process pops from one priority queue and no URL is scheduled twice across
processes. The database stays the record of truth (pages, frontier states); Redis only
holds the work in flight. Keys live under one namespace per database and run, so runs and
test databases never share a queue. The per-site page cap is shared through a counter.
"""

from __future__ import annotations

import hashlib
import logging
from collections import Counter

import redis

from clinicscan.errors import StoreUnavailable

logger = logging.getLogger(__name__)

KEY_TTL_SECONDS = 7 * 24 * 3600  # a finished run's keys expire; in-flight work is never cut


def namespace(db_url: str, fingerprint: str, run_id: int) -> str:
    """Redis key prefix for one run of one database."""
    digest = hashlib.sha256(f"{db_url}\n{fingerprint}".encode()).hexdigest()[:16]
    return f"clinicscan:{digest}:run{run_id}"


def connect(redis_url: str) -> redis.Redis:
    """A client for ``redis_url``, checked reachable (before any request is made)."""
    try:
        client = redis.Redis.from_url(redis_url, socket_connect_timeout=5)
        client.ping()
    except (redis.RedisError, ValueError) as exc:
        raise StoreUnavailable(f"cannot reach Redis at {redis_url}: {exc}. Check that the server "
                               "is running and the --redis-url (redis://host:6379/0)") from exc
    return client


def scrapy_settings(redis_url: str, prefix: str) -> dict:
    """Settings that put the scheduler queue and the dupefilter in Redis."""
    return {
        "SCHEDULER": "scrapy_redis.scheduler.Scheduler",
        "DUPEFILTER_CLASS": "scrapy_redis.dupefilter.RFPDupeFilter",
        "SCHEDULER_QUEUE_CLASS": "scrapy_redis.queue.PriorityQueue",
        "SCHEDULER_PERSIST": True,  # other processes may still be working on the queue
        "SCHEDULER_IDLE_BEFORE_CLOSE": 0,
        "SCHEDULER_QUEUE_KEY": f"{prefix}:requests",
        "SCHEDULER_DUPEFILTER_KEY": f"{prefix}:dupefilter",
        "REDIS_URL": redis_url,
        "CLINICSCAN_REDIS_URL": redis_url,
        "CLINICSCAN_REDIS_PREFIX": prefix,
    }


def queued(client: redis.Redis, prefix: str) -> int:
    """Requests waiting in the shared queue."""
    return int(client.zcard(f"{prefix}:requests"))


def expire_run(client: redis.Redis, prefix: str) -> None:
    """Let a finished run's keys expire (not delete: a straggler may still be writing)."""
    for key in client.scan_iter(f"{prefix}:*"):
        client.expire(key, KEY_TTL_SECONDS)


class SharedSiteBudget:
    """:class:`clinicscan.crawler.middlewares.site_budget.SiteBudget` with its counters in Redis, for all processes."""

    def __init__(self, client: redis.Redis, prefix: str, max_pages: int,
                 already_fetched: Counter | None = None):
        self.client = client
        self.prefix = prefix
        self.max_pages = max_pages
        self.already_fetched = Counter(already_fetched or {})
        self._started_sites: set[str] = set()

    def reserve(self, site: str, url: str) -> bool:
        if not self.client.sadd(f"{self.prefix}:granted", url):
            return True  # granted before: a retry, a redirect, or a re-queued request
        counter = f"{self.prefix}:used:{site}"
        if site not in self._started_sites:
            self.client.setnx(counter, self.already_fetched[site])  # first process seeds it
            self._started_sites.add(site)
        if self.client.incr(counter) > self.max_pages:
            self.client.srem(f"{self.prefix}:granted", url)
            return False
        return True
