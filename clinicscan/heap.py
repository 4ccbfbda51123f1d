"""The heap that start-up built, kept out of the cyclic garbage collector while a stage runs.

Why: after start-up the process holds spaCy, pandas, SQLAlchemy, the pipeline and its
patterns, a few hundred thousand objects that live until it ends. Every full collection
walked them all again: 0.4 ms a page of ``extract FOLDER --out`` at 50-page sites (most of
the collector's time), and in a forked worker the walk wrote to every page of memory it
shared with its parent. ``gc.freeze()`` moves them to a permanent generation that
collections skip, as CPython's documentation advises before forking; leaving the block
(``gc.unfreeze()``) hands them back, so a long-lived caller (a notebook, the test suite)
loses nothing: a cycle that died meanwhile is collected then.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator

__all__ = ["long_lived_heap"]


@contextmanager
def long_lived_heap() -> Iterator[None]:
    """Freeze the tracked objects that exist now, for the block (a no-op inside another one)."""
    if gc.get_freeze_count():
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
