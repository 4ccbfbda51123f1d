"""Seller categories from issue 8, item 2 (session "sellers"), each probed with pages and sentences of our own.

- A practitioner's own first-person blog: "I have injected PRP into two hundred shoulders",
  "in my practice, patients receive ...". The page's own voice was only "we/our/us"; a doctor
  writing as "I" about the therapy they give is the page's organisation speaking. A patient's
  "I" ("I had PRP in my knee", "my doctor said") and a doctor whose patients only ask about a
  therapy ("I treat emphysema, and patients ask about stem cells") are not.
- A trial a clinic recruits for: "the trial", "this trial", "ethics approval" are trial wording
  (coding manual: a trial is not a sale), even with "book an appointment" and "qualify".
- A directory or comparison site: its prices and booking words are the listed providers'; the page
  says it is not a provider ("is not a healthcare provider", "does not provide medical care") and
  lists "clinics offering ...", "compare 14 clinics", "paid placements". A ranked list with no such
  wording ("the best PRP doctors in Miami") is still read as a seller: an open case, see
  /work/notes/sellers.md.
- The false-seller side, guarded: a clinic page that only repeats the regulator's warning, a clinic's
  post about someone else's research hopes, a news story quoting a clinic's prices.
"""

from __future__ import annotations

import pytest

from clinicscan.nlp.analyse import analyse_page
from clinicscan.nlp.own_voice import OwnVoice, load_own_voice


@pytest.fixture(scope="module")
def voice() -> OwnVoice:
    return load_own_voice()


def _gives(voice: OwnVoice, sentence: str, mention: str) -> bool:
    return voice.practitioner_gives(sentence, sentence.index(mention))


@pytest.mark.parametrize(("sentence", "mention"), [
    ("Since then I have injected platelet-rich plasma into over two hundred shoulders.", "platelet-rich plasma"),
    ("I now offer fat-derived stem cells to runners with worn knees.", "fat-derived stem cells"),
    ("I’ve treated my patients with bone marrow concentrate since 2016.", "bone marrow concentrate"),
    ("In my practice, most patients receive two PRP injections six weeks apart.", "PRP"),
    ("My patients usually get exosome facials after a peel.", "exosome"),
    ("I routinely harvest bone marrow from the back of the hip.", "bone marrow"),
])
def test_a_practitioner_giving_the_therapy_speaks_for_the_page(voice, sentence, mention):
    assert _gives(voice, sentence, mention)


@pytest.mark.parametrize(("sentence", "mention"), [
    ("Last spring I had three PRP injections in my left knee.", "PRP"),
    ("My doctor said the stem cells would calm the swelling.", "stem cells"),
    ("I treat people with emphysema every week, and more of them ask about stem cell infusions.", "stem cell"),
    ("I paid for the stem cell treatment myself.", "stem cell"),
    ('The surgeon told me: "I inject PRP into every knee I see."', "PRP"),
    ("Stem cell infusions are sold to my patients by clinics abroad.", "Stem cell"),
    ("I would never inject stem cells into a knee like this.", "stem cells"),
])
def test_a_patient_a_quotation_or_a_therapy_only_asked_about_is_not_the_practitioner_giving_it(voice, sentence, mention):
    assert not _gives(voice, sentence, mention)


DOCTOR_BLOG = """<html><head><title>Why I Started Using PRP for Worn Shoulders | Ellen Marsh, MD</title></head><body><main>
<h1>Why I Started Using PRP for Worn Shoulders</h1>
<p>For twenty years I told runners and climbers that a worn shoulder could only be rested, braced or replaced.</p>
<p>A colleague in Denver, the local paper reported, had good results with platelet injections, and that changed my mind.</p>
<p>Since then I have injected platelet-rich plasma into well over two hundred shoulders, always under ultrasound.</p>
<p>It is not magic, and it does not suit every shoulder. A torn-through tendon still needs a surgeon.</p>
</main></body></html>"""

