"""Fast paths of the mentions and context components (session 26, docs/extract-cost.md) against their references.

Each must give what the code it replaced gave, on the dev set's pages, on generated bench pages and on
probes that could tell them apart:

- the token matcher's gated search (a hit's patterns chosen by the word at their first nearby window, one
  lookup per offset) against testing each pattern in turn, for the three shipped matchers, over whole Docs
  and over sentence ranges: the same matches in the same order;
- the sentence word bits as 64-bit words: one ``to_bytes`` a value, converted only for new values, against
  the word-by-word conversion of every value;
- the context component's line heads, read once per Doc, against the walk back from each sentence;
- the lower-case words of a question and its answer read from the LOWER column against ``text.lower()``.
"""

from __future__ import annotations

import random
import sys
from functools import lru_cache
from pathlib import Path

import numpy
import pytest

from clinicscan.nlp.analyse import page_text
from clinicscan.nlp.components import context as context_module
from clinicscan.nlp.matching import TokenArrays, TokenPatternMatcher, matcher as matcher_module
from clinicscan.nlp.pipeline import shared_pipeline
from devset_texts import devset_texts

ROOT = Path(__file__).resolve().parents[1]


@lru_cache(maxsize=1)
def texts() -> tuple[str, ...]:
    """The dev set's pages and a few generated bench pages (varied text, 5 KB and 25 KB)."""
    found = list(devset_texts())
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import extract as bench_extract
    finally:
        sys.path.remove(str(ROOT / "bench"))
    rng = random.Random(26)
    found += [page_text(bench_extract.make_varied_page(rng, i, 5000 if i % 2 else 25_000)).text for i in range(6)]
    return tuple(found)


def _docs_to(component_name: str):
    """Each text's Doc as the named component receives it."""
    nlp = shared_pipeline()
    for text in texts():
        doc = nlp.make_doc(text)
        doc.user_data["clinicscan_text"] = text
        for name, component in nlp.pipeline:
            if name == component_name:
                break
            doc = component(doc)
        yield doc


def _matchers() -> dict[str, TokenPatternMatcher]:
    pipeline = dict(shared_pipeline().pipeline)
    return {"mentions": pipeline["clinicscan_mentions"]._finder.tokens,
            "context": pipeline["clinicscan_context"]._tokens,
            "offer": pipeline["clinicscan_offer"]._tokens}


def _run(matcher: TokenPatternMatcher, doc, ranges, gated: bool):
    matcher.gated = gated
    try:
        return matcher(doc, ranges)
    finally:
        matcher.gated = True


@pytest.mark.parametrize("name", ["mentions", "context", "offer"])
def test_gated_search_equals_testing_each_pattern(name):
    matcher = _matchers()[name]
    assert matcher.gated
    total = 0
    for doc in _docs_to("clinicscan_mentions"):
        a = TokenArrays.of(doc)
        bounds = a.starts + [a.n]
        every_other = [(bounds[i], bounds[i + 1]) for i in range(0, len(a.starts), 2)]
        for ranges in (None, every_other):
            fast = _run(matcher, doc, ranges, True)
            assert fast == _run(matcher, doc, ranges, False)  # the same matches, equal spans in the same order
            total += len(fast)
    assert total > 300


def test_gate_tables_leave_out_only_patterns_whose_window_fails():
    """Every pattern left out of a hit by the gate fails ``words_nearby`` there."""
    matcher = _matchers()["mentions"]
    for doc in list(_docs_to("clinicscan_mentions"))[:40]:
        matcher(doc)  # builds the gates
        a = TokenArrays.of(doc)
        bounds = a.starts + [a.n]
        for hit in matcher._anchor_hits(a, None):
            si = a.sentence_of[hit]
            s0, s1 = bounds[si], bounds[si + 1]
            patterns = matcher._by_anchor[a.lower[hit]]
            todo, offsets = matcher._gates[a.lower[hit]]
            for lo, table in offsets:
                if s0 <= hit + lo < s1:
                    todo |= table.get(a.lower[hit + lo], 0)
            for i, pattern in enumerate(patterns):
                if not todo >> i & 1:
                    assert pattern.nearby and not matcher_module.words_nearby(a.lower, pattern.nearby, hit, s0, s1)


def test_gated_search_on_probes():
    """Windows at both ends of a sentence, two-token windows and patterns sharing an anchor."""
    nlp = shared_pipeline()
    matcher = TokenPatternMatcher(nlp.vocab)
    matcher.add("a", [{"LOWER": "no"}, {"LOWER": "side"}, {"LOWER": "effects"}])
    matcher.add("b", [{"LOWER": "no"}, {"OP": "?"}, {"LOWER": "risk"}])
    matcher.add("c", [{"LOWER": {"IN": ["very", "quite"]}}, {"LOWER": "no"}])
    matcher.add("d", [{"LOWER": "no"}, {"OP": "*"}, {"LOWER": "pain"}])
    matcher.add("e", [{"LOWER": "no"}])
    for text in ("No side effects. No risk. No real risk. Very no. Quite no pain at all, no.",
                 "side effects no", "no", "No. Risk no risk.", "NO SIDE EFFECTS, no big risk and no pain."):
        doc = nlp(text)
        assert _run(matcher, doc, None, True) == _run(matcher, doc, None, False), text


