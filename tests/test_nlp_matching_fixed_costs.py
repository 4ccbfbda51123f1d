"""Per-call cuts of the matching layer and the mentions and context components (session 27, docs/extract-cost.md)
against the code they replaced, on the dev set's pages and generated bench pages:

- a hit's patterns that need words in the sentence kept only where the sentence holds their rare word set
  (``_need_groups``), instead of testing each pattern's needs in turn;
- the free (REGEX-only) patterns matched from one read of their first-token table (``_match_free_all``)
  instead of three numpy calls a pattern (``_match_free`` with ``_free_firsts``' masks);
- the context component's sentence ranges and their token bytes read in Python (``sentence_ranges_of``)
  instead of numpy (``sentence_ranges``, ``range_mask``);
- word texts remembered per StringStore (``Texts``), REGEX token tests once per word, ``WordTable.lookup``
  sorting a page's few new words in Python, the number test reading its cache inline.
"""

from __future__ import annotations

import random
import re

import numpy
import pytest

from clinicscan.nlp.matching import TokenArrays, TokenPatternMatcher, WORDS, WordTable, sentence_ranges, \
    sentence_ranges_of
from clinicscan.nlp.matching import arrays as arrays_module
from clinicscan.nlp.matching import matcher as matcher_module
from clinicscan.nlp.matching import predicates as predicates_module
from clinicscan.nlp.matching import words as words_module
from clinicscan.nlp.pipeline import shared_pipeline
from test_nlp_matching_fast_paths import _docs_to, _matchers


@pytest.fixture(scope="module")
def docs():
    return list(_docs_to("clinicscan_mentions"))


def _sentence_have(matcher, a, si):
    bounds = a.starts + [a.n]
    return matcher_module._sentence_bits(a.lower, a.orth, bounds[si], bounds[si + 1], matcher._folded_bits,
                                         matcher._exact_bits)


@pytest.mark.parametrize("name", ["mentions", "context", "offer"])
def test_need_groups_leave_out_only_patterns_whose_needs_fail(name, docs):
    """A pattern that needs words is kept for a hit exactly when its rare bit's group is; every pattern left out
    fails ``needs & have == needs`` in the hit's sentence, and every pattern that passes it is kept."""
    matcher = _matchers()[name]
    checked = dropped = 0
    for doc in docs[:80]:
        matcher(doc)  # builds the tables
        a = TokenArrays.of(doc)
        for hit in matcher._anchor_hits(a, None):
            patterns, _todo, _offsets, needy, rare, groups = matcher._entries[a.lower[hit]]
            assert patterns is matcher._by_anchor[a.lower[hit]]
            have = _sentence_have(matcher, a, a.sentence_of[hit])
            held, kept = rare & have, 0
            while held:
                low = held & -held
                held ^= low
                kept |= groups[low]
            for i, pattern in enumerate(patterns):
                if not pattern.needs:
                    assert not needy >> i & 1
                    continue
                assert needy >> i & 1 and pattern.rare_need & pattern.needs == pattern.rare_need
                passes = pattern.needs & have == pattern.needs
                if kept >> i & 1:
                    checked += 1
                else:
                    dropped += 1
                    assert not passes
    assert name == "offer" or dropped > 100


