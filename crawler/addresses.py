"""Which IP addresses a crawl may connect to: everything globally routable, nothing else.

A clinic's web page is hostile input: a link or a redirect to ``http://10.0.0.5/`` or to a
name that resolves to ``169.254.169.254`` would make the crawler probe the network it runs
in. This module is the one place that decides; the downloader middleware
(:mod:`clinicscan.crawler.middlewares.address_guard`) and the guarded DNS resolver
(:mod:`clinicscan.crawler.resolver`) both ask it. Pure functions, no I/O.
"""

from __future__ import annotations

import ipaddress
from typing import Union

IPAddress = Union[ipaddress.IPv4Address, ipaddress.IPv6Address]

# Reason slugs (used in stats keys ``guard/refused/<reason>``) and their human wording.
REASONS: dict[str, str] = {
    "unspecified": "an unspecified address",
    "loopback": "a loopback address",
    "private": "a private address",
    "unique_local": "a unique-local (private) IPv6 address",
    "link_local": "a link-local address",
    "site_local": "a site-local (deprecated private) IPv6 address",
    "shared": "a shared carrier-grade NAT address (100.64.0.0/10)",
    "multicast": "a multicast address",
    "broadcast": "the broadcast address",
    "documentation": "a documentation address",
    "benchmark": "a benchmarking address",
    "reserved": "a reserved, not globally routable address",
}

_V4_RANGES: list[tuple[str, str]] = [
    ("0.0.0.0/8", "unspecified"),
    ("127.0.0.0/8", "loopback"),
    ("10.0.0.0/8", "private"),
    ("172.16.0.0/12", "private"),
    ("192.168.0.0/16", "private"),
    ("169.254.0.0/16", "link_local"),
    ("100.64.0.0/10", "shared"),
    ("224.0.0.0/4", "multicast"),
    ("255.255.255.255/32", "broadcast"),
    ("240.0.0.0/4", "reserved"),
    ("192.0.2.0/24", "documentation"),
    ("198.51.100.0/24", "documentation"),
    ("203.0.113.0/24", "documentation"),
    ("198.18.0.0/15", "benchmark"),
    ("192.0.0.0/24", "reserved"),  # IETF protocol assignments
    ("192.88.99.0/24", "reserved"),  # deprecated 6to4 relay anycast
]
_V6_RANGES: list[tuple[str, str]] = [
    ("::/128", "unspecified"),
    ("::1/128", "loopback"),
    ("fc00::/7", "unique_local"),
    ("fe80::/10", "link_local"),
    ("fec0::/10", "site_local"),
    ("ff00::/8", "multicast"),
    ("2001:db8::/32", "documentation"),
    ("3fff::/20", "documentation"),
    ("2001:2::/48", "benchmark"),
    ("100::/64", "reserved"),  # discard-only
    ("64:ff9b:1::/48", "private"),  # local-use NAT64 translation
]
_V4 = [(ipaddress.IPv4Network(net), reason) for net, reason in _V4_RANGES]
_V6 = [(ipaddress.IPv6Network(net), reason) for net, reason in _V6_RANGES]

_IPV4_COMPATIBLE = ipaddress.IPv6Network("::/96")
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")
_SIX_TO_FOUR = ipaddress.IPv6Network("2002::/16")
_TEREDO = ipaddress.IPv6Network("2001::/32")

LOOPBACK_ALLOWED = frozenset({"loopback"})


def parse_ip(text: str) -> IPAddress | None:
    """The address written in ``text`` (brackets and a zone id tolerated), or None."""
    candidate = text.strip().strip("[]").split("%", 1)[0]
    try:
        return ipaddress.ip_address(candidate)
    except ValueError:
        return None


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address tunnels to (mapped, compatible, NAT64, 6to4, Teredo)."""
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip in _IPV4_COMPATIBLE and int(ip) > 1:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    if ip in _NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    if ip in _SIX_TO_FOUR:
        return ip.sixtofour
    if ip in _TEREDO and ip.teredo is not None:
        return ip.teredo[1]  # the client behind the tunnel
    return None


def classify_address(ip: IPAddress | str) -> str | None:
    """The reason slug why a crawl must not connect to ``ip``, or None if it is public.

    IPv6 forms that embed an IPv4 address are judged by the embedded address, so
    ``::ffff:10.0.0.1`` and ``2002:a00:1::`` are refused as private. Embedded loopback is
    reported as ``reserved`` so that the loopback allowance admits only 127/8 and ::1.
    """
    if isinstance(ip, str):
        parsed = parse_ip(ip)
        if parsed is None:
            raise ValueError(f"not an IP address: {ip!r}")
        ip = parsed
    if isinstance(ip, ipaddress.IPv4Address):
        for network, reason in _V4:
            if ip in network:
                return reason
        return None if ip.is_global else "reserved"
    for network, reason in _V6:
        if ip in network:
            return reason
    embedded = _embedded_ipv4(ip)
    if embedded is not None:
        reason = classify_address(embedded)
        if reason is not None:
            return "reserved" if reason == "loopback" else reason
    if ip in _IPV4_COMPATIBLE:
        return "reserved"  # deprecated IPv4-compatible form: never a real web server
    if ip.ipv4_mapped is None and not ip.is_global:
        return "reserved"
    return None


def refusal_reason(ip: IPAddress | str, *, allow_loopback: bool = False) -> str | None:
    """Like :func:`classify_address`, but None for loopback when the allowance is on."""
    reason = classify_address(ip)
    if reason is not None and allow_loopback and reason in LOOPBACK_ALLOWED:
        return None
    return reason


def describe(ip: IPAddress | str, reason: str) -> str:
    """``'10.0.0.5 is a private address'``: the human half of a refusal message."""
    return f"{ip} is {REASONS.get(reason, reason)}"
