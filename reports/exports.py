"""The export tables (pandas) and the CSV writer that neutralises spreadsheet formulas.

Each builder returns a DataFrame whose columns are documented in docs/data-dictionary.md;
``write_csv`` is the only way an export reaches disk, so no cell can run as a formula when a
researcher opens the file in a spreadsheet.
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import numpy as np
import pandas as pd
from pandas.api.types import is_datetime64_any_dtype
from clinicscan.reports.csv_stream import write_csv_chunks
from clinicscan.reports.dataset import RunData
from clinicscan.reports.evidence import STATUSES
from clinicscan.reports.flags import ClinicFlag
from clinicscan.reports.formulas import FORMULA_STARTS, neutralise, neutralise_cell  # noqa: F401 - exported here too

QUOTES_IN_FLAGGED = 3
CSV_CHUNK_ROWS = 5_000

PAGES_COLUMNS = ["url", "title", "offers_treatment", "conditions", "product_types", "red_flags",
                 "site", "domain", "country", "region", "final_url", "status", "fetched_at",
                 "page_kind", "offer_score", "offer_cues", "n_mentions", "n_claims", "extracted",
                 "extract_error", "warc_file", "warc_record_id", "page_id", "run_id"]
CLAIMS_COLUMNS = ["claim_id", "site", "domain", "url", "fetched_at", "kind", "condition",
                  "product_type", "red_flag", "detail_id", "matched_text", "sentence", "start",
                  "end", "sent_start", "sent_end", "context", "context_cue", "section",
                  "page_offers_treatment", "counts", "lexicon_version", "warc_record_id", "page_id"]
EVIDENCE_COLUMNS = ["site", "domain", "condition", "product_type", "strength", "evidence_status",
                    "status_basis", "approved_products", "n_trials", "highest_phase",
                    "n_trials_with_results", "late_stage_products",
                    "approved_other_uses", "evidence_line", "flagged_claim", "quote",
                    "product_quote", "url", "product_url", "fetched_at", "warc_record_id",
                    "context", "n_pages", "n_sentences"]
CLINICS_COLUMNS = ["site", "domain", "country", "region", "seed_url", "pages", "offering_pages",
                   "conditions", "product_types", "red_flags", "n_claimed_pairs",
                   "n_unsupported_pairs"] + [f"n_{s}" for s in STATUSES] + [
                   "flagged", "severity", "score", "enforcement_match"]


def flagged_columns(n_quotes: int = QUOTES_IN_FLAGGED) -> list[str]:
    cols = ["severity", "score", "site", "domain", "country", "region", "conditions",
            "product_types", "red_flags", "n_unsupported_pairs", "reasons", "score_breakdown"]
    for i in range(1, n_quotes + 1):
        cols += [f"quote_{i}", f"quote_{i}_claim", f"quote_{i}_url", f"quote_{i}_seen",
                 f"quote_{i}_warc_record_id"]
    return cols + ["enforcement_match", "enforcement_matched_on", "enforcement_actions", "seed_url"]


def ids(values) -> str:
    """Vocabulary ids as one cell, sorted and ';'-joined."""
    return ";".join(sorted({str(v) for v in values if v}))


def iso(value) -> str:
    """A timestamp as ISO 8601 UTC with Z; SQLite returns naive datetimes, which are UTC."""
    if value is None or value is pd.NaT or (isinstance(value, float) and pd.isna(value)):
        return ""
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(timezone.utc).replace(tzinfo=None)
        return value.isoformat(timespec="seconds") + "Z"
    return str(value)


def iso_column(values: pd.Series) -> pd.Series:
    """``values.map(iso)``, formatted by numpy for a datetime column (naive is UTC; NaT is
    empty) instead of one Python call a cell: 180,000 calls at a million claims."""
    if not len(values) or not is_datetime64_any_dtype(values.dtype):
        return values.map(iso)
    if getattr(values.dtype, "tz", None) is not None:
        values = values.dt.tz_convert("UTC").dt.tz_localize(None)
    stamps = values.to_numpy().astype("datetime64[s]")  # isoformat(timespec="seconds") drops the fraction
    text = np.char.add(np.datetime_as_string(stamps, unit="s"), "Z").astype(object)
    text[np.isnat(stamps)] = ""
    return pd.Series(text.tolist(), index=values.index, name=values.name)


def _each_once(column: pd.Series, cell) -> pd.Series:
    """``column.map(cell)``, ``cell`` called once per distinct object: pages with equal JSON
    lists share one list (dataset._json_lists), 124,800 calls at a million claims."""
    made: dict[int, object] = {}

    def once(value):
        key = id(value)  # the column holds every value: an id is not reused meanwhile
        if key not in made:
            made[key] = cell(value)
        return made[key]

    return column.map(once)


def pages_frame(data: RunData) -> pd.DataFrame:
    p = data.pages
    mentions, counting = data.mention_counts()
    out = pd.DataFrame({
        "url": p["url"], "title": p["title"], "offers_treatment": p["offers_treatment"],
        "conditions": _each_once(p["conditions"], ids), "product_types": _each_once(p["product_types"], ids),
        "red_flags": _each_once(p["red_flags"], ids), "site": p["site_name"], "domain": p["domain"],
        "country": p["country"], "region": p["region"], "final_url": p["final_url"],
        "status": p["status"].astype("Int64"), "fetched_at": iso_column(p["fetched_at"]),
        "page_kind": p["page_kind"], "offer_score": p["offer_score"].astype("Float64"),
        "offer_cues": _each_once(p["offer_cues"], lambda cues: ";".join(map(str, cues))),
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
        "fetched_at": iso_column(c["fetched_at"]), "kind": c["kind"],
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


def evidence_frame(data: RunData, pairs: pd.DataFrame, flags: dict[int, ClinicFlag]) -> pd.DataFrame:
    sites = data.sites.set_index("site_id")
    out = pd.DataFrame({
        "site": pairs["site_id"].map(sites["site_name"]), "domain": pairs["site_id"].map(sites["domain"]),
        "condition": pairs["condition"], "product_type": pairs["product_type"],
        "strength": pairs["strength"], "evidence_status": pairs["evidence_status"],
        "status_basis": pairs["status_basis"], "approved_products": pairs["approved_products"],
        "n_trials": pairs["n_trials"], "highest_phase": pairs["highest_phase"],
        "n_trials_with_results": pairs["n_trials_with_results"],
        "late_stage_products": pairs["late_stage_products"],
        "approved_other_uses": pairs["approved_other_uses"], "evidence_line": pairs["evidence_line"],
        "flagged_claim": pairs["flagged_claim"].astype(bool) if len(pairs) else pairs.get("flagged_claim"),
        "quote": pairs["condition_sentence"], "product_quote": pairs["product_sentence"],
        "url": pairs["url"], "product_url": pairs["product_url"],
        "fetched_at": iso_column(pairs["fetched_at"]), "warc_record_id": pairs["warc_record_id"],
        "context": pairs["context"], "n_pages": pairs["n_pages"], "n_sentences": pairs["n_sentences"],
    }, columns=EVIDENCE_COLUMNS)
    return out


def clinics_frame(data: RunData, pairs: pd.DataFrame, flags: dict[int, ClinicFlag]) -> pd.DataFrame:
    counting = data.claims[data.claims["counts"]] if len(data.claims) else data.claims
    claimed: dict[tuple[int, str], set] = {}
    for sid, kind, vid in _distinct(counting, ["site_id", "kind", "vocab_id"]):
        claimed.setdefault((sid, kind), set()).add(vid)
    pages = data.pages.assign(offering=data.pages["offers_treatment"].fillna(False).astype(bool))
    n_pages = pages.groupby("site_id").size()
    n_offering = pages.groupby("site_id")["offering"].sum()
    statuses = (pairs.groupby(["site_id", "evidence_status"]).size() if len(pairs)
                else pd.Series(dtype=int))
    n_pairs = pairs.groupby("site_id").size() if len(pairs) else pd.Series(dtype=int)
    rows = []
    for site in data.sites.to_dict("records"):
        sid = site["site_id"]
        flag = flags.get(sid)
        flagged = bool(flag and flag.flagged)
        row = {
            "site": site["site_name"], "domain": site["domain"], "country": site["country"],
            "region": site["region"], "seed_url": site["seed_url"], "pages": int(n_pages.get(sid, 0)),
            "offering_pages": int(n_offering.get(sid, 0)),
            "conditions": ids(claimed.get((sid, "condition"), ())),
            "product_types": ids(claimed.get((sid, "product_type"), ())),
            "red_flags": ids(claimed.get((sid, "red_flag"), ())),
            "n_claimed_pairs": int(n_pairs.get(sid, 0)),
            "n_unsupported_pairs": len(flag.unsupported) if flagged else 0,
            "flagged": flagged, "severity": flag.severity if flagged else "",
            "score": flag.score if flagged else 0,
            "enforcement_match": bool(flag and flag.enforcement),
        }
        for status in STATUSES:
            row[f"n_{status}"] = int(statuses.get((sid, status), 0))
        rows.append(row)
    return pd.DataFrame(rows, columns=CLINICS_COLUMNS)


def _distinct(frame: pd.DataFrame, columns: list[str]):
    """The distinct value tuples of ``columns``, as Python values, for building per-site sets
    (a million claims hold a few thousand: walking every row of categorical columns in
    Python took a second)."""
    if not len(frame):
        return zip(*(frame[c] for c in columns))
    unique = frame[columns].drop_duplicates()
    return zip(*(unique[c].astype(object).tolist() for c in columns))


def flagged_frame(data: RunData, flags: dict[int, ClinicFlag], red_flag_claims: pd.DataFrame) -> pd.DataFrame:
    sites = data.sites.set_index("site_id")
    red_ids: dict[int, set] = {}
    for sid, vid in _distinct(red_flag_claims, ["site_id", "vocab_id"]):
        red_ids.setdefault(sid, set()).add(vid)
    rows = []
    for flag in sorted((f for f in flags.values() if f.flagged), key=lambda f: (-f.score, sites.loc[f.site_id, "site_name"])):
        site = sites.loc[flag.site_id]
        row = {
            "severity": flag.severity, "score": flag.score, "site": site["site_name"],
            "domain": site["domain"], "country": site["country"], "region": site["region"],
            "conditions": ids(p["condition"] for p in flag.unsupported),
            "product_types": ids(p["product_type"] for p in flag.unsupported),
            "red_flags": ids(red_ids.get(flag.site_id, ())),
            "n_unsupported_pairs": len(flag.unsupported),
            "reasons": "\n".join(f"{i}. {r}" for i, r in enumerate(flag.reasons, 1)),
            "score_breakdown": flag.score_breakdown,
            "enforcement_match": bool(flag.enforcement),
            "enforcement_matched_on": "\n".join(m.matched_on for m in flag.enforcement),
            "enforcement_actions": "\n".join(m.describe() for m in flag.enforcement),
            "seed_url": site["seed_url"],
        }
        for i in range(1, QUOTES_IN_FLAGGED + 1):
            q = flag.quotes[i - 1] if i <= len(flag.quotes) else {}
            row[f"quote_{i}"] = q.get("sentence", "")
            row[f"quote_{i}_claim"] = q.get("claim", "")
            row[f"quote_{i}_url"] = q.get("url", "")
            row[f"quote_{i}_seen"] = iso(q.get("seen"))
            row[f"quote_{i}_warc_record_id"] = q.get("warc_record_id") or ""
        rows.append(row)
    return pd.DataFrame(rows, columns=flagged_columns())


# ---------------------------------------------------------------- writing

def write_parquet(frame: pd.DataFrame, path: Path) -> Path:
    """A table as Parquet (pyarrow): values as they are, typed, with no formula quote (that
    is for spreadsheets opening CSV); pandas dtypes are kept in the file's metadata."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(pa.Table.from_pandas(frame, preserve_index=False), path)
    return path


def write_csv(frame: pd.DataFrame, path: Path) -> Path:
    """``frame`` as CSV, text neutralised (formulas), CRLF rows (RFC 4180, so the writer quotes
    any cell holding a bare CR or LF): the bytes pandas ``to_csv`` writes, formatted by Arrow
    (csv_stream) a chunk of rows at a time."""
    # pandas chooses one date format for a whole column: frames with dates go in one chunk
    step = (len(frame) or 1) if any(is_datetime64_any_dtype(t) for t in frame.dtypes) else CSV_CHUNK_ROWS
    return write_csv_chunks(path, list(frame.columns), (frame.iloc[i:i + step] for i in range(0, len(frame), step)))
