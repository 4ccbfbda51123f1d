"""Bulk inserts that keep the existing row on a unique-key clash, on SQLite and PostgreSQL.

The crawl's store pipeline and frontier add pages and URLs in batches that may repeat rows
a killed crawl already committed; the first copy wins.
"""

from __future__ import annotations

from sqlalchemy import Connection
from sqlalchemy.dialects import postgresql, sqlite

__all__ = ["insert_ignoring_duplicates"]

_DIALECT_INSERTS = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}


def insert_ignoring_duplicates(conn: Connection, table, rows: list[dict]) -> None:
    """INSERT rows, silently keeping the existing row on a unique-key clash."""
    if not rows:
        return
    insert = _DIALECT_INSERTS.get(conn.dialect.name)
    if insert is None:  # pragma: no cover - only SQLite and PostgreSQL are supported
        raise RuntimeError(f"unsupported database dialect {conn.dialect.name}")
    conn.execute(insert(table).on_conflict_do_nothing(), rows)
