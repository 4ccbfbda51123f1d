"""Red flags: the reach of a denial, questions, FAQ answers about surgery, long clauses in a claim.

Each family is a general rule of the coding manual (../shared/ANNOTATION.md section 3), probed in
our own wording (never text from ../shared/realworld), with the near-misses it must leave alone:

- a denial governs the whole clause it introduces: "there is no evidence that *our* injections
  rebuild discs" is not a claim ("our", "we use", ... still end a denial's reach when the page's
  own voice comes back after it: "we do not use fetal cells, our cells regrow cartilage");
- a question is never a red flag, rhetorical ones included ("Why risk surgery?", "What if you
  never needed a new knee?"), while the statement after it still is;
- a short FAQ answer about needing surgery ("Do I need surgery? Not with stem cell therapy.") is
  an avoid_surgery_claim (nlp/answers.py), but not an answer that describes the procedure or
  hedges;
- a share of patients keeps its outcome across a relative clause or apposition ("9 of the 12
  patients who came to us after years of pain reported improvement"), and "back to work /
  training" is an outcome;
- side effects or risks answered in the same sentence ("... there aren't any."), the surgery a
  patient "no longer needs", surgery booked and then cancelled.
"""

import pytest

from clinicscan.nlp.analyse import analyse_page

OPENING = ("<h1>Harborview Regenerative Medicine</h1><p>We provide bone marrow concentrate, cord tissue and PRP "
           "injections at our clinics in Austin and Monterrey. Request an appointment online.</p>")


def flags(html: str) -> set[str]:
    page = analyse_page(OPENING + html)
    assert page.offers_treatment, "the opening should make the probe page a seller"
    return set(page.red_flags)


def para(sentence: str) -> str:
    return f"<p>{sentence}</p>"


def faq(question: str, answer: str) -> str:
    return f"<h2>FAQ</h2><h3>{question}</h3><p>{answer}</p>"


DENIAL_GOVERNS_ITS_CLAUSE = [
    ("There is no evidence that our injections rebuild discs.", "cure_claim"),
    ("There is no proof that our cord cells regrow cartilage in arthritic knees.", "cure_claim"),
    ("Nobody can promise that our infusions will reverse Parkinson's disease.", "cure_claim"),
    ("It is not true that our procedure carries no risk whatsoever.", "safety_claim"),
    ("We do not claim that our stem cells cure multiple sclerosis.", "cure_claim"),
    ("There is no evidence that our patients avoid knee replacement because of these injections.",
     "avoid_surgery_claim"),
]

OWN_VOICE_AFTER_A_DENIAL = [
    ("We do not use fetal cells, our cells regrow cartilage.", "cure_claim"),
    ("We never use embryonic tissue; our cord cells rebuild worn discs.", "cure_claim"),
    ("Other clinics cannot back up their promises, but our injections regenerate torn tendons.", "cure_claim"),
]


@pytest.mark.parametrize("sentence, flag", DENIAL_GOVERNS_ITS_CLAUSE)
def test_a_denial_governs_the_whole_clause_it_introduces(sentence, flag):
    assert flag not in flags(para(sentence))


@pytest.mark.parametrize("sentence, flag", OWN_VOICE_AFTER_A_DENIAL)
def test_our_own_voice_after_a_denial_still_claims(sentence, flag):
    assert flag in flags(para(sentence))


QUESTIONS = [
    ("Why risk surgery?", "avoid_surgery_claim"),
    ("Why go under the knife when you might not have to?", "avoid_surgery_claim"),
    ("What if you never needed a knee replacement?", "avoid_surgery_claim"),
    ("Wouldn't it be wonderful to regrow the cartilage you have lost?", "cure_claim"),
    ("Why put up with the side effects of steroids when there is a gentler choice?", "safety_claim"),
    ("Imagine a treatment with a 90% success rate - would you try it?", "success_rate_claim"),
]

STATEMENT_AFTER_A_QUESTION = [
    ("Tired of knee pain? Our cord cell injections regrow worn cartilage.", "cure_claim"),
    ("Why wait? Most of our patients avoid surgery altogether.", "avoid_surgery_claim"),
    ("Worried about surgery? Our injections are completely safe.", "safety_claim"),
]


@pytest.mark.parametrize("sentence, flag", QUESTIONS)
def test_a_question_is_not_a_red_flag_rhetorical_or_not(sentence, flag):
    assert flag not in flags(para(sentence))


@pytest.mark.parametrize("sentence, flag", STATEMENT_AFTER_A_QUESTION)
def test_the_statement_after_a_question_still_counts(sentence, flag):
    assert flag in flags(para(sentence))


SURGERY_ANSWERS = [
    ("Do I need surgery?", "Not with stem cell therapy."),
    ("Will I still need a hip replacement?", "No."),
    ("Is an operation my only option?", "No, our regenerative injections are another route."),
    ("Is spinal fusion unavoidable for a herniated disc?", "Not with our bone marrow protocol."),
    ("Can I avoid a knee replacement?", "Yes, with our cord tissue injections."),
    ("Will I need shoulder surgery after the injections?", "Not anymore."),
]

SURGERY_ANSWERS_NOT_CLAIMS = [
    ("Does the procedure involve surgery?", "No, it is a simple injection."),
    ("Do I need surgery?", "Not necessarily."),
    ("Will I need a knee replacement?", "Usually not, but it depends on your scans."),
    ("Do I need to stop my blood thinners before surgery?", "No."),
    ("Will I need surgery?", "Not if the damage is mild."),
]


@pytest.mark.parametrize("question, answer", SURGERY_ANSWERS)
def test_a_short_answer_about_needing_surgery_is_an_avoid_surgery_claim(question, answer):
    assert "avoid_surgery_claim" in flags(faq(question, answer))


