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
from operator import mul
from pathlib import Path
from typing import Iterable

from clinicscan.nlp.case_blind import lower_text, lowered_pattern
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
                  r"diagnos\w*|prevalen\w*|affect\w*|million\w*|occur\w*|happen\w*|due to|such as|e\.g|includ\w*|"
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


def _which_cue_regex() -> re.Pattern:
    """The union of ``_any_cue_regex`` in lower case, compiled case-sensitive, followed by each group's
    pattern in lower case in a lookahead that captures, or nothing (``(?:(?=(group))|)``): over
    ``lower_text(sentence)`` a match stands where the case-blind union matches in the sentence (the same
    zero-width positions), and its i-th capture is set iff the i-th group's case-blind regex matches the
    sentence there (a lookahead reads the text from that position, the character before included for
    ``\\b``, as ``cue.match(sentence, at)`` does). Every capture is non-empty: a branch opens with a letter.
    The case-sensitive regex over the lower-cased text finds what the case-blind one finds in the text
    (``nlp/case_blind.py``: the text's non-ASCII characters are uncased), at about half the cost a position."""
    by_letter: dict[str, list[str]] = {}
    lowered: list[str] = []
    for pattern in _CUES.values():
        low = lowered_pattern(pattern)
        if low is None or "(" in low.replace("(?:", ""):
            raise ValueError(f"a cue pattern must read the same in lower case and not capture: {pattern}")
        lowered.append(low)
        for branch in _alternatives(low):
            by_letter.setdefault(branch[0], []).append(branch[1:])
    union = r"\b(?:" + "|".join(f"{letter}(?:{'|'.join(rests)})" for letter, rests in by_letter.items()) + r")\b"
    letters = "".join(re.escape(letter) for letter in sorted(by_letter))
    groups = "".join(f"(?:(?=({low}))|)" for low in lowered)
    return re.compile(rf"(?=\b(?=[{letters}])(?:{union})){groups}")


_WHICH_CUE = _which_cue_regex()
_CUE_NAMES = tuple(_CUES)


def _sentence_cues_searched(sentence: str) -> tuple[str, ...]:
    """The reference reading: each group's regex searched over the whole sentence."""
    return tuple(name for name, cue in _CUE_RES.items() if cue.search(sentence))


def _sentence_cues_tried(sentence: str) -> tuple[str, ...]:
    """Session 25's reading, the fallback for a sentence that does not lower safely: one scan for the
    union of all groups' branches; a group matches somewhere iff the union matches there, so the union's
    positions are the only places each group is tried (``match`` at a position reads the character before
    it for ``\\b``, as ``search`` does)."""
    found: set[str] = set()
    for hit in _ANY_CUE.finditer(sentence):
        at = hit.start()
        for name, cue in _CUE_RES.items():
            if name not in found and cue.match(sentence, at):
                found.add(name)
        if len(found) == len(_CUE_RES):
            break
    return tuple(name for name in _CUE_RES if name in found)


@lru_cache(maxsize=4096)
def _sentence_cues(sentence: str) -> tuple[str, ...]:
    """The cue groups found in ``sentence``, as ``_sentence_cues_searched`` finds them, in one case-sensitive
    scan of the lower-cased sentence (``_WHICH_CUE``: the union's places, and at each which groups match
    there), without a Python step per group and place; ``_sentence_cues_tried`` where the sentence does not
    lower safely. Each counted mention's sentence is read once a page; on real pages few sentences recur,
    so the cache rarely answers."""
    lower = lower_text(sentence)
    if lower is None:
        return _sentence_cues_tried(sentence)
    hits = [hit.groups() for hit in _WHICH_CUE.finditer(lower)]
    if not hits:
        return ()
    return tuple(name for name, column in zip(_CUE_NAMES, zip(*hits)) if any(column))


