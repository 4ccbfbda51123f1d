"""The site's frame as seller evidence (issue 8, missed sellers; session 21, helper sellmiss).

Coding manual, section 4: "a clinic page that never says 'we' but sits on the clinic's site and
describes its therapy" is a seller. A careful coder reads the frame before the text: the site's name
in the title ("... | Helvetia Cell Clinics") named again in a heading, breadcrumb, menu or footer; the
clinic's menu listing its treatments; a sentence saying where the treatment can be had. Each
category is probed with pages of our own wording in both directions: the clinic page, and the
news site, regulator, hospital, directory, insurer or registry with the same menus, titles and
buttons, which stay non-sellers (nlp/site_name.py, data/lexicon/site_name.json,
nlp/components/offer.py).
"""

from __future__ import annotations

import pytest

from clinicscan.nlp.analyse import analyse_page
from clinicscan.nlp.site_name import load_site_name


def _site(title: str, brand: str, menu: list[str], body: str, footer: str) -> str:
    items = "".join(f"<li><a href='#'>{item}</a></li>" for item in menu)
    return (f"<html><head><title>{title}</title></head><body><header><div class='logo'>{brand}</div>"
            f"<nav><ul>{items}</ul></nav></header><main>{body}</main><footer>{footer}</footer></body></html>")


def _excerpt(title: str, body: str) -> str:
    """A page as the evaluation's excerpts come: title and text, no menus."""
    return f"<html><head><title>{title}</title></head><body><main>{body}</main></body></html>"


# ---------------------------------------------------------------- whose site: the title's organisation

@pytest.mark.parametrize(("title", "name"), [
    ("Knee Pain Relief | Alderbrook Regenerative Center", "alderbrook"),
    ("Shoulder FAQ - Northgate Orthobiologics", "northgate"),
    ("Exosome Facial | Dr. Priya Kamath Aesthetics", "priya"),
    ("Lupus | Solvita Cellular Medicine, Monterrey", "solvita"),
])
def test_a_title_naming_a_clinic_gives_its_name(title, name):
    assert name in load_site_name().clinic_name(title)


@pytest.mark.parametrize("title", [
    "Clinics under scrutiny | The Harbour Medical Times",          # a newspaper, even a medical one
    "Unlicensed cell clinics | Provincial Health Authority",       # a regulator
    "Orthopaedics | St. Agnes Hospital",                            # a hospital decides by its text
    "Stem cell clinics in Austin | ClinicFinder Reviews",           # a directory
    "Joint injections for dogs | Maple Ridge Veterinary Center",   # a vet
    "Medical policy: cell injections | Keystone Health Plan",       # an insurer
    "Donor FAQ | Alamo Donor & Cell Center",                        # a donor registry
    "Regenerative medicine research | Lakeside University Medical Center",
    "Stem Cell Therapy for Knee Pain",                              # no organisation named
])
def test_a_title_naming_anything_else_gives_no_clinic(title):
    assert load_site_name().clinic_name(title) == ()


def test_the_name_must_come_again_on_the_page():
    site = load_site_name()
    title = "Stroke Recovery | Kestrel Cell Clinics"
    assert site.names_itself(title, "Why choose cell therapy at Kestrel Cell Clinics") == "kestrel"
    assert site.names_itself(title, "Stroke is a leading cause of disability.") == ""
    assert site.names_itself(title, "Kestrelwood Park opened in May.") == ""  # a word, not a part of one


# ---------------------------------------------------------------- pages: a clinic's excerpt without "we"

CLINIC_EXCERPTS = {
    "condition-page-name-in-breadcrumb": _excerpt("Parkinson's Disease | Orvalle Cell Clinics", """
<p>Conditions | Orvalle Cell Clinics | Parkinson's disease</p>
<h1>Parkinson's disease</h1>
<p>Parkinson's disease slowly robs the brain of the cells that make dopamine, and tremor, stiffness and slow movement
follow. Medicines ease the symptoms for years, but none of them stops the loss. Researchers have looked at
mesenchymal cells as a way to calm the inflammation that goes with it, with mixed results so far.</p>
<p>Cell therapy for Parkinson's is meant to sit beside the medicines, not replace them.</p>"""),
    "blog-name-in-signature": _excerpt("Does Cartilage Grow Back? | Tamsin Ridge Regenerative Medicine", """
<h1>Does cartilage grow back?</h1>
<p>Cartilage has almost no blood supply, so it heals poorly once it is worn. By the time a knee aches on the stairs,
the smooth surface has usually thinned for years, and studies of injections for worn knees are small.</p>
<p>Bone marrow concentrate for the knee is drawn from the back of the hip and placed in the joint in the same visit,
and patients walk out on their own.</p>
<p>Written by the physician team of Tamsin Ridge Regenerative Medicine.</p>"""),
}

