"""One pass over a run's claims, in claims.csv order: each chunk read from the store is written
to claims.csv (and claims.parquet) at once, and only what the analysis reads is kept: the
counting claims, their repeated text as categoricals, and each page's mention counts.

Why: read whole, a million claims became a DataFrame of Python strings (every column, the
page columns merged in, then copied again by the export and its formula neutralisation):
2.3 GiB and a minute. Here a chunk of rows goes from the database cursor straight to Arrow
arrays (no ORM rows, no pandas object columns), the page columns of claims.csv are formatted
once a page and placed by index, and the CSV lines are joined by Arrow (csv_stream).

The query is the one ``dataset.load_run`` runs, plus the claim id as the last sort key (rows
equal on page, offset and kind come out in id order on every engine). The same code reads
SQLite and PostgreSQL: Arrow record batches from the ADBC driver of either (reports/arrow_read.py).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from sqlalchemy import select

from clinicscan.heap import release_memory
from clinicscan.reports import arrow_read, background, csv_stream
from clinicscan.reports.exports import CLAIMS_COLUMNS, iso_column
from clinicscan.store import Store
from clinicscan.store.models import Claim, Page
from clinicscan.vocabulary import COUNTED_CONTEXTS, RED_FLAG_COUNTED_CONTEXTS

__all__ = ["CHUNK_ROWS", "ClaimsPass", "start_read", "stream_claims"]

CHUNK_ROWS = 20_000
READ_AHEAD = 3  # batches read ahead of the formatting (about 6 MB each at 20,000 rows)
# what the analysis (pairing, flags, clinics.csv, the charts) reads of a counting claim
KEPT = ["claim_id", "page_id", "kind", "vocab_id", "start", "sentence", "sent_start", "context", "section"]
CATEGORICAL = ("kind", "vocab_id", "sentence", "context", "section")
# claims.csv text columns with few distinct values in a chunk, formatted once per value
REPEATED = ("kind", "detail_id", "matched_text", "sentence", "context", "context_cue", "section", "lexicon_version")
_KIND_COLUMNS = ("condition", "product_type", "red_flag")  # the vocabulary id under its kind's column
# dictionary-encoded once a chunk: the repeated cells, the vocabulary ids and the kept text
ENCODED = tuple(dict.fromkeys(REPEATED + CATEGORICAL + ("vocab_id",)))
PAGE_COLUMNS_KEPT = ["site_id", "url", "fetched_at", "offers_treatment", "page_kind", "warc_record_id",
                     "site_name", "domain"]
_PAGE_CELLS = {"site": "site_name", "domain": "domain", "url": "url", "fetched_at": "fetched_at",
               "page_offers_treatment": "offers_treatment", "warc_record_id": "warc_record_id"}
PARQUET_SCHEMA = pa.schema(
    [("claim_id", pa.int64())] + [(c, pa.string()) for c in CLAIMS_COLUMNS[1:12]]
    + [(c, pa.int64()) for c in ("start", "end", "sent_start", "sent_end")]
    + [(c, pa.string()) for c in ("context", "context_cue", "section")]
    + [("page_offers_treatment", pa.bool_()), ("counts", pa.bool_()), ("lexicon_version", pa.string()),
       ("warc_record_id", pa.string()), ("page_id", pa.int64())])


@dataclass
class ClaimsPass:
    """What the pass leaves for the rest of the report."""

    counting: pd.DataFrame  # counting claims: KEPT + PAGE_COLUMNS_KEPT + counts (all True)
    mentions: pd.Series  # page_id -> number of claims
    counting_per_page: pd.Series  # page_id -> number of counting claims
    files: dict[str, Path] = field(default_factory=dict)  # "claims.csv" / "claims.parquet" -> path


CLAIM_SCHEMA = pa.schema(
    [("claim_id", pa.int64()), ("page_id", pa.int64()), ("kind", pa.string()), ("vocab_id", pa.string()),
     ("detail_id", pa.string()), ("matched_text", pa.string()), ("start", pa.int64()), ("end", pa.int64()),
     ("sentence", pa.string()), ("sent_start", pa.int64()), ("sent_end", pa.int64()), ("context", pa.string()),
     ("context_cue", pa.string()), ("section", pa.string()), ("lexicon_version", pa.string())])
NULLABLE = ("detail_id", "context_cue")


def claims_query(run_id: int, dialect_name: str = "", adbc: bool = False):
    """``load_run``'s claim query: same columns, same order (pages.id is claims.page_id, but
    SQLite then reads claims page by page and sorts each page's few rows, not the whole run),
    the claim id breaking ties. For an ADBC read of SQLite, the nullable text columns are
    marked (arrow_read.nullable_text)."""
    def text(column):
        return arrow_read.nullable_text(column, dialect_name) if adbc else column

    return (select(Claim.id, Claim.page_id, Claim.kind, Claim.vocab_id, text(Claim.detail_id),
                   Claim.matched_text, Claim.start, Claim.end, Claim.sentence, Claim.sent_start,
                   Claim.sent_end, Claim.context, text(Claim.context_cue), Claim.section,
                   Claim.lexicon_version)
            .join(Page, Page.id == Claim.page_id).where(Page.run_id == int(run_id))
            .order_by(Page.id, Claim.start, Claim.kind, Claim.id))


def claim_batches(store: Store, run_id: int, chunk_rows: int, prefer_adbc: bool = True):
    """The run's claims as Arrow record batches of ``CLAIM_SCHEMA``, in claims.csv order."""
    def sql_for(dialect_name: str, adbc: bool) -> str:
        query = claims_query(run_id, dialect_name, adbc)
        return str(query.compile(dialect=store.engine.dialect, compile_kwargs={"literal_binds": True}))

    return arrow_read.record_batches(store, sql_for, CLAIM_SCHEMA, NULLABLE, chunk_rows, prefer_adbc)


