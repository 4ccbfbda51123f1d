"""A small real web site on 127.0.0.1 for crawl tests: pages from a dict, served in a thread.

Every request is logged (path and time), so tests can assert what the crawler asked for:
robots.txt rules kept, nothing fetched twice, off-site links not followed. ``delay`` slows
each page response down so a test can kill a crawl mid-way.
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable


@dataclass
class Resource:
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)


def html_page(title: str, links: list[tuple[str, str]] = (), text: str = "") -> Resource:
    """A fictional clinic page linking to ``(href, anchor text)`` pairs."""
    anchors = "".join(f'<li><a href="{href}">{label}</a></li>' for href, label in links)
    body = (f"<!doctype html><html><head><title>{title}</title></head><body>"
            f"<h1>{title}</h1><p>{text or title + ' at a fictional test clinic.'}</p>"
            f"<ul>{anchors}</ul></body></html>")
    return Resource(body.encode("utf-8"))


@dataclass
class LocalSite:
    pages: dict[str, Resource]
    robots_txt: str | None = None
    delay: float = 0.0
    requests: list[str] = field(default_factory=list)
    # pages (not robots.txt) are held until this returns True (at most 20 s): lets a test
    # line up what two crawlers do without guessing at timings
    hold_until: Callable[[LocalSite, str], bool] | None = None

    def __post_init__(self):
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self):  # noqa: N802 - http.server's naming
                site.requests.append(self.path)
                if self.path == "/robots.txt":
                    resource = (Resource(site.robots_txt.encode(), "text/plain")
                                if site.robots_txt is not None else None)
                else:
                    resource = site.pages.get(self.path)
                    deadline = time.monotonic() + 20
                    while (site.hold_until and not site.hold_until(site, self.path)
                           and time.monotonic() < deadline):
                        time.sleep(0.02)
                    if site.delay:
                        time.sleep(site.delay)
                if resource is None:
                    resource = Resource(b"<html><body>not found</body></html>", status=404)
                self.send_response(resource.status)
                self.send_header("Content-Type", resource.content_type)
                self.send_header("Content-Length", str(len(resource.body)))
                for name, value in resource.headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(resource.body)

            def log_message(self, *args):
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def page_requests(self) -> list[str]:
        """Requested paths other than robots.txt."""
        return [path for path in self.requests if path != "/robots.txt"]

    def __enter__(self) -> LocalSite:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()


def clinicscan(db_url: str, home, *args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    """Run the installed ``clinicscan`` command in a subprocess (a crawl needs a fresh reactor)."""
    return subprocess.run([CLINICSCAN, "--db", db_url, "--home", str(home), *args],
                          capture_output=True, text=True, timeout=timeout)


def clinicscan_popen(db_url: str, home, *args: str) -> subprocess.Popen:
    return subprocess.Popen([CLINICSCAN, "--db", db_url, "--home", str(home), *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


CLINICSCAN = str(Path(sys.executable).with_name("clinicscan"))
