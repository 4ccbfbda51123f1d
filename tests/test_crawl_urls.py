"""URL identity: one spelling per page and one key per site."""

from __future__ import annotations

import pytest

from clinicscan.crawler.urls import canonicalize, is_http_url, same_site, site_key


@pytest.mark.parametrize("url, expected", [
    ("HTTP://WWW.Example.COM:80/a?b=2&a=1#frag", "http://www.example.com/a?a=1&b=2"),
    ("https://example.com:443", "https://example.com/"),
    ("https://example.com/p?utm_source=x&utm_medium=y&id=3&fbclid=z&gclid=q", "https://example.com/p?id=3"),
    ("http://127.0.0.1:8123/x;jsessionid=ABC?PHPSESSID=1&q=a", "http://127.0.0.1:8123/x?q=a"),
    ("http://[::1]:8080/", "http://[::1]:8080/"),
    ("https://ex.example/a b", "https://ex.example/a%20b"),
])
def test_canonicalize(url, expected):
    assert canonicalize(url) == expected
    assert canonicalize(expected) == expected


@pytest.mark.parametrize("url, key", [
    ("https://www.Clinic.example/x", "clinic.example"),
    ("http://clinic.example:80/", "clinic.example"),
    ("http://127.0.0.1:8081/a", "127.0.0.1:8081"),
    ("https://shop.clinic.example/", "shop.clinic.example"),
])
def test_site_key(url, key):
    assert site_key(url) == key


def test_same_site_keeps_ports_apart():
    assert same_site("http://127.0.0.1:8081/a", "http://127.0.0.1:8081/b")
    assert not same_site("http://127.0.0.1:8081/a", "http://127.0.0.1:8082/a")
    assert same_site("https://www.clinic.example/", "https://clinic.example/faq")


@pytest.mark.parametrize("url", ["ftp://x.example/", "javascript:alert(1)", "http://x:99999/",
                                 "//x.example/", "mailto:a@b.example", "http:///nohost"])
def test_not_http_urls(url):
    assert not is_http_url(url)
