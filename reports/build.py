"""The report stage: read one run, set its claims against the registry, flag clinics, write
every export. ``build_tables`` makes the tables (DataFrames, nothing written);
``write_reports``, the entry point of the CLI, the scan and the demo, writes them."""

from __future__ import annotations

import functools
import logging
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Sequence

import pandas as pd

from clinicscan.errors import ConfigError
from clinicscan.heap import fewer_collections, long_lived_heap, release_memory, system_allocator
from clinicscan.store import Store
from clinicscan.reports import claims_pass, exports
from clinicscan.reports.claims_pass import stream_claims
from clinicscan.reports.business_tables import WhoWhere, add_place_columns, who_and_where
from clinicscan.reports.contact_read import load_contact_facts
from clinicscan.reports.dataset import RunData, load_run, load_run_without_claims, resolve_run
from clinicscan.reports.evidence import EvidenceIndex, assess_pairs
from clinicscan.reports.pairing import pair_claims
from clinicscan.reports.exports import CLAIMS_COLUMNS
from clinicscan.reports.flags import FLAG_PAIR_COLUMNS, ClinicFlag, flag_clinic, pairs_that_flag, red_flags_to_quote
from clinicscan.reports.html import render_report
from clinicscan.reports.registry import Registry, load_registry, save_registry
from clinicscan.vocabulary import load_vocabulary

__all__ = ["FORMATS", "ReportSummary", "ReportTables", "build_tables", "parse_formats", "write_reports"]

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


FORMATS = ("csv", "parquet")


def _python_strings(func):
    """Run ``func`` with pandas text columns holding Python strings, not Arrow ones.

    pandas 3 keeps text in Arrow arrays when pyarrow is installed (it is, for Parquet). The
    report merges, sorts and regroups frames of a million rows: with Arrow each of those
    copies every string (9 of 20 s at a million claims, and twice the memory); with Python
    strings it moves pointers. Only the report's own frames are affected, for its duration.
    """

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        with pd.option_context("mode.string_storage", "python"):
            return func(*args, **kwargs)

    return wrapper


def parse_formats(formats: str | Sequence[str] | None) -> tuple[str, ...]:
    """``"csv,parquet"`` (or a sequence) as a checked tuple; a clear error for anything else."""
    if formats is None:
        return ("csv",)
    items = [f.strip().lower() for f in (formats.split(",") if isinstance(formats, str) else formats)]
    items = [f for f in items if f]
    unknown = sorted(set(items) - set(FORMATS))
    if unknown or not items:
        raise ConfigError(f"unknown export format {', '.join(unknown) or repr(formats)}; "
                          f"choose from {', '.join(FORMATS)} (e.g. --format csv,parquet)")
    if "parquet" in items:
        try:
            import pyarrow.parquet  # noqa: F401
        except ImportError as exc:  # pragma: no cover - pyarrow is a dependency
            raise ConfigError("--format parquet needs pyarrow (pip install pyarrow)") from exc
    return tuple(dict.fromkeys(items))


@_python_strings
def build_tables(store: Store, run_id: int | None = None,
                 registry_paths: Sequence[str | Path] | None = None) -> ReportTables:
    """Set ``run_id``'s claims (default: the latest run) against the registry and flag its
    clinics; returns the tables without writing anything (files or store rows)."""
    registry = load_registry(registry_paths)
    data = load_run(store, run_id)
    return _tables(store, data, registry, exports.claims_frame(data))


# what the stages after flagging (clinics.csv, flagged_clinics.csv, the charts, the summary) read of claims
LATE_CLAIM_COLUMNS = ["site_id", "kind", "vocab_id", "counts"]
# what the stages after pages.csv (businesses, clinics.csv, the summary) read of pages
LATE_PAGE_COLUMNS = ["page_id", "site_id", "url", "final_url", "offers_treatment"]
LATE_RED_FLAG_COLUMNS = ["site_id", "vocab_id"]


