"""The extract stage: stored pages in, page-level ids and Claim rows out.

Pages are read in batches by id (keyset order), analysed by a process pool whose workers
build the pipeline once and return plain rows (``nlp.pipe(n_process=...)`` pickles whole
Docs and is slower than one process), and written back in one transaction per batch: the
page's extraction columns are filled and its Claim and ContactFact rows replaced, so a
re-run never duplicates. On PostgreSQL a batch is taken with ``FOR UPDATE SKIP LOCKED`` so several
extraction processes can share one database without overlap.
"""

from __future__ import annotations

import hashlib
import logging
import os
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable, Sequence

from sqlalchemy import delete, func, insert, select, update

from clinicscan import __version__
from clinicscan.errors import InputError
from clinicscan.store.models import Claim, ContactFact, CrawlRun, Page, Site
from clinicscan.nlp.analyse import PageAnalysis, analyse_page

__all__ = ["ExtractStats", "extract_stored_pages", "extract_local_files", "skipped_local_files", "LOCAL_SUFFIXES"]

log = logging.getLogger(__name__)

LOCAL_SUFFIXES = (".html", ".htm", ".txt")
BATCH_SIZE = 200
#: below this many pages one process is faster than starting a pool
SMALL_JOB = 40
PROGRESS_EVERY = 10.0  # seconds between progress lines
MAX_SENTENCE_CHARS = 2000


@dataclass
class ExtractStats:
    pages: int = 0
    extracted: int = 0
    failed: int = 0
    offering: int = 0
    claims: int = 0
    contacts: int = 0
    workers: int = 1
    seconds: float = 0.0
    lexicon_version: str = ""
    errors: list[str] = field(default_factory=list)

    def describe(self) -> str:
        rate = f", {self.extracted / self.seconds:.0f} pages/s" if self.seconds > 0 and self.extracted else ""
        text = (f"extracted {self.extracted} of {self.pages} pages ({self.offering} offering treatment), "
                f"{self.claims} claims, {self.contacts} contact facts, {self.failed} failed; {self.workers} worker(s), "
                f"{self.seconds:.1f}s{rate}; lexicon {self.lexicon_version or '-'}")
        for error in self.errors[:10]:
            text += f"\n  skipped: {error}"
        if len(self.errors) > 10:
            text += f"\n  ... and {len(self.errors) - 10} more"
        return text


def _is_html(content_type: str | None, url: str | None) -> bool:
    if content_type and "html" in content_type.lower():
        return True
    if content_type and content_type.lower().startswith("text/plain"):
        return False
    return not (url or "").lower().endswith(".txt")


def _clip_sentence(sentence: str, start: int, end: int) -> str:
    """Keep stored sentences readable when a page has a huge unpunctuated block."""
    if len(sentence) <= MAX_SENTENCE_CHARS:
        return sentence
    half = MAX_SENTENCE_CHARS // 2
    lo = max(0, min(start - half, len(sentence) - MAX_SENTENCE_CHARS))
    return ("…" if lo else "") + sentence[lo:lo + MAX_SENTENCE_CHARS] + ("…" if lo + MAX_SENTENCE_CHARS < len(sentence) else "")


def _analyse_job(job: tuple[int, str | None, str | None, str | None, int, str | None]
                 ) -> tuple[int, dict, list[dict], list[dict]]:
    """Worker side: analyse one page, return plain values (cheap to send between processes):
    the page's columns, its claims and its contact facts."""
    page_id, html, content_type, url, site_id, country = job
    if html is None:
        return page_id, {"extract_error": "no stored body to extract from"}, [], []
    result: PageAnalysis = analyse_page(html, is_html=_is_html(content_type, url), url=url, site_country=country)
    if result.error:
        return page_id, {"extract_error": result.error}, [], []
    page = {
        "title": result.title[:2000] or None, "text": result.text, "offers_treatment": result.offers_treatment,
        "offer_score": result.offer_score, "offer_cues": result.offer_cues, "page_kind": result.page_kind,
        "condition_ids": result.conditions, "product_type_ids": result.product_types,
        "red_flag_ids": result.red_flags, "lexicon_version": result.lexicon_version, "extract_error": None,
    }
    seen: set[tuple] = set()
    claims = []
    for c in result.claims:
        key = (c.kind, c.vocab_id, c.start)
        if key in seen:
            continue
        seen.add(key)
        claims.append({
            "kind": c.kind, "vocab_id": c.vocab_id, "detail_id": c.detail_id if c.detail_id != c.vocab_id else None,
            "matched_text": c.matched_text, "start": c.start, "end": c.end,
            "sentence": _clip_sentence(c.sentence, c.start - c.sent_start, c.end - c.sent_start),
            "sent_start": c.sent_start, "sent_end": c.sent_end, "context": c.context, "context_cue": c.context_cue,
            "section": c.section, "lexicon_version": result.lexicon_version,
        })
    contacts = [{"site_id": site_id, **fact.as_row()} for fact in result.contacts]
    return page_id, page, claims, contacts


