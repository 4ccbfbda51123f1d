"""Red-flag wording found by the blind batches held19/held20/held21 (session 25, issue 8 item 3).

held19 (62 claims / 31 exclusions) and held20 (20 claims / 42 exclusions, minimal pairs) in
data/devset/red_flag_paraphrases.jsonl were written from ../shared/ANNOTATION.md section 3 and
scored blind on main 936ef53: 0.710 recall with 1 false flag, 0.650 with 3. Every miss was a
mention never found (as 11 of the 21 missed flags on the held-out real pages were). held21 was
written after the first round and scored blind, then read for a second. The categories, each
probed below in wording of our own that differs from the batches' (docs/red-flags.md,
"Session 25"):

- avoid_surgery: the operation as the subject of a passive postpone/avoid with words between; a
  phrasal postpone split around its object; the operation's cost first, then "a fraction of that";
  a limb kept from amputation; swapping the operating room for a visit;
- cure: damage giving way to healthy tissue; a tissue brought back to its original state; "our
  cells/injections" + a cure verb with no object; a relapse denied with "again"; damage shrunk to
  nothing; rebuilding what a disease took; FAQ answers that results last for life;
- safety: harm "non-existent" or "ruled out"; "0 complications"; "cannot harm you"; not one
  patient has had a complication;
- success_rate: an outcome label with its percentage; an outcome verb "in 64 percent"; most
  patients symptom-free; "helped eight out of ten"; a share that halved its painkillers; a refund
  when the results disappoint; "back at full training";
- fda: a licence, its number, who issued it ("Permit No. 1120-B, granted by ..."); a regulator named
  with its country before "has granted"; a longer regulation name after "approved under";
- not flags (context): the body's habitual biology, "rarely", competitors' promises, a claim
  retold then called untrue, a fallback "or at the very least", a promise in the passive by others.
"""

import pytest

from clinicscan.nlp.analyse import analyse_page
from clinicscan.nlp.pipeline import shared_pipeline
from clinicscan.paths import lexicon_dir

OPENING = ("<h1>Juniper Ridge Regenerative Clinic</h1><p>We offer bone marrow, fat-derived and umbilical cord "
           "stem cell injections at our clinic in Reno. Book a consultation with Dr. Ines Varga today.</p>")


def flags(html: str) -> set[str]:
    page = analyse_page(OPENING + html)
    assert page.offers_treatment
    return set(page.red_flags)


CLAIMS = [
    # avoid surgery
    ("In many of our patients, hip replacement is pushed back by a decade.", "avoid_surgery_claim"),
    ("Patients put their knee surgery off indefinitely after our injections.", "avoid_surgery_claim"),
    ("Shoulder surgery runs about $25,000 and weeks in a sling; our treatment costs a fraction of that.",
     "avoid_surgery_claim"),
    ("Diabetic patients facing amputation have kept their feet thanks to our wound injections.",
     "avoid_surgery_claim"),
    ("Swap the operating room for a 30-minute office visit.", "avoid_surgery_claim"),
    # cure
    ("Over the following months the scar tissue gives way to healthy muscle.", "cure_claim"),
    ("Our treatment brings the knee back to its original condition.", "cure_claim"),
    ("What years of running wore away, our injections rebuild.", "cure_claim"),
    ("Once repaired, the tendon does not tear again.", "cure_claim"),
    ("Within a year the lesions in his spinal cord had faded to nothing.", "cure_claim"),
    ("Grow back what arthritis took from your knees.", "cure_claim"),
    # safety
    ("Complications are simply non-existent with this procedure.", "safety_claim"),
    ("Rejection is completely ruled out because the cells are your own.", "safety_claim"),
    ("0 complications in ten years of practice", "safety_claim"),
    ("These injections cannot harm you in any way.", "safety_claim"),
    ("Not one of our knee patients has ever had an infection.", "safety_claim"),
    # success rate
    ("Swelling decreased in 64 percent of treated knees.", "success_rate_claim"),
    ("Most patients are pain-free within a month.", "success_rate_claim"),
    ("Dr. Varga has helped nine out of ten of the stroke survivors she treated regain movement.", "success_rate_claim"),
    ("Half of the patients we treat cut their daily insulin dose.", "success_rate_claim"),
    ("If you aren't happy with the results within three months, we will refund you.", "success_rate_claim"),
    ("The majority of our runners are back at full training in six weeks.", "success_rate_claim"),
    # fda
    ("Permit No. 1120-B, granted by the Ministry of Health of Belize, covers our procedures.", "fda_claim"),
    ("The National Health Authority of the Republic of Panama has granted our clinic a licence.", "fda_claim"),
    ("Our centre is approved under the Kingdom's Cell Therapy Regulation.", "fda_claim"),
]


@pytest.mark.parametrize("sentence,flag", CLAIMS)
def test_new_wording_of_each_flag_is_found(sentence, flag):
    assert flag in flags(f"<p>{sentence}</p>")


def test_an_outcome_label_with_its_percentage_is_a_rate():
    html = "<dl><dt>Session length</dt><dd>About two hours</dd><dt>Patients with less stiffness</dt><dd>78%</dd></dl>"
    assert "success_rate_claim" in flags(html)


@pytest.mark.parametrize("question,answer", [
    ("How long do the results last?", "Forever."),
    ("How long does the relief last?", "A lifetime."),
    ("Are the results permanent?", "Yes."),
])
def test_an_faq_answer_that_results_last_for_life_is_a_cure_claim(question, answer):
    assert "cure_claim" in flags(f"<h3>{question}</h3><p>{answer}</p>")


