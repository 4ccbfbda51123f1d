"""Red flags said in the fragments of service pages: headings, bullets, badges, table cells (session 21).

The blind batch held16 (data/devset/red_flag_paraphrases.jsonl, written from ../shared/ANNOTATION.md
section 3 before any change) missed a bare "Safe ..." block and "cGMP-compliant" on its own. The
manual counts a flat "The injections are SAFE." and names "cGMP-compliant FDA-registered lab" as an
fda_claim; a block that is only "Safe & natural" says the first with no verb (nlp/fragments.py,
data/lexicon/fragments.json). Near-misses it must leave alone: the same words inside prose ("a
safe option", "safe and effective care for many"), a question heading, a heading whose section then
talks about the risks, a menu item, a block that qualifies ("Safe for most patients"), a denial.
All wording is our own.
"""

import json
import shutil

import pytest
import spacy

from clinicscan.errors import LexiconError
from clinicscan.nlp.analyse import analyse_page
from clinicscan.nlp.fragments import load_fragments
from clinicscan.nlp.pipeline import build_pipeline
from clinicscan.paths import lexicon_dir

OPENING = ("<h1>Lakeshore Cell Clinic</h1><p>We provide umbilical cord and bone marrow stem cell injections at our "
           "clinic in Tijuana. Book your visit online.</p>")


def flags(html: str) -> set[str]:
    page = analyse_page(OPENING + html)
    assert page.offers_treatment, "the opening should make the probe page a seller"
    return set(page.red_flags)


def bullets(*items: str) -> str:
    return "<h2>Why choose us</h2><ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>"


FRAGMENT_CLAIMS = [
    (bullets("Same-week appointments", "Safe &amp; natural", "Bilingual staff"), "safety_claim"),
    ("<h2>Safe stem cell care</h2><p>Our physicians walk you through each step.</p>", "safety_claim"),
    ("<ul><li>✓ Safe</li><li>✓ Outpatient</li></ul>", "safety_claim"),
    ('<div class="badge">Safe. Natural. Your own cells.</div>', "safety_claim"),
    ("<table><tr><td>Safe and effective</td><td>Yes</td></tr></table>", "safety_claim"),
    (bullets("cGMP-compliant", "Board-certified doctors"), "fda_claim"),
    ("<p>Every vial is prepared in our cGMP compliant laboratory.</p>", "fda_claim"),
]

FRAGMENT_NEAR_MISSES = [
    ("<p>Stem cell therapy is a safe option for many patients with knee pain.</p>", "safety_claim"),
    ("<p>We offer safe and effective care for many joint conditions, and our team explains each step.</p>",
     "safety_claim"),
    ("<h2>Safe stem cells?</h2><p>Our physicians explain each step at your first visit.</p>", "safety_claim"),
    ("<h2>Safe stem cell therapy</h2><p>Every injection carries some risk, such as infection or swelling, "
     "which we discuss with you.</p>", "safety_claim"),
    (bullets("Safe for most adults", "Same-day procedure"), "safety_claim"),
    (bullets("Safe handling of your samples", "Same-day procedure"), "safety_claim"),
    ('<nav><ul><li><a href="/safe">Safe</a></li><li><a href="/about">About</a></li></ul></nav>'
     "<p>Read about our doctors.</p>", "safety_claim"),
    (bullets("Safety", "Pricing", "Contact"), "safety_claim"),
    (bullets("Not cGMP-compliant: we never claim it"), "fda_claim"),
]


@pytest.mark.parametrize("html, flag", FRAGMENT_CLAIMS)
def test_a_claim_said_as_a_fragment_counts(html, flag):
    assert flag in flags(html)


@pytest.mark.parametrize("html, flag", FRAGMENT_NEAR_MISSES)
def test_a_fragment_near_miss_does_not(html, flag):
    assert flag not in flags(html)


def test_the_fragment_rules_travel_with_a_saved_pipeline(tmp_path):
    nlp = build_pipeline()
    nlp.to_disk(tmp_path / "pipeline")
    saved = tmp_path / "pipeline" / "clinicscan_mentions" / "fragments.json"
    assert json.loads(saved.read_text(encoding="utf-8"))["openers"] == {"safe": "safety_claim"}
    doc = spacy.load(tmp_path / "pipeline")("Our clinic\n\nSafe & natural\n\nBook a visit.")
    safe = [t.i for t in doc if t.text == "Safe"]
    assert [(m.vocab_id, m.start) for m in doc._.clinicscan_mentions if m.kind == "red_flag"] == [("safety_claim", *safe)]


def test_a_broken_fragment_file_is_refused_naming_it(tmp_path):
    shutil.copytree(lexicon_dir(), tmp_path, dirs_exist_ok=True)
    (tmp_path / "fragments.json").write_text(json.dumps({"opener": {"safe": "safety_claim"}}), encoding="utf-8")
    with pytest.raises(LexiconError, match="fragments.json"):
        load_fragments(tmp_path)
    (tmp_path / "fragments.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(LexiconError, match="fragments.json"):
        load_fragments(tmp_path)
    assert load_fragments(tmp_path / "missing") is None
