"""Opening the store: one engine per database URL, the schema created on first use.

SQLite gets WAL mode and foreign keys so a crawl writer and a reader can share the file and
a killed process leaves a consistent database. Connection problems surface here, once,
before any stage starts work.
"""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from sqlalchemy import create_engine, event, inspect, select, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from clinicscan.errors import StoreUnavailable
from clinicscan.store.models import Base, Site


def _normalise_url(url: str) -> str:
    """Let users write ``postgresql://`` and get the psycopg 3 driver we ship."""
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


class Store:
    """An open database: the engine, a session factory and a few shared upserts.

    A context manager: ``with open_store(url) as store: ...`` disposes of the engine's
    connections on the way out (the data stays; the store can be opened again).
    """

    def __init__(self, engine: Engine):
        self.engine = engine
        self.sessions = sessionmaker(engine, expire_on_commit=False)

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session that commits on success and rolls back on error."""
        with self.sessions() as session:
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    def upsert_site(
        self,
        session: Session,
        domain: str,
        name: str,
        seed_url: str,
        country: str | None = None,
        region: str | None = None,
        source: str | None = None,
    ) -> Site:
        """Return the site for ``domain``, creating it or filling in newly known details."""
        site = session.scalar(select(Site).where(Site.domain == domain))
        if site is None:
            site = Site(domain=domain, name=name, seed_url=seed_url,
                        country=country, region=region, source=source)
            session.add(site)
            session.flush()
        else:
            site.name = name or site.name
            site.country = country or site.country
            site.region = region or site.region
            site.source = source or site.source
        return site

    def dispose(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.dispose()

    def __repr__(self) -> str:
        return f"<Store {self.url}>"


#: columns added to tables after stores were first made (``create_all`` adds only tables):
#: (table, column, SQL type), added to an older store when it is opened
ADDED_COLUMNS = (("pages", "html_encoding", "VARCHAR(40)"),)


def add_missing_columns(engine: Engine) -> list[str]:
    """Add the columns a store made by an older version lacks (``ADDED_COLUMNS``), so every
    stage reads it; returns the columns added, as ``table.column``."""
    added = []
    found = inspect(engine)
    for table, column, sql_type in ADDED_COLUMNS:
        if not found.has_table(table) or column in {col["name"] for col in found.get_columns(table)}:
            continue
        try:
            with engine.begin() as conn:
                conn.execute(text(f"ALTER TABLE {table} ADD COLUMN {column} {sql_type}"))
        except SQLAlchemyError as exc:
            # another process opening the same old store added it first
            if column not in {col["name"] for col in inspect(engine).get_columns(table)}:
                reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()
                raise StoreUnavailable(
                    f"the database was made by an older clinicscan and needs the column "
                    f"{table}.{column}, which could not be added ({reason[0] if reason else exc}); "
                    f"add it as the database's owner: ALTER TABLE {table} ADD COLUMN {column} "
                    f"{sql_type}") from exc
            continue
        added.append(f"{table}.{column}")
    return added


def open_store(url: str, create: bool = True) -> Store:
    """Connect to ``url``, create the schema if needed, and fail early with a clear message."""
    url = _normalise_url(url)
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StoreUnavailable(
            f"cannot parse database URL {url!r}: {exc}. Use e.g. sqlite:///clinicscan.db "
            "or postgresql://user@host/dbname"
        ) from exc
    kwargs: dict = {}
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        kwargs["connect_args"] = {"timeout": 30}
    else:
        kwargs["pool_pre_ping"] = True
        kwargs["connect_args"] = {"connect_timeout": 10}
    try:
        engine = create_engine(parsed, **kwargs)
    except (ArgumentError, ImportError, SQLAlchemyError) as exc:
        raise StoreUnavailable(f"cannot use database {url!r}: {exc}") from exc
    if parsed.get_backend_name() == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    try:
        with engine.connect():
            pass
        if create:
            Base.metadata.create_all(engine)
            add_missing_columns(engine)
    except (OperationalError, SQLAlchemyError) as exc:
        engine.dispose()
        first_line = str(exc.orig if getattr(exc, "orig", None) else exc).strip().splitlines()[0]
        raise StoreUnavailable(
            f"cannot connect to the database {parsed.render_as_string(hide_password=True)}: "
            f"{first_line}. Check that the server is running and the URL (--db or "
            "CLINICSCAN_DB) is right."
        ) from exc
    return Store(engine)
