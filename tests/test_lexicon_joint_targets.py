"""A knee, hip or shoulder named as what the treatment is for ("Stem Cell Therapy for Knees",
"Shoulder PRP Injections") is joint pain without a diagnosis (coding manual section 2: "knee/hip/
shoulder pain without a diagnosis is joint_pain"; headings count); a named diagnosis keeps its own
id, and a torn ligament or tendon of a named joint is a tendon or ligament injury. Pages written
for this test."""

from __future__ import annotations

import pytest

from clinicscan.nlp.analyse import analyse_page


def conditions(title: str, body: str) -> set[str]:
    html = (f"<html><head><title>{title}</title></head><body><main><h1>{title}</h1><p>{body}</p>"
            "<p>Call Ridgeway Regenerative to book your consultation.</p></main></body></html>")
    analysis = analyse_page(html, is_html=True)
    assert analysis.offers_treatment
    return set(analysis.conditions)


@pytest.mark.parametrize(("title", "body"), [
    ("Stem Cell Therapy for Knees", "Our doctors inject bone marrow concentrate into the knee joint."),
    ("Shoulder Stem Cell Injections", "We use your own bone marrow cells for the shoulder."),
    ("Hip Regenerative Treatment", "Our PRP and adipose stem cell injections help hips move again."),
    ("Orthobiologics", "We offer amniotic injections for painful shoulders."),
])
def test_a_joint_as_the_treatments_target_is_joint_pain(title, body):
    assert conditions(title, body) == {"joint_pain"}


def test_a_named_diagnosis_keeps_its_id():
    assert conditions("Knee Replacement Alternatives", "Our stem cell injections for knee arthritis.") == {
        "osteoarthritis"}


@pytest.mark.parametrize("body", [
    "Platelet injections for torn knee ligaments.",
    "Platelet injections for injured shoulder tendons.",
    "Platelet injections for torn rotator cuff tendons.",
])
def test_a_torn_ligament_of_a_named_joint_is_a_ligament_injury(body):
    assert "tendon_ligament_injury" in conditions("PRP", body)
