"""One contact fact as the readers return it, and the per-page collector that caps them.

A page is attacker-written: 500 phone numbers in a footer must not become 500 rows on every
page of the site, so each kind has a cap, and a fact already seen (same kind and value) is
not kept twice.
"""

from __future__ import annotations

import logging
from typing import NamedTuple

__all__ = ["ContactFactRow", "FactCollector", "MAX_PER_KIND", "MAX_CHARS", "clip"]

log = logging.getLogger(__name__)

#: facts kept per kind on one page; the rest are counted and logged, not stored
MAX_PER_KIND = {"phone": 20, "email": 20, "address": 10, "org_name": 1}
#: display and evidence are capped at this many characters (value at this too: it is a key)
MAX_CHARS = 300


def clip(text: str | None, limit: int = MAX_CHARS) -> str:
    """``text`` on one line, at most ``limit`` characters (an ellipsis marks a cut)."""
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def clip_around(text: str, start: int, end: int, limit: int = MAX_CHARS) -> str:
    """The part of ``text`` around ``start:end``, at most ``limit`` characters: the sentence a
    fact came from, without the rest of a huge paragraph."""
    if len(text) <= limit:
        return clip(text, limit)
    half = max(0, (limit - (end - start)) // 2)
    lo = max(0, min(start - half, len(text) - limit))
    piece = text[lo:lo + limit - 2]
    return clip(("…" if lo else "") + piece + ("…" if lo + limit - 2 < len(text) else ""), limit)


class ContactFactRow(NamedTuple):
    """A fact as stored in ``contact_facts`` (see ``clinicscan.store.ContactFact``)."""

    kind: str  # phone | email | address | org_name
    value: str
    display: str
    source: str  # jsonld | microdata | og | title | text | tel_link | mailto
    evidence: str
    country: str | None = None
    region: str | None = None
    city: str | None = None
    postal_code: str | None = None
    street: str | None = None

    def as_row(self) -> dict:
        return self._asdict()


class FactCollector:
    """The page's facts in the order found, at most ``MAX_PER_KIND`` of each kind, no duplicates."""

    def __init__(self, url: str | None = None):
        self.url = url
        self.facts: list[ContactFactRow] = []
        self._seen: set[tuple[str, str]] = set()
        self._counts: dict[str, int] = {}
        #: kinds whose cap stopped a reader (more candidates were on the page)
        self.capped: set[str] = set()

    def full(self, kind: str) -> bool:
        """True once ``kind`` has its cap; a reader about to read another candidate stops
        (and the kind is noted as capped), so 500 numbers cost 20 parses, not 500."""
        if self._counts.get(kind, 0) >= MAX_PER_KIND.get(kind, 0):
            self.capped.add(kind)
            return True
        return False

    def add(self, fact: ContactFactRow | None) -> None:
        if fact is None or not fact.value:
            return
        key = (fact.kind, fact.value)
        if key in self._seen or self.full(fact.kind):
            return
        self._seen.add(key)
        self._counts[fact.kind] = self._counts.get(fact.kind, 0) + 1
        self.facts.append(fact._replace(value=fact.value[:MAX_CHARS], display=clip(fact.display),
                                        evidence=clip(fact.evidence)))

    def report_capped(self) -> None:
        for kind in sorted(self.capped - {"org_name"}):
            log.warning("contact facts: %s has more %s facts than the cap of %d a page; the first %d are kept",
                        self.url or "(no url)", kind, MAX_PER_KIND[kind], MAX_PER_KIND[kind])
