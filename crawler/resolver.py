"""A DNS resolver that never hands the downloader a private address.

The address guard middleware checks a request's host before it is downloaded, but the
connection resolves the name again: a hostile DNS server can answer "public" the first
time and "10.0.0.1" the second (DNS rebinding). Installed as Scrapy's
``TWISTED_DNS_RESOLVER``, this resolver wraps the reactor's own name resolver (IPv4 and
IPv6, through getaddrinfo) and drops every address :mod:`clinicscan.crawler.addresses` refuses, so
the connection can only go to an address the guard would admit. A name left with no
address fails like an unknown name (DNSLookupError), with a warning saying why.
"""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING, Any, Callable

from twisted.internet._resolver import HostResolution
from twisted.internet.address import IPv4Address, IPv6Address
from twisted.internet.interfaces import IHostnameResolver, IResolutionReceiver
from zope.interface import implementer, provider

from clinicscan.crawler.addresses import describe, parse_ip, refusal_reason

if TYPE_CHECKING:
    from collections.abc import Sequence

    from twisted.internet.interfaces import IAddress, IHostResolution

logger = logging.getLogger(__name__)


@provider(IResolutionReceiver)
class _FilteringReceiver:
    """Passes on only the addresses the guard admits."""

    def __init__(self, receiver: IResolutionReceiver, host: str, allow_loopback: bool,
                 on_complete: Callable[[list[IAddress]], None] | None = None) -> None:
        self.receiver = receiver
        self.host = host
        self.allow_loopback = allow_loopback
        self.on_complete = on_complete
        self.refused: list[str] = []
        self.admitted: list[IAddress] = []

    def resolutionBegan(self, resolution: IHostResolution) -> None:  # noqa: N802 - Twisted API
        self.receiver.resolutionBegan(resolution)

    def addressResolved(self, address: IAddress) -> None:  # noqa: N802 - Twisted API
        host = getattr(address, "host", None)
        reason = refusal_reason(host, allow_loopback=self.allow_loopback) if host else "no_host"
        if reason is None:
            self.admitted.append(address)
            self.receiver.addressResolved(address)
            return
        self.refused.append(describe(host, reason))

    def resolutionComplete(self) -> None:  # noqa: N802 - Twisted API
        if self.refused:
            logger.warning("refused at connect: %s resolved to %s; not connecting there",
                           self.host, "; ".join(self.refused))
        if self.on_complete is not None:
            self.on_complete(self.admitted)
        self.receiver.resolutionComplete()


@implementer(IHostnameResolver)
class GuardedResolver:
    """Twisted name resolver that filters out non-public addresses (see module docstring)."""

    def __init__(self, reactor: Any, *, allow_loopback: bool = False, cache_seconds: float = 60.0,
                 cache_size: int = 10_000) -> None:
        self.reactor = reactor
        self.allow_loopback = allow_loopback
        self.cache_seconds = cache_seconds
        self.cache_size = cache_size
        self.original: IHostnameResolver = reactor.nameResolver
        # (host, address types) -> (admitted addresses, expiry); answers with none admitted
        # are not kept, so a refusal is looked up (and logged) again
        self._cache: dict[tuple[str, tuple | None], tuple[list[IAddress], float]] = {}

    @classmethod
    def from_crawler(cls, crawler: Any, reactor: Any) -> GuardedResolver:
        # Scrapy passes the CrawlerProcess here; only its settings are read.
        settings = crawler.settings
        return cls(reactor, allow_loopback=settings.getbool("CLINICSCAN_ALLOW_LOOPBACK"),
                   cache_seconds=settings.getfloat("CLINICSCAN_GUARD_DNS_CACHE_SECONDS", 60.0))

    def install_on_reactor(self) -> None:
        self.reactor.installNameResolver(self)
        logger.info("DNS answers pass the address guard (loopback %s)",
                    "allowed" if self.allow_loopback else "refused")

    def resolveHostName(  # noqa: N802 - Twisted API
        self,
        resolutionReceiver: IResolutionReceiver,  # noqa: N803
        hostName: str,  # noqa: N803
        portNumber: int = 0,  # noqa: N803
        addressTypes: Sequence[type[IAddress]] | None = None,  # noqa: N803
        transportSemantics: str = "TCP",  # noqa: N803
    ) -> IHostResolution:
        literal = parse_ip(hostName)
        if literal is not None:
            kind = IPv4Address if literal.version == 4 else IPv6Address
            wanted = addressTypes is None or kind in addressTypes
            return self._answer(resolutionReceiver, hostName,
                                [kind("TCP", str(literal), portNumber)] if wanted else [], check=True)
        key = (hostName, tuple(addressTypes) if addressTypes is not None else None)
        cached = self._cache.get(key)
        if cached is not None and cached[1] > time.monotonic():
            return self._answer(resolutionReceiver, hostName,
                                [type(address)("TCP", address.host, portNumber) for address in cached[0]],
                                check=False)

        def remember(admitted: list[IAddress]) -> None:
            if admitted and self.cache_seconds > 0:
                if len(self._cache) >= self.cache_size:
                    self._cache.clear()
                self._cache[key] = (admitted, time.monotonic() + self.cache_seconds)

        receiver = _FilteringReceiver(resolutionReceiver, hostName, self.allow_loopback, remember)
        return self.original.resolveHostName(receiver, hostName, portNumber, addressTypes,
                                             transportSemantics)

    def _answer(self, receiver: IResolutionReceiver, host: str, addresses: list[IAddress],
                *, check: bool) -> IHostResolution:
        """Hand ``addresses`` over now (filtered unless they were admitted already)."""
        resolution = HostResolution(host)
        receiver.resolutionBegan(resolution)
        if check:
            receiver = _FilteringReceiver(receiver, host, self.allow_loopback)
        for address in addresses:
            receiver.addressResolved(address)
        receiver.resolutionComplete()
        return resolution