def _tables(store: Store, data: RunData, registry: Registry, claims: pd.DataFrame | None,
            keep_claims: bool = True, pages: pd.DataFrame | None = None) -> ReportTables:
    """Every table but claims.csv's (``claims``, given) from ``data``: all claims, or only the
    counting ones (the report's streamed read), which is all that the analysis reads.

    ``keep_claims=False`` (write_reports, which returns no tables): once the clinics are
    flagged, ``data.claims`` and the red-flag claims keep only the columns later stages read
    (``data`` is changed in place): the sentences and page columns of 700,000 counting claims
    (150 MiB) no longer sit under the exports' own peak; pairs lose the sentences they were
    judged on, and flags their pair records once the frames holding them are built.
    ``pages``: pages.csv's frame when the caller made it already (and may have trimmed
    ``data.pages`` to ``LATE_PAGE_COLUMNS`` since)."""
    index = EvidenceIndex(registry, data.trials, load_vocabulary().product_types)
    pairs = pair_claims(data.claims)
    release_memory()  # pairing's join tables
    pairs = assess_pairs(pairs, index)
    pairs["flagged_claim"] = pairs_that_flag(pairs, registry) if len(pairs) else pd.Series(dtype=bool)
    red_flag_claims = data.claims[data.claims["counts"] & (data.claims["kind"] == "red_flag")] \
        if len(data.claims) else data.claims
    # only flagged clinics read their pairs and red flags (flag_clinic), and only the rows
    # red_flags_to_quote keeps: records are made for those alone
    flagging = set(pairs.loc[pairs["flagged_claim"].astype(bool), "site_id"]) if len(pairs) else set()
    # flag_clinic reads a site's flagging pairs only, and only FLAG_PAIR_COLUMNS of them
    pairs_by_site = _records_by_site(pairs.loc[pairs["flagged_claim"].astype(bool), FLAG_PAIR_COLUMNS]
                                     if len(pairs) else pairs)
    reds_by_site = _records_by_site(red_flags_to_quote(
        red_flag_claims[red_flag_claims["site_id"].isin(flagging)] if len(red_flag_claims) else red_flag_claims))
    flags: dict[int, ClinicFlag] = {}
    for site in data.sites.to_dict("records"):
        sid = site["site_id"]
        flags[sid] = flag_clinic(site, pairs_by_site.get(sid, []), reds_by_site.get(sid, []), registry)
    del pairs_by_site, reds_by_site
    if not keep_claims:
        data.claims = data.claims[LATE_CLAIM_COLUMNS].copy()
        red_flag_claims = red_flag_claims[LATE_RED_FLAG_COLUMNS].copy()
        # every sentence naming a pair was for judging it; the quotes stay
        pairs["sentences"] = pd.Series([[]] * len(pairs), index=pairs.index, dtype=object)
        release_memory()
    who = who_and_where(data.sites, data.pages, load_contact_facts(store, data.run_id),
                        flagged_site_ids=[sid for sid, flag in flags.items() if flag.flagged])
    tables = ReportTables(
        data=data, registry=registry, pairs=pairs, flags=flags, red_flag_claims=red_flag_claims,
        pages=exports.pages_frame(data) if pages is None else pages, claims=claims if claims is not None else pd.DataFrame(columns=CLAIMS_COLUMNS),
        evidence=exports.evidence_frame(data, pairs, flags),
        clinics=add_place_columns(exports.clinics_frame(data, pairs, flags), who.places),
        flagged=add_place_columns(exports.flagged_frame(data, flags, red_flag_claims), who.places),
        who=who,
    )
    if not keep_claims:  # the flagging pairs are in clinics.csv and flagged_clinics.csv now; the page reads none
        for flag in flags.values():
            flag.unsupported = []
        release_memory()
    return tables


@long_lived_heap()
@fewer_collections()
@system_allocator()
@_python_strings
def write_reports(store: Store, out_dir: str | Path, run_id: int | None = None,
                  registry_paths: Sequence[str | Path] | None = None,
                  formats: str | Sequence[str] | None = None, claims=None) -> ReportSummary:
    """Write pages.csv, claims.csv, evidence.csv, clinics.csv, flagged_clinics.csv,
    businesses.csv, locations.csv and report.html for ``run_id`` (default: the latest run),
    and store the registry it used. ``formats`` ("csv", "parquet" or both): claims and pages
    are written in each (claims.parquet, pages.parquet); the other tables are always CSV.

    Claims are streamed (reports.claims_pass): claims.csv is written while they are read, and
    only the counting claims stay in memory for the analysis; the files are the ones
    ``build_tables`` + ``exports.write_csv`` would write (tests/test_report_readpath.py).

    ``claims``: the claims this process extracted for the run (reports.collected_claims, from
    ``extract PATH --out``); read instead of the store's when they are the run's stored claims."""
    out = Path(out_dir)
    wanted = parse_formats(formats)
    registry = load_registry(registry_paths)
    run = resolve_run(store, run_id)
    if claims is not None and claims.stand_for_store(store, run.id):
        base = load_run_without_claims(store, run)
        return _write_reports(store, out, wanted, registry, base, claims.batches())
    # the claims are read on a thread (claims_pass.start_read); on PostgreSQL from now on,
    # while the pages load too. Not on SQLite: the ADBC driver's own SQLite library and the
    # sqlite3 module's do not see each other's locks, and the two reading the same WAL
    # database at once crashed the process (SIGBUS, in a test run at load 10); the pages are
    # read first there, and no sqlite3 connection is used until the claims are read
    batches = claims_pass.start_read(store, run.id, claims_pass.CHUNK_ROWS) if _read_beside(store) else None
    try:
        base = load_run_without_claims(store, run)
    except BaseException:
        getattr(batches, "close", lambda: None)()
        raise
    if batches is None:
        batches = claims_pass.start_read(store, run.id, claims_pass.CHUNK_ROWS)
    return _write_reports(store, out, wanted, registry, base, batches)


