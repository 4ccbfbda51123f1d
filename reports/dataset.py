"""One crawl run read out of the store as tables (pandas), the input of every export.

Reading once into frames keeps each export a small transformation and lets the report work
the same on SQLite and PostgreSQL.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import pandas as pd
from sqlalchemy import Text, cast, func, select

from clinicscan.errors import ConfigError
from clinicscan.store import Store
from clinicscan.store.models import Claim, CrawlRun, Page, Site, Trial
from clinicscan.vocabulary import COUNTED_CONTEXTS, RED_FLAG_COUNTED_CONTEXTS


PAGE_COLUMNS = ["page_id", "site_id", "url", "final_url", "status", "fetched_at", "title",
                "offers_treatment", "offer_score", "offer_cues", "page_kind", "conditions",
                "product_types", "red_flags", "extracted_at", "extract_error", "warc_file",
                "warc_record_id", "lexicon_version"]
CLAIM_COLUMNS = ["claim_id", "page_id", "kind", "vocab_id", "detail_id", "matched_text", "start",
                 "end", "sentence", "sent_start", "sent_end", "context", "context_cue", "section",
                 "lexicon_version"]
SITE_COLUMNS = ["site_id", "site_name", "domain", "seed_url", "country", "region", "site_source"]


@dataclass
class RunData:
    """Pages, claims, sites and trials of one run; ``claims`` carries page and site columns.

    ``load_run`` gives every claim. The report's own read (``reports.claims_pass``) keeps only
    the counting claims, with the columns the analysis reads, and says so with
    ``counting_only``; it gives each page's claim counts (``page_mentions``, ``page_counting``,
    by page id), which ``mention_counts`` otherwise computes from ``claims``.
    """

    run_id: int
    run_label: str | None
    run_started_at: object
    run_kind: str
    sites: pd.DataFrame
    pages: pd.DataFrame
    claims: pd.DataFrame
    trials: pd.DataFrame
    counting_only: bool = False
    page_mentions: pd.Series | None = None
    page_counting: pd.Series | None = None

    def mention_counts(self) -> tuple[pd.Series, pd.Series]:
        """(claims, counting claims) per page id."""
        if self.page_mentions is not None and self.page_counting is not None:
            return self.page_mentions, self.page_counting
        if self.counting_only:
            raise ValueError("counting-only run data without its page counts")
        claims = self.claims
        mentions = claims.groupby("page_id").size() if len(claims) else pd.Series(dtype=int)
        counting = claims[claims["counts"]].groupby("page_id").size() if len(claims) else pd.Series(dtype=int)
        return mentions, counting


def resolve_run(store: Store, run_id: int | None) -> CrawlRun:
    """The requested run, or the latest one; a clear error when there is none."""
    with store.session() as session:
        if run_id is None:
            run = session.scalar(select(CrawlRun).order_by(CrawlRun.started_at.desc(), CrawlRun.id.desc()).limit(1))
            if run is None:
                raise ConfigError(f"no crawl run in {store.url}; run `clinicscan crawl` (or `scan`) first")
        else:
            run = session.get(CrawlRun, run_id)
            if run is None:
                known = session.scalars(select(CrawlRun.id).order_by(CrawlRun.id)).all()
                raise ConfigError(f"there is no crawl run {run_id} in {store.url}; known runs: "
                                  f"{', '.join(map(str, known)) or 'none'}")
        session.expunge(run)
        return run


def load_run(store: Store, run_id: int | None = None) -> RunData:
    """Every page, site and claim of ``run_id`` (default: the latest run) as frames."""
    run = resolve_run(store, run_id)
    with store.session() as session:
        pages, sites = _pages_and_sites(session, run.id)
        claim_rows = session.execute(
            select(Claim.id, Claim.page_id, Claim.kind, Claim.vocab_id, Claim.detail_id,
                   Claim.matched_text, Claim.start, Claim.end, Claim.sentence, Claim.sent_start,
                   Claim.sent_end, Claim.context, Claim.context_cue, Claim.section,
                   Claim.lexicon_version)
            .join(Page, Page.id == Claim.page_id).where(Page.run_id == run.id)
            .order_by(Claim.page_id, Claim.start, Claim.kind)).all()
        trials = load_trials(session)
    claims = pd.DataFrame([tuple(r) for r in claim_rows], columns=CLAIM_COLUMNS)
    claims = claims.merge(
        pages[["page_id", "site_id", "url", "fetched_at", "offers_treatment", "page_kind",
               "warc_record_id", "site_name", "domain"]], on="page_id", how="left")
    claims["counts"] = (claims["offers_treatment"].fillna(False).astype(bool)
                        & claims["context"].isin(COUNTED_CONTEXTS)
                        & ((claims["kind"] != "red_flag") | claims["context"].isin(RED_FLAG_COUNTED_CONTEXTS)))
    return RunData(run.id, run.label, run.started_at, run.kind, sites, pages, claims, trials)


def load_run_without_claims(store: Store, run: CrawlRun) -> RunData:
    """``run``'s pages, sites and trials as ``load_run`` reads them, and no claims (the report
    streams those: reports.claims_pass)."""
    with store.session() as session:
        pages, sites = _pages_and_sites(session, run.id)
        trials = load_trials(session)
    claims = pd.DataFrame(columns=CLAIM_COLUMNS)
    return RunData(run.id, run.label, run.started_at, run.kind, sites, pages, claims, trials,
                   counting_only=True)


def _pages_and_sites(session, run_id: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The run's pages (with their site's columns) and its sites."""
    page_rows = session.execute(
        select(Page.id, Page.site_id, Page.url, Page.final_url, Page.status, Page.fetched_at,
               Page.title, Page.offers_treatment, Page.offer_score, cast(Page.offer_cues, Text),
               Page.page_kind, cast(Page.condition_ids, Text), cast(Page.product_type_ids, Text),
               cast(Page.red_flag_ids, Text),
               Page.extracted_at, Page.extract_error, Page.warc_file, Page.warc_record_id,
               Page.lexicon_version)
        .where(Page.run_id == run_id).order_by(Page.site_id, Page.url)
        .execution_options(yield_per=PAGE_CHUNK_ROWS))  # the ORM would fetch every row first
    pages = _frame_sharing_text(page_rows.partitions(PAGE_CHUNK_ROWS), PAGE_COLUMNS, SHARED_PAGE_TEXT + JSON_LISTS)
    site_rows = session.execute(
        select(Site.id, Site.name, Site.domain, Site.seed_url, Site.country, Site.region, Site.source)
        .where(Site.id.in_(select(Page.site_id).where(Page.run_id == run_id)))
        .order_by(Site.name, Site.domain)).all()
    strings: dict = {}
    for col in JSON_LISTS:
        pages[col] = pd.Series(_json_lists(pages[col].tolist(), strings), index=pages.index, dtype=object)
    sites = pd.DataFrame([tuple(r) for r in site_rows], columns=SITE_COLUMNS)
    pages = pages.merge(sites, on="site_id", how="left")
    return pages, sites


