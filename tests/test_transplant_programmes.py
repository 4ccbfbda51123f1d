"""Hospital transplant programmes never reach the flagged list; sellers who call their fat,
cord-tissue or marrow-concentrate product a "transplant" still do; sellers whose only offers are
lawful (PRP, an amniotic membrane as a wound covering) are not flagged.

Probe pages in our own wording (tests/transplant_probe_pages.py), each a one-page site through
the same code as ``clinicscan extract SITES --out DIR`` (as ``evaluate --flagged`` runs it).
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from clinicscan.nlp.analyse import analyse_page
from clinicscan.nlp.transplant_programme import load_transplant_reader
from clinicscan.regulator_view import flagged_sites

from transplant_probe_pages import LAWFUL, PROGRAMMES, UNPROVEN


def _html(text: str) -> str:
    title, body = text.split("\n", 1)
    return (f"<html><head><title>{title}</title></head><body><h1>{title}</h1>"
            + "".join(f"<p>{line}</p>" for line in body.split("\n")) + "</body></html>")


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    """(flagged site names, {site: pages.csv row}) for every probe page as a one-page site."""
    root = tmp_path_factory.mktemp("transplant-probes")
    for group, pages in (("programme", PROGRAMMES), ("unproven", UNPROVEN), ("lawful", LAWFUL)):
        for name, text in pages.items():
            folder = root / "sites" / f"{group}-{name}"
            folder.mkdir(parents=True)
            (folder / "index.html").write_text(_html(text), encoding="utf-8")
    flagged = flagged_sites(root / "sites", root / "out")
    with open(root / "out" / "pages.csv", newline="", encoding="utf-8") as handle:
        pages = {row["site"]: row for row in csv.DictReader(handle)}
    return flagged, pages


@pytest.mark.parametrize("name", sorted(PROGRAMMES))
def test_hospital_transplant_programmes_are_not_flagged(report, name):
    flagged, pages = report
    site = f"programme-{name}"
    assert pages[site]["page_kind"] == "transplant"
    assert site not in flagged


@pytest.mark.parametrize("name", sorted(UNPROVEN))
def test_unproven_stem_cell_transplants_stay_flagged(report, name):
    flagged, pages = report
    site = f"unproven-{name}"
    assert pages[site]["page_kind"] != "transplant"
    assert site in flagged


@pytest.mark.parametrize("name", sorted(LAWFUL))
def test_sellers_of_lawful_uses_only_are_not_flagged(report, name):
    flagged, _pages = report
    assert f"lawful-{name}" not in flagged


def test_a_programmes_research_section_names_the_studys_products_not_its_offers():
    page = analyse_page(_html(PROGRAMMES["trials_section"]))
    assert page.page_kind == "transplant"
    assert "msc" not in page.product_types
    msc = [c for c in page.claims if c.vocab_id == "msc"]
    assert msc and all(c.context == "reported" for c in msc)


def test_a_research_sentence_on_a_clinic_page_stays_the_clinics_offer():
    page = analyse_page(_html(UNPROVEN["msc_transplant_abroad"] + "\nOur own study shows results in 9 of 10 children."))
    assert page.page_kind == "clinic" and "msc" in page.product_types


def test_the_reader_needs_voice_an_indication_and_no_unproven_claim():
    reader = load_transplant_reader()
    voice = ("Our hospital's transplant unit gives conditioning chemotherapy and watches for engraftment.")
    assert reader.is_programme(voice + " We treat leukaemia.")
    assert not reader.is_programme(voice)  # no established indication
    assert not reader.is_programme("Our clinic treats leukaemia with stem cells.")  # no transplant voice
    autism = analyse_page(_html("Transplant unit\n" + voice + " We treat leukaemia and autism with stem cells."))
    assert autism.page_kind != "transplant"


def test_the_transplant_vocabulary_is_data():
    path = Path(__file__).resolve().parents[1] / "data" / "lexicon" / "transplant_programme.json"
    assert path.exists()
    reader = load_transplant_reader()
    assert {"organisation", "conditioning", "engraftment", "matching"} <= set(reader.groups)
    for term in ("Hurler syndrome", "neuroblastoma", "severe combined immunodeficiency", "aplastic anaemia",
                 "myelodysplastic syndrome", "germ-cell tumours", "sickle cell disease"):
        assert reader.indications.search(term), term


def test_blood_forming_types_are_the_registrys_transplant_types():
    from clinicscan.reports.flags import transplant_types
    from clinicscan.reports.registry import load_registry
    assert load_transplant_reader().blood_forming_types == frozenset(transplant_types(load_registry()))


def test_a_short_hospital_page_is_a_programme_by_its_blood_only_claims():
    page = analyse_page(_html(PROGRAMMES["short_hospital"]))
    reading = load_transplant_reader().read(page.text, page.claims)
    assert reading.blood_only and page.page_kind == "transplant"
    knee = analyse_page(_html(PROGRAMMES["short_hospital"] + "\nWe also inject stem cells into arthritic knees."))
    assert knee.page_kind != "transplant"


@pytest.mark.parametrize("sentence, acted_on", [
    ("The growth factors in your platelets stimulate your own stem cells in the follicle.", True),
    ("Platelets also draw stem cells to the injured tendon.", True),
    ("Our supplement boosts your own stem cells.", True),
    ("Our stem cell therapy activates your own stem cells.", False),  # another "stem cells" is left
    ("We draw stem cells from your hip and inject them into the knee.", False),
    ("We harvest stem cells and activate your stem cells with light.", False),
    ("Our stem cell injections help knees.", False),
])
def test_stem_cells_named_only_as_what_another_treatment_acts_on(sentence, acted_on):
    from clinicscan.reports.flags import acted_on_only
    assert acted_on_only(sentence) is acted_on


def test_blood_only_claims_need_no_indication_words_of_the_readers_own():
    """The blood_disorders claim is the indication, in whatever words the condition lexicon read."""
    text = "Marrow transplants\nOur hospital performs bone marrow transplants for haematological diseases.\nCall our office."
    page = analyse_page(_html(text))
    reading = load_transplant_reader().read(page.text, page.claims)
    assert "blood_disorders" in page.conditions and reading.indication is None
    assert reading.blood_only and page.page_kind == "transplant"


@pytest.mark.parametrize("text", [*PROGRAMMES.values(), *UNPROVEN.values(), *LAWFUL.values()])
def test_the_short_circuit_reading_decides_as_the_full_reading(text):
    """is_programme (the offer component's cheap order: vetoes, blood only, an indication, then the
    voice groups until enough) gives the full reading's verdict on every probe page."""
    reader = load_transplant_reader()
    claims = analyse_page(_html(text)).claims
    page = text.replace("\n", " ")
    assert reader.is_programme(page, claims) == reader.read(page, claims).programme(reader.min_groups)


@pytest.mark.parametrize("change, programme", [
    (lambda t: t, True),
    (lambda t: t + "\nThe whole stay is priced at $48,000, flights not included.", False),  # a sale
    (lambda t: t + "\nRead our patients' testimonials.", False),
    (lambda t: t.replace("Westmoor Teaching Hospitals NHS Foundation Trust", "Westmoor Stem Cell Clinic"), False),
    (lambda t: t.replace("whose consultant has recommended", "who choose")
               .replace("Your care team will check with you at each step, and the nurse specialist can answer your questions.",
                        "We will check with you at each step."), False),  # no clinical way in
    (lambda t: t + "\nWe also treat autism and knee arthritis with stem cells.", False),  # the old veto still holds
])
def test_an_autoimmune_transplant_is_a_programme_only_as_a_public_care_pathway(change, programme):
    """docs/transplant-programmes.md: the evidence sources name no established transplant practice for
    autoimmune disease alone, so such a page is a programme only as a public hospital's care pathway
    (public or accredited hospital, a clinical way in, the transplant voice, no price, package, travel
    or testimonial)."""
    page = analyse_page(_html(change(PROGRAMMES["autoimmune_collection"])))
    assert page.offers_treatment
    assert (page.page_kind == "transplant") is programme
