"""Probes for failure categories found on the dev set's `general` split, in other words.

Each group names a category of real-page wording (HTML entities, critics who sell other
care, foreign regulator licences, rate tables...). The sentences are written for the project
in wording different from the dev pages, so a passing probe says the rule covers the
category, not one page.
"""

from __future__ import annotations

import pytest

from clinicscan.nlp.analyse import analyse_page
from claim_probe import counted


# -- HTML entities are typography too ---------------------------------------------------------

@pytest.mark.parametrize(("html", "kind", "vocab_id"), [
    ("<p>We don&rsquo;t use amniotic fluid in any procedure.</p>", "product_type", "amniotic"),
    ("<p>Our clinic doesn&#8217;t offer exosome facials.</p>", "product_type", "exosome"),
    ("<p>These injections aren&#x2019;t FDA approved.</p>", "red_flag", "fda_claim"),
    ("<p>We can&rsquo;t guarantee results&nbsp;for anyone.</p>", "red_flag", "success_rate_claim"),
])
def test_entity_apostrophes_negate_like_plain_ones(html, kind, vocab_id):
    page = analyse_page(f"<html><body><main><h1>Treatments</h1>{html}</main></body></html>")
    assert not page.error
    claims = [c for c in page.claims if c.kind == kind and c.vocab_id == vocab_id]
    assert claims, "the mention itself should still be found"
    assert all(c.context == "negated" for c in claims)


@pytest.mark.parametrize(("html", "condition"), [
    ("<p>Help for Parkinson&rsquo;s disease.</p>", "parkinsons"),
    ("<p>Our anti&#8209;aging protocol.</p>", "anti_aging"),
    ("<p>Relief for Alzheimer&#39;s and dementia.</p>", "alzheimers_dementia"),
])
def test_entity_typography_does_not_hide_a_condition(html, condition):
    page = analyse_page(f"<html><body><main><h1>Conditions</h1>{html}</main></body></html>")
    assert condition in {c.vocab_id for c in page.claims if c.kind == "condition"}


# -- foreign health-regulator licences are regulator claims ----------------------------------

@pytest.mark.parametrize("text", [
    "Our cell bank holds a processing licence granted by Colombia's Ministry of Health.",
    "The centre is registered with the Honduran Secretariat of Health for cellular therapies.",
    "Our hospital was licensed by the Kingdom's Ministry of Public Health in 2019.",
    "Each batch is released under an MOH licence for advanced therapies.",
    "The laboratory is DHA-licensed and inspected every year.",
    "Treatments are given under an INVIMA registration for the cell product.",
])
def test_foreign_regulator_licence_is_an_fda_claim(text):
    assert "fda_claim" in counted(text, "red_flag")


@pytest.mark.parametrize("text", [
    "Our exosomes come from a GMP-certified manufacturer in Switzerland.",
    "The lab follows GMP standards for cleanliness.",
    "Listing the study online does not mean that any agency has approved the therapy.",
    "Being on the registry is not the same as government approval of the treatment.",
    "The clinic's licence was suspended last year.",
])
def test_quality_standards_and_listing_disclaimers_are_not_fda_claims(text):
    assert "fda_claim" not in counted(text, "red_flag")


# -- delaying or escaping surgery and transplants ---------------------------------------------

@pytest.mark.parametrize("text", [
    "For many patients an injection can buy years before a hip replacement.",
    "Regenerative care buys you time until spinal fusion becomes necessary.",
    "Bid farewell to the worry of a metal prosthesis.",
    "Two years after her infusions, she came off the liver transplant waiting list.",
    "I had been on the kidney transplant list for a year before I flew to the clinic.",
])
def test_delaying_or_escaping_an_operation_is_avoid_surgery(text):
    assert "avoid_surgery_claim" in counted(text, "red_flag")


@pytest.mark.parametrize("text", [
    "We buy our supplies before surgery day.",
    "Your prosthesis will be fitted by our surgeon.",
    "The transplant team reviews every patient on the donor registry.",
])
def test_surgery_words_without_escape_are_not_avoid_surgery(text):
    assert "avoid_surgery_claim" not in counted(text, "red_flag")


