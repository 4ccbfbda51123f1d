"""End-to-end crawls of small fictional sites served on 127.0.0.1, on SQLite and PostgreSQL.

Each crawl runs `clinicscan crawl` in a subprocess (the Twisted reactor cannot restart in
one process) and the test then reads what it wrote: the database and the WARC files.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import signal
import time
from pathlib import Path

from localsite import LocalSite, Resource, clinicscan, clinicscan_popen, html_page
from sqlalchemy import func, select
from warcio.archiveiterator import ArchiveIterator

from clinicscan.store import CrawlRun, FrontierUrl, Page, open_store

CRAWL = ("--allow-loopback", "--delay", "0")


def clinic_pages(offsite_url: str) -> dict[str, Resource]:
    news = [(f"/news/{n}", "Read more") for n in range(1, 7)]
    return {
        "/": html_page("Harbor Regenerative Clinic (fictional)", [
            *news, ("/about", "About us"), ("/treatments", "Our treatments"),
            ("/pricing", "Prices"), ("/faq#top", "FAQ"), ("/private/notes", "Staff notes"),
            ("/brochure?format=print", "Brochure"), (f"{offsite_url}/", "Our partner"),
            ("mailto:desk@harbor.example", "Mail us"), ("/?utm_source=nav", "Home"),
        ]),
        **{path: html_page(f"News {path[-1]}") for path, _ in news},
        "/about": html_page("About", [("/about/team", "Team")]),
        "/about/team": html_page("Team"),
        "/treatments": html_page("Treatments", [("/treatments/knee", "Knee stem cell therapy")]),
        "/treatments/knee": html_page("Knee", [("/treatments/knee/details", "Details")]),
        "/treatments/knee/details": html_page("Details (depth 3)"),
        # hostile: a NUL after the sniffed head, and a Content-Type longer than the column
        "/pricing": Resource(html_page("Pricing", text="Prices " * 500).body.replace(b"</ul>", b"</ul>\x00"),
                             "text/html; charset=utf-8; profile=" + "x" * 300),
        "/faq": html_page("FAQ"),
        "/private/notes": html_page("Staff only"),
        # a file behind a page-like URL: fetched, then skipped as not HTML (a ".pdf" link is never
        # requested: tests/test_crawl_links.py)
        "/brochure?format=print": Resource(b"%PDF-1.4 fictional brochure", "application/pdf"),
    }


ROBOTS = "User-agent: *\nDisallow: /private/\n"
STORED_AT_DEPTH_2 = {"/", *(f"/news/{n}" for n in range(1, 7)), "/about", "/about/team",
                     "/treatments", "/treatments/knee", "/pricing", "/faq"}


def path_of(url: str) -> str:
    return "/" + url.split("/", 3)[3] if url.count("/") >= 3 else "/"


def pages_of_run(store, run_id: int) -> list[Page]:
    with store.session() as session:
        return list(session.scalars(select(Page).where(Page.run_id == run_id)))


def assert_warc_records_match(pages: list[Page]) -> None:
    """Each page's record is at its offset, with its id and URL; every file reads to the end."""
    for page in pages:
        with open(page.warc_file, "rb") as handle:
            handle.seek(page.warc_offset)
            record = next(iter(ArchiveIterator(handle)))
            assert record.rec_type == "response"
            assert record.rec_headers.get_header("WARC-Record-ID") == page.warc_record_id
            assert record.rec_headers.get_header("WARC-Target-URI") == page.final_url
            assert hashlib.sha256(record.content_stream().read()).hexdigest() == page.content_hash


def assert_archive_readable(run_dir: Path) -> int:
    assert not list(run_dir.glob("*.open")), "a WARC segment was left open"
    responses = 0
    for path in run_dir.glob("*.warc.gz"):
        with path.open("rb") as handle:
            for record in ArchiveIterator(handle):
                record.content_stream().read()
                responses += record.rec_type == "response"
    return responses


