"""Page-level seller categories from blind batch one and the tune misses (issue 8, session "sellerpage").

Each category is what a careful coder reads on the page, probed with pages and sentences of our own
wording in both directions (the seller and its nearest non-seller):

- a publisher ranking or comparing providers ("we ranked Dallas physicians who offer ...", "the 10
  best stem cell doctors") speaks for a guide, not a provider;
- "stem cells" of a plant ("Swiss apple stem cells" in a serum) are no cell product;
- a supplement that "supports the release of your own stem cells" sells capsules, not treatment;
- a law firm's "free consultation" is legal;
- a research group speaking as "our laboratory studies", "we are running a phase 1 trial" describes
  its studies, not an offer;
- the page takes the patient's money for its service (payment terms: "payment is due",
  "non-refundable", "chargeback");
- a clinic announcing in its own voice what it did ("we are happy to announce that the operation
  went well");
- the procedure described as something the patient undergoes here ("the procedure takes about
  forty-five minutes", "under ultrasound guidance", "bring a driver") on a clinic page that also
  cites studies.
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


# ---------------------------------------------------------------- a publisher ranking providers

@pytest.mark.parametrize("sentence", [
    "We ranked Dallas physicians who offer stem cell injections by reviews and price.",
    "We compared twelve clinics that sell platelet-rich plasma in Denver.",
    "We surveyed forty practices offering exosome facials about their prices.",
])
def test_a_publisher_ranking_or_comparing_providers_is_not_a_provider_speaking(voice, sentence):
    assert not voice.speaks_as_page(sentence)


@pytest.mark.parametrize("sentence", [
    "We inject platelet-rich plasma under ultrasound, and our patients rated the clinic 4.9.",
    "We compared your MRI with the one from last year before we injected the stem cells.",
    "Our physicians perform bone marrow concentrate injections every weekday.",
])
def test_a_provider_who_also_rates_or_compares_still_speaks_for_the_page(voice, sentence):
    assert voice.speaks_as_page(sentence)


RANKED_LIST = _page("The 7 Best PRP Doctors in Portland | CityHealth Picks", """
<h1>The 7 best PRP doctors in Portland</h1>
<p>We ranked Portland doctors who offer platelet-rich plasma injections by patient reviews and years of practice.</p>
<p>1. Dr. Helen Marsh, Willamette Sports Medicine. Known for PRP for tennis elbow.</p>
<p>2. Dr. Omar Fitch, Pearl District Orthopedics. PRP and bone marrow concentrate for knees.</p>
<p>3. Dr. Lena Ko, Eastside Spine. PRP for low back pain.</p>""")


def test_a_ranked_lists_wording_counts_against_a_sale():
    page = analyse_page(RANKED_LIST)
    assert "-the N best" in page.offer_cues and "-doctors who offer" in page.offer_cues


@pytest.mark.xfail(strict=True, reason="open: a ranked list with review words and no prices still ties at 0 (a tie "
                   "is a seller); the page names several doctors at different practices, which no cue reads")
def test_a_ranked_list_of_doctors_sells_nothing_itself():
    page = analyse_page(RANKED_LIST)
    assert not page.offers_treatment, page.offer_cues


# ---------------------------------------------------------------- plant stem cells

@pytest.mark.parametrize(("before", "plant"), [
    ("Our serum is made with Swiss apple ", True),
    ("A cream with plant-derived ", True),
    ("The night balm contains argan ", True),
    ("We inject your own ", False),
    ("Cells from bone marrow, or ", False),
    ("The lab grows umbilical cord ", False),
])
def test_stem_cells_of_a_plant(voice, before, plant):
    assert voice.of_a_plant(before) is plant


PLANT_SERUM = _page("Alpine Rose Renewal Cream | Fjell Botanicals", """
<h1>Alpine rose renewal cream</h1>
<p>Our cream is made with alpine rose stem cells that help skin look firmer and brighter.</p>
<p>Massage a pea-sized amount into the face and neck every evening.</p>
<p>50 ml jar: $64. Add to cart for free delivery.</p>""")

SPA_WITH_PLANT_CREAM = _page("Exosome Facial | Solstice Med Spa", """
<h1>Exosome facial</h1>
<p>Our nurse injectors apply exosomes after microneedling to calm redness and speed skin repair.</p>
<p>We finish every facial with a moisturiser made with grape stem cells.</p>
<p>One session costs $395. Book now.</p>""")


def test_a_cosmetic_made_with_plant_stem_cells_sells_no_cell_treatment():
    page = analyse_page(PLANT_SERUM)
    assert not page.offers_treatment, page.offer_cues
    assert not any(cue.startswith("+own product") for cue in page.offer_cues)


def test_a_spa_that_also_uses_a_plant_cream_still_sells_its_exosome_facial():
    page = analyse_page(SPA_WITH_PLANT_CREAM)
    assert page.offers_treatment, page.offer_cues
    assert "+own product:exosome" in page.offer_cues


# ---------------------------------------------------------------- supplements

SUPPLEMENTS = {
    "capsules": _page("CellRenew Daily | Greenleaf Nutrition", """
