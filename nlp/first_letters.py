"""A word-list regex led by its words' first letters, so a search skips most of a text at once.

CPython's ``re`` tries a pattern that opens with ``\\b`` and an alternation of words at every
position of the text: each try walks the alternation's branches. A lookahead of one character
class in front (the first letters of every word the pattern can begin with) rejects a position
with one test, and the matches stay the same: every match begins with one of those words, so
its first character is in the class (a superset check; the class is case-blind, ``(?i:...)``,
whatever the pattern's flags, so it also serves a pattern that is case-blind only in parts). On a page's main text the own-voice receiver search went from
about 0.5 to 0.1 ms.
"""

from __future__ import annotations

import re
from typing import Iterable

__all__ = ["led_by_first_letters"]


def led_by_first_letters(first_words: Iterable[str], pattern: str) -> str:
    """``pattern`` behind a lookahead for the first characters of ``first_words``.

    ``first_words`` must hold every word a match of ``pattern`` can begin with (its first
    consumed character is the first character of one of them; zero-width tests such as ``\\b``
    may come before). A word that is empty or opens with white space could start a match
    anywhere: then ``pattern`` is returned as it is.
    """
    words = list(first_words)
    if not words or any(not w or w[0].isspace() for w in words):
        return pattern
    letters = sorted({w[0] for w in words})
    return "(?=(?i:[" + "".join(re.escape(c) for c in letters) + "]))(?:" + pattern + ")"
