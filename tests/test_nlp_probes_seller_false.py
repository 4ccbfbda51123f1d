"""False sellers as categories (issue 8, session "sellfalse"): who speaks, and what the page's organisation does.

Coding manual, section 1: a page offers treatment when its own organisation sells, provides or books it.
The tune split's false sellers were pages whose organisation does something else with the same words:

- an evidence assessment (a health-technology agency or an evidence-review firm) asks whether a treatment
  works and sells the report;
- a directory or health library sends the reader to "find a doctor" elsewhere;
- a patient tells of their own care ("they will take my own stem cells", "their website says");
- a critic or fact-checker quotes other providers' adverts ("one such site", "these ads", "fake stem cell shots");
- a news item reports another organisation's launch ("billed as", "the company said", "Source:");
- a course trains practitioners to give the product (teaching sold to doctors, not treatment to patients);
- the page's "we" is asked about a product, or follows up a product another provider gave ("our clients arrive
  after a PRP injection from their sports doctor").

Every probe is our own wording, each category with its nearest seller (a seller who criticises others, cites an
evidence review, quotes a patient, announces its own launch, teaches, or works alongside the patient's doctor
stays a seller). The non-selling probes fail on main before this session (e13fbc9).
"""

from __future__ import annotations

import pytest

from clinicscan.nlp.analyse import analyse_page
from clinicscan.nlp.own_voice import OwnVoice, load_own_voice


@pytest.fixture(scope="module")
def voice() -> OwnVoice:
    return load_own_voice()


def _page(title: str, body: str) -> str:
    return f"<html><head><title>{title}</title></head><body><main>{body}</main></body></html>"


NON_SELLERS = {
    "evidence-assessment": _page("Bone Marrow Concentrate for Hip Osteoarthritis | Northstar Evidence Reviews", """
<h1>Bone marrow concentrate for hip osteoarthritis</h1>
<p><b>Technology description:</b> marrow is drawn from the pelvis, concentrated and injected into the hip joint in
one outpatient visit.</p>
<p><b>Key questions:</b> Does the injection relieve pain better than a steroid injection? Is it safe? Which patients
are most likely to benefit?</p>
<p>Subscribers can open the complete report in the members' library.</p>"""),
    "health-library-find-a-doctor": _page("Platelet-Rich Plasma for Tendon Injuries | MedicoGuide Procedures", """
<h1>Platelet-rich plasma for tendon injuries</h1>
<p>In a PRP injection, your own blood is spun so the platelets can be injected into the injured tendon. The
platelets release growth factors that may help it heal.</p>
<p>Need a doctor? Search our list of sports medicine doctors in your area.</p>
<p>Talk with your doctor about whether PRP suits your injury.</p>"""),
    "patient-own-story": _page("Week One in Guadalajara | Ana's MS Diary", """
<h1>Week one in Guadalajara</h1>
<p>After my consultation on Monday they collected my own stem cells from the blood, after four days of
growth-factor shots. Tomorrow the chemotherapy starts, and then the stem cells go back in.</p>
<p>The whole package is $54,000 with the hotel. Their website says more than a thousand people with MS have been
treated there, and I hope to be one of the lucky ones.</p>"""),
    "critic-quoting-adverts": _page("That Stem Cell Ad in Your Feed | Dr. Ilse Moreno, Rheumatology Notes", """
<h1>That stem cell ad in your feed</h1>
<p>One such site promises that a single injection of stem cells will rebuild a worn hip. Most of these ads come
from clinics with no orthopaedic surgeon on staff.</p>
<p>The fake stem cell shots they sell are usually dead amniotic tissue, and the price is $4,000 a joint.</p>
<p>In my practice I treat arthritis with exercise, weight loss and, when it is time, a referral to a surgeon.</p>"""),
    "news-of-another-launch": _page("Biotech Start-up Unveils Knee Cell Implant | Metro Business Daily", """
<h1>Biotech start-up unveils knee cell implant</h1>
<p>Kestrel Cell Labs has launched a stem cell implant for worn knee cartilage. The implant is billed as the
country's first home-grown cell therapy for joints.</p>
<p>The minimally invasive stem cell procedure comes at an affordable price and patients go home the next day, the
company said.</p>"""),
    "course-for-practitioners": _page("Exosome and PRP Injection Masterclass | AestheticPro Academy", """
<h1>Exosome and PRP injection masterclass</h1>
<p>A one-day hands-on course for physicians and nurses who want to offer PRP and exosome treatments for hair and
skin.</p>
<p>Learn preparation, injection technique and consent. Tuition is $1,800, with 8 CME credits.</p>"""),
}

