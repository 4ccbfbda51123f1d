"""report.html is rendered by Jinja2 with autoescape: hostile page text stays text everywhere,
as Python's HTML parser and a real headless browser (scripts/check-report.sh, chromium) read it."""

from __future__ import annotations

import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from clinicscan.reports.build import write_reports
from test_report_helpers import add_page, add_run

SCRIPT = "<script>alert('x')</script>"
ATTRIBUTE = '" onmouseover="alert(1)'
TAG = "<img src=x onerror=alert(2)>"
HOSTILE_SENTENCE = f"We treat autism {SCRIPT} with cord cells {ATTRIBUTE} & more {TAG}."
HOSTILE_NAME = f"Evil {TAG} 'Clinic' \"Quoted\""


class _Collect(HTMLParser):
    """Every element and attribute name, and the page's text, as a browser would parse them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.attributes: set[str] = set()
        self.hrefs: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attributes.update(name for name, _ in attrs)
        self.hrefs.extend(value for name, value in attrs if name == "href")

    def handle_data(self, data):
        self.text.append(data)


@pytest.fixture
def hostile_report(store, tmp_path):
    with store.session() as s:
        run = add_run(s, label=f"run {SCRIPT}")
        page = add_page(store, s, run, "evil.example", HOSTILE_NAME, country=f"MX{TAG}", region=f'Baja "{ATTRIBUTE}"',
                        title=HOSTILE_SENTENCE, claims=[
                            ("condition", "autism", HOSTILE_SENTENCE, "asserted"),
                            ("product_type", "umbilical_cord", HOSTILE_SENTENCE, "asserted"),
                            ("red_flag", "cure_claim", f"Cures it {SCRIPT}", "asserted")])
        page.url = 'https://evil.example/a?b="><script>alert(3)</script>'
    write_reports(store, tmp_path)
    return (tmp_path / "report.html").read_text(encoding="utf-8")


def test_report_html_hostile_text_is_escaped_everywhere(hostile_report):
    parsed = _Collect()
    parsed.feed(hostile_report)
    # no markup from a page became an element or an attribute
    assert parsed.tags.isdisjoint({"script", "img", "iframe", "object", "embed"})
    assert not {a for a in parsed.attributes if a.startswith("on")}
    # and every hostile value is there, as text the reader sees
    text = "".join(parsed.text)
    for value in (SCRIPT, TAG, ATTRIBUTE, "'Clinic' \"Quoted\"", "run <script>", "Cures it <script>",
                  '?b="><script>alert(3)</script>'):
        assert value in text, value
    # the page URL is a link whose href holds the whole URL, quotes included
    assert 'https://evil.example/a?b="><script>alert(3)</script>' in parsed.hrefs


def test_report_html_javascript_url_is_text_not_a_link(store, tmp_path):
    sentence = "We treat autism with umbilical cord stem cells."
    with store.session() as s:
        run = add_run(s)
        page = add_page(store, s, run, "js.example", "Fictional JS", claims=[
            ("condition", "autism", sentence, "asserted"), ("product_type", "umbilical_cord", sentence, "asserted")])
        page.url = "JavaScript:alert(1)"
    write_reports(store, tmp_path)
    parsed = _Collect()
    parsed.feed((tmp_path / "report.html").read_text(encoding="utf-8"))
    assert not [h for h in parsed.hrefs if h.lower().startswith("javascript")]
    assert "JavaScript:alert(1)" in "".join(parsed.text)


def test_report_html_template_ships_as_package_data():
    from importlib.resources import files

    assert files("clinicscan.reports").joinpath("templates", "report.html.j2").is_file()


CHECK_REPORT = Path(__file__).resolve().parent.parent / "scripts" / "check-report.sh"


@pytest.mark.skipif(not (shutil.which("chromium") or shutil.which("chromium-browser")),
                    reason="chromium is not installed: apt-get install -y chromium (.ci/run installs it when it can)")
@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_report_html_in_a_headless_browser_has_its_sections_and_no_smuggled_elements(hostile_report, tmp_path):
    report = tmp_path / "hostile.html"
    report.write_text(hostile_report, encoding="utf-8")
    result = subprocess.run(["bash", str(CHECK_REPORT), str(report), str(tmp_path / "check")],
                            capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ok: no <script> element" in result.stdout
    dom = (tmp_path / "check" / "report.dom.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(" in dom  # the hostile text is there, as text
    assert (tmp_path / "check" / "report.png").stat().st_size > 20_000
