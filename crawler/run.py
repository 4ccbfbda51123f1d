"""Running a crawl: find or start the run, seed its frontier, run Scrapy, close the run.

A run is identified by a fingerprint of its seeds and the settings that change what is
collected (depth, page cap, size cap). Started again with the same command, an unfinished
run is resumed (its pending frontier re-queued, nothing fetched or stored twice); a
finished one is followed by a new run, i.e. a new snapshot that ``clinicscan diff`` can
compare with the old one. Politeness settings (delay) are not in the fingerprint, so a
crawl can be resumed more gently.
"""

from __future__ import annotations

import hashlib
import json
import logging
import warnings
from dataclasses import asdict
from datetime import datetime, timezone
from pathlib import Path
from typing import Sequence

import redis
from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings
from scrapy.utils.log import configure_logging
from sqlalchemy import func, select, update

from clinicscan import __version__
from clinicscan.config import Config
from clinicscan.errors import ClinicscanError, StoreUnavailable
from clinicscan.store import CrawlRun, FrontierUrl, Store
from clinicscan.crawler import defaults, frontier, run_lock, shared
from clinicscan.crawler.seeds import Seed
from clinicscan.crawler.shared_scheduler import STOP_REASONS

__all__ = ["crawl_settings", "finish_run", "prepare_run", "run_crawl", "run_fingerprint"]

logger = logging.getLogger(__name__)

SEED_PRIORITY = 1000


def run_fingerprint(seeds: Sequence[Seed], options: dict) -> str:
    """Same seeds (in any order) and same collection options -> same fingerprint."""
    payload = {"seeds": sorted([seed.name, seed.url] for seed in seeds), "options": options}
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()


def prepare_run(store: Store, seeds: Sequence[Seed], options: dict, *, new_run: bool = False,
                label: str | None = None) -> int:
    """Resume the unfinished run with this fingerprint, or start one; seed its frontier."""
    fingerprint = run_fingerprint(seeds, options)
    with store.session() as session:
        run = None
        if not new_run:
            run = session.scalar(
                select(CrawlRun)
                .where(CrawlRun.fingerprint == fingerprint, CrawlRun.status == "running",
                       CrawlRun.kind == "crawl")
                .order_by(CrawlRun.id.desc()).limit(1)
            )
        if run is None:
            run = CrawlRun(kind="crawl", label=label, fingerprint=fingerprint, status="running",
                           seeds=[asdict(seed) for seed in seeds], settings=options,
                           version=__version__, stats={})
            session.add(run)
            session.flush()
            logger.info("starting crawl run %d (%d seeds)", run.id, len(seeds))
        else:
            logger.info("resuming unfinished crawl run %d started %s", run.id, run.started_at)
        rows = []
        for seed in seeds:
            site = store.upsert_site(session, seed.domain, seed.name, seed.url,
                                     seed.country, seed.region, seed.source)
            rows.append({"site_id": site.id, "url": seed.url, "depth": 0, "priority": SEED_PRIORITY})
        frontier.add_urls(session.connection(), run.id, rows)
        return run.id


def crawl_settings(config: Config, db_url: str, run_id: int, *, max_depth: int, max_pages: int,
                   delay: float, max_size: int, allow_loopback: bool, progress: bool = True,
                   overrides: dict | None = None) -> Settings:
    """The project settings (crawler/settings.py) with this crawl's options on top."""
    settings = Settings()
    settings.setmodule("clinicscan.crawler.settings", priority="project")
    settings.setdict({
        "CLINICSCAN_DB_URL": db_url,
        "CLINICSCAN_RUN_ID": run_id,
        "CLINICSCAN_ARCHIVE_DIR": str(Path(config.archive_dir).resolve()),
        "CLINICSCAN_ALLOW_LOOPBACK": allow_loopback,
        "CLINICSCAN_MAX_PAGES_PER_SITE": max_pages,
        "CLINICSCAN_PROGRESS_INTERVAL": 5.0 if progress else 0,
        "DEPTH_LIMIT": max_depth,
        "DOWNLOAD_DELAY": delay,
        "DOWNLOAD_MAXSIZE": max_size,
    }, priority="cmdline")
    if overrides:
        settings.setdict(overrides, priority="cmdline")
    return settings


