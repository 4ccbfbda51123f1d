"""Vocabulary ids named in a short text (a trial's condition or intervention field).

The same lexicon and mention rules as the page pipeline, without context rules: the
ClinicalTrials.gov importer maps a trial's fields with it.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import spacy

from clinicscan.nlp.lexicon import PATTERN_FILES, load_lexicon
from clinicscan.nlp.mentions import MentionFinder, load_red_flag_guards
from clinicscan.nlp.normalise import normalise_text

__all__ = ["match_ids"]

_KIND_ALIASES = {"conditions": "condition", "product_types": "product_type", "red_flags": "red_flag",
                 "product": "product_type", "products": "product_type"}


@lru_cache(maxsize=4)
def _short_text_matcher(directory: str):
    nlp = spacy.blank("en")
    return nlp, MentionFinder(nlp, load_lexicon(directory or None).patterns, load_red_flag_guards(directory or None))


def match_ids(text: str, kind: str | None = None, *, directory: Path | str | None = None) -> set[str]:
    """Vocabulary ids named in a short text (a trial's condition or intervention).

    ``kind`` is ``condition``, ``product_type`` or ``red_flag`` (or None for all). No context
    rules apply: "Knee Osteoarthritis" -> {"osteoarthritis"}, "Umbilical cord MSCs" ->
    {"umbilical_cord", "msc"}. ``unspecified_stem_cell`` is dropped when a source is named.
    """
    if kind is not None:
        kind = _KIND_ALIASES.get(kind, kind)
        if kind not in PATTERN_FILES:
            raise ValueError(f"kind must be one of {sorted(PATTERN_FILES)} or None, got {kind!r}")
    if not text or not text.strip():
        return set()
    nlp, finder = _short_text_matcher(str(directory or ""))
    doc = nlp.make_doc(normalise_text(text))
    found = {(m.kind, m.vocab_id) for m in finder(doc)}
    products = {v for k, v in found if k == "product_type"}
    if len(products) > 1:
        found.discard(("product_type", "unspecified_stem_cell"))
    return {v for k, v in found if kind is None or k == kind}