def start_read(store: Store, run_id: int, chunk_rows: int | None = None, prefer_adbc: bool = True):
    """``claim_batches``, read on a thread ``READ_AHEAD`` batches ahead of the caller when an
    ADBC driver reads the store (reports.background: the read runs beside the formatting,
    and starts at once, so it also runs while the caller loads the pages); otherwise the
    same batches read inline. Close the result when not reading it to the end."""
    chunk_rows = CHUNK_ROWS if chunk_rows is None else chunk_rows
    if prefer_adbc and arrow_read.adbc_reads(store):
        return background.read_ahead(lambda: claim_batches(store, run_id, chunk_rows, True), depth=READ_AHEAD,
                                     name="clinicscan-claims-read")
    return claim_batches(store, run_id, chunk_rows, prefer_adbc)


class _PageCells:
    """The page columns of claims.csv, formatted once a page, placed on each claim by index."""

    def __init__(self, pages: pd.DataFrame):
        ids = pages["page_id"].to_numpy(dtype=np.int64)
        self.page_ids = ids
        self.position = np.full(int(ids.max()) + 1 if len(ids) else 1, -1, dtype=np.int64)
        self.position[ids] = np.arange(len(ids))
        self._pages = pages
        self._fetched_at = iso_column(pages["fetched_at"])
        self.cells = {name: csv_stream.format_column(self._column(name)) for name in _PAGE_CELLS}
        # the page_id cell is the claim's page id, which is the page's
        self.cells["page_id"] = pc.cast(pa.array(ids), pa.string())
        self.segments = _page_segments(self.cells)
        offers = pages["offers_treatment"].astype(object).to_numpy()
        self.offers = np.array([bool(v) if isinstance(v, (bool, np.bool_)) else False for v in offers], dtype=bool)
        self.page_columns = {col: _plain_values(pages[col]) for col in PAGE_COLUMNS_KEPT}

    def _column(self, name: str) -> pd.Series:
        return self._fetched_at if name == "fetched_at" else self._pages[_PAGE_CELLS[name]]

    @functools.cached_property
    def raw(self) -> dict[str, pa.Array]:
        """The page columns' values unformatted (claims.parquet)."""
        return {name: _arrow(self._column(name)) for name in _PAGE_CELLS}

    def positions(self, page_ids: np.ndarray) -> np.ndarray:
        pos = self.position[page_ids]
        if (pos < 0).any():  # the join makes this impossible; say so rather than misplace rows
            raise RuntimeError("a claim's page is not among the run's pages")
        return pos


# claims.csv's columns that are the page's (page_id: a claim's page id is its page's)
_PAGE_LEVEL = frozenset(_PAGE_CELLS) | {"page_id"}


