"""Claim probes: which conditions and product types a selling page claims as its own offer.

Short selling pages written for the project (fictional clinics, wording of our own) in the
shapes real pages take: a disease page whose background names causes and symptoms, a page
listing where stem cells can be found before saying which ones the clinic uses, a clinic
that runs down other clinics' sources, "stem cells and PRP" with no source named. Plus the
shipped claim model's contract (loads, both kinds, says how to retrain) and the linear-model
helper it shares.
"""

from __future__ import annotations

import json

import pytest

from clinicscan.errors import LexiconError
from clinicscan.nlp.analyse import analyse_page, page_ids, unspecified_rule
from clinicscan.nlp.claim_model import candidate_features, load_claim_models
from clinicscan.nlp.linear_model import LinearModel, fit_logistic, load_linear_models


def _html(title: str, *paragraphs: str) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"<html><head><title>{title}</title></head><body><h1>{title}</h1>{body}</body></html>"


CROHNS_PAGE = _html(
    "Stem Cell Therapy for Crohn's Disease | Harbourview Cell Clinic",
    "Crohn's disease is a lifelong inflammation of the gut that affects about one person in three hundred.",
    "Its symptoms include belly cramps, weight loss, tiredness and sometimes painful joints and skin sores.",
    "Researchers think smoking and a family history raise the risk of developing the disease.",
    "At Harbourview we treat Crohn's disease with infusions of umbilical cord mesenchymal stem cells.",
    "Our doctors plan each course of treatment around your own medical history.",
    "Book a consultation with our team to find out whether you are a candidate.",
)


def test_disease_background_symptoms_are_not_claims():
    page = analyse_page(CROHNS_PAGE)
    assert page.offers_treatment
    assert "inflammatory_bowel_disease" in page.conditions
    assert "joint_pain" not in page.conditions  # a symptom of the treated disease, not an offer


SOURCES_PAGE = _html(
    "Knee Stem Cell Injections | Riverbend Orthopaedic Care",
    "Stem cells of this kind are found in many places in the body, and researchers have taken them from "
    "umbilical cord tissue, bone marrow, placenta and fat.",
    "At Riverbend we use only your own fat: we take a small sample from your belly, concentrate the "
    "adipose-derived stem cells and inject them into the painful knee the same morning.",
    "Most of our patients have knee osteoarthritis and want to stay active.",
    "Call our office to book your knee assessment.",
)


def test_a_list_of_places_cells_come_from_is_not_the_product():
    page = analyse_page(SOURCES_PAGE)
    assert page.offers_treatment
    assert "adipose" in page.product_types
    assert "osteoarthritis" in page.conditions
    assert "placental" not in page.product_types


def test_stem_cells_and_prp_without_a_source_keep_both():
    assert unspecified_rule({"unspecified_stem_cell", "prp"}) == {"unspecified_stem_cell", "prp"}
    assert unspecified_rule({"unspecified_stem_cell", "exosome"}) == {"unspecified_stem_cell", "exosome"}
    assert unspecified_rule({"unspecified_stem_cell", "bone_marrow", "prp"}) == {"bone_marrow", "prp"}
    page = analyse_page(_html(
        "Regenerative Injections | Lakeside Sports Medicine",
        "We offer stem cell injections and platelet-rich plasma (PRP) for athletes with a rotator cuff tear.",
        "Call us to book your first visit.",
    ))
    assert page.offers_treatment
    assert {"unspecified_stem_cell", "prp"} <= set(page.product_types)


def test_page_ids_rule_and_model_agree_on_a_plain_offer():
    page = analyse_page(_html(
        "Back Pain Clinic",
        "We treat chronic low back pain with injections of your own bone marrow concentrate.",
        "Book a consultation with our spine team today.",
    ))
    assert page.offers_treatment
    ruled = page_ids(page.claims, True, use_model=False)
    modelled = page_ids(page.claims, True, title_length=len(page.title), text_length=len(page.text))
    assert ruled["conditions"] == modelled["conditions"] == ["back_pain"]
    assert "bone_marrow" in modelled["product_types"]
    assert page_ids(page.claims, False) == {"conditions": [], "product_types": [], "red_flags": []}


