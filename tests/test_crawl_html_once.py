"""A crawled page's html is stored once: in its WARC record, read back and decoded as the
spider decoded it (``clinicscan.store.bodies``).

The readings must be the ones the html column gave: the same text for every encoding the
spider meets (declared, BOM, the encoding middleware's windows-1252 fallback, bytes that do
not decode, NUL), the same extraction, and a row must never point at a record that is not
on disk and synced. Stores made before keep reading (their html column, a column added).
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import textwrap
from dataclasses import replace

import pytest
from archive_fakes import RecordingStats, page
from localsite import LocalSite, Resource
from scrapy.http import HtmlResponse, Request
from sqlalchemy import select, text

from clinicscan.crawler import run as crawl_run
from clinicscan.crawler.middlewares.encoding import EncodingFallbackMiddleware
from clinicscan.crawler.pipelines import store as store_module
from clinicscan.crawler.pipelines.archive import WarcArchivePipeline
from clinicscan.crawler.pipelines.store import StorePipeline
from clinicscan.crawler.seeds import load_seeds
from clinicscan.nlp.extract import extract_stored_pages
from clinicscan.store import Claim, CrawlRun, Page, open_store
from clinicscan.store.bodies import ArchivedBodyError, decode_body, page_html, store_text

# (Content-Type, body): what the spider meets; fictional wording
CLINIC_TEXT = ("Our fictional clinic in Zürich treats knee arthritis with umbilical cord stem cells. "
               "It is 100% safe. We do not treat autism. Book a “free” consultation – €100…")
BODIES = {
    "utf8-declared": ("text/html; charset=utf-8", CLINIC_TEXT.encode("utf-8")),
    "utf8-meta-only": ("text/html", b'<meta charset="utf-8">' + CLINIC_TEXT.encode("utf-8")),
    "utf8-bom": ("text/html", b"\xef\xbb\xbf" + CLINIC_TEXT.encode("utf-8")),
    "utf8-bom-and-header": ("text/html; charset=utf-8", b"\xef\xbb\xbf" + CLINIC_TEXT.encode("utf-8")),
    "utf16-bom": ("text/html", b"\xff\xfe" + CLINIC_TEXT.encode("utf-16-le")),
    "utf8-undeclared": ("text/html", CLINIC_TEXT.encode("utf-8")),
    "cp1252-undeclared": ("text/html", CLINIC_TEXT.encode("cp1252")),
    "cp1252-claims-utf8": ("text/html; charset=utf-8", CLINIC_TEXT.encode("cp1252")),
    "latin1-declared": ("text/html; charset=iso-8859-1", CLINIC_TEXT.encode("cp1252")),
    "cyrillic-meta": ("text/html", b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
                      + "Клиника лечит колено. ".encode("cp1251") + CLINIC_TEXT.encode("cp1252")),
    "utf8-cut-mid-character": ("text/html", CLINIC_TEXT.encode("utf-8") + "é".encode("utf-8")[:1]),
    "bad-bytes-declared-utf8": ("text/html; charset=utf-8", CLINIC_TEXT.encode("utf-8")[:40] + b"\xff\xfe\x80"
                                + CLINIC_TEXT.encode("utf-8")[40:]),
    # past the limits middleware's 2 KB sniff (a NUL there is a binary file, not a page)
    "nul": ("text/html; charset=utf-8", b"<!-- %s -->" % (b"x" * 2100) + CLINIC_TEXT.encode("utf-8").replace(b" knee", b"\x00 knee")),
    "gb18030": ("text/html; charset=gb18030", "诊所 ".encode("gb18030") + b"\x81\x30" + CLINIC_TEXT.encode("utf-8")),
}


def _spider_response(content_type: str, body: bytes, fallback: bool = True) -> HtmlResponse:
    """The response the spider reads: Scrapy's, after the encoding middleware (when on)."""
    response = HtmlResponse("http://127.0.0.1:9/p", body=body, headers={"Content-Type": content_type},
                            request=Request("http://127.0.0.1:9/p"))
    if fallback:
        response = EncodingFallbackMiddleware(RecordingStats()).process_response(response.request, response)
    return response


@pytest.mark.parametrize("fallback", [True, False], ids=["fallback", "no-fallback"])
@pytest.mark.parametrize("name", sorted(BODIES))
def test_the_body_decodes_to_the_spiders_very_text(name, fallback):
    response = _spider_response(*BODIES[name], fallback=fallback)
    text_read = response.text  # what the spider hands on as PageItem.html
    assert decode_body(response.body, response.encoding) == text_read


# -- the crawl, in both storage forms -------------------------------------------------------

def _site_pages() -> dict[str, Resource]:
    links = "".join(f'<a href="/{name}">{name}</a> ' for name in BODIES)
    pages = {"/": Resource(f"<html><body><h1>Fictional clinic</h1><p>{CLINIC_TEXT}</p>{links}"
                           f"</body></html>".encode("utf-8"))}
    for name, (content_type, body) in BODIES.items():
        pages[f"/{name}"] = Resource(b"<html><body><p>" + body + b"</p></body></html>"
                                     if not name.startswith(("utf8-bom", "utf16")) else body,
                                     content_type=content_type)
    return pages