def _warm_worker() -> None:
    from clinicscan.nlp.pipeline import shared_pipeline

    shared_pipeline()


def _page_filter(run_id: int | None, force: bool):
    conditions = [Page.html.is_not(None)]
    if run_id is not None:
        conditions.append(Page.run_id == run_id)
    if not force:
        conditions.append(Page.extracted_at.is_(None))
    return conditions


def _write_batch(session, results: Iterable[tuple[int, dict, list[dict], list[dict]]], stats: ExtractStats) -> None:
    now = datetime.now(timezone.utc)
    page_rows, claim_rows, contact_rows, ids = [], [], [], []
    for page_id, page, claims, contacts in results:
        ids.append(page_id)
        page_rows.append({"id": page_id, "extracted_at": now, **page})
        if page.get("extract_error"):
            stats.failed += 1
            stats.errors.append(f"page {page_id}: {page['extract_error']}")
            log.warning("page %s not extracted: %s", page_id, page["extract_error"])
            continue
        stats.extracted += 1
        stats.offering += bool(page["offers_treatment"])
        stats.lexicon_version = page["lexicon_version"]
        claim_rows.extend({"page_id": page_id, **claim} for claim in claims)
        contact_rows.extend({"page_id": page_id, **fact} for fact in contacts)
    if not ids:
        return
    session.execute(delete(Claim).where(Claim.page_id.in_(ids)))
    session.execute(delete(ContactFact).where(ContactFact.page_id.in_(ids)))
    session.execute(update(Page), page_rows)
    if claim_rows:
        session.execute(insert(Claim), claim_rows)
    if contact_rows:
        session.execute(insert(ContactFact), contact_rows)
    stats.claims += len(claim_rows)
    stats.contacts += len(contact_rows)


