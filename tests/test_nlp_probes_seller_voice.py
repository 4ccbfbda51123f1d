"""Who speaks: the page's own "we" against quoted and generic ones, and a therapy the page presents as acting.

Sentences and pages written for the project (fictional names). They stand for kinds of
real page the seller decision misread: an education page whose only "us" is people in
general ("the cells that stay with us for life") read as a clinic presenting its own
product; a clinic's third-person condition page ("for patients with lupus, stem cell
therapy helps ...") read as a report because it also cites studies.
"""

from __future__ import annotations

import json

import pytest

from clinicscan.errors import LexiconError
from clinicscan.nlp.analyse import analyse_page
from clinicscan.nlp.own_voice import OwnVoice, load_own_voice
from clinicscan.paths import lexicon_dir


@pytest.fixture(scope="module")
def voice() -> OwnVoice:
    return load_own_voice()


@pytest.mark.parametrize("sentence", [
    "We inject bone marrow concentrate under ultrasound guidance.",
    "Our stem cell therapy uses cells from your own fat.",
    "At Fernhill Spine we have offered PRP since 2015.",
    "Below we explain the science, and our physicians perform the injection the same day.",
    "Call us to ask whether PRP suits your knee.",
    "We’ve treated over 900 shoulders with cord tissue.",
])
def test_own_voice_is_the_page_speaking(voice, sentence):
    assert voice.speaks_as_page(sentence)


@pytest.mark.parametrize("sentence", [
    'The surgeon told the paper: "We were amazed by how fast the cartilage came back with stem cells."',
    # a quotation running over two sentences: each keeps one of its marks
    'The surgeon was upbeat: "We have seen remarkable recoveries with fat-derived cells.',
    'It is early days, but we expect our stem cell results to hold."',
    "Stem cell therapy in the US is still unapproved for knee arthritis.",
    "The stem cells that stay with us for life belong to one tissue.",
    "As we age, the stem cells in our bodies divide more slowly.",
    "In this article we explain what stem cell therapy can and cannot do.",
    "Most of us will never need a marrow transplant.",
])
def test_quoted_national_and_generic_we_are_not_the_page(voice, sentence):
    assert not voice.speaks_as_page(sentence)


def _acts(voice: OwnVoice, sentence: str, mention: str, vocab_id: str = "unspecified_stem_cell") -> bool:
    at = sentence.index(mention) + len(mention)
    return voice.therapy_acts(sentence, mention, sentence[at:], vocab_id)


@pytest.mark.parametrize(("sentence", "mention", "vocab_id"), [
    ("For patients with lupus, stem cell therapy helps calm the overactive immune system.", "stem cell therapy",
     "unspecified_stem_cell"),
    ("Stem cell injections can also ease the stiffness of a worn hip.", "Stem cell", "unspecified_stem_cell"),
    ("Once placed in the torn tendon, PRP speeds up the repair.", "PRP", "prp"),
])
def test_a_therapy_doing_something_in_a_plain_statement_is_presented(voice, sentence, mention, vocab_id):
    assert _acts(voice, sentence, mention, vocab_id)


@pytest.mark.parametrize(("sentence", "mention"), [
    ("Does stem cell therapy help with lupus?", "stem cell therapy"),
    ("How stem cell therapy works for lupus", "stem cell therapy"),
    ("Several studies suggest stem cell therapy may calm lupus flares.", "stem cell therapy"),
    ("The ministry's notice says stem cell therapy may be used only in approved trials.", "stem cell therapy"),
    ("Stem cells can turn into bone, cartilage and fat.", "Stem cells"),
])
def test_questions_reports_and_biology_do_not_present_a_therapy(voice, sentence, mention):
    assert not _acts(voice, sentence, mention)


THIRD_PERSON_CLINIC = """<html><head><title>Lupus and Stem Cell Therapy | Copperline Cell Institute</title></head>
<body><main><h1>Lupus and Stem Cell Therapy</h1>
<p>Last updated May 2024</p>
<p>Systemic lupus erythematosus is an autoimmune disease in which the immune system attacks the skin, joints and
kidneys. Flares come and go, and steroids bring side effects of their own.</p>
<p>Mesenchymal cells lower inflammatory signalling in the blood and lymph nodes (Varga et al., 2018).</p>
<p>For patients with lupus, stem cell therapy helps calm the overactive immune system and ease joint pain.</p>
</main></body></html>"""

GENERIC_US_EDUCATION = """<html><head><title>Stem Cells for Erectile Problems | Oakmere Urology</title></head>
<body><main><h1>Stem cells and erectile problems: the basics</h1>
<h2>What are stem cells?</h2>
<p>A stem cell is an early cell that has not yet taken on a job in an organ.</p>
<p>The stem cells that stay with us for life belong to one tissue and grow old with it.</p>
<p>Marrow transplants for blood cancers are among the few uses with firm proof.</p>
<p>Cells injected into one spot do not stay there; they drift into the bloodstream.</p>
</main></body></html>"""


def test_a_third_person_clinic_page_that_cites_a_study_is_a_seller():
    page = analyse_page(THIRD_PERSON_CLINIC)
    assert page.offers_treatment, page.offer_cues
    assert "+therapy acts:unspecified_stem_cell" in page.offer_cues


def test_an_education_page_whose_only_us_is_people_in_general_is_not_a_seller():
    page = analyse_page(GENERIC_US_EDUCATION)
    assert not page.offers_treatment, page.offer_cues
    assert not any(cue.startswith("+own product") for cue in page.offer_cues)