<h1>CellRenew Daily</h1>
<p>CellRenew is a dietary supplement of algae, green tea and vitamin D3 that helps your body release its own stem
cells.</p>
<p>Take two capsules a day with food.</p>
<p>A bottle of 60 capsules costs $54, or subscribe and save 10%.</p>"""),
    "activator": _page("StemFlow Activator Drink | PureVita", """
<h1>StemFlow: a stem cell activator in a glass</h1>
<p>StemFlow is a powdered drink that supports stem cell release for better energy and recovery.</p>
<p>Mix one scoop into water every morning.</p>
<p>One tub: $79. Free shipping.</p>"""),
}

CLINIC_ASKS_TO_STOP_SUPPLEMENTS = _page("Preparing for Your PRP Injection | Northgate Sports Clinic", """
<h1>Preparing for your PRP injection</h1>
<p>Stop fish oil and other dietary supplements one week before your injection, and avoid ibuprofen.</p>
<p>Our physicians inject platelet-rich plasma under ultrasound guidance in the office.</p>
<p>Plan to rest the joint for two days afterwards.</p>""")


@pytest.mark.parametrize("name", sorted(SUPPLEMENTS))
def test_a_supplement_that_supports_your_own_stem_cells_sells_no_treatment(name):
    page = analyse_page(SUPPLEMENTS[name])
    assert not page.offers_treatment, page.offer_cues


def test_a_clinic_that_asks_patients_to_stop_supplements_still_sells():
    page = analyse_page(CLINIC_ASKS_TO_STOP_SUPPLEMENTS)
    assert page.offers_treatment, page.offer_cues


# ---------------------------------------------------------------- law firms

LAW_FIRMS = {
    "injury": _page("Stem Cell Clinic Injuries | Marlow Personal Injury Lawyers", """
<h1>Hurt at a stem cell clinic?</h1>
<p>Some clinics inject umbilical cord products that were never approved, and patients have been left with serious
infections.</p>
<p>You may be entitled to compensation for medical bills and lost wages.</p>
<p>Call for a free consultation. No fee unless we recover money for you.</p>"""),
    "product-liability": _page("Exosome Injection Lawsuits | Pratt Law Group", """
<h1>Exosome injection lawsuits</h1>
<p>Our attorneys represent patients who developed infections after exosome injections at med spas.</p>
<p>A product liability claim may be possible against the maker of the vials as well as the spa.</p>
<p>Request a free case review today.</p>"""),
}


@pytest.mark.parametrize("name", sorted(LAW_FIRMS))
def test_a_law_firm_seeking_injured_patients_sells_no_treatment(name):
    page = analyse_page(LAW_FIRMS[name])
    assert not page.offers_treatment, page.offer_cues


def test_a_clinic_offering_a_free_consultation_still_sells():
    page = analyse_page(_page("PRP for Knee Pain | Redwood Joint Clinic", """
