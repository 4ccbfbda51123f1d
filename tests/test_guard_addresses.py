"""The address classifier, the guard middleware and the guarded resolver's filter.

Every address here is a literal that is only classified: no test connects anywhere. The
middleware tests resolve ``localhost`` through the system resolver (no network needed).
"""

from __future__ import annotations

import asyncio
import ipaddress

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scrapy import Request, Spider
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.utils.misc import build_from_crawler
from scrapy.utils.test import get_crawler
from twisted.internet.address import IPv4Address, IPv6Address

from clinicscan.crawler.addresses import REASONS, classify_address, describe, parse_ip, refusal_reason
from clinicscan.crawler.middlewares.address_guard import AddressGuardMiddleware
from clinicscan.crawler.resolver import GuardedResolver, _FilteringReceiver

REFUSED = [
    ("0.0.0.0", "unspecified"), ("0.1.2.3", "unspecified"), ("::", "unspecified"),
    ("127.0.0.1", "loopback"), ("127.255.0.9", "loopback"), ("::1", "loopback"),
    ("10.0.0.5", "private"), ("172.16.0.1", "private"), ("172.31.255.254", "private"),
    ("192.168.1.1", "private"),
    ("169.254.169.254", "link_local"), ("fe80::1", "link_local"), ("fe80::1%eth0", "link_local"),
    ("febf::1", "link_local"),
    ("100.64.0.1", "shared"), ("100.127.255.254", "shared"),
    ("224.0.0.1", "multicast"), ("239.255.255.250", "multicast"), ("ff02::1", "multicast"),
    ("255.255.255.255", "broadcast"), ("240.0.0.1", "reserved"), ("192.0.0.8", "reserved"),
    ("192.0.2.1", "documentation"), ("198.51.100.7", "documentation"), ("203.0.113.9", "documentation"),
    ("2001:db8::1", "documentation"),
    ("198.18.0.1", "benchmark"), ("198.19.255.1", "benchmark"), ("2001:2::1", "benchmark"),
    ("fc00::1", "unique_local"), ("fd12:3456::1", "unique_local"),
    ("fec0::1", "site_local"),
    # IPv6 forms embedding a private IPv4 address are judged by what they embed
    ("::ffff:10.0.0.1", "private"), ("::ffff:192.168.0.1", "private"),
    ("::ffff:169.254.169.254", "link_local"), ("::10.0.0.1", "private"),
    ("64:ff9b::a00:1", "private"), ("64:ff9b::a9fe:a9fe", "link_local"),
    ("64:ff9b:1::1", "private"),
    ("2002:a00:1::1", "private"), ("2002:c0a8:101::", "private"),
    ("2001:0:4136:e378:8000:63bf:f5ff:fffe", "private"),  # Teredo client 10.0.0.1
    # embedded loopback is not "loopback": the allowance admits only 127/8 and ::1
    ("::ffff:127.0.0.1", "reserved"), ("::127.0.0.1", "reserved"), ("2002:7f00:1::", "reserved"),
    ("::8.8.8.8", "reserved"),  # deprecated IPv4-compatible form
    ("100::1", "reserved"),
]
PUBLIC = ["8.8.8.8", "1.1.1.1", "93.184.216.34", "172.32.0.1", "100.128.0.1", "2606:4700::1111",
          "::ffff:8.8.8.8", "64:ff9b::808:808", "2002:808:808::1"]


@pytest.mark.parametrize(("address", "reason"), REFUSED)
def test_classify_refuses_every_non_public_class(address, reason):
    assert classify_address(address) == reason


@pytest.mark.parametrize("address", PUBLIC)
def test_classify_admits_public_addresses(address):
    assert classify_address(address) is None


def test_loopback_allowance_admits_only_127_and_ipv6_loopback():
    assert refusal_reason("127.0.0.1", allow_loopback=True) is None
    assert refusal_reason("127.3.4.5", allow_loopback=True) is None
    assert refusal_reason("::1", allow_loopback=True) is None
    for address in ["10.0.0.1", "::ffff:127.0.0.1", "169.254.169.254", "0.0.0.0", "fd00::1", "::"]:
        assert refusal_reason(address, allow_loopback=True) is not None, address


def test_classify_rejects_a_hostname_with_a_clear_error():
    assert parse_ip("clinic.example") is None
    with pytest.raises(ValueError, match="not an IP address"):
        classify_address("clinic.example")


def test_describe_reads_as_a_sentence():
    assert describe("10.0.0.5", "private") == "10.0.0.5 is a private address"


def _guard(allow_loopback=False, **settings):
    crawler = get_crawler(Spider, {"CLINICSCAN_ALLOW_LOOPBACK": allow_loopback, **settings})
    crawler.stats.open_spider()
    return build_from_crawler(AddressGuardMiddleware, crawler), crawler.stats


def _run(guard, request):
    return asyncio.run(guard.process_request(request))


