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
# "[dot]" may have spaces around it; a plain "." may not (". Our" ends the sentence, not the domain)
_DOT = r"(?:\s*[\[(\{]\s*dot\s*[\])\}]\s*|\.)"
_AT_MARK = re.compile(r"[\[(\{]\s*at\s*[\])\}]", re.I)
_LOCAL_BEFORE = re.compile(rf"(?<![\w.%+\-])({_LOCAL})\s*$")
_HIDDEN_DOMAIN = re.compile(rf"\s*((?:[A-Za-z0-9\-]{{1,63}}{_DOT}){{1,8}}[A-Za-z]{{2,24}})(?![\w\-])", re.I)
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
    # the "[at]" is the anchor (one regex scan, 0.1 ms on a 25 KB page): the name before it and
    # the domain after it are matched there, not tried at every word of the page
    for attempts, at in enumerate(_AT_MARK.finditer(text)):
        if facts.full("email") or attempts >= MAX_TEXT_ATTEMPTS:
            return
        local = _LOCAL_BEFORE.search(text, max(0, at.start() - 64), at.start())
        domain = _HIDDEN_DOMAIN.match(text, at.end())
        if local is None or domain is None:
            continue
        address = f"{local.group(1)}@{_DOT_WORD.sub('.', domain.group(1))}"
        start, end = local.start(1), domain.end(1)
        offset, paragraph = paragraph_at(text, start, end)
        facts.add(email_fact(address, "text", clip_around(paragraph, start - offset, end - offset),
                             display=text[start:end]))
