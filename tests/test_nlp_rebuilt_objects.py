"""A cure claim rebuilds a condition or a tissue (coding manual section 3); rebuilding a person's
strength, confidence or life after treatment is rehabilitation wording, not a cure. Sentences
written for this test, inside a selling page."""

from __future__ import annotations

import pytest

from clinicscan.nlp.analyse import analyse_page

PAGE = ("<main><h1>Knee Stem Cell Therapy</h1><p>Our clinic offers bone marrow concentrate injections for knee "
        "arthritis. Call to book a consultation.</p><p>{}</p></main>")


@pytest.mark.parametrize("sentence", [
    "Our physical therapists help you rebuild strength after the injection.",
    "Afterwards our coaches help you rebuild your confidence and your fitness.",
    "We help patients rebuild their lives after injury.",
    "Our rehab team helps you rebuild stamina and balance.",
])
def test_rebuilding_a_persons_strength_or_life_is_no_cure_claim(sentence):
    assert "cure_claim" not in analyse_page(PAGE.format(sentence), is_html=True).red_flags


@pytest.mark.parametrize("sentence", [
    "The injection rebuilds worn cartilage.",
    "Our stem cells regenerate your cartilage.",
    "Stem cells rebuild the damaged disc.",
    "The treatment regenerates tissue.",
    "These cells regrow the lining of the joint.",
])
def test_rebuilding_a_tissue_stays_a_cure_claim(sentence):
    assert "cure_claim" in analyse_page(PAGE.format(sentence), is_html=True).red_flags
