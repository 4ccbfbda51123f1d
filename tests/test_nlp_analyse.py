"""analyse_page: page-level ids from the main text of offering pages, and never an exception."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from clinicscan.nlp.analyse import analyse_page

CLINIC = """<html><head><title>Regenerative Knee Care | Example Clinic</title></head><body>
<nav><ul><li><a>Autism</a></li><li><a>Anti-Aging</a></li><li><a>Book now</a></li></ul></nav>
<main><h1>Bone marrow concentrate for knee arthritis</h1>
<p>At our clinic we use your own bone marrow (BMAC) to treat knee arthritis and torn meniscus.</p>
<h2>Conditions we treat:</h2><ul><li>Sciatica</li><li>COPD</li></ul>
<p>Unlike amniotic injections, which contain no live stem cells, BMAC uses your own cells.</p>
<p>We do not treat cancer. Avoid knee replacement surgery! 85% of patients improve.</p>
<p>These statements have not been evaluated by the FDA. Our cells are not FDA approved.</p>
<p>Prices start at $3,900. Book your free consultation.</p></main>
<footer>Example Wellness, 1 High Street</footer></body></html>"""

NEWS = """<html><head><title>Regulator warns about stem cell clinics</title></head><body><main>
<p>By a staff writer. Published 3 March.</p>
<p>Some clinics claim to cure autism and COPD with umbilical cord stem cells, the agency said.</p>
<p>The clinic's website promised that 85% of patients improve and that patients could avoid knee replacement.</p>
<p>"There is no good evidence for these claims," a spokesperson told reporters.</p></main></body></html>"""


def test_analyse_clinic_ids_from_main_text_and_lists():
    result = analyse_page(CLINIC)
    assert result.offers_treatment is True and result.page_kind == "clinic"
    assert result.conditions == ["back_pain", "lung_disease", "osteoarthritis", "tendon_ligament_injury"]
    assert result.product_types == ["bone_marrow"]
    assert result.red_flags == ["avoid_surgery_claim", "success_rate_claim"]


def test_analyse_nav_only_mentions_are_kept_but_not_counted():
    result = analyse_page(CLINIC)
    nav = {c.vocab_id for c in result.claims if c.section == "nav"}
    assert {"autism", "anti_aging"} <= nav
    assert "autism" not in result.conditions and "anti_aging" not in result.conditions


def test_analyse_list_items_in_main_text_are_claims():
    result = analyse_page(CLINIC)
    listed = {c.vocab_id: c for c in result.claims if c.section == "list"}
    assert listed["back_pain"].context == "asserted" and listed["back_pain"].sentence == "• Sciatica"


def test_analyse_claims_keep_sentence_and_offsets():
    result = analyse_page(CLINIC)
    for claim in result.claims:
        assert result.text[claim.start:claim.end] == claim.matched_text
        assert result.text[claim.sent_start:claim.sent_end] == claim.sentence
        assert claim.sent_start <= claim.start < claim.end <= claim.sent_end


def test_analyse_reporting_page_has_no_page_ids():
    result = analyse_page(NEWS)
    assert result.offers_treatment is False and result.page_kind in {"news", "regulator", "sceptic"}
    assert result.conditions == result.product_types == result.red_flags == []
    assert any(c.vocab_id == "autism" for c in result.claims)  # kept for review, not counted


def test_analyse_unspecified_stem_cell_only_without_a_named_source():
    vague = analyse_page("<p>Our clinic offers stem cell therapy for knee pain. Book now.</p>")
    named = analyse_page("<p>Our clinic offers stem cell therapy with umbilical cord cells. Book now.</p>")
    assert vague.product_types == ["unspecified_stem_cell"]
    assert named.product_types == ["umbilical_cord"]


def test_analyse_plain_text():
    result = analyse_page("Our clinic treats COPD with exosomes.\nBook your consultation today.", is_html=False)
    assert result.offers_treatment and result.conditions == ["lung_disease"] and result.product_types == ["exosome"]


def test_analyse_records_the_lexicon_version():
    assert len(analyse_page(CLINIC).lexicon_version) == 16


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=3000))
def test_analyse_never_raises_on_any_string(content):
    for is_html in (True, False):
        result = analyse_page(content, is_html=is_html)
        assert result.error is None
        assert isinstance(result.conditions, list)


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(["<p>", "</p>", "<li>", "<ul>", "<nav>", "</nav>", "<main>", "<script>", "knee pain",
                                 "we do not treat", "COPD", "\u2019", "?", "\n", "\x00", "<!--", "<title>", "stem cells",
                                 "\ud800", "• ", "$5", "FDA approved"]), max_size=80))
def test_analyse_never_raises_on_markup_soup(parts):
    assert analyse_page("".join(parts)).error is None
