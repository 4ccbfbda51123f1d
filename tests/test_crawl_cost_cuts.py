"""What session 24 took off a full crawl's per-page cost keeps what the crawl archives and
decides (issue 9, item 6; docs/crawl-cost.md): the record pair built in fewer calls is the
pair the record builders write (and those are warcio's bytes: test_crawl_archive)."""

from __future__ import annotations

import gzip
import re
import uuid

from archive_fakes import page

from clinicscan.crawler import warc_records
from clinicscan.crawler.pipelines.archive import WarcArchivePipeline


def test_two_record_ids_from_one_random_draw_are_uuid4s():
    pairs = [warc_records.new_record_ids() for _ in range(1000)]
    ids = {record_id for pair in pairs for record_id in pair}
    assert len(ids) == 2000
    for record_id in ids:
        value = uuid.UUID(record_id[len("<urn:uuid:"):-1])
        assert value.version == 4 and value.variant == uuid.RFC_4122
        assert record_id == f"<urn:uuid:{value}>"


def test_record_member_is_the_gzipped_record():
    head = b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n"
    for payload, concurrent in ((b"hello", None), (b"", "<urn:uuid:x>")):
        member = warc_records.record_member("response", "http://127.0.0.1:9/", "2026-01-01T00:00:00.000000Z",
                                            "<urn:uuid:y>", head, payload, 1, concurrent_to=concurrent)
        assert gzip.decompress(member) == b"".join(warc_records.warc_record(
            "response", "http://127.0.0.1:9/", "2026-01-01T00:00:00.000000Z", "<urn:uuid:y>", head,
            payload, concurrent_to=concurrent))


def test_the_pair_on_disk_is_the_response_and_request_members(tmp_path):
    """write_records draws both ids at once and writes the two members it builds, byte for
    byte what ``_response_member`` and ``_request_member`` give for those ids and date."""
    pipeline = WarcArchivePipeline(tmp_path, run_id=1)
    pipeline.open_spider()
    item = page(3)
    item.request_headers = [("User-Agent", "clinicscan-test")]
    item.response_headers = [("Content-Type", "text/html"), ("Content-Encoding", "gzip")]
    assert pipeline.write_records(item)
    pipeline.close_spider()
    data = next((tmp_path / "run-1").glob("*.warc.gz")).read_bytes()[item.warc_offset:]
    response = pipeline._response_member(item, item.warc_record_id, pipeline._warc_date(item))
    request_text = gzip.decompress(data[len(response):])
    request_id = re.search(rb"WARC-Record-ID: (<urn:uuid:[0-9a-f-]+>)", request_text).group(1).decode()
    request = pipeline._request_member(item, item.warc_record_id, pipeline._warc_date(item), request_id)
    assert data == response + request
    assert b"WARC-Concurrent-To: " + item.warc_record_id.encode() in request_text