# -- boilerplate disclaimers ------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "THE CONTENT OF THIS SITE IS NOT MEANT TO DIAGNOSE, TREAT, CURE OR PREVENT ANY ILLNESS.",
    "None of our products are intended to diagnose, treat, cure, or prevent any disease.",
    "These statements are for education only and do not diagnose, mitigate or cure any condition.",
])
def test_diagnose_treat_cure_disclaimer_is_not_a_cure_claim(text):
    assert "cure_claim" not in counted(text, "red_flag")


@pytest.mark.parametrize(("text", "flag"), [
    ("Our injections prevent or delay a knee replacement.", "avoid_surgery_claim"),
    ("We diagnose your injury and our cells regrow cartilage.", "cure_claim"),
])
def test_claims_near_diagnosis_words_still_count(text, flag):
    assert flag in counted(text, "red_flag")


# -- a product's source or a body site is not a second product -------------------------------

@pytest.mark.parametrize(("text", "offered", "source"), [
    ("Each vial holds 20 billion exosomes (isolated from umbilical cord MSC cultures).", "exosome", "umbilical_cord"),
    ("Our serum contains extracellular vesicles, derived from adipose stem cells, for glowing skin.", "exosome", "adipose"),
    ("The stem cells in your bone marrow shrink in number after 40, so we use exosomes instead.", "exosome", "bone_marrow"),
])
def test_source_or_site_of_a_product_is_not_offered(text, offered, source):
    found = counted(text, "product_type")
    assert offered in found
    assert source not in found


@pytest.mark.parametrize(("text", "products"), [
    ("We infuse mesenchymal stem cells isolated from the umbilical cord tissue of healthy births.", {"msc", "umbilical_cord"}),
    ("Our cells are expanded from Wharton's jelly isolated from the cord.", {"umbilical_cord"}),
])
def test_cells_isolated_from_a_tissue_name_that_tissue(text, products):
    assert products <= counted(text, "product_type")


# -- conditions named as exclusions, follow-up, background or hyphenated sites ---------------

@pytest.mark.parametrize(("text", "condition"), [
    ("This programme is not offered to anyone with a history of leukaemia.", "blood_disorders"),
    ("Infusions are not suitable for people who have uncontrolled diabetes.", "diabetes"),
    ("We cannot accept guests with active cancer.", "cancer"),
    ("After treatment our nurses monitor every patient closely for graft-versus-host disease.", "gvhd"),
    ("Before any injection we screen you for lupus and other conditions.", "lupus"),
    ("Smoking is a major risk factor for COPD and heart disease.", "lung_disease"),
    ("Inflammation is a leading cause of cognitive decline.", "alzheimers_dementia"),
])
def test_exclusions_follow_up_and_background_are_not_claimed(text, condition):
    assert condition not in counted(text, "condition")


@pytest.mark.parametrize(("text", "condition"), [
    ("We treat SI-joint pain and facet-joint arthritis with PRP.", "back_pain"),
    ("Our transplant team treats children with blood and immune disorders.", "blood_disorders"),
    ("We treat active adults with knee arthritis.", "osteoarthritis"),
    ("Our protocol is available for patients with COPD.", "lung_disease"),
])
def test_condition_claims_next_to_those_words_still_count(text, condition):
    assert condition in counted(text, "condition")


def test_facet_joint_pain_is_back_pain_only():
    assert counted("We offer PRP for facet-joint pain.", "condition") == {"back_pain"}


# -- lay and coordinated wording for conditions and blood-derived cells ----------------------

@pytest.mark.parametrize(("text", "kind", "vocab_id"), [
    ("Got worn hip cartilage? Our injections are made for you.", "condition", "osteoarthritis"),
    ("She sees patients with cervical or thoracic disc herniations.", "condition", "neck_pain"),
    ("Clients tell us about better skin after the second session.", "condition", "cosmetic"),
    ("On day two we isolate stem cells from your own blood and infuse them.", "product_type", "peripheral_blood"),
])
def test_lay_and_coordinated_wording_is_recognised(text, kind, vocab_id):
    assert vocab_id in counted(text, kind)


# -- dental and other practices selling PRP/marrow are offering; degrees are not MS ---------

def test_dental_practice_selling_prf_and_marrow_grafts_offers_treatment():
    html = ("<html><head><title>Bone grafts with PRF | Harbour Dental Implants</title></head><body><main>"
            "<h1>Grafting before dental implants</h1>"
            "<p>When a tooth has been missing for years, the jaw bone shrinks and there is too little bone to hold "
            "new teeth. We spin a sample of your blood to make platelet-rich fibrin and mix it with the graft.</p>"
            "<p>For bigger grafts our periodontist collects bone marrow aspirate from your hip.</p>"
            "<p>Grafting fees are quoted at your visit.</p></main></body></html>")
    page = analyse_page(html)
    assert page.offers_treatment
    assert {"prp", "bone_marrow"} <= set(page.product_types)


