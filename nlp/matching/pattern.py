"""One compiled pattern: its token tests and the search for a match from a start token.

The search is greedy with backtracking: ``?`` takes its token when it can, ``*`` and ``+``
take as many tokens as they can (at most ``star_limit``), each giving back only when the
rest of the pattern fails. The first match so found is the one reported for that start.
"""

from __future__ import annotations

from clinicscan.nlp.matching.anchors import REQUIRED, STAR_LIMIT
from clinicscan.nlp.matching.arrays import TokenArrays
from clinicscan.nlp.matching.predicates import Predicate
from clinicscan.nlp.matching.words import WordTable

__all__ = ["CompiledPattern"]


class CompiledPattern:
    def __init__(self, key: int, tokens: list[tuple[str | None, Predicate]], anchor: int,
                 exact_anchor: bool = False, star_limit: int = STAR_LIMIT):
        self.key = key
        self.tokens = tokens
        self.anchor = anchor
        self.star_limit = star_limit
        #: one token whose anchor words are the whole test: every anchor hit is a match
        self.single = exact_anchor and len(tokens) == 1 and tokens[0][0] in (None, "1")
        #: the test of a required first token, tried before the full match (most starts fail it)
        self.first = tokens[0][1] if tokens[0][0] in REQUIRED else None
        before = tokens[:anchor]
        #: how far before the anchor a match can start
        self.min_before = sum(1 for op, _ in before if op in REQUIRED)
        self.max_before = sum(star_limit if op in ("*", "+") else 1 for op, _ in before)
        #: (first, last offset from the anchor, lower-cased ids): a required word near the anchor
        self.nearby: list[tuple[int, int, frozenset[int]]] = []
        #: the bits (``TokenPatternMatcher``) of the word sets the hit's sentence must hold (``sentence_words``)
        self.needs = 0
        #: one bit of ``needs``, that of its word set of fewest words (``TokenPatternMatcher._need_groups``)
        self.rare_need = 0
        #: ... and whether it must hold a number-like token (a required ``LIKE_NUM`` token)
        self.needs_number = False
        #: whether the first token's test passes, per word (the tests read nothing but the word)
        self._first_table: WordTable | None = None
        self._first_table_vocab = None

    def match_at(self, a: TokenArrays, start: int, limit: int) -> int | None:
        """End of the match starting at ``start`` (not past ``limit``), or None."""
        op, pred = self.tokens[0]
        if op in REQUIRED and not (start < limit and pred(a, start)):
            return None  # the cheap, common case
        end = self._step(a, 0, start, limit)
        return end if end is not None and end > start else None

    def matches_around(self, a: TokenArrays, hit: int, s0: int, s1: int, found: set) -> None:
        """Add to ``found`` the matches in the sentence [s0, s1) whose anchor can be the token ``hit``."""
        first, key = self.first, self.key
        for start in range(max(s0, hit - self.max_before), hit - self.min_before + 1):
            if first is not None and not first(a, start):  # as match_at, with its first test inline
                continue
            end = self._step(a, 0, start, s1)
            if end is not None and end > hit:
                found.add((key, start, end))

    def first_allowed(self, a: TokenArrays):
        """Boolean numpy mask of the tokens the first test accepts, computed once per word (kept across Docs)."""
        if self._first_table is None or self._first_table_vocab is not a.vocab:
            view, first = TokenArrays.one_word(a.vocab), self.first

            def test(word: int) -> int:
                view.show(word)
                return int(bool(first(view, 0)))

            self._first_table, self._first_table_vocab = WordTable(test), a.vocab
        return self._first_table.lookup(a.word_ids).astype(bool)

    def _step(self, a: TokenArrays, t: int, pos: int, limit: int) -> int | None:
        """End of the match of tokens[t:] from ``pos`` (not past ``limit``), or None."""
        tokens = self.tokens
        while t < len(tokens):
            op, pred = tokens[t]
            if op is None or op == "1":
                if pos < limit and pred(a, pos):
                    t, pos = t + 1, pos + 1
                    continue
                return None
            if op == "?":
                if pos < limit and pred(a, pos):
                    end = self._step(a, t + 1, pos + 1, limit)
                    if end is not None:
                        return end
                t += 1
                continue
            return self._step_run(a, t, pos, limit, op)
        return pos

    def _step_run(self, a: TokenArrays, t: int, pos: int, limit: int, op: str) -> int | None:
        """A ``*`` or ``+`` token at ``t``: take as many tokens as allowed, then give back."""
        pred = self.tokens[t][1]
        taken, most = pos, min(limit, pos + self.star_limit)
        while taken < most and pred(a, taken):
            taken += 1
        lowest = pos + 1 if op == "+" else pos
        for end_of_run in range(taken, lowest - 1, -1):
            end = self._step(a, t + 1, end_of_run, limit)
            if end is not None:
                return end
        return None
