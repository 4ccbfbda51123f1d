"""A small hostile web site on 127.0.0.1 for the crawler's fault tests.

Every path is one fault a real clinic site can throw at the crawler: errors that pass,
rate limits, slow drips, connection resets, redirects into private networks, redirect
loops, oversized bodies and gzip bombs, PDFs and images behind HTML links, calendars and
other URL traps, pages in legacy encodings and broken markup. ``GOOD_PAGES`` lists the
pages a correct crawl must store (each carries its ``marker`` text); everything else must
be refused or skipped without losing them. The server counts hits per path, so tests can
check that a refused target was never requested and that a retried page was retried.

Used as a context manager: ``with FaultServer() as server: server.url("/")``.
"""

from __future__ import annotations

import gzip
import socket
import struct
import threading
import time
from collections import Counter
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

# Pages that must be stored, with text a correct decoding must contain.
GOOD_PAGES: dict[str, str] = {
    "/": "Fault clinic home",
    "/flaky": "flaky page recovered after two 500s",
    "/rate-limited": "rate limited page served after Retry-After",
    "/rate-limited-date": "rate limited page served after an HTTP-date Retry-After",
    "/reset-once": "page served after a connection reset",
    "/redirected-ok": "landing page reached by a redirect",
    "/enc/utf8": "Zürich clinic “miracle” – €100",
    "/enc/utf8-bom": "BOM page in Zürich",
    "/enc/utf8-undeclared": "undeclared utf8 Zürich café",
    "/enc/latin1": "Klinik in Zürich für Knie, ½ Preis",
    "/enc/latin1-undeclared": "Zürich Behandlung für Knie garçon",
    "/enc/cp1252-undeclared": "Our “miracle” cure – only €100… we’re open",
    "/enc/cp1252-as-latin1": "labelled latin-1, really “cp1252” – €",
    "/enc/cp1252-as-utf8": "claims utf-8 but “cp1252” Zürich",
    "/enc/truncated": "truncated page marker",
    "/enc/long-line": "long line start marker",
    "/trap/calendar": "events calendar",
    "/gzip-ok": "small gzip page is fine",
}
# Paths that must never be stored (refused, skipped or trap links).
BAD_PAGES = [
    "/always-500", "/slow-drip", "/reset-always", "/redirect-private", "/redirect-metadata",
    "/redirect-ipv6-mapped", "/redirect-file", "/loop-a", "/redirect-chain", "/big-plain", "/big-chunked",
    "/gzip-bomb", "/doc-pdf", "/pdf-as-html", "/image-png", "/png-as-html", "/json-as-html",
    "/empty", "/whitespace", "/bad-gzip",
]
LONG_LINE_BYTES = 5_000_000
SLOW_DRIP_SECONDS = 8.0


def _page(title: str, body: str, links: list[str] = (), charset: str | None = "utf-8") -> str:
    meta = f'<meta charset="{charset}">' if charset else ""
    anchors = "".join(f'<li><a href="{href}">{href}</a></li>' for href in links)
    return (f"<!doctype html><html><head>{meta}<title>{title}</title></head><body>"
            f"<h1>{title}</h1><p>{body}</p><ul>{anchors}</ul></body></html>")


def _index_links() -> list[str]:
    links = [path for path in GOOD_PAGES if path != "/"] + BAD_PAGES
    links += ["/redirect-ok", "/trap/session?sid=abc123", "/a/b/a/b/a/b/",
              "/trap/calendar?month=1&year=2030",
              "/search?" + "&".join(f"f{i}=v" for i in range(12)),
              "http://10.0.0.1/admin", "http://169.254.169.254/latest/meta-data/",
              "file:///etc/passwd", "/" + "x" * 700]
    return links


