"""Typed rule rows read from ``data/lexicon``: context rules and offer cues.

Each class has ``from_dict`` that rejects unknown keys and bad values with a message naming
the file and line (as medspacy's ConTextRule does), so a typo in the data fails loudly
instead of silently never matching.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from clinicscan.errors import LexiconError
from clinicscan.paths import lexicon_dir
from clinicscan.vocabulary import CLAIM_KINDS
from clinicscan.nlp.jsonl import iter_jsonl
from clinicscan.nlp.pattern_check import check_token_pattern

__all__ = ["ContextRule", "OfferCue", "load_context_rules", "load_offer_cues"]

ALL_KINDS = CLAIM_KINDS
CONTEXT_CATEGORIES = ("negated", "reported", "hedged", "pseudo", "terminate")
DIRECTIONS = ("forward", "backward", "sentence")
OFFER_SIGNALS = ("offer", "report")
PAGE_KINDS = ("clinic", "transplant", "regulator", "news", "research", "trial", "banking", "sceptic", "society",
              "explainer")


def _check_keys(cls, row: dict, where: str) -> None:
    known = {f.name for f in fields(cls)}
    unknown = set(row) - known
    if unknown:
        raise LexiconError(f"{where}: unknown keys {sorted(unknown)}; expected some of {sorted(known)}")


def _check_pattern(row: dict, where: str) -> None:
    literal, pattern = row.get("literal"), row.get("pattern")
    if (literal is None) == (pattern is None):
        raise LexiconError(f"{where}: give exactly one of 'literal' (a phrase) or 'pattern' (token dicts)")
    if literal is not None and (not isinstance(literal, str) or not literal.strip()):
        raise LexiconError(f"{where}: 'literal' must be a non-empty string, got {literal!r}")
    if pattern is not None and not (isinstance(pattern, list) and pattern and all(isinstance(t, dict) for t in pattern)):
        raise LexiconError(f"{where}: 'pattern' must be a list of token dicts, got {pattern!r}")
    if pattern is not None:
        check_token_pattern(pattern, where)


def _check_offer_tokens(pattern: list | None, where: str) -> None:
    """An offer cue's pattern must use only what ``TokenPatternMatcher`` reads (LOWER, ORTH, TEXT, NORM, LIKE_NUM,
    IS_PUNCT; IN / NOT_IN / REGEX; OP ?, *, +). spaCy's schema accepts more (LEMMA, IS_TITLE, FUZZY); such a cue
    loaded, then made every page fail to analyse with only a log line. Now it fails here, at load, naming it."""
    if not pattern:
        return
    from spacy.strings import StringStore

    from clinicscan.nlp.matching.predicates import compile_token

    strings = StringStore()
    for n, token in enumerate(pattern, 1):
        try:
            compile_token(token, strings)
        except (ValueError, re.error) as error:
            raise LexiconError(f"{where}: token {n}: {error}") from None


@dataclass(frozen=True)
class ContextRule:
    """A cue that changes how mentions near it are read.

    ``category``: negated / reported / hedged; ``pseudo`` cancels cues it overlaps ("not
    only"); ``terminate`` ends a cue's scope ("but"). ``direction``: the cue applies to
    mentions after it (forward), before it (backward) or anywhere in its sentence;
    ``max_scope`` is the largest gap in tokens between cue and mention. ``not_ids``: vocabulary
    ids the cue never applies to (the origin of exosomes is never an exosome product itself:
    "exosomes are purified from the secretome" names one product twice). ``complement``, for a
    ``terminate`` cue only: words that open the clause a cue governs ("that", "whether"); when
    one ends the cue or stands right after it and right before this terminator, the terminator
    is inside that clause and does not end the cue's reach ("there is no evidence that our
    injections rebuild discs": "our" ends "we do not use fetal cells, our cells ..." but not this).
    ``evidence``, for a ``reported`` cue only: the cue cites the field's evidence in general ("studies have
    shown", "research suggests"); on a page that presents the product elsewhere, such a sentence is the
    page's own education voice, not someone else's claim (``clinicscan_context``, "own evidence").
    """

    category: str
    literal: str | None = None
    pattern: list | None = None
    direction: str = "forward"
    max_scope: int = 8
    kinds: tuple[str, ...] = ALL_KINDS
    after_kind: str | None = None
    not_ids: tuple[str, ...] = ()
    complement: tuple[str, ...] = ()
    evidence: bool = False
    note: str | None = None

    @classmethod
    def from_dict(cls, row: Any, where: str = "context rule") -> "ContextRule":
        if not isinstance(row, dict):
            raise LexiconError(f"{where}: expected a JSON object, got {type(row).__name__}")
        _check_keys(cls, row, where)
        _check_pattern(row, where)
        if row.get("category") not in CONTEXT_CATEGORIES:
            raise LexiconError(f"{where}: category must be one of {CONTEXT_CATEGORIES}, got {row.get('category')!r}")
        if row.get("direction", "forward") not in DIRECTIONS:
            raise LexiconError(f"{where}: direction must be one of {DIRECTIONS}, got {row.get('direction')!r}")
        scope = row.get("max_scope", 8)
        if not isinstance(scope, int) or isinstance(scope, bool) or scope < 0:
            raise LexiconError(f"{where}: max_scope must be a whole number >= 0, got {scope!r}")
        if row.get("after_kind") not in (None, *ALL_KINDS):
            raise LexiconError(f"{where}: after_kind must be one of {ALL_KINDS}, got {row.get('after_kind')!r}")
        kinds = tuple(row.get("kinds", ALL_KINDS))
        if not kinds or any(k not in ALL_KINDS for k in kinds):
            raise LexiconError(f"{where}: kinds must be some of {ALL_KINDS}, got {list(kinds)!r}")
        not_ids = row.get("not_ids", [])
        if not isinstance(not_ids, list) or not all(isinstance(v, str) and v for v in not_ids):
            raise LexiconError(f"{where}: not_ids must be a list of vocabulary ids, got {not_ids!r}")
        complement = row.get("complement", [])
        if not isinstance(complement, list) or not all(isinstance(v, str) and v for v in complement):
            raise LexiconError(f"{where}: complement must be a list of words, got {complement!r}")
        if complement and row.get("category") != "terminate":
            raise LexiconError(f"{where}: complement applies to terminate cues only")
        if not isinstance(row.get("evidence", False), bool):
            raise LexiconError(f"{where}: evidence must be true or false, got {row.get('evidence')!r}")
        if row.get("evidence") and row.get("category") != "reported":
            raise LexiconError(f"{where}: evidence applies to reported cues only")
        return cls(**{**row, "kinds": kinds, "not_ids": tuple(not_ids), "complement": tuple(w.lower() for w in complement)})

    def to_dict(self) -> dict:
        row = {"category": self.category, "direction": self.direction, "max_scope": self.max_scope}
        row.update({k: v for k, v in (("literal", self.literal), ("pattern", self.pattern), ("note", self.note),
                                      ("after_kind", self.after_kind)) if v})
        if self.kinds != ALL_KINDS:
            row["kinds"] = list(self.kinds)
        if self.not_ids:
            row["not_ids"] = list(self.not_ids)
        if self.complement:
            row["complement"] = list(self.complement)
        if self.evidence:
            row["evidence"] = True
        return row


@dataclass(frozen=True)
class OfferCue:
    """A wording that shows the page offers treatment (``signal`` offer) or reports on it.

    ``page_kind`` says what kind of page the cue points to; ``weight`` how strongly. A cue
    counts once per page however often it appears. ``replaces``: a match of this cue is the only
    evidence its words give, so cues of either signal matched inside it do not count ("lead candidate"
    is a drug's, not the clinic's "candidate"; "records are reviewed by" is intake, not a library's
    "reviewed by" credit). Cues of one signal inside a longer one never count twice anyway.
    ``boilerplate``: legal wording every kind of site puts in its footer ("this is not medical advice",
    "consult your doctor"); in the navigation text it says nothing about who publishes and does not count.
    A cue that replaces may weigh 0: a guard, which only stops the cues inside it from counting and is no evidence
    itself ("store at room temperature" is a product's handling, not a bank's "store"; session 29 storagewords).
    """

    signal: str
    page_kind: str
    weight: float = 1.0
    literal: str | None = None
    pattern: list | None = None
    replaces: bool = False
    boilerplate: bool = False
    note: str | None = None
    id: str = field(default="")

    @classmethod
    def from_dict(cls, row: Any, where: str = "offer cue") -> "OfferCue":
        if not isinstance(row, dict):
            raise LexiconError(f"{where}: expected a JSON object, got {type(row).__name__}")
        _check_keys(cls, row, where)
        _check_pattern(row, where)
        _check_offer_tokens(row.get("pattern"), where)
        if row.get("signal") not in OFFER_SIGNALS:
            raise LexiconError(f"{where}: signal must be one of {OFFER_SIGNALS}, got {row.get('signal')!r}")
        if row.get("page_kind") not in PAGE_KINDS:
            raise LexiconError(f"{where}: page_kind must be one of {PAGE_KINDS}, got {row.get('page_kind')!r}")
        weight = row.get("weight", 1.0)
        for flag in ("replaces", "boilerplate"):
            if not isinstance(row.get(flag, False), bool):
                raise LexiconError(f"{where}: {flag} must be true or false, got {row.get(flag)!r}")
        if not isinstance(weight, (int, float)) or isinstance(weight, bool) or weight < 0 \
                or (weight == 0 and not row.get("replaces", False)):
            raise LexiconError(f"{where}: weight must be a positive number (0 only for a guard, with replaces "
                               f"true), got {weight!r}")
        cue_id = row.get("id") or row.get("literal") or json.dumps(row.get("pattern"))
        return cls(**{**row, "weight": float(weight), "id": cue_id})

    def to_dict(self) -> dict:
        row = {"signal": self.signal, "page_kind": self.page_kind, "weight": self.weight, "id": self.id}
        row.update({k: v for k, v in (("literal", self.literal), ("pattern", self.pattern), ("note", self.note)) if v})
        if self.replaces:
            row["replaces"] = True
        if self.boilerplate:
            row["boilerplate"] = True
        return row


def _read_jsonl(path: Path, build) -> list:
    return [build(row, where) for _line, where, row in iter_jsonl(path, LexiconError)]


def load_context_rules(path: Path | str | None = None) -> list[ContextRule]:
    return _read_jsonl(Path(path) if path else lexicon_dir() / "context_rules.jsonl", ContextRule.from_dict)


def load_offer_cues(path: Path | str | None = None) -> list[OfferCue]:
    return _read_jsonl(Path(path) if path else lexicon_dir() / "offer_cues.jsonl", OfferCue.from_dict)
