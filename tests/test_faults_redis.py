"""Redis fails during a shared-frontier crawl: the crawl waits (bounded), or stops in one line
and the same command resumes the same run, with nothing lost and nothing stored twice.

Each test starts its own redis-server on a free port (never the shared one on 6379) and
shuts it down mid-crawl, keeping or dropping its data, as an operator's restart would.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest
from localsite import LocalSite, clinicscan, clinicscan_popen, html_page
from sqlalchemy import func, select
from warccheck import assert_pages_point_at_whole_records, assert_segments_whole

from clinicscan.store import CrawlRun, FrontierUrl, open_store

REDIS_SERVER = shutil.which("redis-server")
pytestmark = pytest.mark.skipif(REDIS_SERVER is None, reason="redis-server is not installed")

PAGES = {"/": html_page("Home", [(f"/p/{n}", f"Treatment {n}") for n in range(40)]),
         **{f"/p/{n}": html_page(f"Treatment page {n}") for n in range(40)}}


class RedisServer:
    """A redis-server of our own, on a free port, that a test may stop and start again."""

    def __init__(self, folder: Path):
        self.folder = folder
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        # no automatic snapshots: the data survives a stop only when stop(keep_data=True)
        self.process = subprocess.Popen(
            [REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--dir", str(self.folder), "--dbfilename", "dump.rdb"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        while self._cli("PING") != "PONG":
            assert time.monotonic() < deadline, "our redis-server did not start"
            time.sleep(0.05)

    def stop(self, keep_data: bool) -> None:
        self._cli("SHUTDOWN", "SAVE" if keep_data else "NOSAVE")
        self.process.wait(timeout=10)
        if not keep_data:
            (self.folder / "dump.rdb").unlink(missing_ok=True)

    def close(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)

    def _cli(self, *args: str) -> str:
        result = subprocess.run(["redis-cli", "-p", str(self.port), *args],
                                capture_output=True, text=True, timeout=10)
        return result.stdout.strip()


@pytest.fixture
def own_redis(tmp_path):
    server = RedisServer(tmp_path)
    server.start()
    yield server
    server.close()


def crawl_args(site, redis_url: str, wait: float) -> tuple[str, ...]:
    return ("crawl", site.url, "--allow-loopback", "--delay", "0", "--max-depth", "1",
            "--max-pages", "100", "--redis-url", redis_url, "--redis-wait", str(wait))


def stop_redis_mid_crawl(site, crawl: subprocess.Popen, redis: RedisServer, keep_data: bool) -> None:
    deadline = time.monotonic() + 30
    while len(site.page_requests()) < 8:
        assert crawl.poll() is None and time.monotonic() < deadline, "the crawl ended too early"
        time.sleep(0.02)
    redis.stop(keep_data)


def run_state(db_url: str) -> tuple[str, int, list[str]]:
    """(run status, pending URLs, reasons given for skipped URLs) of run 1."""
    store = open_store(db_url)
    with store.session() as session:
        status = session.get(CrawlRun, 1).status
        pending = session.scalar(select(func.count()).select_from(FrontierUrl)
                                 .where(FrontierUrl.state == "pending"))
        reasons = session.scalars(select(FrontierUrl.reason).where(FrontierUrl.state == "skipped")).all()
        runs = session.scalar(select(func.count()).select_from(CrawlRun))
    store.dispose()
    assert runs == 1
    return status, pending, reasons


def assert_stopped_in_one_line(result_err: str, returncode: int, what: str) -> str:
    assert returncode == 2, result_err[-3000:]
    assert "Traceback" not in result_err and "never retrieved" not in result_err, result_err[-5000:]
    assert "finished" not in result_err.splitlines()[-1]
    [line] = [line for line in result_err.splitlines() if line.startswith("error:")]
    assert line.startswith("error: crawl run 1 stopped: Redis at redis://127.0.0.1:")
    assert what in line and "run the same command again" in line
    return line


def assert_everything_stored_once(db_url: str, home: Path) -> None:
    status, pending, reasons = run_state(db_url)
    assert (status, pending, reasons) == ("finished", 0, [])
    urls = assert_pages_point_at_whole_records(db_url, 1)
    assert len(urls) == len(PAGES)
    assert assert_segments_whole(home / "warc") == len(PAGES)


def test_long_outage_stops_and_the_rerun_reseeds_the_lost_queue(own_redis, sqlite_url, tmp_path):
    with LocalSite(PAGES, delay=0.05) as site:
        args = crawl_args(site, own_redis.url, wait=1.5)
        crawl = clinicscan_popen(sqlite_url, tmp_path, *args)
        stop_redis_mid_crawl(site, crawl, own_redis, keep_data=False)
        _, err = crawl.communicate(timeout=60)
        assert_stopped_in_one_line(err, crawl.returncode, "did not answer for")
        status, pending, reasons = run_state(sqlite_url)
        assert status == "running" and pending > 0 and reasons == []  # nothing called skipped

        again = clinicscan(sqlite_url, tmp_path, *args)  # Redis still down: refused up front
        assert again.returncode == 2 and "error: cannot reach Redis" in again.stderr

        own_redis.start()  # empty: the queue, dupefilter and budget counters are gone
        rerun = clinicscan(sqlite_url, tmp_path, *args)
        assert rerun.returncode == 0, rerun.stderr[-3000:]
        assert "crawl run 1 finished" in rerun.stdout
    assert_everything_stored_once(sqlite_url, tmp_path)


def test_short_outage_with_the_queue_kept_is_ridden_out(own_redis, sqlite_url, tmp_path):
    with LocalSite(PAGES, delay=0.05) as site:
        crawl = clinicscan_popen(sqlite_url, tmp_path, *crawl_args(site, own_redis.url, wait=20))
        stop_redis_mid_crawl(site, crawl, own_redis, keep_data=True)
        time.sleep(1.5)
        own_redis.start()  # reloads its snapshot: the run's queue is back
        _, err = crawl.communicate(timeout=60)
        assert crawl.returncode == 0, err[-3000:]
        assert "Traceback" not in err and "never retrieved" not in err
        assert "Redis at redis://127.0.0.1:" in err and "stopped answering" in err
        assert "Redis is back after" in err
        requested = site.page_requests()
    assert sorted(requested) == sorted(PAGES)  # nothing fetched twice, nothing left out
    assert_everything_stored_once(sqlite_url, tmp_path)


def test_restart_without_data_stops_and_the_rerun_resumes(own_redis, sqlite_url, tmp_path):
    with LocalSite(PAGES, delay=0.05) as site:
        args = crawl_args(site, own_redis.url, wait=20)
        crawl = clinicscan_popen(sqlite_url, tmp_path, *args)
        stop_redis_mid_crawl(site, crawl, own_redis, keep_data=False)
        time.sleep(0.5)
        own_redis.start()
        _, err = crawl.communicate(timeout=60)
        assert_stopped_in_one_line(err, crawl.returncode, "came back without the run's queue")
        assert run_state(sqlite_url)[0] == "running"
        rerun = clinicscan(sqlite_url, tmp_path, *args)
        assert rerun.returncode == 0, rerun.stderr[-3000:]
    assert_everything_stored_once(sqlite_url, tmp_path)
