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
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable, Sequence

from sqlalchemy import delete, func, or_, select
from sqlalchemy.exc import DBAPIError

from clinicscan import __version__
from clinicscan.errors import ClinicscanError, InputError, StoreUnavailable
from clinicscan.heap import long_lived_heap
from clinicscan.store.bodies import ArchivedBodyError, page_html
from clinicscan.store.inserts import bulk_insert, bulk_update_by_id, insert_rows
from clinicscan.store.models import Claim, ContactFact, CrawlRun, Page, Site, SiteRole
from clinicscan.nlp.analyse import PageAnalysis, analyse_page
from clinicscan.nlp.site_voice import apply_site_decisions

__all__ = ["ExtractStats", "extract_stored_pages", "extract_local_files", "skipped_local_files", "LOCAL_SUFFIXES"]

log = logging.getLogger(__name__)

LOCAL_SUFFIXES = (".html", ".htm", ".txt")
BATCH_SIZE = 200
#: below this many pages one process is faster than starting a pool
SMALL_JOB = 40
PROGRESS_EVERY = 10.0  # seconds between progress lines
MAX_SENTENCE_CHARS = 2000
#: how often a worker checks that the process that started it is still there
WORKER_WATCH_SECONDS = 0.5
#: a claim row as a worker returns it (``_analyse_job``) and the batch write inserts it: a tuple
#: of these columns, not a dict (about 40 a page: no dict to build, pickle, merge with the
#: page id and take apart again in the parent)
CLAIM_COLUMNS = ("page_id", "kind", "vocab_id", "detail_id", "matched_text", "start", "end", "sentence",
                 "sent_start", "sent_end", "context", "context_cue", "section", "lexicon_version")
#: how long `extract PATH` waits for pages of its run that another process holds (PostgreSQL)
LOCKED_WAIT_SECONDS = 120.0


@dataclass
class ExtractStats:
    pages: int = 0
    extracted: int = 0
    failed: int = 0
    offering: int = 0
    #: pages of the extracted run(s) that sell because of their site (``nlp.site_voice``), after the pass
    site_sellers: int = 0
    claims: int = 0
    contacts: int = 0
    workers: int = 1
    seconds: float = 0.0
    lexicon_version: str = ""
    errors: list[str] = field(default_factory=list)

    def describe(self) -> str:
        rate = f", {self.extracted / self.seconds:.0f} pages/s" if self.seconds > 0 and self.extracted else ""
        site = f", {self.site_sellers} more because of their site" if self.site_sellers else ""
        text = (f"extracted {self.extracted} of {self.pages} pages ({self.offering} offering treatment{site}), "
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


def _analyse_job(job: tuple) -> tuple[int, dict, list[tuple], list[dict], dict | None]:
    """Worker side: analyse one page, return plain values (cheap to send between processes):
    the page's columns, its claims (tuples of CLAIM_COLUMNS), its contact facts and its site
    role row (or None).

    ``job`` is the page's row as ``_extract_batches`` selects it; a crawled page's html is
    read back from its WARC record here, in the worker (``clinicscan.store.bodies``)."""
    page_id, html, content_type, url, site_id, country, *archived = job
    try:
        html = page_html(html, *archived)
    except ArchivedBodyError as exc:
        return page_id, {"extract_error": f"cannot read the archived body: {exc}"}, [], [], None
    if html is None:
        return page_id, {"extract_error": "no stored body to extract from"}, [], [], None
    result: PageAnalysis = analyse_page(html, is_html=_is_html(content_type, url), url=url, site_country=country)
    if result.error:
        return page_id, {"extract_error": result.error}, [], [], None
    page = {
        "title": result.title[:2000] or None, "text": result.text, "offers_treatment": result.offers_treatment,
        "offer_score": result.offer_score, "offer_cues": result.offer_cues, "page_kind": result.page_kind,
        "condition_ids": result.conditions, "product_type_ids": result.product_types,
        "red_flag_ids": result.red_flags, "lexicon_version": result.lexicon_version, "extract_error": None,
    }
    seen: set[tuple] = set()
    claims = []
    version = result.lexicon_version
    for c in result.claims:
        key = (c.kind, c.vocab_id, c.start)
        if key in seen:
            continue
        seen.add(key)
        sentence = c.sentence
        if len(sentence) > MAX_SENTENCE_CHARS:
            sentence = _clip_sentence(sentence, c.start - c.sent_start, c.end - c.sent_start)
        claims.append((page_id, c.kind, c.vocab_id, c.detail_id if c.detail_id != c.vocab_id else None,
                       c.matched_text, c.start, c.end, sentence, c.sent_start, c.sent_end, c.context,
                       c.context_cue, c.section, version))
    contacts = [{"site_id": site_id, **fact.as_row()} for fact in result.contacts]
    role = None
    if result.site_role:
        role = {"page_id": page_id, "role": result.site_role, "basis": result.site_basis,
                "page_kind": result.page_kind, "condition_ids": result.site_ids.get("conditions"),
                "product_type_ids": result.site_ids.get("product_types"),
                "red_flag_ids": result.site_ids.get("red_flags")}
    return page_id, page, claims, contacts, role


def _warm_worker() -> None:
    from clinicscan.nlp.pipeline import shared_pipeline

    shared_pipeline()


def _exit_with_parent(parent: int) -> None:
    """Worker side: end this worker when the process that started it is gone.

    A killed extraction (SIGKILL, OOM) cannot shut its pool down, and forked workers keep
    the parent's database connection open: on PostgreSQL its transaction, and the rows it
    locked, would outlive it and hold up the run started to resume it."""
    while os.getppid() == parent:
        time.sleep(WORKER_WATCH_SECONDS)
    os._exit(1)


def _init_worker(parent: int) -> None:
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True, name="parent-watch").start()
    _warm_worker()


