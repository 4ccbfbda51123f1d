"""TrapFilterMiddleware: calendars, endless query strings, session ids, long and looping URLs."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scrapy import Request, Spider
from scrapy.exceptions import NotConfigured
from scrapy.http import HtmlResponse
from scrapy.utils.misc import build_from_crawler
from scrapy.utils.test import get_crawler

from clinicscan.crawler.middlewares.traps import (
    TRAP_KINDS,
    TrapFilterMiddleware,
    date_template,
    is_date_like,
    repeated_segments,
)
from clinicscan.crawler.urls import SESSION_PARAMS, SESSION_PATH_PARAMS, canonicalize

PAGE = HtmlResponse("http://clinic.example/", body=b"<html></html>")
BASE = "http://clinic.example"


def _traps(**settings):
    crawler = get_crawler(Spider, settings)
    crawler.stats.open_spider()
    return build_from_crawler(TrapFilterMiddleware, crawler), crawler.stats


def _filter(traps, urls, response=PAGE):
    output = list(traps.process_spider_output(response, [Request(url) for url in urls]))
    return [request.url for request in output]


def test_ordinary_links_and_items_pass():
    traps, stats = _traps()
    urls = [f"{BASE}/treatments/knee", f"{BASE}/about-us", f"{BASE}/blog/2024/05/new-therapy",
            f"{BASE}/search?q=knee", f"{BASE}/faq?lang=en&page=2"]
    assert _filter(traps, urls) == urls
    item = {"url": BASE}
    assert list(traps.process_spider_output(PAGE, [item])) == [item]
    assert stats.get_value("traps/filtered") is None


def test_calendar_paging_is_cut_after_a_few_months():
    traps, stats = _traps(CLINICSCAN_TRAP_MAX_DATES=3)
    months = [f"{BASE}/events?month={m}&year=2030" for m in range(1, 13)]
    assert _filter(traps, months) == months[:3]
    assert stats.get_value("traps/calendar") == 9
    days = [f"{BASE}/calendar/2031/01/{d:02d}" for d in range(1, 8)]
    assert _filter(traps, days) == days[:3]
    # another blog post in a dated path is its own template, not a calendar page
    assert _filter(traps, [f"{BASE}/blog/2024/05/other-post"]) == [f"{BASE}/blog/2024/05/other-post"]


def test_seen_calendar_dates_are_not_counted_twice():
    traps, _ = _traps(CLINICSCAN_TRAP_MAX_DATES=2)
    url = f"{BASE}/events?month=1&year=2030"
    assert _filter(traps, [url, url, url]) == [url, url, url]


def test_session_ids_are_stripped_not_followed_as_new_pages():
    traps, stats = _traps()
    out = _filter(traps, [f"{BASE}/book?PHPSESSID=abc123&doctor=2", f"{BASE}/contact;jsessionid=XYZ"])
    assert out == [f"{BASE}/book?doctor=2", f"{BASE}/contact"]
    assert stats.get_value("traps/session_id") == 2


@pytest.mark.parametrize("name", sorted(SESSION_PARAMS | {p.upper() for p in SESSION_PARAMS}))
def test_every_session_parameter_the_filter_counts_is_gone_after_cleaning(name):
    # one list: what the trap filter counts as a session id, canonicalize() drops
    traps, stats = _traps()
    assert _filter(traps, [f"{BASE}/book?doctor=2&{name}=abc123"]) == [f"{BASE}/book?doctor=2"]
    assert stats.get_value("traps/session_id") == 1
    assert canonicalize(f"{BASE}/book?{name}=abc123&doctor=2") == f"{BASE}/book?doctor=2"


@pytest.mark.parametrize("name", SESSION_PATH_PARAMS)
def test_every_session_path_parameter_is_counted_and_dropped(name):
    traps, stats = _traps()
    assert _filter(traps, [f"{BASE}/contact;{name}=XYZ"]) == [f"{BASE}/contact"]
    assert stats.get_value("traps/session_id") == 1


def test_too_many_query_parameters_are_dropped():
    traps, stats = _traps(CLINICSCAN_TRAP_MAX_QUERY_PARAMS=6)
    facets = f"{BASE}/shop?" + "&".join(f"f{i}=x" for i in range(7))
    assert _filter(traps, [facets]) == []
    assert stats.get_value("traps/query_params") == 1


def test_endless_query_variants_per_path_are_capped():
    traps, stats = _traps(CLINICSCAN_TRAP_MAX_QUERY_VARIANTS=5)
    urls = [f"{BASE}/products?sort={i}" for i in range(20)]
    assert _filter(traps, urls) == urls[:5]
    assert stats.get_value("traps/query_variants") == 15
    # another path has its own budget
    assert _filter(traps, [f"{BASE}/team?page=2"]) == [f"{BASE}/team?page=2"]


def test_long_urls_are_dropped():
    traps, stats = _traps(CLINICSCAN_TRAP_MAX_URL_LENGTH=200)
    assert _filter(traps, [f"{BASE}/{'x' * 300}"]) == []
    assert stats.get_value("traps/long_url") == 1


@pytest.mark.parametrize("path", ["/a/b/a/b/", "/x/x/", "/news/a/news/b/news/c", "/1/2/3/4/5/6/7/8/9/10/11/12/13"])
def test_repeated_or_deep_paths_are_dropped(path):
    traps, stats = _traps()
    assert _filter(traps, [BASE + path]) == []
    assert stats.get_value("traps/repeated_path") == 1


def test_seeds_are_never_filtered():
    traps, _ = _traps(CLINICSCAN_TRAP_MAX_URL_LENGTH=20)
    seed = f"{BASE}/a/b/a/b/?sid=1"
    assert [r.url for r in traps.process_spider_output(None, [Request(seed)])] == [seed]


def test_date_helpers():
    assert is_date_like("2024") and is_date_like("2024-05-12") and is_date_like("05-2024")
    assert not is_date_like("knee") and not is_date_like("12345") and not is_date_like("1850")
    assert date_template(f"{BASE}/about") is None
    assert date_template(f"{BASE}/cal?month=5&year=2030") == ("clinic.example/cal?month={d}&year={d}",
                                                              "month=5|year=2030")
    assert repeated_segments("/a/b/a/b") and not repeated_segments("/a/b/c/d")


def test_not_configured_when_switched_off():
    with pytest.raises(NotConfigured):
        build_from_crawler(TrapFilterMiddleware, get_crawler(Spider, {"CLINICSCAN_TRAPS_ENABLED": False}))


def test_dropped_frontier_links_become_skipped_outcomes_naming_the_trap():
    from clinicscan.crawler.items import UrlOutcome

    traps, _ = _traps(CLINICSCAN_TRAP_MAX_URL_LENGTH=100)
    url = f"{BASE}/{'y' * 150}"
    request = Request(url, meta={"frontier_url": url, "site": "clinic.example", "frontier_depth": 2})
    [outcome] = list(traps.process_spider_output(PAGE, [request]))
    assert outcome == UrlOutcome(url, "clinic.example", 2, "skipped", "skipped: crawler trap (URL too long)")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=120),
       st.text(alphabet="abc=&;?/%#.0123456789-", max_size=80))
def test_any_link_is_judged_without_error(path, query):
    traps, _ = _traps()
    url = f"{BASE}/{quote(path)}?{query}"
    kind = traps.trap_kind(url)
    assert kind is None or kind in TRAP_KINDS
