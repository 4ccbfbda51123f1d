"""Real clinic HTML is messy: the same text wrapped in line breaks, icons, pictures, page-builder
shortcodes, emoji, capitals and marketing punctuation must read as the clean page does.

Every page here is our own wording. Each category checks the text the pipeline reads and the
page's reading (seller, conditions, product types, red flags), clean against messy.
"""

from __future__ import annotations


from clinicscan.nlp.analyse import analyse_page
from clinicscan.nlp.html_text import html_to_text


def _page(body: str, title: str = "Harbourline Regenerative Clinic") -> str:
    return f"<html><head><title>{title}</title></head><body><main>{body}</main></body></html>"


def _reading(html: str) -> tuple:
    a = analyse_page(html)
    return a.offers_treatment, sorted(a.conditions), sorted(a.product_types), sorted(a.red_flags)


def _lines(html: str) -> list[str]:
    return html_to_text(html).text.split("\n\n")


CLEAN = _page(
    "<h1>Cell therapy for worn knees</h1>"
    "<p>At Harbourline our physicians treat knee osteoarthritis with injections of umbilical cord "
    "mesenchymal stem cells, prepared in our own laboratory the same morning.</p>"
    "<p>Most of our patients avoid knee replacement surgery altogether. Book your consultation today.</p>"
    "<p>We do not offer exosome injections or any treatment for multiple sclerosis.</p>"
    "<ul><li>Knee osteoarthritis</li><li>Meniscus tears</li><li>Patellar tendon injuries</li></ul>")


# -- a <br> that wraps a sentence over lines does not end it -------------------------------------

BR_WRAPPED = _page(
    "<h1>Cell therapy for worn knees</h1>"
    "<p>At Harbourline our physicians treat<br>\nknee osteoarthritis with injections of umbilical<br/>cord "
    "mesenchymal stem cells, prepared in our own<br />\nlaboratory the same morning.</p>"
    "<p>Most of our patients avoid knee replacement<br>surgery altogether.<br>Book your consultation today.</p>"
    "<p>We do not offer<br>exosome injections or any treatment for<br>multiple sclerosis.</p>"
    "<ul><li>Knee osteoarthritis</li><li>Meniscus tears</li><li>Patellar tendon injuries</li></ul>")


def test_a_br_inside_a_sentence_does_not_cut_it():
    lines = _lines(BR_WRAPPED)
    assert ("At Harbourline our physicians treat knee osteoarthritis with injections of umbilical cord mesenchymal "
            "stem cells, prepared in our own laboratory the same morning.") in lines
    assert "Most of our patients avoid knee replacement surgery altogether." in lines


def test_a_sentence_wrapped_before_a_capital_is_read_whole():
    lines = _lines(_page("<p>Our clinic holds a licence from the Harbourline Islands<br>Medical Practice Board.</p>"
                         "<p>Our sports doctors treat<br>ACL sprains with cord tissue injections.</p>"))
    assert lines[1:] == ["Our clinic holds a licence from the Harbourline Islands Medical Practice Board.",
                         "Our sports doctors treat ACL sprains with cord tissue injections."]


def test_a_sentence_wrapped_over_several_lines_is_read_whole():
    lines = _lines(_page("<p>For a torn rotator cuff we use a guided<br>Cord Tissue Injection with an Ultrasound<br>"
                         "Probe, a method that has been shown to repair<br>the tendon.<br>Two visits are needed.</p>"))
    assert lines[1:] == ["For a torn rotator cuff we use a guided Cord Tissue Injection with an Ultrasound Probe, a "
                         "method that has been shown to repair the tendon.", "Two visits are needed."]


def test_a_name_or_a_parenthesis_wrapped_inside_a_sentence_is_read_whole():
    lines = _lines(_page("<p>Use Both Fat and Bone<br>Marrow Cells with plasma.</p>"
                         "<p>Dr. Ilse Varro, Surgeon and Sports Physician at Harbourline<br>Bay Clinic, treats runners.</p>"
                         "<p>Donor tissue (under<br>3 days old).</p>"))
    assert lines[1:] == ["Use Both Fat and Bone Marrow Cells with plasma.",
                         "Dr. Ilse Varro, Surgeon and Sports Physician at Harbourline Bay Clinic, treats runners.",
                         "Donor tissue (under 3 days old)."]


