"""TokenPatternMatcher: spaCy-style token patterns, tried only around their anchor words."""

from __future__ import annotations

from bisect import bisect_right
from operator import itemgetter

import numpy
from spacy.tokens import Doc
from spacy.vocab import Vocab

from clinicscan.nlp.matching.anchors import (STAR_LIMIT, folded_words_only, nearby_words, needs_a_number,
                                             pattern_anchors, sentence_words, words_nearby)
from clinicscan.nlp.matching.arrays import TokenArrays
from clinicscan.nlp.matching.pattern import CompiledPattern
from clinicscan.nlp.matching.phrase_variants import token_pattern_spellings
from clinicscan.nlp.matching.predicates import compile_token
from clinicscan.nlp.matching.words import WordTable

__all__ = ["TokenPatternMatcher"]

Match = tuple[int, int, int]  # (key, start, end), as spaCy's Matcher returns
#: a match's (start, end), its sort key
_START_END = itemgetter(1, 2)


class TokenPatternMatcher:
    """Callable: (doc, ranges=None) -> [(key, start, end)] sorted by start, then end; within sentences.

    ``ranges`` (sorted, disjoint token ranges) limits the search to those tokens: a match
    lies inside one range. ``star_limit`` is the most tokens a ``*`` or ``+`` takes.
    """

    def __init__(self, vocab: Vocab, star_limit: int = STAR_LIMIT):
        self.vocab = vocab
        self.star_limit = star_limit
        self._by_anchor: dict[int, list[CompiledPattern]] = {}  # lower-cased anchor word -> patterns
        self._free: list[CompiledPattern] = []  # patterns without an anchor word
        self._anchor_table: WordTable | None = None
        self._size = 0
        #: keys with more than one spelling of a pattern ("risk-free" also as "risk", "-", "free"): per start, only the
        #: longest of their matches is reported, as for one pattern
        self._respelled: set[int] = set()
        #: one bit per distinct word set some pattern needs in its sentence (``sentence_words``):
        #: word id -> the bits of the sets holding it, for lower-cased and for exact words
        self._set_bit: dict[tuple[bool, frozenset[int]], int] = {}
        self._folded_bits: dict[int, int] = {}
        self._exact_bits: dict[int, int] = {}
        #: per word, the number of its bits' value in ``_bit_values`` (0: none), for a whole Doc at once
        self._bits_table: WordTable | None = None
        self._bit_values: list[int] = [0]
        #: anchor words some of whose patterns need words in the hit's sentence, and for (anchor word, the
        #: sentence's bits) the patterns whose needs those bits meet: one lookup a hit instead of one test a pattern
        self._needy: frozenset[int] = frozenset()
        self._passing: dict[tuple[int, int], tuple[CompiledPattern, ...]] = {}
        #: anchor word -> (the bits of its patterns without a gate, [(offset, {word id: bits})]): ``_gate_table``
        self._gates: dict[int, tuple[int, list[tuple[int, dict[int, int]]]]] | None = None
        #: anchor word -> (the bits of its patterns that need words in the sentence, the OR of their rare bits,
        #: {rare bit: the bits of the patterns it is the rare bit of}): ``_need_table``
        self._need_groups: dict[int, tuple[int, int, dict[int, int]]] | None = None
        #: anchor word -> (its patterns, ``_gates``' two values, ``_need_groups``' three): one lookup a hit
        self._entries: dict[int, tuple] | None = None
        #: False: the reference search (each of a hit's patterns tested for its nearby words in turn, each free
        #: pattern's first-token mask read from its own table)
        self.gated = True
        #: word -> a bit per free pattern whose first token accepts it (``_free_firsts``)
        self._free_table: WordTable | None = None
        self._free_table_vocab = None

    def __len__(self) -> int:
        return self._size

    def add(self, key: str, pattern: list[dict]) -> None:
        """Add one pattern (its "and" also "&"), and the patterns that read its hyphenated words ("risk-free") as a
        page's tokens; ValueError names what is not supported."""
        if not isinstance(pattern, list) or not pattern:
            raise ValueError(f"a token pattern must be a non-empty list of dicts, got {pattern!r}")
        spellings = token_pattern_spellings(pattern)
        if len(spellings) > 1:
            self._respelled.add(self.vocab.strings.add(key))
        for spelling in spellings:
            self._add(key, spelling)

    def _add(self, key: str, pattern: list[dict]) -> None:
        strings = self.vocab.strings
        tokens = [compile_token(spec, strings) for spec in pattern]
        key_id = strings.add(key)
        anchored = pattern_anchors(pattern)
        self._size += 1
        if anchored is None:
            self._free.append(CompiledPattern(key_id, tokens, 0, star_limit=self.star_limit))
            self._free_table = None
            return
        index, words = anchored
        compiled = CompiledPattern(key_id, tokens, index, folded_words_only(pattern[index]), self.star_limit)
        compiled.nearby = nearby_words(pattern, index, strings, self.star_limit)
        if _costly_attempt(pattern):
            folded, exact = sentence_words(pattern, index, strings)
            compiled.needs = self._bits_of(folded, False) | self._bits_of(exact, True)
            compiled.needs_number = needs_a_number(pattern, index)
            if compiled.needs:  # the bit of its set of fewest words: the likeliest to be missing (``_need_groups``)
                fewest = min([(len(ids), False, ids) for ids in folded] + [(len(ids), True, ids) for ids in exact],
                             key=lambda f: f[0])
                compiled.rare_need = self._set_bit[fewest[1], fewest[2]]
        for word in words:
            self._by_anchor.setdefault(strings.add(word), []).append(compiled)
            if compiled.needs:
                self._needy |= {strings.add(word)}
        self._anchor_table = self._bits_table = self._gates = self._need_groups = self._entries = None  # rebuilt
        self._passing = {}

    def _bits_of(self, word_sets, exact: bool) -> int:
        """The bits of ``word_sets`` (new sets get a new bit, and their words that bit)."""
        bits, words_bits = 0, self._exact_bits if exact else self._folded_bits
        for ids in word_sets:
            bit = self._set_bit.get((exact, ids))
            if bit is None:
                bit = self._set_bit[exact, ids] = 1 << len(self._set_bit)
                for word in ids:
                    words_bits[word] = words_bits.get(word, 0) | bit
            bits |= bit
        return bits

    def __call__(self, doc: Doc, ranges: list[tuple[int, int]] | None = None) -> list[Match]:
        a = TokenArrays.of(doc)
        if not a.n or not self._size:
            return []
        bounds = a.starts + [a.n]
        found: set[Match] = set()
        inside = a.range_mask(ranges) if ranges is not None else None  # one mask for all the patterns
        if self._by_anchor:
            hits = self._anchor_hits(a, ranges, inside)
            # more hits than sentences over the whole Doc: its sentences' word bits at once cost less
            # (one numpy gather) than sentence by sentence; few hits: sentence by sentence
            self._match_anchored(a, hits, bounds, found, whole=ranges is None and len(hits) > len(a.starts))
        if self._free:
            spans = ranges if ranges is not None else [(0, a.n)]
            sorted_spans = all(spans[i][1] <= spans[i + 1][0] for i in range(len(spans) - 1))
            span_starts = [lo for lo, _hi in spans]
            if self.gated and sorted_spans and len(self._free) <= 64:
                self._match_free_all(a, spans, bounds, found, inside, span_starts)
            else:
                firsts = self._free_firsts(a) if self.gated else [_ASK] * len(self._free)
                for pattern, allowed in zip(self._free, firsts):
                    self._match_free(a, pattern, spans, bounds, found, sorted_spans, inside, span_starts, allowed)
        if self._respelled and found:
            found = _longest_per_start(found, self._respelled)
        return sorted(found, key=_START_END)  # (a C key: a lambda costs a Python call a match)

    def _anchor_hits(self, a: TokenArrays, ranges, inside=None) -> list[int]:
        """The tokens (inside ``ranges``; ``inside``: their mask, if read already) whose lower-cased form
        is some pattern's anchor word."""
        if self._anchor_table is None:
            anchor_words, vocab = frozenset(self._by_anchor), self.vocab
            self._anchor_table = WordTable(lambda word: vocab[word].lower in anchor_words, dtype="bool")
        is_hit = self._anchor_table.lookup(a.word_ids)
        if ranges is not None:
            is_hit &= a.range_mask(ranges) if inside is None else inside
        return numpy.flatnonzero(is_hit).tolist()

    def _doc_sentence_bits(self, a: TokenArrays) -> dict[int, int]:
        """Sentence index -> the bits of the required word sets it holds, for every sentence of the Doc at
        once: one numpy gather of each token's bits (as 64-bit words), one OR per sentence
        (``bitwise_or.reduceat`` over the tokens that are some set's word, which come in sentence
        order), then one Python int per sentence (a bench page: ~2,300 such tokens, ~340 sentences)."""
        if self._bits_table is None:
            vocab, folded, exact = self.vocab, self._folded_bits, self._exact_bits
            values, number = [0], {0: 0}
            self._bit_values = values
            self._bit_words = numpy.zeros((0, 1), dtype="uint64")

            def value_number(word: int) -> int:
                bits = folded.get(vocab[word].lower, 0) | exact.get(word, 0)
                found = number.get(bits)
                if found is None:
                    found = number[bits] = len(values)
                    values.append(bits)
                return found

            self._bits_table = WordTable(value_number, dtype="uint32")
        numbers = self._bits_table.lookup(a.word_ids)
        where = numpy.flatnonzero(numbers)
        if not len(where):
            return {}
        values = self._bit_values
        known = len(self._bit_words)
        if known < len(values):  # new bit combinations since the last Doc: only they are converted
            new = _as_words(values[known:], (len(self._set_bit) + 63) // 64)
            self._bit_words = numpy.concatenate((self._bit_words, new)) if known else new
        sentences = numpy.searchsorted(a.bounds_np, where, side="right") - 1
        firsts = numpy.flatnonzero(numpy.concatenate(([True], sentences[1:] != sentences[:-1])))
        ored = numpy.bitwise_or.reduceat(self._bit_words[numbers[where]], firsts, axis=0)
        raw, width = ored.astype("<u8").tobytes(), 8 * ored.shape[1]
        return {si: int.from_bytes(raw[i * width:(i + 1) * width], "little")
                for i, si in enumerate(sentences[firsts].tolist())}

    def _match_anchored(self, a: TokenArrays, hits: list[int], bounds: list[int], found: set,
                        whole: bool = False) -> None:
        """The matches of the anchored patterns, each tried only where its anchor word is (``whole``: the
        search covers the whole Doc, so the sentences' word bits are read for all sentences at once).

        A hit's patterns are a bit set over the anchor word's pattern list: those whose first nearby word
        stands where it must (``_gates``: one dict lookup per distinct offset instead of one test per
        pattern; most hits fail there). The patterns left are tried in list order, each first for the
        words it needs in the sentence (its ``needs`` bits: one AND, instead of choosing among all the
        anchor's patterns per new sentence), then with every other test of ``_match_anchored_each``, so
        ``found`` gets the same additions in the same order."""
        if not self.gated:
            return self._match_anchored_each(a, hits, bounds, found, whole)
        sentence_of, lower, orth = a.sentence_of, a.lower, a.orth
        folded_bits, exact_bits = self._folded_bits, self._exact_bits
        present: dict[int, int] | None = None
        numbers: dict[int, bool] = {}  # whether each sentence holds a number-like token
        entries = self._entries
        if entries is None:
            entries = self._anchor_entries()
        for hit in hits:
            si = sentence_of[hit]
            s0, s1 = bounds[si], bounds[si + 1]
            patterns, todo, offsets, needy, rare, groups = entries[lower[hit]]
            for lo, table in offsets:
                p = hit + lo
                if s0 <= p < s1:
                    bits = table.get(lower[p])
                    if bits is not None:
                        todo |= bits
            if not todo:
                continue
            if todo & needy:
                # a pattern whose rare bit the sentence lacks fails its needs: keep, of those that need words, only
                # the groups of the rare bits the sentence holds (few), instead of testing each pattern in turn
                if whole:
                    if present is None:
                        present = self._doc_sentence_bits(a)
                    have = present.get(si, 0)
                else:
                    if present is None:
                        present = {}
                    have = present.get(si)
                    if have is None:
                        have = present[si] = _sentence_bits(lower, orth, s0, s1, folded_bits, exact_bits)
                held, kept = rare & have, 0
                while held:
                    low = held & -held
                    held ^= low
                    kept |= groups[low]
                todo &= ~needy | kept
            while todo:
                low = todo & -todo
                todo ^= low
                pattern = patterns[low.bit_length() - 1]
                needs = pattern.needs
                if needs and needs & have != needs:  # (``have`` is read above whenever such a pattern is left)
                    continue
                if pattern.single:
                    found.add((pattern.key, hit, hit + 1))
                    continue
                if pattern.needs_number and pattern.needs:
                    number = numbers.get(si)
                    if number is None:
                        number = numbers[si] = _holds_a_number(a.like_num, s0, s1)
                    if not number:
                        continue
                if pattern.nearby and not words_nearby(lower, pattern.nearby, hit, s0, s1):
                    continue
                pattern.matches_around(a, hit, s0, s1, found)

    def _anchor_entries(self) -> dict[int, tuple]:
        """``_entries``, with ``_gates`` and ``_need_groups``, made for the patterns added so far."""
        self._gates = {word: _gate_table(patterns) for word, patterns in self._by_anchor.items()}
        self._need_groups = {word: _need_table(patterns) for word, patterns in self._by_anchor.items()}
        self._entries = {word: (patterns, *self._gates[word], *self._need_groups[word])
                         for word, patterns in self._by_anchor.items()}
        return self._entries

    def _match_anchored_each(self, a: TokenArrays, hits: list[int], bounds: list[int], found: set,
                             whole: bool = False) -> None:
        """``_match_anchored`` testing each of a hit's patterns in turn for its nearby words (the reference of
        the gated search; ``TokenPatternMatcher.gated = False`` uses it)."""
        sentence_of, lower, orth, by_anchor = a.sentence_of, a.lower, a.orth, self._by_anchor
        folded_bits, exact_bits = self._folded_bits, self._exact_bits
        # which of the patterns' required word sets each sentence holds, as bits, read once per sentence:
        # a pattern whose required words are not all in the hit's sentence cannot match there (a match
        # never leaves its sentence); only patterns whose attempts cost more than the test have one
        present: dict[int, int] | None = None
        numbers: dict[int, bool] = {}  # whether each sentence holds a number-like token
        needy, passing = self._needy, self._passing
        if len(passing) > _MOST_PASSING:  # a long crawl meets ever new sentences: start again
            passing.clear()
        for hit in hits:
            si = sentence_of[hit]
            s0, s1 = bounds[si], bounds[si + 1]
            word = lower[hit]
            patterns = by_anchor[word]
            if word in needy:
                if whole:
                    if present is None:
                        present = self._doc_sentence_bits(a)
                    have = present.get(si, 0)
                else:
                    if present is None:
                        present = {}
                    have = present.get(si)
                    if have is None:
                        have = present[si] = _sentence_bits(lower, orth, s0, s1, folded_bits, exact_bits)
                chosen = passing.get((word, have))
                if chosen is None:
                    chosen = passing[word, have] = tuple(p for p in patterns if p.needs & have == p.needs)
                patterns = chosen
            for pattern in patterns:
                if pattern.single:
                    found.add((pattern.key, hit, hit + 1))
                    continue
                if pattern.needs_number and pattern.needs:
                    number = numbers.get(si)
                    if number is None:
                        number = numbers[si] = _holds_a_number(a.like_num, s0, s1)
                    if not number:
                        continue
                if pattern.nearby and not words_nearby(lower, pattern.nearby, hit, s0, s1):
                    continue
                pattern.matches_around(a, hit, s0, s1, found)

    def _match_free_all(self, a: TokenArrays, spans, bounds: list[int], found: set, inside,
                        span_starts: list[int]) -> None:
        """``_match_free`` of every free pattern, in order, over sorted ``spans``, from one read of the free
        patterns' first-token table (``_free_firsts``' values): the tokens some pattern's first token accepts
        are found with one numpy call, then each pattern's among them in Python (a page has few such tokens;
        ``_match_free`` needs three numpy calls a pattern)."""
        values = self._free_values(a)
        if spans != [(0, a.n)]:
            values = values * (a.range_mask(spans) if inside is None else inside)
        where = numpy.flatnonzero(values)
        tokens, bits = where.tolist(), values[where].tolist()
        sentence_of = a.sentence_of
        whole = spans == [(0, a.n)]
        for i, pattern in enumerate(self._free):
            if pattern.first is None:
                self._match_free(a, pattern, spans, bounds, found, True, inside, span_starts, None)
                continue
            bit = 1 << i
            key = pattern.key
            for start, value in zip(tokens, bits):
                if not value & bit:
                    continue
                hi = a.n if whole else spans[bisect_right(span_starts, start) - 1][1]
                limit = bounds[sentence_of[start] + 1]
                end = pattern.match_at(a, start, limit if limit < hi else hi)
                if end is not None:
                    found.add((key, start, end))

    def _free_values(self, a: TokenArrays):
        """Per token, a bit per free pattern whose first token accepts it (``_free_firsts``' table)."""
        if self._free_table is None or self._free_table_vocab is not a.vocab:
            view = TokenArrays.one_word(a.vocab)
            tests = [(1 << i, p.first) for i, p in enumerate(self._free) if p.first is not None]

            def bits(word: int) -> int:
                view.show(word)
                return sum(bit for bit, first in tests if first(view, 0))

            self._free_table, self._free_table_vocab = WordTable(bits, dtype="uint64"), a.vocab
        return self._free_table.lookup(a.word_ids)

    def _free_firsts(self, a: TokenArrays) -> list:
        """Each free pattern's first-token mask (``CompiledPattern.first_allowed``), from one table for all of
        them (a bit per pattern): one gather a Doc, and one token view per new word, instead of one of each
        per pattern (the context cues' four REGEX-only patterns: ~8% of both components on real pages)."""
        free = self._free
        if len(free) > 64:
            return [_ASK] * len(free)
        values = self._free_values(a)
        return [(values & numpy.uint64(1 << i)) != 0 if p.first is not None else None for i, p in enumerate(free)]

    @staticmethod
    def _match_free(a: TokenArrays, pattern: CompiledPattern, spans, bounds: list[int], found: set,
                    sorted_spans: bool, inside, span_starts: list[int], allowed=None) -> None:
        """A pattern without an anchor word, tried at every token of ``spans`` its first token allows
        (``allowed``: the mask of those tokens, if read already; None: every token).

        Token tests depend on the word only, so the first token's test runs once per word
        (remembered across pages in a WordTable), not once per token. ``sorted_spans``, ``inside``
        (the spans' mask, None for the whole Doc) and ``span_starts`` are read once per call.
        """
        if allowed is _ASK:  # not read already (``_free_firsts``)
            allowed = pattern.first_allowed(a) if pattern.first is not None else None
        if allowed is not None and sorted_spans:
            # the usual case: one mask over the spans instead of a search per span
            if spans != [(0, a.n)]:
                allowed &= a.range_mask(spans) if inside is None else inside
            starts = numpy.flatnonzero(allowed).tolist()
            span_ends = [spans[bisect_right(span_starts, start) - 1][1] for start in starts]
        else:
            starts, span_ends = _starts_in_spans(allowed, spans)
        sentence_of = a.sentence_of
        for start, hi in zip(starts, span_ends):
            limit = bounds[sentence_of[start] + 1]
            end = pattern.match_at(a, start, limit if limit < hi else hi)
            if end is not None:
                found.add((pattern.key, start, end))


def _gate_table(patterns: list[CompiledPattern]) -> tuple[int, list[tuple[int, dict[int, int]]]]:
    """For one anchor word's patterns (bit i: ``patterns[i]``): the bits of those tried at every hit, and per
    offset from the hit, word id -> the bits of the patterns whose first nearby window (one or two tokens
    wide) that word at that offset meets. A pattern none of whose window's words stands there fails
    ``words_nearby``, so leaving it out changes nothing; the others still get the full test."""
    ungated = 0
    offsets: dict[int, dict[int, int]] = {}
    for i, pattern in enumerate(patterns):
        window = pattern.nearby[0] if pattern.nearby else None
        if window is None or window[1] - window[0] > 1:
            ungated |= 1 << i
            continue
        lo, hi, ids = window
        for offset in range(lo, hi + 1):
            table = offsets.setdefault(offset, {})
            for word in ids:
                table[word] = table.get(word, 0) | 1 << i
    return ungated, sorted(offsets.items())


def _need_table(patterns: list[CompiledPattern]) -> tuple[int, int, dict[int, int]]:
    """For one anchor word's patterns (bit i: ``patterns[i]``): the bits of those that need words in the hit's
    sentence, the OR of their rare bits (``CompiledPattern.rare_need``, one of the bits of its ``needs``), and
    rare bit -> the bits of the patterns it is the rare bit of. A sentence without a pattern's rare bit fails
    its ``needs``, so leaving it out changes nothing; the others still get the full test."""
    needy = rare = 0
    groups: dict[int, int] = {}
    for i, pattern in enumerate(patterns):
        if pattern.needs:
            needy |= 1 << i
            rare |= pattern.rare_need
            groups[pattern.rare_need] = groups.get(pattern.rare_need, 0) | 1 << i
    return needy, rare, groups


#: ``_match_free``'s ``allowed`` when the first-token mask is not read yet
_ASK = object()

#: (anchor word, sentence bits) pairs kept by one matcher before it starts again
_MOST_PASSING = 100_000


def _costly_attempt(pattern: list[dict]) -> bool:
    """A match attempt that may try many starts and ends (a ``*`` / ``+`` run, or two optional tokens):
    worth the sentence's word test first. Short fixed patterns fail their first tokens faster than
    the test (measured on the bench pages: the context cues' matcher was 15% slower with it for all)."""
    ops = [token.get("OP") for token in pattern]
    return any(op in ("*", "+") for op in ops) or ops.count("?") >= 2


def _as_words(values: list[int], width: int):
    """Each bit set of ``values`` as ``width`` 64-bit words, lowest first (a numpy row per value): one
    ``to_bytes`` a value, not one Python step a word (a real page brings new combinations, and the
    mentions' matcher has ~600 of them, 7 words wide)."""
    raw = b"".join(bits.to_bytes(8 * width, "little") for bits in values)
    return numpy.frombuffer(raw, dtype="<u8").astype("uint64").reshape(len(values), width)


def _as_words_stepped(values: list[int], width: int):
    """``_as_words`` one word at a time: the reference its test compares with."""
    words = numpy.zeros((len(values), width), dtype="uint64")
    for row, bits in enumerate(values):
        for column in range(width):
            words[row, column] = (bits >> (64 * column)) & 0xFFFF_FFFF_FFFF_FFFF
    return words


def _holds_a_number(like_num, s0: int, s1: int) -> bool:
    """Whether a token of [s0, s1) is number-like: ``like_num[i]`` for each, its cache read inline (a
    LexemeFlag lookup is a Python call a token)."""
    cache, orth = like_num.cache, like_num.arrays.orth
    for i in range(s0, s1):
        value = cache.get(orth[i])
        if value is None:
            value = like_num[i]
        if value:
            return True
    return False


def _sentence_bits(lower: list[int], orth: list[int], s0: int, s1: int, folded_bits: dict[int, int],
                   exact_bits: dict[int, int]) -> int:
    """The bits of the required word sets the tokens [s0, s1) hold."""
    have = 0
    for word in lower[s0:s1]:
        bits = folded_bits.get(word)
        if bits is not None:
            have |= bits
    if exact_bits:
        for word in orth[s0:s1]:
            bits = exact_bits.get(word)
            if bits is not None:
                have |= bits
    return have


def _starts_in_spans(allowed, spans) -> tuple[list[int], list[int]]:
    """Each start token ``allowed`` (a mask, or None for all) inside each span, with that span's end."""
    starts_ok = None if allowed is None else numpy.flatnonzero(allowed)
    starts: list[int] = []
    ends: list[int] = []
    for lo, hi in spans:
        if lo >= hi:
            continue
        if starts_ok is None:
            inside = list(range(lo, hi))
        else:
            inside = starts_ok[numpy.searchsorted(starts_ok, lo):numpy.searchsorted(starts_ok, hi)].tolist()
        starts.extend(inside)
        ends.extend([hi] * len(inside))
    return starts, ends


def _longest_per_start(found: set[Match], keys: set[int]) -> set[Match]:
    """``found`` with, for each of ``keys`` and start, only the longest match (the spellings of one pattern give one)."""
    longest: dict[tuple[int, int], int] = {}
    for key, start, end in found:
        if key in keys and end > longest.get((key, start), -1):
            longest[key, start] = end
    if not longest:
        return found
    return {m for m in found if m[0] not in keys or longest[m[0], m[1]] == m[2]}
