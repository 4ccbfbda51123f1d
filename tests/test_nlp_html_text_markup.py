"""The same words in other markup read the same (session 28, bench/invariance.py's markup rewrites).

Each case is a page as one CMS writes it and the same words as another does; the fixtures are
our own wording."""

from __future__ import annotations

from clinicscan.nlp.html_text import BULLET, html_to_text


def _blocks(html: str) -> list[str]:
    return html_to_text(f"<html><body><main>{html}</main></body></html>").text.split("\n\n")


def test_lines_after_a_lead_in_block_are_list_items():
    as_list = _blocks("<p>Our cells come in three kinds:</p><ul><li>Cord tissue cells</li><li>Bone marrow cells</li>"
                      "<li>Fat cells</li></ul>")
    as_lines = _blocks("<p>Our cells come in three kinds:</p><p>Cord tissue cells<br>Bone marrow cells<br>Fat cells</p>")
    assert as_lines == as_list
    assert as_lines[1:] == [BULLET + "Cord tissue cells", BULLET + "Bone marrow cells", BULLET + "Fat cells"]


def test_lines_after_a_lead_in_line_are_list_items():
    assert _blocks("<p><strong>We see patients for:</strong><br>Hip arthritis<br>Tennis elbow</p>") == [
        "We see patients for:", BULLET + "Hip arthritis", BULLET + "Tennis elbow"]


def test_lines_without_a_lead_in_or_a_single_line_stay_plain():
    assert _blocks("<p>Sunny Lane Clinic<br>12 Harbour Road<br>Porttown</p>") == [
        "Sunny Lane Clinic", "12 Harbour Road", "Porttown"]
    assert _blocks("<p>Visits are by appointment:</p><p>Monday to Friday</p>") == [
        "Visits are by appointment:", "Monday to Friday"]


def test_a_blank_line_ends_the_lead_in():
    """<br><br> is a paragraph break (an old editor's paragraphs): the paragraphs after a lead-in are no list."""
    assert _blocks("<p>Two things decide the plan:<br><br>Your scan and your history.<br><br>"
                   "The doctor explains the plan at the first visit.</p>") == [
        "Two things decide the plan:", "Your scan and your history.", "The doctor explains the plan at the first visit."]


def test_a_numbered_line_is_never_joined_to_the_one_before():
    assert _blocks("<p>1. Is the procedure painful for most people<br>2. How long will the recovery take?</p>") == [
        "1. Is the procedure painful for most people", "2. How long will the recovery take?"]


def test_a_clause_after_a_semicolon_goes_on_over_a_break():
    assert _blocks("<p>Gout is a painful kind of inflammation in the joints;<br>because of this, flare-ups "
                   "can come and go.</p>") == [
        "Gout is a painful kind of inflammation in the joints; because of this, flare-ups can come and go."]
    # a short list item ending in a semicolon is not prose: the lines stay apart
    assert _blocks("<p>Sore knees;<br>stiff hips.</p>") == ["Sore knees;", "stiff hips."]


def test_a_sentence_wrapped_before_a_line_that_ends_another_inside_it_is_joined():
    """The line after the break ends a sentence in its middle ("... own blood. Then ..."), not at its end."""
    assert _blocks("<p>At our practice the doctor treats the sore tendon by injecting<br>PRP made from your own blood. "
                   "Then you rest for a day and go home</p>") == [
        "At our practice the doctor treats the sore tendon by injecting PRP made from your own blood. "
        "Then you rest for a day and go home"]



def test_a_typed_bullet_or_tick_starts_a_list_item():
    as_list = _blocks("<ul><li>Shorter recovery</li><li>One visit</li></ul>")
    assert _blocks("<p>- Shorter recovery</p><p>- One visit</p>") == as_list
    assert _blocks("<p>\u2714 Shorter recovery</p><p>\u2714 One visit</p>") == as_list
    assert _blocks("<p>\u2022 Shorter recovery</p><div>* One visit</div>") == as_list
    assert _blocks("<p>What you get<br>\u2705 Shorter recovery<br>\u2013 One visit</p>") == ["What you get", *as_list]


def test_a_dash_inside_a_line_or_before_a_number_is_no_bullet():
    assert _blocks("<p>-5 degrees is cold</p><p>Rest - then walk</p>") == ["-5 degrees is cold", "Rest - then walk"]


def test_typed_dashes_after_a_lead_in_line_are_items_but_an_aside_dash_is_not():
    assert _blocks("<p>We treat:<br>- Sore knees<br>- Stiff hips</p>") == [
        "We treat:", BULLET + "Sore knees", BULLET + "Stiff hips"]
    # the aside's dash is no item, and (session 29 cuedepth) the sentence it goes on is one line
    assert _blocks("<p>The figures come from the national joint registry<br>- kept by the surgeons' college - and "
                   "they grow each year.</p>") == ["The figures come from the national joint registry - kept by the "
                                                   "surgeons' college - and they grow each year."]


def test_a_column_wrapped_every_few_words_reads_as_one_paragraph():
    """The sentence ends more than three lines on, but the lines between go on in lower case: one line."""
    assert _blocks("<p>The cells are grown at the town's own Cell Culture<br>Centre, where the staff then<br>"
                   "wash and count them in<br>a clean room before they<br>are frozen in small vials.</p>") == [
        "The cells are grown at the town's own Cell Culture Centre, where the staff then wash and count them in "
        "a clean room before they are frozen in small vials."]


def test_a_paragraph_opened_with_an_emoji_stays_a_paragraph():
    """A typed bullet makes an item of a short line only: "👉" before a whole paragraph is decoration (textvary's
    emoji rewrite moved 9 tune pages' readings once every glyph-opened block was an item)."""
    paragraph = ("We have treated knee and hip pain with your own bone marrow cells for twenty years, in our own "
                 "clinic, and every plan starts with an hour-long consultation with the doctor who will inject you.")
    assert _blocks(f"<p>\U0001f449 {paragraph}</p>") == _blocks(f"<p>{paragraph}</p>")
    assert _blocks("<p>\u2705 No surgery</p><p>\u2705 No downtime</p>") == [BULLET + "No surgery", BULLET + "No downtime"]


def test_typed_bullets_are_marked_as_the_lookbehind_regex_marks_them():
    """``_mark_typed_bullets`` matches the mark before a bullet instead of looking behind at it (ten times faster):
    the same text out, on random mixes of marks, bullets, glyphs, dashes, spaces and short and long lines."""
    import random
    import re

    import clinicscan.nlp.html_text as h

    marks, glyph, short = f"{h._BLOCK_MARK}{h._ITEM_MARK}", h._GLYPH.pattern, h._SHORT_LINE
    reference = re.compile(f"(?:^|(?<=[{marks}]))\\s*(?:(?:{glyph}|[\u2022\u00b7])+|[-*\u2013](?=\\s))\\s*{short}"
                           f"|(?<={h._BREAK_MARK})\\s*(?:{glyph}|[\u2022\u00b7])+\\s*{short}")
    pieces = [h._BLOCK_MARK, h._ITEM_MARK, h._BREAK_MARK, " ", "\n", "\u2022", "\u00b7", "\u2705", "\U0001f449",
              "\ufe0f", "-", "*", "\u2013", "Knee pain", "x" * 50, "y" * 130, ".", "5"]
    draw = random.Random(28)
    for _ in range(20_000):
        text = "".join(draw.choice(pieces) for _ in range(draw.randint(0, 14)))
        assert h._mark_typed_bullets(text) == reference.sub(h._ITEM_MARK, text), repr(text)