def _runs_of_columns() -> list[tuple[bool, list[str]]]:
    """CLAIMS_COLUMNS cut into runs of neighbouring page-level or claim-level columns."""
    runs: list[tuple[bool, list[str]]] = []
    for name in CLAIMS_COLUMNS:
        level = name in _PAGE_LEVEL
        if runs and runs[-1][0] == level:
            runs[-1][1].append(name)
        else:
            runs.append((level, [name]))
    return runs


def _page_segments(cells: dict[str, pa.Array]) -> list[pa.Array | str]:
    """claims.csv's columns as the line join takes them: a claim column's name, or a run of
    neighbouring page columns joined once a page (their cells and commas; the line end too
    when the run ends the line), so a chunk takes one segment per run, not a cell per column.

    Why: site, domain, URL and date, and the WARC id and page id, were taken for every claim
    column by column and joined again with the claim's cells; now each run is made once for
    40,000 pages, and the lines of a chunk need one join (tested equal to lines_of's)."""
    runs = _runs_of_columns()
    segments: list[pa.Array | str] = []
    for i, (page_level, names) in enumerate(runs):
        if not page_level:
            segments.extend(names)
            continue
        parts = [cells[name] for name in names]
        segment = parts[0] if len(parts) == 1 else pc.binary_join_element_wise(
            *parts, ",", null_handling="replace", null_replacement="")
        if i == len(runs) - 1:  # the line end (joined to "" by it)
            segment = pc.binary_join_element_wise(segment, "", csv_stream.EOL, null_handling="replace",
                                                  null_replacement="")
        segments.append(segment)
    return segments


def _plain_values(series: pd.Series) -> np.ndarray:
    """A column's values as numpy (objects for text, so taking rows copies references only)."""
    if isinstance(series.dtype, np.dtype) and series.dtype != object:
        return series.to_numpy()
    return np.asarray(series.astype(object).to_numpy(), dtype=object)


def _arrow(series: pd.Series) -> pa.Array:
    values = pa.array(series.astype(object).to_numpy(dtype=object, na_value=None), from_pandas=True)
    if pa.types.is_null(values.type):
        return values.cast(pa.string())
    return values


def stream_claims(store: Store, run_id: int, pages: pd.DataFrame, out_dir: Path,
                  formats: tuple[str, ...] = ("csv",), chunk_rows: int = CHUNK_ROWS,
                  prefer_adbc: bool = True, batches=None) -> ClaimsPass:
    """Write claims.csv (and claims.parquet when ``formats`` has "parquet") for ``run_id``,
    whose pages (``load_run``'s page frame) are ``pages``; return what the analysis needs.
    ``batches``: the read already started (``start_read``), else it starts here; it is
    closed here either way. claims.csv is written on a thread (csv_stream.CsvStream)."""
    if batches is None:
        batches = start_read(store, run_id, chunk_rows, prefer_adbc)
    try:
        return _stream_claims(batches, pages, out_dir, formats)
    finally:
        close = getattr(batches, "close", None)
        if close is not None:
            close()


