"""HTML (or plain text) to the text the extractor reads, with block boundaries kept.

``node.text(separator=...)`` alone would break sentences at every inline tag ("we treat
<b>knee pain</b>"), so inline tags are unwrapped and adjacent text merged first (lexbor does
both in C); then every remaining text node is a block, and ``text(separator=...)`` returns
the blocks marked. List items get a marker of their own before merging.

The result is one block per paragraph (blocks separated by a blank line): the title, the main content (list items start with
"• ", because a bulleted "Conditions we treat" list is a claim), then the navigation,
header, footer and sidebar text, which counts as weaker evidence. Scripts, styles, hidden
elements and cookie banners are dropped.
"""

from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass, field
from typing import NamedTuple

from selectolax.lexbor import LexborHTMLParser

from clinicscan.nlp.contacts.markup import PageMarkup, read_markup
from clinicscan.nlp.normalise import normalise_text

__all__ = ["Block", "PageText", "BULLET", "BLOCK_SEPARATOR", "html_to_text", "plain_to_text"]

BULLET = "• "
#: blocks are separated by a blank line. Not a single newline: spaCy's tokenizer stops using
#: its cache for a text with single-newline tokens (measured 70k vs 800k words/s).
BLOCK_SEPARATOR = "\n\n"
_BLOCK_MARK, _ITEM_MARK, _BREAK_MARK = "\x01", "\x02", "\x03"
_INLINE_TAGS = ["a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em", "font", "i", "ins",
                "kbd", "mark", "nobr", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt",
                "u", "var", "wbr"]
_INLINE_SELECTOR = ", ".join(_INLINE_TAGS)
_SPACE = re.compile(r"\s+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]+")
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0b, 0x0c, *range(0x0e, 0x20), 0x7f])


def _drop_controls(text: str) -> str:
    """_CONTROL.sub(" ", text), without the regex scan when there is nothing to replace.

    Deleting the control bytes from the UTF-8 form is ten times faster than the regex scan,
    and those bytes never occur inside a multi-byte UTF-8 sequence.
    """
    try:
        raw = text.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates
        return _CONTROL.sub(" ", text)
    if len(raw.translate(None, _CONTROL_BYTES)) == len(raw):
        return text
    return _CONTROL.sub(" ", text)

_JUNK_TAGS = ["script", "style", "noscript", "svg", "iframe", "template", "object", "embed", "canvas", "head"]
_HIDDEN_STATE = ('[hidden], [aria-hidden="true"], [style*="display:none"], [style*="display: none"], '
                 '[style*="visibility:hidden"], [style*="visibility: hidden"]')
_HIDDEN = (_HIDDEN_STATE + ', [id*="cookie"], [class*="cookie"], [id*="gdpr"], [class*="gdpr"], [id*="onetrust"], '
           '[class*="cc-window"], [class*="consent-banner"], [id*="consent-banner"], [class*="cookie-consent"], '
           # text for screen readers only ("Skip to content", "(opens in a new tab)"): no reader sees it
           '[class*="screen-reader-text"], [class*="sr-only"], [class*="visually-hidden"], [class*="skip-link"]')
#: class/id words of a panel a reader opens with one click: an FAQ accordion's answer, a toggle, a
#: collapsed section, a tab's pane. Its text is on the page for a reader (and for a human coder) even
#: though the markup hides it until the click
_PANEL_WORDS = re.compile(r"(?:^|[-_\s])(?:accordion|accordions|accordion-\w+|collapse|collapsible|collapsed|"
                          r"toggle|toggle-\w+|faq|faqs|faq-\w+|answer|answers|tab-panel|tab-pane|tabpanel|"
                          r"tab-content|tabs-content|expandable|expand|expander|read-more|more-text|spoiler|"
                          r"\w+_toggle_content|\w+-tab-content)(?:$|[-_\s])", re.I)
_PANEL_ROLES = {"tabpanel", "region"}
_NAV_CANDIDATES = ('nav, aside, header, footer, [role="navigation"], [role="banner"], [role="contentinfo"], '
                   '[role="complementary"], [class*="menu"], [id*="menu"], [class*="nav"], [id*="nav"], '
                   '[class*="sidebar"], [id*="sidebar"], [class*="footer"], [id*="footer"], [class*="breadcrumb"], '
                   '[class*="header"], [id*="header"], [class*="topbar"], [class*="top-bar"], [class*="masthead"], '
                   '[class*="related"], [class*="aside"], [class*="recent-posts"], [class*="popular-posts"], [class*="tag"], '
                   '[class*="categor"], [class*="site-info"], [class*="copyright"], [class*="share"], '
                   '[class*="social"], [class*="newsletter"], [class*="subscribe"], [class*="bottom-bar"], '
                   '[class*="widget_"], [class*="dropdown"], [class*="crumbs"]')
_NAV_TAGS = {"nav", "aside", "header", "footer"}
_NAV_ROLES = {"navigation", "banner", "contentinfo", "complementary"}
# class/id words of navigation-like boxes; not "widget" (page builders wrap all content in
# widgets) and not any "...-header" (an article's entry-header holds its title)
_NAV_WORDS = re.compile(r"(?:^|[-_\s])(?:nav|navbar|navigation|menu|menus|mainmenu|menubar|mega-menu|sidebar|footer|"
                        r"site-footer|breadcrumbs?|site-header|topbar|top-bar|masthead|offcanvas|aside|related|"
                        r"related-posts|recent-posts|popular-posts|tag-cloud|tagcloud|tags|categories|site-info|copyright|"
                        r"share|sharing|social|newsletter|subscribe|bottom-bar|post-navigation|"
                        r"widget_archive|widget_categories|widget_meta|widget_search|widget_nav_menu|widget_tag_cloud|"
                        r"dropdown|dropdown-menu|crumbs)(?:$|[-_\s])"
                        r"|^header$|^(?:main|site|page|top)-?header$", re.I)
