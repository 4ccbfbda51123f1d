"""One crawler per run on a SQLite database: a lock file next to the database.

Two ``clinicscan crawl`` commands with the same seeds on one SQLite file would each
resume the same run with their own in-memory queue and fetch every page twice. The first
one takes ``<database>.crawl-<run fingerprint>.lock``, an ``flock`` held for the whole crawl
with the holder's pid, host and start time written in it; the second reads who holds it
and refuses in one line. The operating system drops the ``flock`` when its process dies,
however it dies, so a lock file left by a killed crawl is stale by construction: the
next crawl notices the dead holder's pid in it, says so, and takes the lock over.

Several crawlers on one run are the PostgreSQL + ``--redis-url`` setup, which shares the
frontier in Redis; that path takes no lock.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import socket
import time
from pathlib import Path

from clinicscan.errors import ClinicscanError
from clinicscan.store import Store

logger = logging.getLogger(__name__)


class RunBusy(ClinicscanError):
    """Another live crawler holds the run."""


class RunLock:
    def __init__(self, path: Path):
        self.path = path
        self._handle = None

    def __enter__(self) -> RunLock:
        self.acquire()
        return self

    def __exit__(self, *exc) -> None:
        self.release()

    def acquire(self) -> None:
        while True:
            handle = self.path.open("a+")
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                holder = _read(handle)
                handle.close()
                raise RunBusy(
                    f"another crawler (pid {holder.get('pid', '?')} on {holder.get('host', '?')}, "
                    f"since {holder.get('since', '?')}) is crawling these seeds in this database; "
                    "wait for it to finish or stop it, then run the same command again (to crawl "
                    "one run with several processes, use PostgreSQL and --redis-url)") from None
            # the previous holder may have removed the file between our open and our lock
            if os.path.exists(self.path) and os.stat(self.path).st_ino == os.fstat(handle.fileno()).st_ino:
                break
            handle.close()
        stale = _read(handle)
        if stale.get("pid"):
            logger.warning("taking over the crawl lock %s left by pid %s on %s (since %s), which "
                           "is no longer running", self.path.name, stale["pid"],
                           stale.get("host", "?"), stale.get("since", "?"))
        handle.seek(0)
        handle.truncate()
        handle.write(json.dumps({"pid": os.getpid(), "host": socket.gethostname(),
                                 "since": time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime())}))
        handle.flush()
        self._handle = handle

    def release(self) -> None:
        if self._handle is None:
            return
        try:
            self.path.unlink()  # while still locked, so nobody takes a file about to vanish
        except FileNotFoundError:
            pass
        self._handle.close()
        self._handle = None


def _read(handle) -> dict:
    handle.seek(0)
    try:
        return json.loads(handle.read() or "{}")
    except ValueError:
        return {}


def for_sqlite(store: Store, fingerprint: str) -> RunLock | None:
    """The lock for a run of this SQLite database file (None for other databases)."""
    url = store.engine.url
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    database = Path(url.database).resolve()
    return RunLock(database.with_name(f"{database.name}.crawl-{fingerprint[:16]}.lock"))
