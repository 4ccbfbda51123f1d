"""Short answers to a question about safety: "Is it safe? Yes." is a safety claim.

The coding manual counts a flat answer to a FAQ question ("Is it safe? Yes.", "Are there any
side effects? None.") as absolute safety wording, but the claim is split over two sentences:
the question, which the context rules rightly read as not asserting anything, and a one-word
answer that names no flag. Token patterns never cross a sentence, so this step joins them: a
question naming a topic from ``data/lexicon/short_answers.json`` followed by a sentence that is
only an answer word for that topic (and a few intensifiers and punctuation) gives a mention of
the topic's flag on the answer word, whose own sentence then decides its context like any
mention. A longer answer ("Yes, when done by a doctor") is left to the patterns: it may hedge.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy

from clinicscan.errors import LexiconError
from clinicscan.nlp.matching import TokenArrays

__all__ = ["ShortAnswers", "load_short_answers"]

FILE = "short_answers.json"


@dataclass(frozen=True)
class Topic:
    flag: str
    question_words: frozenset[str]
    answers: frozenset[str]


@dataclass(frozen=True)
class ShortAnswers:
    topics: tuple[Topic, ...]
    fillers: frozenset[str]
    max_words: int

    def to_dict(self) -> dict:
        return {"topics": [{"flag": t.flag, "question_words": sorted(t.question_words), "answers": sorted(t.answers)}
                           for t in self.topics],
                "fillers": sorted(self.fillers), "max_words": self.max_words}

    @classmethod
    def from_dict(cls, raw: object, where: str = FILE) -> "ShortAnswers":
        try:
            topics = tuple(Topic(str(t["flag"]), frozenset(w.lower() for w in t["question_words"]),
                                 frozenset(w.lower() for w in t["answers"])) for t in raw["topics"])
            unknown = set(raw) - {"comment", "topics", "fillers", "max_words"}
            if unknown:
                raise KeyError(sorted(unknown)[0])
            return cls(topics, frozenset(w.lower() for w in raw.get("fillers", ())), int(raw.get("max_words", 3)))
        except (TypeError, KeyError, AttributeError, ValueError) as exc:
            raise LexiconError(f"{where}: expected {{'topics': [{{'flag', 'question_words', 'answers'}}], "
                               f"'fillers', 'max_words'}}, got a problem with {exc!r}") from exc

    def find(self, arrays: TokenArrays) -> list[tuple[str, int]]:
        """(flag, answer token) for every short answer to a question on one of the topics.

        Only sentences with a "?" are looked at (a numpy search over the page's tokens), so a
        page without questions costs one array comparison.
        """
        question_mark = arrays.strings["?"] if "?" in arrays.strings else None
        if question_mark is None:
            return []
        marks = numpy.flatnonzero(arrays.lower_np == question_mark).tolist()
        if not marks:
            return []
        found: list[tuple[str, int]] = []
        starts, n, strings, lower, sentence_of = arrays.starts, arrays.n, arrays.strings, arrays.lower, arrays.sentence_of
        bounds = starts + [n]
        done = set()
        for mark in marks:
            si = sentence_of[mark]
            if si in done or si + 1 >= len(starts):
                continue
            done.add(si)
            q0, q1, a1 = bounds[si], bounds[si + 1], bounds[si + 2]
            if any(strings[lower[i]].strip() for i in range(mark + 1, q1)):
                continue  # the "?" does not end the sentence
            answer = [(i, strings[lower[i]]) for i in range(q1, min(a1, q1 + 3 * self.max_words))]
            if a1 - q1 > 3 * self.max_words:
                continue
            plain = [(i, w) for i, w in answer if any(c.isalnum() for c in w)]
            if not plain or len(plain) > self.max_words or any(w not in self.fillers for _, w in plain[1:]):
                continue
            first, first_word = plain[0]
            asked = {strings[lower[i]] for i in range(q0, q1)}
            for topic in self.topics:
                if first_word in topic.answers and asked & topic.question_words:
                    found.append((topic.flag, first))
                    break
        return found


def load_short_answers(directory: Path | str) -> ShortAnswers | None:
    """The lexicon folder's short-answer rules, or None when it has none."""
    path = Path(directory) / FILE
    if not path.exists():
        return None
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise LexiconError(f"{path} is not valid JSON: {exc}") from exc
    return ShortAnswers.from_dict(raw, str(path))
