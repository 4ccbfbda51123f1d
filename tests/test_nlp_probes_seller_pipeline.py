"""Two categories read from blind batch ten-b (session 24, helper ownvoice), probed in other wording written for
the project: a drug developer's pipeline page sells nothing (its "lead candidate" is a drug, not a patient who is
a candidate), and a clinic reviewing the patient's records before treatment is the clinic's intake, not a health
library's "reviewed by" credit. Also the ``replaces`` flag of an offer cue that makes both work.
"""

from __future__ import annotations

import pytest

from clinicscan.errors import LexiconError
from clinicscan.nlp.analyse import analyse_page
from clinicscan.nlp.rules import OfferCue


def _page(title: str, body: str) -> str:
    return f"<html><head><title>{title}</title></head><body><main>{body}</main></body></html>"


def test_a_drug_developers_pipeline_is_not_a_seller():
    page = analyse_page(_page("Programs | Halvora Cell Sciences", """
<h1>Our pipeline</h1><p>Halvora Cell Sciences is a clinical-stage company developing umbilical cord derived
mesenchymal stem cells for lung disease.</p>
<p>HV-12, our lead candidate, is completing a randomised phase 1/2 study in fibrotic lung disease. Our cells are
manufactured in our own facility.</p>
<p>Our product candidates are not approved for sale in any country.</p>"""))
    assert not page.offers_treatment, page.offer_cues
    assert "-lead candidate" in page.offer_cues and "+candidate" not in page.offer_cues


def test_a_clinic_asking_who_is_a_candidate_keeps_its_cue():
    page = analyse_page(_page("Who Is a Candidate? | Fernhill Joint Clinic", """
<h1>Who is a candidate?</h1><p>A good candidate for PRP has had tendon pain for more than three months. PRP is
prepared from a small blood draw and injected under ultrasound in one visit.</p>"""))
    assert page.offers_treatment and "+candidate" in page.offer_cues


def test_records_reviewed_by_the_clinics_doctor_are_intake():
    page = analyse_page(_page("Stem Cell Treatment for Spinal Cord Injury", """
<h1>Stem cell treatment for spinal cord injury</h1><p>A spinal cord injury interrupts the signals between the brain
and the body below the injury.</p>
<p>Treatment consists of three lumbar injections of umbilical cord stem cells over a week, with daily rehabilitation.
Before travel, every patient's scans are reviewed by the spine surgeon, who confirms the plan.</p>"""))
    assert "+records reviewed by" in page.offer_cues and "-reviewed by" not in page.offer_cues
    assert page.offers_treatment, page.offer_cues


def test_a_health_librarys_review_credit_stays_an_explainer_cue():
    page = analyse_page(_page("PRP injections | Health Library", """
<h1>PRP injections</h1><p>Platelet-rich plasma is made from a person's own blood and injected into tendons.</p>
<p>This article was reviewed by a board-certified sports physician.</p>"""))
    assert "-reviewed by" in page.offer_cues and "+records reviewed by" not in page.offer_cues


def test_the_replaces_flag_is_checked_and_kept():
    with pytest.raises(LexiconError, match="true or false"):
        OfferCue.from_dict({"signal": "report", "page_kind": "research", "literal": "lead candidate", "replaces": 1})
    cue = OfferCue.from_dict({"signal": "report", "page_kind": "research", "literal": "lead candidate",
                              "replaces": True})
    assert cue.replaces and OfferCue.from_dict(cue.to_dict()) == cue
