"""Rows written straight into the store for the report tests: a small fictional world of
clinics (every name invented for the project), built the way the crawl and extract stages
would leave it."""

from __future__ import annotations

import zlib
from datetime import datetime, timezone

from clinicscan.store.models import Claim, CrawlRun, Page, Trial

SEEN = datetime(2026, 3, 2, 10, 30, tzinfo=timezone.utc)


def add_run(session, label="test run", started=None) -> CrawlRun:
    run = CrawlRun(label=label, fingerprint=label, version="test",
                   started_at=started or datetime(2026, 3, 2, tzinfo=timezone.utc))
    session.add(run)
    session.flush()
    return run


def add_page(store, session, run, domain, name, path="/", *, offers=True, kind="clinic",
             title=None, claims=(), country="US", region=None, text=None) -> Page:
    """A page with claims. ``claims``: (kind, vocab_id, sentence, context[, section]) tuples;
    claims sharing a sentence string share offsets, as the extractor would write them."""
    site = store.upsert_site(session, domain, name, f"https://{domain}/", country, region)
    url = f"https://{domain}{path}"
    sentences: list[str] = []
    for c in claims:
        if c[2] not in sentences:
            sentences.append(c[2])
    body = text if text is not None else " ".join(sentences)
    page = Page(run_id=run.id, site_id=site.id, url=url, final_url=url, status=200,
                fetched_at=SEEN, title=title or f"{name} {path}", text=body, offers_treatment=offers,
                page_kind=kind, warc_file="run.warc.gz", warc_record_id=f"<urn:uuid:{zlib.crc32(url.encode()):012d}>",
                extracted_at=SEEN, lexicon_version="test",
                condition_ids=sorted({c[1] for c in claims if c[0] == "condition"}),
                product_type_ids=sorted({c[1] for c in claims if c[0] == "product_type"}),
                red_flag_ids=sorted({c[1] for c in claims if c[0] == "red_flag"}))
    session.add(page)
    session.flush()
    for i, c in enumerate(claims):
        ckind, vocab_id, sentence, context = c[:4]
        section = c[4] if len(c) > 4 else "main"
        sent_start = body.find(sentence) if sentence in body else 0
        session.add(Claim(page_id=page.id, kind=ckind, vocab_id=vocab_id, matched_text=vocab_id,
                          start=sent_start + i, end=sent_start + i + 1, sentence=sentence,
                          sent_start=sent_start, sent_end=sent_start + len(sentence),
                          context=context, section=section, lexicon_version="test"))
    session.flush()
    return page


def add_trial(session, nct, conditions, products, phases=("PHASE2",), results=False, status="COMPLETED"):
    session.add(Trial(nct_id=nct, title=f"Fictional test trial {nct}", status=status,
                      phases=list(phases), has_results=results, sponsor="Fictional Sponsor",
                      conditions=list(conditions), interventions=list(products),
                      condition_ids=list(conditions), product_type_ids=list(products)))
    session.flush()


BACK = "We treat degenerative disc disease with bone marrow concentrate injections."
AUTISM = "Our umbilical cord stem cells help children with autism speak again."


def build_world(store):
    """Run 1 with: a back-pain clinic, a transplant centre, a news page, an autism clinic,
    a PRP-only clinic and a hostile page; trials for back pain. Returns the run id."""
    with store.session() as s:
        run = add_run(s)
        add_page(store, s, run, "spine.example", "Fernhollow Spine Clinic", "/treatments", claims=[
            ("condition", "back_pain", BACK, "asserted"),
            ("product_type", "bone_marrow", BACK, "asserted"),
            ("product_type", "msc", "Donor MSC injections are our advanced option.", "asserted"),
            ("red_flag", "avoid_surgery_claim", "Avoid spine surgery for good.", "asserted"),
        ])
        add_page(store, s, run, "transplant.example", "Lakemere University Transplant Centre", "/bmt",
                 kind="transplant", claims=[
            ("condition", "blood_disorders", "We perform bone marrow and peripheral blood stem cell transplants for leukaemia.", "asserted"),
            ("product_type", "bone_marrow", "We perform bone marrow and peripheral blood stem cell transplants for leukaemia.", "asserted"),
            ("product_type", "peripheral_blood", "We perform bone marrow and peripheral blood stem cell transplants for leukaemia.", "asserted"),
        ])
        add_page(store, s, run, "news.example", "Daily Tidings", "/story", offers=False, kind="news", claims=[
            ("condition", "autism", "Clinics sell umbilical cord cells for autism, regulators warn.", "reported"),
            ("product_type", "umbilical_cord", "Clinics sell umbilical cord cells for autism, regulators warn.", "reported"),
        ])
        add_page(store, s, run, "hope.example", "Brightwater Cell Clinic", "/autism", country="MX", claims=[
            ("condition", "autism", AUTISM, "asserted"),
            ("product_type", "umbilical_cord", AUTISM, "asserted"),
            ("red_flag", "cure_claim", "Stem cells reverse autism.", "asserted"),
            ("condition", "cerebral_palsy", "We also treat cerebral palsy.", "asserted"),
            ("condition", "multiple_sclerosis", "Multiple sclerosis responds well.", "hedged"),
            ("condition", "parkinsons", "We do not treat Parkinson's disease.", "negated"),
        ])
        add_page(store, s, run, "prp.example", "Oakridge Joint Spa", "/prp", claims=[
            ("condition", "osteoarthritis", "PRP injections for knee arthritis.", "asserted"),
            ("product_type", "prp", "PRP injections for knee arthritis.", "asserted"),
        ])
        add_trial(s, "NCT90000001", ["back_pain"], ["bone_marrow"], ["PHASE2"], results=True)
        add_trial(s, "NCT90000002", ["back_pain"], ["msc"], ["PHASE3"])
        add_trial(s, "NCT90000003", ["osteoarthritis"], ["msc"], ["PHASE1"])
        return run.id


def test_build_world_writes_rows(store):
    run_id = build_world(store)
    with store.session() as s:
        pages = s.query(Page).filter_by(run_id=run_id).all()
        assert len(pages) == 5
        back = next(p for p in pages if p.url.endswith("/treatments"))
        claims = {(c.kind, c.vocab_id): c for c in back.claims}
        assert claims[("condition", "back_pain")].sent_start == claims[("product_type", "bone_marrow")].sent_start
        assert claims[("product_type", "msc")].sent_start != claims[("condition", "back_pain")].sent_start