@pytest.mark.parametrize(("change", "message"), [
    (lambda row: row.pop("acting_verbs"), "missing \\['acting_verbs'\\]"),
    (lambda row: row.update(acting_nouns=["x"]), "unknown \\['acting_nouns'\\]"),
    (lambda row: row.update(report_words=[]), "'report_words' must be a non-empty list"),
    (lambda row: row.update(adverbs=["also", 3]), "'adverbs' must be a non-empty list"),
])
def test_a_damaged_word_list_is_refused_with_what_was_expected(tmp_path, change, message):
    row = json.loads((lexicon_dir() / "own_voice.json").read_text(encoding="utf-8"))
    change(row)
    path = tmp_path / "own_voice.json"
    path.write_text(json.dumps(row), encoding="utf-8")
    with pytest.raises(LexiconError, match=message):
        load_own_voice(path)


ORGANISATION_AS_SUBJECT = """<html><head><title>Knee Arthritis: What the Research Says | Brindle Joint Centre</title></head>
<body><main><h1>Knee arthritis: what the research says</h1>
<p>Knee osteoarthritis affects about one adult in five over sixty (Ahlberg et al., 2017).</p>
<p>At Brindle Joint Centre, Dr. Ines Rahm injects platelet-rich plasma into arthritic knees under ultrasound.</p>
<p>A 2021 trial reported less pain at six months, although the effect faded by two years.</p>
</main></body></html>"""


@pytest.mark.parametrize("opening", [
    "At Brindle Joint Centre, Dr. Ines Rahm",
    "At Brindle Bone & Joint Centre in Harrowgate, Dr. Ines Rahm",
    "Here at Brindle Joint Centre our surgeon, Dr. Ines Rahm,",
])
def test_the_organisation_naming_itself_as_the_one_who_treats_is_a_seller(opening):
    """'At <name> (in <town>), we / our / Dr. X ...': the site's organisation is the subject, not a study's."""
    page = analyse_page(ORGANISATION_AS_SUBJECT.replace("At Brindle Joint Centre, Dr. Ines Rahm", opening))
    assert page.offers_treatment, page.offer_cues
    assert "+at <name>, we" in page.offer_cues


def test_a_trial_its_patients_pay_for_is_a_sale():
    """Coding manual, hard cases: a listed trial that charges patients to take part is a seller."""
    page = analyse_page("""<html><head><title>Study 4471 | TrialFinder</title></head><body><main>
<h1>Fat-derived stromal cells in Parkinson's disease</h1>
<p>An open-label, non-randomized, patient sponsored study of autologous adipose-derived stromal cells.</p>
<p>Volunteers aged 40 to 75 with a diagnosis of Parkinson's disease for at least three years may join.</p>
<p>Status: recruiting.</p></main></body></html>""")
    assert page.offers_treatment, page.offer_cues


@pytest.mark.parametrize(("sentence", "names_itself"), [
    ("At Costa Brava Regenerative Center in Punta Cana, Dominican Republic, we combine two cell sources.", True),
    ("Here at Lindell Spine & Joint our nurses prepare the injection.", True),
    ("At Lakemont Orthopaedics Dr. Ruiz harvests marrow from the hip.", True),
    ("At Mayo Clinic, researchers followed 40 patients for two years.", False),
    ("At our clinic we use cord tissue.", False),
    ("Patients arrive at Denver International Airport and we collect them.", False),
])
def test_the_organisation_naming_itself(sentence, names_itself):
    page = analyse_page(f"<html><body><main><h1>Knee pain</h1><p>{sentence}</p>"
                        "<p>Stem cell injections for knee arthritis.</p></main></body></html>")
    assert ("+at <name>, we" in page.offer_cues) is names_itself, page.offer_cues


DONOR_DRIVE = """<html><head><title>Become a Marrow Donor | Cedar Valley Donor Drive</title></head>
<body><main><h1>Become a Donor This Spring</h1>
<p>Every year hundreds of children with leukaemia need a bone marrow transplant, and most of them have no matched
donor in their own family. Joining the registry takes a cheek swab and five minutes of your time.</p>
<p>Our volunteers will be at the Riverside library on Saturday with swab kits. Registering is free, and donors
between 18 and 40 are needed most of all.</p>
<p>If you are ever matched with a patient, the transplant centre explains every step and covers all costs.</p>
</main></body></html>"""

TRANSPLANT_PROGRAM = """<html><head><title>Blood and Marrow Transplant Program | Northgate University Hospital</title></head>
<body><main><h1>Blood and Marrow Transplant Program</h1>
<p>Our transplant team performs autologous and allogeneic transplants for adults with leukaemia, lymphoma and
myeloma. When a patient has no matched donor in the family, our donor search coordinators look through the
international registries, and we ask every visitor to consider joining the registry.</p>
<p>Referring physicians can reach the transplant coordinator by phone on weekdays.</p>
</main></body></html>"""


def test_a_donor_drive_recruits_donors_and_sells_nothing():
    """Coding manual, section 1: donor registries are not sellers, though they speak of matched donors and transplants.

    Without the donor-recruitment wording ("joining the registry", "cheek swab", "registering is free")
    the transplant words alone made this page a transplant programme with a score of 6.
    """
    page = analyse_page(DONOR_DRIVE)
    assert page.offers_treatment is False, page.offer_cues
    assert page.page_kind == "banking"
    assert page.product_types == [] and page.conditions == []
    assert any(cue in page.offer_cues for cue in ("-joining the registry", "-become a donor", "-donor drive"))


def test_a_transplant_programme_that_asks_for_donors_still_treats():
    page = analyse_page(TRANSPLANT_PROGRAM)
    assert page.offers_treatment is True, page.offer_cues
    assert page.page_kind == "transplant"