def _page_filter(run_id: int | None, force: bool):
    conditions = [or_(Page.html.is_not(None), Page.html_encoding.is_not(None))]
    if run_id is not None:
        conditions.append(Page.run_id == run_id)
    if not force:
        conditions.append(Page.extracted_at.is_(None))
    return conditions


def _write_batch(session, results: Iterable[tuple[int, dict, list[tuple], list[dict]]], stats: ExtractStats,
                 claims_to=None) -> tuple[list[int], list[tuple]] | None:
    """Store a batch's results in the session's transaction.

    ``claims_to`` (reports.collected_claims, for ``extract PATH --out``'s report): return the
    claim rows and their ids, to be handed to it once the batch is committed. The ids are
    the store's, read back as ids only (rows go in in order, and ids rise in the order of the
    inserts on SQLite and on PostgreSQL, whose sequence only rises; the batch's pages hold no
    other claims: the old ones are deleted here and the pages are this transaction's, one
    writer on SQLite, row locks on PostgreSQL). When ``claims_to.store_claims`` is false (the
    in-memory store of one ``extract PATH --out`` command, which nothing reads after it) the
    claims are not written to the store at all and get the ids a new store would give them,
    one up from the last (``claims_to.count``): they are kept by ``claims_to`` alone."""
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
        claim_rows.extend(claims)
        contact_rows.extend({"page_id": page_id, **fact} for fact in contacts)
    if not ids:
        return None
    conn = session.connection()
    stored = claims_to is None or claims_to.store_claims
    if stored:
        conn.execute(delete(Claim).where(Claim.page_id.in_(ids)))
    conn.execute(delete(ContactFact).where(ContactFact.page_id.in_(ids)))
    bulk_update_by_id(conn, Page, page_rows)
    if stored:
        insert_rows(conn, Claim, CLAIM_COLUMNS, claim_rows)
    bulk_insert(conn, ContactFact, contact_rows)
    stats.claims += len(claim_rows)
    stats.contacts += len(contact_rows)
    if claims_to is None:
        return None
    if stored:
        claim_ids = list(conn.execute(select(Claim.id).where(Claim.page_id.in_(ids)).order_by(Claim.id)).scalars())
    else:
        claim_ids = list(range(claims_to.count + 1, claims_to.count + 1 + len(claim_rows)))
    return claim_ids, claim_rows


