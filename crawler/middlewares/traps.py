"""Drop links that lead into crawler traps: endless URL spaces with no new content.

A calendar widget links to next month forever; faceted search links every combination of
its filters; a broken relative link grows ``/a/b/a/b/...``; session ids make each visit's
links new. Each would eat the per-site page budget before the clinic's treatment pages
are reached. This spider middleware looks at every request a page yields and drops (or,
for session ids, cleans) the trap ones, counting each in ``traps/<kind>``; a dropped link
of the clinic spider becomes a ``skipped`` frontier outcome naming the trap. Seeds are
never filtered: only links found on pages.
"""

from __future__ import annotations

import logging
import re
from collections import Counter, defaultdict
from typing import TYPE_CHECKING, Any
from urllib.parse import SplitResult, parse_qsl, urlsplit

from scrapy import Request
from scrapy.exceptions import NotConfigured
from scrapy.spidermiddlewares.base import BaseSpiderMiddleware

from clinicscan.crawler.items import UrlOutcome
from clinicscan.crawler.urls import SESSION_PARAMS, SESSION_PATH_PARAMS, canonicalize

if TYPE_CHECKING:
    from collections.abc import AsyncIterator

    from scrapy.crawler import Crawler
    from scrapy.http import Response

logger = logging.getLogger(__name__)

CALENDAR_PARAMS = frozenset({
    "month", "year", "day", "date", "week", "mon", "yr", "mo", "cal", "calendar", "ym",
    "from", "to", "start", "end", "startdate", "enddate", "tribe-bar-date", "eventdate",
})
TRAP_KINDS = {
    "long_url": "URL too long",
    "repeated_path": "repeated or too deep path segments",
    "query_params": "too many query parameters",
    "calendar": "calendar paging through dates",
    "query_variants": "too many query-string variants of one path",
}
# 2024, 2024-05, 2024-05-12, 20240512, 05-2024 (a year 1900-2099 with optional month/day)
_DATE = re.compile(r"^(?:(?:19|20)\d\d(?:[-_/.]?(?:0?[1-9]|1[0-2])(?:[-_/.]?(?:0?[1-9]|[12]\d|3[01]))?)?"
                   r"|(?:0?[1-9]|1[0-2])[-_.](?:19|20)\d\d)$")
_MONTH_OR_DAY = re.compile(r"^(?:0?[1-9]|[12]\d|3[01])$")


def is_date_like(value: str) -> bool:
    return bool(_DATE.match(value))


def session_id_in(url: str) -> bool:
    return _session_id_in(urlsplit(url))


def _session_id_in(parts: SplitResult) -> bool:
    if ";" in parts.path:
        path = parts.path.lower()
        if any(f";{name}=" in path for name in SESSION_PATH_PARAMS):
            return True
    if not parts.query:
        return False
    return any(key.lower() in SESSION_PARAMS for key, _ in parse_qsl(parts.query, keep_blank_values=True))


def repeated_segments(path: str) -> bool:
    """True for ``/a/b/a/b``-style paths: a block of segments repeated back to back, or
    one (non-numeric) segment three times or more."""
    return _repeated([s for s in path.split("/") if s])