def test_guard_refuses_private_redirect_target_naming_the_hop():
    guard, stats = _guard()
    request = Request("http://10.0.0.5/admin", meta={"redirect_urls": ["https://clinic.example/x"]})
    with pytest.raises(IgnoreRequest) as refused:
        _run(guard, request)
    assert str(refused.value) == ("refused: 10.0.0.5 is a private address "
                                  "(redirect from https://clinic.example/x)")
    assert stats.get_value("guard/refused") == 1
    assert stats.get_value("guard/refused/private") == 1


@pytest.mark.parametrize("url", ["file:///etc/passwd", "data:text/html,<p>x</p>", "ftp://clinic.example/",
                                 "gopher://127.0.0.1:6379/_INFO"])
def test_guard_refuses_schemes_other_than_http(url):
    guard, stats = _guard(allow_loopback=True)
    with pytest.raises(IgnoreRequest, match="is not http or https"):
        _run(guard, Request(url))
    assert stats.get_value("guard/refused/scheme") == 1


def test_guard_refuses_names_resolving_to_loopback_without_the_allowance():
    guard, stats = _guard()
    with pytest.raises(IgnoreRequest, match=r"refused: localhost \(.*\) is a loopback address.*--allow-loopback"):
        _run(guard, Request("http://localhost:8080/"))
    assert stats.get_value("guard/refused/loopback") == 1


def test_guard_admits_loopback_only_with_the_allowance():
    guard, stats = _guard(allow_loopback=True)
    assert _run(guard, Request("http://127.0.0.1:8080/")) is None
    assert _run(guard, Request("http://[::1]:8080/")) is None
    assert _run(guard, Request("http://localhost:8080/")) is None
    for url in ["http://10.1.2.3/", "http://[fd00::1]/", "http://169.254.169.254/", "http://0.0.0.0:8080/"]:
        with pytest.raises(IgnoreRequest):
            _run(guard, Request(url))
    assert stats.get_value("guard/refused") == 4


def test_guard_leaves_unresolvable_names_to_the_downloader():
    guard, stats = _guard()
    assert _run(guard, Request("http://no-such-host.invalid/")) is None
    assert stats.get_value("guard/refused") is None


def test_guard_not_configured_when_switched_off():
    crawler = get_crawler(Spider, {"CLINICSCAN_ADDRESS_GUARD": False})
    with pytest.raises(NotConfigured):
        build_from_crawler(AddressGuardMiddleware, crawler)


class _Collect:
    def __init__(self):
        self.addresses = []
        self.complete = False

    def resolutionBegan(self, resolution):  # noqa: N802
        pass

    def addressResolved(self, address):  # noqa: N802
        self.addresses.append(address.host)

    def resolutionComplete(self):  # noqa: N802
        self.complete = True


def test_resolver_drops_rebound_private_answers_and_keeps_public_ones(caplog):
    collected = _Collect()
    receiver = _FilteringReceiver(collected, "rebind.example", allow_loopback=False)
    for address in [IPv4Address("TCP", "93.184.216.34", 80), IPv4Address("TCP", "10.0.0.1", 80),
                    IPv6Address("TCP", "::ffff:192.168.0.1", 80), IPv4Address("TCP", "127.0.0.1", 80)]:
        receiver.addressResolved(address)
    receiver.resolutionComplete()
    assert collected.addresses == ["93.184.216.34"]
    assert collected.complete
    assert "refused at connect: rebind.example resolved to 10.0.0.1 is a private address" in caplog.text


def test_resolver_keeps_loopback_with_the_allowance():
    collected = _Collect()
    receiver = _FilteringReceiver(collected, "localhost", allow_loopback=True)
    receiver.addressResolved(IPv4Address("TCP", "127.0.0.1", 80))
    receiver.addressResolved(IPv6Address("TCP", "::1", 80))
    receiver.addressResolved(IPv4Address("TCP", "169.254.169.254", 80))
    receiver.resolutionComplete()
    assert collected.addresses == ["127.0.0.1", "::1"]


class _Reactor:
    """Just what GuardedResolver reads from a reactor: its name resolver (here, scripted)."""

    def __init__(self, answers):
        self.answers = answers  # host -> list of addresses, changed by a test to "rebind"
        self.lookups = []
        self.nameResolver = self

    def resolveHostName(self, receiver, host, port=0, types=None, semantics="TCP"):  # noqa: N802
        self.lookups.append(host)
        receiver.resolutionBegan(None)
        for address in self.answers.get(host, []):
            receiver.addressResolved(IPv4Address("TCP", address, port))
        receiver.resolutionComplete()


def _resolve(resolver, host, port=80):
    collected = _Collect()
    resolver.resolveHostName(collected, host, port)
    assert collected.complete
    return collected.addresses


def test_resolver_checks_a_literal_address_without_a_lookup(caplog):
    reactor = _Reactor({})
    resolver = GuardedResolver(reactor)
    assert _resolve(resolver, "93.184.216.34") == ["93.184.216.34"]
    assert _resolve(resolver, "10.0.0.1") == []
    assert _resolve(resolver, "127.0.0.1") == []
    assert "refused at connect: 10.0.0.1 resolved to 10.0.0.1 is a private address" in caplog.text
    assert _resolve(GuardedResolver(reactor, allow_loopback=True), "127.0.0.1") == ["127.0.0.1"]
    assert reactor.lookups == []


