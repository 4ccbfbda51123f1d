"""The contact_facts table: one row per (page, kind, value), on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError

from clinicscan.store import ContactFact, CrawlRun, Page


def _page(store) -> tuple[int, int]:
    with store.session() as s:
        site = store.upsert_site(s, "clinic.example", "Clinic", "https://clinic.example/")
        run = CrawlRun(fingerprint="f", version="t")
        s.add(run)
        s.flush()
        page = Page(run_id=run.id, site_id=site.id, url="https://clinic.example/contact")
        s.add(page)
        s.flush()
        return page.id, site.id


def test_contact_fact_round_trip_and_unique_per_page_kind_value(store):
    page_id, site_id = _page(store)
    with store.session() as s:
        s.add(ContactFact(page_id=page_id, site_id=site_id, kind="address",
                          value="us|co|80202|1420 larimer st", display="1420 Larimer Street, Suite 3, Denver, CO 80202",
                          country="US", region="CO", city="Denver", postal_code="80202",
                          street="1420 Larimer Street", source="text", evidence="Visit us at 1420 Larimer Street ..."))
        s.add(ContactFact(page_id=page_id, site_id=site_id, kind="phone", value="+13035550142",
                          display="(303) 555-0142", country="US", source="tel_link", evidence='<a href="tel:...">'))
    with store.session() as s:
        facts = {f.kind: f for f in s.scalars(select(ContactFact))}
        assert facts["address"].region == "CO" and facts["address"].postal_code == "80202"
        assert facts["phone"].value == "+13035550142" and facts["phone"].street is None
    with pytest.raises(IntegrityError):
        with store.session() as s:
            s.add(ContactFact(page_id=page_id, site_id=site_id, kind="phone", value="+13035550142",
                              display="303.555.0142", source="text", evidence="call 303.555.0142"))


def test_deleting_a_page_deletes_its_contact_facts(store):
    page_id, site_id = _page(store)
    with store.session() as s:
        s.add(ContactFact(page_id=page_id, site_id=site_id, kind="email", value="info@clinic.example",
                          display="Info@Clinic.example", source="mailto", evidence="mailto:Info@Clinic.example"))
    with store.session() as s:
        s.execute(delete(Page).where(Page.id == page_id))
    with store.session() as s:
        assert s.scalars(select(ContactFact)).all() == []
