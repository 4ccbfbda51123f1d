"""The shared vocabulary: the claim kinds, the contexts that count, and the ids of each kind.

One home for facts both the extract and the report stage use. The ids are read once from
``data/vocabulary.json`` (the roll-up ids of the shared vocabulary.md), so the lexicon, the
gold files, the registry loader and the exports check ids against the same list; each
condition's category serves the serious-disease rule and the charts.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from clinicscan.errors import VocabularyError
from clinicscan.paths import data_dir

__all__ = ["CELL_SOURCES", "CLAIM_KINDS", "COUNTED_CONTEXTS", "CONTEXTS", "KIND_FIELDS", "RED_FLAG_COUNTED_CONTEXTS",
           "Vocabulary", "counted_contexts", "label", "load_vocabulary"]

#: what a Claim row's ``kind`` may be
CLAIM_KINDS = ("condition", "product_type", "red_flag")
#: a kind's plural: the page-level field, the export column and the gold-file key
KIND_FIELDS = {"condition": "conditions", "product_type": "product_types", "red_flag": "red_flags"}
#: every context the context component decides
CONTEXTS = ("asserted", "negated", "hedged", "reported")
#: contexts that make a mention a claim (a hedge such as "may help" still sells the treatment)
COUNTED_CONTEXTS = ("asserted", "hedged")
#: but a hedged red flag is none: "may help regenerate", "could delay surgery" (coding manual, section 3)
RED_FLAG_COUNTED_CONTEXTS = ("asserted",)
#: product types that name where the cells come from (or what they are); PRP and exosomes do not
CELL_SOURCES = frozenset({"adipose", "bone_marrow", "umbilical_cord", "cord_blood", "amniotic", "placental",
                          "embryonic_fetal", "peripheral_blood", "msc"})


def counted_contexts(kind: str) -> tuple[str, ...]:
    """The contexts in which a mention of ``kind`` counts as the page's claim."""
    return RED_FLAG_COUNTED_CONTEXTS if kind == "red_flag" else COUNTED_CONTEXTS


@dataclass(frozen=True)
class Vocabulary:
    product_types: tuple[str, ...]
    conditions: dict[str, str]  # id -> category
    red_flags: tuple[str, ...]

    def ids(self, kind: str) -> tuple[str, ...]:
        if kind == "condition":
            return tuple(self.conditions)
        if kind == "product_type":
            return self.product_types
        if kind == "red_flag":
            return self.red_flags
        raise ValueError(f"unknown vocabulary kind {kind!r}; expected one of {CLAIM_KINDS}")

    def category(self, condition_id: str) -> str:
        return self.conditions.get(condition_id, "other")


@lru_cache(maxsize=1)
def load_vocabulary() -> Vocabulary:
    """The shipped vocabulary; a broken file is a packaging error worth a clear message."""
    return read_vocabulary(data_dir() / "vocabulary.json")


def read_vocabulary(path: Path) -> Vocabulary:
    """Read a vocabulary file; ``VocabularyError`` names the file and what is wrong."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        conditions = raw["conditions"]
        if isinstance(conditions, list):  # tolerate a plain id list
            conditions = {cid: "other" for cid in conditions}
        return Vocabulary(
            product_types=tuple(raw["product_types"]),
            conditions=dict(conditions),
            red_flags=tuple(raw["red_flags"]),
        )
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise VocabularyError(
            f"{path}: cannot read the vocabulary ({type(exc).__name__}: {exc}); reinstall "
            "clinicscan or restore data/vocabulary.json"
        ) from exc


@lru_cache(maxsize=1)
def _labels() -> dict[tuple[str, str], str]:
    path = data_dir() / "registry" / "labels.csv"
    try:
        import csv

        with path.open(encoding="utf-8") as handle:
            return {(row["kind"], row["id"]): row["label"] for row in csv.DictReader(handle)}
    except (OSError, KeyError):
        return {}


def label(kind: str, vocab_id: str) -> str:
    """Plain words for an id, for sentences a regulator can paste ("umbilical-cord cell products")."""
    return _labels().get((kind, vocab_id)) or vocab_id.replace("_", " ")
