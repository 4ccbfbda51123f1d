"""The whole job in one call: crawl the seeds, extract claims from that run, report on it.

``clinicscan scan`` and ``clinicscan demo`` both end up here. Each stage stays usable on its
own (``crawl``, ``extract``, ``report``); this module only chains them over one store and
keeps every stage pointed at the same crawl run, so a scan reports exactly what it fetched.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from clinicscan.config import Config
from clinicscan.crawler.run import run_crawl
from clinicscan.crawler.seeds import load_seeds
from clinicscan.nlp.extract import ExtractStats, extract_stored_pages
from clinicscan.reports.build import ReportSummary, write_reports
from clinicscan.store import open_store

__all__ = ["ScanSummary", "run_scan"]

logger = logging.getLogger(__name__)


@dataclass
class ScanSummary:
    """What one scan did: the crawl run it made, and each later stage's own summary."""

    run_id: int
    out_dir: Path
    extract_stats: ExtractStats
    report: ReportSummary

    def describe(self) -> str:
        return "\n".join([f"crawl run {self.run_id} done", self.extract_stats.describe(),
                          self.report.describe()])


def run_scan(config: Config, seed_args: Sequence[str], out_dir: str | Path, workers: int | None = None,
             **crawl_options) -> ScanSummary:
    """Crawl ``seed_args`` (CSV files or URLs), extract that run's pages, write the exports.

    ``crawl_options`` are :func:`clinicscan.crawler.run.run_crawl`'s keyword arguments (max_depth,
    max_pages, delay, max_size, allow_loopback, new_run, redis_url, progress). Running the
    same scan again resumes an unfinished crawl or, after a finished one, takes a new
    snapshot; extraction never duplicates claims and the report covers that run only.
    """
    out_dir = Path(out_dir)
    seeds = load_seeds(list(seed_args))
    store = open_store(config.db_url)
    try:
        run_id = run_crawl(store, config, seeds, **crawl_options)
        logger.info("scan: crawl run %d done, extracting", run_id)
        extract_stats = extract_stored_pages(store, run_id=run_id, workers=workers)
        logger.info("scan: extraction of run %d done, reporting", run_id)
        report = write_reports(store, out_dir, run_id=run_id)
    finally:
        store.dispose()
    return ScanSummary(run_id=run_id, out_dir=out_dir, extract_stats=extract_stats, report=report)
