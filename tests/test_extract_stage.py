"""The extract stage on a real store (SQLite and PostgreSQL) and on local files."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import func, select

from clinicscan.errors import InputError
from clinicscan.store.models import Claim, CrawlRun, Page, Site
from clinicscan.nlp.extract import extract_local_files, extract_stored_pages

CLINIC = ("<html><head><title>Knee care</title></head><body><main><p>Our clinic treats knee arthritis with "
          "umbilical cord stem cells. It is 100% safe.</p><p>We do not treat autism.</p>"
          "<p>Book your free consultation.</p></main></body></html>")
NEWS = ("<html><body><p>By a staff writer. Some clinics claim to cure autism, regulators said in a statement."
        "</p></body></html>")


def add_pages(store, bodies: dict[str, str | None]) -> int:
    with store.session() as session:
        run = CrawlRun(fingerprint="f", version="test")
        session.add(run)
        session.flush()
        site = store.upsert_site(session, "clinic.example", "Clinic", "https://clinic.example/")
        for url, body in bodies.items():
            session.add(Page(run_id=run.id, site_id=site.id, url=url, html=body, content_type="text/html"))
        return run.id


def claim_count(store) -> int:
    with store.session() as session:
        return session.scalar(select(func.count(Claim.id)))


def test_extract_fills_pages_and_claims(store):
    run_id = add_pages(store, {"https://clinic.example/knee": CLINIC, "https://news.example/a": NEWS})
    stats = extract_stored_pages(store, run_id=run_id, workers=1)
    assert (stats.pages, stats.extracted, stats.failed, stats.offering) == (2, 2, 0, 1)
    with store.session() as session:
        knee = session.scalar(select(Page).where(Page.url.endswith("/knee")))
        news = session.scalar(select(Page).where(Page.url.endswith("/a")))
        assert knee.offers_treatment is True and knee.page_kind == "clinic"
        assert knee.condition_ids == ["osteoarthritis"] and knee.product_type_ids == ["umbilical_cord"]
        assert knee.red_flag_ids == ["safety_claim"]
        assert knee.title == "Knee care" and "knee arthritis" in knee.text
        assert knee.extracted_at is not None and len(knee.lexicon_version) == 16
        assert news.offers_treatment is False and news.condition_ids == []
        autism = session.scalar(select(Claim).where(Claim.page_id == knee.id, Claim.vocab_id == "autism"))
        assert autism.context == "negated" and autism.context_cue == "do not treat"
        assert autism.sentence == "We do not treat autism."
        assert knee.text[autism.start:autism.end] == "autism"
    assert stats.claims == claim_count(store)


def test_extract_rerun_is_idempotent(store):
    add_pages(store, {"https://clinic.example/knee": CLINIC})
    first = extract_stored_pages(store, workers=1)
    again = extract_stored_pages(store, workers=1)
    assert first.claims > 0 and again.pages == 0
    forced = extract_stored_pages(store, force=True, workers=1)
    assert forced.extracted == 1 and forced.claims == first.claims == claim_count(store)


def test_extract_page_that_analyse_reports_as_failed_is_skipped(store, monkeypatch, caplog):
    import clinicscan.nlp.extract as extract
    from clinicscan.nlp.analyse import PageAnalysis

    real = extract.analyse_page
    monkeypatch.setattr(extract, "analyse_page",
                        lambda html, **kw: PageAnalysis(error="ValueError: broken") if "BROKEN" in html
                        else real(html, **kw))
    add_pages(store, {"https://clinic.example/bad": "BROKEN", "https://clinic.example/knee": CLINIC})
    with caplog.at_level(logging.WARNING, logger="clinicscan.nlp.extract"):
        stats = extract_stored_pages(store, workers=1)
    assert (stats.extracted, stats.failed) == (1, 1)
    assert "broken" in caplog.text
    with store.session() as session:
        bad = session.scalar(select(Page).where(Page.url.endswith("/bad")))
        assert bad.extract_error == "ValueError: broken" and bad.extracted_at is not None


def test_extract_with_two_workers_matches_one(store):
    pages = {f"https://clinic.example/{i}": (CLINIC if i % 2 else NEWS) for i in range(60)}
    add_pages(store, pages)
    stats = extract_stored_pages(store, workers=2)
    assert stats.workers == 2 and stats.extracted == 60
    with store.session() as session:
        offering = session.scalar(select(func.count(Page.id)).where(Page.offers_treatment.is_(True)))
    assert offering == 30


def test_extract_local_files_walks_folders(store, tmp_path, caplog):
    (tmp_path / "site" / "deeper").mkdir(parents=True)
    (tmp_path / "site" / "knee.html").write_text(CLINIC, encoding="utf-8")
    (tmp_path / "site" / "deeper" / "copd.txt").write_text("Our clinic treats COPD with exosomes.\nBook now.",
                                                          encoding="utf-8")
    (tmp_path / "site" / "latin1.htm").write_bytes("<p>caf\xe9 \xff</p>".encode("latin-1"))
    (tmp_path / "site" / "notes.pdf").write_bytes(b"%PDF")
    with caplog.at_level(logging.WARNING, logger="clinicscan.nlp.extract"):
        run_id = extract_local_files(store, [tmp_path / "site"], workers=1)
    assert "latin1.htm" in caplog.text and "UTF-8" in caplog.text
    with store.session() as session:
        run = session.get(CrawlRun, run_id)
        assert run.kind == "local" and run.status == "finished"
        pages = {p.url.rsplit("/", 1)[1]: p for p in session.scalars(select(Page).where(Page.run_id == run_id))}
        assert set(pages) == {"knee.html", "copd.txt"}
        assert pages["copd.txt"].url == (tmp_path / "site" / "deeper" / "copd.txt").resolve().as_uri()
        assert pages["copd.txt"].condition_ids == ["lung_disease"]
        domains = set(session.scalars(select(Site.domain)))
        assert f"file:{(tmp_path / 'site').resolve()}" in domains
        assert f"file:{(tmp_path / 'site' / 'deeper').resolve()}" in domains


def test_extract_local_files_with_nothing_to_read(store, tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="no .html, .htm or .txt files"):
        extract_local_files(store, [tmp_path / "empty"])
