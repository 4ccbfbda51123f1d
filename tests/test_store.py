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
