"""The site-level seller decision: a page sells "because of its site".

Coding manual (``../shared/ANNOTATION.md``, sections 1 and 4): "A clinic page that never says
'we' but sits on the clinic's site and describes its therapy: seller", and "a clinic's
educational blog post counts when it presents the clinic's own therapy". The offer component
(``nlp/components/offer.py``) decides page by page, from the page's own text; a careful coder
with the whole site in front of them also reads the clinic's blog, FAQ and condition pages as
the clinic's own once its service or booking page shows that the clinic sells. This module
does that, in two steps:

1. Page by page, in the extract stage's workers (``page_role``, called by ``nlp.analyse``): a
   page gets a *site role* when it is

   - a **confident seller**: it sells on its own text with a clear margin, either with a
     product in its own voice and a rule score of at least ``CONFIDENT_OWN_SCORE``, or with a
     rule score of at least ``CONFIDENT_SCORE`` and the seller model's P(seller) at least
     ``CONFIDENT_P``. On the 211 real-world ``tune`` pages 77 of the 125 true sellers the
     decider finds are confident, and none of its 10 false sellers;
   - a **candidate**: its own text makes it a non-seller, yet it describes a therapy the way a
     seller page would (a counted product, most of its product mentions counted, and, read as
     a seller page, the claim model keeps at least one product type and one condition), and it
     carries nothing of a non-selling page: no product declined in its own voice, report cues
     of the non-selling kinds (``NON_SELLING_KINDS``: a regulator's warning, a trial, news,
     research, banking, a society, critics) weighing less than ``CANDIDATE_REPORT_LIMIT``
     (one full cue, such as "FDA warns" or "this trial", is enough to keep it out), and the
     seller model not sure it sells nothing (P > ``NOT_SELLING_P``, the veto's bound).
     The candidate's page-level ids *as a seller page* are computed there, from its claims
     (``page_ids`` with ``offers_treatment`` true), so a promoted page's ids are the ones it
     would have had had its own text sold.

2. After the pages are extracted (``apply_site_decisions``, called by
   ``nlp.extract.extract_stored_pages`` at its end, on the store): within one run, a candidate
   on a site that has a confident seller *of the same kind of product* becomes a seller (the
   manual's "its therapy": a product type of the candidate's ids is one the seller page sells;
   unnamed "stem cells" on either side stand for any cell source, not for PRP or exosomes).
   Its ``offers_treatment`` is set, its ids become the stored ones, its cues end with
   ``site: sells on <url of the first such seller>`` and its ``page_kind`` is the sellers'
   (``transplant`` when every such seller is a transplant programme, else ``clinic``). Its claims then count in the report as any seller's. A
   candidate whose site no longer has a confident seller (a re-extraction changed it) goes
   back to its own decision. A seller is never made a non-seller because of its site.

The report reads the pages as the store holds them, so ``extract`` and ``report`` agree;
the pass reads the role rows only (two kinds of page, not the whole run) and is linear in
them. A site of one page (``clinicscan evaluate --flagged``) has no other page to sell, so
nothing changes there by design. docs/seller-model.md, "The site-level decision", gives
the reasons and the cost.
"""

from __future__ import annotations

import logging
from collections import defaultdict

from sqlalchemy import select

from clinicscan.nlp.claim_model import CELL_SOURCES
from clinicscan.store.inserts import bulk_update_by_id
from clinicscan.store.models import Page, SiteRole

__all__ = ["CANDIDATE", "SELLER", "SITE_CUE", "apply_site_decisions", "page_role", "own_cues", "same_therapy"]

log = logging.getLogger(__name__)

SELLER, CANDIDATE = "seller", "candidate"
#: the cue a promoted page's decision ends with, followed by the selling page's URL
SITE_CUE = "site: sells on "

#: a confident seller: own product and this rule score, or this score and this model probability
CONFIDENT_OWN_SCORE = 3.0
CONFIDENT_SCORE = 2.0
CONFIDENT_P = 0.8
#: with an own product the model need only lean towards selling
CONFIDENT_OWN_P = 0.5
#: report-cue kinds that mark a page that does not sell, whoever publishes it
NON_SELLING_KINDS = frozenset({"regulator", "trial", "research", "news", "banking", "society", "sceptic"})
#: a candidate's report cues of those kinds weigh less than this (most such cues weigh 2.0)
CANDIDATE_REPORT_LIMIT = 2.0
#: the seller model's veto bound (docs/seller-model.md): at or below it the page sells nothing
NOT_SELLING_P = 0.15
#: a candidate names most of its products as claims (the offer component's "discussed" share)
COUNTED_SHARE = 0.5
UNSPECIFIED = "unspecified_stem_cell"
_STEM = CELL_SOURCES | {UNSPECIFIED}


