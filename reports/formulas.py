"""Spreadsheet formula neutralisation: a text cell that Excel, LibreOffice or Google Sheets
would run as a formula (starting with ``=``, ``+``, ``-``, ``@``, tab or CR) gets a leading
``'``, so opening an export never executes text taken from a web page (CSV injection).

Every CSV export goes through it: ``exports.write_csv`` for whole frames and the streamed
writer (``csv_stream``), whose Arrow version of the rule is tested equal to this one.
"""

from __future__ import annotations

import pandas as pd
from pandas.api.types import is_bool_dtype, is_numeric_dtype, is_object_dtype, is_string_dtype

__all__ = ["FORMULA_STARTS", "neutralise", "neutralise_cell"]

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value):
    """Prefix a text cell a spreadsheet would evaluate (=, +, -, @, tab, CR) with a quote."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def neutralise(frame: pd.DataFrame) -> pd.DataFrame:
    """Text columns only: genuinely numeric and boolean columns keep their values."""
    out = frame.copy()
    for col in out.columns:
        series = out[col]
        if is_bool_dtype(series) or is_numeric_dtype(series):
            continue
        if is_string_dtype(series) and not is_object_dtype(series):
            risky = series.str.startswith(FORMULA_STARTS, na=False)
            out[col] = series.astype(object).where(~risky, "'" + series.astype(object).where(risky, ""))
        else:
            out[col] = series.map(neutralise_cell).astype(object)
    return out
