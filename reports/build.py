"""The report stage: read one run, set its claims against the registry, flag clinics, write
every export. ``write_reports`` is the one entry point the CLI, the scan and the demo call."""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

import pandas as pd

from clinicscan.store import Store
from clinicscan.reports import exports
from clinicscan.reports.dataset import load_run
from clinicscan.reports.evidence import EvidenceIndex, assess_pairs
from clinicscan.reports.pairing import pair_claims
from clinicscan.reports.flags import ClinicFlag, flag_clinic, pairs_that_flag
from clinicscan.reports.html import render_report
from clinicscan.reports.registry import load_registry, save_registry
from clinicscan.vocabulary import load_vocabulary

log = logging.getLogger(__name__)


@dataclass
class ReportSummary:
    """What a report found and wrote; ``describe()`` is what the CLI prints."""

    run_id: int
    out_dir: Path
    sites: int = 0
    pages: int = 0
    offering_pages: int = 0
    claims: int = 0
    flagged: list[tuple[str, str, int]] = field(default_factory=list)  # (clinic, severity, score)
    top_claims: list[tuple[str, int]] = field(default_factory=list)  # ("product for condition", clinics)
    trials_imported: int = 0
    registry_files: list[str] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)

    @property
    def flagged_count(self) -> int:
        return len(self.flagged)

    def describe(self) -> str:
        lines = [f"report for run {self.run_id}: {self.sites} sites, {self.pages} pages, "
                 f"{self.offering_pages} offering treatment, {self.claims} counting claims; "
                 f"{self.flagged_count} clinic(s) flagged"]
        for name, severity, score in self.flagged[:10]:
            lines.append(f"  {severity:<8} {score:>3}  {name}")
        if self.top_claims:
            lines.append("top claims without approval (clinics): " + ", ".join(f"{c} ({n})" for c, n in self.top_claims[:5]))
        if not self.trials_imported:
            lines.append("note: no ClinicalTrials.gov data imported; trial counts are unknown "
                         "(clinicscan registry fetch-ctgov / import-ctgov)")
        lines.append(f"wrote {', '.join(p.name for p in self.files)} to {self.out_dir}")
        return "\n".join(lines)


def write_reports(store: Store, out_dir: str | Path, run_id: int | None = None,
                  registry_paths: Sequence[str | Path] | None = None) -> ReportSummary:
    """Write pages.csv, claims.csv, evidence.csv, clinics.csv, flagged_clinics.csv and
    report.html for ``run_id`` (default: the latest run)."""
    out = Path(out_dir)
    registry = load_registry(registry_paths)
    data = load_run(store, run_id)
    save_registry(store, registry)
    index = EvidenceIndex(registry, data.trials, load_vocabulary().product_types)
    pairs = assess_pairs(pair_claims(data.claims), index)
    pairs["flagged_claim"] = pairs_that_flag(pairs, registry) if len(pairs) else pd.Series(dtype=bool)
    red_flag_claims = data.claims[data.claims["counts"] & (data.claims["kind"] == "red_flag")] \
        if len(data.claims) else data.claims
    pairs_by_site = _records_by_site(pairs)
    reds_by_site = _records_by_site(red_flag_claims)
    flags: dict[int, ClinicFlag] = {}
    for site in data.sites.to_dict("records"):
        sid = site["site_id"]
        flags[sid] = flag_clinic(site, pairs_by_site.get(sid, []), reds_by_site.get(sid, []), registry)

    clinics = exports.clinics_frame(data, pairs, flags)
    flagged = exports.flagged_frame(data, flags, red_flag_claims)
    summary = ReportSummary(
        run_id=data.run_id, out_dir=out, sites=len(data.sites), pages=len(data.pages),
        offering_pages=int(data.pages["offers_treatment"].fillna(False).astype(bool).sum()),
        claims=int(data.claims["counts"].sum()) if len(data.claims) else 0,
        flagged=[(r.site, r.severity, int(r.score)) for r in flagged.itertuples()],
        top_claims=_top_claims(pairs), trials_imported=len(data.trials),
        registry_files=registry.files,
    )
    tables = {
        "pages.csv": exports.pages_frame(data),
        "claims.csv": exports.claims_frame(data),
        "evidence.csv": exports.evidence_frame(data, pairs, flags),
        "clinics.csv": clinics,
        "flagged_clinics.csv": flagged,
    }
    for name, frame in tables.items():
        summary.files.append(exports.write_csv(frame, out / name))
    html_path = out / "report.html"
    html_path.write_text(render_report(summary, data, pairs, flags, clinics, flagged), encoding="utf-8")
    summary.files.append(html_path)
    log.info("report for run %s: %s flagged clinic(s)", data.run_id, summary.flagged_count)
    return summary


def _records_by_site(frame: pd.DataFrame) -> dict[int, list[dict]]:
    grouped: dict[int, list[dict]] = {}
    for record in frame.to_dict("records") if len(frame) else []:
        grouped.setdefault(record["site_id"], []).append(record)
    return grouped


def _top_claims(pairs: pd.DataFrame) -> list[tuple[str, int]]:
    """Claims without approval made by the most clinics (all claims if none is flagged)."""
    counts: Counter = Counter()
    if len(pairs) and pairs["flagged_claim"].any():
        pairs = pairs[pairs["flagged_claim"].astype(bool)]
    for (cond, prod), group in pairs.groupby(["condition", "product_type"]) if len(pairs) else []:
        counts[f"{prod} for {cond}"] = group["site_id"].nunique()
    return counts.most_common(10)
