"""Issue 9: the claims pass reads ahead and writes behind on threads (reports/background.py).
Items arrive in order and all of them; an error on a thread reaches the caller; a caller that
stops early stops the thread, and the producer's iterator is closed on its own thread."""

from __future__ import annotations

import io
import threading
import time

import pandas as pd
import pytest

from clinicscan.reports import claims_pass
from clinicscan.reports.background import BackgroundWriter, read_ahead
from clinicscan.reports.dataset import _frame_sharing_text


def test_read_ahead_gives_every_item_in_order():
    assert list(read_ahead(lambda: iter(range(1000)), depth=2)) == list(range(1000))
    assert list(read_ahead(lambda: iter([]))) == []


def test_read_ahead_starts_before_the_first_next_and_stays_within_depth():
    made = []

    def items():
        for i in range(100):
            made.append(i)
            yield i

    reader = read_ahead(items, depth=3)
    deadline = time.monotonic() + 5
    while len(made) < 4 and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(0.1)
    assert 1 <= len(made) <= 3 + 1  # the queue's three and the one waiting to be put
    assert next(reader) == 0
    reader.close()


def test_an_error_while_reading_reaches_the_caller_after_the_items_before_it():
    def items():
        yield 1
        yield 2
        raise ValueError("disk on fire")

    got = []
    with pytest.raises(ValueError, match="disk on fire"):
        for item in read_ahead(items):
            got.append(item)
    assert got == [1, 2]


def test_stopping_early_closes_the_producer_on_its_thread():
    closed_on = []

    def items():
        try:
            for i in range(10_000):
                yield i
        finally:
            closed_on.append(threading.current_thread().name)

    reader = read_ahead(items, depth=2, name="reader-under-test")
    assert [next(reader) for _ in range(3)] == [0, 1, 2]
    reader.close()
    assert closed_on == ["reader-under-test"]
    assert not any(t.name == "reader-under-test" for t in threading.enumerate())
    with pytest.raises(StopIteration):
        next(reader)


def test_the_background_writer_writes_everything_in_order_and_closes():
    class Sink(io.BytesIO):
        def close(self):
            self.kept = self.getvalue()
            super().close()

    sink = Sink()
    writer = BackgroundWriter(sink, depth=2)
    for i in range(500):
        writer.write(memoryview(f"{i},".encode()))
    writer.close()
    assert sink.kept == "".join(f"{i}," for i in range(500)).encode()
    writer.close()  # twice is harmless


def test_a_write_error_reaches_the_caller():
    class Broken(io.BytesIO):
        def write(self, data):
            raise OSError("no space left")

    writer = BackgroundWriter(Broken())
    with pytest.raises(OSError, match="no space left"):
        for _ in range(100):
            writer.write(b"x")
            time.sleep(0.01)
        writer.close()


def test_the_claims_read_runs_on_a_thread_only_where_adbc_reads(sqlite_url):
    from clinicscan.store import open_store

    memory = open_store("sqlite://")  # one connection per thread: read inline
    try:
        inline = claims_pass.start_read(memory, 1)
        assert not isinstance(inline, claims_pass.background.ReadAhead)
        assert list(inline) == []
    finally:
        memory.dispose()
    store = open_store(sqlite_url)
    try:
        reader = claims_pass.start_read(store, 1)
        assert isinstance(reader, claims_pass.background.ReadAhead)
        assert list(reader) == []  # no run 1 yet: no claims
    finally:
        store.dispose()


def test_page_rows_framed_by_columns_are_the_frame_of_the_rows():
    from datetime import datetime

    rows = [(1, "https://a.example/x", "https://a.example/x", None, datetime(2026, 1, 2, 3, 4, 5), True, 0.5, "k"),
            (2, "https://a.example/y", "https://b.example/", "boom", datetime(2026, 1, 2, 3, 4, 6), None, None, "k"),
            (3, "https://a.example/z", None, None, None, False, 1.0, "news")]
    columns = ["page_id", "url", "final_url", "extract_error", "fetched_at", "offers_treatment", "offer_score",
               "page_kind"]
    shared = ("url", "final_url", "extract_error", "page_kind")
    for storage in ("python", "pyarrow"):
        with pd.option_context("mode.string_storage", storage):
            want = pd.DataFrame([tuple(r) for r in rows], columns=columns)
            for chunks in ([rows], [rows[:1], rows[1:]], [rows[:1], [], rows[1:2], rows[2:]]):
                have = _frame_sharing_text(chunks, columns, shared)
                pd.testing.assert_frame_equal(have, want, check_exact=True)
            pd.testing.assert_frame_equal(_frame_sharing_text([], columns, shared),
                                          pd.DataFrame([], columns=columns))
    url, same = "".join(["https://c.example/", "p"]), "".join(["https://c.example/", "p"])
    assert url is not same
    with pd.option_context("mode.string_storage", "python"):  # the report's text storage
        have = _frame_sharing_text([[(4, url, same, None, None, True, 1.0, "k")]], columns, shared)
    assert have["url"].iloc[0] is have["final_url"].iloc[0]  # one string object for equal text


def test_equal_json_lists_and_their_strings_are_shared():
    from clinicscan.reports.dataset import _json_lists

    strings: dict = {}
    first = _json_lists(['["autism", "als"]', '["autism", "als"]', '["als"]', None], strings)
    assert first == [["autism", "als"], ["autism", "als"], ["als"], []]
    assert first[0] is first[1]
    assert first[0][1] is first[2][0]
    again = _json_lists(['["als", "x"]'], strings)  # another column, the same strings
    assert again[0][0] is first[2][0]
