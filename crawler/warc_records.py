"""A page's WARC ``response`` and ``request`` records, serialised and gzipped in one pass.

warcio's ``RecordBuilder`` is general: it reads the payload back through a stream in 16 KB
chunks, keeps headers in lists searched case-insensitively (a dozen lookups a record) and
writes the record to a buffer in pieces, which was about half of the archive pipeline's
CPU at 25 KB pages (bench/crawl.py, docs/crawl-cost.md). This module writes the bytes
warcio writes with a SHA-256 digester (WARC/1.0, the same headers in the same order,
non-ASCII HTTP header values percent-encoded by warcio itself), the digest labels in hex
instead of base32, with a few joins; ``tests/test_crawl_archive.py`` compares the two byte
for byte and has warcio verify the digests.

The digests are SHA-256, labelled ``sha256:`` and the digest in hex (WARC 1.0 and 1.1 leave
both the algorithm and its encoding open; warcio's digest check reads base32, hex or
base64). The payload digest is the SHA-256 the spider already took of the same body for the
page's ``content_hash`` (the store checks every body it reads back against it), so a page's
25 KB payload is hashed twice (that hash, then the block digest over head and payload), not
three times as with the SHA-1 labels written before session 25, and a label is a string
concatenation, not a base32 encoding. Older records keep their ``sha1:`` labels and read as
before.

Each record is its own gzip member (WARC annex D), compressed by ISA-L when the ``isal``
package is installed (a third of zlib's CPU at level 1 for files no larger), else by zlib.
warcio still writes the ``warcinfo`` record of each segment and reads everything.
"""

from __future__ import annotations

import hashlib
import os
import zlib
from http import HTTPStatus

from warcio.statusandheaders import StatusAndHeaders

try:  # ISA-L's deflate: same gzip format, ~0.05 instead of ~0.13 ms for a 25 KB page
    from isal import isal_zlib as _deflate
except ImportError:  # pragma: no cover - isal is a dependency; zlib is the fallback
    _deflate = zlib  # type: ignore[assignment]

__all__ = ["GZIP_LIBRARY", "gzip_member", "small_record_level", "http_response_head", "http_request_head",
           "new_record_id", "new_record_ids", "payload_digest", "record_member", "warc_record"]

GZIP_LIBRARY = _deflate.__name__
_GZIP_WBITS = zlib.MAX_WBITS | 16
# isal offers levels 0-3 (its 1 compresses like zlib's 1); zlib 0-9
_MAX_LEVEL = 3 if _deflate is not zlib else 9
_WARC_CONTENT_TYPES = {"response": "application/http; msgtype=response",
                       "request": "application/http; msgtype=request"}


def new_record_id() -> str:
    """``<urn:uuid:...>`` of a random (version 4) UUID, as ``uuid.uuid4()`` makes it: the
    same 122 random bits and version/variant bits, without building a ``UUID`` object
    (half of its cost, twice a page)."""
    raw = bytearray(os.urandom(16))
    raw[6] = (raw[6] & 0x0F) | 0x40  # version 4
    raw[8] = (raw[8] & 0x3F) | 0x80  # RFC 4122 variant
    h = raw.hex()
    return f"<urn:uuid:{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}>"


def new_record_ids() -> tuple[str, str]:
    """Two record ids (a page's ``response`` and ``request`` records), each as
    ``new_record_id`` makes it, from one ``os.urandom`` call."""
    raw = bytearray(os.urandom(32))
    raw[6] = (raw[6] & 0x0F) | 0x40
    raw[8] = (raw[8] & 0x3F) | 0x80
    raw[22] = (raw[22] & 0x0F) | 0x40
    raw[24] = (raw[24] & 0x3F) | 0x80
    h = raw.hex()
    return (f"<urn:uuid:{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:32]}>",
            f"<urn:uuid:{h[32:40]}-{h[40:44]}-{h[44:48]}-{h[48:52]}-{h[52:]}>")


_EMPTY_LABEL = "sha256:" + hashlib.sha256(b"").hexdigest()  # every request record's payload digest


def payload_digest(content_hash: str | None, payload: bytes) -> str:
    """The payload's SHA-256 in hex: the page's ``content_hash`` (the hex SHA-256 the spider
    took of this very body) when it is one, else hashed here."""
    if (content_hash is not None and len(content_hash) == 64
            and not content_hash.strip("0123456789abcdef")):
        return content_hash
    return hashlib.sha256(payload).hexdigest()


