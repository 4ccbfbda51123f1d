"""Token-pattern matching that only looks where a match can be.

spaCy's ``Matcher`` evaluates its patterns' predicates (IN sets, LIKE_NUM, REGEX) in Python
at every token: with a hundred claim patterns that is tens of milliseconds a page. The
patterns here use the same dict syntax (LOWER / ORTH / TEXT / NORM with a string, IN,
NOT_IN or REGEX; LIKE_NUM; IS_PUNCT; ``{}`` for any token; OP ``?``, ``*``, ``+``), but
every pattern is tried only around its anchor: the most selective required word it names,
found for the whole page with one numpy ``isin`` over the LOWER column. Token values come
from ``doc.to_array`` columns, so no Token objects are created.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Callable

import numpy
from spacy.attrs import IDX, LOWER, ORTH, SENT_START
from spacy.tokens import Doc
from spacy.vocab import Vocab

__all__ = ["TokenArrays", "TokenPatternMatcher", "WordIndex", "WordTable", "WORDS", "sentence_starts", "sentence_ranges", "pattern_anchors"]

_OPS = (None, "1", "?", "*", "+")
_STAR_LIMIT = 8  # "*" never spans more tokens than this
#: words too common to be a good anchor; a pattern is anchored on its rarest required token
#: (punctuation too: a comma anchor is tried at every comma of the page)
_COMMON = frozenset("""a an and are as at be by for from in is it no not of on or our the to with you your
we this that out more all can will , . - ( ) : ; " ' / & 's""".split())


class _LexemeFlag:
    """A lexeme flag column read on demand: most tokens are never asked."""

    def __init__(self, arrays: "TokenArrays", name: str):
        self.arrays = arrays
        self.name = name
        self.cache: dict[int, bool] = {}

    def __getitem__(self, i: int) -> bool:
        orth = self.arrays.orth[i]
        value = self.cache.get(orth)
        if value is None:
            value = self.cache[orth] = bool(getattr(self.arrays.vocab[orth], self.name))
        return value


class WordIndex:
    """Dense numbers for word ids, so per-word tables are small arrays indexed by them.

    Word ids are 64-bit hashes; their low bits make a direct-address table (one gather and
    one compare a page: numpy.searchsorted and numpy.isin cost about 60 ns a token). A word
    whose slot another word holds goes to a small dict. Past ``limit`` words the index
    starts again (a long crawl meets an endless supply of names and numbers) and its
    ``generation`` tells the tables to start again too.
    """

    def __init__(self, bits: int = 18, limit: int = 400_000):
        self.mask = (1 << bits) - 1
        self.limit = limit
        self.generation = 0
        self.clear()

    def clear(self) -> None:
        size = self.mask + 1
        self.slot_words = numpy.zeros(size, dtype="uint64")
        self.slot_ids = numpy.full(size, -1, dtype="int64")
        self.extra: dict[int, int] = {}
        self.words: list[int] = []  # dense number -> word id
        self.generation += 1

    def ids(self, words):
        """The dense number of each word id of the numpy uint64 array ``words`` (new ones numbered)."""
        slots = (words & numpy.uint64(self.mask)).astype(numpy.intp)
        ids = self.slot_ids[slots]
        known = (ids >= 0) & (self.slot_words[slots] == words)
        if known.all():
            return ids
        if len(self.words) > self.limit:
            self.clear()
            return self.ids(words)
        mask, slot_ids, slot_words, extra, numbered = self.mask, self.slot_ids, self.slot_words, self.extra, self.words
        for i, word in zip(numpy.flatnonzero(~known).tolist(), words[~known].tolist()):
            slot = word & mask
            held = int(slot_ids[slot])
            if held >= 0 and numbered[held] == word:
                ids[i] = held
                continue
            number = extra.get(word)
            if number is None:
                number = len(numbered)
                numbered.append(word)
                if held < 0:
                    slot_ids[slot], slot_words[slot] = number, word
                else:
                    extra[word] = number
            ids[i] = number
        return ids


