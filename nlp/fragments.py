"""Bare fragments of service pages: a heading, bullet, badge or cell "Safe stem cell injections".

Service pages state claims in fragments, not sentences. The coding manual counts a flat
"The injections are SAFE." as absolute safety wording, and a block whose whole text is "Safe &
natural" or "Safe stem cell care" says the same with no verb. The token patterns cannot tell
such a block from "a safe option" or "safe and effective" inside a sentence (hedged or relative,
not counted), so this step looks at block boundaries instead: a block (one line of the text:
heading, list item, badge, table cell) of short sentences ("Safe. Natural.") that opens, after
any bullet or tick mark, with an ``openers`` word, has at most ``max_words`` words a sentence,
no "?" and none of ``not_words`` (hedges, conditions, a procedure's handling: "Safe for most
patients", "Safe disposal of samples") gives a mention of the opener's flag on its first word;
the sentence's context then decides like any mention.

A heading that opens a section about risks is a topic, not a claim ("Safe stem cell therapy?"
then "Every injection carries some risk ..."): when the next block names one of
``section_denies`` words, the fragment is skipped. A menu item ("Safety") never opens with an
opener, and navigation blocks are not counted as red flags anyway (nlp/analyse.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy
from spacy.strings import hash_string

from clinicscan.errors import LexiconError
from clinicscan.nlp.jsonl import read_json
from clinicscan.nlp.matching import TokenArrays, WordTable

__all__ = ["Fragments", "load_fragments", "FILE"]

FILE = "fragments.json"
_KEYS = {"comment", "openers", "max_words", "not_words", "section_denies"}


def _is_break(word: str) -> bool:
    return "\n" in word


def _is_word(word: str) -> bool:
    return any(c.isalnum() for c in word)


#: opener words -> (the vocab its words are read in, a WordTable: is the word's lower-case form an opener)
_TABLES: dict[frozenset, list] = {}


def _opener_table(openers, arrays: TokenArrays) -> WordTable:
    """Whether each word's lower-case form (``Lexeme.lower``, the ``lower_np`` column) is an opener,
    computed once per word and process: a gather a page instead of ``numpy.isin`` over the page's
    lower-case ids (the same tokens: equal hashes are equal strings)."""
    key = frozenset(openers)
    held = _TABLES.get(key)
    if held is None:
        wanted = frozenset(hash_string(w) for w in key)
        held = _TABLES[key] = [arrays.vocab, None]
        held[1] = WordTable(lambda orth: held[0][orth].lower in wanted, dtype="bool")
    held[0] = arrays.vocab  # a word new to the table is read in the Doc's own vocab
    return held[1]


@dataclass(frozen=True)
class Fragments:
    #: first word of a block -> the flag it states ("safe" -> safety_claim)
    openers: dict
    max_words: int
    not_words: frozenset[str]
    section_denies: frozenset[str]

    def to_dict(self) -> dict:
        return {"openers": dict(self.openers), "max_words": self.max_words, "not_words": sorted(self.not_words),
                "section_denies": sorted(self.section_denies)}

    @classmethod
    def from_dict(cls, raw: object, where: str = FILE) -> "Fragments":
        try:
            unknown = set(raw) - _KEYS
            if unknown:
                raise KeyError(sorted(unknown)[0])
            return cls({str(k).lower(): str(v) for k, v in raw["openers"].items()}, int(raw.get("max_words", 5)),
                       frozenset(w.lower() for w in raw.get("not_words", ())),
                       frozenset(w.lower() for w in raw.get("section_denies", ())))
        except (TypeError, KeyError, AttributeError, ValueError) as exc:
            raise LexiconError(f"{where}: expected {{'openers': {{word: flag}}, 'max_words', 'not_words', "
                               f"'section_denies'}}, got a problem with {exc!r}") from exc

    def opener_tokens(self, arrays: TokenArrays) -> list[int]:
        """The tokens whose lower-case form is an opener, in order."""
        if not arrays.n or not self.openers:
            return []
        return numpy.flatnonzero(_opener_table(self.openers, arrays).lookup(arrays.word_ids)).tolist()

    def find(self, arrays: TokenArrays) -> list[tuple[str, int]]:
        """(flag, first word's token) for every block that is a bare fragment opening with an opener.

        Only the tokens that are an opener are looked at (``opener_tokens``: a per-word table
        gathered over the page), so a page without one costs one gather.
        """
        strings, lower, n = arrays.texts, arrays.lower, arrays.n
        hits = self.opener_tokens(arrays)
        if not hits:
            return []
        found: list[tuple[str, int]] = []
        starts, sentence_of = arrays.starts, arrays.sentence_of
        bounds = starts + [n]
        for first in hits:
            si = sentence_of[first]
            s0 = starts[si]
            # only a bullet or tick mark ("• ", "✓ ") before the opener in its sentence
            if any(_is_word(strings[lower[i]]) or _is_break(strings[lower[i]]) for i in range(s0, first)):
                continue
            if s0 > 0 and not _is_break(strings[lower[s0 - 1]]):
                continue  # the sentence does not open its block
            # the block: this sentence and any after it up to the line break ("Safe. Natural.")
            sj = si
            while bounds[sj + 1] < n and not _is_break(strings[lower[bounds[sj + 1] - 1]]):
                sj += 1
            words = []
            for k in range(si, sj + 1):
                sentence = [strings[lower[i]] for i in range(first if k == si else bounds[k], bounds[k + 1])
                            if not _is_break(strings[lower[i]])]
                if sum(map(_is_word, sentence)) > self.max_words:
                    break  # a sentence of prose in the block: not a fragment
                words += sentence
            else:
                if "?" in words or self.not_words.intersection(words):
                    continue
                if sj + 1 < len(starts):
                    following = {strings[lower[i]] for i in range(bounds[sj + 1], bounds[sj + 2])}
                    if following & self.section_denies:
                        continue
                found.append((self.openers[words[0]], first))
        return found


def load_fragments(directory: Path | str) -> Fragments | None:
    """The lexicon folder's fragment rules, or None when it has none."""
    path = Path(directory) / FILE
    if not path.exists():
        return None
    return Fragments.from_dict(read_json(path, LexiconError), str(path))
