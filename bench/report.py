"""Benchmark: `clinicscan report --out` over about a million claims, as a whole process, against a
raw pandas baseline doing the same reads and writes, on SQLite and PostgreSQL.

1. Builds a store shaped like a research-scale extraction (default: 800 sites, 40,000 pages,
   about 25 claims a page, so about a million claims), written directly with Core inserts
   (SQLite) or COPY (PostgreSQL) so that building it takes seconds, not the hour an extract
   would. Rows look like real ones: sentences of 80-250 characters holding one to four
   mentions, menus (``nav``), lists, every context, a lexicon version, WARC ids, page texts.
   The store is kept (``--work``) and reused when it already holds that many claims.
2. Times, in alternating rounds (best of ``--rounds`` counts; the machine is shared):
   - ``clinicscan --db URL report --out DIR`` in a subprocess (start-up included);
   - a raw pandas baseline in a subprocess: ``pd.read_sql`` of the pages, sites and every
     claim of the run, then pages.csv and claims.csv written with ``to_csv``: the least any
     report must do (no pairing, no registry, no flags, no HTML).
   Peak memory is each child's own ``ru_maxrss`` (``os.wait4``), not the sum. The stores are
   built in a child process too: a child started by ``subprocess`` (vfork, then exec) is
   charged the high-water RSS of its parent's memory, so a bench that had built the store
   itself (610 MiB for a million claims) reported at least 610 MiB for every child.

    .venv/bin/python bench/report.py                      # 1M claims, SQLite and PostgreSQL
    .venv/bin/python bench/report.py --claims 200000 --engines sqlite --rounds 2
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

PG_BASE = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
CLAIMS_PER_PAGE = 25
PAGES_PER_SITE = 50
LEXICON_VERSION = "bench-3f9a2c71d4e8"

CONDITIONS = ["back_pain", "osteoarthritis", "joint_pain", "neuropathy", "multiple_sclerosis", "autism",
              "parkinsons", "diabetes", "erectile_dysfunction", "hair_loss", "anti_aging",
              "lung_disease", "stroke", "rheumatoid_arthritis", "lupus", "sports_injury", "chronic_pain",
              "tendon_ligament_injury", "als", "heart_disease", "kidney_disease", "vision_loss", "cosmetic"]
PRODUCTS = ["msc", "amniotic", "placental", "umbilical_cord", "adipose", "bone_marrow", "exosome", "prp",
            "unspecified_stem_cell", "cord_blood"]
RED_FLAGS = ["cure_claim", "safety_claim", "fda_claim", "success_rate_claim", "avoid_surgery_claim"]
WORDS = {"condition": {"back_pain": "back pain", "osteoarthritis": "knee osteoarthritis", "joint_pain": "joint pain",
                       "neuropathy": "neuropathy", "multiple_sclerosis": "multiple sclerosis", "autism": "autism",
                       "parkinsons": "Parkinson's disease", "diabetes": "diabetes", "hair_loss": "hair loss",
                       "erectile_dysfunction": "erectile dysfunction", "anti_aging": "anti-aging",
                       "lung_disease": "COPD", "stroke": "stroke recovery", "rheumatoid_arthritis": "rheumatoid arthritis",
                       "lupus": "lupus", "sports_injury": "sports injuries", "chronic_pain": "chronic pain",
                       "tendon_ligament_injury": "torn ligaments", "als": "ALS", "heart_disease": "heart failure",
                       "kidney_disease": "kidney disease", "vision_loss": "macular degeneration",
                       "cosmetic": "facial rejuvenation"},
         "product_type": {"msc": "mesenchymal stem cells", "amniotic": "amniotic injections",
                          "placental": "placental tissue", "umbilical_cord": "umbilical cord cells",
                          "adipose": "fat-derived stem cells", "bone_marrow": "bone marrow concentrate",
                          "exosome": "exosomes", "prp": "PRP", "unspecified_stem_cell": "stem cell therapy",
                          "cord_blood": "cord blood"},
         "red_flag": {"cure_claim": "cures", "safety_claim": "no side effects", "fda_claim": "FDA-registered",
                      "success_rate_claim": "95% success rate", "avoid_surgery_claim": "avoid surgery"}}
FILLER = ["Our physicians", "At our clinic, patients", "Many of our patients", "Every treatment plan",
          "During a short outpatient visit,", "After a detailed consultation,", "In our own laboratory,",
          "For over ten years,", "Patients from all over the country", "With a single injection,"]
CONTEXTS = (["asserted"] * 70) + (["hedged"] * 10) + (["negated"] * 10) + (["reported"] * 10)
CUES = {"asserted": None, "hedged": "may help", "negated": "we do not", "reported": "studies suggest"}
SECTIONS = (["main"] * 7) + (["list"] * 2) + ["nav"]
PAGE_KINDS = (["clinic"] * 17) + ["news", "transplant", "explainer"]


# ------------------------------------------------------------------ building the store

def generate(n_claims: int, seed: int = 9):
    """Sites, pages and claims as plain tuples (fast to write with executemany or COPY)."""
    rng = random.Random(seed)
    n_pages = max(1, n_claims // CLAIMS_PER_PAGE)
    n_sites = max(1, n_pages // PAGES_PER_SITE)
    started = datetime(2026, 11, 2, 8, 0, tzinfo=timezone.utc)
    sites = [(sid, f"clinic{sid}.example", f"Fictional Regenerative Clinic {sid}", f"https://clinic{sid}.example/",
              rng.choice(["US", "MX", "PA", "CY", None]), rng.choice(["TX", "FL", "AZ", "CA", None]), "bench")
             for sid in range(1, n_sites + 1)]
    # a clinic names a handful of conditions and product types again and again, a few others once
    focuses = [{"condition": rng.sample(CONDITIONS, 6), "product_type": rng.sample(PRODUCTS, 3),
                "red_flag": rng.sample(RED_FLAGS, 3)} for _ in sites]
    pages, claims = [], []
    claim_id = 0
    for pid in range(1, n_pages + 1):
        sid = (pid - 1) % n_sites + 1
        focus = focuses[sid - 1]
        url = f"https://clinic{sid}.example/treatments/page-{pid}"
        offers = rng.random() < 0.85
        kind = rng.choice(PAGE_KINDS)
        fetched = started + timedelta(seconds=pid)
        text_parts, page_claims = [], []
        offset = 0
        target = rng.randint(CLAIMS_PER_PAGE - 10, CLAIMS_PER_PAGE + 10) if CLAIMS_PER_PAGE > 10 else CLAIMS_PER_PAGE
        seen: set[tuple] = set()
        while len(page_claims) < target:
            section = rng.choice(SECTIONS)
            mentions = []
            for _ in range(rng.randint(1, 4)):
                k = rng.choices(("condition", "product_type", "red_flag"), (45, 35, 20))[0]
                every = CONDITIONS if k == "condition" else PRODUCTS if k == "product_type" else RED_FLAGS
                vocab = rng.choice(focus[k] if rng.random() < 0.9 else every)
                mentions.append((k, vocab))
            sentence = rng.choice(FILLER)
            spans = []
            for k, vocab in mentions:
                word = WORDS[k][vocab]
                sentence += " offers " if rng.random() < 0.5 else " for "
                spans.append((k, vocab, word, len(sentence)))
                sentence += word
            sentence += ", prepared in our own laboratory and tailored to each patient after a review of imaging."
            sent_start = offset
            for k, vocab, word, at in spans:
                start = sent_start + at
                if (k, vocab, start) in seen:
                    continue
                seen.add((k, vocab, start))
                context = rng.choice(CONTEXTS)
                claim_id += 1
                page_claims.append((claim_id, pid, k, vocab, None, word, start, start + len(word), sentence,
                                    sent_start, sent_start + len(sentence), context, CUES[context], section,
                                    LEXICON_VERSION))
            text_parts.append(sentence)
            offset += len(sentence) + 1
        text = " ".join(text_parts)
        claims.extend(page_claims)
        ids = {k: sorted({c[3] for c in page_claims if c[2] == k and c[11] in ("asserted", "hedged")})
               for k in ("condition", "product_type", "red_flag")}
        pages.append((pid, 1, sid, url, url, 200, fetched, "text/html; charset=utf-8", f"{pid:064x}", 1,
                      f"Regenerative treatments {pid} | Fictional Regenerative Clinic {sid}", text, offers,
                      round(rng.random() * 5, 2), ["book", "price"] if offers else [], kind,
                      ids["condition"], ids["product_type"], ids["red_flag"], fetched, LEXICON_VERSION, None,
                      f"/data/warc/run-1/clinicscan-{pid // 1000:05d}.warc.gz", f"<urn:uuid:{pid:08x}-bench>",
                      pid * 1000))
    return sites, pages, claims, started


PAGE_FIELDS = ["id", "run_id", "site_id", "url", "final_url", "status", "fetched_at", "content_type",
               "content_hash", "depth", "title", "text", "offers_treatment", "offer_score", "offer_cues",
               "page_kind", "condition_ids", "product_type_ids", "red_flag_ids", "extracted_at",
               "lexicon_version", "extract_error", "warc_file", "warc_record_id", "warc_offset"]
CLAIM_FIELDS = ["id", "page_id", "kind", "vocab_id", "detail_id", "matched_text", "start", "end", "sentence",
                "sent_start", "sent_end", "context", "context_cue", "section", "lexicon_version"]
SITE_FIELDS = ["id", "domain", "name", "seed_url", "country", "region", "source"]
JSON_PAGE_FIELDS = ("offer_cues", "condition_ids", "product_type_ids", "red_flag_ids")


def build_store(url: str, n_claims: int) -> int:
    """Fill an empty store; returns the number of claims written."""
    from sqlalchemy import insert

    from clinicscan.store import open_store
    from clinicscan.store.models import Claim, CrawlRun, Page, Site

    sites, pages, claims, started = generate(n_claims)
    store = open_store(url)
    with store.engine.begin() as conn:
        conn.execute(insert(CrawlRun.__table__), [{
            "id": 1, "kind": "crawl", "label": "bench", "fingerprint": "bench", "started_at": started,
            "finished_at": started + timedelta(hours=5), "status": "finished", "seeds": [], "settings": {},
            "version": "bench", "stats": {}}])
        conn.execute(insert(Site.__table__), [dict(zip(SITE_FIELDS, s)) for s in sites])
    if store.engine.dialect.name == "postgresql":
        _copy_pg(store, pages, claims)
    else:
        with store.engine.begin() as conn:
            for i in range(0, len(pages), 5000):
                conn.execute(insert(Page.__table__), [dict(zip(PAGE_FIELDS, p)) for p in pages[i:i + 5000]])
            for i in range(0, len(claims), 50_000):
                conn.execute(insert(Claim.__table__), [dict(zip(CLAIM_FIELDS, c)) for c in claims[i:i + 50_000]])
    store.dispose()
    return len(claims)


def _copy_pg(store, pages, claims) -> None:
    import json

    raw = store.engine.raw_connection()
    try:
        cur = raw.cursor()
        with cur.copy(f"COPY pages ({', '.join(PAGE_FIELDS)}) FROM STDIN") as copy:
            for p in pages:
                row = list(p)
                for name in JSON_PAGE_FIELDS:
                    i = PAGE_FIELDS.index(name)
                    row[i] = json.dumps(row[i])
                copy.write_row(row)
        cols = ", ".join(f'"{c}"' if c in ("start", "end") else c for c in CLAIM_FIELDS)
        with cur.copy(f"COPY claims ({cols}) FROM STDIN") as copy:
            for c in claims:
                copy.write_row(c)
        for table in ("crawl_runs", "sites", "pages", "claims"):
            cur.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))")
        cur.execute("ANALYZE")
        raw.commit()
    finally:
        raw.close()


def claims_in(url: str) -> int:
    from sqlalchemy import func, select

    from clinicscan.store import open_store
    from clinicscan.store.models import Claim

    store = open_store(url)
    try:
        with store.session() as s:
            return s.scalar(select(func.count()).select_from(Claim)) or 0
    finally:
        store.dispose()


def prepare(engine: str, n_claims: int, work: Path) -> str:
    """The store's URL, built unless it already holds the claims."""
    if engine == "sqlite":
        path = work / f"report-{n_claims}.db"
        url = f"sqlite:///{path}"
        if path.exists() and claims_in(url) >= n_claims * 0.9:
            return url
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    else:
        from sqlalchemy import create_engine, text
        schema = f"bench_report_{n_claims}"
        admin = create_engine(PG_BASE)
        with admin.begin() as conn:
            exists = conn.scalar(text("SELECT count(*) FROM information_schema.schemata WHERE schema_name = :s"),
                                 {"s": schema})
        url = f"{PG_BASE}?options=-csearch_path%3D{schema}"
        if exists and claims_in(url) >= n_claims * 0.9:
            admin.dispose()
            return url
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        admin.dispose()
    t0 = time.perf_counter()
    n = build_store(url, n_claims)
    print(f"  built {engine} store: {n:,} claims in {time.perf_counter() - t0:.1f} s", flush=True)
    return url


