"""The shared Redis queue, riding out a Redis outage for a bounded time.

scrapy-redis's scheduler lets every Redis error escape into the engine: a wall of
"Task exception was never retrieved" tracebacks, requests silently lost, and a crawl that
ends "finished" with its frontier half done. This scheduler instead holds the requests it
could not queue in memory, hands out nothing while Redis is away (so the crawl waits
rather than finishing), and, every second, tries Redis again:

* Redis answers again with the run's keys: the held requests are queued and the crawl goes on.
* Redis answers without them (it restarted without its data): the crawl stops, reason
  ``redis_lost_queue``.
* ``CLINICSCAN_REDIS_WAIT`` seconds pass without an answer: the crawl stops, reason
  ``redis_unavailable``.

Nothing is lost when it stops: every URL not fetched yet is still ``pending`` in the
database frontier, and the same command re-seeds the queue from it
(:func:`clinicscan.crawler.shared.reseed`). The scheduler also keeps this process's
``worker`` key alive, so a crawler starting on the run knows it has company.
"""

from __future__ import annotations

import logging
import time

import redis
from scrapy.utils.defer import deferred_from_coro
from scrapy_redis.scheduler import Scheduler
from twisted.internet import task

from clinicscan.crawler import shared

logger = logging.getLogger(__name__)

CHECK_INTERVAL_SECONDS = 1.0
STOP_REASONS = ("redis_unavailable", "redis_lost_queue")


class OutageTolerantScheduler(Scheduler):
    @classmethod
    def from_crawler(cls, crawler):
        scheduler = super().from_crawler(crawler)
        settings = crawler.settings
        scheduler.crawler = crawler
        scheduler.prefix = settings.get("CLINICSCAN_REDIS_PREFIX")
        scheduler.wait_seconds = settings.getfloat("CLINICSCAN_REDIS_WAIT", 60.0)
        scheduler.redis_url = shared.display_url(settings.get("REDIS_URL", ""))
        scheduler.held = []  # requests Redis could not take, queued when it is back
        scheduler.down_since = None
        scheduler.stopping = False
        scheduler.last_beat = 0.0
        scheduler.checker = None
        return scheduler

    # -- scrapy's scheduler interface -------------------------------------------------------

    def open(self, spider):
        try:
            super().open(spider)
            self._beat()
        except redis.RedisError as exc:
            self._outage(exc)
        self.checker = task.LoopingCall(self._check)
        self.checker.start(CHECK_INTERVAL_SECONDS, now=False)

    def close(self, reason):
        if self.checker is not None and self.checker.running:
            self.checker.stop()
        if self.held:
            logger.info("%d requests were still waiting for Redis; their URLs stay pending in "
                        "the database frontier", len(self.held))
        try:
            shared.unregister_worker(self.server, self.prefix)
            super().close(reason)
        except redis.RedisError:
            pass  # the worker key lapses by itself

    def enqueue_request(self, request):
        if self.down_since is None:
            try:
                return super().enqueue_request(request)
            except redis.RedisError as exc:
                self._outage(exc)
        self.held.append(request)
        self._inc("redis/held_requests")
        return True

    def next_request(self):
        if self.down_since is not None:
            return None  # wait: an empty answer here would let the crawl finish
        try:
            return super().next_request()
        except redis.RedisError as exc:
            self._outage(exc)
            return None

    def has_pending_requests(self):
        if self.down_since is not None:
            return not self.stopping
        try:
            return super().has_pending_requests() or bool(self.held)
        except redis.RedisError as exc:
            self._outage(exc)
            return True

    # -- outage handling -------------------------------------------------------------------

    def _outage(self, exc: Exception) -> None:
        if self.down_since is not None:
            return
        self.down_since = time.monotonic()
        self._inc("redis/outages")
        logger.warning("Redis at %s stopped answering (%s); waiting up to %g s for it. "
                       "Pages already fetched are still stored.", self.redis_url,
                       f"{type(exc).__name__}: {exc}".splitlines()[0], self.wait_seconds)

    def _check(self) -> None:
        """Every second: retry Redis during an outage, else keep the worker key alive."""
        if self.stopping:
            return
        if self.down_since is None:
            if time.monotonic() - self.last_beat >= shared.WORKER_TTL_SECONDS / 3:
                try:
                    self._beat()
                except redis.RedisError as exc:
                    self._outage(exc)
            return
        waited = time.monotonic() - self.down_since
        try:
            present = shared.run_keys_present(self.server, self.prefix)
        except redis.RedisError:
            if waited >= self.wait_seconds:
                self._stop("redis_unavailable")
            return
        if not present:
            self._stop("redis_lost_queue")
            return
        try:
            while self.held:
                self.queue.push(self.held[0])
                self.held.pop(0)
            self._beat()
        except redis.RedisError:
            return  # gone again: keep waiting
        logger.info("Redis is back after %.1f s; the crawl goes on", waited)
        self.down_since = None

    def _beat(self) -> None:
        shared.register_worker(self.server, self.prefix)
        self.last_beat = time.monotonic()

    def _stop(self, reason: str) -> None:
        self.stopping = True
        self.crawler.stats.set_value("redis/stop_reason", reason)
        self.crawler.stats.set_value("redis/waited_seconds", round(time.monotonic() - self.down_since, 1))
        logger.error("stopping the crawl: %s", "Redis did not answer for %g s" % self.wait_seconds
                     if reason == "redis_unavailable" else "Redis came back without the run's queue")
        deferred_from_coro(self.crawler.engine.close_spider_async(reason=reason))

    def _inc(self, key: str) -> None:
        if self.stats is not None:
            self.stats.inc_value(key)