def test_resolver_keeps_admitted_answers_and_never_caches_a_refusal(monkeypatch):
    """A name is looked up once a cache period; a rebound answer only comes from a new
    lookup, which is filtered like the first, so the cache opens no door."""
    from clinicscan.crawler import resolver as resolver_module

    now = [1000.0]
    monkeypatch.setattr(resolver_module.time, "monotonic", lambda: now[0])
    reactor = _Reactor({"clinic.example": ["93.184.216.34"], "rebind.example": ["10.0.0.1"]})
    resolver = GuardedResolver(reactor, cache_seconds=60)
    assert _resolve(resolver, "clinic.example") == ["93.184.216.34"]
    assert _resolve(resolver, "clinic.example", 8080) == ["93.184.216.34"]
    assert reactor.lookups == ["clinic.example"]
    reactor.answers["clinic.example"] = ["10.0.0.1"]  # the name is rebound to a private address
    now[0] += 61
    assert _resolve(resolver, "clinic.example") == []
    assert _resolve(resolver, "rebind.example") == []
    assert _resolve(resolver, "rebind.example") == []
    assert reactor.lookups == ["clinic.example", "clinic.example", "rebind.example", "rebind.example"]


def test_guard_judges_a_host_once_and_refuses_every_request_to_it(monkeypatch):
    """The verdict on a host's addresses is per host: judged once (for an address in the
    URL, for good; for a name, until its lookup expires), applied to every request."""
    from clinicscan.crawler.middlewares import address_guard

    judged = []
    real = address_guard.refusal_reason
    monkeypatch.setattr(address_guard, "refusal_reason",
                        lambda address, **kw: judged.append(address) or real(address, **kw))
    guard, stats = _guard()
    for path in ("a", "b", "c"):
        assert _run(guard, Request(f"http://93.184.216.34/{path}")) is None
        with pytest.raises(IgnoreRequest, match="10.0.0.5 is a private address"):
            _run(guard, Request(f"http://10.0.0.5/{path}"))
    assert judged == ["93.184.216.34", "10.0.0.5"]
    assert stats.get_value("guard/refused") == 3
    allowed, _ = _guard(allow_loopback=True)
    for path in ("a", "b"):
        assert _run(allowed, Request(f"http://localhost:8080/{path}")) is None
    assert judged[2:] and len(judged) == 2 + len(allowed._resolved["localhost"][0])


def test_guard_resolves_each_host_once_per_cache_period(monkeypatch):
    from clinicscan.crawler.middlewares import address_guard

    lookups = []
    real = address_guard.resolve_host
    monkeypatch.setattr(address_guard, "resolve_host", lambda host: lookups.append(host) or real(host))
    guard, _ = _guard(allow_loopback=True)
    for path in ("a", "b", "c"):
        _run(guard, Request(f"http://localhost:8080/{path}"))
    assert lookups == ["localhost"]
    guard.cache_seconds = 0
    guard._resolved.clear()
    guard._verdicts.clear()  # (the verdict on a name lasts as long as its lookup)
    _run(guard, Request("http://localhost:8080/d"))
    _run(guard, Request("http://localhost:8080/e"))
    assert lookups == ["localhost"] * 3


@pytest.mark.parametrize("url", ["http://2130706433/", "http://0x7f000001/", "http://127.1/", "http://0177.0.0.1/",
                                 "http://user:pw@127.0.0.1/", "http://[::ffff:7f00:1]/", "http://0/",
                                 "http://10.0.0.1.:80/", "http://localhost./"])
def test_guard_sees_through_obfuscated_loopback_and_private_hosts(url):
    """Numeric and dotted forms resolve (locally, via inet_aton) to refused addresses."""
    guard, stats = _guard()
    with pytest.raises(IgnoreRequest, match="^refused: "):
        _run(guard, Request(url))
    assert stats.get_value("guard/refused") == 1



V4 = st.integers(0, 2**32 - 1).map(ipaddress.IPv4Address)
TUNNELS = [ipaddress.ip_network(net) for net in ("64:ff9b::/96", "2002::/16", "2001::/32")]


@settings(max_examples=300, deadline=None)
@given(V4)
def test_embedded_ipv4_is_refused_exactly_when_the_ipv4_is(address):
    refused = classify_address(address) is not None
    for spelling in (f"::ffff:{address}", f"64:ff9b::{address}",
                     str(ipaddress.IPv6Address((0x2002 << 112) | (int(address) << 80)))):
        embedded = classify_address(spelling)
        assert (embedded is not None) == refused, spelling
        assert embedded != "loopback"  # the allowance never admits a tunnelled loopback


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 2**128 - 1).map(ipaddress.IPv6Address))
def test_any_ipv6_address_gets_a_known_reason_or_is_global(address):
    reason = classify_address(address)
    assert reason is None or reason in REASONS
    if reason is None:  # admitted: globally routable, or a tunnel to a public IPv4
        assert address.is_global or address.ipv4_mapped is not None or any(address in net for net in TUNNELS)
