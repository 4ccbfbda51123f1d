"""URL identity for the crawl: which site a URL belongs to and one spelling per page.

The frontier, the page table and the "stay on the seed's site" rule all compare URLs, so
they must agree on one canonical form: ``canonicalize`` gives it, ``site_key`` names the
site (host without ``www.``, with a non-default port, since the demo and the tests serve
several sites on 127.0.0.1 at different ports).
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from w3lib.url import canonicalize_url, safe_url_string

__all__ = ["DEFAULT_PORTS", "SESSION_PARAMS", "SESSION_PATH_PARAMS", "canonicalize", "is_http_url", "same_site",
           "site_key"]

DEFAULT_PORTS = {"http": 80, "https": 443}

#: query parameters (lower-cased) that carry a session id: the one list ``canonicalize``
#: drops and the trap filter counts as cleaned (Java, PHP, ASP, ColdFusion, osCommerce, Zen Cart)
SESSION_PARAMS = frozenset({
    "jsessionid", "phpsessid", "sid", "sessionid", "session_id", "aspsessionid", "cfid",
    "cftoken", "oscsid", "zenid", "s_id",
})
#: session ids written as a path parameter ("/page;jsessionid=...")
SESSION_PATH_PARAMS = ("jsessionid", "phpsessid", "sid")

# Query parameters that identify a visit, not a page.
_TRACKING_PREFIXES = ("utm_",)
_TRACKING_PARAMS = frozenset({"fbclid", "gclid", "dclid", "msclkid", "yclid", "mc_cid", "mc_eid", "_ga", "_gl"})
_DROPPED_PARAMS = _TRACKING_PARAMS | SESSION_PARAMS
_SESSION_PATH_PREFIXES = tuple(f"{name}=" for name in SESSION_PATH_PARAMS)


def _netloc(scheme: str, host: str, port: int | None) -> str:
    host = host.lower()
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    if port is not None and DEFAULT_PORTS.get(scheme) != port:
        return f"{host}:{port}"
    return host


def is_http_url(url: str) -> bool:
    """True for an absolute http(s) URL with a host and a valid port."""
    try:
        parts = urlsplit(url.strip())
        parts.port  # noqa: B018 - raises ValueError for a bad port
    except ValueError:
        return False
    return parts.scheme.lower() in DEFAULT_PORTS and bool(parts.hostname)


def site_key(url: str) -> str:
    """The site a URL belongs to: ``www.Clinic.example:8080/x`` -> ``clinic.example:8080``."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower().rstrip(".")
    if host.startswith("www."):
        host = host[4:]
    return _netloc(parts.scheme.lower(), host, parts.port)


def same_site(url_a: str, url_b: str) -> bool:
    """True when both URLs belong to the same site (see :func:`site_key`)."""
    return site_key(url_a) == site_key(url_b)


def canonicalize(url: str) -> str:
    """One spelling per page: no fragment, sorted query without tracking or session
    parameters, lower-case scheme and host, no default port, ``/`` for an empty path."""
    url = canonicalize_url(safe_url_string(url.strip()), keep_fragments=False)
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    netloc = _netloc(scheme, (parts.hostname or "").rstrip("."), parts.port)
    query = [
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if key.lower() not in _DROPPED_PARAMS and not key.lower().startswith(_TRACKING_PREFIXES)
    ]
    path = parts.path or "/"
    # ";jsessionid=..." path parameters are session ids too
    if ";" in path:
        _, _, params = path.rpartition("/")[2].partition(";")
        if params.lower().startswith(_SESSION_PATH_PREFIXES):
            path = path[: len(path) - len(params) - 1]
    return urlunsplit((scheme, netloc, path, urlencode(sorted(query), doseq=True), ""))
