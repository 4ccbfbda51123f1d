"""Scrapy settings for clinicscan: polite, safe defaults in one place.

`clinicscan crawl` loads this module (scrapy.cfg points here too) and overrides only what
its options set. Scrapy's own global defaults would ignore robots.txt; these do not.
"""

from clinicscan.config import USER_AGENT
from clinicscan.crawler import defaults

BOT_NAME = "clinicscan"
SPIDER_MODULES = ["clinicscan.crawler.spiders"]
NEWSPIDER_MODULE = "clinicscan.crawler.spiders"

USER_AGENT = USER_AGENT
ROBOTSTXT_OBEY = True

# Politeness: one request at a time per site, with a delay (--delay overrides).
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 1
DOWNLOAD_DELAY = defaults.DELAY
DOWNLOAD_DELAY_JITTER = 0.5  # each delay varies by +-50%

# Limits (--max-size overrides DOWNLOAD_MAXSIZE).
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = defaults.MAX_SIZE
DOWNLOAD_WARNSIZE = 0
REDIRECT_MAX_TIMES = 5
RETRY_ENABLED = True
RETRY_TIMES = 2
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
DEPTH_PRIORITY = 0
# Scrapy starts CONCURRENT_ITEMS asyncio tasks for the output of *every* response (default
# 100: 101 tasks for one page item and a few requests). Our pipelines are synchronous, so
# that concurrency buys nothing; at 100 it was ~30% of the crawl's CPU at 25 KB pages
# (bench/crawl.py, docs/crawl-cost.md).
CONCURRENT_ITEMS = 4

# The connection re-checks every DNS answer against the address guard (DNS rebinding).
TWISTED_DNS_RESOLVER = "clinicscan.crawler.resolver.GuardedResolver"

# Only http(s): file:// and data: are never crawled.
DOWNLOAD_HANDLERS = {"file": None, "data": None, "s3": None, "ftp": None}

COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False
# Scrapy 2.19 opens a remote-control HTTP port by default: a crawler has no use for one.
REMOTE_CONTROL_ENABLED = False
LOG_LEVEL = "INFO"
REQUEST_FINGERPRINTER_IMPLEMENTATION = "2.7"

# The crawl stage's own knobs (run_crawl sets the per-run ones: CLINICSCAN_DB_URL,
# CLINICSCAN_RUN_ID, CLINICSCAN_ARCHIVE_DIR, CLINICSCAN_MAX_PAGES_PER_SITE, DEPTH_LIMIT...).
# items per transaction... (each transaction costs ~1 ms of writer CPU whatever its size:
# 200 instead of 50 took the writer from 0.040 to 0.026 ms a 25 KB page, docs/crawl-cost.md;
# a killed crawl re-fetches at most the pages of the batches not committed)
CLINICSCAN_STORE_BATCH = 200
CLINICSCAN_STORE_INTERVAL = 2.0  # ...or seconds, whichever comes first
CLINICSCAN_WARC_MAX_RECORDS = 1000  # rotate a WARC segment after this many records...
CLINICSCAN_WARC_MAX_BYTES = 100_000_000  # ...or bytes
CLINICSCAN_WARC_COMPRESS_LEVEL = 1  # gzip level: 1 costs a third of 6's CPU for ~15% more bytes
CLINICSCAN_PROGRESS_INTERVAL = 5.0  # seconds between progress lines (0: none)
CLINICSCAN_MAX_PAGES_PER_SITE = defaults.MAX_PAGES_PER_SITE  # --max-pages overrides
DEPTH_LIMIT = defaults.MAX_DEPTH  # --max-depth overrides

# Components (each module owns one idea; see the module docstrings).
DOWNLOADER_MIDDLEWARES = {
    # refuses private/loopback/link-local/reserved targets, at every redirect hop
    "clinicscan.crawler.middlewares.address_guard.AddressGuardMiddleware": 50,
    # Retry-After aware retries replace Scrapy's RetryMiddleware
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "clinicscan.crawler.middlewares.retry_after.RetryAfterMiddleware": 550,
    # per-site page cap, counted when a request is about to be downloaded (after robots.txt)
    "clinicscan.crawler.middlewares.site_budget.SiteBudgetMiddleware": 120,
    # size cap after decompression, non-HTML bodies skipped and counted; below
    # HttpCompressionMiddleware (590) so it judges the decompressed body
    "clinicscan.crawler.middlewares.limits.ResponseLimitsMiddleware": 580,
    # undeclared / falsely-UTF-8 bodies decode as windows-1252, not charset guessing
    "clinicscan.crawler.middlewares.encoding.EncodingFallbackMiddleware": 570,
    # Scrapy's redirect middlewares, refusing a redirect back into its own chain (the chain
    # is the reason), at Scrapy's priorities
    "scrapy.downloadermiddlewares.redirect.RedirectMiddleware": None,
    "clinicscan.crawler.middlewares.redirect_loop.RedirectLoopMiddleware": 600,
    "scrapy.downloadermiddlewares.redirect.MetaRefreshMiddleware": None,
    "clinicscan.crawler.middlewares.redirect_loop.MetaRefreshLoopMiddleware": 580,
}
SPIDER_MIDDLEWARES = {
    # calendars, endless query strings, session ids in URLs
    "clinicscan.crawler.middlewares.traps.TrapFilterMiddleware": 800,
}
ITEM_PIPELINES = {
    "clinicscan.crawler.pipelines.archive.WarcArchivePipeline": 100,
    "clinicscan.crawler.pipelines.store.StorePipeline": 200,
}
