"""The dev set's pages as the stage reads them, for the fast-path equivalence tests.

Several test files compare a fast path with its reference reading on the same pages; they share this one
cached reading instead of each parsing the dev set again.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from clinicscan.nlp.analyse import page_text

DEVSET_PAGES = Path(__file__).resolve().parents[1] / "data" / "devset" / "pages"


def is_html(path: Path) -> bool:
    return path.suffix in (".html", ".htm")


@lru_cache(maxsize=1)
def devset_texts() -> tuple[str, ...]:
    """Each dev set page's main text (HTML pages through ``page_text``), in file-name order."""
    return tuple(page_text(p.read_text(encoding="utf-8", errors="replace"), is_html(p)).text
                 for p in sorted(DEVSET_PAGES.iterdir()) if p.is_file())