@pytest.mark.parametrize("text", [
    "Meet Dr. Lee Park, DMD, MS, our implant surgeon.",
    "Sam Ortiz, PT, MS, leads rehabilitation.",
])
def test_ms_after_another_degree_is_a_degree(text):
    assert "multiple_sclerosis" not in counted(text, "condition")


# -- reader questions with an FAQ or commenter label are questions ----------------------------

@pytest.mark.parametrize(("text", "condition"), [
    ("Q: Could this work for my husband's Parkinson's?", "parkinsons"),
    ("Question: Would it help with lupus?", "lupus"),
    ("Rosa M.: Can you do anything for my son's autism?", "autism"),
    ("Derek wrote: Do you treat kidney disease?", "kidney_disease"),
])
def test_labelled_reader_questions_are_not_claims(text, condition):
    assert condition not in counted(text, "condition")


@pytest.mark.parametrize(("text", "condition"), [
    ("Knee arthritis: is surgery really your only option?", "osteoarthritis"),
    ("Suffering from neuropathy? Book a visit.", "neuropathy"),
])
def test_marketing_headings_with_questions_still_claim(text, condition):
    assert condition in counted(text, "condition")


# -- lab markers are not conditions -------------------------------------------------------------

@pytest.mark.parametrize(("text", "claimed"), [
    ("Your intake panel covers thyroid, blood sugar and vitamin D.", False),
    ("Our protocol may improve blood sugar control in type 2 patients.", True),
    ("Ask us about help for blood sugar problems.", True),
])
def test_blood_sugar_as_a_lab_marker_is_not_diabetes(text, claimed):
    assert ("diabetes" in counted(text, "condition")) is claimed


# -- critics who sell other care (surgery, physio) do not offer the vocabulary's products ----

_SURGEON = """<html><head><title>Should you try stem cells for your hip? | Dr. Mara Quill, Orthopaedic Surgeon</title></head>
<body><main><h1>Should you try stem cells for your hip?</h1>
<p>Patients often bring me flyers promising that an injection will regrow cartilage and that 9 out of 10 people avoid surgery.</p>
<p>Clinics may use bone marrow, fat, or amniotic tissue. The evidence for any of these in hip arthritis is weak.</p>
<p>I do not provide stem cell or PRP injections in my practice, because I cannot honestly say they are worth the money.</p>
<p>What I do offer: an honest assessment, physiotherapy referral, and hip replacement when the time is right.
Consultation fee $180. Call us today on 555-0100 to book.</p></main></body></html>"""

_PHYSIO = """<html><head><title>PRP and stem cells for tennis elbow: what the evidence says | Northside Physio</title></head>
<body><main><h1>PRP and stem cells for tennis elbow: what the evidence says</h1>
<p>We get asked every week whether a PRP shot or stem cells will fix a sore elbow.</p>
<p>Our honest answer: loading exercise works for most people. We don't sell injections of any kind.</p>
<p>An initial assessment costs $95 and you can book online or call us.</p></main></body></html>"""

_PRP_ONLY = """<html><head><title>Knee PRP | Lakeside Sports Medicine</title></head><body><main>
<h1>PRP for knee arthritis</h1>
<p>We do not offer stem cell injections, because the evidence is thin.</p>
<p>We do offer platelet-rich plasma for knee arthritis: $650 per injection. Call us today to book.</p>
</main></body></html>"""


@pytest.mark.parametrize("html", [_SURGEON, _PHYSIO], ids=["surgeon", "physio"])
def test_critic_selling_other_care_does_not_offer_treatment(html):
    page = analyse_page(html)
    assert not page.offers_treatment
    assert page.product_types == [] and page.red_flags == [] and page.conditions == []


def test_clinic_declining_stem_cells_but_selling_prp_still_offers():
    page = analyse_page(_PRP_ONLY)
    assert page.offers_treatment
    assert page.product_types == ["prp"]
    assert "osteoarthritis" in page.conditions


