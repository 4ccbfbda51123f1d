"""The token matcher's remembered sentences (issue 8 item 6, issue 9) give the matches a full search gives.

``TokenPatternMatcher(remember=True)`` (the default) keeps each sentence's anchored matches under its
words and reads them back when the sentence comes again. These tests hold the three matchers of the
shipped pipeline (mentions, context cues, offer cues) to the same lists, in the same order, as a
search of every sentence, on the dev set's pages and on generated pages whose menus and sentences
repeat: the first time a sentence is met, again on the same page, again on a later page, and with
search ranges that cut sentences in two.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from clinicscan.nlp.analyse import page_text
from clinicscan.nlp.matching import TokenArrays, TokenPatternMatcher, sentence_ranges
from clinicscan.nlp.matching.pattern import CompiledPattern
from clinicscan.nlp.pipeline import shared_pipeline

ROOT = Path(__file__).resolve().parents[1]
DEV_PAGES = sorted((ROOT / "data" / "devset" / "pages").glob("*.html"))

# our own wording: a small clinic site whose menu, footer and calls to action repeat on every page
MENU = "<nav><ul><li>Knee pain</li><li>Stem cell therapy</li><li>PRP injections</li><li>Contact</li></ul></nav>"
FOOTER = ("<footer><p>Call today to find out if you are a candidate for stem cell therapy. "
          "Results vary and 90% of patients report less pain.</p></footer>")
LINES = ["We treat arthritis, COPD and neuropathy with umbilical cord stem cells.",
         "We do not treat cancer, and our injections are not FDA approved.",
         "Studies suggest that exosomes may help with long COVID.",
         "Do you treat autism? No.",
         "Our doctors have seen 85% of people improve after one session.",
         "Some clinics claim to cure Parkinson's disease with stem cells, but the evidence does not support that.",
         "Conditions we do not treat:", "• multiple sclerosis", "• ALS",
         "Avoid knee replacement surgery with a minimally invasive injection of bone marrow concentrate (BMAC)."]


def site_pages(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    pages = []
    for _ in range(count):
        body = "".join(f"<p>{' '.join(rng.sample(LINES, rng.randint(1, 3)))}</p>" for _ in range(rng.randint(3, 8)))
        pages.append(f"<html><head><title>Clinic</title></head><body>{MENU}<main>{body}</main>{FOOTER}</body></html>")
    return pages


@pytest.fixture(scope="module")
def nlp():
    return shared_pipeline()


@pytest.fixture(scope="module")
def docs(nlp):
    """The fixture pages as Docs with their sentences (the blocks component), twice in a row for the site pages."""
    texts = [path.read_text(encoding="utf-8", errors="replace") for path in DEV_PAGES] + site_pages(40, 3)
    made = []
    for html in texts:
        page = page_text(html)
        doc = nlp.make_doc(page.text)
        doc.user_data["clinicscan_text"] = page.text
        made.append(nlp.get_pipe("clinicscan_blocks")(doc))
    return made


def matchers(nlp) -> dict[str, TokenPatternMatcher]:
    return {"mentions": nlp.get_pipe("clinicscan_mentions")._finder.tokens,
            "context": nlp.get_pipe("clinicscan_context")._tokens,
            "offer": nlp.get_pipe("clinicscan_offer")._tokens}


def searched(matcher: TokenPatternMatcher, doc, ranges=None):
    """The full search's matches (nothing read back)."""
    matcher.remember = False
    try:
        return matcher(doc, ranges)
    finally:
        matcher.remember = True


def test_the_shipped_matchers_remember(nlp):
    assert all(m.remember for m in matchers(nlp).values())
    assert TokenPatternMatcher(nlp.vocab).remember


@pytest.mark.parametrize("name", ["mentions", "context", "offer"])
def test_remembered_matches_equal_the_full_search_on_every_page(nlp, docs, name):
    matcher = matchers(nlp)[name]
    matcher._memo.clear()
    expected = [searched(matcher, doc) for doc in docs]
    first = [matcher(doc) for doc in docs]  # sentences met for the first time, or again on the same page
    again = [matcher(doc) for doc in docs]  # every sentence read back
    assert first == expected
    assert again == expected
    assert sum(map(len, expected)) > 100  # the pages hold matches for every matcher


@pytest.mark.parametrize("name", ["mentions", "context"])
def test_ranges_that_cut_sentences_take_only_their_hits(nlp, docs, name):
    """The context cues are searched in sentence ranges; a range may also cut a remembered sentence in two."""
    matcher, rng = matchers(nlp)[name], random.Random(5)
    matcher._memo.clear()
    for doc in docs:
        arrays = TokenArrays.of(doc)
        if arrays.n < 20:
            continue
        positions = sorted(rng.sample(range(arrays.n), 5))
        aligned = sentence_ranges(arrays.starts, arrays.n, positions)
        cuts = sorted(rng.sample(range(1, arrays.n), 6))
        cut = [(cuts[i], cuts[i + 1]) for i in range(0, 6, 2) if cuts[i] < cuts[i + 1]]
        for ranges in (aligned, cut, aligned):
            assert matcher(doc, ranges) == searched(matcher, doc, ranges)


def test_a_sentence_seen_before_is_not_searched_again(nlp, monkeypatch):
    matcher = matchers(nlp)["mentions"]
    matcher._memo.clear()
    attempts = []
    around = CompiledPattern.matches_around

    def counted(self, a, hit, s0, s1, found):
        attempts.append(hit)
        around(self, a, hit, s0, s1, found)

    monkeypatch.setattr(CompiledPattern, "matches_around", counted)
    page = site_pages(1, 9)[0]
    texts = [page_text(page).text, page_text(page.replace("<main>", "<main><p>A new first line.</p>")).text]
    found = []
    for text in texts:
        doc = nlp.get_pipe("clinicscan_blocks")(nlp.make_doc(text))
        found.append(matcher(doc))
    tried = len(attempts)
    doc = nlp.get_pipe("clinicscan_blocks")(nlp.make_doc(texts[0]))
    assert matcher(doc) == found[0]
    assert tried > 0 and len(attempts) == tried  # the same page again: every sentence read back


def test_adding_a_pattern_forgets_the_remembered_sentences(nlp):
    matcher = TokenPatternMatcher(nlp.vocab)
    matcher.add("knee", [{"LOWER": "knee"}, {"LOWER": "pain"}])
    doc = nlp.get_pipe("clinicscan_blocks")(nlp.make_doc("Knee pain and hip pain.\nKnee pain again."))
    assert [(s, e) for _k, s, e in matcher(doc)] == [(0, 2), (7, 9)]
    matcher.add("hip", [{"LOWER": "hip"}, {"LOWER": "pain"}])
    assert [(s, e) for _k, s, e in matcher(doc)] == [(0, 2), (3, 5), (7, 9)]


def test_sentences_that_differ_in_one_word_are_told_apart(nlp):
    matcher = TokenPatternMatcher(nlp.vocab)
    matcher.add("cure", [{"LOWER": "cures"}, {"OP": "*"}, {"LOWER": "pain"}])
    blocks = nlp.get_pipe("clinicscan_blocks")
    texts = ["It cures your knee pain", "It cures your knee ache", "It cures your hip pain", "It cures your knee pain"]
    found = [[(s, e) for _k, s, e in matcher(blocks(nlp.make_doc(text)))] for text in texts]
    assert found == [[(1, 5)], [], [(1, 5)], [(1, 5)]]