<h1>PRP for knee pain</h1>
<p>We inject platelet-rich plasma into arthritic knees. The procedure takes about thirty minutes.</p>
<p>Call for a free consultation with our physicians.</p>"""))
    assert page.offers_treatment, page.offer_cues


# ---------------------------------------------------------------- a research group's voice

@pytest.mark.parametrize("sentence", [
    "Our laboratory studies how mesenchymal stem cells calm inflammation in the joint.",
    "We are running a phase 1 safety trial of donor stem cells for cartilage defects.",
    "Our researchers are investigating bone marrow cells in heart failure.",
])
def test_a_research_group_describing_its_studies_is_not_offering(voice, sentence):
    assert not voice.speaks_as_page(sentence)


@pytest.mark.parametrize("sentence", [
    "Our laboratory processes your bone marrow the same day, and we inject the concentrate within an hour.",
    "We are now offering umbilical cord infusions at our Cancun clinic.",
    "Our team has treated more than 900 knees with platelet-rich plasma.",
])
def test_a_clinic_naming_its_lab_or_team_still_speaks_for_the_page(voice, sentence):
    assert voice.speaks_as_page(sentence)


RESEARCH_PAGE = _page("Regenerative Medicine Research Group | Eastmoor University Hospital", """
<h1>Regenerative medicine research group</h1>
<p>Our laboratory studies how stem cells from fat tissue might repair damaged heart muscle.</p>
<p>We are running a phase 1 trial of donor mesenchymal stem cells in heart failure, funded by a national research
grant.</p>
<p>Postdoctoral fellows and graduate students interested in cell therapy are welcome to apply.</p>""")


def test_a_hospitals_research_page_offers_nothing():
    page = analyse_page(RESEARCH_PAGE)
    assert not page.offers_treatment, page.offer_cues


# ---------------------------------------------------------------- payment terms

TERMS = {
    "terms": _page("Payment Terms | Sundial Regenerative", """
<h1>Payment terms</h1>
<p>When I pay Sundial Regenerative, I authorise it to charge my card for the services I have chosen.</p>
<p>I understand that full payment is due before the service, and that every payment is non-refundable.</p>
<p>I understand that the injection is elective and investigational, that no outcome is guaranteed, and that I will
not start a chargeback because of the results.</p>
<p>I have read the informed consent for the stem cell injection and have had the chance to ask questions.</p>"""),
    "deposit": _page("Booking Terms | Marisol Cell Clinic", """
<h1>Booking terms</h1>
<p>A deposit secures your date for the umbilical cord cell infusion. The balance is due on arrival.</p>
<p>Deposits are non-refundable within thirty days of the treatment date. See the cancellation policy below.</p>"""),
}

TERMS_NEIGHBOURS = {
    "cord-bank-terms": _page("Storage Agreement | Bluebell Cord Blood Bank", """
<h1>Storage agreement</h1>
<p>The enrolment fee is non-refundable once the collection kit has been shipped.</p>
<p>Cord blood units are stored in liquid nitrogen at our storage facility for the term you choose.</p>
<p>Storage fees are billed every year. Stored cord blood may one day be used for a transplant.</p>"""),
    "news-deposit": _page("Clinic kept deposits, patients say | Harbor Times", """
