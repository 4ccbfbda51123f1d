"""Claims in the page's own voice (issue 8 item 3), probed in wording written for the project.

Categories: a product's composition framed by research ("researchers have found that X is
packed with MSCs") is the page's own product description, while research on others stays
reported; lab-test panels name organs, not conditions treated; stem cells taken from the
patient's blood are peripheral blood; reference lines and trial designs are someone else's
study; a definition of a cell type is a biology lesson.
"""

from __future__ import annotations

import pytest

from claim_probe import counted


# -- a product's composition framed by research is still the page's product ------------------

@pytest.mark.parametrize(("text", "ids"), [
    ("Researchers have found that Wharton's jelly is packed with growth factors as well as mesenchymal stem cells.",
     {"umbilical_cord", "msc"}),
    ("Our allograft contains MSCs that researchers have found release healing signals.", {"msc"}),
    ("Scientists have shown that umbilical cord tissue is rich in mesenchymal stem cells.", {"umbilical_cord", "msc"}),
    ("Studies have shown that amniotic fluid contains hyaluronic acid and growth factors.", {"amniotic"}),
    ("Our placental allograft contains live cells, which scientists have confirmed are viable after thawing.",
     {"placental"}),
    ("Investigators have found that bone marrow concentrate is loaded with growth factors, and that is what we inject.",
     {"bone_marrow"}),
])
def test_research_framed_composition_of_own_product_counts(text, ids):
    assert ids <= counted(text, "product_type")


@pytest.mark.parametrize(("text", "kind", "vocab_id"), [
    ("Researchers are testing fat-derived stem cells for knee arthritis in a trial.", "product_type", "adipose"),
    ("Researchers are testing fat-derived stem cells for knee arthritis in a trial.", "condition", "osteoarthritis"),
    ("Researchers hope stem cells will help stroke patients.", "condition", "stroke"),
    ("Scientists treated rats with umbilical cord cells after spinal cord injury.", "product_type", "umbilical_cord"),
    ("Scientists treated rats with umbilical cord cells after spinal cord injury.", "condition", "spinal_cord_injury"),
    ("Researchers found that marrow cells decline with age.", "product_type", "bone_marrow"),
])
def test_research_on_others_stays_reported(text, kind, vocab_id):
    assert vocab_id not in counted(text, kind)


# -- lab-test panels are not conditions -----------------------------------------------------------

@pytest.mark.parametrize(("text", "vocab_id"), [
    ("Comprehensive metabolic panel: liver and kidney function, electrolytes and glucose.", "kidney_disease"),
    ("Comprehensive metabolic panel: liver and kidney function, electrolytes and glucose.", "liver_disease"),
    ("Before treatment we order liver function tests and a kidney function panel.", "liver_disease"),
    ("Before treatment we order liver function tests and a kidney function panel.", "kidney_disease"),
    ("Your labs include HbA1c for patients who have diabetes.", "diabetes"),
    ("Blood work checks thyroid and kidney function before your infusion.", "kidney_disease"),
])
def test_lab_panels_are_not_conditions(text, vocab_id):
    assert vocab_id not in counted(text, "condition")


@pytest.mark.parametrize(("text", "vocab_id"), [
    ("Our MSC infusions may improve kidney function in chronic kidney disease.", "kidney_disease"),
    ("We help patients with liver disease improve their liver function.", "liver_disease"),
])
def test_organ_function_as_an_outcome_still_counts(text, vocab_id):
    assert vocab_id in counted(text, "condition")


# -- stem cells taken from the patient's blood --------------------------------------------------

@pytest.mark.parametrize("text", [
    "The cells can be gathered from the blood or from the bone marrow.",
    "Stem cells are taken from your blood after a few days of mobilising injections.",
    "We collect stem cells from the patient's own blood.",
])
def test_cells_taken_from_blood_are_peripheral_blood(text):
    assert "peripheral_blood" in counted(text, "product_type")


@pytest.mark.parametrize("text", [
    "Platelets are taken from your own blood and spun in a centrifuge.",
    "Stem cells are taken from umbilical cord blood donated after birth.",
])
def test_platelets_and_cord_blood_are_not_peripheral_blood(text):
    assert "peripheral_blood" not in counted(text, "product_type")


# -- references, trial designs and definitions ---------------------------------------------------

@pytest.mark.parametrize(("text", "kind", "vocab_id"), [
    ("Umbilical cord mesenchymal stem cells in lupus: a multicentre clinical study. Stem Cell Res Ther. 2019;10:12.",
     "product_type", "umbilical_cord"),
    ("Umbilical cord mesenchymal stem cells in lupus: a multicentre clinical study.", "condition", "lupus"),
    ("An open-label trial gave bone marrow cells to people with heart failure.", "condition", "heart_disease"),
    ("Nguyen and Park, et al 2021, gave adipose stem cells to people with knee arthritis.", "product_type", "adipose"),
    ("A prospective study followed 40 patients with COPD given cord blood cells.", "condition", "lung_disease"),
    ("Mesenchymal stem cells (MSCs): multipotent cells that can turn into bone, cartilage and fat.", "product_type", "msc"),
    ("Embryonic stem cells are pluripotent and can become any tissue.", "product_type", "embryonic_fetal"),
])
def test_citations_and_definitions_are_not_the_offer(text, kind, vocab_id):
    assert vocab_id not in counted(text, kind)