def _repeated(segments: list[str]) -> bool:
    if len(set(segments)) == len(segments):  # nothing repeats at all (most links)
        return False
    words = [s for s in segments if not s.isdigit()]  # /2031/01/01 is a date, not a loop
    if any(count >= 3 for count in Counter(words).values()):
        return True
    for size in range(1, len(segments) // 2 + 1):
        for start in range(len(segments) - 2 * size + 1):
            block = segments[start:start + size]
            if block == segments[start + size:start + 2 * size] and not (size == 1 and block[0].isdigit()):
                return True
    return False


def date_template(url: str) -> tuple[str, str] | None:
    """``(template, dates)`` when the URL carries a date in its path or calendar query
    parameters, e.g. ``('/events/{d}/{d}?month={d}', '2024|05|...')``; else None."""
    parts = urlsplit(url)
    return _date_template(parts, parse_qsl(parts.query, keep_blank_values=True))


def _date_template(parts: SplitResult, params: list[tuple[str, str]]) -> tuple[str, str] | None:
    dates: list[str] = []
    template_path = []
    for segment in parts.path.split("/"):
        # every date or month/day form starts with a digit: most segments stop here
        previous_was_date = bool(template_path) and template_path[-1] == "{d}"
        if segment[:1].isdigit() and (is_date_like(segment)
                                      or (previous_was_date and _MONTH_OR_DAY.match(segment))):
            dates.append(segment)
            template_path.append("{d}")
        else:
            template_path.append(segment)
    template_query = []
    for key, value in params:
        if key.lower() in CALENDAR_PARAMS and (is_date_like(value) or _MONTH_OR_DAY.match(value)):
            dates.append(f"{key}={value}")
            template_query.append(f"{key}={{d}}")
        else:
            template_query.append(f"{key}={value}")
    if not dates:
        return None
    template = f"{parts.netloc}{'/'.join(template_path)}?{'&'.join(sorted(template_query))}"
    return template, "|".join(dates)


class TrapFilterMiddleware(BaseSpiderMiddleware):
    """Spider middleware: filter trap links out of what each page yields."""

    def __init__(self, crawler: Crawler, *, max_url_length: int, max_query_params: int,
                 max_query_variants: int, max_dates: int, max_path_segments: int) -> None:
        super().__init__(crawler)
        self.max_url_length = max_url_length
        self.max_query_params = max_query_params
        self.max_query_variants = max_query_variants
        self.max_dates = max_dates
        self.max_path_segments = max_path_segments
        self._queries: dict[str, set[str]] = defaultdict(set)
        self._dates: dict[str, set[str]] = defaultdict(set)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> TrapFilterMiddleware:
        settings = crawler.settings
        if not settings.getbool("CLINICSCAN_TRAPS_ENABLED", True):
            raise NotConfigured("CLINICSCAN_TRAPS_ENABLED is off")
        return cls(
            crawler,
            max_url_length=settings.getint("CLINICSCAN_TRAP_MAX_URL_LENGTH", 512),
            max_query_params=settings.getint("CLINICSCAN_TRAP_MAX_QUERY_PARAMS", 6),
            max_query_variants=settings.getint("CLINICSCAN_TRAP_MAX_QUERY_VARIANTS", 15),
            max_dates=settings.getint("CLINICSCAN_TRAP_MAX_DATES", 3),
            max_path_segments=settings.getint("CLINICSCAN_TRAP_MAX_PATH_SEGMENTS", 12),
        )

    async def process_spider_output_async(self, response: Response | None,
                                          result: AsyncIterator[Any]) -> AsyncIterator[Any]:
        """Each request the page yields, through ``get_processed_request``; items as they
        are. BaseSpiderMiddleware's own version does the same behind a decorator that wraps
        it in a second async generator (its spider-argument check): one more generator
        step for every item and link of every page, ~2 us a page (docs/crawl-cost.md)."""
        async for o in result:
            if isinstance(o, Request):
                o = self.get_processed_request(o, response)
                if o is None:
                    continue
            yield o

    def get_processed_request(self, request: Request, response: Response | None) -> Request | UrlOutcome | None:
        """The request, cleaned of a session id; or, for a trap, the frontier outcome saying
        so (a :class:`UrlOutcome` item, for the clinic spider's requests) or nothing."""
        if response is None:  # a seed: the user chose it
            return request
        parts = urlsplit(request.url)
        if _session_id_in(parts):
            cleaned = canonicalize(request.url)
            self._count("session_id", request.url, "session id removed")
            request = request.replace(url=cleaned)
            parts = urlsplit(request.url)
        kind = self._trap_kind(request.url, parts)
        if kind is None:
            return request
        self._count(kind, request.url, "dropped")
        meta = request.meta
        if "frontier_url" in meta and "site" in meta:
            return UrlOutcome(meta["frontier_url"], meta["site"], meta.get("frontier_depth", 0),
                              "skipped", f"skipped: crawler trap ({TRAP_KINDS[kind]})")
        return None

    def trap_kind(self, url: str) -> str | None:
        """The kind of trap ``url`` falls into, remembering what it has seen; None if none."""
        return self._trap_kind(url, urlsplit(url))

    def _trap_kind(self, url: str, parts: SplitResult) -> str | None:
        """``trap_kind`` with the URL split once for all the checks."""
        if len(url) > self.max_url_length:
            return "long_url"
        segments = [s for s in parts.path.split("/") if s]
        if len(segments) > self.max_path_segments or _repeated(segments):
            return "repeated_path"
        params = parse_qsl(parts.query, keep_blank_values=True) if parts.query else []
        if len(params) > self.max_query_params:
            return "query_params"
        dated = _date_template(parts, params)
        if dated is not None:
            template, dates = dated
            seen = self._dates[template]
            if dates not in seen and len(seen) >= self.max_dates:
                return "calendar"
            seen.add(dates)
        if params:
            path_key = f"{parts.netloc}{parts.path}"
            variants = self._queries[path_key]
            query = canonicalize(url).partition("?")[2]
            if query not in variants and len(variants) >= self.max_query_variants:
                return "query_variants"
            variants.add(query)
        return None

    def _count(self, kind: str, url: str, action: str) -> None:
        logger.debug("trap (%s) %s: %s", kind, action, url)
        self.crawler.stats.inc_value("traps/filtered" if action == "dropped" else "traps/cleaned")
        self.crawler.stats.inc_value(f"traps/{kind}")
