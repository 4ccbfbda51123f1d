"""The token matcher's cheap rejections (issue 8 item 6: the extract stage's speed) never change a match."""

from __future__ import annotations

import pytest
import spacy

from clinicscan.nlp.matching import TokenPatternMatcher
from clinicscan.nlp.matching.anchors import sentence_words
from clinicscan.nlp.matching.pattern import CompiledPattern


@pytest.fixture(scope="module")
def nlp():
    pipeline = spacy.blank("en")
    pipeline.add_pipe("sentencizer")
    return pipeline


RATE = [{"LIKE_NUM": True}, {"ORTH": "%"}, {"LOWER": "of"}, {"OP": "?"}, {"OP": "?"}, {"LOWER": {"IN": ["patients", "people"]}},
        {"OP": "*", "LOWER": {"NOT_IN": ["not"]}}, {"LOWER": {"IN": ["improve", "improved"]}, "OP": "+"}]


def test_sentence_words_are_the_required_word_tests_but_the_anchor(nlp):
    strings = nlp.vocab.strings
    folded, exact = sentence_words(RATE, 1, strings)
    assert {frozenset(strings[i] for i in ids) for ids in folded} == {
        frozenset({"of"}), frozenset({"patients", "people"}), frozenset({"improve", "improved"})}
    assert exact == ()  # the anchor ("%") is not asked again; optional and NOT_IN tokens are never required
    folded, exact = sentence_words([{"LOWER": "no"}, {"ORTH": "FDA"}, {"TEXT": {"IN": ["Approved", "approved"]}}], 0, strings)
    assert [len(ids) for ids in exact] == [1, 2] and folded == ()


def test_a_sentence_without_a_required_word_gets_no_match_attempt(nlp, monkeypatch):
    matcher = TokenPatternMatcher(nlp.vocab)
    matcher.add("rate", RATE)
    attempts = []
    around = CompiledPattern.matches_around

    def counted(self, a, hit, s0, s1, found):
        attempts.append(hit)
        around(self, a, hit, s0, s1, found)

    monkeypatch.setattr(CompiledPattern, "matches_around", counted)
    doc = nlp("About 85% of people we see are over fifty. In one trial 85% of patients improved.")
    found = [doc[s:e].text for _k, s, e in matcher(doc)]
    assert found == ["85% of patients improved"]
    assert len(attempts) == 1  # the first sentence's "%" lacks "improve(d)": rejected before any attempt


def test_only_patterns_with_a_run_or_two_optional_tokens_get_the_sentence_test(nlp):
    matcher = TokenPatternMatcher(nlp.vocab)
    matcher.add("short", [{"LOWER": "no"}, {"LOWER": "known"}, {"LOWER": "risk"}])
    matcher.add("run", [{"LOWER": "no"}, {"OP": "*"}, {"LOWER": "risk"}])
    needs = {nlp.vocab.strings[p.key]: p.needs for ps in matcher._by_anchor.values() for p in ps}
    assert needs["short"] == 0 and needs["run"] != 0
    doc = nlp("No known risk. No serious known risk.")
    assert [doc[s:e].text for _k, s, e in matcher(doc)] == ["No known risk", "No known risk", "No serious known risk"]


def test_the_whole_doc_word_bits_and_the_sentence_by_sentence_ones_find_the_same_matches(nlp, monkeypatch):
    from clinicscan.nlp.lexicon import load_lexicon

    calls = []
    doc_bits = TokenPatternMatcher._doc_sentence_bits
    monkeypatch.setattr(TokenPatternMatcher, "_doc_sentence_bits", lambda self, a: calls.append(1) or doc_bits(self, a))

    matcher = TokenPatternMatcher(nlp.vocab)
    for i, pattern in enumerate(p for p in load_lexicon().patterns if not p.is_phrase):
        matcher.add(f"{pattern.detail_id}|{i}", pattern.pattern)
    doc = nlp("85% of our patients improve. Most patients report less pain. 9 out of 10 patients improved. "
              "Patients avoid surgery. Our patients love it. 80 percent of people feel better. " * 3)
    whole = matcher(doc)  # more anchor hits than sentences: the Doc's word bits at once
    by_sentence = matcher(doc, [(0, len(doc))])  # a range: sentence by sentence
    assert whole == by_sentence and len(whole) >= 12
    assert calls == [1]  # the whole-Doc reading ran once, for the first call only


