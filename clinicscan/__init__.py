"""clinicscan: scan stem-cell clinic websites and set their claims against the evidence.

The public API (``clinicscan/api.py``) is importable from here and loads lazily, so
``import clinicscan`` stays instant and the command line starts fast::

    import clinicscan as cs
    page = cs.analyse_page("<p>We offer stem cell injections for knee arthritis.</p>")
    with cs.open_store("sqlite:///scan.db") as store:
        run = cs.load_run(store)

The stages live in ``clinicscan.crawler`` (Scrapy), ``clinicscan.nlp`` (spaCy) and
``clinicscan.reports`` (pandas) over the shared ground of ``config``, ``errors``, ``store``,
``paths`` and ``vocabulary``; docs/architecture.md has the floors.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

#: the public names; each is ``clinicscan.api.<name>``. api.py lists them again as a literal
#: ``__all__`` (ruff and mypy see re-exports only there, and importing api here would end the
#: lazy import); tests/test_public_api.py holds the two lists equal.
_API = (
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
)
__all__ = ["__version__", *_API]

if TYPE_CHECKING:
    from clinicscan.api import (
        PageAnalysis as PageAnalysis,
        ReportSummary as ReportSummary,
        ReportTables as ReportTables,
        RunData as RunData,
        ScanSummary as ScanSummary,
        Store as Store,
        analyse_page as analyse_page,
        build_tables as build_tables,
        extract_files as extract_files,
        load_run as load_run,
        open_store as open_store,
        run_scan as run_scan,
        write_exports as write_exports,
    )


def __getattr__(name: str) -> Any:
    if name in _API:
        value = getattr(importlib.import_module("clinicscan.api"), name)
        globals()[name] = value  # the next lookup does not come back here
        return value
    raise AttributeError(f"module 'clinicscan' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_API})
