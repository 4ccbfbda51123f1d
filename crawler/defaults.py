"""The crawl's default limits, in one place: the command line, the demo, the public API,
``run_crawl`` and the Scrapy settings all read them from here.

A clinic site's treatment, pricing and FAQ pages sit within three links of its home page,
and the link priorities fetch those first, so 40 pages a site keep what a researcher needs;
5 MB is far above a real page (about 25 KB of HTML) and below what would hurt the store.
"""

from __future__ import annotations

__all__ = ["DELAY", "MAX_DEPTH", "MAX_PAGES_PER_SITE", "MAX_SIZE", "REDIS_WAIT"]

#: follow links at most this many hops from the seed page
MAX_DEPTH = 3
#: fetch at most this many pages per site
MAX_PAGES_PER_SITE = 40
#: largest response body kept, in bytes (also checked after decompression)
MAX_SIZE = 5_000_000
#: seconds between requests to the same site (politeness)
DELAY = 1.0
#: seconds a crawl with --redis-url waits for Redis to answer again before it stops
REDIS_WAIT = 60.0
