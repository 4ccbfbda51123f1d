"""Phone numbers, parsed and checked by phonenumbers (Google's libphonenumber metadata).

Only numbers that ``phonenumbers.is_valid_number`` accepts become facts: a price, a date
or a tracking number that looks like digits is not a phone. The value is E.164 and the
country is the one the number belongs to (a +52 number on a US page is Mexican). A number
written without a country code is read in the site's country (the seed's, else US).
"""

from __future__ import annotations

from functools import lru_cache

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat

from clinicscan.nlp.contacts.digit_runs import DigitRun, paragraph_at
from clinicscan.nlp.contacts.facts import ContactFactRow, FactCollector, clip_around
from clinicscan.nlp.contacts.markup import LinkFact

__all__ = ["phone_fact", "phones_from_links", "phones_in_text"]

#: a phone number is at most 17 digits with its country code; longer input is not one
_MAX_RAW = 40
#: numbers parsed from one page's text at most (a page of 5,000 order numbers costs 300 parses)
MAX_TEXT_ATTEMPTS = 300


@lru_cache(maxsize=4096)
def _read_number(raw: str, region: str) -> tuple[str, str | None] | None:
    """(E.164, the number's country) of a number written as ``raw`` and read in ``region``, or None
    when it is no valid phone number.

    Kept per process: a site writes its numbers in the header or footer of every page, and
    parsing and checking one costs 30-60 us; the answer depends on phonenumbers' metadata only
    (no lexicon file), so it cannot go stale while the process runs."""
    try:
        number = phonenumbers.parse(raw, region)
    except NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, PhoneNumberFormat.E164), phonenumbers.region_code_for_number(number)


def phone_fact(raw: str, region: str, source: str, evidence: str,
               display: str | None = None) -> ContactFactRow | None:
    """The fact for one written number, or None when it is not a valid phone number."""
    raw = raw.strip()
    if not raw or len(raw) > _MAX_RAW:
        return None
    read = _read_number(raw, region)
    fact = None if read is None else ContactFactRow(kind="phone", value=read[0], display=display or raw, source=source,
                                                    evidence=evidence, country=read[1])
    if fact is None and raw.startswith("00"):
        # "00" is how most of the world dials abroad ("0044 20 ..."); the US's 011 is what
        # phonenumbers expects when the site's country is unknown
        return phone_fact("+" + raw[2:], region, source, evidence, display=raw)
    return fact


def phones_from_links(links: list[LinkFact], region: str, facts: FactCollector) -> None:
    """``<a href="tel:...">``: the target is the number (percent-escapes and ;ext= parts allowed)."""
    from urllib.parse import unquote

    for link in links:
        if facts.full("phone"):
            return
        target = unquote(link.href).split(";", 1)[0].split("?", 1)[0]
        facts.add(phone_fact(target, region, "tel_link", link.snippet))


def phones_in_text(text: str, runs: list[DigitRun], region: str, facts: FactCollector) -> None:
    """Numbers written in the page text (runs of 7 to 17 digits), each with its paragraph as evidence."""
    attempts = 0
    for run in runs:
        if not 7 <= run.digits <= 17:
            continue
        if facts.full("phone") or attempts >= MAX_TEXT_ATTEMPTS:
            return
        attempts += 1
        offset, paragraph = paragraph_at(text, run.start, run.end)
        evidence = clip_around(paragraph, run.start - offset, run.end - offset)
        facts.add(phone_fact(run.text, region, "text", evidence))