SELLERS = {
    "clinic-citing-an-evidence-review": _page("PRP for Knee Arthritis | Oakridge Joint Clinic", """
<h1>PRP for knee arthritis</h1>
<p>A recent evidence review found that PRP eased knee pain for up to a year in several trials.</p>
<p>We offer PRP injections for knee arthritis at our Oakridge office. A course of three injections is $1,800.
Book a consultation online.</p>"""),
    "hospital-programme-with-find-a-doctor": _page("Stem Cell Transplant Program | Riverbend University Hospital", """
<h1>Stem cell transplant program</h1>
<p>Our blood and marrow transplant program treats leukaemia, lymphoma and myeloma with autologous and donor stem
cell transplants.</p>
<p>Find a doctor in our transplant team, or ask your haematologist to refer you.</p>"""),
    "clinic-testimonial": _page("Patient Stories | Bayside Regenerative Clinic", """
<h1>Patient stories</h1>
<p>"The team at Bayside used my own stem cells from my hip, and six months later I am back on my bike." - Tom, 58</p>
<p>We offer bone marrow concentrate injections for knees, hips and shoulders. Schedule your consultation today.</p>"""),
    "seller-criticising-adverts": _page("Why We Don't Sell Amniotic Shots | Crestline Orthobiologics", """
<h1>Why we don't sell amniotic shots</h1>
<p>One such site promises that amniotic injections are full of living stem cells. Most of these ads are
misleading: the products hold no living cells.</p>
<p>We use your own bone marrow, drawn and concentrated in our clinic the same morning, and inject it under
ultrasound guidance. Book a consultation to see if you are a candidate.</p>"""),
    "clinic-announcing-its-launch": _page("Harbor Wellness Launches Exosome Facials | Harbor Wellness News", """
<h1>Harbor Wellness launches exosome facials</h1>
<p>Harbor Wellness has launched exosome facials at its two spas. "Our clients asked for it," the company said.</p>
<p>We offer the exosome facial for $450 a session. Book online.</p>"""),
    "clinic-that-also-teaches": _page("PRP Injections | Summit Sports Medicine", """
<h1>PRP injections</h1>
<p>Our physicians perform PRP injections for tendon and joint injuries under ultrasound guidance. Dr. Vance also
teaches a hands-on course for physicians twice a year.</p>
<p>Call to schedule your PRP injection.</p>"""),
}


#: open: a news item that repeats a company's own selling words (price, recovery, "minimally invasive") with only
#: "the company said" after them; the launch wording (3.5 in all) does not outweigh the company's words
OPEN = {"news-of-another-launch"}


@pytest.mark.parametrize("name", [pytest.param(n, marks=pytest.mark.xfail(strict=True, reason="open: see OPEN"))
                                  if n in OPEN else n for n in sorted(NON_SELLERS)])
def test_a_page_whose_organisation_does_not_treat_is_not_a_seller(name):
    page = analyse_page(NON_SELLERS[name])
    assert not page.offers_treatment, page.offer_cues


@pytest.mark.parametrize("name", sorted(SELLERS))
def test_its_nearest_seller_still_sells(name):
    page = analyse_page(SELLERS[name])
    assert page.offers_treatment, page.offer_cues


@pytest.mark.parametrize("sentence", [
    "Patients often ask us about platelet-rich plasma after reading about a footballer's comeback.",
    "Readers asked us whether exosome facials are worth the money.",
])
def test_the_page_asked_about_a_product_is_not_offering_it(voice, sentence):
    assert not voice.speaks_as_page(sentence)


@pytest.mark.parametrize("sentence", [
    "More of our clients arrive after a platelet-rich plasma injection from their sports doctor.",
    "We often see patients who had stem cell shots at another clinic.",
    "Our physiotherapists help you recover from PRP injections given elsewhere.",
])
def test_a_product_another_provider_gave_is_not_the_pages_own(voice, sentence):
    assert voice.given_elsewhere(sentence)


@pytest.mark.parametrize("sentence", [
    "We inject PRP at our Boulder office every Tuesday.",
    "We work with your doctor to plan your stem cell treatment.",
    "Our team sends a report to your doctor after every injection.",
    'The brochure said "injections from your local doctor" but we give every injection ourselves.',
])
def test_the_pages_own_product_is_not_given_elsewhere(voice, sentence):
    assert not voice.given_elsewhere(sentence)


def test_a_practice_following_up_anothers_injection_sells_no_cell_treatment():
    page = analyse_page(_page("Rehab After PRP | Harbourside Physiotherapy", """
<h1>Rehab after PRP</h1>
<p>More of our clients arrive after a platelet-rich plasma injection from their sports doctor.</p>
<p>The tendon still needs loading afterwards, so we build strength over twelve weeks.</p>"""))
    assert not page.offers_treatment, page.offer_cues
