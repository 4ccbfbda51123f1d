"""Grouping a gold file's free-text genres into a few families (data/evaluation/genre_families.json).

The real-world gold file names genres finely ("news (FTC settlement)", "donor registry FAQ");
a table of sixty one-page genres says little, so ``clinicscan evaluate`` also reports a
handful of families. The rules are data, tried in order, first match wins.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from clinicscan.errors import InputError
from clinicscan.paths import data_dir

__all__ = ["family_of", "load_families", "OTHER"]

OTHER = "other"


def families_path() -> Path:
    return data_dir() / "evaluation" / "genre_families.json"


@lru_cache(maxsize=4)
def load_families(path: Path | None = None) -> tuple[tuple[str, re.Pattern], ...]:
    """The (family, compiled pattern) rules in order; a broken file fails naming it."""
    path = Path(path or families_path())
    try:
        rows = json.loads(path.read_text(encoding="utf-8"))["families"]
        return tuple((row["family"], re.compile(row["pattern"], re.IGNORECASE)) for row in rows)
    except (OSError, ValueError, KeyError, TypeError, re.error) as exc:
        raise InputError(f"cannot read genre families from {path}: {exc}; "
                         "expected {\"families\": [{\"family\", \"pattern\"}, ...]}") from exc


def family_of(genre: str | None, path: Path | None = None) -> str:
    """The family of a genre; no genre or no matching rule is ``other``."""
    if not genre:
        return OTHER
    for family, pattern in load_families(path):
        if pattern.search(genre):
            return family
    return OTHER