# page text columns whose values repeat (a run's lexicon version, a WARC file of 1,000 pages,
# the final URL that is the URL): one string object for equal values
SHARED_PAGE_TEXT = ("url", "final_url", "page_kind", "extract_error", "warc_file", "lexicon_version")
JSON_LISTS = ("conditions", "product_types", "red_flags", "offer_cues")  # read as JSON text, then decoded


def _frame_sharing_text(chunks, columns: list[str], shared: tuple[str, ...]) -> pd.DataFrame:
    """``pd.DataFrame([tuple(r) for r in rows], columns=columns)`` for the rows of ``chunks``
    (lists of rows: the same dtypes and values), built a column at a time from a chunk of rows
    at a time, equal strings of the ``shared`` columns one object.

    Why: all 40,000 page rows of a million-claim run fetched at once, then framed, held every
    value three times over (rows, columns, frame): 75 MiB at the top for 22 MiB kept, and the
    heap kept the difference."""
    strings: dict = {}
    data: dict[str, list] = {name: [] for name in columns}
    for chunk in chunks:
        for name, values in zip(columns, zip(*chunk)):
            if name in shared:
                data[name].extend([strings.setdefault(v, v) if isinstance(v, str) else v for v in values])
            else:
                data[name].extend(values)
    if not data[columns[0]]:
        return pd.DataFrame([], columns=columns)
    return pd.DataFrame(data, columns=columns)


PAGE_CHUNK_ROWS = 5_000


def _json_lists(texts: list, strings: dict | None = None) -> list[list]:
    """JSON texts of a list column (read as text), each as a list ([] for NULL or a non-list).

    One ``json.loads`` of the distinct texts joined: the per-cell decoding SQLAlchemy does for
    a JSON column cost 1 s of CPU for the 40,000 pages of a million-claim run. Pages with the
    same text share one list (never changed in place), and equal strings one object (through
    ``strings``, which a caller may share between columns): each page's own copy of its
    vocabulary ids was 28 MiB of 500,000 small strings at a million claims."""
    cells = ["null" if t is None else t for t in texts]
    distinct = list(dict.fromkeys(cells))
    try:
        values = json.loads("[" + ",".join(distinct) + "]")
        if len(values) != len(distinct):
            raise ValueError("a cell held more than one JSON value")
    except ValueError:  # a damaged cell: decode one by one, so its own error is the one raised
        values = [json.loads(c) for c in distinct]
    strings = {} if strings is None else strings
    lists = {text: [strings.setdefault(v, v) if isinstance(v, str) else v for v in value]
             if isinstance(value, list) else [] for text, value in zip(distinct, values)}
    return [lists[c] for c in cells]


def load_trials(session) -> pd.DataFrame:
    rows = session.execute(select(Trial.nct_id, Trial.title, Trial.status, Trial.phases,
                                  Trial.has_results, Trial.condition_ids,
                                  Trial.product_type_ids)).all()
    return pd.DataFrame([tuple(r) for r in rows],
                        columns=["nct_id", "title", "status", "phases", "has_results",
                                 "condition_ids", "product_type_ids"])


def run_ids(store: Store) -> list[int]:
    with store.session() as session:
        return list(session.scalars(select(CrawlRun.id).order_by(CrawlRun.id)))


def count_trials(store: Store) -> int:
    with store.session() as session:
        return session.scalar(select(func.count()).select_from(Trial)) or 0