def test_a_br_inside_a_heading_wraps_it():
    lines = _lines(_page("<h2>Regenerative Treatment<br>With Your Own Cells</h2><h3><span>Knee Pain<br>"
                         "And Hip Pain</span></h3><p>Text.</p>"))
    assert lines[1:3] == ["Regenerative Treatment With Your Own Cells", "Knee Pain And Hip Pain"]


def test_a_br_between_list_like_and_heading_like_lines_still_separates_them():
    lines = _lines(_page("<p>Knee Pain<br>Hip Pain<br>Back Pain</p>"
                         "<p>14 Quay Street, Suite 3<br>Harbourline Bay<br>Open Monday to Friday</p>"
                         "<p>Same-day procedure with no hospital stay<br>No general anaesthetic<br>Home by lunchtime</p>"
                         "<p>Your own cells.<br>Our own laboratory.</p>"))
    assert lines[1:] == ["Knee Pain", "Hip Pain", "Back Pain", "14 Quay Street, Suite 3", "Harbourline Bay",
                         "Open Monday to Friday", "Same-day procedure with no hospital stay", "No general anaesthetic",
                         "Home by lunchtime", "Your own cells.", "Our own laboratory."]


def test_a_br_before_a_bullet_glyph_or_after_a_lead_in_separates():
    lines = _lines(_page("<p>Conditions we see:<br>- Knee pain<br>- Hip pain</p>"))
    # (and the typed dashes after the lead-in make list items, as a <ul> would: tests/test_nlp_html_text_markup.py)
    assert lines[1:] == ["Conditions we see:", "• Knee pain", "• Hip pain"]


# -- a <br> inside a term of the lexicon wraps it ---------------------------------------------------

def test_a_br_inside_a_lexicon_term_joins_its_two_halves():
    lines = _lines(_page("<p>Mesenchymal Stromal<br>Cells (MSCs) from your own fat</p>"
                         "<p>Bone Marrow Aspirate<br>Concentrate, prepared at the bedside</p>"
                         "<p>Multiple<br>Sclerosis Programme</p>"
                         "<table><tr><td>Spinal<br>Cord Injury<br>Clinic</td></tr></table>"))
    assert lines[1:] == ["Mesenchymal Stromal Cells (MSCs) from your own fat",
                         "Bone Marrow Aspirate Concentrate, prepared at the bedside",
                         "Multiple Sclerosis Programme", "Spinal Cord Injury", "Clinic"]


def test_a_br_between_whole_terms_or_after_a_sentence_still_separates():
    lines = _lines(_page("<p>Knee Osteoarthritis<br>Rotator Cuff Tears<br>Multiple Sclerosis</p>"
                         "<p>Bone Marrow<br>Stem Cells<br>Exosomes</p>"
                         "<p>Ask about our trial in multiple.<br>Sclerosis nurses answer the phone.</p>"
                         "<p>Injections into the spinal:<br>Cord Injury</p>"))
    assert lines[1:] == ["Knee Osteoarthritis", "Rotator Cuff Tears", "Multiple Sclerosis",
                         "Bone Marrow", "Stem Cells", "Exosomes",
                         "Ask about our trial in multiple.", "Sclerosis nurses answer the phone.",
                         "Injections into the spinal:", "Cord Injury"]


def test_a_term_wrapped_over_a_br_reads_as_the_clean_page():
    def page(br: str) -> str:
        return _page("<h1>Cell therapy at Harbourline</h1>"
                     "<p>Our physicians treat the following conditions with injections of your own cells.</p>"
                     f"<ul><li>Multiple{br}Sclerosis</li><li>Spinal{br}Cord Injury</li></ul>"
                     f"<h2>Bone Marrow{br}Concentrate (BMC)</h2><p>Drawn from your hip and given the same day.</p>")

    assert _reading(page("<br>")) == _reading(page(" "))


def test_wrapped_sentences_read_as_the_clean_page():
    assert _reading(BR_WRAPPED) == _reading(CLEAN)


# -- an <img> or an icon font between words is not a break ----------------------------------------

