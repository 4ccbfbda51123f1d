"""Postal addresses abroad written in page text: what the reader finds (country, city, region,
postcode, street), what it must not take for an address, the key that ties two spellings of
one address and keeps two addresses apart, its bounds on hostile pages, and the way to
locations.csv through ``extract PATH --out`` on SQLite and PostgreSQL. Every clinic, street
and number here is invented for the tests (the cities and countries are real)."""

from __future__ import annotations

import csv
import time

import pandas as pd
from click.testing import CliRunner
from sqlalchemy import select

from clinicscan.cli import cli
from clinicscan.nlp.contacts import contact_facts
from clinicscan.nlp.contacts.address_key import address_key
from clinicscan.nlp.contacts.facts import MAX_PER_KIND, FactCollector
from clinicscan.nlp.contacts.intl_addresses import intl_addresses_in_text
from clinicscan.nlp.html_text import html_to_text
from clinicscan.reports.locations import site_locations
from clinicscan.store import ContactFact, open_store


def addresses(html: str, country: str | None = None) -> list:
    text = html_to_text(html)
    return [f for f in contact_facts(text.markup, text.text, text.title, country=country) if f.kind == "address"]


def one(html: str, country: str | None = None):
    found = addresses(html, country)
    assert len(found) == 1, found
    return found[0]


def test_intl_address_mexico_with_neighbourhood_postcode_and_abbreviated_state():
    fact = one("<footer><p>Clínica Nopalera · Av. Paseo de los Héroes 9180, Col. Zona Río, 22010 Tijuana, "
               "B.C., México · Tel. +52 664 555 0147</p></footer>")
    assert (fact.country, fact.city, fact.region, fact.postal_code) == ("MX", "Tijuana", "Baja California", "22010")
    assert fact.street == "Av. Paseo de los Héroes 9180, Col. Zona Río"
    assert fact.display == "Av. Paseo de los Héroes 9180, Col. Zona Río, 22010 Tijuana, B.C., México"
    assert fact.value == "mx|tijuana||av pso de los heroes 9180" and fact.source == "text"
    assert "Clínica Nopalera" in fact.evidence


def test_intl_address_panama_street_tower_and_floor_in_an_address_block():
    fact = one("<address>Centro Regenerativo Istmeño<br>Calle 53 Este, Torre Marbella Azul, Piso 12<br>"
               "Ciudad de Panamá<br>Panamá</address>")
    assert (fact.country, fact.city, fact.region, fact.postal_code) == ("PA", "Ciudad de Panamá", None, None)
    assert fact.street == "Calle 53 Este, Torre Marbella Azul, Piso 12"
    # the floor is a unit: not in the key
    assert fact.value == "pa|ciudad de panama||calle 53 este torre marbella azul"
    assert "Centro Regenerativo Istmeño" in fact.evidence and "; " in fact.evidence


def test_intl_address_uk_postcode_with_or_without_the_country():
    with_country = one("<p>Consultations at 27 Wimpole Crescent, London W1G 8QT, United Kingdom.</p>")
    assert (with_country.country, with_country.city, with_country.postal_code) == ("GB", "London", "W1G 8QT")
    assert with_country.street == "27 Wimpole Crescent"
    # a UK postcode names its country: no country needed
    alone = one("<p>Visit: 27 Wimpole Cres., London W1G 8QT</p>")
    assert (alone.country, alone.city, alone.postal_code) == ("GB", "London", "W1G 8QT")
    assert alone.value == with_country.value == "gb|london||27 wimpole cres"


def test_intl_address_india_region_and_pin_and_a_pin_read_in_the_phones_country():
    fact = one("<p>Plot 14, Sector 29, Gurugram, Haryana 122001, India</p>")
    assert (fact.country, fact.city, fact.region, fact.postal_code) == ("IN", "Gurugram", "Haryāna", "122001")
    assert fact.value == "in|gurugram||plot 14 sector 29"
    # no country named: the six-digit PIN counts because the page's phone number is Indian
    page = "<p>Shanti Cell Care, Plot 3, Okhla Phase 2, New Delhi 110020 · +91 11 5550 0160</p>"
    fact = one(page)
    assert (fact.country, fact.city, fact.postal_code) == ("IN", "New Delhi", "110020")
    assert addresses(page.replace("+91 11 5550 0160", "")) == []  # no phone, no seed: whose PIN?
    assert one(page.replace("+91 11 5550 0160", ""), country="India").city == "New Delhi"  # the seed's country


