"""Keep only responses worth storing: HTML, non-empty, within the size cap.

Clinic sites serve brochures as PDF, images behind ``.html`` links, JSON with a
``text/html`` label and gzip bombs. Scrapy already aborts a download past
``DOWNLOAD_MAXSIZE``, and its HttpCompressionMiddleware stops decompressing past it (the
gzip-bomb case, raising IgnoreRequest). This middleware sits just inside that one
(priority below 590) so it sees the decompressed body, and skips with a logged reason and
a ``limits/*`` stat anything that is not an HTML page; it also names a redirect to a
non-http scheme that was left unfollowed. Only successful (2xx) bodies are judged: errors
go on to the retry middleware. robots.txt is never judged here. (Redirect loops:
:mod:`clinicscan.crawler.middlewares.redirect_loop`.)
"""

from __future__ import annotations

import json
import logging
from urllib.parse import urljoin, urlsplit
from typing import TYPE_CHECKING

from scrapy.exceptions import DownloadCancelledError, IgnoreRequest, NotConfigured

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.http import Request, Response
    from scrapy.statscollectors import StatsCollector

logger = logging.getLogger(__name__)

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
# Leading bytes of formats that are never a web page, whatever the label says.
MAGIC = {
    b"%PDF-": "pdf",
    b"\x89PNG": "png",
    b"GIF8": "gif",
    b"\xff\xd8\xff": "jpeg",
    b"PK\x03\x04": "zip",
    b"RIFF": "riff",
    b"\x1f\x8b": "gzip",
    b"\x00\x00\x01\x00": "ico",
    b"OggS": "ogg",
    b"ID3": "mp3",
    b"%!PS": "postscript",
    b"\xd0\xcf\x11\xe0": "ms-office",
}
SNIFF_BYTES = 2048
_MAGIC_PREFIXES = tuple(MAGIC)  # one startswith for all: the common answer is "none"


def sniff_kind(body: bytes) -> str | None:
    """The non-HTML format ``body`` looks like ('pdf', 'json', 'binary'...), or None."""
    head = body[:SNIFF_BYTES]
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n\f")
    if stripped.startswith(_MAGIC_PREFIXES):
        for magic, kind in MAGIC.items():
            if stripped.startswith(magic):
                return kind
    if stripped[:4] in (b"\x00\x00\x00\x18", b"\x00\x00\x00\x1c", b"\x00\x00\x00 ") and b"ftyp" in stripped[:12]:
        return "mp4"
    if b"\x00" in head and not stripped.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "binary"
    if stripped[:1] in (b"{", b"["):
        try:
            json.loads(body)
        except ValueError:
            return None
        return "json"
    return None


def media_type(response: Response) -> str:
    """The lower-cased media type of the Content-Type header, '' if absent."""
    raw = response.headers.get("Content-Type") or b""
    return raw.split(b";", 1)[0].strip().lower().decode("latin-1")


class ResponseLimitsMiddleware:
    """Downloader middleware: IgnoreRequest for non-HTML, empty or oversized responses."""

    def __init__(self, stats: StatsCollector, *, max_size: int) -> None:
        self.stats = stats
        self.max_size = max_size

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ResponseLimitsMiddleware:
        if not crawler.settings.getbool("CLINICSCAN_RESPONSE_LIMITS", True):
            raise NotConfigured("CLINICSCAN_RESPONSE_LIMITS is off")
        return cls(crawler.stats, max_size=crawler.settings.getint("DOWNLOAD_MAXSIZE"))

    def process_response(self, request: Request, response: Response) -> Response:
        if 300 <= response.status < 400:
            self._check_unfollowed_redirect(request, response)
        if not 200 <= response.status < 300 or _is_robots(request):
            return response
        body = response.body
        max_size = request.meta.get("download_maxsize", self.max_size)
        if max_size and len(body) > max_size:
            self._skip(request, "too_large", f"body of {len(body)} bytes is over the {max_size}-byte cap")
        if not body or body.isspace():  # (body.strip() would copy the body)
            self._skip(request, "empty", "empty body")
        declared = media_type(response)
        if declared and declared not in HTML_TYPES:
            self._skip(request, "non_html", f"not HTML (Content-Type {declared})")
        kind = sniff_kind(body)
        if kind is not None:
            label = declared or "no Content-Type"
            self._skip(request, "non_html", f"not HTML: the body is {kind} ({label})")
        return response

    def process_exception(self, request: Request, exception: Exception) -> None:
        """A download Scrapy stopped at ``DOWNLOAD_MAXSIZE`` is skipped, not failed, and
        not retried (it would be as large again)."""
        if isinstance(exception, DownloadCancelledError):
            max_size = request.meta.get("download_maxsize", self.max_size)
            self._skip(request, "too_large", f"download stopped: the body is over the {max_size}-byte cap")
        return None

    def _check_unfollowed_redirect(self, request: Request, response: Response) -> None:
        """Scrapy's RedirectMiddleware hands back, unfollowed, a redirect to file:, data: or
        any non-http scheme; say so instead of reporting a bare HTTP 3xx."""
        location = response.headers.get("Location")
        if not location:
            return
        target = urljoin(request.url, location.decode("latin-1").strip())
        scheme = urlsplit(target).scheme.lower()
        if scheme not in ("http", "https"):
            self._skip(request, "redirect_scheme", f"redirect to a {scheme or 'relative'}: URL not followed ({target[:200]})")

    def _skip(self, request: Request, reason: str, detail: str) -> None:
        logger.info("skipped %s: %s", request.url, detail)
        self.stats.inc_value(f"limits/skipped_{reason}")
        raise IgnoreRequest(f"skipped: {detail}")


def _is_robots(request: Request) -> bool:
    return bool(request.meta.get("dont_obey_robotstxt")) and request.url.endswith("/robots.txt")
