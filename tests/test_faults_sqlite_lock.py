"""Two crawlers on one run of one SQLite file: the second refuses in one line naming the
first one's pid, so every page is fetched once; a lock left by a killed crawler is noticed
as stale and taken over by the next crawl, which resumes the run."""

from __future__ import annotations

import os
import signal
import threading
import time

from localsite import LocalSite, clinicscan, clinicscan_popen, html_page
from warccheck import assert_pages_point_at_whole_records, assert_segments_whole

PAGES = {"/": html_page("Home", [(f"/p/{n}", f"Treatment {n}") for n in range(20)]),
         **{f"/p/{n}": html_page(f"Treatment page {n}") for n in range(20)}}
ARGS = ("--allow-loopback", "--delay", "0", "--max-depth", "1", "--max-pages", "100")


def lock_files(sqlite_url: str) -> list:
    from pathlib import Path

    database = Path(sqlite_url.removeprefix("sqlite:///"))
    return sorted(database.parent.glob(f"{database.name}.crawl-*.lock"))


def wait_for(condition, what: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.02)


def test_second_crawler_on_the_same_run_refuses(sqlite_url, tmp_path):
    release = threading.Event()
    with LocalSite(PAGES, hold_until=lambda site, path: path == "/" or release.is_set()) as site:
        first = clinicscan_popen(sqlite_url, tmp_path, "crawl", site.url, *ARGS)
        wait_for(lambda: any(path.startswith("/p/") for path in site.requests), "the first crawl")
        second = clinicscan(sqlite_url, tmp_path, "crawl", site.url, *ARGS)
        release.set()
        _, first_err = first.communicate(timeout=60)
        requested = site.page_requests()

    assert second.returncode == 2, second.stderr[-3000:]
    assert "Traceback" not in second.stderr
    [line] = [line for line in second.stderr.splitlines() if line.startswith("error:")]
    assert line.startswith(f"error: another crawler (pid {first.pid} on ")
    assert "wait for it to finish or stop it, then run the same command again" in line
    assert first.returncode == 0, first_err[-3000:]
    assert sorted(requested) == sorted(PAGES)  # each page fetched once
    assert len(assert_pages_point_at_whole_records(sqlite_url, 1)) == len(PAGES)
    assert lock_files(sqlite_url) == []  # released at the end


def test_a_killed_crawlers_lock_is_taken_over(sqlite_url, tmp_path):
    with LocalSite(PAGES, delay=0.05) as site:
        first = clinicscan_popen(sqlite_url, tmp_path, "crawl", site.url, *ARGS)
        wait_for(lambda: len(site.page_requests()) >= 5, "the first crawl")
        os.kill(first.pid, signal.SIGKILL)  # the process this test started
        first.communicate(timeout=30)
        [lock] = lock_files(sqlite_url)
        assert f'"pid": {first.pid}' in lock.read_text()

        rerun = clinicscan(sqlite_url, tmp_path, "crawl", site.url, *ARGS)
    assert rerun.returncode == 0, rerun.stderr[-3000:]
    assert f"left by pid {first.pid}" in rerun.stderr and "no longer running" in rerun.stderr
    assert "resuming unfinished crawl run 1" in rerun.stderr
    assert len(assert_pages_point_at_whole_records(sqlite_url, 1)) == len(PAGES)
    # a page archived but not yet committed when the crawl was killed is fetched again
    assert assert_segments_whole(tmp_path / "warc") >= len(PAGES)
    assert lock_files(sqlite_url) == []
