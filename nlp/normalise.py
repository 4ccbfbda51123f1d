"""Plain apostrophes, hyphens and spaces: the one text normalisation of the extract stage.

Both the page text (``html_text``) and short texts (``short_text.match_ids``) pass through
it, so a pattern written with a plain apostrophe matches "Parkinson’s" on either.
"""

from __future__ import annotations

import re

__all__ = ["normalise_text"]

# Same-length-or-shorter replacements for typographic characters real pages use, so that
# "Parkinson’s", "anti‑aging" and "Wharton’s jelly" match the plain patterns; trademark and
# registration signs ("Stem Cell Therapy®", "Regenexx™") are dropped, a legal mark and never a word.
_TRANSLATE = str.maketrans({
    "\u2019": "'", "\u2018": "'", "\u201b": "'", "\u00b4": "'", "\u02bc": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ", "\u3000": " ",
    "\u00ae": None, "\u2122": None, "\u2120": None,
    "\u200b": None, "\u200c": None, "\u200d": None, "\u2060": None, "\ufeff": None, "\u00ad": None,
})


#: a trademark written in letters, glued to the name it follows ("PRP(TM)", "Regenexx(R)"): dropped like
#: "\u2122" and "\u00ae" above, so "Stem Cell Therapy(TM) for knees" reads "Stem Cell Therapy for knees"
_LETTER_MARK = re.compile(r"(?<=[A-Za-z])\((?:TM|SM|R)\)")

_REPLACEMENTS = [(chr(code), "" if value is None else value) for code, value in _TRANSLATE.items()]


def normalise_text(text: str) -> str:
    """Plain apostrophes, hyphens and spaces, and no trademark signs, so typography never hides a mention.

    A trademark in letters ("(TM)") glued to a word is dropped first; then the same as
    ``text.translate(_TRANSLATE)`` (no replacement is itself replaced), but a scan per
    character kind: translate looks up every character of a non-ASCII text in a dict, about
    2 ms for a 25 KB page.
    """
    if "M)" in text or "R)" in text:
        text = _LETTER_MARK.sub("", text)
    if text.isascii():
        return text.replace("`", "'") if "`" in text else text
    for char, replacement in _REPLACEMENTS:
        if char in text:
            text = text.replace(char, replacement)
    return text
