"""A query's rows as Arrow record batches, read by the ADBC driver of the store's engine
(SQLite or PostgreSQL), or from the DB-API cursor when there is no such driver for it.

Why: the sqlite3 module and psycopg make a Python object of every cell, 15 million for a
million claims (about 5 s of CPU to fetch, transpose and free before any work). The ADBC
drivers hand over columns as Arrow arrays: the same million rows cost 1.7 s, and nothing
per cell lives in Python. The DB-API path stays for stores ADBC cannot open (an in-memory
SQLite database) and is the reference the ADBC path is tested against.

SQLite has no column types, so its ADBC driver types a column by the values of the first
batch; a text column that is NULL in all of them would be typed as integers and the next
batch fail. ``nullable_text`` turns such a column into text that is never NULL (a marker
character before each value, '' for NULL) and ``restore_nulls`` undoes it on the Arrow side.

The ADBC driver brings its own SQLite library; two copies in one process do not see each
other's locks, and a read-write ADBC connection closing removed the WAL files under the
sqlite3 module's open store ("disk I/O error" on its next connection). The ADBC connection
is therefore read-only (``mode=ro``), which never checkpoints or removes them.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pyarrow as pa
import pyarrow.compute as pc
from sqlalchemy import func, literal

from clinicscan.store import Store

__all__ = ["adbc_connect", "adbc_reads", "nullable_text", "record_batches", "restore_nulls"]

_MARK = "."


def _adbc_driver(url):
    """The ADBC DB-API module that can open ``url``'s database on its own connection, or None
    (no driver installed, or an in-memory SQLite database no other connection can see)."""
    backend = url.get_backend_name()
    try:
        if backend == "sqlite":
            if not url.database or url.database == ":memory:" or url.database.startswith("file:"):
                return None
            import adbc_driver_sqlite.dbapi as driver
            return driver
        if backend == "postgresql":
            import adbc_driver_postgresql.dbapi as driver
            return driver
    except ImportError:
        return None
    return None


def adbc_reads(store: Store) -> bool:
    """Whether ``record_batches`` reads ``store`` through an ADBC driver (its own connection,
    which any thread may open), not through the engine's DB-API connection (an in-memory
    SQLite database is one connection per thread: another thread would see an empty one)."""
    return _adbc_driver(store.engine.url) is not None


def adbc_connect(store: Store):
    """An ADBC DB-API connection to ``store``'s database, or None when there is no driver for
    it (not installed, or an in-memory SQLite database another connection cannot see)."""
    url = store.engine.url
    driver = _adbc_driver(url)
    if driver is None:
        return None
    if url.get_backend_name() == "sqlite":
        return driver.connect(f"file:{quote(str(Path(url.database).resolve()))}?mode=ro")
    return driver.connect(url.set(drivername="postgresql").render_as_string(hide_password=False))


def nullable_text(column, dialect_name: str):
    """``column`` as the query should select it for ADBC: SQLite's nullable text marked."""
    if dialect_name != "sqlite":
        return column
    return func.coalesce(literal(_MARK).concat(column), "")


def restore_nulls(values: pa.Array) -> pa.Array:
    """The inverse of ``nullable_text`` on SQLite: '' -> NULL, the marker dropped."""
    if values.type != pa.string():
        values = values.cast(pa.string())
    stripped = pc.utf8_slice_codeunits(values, 1)
    return pc.if_else(pc.equal(values, ""), pa.scalar(None, pa.string()), stripped)


def record_batches(store: Store, sql_for, schema: pa.Schema, nullable: tuple[str, ...],
                   chunk_rows: int, prefer_adbc: bool = True) -> Iterator[pa.RecordBatch]:
    """The rows of ``sql_for(dialect_name, adbc)`` (the SQL text) as batches of ``schema``,
    at most ``chunk_rows`` rows each (ADBC on PostgreSQL decides its own batch sizes; the
    batches are then cut to ``chunk_rows``). ``nullable`` names the columns selected with
    ``nullable_text`` when ``adbc`` is true."""
    dialect = store.engine.dialect.name
    connection = adbc_connect(store) if prefer_adbc else None
    if connection is None:
        yield from _dbapi_batches(store, sql_for(dialect, False), schema, chunk_rows)
        return
    try:
        cursor = connection.cursor()
        if dialect == "sqlite":
            cursor.adbc_statement.set_options(**{"adbc.sqlite.query.batch_rows": str(chunk_rows)})
        try:
            cursor.execute(sql_for(dialect, True))
            reader = cursor.fetch_record_batch()
            for batch in reader:
                if not batch.num_rows:
                    continue
                arrays = []
                for i, target in enumerate(schema):
                    values = batch.column(i)
                    if dialect == "sqlite" and target.name in nullable:
                        values = restore_nulls(values)
                    arrays.append(values if values.type == target.type else values.cast(target.type))
                batch = pa.RecordBatch.from_arrays(arrays, schema=schema)
                for offset in range(0, batch.num_rows, chunk_rows):
                    yield batch.slice(offset, chunk_rows)
        finally:
            cursor.close()
    finally:
        connection.close()


def _dbapi_batches(store: Store, sql: str, schema: pa.Schema, chunk_rows: int) -> Iterator[pa.RecordBatch]:
    """The same batches from the engine's own DB-API driver (server-side cursor on PostgreSQL)."""
    with store.engine.connect() as conn:
        dbapi = conn.connection.dbapi_connection
        if conn.dialect.name == "postgresql":
            cursor = dbapi.cursor(name="clinicscan_arrow_read")
            cursor.itersize = chunk_rows
        else:
            cursor = dbapi.cursor()
        try:
            cursor.execute(sql)
            while rows := cursor.fetchmany(chunk_rows):
                columns = zip(*rows)
                yield pa.RecordBatch.from_arrays([pa.array(values, type=field.type)
                                                  for values, field in zip(columns, schema)], schema=schema)
        finally:
            cursor.close()
            conn.rollback()
