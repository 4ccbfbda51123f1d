"""A stored page's html: from ``pages.html``, or read back from the page's WARC record.

A crawl archives each page's body in its WARC ``response`` record anyway (the evidence), so
since session 22 it no longer stores the decoded body a second time in ``pages.html`` (that
row write was the largest part of what a full crawl cost over a bare spider:
docs/crawl-cost.md). Such a row keeps ``html`` NULL and says how to get the text back:
``warc_file`` and ``warc_offset`` point at the record (one gzip member), ``content_hash`` is
the SHA-256 of the body it holds, and ``html_encoding`` is the codec the spider decoded the
body with (the page's charset, or the encoding middleware's fallback), applied here the way
Scrapy's ``TextResponse.text`` applies it, so the text is the one the spider read. The
crawl checks that at write time: a page whose body does not decode back to the spider's
text keeps its html in the row.

Rows written before (and pages of ``extract PATH`` runs, which have no archive) keep their
html in ``pages.html``; :func:`page_html` reads both.
"""

from __future__ import annotations

import codecs
import hashlib
import zlib
from pathlib import Path

from w3lib.encoding import html_to_unicode

__all__ = ["ArchivedBodyError", "decode_body", "decodes_to", "page_html", "read_response_payload", "store_text"]

OPEN_SUFFIX = ".open"  # a segment still being written (crawler.pipelines.archive)
_CHUNK = 1 << 16


class ArchivedBodyError(Exception):
    """A page's archived body cannot be read back (file gone, record torn or not the page's)."""


def decode_body(body: bytes, encoding: str) -> str:
    """``body`` decoded with ``encoding`` exactly as Scrapy's ``TextResponse.text`` decodes
    a response whose encoding is ``encoding`` (w3lib: a BOM wins and is dropped, bad bytes
    become U+FFFD)."""
    return html_to_unicode(f"charset={encoding}", body)[1]


def decodes_to(body: bytes, encoding: str, text: str) -> bool:
    """``decode_body(body, encoding) == text``, the crawl's check before it drops a page's
    html. For a UTF-8 page without a BOM (most pages) it first compares ``text`` encoded
    back with the body: equal bytes mean the body is valid UTF-8 that decodes to ``text``
    (w3lib's decode is then plain ``bytes.decode``), at a tenth of w3lib's cost for 25 KB;
    any other answer is w3lib's own (a BOM, bad bytes turned into U+FFFD, other codecs)."""
    if encoding == "utf-8" and not body.startswith(codecs.BOM_UTF8):
        try:
            if text.encode("utf-8") == body:
                return True
        except UnicodeEncodeError:  # a lone surrogate: w3lib decides
            pass
    return decode_body(body, encoding) == text


def store_text(html: str) -> str:
    """The text as ``pages.html`` holds it: PostgreSQL text cannot hold NUL, so NUL
    becomes U+FFFD (the WARC keeps the raw bytes)."""
    return html.replace("\x00", "\ufffd") if "\x00" in html else html


def _member(path: Path, offset: int) -> bytes:
    """The gzip member at ``offset`` of ``path`` (or of ``path.open``, a segment not yet
    closed), decompressed."""
    try:
        handle = path.open("rb")
    except FileNotFoundError:
        try:
            handle = path.with_name(path.name + OPEN_SUFFIX).open("rb")
        except FileNotFoundError:
            raise ArchivedBodyError(f"WARC file {path} is missing") from None
    out = []
    with handle:
        handle.seek(offset)
        decomp = zlib.decompressobj(zlib.MAX_WBITS | 16)
        while not decomp.eof:
            chunk = handle.read(_CHUNK)
            if not chunk:
                raise ArchivedBodyError(f"WARC record at {offset} of {path} is cut short")
            try:
                out.append(decomp.decompress(chunk))
            except zlib.error as exc:
                raise ArchivedBodyError(f"no WARC record at {offset} of {path} ({exc})") from None
    return b"".join(out)


def read_response_payload(warc_file: str, offset: int) -> bytes:
    """The HTTP payload (the page's body) of the WARC ``response`` record at ``offset``."""
    data = _member(Path(warc_file), offset)
    head_end = data.find(b"\r\n\r\n")
    if not data.startswith(b"WARC/") or head_end < 0:
        raise ArchivedBodyError(f"no WARC record at {offset} of {warc_file}")
    headers = {}
    for line in data[:head_end].split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        headers[name.strip().lower()] = value.strip()
    if headers.get(b"warc-type") != b"response":
        raise ArchivedBodyError(f"the WARC record at {offset} of {warc_file} is not a response")
    try:
        length = int(headers[b"content-length"])
    except (KeyError, ValueError):
        raise ArchivedBodyError(f"the WARC record at {offset} of {warc_file} has no length") from None
    block = data[head_end + 4:head_end + 4 + length]
    if len(block) != length:
        raise ArchivedBodyError(f"the WARC record at {offset} of {warc_file} is cut short")
    http_end = block.find(b"\r\n\r\n")
    if http_end < 0:
        raise ArchivedBodyError(f"the WARC record at {offset} of {warc_file} has no HTTP head")
    return block[http_end + 4:]


def page_html(html: str | None, warc_file: str | None = None, warc_offset: int | None = None,
              html_encoding: str | None = None, content_hash: str | None = None) -> str | None:
    """A page's html as the store holds it, from the columns of its ``pages`` row: ``html``
    when the row has it, else the body of its WARC record decoded as the spider decoded it
    (checked against ``content_hash``); None when the row has neither. Raises
    :class:`ArchivedBodyError` when the record cannot be read."""
    if html is not None or html_encoding is None:
        return html
    if warc_file is None or warc_offset is None:
        raise ArchivedBodyError("the page has no stored html and no WARC record")
    body = read_response_payload(warc_file, warc_offset)
    if content_hash and hashlib.sha256(body).hexdigest() != content_hash:
        raise ArchivedBodyError(f"the WARC record at {warc_offset} of {warc_file} does not hold "
                                "the page's body (its SHA-256 differs)")
    return store_text(decode_body(body, html_encoding))
