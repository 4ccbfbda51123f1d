"""The extract stage's bulk writes (Core executemany on SQLite, COPY on PostgreSQL) store exactly
the rows the ORM path stored, and a database failure or a kill in the middle of an extraction
keeps every committed batch and is resumed by the same command, on SQLite and PostgreSQL.

The failures are real: a trigger in the database refuses the claims of one page (as a full
disk or a dropped connection would refuse a write), or the process is killed with SIGKILL.
"""

from __future__ import annotations

import shutil
import signal
import subprocess
import time
from pathlib import Path

import pandas as pd
import pytest
from localsite import CLINICSCAN
from sqlalchemy import String, cast, delete, func, null, select, text, update

import clinicscan.nlp.extract as extract
import reference_extract_write
from clinicscan.errors import StoreUnavailable
from clinicscan.nlp.extract import extract_local_files, extract_stored_pages
from clinicscan.paths import demo_dir
from clinicscan.store import open_store
from clinicscan.store.inserts import bulk_insert
from clinicscan.store.models import Claim, ContactFact, CrawlRun, Page, Site

EXTRACTION_COLUMNS = ["title", "text", "offers_treatment", "offer_score", "offer_cues", "page_kind", "condition_ids",
                      "product_type_ids", "red_flag_ids", "extracted_at", "lexicon_version", "extract_error"]


#: pages (.html and .txt files) in one copy of the demo's sites
DEMO_PAGES = 80


def copy_demo_sites(root: Path, copies: int) -> list[Path]:
    """``copies`` copies of the demo's site folders (80 pages, with contacts), under ``root``."""
    made = []
    for k in range(copies):
        target = root / f"copy{k}"
        shutil.copytree(demo_dir() / "sites", target)
        made.append(target)
    return made


def snapshot(store) -> dict[str, list[tuple]]:
    """Every stored row of pages, claims and contact facts, without what is meant to differ
    (extraction time, the claims' and facts' own ids); claims and facts in insertion order."""
    def rows(table, order, skip):
        columns = [c for c in table.c if c.name not in skip]
        with store.engine.connect() as conn:
            return [tuple(r) for r in conn.execute(select(*columns).order_by(*order))]

    return {"pages": rows(Page.__table__, [Page.id], {"extracted_at"}),
            "claims": rows(Claim.__table__, [Claim.id], {"id"}),
            "contacts": rows(ContactFact.__table__, [ContactFact.id], {"id"})}


def forget_extraction(store) -> None:
    """Back to pages as stored before any extraction: no claims, no facts, NULL columns."""
    with store.session() as session:
        session.execute(delete(Claim))
        session.execute(delete(ContactFact))
        session.execute(update(Page).values({c: null() for c in EXTRACTION_COLUMNS}))


def broken_on_purpose(real):
    from clinicscan.nlp.analyse import PageAnalysis

    return lambda html, **kw: PageAnalysis(error="ValueError: broken") if "BROKEN" in html else real(html, **kw)


def reference_write_of_tuples(session, results, stats, claims_to=None) -> None:
    """The reference write, given the claims as the dicts workers returned before they returned
    tuples of ``extract.CLAIM_COLUMNS`` (the page id, then the claim's columns). ``claims_to``
    (the claims kept for ``extract PATH --out``'s report) is not given here."""
    assert claims_to is None
    as_dicts = [(page_id, page, [dict(zip(extract.CLAIM_COLUMNS[1:], claim[1:])) for claim in claims], contacts)
                for page_id, page, claims, contacts in results]
    reference_extract_write._write_batch(session, as_dicts, stats)


def test_bulk_rows_are_the_orm_rows(store, tmp_path, monkeypatch):
    """Same pages (demo sites, a .txt page, a page whose analysis fails), extracted once through
    the pre-issue-9 ORM writes and once through the bulk path: every column of every row
    (page columns, claims and contact facts in insertion order) is the same."""
    monkeypatch.setattr(extract, "BATCH_SIZE", 17)  # several batches, one of them partly failed
    monkeypatch.setattr(extract, "analyse_page", broken_on_purpose(extract.analyse_page))
    sites = copy_demo_sites(tmp_path, 1)[0]
    (sites / "odd").mkdir()
    (sites / "odd" / "notes.txt").write_text("Our clinic treats COPD with exosomes.\nCall 303-555-0142.", "utf-8")
    (sites / "odd" / "broken.html").write_text("<p>BROKEN</p>", "utf-8")

    with monkeypatch.context() as patched:
        patched.setattr(extract, "_write_batch", reference_write_of_tuples)
        run_id = extract_local_files(store, [sites], workers=1)
    orm = snapshot(store)
    forget_extraction(store)
    stats = extract_stored_pages(store, run_id=run_id, workers=1)
    bulk = snapshot(store)

    assert len(orm["pages"]) == DEMO_PAGES + 2 and stats.failed == 1
    assert len(orm["claims"]) > 500 and len(orm["contacts"]) > 50
    assert bulk["pages"] == orm["pages"]
    assert bulk["claims"] == orm["claims"]
    assert bulk["contacts"] == orm["contacts"]


