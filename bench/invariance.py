"""Does a page's reading survive rewrites that do not change what it says? Count the pages it does not.

Real pages spell the same thing many ways: "stem-cell" or "stem cell", "&" or "and", curly or
straight quotes, no-break spaces, headings in capitals, paragraphs as <div>s or <br>s. A reading
that changes with such typography is fragile on pages we have not seen, and finding it needs no
labels: each page is read as written and after one rewrite at a time, and the pages whose
reading (seller, conditions, product types, red flags) differs are counted per rewrite.

Only counts are printed, so it may be run on `check` like bench/changed_pages.py; ``--show``
lists the pages and what moved, and refuses `check`.

    .venv/bin/python bench/invariance.py --split tune
    .venv/bin/python bench/invariance.py --split tune --rewrites hyphen,ampersand --show
    .venv/bin/python bench/invariance.py --split check
    .venv/bin/python bench/invariance.py --split tune --depth cues --show   # the intermediate reading too

A rewrite that moves no final reading can still move the reading under it: the offer decision's score,
page kind and cues, how many mentions of each id there are and how many count, a red flag's quote.
``--depth cues`` compares those too and prints two counts per rewrite (final reading / at the cues'
depth); such a move is the fragility that turns a page we have not seen.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from changed_pages import FIELDS  # noqa: E402  (bench/ is not a package)

REALWORLD = Path(os.environ.get("CLINICSCAN_REALWORLD", Path(__file__).resolve().parents[2] / "shared" / "realworld"))
_TEXT_NODE = re.compile(r">([^<]+)<")
_CODE = re.compile(r"(<script.*?</script>|<style.*?</style>)", re.S | re.I)


def on_text(html: str, rewrite: Callable[[str], str]) -> str:
    """Apply ``rewrite`` to the text between tags, outside scripts and styles (attributes stay as they are)."""
    parts = _CODE.split(html)
    return "".join(part if i % 2 else _TEXT_NODE.sub(lambda m: ">" + rewrite(m.group(1)) + "<", part)
                   for i, part in enumerate(parts))


def _curly(text: str) -> str:
    text = re.sub(r"(\w)'(\w)", "\\1\u2019\\2", text)
    return re.sub(r'(\S)"', "\\1\u201d", re.sub(r'"(\w)', "\u201c\\1", text))


def _every_nth_space(text: str, replacement: str, n: int) -> str:
    count = 0

    def swap(match: re.Match) -> str:
        nonlocal count
        count += 1
        return replacement if count % n == 0 else match.group(0)
    return re.sub(" ", swap, text)


def _tags(html: str, names: str, change: Callable[[str], str]) -> str:
    """Change the text inside the given elements (their tags kept)."""
    def inner(match: re.Match) -> str:
        return match.group(1) + re.sub(r"(^|>)([^<]+)", lambda m: m.group(1) + change(m.group(2)), match.group(2)) \
            + match.group(3)
    return re.sub(rf"(<(?:{names})(?:\s[^>]*)?>)(.*?)(</(?:{names})>)", inner, html, flags=re.S | re.I)


_COMPOUNDS = re.compile(r"\b(bone|cord|umbilical|platelet|fat|adipose|amniotic|placental|joint|knee|back|anti|non|"
                        r"minimally|FDA|cell)\s(marrow|blood|cord|rich|derived|fluid|tissue|replacement|pain|aging|"
                        r"ageing|surgical|invasive|approved|registered|based|free)\b", re.I)

#: common US -> British spellings of this field's words (whole words, any case pattern kept by _respell)
_US_TO_UK = {"orthopedic": "orthopaedic", "orthopedics": "orthopaedics", "aging": "ageing", "leukemia": "leukaemia",
             "anemia": "anaemia", "hematology": "haematology", "hematologic": "haematologic", "pediatric": "paediatric",
             "tumor": "tumour", "tumors": "tumours", "center": "centre", "centers": "centres", "organization":
             "organisation", "specialize": "specialise", "specializes": "specialises", "specialized": "specialised",
             "minimize": "minimise", "optimize": "optimise", "utilize": "utilise", "recognized": "recognised",
             "color": "colour", "fiber": "fibre", "edema": "oedema", "esophagus": "oesophagus", "diarrhea":
             "diarrhoea", "estrogen": "oestrogen", "program": "programme", "programs": "programmes", "favorable":
             "favourable", "behavior": "behaviour", "labor": "labour", "randomized": "randomised", "licensed":
             "licenced", "hemorrhage": "haemorrhage", "anesthesia": "anaesthesia", "anesthetic": "anaesthetic",
             "gynecology": "gynaecology", "cesarean": "caesarean", "arthroscopy": "arthroscopy"}
_UK_TO_US = {uk: us for us, uk in _US_TO_UK.items() if uk != us}


_NUMBER_WORDS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine", 10: "ten",
                 11: "eleven", 12: "twelve", 13: "thirteen", 14: "fourteen", 15: "fifteen", 16: "sixteen",
                 17: "seventeen", 18: "eighteen", 19: "nineteen", 20: "twenty"}
_CONTRACTIONS = {"do not": "don't", "does not": "doesn't", "did not": "didn't", "is not": "isn't", "are not": "aren't",
                 "was not": "wasn't", "were not": "weren't", "cannot": "can't", "will not": "won't", "have not": "haven't",
                 "has not": "hasn't", "should not": "shouldn't", "would not": "wouldn't", "could not": "couldn't"}


def _contract(text: str) -> str:
    for full, short in _CONTRACTIONS.items():
        text = re.sub(rf"\b{full}\b", short, text)
        text = re.sub(rf"\b{full.capitalize()}\b", short.capitalize(), text)
    return text


def _uncontract(text: str) -> str:
    for full, short in _CONTRACTIONS.items():
        text = re.sub(rf"\b{short}", full, text.replace("\u2019", "'"))
        text = re.sub(rf"\b{short.capitalize()}", full.capitalize(), text)
    return text


def _respell(text: str, table: dict[str, str]) -> str:
    def swap(match: re.Match) -> str:
        word = match.group(0)
        new = table.get(word.lower())
        if new is None:
            return word
        return new.upper() if word.isupper() else new.capitalize() if word[0].isupper() else new
    return re.sub(r"[A-Za-z]+", swap, text)


#: rewrite name -> (what it does, the rewrite of a page's HTML)
REWRITES: dict[str, tuple[str, Callable[[str], str]]] = {
    "hyphen": ("'stem cell' written 'stem-cell'",
               lambda h: on_text(h, lambda t: re.sub(r"\b([Ss]tem) ([Cc]ell)", "\\1-\\2", t))),
    "unhyphen": ("a hyphen between two letters written as a space ('anti-aging' -> 'anti aging')",
                 lambda h: on_text(h, lambda t: re.sub(r"(?<=[A-Za-z])-(?=[A-Za-z])", " ", t))),
    "compounds": ("'bone marrow', 'cord blood', 'umbilical cord', 'platelet rich', 'fat derived' ... hyphenated",
                  lambda h: on_text(h, lambda t: _COMPOUNDS.sub(lambda m: m.group(1) + "-" + m.group(2), t))),
    "uk_spelling": ("US spellings written British (orthopaedic, ageing, leukaemia, centre, -ise ...)",
                    lambda h: on_text(h, lambda t: _respell(t, _US_TO_UK))),
    "us_spelling": ("British spellings written American", lambda h: on_text(h, lambda t: _respell(t, _UK_TO_US))),
    "percent": ("'84%' written '84 percent'", lambda h: on_text(h, lambda t: re.sub(r"(\d)\s?%", "\\1 percent", t))),
    "dr_no_stop": ("'Dr.' written 'Dr' (British style)", lambda h: on_text(h, lambda t: re.sub(r"\b(Dr|Mr|Mrs|Ms)\.", "\\1", t))),
    "items_as_paragraphs": ("list items written as paragraphs",
                            lambda h: re.sub(r"<(/?)li(\s[^>]*)?>", lambda m: f"<{m.group(1)}p>", h, flags=re.I)),
    "number_words": ("small numbers written as words ('11 of 15' -> 'eleven of fifteen')",
                     lambda h: on_text(h, lambda t: re.sub(r"\b(1[0-9]|20|[2-9])\b(?![.,:/%-]?\d)", lambda m: _NUMBER_WORDS[int(m.group(1))], t))),
    "oxford_comma": ("', and' written ' and' in lists", lambda h: on_text(h, lambda t: t.replace(", and ", " and ").replace(", or ", " or "))),
    "contract": ("'do not', 'is not', 'cannot' ... contracted", lambda h: on_text(h, _contract)),
    "uncontract": ("'don't', 'isn't', 'can't' ... written out", lambda h: on_text(h, _uncontract)),
    "ampersand": ("' and ' written ' & '", lambda h: on_text(h, lambda t: t.replace(" and ", " &amp; "))),
    "curly": ("straight quotes and apostrophes made typographic", lambda h: on_text(h, _curly)),
    "nbsp": ("every third space a no-break space", lambda h: on_text(h, lambda t: _every_nth_space(t, "\u00a0", 3))),
    "wrap": ("every tenth space a line break (HTML source wrapping)",
             lambda h: on_text(h, lambda t: _every_nth_space(t, "\n", 10))),
    "dashes": ("' - ' written as an en dash", lambda h: on_text(h, lambda t: t.replace(" - ", " \u2013 "))),
    "entities": ("apostrophes as numeric entities", lambda h: on_text(h, lambda t: t.replace("'", "&#8217;"))),
    "upper_headings": ("headings in capitals", lambda h: _tags(h, "h1|h2|h3|h4", str.upper)),
    "title_headings": ("headings in title case", lambda h: _tags(h, "h1|h2|h3|h4", str.title)),
    "upper_bold": ("bold text in capitals", lambda h: _tags(h, "strong|b", str.upper)),
    "title_items": ("list items in title case", lambda h: _tags(h, "li", str.title)),
    "upper_items": ("list items in capitals", lambda h: _tags(h, "li", str.upper)),
    "headings_as_bold": ("headings written as bold paragraphs",
                         lambda h: re.sub(r"<(/?)h[2-4](\s[^>]*)?>", lambda m: "</strong></p>" if m.group(1) else "<p><strong>",
                                          h, flags=re.I)),
    "div_paragraphs": ("<p> written as <div>",
                       lambda h: re.sub(r"<(/?)p(\s[^>]*)?>", lambda m: f"<{m.group(1)}div{m.group(2) or ''}>", h,
                                        flags=re.I)),
    "br_paragraphs": ("paragraph breaks written as <br><br>",
                      lambda h: re.sub(r"</p>\s*<p(\s[^>]*)?>", "<br><br>", h, flags=re.I)),
    "double_space": ("two spaces after a full stop", lambda h: on_text(h, lambda t: t.replace(". ", ".  "))),
    "one_line": ("the HTML source on one line", lambda h: re.sub(r"\s*\n\s*", " ", h)),
}


# --- markup: the same words in the HTML of other CMSs and page builders (session 28, markupvary) ---

_PARA = re.compile(r"(<p(?:\s[^>]*)?>)(.*?)(</p>)", re.S | re.I)
_HEAD = re.compile(r"<(h[1-6])(\s[^>]*)?>(.*?)</\1>", re.S | re.I)
_LIST = re.compile(r"<(ul|ol)(?:\s[^>]*)?>(.*?)</\1>", re.S | re.I)
_ITEM = re.compile(r"<li(?:\s[^>]*)?>(.*?)</li>", re.S | re.I)
_BLOCKS_INSIDE = re.compile(r"<(?:ul|ol|p|div|h\d|table)\b", re.I)
_NAV_ELEMENT = re.compile(r"<nav\b.*?</nav>", re.S | re.I)
#: a question (a heading or paragraph ending in "?") and the paragraph after it
_QUESTION = re.compile(r"<(h[2-6]|p)(?:\s[^>]*)?>((?:(?!</?(?:h\d|p)\b).){3,300}?\?)\s*</\1>\s*(<p(?:\s[^>]*)?>.*?</p>)",
                       re.S | re.I)


def _plain_paragraphs(html: str, change: Callable[[str], str]) -> str:
    """Change the text of each paragraph that holds text only (no tags), its <p> kept."""
    return _PARA.sub(lambda m: m.group(0) if "<" in m.group(2) else m.group(1) + change(m.group(2)) + m.group(3), html)


def _at_words(text: str, every: int, mark: str) -> str:
    """``mark`` instead of the space after every ``every``-th word (a text of fewer than 2 * every words: after the middle one)."""
    words = text.split(" ")
    if len(words) < 6:
        return text
    step = every if len(words) >= 2 * every else len(words) // 2
    return "".join(w + (mark if (i + 1) % step == 0 and i + 1 < len(words) else " ") for i, w in enumerate(words)).rstrip(" ")


def _simple_lists(html: str, write: Callable[[list[str]], str]) -> str:
    """Each list whose items hold no blocks, written by ``write`` from its items' inner HTML."""
    def sub(m: re.Match) -> str:
        items = [i.strip() for i in _ITEM.findall(m.group(2))]
        return m.group(0) if not items or _BLOCKS_INSIDE.search(m.group(2)) else write(items)
    return _LIST.sub(sub, html)


