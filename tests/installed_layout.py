"""The sources copied into the layout the wheel installs (crawler/ as clinicscan/crawler/, ...).

Tools that find modules by walking folders (grimp for import-linter, mypy) cannot follow
setuptools' package-dir mapping of the editable install; they run on this copy instead.
"""

from __future__ import annotations

import shutil
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