def test_only_counted_mentions_make_candidates():
    page = analyse_page(_html(
        "Shoulder Care",
        "We do not use amniotic or embryonic cells.",
        "We treat shoulder pain with PRP injections in our office.",
    ))
    keys = candidate_features(page.claims, len(page.title), len(page.text))
    assert ("product_type", "prp") in keys
    assert ("product_type", "amniotic") not in keys and ("product_type", "embryonic_fetal") not in keys


def test_shipped_claim_model_loads_with_both_kinds_and_a_retrain_command():
    models = load_claim_models()
    assert set(models) == {"condition", "product_type"}
    for model in models.values():
        assert "train_claim_model" in model.retrain
        assert 0 < model.threshold < 1
        assert model.weights


def test_linear_model_scores_named_features_and_ignores_unknown_ones():
    model = LinearModel(name="x", bias=-1.0, weights={"a": 2.0, "b": -3.0}, threshold=0.5)
    assert model.score({"a": 1.0}) == pytest.approx(1.0)
    assert model.probability({"a": 1.0, "never_seen": 5.0}) == pytest.approx(1 / (1 + 2.718281828 ** -1.0), rel=1e-6)
    assert model.decide({"a": 1.0}) and not model.decide({"b": 1.0})
    again = LinearModel.from_dict(json.loads(json.dumps(model.to_dict())))
    assert again.weights == model.weights and again.bias == model.bias


def test_linear_model_file_errors_name_the_problem(tmp_path):
    with pytest.raises(LexiconError, match="unknown keys"):
        LinearModel.from_dict({"name": "x", "bias": 0, "weights": {}, "wieghts": {}})
    with pytest.raises(LexiconError, match="missing keys"):
        LinearModel.from_dict({"name": "x"})
    broken = tmp_path / "model.json"
    broken.write_text("{not json", encoding="utf-8")
    with pytest.raises(LexiconError, match="retrain"):
        load_linear_models(broken)


def test_fit_logistic_learns_the_sign_of_a_feature():
    rows = [{"good": 1.0}] * 20 + [{"bad": 1.0}] * 20 + [{"good": 1.0, "bad": 1.0}] * 4
    labels = [1] * 20 + [0] * 20 + [1, 0, 1, 0]
    bias, weights = fit_logistic(rows, labels, l2=0.1)
    assert weights["good"] > 1.0 and weights["bad"] < -1.0
    model = LinearModel("t", bias, weights)
    assert model.probability({"good": 1.0}) > 0.9 > 0.1 > model.probability({"bad": 1.0})


@pytest.mark.parametrize("text, expected", [
    ("We treat cervical spine problems with injections.", "neck_pain"),
    ("We treat sports and joint injuries with PRP.", "sports_injury"),
    ("Our injections help injuries to tendons and ligaments heal.", "tendon_ligament_injury"),
    ("We treat osteoarthritic joint pain in the knee.", "osteoarthritis"),
    ("We treat patients whose hair is thinning at the crown.", "hair_loss"),
    ("We treat a worn disc in the neck with your own cells.", "neck_pain"),
])
def test_condition_wordings_real_pages_use(text, expected):
    page = analyse_page(_html("Regenerative Care", text, "Book a consultation with our doctors today."))
    found = {c.vocab_id for c in page.claims if c.kind == "condition"}
    assert expected in found


def test_orthopedic_conditions_alone_name_no_condition():
    page = analyse_page(_html("Regenerative Care", "We treat many orthopedic conditions and painful conditions."))
    assert not {c.vocab_id for c in page.claims if c.kind == "condition"}


@pytest.mark.parametrize("sentence", [
    "Adult stem cells can be collected from bone marrow, fat or the umbilical cord.",
    "These cells are found in bone marrow and in fat.",
    "Known sources of adult stem cells include bone marrow and fat.",
    "Some facilities draw their cells from bone marrow.",
])
def test_where_cells_can_be_found_is_background(sentence):
    page = analyse_page(_html("Regenerative Care", sentence))
    contexts = {c.context for c in page.claims if c.kind == "product_type" and c.vocab_id == "bone_marrow"}
    assert contexts == {"reported"}