def test_crawl_stores_pages_within_the_rules(db_url, tmp_path):
    with LocalSite({"/": html_page("Partner")}) as offsite, \
         LocalSite(clinic_pages(offsite.url), robots_txt=ROBOTS) as site:
        result = clinicscan(db_url, tmp_path, "crawl", site.url + "/", *CRAWL,
                            "--max-depth", "2", "--max-pages", "50")
        assert result.returncode == 0, result.stderr[-3000:]
        assert "progress: 13 pages stored this session (13 in the run)" in result.stderr
        requested = site.page_requests()
        assert offsite.requests == []

        store = open_store(db_url)
        pages = pages_of_run(store, 1)
        assert {path_of(page.url) for page in pages} == STORED_AT_DEPTH_2
        assert "/private/notes" not in requested  # robots.txt
        assert "/treatments/knee/details" not in requested  # depth 3
        assert sorted(requested) == sorted(STORED_AT_DEPTH_2 | {"/brochure?format=print"})  # each once
        served = clinic_pages(offsite.url)
        for page in pages:
            body = served[path_of(page.url)].body
            assert page.status == 200
            assert page.content_hash == hashlib.sha256(body).hexdigest()
            assert page.html is None  # stored once: in its WARC record
            assert page.html_encoding == "utf-8"
            assert page.read_html() == body.decode().replace("\x00", "\ufffd")
            assert page.content_type.startswith("text/html")
        depths = {path_of(page.url): page.depth for page in pages}
        assert depths["/"] == 0 and depths["/about"] == 1 and depths["/treatments/knee"] == 2
        assert_warc_records_match(pages)
        assert assert_archive_readable(tmp_path / "warc" / "run-1") == len(pages)

        with store.session() as session:
            run = session.get(CrawlRun, 1)
            assert run.status == "finished" and run.finished_at is not None
            assert run.stats["store/inserted"] == len(pages)
            assert run.stats["crawl/skipped_non_html"] == 1
            states = dict(session.execute(
                select(FrontierUrl.url, FrontierUrl.state).where(FrontierUrl.run_id == 1)).all())
            reasons = dict(session.execute(
                select(FrontierUrl.url, FrontierUrl.reason).where(FrontierUrl.run_id == 1)).all())
        assert states[site.url + "/brochure?format=print"] == "skipped"
        assert "not HTML" in reasons[site.url + "/brochure?format=print"]
        assert states[site.url + "/private/notes"] == "skipped"
        assert "robots.txt" in reasons[site.url + "/private/notes"]
        assert not any(url.startswith(offsite.url) for url in states)

        # the same command on a finished run: a new snapshot, nothing duplicated in either
        again = clinicscan(db_url, tmp_path, "crawl", site.url + "/", *CRAWL,
                           "--max-depth", "2", "--max-pages", "50")
        assert again.returncode == 0, again.stderr[-3000:]
        with store.session() as session:
            per_run = dict(session.execute(
                select(Page.run_id, func.count(func.distinct(Page.url))).group_by(Page.run_id)).all())
            total = session.scalar(select(func.count()).select_from(Page))
        assert per_run == {1: len(STORED_AT_DEPTH_2), 2: len(STORED_AT_DEPTH_2)}
        assert total == 2 * len(STORED_AT_DEPTH_2)
        assert_warc_records_match(pages_of_run(store, 2))
        store.dispose()


def test_page_cap_keeps_the_priority_pages(db_url, tmp_path):
    plain = [(f"/news/{n}", "Read more") for n in range(1, 9)]
    wanted = [("/treatments", "Treatments"), ("/pricing", "Pricing"), ("/faq", "FAQ")]
    pages = {"/": html_page("Home", plain + wanted),
             **{path: html_page(path) for path, _ in plain + wanted}}
    with LocalSite(pages) as site:
        result = clinicscan(db_url, tmp_path, "crawl", site.url, *CRAWL,
                            "--max-depth", "1", "--max-pages", "4")
        assert result.returncode == 0, result.stderr[-3000:]
        assert sorted(site.page_requests()) == ["/", "/faq", "/pricing", "/treatments"]
    store = open_store(db_url)
    assert {path_of(p.url) for p in pages_of_run(store, 1)} == {"/", "/faq", "/pricing", "/treatments"}
    with store.session() as session:
        leftover = session.scalars(select(FrontierUrl.state).where(
            FrontierUrl.run_id == 1, FrontierUrl.url.like("%/news/%"))).all()
    assert leftover and set(leftover) == {"skipped"}
    store.dispose()