def test_intl_address_in_the_countrys_own_language():
    albania = one("<p>Klinika Drita, Rruga e Durrësit 118, Tiranë, Shqipëria</p>")
    assert (albania.country, albania.city, albania.street) == ("AL", "Tiranë", "Rruga e Durrësit 118")
    germany = one("<p>Praxis am Park · Lindenstraße 12, 60325 Frankfurt am Main, Deutschland</p>")
    assert (germany.country, germany.city, germany.postal_code) == ("DE", "Frankfurt am Main", "60325")
    assert germany.value == "de|frankfurt am main||lindenstr 12"
    thailand = one("<p>Lotus Regen Clinic - Sukhumvit Soi 49, Bangkok 10110, Thailand</p>")
    assert (thailand.country, thailand.city, thailand.postal_code) == ("TH", "Bangkok", "10110")


def test_intl_sentences_that_name_a_country_are_not_addresses():
    for text in (
        "Patients fly in from Canada, Mexico, Brazil and Japan every month.",
        "This cell product was approved in Japan, and soon in Korea.",
        "Our Mexico clinic is the largest; our Panama clinic opened in 2019, Panama.",
        "We opened in 2015, Lisbon, Portugal.",
        "Escazú, San José, Costa Rica",  # a place with no street: not an address
        "Mexico offers lower prices than the United States.",
        "Call us from the UK, Ireland, Spain or Germany.",
    ):
        assert addresses(f"<p>{text}</p>") == [], text


def test_intl_address_key_ties_two_spellings_and_keeps_two_addresses_apart():
    spellings = [
        "<p>Av. Costa del Este No. 210, Torre Ámbar, Piso 4, Ciudad de Panamá, Panamá</p>",
        "<p>Torre Ambar, Piso 11, Avenida Costa del Este 210, Ciudad de Panama, Republic of Panama</p>",
        "<p>AVENIDA COSTA DEL ESTE #210, TORRE AMBAR, CIUDAD DE PANAMÁ, PANAMÁ</p>",
    ]
    keys = {one(html).value for html in spellings}
    assert keys == {"pa|ciudad de panama||av costa del este 210 torre ambar"}
    others = [
        "<p>Av. Costa del Este No. 212, Torre Ámbar, Ciudad de Panamá, Panamá</p>",  # another number
        "<p>Av. Costa del Este No. 210, Torre Ámbar, David, Panamá</p>",  # another city
        "<p>Av. Costa del Este No. 210, Torre Ámbar, San José, Costa Rica</p>",  # another country
    ]
    assert len({one(html).value for html in others} | keys) == 4
    # a street without a number or building locates the clinic but ties nothing
    bare = one("<p>Av. Winston Churchill, Santo Domingo, República Dominicana</p>")
    assert (bare.country, bare.city, bare.value) == ("DO", "Santo Domingo", "do|santo domingo||")
    # JSON-LD abroad is keyed the same way, so a JSON-LD page and a text page of one business tie
    assert address_key("PA", "Panamá", "0816", "Avenida Costa del Este 210, Torre Ámbar",
                       city="Ciudad de Panamá") == "pa|ciudad de panama||av costa del este 210 torre ambar"


def test_intl_address_in_the_us_is_left_to_the_us_reader():
    found = addresses("<p>1420 Larimer Street, Denver, CO 80202, USA</p>")
    assert [f.value for f in found] == ["us|co|80202|1420 larimer st"]


