"""Red flags in the markup of service and FAQ pages: collapsed answers (session 24, issue 8).

The blind batch held17 (data/devset/red_flag_paraphrases.jsonl) set claims in the markup that
service and FAQ pages use. An FAQ accordion, a toggle or a tab ships its answer hidden (the
``hidden`` attribute, ``aria-hidden``, an inline ``display: none``) until the question is clicked;
a reader and a human coder read it, but the page text dropped every hidden element, so "Is the
treatment safe?" over a hidden "Yes, it is completely safe." was never found. A panel is kept when
its class or id names one (accordion, collapse, toggle, faq, answer, tab pane), its role is a panel's
or a control's ``aria-controls`` points at it (nlp/html_text.py ``_drop_hidden``). Other hidden text
stays out: a modal, an inactive slide, a hidden copy, a cookie banner. The manual's exclusions
inside an accordion stay unflagged. All wording is our own.
"""

import pytest

from clinicscan.nlp.analyse import analyse_page
from clinicscan.nlp.html_text import html_to_text

OPENING = ("<h1>Brightwater Joint Clinic</h1><p>We provide bone marrow and umbilical cord stem cell injections at "
           "our clinic in Scottsdale. Book your visit online.</p>")


def flags(html: str) -> set[str]:
    page = analyse_page(OPENING + html)
    assert page.offers_treatment, "the opening should make the probe page a seller"
    return set(page.red_flags)


def accordion(question: str, answer: str, how: str = "hidden", cls: str = "faq-answer") -> str:
    return (f'<h2>Common questions</h2><div class="faq"><button class="faq-q" aria-expanded="false">{question}</button>'
            f'<div class="{cls}" {how}><p>{answer}</p></div></div>')


COLLAPSED_CLAIMS = [
    (accordion("Is the treatment safe?", "Yes, it is completely safe."), "safety_claim"),
    (accordion("Are there any side effects?", "There are no side effects at all.", 'aria-hidden="true"'),
     "safety_claim"),
    (accordion("How long does the benefit last?", "For good: the cartilage grows back for good.",
               'style="display:none"', "accordion-body"), "cure_claim"),
    # a theme's toggle module, its content hidden inline
    ('<div class="et_pb_toggle"><h5 class="et_pb_toggle_title">Will I still need a knee replacement?</h5>'
     '<div class="et_pb_toggle_content" style="display: none;">Most of our patients never need one; the injections '
     'let you avoid knee replacement.</div></div>', "avoid_surgery_claim"),
    # a tab pane named only by its role
    ('<div role="tablist"><button role="tab">Results</button></div><div role="tabpanel" hidden>'
     '<p>Nine out of ten patients report less pain after one session.</p></div>', "success_rate_claim"),
    # a neutral class, but the question's button controls it
    ('<button aria-controls="ans-7" aria-expanded="false">Is it approved?</button><div id="ans-7" class="reveal-box" '
     'hidden><p>Our laboratory is registered with the FDA.</p></div>', "fda_claim"),
]


@pytest.mark.parametrize("html,flag", COLLAPSED_CLAIMS)
def test_a_collapsed_answer_is_read(html, flag):
    assert flag in flags(html)


NOT_CLAIMS = [
    # the manual's exclusions, collapsed: a hedge, a denial, a report, a mild answer
    (accordion("Are there side effects?", "Most people have mild soreness for a day or two."), "safety_claim"),
    (accordion("Is it guaranteed to work?", "No. Results vary, and no one can promise them."), "success_rate_claim"),
    (accordion("Is it FDA approved?", "No. These injections are not FDA approved."), "fda_claim"),
    (accordion("Can it help me avoid surgery?", "It may help some patients put off surgery."), "avoid_surgery_claim"),
    # hidden text that is no panel: a modal, an inactive slide, a screen-reader copy
    ('<div class="modal" style="display:none"><p>Zero side effects, guaranteed.</p></div>', "safety_claim"),
    ('<div class="slide" aria-hidden="true"><p>Our injections regrow cartilage.</p></div>', "cure_claim"),
    ('<span class="visually-hidden-copy" hidden>Avoid knee replacement surgery.</span>', "avoid_surgery_claim"),
]


