"""Claims set against the evidence: what exists for a product type and condition.

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

from clinicscan.reports.registry import Approval, LateStageProduct, Registry
from clinicscan.vocabulary import label

STATUSES = ("approved_for_this_use", "in_trials", "approved_other_use_only", "no_registered_trials")
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