CLINIC_EXCERPT_NEIGHBOURS = {
    # the same excerpts under a newspaper's, a regulator's and a directory's name
    "newspaper-health-page": _excerpt("Parkinson's and cell therapy | The Orvalle Evening Post", """
<p>Health | The Orvalle Evening Post</p>
<h1>Parkinson's and cell therapy</h1>
<p>By Mara Quinn, health reporter</p>
<p>Parkinson's disease slowly robs the brain of the cells that make dopamine. Researchers have looked at mesenchymal
cells as a way to calm the inflammation that goes with it, with mixed results so far, a neurologist told the Post.</p>"""),
    "directory-entry": _excerpt("Tamsin Ridge Regenerative Medicine | ClinicFinder Reviews", """
<h1>Tamsin Ridge Regenerative Medicine</h1>
<p>Listed services: bone marrow concentrate injections, PRP. 3.9 stars from 14 reviews.</p>
<p>ClinicFinder Reviews lists providers; it is not a medical provider. Compare clinics near you.</p>"""),
    "health-authority-page": _excerpt("Cell therapy for Parkinson's | Orvalle Health Authority", """
<h1>Cell therapy for Parkinson's</h1>
<p>The Orvalle Health Authority has not approved any cell therapy for Parkinson's disease. Businesses that market
stem cell injections for it are breaking the law. Report them to the authority.</p>"""),
}


@pytest.mark.parametrize("name", sorted(CLINIC_EXCERPTS))
def test_a_clinic_page_that_never_says_we_is_a_seller_by_its_site(name):
    page = analyse_page(CLINIC_EXCERPTS[name])
    assert page.offers_treatment, page.offer_cues
    assert any(c.startswith("+site names itself:") for c in page.offer_cues)


@pytest.mark.parametrize("name", sorted(CLINIC_EXCERPT_NEIGHBOURS))
def test_a_newspaper_a_directory_or_a_regulator_with_the_same_words_sells_nothing(name):
    page = analyse_page(CLINIC_EXCERPT_NEIGHBOURS[name])
    assert not page.offers_treatment, page.offer_cues
    assert not any(c.startswith("+site names itself:") for c in page.offer_cues)


# ---------------------------------------------------------------- a clinic's menu names its products

def test_a_clinic_faq_whose_products_sit_in_its_menu_and_questions_is_a_seller():
    html = _site("Knee Injection Questions - Harlow Orthobiologics", "Harlow Orthobiologics",
                 ["Home", "PRP", "Bone Marrow Concentrate", "Patient Forms", "Appointments"], """
<h1>Knee injection questions</h1>
<h2>How soon can I jog after a PRP injection into the knee?</h2>
<p>Walking is fine the same day; jogging waits about four weeks.</p>
<h2>Will the injection be guided?</h2>
<p>Every injection is placed under ultrasound.</p>""", "Harlow Orthobiologics, 8 Mill Road, Dayton, OH")
    page = analyse_page(html)
    assert page.offers_treatment, page.offer_cues
    assert "menu names a product:prp" in page.offer_cues


@pytest.mark.parametrize("html", [
    _site("Clinics near Austin | CareCompare", "CareCompare", ["Stem Cell Therapy", "PRP Injections", "For Providers"],
          "<h1>Clinics near Austin</h1><p>Hill Country Joint Clinic. 4.5 stars, 22 reviews. Request a quote.</p>"
          "<p>Compare prices and book with one form.</p>", "CareCompare is not a medical provider."),
    _site("Visiting hours | St. Agnes Hospital", "St. Agnes Hospital", ["Bone Marrow Transplant", "Make an Appointment"],
          "<h1>Visiting hours</h1><p>Visitors are welcome from 10 am to 8 pm.</p><p>Parking is free for an hour.</p>",
          "St. Agnes Hospital"),
], ids=["directory", "hospital"])
def test_a_directory_or_hospital_menu_naming_products_sells_nothing_on_a_page_without_any(html):
    page = analyse_page(html)
    assert not page.offers_treatment, page.offer_cues
    assert not any(c.startswith("menu names a product") for c in page.offer_cues)


# ---------------------------------------------------------------- where the treatment can be had

@pytest.mark.parametrize("sentence", [
    "Umbilical cord cell infusions for lupus can be received at Clinica Solvita in Monterrey.",
    "The knee protocol is available at the Alderbrook office on Fifth Street.",
])
def test_where_the_treatment_can_be_had_is_an_offer_cue(sentence):
    page = analyse_page(_excerpt("Lupus", f"<p>{sentence}</p>"))
    assert any("<Name>" in c for c in page.offer_cues), page.offer_cues


@pytest.mark.parametrize("sentence", [
    "Such infusions can be received at clinics across the border for a few thousand dollars.",
    "The injections are available at many clinics, a regulator warned.",
])
def test_availability_at_clinics_in_general_is_no_offer_cue(sentence):
    page = analyse_page(_excerpt("Lupus", f"<p>{sentence}</p>"))
    assert not any("<Name>" in c for c in page.offer_cues), page.offer_cues
