"""Text in capitals: every word looks like an acronym, so "CLEARED BY THEIR" is no regulator claim.

Found by bench/invariance.py ("list items in capitals"); our own wording here.
"""

from __future__ import annotations

import pytest

from tests.claim_probe import counted

_OFFER = "We treat knee pain with our own stem cell injections. "


@pytest.mark.parametrize("text", [
    "BEFORE SURGERY THE PATIENT FIRST HAS TO BE MEDICALLY CLEARED BY THEIR OWN PHYSICIAN.",
    "EVERY PLAN IS APPROVED BY YOUR CARE TEAM.",
])
def test_a_word_in_capitals_is_no_regulator(text):
    assert "fda_claim" not in counted(_OFFER + text, "red_flag")


@pytest.mark.parametrize("text", [
    "OUR STEM CELL LAB IS APPROVED BY COFEPRIS.",
    "OUR STEM CELL LAB IS APPROVED BY THE FDA.",
    "Our stem cell lab is approved by the DGHS.",  # an acronym in ordinary text still names a body
])
def test_a_regulator_in_capitals_or_an_acronym_in_ordinary_text_is_still_a_claim(text):
    assert "fda_claim" in counted(_OFFER + text, "red_flag")


def test_a_regulator_named_first_in_capitals_is_still_a_claim():
    assert "fda_claim" in counted(_OFFER + "THEY ARE FDA APPROVED.", "red_flag")
