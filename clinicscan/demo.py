"""The demo: scan a built-in fictional web, served on 127.0.0.1, end to end.

``data/demo/sites/<slug>/`` holds one static website per fictional business and
``data/demo/sites.json`` says who each one is. :func:`run_demo` serves every site on its own
loopback port (a small threaded ``http.server`` per site, in daemon threads of this
process, so nothing leaves the machine), writes a seed CSV with their real URLs, imports the
demo's ClinicalTrials.gov fixture and runs the same :func:`clinicscan.pipeline.run_scan` a
user runs on real seeds.

Ports are remembered in the output folder and reused on the next run, so the same site
keeps the same URL: a re-run is a new snapshot of the same sites (``clinicscan diff``
compares them), not a new set of sites.
"""

from __future__ import annotations

import csv
import errno
import json
import logging
import signal
import threading
from dataclasses import dataclass
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable, Sequence

from clinicscan.config import Config, default_db_url
from clinicscan.errors import ConfigError
from clinicscan.paths import demo_dir
from clinicscan.pipeline import run_scan
from clinicscan.reports.ctgov import import_files
from clinicscan.store import open_store

__all__ = ["DemoSite", "DemoWeb", "load_demo_sites", "run_demo"]

logger = logging.getLogger(__name__)

PORTS_FILE = "demo-ports.json"
SEEDS_FILE = "seeds.csv"
EXPORTS = ("pages.csv", "claims.csv", "clinics.csv", "flagged_clinics.csv", "businesses.csv", "locations.csv",
           "report.html")
SEED_SOURCE = "clinicscan demo (fictional)"


@dataclass(frozen=True)
class DemoSite:
    """One fictional website of the demo web, as described in ``sites.json``."""

    slug: str
    name: str
    country: str
    region: str
    kind: str
    expected: str
    root: Path


def load_demo_sites(base: Path | None = None) -> list[DemoSite]:
    """Read ``sites.json``; a site without its folder is a packaging error worth naming."""
    base = base or demo_dir()
    try:
        described = json.loads((base / "sites.json").read_text(encoding="utf-8"))["sites"]
    except (OSError, ValueError, KeyError) as exc:
        raise ConfigError(f"cannot read the demo web description {base / 'sites.json'}: {exc}; "
                          "reinstall clinicscan (bash scripts/setup.sh)") from exc
    sites = []
    for entry in described:
        root = base / "sites" / entry["slug"]
        if not (root / "index.html").is_file():
            raise ConfigError(f"demo site {entry['slug']!r} has no index.html under {root}; "
                              "reinstall clinicscan (bash scripts/setup.sh)")
        sites.append(DemoSite(slug=entry["slug"], name=entry["name"], country=entry["country"],
                              region=entry["region"], kind=entry["kind"],
                              expected=entry["expected"], root=root))
    return sites


class _StaticHandler(SimpleHTTPRequestHandler):
    """Serves one site's folder: files only (no directory listings), no access log noise."""

    def list_directory(self, path):
        self.send_error(404, "Not found")
        return None

    def log_message(self, format, *args):  # noqa: A002 - http.server's signature
        logger.debug("demo web %s: " + format, self.server.server_address[1], *args)


class DemoWeb:
    """Every demo site on its own 127.0.0.1 port; a context manager that stops them all."""

    def __init__(self, sites: Sequence[DemoSite], preferred_ports: dict[str, int] | None = None):
        self.sites = list(sites)
        self.preferred_ports = preferred_ports or {}
        self.servers: dict[str, ThreadingHTTPServer] = {}

    def start(self) -> "DemoWeb":
        for site in self.sites:
            server = self._bind(site)
            self.servers[site.slug] = server
            threading.Thread(target=server.serve_forever, name=f"demo-web-{site.slug}",
                             daemon=True).start()
        return self

    def _bind(self, site: DemoSite) -> ThreadingHTTPServer:
        handler = partial(_StaticHandler, directory=str(site.root))
        port = self.preferred_ports.get(site.slug, 0)
        try:
            server = ThreadingHTTPServer(("127.0.0.1", port), handler)
        except OSError as exc:
            if port == 0 or exc.errno not in (errno.EADDRINUSE, errno.EACCES):
                raise
            logger.warning("port %d for demo site %s is taken; using a new port, so this "
                           "run's URLs differ from the last run's", port, site.slug)
            server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        server.daemon_threads = True
        return server

    def port(self, slug: str) -> int:
        return self.servers[slug].server_address[1]

    def url(self, slug: str) -> str:
        return f"http://127.0.0.1:{self.port(slug)}/"

    def stop(self) -> None:
        for server in self.servers.values():
            server.shutdown()
            server.server_close()
        self.servers.clear()

    def __enter__(self) -> "DemoWeb":
        return self.start()

    def __exit__(self, *exc_info) -> None:
        self.stop()


