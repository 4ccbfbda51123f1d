"""The learned page-level seller decision: probes in our own wording, the shipped file, retraining.

The probe pages are written for the project. Each stands for a category of real page the
rules alone misread: a clinic page written as education, a disease page that reaches the
clinic's therapy only at its end, a veterinary practice with every booking cue, a
directory that ranks clinics but sells nothing.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from clinicscan.errors import LexiconError
from clinicscan.nlp.analyse import analyse_page, page_text, run_pipeline
from clinicscan.nlp.pipeline import build_pipeline
from clinicscan.nlp.seller_features import FeatureReader
from clinicscan.nlp.seller_model import SellerModel, combine, default_model_path, load_seller_model
from clinicscan.paths import data_dir

EDUCATION_CLINIC = """<html><head><title>What Is Bone Marrow Concentrate? | Brightwater Joint &amp; Spine Clinic</title></head>
<body><main><h1>What Is Bone Marrow Concentrate?</h1>
<p>Bone marrow concentrate is made from a small amount of marrow drawn from the back of the hip. The sample is
spun in a centrifuge so the cells and growth factors are gathered in a few millilitres.</p>
<h2>How is the procedure done?</h2>
<p>The marrow is drawn under local anaesthetic, processed in about twenty minutes and injected into the arthritic
knee or shoulder with ultrasound guidance. Most patients walk out the same afternoon.</p>
<h2>Who is a good candidate?</h2>
<p>People with mild to moderate knee osteoarthritis, partial rotator cuff tears or tennis elbow who have not
improved with physical therapy.</p>
<p>Dr. Lena Ostrova has performed the procedure since 2016.</p></main></body></html>"""

DISEASE_PAGE_THERAPY_LAST = """<html><head><title>Chronic Obstructive Pulmonary Disease | Meridian Cell Clinic</title></head>
<body><main><h1>Chronic Obstructive Pulmonary Disease</h1>
<p>COPD is a long-term lung condition that makes breathing harder year after year. Smoking, dust at work and
repeated infections all play a part. People notice breathlessness on stairs, a morning cough and tiredness.</p>
<p>Inhalers and pulmonary rehabilitation ease the symptoms, but they do not stop the lungs from getting worse.</p>
<h2>Cell therapy for COPD</h2>
<p>At Meridian Cell Clinic the therapy uses mesenchymal stem cells from donated umbilical cord tissue, given by
intravenous infusion over two days. Patients stay in the clinic's guest suites during the treatment.</p>
</main></body></html>"""

VETERINARY = """<html><head><title>Regenerative Therapy for Dogs | Hollybrook Animal Hospital</title></head>
<body><main><h1>Regenerative Therapy for Your Dog</h1>
<p>Our veterinarians offer stem cell therapy for dogs and cats with arthritis. We collect a small sample of fat
from your pet under sedation, process the cells in our in-house lab and inject them into the sore joints the
same day.</p>
<p>Many older dogs are more playful and climb stairs again within weeks. Horses with tendon injuries can also be
treated.</p>
<p>Call our animal hospital to book an appointment for your pet.</p></main></body></html>"""

DIRECTORY = """<html><head><title>Top 10 Stem Cell Clinics for Knee Pain in Arizona (2025) | ClinicFinder Guide</title></head>
<body><main><h1>Top 10 Stem Cell Clinics for Knee Pain in Arizona</h1>
<p>We compared listings, reviews and prices to rank the clinics in this directory. Each clinic below offers
injections with cells from bone marrow, fat or umbilical cord.</p>
<p>1. Saguaro Regenerative: rated 4.8 by 212 reviewers. Offers bone marrow concentrate.</p>
<p>2. Desert Joint Center: rated 4.6. Offers umbilical cord injections.</p>
<p>Compare prices and read patient reviews before you contact a clinic. This directory does not provide medical
care.</p></main></body></html>"""


@pytest.mark.parametrize(("html", "offers"), [
    (EDUCATION_CLINIC, True), (DISEASE_PAGE_THERAPY_LAST, True), (VETERINARY, False), (DIRECTORY, False),
], ids=["education-style clinic page", "disease page, therapy at the end", "veterinary practice", "directory"])
def test_who_speaks_decides_the_seller(html, offers):
    page = analyse_page(html)
    assert not page.error
    assert page.offers_treatment is offers, page.offer_cues
    assert any(cue.startswith("model p=") for cue in page.offer_cues)


def test_a_clinic_page_that_cites_studies_is_still_a_clinic_page():
    """In-text citations ("Okafor et al., 2019") and treatment "methods" are background on a clinic page."""
    page = analyse_page("""<html><head><title>Knee Osteoarthritis | Lakeshore Regenerative Clinic</title></head><body><main>