@pytest.mark.parametrize("question, answer", SURGERY_ANSWERS_NOT_CLAIMS)
def test_a_descriptive_or_hedged_surgery_answer_is_not(question, answer):
    assert "avoid_surgery_claim" not in flags(faq(question, answer))


SHARES_ACROSS_A_CLAUSE = [
    "9 of the 12 patients who came to us after years of pain reported improvement.",
    "The majority of people who come to us with neuropathy after chemotherapy and years of pills tell us their "
    "pain is better.",
    "Eighty percent of the knee patients we have treated over the past five years in our Austin clinic said they "
    "felt better.",
    "Nearly all of the athletes that our sports medicine team injected last season with PRP returned to play.",
    "Two thirds of the stroke patients in our programme, including some who had used a wheelchair for a year, regained "
    "movement in the arm.",
    "Nine in ten of our athletes are back training within eight weeks.",
    "Seventy percent of our patients were back to work within two weeks.",
    "Most of the runners we treat are back to running within a month.",
]

SHARES_WITHOUT_AN_OUTCOME = [
    "Half of our patients are over 60, and many come to us after a knee replacement that failed to bring relief.",
    "Most of our patients come back to us for a second injection a year later.",
    "Most patients who have had two injections elsewhere without any change are not good candidates for "
    "further improvement.",
]


@pytest.mark.parametrize("sentence", SHARES_ACROSS_A_CLAUSE)
def test_a_share_keeps_its_outcome_across_a_clause(sentence):
    assert "success_rate_claim" in flags(para(sentence))


@pytest.mark.parametrize("sentence", SHARES_WITHOUT_AN_OUTCOME)
def test_a_share_without_an_outcome_is_not_a_rate(sentence):
    assert "success_rate_claim" not in flags(para(sentence))


MORE_CLAIMS = [
    ("People ask us about side effects all the time, and the answer is simple: there aren't any.", "safety_claim"),
    ("When it comes to complications with your own cells, there are none.", "safety_claim"),
    ("Rejection, infection, allergic reactions: with your own bone marrow there are none.", "safety_claim"),
    ("Thanks to her injections, the knee replacement she no longer needs is a thing of the past.",
     "avoid_surgery_claim"),
    ("After two sessions he found the spinal fusion he had been told about was an operation he would never need.",
     "avoid_surgery_claim"),
    ("He was booked for a hip replacement in March, and after two injections with us he cancelled the operation.",
     "avoid_surgery_claim"),
    ("She was scheduled for shoulder surgery but postponed it after her first PRP session.", "avoid_surgery_claim"),
    # round two (read from held13): the same families said another way
    ("Unlike medications, which all have side effects, our treatment has none.", "safety_claim"),
    ("Steroid shots and surgery both carry complications; a cord tissue injection carries none.", "safety_claim"),
    ("Pills come with side effects, the exosome drip comes with none.", "safety_claim"),
    ("Stem cell therapy gives patients a real alternative to total hip or knee arthroplasty.", "avoid_surgery_claim"),
    ("A proven substitute for open rotator cuff repair surgery.", "avoid_surgery_claim"),
    ("Many patients are told they need surgery, and most of them never have it after our injections.",
     "avoid_surgery_claim"),
    ("Our patients were all offered a spinal fusion, and nearly all of them never needed one.", "avoid_surgery_claim"),
    ("Every package comes with our results guarantee.", "success_rate_claim"),
    ("Ask about our pain-relief guarantee.", "success_rate_claim"),
    ("We offer an outcome guarantee on all knee treatments.", "success_rate_claim"),
    ("Of the 58 children with cerebral palsy treated at our center last year, 49 showed gains in motor function.",
     "success_rate_claim"),
    ("Of the 120 knee patients we followed up by phone at three, six and twelve months, 97 reported less pain.",
     "success_rate_claim"),
    ("Four months later the meniscus tear was completely filled in by new tissue.", "cure_claim"),
    ("The hole in the cartilage is filled with healthy new cartilage within a year.", "cure_claim"),
    ("The gap in the tendon is bridged by fresh tendon fibres within weeks.", "cure_claim"),
    ("We are authorised by the Paul-Ehrlich-Institut to manufacture autologous cell preparations.", "fda_claim"),
    ("Our laboratory is licensed by Swissmedic.", "fda_claim"),
    ("The clinic's cell products are approved by the ANSM.", "fda_claim"),
]

MORE_NOT_CLAIMS = [
    ("Are there side effects? Some patients feel sore for a day, but otherwise there are none to speak of.",
     "safety_claim"),
    ("The risks of the procedure are low, and if there are any, our nurse will explain them.", "safety_claim"),
    ("She was scheduled for knee surgery in May and came to us for PRP on the other knee.", "avoid_surgery_claim"),
    ("Patients often worry about surgery, and most of them never need to worry about it again.", "avoid_surgery_claim"),
    ("Stem cells are not an alternative to total hip or knee arthroplasty.", "avoid_surgery_claim"),
    ("We do not offer a results guarantee, because no honest clinic can.", "success_rate_claim"),
    ("Of the 58 children treated at our center last year, 12 dropped out before their second visit.",
     "success_rate_claim"),
    ("The syringe is filled with fresh cells harvested from your hip.", "cure_claim"),
    ("Surgery has side effects, and so do drugs; our injections have few, if any, and none serious.", "safety_claim"),
]


@pytest.mark.parametrize("sentence, flag", MORE_CLAIMS)
def test_claims_said_in_a_roundabout_way(sentence, flag):
    assert flag in flags(para(sentence))


@pytest.mark.parametrize("sentence, flag", MORE_NOT_CLAIMS)
def test_their_near_misses(sentence, flag):
    assert flag not in flags(para(sentence))
