"""Condition and product wordings the lexicon must know beyond those the tune pages used.

The real-world `check` pages were read far worse than `tune` (conditions 0.61 against 0.82):
the lexicon had grown from the wording of pages it was tuned on. These are general medical
vocabulary, written for the project, in the shapes unseen pages use: lay names ("pain in the
lower back"), plurals, clinical synonyms ("cardiac failure", "arthrosis"), the European and
translated usage of clinics abroad ("cerebral paralysis", "intervertebral hernia",
"craniocerebral trauma", "hair fall") and common misspellings. Each maps to the id
`../shared/vocabulary.md` gives it.
"""

from __future__ import annotations

import pytest

from clinicscan.nlp.short_text import match_ids

CONDITIONS = {
    "back_pain": ["We treat pain in the lower back.", "relief for back pains", "Lumbalgia and sciatica",
                  "a degenerated spinal disc", "discopathy of the lumbar spine", "intervertebral hernia",
                  "a herniated lumbar disc", "spinal osteochondrosis"],
    "neck_pain": ["cervicalgia", "a constant pain in the neck", "neck aches after work"],
    "osteoarthritis": ["arthrosis of the knee joint", "hip arthrosis", "worn-down cartilage", "cartilage deterioration",
                       "osteoarthritus", "arthiritis in both knees", "thinning cartilage"],
    "joint_pain": ["pain in the knees", "pain in your shoulder", "an aching knee", "adhesive capsulitis", "thumb pain"],
    "tendon_ligament_injury": ["a pulled muscle", "tendon ruptures", "an injured ligament", "tendonosis",
                               "plantar fasciosis", "a UCL tear", "a sprained wrist"],
    "sports_injury": ["sporting injuries", "musculoskeletal injuries", "sports and overuse injuries"],
    "chronic_pain": ["long-lasting pain", "chronic pains"],
    "neuropathy": ["diabetic polyneuropathy", "neuropathy pain in the feet"],
    "multiple_sclerosis": ["disseminated sclerosis", "sclerosis multiplex"],
    "alzheimers_dementia": ["memory impairment", "loss of memory", "senile dementia", "cognitive deterioration"],
    "stroke": ["cerebral infarction", "after a cerebral hemorrhage", "the consequences of stroke", "apoplexy"],
    "spinal_cord_injury": ["spinal cord trauma", "an injured spinal cord", "spinal cord lesions"],
    "traumatic_brain_injury": ["craniocerebral trauma", "post-concussive syndrome"],
    "cerebral_palsy": ["cerebral paralysis", "infantile cerebral paralysis"],
    "autism": ["autistic disorder", "early childhood autism"],
    "heart_disease": ["cardiac failure", "heart insufficiency", "a low ejection fraction", "heart disorders"],
    "lung_disease": ["lung disorders", "cystic fibrosis", "bronchial asthma", "respiratory disorders"],
    "rheumatoid_arthritis": ["rheumatic arthritis"],
    "autoimmune_other": ["autoimmune illnesses", "auto immune diseases", "vitiligo", "dermatomyositis",
                         "juvenile idiopathic arthritis"],
    "diabetes": ["for diabetics", "type 1 and type 2 diabetes"],
    "kidney_disease": ["kidney disorders", "renal diseases", "glomerulonephritis", "kidney insufficiency"],
    "liver_disease": ["hepatic failure", "liver disorders", "chronic hepatitis"],
    "vision_loss": ["visual impairment", "loss of eyesight", "macular dystrophy", "optic atrophy"],
    "erectile_dysfunction": ["erectile disfunction", "potency problems", "male impotence"],
    "cosmetic": ["facial aging", "cellulite"],
    "hair_loss": ["hair fall", "losing hair", "hairloss"],
    "wound_healing": ["trophic ulcers", "diabetic foot syndrome", "non-healing ulcers"],
    "cancer": ["oncological diseases", "malignant tumours"],
    "blood_disorders": ["Hodgkin's disease"],
}

PRODUCTS = {
    "adipose": ["stem cells from your fat", "cells taken from fat", "your own fatty tissue"],
    "bone_marrow": ["BMMNC infusion"],
    "peripheral_blood": ["stem cells collected from your blood", "cells harvested from the peripheral blood"],
    "prp": ["ACP injections"],
    "umbilical_cord": ["umbilical tissue"],
    "embryonic_fetal": ["embryo stem cells"],
}


@pytest.mark.parametrize(("vocab_id", "text"), [(k, t) for k, v in CONDITIONS.items() for t in v])
def test_condition_wordings(vocab_id, text):
    assert vocab_id in match_ids(text, "condition")


@pytest.mark.parametrize(("vocab_id", "text"), [(k, t) for k, v in PRODUCTS.items() for t in v])
def test_product_wordings(vocab_id, text):
    assert vocab_id in match_ids(text, "product_type")


@pytest.mark.parametrize(("text", "kind"), [
    ("juvenile idiopathic arthritis", "condition"),   # one autoimmune disease, not also osteoarthritis
    ("pain in the neck muscles", "condition"),        # neck_pain, not a joint
])
def test_longer_names_win(text, kind):
    found = match_ids(text, kind)
    assert "osteoarthritis" not in found and "joint_pain" not in found


@pytest.mark.parametrize(("text", "kind", "vocab_id"), [
    ("nano fat grafting", "product_type", "adipose"),
    ("plasma rich in growth factors", "product_type", "prp"),
    ("the P-Shot for men", "product_type", "prp"),
    ("a herniated lumbar disk", "condition", "back_pain"),          # spelling variant of a lexicon phrase
    ("ischaemic heart disease", "condition", "heart_disease"),
    ("peripheral vascular disease", "condition", "heart_disease"),
    ("haematological diseases", "condition", "blood_disorders"),
])
def test_second_batch_and_spelling_variants(text, kind, vocab_id):
    assert vocab_id in match_ids(text, kind)


@pytest.mark.parametrize(("text", "expected"), [
    ("We help patients with neck and back pain.", {"neck_pain", "back_pain"}),
    ("relief from back or neck pain", {"neck_pain", "back_pain"}),
    ("heart, lung and kidney disease", {"heart_disease", "lung_disease", "kidney_disease"}),
    ("brain and spinal cord injuries", {"traumatic_brain_injury", "spinal_cord_injury"}),
    ("lower back and neck pain", {"back_pain", "neck_pain"}),
])
def test_coordinated_sites_share_the_head_noun(text, expected):
    assert match_ids(text, "condition") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("diabetes and heart disease", {"diabetes", "heart_disease"}),   # "diabetes disease" is no phrase
    ("muscle and joint pain", {"joint_pain"}),                        # "muscle pain" is not in the lexicon
    ("hip and knee replacement", set()),                              # no condition mention to share
])
def test_coordination_only_makes_phrases_the_lexicon_holds(text, expected):
    assert match_ids(text, "condition") == expected
