"""Reading the seed list: the clinic websites a crawl starts from.

Seeds come from CSV files (``name,url`` plus optional ``country,region,source``) or as URLs
on the command line. Seed lists are hand-made and messy, so one bad row never stops a crawl:
it is logged with its file and line number and skipped. Only when nothing usable remains
does :class:`clinicscan.errors.SeedError` say what a good file looks like.
"""

from __future__ import annotations

import csv
import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Sequence

from clinicscan.errors import SeedError
from clinicscan.crawler.urls import canonicalize, is_http_url, site_key

__all__ = ["Seed", "load_seeds"]

logger = logging.getLogger(__name__)

GOOD_FILE_HINT = (
    "a seed file is a CSV with a header row naming at least `name` and `url` "
    "(optional: country, region, source), e.g.\n"
    "    name,url,country\n"
    "    Example Regenerative Clinic,https://clinic.example/,US\n"
    "or give http(s) URLs directly on the command line"
)
_HOST_LIKE = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}(?::\d+)?/?$", re.I)


@dataclass(frozen=True)
class Seed:
    """One site to crawl; ``domain`` is its :func:`clinicscan.crawler.urls.site_key`."""

    name: str
    url: str
    domain: str
    country: str | None = None
    region: str | None = None
    source: str | None = None
    line: int | None = None  # line in the seed file, None for a command-line URL


def _clean(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def _fit(value: str | None, size: int) -> str | None:
    """Cut a cell to its column's size (Site columns are bounded on PostgreSQL)."""
    return value[:size] if value else value


def _seed_from(url: str, name: str | None, where: str, line: int | None,
               country=None, region=None, source=None) -> Seed | None:
    url = url.strip()
    if not is_http_url(url):
        logger.warning("%s: skipped: %r is not an http(s) URL with a host", where, url)
        return None
    canonical = canonicalize(url)
    key = site_key(canonical)
    return Seed(name=_fit(name or key, 300), url=canonical, domain=key,
                country=_fit(_clean(country), 100), region=_fit(_clean(region), 100),
                source=_fit(_clean(source), 300), line=line)


def _read_csv(path: Path) -> Iterator[Seed]:
    try:
        handle = path.open(newline="", encoding="utf-8-sig", errors="replace")
    except OSError as exc:
        logger.warning("%s: skipped: cannot read it (%s)", path, exc.strerror or exc)
        return
    with handle:
        rows = csv.reader(handle)
        header: list[str] | None = None
        for cells in rows:
            line = rows.line_num
            if not any(cell.strip() for cell in cells) or cells[0].lstrip().startswith("#"):
                continue
            if header is None:
                header = [cell.strip().lower() for cell in cells]
                if "url" not in header or "name" not in header:
                    logger.warning("%s:%d: no `name` and `url` columns in the header %r; "
                                   "file skipped", path, line, cells)
                    return
                continue
            where = f"{path}:{line}"
            if len(cells) < len(header):
                missing = [col for col in header[len(cells):] if col in ("name", "url")]
                if missing:
                    logger.warning("%s: skipped: the row has no %s column", where,
                                   " or ".join(missing))
                    continue
            row = dict(zip(header, cells))
            name = _clean(row.get("name"))
            if name is None:
                logger.warning("%s: skipped: the `name` column is empty", where)
                continue
            seed = _seed_from(row.get("url") or "", name, where, line, row.get("country"),
                              row.get("region"), row.get("source"))
            if seed is not None:
                yield seed


def _seeds_from_arg(arg: str) -> Iterator[Seed]:
    text = arg.strip()
    if "://" in text:
        seed = _seed_from(text, None, "command line", None)
        if seed is not None:
            yield seed
        return
    path = Path(text)
    if path.is_file():
        yield from _read_csv(path)
    elif _HOST_LIKE.match(text) and not text.lower().endswith((".csv", ".txt")):
        seed = _seed_from(f"https://{text}", None, "command line", None)
        if seed is not None:
            yield seed
    else:
        logger.warning("seed %r skipped: no such file, and not an http(s) URL", arg)


def load_seeds(args: Sequence[str]) -> list[Seed]:
    """Seeds from CSV files and/or URLs, one per site, in the order given.

    Raises SeedError when no usable seed remains.
    """
    seeds: list[Seed] = []
    seen: dict[str, Seed] = {}
    for arg in args:
        for seed in _seeds_from_arg(arg):
            first = seen.get(seed.domain)
            if first is not None:
                where = f"line {seed.line}" if seed.line else "command line"
                earlier = f"line {first.line}" if first.line else "the command line"
                logger.warning("seed %s (%s) skipped: site %s already listed at %s",
                               where, seed.url, seed.domain, earlier)
                continue
            seen[seed.domain] = seed
            seeds.append(seed)
    if not seeds:
        raise SeedError(f"no usable seed in {' '.join(args) or '(nothing given)'}; "
                        f"{GOOD_FILE_HINT}. Warnings above name each skipped line.")
    return seeds
