"""One page in, one PageAnalysis out: text, offer decision, claims and page-level ids.

``analyse_page`` never raises: any failure comes back as a PageAnalysis with ``error`` set,
so one hostile page cannot stop a batch.
"""

from __future__ import annotations

import gc
import logging
from dataclasses import asdict, dataclass, field

from clinicscan.nlp.claim_model import CELL_SOURCES, claimed_ids, load_claim_models, rule_ids
from clinicscan.nlp.components.context import ClaimRow
from clinicscan.nlp.contacts import ContactFactRow, contact_facts
from clinicscan.nlp.html_text import BULLET, PageText, html_to_text, plain_to_text
from clinicscan.nlp.pipeline import shared_pipeline
from clinicscan.nlp.site_voice import CANDIDATE, page_role
from clinicscan.vocabulary import KIND_FIELDS, counted_contexts

__all__ = ["PageAnalysis", "analyse_page", "page_ids", "page_text", "run_pipeline", "MAX_HTML_CHARS", "MAX_TEXT_CHARS"]

log = logging.getLogger(__name__)

#: pages larger than this are cut (a 25 KB page is typical; 5 MB is already an outlier)
MAX_HTML_CHARS = 5_000_000
MAX_TEXT_CHARS = 1_000_000


@dataclass
class PageAnalysis:
    title: str = ""
    text: str = ""
    offers_treatment: bool = False
    offer_score: float = 0.0
    offer_cues: list[str] = field(default_factory=list)
    page_kind: str = "other"
    claims: list[ClaimRow] = field(default_factory=list)
    conditions: list[str] = field(default_factory=list)
    product_types: list[str] = field(default_factory=list)
    red_flags: list[str] = field(default_factory=list)
    lexicon_version: str = ""
    error: str | None = None
    #: phones, emails, addresses and the organisation name on the page (``nlp.contacts``)
    contacts: list[ContactFactRow] = field(default_factory=list)
    #: why the contact facts could not be read (the rest of the analysis stands)
    contacts_error: str | None = None
    #: the page's part in the site-level seller decision (``nlp.site_voice``): "seller" (sells with a clear
    #: margin), "candidate" (a non-seller that would sell on a selling site) or None; the cue behind it; and a
    #: candidate's page-level ids as a seller page ("conditions", "product_types", "red_flags")
    site_role: str | None = None
    site_basis: str = ""
    site_ids: dict[str, list[str]] = field(default_factory=dict)
    #: where the page's own text ends and its menus, sidebars and footers begin (``text[:main_length]``)
    main_length: int = 0

    def to_dict(self) -> dict:
        return asdict(self)


def unspecified_rule(product_types: set[str]) -> set[str]:
    """``unspecified_stem_cell`` only when the page names no cell source ("stem cells and PRP" keeps it)."""
    if "unspecified_stem_cell" in product_types and product_types & CELL_SOURCES:
        product_types.discard("unspecified_stem_cell")
    return product_types


def page_ids(claims: list[ClaimRow], offers_treatment: bool, *, title_length: int = 0, text_length: int = 0,
             use_model: bool = True, models: dict | None = None, title: str = "") -> dict[str, list[str]]:
    """The ids the page's business claims, on an offering page.

    Conditions and product types: the claim model's reading of each mentioned id
    (``clinicscan.nlp.claim_model``; ``models`` default: the shipped ones), or with
    ``use_model=False`` the plain rule (any counted mention outside the navigation). Red flags: any counted mention outside the navigation.
    """
    ids: dict[str, set[str]] = {name: set() for name in KIND_FIELDS.values()}
    if offers_treatment:
        for claim in claims:
            if claim.kind == "red_flag" and claim.context in counted_contexts("red_flag") and claim.section != "nav":
                ids["red_flags"].add(claim.vocab_id)
        chosen = claimed_ids(claims, title_length, text_length, models, title) if use_model else rule_ids(claims)
        ids["conditions"], ids["product_types"] = chosen["condition"], chosen["product_type"]
        unspecified_rule(ids["product_types"])
    return {name: sorted(values) for name, values in ids.items()}


def _to_text(content: str, is_html: bool) -> PageText:
    content = content[:MAX_HTML_CHARS]
    page = html_to_text(content) if is_html else plain_to_text(content)
    if len(page.text) > MAX_TEXT_CHARS:
        cut = page.text.rfind("\n", 0, MAX_TEXT_CHARS)
        cut = cut if cut > 0 else MAX_TEXT_CHARS
        page = PageText(page.title, page.text[:cut], [b for b in page.blocks if b.end <= cut], page.markup)
    return page