#: one index per process: word ids are string hashes, the same in every Vocab
WORDS = WordIndex()


class WordTable:
    """A value per word, computed once per word (``compute(word_id) -> value``), for whole Docs at once.

    Values are computed only for words of the Docs looked up (``compute`` may read the
    Doc's Vocab, which knows nothing of other pipelines' words).
    """

    def __init__(self, compute: Callable[[int], int], dtype: str = "uint8"):
        self.compute = compute
        self.values = numpy.zeros(0, dtype=dtype)
        self.known = numpy.zeros(0, dtype=bool)
        self.generation = WORDS.generation

    def lookup(self, ids):
        """The value of each word of ``ids``, dense numbers from ``WORDS.ids`` (TokenArrays.word_ids)."""
        if self.generation != WORDS.generation:
            self.values, self.known, self.generation = self.values[:0], self.known[:0], WORDS.generation
        count = len(WORDS.words)
        if self.values.size < count:
            size = max(count, 2 * self.values.size, 1024)
            grown = numpy.zeros(size, dtype=self.values.dtype)
            grown[:self.values.size] = self.values
            known = numpy.zeros(size, dtype=bool)
            known[:self.known.size] = self.known
            self.values, self.known = grown, known
        todo = ~self.known[ids]
        if todo.any():
            words = WORDS.words
            for number in numpy.unique(ids[todo]).tolist():
                self.values[number] = self.compute(words[number])
                self.known[number] = True
        return self.values[ids]


class TokenArrays:
    """The columns of a Doc the matchers and components read, built once per Doc."""

    def __init__(self, doc: Doc, table=None, starts: list[int] | None = None, columns=None):
        if columns is None:
            if table is None:
                table = doc.to_array([ORTH, LOWER, IDX, SENT_START]) if len(doc) else numpy.zeros((0, 4), dtype="uint64")
            columns = (table[:, 0], table[:, 1], table[:, 2])
        self.n = len(doc)
        self.vocab = doc.vocab
        self.strings = doc.vocab.strings
        self.orth_np, self.lower_np, idx = columns
        self.orth = self.orth_np.tolist()
        self.lower = self.lower_np.tolist()
        self.idx = idx.tolist()
        if starts is None:
            flags = table[:, 3].astype("int64")  # SENT_START: 1 start, -1 not, 0 unset
            starts = numpy.flatnonzero(flags == 1).tolist()
        if not starts or starts[0] != 0:
            starts.insert(0, 0)
        self.starts = starts
        self.like_num = _LexemeFlag(self, "like_num")  # read only where a pattern asks
        self.is_punct = _LexemeFlag(self, "is_punct")
        self._sentence_of: list[int] | None = None
        self._bounds_np = None
        self._word_ids = None
        self._word_generation = -1

    @property
    def word_ids(self):
        """Each token's dense word number (``WORDS``), for WordTable lookups."""
        if self._word_ids is None or self._word_generation != WORDS.generation:
            self._word_ids = WORDS.ids(self.orth_np)
            self._word_generation = WORDS.generation
        return self._word_ids

    @property
    def bounds_np(self):
        """Sentence starts and the Doc's length, as a numpy array."""
        if self._bounds_np is None:
            self._bounds_np = numpy.asarray(self.starts + [self.n], dtype="int64")
        return self._bounds_np

    @property
    def sentence_of(self) -> list[int]:
        """The index (into ``starts``) of each token's sentence."""
        if self._sentence_of is None:
            marks = numpy.zeros(self.n, dtype="int64")
            marks[self.bounds_np[:-1]] = 1
            self._sentence_of = (numpy.cumsum(marks) - 1).tolist()
        return self._sentence_of

    def range_mask(self, ranges: list[tuple[int, int]]):
        """Boolean numpy mask of the tokens inside ``ranges`` (sorted, disjoint, not touching)."""
        steps = numpy.zeros(self.n + 1, dtype="int8")
        if ranges:
            bounds = numpy.asarray(ranges, dtype="int64")
            steps[bounds[:, 0]] = 1
            steps[bounds[:, 1]] -= 1
        return numpy.cumsum(steps[:-1]) > 0

    @classmethod
    def from_columns(cls, doc: Doc, table, starts: list[int]) -> "TokenArrays":
        """From ORTH, LOWER, IDX columns already read and the sentence starts already known."""
        return cls(doc, table, starts)

    @classmethod
    def of(cls, doc: Doc) -> "TokenArrays":
        cached = doc.user_data.get("clinicscan_arrays")
        if cached is None or cached.n != len(doc):
            cached = cls(doc)
            doc.user_data["clinicscan_arrays"] = cached
        return cached

    def char_start(self, i: int) -> int:
        return self.idx[i]

    def char_end(self, i: int) -> int:
        """End offset of token ``i`` (exclusive)."""
        return self.idx[i] + len(self.strings[self.orth[i]])

    def text(self, i: int) -> str:
        return self.strings[self.orth[i]]


