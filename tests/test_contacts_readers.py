"""Contact facts of one page: each kind from JSON-LD, microdata, links and text, normalised.

Every page here is invented (names, .example domains, 555-01xx numbers, which libphonenumber
treats as valid US numbers).
"""

from __future__ import annotations

import json

from clinicscan.nlp.analyse import analyse_page
from clinicscan.nlp.contacts import contact_facts
from clinicscan.nlp.contacts.address_key import address_key, normalise_street
from clinicscan.nlp.html_text import html_to_text, plain_to_text


def facts_of(html: str, country: str | None = None) -> list:
    page = html_to_text(html)
    return contact_facts(page.markup, page.text, page.title, url="https://clinic.example/", country=country)


def by_kind(facts, kind: str) -> list:
    return [f for f in facts if f.kind == kind]


def jsonld(data) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


CLINIC_LD = {
    "@context": "https://schema.org",
    "@graph": [
        {"@type": "Organization", "name": "Quillmont Holdings"},
        {"@type": ["MedicalClinic", "LocalBusiness"], "name": "Quillmont Regenerative Clinic",
         "telephone": "+1 (720) 555-0133", "email": "mailto:Front.Desk@Quillmont-Regen.example",
         "address": {"@type": "PostalAddress", "streetAddress": "88 Quarry Avenue, Suite 210",
                     "addressLocality": "Boulder", "addressRegion": "Colorado", "postalCode": "80302-4411",
                     "addressCountry": {"@type": "Country", "name": "US"}}},
    ],
}


def test_contacts_jsonld_gives_each_kind_normalised():
    facts = facts_of(f"<html><head><title>Knees | Quillmont</title>{jsonld(CLINIC_LD)}</head>"
                     "<body><p>We treat knees.</p></body></html>")
    (phone,) = by_kind(facts, "phone")
    assert (phone.value, phone.country, phone.source, phone.display) == ("+17205550133", "US", "jsonld",
                                                                        "+1 (720) 555-0133")
    assert '"telephone": "+1 (720) 555-0133"' in phone.evidence and "MedicalClinic" in phone.evidence
    (email,) = by_kind(facts, "email")
    assert (email.value, email.source) == ("front.desk@quillmont-regen.example", "jsonld")
    (address,) = by_kind(facts, "address")
    assert address.value == "us|co|80302|88 quarry ave"
    assert (address.country, address.region, address.city, address.postal_code) == ("US", "CO", "Boulder",
                                                                                     "80302-4411")
    assert address.street == "88 Quarry Avenue, Suite 210" and address.source == "jsonld"
    (name,) = by_kind(facts, "org_name")
    # the most specific organisation type wins over the holding Organization listed first
    assert (name.value, name.source) == ("Quillmont Regenerative Clinic", "jsonld")


def test_contacts_jsonld_address_outside_the_us_keeps_country_region_city():
    data = {"@context": "https://schema.org", "@type": "MedicalBusiness", "name": "Clínica Celular Marisol",
            "telephone": "+52 998 555 0123",
            "address": {"@type": "PostalAddress", "streetAddress": "Avenida Kabah 14", "addressLocality": "Cancún",
                        "addressRegion": "Quintana Roo", "postalCode": "77500", "addressCountry": "México"}}
    facts = facts_of(f"<html><head>{jsonld(data)}</head><body><p>Bienvenidos.</p></body></html>")
    (address,) = by_kind(facts, "address")
    assert (address.country, address.region, address.city, address.postal_code) == ("MX", "Quintana Roo", "Cancún",
                                                                                     "77500")
    assert address.value == "mx|cancun||av kabah 14"
    (phone,) = by_kind(facts, "phone")
    assert (phone.value, phone.country) == ("+529985550123", "MX")


