"""Page-level features for the learned seller decision (who speaks, and what the page's organisation does).

The rule decision in ``clinicscan_offer`` adds up cues; real pages written as education
("What is BMAC?") have few of them, and pages that report on clinics have many. These
features give a small logistic model the rest of the picture: the rule's own evidence (its
score, cue weight per page kind, the page's product mentions by context), the page's voice
(first person plural or singular, second person), counts of word groups (procedure,
booking, money, animals, storage, research, news, regulator, community, critic wording,
from ``data/lexicon/seller_words.json``) and what kind of organisation the page title names.

Everything is read from columns the pipeline already has: one WordTable lookup (a bit per
word group) and one bincount per page.
"""

from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from pathlib import Path

import numpy

from clinicscan.nlp.case_blind import words_lowered
from clinicscan.nlp.matching import WordTable
from clinicscan.nlp.rules import PAGE_KINDS
from clinicscan.paths import lexicon_dir

__all__ = ["SellerEvidence", "FeatureReader", "load_word_groups", "feature_names"]

#: the organisation is named after the last of these in a title ("Knee Pain | Example Clinic")
_TITLE_SPLIT = re.compile(r"\s(?:\||-|–|—|:|·)\s")
_TITLE_WORD = re.compile(r"[\w.$€£']+")
#: title words that name no one in particular
_GENERIC_TITLE_WORDS = {"stem", "cell", "cells", "therapy", "treatment", "treatments", "home", "page", "blog", "about",
                        "with", "your", "from", "regenerative", "center", "centre", "clinic", "clinics", "news", "what",
                        "know", "need", "best", "guide", "institute", "group", "international", "global", "services"}
#: rates are per 100 tokens of at least this many (on a short page one word would swing a rate)
MIN_RATE_TOKENS = 400


def load_word_groups(path: Path | str | None = None) -> dict[str, list[str]]:
    """Word groups by name (keys starting with '_' are comments); a word pages also write as a sign or with stops
    is read in that spelling too ("fda" is also "f.d.a.", data/lexicon/word_signs.json)."""
    from clinicscan.nlp.matching.phrase_variants import word_signs

    path = Path(path) if path else lexicon_dir() / "seller_words.json"
    rows = json.loads(path.read_text(encoding="utf-8"))
    signs = word_signs()
    groups = {name: [w.lower() for w in words] for name, words in rows.items() if not name.startswith("_")}
    return {name: words + [sign.lower() for w in words for sign in signs.get(w, ()) if sign.lower() not in words]
            for name, words in groups.items()}


def feature_names(groups: dict[str, list[str]]) -> list[str]:
    """The fixed order of the feature vector (the model file stores it and is checked against it)."""
    text_groups = [g for g in groups if not g.startswith("title_")]
    title_groups = [g for g in groups if g.startswith("title_")]
    names = ["rule_score"]
    names += [f"cue_{kind}" for kind in PAGE_KINDS]
    names += ["products", "products_counted_share", "products_reported_share", "own_product", "declined_product",
              "no_product"]
    for group in text_groups:
        names += [f"count_{group}", f"rate_{group}"]
    names += [f"org_{group[len('title_'):]}" for group in title_groups]
    names += ["org_named_in_text", "we_with_research", "we_with_news"]
    return names


class SellerEvidence:
    """What the rule decision saw on one page, handed to the feature reader."""

    __slots__ = ("score", "cue_weight", "products", "counted", "own", "declined", "reported")

    def __init__(self, score: float, cue_weight: dict[str, float], products: int, counted: int, own: int,
                 declined: int, reported: int = 0):
        self.score = score
        self.cue_weight = cue_weight
        self.products = products
        self.counted = counted
        self.own = own
        self.declined = declined
        self.reported = reported


