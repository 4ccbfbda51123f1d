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
from typing import TYPE_CHECKING, Any

from twisted.internet.interfaces import IHostnameResolver, IResolutionReceiver
from zope.interface import implementer, provider

from clinicscan.crawler.addresses import describe, refusal_reason

if TYPE_CHECKING:
    from collections.abc import Sequence

    from twisted.internet.interfaces import IAddress, IHostResolution

logger = logging.getLogger(__name__)


@provider(IResolutionReceiver)
class _FilteringReceiver:
    """Passes on only the addresses the guard admits."""

    def __init__(self, receiver: IResolutionReceiver, host: str, allow_loopback: bool) -> None:
        self.receiver = receiver
        self.host = host
        self.allow_loopback = allow_loopback
        self.refused: list[str] = []

    def resolutionBegan(self, resolution: IHostResolution) -> None:  # noqa: N802 - Twisted API
        self.receiver.resolutionBegan(resolution)

    def addressResolved(self, address: IAddress) -> None:  # noqa: N802 - Twisted API
        host = getattr(address, "host", None)
        reason = refusal_reason(host, allow_loopback=self.allow_loopback) if host else "no_host"
        if reason is None:
            self.receiver.addressResolved(address)
            return
        self.refused.append(describe(host, reason))

    def resolutionComplete(self) -> None:  # noqa: N802 - Twisted API
        if self.refused:
            logger.warning("refused at connect: %s resolved to %s; not connecting there",
                           self.host, "; ".join(self.refused))
        self.receiver.resolutionComplete()


@implementer(IHostnameResolver)
class GuardedResolver:
    """Twisted name resolver that filters out non-public addresses (see module docstring)."""

    def __init__(self, reactor: Any, *, allow_loopback: bool = False) -> None:
        self.reactor = reactor
        self.allow_loopback = allow_loopback
        self.original: IHostnameResolver = reactor.nameResolver

    @classmethod
    def from_crawler(cls, crawler: Any, reactor: Any) -> GuardedResolver:
        # Scrapy passes the CrawlerProcess here; only its settings are read.
        return cls(reactor, allow_loopback=crawler.settings.getbool("CLINICSCAN_ALLOW_LOOPBACK"))

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
        receiver = _FilteringReceiver(resolutionReceiver, hostName, self.allow_loopback)
        return self.original.resolveHostName(receiver, hostName, portNumber, addressTypes,
                                             transportSemantics)
