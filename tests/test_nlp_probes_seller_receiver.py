"""A "we" that is not a provider (issue 8, session 21 helper wevoice): who "we" are, read from what "we" do.

Coding manual, section 1: a page offers treatment when its own organisation sells, provides or books it. A family
telling its trip ("we flew with our son to a clinic", "we paid"), a forum or patients' group ("our members"), a
comparison site or ranked list ("we compared", "our team visited", "our picks") and a journalists' test ("we were
quoted") speak as "we" beside prices and booking words, but their "we" receives, buys or judges care
(nlp/own_voice.py ``receives``, own_voice.json ``receiver_*``). A seller whose "we" also tells stories ("we have
treated 900 patients", "we decided there had to be a better way", "we took our own father to a clinic abroad and now
arrange packages at partner clinics", "our members receive two injections a year") still presents its own product.

Every probe is our own wording, not from any batch or real page. The non-selling probes fail on main 708d13e.
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
    "family-trip": _page("Jonah in Monterrey | The Reyes Family Blog", """
<h1>Jonah in Monterrey</h1>
<p>In October we took Jonah to a clinic in Monterrey for umbilical cord stem cells for his autism.</p>
<p>We paid $11,000 for two infusions and the hotel. We were told to wait six months before judging.</p>
<p>We will write again at Easter.</p>"""),
    "patients-network": _page("Paying for PRP? | Hip and Knee Friends Network", """
<h1>Paying for PRP?</h1>
<p>Several of our members have paid between $600 and $1,500 for PRP injections into the knee.</p>
<p>Some of our members booked a second course; others stopped after one. Our network does not endorse any clinic.
Book a chat with a volunteer before you pay.</p>"""),
    "price-comparison": _page("Exosome therapy costs in Florida, 2026 | PriceScout Health", """
<h1>Exosome therapy costs in Florida</h1>
<p>We compared exosome injection prices at 16 clinics across Florida. Prices ran from $1,900 to $6,500 per
session, and most offered a free consultation.</p>
<p>We ranked the clinics on price and on what their package included. Book directly with the clinic you choose.</p>"""),
    "ranked-list-team": _page("Top 6 stem cell clinics in Phoenix | ValleyBest", """
<h1>Top 6 stem cell clinics in Phoenix</h1>
<p>Our team visited every clinic on this list and asked about their bone marrow stem cell injections.</p>
<p>1. Desert Joint Center: from $4,500, book online. 2. Camelback Cell Clinic: from $5,200, free consultation.</p>
<p>Our picks are not paid placements.</p>"""),
}

SELLERS = {
    "clinic-treated-stories": _page("About | Pinewood Regenerative Clinic", """
<h1>About us</h1>
<p>We have treated more than 700 patients with their own adipose stem cells since 2015.</p>
<p>Last month we saw a painter who could not lift her arm; after her shoulder injection she is back at the easel.
Book a consultation with our physicians.</p>"""),
    "broker-family-origin": _page("Our story | Kinship Cell Journeys", """
<h1>Our story</h1>
<p>We started Kinship after we took our own mother to a clinic in Panama for her arthritis.</p>
<p>Today we arrange umbilical cord stem cell treatment at our partner clinics in Panama, with packages from $9,500
including the hotel and transfers.</p>"""),
    "clinic-members-plan": _page("Memberships | Saguaro Wellness", """
<h1>Memberships</h1>
<p>Our members receive a PRP joint injection every six months and priority booking for $129 a month.</p>
<p>We give every injection in our own clinic in Mesa. Join online.</p>"""),
    "clinic-we-compared": _page("PRP results | Lakeside Orthopedic Sports Clinic", """
<h1>Our PRP results</h1>
<p>We compared our own patients who had PRP with those who had a steroid shot. We paid close attention to who came
back.</p>
<p>We offer PRP injections for tennis elbow and knee arthritis. One injection costs $750.</p>"""),
}


@pytest.mark.parametrize("name", sorted(NON_SELLERS))
def test_a_receiving_we_is_not_a_seller(name):
    page = analyse_page(NON_SELLERS[name])
    assert not page.offers_treatment, page.offer_cues


@pytest.mark.parametrize("name", sorted(SELLERS))
def test_a_seller_whose_we_tells_stories_stays_a_seller(name):
    page = analyse_page(SELLERS[name])
    assert page.offers_treatment, page.offer_cues


@pytest.mark.parametrize("sentence", [
    "In October we took Jonah to a clinic in Monterrey for umbilical cord stem cells.",
    "We paid $11,000 for the stem cell infusions.",
    "We were told the stem cells would need six months.",
    "Several of our members have had PRP injections.",
    "Our team visited a clinic offering stem cell injections.",
    "We fund research into stem cells.",
])
def test_receiving_sentences_are_not_the_page_voice(voice, sentence):
    assert not voice.speaks_as_page(sentence)


@pytest.mark.parametrize("sentence", [
    "We took a small sample of fat from the abdomen and injected the stem cells the same day.",
    "We have treated hundreds of patients with PRP.",
    "We arrange stem cell treatment at our partner clinics.",
])
def test_giving_sentences_stay_the_page_voice(voice, sentence):
    assert voice.speaks_as_page(sentence)


def test_a_decline_may_share_its_object_with_a_second_verb(voice):
    sentence = "We fund research into cell therapies, but we do not provide or recommend any treatment sold privately."
    assert voice.declines(sentence, "cell therapies")
    assert not voice.declines("We do not use donor tissue; we provide or recommend your own marrow cells.", "marrow cells")


def test_receives_counts_the_receiving_we_outside_quotations(voice):
    assert voice.receives("We flew with our daughter to Kyiv. We paid $9,000.") >= 3
    assert voice.receives('"We paid $9,000," the mother said.') == 0
    assert voice.receives("We inject PRP in our clinic.") == 0