<h1>Clinic kept deposits, patients say</h1>
<p>By Ana Ruiz, staff reporter</p>
<p>Patients who paid for stem cell infusions at a Cancun clinic say their deposits were non-refundable even after the
clinic cancelled their dates, according to complaints filed with the state.</p>
<p>The clinic did not respond to a request for comment.</p>"""),
}


@pytest.mark.parametrize("name", sorted(TERMS))
def test_a_sellers_payment_terms_are_a_sale(name):
    page = analyse_page(TERMS[name])
    assert page.offers_treatment, page.offer_cues


@pytest.mark.parametrize("name", sorted(TERMS_NEIGHBOURS))
def test_a_banks_terms_or_a_story_about_deposits_sells_nothing(name):
    page = analyse_page(TERMS_NEIGHBOURS[name])
    assert not page.offers_treatment, page.offer_cues


# ---------------------------------------------------------------- a clinic announcing what it did

CLINIC_NEWS = _page("News | Danube Orthopaedic Clinic", """
<h1>First stem cell knee operations in the region</h1>
<p>Local newspapers reported last week on the cartilage operations carried out at the Danube clinic.</p>
<p>We are happy to announce that all three operations went well and the patients are already walking.</p>
<p>In each operation, stem cells from the patient's own bone marrow were placed into the damaged cartilage, Dr.
Novak said.</p>""")

ANNOUNCE_NEIGHBOURS = {
    "university-grant": _page("News | Westmarch University School of Medicine", """
<h1>New grant for stem cell research</h1>
<p>We are pleased to announce that our research group has received a national research grant to study stem cells in
spinal cord injury.</p>
<p>The five-year project will fund two postdoctoral positions, the principal investigator said.</p>"""),
    "newspaper-milestone": _page("Hospital marks first cartilage operations | Danube Herald", """
<h1>Hospital marks first cartilage operations</h1>
<p>By Mila Horvat</p>
<p>A private clinic in the city says it has carried out its first operations placing bone marrow stem cells into
damaged knee cartilage.</p>
<p>Experts said the method is still unproven and warned patients about the cost.</p>"""),
}


def test_a_clinic_announcing_its_own_operations_is_a_seller():
    page = analyse_page(CLINIC_NEWS)
    assert page.offers_treatment, page.offer_cues
    assert "+we are happy to announce" in page.offer_cues


@pytest.mark.parametrize("name", sorted(ANNOUNCE_NEIGHBOURS))
def test_a_university_announcing_a_grant_or_a_paper_reporting_operations_sells_nothing(name):
    page = analyse_page(ANNOUNCE_NEIGHBOURS[name])
    assert not page.offers_treatment, page.offer_cues


# ---------------------------------------------------------------- the procedure as something the patient undergoes here

UNDERGOES = {
    "faq-with-study": _page("Bone Marrow Concentrate FAQ | Pinehurst Orthopaedics", """
<h1>Bone marrow concentrate: your questions</h1>
<p>A 2019 review of small studies reported less knee pain at one year, although the studies were small (Lee et al.).
</p>
<p>How long does it take? The procedure takes about ninety minutes, under local anaesthetic.</p>
<p>Marrow is drawn from the back of the hip and the concentrate is injected into the knee under ultrasound guidance.
</p>
<p>Bring a driver and wear loose clothing. Most people return to work within two days.</p>"""),
    "condition-page-with-references": _page("Achilles Tendinopathy | Lakeland Foot and Ankle", """
<h1>Achilles tendinopathy</h1>
<p>The Achilles tendon can thicken and ache after years of running. Research suggests that loading exercises help
most people (Alfredson, 1998).</p>
<p>For a tendon that still aches after three months of exercise, platelet-rich plasma is injected into it under
ultrasound guidance during a short office visit.</p>
<p>What to expect: a boot for one week and a return to running after about three months.</p>"""),
    "what-to-expect": _page("What to Expect | Brightwater Regenerative Clinic", """
<h1>What to expect on the day</h1>
<p>Studies of fat-derived cells are still small, and results vary.</p>
<p>On procedure day, a little fat is taken from the belly under local anesthetic. The injection takes less than an
hour, and most patients go home the same day.</p>""")
}

UNDERGOES_NEIGHBOURS = {
    "critic": _page("Knee Injections: What the Clinics Don't Say | Second Look Health", """
