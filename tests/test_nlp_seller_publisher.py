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