def test_own_source_after_background_stays_the_page_own():
    page = analyse_page(_html(
        "Knee Injections | Hillcrest Ortho",
        "Some facilities draw their cells from bone marrow.",
        "We use your own fat, collected from the belly the same morning, to treat knee osteoarthritis.",
        "Call us to book your first visit.",
    ))
    assert page.offers_treatment
    assert "adipose" in page.product_types and "bone_marrow" not in page.product_types


def test_the_business_name_in_the_title_is_not_a_claim():
    from clinicscan.nlp.claim_model import site_name

    assert site_name("Knee Injections | Harbour Health & Wellness") == "Harbour Health & Wellness"
    assert site_name("Stem Cell Therapy for Knee Pain") == ""
    page = analyse_page(_html(
        "Knee Injections | Harbour Health & Wellness",
        "At Harbour Health & Wellness we treat knee osteoarthritis with your own bone marrow cells.",
        "Book a consultation with our team.",
    ))
    assert page.offers_treatment
    assert "osteoarthritis" in page.conditions
    assert "anti_aging" not in page.conditions


@pytest.mark.parametrize("text, expected", [
    ("Our neural cells are taken from a fetus donated after a miscarriage.", "embryonic_fetal"),
    ("Each course is four UCBSC infusions given by IV.", "cord_blood"),
])
def test_product_wordings_real_pages_use(text, expected):
    page = analyse_page(_html("Cell Therapy Programme", text, "Contact our coordinators to book."))
    assert expected in {c.vocab_id for c in page.claims if c.kind == "product_type"}


def test_claim_model_cross_validation_folds_are_the_file_id_prefixes():
    from clinicscan.nlp.train_claim_model import Page

    def page(file: str) -> Page:
        return Page("realworld tune", file, True, True, {}, {}, {})

    assert page("o012.html").group == page("o035.html").group == "o"
    assert page("a001.html").group != page("b001.html").group


# --- issue 8 item 3: real wording of conditions and products, and the contexts that are not the offer ---

@pytest.mark.parametrize("text, expected", [
    ("Does your knee hurt when you climb stairs? We can help.", "joint_pain"),
    ("We inject the joint that hurts under ultrasound guidance.", "joint_pain"),
    ("Our injections are for torn or worn cartilage in the knee.", "osteoarthritis"),
    ("We see many patients with osteoartitis of the hip.", "osteoarthritis"),
    ("We treat elbow tendonitis with stem cell or platelet treatments.", "prp"),
    ("Our joint rejuvenation therapy puts the cells straight into the joint.", "joint_pain"),
])
def test_more_wordings_real_pages_use(text, expected):
    page = analyse_page(_html("Regenerative Care", text, "Book a consultation with our doctors today."))
    assert expected in {c.vocab_id for c in page.claims}


def test_a_function_is_not_a_disease():
    page = analyse_page(_html("Autism Programme", "Our protocol aims to support speech and cognitive function.",
                              "Patients with declining cognitive function may also qualify."))
    found = [c.matched_text.lower() for c in page.claims if c.vocab_id == "alzheimers_dementia"]
    assert found == ["declining cognitive function"]


def _contexts(text: str, vocab_id: str) -> set[str]:
    page = analyse_page(_html("Regenerative Care", text))
    return {c.context for c in page.claims if c.vocab_id == vocab_id}


@pytest.mark.parametrize("text, vocab_id", [
    ("In contrast to PRP, our cell injections need no blood draw.", "prp"),
    ("Exosomes are not the same as platelet-rich plasma.", "prp"),
    ("Cord cells are different from cells taken from bone marrow.", "bone_marrow"),
    ("That is why we choose exosomes over PRP for the face.", "prp"),
    ("It builds on other treatments such as platelet-rich plasma.", "prp"),
])
def test_a_product_named_to_compare_is_not_the_offer(text, vocab_id):
    assert _contexts(text, vocab_id) <= {"negated", "reported"}