<h1>Knee injections: what the clinics don't say</h1>
<p>Clinics selling stem cell injections for knees stress how easy it is: the procedure takes about an hour, under
local anesthetic, and you go home the same day.</p>
<p>There is no good evidence that the cells rebuild cartilage, and the injections can cost $5,000 or more.</p>
<p>Ask to see published trial results before paying.</p>"""),
    "vet": _page("Stem Cells for Horses | Meadowbank Equine Hospital", """
<h1>Stem cell therapy for tendon injuries in horses</h1>
<p>Stem cells from the horse's own bone marrow can help an injured tendon heal with better quality tissue.</p>
<p>The marrow is collected under local anaesthetic with the horse standing. The injection into the tendon is given
under ultrasound guidance about three weeks later.</p>
<p>Most horses return to work after six to nine months of controlled exercise.</p>"""),
    "encyclopedia": _page("Platelet-Rich Plasma Injections | MedWiki Health Encyclopedia", """
<h1>Platelet-rich plasma injections</h1>
<p>Platelet-rich plasma injections are given for tendon and joint problems. The procedure takes about an hour.</p>
<p>According to reviews of the evidence, results are mixed, and insurers rarely pay for them.</p>
<p>Talk to your doctor about whether PRP is right for you.</p>"""),
}


@pytest.mark.parametrize("name", sorted(UNDERGOES))
def test_a_clinic_page_describing_the_procedure_its_patients_undergo_is_a_seller(name):
    page = analyse_page(UNDERGOES[name])
    assert page.offers_treatment, page.offer_cues


@pytest.mark.parametrize("name", sorted(UNDERGOES_NEIGHBOURS))
def test_a_critic_a_vet_or_an_encyclopedia_describing_the_procedure_sells_nothing(name):
    page = analyse_page(UNDERGOES_NEIGHBOURS[name])
    assert not page.offers_treatment, page.offer_cues


# ---------------------------------------------------------------- the provider telling its patient what it does to them

LEAFLET = _page("Having Your Stem Cells Collected | Fairmead Hospitals NHS Foundation Trust", """
<h1>Having your stem cells collected</h1>
<p>This leaflet explains how stem cells are collected from your blood before high-dose chemotherapy. Please ask
your doctor or nurse if anything is unclear.</p>
<p>For a few days before collection you will have injections of a growth factor. Then we collect your stem cells
with a machine that filters the blood from a vein in your arm.</p>
<p>The cells are frozen and kept safe until your treatment, when they are returned through a drip.</p>""")

QUOTES_AN_ADVERT = _page("The clinic that promised a new knee | Riverside Courier", """
<h1>The clinic that promised a new knee</h1>
<p>By Joel Baptiste, health reporter</p>
<p>The clinic's radio advert says: "We harvest your fat in the morning and inject the stem cells by lunch."</p>
<p>Three patients told the Courier they paid $7,000 each and saw no change, and the state medical board has opened an
investigation, according to records.</p>""")


CLINIC_STEPS = _page("How the Procedure Works | Cobalt Spine Institute", """
<h1>How the procedure works</h1>
<p>Several small studies of bone marrow concentrate in disc pain have been published since 2017, and larger trials
are under way.</p>
<p>First we numb your lower back, then we draw your marrow from the back of the hip with a fine needle.</p>
<p>The concentrate is placed into the disc under fluoroscopy.</p>""")


def test_a_clinic_telling_patients_what_it_does_to_them_is_a_seller():
    page = analyse_page(CLINIC_STEPS)
    assert page.offers_treatment, page.offer_cues
    assert "+we <do> your" in page.offer_cues


@pytest.mark.xfail(strict=True, reason="open: 'NHS', 'leaflet' and 'ask your doctor' (explainer cues, 5.5 in all) outweigh "
                   "a hospital's own voice on its patient leaflet; the transplant-programme reader needs transplant words")
def test_a_hospital_leaflet_telling_patients_what_it_does_to_them_is_a_seller():
    page = analyse_page(LEAFLET)
    assert page.offers_treatment, page.offer_cues


@pytest.mark.parametrize("page", [
    QUOTES_AN_ADVERT,
    _page("How Stem Cell Clinics Work | Clear Health Guides", """
