"""Two crawler processes share one run through Redis (scrapy-redis) and one PostgreSQL."""

from __future__ import annotations

import os
import time

import pytest
from localsite import LocalSite, clinicscan, clinicscan_popen, html_page
from sqlalchemy import func, select

from clinicscan.store import CrawlRun, Page, open_store

REDIS_URL = os.environ.get("CLINICSCAN_TEST_REDIS", "redis://127.0.0.1:6379/0")


@pytest.fixture
def redis_url():
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
    except redis.RedisError as exc:
        pytest.fail(f"Redis is not reachable at {REDIS_URL} ({exc}); start it with: "
                    "redis-server --daemonize yes")
    return REDIS_URL


@pytest.mark.postgres
def test_two_processes_share_the_frontier(pg_url, redis_url, tmp_path):
    paths = [f"/p/{n}" for n in range(40)]
    pages = {"/": html_page("Home", [(path, f"Treatment {path}") for path in paths]),
             **{path: html_page(f"Page {path}") for path in paths}}
    args = ("crawl", "--allow-loopback", "--delay", "0", "--max-depth", "1",
            "--max-pages", "100", "--redis-url", redis_url)
    # pages after the home page wait until the second process has asked for robots.txt,
    # i.e. until it has joined and taken work from the shared queue
    def second_joined(site, path):
        return path == "/" or site.requests.count("/robots.txt") >= 2

    with LocalSite(pages, delay=0.02, hold_until=second_joined) as site:
        first = clinicscan_popen(pg_url, tmp_path / "a", args[0], site.url, *args[1:])
        store = open_store(pg_url)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and first.poll() is None:  # links queued, one held
            if any(path.startswith("/p/") for path in site.requests):
                break
            time.sleep(0.05)
        second = clinicscan(pg_url, tmp_path / "b", args[0], site.url, *args[1:])
        first_out, first_err = first.communicate(timeout=60)
        assert first.returncode == 0, first_err[-3000:]
        assert second.returncode == 0, second.stderr[-3000:]
        requested = site.page_requests()

    assert "joining" in second.stderr, second.stderr  # the second process worked off the shared queue
    stored_by_second = [line for line in second.stderr.splitlines() if "progress:" in line][-1]
    assert "progress: 0 pages" not in stored_by_second
    assert sorted(requested) == sorted(pages)  # every page fetched once, across both
    with store.session() as session:
        urls = session.scalars(select(Page.url).where(Page.run_id == 1)).all()
        assert session.scalar(select(func.count()).select_from(CrawlRun)) == 1
        assert session.get(CrawlRun, 1).status == "finished"
    assert len(urls) == len(set(urls)) == len(pages)
    store.dispose()


def test_unreachable_redis_fails_before_any_request(sqlite_url, tmp_path):
    with LocalSite({"/": html_page("Home")}) as site:
        result = clinicscan(sqlite_url, tmp_path, "crawl", site.url, "--allow-loopback",
                            "--redis-url", "redis://127.0.0.1:1/0")
        assert site.requests == []
    assert result.returncode == 2
    assert "error: cannot reach Redis" in result.stderr