_COOKIE_BLOCK = re.compile(r"\bcookies?\b", re.I)
_COOKIE_WORDS = re.compile(r"\b(?:accept|consent|privacy|preferences|reject|decline|agree|allow|got it)\b", re.I)


class Block(NamedTuple):
    """A named tuple: a page has hundreds of blocks and a frozen dataclass costs 1.5 µs each."""

    start: int
    end: int
    section: str  # main | list | nav


@dataclass
class PageText:
    title: str
    text: str
    blocks: list[Block] = field(default_factory=list)
    #: the contact markup (JSON-LD, tel:/mailto: links, og:site_name) read from the same parse
    markup: PageMarkup | None = None

    @property
    def nav_start(self) -> int:
        """Offset where navigation text begins (len(text) when there is none)."""
        for block in self.blocks:
            if block.section == "nav":
                return block.start
        return len(self.text)

    @property
    def main_end(self) -> int:
        """Offset where the page's own text ends: its last block before the navigation text (len(text) when there
        is no navigation text)."""
        end = 0
        for block in self.blocks:
            if block.section == "nav":
                return end
            end = block.end
        return len(self.text)

    def section_at(self, offset: int) -> str:
        from bisect import bisect_right

        i = bisect_right([b.start for b in self.blocks], offset) - 1
        return self.blocks[i].section if i >= 0 else "main"


#: a line that ends a sentence (or a lead-in: "We treat:") before a ``<br>``, closing quotes and brackets aside
_LINE_END = re.compile(r"[.!?:;\u2026][\"')\]]*$")
_NUMBERED = re.compile(r"\d{1,2}[.)] ")
_SENTENCE_END = re.compile(r"[.!?\u2026][\"')\]]*\s")
#: the last word of a line that cannot end one: the sentence goes on after the ``<br>``
_GOES_ON = frozenset("a an the and or nor but with without for of to in on at by from into onto over under after before "
                     "than as so that which who whom whose including such like our your their its his her my is are was "
                     "were be been being has have had can may will would could should not no very most more & + -".split())


#: a title before a name: its stop ends no sentence ("At our clinic, Dr.<br>Jane Roe treats ...", "Dr. Jane<br>Roe")
_TITLE_STOP = re.compile(r"(?<![\w.])(?:[Dd]r|DR|[Mm]rs?|MRS?|[Mm]s|MS|[Pp]rof|PROF)\.(?=\s|$)")
#: punctuation that closes what went before and so never starts a line ("... in Stem Cell Reports<br>, and ...")
_CLOSING = frozenset(",;)]}”")
#: a citation's "et al.", which goes on with its year ("(Lee et al.<br>2004)")
_CITED = re.compile(r"\bet al\.$")
#: a dash that opens an aside in the middle of a sentence, before a word in lower case ("... tissue<br>- to help ...")
_ASIDE_DASH = re.compile("[-\u2013\u2014] [a-z]")


def _unstopped(line: str) -> str:
    """The line with the stops of titles before names taken out: "Dr. Roe" ends no sentence."""
    return _TITLE_STOP.sub(lambda m: m.group()[:-1], line) if "." in line else line


def _goes_on(line: str) -> bool:
    """The line ends on a comma or a word that cannot end a sentence."""
    return line[-1] in ",&+-" or line[line.rfind(" ") + 1:].lstrip("(\"'").lower() in _GOES_ON


def _opens_sentence(line: str) -> bool:
    """Does the line's last sentence start inside it, after another's end ("... at its root. For roughly")? Such a
    tail is a sentence begun, not a heading or a list item, which stand on lines of their own."""
    return _SENTENCE_END.search(line) is not None


def _wraps(line: str, after: str, ends_soon: bool = False) -> bool:
    """Does a ``<br>`` (or an inline picture) between ``line`` and ``after`` only wrap a sentence? (``after``
    is the line after it, to the next break; ``ends_soon``: a sentence ends within the next three lines,
    each before it of four words or more.)

    It does when the line ends no sentence and what follows goes on with it: the next word is
    lower case or opens a parenthesis, the line ends on a comma or a word that cannot end one
    ("for", "the", "and"), or the line's last sentence is prose (four words or more, mostly lower
    case) and the sentence goes on to its end within the next three lines ("we use a local<br>Cell
    Transplant with an Intrathecal<br>Injection, which ..."). A break after a short line or a
    Title Case one ("Knee Pain", "Suite 210") still separates list-like and heading-like lines,
    and so does one before a bulleted line or between lines that end no sentence ("Same-day
    procedure with no hospital stay<br>No stitches").

    A column pasted with a break every few words also cuts after a title ("Dr.<br>Jane Roe"), after
    "et al." before its year, before an aside's dash ("... tissue<br>- to help ..."), before a comma,
    and inside a sentence begun on the line ("... at its root. For about<br>6 months ..."): all wrap.
    """
    first = after[0]
    if first.isupper() and _TITLE_STOP.search(line, len(line) - 5) and line[-1] == ".":
        return True  # a title's stop before its name ("At our clinic, Dr.<br>Jane Roe treats ...")
    line = _unstopped(line)
    if _CITED.search(line) and (first.isdigit() or first.islower() or first == "("):
        return True  # a citation goes on after "et al." ("(Lee et al.<br>2004)")
    if _LINE_END.search(line):
        # a clause that goes on after a semicolon ("... any organ system;<br>as a result, ...")
        return line[-1] == ";" and first.islower() and _is_prose(line)
    if first.islower() or first == "(" or first in _CLOSING:
        return True
    if _ASIDE_DASH.match(after):
        # an aside's dash inside a prose line's sentence ("... amniotic tissue<br>- to help knees ..."), not a
        # line typed as a list item ("- knee pain<br>- hip pain")
        return not _TYPED_DASH.match(line) and line[0] != _ITEM_MARK and _is_prose(line)
    if not (first.isalpha() or first.isdigit() or first in "\"'$") or _NUMBERED.match(after):
        return False  # a glyph, a bullet or a number ("2. ", "3) ") starts a line of its own
    if _goes_on(line):
        return True
    if not (ends_soon or _goes_on(after)):
        return False
    return _is_prose(line) or _opens_sentence(line)


