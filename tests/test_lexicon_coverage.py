"""Coverage of how pages spell the names the lexicon already knows, and red-flag wordings it never found (session 26, `coverage`, issue 8).

The held-out pages lost labels because the words were never found at all (conditions 14 of 41 missed, red flags 11
of 21), while on tune the same reason was rare: the lexicon knew tune's spellings. Two sources, both our own:

- every condition and product phrase of the lexicon put through the same spelling rules a coder knows (British and
  American word forms, a countable head in the singular or plural, "Addison disease" / "Addison's disease", a
  hyphenated compound modifier such as "spinal-cord lesions" or "umbilical-cord blood", a hyphenated word written
  open); the variants the lexicon did not read as the same id became data lines in conditions.jsonl and
  product_types.jsonl (docs/claim-model.md, "Session 26, coverage");
- red-flag wordings written per family from the coding manual (../shared/ANNOTATION.md section 3) and probed through
  the whole pipeline; the families that were never found became token patterns in red_flags.jsonl.

Every wording below failed on the lexicon before this change. The contrasts are sentences where the same words must
not become a claim: a regulator's warning, news, research, a denial, or a word that only looks like a condition.
"""

from __future__ import annotations

import pytest

from clinicscan.nlp.analyse import analyse_page


def _page(*paragraphs: str) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return ("<html><head><title>Treatments | Harrowgate Regenerative Clinic</title></head><body>"
            f"<h1>Our Treatments</h1>{body}<p>Call our front desk to book a visit with Dr. Adeyemi.</p></body></html>")


def _conditions(wording: str) -> list[str]:
    return analyse_page(_page(f"At Harrowgate Regenerative Clinic we offer stem cell treatment for {wording}.")).conditions


def _products(wording: str) -> list[str]:
    return analyse_page(_page(f"At Harrowgate Regenerative Clinic we treat hip arthritis with {wording}.")).product_types


OPENING = "We offer fat-derived and bone marrow stem cell injections at our clinic in Boise."


def _flags(sentence: str) -> list[str]:
    page = analyse_page(_page(OPENING, sentence))
    assert page.offers_treatment
    return page.red_flags


# (wording, id): a spelling variant of a phrase the lexicon held in one form only
SPELLINGS = [
    # a countable head in the other number
    ("a nagging knee issue", "joint_pain"), ("a rugby injury", "sports_injury"), ("an old ski injury", "sports_injury"),
    ("a chronic hip condition", "joint_pain"), ("a spine problem", "back_pain"), ("a worn disc", "back_pain"),
    ("an eye condition", "vision_loss"), ("a diabetic wound", "wound_healing"), ("a slow-healing wound", "wound_healing"),
    ("a kidney condition", "kidney_disease"), ("a liver problem", "liver_disease"), ("a heart problem", "heart_disease"),
    ("a lung problem", "lung_disease"), ("multiple myelomas", "blood_disorders"), ("aplastic anemias", "blood_disorders"),
    ("sickle-cell diseases", "blood_disorders"), ("a hematologic malignancy", "blood_disorders"),
    ("a cognitive problem", "alzheimers_dementia"), ("brain attacks", "stroke"), ("frozen shoulders", "joint_pain"),
    ("runner's knees", "joint_pain"), ("jumper's knees", "tendon_ligament_injury"), ("a partial tear", "tendon_ligament_injury"),
    ("an erectile issue", "erectile_dysfunction"), ("a surgical scar", "cosmetic"),
    ("sciatic pains", "back_pain"), ("graft-vs-host diseases", "gvhd"), ("a circulation problem", "heart_disease"),
    # possessives
    ("Addison disease", "autoimmune_other"), ("Buerger disease", "heart_disease"), ("Hodgkins diseases", "blood_disorders"),
    ("Grave's disease", "autoimmune_other"),
    # hyphenated compound modifiers, and hyphenated words written open
    ("spinal-cord lesions", "spinal_cord_injury"), ("a spinal-cord disease", "spinal_cord_injury"),
    ("rotator-cuff problems", "tendon_ligament_injury"), ("carpal-tunnel syndrome", "neuropathy"),
    ("connective-tissue diseases", "autoimmune_other"), ("heart-muscle damage", "heart_disease"),
    ("bone-marrow cancers", "blood_disorders"), ("soft-tissue tears", "tendon_ligament_injury"),
    ("sacro iliac joint pain", "back_pain"), ("all over pain", "chronic_pain"), ("photo ageing", "cosmetic"),
    # abbreviations and names written from the vocabulary
    ("arthralgia", "joint_pain"), ("an HNP at L5", "back_pain"), ("RSD after a wrist fracture", "chronic_pain"),
    ("JRA", "rheumatoid_arthritis"), ("pins and needles in your feet", "neuropathy"),
    ("a disc extrusion", "back_pain"), ("back and leg pain", "back_pain"), ("damaged tendons", "tendon_ligament_injury"),
    ("a Tommy John injury", "tendon_ligament_injury"), ("PVD", "heart_disease"), ("black lung", "lung_disease"),
    ("ileitis", "inflammatory_bowel_disease"), ("myasthenia", "autoimmune_other"), ("Guillain-Barré", "autoimmune_other"),
    ("DM2", "diabetes"), ("curvature of the penis", "erectile_dysfunction"), ("lip enhancement", "cosmetic"),
    ("a degenerative cervical spine", "neck_pain"),
]


