"""Bulk writes at the database's own speed, on SQLite and PostgreSQL.

Stages write rows by the hundred thousand (an extraction of 40,000 pages makes a million
claims). Going through the ORM costs more than the database does: SQLAlchemy's ORM bulk
insert splits rows whose None columns differ into separate statements and, in the
extract stage, ended up sending one INSERT a row. So rows go through Core instead:

- :func:`bulk_insert`: every row gets the same columns (missing ones take the column's
  Python-side default, as the ORM would have given them) and each value goes through its
  column type's bind processor, as for an INSERT through SQLAlchemy; then PostgreSQL
  receives them through ``COPY ... FROM STDIN`` on psycopg's connection and SQLite through
  one ``executemany`` of positional rows on sqlite3's (SQLAlchemy's own executemany costs
  about 15 µs a row in Python, more than SQLite's insert). Callers do not choose: the same
  call on either engine, inside the caller's transaction (the connection the session
  holds), so a batch still commits or rolls back as a whole, and a driver error surfaces as
  SQLAlchemy's ``DBAPIError``, as it would from ``Connection.execute``.
- :func:`insert_rows`: the same for rows given as tuples in a stated column order (the
  extract stage's claims, ~40 a page: no dict to build in the worker, pickle, merge with
  the page id and read back column by column in the parent).
- :func:`bulk_update_by_id`: one ``executemany`` UPDATE per set of columns.
- :func:`insert_ignoring_duplicates`: INSERT ... ON CONFLICT DO NOTHING, for the crawl's
  pipeline and frontier, whose batches may repeat rows a killed crawl already committed
  (the first copy wins).
"""

from __future__ import annotations

from itertools import groupby
from operator import itemgetter
from typing import Any, Iterable, Sequence

from sqlalchemy import Connection, Table, bindparam
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DBAPIError

__all__ = ["bulk_insert", "bulk_update_by_id", "insert_ignoring_duplicates", "insert_rows", "sqlite_executemany"]

_DIALECT_INSERTS = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}


def insert_ignoring_duplicates(conn: Connection, table, rows: list[dict]) -> None:
    """INSERT rows, silently keeping the existing row on a unique-key clash.

    On SQLite one executemany of ``INSERT ... ON CONFLICT DO NOTHING`` on the transaction's
    sqlite3 connection, with the values :func:`bulk_insert` would write (defaults, bind
    processors): SQLAlchemy's executemany cost the crawl's writer thread ~0.05 ms a page in
    Python, as much as SQLite's own inserts (docs/crawl-cost.md)."""
    if not rows:
        return
    dialect = conn.dialect
    if dialect.name == "sqlite" and dialect.driver == "pysqlite":
        table = _table(table)
        _executemany(conn, table, *_value_rows(conn, table, rows), on_conflict=" ON CONFLICT DO NOTHING")
        return
    insert = _DIALECT_INSERTS.get(conn.dialect.name)
    if insert is None:  # pragma: no cover - only SQLite and PostgreSQL are supported
        raise RuntimeError(f"unsupported database dialect {conn.dialect.name}")
    conn.execute(insert(table).on_conflict_do_nothing(), rows)


def _table(table_or_model) -> Table:
    return getattr(table_or_model, "__table__", table_or_model)


def _columns(table: Table, rows: Sequence[dict]) -> list[str]:
    """The columns to write: every column a row names, plus every other column that has a
    Python-side default (so COPY, which knows nothing of SQLAlchemy defaults, stores what an
    ORM insert would have). Autoincrement keys not given are left to the database."""
    named = set().union(*rows)
    unknown = set(named) - set(table.c.keys())
    if unknown:
        raise KeyError(f"{table.name} has no column(s) {', '.join(sorted(unknown))}")
    return [c.name for c in table.columns if c.name in named or c.default is not None]


def _defaults(table: Table, columns: Iterable[str]) -> dict[str, Any]:
    """Each column's Python-side default, evaluated once for the batch."""
    values = {}
    for name in columns:
        default = table.c[name].default
        if default is None:
            values[name] = None
        elif default.is_callable:
            values[name] = default.arg(None)  # SQLAlchemy wraps f() as f(context)
        elif default.is_scalar:
            values[name] = default.arg
        else:  # pragma: no cover - no model uses SQL-expression defaults
            raise TypeError(f"{table.name}.{name}: only scalar and callable defaults are supported")
    return values


def _value_rows(conn: Connection, table: Table, rows: Sequence[dict]) -> tuple[list[str], list]:
    """The column names and one sequence of database values per row: a missing column takes its
    default, and every value passes through its column type's bind processor, as it would
    for an INSERT through SQLAlchemy (a JSON column's list becomes JSON text, its None the
    JSON ``null``; a datetime becomes SQLite's text form)."""
    columns = _columns(table, rows)
    defaults = _defaults(table, columns)
    pairs = [(c, defaults[c]) for c in columns]
    processors = _bind_processors(conn, table, columns)
    # rows that name every column (the usual case) are read in C; the others fill in defaults
    getter = itemgetter(*columns) if len(columns) > 1 else (lambda row: (row[columns[0]],))
    values: list = []
    for row in rows:
        try:
            one = getter(row)
        except KeyError:
            get = row.get
            one = tuple([get(c, d) for c, d in pairs])
        if processors:
            one = list(one)
            for i, proc in processors:
                one[i] = proc(one[i])
        values.append(one)
    return columns, values


