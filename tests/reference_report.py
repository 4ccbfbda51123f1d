"""The report's read path as it was before issue 9 (commit bd7cf53), kept as the reference the
linear pairing and the streaming exports are compared with (tests/test_report_readpath.py).

Verbatim copies: ``pair_claims`` (quadratic in a site's size), ``load_run`` (ORM rows into
object columns, every claim with its sentence), ``pages_frame``/``claims_frame`` (built whole in
memory) and ``write_csv``. Do not "fix" them: they are the definition of the unchanged output.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from sqlalchemy import select

from clinicscan.reports.dataset import (CLAIM_COLUMNS, PAGE_COLUMNS, SITE_COLUMNS, RunData, load_trials,
                                        resolve_run)
from clinicscan.reports.exports import PAGES_COLUMNS, ids, iso, neutralise
from clinicscan.store import Store
from clinicscan.store.models import Claim, Page, Site
from clinicscan.vocabulary import COUNTED_CONTEXTS, RED_FLAG_COUNTED_CONTEXTS

STRENGTHS = {"sentence": 3, "page": 2, "site": 1}

PAIR_COLUMNS = ["site_id", "condition", "product_type", "strength", "page_id", "page_kind", "url",
                "fetched_at", "warc_record_id", "condition_sentence", "product_sentence",
                "product_url", "context", "n_pages", "n_sentences", "sentences"]
CLAIMS_COLUMNS = ["claim_id", "site", "domain", "url", "fetched_at", "kind", "condition",
                  "product_type", "red_flag", "detail_id", "matched_text", "sentence", "start",
                  "end", "sent_start", "sent_end", "context", "context_cue", "section",
                  "page_offers_treatment", "counts", "lexicon_version", "warc_record_id", "page_id"]


def pair_claims(claims: pd.DataFrame) -> pd.DataFrame:
    """One row per (site, condition, product type) a site claims, at its strongest pairing."""
    counting = claims[claims["counts"]] if len(claims) else claims
    best: dict[tuple, dict] = {}
    pages_seen: dict[tuple, set] = {}
    sentences_seen: dict[tuple, set] = {}
    sentence_texts: dict[tuple, list] = {}  # every sentence naming both, for lawful-use and name checks

    def offer(site_id, cond, prod, strength, c, p):
        key = (site_id, cond["vocab_id"], prod["vocab_id"])
        pages_seen.setdefault(key, set()).add(cond["page_id"])
        if strength == "sentence":
            sentences_seen.setdefault(key, set()).add((cond["page_id"], cond["sent_start"]))
            texts = sentence_texts.setdefault(key, [])
            if c not in texts:
                texts.append(c)
        rank = (STRENGTHS[strength], cond["context"] == "asserted", cond["section"] == "main",
                -int(cond["page_id"]), -int(cond["start"]))
        if key in best and best[key]["_rank"] >= rank:
            return
        best[key] = {
            "_rank": rank, "site_id": site_id, "condition": cond["vocab_id"],
            "product_type": prod["vocab_id"], "strength": strength, "page_id": cond["page_id"],
            "page_kind": cond.get("page_kind"),
            "url": cond["url"], "fetched_at": cond["fetched_at"],
            "warc_record_id": cond["warc_record_id"], "condition_sentence": c,
            "product_sentence": p, "product_url": prod["url"],
            "context": "hedged" if "hedged" in (cond["context"], prod["context"]) else "asserted",
        }

    for site_id, site_claims in counting.groupby("site_id", sort=True):
        records = site_claims.to_dict("records")
        conds = [r for r in records if r["kind"] == "condition"]
        prods = [r for r in records if r["kind"] == "product_type"]
        body_prods = [r for r in prods if r["section"] != "nav"]
        site_prods = body_prods or prods
        pages_with_prod = {r["page_id"] for r in body_prods}
        for cond in conds:
            in_body = cond["section"] != "nav"
            if in_body:
                for prod in body_prods:
                    if prod["page_id"] != cond["page_id"]:
                        continue
                    same_sentence = prod["sent_start"] == cond["sent_start"]
                    offer(site_id, cond, prod, "sentence" if same_sentence else "page",
                          cond["sentence"], "" if same_sentence else prod["sentence"])
            if not in_body or cond["page_id"] not in pages_with_prod:
                for prod in site_prods:
                    offer(site_id, cond, prod, "site", cond["sentence"], prod["sentence"])
    rows = []
    for key, row in best.items():
        row = dict(row)
        row.pop("_rank")
        row["n_pages"] = len(pages_seen[key])
        row["n_sentences"] = len(sentences_seen.get(key, ()))
        row["sentences"] = sentence_texts.get(key, [])
        rows.append(row)
    frame = pd.DataFrame(rows, columns=PAIR_COLUMNS)
    return frame.sort_values(["site_id", "condition", "product_type"], ignore_index=True)


def load_run(store: Store, run_id: int | None = None) -> RunData:
    run = resolve_run(store, run_id)
    with store.session() as session:
        page_rows = session.execute(
            select(Page.id, Page.site_id, Page.url, Page.final_url, Page.status, Page.fetched_at,
                   Page.title, Page.offers_treatment, Page.offer_score, Page.offer_cues,
                   Page.page_kind, Page.condition_ids, Page.product_type_ids, Page.red_flag_ids,
                   Page.extracted_at, Page.extract_error, Page.warc_file, Page.warc_record_id,
                   Page.lexicon_version)
            .where(Page.run_id == run.id).order_by(Page.site_id, Page.url)).all()
        site_rows = session.execute(
            select(Site.id, Site.name, Site.domain, Site.seed_url, Site.country, Site.region, Site.source)
            .where(Site.id.in_(select(Page.site_id).where(Page.run_id == run.id)))
            .order_by(Site.name, Site.domain)).all()
        claim_rows = session.execute(
            select(Claim.id, Claim.page_id, Claim.kind, Claim.vocab_id, Claim.detail_id,
                   Claim.matched_text, Claim.start, Claim.end, Claim.sentence, Claim.sent_start,
                   Claim.sent_end, Claim.context, Claim.context_cue, Claim.section,
                   Claim.lexicon_version)
            .join(Page, Page.id == Claim.page_id).where(Page.run_id == run.id)
            # Claim.id added: two claims of one kind at one start (two red flags of a sentence)
            # came back in PostgreSQL's arbitrary order; claims_pass breaks the tie by id
            .order_by(Claim.page_id, Claim.start, Claim.kind, Claim.id)).all()
        trials = load_trials(session)
    pages = pd.DataFrame([tuple(r) for r in page_rows], columns=PAGE_COLUMNS)
    for col in ("conditions", "product_types", "red_flags", "offer_cues"):
        pages[col] = pages[col].map(lambda v: list(v) if isinstance(v, (list, tuple)) else [])
    sites = pd.DataFrame([tuple(r) for r in site_rows], columns=SITE_COLUMNS)
    pages = pages.merge(sites, on="site_id", how="left")
    claims = pd.DataFrame([tuple(r) for r in claim_rows], columns=CLAIM_COLUMNS)
    claims = claims.merge(
        pages[["page_id", "site_id", "url", "fetched_at", "offers_treatment", "page_kind",
               "warc_record_id", "site_name", "domain"]], on="page_id", how="left")
    claims["counts"] = (claims["offers_treatment"].fillna(False).astype(bool)
                        & claims["context"].isin(COUNTED_CONTEXTS)
                        & ((claims["kind"] != "red_flag") | claims["context"].isin(RED_FLAG_COUNTED_CONTEXTS)))
    return RunData(run.id, run.label, run.started_at, run.kind, sites, pages, claims, trials)


def pages_frame(data: RunData) -> pd.DataFrame:
    p = data.pages
    claims = data.claims
    mentions = claims.groupby("page_id").size() if len(claims) else pd.Series(dtype=int)
    counting = claims[claims["counts"]].groupby("page_id").size() if len(claims) else pd.Series(dtype=int)
    out = pd.DataFrame({
        "url": p["url"], "title": p["title"], "offers_treatment": p["offers_treatment"],
        "conditions": p["conditions"].map(ids), "product_types": p["product_types"].map(ids),
        "red_flags": p["red_flags"].map(ids), "site": p["site_name"], "domain": p["domain"],
        "country": p["country"], "region": p["region"], "final_url": p["final_url"],
        "status": p["status"].astype("Int64"), "fetched_at": p["fetched_at"].map(iso),
        "page_kind": p["page_kind"], "offer_score": p["offer_score"].astype("Float64"),
        "offer_cues": p["offer_cues"].map(lambda cues: ";".join(map(str, cues))),
        "n_mentions": p["page_id"].map(mentions).fillna(0).astype(int),
        "n_claims": p["page_id"].map(counting).fillna(0).astype(int),
        "extracted": p["extracted_at"].notna(), "extract_error": p["extract_error"],
        "warc_file": p["warc_file"], "warc_record_id": p["warc_record_id"],
        "page_id": p["page_id"], "run_id": data.run_id,
    })
    return out[PAGES_COLUMNS]


def claims_frame(data: RunData) -> pd.DataFrame:
    c = data.claims
    out = pd.DataFrame({
        "claim_id": c["claim_id"], "site": c["site_name"], "domain": c["domain"], "url": c["url"],
        "fetched_at": c["fetched_at"].map(iso), "kind": c["kind"],
        "condition": c["vocab_id"].where(c["kind"] == "condition", ""),
        "product_type": c["vocab_id"].where(c["kind"] == "product_type", ""),
        "red_flag": c["vocab_id"].where(c["kind"] == "red_flag", ""),
        "detail_id": c["detail_id"], "matched_text": c["matched_text"], "sentence": c["sentence"],
        "start": c["start"], "end": c["end"], "sent_start": c["sent_start"], "sent_end": c["sent_end"],
        "context": c["context"], "context_cue": c["context_cue"], "section": c["section"],
        "page_offers_treatment": c["offers_treatment"], "counts": c["counts"].astype(bool),
        "lexicon_version": c["lexicon_version"], "warc_record_id": c["warc_record_id"],
        "page_id": c["page_id"],
    }, columns=CLAIMS_COLUMNS)
    return out


def write_csv(frame: pd.DataFrame, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    # CRLF rows (RFC 4180) make the csv writer quote any cell holding a bare CR or LF
    neutralise(frame).to_csv(path, index=False, encoding="utf-8", lineterminator="\r\n")
    return path


def write_reference_reports(store: Store, out_dir: Path, run_id: int | None = None) -> None:
    """The exports as ``write_reports`` wrote them before issue 9: its body then (every table
    built whole by ``build_tables``, each written by ``write_csv``), with today's evidence,
    flag, export and HTML builders and the reference read path above swapped in."""
    import pytest

    from clinicscan.reports import build, exports
    from clinicscan.reports.html import render_report
    from clinicscan.reports.registry import save_registry

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(build, "load_run", load_run)
        patch.setattr(build, "pair_claims", pair_claims)
        patch.setattr(exports, "pages_frame", pages_frame)
        patch.setattr(exports, "claims_frame", claims_frame)
        tables = build.build_tables(store, run_id)
    save_registry(store, tables.registry)
    summary = tables.summary(out_dir)
    for name, frame in tables.exports().items():
        summary.files.append(write_csv(frame, out_dir / name))
    html_path = out_dir / "report.html"
    html_path.write_text(render_report(summary, tables.data, tables.pairs, tables.flags, tables.clinics,
                                       tables.flagged, tables.who), encoding="utf-8")
