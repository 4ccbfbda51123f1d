"""A clinic citing the field's evidence for the therapy it presents speaks in its own voice (issue 8, session 24,
helper ownvoice), probed in wording written for the project.

"Studies have shown that ...", "A growing body of data suggests that ..." on a page that presents the same product
elsewhere is the page's education voice: its conditions and products count (hedged, cue "own evidence: ...").
The same sentence stays someone else's research when the page presents no such product, when the evidence is weak,
negative or future ("some data", "early studies", "not yet", "in mice"), when another cue (other clinics, a trial)
also applies, or in a question.
"""

from __future__ import annotations

import pytest

from clinicscan.errors import LexiconError
from clinicscan.nlp.analyse import analyse_page
from clinicscan.nlp.pipeline import shared_pipeline
from clinicscan.nlp.rules import ContextRule

PRESENTS_PRP = "Platelet-rich plasma is prepared from a small blood draw and injected under ultrasound in one visit. "


def claims(text: str):
    return shared_pipeline()(text)._.clinicscan_claims


def context_of(text: str, vocab_id: str) -> tuple[str, str | None]:
    rows = [c for c in claims(text) if c.vocab_id == vocab_id]
    assert rows, (vocab_id, [(c.vocab_id, c.context) for c in claims(text)])
    return rows[-1].context, rows[-1].context_cue


@pytest.mark.parametrize("sentence", [
    "A growing body of evidence suggests that PRP injections work well for tennis elbow.",
    "Studies have shown that PRP speeds healing of tennis elbow.",
    "Research suggests that platelet-rich plasma eases the pain of tennis elbow.",
    "Published data support the use of PRP for tennis elbow.",
])
def test_evidence_cited_for_the_product_the_page_presents_is_its_own(sentence):
    context, cue = context_of(PRESENTS_PRP + sentence, "tendon_ligament_injury")
    assert context == "hedged" and cue.startswith("own evidence: ")


def test_the_same_sentence_without_the_product_presented_elsewhere_stays_research():
    text = "Tennis elbow is an overload injury of the forearm tendons. " \
           "Studies have shown that PRP speeds healing of tennis elbow."
    assert context_of(text, "tendon_ligament_injury")[0] == "reported"
    assert context_of(text, "prp")[0] == "reported"


@pytest.mark.parametrize("sentence", [
    "Some data suggest that PRP may help tennis elbow.",
    "Early studies suggest that PRP helps tennis elbow.",
    "Studies have not shown that PRP helps tennis elbow.",
    "Studies have shown in mice that PRP heals tendons of the elbow, a model of tennis elbow.",
    "Research suggests that PRP might one day help tennis elbow.",
])
def test_weak_negative_or_future_evidence_stays_reported(sentence):
    assert context_of(PRESENTS_PRP + sentence, "tendon_ligament_injury")[0] != "hedged"


@pytest.mark.parametrize("sentence", [
    "Studies have shown that other clinics use PRP for tennis elbow.",
    "Do studies suggest that PRP helps tennis elbow?",
])
def test_another_cue_or_a_question_keeps_the_sentence_someone_elses(sentence):
    assert context_of(PRESENTS_PRP + sentence, "tendon_ligament_injury")[0] == "reported"


def test_a_product_named_only_in_the_navigation_does_not_make_the_evidence_the_pages():
    html = ("<html><head><title>Tennis elbow</title></head><body><main><p>Tennis elbow is an overload injury. "
            "Studies have shown that PRP speeds healing of tennis elbow.</p></main>"
            "<footer><nav><a href='#'>Platelet-rich plasma injections</a></nav></footer></body></html>")
    page = analyse_page(html)
    rows = [c for c in page.claims if c.sentence.startswith("Studies have")]
    assert rows and all(c.context == "reported" for c in rows)


def test_a_clinic_condition_page_citing_studies_for_its_therapy_sells_it():
    """A disease page that names its therapy in the title and then only through the evidence for it (the manual:
    a clinic page describing its therapy is a seller; the cell source it names is its product)."""
    html = """<html><head><title>Stem Cells for Scleroderma</title></head><body><main>
<h1>Stem Cells for Scleroderma</h1>
<p>Scleroderma hardens the skin and, in many patients, the lungs and the gut. Its cause is an immune system that
attacks the body's own connective tissue.</p>
<p>Over the past decade a growing number of studies have shown that infusions of adipose-derived stem cells
soften the skin and slows the scarring.</p>
<p>Each treatment plan is tailored to the patient's own tests and history.</p>
</main></body></html>"""
    page = analyse_page(html)
    assert page.offers_treatment, page.offer_cues
    assert "adipose" in page.product_types and "autoimmune_other" in page.conditions


@pytest.mark.parametrize(("row", "message"), [
    ({"category": "negated", "literal": "studies have", "evidence": True}, "reported cues only"),
    ({"category": "reported", "literal": "studies have", "evidence": "yes"}, "true or false"),
])
def test_the_evidence_flag_is_checked(row, message):
    with pytest.raises(LexiconError, match=message):
        ContextRule.from_dict(row)


def test_the_evidence_flag_round_trips():
    rule = ContextRule.from_dict({"category": "reported", "literal": "studies have", "evidence": True})
    assert rule.evidence and ContextRule.from_dict(rule.to_dict()) == rule


def test_report_words_of_the_pages_own_evidence_are_not_weighed():
    """"Published", "a growing number of" in a sentence citing evidence for the page's own product are its education
    voice, not a journal's or a newspaper's wording; in a sentence that stays research they still weigh."""
    own = analyse_page(f"<html><body><main><p>{PRESENTS_PRP}Published studies have shown that PRP speeds healing of "
                       "tennis elbow.</p></main></body></html>")
    assert "-published" not in own.offer_cues
    research = analyse_page("<html><body><main><p>Tennis elbow is an overload injury of the forearm tendons. Published "
                            "studies have shown that PRP speeds healing of tennis elbow.</p></main></body></html>")
    assert "-published" in research.offer_cues
