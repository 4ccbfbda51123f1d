"""Conditions and products that are not the page's claim, round three (issue 8 item 3, `condprec`,
session 25), probed in our own wording.

Round one, from the `fix` half of claim batch five (data/devset/claim_batch5.jsonl; the `held` half
measured them): conditions named as risk factors before the disease whose risk they raise; a claim
quoted from someone else's advert or website; a reference list under a "References" heading whose
items run to several sentences (title, journal, volume); what one named study or trial found;
"orthopaedic problems" names no condition. Round two, from the `held` half (batch six measured it): a
background list after a colon ("has many triggers: ..."), a relative lost to or dead of a disease, a
"Myth:" set up to be knocked down, the reader's own lower back or knees in a question, lay names
("kidneys that are failing", "platelets taken from your own blood"). Every probe in the first group of
each section failed before these rules; the guards pass before and after.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from clinicscan.nlp.analyse import analyse_page
from claim_probe import counted

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

import claim_batch  # noqa: E402


def page(html: str):
    result = analyse_page(html)
    assert result.error is None
    return result


# -- risk factors named before the disease -------------------------------------------------------------

@pytest.mark.parametrize(("text", "vocab_id"), [
    ("Smoking, diabetes and an irregular heartbeat from atrial fibrillation all increase the risk of a stroke.",
     "diabetes"),
    ("Smoking, diabetes and an irregular heartbeat from atrial fibrillation all increase the risk of a stroke.",
     "heart_disease"),
    ("Being overweight and having diabetes doubles your chances of nerve damage in the feet.", "diabetes"),
    ("Obesity, old sports injuries and rheumatoid arthritis in the family are well-known risk factors for "
     "arthritis of the knee.", "rheumatoid_arthritis"),
    ("Obesity, old sports injuries and rheumatoid arthritis in the family are well-known risk factors for "
     "arthritis of the knee.", "sports_injury"),
])
def test_risk_factors_before_the_disease_are_not_claims(text, vocab_id):
    assert vocab_id not in counted(text, "condition")


@pytest.mark.parametrize(("text", "vocab_id"), [
    # the page's own offer beside a risk sentence stays
    ("We treat knee arthritis with your own fat cells, and lower the risk of a knee replacement.", "osteoarthritis"),
    ("Our program for diabetes also raises your energy.", "diabetes"),
])
def test_an_offer_beside_risk_words_still_counts(text, vocab_id):
    assert vocab_id in counted(text, "condition")


def test_a_stroke_page_keeps_stroke_and_drops_its_risk_factors():
    result = page("<h1>Recovery After Stroke</h1><p>High cholesterol, diabetes and heart failure all raise the "
                  "risk of stroke.</p><p>Our post-stroke programme pairs daily physiotherapy with infusions of the "
                  "patient's own bone marrow cells at our hospital. Book an assessment.</p>")
    assert result.offers_treatment
    assert result.conditions == ["stroke"]


# -- a claim quoted from someone else's marketing --------------------------------------------------------

@pytest.mark.parametrize(("text", "kind", "vocab_id"), [
    ("\"Our cells reverse Parkinson's in weeks,\" a clinic's flyer promised.", "condition", "parkinsons"),
    ("\"Say goodbye to lupus for good,\" one website boasts.", "condition", "lupus"),
    ("\"Cord blood shots for every tired joint,\" the billboard on the highway reads.", "product_type", "cord_blood"),
])
def test_a_quoted_advert_is_someone_elses_claim(text, kind, vocab_id):
    assert vocab_id not in counted(text, kind)


def test_our_own_brochure_still_speaks_for_us():
    assert "osteoarthritis" in counted("As our brochure says, we treat knee arthritis with your own cells.",
                                       "condition")


# -- a reference list -------------------------------------------------------------------------------------

REFERENCES = ("<h1>PRP for Tennis Elbow</h1><p>We inject platelet-rich plasma for tennis elbow at our clinic; "
              "call to book.</p><h4>References</h4><ol><li>Novak P, Ruiz A. Fat-derived cells for hip arthritis. "
              "Orthop Rev. 2017;4:81-90.</li><li>Tanaka H, Berg L. Amniotic membrane for diabetic foot ulcers. "
              "Wound Care J. 2021;12:5-11.</li></ol>")


def test_reference_items_of_several_sentences_are_citations():
    result = page(REFERENCES)
    assert result.offers_treatment
    assert result.product_types == ["prp"]
    assert result.conditions == ["tendon_ligament_injury"]
    later = [c for c in result.claims if c.vocab_id in ("adipose", "amniotic", "wound_healing")]
    assert later and all(c.context == "reported" for c in later)


def test_a_list_after_an_offer_heading_is_not_taken_for_references():
    result = page("<h2>What we treat</h2><ul><li>Knee arthritis. Most knees need one visit.</li>"
                  "<li>Rotator cuff tears. A second visit may follow.</li></ul><p>We use your own bone marrow "
                  "concentrate.</p>")
    assert set(result.conditions) == {"osteoarthritis", "tendon_ligament_injury"}


# -- what one named study found ----------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "kind", "vocab_id"), [
    ("A 2018 study from Madrid found that umbilical cord cells eased lupus flares.", "product_type", "umbilical_cord"),
    ("A 2018 study from Madrid found that umbilical cord cells eased lupus flares.", "condition", "lupus"),
    ("One analysis from Toronto showed that amniotic injections helped plantar fasciitis.", "product_type",
     "amniotic"),
])
def test_what_one_named_study_found_is_the_studys(text, kind, vocab_id):
    assert vocab_id not in counted(text, kind)


def test_our_study_found_is_ours():
    assert "adipose" in counted("Our own study found that fat-derived cells helped our knee patients.",
                                "product_type")


# -- generic orthopaedic words name no condition --------------------------------------------------------------

def test_orthopaedic_problems_name_no_id():
    assert counted("We see many orthopaedic problems and orthopaedic conditions every week.", "condition") == set()


# -- round two (from the held half of batch five): background after a colon, a relative's illness, a myth,
# -- the reader's own body in a question, lay names ---------------------------------------------------------

@pytest.mark.parametrize(("text", "kind", "vocab_id"), [
    ("Foot ulcers have several causes: poor circulation, diabetes and kidney failure.", "condition", "diabetes"),
    ("Foot ulcers have several causes: poor circulation, diabetes and kidney failure.", "condition", "kidney_disease"),
    ("Our founder, a nurse who lost her younger brother to multiple sclerosis, opened the clinic in 2016.",
     "condition", "multiple_sclerosis"),
    ("Dr. Ames started the practice after his mother died of heart failure.", "condition", "heart_disease"),
    ("Myth: the cells come from aborted fetuses.", "product_type", "embryonic_fetal"),
    ("Myth #2: PRP only helps athletes with tendinitis.", "condition", "tendon_ligament_injury"),
])
def test_background_stories_and_myths_are_not_claims(text, kind, vocab_id):
    assert vocab_id not in counted(text, kind)


@pytest.mark.parametrize(("text", "kind", "vocab_id"), [
    ("Fact: our cells come from donated umbilical cords.", "product_type", "umbilical_cord"),
    ("Does your lower back ache when you get out of the car?", "condition", "back_pain"),
    ("Do your old knees creak on the way upstairs?", "condition", "joint_pain"),
    ("We help people whose kidneys are failing.", "condition", "kidney_disease"),
    ("Our injections use platelets taken from your own blood.", "product_type", "prp"),
])
def test_the_page_own_wording_counts(text, kind, vocab_id):
    assert vocab_id in counted(text, kind)


def test_the_page_own_condition_after_a_background_colon_still_counts():
    result = page("<h1>PRP for Thinning Hair</h1><p>Thinning hair has many triggers: stress, lupus and COVID-19."
                  "</p><p>We treat hair loss with platelet-rich plasma from your own blood; book a consultation.</p>")
    assert result.offers_treatment
    assert result.conditions == ["hair_loss"]


# -- the batch, with a floor ------------------------------------------------------------------------------------

#: claim batches five and six (seller decision as given). Five, blind: conditions 0.873 / products 0.947; after
#: both rounds 0.933 / 0.977 (its fix half made round one, its held half round two). Six was written after round
#: one and scored before round two: 0.931 / 0.962, unchanged by round two (its misses are left; see
#: /work/notes/condprec.md). Session 29 (chrome): the claim model retrained on positions measured over the page's
#: own text reads six's cq03 ("Stem cell research moves fast ...") as an unspecified product: 0.962 -> 0.943
#: (grouped CV on real tune pages unchanged: docs/invariance.md, session 29)
FLOORS = {"claim_batch5.jsonl": {"conditions": 0.92, "product_types": 0.96},
          "claim_batch6.jsonl": {"conditions": 0.92, "product_types": 0.94}}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_claim_batch_floor(name):
    rows = claim_batch.read_batch(claim_batch.BATCH.parent / name)
    result = claim_batch.score(rows)
    for kind, floor in FLOORS[name].items():
        _p, _r, f1 = claim_batch.prf(*result["counts"][kind])
        assert f1 >= floor, (kind, round(f1, 3), result["misses"])
