"""report.html stays readable at research scale (issue 9): with 800 flagged clinics it shows
cards for the top ones only and one table row for each of the rest, stays under 2 MB, and
flagged_clinics.csv still has every flagged clinic. The store rows are written in bulk, the
way the extract stage leaves them, for invented clinics."""

from __future__ import annotations

import re
from datetime import datetime, timezone

import pandas as pd
from sqlalchemy import insert

from clinicscan.reports.build import write_reports
from clinicscan.reports.html import FLAGGED_CARDS
from clinicscan.store import open_store
from clinicscan.store.models import Claim, CrawlRun, Page, Site

N_FLAGGED = 800
SEEN = datetime(2026, 3, 2, 10, 30, tzinfo=timezone.utc)
CONDITIONS = ["autism", "multiple_sclerosis", "als", "parkinsons", "osteoarthritis", "back_pain", "copd"]
PRODUCTS = ["umbilical_cord", "msc", "exosome", "adipose", "bone_marrow", "amniotic"]
STATES = ["Colorado", "Texas", "Florida", "Arizona", "California", "Utah", "Nevada"]


def _fill_store(store, n: int) -> None:
    """``n`` clinics, each a page whose sentences offer a stem-cell product for a condition,
    with a cure claim, so every one is flagged (scores vary with the serious conditions)."""
    with store.session() as s:
        run = CrawlRun(label="scale", fingerprint="scale", version="test", started_at=SEEN)
        s.add(run)
        s.flush()
        s.execute(insert(Site), [
            {"id": i, "domain": f"clinic{i:04d}.example", "name": f"Invented Regenerative Clinic {i:04d}",
             "seed_url": f"https://clinic{i:04d}.example/", "country": "United States",
             "region": STATES[i % len(STATES)]} for i in range(1, n + 1)])
        pages, claims = [], []
        for i in range(1, n + 1):
            cond, prod = CONDITIONS[i % len(CONDITIONS)], PRODUCTS[i % len(PRODUCTS)]
            offer = (f"Clinic {i:04d} offers {prod.replace('_', ' ')} stem cell infusions for {cond.replace('_', ' ')}, "
                     f"given by our experienced regenerative team in a comfortable outpatient suite.")
            cure = f"Our patients report that the treatment cures {cond.replace('_', ' ')} with no side effects at all."
            text = f"{offer} {cure}"
            url = f"https://clinic{i:04d}.example/treatments"
            pages.append({"id": i, "run_id": run.id, "site_id": i, "url": url, "final_url": url, "status": 200,
                          "fetched_at": SEEN, "title": f"Treatments {i}", "text": text, "offers_treatment": True,
                          "page_kind": "clinic", "warc_file": "run.warc.gz", "warc_record_id": f"<urn:uuid:{i:012d}>",
                          "extracted_at": SEEN, "lexicon_version": "test", "condition_ids": [cond],
                          "product_type_ids": [prod], "red_flag_ids": ["cure_claim"]})
            for kind, vid, sentence in (("condition", cond, offer), ("product_type", prod, offer),
                                        ("red_flag", "cure_claim", cure)):
                start = text.index(sentence)
                claims.append({"page_id": i, "kind": kind, "vocab_id": vid, "matched_text": vid,
                               "start": start + len(claims) % 3, "end": start + 5, "sentence": sentence,
                               "sent_start": start, "sent_end": start + len(sentence), "context": "asserted",
                               "section": "main", "lexicon_version": "test"})
        s.execute(insert(Page), pages)
        s.execute(insert(Claim), claims)


def test_report_with_800_flagged_clinics_is_small_ranked_and_the_csv_has_them_all(tmp_path):
    store = open_store(f"sqlite:///{tmp_path / 'scale.db'}")
    try:
        _fill_store(store, N_FLAGGED)
        summary = write_reports(store, tmp_path / "out")
    finally:
        store.dispose()
    assert summary.flagged_count == N_FLAGGED
    flagged = pd.read_csv(tmp_path / "out" / "flagged_clinics.csv", keep_default_na=False, dtype=str)
    assert len(flagged) == N_FLAGGED
    assert set(flagged["domain"]) == {f"clinic{i:04d}.example" for i in range(1, N_FLAGGED + 1)}
    assert (flagged["quote_1"] != "").all() and (flagged["location_country"] == "US").all()
    assert flagged["score"].astype(int).is_monotonic_decreasing

    html_path = tmp_path / "out" / "report.html"
    html = html_path.read_text(encoding="utf-8")
    assert html_path.stat().st_size <= 2 * 1024 * 1024, html_path.stat().st_size
    # cards (quotes and reasons) for the top clinics only, in the CSV's order
    cards = re.findall(r'<section class="flag [a-z]+"><h3>(.*?) <span', html)
    assert len(cards) == FLAGGED_CARDS
    assert cards == list(flagged["site"][:FLAGGED_CARDS])
    # every other flagged clinic is one row of the "more flagged clinics" table
    assert f"{N_FLAGGED - FLAGGED_CARDS} more flagged clinics" in html
    more = html[html.index('id="flagged-more"'):]
    more = more[:more.index("</table>")]
    assert [m for m in re.findall(r"<td>(clinic\d{4}\.example)</td>", more)] == \
        list(flagged["domain"][FLAGGED_CARDS:])
