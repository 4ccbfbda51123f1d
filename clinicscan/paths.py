"""Where the shipped data lives (the ``data/`` folder, installed as ``clinicscan.data``)."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def data_dir() -> Path:
    """The project's data folder: lexicon, registry, demo web, dev set."""
    return Path(str(files("clinicscan.data")))


def lexicon_dir() -> Path:
    return data_dir() / "lexicon"


def registry_dir() -> Path:
    return data_dir() / "registry"


def demo_dir() -> Path:
    return data_dir() / "demo"