def test_killed_crawl_resumes_without_loss_or_duplicates(db_url, tmp_path):
    paths = [f"/p/{n}" for n in range(40)]
    pages = {"/": html_page("Home", [(path, f"Page {path}") for path in paths]),
             **{path: html_page(f"Page {path}") for path in paths}}
    args = ("crawl", *CRAWL, "--max-depth", "1", "--max-pages", "100")
    # after 20 pages the server holds every response until the kill, so the kill always
    # lands mid-crawl, after the first batch was committed
    held = {"on": True}

    def hold_after_20(site, path):
        return not held["on"] or len(site.page_requests()) <= 20

    with LocalSite(pages, delay=0.01, hold_until=hold_after_20) as site:
        proc = clinicscan_popen(db_url, tmp_path, args[0], site.url + "/", *args[1:])
        store = open_store(db_url)
        deadline = time.monotonic() + 30
        stored_before = 0
        while time.monotonic() < deadline and proc.poll() is None:
            with store.session() as session:
                stored_before = session.scalar(select(func.count()).select_from(Page))
            if stored_before:
                break
            time.sleep(0.05)
        proc.kill()
        proc.wait()
        held["on"] = False
        assert 0 < stored_before < len(pages), "the kill did not land mid-crawl"
        # the killed crawl left its segment open; make its tail torn, as a kill mid-write would
        (segment,) = (tmp_path / "warc" / "run-1").glob("*.warc.gz.open")
        with segment.open("ab") as handle:
            handle.write(gzip.compress(b"WARC/1.1\r\n" + os.urandom(4000))[:1000])
        with store.session() as session:
            done_before = set(session.scalars(select(Page.url)))
        requests_before = len(site.requests)

        result = clinicscan(db_url, tmp_path, args[0], site.url + "/", *args[1:])
        assert result.returncode == 0, result.stderr[-3000:]
        refetched = [path for path in site.requests[requests_before:] if path != "/robots.txt"]

    assert "resuming unfinished crawl run 1" in result.stderr
    assert "repaired torn WARC segment" in result.stderr
    assert not {site.url + path for path in refetched} & done_before  # done pages never again
    all_pages = pages_of_run(store, 1)
    assert sorted(path_of(p.url) for p in all_pages) == sorted(pages)  # none lost, none twice
    with store.session() as session:
        assert session.scalar(select(func.count()).select_from(CrawlRun)) == 1
        assert session.get(CrawlRun, 1).status == "finished"
    assert_warc_records_match(all_pages)
    assert assert_archive_readable(tmp_path / "warc" / "run-1") >= len(pages)
    store.dispose()


def test_interrupted_crawl_says_how_to_resume_and_does(sqlite_url, tmp_path):
    paths = [f"/p/{n}" for n in range(12)]
    pages = {"/": html_page("Home", [(path, path) for path in paths]),
             **{path: html_page(path) for path in paths}}
    held = {"on": True}
    args = ("crawl", *CRAWL, "--max-depth", "1")
    with LocalSite(pages, hold_until=lambda site, path: not held["on"] or path in ("/", "/p/0")) as site:
        proc = clinicscan_popen(sqlite_url, tmp_path, args[0], site.url, *args[1:])
        # Wait for the crawl to reach the held request, however slow start-up is on a loaded machine: a
        # Ctrl-C sent before Scrapy has installed its handler tests Python's start-up, not the resume.
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and len(site.page_requests()) < 3 and proc.poll() is None:
            time.sleep(0.05)  # "/" and "/p/0" served, the third request is held
        assert len(site.page_requests()) >= 3, f"the crawl never reached the held page: {site.page_requests()}"
        proc.send_signal(signal.SIGINT)  # Ctrl-C: Scrapy stops gracefully
        held["on"] = False
        _, err = proc.communicate(timeout=60)
        assert proc.returncode == 2, err[-3000:]
        assert "stopped early (shutdown); run the same command again to resume it" in err
        assert not list((tmp_path / "warc" / "run-1").glob("*.open"))  # closed cleanly
        store = open_store(sqlite_url)
        with store.session() as session:
            assert session.get(CrawlRun, 1).status == "running"

        result = clinicscan(sqlite_url, tmp_path, args[0], site.url, *args[1:])
        assert result.returncode == 0, result.stderr[-3000:]
    assert sorted(path_of(p.url) for p in pages_of_run(store, 1)) == sorted(pages)
    with store.session() as session:
        assert session.get(CrawlRun, 1).status == "finished"
    store.dispose()


def test_unreachable_database_fails_before_any_request(tmp_path):
    with LocalSite({"/": html_page("Home")}) as site:
        result = clinicscan("postgresql://postgres@127.0.0.1:1/nowhere", tmp_path, "crawl",
                            site.url, *CRAWL)
        assert site.requests == []
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: cannot connect to the database")


def test_seed_redirected_to_another_site_says_what_to_do(tmp_path, sqlite_url):
    with LocalSite({"/": html_page("Moved clinic")}) as new_home:
        moved = Resource(b"", status=301, headers={"Location": f"{new_home.url}/"})
        with LocalSite({"/": moved}) as old_home:
            result = clinicscan(sqlite_url, tmp_path, "crawl", old_home.url, *CRAWL)
        assert result.returncode == 0, result.stderr[-3000:]
        assert new_home.page_requests() == ["/"]  # the redirect itself is followed...
    store = open_store(sqlite_url)
    assert pages_of_run(store, 1) == []  # ...but another site's page is not stored as this one's
    with store.session() as session:
        reason = session.scalar(select(FrontierUrl.reason).where(FrontierUrl.run_id == 1))
    assert f"redirected off-site to {new_home.url}/" in reason
    assert f"put {new_home.url.split('//')[1]} in the seed list" in reason
    store.dispose()
