"""Which seller decision to make, and the structural signals of non-selling publishers (session 22, sellerdefault).

``data/lexicon/seller_decision.json`` names the decision ``clinicscan_offer`` makes:

- ``evidence`` (the default): offer cues weighed against report cues of every kind, as since session 16;
- ``burden``: the burden of proof inverted. On real clinic sites nearly every page sells, and the coding manual
  (sections 1 and 4) names a closed list of publishers that do not: regulators, societies, news, law firms,
  critics, journals, universities and labs, trial listings, registries, banks that only store, plant-stem-cell
  cosmetics, supplements, vets, forums, directories, insurers, a clinic page only repeating a warning. So a page
  that presents a product of its own sells unless *one* of those kinds is established on it
  (``OfferComponent._burden`` in nlp/components/offer.py).

The signals here are the second half of a kind's evidence (the first is its report cues in offer_cues.jsonl):
identifiers, bylines, datelines, an agency's frame, a journal's apparatus, forum and directory furniture, an
insurer's policy header, a vet's patients; regular expressions over the page's title and main text, each distinct
signal counted once. ``CLINICSCAN_SELLER_MODE`` in the environment overrides the file's mode (``clinicscan evaluate
--seller-mode``); ``nlp/lexicon.py`` adds it to the lexicon version so stored readings are redone.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from clinicscan.errors import LexiconError
from clinicscan.nlp.jsonl import read_json
from clinicscan.nlp.rules import PAGE_KINDS
from clinicscan.paths import lexicon_dir

__all__ = ["FILE", "MODES", "ENV", "SellerDecision", "load_seller_decision", "mode_override"]

FILE = "seller_decision.json"
MODES = ("evidence", "burden")
#: the environment variable that overrides the file's mode (evaluation of both modes from one checkout)
ENV = "CLINICSCAN_SELLER_MODE"


def mode_override() -> str:
    """The mode named in the environment, "" when none; an unknown name is an error."""
    mode = os.environ.get(ENV, "").strip().lower()
    if mode and mode not in MODES:
        raise LexiconError(f"{ENV}={mode!r}: must be one of {MODES}")
    return mode


@dataclass(frozen=True)
class Signal:
    kind: str
    weight: float
    pattern: re.Pattern
    note: str


@dataclass(frozen=True)
class SellerDecision:
    mode: str
    #: a publisher kind is established from this much of its weight beyond the page's own seller wording
    publisher_least: float
    #: how much an own product (a product in the page's own voice) rebuts
    own_product_weight: float
    #: apply the learned model's veto in mode "burden" too
    veto: bool
    signals: tuple[Signal, ...]

    @property
    def burden(self) -> bool:
        return self.mode == "burden"

    def publisher_weights(self, text: str) -> tuple[dict[str, float], list[str]]:
        """Weight per page kind of the distinct structural signals in ``text``, and their notes."""
        weights: dict[str, float] = {}
        notes: list[str] = []
        for signal in self.signals:
            if signal.pattern.search(text):
                weights[signal.kind] = weights.get(signal.kind, 0.0) + signal.weight
                notes.append(f"{signal.kind}:{signal.note}")
        return weights, notes


@lru_cache(maxsize=8)
def _load(path: Path, override: str) -> SellerDecision:
    data = read_json(path, LexiconError)
    try:
        mode = override or str(data.get("mode", "evidence"))
        if mode not in MODES:
            raise ValueError(f"mode must be one of {MODES}, got {mode!r}")
        burden = data.get("burden") or {}
        signals = []
        for i, row in enumerate(data.get("signals") or []):
            if row["kind"] not in PAGE_KINDS or row["kind"] in ("clinic", "transplant"):
                raise ValueError(f"signal {i + 1}: kind must be a non-selling page kind of {PAGE_KINDS}")
            weight = float(row["weight"])
            if weight <= 0:
                raise ValueError(f"signal {i + 1}: weight must be positive")
            flags = 0 if row.get("case_sensitive") else re.I
            signals.append(Signal(row["kind"], weight, re.compile(row["regex"], flags), str(row.get("note", ""))))
        return SellerDecision(mode, float(burden.get("publisher_least", 4.0)),
                              float(burden.get("own_product_weight", 3.0)), bool(burden.get("veto", True)),
                              tuple(signals))
    except (KeyError, TypeError, ValueError, re.error) as exc:
        raise LexiconError(f"{path}: {exc}") from exc


def load_seller_decision(path: Path | str | None = None) -> SellerDecision:
    """The decision settings in ``path`` (default: the shipped lexicon's), the environment's mode over the file's.
    A folder without the file decides as mode "evidence" (or the environment's mode, with no signals)."""
    where = Path(path) if path else lexicon_dir() / FILE
    override = mode_override()
    if not where.exists():
        return SellerDecision(override or "evidence", 4.0, 3.0, True, ())
    return _load(where, override)
