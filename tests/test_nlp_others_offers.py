"""Products other providers offer ("many practices offer PRP", "several companies market
Wharton's jelly") belong to someone else (coding manual section 2), while the page's own use in
the same or the next clause stays its claim. Sentences written for this test."""

from __future__ import annotations

import pytest

from clinicscan.nlp.analyse import analyse_page

PAGE = ("<main><h1>Shoulder Care</h1><p>We treat rotator cuff tears with bone marrow aspirate concentrate "
        "harvested the same day at our clinic. Book your visit.</p><p>{}</p></main>")

OTHERS = {
    "Many practices offer platelet-rich plasma, and some use exosomes.": {"prp", "exosome"},
    "A lot of providers sell umbilical cord products.": {"umbilical_cord"},
    "Most orthopedic surgeons offer cortisone and PRP.": {"prp"},
    "Certain chiropractors promote placental tissue injections.": {"placental"},
    "Several companies market Wharton's jelly as a stem cell product.": {"umbilical_cord"},
}


@pytest.mark.parametrize("sentence", sorted(OTHERS))
def test_what_other_providers_offer_is_not_the_pages_product(sentence):
    analysis = analyse_page(PAGE.format(sentence), is_html=True)
    assert analysis.offers_treatment
    assert set(analysis.product_types) == {"bone_marrow"}
    contexts = {c.vocab_id: c.context for c in analysis.claims if c.kind == "product_type" and c.sentence == sentence}
    assert {contexts.get(i) for i in OTHERS[sentence]} == {"reported"}


@pytest.mark.parametrize("sentence", [
    "Most clinics use cortisone, but we add PRP to every injection.",
    "Many of our patients also receive PRP after the procedure.",
])
def test_the_pages_own_use_beside_others_stays_its_product(sentence):
    analysis = analyse_page(PAGE.format(sentence), is_html=True)
    assert "prp" in analysis.product_types
