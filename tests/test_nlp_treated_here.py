"""A FAQ that presumes the reader is treated here (nlp/treated_here.py; session 21 faqvoice, issue 8).

Pages of our own wording. The two sellers were non-sellers before the signal (a clinic FAQ that never says "we" and
cites research); the others keep their reading: other kinds of FAQ and forums never fire, and heavy report wording
still outweighs the signal.
"""

from __future__ import annotations

import pytest

from clinicscan.nlp.analyse import analyse_page
from clinicscan.nlp.treated_here import load_treated_here


def _page(title: str, body: str) -> str:
    return f"<html><head><title>{title}</title></head><body><main>{body}</main></body></html>"


SELLERS = {
    "faq-citing-a-study": _page("PRP Shots for the Knee: FAQ | Osterby Joint Centre", """
<h1>PRP shots for the knee</h1>
<p>A randomised study published in an orthopaedic journal compared platelet-rich plasma with steroid shots and found
less pain at twelve months in the plasma group.</p>
<h2>How many shots will I need?</h2><p>A course of three, a week apart.</p>
<h2>Will it hurt?</h2><p>The skin is numbed; an ache can last a day or two.</p>
<h2>When will I feel a difference?</h2><p>Usually after about six weeks.</p>
<h2>Can I drive home afterwards?</h2><p>Yes.</p>"""),
    "bold-faq-citing-research": _page("Marrow Concentrate for Hips | Quillan Sports & Spine", """
<h1>Marrow concentrate for the hip</h1>
<p>A small randomised study published in a surgical journal followed hips treated with bone marrow concentrate for
two years; the researchers reported less pain.</p>
<p><b>How long does my visit take?</b> Plan for the whole morning.</p>
<p><b>Do I need someone to drive me?</b> Yes, a light sedative is given.</p>
<p><b>How soon can I walk without crutches?</b> After two days.</p>"""),
}

NON_SELLERS = {
    "trial-faq": _page("Study FAQ | Harwick University Hospital", """
<h1>Questions about the knee cell study</h1>
<p>The study tests umbilical cord cells injected into arthritic knees.</p>
<h3>How many injections will I receive?</h3><p>One injection of cells or of salt water.</p>
<h3>Will it hurt?</h3><p>The knee is numbed first.</p>
<h3>Could I get a placebo?</h3><p>Yes, half of the volunteers do.</p>
<h3>How long is each visit?</h3><p>About two hours.</p>"""),
    "forum-in-the-past": _page("PRP for elbows | ElbowTalk Forum", """
<h1>PRP for elbows</h1>
<p>Posted by racketfan: How many injections did you need? Did it hurt?</p>
<p>Reply from lobpro: One for me, at a sports clinic. It hurt quite a lot for two days.</p>
<p>Posted by racketfan: How long was your recovery? Was your PRP covered?</p>
<p>Reply from lobpro: Six weeks before I could lift. No, it cost me $700.</p>"""),
}


@pytest.mark.parametrize("name", sorted(SELLERS))
def test_a_clinic_faq_presuming_the_reader_is_treated_here_sells(name):
    page = analyse_page(SELLERS[name])
    assert page.offers_treatment, page.offer_cues
    assert any(c.startswith("+treated-here FAQ") for c in page.offer_cues)


@pytest.mark.parametrize("name", sorted(NON_SELLERS))
def test_other_faqs_and_forums_do_not_fire(name):
    page = analyse_page(NON_SELLERS[name])
    assert not page.offers_treatment, page.offer_cues
    assert not any(c.startswith("+treated-here FAQ") for c in page.offer_cues)


def test_questions_count_only_in_the_present_about_the_readers_own_procedure():
    reader = load_treated_here()
    clinic = "How many sessions will I need?\nDoes it hurt?\nIs there any downtime?\n"
    assert reader.presumes(clinic) == 3
    # no question in the reader's own words
    assert reader.presumes("How many sessions are usual?\nDoes it hurt?\nIs there any downtime?\n") == 0
    # asked of others, or in the past
    assert reader.presumes("How many sessions did you need?\nDid it hurt?\nWas there any downtime?\n") == 0
    assert reader.presumes("How much do clinics charge?\nDoes it hurt?\nCan I drive home?\n") == 0
    # one question of a regulator's, trial's or bank's FAQ turns the page off
    assert reader.presumes(clinic + "Is it approved?\n") == 0
    assert reader.presumes(clinic + "Will I be paid?\n") == 0
    assert reader.presumes(clinic + "How long is the cord blood stored?\n") == 0


def test_the_word_lists_come_from_the_pipelines_lexicon_folder(tmp_path):
    """A lexicon folder of one's own (``--lexicon``) carries its own treated_here.json, as its other files."""
    import json
    import shutil

    from clinicscan.paths import lexicon_dir

    folder = tmp_path / "lexicon"
    shutil.copytree(lexicon_dir(), folder)
    lists = json.loads((folder / "treated_here.json").read_text(encoding="utf-8"))
    lists["least"] = 99
    (folder / "treated_here.json").write_text(json.dumps(lists), encoding="utf-8")
    page = analyse_page(SELLERS["faq-citing-a-study"], lexicon_dir=str(folder))
    assert not any(c.startswith("+treated-here FAQ") for c in page.offer_cues), page.offer_cues
