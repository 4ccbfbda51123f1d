"""Fast paths of the extract stage (session 25, docs/extract-cost.md) against their reference readings.

Each fast path must give what the slower code it replaced gave, on the dev set's pages and on
the strings that could tell them apart:

- the claim model's sentence cue groups: one scan for the union of the groups, then each group
  tried only where the union matched, against seven whole-sentence searches;
- the international address reader's digit test: a regex for decimal digits, then the
  character loop only for text outside ASCII, against ``any(ch.isdigit() for ch in text)``;
- the fragments' opener words: a per-word table gathered by word number, against
  ``numpy.isin`` over the page's lower-case ids.
"""

from __future__ import annotations

from functools import lru_cache

import numpy
import pytest

from clinicscan.nlp import claim_model
from clinicscan.nlp.analyse import analyse_page
from clinicscan.nlp.contacts.intl_addresses import has_digit
from clinicscan.nlp.fragments import load_fragments
from clinicscan.nlp.matching import TokenArrays
from clinicscan.nlp.pipeline import shared_pipeline
from clinicscan.paths import lexicon_dir
from devset_texts import DEVSET_PAGES, devset_texts



@lru_cache(maxsize=1)
def devset_sentences() -> tuple[str, ...]:
    """Every claim's sentence on the dev set pages, and every line of their text."""
    sentences: set[str] = set()
    for path in sorted(DEVSET_PAGES.iterdir()):
        content = path.read_text(encoding="utf-8", errors="replace")
        analysis = analyse_page(content, is_html=path.suffix in (".html", ".htm"))
        sentences.update(c.sentence for c in analysis.claims)
        sentences.update(line for line in analysis.text.split("\n") if line.strip())
    return tuple(sorted(sentences))


# ------------------------------------------------------------------ the claim model's cue groups

#: strings where a one-pass reading could go wrong: words inside words (the \b before a position),
#: groups at the very start and end, several groups at one place, case and non-ASCII letters
CUE_PROBES = [
    "", "we", "We treat knees.", "retreatment", "pretreat the site", "untreated", "treat", "Treatments",
    "the study", "studied", "a case study of their clinic", "They say", "theyre", "our_treat", "x-treat",
    "Our therapy repairs tissue", "caused by", "because", "signs", "designs", "et al", "beta al", "vs", "vsx",
    "stem cells are", "stem cell can", "stem cellsare", "the body", "thebody", "İnject", "ınject", "ſtudy",
    "ours!", "ÜBER our", "doi:10.1/x", "data-driven", "compared with PRP", "rather than surgery",
    "companies and competitors", "sources of cells", "type of cell", "kinds of cells", "come from fat",
    "naturally occurring", "can become bone", "differentiate", "lead to", "leads to", "results in", "resulting from",
    "characterised", "characterized", "due to", "such as", "million people", "I'm", "i've", "we're",
]


def test_sentence_cues_equal_the_seven_searches_on_the_dev_set():
    sentences = devset_sentences()
    assert len(sentences) > 2000
    found_groups = set()
    for sentence in sentences:
        fast = claim_model._sentence_cues.__wrapped__(sentence)
        assert fast == claim_model._sentence_cues_searched(sentence), sentence
        found_groups.update(fast)
    assert found_groups == set(claim_model._CUES)  # every group is met, so each is compared


@pytest.mark.parametrize("sentence", CUE_PROBES)
def test_sentence_cues_equal_the_seven_searches_on_probes(sentence):
    assert claim_model._sentence_cues.__wrapped__(sentence) == claim_model._sentence_cues_searched(sentence)


def test_sentence_cues_scan_once_and_try_groups_only_where_the_union_matched():
    """One scan of the union: a sentence without any cue word is not searched group by group."""
    calls = []

    class Counting:
        def __init__(self, pattern):
            self.pattern = pattern

        def search(self, *args):
            calls.append("search")
            return self.pattern.search(*args)

        def match(self, *args):
            calls.append("match")
            return self.pattern.match(*args)

    saved = claim_model._CUE_RES
    claim_model._CUE_RES = {name: Counting(p) for name, p in saved.items()}
    try:
        assert claim_model._sentence_cues.__wrapped__("Knees, hips and shoulders.") == ()
        assert calls == []
        assert claim_model._sentence_cues.__wrapped__("We inject knees.") == ("own", "treat")
        assert "search" not in calls
    finally:
        claim_model._CUE_RES = saved


def test_a_cue_branch_that_does_not_open_with_a_lone_letter_is_refused(monkeypatch):
    monkeypatch.setitem(claim_model._CUES, "odd", r"\b(?:a?bc|def)\b")
    with pytest.raises(ValueError, match="a cue branch"):
        claim_model._any_cue_regex()


# ------------------------------------------------------------------ the address reader's digit test

DIGIT_PROBES = ["", "no digits here", "Suite 4", "x" * 5000 + "7", "caf\u00e9 au lait", "caf\u00e9 \u00b2",
                "\u2460 first", "\u0663 Arabic-Indic three", "\uff13 fullwidth", "\u00b9\u00b2\u00b3", "\u2070",
                "\u00bd half", "\u2155 fifth", "MMXXIV \u216b", "\U0001d7ce math bold zero", "tab\tand\nline"]


@pytest.mark.parametrize("text", DIGIT_PROBES)
def test_has_digit_is_str_isdigit_on_any_character(text):
    assert has_digit(text) is any(ch.isdigit() for ch in text)


def test_has_digit_on_the_dev_set_texts_and_their_lines():
    texts = devset_texts()
    for text in texts:
        assert has_digit(text) is any(ch.isdigit() for ch in text)
        for line in text.split("\n"):
            assert has_digit(line) is any(ch.isdigit() for ch in line)


# ------------------------------------------------------------------ the fragments' opener words

def _reference_hits(fragments, arrays: TokenArrays) -> list[int]:
    """The opener tokens as ``Fragments.find`` read them before: ``numpy.isin`` over lower-case ids."""
    strings = arrays.strings
    openers = [strings[w] for w in fragments.openers if w in strings]
    if not openers:
        return []
    return numpy.flatnonzero(numpy.isin(arrays.lower_np, openers)).tolist()


def test_fragment_openers_from_the_word_table_equal_isin_on_the_dev_set():
    fragments = load_fragments(lexicon_dir())
    assert fragments is not None and fragments.openers
    nlp = shared_pipeline()
    seen_hits = 0
    for text in devset_texts():
        arrays = TokenArrays.of(nlp.get_pipe("clinicscan_blocks")(nlp.make_doc(text)))
        expected = _reference_hits(fragments, arrays)
        assert fragments.opener_tokens(arrays) == expected
        seen_hits += len(expected)
    assert seen_hits > 20


def test_fragment_openers_are_read_case_blind_and_as_whole_words():
    fragments = load_fragments(lexicon_dir())
    opener = sorted(fragments.openers)[0]
    nlp = shared_pipeline()
    text = f"{opener.upper()} injections\nun{opener} care\n{opener.title()} and calm"
    arrays = TokenArrays.of(nlp.get_pipe("clinicscan_blocks")(nlp.make_doc(text)))
    hits = fragments.opener_tokens(arrays)
    assert hits == _reference_hits(fragments, arrays)
    assert [arrays.strings[arrays.lower[i]] for i in hits] == [opener, opener]