PATIENT_BLOG = """<html><head><title>My knee, my money: one year after PRP | Trail Notes</title></head><body><main>
<h1>One year after PRP</h1>
<p>Last spring I had three platelet-rich plasma injections in my left knee at a clinic in the city.</p>
<p>My doctor said the platelets would calm the swelling. I paid for all three visits myself because my insurer
would not cover it.</p>
<p>I used ice and rest for a week after each one, as the nurse told me.</p>
<p>A year on, I can walk the ridge trail again, although I still cannot run downhill.</p>
</main></body></html>"""

DOCTOR_DEBUNKS = """<html><head><title>Stem cells for emphysema? What I tell my patients | Breathing Room</title></head><body><main>
<h1>Stem cells for emphysema? What I tell my patients</h1>
<p>I treat people with emphysema and fibrosis every week, and more of them now ask about stem cell infusions.</p>
<p>Clinics advertise that stem cell infusions will rebuild damaged lungs. No trial has shown anything of the kind.</p>
<p>I do not offer stem cell infusions, and I ask my patients to bring me any advert before they pay for one.</p>
</main></body></html>"""


def test_a_doctors_first_person_blog_presents_the_therapy_as_the_practices_own():
    page = analyse_page(DOCTOR_BLOG)
    assert page.offers_treatment, page.offer_cues
    assert "+own product:prp" in page.offer_cues


def test_a_patients_first_person_blog_is_not_a_seller():
    page = analyse_page(PATIENT_BLOG)
    assert not page.offers_treatment, page.offer_cues
    assert not any(cue.startswith("+own product") for cue in page.offer_cues)


def test_a_doctor_who_treats_the_disease_but_declines_the_cells_is_not_a_seller():
    page = analyse_page(DOCTOR_DEBUNKS)
    assert not page.offers_treatment, page.offer_cues


TRIAL_RECRUITMENT = """<html><head><title>Knee Arthritis Cell Study | Harbourview Sports Clinic</title></head><body><main>
<h1>Can stem cells regrow knee cartilage?</h1>
<p>Dr. Noor Haddad leads a trial with the Westgate Cell Laboratory on fat-derived stem cell injections for knee
arthritis. The university gave the trial ethics approval last year.</p>
<p>Fat is taken from the abdomen, the stem cells are grown in the laboratory, and one or two injections go into the
knee.</p>
<p>Patients in the trial pay nothing for the injections. This trial still needs twenty more people.</p>
<p>If you think you could qualify, book an appointment with Dr. Haddad.</p>
</main></body></html>"""


def test_a_clinics_recruitment_page_for_its_trial_is_not_a_sale():
    """Coding manual: trial listings and recruitment pages are not sellers, booking words and all."""
    page = analyse_page(TRIAL_RECRUITMENT)
    assert not page.offers_treatment, page.offer_cues
    assert page.page_kind == "trial"


def test_a_trial_the_patients_pay_for_stays_a_sale():
    page = analyse_page(TRIAL_RECRUITMENT.replace("Patients in the trial pay nothing for the injections.",
                                                  "The trial is patient-funded: each place costs $9,800."))
    assert page.offers_treatment, page.offer_cues


DIRECTORY = """<html><head><title>Stem Cell Clinics in Phoenix: Ratings and Prices | MedCompare</title></head><body><main>
<h1>Stem cell clinics in Phoenix</h1>
<p>We found 9 providers offering stem cell injections for knee and back pain in the Phoenix area.</p>
<p>Desert Sun Regenerative - rated 4.7 by 150 patients - bone marrow and fat-derived injections from $3,500. Request an
appointment.</p>
<p>Camelback Joint Institute - rated 4.4 by 61 patients - umbilical cord injections from $4,200. Request an
appointment.</p>
<p>MedCompare is not a healthcare provider and earns a fee when you book through this page.</p>
</main></body></html>"""

