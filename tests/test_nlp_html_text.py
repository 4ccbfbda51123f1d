"""HTML to text: main text apart from navigation, blocks kept, junk dropped, never a crash."""

from __future__ import annotations

from clinicscan.nlp.html_text import BULLET, html_to_text, plain_to_text

PAGE = """<html><head><title>Knee Clinic</title><style>.x{color:red}</style>
<script>var s = "<p>we treat cancer</p>";</script></head><body>
<header class="site-header"><nav><ul><li><a href="/">Home</a></li><li><a href="/copd">COPD</a></li></ul></nav></header>
<div id="cookie-banner">We use cookies to improve your experience. Accept all</div>
<main><h1>Regenerative care</h1><p>We treat <b>knee pain</b> with <a href="/prp">PRP</a>.</p>
<h2>Conditions we treat:</h2><ul><li>Back pain</li><li>Sciatica</li></ul></main>
<footer><p>Sunrise Wellness, 1 Main St</p></footer><noscript>enable js</noscript></body></html>"""


def test_html_text_keeps_inline_markup_in_one_sentence():
    page = html_to_text(PAGE)
    assert "We treat knee pain with PRP." in page.text.split("\n\n")


def test_html_text_drops_scripts_styles_and_cookie_banners():
    text = html_to_text(PAGE).text
    assert "cancer" not in text and "color" not in text and "cookies" not in text and "enable js" not in text


def test_html_text_puts_navigation_after_main_text():
    page = html_to_text(PAGE)
    nav_start = page.nav_start
    assert page.text.index("Regenerative care") < nav_start
    assert page.text.index("COPD") >= nav_start
    assert page.text.index("Sunrise Wellness") >= nav_start
    assert page.section_at(page.text.index("COPD")) == "nav"


def test_html_text_list_items_are_separate_bulleted_blocks():
    page = html_to_text(PAGE)
    lines = page.text.split("\n\n")
    assert BULLET + "Back pain" in lines and BULLET + "Sciatica" in lines
    assert page.section_at(page.text.index("Sciatica")) == "list"


def test_html_text_title_is_first_block():
    page = html_to_text(PAGE)
    assert page.title == "Knee Clinic" and page.text.startswith("Knee Clinic\n\n")


def test_html_text_survives_broken_markup_and_empty_input():
    assert html_to_text("").text == ""
    assert html_to_text("   ").text == ""
    assert "unclosed" in html_to_text("<div><p>unclosed <b>bold<li>item").text
    assert html_to_text("<<<>>>&&&;</p></div>").title == ""


def test_html_text_handles_a_huge_single_line():
    blob = "<p>" + "stem cells for knee pain " * 40_000 + "</p>"
    page = html_to_text(blob)
    assert len(page.text) > 900_000 and "\n" not in page.text


def test_html_text_normalises_curly_apostrophes():
    assert "Wharton's jelly" in html_to_text("<p>Wharton\u2019s jelly</p>").text


def test_html_text_header_with_page_heading_is_main_content():
    page = html_to_text("<body><header><h1>Stem cells for COPD</h1></header><p>Call us.</p></body>")
    assert page.section_at(page.text.index("COPD")) == "main"


def test_plain_text_lines_are_blocks_and_bullets_are_list_items():
    page = plain_to_text("Conditions we treat\n\n- Knee pain\n* COPD\n2) Lupus\nBook now.")
    assert page.text.split("\n\n") == ["Conditions we treat", BULLET + "Knee pain", BULLET + "COPD", BULLET + "Lupus",
                                      "Book now."]
    assert page.section_at(page.text.index("COPD")) == "list"


def test_html_text_unclosed_tags_do_not_take_quadratic_time():
    import time

    started = time.perf_counter()
    page = html_to_text("<div class=x " * 50_000 + "knee pain")
    assert time.perf_counter() - started < 10
    assert isinstance(page.text, str)
