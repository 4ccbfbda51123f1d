"""Refuse requests to private, loopback, link-local and other non-public addresses.

A crawled page decides where the crawler goes next, so a link, a redirect or a DNS answer
could point it into the network it runs in (cloud metadata at 169.254.169.254, an admin
panel on 10.0.0.1). Every request, including each redirect hop and robots.txt, passes
:meth:`process_request`: the scheme must be http(s), and the host, whether written as an
address or resolved from a name, must be public (:mod:`clinicscan.crawler.addresses`). Loopback is
admitted only with ``CLINICSCAN_ALLOW_LOOPBACK`` (the demo and the tests). The guarded DNS
resolver (:mod:`clinicscan.crawler.resolver`) repeats the check when the connection is made, so a
name that changes its answer between the two lookups (DNS rebinding) is still refused;
that is also why this check may cache a name's answer for a minute.
"""

from __future__ import annotations

import logging
import socket
import time
from typing import TYPE_CHECKING

from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.utils.asyncio import run_in_thread
from scrapy.utils.httpobj import urlparse_cached

from clinicscan.crawler.addresses import describe, parse_ip, refusal_reason

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.http import Request
    from scrapy.statscollectors import StatsCollector

logger = logging.getLogger(__name__)

ALLOWED_SCHEMES = frozenset({"http", "https"})


def resolve_host(host: str) -> list[str]:
    """Every address ``host`` resolves to (IPv4 and IPv6); blocking, run it in a thread."""
    infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    return sorted({info[4][0] for info in infos})


class AddressGuardMiddleware:
    """Downloader middleware: raise IgnoreRequest for any request to a non-public target."""

    def __init__(self, stats: StatsCollector, *, allow_loopback: bool = False,
                 cache_seconds: float = 60.0, cache_size: int = 10_000) -> None:
        self.stats = stats
        self.allow_loopback = allow_loopback
        self.cache_seconds = cache_seconds
        self.cache_size = cache_size
        # host -> (addresses, expiry): one lookup per site a minute, not one per request
        self._resolved: dict[str, tuple[list[str], float]] = {}
        # host -> (refusal (reason, detail) or None, expiry): the verdict on a site's
        # addresses, judged once per lookup (an address written in the URL: once)
        self._verdicts: dict[str, tuple[tuple[str, str] | None, float]] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> AddressGuardMiddleware:
        settings = crawler.settings
        if not settings.getbool("CLINICSCAN_ADDRESS_GUARD", True):
            raise NotConfigured("CLINICSCAN_ADDRESS_GUARD is off")
        return cls(crawler.stats, allow_loopback=settings.getbool("CLINICSCAN_ALLOW_LOOPBACK"),
                   cache_seconds=settings.getfloat("CLINICSCAN_GUARD_DNS_CACHE_SECONDS", 60.0))

    async def _addresses(self, host: str) -> list[str]:
        cached = self._resolved.get(host)
        now = time.monotonic()
        if cached is not None and cached[1] > now:
            return cached[0]
        addresses = await run_in_thread(resolve_host, host)
        if len(self._resolved) >= self.cache_size:
            self._resolved.clear()
        self._resolved[host] = (addresses, now + self.cache_seconds)
        return addresses

    async def process_request(self, request: Request) -> None:
        # Scrapy's robots.txt and proxy middlewares parse each request's URL through the
        # same per-request cache: parsed once, not once here and once there (the host and
        # scheme are urlsplit's: urlparse only also splits ;params off the path)
        parts = urlparse_cached(request)
        scheme = parts.scheme.lower()
        if scheme not in ALLOWED_SCHEMES:
            self._refuse(request, "scheme", f"scheme {scheme or '(none)'!r} is not http or https")
        host = (parts.hostname or "").rstrip(".")  # "10.0.0.1." and "localhost." are the same hosts
        if not host:
            self._refuse(request, "no_host", "the URL has no host")
        cached = self._verdicts.get(host)
        if cached is None or cached[1] <= time.monotonic():
            try:
                cached = await self._judge(host)
            except (OSError, UnicodeError) as exc:
                # The download itself will fail with a DNS error and be reported as usual;
                # the resolver still guards the connection should the name start resolving.
                logger.debug("guard: cannot resolve %s (%s); leaving it to the downloader", host, exc)
                return None
        if cached[0] is not None:
            self._refuse(request, *cached[0])
        return None

    async def _judge(self, host: str) -> tuple[tuple[str, str] | None, float]:
        """The verdict on ``host`` and until when it holds (an address: for good)."""
        literal = parse_ip(host)
        if literal is not None:
            addresses, expiry = [str(literal)], float("inf")
        else:
            addresses = await self._addresses(host)
            expiry = self._resolved[host][1]
        refusal = None
        for address in addresses:
            reason = refusal_reason(address, allow_loopback=self.allow_loopback)
            if reason is not None:
                shown = host if literal is not None else f"{host} ({address})"
                refusal = (reason, describe(shown, reason))
                break
        if len(self._verdicts) >= self.cache_size:
            self._verdicts.clear()
        self._verdicts[host] = (refusal, expiry)
        return refusal, expiry

    def _refuse(self, request: Request, reason: str, detail: str) -> None:
        hop = ""
        redirects = request.meta.get("redirect_urls")
        if redirects:
            hop = f" (redirect from {redirects[-1]})"
        message = f"refused: {detail}{hop}"
        if reason == "loopback":
            message += "; pass --allow-loopback to crawl 127.0.0.1 and ::1"
        logger.warning("%s: %s", message, request.url)
        self.stats.inc_value("guard/refused")
        self.stats.inc_value(f"guard/refused/{reason}")
        raise IgnoreRequest(message)