# -- organisation and journal names -------------------------------------------------------------

@pytest.mark.parametrize(("text", "kind", "vocab_id"), [
    ("The National MS Society answers questions from readers every month.", "condition", "multiple_sclerosis"),
    ("The Michael J. Fox Foundation for Parkinson's Research funds cell studies.", "condition", "parkinsons"),
    ("Welcome to the Westlake PRP and Stem Cell Institute, where we treat knee arthritis.", "product_type", "prp"),
])
def test_names_of_organisations_are_not_claims(text, kind, vocab_id):
    assert vocab_id not in counted(text, kind)


def test_the_offer_beside_an_organisation_name_still_counts():
    text = "Welcome to the Westlake PRP and Stem Cell Institute, where we treat knee arthritis."
    assert "osteoarthritis" in counted(text, "condition")


# -- tissues described as sources of stem cells; products compared against ----------------------

@pytest.mark.parametrize(("text", "vocab_id"), [
    ("Bone marrow is among the best-known sources of adult stem cells.", "bone_marrow"),
    ("Adipose tissue is one of the richest sources of mesenchymal stem cells.", "adipose"),
    ("Umbilical cord tissue is a rich source of young stem cells.", "umbilical_cord"),
    ("Hyaluronic acid lasts a short while and is not as good as PRP.", "prp"),
    ("Our cord tissue product is superior to bone marrow aspirate.", "bone_marrow"),
    ("Exosomes are as effective as PRP for thinning hair.", "prp"),
])
def test_source_lessons_and_comparators_are_not_the_product(text, vocab_id):
    assert vocab_id not in counted(text, "product_type")


@pytest.mark.parametrize(("text", "vocab_id"), [
    ("Our cord tissue product is superior to bone marrow aspirate.", "umbilical_cord"),
    ("Exosomes are as effective as PRP for thinning hair.", "exosome"),
])
def test_the_product_compared_for_stays(text, vocab_id):
    assert vocab_id in counted(text, "product_type")


# -- history, cell-biology lessons, regulation lessons, conventional care, research data ---------

@pytest.mark.parametrize(("text", "kind", "vocab_id"), [
    ("Much of the early stem cell research was tied to the use of embryonic stem cells.", "product_type",
     "embryonic_fetal"),
    ("Using placental tissue in medicine is nothing new.", "product_type", "placental"),
    ("Back in 2009, a famous footballer flew abroad for a fat-derived stem cell treatment for his knee arthritis.",
     "product_type", "adipose"),
    ("Back in 2009, a famous footballer flew abroad for a fat-derived stem cell treatment for his knee arthritis.",
     "condition", "osteoarthritis"),
    ("In the 1990s, surgeons began using bone marrow cells in heart patients.", "product_type", "bone_marrow"),
    ("Embryonic stem cells can differentiate into any cell type in the body.", "product_type", "embryonic_fetal"),
    ("Umbilical cord stem cells can turn into many different cell types.", "product_type", "umbilical_cord"),
    ("Embryonic stem cells are still highly controversial and in most cases illegal to use.", "product_type",
     "embryonic_fetal"),
    ("Your bone marrow makes new blood cells every day.", "product_type", "bone_marrow"),
    ("When blood cells mature, the bone marrow releases them into the bloodstream.", "product_type", "bone_marrow"),
    ("Fat stem cells, once isolated with enzymes, are regulated as a drug by the FDA.", "product_type", "adipose"),
    ("Processed adipose tissue is treated as a drug because its structure is altered.", "product_type", "adipose"),
    ("For some people, surgery and steroid injections can help wrist injuries heal.", "condition", "joint_pain"),
    ("Physical therapy may relieve knee pain for a while.", "condition", "joint_pain"),
    ("Some data back the use of mesenchymal stem cells in chronic diseases such as multiple sclerosis.", "condition",
     "multiple_sclerosis"),
])
def test_background_lessons_are_not_the_offer(text, kind, vocab_id):
    assert vocab_id not in counted(text, kind)


@pytest.mark.parametrize(("text", "kind", "vocab_id"), [
    ("We use bone marrow concentrate for knee arthritis.", "product_type", "bone_marrow"),
    ("We harvest bone marrow from your hip.", "product_type", "bone_marrow"),
    ("MSCs release growth factors that calm inflammation.", "product_type", "msc"),
    ("Our bone marrow concentrate can help the cartilage heal.", "product_type", "bone_marrow"),
    ("Stem cell therapy can help knee pain.", "condition", "joint_pain"),
    ("Our cell therapy may relieve neuropathy.", "condition", "neuropathy"),
    ("Unlike surgery, our stem cell injections help knee pain without downtime.", "condition", "joint_pain"),
])
def test_the_offer_beside_those_cues_still_counts(text, kind, vocab_id):
    assert vocab_id in counted(text, kind)
