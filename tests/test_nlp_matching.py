"""The anchored token-pattern matcher agrees with spaCy's Matcher where it matters."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
import spacy
from spacy.matcher import Matcher

from clinicscan.nlp.lexicon import load_lexicon
from clinicscan.nlp.matching import TokenArrays, TokenPatternMatcher, pattern_anchors
from clinicscan.nlp.matching.phrase_variants import token_pattern_spellings

PROBE = ("Our lab is FDA-registered and 100% safe with no known side effects. 85% of our MS patients improve, "
         "9 out of 10 report less pain and 80 percent of patients avoid knee replacement surgery. "
         "It is not a cure, but it can regrow cartilage and restore your knee to full function. "
         "Results are guaranteed or your money back. Approved by the Ministry of Health. "
         "You may not need surgery at all. Dr. Roe, MS, PA-C treats ED and MS.")


@pytest.fixture(scope="module")
def nlp():
    pipeline = spacy.blank("en")
    pipeline.add_pipe("sentencizer")
    return pipeline


def test_matching_anchor_is_the_rarest_required_word():
    pattern = [{"LOWER": {"IN": ["for", "with"]}}, {"ORTH": "ED"}]
    assert pattern_anchors(pattern) == (1, {"ed"})
    assert pattern_anchors([{"OP": "?"}, {"LIKE_NUM": True}]) is None


def test_matching_ops_and_predicates(nlp):
    matcher = TokenPatternMatcher(nlp.vocab)
    matcher.add("avoid", [{"LOWER": "avoid"}, {"OP": "?"}, {"OP": "?"}, {"LOWER": {"IN": ["surgery", "replacement"]}}])
    matcher.add("pct", [{"LIKE_NUM": True}, {"ORTH": "%"}, {"LOWER": "of"}])
    matcher.add("ms", [{"ORTH": "MS"}])
    matcher.add("re", [{"TEXT": {"REGEX": "^[A-Z]{3}$", "NOT_IN": ["IRB"]}}, {"ORTH": "-"}, {"LOWER": "licensed"}])
    matcher.add("star", [{"LOWER": "no"}, {"LOWER": {"IN": ["known", "serious"]}, "OP": "*"}, {"LOWER": "risk"}])
    doc = nlp("Avoid knee replacement. 85% of us. ms and MS. DHA-licensed, IRB-licensed. No known serious risk.")
    found = {(nlp.vocab.strings[k], doc[s:e].text) for k, s, e in matcher(doc)}
    assert found == {("avoid", "Avoid knee replacement"), ("pct", "85% of"), ("ms", "MS"),
                     ("re", "DHA-licensed"), ("star", "No known serious risk")}


def test_matching_stays_within_sentences(nlp):
    matcher = TokenPatternMatcher(nlp.vocab)
    matcher.add("avoid", [{"LOWER": "avoid"}, {"OP": "?"}, {"LOWER": "surgery"}])
    assert matcher(nlp("We avoid. Surgery is rare.")) == []


def test_matching_runs_take_at_most_the_star_limit(nlp):
    pattern = [{"LOWER": "no"}, {"OP": "*"}, {"LOWER": "risk"}]
    doc = nlp("No one two three four five six seven eight nine risk. No one two three four five six seven eight risk.")
    capped, unbounded, spacys = TokenPatternMatcher(nlp.vocab), TokenPatternMatcher(nlp.vocab, star_limit=50), Matcher(nlp.vocab)
    capped.add("x", pattern)
    unbounded.add("x", pattern)
    spacys.add("x", [pattern])
    assert [(s, e) for _k, s, e in capped(doc)] == [(12, 22)]  # the nine-token run is past the cap of 8
    assert [(s, e) for _k, s, e in unbounded(doc)] == [(0, 11), (12, 22)]
    assert {(0, 11), (12, 22)} <= {(s, e) for _k, s, e in spacys(doc)}  # (and (0, 22), across the sentences)


def test_matching_lower_cases_the_words_of_lower_patterns_where_spacy_does_not(nlp):
    ours, spacys = TokenPatternMatcher(nlp.vocab), Matcher(nlp.vocab)
    ours.add("x", [{"LOWER": {"IN": ["Knee"]}}])
    spacys.add("x", [[{"LOWER": {"IN": ["Knee"]}}]])
    doc = nlp("My Knee hurts.")
    assert [(s, e) for _k, s, e in ours(doc)] == [(1, 2)]
    assert spacys(doc) == []


def test_matching_rejects_unsupported_attributes(nlp):
    matcher = TokenPatternMatcher(nlp.vocab)
    with pytest.raises(ValueError, match="unsupported token attribute 'POS'"):
        matcher.add("x", [{"POS": "NOUN"}])
    with pytest.raises(ValueError, match="OP must be one of"):
        matcher.add("x", [{"LOWER": "a", "OP": "{2}"}])


def test_matching_agrees_with_spacy_matcher_on_the_lexicon(nlp):
    ours, spacys = TokenPatternMatcher(nlp.vocab), Matcher(nlp.vocab)
    for i, pattern in enumerate(p for p in load_lexicon().patterns if not p.is_phrase):
        ours.add(f"{pattern.detail_id}|{i}", pattern.pattern)
        spacys.add(f"{pattern.detail_id}|{i}", token_pattern_spellings(pattern.pattern))
    doc = nlp(PROBE)
    sentence_of = {t.i: t.sent.start for t in doc}
    theirs = {(k, s, e) for k, s, e in spacys(doc) if sentence_of[s] == sentence_of[e - 1]}
    mine = set(ours(doc))
    assert mine <= theirs  # every match we report, spaCy reports too
    assert {(k, s) for k, s, _ in theirs} == {(k, s) for k, s, _ in mine}  # and we miss no start
    assert len(mine) > 10


def _bench_module():
    """bench/matcher.py: the benchmark's pattern and Doc lists are the ones compared here."""
    path = Path(__file__).resolve().parent.parent / "bench" / "matcher.py"
    spec = importlib.util.spec_from_file_location("bench_matcher", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _has_run(pattern: list[dict]) -> bool:
    return any(token.get("OP") in ("*", "+") for token in pattern)


def test_matching_agrees_with_spacy_matcher_on_the_dev_set_modulo_the_documented_differences():
    """Every token pattern of the pipeline on every dev-set page: ours reports, for each start,
    the longest of spaCy's matches inside one sentence, and nothing else; the 8-token cap on
    ``*`` / ``+`` changes only matches of patterns that have one."""
    bench = _bench_module()
    patterns = bench.token_patterns()
    docs = bench.devset_docs()
    vocab = docs[0].vocab
    ours, unbounded, spacys = TokenPatternMatcher(vocab), TokenPatternMatcher(vocab, star_limit=10_000), Matcher(vocab)
    with_run = set()
    for key, pattern in patterns:
        ours.add(key, pattern)
        unbounded.add(key, pattern)
        spacys.add(key, token_pattern_spellings(pattern))
        if _has_run(pattern):
            with_run.add(vocab.strings.add(key))
    assert len(patterns) > 150 and len(docs) > 150
    compared = capped = 0
    for doc in docs:
        sentence_of = TokenArrays.of(doc).sentence_of
        longest: dict[tuple[int, int], int] = {}
        for key, start, end in spacys(doc):
            if sentence_of[start] == sentence_of[end - 1]:
                longest[key, start] = max(end, longest.get((key, start), end))
        expected = {(key, start, end) for (key, start), end in longest.items()}
        assert set(unbounded(doc)) == expected, doc.text[:80]
        mine = set(ours(doc))
        for key, start, end in mine ^ expected:
            assert key in with_run, (vocab.strings[key], doc[start:end].text)
        capped += len(mine ^ expected)
        compared += len(expected)
    assert compared > 1000
    assert capped < compared / 100  # the cap is rarely reached