def sentence_starts(doc: Doc) -> list[int]:
    """Token indices where sentences start (from the SENT_START column, read once per Doc)."""
    return TokenArrays.of(doc).starts


def sentence_ranges(starts: list[int], length: int, positions) -> list[tuple[int, int]]:
    """Merged token ranges of the sentences that hold any of ``positions``."""
    if not len(positions):
        return []
    bounds = numpy.asarray(starts + [length])
    indices = numpy.unique(numpy.searchsorted(bounds, numpy.asarray(positions), side="right") - 1)
    lo, hi = bounds[indices], bounds[indices + 1]
    opens = numpy.flatnonzero(numpy.concatenate(([True], lo[1:] != hi[:-1])))  # a range ends where the next does not touch it
    closes = numpy.concatenate((opens[1:] - 1, [len(indices) - 1]))
    return list(zip(lo[opens].tolist(), hi[closes].tolist()))


def _words(value) -> set[str] | None:
    if isinstance(value, str):
        return {value.lower()}
    if isinstance(value, dict) and set(value) == {"IN"} and isinstance(value["IN"], list):
        return {str(v).lower() for v in value["IN"]}
    return None


def pattern_anchors(pattern: list[dict]) -> tuple[int, set[str]] | None:
    """(index, lower-cased words) of the pattern's most selective required token, or None."""
    best = None
    for index, token in enumerate(pattern):
        if token.get("OP") not in (None, "1", "+"):
            continue
        for attr in ("LOWER", "ORTH", "TEXT", "NORM"):
            words = _words(token.get(attr))
            if words:
                cost = (len(words & _COMMON), len(words))
                if best is None or cost < best[0]:
                    best = (cost, index, words)
                break
    return (best[1], best[2]) if best else None


def _folded_words_only(spec: dict) -> bool:
    """True when the token tests nothing but its lower-cased form against words (LOWER/NORM, string or IN)."""
    keys = set(spec) - {"OP"}
    return len(keys) == 1 and next(iter(keys)) in ("LOWER", "NORM") and _words(spec[next(iter(keys))]) is not None


Predicate = Callable[[TokenArrays, int], bool]


def _value_predicate(attr: str, value, strings) -> Predicate:
    fold = attr in ("LOWER", "NORM")

    def key(word) -> int:
        return strings.add(str(word).lower() if fold else str(word))

    def column(a: TokenArrays) -> list:
        return a.lower if fold else a.orth

    if isinstance(value, str):
        wanted = key(value)
        if fold:
            return lambda a, i: a.lower[i] == wanted
        return lambda a, i: a.orth[i] == wanted
    if not isinstance(value, dict) or not value:
        raise ValueError(f"{attr} must be a string or a dict with IN / NOT_IN / REGEX, got {value!r}")
    checks: list[Predicate] = []
    for op, arg in value.items():
        if op == "IN":
            members = frozenset(key(w) for w in arg)
            checks.append((lambda a, i, m=members: a.lower[i] in m) if fold else (lambda a, i, m=members: a.orth[i] in m))
        elif op == "NOT_IN":
            members = frozenset(key(w) for w in arg)
            checks.append(lambda a, i, m=members: column(a)[i] not in m)
        elif op == "REGEX":
            regex = re.compile(arg)
            checks.append(lambda a, i, r=regex: bool(r.search(a.strings[column(a)[i]])))
        else:
            raise ValueError(f"unsupported operator {op!r} for {attr}; use IN, NOT_IN or REGEX")
    if len(checks) == 1:
        return checks[0]
    return lambda a, i: all(check(a, i) for check in checks)