@pytest.mark.parametrize("text, vocab_id", [
    ("Experts say stem cells come in three broad kinds: embryonic, cord and adult.", "embryonic_fetal"),
    ("Cells for therapy are available from four different sources, among them the umbilical cord.", "umbilical_cord"),
    ("Stromal cells are usually harvested from bone marrow or fat.", "bone_marrow"),
    ("Some cells come from interesting sources, such as cord blood.", "cord_blood"),
])
def test_a_taxonomy_of_cell_sources_is_background(text, vocab_id):
    assert _contexts(text, vocab_id) == {"reported"}


def test_the_own_source_without_a_generalising_adverb_stays_asserted():
    assert _contexts("Your cells are harvested from bone marrow at the back of the hip.", "bone_marrow") == {"asserted"}


def test_list_items_under_a_taxonomy_line_inherit_it():
    page = analyse_page("<html><head><title>Cell Types</title></head><body><p>Stem cells fall into three groups:</p>"
                        "<ul><li>Embryonic stem cells, taken from early embryos</li><li>Adult cells from fat</li></ul>"
                        "</body></html>")
    contexts = {c.context for c in page.claims if c.vocab_id in ("embryonic_fetal", "adipose")}
    assert contexts == {"reported"}


@pytest.mark.parametrize("text, vocab_id", [
    ("Autism often comes along with epilepsy, poor sleep and blindness.", "vision_loss"),
    ("We have seen no case of tumor growth after treatment.", "cancer"),
    ("No studies support using these injections for joint injuries.", "sports_injury"),
])
def test_companions_safety_and_denials_are_not_conditions_treated(text, vocab_id):
    assert _contexts(text, vocab_id) <= {"negated", "reported"}
    assert _contexts(text, vocab_id)


def test_heel_pain_is_no_joint_pain():
    """The heel is not a joint: the vocabulary's joint_pain is knee/hip/shoulder/joint pain; plantar
    fasciitis is the tendon id, and heel pain alone is a condition with no id (left out)."""
    page = analyse_page(_html("Foot Clinic", "We treat stubborn heel pain with amniotic injections.",
                              "Book a consultation with our podiatrists today."))
    assert "joint_pain" not in {c.vocab_id for c in page.claims}


@pytest.mark.parametrize("text, vocab_id", [
    ("These vesicles have been purified from donated umbilical cord tissue.", "umbilical_cord"),
    ("Made by mesenchymal stem cells, exosomes carry signals between cells.", "msc"),
    ("Exosomes, in most cases derived from bone marrow cultures, are given by drip.", "bone_marrow"),
    ("These progenitors can turn into bone, cartilage and fat tissue.", "adipose"),
    ("Fat gives many more cells per gram than bone marrow does.", "bone_marrow"),
    ("Bone marrow harvesting, by comparison, is slow and sore.", "bone_marrow"),
    ("Because a different treatment, PRP, has mixed evidence, we prefer amnion.", "prp"),
])
def test_a_product_named_as_origin_tissue_or_yardstick_is_not_the_offer(text, vocab_id):
    assert _contexts(text, vocab_id) <= {"negated", "reported"}
    assert _contexts(text, vocab_id)


def test_the_product_after_a_comparison_keeps_its_own_voice():
    """'In contrast to PRP, amnion ...': PRP is the yardstick, amnion the offer."""
    assert _contexts("In contrast to PRP, amnion needs no blood draw.", "amniotic") == {"asserted"}
    assert _contexts("In contrast to PRP, amnion needs no blood draw.", "prp") == {"negated"}


def test_a_rule_can_spare_named_ids_and_refuses_a_bad_list():
    from clinicscan.nlp.rules import ContextRule

    rule = ContextRule.from_dict({"category": "negated", "literal": "made by", "not_ids": ["exosome"]})
    assert rule.not_ids == ("exosome",) and rule.to_dict()["not_ids"] == ["exosome"]
    with pytest.raises(LexiconError, match="not_ids"):
        ContextRule.from_dict({"category": "negated", "literal": "made by", "not_ids": "exosome"})
    # the origin of exosomes named as exosome material is the same product, still the offer
    assert _contexts("Our exosomes are isolated from the secretome of umbilical cord cells.", "exosome") == {"asserted"}
    assert _contexts("Our exosomes are isolated from the secretome of umbilical cord cells.", "umbilical_cord") == {"negated"}
