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
from dataclasses import dataclass
from pathlib import Path

from clinicscan.errors import LexiconError
from clinicscan.paths import lexicon_dir
from clinicscan.vocabulary import CLAIM_KINDS, KIND_FIELDS, load_vocabulary
from clinicscan.nlp.jsonl import iter_jsonl, read_json
from clinicscan.nlp.pattern_check import check_token_pattern

__all__ = ["KINDS", "PATTERN_FILES", "Lexicon", "LexiconPattern", "load_lexicon", "lexicon_version"]

#: label in the JSONL files -> the ``kind`` stored on a Claim ("PRODUCT_TYPE" -> "product_type")
KINDS = {kind.upper(): kind for kind in CLAIM_KINDS}
#: kind -> its pattern file ("condition" -> "conditions.jsonl")
PATTERN_FILES = {kind: f"{field}.jsonl" for kind, field in KIND_FIELDS.items()}

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


def lexicon_version(directory: Path) -> str:
    """A short hash of every data file of the lexicon folder (names and contents), and of the seller mode the
    environment sets over seller_decision.json's (nlp/publisher_kind.py), which changes the readings too."""
    from clinicscan.nlp.publisher_kind import mode_override

    digest = hashlib.sha256()
    for path in sorted(p for p in directory.iterdir() if p.suffix in {".jsonl", ".json"}):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    override = mode_override()
    if override:
        digest.update(f"seller mode {override}".encode())
    return digest.hexdigest()[:16]


#: optional file of named word lists that pattern tokens can name with ``{"CLASS": name}``
WORD_CLASSES = "word_classes.json"


def load_word_classes(folder: Path) -> dict[str, list[str]]:
    """Named word lists (a family of wordings: a verb with its inflections, the nouns of a kind).

    A red-flag family is written once as a class and used by many patterns, so widening the
    family (a new verb, a British spelling) widens every pattern that names it."""
    path = folder / WORD_CLASSES
    if not path.exists():
        return {}
    raw = read_json(path, LexiconError)
    classes = raw.get("classes") if isinstance(raw, dict) else None
    if not isinstance(classes, dict) or not all(
            isinstance(words, list) and words and all(isinstance(w, str) and w for w in words)
            for words in classes.values()):
        raise LexiconError(f"{path}: expected {{\"classes\": {{name: [word, ...]}}}}")
    return {name: [w.lower() for w in words] for name, words in classes.items()}


def expand_classes(pattern: object, classes: dict[str, list[str]], where: str) -> object:
    """A token ``{"CLASS": name or [names]}`` becomes ``{"LOWER": {"IN": words}}`` (other keys kept)."""
    if not isinstance(pattern, list):
        return pattern
    out = []
    for token in pattern:
        if isinstance(token, dict) and "CLASS" in token:
            names = token["CLASS"] if isinstance(token["CLASS"], list) else [token["CLASS"]]
            unknown = [n for n in names if n not in classes]
            if unknown or "LOWER" in token:
                raise LexiconError(f"{where}: CLASS {unknown or names} is not in {WORD_CLASSES}" if unknown
                                   else f"{where}: a token has both CLASS and LOWER")
            words = list(dict.fromkeys(w for n in names for w in classes[n]))
            token = {**{k: v for k, v in token.items() if k != "CLASS"}, "LOWER": {"IN": words}}
        out.append(token)
    return out


def _check_pattern(pattern: object, where: str) -> str | list:
    if isinstance(pattern, str) and pattern.strip():
        return pattern
    if isinstance(pattern, list) and pattern and all(isinstance(t, dict) for t in pattern):
        return check_token_pattern(pattern, where)
    raise LexiconError(f"{where}: 'pattern' must be a non-empty string or a list of token dicts, got {pattern!r}")


def load_lexicon(directory: Path | str | None = None) -> Lexicon:
    """Read and validate the lexicon; every id must roll up to a vocabulary id of its kind."""
    folder = Path(directory) if directory else lexicon_dir()
    shared = load_vocabulary()
    vocabulary = {kind: list(shared.ids(kind)) for kind in CLAIM_KINDS}
    rollup_path = folder / "rollup.json"
    rollup = read_json(rollup_path, LexiconError) if rollup_path.exists() else {}
    classes = load_word_classes(folder)
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
            patterns.append(LexiconPattern(kind, detail, vocab_id, _check_pattern(expand_classes(row["pattern"], classes, where), where),
                                           where))
    return Lexicon(patterns, rollup, vocabulary, lexicon_version(folder), folder)
