"""Issue 9: claims.csv streamed a chunk at a time is the file the whole-frame export wrote,
hostile text keeps its formula quote in every chunk, Parquet round-trips to the same CSV,
and the report keeps only the red-flag rows a flag can read. SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import random

import pandas as pd
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from clinicscan.cli import cli
from clinicscan.errors import ConfigError
from clinicscan.reports import claims_pass
from clinicscan.reports.build import build_tables, parse_formats, records, write_reports
from clinicscan.reports.csv_stream import csv_bytes
from clinicscan.reports.dataset import load_run, load_run_without_claims, resolve_run
from clinicscan.reports.exports import CLAIMS_COLUMNS, claims_frame, neutralise, write_csv
from clinicscan.reports.flags import flag_clinic, red_flags_to_quote
from clinicscan.reports.registry import load_registry
from test_report_helpers import AUTISM, BACK, add_page, add_run, build_world

FORMULA = ("=", "+", "-", "@", "\t", "\r")
HOSTILE = ['=HYPERLINK("http://evil.example","x") offers stem cells for autism',
           "+1 555 0100, call now: cord cells for autism", "-2+3 cures autism \"guaranteed\"",
           "@SUM(A1:A9)\r\nwith umbilical cord cells", "\t=1+1 for autism", "plain, with a comma"]


# ------------------------------------------------------------------ the writer alone

cells = st.one_of(st.none(), st.text(), st.sampled_from(["", "=1", "a,b", 'q"q', "l\nx", "\r=1", " sp"]))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(cells, cells, st.integers(-10**12, 10**12), st.booleans(),
                          st.sampled_from([True, False, None]), st.sampled_from(["x", "=y", "a,b", None])),
                min_size=1, max_size=12))
def test_chunk_bytes_are_what_pandas_writes_for_any_text(rows):
    frame = pd.DataFrame(rows, columns=["text", "other", "n", "flag", "maybe", "cat"])
    frame["maybe"] = frame["maybe"].astype(object)
    frame["cat"] = frame["cat"].astype("category")
    frame["str"] = frame["text"].astype("str")
    expected = neutralise(frame).to_csv(index=False, header=False, encoding="utf-8", lineterminator="\r\n")
    assert bytes(csv_bytes(frame)) == expected.encode("utf-8")


def test_a_column_of_another_kind_goes_through_pandas():
    frame = pd.DataFrame({"score": [0.5, 1.0, None], "text": ["=x", "y", None]})
    assert bytes(csv_bytes(frame)) == b"0.5,'=x\r\n1.0,y\r\n,\r\n"


# ------------------------------------------------------------------ claims.csv from the store

def _hostile_world(store) -> None:
    build_world(store)
    with store.session() as s:
        run = add_run(s, label="hostile run")
        for i, sentence in enumerate(HOSTILE):
            add_page(store, s, run, f"evil{i}.example", HOSTILE[(i + 1) % len(HOSTILE)], f"/p{i}",
                     title=sentence, claims=[("condition", "autism", sentence, "asserted"),
                                             ("product_type", "umbilical_cord", sentence, "hedged"),
                                             ("red_flag", "cure_claim", sentence, "asserted"),
                                             ("condition", "back_pain", BACK, "negated"),
                                             ("product_type", "msc", AUTISM, "asserted", "nav")])


@pytest.mark.parametrize("chunk_rows", [1, 3, 50_000])
def test_streamed_claims_csv_is_the_whole_frame_export_in_any_chunking(store, tmp_path, chunk_rows, monkeypatch):
    _hostile_world(store)
    monkeypatch.setattr(claims_pass, "CHUNK_ROWS", chunk_rows)
    write_reports(store, tmp_path / "new")
    write_csv(claims_frame(load_run(store)), tmp_path / "whole.csv")
    streamed = (tmp_path / "new" / "claims.csv").read_bytes()
    assert streamed == (tmp_path / "whole.csv").read_bytes()
    rows = list(csv.DictReader(streamed.decode("utf-8").splitlines(keepends=True)))
    assert len(rows) == 5 * len(HOSTILE)
    for row in rows:
        for column, cell in row.items():
            assert not cell.startswith(FORMULA), (column, cell)
    assert {row["sentence"] for row in rows} >= {"'" + h if h.startswith(FORMULA) else h for h in HOSTILE}


def test_stream_keeps_only_counting_claims_and_counts_every_page(store, tmp_path):
    _hostile_world(store)
    run = resolve_run(store, None)
    base = load_run_without_claims(store, run)
    passed = claims_pass.stream_claims(store, run.id, base.pages, tmp_path, ("csv",), chunk_rows=4)
    whole = load_run(store)
    counting = whole.claims[whole.claims["counts"]]
    assert passed.counting["claim_id"].tolist() == counting["claim_id"].tolist()
    for column in ("kind", "vocab_id", "sentence", "context", "section", "site_id", "url", "site_name"):
        assert passed.counting[column].astype(object).tolist() == counting[column].astype(object).tolist(), column
    mentions, counted = whole.mention_counts()
    assert passed.mentions[passed.mentions > 0].to_dict() == mentions.to_dict()
    assert passed.counting_per_page[passed.counting_per_page > 0].to_dict() == counted.to_dict()


def test_counting_only_run_data_needs_its_page_counts(store):
    build_world(store)
    data = load_run_without_claims(store, resolve_run(store, None))
    with pytest.raises(ValueError, match="page counts"):
        data.mention_counts()


def test_build_tables_and_the_streamed_report_give_the_same_files(store, tmp_path):
    _hostile_world(store)
    write_reports(store, tmp_path / "streamed")
    tables = build_tables(store)
    for name, frame in tables.exports().items():
        write_csv(frame, tmp_path / "whole" / name)
        assert (tmp_path / "whole" / name).read_bytes() == (tmp_path / "streamed" / name).read_bytes(), name


# ------------------------------------------------------------------ Parquet

def test_parquet_holds_the_csv_values_unquoted_and_round_trips(store, tmp_path):
    _hostile_world(store)
    summary = write_reports(store, tmp_path, formats="csv,parquet")
    names = [p.name for p in summary.files]
    assert names[:4] == ["pages.csv", "pages.parquet", "claims.csv", "claims.parquet"]
    for stem in ("claims", "pages"):
        frame = pd.read_parquet(tmp_path / f"{stem}.parquet")
        write_csv(frame, tmp_path / "again" / f"{stem}.csv")
        assert (tmp_path / "again" / f"{stem}.csv").read_bytes() == (tmp_path / f"{stem}.csv").read_bytes(), stem
    claims = pd.read_parquet(tmp_path / "claims.parquet")
    assert list(claims.columns) == CLAIMS_COLUMNS and set(HOSTILE) <= set(claims["sentence"])  # raw, no quote
    schema = pq.read_schema(tmp_path / "claims.parquet")
    assert str(schema.field("start").type) == "int64" and str(schema.field("counts").type) == "bool"


def test_parquet_only_writes_no_claims_or_pages_csv(store, tmp_path):
    build_world(store)
    summary = write_reports(store, tmp_path, formats=["parquet"])
    names = {p.name for p in summary.files}
    assert {"claims.parquet", "pages.parquet", "evidence.csv", "report.html"} <= names
    assert not (tmp_path / "claims.csv").exists() and not (tmp_path / "pages.csv").exists()


def test_an_unknown_format_is_a_clear_error(store, tmp_path):
    with pytest.raises(ConfigError, match="unknown export format xlsx"):
        parse_formats("csv,xlsx")
    assert parse_formats(" CSV , parquet,csv ") == ("csv", "parquet")
    result = CliRunner().invoke(cli, ["--db", f"sqlite:///{tmp_path / 'x.db'}", "report", "--out",
                                      str(tmp_path / "out"), "--format", "xlsx"])
    assert result.exit_code == 2 and "unknown export format xlsx" in result.output
    assert not (tmp_path / "out").exists()


# ------------------------------------------------------------------ red flags read by a flag

@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 3), st.sampled_from(["cure_claim", "fda_claim", "safety_claim"]),
                          st.integers(0, 6)), min_size=1, max_size=25),
       st.lists(st.integers(0, 6), max_size=4))
def test_flag_reads_the_same_from_the_red_flag_rows_kept(reds, quoted):
    registry = load_registry(None)
    frame = pd.DataFrame([{"site_id": s, "vocab_id": v, "sentence": f"sentence {n}", "url": f"u{n}",
                           "fetched_at": None, "warc_record_id": f"w{n}"} for s, v, n in reds])
    kept = red_flags_to_quote(frame)
    rng = random.Random(len(reds))
    for sid in frame["site_id"].unique():
        pairs = [{"flagged_claim": True, "strength": rng.choice(["sentence", "page"]), "n_sentences": 1,
                  "n_pages": 1, "evidence_status": "no_registered_trials", "condition": f"c{q}",
                  "product_type": "msc", "condition_sentence": f"sentence {q}", "product_sentence": "",
                  "url": "u", "fetched_at": None, "warc_record_id": "w", "evidence_line": "No approval."}
                 for q in quoted] or [{"flagged_claim": True, "strength": "sentence", "n_sentences": 1,
                                       "n_pages": 1, "evidence_status": "in_trials", "condition": "c",
                                       "product_type": "msc", "condition_sentence": "other", "product_sentence": "",
                                       "url": "u", "fetched_at": None, "warc_record_id": "w",
                                       "evidence_line": "In trials."}]
        site = {"site_id": sid, "site_name": f"Invented {sid}", "domain": f"s{sid}.example",
                "region": None, "country": None}
        full = flag_clinic(site, pairs, frame[frame["site_id"] == sid].to_dict("records"), registry)
        trimmed = flag_clinic(site, pairs, kept[kept["site_id"] == sid].to_dict("records"), registry)
        assert (trimmed.reasons, trimmed.quotes, trimmed.score) == (full.reasons, full.quotes, full.score)
    assert len(kept) <= len(frame)


def test_records_are_to_dict_records_value_for_value(store):
    _hostile_world(store)
    tables = build_tables(store)
    frame = pd.DataFrame({"i": [1, 2], "b": [True, False], "f": [0.5, float("nan")],
                          "d": pd.to_datetime(["2026-01-01", None]), "z": pd.to_datetime(["2026-01-01T00:00Z", None]),
                          "o": [None, [1]], "s": pd.Series(["x", None], dtype="str"), "c": pd.Categorical(["a", None]),
                          "n": pd.array([1, None], dtype="Int64"), "m": pd.array([True, None], dtype="boolean")})
    for source in (frame, tables.pairs, tables.red_flag_claims):
        expected, got = source.to_dict("records"), records(source)
        assert len(got) == len(expected) > 0
        for want, have in zip(expected, got):
            assert list(have) == list(want)
            for key, value in want.items():
                assert type(have[key]) is type(value), key
                assert have[key] is value or have[key] == value or (value != value and have[key] != have[key]), key


def test_json_list_columns_decode_in_one_go_as_cell_by_cell():
    from json import JSONDecodeError

    from clinicscan.reports.dataset import _json_lists

    cells = ['["autism", "als"]', None, "null", '{"a": 1}', '"text, with [brackets]"', "[]", ' [ "x" ] ']
    assert _json_lists(cells) == [["autism", "als"], [], [], [], [], [], ["x"]]
    with pytest.raises(JSONDecodeError):
        _json_lists(['["a"]', '1, 2'])  # two values in one cell is damage, not two cells
