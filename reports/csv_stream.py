"""CSV files written a chunk at a time, byte for byte what ``exports.write_csv`` (pandas
``to_csv`` of the neutralised frame) would write for the whole table.

Why not ``to_csv`` per chunk: pandas formats every cell in Python (about a microsecond a cell,
25 s for a million claims of 24 columns). Here each column becomes an Arrow string array
(integers and booleans cast, text neutralised and quoted) and the columns are joined into
lines by Arrow compute, so a chunk is one buffer written as is. The rules copied from
pandas and the csv module (QUOTE_MINIMAL, CRLF rows), for every export (``exports.write_csv``
writes whole frames through here too):
- text that a spreadsheet would run as a formula (starting with ``= + - @``, tab or CR) gets
  a leading ``'`` (``formulas.neutralise``), in every column whose cells are text;
- a cell holding ``,``, ``"``, CR or LF is quoted, its quotes doubled;
- missing values (None, NaN) are empty; booleans are ``True``/``False``; integers plain.
A column of any other kind (floats, dates, mixed objects) sends the chunk through pandas, so
the bytes stay what ``to_csv`` writes. tests/test_report_streaming.py holds both equal.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import BinaryIO, Iterable

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from pandas.api.types import is_float_dtype, is_integer_dtype

from clinicscan.reports.background import BackgroundWriter
from clinicscan.reports.formulas import neutralise

__all__ = ["CsvStream", "csv_bytes", "format_booleans", "format_column", "format_text", "lines_of", "write_csv_chunks"]

_FORMULA = r"^[=+\-@\t\r]"  # formulas.FORMULA_STARTS as a regular expression
_NEEDS_QUOTES = r'[,"\r\n]'
EOL = _EOL = "\r\n"


class _Fallback(Exception):
    """A column this writer does not format itself: the chunk goes through pandas."""


def format_text(values: pa.Array) -> pa.Array:
    """Neutralised and quoted text cells (nulls stay null: they are written empty)."""
    risky = pc.match_substring_regex(values, _FORMULA)
    values = pc.if_else(risky, pc.binary_join_element_wise("'", values, ""), values)
    quote = pc.match_substring_regex(values, _NEEDS_QUOTES)
    if pc.any(quote).as_py():
        quoted = pc.binary_join_element_wise('"', pc.replace_substring(values, '"', '""'), '"', "")
        values = pc.if_else(quote, quoted, values)
    return values


def format_booleans(values: pa.Array) -> pa.Array:
    return pc.if_else(values, "True", "False")


def format_column(series: pd.Series) -> pa.Array:
    """One column as formatted cells (Arrow strings, nulls for empty cells)."""
    dtype = series.dtype
    if isinstance(dtype, np.dtype) and dtype == np.bool_:
        return format_booleans(pa.array(series.to_numpy()))
    if isinstance(dtype, np.dtype) and is_integer_dtype(dtype):
        return pc.cast(pa.array(series.to_numpy()), pa.string())
    if isinstance(dtype, pd.Int64Dtype | pd.Int32Dtype | pd.BooleanDtype):  # nullable: NA is empty
        values = pa.array(series.array)
        return format_booleans(values) if pa.types.is_boolean(values.type) else pc.cast(values, pa.string())
    if is_float_dtype(dtype):  # numbers as pandas prints them ("1.0", "1e-05"), one at a time
        return _numbers_via_pandas(series)
    if isinstance(dtype, pd.CategoricalDtype):
        # each distinct value formatted once, then placed by code (-1, missing, is empty)
        labels = format_column(pd.Series(series.cat.categories.to_numpy(dtype=object), dtype=object))
        codes = series.cat.codes.to_numpy()
        return labels.take(pa.array(codes, mask=codes < 0))
    if isinstance(dtype, pd.StringDtype):  # Arrow- or Python-backed text: no Python objects
        values = pa.array(series.array)
    elif isinstance(dtype, np.dtype) and dtype.kind == "O":
        try:
            values = pa.array(series.to_numpy(dtype=object, na_value=None), from_pandas=True)
        except (pa.ArrowInvalid, pa.ArrowTypeError) as exc:  # mixed objects
            raise _Fallback(series.name) from exc
    else:
        raise _Fallback(series.name)
    if isinstance(values, pa.ChunkedArray):
        values = values.combine_chunks()
    if pa.types.is_null(values.type):
        return values.cast(pa.string())
    if pa.types.is_string(values.type) or pa.types.is_large_string(values.type):
        values = values.cast(pa.string())
        encoded = values.dictionary_encode()
        if len(encoded.dictionary) * 2 <= len(values):  # repeated text (evidence lines): each once
            return format_text(encoded.dictionary).take(encoded.indices)
        return format_text(values)
    if pa.types.is_boolean(values.type):
        return format_booleans(values)
    raise _Fallback(series.name)


def _numbers_via_pandas(series: pd.Series) -> pa.Array:
    """A float column formatted by pandas itself (a number is never quoted; a lone missing
    value, which the csv module writes as ``""``, is an empty cell)."""
    lines = series.to_frame().to_csv(index=False, header=False, lineterminator="\n").split("\n")[:-1]
    return pa.array([None if line == '""' else line for line in lines], type=pa.string())


def _buffer_of(lines: pa.Array) -> bytes | memoryview:
    """The bytes of a string array's values, back to back."""
    if lines.type != pa.string():
        lines = lines.cast(pa.string())
    offsets = np.frombuffer(lines.buffers()[1], dtype=np.int32, count=len(lines) + 1, offset=lines.offset * 4)
    data = lines.buffers()[2]
    if data is None:
        return b""
    return memoryview(data)[int(offsets[0]):int(offsets[-1])]


