"""All contact facts of one page: the readers in order, under the page's caps.

Structured data first (the business says who it is), then links, then the text, so when a
cap is reached the facts kept are the most deliberate ones. One organisation name a page:
the JSON-LD/microdata ``name`` of the most specific organisation type, else og:site_name,
else the page title.
"""

from __future__ import annotations

from clinicscan.nlp.contacts.digit_runs import digit_runs
from clinicscan.nlp.contacts.emails import emails_from_links, emails_in_text
from clinicscan.nlp.contacts.facts import ContactFactRow, FactCollector
from clinicscan.nlp.contacts.intl_addresses import intl_addresses_in_text
from clinicscan.nlp.contacts.markup import PageMarkup
from clinicscan.nlp.contacts.phones import phones_from_links, phones_in_text
from clinicscan.nlp.contacts.places import country_code
from clinicscan.nlp.contacts.structured import facts_from_objects, org_name_of, structured_objects
from clinicscan.nlp.contacts.us_addresses import addresses_in_text

__all__ = ["contact_facts", "DEFAULT_REGION"]

#: the country a number without a country code is read in when the site's country is unknown
DEFAULT_REGION = "US"


def _org_name(name: str, source: str, evidence: str) -> ContactFactRow:
    name = " ".join(name.split())
    return ContactFactRow(kind="org_name", value=name, display=name, source=source, evidence=evidence)


def contact_facts(markup: PageMarkup | None, text: str, title: str = "", *, url: str | None = None,
                  country: str | None = None) -> list[ContactFactRow]:
    """The page's facts. ``markup`` from ``read_markup`` (None for a plain-text page), ``text``
    the page text as the pipeline reads it, ``country`` the site's (a name or code; numbers
    written without a country code are read there, else in the US)."""
    region = country_code(country) or DEFAULT_REGION
    facts = FactCollector(url)
    markup = markup or PageMarkup()
    objects = structured_objects(markup.jsonld, markup.microdata_html, url) if (
        markup.jsonld or markup.microdata_html) else []
    if objects:
        facts_from_objects(objects, region, facts)
    phones_from_links(markup.tel_links, region, facts)
    emails_from_links(markup.mailto_links, facts)
    runs = digit_runs(text)
    phones_in_text(text, runs, region, facts)
    emails_in_text(text, facts)
    addresses_in_text(text, runs, facts)
    # abroad, a postcode without the country's name counts in the site's country or a phone's
    hints = {country_code(country)} | {f.country for f in facts.facts if f.kind == "phone"}
    intl_addresses_in_text(text, facts, hints)
    named = org_name_of(objects) if objects else None
    if named:
        facts.add(_org_name(*named))
    elif markup.site_name.strip():
        facts.add(_org_name(markup.site_name, "og", f'<meta property="og:site_name" content="{markup.site_name}">'))
    elif title.strip():
        facts.add(_org_name(title, "title", f"<title>{title}</title>"))
    facts.report_capped()
    return facts.facts
