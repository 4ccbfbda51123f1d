"""Site chrome around a page does not change its reading (session 29, issue 8).

Real clinic pages sit inside their site's chrome: a footer with the FDA's supplement disclaimer,
readers' comments, "You may also like" boxes, newsletter sign-ups, cookie notices. None of it is the
page's claim or says who publishes. Before these rules, `bench/invariance.py`'s chrome rewrites
changed the reading of up to 96 of the 211 real-world tune pages (a footer's "not medical advice"
turned 20 sellers into non-sellers). The pages here are our own wording.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from clinicscan.nlp.analyse import analyse_page
from clinicscan.nlp.claim_model import candidate_features
from clinicscan.nlp.html_text import html_to_text

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

from invariance_chrome import CHROME_REWRITES  # noqa: E402

SELLER = """<html><head><title>Knee Injections | Elmwood Joint Centre</title></head><body>
<article>
<h1>Cell-based knee injections at Elmwood Joint Centre</h1>
<p>At Elmwood Joint Centre, Dr. Ines Varga treats knee osteoarthritis with injections of bone marrow
concentrate drawn from your own hip.</p>
<p>Most patients are back at their desk the next day. Book a consultation with our team to see whether
you are a candidate; the first visit costs $150.</p>
</article>
</body></html>"""

FOOTER_DISCLAIMER = ("<footer><p>This website is for education only and is not medical advice. "
                     "Consult your doctor before any treatment.</p></footer>")


def _reading(html: str) -> dict:
    analysis = analyse_page(html)
    return {"offers_treatment": analysis.offers_treatment, "conditions": sorted(analysis.conditions),
            "product_types": sorted(analysis.product_types), "red_flags": sorted(analysis.red_flags)}


def test_the_seller_page_reads_as_a_seller():
    reading = _reading(SELLER)
    assert reading["offers_treatment"] is True
    assert reading["conditions"] == ["osteoarthritis"]
    assert reading["product_types"] == ["bone_marrow"]


@pytest.mark.parametrize("name", sorted(CHROME_REWRITES))
def test_chrome_rewrites_add_markup_and_keep_the_reading(name):
    rewritten = CHROME_REWRITES[name][1](SELLER)
    assert rewritten != SELLER and len(rewritten) > len(SELLER)
    assert _reading(rewritten) == _reading(SELLER)


def test_a_footer_disclaimer_is_not_report_evidence():
    """In the page's own text "not medical advice" still counts as an explainer's wording."""
    in_footer = analyse_page(SELLER.replace("</body>", FOOTER_DISCLAIMER + "</body>"))
    assert not any("medical advice" in cue or "consult your doctor" in cue for cue in in_footer.offer_cues)
    in_text = analyse_page(SELLER.replace("</article>", "<p>This page is not medical advice.</p></article>"))
    assert "-is not medical advice" in in_text.offer_cues


def test_a_copyright_box_in_plain_divs_is_the_footer():
    footer = ('<div class="row-9"><div class="c1"><p>Nothing on this site is medical advice. Call 555 0100.</p></div>'
              '<div class="c2"><p>\u00a9 2026 Elmwood Joint Centre. All rights reserved.</p></div></div>')
    page = html_to_text(SELLER.replace("</body>", footer + "</body>"))
    assert page.text.index("Nothing on this site") >= page.nav_start
    assert page.text.index("Dr. Ines Varga") < page.nav_start


def test_a_copyright_sign_inside_running_text_moves_nothing():
    long_paragraph = "<p>" + "Our protocol\u00a9 uses your own marrow and " * 60 + "it takes an hour.</p>"
    page = html_to_text(SELLER.replace("</article>", long_paragraph + "</article>"))
    assert page.nav_start == len(page.text)


@pytest.mark.parametrize("box", [
    '<div id="comments" class="comments-area"><p>My aunt has lupus, could this help her?</p></div>',
    '<div class="more-posts"><h3>You may also like</h3><ul><li>Exosomes for lupus</li><li>Knee myths</li></ul></div>',
    '<section id="recent-posts-4" class="widget widget_recent_entries"><h2>Recent Posts</h2><ul><li>Lupus and cells'
    '</li></ul></section>',
    '<div class="signup-box"><p>Get our lupus news in your inbox.</p><form><input type="email"><button>Join'
    '</button></form></div>',
])
def test_boxes_of_other_voices_and_other_pages_are_not_read(box):
    page = html_to_text(SELLER.replace("</body>", box + "</body>"))
    assert "lupus" not in page.text.lower()
    assert "Dr. Ines Varga" in page.text


def test_a_cookie_notice_asking_to_agree_is_dropped():
    notice = '<div class="bar"><p>We use cookies. By continuing you agree to their use. <button>OK</button></p></div>'
    page = html_to_text(SELLER.replace("<body>", "<body>" + notice))
    assert "cookies" not in page.text


def test_the_claim_model_reads_positions_within_the_pages_own_text():
    """A first mention's position is a share of the page's own text, not of its text with the menus."""
    plain = analyse_page(SELLER)
    menus = "<footer><ul>" + "".join(f"<li>Link number {i}</li>" for i in range(80)) + "</ul></footer>"
    with_menus = analyse_page(SELLER.replace("</body>", menus + "</body>"))
    assert with_menus.main_length < len(with_menus.text)

    def positions(analysis):
        features = candidate_features(analysis.claims, len(analysis.title), analysis.main_length, analysis.title)
        return {key: round(values["first_position"], 6) for key, values in features.items()}
    assert positions(with_menus) == positions(plain)


def test_a_quoted_question_is_asked_not_claimed():
    html = ("<html><body><p>It comes up in the gym every week: \"My cousin got stem cells for his shoulder - "
            "should I?\" We are physiotherapists and do not give injections.</p></body></html>")
    claims = [c for c in analyse_page(html).claims if c.kind == "product_type"]
    assert claims and all(c.context != "asserted" for c in claims)


def test_a_breadcrumb_trail_and_a_skip_link_are_not_the_pages_text():
    """A trail of three crumbs ("Home » Blog » Health Topics") has six "words" and passed for running text."""
    chrome = ('<a class="skip-link screen-reader-text" href="#main">Skip to content</a>'
              '<div class="crumbs"><a href="/">Home</a> \u00bb <a href="/blog/">Blog</a> \u00bb <a href="/t/">Joint Health</a></div>')
    page = html_to_text(SELLER.replace("<body>", "<body>" + chrome))
    assert "Skip to content" not in page.text
    assert page.text.index("Joint Health") >= page.nav_start


def test_a_bare_dropdown_menu_is_navigation():
    menu = '<div class="top"><ul class="dropdown"><li>Home</li><li>Hip Pain</li><li>Lupus</li></ul></div>'
    page = html_to_text(SELLER.replace("<body>", "<body>" + menu))
    assert page.text.index("Lupus") >= page.nav_start


def test_a_copyright_line_in_title_case_without_the_sign_is_a_footer_too():
    """ "Copyright 2026 ... All Rights Reserved." with no "\u00a9": the look for the line is blind to case."""
    footer = ('<div class="row-9"><p>Nothing on this site is medical advice.</p>'
              '<p>Copyright 2026 Elmwood Joint Centre. All Rights Reserved.</p></div>')
    page = html_to_text(SELLER.replace("</body>", footer + "</body>"))
    assert page.text.index("Nothing on this site") >= page.nav_start


def test_the_main_end_is_the_end_of_the_pages_own_text():
    plain = html_to_text(SELLER)
    assert plain.main_end == len(plain.text)
    with_menu = html_to_text(SELLER.replace("<body>", '<body><nav><ul><li>Home</li><li>Contact</li></ul></nav>'))
    assert with_menu.text[:with_menu.main_end] == plain.text
    only_menu = html_to_text('<html><body><nav><ul><li>Home</li><li>Contact</li></ul></nav></body></html>')
    assert only_menu.main_end == 0
