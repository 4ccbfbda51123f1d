"""A page reads the same however it words the same thing: trademark signs, "w/", "F.D.A.", "+", "e.g.", "Q:"/"A:".

Our own wording throughout; bench/invariance.py measures the same on the realworld pages (text-level rewrites).
"""

from __future__ import annotations

import pytest
import spacy

from clinicscan.nlp.analyse import analyse_page
from clinicscan.nlp.matching.phrase_variants import sign_variants, with_signs
from clinicscan.nlp.normalise import normalise_text
from clinicscan.nlp.pipeline import shared_pipeline
from tests.claim_probe import counted

_TOKENIZER = spacy.blank("en").tokenizer


def _page(body: str, title: str = "Regenerative care for sore joints") -> str:
    return f"<html><head><title>{title}</title></head><body>{body}</body></html>"


def _asserted(text: str) -> dict[str, str]:
    doc = shared_pipeline()(text)
    return {c.vocab_id: doc.text[c.start:c.end] for c in doc._.clinicscan_claims if c.context == "asserted"}


@pytest.mark.parametrize(("written", "plain"), [
    ("Cartiflex\u2122 and Stem Cell Therapy\u00ae", "Cartiflex and Stem Cell Therapy"),
    ("our PRP(TM) protocol", "our PRP protocol"),
    ("Joint Renewal(R) and Joint Renewal(SM)", "Joint Renewal and Joint Renewal"),
    ("Section (R) of the form", "Section (R) of the form"),  # a letter in brackets after a space is no mark
])
def test_trademark_signs_are_dropped_from_the_text(written, plain):
    assert normalise_text(written) == plain


@pytest.mark.parametrize("mark", ["", "\u2122", "\u00ae", "(TM)"])
def test_a_trademarked_product_name_is_quoted_as_the_product(mark):
    reading = analyse_page(_page(f"<p>Our clinic offers Stem Cell Therapy{mark} for knee pain.</p>")).to_dict()
    quotes = {c["matched_text"] for c in reading["claims"] if c["vocab_id"] == "unspecified_stem_cell"}
    assert quotes == {"Stem Cell Therapy"}


def test_question_and_answer_prefixes_do_not_make_an_faq_a_news_page():
    plain = ("<h1>Knee stem cell injections</h1><h3>How are the stem cells given?</h3>"
             "<p>The cells are injected into the knee joint.</p><h3>Is it painful?</h3><p>Most people feel only pressure.</p>")
    prefixed = ("<h1>Knee stem cell injections</h1><h3>Q: How are the stem cells given?</h3>"
                "<p>A: The cells are injected into the knee joint.</p><h3>Q: Is it painful?</h3>"
                "<p>A: Most people feel only pressure.</p>")
    before, after = (analyse_page(_page(body)).to_dict() for body in (plain, prefixed))
    assert after["offer_score"] == before["offer_score"]
    assert after["offer_cues"] == before["offer_cues"]


@pytest.mark.parametrize(("phrase", "variants"), [
    ("treated with prp", ["treated w/ prp", "treated with P.R.P."]),
    ("fda approved", ["F.D.A. approved"]),
    ("symptoms such as", ["symptoms e.g."]),
    ("pins and needles", ["pins & needles", "pins + needles"]),
    ("knee pain", []),
])
def test_a_phrase_is_also_written_with_the_signs_pages_use(phrase, variants):
    assert sign_variants(_TOKENIZER(phrase)) == variants


def test_a_word_test_accepts_the_word_s_signs_and_an_exclusion_excludes_them():
    assert with_signs([{"LOWER": "with"}, {"LOWER": {"NOT_IN": ["and", "so"]}, "IS_PUNCT": False}, {"LOWER": "knee"}]) == [
        {"LOWER": {"IN": ["with", "w/"]}}, {"LOWER": {"NOT_IN": ["and", "so", "&", "+"]}, "IS_PUNCT": False}, {"LOWER": "knee"}]


@pytest.mark.parametrize(("text", "flag", "quote"), [
    ("Our cell processing lab is approved by the F.D.A.", "fda_claim", "approved by the F.D.A."),
    ("Every injection is given in line w/ the FDA guidelines.", "fda_claim", "line w/ the FDA guidelines"),
])
def test_red_flags_read_abbreviated_words(text, flag, quote):
    assert _asserted(text).get(flag) == quote


def test_dotted_prp_is_the_whole_product_phrase():
    assert _asserted("We offer P.R.P. injections for sore knees.").get("prp") == "P.R.P. injections"


@pytest.mark.parametrize("joined", ["and", "+"])
def test_sources_joined_by_a_plus_are_each_read(joined):
    assert counted(f"We treat hip pain with fat {joined} bone marrow stem cells.", "product_type") >= {"adipose",
                                                                                                       "bone_marrow"}


@pytest.mark.parametrize("joined", ["and", "+", "&"])
def test_a_plus_is_no_word_after_a_regeneration_verb(joined):
    assert "cure_claim" not in _asserted(f"Exosomes signal nearby cells to mend, rebuild {joined} regenerate.")


@pytest.mark.parametrize("example", ["such as", "e.g."])
def test_e_g_introduces_a_background_list_as_such_as_does(example):
    text = f"We use stem cells. Symptoms {example} tingling are common in neuropathy."
    assert "neuropathy" not in counted(text, "condition")


@pytest.mark.parametrize("example", ["such as", "e.g."])
def test_e_g_after_sources_is_biology_not_the_product(example):
    text = f"Stem cells have other sources, {example} umbilical cord blood. We use your own bone marrow."
    assert "cord_blood" not in counted(text, "product_type")


@pytest.mark.parametrize("title", ["Dr.", "Doctor"])
def test_a_clinic_naming_itself_before_its_doctor_is_one_cue_however_the_title_is_written(title):
    body = f"<p>At Sunvale Spine Center in Tempe, {title} Ana Ruiz treats knee arthritis with stem cell injections.</p>"
    assert "+at <name>, we" in analyse_page(_page(body)).to_dict()["offer_cues"]


@pytest.mark.parametrize("joined", ["with", "w/"])
def test_cells_that_stay_with_us_are_people_in_general(joined):
    body = f"<p>The stem cells that stay {joined} us through life are specific to one tissue.</p>"
    cues = analyse_page(_page(body)).to_dict()["offer_cues"]
    assert not any(cue.startswith("+own product") for cue in cues)


@pytest.mark.parametrize("example", ["such as", "e.g."])
def test_e_g_is_a_background_word_for_the_claim_model_as_such_as_is(example):
    from clinicscan.nlp.claim_model import candidate_features

    page = analyse_page(_page(f"<p>Some illnesses ({example} diabetes) slow the healing of wounds.</p>"))
    features = candidate_features(page.claims, len(page.title), len(page.text))
    assert features[("condition", "diabetes")]["any_background"] == 1.0


@pytest.mark.parametrize("price", ["$4,500", "USD 4500", "4.500 $", "4500 \u20ac", "$4k", "US$4k", "4,500 dollars"])
def test_a_price_is_a_price_however_its_currency_is_written(price):
    body = f"<p>Our stem cell injection for a sore knee costs {price} in total.</p>"
    cues = analyse_page(_page(body)).to_dict()["offer_cues"]
    assert "+$price" in cues or "+price$" in cues


def test_a_k_for_thousands_is_split_from_its_digits():
    assert [t.text for t in shared_pipeline().make_doc("from $6k to $8K a knee")] == [
        "from", "$", "6", "k", "to", "$", "8", "K", "a", "knee"]