# ------------------------------------------------------------------ the two processes timed

BASELINE = r'''
import sys, pandas as pd, sqlalchemy as sa
url, out = sys.argv[1], sys.argv[2]
engine = sa.create_engine(url.replace("postgresql://", "postgresql+psycopg://"))
with engine.connect() as conn:
    run_id = conn.execute(sa.text("SELECT max(id) FROM crawl_runs")).scalar()
    pages = pd.read_sql(sa.text(
        "SELECT p.id AS page_id, p.site_id, p.url, p.final_url, p.status, p.fetched_at, p.title, "
        "p.offers_treatment, p.offer_score, p.offer_cues, p.page_kind, p.condition_ids, p.product_type_ids, "
        "p.red_flag_ids, p.extracted_at, p.extract_error, p.warc_file, p.warc_record_id, p.lexicon_version "
        "FROM pages p WHERE p.run_id = :r ORDER BY p.site_id, p.url"), conn, params={"r": run_id})
    sites = pd.read_sql(sa.text("SELECT id AS site_id, name AS site_name, domain, seed_url, country, region "
                                "FROM sites"), conn)
    claims = pd.read_sql(sa.text(
        "SELECT c.id AS claim_id, c.page_id, c.kind, c.vocab_id, c.detail_id, c.matched_text, c.start, c.\"end\", "
        "c.sentence, c.sent_start, c.sent_end, c.context, c.context_cue, c.section, c.lexicon_version "
        "FROM claims c JOIN pages p ON p.id = c.page_id WHERE p.run_id = :r "
        "ORDER BY c.page_id, c.start, c.kind"), conn, params={"r": run_id})
pages = pages.merge(sites, on="site_id", how="left")
claims = claims.merge(pages[["page_id", "site_name", "domain", "url", "fetched_at", "offers_treatment",
                             "warc_record_id"]], on="page_id", how="left")
claims["counts"] = claims["offers_treatment"].fillna(False).astype(bool) & claims["context"].isin(["asserted", "hedged"])
pages["n_mentions"] = pages["page_id"].map(claims.groupby("page_id").size()).fillna(0).astype(int)
pages["n_claims"] = pages["page_id"].map(claims[claims["counts"]].groupby("page_id").size()).fillna(0).astype(int)
pages.to_csv(f"{out}/pages.csv", index=False, lineterminator="\r\n")
claims.to_csv(f"{out}/claims.csv", index=False, lineterminator="\r\n")
'''


