"""Several crawler processes on one run: the frontier queue and page budget in Redis.

With ``--redis-url``, scrapy-redis's Scheduler and dupefilter replace Scrapy's in-memory
ones, so every process pops from one priority queue and no URL is scheduled twice across
processes. The database stays the record of truth (pages, frontier states); Redis only
holds the work in flight. Keys live under one namespace per database and run, so runs and
test databases never share a queue. The per-site page cap is shared through a counter.

Each process keeps a short-lived ``worker`` key alive while it crawls. A process starting
on a run with live workers joins their queue; with none, whatever Redis holds for the run
is left over from a crawl that stopped (or Redis lost it), so the queue is rebuilt from the
database's pending frontier (:func:`reseed`). Redis outages during a crawl are handled by
:mod:`clinicscan.crawler.shared_scheduler`.
"""

from __future__ import annotations

import hashlib
import logging
import os
import socket
import time
from collections import Counter
from urllib.parse import urlsplit

import redis
from redis.backoff import NoBackoff
from redis.retry import Retry

from clinicscan.errors import StoreUnavailable

logger = logging.getLogger(__name__)

KEY_TTL_SECONDS = 7 * 24 * 3600  # a finished run's keys expire; in-flight work is never cut
WORKER_TTL_SECONDS = 30  # a crawler that stopped answering is presumed gone after this
SOCKET_TIMEOUT_SECONDS = 5.0  # a Redis call never blocks the crawl longer than this


def client_params(timeout: float = SOCKET_TIMEOUT_SECONDS) -> dict:
    """redis-py options: fail fast, no silent retries (the scheduler decides how long to wait)."""
    return {"socket_timeout": timeout, "socket_connect_timeout": timeout,
            "retry_on_timeout": False, "retry": Retry(NoBackoff(), 0)}


def display_url(redis_url: str) -> str:
    """The URL without its password, for messages."""
    parts = urlsplit(redis_url)
    if parts.password is None:
        return redis_url
    return parts._replace(netloc=f"{parts.username or ''}:***@{parts.hostname}"
                          + (f":{parts.port}" if parts.port else "")).geturl()


def namespace(db_url: str, fingerprint: str, run_id: int) -> str:
    """Redis key prefix for one run of one database."""
    digest = hashlib.sha256(f"{db_url}\n{fingerprint}".encode()).hexdigest()[:16]
    return f"clinicscan:{digest}:run{run_id}"


def connect(redis_url: str) -> redis.Redis:
    """A client for ``redis_url``, checked reachable (before any request is made)."""
    try:
        client = redis.Redis.from_url(redis_url, **client_params())
        client.ping()
    except (redis.RedisError, ValueError) as exc:
        raise StoreUnavailable(f"cannot reach Redis at {display_url(redis_url)}: {exc}. Check that the server "
                               "is running and the --redis-url (redis://host:6379/0)") from exc
    return client


def scrapy_settings(redis_url: str, prefix: str) -> dict:
    """Settings that put the scheduler queue and the dupefilter in Redis."""
    return {
        "DUPEFILTER_CLASS": "scrapy_redis.dupefilter.RFPDupeFilter",
        "SCHEDULER_QUEUE_CLASS": "scrapy_redis.queue.PriorityQueue",
        "SCHEDULER_PERSIST": True,  # other processes may still be working on the queue
        "SCHEDULER_IDLE_BEFORE_CLOSE": 0,
        "SCHEDULER_QUEUE_KEY": f"{prefix}:requests",
        "SCHEDULER_DUPEFILTER_KEY": f"{prefix}:dupefilter",
        "SCHEDULER": "clinicscan.crawler.shared_scheduler.OutageTolerantScheduler",
        "REDIS_URL": redis_url,
        "REDIS_PARAMS": client_params(),
        "CLINICSCAN_REDIS_URL": redis_url,
        "CLINICSCAN_REDIS_PREFIX": prefix,
    }


def queued(client: redis.Redis, prefix: str) -> int:
    """Requests waiting in the shared queue."""
    return int(client.zcard(f"{prefix}:requests"))


def worker_id() -> str:
    """This process, as other crawlers see it: ``host:pid``."""
    return f"{socket.gethostname()}:{os.getpid()}"


def register_worker(client: redis.Redis, prefix: str, ttl: int = WORKER_TTL_SECONDS) -> None:
    """Say (again) that this process is crawling the run; the key lapses if it stops saying so."""
    client.set(f"{prefix}:worker:{worker_id()}", int(time.time()), ex=ttl)


def unregister_worker(client: redis.Redis, prefix: str) -> None:
    client.delete(f"{prefix}:worker:{worker_id()}")


def other_live_workers(client: redis.Redis, prefix: str) -> list[str]:
    """Other processes crawling the run. Keys of dead processes on this host are removed
    at once (a crawl stopped by an outage could not remove its own)."""
    me, host = worker_id(), socket.gethostname()
    live = []
    for key in client.scan_iter(f"{prefix}:worker:*"):
        worker = key.decode().rsplit(":worker:", 1)[1]
        if worker == me:
            continue
        worker_host, _, pid = worker.rpartition(":")
        if worker_host == host and not _pid_alive(int(pid)):
            client.delete(key)
            continue
        live.append(worker)
    return live


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def reseed(client: redis.Redis, prefix: str) -> None:
    """Forget the run's queue and page-budget counters (the database frontier is re-queued
    and the budget recounted from it); mark the run's keys as present."""
    stale = [f"{prefix}:requests", f"{prefix}:granted", *client.scan_iter(f"{prefix}:used:*")]
    client.delete(*stale)
    client.set(f"{prefix}:present", 1)


def run_keys_present(client: redis.Redis, prefix: str) -> bool:
    """False once Redis lost the run's keys (restarted without its data, or flushed)."""
    return bool(client.exists(f"{prefix}:present"))


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
