"""Conditions named by coordinated body sites that share one head: "neck and back pain".

Pages list several sites before one noun ("neck and back pain", "heart and lung disease",
"brain and spinal cord injuries"); the phrase matcher only sees the last site with the
noun, so the others were lost. For a condition mention of two or more tokens, each site
joined to it by "and", "or", "&", "+", "/" or a comma is tried with the mention's head words
("neck" + "pain"); when that phrase is in the lexicon, the site token(s) become a mention
of its id. Only phrases the lexicon already holds are made, so nothing new is invented.

The same list also comes after the head: "pain in the knees, hips and lower back". For a
mention that starts "pain in" (or "aches in", "stiffness in" ...), each further site joined to
it becomes a mention when site + "pain" is a lexicon phrase ("hip pain", "lower back pain");
so does each site listed after a mention ending in a pain word and "in", "e.g.", "such as",
"including", "like" ("musculoskeletal pain, e.g. knees, the back and neck").
"""

from __future__ import annotations

from typing import Callable, Iterable

__all__ = ["CoordinatedSites"]

#: the words that join the items of a list ("neck, back and hip", "fat + marrow")
_LIST_JOINERS = frozenset({"and", "or", "&", "+", "/", ","})
_JOINERS = _LIST_JOINERS | {"as", "well"}
_MAX_SITES = 4  # "neck, back, hip and knee pain"
_MAX_SITE_TOKENS = 3  # "spinal cord", "bone-marrow" (three tokens)
#: "pain in the knees, hips and back": the words that lead such a mention, and the noun each site takes
_LEADS = frozenset({"pain", "pains", "ache", "aches", "aching", "discomfort", "stiffness", "soreness"})
_DETERMINERS = frozenset({"the", "your", "my", "his", "her", "their", "both", "our"})
_PAIN = ("pain",)
_SINGULAR = {"feet": "foot"}
#: the words a generic pain mention may carry before its head ("nerve pain in the hands" is no hand pain)
_GENERIC_PAIN = frozenset({"chronic", "persistent", "musculoskeletal", "joint", "stubborn", "long", "term", "-",
                           "orthopedic", "orthopaedic", "lingering", "widespread", "severe", "muscle", "and"})
_MAX_LISTED = 8  # "pain, e.g. knees, the back, shoulders, elbows, the hips, neck, wrist"
_INTRODUCERS = frozenset({"in", "e.g.", "eg", "e.g", "including", "like", "especially", "particularly", "i.e."})


class CoordinatedSites:
    """Callable: (lower-cased words of the Doc, condition mentions) -> extra (start, end, key) mentions."""

    def __init__(self, phrases: Iterable[tuple[tuple[str, ...], object]]):
        self.index: dict[tuple[str, ...], object] = {}
        self.heads: set[tuple[str, ...]] = set()
        for words, key in phrases:
            if len(words) >= 2:
                self.index.setdefault(words, key)
                for cut in range(1, min(len(words), _MAX_SITE_TOKENS + 1)):
                    self.heads.add(words[cut:])

    def __call__(self, word: Callable[[int], str], n: int,
                 mentions: Iterable[tuple[int, int]]) -> list[tuple[int, int, object]]:
        out: list[tuple[int, int, object]] = []
        for start, end in mentions:
            if end - start < 2:
                continue
            words = tuple(map(word, range(start, end)))
            for cut in range(1, min(len(words), _MAX_SITE_TOKENS + 1)):
                head = words[cut:]
                if head not in self.heads:
                    continue
                out.extend(self._sites(word, start, head))
            if len(words) >= 3 and words[0] in _LEADS and words[1] == "in":
                out.extend(self._sites_after(word, end, n))
            elif words[-1] in _LEADS and all(w in _GENERIC_PAIN for w in words[:-1]):
                # "musculoskeletal pain, e.g. knees, the back and neck"; "chronic pain in the hips and back"
                after = self._introducer(word, end, n)
                if after is not None:
                    out.extend(self._sites_after(word, after, n, first=True))
        return out

    @staticmethod
    def _introducer(word, end: int, n: int) -> int | None:
        """The index after "in", "e.g.", "such as", "including", "like" that follows a pain word, or None."""
        i = end
        if i < n and word(i) in {",", ":", "("}:
            i += 1
        if i < n and word(i) in _INTRODUCERS:
            return i + 1
        if i + 1 < n and (word(i), word(i + 1)) == ("such", "as"):
            return i + 2
        return None

    def _sites_after(self, word, end: int, n: int, first: bool = False) -> list[tuple[int, int, object]]:
        """Sites listed after a "pain in the X" mention: ", hips and (the) lower back".

        ``first``: the list starts at ``end`` with no joiner ("pain in | the knees and back").
        """
        found = []
        i = end
        while i < n and len(found) < _MAX_LISTED:
            if first:
                first = False
            elif word(i) not in _JOINERS:
                break
            while i < n and word(i) in _JOINERS:
                i += 1
            while i < n and word(i) in _DETERMINERS:
                i += 1
            hit = None
            for size in range(_MAX_SITE_TOKENS, 0, -1):
                if i + size > n:
                    continue
                site = [word(j) for j in range(i, i + size)]
                last = site[-1]
                for form in (last, _SINGULAR.get(last, last[:-1] if last.endswith("s") else last)):
                    key = self.index.get(tuple(site[:-1]) + (form,) + _PAIN)
                    if key is not None:
                        hit = (i, i + size, key)
                        break
                if hit is not None:
                    break
            if hit is None:
                break
            found.append(hit)
            i = hit[1]
        return found

    def _sites(self, word, start: int, head: tuple[str, ...]) -> list[tuple[int, int, object]]:
        found = []
        i = start - 1
        sites = 0
        while i >= 0 and sites < _MAX_SITES:
            if word(i) not in _JOINERS:
                break
            while i >= 0 and word(i) in _JOINERS:
                i -= 1
            if i < 0:
                break
            hit = None
            for size in range(_MAX_SITE_TOKENS, 0, -1):
                s = i - size + 1
                if s < 0:
                    continue
                key = self.index.get(tuple(word(j) for j in range(s, i + 1)) + head)
                if key is not None:
                    hit = (s, i + 1, key)
                    break
            if hit is None:
                break
            found.append(hit)
            sites += 1
            i = hit[0] - 1
        return found