def _is_prose(line: str) -> bool:
    """Is the line's last sentence prose: four words or more, mostly lower case, or a name run inside a
    sentence ("we use both Fat and Bone<br>Marrow Cells")?"""
    words = _SENTENCE_END.split(_unstopped(line))[-1].split()
    return len(words) >= 4 and (2 * sum(w[0].isupper() for w in words) <= len(words)
                                or any(w in _GOES_ON for w in words[1:]))


#: the lexicon kinds whose multiword terms may be wrapped over a ``<br>`` ("Mesenchymal Stem<br>Cells")
_TERM_KINDS = ("product_type", "condition")
#: what may stick to a word of a line and is not part of a term: brackets, quotes, punctuation, a list item's mark
_WORD_EDGE = "()[]{}\"'“”‘’.,;:!?|*" + _ITEM_MARK
#: more words than the longest term has (seven), enough to compare on either side of a break
_TERM_WORDS = 12


@lru_cache(maxsize=1)
def _load_term_breaks() -> dict[tuple[str, str], list[tuple[tuple[str, ...], int]]]:
    """Each place a multiword phrase pattern of the lexicon can be cut in two, under the pair of words
    on either side of the cut: ("stem", "cells") -> [(("mesenchymal", "stem", "cells"), 2), ...].

    A cut whose two parts are both terms of their own ("Bone Marrow" + "Stem Cells", "Knee" + ...)
    is left out: two such lines read as a list of two items as well as one wrapped term. Read once a
    process, through the lexicon's own loader (the shipped lexicon: the page's text comes before any
    pipeline, and so before a run's choice of lexicon folder)."""
    from clinicscan.nlp.lexicon import load_lexicon

    terms = {tuple(p.pattern.lower().split()) for p in load_lexicon().patterns
             if p.kind in _TERM_KINDS and p.is_phrase}
    breaks: dict[tuple[str, str], list[tuple[tuple[str, ...], int]]] = {}
    for words in terms:
        for cut in range(1, len(words)):
            if words[:cut] in terms and words[cut:] in terms:
                continue
            breaks.setdefault((words[cut - 1], words[cut]), []).append((words, cut))
    return breaks


def _wraps_term(line: str, after: str) -> bool:
    """Does a ``<br>`` cut a term of the lexicon in two ("Mesenchymal Stem<br>Cells (MSCs)", "Bone
    Marrow<br>Concentrate")? Title Case lines otherwise stay apart, as a list does ("Knee Pain<br>Hip
    Pain"): no term runs over that break, and one made of two terms ("Bone Marrow<br>Stem Cells") is
    not counted (_load_term_breaks)."""
    if not line[-1].isalnum() or _LINE_END.search(line):
        return False
    last = line[line.rfind(" ") + 1:].strip(_WORD_EDGE).lower()
    space = after.find(" ")
    found = _load_term_breaks().get((last, (after if space < 0 else after[:space]).strip(_WORD_EDGE).lower()))
    if not found:
        return False
    before = [w.strip(_WORD_EDGE).lower() for w in line.rsplit(None, _TERM_WORDS)[-_TERM_WORDS:]]
    next_words = [w.strip(_WORD_EDGE).lower() for w in after.split(None, _TERM_WORDS)[:_TERM_WORDS]]
    return any(tuple(before[-cut:]) == words[:cut] and tuple(next_words[:len(words) - cut]) == words[cut:]
               for words, cut in found)


def _ends_soon(lines: list[str], i: int) -> bool:
    """Does a sentence end within the next three lines from ``i``, each before it of four words or more? A line
    that the next one goes on in lower case is part of the same line (a column wrapped every few words)."""
    counted = 0
    for j in range(i, len(lines)):
        line = _unstopped(lines[j])
        # the line ends a sentence, at its end or inside it ("... own body. Our procedure ...")
        if _LINE_END.search(line) or _SENTENCE_END.search(line):
            return True
        if len(line.split()) < 4:
            return False
        if not (j + 1 < len(lines) and lines[j + 1][0].islower()):
            counted += 1
            if counted == 3:
                return False
    return False


def _unwrap_lines(piece: str) -> list[str]:
    """The lines of a text block cut by ``<br>``s, a sentence (_wraps) or a term of the lexicon (_wraps_term)
    wrapped over lines joined again."""
    lines = [line for line in (part.strip() for part in piece.split(_BREAK_MARK)) if line]
    out: list[str] = []
    for i, line in enumerate(lines):
        if out and (_wraps(out[-1], line, _ends_soon(lines, i)) or _wraps_term(out[-1], line)):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out