def test_an_inline_picture_between_words_is_not_a_break():
    html = _page('<p>At Harbourline our physicians treat <img src="/img/knee.png" alt=""> knee osteoarthritis with '
                 'injections of umbilical cord <img src="spacer.gif" width="1"> mesenchymal stem cells.</p>'
                 '<p>At Harbour <img src="/i/logo.png"> Line Clinic we see you the same week.</p>')
    assert _lines(html)[1:] == ["At Harbourline our physicians treat knee osteoarthritis with injections of "
                                "umbilical cord mesenchymal stem cells.",
                                "At Harbour Line Clinic we see you the same week."]


def test_an_icon_font_element_between_words_or_before_an_item_is_dropped():
    html = _page('<p>At Harbourline our physicians <i class="fa fa-star"></i> treat knee osteoarthritis with '
                 'injections of <span class="icon icon-check"></span> umbilical cord mesenchymal stem cells, prepared '
                 'in our own laboratory the same morning.</p>'
                 '<ul><li><i class="fa fa-check"></i> Knee osteoarthritis</li><li><span class="dashicons"></span>'
                 ' Meniscus tears</li></ul>')
    assert _lines(html)[1:] == ["At Harbourline our physicians treat knee osteoarthritis with injections of umbilical "
                                "cord mesenchymal stem cells, prepared in our own laboratory the same morning.",
                                "• Knee osteoarthritis", "• Meniscus tears"]


def test_pictures_and_icons_read_as_the_clean_page():
    messy = CLEAN.replace("treat knee", 'treat <img src="/i/k.png" alt=""> knee').replace(
        "<li>", '<li><i class="fas fa-check-circle"></i> ').replace("Most of our", 'Most <span class="icon"></span> of our').replace(
        "not offer exosome", 'not offer <img src="/i/x.png"> exosome')
    assert _reading(messy) == _reading(CLEAN)


# -- page-builder shortcodes are not text ----------------------------------------------------------

SHORTCODED = _page(
    "<h1>Cell therapy for worn knees</h1>"
    '<p>[vc_row][vc_column width="1/2"][vc_column_text]At Harbourline our physicians treat knee osteoarthritis '
    "with injections of umbilical cord mesenchymal stem cells, prepared in our own laboratory the same "
    "morning.[/vc_column_text]</p>"
    "<p>Most of our patients avoid knee replacement surgery altogether.[/vc_column][et_pb_text admin_label=\"Text\" "
    '_builder_version="4.9"]Book your consultation today.[/et_pb_text]</p>'
    "<p>[fusion_text]We do not offer exosome injections or any treatment for multiple sclerosis.[/fusion_text][/vc_row]</p>"
    "<ul><li>[vc_icon]Knee osteoarthritis[/vc_icon]</li><li>[vc_icon]Meniscus tears[/vc_icon]</li>"
    "<li>[vc_icon]Patellar tendon injuries[/vc_icon]</li></ul>")


def test_shortcodes_are_removed_from_the_text():
    lines = _lines(SHORTCODED)
    assert ("At Harbourline our physicians treat knee osteoarthritis with injections of umbilical cord mesenchymal "
            "stem cells, prepared in our own laboratory the same morning.") in lines
    assert "Most of our patients avoid knee replacement surgery altogether. Book your consultation today." in lines
    assert "We do not offer exosome injections or any treatment for multiple sclerosis." in lines


def test_bracketed_text_that_is_not_a_shortcode_stays():
    lines = _lines(_page("<p>Cord cells were tried in a small trial [3] and the authors [sic] call it a cure "
                         "[emphasis added].</p><p>[button]Book now[/button] [gallery ids=\"4,5\"]</p>"))
    assert lines[1:] == ["Cord cells were tried in a small trial [3] and the authors [sic] call it a cure "
                         "[emphasis added].", "Book now"]


def test_shortcoded_page_reads_as_the_clean_page():
    assert _reading(SHORTCODED) == _reading(CLEAN)


# -- contractions in capitals are split as lower-case ones -----------------------------------------

def test_a_contraction_in_capitals_is_split_like_a_lower_case_one():
    from clinicscan.nlp.pipeline import shared_pipeline

    doc = shared_pipeline().make_doc("WE DON'T SELL CELLS. WE'RE A CLINIC THAT CAN'T WAIT.")
    assert [t.lower_ for t in doc][:4] == ["we", "do", "n't", "sell"]
    assert [t.text for t in doc][6:8] == ["WE", "'RE"]
    assert [t.norm_ for t in doc][11:13] == ["can", "not"]


