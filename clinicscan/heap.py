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

__all__ = ["fewer_collections", "long_lived_heap", "release_memory", "system_allocator"]


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


def release_memory() -> None:
    """Hand the memory freed so far back to the operating system.

    Why: the report frees big intermediates stage by stage (a million claims' Arrow batches,
    pairing's join tables), but neither Arrow's memory pool (mimalloc or jemalloc) nor glibc's
    malloc returns freed pages on their own: after the claims pass the process held 630 MiB
    of which 230 MiB were free pages, and each later stage's peak stacked on top of them.
    Asking both to release costs a few milliseconds.
    """
    try:
        import pyarrow as pa

        pa.default_memory_pool().release_unused()
    except ImportError:  # pragma: no cover - pyarrow is a dependency
        pass
    global _malloc_trim
    if _malloc_trim is None:
        try:
            import ctypes

            _malloc_trim = ctypes.CDLL("libc.so.6").malloc_trim
        except (OSError, AttributeError):  # not glibc (macOS, musl): nothing to ask
            _malloc_trim = False
    if _malloc_trim:
        _malloc_trim(0)


_malloc_trim = None


@contextmanager
def system_allocator() -> Iterator[None]:
    """Arrow allocates from the C library's malloc for the block, as Python and numpy do.

    Why: with Arrow's own pool (mimalloc) the report kept two heaps, each holding the pages
    the other had freed: the CSV formatting's Arrow buffers were not reused by the next
    stage's Python objects, and the exports' peak stacked 120 MiB on top of the analysis
    (a million claims: 655 -> 587 MiB peak, the same CPU). The previous pool is restored after.
    """
    try:
        import pyarrow as pa
    except ImportError:  # pragma: no cover - pyarrow is a dependency
        yield
        return
    previous = pa.default_memory_pool()
    pa.set_memory_pool(pa.system_memory_pool())
    try:
        yield
    finally:
        pa.set_memory_pool(previous)


@contextmanager
def fewer_collections(allocations: int = 50_000) -> Iterator[None]:
    """The cyclic collector runs after ``allocations`` new container objects instead of 700,
    for the block; the previous thresholds are restored after.

    Why: the report makes hundreds of thousands of short-lived containers (evidence rows,
    flag records, pandas internals), almost none in cycles: at a million claims the collector
    ran 1,600 times, 12 of them full, for 0.8 of 12 s of CPU, and freed nothing the peak
    noticed (538 MiB either way). A collection still runs, only less often.
    """
    previous = gc.get_threshold()
    gc.set_threshold(max(allocations, previous[0]), *previous[1:])
    try:
        yield
    finally:
        gc.set_threshold(*previous)
