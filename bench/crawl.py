"""Crawl throughput: our full crawl stack against a bare Scrapy crawl of the same sites.

Generates fictional clinic sites (>= 2,000 pages in total), serves them on 127.0.0.1 from
a small asyncio server in its own process (pre-rendered responses, keep-alive, so it is
not the bottleneck), then crawls them twice, each crawl in its own subprocess:

* bare: the clinic spider with the same link following, no item pipelines and none of the
  project's middlewares (address guard, limits, retries, trap filter, page budget);
* full: every pipeline (WARC archive, SQLite store) and middleware;
* full-writer (optional): the full crawl with the WARC records built and written in the
  store's writer thread instead of the reactor thread (``CLINICSCAN_ARCHIVE_IN_WRITER``).

Both run with delays off and the same concurrency, interleaved for ``--repeat`` rounds (the
order of the modes reversed every other round, so neither always runs first); the script
prints pages/s and CPU milliseconds a page of each crawl (CPU of the crawl process only:
all its threads, user and system, and the reactor thread alone), then for each mode the
least and the median CPU a page, and the ratio full/bare (target: >= 0.85) both from the
least CPU of each mode and round by round (median, range), with the load average of each
round. CPU a page is the figure to trust on a shared machine; pages/s swings with the other
work on it. ``--profile DIR`` writes a cProfile of each crawl (CPU time, reactor thread).

    .venv/bin/python bench/crawl.py                 # 4 sites x 520 pages
    .venv/bin/python bench/crawl.py --sites 2 --pages 1000 --concurrency 16
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WORDS = ("regenerative cellular clinic wellness protocol recovery consultation injection "
         "joint mobility program patient visit assessment follow-up care team schedule "
         "fictional harbor pine meadow valley summit comfort vitality renewal balance").split()
LINK_WORDS = ["treatments", "pricing", "faq", "about", "news", "conditions", "testimonials",
              "blog", "team", "contact", "stories", "services"]


# -- the site --------------------------------------------------------------------------------

def page_path(index: int) -> str:
    return "/" if index == 0 else f"/{LINK_WORDS[index % len(LINK_WORDS)]}/{index}"


def render_page(index: int, pages: int, rng: random.Random, size: int) -> bytes:
    """A fictional page of about ``size`` bytes: children in a tree plus random cross links."""
    children = [child for child in range(index * 8 + 1, index * 8 + 9) if child < pages]
    cross = [rng.randrange(pages) for _ in range(6)]
    links = "".join(f'<li><a href="{page_path(target)}">{LINK_WORDS[target % len(LINK_WORDS)].title()} '
                    f'{target}</a></li>' for target in children + cross)
    paragraphs = []
    length = 0
    while length < size:
        text = " ".join(rng.choice(WORDS) for _ in range(60))
        paragraphs.append(f"<p>{text}.</p>")
        length += len(text) + 8
    return (f"<!doctype html><html><head><title>Fictional clinic page {index}</title></head>"
            f"<body><nav><ul>{links}</ul></nav><main>{''.join(paragraphs)}</main></body></html>"
            ).encode()


def build_site(pages: int, size: int, seed: int) -> dict[str, bytes]:
    rng = random.Random(seed)
    responses = {}
    for index in range(pages):
        body = render_page(index, pages, rng, size)
        responses[page_path(index)] = (
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
            b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body)
    robots = b"User-agent: *\nAllow: /\n"
    responses["/robots.txt"] = (b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: "
                                + str(len(robots)).encode() + b"\r\n\r\n" + robots)
    return responses


NOT_FOUND = b"HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\nContent-Length: 9\r\n\r\nnot found"


async def serve(sites: int, pages: int, size: int) -> None:
    async def handler_for(responses):
        async def handle(reader, writer):
            try:
                while True:
                    head = await reader.readuntil(b"\r\n\r\n")
                    path = head.split(b" ", 2)[1].decode("latin-1")
                    writer.write(responses.get(path, NOT_FOUND))
                    await writer.drain()
            except (asyncio.IncompleteReadError, ConnectionError):
                pass
            finally:
                writer.close()
        return handle

    servers = []
    for site in range(sites):
        responses = build_site(pages, size, seed=site)
        servers.append(await asyncio.start_server(await handler_for(responses), "127.0.0.1", 0))
    ports = [server.sockets[0].getsockname()[1] for server in servers]
    print(json.dumps({"ports": ports}), flush=True)
    await asyncio.Event().wait()


# -- one crawl (in its own process) ----------------------------------------------------------

BARE_OFF = {
    "ITEM_PIPELINES": {},
    "SPIDER_MIDDLEWARES": {"clinicscan.crawler.middlewares.traps.TrapFilterMiddleware": None},
    "DOWNLOADER_MIDDLEWARES": {
        "clinicscan.crawler.middlewares.address_guard.AddressGuardMiddleware": None,
        "clinicscan.crawler.middlewares.retry_after.RetryAfterMiddleware": None,
        "clinicscan.crawler.middlewares.site_budget.SiteBudgetMiddleware": None,
        "clinicscan.crawler.middlewares.limits.ResponseLimitsMiddleware": None,
        "clinicscan.crawler.middlewares.encoding.EncodingFallbackMiddleware": None,
        "scrapy.downloadermiddlewares.retry.RetryMiddleware": 550,
    },
    "TWISTED_DNS_RESOLVER": "scrapy.resolver.CachingThreadedResolver",
}


# what ``scrapy crawl clinic -O pages.jsonl`` would keep of each page (no archive, no guard)
FEED_FIELDS = ["url", "final_url", "status", "fetched_at", "content_type", "depth", "html",
               "content_hash", "encoding"]


def crawl(mode: str, ports: list[int], work: Path, concurrency: int, max_pages: int,
          profile: Path | None = None) -> dict:
    from clinicscan.config import load_config
    from clinicscan.store import open_store
    from clinicscan.crawler.run import crawl_settings, prepare_run, run_spider
    from clinicscan.crawler.seeds import load_seeds

    config = load_config(db_url=f"sqlite:///{work / 'bench.db'}", home=work)
    store = open_store(config.db_url)
    seeds = load_seeds([f"http://127.0.0.1:{port}/" for port in ports])
    options = {"max_depth": 20, "max_pages": max_pages, "max_size": 5_000_000}
    run_id = prepare_run(store, seeds, options, new_run=True)
    overrides = {"CONCURRENT_REQUESTS": concurrency,
                 "CONCURRENT_REQUESTS_PER_DOMAIN": max(1, concurrency // len(ports)),
                 "LOG_LEVEL": "WARNING", "LOGSTATS_INTERVAL": 0}
    if mode == "bare":
        overrides.update(BARE_OFF)
    elif mode == "pipelines":  # where the cost goes: our pipelines alone
        overrides.update({k: v for k, v in BARE_OFF.items() if k != "ITEM_PIPELINES"})
    elif mode == "middlewares":  # ... and our middlewares alone
        overrides["ITEM_PIPELINES"] = {}
    elif mode == "full-writer":  # the full crawl, WARC records written in the store's writer thread
        overrides["CLINICSCAN_ARCHIVE_IN_WRITER"] = True
    elif mode == "bare-feed":  # the bare spider keeping its pages the way a bare Scrapy crawl does
        overrides.update(BARE_OFF)
        overrides["FEEDS"] = {str(work / "pages.jsonl"): {"format": "jsonlines", "fields": FEED_FIELDS}}
    settings = crawl_settings(config, config.db_url, run_id, max_depth=20, max_pages=max_pages,
                              delay=0, max_size=5_000_000, allow_loopback=True, progress=False,
                              overrides=overrides)
    times_before = os.times()
    cpu_before, main_before = time.process_time(), time.thread_time()
    if profile is None:
        stats = run_spider(settings)
    else:  # profile of the reactor thread (the store writer thread is not in it)
        import cProfile
        profiler = cProfile.Profile(time.thread_time)  # CPU time: other processes do not count
        stats = profiler.runcall(run_spider, settings)
        profile.parent.mkdir(parents=True, exist_ok=True)
        profiler.dump_stats(profile)
    cpu = time.process_time() - cpu_before
    main_cpu = time.thread_time() - main_before
    times = os.times()
    pages = stats.get("response_received_count", 0) - stats.get("robotstxt/response_count", 0)
    elapsed = (stats["finish_time"] - stats["start_time"]).total_seconds()
    return {"mode": mode, "pages": pages, "stored": stats.get("store/inserted", 0),
            "seconds": round(elapsed, 2), "pages_per_s": round(pages / elapsed, 1),
            "cpu_ms_per_page": round(cpu * 1000 / pages, 2),
            "main_ms_per_page": round(main_cpu * 1000 / pages, 2),
            "user_ms_per_page": round((times.user - times_before.user) * 1000 / pages, 2),
            "sys_ms_per_page": round((times.system - times_before.system) * 1000 / pages, 2),
            "reason": stats.get("finish_reason")}


def run_one(mode: str, ports: list[int], work: Path, args, round_: int) -> dict:
    python, script, worker = sys.executable, __file__, mode
    if mode in ("before", "before-bare"):  # a crawl of an older checkout, with its own interpreter
        checkout = Path(args.before)
        python, script = str(checkout / ".venv/bin/python"), str(checkout / "bench/crawl.py")
        worker = "full" if mode == "before" else "bare"
    out = subprocess.run(
        [python, script, "--worker", worker, "--ports", ",".join(map(str, ports)),
         "--work", str(work), "--concurrency", str(args.concurrency),
         "--max-pages", str(args.pages + 10),
         *(["--profile", str(Path(args.profile) / f"{mode}-{round_}.pstats")] if args.profile else [])],
        capture_output=True, text=True, check=False)
    if out.returncode != 0:
        sys.exit(f"{mode} crawl failed:\n{out.stderr[-3000:]}")
    result = json.loads(out.stdout.strip().splitlines()[-1])
    result.setdefault("main_ms_per_page", "?")  # an older bench does not say
    return result


def summarise(rounds: list[dict[str, dict]]) -> None:
    """Least and median CPU a page of each mode (a shared machine only ever slows a crawl
    down, so the least is the closest to the crawl's own cost), and the full/bare ratios:
    from the least CPU of each mode, and round by round (the two crawls of a round ran back
    to back under similar load; their median is steadier than any one round)."""
    print("each mode (other work on this machine only ever slows a crawl down):")
    best: dict[str, tuple[float, float]] = {}
    for mode in rounds[0]:
        speed = max(r[mode]["pages_per_s"] for r in rounds)
        cpus = [r[mode]["cpu_ms_per_page"] for r in rounds]
        best[mode] = (speed, min(cpus))
        print(f"  {mode:11s}: CPU a page least {min(cpus)} ms, median {statistics.median(cpus):.2f} ms; "
              f"best {speed} pages/s")
    for full, bare in (("before", "before-bare"), ("before", "bare"), ("full-writer", "bare"),
                       ("full", "bare"), ("full", "bare-feed")):
        if bare not in best or full not in best:
            continue
        paired = [(r[full]["pages_per_s"] / r[bare]["pages_per_s"],
                   r[bare]["cpu_ms_per_page"] / r[full]["cpu_ms_per_page"]) for r in rounds]
        cpu_ratios = [b for _, b in paired]
        print(f"{full}/{bare} in CPU a page (target >= 0.85): {best[bare][1] / best[full][1]:.2f} from the "
              f"least of each, {statistics.median(cpu_ratios):.2f} median of rounds "
              f"(range {min(cpu_ratios):.2f}-{max(cpu_ratios):.2f}); in pages/s: "
              f"{best[full][0] / best[bare][0]:.2f} best, {statistics.median(a for a, _ in paired):.2f} median")
        print("  round by round (pages/s / CPU): " + ", ".join(f"{a:.2f}/{b:.2f}" for a, b in paired))
    if "before" in best and "full" in best:
        # the change itself, round by round: the two crawls ran back to back under similar load
        diffs = [r["full"]["cpu_ms_per_page"] - r["before"]["cpu_ms_per_page"] for r in rounds]
        print(f"full - before, CPU a page: median {statistics.median(diffs):+.2f} ms (range "
              f"{min(diffs):+.2f} to {max(diffs):+.2f}; lower in {sum(d < 0 for d in diffs)} of {len(diffs)} rounds)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sites", type=int, default=4)
    parser.add_argument("--pages", type=int, default=520, help="pages per site")
    parser.add_argument("--size", type=int, default=15_000, help="approximate page size in bytes")
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--repeat", type=int, default=5,
                        help="rounds of crawls (each mode once a round, the order reversed every "
                        "other round); the least CPU of each mode and the median of the rounds' "
                        "ratios are compared")
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--modes", default="bare,full",
                        help="crawls to run, in order: bare, full, and (to see where the cost "
                        "goes) pipelines, middlewares, full-writer (WARC records written in "
                        "the store's writer thread, not the reactor), bare-feed (the bare spider "
                        "writing its pages to a JSON lines feed, as `scrapy crawl -O` does: a "
                        "crawl that keeps what it fetched, compared as well, not the target's "
                        "baseline); 'before' and 'before-bare' (the full "
                        "and bare crawls of the --before checkout)")
    parser.add_argument("--profile", metavar="DIR",
                        help="write a cProfile of each crawl's reactor thread to DIR/MODE-ROUND.pstats "
                        "(read with: python -m pstats FILE); profiling slows every crawl alike")
    parser.add_argument("--before", metavar="CHECKOUT",
                        help="an older checkout (a git worktree with its own .venv, from "
                        "scripts/setup.sh) whose crawls run as modes 'before' (full) and "
                        "'before-bare', in the same rounds: before/after figures from one run")
    parser.add_argument("--worker", choices=["bare", "full", "pipelines", "middlewares", "full-writer",
                                             "bare-feed"],
                        help=argparse.SUPPRESS)
    parser.add_argument("--ports", help=argparse.SUPPRESS)
    parser.add_argument("--work", help=argparse.SUPPRESS)
    parser.add_argument("--max-pages", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.serve:
        asyncio.run(serve(args.sites, args.pages, args.size))
        return
    if args.worker:
        ports = [int(port) for port in args.ports.split(",")]
        print(json.dumps(crawl(args.worker, ports, Path(args.work), args.concurrency, args.max_pages,
                              Path(args.profile) if args.profile else None)))
        return

    server = subprocess.Popen([sys.executable, __file__, "--serve", "--sites", str(args.sites),
                               "--pages", str(args.pages), "--size", str(args.size)],
                              stdout=subprocess.PIPE, text=True)
    try:
        ports = json.loads(server.stdout.readline())["ports"]
        print(f"serving {args.sites} fictional sites x {args.pages} pages (~{args.size // 1000} KB) "
              f"on 127.0.0.1 ports {ports}; concurrency {args.concurrency}, no delay")
        print(f"load average {os.getloadavg()[0]:.2f} at the start", flush=True)
        rounds: list[dict[str, dict]] = []
        with tempfile.TemporaryDirectory(prefix="clinicscan-bench-") as tmp:
            for round_ in range(1, args.repeat + 1):
                rounds.append({})
                modes = args.modes.split(",")
                load = os.getloadavg()[0]
                for mode in modes if round_ % 2 else modes[::-1]:
                    started = time.monotonic()
                    work = Path(tmp) / f"{mode}-{round_}"
                    result = run_one(mode, ports, work, args, round_)
                    rounds[-1][mode] = result
                    print(f"round {round_} {mode:11s}: {result['pages']} pages in {result['seconds']} s "
                          f"= {result['pages_per_s']} pages/s, {result['cpu_ms_per_page']} ms CPU a page "
                          f"({result['main_ms_per_page']} in the reactor thread; user "
                          f"{result.get('user_ms_per_page', '?')}, system {result.get('sys_ms_per_page', '?')}) "
                          f"(stored {result['stored']}; process {time.monotonic() - started:.1f} s; "
                          f"load {load:.1f})", flush=True)
                rounds[-1] = {mode: rounds[-1][mode] for mode in modes}
        summarise(rounds)
        print(f"load average {os.getloadavg()[0]:.2f} at the end")
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    main()