def _write_reports(store: Store, out: Path, wanted: tuple[str, ...], registry: Registry, base: RunData,
                   batches) -> ReportSummary:
    """write_reports once the run's pages are read and its claims' batches are started."""
    passed = stream_claims(store, base.run_id, base.pages, out, wanted, batches=batches)
    release_memory()  # the batches read and written
    data = replace(base, claims=passed.counting, page_mentions=passed.mentions,
                   page_counting=passed.counting_per_page)
    passed.counting = None  # ``data`` holds it, and _tables trims it (keep_claims=False)
    del base
    # pages.csv now (it needs only the pages and their claim counts), then the pages keep the
    # columns later stages read: the titles, JSON lists and WARC names of every page no
    # longer sit under the analysis' peak
    pages_frame = exports.pages_frame(data)
    page_files: list[Path] = []
    if "csv" in wanted:
        page_files.append(exports.write_csv(pages_frame, out / "pages.csv"))
    if "parquet" in wanted:
        page_files.append(exports.write_parquet(pages_frame, out / "pages.parquet"))
    del pages_frame
    data.pages = data.pages[LATE_PAGE_COLUMNS].copy()
    release_memory()
    tables = _tables(store, data, registry, claims=None, keep_claims=False,
                     pages=pd.DataFrame(columns=exports.PAGES_COLUMNS))
    save_registry(store, tables.registry)
    summary = tables.summary(out)
    for name, frame in tables.exports().items():
        if name == "pages.csv":
            summary.files.extend(page_files)
        elif name == "claims.csv":
            summary.files.extend(passed.files[f"claims.{fmt}"] for fmt in FORMATS if fmt in wanted)
        else:
            summary.files.append(exports.write_csv(frame, out / name))
    html_path = out / "report.html"
    html_path.write_text(render_report(summary, tables.data, tables.pairs, tables.flags, tables.clinics,
                                       tables.flagged, tables.who), encoding="utf-8")
    summary.files.append(html_path)
    log.info("report for run %s: %s flagged clinic(s)", tables.run_id, summary.flagged_count)
    return summary


def _read_beside(store: Store) -> bool:
    """Whether the claims may be read while the store is read otherwise (not on SQLite)."""
    return store.engine.dialect.name != "sqlite"


def _records_by_site(frame: pd.DataFrame) -> dict[int, list[dict]]:
    grouped: dict[int, list[dict]] = {}
    for record in records(frame):
        grouped.setdefault(record["site_id"], []).append(record)
    return grouped


def records(frame: pd.DataFrame) -> list[dict]:
    """``frame.to_dict("records")``, the same values (Python ints, bools and floats,
    Timestamps; None for a missing value of a nullable column), built a column at a time
    instead of boxing cell by cell: 1.6 s -> 0.5 s for 100,000 pairs."""
    if not len(frame):
        return []
    names = list(frame.columns)
    columns = []
    for i in range(len(names)):
        column = frame.iloc[:, i]
        values = column.astype(object).tolist()
        if isinstance(column.dtype, pd.api.extensions.ExtensionDtype) and column.hasnans \
                and not isinstance(column.dtype, pd.CategoricalDtype | pd.StringDtype | pd.DatetimeTZDtype):
            values = [None if v is pd.NA else v for v in values]  # masked ints, floats, booleans
        columns.append(values)
    return [dict(zip(names, row)) for row in zip(*columns)]


def _top_claims(pairs: pd.DataFrame) -> list[tuple[str, int]]:
    """Claims without approval made by the most clinics (all claims if none is flagged)."""
    counts: Counter = Counter()
    if len(pairs) and pairs["flagged_claim"].any():
        pairs = pairs[pairs["flagged_claim"].astype(bool)]
    # one grouped nunique, in the groups' order (a Python step a group cost ~0.7 ms, with
    # hundreds of condition x product groups); tests/test_report_top_claims.py
    clinics = pairs.groupby(["condition", "product_type"])["site_id"].nunique() if len(pairs) else {}
    for (cond, prod), n in clinics.items():
        counts[f"{prod} for {cond}"] = int(n)
    return counts.most_common(10)