def _numbered(template: str) -> Callable[[re.Match], str]:
    count = iter(range(1_000_000))
    return lambda m: template.format(n=next(count), q=m.group(2), a=m.group(3))


def _mobile_menu(html: str) -> str:
    navs = _NAV_ELEMENT.findall(html)
    if not navs:
        return html
    copy = '<div class="mobile-menu-wrap">' + "".join(re.sub(r"^<nav\b|</nav>$", lambda m: "</div>" if m.group(0)[1] == "/"
                                                             else '<div class="mobile-nav"', n, flags=re.I) for n in navs) + "</div>"
    return re.sub(r"</body>", lambda m: copy + m.group(0), html, count=1, flags=re.I) if re.search(r"</body>", html, re.I) \
        else html + copy


def _main_around_body(html: str) -> str:
    if re.search(r"<main\b", html, re.I) or not re.search(r"<body\b[^>]*>", html, re.I) or "</body>" not in html.lower():
        return html
    html = re.sub(r"<body\b[^>]*>", lambda m: m.group(0) + "<main>", html, count=1, flags=re.I)
    return re.sub(r"</body>", "</main></body>", html, count=1, flags=re.I)


MARKUP_REWRITES: dict[str, tuple[str, Callable[[str], str]]] = {
    "builder_layers": ("each paragraph inside page-builder layers (div.elementor-widget-container > section > span)",
                       lambda h: _PARA.sub(lambda m: '<div class="elementor-element elementor-widget"><div class="elementor-'
                                           'widget-container"><section class="e-con"><span class="e-text">' + m.group(0)
                                           + "</span></section></div></div>", h)),
    "heading_div": ("headings written as <div class=\"heading\">",
                    lambda h: _HEAD.sub(lambda m: f'<div class="heading {m.group(1)}-title">{m.group(3)}</div>', h)),
    "heading_word_spans": ("each word of a plain heading in a <span> of its own (animated headlines)",
                           lambda h: _HEAD.sub(lambda m: m.group(0) if "<" in m.group(3) else f"<{m.group(1)}{m.group(2) or ''}>"
                                               + " ".join(f'<span class="word">{w}</span>' for w in m.group(3).split())
                                               + f"</{m.group(1)}>", h)),
    "items_bullet_paragraphs": ("list items written as paragraphs starting with '\u2022 '",
                                lambda h: _simple_lists(h, lambda items: "".join(f"<p>\u2022 {i}</p>" for i in items))),
    "items_dash_paragraphs": ("list items written as paragraphs starting with a typed '- '",
                              lambda h: _simple_lists(h, lambda items: "".join(f"<p>- {i}</p>" for i in items))),
    "items_tick_paragraphs": ("list items written as paragraphs starting with a tick glyph ('\u2714 ')",
                              lambda h: _simple_lists(h, lambda items: "".join(f"<p>\u2714 {i}</p>" for i in items))),
    "items_br_lines": ("list items written as lines of one paragraph, separated by <br>",
                       lambda h: _simple_lists(h, lambda items: "<p>" + "<br>\n".join(items) + "</p>")),
    "items_br_bullets": ("list items written as '\u2022 ' lines of one paragraph, separated by <br>",
                         lambda h: _simple_lists(h, lambda items: "<p>" + "<br>\n".join("\u2022 " + i for i in items) + "</p>")),
    "items_in_p": ("each list item's text inside a <p> (<li><p>...</p></li>)",
                   lambda h: _ITEM.sub(lambda m: m.group(0) if _BLOCKS_INSIDE.search(m.group(1)) else f"<li><p>{m.group(1)}</p></li>", h)),
    "split_spans": ("each plain paragraph's text in two <span>s, cut at the middle word",
                    lambda h: _plain_paragraphs(h, lambda t: '<span class="a">' + _at_words(t, 10**6, '</span> <span class="b">')
                                                + "</span>")),
    "br_mid_sentence": ("a <br> after the middle word of each plain paragraph (a hand-wrapped line)",
                        lambda h: _plain_paragraphs(h, lambda t: _at_words(t, 10**6, "<br>\n"))),
    "br_every_5_words": ("a <br> after every fifth word of each plain paragraph (a narrow column pasted with its line breaks)",
                         lambda h: _plain_paragraphs(h, lambda t: _at_words(t, 5, "<br>\n"))),
    "br_every_8_words": ("a <br> after every eighth word of each plain paragraph (text pasted with its line breaks)",
                         lambda h: _plain_paragraphs(h, lambda t: _at_words(t, 8, "<br>\n"))),
    "table_cells": ("each paragraph in a one-cell layout table",
                    lambda h: _PARA.sub(lambda m: '<table class="layout"><tbody><tr><td>' + m.group(0) + "</td></tr></tbody></table>", h)),
    "spacer_paragraphs": ("an empty spacer paragraph (<p>&nbsp;</p>) after every paragraph",
                          lambda h: _PARA.sub(lambda m: m.group(0) + "<p>&nbsp;</p>", h)),
    "trailing_br": ("a <br> at the end of every paragraph and list item",
                    lambda h: _ITEM.sub(lambda m: m.group(0)[:-5] + "<br></li>",
                                        _PARA.sub(lambda m: m.group(1) + m.group(2) + "<br>" + m.group(3), h))),
    "no_main": ("<main> and <article> tags removed (their content kept)", lambda h: re.sub(r"</?(?:main|article)\b[^>]*>", "", h, flags=re.I)),
    "main_around_body": ("the whole body inside one <main> when the page has none", _main_around_body),
    "mobile_menu": ("each <nav> repeated at the end of the page as a div.mobile-nav", _mobile_menu),
    "faq_details": ("a question and the paragraph after it as <details><summary>",
                    lambda h: _QUESTION.sub(lambda m: f"<details><summary>{m.group(2)}</summary>{m.group(3)}</details>", h)),
    "faq_aria": ("a question and its answer as a button with aria-controls and a hidden panel",
                 lambda h: _QUESTION.sub(_numbered('<div class="qa"><button aria-expanded="false" aria-controls="ans-{n}">{q}'
                                                   '</button><div id="ans-{n}" hidden>{a}</div></div>'), h)),
    "faq_tabs": ("a question and its answer as a tab and an inactive tab panel (role=tabpanel, display:none)",
                 lambda h: _QUESTION.sub(_numbered('<div class="tabs"><div role="tablist"><button role="tab" aria-controls='
                                                   '"tab-{n}">{q}</button></div><div role="tabpanel" id="tab-{n}" '
                                                   'style="display:none">{a}</div></div>'), h)),
}
REWRITES.update(MARKUP_REWRITES)


