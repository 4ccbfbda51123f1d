"""Rewrite a page's HTML in the mess of real clinic sites without changing what it says.

A page's reading (seller, conditions, product types, red flags) should not move when the same
text is wrapped in the junk real sites carry: a sentence wrapped over lines with ``<br>``,
page-builder shortcodes left in the text, emoji and icon glyphs before list items and inside
sentences, an ``<img>`` between words, Title Case headings, contractions in capitals,
marketing punctuation, and tables used for layout. Each kind of mess is one seeded function of
the HTML, so a reading that changes can be traced to one kind (bench/messy.py counts them).

Only text outside ``<head>``, scripts, styles, buttons and form fields is touched, and never
inside a word: every change is one a reader would not notice as a change of meaning.

    .venv/bin/python bench/messify.py PAGE.html --kinds br,emoji --seed 3 > messy.html
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

__all__ = ["KINDS", "messify"]

_TAG_OR_TEXT = re.compile(r"(<!--.*?-->|<[^>]*>)", re.S)
_TAG_NAME = re.compile(r"<\s*(/?)\s*([a-zA-Z][a-zA-Z0-9]*)")
#: text inside these is not page text (or not text a reader sees as prose)
_SKIP = {"head", "title", "script", "style", "noscript", "textarea", "option", "select", "button", "svg", "template"}
_VOID = {"br", "img", "hr", "meta", "link", "input", "source", "wbr", "col", "area", "base", "embed", "param",
         "track"}
_WORD_GAP = re.compile(r"(?<=[A-Za-z0-9'%)]) (?=[A-Za-z0-9(])")
_SENTENCE_GAP = re.compile(r"(?<=[a-z0-9%)]{2}[.!?]) (?=[A-Z])")  # not after a list number ("2. Does")
_FULL_STOP = re.compile(r"(?<=[a-z]{3})\.(?=\s+[A-Z]|\s*$)")
_CONTRACTION = re.compile(r"\b(?:[A-Za-z]+n't|[Ww]e're|[Yy]ou're|[Tt]hey're|[Ww]e've|[Yy]ou've|[Ii]t's|"
                          r"[Tt]hat's|[Ww]e'll|[Yy]ou'll|I'm|[Ll]et's)\b")
_SMALL_WORDS = {"a", "an", "and", "or", "of", "the", "to", "in", "for", "on", "at", "by", "with"}

_SHORTCODES_OPEN = ['[vc_row]', '[vc_column width="1/2"]', '[vc_column_text]', '[et_pb_section fb_built="1"]',
                    '[et_pb_text admin_label="Text" _builder_version="4.9"]', '[fusion_text]',
                    '[av_textblock size="" font_color=""]', '[elementor-template id="2841"]']
_SHORTCODES_CLOSE = ['[/vc_column_text]', '[/vc_column]', '[/vc_row]', '[/et_pb_text]', '[/et_pb_section]',
                     '[/fusion_text]', '[/av_textblock]']
_GLYPHS = ["✓", "✔", "★", "➤", "👉", "✅", "⭐", "🔹", "💪", "▶"]
_ICONS = ['<i class="fa fa-check"></i>', '<i class="fas fa-check-circle" aria-hidden="true"></i>',
          '<span class="icon icon-star"></span>', '<i class="bi bi-arrow-right"></i>',
          '<span class="dashicons dashicons-yes"></span>']


def _segments(html: str) -> list[list]:
    """[text, in_prose, last_open_tag] for every piece of the HTML (tags have in_prose False)."""
    out: list[list] = []
    skip_depth: list[str] = []
    last_open = ""
    for piece in _TAG_OR_TEXT.split(html):
        if not piece:
            continue
        if piece.startswith("<"):
            m = _TAG_NAME.match(piece)
            if m and not piece.startswith("<!"):
                closing, name = m.group(1) == "/", m.group(2).lower()
                if name in _SKIP:
                    if closing and skip_depth:
                        skip_depth.pop()
                    elif not closing and not piece.rstrip().endswith("/>"):
                        skip_depth.append(name)
                elif not closing and name not in _VOID:
                    last_open = name
                elif closing:
                    last_open = "/" + name
            out.append([piece, False, ""])
        else:
            out.append([piece, not skip_depth and bool(piece.strip()), last_open])
    return out


def _join(segments: list[list]) -> str:
    return "".join(s[0] for s in segments)


def _prose(segments: list[list], words: int = 1) -> list[list]:
    return [s for s in segments if s[1] and len(s[0].split()) >= words]


def _pick(rng: random.Random, items: Sequence, share: float) -> list:
    return [item for item in items if rng.random() < share]


def _inside_sentences(text: str) -> list[int]:
    """Offsets of spaces between two words of one sentence, at least two words from its ends."""
    gaps = [m.start() for m in _WORD_GAP.finditer(text)]
    out = []
    for at in gaps:
        before, after = text[:at].split(), text[at + 1:].split()
        if len(before) < 2 or len(after) < 2:
            continue
        if re.search(r"[.!?:;]\W*$", before[-2]) or re.search(r"[.!?:;]\W*$", before[-1]) \
                or re.search(r"[.!?:;]\W*$", after[0]):
            continue
        out.append(at)
    return out


def _replace_at(text: str, offsets: Sequence[int], make: Callable[[], str], width: int = 1) -> str:
    for at in sorted(offsets, reverse=True):
        text = text[:at] + make() + text[at + width:]
    return text


def mess_br(html: str, rng: random.Random) -> str:
    """A sentence wrapped over lines (``<br>`` between its words), a ``<br>`` between sentences
    and one at the end of a paragraph."""
    segments = _segments(html)
    for seg in _prose(segments, words=8):
        text = seg[0]
        gaps = _inside_sentences(text)
        chosen = rng.sample(gaps, min(len(gaps), 1 + len(gaps) // 12)) if gaps else []
        text = _replace_at(text, chosen, lambda: rng.choice(["<br>\n", "<br/>", "<br />\n"]))
        text = _SENTENCE_GAP.sub(lambda m: "<br>\n" if rng.random() < 0.3 else " ", text)
        if rng.random() < 0.3:
            text = text.rstrip() + "<br>"
        seg[0] = text
    return _join(segments)


def mess_shortcode(html: str, rng: random.Random) -> str:
    """Page-builder shortcodes left in the text: around a paragraph's text and between its sentences."""
    segments = _segments(html)
    for seg in _pick(rng, _prose(segments, words=4), 0.5):
        text = seg[0]
        lead = len(text) - len(text.lstrip())
        text = text[:lead] + "".join(rng.sample(_SHORTCODES_OPEN, rng.randint(1, 3))) + text[lead:]
        text = _SENTENCE_GAP.sub(lambda m: " " + rng.choice(_SHORTCODES_CLOSE + _SHORTCODES_OPEN)
                                 if rng.random() < 0.3 else " ", text)
        seg[0] = text.rstrip() + "".join(rng.sample(_SHORTCODES_CLOSE, rng.randint(1, 2)))
    return _join(segments)


