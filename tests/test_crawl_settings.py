"""Settings chosen for the crawl's cost, and the assumptions they rest on."""

from __future__ import annotations

import inspect

from scrapy.settings import Settings
from scrapy.utils.misc import load_object


def _settings() -> Settings:
    settings = Settings()
    settings.setmodule("clinicscan.crawler.settings", priority="project")
    return settings


def test_item_concurrency_is_small_because_every_pipeline_is_synchronous():
    """Scrapy starts CONCURRENT_ITEMS tasks for each response's output (100 by default, a
    third of the crawl's CPU); a few are enough while no pipeline awaits anything. A
    pipeline that becomes asynchronous must revisit CONCURRENT_ITEMS."""
    settings = _settings()
    assert settings.getint("CONCURRENT_ITEMS") <= 8
    for path in settings.getdict("ITEM_PIPELINES"):
        process_item = load_object(path).process_item
        assert not inspect.iscoroutinefunction(process_item), path
        assert not inspect.isasyncgenfunction(process_item), path