# --- Text-level rewrites (session 28, helper textvary): the same statement worded as real pages word it. ---

_PRODUCT_NAME = re.compile(r"\b(Stem[ -]Cell(?:s| Therapy| Treatment| Injections?)?|PRP|Exosomes?|Regenerative Medicine)\b")
_PRICE = re.compile(r"\$\s?(\d{1,3}(?:,\d{3})+|\d+)(\.\d\d)?(?![\d,]*\d)")
_RANGE = re.compile(r"(?<![\d.,/:-])(\d{1,3})\s?[-\u2013]\s?(\d{1,3})(?![\d.,/:-]?\d)")
_RANGE_TO = re.compile(r"(?<![\d.,/:-])(\d{1,3}) to (\d{1,3})\b(?![.,]\d)")
_PHONE = re.compile(r"(?<!\d)\(?(\d{3})\)?[ .-]?(\d{3})[ .-](\d{4})(?!\d)")
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_US_DATE = re.compile(rf"\b({_MONTHS}) (\d{{1,2}}), (\d{{4}})\b")
_ORDINALS = {"1st": "first", "2nd": "second", "3rd": "third", "4th": "fourth", "5th": "fifth", "6th": "sixth",
             "7th": "seventh", "8th": "eighth", "9th": "ninth", "10th": "tenth"}
