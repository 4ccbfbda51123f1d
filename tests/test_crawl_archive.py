"""The WARC archive pipeline: records at their offsets, rotation, and repair after a kill."""

from __future__ import annotations

import base64
import gzip
import hashlib
import os
import re
import zlib
from datetime import datetime, timezone
from io import BytesIO

import pytest
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.utils import Digester
from warcio.warcwriter import WARCWriter

from clinicscan.crawler.items import PageItem
from clinicscan.crawler.pipelines.archive import WarcArchivePipeline, complete_members_end


def page(n: int) -> PageItem:
    body = f"<html><body><h1>Fictional page {n}</h1>{os.urandom(300).hex()}</body></html>".encode()
    return PageItem(
        url=f"http://127.0.0.1:9/p/{n}", site="127.0.0.1:9", final_url=f"http://127.0.0.1:9/p/{n}",
        status=200, fetched_at=datetime.now(timezone.utc), content_type="text/html", depth=1,
        body=body, html=body.decode(), content_hash="-",
        response_headers=[("Content-Type", "text/html"), ("Content-Encoding", "gzip")],
        request_headers=[("User-Agent", "clinicscan-test")],
    )


def read_all(run_dir):
    records = []
    for path in sorted(run_dir.glob("*.warc.gz")):
        with path.open("rb") as handle:
            for record in ArchiveIterator(handle):
                records.append((path, record.rec_type, record.rec_headers.get_header("WARC-Target-URI"),
                                record.content_stream().read()))
    return records


def test_records_rotate_and_point_at_their_response(tmp_path):
    pipeline = WarcArchivePipeline(tmp_path, run_id=7, max_records=4)
    pipeline.open_spider()
    items = [pipeline.process_item(page(n)) for n in range(5)]
    assert list((tmp_path / "run-7").glob("*.open"))  # the current segment is still open
    pipeline.close_spider()

    run_dir = tmp_path / "run-7"
    assert len(list(run_dir.glob("*.warc.gz"))) == 3  # 2 pages (4 records) per segment
    assert not list(run_dir.glob("*.open"))
    for item in items:
        with open(item.warc_file, "rb") as handle:
            handle.seek(item.warc_offset)
            record = next(iter(ArchiveIterator(handle)))
            assert record.rec_headers.get_header("WARC-Record-ID") == item.warc_record_id
            assert record.rec_headers.get_header("WARC-Target-URI") == item.url
            assert record.http_headers.get_header("X-Archive-Orig-Content-Encoding") == "gzip"
            assert record.http_headers.get_header("Content-Encoding") is None
            assert record.content_stream().read() == item.body
    kinds = [kind for _, kind, _, _ in read_all(run_dir)]
    assert kinds.count("response") == 5 and kinds.count("request") == 5 and kinds.count("warcinfo") == 3


def test_torn_segment_is_cut_back_and_closed_on_the_next_open(tmp_path):
    first = WarcArchivePipeline(tmp_path, run_id=1)
    first.open_spider()
    kept = [first.process_item(page(n)) for n in range(3)]
    torn = first.segment.path
    first.segment.handle.close()  # the process dies here: no close_spider
    size = torn.stat().st_size
    with torn.open("ab") as handle:  # half of a record's gzip member
        handle.write(first._response_member(page(99), "<urn:uuid:torn>")[:700])
    assert complete_members_end(torn) == size

    second = WarcArchivePipeline(tmp_path, run_id=1)
    second.open_spider()
    assert not torn.exists()
    repaired = torn.with_name(torn.name.removesuffix(".open"))
    assert repaired.stat().st_size == size
    second.process_item(page(3))
    second.close_spider()

    uris = [uri for _, kind, uri, _ in read_all(tmp_path / "run-1") if kind == "response"]
    assert uris == [item.url for item in kept] + ["http://127.0.0.1:9/p/3"]


def test_segment_with_no_complete_record_is_removed(tmp_path):
    run_dir = tmp_path / "run-2"
    run_dir.mkdir()
    (run_dir / "clinicscan-run2-x-00001.warc.gz.open").write_bytes(b"\x1f\x8b\x08\x00garbage")
    pipeline = WarcArchivePipeline(tmp_path, run_id=2)
    pipeline.open_spider()
    pipeline.close_spider()
    assert list(run_dir.iterdir()) == []


def test_a_segment_another_crawler_is_writing_is_left_alone(tmp_path):
    writing = WarcArchivePipeline(tmp_path, run_id=3)
    writing.open_spider()
    writing.process_item(page(1))
    live = writing.segment.path
    size = live.stat().st_size

    joining = WarcArchivePipeline(tmp_path, run_id=3)  # a second process on the same run
    joining.open_spider()
    assert live.exists() and live.stat().st_size == size

    writing.close_spider()
    joining.close_spider()
    assert [kind for _, kind, _, _ in read_all(tmp_path / "run-3")] == ["warcinfo", "response", "request"]


class _Sha256Writer(WARCWriter):
    """warcio's writer with SHA-256 digests (its own default is SHA-1)."""

    @staticmethod
    def _create_digester():
        return Digester("sha256")


def _warcio_bytes(record) -> bytes:
    """What warcio's own writer writes for ``record`` (uncompressed) with SHA-256 digests,
    the labels in hex as the archive writes them (warcio writes base32)."""
    out = BytesIO()
    _Sha256Writer(out, gzip=False).write_record(record)
    return re.sub(rb"(WARC-(?:Payload|Block)-Digest: sha256:)([A-Z2-7=]+)",
                  lambda m: m.group(1) + base64.b32decode(m.group(2)).hex().encode(), out.getvalue())


