"""US postal addresses in page text: street, city, state (code or name) and ZIP.

"1420 Larimer Street, Suite 300, Denver, CO 80202", also with the street and the city on
two lines (an address block with <br>). The ZIP is the anchor: each five-digit run the
text scan found (``digit_runs``) is tried, and only the 250 characters before it are
matched against the street-city-state pattern, ending at the ZIP, so a page costs nothing
here unless it has five-digit numbers. The street must end in a street word (Street, Ave,
Blvd...) or be a few capitalised words closed by a comma ("9120 E. Via Linda, Suite 200,"),
which is what tells a street from a sentence that happens to end in a state.
"""

from __future__ import annotations

import re
from functools import lru_cache

from clinicscan.nlp.contacts.address_key import address_key, street_words
from clinicscan.nlp.contacts.digit_runs import DigitRun
from clinicscan.nlp.contacts.facts import ContactFactRow, FactCollector, clip_around
from clinicscan.nlp.contacts.places import us_state_code, us_state_names

__all__ = ["addresses_in_text"]

_ZIP = re.compile(r"\d{5}(?:-\d{4})?(?!\d)")
_WINDOW = 250
#: ZIP-like numbers tried on one page at most
MAX_TEXT_ATTEMPTS = 200


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _tail() -> re.Pattern[str]:
    words = street_words()
    suffixes = _alternation(words["suffixes"])
    directions = _alternation(words["directions"])
    units = _alternation(u for u in words["units"] if u != "#")
    states = _alternation(us_state_names())
    word = r"(?:\d{1,4}(?:st|nd|rd|th)|[A-Za-z][\w'’\-]*\.?)"
    capital_word = r"(?:\d{1,4}(?:st|nd|rd|th)|[A-Z][\w'’\-]*\.?)"
    number = r"(?<![\w\-])\d{1,6}(?:-\d{1,5})?[A-Za-z]?"
    gap = r"[\s,·|•\u2013\u2014]+"  # commas, line breaks, and the dots and bars footers put between parts
    return re.compile(
        # a street ends in a street word ("Larimer Street") or, written with a comma after it,
        # is a few capitalised words ("9120 E. Via Linda, Suite 200, ...")
        rf"(?P<street>{number}(?:[ \t]+{word}){{0,6}}?[ \t]+(?i:{suffixes})\.?(?:[ \t]+(?i:{directions})\.?)?(?![\w])"
        rf"|{number}(?:[ \t]+{capital_word}){{1,5}}(?=,))"
        rf"(?:{gap}(?P<unit>(?:(?i:{units})\.?[ \t]*#?|#)[ \t]*[\w\-]{{1,8}}))?"
        rf"{gap}(?P<city>[A-Z][\w'’.\-]*(?:[ \t]+[A-Z][\w'’.\-]*){{0,3}})"
        rf"[ \t]*,?\s*(?P<state>{states})\.?[ \t]*,?[ \t]*$"
    )


def addresses_in_text(text: str, runs: list[DigitRun], facts: FactCollector) -> None:
    """The page's US addresses, each with the text from its street to its ZIP as evidence."""
    tail = _tail()
    attempts = 0
    for run in runs:
        zip_match = _ZIP.match(run.text)
        if zip_match is None or run.text[0] in "+(":
            continue
        if facts.full("address") or attempts >= MAX_TEXT_ATTEMPTS:
            return
        attempts += 1
        lo = max(0, run.start - _WINDOW)
        found = tail.search(text, lo, run.start)
        if found is None:
            continue
        state = us_state_code(found.group("state"))
        street = found.group("street")
        unit = found.group("unit")
        postal = zip_match.group()
        end = run.start + len(postal)
        display = " ".join(text[found.start():end].split())
        paragraph_lo = text.rfind("\n\n", 0, found.start())
        paragraph_lo = 0 if paragraph_lo < 0 else paragraph_lo + 2
        paragraph_hi = text.find("\n\n", end)
        paragraph = text[paragraph_lo:] if paragraph_hi < 0 else text[paragraph_lo:paragraph_hi]
        facts.add(ContactFactRow(
            kind="address", value=address_key("US", state, postal, street), display=display, source="text",
            evidence=clip_around(paragraph.replace("\n\n", "; "), found.start() - paragraph_lo, end - paragraph_lo),
            country="US", region=state, city=" ".join(found.group("city").split()).rstrip(".,"),
            postal_code=postal, street=" ".join(f"{street}, {unit}".split()) if unit else " ".join(street.split()),
        ))