def test_bulk_insert_fills_defaults_and_keeps_json_and_nulls(store):
    """Rows that leave out columns get the model's defaults; JSON lists, JSON null, SQL NULL,
    booleans and timestamps come back as an ORM insert stores them."""
    with store.session() as session:
        run = CrawlRun(fingerprint="f", version="t")
        session.add(run)
        session.flush()
        site = store.upsert_site(session, "a.example", "A", "https://a.example/")
        orm_page = Page(run_id=run.id, site_id=site.id, url="https://a.example/orm", condition_ids=["x"],
                        offer_cues=None, offers_treatment=True, text="t\u00e9xt")
        session.add(orm_page)
        session.flush()
        bulk_insert(session.connection(), Page, [
            {"run_id": run.id, "site_id": site.id, "url": "https://a.example/bulk", "condition_ids": ["x"],
             "offer_cues": None, "offers_treatment": True, "text": "t\u00e9xt"}])
    with store.session() as session:
        orm, bulk = (session.scalar(select(Page).where(Page.url.endswith(end))) for end in ("/orm", "/bulk"))
        assert bulk.depth == orm.depth == 0 and bulk.fetched_at is not None
        assert bulk.condition_ids == orm.condition_ids == ["x"] and bulk.offers_treatment is True
        assert bulk.text == orm.text and bulk.red_flag_ids is None and orm.red_flag_ids is None
        # JSON given as None is stored alike (the JSON null), never as a different value
        raw = dict(session.execute(select(Page.url, func.coalesce(cast(Page.offer_cues, String), "<sql null>"))).all())
        assert raw["https://a.example/bulk"] == raw["https://a.example/orm"]


# ------------------------------------------------------------------ failures in the middle

def add_trigger(store, condition: str) -> None:
    """Make the database refuse the claims for which ``condition`` holds (SQL on ``NEW``), as a
    failing disk would refuse a write."""
    with store.engine.begin() as conn:
        if conn.dialect.name == "sqlite":
            conn.execute(text(f"CREATE TRIGGER fail_claims BEFORE INSERT ON claims WHEN {condition} "
                              "BEGIN SELECT RAISE(ABORT, 'simulated write failure'); END"))
        else:
            conn.execute(text("CREATE FUNCTION fail_claims() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                              f"IF {condition} THEN RAISE EXCEPTION 'simulated write failure'; END IF; "
                              "RETURN NEW; END $$"))
            conn.execute(text("CREATE TRIGGER fail_claims BEFORE INSERT ON claims FOR EACH ROW "
                              "EXECUTE FUNCTION fail_claims()"))


def drop_trigger(store) -> None:
    with store.engine.begin() as conn:
        conn.execute(text("DROP TRIGGER fail_claims" + ("" if conn.dialect.name == "sqlite" else " ON claims")))


