"""The site names itself as a clinic: its title's organisation is a clinic's name, and the page names it again.

Coding manual, section 4: "a clinic page that never says 'we' but sits on the clinic's site and
describes its therapy" is a seller. A careful coder sees whose site it is before reading a line:
"Stroke Treatment and Recovery | Helvetia Cell Clinics", "Regenerative Therapy | Snake River Family
Practice", then the same name again in a heading, a breadcrumb, a menu ("Why choose ... at Helvetia
Cell Clinics"), the footer or the text ("the protocol at Pacifica"). The rules read the page's words;
this reads its frame. The organisation is the part of the title shaped as a name, first, last or the whole
title (helper titleparts: real titles put it anywhere), or a copyright, logo or address line of the page's
frame; a word of ``other_words`` (a newsroom, regulator, university,
hospital, vet, insurer, directory, shop, law firm) makes it no clinic, whatever else it says.
A name said once, only in the title, is not enough: a page reprinted from elsewhere, or a
directory's entry titled with the clinic it lists, seldom repeats it.

Word lists in ``data/lexicon/site_name.json`` (session 21, helper sellmiss, issue 8).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from clinicscan.errors import LexiconError
from clinicscan.nlp.case_blind import words_lowered
from clinicscan.paths import lexicon_dir

__all__ = ["SiteName", "load_site_name"]

#: a title's parts are split at these ("Brand | Topic", "Topic – Brand", "Brand » Conditions » COPD")
_TITLE_SPLIT = re.compile(r"\s(?:\||-|–|—|:|·)\s|\s*»\s*")
_WORD = re.compile(r"[\w.']+|&")
#: a distinctive word of the name: this long at least, and not one of the kind words
_MIN_NAME_WORD = 4
#: a name is short, and each of its words is capitalised but these ("Institute of Spine and Joint Care"); not
#: "for", "in": a title-case topic says it ("Stem Cell Therapy for Orthopedic Conditions", "Clinics In Mexico")
_MAX_NAME_WORDS = 7
_NAME_LINKS = frozenset({"of", "and", "&", "the", "de", "del", "y"})
#: a frame line saying whose site it is on its own: its copyright line ("© 2025 Halberd Sports Medicine Institute")
_COPYRIGHT = re.compile(r"^\s*(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}\s*(?:[-–]\s*\d{4})?\s*)?", re.IGNORECASE)
#: a frame line's name ends at its first of these ("Pellworth Spine & Joint, 88 Harbor Road", "Tallis · 2100 Ridge")
_LINE_CUT = re.compile(r"\s*(?:,|·|\||\s-\s|–|—|\.\s|\.$)")
#: frame lines longer than this are text, not a logo, brand or footer line
_MAX_FRAME_LINE = 200


@dataclass(frozen=True)
class SiteName:
    clinic_words: frozenset[str]
    other_words: frozenset[str]

    def clinic_name(self, title: str) -> tuple[str, ...]:
        """The distinctive words of the title's organisation when it names a clinic, else ().

        The organisation is whichever part of the title is shaped as a name with a clinic word (first, last or
        the whole title); a part with an "other" word anywhere in the title makes the site something else."""
        return _clinic_name(title.strip(), self.clinic_words, self.other_words)

    def names_itself(self, title: str, rest: str, frame: str = "") -> str:
        """The clinic's name when the title names a clinic and ``rest`` (the page after its title) names it
        again, or when ``frame`` (the page's header, menus and footer, part of ``rest``) has a copyright line
        naming a clinic, or a logo, brand or address line naming a clinic that the page names again; else ""."""
        if not rest:
            return ""
        words = self.clinic_name(title)
        if words:
            found = _said(rest, words)
            if found:
                return found
        if not frame or _has_other(title, self.other_words):
            return ""
        for line in frame.splitlines():
            line = line.strip()
            if not line or len(line) > _MAX_FRAME_LINE:
                continue
            copyright, words = _frame_line(line, self.clinic_words, self.other_words)
            if not words:
                continue
            if copyright:
                return words[0]
            found = _said(rest.replace(line, " ", 1), words)
            if found:
                return found
        return ""


@lru_cache(maxsize=8192)
def _frame_line(line: str, clinic: frozenset[str], other: frozenset[str]) -> tuple[bool, tuple[str, ...]]:
    """(whether the frame line is a copyright line, the distinctive words of the clinic name it opens with).

    Kept per process: a site's header, menus and footer come again on every page it has; the answer
    depends on the line and the word lists alone (the lists are part of the key)."""
    copyright = _COPYRIGHT.match(line)
    head = line[copyright.end():] if copyright else line
    head = _LINE_CUT.split(head, maxsplit=1)[0]
    return copyright is not None, _name_words(head, clinic, other)


def _said(text: str, words: tuple[str, ...]) -> str:
    """The first of ``words`` that ``text`` says as a whole, capitalised word ("Kestrel", not "kestrelwood")."""
    lower = words_lowered(text)
    for word in words:
        at = lower.find(word)
        while at >= 0:
            end = at + len(word)
            if (at == 0 or not lower[at - 1].isalnum()) and (end == len(lower) or not lower[end].isalnum()) \
                    and not text[at].islower():
                return word
            at = lower.find(word, end)
    return ""


def _has_other(title: str, other: frozenset[str]) -> bool:
    """A part of the title shaped as a name says another kind of organisation ("Harbor City Ledger", "Westmarch
    University School of Medicine"); a topic's words do not ("Clinic fined over research claims"), nor a section's
    one word ("Blog | Arizona Orthopedics")."""
    return any(len(raw) > 1 and _shaped(raw) and any(w.lower() in other for w in raw)
               for raw in map(_WORD.findall, _TITLE_SPLIT.split(title)))


def _shaped(raw: list[str]) -> bool:
    return 0 < len(raw) <= _MAX_NAME_WORDS and not any(
        w[0].islower() and w.lower() not in _NAME_LINKS for w in raw if w[0].isalpha())


@lru_cache(maxsize=4096)
def _clinic_name(title: str, clinic: frozenset[str], other: frozenset[str]) -> tuple[str, ...]:
    if _has_other(title, other):
        return ()
    # the last part first, as most titles end with the site's name; a brand-first title has its topic after
    for part in reversed(_TITLE_SPLIT.split(title)):
        words = _name_words(part, clinic, other)
        if words:
            return words
    return ()


def _name_words(part: str, clinic: frozenset[str], other: frozenset[str]) -> tuple[str, ...]:
    """The distinctive words of ``part`` when it is shaped as a clinic's name, else (): a few capitalised words
    (or "of", "and", "&"), one a clinic word, none an "other" word. A topic is not ("Clinics in Phoenix",
    "Clinic fined over claims")."""
    raw = _WORD.findall(part)
    if not _shaped(raw):
        return ()
    words = [w.lower() for w in raw]
    if not any(w in clinic for w in words) or any(w in other for w in words):
        return ()
    return tuple(w for w in words if len(w) >= _MIN_NAME_WORD and w.isalpha() and w not in clinic
                 and w not in _KIND_WORDS)


#: words of a name that say what, not who ("Stem Cell Clinic", "Joint and Spine")
_KIND_WORDS = frozenset({"stem", "cell", "cells", "therapy", "therapies", "treatment", "treatments",
                         "injection", "injections", "procedure", "procedures", "relief", "options", "conditions",
                         "condition", "disease", "diseases", "knee", "knees", "shoulder", "spinal", "arthritis",
                         "joint", "joints", "pain",
                         "sports", "family", "health", "care", "skin", "hair", "anti", "aging", "ageing", "beauty",
                         "plastic", "surgery", "integrative", "functional", "natural", "advanced", "premier", "global",
                         "international", "group", "partners", "north", "south", "east", "west", "city", "valley"})


@lru_cache(maxsize=8)
def load_site_name(path: str | None = None) -> SiteName:
    where = Path(path) if path else lexicon_dir() / "site_name.json"
    try:
        rows = json.loads(where.read_text(encoding="utf-8"))
        return SiteName(frozenset(w.lower() for w in rows["clinic_words"]),
                        frozenset(w.lower() for w in rows["other_words"]))
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise LexiconError(f"{where}: {type(error).__name__}: {error}") from None
