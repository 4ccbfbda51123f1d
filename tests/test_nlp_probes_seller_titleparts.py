"""The site's name wherever the page puts it (issue 8, missed sellers; session 21, helper titleparts).

The site's frame (nlp/site_name.py) first read only the part of a title after its last separator. A coder
also sees whose site it is when the name comes first ("Larkspur Spine Clinic | Knee Pain"), is the whole
title, sits behind "»" or " – ", or is only in the logo line or the copyright line of the footer. The name
is the part shaped as a name (a few capitalised words, one of them a clinic word), not the topic
("Clinic fined over claims", "Stem Cell Clinics in Phoenix"); a newspaper, university, directory, law
firm or bank named anywhere in the title or the line still makes no clinic. Pages of our own wording.
"""

from __future__ import annotations

import pytest

from clinicscan.nlp.analyse import analyse_page
from clinicscan.nlp.site_name import load_site_name


def _page(title: str, body: str, header: str = "", footer: str = "") -> str:
    return (f"<html><head><title>{title}</title></head><body>{header}<main>{body}</main>{footer}</body></html>")


# ---------------------------------------------------------------- which part of the title is the name

@pytest.mark.parametrize(("title", "name"), [
    ("Larkspur Spine Clinic | Knee Pain", "larkspur"),
    ("Meridale Orthopaedics – Shoulder Injections", "meridale"),
    ("Cellwright Institute » Conditions » COPD", "cellwright"),
    ("Corvale Regenerative Medicine", "corvale"),
    ("Velmora Med Spa · Exosome Facial", "velmora"),
    ("Dr. Annika Solberg MD — Regenerative Joint Care", "annika"),
    ("Regenerative Injections | Ridgeline Chiropractic and Wellness", "ridgeline"),  # the topic part is no name
    ("Blog | Kettleby Orthopaedics", "kettleby"),  # a section's one word is no other organisation
])
def test_the_name_may_be_any_part_of_the_title(title, name):
    assert name in load_site_name().clinic_name(title)


@pytest.mark.parametrize("title", [
    "Harbor City Ledger | Clinic fined over stem cell claims",   # a newspaper first, a topic after
    "Stem cell clinics in Phoenix",                               # a topic with a clinic word
    "Best Stem Cell Clinics In Mexico",                           # a ranked list
    "Northfield University Hospital – Cell Therapy Research Unit",
    "SpineTalk Community » Treatments » Disc stem cells",
    "Westmarch University School of Medicine",
    "Cell Injections for Orthopaedic Conditions | MedRanker Guides",  # a title-case topic, "for"
])
def test_a_topic_or_another_organisation_is_no_clinic_name(title):
    assert load_site_name().clinic_name(title) == ()


# ---------------------------------------------------------------- the frame's lines

def test_a_copyright_line_names_the_site_on_its_own():
    site = load_site_name()
    frame = "© 2025 Halberd Sports Medicine Institute. All rights reserved."
    assert site.names_itself("PRP for Tendon Injuries", "Tendons heal slowly.\n" + frame, frame) == "halberd"


def test_a_logo_or_address_line_needs_the_name_again():
    site = load_site_name()
    frame = "Tallis Spine Center\nHome\nTallis Spine Center · 2100 Ridge Ave, Tulsa, OK"
    assert site.names_itself("Back pain", "Discs wear.\n" + frame, frame) == "tallis"
    once = "Tallis Spine Center · 2100 Ridge Ave, Tulsa, OK"
    assert site.names_itself("Back pain", "Discs wear.\n" + once, once) == ""


@pytest.mark.parametrize("frame", [
    "© 2025 Wellness Today Magazine",
    "© 2025 ClinicFinder Directory",
    "Dunmore & Pike LLP, Attorneys at Law · 400 Main St, Dallas, TX",
    "© 2025 Evergreen Cord Blood Bank",
    "© 2025 State Medical Products Authority · Department of Health",
    "© 2025 stem cell clinics near you",
])
def test_a_frame_naming_another_organisation_is_no_clinic(frame):
    assert load_site_name().names_itself("Stem cells", "Text.\n" + frame, frame) == ""


# ---------------------------------------------------------------- whole pages that never say "we"

CLINIC_PAGES = {
    "brand-first-title": _page("Quarrystone Spine Clinic | Knee Cartilage", """
<h1>Knee cartilage</h1>
<p>Cartilage has almost no blood supply, so it heals poorly once it is worn, and studies of injections for worn
knees are small.</p>
<p>Bone marrow concentrate for the knee is drawn from the back of the hip and placed in the joint in the same visit.</p>
<p>Written by the physicians of Quarrystone Spine Clinic.</p>"""),
    "copyright-footer-only": _page("Knee Cartilage", """
<h1>Knee cartilage</h1>
<p>Cartilage has almost no blood supply, so it heals poorly once it is worn, and studies of injections for worn
knees are small.</p>
<p>Bone marrow concentrate for the knee is drawn from the back of the hip and placed in the joint in the same visit.</p>""",
                                   footer="<footer>© 2026 Quarrystone Orthopaedics. All rights reserved.</footer>"),
}

NEIGHBOURS = {
    "newspaper-brand-first": _page("Quarrystone Evening Ledger | Knee cartilage", """
<h1>Knee cartilage</h1>
<p>Cartilage has almost no blood supply, so it heals poorly once it is worn, and studies of injections for worn
knees are small.</p>
<p>Some clinics sell bone marrow concentrate for the knee, but the evidence is thin, a surgeon told the Quarrystone
Ledger.</p>"""),
    "university-copyright": _page("Knee Cartilage", """
<h1>Knee cartilage</h1>
<p>Cartilage has almost no blood supply, so it heals poorly once it is worn, and studies of injections for worn
knees are small.</p>
<p>Researchers at the university are comparing bone marrow concentrate with saline in a trial of 120 patients.</p>""",
                                  footer="<footer>© 2026 Quarrystone University Medical Center</footer>"),
}


@pytest.mark.parametrize("name", sorted(CLINIC_PAGES))
def test_a_clinic_page_named_first_or_only_in_its_footer_is_a_seller(name):
    page = analyse_page(CLINIC_PAGES[name])
    assert page.offers_treatment, page.offer_cues
    assert any(c.startswith("+site names itself:") for c in page.offer_cues)


@pytest.mark.parametrize("name", sorted(NEIGHBOURS))
def test_the_same_page_under_a_newspaper_or_university_sells_nothing(name):
    page = analyse_page(NEIGHBOURS[name])
    assert not page.offers_treatment, page.offer_cues
    assert not any(c.startswith("+site names itself:") for c in page.offer_cues)