<h1>Knee Osteoarthritis</h1>
<p>Cartilage wears thin with age and old injuries (Okafor et al., 2019). Several treatment methods exist.</p>
<p>Studies of bone marrow concentrate report less pain after a year (Lindqvist et al., 2021).</p>
<p>Our physicians inject bone marrow concentrate into the knee under ultrasound guidance.</p>
</main></body></html>""")
    assert page.offers_treatment, page.offer_cues
    assert "bone_marrow" in page.product_types


def test_a_research_abstract_is_still_research():
    page = analyse_page("""<html><head><title>Marrow concentrate for knee arthritis: a cohort study</title></head><body><main>
<h1>Marrow concentrate for knee arthritis: a cohort study</h1>
<p>Abstract</p><p>Background: Few trials have followed patients for long.</p>
<p>Materials and methods: We injected bone marrow concentrate into 48 knees (Park et al., 2018 protocol).</p>
<p>Results: Pain scores fell by 40% at twelve months. Conclusion: Larger randomized trials are needed.</p>
</main></body></html>""")
    assert not page.offers_treatment, page.offer_cues


def test_the_model_overrules_cue_counts_only_when_it_is_confident():
    assert combine(False, 0.9, 0.3, 0.7) is True
    assert combine(True, 0.1, 0.3, 0.7) is False
    assert combine(True, 0.5, 0.3, 0.7) is True and combine(False, 0.5, 0.3, 0.7) is False
    # a veto only: the model never makes a seller of a page the rules call a non-seller
    assert combine(False, 0.99, 0.2, None) is False and combine(True, 0.1, 0.2, None) is False


def test_veterinary_page_is_read_as_animal_patients_by_the_rules_alone():
    """Until session 25 only the model turned the vet page around (the rules alone called it a seller on its booking
    cues and its "we collect ... inject"); an equine hospital at P 0.31 then stayed a seller. The rules now read
    whose patients they are ("your pet", "dogs and cats", "our veterinarians": own_voice.json animal_patients)."""
    nlp = build_pipeline(initialize=False)
    nlp.get_pipe("clinicscan_offer").model_path = "none"
    nlp.initialize()
    doc = run_pipeline(nlp, page_text(VETERINARY))
    assert doc._.clinicscan_offer.offers_treatment is False
    assert doc._.clinicscan_offer.probability is None
    assert any(cue.startswith("-animal patients x") for cue in doc._.clinicscan_offer.cues)


def test_shipped_model_file_describes_itself():
    row = json.loads(default_model_path().read_text(encoding="utf-8"))
    assert row["features"] == FeatureReader().names
    assert row["command"] == "python -m clinicscan.nlp.train_seller"
    assert len(row["training_data"]["sha256"]) == 64 and row["training_data"]["pages"] >= 300
    assert row["version"] and row["trained"]
    shipped, rules = row["cross_validation"]["rules+veto"]["realworld"], row["cross_validation"]["rules"]["realworld"]
    # the veto never costs a page in stratified folds; since session 25 the rules read the one tune page it used to
    # turn there (a veterinary page, now "animal patients"), so its gain is measured where sources are held out
    assert shipped["accuracy"] >= rules["accuracy"]
    assert shipped["false_sellers_per_pass"] <= rules["false_sellers_per_pass"]
    grouped = row["cross_validation"]["grouped_by_source"]["variants"]
    held, held_rules = grouped["rules+veto"]["realworld"], grouped["rules"]["realworld"]
    assert held["accuracy"] > held_rules["accuracy"] and held["false_sellers"] < held_rules["false_sellers"]
    model = load_seller_model()
    assert 0.0 < model.low < 0.5 and (model.high is None or model.high > 0.5)


def test_running_the_model_needs_no_scikit_learn():
    code = ("import sys; from clinicscan.nlp.analyse import analyse_page; "
            "from tests.test_nlp_seller_model import EDUCATION_CLINIC as p; "
            "a = analyse_page(p); assert a.offers_treatment, a.offer_cues; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'sklearn'))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize(("change", "message"), [
    (lambda row: row.update(format="something else"), "format"),
    (lambda row: row["coef"].pop(), "coef has"),
    (lambda row: row.update(override={"non_seller_at_most": 0.9, "seller_at_least": 0.1}), "override"),
    (lambda row: row.update(override={"non_seller_at_most": 1.5, "seller_at_least": None}), "override"),
])
def test_a_damaged_model_file_is_refused_with_the_retrain_command(tmp_path, change, message):
    row = json.loads(default_model_path().read_text(encoding="utf-8"))
    change(row)
    path = tmp_path / "seller_model.json"
    path.write_text(json.dumps(row), encoding="utf-8")
    with pytest.raises(LexiconError, match=message):
        load_seller_model(path)


def test_a_lexicon_folder_without_a_model_decides_by_rules(tmp_path):
    folder = data_dir() / "lexicon"
    for path in folder.iterdir():
        if path.name != "seller_model.json":
            (tmp_path / path.name).write_bytes(path.read_bytes())
    doc = run_pipeline(build_pipeline(str(tmp_path)), page_text(VETERINARY))
    assert doc._.clinicscan_offer.probability is None


def test_retraining_reproduces_the_shipped_model():
    import sklearn  # noqa: F401  (scripts/setup.sh installs the `train` extra)

    from clinicscan.nlp import train_seller

    realworld = train_seller.default_realworld()
    assert (realworld / "gold.jsonl").exists(), f"{realworld} is missing: CI checks out ../shared beside the repo"
    pages, names = train_seller.training_pages(realworld, data_dir() / "devset")
    shipped = load_seller_model()
    retrained = SellerModel.from_dict(train_seller.model_file(pages, names, train_seller.DEFAULT_C, None, "test"))
    assert retrained.features == shipped.features
    # Same decisions as the shipped file (exactly, until someone changes the lexicon or the
    # context rules without retraining: then a few pages may move, never many).
    same = sum(retrained.offers(p.rule_offers, p.features)[0] == shipped.offers(p.rule_offers, p.features)[0]
               for p in pages)
    assert same / len(pages) >= 0.97, "retrain: python -m clinicscan.nlp.train_seller --compare"
    # and the shipped decision is right on nearly every page it was trained on
    right = sum(shipped.offers(p.rule_offers, p.features)[0] == p.offers for p in pages)
    assert right / len(pages) >= 0.85


def _rules_only():
    nlp = build_pipeline(initialize=False)
    nlp.get_pipe("clinicscan_offer").model_path = "none"
    nlp.initialize()
    return nlp


def test_one_phrase_is_one_piece_of_evidence():
    """'et al.' is not also 'et al'; 'book an appointment' is not also 'appointment'."""
    doc = run_pipeline(_rules_only(), page_text(
        "Harbor Joint Clinic\nWe inject PRP into arthritic knees. Mendes et al. reported less pain.\nBook an appointment.",
        is_html=False))
    cues = doc._.clinicscan_offer.cues
    assert "-et al." in cues and "-et al" not in cues
    assert "+book an appointment" in cues and "+appointment" not in cues


def test_marketing_that_says_breaking_is_not_news():
    page = analyse_page("<html><body><main><h1>Scar Tissue Treatment</h1><p>Our physicians use PRP and bone marrow "
                        "concentrate, breaking down old scar tissue so the tendon can heal.</p></main></body></html>")
    assert page.offers_treatment, page.offer_cues
    assert not any("breaking" in cue for cue in page.offer_cues)
