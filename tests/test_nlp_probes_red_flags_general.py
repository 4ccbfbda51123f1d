"""Red flags as the coding manual defines them, in wording no page of the team has used.

The red-flag patterns were first written while reading pages, and read new wording poorly
(real-world tune F1 0.88 where they were written, 0.45 on unseen pages). These probes were
written from ../shared/ANNOTATION.md section 3 and ../shared/vocabulary.md alone, one family of
paraphrases per flag (the verbs, nouns and adjectives a clinic may use, in headings, bullets,
run-on marketing, testimonials and non-native English), never from ../shared/realworld. The
negative probes are the manual's exclusions in the same families: hedges, negations and
disclaimers, questions, someone else's claim (a regulator or reporter quoting clinics), the
body's own biology, descriptors and praise that names no flag.

Each probe is a short seller page (an opening line that sells, then the sentence), except the
quoted-warning probes, which are a regulator's page and must carry no flag at all.
"""

import pytest

from clinicscan.nlp.analyse import analyse_page

OPENING = ("<h1>Bluewater Cell Institute</h1><p>We offer umbilical cord stem cell and PRP treatments at our "
           "clinic in Cancun. Book your consultation today.</p>")


def flags(sentence: str) -> set[str]:
    page = analyse_page(f"{OPENING}<p>{sentence}</p>")
    assert page.offers_treatment, "the opening line should make the probe page a seller"
    return set(page.red_flags)