def compile_token(spec: dict, strings) -> tuple[str | None, Predicate]:
    if not isinstance(spec, dict):
        raise ValueError(f"a token pattern must be a dict, got {spec!r}")
    op = spec.get("OP")
    if op not in _OPS:
        raise ValueError(f"OP must be one of ?, *, +, got {op!r}")
    checks: list[Predicate] = []
    for attr, value in spec.items():
        if attr == "OP":
            continue
        if attr in ("LOWER", "ORTH", "TEXT", "NORM"):
            checks.append(_value_predicate(attr, value, strings))
        elif attr == "LIKE_NUM":
            checks.append(lambda a, i, want=bool(value): bool(a.like_num[i]) == want)
        elif attr == "IS_PUNCT":
            checks.append(lambda a, i, want=bool(value): bool(a.is_punct[i]) == want)
        else:
            raise ValueError(f"unsupported token attribute {attr!r}; use LOWER, ORTH, TEXT, NORM, LIKE_NUM, IS_PUNCT")
    if not checks:
        return op, lambda a, i: True
    if len(checks) == 1:
        return op, checks[0]
    return op, lambda a, i: all(check(a, i) for check in checks)


def _span(op) -> tuple[int, int]:
    """Fewest and most tokens a pattern token with ``op`` takes."""
    return {"?": (0, 1), "*": (0, _STAR_LIMIT), "+": (1, _STAR_LIMIT)}.get(op, (1, 1))


def _nearby_words(pattern: list[dict], anchor: int, strings, widest: int = 3, most: int = 2):
    """Required words at a bounded distance from the anchor, to reject an anchor hit cheaply.

    A match found from an anchor hit has the anchor token there, so each required token with
    words lies within [lo, hi] of the hit (sums of the spans of the tokens between). Only
    narrow windows are kept (they reject the most for the least work). After a ``+`` anchor
    the distance is not bounded by the first hit, so only words before it count then.
    """
    found = []
    for j, spec in enumerate(pattern):
        if j == anchor or spec.get("OP") not in (None, "1", "+"):
            continue
        if j > anchor and pattern[anchor].get("OP") == "+":
            continue
        words = None
        for attr in ("LOWER", "ORTH", "TEXT", "NORM"):
            if attr in spec:
                words = _words(spec[attr])
                break
        if not words:
            continue
        between = [_span(t.get("OP")) for t in (pattern[j + 1:anchor] if j < anchor else pattern[anchor + 1:j])]
        low, high = 1 + sum(b[0] for b in between), 1 + sum(b[1] for b in between)
        lo, hi = (-high, -low) if j < anchor else (low, high)
        if hi - lo + 1 <= widest:
            found.append((hi - lo, lo, hi, frozenset(strings.add(w) for w in words)))
    found.sort(key=lambda f: f[0])
    return [(lo, hi, ids) for _w, lo, hi, ids in found[:most]]


