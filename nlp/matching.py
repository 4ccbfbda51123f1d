"""Token-pattern matching that only looks where a match can be.

spaCy's ``Matcher`` evaluates every pattern's predicates (IN sets, LIKE_NUM, REGEX) at every
token: on a 4,000-word page with a hundred claim patterns that costs hundreds of
milliseconds. Every pattern here names at least one word it cannot match without (its
anchor, found automatically), so the matcher only runs on the sentences that contain an
anchor; the anchor scan is one numpy ``isin`` over the LOWER column.
"""

from __future__ import annotations

import numpy
from spacy.attrs import LOWER, SENT_START
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

__all__ = ["AnchoredMatcher", "sentence_starts", "sentence_ranges", "pattern_anchors"]

_REQUIRED_OPS = (None, "1", "+", "!")


def sentence_starts(doc: Doc) -> list[int]:
    """Token indices where sentences start, read once from the SENT_START column (cached)."""
    cached = doc.user_data.get("clinicscan_sent_starts")
    if cached is not None and cached[0] == len(doc):
        return cached[1]
    if not len(doc):
        return [0]
    flags = doc.to_array([SENT_START]).reshape(-1)
    starts = numpy.flatnonzero(flags == 1).tolist()
    if not starts or starts[0] != 0:
        starts.insert(0, 0)
    doc.user_data["clinicscan_sent_starts"] = (len(doc), starts)
    return starts


def sentence_ranges(starts: list[int], length: int, positions) -> list[tuple[int, int]]:
    """Merged token ranges of the sentences that hold any of ``positions``."""
    bounds = numpy.asarray(starts + [length])
    indices = numpy.unique(numpy.searchsorted(bounds, numpy.asarray(positions), side="right") - 1)
    ranges: list[tuple[int, int]] = []
    for index in indices.tolist():
        s0, s1 = int(bounds[index]), int(bounds[index + 1])
        if ranges and ranges[-1][1] == s0:
            ranges[-1] = (ranges[-1][0], s1)
        else:
            ranges.append((s0, s1))
    return ranges


#: words too common to be a good anchor; a pattern is anchored on its rarest required token
_COMMON = frozenset("""a an and are as at be by for from in is it no not of on or our the to with you your
we this that out more all can will""".split())


def pattern_anchors(pattern: list[dict]) -> set[str] | None:
    """Lower-cased words of the pattern's most selective required token; None if none names words."""
    best: tuple[tuple[int, int], set[str]] | None = None
    for token in pattern:
        if token.get("OP") not in _REQUIRED_OPS or token.get("OP") == "!":
            continue
        for attr in ("LOWER", "ORTH", "TEXT", "NORM"):
            value = token.get(attr)
            words = None
            if isinstance(value, str):
                words = {value.lower()}
            elif isinstance(value, dict) and isinstance(value.get("IN"), list) and len(value) == 1:
                words = {str(v).lower() for v in value["IN"]}
            if words:
                cost = (len(words & _COMMON), len(words))
                if best is None or cost < best[0]:
                    best = (cost, words)
                break
    return best[1] if best else None


class AnchoredMatcher:
    """Matchers that run only on sentences holding an anchor word of their patterns.

    Patterns are grouped by anchor set, one spaCy Matcher a group, so a common anchor of one
    pattern does not make every other pattern run on that sentence.
    """

    def __init__(self, vocab: Vocab):
        self.vocab = vocab
        self.free = Matcher(vocab)  # patterns without an anchor: run on the whole doc
        self.has_free = False
        self._groups: dict[frozenset, Matcher] = {}
        self._group_of_word: dict[int, list[frozenset]] = {}
        self._anchor_ids = numpy.zeros(0, dtype="uint64")
        self._size = 0

    def add(self, key: str, pattern: list[dict]) -> None:
        self._size += 1
        anchors = pattern_anchors(pattern)
        if anchors is None:
            self.free.add(key, [pattern])
            self.has_free = True
            return
        group = frozenset(anchors)
        if group not in self._groups:
            self._groups[group] = Matcher(self.vocab)
            for word in group:
                self._group_of_word.setdefault(self.vocab.strings.add(word), []).append(group)
            self._anchor_ids = numpy.array(sorted(self._group_of_word), dtype="uint64")
        self._groups[group].add(key, [pattern])

    def __len__(self) -> int:
        return self._size

    def __call__(self, doc: Doc, starts: list[int] | None = None, ranges: list[tuple[int, int]] | None = None
                 ) -> list[tuple[int, int, int]]:
        """Matches in ``doc`` (only within ``ranges`` of tokens, if given)."""
        matches = list(self.free(doc)) if self.has_free and ranges is None else []
        if not self._groups or not len(doc):
            return matches
        lower = doc.to_array([LOWER]).reshape(-1)
        hits = numpy.flatnonzero(numpy.isin(lower, self._anchor_ids))
        if ranges is not None:
            allowed = numpy.zeros(len(doc), dtype=bool)
            for lo, hi in ranges:
                allowed[lo:hi] = True
            hits = hits[allowed[hits]]
        if not hits.size:
            return matches
        where: dict[frozenset, list[int]] = {}
        for position, word in zip(hits.tolist(), lower[hits].tolist()):
            for group in self._group_of_word[word]:
                where.setdefault(group, []).append(position)
        starts = starts if starts is not None else [0]
        for group, positions in where.items():
            matcher = self._groups[group]
            for lo, hi in sentence_ranges(starts, len(doc), positions):
                matches.extend((m, lo + s, lo + e) for m, s, e in matcher(doc[lo:hi]))
        return matches