@pytest.mark.parametrize("status, headers", [
    (200, [("Content-Type", "text/html; charset=utf-8"), ("Content-Encoding", "gzip")]),
    (203, [("Content-Type", "text/html"), ("X-Note", "caf\u00e9 cr\u00e8me")]),  # %-encoded by warcio
    (299, []),  # no reason phrase
])
def test_records_are_the_bytes_warcio_writes(tmp_path, status, headers):
    """The archive serialises records itself (cheaper than warcio's builder); a reader must
    not see a difference: same headers in the same order, same digests, same HTTP block."""
    item = page(1)
    item.content_hash = hashlib.sha256(item.body).hexdigest()  # as the spider sets it
    item.status, item.response_headers = status, headers
    item.final_url = "http://127.0.0.1:9/p/1?b=2&a=1"
    item.request_headers = [("User-Agent", "clinicscan-test"), ("Accept-Language", "en")]
    pipeline = WarcArchivePipeline(tmp_path, run_id=1)
    date = pipeline._warc_date(item)
    builder = _Sha256Writer(None, gzip=False)
    http_headers = [(f"X-Archive-Orig-{n}" if n.lower() in ("content-encoding", "content-length") else n, v)
                    for n, v in headers] + [("Content-Length", str(len(item.body)))]
    phrase = {200: "OK", 203: "Non-Authoritative Information"}.get(status, "")
    expected_response = builder.create_warc_record(
        item.final_url, "response", payload=BytesIO(item.body), length=len(item.body),
        http_headers=StatusAndHeaders(f"{status} {phrase}".strip(), http_headers, protocol="HTTP/1.1"),
        warc_headers_dict={"WARC-Date": date})
    response_id = expected_response.rec_headers.get_header("WARC-Record-ID")
    expected_request = builder.create_warc_record(
        item.final_url, "request", payload=BytesIO(b""), length=0,
        http_headers=StatusAndHeaders("GET /p/1?b=2&a=1 HTTP/1.1",
                                      [("Host", "127.0.0.1:9"), *item.request_headers], is_http_request=True),
        warc_headers_dict={"WARC-Date": date, "WARC-Concurrent-To": response_id})
    request_id = expected_request.rec_headers.get_header("WARC-Record-ID")

    ours = gzip.decompress(pipeline._response_member(item, response_id))
    assert ours == _warcio_bytes(expected_response)
    assert f"WARC-Payload-Digest: sha256:{item.content_hash}\r\n".encode() in ours
    ours_request = gzip.decompress(pipeline._request_member(item, response_id))
    ours_id = re.search(rb"WARC-Record-ID: (<urn:uuid:[0-9a-f-]+>)", ours_request).group(1)
    assert ours_request.replace(ours_id, request_id.encode()) == _warcio_bytes(expected_request)


def test_records_are_compressed_by_isal_and_read_by_any_gzip_reader(tmp_path):
    """ISA-L (the isal dependency) writes plain gzip members at a third of zlib's CPU."""
    from clinicscan.crawler import warc_records

    assert warc_records.GZIP_LIBRARY == "isal.isal_zlib"
    member = warc_records.gzip_member([b"WARC/1.0\r\n", b"x" * 50_000], level=1)
    assert zlib.decompress(member, zlib.MAX_WBITS | 16) == b"WARC/1.0\r\n" + b"x" * 50_000
    assert len(member) < 1_000


def test_record_ids_are_what_uuid_makes():
    """The archive builds record ids itself (cheaper than a UUID object): random version-4
    UUIDs in warcio's form."""
    import uuid

    from clinicscan.crawler import warc_records

    ids = {warc_records.new_record_id() for _ in range(2000)}
    assert len(ids) == 2000
    for record_id in ids:
        assert record_id.startswith("<urn:uuid:") and record_id.endswith(">")
        value = uuid.UUID(record_id[len("<urn:uuid:"):-1])
        assert value.version == 4 and value.variant == uuid.RFC_4122
        assert record_id == f"<urn:uuid:{value}>"


def test_digests_are_sha256_and_the_payload_digest_is_the_pages_content_hash(tmp_path):
    """Both digests of every record are SHA-256, which warcio verifies; the response's
    payload digest is the spider's content_hash of the body (no second pass over it), and a
    page without a usable one (a hand-made item) gets the body hashed."""
    pipeline = WarcArchivePipeline(tmp_path, run_id=4)
    pipeline.open_spider()
    items = [page(n) for n in range(3)]
    items[0].content_hash = hashlib.sha256(items[0].body).hexdigest()
    items[1].content_hash = "-"
    items[2].content_hash = "Z" * 64  # 64 characters, not hex
    for item in items:
        pipeline.process_item(item)
    pipeline.close_spider()
    labels = []
    for path in sorted((tmp_path / "run-4").glob("*.warc.gz")):
        with path.open("rb") as handle:
            for record in ArchiveIterator(handle, check_digests="raise"):
                content = record.content_stream().read()  # the check runs as it is read
                if record.rec_type in ("response", "request"):
                    payload = record.rec_headers.get_header("WARC-Payload-Digest")
                    block = record.rec_headers.get_header("WARC-Block-Digest")
                    assert payload == "sha256:" + hashlib.sha256(content).hexdigest()
                    assert block.startswith("sha256:") and len(block) == 7 + 64
                    labels.append(payload)
    assert labels[0::2] == ["sha256:" + hashlib.sha256(item.body).hexdigest() for item in items]
    assert labels[1] == "sha256:" + hashlib.sha256(b"").hexdigest()  # a request has no payload

    # the spider's hash is taken at its word (the store checks bodies read back against it)
    from clinicscan.crawler import warc_records

    told = "ab" * 32
    assert warc_records.payload_digest(told, b"anything") == told
    assert warc_records.payload_digest(None, b"x") == hashlib.sha256(b"x").hexdigest()
