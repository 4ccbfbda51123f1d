"""The report stage: read one run, set its claims against the registry, flag clinics, write
every export. ``build_tables`` makes the tables (DataFrames, nothing written);
``write_reports``, the entry point of the CLI, the scan and the demo, writes them."""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

import pandas as pd

from clinicscan.store import Store
from clinicscan.reports import exports
from clinicscan.reports.business_tables import WhoWhere, add_place_columns, who_and_where
from clinicscan.reports.contact_read import load_contact_facts
from clinicscan.reports.dataset import RunData, load_run
from clinicscan.reports.evidence import EvidenceIndex, assess_pairs
from clinicscan.reports.pairing import pair_claims
from clinicscan.reports.flags import ClinicFlag, flag_clinic, pairs_that_flag
from clinicscan.reports.html import render_report
from clinicscan.reports.registry import Registry, load_registry, save_registry
from clinicscan.vocabulary import load_vocabulary

__all__ = ["ReportSummary", "ReportTables", "build_tables", "write_reports"]

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


@dataclass
class ReportTables:
    """Every table of one run's report as DataFrames: built in memory, nothing written.

    ``evidence`` (one row a claimed clinic x condition x product type, with its evidence
    status), ``flagged`` (the flagged clinics, with reasons and quotes), ``clinics``,
    ``pages`` and ``claims`` are the frames the CSV exports hold (columns in
    docs/data-dictionary.md); ``data``, ``pairs`` and ``flags`` are what they were built from.
    """

    data: RunData
    registry: Registry
    pairs: pd.DataFrame
    flags: dict[int, ClinicFlag]
    red_flag_claims: pd.DataFrame
    pages: pd.DataFrame
    claims: pd.DataFrame
    evidence: pd.DataFrame
    clinics: pd.DataFrame
    flagged: pd.DataFrame
    who: WhoWhere  # businesses.csv, locations.csv and the place columns of the clinic exports

    @property
    def run_id(self) -> int:
        return self.data.run_id

    def exports(self) -> dict[str, pd.DataFrame]:
        """File name -> frame, in the order the CSV files are written."""
        return {"pages.csv": self.pages, "claims.csv": self.claims, "evidence.csv": self.evidence,
                "clinics.csv": self.clinics, "flagged_clinics.csv": self.flagged,
                "businesses.csv": self.who.businesses, "locations.csv": self.who.locations}

    def summary(self, out_dir: str | Path) -> ReportSummary:
        data = self.data
        return ReportSummary(
            run_id=data.run_id, out_dir=Path(out_dir), sites=len(data.sites), pages=len(data.pages),
            offering_pages=int(data.pages["offers_treatment"].fillna(False).astype(bool).sum()),
            claims=int(data.claims["counts"].sum()) if len(data.claims) else 0,
            flagged=[(r.site, r.severity, int(r.score)) for r in self.flagged.itertuples()],
            top_claims=_top_claims(self.pairs), trials_imported=len(data.trials),
            registry_files=self.registry.files,
        )


def build_tables(store: Store, run_id: int | None = None,
                 registry_paths: Sequence[str | Path] | None = None) -> ReportTables:
    """Set ``run_id``'s claims (default: the latest run) against the registry and flag its
    clinics; returns the tables without writing anything (files or store rows)."""
    registry = load_registry(registry_paths)
    data = load_run(store, run_id)
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
    who = who_and_where(data.sites, data.pages, load_contact_facts(store, data.run_id),
                        flagged_site_ids=[sid for sid, flag in flags.items() if flag.flagged])
    return ReportTables(
        data=data, registry=registry, pairs=pairs, flags=flags, red_flag_claims=red_flag_claims,
        pages=exports.pages_frame(data), claims=exports.claims_frame(data),
        evidence=exports.evidence_frame(data, pairs, flags),
        clinics=add_place_columns(exports.clinics_frame(data, pairs, flags), who.places),
        flagged=add_place_columns(exports.flagged_frame(data, flags, red_flag_claims), who.places),
        who=who,
    )


def write_reports(store: Store, out_dir: str | Path, run_id: int | None = None,
                  registry_paths: Sequence[str | Path] | None = None) -> ReportSummary:
    """Write pages.csv, claims.csv, evidence.csv, clinics.csv, flagged_clinics.csv and
    report.html for ``run_id`` (default: the latest run), and store the registry it used."""
    out = Path(out_dir)
    tables = build_tables(store, run_id, registry_paths)
    save_registry(store, tables.registry)
    summary = tables.summary(out)
    for name, frame in tables.exports().items():
        summary.files.append(exports.write_csv(frame, out / name))
    html_path = out / "report.html"
    html_path.write_text(render_report(summary, tables.data, tables.pairs, tables.flags, tables.clinics,
                                       tables.flagged, tables.who), encoding="utf-8")
    summary.files.append(html_path)
    log.info("report for run %s: %s flagged clinic(s)", tables.run_id, summary.flagged_count)
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
