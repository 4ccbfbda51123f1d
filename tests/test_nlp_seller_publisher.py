"""Who publishes the page: probe pages for the seller decision, in our own wording.

Each stands for a category of real page: a clinic's education-style blog post that presents
its own therapy; an FAQ that attacks other products and then offers its own; a clinic that
says it does not offer cell injections; a news story that quotes a clinic's phone number and
address. The last two carry contact facts (a phone, a street address) and must stay
non-sellers: a phone number says someone can be called, not that the page's organisation
sells a treatment (docs/seller-model.md, "Publisher facts").
"""

from __future__ import annotations

import pytest

from clinicscan.nlp.analyse import analyse_page

CLINIC_BLOG = """<html><head><title>Blog: What Does a Bone Marrow Concentrate Injection Involve? | Cedar Hollow Joint Institute</title></head>
<body><main><h1>What Does a Bone Marrow Concentrate Injection Involve?</h1>
<p>Posted March 3 by the Cedar Hollow care team</p>
<p>Bone marrow concentrate, often shortened to BMC, is prepared from marrow taken from the pelvis. After it is spun
down, the concentrate holds a mix of cells and signalling proteins.</p>
<p>Many readers ask how the injection feels. The draw takes about ten minutes under numbing medicine, and the
concentrate is placed into the worn knee, hip or ankle with imaging to guide the needle.</p>
<p>At Cedar Hollow Joint Institute, our physicians have offered BMC for arthritic joints since 2017, and patients
usually go home within two hours.</p>
<p>Questions? Call 406-555-0182 or visit us at 1440 Larch Street, Missoula, MT 59801.</p></main></body></html>"""

FAQ_ATTACKS_OTHERS = """<html><head><title>FAQ | Northgate Autologous Cell Clinic</title></head>
<body><main><h1>Frequently Asked Questions</h1>
<h2>Are the "stem cell" vials sold by online suppliers real?</h2>
<p>Rarely. Many amniotic and cord blood products sold in vials hold no living cells by the time they are thawed,
and several companies selling them have received warning letters. We never use them.</p>
<h2>So what do you use?</h2>
<p>We use your own adipose-derived stem cells: fat is gathered from the abdomen under local anaesthetic, and the
cell fraction is returned to the injured shoulder or knee the same morning.</p>
<h2>How long does recovery take?</h2>
<p>Most people return to desk work in two days.</p></main></body></html>"""

SCEPTICAL_CLINIC = """<html><head><title>Why We Do Not Offer Stem Cell Injections | Brookfield Sports Physiotherapy</title></head>
<body><main><h1>Why We Do Not Offer Stem Cell Injections</h1>
<p>Patients regularly ask whether stem cell or exosome injections could fix their knee arthritis. Our clinic does
not offer these injections, and we do not refer patients to clinics that sell them.</p>
<p>The research so far is small and mixed, and clinics that charge thousands of dollars for the shots often
promise more than the studies show.</p>
<p>What we do offer is a graded strengthening programme, load management and, where needed, a referral to an
orthopaedic surgeon.</p>
<p>Book a physiotherapy assessment: call 604-555-0147, 220 Alder Road, Victoria, BC V8W 1A1.</p></main></body></html>"""

NEWS_QUOTES_A_CLINIC = """<html><head><title>Families Question Costly Cell Injections at Suburban Clinic | Lakeview Evening Ledger</title></head>
<body><main><h1>Families Question Costly Cell Injections at Suburban Clinic</h1>
<p>By Tomas Berg, health reporter</p>
<p>Three families say they paid between $6,000 and $11,000 for umbilical cord stem cell injections at a clinic
in Fairmont that promised to ease their children's cerebral palsy.</p>
<p>The clinic's advertisements, which list the number 312-555-0166 and an address on Harlan Avenue, describe the
treatment as "life changing". A spokesperson for the clinic said the therapy was safe.</p>
<p>The FDA has not approved any umbilical cord product for cerebral palsy, a spokesperson for the agency said.
The state attorney general's office told the Ledger it is reviewing complaints.</p></main></body></html>"""


@pytest.mark.parametrize(("html", "offers", "has_phone"), [
    (CLINIC_BLOG, True, True),
    (FAQ_ATTACKS_OTHERS, True, False),
    (SCEPTICAL_CLINIC, False, True),
    (NEWS_QUOTES_A_CLINIC, False, True),
], ids=["clinic education blog that sells", "FAQ attacking other products, offering its own",
        "sceptical clinic with a phone and address", "news story quoting a clinic's phone"])
def test_who_publishes_decides_not_the_phone_number(html, offers, has_phone):
    page = analyse_page(html)
    assert not page.error
    assert page.offers_treatment is offers, page.offer_cues
    assert any(fact.kind == "phone" for fact in page.contacts) is has_phone


def test_the_faq_seller_keeps_only_its_own_product():
    """Coding manual section 4: a seller's FAQ that attacks other products labels only its own."""
    page = analyse_page(FAQ_ATTACKS_OTHERS)
    assert page.offers_treatment
    assert "adipose" in page.product_types
    assert not {"amniotic", "cord_blood"} & set(page.product_types)