def _break_lines(pieces: list[str]) -> list[str]:
    """The lines of each block (_unwrap_lines); the lines of a block after a lead-in ("We treat:") are list items.

    A list typed as lines of one paragraph ("Conditions we treat:<br>Knee pain<br>Hip pain") is the list a
    ``<ul>`` would be: two lines or more after a line or block ending in a colon are marked as items."""
    out: list[str] = []
    last = ""
    for piece in pieces:
        # a blank line (two breaks) ends a paragraph, and so a list, as a new block does
        for part in _PARAGRAPH_BREAK.split(piece) if _BREAK_MARK in piece else (piece,):
            if _BREAK_MARK not in part:
                out.append(part)
            else:
                lines = _typed_items(_unwrap_lines(part))
                lead = 0 if last.endswith(":") else 1 if lines and lines[0].endswith(":") else -1
                if lead >= 0 and len(lines) - lead >= 2 and _ITEM_MARK not in part:
                    lines[lead:] = [line if line[0] == _ITEM_MARK else _ITEM_MARK + line for line in lines[lead:]]
                out.extend(lines)
            text = out[-1].strip() if out else ""
            last = text or last
    return out


_PARAGRAPH_BREAK = re.compile(f"{_BREAK_MARK} ?{_BREAK_MARK}[ {_BREAK_MARK}]*")


#: page-builder shortcodes left in the text: a closing one ("[/vc_column]"), one with attributes
#: ('[et_pb_text admin_label="Text"]', '[gallery /]') or a name with an underscore ("[vc_row]");
#: not a citation ("[1]"), "[sic]" or "[emphasis added]"
_SHORTCODE = re.compile(r"\[/[A-Za-z][\w-]*\]|\[[A-Za-z][\w-]*(?:\s[^\[\]]*=[^\[\]]*|\s*/)\]|\[[A-Za-z]+_[\w-]*\]")
_PLAIN_CODE = re.compile(r"\[/([A-Za-z][\w-]*)\]")


def _strip_shortcodes(text: str) -> str:
    """The text without page-builder shortcodes ("[vc_row][vc_column_text]We treat ...[/vc_column_text]");
    a plain "[name]" goes only when its "[/name]" is there too ("[button]Book now[/button]")."""
    closed = set(_PLAIN_CODE.findall(text))
    text = _SHORTCODE.sub(" ", text)
    for name in closed:
        text = text.replace(f"[{name}]", " ")
    return text


#: emoji, dingbats and symbol glyphs: marks before list items ("✓ Knee pain") and decoration inside
#: sentences ("our ⭐ exosomes"), never words; arrows, geometric shapes (▶ ■ ●), miscellaneous
#: symbols and dingbats (★ ✓ ✔ ➤ ✅), the emoji planes and the emoji variation selector
_GLYPH = re.compile("[\u2190-\u21ff\u2300-\u23ff\u25a0-\u27bf\u2b00-\u2bff\ufe0f\U0001f000-\U0001faff]+")
#: marketing punctuation: "?!", "!!!", "??" as the one mark a sentence ends with
_PUNCT_RUN = re.compile(r"[?!]{2,}")


def _calm(match: re.Match) -> str:
    return "?" if "?" in match.group(0) else "!"


def _plain_marks(text: str) -> str:
    """The text without emoji and symbol glyphs, and with one mark for a run of "?" and "!"."""
    if not text.isascii():
        text = _GLYPH.sub(" ", text)
    if "!!" in text or "?!" in text or "!?" in text or "??" in text:
        text = _PUNCT_RUN.sub(_calm, text)
    return text


#: a bullet typed at the start of a block ("<p>- Knee pain</p>", "<p>✓ No surgery</p>"), or a glyph or dot at the start
#: of a line ("...<br>• Hip pain"): the line is the list item a ``<li>`` would be. A dash or star needs a space after it
#: ("-5 °C" is no bullet); after a ``<br>`` it is one only after a line that ends (_typed_items): a sentence wrapped
#: before an aside's dash ("the Registry<br>- put out by ...") is no list
#: a typed bullet makes an item only of a short line: a paragraph opened with an emoji ("👉 We have treated
#: knee pain for twenty years, and ...") stays a paragraph, as it was before typed bullets were read
ITEM_CHARS = 160
_SHORT_LINE = f"(?=[^{_BLOCK_MARK}{_ITEM_MARK}{_BREAK_MARK}]{{0,{ITEM_CHARS}}}(?:[{_BLOCK_MARK}{_ITEM_MARK}{_BREAK_MARK}]|$))"
_TYPED_DASH = re.compile("[-*\u2013] ")
#: what types a bullet at a line's start (glyphs or dots), and at a block's start (also a dash or star before a space)
_LINE_BULLET = f"(?:{_GLYPH.pattern}|[\u2022\u00b7])+"
_BLOCK_BULLET = f"(?:{_LINE_BULLET}|[-*\u2013](?=\\s))"
#: the typed bullets after a block, item or line mark: the mark is matched (and put back) rather than looked behind at,
#: so the regex engine jumps from mark to mark instead of trying every character (0.55 -> 0.07 ms on a 21,000-character
#: page; tests/test_nlp_html_text_markup.py keeps the lookbehind form as the reference); the text's start on its own
_TYPED_AFTER_MARK = re.compile(f"[{_BLOCK_MARK}{_ITEM_MARK}{_BREAK_MARK}]"
                               f"(?:(?<=[{_BLOCK_MARK}{_ITEM_MARK}])\\s*{_BLOCK_BULLET}\\s*{_SHORT_LINE}"
                               f"|(?<={_BREAK_MARK})\\s*{_LINE_BULLET}\\s*{_SHORT_LINE})")
