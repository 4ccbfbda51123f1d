"""Seller categories read from the blind batch of session 25 (data/devset, splits "study" and "unseen"; issue 8).

The batch was written and labelled before the extractor was run on it, in two halves by topic. Its misses were, on
the study half, an equine hospital and a runner's own PRP diary; on the unseen half, a supplement shop and a clinic's
own newsroom item. Each category is probed here with pages of our own wording, with its nearest page coded the other
way, and each probe fails without its rule (checked by reverting the rule once).
"""

from __future__ import annotations

import pytest

from clinicscan.nlp.analyse import analyse_page, page_text, run_pipeline
from clinicscan.nlp.own_speaker import load_own_speaker
from clinicscan.nlp.own_voice import load_own_voice
from clinicscan.nlp.pipeline import build_pipeline


def _page(title: str, body: str) -> str:
    return f"<html><head><title>{title}</title></head><body><main>{body}</main></body></html>"


def _rules_alone(html: str):
    nlp = build_pipeline(initialize=False)
    nlp.get_pipe("clinicscan_offer").model_path = "none"
    nlp.initialize()
    return run_pipeline(nlp, page_text(html))._.clinicscan_offer


# --- animal patients (coding manual, section 1: veterinary practices are not sellers) ---------------------------

HORSE_PRACTICE = _page("Sports Medicine | Brackenfield Equine Practice", """
<h1>Tendon injuries in the sport horse</h1>
<p>A bowed tendon can keep a jumper out of the ring for a year. Our team offers platelet-rich plasma and bone marrow
stem cell injections to speed the repair.</p>
<p>We draw marrow from your horse's sternum under standing sedation and inject the cultured cells into the lesion
three weeks later, guided by ultrasound.</p>
<p>Book a lameness exam online; trailer parking is behind the barn. Prices start at $1,900.</p>""")

SMALL_ANIMAL_CLINIC = _page("Arthritis Care | Fernhill Veterinary Clinic", """
<h1>Help for stiff joints in dogs and cats</h1>
<p>Stem cell therapy can bring back comfort for older pets. We take a little fat from your dog's flank under a
short anaesthetic, prepare the cells in our lab and inject them into the sore joints the same afternoon.</p>
<p>Treatment costs $2,100 including the anaesthetic. Call to book a consultation for your pet.</p>""")

CLINIC_CITING_RACEHORSES = _page("Knee PRP | Ashgrove Joint Clinic", """
<h1>PRP for knee arthritis</h1>
<p>Platelet-rich plasma was first used to help racehorses heal, and veterinary medicine has relied on it for
decades. Today our physicians inject PRP into arthritic knees under ultrasound guidance.</p>
<p>A course of three injections is $1,200. Book a consultation with Dr. Moyo.</p>""")


@pytest.mark.parametrize(("html", "offers"), [
    (HORSE_PRACTICE, False), (SMALL_ANIMAL_CLINIC, False), (CLINIC_CITING_RACEHORSES, True),
], ids=["equine practice", "small-animal clinic", "human clinic citing racehorses"])
def test_whose_patients_are_animals(html, offers):
    page = analyse_page(html)
    assert page.offers_treatment is offers, page.offer_cues
    assert _rules_alone(html).offers_treatment is offers  # the rules read it, not only the learned veto


def test_animal_phrases_are_counted_outside_quotations_only():
    voice = load_own_voice()
    assert voice.treats_animals("We inject your horse's tendon. Dogs and cats are welcome.") == 2
    assert voice.treats_animals('A patient wrote: "your dog gets better care than I do" and "dogs and cats".') == 0
    assert voice.treats_animals("Your petition was received.") == 0


# --- a patient telling of their own care, in the first person singular ---------------------------------------------

PATIENT_DIARY = _page("Shoulder diary, week 8 | Notes from the Pool", """
<h1>Shoulder diary, week 8</h1>
<p>After a year of swimming through rotator cuff pain, I finally booked the PRP injection my orthopaedist suggested.
The nurse drew my blood, spun it and the doctor injected it with an ultrasound probe.</p>
<p>I paid $700 because my plan does not cover it. Eight weeks on, I can swim a kilometre again. Not a miracle, but
progress.</p>""")

PRACTITIONER_BLOG = _page("Notes from clinic | Dr. Ferreira", """
<h1>What I tell swimmers about PRP</h1>
<p>I inject PRP into rotator cuff tendons several times a week in my practice in Porto. I paid for my own ultrasound
training years ago because guided injections matter.</p>
<p>Most swimmers I treat need one injection and eight weeks of loading exercises. My office books a first visit
within a week.</p>""")


