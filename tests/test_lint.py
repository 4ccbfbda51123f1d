"""The code is lint-clean: ruff over the repository, mypy over the public API.

Their settings are in pyproject.toml ([tool.ruff], [tool.mypy]). mypy reads the sources
laid out as installed (it cannot follow the editable install's package-dir mapping, and
without the stages' types it would check nothing); its cache stays in the checkout.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from installed_layout import ROOT, lay_out_as_installed

BIN = Path(sys.executable).parent


def test_ruff_is_clean():
    result = subprocess.run([str(BIN / "ruff"), "check", "--no-cache", "."], cwd=ROOT, capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_is_clean_on_the_public_api(tmp_path):
    root = lay_out_as_installed(tmp_path / "site")
    result = subprocess.run(
        [str(BIN / "mypy"), "--config-file", str(ROOT / "pyproject.toml"),
         "--cache-dir", str(ROOT / ".mypy_cache")],
        cwd=root, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues found in 2 source files" in result.stdout


def test_mypy_sees_the_stages_types(tmp_path):
    # the check can fail: a wrong argument type in the API is reported
    root = lay_out_as_installed(tmp_path / "site")
    api = root / "clinicscan" / "api.py"
    api.write_text(api.read_text(encoding="utf-8").replace("_load_run(store, run_id)", '_load_run(store, "latest")'),
                   encoding="utf-8")
    result = subprocess.run(
        [str(BIN / "mypy"), "--config-file", str(ROOT / "pyproject.toml"),
         "--cache-dir", str(ROOT / ".mypy_cache")],
        cwd=root, capture_output=True, text=True, timeout=600)
    assert result.returncode == 1
    assert 'incompatible type "str"; expected "int | None"' in result.stdout
