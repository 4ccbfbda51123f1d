"""The spaCy components one by one, on spacy.blank("en"), with patterns from data/lexicon."""

from __future__ import annotations

import json

import pytest
import spacy

from clinicscan.nlp.pipeline import PIPE_NAMES, build_pipeline, shared_pipeline
from clinicscan.nlp.rules import ContextRule
from clinicscan.errors import LexiconError


def contexts(text: str) -> dict[str, tuple[str, str | None]]:
    """vocab_id -> (context, cue) for every mention in ``text`` (plain text, one block a line)."""
    doc = shared_pipeline()(text)
    return {c.vocab_id: (c.context, c.context_cue) for c in doc._.clinicscan_claims}


# -- clinicscan_blocks ----------------------------------------------------------------------

def test_blocks_every_line_starts_a_sentence():
    doc = shared_pipeline()("Conditions we treat\n• Knee pain\n• COPD and asthma\nCall today. We can help")
    assert [s.text.strip() for s in doc.sents] == ["Conditions we treat", "• Knee pain", "• COPD and asthma",
                                                   "Call today.", "We can help"]


# -- clinicscan_mentions --------------------------------------------------------------------

def test_mentions_map_finer_ids_to_vocabulary_ids():
    doc = shared_pipeline()("Bulging discs, torn meniscus and bad knees.")
    found = {(m.vocab_id, m.detail_id) for m in doc._.clinicscan_mentions}
    assert ("back_pain", "herniated_disc") in found
    assert ("tendon_ligament_injury", "meniscus_tear") in found
    assert ("joint_pain", "knee_pain") in found


def test_mentions_longest_match_wins_within_a_kind():
    doc = shared_pipeline()("We treat rheumatoid arthritis.")
    assert [m.vocab_id for m in doc._.clinicscan_mentions] == ["rheumatoid_arthritis"]


def test_mentions_ms_is_case_sensitive():
    assert "multiple_sclerosis" in contexts("We treat MS.")
    assert "multiple_sclerosis" not in contexts("Email ms. Jones.")


def test_mentions_ignore_one_word_business_names():
    found = contexts("Lone Star Pain & Spine Team\nPeak Motion Wellness, Charlotte")
    assert "chronic_pain" not in found and "anti_aging" not in found


def test_mentions_spelling_and_hyphenation_variants():
    for text in ("anti-aging", "antiaging", "anti ageing", "Anti-Ageing"):
        assert "anti_aging" in contexts(f"Our {text} programme.")
    assert "cancer" in contexts("We treat every tumour.")
    assert "blood_disorders" in contexts("Haematological malignancies such as leukaemia.")


# -- clinicscan_context ---------------------------------------------------------------------

@pytest.mark.parametrize(("text", "vocab_id", "context"), [
    ("We do not treat autism.", "autism", "negated"),
    ("We don't use fetal cells.", "embryonic_fetal", "negated"),
    ("No stem cells are present in PRP.", "unspecified_stem_cell", "negated"),
    ("Our cells are not FDA approved.", "fda_claim", "negated"),
    ("Stem cell therapy is not a cure.", "cure_claim", "negated"),
    ("This is not intended to diagnose, treat, cure or prevent any disease.", "cure_claim", "negated"),
    ("We cannot guarantee results.", "success_rate_claim", "negated"),
    ("Unlike amniotic injections, which contain no live stem cells, we use your marrow.", "amniotic", "negated"),
    ("Some clinics claim to cure autism.", "autism", "reported"),
    ("Studies suggest MSCs may one day help ALS.", "als", "reported"),
    ("Trials are under way for Parkinson's disease.", "parkinsons", "reported"),
    ("Researchers hope stem cells will help stroke patients.", "stroke", "reported"),
    ("Stem cells may help with knee pain.", "joint_pain", "hedged"),
    ("We treat knee pain.", "joint_pain", "asserted"),
    ("Don't let knee pain slow you down.", "joint_pain", "asserted"),
    ("Our lab is FDA-registered.", "fda_claim", "asserted"),
    ("Patients are not a candidate if they have cancer.", "cancer", "negated"),
    ("Do you treat COPD?", "lung_disease", "reported"),
    ("Suffering from COPD?", "lung_disease", "asserted"),
])
def test_context_decides_each_case(text, vocab_id, context):
    assert contexts(text)[vocab_id][0] == context


@pytest.mark.parametrize(("text", "vocab_id", "context"), [
    ('Patients paid thousands for "stem cell" injections abroad.', "unspecified_stem_cell", "reported"),
    ("Our exosomes are purified from the secretome of mesenchymal cells.", "msc", "negated"),
    ("Our exosomes are purified from the secretome of mesenchymal cells.", "exosome", "asserted"),
    ("Please wear a mask: our COVID-19 safety protocols protect you.", "covid19", "negated"),
    ("Risks include infection and pain at the injection site.", "chronic_pain", None),
    ("In a survey, 80 percent of patients reported less pain.", "success_rate_claim", "asserted"),
    ("Clinical studies of our protocol show 85% of patients improve.", "success_rate_claim", "asserted"),
])
def test_context_marketing_cases(text, vocab_id, context):
    found = contexts(text)
    if context is None:
        assert vocab_id not in found or found[vocab_id][0] == "negated"
    else:
        assert found[vocab_id][0] == context


