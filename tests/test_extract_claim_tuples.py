"""Workers return a page's claims as tuples of ``extract.CLAIM_COLUMNS`` (the page id first),
and the batch write inserts them as they come (``store.inserts.insert_rows``): no dict a claim
to build in the worker, pickle, merge with the page id and take apart again in the parent.

The tuples hold what the claim dicts held (the old construction is kept here as the
reference), and ``insert_rows`` stores what ``bulk_insert`` stores for the same rows as dicts,
on SQLite (one executemany) and PostgreSQL (COPY): NULLs, text COPY must escape, JSON lists.
The stored rows of a whole extraction are held equal to the ORM path's in
tests/test_extract_bulk_write.py (``test_bulk_rows_are_the_orm_rows``).
"""

from __future__ import annotations

import random

import pytest
from sqlalchemy import select

import clinicscan.nlp.extract as extract
from clinicscan.nlp.analyse import PageAnalysis
from clinicscan.nlp.components.context import ClaimRow
from clinicscan.paths import demo_dir
from clinicscan.store.inserts import bulk_insert, insert_rows
from clinicscan.store.models import Claim, CrawlRun, Page, SiteRole


def claim_dicts(result: PageAnalysis) -> list[dict]:
    """The claims as ``_analyse_job`` built them before (main at 0a01d35), verbatim."""
    seen: set[tuple] = set()
    claims = []
    for c in result.claims:
        key = (c.kind, c.vocab_id, c.start)
        if key in seen:
            continue
        seen.add(key)
        claims.append({
            "kind": c.kind, "vocab_id": c.vocab_id, "detail_id": c.detail_id if c.detail_id != c.vocab_id else None,
            "matched_text": c.matched_text, "start": c.start, "end": c.end,
            "sentence": extract._clip_sentence(c.sentence, c.start - c.sent_start, c.end - c.sent_start),
            "sent_start": c.sent_start, "sent_end": c.sent_end, "context": c.context, "context_cue": c.context_cue,
            "section": c.section, "lexicon_version": result.lexicon_version,
        })
    return claims


def demo_jobs() -> list[tuple]:
    files = sorted(p for p in (demo_dir() / "sites").rglob("*") if p.suffix in extract.LOCAL_SUFFIXES)
    assert len(files) >= 50
    return [(i + 1, p.read_text("utf-8"), "text/plain" if p.suffix == ".txt" else "text/html", p.as_uri(), 7,
             None, None, None, None, None) for i, p in enumerate(files)]


def test_claim_tuples_hold_what_the_claim_dicts_held(monkeypatch):
    """Every demo page, plus a sentence long enough to be clipped and a mention found twice:
    the tuples, read by CLAIM_COLUMNS, are the old dicts with the page id added."""
    results: dict[str, PageAnalysis] = {}
    analyse = extract.analyse_page

    def keeping(html, **kwargs):
        result = analyse(html, **kwargs)
        if result.claims:  # a mention found twice (the write keeps the first) and a clipped sentence
            first = result.claims[0]
            long = "word " * 900 + first.sentence
            result.claims.append(ClaimRow(**{**vars(first), "context": "negated"}))
            result.claims.append(ClaimRow(**{**vars(first), "start": first.start + 1, "sentence": long,
                                               "sent_start": first.start + 1 - 4500}))
        results[html] = result
        return result

    monkeypatch.setattr(extract, "analyse_page", keeping)
    claims = clipped = 0
    for job in demo_jobs():
        page_id, _page, rows, _contacts, _role = extract._analyse_job(job)
        expected = [{"page_id": page_id, **claim} for claim in claim_dicts(results[job[1]])]
        assert [dict(zip(extract.CLAIM_COLUMNS, row)) for row in rows] == expected
        assert all(type(row) is tuple and len(row) == len(extract.CLAIM_COLUMNS) for row in rows)
        claims += len(rows)
        clipped += sum(row[7].startswith("…") for row in rows)
    assert claims > 500 and clipped > 30


