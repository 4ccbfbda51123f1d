"""Email addresses: mailto: links and addresses written in the text, lower-cased.

Also the usual hiding from scrapers, "info [at] clinic [dot] example" and "info(at)...",
because clinics that hide their address still show it to the reader.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

from clinicscan.nlp.contacts.digit_runs import paragraph_at
from clinicscan.nlp.contacts.facts import ContactFactRow, FactCollector, clip_around
from clinicscan.nlp.contacts.markup import LinkFact

__all__ = ["email_fact", "emails_from_links", "emails_in_text"]

_LOCAL = r"[A-Za-z0-9][A-Za-z0-9._%+\-]{0,63}"
_DOMAIN = r"(?:[A-Za-z0-9](?:[A-Za-z0-9\-]{0,62})\.){1,8}[A-Za-z]{2,24}"
_EMAIL = re.compile(rf"(?<![\w.%+\-]){_LOCAL}@{_DOMAIN}(?![\w\-])")
_WHOLE = re.compile(rf"{_LOCAL}@{_DOMAIN}")
_AT = r"\s*[\[(\{]\s*at\s*[\])\}]\s*"
_DOT = r"\s*(?:[\[(\{]\s*dot\s*[\])\}]|\.)\s*"
_HIDDEN = re.compile(rf"(?<![\w.%+\-])({_LOCAL}){_AT}((?:[A-Za-z0-9\-]{{1,63}}{_DOT}){{1,8}}[A-Za-z]{{2,24}})(?![\w\-])", re.I)
_DOT_WORD = re.compile(_DOT, re.I)
#: an "address" ending like a file name is an image or script name (logo@2x.png)
_FILE_ENDINGS = {"png", "jpg", "jpeg", "gif", "svg", "webp", "css", "js", "ico", "bmp", "tif", "tiff", "avif"}
#: text addresses read from one page at most
MAX_TEXT_ATTEMPTS = 300


def email_fact(raw: str, source: str, evidence: str, display: str | None = None) -> ContactFactRow | None:
    """The fact for one address, or None when it is not shaped like one."""
    raw = raw.strip().strip("<>").strip()
    if len(raw) > 254 or not _WHOLE.fullmatch(raw):
        return None
    if raw.rsplit(".", 1)[1].lower() in _FILE_ENDINGS:
        return None
    return ContactFactRow(kind="email", value=raw.lower(), display=display or raw, source=source, evidence=evidence)


def emails_from_links(links: list[LinkFact], facts: FactCollector) -> None:
    """``<a href="mailto:a@b.example?subject=...">``: each address before the query."""
    for link in links:
        for raw in unquote(link.href.split("?", 1)[0]).split(","):
            if facts.full("email"):
                return
            facts.add(email_fact(raw, "mailto", link.snippet))


def emails_in_text(text: str, facts: FactCollector) -> None:
    """Addresses written in the page text, plainly or as "name [at] domain [dot] org"."""
    if "@" in text:
        for attempts, match in enumerate(_EMAIL.finditer(text)):
            if facts.full("email") or attempts >= MAX_TEXT_ATTEMPTS:
                return
            offset, paragraph = paragraph_at(text, match.start(), match.end())
            facts.add(email_fact(match.group(), "text",
                                 clip_around(paragraph, match.start() - offset, match.end() - offset)))
    lowered = text.lower()
    if "at]" not in lowered and "at)" not in lowered and "at}" not in lowered:
        return
    for attempts, match in enumerate(_HIDDEN.finditer(text)):
        if facts.full("email") or attempts >= MAX_TEXT_ATTEMPTS:
            return
        address = f"{match.group(1)}@{_DOT_WORD.sub('.', match.group(2))}"
        offset, paragraph = paragraph_at(text, match.start(), match.end())
        facts.add(email_fact(address, "text", clip_around(paragraph, match.start() - offset, match.end() - offset),
                             display=match.group()))