@pytest.mark.parametrize(("html", "offers"), [(PATIENT_DIARY, False), (PRACTITIONER_BLOG, True)],
                         ids=["patient's own diary", "practitioner's blog"])
def test_a_patient_s_i_receives_care_a_practitioner_s_i_gives_it(html, offers):
    page = analyse_page(html)
    assert page.offers_treatment is offers, page.offer_cues


def test_i_as_a_receiver():
    voice = load_own_voice()
    assert voice.receives("I finally booked the injection. Later I was told to rest.") == 2
    assert voice.receives("In the clinic I inject PRP under ultrasound.") == 0


# --- a supplement that supports the reader's own stem cells ----------------------------------------------------------

SUPPLEMENT = _page("CellSpring Daily | Orchard Lane Wellness Shop", """
<h1>CellSpring Daily</h1>
<p>$44.00 for 90 veggie capsules. A blend of mushroom extracts and seaweed that boosts your body's own stem cells
as you age.</p>
<p>Take three capsules with breakfast. Free shipping over $40.</p>
<p><button>Add to cart</button></p>""")

PRP_CLINIC_SUPPORTING_CELLS = _page("PRP Injections | Larkfield Sports Clinic", """
<h1>PRP injections for tendon pain</h1>
<p>Our physicians inject platelet-rich plasma, which supports your own stem cells in repairing the tendon.</p>
<p>One injection is $650. Book a consultation online.</p>""")


@pytest.mark.parametrize(("html", "offers"), [(SUPPLEMENT, False), (PRP_CLINIC_SUPPORTING_CELLS, True)],
                         ids=["supplement shop", "PRP clinic whose PRP supports the cells"])
def test_a_supplement_supporting_your_stem_cells_sells_no_cells(html, offers):
    page = analyse_page(html)
    assert page.offers_treatment is offers, page.offer_cues


def test_supported_own_cells():
    voice = load_own_voice()
    assert voice.supports_own("It supports the natural release of your own ", "stem cells")
    assert voice.supports_own("A blend that boosts your body's ", "stem cells")
    assert not voice.supports_own("We inject your own ", "stem cells")
    assert not voice.supports_own("It supports the release of ", "PRP")


# --- a clinic's own newsroom, quoting its own doctor by name ----------------------------------------------------------

OWN_NEWSROOM = _page("Newsroom | Quillan Neuro Cell Clinic", """
<h1>Quillan Neuro Cell Clinic Begins Stroke Programme</h1>
<p>LIMA, Peru - Quillan Neuro Cell Clinic has begun treating adults recovering from stroke with infusions of
umbilical cord mesenchymal cells, under a protocol led by medical director Dr. Renata Salcedo.</p>
<p>"Families asked us for years," Dr. Salcedo said. "Now the programme is open."</p>
<p>The first patients received two infusions over three days, the clinic reported. Follow-up visits are set for
three and six months.</p>""")

NEWSPAPER_QUOTING_A_CLINIC = _page("Lima clinic starts stroke cell infusions | Andes Evening Post", """
<h1>Lima clinic starts stroke cell infusions</h1>
<p>LIMA - A private clinic here has begun giving stroke patients infusions of umbilical cord cells, under a protocol
led by medical director Dr. Renata Salcedo.</p>
<p>"Families asked for years," Dr. Salcedo said. Neurologists said there is no good evidence the infusions help.</p>
<p>The clinic reported that its first patients received two infusions over three days.</p>""")


@pytest.mark.parametrize(("html", "offers"), [(OWN_NEWSROOM, True), (NEWSPAPER_QUOTING_A_CLINIC, False)],
                         ids=["clinic's own newsroom", "newspaper quoting the clinic's director"])
def test_a_clinic_s_own_staff_quoted_by_name(html, offers):
    page = analyse_page(html)
    assert page.offers_treatment is offers, page.offer_cues


def test_staff_names():
    speaker = load_own_speaker()
    assert speaker.staff_names("led by medical director Dr. Renata Salcedo. Later: founder Dr. Caleb Voss said") \
        == {"Salcedo", "Voss"}
    assert speaker.staff_names("Dr. Lena Hart, the clinic's founder, says") == {"Hart"}
    assert speaker.staff_names("Dr. Hart said the trial was small.") == frozenset()
    assert speaker.speaks_for_page('"Now," Dr. Salcedo said.', ("quillan",), frozenset({"Salcedo"}))
    assert not speaker.speaks_for_page('"Now," Dr. Salcedo said.', (), frozenset({"Salcedo"}))
