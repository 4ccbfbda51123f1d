"""Crawl the hostile fault site through the real CLI and check nothing good was lost.

One crawl of :mod:`faultserver` (module fixture, a subprocess: the reactor cannot restart)
is read back from the database: every good page stored with its text decoded right,
every fault refused or skipped with a reason in the frontier, retries actually made, and
the crawl finished normally. A second crawl with the loopback allowance off shows the
guard refusing everything with a clear message, storing nothing, connecting nowhere.
"""

from __future__ import annotations

import pytest
from faultserver import BAD_PAGES, GOOD_PAGES, LONG_LINE_BYTES, FaultServer
from localsite import clinicscan
from sqlalchemy import select

from clinicscan.store import CrawlRun, FrontierUrl, Page, open_store

pytestmark = pytest.mark.slow

MAX_DATES = 3  # TrapFilterMiddleware's default calendar budget


def _path(url: str, root: str) -> str:
    return url[len(root) - 1:] if url.startswith(root) else url


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    home = tmp_path_factory.mktemp("faults")
    db_url = f"sqlite:///{home / 'faults.db'}"
    with FaultServer() as server:
        result = clinicscan(db_url, home, "crawl", server.url("/"), "--allow-loopback", "--delay", "0",
                            "--max-pages", "200", "--max-depth", "3", "--download-timeout", "3",
                            timeout=180)
        hits = dict(server.hits)
        root = server.url("/")
    store = open_store(db_url)
    with store.session() as session:
        pages = {_path(page.url, root): page for page in session.scalars(select(Page))}
        frontier = {_path(row.url, root): row for row in session.scalars(select(FrontierUrl))}
        run = session.scalars(select(CrawlRun)).one()
        for row in [*pages.values(), *frontier.values(), run]:
            session.expunge(row)
    store.dispose()
    return {"result": result, "pages": pages, "frontier": frontier, "run": run, "hits": hits}


def test_crawl_finishes_normally(crawled):
    result = crawled["result"]
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    assert "DNS answers pass the address guard (loopback allowed)" in result.stderr
    assert crawled["run"].status == "finished"


def test_no_good_page_is_lost(crawled):
    lost = sorted(set(GOOD_PAGES) - set(crawled["pages"]))
    why = {path: (crawled["frontier"][path].state, crawled["frontier"][path].reason)
           for path in lost if path in crawled["frontier"]}
    assert lost == [], why


@pytest.mark.parametrize("path", sorted(GOOD_PAGES))
def test_each_good_page_is_stored_decoded(crawled, path):
    page = crawled["pages"][path]
    assert page.status == 200
    html = page.read_html()
    assert GOOD_PAGES[path] in html
    assert "\ufffd" not in html[:2000] or path == "/enc/truncated"


def test_long_single_line_page_is_stored_whole(crawled):
    html = crawled["pages"]["/enc/long-line"].read_html()
    assert len(html) > LONG_LINE_BYTES - 100
    assert html.rstrip().endswith("long line end marker</p></body></html>")


def test_no_fault_page_is_stored(crawled):
    stored_bad = [path for path in crawled["pages"] if path.split("?")[0] in BAD_PAGES]
    assert stored_bad == []
    assert not any(path.startswith("/a/b/") for path in crawled["pages"])


@pytest.mark.parametrize(("path", "reason"), [
    ("/redirect-private", "refused: 10.0.0.1 is a private address (redirect from http://127.0.0.1:"),
    ("/redirect-metadata", "refused: 169.254.169.254 is a link-local address (redirect from"),
    ("/redirect-ipv6-mapped", "refused: ::ffff:192.168.1.1 is a private address (redirect from"),
    ("/doc-pdf", "skipped: not HTML (Content-Type application/pdf)"),
    ("/pdf-as-html", "skipped: not HTML: the body is pdf (text/html)"),
    ("/image-png", "skipped: not HTML (Content-Type image/png)"),
    ("/png-as-html", "skipped: not HTML: the body is png (text/html)"),
    ("/json-as-html", "skipped: not HTML: the body is json (text/html)"),
    ("/empty", "skipped: empty body"),
    ("/whitespace", "skipped: empty body"),
    ("/bad-gzip", "BadGzipFile: Not a gzipped file"),
    ("/gzip-bomb", "exceeded DOWNLOAD_MAXSIZE (5000000 B) during decompression"),
    ("/big-plain", "skipped: download stopped: the body is over the 5000000-byte cap"),
    ("/big-chunked", "skipped: download stopped: the body is over the 5000000-byte cap"),
    ("/always-500", "HTTP 500"),
    ("/slow-drip", "DownloadTimeoutError"),
    ("/reset-always", "ConnectionLost"),
    ("/redirect-chain", "max redirections reached"),
    ("/loop-a", "skipped: redirect loop: http://127.0.0.1:"),
    ("/redirect-file", "skipped: redirect to a file: URL not followed (file:///etc/passwd)"),
])
def test_each_fault_is_recorded_with_its_reason(crawled, path, reason):
    row = crawled["frontier"][path]
    assert row.state in {"skipped", "failed"}
    assert reason in (row.reason or ""), row.reason


