"""Reading JSON and JSONL data files, so every error names its file (and line)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator


def iter_jsonl(path: Path, error: type[Exception], name: str | None = None) -> Iterator[tuple[int, str, object]]:
    """Yield ``(line, where, row)`` for each non-blank line; ``where`` is ``"name:line"``.

    An unreadable file or a line that is not JSON raises ``error`` with that location, so
    the lexicon, the context rules and gold files all report problems the same way.
    """
    name = name or path.name
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise error(f"cannot read {path}: {exc}") from exc
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{name}:{number}"
        try:
            yield number, where, json.loads(line)
        except ValueError as exc:
            raise error(f"{where}: not valid JSON ({exc})") from exc


def read_json(path: Path, error: type[Exception]) -> object:
    """The JSON document in ``path``; a file that cannot be read or is not JSON raises ``error`` naming it."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise error(f"{path}: cannot read it ({exc})") from exc
    try:
        return json.loads(text)
    except ValueError as exc:
        raise error(f"{path} is not valid JSON: {exc}") from exc