def test_claim_columns_are_the_tables_without_its_id():
    assert set(extract.CLAIM_COLUMNS) == {c.name for c in Claim.__table__.columns} - {"id"}


def awkward_claims(page_id: int, n: int, seed: int) -> list[dict]:
    rng = random.Random(seed)
    texts = ["plain", "tab\there", "new\nline", "back\\slash", "quote \"and' comma, semi;", "naïve café ✓",
             "\\N", "", "carriage\rreturn", "a" * 3000]
    return [{"page_id": page_id, "kind": rng.choice(["condition", "product_type", "red_flag"]),
             "vocab_id": f"v{i}", "detail_id": rng.choice([None, "d", "naïve"]), "matched_text": rng.choice(texts),
             "start": i, "end": i + rng.randint(1, 9), "sentence": rng.choice(texts), "sent_start": 0,
             "sent_end": rng.randint(0, 10**6), "context": rng.choice(["asserted", "hedged"]),
             "context_cue": rng.choice([None, "may", "tab\tcue"]), "section": rng.choice(["main", "nav"]),
             "lexicon_version": "lex"} for i in range(n)]


def a_page(store) -> int:
    with store.session() as session:
        run = CrawlRun(fingerprint="f", version="t")
        session.add(run)
        session.flush()
        site = store.upsert_site(session, "a.example", "A", "https://a.example/")
        page = Page(run_id=run.id, site_id=site.id, url="https://a.example/p")
        session.add(page)
        session.flush()
        return page.id


def test_insert_rows_stores_what_bulk_insert_stores(store):
    page_id = a_page(store)
    rows = awkward_claims(page_id, 60, seed=3)
    order = list(extract.CLAIM_COLUMNS)[::-1]  # any order of the columns
    with store.session() as session:
        bulk_insert(session.connection(), Claim, rows[:30])
        insert_rows(session.connection(), Claim, order, [tuple(row[c] for c in order) for row in rows[30:]])
        insert_rows(session.connection(), Claim, order, [])  # nothing to do
    columns = [c for c in Claim.__table__.c if c.name != "id"]
    with store.engine.connect() as conn:
        stored = [dict(zip([c.name for c in columns], r)) for r in conn.execute(select(*columns).order_by(Claim.id))]
    assert stored == rows


def test_insert_rows_applies_bind_processors(store):
    """A JSON column's list (and None) is stored as bulk_insert stores it."""
    page_id = a_page(store)
    with store.session() as session:
        page_two = Page(run_id=session.scalar(select(Page.run_id)), site_id=session.scalar(select(Page.site_id)),
                        url="https://a.example/q")
        session.add(page_two)
        session.flush()
        bulk_insert(session.connection(), SiteRole, [
            {"page_id": page_id, "role": "seller", "basis": None, "page_kind": "clinic",
             "condition_ids": ["copd", "naïve"], "product_type_ids": None, "red_flag_ids": []}])
        insert_rows(session.connection(), SiteRole,
                    ["page_id", "role", "basis", "page_kind", "condition_ids", "product_type_ids", "red_flag_ids"],
                    [(page_two.id, "seller", None, "clinic", ["copd", "naïve"], None, [])])
    with store.engine.connect() as conn:
        rows = [tuple(r)[1:] for r in conn.execute(select(SiteRole.__table__).order_by(SiteRole.page_id))]
    assert len(rows) == 2 and rows[0] == rows[1]


def test_insert_rows_refuses_unknown_columns_and_missing_defaults(store):
    page_id = a_page(store)
    row = awkward_claims(page_id, 1, seed=1)[0]
    with store.session() as session:
        conn = session.connection()
        no_context = [c for c in extract.CLAIM_COLUMNS if c != "context"]  # context has a default
        with pytest.raises(KeyError, match="context"):
            insert_rows(conn, Claim, no_context, [tuple(row[c] for c in no_context)])
        with pytest.raises(KeyError, match="colour"):
            insert_rows(conn, Claim, [*extract.CLAIM_COLUMNS, "colour"], [(*(row[c] for c in extract.CLAIM_COLUMNS), 1)])