def run_spider(settings: Settings) -> dict:
    """Run the clinic spider to the end in this process; returns Scrapy's stats."""
    from clinicscan.crawler.spiders.clinic import ClinicSpider

    if logging.getLogger().handlers:  # run_crawl configured logging already
        settings.set("LOG_INSTALL_ROOT_HANDLER", False, priority="cmdline")
    process = CrawlerProcess(settings)
    crawler = process.create_crawler(ClinicSpider)
    process.crawl(crawler)
    process.start()
    return dict(crawler.stats.get_stats() or {})


def finish_run(store: Store, run_id: int, stats: dict) -> None:
    """Close the run: leftover pending URLs were never fetched (page cap, filters).

    Called only after the spider finished on its own: a crawl stopped by a failing queue,
    store or archive raises before this, so its pending URLs stay pending for the rerun."""
    with store.session() as session:
        session.execute(
            update(FrontierUrl)
            .where(FrontierUrl.run_id == run_id, FrontierUrl.state == "pending")
            .values(state="skipped", reason="not fetched: over the page cap or filtered out")
        )
        run = session.get(CrawlRun, run_id)
        run.status = "finished"
        run.finished_at = datetime.now(timezone.utc)
        run.stats = _jsonable(stats)


def redis_stop_message(run_id: int, stats: dict, redis_url: str | None) -> str:
    where = shared.display_url(redis_url or "")
    if stats.get("redis/stop_reason") == "redis_lost_queue":
        what = f"Redis at {where} came back without the run's queue (restarted without its data)"
    else:
        what = f"Redis at {where} did not answer for {stats.get('redis/waited_seconds', '?')} s"
    return (f"crawl run {run_id} stopped: {what}; the URLs not fetched yet are kept in the "
            "database frontier. Once Redis answers, run the same command again: it re-queues "
            "them and resumes the run")


def archive_stop_message(store: Store, run_id: int, stats: dict) -> str:
    """Name the folder and how much room the rest of the run needs there."""
    folder = stats.get("archive/error_folder", "the WARC folder")
    with store.session() as session:
        pending = session.scalar(
            select(func.count()).select_from(FrontierUrl)
            .where(FrontierUrl.run_id == run_id, FrontierUrl.state == "pending")) or 0
    per_page = max(int(stats.get("archive/bytes_per_page", 0)),
                   int(stats.get("archive/error_record_bytes", 0)), 1)
    needed = max(per_page * pending, int(stats.get("archive/error_record_bytes", 0)))
    return (f"crawl run {run_id} stopped: cannot write the WARC archive in {folder} "
            f"({stats.get('archive/error', 'write error')}); free at least {_megabytes(needed)} "
            f"there (about {_megabytes(per_page)} a page for the {pending} URLs left) and run "
            "the same command again to resume")


def _megabytes(size: int) -> str:
    return f"{max(size / 1_000_000, 0.1):.1f} MB"


def _jsonable(stats: dict) -> dict:
    return {key: value if isinstance(value, (int, float, str, bool, type(None))) else str(value)
            for key, value in stats.items()}


