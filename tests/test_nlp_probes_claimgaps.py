"""Conditions and products in the page's own voice (issue 8 item 3, `claimgaps`), probed in our own wording.

Categories: an FAQ question to the clinic is decided by its answer ("Can you help patients with
neuropathy? Yes." counts, "Do you treat autism? No." does not, an unanswered question stays open);
a citation goes on after "et al."; "blood" listed beside bone marrow or fat as a cell source is
peripheral blood (not the blood PRP is made from); a named procedure used as a lesson about the
field ("stem cells are widely used in bone marrow transplantation") is not the page's product;
causes and symptoms after a modal ("can be caused by", "often brings"); a product only compared
("PRP is similar to our treatment") or disparaged ("contains no living cells"); lay names. The
short seller passages of data/devset/claim_batch*.jsonl are scored as a batch with a floor.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from clinicscan.nlp.pipeline import shared_pipeline
from claim_probe import counted

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
import claim_batch  # noqa: E402


# -- FAQ questions addressed to the clinic, decided by the answer ---------------------------------

@pytest.mark.parametrize(("text", "kind", "vocab_id"), [
    ("Are you able to help people who have had a stroke? Yes. Our team has treated stroke survivors for years.",
     "condition", "stroke"),
    ("Can you help patients with neuropathy?\nYes, we see many of them each month.", "condition", "neuropathy"),
    ("Q: Do you treat torn rotator cuffs?\nA: We do, usually with two injections a few weeks apart.", "condition",
     "tendon_ligament_injury"),
    ("Is this an option for people with COPD? Absolutely! Most of our lung patients travel from abroad.", "condition",
     "lung_disease"),
    ("Do you offer PRP injections? Of course, and we prepare them in the room.", "product_type", "prp"),
    ("Will your therapy help my psoriasis? In many cases it does.", "condition", "autoimmune_other"),
])
def test_a_question_answered_yes_counts(text, kind, vocab_id):
    assert vocab_id in counted(text, kind)


@pytest.mark.parametrize(("text", "kind", "vocab_id"), [
    ("How do you treat degenerative disc disease? We inject concentrated marrow cells into the disc.", "condition",
     "back_pain"),
    ("How does your clinic help people with Parkinson's? Each plan starts with a neurology exam.", "condition",
     "parkinsons"),
    ("What do you use to treat tennis elbow? A series of ultrasound-guided injections.", "condition",
     "tendon_ligament_injury"),
])
def test_a_question_about_how_the_clinic_treats_counts(text, kind, vocab_id):
    assert vocab_id in counted(text, kind)


@pytest.mark.parametrize(("text", "kind", "vocab_id"), [
    ("How do you treat autism? We don't; our clinic sees adults with joint problems.", "condition", "autism"),
    ("How does stem cell therapy help MS? Researchers are still finding out.", "condition", "multiple_sclerosis"),
    ("Doctors first used amniotic membrane on burns more than a century ago.", "product_type", "amniotic"),
    ("Doctors first used amniotic membrane on burns more than a century ago.", "condition", "wound_healing"),
])
def test_open_how_questions_and_history_do_not_count(text, kind, vocab_id):
    assert vocab_id not in counted(text, kind)


@pytest.mark.parametrize(("text", "kind", "vocab_id"), [
    ("Do you treat Alzheimer's disease? No. At this time our clinic focuses on joints.", "condition",
     "alzheimers_dementia"),
    ("Can you help children with autism? Unfortunately, we do not see children.", "condition", "autism"),
    ("Are you able to treat macular degeneration? We are sorry, but eye disease is outside our practice.", "condition",
     "vision_loss"),
    ("Do you use embryonic stem cells? No, never.", "product_type", "embryonic_fetal"),
    ("Am I a candidate if I have cancer? Unfortunately, active cancer rules out treatment.", "condition", "cancer"),
    ("Do you treat kidney disease? We don't, but we can refer you.", "condition", "kidney_disease"),
])
def test_a_question_answered_no_does_not_count(text, kind, vocab_id):
    assert vocab_id not in counted(text, kind)


@pytest.mark.parametrize(("text", "vocab_id"), [
    ("Do you treat COPD?", "lung_disease"),
    ("Can you help patients with lupus? Every patient is different and the doctor will decide.", "lupus"),
    ("Is stem cell therapy safe for people with diabetes? Yes.", "diabetes"),
    ("Am I too old for treatment if I have heart failure?", "heart_disease"),
])
def test_a_question_without_a_yes_or_no_stays_open(text, vocab_id):
    assert vocab_id not in counted(text, "condition")


# -- citations go on after "et al." ----------------------------------------------------------------

@pytest.mark.parametrize(("text", "kind", "vocab_id"), [
    ("See the review (Smith J, et al. Fat-derived cells in knee osteoarthritis. J Orthop Res. 2018;36:101-9).",
     "product_type", "adipose"),
    ("Kim et al. Cord blood cells for cerebral palsy: a pilot. Pediatrics 2016.", "condition", "cerebral_palsy"),
    ("Chen et al. (2019) gave bone marrow cells to people with heart failure.", "product_type", "bone_marrow"),
])
def test_a_citation_after_et_al_is_someone_elses(text, kind, vocab_id):
    assert vocab_id not in counted(text, kind)


@pytest.mark.parametrize(("text", "vocab_id", "claimed"), [
    ("MSCs lower the inflammatory cells found in peripheral blood, in the spleen and in lymph nodes.",
     "peripheral_blood", False),
    ("Immune cells circulating in the blood and the cells present in bone marrow send signals.", "bone_marrow", False),
    ("Our results: most knee patients treated with bone marrow concentrate improved.", "bone_marrow", True),
])
def test_cells_found_in_a_tissue_are_biology(text, vocab_id, claimed):
    assert (vocab_id in counted(text, "product_type")) is claimed


def test_a_sentence_of_our_own_after_et_al_still_counts():
    assert "joint_pain" in counted("This was first shown by Lee et al. We treat knee pain with PRP.", "condition")


def test_et_al_keeps_the_citation_in_one_sentence():
    doc = shared_pipeline()("Our work draws on Smith J, et al. Adipose cells in arthritis. We use fat.")
    assert [s.text for s in doc.sents] == ["Our work draws on Smith J, et al. Adipose cells in arthritis.", "We use fat."]


# -- "blood" listed as a cell source ---------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "For knee arthritis we offer stem cells taken from your fat, from your bone marrow, or from blood.",
    "The stem cells we need may be taken from bone marrow, from blood or from umbilical cord blood.",
    "We collect the cells from the blood or from the bone marrow, depending on your condition.",
])
def test_blood_listed_beside_a_tissue_source_is_peripheral_blood(text):
    assert "peripheral_blood" in counted(text, "product_type")


@pytest.mark.parametrize("text", [
    "We use platelet-rich plasma and stem cells, both collected from your own fat and your own blood.",
    "Stem cells from bone marrow or blood cells are not what we use.",
    "We harvest bone marrow and check your blood pressure first.",
    "Our cells come from umbilical cord blood and cord tissue.",
])
def test_other_blood_is_not_peripheral_blood(text):
    assert "peripheral_blood" not in counted(text, "product_type")


# -- a named procedure as a lesson about the field ------------------------------------------------

@pytest.mark.parametrize(("text", "vocab_id"), [
    ("Stem cells are widely used in bone marrow transplantation for blood cancers.", "bone_marrow"),
    ("Stem cells, found in the cord and in fat, are commonly used as a treatment in bone marrow transplants.",
     "bone_marrow"),
    ("Cord blood stem cells have long been used in transplants for children with leukemia.", "cord_blood"),
])
def test_a_procedure_named_as_a_field_lesson_is_not_the_product(text, vocab_id):
    assert vocab_id not in counted(text, "product_type")


@pytest.mark.parametrize(("text", "vocab_id"), [
    ("Our transplant unit performs bone marrow transplantation for leukemia and lymphoma.", "bone_marrow"),
    ("We also offer cord blood transplants for children with blood disorders.", "cord_blood"),
    ("Bone marrow concentrate is used in our clinic for knee arthritis.", "bone_marrow"),
])
def test_a_hospitals_own_transplant_programme_still_counts(text, vocab_id):
    assert vocab_id in counted(text, "product_type")


# -- causes and symptoms after a modal; products compared or disparaged --------------------------

@pytest.mark.parametrize(("text", "vocab_id"), [
    ("Neuropathy can be caused by diabetes, chemotherapy or lupus.", "diabetes"),
    ("Neuropathy can be caused by diabetes, chemotherapy or lupus.", "lupus"),
    ("Back pain is often caused by arthritis or a herniated disc.", "osteoarthritis"),
    ("Multiple sclerosis often brings memory loss, blurred vision and bladder problems.", "alzheimers_dementia"),
    ("Parkinson's disease can lead to depression and memory loss.", "alzheimers_dementia"),
])
def test_causes_and_symptoms_of_a_named_disease_are_not_conditions(text, vocab_id):
    assert vocab_id not in counted(text, "condition")


@pytest.mark.parametrize(("text", "vocab_id"), [
    ("Neuropathy can be caused by diabetes, chemotherapy or lupus.", "neuropathy"),
    ("Multiple sclerosis often brings memory loss, blurred vision and bladder problems.", "multiple_sclerosis"),
    ("Knee arthritis often brings stiffness, and our injections ease knee arthritis.", "osteoarthritis"),
])
def test_the_named_disease_itself_still_counts(text, vocab_id):
    assert vocab_id in counted(text, "condition")


@pytest.mark.parametrize(("text", "vocab_id"), [
    ("PRP is similar to our treatment but has fewer growth factors.", "prp"),
    ("Amniotic injections sold elsewhere contain no living cells.", "amniotic"),
    ("Many exosome products hold no viable cells at all.", "exosome"),
])
def test_products_only_compared_or_disparaged_are_not_the_product(text, vocab_id):
    assert vocab_id not in counted(text, "product_type")


def test_the_page_product_compared_against_stays():
    assert "umbilical_cord" in counted("Our umbilical cord allograft is similar to PRP in how it is injected.",
                                       "product_type")


# -- lay names ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "kind", "vocab_id"), [
    ("The stem cells from my own fat eased my back pain.", "product_type", "adipose"),
    ("We take a little fat from your belly and inject the cells the same day.", "product_type", "adipose"),
    ("Stem cells are collected from your bloodstream after mobilising injections.", "product_type",
     "peripheral_blood"),
    ("Our afterbirth-derived injections come from donated placentas.", "product_type", "placental"),
    ("The infusion supports a failing heart.", "condition", "heart_disease"),
    ("Platelet injections treat tendon pain in the elbow.", "condition", "tendon_ligament_injury"),
])
def test_lay_names(text, kind, vocab_id):
    assert vocab_id in counted(text, kind)


# -- the batches of short seller passages, with a floor -------------------------------------------

#: micro F1 reached on the batches when they were added (first batch: 0.937 / 0.923 before the
#: rules above, written blind; second batch, written after the first rules: 0.885 / 0.931 on main and
#: 0.963 / 0.931 on the branch when first scored; third: 0.889 / 0.933 before its own rules, 0.944 / 0.966 after)
FLOORS = {
    "claim_batch.jsonl": {"conditions": 0.97, "product_types": 0.97},
    "claim_batch2.jsonl": {"conditions": 0.93, "product_types": 0.93},
    "claim_batch3.jsonl": {"conditions": 0.92, "product_types": 0.93},
    # fourth (session 21, tests/test_nlp_probes_claimclauses.py): 0.941 / 0.884 blind, 0.989 / 1.000 after its rules
    "claim_batch4.jsonl": {"conditions": 0.96, "product_types": 0.97},
}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_claim_batch_floor(name):
    rows = claim_batch.read_batch(claim_batch.BATCH.parent / name)
    result = claim_batch.score(rows)
    for kind, floor in FLOORS[name].items():
        _p, _r, f1 = claim_batch.prf(*result["counts"][kind])
        assert f1 >= floor, (kind, round(f1, 3), result["misses"])