_TYPED_AT_START = re.compile(f"\\s*{_BLOCK_BULLET}\\s*{_SHORT_LINE}")


def _mark_typed_bullets(raw: str) -> str:
    """``raw`` with each typed bullet that starts a short block or line (after a mark, or at the start) an item mark."""
    raw = _TYPED_AFTER_MARK.sub(lambda m: m.group()[0] + _ITEM_MARK, raw)
    start = _TYPED_AT_START.match(raw)
    return _ITEM_MARK + raw[start.end():] if start else raw


def _typed_items(lines: list[str]) -> list[str]:
    """Lines of a block that start with a typed dash or star after a line that ends ("We treat:<br>- Knee pain<br>-
    Hip pain") are list items."""
    for k in range(1, len(lines)):
        if _TYPED_DASH.match(lines[k]) and (_LINE_END.search(lines[k - 1]) or lines[k - 1][0] == _ITEM_MARK):
            lines[k] = _ITEM_MARK + lines[k][2:]
    return lines


def _blocks_of(raw: str, section: str) -> list[tuple[str, str]]:
    """Split marked-up text into (section, text) blocks; list items become section 'list'."""
    out: list[tuple[str, str]] = []
    is_item = False
    # str.split() splits on exactly the characters ``\s`` matches, four times faster than _SPACE.sub;
    # only the ends differ, and every piece is stripped
    # typography again: entities (&rsquo; &ndash; &nbsp;) are decoded only by the parser, after
    # the page's own normalisation, and "don&rsquo;t" must read as "don't"
    if "[" in raw:
        raw = _strip_shortcodes(raw)
    raw = normalise_text(raw)
    if not raw.isascii() or "- " in raw or "* " in raw:
        raw = _mark_typed_bullets(raw)
    pieces = " ".join(_plain_marks(raw).split()).split(_BLOCK_MARK)
    if _BREAK_MARK in raw:
        pieces = _break_lines(pieces)
    for piece in pieces:
        if _ITEM_MARK in piece:
            is_item = True
            piece = piece.replace(_ITEM_MARK, "")
        text = piece.strip()
        if not text:
            continue
        if "ookie" in text and len(text) < 600 and _COOKIE_BLOCK.search(text) and _COOKIE_WORDS.search(text):
            is_item = False
            continue
        if is_item and section == "main":
            out.append(("list", BULLET + text))
        else:
            out.append((section, text))
        is_item = False
    return out


def _assemble(title: str, main: list[tuple[str, str]], nav: list[tuple[str, str]],
              markup: PageMarkup | None = None) -> PageText:
    entries = ([("main", title)] if title else []) + main + nav
    blocks: list[Block] = []
    pos, gap = 0, len(BLOCK_SEPARATOR)
    make = tuple.__new__  # Block(...) goes through a Python-level __new__: 0.47 instead of 0.1 µs
    for section, text in entries:
        end = pos + len(text)
        blocks.append(make(Block, (pos, end, section)))
        pos = end + gap
    return PageText(title=title, text=BLOCK_SEPARATOR.join([text for _section, text in entries]), blocks=blocks,
                    markup=markup)


def _is_panel(node, controlled: set[str]) -> bool:
    """A disclosure panel: hidden until its question, title or tab is clicked (class or id words, an ARIA
    panel role, or the target of a control's ``aria-controls``)."""
    attrs = node.attributes
    if (attrs.get("role") or "").lower() in _PANEL_ROLES or (attrs.get("id") or "") in controlled:
        return True
    return bool(_PANEL_WORDS.search(attrs.get("class") or "") or _PANEL_WORDS.search(attrs.get("id") or ""))


def _drop_hidden(parser) -> None:
    """Remove hidden elements and cookie banners, but not the text of a collapsed panel.

    A FAQ accordion ships its answers hidden ("Is it safe?" over a hidden "Yes, completely safe."),
    and so do toggles and tabs; a reader opens them with one click, so they are part of what the page
    says. Other hidden text (a modal, a screen-reader copy, an inactive slide, hidden keyword lists)
    stays out, and a kept panel still goes through the navigation test like any element.
    """
    hidden = parser.css(_HIDDEN)
    if not hidden:
        return
    controlled: set[str] | None = None
    for node in hidden:
        attrs = node.attributes
        if not any(key in attrs for key in ("hidden", "aria-hidden", "style")):
            node.decompose()  # a cookie banner
            continue
        if controlled is None:
            controlled = {name for control in parser.css("[aria-controls]")
                          for name in (control.attributes.get("aria-controls") or "").split()}
        if _is_panel(node, controlled) and not _COOKIE_ATTRS.search(" ".join(
                str(attrs.get(key) or "") for key in ("class", "id"))):
            continue
        node.decompose()


_COOKIE_ATTRS = re.compile(r"cookie|gdpr|onetrust|cc-window|consent-banner", re.I)
#: boxes whose words are others': readers' comments and the reply form (WordPress, Disqus), lists of the site's
#: other posts (WordPress widgets, Jetpack, YARPP) and newsletter sign-ups. One query walks a 25 KB page in 0.08 ms;
#: looking first for the selectors' words in the page's text cost more (15 substring searches, 0.2 ms)
_ELSEWHERE = ('#comments, .comments-area, .comment-list, .commentlist, .comment-respond, #respond, #disqus_thread, '
              '.fb-comments, [id*="recent-posts"], [class*="recent-posts"], .widget_recent_entries, '
              '.widget_recent_comments, [class*="related-posts"], [id*="relatedposts"], [class*="relatedposts"], '
              '[class*="yarpp"], [class*="popular-posts"], [class*="newsletter"], [class*="signup"], '
              '[class*="sign-up"], [class*="optin"], [class*="opt-in"], [class*="mc4wp"]')