_UNITS = {"years": "yrs", "months": "mos", "weeks": "wks", "hours": "hrs", "minutes": "mins"}
_ADDRESS = {"Street": "St.", "Avenue": "Ave.", "Boulevard": "Blvd.", "Road": "Rd.", "Suite": "Ste."}
_PLURAL_ACRONYM = re.compile(r"\b([A-Z]{2,5})s\b")
_DOTTED = re.compile(r"\b(PRP|MSC|ACP|FDA)(s?)\b")


def _price(text: str, style: str) -> str:
    def swap(match: re.Match) -> str:
        digits = match.group(1).replace(",", "")
        cents = match.group(2) or ""
        if style == "code":
            return f"USD {digits}{cents}"
        if style == "after":
            return f"{int(digits):,}".replace(",", ".") + (cents.replace(".", ",")) + " $"
        if style == "us":
            return "US$" + match.group(1) + cents
        if style == "word":
            return f"{match.group(1)}{cents} dollars"
        if style == "k" and not cents and int(digits) >= 1000 and int(digits) % 1000 == 0:
            return f"${int(digits) // 1000}k"
        return match.group(0)
    return _PRICE.sub(swap, text)


def _after_question(html: str, prefix: str) -> str:
    """'A: ' before the first paragraph after an element whose text ends with a question mark."""
    return re.sub(r"(\?\s*</(?:h[1-6]|strong|b|p|dt|summary|button|div)>\s*(?:</[a-z0-9]+>\s*)*<(?:p|dd|div)(?:\s[^>]*)?>)(\s*)",
                  lambda m: m.group(1) + m.group(2) + prefix, html, flags=re.I)


