"""Pieces of the report's lean path at a million claims (docs/report-scale.md): each gives
the values of the plain computation it replaced."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clinicscan.reports.claims_pass import _TextCodes
from clinicscan.reports.exports import iso, iso_column


@pytest.mark.parametrize("storage", ["python", "pyarrow"])
def test_iso_column_is_iso_of_each_cell(storage):
    with pd.option_context("mode.string_storage", storage):
        naive = pd.Series(pd.to_datetime(["2026-11-02 08:00:01.999", "1999-01-01 00:00:00", None,
                                          "2026-03-05 23:59:59.5"], format="ISO8601"), name="fetched_at")
        for values in (naive, naive.dt.tz_localize("UTC"),
                       naive.dt.tz_localize("UTC").dt.tz_convert("America/New_York"),
                       naive.astype("datetime64[ns]"), naive.iloc[2:3], naive.iloc[:0],
                       naive.astype(object), pd.Series(["2026-01-01", None], dtype=object)):
            expected, got = values.map(iso), iso_column(values)
            assert got.tolist() == expected.tolist()
            assert got.dtype == expected.dtype
            assert got.index.equals(expected.index)
        assert iso_column(naive).tolist() == ["2026-11-02T08:00:01Z", "1999-01-01T00:00:00Z", "",
                                              "2026-03-05T23:59:59Z"]


def test_text_codes_over_chunks_are_one_categorical_like_the_texts():
    chunks = [pa.array(["b", "a", None, "b"]), pa.array([None, None], type=pa.string()),
              pa.array(["c", "a"]), pa.array([], type=pa.string())]
    plain = [v for chunk in chunks for v in chunk.to_pylist()]
    for sort in (True, False):
        codes = _TextCodes()
        kept = [codes.codes(chunk) for chunk in chunks]
        categorical = codes.categorical(kept, sort=sort)
        assert [None if pd.isna(v) else v for v in categorical.astype(object)] == plain
        assert list(categorical.categories) == (["a", "b", "c"] if sort else ["b", "a", "c"])
        assert all(isinstance(v, str) for v in categorical.categories)
    empty = _TextCodes()
    assert len(empty.categorical([], sort=True)) == 0
    assert np.array_equal(empty.codes(pa.array([None], type=pa.string())), [-1])


# ------------------------------------------------------------------ cheaper cells, same values

_URL_HOSTS = ["https://clinic1.example/treatments/page-1", "HTTP://Clinic.Example", "http://a.example?x=1",
              "https://a.example#top", "https://user:pw@a.example:8443/x", "https://a.example:80/",
              "https://[::1]:8080/x", "https://[bad/", "//a.example/x", "a.example/x", "mailto:x@a.example",
              " https://a.example/", "https://a.exa\tmple/", "https://a.example\n/x", "https://xn--bcher-kva.example/",
              "https://bücher.example/", "https://a..example./", "ftp://a.example/", "https:///x", "https://", ""]


def _reference_host(url) -> str:
    from urllib.parse import urlsplit

    if not isinstance(url, str) or not url:
        return ""
    try:
        return urlsplit(url).hostname or ""
    except ValueError:
        return ""


@pytest.mark.parametrize("url", _URL_HOSTS + [None, float("nan")])
def test_a_page_host_is_what_urlsplit_says(url):
    from clinicscan.reports.businesses import _host

    assert _host(url) == _reference_host(url)


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(["http://", "https://", "HTTPS://", "hTtP://", "//", "http:", ""]),
       st.text(alphabet="abcXYZ019.-_:@[]/?#% \t\nü", max_size=25))
def test_any_url_host_is_what_urlsplit_says(scheme, rest):
    from clinicscan.reports.businesses import _host

    assert _host(scheme + rest) == _reference_host(scheme + rest)


def test_cells_made_once_per_shared_list_are_the_cells_of_each():
    from clinicscan.reports.exports import _each_once, ids

    shared = ["b", "a", "b"]
    column = pd.Series([shared, ["c"], shared, [], shared], dtype=object)
    assert _each_once(column, ids).tolist() == column.map(ids).tolist() == ["a;b", "c", "a;b", "", "a;b"]
