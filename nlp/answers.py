"""Short answers to a question about safety: "Is it safe? Yes." is a safety claim.

The coding manual counts a flat answer to a FAQ question ("Is it safe? Yes.", "Are there any
side effects? None.") as absolute safety wording, but the claim is split over two sentences:
the question, which the context rules rightly read as not asserting anything, and a one-word
answer that names no flag. Token patterns never cross a sentence, so this step joins them: a
question naming a topic from ``data/lexicon/short_answers.json`` followed by a sentence that is
only an answer word for that topic (and a few intensifiers and punctuation) gives a mention of
the topic's flag on the answer word, whose own sentence then decides its context like any
mention. An answer may name its reason after a break ("None at all, because the cells are your
own.", "No, there are none."): the words before the first comma (or semicolon, colon, dash) are
read as the answer when the next word does not make it conditional (``continuation_hedges``:
"Yes, when done by a doctor", "No, apart from mild soreness" are left to the patterns, which may
hedge). Filler words may come before the answer word ("There aren't any.").

A topic may also require a second word in the question (``question_also``: "Do I *need*
surgery?", not "Is it surgery?"), refuse questions with some words (``question_not``: "Does the
procedure *involve* surgery? No." describes the procedure, it does not spare one), and name
``tails``: words that, right after the answer word, make the rest of the sentence its reason
("Do I need surgery? Not with stem cell therapy.", "Not anymore.").
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy

from clinicscan.errors import LexiconError
from clinicscan.nlp.jsonl import read_json
from clinicscan.nlp.matching import TokenArrays

__all__ = ["ShortAnswers", "load_short_answers"]

FILE = "short_answers.json"


@dataclass(frozen=True)
class Topic:
    flag: str
    question_words: frozenset[str]
    answers: frozenset[str]
    question_also: frozenset[str] = frozenset()
    question_not: frozenset[str] = frozenset()
    tails: frozenset[str] = frozenset()

    def asked(self, words: set[str]) -> bool:
        return bool(words & self.question_words) and (not self.question_also or bool(words & self.question_also)) \
            and not words & self.question_not

    def to_dict(self) -> dict:
        row = {"flag": self.flag, "question_words": sorted(self.question_words), "answers": sorted(self.answers)}
        row.update({k: sorted(v) for k, v in (("question_also", self.question_also), ("question_not", self.question_not),
                                             ("tails", self.tails)) if v})
        return row


_TOPIC_KEYS = {"flag", "question_words", "answers", "question_also", "question_not", "tails"}


def _topic(t: dict) -> Topic:
    unknown = set(t) - _TOPIC_KEYS
    if unknown:
        raise KeyError(sorted(unknown)[0])
    words = {k: frozenset(w.lower() for w in t.get(k, ())) for k in ("question_also", "question_not", "tails")}
    return Topic(str(t["flag"]), frozenset(w.lower() for w in t["question_words"]),
                 frozenset(w.lower() for w in t["answers"]), **words)


@dataclass(frozen=True)
class ShortAnswers:
    topics: tuple[Topic, ...]
    fillers: frozenset[str]
    max_words: int
    continuation_hedges: frozenset[str] = frozenset()

    def to_dict(self) -> dict:
        return {"topics": [t.to_dict() for t in self.topics],
                "fillers": sorted(self.fillers), "max_words": self.max_words,
                "continuation_hedges": sorted(self.continuation_hedges)}

    @classmethod
    def from_dict(cls, raw: object, where: str = FILE) -> "ShortAnswers":
        try:
            topics = tuple(_topic(t) for t in raw["topics"])
            unknown = set(raw) - {"comment", "topics", "fillers", "max_words", "continuation_hedges"}
            if unknown:
                raise KeyError(sorted(unknown)[0])
            return cls(topics, frozenset(w.lower() for w in raw.get("fillers", ())), int(raw.get("max_words", 3)),
                       frozenset(w.lower() for w in raw.get("continuation_hedges", ())))
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
        starts, n, strings, lower, sentence_of = arrays.starts, arrays.n, arrays.texts, arrays.lower, arrays.sentence_of
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
            asked = None
            for a, b in self._answer_spans(strings, lower, q1, a1):
                plain = [(i, strings[lower[i]]) for i in range(a, b) if any(c.isalnum() for c in strings[lower[i]])]
                if not plain or len(plain) > self.max_words:
                    continue
                if asked is None:
                    asked = {strings[lower[i]] for i in range(q0, q1)}
                hit = self._topic_answer(plain, asked)
                if hit is not None:
                    found.append(hit)
                    break
            else:
                if not any(t.tails for t in self.topics):
                    continue
                head = []
                for i in range(q1, a1):
                    word = strings[lower[i]]
                    if any(c.isalnum() for c in word):
                        head.append((i, word))
                        if len(head) > self.max_words:
                            break
                if len(head) > 1:
                    if asked is None:
                        asked = {strings[lower[i]] for i in range(q0, q1)}
                    hit = self._tail_answer(head, asked)
                    if hit is not None:
                        found.append(hit)
        return found

    _BREAKS = frozenset({",", ";", ":", "-", "\u2013", "\u2014"})

    def _answer_spans(self, strings, lower, q1: int, a1: int):
        """The whole answer sentence when short; then the words before its first break, when the
        sentence goes on with a reason rather than a condition."""
        window = 3 * self.max_words
        if a1 - q1 <= window:
            yield q1, a1
        for i in range(q1, min(a1, q1 + window)):
            if strings[lower[i]] in self._BREAKS:
                after = next((strings[lower[j]] for j in range(i + 1, a1) if any(c.isalnum() for c in strings[lower[j]])),
                             None)
                if after is not None and after not in self.continuation_hedges:
                    yield q1, i
                return

    def _tail_answer(self, plain, asked):
        """(flag, answer token) when an answer word (after fillers only) is followed by one of its
        topic's tails: "Not with stem cell therapy.", "No, not with our injections."."""
        for topic in self.topics:
            if not topic.tails or not topic.asked(asked):
                continue
            for k, (i, w) in enumerate(plain[:-1]):
                if w in topic.answers and plain[k + 1][1] in topic.tails:
                    return topic.flag, i
                if w not in self.fillers:
                    break
        return None

    def _topic_answer(self, plain, asked):
        """(flag, answer token) when the words are one topic's answer word among fillers."""
        for topic in self.topics:
            if not topic.asked(asked):
                continue
            at = next((i for i, w in plain if w in topic.answers), None)
            if at is not None and all(w in self.fillers or w in topic.answers for _, w in plain):
                return topic.flag, at
        return None


def load_short_answers(directory: Path | str) -> ShortAnswers | None:
    """The lexicon folder's short-answer rules, or None when it has none."""
    path = Path(directory) / FILE
    if not path.exists():
        return None
    return ShortAnswers.from_dict(read_json(path, LexiconError), str(path))