def csv_bytes(frame: pd.DataFrame) -> bytes | memoryview:
    """The rows of ``frame`` (no header) as ``write_csv`` would write them."""
    if not len(frame):
        return b""
    try:
        cells = [format_column(frame.iloc[:, i]) for i in range(frame.shape[1])]
    except _Fallback:
        return neutralise(frame).to_csv(index=False, header=False, encoding="utf-8",
                                        lineterminator=_EOL).encode("utf-8")
    return lines_of(cells)


def lines_of(cells: list[pa.Array], ended: bool = False) -> bytes | memoryview:
    """Formatted columns (format_column's output, equal lengths) joined into CSV lines.
    ``ended``: the last column's cells end with the line end already (claims.csv's last
    cells are made once a page, line end included: claims_pass._page_segments); two or more
    columns then."""
    if not cells or not len(cells[0]):
        return b""
    cells = [c if pa.types.is_string(c.type) else c.cast(pa.string()) for c in cells]
    if ended:
        if len(cells) < 2:
            raise ValueError("ended lines need two or more columns")
        return _buffer_of(pc.binary_join_element_wise(*cells, ",", null_handling="replace", null_replacement=""))
    if len(cells) == 1:  # the csv module quotes a row's only field when it is empty: '""'
        cells = [pc.if_else(pc.fill_null(pc.equal(cells[0], ""), True), '""', cells[0])]
    # the line end goes on the last cell, so the lines are built in one join (not a second
    # pass copying every line again: 0.56 -> 0.49 s of CPU for claims.csv at a million claims)
    last = pc.binary_join_element_wise(cells[-1], "", _EOL, null_handling="replace", null_replacement="")
    lines = pc.binary_join_element_wise(*cells[:-1], last, ",", null_handling="replace", null_replacement="")
    return _buffer_of(lines)


def header_bytes(columns: Iterable[str]) -> bytes:
    out = io.StringIO()
    csv.writer(out, lineterminator=_EOL).writerow(list(columns))
    return out.getvalue().encode("utf-8")


class CsvStream:
    """An export file open for chunks: header first, then each chunk's rows. With
    ``background`` the bytes are written on a thread (reports.background.BackgroundWriter)
    while the caller formats the next chunk."""

    def __init__(self, path: Path, columns: list[str], background: bool = False):
        self.path = path
        self.columns = list(columns)
        self.rows = 0
        path.parent.mkdir(parents=True, exist_ok=True)
        handle: BinaryIO = path.open("wb")
        handle.write(header_bytes(self.columns))
        self._handle: BinaryIO | BackgroundWriter = BackgroundWriter(handle) if background else handle

    def write(self, frame: pd.DataFrame) -> None:
        if list(frame.columns) != self.columns:
            raise ValueError(f"{self.path.name}: columns {list(frame.columns)} are not {self.columns}")
        self._handle.write(csv_bytes(frame))
        self.rows += len(frame)

    def write_cells(self, cells: list[pa.Array], ended: bool = False) -> None:
        """A chunk already formatted, one Arrow string array a column (see ``lines_of``), or
        ``ended``: fewer arrays, neighbouring columns joined beforehand, the last ending
        each line."""
        if len(cells) != len(self.columns) and not ended:
            raise ValueError(f"{self.path.name}: {len(cells)} columns, not {len(self.columns)}")
        self._handle.write(lines_of(cells, ended))
        self.rows += len(cells[0]) if cells else 0

    def close(self) -> Path:
        self._handle.close()
        return self.path

    def __enter__(self) -> CsvStream:
        return self

    def __exit__(self, *exc) -> None:
        self._handle.close()


def write_csv_chunks(path: Path, columns: list[str], chunks: Iterable[pd.DataFrame]) -> Path:
    """Write ``chunks`` (frames with ``columns``) as one CSV file, a chunk at a time."""
    with CsvStream(path, columns) as stream:
        for chunk in chunks:
            stream.write(chunk)
    return path