#: the heading of a box of links to other posts ("You may also like", "Recent articles", "Read next")
_OTHER_POSTS = (r"(?:related(?: posts| articles| reading| stories| content)?|you (?:may|might) also (?:like|enjoy)|"
                r"(?:recent|latest|popular|more|other|trending|similar) (?:posts|articles|stories|news|blog posts|reads)|"
                r"more from (?:our|the) blog|read (?:next|more|also)|keep reading|further reading)")
#: ... opening a heading element, looked for in the lower-cased page (a case-blind search of a 25 KB page costs
#: 0.3 ms; this one, with its literal "<h" start, 0.02 ms) before the headings are read
_OTHER_POSTS_HEADING = re.compile(rf"<h[2-6]\b[^>]*>\s*(?:<[^>]+>\s*)*{_OTHER_POSTS}\W*(?:<|$)")
_OTHER_POSTS_TEXT = re.compile(rf"^\W*{_OTHER_POSTS}\W*$", re.I)
#: a box that follows such a heading holds titles, not running text: at most this many words
_OTHER_POSTS_WORDS = 150


def _drop_elsewhere(parser, lowered: str) -> None:
    """Remove the boxes whose words are other people's or other pages': "Has anyone tried this for lupus?"
    in the comments under a clinic's post is a reader's question, "Exosomes for hair loss: hype or hope?" in
    a "You may also like" box is another post's title, and "Get the latest on arthritis in your inbox" is a
    newsletter's; none says what this page's organisation offers or who it is."""
    for node in parser.css(_ELSEWHERE):
        if node.parent is not None and node.tag not in ("body", "html", "main", "article"):
            node.decompose()
    if _OTHER_POSTS_HEADING.search(lowered) is None:
        return
    for heading in parser.css("h2, h3, h4, h5, h6"):
        if heading.parent is None or not _OTHER_POSTS_TEXT.match(heading.text(deep=True) or ""):
            continue
        box = heading.parent
        if box.tag not in ("body", "html", "main", "article", "section") \
                and len((box.text(deep=True) or "").split()) <= _OTHER_POSTS_WORDS:
            box.decompose()


#: a copyright line ("\u00a9 2026 Harbour Clinic. All rights reserved.") is at most this many words ...
_COPYRIGHT_WORDS = 40
#: ... and the largest box around it that is the site's footer holds at most this many
_FOOTER_WORDS = 160
_COPYRIGHT = ':lexbor-contains("\u00a9"), :lexbor-contains("all rights reserved" i)'


def _footers_by_content(body, lowered: str) -> list:
    """Site footers no tag or class names: builders and old table layouts put them in plain ``<div>``s. A
    footer is the largest box around the page's copyright line that stays short (a disclaimer, legal
    links, the address). ``lowered``: the page's HTML in lower case."""
    found = []
    if "\u00a9" not in lowered and "all rights reserved" not in lowered:
        return found
    marks = body.css(_COPYRIGHT)
    if marks:
        seen = set()
        for mark in marks:
            if mark.mem_id in seen or any(inner.mem_id != mark.mem_id for inner in mark.css(_COPYRIGHT)):
                continue  # seen, or not the innermost element with the mark (css() matches the node itself too)
            seen.add(mark.mem_id)
            if len((mark.text(deep=True) or "").split()) > _COPYRIGHT_WORDS:
                continue
            box, parent = mark, mark.parent
            while parent is not None and parent.tag not in ("body", "html", "main", "article") \
                    and len((parent.text(deep=True) or "").split()) <= _FOOTER_WORDS:
                box, parent = parent, parent.parent
            if box.tag not in ("body", "html"):
                found.append(box)
    return found


#: the class/id words of site chrome: a box so named is navigation whatever it holds
_CHROME_WORDS = re.compile(r"(?:^|[-_\s])(?:nav|navbar|navigation|menu|menus|mainmenu|menubar|mega-menu|sidebar|"
                           r"footer|site-footer|breadcrumbs?|crumbs|site-header|topbar|top-bar|masthead|offcanvas|site-info|"
                           r"copyright|bottom-bar|post-navigation|widget-area|header|related|related-posts|recent-posts|"
                           r"popular-posts|share|sharing|social-share|social-icons|social-links|tags|tag-cloud|tagcloud|"
                           r"categories|ad|ads|advert|advertisement|"
                           r"sponsor|sponsored|job|jobs|careers)(?:$|[-_\s])", re.I)
_LANDMARK_TAGS = {"nav", "header", "footer"}
_CONTENT_SCOPE = {"main", "article"}
_SECTION_SCOPE = {"main", "article", "section"}
_PROSE_WORDS = 5


def _in_chrome(node) -> bool:
    """Is the node, or a box around it, named as site chrome (a sidebar, a widget area, a footer)?"""
    while node is not None and node.tag not in ("body", "html"):
        attrs = node.attributes
        if _CHROME_WORDS.search(attrs.get("class") or "") or _CHROME_WORDS.search(attrs.get("id") or ""):
            return True
        node = node.parent
    return False