def _remembered_ports(out_dir: Path) -> dict[str, int]:
    try:
        ports = json.loads((out_dir / PORTS_FILE).read_text(encoding="utf-8"))
        return {str(slug): int(port) for slug, port in ports.items() if 1024 <= int(port) < 65536}
    except (OSError, ValueError, TypeError, AttributeError):
        return {}


def write_seeds(web: DemoWeb, path: Path) -> Path:
    """The seed CSV a user would write, with the demo web's real URLs."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["name", "url", "country", "region", "source"])
        for site in web.sites:
            writer.writerow([site.name, web.url(site.slug), site.country, site.region, SEED_SOURCE])
    return path


def _summary_lines(out_dir: Path, scan_summary) -> list[str]:
    """The scan's own summary (flagged clinics with severity, top claims), then where to look."""
    written = [Path(p).name for p in getattr(scan_summary.report, "files", [])]
    names = list(EXPORTS) + [name for name in written if name not in EXPORTS]
    lines = ["", scan_summary.describe(), "", f"Outputs in {out_dir.resolve()}:"]
    for name in names:
        lines.append(f"  {name}" + ("" if (out_dir / name).exists() else "   (missing!)"))
    lines.append(f"  (and the demo's database clinicscan.db, WARC archive warc/, {SEEDS_FILE})")
    lines.append(f"Open {(out_dir / 'report.html').resolve()} in a browser to read the report.")
    return lines


def run_demo(out_dir: str | Path, db_url: str | None = None, keep_serving: bool = False,
             echo: Callable[[str], None] = print):
    """Serve the demo web, scan it into ``out_dir`` and print what was found.

    ``out_dir`` also holds the demo's own SQLite database and WARC archive unless ``db_url``
    names another database. Running it again into the same folder starts a new crawl run
    of the same sites and reports on that latest run.
    """
    out_dir = Path(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        (out_dir / SEEDS_FILE).touch()
    except OSError as exc:
        raise ConfigError(f"cannot write to the demo folder {out_dir}: {exc.strerror or exc}; "
                          "choose another with --out DIR") from exc
    # The demo's own config: never the user's CLINICSCAN_DB / CLINICSCAN_HOME work folder.
    config = Config(home=out_dir, db_url=db_url or default_db_url(out_dir))
    sites = load_demo_sites()

    with DemoWeb(sites, _remembered_ports(out_dir)) as web:
        (out_dir / PORTS_FILE).write_text(
            json.dumps({site.slug: web.port(site.slug) for site in sites}, indent=1), encoding="utf-8")
        seeds = write_seeds(web, out_dir / SEEDS_FILE)
        echo(f"Serving {len(sites)} fictional sites on 127.0.0.1 "
             f"(ports {min(web.servers[s.slug].server_address[1] for s in sites)}-"
             f"{max(web.servers[s.slug].server_address[1] for s in sites)}); seeds in {seeds}")

        store = open_store(config.db_url)
        try:
            ctgov_files = sorted((demo_dir() / "ctgov").glob("*.json"))
            imported = import_files(store, ctgov_files)
            echo(imported.describe())
        finally:
            store.dispose()

        echo(f"Crawling, extracting and reporting into {out_dir} ...")
        # Politeness off (delay 0) only because these are our own servers on loopback;
        # a real crawl keeps the default per-site delay. allow_loopback admits 127.0.0.1.
        # The stages' INFO logs are for long real crawls; the demo prints its own summary, so
        # only warnings and errors get through (Scrapy resets logger levels, not this).
        logging.disable(logging.INFO)
        try:
            summary = run_scan(config, [str(seeds)], out_dir, workers=1, delay=0.0, allow_loopback=True,
                               new_run=False, redis_url=None, progress=False)
        finally:
            logging.disable(logging.NOTSET)
        for line in _summary_lines(out_dir, summary):
            echo(line)

        if keep_serving:
            # Scrapy's shutdown handlers outlive its reactor; give Ctrl-C and kill back,
            # before saying so: a Ctrl-C sent as soon as the URLs appear must stop us
            signal.signal(signal.SIGINT, signal.default_int_handler)
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            # The Ctrl-C may come while the URLs are still being printed (the reader acts
            # on the last line before we reach wait()), so the whole block is guarded.
            try:
                echo("The demo web keeps running (Ctrl-C to stop):")
                for site in sites:
                    echo(f"  {web.url(site.slug)}  {site.name}")
                threading.Event().wait()
            except KeyboardInterrupt:
                echo("stopped")
    return summary
