"""One pass over the page text for runs of digits: phone numbers and ZIP codes are both read
from them, so the text is scanned once (a regex walk over a 25 KB page costs about 0.3 ms;
phonenumbers' own matcher over the same text cost 6 ms, as much as half the extract stage).
"""

from __future__ import annotations

import re
from typing import NamedTuple

__all__ = ["DigitRun", "digit_runs", "paragraph_at"]

# a digit, then at least four more digits or separators (possessive: no backtracking)
_RUN = re.compile(r"\d[\d().\- \t\u00a0]{4,}+")
#: runs kept per page: a page of numbers must not become thousands of parse attempts
MAX_RUNS = 2000


class DigitRun(NamedTuple):
    start: int
    end: int
    text: str  # with a leading '+' or '(' that belongs to it, trailing separators dropped
    digits: int


def digit_runs(text: str) -> list[DigitRun]:
    """Runs of five or more digit-or-separator characters, in order."""
    runs: list[DigitRun] = []
    for match in _RUN.finditer(text):
        start, raw = match.start(), match.group().rstrip(" \t\u00a0-.(")
        if start and text[start - 1] in "+(":
            start -= 1
            raw = text[start] + raw
        runs.append(DigitRun(start, start + len(raw), raw, sum(ch.isdigit() for ch in raw)))
        if len(runs) >= MAX_RUNS:
            break
    return runs


def paragraph_at(text: str, start: int, end: int) -> tuple[int, str]:
    """The block of the page text (blocks are separated by a blank line) holding ``start:end``,
    with its offset: a fact's evidence."""
    lo = text.rfind("\n\n", 0, start)
    lo = 0 if lo < 0 else lo + 2
    hi = text.find("\n\n", end)
    return lo, text[lo:] if hi < 0 else text[lo:hi]