def test_contacts_jsonld_skips_an_event_venue_and_reads_a_list_of_locations():
    data = [{"@type": "MedicalClinic", "name": "Harrowgate Spine", "location": [
                {"@type": "Place", "address": {"@type": "PostalAddress", "streetAddress": "10 Elm Street",
                                               "addressLocality": "Tulsa", "addressRegion": "OK", "postalCode": "74103"}},
                {"@type": "Place", "address": {"@type": "PostalAddress", "streetAddress": "500 Birch Road",
                                               "addressLocality": "Norman", "addressRegion": "OK", "postalCode": "73069"}}]},
            {"@type": "EducationEvent", "name": "Free stem cell seminar",
             "location": {"@type": "Place", "name": "Grand Hotel", "telephone": "+1 918 555 0177",
                          "address": {"@type": "PostalAddress", "streetAddress": "1 Hotel Plaza",
                                      "addressLocality": "Tulsa", "addressRegion": "OK", "postalCode": "74119"}}}]
    facts = facts_of(f"<html><head>{jsonld(data)}</head><body></body></html>")
    assert sorted(f.value for f in by_kind(facts, "address")) == ["us|ok|73069|500 birch rd", "us|ok|74103|10 elm st"]
    assert by_kind(facts, "phone") == []


def test_contacts_microdata_gives_phone_address_and_name():
    html = ('<html><body><div itemscope itemtype="https://schema.org/Physician">'
            '<h1 itemprop="name">Dr. Oriel Fenwick, Joint Restoration</h1>'
            '<span itemprop="telephone">(405) 555-0188</span>'
            '<div itemprop="address" itemscope itemtype="https://schema.org/PostalAddress">'
            '<span itemprop="streetAddress">2300 Cedar Lane</span> '
            '<span itemprop="addressLocality">Edmond</span> <span itemprop="addressRegion">OK</span> '
            '<span itemprop="postalCode">73034</span></div></div></body></html>')
    facts = facts_of(html)
    microdata = [f for f in facts if f.source == "microdata"]
    assert {(f.kind, f.value) for f in microdata} == {
        ("phone", "+14055550188"), ("address", "us|ok|73034|2300 cedar ln"),
        ("org_name", "Dr. Oriel Fenwick, Joint Restoration")}


def test_contacts_links_tel_and_mailto():
    facts = facts_of('<p>Call <a href="tel:+1-303-555-0142">303.555.0142</a>, or '
                     '<a href="mailto:Hello@Brackenridge.example?subject=Visit">write to us</a>.</p>')
    phone = next(f for f in facts if f.kind == "phone")
    assert (phone.value, phone.source) == ("+13035550142", "tel_link") and "tel:+1-303-555-0142" in phone.evidence
    email = next(f for f in facts if f.kind == "email")
    assert (email.value, email.source) == ("hello@brackenridge.example", "mailto")


def test_contacts_text_phone_email_and_hidden_email():
    facts = facts_of("<p>Questions? Call (303) 555-0142 or write to Intake@Brackenridge.example.</p>"
                     "<p>Press: media [at] brackenridge [dot] example. Our logo is logo@2x.png.</p>")
    (phone,) = by_kind(facts, "phone")
    assert (phone.value, phone.source, phone.country) == ("+13035550142", "text", "US")
    assert phone.evidence == "Questions? Call (303) 555-0142 or write to Intake@Brackenridge.example."
    assert sorted(f.value for f in by_kind(facts, "email")) == ["intake@brackenridge.example",
                                                               "media@brackenridge.example"]


def test_contacts_text_ignores_numbers_that_are_not_valid_phones():
    facts = facts_of("<p>Call 555-0100. Treatment costs $4,500 and 12,000 patients since 2004. "
                     "Order 1234567890123.</p>")
    assert by_kind(facts, "phone") == []


def test_contacts_text_phone_without_country_code_is_read_in_the_site_country():
    text = "<p>Llámenos al 998 555 0123 para una cita.</p>"
    assert [f.value for f in by_kind(facts_of(text, country="Mexico"), "phone")] == ["+529985550123"]
    assert by_kind(facts_of(text, country=None), "phone") == []  # not a valid US number


def test_contacts_text_us_addresses_with_state_code_or_name_and_two_lines():
    facts = facts_of("<main><p>Visit us at 1420 N. Larimer Street, Suite 300, Denver, CO 80202 any weekday.</p>"
                     "<address>2200 West 38th Avenue<br>Wheat Ridge, Colorado 80033-1234</address>"
                     "<p>Since 2004 we have seen 12000 patients from 50 states.</p></main>")
    addresses = {f.value: f for f in by_kind(facts, "address")}
    assert set(addresses) == {"us|co|80202|1420 n larimer st", "us|co|80033|2200 w 38th ave"}
    denver = addresses["us|co|80202|1420 n larimer st"]
    assert (denver.city, denver.region, denver.postal_code, denver.source) == ("Denver", "CO", "80202", "text")
    assert denver.street == "1420 N. Larimer Street, Suite 300"
    assert denver.display == "1420 N. Larimer Street, Suite 300, Denver, CO 80202"
    assert "Visit us at" in denver.evidence
    ridge = addresses["us|co|80033|2200 w 38th ave"]
    assert (ridge.city, ridge.postal_code) == ("Wheat Ridge", "80033-1234")