class FeatureReader:
    """Turns a Doc and its SellerEvidence into the named feature vector."""

    def __init__(self, groups: dict[str, list[str]] | None = None):
        self.groups = groups if groups is not None else load_word_groups()
        self.names = feature_names(self.groups)
        self.text_groups = [g for g in self.groups if not g.startswith("title_")]
        self.title_groups = {g: set(words) for g, words in self.groups.items() if g.startswith("title_")}
        if len(self.text_groups) > 31:
            raise ValueError("at most 31 text word groups (one bit each)")
        bit_of: dict[str, int] = {}
        for bit, group in enumerate(self.text_groups):
            for word in self.groups[group]:
                bit_of[word] = bit_of.get(word, 0) | (1 << bit)
        self._bit_of = bit_of
        self._table: WordTable | None = None
        self._vocab = None
        self._generic_words = set().union(*(set(w) for w in self.groups.values())) | _GENERIC_TITLE_WORDS
        # the feature names read() fills, made once: (page kind, "cue_<kind>"), (bit, "count_<group>",
        # "rate_<group>") and (title word set, "org_<group>")
        self._cue_names = tuple((kind, f"cue_{kind}") for kind in PAGE_KINDS)
        self._group_names = tuple((bit, f"count_{group}", f"rate_{group}") for bit, group in enumerate(self.text_groups))
        self._org_names = tuple((vocabulary, f"org_{group[len('title_'):]}")
                                for group, vocabulary in self.title_groups.items())

    def _word_table(self, vocab) -> WordTable:
        if self._table is None or self._vocab is not vocab:
            strings = vocab.strings
            self._table = WordTable(lambda word: self._bit_of.get(strings[word].lower(), 0), dtype="uint32")
            self._vocab = vocab
        return self._table

    def read(self, arrays, evidence: SellerEvidence, title: str, main_end: int, main_text: str = "") -> list[float]:
        """The feature vector of one page (``main_end``: tokens before it are main text, not menus)."""
        values: dict[str, float] = {"rule_score": max(-15.0, min(15.0, evidence.score)) / 5.0}
        words = max(main_end, MIN_RATE_TOKENS)
        cue_weight = evidence.cue_weight
        for kind, name in self._cue_names:
            values[name] = math.log1p(cue_weight.get(kind, 0.0))
        values["products"] = math.log1p(evidence.products)
        values["products_counted_share"] = evidence.counted / evidence.products if evidence.products else 0.0
        values["products_reported_share"] = evidence.reported / evidence.products if evidence.products else 0.0
        values["own_product"] = 1.0 if evidence.own else 0.0
        values["declined_product"] = 1.0 if evidence.declined else 0.0
        values["no_product"] = 0.0 if evidence.counted else 1.0
        counts = self._group_counts(arrays, main_end).tolist()
        for bit, count_name, rate_name in self._group_names:
            count = counts[bit]
            values[count_name] = math.log1p(count)
            values[rate_name] = 100.0 * count / words
        org_words = _organisation_words(title)
        for vocabulary, name in self._org_names:
            values[name] = 1.0 if org_words & vocabulary else 0.0
        values["org_named_in_text"] = math.log1p(self._own_name_count(title, main_text))
        values["we_with_research"] = values["rate_we"] * values["rate_research"] if "rate_research" in values else 0.0
        values["we_with_news"] = values["rate_we"] * values["rate_news"] if "rate_news" in values else 0.0
        return [values[name] for name in self.names]

    def _own_name_count(self, title: str, main_text: str) -> int:
        """How often the body names the organisation of the title: a page that speaks of itself.

        A news story's outlet, a regulator's name, a directory's brand seldom recur in the
        body; a clinic names itself ("At Example Clinic we ..."). Distinctive words only:
        not the generic title words of the word groups, not short words.
        """
        generic = self._generic_words
        words = [w for w in _organisation_words(title) if len(w) > 3 and w not in generic and w.isalpha()]
        if not words or not main_text:
            return 0
        body = words_lowered(main_text)
        first = body.find("\n")
        body = body[first + 1:] if first >= 0 else body  # the title line itself does not count
        return max(body.count(w) for w in words)

    def _group_counts(self, arrays, main_end: int):
        if not main_end:
            return numpy.zeros(len(self.text_groups), dtype="int64")
        table = self._word_table(arrays.vocab)
        bits = table.lookup(arrays.word_ids[:main_end])
        hits = bits[bits != 0]
        # each group's count at once: the hits' bits as a (hits x groups) table of 0/1, summed by column
        # (one count_nonzero call per group cost ~1 us each on every page)
        shifts = numpy.arange(len(self.text_groups), dtype=hits.dtype)
        return ((hits[:, None] >> shifts) & 1).sum(axis=0, dtype="int64")


@lru_cache(maxsize=4096)
def _organisation_words(title: str) -> frozenset[str]:
    """Lower-case words of the part of a title that names the site ("... | Example Spine Clinic")."""
    parts = _TITLE_SPLIT.split(title.strip())
    org = parts[-1] if len(parts) > 1 else title
    return frozenset(w.lower() for w in _TITLE_WORD.findall(org))
