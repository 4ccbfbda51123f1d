"""A flat FAQ answer to a safety question is a safety claim (nlp/answers.py): "Is it safe? Yes."

The coding manual (section 3) names "Is it safe? Yes." as absolute safety wording; the question
and its one-word answer are two sentences, which no token pattern crosses. Pages here are
written for this test.
"""

import json
import shutil

import pytest
import spacy

from clinicscan.errors import LexiconError
from clinicscan.nlp.analyse import analyse_page
from clinicscan.nlp.answers import load_short_answers
from clinicscan.nlp.pipeline import build_pipeline
from clinicscan.paths import lexicon_dir

SELLER = "<h1>Harbor Point Joint Clinic</h1><p>We offer PRP and bone marrow stem cell injections for knee pain.</p>"


def flags(faq: str, opening: str = SELLER) -> list[str]:
    return analyse_page(opening + faq).red_flags


@pytest.mark.parametrize("faq", [
    "<h3>Is the injection safe?</h3><p>Yes.</p>",
    "<dt>Is bone marrow concentrate safe for older patients?</dt><dd>Absolutely!</dd>",
    "<p>Is stem cell therapy safe? Yes, absolutely.</p>",
    "<h3>Are there any side effects?</h3><p>None.</p>",
    "<h3>Is there any risk of rejection?</h3><p>No, not at all.</p>",
    # the answer goes on with its reason after a break, or puts fillers first
    "<h3>Are there any risks?</h3><p>None at all, because the cells are screened and your own.</p>",
    "<h3>Are there any side effects?</h3><p>No, there are none.</p>",
    "<h3>Do the injections have side effects?</h3><p>There aren't any.</p>",
    "<h3>Can my body reject the cells?</h3><p>No; they come from your own hip.</p>",
    "<h3>Is the procedure safe?</h3><p>Yes, it uses cells from your own body.</p>",
])
def test_a_flat_answer_to_a_safety_question_is_a_safety_claim(faq):
    assert "safety_claim" in flags(faq)


@pytest.mark.parametrize("faq", [
    "<h3>Is the injection safe?</h3><p>Ask your own doctor before any procedure.</p>",
    "<h3>Is the injection safe?</h3><p>Yes, when it is done by a trained physician under imaging.</p>",
    "<h3>Are there risks?</h3><p>Yes.</p>",
    "<h3>Is it safe?</h3><p>No.</p>",
    "<h3>Is it covered by insurance?</h3><p>Yes.</p>",
    "<h3>Are there side effects?</h3><p>Some soreness for a day or two.</p>",
    # a condition or an exception after the break keeps it from being absolute
    "<h3>Are there any side effects?</h3><p>None, apart from some soreness where the needle went in.</p>",
    "<h3>Is the procedure safe?</h3><p>Yes, in most cases and for most patients.</p>",
    "<h3>Is the procedure safe?</h3><p>Yes, but every injection carries a small risk.</p>",
    "<h3>Are there any risks?</h3><p>Not many, although infection is possible.</p>",
    "<h3>Can stem cells cure cancer?</h3><p>No.</p>",
])
def test_other_answers_are_not_safety_claims(faq):
    assert "safety_claim" not in flags(faq)


def test_a_regulators_faq_answer_is_not_a_flag():
    opening = ("<h1>Health Products Agency: questions about stem cell clinics</h1><p>The agency regulates cell "
               "products and warns consumers about unapproved treatments.</p>")
    assert flags("<h3>Are unapproved stem cell products safe?</h3><p>Not necessarily.</p>"
                 "<h3>Is there a risk of infection?</h3><p>Yes.</p>", opening) == []


def test_the_rules_travel_with_a_saved_pipeline(tmp_path):
    nlp = build_pipeline()
    nlp.to_disk(tmp_path / "pipeline")
    saved = tmp_path / "pipeline" / "clinicscan_mentions" / "short_answers.json"
    assert json.loads(saved.read_text(encoding="utf-8"))["topics"]
    loaded = spacy.load(tmp_path / "pipeline")
    doc = loaded("Is the procedure safe?\nYes.")
    yes = [t.i for t in doc if t.text == "Yes"]
    assert [(m.vocab_id, m.start) for m in doc._.clinicscan_mentions if m.kind == "red_flag"] == [("safety_claim", *yes)]


def test_a_broken_rules_file_is_refused_naming_it(tmp_path):
    shutil.copytree(lexicon_dir(), tmp_path, dirs_exist_ok=True)
    (tmp_path / "short_answers.json").write_text(json.dumps({"topics": [{"flag": "safety_claim"}]}), encoding="utf-8")
    with pytest.raises(LexiconError, match="short_answers.json"):
        load_short_answers(tmp_path)
    (tmp_path / "short_answers.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(LexiconError, match="short_answers.json"):
        load_short_answers(tmp_path)


def test_a_lexicon_without_the_file_reads_no_answers(tmp_path):
    assert load_short_answers(tmp_path) is None
