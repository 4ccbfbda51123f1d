"""Which mentioned conditions and product types a selling page claims as its own offer.

Rules decide each mention's context (negated, reported...); real pages also name ids as
causes, symptoms, background biology, study results, other clinics' methods or a list of
cell sources, all asserted in grammar. So each id mentioned on a page becomes one candidate
described by what its mentions look like (how many, asserted or not, in the title or a
heading, in a sentence that also names a product or the page's own voice, or one full of
cause/symptom/research words...), and a logistic model per kind says whether the page claims
it (``data/lexicon/claim_model.json``: in the lexicon folder, so a new model changes the
lexicon version and the extract stage re-reads pages). Retrain with
``python -m clinicscan.nlp.train_claim_model`` (see docs/claim-model.md for the comparison
with the rule it replaced: any counted mention outside the navigation).
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from clinicscan.nlp.components.context import ClaimRow
from clinicscan.nlp.first_letters import led_by_first_letters
from clinicscan.nlp.linear_model import LinearModel, load_linear_models
from clinicscan.paths import lexicon_dir
from clinicscan.vocabulary import CELL_SOURCES, COUNTED_CONTEXTS

__all__ = ["CELL_SOURCES", "candidate_features", "claimed_ids", "load_claim_models", "rule_ids", "site_name"]

CANDIDATE_KINDS = ("condition", "product_type")

#: word groups looked for in a mention's sentence; each gives "any" and "share" features
_CUES = {
    "own": r"\b(?:we|our|us|i|my|we're|we've|i'm|i've|ours)\b",
    "treat": r"\b(?:treat\w*|therap\w*|inject\w*|procedure\w*|protocol\w*|help\w*|relie\w*|heal\w*|candidate\w*|"
             r"offer\w*|provide\w*|resolv\w*|improv\w*|repair\w*|regenerat\w*|restor\w*|manag\w*|address\w*)\b",
    "background": r"\b(?:caus\w*|symptom\w*|signs?|risk|lead(?:s)? to|result(?:s|ing)? (?:in|from)|develop\w*|"
                  r"diagnos\w*|prevalen\w*|affect\w*|million\w*|occur\w*|happen\w*|due to|such as|includ\w*|"
                  r"common\w*|condition is|disease is|characteri[sz]\w*|progress\w*|suffer\w*)\b",
    "research": r"\b(?:stud(?:y|ies|ied)|research\w*|trials?|published|journal\w*|evidence|investigat\w*|data|"
                r"et al|pubmed|scientists?|doi|vol|clinical|experiment\w*|paper\w*|review\w*)\b",
    "others": r"\b(?:other clinics|some clinics|many clinics|companies|company|competitors?|they|their|"
              r"providers?|elsewhere|rogue|unscrupulous)\b",
    "compare": r"\b(?:similar to|unlike|compared|versus|vs|instead of|rather than|than|contains?|rich in|"
               r"found in|derived|from|sources?|types? of|kinds? of|come from|comes from)\b",
    "general": r"\b(?:stem cells? (?:are|can|have)|can become|can turn|differentiat\w*|naturally|the body)\b",
}
_CUE_RES = {name: re.compile(pattern, re.I) for name, pattern in _CUES.items()}
_WORD = re.compile(r"\w+")


def _inner(pattern: str) -> str:
    """``a|b|...`` of a ``\\b(?:a|b|...)\\b`` cue pattern."""
    if not (pattern.startswith(r"\b(?:") and pattern.endswith(r")\b")):
        raise ValueError(f"a cue pattern must read \\b(?:...)\\b: {pattern}")
    return pattern[len(r"\b(?:"):-len(r")\b")]


def _alternatives(pattern: str) -> list[str]:
    """The top-level branches of a ``\\b(?:a|b|...)\\b`` cue pattern."""
    inner = _inner(pattern)
    branches, depth, current = [], 0, []
    for ch in inner:
        depth += (ch == "(") - (ch == ")")
        if ch == "|" and depth == 0:
            branches.append("".join(current))
            current = []
        else:
            current.append(ch)
    branches.append("".join(current))
    return branches


def _any_cue_regex() -> re.Pattern:
    """Zero-width: every position where some group's pattern matches. The union of the groups'
    branches, grouped under their first letter (``t(?:reat\\w*|herap\\w*|...)``: one test a letter
    instead of one a branch; the same matches, as a branch's first letter stands alone in it), led by
    a word boundary and a lookahead for those letters, so most positions fail at once."""
    by_letter: dict[str, list[str]] = {}
    for pattern in _CUES.values():
        for branch in _alternatives(pattern):
            if not branch[:1].isalpha() or branch[1:2] in ("?", "*", "+", "{"):
                raise ValueError(f"a cue branch must open with a letter that stands alone: {branch!r}")
            by_letter.setdefault(branch[0].lower(), []).append(branch[1:])
    union = r"\b(?:" + "|".join(f"{letter}(?:{'|'.join(rests)})" for letter, rests in by_letter.items()) + r")\b"
    return re.compile(r"(?=\b" + led_by_first_letters(by_letter, union) + ")", re.I)


_ANY_CUE = _any_cue_regex()


def _sentence_cues_searched(sentence: str) -> tuple[str, ...]:
    """The reference reading: each group's regex searched over the whole sentence."""
    return tuple(name for name, cue in _CUE_RES.items() if cue.search(sentence))


@lru_cache(maxsize=4096)
def _sentence_cues(sentence: str) -> tuple[str, ...]:
    """The cue groups found in ``sentence``, as ``_sentence_cues_searched`` finds them, in one pass: a
    group matches somewhere iff the union of all groups matches there, so the union's positions
    (one scan instead of seven) are the only places each group is tried (``match`` at a position
    reads the character before it for ``\\b``, as ``search`` does). Each counted mention's sentence
    is read once a page; on real pages few sentences recur, so the cache rarely answers."""
    found: set[str] = set()
    for hit in _ANY_CUE.finditer(sentence):
        at = hit.start()
        for name, cue in _CUE_RES.items():
            if name not in found and cue.match(sentence, at):
                found.add(name)
        if len(found) == len(_CUE_RES):
            break
    return tuple(name for name in _CUE_RES if name in found)


def _is_heading(claim: ClaimRow) -> bool:
    """A short line without closing punctuation: a title, heading or menu-like label."""
    sentence = claim.sentence
    return bool(sentence) and sentence[-1] not in ".!?;,:" and len(_WORD.findall(sentence)) <= 12


_NOT_CLEAN = frozenset({"background", "research", "others", "general"})


#: separators between a page title's parts: "Knee Pain Treatment | Harbour Health & Wellness"
_TITLE_SEPARATOR = re.compile(r"\s+[|\u2013\u2014-]\s+|\s*\|\s*")


def site_name(title: str) -> str:
    """The last part of a title with several ("... | Brookhaven Men's Wellness"): usually the business name."""
    parts = [p.strip() for p in _TITLE_SEPARATOR.split(title) if p.strip()]
    return parts[-1] if len(parts) > 1 and len(parts[-1]) <= 60 else ""


def _in_name(claim: ClaimRow, name: str) -> bool:
    """The mention lies inside the business name where its sentence repeats it."""
    at = claim.start - claim.sent_start
    offset = claim.sentence.find(name)
    while offset >= 0:
        if offset <= at and at + (claim.end - claim.start) <= offset + len(name):
            return True
        offset = claim.sentence.find(name, offset + 1)
    return False


def candidate_features(claims: Iterable[ClaimRow], title_length: int = 0,
                       text_length: int = 0, title: str = "") -> dict[tuple[str, str], dict[str, float]]:
    """One feature dict per (kind, vocab_id) with a counted (asserted or hedged) mention outside the navigation.

    One pass over the claims; each sentence's cue groups are computed once (by its start).
    Mentions inside the business name (the title's last part, where a sentence repeats it:
    "Harbour Health & Wellness", "Azure Skin Care") are names, not claims.
    """
    name = site_name(title) if title else ""
    kinds_in_sentence: dict[int, set[str]] = {}
    ids_in_sentence: dict[tuple[int, str], set[str]] = {}
    counted_of: dict[tuple[str, str], list[ClaimRow]] = {}
    negated_of: dict[tuple[str, str], int] = {}
    reported_of: dict[tuple[str, str], int] = {}
    last_end = 1
    for c in claims:
        kind, start = c.kind, c.sent_start
        kinds_in_sentence.setdefault(start, set()).add(kind)
        ids_in_sentence.setdefault((start, kind), set()).add(c.vocab_id)
        last_end = max(last_end, c.sent_end)
        if kind == "red_flag" or c.section == "nav" or (name and name in c.sentence and _in_name(c, name)):
            continue
        key = (kind, c.vocab_id)
        context = c.context
        if context in COUNTED_CONTEXTS:
            counted_of.setdefault(key, []).append(c)
        elif context == "negated":
            negated_of[key] = negated_of.get(key, 0) + 1
        elif context == "reported":
            reported_of[key] = reported_of.get(key, 0) + 1
    counted_per_kind: dict[str, int] = {}
    ids_per_kind: dict[str, int] = {}
    top: dict[str, int] = {}
    for (kind, _vid), rows in counted_of.items():
        counted_per_kind[kind] = counted_per_kind.get(kind, 0) + len(rows)
        ids_per_kind[kind] = ids_per_kind.get(kind, 0) + 1
        top[kind] = max(top.get(kind, 0), len(rows))
    length = max(1, text_length or last_end)
    cues_of: dict[int, tuple[str, ...]] = {}
    out: dict[tuple[str, str], dict[str, float]] = {}
    for key, counted in counted_of.items():
        kind, vocab_id = key
        n = len(counted)
        other_kind = "product_type" if kind == "condition" else "condition"
        title = heading = listed = hedged = with_other = red = crowded = clean = 0
        questions = 0
        first = length
        tallies: dict[str, int] = {}
        for c in counted:
            start = c.sent_start
            if c.start < first:
                first = c.start
            if title_length and c.start < title_length:
                title = 1
            elif not heading and _is_heading(c):
                heading = 1
            if c.section == "list":
                listed = 1
            if c.context == "hedged":
                hedged += 1
            here = kinds_in_sentence[start]
            if other_kind in here:
                with_other += 1
            if "red_flag" in here:
                red = 1
            if len(ids_in_sentence[(start, kind)]) >= 3:
                crowded += 1
            if c.sentence.endswith("?") and c.context_cue != "answered yes":  # answered: the answer claims it
                questions += 1
            cues = cues_of.get(start)
            if cues is None:
                cues = cues_of[start] = _sentence_cues(c.sentence)
            for name in cues:
                tallies[name] = tallies.get(name, 0) + 1
            if not clean and ("own" in cues or "treat" in cues) and _NOT_CLEAN.isdisjoint(cues):
                clean = 1
        f: dict[str, float] = {
            f"id={vocab_id}": 1.0,
            "log_counted": math.log1p(n),
            "log_negated": math.log1p(negated_of.get(key, 0)),
            "log_reported": math.log1p(reported_of.get(key, 0)),
            "share": n / counted_per_kind[kind],
            "top": 1.0 if n == top[kind] else 0.0,
            "log_ids_of_kind": math.log1p(ids_per_kind[kind]),
            "title": float(title), "heading": float(heading), "list": float(listed),
            "hedged_share": hedged / n, "first_position": first / length,
            "with_other_kind": 1.0 if with_other else 0.0, "with_other_kind_share": with_other / n,
            "with_red_flag": float(red), "crowded_share": crowded / n,
            "clean": float(clean), "question": 1.0 if questions == n else 0.0,
        }
        for name in _CUES:
            hits = tallies.get(name, 0)
            f[f"any_{name}"] = 1.0 if hits else 0.0
            f[f"share_{name}"] = hits / n
        out[key] = f
    # "stem cells" with no source named anywhere is the page's own unspecified product; with one named, not
    unspecified = out.get(("product_type", "unspecified_stem_cell"))
    if unspecified is not None:
        named = any(kind == "product_type" and vid in CELL_SOURCES for kind, vid in out)
        unspecified["no_source_named"] = 0.0 if named else 1.0
    return out


def rule_ids(claims: Iterable[ClaimRow]) -> dict[str, set[str]]:
    """The rule the model replaced: any counted mention outside the navigation."""
    ids = {kind: set() for kind in CANDIDATE_KINDS}
    for c in claims:
        if c.kind in ids and c.context in COUNTED_CONTEXTS and c.section != "nav":
            ids[c.kind].add(c.vocab_id)
    return ids


@lru_cache(maxsize=8)
def load_claim_models(folder: str | None = None) -> dict[str, LinearModel]:
    """The models in ``folder``/claim_model.json (default: the shipped lexicon folder).

    A lexicon folder without the file gets no models, so the rule decides: the shipped model
    was trained on the shipped lexicon's mentions.
    """
    path = Path(folder) / "claim_model.json" if folder else lexicon_dir() / "claim_model.json"
    if folder and not path.exists():
        return {}
    return load_linear_models(path)


def claimed_ids(claims: list[ClaimRow], title_length: int = 0, text_length: int = 0,
                models: dict[str, LinearModel] | None = None, title: str = "") -> dict[str, set[str]]:
    """Per kind, the ids the model says the page claims (a model missing for a kind: the rule)."""
    models = load_claim_models() if models is None else models
    features = candidate_features(claims, title_length, text_length, title)
    fallback = rule_ids(claims) if any(kind not in models for kind in CANDIDATE_KINDS) else None
    ids: dict[str, set[str]] = {kind: set() for kind in CANDIDATE_KINDS}
    for (kind, vocab_id), f in features.items():
        model = models.get(kind)
        if model is None:
            if vocab_id in fallback[kind]:
                ids[kind].add(vocab_id)
        elif model.decide(f):
            ids[kind].add(vocab_id)
    return ids
