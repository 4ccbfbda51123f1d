"""The page's own staff speaking is the page (issue 8, session 24, helper ownvoice), probed in wording written for
the project: "according to our medical director", "says Dr. Halden, founder of Thornbury Joint Clinic" on that
clinic's page are not a reporter's wording, so the news cues "according to", "says" are not weighed; a newspaper
quoting a clinic's owner, or a page whose "said" also quotes someone else, keeps them.
"""

from __future__ import annotations

import pytest

from clinicscan.errors import LexiconError
from clinicscan.nlp.analyse import analyse_page
from clinicscan.nlp.own_speaker import OwnSpeaker, load_own_speaker


def _page(title: str, body: str) -> str:
    return f"<html><head><title>{title}</title></head><body><main>{body}</main></body></html>"


def test_our_medical_director_speaking_is_the_page():
    page = analyse_page(_page("Knee Arthritis | Thornbury Joint Clinic", """
<h1>Knee arthritis</h1><p>Bone marrow concentrate is drawn from the hip and injected into the knee in one visit.</p>
<p>According to our medical director, most patients walk without a cane within a month.</p>"""))
    assert "-according to" not in page.offer_cues and "own staff speaking:according to" in page.offer_cues


def test_the_clinic_named_in_the_title_speaking_is_the_page():
    page = analyse_page(_page("What to Expect | Thornbury Joint Clinic", """
<h1>What to expect</h1><p>Bone marrow concentrate is drawn from the hip and injected into the knee in one visit.</p>
<p>"Most patients walk out on their own," says Dr. Imre Halden, founder of Thornbury Joint Clinic.</p>"""))
    assert "-says" not in page.offer_cues and "own staff speaking:says" in page.offer_cues


def test_a_newspaper_quoting_a_clinic_owner_keeps_its_news_wording():
    page = analyse_page(_page("Spas bet on exosome facials | Valley Business Ledger", """
<h1>Spas bet on exosome facials</h1><p>"Our clients love the glow," said Dr. Tessa Moreau, who owns Lumina Med Spa,
where a session of exosome facials costs $450.</p>"""))
    assert "-said" in page.offer_cues and not any(c.startswith("own staff") for c in page.offer_cues)


def test_a_cue_that_also_quotes_someone_else_is_kept():
    page = analyse_page(_page("Knee Arthritis | Thornbury Joint Clinic", """
<h1>Knee arthritis</h1><p>Bone marrow concentrate is drawn from the hip and injected into the knee in one visit.</p>
<p>According to our medical director, most patients walk without a cane within a month.</p>
<p>According to a national survey, one adult in ten has knee pain.</p>"""))
    assert "-according to" in page.offer_cues


@pytest.mark.parametrize(("sentence", "words", "own"), [
    ("According to our surgeons, the procedure takes an hour.", (), True),
    ("Our nurse practitioner says the soreness fades in two days.", (), True),
    ("says Dr. Hume, medical director of Cedar Ridge Regenerative.", ("cedar",), True),
    ("said the owner of a cedar-panelled spa.", ("cedar",), False),
    ("according to the agency.", ("cedar",), False),
])
def test_speaks_for_page(sentence, words, own):
    assert load_own_speaker().speaks_for_page(sentence, words) is own


@pytest.mark.parametrize("row", [
    {"speech_cues": ["says"]},
    {"speech_cues": ["says"], "staff_words": []},
    {"speech_cues": ["says"], "staff_words": ["doctor"], "other": ["x"]},
    {"speech_cues": ["says"], "staff_words": ["doctor"]},
    {"speech_cues": ["says"], "staff_words": ["doctor"], "title_words": []},
])
def test_the_word_lists_are_checked(row):
    with pytest.raises(LexiconError):
        OwnSpeaker.from_dict(row)


def test_an_unreadable_word_list_file_is_a_lexicon_error_naming_it(tmp_path):
    # the shared JSON reader names a missing or unreadable file, as it names a file that is not JSON
    from clinicscan.errors import LexiconError

    missing = tmp_path / "own_speaker.json"
    with pytest.raises(LexiconError, match="own_speaker.json: cannot read it"):
        load_own_speaker(missing)
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(LexiconError, match="broken.json is not valid JSON"):
        load_own_speaker(tmp_path / "broken.json")
