"""The built wheel installs under one namespace and runs the demo outside the repository.

`crawler`, `nlp`, `reports` and `data` are generic names (three are taken on PyPI): they are
folders in the repository but must install only as ``clinicscan.crawler`` and so on. The wheel
is built from a copy of the tracked files (what a clean checkout has) and installed into a fresh
virtual environment in a temporary folder; the dependencies come from this project's ``.venv``
through a plain path line, so no package is downloaded and the editable install is not seen.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
GENERIC_NAMES = ("crawler", "nlp", "reports", "data")

pytestmark = pytest.mark.slow


def _tracked_copy(dest: Path) -> Path:
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True)
    for name in listed.stdout.decode().split("\0"):
        if not name or not (REPO / name).is_file():
            continue
        target = dest / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO / name, target)
    return dest


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    source = _tracked_copy(tmp_path_factory.mktemp("checkout"))
    out = tmp_path_factory.mktemp("wheel")
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(source)],
        capture_output=True, text=True, timeout=600,
    )
    assert built.returncode == 0, built.stderr[-3000:]
    (wheel_path,) = out.glob("clinicscan-*.whl")
    return wheel_path


@pytest.fixture(scope="module")
def fresh_env(wheel, tmp_path_factory) -> Path:
    env = tmp_path_factory.mktemp("venv") / "env"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(env)], check=True)
    python = env / "bin" / "python"
    site = Path(subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True, text=True, check=True).stdout.strip())
    # Dependencies (spaCy, Scrapy, ...) from the project's venv, after the fresh site-packages.
    (site / "zz_clinicscan_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    installed = subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--quiet",
         str(wheel)], capture_output=True, text=True, timeout=300)
    assert installed.returncode == 0, installed.stderr[-3000:]
    return env


def test_wheel_holds_only_the_clinicscan_namespace(wheel):
    with zipfile.ZipFile(wheel) as archive:
        tops = {name.split("/", 1)[0] for name in archive.namelist()}
        names = archive.namelist()
    assert {t for t in tops if not t.endswith(".dist-info")} == {"clinicscan"}
    for package in ("crawler", "nlp", "reports"):
        assert f"clinicscan/{package}/__init__.py" in names
    assert "clinicscan/data/lexicon/conditions.jsonl" in names
    assert "clinicscan/data/registry/approvals.csv" in names


def test_installed_wheel_leaves_no_generic_top_level_module(fresh_env, tmp_path):
    probe = (
        "import importlib.util, json, clinicscan.nlp, clinicscan.crawler.settings, clinicscan.reports;"
        f"print(json.dumps({{n: importlib.util.find_spec(n) is not None for n in {GENERIC_NAMES!r}}}));"
        "print(clinicscan.nlp.__file__)"
    )
    result = subprocess.run([str(fresh_env / "bin" / "python"), "-c", probe], cwd=tmp_path,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-3000:]
    found, nlp_file = result.stdout.strip().splitlines()
    assert found == '{"crawler": false, "nlp": false, "reports": false, "data": false}'
    assert Path(nlp_file).is_relative_to(fresh_env), "clinicscan.nlp must come from the wheel"


def test_installed_wheel_runs_the_demo_outside_the_repo(fresh_env, tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLINICSCAN")}
    result = subprocess.run([str(fresh_env / "bin" / "clinicscan"), "demo", "--out", "out"],
                            cwd=tmp_path, capture_output=True, text=True, timeout=300, env=env)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-3000:]
    flagged = (tmp_path / "out" / "flagged_clinics.csv").read_text(encoding="utf-8").splitlines()
    assert len(flagged) > 1, "the demo flags its clinics when run from the wheel"
    assert (tmp_path / "out" / "report.html").stat().st_size > 1000
