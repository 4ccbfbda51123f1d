"""The floors hold: import-linter's contracts in pyproject.toml ([tool.importlinter]) pass.

grimp (import-linter's graph builder) walks one folder per top-level package, while our
stages live in crawler/, nlp/ and reports/ mapped under clinicscan by setuptools'
package-dir. So the test copies the sources into the layout the wheel installs
(clinicscan/crawler/...) and runs ``lint-imports`` there.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def lay_out_as_installed(target: Path) -> Path:
    """Copy every package's .py files to where the wheel puts them; returns the import root."""
    tool = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]
    package_dir = tool["setuptools"]["package-dir"]
    for package in tool["setuptools"]["packages"]:
        top = next((name for name in package_dir if package == name or package.startswith(name + ".")), None)
        source = ROOT / (package.replace(".", "/") if top is None
                         else package_dir[top] + package[len(top):].replace(".", "/"))
        dest = target / package.replace(".", "/")
        dest.mkdir(parents=True, exist_ok=True)
        for module in source.glob("*.py"):
            shutil.copy2(module, dest / module.name)
    return target


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
