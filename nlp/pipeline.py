"""Building the extraction pipeline: ``spacy.blank("en")`` and our components.

``clinicscan_blocks`` sets the sentence boundaries: every line starts a sentence, because
the text keeps one block (a paragraph, a heading, a list item) per line and a claim never
runs across blocks, and within lines the sentencizer's rule applies (computed with numpy:
spaCy's sentencizer loops over Token objects and cost more than the tokenizer).
"""

from __future__ import annotations

import os
from functools import lru_cache

import spacy
from spacy.language import Language

import clinicscan.nlp.components.blocks  # noqa: F401  (registers the factories)
import clinicscan.nlp.components.context  # noqa: F401
import clinicscan.nlp.components.mentions  # noqa: F401
import clinicscan.nlp.components.offer  # noqa: F401

__all__ = ["build_pipeline", "acronym_hyphen_apart", "capital_contractions", "shared_pipeline", "thousands_apart", "PIPE_NAMES"]

PIPE_NAMES = ("clinicscan_blocks", "clinicscan_mentions", "clinicscan_context", "clinicscan_offer")


def capital_contractions(nlp: Language) -> None:
    """Split "DON'T", "WE'RE" and "I'M" as spaCy splits "don't" and "Don't" ("DO" + "N'T", whose
    lower case is "n't"): its English exceptions have only the lower and capitalised forms, and a
    contraction in capitals stayed one word that no negation or voice rule knew."""
    from spacy.symbols import ORTH

    rules = dict(nlp.tokenizer.rules or {})
    added = {}
    for key, pieces in rules.items():
        upper = key.upper()
        if "'" in key and upper != key and upper not in rules and any(c.isalpha() for c in key):
            added[upper] = [{**piece, ORTH: piece[ORTH].upper()} for piece in pieces]
    if added:
        nlp.tokenizer.rules = {**rules, **added}


def thousands_apart(nlp: Language) -> None:
    """Split a "k" for thousands from its digits ("$5k" -> "$", "5", "k"), as spaCy already splits "$12K": its
    suffix rules split "K" after two digits but not "k", nor "K" before a stop ("$5K."), so "$5k" was no number
    and no price (the "$price" offer cue wants a currency sign, then a number)."""
    from spacy.util import compile_suffix_regex

    nlp.tokenizer.suffix_search = compile_suffix_regex([*nlp.Defaults.suffixes, *_EXTRA_SUFFIXES]).search


#: suffixes spaCy leaves on a word: a "k" for thousands ("$5k"); a plus after a percent sign ("80%+ of patients"
#: was one word "80%+", no number and no percent, so no success-rate claim: the "%" tests also read "%+",
#: nlp/matching/phrase_variants.py)
_EXTRA_SUFFIXES = (r"(?<=[0-9])[kK]", r"(?<=[0-9])%\+")


def acronym_hyphen_apart(nlp: Language) -> None:
    """Split a hyphen after an acronym written with stops ("F.D.A.-approved" -> "F.D.A.", "-", "approved"), as spaCy
    splits "FDA-approved": its infix rule wants a letter or digit before the hyphen, so "F.D.A.-approved" stayed one
    word that no approval claim and no "F.D.A." sign read; and a dash before a currency sign ("$5,000-$7,000")."""
    from spacy.util import compile_infix_regex

    nlp.tokenizer.infix_finditer = compile_infix_regex([*nlp.Defaults.infixes, *_EXTRA_INFIXES]).finditer


#: infixes spaCy does not split: a hyphen after an acronym's stop ("F.D.A.-approved"); a dash between a number and a
#: currency sign ("$5,000-$7,000" was "$" and "5,000-$7,000": no number after the sign, no price), and the "k" for
#: thousands before such a dash ("$5k-$7k")
_EXTRA_INFIXES = (r"(?<=[A-Za-z]\.)-(?=[A-Za-z])", r"(?<=[0-9kK])[-\u2013](?=[$\u20ac\u00a3])",
                  r"(?<=[0-9])[kK](?=[-\u2013][$\u20ac\u00a3])")


def build_pipeline(lexicon_dir: str | None = None, initialize: bool = True) -> Language:
    """A fresh pipeline with patterns loaded from ``lexicon_dir`` (default: the shipped lexicon)."""
    nlp = spacy.blank("en")
    capital_contractions(nlp)
    thousands_apart(nlp)
    acronym_hyphen_apart(nlp)
    nlp.max_length = 20_000_000
    nlp.add_pipe("clinicscan_blocks")
    folder = str(lexicon_dir or "")
    nlp.add_pipe("clinicscan_mentions", config={"lexicon_dir": folder})
    nlp.add_pipe("clinicscan_context",
                 config={"rules_path": f"{folder}/context_rules.jsonl" if folder else ""})
    nlp.add_pipe("clinicscan_offer", config={"cues_path": f"{folder}/offer_cues.jsonl" if folder else "",
                                             "model_path": f"{folder}/seller_model.json" if folder else ""})
    if initialize:
        nlp.initialize()
    return nlp


def shared_pipeline(lexicon_dir: str | os.PathLike | None = None) -> Language:
    """One pipeline per process, lexicon folder and seller mode set in the environment (workers build it once;
    nlp/publisher_kind.py)."""
    from clinicscan.nlp.publisher_kind import mode_override

    return _shared_pipeline(str(lexicon_dir or ""), mode_override())


@lru_cache(maxsize=4)
def _shared_pipeline(folder: str, seller_mode: str = "") -> Language:
    return build_pipeline(folder or None)