def _http_head(first_line: str, headers: list[tuple[str, str]]) -> bytes:
    """Status or request line and headers, CRLF-terminated, as warcio's ``to_ascii_bytes``
    writes them (values that are not ASCII are %-encoded by warcio, as before)."""
    text = first_line + "\r\n" + "".join([f"{name}: {value}\r\n" for name, value in headers]) + "\r\n"
    try:
        return text.encode("ascii")
    except UnicodeEncodeError:
        return StatusAndHeaders(first_line, list(headers)).to_ascii_bytes()


_REASONS = {status.value: status.phrase for status in HTTPStatus}  # (an Enum call a page: ~1 us)


def http_response_head(status: int, protocol: str, headers: list[tuple[str, str]]) -> bytes:
    reason = _REASONS.get(status, "")
    return _http_head(" ".join(part for part in (protocol, str(status), reason) if part), headers)


def http_request_head(method: str, target: str, headers: list[tuple[str, str]]) -> bytes:
    return _http_head(f"{method} {target} HTTP/1.1", headers)


def _warc_head(record_type: str, uri: str, date: str, record_id: str, http_head: bytes,
               payload: bytes, concurrent_to: str | None, digest: str | None = None) -> bytes:
    """The WARC header of a record, with its two SHA-256 digests (the evidence); ``digest``
    is the payload's SHA-256 in hex when the caller has it (``payload_digest``)."""
    if payload:
        payload_label = "sha256:" + (digest or hashlib.sha256(payload).hexdigest())
        block = hashlib.sha256(http_head)
        block.update(payload)
    else:  # every request record: the block is the HTTP head alone
        payload_label, block = _EMPTY_LABEL, hashlib.sha256(http_head)
    concurrent = f"WARC-Concurrent-To: {concurrent_to}\r\n" if concurrent_to else ""
    return (f"WARC/1.0\r\nWARC-Date: {date}\r\n{concurrent}"
            f"WARC-Type: {record_type}\r\nWARC-Record-ID: {record_id}\r\nWARC-Target-URI: {uri}\r\n"
            f"WARC-Payload-Digest: {payload_label}\r\n"
            f"WARC-Block-Digest: sha256:{block.hexdigest()}\r\n"
            f"Content-Type: {_WARC_CONTENT_TYPES[record_type]}\r\n"
            f"Content-Length: {len(http_head) + len(payload)}\r\n\r\n").encode("utf-8")


def warc_record(record_type: str, uri: str, date: str, record_id: str, http_head: bytes,
                payload: bytes, concurrent_to: str | None = None,
                digest: str | None = None) -> tuple[bytes, ...]:
    """The record in pieces (WARC header, HTTP head, payload, closing CRLFs): joined, they
    are what warcio's ``WARCWriter.write_record`` writes for the same record (the payload
    is not copied to join them)."""
    return (_warc_head(record_type, uri, date, record_id, http_head, payload, concurrent_to, digest),
            http_head, payload, b"\r\n\r\n")


def record_member(record_type: str, uri: str, date: str, record_id: str, http_head: bytes,
                  payload: bytes, level: int, concurrent_to: str | None = None,
                  digest: str | None = None) -> bytes:
    """``gzip_member(warc_record(...), level)`` in one call: the archive makes two a page."""
    return _deflate.compress(
        b"".join((_warc_head(record_type, uri, date, record_id, http_head, payload, concurrent_to, digest),
                  http_head, payload, b"\r\n\r\n")),
        min(level, _MAX_LEVEL), _GZIP_WBITS)


def small_record_level(level: int) -> int:
    """The level for a record of a few hundred bytes (a page's ``request`` record): ISA-L's
    level 0. Its level 1 sets up hash tables first, 6.9 instead of 1.7 us for a 670-byte
    record, which then takes 438 instead of 593 bytes (~3% of a 25 KB page's record pair).
    zlib (the fallback) keeps the level: its 0 stores without compressing."""
    return min(level, 0) if _deflate is not zlib else level


def gzip_member(pieces: tuple[bytes, ...] | list[bytes], level: int) -> bytes:
    """``pieces`` joined, as one gzip member. One-shot: joining costs a copy, but ISA-L's
    streaming object took 72 instead of 45 us for a 25 KB record (zlib's 110 us to set up
    even for a 300-byte request record)."""
    return _deflate.compress(b"".join(pieces), min(level, _MAX_LEVEL), _GZIP_WBITS)