CRAWL_SCRIPT = textwrap.dedent("""
    import sys
    from clinicscan.config import load_config
    from clinicscan.store import open_store
    from clinicscan.crawler.run import crawl_settings, finish_run, prepare_run, run_spider
    from clinicscan.crawler.seeds import load_seeds

    db_url, home, seed, store_html = sys.argv[1:5]
    config = load_config(db_url=db_url, home=home)
    store = open_store(db_url)
    run_id = prepare_run(store, load_seeds([seed]), {"max_depth": 1}, new_run=True)
    settings = crawl_settings(config, db_url, run_id, max_depth=1, max_pages=50, delay=0,
                              max_size=5_000_000, allow_loopback=True, progress=False,
                              overrides={"CLINICSCAN_STORE_HTML": store_html == "1",
                                         "LOG_LEVEL": "WARNING"})
    stats = run_spider(settings)
    assert stats.get("finish_reason") == "finished", stats
    finish_run(store, run_id, stats)
    print(stats.get("store/html_kept", 0))
""")


def _crawl(db_url: str, home, seed: str, store_html: bool) -> int:
    out = subprocess.run([sys.executable, "-c", CRAWL_SCRIPT, db_url, str(home), seed, "1" if store_html else "0"],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-3000:]
    return int(out.stdout.strip().splitlines()[-1])


def _readings(db_url: str) -> dict[str, tuple]:
    """Each page's html, extraction columns and claims, by path."""
    store = open_store(db_url)
    try:
        stats = extract_stored_pages(store, workers=1)
        assert stats.failed == 0, stats.errors
        readings = {}
        with store.session() as session:
            for row in session.scalars(select(Page)):
                claims = sorted(session.execute(
                    select(Claim.kind, Claim.vocab_id, Claim.start, Claim.end, Claim.sentence, Claim.context)
                    .where(Claim.page_id == row.id)).all())
                readings[row.url.split("/", 3)[-1]] = (
                    row.read_html(), row.title, row.text, row.offers_treatment, row.offer_score,
                    row.page_kind, row.condition_ids, row.product_type_ids, row.red_flag_ids, claims)
        return readings
    finally:
        store.dispose()


def test_a_crawl_reads_the_same_from_the_archive_as_from_the_html_column(tmp_path):
    with LocalSite(_site_pages()) as site:
        kept_old = _crawl(f"sqlite:///{tmp_path / 'old.db'}", tmp_path / "old", site.url + "/", store_html=True)
        kept_new = _crawl(f"sqlite:///{tmp_path / 'new.db'}", tmp_path / "new", site.url + "/", store_html=False)
    assert kept_old == kept_new == 0  # every page's text came back from its body
    store = open_store(f"sqlite:///{tmp_path / 'new.db'}")
    with store.session() as session:
        rows = session.execute(select(Page.url, Page.html, Page.html_encoding)).all()
    store.dispose()
    assert len(rows) == len(BODIES) + 1
    assert all(row.html is None and row.html_encoding for row in rows)  # stored once
    encodings = {row.url.rsplit("/", 1)[-1]: row.html_encoding for row in rows}
    assert encodings["cp1252-undeclared"] == "cp1252" and encodings["utf16-bom"].startswith("utf-16")

    old, new = _readings(f"sqlite:///{tmp_path / 'old.db'}"), _readings(f"sqlite:///{tmp_path / 'new.db'}")
    assert old.keys() == new.keys()
    for path in old:
        assert new[path] == old[path], path
    assert "\x00" not in new["nul"][0] and "\ufffd knee" in new["nul"][0]
    assert any(claims for *_, claims in new.values())  # the comparison covers claims


# -- what the store pipeline writes, and when ------------------------------------------------

@pytest.fixture
def pipelines(tmp_path):
    db_url = f"sqlite:///{tmp_path / 'crawl.db'}"
    store = open_store(db_url)
    run_id = crawl_run.prepare_run(store, load_seeds(["http://127.0.0.1:9/"]), {"max_depth": 1}, new_run=True)
    store.dispose()
    archive = WarcArchivePipeline(tmp_path / "warc", run_id, stats=RecordingStats())
    writer = StorePipeline(db_url, run_id, stats=archive.stats, threaded=True, interval=0, batch_size=3)
    archive.open_spider()
    writer.open_spider()
    return archive, writer, db_url


def _rows(db_url: str) -> list:
    store = open_store(db_url)
    try:
        with store.session() as session:
            # the columns after the url in page_html's order
            return list(session.execute(select(Page.url, Page.html, Page.warc_file, Page.warc_offset,
                                               Page.html_encoding, Page.content_hash).order_by(Page.id)))
    finally:
        store.dispose()