def prepare_in_child(engine: str, n_claims: int, work: Path) -> str:
    """``prepare`` in a child process, so the bench itself stays small (see the module doc)."""
    out = subprocess.run([sys.executable, __file__, "--prepare-only", engine, "--claims", str(n_claims),
                          "--work", str(work)], check=True, stdout=subprocess.PIPE, text=True).stdout
    lines = out.splitlines()
    for line in lines[:-1]:
        print(line, flush=True)
    return lines[-1]


def own_peak_mib() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_child(argv: list[str]) -> tuple[float, float, float, str]:
    """(wall seconds, CPU seconds, peak RSS MiB, output) of one child process."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    out = proc.stdout.read() if proc.stdout else b""
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    text = out.decode("utf-8", "replace")
    if proc.returncode != 0:
        raise SystemExit(f"child failed ({proc.returncode}): {' '.join(argv)}\n{text[-3000:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, text


def bench_engine(engine: str, url: str, rounds: int, work: Path, formats: str | None,
                 compare: str | None) -> dict:
    clinicscan = str(Path(sys.executable).with_name("clinicscan"))
    report_argv = [clinicscan, "--db", url, "report", "--out", str(work / f"out-{engine}")]
    if formats:
        report_argv += ["--format", formats]
    base_out = work / f"baseline-{engine}"
    base_out.mkdir(parents=True, exist_ok=True)
    children = {"report": report_argv, "baseline": [sys.executable, "-c", BASELINE, url, str(base_out)]}
    if compare:  # another clinicscan (e.g. main before a change), timed in the same rounds
        children["compare"] = [compare, "--db", url, "report", "--out", str(work / f"compare-{engine}")]
    best = {name: (float("inf"), float("inf"), 0.0) for name in children}
    for r in range(rounds):
        for name, argv in children.items():
            wall, cpu, rss, _ = run_child(argv)
            print(f"  {engine} round {r + 1} {name:<8}: {wall:6.1f} s wall, {cpu:6.1f} s CPU, peak {rss:6.0f} MiB",
                  flush=True)
            w, c, m = best[name]
            best[name] = (min(w, wall), min(c, cpu), max(m, rss))
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--claims", type=int, default=1_000_000)
    ap.add_argument("--engines", default="sqlite,postgresql")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "clinicscan-bench-report")
    ap.add_argument("--format", dest="formats", default=None,
                    help="passed to `clinicscan report --format` (e.g. csv,parquet)")
    ap.add_argument("--rebuild", action="store_true", help="build the stores again")
    ap.add_argument("--compare", default=None,
                    help="another clinicscan executable to time in the same rounds (e.g. the code before a change)")
    ap.add_argument("--prepare-only", default=None, help=argparse.SUPPRESS)  # one engine's store, URL printed last
    args = ap.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    if args.prepare_only:
        print(prepare(args.prepare_only, args.claims, args.work), flush=True)
        return
    results = {}
    for engine in args.engines.split(","):
        if args.rebuild and engine == "sqlite":
            for f in args.work.glob(f"report-{args.claims}.db*"):
                f.unlink()
        url = prepare_in_child(engine, args.claims, args.work)
        if args.rebuild and engine == "postgresql" and claims_in(url) < args.claims * 0.9:
            url = prepare_in_child(engine, args.claims, args.work)
        results[engine] = bench_engine(engine, url, args.rounds, args.work, args.formats, args.compare)
    print(f"\nbest of {args.rounds} (wall and CPU seconds; peak MiB is the highest seen over the rounds):")
    for engine, best in results.items():
        (rw, rc, rm), (bw, bc, bm) = best["report"], best["baseline"]
        print(f"  {engine:<10} report {rw:6.1f} s ({rc:5.1f} CPU) {rm:5.0f} MiB | raw pandas {bw:6.1f} s "
              f"({bc:5.1f} CPU) {bm:5.0f} MiB | report/baseline wall {rw / bw:4.2f}, CPU {rc / bc:4.2f}")
        if "compare" in best:
            cw, cc, cm = best["compare"]
            print(f"  {engine:<10} compared clinicscan {cw:6.1f} s ({cc:5.1f} CPU) {cm:5.0f} MiB: "
                  f"report is {cw / rw:.1f}x faster (CPU {cc / rc:.1f}x)")
    # a child's ru_maxrss is never below this (the parent's high water at its start)
    print(f"  (the bench process itself peaked at {own_peak_mib():.0f} MiB)")
    if "sqlite" in results and "postgresql" in results:
        pg, lite = results["postgresql"]["report"], results["sqlite"]["report"]
        print(f"  postgresql/sqlite report: wall {pg[0] / lite[0]:.2f}, CPU {pg[1] / lite[1]:.2f}")
    for engine in results:
        shutil.rmtree(args.work / f"baseline-{engine}", ignore_errors=True)


if __name__ == "__main__":
    main()
