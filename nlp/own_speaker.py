"""Is reported speech on a page its own staff speaking? ("according to our medical director", "says Dr. Hume,
medical director of Cedar Ridge Regenerative" on Cedar Ridge Regenerative's own page.)

The offer rules weigh "said", "says", "according to" as a news page's wording. A clinic quotes its own doctor
in the same words, and the coding manual reads the page by who speaks: the page's own staff speaking is the
page, not a reporter. Word lists: ``data/lexicon/own_speaker.json``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from clinicscan.errors import LexiconError
from clinicscan.nlp.case_blind import matches_at
from clinicscan.nlp.first_letters import led_by_first_letters
from clinicscan.nlp.jsonl import read_json
from clinicscan.paths import lexicon_dir

FILE = "own_speaker.json"
_KEYS = ("speech_cues", "staff_words", "title_words")


@dataclass(frozen=True)
class OwnSpeaker:
    """Which reported-speech cues may be the page's own people, and how to tell."""

    cues: frozenset[str]
    staff: re.Pattern
    #: a person the page introduces by a staff title: "medical director Dr. Esteban Quirós", "Dr. Lena Hart, founder"
    #: (group "a" or "b" holds the surname)
    titled: re.Pattern | None = None
    #: what every match of ``titled`` begins with, in lower case (nlp/case_blind.matches_at)
    titled_starts: tuple[str, ...] = ()

    @classmethod
    def from_dict(cls, row: object, where: str = FILE) -> "OwnSpeaker":
        if not isinstance(row, dict):
            raise LexiconError(f"{where}: expected a JSON object of word lists")
        unknown = [k for k in row if not k.startswith("_") and k not in _KEYS]
        missing = [k for k in _KEYS if k not in row]
        if unknown or missing:
            raise LexiconError(f"{where}: expected keys {', '.join(_KEYS)}; missing {missing or 'none'}, "
                               f"unknown {unknown or 'none'}")
        for key in _KEYS:
            if not isinstance(row[key], list) or not row[key] or not all(isinstance(w, str) and w.strip()
                                                                         for w in row[key]):
                raise LexiconError(f"{where}: {key!r} must be a non-empty list of words, got {row[key]!r}")
        words = "|".join(re.escape(w) for w in sorted(row["staff_words"], key=len, reverse=True))
        # searched over a page's whole text: led by the first letters a match can begin with (a title word, "Dr",
        # "Prof", "Professor")
        titled = led_by_first_letters([*row["title_words"], "Dr", "Prof"], titled_pattern(row["title_words"]))
        # what a match begins with, in lower case (nlp/case_blind.matches_at): a title word, "dr", "prof"
        return cls(frozenset(row["speech_cues"]), re.compile(rf"\bour\s+(?:{words})s?\b", re.I), re.compile(titled),
                   tuple(sorted({w.lower() for w in [*row["title_words"], "Dr", "Prof"]})))

    def staff_names(self, text: str) -> frozenset[str]:
        """The surnames of the people ``text`` introduces by a staff title ("the standard protocol developed by
        medical director Dr. Esteban Quirós", "Dr. Lena Hart, the clinic's founder"): on a clinic's own page they
        speak for it wherever they are quoted again ("Dr. Quirós said"). Session 25 sellerdata, issue 8."""
        if self.titled is None:
            return frozenset()
        found = self.titled.finditer(text) if not self.titled_starts else \
            matches_at(self.titled, text, self.titled_starts)
        return frozenset(match.group("a") or match.group("b") for match in found)

    def speaks_for_page(self, sentence: str, clinic_words: tuple[str, ...], staff: frozenset[str] = frozenset()) -> bool:
        """The sentence gives its words to the page's own people: "our" + a staff word, or a distinctive word of
        the clinic the title names, said as a name (capitalised); on a page whose title names a clinic, also a
        person the page introduces by a staff title (``staff``, from ``staff_names``)."""
        if self.staff.search(sentence):
            return True
        if clinic_words and staff and any(re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", sentence)
                                          for name in staff):
            return True
        lower = sentence.lower()
        for word in clinic_words:
            for found in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", lower):
                if sentence[found.start()].isupper():
                    return True
        return False


def titled_pattern(title_words: list[str]) -> str:
    """A person introduced by a staff title: "medical director Dr. X" (group "a"), "Dr. X, founder" (group "b")."""
    titles = "|".join(re.escape(w) for w in sorted(title_words, key=len, reverse=True))
    first = r"(?:[A-Z]\.\s+|[A-Z][\w'’-]+\s+)"  # a first name or an initial, not a surname ending a sentence
    name = rf"(?:Dr\.?\s+|Prof\.?\s+|Professor\s+)?{first}{{0,2}}"
    return (rf"\b(?i:{titles})\s+{name}(?P<a>[A-Z][\w'’-]+)"
            rf"|\b(?:Dr\.?|Prof\.?|Professor)\s+{first}{{0,2}}(?P<b>[A-Z][\w'’-]+),\s+"
            rf"(?:[\w'’-]+\s+){{0,3}}?(?i:{titles})\b")


def load_own_speaker(path: Path | str | None = None) -> OwnSpeaker:
    """The lists from ``path`` (default: the shipped ``data/lexicon/own_speaker.json``)."""
    return _load(str(path) if path else str(lexicon_dir() / FILE))


@lru_cache(maxsize=8)
def _load(path: str) -> OwnSpeaker:
    return OwnSpeaker.from_dict(read_json(Path(path), LexiconError), path)
