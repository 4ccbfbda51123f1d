"""`clinicscan scan`: crawl, extract and report a real local site in one command.

The site is one of the demo's static sites, served by this test on 127.0.0.1; the scan
runs in a subprocess (Scrapy's reactor cannot restart inside pytest) against a real
SQLite file and a real PostgreSQL schema.
"""

from __future__ import annotations

import csv
import html
import re
import subprocess
import sys
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from clinicscan.cli import cli
from clinicscan.paths import demo_dir

CLINICSCAN = str(Path(sys.executable).with_name("clinicscan"))
EXPORTS = ("pages.csv", "claims.csv", "clinics.csv", "flagged_clinics.csv", "report.html")
SITE = demo_dir() / "sites" / "velourne-medspa"
SITE_PAGES = {"/", "/services.html", "/hair-restoration.html", "/pricing.html", "/faq.html"}

pytestmark = pytest.mark.slow


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002
        pass


@pytest.fixture
def site_url():
    """The med-spa demo site on a free 127.0.0.1 port for the length of one test."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(SITE)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _words(text: str) -> str:
    """Lower-case words only, so page HTML and an extracted sentence compare."""
    text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    return " ".join(re.findall(r"\w+", text.lower()))


def _scan(tmp_path: Path, db_url: str, seeds: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [CLINICSCAN, "--db", db_url, "--home", str(tmp_path / "home"), "scan", str(seeds),
         "--out", str(tmp_path / "out"), "--allow-loopback", "--delay", "0", "--workers", "1",
         *extra],
        capture_output=True, text=True, timeout=240)


def test_scan_of_a_local_site_writes_the_five_exports(tmp_path, db_url, site_url):
    seeds = tmp_path / "seeds.csv"
    seeds.write_text(f"name,url,country,region\nVelourne Aesthetic Lounge,{site_url},United States,Florida\n",
                     encoding="utf-8")

    result = _scan(tmp_path, db_url, seeds)

    assert result.returncode == 0, result.stdout + result.stderr
    out = tmp_path / "out"
    for name in EXPORTS:
        assert (out / name).is_file() and (out / name).stat().st_size > 0, name
    pages = _rows(out / "pages.csv")
    fetched = {row["url"][len(site_url) - 1:] for row in pages}
    assert fetched == SITE_PAGES
    claims = _rows(out / "claims.csv")
    exosome = [row for row in claims if row["product_type"] == "exosome"]
    assert exosome, "the med spa sells exosome treatments on every page"
    site_words = " ".join(_words(p.read_text(encoding="utf-8")) for p in SITE.glob("*.html"))
    for row in exosome:
        assert row["url"].startswith(site_url)
        assert _words(row["sentence"]) in site_words, row["sentence"]
    clinics = _rows(out / "clinics.csv")
    assert len(clinics) == 1
    assert (tmp_path / "home" / "warc").is_dir()
    assert list((tmp_path / "home" / "warc").rglob("*.warc.gz")), "pages were not archived"


def test_scan_with_no_usable_seed_says_what_a_seed_file_looks_like(tmp_path):
    seeds = tmp_path / "seeds.csv"
    seeds.write_text("clinic,homepage\nSomewhere,not a url\n", encoding="utf-8")

    result = CliRunner().invoke(cli, ["--home", str(tmp_path / "home"), "scan", str(seeds),
                                      "--out", str(tmp_path / "out")], obj={})

    assert result.exit_code == 2
    warnings, _, error = result.output.partition("error: ")
    assert error, "one error line after the warnings"
    assert all(" WARNING " in line for line in warnings.splitlines()), warnings
    assert "seeds.csv" in warnings, "a warning names the skipped line"
    assert "name" in error and "url" in error
    assert "Traceback" not in result.output
    assert not (tmp_path / "out").exists()