@pytest.mark.parametrize("ranges_kind", ["whole", "every_other", "first_half"])
def test_free_patterns_all_at_once_equal_one_by_one(ranges_kind, docs):
    """The same matches added to ``found`` in the same order (so the set iterates the same)."""
    matcher = _matchers()["context"]
    assert matcher._free
    total = 0
    for doc in docs:
        a = TokenArrays.of(doc)
        bounds = a.starts + [a.n]
        if ranges_kind == "whole":
            spans = [(0, a.n)]
        elif ranges_kind == "every_other":
            spans = [(bounds[i], bounds[i + 1]) for i in range(0, len(a.starts), 2)]
        else:
            spans = [(0, bounds[len(a.starts) // 2])]
        inside = None if ranges_kind == "whole" else a.range_mask(spans)
        span_starts = [lo for lo, _hi in spans]
        fast: set = set()
        matcher._match_free_all(a, spans, bounds, fast, inside, span_starts)
        reference: set = set()
        for pattern, allowed in zip(matcher._free, matcher._free_firsts(a)):
            matcher._match_free(a, pattern, spans, bounds, reference, True, inside, span_starts, allowed)
        assert list(fast) == list(reference)
        total += len(fast)
    assert total > 20


def test_sentence_ranges_of_equal_the_numpy_ranges_and_mask(docs):
    rng = random.Random(27)
    for doc in docs:
        a = TokenArrays.of(doc)
        for count in (0, 1, 3, 40, a.n):
            positions = sorted(rng.randrange(a.n) for _ in range(count)) if a.n else []
            if count == a.n:
                positions = list(range(a.n))
            got = sentence_ranges_of(a, positions)
            assert got == sentence_ranges(a.starts, a.n, positions)
            inside = bytearray(a.n)
            for lo, hi in got:
                inside[lo:hi] = b"\x01" * (hi - lo)
            assert bytes(inside) == a.range_mask(got).tobytes()


def test_texts_are_the_string_store_and_start_again(docs, monkeypatch):
    strings = shared_pipeline().vocab.strings
    texts = arrays_module.texts_of(strings)
    assert arrays_module.texts_of(strings) is texts and TokenArrays.of(docs[0]).texts is texts
    for doc in docs[:40]:
        a = TokenArrays.of(doc)
        for word in a.lower + a.orth:
            assert texts[word] == strings[word]
        assert [a.text(i) for i in range(a.n)] == [t.text for t in doc]
    with pytest.raises(KeyError):
        texts[12345]  # no such word: the StringStore's KeyError
    monkeypatch.setattr(arrays_module, "_MOST_TEXTS", 3)
    texts.clear()
    a = TokenArrays.of(docs[1])
    for word in a.orth[:10]:
        assert texts[word] == strings[word] and len(texts) <= 3


def test_regex_test_searches_once_per_word(docs, monkeypatch):
    made: list = []
    compile_ = re.compile

    class Counted:
        def __init__(self, pattern):
            self.pattern, self.searched = compile_(pattern), []
            made.append(self)

        def search(self, text):
            self.searched.append(text)
            return self.pattern.search(text)

    monkeypatch.setattr(predicates_module.re, "compile", Counted)
    vocab = shared_pipeline().vocab
    _op, folded = predicates_module.compile_token({"LOWER": {"REGEX": r"^[a-z]{4}$"}}, vocab.strings)
    _op, exact = predicates_module.compile_token({"TEXT": {"REGEX": r"^\d+%?$|^[A-Z]{2,5}$"}}, vocab.strings)
    monkeypatch.undo()
    plain_folded, plain_exact = re.compile(r"^[a-z]{4}$"), re.compile(r"^\d+%?$|^[A-Z]{2,5}$")
    tokens = 0
    for doc in docs[:60]:
        a = TokenArrays.of(doc)
        tokens += a.n
        for i in range(a.n):
            assert folded(a, i) == bool(plain_folded.search(doc[i].lower_))
            assert exact(a, i) == bool(plain_exact.search(doc[i].text))
    assert len(made) == 2
    for counted in made:  # once per word, not once per token
        assert len(counted.searched) == len(set(counted.searched)) and len(counted.searched) < tokens // 2


def test_word_table_sorts_few_new_words_in_python(monkeypatch):
    """A page's few new words are numbered in order without numpy.unique; many still with it; the values and
    the order of ``compute`` calls are the same either way."""
    calls: list[int] = []

    def compute(word: int) -> int:
        calls.append(word)
        return word % 7

    table = WordTable(compute)
    rng = numpy.random.default_rng(27)
    unique = numpy.unique

    def no_unique(*args, **kwargs):
        raise AssertionError("numpy.unique called for a few new words")

    for size in (1, 5, words_module._FEW, words_module._FEW + 1, 500):
        words = rng.integers(0, 1 << 62, size=(size + 1) // 2, dtype="uint64")
        words = numpy.concatenate((words, words))[:size]  # each word twice (some once)
        rng.shuffle(words)
        ids = WORDS.ids(words)
        calls.clear()
        if size <= words_module._FEW:
            monkeypatch.setattr(words_module.numpy, "unique", no_unique)
        values = table.lookup(ids)
        monkeypatch.setattr(words_module.numpy, "unique", unique)
        numbers = sorted(set(ids.tolist()))
        assert calls == [WORDS.words[n] for n in numbers]  # in word number order
        assert values.tolist() == [WORDS.words[n] % 7 for n in ids.tolist()]
        assert table.known[numbers].all()


def test_holds_a_number_equals_testing_each_token(docs):
    for doc in docs[:60]:
        a = TokenArrays.of(doc)
        bounds = a.starts + [a.n]
        for s0, s1 in zip(bounds, bounds[1:]):
            assert matcher_module._holds_a_number(a.like_num, s0, s1) == any(t.like_num for t in doc[s0:s1])


def test_sort_keys_order_as_the_tuple_keys():
    """The mentions' int key and the itemgetter keys order matches (ties included) as the tuple keys did."""
    from clinicscan.nlp.mentions import _START_END as mention_key, Mention

    rng = random.Random(27)
    for _ in range(200):
        n = rng.randrange(1, 60)
        raw = [(rng.randrange(5), s, rng.randrange(s + 1, min(n, s + 6) + 1)) for s in
               (rng.randrange(n) for _ in range(rng.randrange(40)))]
        width = n + 1
        assert sorted(raw, key=lambda m: (m[1] - m[2]) * width + m[1]) == sorted(raw, key=lambda m: (m[1] - m[2], m[1]))
        assert sorted(raw, key=matcher_module._START_END) == sorted(raw, key=lambda m: (m[1], m[2]))
        mentions = [Mention("condition", str(k), str(k), s, e) for k, s, e in raw]
        assert sorted(mentions, key=mention_key) == sorted(mentions, key=lambda m: (m.start, m.end))


def test_gated_search_with_need_groups_on_probes():
    """Patterns sharing an anchor whose needs share and differ in their rare sets."""
    nlp = shared_pipeline()
    matcher = TokenPatternMatcher(nlp.vocab)
    matcher.add("a", [{"LOWER": "patients"}, {"OP": "*"}, {"LOWER": "improved"}])
    matcher.add("b", [{"LOWER": {"IN": ["most", "many"]}}, {"OP": "*"}, {"LOWER": "patients"}, {"OP": "*"},
                      {"LOWER": {"IN": ["improved", "better", "recovered"]}}])
    matcher.add("c", [{"LOWER": "patients"}, {"OP": "?"}, {"OP": "?"}, {"LOWER": "healed"}])
    matcher.add("d", [{"LOWER": "patients"}])
    matcher.add("e", [{"TEXT": {"REGEX": r"^\d+%$"}}, {"LOWER": "of"}, {"OP": "*"}, {"LOWER": "patients"},
                      {"OP": "*"}, {"LOWER": "improved"}])
    for text in ("Most patients improved. Patients healed. 90% of our patients improved a lot.",
                 "patients", "Many patients felt better, and patients recovered.", "improved patients"):
        doc = nlp(text)
        for ranges in (None, [(0, len(doc))]):
            matcher.gated = False
            want = matcher(doc, ranges)
            matcher.gated = True
            assert matcher(doc, ranges) == want, text


def test_lexeme_flags_kept_per_vocab_equal_the_tokens_flags(docs, monkeypatch):
    first, second = TokenArrays.of(docs[0]), TokenArrays.of(docs[1])
    assert first.like_num.cache is second.like_num.cache and first.is_punct.cache is second.is_punct.cache
    assert first.like_num.cache is not first.is_punct.cache
    for doc in docs[:60]:
        a = TokenArrays.of(doc)
        assert [a.like_num[i] for i in range(a.n)] == [t.like_num for t in doc]
        assert [a.is_punct[i] for i in range(a.n)] == [t.is_punct for t in doc]
    monkeypatch.setattr(arrays_module, "_MOST_TEXTS", 5)
    first.is_punct.cache.clear()
    assert [first.is_punct[i] for i in range(first.n)] == [t.is_punct for t in docs[0]]
    assert len(first.is_punct.cache) <= 5
