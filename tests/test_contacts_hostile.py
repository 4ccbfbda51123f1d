"""Contact data is written by whoever owns the page: caps per page, a huge JSON-LD block is
not parsed, and a failure in the contact readers never costs the page its claims."""

from __future__ import annotations

import json
import logging
import re
import time

from clinicscan.nlp.analyse import analyse_page
from clinicscan.nlp.contacts import contact_facts
from clinicscan.nlp.contacts.facts import MAX_PER_KIND
from clinicscan.nlp.html_text import html_to_text

CLAIM = "<p>Our clinic treats knee arthritis with umbilical cord stem cells.</p>"


def facts_of(html: str) -> list:
    page = html_to_text(html)
    return contact_facts(page.markup, page.text, page.title, url="https://hostile.example/")


def test_contacts_500_phone_numbers_keep_the_first_20_and_say_so(caplog):
    numbers = "".join(f"<li>(303) 555-{100 + i % 100:04d} ext {i}</li><li>+1 720 555 {i:04d}</li>" for i in range(250))
    links = "".join(f'<a href="tel:+1206555{i:04d}">call</a>' for i in range(500))
    started = time.perf_counter()
    with caplog.at_level(logging.WARNING, logger="clinicscan.nlp.contacts"):
        facts = facts_of(f"<ul>{numbers}</ul>{links}")
    elapsed = time.perf_counter() - started
    phones = [f for f in facts if f.kind == "phone"]
    assert len(phones) == MAX_PER_KIND["phone"] == 20
    assert phones[0].source == "tel_link" and phones[0].value == "+12065550000"  # links are read before text
    assert "more phone facts than the cap of 20" in caplog.text
    assert elapsed < 2.0, f"500 numbers took {elapsed:.2f}s"


def test_contacts_500_emails_and_100_addresses_are_capped():
    emails = " ".join(f"person{i}@mail{i}.example" for i in range(500))
    addresses = "".join(f"<p>{100 + i} Main Street, Springfield, IL 62701</p>" for i in range(100))
    facts = facts_of(f"<p>{emails}</p>{addresses}")
    assert sum(f.kind == "email" for f in facts) == 20
    assert sum(f.kind == "address" for f in facts) == 10


def test_contacts_5mb_jsonld_block_is_skipped_unparsed_and_the_rest_is_read(caplog):
    # just under the 5 MB a page is cut at (analyse.MAX_HTML_CHARS), so the small block after it is read
    huge = json.dumps({"@type": "MedicalClinic", "name": "Fake", "telephone": "+1 303 555 0199",
                       "padding": "x" * 4_990_000})
    small = json.dumps({"@type": "MedicalClinic", "name": "Kestrel Knee Clinic", "telephone": "+1 303 555 0142"})
    html = (f'<html><head><script type="application/ld+json">{huge}</script>'
            f'<script type="application/ld+json">{small}</script></head><body>{CLAIM}</body></html>')
    started = time.perf_counter()
    with caplog.at_level(logging.WARNING, logger="clinicscan.nlp.contacts"):
        result = analyse_page(html, url="https://hostile.example/")
    elapsed = time.perf_counter() - started
    assert re.search(r"skipped a JSON-LD block of 499\d KB on https://hostile.example/ \(over 200 KB, not parsed\)",
                     caplog.text)
    assert {(f.kind, f.value) for f in result.contacts} == {("phone", "+13035550142"),
                                                            ("org_name", "Kestrel Knee Clinic")}
    assert result.conditions == ["osteoarthritis"]
    assert elapsed < 5.0, f"a 5 MB JSON-LD page took {elapsed:.2f}s"


def test_contacts_broken_and_deeply_nested_jsonld_do_not_break_the_page():
    nested = '{"@type": "Thing", "about": ' * 5000 + '{"@type": "Organization", "name": "Deep"}' + "}" * 5000
    html = ('<script type="application/ld+json">{"@type": "MedicalClinic", "telephone": </script>'
            f'<script type="application/ld+json">{nested}</script>'
            '<script type="application/ld+json">[1, "two", null, {"@type": 7}]</script>'
            f'<title>Kestrel</title><body>{CLAIM}<p>Call (303) 555-0142.</p></body>')
    result = analyse_page(html, url="https://hostile.example/")
    assert result.error is None and result.contacts_error is None
    assert result.conditions == ["osteoarthritis"]
    assert [f.value for f in result.contacts if f.kind == "phone"] == ["+13035550142"]


def test_contacts_failure_is_logged_and_the_claims_stay(monkeypatch, caplog):
    import clinicscan.nlp.analyse as analyse

    def broken(*_args, **_kwargs):
        raise RuntimeError("reader fell over")

    monkeypatch.setattr(analyse, "contact_facts", broken)
    with caplog.at_level(logging.WARNING, logger="clinicscan.nlp.analyse"):
        result = analyse_page(f"<title>Kestrel</title>{CLAIM}", url="https://hostile.example/")
    assert result.error is None and result.conditions == ["osteoarthritis"]
    assert result.contacts == [] and result.contacts_error == "RuntimeError: reader fell over"
    assert "contact facts not read on https://hostile.example/" in caplog.text


def test_contacts_display_and_evidence_are_capped():
    long_name = "Kestrel " * 200
    facts = facts_of(f'<script type="application/ld+json">{json.dumps({"@type": "MedicalClinic", "name": long_name})}'
                     "</script><p>x</p>")
    (name,) = facts
    assert len(name.display) <= 300 and len(name.evidence) <= 300 and len(name.value) <= 300
