"""Conditions and products in the page's own voice, round two (issue 8 item 3, `claims`, session 21),
probed in our own wording.

Categories: a denial inside a leading subordinate clause stays in that clause ("When rest has not
helped, PRP is injected" still offers PRP); a product that is someone else's story or background
(a famous or professional athlete's treatment, what patients tried before or had elsewhere, what
a founder studied, what a regulator approved, what a trial gave its participants); a product named
only as biology (a cell type's definition, the levels found in a tissue, cells moved out of the
marrow, "non-embryonic", plant stem cells); a parenthesised abbreviation takes its full name's
context; a list introduced as "never receive"; a rhetorical question about the reader's own body
("Do your hips ache?"); joints that "creak and ache"; a FAQ question listed as a table of contents
and answered further down. Every probe here failed before these rules.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from clinicscan.nlp.analyse import analyse_page, page_ids
from claim_probe import counted

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))


# -- a denial in a leading subordinate clause does not reach the main clause -------------------------

@pytest.mark.parametrize(("text", "vocab_id"), [
    ("When months of physio have not helped, PRP is injected into the sore tendon.", "prp"),
    ("If steroid shots did not work for you, we place bone marrow concentrate in the joint.", "bone_marrow"),
    ("Where steroid shots have not helped, amniotic tissue is placed in the joint.", "amniotic"),
])
def test_a_denial_in_a_leading_clause_stays_there(text, vocab_id):
    assert vocab_id in counted(text, "product_type")


@pytest.mark.parametrize(("text", "kind", "vocab_id"), [
    ("Although we do not use fetal tissue, our cord cells are screened.", "product_type", "embryonic_fetal"),
    ("We do not offer embryonic cells, and never will.", "product_type", "embryonic_fetal"),
])
def test_a_denial_of_its_own_clause_still_counts(text, kind, vocab_id):
    assert vocab_id not in counted(text, kind)


def test_a_denial_about_the_other_treatment_is_not_about_the_condition():
    assert "osteoarthritis" in counted(
        "When surgery is not an option for your knee arthritis, we offer an injection of your own cells.", "condition")


def test_a_clause_without_a_denial_keeps_its_apposition():
    # "Since a different treatment, X, ..." : the comparison reaches across the apposition's comma
    assert "prp" not in counted("Since a different treatment, platelet-rich plasma, is still debated, we use "
                                "amniotic tissue.", "product_type")


# -- someone else's treatment, or background ---------------------------------------------------------

@pytest.mark.parametrize(("text", "kind", "vocab_id"), [
    ("A famous golfer had his knee injected with PRP in a clinic overseas.", "product_type", "prp"),
    ("A famous golfer had PRP for his knee arthritis at a clinic overseas.", "condition", "osteoarthritis"),
    ("A retired NBA player flew abroad for bone marrow cells in his back.", "product_type", "bone_marrow"),
    ("Most people who see us have already tried cortisone and PRP.", "product_type", "prp"),
    ("Some of our patients had amniotic injections elsewhere first.", "product_type", "amniotic"),
    ("Dr. Ortiz spent years researching cord blood cells before she opened the practice.", "product_type",
     "cord_blood"),
    ("The only stem cell products approved by regulators are cord blood transplants for blood cancers.",
     "product_type", "cord_blood"),
    ("A 2019 study gave fat-derived cells to people with knee arthritis.", "product_type", "adipose"),
])
def test_someone_elses_treatment_is_not_the_page_product(text, kind, vocab_id):
    assert vocab_id not in counted(text, kind)


def test_the_page_own_athletes_still_count():
    assert "prp" in counted("We treat professional athletes with PRP for tendon injuries.", "product_type")


# -- biology, not the product --------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "vocab_id"), [
    ("Mesenchymal stem cells are a type of cell that can become cartilage or bone.", "msc"),
    ("MSCs that can turn into bone are present in many tissues.", "msc"),
    ("Fat tissue holds hundreds of times the stem cell levels seen in bone marrow.", "bone_marrow"),
    ("An injection moves the stem cells out of the bone marrow and into the bloodstream.", "bone_marrow"),
    ("These are adult, non-embryonic cells.", "embryonic_fetal"),
    ("Creams with grape stem cells will not rebuild a knee.", "unspecified_stem_cell"),
    ("Once the bone marrow stem cells start making new blood cells, the counts recover.", "bone_marrow"),
    ("A stroke can harm the brain of the fetus late in pregnancy.", "embryonic_fetal"),
])
def test_biology_is_not_the_product(text, vocab_id):
    assert vocab_id not in counted(text, "product_type")


def test_cells_taken_from_a_fetus_are_still_a_fetal_product():
    assert "embryonic_fetal" in counted("Our neural cells are taken from the brain of a fetus.", "product_type")


# -- the abbreviation in brackets; lists of what the clinic never gives --------------------------------

def test_a_bracketed_abbreviation_takes_its_full_names_context():
    assert "prp" not in counted("Exosomes are not the same as platelet-rich plasma (PRP).", "product_type")


def test_a_bracketed_abbreviation_of_the_offer_still_counts():
    assert "prp" in counted("We offer platelet-rich plasma (PRP) for tennis elbow.", "product_type")


@pytest.mark.parametrize("vocab_id", ["amniotic", "exosome", "placental"])
def test_never_receive_covers_the_whole_list(vocab_id):
    assert vocab_id not in counted("Patients will never receive amniotic fluid, exosomes or placental tissue here.",
                                   "product_type")


# -- the reader's own body asked about; lay wording ---------------------------------------------------

@pytest.mark.parametrize(("text", "vocab_id"), [
    ("Do your hips ache after a short walk?", "joint_pain"),
    ("Does your back pain wake you at night?", "back_pain"),
    ("My knees creak and ache on every stair.", "joint_pain"),
    ("Her shoulders are stiff and sore each morning.", "joint_pain"),
])
def test_the_readers_body_and_lay_wording(text, vocab_id):
    assert vocab_id in counted(text, "condition")


def test_a_question_to_the_clinic_stays_open():
    assert "joint_pain" not in counted("Do your doctors treat hip pain?", "condition")


# -- a FAQ whose questions are listed first ------------------------------------------------------------

def test_a_listed_question_answered_further_down_counts_on_the_page():
    html = ("<h1>Questions</h1><ul><li>Do you treat COPD?</li><li>Is it safe?</li><li>What does it cost?</li></ul>"
            "<p>Our clinic has offered cell therapy since 2015, with a doctor who explains every step, the costs "
            "and the risks before any booking is made.</p>"
            "<h3>Is it safe?</h3><p>Side effects are usually mild.</p>"
            "<h3>What does it cost?</h3><p>Prices are on request.</p>"
            "<h3>Do you treat COPD?</h3><p>Yes, we give umbilical cord MSC infusions to people with lung disease.</p>")
    result = analyse_page(html)
    listed = [c for c in result.claims if c.vocab_id == "lung_disease" and c.section == "list"]
    assert listed and listed[0].context == "asserted" and listed[0].context_cue == "answered yes"
    ids = page_ids(result.claims, True, title_length=len(result.title), text_length=len(result.text),
                   title=result.title)
    assert "lung_disease" in ids["conditions"]


def test_a_listed_question_answered_no_is_declined():
    html = ("<ul><li>Do you treat autism?</li></ul><p>We offer PRP for knees.</p>"
            "<h3>Do you treat autism?</h3><p>No. We only see adults with joint problems.</p>")
    claims = [c for c in analyse_page(html).claims if c.vocab_id == "autism"]
    assert claims and all(c.context == "negated" for c in claims)


def test_batch_four_is_written_in_the_batch_format():
    path = Path(__file__).resolve().parent.parent / "data" / "devset" / "claim_batch4.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(rows) >= 30 and len({r["id"] for r in rows}) == len(rows)