@pytest.mark.parametrize("html,flag", NOT_CLAIMS)
def test_hidden_text_that_is_no_answer_and_hedged_answers_are_not_flags(html, flag):
    assert flag not in flags(html)


def test_page_text_keeps_a_collapsed_answer_but_not_a_modal_or_a_cookie_banner():
    page = html_to_text(
        "<body><h1>Questions</h1><div class='accordion-item'><h3>Does it hurt?</h3>"
        "<div class='accordion-collapse collapse' hidden><p>Only a little soreness.</p></div></div>"
        "<div class='modal' hidden><p>Sign up for our newsletter.</p></div>"
        "<div class='cookie-panel collapse' hidden>We use cookies. Accept</div></body>")
    assert "Only a little soreness." in page.text
    assert "newsletter" not in page.text
    assert "cookies" not in page.text


def test_a_collapsed_menu_is_still_navigation():
    page = html_to_text("<body><h1>Knee care</h1><p>We treat knee pain.</p>"
                        "<div class='navbar-collapse collapse' hidden><a href='/'>Avoid surgery</a></div></body>")
    assert page.section_at(page.text.index("Avoid surgery")) == "nav"


# -- boxes named like navigation that hold the page's own text (nlp/html_text.py ``_prose_boxes``) --

BOX_CLAIMS = [
    # a call-out in the running text
    ('<p>Each plan starts with an exam.</p><aside class="callout"><p>We are licensed by the Panamanian Ministry of '
     'Health.</p></aside><p>Call us today.</p>', "fda_claim"),
    ('<aside class="pull-quote"><p>Our injections let you put off hip replacement for years.</p></aside>',
     "avoid_surgery_claim"),
    # a statistics strip named "social proof"
    ('<section class="social-proof"><div class="stat">2,400+ patients</div><div class="stat">94% of patients report '
     'less pain after one visit</div></section>', "success_rate_claim"),
    # a section's own header is no site banner (HTML-AAM)
    ('<section class="benefits"><header><h2>Zero side effects, zero downtime</h2></header><p>Most visits take under '
     'two hours.</p></section>', "safety_claim"),
]


@pytest.mark.parametrize("html,flag", BOX_CLAIMS)
def test_a_box_of_the_pages_own_text_is_read(html, flag):
    assert flag in flags(html)


BOX_NOT_CLAIMS = [
    # named as site chrome: a sidebar, a widget area, a footer
    ('<aside class="sidebar"><p>Our injections regrow cartilage in every patient we see.</p></aside>', "cure_claim"),
    ('<div class="widget-area"><aside><p>Our FDA-approved cells are the best you can buy.</p></aside></div>',
     "fda_claim"),
    # a list of other pages' titles, linked or not
    ('<aside><h3>Related reading</h3><ul><li>How one runner avoided knee surgery with our help</li></ul></aside>',
     "avoid_surgery_claim"),
    ('<div class="related-posts"><p><a href="/a">Stem cells that regrow cartilage: the full story of our '
     'patients</a></p></div>', "cure_claim"),
    # someone else's box: an advert
    ('<aside class="ad-slot"><p>Skip knee replacement surgery with the new Fluxa gel pads.</p></aside>',
     "avoid_surgery_claim"),
    # share buttons
    ('<div class="social-share"><a href="#">Share: no side effects, no surgery, no downtime</a></div>',
     "safety_claim"),
]


@pytest.mark.parametrize("html,flag", BOX_NOT_CLAIMS)
def test_sidebars_lists_adverts_and_share_strips_stay_navigation(html, flag):
    assert flag not in flags(html)


