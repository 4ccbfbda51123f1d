"""Readings that must not move with how a page writes a price, a percent, an acronym or its line breaks (session 29,
cuedepth). Own wording throughout; each test failed before its fix."""

from __future__ import annotations

from clinicscan.nlp.analyse import analyse_page
from clinicscan.nlp.html_text import html_to_text
from clinicscan.nlp.pipeline import shared_pipeline
from clinicscan.nlp.seller_features import load_word_groups

_PAGE = ("<h1>Maple Joint Clinic</h1><p>At Maple Joint Clinic we offer stem cell therapy for knee arthritis. "
         "Book a consultation today.</p><p>{}</p>")


def _words(text: str) -> list[str]:
    return [t.text for t in shared_pipeline(None).make_doc(text)]


def test_percent_plus_is_a_success_rate():
    for written in ("Over 85% of our patients walk farther after one session.",
                    "85%+ of our patients walk farther after one session."):
        assert "success_rate_claim" in analyse_page(_PAGE.format(written)).red_flags, written
    assert _words("85%+ of them") == ["85", "%+", "of", "them"]


def test_price_range_reads_a_price():
    assert _words("Costs $4,000-$6,500 a knee.")[:4] == ["Costs", "$", "4,000", "-"]
    assert _words("Costs $4k-$6k a knee.")[:5] == ["Costs", "$", "4", "k", "-"]
    cues = analyse_page(_PAGE.format("A session costs $4,000-$6,500 a knee.")).offer_cues
    assert "+$price" in cues


def test_dotted_acronym_before_a_hyphen():
    assert _words("It is F.D.A.-cleared.")[:5] == ["It", "is", "F.D.A.", "-", "cleared"]
    flags = analyse_page(_PAGE.format("Our stem cell therapy is F.D.A.-approved.")).red_flags
    assert "fda_claim" in flags


def test_seller_word_groups_read_signs():
    assert "f.d.a." in load_word_groups()["regulator"]


def _lines(body: str) -> list[str]:
    return [line for line in html_to_text(f"<p>{body}</p>").text.split("\n") if line]


def test_break_after_a_title_keeps_the_name():
    assert _lines("At the Birch Street practice, Dr.<br>Ana Ruiz injects the knee with cells drawn that morning.") \
        == ["At the Birch Street practice, Dr. Ana Ruiz injects the knee with cells drawn that morning."]


def test_break_after_et_al_keeps_the_citation():
    assert _lines("Cells may regrow the lining (Ortega et al.<br>2011) in small animals.") \
        == ["Cells may regrow the lining (Ortega et al. 2011) in small animals."]


def test_break_before_an_aside_dash():
    text = "We use cells from your own hip bone, spun in our clinic<br>- to ease the ache in your knee without surgery."
    assert _lines(text) == [text.replace("<br>", " ")]
    # a list typed with dashes stays a list
    assert len(_lines("- sore knees<br>- stiff hips<br>- a painful heel")) == 3


def test_break_after_a_sentence_begun_in_the_line():
    assert _lines("Cells are drawn at the first visit. For about<br>4 weeks the knee rests and then heals well.") \
        == ["Cells are drawn at the first visit. For about 4 weeks the knee rests and then heals well."]
    assert _lines("Call us on the number below. At Birch Street<br>Clinic, we see patients every weekday.") \
        == ["Call us on the number below. At Birch Street Clinic, we see patients every weekday."]
    # title-case lines after a short line stay apart, as a list's do
    assert len(_lines("Read more. Knee Pain<br>Hip Pain<br>Back Pain")) == 3


def test_a_price_reads_the_same_however_written():
    readings = set()
    for price in ("$4,000", "USD 4000", "US$4,000", "4.000 $", "4,000 dollars"):
        page = analyse_page(_PAGE.format(f"A knee session costs {price} at our clinic."))
        readings.add((page.offer_score, tuple(page.offer_cues)))
    assert len(readings) == 1, readings
    one = analyse_page(_PAGE.format("Both knees cost 12.000 $-15.000 $."))
    assert one.offer_score == analyse_page(_PAGE.format("Both knees cost $12,000-$15,000.")).offer_score


def _pattern(rows, note_start: str):
    return next(s.pattern for s in rows if s.note.startswith(note_start))


def test_a_storage_fee_with_its_currency_after_or_as_a_code():
    from clinicscan.nlp.publisher_kind import load_seller_decision

    fee = _pattern(load_seller_decision().signals, "a storage fee")
    for written in ("Keeping the sample frozen costs $120 a year in storage.", "Keeping the sample frozen costs USD 120 "
                    "a year in storage.", "Keeping the sample frozen costs 120 € a year in storage.",
                    "Yearly storage fee: USD 120"):
        assert fee.search(written), written
    assert not fee.search("We charge USD 4000 per knee.")


def test_a_transplant_sale_cue_with_its_currency_after_or_as_a_code():
    from clinicscan.nlp.transplant_programme import load_transplant_reader

    sale = load_transplant_reader().sale_cues
    for written in ("The transplant costs $38,000.", "The transplant costs USD 38000.", "The transplant costs 38.000 €."):
        assert sale.search(written), written
    assert not sale.search("Your consultant will refer you to the unit.")


def test_a_line_never_starts_with_a_comma():
    assert _lines("The figures come from the Knee Registry<br>, which counts every new joint.") \
        == ["The figures come from the Knee Registry , which counts every new joint."]