def _write_roles(session, results: Sequence[tuple]) -> None:
    """The batch's site role rows (``nlp.site_voice``): replaced for every page of the batch."""
    ids = [result[0] for result in results]
    if not ids:
        return
    conn = session.connection()
    conn.execute(delete(SiteRole).where(SiteRole.page_id.in_(ids)))
    bulk_insert(conn, SiteRole, [result[4] for result in results if result[4] is not None])


def _store_stopped(doing: str, exc: DBAPIError, done: int | None = None) -> StoreUnavailable:
    """One line for a database that failed under the stage: what stopped, why (the driver's
    first line), what is kept and what to do."""
    reason = str(exc.orig if exc.orig is not None else exc).strip().splitlines()
    kept = f"; the {done} pages extracted before it are kept" if done else ""
    return StoreUnavailable(f"{doing} stopped: the database refused it ({reason[0] if reason else type(exc).__name__})"
                            f"{kept}. Fix the database and run the same command again to resume")


def extract_stored_pages(store, run_id: int | None = None, force: bool = False,
                         workers: int | None = None, claims_to=None) -> ExtractStats:
    """Extract every stored page not yet extracted (all of them with ``force``), in batches.

    ``claims_to``: something with ``add(ids, rows)``, ``count`` and ``store_claims``
    (reports.collected_claims), given each batch's claim rows and their ids once the batch
    is committed (see ``_write_batch``)."""
    started = time.monotonic()
    stats = ExtractStats()
    conditions = _page_filter(run_id, force)
    with store.session() as session:
        total = session.scalar(select(func.count(Page.id)).where(*conditions)) or 0
    stats.pages = total
    if total:
        # built here, before forking (forked workers share it), and so that a broken lexicon
        # is one LexiconError, not an error on every page
        _warm_worker()
    # the pipeline and the modules are built: collections skip them from here on, here and in the workers
    with long_lived_heap():
        _extract_batches(store, run_id, conditions, total, stats, workers, started, claims_to)
    try:
        stats.site_sellers = apply_site_decisions(store, run_id)
    except DBAPIError as exc:
        raise _store_stopped(f"the site-level seller decision{'' if run_id is None else f' of run {run_id}'}",
                             exc) from exc
    stats.seconds = time.monotonic() - started
    return stats


