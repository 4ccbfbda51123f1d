"""The site names itself as a clinic: its title's organisation is a clinic's name, and the page names it again.

Coding manual, section 4: "a clinic page that never says 'we' but sits on the clinic's site and
describes its therapy" is a seller. A careful coder sees whose site it is before reading a line:
"Stroke Treatment and Recovery | Helvetia Cell Clinics", "Regenerative Therapy | Snake River Family
Practice", then the same name again in a heading, a breadcrumb, a menu ("Why choose ... at Helvetia
Cell Clinics"), the footer or the text ("the protocol at Pacifica"). The rules read the page's words;
this reads its frame. The organisation part is the title after its last separator (as the seller
model's ``org_*`` features read it); a word of ``other_words`` (a newsroom, regulator, university,
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
from clinicscan.paths import lexicon_dir

__all__ = ["SiteName", "load_site_name"]

#: the organisation is named after the last of these in a title (as in nlp/seller_features.py)
_TITLE_SPLIT = re.compile(r"\s(?:\||-|–|—|:|·)\s")
_WORD = re.compile(r"[\w.']+")
#: a distinctive word of the name: this long at least, and not one of the kind words
_MIN_NAME_WORD = 4


@dataclass(frozen=True)
class SiteName:
    clinic_words: frozenset[str]
    other_words: frozenset[str]

    def clinic_name(self, title: str) -> tuple[str, ...]:
        """The distinctive words of the title's organisation when it names a clinic, else ()."""
        return _clinic_name(title.strip(), self.clinic_words, self.other_words)

    def names_itself(self, title: str, rest: str) -> str:
        """The clinic's name when the title names a clinic and ``rest`` (the page after its title) names it
        again, else ""."""
        words = self.clinic_name(title)
        if not words or not rest:
            return ""
        lower = rest.lower()
        for word in words:
            at = lower.find(word)
            while at >= 0:
                end = at + len(word)
                if (at == 0 or not lower[at - 1].isalnum()) and (end == len(lower) or not lower[end].isalnum()):
                    return word
                at = lower.find(word, end)
        return ""


@lru_cache(maxsize=4096)
def _clinic_name(title: str, clinic: frozenset[str], other: frozenset[str]) -> tuple[str, ...]:
    parts = _TITLE_SPLIT.split(title)
    if len(parts) < 2:
        return ()
    words = [w.lower() for w in _WORD.findall(parts[-1])]
    if not any(w in clinic for w in words) or any(w in other for w in words):
        return ()
    return tuple(w for w in words if len(w) >= _MIN_NAME_WORD and w.isalpha() and w not in clinic
                 and w not in _KIND_WORDS)


#: words of a name that say what, not who ("Stem Cell Clinic", "Joint and Spine")
_KIND_WORDS = frozenset({"stem", "cell", "cells", "therapy", "therapies", "treatment", "joint", "joints", "pain",
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