COMPARISON = """<html><head><title>PRP Injection Providers in Austin, TX | CareFinder</title></head><body><main>
<h1>PRP injection providers in Austin</h1>
<p>Compare 14 clinics offering platelet-rich plasma injections near you. Prices range from $500 to $1,800 per
injection.</p>
<p>Hill Country Sports Medicine - 4.8 stars (212 reviews) - PRP for tendon and knee pain. Book online.</p>
<p>Capitol Regenerative Clinic - 4.6 stars (98 reviews) - PRP and bone marrow concentrate. Book online.</p>
<p>Listings are paid placements. CareFinder does not provide medical care.</p>
</main></body></html>"""


@pytest.mark.parametrize("page", [DIRECTORY, COMPARISON], ids=["not-a-provider", "comparison"])
def test_a_directory_that_lists_priced_clinics_sells_nothing_itself(page):
    """Coding manual, hard cases: a directory that links to clinics but sells nothing itself is not a seller."""
    result = analyse_page(page)
    assert not result.offers_treatment, result.offer_cues


def test_a_clinic_saying_what_it_is_not_still_sells_what_it_offers():
    page = analyse_page("""<html><head><title>PRP for Knees | Juniper Joint Clinic</title></head><body><main>
<h1>PRP for knee arthritis</h1>
<p>We inject platelet-rich plasma into arthritic knees under ultrasound. A course of three injections costs $1,500.</p>
<p>Book a consultation with our physicians to see whether PRP suits your knee.</p>
</main></body></html>""")
    assert page.offers_treatment, page.offer_cues


GUARDS = {
    "clinic-reprints-warning": """<html><head><title>Important Patient Notice | Lakeside Orthopaedic Associates</title></head>
<body><main><h1>What the FDA wants patients to know about stem cell products</h1>
<p>The U.S. Food and Drug Administration has issued a consumer update about stem cell products sold by some clinics.</p>
<p>According to the agency, the only stem cell products approved in the United States are blood-forming cells from
umbilical cord blood, used for disorders of the blood and immune system.</p>
<p>Exosome and amniotic products marketed for joint pain, back pain or lung disease have not been approved and may carry
risks such as infection and blindness.</p>
</main></body></html>""",
    "clinic-posts-research-hope": """<html><head><title>Research Update | Northshore Spine Clinic</title></head>
<body><main><h1>Research update: can cells repair the spinal cord?</h1>
<p>Researchers at Kestrel University have begun a small study of mesenchymal stem cells in people with recent spinal
cord injury.</p>
<p>The team hopes the cells may one day help damaged nerve fibres regrow, although the work is at an early stage.</p>
<p>Twelve volunteers will receive an infusion of donor cells and be followed for two years, the lead author said.</p>
</main></body></html>""",
    "news-quotes-prices": """<html><head><title>Families spend savings on stem cell trips | The Valley Ledger</title></head>
<body><main><h1>Families spend savings on stem cell trips abroad</h1>
<p>By Carla Nunez, health reporter</p>
<p>When doctors at home ran out of options for her son, Maria Lopez paid $18,000 for stem cell infusions at a clinic
in Tijuana.</p>
<p>The clinic's website promises that its umbilical cord cells can improve autism symptoms, and it offers payment
plans.</p>
<p>Experts interviewed for this story said there is no good evidence for the infusions and warned of infections.</p>
</main></body></html>""",
}


@pytest.mark.parametrize("name", sorted(GUARDS))
def test_pages_that_only_repeat_a_warning_a_hope_or_a_story_sell_nothing(name):
    page = analyse_page(GUARDS[name])
    assert not page.offers_treatment, page.offer_cues


@pytest.mark.parametrize("sentence", [
    "Our editors ranked Miami physicians who perform platelet-rich plasma injections by patient ratings.",
    "Our reporters visited six clinics that sell stem cell infusions.",
    "Our medical reviewers checked every claim about exosome facials.",
])
def test_a_publishers_our_is_not_a_provider_speaking(voice, sentence):
    """A newsroom's or a guide's "our editors / reporters / reviewers" speaks for the publisher, not a provider."""
    assert not voice.speaks_as_page(sentence)


def test_our_physicians_is_still_the_provider(voice):
    assert voice.speaks_as_page("Our physicians perform platelet-rich plasma injections under ultrasound.")
