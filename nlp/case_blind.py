"""A case-blind word-list regex searched as a case-sensitive one over the lower-cased text, where that is the same.

CPython's ``re`` compares every character case-blind under ``re.IGNORECASE`` (a case-fold lookup a
character and a branch): an alternation of phrases searched over a page's whole main text cost
2-5 ms a 25 KB page, against ~0.6 ms for the same alternation in lower case over ``text.lower()``.

The two find the same matches when the text ``folds_as_ascii``: every character that is not ASCII
is uncased (``c.lower() == c == c.upper()``: typography, digits, CJK, ...). Then ``text.lower()``
changes only ASCII capitals, keeps every offset, and leaves ``\\w``, ``\\s`` and ``\\b`` as they were;
the only characters ``re.IGNORECASE`` lets match an ASCII letter besides its two cases (the Kelvin
sign, the long s, the dotted and dotless i) are cased, so such a text holds none. Any other text is
searched with the case-blind regex itself.

The lower-case pattern is built from lower-case words by the caller (escaped literals, ``\\b``,
``\\s``, ``\\w`` and classes of word characters, quotes and hyphens: nothing whose meaning lowering
the pattern would change, and nothing that tells the bullet from the NUL standing in for it in
``lower_text``).
"""

from __future__ import annotations

import re

__all__ = ["CaseBlind", "folds_as_ascii", "lower_text", "lowered_pattern", "matches_at", "matches_where", "words_lowered"]

_NOT_ASCII = re.compile(r"[^\x00-\x7f]+")
#: the list items' bullet (nlp/html_text.BULLET), the one non-ASCII character of most pages' text, and what stands
#: for it in the lower-cased copy: both uncased, neither a word character nor a space
_BULLET, _STAND_IN = "\u2022", "\x00"


def lower_text(text: str) -> str | None:
    """``text.lower()``, where searching it in lower case finds what a case-blind search of ``text`` finds, else None.

    A text whose only non-ASCII character is the bullet is lowered as an ASCII string, the bullet standing in as
    NUL (lowering a text of two-byte characters costs ~15 ns a character, an ASCII one almost nothing): the same
    offsets, and for patterns of words, ``\\b``, ``\\s`` and ``\\w`` classes the two characters are alike.
    """
    if text.isascii():
        return text.lower()
    if _BULLET in text:
        try:
            return text.replace(_BULLET, _STAND_IN).encode("ascii").decode("ascii").lower()
        except UnicodeEncodeError:
            pass
    rest = "".join(_NOT_ASCII.findall(text))
    return text.lower() if rest.lower() == rest and rest.upper() == rest else None


def words_lowered(text: str) -> str:
    """``text`` lower-cased for ``str.find`` of words made of letters: ``lower_text`` where it can be (the bullet
    standing as NUL, which no such word holds; several times faster over a text of two-byte characters), else
    ``text.lower()``."""
    lower = lower_text(text)
    return text.lower() if lower is None else lower


def folds_as_ascii(text: str) -> bool:
    """Every character of ``text`` that is not ASCII is uncased (lower and upper case are itself)."""
    return lower_text(text) is not None


def matches_at(pattern: re.Pattern, text: str, words: tuple[str, ...]):
    """``pattern.finditer(text)`` for a ``pattern`` that never matches the empty string and whose every match begins
    with one of ``words`` (lower case) in any case: it is tried only where one of them stands in ``text.lower()``
    (found by ``str.find``, at C speed), when the text ``folds_as_ascii``.

    The leftmost match at or after a place is the first of those places where ``pattern.match`` succeeds
    (``match(text, pos)`` reads the character before ``pos`` for ``\\b`` as ``finditer`` does), and the next search
    goes on from its end, as ``finditer``'s does. A regex scan for the places was no faster than the search itself
    (CPython's ``re`` costs ~50 ns a position however simple the pattern).
    """
    lower = lower_text(text)
    if lower is None:
        yield from pattern.finditer(text)
        return
    yield from matches_where(pattern, text, lower, words)


def matches_where(pattern: re.Pattern, text: str, haystack: str, starts: tuple[str, ...]):
    """``pattern.finditer(text)`` tried only where one of ``starts`` stands in ``haystack`` (``text`` itself, or a
    copy of the same length such as its lower case), for a ``pattern`` that never matches the empty string and whose
    every match begins with one of ``starts`` as ``haystack`` spells it: leftmost matches, none overlapping."""
    places: set[int] = set()
    for word in starts:
        at = haystack.find(word)
        while at >= 0:
            places.add(at)
            at = haystack.find(word, at + 1)
    end = 0
    for at in sorted(places):
        if at < end:
            continue
        found = pattern.match(text, at)
        if found is not None:
            yield found
            end = found.end()


#: what a hand-written pattern may hold for ``lowered_pattern``: escapes of \\b, \\s, \\d, \\w or punctuation; groups
#: plain, non-capturing or lookaround; classes without letter ranges or negation
_ESCAPE = re.compile(r"\\(.)", re.S)
_GROUP = re.compile(r"\(\?(?![:=!]|<[=!])")
_CLASS = re.compile(r"\[((?:\\.|[^\]\\])*)\]")


def lowered_pattern(pattern: str) -> str | None:
    """``pattern`` in lower case, for a case-sensitive search of ``lower_text(text)`` that finds what
    ``re.compile(pattern, re.I)`` finds in ``text``; None when lowering could change what it means (an escape of
    a capital letter such as \\W or \\S, a code point escape, an inline flag or a named group, a letter range or a
    negated class, the bullet or NUL)."""
    if "\u2022" in pattern or "\x00" in pattern:
        return None
    for escaped in _ESCAPE.findall(pattern):
        if escaped.isalnum() and escaped not in "bsdw":
            return None
    if _GROUP.search(pattern):
        return None
    for body in _CLASS.findall(pattern):
        if body.startswith("^") or re.search(r"[A-Za-z]-|-[A-Za-z]", body):
            return None
    return pattern.lower()


class CaseBlind:
    """``re.compile(blind, re.I)``, with its matches read from ``lower`` (the same pattern in lower case, compiled
    case-sensitive) over ``lower_text(text)`` where that finds the same; with ``starts`` (what every match begins
    with, in lower case), from the case-blind regex tried only where one of them stands (``matches_at``)."""

    __slots__ = ("blind", "lower", "starts")

    def __init__(self, blind: str, lower: str, starts: tuple[str, ...] = ()):
        self.blind = re.compile(blind, re.I)
        self.lower = re.compile(lower)
        self.starts = starts

    def count(self, text: str) -> int:
        """How many non-overlapping matches ``finditer`` finds in ``text``."""
        if self.starts:
            return sum(1 for _ in matches_at(self.blind, text, self.starts))
        lower = lower_text(text)
        if lower is not None:
            return len(self.lower.findall(lower))
        return sum(1 for _ in self.blind.finditer(text))

    def search(self, text: str) -> bool:
        """Whether the pattern matches anywhere in ``text``."""
        lower = lower_text(text)
        if lower is not None:
            return self.lower.search(lower) is not None
        return self.blind.search(text) is not None