class _Handler(BaseHTTPRequestHandler):
    server: FaultHTTPServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):  # noqa: A002 - silence the default stderr log
        return

    def do_GET(self):  # noqa: N802 - http.server API
        parts = urlsplit(self.path)
        path = parts.path
        hits = self.server.hit(path)
        route = ROUTES.get(path)
        if route is None and path.startswith("/a/b/"):
            route = _repeated_path
        if route is None:
            self._send(404, b"<html><body>not found</body></html>")
            return
        try:
            route(self, hits, parse_qs(parts.query))
        except (ConnectionResetError, BrokenPipeError):
            self.close_connection = True  # the crawler hung up (size cap, timeout): expected

    def _send(self, status: int, body: bytes, content_type: str = "text/html; charset=utf-8",
              headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def html(self, text: str, status: int = 200, **kwargs) -> None:
        self._send(status, text.encode("utf-8"), **kwargs)

    def reset(self) -> None:
        """Abort the connection with a TCP RST (SO_LINGER 0) before any response."""
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.connection.close()
        self.close_connection = True


def _home(h, hits, query):
    h.html(_page(GOOD_PAGES["/"], "Links to every fault.", _index_links()))


def _good(path):
    def route(h, hits, query):
        h.html(_page(GOOD_PAGES[path], "A page the crawl must keep."))
    return route


def _robots(h, hits, query):
    h._send(200, b"User-agent: *\nAllow: /\n", "text/plain")


def _flaky(h, hits, query):
    if hits <= 2:
        h.html("<html><body>server error</body></html>", status=500)
    else:
        h.html(_page(GOOD_PAGES["/flaky"], "Recovered."))


def _always_500(h, hits, query):
    h.html("<html><body>always broken</body></html>", status=500)


def _rate_limited(h, hits, query):
    if hits == 1:
        h.html("slow down", status=429, headers={"Retry-After": "1"})
    else:
        h.html(_page(GOOD_PAGES["/rate-limited"], "Thanks for waiting."))


def _rate_limited_date(h, hits, query):
    if hits == 1:
        h.html("slow down", status=503, headers={"Retry-After": formatdate(time.time() + 1, usegmt=True)})
    else:
        h.html(_page(GOOD_PAGES["/rate-limited-date"], "Thanks for waiting."))


def _slow_drip(h, hits, query):
    h.send_response(200)
    h.send_header("Content-Type", "text/html; charset=utf-8")
    h.send_header("Content-Length", "100000")
    h.end_headers()
    deadline = time.monotonic() + SLOW_DRIP_SECONDS
    try:
        while time.monotonic() < deadline:
            h.wfile.write(b"<p>drip</p>")
            h.wfile.flush()
            time.sleep(0.1)
    except OSError:
        pass
    h.close_connection = True


def _reset_once(h, hits, query):
    if hits == 1:
        h.reset()
    else:
        h.html(_page(GOOD_PAGES["/reset-once"], "Second try works."))


def _reset_always(h, hits, query):
    h.reset()


def _redirect(location):
    def route(h, hits, query):
        h._send(302, b"", headers={"Location": location})
    return route


def _redirect_chain(h, hits, query):
    step = int(query.get("n", ["0"])[0])
    h._send(302, b"", headers={"Location": f"/redirect-chain?n={step + 1}"})


def _big_plain(h, hits, query):
    h._send(200, b"<html><body>" + b"<p>big</p>" * 700_000 + b"</body></html>")


def _big_chunked(h, hits, query):
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    h.send_header("Transfer-Encoding", "chunked")
    h.end_headers()
    chunk = b"<p>chunked and big</p>" * 5000
    try:
        for _ in range(80):  # about 8.8 MB, over the cap, no Content-Length to warn us
            h.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
        h.wfile.write(b"0\r\n\r\n")
    except OSError:
        pass
    h.close_connection = True


def _gzip_bomb(h, hits, query):
    h._send(200, h.server.bomb, headers={"Content-Encoding": "gzip"})


def _gzip_ok(h, hits, query):
    body = gzip.compress(_page(GOOD_PAGES["/gzip-ok"], "Compressed on the wire.").encode())
    h._send(200, body, headers={"Content-Encoding": "gzip"})


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def _typed(body: bytes, content_type: str):
    def route(h, hits, query):
        h._send(200, body, content_type)
    return route


def _encoded(path: str, encoding: str, *, header: str | None, meta: str | None, bom: bytes = b""):
    def route(h, hits, query):
        text = _page(GOOD_PAGES[path], "Encoding test page.", charset=meta)
        content_type = "text/html" + (f"; charset={header}" if header else "")
        h._send(200, bom + text.encode(encoding), content_type)
    return route


def _truncated(h, hits, query):
    body = ("<!doctype html><html><head><title>trunc</title></head><body><div><p>"
            + GOOD_PAGES["/enc/truncated"] + " Zürich <b>bold <a href=\"/enc/utf8\">link</a> <table><tr><td>ce")
    h._send(200, body.encode("utf-8")[:-1] + "é".encode("utf-8")[:1], "text/html")


def _long_line(h, hits, query):
    head = f"<html><body><p>{GOOD_PAGES['/enc/long-line']} ".encode()
    tail = b" long line end marker</p></body></html>"
    filler = b"word " * ((LONG_LINE_BYTES - len(head) - len(tail)) // 5)
    h._send(200, head + filler + tail, "text/html; charset=utf-8")


def _calendar(h, hits, query):
    month = int(query.get("month", ["1"])[0])
    year = int(query.get("year", ["2030"])[0])
    nxt_month, nxt_year = (1, year + 1) if month == 12 else (month + 1, year)
    link = f"/trap/calendar?month={nxt_month}&year={nxt_year}"
    h.html(_page(GOOD_PAGES["/trap/calendar"], f"{year}-{month:02d}", [link]))


def _session(h, hits, query):
    sid = query.get("sid", ["x"])[0]
    h.html(_page("session page", f"session {sid}", [f"/trap/session?sid={sid}{hits}"]))


def _repeated_path(h, hits, query):
    h.html(_page("repeated", "relative link trap", ["a/b/"]))


ROUTES = {
    "/": _home,
    "/robots.txt": _robots,
    "/flaky": _flaky,
    "/always-500": _always_500,
    "/rate-limited": _rate_limited,
    "/rate-limited-date": _rate_limited_date,
    "/slow-drip": _slow_drip,
    "/reset-once": _reset_once,
    "/reset-always": _reset_always,
    "/redirect-ok": _redirect("/redirected-ok"),
    "/redirected-ok": _good("/redirected-ok"),
    "/redirect-private": _redirect("http://10.0.0.1/"),
    "/redirect-metadata": _redirect("http://169.254.169.254/latest/meta-data/"),
    "/redirect-ipv6-mapped": _redirect("http://[::ffff:192.168.1.1]/"),
    "/redirect-file": _redirect("file:///etc/passwd"),
    "/loop-a": _redirect("/loop-b"),
    "/loop-b": _redirect("/loop-a"),
    "/redirect-chain": _redirect_chain,
    "/big-plain": _big_plain,
    "/big-chunked": _big_chunked,
    "/gzip-bomb": _gzip_bomb,
    "/gzip-ok": _gzip_ok,
    "/bad-gzip": lambda h, hits, query: h._send(200, b"<html><body>plain, not gzip</body></html>",
                                                headers={"Content-Encoding": "gzip"}),
    # files behind page-like URLs (a link ending in .pdf or .png is never requested: the spider's
    # LinkExtractor denies file extensions, tests/test_crawl_links.py)
    "/doc-pdf": _typed(PDF, "application/pdf"),
    "/pdf-as-html": _typed(PDF, "text/html"),
    "/image-png": _typed(PNG, "image/png"),
    "/png-as-html": _typed(PNG, "text/html"),
    "/json-as-html": _typed(b'{"clinic": "not a page", "items": [1, 2, 3]}', "text/html"),
    "/empty": _typed(b"", "text/html"),
    "/whitespace": _typed(b"  \r\n\t \n", "text/html"),
    "/enc/utf8": _encoded("/enc/utf8", "utf-8", header="utf-8", meta="utf-8"),
    "/enc/utf8-bom": _encoded("/enc/utf8-bom", "utf-8", header=None, meta=None, bom=b"\xef\xbb\xbf"),
    "/enc/utf8-undeclared": _encoded("/enc/utf8-undeclared", "utf-8", header=None, meta=None),
    "/enc/latin1": _encoded("/enc/latin1", "latin-1", header="iso-8859-1", meta=None),
    "/enc/latin1-undeclared": _encoded("/enc/latin1-undeclared", "latin-1", header=None, meta=None),
    "/enc/cp1252-undeclared": _encoded("/enc/cp1252-undeclared", "cp1252", header=None, meta=None),
    "/enc/cp1252-as-latin1": _encoded("/enc/cp1252-as-latin1", "cp1252", header="iso-8859-1", meta=None),
    "/enc/cp1252-as-utf8": _encoded("/enc/cp1252-as-utf8", "cp1252", header="utf-8", meta=None),
    "/enc/truncated": _truncated,
    "/enc/long-line": _long_line,
    "/trap/calendar": _calendar,
    "/trap/session": _session,
}
for _path in ("/", "/redirected-ok"):
    assert _path in GOOD_PAGES


class FaultHTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address):
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        super().__init__(address, _Handler)
        self.hits: Counter[str] = Counter()
        self._lock = threading.Lock()
        # 64 MB of zeros in about 64 KB on the wire
        self.bomb = gzip.compress(b"\x00" * (64 * 1024 * 1024), compresslevel=9)

    def hit(self, path: str) -> int:
        with self._lock:
            self.hits[path] += 1
            return self.hits[path]


class FaultServer:
    """Runs :class:`FaultHTTPServer` on 127.0.0.1 or ::1 (a free port) in a daemon thread."""

    def __init__(self, host: str = "127.0.0.1") -> None:
        self.httpd = FaultHTTPServer((host, 0))
        self.host = host
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.1},
                                       daemon=True)

    def url(self, path: str = "/") -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}{path}"

    @property
    def hits(self) -> Counter[str]:
        return self.httpd.hits

    def __enter__(self) -> FaultServer:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
