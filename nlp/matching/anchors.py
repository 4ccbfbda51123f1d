"""Where a pattern can match: its anchor word, and required words at a fixed distance from it.

A pattern is tried only around its anchor, the most selective required token that names
words; before a full match is tried, the words that must stand within a token or two of the
anchor are looked for, which rejects most anchor hits for the cost of a set lookup.
"""

from __future__ import annotations

from clinicscan.nlp.matching.predicates import WORD_ATTRS

__all__ = ["COMMON", "REQUIRED", "STAR_LIMIT", "folded_words_only", "nearby_words", "pattern_anchors",
           "needs_a_number", "sentence_words", "token_words", "words_nearby"]

STAR_LIMIT = 8  # "*" and "+" never take more tokens than this (the default of TokenPatternMatcher)
#: the OPs of a token every match contains
REQUIRED = (None, "1", "+")
#: words too common to be a good anchor; a pattern is anchored on its rarest required token
#: (punctuation too: a comma anchor is tried at every comma of the page)
COMMON = frozenset("""a an and are as at be by for from in is it no not of on or our the to with you your
we this that out more all can will , . - ( ) : ; " ' / & 's""".split())


def _words(value) -> set[str] | None:
    if isinstance(value, str):
        return {value.lower()}
    if isinstance(value, dict) and set(value) == {"IN"} and isinstance(value["IN"], list):
        return {str(v).lower() for v in value["IN"]}
    return None


def token_words(spec: dict) -> set[str] | None:
    """The lower-cased words the token must be one of (its first word attribute), or None."""
    for attr in WORD_ATTRS:
        if attr in spec:
            return _words(spec[attr])
    return None


def pattern_anchors(pattern: list[dict]) -> tuple[int, set[str]] | None:
    """(index, lower-cased words) of the pattern's most selective required token, or None."""
    best = None
    for index, token in enumerate(pattern):
        if token.get("OP") not in REQUIRED:
            continue
        for attr in WORD_ATTRS:  # the first attribute that names words (another may hold a REGEX)
            words = _words(token.get(attr))
            if words:
                cost = (len(words & COMMON), len(words))
                if best is None or cost < best[0]:
                    best = (cost, index, words)
                break
    return (best[1], best[2]) if best else None


def folded_words_only(spec: dict) -> bool:
    """True when the token tests nothing but its lower-cased form against words (LOWER/NORM, string or IN)."""
    keys = set(spec) - {"OP"}
    return len(keys) == 1 and next(iter(keys)) in ("LOWER", "NORM") and _words(spec[next(iter(keys))]) is not None


def op_span(op, star_limit: int = STAR_LIMIT) -> tuple[int, int]:
    """Fewest and most tokens a pattern token with ``op`` takes."""
    return {"?": (0, 1), "*": (0, star_limit), "+": (1, star_limit)}.get(op, (1, 1))


def nearby_words(pattern: list[dict], anchor: int, strings, star_limit: int = STAR_LIMIT,
                 widest: int = 3, most: int = 2) -> list[tuple[int, int, frozenset[int]]]:
    """Required words at a bounded distance from the anchor, to reject an anchor hit cheaply.

    A match found from an anchor hit has the anchor token there, so each required token with
    words lies within [lo, hi] of the hit (sums of the spans of the tokens between). Only
    narrow windows are kept (they reject the most for the least work), narrowest first.
    After a ``+`` anchor the distance is not bounded by the first hit, so only words before
    it count then.
    """
    found = []
    for j, spec in enumerate(pattern):
        if j == anchor or spec.get("OP") not in REQUIRED:
            continue
        if j > anchor and pattern[anchor].get("OP") == "+":
            continue
        words = token_words(spec)
        if not words:
            continue
        between = [op_span(t.get("OP"), star_limit) for t in (pattern[j + 1:anchor] if j < anchor else pattern[anchor + 1:j])]
        low, high = 1 + sum(b[0] for b in between), 1 + sum(b[1] for b in between)
        lo, hi = (-high, -low) if j < anchor else (low, high)
        if hi - lo + 1 <= widest:
            found.append((hi - lo, lo, hi, frozenset(strings.add(w) for w in words)))
    found.sort(key=lambda f: f[0])
    return [(lo, hi, ids) for _w, lo, hi, ids in found[:most]]


def sentence_words(pattern: list[dict], anchor: int, strings) -> tuple[tuple[frozenset[int], ...], tuple[frozenset[int], ...]]:
    """The word sets a sentence must hold for the pattern to match in it: (lower-cased ids, exact ids).

    Each required token (other than the anchor) that is tested against words (LOWER / NORM,
    or ORTH / TEXT, as a string or an IN list) must stand in the sentence, since a match never
    leaves its sentence; a sentence without one of them needs no match attempt. The ids are
    those the token tests compare with (``predicates``), so the test is exact, not a guess.
    """
    folded, exact = [], []
    for j, spec in enumerate(pattern):
        if j == anchor or spec.get("OP") not in REQUIRED:
            continue
        for attr in WORD_ATTRS:
            if attr not in spec:
                continue
            value = spec[attr]
            if isinstance(value, dict):
                value = value.get("IN")
                if not isinstance(value, list):
                    continue
            elif isinstance(value, str):
                value = [value]
            else:
                continue
            if attr in ("LOWER", "NORM"):
                folded.append(frozenset(strings.add(str(w).lower()) for w in value))
            else:
                exact.append(frozenset(strings.add(str(w)) for w in value))
    # the sets of fewest words first: they are the likeliest to be missing
    return tuple(sorted(folded, key=len)), tuple(sorted(exact, key=len))


def needs_a_number(pattern: list[dict], anchor: int) -> bool:
    """A required token (other than the anchor) is ``{"LIKE_NUM": true}``: the sentence must hold a number."""
    return any(j != anchor and spec.get("OP") in REQUIRED and spec.get("LIKE_NUM") is True
               for j, spec in enumerate(pattern))


def words_nearby(lower: list[int], nearby, hit: int, s0: int, s1: int) -> bool:
    """Every (lo, hi, ids) of ``nearby`` has a token of ``ids`` within [hit + lo, hit + hi] of the sentence [s0, s1)."""
    for lo, hi, ids in nearby:
        if lo == hi:  # the common windows, one or two tokens wide, tested without a loop
            p = hit + lo
            if not (s0 <= p < s1 and lower[p] in ids):
                return False
            continue
        if hi == lo + 1:
            p = hit + lo
            if not ((s0 <= p < s1 and lower[p] in ids) or (s0 <= p + 1 < s1 and lower[p + 1] in ids)):
                return False
            continue
        first, last = max(hit + lo, s0), min(hit + hi, s1 - 1)
        while first <= last:
            if lower[first] in ids:
                break
            first += 1
        else:
            return False
    return True
