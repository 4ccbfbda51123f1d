"""The one Retry-After parser, used by the crawler's retry middleware and the CT.gov client."""

from __future__ import annotations

import math
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime

import pytest

from clinicscan.retry_after import parse_retry_after

NOW = datetime(2026, 3, 1, 12, 0, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize(("value", "seconds"), [
    # delta-seconds
    ("120", 120.0), (b"7", 7.0), (" 3 ", 3.0), ("0", 0.0),
    # HTTP dates with GMT (or an explicit zone), future and past
    (format_datetime(NOW + timedelta(seconds=90), usegmt=True), 90.0),
    (format_datetime(NOW - timedelta(seconds=90), usegmt=True), 0.0),  # already past
    ("Sun, 01 Mar 2026 12:00:30 GMT", 30.0),
    ("Sun, 01 Mar 2026 14:00:30 +0200", 30.0),
    ("Sunday, 01-Mar-26 12:00:30 GMT", 30.0),  # RFC 850, obsolete but allowed
    # a date without a zone is UTC, never the machine's local time
    ("Sun, 01 Mar 2026 12:00:30", 30.0),
    ("Sun, 01 Mar 2026 12:00:30 -0000", 30.0),
    # garbage and negatives: unreadable, the caller backs off on its own
    ("soon", None), ("", None), ("   ", None), (None, None), ("-5", None), ("1.5", None), ("+5", None),
    ("²", None), ("٣", None), ("Sun, 01 Mar 2026 25:61:00 GMT", None), ("Sun, 01 Mar 99999 12:00:00 GMT", None),
])
def test_retry_after_values(value, seconds):
    assert parse_retry_after(value, now=NOW) == seconds


def test_retry_after_zone_less_date_does_not_depend_on_the_local_zone(monkeypatch):
    import time

    monkeypatch.setenv("TZ", "America/Los_Angeles")
    time.tzset()
    try:
        assert parse_retry_after("Sun, 01 Mar 2026 12:00:30", now=NOW) == 30.0
    finally:
        monkeypatch.undo()
        time.tzset()


def test_retry_after_huge_values_stay_numbers_for_the_caller_to_cap():
    assert parse_retry_after("9" * 30, now=NOW) == float("9" * 30)
    assert parse_retry_after("9" * 400, now=NOW) == math.inf
    assert parse_retry_after("Fri, 31 Dec 9999 23:59:59 GMT", now=NOW) > 2.5e11


def test_retry_after_without_now_counts_from_the_clock():
    later = datetime.now(timezone.utc) + timedelta(seconds=60)
    assert 55 <= parse_retry_after(format_datetime(later, usegmt=True)) <= 60


def test_retry_after_one_parser_for_crawler_and_ctgov():
    from clinicscan.crawler.middlewares import retry_after as middleware
    from clinicscan.reports import ctgov

    assert middleware.parse_retry_after is parse_retry_after
    assert ctgov.parse_retry_after is parse_retry_after
