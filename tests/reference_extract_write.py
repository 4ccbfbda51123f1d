"""The extract stage's write path as it was before issue 9 (main at a57ea47), kept as the
reference the bulk path is compared with (tests/test_extract_bulk_write.py).

A verbatim copy of ``_write_batch``: ORM bulk statements through the session (an UPDATE per
page by primary key, ORM bulk INSERTs of claims and contact facts). Do not "fix" it: it is
the definition of the rows the stage must keep writing.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Iterable

from sqlalchemy import delete, insert, update

from clinicscan.nlp.extract import ExtractStats, log
from clinicscan.store.models import Claim, ContactFact, Page


def _write_batch(session, results: Iterable[tuple[int, dict, list[dict], list[dict]]], stats: ExtractStats) -> None:
    now = datetime.now(timezone.utc)
    page_rows, claim_rows, contact_rows, ids = [], [], [], []
    for page_id, page, claims, contacts in results:
        ids.append(page_id)
        page_rows.append({"id": page_id, "extracted_at": now, **page})
        if page.get("extract_error"):
            stats.failed += 1
            stats.errors.append(f"page {page_id}: {page['extract_error']}")
            log.warning("page %s not extracted: %s", page_id, page["extract_error"])
            continue
        stats.extracted += 1
        stats.offering += bool(page["offers_treatment"])
        stats.lexicon_version = page["lexicon_version"]
        claim_rows.extend({"page_id": page_id, **claim} for claim in claims)
        contact_rows.extend({"page_id": page_id, **fact} for fact in contacts)
    if not ids:
        return
    session.execute(delete(Claim).where(Claim.page_id.in_(ids)))
    session.execute(delete(ContactFact).where(ContactFact.page_id.in_(ids)))
    session.execute(update(Page), page_rows)
    if claim_rows:
        session.execute(insert(Claim), claim_rows)
    if contact_rows:
        session.execute(insert(ContactFact), contact_rows)
    stats.claims += len(claim_rows)
    stats.contacts += len(contact_rows)
