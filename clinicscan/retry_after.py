"""The one ``Retry-After`` parser (RFC 9110 section 10.2.3), for the crawler and the CT.gov client.

A server that answers 429 or 503 may say how long to wait: delta-seconds (``120``) or an
HTTP date (``Wed, 21 Oct 2026 07:28:00 GMT``). A date without a zone is read as UTC (HTTP
dates are always GMT; reading it as local time would wait hours too long or not at all).
Anything else (a negative or fractional number, words, non-ASCII digits) is unreadable:
the caller falls back to its own back-off. Callers cap the wait; a huge value is returned
as it is (``math.inf`` past what a float holds).
"""

from __future__ import annotations

from datetime import datetime, timezone
from email.utils import parsedate_to_datetime

__all__ = ["parse_retry_after"]


def parse_retry_after(value: str | bytes | None, *, now: datetime | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header value (0 for a date past), or None when absent or unreadable."""
    if value is None:
        return None
    if isinstance(value, bytes):
        value = value.decode("latin-1")
    value = value.strip()
    if not value:
        return None
    if value.isascii() and value.isdigit():
        return float(value)  # inf for more digits than a float holds
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when is None:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    now = now or datetime.now(timezone.utc)
    return max(0.0, (when - now).total_seconds())
