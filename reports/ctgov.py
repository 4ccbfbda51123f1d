"""ClinicalTrials.gov import: API v2 JSON (one study, or search pages with ``studies[]``),
the CSV download, and a polite fetch from the API itself.

Each study becomes one :class:`Trial` row (upsert by NCT id) with its conditions and
interventions mapped to vocabulary ids by the extraction lexicon (``clinicscan.nlp.short_text.match_ids``),
so trial counts and clinic claims speak the same ids. A malformed study is reported with its
file and position and skipped; the rest of the file still imports.
"""

from __future__ import annotations

import csv
import json
import logging
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from sqlalchemy.orm import Session

from clinicscan.config import USER_AGENT
from clinicscan.errors import InputError
from clinicscan.retry_after import parse_retry_after
from clinicscan.store import Store
from clinicscan.store.models import Trial
from clinicscan.reports.ctgov_read import StudyError, TrialRecord, parse_study, read_csv, read_json

log = logging.getLogger(__name__)

MAX_RESPONSE_BYTES = 50_000_000
MAX_RETRY_AFTER = 120.0
MAX_RETRIES = 3


@dataclass
class ImportResult:
    """What an import or a fetch did: counts, and every skipped study with where it was."""

    files: int = 0
    pages: int = 0
    studies: int = 0
    inserted: int = 0
    updated: int = 0
    total_reported: int | None = None
    problems: list[str] = field(default_factory=list)
    #: input files of which nothing was stored, "path: reason" (the CLI exits non-zero)
    skipped_files: list[str] = field(default_factory=list)

    def describe(self) -> str:
        lines = [f"ClinicalTrials.gov: {self.studies} studies read "
                 f"({self.inserted} new, {self.updated} updated)"
                 + (f" from {self.files} file(s)" if self.files else "")
                 + (f" in {self.pages} page(s)" if self.pages else "")
                 + (f"; the API reported {self.total_reported} in total" if self.total_reported is not None else "")]
        if self.problems:
            lines.append(f"{len(self.problems)} skipped:")
            lines.extend(f"  {p}" for p in self.problems[:20])
            if len(self.problems) > 20:
                lines.append(f"  ... and {len(self.problems) - 20} more")
        return "\n".join(lines)


# ---------------------------------------------------------------- storing

def _map_ids(record: TrialRecord) -> tuple[list[str], list[str]]:
    """Vocabulary ids of the trial's conditions and products, from the one shared lexicon."""
    from clinicscan.nlp.short_text import match_ids

    conditions = match_ids(record.condition_text, kind="condition")
    products = match_ids(record.intervention_text, kind="product_type")
    if not conditions and record.title:
        conditions = match_ids(record.title, kind="condition")
    if not products and record.title:
        products = match_ids(record.title, kind="product_type")
    return sorted(conditions), sorted(products)


def _upsert(session: Session, record: TrialRecord, source: str, result: ImportResult) -> None:
    condition_ids, product_ids = _map_ids(record)
    values = dict(
        title=record.title, status=record.status, phases=record.phases,
        has_results=record.has_results, sponsor=record.sponsor, conditions=record.conditions,
        interventions=record.interventions, condition_ids=condition_ids,
        product_type_ids=product_ids, source_file=source,
    )
    trial = session.get(Trial, record.nct_id)
    if trial is None:
        session.add(Trial(nct_id=record.nct_id, **values))
        session.flush()
        result.inserted += 1
    else:
        for key, value in values.items():
            setattr(trial, key, value)
        result.updated += 1
    result.studies += 1


def _store_json(session: Session, text: str, source: str, where: str, result: ImportResult) -> dict:
    """Store every readable study of one JSON document; returns the document (for paging)."""
    try:
        studies = list(read_json(text))
    except (ValueError, StudyError) as exc:
        result.problems.append(f"{where}: not ClinicalTrials.gov JSON ({exc}); file skipped")
        return {}
    for position, obj in studies:
        try:
            record = parse_study(obj)
        except StudyError as exc:
            result.problems.append(f"{where} {position}: {exc}; skipped")
            continue
        _upsert(session, record, source, result)
    data = json.loads(text)
    return data if isinstance(data, dict) else {}


def import_files(store: Store, files: Iterable[str | Path]) -> ImportResult:
    """Import downloaded API v2 JSON files or CSV downloads into the store's trials."""
    result = ImportResult()
    for raw in files:
        path = Path(raw)
        result.files += 1
        studies_before, problems_before = result.studies, len(result.problems)
        _import_file(store, path, result)
        if result.studies == studies_before and len(result.problems) > problems_before:
            result.skipped_files.append(f"{path}: {_reason(result.problems[problems_before], path)}")
    for problem in result.problems:
        log.warning("ctgov import: %s", problem)
    return result