def run_crawl(store: Store, config: Config, seeds: Sequence[Seed], *,
              max_depth: int = defaults.MAX_DEPTH, max_pages: int = defaults.MAX_PAGES_PER_SITE,
              delay: float = defaults.DELAY, max_size: int = defaults.MAX_SIZE,
              allow_loopback: bool = False, new_run: bool = False, redis_url: str | None = None,
              progress: bool = True, download_timeout: float | None = None,
              redis_wait: float = defaults.REDIS_WAIT) -> int:
    """Crawl ``seeds`` into the store and the WARC archive; returns the run id.

    Resumes the unfinished run started by the same command unless ``new_run``. Raises
    ClinicscanError if the crawl stops before its frontier is exhausted (the same command
    resumes it). With ``redis_url``, processes started with the same command share the run
    (see :mod:`clinicscan.crawler.shared`); the last one to finish closes it, and an outage
    of Redis longer than ``redis_wait`` seconds stops the crawl. Without it, one process
    crawls a run of a SQLite database at a time (:mod:`clinicscan.crawler.run_lock`).
    """
    client = shared.connect(redis_url) if redis_url else None  # fail before any request
    options = {"max_depth": max_depth, "max_pages": max_pages, "max_size": max_size}
    db_url = store.engine.url.render_as_string(hide_password=False)
    overrides = {"DOWNLOAD_TIMEOUT": download_timeout} if download_timeout else {}
    overrides["CLINICSCAN_REDIS_WAIT"] = redis_wait
    settings = crawl_settings(config, db_url, 0, max_depth=max_depth, max_pages=max_pages,
                              delay=delay, max_size=max_size, allow_loopback=allow_loopback,
                              progress=progress, overrides=overrides)
    configure_logging(settings)  # so what happens before Scrapy starts is logged too
    lock = None if client is not None else run_lock.for_sqlite(store, run_fingerprint(seeds, options))
    if lock is None:
        return _crawl(store, config, seeds, options, settings, client, redis_url, db_url, new_run)
    with lock:
        return _crawl(store, config, seeds, options, settings, client, redis_url, db_url, new_run)


def _crawl(store: Store, config: Config, seeds: Sequence[Seed], options: dict, settings: Settings,
           client, redis_url: str | None, db_url: str, new_run: bool) -> int:
    run_id = prepare_run(store, seeds, options, new_run=new_run)
    settings.set("CLINICSCAN_RUN_ID", run_id, priority="cmdline")
    prefix = None
    if client is not None:
        prefix = shared.namespace(db_url, run_fingerprint(seeds, options), run_id)
        settings.setdict(shared.scrapy_settings(redis_url, prefix), priority="cmdline")
        # scrapy-redis 0.9 still passes `spider` to the stats collector; one warning a request
        warnings.filterwarnings("ignore", message="Passing a 'spider' argument to StatsCollector")
    stats = run_spider(settings)
    reason = stats.get("finish_reason")
    if reason == "store_error" or stats.get("store/errors"):
        raise StoreUnavailable(f"crawl run {run_id} stopped: the database stopped accepting "
                               "writes (see the log above); fix it and run the same command "
                               "again to resume")
    if reason == "archive_error" or stats.get("archive/errors"):
        raise ClinicscanError(archive_stop_message(store, run_id, stats))
    if reason == "writer_error" or stats.get("store/writer_errors"):
        raise ClinicscanError(f"crawl run {run_id} stopped: the page writer failed "
                              f"({stats.get('store/writer_error', 'see the log above')}); the "
                              "pages not written stay pending: run the same command again to "
                              "resume it")
    if reason in STOP_REASONS or stats.get("redis/stop_reason"):
        raise ClinicscanError(redis_stop_message(run_id, stats, redis_url))
    if reason != "finished":
        raise ClinicscanError(f"crawl run {run_id} stopped early ({reason}); run the same "
                              "command again to resume it")
    if client is not None:
        try:
            if shared.queued(client, prefix) or shared.other_live_workers(client, prefix):
                logger.info("crawl run %d: this process is done; others are still working on "
                            "the shared queue, and the last one to finish closes the run", run_id)
                return run_id
            shared.expire_run(client, prefix)
        except redis.RedisError as exc:
            raise ClinicscanError(
                f"crawl run {run_id}: this process is done, but Redis at "
                f"{shared.display_url(redis_url)} stopped answering ({type(exc).__name__}) before "
                "the run could be closed; once it answers, run the same command again") from None
    finish_run(store, run_id, stats)
    logger.info("crawl run %d finished: %s pages stored, %s URLs skipped, %s failed", run_id,
                stats.get("store/inserted", 0), stats.get("store/skipped", 0),
                stats.get("store/failed", 0))
    return run_id