def extract_stored_pages(store, run_id: int | None = None, force: bool = False,
                         workers: int | None = None) -> ExtractStats:
    """Extract every stored page not yet extracted (all of them with ``force``), in batches."""
    started = time.monotonic()
    stats = ExtractStats()
    conditions = _page_filter(run_id, force)
    with store.session() as session:
        total = session.scalar(select(func.count(Page.id)).where(*conditions)) or 0
    stats.pages = total
    wanted = workers or os.cpu_count() or 1
    stats.workers = 1 if total < SMALL_JOB else max(1, min(wanted, total // 10 or 1))
    pool = None
    if total:
        # built here, before forking (forked workers share it), and so that a broken lexicon
        # is one LexiconError, not an error on every page
        _warm_worker()
    if stats.workers > 1:
        pool = ProcessPoolExecutor(max_workers=stats.workers, initializer=_warm_worker)
    last_id, done, last_report = 0, 0, time.monotonic()
    try:
        while True:
            with store.session() as session:
                query = (select(Page.id, Page.html, Page.content_type, Page.url, Page.site_id, Site.country)
                         .join(Site, Site.id == Page.site_id)
                         .where(*conditions, Page.id > last_id).order_by(Page.id).limit(BATCH_SIZE))
                if session.get_bind().dialect.name == "postgresql":
                    query = query.with_for_update(skip_locked=True, of=Page)
                jobs = [tuple(row) for row in session.execute(query)]
                if not jobs:
                    break
                last_id = jobs[-1][0]
                if pool is not None:
                    results = list(pool.map(_analyse_job, jobs, chunksize=max(1, len(jobs) // (stats.workers * 4))))
                else:
                    results = [_analyse_job(job) for job in jobs]
                _write_batch(session, results, stats)
            done += len(jobs)
            if time.monotonic() - last_report >= PROGRESS_EVERY:
                last_report = time.monotonic()
                log.info("extract: %d/%d pages, %d claims, %.0f pages/s", done, total, stats.claims,
                         done / max(1e-9, last_report - started))
    finally:
        if pool is not None:
            pool.shutdown()
    stats.seconds = time.monotonic() - started
    return stats


def _local_files(paths: Sequence[Path | str], skipped: list[str]) -> list[Path]:
    """The files to read (folders walked for .html/.htm/.txt); a named file of another kind
    goes to ``skipped`` as "path: reason"."""
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in LOCAL_SUFFIXES))
        elif path.is_file():
            if path.suffix.lower() in LOCAL_SUFFIXES:
                files.append(path)
            else:
                log.warning("skipped %s: not a .html, .htm or .txt file", path)
                skipped.append(f"{path}: not a .html, .htm or .txt file")
        else:
            raise InputError(f"{path} does not exist; give .html/.htm/.txt files or folders of them")
    unique = list(dict.fromkeys(p.resolve() for p in files))
    if not unique:
        raise InputError(f"no .html, .htm or .txt files found in {', '.join(str(p) for p in paths)}")
    return unique


def _site_domain(folder: Path) -> str:
    domain = f"file:{folder}"
    if len(domain) <= 255:
        return domain
    digest = hashlib.sha256(str(folder).encode()).hexdigest()[:12]
    return f"file:…{str(folder)[-(255 - 20):]}#{digest}"


def _read_local(path: Path, skipped: list[str]) -> str | None:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        reason = f"cannot read it ({exc.strerror or exc})"
    else:
        try:
            return raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            reason = f"not UTF-8 text (byte {exc.start}); re-save it as UTF-8"
    log.warning("skipped %s: %s", path, reason)
    skipped.append(f"{path}: {reason}")
    return None


def skipped_local_files(store, run_id: int) -> list[str]:
    """The input files a local-files run skipped, one "path: reason" each."""
    with store.session() as session:
        run = session.get(CrawlRun, run_id)
        return list((run.stats or {}).get("skipped_files", [])) if run is not None else []


def extract_local_files(store, paths: Sequence[Path | str], workers: int | None = None) -> int:
    """Store local .html/.htm/.txt files as a run of their own (kind "local") and extract them."""
    skipped: list[str] = []
    files = _local_files(paths, skipped)
    fingerprint = hashlib.sha256("\n".join(str(p) for p in files).encode()).hexdigest()
    with store.session() as session:
        run = CrawlRun(kind="local", label=f"local files: {', '.join(str(p) for p in paths)}"[:200],
                       fingerprint=fingerprint, seeds=[str(p) for p in paths], settings={}, version=__version__)
        session.add(run)
        session.flush()
        run_id = run.id
        sites: dict[Path, int] = {}
        for path in files:
            content = _read_local(path, skipped)
            if content is None:
                continue
            folder = path.parent
            if folder not in sites:
                site = store.upsert_site(session, _site_domain(folder), folder.name or str(folder), folder.as_uri())
                sites[folder] = site.id
            is_txt = path.suffix.lower() == ".txt"
            session.add(Page(run_id=run_id, site_id=sites[folder], url=path.as_uri(), final_url=path.as_uri(),
                             status=200, content_type="text/plain" if is_txt else "text/html",
                             content_hash=hashlib.sha256(content.encode("utf-8", "surrogatepass")).hexdigest(),
                             html=content))
    stats = extract_stored_pages(store, run_id=run_id, workers=workers)
    with store.session() as session:
        run = session.get(CrawlRun, run_id)
        run.status = "finished"
        run.finished_at = datetime.now(timezone.utc)
        run.stats = {"files": len(files), "skipped_files": skipped, "extracted": stats.extracted,
                     "failed": stats.failed, "claims": stats.claims}
    log.info("local extraction: %s", stats.describe())
    return run_id
