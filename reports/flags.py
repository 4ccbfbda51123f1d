"""Which clinics to flag, how severe, and why, in sentences a regulator can paste.

A clinic is flagged when it offers, for a condition, a stem-cell product that is not
approved for that condition: its evidence status is anything but ``approved_for_this_use``
(it names the approved product, or it is the transplant setting a registry row describes)
and ``lawful_use`` (its sentence shows a use that needs no approval). A named product of the
same type approved for the condition (``other_product_approved``: Ryoncil for pediatric
SR-aGVHD) is not an excuse; it flags, with its own evidence-gap points. These claims never
flag on their own (they stay in claims.csv, evidence.csv and clinics.csv):
- platelet-rich plasma, which is not a stem cell product (vocabulary.md);
- "stem cells" of unnamed source for a condition the site also names a specific stem-cell
  type for (the specific claim carries the flag);
- "stem cells" of unnamed source named only as what another treatment acts on ("the growth
  factors in your platelets stimulate your own stem cells": data/lexicon/mechanism_wording.json),
  in every sentence naming the pair (or in its product sentence, when paired across sentences);
- blood-forming cell transplants (the product types with established-practice rows in the
  registry, and "stem cells" of unnamed source) named on pages the extract stage classed as
  a transplant programme (``page_kind`` = ``transplant``, by its transplant voice and
  indications: nlp/transplant_programme.py): a hospital's transplant pages describe
  established care and its complications, not a sale.

Severity is a documented score (docs/data-dictionary.md, "Flags and severity"):
  evidence gap     no_registered_trials 3, other_product_approved 2, approved_other_use_only 2,
                   in_trials 1 (worst pair)
  claim strength   same sentence +2, same page +1, across the site 0 (strongest unsupported pair)
  breadth          3+ unsupported conditions +1, 6+ +2; 3+ condition categories +1
  serious disease  any unsupported serious condition (neurological, cardiopulmonary,
                   autoimmune, organ, eye, cancer, blood disorders, GVHD) +2
  red flags        fda_claim +2, cure_claim +2, safety_claim +1, success_rate_claim +1,
                   avoid_surgery_claim +1 (each kind once; at most 4 in all)
  enforcement      the clinic matches an enforcement record on its domain, or on its name
                   plus state (or country) +2
  levels           low < 5 <= medium < 9 <= high < 12 <= critical
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
import pandas as pd

from clinicscan.reports.evidence import NOT_FLAGGING, NOT_STEM_CELL, TRANSPLANT_PAGE_KIND, UNSPECIFIED
from clinicscan.reports.pairing import STRENGTHS
from clinicscan.reports.registry import EnforcementMatch, Registry
from clinicscan.errors import LexiconError
from clinicscan.paths import lexicon_dir
from clinicscan.vocabulary import label, load_vocabulary

GAP_POINTS = {"no_registered_trials": 3, "other_product_approved": 2, "approved_other_use_only": 2,
              "in_trials": 1}
STRENGTH_POINTS = {"sentence": 2, "page": 1, "site": 0}
RED_FLAG_POINTS = {"fda_claim": 2, "cure_claim": 2, "safety_claim": 1, "success_rate_claim": 1,
                   "avoid_surgery_claim": 1}
RED_FLAG_CAP = 4
RED_FLAG_WORDS = {
    "fda_claim": "States FDA approval, clearance or compliance",
    "cure_claim": "Claims the treatment cures, reverses or regenerates",
    "safety_claim": "Claims the treatment has no risks or side effects",
    "success_rate_claim": "States a success rate or guarantees results",
    "avoid_surgery_claim": "Claims the treatment avoids or replaces surgery",
}
SERIOUS_CATEGORIES = frozenset({"neurological", "cardiopulmonary", "autoimmune", "metabolic_organ", "eye"})
SERIOUS_CONDITIONS = frozenset({"cancer", "blood_disorders", "gvhd"})
ENFORCEMENT_POINTS = 2
LEVELS = ((12, "critical"), (9, "high"), (5, "medium"), (0, "low"))
STRENGTH_WORDS = {"sentence": "in the same sentence", "page": "on the same page",
                  "site": "on different pages of the site"}


@dataclass
class ClinicFlag:
    """The outcome for one clinic: flagged or not, its score, reasons and strongest quotes."""

    site_id: int
    flagged: bool
    score: int = 0
    severity: str = ""
    score_parts: dict[str, int] = field(default_factory=dict)
    reasons: list[str] = field(default_factory=list)
    quotes: list[dict] = field(default_factory=list)
    enforcement: list[EnforcementMatch] = field(default_factory=list)
    unsupported: list[dict] = field(default_factory=list)  # its flagging pairs, strongest first

    @property
    def score_breakdown(self) -> str:
        return ", ".join(f"{k} +{v}" for k, v in self.score_parts.items() if v)


def severity_for(score: int) -> str:
    for threshold, name in LEVELS:
        if score >= threshold:
            return name
    return "low"


def transplant_types(registry: Registry) -> set[str]:
    """Blood-forming cell product types: those the registry lists as established practice."""
    return {a.product_type for a in registry.approvals if a.basis == "established_practice"} | {UNSPECIFIED}


def pairs_that_flag(pairs: pd.DataFrame, registry: Registry) -> pd.Series:
    """True for claimed pairs that make a clinic flagged (see the module docstring)."""
    unapproved = ~pairs["evidence_status"].isin(NOT_FLAGGING)
    stem_cell = ~pairs["product_type"].isin(NOT_STEM_CELL)
    transplant_page = (pairs["page_kind"] == TRANSPLANT_PAGE_KIND) & pairs["product_type"].isin(
        transplant_types(registry))
    return unapproved & stem_cell & ~transplant_page & ~_redundant_unnamed(pairs) & ~_stem_cells_acted_on(pairs)


@lru_cache(maxsize=1)
def _mechanism() -> tuple[re.Pattern, re.Pattern]:
    path = lexicon_dir() / "mechanism_wording.json"
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return re.compile(raw["stem_cells_acted_on"], re.IGNORECASE), re.compile(raw["unless"], re.IGNORECASE)
    except (OSError, ValueError, KeyError, re.error) as exc:
        raise LexiconError(f"cannot read the mechanism wording from {path}: {exc}") from exc


_STEM_CELLS = re.compile(r"\bstem[- ]cells?\b", re.IGNORECASE)


def acted_on_only(sentence: str) -> bool:
    """The sentence names stem cells only as what another treatment acts on ("PRP attracts your
    own stem cells"): no other "stem cells" left once those words are out, and nothing taken
    from the body (harvested, from your hip)."""
    acted_on, unless = _mechanism()
    if not sentence or not acted_on.search(sentence) or unless.search(sentence):
        return False
    return not _STEM_CELLS.search(acted_on.sub(" ", sentence))


def _stem_cells_acted_on(pairs: pd.DataFrame) -> pd.Series:
    """"Stem cells" of unnamed source that are only another treatment's mechanism in the
    sentences that pair them: not a product the clinic sells (coding manual section 2)."""
    def sentences(row) -> list[str]:
        if row["strength"] == "sentence":
            return list(row["sentences"]) if len(row.get("sentences") or []) else [row["condition_sentence"]]
        return [row["product_sentence"]]

    columns = ["product_type", "strength", "condition_sentence", "product_sentence"] + \
        (["sentences"] if "sentences" in pairs else [])
    # only unnamed stem cells can be acted on: records for those rows alone (a million claims
    # make 100,000 pairs; their records cost 0.6 s)
    unnamed = (pairs["product_type"] == UNSPECIFIED).to_numpy(dtype=bool)
    acted_on = np.zeros(len(pairs), dtype=bool)
    if unnamed.any():
        acted_on[unnamed] = [all(acted_on_only(str(s or "")) for s in sentences(row))
                             for row in pairs.loc[unnamed, columns].to_dict("records")]
    return pd.Series(acted_on, index=pairs.index, dtype=bool)


def _redundant_unnamed(pairs: pd.DataFrame) -> pd.Series:
    """"Stem cells" of unnamed source for a condition the site also names a specific stem-cell
    type for: the specific claim carries the flag, the generic one would only repeat it."""
    specific = pairs[~pairs["product_type"].isin(NOT_STEM_CELL | {UNSPECIFIED})]
    named = set(zip(specific["site_id"].tolist(), specific["condition"].tolist()))
    return pd.Series([p == UNSPECIFIED and (s, c) in named
                      for s, c, p in zip(pairs["site_id"].tolist(), pairs["condition"].tolist(),
                                         pairs["product_type"].tolist())],
                     index=pairs.index, dtype=bool)


MAX_QUOTES = 3


def red_flags_to_quote(red_flags: pd.DataFrame, max_quotes: int = MAX_QUOTES) -> pd.DataFrame:
    """The rows of ``red_flags`` (counting red-flag claims, in claims.csv order) that
    :func:`flag_clinic` can read, so records are made for a few rows a site, not thousands.

    It reads the first row of each red-flag kind (its reason) and, for the quotes, the first
    row whose sentence is not already quoted: with at most ``max_quotes`` sentences quoted
    before, that row is the first of one of the site's first ``max_quotes + 1`` distinct
    sentences. Keeping those rows, in their order, gives the same flag (tests/test_report_streaming.py).
    """
    if not len(red_flags):
        return red_flags
    first_of_kind = ~red_flags.duplicated(["site_id", "vocab_id"])
    first_of_sentence = ~red_flags.duplicated(["site_id", "sentence"])
    rank = first_of_sentence.astype(int).groupby(red_flags["site_id"]).cumsum()
    return red_flags[first_of_kind | (first_of_sentence & (rank <= max_quotes + 1))]


# what flag_clinic and flagged_clinics.csv read of a pair (ClinicFlag.unsupported holds these)
FLAG_PAIR_COLUMNS = ["site_id", "condition", "product_type", "strength", "evidence_status", "flagged_claim",
                     "n_sentences", "n_pages", "condition_sentence", "product_sentence", "url", "fetched_at",
                     "warc_record_id", "evidence_line"]


def flag_clinic(site: dict, pairs: list[dict], red_flags: list[dict],
                registry: Registry, max_quotes: int = MAX_QUOTES) -> ClinicFlag:
    """Decide one clinic. ``pairs``: its assessed claim pairs as records, with the
    ``flagged_claim`` column from :func:`pairs_that_flag`; ``red_flags``: its counting
    red-flag claims as records."""
    enforcement = registry.enforcement_for(site.get("site_name"), site.get("domain"),
                                           site.get("region"), site.get("country"))
    unsupported = [p for p in pairs if p["flagged_claim"]]
    flag = ClinicFlag(site_id=int(site["site_id"]), flagged=bool(unsupported),
                      enforcement=enforcement)
    if not flag.flagged:
        return flag
    vocab = load_vocabulary()
    ranked = sorted(unsupported, key=lambda p: (-STRENGTHS[p["strength"]], -p["n_sentences"], -p["n_pages"],
                                                -GAP_POINTS[p["evidence_status"]],
                                                p["condition"], p["product_type"]))
    conditions = sorted({p["condition"] for p in ranked})
    categories = {vocab.category(c) for c in conditions}
    red_ids = sorted({r["vocab_id"] for r in red_flags})
    parts = {
        "evidence gap": max(GAP_POINTS[p["evidence_status"]] for p in ranked),
        "claim strength": max(STRENGTH_POINTS[p["strength"]] for p in ranked),
        "breadth": (2 if len(conditions) >= 6 else 1 if len(conditions) >= 3 else 0)
                   + (1 if len(categories) >= 3 else 0),
        "serious disease": 2 if any(c in SERIOUS_CONDITIONS or vocab.category(c) in SERIOUS_CATEGORIES
                                    for c in conditions) else 0,
        "red flags": min(RED_FLAG_CAP, sum(RED_FLAG_POINTS.get(r, 0) for r in red_ids)),
        "enforcement match": ENFORCEMENT_POINTS if enforcement else 0,
    }
    flag.score_parts = parts
    flag.score = sum(parts.values())
    flag.severity = severity_for(flag.score)
    flag.unsupported = ranked
    flag.reasons = _reasons(ranked, red_flags, red_ids, conditions, categories, enforcement)
    flag.quotes = _quotes(ranked, red_flags, max_quotes)
    return flag


MAX_PAIR_REASONS = 8


def _reasons(ranked, red_flags, red_ids, conditions, categories, enforcement) -> list[str]:
    reasons = []
    for row in ranked[:MAX_PAIR_REASONS]:
        offer = f"Offers {label('product_type', row['product_type'])} for {label('condition', row['condition'])}"
        where = STRENGTH_WORDS[row["strength"]]
        quote = f"\"{_clip(row['condition_sentence'])}\""
        if row["product_sentence"] and row["product_sentence"] != row["condition_sentence"]:
            quote += f" and \"{_clip(row['product_sentence'])}\""
        line = row["evidence_line"]
        reasons.append(f"{offer} (named {where}: {quote}, {row['url']}); {line[0].lower()}{line[1:]}")
    if len(ranked) > MAX_PAIR_REASONS:
        reasons.append(f"{len(ranked) - MAX_PAIR_REASONS} more product-condition claims without "
                       "approval are listed in evidence.csv.")
    for red_id in red_ids:
        first = next(r for r in red_flags if r["vocab_id"] == red_id)
        reasons.append(f"{RED_FLAG_WORDS.get(red_id, label('red_flag', red_id))}: "
                       f"\"{_clip(first['sentence'])}\" ({first['url']}).")
    if len(conditions) >= 3:
        reasons.append(f"Claims {len(conditions)} conditions in {len(categories)} "
                       f"{'category' if len(categories) == 1 else 'categories'} for "
                       f"products without approval for them: "
                       f"{', '.join(label('condition', c) for c in conditions)}.")
    for match in enforcement:
        reasons.append(f"Matches an enforcement record on {match.matched_on}: {match.action.describe()}.")
    return reasons


def _quotes(ranked, red_flags, max_quotes) -> list[dict]:
    """The strongest claims to quote: unsupported pairs first, keeping the last place for the
    first red-flag sentence when there is one."""
    pair_quotes, seen = [], set()
    for row in ranked:
        text = row["condition_sentence"]
        if row["strength"] != "sentence" and row["product_sentence"]:
            text = f"{row['condition_sentence']} [...] {row['product_sentence']}"
        if text in seen:
            continue
        seen.add(text)
        pair_quotes.append({"sentence": text, "url": row["url"], "seen": row["fetched_at"],
                            "warc_record_id": row["warc_record_id"],
                            "claim": f"{row['product_type']} for {row['condition']}"})
        if len(pair_quotes) >= max_quotes:
            break
    red_quotes = []
    for row in red_flags:
        if row["sentence"] not in seen:
            seen.add(row["sentence"])
            red_quotes.append({"sentence": row["sentence"], "url": row["url"], "seen": row["fetched_at"],
                               "warc_record_id": row["warc_record_id"], "claim": row["vocab_id"]})
            break
    keep_for_red = 1 if red_quotes and max_quotes > 1 else 0
    quotes = pair_quotes[: max_quotes - keep_for_red]
    return quotes + red_quotes[: max_quotes - len(quotes)]


def _clip(text: str, limit: int = 300) -> str:
    text = " ".join(str(text or "").split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
