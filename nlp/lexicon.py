"""The lexicon: patterns per vocabulary id, loaded from ``data/lexicon`` (data, not code).

Each line of ``conditions.jsonl``, ``product_types.jsonl`` and ``red_flags.jsonl`` is one
``{"label", "id", "pattern"}``: a string is a phrase matched case-insensitively, a list is a
spaCy ``Matcher`` token pattern (for case-sensitive abbreviations such as "MS" and for
sentence-level claim wordings). ``id`` may be a finer id that ``rollup.json`` maps to exactly
one shared vocabulary id (``data/vocabulary.json``). The lexicon version is a hash of every
file in the folder, so a claim records which lexicon produced it.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from clinicscan.errors import LexiconError
from clinicscan.paths import data_dir, lexicon_dir
from clinicscan.nlp.jsonl import iter_jsonl

__all__ = ["KINDS", "Lexicon", "LexiconPattern", "load_lexicon", "match_ids", "normalise_text"]

#: label in the JSONL files -> the ``kind`` stored on a Claim
KINDS = {"CONDITION": "condition", "PRODUCT_TYPE": "product_type", "RED_FLAG": "red_flag"}
PATTERN_FILES = {"condition": "conditions.jsonl", "product_type": "product_types.jsonl",
                 "red_flag": "red_flags.jsonl"}
_KIND_ALIASES = {"conditions": "condition", "product_types": "product_type", "red_flags": "red_flag",
                 "product": "product_type", "products": "product_type"}

# Same-length-or-shorter replacements for typographic characters real pages use, so that
# "Parkinson’s", "anti‑aging" and "Wharton’s jelly" match the plain patterns.
_TRANSLATE = str.maketrans({
    "\u2019": "'", "\u2018": "'", "\u201b": "'", "\u00b4": "'", "\u02bc": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ", "\u3000": " ",
    "\u200b": None, "\u200c": None, "\u200d": None, "\u2060": None, "\ufeff": None, "\u00ad": None,
})


_REPLACEMENTS = [(chr(code), "" if value is None else value) for code, value in _TRANSLATE.items()]


def normalise_text(text: str) -> str:
    """Plain apostrophes, hyphens and spaces, so typography never hides a mention.

    The same as ``text.translate(_TRANSLATE)`` (no replacement is itself replaced), but a
    scan per character kind: translate looks up every character of a non-ASCII text in a
    dict, about 2 ms for a 25 KB page.
    """
    if text.isascii():
        return text.replace("`", "'") if "`" in text else text
    for char, replacement in _REPLACEMENTS:
        if char in text:
            text = text.replace(char, replacement)
    return text


@dataclass(frozen=True)
class LexiconPattern:
    """One pattern line: which kind, the (possibly finer) id, its roll-up, and the pattern."""

    kind: str
    detail_id: str
    vocab_id: str
    pattern: str | list
    source: str  # "file:line", for error messages

    @property
    def is_phrase(self) -> bool:
        return isinstance(self.pattern, str)


@dataclass
class Lexicon:
    patterns: list[LexiconPattern]
    rollup: dict[str, str]
    vocabulary: dict[str, list[str]]  # kind -> vocabulary ids
    version: str
    directory: Path

    def vocab_ids(self, kind: str) -> list[str]:
        return list(self.vocabulary[kind])


def _read_vocabulary(path: Path) -> dict[str, list[str]]:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise LexiconError(f"cannot read the vocabulary {path}: {exc}") from exc
    return {"condition": list(raw["conditions"]), "product_type": list(raw["product_types"]),
            "red_flag": list(raw["red_flags"])}


def lexicon_version(directory: Path) -> str:
    """A short hash of every data file of the lexicon folder (names and contents)."""
    digest = hashlib.sha256()
    for path in sorted(p for p in directory.iterdir() if p.suffix in {".jsonl", ".json"}):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _check_pattern(pattern: object, where: str) -> str | list:
    if isinstance(pattern, str) and pattern.strip():
        return pattern
    if isinstance(pattern, list) and pattern and all(isinstance(t, dict) for t in pattern):
        return pattern
    raise LexiconError(f"{where}: 'pattern' must be a non-empty string or a list of token dicts, got {pattern!r}")


def load_lexicon(directory: Path | str | None = None) -> Lexicon:
    """Read and validate the lexicon; every id must roll up to a vocabulary id of its kind."""
    folder = Path(directory) if directory else lexicon_dir()
    vocabulary = _read_vocabulary(data_dir() / "vocabulary.json")
    rollup_path = folder / "rollup.json"
    try:
        rollup = json.loads(rollup_path.read_text(encoding="utf-8")) if rollup_path.exists() else {}
    except ValueError as exc:
        raise LexiconError(f"{rollup_path} is not valid JSON: {exc}") from exc
    patterns: list[LexiconPattern] = []
    for kind, name in PATTERN_FILES.items():
        path = folder / name
        if not path.exists():
            raise LexiconError(f"lexicon file {path} is missing; expected {', '.join(PATTERN_FILES.values())}")
        for _line, where, row in iter_jsonl(path, LexiconError):
            if not isinstance(row, dict) or set(row) != {"label", "id", "pattern"}:
                got = sorted(row) if isinstance(row, dict) else type(row).__name__
                raise LexiconError(f"{where}: expected keys ['id', 'label', 'pattern'], got {got}")
            if KINDS.get(row["label"]) != kind:
                raise LexiconError(f"{where}: label {row['label']!r} does not belong in {name}")
            detail = row["id"]
            vocab_id = detail if detail in vocabulary[kind] else rollup.get(detail)
            if vocab_id not in vocabulary[kind]:
                raise LexiconError(
                    f"{where}: id {detail!r} is not a {kind} vocabulary id and rollup.json does not "
                    "map it to one; add it to rollup.json"
                )
            patterns.append(LexiconPattern(kind, detail, vocab_id, _check_pattern(row["pattern"], where), where))
    return Lexicon(patterns, rollup, vocabulary, lexicon_version(folder), folder)


@lru_cache(maxsize=4)
def _short_text_matcher(directory: str):
    import spacy

    from clinicscan.nlp.mentions import MentionFinder

    nlp = spacy.blank("en")
    return nlp, MentionFinder(nlp, load_lexicon(directory or None).patterns)


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
