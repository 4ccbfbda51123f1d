"""report.html opened in a real headless browser (scripts/check-report.sh, Debian's chromium).

The report is the hostile one of test_report_html: the browser's own parse of it must hold
the report's sections and no element that page text could have smuggled in.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from test_report_html import hostile_report  # noqa: F401  (the fixture)

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "check-report.sh"

pytestmark = pytest.mark.skipif(
    not (shutil.which("chromium") or shutil.which("chromium-browser")),
    reason="chromium is not installed: apt-get install -y chromium (.ci/run installs it when it can)")


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_report_browser_renders_the_hostile_report_without_smuggled_elements(hostile_report, tmp_path):
    report = tmp_path / "hostile.html"
    report.write_text(hostile_report, encoding="utf-8")
    result = subprocess.run(["bash", str(SCRIPT), str(report), str(tmp_path / "check")],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ok: no <script> element" in result.stdout
    dom = (tmp_path / "check" / "report.dom.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(" in dom  # the hostile text is there, as text
    assert (tmp_path / "check" / "report.png").stat().st_size > 20_000