def _reason(problem: str, path: Path) -> str:
    """A problem line without its leading file name (the skipped-file line names the file)."""
    return problem[len(str(path)):].lstrip(": ") if problem.startswith(str(path)) else problem


def _import_file(store: Store, path: Path, result: ImportResult) -> None:
    """Store one downloaded file's studies; what cannot be read goes to ``result.problems``."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        result.problems.append(f"{path}: cannot read ({exc}); file skipped")
        return
    with store.session() as session:
        if path.suffix.lower() == ".csv" or text.lstrip()[:1] not in ("{", "["):
            try:
                rows = list(read_csv(text))
            except (StudyError, csv.Error) as exc:
                result.problems.append(f"{path}: not a ClinicalTrials.gov CSV ({exc}); file skipped")
                return
            for position, item in rows:
                if isinstance(item, StudyError):
                    result.problems.append(f"{path} {position}: {item}; skipped")
                else:
                    _upsert(session, item, str(path), result)
        else:
            _store_json(session, text, str(path), str(path), result)


# ---------------------------------------------------------------- fetching

def fetch(
    store: Store,
    cond: str | None = None,
    intr: str | None = None,
    term: str | None = None,
    base_url: str = "https://clinicaltrials.gov/api/v2",
    page_size: int = 100,
    max_pages: int = 20,
    delay: float = 1.0,
    echo: Callable[[str], None] | None = None,
) -> ImportResult:
    """Page through ``{base_url}/studies`` for a query and import every study.

    Polite by construction: ``delay`` seconds between requests, ``Retry-After`` honoured on
    429/503, our User-Agent on every request, at most ``max_pages`` pages.
    """
    say = echo or (lambda _msg: None)
    query = {k: v for k, v in (("query.cond", cond), ("query.intr", intr), ("query.term", term)) if v}
    if not query:
        raise InputError("give at least one of cond, intr or term for a ClinicalTrials.gov search")
    result = ImportResult()
    token: str | None = None
    last_request = 0.0
    for page in range(1, max_pages + 1):
        params = dict(query, pageSize=str(page_size), format="json")
        if page == 1:
            params["countTotal"] = "true"
        if token:
            params["pageToken"] = token
        url = f"{base_url.rstrip('/')}/studies?{urllib.parse.urlencode(params)}"
        wait = delay - (time.monotonic() - last_request)
        if page > 1 and wait > 0:
            time.sleep(wait)
        text = _get(url, delay)
        last_request = time.monotonic()
        result.pages += 1
        with store.session() as session:
            before = result.studies
            data = _store_json(session, text, url, f"page {page}", result)
        if page == 1 and isinstance(data.get("totalCount"), int):
            result.total_reported = data["totalCount"]
        say(f"page {page}: {result.studies - before} studies")
        token = data.get("nextPageToken")
        if not token:
            break
    else:
        if token:
            say(f"stopped after {max_pages} pages; more results remain (raise --max-pages)")
    return result


def _get(url: str, delay: float) -> str:
    """GET with our User-Agent; wait and retry on 429/503 (Retry-After) and 5xx."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "application/json"})
    for attempt in range(MAX_RETRIES + 1):
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                body = response.read(MAX_RESPONSE_BYTES + 1)
                if len(body) > MAX_RESPONSE_BYTES:
                    raise InputError(f"{url}: response larger than {MAX_RESPONSE_BYTES} bytes; lower --page-size")
                charset = response.headers.get_content_charset() or "utf-8"
                return body.decode(charset, errors="replace")
        except urllib.error.HTTPError as exc:
            retryable = exc.code == 429 or exc.code >= 500
            if not retryable or attempt == MAX_RETRIES:
                raise InputError(
                    f"ClinicalTrials.gov answered HTTP {exc.code} for {url}; check the query and "
                    "--base-url, or download the results and use `clinicscan registry import-ctgov`"
                ) from exc
            pause = parse_retry_after(exc.headers.get("Retry-After")) if exc.code in (429, 503) else None
            pause = pause if pause is not None else max(delay, 1.0) * (2 ** attempt)
            log.warning("ctgov fetch: HTTP %s, waiting %.1fs before retrying %s", exc.code, pause, url)
            time.sleep(min(pause, MAX_RETRY_AFTER))
        except (urllib.error.URLError, OSError) as exc:
            if attempt == MAX_RETRIES:
                reason = getattr(exc, "reason", exc)
                raise InputError(
                    f"cannot reach {url} ({reason}); check --base-url and the network, or "
                    "download the results and use `clinicscan registry import-ctgov`") from exc
            time.sleep(max(delay, 1.0) * (2 ** attempt))
    raise AssertionError("unreachable")


__all__ = ["import_files", "fetch", "parse_study", "ImportResult", "TrialRecord"]
