"""The anchored token-pattern matcher agrees with spaCy's Matcher where it matters."""

from __future__ import annotations

import pytest
import spacy
from spacy.matcher import Matcher

from clinicscan.nlp.lexicon import load_lexicon
from clinicscan.nlp.matching import TokenPatternMatcher, pattern_anchors

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
        spacys.add(f"{pattern.detail_id}|{i}", [pattern.pattern])
    doc = nlp(PROBE)
    sentence_of = {t.i: t.sent.start for t in doc}
    theirs = {(k, s, e) for k, s, e in spacys(doc) if sentence_of[s] == sentence_of[e - 1]}
    mine = set(ours(doc))
    assert mine <= theirs  # every match we report, spaCy reports too
    assert {(k, s) for k, s, _ in theirs} == {(k, s) for k, s, _ in mine}  # and we miss no start
    assert len(mine) > 10