def _is_prose_box(node) -> bool:
    """A box named like navigation that holds the page's own running text.

    An ``<aside>`` in the flow of a page is a call-out or a pull quote as often as a sidebar, and a
    "social-proof" strip holds statistics, not share buttons. Such a box (not a header, footer or nav
    element, nor a landmark role, nor named as or inside site chrome, a link list or someone else's
    box: a sidebar, menu, footer, related posts, share buttons, an advert, a job ad) is the page's
    text when it holds no list, form or button and a sentence of five words or more. Asked only of
    the navigation candidates, after inline tags are unwrapped: no extra walk of the page."""
    if node.tag in _LANDMARK_TAGS or (node.attributes.get("role") or "").lower() in _NAV_ROLES:
        return False
    if _in_chrome(node) or node.css_first("li, nav, form, input, button, select") is not None:
        return False
    text = node.text(deep=True) or ""
    return any(len(part.split()) >= _PROSE_WORDS for part in _SENTENCE_SPLIT.split(text))


_SENTENCE_SPLIT = re.compile(r"[.!?]\s|\n")


def _is_nav(node) -> bool:
    if node.tag in _NAV_TAGS:
        return True
    attrs = node.attributes
    if (attrs.get("role") or "").lower() in _NAV_ROLES:
        return True
    return bool(_NAV_WORDS.search(attrs.get("class") or "") or _NAV_WORDS.search(attrs.get("id") or ""))


def _inside(node, tags: set[str]) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.tag in tags:
            return True
        parent = parent.parent
    return False


def _has_ancestor_in(node, chosen: dict) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.mem_id in chosen:
            return True
        parent = parent.parent
    return False


#: a table column whose header names an outcome ("Improved", "Success rate", "Responders")
_OUTCOME_HEADER = re.compile(r"\b(?:improv\w*|success\w*|respon\w*|better|satisf\w*|benefit\w*|relief|reduction|"
                             r"outcomes?|results?|effective\w*)\b", re.I)
_PERCENT_CELL = re.compile(r"^\s*(?:\d{1,3}(?:[.,]\d+)?\s*[-\u2013]\s*)?\d{1,3}(?:[.,]\d+)?\s*%\s*$")


def _label_outcome_cells(parser) -> None:
    """"Condition | Improved" over "Multiple sclerosis | 78%": each cell is a block of its own, so
    the percentage gets its column's outcome word ("Improved: 78%") and reads as the rate it is."""
    for table in parser.css("table"):
        columns: dict[int, str] = {}
        for row in table.css("tr"):
            heads = row.css("th")
            if heads and not row.css("td"):
                found = [(i, _OUTCOME_HEADER.search(th.text(deep=True) or "")) for i, th in enumerate(heads)]
                columns = {i: m.group(0) for i, m in found if m}
                continue
            if not columns:
                continue
            for i, cell in enumerate(row.css("td, th")):
                if i in columns and cell.first_child is not None and _PERCENT_CELL.match(cell.text(deep=True) or ""):
                    cell.first_child.insert_before(f"{columns[i]}: ")


def _join_labels(parser) -> None:
    """A label and its value in one block: a table row that is a header cell and one data cell
    ("Side effects | None"), and a term with its description ("<dt>Surgery needed</dt><dd>No</dd>").

    Service pages state claims as such pairs; apart, the value ("None", "No", "8 of 10") says nothing
    and the label names no claim. Read as "Side effects: None" they are the fragment a reader sees.
    A label that is a question ("Is it safe?") stays a block of its own: the answer after it is read
    as an answer (nlp/answers.py)."""
    for row in parser.css("tr"):
        cells = [c for c in row.iter() if c.tag in ("th", "td")]
        if len(cells) == 2 and cells[0].tag == "th" and cells[1].tag == "td":
            _put_label(cells[0], [cells[1]])
    for term in parser.css("dt"):
        values, node = [], term.next
        while node is not None and node.tag in ("dd", "-text"):
            if node.tag == "dd":
                values.append(node)
            node = node.next
        _put_label(term, values)


def _put_label(label, values) -> None:
    text = " ".join((label.text(deep=True) or "").split())
    if not text or not values or text[-1] in "?.!:" or any(v.first_child is None for v in values):
        return
    for value in values:
        value.first_child.insert_before(f"{text}: ")
    label.decompose()


_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
#: boxes whose text is never the page's own lead, whatever heading they hold
_NOT_LEAD = {"header", "nav", "footer", "aside", "form"}


def _heading_box_before(main, body):
    """The box before a page's one ``<main>`` that holds the page's ``<h1>`` (a hero banner:
    ``<div class="hero"><h1>Avoid surgery</h1><p>...</p></div><nav>...</nav><main>...``), or None.

    Text outside ``<main>`` is read as site chrome, but a page's first heading and the lines beside
    it are its own headline, not a menu. Only when ``<main>`` holds no ``<h1>`` of its own, the box
    comes before ``<main>`` in the page, is the h1's own parent (not ``<body>``), holds no list or
    form, and is not, nor sits in, a header, nav, footer, aside or a box named as chrome."""
    if main.css_first("h1") is not None:
        return None
    heading = body.css_first("h1")
    if heading is None:
        return None
    box = heading.parent
    if box is None or box.tag in ("body", "html") or box.tag in _NOT_LEAD or _in_chrome(box):
        return None
    node = box.parent
    while node is not None and node.tag not in ("body", "html"):
        if node.tag in _NOT_LEAD or node.tag == "main":
            return None
        node = node.parent
    if box.css_first("li, nav, form, input, select, main") is not None:
        return None
    # before <main>: the box's text comes first in the body's text
    text = body.text(deep=True) or ""
    lead, rest = (box.text(deep=True) or "").strip(), (main.text(deep=True) or "").strip()
    if not lead or not rest or text.find(lead) < 0 or text.find(lead) > text.find(rest):
        return None
    return box