def analyse_page(content: str, *, is_html: bool = True, url: str | None = None,
                 lexicon_dir: str | None = None, site_country: str | None = None) -> PageAnalysis:
    """Analyse one page's HTML (or plain text); never raises.

    ``lexicon_dir`` is a lexicon folder laid out like ``data/lexicon`` (patterns, context
    rules, offer cues); the shipped one by default. Its pipeline is built once and kept.
    ``site_country`` (a name or ISO code, e.g. the seed's) is where phone numbers written
    without a country code are read; the US when not given.

    The cyclic GC is paused while the page is analysed (about 0.4 ms a page: its gen-0
    scans fire every few hundred allocations and walk the page's short-lived objects);
    reference counting still frees them, and any cycles go at the next collection.
    """
    paused = gc.isenabled()
    if paused:
        gc.disable()
    try:
        return _analyse(content, is_html, url, lexicon_dir, site_country)
    finally:
        if paused:
            gc.enable()


def page_text(content: str, is_html: bool = True) -> PageText:
    """The page's text as the pipeline reads it (HTML to text, cut to the size limits)."""
    return _to_text(content, is_html)


def run_pipeline(nlp, page: PageText):
    """Run ``nlp``'s components over one page's text (the menus start at ``page.nav_start``)."""
    doc = nlp.make_doc(page.text)
    doc.user_data["clinicscan_nav_start"] = page.nav_start
    doc.user_data["clinicscan_text"] = page.text  # doc.text rebuilds it token by token
    for _name, component in nlp.pipeline:
        doc = component(doc)
    return doc


def _contacts(page: PageText, url: str | None, site_country: str | None) -> tuple[list[ContactFactRow], str | None]:
    """The page's contact facts; a failure here is logged and leaves the claims alone."""
    try:
        return contact_facts(page.markup, page.text, page.title, url=url, country=site_country), None
    except Exception as exc:  # noqa: BLE001 - contact data is attacker-written; the claims must survive it
        log.warning("contact facts not read on %s: %s: %s", url or "(no url)", type(exc).__name__, exc)
        return [], f"{type(exc).__name__}: {exc}"[:500]


def _analyse(content, is_html: bool, url: str | None, lexicon_dir: str | None,
             site_country: str | None = None) -> PageAnalysis:
    try:
        if not isinstance(content, str):
            content = content.decode("utf-8", "replace") if isinstance(content, (bytes, bytearray)) else str(content or "")
        page = _to_text(content, is_html)
        doc = run_pipeline(shared_pipeline(lexicon_dir), page)
        nav_start = page.nav_start
        main_length = page.main_end
        claims: list[ClaimRow] = doc._.clinicscan_claims or []
        bullet = BULLET.strip()
        for claim in claims:
            if claim.start >= nav_start:
                claim.section = "nav"
            elif claim.sentence.startswith(bullet):
                claim.section = "list"
        decision = doc._.clinicscan_offer
        contacts, contacts_error = _contacts(page, url, site_country)
        models = load_claim_models(str(lexicon_dir) if lexicon_dir else None)
        ids = page_ids(claims, decision.offers_treatment, title_length=len(page.title), text_length=main_length,
                       models=models, title=page.title)
        role, basis = page_role(decision)
        site_ids: dict[str, list[str]] = {}
        if role == CANDIDATE:
            # what the page claims if its site sells: its ids read as a seller page's; a candidate must claim a
            # product type and a condition (a therapy for something), as the claim model reads it
            site_ids = page_ids(claims, True, title_length=len(page.title), text_length=main_length,
                                models=models, title=page.title)
            if not (site_ids["conditions"] and site_ids["product_types"]):
                role, basis, site_ids = None, "", {}
        return PageAnalysis(
            title=page.title, text=page.text, offers_treatment=decision.offers_treatment,
            offer_score=decision.score, offer_cues=decision.cues, page_kind=decision.page_kind,
            claims=claims, lexicon_version=doc.user_data.get("clinicscan_lexicon_version", ""), **ids,
            contacts=contacts, contacts_error=contacts_error, site_role=role, site_basis=basis, site_ids=site_ids,
            main_length=main_length,
        )
    except Exception as exc:  # noqa: BLE001 - the contract: one bad page never stops a batch
        log.warning("could not analyse page %s: %s: %s", url or "(no url)", type(exc).__name__, exc)
        return PageAnalysis(error=f"{type(exc).__name__}: {exc}"[:500])