def test_context_a_cause_named_after_a_condition_is_not_a_claim():
    found = contexts("We treat neuropathy from diabetes or chemotherapy.")
    assert found["neuropathy"][0] == "asserted" and found["diabetes"][0] == "negated"
    assert contexts("Relief for people suffering from diabetes.")["diabetes"][0] != "negated"


def test_mentions_ms_among_credentials_is_a_degree():
    assert "multiple_sclerosis" not in contexts("Jane Roe, MS, PA-C, leads our team.")


def test_context_list_items_inherit_from_a_heading_question():
    found = contexts("Who is not a candidate?\n• Cancer\n• Pregnancy\nConditions we treat\n• Lupus")
    assert found["cancer"][0] == "negated" and found["lupus"][0] == "asserted"


def test_context_keeps_the_cue_words():
    assert contexts("We do not treat autism.")["autism"] == ("negated", "do not treat")


def test_context_negation_stops_at_but():
    found = contexts("We do not treat cancer, but we treat lupus.")
    assert found["cancer"][0] == "negated" and found["lupus"][0] == "asserted"


def test_context_list_items_inherit_a_negated_lead_in():
    found = contexts("We do not treat the following:\n• Autism\n• Cancer\nConditions we treat:\n• Lupus")
    assert found["autism"][0] == "negated" and found["cancer"][0] == "negated"
    assert found["lupus"][0] == "asserted"


def test_context_rule_from_dict_rejects_unknown_keys():
    with pytest.raises(LexiconError, match="unknown keys"):
        ContextRule.from_dict({"category": "negated", "literal": "not", "scope": 3}, "rules.jsonl:1")
    with pytest.raises(LexiconError, match="category must be one of"):
        ContextRule.from_dict({"category": "denied", "literal": "not"}, "rules.jsonl:2")
    assert ContextRule.from_dict({"category": "negated", "literal": "not", "kinds": ["red_flag"]}).kinds == ("red_flag",)


# -- clinicscan_offer -----------------------------------------------------------------------

def offer_of(text: str):
    return shared_pipeline()(text)._.clinicscan_offer


def test_offer_clinic_page_offers_treatment():
    decision = offer_of("Our clinic offers umbilical cord stem cell injections for knee pain.\n"
                        "Prices start at $4,500. Book your free consultation today.")
    assert decision.offers_treatment and decision.page_kind == "clinic"
    assert "+book your free" in decision.cues


def test_offer_regulator_warning_does_not():
    decision = offer_of("FDA warns consumers about unapproved stem cell products.\n"
                        "The agency has issued warning letters to clinics that market umbilical cord products.\n"
                        "Report adverse events to MedWatch.")
    assert not decision.offers_treatment and decision.page_kind == "regulator"


def test_offer_trial_recruitment_does_not():
    decision = offer_of("A randomized, placebo-controlled trial of mesenchymal stem cells in ALS.\n"
                        "Eligibility criteria: adults aged 18-70. Principal investigator: Dr. A. Example.\n"
                        "Participants will be randomly assigned. ClinicalTrials.gov NCT00000000.")
    assert not decision.offers_treatment and decision.page_kind in {"trial", "research"}


def test_offer_transplant_programme_offers_treatment():
    decision = offer_of("Our blood and marrow transplant program treats leukemia and lymphoma.\n"
                        "We offer autologous and allogeneic transplants using peripheral blood stem cells.\n"
                        "Referring physicians can refer a patient online.")
    assert decision.offers_treatment and decision.page_kind == "transplant"


def test_offer_page_declining_products_does_not():
    decision = offer_of("Why I don't sell stem cell shots.\nMy practice does not offer stem cell injections.\n"
                        "Schedule a consultation to talk about knee replacement.")
    assert not decision.offers_treatment


# -- the pipeline as a whole ----------------------------------------------------------------

def test_pipeline_has_the_documented_components():
    assert tuple(build_pipeline().pipe_names) == PIPE_NAMES


def test_pipeline_serialisation_round_trip(tmp_path):
    nlp = build_pipeline()
    text = "We do not treat autism. Our clinic uses Wharton's jelly for knee pain. Book now at $3,000."
    before = nlp(text)
    nlp.to_disk(tmp_path / "pipeline")
    restored = spacy.load(tmp_path / "pipeline")
    after = restored(text)
    assert [c.__dict__ for c in after._.clinicscan_claims] == [c.__dict__ for c in before._.clinicscan_claims]
    assert after._.clinicscan_offer == before._.clinicscan_offer
    saved = (tmp_path / "pipeline" / "clinicscan_mentions" / "patterns.jsonl").read_text().splitlines()
    assert json.loads(saved[0]).keys() == {"kind", "detail_id", "vocab_id", "pattern"}


def test_pipeline_initialize_from_config():
    config = build_pipeline(initialize=False).config
    nlp = spacy.util.get_lang_class("en").from_config(config)
    nlp.initialize()
    doc = nlp("Our clinic treats COPD with exosomes.")
    assert {c.vocab_id for c in doc._.clinicscan_claims} == {"lung_disease", "exosome"}
