"""What the page's one HTML parse hands to the contact readers, taken before the text
extraction strips ``<head>`` and ``<script>``: JSON-LD blocks, tel:/mailto: links,
og:site_name, and whether the page has microdata.

``nlp.html_text.html_to_text`` calls ``read_markup`` on its selectolax tree, so the
contact readers cost no second parse of the page; plain substring tests skip the selector
walk on a page without any of these (the usual case for the extract bench's pages).
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["LinkFact", "PageMarkup", "read_markup", "MAX_LINKS"]

#: tel:/mailto: links read from one page (a hostile page can have thousands)
MAX_LINKS = 200
_LINK_SNIPPET = 300


@dataclass
class LinkFact:
    href: str  # the link target without its scheme ("+13035550142", "info@clinic.example?subject=...")
    text: str  # the link's text
    snippet: str  # the <a> element's markup, cut to 300 characters


@dataclass
class PageMarkup:
    jsonld: list[str] = field(default_factory=list)  # each <script type="application/ld+json"> body
    tel_links: list[LinkFact] = field(default_factory=list)
    mailto_links: list[LinkFact] = field(default_factory=list)
    site_name: str = ""  # og:site_name
    microdata_html: str | None = None  # the page's HTML when it has itemscope markup

    def __bool__(self) -> bool:
        return bool(self.jsonld or self.tel_links or self.mailto_links or self.site_name or self.microdata_html)


def read_markup(parser, html: str) -> PageMarkup:
    """The contact markup of a parsed page (``parser``: a selectolax LexborHTMLParser of ``html``)."""
    markup = PageMarkup()
    selectors = []
    if "ld+json" in html:
        selectors.append('script[type="application/ld+json"]')
    if "tel:" in html:
        selectors.append('a[href^="tel:"]')
    if "mailto:" in html:
        selectors.append('a[href^="mailto:"]')
    if "og:site_name" in html:
        selectors.append('meta[property="og:site_name"]')
    if "itemscope" in html:
        markup.microdata_html = html
    if not selectors:
        return markup
    links = 0
    for node in parser.css(", ".join(selectors)):
        tag = node.tag
        if tag == "script":
            markup.jsonld.append(node.text(deep=True) or "")
        elif tag == "meta":
            markup.site_name = markup.site_name or (node.attributes.get("content") or "").strip()
        elif tag == "a" and links < MAX_LINKS:
            links += 1
            href = node.attributes.get("href") or ""
            scheme, _colon, target = href.partition(":")
            link = LinkFact(target.strip(), " ".join((node.text(deep=True) or "").split())[:_LINK_SNIPPET],
                            (node.html or "")[:_LINK_SNIPPET])
            (markup.tel_links if scheme.lower() == "tel" else markup.mailto_links).append(link)
    return markup