@pytest.mark.parametrize(("text", "product"), [
    ("People often ask us whether exosomes are better than PRP.", "exosome"),
    ("Many readers wonder whether amniotic injections are worth it.", "amniotic"),
    ("Cord tissue injections: what the research says", "umbilical_cord"),
])
def test_embedded_questions_and_evidence_frames_are_not_offers(text, product):
    assert product not in counted(text, "product_type")


# -- more ways to state a rate or an escape from surgery ----------------------------------------

@pytest.mark.parametrize(("text", "flag"), [
    ("On average, stiffness scores dropped by about 55% after treatment.", "success_rate_claim"),
    ("Mobility improved by 70 percent in our patients.", "success_rate_claim"),
    ("Our goal is simple: helping you keep your own hips for life.", "avoid_surgery_claim"),
])
def test_rate_and_escape_wording_is_a_red_flag(text, flag):
    assert flag in counted(text, "red_flag")


@pytest.mark.parametrize(("text", "flag"), [
    ("Prices dropped by 20% for members this month.", "avoid_surgery_claim"),
    ("Why choose our clinic? Our surgeons have 20 years of experience.", "avoid_surgery_claim"),
    # a rhetorical question is not a red flag (coding manual section 3; tests/test_nlp_probes_red_flags_scope.py)
    ("Why risk a complicated operation when a simple injection exists?", "avoid_surgery_claim"),
])
def test_rate_and_escape_look_alikes(text, flag):
    assert flag not in counted(text, "red_flag")


# -- a reader's own question in a comment thread is not the business's claim ---------------------

@pytest.mark.parametrize(("text", "condition"), [
    ("My father has Parkinson's, could this help him? - Tom", "parkinsons"),
    ("I've had lupus since 2015, can you do anything for me?", "lupus"),
    ("Our son has autism; would this be suitable?", "autism"),
])
def test_reader_questions_in_comments_are_not_claims(text, condition):
    assert condition not in counted(text, "condition")


@pytest.mark.parametrize(("text", "condition"), [
    ("My knee arthritis is gone after two sessions! - Pat", "osteoarthritis"),
    ("Our clinic treats COPD - call us today", "lung_disease"),
])
def test_testimonials_and_signed_statements_still_claim(text, condition):
    assert condition in counted(text, "condition")


@pytest.mark.parametrize(("text", "claimed"), [
    ("Members notice more energy and skin that glows.", True),
    ("Benefits: mood, focus & skin.", True),
    ("A small needle passes through the skin into the joint.", False),
])
def test_skin_listed_among_wellness_benefits_is_cosmetic(text, claimed):
    assert ("cosmetic" in counted(text, "condition")) is claimed


# -- outcome tables: a percentage under an "Improved" column is a success rate -----------------

def _table_page(header: str, cell: str) -> str:
    return ("<html><body><main><h1>Our results</h1><table>"
            f"<tr><th>Diagnosis</th><th>{header}</th></tr>"
            f"<tr><td>Knee osteoarthritis</td><td>{cell}</td></tr>"
            "<tr><td>Rotator cuff tear</td><td>80%</td></tr></table>"
            "<p>We use bone marrow concentrate. Book a consultation today.</p></main></body></html>")


@pytest.mark.parametrize(("header", "cell", "flagged"), [
    ("Patients reporting improvement", "84%", True),
    ("Responders at 12 months", "<strong>72%</strong>", True),
    ("Success", "65-70%", True),
    ("Deposit required", "30%", False),
    ("Share of our caseload", "45%", False),
])
def test_outcome_table_percentages_are_success_rates(header, cell, flagged):
    page = analyse_page(_table_page(header, cell))
    assert ("success_rate_claim" in page.red_flags) is flagged


def test_skin_next_to_a_wellness_condition_keeps_both():
    found = counted("Programmes for longevity, skin and vitality.", "condition")
    assert "anti_aging" in found


# -- a licence number split off by "No." still names its ministry ------------------------------

@pytest.mark.parametrize(("text", "flagged"), [
    ("We operate under authorisation No. UZ-7/0915 of the Ministry of Health.", True),
    ("Certificate Nr. B12-554 from the Secretariat of Public Health.", True),
    ("Since 2020 of the Department of Health visits, none found problems.", False),
    ("Phone 555-0199 from the Department of Health lobby.", False),
])
def test_licence_code_from_a_ministry_is_an_fda_claim(text, flagged):
    assert ("fda_claim" in counted(text, "red_flag")) is flagged
