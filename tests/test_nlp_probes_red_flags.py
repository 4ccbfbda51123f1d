"""Red flags in the wording real clinic pages use, and the look-alikes the coding manual excludes.

Each probe is a short page written for this test (never text from ../shared/realworld): a
seller's opening line, then the sentence under test. The categories follow
../shared/ANNOTATION.md section 3: regeneration said of the treatment, flat safety, shares of
patients improving, surgery avoided or replaced, regulator wording; and, not flags, hedges,
doubt, the body's own biology, epidemiology, descriptors and billing terms.
"""

import pytest

from clinicscan.nlp.analyse import analyse_page

OPENING = "<h1>Orchard Valley Regenerative Clinic</h1><p>We offer PRP and bone marrow stem cell injections for knee arthritis.</p>"


def flags(sentence: str) -> set[str]:
    page = analyse_page(f"{OPENING}<p>{sentence}</p>")
    assert page.offers_treatment, "the opening line should make the probe page a seller"
    return set(page.red_flags)


@pytest.mark.parametrize(("sentence", "flag"), [
    # regeneration, repair and rebuilding said of the treatment
    ("Our injections rebuild worn cartilage inside the joint.", "cure_claim"),
    ("Within months the cells keep regenerating and rebuilding the torn ligament.", "cure_claim"),
    ("The concentrate is used to regenerate and heal damaged spinal discs.", "cure_claim"),
    ("With our protocol, lost knee cartilage can be regrown.", "cure_claim"),
    ("Once injected, the cells get to work repairing the injured tendons and nerves.", "cure_claim"),
    ("We harvest your own cells to restore the health of the hip cartilage.", "cure_claim"),
    ("Our eye protocol can restore vision that other doctors gave up on.", "cure_claim"),
    # flat safety, also when one named risk is denied
    ("Bone marrow concentrate is safe and effective for athletes.", "safety_claim"),
    ("Because the platelets come from you, an allergic reaction simply cannot happen.", "safety_claim"),
    ("Exosomes avoid the risks that come with injecting living cells, such as tumours.", "safety_claim"),
    ("Your own cells can't be rejected by your body.", "safety_claim"),
    # shares of patients improving, in words as well as figures
    ("Most of our patients notice real improvement after the second visit.", "success_rate_claim"),
    ("Of the people we treated last year, 31 patients (72%) said their pain eased.", "success_rate_claim"),
    ("At six months, 64% of our patients reported walking further without pain.", "success_rate_claim"),
    ("We saw improvement in over 80% of knees treated.", "success_rate_claim"),
    ("Eleven of 14 patients improved after one injection.", "success_rate_claim"),
    # surgery avoided or replaced, named
    ("Patients find lasting relief without surgery or steroid shots.", "avoid_surgery_claim"),
    ("Grow thicker hair with no transplant and no scars.", "avoid_surgery_claim"),
    ("If you want something other than a knee replacement, ask about our injections.", "avoid_surgery_claim"),
    # regulator wording
    ("Our clinic licence was granted by the Ministry of Health in 2019.", "fda_claim"),
    ("We prepare every injection in line with the guidelines of the FDA.", "fda_claim"),
    # the coding manual's own regulator wording: a ruling, and "legal under" a country's law
    ("The FDA has ruled our amniotic allograft a minimally manipulated tissue.", "fda_claim"),
    ("Our cell therapy is legal under Panamanian law.", "fda_claim"),
    ("Say no to a hip replacement with our injections.", "avoid_surgery_claim"),
])
def test_real_world_red_flag_wording_is_claimed(sentence, flag):
    assert flag in flags(sentence)


@pytest.mark.parametrize(("sentence", "flag"), [
    # hedged: the manual's "may help", "could potentially limit the need for surgery"
    ("For some people the injection may delay a knee replacement.", "avoid_surgery_claim"),
    ("Donor cells may fully restore the immune system after chemotherapy.", "cure_claim"),
    ("In an attempt to coax the cartilage to regenerate, we may add PRP.", "cure_claim"),
    ("Other clinics try to reverse the damage with oxygen chambers.", "cure_claim"),
    # relative wording
    ("There is a better chance of curing the lymphoma than with chemotherapy alone.", "cure_claim"),
    # the body's own biology, not the treatment
    ("The skin is very good at regenerating on its own.", "cure_claim"),
    ("Their job is to repair and rebuild tissues such as muscle and bone.", "cure_claim"),
    ("Growth factors signal nearby cells to divide and regenerate.", "cure_claim"),
    ("Platelets have a major role in regenerating injured blood vessels.", "cure_claim"),
    # epidemiology: a share of people that is not an outcome of treatment
    ("About 40% of women over fifty have thinning hair.", "success_rate_claim"),
    ("Roughly 15% of cases are inherited from a parent.", "success_rate_claim"),
    ("Six in 10 adults have back pain at some point.", "success_rate_claim"),
    ("Most of our patients get better with physical therapy and rest.", "success_rate_claim"),
    # descriptors: "non-surgical" in other words
    ("It is a gentle procedure done without surgery that takes one hour.", "avoid_surgery_claim"),
    ("There is no surgery involved and you go home the same day.", "avoid_surgery_claim"),
    ("Conditions we treat with transplant include myeloma.", "avoid_surgery_claim"),
    ("Is stem cell therapy legal? Ask a lawyer before you travel.", "fda_claim"),
    # negation reaching past a list, doubt, and advice to the reader
    ("The injection is not necessarily suitable for severe arthritis or as an alternative to hip replacement.",
     "avoid_surgery_claim"),
    ("No one has ever proven that the technique is safe.", "safety_claim"),
    ("The trial will find out whether cartilage can be regrown.", "cure_claim"),
    ("Multiple sclerosis is practically impossible to cure.", "cure_claim"),
    # a flat safe said of something else, billing terms
    ("Is the procedure safe? Ask your doctor.", "safety_claim"),
    ("I agree not to reverse or dispute the card transaction.", "cure_claim"),
])
def test_look_alikes_the_manual_excludes_are_not_claimed(sentence, flag):
    assert flag not in flags(sentence)
