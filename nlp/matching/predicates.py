"""One token of a pattern (a spaCy Matcher dict) compiled into a test ``(arrays, i) -> bool``.

Supported, as in spaCy: LOWER / ORTH / TEXT / NORM with a string or a dict of IN, NOT_IN and
REGEX; LIKE_NUM; IS_PUNCT; ``{}`` for any token; OP ``?``, ``*``, ``+`` (or ``1``). Anything
else raises ValueError naming it, so a typo in a data file is not a pattern that silently
never matches. NORM is read as LOWER, and the words of a LOWER / NORM IN or NOT_IN list are
lower-cased (see the package docstring for these differences from spaCy).
"""

from __future__ import annotations

import re
from typing import Callable

from clinicscan.nlp.matching.arrays import TokenArrays

__all__ = ["OPS", "Predicate", "WORD_ATTRS", "compile_token"]

OPS = (None, "1", "?", "*", "+")
#: the attributes whose value is a word (or words) to compare the token's text with
WORD_ATTRS = ("LOWER", "ORTH", "TEXT", "NORM")
_FOLDED = ("LOWER", "NORM")

Predicate = Callable[[TokenArrays, int], bool]

#: words a REGEX test remembers before it starts again
_MOST_WORDS = 100_000


def compile_token(spec: dict, strings) -> tuple[str | None, Predicate]:
    """(OP, test) of one pattern token; ValueError names what is not supported."""
    if not isinstance(spec, dict):
        raise ValueError(f"a token pattern must be a dict, got {spec!r}")
    op = spec.get("OP")
    if op not in OPS:
        raise ValueError(f"OP must be one of ?, *, +, got {op!r}")
    checks = [_attr_predicate(attr, value, strings) for attr, value in spec.items() if attr != "OP"]
    return op, _all_of(checks)


def _attr_predicate(attr: str, value, strings) -> Predicate:
    if attr in WORD_ATTRS:
        return _value_predicate(attr, value, strings)
    if attr == "LIKE_NUM":
        return lambda a, i, want=bool(value): bool(a.like_num[i]) == want
    if attr == "IS_PUNCT":
        return lambda a, i, want=bool(value): bool(a.is_punct[i]) == want
    raise ValueError(f"unsupported token attribute {attr!r}; use LOWER, ORTH, TEXT, NORM, LIKE_NUM, IS_PUNCT")


def _all_of(checks: list[Predicate]) -> Predicate:
    if not checks:
        return lambda a, i: True
    if len(checks) == 1:
        return checks[0]
    return lambda a, i: all(check(a, i) for check in checks)


def _value_predicate(attr: str, value, strings) -> Predicate:
    """The test of a word attribute: equal to a string, or IN / NOT_IN / REGEX (all must hold)."""
    fold = attr in _FOLDED

    def key(word) -> int:
        return strings.add(str(word).lower() if fold else str(word))

    if isinstance(value, str):
        wanted = key(value)
        if fold:
            return lambda a, i: a.lower[i] == wanted
        return lambda a, i: a.orth[i] == wanted
    if not isinstance(value, dict) or not value:
        raise ValueError(f"{attr} must be a string or a dict with IN / NOT_IN / REGEX, got {value!r}")
    return _all_of([_operator_predicate(attr, op, arg, fold, key) for op, arg in value.items()])


def _operator_predicate(attr: str, op: str, arg, fold: bool, key: Callable[[object], int]) -> Predicate:
    if op == "IN":
        members = frozenset(key(w) for w in arg)
        if fold:
            return lambda a, i: a.lower[i] in members
        return lambda a, i: a.orth[i] in members
    if op == "NOT_IN":
        members = frozenset(key(w) for w in arg)
        if fold:
            return lambda a, i: a.lower[i] not in members
        return lambda a, i: a.orth[i] not in members
    if op == "REGEX":
        # the answer depends on the word only: searched once per word (a search costs ~20 dict lookups)
        search, seen = re.compile(arg).search, {}

        def regex_test(a: TokenArrays, i: int) -> bool:
            word = a.lower[i] if fold else a.orth[i]
            found = seen.get(word)
            if found is None:
                if len(seen) >= _MOST_WORDS:  # a long crawl meets an endless supply of words: start again
                    seen.clear()
                found = seen[word] = bool(search(a.texts[word]))
            return found

        return regex_test
    raise ValueError(f"unsupported operator {op!r} for {attr}; use IN, NOT_IN or REGEX")
