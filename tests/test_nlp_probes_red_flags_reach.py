"""Red flags: four families the blind batch held15 showed missing or wrong (session 21).

Written from the coding manual (../shared/ANNOTATION.md section 3) in our own wording (never
text from ../shared/realworld), each with the near-misses it must leave alone:

- a share of patients whose outcome comes more than 16 tokens later, after a long clause or an
  aside ("9 of the 12 patients we treated ..., including several who ..., reported less pain"),
  and the share said after its group ("Of the 40 patients who ..., a clear majority ... had
  fewer relapses");
- approval by a national or state ethics committee, or a noun "approval of" it (`fda_claim`:
  "approved by ... a regulator's word", another country's included); an institution's own
  ethics committee approving a study, or a protocol merely reviewed, is not;
- the treatment "for a fraction of what surgery costs" (`avoid_surgery_claim`: it offers
  itself in place of the operation); a fraction of something else is not;
- stem cells or the body said to repair tissue "naturally" (the manual: "a stem cell described
  as naturally able to regenerate, when the sentence is not about the page's treatment"), while
  "our" or "the injected" cells doing it naturally is still a claim.
"""

import pytest

from clinicscan.nlp.analyse import analyse_page

OPENING = ("<h1>Saltmarsh Cell Therapy</h1><p>We provide bone marrow, adipose and umbilical cord stem cell "
           "treatments at our clinics in Phoenix and Guadalajara. Book a consultation online.</p>")


def flags(sentence: str) -> set[str]:
    page = analyse_page(OPENING + f"<p>{sentence}</p>")
    assert page.offers_treatment, "the opening should make the probe page a seller"
    return set(page.red_flags)


CLAIMS = [
    ("Seven of the ten runners we treated for Achilles tendon pain last season, among them two who had been told "
     "to give up the sport for good, were running again by spring.", "success_rate_claim"),
    ("Eighty percent of the patients with hip arthritis who came to our Phoenix clinic in 2023, many of them after "
     "years of injections elsewhere, said their pain had eased.", "success_rate_claim"),
    ("Of the 25 people with COPD who finished our infusion course last year, most, judging by the breathing tests "
     "we repeat at every visit, breathe more easily.", "success_rate_claim"),
    ("Of the 60 knees we treated in 2022, over two thirds showed less swelling at six months.", "success_rate_claim"),
    ("Our centre's protocols are approved by the national ethics committee.", "fda_claim"),
    ("Each treatment plan has been given the approval of the State Bioethics Council.", "fda_claim"),
    ("Our clinic holds the approval of the Ministry's national ethics commission for cell therapy.", "fda_claim"),
    ("Our clinic meets all state and federal regulations for cell-based treatments.", "fda_claim"),
    ("Get back on your feet for a fraction of the cost of surgery.", "avoid_surgery_claim"),
    ("Our injection repairs the tear at a fraction of what a shoulder operation costs.", "avoid_surgery_claim"),
    ("The whole treatment costs a small fraction of a knee replacement.", "avoid_surgery_claim"),
    ("Our injection can ease the pain for a fraction of what a hip operation costs.", "avoid_surgery_claim"),
    ("Our injected stem cells naturally rebuild the worn cartilage in your knee.", "cure_claim"),
]

NOT_CLAIMS = [
    ("Of the 25 people with COPD who came to our open day last year, most had already tried inhalers and oxygen.",
     "success_rate_claim"),
    ("Seven of the ten runners we saw last season, among them two who had been told to give up the sport, had "
     "never had an injection before.", "success_rate_claim"),
    ("Of the 60 knees we treated in 2022, over two thirds had not improved with physiotherapy beforehand.",
     "success_rate_claim"),
    ("The university's ethics committee approved the research protocol before the first volunteer enrolled.",
     "fda_claim"),
    ("Our protocols are reviewed by an independent ethics committee.", "fda_claim"),
    ("Ask any clinic whether its treatment has been approved by an ethics committee.", "fda_claim"),
    ("Clinics should meet all state and federal regulations before offering cell therapy.", "fda_claim"),
    ("PRP costs a fraction of what cord tissue treatments do.", "avoid_surgery_claim"),
    ("Only a fraction of the cells in fat tissue are stem cells.", "avoid_surgery_claim"),
    ("Our injections may help you put off surgery, for a fraction of the price.", "avoid_surgery_claim"),
    ("Stem cells in your body naturally repair small injuries every day.", "cure_claim"),
    ("The stem cells in bone marrow naturally renew your blood throughout life.", "cure_claim"),
]


@pytest.mark.parametrize("sentence, flag", CLAIMS)
def test_claims_the_blind_batch_showed_missing(sentence, flag):
    assert flag in flags(sentence)


@pytest.mark.parametrize("sentence, flag", NOT_CLAIMS)
def test_their_near_misses_are_not_flags(sentence, flag):
    assert flag not in flags(sentence)


@pytest.mark.parametrize("sentence", [
    "Most of the patients we see improve within a few weeks.",
    "In 8 of 10 cases we saw a clear improvement.",
])
def test_the_patients_we_see_still_have_outcomes(sentence):
    assert "success_rate_claim" in flags(sentence)