@pytest.mark.parametrize("wording,vocab_id", SPELLINGS)
def test_a_spelling_variant_of_a_known_name_is_read(wording, vocab_id):
    assert vocab_id in _conditions(wording)


PRODUCT_SPELLINGS = [
    ("umbilical-cord blood", "cord_blood"), ("umbilical-cord blood cells", "cord_blood"),
    ("peripheral-blood mononuclear cells", "peripheral_blood"), ("stem-cell mobilization", "peripheral_blood"),
    ("a cultured stem cell product", "msc"), ("lab-grown stem cell injections", "msc"), ("fat-sourced stem cell injections", "adipose"),
    ("stem-cell growth factors", "exosome"),
    ("ESCs", "embryonic_fetal"), ("cord-blood derived stem cells", "cord_blood"),
]


@pytest.mark.parametrize("wording,vocab_id", PRODUCT_SPELLINGS)
def test_a_spelling_variant_of_a_product_is_read(wording, vocab_id):
    assert vocab_id in _products(wording)


# words the variants must not turn into a condition or product
NOT_NAMES = [
    "There is a fine line between hope and hype.",
    "Our nurses will explain how to care for a small burn at the injection site.",
    "The study of a single fat cell under the microscope is fascinating.",
    "We draw marrow from the back of your hips under local anaesthetic.",
    "Dr. Adeyemi trained at the Wharton School before medical school.",
]


def test_words_that_only_look_like_a_variant_stay_unread():
    page = analyse_page(_page(OPENING, *NOT_NAMES))
    assert "wound_healing" not in page.conditions and "cosmetic" not in page.conditions
    assert "umbilical_cord" not in page.product_types
    assert set(page.product_types) <= {"adipose", "bone_marrow"}


# (sentence, flag): a wording family of the manual the lexicon never found
FLAGS = [
    ("Our cells are approved for human use by the FDA.", "fda_claim"),
    ("Our allografts are cleared for clinical use by the TGA.", "fda_claim"),
    ("Every vial is tested to FDA standards.", "fda_claim"),
    ("The allograft we use is FDA regulated and approved.", "fda_claim"),
    ("You will never have back pain again.", "cure_claim"),
    ("Patients never suffer from sciatica again.", "cure_claim"),
    ("This treatment puts multiple sclerosis into remission.", "cure_claim"),
    ("Our infusions put rheumatoid arthritis into remission.", "cure_claim"),
    ("Your body cannot reject your own cells.", "safety_claim"),
    ("Your body will not reject them.", "safety_claim"),
    ("Your immune system won't reject donor cord tissue.", "safety_claim"),
    ("Exosomes are completely non-toxic and safe.", "safety_claim"),
    ("Our injections are totally natural and safe.", "safety_claim"),
    ("Our treatment works in most cases.", "success_rate_claim"),
    ("The treatment is successful in 80 to 90% of patients.", "success_rate_claim"),
    ("This therapy has been approved in Japan and Korea.", "fda_claim"),
    ("The injections help in the vast majority of cases.", "success_rate_claim"),
    ("Choose stem cells over surgery.", "avoid_surgery_claim"),
    ("More patients now choose our injections over knee replacement.", "avoid_surgery_claim"),
]


@pytest.mark.parametrize("sentence,flag", FLAGS)
def test_a_new_wording_of_each_flag_is_found(sentence, flag):
    assert flag in _flags(sentence)


# the same words where the manual says no flag: a regulator, news, research, a denial, a hedge, another order
NOT_FLAGS = [
    ("No stem cell product has been approved for knee use by the FDA.", "fda_claim"),
    ("Clinics are not held to FDA standards when they sell unapproved cells, the agency warned.", "fda_claim"),
    ("We cannot promise that you will never have back pain again.", "cure_claim"),
    ("A news report described a clinic that claimed to put autism into remission.", "cure_claim"),
    ("Researchers hope one day to achieve lasting remission in lupus.", "cure_claim"),
    ("In rare cases the body may reject donor cells.", "safety_claim"),
    ("A news story questioned clinics that advertise a high success rate.", "success_rate_claim"),
    ("Patients usually improve in 2 to 3 weeks.", "success_rate_claim"),
    ("We opened our first clinic in Mexico in 2012.", "fda_claim"),
    ("Some patients choose surgery over injections.", "avoid_surgery_claim"),
    ("Bring your body into balance with our wellness plans.", "cure_claim"),
]


