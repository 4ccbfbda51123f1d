"""An organ or body area named as what the treatment is for ("Lung Stem Cell Therapy", "infusions
for the kidneys") names its condition (coding manual section 2: headings that name what the page
treats count); a joint named beside its diagnosis adds nothing, and a torn ligament or tendon of a
named joint is a tendon or ligament injury. Pages written for this test."""

from __future__ import annotations

import pytest

from clinicscan.nlp.analyse import analyse_page


def conditions(title: str, body: str) -> set[str]:
    html = (f"<html><head><title>{title}</title></head><body><main><h1>{title}</h1><p>{body}</p>"
            "<p>Call Ridgeway Regenerative to book your consultation.</p></main></body></html>")
    analysis = analyse_page(html, is_html=True)
    assert analysis.offers_treatment
    return set(analysis.conditions)


def test_a_joint_named_beside_its_diagnosis_adds_no_joint_pain():
    # coders take the diagnosis, not the body part of the heading (session 24: a knee/hip/shoulder-as-target rule
    # added a false joint_pain on real pages and was taken out)
    assert conditions("Knee Stem Cell Injections", "Our stem cell injections for knee arthritis.") == {
        "osteoarthritis"}


@pytest.mark.parametrize("body", [
    "Platelet injections for torn knee ligaments.",
    "Platelet injections for injured shoulder tendons.",
    "Platelet injections for torn rotator cuff tendons.",
])
def test_a_torn_ligament_of_a_named_joint_is_a_ligament_injury(body):
    assert "tendon_ligament_injury" in conditions("PRP", body)


@pytest.mark.parametrize(("title", "body", "expected"), [
    ("Stem Cell Therapy for the Lungs", "Our IV stem cell protocol is for patients who struggle to breathe.",
     "lung_disease"),
    ("Pulmonary Stem Cell Therapy", "Our IV stem cell infusions.", "lung_disease"),
    ("Cardiac Stem Cell Therapy", "Our IV stem cell infusions.", "heart_disease"),
    ("Kidney Stem Cell Therapy", "Our umbilical cord MSC infusions for the kidneys.", "kidney_disease"),
    ("Regenerative Care", "Our umbilical cord MSC infusions for the liver.", "liver_disease"),
    ("Stem Cells for Your Eyes", "Our umbilical cord MSC injections.", "vision_loss"),
    ("Back Stem Cell Injections", "We inject bone marrow concentrate.", "back_pain"),
    ("Neck PRP Injections", "We inject platelet-rich plasma.", "neck_pain"),
    ("Exosomes for Hair", "Exosome scalp injections.", "hair_loss"),
])
def test_an_organ_as_the_treatments_target_names_its_condition(title, body, expected):
    assert expected in conditions(title, body)


def test_an_organs_own_stem_cells_are_biology_not_a_target():
    # "lung stem cells" are a kind of cell, not a treatment for the lungs
    assert "lung_disease" not in conditions("Knee Care", "Lung stem cells were described in 2011. We treat knee "
                                                         "arthritis with bone marrow concentrate.")