def _before_items(segments: list[list], rng: random.Random, make: Callable[[], str]) -> None:
    for seg in segments:
        if seg[1] and seg[2] == "li":
            lead = len(seg[0]) - len(seg[0].lstrip())
            seg[0] = seg[0][:lead] + make() + " " + seg[0][lead:]


def _inside(segments: list[list], rng: random.Random, make: Callable[[], str], share: float) -> None:
    for seg in _pick(rng, _prose(segments, words=6), share):
        gaps = _inside_sentences(seg[0])
        if gaps:
            seg[0] = _replace_at(seg[0], [rng.choice(gaps)], lambda: " " + make() + " ")


def mess_emoji(html: str, rng: random.Random) -> str:
    """Emoji and symbol glyphs before list items, inside sentences and after a paragraph."""
    segments = _segments(html)
    _inside(segments, rng, lambda: rng.choice(_GLYPHS), 0.3)
    _before_items(segments, rng, lambda: rng.choice(_GLYPHS))
    for seg in _pick(rng, _prose(segments, words=6), 0.2):
        seg[0] = seg[0].rstrip() + " " + rng.choice(_GLYPHS)
    return _join(segments)


def mess_icon(html: str, rng: random.Random) -> str:
    """Icon-font elements (``<i class="fa fa-check"></i>``) before list items and inside sentences."""
    segments = _segments(html)
    _inside(segments, rng, lambda: rng.choice(_ICONS), 0.3)  # first: its gaps are between words, not in a tag
    _before_items(segments, rng, lambda: rng.choice(_ICONS))
    return _join(segments)


def mess_img(html: str, rng: random.Random) -> str:
    """An ``<img>`` between two words of a sentence (an inline picture, a spacer, a tracking pixel)."""
    segments = _segments(html)
    images = ['<img src="/wp-content/uploads/2023/04/icon-knee.png" alt="" width="24" height="24">',
              '<img class="emoji" src="/img/check.svg" alt="check">', '<img src="spacer.gif" width="1" height="1">']
    _inside(segments, rng, lambda: rng.choice(images), 0.3)
    return _join(segments)