def _bind_processors(conn: Connection, table: Table, columns: Sequence[str]) -> list[tuple[int, object]]:
    """(position, bind processor) of each of ``columns`` whose type converts Python values for the driver."""
    return [(i, proc) for i, c in enumerate(columns)
            if (proc := table.c[c].type._cached_bind_processor(conn.dialect)) is not None]


def _send(conn: Connection, table: Table, columns: list[str], values: list) -> None:
    """Rows of database values into ``table``: COPY on PostgreSQL, one executemany on SQLite."""
    dialect = conn.dialect
    if dialect.name == "postgresql" and dialect.driver == "psycopg":
        _copy(conn, table, columns, values)
    elif dialect.name == "sqlite" and dialect.driver == "pysqlite":
        _executemany(conn, table, columns, values)
    else:  # pragma: no cover - only SQLite and PostgreSQL (psycopg 3) are supported
        raise RuntimeError(f"unsupported database driver {dialect.name}+{dialect.driver}")


def _copy(conn: Connection, table: Table, columns: list[str], values: list) -> None:
    """PostgreSQL: stream the rows through COPY on the transaction's own psycopg connection."""
    import psycopg
    from psycopg import sql

    target = sql.Identifier(table.schema, table.name) if table.schema else sql.Identifier(table.name)
    statement = sql.SQL("COPY {} ({}) FROM STDIN").format(target, sql.SQL(", ").join(map(sql.Identifier, columns)))
    raw = conn.connection.dbapi_connection
    try:
        with raw.cursor() as cursor, cursor.copy(statement) as copy:
            for one in values:
                copy.write_row(one)
    except psycopg.Error as exc:  # the raw connection bypasses SQLAlchemy: wrap as an INSERT's error would be
        raise DBAPIError.instance(statement.as_string(raw), None, exc, psycopg.Error,
                                  dialect=conn.dialect) from exc


def _executemany(conn: Connection, table: Table, columns: list[str], values: list,
                 on_conflict: str = "") -> None:
    """SQLite: one executemany of a plain INSERT with positional values on the transaction's
    own sqlite3 connection (SQLAlchemy's executemany spends more per row than SQLite does)."""
    quote = conn.dialect.identifier_preparer
    statement = (f"INSERT INTO {quote.format_table(table)} ({', '.join(quote.quote(c) for c in columns)}) "
                 f"VALUES ({', '.join('?' * len(columns))}){on_conflict}")
    sqlite_executemany(conn, statement, values)


def sqlite_executemany(conn: Connection, statement: str, values: list) -> None:
    """One executemany of ``statement`` on the transaction's own sqlite3 connection, a driver
    error raised as SQLAlchemy's ``DBAPIError`` (as ``Connection.execute`` would)."""
    import sqlite3

    cursor = conn.connection.dbapi_connection.cursor()
    try:
        cursor.executemany(statement, values)
    except sqlite3.Error as exc:
        raise DBAPIError.instance(statement, None, exc, sqlite3.Error, dialect=conn.dialect) from exc
    finally:
        cursor.close()


def bulk_insert(conn: Connection, table, rows: Sequence[dict]) -> None:
    """Insert ``rows`` (dicts of column name to value) into ``table`` (a Table or a model)
    in one round: COPY on PostgreSQL, one executemany on SQLite, in the caller's transaction.

    Rows may leave out columns; those get the column's Python-side default (evaluated once
    for the whole call) or NULL. Values are Python values, as for the ORM (JSON columns take
    lists and dicts).
    """
    if not rows:
        return
    table = _table(table)
    _send(conn, table, *_value_rows(conn, table, rows))


def insert_rows(conn: Connection, table, columns: Sequence[str], values: Sequence[Sequence]) -> None:
    """Insert rows given as sequences of values in ``columns``' order: what :func:`bulk_insert`
    stores for dicts naming exactly ``columns`` (each value through its column's bind
    processor, COPY on PostgreSQL, one executemany on SQLite, the caller's transaction),
    without a dict a row. Every column with a Python-side default must be among ``columns``
    (bulk_insert would fill it in; here that is the caller's to say)."""
    if not values:
        return
    table = _table(table)
    unknown = [c for c in columns if c not in table.c]
    missing = [c.name for c in table.columns if c.default is not None and c.name not in columns]
    if unknown or missing:
        raise KeyError(f"{table.name}: unknown column(s) {', '.join(unknown) or '-'}; "
                       f"column(s) with defaults not given {', '.join(missing) or '-'}")
    columns = list(columns)
    processors = _bind_processors(conn, table, columns)
    if processors:
        processed = []
        for one in values:
            one = list(one)
            for i, proc in processors:
                one[i] = proc(one[i])
            processed.append(one)
        values = processed
    _send(conn, table, columns, values)


def bulk_update_by_id(conn: Connection, table, rows: Sequence[dict], key: str = "id") -> None:
    """UPDATE rows by primary key: each row is ``{key: value, column: new value, ...}``.

    Rows naming the same columns go in one executemany; only the columns a row names are
    changed (a page whose extraction failed keeps its earlier text, as with the ORM).
    """
    if not rows:
        return
    table = _table(table)
    bind_key = f"b_{key}"
    statement = table.update().where(table.c[key] == bindparam(bind_key))

    def keyset(row: dict) -> tuple[str, ...]:
        return tuple(sorted(c for c in row if c != key))

    for _names, group in groupby(sorted(rows, key=keyset), key=keyset):
        conn.execute(statement, [{bind_key: row[key], **{c: v for c, v in row.items() if c != key}}
                                 for row in group])
