"""The start-up heap is kept out of the cyclic GC while extraction and the report run,
and handed back afterwards (a notebook or the test suite must not keep dead cycles)."""

from __future__ import annotations

import gc
import weakref

import clinicscan.nlp.extract as extract_module
from clinicscan.heap import long_lived_heap
from clinicscan.nlp.extract import extract_stored_pages
from clinicscan.reports import build
from tests.test_extract_stage import CLINIC, add_pages


class Cycle:
    def __init__(self):
        self.me = self


def test_objects_alive_at_entry_are_frozen_for_the_block_then_collectable_again():
    assert gc.get_freeze_count() == 0
    cycle = Cycle()
    gone = weakref.ref(cycle)
    with long_lived_heap():
        frozen = gc.get_freeze_count()
        assert frozen > 0
        assert not any(obj is cycle for gen in range(3) for obj in gc.get_objects(gen))  # out of the GC's reach
        with long_lived_heap():  # an inner block changes nothing
            assert gc.get_freeze_count() == frozen
        del cycle
        gc.collect()
        assert gone() is not None  # dead, but frozen: kept for the block
    assert gc.get_freeze_count() == 0
    gc.collect()
    assert gone() is None  # handed back: collected


def test_extraction_analyses_with_the_heap_frozen_and_unfreezes(store, monkeypatch):
    seen = []
    analyse = extract_module._analyse_job

    def recording(job):
        seen.append(gc.get_freeze_count())
        return analyse(job)

    monkeypatch.setattr(extract_module, "_analyse_job", recording)
    add_pages(store, {"https://clinic.example/knee": CLINIC})
    stats = extract_stored_pages(store, workers=1)
    assert stats.extracted == 1
    assert seen and all(count > 0 for count in seen)
    assert gc.get_freeze_count() == 0


def test_report_runs_with_the_heap_frozen(store, monkeypatch, tmp_path):
    seen = []
    tables = build._tables

    def recording(*args, **kwargs):
        seen.append(gc.get_freeze_count())
        return tables(*args, **kwargs)

    monkeypatch.setattr(build, "_tables", recording)
    add_pages(store, {"https://clinic.example/knee": CLINIC})
    extract_stored_pages(store, workers=1)
    build.write_reports(store, tmp_path)
    assert seen and seen[0] > 0
    assert gc.get_freeze_count() == 0


def test_report_arrow_allocations_use_the_system_allocator_then_the_pool_is_restored():
    import pyarrow as pa

    from clinicscan.heap import release_memory, system_allocator

    before = pa.default_memory_pool().backend_name
    with system_allocator():
        assert pa.default_memory_pool().backend_name == "system"
        values = pa.array(["a", "b"] * 1000)
        assert values.to_pylist()[:2] == ["a", "b"]
        release_memory()  # freed pages handed back; nothing alive is touched
        assert values[1].as_py() == "b"
    assert pa.default_memory_pool().backend_name == before


def test_fewer_collections_raises_the_first_threshold_for_the_block_only():
    from clinicscan.heap import fewer_collections

    before = gc.get_threshold()
    with fewer_collections(123_456):
        assert gc.get_threshold() == (max(123_456, before[0]), *before[1:])
    assert gc.get_threshold() == before