class _Pattern:
    def __init__(self, key: int, tokens: list[tuple[str | None, Predicate]], anchor: int, exact_anchor: bool = False):
        self.key = key
        self.tokens = tokens
        self.anchor = anchor
        #: one token whose anchor words are the whole test: every hit is a match
        self.single = exact_anchor and len(tokens) == 1 and tokens[0][0] in (None, "1")
        #: the test of a required first token, tried before the full match (most starts fail it)
        self.first = tokens[0][1] if tokens[0][0] in (None, "1", "+") else None
        before = tokens[:anchor]
        self.min_before = sum(1 for op, _ in before if op in (None, "1", "+"))
        self.max_before = sum(_STAR_LIMIT if op in ("*", "+") else 1 for op, _ in before)
        #: (first, last offset from the anchor, lower-cased ids): a required word near the anchor
        self.nearby: list[tuple[int, int, frozenset[int]]] = []
        #: whether the first token's test passes, per ORTH id (the tests read nothing but the word)
        self.first_table: WordTable | None = None
        self.first_table_vocab = None

    def match_at(self, a: TokenArrays, start: int, limit: int) -> int | None:
        """End of the longest match starting at ``start`` (not past ``limit``), or None."""
        op, pred = self.tokens[0]
        if op in (None, "1", "+") and not (start < limit and pred(a, start)):
            return None  # the cheap, common case
        end = self._step(a, 0, start, limit)
        return end if end is not None and end > start else None

    def _step(self, a: TokenArrays, t: int, pos: int, limit: int) -> int | None:
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
            # "*" or "+": take as many as allowed, then give back
            taken = pos
            while taken < limit and taken - pos < _STAR_LIMIT and pred(a, taken):
                taken += 1
            lowest = pos + 1 if op == "+" else pos
            for end_of_run in range(taken, lowest - 1, -1):
                end = self._step(a, t + 1, end_of_run, limit)
                if end is not None:
                    return end
            return None
        return pos


def _words_nearby(lower: list[int], nearby, hit: int, s0: int, s1: int) -> bool:
    """Every (lo, hi, ids) of ``nearby`` has a token of ``ids`` within [hit + lo, hit + hi] of the sentence."""
    for lo, hi, ids in nearby:
        first, last = hit + lo, hit + hi
        if first < s0:
            first = s0
        if last >= s1:
            last = s1 - 1
        while first <= last:
            if lower[first] in ids:
                break
            first += 1
        else:
            return False
    return True


