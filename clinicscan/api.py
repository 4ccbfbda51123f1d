"""The public API: what a notebook needs, in one place (``import clinicscan as cs``).

Each function is a thin, typed door onto a stage, so the stages stay the reference for how
things work and these docstrings for how to call them:

    page = cs.analyse_page(html, url="https://clinic.example/")      # one page, no store
    with cs.open_store("sqlite:///scan.db") as store:
        run_id = cs.extract_files(store, ["saved-pages/"])          # or cs.run_scan(...)
        run = cs.load_run(store, run_id)                            # DataFrames
        tables = cs.build_tables(store, run_id)                     # evidence, flagged, ...
        cs.write_exports(store, "out/", run_id)                     # the CSV files and report.html

This module is the top floor (docs/architecture.md): it imports the stages, never the
other way round.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Sequence

from clinicscan.config import load_config
from clinicscan.crawler import defaults
from clinicscan.nlp import analyse as _analyse
from clinicscan.nlp.analyse import PageAnalysis
from clinicscan.nlp.extract import extract_local_files
from clinicscan.nlp.lexicon import Lexicon
from clinicscan.nlp.pipeline import shared_pipeline
from clinicscan.pipeline import ScanSummary
from clinicscan.pipeline import run_scan as _run_scan
from clinicscan.reports.build import ReportSummary, ReportTables, build_tables, write_reports
from clinicscan.reports.dataset import RunData
from clinicscan.reports.dataset import load_run as _load_run
from clinicscan.store import Store
from clinicscan.store import open_store as _open_store

__all__ = [
    "PageAnalysis",
    "ReportSummary",
    "ReportTables",
    "RunData",
    "ScanSummary",
    "Store",
    "analyse_page",
    "build_tables",
    "extract_files",
    "load_run",
    "open_store",
    "run_scan",
    "write_exports",
]

PathLike = str | os.PathLike[str]


def analyse_page(html: str, url: str | None = None, lexicon: Lexicon | PathLike | None = None, *,
                 is_html: bool = True) -> PageAnalysis:
    """Read one page: its text, whether it offers treatment, its claims in context.

    ``html`` is the page's HTML (plain text with ``is_html=False``); ``url`` only labels log
    lines. ``lexicon`` is another lexicon: a folder laid out like ``data/lexicon`` (a copy
    you edited) or a :class:`~clinicscan.nlp.lexicon.Lexicon` from ``load_lexicon(folder)``;
    by default the shipped one; ``LexiconError`` (naming file and line) if it is malformed.
    Otherwise never raises: a page that cannot be read comes back with ``error`` set. The result's ``conditions``, ``product_types`` and ``red_flags`` are the
    page-level ids; ``claims`` holds every mention with its sentence and context.
    """
    folder = lexicon.directory if isinstance(lexicon, Lexicon) else lexicon
    lexicon_dir = str(Path(folder).resolve()) if folder else None
    shared_pipeline(lexicon_dir)  # a malformed lexicon raises LexiconError here, naming file and line
    return _analyse.analyse_page(html, is_html=is_html, url=url, lexicon_dir=lexicon_dir)


def open_store(url: str | None = None, *, home: PathLike | None = None) -> Store:
    """Open (and create if needed) a store: ``sqlite:///file.db`` or ``postgresql://...``.

    Without ``url``: ``CLINICSCAN_DB``, else the SQLite file in ``home`` (default
    ``CLINICSCAN_HOME`` or ``./clinicscan-data``), as the command line does. Use it in a
    ``with`` block, or call ``store.dispose()`` when done. ``StoreUnavailable`` says why a
    database cannot be opened.
    """
    return _open_store(load_config(db_url=url, home=home).db_url)


def load_run(store: Store, run_id: int | None = None) -> RunData:
    """One crawl run (default: the latest) as DataFrames: ``sites``, ``pages``, ``claims``
    (with page and site columns, ``counts`` True for a claim that counts) and ``trials``."""
    return _load_run(store, run_id)


def extract_files(store: Store, paths: Sequence[PathLike], workers: int | None = None) -> int:
    """Store local .html/.htm/.txt files (or folders of them) as a new run and extract their
    claims; returns the run id. ``InputError`` if no file can be read."""
    return extract_local_files(store, [Path(p) for p in paths], workers=workers)


def write_exports(store: Store, out_dir: PathLike, run_id: int | None = None,
                  registry_paths: Sequence[PathLike] | None = None) -> ReportSummary:
    """Write pages.csv, claims.csv, evidence.csv, clinics.csv, flagged_clinics.csv and
    report.html for ``run_id`` (default: the latest run) into ``out_dir``.

    To get the same tables as DataFrames without writing anything, use :func:`build_tables`.
    ``registry_paths`` replaces the shipped evidence registry with these folders or files.
    """
    return write_reports(store, Path(out_dir), run_id=run_id,
                         registry_paths=[Path(p) for p in registry_paths] if registry_paths else None)


def run_scan(seeds: Sequence[str], out_dir: PathLike, *, db_url: str | None = None,
             home: PathLike | None = None, max_depth: int = defaults.MAX_DEPTH,
             max_pages: int = defaults.MAX_PAGES_PER_SITE, delay: float = defaults.DELAY,
             max_size: int = defaults.MAX_SIZE, workers: int | None = None,
             allow_loopback: bool = False, new_run: bool = False,
             redis_url: str | None = None, progress: bool = True) -> ScanSummary:
    """Crawl ``seeds`` (seed CSV files or URLs), extract that run and write its exports.

    The same job as ``clinicscan scan``, with the same defaults. Scrapy's reactor cannot
    restart, so a Python process can crawl only once: in a notebook, run a second scan in a
    fresh kernel (or use the command line). The store is ``db_url``, else the configured one.
    """
    config = load_config(db_url=db_url, home=home)
    return _run_scan(config, list(seeds), Path(out_dir), workers=workers, max_depth=max_depth,
                     max_pages=max_pages, delay=delay, max_size=max_size, allow_loopback=allow_loopback,
                     new_run=new_run, redis_url=redis_url, progress=progress)
