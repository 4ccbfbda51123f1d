"""The store works the same on SQLite and PostgreSQL, and upserts never duplicate."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from clinicscan.errors import StoreUnavailable
from clinicscan.store import CrawlRun, Page, Site, open_store


def test_upsert_site_twice_keeps_one_row_and_fills_details(store):
    with store.session() as s:
        store.upsert_site(s, "clinic.example", "Clinic", "https://clinic.example/")
    with store.session() as s:
        site = store.upsert_site(s, "clinic.example", "Clinic", "https://clinic.example/", country="US")
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(Site)) == 1
        assert s.scalar(select(Site.country)) == "US"
        assert site.id == s.scalar(select(Site.id))


def test_page_unique_per_run_and_url(store):
    with store.session() as s:
        site = store.upsert_site(s, "a.example", "A", "https://a.example/")
        run = CrawlRun(fingerprint="f", version="t")
        s.add(run)
        s.flush()
        s.add(Page(run_id=run.id, site_id=site.id, url="https://a.example/"))
    with pytest.raises(IntegrityError):
        with store.session() as s:
            s.add(Page(run_id=run.id, site_id=site.id, url="https://a.example/"))


def test_json_columns_round_trip(store):
    with store.session() as s:
        s.add(CrawlRun(fingerprint="f", version="t", seeds=[{"url": "https://a.example/"}],
                       settings={"max_pages": 3}))
    with store.session() as s:
        run = s.scalar(select(CrawlRun))
        assert run.seeds == [{"url": "https://a.example/"}]
        assert run.settings["max_pages"] == 3


def test_unreachable_database_is_one_clear_error():
    with pytest.raises(StoreUnavailable, match="cannot connect"):
        open_store("postgresql://nobody@127.0.0.1:1/none")


def test_unparseable_url_says_what_to_write():
    with pytest.raises(StoreUnavailable, match="sqlite:///"):
        open_store("not a url at all")


def test_crawl_batch_writes_are_the_rows_sqlalchemy_writes(store):
    """The crawl's batch inserts (insert_ignoring_duplicates: raw executemany on SQLite, an
    INSERT ... ON CONFLICT through SQLAlchemy on PostgreSQL) and frontier marks store what an
    INSERT/UPDATE through SQLAlchemy stores; the first copy of a row wins; another run's row
    with the same URL is never marked; a database error is SQLAlchemy's."""
    from datetime import datetime, timedelta, timezone

    from sqlalchemy import insert

    from clinicscan.crawler import frontier
    from clinicscan.store import FrontierUrl, insert_ignoring_duplicates

    with store.session() as s:
        site = store.upsert_site(s, "a.example", "A", "https://a.example/")
        runs = [CrawlRun(fingerprint="f", version="t"), CrawlRun(fingerprint="g", version="t")]
        s.add_all(runs)
        s.flush()
        site_id, run_id, other_run = site.id, runs[0].id, runs[1].id
    fetched = datetime(2026, 12, 7, 1, 2, 3, 456789, tzinfo=timezone(timedelta(hours=2)))

    def row(url, html, **extra):
        return {"run_id": run_id, "site_id": site_id, "url": url, "final_url": url + "?x",
                "status": 200, "fetched_at": fetched, "content_type": "text/html",
                "content_hash": "ab" * 32, "depth": 2, "html": html, "warc_file": "/w/a.warc.gz",
                "warc_record_id": "<urn:uuid:1>", "warc_offset": 123, **extra}

    with store.engine.begin() as conn:
        insert_ignoring_duplicates(conn, Page.__table__, [row("https://a.example/1", "caf\u00e9 <p>one</p>"),
                                                          row("https://a.example/2", None)])
        conn.execute(insert(Page.__table__), [row("https://a.example/3", "caf\u00e9 <p>one</p>")])
    with store.engine.begin() as conn:  # a resumed batch repeats a stored page: the first copy stays
        insert_ignoring_duplicates(conn, Page.__table__, [row("https://a.example/1", "changed"),
                                                          row("https://a.example/4", "four")])
    with store.engine.connect() as conn:
        stored = {r.url: r for r in conn.execute(select(Page).order_by(Page.url))}
    assert sorted(stored) == [f"https://a.example/{n}" for n in (1, 2, 3, 4)]
    ours, theirs = stored["https://a.example/1"]._asdict(), stored["https://a.example/3"]._asdict()
    assert {k: v for k, v in ours.items() if k not in ("id", "url", "final_url")} == \
        {k: v for k, v in theirs.items() if k not in ("id", "url", "final_url")}
    assert ours["html"] == "caf\u00e9 <p>one</p>" and stored["https://a.example/2"].html is None
    with store.session() as s:  # the ORM reads the timestamp back as it does SQLAlchemy's
        pages = {p.url: p for p in s.scalars(select(Page))}
        assert pages["https://a.example/1"].fetched_at == pages["https://a.example/3"].fetched_at

    urls = [f"https://a.example/{n}" for n in range(1, 6)]
    with store.engine.begin() as conn:
        frontier.add_urls(conn, run_id, [{"site_id": site_id, "url": u, "depth": 1, "priority": 0} for u in urls])
        frontier.add_urls(conn, other_run, [{"site_id": site_id, "url": urls[0], "depth": 1, "priority": 0}])
        frontier.add_urls(conn, run_id, [{"site_id": site_id, "url": urls[0], "depth": 9, "priority": 9}])
        frontier.mark(conn, run_id, urls[:2], "done")
        frontier.mark(conn, run_id, urls[2:3], "skipped", "skipped: crawler trap")
        frontier.mark(conn, run_id, [], "failed", "nothing")
    with store.engine.connect() as conn:
        states = {(r.run_id, r.url): (r.state, r.reason, r.depth)
                  for r in conn.execute(select(FrontierUrl))}
    assert states == {
        (run_id, urls[0]): ("done", None, 1), (run_id, urls[1]): ("done", None, 1),
        (run_id, urls[2]): ("skipped", "skipped: crawler trap", 1),
        (run_id, urls[3]): ("pending", None, 1), (run_id, urls[4]): ("pending", None, 1),
        (other_run, urls[0]): ("pending", None, 1),
    }

    with pytest.raises(IntegrityError):  # a row of no site: the driver's error, as SQLAlchemy's
        with store.engine.begin() as conn:
            insert_ignoring_duplicates(conn, Page.__table__, [row("https://a.example/9", "x", site_id=site_id + 99)])