#: the tissues a source list names beside blood ("from your fat, from your bone marrow, or from blood")
_BLOOD_NEIGHBOURS = frozenset({"adipose", "bone_marrow", "umbilical_cord", "cord_blood", "amniotic", "placental"})
#: "blood" followed by these is another thing (blood cells, blood flow, blood platelets...)
_NOT_BLOOD_SOURCE = frozenset({"cell", "cells", "vessel", "vessels", "flow", "supply", "sugar", "sugars", "pressure",
                               "test", "tests", "work", "platelet", "platelets", "plasma", "-", "count", "counts",
                               "clot", "clots", "draw", "type", "bank", "banking", "stream", "levels", "level",
                               "disorder", "disorders", "cancer", "cancers", "donation", "donor", "donors"})
_LIST_WORDS = _LIST_JOINERS | {"from"} | _DETERMINERS | {"a", "person", "'s", "patient", "own"}


def blood_in_source_lists(word: Callable[[int], str], n: int,
                          mentions: Iterable[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """Spans of a bare "blood" listed as a cell source beside a tissue source.

    "stem cells taken from your fat, from your bone marrow, or from blood", "taken from bone marrow,
    from blood or from umbilical cord blood": "blood" is peripheral blood when it is joined to a
    source mention (``mentions``: start, end, vocabulary id) by list words only and "from" stands
    right before it (after a determiner) or before the neighbouring source, and no PRP is named
    near it (platelet-rich plasma "from your own blood").
    """
    found: list[tuple[int, int]] = []
    seen: set[int] = set()
    mentions = list(mentions)
    platelets = [start for start, _end, vocab_id in mentions if vocab_id == "prp"]
    for start, end, vocab_id in mentions:
        if vocab_id not in _BLOOD_NEIGHBOURS:
            continue
        from_before_source = start > 0 and (word(start - 1) == "from" or (
            start > 1 and word(start - 1) in _DETERMINERS and word(start - 2) == "from"))
        for step, edge in ((1, end), (-1, start - 1)):
            i, joined, words = edge, False, []
            while 0 <= i < n and word(i) in _LIST_WORDS and len(words) < 6:
                words.append(word(i))
                joined = joined or word(i) in _LIST_JOINERS
                i += step
            if not (0 <= i < n and joined and word(i) == "blood") or i in seen:
                continue
            if i + 1 < n and word(i + 1) in _NOT_BLOOD_SOURCE:
                continue
            before = [word(j) for j in range(max(0, i - 3), i)]
            from_before_blood = bool(before) and (before[-1] == "from" or (
                len(before) > 1 and before[-1] in _DETERMINERS and before[-2] == "from"))
            if i > 0 and word(i - 1) in {"cord", "umbilical", "peripheral", "whole", "menstrual", "placental"}:
                continue
            if any(i - 25 < p < i + 10 for p in platelets):
                continue  # "PRP ... collected from your own fat and your own blood": the platelets' blood
            if from_before_blood or from_before_source:
                seen.add(i)
                found.append((i, i + 1))
    return found