CLAIMED = [
    # cure_claim: cure, reverse, regrow, regenerate, rebuild, repair, permanently fix
    ("Our protocol cures rheumatoid arthritis in most cases.", "cure_claim"),
    ("A curative approach to diabetic neuropathy.", "cure_claim"),
    ("Stem cells heal the joint completely, so the pain never returns.", "cure_claim"),
    ("The infusion reverses the damage multiple sclerosis does to the nerves.", "cure_claim"),
    ("Reversal of lung scarring in as little as three months.", "cure_claim"),
    ("Our exosomes regenerate worn knee cartilage.", "cure_claim"),
    ("These cells regrow the hair follicles you have lost.", "cure_claim"),
    ("The treatment rebuilds the damaged disc from the inside out.", "cure_claim"),
    ("Your own cells repair torn rotator cuff tendons.", "cure_claim"),
    ("The injections heal damaged nerve tissue.", "cure_claim"),
    ("The cells restore damaged heart muscle to full function.", "cure_claim"),
    ("A permanent solution for chronic back pain.", "cure_claim"),
    ("Be free of knee pain for life.", "cure_claim"),
    ("One treatment and the arthritis is gone for good.", "cure_claim"),
    ("STEM CELLS REGENERATE DAMAGED TISSUE AND ORGANS", "cure_claim"),
    ("Cartilage is regenerated within weeks of the injection.", "cure_claim"),
    ("The therapy regenerates new neurons in the damaged brain area.", "cure_claim"),
    ("Testimonial: \"The stem cells cured my Crohn's disease.\" - Maria, 52", "cure_claim"),
    ("Our patients get their sight back after the eye protocol.", "cure_claim"),
    ("With our therapy, type 1 diabetes is fully reversed.", "cure_claim"),
    ("The umbilical cord cells replace the damaged cartilage with healthy new tissue.", "cure_claim"),
    ("With our cells the disease is halted and even regresses.", "cure_claim"),
    ("Our infusions eradicate the autoimmune attack at its source.", "cure_claim"),
    ("Once the tendon has healed, the results remain permanent.", "cure_claim"),
    ("Six weeks after the shot my shoulder feels like new! - Dana P.", "cure_claim"),
    ("Unlike painkillers, our cells heal the underlying cause.", "cure_claim"),
    ("The infusion repairs the damage that the stroke left behind.", "cure_claim"),
    ("Restore your hip cartilage with your own cells.", "cure_claim"),
    # safety_claim: absolute safety, also denying one named risk
    ("The procedure has zero side effects.", "safety_claim"),
    ("There is absolutely no risk involved.", "safety_claim"),
    ("Our cord cells carry no risk of rejection.", "safety_claim"),
    ("Completely safe and natural.", "safety_claim"),
    ("It is 100 % safe for children and the elderly.", "safety_claim"),
    ("A risk free treatment with no downtime.", "safety_claim"),
    ("No downtime and no risk.", "safety_claim"),
    ("Exosome therapy is totally harmless.", "safety_claim"),
    ("The injection is safe for everyone.", "safety_claim"),
    ("Without any side effect, you can return to work the same day.", "safety_claim"),
    ("There is no danger of infection because the cells are tested.", "safety_claim"),
    ("Stem cell treatment has no negative effects on your body.", "safety_claim"),
    ("Rejection is impossible because the cells are your own.", "safety_claim"),
    # success_rate_claim: a rate or share of patients improving, guaranteed results
    ("Over 90% of our patients report significant relief.", "success_rate_claim"),
    ("Success rate: 87%", "success_rate_claim"),
    ("We have a 95 percent success rate with knee injections.", "success_rate_claim"),
    ("Nine out of ten patients improve after a single treatment.", "success_rate_claim"),
    ("7 of 9 patients walked without a cane at three months.", "success_rate_claim"),
    ("The vast majority of our patients see results within weeks.", "success_rate_claim"),
    ("Guaranteed results or your money back.", "success_rate_claim"),
    ("98% patient satisfaction", "success_rate_claim"),
    ("Four in five patients had less pain after treatment.", "success_rate_claim"),
    ("Almost all of our patients notice an improvement.", "success_rate_claim"),
    ("The therapy works in 85% of cases.", "success_rate_claim"),
    ("We guarantee you will feel the difference.", "success_rate_claim"),
    ("Two thirds of our patients stopped taking pain medication.", "success_rate_claim"),
    ("Our protocol brings real improvement in a very large proportion of cases.", "success_rate_claim"),
    ("A high percentage of our patients are walking pain-free within a month.", "success_rate_claim"),
    # avoid_surgery_claim: avoid, delay or replace surgery or joint replacement
    ("Avoid knee replacement surgery with one injection.", "avoid_surgery_claim"),
    ("A non-surgical alternative to spinal fusion.", "avoid_surgery_claim"),
    ("Delay or even eliminate the need for hip surgery.", "avoid_surgery_claim"),
    ("Skip the operating room and get back to golf.", "avoid_surgery_claim"),
    ("Don't go under the knife before you try our cells.", "avoid_surgery_claim"),
    ("With our treatment there is no need for surgery.", "avoid_surgery_claim"),
    ("Postpone joint replacement for years.", "avoid_surgery_claim"),
    ("Many of our patients cancelled their scheduled surgery.", "avoid_surgery_claim"),
    ("Choose stem cells instead of a shoulder operation.", "avoid_surgery_claim"),
    ("Our cells reduce the need for a knee replacement.", "avoid_surgery_claim"),
    ("Testimonial: \"Thanks to the injections I no longer need a hip replacement.\"", "avoid_surgery_claim"),
    ("Surgery can often be avoided altogether.", "avoid_surgery_claim"),
    ("Made for people who would rather not have an operation on their spine.", "avoid_surgery_claim"),
    # fda_claim: approved, cleared, registered, compliant or legal by a regulator's word
    ("Our laboratory is FDA registered.", "fda_claim"),
    ("All our products are FDA compliant.", "fda_claim"),
    ("The clinic is approved by the Ministry of Health of Panama.", "fda_claim"),
    ("Licensed by COFEPRIS, license number 12AB345.", "fda_claim"),
    ("Our cells meet all FDA requirements.", "fda_claim"),
    ("A government-approved stem cell hospital.", "fda_claim"),
    ("This treatment is FDA approved.", "fda_claim"),
    ("Cleared by the FDA for use in humans.", "fda_claim"),
    ("Stem cell therapy is fully legal in Mexico and regulated by COFEPRIS.", "fda_claim"),
    ("Our tissue comes from an FDA-inspected tissue bank.", "fda_claim"),
    ("Authorised by the health regulator of the Bahamas.", "fda_claim"),
]

