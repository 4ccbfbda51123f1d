"""What changed between two crawl runs: clinics that appeared or vanished, and claims a
clinic added or dropped (the follow-up question after a warning letter: did the site change?).

Only claims that count (asserted or hedged, on pages offering treatment) are compared; a
claim is the same in both runs when its clinic, kind, vocabulary id and sentence (whitespace
and case folded) are the same, wherever on the site it moved.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from clinicscan.store import Store
from clinicscan.reports.dataset import RunData, load_run
from clinicscan.reports.exports import iso, write_csv
from clinicscan.vocabulary import CLAIM_KINDS

KINDS = CLAIM_KINDS
CLINIC_COLUMNS = ["change", "site", "domain", "pages_a", "pages_b"] + [
    f"{kind}s_{what}" for kind in KINDS for what in ("added", "dropped")]
CLAIM_COLUMNS = ["change", "site", "domain", "kind", "vocab_id", "sentence", "url", "fetched_at",
                 "context", "warc_record_id"]


@dataclass
class RunDiff:
    run_a: int
    run_b: int
    clinics: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=CLINIC_COLUMNS))
    claims: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=CLAIM_COLUMNS))

    def describe(self) -> str:
        count = lambda frame, change: int((frame["change"] == change).sum()) if len(frame) else 0  # noqa: E731
        lines = [f"run {self.run_a} -> run {self.run_b}: clinics {count(self.clinics, 'added')} added, "
                 f"{count(self.clinics, 'dropped')} dropped, {count(self.clinics, 'changed')} changed; "
                 f"claims {count(self.claims, 'added')} added, {count(self.claims, 'dropped')} dropped"]
        for row in self.clinics.head(15).itertuples():
            details = "; ".join(f"{col.replace('_', ' ')}: {getattr(row, col)}"
                                for col in CLINIC_COLUMNS[5:] if getattr(row, col))
            lines.append(f"  {row.change:<8} {row.site} ({row.domain})" + (f" - {details}" if details else ""))
        return "\n".join(lines)

    def write(self, out_dir: str | Path) -> list[Path]:
        out = Path(out_dir)
        return [write_csv(self.clinics, out / "diff_clinics.csv"),
                write_csv(self.claims, out / "diff_claims.csv")]


def _claim_table(data: RunData) -> pd.DataFrame:
    claims = data.claims[data.claims["counts"]].copy() if len(data.claims) else data.claims.copy()
    claims["key_sentence"] = claims["sentence"].map(lambda s: " ".join(str(s).split()).casefold())
    return claims.drop_duplicates(["domain", "kind", "vocab_id", "key_sentence"])


def diff_runs(store: Store, run_a: int, run_b: int) -> RunDiff:
    """Clinics and claims present in one run and not the other (``run_a`` is the earlier)."""
    a, b = load_run(store, run_a), load_run(store, run_b)
    claims_a, claims_b = _claim_table(a), _claim_table(b)
    key = ["domain", "kind", "vocab_id", "key_sentence"]
    merged = claims_a.merge(claims_b[key], on=key, how="left", indicator=True)
    dropped = merged[merged["_merge"] == "left_only"].assign(change="dropped")
    merged = claims_b.merge(claims_a[key], on=key, how="left", indicator=True)
    added = merged[merged["_merge"] == "left_only"].assign(change="added")
    changes = pd.concat([added, dropped], ignore_index=True) if len(added) or len(dropped) else added
    claim_rows = pd.DataFrame({
        "change": changes["change"], "site": changes["site_name"], "domain": changes["domain"],
        "kind": changes["kind"], "vocab_id": changes["vocab_id"], "sentence": changes["sentence"],
        "url": changes["url"], "fetched_at": changes["fetched_at"].map(iso),
        "context": changes["context"], "warc_record_id": changes["warc_record_id"],
    }, columns=CLAIM_COLUMNS).sort_values(["domain", "change", "kind", "vocab_id"], ignore_index=True)

    pages_a = a.pages.groupby("domain").size()
    pages_b = b.pages.groupby("domain").size()
    names = {**dict(zip(a.sites["domain"], a.sites["site_name"])),
             **dict(zip(b.sites["domain"], b.sites["site_name"]))}
    clinic_rows = []
    for domain in sorted(set(pages_a.index) | set(pages_b.index)):
        in_a, in_b = domain in pages_a.index, domain in pages_b.index
        row = {"change": "added" if not in_a else "dropped" if not in_b else "changed",
               "site": names.get(domain, domain), "domain": domain,
               "pages_a": int(pages_a.get(domain, 0)), "pages_b": int(pages_b.get(domain, 0))}
        for kind in KINDS:
            ids_a = set(claims_a[(claims_a["domain"] == domain) & (claims_a["kind"] == kind)]["vocab_id"])
            ids_b = set(claims_b[(claims_b["domain"] == domain) & (claims_b["kind"] == kind)]["vocab_id"])
            row[f"{kind}s_added"] = ";".join(sorted(ids_b - ids_a))
            row[f"{kind}s_dropped"] = ";".join(sorted(ids_a - ids_b))
        site_claims_changed = bool(len(claim_rows)) and bool((claim_rows["domain"] == domain).any())
        if row["change"] == "changed" and not site_claims_changed:
            continue
        clinic_rows.append(row)
    return RunDiff(run_a, run_b, pd.DataFrame(clinic_rows, columns=CLINIC_COLUMNS), claim_rows)
