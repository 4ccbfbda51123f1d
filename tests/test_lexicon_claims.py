"""Red-flag wordings real pages use, in varied styles: each must be found by the lexicon.

Written for the project (not copied from any site); they widen the tune set's wordings.
"""

from __future__ import annotations

import pytest

from clinicscan.nlp.short_text import match_ids

PROBES = {
 "fda_claim": ["Our stem cells are processed in an FDA-approved laboratory.", "All products come from FDA registered tissue banks.",
   "The procedure is performed in full compliance with FDA guidelines.", "Our lab holds a COFEPRIS license.", "The clinic is licensed by the Ministry of Health of Panama.",
   "We only use FDA-cleared devices.", "Our umbilical cord tissue is FDA-compliant under Section 361.", "Approved by Health Canada.",
   "This therapy is government approved in Mexico.", "Cells are sourced from an AATB-accredited, FDA-registered lab.", "Our facility is FDA inspected.",
   "We are fully licensed and regulated by the Cayman Islands Health Regulatory Authority.",
   "Our treatment protocols have received regulatory approval in the Bahamas.", "Legally sanctioned by the Ministry of Health.",
   "The exosomes are produced in a cGMP facility registered with the FDA."],
 "cure_claim": ["Stem cells can cure your arthritis.", "Reverse the damage of MS.", "Regrow lost cartilage in weeks.", "Our therapy regenerates damaged nerves.",
   "Rebuild your knee from the inside.", "Permanent results after one treatment.", "Patients say their pain was gone for good.",
   "Heal your joints permanently.", "It repairs the damage at the root cause so it never comes back.", "Say goodbye to back pain forever.",
   "Your knee will be like new again.", "Restore your lungs to full function.", "A long-term solution that fixes the problem instead of masking symptoms.",
   "Grow new healthy cartilage.", "Turn back the clock on aging joints and reverse arthritis.", "The cells replace damaged tissue with healthy new tissue."],
 "safety_claim": ["There are no side effects.", "Virtually no risk.", "Since the cells are your own, there is zero risk of rejection.", "The procedure is completely safe.",
   "100% safe and natural.", "Risk-free treatment.", "No adverse reactions have ever been reported.", "It is totally harmless.", "There is no chance of rejection.",
   "Side-effect free and drug free.", "Exosomes carry no risk of tumor formation.", "Absolutely safe for all ages.", "Our treatment has no known risks.",
   "Without any side effects.", "It is impossible for your body to reject your own cells."],
 "success_rate_claim": ["85% of patients report improvement.", "Over 90% of our patients are satisfied.", "Nine out of ten patients avoid surgery.",
   "We have an 87% success rate.", "80 percent of patients experience pain relief.", "A 95 percent satisfaction rate.", "Results guaranteed or your money back.",
   "Success rates as high as 92%.", "In our experience, 4 in 5 patients improve.", "Patients see a 70% reduction in pain.", "Most patients (over 80%) see results.",
   "We guarantee results.", "Improvement in 9 of 10 cases.", "An average improvement of 60% in mobility scores.",
   # the coding manual's "the majority of patients improve" is a share of patients improving
   "Most patients feel better within weeks.", ],
 "avoid_surgery_claim": ["Avoid knee replacement surgery.", "A non-surgical alternative to hip replacement.", "Skip the operating room.", "Delay or avoid joint replacement.",
   "Get back to life without the need for surgery.", "No need for spinal fusion.", "Say goodbye to knee replacement.", "You may not need surgery at all.", "Surgery is not your only option.",
   "Instead of surgery, consider regenerative medicine.", "Postpone surgery for years.", "An option for people who want to avoid the risks and downtime of surgery.", "Cancel your surgery."],
}


@pytest.mark.parametrize(("red_flag", "sentence"), [(k, s) for k, v in PROBES.items() for s in v])
def test_lexicon_red_flag_wordings(red_flag, sentence):
    assert red_flag in match_ids(sentence, "red_flag")


@pytest.mark.parametrize("sentence", [
    "Stem cell therapy is a safe and effective option.",
    "Minimal risk and low downtime.",
    "Most patients need two or three sessions.",
    "Our minimally invasive, non-surgical procedure takes an hour.",
    "Regenerative medicine helps your body heal itself.",
    "The FDA regulates drugs, not the practice of medicine.",
    "No surgery, no downtime, no hospital stay.",
    "The cells are delivered by catheter, without open-heart surgery.",
    "Members save 15% on every infusion.",
    "Over 3,000 patients treated since 2012.",
    "Our cord blood bank is AABB-accredited and FACT-accredited.",
    "The study is IRB-approved and registered on ClinicalTrials.gov.",
])
def test_lexicon_wordings_that_are_not_red_flags(sentence):
    assert match_ids(sentence, "red_flag") == set()