class TokenPatternMatcher:
    """Callable: (doc, ranges=None) -> [(key, start, end)], within sentences."""

    def __init__(self, vocab: Vocab):
        self.vocab = vocab
        self._by_anchor: dict[int, list[_Pattern]] = {}
        self._free: list[_Pattern] = []
        self._anchor_ids = numpy.zeros(0, dtype="uint64")
        self._anchor_table: WordTable | None = None
        self._size = 0

    def __len__(self) -> int:
        return self._size

    def add(self, key: str, pattern: list[dict]) -> None:
        """Add one pattern; ValueError names what is not supported."""
        if not isinstance(pattern, list) or not pattern:
            raise ValueError(f"a token pattern must be a non-empty list of dicts, got {pattern!r}")
        tokens = [compile_token(spec, self.vocab.strings) for spec in pattern]
        key_id = self.vocab.strings.add(key)
        anchored = pattern_anchors(pattern)
        self._size += 1
        if anchored is None:
            self._free.append(_Pattern(key_id, tokens, 0))
            return
        index, words = anchored
        compiled = _Pattern(key_id, tokens, index, _folded_words_only(pattern[index]))
        compiled.nearby = _nearby_words(pattern, index, self.vocab.strings)
        for word in words:
            self._by_anchor.setdefault(self.vocab.strings.add(word), []).append(compiled)
        self._anchor_ids = numpy.array(sorted(self._by_anchor), dtype="uint64")
        self._anchor_table = None  # rebuilt for the new anchor words on the next call

    @staticmethod
    def _match_free(a: TokenArrays, pattern: _Pattern, spans, bounds: list[int], found: set) -> None:
        """A pattern without an anchor word, tried at every token of ``spans`` its first token allows.

        Token tests depend on the word only, so the first token's test runs once per word
        (remembered across pages in a WordTable), not once per token.
        """
        if pattern.first is None:
            starts_ok = None
        else:
            if pattern.first_table is None or pattern.first_table_vocab is not a.vocab:
                vocab = a.vocab
                one = TokenArrays.__new__(TokenArrays)  # a one-token view to run the test on a word
                one.vocab, one.strings, one.n = vocab, vocab.strings, 1
                one.like_num, one.is_punct = _LexemeFlag(one, "like_num"), _LexemeFlag(one, "is_punct")

                def test(word: int, one=one, first=pattern.first) -> int:
                    one.orth, one.lower = [word], [vocab[word].lower]
                    return int(bool(first(one, 0)))

                pattern.first_table, pattern.first_table_vocab = WordTable(test), vocab
            allowed = pattern.first_table.lookup(a.word_ids).astype(bool)
            if all(spans[i][1] <= spans[i + 1][0] for i in range(len(spans) - 1)):
                # sorted, disjoint spans (the usual case): one mask instead of a search per span
                if spans != [(0, a.n)]:
                    allowed &= a.range_mask(spans)
                span_starts = [lo for lo, _hi in spans]
                for start in numpy.flatnonzero(allowed).tolist():
                    hi = spans[bisect_right(span_starts, start) - 1][1]
                    limit = bounds[a.sentence_of[start] + 1]
                    end = pattern.match_at(a, start, limit if limit < hi else hi)
                    if end is not None:
                        found.add((pattern.key, start, end))
                return
            starts_ok = numpy.flatnonzero(allowed)
        sentence_of = a.sentence_of
        for lo, hi in spans:
            if lo >= hi:
                continue
            if starts_ok is None:
                candidates = range(lo, hi)
            else:
                candidates = starts_ok[numpy.searchsorted(starts_ok, lo):numpy.searchsorted(starts_ok, hi)].tolist()
            for start in candidates:
                limit = bounds[sentence_of[start] + 1]
                end = pattern.match_at(a, start, limit if limit < hi else hi)
                if end is not None:
                    found.add((pattern.key, start, end))

    def __call__(self, doc: Doc, ranges: list[tuple[int, int]] | None = None) -> list[tuple[int, int, int]]:
        a = TokenArrays.of(doc)
        if not a.n or not self._size:
            return []
        bounds = a.starts + [a.n]
        found: set[tuple[int, int, int]] = set()
        if self._anchor_ids.size:
            if self._anchor_table is None:
                anchor_set, vocab = frozenset(self._by_anchor), self.vocab
                self._anchor_table = WordTable(lambda word: vocab[word].lower in anchor_set, dtype="bool")
            is_hit = self._anchor_table.lookup(a.word_ids)
            if ranges is not None:
                is_hit &= a.range_mask(ranges)
            hits = numpy.flatnonzero(is_hit).tolist()
            if hits:
                sentence_of, lower, by_anchor = a.sentence_of, a.lower, self._by_anchor
                for hit in hits:
                    si = sentence_of[hit]
                    s0, s1 = bounds[si], bounds[si + 1]
                    for pattern in by_anchor[lower[hit]]:
                        if pattern.single:
                            found.add((pattern.key, hit, hit + 1))
                            continue
                        nearby = pattern.nearby
                        if nearby:
                            lo, hi, ids = nearby[0]  # the narrowest window (one or two tokens), tested inline
                            p = hit + lo
                            if lo == hi:
                                if not s0 <= p < s1 or lower[p] not in ids:
                                    continue
                            elif hi == lo + 1:
                                if not ((s0 <= p < s1 and lower[p] in ids) or (s0 <= p + 1 < s1 and lower[p + 1] in ids)):
                                    continue
                            elif not _words_nearby(lower, nearby[:1], hit, s0, s1):
                                continue
                            if len(nearby) > 1 and not _words_nearby(lower, nearby[1:], hit, s0, s1):
                                continue
                        first = pattern.first
                        for start in range(max(s0, hit - pattern.max_before), hit - pattern.min_before + 1):
                            # as match_at(a, start, s1), with its first test inline: start <= hit < s1
                            if first is not None and not first(a, start):
                                continue
                            end = pattern._step(a, 0, start, s1)
                            if end is not None and end > hit:
                                found.add((pattern.key, start, end))
        if self._free:
            spans = ranges if ranges is not None else [(0, a.n)]
            for pattern in self._free:
                self._match_free(a, pattern, spans, bounds, found)
        return sorted(found, key=lambda m: (m[1], m[2]))