def _title_case(text: str) -> str:
    words = text.split(" ")
    return " ".join(w if (w.lower() in _SMALL_WORDS and i) or not w[:1].islower() else w[:1].upper() + w[1:]
                    for i, w in enumerate(words))


def mess_titlecase(html: str, rng: random.Random) -> str:
    """Marketing headings in Title Case ("Stem Cell Therapy For Your Knees")."""
    segments = _segments(html)
    for seg in segments:
        if seg[1] and seg[2] in {"h1", "h2", "h3", "h4", "h5"}:
            seg[0] = _title_case(seg[0])
    return _join(segments)


def mess_caps(html: str, rng: random.Random) -> str:
    """Contractions in capitals: "WE'RE HERE FOR YOU", "DON'T WAIT"; a short sentence with a
    contraction all in capitals, in a longer one the contraction alone."""
    segments = _segments(html)
    for seg in _prose(segments):
        parts = re.split(r"(?<=[.!?])(\s+)", seg[0])
        for i, part in enumerate(parts):
            if not _CONTRACTION.search(part):
                continue
            if len(part.split()) <= 10:
                parts[i] = part.upper()
            else:
                parts[i] = _CONTRACTION.sub(lambda m: m.group(0).upper(), part)
        seg[0] = "".join(parts)
    return _join(segments)


def mess_punct(html: str, rng: random.Random) -> str:
    """Marketing punctuation: "!!!" and "!" for a full stop, "?!" for a question mark, an
    ellipsis before the next sentence's capital."""
    segments = _segments(html)
    for seg in _prose(segments, words=3):
        text = _FULL_STOP.sub(lambda m: rng.choice([".", ".", "!", "!!!", "...", "\u2026"]), seg[0])
        text = re.sub(r"(?<=[a-z])\?(?=\s|$)", lambda m: rng.choice(["?", "?!", "??"]), text)
        seg[0] = text
    return _join(segments)


_PARAGRAPH = re.compile(r"<p\b[^>]*>(?:(?!</?p\b).)*?</p>", re.S | re.I)


def mess_table(html: str, rng: random.Random) -> str:
    """Tables used for layout: a paragraph alone in a cell, or two side by side."""
    body = html.lower().find("<body")
    head, rest = (html[:body], html[body:]) if body >= 0 else ("", html)
    out, last = [], 0
    matches = list(_PARAGRAPH.finditer(rest))
    i = 0
    while i < len(matches):
        m = matches[i]
        if rng.random() < 0.4:
            pair = i + 1 < len(matches) and not rest[m.end():matches[i + 1].start()].strip() and rng.random() < 0.5
            end = matches[i + 1].end() if pair else m.end()
            cells = (f'<td valign="top" width="50%">{m.group(0)}</td>\n<td valign="top">{matches[i + 1].group(0)}</td>'
                     if pair else f'<td class="content-cell">{m.group(0)}</td>')
            out.append(rest[last:m.start()])
            out.append(f'<table width="100%" border="0" cellpadding="0" cellspacing="0"><tr>{cells}</tr></table>')
            last = end
            i += 2 if pair else 1
        else:
            i += 1
    out.append(rest[last:])
    return head + "".join(out)


KINDS: dict[str, Callable[[str, random.Random], str]] = {
    "br": mess_br, "shortcode": mess_shortcode, "emoji": mess_emoji, "icon": mess_icon, "img": mess_img,
    "titlecase": mess_titlecase, "caps": mess_caps, "punct": mess_punct, "table": mess_table,
}


def messify(html: str, kinds: Sequence[str] = tuple(KINDS), seed: int = 0) -> str:
    """The page with every kind of mess in ``kinds`` applied in turn, seeded per kind."""
    for kind in kinds:
        html = KINDS[kind](html, random.Random(f"{seed}:{kind}"))
    return html


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("page", type=Path)
    parser.add_argument("--kinds", default=",".join(KINDS), help=f"comma-separated, of {', '.join(KINDS)}")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    kinds = [k for k in args.kinds.split(",") if k]
    unknown = [k for k in kinds if k not in KINDS]
    if unknown:
        parser.error(f"unknown kinds: {', '.join(unknown)}")
    sys.stdout.write(messify(args.page.read_text(encoding="utf-8", errors="replace"), kinds, args.seed))


if __name__ == "__main__":
    main()
