"""Claim-reading failures found by the blind claims batch (`claims29`, session 29), probed in new wording.

The batch (data/devset/pages/c01-c24) was written and labelled before the extractor was read; these
are the general categories its misses fell into, each probed here in sentences written for the test
(none is the batch's own sentence). Every probe failed before its rule:

- a denial of treatment in the plural ("our drips are not treatments for X, Y or Z") and a broker's
  or clinic's "we do not arrange / book treatment for X";
- symptoms told of the people who have a named disease ("people with X may experience Y");
- the class a disease belongs to in its definition ("lupus is an autoimmune disease");
- a cause told as history ("arthritis can develop decades after an old ligament tear");
- another study's or team's product ("a Swedish study used donor fat cells");
- a success rate whose patients "tell us" the outcome ("8 in 10 ... tell us");
- a hero banner holding the page's <h1> outside the page's one <main> is the page's headline, not a menu.
"""

from __future__ import annotations

import pytest

from clinicscan.nlp.analyse import analyse_page
from clinicscan.nlp.html_text import html_to_text
from claim_probe import counted


# -- a denial of treatment in the plural, and "we do not arrange / book" -----------------------------

@pytest.mark.parametrize(("text", "denied"), [
    ("Our vitality drips are not treatments for kidney disease, lupus or stroke.", {"kidney_disease", "lupus", "stroke"}),
    ("These injections are not cures for Parkinson's disease or ALS.", {"parkinsons", "als"}),
    ("We do not book stem cell care for autism or cerebral palsy.", {"autism", "cerebral_palsy"}),
    ("Our coordinators never arrange treatment for heart failure.", {"heart_disease"}),
    ("The agency does not schedule infusions for COPD patients.", {"lung_disease"}),
])
def test_a_denied_treatment_in_the_plural_or_by_a_broker_is_not_claimed(text, denied):
    assert not denied & counted(text, "condition")


def test_a_plain_offer_in_the_plural_still_counts():
    assert "lupus" in counted("Our infusions are treatments designed for lupus.", "condition")


# -- symptoms of a named disease, said of the people who have it --------------------------------------

@pytest.mark.parametrize(("text", "kept", "symptom"), [
    ("Patients with Parkinson's disease often experience poor sleep, low mood and memory loss.",
     "parkinsons", "alzheimers_dementia"),
    ("People with multiple sclerosis can experience blurred vision, spasms and nerve pain.",
     "multiple_sclerosis", "neuropathy"),
    ("Adults with rheumatoid arthritis frequently develop dry eyes, tiredness and lung scarring.",
     "rheumatoid_arthritis", "lung_disease"),
    ("Many people with lupus also suffer from sore, stiff joints and kidney problems.", "lupus", "kidney_disease"),
])
def test_a_symptom_of_a_named_disease_is_not_a_further_condition(text, kept, symptom):
    found = counted(text, "condition")
    assert kept in found and symptom not in found


def test_a_symptom_offered_on_its_own_still_counts():
    assert "alzheimers_dementia" in counted("We offer cord cell infusions for memory loss.", "condition")


# -- the class of a disease in its definition ---------------------------------------------------------

@pytest.mark.parametrize(("text", "kept", "cls"), [
    ("Lupus is an autoimmune disease that our cord cell protocol is designed for.", "lupus", "autoimmune_other"),
    ("Crohn's disease is a chronic autoimmune condition of the gut; we treat it with MSC infusions.",
     "inflammatory_bowel_disease", "autoimmune_other"),
])
def test_the_class_of_a_defined_disease_is_not_claimed(text, kept, cls):
    found = counted(text, "condition")
    assert kept in found and cls not in found


def test_an_autoimmune_offer_still_counts():
    assert "autoimmune_other" in counted("We treat autoimmune diseases with umbilical cord cells.", "condition")


# -- a cause told as history ---------------------------------------------------------------------------

def test_what_a_condition_develops_after_is_its_cause():
    found = counted("Hip arthritis can develop decades after a childhood fracture or an old ligament tear.",
                    "condition")
    assert "osteoarthritis" in found and "tendon_ligament_injury" not in found


def test_a_treated_tear_still_counts():
    assert "tendon_ligament_injury" in counted("We inject PRP into ligament tears after a sprain.", "condition")


# -- another study's product ----------------------------------------------------------------------------

def test_another_studys_product_is_not_the_pages():
    text = "A Swedish study used donor fat cells in runners; in our clinic we inject your own bone marrow concentrate."
    found = counted(text, "product_type")
    assert "bone_marrow" in found and "adipose" not in found


def test_our_own_study_keeps_its_product():
    assert "umbilical_cord" in counted("Our own study used umbilical cord cells in forty patients.", "product_type")


# -- a success rate told by the patients -----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Eight out of 10 of our shoulder patients tell us the ache has eased by spring.",
    "7 in 10 of our hip patients tell us they sleep through the night again.",
])
def test_patients_who_tell_us_the_outcome_are_a_success_rate(text):
    assert "success_rate_claim" in counted(text, "red_flag")


# -- a hero banner outside <main> ------------------------------------------------------------------------

HERO = """<html><head><title>Joint Care | Bayside Regenerative</title></head><body>
<div class="hero"><h1>Skip the knee replacement.</h1><p>Bone marrow concentrate at Bayside Regenerative.</p></div>
<nav><a href="/">Home</a> <a href="/copd">COPD</a> <a href="/autism">Autism</a></nav>
<main><h2>How it works</h2><p>Dr. Okafor draws marrow from your hip and injects the concentrate into your knee
the same morning. One knee costs $3,900. Book a consultation today.</p></main>
<footer><p>Results vary.</p></footer></body></html>"""


def test_a_hero_with_the_pages_h1_before_main_is_main_text():
    page = html_to_text(HERO)
    assert page.text.index("Skip the knee replacement.") < page.nav_start
    assert page.text.index("COPD") >= page.nav_start


def test_a_hero_claim_counts_for_the_page():
    analysis = analyse_page(HERO)
    assert analysis.offers_treatment and "avoid_surgery_claim" in analysis.red_flags


def test_a_site_header_with_a_logo_h1_stays_navigation():
    page = html_to_text("""<html><body><div class="site-header"><h1>Bayside</h1><p>Avoid surgery today</p></div>
    <main><p>We inject bone marrow concentrate into sore knees at our clinic in Tampa.</p></main></body></html>""")
    assert page.text.index("Avoid surgery today") >= page.nav_start


def test_main_with_its_own_h1_leaves_the_outside_alone():
    page = html_to_text("""<html><body><div class="promo"><h1>Holiday offer</h1><p>20% off</p></div>
    <main><h1>Knee injections</h1><p>We inject bone marrow concentrate into sore knees at our clinic.</p></main>
    </body></html>""")
    assert page.text.index("20% off") >= page.nav_start