def test_rows_commit_only_after_their_segment_is_synced(pipelines, monkeypatch):
    archive, writer, db_url = pipelines
    events = []
    synced = os.fdatasync
    monkeypatch.setattr(store_module.os, "fdatasync",
                        lambda fd: (events.append(("sync", os.readlink(f"/proc/self/fd/{fd}"))), synced(fd)))
    insert = store_module.insert_ignoring_duplicates
    monkeypatch.setattr(store_module, "insert_ignoring_duplicates",
                        lambda conn, table, rows: (events.append(("rows", len(rows))), insert(conn, table, rows)))
    for n in range(3):
        writer.process_item(archive.process_item(page(n)))
    writer._collect(wait=True)
    assert events[:1] == [("sync", archive.segment.path.as_posix())]
    assert ("rows", 3) in events and events.index(("rows", 3)) > 0
    writer.close_spider()
    archive.close_spider()
    rows = _rows(db_url)
    assert [row.html for row in rows] == [None] * 3
    assert all(page_html(*row[1:]).startswith("<html><body><h1>Fictional page") for row in rows)


def test_a_page_whose_body_does_not_give_back_its_text_keeps_it_in_the_row(pipelines):
    archive, writer, db_url = pipelines
    odd = page(1)
    odd = replace(odd, html=odd.html.replace("Fictional", "Altered"))  # not what the body decodes to
    for item in (page(0), odd, replace(page(2), encoding=None)):
        writer.process_item(archive.process_item(item))
    writer.close_spider()
    archive.close_spider()
    rows = _rows(db_url)
    assert [row.html is None for row in rows] == [True, False, False]
    assert page_html(*rows[1][1:]) == odd.html
    assert archive.stats.values["store/html_kept"] == 2


def test_an_unreadable_archive_is_the_pages_extract_error(pipelines):
    archive, writer, db_url = pipelines
    for n in range(2):
        writer.process_item(archive.process_item(page(n)))
    writer.close_spider()
    archive.close_spider()
    [first, second] = _rows(db_url)
    os.truncate(first.warc_file, second.warc_offset + 100)  # the second record is cut short
    with pytest.raises(ArchivedBodyError, match="cut short"):
        page_html(*second[1:])
    with pytest.raises(ArchivedBodyError, match="SHA-256 differs"):  # a row pointing at another page
        page_html(None, first.warc_file, first.warc_offset, "utf-8", second.content_hash)
    store = open_store(db_url)
    stats = extract_stored_pages(store, workers=1)
    store.dispose()
    assert (stats.extracted, stats.failed) == (1, 1)
    assert "cannot read the archived body" in stats.errors[0] and "cut short" in stats.errors[0]
    os.remove(first.warc_file)
    with pytest.raises(ArchivedBodyError, match="is missing"):
        page_html(*first[1:])


def test_a_segment_not_yet_closed_is_read_by_its_open_name(pipelines):
    archive, writer, db_url = pipelines
    writer.process_item(archive.process_item(page(0)))
    writer.close_spider()  # the archive's segment stays .open (a crawl still running, or killed)
    [row] = _rows(db_url)
    assert not os.path.exists(row.warc_file) and os.path.exists(row.warc_file + ".open")
    assert page_html(*row[1:]).startswith("<html><body><h1>Fictional page 0")
    archive.close_spider()


# -- stores made before -----------------------------------------------------------------------

def test_a_store_made_before_gets_the_column_and_reads_its_html(db_url):
    store = open_store(db_url)
    with store.session() as session:  # a page as an older version stored it: html in the row
        run = CrawlRun(fingerprint="f", version="old")
        session.add(run)
        session.flush()
        site = store.upsert_site(session, "old.example", "Old", "https://old.example/")
        session.add(Page(run_id=run.id, site_id=site.id, url="https://old.example/", content_type="text/html",
                         html=f"<html><body><p>{CLINIC_TEXT}</p></body></html>"))
    with store.engine.begin() as conn:
        conn.execute(text("ALTER TABLE pages DROP COLUMN html_encoding"))  # the older schema
    store.dispose()
    store = open_store(db_url)  # adds the column
    try:
        stats = extract_stored_pages(store, workers=1)
        assert (stats.extracted, stats.failed) == (1, 0)
        with store.session() as session:
            row = session.scalars(select(Page)).one()
            assert row.html_encoding is None and row.read_html() == row.html
            assert row.condition_ids == ["osteoarthritis"]
    finally:
        store.dispose()


def test_store_text_is_the_columns_form():
    assert store_text("a\x00b") == "a\ufffdb" and store_text("ab") == "ab"
    assert page_html("<p>x</p>", None, None, "utf-8", hashlib.sha256(b"").hexdigest()) == "<p>x</p>"
    assert page_html(None) is None


def test_a_column_that_cannot_be_added_is_one_clear_error(sqlite_url, monkeypatch):
    from clinicscan.errors import StoreUnavailable
    from clinicscan.store import session as session_module

    store = open_store(sqlite_url)
    with store.engine.begin() as conn:
        conn.execute(text("ALTER TABLE pages DROP COLUMN html_encoding"))
    store.dispose()
    monkeypatch.setattr(session_module, "text", lambda sql: text("ALTER TABLE no_such_table ADD COLUMN x INTEGER"))
    with pytest.raises(StoreUnavailable, match=r"older clinicscan and needs the column pages\.html_encoding.*"
                                               r"ALTER TABLE pages ADD COLUMN html_encoding VARCHAR\(40\)"):
        open_store(sqlite_url)