def _stream_claims(batches, pages: pd.DataFrame, out_dir: Path, formats: tuple[str, ...]) -> ClaimsPass:
    page_cells = _PageCells(pages)
    n_pages = len(pages)
    mentions = np.zeros(n_pages, dtype=np.int64)
    counting_n = np.zeros(n_pages, dtype=np.int64)
    kept: dict[str, list] = {name: [] for name in KEPT + ["pos"]}
    text_codes = {name: _TextCodes() for name in CATEGORICAL}  # kept text as codes, each text once
    files: dict[str, Path] = {}
    csv_out = (csv_stream.CsvStream(out_dir / "claims.csv", CLAIMS_COLUMNS, background=True)
               if "csv" in formats else None)
    parquet_out = None
    if "parquet" in formats:
        import pyarrow.parquet as pq

        out_dir.mkdir(parents=True, exist_ok=True)
        parquet_out = pq.ParquetWriter(out_dir / "claims.parquet", PARQUET_SCHEMA)
    try:
        for batch in batches:
            col = dict(zip(CLAIM_SCHEMA.names, batch.columns))
            page_id = col["page_id"].to_numpy()
            pos = page_cells.positions(page_id)
            kind_a, context_a = col["kind"], col["context"]
            counts = (page_cells.offers[pos]
                      & pc.is_in(context_a, pa.array(COUNTED_CONTEXTS)).to_numpy(zero_copy_only=False)
                      & (pc.not_equal(kind_a, "red_flag").to_numpy(zero_copy_only=False)
                         | pc.is_in(context_a, pa.array(RED_FLAG_COUNTED_CONTEXTS)).to_numpy(zero_copy_only=False)))
            mentions += np.bincount(pos, minlength=n_pages)
            counting_n += np.bincount(pos[counts], minlength=n_pages)
            vocab_a = col["vocab_id"]
            is_kind = {name: pc.equal(kind_a, name) for name in _KIND_COLUMNS}
            columns = {
                "claim_id": col["claim_id"], "kind": kind_a,
                "detail_id": col["detail_id"], "matched_text": col["matched_text"],
                "sentence": col["sentence"], "start": col["start"], "end": col["end"],
                "sent_start": col["sent_start"], "sent_end": col["sent_end"],
                "context": context_a, "context_cue": col["context_cue"], "section": col["section"],
                "counts": pa.array(counts), "lexicon_version": col["lexicon_version"],
                "page_id": col["page_id"], "vocab_id": vocab_a,
            }
            take = pa.array(pos)
            # each text column of few distinct values (a claim's sentence too: the claims of one
            # sentence are neighbours) encoded once a chunk, for its cells and its kept codes
            encoded = {name: columns[name].dictionary_encode()
                       for name in (ENCODED if csv_out is not None else CATEGORICAL)}
            if csv_out is not None:
                vocab_cells = _repeated_cells(encoded["vocab_id"])
                cells = {name: _repeated_cells(encoded[name]) for name in REPEATED}
                for kind_name in _KIND_COLUMNS:
                    cells[kind_name] = pc.if_else(is_kind[kind_name], vocab_cells, "")
                segments = [segment.take(take) if not isinstance(segment, str)
                            else cells[segment] if segment in cells else _cells(columns[segment])
                            for segment in page_cells.segments]
                csv_out.write_cells(segments, ended=not isinstance(page_cells.segments[-1], str))
            if parquet_out is not None:
                for kind_name in _KIND_COLUMNS:
                    columns[kind_name] = pc.if_else(is_kind[kind_name], vocab_a, "")
                arrays = [page_cells.raw[name].take(take) if name in _PAGE_CELLS else columns[name]
                          for name in CLAIMS_COLUMNS]
                parquet_out.write_table(pa.Table.from_arrays(
                    [a.cast(t.type) for a, t in zip(arrays, PARQUET_SCHEMA)], schema=PARQUET_SCHEMA))
            keep = np.flatnonzero(counts)
            if len(keep):
                picked = pa.array(keep)
                kept["pos"].append(pos[keep])
                for name in KEPT:
                    kept[name].append(text_codes[name].codes_of(encoded[name], keep) if name in text_codes
                                      else columns[name].take(picked).to_numpy())
    finally:
        if csv_out is not None:
            files["claims.csv"] = csv_out.close()
        if parquet_out is not None:
            parquet_out.close()
            files["claims.parquet"] = out_dir / "claims.parquet"
    ids = pd.Index(page_cells.page_ids, name="page_id")
    # the last chunk's arrays go before the memory is handed back (they held ~20 MiB of the
    # heap's top, and the frame's peak stacked on it)
    batch = col = columns = encoded = cells = vocab_cells = segments = take = None  # noqa: F841
    release_memory()  # the batches read and written, before the frame is built
    return ClaimsPass(counting=_counting_frame(kept, text_codes, page_cells), mentions=pd.Series(mentions, index=ids),
                      counting_per_page=pd.Series(counting_n, index=ids), files=files)


def _cells(values: pa.Array) -> pa.Array:
    """One claims.csv column of a chunk as formatted cells (csv_stream's rules)."""
    if pa.types.is_boolean(values.type):
        return csv_stream.format_booleans(values)
    if pa.types.is_integer(values.type):
        return pc.cast(values, pa.string())
    if pa.types.is_null(values.type):
        return values.cast(pa.string())
    if values.type != pa.string():
        values = values.cast(pa.string())
    return csv_stream.format_text(values)


def _repeated_cells(encoded: pa.DictionaryArray) -> pa.Array:
    """Cells of a column with few distinct values (kinds, ids, contexts, a chunk's sentences),
    given dictionary-encoded: each distinct value formatted once.

    Why for sentences: a sentence naming three things is the sentence of three claims, side by
    side in claims.csv order; formatting (two regular expressions over ~170 characters, the
    quoting) each distinct sentence of a chunk once took 1.5 -> 0.55 s of CPU at a million claims."""
    return csv_stream.format_text(encoded.dictionary).take(encoded.indices)


