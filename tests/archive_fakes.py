"""Stand-ins the archive tests share: a page item, a file that fills up, a stats collector.

The page bodies are random hex, so they do not compress and a few pages fill a small
"disk"; BODY_MARK lets a test check that no page body reached the log.
"""

from __future__ import annotations

import errno
import hashlib
import os
from datetime import datetime, timezone

from clinicscan.crawler.items import PageItem

BODY_MARK = "UNCOMPRESSIBLE-BODY-TEXT"
SITE = "127.0.0.1:9"


def page(n: int, size: int = 4000) -> PageItem:
    """Fictional page ``n`` of ``SITE`` with about ``size`` characters of incompressible body."""
    body = (f"<html><body><h1>Fictional page {n}</h1><p>{BODY_MARK}"
            f"{os.urandom(size // 2).hex()}</p></body></html>").encode()
    return PageItem(url=f"http://{SITE}/p/{n}", site=SITE, final_url=f"http://{SITE}/p/{n}",
                    status=200, fetched_at=datetime.now(timezone.utc), content_type="text/html",
                    depth=1, body=body, html=body.decode(), encoding="utf-8",
                    content_hash=hashlib.sha256(body).hexdigest())


class FillingFile:
    """An unbuffered file that runs out of room after ``room`` more bytes: the write that
    crosses the limit puts part of its bytes on disk, as a real full disk does."""

    def __init__(self, raw, room: int):
        self.raw, self.room = raw, room

    def write(self, data) -> int:
        if self.room <= 0:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        written = self.raw.write(bytes(data[: self.room]))
        self.room -= written
        return written

    def __getattr__(self, name):
        return getattr(self.raw, name)


class RecordingStats:
    """Scrapy's stats collector, as far as the pipelines use it: the values kept to read."""

    def __init__(self):
        self.values: dict = {}

    def inc_value(self, key, count=1):
        self.values[key] = self.values.get(key, 0) + count

    def set_value(self, key, value):
        self.values[key] = value