def prepare_a_failing_batch(store, tmp_path, monkeypatch) -> tuple[int, dict, list[int], int]:
    """Batches of 10 demo pages, extracted once for the reference rows and then forgotten, and a trigger that
    fails the claims insert of a page in the 4th batch or later: (run id, reference snapshot, the page ids in
    order, the first page id of the batch that will fail)."""
    monkeypatch.setattr(extract, "BATCH_SIZE", 10)
    sites = copy_demo_sites(tmp_path, 1)[0]
    run_id = extract_local_files(store, [sites], workers=1)
    reference = snapshot(store)
    with store.session() as session:
        page_ids = list(session.scalars(select(Page.id).order_by(Page.id)))
        with_claims = set(session.scalars(select(Claim.page_id)))
    failing = next(pid for pid in page_ids[30:] if pid in with_claims)  # in the 4th batch or later
    batch_start = page_ids[page_ids.index(failing) // 10 * 10]
    forget_extraction(store)
    add_trigger(store, f"NEW.page_id = {failing}")
    return run_id, reference, page_ids, batch_start


def test_a_failure_mid_batch_keeps_committed_batches_and_the_rerun_completes(store, tmp_path, monkeypatch):
    run_id, reference, page_ids, batch_start = prepare_a_failing_batch(store, tmp_path, monkeypatch)

    with pytest.raises(StoreUnavailable) as stopped:
        extract_stored_pages(store, run_id=run_id, workers=1)
    message = str(stopped.value)
    assert "\n" not in message and "simulated write failure" in message
    assert f"the {page_ids.index(batch_start)} pages extracted before it are kept" in message
    assert "run the same command again to resume" in message

    partial = snapshot(store)
    with store.session() as session:
        extracted = list(session.scalars(select(Page.id).where(Page.extracted_at.is_not(None)).order_by(Page.id)))
    assert extracted == [pid for pid in page_ids if pid < batch_start]  # whole batches, nothing of the failed one
    kept_claims = [row for row in reference["claims"] if row[0] < batch_start]  # row[0] is page_id
    assert partial["claims"] == kept_claims and kept_claims
    assert partial["pages"][:len(extracted)] == reference["pages"][:len(extracted)]

    drop_trigger(store)
    again = extract_stored_pages(store, run_id=run_id, workers=1)
    assert again.pages == len(page_ids) - len(extracted)
    assert snapshot(store) == reference


def test_extract_path_out_after_a_database_failure_says_one_line_and_resumes(db_url, tmp_path):
    """The command a user types: the failure is one line (exit 2), and the same command again
    finishes the same run, with the rows and exports of a run that never failed."""
    copy_demo_sites(tmp_path / "in", 4)  # 320 pages: batches of 200 through two workers
    folder, out = tmp_path / "in", tmp_path / "out"
    clean = subprocess.run([CLINICSCAN, "--db", f"sqlite:///{tmp_path / 'clean.db'}", "extract", str(folder),
                            "--out", str(tmp_path / "clean")], capture_output=True, text=True, timeout=600)
    assert clean.returncode == 0, clean.stderr
    with open_store(db_url) as store:
        add_trigger(store, "NEW.page_id > 200")  # the second batch
    command = [CLINICSCAN, "--db", db_url, "extract", str(folder), "--out", str(out)]
    failed = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert failed.returncode == 2, failed.stderr
    assert "Traceback" not in failed.stderr
    errors = [line for line in failed.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "simulated write failure" in errors[0] and "200 pages" in errors[0]
    with open_store(db_url) as store:
        drop_trigger(store)
    resumed = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert resumed.returncode == 0, resumed.stderr
    with open_store(db_url) as store, open_store(f"sqlite:///{tmp_path / 'clean.db'}") as reference:
        with store.session() as session:
            runs = session.execute(select(CrawlRun.id, CrawlRun.status, CrawlRun.stats)).all()
            assert len(runs) == 1 and runs[0].status == "finished"
            assert runs[0].stats["extracted"] == 4 * DEMO_PAGES
            assert session.scalar(select(func.count(Page.id))) == 4 * DEMO_PAGES
            assert session.scalar(select(func.count(func.distinct(Site.id)))) == len(
                {p.parent for p in folder.rglob("*.html")})
        assert snapshot(store)["claims"] == snapshot(reference)["claims"]
        assert snapshot(store)["contacts"] == snapshot(reference)["contacts"]
    assert_same_exports(out, tmp_path / "clean")


TIMESTAMP = r"\d{4}-\d\d-\d\d[T ]\d\d:\d\d"


def assert_same_exports(out: Path, clean: Path) -> None:
    for name in ("pages.csv", "claims.csv", "clinics.csv", "flagged_clinics.csv"):
        ours, theirs = (pd.read_csv(d / name, dtype=str, keep_default_na=False) for d in (out, clean))
        volatile = [c for c in ours.columns if c == "claim_id" or ours[c].str.match(TIMESTAMP).any()]
        pd.testing.assert_frame_equal(ours.drop(columns=volatile), theirs.drop(columns=volatile))


def test_extract_path_out_killed_mid_extraction_resumes_without_loss_or_duplicates(db_url, tmp_path):
    copy_demo_sites(tmp_path / "in", 4)  # 320 pages, two batches
    folder, out = tmp_path / "in", tmp_path / "out"
    clean = subprocess.run([CLINICSCAN, "--db", f"sqlite:///{tmp_path / 'clean.db'}", "extract", str(folder),
                            "--out", str(tmp_path / "clean")], capture_output=True, text=True, timeout=600)
    assert clean.returncode == 0, clean.stderr
    command = [CLINICSCAN, "--db", db_url, "extract", str(folder), "--out", str(out)]
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        with open_store(db_url) as store:
            deadline = time.monotonic() + 300
            extracted = 0
            while extracted == 0 and proc.poll() is None and time.monotonic() < deadline:
                time.sleep(0.02)
                with store.engine.connect() as conn:
                    extracted = conn.scalar(select(func.count(Page.id)).where(Page.extracted_at.is_not(None))) or 0
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    assert 0 < extracted < 4 * DEMO_PAGES, f"the kill came too late to test a resume ({extracted} pages extracted)"
    resumed = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert resumed.returncode == 0, resumed.stderr
    with open_store(db_url) as store, open_store(f"sqlite:///{tmp_path / 'clean.db'}") as reference:
        with store.session() as session:
            assert session.scalar(select(func.count(CrawlRun.id))) == 1
            assert session.scalar(select(func.count(Page.id))) == 4 * DEMO_PAGES
        assert snapshot(store)["claims"] == snapshot(reference)["claims"]
    assert_same_exports(out, tmp_path / "clean")
