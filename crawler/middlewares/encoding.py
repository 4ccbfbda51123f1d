"""Decode pages without a charset as browsers do: UTF-8 if valid, else windows-1252.

Scrapy guesses the encoding of an undeclared, non-UTF-8 body with charset-normalizer, which
on short western pages picks cp1250, cp852 or even cp1006 ("Zürich" becomes "Zﮰrich").
The HTML standard's fallback for such pages is windows-1252, a superset of latin-1's
printable characters whose bytes 0x80-0x9F are the curly quotes, dashes and euro sign
that legacy clinic pages are full of. This middleware sets that encoding on the response
before the spider reads ``response.text``; a body that claims UTF-8 but is not is treated
the same way. Counts ``encoding/fallback_cp1252`` and ``encoding/invalid_utf8``.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import TYPE_CHECKING

from scrapy.exceptions import NotConfigured
from scrapy.http import TextResponse
from w3lib.encoding import (
    html_body_declared_encoding,
    http_content_type_encoding,
    read_bom,
    resolve_encoding,
)

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.http import Request, Response
    from scrapy.statscollectors import StatsCollector

logger = logging.getLogger(__name__)

FALLBACK_ENCODING = "cp1252"


@lru_cache(maxsize=256)
def _header_encoding(content_type: str) -> tuple[bool, str | None]:
    """Does the Content-Type value name a charset, and that charset resolved. A site sends
    the same value with every page: parsed once, not once a page."""
    declared = http_content_type_encoding(content_type)
    return bool(declared), resolve_encoding(declared) if declared else None


def declared_encoding(content_type: str | None, body: bytes) -> str | None:
    """The encoding a page declares (BOM, then HTTP header, then <meta>), resolved; or None."""
    bom, _ = read_bom(body)
    if bom:
        return resolve_encoding(bom)
    if content_type:
        in_header, resolved = _header_encoding(content_type)
        if in_header:
            return resolved
    declared = html_body_declared_encoding(body)
    return resolve_encoding(declared) if declared else None


def is_utf8(body: bytes) -> bool:
    if body.isascii():  # most pages: a scan, not a decode into a page-sized str thrown away
        return True
    try:
        body.decode("utf-8")
    except UnicodeDecodeError as exc:
        # a multi-byte character cut off by a truncated download is still UTF-8
        return exc.start >= len(body) - 3 and exc.reason == "unexpected end of data"
    return True


def fallback_encoding(content_type: str | None, body: bytes) -> str | None:
    """The encoding to impose on ``body``, or None when Scrapy's own choice is right."""
    declared = declared_encoding(content_type, body)
    if declared is None:
        # pinned even when valid: a body cut inside a character would otherwise be guessed
        return "utf-8" if is_utf8(body) else FALLBACK_ENCODING
    if declared == "utf-8" and not is_utf8(body):
        return FALLBACK_ENCODING
    return None


class EncodingFallbackMiddleware:
    """Downloader middleware: pin windows-1252 on undeclared or falsely-UTF-8 text bodies."""

    def __init__(self, stats: StatsCollector) -> None:
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> EncodingFallbackMiddleware:
        if not crawler.settings.getbool("CLINICSCAN_ENCODING_FALLBACK", True):
            raise NotConfigured("CLINICSCAN_ENCODING_FALLBACK is off")
        return cls(crawler.stats)

    def process_response(self, request: Request, response: Response) -> Response:
        if not isinstance(response, TextResponse) or not response.body:
            return response
        content_type = (response.headers.get("Content-Type") or b"").decode("latin-1")
        encoding = fallback_encoding(content_type, response.body)
        if encoding is None:
            return response
        if encoding == "utf-8":
            return response.replace(encoding=encoding)
        declared = declared_encoding(content_type, response.body)
        if declared:
            logger.info("%s declares %s but is not valid %s; decoding as %s",
                        response.url, declared, declared, encoding)
            self.stats.inc_value("encoding/invalid_utf8")
        self.stats.inc_value(f"encoding/fallback_{encoding}")
        return response.replace(encoding=encoding)
