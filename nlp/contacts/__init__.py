"""Contact and location facts on one page: phones, emails, postal addresses, the organisation's name.

Each fact keeps its normalised value (what grouping sites into businesses compares), how the
page shows it, and the markup or sentence it came from. Readers, one a module:
``structured`` (schema.org JSON-LD and microdata, through extruct), ``phones``
(phonenumbers), ``emails``, ``us_addresses`` (postal addresses in US page text), ``intl_addresses`` (postal
addresses abroad in page text), ``markup`` (what the HTML parse hands over: JSON-LD blocks, tel:/mailto: links,
og:site_name); ``page_facts`` puts them together with the per-page caps. Contact data is
written by whoever owns the page, so every reader is bounded: facts per kind, JSON-LD
size, objects walked.
"""

from clinicscan.nlp.contacts.facts import ContactFactRow
from clinicscan.nlp.contacts.markup import PageMarkup, read_markup
from clinicscan.nlp.contacts.page_facts import contact_facts

__all__ = ["ContactFactRow", "PageMarkup", "contact_facts", "read_markup"]
