"""Contact facts reach the contact_facts table through the real extract paths, on SQLite and
PostgreSQL: ``clinicscan extract PATH --out`` and stored (crawled) pages; re-extraction
replaces a page's facts."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import pytest
from click.testing import CliRunner
from localsite import LocalSite, Resource, clinicscan
from sqlalchemy import func, select, update

from clinicscan.cli import cli
from clinicscan.nlp.extract import extract_stored_pages
from clinicscan.store import ContactFact, CrawlRun, Page, open_store

LD = json.dumps({"@context": "https://schema.org", "@type": "MedicalClinic", "name": "Tamsin Ridge Stem Cell Center",
                 "telephone": "+1 602 555 0114",
                 "address": {"@type": "PostalAddress", "streetAddress": "77 Saguaro Boulevard",
                             "addressLocality": "Mesa", "addressRegion": "AZ", "postalCode": "85201"}})
HOME = (f'<html><head><title>Tamsin Ridge</title><script type="application/ld+json">{LD}</script></head>'
        "<body><main><p>We treat knee arthritis with umbilical cord stem cells.</p></main>"
        "<footer><p>77 Saguaro Blvd., Mesa, AZ 85201 · (602) 555-0114 · "
        '<a href="mailto:care@tamsinridge.example">care@tamsinridge.example</a></p></footer></body></html>')
CONTACT = ("<html><head><title>Contact | Tamsin Ridge</title></head><body><p>Second office: 9 Ocotillo Road, "
           "Tempe, Arizona 85281. Call 480-555-0190.</p></body></html>")


def facts(store) -> set[tuple[str, str, str, str]]:
    with store.session() as s:
        rows = s.execute(select(Page.url, ContactFact.kind, ContactFact.value, ContactFact.source)
                         .join(Page, Page.id == ContactFact.page_id))
        return {(urlsplit(url).path.rsplit("/", 1)[1], kind, value, source) for url, kind, value, source in rows}


def test_extract_path_out_fills_contact_facts(db_url, tmp_path):
    site = tmp_path / "tamsin"
    site.mkdir()
    (site / "index.html").write_text(HOME, encoding="utf-8")
    (site / "contact.html").write_text(CONTACT, encoding="utf-8")
    result = CliRunner().invoke(cli, ["--db", db_url, "extract", str(site), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    with open_store(db_url) as store:
        found = facts(store)
        assert found == {
            ("index.html", "org_name", "Tamsin Ridge Stem Cell Center", "jsonld"),
            ("index.html", "phone", "+16025550114", "jsonld"),
            ("index.html", "address", "us|az|85201|77 saguaro blvd", "jsonld"),
            ("index.html", "email", "care@tamsinridge.example", "mailto"),
            ("contact.html", "address", "us|az|85281|9 ocotillo rd", "text"),
            ("contact.html", "phone", "+14805550190", "text"),
            ("contact.html", "org_name", "Contact | Tamsin Ridge", "title"),
        }
        with store.session() as s:
            site_ids = set(s.scalars(select(ContactFact.site_id)))
            page_site_ids = set(s.scalars(select(Page.site_id)))
            tempe = s.scalar(select(ContactFact).where(ContactFact.value == "us|az|85281|9 ocotillo rd"))
        assert site_ids == page_site_ids and len(site_ids) == 1
        assert (tempe.region, tempe.city, tempe.postal_code, tempe.country) == ("AZ", "Tempe", "85281", "US")
        assert tempe.evidence == "Second office: 9 Ocotillo Road, Tempe, Arizona 85281. Call 480-555-0190."


def test_reextraction_replaces_a_pages_facts(store):
    with store.session() as s:
        run = CrawlRun(fingerprint="f", version="t")
        s.add(run)
        s.flush()
        site = store.upsert_site(s, "tamsinridge.example", "Tamsin Ridge", "https://tamsinridge.example/")
        s.add(Page(run_id=run.id, site_id=site.id, url="https://tamsinridge.example/", html=HOME,
                   content_type="text/html"))
    first = extract_stored_pages(store, workers=1)
    assert first.contacts == 4
    forced = extract_stored_pages(store, force=True, workers=1)
    assert forced.contacts == 4
    with store.session() as s:
        assert s.scalar(select(func.count(ContactFact.id))) == 4
        s.execute(update(Page).values(html=CONTACT))
    extract_stored_pages(store, force=True, workers=1)
    assert {(kind, value) for _url, kind, value, _source in facts(store)} == {
        ("address", "us|az|85281|9 ocotillo rd"), ("phone", "+14805550190"), ("org_name", "Contact | Tamsin Ridge")}


def test_stored_pages_read_local_numbers_in_the_seed_country(store):
    with store.session() as s:
        run = CrawlRun(fingerprint="f", version="t")
        s.add(run)
        s.flush()
        site = store.upsert_site(s, "marisol.example", "Clínica Marisol", "https://marisol.example/", country="Mexico")
        s.add(Page(run_id=run.id, site_id=site.id, url="https://marisol.example/", content_type="text/html",
                   html="<p>Llámenos al 998 555 0123.</p>"))
    extract_stored_pages(store, workers=1)
    with store.session() as s:
        phone = s.scalar(select(ContactFact).where(ContactFact.kind == "phone"))
    assert (phone.value, phone.country, phone.source) == ("+529985550123", "MX", "text")


@pytest.mark.slow
def test_crawl_then_extract_fills_contact_facts(db_url, tmp_path):
    pages = {"/": Resource(HOME.replace("</main>", '<p><a href="/contact">Contact</a></p></main>').encode("utf-8")),
             "/contact": Resource(CONTACT.encode("utf-8"))}
    with LocalSite(pages) as site:
        crawled = clinicscan(db_url, tmp_path, "crawl", site.url, "--allow-loopback", "--delay", "0")
        assert crawled.returncode == 0, crawled.stderr[-3000:]
    extracted = clinicscan(db_url, tmp_path, "extract")
    assert extracted.returncode == 0, extracted.stderr[-3000:]
    with open_store(db_url) as store:
            found = {(url, kind, value) for url, kind, value, _source in facts(store)}
    assert ("", "phone", "+16025550114") in found and ("contact", "phone", "+14805550190") in found
    assert ("contact", "address", "us|az|85281|9 ocotillo rd") in found