class _TextCodes:
    """Codes for a text column kept chunk by chunk: each distinct text becomes one Python string
    the first time a chunk holds it, and a chunk's rows keep only its code.

    Why: the kept chunks held every counting claim's text in Arrow until the end, then were
    joined and encoded whole; for the sentences (400,000 distinct in a million claims) that
    end alone raised the peak by 230 MiB."""

    def __init__(self):
        self.index: dict[str, int] = {}

    def codes_of(self, encoded: pa.DictionaryArray, rows: np.ndarray) -> np.ndarray:
        """``codes(values.take(rows))`` for ``encoded``, ``values`` dictionary-encoded (the
        chunk's encoding, made once for its cells too): the same codes, and the same new texts
        in the same order (their first appearance among ``rows``), without encoding the
        rows' text again."""
        indices = pc.fill_null(encoded.indices, -1).to_numpy(zero_copy_only=False).astype(np.int64)[rows]
        present = indices >= 0
        distinct, first = np.unique(indices[present], return_index=True)
        order = distinct[np.argsort(first, kind="stable")]  # by first appearance among the rows
        if not len(order):  # no rows, or every value null
            return np.full(len(indices), -1, dtype=np.int32)
        index = self.index
        local = np.full(len(encoded.dictionary), -1, dtype=np.int64)
        local[order] = np.fromiter((index.setdefault(text, len(index))
                                    for text in encoded.dictionary.take(pa.array(order)).to_pylist()),
                                   dtype=np.int64, count=len(order))
        return np.where(present, local[np.maximum(indices, 0)], -1).astype(np.int32)

    def codes(self, values: pa.Array) -> np.ndarray:
        encoded = values.dictionary_encode()
        index = self.index
        local = np.fromiter((index.setdefault(text, len(index)) for text in encoded.dictionary.to_pylist()),
                            dtype=np.int64, count=len(encoded.dictionary))
        if not len(local):  # every value null
            return np.full(len(values), -1, dtype=np.int32)
        positions = encoded.indices.to_numpy(zero_copy_only=False)
        if encoded.null_count:
            nulls = pc.is_null(encoded).to_numpy(zero_copy_only=False)
            return np.where(nulls, -1, local[np.where(nulls, 0, positions).astype(np.int64)]).astype(np.int32)
        return local[positions].astype(np.int32)

    def categorical(self, chunks: list[np.ndarray], sort: bool) -> pd.Categorical:
        """The chunks' codes as one categorical whose categories are the texts as Python strings
        (reading a row's value shares its category's string), sorted like the strings when
        ``sort`` (a groupby then walks them in the order an object column would), else in order
        of first appearance."""
        codes = np.concatenate(chunks) if chunks else np.zeros(0, dtype=np.int32)
        labels = list(self.index)
        self.index = {}
        if sort and labels:
            order = sorted(range(len(labels)), key=labels.__getitem__)
            recode = np.empty(len(labels), dtype=np.int32)
            recode[order] = np.arange(len(labels), dtype=np.int32)
            codes = np.where(codes >= 0, recode[np.maximum(codes, 0)], -1)
            labels = [labels[i] for i in order]
        return pd.Categorical.from_codes(codes, categories=pd.Index(labels, dtype=object))


def _counting_frame(kept: dict[str, list], text_codes: dict[str, _TextCodes], page_cells: _PageCells) -> pd.DataFrame:
    pos = np.concatenate(kept["pos"]) if kept["pos"] else np.zeros(0, dtype=np.int64)
    data: dict[str, object] = {}
    for name in KEPT:
        chunks = kept.pop(name)
        if name in text_codes:  # sentences in order of first appearance, the rest sorted
            data[name] = text_codes[name].categorical(chunks, sort=name != "sentence")
        else:
            data[name] = (np.concatenate(chunks) if chunks
                          else np.zeros(0, dtype=np.int64))
    for col in PAGE_COLUMNS_KEPT:
        values = page_cells.page_columns[col][pos]
        data[col] = pd.Series(values, dtype=object) if values.dtype == object else values
    frame = pd.DataFrame(data, copy=False)  # each column its own block: no stacking copy
    frame["counts"] = np.ones(len(frame), dtype=bool)
    return frame