def _extract_batches(store, run_id: int | None, conditions, total: int, stats: ExtractStats,
                     workers: int | None, started: float, claims_to=None) -> None:
    wanted = workers or os.cpu_count() or 1
    stats.workers = 1 if total < SMALL_JOB else max(1, min(wanted, total // 10 or 1))
    pool = None
    if stats.workers > 1:
        pool = ProcessPoolExecutor(max_workers=stats.workers, initializer=_init_worker, initargs=(os.getpid(),))
    last_id, done, last_report = 0, 0, time.monotonic()
    ahead = None  # the next batch: read and handed to the workers before this one is written
    try:
        while True:
            with store.session() as session:
                postgresql = session.get_bind().dialect.name == "postgresql"
                if ahead is None:
                    jobs = _read_batch(session, conditions, last_id, postgresql)
                    results = _analyse(pool, jobs, stats.workers)
                else:
                    (jobs, results), ahead = ahead, None
                if not jobs:
                    break
                last_id = jobs[-1][0]
                if pool is not None and not postgresql:
                    # keep the workers busy while this batch is written (SQLite: one writer,
                    # nothing to lock); on PostgreSQL a batch stays read and written in one
                    # transaction, which holds its pages' row locks until they are stored
                    following = _read_batch(session, conditions, last_id, postgresql)
                    ahead = (following, _analyse(pool, following, stats.workers))
                results = list(results)
                written = _write_batch(session, [result[:4] for result in results], stats, claims_to)
                _write_roles(session, results)
            if written is not None:  # committed
                claims_to.add(*written)
            done += len(jobs)
            if time.monotonic() - last_report >= PROGRESS_EVERY:
                last_report = time.monotonic()
                log.info("extract: %d/%d pages, %d claims, %.0f pages/s", done, total, stats.claims,
                         done / max(1e-9, last_report - started))
    except DBAPIError as exc:
        raise _store_stopped(f"extraction{'' if run_id is None else f' of run {run_id}'}", exc, done) from exc
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)  # a batch read ahead is not analysed in vain after an error


def _read_batch(session, conditions, last_id: int, postgresql: bool) -> list[tuple]:
    """The next BATCH_SIZE pages to extract after ``last_id`` (keyset order), as jobs for
    ``_analyse_job``; on PostgreSQL locked for this session (``FOR UPDATE SKIP LOCKED``)."""
    query = (select(Page.id, Page.html, Page.content_type, Page.url, Page.site_id, Site.country,
                    Page.warc_file, Page.warc_offset, Page.html_encoding, Page.content_hash)
             .join(Site, Site.id == Page.site_id)
             .where(*conditions, Page.id > last_id).order_by(Page.id).limit(BATCH_SIZE))
    if postgresql:
        query = query.with_for_update(skip_locked=True, of=Page)
    return [tuple(row) for row in session.execute(query)]


def _analyse(pool, jobs: list[tuple], workers: int) -> Iterable[tuple]:
    """The jobs' results, in order: handed to the pool at once (the workers start on them while
    the caller does other work), or computed one process when they are read (no pool)."""
    if not jobs:
        return []
    if pool is None:
        return (_analyse_job(job) for job in jobs)
    return pool.map(_analyse_job, jobs, chunksize=max(1, len(jobs) // (workers * 4)))


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


#: files read and stored per transaction when a local run's pages are added
LOCAL_CHUNK = 500


def _local_run(store, paths: Sequence[Path | str], fingerprint: str) -> int:
    """The local run to fill: the unfinished one for the same files (a crashed or stopped
    ``extract PATH`` run again resumes it), else a new one."""
    with store.session() as session:
        run_id = session.scalar(select(CrawlRun.id).where(CrawlRun.kind == "local", CrawlRun.fingerprint == fingerprint,
                                                          CrawlRun.status == "running")
                                .order_by(CrawlRun.id.desc()).limit(1))
        if run_id is not None:
            log.info("resuming local run %d (same files, not finished)", run_id)
            return run_id
        run = CrawlRun(kind="local", label=f"local files: {', '.join(str(p) for p in paths)}"[:200],
                       fingerprint=fingerprint, seeds=[str(p) for p in paths], settings={}, version=__version__)
        session.add(run)
        session.flush()
        return run.id


def _store_local_pages(store, run_id: int, files: list[Path], skipped: list[str]) -> None:
    """Add the files as pages of the run, a chunk per transaction, in one bulk insert each.

    On a resumed run, files already stored are kept as they are unless their content
    changed since (then the new body replaces the old and the page is extracted again)."""
    with store.session() as session:
        stored = {url: (page_id, digest) for page_id, url, digest in
                  session.execute(select(Page.id, Page.url, Page.content_hash).where(Page.run_id == run_id))}
    sites: dict[Path, int] = {}
    for at in range(0, len(files), LOCAL_CHUNK):
        new_rows, changed = [], []
        with store.session() as session:
            for path in files[at:at + LOCAL_CHUNK]:
                content = _read_local(path, skipped)
                if content is None:
                    continue
                url = path.as_uri()
                digest = hashlib.sha256(content.encode("utf-8", "surrogatepass")).hexdigest()
                if url in stored:
                    page_id, old_digest = stored[url]
                    if old_digest != digest:
                        changed.append({"id": page_id, "html": content, "content_hash": digest, "extracted_at": None})
                    continue
                folder = path.parent
                if folder not in sites:
                    site = store.upsert_site(session, _site_domain(folder), folder.name or str(folder), folder.as_uri())
                    sites[folder] = site.id
                is_txt = path.suffix.lower() == ".txt"
                new_rows.append({"run_id": run_id, "site_id": sites[folder], "url": url, "final_url": url,
                                 "status": 200, "content_type": "text/plain" if is_txt else "text/html",
                                 "content_hash": digest, "html": content})
            conn = session.connection()
            bulk_insert(conn, Page, new_rows)
            bulk_update_by_id(conn, Page, changed)


def _run_counts(store, run_id: int) -> tuple[int, int, int]:
    """(pages extracted, pages failed, claims) of a run, as stored: a resumed run counts the
    pages its earlier attempts extracted too."""
    with store.session() as session:
        extracted, failed = session.execute(
            select(func.count(Page.id).filter(Page.extract_error.is_(None)),
                   func.count(Page.id).filter(Page.extract_error.is_not(None)))
            .where(Page.run_id == run_id, Page.extracted_at.is_not(None))).one()
        claims = session.scalar(select(func.count(Claim.id)).join(Page, Page.id == Claim.page_id)
                                .where(Page.run_id == run_id))
    return extracted, failed, claims or 0


def _wait_for_held_pages(store, run_id: int, workers: int | None, claims_to=None) -> None:
    """Extract what is left of the run until nothing is: on PostgreSQL, pages locked by another
    extraction (or by one killed a moment ago, until the database notices) are skipped by
    ``extract_stored_pages``, and a local run must not be marked finished without them."""
    deadline = time.monotonic() + LOCKED_WAIT_SECONDS
    while True:
        with store.session() as session:
            left = session.scalar(select(func.count(Page.id)).where(*_page_filter(run_id, False))) or 0
        if not left:
            return
        if time.monotonic() > deadline:
            raise ClinicscanError(f"{left} pages of local run {run_id} are held by another extraction process; "
                                  "run the same command again once it has finished")
        log.info("%d pages of run %d are held by another extraction process; waiting for them", left, run_id)
        time.sleep(1.0)
        extract_stored_pages(store, run_id=run_id, workers=workers, claims_to=claims_to)


def extract_local_files(store, paths: Sequence[Path | str], workers: int | None = None, claims_to=None) -> int:
    """Store local .html/.htm/.txt files as a run of their own (kind "local") and extract them.

    The same files given again after a crash or a database failure resume the unfinished
    run: pages already extracted are kept, the rest are extracted, nothing is stored twice.
    Once a run has finished, the same files make a new run (a new snapshot).
    ``claims_to``: as for ``extract_stored_pages`` (the claims this process writes, for its report).
    """
    skipped: list[str] = []
    files = _local_files(paths, skipped)
    fingerprint = hashlib.sha256("\n".join(str(p) for p in files).encode()).hexdigest()
    run_id = _local_run(store, paths, fingerprint)
    try:
        _store_local_pages(store, run_id, files, skipped)
    except DBAPIError as exc:
        raise _store_stopped(f"storing the files of local run {run_id}", exc) from exc
    stats = extract_stored_pages(store, run_id=run_id, workers=workers, claims_to=claims_to)
    _wait_for_held_pages(store, run_id, workers, claims_to)
    extracted, failed, claims = _run_counts(store, run_id)
    if claims_to is not None and not claims_to.store_claims:
        claims = claims_to.count  # kept there only (a new in-memory store: the run is all of them)
    with store.session() as session:
        run = session.get(CrawlRun, run_id)
        run.status = "finished"
        run.finished_at = datetime.now(timezone.utc)
        run.stats = {"files": len(files), "skipped_files": skipped, "extracted": extracted,
                     "failed": failed, "claims": claims}
    log.info("local extraction: %s", stats.describe())
    return run_id