def test_contacts_address_key_is_the_same_for_two_spellings_of_one_building():
    assert normalise_street("1420 North Larimer Street, Ste. 300") == normalise_street("1420 N LARIMER ST #12")
    assert address_key("US", "CO", "80202-1111", "1420 Larimer Street") == "us|co|80202|1420 larimer st"
    # abroad: country, city and street (a page writes the postcode or not, the city always)
    assert address_key("DE", None, "10115", "Friedrichstraße 12", city="Berlin") == "de|berlin||friedrichstr 12"
    one = by_kind(facts_of("<p>1420 Larimer Street, Denver, CO 80202</p>"), "address")[0]
    two = by_kind(facts_of(jsonld({"@type": "MedicalClinic", "name": "X", "address": {
        "streetAddress": "1420 Larimer St.", "addressLocality": "Denver", "addressRegion": "CO",
        "postalCode": "80202", "addressCountry": "USA"}})), "address")[0]
    assert one.value == two.value


def test_contacts_org_name_from_og_site_name_then_title():
    og = facts_of('<html><head><title>Knee pain | Larkspur</title><meta property="og:site_name" '
                  'content="Larkspur Joint Centre"></head><body><p>Hi.</p></body></html>')
    assert [(f.value, f.source) for f in by_kind(og, "org_name")] == [("Larkspur Joint Centre", "og")]
    title = facts_of("<html><head><title>  Larkspur Joint Centre </title></head><body><p>Hi.</p></body></html>")
    assert [(f.value, f.source) for f in by_kind(title, "org_name")] == [("Larkspur Joint Centre", "title")]


def test_contacts_plain_text_page():
    page = plain_to_text("Brackenridge Clinic\n42 Orchard Road, Lincoln, NE 68508\nPhone: 402-555-0161\n")
    facts = contact_facts(page.markup, page.text, page.title)
    assert {(f.kind, f.value) for f in facts} == {("address", "us|ne|68508|42 orchard rd"), ("phone", "+14025550161")}


def test_analyse_page_returns_contacts_beside_the_claims():
    result = analyse_page("<title>Knee care</title><p>Our clinic treats knee arthritis with umbilical cord stem "
                          "cells.</p><p>Call (303) 555-0142 to book.</p>", url="https://knee.example/",
                          site_country="US")
    assert result.error is None and result.contacts_error is None
    assert result.conditions == ["osteoarthritis"]
    assert [f.value for f in result.contacts if f.kind == "phone"] == ["+13035550142"]


def test_contacts_text_footer_address_with_dots_between_parts_and_a_street_without_street_word():
    facts = facts_of("<footer><p>4410 Quail Run Rd, Suite 12 · Sarasota, FL 34236 · Open daily</p>"
                     "<p>7700 E. Via Solana, Suite 200, Scottsdale, AZ 85258 | (480) 555-0100</p>"
                     "<p>Founded in 2004, Denver, CO 80202 is our home.</p></footer>")
    assert sorted(f.value for f in by_kind(facts, "address")) == ["us|az|85258|7700 e via solana",
                                                                  "us|fl|34236|4410 quail run rd"]


def test_contacts_jsonld_address_without_country_in_a_us_state_is_us():
    data = {"@type": "MedicalClinic", "name": "Palo Verde Joint Clinic",
            "address": {"@type": "PostalAddress", "streetAddress": "7400 E. Mesquite Ranch Rd, Suite 210",
                        "addressLocality": "Scottsdale", "addressRegion": "AZ"}}
    (address,) = by_kind(facts_of(jsonld(data)), "address")
    assert (address.value, address.country, address.region) == ("us|az||7400 e mesquite ranch rd", "US", "AZ")


def test_contacts_text_phone_dialled_with_00_is_read_as_international():
    (phone,) = by_kind(facts_of("<p>From abroad: 0044 20 7946 0321.</p>"), "phone")
    assert (phone.value, phone.country, phone.display) == ("+442079460321", "GB", "0044 20 7946 0321")
