"""Issue 9, session 21: the claims pass formats each distinct text of a chunk once (a sentence
naming three things is the sentence of three neighbouring claims) and keeps its codes from the
same encoding; the CSV lines are built in one join; the report command ends its process at
once when everything is written. Same bytes and codes as the plain computation."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clinicscan.reports import claims_pass
from clinicscan.reports.claims_pass import _TextCodes
from clinicscan.reports.csv_stream import format_text, lines_of
from clinicscan.reports.exports import neutralise
from clinicscan.store import open_store

texts = st.one_of(st.none(), st.sampled_from(["a", "b", "=x", 'q"q', "a, b", "l\nx", "", " sp", "é"]), st.text(max_size=6))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.lists(texts, max_size=12), st.lists(st.booleans(), max_size=12)), max_size=5))
def test_codes_from_the_chunk_encoding_are_the_codes_of_the_kept_rows(chunks):
    plain, shared = _TextCodes(), _TextCodes()
    for values, keep_flags in chunks:
        array = pa.array(values, type=pa.string())
        rows = np.flatnonzero(np.resize(np.array(keep_flags or [False], dtype=bool), len(values)))
        expected = plain.codes(array.take(pa.array(rows, type=pa.int64())))
        got = shared.codes_of(array.dictionary_encode(), rows)
        assert got.dtype == np.int32
        assert np.array_equal(got, expected)
        assert list(shared.index.items()) == list(plain.index.items())  # same texts, same order
    for sort in (True, False):
        a, b = _TextCodes(), _TextCodes()
        a.index, b.index = dict(plain.index), dict(shared.index)
        assert list(a.categorical([], sort).categories) == list(b.categorical([], sort).categories)


@settings(max_examples=300, deadline=None)
@given(st.lists(texts, min_size=1, max_size=30))
def test_text_formatted_once_per_distinct_value_is_text_formatted_cell_by_cell(values):
    array = pa.array(values, type=pa.string())
    encoded = array.dictionary_encode()
    assert claims_pass._repeated_cells(encoded).to_pylist() == format_text(array).to_pylist()


@settings(max_examples=300, deadline=None)
@given(st.integers(1, 4).flatmap(lambda n: st.lists(st.lists(texts, min_size=n, max_size=n), min_size=1, max_size=8)))
def test_lines_in_one_join_are_what_pandas_writes(rows):
    """The line end joined to the last cell: one column, a null or empty last cell included."""
    frame = pd.DataFrame(rows, columns=[f"c{i}" for i in range(len(rows[0]))], dtype=object)
    expected = neutralise(frame).to_csv(index=False, header=False, encoding="utf-8", lineterminator="\r\n")
    cells = [format_text(pa.array(frame[c].tolist(), type=pa.string())) for c in frame.columns]
    assert bytes(lines_of(cells)) == expected.encode("utf-8")


# ------------------------------------------------------------------ the report process ends at once

_MAIN_WITH_A_TEARDOWN_HOOK = (
    "import atexit, sys\n"
    "atexit.register(lambda: print('interpreter teardown ran', flush=True))\n"
    "from clinicscan.cli import main\n"
    "sys.argv[0] = 'clinicscan'\n"
    "main()\n")


def _run_main(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", _MAIN_WITH_A_TEARDOWN_HOOK, *args], cwd=cwd,
                          capture_output=True, text=True, timeout=300, env={**os.environ, "PYTHONUTF8": "1"})


def _small_store(tmp_path: Path) -> str:
    from test_report_helpers import build_world

    url = f"sqlite:///{tmp_path / 'clinicscan.db'}"
    store = open_store(url)
    try:
        build_world(store)
    finally:
        store.dispose()
    return url


def test_a_written_report_ends_its_process_without_the_teardown(tmp_path):
    url = _small_store(tmp_path)
    out = tmp_path / "out"
    done = _run_main(["--db", url, "report", "--out", str(out)], tmp_path)
    assert done.returncode == 0, done.stderr
    assert "interpreter teardown ran" not in done.stdout  # os._exit: atexit hooks are skipped
    assert done.stdout.rstrip().endswith("report.html to " + str(out))  # everything printed first
    for name in ("pages.csv", "claims.csv", "evidence.csv", "clinics.csv", "flagged_clinics.csv",
                 "businesses.csv", "locations.csv", "report.html"):
        assert (out / name).stat().st_size > 0
    assert (out / "report.html").read_text(encoding="utf-8").rstrip().endswith("</html>")
    # the store was closed before: SQLite checkpointed and removed its WAL file
    assert not Path(str(tmp_path / "clinicscan.db") + "-wal").exists()


@pytest.mark.parametrize("args", [["report", "--out", "OUT", "--run", "99"], ["report", "--help"]])
def test_other_commands_and_a_failed_report_exit_as_usual(tmp_path, args):
    url = _small_store(tmp_path)
    args = [str(tmp_path / "out") if a == "OUT" else a for a in args]
    done = _run_main(["--db", url, *args], tmp_path)
    assert "interpreter teardown ran" in done.stdout
    assert done.returncode == (0 if "--help" in args else 2), done.stderr
