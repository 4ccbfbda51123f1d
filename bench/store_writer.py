"""The crawl's store writer alone: CPU a page with the html in the row and stored once.

Builds 2,000 fictional 25 KB pages (bench/crawl.py's), has the archive pipeline write their
WARC records (not timed), then times the store pipeline's ``_write_now`` (the writer thread's
work: the batch's transaction, and with the html stored once the ``fdatasync`` of the
segments first) in batches of 50, thread CPU only. The two forms alternate round by round in
one process (``CLINICSCAN_STORE_HTML`` True is the row the crawl wrote before session 22),
so a shared machine's load falls on both alike.

    .venv/bin/python bench/store_writer.py [--rounds 5] [--dir /tmp]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from crawl import render_page  # noqa: E402

from clinicscan.crawler import run as crawl_run  # noqa: E402
from clinicscan.crawler.items import FrontierLink, PageItem  # noqa: E402
from clinicscan.crawler.pipelines.archive import WarcArchivePipeline  # noqa: E402
from clinicscan.crawler.pipelines.store import StorePipeline  # noqa: E402
from clinicscan.crawler.seeds import load_seeds  # noqa: E402
from clinicscan.store import open_store  # noqa: E402

SITE = "127.0.0.1:9"
PAGES, BATCH, SIZE = 2000, 50, 25_000


def make_items() -> list[PageItem]:
    rng = random.Random(1)
    items = []
    for i in range(PAGES):
        body = render_page(i, PAGES, rng, SIZE)
        links = [FrontierLink(f"http://{SITE}/l/{i}/{k}", SITE, 2, 1) for k in range(2)]
        items.append(PageItem(
            url=f"http://{SITE}/p/{i}", site=SITE, final_url=f"http://{SITE}/p/{i}", status=200,
            fetched_at=datetime.now(timezone.utc), content_type="text/html; charset=utf-8", depth=1,
            body=body, html=body.decode(), encoding="utf-8",
            content_hash=hashlib.sha256(body).hexdigest(), links=links))
    return items


def writer_ms_a_page(folder: Path, store_html: bool, items: list[PageItem]) -> float:
    tag = time.monotonic_ns()
    db_url = f"sqlite:///{folder / f'w{tag}.db'}"
    store = open_store(db_url)
    run_id = crawl_run.prepare_run(store, load_seeds([f"http://{SITE}/"]), {"max_depth": 1}, new_run=True)
    store.dispose()
    archive = WarcArchivePipeline(folder / f"warc{tag}", run_id)
    writer = StorePipeline(db_url, run_id, threaded=False, interval=0, batch_size=10**9,
                           store_html=store_html)
    archive.open_spider()
    writer.open_spider()
    cpu = 0.0
    for at in range(0, PAGES, BATCH):
        for item in items[at:at + BATCH]:
            writer.process_item(archive.process_item(item))
        batch = (writer._pages, list(writer._links.values()), dict(writer._outcomes))
        writer._pages, writer._links = [], {}
        writer._pending_items = writer._pending_bytes = 0
        started = time.thread_time()
        written = writer._write_now(*batch)
        cpu += time.thread_time() - started
        assert written == len(batch[0]), written
    writer.close_spider()
    archive.close_spider()
    return cpu * 1000 / PAGES


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--dir", help="where the databases and archives go (a real disk: the sync is timed)")
    args = parser.parse_args()
    items = make_items()
    results: dict[bool, list[float]] = {True: [], False: []}
    print(f"load average {os.getloadavg()[0]:.2f} at the start", flush=True)
    with tempfile.TemporaryDirectory(dir=args.dir, prefix="clinicscan-writer-") as tmp:
        for round_ in range(1, args.rounds + 1):
            for form in ((True, False) if round_ % 2 else (False, True)):
                results[form].append(writer_ms_a_page(Path(tmp), form, items))
            print(f"round {round_}: html in the row {results[True][-1]:.3f} ms, stored once "
                  f"{results[False][-1]:.3f} ms (load {os.getloadavg()[0]:.1f})", flush=True)
    for form, name in ((True, "html in the row (before)"), (False, "stored once, segments synced (after)")):
        print(f"{name}: least {min(results[form]):.3f}, median {statistics.median(results[form]):.3f} "
              "ms a page of writer-thread CPU")


if __name__ == "__main__":
    main()
