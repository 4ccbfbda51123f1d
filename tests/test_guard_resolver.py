"""The guarded resolver on a real reactor: a connection cannot reach a refused address.

This is the DNS-rebinding defence: even if a name passed the middleware's check, the
connection resolves it again through :class:`crawler.resolver.GuardedResolver`, which
drops refused answers. ``localhost`` stands in for a rebound name (it resolves to
loopback, refused without the allowance). Runs in a subprocess: a reactor per test.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

from faultserver import FaultServer

SCRIPT = textwrap.dedent("""
    import sys
    from twisted.internet import asyncioreactor
    asyncioreactor.install()
    from twisted.internet import reactor
    from twisted.internet.endpoints import HostnameEndpoint
    from twisted.internet.protocol import Factory, Protocol
    from clinicscan.crawler.resolver import GuardedResolver

    allow = sys.argv[2] == "allow"
    GuardedResolver(reactor, allow_loopback=allow).install_on_reactor()
    endpoint = HostnameEndpoint(reactor, "localhost", int(sys.argv[1]), timeout=5)

    class Hello(Protocol):
        def connectionMade(self):
            self.transport.write(b"GET /flaky HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n")
        def dataReceived(self, data):
            print("CONNECTED", data.split(b"\\r\\n", 1)[0].decode())
            self.transport.loseConnection()
            reactor.stop()

    def failed(failure):
        print("FAILED", failure.type.__name__, failure.getErrorMessage())
        reactor.stop()

    endpoint.connect(Factory.forProtocol(Hello)).addErrback(failed)
    reactor.callLater(10, reactor.stop)
    reactor.run()
""")


def _connect(port: int, allowance: str) -> str:
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(port), allowance],
                          capture_output=True, text=True, timeout=60)
    return done.stdout + done.stderr


def test_connection_to_a_name_resolving_to_loopback_is_refused_without_the_allowance():
    with FaultServer() as server:
        output = _connect(server.port, "refuse")
        hits = dict(server.hits)
    assert "FAILED DNSLookupError" in output, output
    assert "refused at connect: localhost resolved to 127.0.0.1 is a loopback address" in output
    assert hits == {}


def test_connection_goes_through_with_the_allowance():
    with FaultServer() as server:
        output = _connect(server.port, "allow")
        hits = dict(server.hits)
    assert "CONNECTED HTTP/1.1 500" in output, output
    assert hits == {"/flaky": 1}