TEXT_REWRITES: dict[str, tuple[str, Callable[[str], str]]] = {
    "trademark": ("'\u00ae' after product names ('Stem Cell Therapy\u00ae', 'PRP\u00ae')",
                  lambda h: on_text(h, lambda t: _PRODUCT_NAME.sub("\\1\u00ae", t))),
    "trademark_tm": ("'\u2122' after product names", lambda h: on_text(h, lambda t: _PRODUCT_NAME.sub("\\1\u2122", t))),
    "trademark_text": ("'(TM)' after product names", lambda h: on_text(h, lambda t: _PRODUCT_NAME.sub("\\1(TM)", t))),
    "with_slash": ("'with' written 'w/'", lambda h: on_text(h, lambda t: re.sub(r"\bwith\b", "w/", t))),
    "approx": ("'approximately' / 'about' before a number written 'approx.'",
               lambda h: on_text(h, lambda t: re.sub(r"\b(?:[Aa]pproximately|about)(?= \$?\d)", "approx.", t))),
    "eg_no_stops": ("'e.g.' / 'i.e.' written 'eg' / 'ie'",
                    lambda h: on_text(h, lambda t: re.sub(r"\be\.g\.", "eg", re.sub(r"\bi\.e\.", "ie", t)))),
    "such_as": ("'such as' written 'e.g.'", lambda h: on_text(h, lambda t: re.sub(r"\bsuch as\b", "e.g.", t))),
    "for_example": ("'for example' before its examples (after ',', ':' or '(') written 'e.g.'",
                    lambda h: on_text(h, lambda t: re.sub(r"(?<=[,:(] )for example,?(?= [A-Za-z])|(?<=\()for example,?(?= )",
                                                          "e.g.", t))),
    "range_to": ("'10-15' written '10 to 15'", lambda h: on_text(h, lambda t: _RANGE.sub("\\1 to \\2", t))),
    "range_dash": ("'10 to 15' written '10-15'", lambda h: on_text(h, lambda t: _RANGE_TO.sub("\\1-\\2", t))),
    "price_code": ("'$5,000' written 'USD 5000'", lambda h: on_text(h, lambda t: _price(t, "code"))),
    "price_after": ("'$5,000' written '5.000 $'", lambda h: on_text(h, lambda t: _price(t, "after"))),
    "price_us": ("'$5,000' written 'US$5,000'", lambda h: on_text(h, lambda t: _price(t, "us"))),
    "price_k": ("'$5,000' written '$5k'", lambda h: on_text(h, lambda t: _price(t, "k"))),
    "price_word": ("'$5,000' written '5,000 dollars'", lambda h: on_text(h, lambda t: _price(t, "word"))),
    "phone_intl": ("'(555) 123-4567' written '+1 555 123 4567'",
                   lambda h: on_text(h, lambda t: _PHONE.sub("+1 \\1 \\2 \\3", t))),
    "phone_dots": ("'(555) 123-4567' written '555.123.4567'", lambda h: on_text(h, lambda t: _PHONE.sub("\\1.\\2.\\3", t))),
    "date_uk": ("'March 5, 2020' written '5 March 2020'", lambda h: on_text(h, lambda t: _US_DATE.sub("\\2 \\1 \\3", t))),
    "ordinal_words": ("'1st' ... '10th' written 'first' ... 'tenth'",
                      lambda h: on_text(h, lambda t: re.sub(r"\b(?:10th|[1-9](?:st|nd|rd|th))\b", lambda m: _ORDINALS.get(m.group(0), m.group(0)), t))),
    "check_items": ("list items opened with a check-mark emoji ('\u2705 Knee pain')",
                    lambda h: re.sub(r"(<li(?:\s[^>]*)?>)", "\\1\u2705 ", h, flags=re.I)),
    "tick_items": ("list items opened with a tick ('\u2714 Knee pain')",
                   lambda h: re.sub(r"(<li(?:\s[^>]*)?>)", "\\1\u2714 ", h, flags=re.I)),
    "faq_prefix": ("questions opened with 'Q: ' and the paragraph after them with 'A: '",
                   lambda h: _after_question(on_text(h, lambda t: re.sub(r"^(\s*)(?=[^<]*\?\s*$)", "\\1Q: ", t)), "A: ")),
    "doctor": ("'Dr.' written 'Doctor'", lambda h: on_text(h, lambda t: re.sub(r"\bDr\.? (?=[A-Z])", "Doctor ", t))),
    "acronym_apostrophe": ("'MSCs' written 'MSC's'", lambda h: on_text(h, lambda t: _PLURAL_ACRONYM.sub("\\1's", t))),
    "acronym_curly": ("'MSCs' written 'MSC\u2019s'", lambda h: on_text(h, lambda t: _PLURAL_ACRONYM.sub("\\1\u2019s", t))),
    "acronym_dots": ("'PRP', 'MSC', 'ACP', 'FDA' written with stops ('P.R.P.')",
                     lambda h: on_text(h, lambda t: _DOTTED.sub(lambda m: ".".join(m.group(1)) + "." + m.group(2), t))),
    "units": ("'years', 'months', 'weeks', 'hours', 'minutes' after a number written 'yrs', 'mos', 'wks', 'hrs', 'mins'",
              lambda h: on_text(h, lambda t: re.sub(r"(\d) (years|months|weeks|hours|minutes)\b",
                                                    lambda m: m.group(1) + " " + _UNITS[m.group(2)], t))),
    "tilde": ("'approximately' / 'about' / 'around' before a number written '~'",
              lambda h: on_text(h, lambda t: re.sub(r"\b(?:[Aa]pproximately|about|around) (?=\$?\d)", "~", t))),
    "percent_plus": ("'over 80%' / 'more than 80%' written '80%+'",
                     lambda h: on_text(h, lambda t: re.sub(r"\b(?:[Oo]ver|[Mm]ore than) (\d+(?:\.\d+)?)%", "\\1%+", t))),
    "plus_sign": ("' and ' between two words written ' + ' ('PRP + stem cells')",
                  lambda h: on_text(h, lambda t: re.sub(r"(?<=[A-Za-z]) and (?=[A-Za-z])", " + ", t))),
    "slash_or": ("'knee or hip' written 'knee/hip'",
                 lambda h: on_text(h, lambda t: re.sub(r"\b([A-Za-z]+) or ([A-Za-z]+)\b", "\\1/\\2", t))),
    "address": ("'Street', 'Avenue', 'Boulevard', 'Road', 'Suite' written 'St.', 'Ave.', 'Blvd.', 'Rd.', 'Ste.'",
                lambda h: on_text(h, lambda t: re.sub(r"\b(Street|Avenue|Boulevard|Road|Suite)\b", lambda m: _ADDRESS[m.group(1)], t))),
    "emoji_paragraphs": ("paragraphs opened with an emoji ('\U0001f449 We treat ...')",
                         lambda h: re.sub(r"(<p(?:\s[^>]*)?>)", "\\1\U0001f449 ", h, flags=re.I)),
    "doctor_abbrev": ("'Doctor' before a name written 'Dr.'", lambda h: on_text(h, lambda t: re.sub(r"\bDoctor (?=[A-Z])", "Dr. ", t))),
}
REWRITES.update(TEXT_REWRITES)