def test_refused_targets_are_never_requested(crawled):
    """The redirect to 10.0.0.1 was followed by nobody: the guard refused it before any
    connection, so the only traffic is the one hop to our own server."""
    assert crawled["hits"].get("/redirect-private") == 1
    stats = crawled["run"].stats
    assert stats["guard/refused/private"] == 2
    assert stats["guard/refused/link_local"] == 1
    assert not any("ConnectError" in (row.reason or "") or "TimeoutError" in (row.reason or "")
                   for path, row in crawled["frontier"].items() if path.startswith("/redirect-"))


def test_transient_failures_are_retried_until_they_pass(crawled):
    hits = crawled["hits"]
    assert hits["/flaky"] == 3  # two 500s, then the page
    assert hits["/rate-limited"] == 2
    assert hits["/rate-limited-date"] == 2
    assert hits["/reset-once"] == 2
    assert hits["/always-500"] == 3  # one try and RETRY_TIMES=2 retries, then given up
    assert hits["/gzip-bomb"] == 1  # a bomb is not retried
    assert hits["/big-plain"] == 1 and hits["/big-chunked"] == 1  # nor an oversized body
    assert hits["/slow-drip"] == 3  # timed out (3 s) three times, never waited out the drip
    assert crawled["run"].stats["retry/waited_seconds"] > 0


def test_traps_are_cut_short(crawled):
    pages = crawled["pages"]
    calendar = [path for path in pages if path.startswith("/trap/calendar?")]
    assert 1 <= len(calendar) <= MAX_DATES
    stats = crawled["run"].stats
    assert stats["traps/repeated_path"] >= 1
    assert stats["traps/query_params"] >= 1
    assert stats["traps/long_url"] >= 1
    trap_rows = [row for row in crawled["frontier"].values() if "crawler trap" in (row.reason or "")]
    assert len(trap_rows) >= 3


def test_stats_count_each_defence(crawled):
    stats = crawled["run"].stats
    assert stats["limits/skipped_non_html"] == 5
    assert stats["limits/skipped_empty"] == 2
    assert stats["limits/skipped_too_large"] == 2
    assert stats["encoding/fallback_cp1252"] >= 3


def test_guard_refuses_loopback_without_the_allowance(tmp_path):
    db_url = f"sqlite:///{tmp_path / 'guard.db'}"
    with FaultServer() as server:
        result = clinicscan(db_url, tmp_path, "crawl", server.url("/"), "--delay", "0", timeout=60)
        hits = dict(server.hits)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    assert "refused: 127.0.0.1 is a loopback address; pass --allow-loopback" in result.stderr
    assert hits == {}  # not even robots.txt was requested
    store = open_store(db_url)
    with store.session() as session:
        assert session.scalars(select(Page)).all() == []
        [seed] = session.scalars(select(FrontierUrl)).all()
        assert seed.state == "skipped" and seed.reason.startswith("refused: 127.0.0.1 is a loopback address")
        assert session.scalars(select(CrawlRun)).one().stats["guard/refused/loopback"] == 1
    store.dispose()


@pytest.mark.parametrize("allow", [True, False], ids=["allowed", "refused"])
def test_ipv6_loopback_follows_the_allowance(tmp_path, allow):
    db_url = f"sqlite:///{tmp_path / 'v6.db'}"
    with FaultServer("::1") as server:
        args = ["crawl", server.url("/enc/utf8"), "--delay", "0", "--max-depth", "0"]
        result = clinicscan(db_url, tmp_path, *args, *(["--allow-loopback"] if allow else []), timeout=60)
        hits = dict(server.hits)
    assert result.returncode == 0, result.stderr[-3000:]
    store = open_store(db_url)
    with store.session() as session:
        pages = session.scalars(select(Page)).all()
        [row] = session.scalars(select(FrontierUrl)).all()
    store.dispose()
    if allow:
        assert [GOOD_PAGES["/enc/utf8"] in page.read_html() for page in pages] == [True]
        assert hits["/enc/utf8"] == 1
    else:
        assert pages == [] and hits == {}
        assert row.reason == "refused: ::1 is a loopback address; pass --allow-loopback to crawl 127.0.0.1 and ::1"
