"""Reading ahead and writing behind on a second thread, so the claims pass uses both cores.

Why: at a million claims the claims pass was one thread doing three things in turn: the
store's read (ADBC: SQLite stepping or PostgreSQL's COPY stream, about 2 s of CPU), the
Arrow formatting of claims.csv's cells (about 3 s) and writing the 458 MB file (about 1 s,
mostly in the kernel). The read and the write spend their time in C with the GIL released
(pyarrow's ``read_next_batch``, ``BufferedWriter.write``), so on a thread each they run
beside the formatting instead of before and after it. Each side holds at most ``depth``
items in its queue (a few 20,000-row batches), so memory stays bounded.

Both helpers pass an exception on their thread to the caller, and stop and join their
thread when the caller stops early (an exception, or a generator closed half-way).
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterator
from typing import BinaryIO, Generic, TypeVar

__all__ = ["BackgroundWriter", "ReadAhead", "read_ahead"]

T = TypeVar("T")
_DONE = object()
_POLL = 0.1  # seconds between checks of the stop flag while a queue is full or empty


class _Failed:
    def __init__(self, error: BaseException):
        self.error = error


def read_ahead(make_items: Callable[[], Iterator[T]], depth: int = 2,
               name: str = "clinicscan-read-ahead") -> ReadAhead[T]:
    """The items of ``make_items()``, produced on a thread at most ``depth`` items ahead.

    The thread starts at once (so the producer works while the caller does something else
    before its first ``next``), and the iterator is made, consumed and closed on it (a
    database cursor stays on one thread). Close the result (or use it in a ``with``) when
    not reading it to the end."""
    return ReadAhead(make_items, depth, name)


class ReadAhead(Generic[T]):
    """See ``read_ahead``."""

    def __init__(self, make_items: Callable[[], Iterator[T]], depth: int, name: str):
        self._items: queue.Queue = queue.Queue(maxsize=max(1, depth))
        self._stop = threading.Event()
        self._finished = False
        self._make_items = make_items
        self._thread = threading.Thread(target=self._produce, name=name, daemon=True)
        self._thread.start()

    def _put(self, item) -> bool:
        while not self._stop.is_set():
            try:
                self._items.put(item, timeout=_POLL)
                return True
            except queue.Full:
                continue
        return False

    def _produce(self) -> None:
        try:
            iterator = self._make_items()
            try:
                for item in iterator:
                    if not self._put(item):
                        return
            finally:
                close = getattr(iterator, "close", None)
                if close is not None:
                    close()
        except BaseException as exc:  # handed to the consumer, raised there
            self._put(_Failed(exc))
            return
        self._put(_DONE)

    def __iter__(self) -> ReadAhead[T]:
        return self

    def __next__(self) -> T:
        if self._finished:
            raise StopIteration
        item = self._items.get()
        if item is _DONE:
            self.close()
            raise StopIteration
        if isinstance(item, _Failed):
            self.close()
            raise item.error
        return item

    def close(self) -> None:
        """Stop the producer (it closes its iterator) and wait for its thread."""
        self._finished = True
        self._stop.set()
        while self._thread.is_alive():  # unblock a producer waiting on a full queue
            try:
                self._items.get(timeout=_POLL)
            except queue.Empty:
                pass
        self._thread.join()

    def __enter__(self) -> ReadAhead[T]:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class BackgroundWriter:
    """Writes to ``handle`` on a thread, at most ``depth`` buffers behind the caller.

    ``write`` takes bytes or a memoryview (which keeps the Arrow buffer it views alive until
    written); an error on the thread is raised by the next ``write`` or by ``close``.
    ``close`` writes what is queued, joins the thread and closes ``handle``."""

    def __init__(self, handle: BinaryIO, depth: int = 2, name: str = "clinicscan-writer"):
        self._handle = handle
        self._queue: queue.Queue = queue.Queue(maxsize=max(1, depth))
        self._error: BaseException | None = None
        self._closed = False
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while True:
            data = self._queue.get()
            if data is _DONE:
                return
            if self._error is None:
                try:
                    self._handle.write(data)
                except BaseException as exc:  # raised to the caller on its next call
                    self._error = exc

    def write(self, data) -> None:
        if self._error is not None:
            raise self._error
        if self._closed:
            raise ValueError("write to a closed BackgroundWriter")
        self._queue.put(data)

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._queue.put(_DONE)
        self._thread.join()
        self._handle.close()
        if self._error is not None:
            raise self._error