@pytest.mark.parametrize("width", [1, 2, 7])
def test_bit_words_equal_the_word_by_word_conversion(width):
    rng = random.Random(width)
    values = [0, 1, (1 << (64 * width)) - 1] + [rng.getrandbits(64 * width) for _ in range(200)]
    assert numpy.array_equal(matcher_module._as_words(values, width), matcher_module._as_words_stepped(values, width))
    assert matcher_module._as_words(values, width).dtype == numpy.uint64


def test_bit_words_grown_page_by_page_equal_all_converted_at_once():
    """A fresh matcher with the shipped mention patterns, fed the pages one by one."""
    from clinicscan.nlp.lexicon import load_lexicon

    matcher = TokenPatternMatcher(shared_pipeline().vocab)
    for pat in load_lexicon().patterns:
        if not pat.is_phrase:
            matcher.add(f"{pat.kind}|{pat.detail_id}", pat.pattern)
    grew, width = 0, (len(matcher._set_bit) + 63) // 64
    for doc in _docs_to("clinicscan_mentions"):
        before = len(getattr(matcher, "_bit_words", ()))
        matcher(doc)
        words = getattr(matcher, "_bit_words", numpy.zeros((0, width), dtype="uint64"))
        grew += len(words) > before > 0
        assert numpy.array_equal(words, matcher_module._as_words_stepped(matcher._bit_values[:len(words)], width))
    assert grew > 1  # the words were converted in several steps


def test_line_heads_equal_the_walk_back():
    docs = list(_docs_to("clinicscan_context"))
    nlp = shared_pipeline()
    docs.append(nlp("One. " * 40 + "\n" + "Two. " * 5 + "\n• Three. Four.\n"))  # a long line without breaks
    checked = 0
    for doc in docs:
        a = TokenArrays.of(doc)
        heads = context_module._line_heads(a)
        assert heads == [context_module._line_head(a, si) for si in range(len(a.starts))]
        checked += len(heads)
    assert checked > 5000


def test_lower_column_is_the_lower_case_text():
    """``_answer`` reads the words of a question and its answer from the LOWER column."""
    for doc in _docs_to("clinicscan_context"):
        a = TokenArrays.of(doc)
        assert [a.strings[w] for w in a.lower] == [a.text(i).lower() for i in range(a.n)]


def test_lead_in_positions_once_per_sentence_equal_once_per_mention():
    component = dict(shared_pipeline().pipeline)["clinicscan_context"]
    found = 0
    for doc in _docs_to("clinicscan_context"):
        a = TokenArrays.of(doc)
        mentions = doc._.clinicscan_mentions or []
        reference = []
        for m in mentions:
            si = a.sentence_of[m.start]
            if a.orth[a.starts[context_module._line_head(a, si)]] == component._bullet:
                j = component._intro_line(a, si)
                if j >= 0:
                    reference.append(a.starts[j])
        assert set(component._lead_in_positions(a, mentions)) == set(reference)
        found += len(reference)
    assert found > 50


@pytest.mark.parametrize("dtype", ["bool", "uint8", "uint32", "uint64"])
def test_word_table_stores_new_values_as_one_by_one(dtype):
    """``WordTable.lookup`` stores a page's new words' values in one scatter; ``lookup_stepped`` one at a time."""
    from clinicscan.nlp.matching import WORDS, WordTable

    class SteppedWordTable(WordTable):
        """The reference: ``lookup`` as it was before session 26, storing each new word's value on its own."""

        def lookup_stepped(self, ids):
            if self.generation != WORDS.generation:
                self.values, self.known, self.generation = self.values[:0], self.known[:0], WORDS.generation
            count = len(WORDS.words)
            if self.values.size < count:
                self._grow(max(count, 2 * self.values.size, 1024))
            todo = ~self.known[ids]
            if todo.any():
                words = WORDS.words
                for number in numpy.unique(ids[todo]).tolist():
                    self.values[number] = self.compute(words[number])
                    self.known[number] = True
            return self.values[ids]

    def compute(word: int) -> int:
        return {"bool": word % 3 == 0, "uint8": word % 251, "uint32": word % 4_000_000_007 % (1 << 32),
                "uint64": word}[dtype]

    fast, stepped = WordTable(compute, dtype=dtype), SteppedWordTable(compute, dtype=dtype)
    rng = numpy.random.default_rng(7)
    for size in (0, 1, 50, 400, 3000):
        words = rng.integers(0, 1 << 63, size=size, dtype="uint64") * numpy.uint64(2) + numpy.uint64(rng.integers(2))
        words = numpy.concatenate((words, words[: size // 2]))  # words met again on the same page
        ids = WORDS.ids(words)
        got, want = fast.lookup(ids), stepped.lookup_stepped(ids)
        assert got.dtype == want.dtype and numpy.array_equal(got, want)
        assert numpy.array_equal(fast.known[: len(stepped.known)], stepped.known[: len(fast.known)])


def test_free_patterns_first_masks_equal_each_patterns_own_table():
    matcher = _matchers()["context"]
    assert len(matcher._free) >= 2
    for doc in list(_docs_to("clinicscan_mentions"))[:60]:
        a = TokenArrays.of(doc)
        for pattern, mask in zip(matcher._free, matcher._free_firsts(a)):
            assert numpy.array_equal(mask, pattern.first_allowed(a))