# A seller's FAQ whose critique of others runs long: nine sceptic and regulator cues, then its own product.
FAQ_LONG_CRITIQUE_THEN_OWN = """<html><head><title>Patient Questions | Silverline Orthobiologics</title></head>
<body><main><h1>Patient Questions</h1>
<h2>Is it true the FDA warned clinics about stem cell products?</h2>
<p>Yes. The FDA has sent warning letters to many clinics and manufacturers selling amniotic fluid and umbilical
cord products, which are unapproved drugs. Several lawsuits followed, and consumers lost thousands of dollars on
unproven injections. Beware of any clinic that promises a cure.</p>
<h2>Are exosome products a scam?</h2>
<p>Most exosome products sold to clinics are misleading: they are not approved and their contents are unknown.
Researchers have found no living cells in several samples.</p>
<h2>What does Silverline do differently?</h2>
<p>We only use bone marrow concentrate taken from your own hip during the same visit, which the FDA allows as
minimally manipulated tissue. Dr. Amara Quist performs every procedure with ultrasound guidance.</p>
<h2>How do I find out if I am a candidate?</h2>
<p>Request a consultation and send your MRI report.</p></main></body></html>"""

# A practice that warns against the shots, names PRP in its own voice, and says it does not sell it.
SCEPTIC_PRACTICE_NAMES_A_PRODUCT = """<html><head><title>Do Stem Cell Shots Work? | Fernhill Orthopaedic Associates</title></head>
<body><main><h1>Do Stem Cell Shots Work?</h1>
<p>Many clinics advertise stem cell injections as a way to regrow cartilage. The evidence is limited, the
products are often unapproved, and patients have paid thousands for shots that did little. Be skeptical of
clinics that promise results.</p>
<p>Our surgeons offer proven care instead: physical therapy, bracing, steroid injections and, when needed, joint
replacement. We use PRP only in clinical research studies and do not sell it.</p>
<p>Schedule a consultation with our team to discuss your knee.</p></main></body></html>"""

# A regulator speaking as "we", with a phone line and a "candidate": its warnings keep their full weight.
REGULATOR_IN_FIRST_PERSON = """<html><head><title>Consumer Update: Stem Cell Products | Health Products Authority</title></head>
<body><main><h1>What Patients Should Know About Stem Cell Clinics</h1>
<p>We regulate human cells and tissues used as medical products. We have approved only a few cord blood products,
and only for blood disorders. Some clinics sell unapproved stem cell injections for arthritis, autism and lung
disease; these products are illegal and unproven, and several patients have been blinded.</p>
<p>We have issued warning letters to many clinics. Beware of any clinic that advertises stem cell cures.</p>
<p>If you are a candidate for a clinical trial, ask your doctor. Call our consumer line at 1-800-555-0199 or
request a copy of our free guide to report a problem.</p></main></body></html>"""


# A hospital's information page: the product is named in its voice only as what patients ask about.
HOSPITAL_ASKED_ABOUT = """<html><head><title>Knee Injections: Your Questions | Lakemoor General Hospital</title></head>
<body><main><h1>Knee Injections: Your Questions</h1>
<p>Our joint specialists are often asked about umbilical cord stem cell injections for worn knees.</p>
<p>No stem cell product is approved for arthritis. Many clinics sell products that are not well characterised,
and the evidence from trials is limited. Be skeptical of clinics that promise new cartilage.</p>
<p>Book an appointment with our team to talk about physiotherapy, weight loss, steroid injections or a knee
replacement.</p></main></body></html>"""


@pytest.mark.parametrize(("html", "offers"), [
    (FAQ_LONG_CRITIQUE_THEN_OWN, True),
    (HOSPITAL_ASKED_ABOUT, False),
    (SCEPTIC_PRACTICE_NAMES_A_PRODUCT, False),
    (REGULATOR_IN_FIRST_PERSON, False),
], ids=["seller FAQ, long critique of others then its own product", "hospital page: what patients ask about",
        "sceptical practice that does not sell PRP",
        "regulator speaking as we"])
def test_criticism_of_others_does_not_outweigh_the_pages_own_offer(html, offers):
    """Coding manual section 4: a seller that calls other products unapproved and unsafe, then sells its own, is
    a seller; a page that declines the product itself, or that offers nothing of its own, is not."""
    page = analyse_page(html)
    assert page.offers_treatment is offers, page.offer_cues
    capped = any(cue.startswith("criticism of others") for cue in page.offer_cues)
    assert capped is offers


def test_the_long_critique_labels_only_the_sellers_own_product():
    page = analyse_page(FAQ_LONG_CRITIQUE_THEN_OWN)
    assert "bone_marrow" in page.product_types
    assert not {"amniotic", "umbilical_cord", "exosome"} & set(page.product_types)


@pytest.mark.parametrize(("sentence", "mention", "declines"), [
    ("We use PRP only in clinical research studies and do not sell it.", "PRP", True),
    ("Our clinic does not offer PRP injections for hair loss.", "PRP", True),
    ("We never inject these products.", "stem cell", True),
    ("We don't use donor tissue; we use your own bone marrow.", "bone marrow", False),
    ("We offer PRP for tennis elbow.", "PRP", False),
])
def test_a_sentence_that_declines_its_product_is_not_an_offer(sentence, mention, declines):
    from clinicscan.nlp.own_voice import load_own_voice

    assert load_own_voice().declines(sentence, mention) is declines
