"""EncodingFallbackMiddleware: legacy pages decode to the text their authors wrote."""

from __future__ import annotations

import pytest
from scrapy import Request, Spider
from scrapy.http import HtmlResponse, Response
from scrapy.utils.misc import build_from_crawler
from scrapy.utils.test import get_crawler

from clinicscan.crawler.middlewares.encoding import EncodingFallbackMiddleware, fallback_encoding, is_utf8

LATIN1 = "Klinik in Zürich: Behandlung für Knie, garçon, ½ Preis."
CP1252 = "Our “miracle” cure – only €100… we’re open"
UTF8 = "Zürich “miracle” – €100"


def _middleware():
    crawler = get_crawler(Spider)
    crawler.stats.open_spider()
    return build_from_crawler(EncodingFallbackMiddleware, crawler), crawler.stats


def _decode(body: bytes, content_type: str) -> str:
    middleware, _ = _middleware()
    response = HtmlResponse("http://clinic.example/", body=body, headers={"Content-Type": content_type})
    return middleware.process_response(Request(response.url), response).text


@pytest.mark.parametrize(("text", "encoding", "content_type"), [
    (LATIN1, "latin-1", "text/html"),
    (LATIN1, "latin-1", "text/html; charset=iso-8859-1"),
    (CP1252, "cp1252", "text/html"),
    (CP1252, "cp1252", "text/html; charset=iso-8859-1"),  # the usual mislabel
    (CP1252, "cp1252", "text/html; charset=utf-8"),  # claims UTF-8, is not
    (LATIN1, "latin-1", "text/html; charset=UTF-8"),
    (UTF8, "utf-8", "text/html"),
    (UTF8, "utf-8", "text/html; charset=utf-8"),
    (UTF8, "utf-8-sig", "text/html"),  # BOM
    ("Ελληνικά κλινική", "iso-8859-7", "text/html; charset=iso-8859-7"),  # declared legacy charset kept
])
def test_pages_decode_to_what_was_written(text, encoding, content_type):
    body = f"<html><body><p>{text}</p></body></html>".encode(encoding)
    assert text in _decode(body, content_type)


def test_meta_charset_is_respected():
    body = '<html><head><meta charset="iso-8859-7"></head><body>Ελληνικά</body></html>'.encode("iso-8859-7")
    assert "Ελληνικά" in _decode(body, "text/html")


def test_truncated_utf8_keeps_its_text():
    body = f"<p>{UTF8} café".encode()[:-1]
    assert UTF8 in _decode(body, "text/html")


def test_bytes_undefined_in_cp1252_become_characters_not_errors():
    # w3lib < 2.6 decodes them as U+FFFD; w3lib 2.6 follows the WHATWG windows-1252 decoder, as browsers
    # do, and maps them to the C1 controls U+0081 and U+008D: either way one character a byte, no error
    text = _decode(b"<p>bad \x81\x8d byte</p>", "text/html")
    assert "bad \ufffd\ufffd byte" in text or "bad \x81\x8d byte" in text


def test_fallback_counts_only_real_fallbacks():
    middleware, stats = _middleware()
    for body, ctype in [(LATIN1.encode("latin-1"), "text/html"), (UTF8.encode(), "text/html"),
                        (CP1252.encode("cp1252"), "text/html; charset=utf-8")]:
        response = HtmlResponse("http://clinic.example/", body=body, headers={"Content-Type": ctype})
        middleware.process_response(Request(response.url), response)
    assert stats.get_value("encoding/fallback_cp1252") == 2
    assert stats.get_value("encoding/invalid_utf8") == 1


def test_binary_and_empty_responses_pass_untouched():
    middleware, _ = _middleware()
    binary = Response("http://clinic.example/x.pdf", body=b"%PDF-1.4")
    assert middleware.process_response(Request(binary.url), binary) is binary
    empty = HtmlResponse("http://clinic.example/", body=b"")
    assert middleware.process_response(Request(empty.url), empty) is empty


def test_helpers():
    assert is_utf8("é".encode()) and is_utf8("é".encode()[:1]) and not is_utf8(b"\xe9t\xe9")
    assert fallback_encoding("text/html; charset=windows-1251", "Привет".encode("cp1251")) is None