from invariance_chrome import CHROME_REWRITES  # noqa: E402  (bench/ is not a package)

REWRITES.update(CHROME_REWRITES)


def reading(html: str, depth: str = "final") -> dict:
    """The page's final reading (the four scored fields); at ``depth="cues"`` also its intermediate reading."""
    from clinicscan.nlp.analyse import analyse_page

    analysis = analyse_page(html)
    final = {k: sorted(v) if isinstance(v, (list, set, tuple)) else v for k, v in analysis.to_dict().items() if k in FIELDS}
    if depth == "cues":
        final.update(intermediate(analysis))
    return final


def _skeleton(text: str) -> str:
    """A quote's letters and digits only, lower case: the same sentence whatever its spaces, stops and signs."""
    return re.sub(r"[^0-9a-z]", "", text.lower())


def _cue(cue: str) -> str:
    """A decision cue with the page's words after its colon as a skeleton ("-stem cells of a plant:Stem-Cells")."""
    head, colon, tail = cue.partition(":")
    return head + colon + _skeleton(tail) if colon else cue


def intermediate(analysis) -> dict:
    """The reading under the final one: the offer decision's score, page kind and cues; per mentioned id how many
    mentions and how many of them count; per counted red flag the sentences it quotes (as skeletons)."""
    from clinicscan.vocabulary import counted_contexts

    mentions: dict[str, list[int]] = {}
    quotes: dict[str, set[str]] = {}
    for claim in analysis.claims:
        key = f"{claim.kind}:{claim.vocab_id}"
        counted = claim.context in counted_contexts(claim.kind) and claim.section != "nav"
        pair = mentions.setdefault(key, [0, 0])
        pair[0] += 1
        pair[1] += counted
        if claim.kind == "red_flag" and counted:
            quotes.setdefault(claim.vocab_id, set()).add(claim.sentence)
    return {"offer_score": analysis.offer_score, "page_kind": analysis.page_kind,
            "offer_cues": sorted(_cue(c) for c in analysis.offer_cues),
            "mentions": {k: tuple(v) for k, v in sorted(mentions.items())},
            "quotes": {k: sorted(v) for k, v in sorted(quotes.items())}}