<h1>How stem cell clinics work</h1>
<p>In this guide we explain how clinics harvest your fat or marrow and what the evidence says.</p>
<p>Most clinics charge between $3,000 and $8,000, and insurers do not pay.</p>
<p>According to the FDA, none of these injections is approved for joint pain.</p>"""),
], ids=["news-quotes-an-advert", "guide-explains"])
def test_a_story_quoting_a_clinic_or_a_guide_explaining_sells_nothing(page):
    result = analyse_page(page)
    assert not result.offers_treatment, result.offer_cues


# ---------------------------------------------------------------- found in blind batch two after it was scored:
# a patient's fundraiser, a question-and-answer site and an insurer's marketplace quote what treatment costs

QUOTES_A_PRICE = {
    "fundraiser": _page("Help Mia Fight MS | HopeRaise", """
<h1>Help Mia fight MS</h1>
<p>Mia was diagnosed with multiple sclerosis at 29. A clinic in Mexico offers stem cell transplants for MS, and the
treatment costs $54,000.</p>
<p>Please donate and share this fundraiser. Every dollar goes to Mia's treatment.</p>"""),
    "qa-site": _page("PRP for plantar fasciitis? | AskHealth Community", """
<h1>PRP for plantar fasciitis?</h1>
<p>Question from heelpain22: My podiatrist wants $700 for a PRP shot in my heel. Worth it?</p>
<p>Answer from footdoc_retired: Some small studies are encouraging. Try stretching and night splints first.</p>"""),
    "insurance-marketplace": _page("Is Stem Cell Therapy Covered? | InsureRight", """
<h1>Is stem cell therapy covered by insurance?</h1>
<p>Health plans cover blood stem cell transplants for cancers, but not stem cell injections for joints, which cost
patients $3,000 to $8,000 per injection.</p>
<p>Call your insurer before any procedure, and compare plans to find lower premiums.</p>"""),
}

SELLER_MENTIONS_FUNDRAISING_OR_PLANS = {
    "clinic-mentions-fundraising": _page("Paying for Treatment | Costa Azul Stem Cell Center", """
<h1>Paying for treatment</h1>
<p>Our umbilical cord stem cell protocol for MS costs $21,000, including the hotel.</p>
<p>Some families raise the money through fundraising pages; we provide an itemised quote for them on request.</p>"""),
    "clinic-faq-on-insurance": _page("PRP Questions | Larkspur Sports Medicine", """
<h1>PRP questions</h1>
<p>Question: Is PRP covered? Answer: most health plans do not cover PRP, so we offer payment plans.</p>
<p>Question: How long does it take? Answer: the injection takes about thirty minutes in the office.</p>"""),
    "clinic-answers-patients": _page("Ask Dr. Lowe | Hartwell Regenerative", """
<h1>Ask Dr. Lowe</h1>
<p>Asked by a reader: can bone marrow concentrate help a worn hip?</p>
<p>Dr. Lowe: For mild to moderate arthritis it can. We draw your marrow and inject the concentrate in one visit, and
most patients go home within two hours.</p>"""),
}


@pytest.mark.parametrize("name", sorted(QUOTES_A_PRICE))
def test_a_fundraiser_a_forum_or_an_insurer_quoting_a_price_sells_nothing(name):
    page = analyse_page(QUOTES_A_PRICE[name])
    assert not page.offers_treatment, page.offer_cues


@pytest.mark.parametrize("name", sorted(SELLER_MENTIONS_FUNDRAISING_OR_PLANS))
def test_a_clinic_that_mentions_fundraising_plans_or_readers_questions_still_sells(name):
    page = analyse_page(SELLER_MENTIONS_FUNDRAISING_OR_PLANS[name])
    assert page.offers_treatment, page.offer_cues