def _is_heading(claim: ClaimRow) -> bool:
    """A short line without closing punctuation: a title, heading or menu-like label."""
    sentence = claim.sentence
    return bool(sentence) and sentence[-1] not in ".!?;,:" and len(_WORD.findall(sentence)) <= 12


_NOT_CLEAN = frozenset({"background", "research", "others", "general"})
#: each cue group's two feature names, made once
_CUE_FEATURES = tuple((name, f"any_{name}", f"share_{name}") for name in _CUES)


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


#: the names of a candidate's features after its ``id=<vocab_id>``, in the order ``candidate_features``' dicts hold
#: them (the order the linear score sums them in); ("product_type", "unspecified_stem_cell") has one more at the end
FEATURE_NAMES = ("log_counted", "log_negated", "log_reported", "share", "top", "log_ids_of_kind", "title", "heading",
                 "list", "hedged_share", "first_position", "with_other_kind", "with_other_kind_share", "with_red_flag",
                 "crowded_share", "clean", "question") + tuple(name for _group, any_name, share_name in _CUE_FEATURES
                                                              for name in (any_name, share_name))
NO_SOURCE_NAMED = "no_source_named"


def candidate_features(claims: Iterable[ClaimRow], title_length: int = 0,
                       text_length: int = 0, title: str = "") -> dict[tuple[str, str], dict[str, float]]:
    """One feature dict per (kind, vocab_id) with a counted (asserted or hedged) mention outside the navigation.

    One pass over the claims; each sentence's cue groups are computed once (by its start).
    Mentions inside the business name (the title's last part, where a sentence repeats it:
    "Harbour Health & Wellness", "Azure Skin Care") are names, not claims.
    """
    out: dict[tuple[str, str], dict[str, float]] = {}
    for key, values in _candidate_rows(claims, title_length, text_length, title).items():
        names = (f"id={key[1]}",) + FEATURE_NAMES
        out[key] = dict(zip(names + (NO_SOURCE_NAMED,) if len(values) > len(names) else names, values))
    return out


