"""Property tests: whatever a crawled page contains, extraction neither fails nor lies.

Hostile pages reach the extractor as decoded strings: broken markup, control characters,
lone surrogates' replacements, legacy bytes decoded as cp1252, plain text. For any of them
``html_to_text`` returns blocks that tile its text, and ``analyse_page`` returns without
an internal error (it catches everything, so ``error`` must stay None) with every claim's
offsets pointing at its own words inside its own sentence.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clinicscan.nlp.analyse import analyse_page
from clinicscan.nlp.html_text import html_to_text

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Words that make the extractor find claims, so offsets are exercised, not just empty output.
PHRASES = ["We treat knee osteoarthritis", "autism", "stem cell injections", "exosomes",
           "Not FDA approved.", "guaranteed cure!", "Book now for $5,000.", "we do not treat ALS",
           "Studies are ongoing.", "Parkinson's disease", "mesenchymal stem cells", "• COPD"]
TAGS = ["<p>", "</p>", "<div class='nav'>", "</div>", "<ul><li>", "</li>", "<nav>", "</nav>", "<br>",
        "<script>var x = '<p>knee pain</p>';</script>", "<style>p{}</style>", "<!-- ", " -->",
        "<h1>", "</h1>", "<table><tr><td>", "<b>", "</i>", "<a href='x'>", "&amp;", "&#0;", "&nbsp;",
        "<![CDATA[", "]]>", "<title>", "</title>", "<", ">", "<div hidden>", "<footer>", "\x00", "\r\n"]

markup = st.lists(st.one_of(st.sampled_from(PHRASES), st.sampled_from(TAGS), st.text(max_size=40)),
                  max_size=40).map("".join)
legacy_bytes = st.binary(max_size=400).map(lambda raw: raw.decode("cp1252", "replace"))


def _assert_claims_consistent(result) -> None:
    assert result.error is None, result.error
    text = result.text
    for claim in result.claims:
        assert 0 <= claim.sent_start <= claim.start < claim.end <= claim.sent_end <= len(text)
        assert text[claim.start:claim.end] == claim.matched_text
        assert text[claim.sent_start:claim.sent_end] == claim.sentence
        assert claim.section in {"main", "list", "nav"}


@FAST
@given(markup)
def test_html_to_text_blocks_tile_the_text(html):
    page = html_to_text(html)
    assert isinstance(page.text, str) and isinstance(page.title, str)
    previous_end = 0
    for block in page.blocks:
        assert previous_end <= block.start <= block.end <= len(page.text)
        previous_end = block.end
    assert "<script" not in page.text.lower() or "<script" in html.lower()


@FAST
@given(st.one_of(markup, legacy_bytes))
def test_analyse_page_on_any_html_keeps_claims_consistent(content):
    _assert_claims_consistent(analyse_page(content, is_html=True, url="http://fuzz.example/"))


@FAST
@given(st.one_of(st.text(max_size=300), st.lists(st.sampled_from(PHRASES + ["\n", " ", "\x0b"]),
                                                  max_size=25).map(" ".join)))
def test_analyse_page_on_any_plain_text_keeps_claims_consistent(content):
    _assert_claims_consistent(analyse_page(content, is_html=False))


@pytest.mark.parametrize("content", ["", " ", "<", "<html", "\x00" * 10, "<p>" * 5000,
                                     "<p>We treat knee osteoarthritis" + "x" * 200_000,
                                     "<div>" * 2000 + "stem cells" + "</div>" * 10])
def test_analyse_page_edge_cases(content):
    _assert_claims_consistent(analyse_page(content))
