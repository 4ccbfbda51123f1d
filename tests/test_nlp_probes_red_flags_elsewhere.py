"""Red flags said of something else on a selling page (session 24, issue 8).

On held-out real pages most extra red flags sit on pages that do sell: the sentence names a flag,
but of something other than the page's treatment. The blind batch held18
(data/devset/red_flag_paraphrases.jsonl) gave six such false flags of 25 exclusions; each is a
category of the coding manual (../shared/ANNOTATION.md section 3: facts reported by others,
research, the body's own biology, a cure that exists, relative wording):

- someone else's study with words between it and its finding ("a study from a university in Ohio
  found ...");
- a success rate whose subject is a comparison treatment ("knee replacement succeeds in 90% ...");
- a share of doctors, not of patients ("nine out of ten doctors recommend ...": nlp/mentions.py);
- "no serious side effects": relative, not absolute;
- the body as the subject of a cure verb ("as the body lays down new bone");
- a cure by transplant ("curing leukemia with bone marrow transplants");
- "some patients" avoid surgery: a few, not a promise.

Each near-miss below is a claim the page makes itself, which must still count. All wording is our own.
"""

import pytest

from clinicscan.nlp.analyse import analyse_page

OPENING = ("<h1>Alder Creek Regenerative Clinic</h1><p>We offer bone marrow and umbilical cord stem cell injections "
           "at our clinic in Tucson. Book a consultation today.</p>")


def flags(sentence: str) -> set[str]:
    page = analyse_page(OPENING + f"<p>{sentence}</p>")
    assert page.offers_treatment
    return set(page.red_flags)


SAID_OF_SOMETHING_ELSE = [
    ("A study from a university in Ohio found no serious side effects in its small group of volunteers.",
     "safety_claim"),
    ("A trial run by a hospital in Seoul reported that the injections regrew cartilage in rabbits.", "cure_claim"),
    ("Knee replacement surgery succeeds in about 90% of patients, but recovery can take a year.",
     "success_rate_claim"),
    ("Spinal fusion has a success rate of about 70%, and recovery is long.", "success_rate_claim"),
    ("Nine out of ten doctors in our network recommend physical therapy before any procedure.",
     "success_rate_claim"),
    ("Four in five surgeons say they would try rest first.", "success_rate_claim"),
    ("Our patients report no serious side effects.", "safety_claim"),
    ("Bone fractures heal on their own as the body lays down new bone.", "cure_claim"),
    ("Dr. Okafor trained at a hospital known for curing childhood leukemia with bone marrow transplants.",
     "cure_claim"),
    ("Some patients are able to put off surgery, while others still need it.", "avoid_surgery_claim"),
]


@pytest.mark.parametrize("sentence,flag", SAID_OF_SOMETHING_ELSE)
def test_a_flag_said_of_something_else_is_not_the_pages_claim(sentence, flag):
    assert flag not in flags(sentence)


STILL_CLAIMS = [
    ("A study at our clinic found that 90% of patients improved.", "success_rate_claim"),
    ("Unlike surgery, our injections help 9 in 10 patients walk without pain.", "success_rate_claim"),
    ("Nine out of ten patients our doctors treat report less pain.", "success_rate_claim"),
    ("Our injections have no side effects.", "safety_claim"),
    ("Our cells help the body rebuild damaged cartilage.", "cure_claim"),
    ("Your body will grow new, healthy cartilage after the injection.", "cure_claim"),
    ("Our stem cells cure arthritis.", "cure_claim"),
    ("Most patients are able to put off surgery for years.", "avoid_surgery_claim"),
]


@pytest.mark.parametrize("sentence,flag", STILL_CLAIMS)
def test_the_pages_own_claim_still_counts(sentence, flag):
    assert flag in flags(sentence)


# -- wording families held18 missed (data/lexicon/red_flags.jsonl), with their near-misses --

FAMILIES = [
    ("Our cells restore the tissue that arthritis has destroyed.", "cure_claim"),
    ("The infusion replaces the nerve cells the stroke had killed.", "cure_claim"),
    ("There is no chance of catching a virus from the donor tissue.", "safety_claim"),
    ("You run no risk of developing a tumour from the cells.", "safety_claim"),
    ("The injection works for the vast majority of our patients.", "success_rate_claim"),
    ("If you feel no improvement within three months, your next injection is at no cost.", "success_rate_claim"),
    ("Seven in ten were back at work within a month.", "success_rate_claim"),
    ("Lawful in all fifty states, our allograft ships nationwide.", "fda_claim"),
]


@pytest.mark.parametrize("sentence,flag", FAMILIES)
def test_wording_families_of_held18(sentence, flag):
    assert flag in flags(sentence)


FAMILY_NEAR_MISSES = [
    ("No injection can rebuild the cartilage your knee has lost.", "cure_claim"),
    ("Every injection carries a small risk of developing an infection.", "safety_claim"),
    ("The injection may work for the majority of patients, but we cannot say in advance.", "success_rate_claim"),
    ("If you feel no improvement, we will refer you to a surgeon; the consultation is at no cost.", "success_rate_claim"),
    ("Stem cell clinics are not legal in all states.", "fda_claim"),
    # said of other treatments: "works for" takes "the majority", not a bare "most"
    ("Only a few drugs on the market work for most people with this condition.", "success_rate_claim"),
]


@pytest.mark.parametrize("sentence,flag", FAMILY_NEAR_MISSES)
def test_near_misses_of_the_held18_families(sentence, flag):
    assert flag not in flags(sentence)
