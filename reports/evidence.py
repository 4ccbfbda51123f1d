"""Claims set against the evidence: what exists for a product type and condition, and
whether this clinic's offer is that approved thing.

Evidence status, most evidence first:
- ``approved_for_this_use``: the claim names an approved product for this condition
  (``Ryoncil`` in the sentence), or it is the established transplant setting a registry row
  describes (a blood-forming cell transplant on a transplant programme's page);
- ``lawful_use``: the sentence shows a use that needs no approval (registry lawful_uses.csv,
  e.g. amniotic membrane as a wound covering, 21 CFR 1271.10(a)); reported, not flagged;
- ``other_product_approved``: a named product of this type is approved for the condition
  (Ryoncil, pediatric SR-aGVHD), but the clinic's offer is not it: it names no approved
  product and is not the transplant setting. One product's approval never excuses its type;
- ``in_trials``: imported ClinicalTrials.gov studies of this type for this condition, or a
  late-stage product in the registry;
- ``approved_other_use_only``: the type has approvals, only for other conditions;
- ``no_registered_trials``.
A claim of "stem cells" of unnamed source is set against every stem-cell product type.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import pandas as pd

from clinicscan.reports.registry import (Approval, LateStageProduct, LawfulUse, Registry,
                                         describe_approvals)
from clinicscan.vocabulary import label

STATUSES = ("approved_for_this_use", "lawful_use", "other_product_approved", "in_trials",
            "approved_other_use_only", "no_registered_trials")
NOT_FLAGGING = frozenset({"approved_for_this_use", "lawful_use"})
UNSPECIFIED = "unspecified_stem_cell"
NOT_STEM_CELL = frozenset({"prp"})  # vocabulary.md: "not a stem cell product"
PHASE_RANK = {"EARLY_PHASE1": 0.5, "PHASE1": 1, "PHASE2": 2, "PHASE3": 3, "PHASE4": 4}
NO_APPROVAL_SOURCE = ("FDA consumer alert, 22 July 2020; FDA list of approved cellular and "
                      "gene therapy products")
# exosome claims also cite the FDA's safety alert after serious adverse events in Nebraska
EXTRA_NO_APPROVAL_SOURCES = {
    "exosome": ("FDA public safety alert on unapproved stem cell and exosome products, 6 Dec 2019, "
                "https://www.fda.gov/safety/medical-product-safety-information/public-safety-alert-"
                "due-marketing-unapproved-stem-cell-and-exosome-products"),
}
TRANSPLANT_PAGE_KIND = "transplant"
SETTING_PAGE_KINDS = {"transplant_centre": TRANSPLANT_PAGE_KIND}
MAX_NAMED = 3


@dataclass
class Evidence:
    """What exists for one product type and condition, how this claim stands against it,
    and the sentence that says so."""

    product_type: str
    condition: str
    status: str
    approvals: list[Approval] = field(default_factory=list)  # of this type, for this condition
    related: list[Approval] = field(default_factory=list)  # other kinds of product, same condition
    other_approved_conditions: list[str] = field(default_factory=list)
    other_approvals: list[Approval] = field(default_factory=list)  # of this type, other conditions
    n_trials: int = 0
    highest_phase: str = ""
    n_with_results: int = 0
    trial_ids: list[str] = field(default_factory=list)
    late_stage: list[LateStageProduct] = field(default_factory=list)
    trials_imported: int = 0
    basis: str = ""  # why approved_for_this_use or lawful_use: "names Ryoncil", "transplant programme page", a rule id
    named: Approval | None = None  # the approved product the claim names, or whose setting it is
    lawful: LawfulUse | None = None

    @property
    def approved_products(self) -> str:
        """The named approvals this claim is set against, for evidence.csv."""
        items = [self.named] if self.named else self.approvals
        return "; ".join(_short(a) for a in items)

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
        """The evidence line a regulator can paste: which product is approved, for whom, and
        why the clinic's offer is or is not that product, each fact with its source."""
        cond = label("condition", self.condition)
        if self.status == "lawful_use" and self.lawful:
            u = self.lawful
            return (f"Lawful use, not flagged: the claim shows {u.use}; {u.why} ({u.citation}; {u.source}).")
        if self.status == "approved_for_this_use" and self.named:
            if self.basis.startswith("names "):
                return f"Approved for this use: the claim {self.basis}, {self.named.describe()}."
            return (f"Established for this use: the claim is on a {self.basis}, and "
                    f"{self.named.describe()}.")
        parts = []
        if self.status == "other_product_approved":
            parts.extend(self._not_it())
        else:
            sources = "; ".join(x for x in (NO_APPROVAL_SOURCE, EXTRA_NO_APPROVAL_SOURCES.get(self.product_type)) if x)
            parts.append(f"no product of this type is approved for {cond} in the US ({sources})")
            if self.other_approvals:
                by_condition: dict[str, list[str]] = {}
                for a in self.other_approvals:
                    names = by_condition.setdefault(a.condition, [])
                    if a.product_name not in names:
                        names.append(a.product_name)
                others = "; ".join(
                    ", ".join(names[:MAX_NAMED]) + (f" and {len(names) - MAX_NAMED} more" if len(names) > MAX_NAMED else "")
                    + f" ({label('condition', cond)})" for cond, names in by_condition.items())
                parts.append(f"products of this type are approved or established only for other "
                             f"conditions: {others}")
        parts.append(self.trials_text())
        if self.late_stage:
            parts.append(f"late-stage: {self.late_stage_text}")
        if self.related and self.status != "approved_for_this_use":
            names = list(dict.fromkeys(a.product_name for a in self.related))
            shown = ", ".join(names[:MAX_NAMED + 1]) + (f" and {len(names) - MAX_NAMED - 1} more"
                                                       if len(names) > MAX_NAMED + 1 else "")
            parts.append(f"other kinds of product are approved or established for {cond} ({shown}: "
                         "data/registry/approvals.csv, with sources); they do not approve this "
                         "clinic's product")
        text = "; ".join(parts)
        return text[0].upper() + text[1:] + "."

    def _not_it(self) -> list[str]:
        """'A named product of this type is approved for X: ...; this clinic's product is not
        it: the claim does not name Ryoncil'."""
        cond = label("condition", self.condition)
        offer = label("product_type", self.product_type)
        licensed = [a for a in self.approvals if a.basis == "approval"]
        names = list(dict.fromkeys(a.product_name for a in licensed if a.match_names))
        of_type = "of a stem-cell type" if self.product_type == UNSPECIFIED else "of this type"
        if licensed:
            lead = (f"a named product {of_type} is approved" if len(licensed) == 1
                    else f"named products {of_type} are approved")
            if len(licensed) < len(self.approvals):
                lead += " (or established in transplant centres)"
        else:
            lead = f"{offer} are established only as transplants in transplant centres"
        listed = describe_approvals(sorted(self.approvals, key=lambda a: a.basis != "approval"))
        why = []
        if names:
            shown_names = (", ".join(names[:MAX_NAMED]) + " or another licensed product"
                           if len(names) > MAX_NAMED else " or ".join(names))
            why.append(f"the claim does not name {shown_names}")
        if any(a.setting for a in self.approvals):
            why.append("the page is not a transplant programme's")
        why = " and ".join(why) or "the claim does not name it"
        return [f"{lead} for {cond}: {listed}", f"this clinic's product is not it: {why}"]

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
        self._judge_cache: dict[tuple[str, str], tuple[list[Approval], list[LawfulUse]]] = {}

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
        related = [a for a in self.registry.approvals_for_condition(condition) if a not in approvals]
        other_approvals = [a for a in self.registry.approvals if a.product_type in types and a.condition != condition]
        ev = Evidence(product_type, condition, "", approvals=approvals, related=related,
                      other_approvals=other_approvals,
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
            ev.status = "other_product_approved"
        elif ev.n_trials or ev.late_stage:
            ev.status = "in_trials"
        elif ev.other_approved_conditions:
            ev.status = "approved_other_use_only"
        else:
            ev.status = "no_registered_trials"
        return ev

    def _judge_rows(self, product_type: str, condition: str) -> tuple[list[Approval], list[LawfulUse]]:
        """The approvals a claim of this pair could name (licensed ones, of its types or of
        none) and its lawful-use rules: the same for every claim of the pair, so found once
        (judge runs for each of 100,000 pairs at a million claims)."""
        key = (product_type, condition)
        rows = self._judge_cache.get(key)
        if rows is None:
            types = self._types(product_type)
            nameable = [a for a in self.registry.approvals_for_condition(condition)
                        if a.basis == "approval" and not (a.product_type and a.product_type not in types)]
            rows = self._judge_cache[key] = (nameable, self.registry.lawful_uses_for(product_type, condition))
        return rows

    def judge(self, product_type: str, condition: str, sentences: list[str], page_kind: str | None,
              strength: str, product_sentence: str = "") -> Evidence:
        """This claim against the evidence: approved only when it names the approved product
        or is the setting a row describes; a lawful use when its sentences show one.

        A lawful use is also read at ``page`` strength ("We treat diabetic foot ulcers." ... "We place
        an amniotic membrane over the wound as a covering."): the product's sentence shows the use and
        the condition's sentence says nothing the rule excludes (an injection, a joint)."""
        base = self.assess(product_type, condition)
        nameable, lawful_rules = self._judge_rows(product_type, condition)
        if nameable:
            text = " ".join(s for s in sentences if s)
            for approval in nameable:
                name = approval.named_in(text)
                if name:
                    return replace(base, status="approved_for_this_use", basis=f"names {name}", named=approval)
        in_setting = [a for a in base.approvals
                      if a.setting and page_kind and SETTING_PAGE_KINDS.get(a.setting) == page_kind]
        if in_setting:
            row = next((a for a in in_setting if a.basis == "established_practice"), in_setting[0])
            return replace(base, status="approved_for_this_use", basis="transplant programme's page", named=row)
        if strength == "sentence" and sentences:
            for rule in lawful_rules:
                if all(rule.shown_by(s) for s in sentences):
                    return replace(base, status="lawful_use", basis=rule.rule_id, lawful=rule)
        if strength == "page" and product_sentence:
            for rule in self.registry.lawful_uses_for(product_type, condition):
                if rule.shown_by(product_sentence) and not any(rule.excluded_by(s) for s in sentences):
                    return replace(base, status="lawful_use", basis=rule.rule_id, lawful=rule)
        return base


def _short(a: Approval, with_source: bool = False) -> str:
    """'Lantidra (allogeneic pancreatic islet cells; 2023-06-28; adults)'."""
    facts = [a.product_kind, a.date or a.basis.replace("_", " "), a.population]
    text = f"{a.product_name} ({'; '.join(f for f in facts if f)})"
    return f"{text}, {a.source}" if with_source else text


def assess_pairs(pairs: pd.DataFrame, index: EvidenceIndex) -> pd.DataFrame:
    """Add evidence columns to each claimed pair."""
    out = pairs.copy()
    sentences = out["sentences"].tolist() if "sentences" in out else [[] for _ in range(len(out))]
    product_sentences = out["product_sentence"].tolist() if "product_sentence" in out else [""] * len(out)
    # each column as a list first: walking a pandas string column boxes a cell at a time
    # (600,000 calls, 0.4 s at a million claims)
    evidences = [index.judge(p, c, list(sents) or [cs], kind, strength, ps or "")
                 for p, c, sents, cs, kind, strength, ps in zip(
                     out["product_type"].tolist(), out["condition"].tolist(), sentences,
                     out["condition_sentence"].tolist(), out["page_kind"].tolist(), out["strength"].tolist(),
                     product_sentences)]
    out["evidence"] = evidences
    # most pairs share the Evidence object of their (product type, condition) (EvidenceIndex
    # caches it): its cells are made once per object, and the pairs share the same strings
    # (139 distinct evidence lines for 99,454 pairs at a million claims: 1 s and 40 MiB)
    made: dict[int, tuple] = {}
    cells = []
    for e in evidences:
        row = made.get(id(e))  # ``evidences`` keeps every object alive: an id is never reused
        if row is None:
            row = made[id(e)] = (e.status, e.basis, e.approved_products, e.n_trials, e.highest_phase,
                                 e.n_with_results, e.late_stage_text, ", ".join(e.other_approved_conditions),
                                 e.sentence())
        cells.append(row)
    columns = list(zip(*cells)) if cells else [()] * 9
    for name, values in zip(("evidence_status", "status_basis", "approved_products", "n_trials", "highest_phase",
                             "n_trials_with_results", "late_stage_products", "approved_other_uses",
                             "evidence_line"), columns):
        out[name] = list(values)
    return out