def test_a_denial_in_capitals_reads_as_in_lower_case():
    clean = CLEAN.replace("</ul>", "</ul><p>We don't treat autism, and we won't inject cells into the spine.</p>")
    shouting = CLEAN.replace("</ul>", "</ul><p>WE DON'T TREAT AUTISM, AND WE WON'T INJECT CELLS INTO THE SPINE.</p>")
    assert "autism" not in _reading(clean)[1]
    assert _reading(shouting) == _reading(clean)


# -- emoji and symbol glyphs are decoration, not words ---------------------------------------------

GLYPHED = _page(
    "<h1>Cell therapy for worn knees ⭐</h1>"
    "<p>At Harbourline our physicians ✔ treat knee osteoarthritis with injections of umbilical cord 👉 "
    "mesenchymal stem cells, prepared in our own laboratory the same morning. ✅</p>"
    "<p>Most of our patients avoid knee replacement surgery altogether. Book your consultation today! 💪</p>"
    "<p>We do not offer ★ exosome injections or any treatment for multiple sclerosis.</p>"
    "<ul><li>✓ Knee osteoarthritis</li><li>➤ Meniscus tears</li><li>▶️ Patellar tendon injuries</li></ul>")


def test_glyphs_before_items_and_inside_sentences_are_dropped():
    lines = _lines(GLYPHED)
    assert ("At Harbourline our physicians treat knee osteoarthritis with injections of umbilical cord mesenchymal "
            "stem cells, prepared in our own laboratory the same morning.") in lines
    assert "We do not offer exosome injections or any treatment for multiple sclerosis." in lines
    assert lines[-3:] == ["• Knee osteoarthritis", "• Meniscus tears", "• Patellar tendon injuries"]


def test_a_glyph_before_a_line_of_plain_text_is_a_bullet():
    from clinicscan.nlp.html_text import plain_to_text

    assert plain_to_text("Conditions we treat\n✓ Knee pain\n👉 Hip pain\n1.5 ml of cells\n").text.split("\n\n") == [
        "Conditions we treat", "• Knee pain", "• Hip pain", "1.5 ml of cells"]


def test_a_glyph_inside_a_claim_does_not_hide_it():
    clean = CLEAN.replace("</ul>", "</ul><p>We also treat hair loss with the same cells.</p>")
    decorated = CLEAN.replace("</ul>", "</ul><p>We also treat hair \u2728 loss with the same cells.</p>")
    assert "hair_loss" in _reading(clean)[1]
    assert _reading(decorated) == _reading(clean)


def test_glyphed_page_reads_as_the_clean_page():
    assert _reading(GLYPHED) == _reading(CLEAN)


# -- marketing punctuation ends sentences as plain punctuation does --------------------------------

def test_marketing_punctuation_is_one_mark():
    lines = _lines(_page("<p>Tired of knee pain?! Our cord cells work!!! Really?? Ask us!?</p>"))
    assert lines[1] == "Tired of knee pain? Our cord cells work! Really? Ask us?"


def test_an_ellipsis_before_a_capital_ends_a_sentence():
    from clinicscan.nlp.pipeline import shared_pipeline

    doc = shared_pipeline()("Results in weeks... Our team calls you back\u2026 We treat knees ... and hips.")
    assert [s.text for s in doc.sents] == ["Results in weeks...", "Our team calls you back\u2026",
                                           "We treat knees ... and hips."]


def test_a_question_with_marketing_punctuation_reads_as_a_question():
    clean = CLEAN.replace("</ul>", "</ul><h3>Can cord cells help my multiple sclerosis?</h3>"
                          "<p>No. We do not treat it.</p>")
    loud = CLEAN.replace("</ul>", "</ul><h3>Can cord cells help my multiple sclerosis?!</h3>"
                         "<p>No. We do not treat it.</p>")
    assert _reading(loud) == _reading(clean)


def test_an_ellipsis_does_not_carry_a_denial_into_the_next_sentence():
    clean = CLEAN.replace("</ul>", "</ul><p>We never promise a cure. Your knee pain can be gone for good.</p>")
    trailing = CLEAN.replace("</ul>", "</ul><p>We never promise a cure\u2026 Your knee pain can be gone for good.</p>")
    assert _reading(trailing) == _reading(clean)