NOT_CLAIMED = [
    # hedged and relative wording
    ("Stem cells may help regenerate damaged tissue.", "cure_claim"),
    ("The goal is to support your body's natural repair.", "cure_claim"),
    ("Some patients might be able to avoid surgery.", "avoid_surgery_claim"),
    ("Injections could potentially reduce the need for surgery.", "avoid_surgery_claim"),
    ("The procedure has virtually no side effects.", "safety_claim"),
    ("Side effects are minimal and usually pass within a day.", "safety_claim"),
    ("PRP is a safe option for many patients.", "safety_claim"),
    ("It is hoped that the cells will rebuild lost cartilage.", "cure_claim"),
    ("Donor cells have the potential to rebuild the myelin sheath.", "cure_claim"),
    ("Once infused, the hope is that the cells will mend the damage in the spinal cord.", "cure_claim"),
    # negations and disclaimers
    ("Stem cell therapy is not a cure for Parkinson's disease.", "cure_claim"),
    ("There is no cure for ALS.", "cure_claim"),
    ("We do not promise to regrow cartilage.", "cure_claim"),
    ("Results are not guaranteed and vary from patient to patient.", "success_rate_claim"),
    ("Our treatments are not approved by the FDA.", "fda_claim"),
    ("No medical procedure is entirely without risk.", "safety_claim"),
    ("This therapy is not a substitute for knee replacement in severe arthritis.", "avoid_surgery_claim"),
    ("These statements are not intended to diagnose, treat, cure or prevent any disease.", "cure_claim"),
    # questions
    ("Can stem cells reverse arthritis?", "cure_claim"),
    ("Is the procedure FDA approved?", "fda_claim"),
    ("Will I be able to avoid surgery?", "avoid_surgery_claim"),
    ("What is the success rate of stem cell therapy?", "success_rate_claim"),
    # someone else's claims, research and regulator facts
    ("Some clinics falsely claim to cure autism with stem cells.", "cure_claim"),
    ("In 2011 the FDA approved the first cord blood product.", "fda_claim"),
    ("Researchers are studying whether stem cells can regrow cartilage.", "cure_claim"),
    # the body's own biology, epidemiology, descriptors, praise
    ("The liver regenerates on its own after an injury.", "cure_claim"),
    ("About 30% of adults over sixty have knee arthritis.", "success_rate_claim"),
    ("Most patients go home the same day.", "success_rate_claim"),
    ("A minimally invasive, non-surgical procedure.", "avoid_surgery_claim"),
    ("Our doctors are board certified and our lab is ISO certified.", "fda_claim"),
    ("Our results speak for themselves.", "success_rate_claim"),
    ("After surgery, PRP can speed up healing.", "avoid_surgery_claim"),
    ("Avoid anti-inflammatory drugs for a week before surgery.", "avoid_surgery_claim"),
    ("Accredited by the Joint Commission.", "fda_claim"),
    ("Save 20% on your first session this month.", "success_rate_claim"),
    ("A large percentage of our patients are retired athletes.", "success_rate_claim"),
    ("Results are not permanent, and a booster may be needed after a year.", "cure_claim"),
    ("Knee osteoarthritis does not regress on its own.", "cure_claim"),
    ("We would rather not promise that surgery can be avoided.", "avoid_surgery_claim"),
    ("The cells are harvested from healthy tissue in your abdomen.", "cure_claim"),
    ("The skin is completely renewed every few weeks.", "cure_claim"),
    ("PRP will not repair the damage once the cartilage is gone.", "cure_claim"),
    ("Ask whether a clinic claims to restore lost cartilage; that is a warning sign.", "cure_claim"),
]


@pytest.mark.parametrize(("sentence", "flag"), CLAIMED)
def test_the_manuals_red_flags_in_new_wording_are_claimed(sentence, flag):
    assert flag in flags(sentence)


@pytest.mark.parametrize(("sentence", "flag"), NOT_CLAIMED)
def test_the_manuals_exclusions_in_new_wording_are_not_claimed(sentence, flag):
    assert flag not in flags(sentence)


REGULATOR = ("<h1>Consumer alert: unapproved stem cell products</h1><p>The Health Products Agency warns the public "
             "about clinics that market unapproved cell treatments.</p>")


@pytest.mark.parametrize("sentence", [
    "Clinics falsely claim their injections cure arthritis and regenerate cartilage.",
    "Some businesses advertise a 90% success rate and say patients can avoid knee replacement.",
    "They tell patients the products are FDA approved and have no side effects.",
])
def test_a_regulator_quoting_clinic_claims_has_no_flags(sentence):
    page = analyse_page(f"{REGULATOR}<p>{sentence}</p><p>Report a clinic to our safety line.</p>")
    assert not page.red_flags
