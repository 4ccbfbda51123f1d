"""Database models: crawl runs, sites, pages, claims, contact facts, the crawl frontier, registry,
trials.

One schema for SQLite and PostgreSQL. Natural keys carry unique constraints so that every
stage can upsert: re-running a crawl, an extraction or an import never duplicates rows.
"""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class Base(DeclarativeBase):
    pass


class CrawlRun(Base):
    """One crawl (or one local extraction) over a set of seeds: a snapshot in time.

    ``fingerprint`` identifies the seeds+settings, so the same command started again after
    a crash finds its unfinished run and resumes it instead of starting another.
    """

    __tablename__ = "crawl_runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16), default="crawl")  # crawl | local
    label: Mapped[str | None] = mapped_column(String(200))
    fingerprint: Mapped[str] = mapped_column(String(64), index=True)
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    status: Mapped[str] = mapped_column(String(16), default="running")  # running | finished
    seeds: Mapped[list] = mapped_column(JSON, default=list)
    settings: Mapped[dict] = mapped_column(JSON, default=dict)
    version: Mapped[str] = mapped_column(String(32))
    stats: Mapped[dict] = mapped_column(JSON, default=dict)

    pages: Mapped[list[Page]] = relationship(back_populates="run")


class Site(Base):
    """A clinic's website (one per domain): who the business is, from the seed list."""

    __tablename__ = "sites"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    domain: Mapped[str] = mapped_column(String(255), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    seed_url: Mapped[str] = mapped_column(Text)
    country: Mapped[str | None] = mapped_column(String(100))
    region: Mapped[str | None] = mapped_column(String(100))
    source: Mapped[str | None] = mapped_column(String(300))

    pages: Mapped[list[Page]] = relationship(back_populates="site")


class Page(Base):
    """One fetched page in one run, with its text and where its archived copy is.

    Unique per (run, url): a resumed run never stores a page twice; a later run is a new
    observation of the same URL, which is what ``clinicscan diff`` compares.
    """

    __tablename__ = "pages"
    __table_args__ = (UniqueConstraint("run_id", "url", name="uq_page_run_url"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("crawl_runs.id", ondelete="CASCADE"), index=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id", ondelete="CASCADE"), index=True)
    url: Mapped[str] = mapped_column(Text)
    final_url: Mapped[str | None] = mapped_column(Text)
    status: Mapped[int | None] = mapped_column(Integer)
    fetched_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    content_type: Mapped[str | None] = mapped_column(String(200))
    content_hash: Mapped[str | None] = mapped_column(String(64))
    depth: Mapped[int] = mapped_column(Integer, default=0)
    # the decoded body, for re-extraction; NULL on a crawled page whose body is read back
    # from its WARC record (warc_file, warc_offset), decoded with ``html_encoding``:
    # clinicscan.store.bodies.page_html reads both
    html: Mapped[str | None] = mapped_column(Text)
    html_encoding: Mapped[str | None] = mapped_column(String(40))
    # filled by the extract stage
    title: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str | None] = mapped_column(Text)
    offers_treatment: Mapped[bool | None] = mapped_column(Boolean)
    offer_score: Mapped[float | None] = mapped_column(Float)
    offer_cues: Mapped[list | None] = mapped_column(JSON)
    page_kind: Mapped[str | None] = mapped_column(String(32))  # e.g. clinic, news, regulator
    # page-level vocabulary ids decided by the extract stage (what pages.csv exports)
    condition_ids: Mapped[list | None] = mapped_column(JSON)
    product_type_ids: Mapped[list | None] = mapped_column(JSON)
    red_flag_ids: Mapped[list | None] = mapped_column(JSON)
    extracted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    lexicon_version: Mapped[str | None] = mapped_column(String(64))
    extract_error: Mapped[str | None] = mapped_column(Text)
    # the archived copy
    warc_file: Mapped[str | None] = mapped_column(Text)
    warc_record_id: Mapped[str | None] = mapped_column(String(100))
    warc_offset: Mapped[int | None] = mapped_column(Integer)

    run: Mapped[CrawlRun] = relationship(back_populates="pages")
    site: Mapped[Site] = relationship(back_populates="pages")
    claims: Mapped[list[Claim]] = relationship(
        back_populates="page", cascade="all, delete-orphan", passive_deletes=True
    )

    def read_html(self) -> str | None:
        """The page's html: the ``html`` column, or (a crawled page) the body of its WARC
        record decoded as the spider decoded it (``clinicscan.store.bodies.page_html``)."""
        from clinicscan.store.bodies import page_html

        return page_html(self.html, self.warc_file, self.warc_offset, self.html_encoding,
                         self.content_hash)


class Claim(Base):
    """One mention in one sentence: a condition, a product type or a red flag, in context.

    ``kind`` says which of ``condition`` / ``product_type`` / ``red_flag`` it is, and
    ``vocab_id`` holds the shared vocabulary id (``detail_id`` the project's finer id, if any).
    ``context`` is the decision: asserted, negated, hedged or reported. Only mentions in a
    counted context (``clinicscan.vocabulary.COUNTED_CONTEXTS``: asserted, hedged) on pages
    that offer treatment count as claims in the report; the rest are kept
    so a reviewer sees why a mention was discounted.
    """

    __tablename__ = "claims"
    __table_args__ = (
        UniqueConstraint("page_id", "kind", "vocab_id", "start", name="uq_claim_mention"),
        Index("ix_claim_kind_vocab", "kind", "vocab_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    page_id: Mapped[int] = mapped_column(ForeignKey("pages.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # one of clinicscan.vocabulary.CLAIM_KINDS
    vocab_id: Mapped[str] = mapped_column(String(64))
    detail_id: Mapped[str | None] = mapped_column(String(64))
    matched_text: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)  # mention offsets in page.text
    end: Mapped[int] = mapped_column(Integer)
    sentence: Mapped[str] = mapped_column(Text)
    sent_start: Mapped[int] = mapped_column(Integer)  # sentence offsets in page.text
    sent_end: Mapped[int] = mapped_column(Integer)
    context: Mapped[str] = mapped_column(String(16), default="asserted")  # one of vocabulary.CONTEXTS
    context_cue: Mapped[str | None] = mapped_column(Text)  # the words that decided it
    section: Mapped[str] = mapped_column(String(16), default="main")  # main | nav | list
    lexicon_version: Mapped[str] = mapped_column(String(64))

    page: Mapped[Page] = relationship(back_populates="claims")


class ContactFact(Base):
    """A contact or location fact found on one page, with where it came from.

    Written by the extract stage (a page's facts are replaced when it is re-extracted) and
    read by the grouping of sites into businesses and locations, which compares ``value``
    across sites. ``kind`` is one of ``phone``, ``email``, ``address``, ``org_name``;
    ``value`` is the normalised form a comparison can trust:

    - phone: E.164 (``+13035550142``), only numbers ``phonenumbers`` calls valid;
    - email: lower-cased (``info@clinic.example``);
    - address: ``country|region|postal|street``, each part lower-cased with runs of space
      and punctuation collapsed, street words abbreviated the USPS way (street -> st,
      avenue -> ave, north -> n, ...), and a unit (suite, ste, unit, #, floor) dropped:
      ``us|co|80202|1420 larimer st``. An unknown part is empty (``de||10115|...``);
    - org_name: the name with surrounding space stripped (as shown; compare with care:
      a shared name alone never ties two businesses).

    ``display`` is the fact as the page shows it and ``evidence`` the sentence or markup
    snippet it came from (both capped at 300 characters). ``source`` says which reader
    found it: ``jsonld``, ``microdata``, ``og``, ``title``, ``text``, ``tel_link``,
    ``mailto``. ``country`` is ISO 3166-1 alpha-2 (a phone's region, an address's
    country); ``region`` a US state as its two-letter code, elsewhere the region as given.
    """

    __tablename__ = "contact_facts"
    __table_args__ = (
        UniqueConstraint("page_id", "kind", "value", name="uq_contact_fact"),
        Index("ix_contact_fact_site", "site_id", "kind"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    page_id: Mapped[int] = mapped_column(ForeignKey("pages.id", ondelete="CASCADE"), index=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))  # phone | email | address | org_name
    value: Mapped[str] = mapped_column(Text)  # normalised, see the docstring
    display: Mapped[str] = mapped_column(Text)
    country: Mapped[str | None] = mapped_column(String(2))
    region: Mapped[str | None] = mapped_column(String(100))
    city: Mapped[str | None] = mapped_column(String(200))
    postal_code: Mapped[str | None] = mapped_column(String(20))
    street: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(16))  # jsonld | microdata | og | title | text | tel_link | mailto
    evidence: Mapped[str] = mapped_column(Text)


class SiteRole(Base):
    """What a page can do for the site-level seller decision (``clinicscan.nlp.site_voice``).

    Written by the extract stage beside the page's claims (replaced when the page is
    re-extracted), for two kinds of page only: ``seller``, a page that sells on its own
    text with a clear margin; and ``candidate``, a page its own text calls a non-seller
    although it describes a therapy in its own voice with nothing of a non-selling page
    (regulator warning, trial, news, research...). A candidate on a site whose run also has a
    ``seller`` page becomes a seller "because of its site": its ``offers_treatment`` is set
    and its page-level ids become the ones kept here, which its claims give on a selling
    page (the claim model reads ``offers_treatment``). Pages of neither kind have no row.
    """

    __tablename__ = "site_roles"

    page_id: Mapped[int] = mapped_column(ForeignKey("pages.id", ondelete="CASCADE"), primary_key=True)
    role: Mapped[str] = mapped_column(String(16))  # seller | candidate
    basis: Mapped[str | None] = mapped_column(Text)  # the cue behind it, e.g. "therapy acts:prp"
    page_kind: Mapped[str | None] = mapped_column(String(32))  # the page's own kind, restored on demotion
    condition_ids: Mapped[list | None] = mapped_column(JSON)  # a candidate's ids as a seller
    product_type_ids: Mapped[list | None] = mapped_column(JSON)
    red_flag_ids: Mapped[list | None] = mapped_column(JSON)


class FrontierUrl(Base):
    """A URL the crawler has discovered for a run, and whether it has been fetched.

    The frontier lives in the store so a crawl killed at any moment resumes from the same
    database: pending URLs are requested again, done ones never are.
    """

    __tablename__ = "frontier"
    __table_args__ = (UniqueConstraint("run_id", "url", name="uq_frontier_run_url"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("crawl_runs.id", ondelete="CASCADE"), index=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id", ondelete="CASCADE"))
    url: Mapped[str] = mapped_column(Text)
    depth: Mapped[int] = mapped_column(Integer, default=0)
    priority: Mapped[int] = mapped_column(Integer, default=0)
    state: Mapped[str] = mapped_column(String(16), default="pending")  # pending|done|skipped|failed
    reason: Mapped[str | None] = mapped_column(Text)


class RegistryEntry(Base):
    """A row of the evidence registry as loaded for a report: approval, trial product or
    enforcement action, always with its source."""

    __tablename__ = "registry"
    __table_args__ = (UniqueConstraint("kind", "key", name="uq_registry_kind_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))  # approval | late_stage | enforcement
    key: Mapped[str] = mapped_column(String(300))
    data: Mapped[dict] = mapped_column(JSON)
    source: Mapped[str] = mapped_column(Text)


class Trial(Base):
    """A registered clinical trial imported from ClinicalTrials.gov, mapped to vocabulary ids."""

    __tablename__ = "trials"

    nct_id: Mapped[str] = mapped_column(String(16), primary_key=True)
    title: Mapped[str] = mapped_column(Text)
    status: Mapped[str | None] = mapped_column(String(40))
    phases: Mapped[list] = mapped_column(JSON, default=list)
    has_results: Mapped[bool] = mapped_column(Boolean, default=False)
    sponsor: Mapped[str | None] = mapped_column(Text)
    conditions: Mapped[list] = mapped_column(JSON, default=list)  # raw condition strings
    interventions: Mapped[list] = mapped_column(JSON, default=list)  # raw intervention names
    condition_ids: Mapped[list] = mapped_column(JSON, default=list)  # vocabulary ids
    product_type_ids: Mapped[list] = mapped_column(JSON, default=list)
    source_file: Mapped[str | None] = mapped_column(Text)
    imported_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