def test_a_site_header_stays_navigation():
    page = html_to_text("<body><header class='site'><a href='/'>Home</a> Regrow cartilage today</header>"
                        "<h1>Knee care</h1><p>We treat knee pain with our own protocol.</p></body>")
    assert page.section_at(page.text.index("Regrow cartilage")) == "nav"


# -- a label and its value read as one fragment (nlp/html_text.py ``_join_labels``) --

def row(label: str, value: str) -> str:
    return f"<table><tr><th>Session length</th><td>About two hours</td></tr><tr><th>{label}</th><td>{value}</td></tr></table>"


def term(label: str, value: str) -> str:
    return f"<dl><dt>Session length</dt><dd>About two hours</dd><dt>{label}</dt><dd>{value}</dd></dl>"


LABEL_CLAIMS = [
    (row("Side effects", "None whatsoever"), "safety_claim"),
    (term("Risks", "None"), "safety_claim"),
    (row("Surgery needed", "No"), "avoid_surgery_claim"),
    (term("Need for knee replacement", "Eliminated"), "avoid_surgery_claim"),
    (row("Patients improved", "8 of 10"), "success_rate_claim"),
    (term("Improvement", "9 out of 10"), "success_rate_claim"),
]


@pytest.mark.parametrize("html,flag", LABEL_CLAIMS)
def test_a_label_and_its_value_are_one_fragment(html, flag):
    assert flag in flags(html)


LABEL_NOT_CLAIMS = [
    (row("Surgery", "No"), "avoid_surgery_claim"),  # a descriptor: non-surgical
    (row("FDA status", "Not approved"), "fda_claim"),
    (term("Side effects", "Mild soreness for a day or two"), "safety_claim"),
    (term("Is it guaranteed?", "No."), "success_rate_claim"),
    (row("Patients treated", "8 of 10 from out of state"), "success_rate_claim"),
]


@pytest.mark.parametrize("html,flag", LABEL_NOT_CLAIMS)
def test_labels_that_deny_describe_or_ask_are_not_flags(html, flag):
    assert flag not in flags(html)


def test_a_row_of_more_cells_and_a_question_label_stay_apart():
    page = html_to_text("<body><h1>x</h1><table><tr><th>A</th><td>b</td><td>c</td></tr></table>"
                        "<dl><dt>Is it safe?</dt><dd>Yes.</dd></dl></body>")
    assert page.text.split("\n\n")[1:] == ["A", "b", "c", "Is it safe?", "Yes."]


# -- wording families the blind batch missed (data/lexicon/red_flags.jsonl) --

WORDING_CLAIMS = [
    ("<ul><li>Your cartilage, rebuilt</li></ul>", "cure_claim"),
    ("<h2>Their knees, renewed</h2>", "cure_claim"),
    ("<p>The infusion restores lung tissue scarred by years of COPD.</p>", "cure_claim"),
    ("<p>Our cells repair nerves damaged by diabetes.</p>", "cure_claim"),
    ("<p>Say goodbye to the operating table.</p>", "avoid_surgery_claim"),
    ("<p>Bid farewell to spinal fusion.</p>", "avoid_surgery_claim"),
]


@pytest.mark.parametrize("html,flag", WORDING_CLAIMS)
def test_wording_families(html, flag):
    assert flag in flags(html)


WORDING_NOT_CLAIMS = [
    ("<p>The cartilage, repaired by a surgeon, may wear again.</p>", "cure_claim"),
    ("<p>No injection can restore tissue destroyed by decades of arthritis.</p>", "cure_claim"),
    ("<p>Nerves damaged by diabetes heal slowly, if at all.</p>", "cure_claim"),
    ("<p>Some patients may one day say goodbye to surgery, but we cannot promise it.</p>", "avoid_surgery_claim"),
]


@pytest.mark.parametrize("html,flag", WORDING_NOT_CLAIMS)
def test_wording_near_misses(html, flag):
    assert flag not in flags(html)