def test_a_sentence_without_a_number_gets_no_attempt_of_a_pattern_that_needs_one(nlp, monkeypatch):
    matcher = TokenPatternMatcher(nlp.vocab)
    matcher.add("rate", [{"LIKE_NUM": True}, {"LOWER": "of"}, {"OP": "?"}, {"OP": "?"}, {"LOWER": "patients"},
                         {"OP": "*"}, {"LOWER": "improved"}])
    attempts = []
    around = CompiledPattern.matches_around
    monkeypatch.setattr(CompiledPattern, "matches_around",
                        lambda self, a, hit, s0, s1, found: attempts.append(hit) or around(self, a, hit, s0, s1, found))
    doc = nlp("Most of our patients improved. Nine of our patients improved.")
    assert [doc[s:e].text for _k, s, e in matcher(doc)] == ["Nine of our patients improved"]
    assert len(attempts) == 1  # the first sentence has every word but no number


@pytest.mark.parametrize("gated", [True, False])
def test_the_patterns_a_sentence_allows_are_chosen_again_after_a_new_pattern(nlp, gated):
    """The tables that choose a hit's patterns are emptied by ``add``: the anchor words' gates (session 26) and,
    in the reference search, the (anchor word, sentence bits) -> allowed patterns table (session 23); a pattern
    added after a call is tried at the next one."""
    matcher = TokenPatternMatcher(nlp.vocab)
    matcher.gated = gated
    matcher.add("rate", RATE)
    doc = nlp("In one trial 85% of patients improved. Then 85% of patients felt better.")
    assert [doc[s:e].text for _k, s, e in matcher(doc)] == ["85% of patients improved"]
    assert (matcher._gates if gated else matcher._passing)  # the table was filled for the "%" hits
    matcher.add("better", [{"LIKE_NUM": True}, {"ORTH": "%"}, {"OP": "*"}, {"LOWER": "felt"}, {"LOWER": "better"}])
    found = [(nlp.vocab.strings[k], doc[s:e].text) for k, s, e in matcher(doc)]
    assert ("better", "85% of patients felt better") in found and ("rate", "85% of patients improved") in found


def test_the_whole_doc_sentence_bits_are_the_sentence_by_sentence_bits(nlp):
    """Over a whole Doc the sentences' word bits come from one OR per sentence of 64-bit words (more than 64
    word sets here); they equal the bits read sentence by sentence."""
    from clinicscan.nlp.matching import TokenArrays
    from clinicscan.nlp.matching.matcher import _sentence_bits

    matcher = TokenPatternMatcher(nlp.vocab)
    words = [f"word{i}" for i in range(90)]
    for i, word in enumerate(words):
        matcher.add(f"p{i}", [{"LOWER": "start"}, {"OP": "*"}, {"LOWER": word}])
    assert len(matcher._set_bit) > 64
    doc = nlp(" ".join(["Start"] + words[::3]) + ". Nothing here. " + " ".join(["start", "WORD89", "word64"]) + ".")
    a = TokenArrays.of(doc)
    matcher(doc)
    bits = matcher._doc_sentence_bits(a)
    bounds = a.starts + [a.n]
    expected = {si: _sentence_bits(a.lower, a.orth, bounds[si], bounds[si + 1], matcher._folded_bits, matcher._exact_bits)
                for si in range(len(a.starts))}
    assert bits == {si: b for si, b in expected.items() if b}
    assert bits[len(a.starts) - 1] >> 64  # a bit past the first 64-bit word survives
