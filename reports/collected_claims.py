"""The claims an ``extract PATH --out`` process wrote, kept as it wrote them, so that its report
need not read every claim back from the store.

Why: the extracting process holds each claim already (its workers sent it to be stored); the
report then read all of them back (0.165 ms a page of the ~0.7 ms outside the NLP stage, on
the in-memory SQLite store that ``extract PATH`` uses: one Python object a cell from sqlite3,
then Arrow), only to write claims.csv and keep the counting ones. Here each batch written is
kept once it is committed: its rows, with the ids the store gave them (read back as ids only),
as an Arrow record batch of ``claims_pass.CLAIM_SCHEMA`` sorted as the report's query sorts
(page, offset, kind, id), spilled to a temporary file (Arrow IPC) so memory does not grow
with the run.

They stand in for the store's claims only when they *are* the run's stored claims: the same
number and the same ids (count and sum of ids over the run, one query). A resumed run (an
earlier attempt stored part of it) or a page another extraction process took (PostgreSQL,
``SKIP LOCKED``) makes the report read the store as before.

``store_claims=False`` is for the store of ``extract PATH --out`` without ``--db``: an
in-memory SQLite database, new for the command and gone with it, which nothing reads after
the report. Its claims were written there only to be read back; now they are kept here alone
(with the ids that new store would have given them, 1, 2, ... in the order written), and the
store gets the pages, contact facts and site roles as before. The extract stage knows nothing of this module: it calls ``add`` on
whatever it is given (nlp and reports do not import each other).
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator, Sequence

import pyarrow as pa
import pyarrow.compute as pc
from sqlalchemy import func, select

from clinicscan.reports.claims_pass import CLAIM_SCHEMA
from clinicscan.store import Store
from clinicscan.store.models import Claim, Page

__all__ = ["CollectedClaims"]

#: the report query's order (claims_pass.claims_query): page, offset in the page text, kind, id
SORT_KEYS = [("page_id", "ascending"), ("start", "ascending"), ("kind", "ascending"), ("claim_id", "ascending")]


class CollectedClaims:
    """Claim rows as the extract stage wrote them (``add``), read back as the report's batches."""

    def __init__(self, store_claims: bool = True) -> None:
        #: False: the extract stage keeps the claims here only, not in the store (the in-memory
        #: store of one ``extract PATH --out`` command, new and read by nothing after it)
        self.store_claims = store_claims
        self.count = 0
        self.id_sum = 0
        self.in_order = True  # every batch's pages after the batch before's
        self._last_page = 0
        self._file = tempfile.TemporaryFile(prefix="clinicscan-claims-")
        self._writer: pa.ipc.RecordBatchStreamWriter | None = None
        self._sealed = False  # read: nothing more is added

    def add(self, ids: Sequence[int], rows: Sequence[Sequence]) -> None:
        """One committed batch: ``rows`` as the store was given them (``nlp.extract.CLAIM_COLUMNS``,
        the page id first), ``ids`` the ids the store gave them, in the same order."""
        if len(ids) != len(rows):
            raise ValueError(f"{len(ids)} ids for {len(rows)} claim rows")
        if self._sealed:
            raise RuntimeError("claims added after they were read")
        if not rows:
            return
        columns = list(zip(*rows))
        arrays = [pa.array(ids, type=pa.int64())]
        arrays.extend(pa.array(values, type=field.type) for values, field in zip(columns, list(CLAIM_SCHEMA)[1:]))
        batch = pa.RecordBatch.from_arrays(arrays, schema=CLAIM_SCHEMA)
        batch = batch.take(pc.sort_indices(batch, sort_keys=SORT_KEYS))
        first, last = pc.min_max(batch.column(1)).values()
        if first.as_py() <= self._last_page:
            self.in_order = False
        self._last_page = max(self._last_page, last.as_py())
        if self._writer is None:
            self._writer = pa.ipc.new_stream(self._file, CLAIM_SCHEMA)
        self._writer.write_batch(batch)
        self.count += len(ids)
        self.id_sum += sum(ids)

    def stand_for_store(self, store: Store, run_id: int) -> bool:
        """Whether these are the run's claims: the store's (the same count and sum of ids), or,
        when they were not stored, the only ones (the store holds none of the run)."""
        with store.session() as session:
            count, id_sum = session.execute(
                select(func.count(Claim.id), func.coalesce(func.sum(Claim.id), 0))
                .join(Page, Page.id == Claim.page_id).where(Page.run_id == run_id)).one()
        if not self.store_claims:
            return int(count) == 0
        return int(count) == self.count and int(id_sum) == self.id_sum

    def batches(self) -> Iterator[pa.RecordBatch]:
        """The kept claims in the report query's order: the batches as added when each came after
        the one before in page order (as the extract stage writes them), else sorted whole."""
        self._sealed = True
        if self._writer is not None:
            self._writer.close()
            self._writer = None
        if not self.count:
            return
        self._file.seek(0)
        with pa.ipc.open_stream(pa.PythonFile(self._file, mode="r")) as reader:
            if self.in_order:
                yield from reader
                return
            table = reader.read_all()
        yield from table.take(pc.sort_indices(table, sort_keys=SORT_KEYS)).combine_chunks().to_batches()

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> CollectedClaims:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
