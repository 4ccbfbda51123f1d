"""The floors hold: import-linter's contracts in pyproject.toml ([tool.importlinter]) pass.

grimp (import-linter's graph builder) walks one folder per top-level package, while our
stages live in crawler/, nlp/ and reports/ mapped under clinicscan by setuptools'
package-dir. So the test copies the sources into the layout the wheel installs
(``installed_layout``) and runs ``lint-imports`` there.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from installed_layout import ROOT, lay_out_as_installed


def test_import_contracts_are_kept(tmp_path):
    root = lay_out_as_installed(tmp_path / "site")
    assert (root / "clinicscan" / "crawler" / "spiders" / "clinic.py").exists()
    lint = Path(sys.executable).with_name("lint-imports")
    env = {**os.environ, "PYTHONPATH": str(root)}
    result = subprocess.run([str(lint), "--no-cache", str(ROOT / "pyproject.toml")], cwd=root, env=env,
                            capture_output=True, text=True, timeout=300)
    report = result.stdout + result.stderr
    assert result.returncode == 0, report
    assert "0 broken" in report and "kept" in report


def test_the_contract_catches_a_stage_importing_the_top_floor(tmp_path):
    # the check can fail: a reports module importing the pipeline breaks the floors
    root = lay_out_as_installed(tmp_path / "site")
    with (root / "clinicscan" / "reports" / "build.py").open("a", encoding="utf-8") as handle:
        handle.write("\n\ndef _late():\n    from clinicscan.pipeline import run_scan  # noqa: F401\n")
    lint = Path(sys.executable).with_name("lint-imports")
    env = {**os.environ, "PYTHONPATH": str(root)}
    result = subprocess.run([str(lint), "--no-cache", str(ROOT / "pyproject.toml")], cwd=root, env=env,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode != 0
    assert "clinicscan.reports.build -> clinicscan.pipeline" in result.stdout
