"""Checks that a crawl's WARC archive and database agree, record by record, after a fault.

warcio reads a record cut short by a failed write without complaint (it stops at the end
of the data), so "warcio can read it" proves little: each gzip member must be complete,
each record's block must be as long as its ``Content-Length`` says, and each stored page
must point at a whole response record holding its body.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from sqlalchemy import select
from warcio.archiveiterator import ArchiveIterator

from clinicscan.crawler.pipelines.archive import complete_members_end
from clinicscan.store import Page, open_store
from clinicscan.store.bodies import page_html


def assert_segments_whole(folder: Path) -> int:
    """Every segment closed, every gzip member complete, every record as long as it says.
    Returns the number of response records."""
    assert not list(folder.rglob("*.open")), "a segment was left open"
    responses = 0
    segments = sorted(folder.rglob("*.warc.gz"))
    assert segments, f"no WARC segment in {folder}"
    for path in segments:
        size = path.stat().st_size
        assert complete_members_end(path) == size, f"{path.name}: torn gzip member at the end"
        with path.open("rb") as handle:
            for record in ArchiveIterator(handle, no_record_parse=True):
                declared = int(record.rec_headers.get_header("Content-Length"))
                present = len(record.raw_stream.read())
                assert present == declared, (f"{path.name}: {record.rec_type} record declares "
                                             f"{declared} bytes, {present} present")
                responses += record.rec_type == "response"
    return responses


def assert_pages_point_at_whole_records(db_url: str, run_id: int) -> list[str]:
    """Each stored page of the run (once per URL) has its body in the WARC record it names.
    Returns the stored URLs."""
    store = open_store(db_url)
    try:
        with store.session() as session:
            rows = session.execute(select(Page.url, Page.warc_file, Page.warc_offset,
                                          Page.warc_record_id, Page.content_hash, Page.html,
                                          Page.html_encoding)
                                   .where(Page.run_id == run_id)).all()
    finally:
        store.dispose()
    urls = [row.url for row in rows]
    assert len(urls) == len(set(urls)), "a page was stored twice"
    for row in rows:
        with open(row.warc_file, "rb") as handle:
            handle.seek(row.warc_offset)
            record = next(iter(ArchiveIterator(handle, check_digests="raise")))
            assert record.rec_headers.get_header("WARC-Record-ID") == row.warc_record_id
            body = record.content_stream().read()  # (warcio checks both digests as it reads)
            assert hashlib.sha256(body).hexdigest() == row.content_hash, row.url
            # the payload digest is the spider's hash of the body, not a second pass
            assert record.rec_headers.get_header("WARC-Payload-Digest") == "sha256:" + row.content_hash
        # the page's text reads back (from the row, or from this record)
        assert page_html(row.html, row.warc_file, row.warc_offset, row.html_encoding,
                         row.content_hash) is not None, row.url
    return urls