_INLINE = set(_INLINE_TAGS)


def _in_heading(node) -> bool:
    """Is the node inside a heading, through inline elements only ("<h2><span>A<br>B</span></h2>")?"""
    parent = node.parent
    while parent is not None and parent.tag in _INLINE:
        parent = parent.parent
    return parent is not None and parent.tag in _HEADINGS


def html_to_text(html: str) -> PageText:
    """Title, main text and navigation text of an HTML page, one block per line."""
    if not html or not html.strip():
        return PageText("", "", [])
    html = _drop_controls(normalise_text(html))  # the block and item marks are control characters too
    parser = LexborHTMLParser(html)
    title_node = parser.css_first("title")
    title = _SPACE.sub(" ", normalise_text(title_node.text(deep=True))).strip() if title_node is not None else ""
    markup = read_markup(parser, html)  # before <head> and <script> go
    parser.strip_tags(_JUNK_TAGS)
    _drop_hidden(parser)
    lowered = html.lower()
    _drop_elsewhere(parser, lowered)
    if "<table" in html or "<TABLE" in html:
        _label_outcome_cells(parser)
    if "<th" in html or "<dt" in html or "<TH" in html or "<DT" in html:
        _join_labels(parser)
    # a line break: a mark of its own, so that a sentence wrapped over lines is read whole
    # (_unwrap_lines), and a space inside a heading (one heading, however it is wrapped); an
    # inline picture between two words is a space, as a reader sees it
    if "<br" in html or "<img" in html or "<BR" in html or "<IMG" in html:
        for node in parser.css("br, img"):
            node.replace_with(_BREAK_MARK if node.tag == "br" and not _in_heading(node) else " ")
    # unwrap_tags(_INLINE_TAGS) walks the tree once per tag; one selector walks it once. An empty
    # inline element (an icon font's <i class="fa fa-check"></i>) is removed: unwrap leaves it,
    # and it would cut the text around it in two blocks
    for node in parser.root.css(_INLINE_SELECTOR) if parser.root is not None else ():
        if node.first_child is None:
            node.decompose()
        else:
            node.unwrap()
    for item in parser.css("li"):
        first = item.first_child
        if first is not None:
            first.insert_before(_ITEM_MARK)
    parser.merge_text_nodes()
    body = parser.body or parser.root
    if body is None:
        return _assemble(title, [], [], markup)

    candidates = {}
    footer_nodes = _footers_by_content(body, lowered)
    footers = {node.mem_id for node in footer_nodes}
    for node in body.css(_NAV_CANDIDATES) + footer_nodes:
        if node.mem_id in candidates:
            continue
        footer = node.mem_id in footers
        if not (footer or _is_nav(node)) or (node.tag != "nav" and not footer and _is_prose_box(node)):
            continue
        # a header or footer inside a section is that section's own (HTML-AAM: no banner or contentinfo)
        scope = _SECTION_SCOPE if node.tag in ("header", "footer") else _CONTENT_SCOPE
        # (one selector for "an h1, a main or an article inside": the same test as two css_first calls, and
        # each call parses its selector again)
        if node.tag != "nav" and (_inside(node, scope) or node.css_first("h1, main, article") is not None):
            continue
        candidates[node.mem_id] = node
    nav_nodes = [node for node in candidates.values() if not _has_ancestor_in(node, candidates)]
    nav: list[tuple[str, str]] = []
    for node in nav_nodes:
        nav.extend(_blocks_of(node.text(deep=True, separator=_BLOCK_MARK) or "", "nav"))
    for node in nav_nodes:
        node.decompose()

    mains = body.css("main")
    if len(mains) == 1:
        lead = _heading_box_before(mains[0], body)
        main = _blocks_of(lead.text(deep=True, separator=_BLOCK_MARK) or "", "main") if lead is not None else []
        main.extend(_blocks_of(mains[0].text(deep=True, separator=_BLOCK_MARK) or "", "main"))
        if lead is not None:
            lead.decompose()
        mains[0].decompose()
        nav.extend(_blocks_of(body.text(deep=True, separator=_BLOCK_MARK) or "", "nav"))
    else:
        main = _blocks_of(body.text(deep=True, separator=_BLOCK_MARK) or "", "main")
    if title and main and main[0][1] == title:
        main = main[1:]
    return _assemble(title, main, nav, markup)


#: a bullet, a number, or a glyph ("✓", "➤", "👉") before a line's text
_BULLET_LINE = re.compile(r"^\s*(?:(?:[-*•·▪◦‣●○]|\d{1,2}[.)])\s+|" + _GLYPH.pattern + r"\s*)")


def plain_to_text(text: str) -> PageText:
    """A .txt page: one block per non-empty line; bulleted lines are list items."""
    text = _CONTROL.sub(" ", normalise_text(text or ""))
    main: list[tuple[str, str]] = []
    for line in text.splitlines():
        if _BULLET_LINE.match(line):
            cleaned = _SPACE.sub(" ", _plain_marks(_BULLET_LINE.sub("", line, count=1))).strip()
            if cleaned:
                main.append(("list", BULLET + cleaned))
            continue
        cleaned = _SPACE.sub(" ", _plain_marks(line)).strip()
        if cleaned:
            main.append(("main", cleaned))
    return _assemble("", main, [])