@pytest.mark.parametrize("sentence,flag", NOT_FLAGS)
def test_the_same_words_are_no_flag_where_the_manual_says_so(sentence, flag):
    assert flag not in _flags(sentence)


def test_a_regulator_page_with_the_new_wordings_claims_nothing():
    html = ("<html><head><title>Consumer alert | State Health Board</title></head><body><h1>Consumer alert</h1>"
            "<p>The board warns that some clinics tell patients they will never have back pain again, that their body "
            "cannot reject the cells, or that their products were approved for human use by the FDA.</p>"
            "<p>None of these claims is true. Ask your doctor before paying for unapproved injections.</p></body></html>")
    page = analyse_page(html)
    assert not page.offers_treatment
    assert page.red_flags == []


def test_a_singular_variant_does_not_cut_the_named_source_out_of_the_quote():
    """A phrase added as a variant must not win a span from the longer names around it: in "umbilical cord stem
    cell therapy" the quote keeps "umbilical cord" (and the therapy its own mention), not a "cord stem cell" that
    starts inside the source's name (session 26 review: the singular variant changed the demo's claim rows)."""
    page = analyse_page(_page("At Harrowgate Regenerative Clinic we offer umbilical cord stem cell therapy for knee "
                              "arthritis."))
    quoted = {(c.vocab_id, c.matched_text.lower()) for c in page.claims if c.kind == "product_type"}
    assert ("umbilical_cord", "umbilical cord") in quoted
    assert not any(text.startswith("cord stem cell") for _, text in quoted)


@pytest.mark.parametrize("wording, source, quote", [
    # a shorter singular variant won the span and cut the quote (session 26's span audit, docs/claim-model.md)
    ("culture expanded stem cell therapy", "msc", "culture expanded stem cell"),
    ("umbilical cord blood derived stem cell treatment", "cord_blood", "umbilical cord blood derived stem cell"),
    ("umbilical cord blood-derived stem cell shots", "cord_blood", "umbilical cord blood-derived stem cell"),
    # a hyphenated "cord-blood" left "blood derived stem cell" to read as peripheral blood
    ("cord-blood derived stem cell injections", "cord_blood", "cord-blood derived stem cell"),
    ("umbilical cord-blood derived stem cell infusions", "cord_blood", "umbilical cord-blood derived stem cell"),
    # a fully hyphenated "umbilical-cord-blood" read as umbilical cord tissue
    ("umbilical-cord-blood cells", "cord_blood", "umbilical-cord-blood cells"),
    # "embryonic-like" is marketing for cells that are not embryonic; the plural already read so
    ("embryonic-like stem cell injections", "unspecified_stem_cell", "embryonic-like stem cell"),
    ("peripheral-blood mononuclear cell infusions", "peripheral_blood", "peripheral-blood mononuclear cell"),
])
def test_a_singular_or_hyphenated_source_name_is_quoted_whole_under_its_own_id(wording, source, quote):
    """The quote a regulator reads names the source as the page does, and no other source's id rides along."""
    page = analyse_page(_page(f"At Harrowgate Regenerative Clinic we offer {wording} for knee arthritis."))
    quoted = {(c.vocab_id, c.matched_text.lower()) for c in page.claims if c.kind == "product_type"}
    assert (source, quote) in quoted
    assert {vocab_id for vocab_id, _ in quoted} <= {source, "unspecified_stem_cell"}


def _condition_quotes(sentence: str) -> set[tuple[str, str]]:
    page = analyse_page(_page(sentence))
    return {(c.vocab_id, c.matched_text.lower()) for c in page.claims if c.kind == "condition"}


@pytest.mark.parametrize("sentence, condition, quote", [
    # a sentence-final "C." or "B." is one token (an initial), so the phrase "hep c" never matched there
    ("At Harrowgate Regenerative Clinic we offer stem cell treatment for hep C.", "liver_disease", "hep c."),
    ("At Harrowgate Regenerative Clinic we offer stem cell treatment for hep b. Book today.", "liver_disease", "hep b."),
    # "treatment for hair" won the span from "hair rejuvenation", and the leftover "rejuvenation" read as anti-ageing
    ("At Harrowgate Regenerative Clinic we offer exosome treatment for hair rejuvenation.", "hair_loss",
     "treatment for hair rejuvenation"),
    # ... and cut "loss" out of the quote
    ("At Harrowgate Regenerative Clinic we offer stem cell treatment for hair loss.", "hair_loss",
     "treatment for hair loss"),
])
def test_a_condition_is_quoted_whole_and_alone(sentence, condition, quote):
    """The lexicon's own condition phrases, on a selling sentence of ours, read as their id with the whole phrase
    quoted and no other condition beside them (the lead's span audit of every phrase in session 27: these 3 of 4,288
    failed)."""
    quoted = _condition_quotes(sentence)
    assert (condition, quote) in quoted
    assert {vocab_id for vocab_id, _ in quoted} == {condition}