DEPTH_FIELDS = ("offer_score", "page_kind", "offer_cues", "mentions", "quotes")


def _rewritten_quote(quote: str, rewrite: Callable[[str], str]) -> str:
    """A quote as the rewrite would write it (its text as one paragraph; tags become spaces), as a skeleton."""
    import html as html_lib

    written = rewrite("<p>" + html_lib.escape(quote, quote=False) + "</p>")
    return _skeleton(html_lib.unescape(re.sub(r"<[^>]*>", " ", written)))


def differences(before: dict, after: dict, rewrite: Callable[[str], str] | None = None) -> dict:
    """What moved: (lost, gained) ids per list field, (before, after) for the seller decision; with the intermediate
    reading also the score and page kind (before, after), the cues (lost, gained), the mentions whose (all, counted)
    numbers changed and the red flags whose quotes changed (a quote as the rewrite writes it is the same quote)."""
    moved = {}
    for field in FIELDS:
        if before[field] != after[field]:
            if isinstance(before[field], list):
                moved[field] = (sorted(set(before[field]) - set(after[field])),
                                sorted(set(after[field]) - set(before[field])))
            else:
                moved[field] = (before[field], after[field])
    if "mentions" not in before:
        return moved
    for field in ("offer_score", "page_kind"):
        if before[field] != after[field]:
            moved[field] = (before[field], after[field])
    if before["offer_cues"] != after["offer_cues"]:
        moved["offer_cues"] = (sorted(set(before["offer_cues"]) - set(after["offer_cues"])),
                               sorted(set(after["offer_cues"]) - set(before["offer_cues"])))
    counts = {k: (before["mentions"].get(k, (0, 0)), after["mentions"].get(k, (0, 0)))
              for k in before["mentions"].keys() | after["mentions"].keys()
              if before["mentions"].get(k) != after["mentions"].get(k)}
    if counts:
        moved["mentions"] = dict(sorted(counts.items()))
    quotes = {}
    for flag in before["quotes"].keys() | after["quotes"].keys():
        # a quote stays when the page's reading of it, as written or as the rewrite writes it, is there after (the
        # pipeline drops some of what a rewrite adds: "(TM)")
        old = {q: {_skeleton(q)} | ({_rewritten_quote(q, rewrite)} if rewrite else set())
               for q in before["quotes"].get(flag, [])}
        new = {_skeleton(q): q for q in after["quotes"].get(flag, [])}
        lost = [q for q, keys in old.items() if not keys & new.keys()]
        kept = set().union(*old.values()) if old else set()
        gained = [q for key, q in new.items() if key not in kept]
        if lost or gained:
            quotes[flag] = (sorted(lost), sorted(gained))
    if quotes:
        moved["quotes"] = dict(sorted(quotes.items()))
    return moved