@pytest.mark.parametrize("question,answer", [
    ("How long do the results last?", "Usually one to two years."),
    ("Are the results permanent?", "Not always; some patients need a booster."),
    ("How long does the procedure last?", "About an hour."),
])
def test_an_faq_answer_that_results_wear_off_is_not(question, answer):
    assert "cure_claim" not in flags(f"<h3>{question}</h3><p>{answer}</p>")


NOT_CLAIMS = [
    # the body's habitual biology
    ("Your body continually rebuilds bone as you age.", "cure_claim"),
    # "rarely" denies
    ("Scans rarely show new cartilage after an injection.", "cure_claim"),
    # competitors' promises, and a claim retold then judged
    ("Competitors insist their injections reverse arthritis.", "cure_claim"),
    ("Some blogs suggest these shots have no side effects, which is simply not true.", "safety_claim"),
    # a fallback after "or at the very least" is not promised
    ("Injections could keep you out of the operating room for years, or at the very least push surgery back.",
     "avoid_surgery_claim"),
    # someone else's promise in the passive
    ("The miracle cure promised by some online sellers does not exist.", "cure_claim"),
    # near-misses of the new families
    ("Most patients return to their normal activities the next day.", "cure_claim"),
    ("Infection and fracture are ruled out with an X-ray before treatment.", "safety_claim"),
    ("Keep your leg raised for an hour after the injection.", "avoid_surgery_claim"),
    ("Our patients report no serious complications, and infection can never be ruled out completely.",
     "safety_claim"),
    ("Most procedures take less than an hour: 90%.", "success_rate_claim"),
    ("We refund your deposit if you cancel two days ahead.", "success_rate_claim"),
    ("A knee replacement removes a fraction of the bone.", "avoid_surgery_claim"),
]


@pytest.mark.parametrize("sentence,flag", NOT_CLAIMS)
def test_near_misses_are_not_flags(sentence, flag):
    assert flag not in flags(f"<p>{sentence}</p>")


def test_a_promise_to_the_reader_about_their_body_still_counts():
    assert "cure_claim" in flags("<p>With our cells, your body will regrow the cartilage you lost.</p>")


def test_our_own_promise_still_counts_next_to_the_passive_rule():
    assert "cure_claim" in flags("<p>The permanent cure promised by our team is backed by our results.</p>")


def sentences(text: str) -> list[str]:
    return [s.text.strip() for s in shared_pipeline()(text).sents if s.text.strip()]


def test_no_before_a_number_after_a_word_ends_no_sentence():
    assert sentences("Licence no. 22/041, issued by the Ministry of Health.") == [
        "Licence no. 22/041, issued by the Ministry of Health."]
    assert len(sentences("Our COFEPRIS permit No. 1733 is on the wall. We treat knees.")) == 2


def test_an_answer_no_before_a_number_still_ends_its_sentence():
    assert sentences("Do I need surgery? No. 9 of 10 patients avoid it.") == [
        "Do I need surgery?", "No.", "9 of 10 patients avoid it."]


# The precision word lists of nlp/mentions.py (a share of doctors, "the patients we saw", "no serious side
# effects") are data: data/lexicon/red_flag_guards.json, read with the lexicon and saved with the pipeline.

def test_the_guard_word_lists_are_read_from_the_lexicon_folder(tmp_path):
    import json
    import shutil

    from clinicscan.nlp.mentions import GUARDS_FILE

    shutil.copytree(lexicon_dir(), tmp_path, dirs_exist_ok=True)
    sentence = "<p>Nine out of ten doctors in our network recommend physical therapy before any procedure.</p>"
    assert "success_rate_claim" not in flags(sentence)
    raw = json.loads((tmp_path / GUARDS_FILE).read_text(encoding="utf-8"))
    raw["professionals"] = [w for w in raw["professionals"] if w != "doctors"]
    (tmp_path / GUARDS_FILE).write_text(json.dumps(raw), encoding="utf-8")
    page = analyse_page(OPENING + sentence, lexicon_dir=str(tmp_path))
    assert "success_rate_claim" in page.red_flags


def test_the_guards_travel_with_a_saved_pipeline(tmp_path):
    import json

    import spacy

    from clinicscan.nlp.mentions import GUARDS_FILE
    from clinicscan.nlp.pipeline import build_pipeline

    build_pipeline().to_disk(tmp_path / "pipeline")
    saved = json.loads((tmp_path / "pipeline" / "clinicscan_mentions" / GUARDS_FILE).read_text(encoding="utf-8"))
    assert "serious" in saved["degrees"]
    doc = spacy.load(tmp_path / "pipeline")("Our injections have no serious side effects.")
    assert not [m for m in doc._.clinicscan_mentions if m.vocab_id == "safety_claim"]


def test_a_broken_guard_file_is_refused_naming_it(tmp_path):
    import json

    from clinicscan.errors import LexiconError
    from clinicscan.nlp.mentions import GUARDS_FILE, load_red_flag_guards

    (tmp_path / GUARDS_FILE).write_text(json.dumps({"seers": ["we"]}), encoding="utf-8")
    with pytest.raises(LexiconError, match=GUARDS_FILE):
        load_red_flag_guards(tmp_path)
    (tmp_path / GUARDS_FILE).write_text("{not json", encoding="utf-8")
    with pytest.raises(LexiconError, match=GUARDS_FILE):
        load_red_flag_guards(tmp_path)