def same_therapy(candidate: set[str], seller: set[str]) -> bool:
    """The candidate page names a product type the selling page sells ("stem cells" unnamed matches any cell
    source, either way)."""
    if candidate & seller:
        return True
    return (UNSPECIFIED in candidate and bool(seller & _STEM)) or (UNSPECIFIED in seller and bool(candidate & _STEM))


def page_role(decision) -> tuple[str | None, str]:
    """(``SELLER``, ``CANDIDATE`` or None, the cue behind it) for one page's ``OfferDecision``.

    A candidate still needs its ids as a seller page to name a product type and a condition
    (``nlp.analyse`` checks that, with the claim model)."""
    p = decision.probability
    if decision.offers_treatment:
        if decision.own_product and decision.score >= CONFIDENT_OWN_SCORE and (p is None or p >= CONFIDENT_OWN_P):
            return SELLER, f"own product:{decision.own_product}, score {decision.score:g}"
        if p is not None and decision.score >= CONFIDENT_SCORE and p >= CONFIDENT_P:
            return SELLER, f"score {decision.score:g}, model p={p:.2f}"
        return None, ""
    if not decision.product or decision.declined:
        return None, ""
    if decision.counted_products < COUNTED_SHARE * decision.products:
        return None, ""
    if sum(w for kind, w in decision.report_weights.items() if kind in NON_SELLING_KINDS) >= CANDIDATE_REPORT_LIMIT:
        return None, ""
    if p is not None and p <= NOT_SELLING_P:
        return None, ""
    if decision.acting:
        return CANDIDATE, f"therapy acts:{decision.acting}"
    if decision.own_product:
        return CANDIDATE, f"own product:{decision.own_product}"
    return CANDIDATE, f"product:{decision.product}"


def own_cues(cues: list | None) -> list:
    """A page's offer cues without the site's (what its own text decided)."""
    return [c for c in (cues or []) if not (isinstance(c, str) and c.startswith(SITE_CUE))]


def apply_site_decisions(store, run_id: int | None = None, session=None) -> int:
    """Promote (or restore) the candidate pages of ``run_id`` (every run when None) by their site.

    Returns how many pages of those runs sell because of their site once it is done. Only
    pages whose stored value changes are written, in one transaction."""
    if session is None:
        with store.session() as own:
            return apply_site_decisions(store, run_id, own)
    query = (select(SiteRole.page_id, SiteRole.role, SiteRole.page_kind.label("own_kind"),
                    SiteRole.condition_ids.label("site_conditions"),
                    SiteRole.product_type_ids.label("site_products"), SiteRole.red_flag_ids.label("site_flags"),
                    Page.run_id, Page.site_id, Page.url, Page.offers_treatment, Page.page_kind, Page.offer_cues,
                    Page.condition_ids, Page.product_type_ids, Page.red_flag_ids)
             .join(Page, Page.id == SiteRole.page_id)
             .where(Page.extract_error.is_(None)))
    if run_id is not None:
        query = query.where(Page.run_id == run_id)
    sellers: dict[tuple[int, int], list] = defaultdict(list)
    candidates: list = []
    for row in session.execute(query.order_by(Page.run_id, Page.site_id, Page.url)):
        if row.role == SELLER:
            if row.offers_treatment:
                sellers[(row.run_id, row.site_id)].append(row)
        elif row.role == CANDIDATE:
            candidates.append(row)
    updates: list[dict] = []
    promoted = 0
    for row in candidates:
        products = set(row.site_products or [])
        site_sellers = [s for s in sellers.get((row.run_id, row.site_id), ())
                        if same_therapy(products, set(s.product_type_ids or []))]
        cues = own_cues(row.offer_cues)
        if site_sellers:
            kind = "transplant" if all(s.page_kind == "transplant" for s in site_sellers) else "clinic"
            want = {"offers_treatment": True, "page_kind": kind,
                    "offer_cues": cues + [f"{SITE_CUE}{site_sellers[0].url}"],
                    "condition_ids": list(row.site_conditions or []),
                    "product_type_ids": list(row.site_products or []),
                    "red_flag_ids": list(row.site_flags or [])}
            promoted += 1
        else:
            want = {"offers_treatment": False, "page_kind": row.own_kind,
                    "offer_cues": cues, "condition_ids": [], "product_type_ids": [], "red_flag_ids": []}
        have = {"offers_treatment": row.offers_treatment, "page_kind": row.page_kind, "offer_cues": row.offer_cues,
                "condition_ids": row.condition_ids, "product_type_ids": row.product_type_ids,
                "red_flag_ids": row.red_flag_ids}
        if have != want:
            updates.append({"id": row.page_id, **want})
    if updates:
        bulk_update_by_id(session.connection(), Page, updates)
        log.info("site decision: %d pages changed, %d sell because of their site", len(updates), promoted)
    return promoted