def changed_pages(files: list[Path], names: list[str], depth: str = "final") -> dict[str, list[tuple[str, dict]]]:
    """Per rewrite, the (file, differences) of every page whose reading (at ``depth``) it changed."""
    changed: dict[str, list[tuple[str, dict]]] = {name: [] for name in names}
    for path in files:
        html = path.read_text(encoding="utf-8", errors="replace")
        before = reading(html, depth)
        for name in names:
            rewrite = REWRITES[name][1]
            rewritten = rewrite(html)
            if rewritten == html:
                continue
            moved = differences(before, reading(rewritten, depth), rewrite)
            if moved:
                changed[name].append((path.name, moved))
    return changed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", required=True)
    parser.add_argument("--gold", type=Path, default=REALWORLD / "gold.jsonl")
    parser.add_argument("--pages", type=Path, default=REALWORLD / "pages")
    parser.add_argument("--rewrites", default=",".join(REWRITES),
                        help="comma-separated, of: " + ", ".join(f"{k} ({v[0]})" for k, v in REWRITES.items()).replace("%", "%%"))
    parser.add_argument("--show", action="store_true", help="list the pages and what moved (not on check)")
    parser.add_argument("--depth", choices=("final", "cues"), default="final",
                        help="final: the four scored fields; cues: also the offer decision's score, page kind and "
                             "cues, each mentioned id's (all, counted) mentions and each red flag's quotes")
    args = parser.parse_args()
    names = [n for n in args.rewrites.split(",") if n]
    unknown = [n for n in names if n not in REWRITES]
    if unknown:
        parser.error(f"unknown rewrite(s) {', '.join(unknown)}; choose from {', '.join(REWRITES)}")
    if args.show and args.split == "check":
        parser.error("--show lists pages and labels; the check split may only be seen as counts")
    from clinicscan.nlp.evaluate import locate_pages, read_gold

    gold = read_gold(args.gold, args.split)
    files = [p for p in locate_pages(args.gold, gold, [args.pages]) if p.suffix in (".html", ".htm")]
    changed = changed_pages(files, names, args.depth)
    final = set(FIELDS)
    print(f"split {args.split}: {len(files)} HTML pages; pages whose reading a rewrite changed"
          + (" (final reading / at the cues' depth)" if args.depth == "cues" else ""))
    for name in names:
        count = f"{len(changed[name]):>4}"
        if args.depth == "cues":
            count = f"{sum(bool(final & moved.keys()) for _f, moved in changed[name]):>4} /{len(changed[name]):>4}"
        print(f"  {name:<24} {count}   {REWRITES[name][0]}")
        if args.show:
            for file, moved in changed[name]:
                print(f"      {file}: {moved}")


if __name__ == "__main__":
    main()