def _candidate_rows(claims: Iterable[ClaimRow], title_length: int = 0, text_length: int = 0,
                    title: str = "") -> dict[tuple[str, str], list[float]]:
    """``candidate_features`` as value lists: 1.0 (the ``id=`` feature), then ``FEATURE_NAMES``' values, then
    ``no_source_named``'s for ("product_type", "unspecified_stem_cell"); the dicts are built only where asked
    (training, probes): the decision reads the lists (``claimed_ids``)."""
    name = site_name(title) if title else ""
    kinds_in_sentence: dict[int, set[str]] = {}
    ids_in_sentence: dict[tuple[int, str], set[str]] = {}
    counted_of: dict[tuple[str, str], list[ClaimRow]] = {}
    negated_of: dict[tuple[str, str], int] = {}
    reported_of: dict[tuple[str, str], int] = {}
    last_end = 1
    for c in claims:
        kind, start, vocab_id = c.kind, c.sent_start, c.vocab_id
        kinds = kinds_in_sentence.get(start)
        if kinds is None:
            kinds_in_sentence[start] = {kind}
        else:
            kinds.add(kind)
        ids = ids_in_sentence.get((start, kind))
        if ids is None:
            ids_in_sentence[(start, kind)] = {vocab_id}
        else:
            ids.add(vocab_id)
        if c.sent_end > last_end:
            last_end = c.sent_end
        if kind == "red_flag" or c.section == "nav" or (name and name in c.sentence and _in_name(c, name)):
            continue
        key = (kind, vocab_id)
        context = c.context
        if context in COUNTED_CONTEXTS:
            rows = counted_of.get(key)
            if rows is None:
                counted_of[key] = [c]
            else:
                rows.append(c)
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
    #: each sentence's cue groups, whether they make it clean (own voice or treatment words, and no
    #: background, research, others or general words) and whether it reads as a heading (None: not yet
    #: asked), read once by its start (a page's mentions share their sentences)
    cues_of: dict[int, list] = {}
    out: dict[tuple[str, str], list[float]] = {}
    for key, counted in counted_of.items():
        kind, vocab_id = key
        n = len(counted)
        other_kind = "product_type" if kind == "condition" else "condition"
        title = heading = listed = hedged = with_other = red = crowded = clean = 0
        questions = 0
        first = length
        tallies: dict[str, int] = {}
        for c in counted:
            start, at = c.sent_start, c.start
            if at < first:
                first = at
            read = cues_of.get(start)
            if read is None:
                cues = _sentence_cues(c.sentence)
                read = cues_of[start] = [cues, ("own" in cues or "treat" in cues) and _NOT_CLEAN.isdisjoint(cues), None]
            if title_length and at < title_length:
                title = 1
            elif not heading:
                is_heading = read[2]
                if is_heading is None:
                    is_heading = read[2] = _is_heading(c)
                if is_heading:
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
            cues = read[0]
            if cues:
                for name in cues:
                    tallies[name] = tallies.get(name, 0) + 1
                if read[1]:
                    clean = 1
        f = [1.0, math.log1p(n), math.log1p(negated_of.get(key, 0)), math.log1p(reported_of.get(key, 0)),
             n / counted_per_kind[kind], 1.0 if n == top[kind] else 0.0, math.log1p(ids_per_kind[kind]),
             float(title), float(heading), float(listed), hedged / n, first / length,
             1.0 if with_other else 0.0, with_other / n, float(red), crowded / n,
             float(clean), 1.0 if questions == n else 0.0]
        for name in _CUE_NAMES:
            hits = tallies.get(name, 0)
            f.append(1.0 if hits else 0.0)
            f.append(hits / n)
        out[key] = f
    # "stem cells" with no source named anywhere is the page's own unspecified product; with one named, not
    unspecified = out.get(("product_type", "unspecified_stem_cell"))
    if unspecified is not None:
        named = any(kind == "product_type" and vid in CELL_SOURCES for kind, vid in out)
        unspecified.append(0.0 if named else 1.0)
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
    rows = _candidate_rows(claims, title_length, text_length, title)
    fallback = rule_ids(claims) if any(kind not in models for kind in CANDIDATE_KINDS) else None
    ids: dict[str, set[str]] = {kind: set() for kind in CANDIDATE_KINDS}
    for (kind, vocab_id), values in rows.items():
        model = models.get(kind)
        if model is None:
            if vocab_id in fallback[kind]:
                ids[kind].add(vocab_id)
        elif model.decide_score(_score(model, vocab_id, values)):
            ids[kind].add(vocab_id)
    return ids


#: per model (by identity; the model is kept with its entry): the weights of ``FEATURE_NAMES`` and of
#: ``no_source_named`` in that order, 0.0 for a name the model does not weigh
_ROW_WEIGHTS: dict[int, tuple[LinearModel, list[float]]] = {}


def _score(model: LinearModel, vocab_id: str, values: list[float]) -> float:
    """``model.score`` of the candidate's feature dict, from its value list: the same products (weight times
    value, 0.0 for an unweighed name) summed by one ``sum`` in the same order (the dict's), so the same float
    to the bit, without a dict and a weight lookup per feature (~15 decisions a page)."""
    held = _ROW_WEIGHTS.get(id(model))
    if held is None or held[0] is not model:
        if len(_ROW_WEIGHTS) >= 64:  # models made one by one (training's folds) are not kept forever
            _ROW_WEIGHTS.clear()
        weights = model.weights
        held = _ROW_WEIGHTS[id(model)] = (model, [weights.get(name, 0.0) for name in FEATURE_NAMES + (NO_SOURCE_NAMED,)])
    row = held[1]
    return model.bias + sum(map(mul, [model.weights.get(f"id={vocab_id}", 0.0), *row[:len(values) - 1]], values))