def test_intl_hostile_pages_are_bounded():
    huge_line = "Calle " + "Abcde " * 170_000 + "12, Tijuana, México"  # 1 MB with no line break
    lists = "México, " * 130_000
    footer = "".join(f"Calle {n} No. {n}, Tijuana, México\n" for n in range(1, 501))
    postcodes = "W1G 8QT, " * 110_000
    for text in (huge_line, lists, footer, postcodes, "A, " * 350_000):
        facts = FactCollector()
        started = time.process_time()
        intl_addresses_in_text(text, facts, {"IN", "MX", "DE"})
        assert time.process_time() - started < 3, len(text)
        assert len(facts.facts) <= MAX_PER_KIND["address"]
    facts = FactCollector()
    intl_addresses_in_text(footer, facts)
    assert len(facts.facts) == MAX_PER_KIND["address"] and "address" in facts.capped


def test_intl_address_fills_a_blank_seed_and_a_disagreeing_seed_is_a_note():
    sites = pd.DataFrame({"site_id": [1, 2], "domain": ["a.example", "b.example"], "site_name": ["A", "B"],
                          "country": ["", "Mexico"], "region": ["", ""]})
    fact = one("<p>Calle 53 Este No. 8, Torre Coral, Ciudad de Panamá, Panamá</p>")
    rows = [{**fact.as_row(), "site_id": sid, "page_id": sid * 10, "url": f"https://{d}/"}
            for sid, d in ((1, "a.example"), (2, "b.example"))]
    locations, places = site_locations(sites, pd.DataFrame(rows))
    loc = locations.set_index("site_id")
    assert (loc.loc[1, "country"], loc.loc[1, "country_from"], loc.loc[1, "city"]) == ("PA", "page", "Ciudad de Panamá")
    assert loc.loc[1, "notes"] == ""
    assert loc.loc[2, "notes"] == "the seed CSV says country MX"
    place = places.set_index("site_id")
    assert place.loc[1, "location_country"] == "PA"
    assert (place.loc[2, "location_country"], place.loc[2, "location_notes"]) == (
        "MX", "seed CSV says country MX, its pages say PA")


def test_intl_addresses_reach_the_store_and_locations_csv(db_url, tmp_path):
    for name, html in {
        "marisol": "<html><head><title>Clínica Marisol</title></head><body><p>Células madre para la rodilla.</p>"
                   "<footer><p>Clínica Marisol · Av. Bonampak 77, SM 6, 77500 Cancún, Q. Roo, México</p></footer>"
                   "</body></html>",
        "wimpole": "<html><head><title>Wimpole Cell Rooms</title></head><body><p>Knee injections.</p>"
                   "<address>Wimpole Cell Rooms<br>27 Wimpole Crescent<br>London W1G 8QT</address></body></html>",
        "mention": "<html><head><title>News</title></head><body><p>Clinics in Mexico, Panama and "
                   "Colombia, Costa Rica, sell cells to patients who fly in from Canada.</p></body></html>",
    }.items():
        (tmp_path / name).mkdir()
        (tmp_path / name / "index.html").write_text(html, encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["--db", db_url, "extract", str(tmp_path / "marisol"), str(tmp_path / "wimpole"),
                                      str(tmp_path / "mention"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    with open_store(db_url) as store, store.session() as s:
        stored = {(f.value, f.country, f.city, f.region, f.postal_code)
                  for f in s.scalars(select(ContactFact).where(ContactFact.kind == "address"))}
    assert stored == {("mx|cancun||av bonampak 77", "MX", "Cancún", "Quintana Roo", "77500"),
                      ("gb|london||27 wimpole cres", "GB", "London", None, "W1G 8QT")}
    with (out / "locations.csv").open(encoding="utf-8") as handle:
        rows = {row["domain"].rsplit("/", 1)[-1]: row for row in csv.DictReader(handle)}
    assert (rows["marisol"]["city"], rows["marisol"]["country"], rows["marisol"]["country_from"]) == (
        "Cancún", "MX", "page")
    assert rows["marisol"]["found_by"] == "text" and "Av. Bonampak 77" in rows["marisol"]["address"]
    assert (rows["wimpole"]["city"], rows["wimpole"]["postal_code"], rows["wimpole"]["country"]) == (
        "London", "W1G 8QT", "GB")
    assert rows["mention"]["address"] == "" and rows["mention"]["notes"] == "no address found on the site's pages"
