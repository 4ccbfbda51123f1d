"""What the spider hands to the pipelines: a fetched page, or the fate of a URL it gave up on.

Declared once, as dataclasses; the archive pipeline fills the ``warc_*`` fields (in a crawl,
from the store pipeline's writer thread), the store pipeline writes rows. Links found on a page travel with it, so that the page, its frontier
row turning ``done`` and its newly discovered URLs are committed in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


@dataclass
class FrontierLink:
    """A URL discovered on a page, to be added to the run's frontier."""

    url: str
    site: str  # site_key
    depth: int
    priority: int


@dataclass
class PageItem:
    """One HTML page fetched for a run (``url`` is the canonical frontier URL)."""

    url: str
    site: str
    final_url: str
    status: int
    fetched_at: datetime
    content_type: str | None
    depth: int
    # kept out of repr(): Scrapy logs a dropped or failing item, and a log line must never
    # carry a page body
    body: bytes = field(repr=False)
    html: str = field(repr=False)
    content_hash: str
    # the codec ``html`` was decoded with (Scrapy's response.encoding: the page's charset or
    # the encoding middleware's fallback); the store reads the body back from the WARC with it
    encoding: str | None = None
    # for the WARC record
    http_version: str = "HTTP/1.1"
    response_headers: list[tuple[str, str]] = field(default_factory=list, repr=False)
    request_headers: list[tuple[str, str]] = field(default_factory=list, repr=False)
    request_method: str = "GET"
    links: list[FrontierLink] = field(default_factory=list, repr=False)
    # filled by the archive pipeline
    warc_file: str | None = None
    warc_record_id: str | None = None
    warc_offset: int | None = None
    # ... or, with CLINICSCAN_ARCHIVE_IN_WRITER, the archive pipeline that will fill them: the
    # store's writer thread has it write the page's records just before the page's row
    archive: Any = field(default=None, repr=False, compare=False)
    # ... or the archive pipeline whose buffer holds the page's records: the store has it
    # flush them (one write for the batch's pages) before it commits the page's row
    archive_buffer: Any = field(default=None, repr=False, compare=False)


@dataclass
class UrlOutcome:
    """A frontier URL that will not become a page: ``state`` is ``skipped`` or ``failed``."""

    url: str
    site: str
    depth: int
    state: str
    reason: str
