"""A FAQ that presumes the reader is treated here (session 21 faqvoice, issue 8).

A clinic's FAQ asks the reader's questions about the procedure's own logistics ("How many sessions will I need?",
"Can I drive home afterwards?"), questions that only make sense where the procedure is given. Several of them on one
page are what a coder reads as the clinic's own FAQ (coding manual, section 1), though the page never says "we".
Structural, not phrase-bound: it reads the questions the page's blocks open with (headings, bold lines, ``<dt>``,
accordion buttons all become blocks in nlp/html_text.py). A forum or a diary asks in the past ("did it hurt?");
a regulator's, consumer group's, trial's or bank's FAQ asks other questions ("is it approved?", "will I be paid?"),
and one of those turns the page's signal off. Word lists in data/lexicon/treated_here.json.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from clinicscan.errors import LexiconError
from clinicscan.nlp.jsonl import read_json
from clinicscan.paths import lexicon_dir

FILE = "treated_here.json"
_WORD = re.compile(r"[a-z’']+")


def _starts(words: list[str]) -> re.Pattern:
    """Any of ``words`` at a word's start (stems: "recover" finds "recovery")."""
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")")


@dataclass(frozen=True)
class TreatedHere:
    longest: int
    least: int
    reader: frozenset[str]
    past: frozenset[str]
    others: frozenset[str]
    logistics: re.Pattern
    excluding: re.Pattern

    def questions(self, text: str) -> list[str]:
        """The questions the text's blocks open with, lower-cased: in each line (block) holding a "?", the line
        up to its first one, unless the line opens with it. Found by ``str.find`` from question mark to question
        mark, not by splitting the text in lines (a page has hundreds of lines and a few questions); the same
        questions in the same order as ``_questions_by_line``."""
        found = []
        longest = self.longest
        mark = text.find("?")
        while mark >= 0:
            start = text.rfind("\n", 0, mark) + 1
            if mark > start:
                question = text[start:mark + 1].strip().lower()
                if len(question.split()) <= longest:
                    found.append(question)
            end = text.find("\n", mark)
            if end < 0:
                break
            mark = text.find("?", end)
        return found

    def _questions_by_line(self, text: str) -> list[str]:
        """The reference reading of ``questions``: every line split off and searched."""
        found = []
        for block in text.split("\n"):
            mark = block.find("?")
            if mark <= 0:
                continue
            question = block[:mark + 1].strip().lower()
            if len(question.split()) <= self.longest:
                found.append(question)
        return found

    def presumes(self, text: str) -> int:
        """How many questions presume the reader is treated here; 0 when fewer than ``least``, none in the
        reader's words, or any question is another kind of FAQ's."""
        count, reader = 0, False
        for question in self.questions(text):
            if self.excluding.search(question):
                return 0
            words = set(_WORD.findall(question))
            if words & self.past or words & self.others or not self.logistics.search(question):
                continue
            count += 1
            reader = reader or bool(words & self.reader)
        return count if count >= self.least and reader else 0


@lru_cache(maxsize=4)
def load_treated_here(path: Path | None = None) -> TreatedHere:
    """The word lists in ``path`` (default: the shipped lexicon's)."""
    where = Path(path) if path else lexicon_dir() / FILE
    data = read_json(where, LexiconError)
    try:
        return TreatedHere(int(data["longest_question"]), int(data["least"]), frozenset(data["reader"]),
                           frozenset(data["past"]), frozenset(data["others"]), _starts(data["logistics"]),
                           _starts(data["excluding"]))
    except (KeyError, TypeError, ValueError) as exc:
        raise LexiconError(f"{where}: {exc}") from exc
