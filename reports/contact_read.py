"""The contact facts of one run's pages, read out of the store as one frame (the input of the
business and location tables). Facts are written by the extract stage (nlp/contacts)."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import select

from clinicscan.store import Store
from clinicscan.store.models import ContactFact, Page
from clinicscan.reports.business_tables import FACT_COLUMNS

__all__ = ["load_contact_facts"]


def load_contact_facts(store: Store, run_id: int) -> pd.DataFrame:
    """Every contact fact of ``run_id``'s pages (FACT_COLUMNS), in page and id order."""
    query = (select(ContactFact.page_id, ContactFact.site_id, Page.url, ContactFact.kind, ContactFact.value,
                    ContactFact.display, ContactFact.country, ContactFact.region, ContactFact.city,
                    ContactFact.postal_code, ContactFact.street, ContactFact.source, ContactFact.evidence)
             .join(Page, Page.id == ContactFact.page_id).where(Page.run_id == run_id)
             .order_by(ContactFact.page_id, ContactFact.id))
    with store.session() as session:
        rows = session.execute(query).all()
    return pd.DataFrame([tuple(r) for r in rows], columns=FACT_COLUMNS)
