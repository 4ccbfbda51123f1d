"""Claims set against the evidence: which (clinic, condition, product type) a site claims,
and what exists for that product type and condition.

Pairing rule (also in docs/data-dictionary.md). Only mentions that count are used: asserted
or hedged, on pages that offer treatment. A condition and a product type pair
- at ``sentence`` strength when they are named in the same sentence (not in a menu);
- at ``page`` strength when they are named on the same page, in different sentences;
- at ``site`` strength when the condition's page names no product type (e.g. a "conditions we
  treat" page) or the condition appears only in a menu: it pairs with every product type the
  site names on its other offering pages.
The strongest pairing wins and is recorded with its quote; ``n_sentences`` (sentences naming
both) and ``n_pages`` say how prominent the claim is on the site.

Evidence status, most evidence first: ``approved_for_this_use`` (an approval or established
practice for this product type and condition), ``in_trials`` (imported ClinicalTrials.gov
studies of this type for this condition, or a late-stage product in the registry),
``approved_other_use_only`` (the type is approved, but only for other conditions), and
``no_registered_trials``. A claim of "stem cells" of unnamed source is set against every
stem-cell product type: the page gives no ground to say the product is unapproved.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from reports.registry import Approval, LateStageProduct, Registry
from reports.vocabulary import label

STATUSES = ("approved_for_this_use", "in_trials", "approved_other_use_only", "no_registered_trials")
STRENGTHS = {"sentence": 3, "page": 2, "site": 1}
UNSPECIFIED = "unspecified_stem_cell"
NOT_STEM_CELL = frozenset({"prp"})  # vocabulary.md: "not a stem cell product"
PHASE_RANK = {"EARLY_PHASE1": 0.5, "PHASE1": 1, "PHASE2": 2, "PHASE3": 3, "PHASE4": 4}
NO_APPROVAL_SOURCE = ("FDA consumer alert, 22 July 2020; FDA list of approved cellular and "
                      "gene therapy products")


@dataclass
class Evidence:
    """What exists for one product type and condition, and the sentence that says so."""

    product_type: str
    condition: str
    status: str
    approvals: list[Approval] = field(default_factory=list)
    other_approved_conditions: list[str] = field(default_factory=list)
    n_trials: int = 0
    highest_phase: str = ""
    n_with_results: int = 0
    trial_ids: list[str] = field(default_factory=list)
    late_stage: list[LateStageProduct] = field(default_factory=list)
    trials_imported: int = 0

    @property
    def late_stage_text(self) -> str:
        """Late-stage products, one entry per product with its studies and sources."""
        grouped: dict[tuple[str, str], list[LateStageProduct]] = {}
        for p in self.late_stage:
            grouped.setdefault((p.product_name, p.sponsor), []).append(p)
        entries = []
        for (name, sponsor), items in grouped.items():
            phases = sorted({phase_words(p.phase) for p in items if p.phase})
            studies = ", ".join(" ".join(x for x in (p.study, p.status) if x) for p in items if p.study or p.status)
            designations = sorted({p.designation for p in items if p.designation})
            sources = sorted({p.source for p in items})
            entries.append(f"{name} ({sponsor}), {'/'.join(phases)}"
                           + (f" ({studies})" if studies else "")
                           + (f", {'; '.join(designations)}" if designations else "")
                           + f", not approved ({'; '.join(sources)})")
        return "; ".join(entries)

    def sentence(self) -> str:
        """The evidence line: approval, trials, late-stage products, each with its source."""
        cond = label("condition", self.condition)
        if self.approvals:
            names = "; ".join(f"{a.product_name} ({a.agency + ', ' if a.agency else ''}"
                              f"{a.date or a.basis.replace('_', ' ')}; {a.source})" for a in self.approvals[:3])
            more = f" and {len(self.approvals) - 3} more" if len(self.approvals) > 3 else ""
            return f"Approved or established for {cond}: {names}{more}."
        parts = [f"no product of this type is approved for {cond} in the US ({NO_APPROVAL_SOURCE})"]
        if self.other_approved_conditions:
            others = ", ".join(label("condition", c) for c in self.other_approved_conditions)
            parts.append(f"products of this type are approved or established only for {others}")
        parts.append(self.trials_text())
        if self.late_stage:
            parts.append(f"late-stage: {self.late_stage_text}")
        text = "; ".join(parts)
        return text[0].upper() + text[1:] + "."

    def trials_text(self) -> str:
        if not self.trials_imported:
            return ("trial count unknown: no ClinicalTrials.gov data has been imported "
                    "(clinicscan registry fetch-ctgov)")
        if not self.n_trials:
            return "0 registered trials found in the imported ClinicalTrials.gov data"
        noun = "trial" if self.n_trials == 1 else "trials"
        return (f"{self.n_trials} registered {noun} found in the imported ClinicalTrials.gov data "
                f"(highest phase: {phase_words(self.highest_phase) or 'not given'}; "
                f"{self.n_with_results} with results)")


def phase_words(phase: str) -> str:
    """PHASE3 -> phase 3; PHASE2|PHASE3 -> phase 2/3."""
    parts = [p.strip() for p in str(phase).split("|") if p.strip() and p.strip() != "NA"]
    if not parts:
        return ""
    words = [p.replace("EARLY_PHASE1", "early phase 1").replace("PHASE", "") for p in parts]
    return "phase " + "/".join(words) if all(w.isdigit() for w in words) else "; ".join(
        w if not w.isdigit() else f"phase {w}" for w in words)


def stem_cell_types(registry_types: set[str]) -> set[str]:
    return {t for t in registry_types if t not in NOT_STEM_CELL and t != UNSPECIFIED}


class EvidenceIndex:
    """Answers "what exists for product type X and condition Y" from registry and trials."""

    def __init__(self, registry: Registry, trials: pd.DataFrame, product_types: tuple[str, ...]):
        self.registry = registry
        self.trials = trials
        self.all_stem_cell_types = stem_cell_types(set(product_types))
        self._cache: dict[tuple[str, str], Evidence] = {}

    def _types(self, product_type: str) -> set[str]:
        if product_type == UNSPECIFIED:
            return self.all_stem_cell_types | {UNSPECIFIED}
        return {product_type}

    def assess(self, product_type: str, condition: str) -> Evidence:
        key = (product_type, condition)
        if key not in self._cache:
            self._cache[key] = self._assess(product_type, condition)
        return self._cache[key]

    def _assess(self, product_type: str, condition: str) -> Evidence:
        types = self._types(product_type)
        approvals = [a for t in sorted(types) for a in self.registry.approvals_for(t, condition)]
        others: dict[str, None] = {}
        for t in sorted(types):
            for c in self.registry.approved_conditions(t):
                if c != condition:
                    others.setdefault(c)
        ev = Evidence(product_type, condition, "", approvals=approvals,
                      other_approved_conditions=list(others),
                      late_stage=self.registry.late_stage_for(types, condition),
                      trials_imported=len(self.trials))
        if len(self.trials):
            mask = [condition in (conds or []) and bool(types & set(prods or []))
                    for conds, prods in zip(self.trials["condition_ids"], self.trials["product_type_ids"])]
            matched = self.trials[mask]
            ev.n_trials = len(matched)
            ev.n_with_results = int(matched["has_results"].fillna(False).astype(bool).sum())
            ev.trial_ids = sorted(matched["nct_id"])
            best = 0.0
            for phases in matched["phases"]:
                for p in phases or []:
                    if PHASE_RANK.get(p, 0) > best:
                        best, ev.highest_phase = PHASE_RANK[p], p
        if approvals:
            ev.status = "approved_for_this_use"
        elif ev.n_trials or ev.late_stage:
            ev.status = "in_trials"
        elif ev.other_approved_conditions:
            ev.status = "approved_other_use_only"
        else:
            ev.status = "no_registered_trials"
        return ev


# ---------------------------------------------------------------- pairing

PAIR_COLUMNS = ["site_id", "condition", "product_type", "strength", "page_id", "page_kind", "url",
                "fetched_at", "warc_record_id", "condition_sentence", "product_sentence",
                "product_url", "context", "n_pages", "n_sentences"]


def pair_claims(claims: pd.DataFrame) -> pd.DataFrame:
    """One row per (site, condition, product type) a site claims, at its strongest pairing."""
    counting = claims[claims["counts"]] if len(claims) else claims
    best: dict[tuple, dict] = {}
    pages_seen: dict[tuple, set] = {}
    sentences_seen: dict[tuple, set] = {}

    def offer(site_id, cond, prod, strength, c, p):
        key = (site_id, cond["vocab_id"], prod["vocab_id"])
        pages_seen.setdefault(key, set()).add(cond["page_id"])
        if strength == "sentence":
            sentences_seen.setdefault(key, set()).add((cond["page_id"], cond["sent_start"]))
        rank = (STRENGTHS[strength], cond["context"] == "asserted", cond["section"] == "main",
                -int(cond["page_id"]), -int(cond["start"]))
        if key in best and best[key]["_rank"] >= rank:
            return
        best[key] = {
            "_rank": rank, "site_id": site_id, "condition": cond["vocab_id"],
            "product_type": prod["vocab_id"], "strength": strength, "page_id": cond["page_id"],
            "page_kind": cond.get("page_kind"),
            "url": cond["url"], "fetched_at": cond["fetched_at"],
            "warc_record_id": cond["warc_record_id"], "condition_sentence": c,
            "product_sentence": p, "product_url": prod["url"],
            "context": "hedged" if "hedged" in (cond["context"], prod["context"]) else "asserted",
        }

    for site_id, site_claims in counting.groupby("site_id", sort=True):
        records = site_claims.to_dict("records")
        conds = [r for r in records if r["kind"] == "condition"]
        prods = [r for r in records if r["kind"] == "product_type"]
        body_prods = [r for r in prods if r["section"] != "nav"]
        site_prods = body_prods or prods
        pages_with_prod = {r["page_id"] for r in body_prods}
        for cond in conds:
            in_body = cond["section"] != "nav"
            if in_body:
                for prod in body_prods:
                    if prod["page_id"] != cond["page_id"]:
                        continue
                    same_sentence = prod["sent_start"] == cond["sent_start"]
                    offer(site_id, cond, prod, "sentence" if same_sentence else "page",
                          cond["sentence"], "" if same_sentence else prod["sentence"])
            if not in_body or cond["page_id"] not in pages_with_prod:
                for prod in site_prods:
                    offer(site_id, cond, prod, "site", cond["sentence"], prod["sentence"])
    rows = []
    for key, row in best.items():
        row = dict(row)
        row.pop("_rank")
        row["n_pages"] = len(pages_seen[key])
        row["n_sentences"] = len(sentences_seen.get(key, ()))
        rows.append(row)
    frame = pd.DataFrame(rows, columns=PAIR_COLUMNS)
    return frame.sort_values(["site_id", "condition", "product_type"], ignore_index=True)


def assess_pairs(pairs: pd.DataFrame, index: EvidenceIndex) -> pd.DataFrame:
    """Add evidence columns to each claimed pair."""
    out = pairs.copy()
    evidences = [index.assess(p, c) for p, c in zip(out["product_type"], out["condition"])]
    out["evidence"] = evidences
    out["evidence_status"] = [e.status for e in evidences]
    out["n_trials"] = [e.n_trials for e in evidences]
    out["highest_phase"] = [e.highest_phase for e in evidences]
    out["n_trials_with_results"] = [e.n_with_results for e in evidences]
    out["late_stage_products"] = [e.late_stage_text for e in evidences]
    out["approved_other_uses"] = [", ".join(e.other_approved_conditions) for e in evidences]
    out["evidence_line"] = [e.sentence() for e in evidences]
    return out
