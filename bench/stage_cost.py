"""The extract stage's cost a page on short and long pages, and a digest of every reading, for speed work.

Pages: ``--kind varied5`` (``bench/extract.py``'s varied pages at the ``--whole`` bench's 5 KB, ~600 words),
``varied25`` (its 25 KB pages), ``tune`` (the 211 realworld tune pages, read from ../shared/realworld; only
their reading's cost and digest are printed, never their text). The process first reads ``--warm`` other pages
of the same kind, so the counted pages are new to it, as in a crawl.

    .venv/bin/python bench/stage_cost.py profile --kind varied5          # cProfile of the counted pages
    .venv/bin/python bench/stage_cost.py cpu --kind varied5              # process CPU time a page
    valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file=/tmp/cg.out \\
        .venv/bin/python bench/stage_cost.py count --kind varied5       # instructions of the counted pages only
    .venv/bin/python bench/stage_cost.py digest OUT.json                 # every page's full PageAnalysis, hashed

``count`` switches callgrind's instrumentation on just before the counted pages and off just after
(``callgrind_control -i``), so ``callgrind_annotate`` totals are the stage's alone (``PYTHONHASHSEED=0``);
with ``--only NAMES`` and valgrind's ``--collect-atstart=no --toggle-collect=functools_reduce``, those
components' alone.
``digest`` reads varied 5 and 25 KB pages, template pages (half with contact markup), the dev set's pages,
the demo's pages and the tune pages, each twice (the second time shuffled), some with a site country,
and writes a sha256 of each page's ``PageAnalysis.to_dict()``; ``compare`` counts the pages that differ.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import extract as bench_extract  # noqa: E402  (bench/extract.py: the page makers)

ROOT = Path(__file__).resolve().parents[1]
REALWORLD = Path(os.environ.get("CLINICSCAN_REALWORLD", ROOT.parent / "shared" / "realworld"))


def generated(kind: str, count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    target = {"varied5": 5000, "tiny": 1800}.get(kind, 25_000)
    maker = bench_extract.make_page if kind == "templates" else bench_extract.make_varied_page
    return [maker(rng, 100_000 + seed * 1000 + i, target=target) for i in range(count)]


def tune_pages() -> list[str]:
    from clinicscan.nlp.evaluate import locate_pages, read_gold

    gold_path = REALWORLD / "gold.jsonl"
    gold = read_gold(gold_path, "tune")
    return [p.read_text(encoding="utf-8", errors="replace") for p in locate_pages(gold_path, gold, [REALWORLD / "pages"])]


def pages_of(kind: str, warm: int, count: int, seed: int) -> tuple[list[str], list[str]]:
    """(warm-up pages, counted pages)."""
    if kind == "tune":
        pages = tune_pages()
        half = len(pages) // 2
        return pages[:half], pages[half:]  # warmed on the first 105, counted on the other 106
    return generated(kind, warm, seed + 1), generated(kind, count, seed)


def _callgrind(switch: str) -> None:
    subprocess.run(["callgrind_control", "-i", switch, str(os.getpid())], check=False,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("mode", choices=["profile", "cpu", "count", "digest", "compare"])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--kind", choices=["varied5", "varied25", "templates", "tune", "tiny"], default="varied5")
    parser.add_argument("--warm", type=int, default=100)
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--only", default="", help="count: comma-separated pipeline components (e.g. "
                        "clinicscan_mentions,clinicscan_context) called through functools.reduce, a marker for "
                        "valgrind's --toggle-collect=functools_reduce")
    parser.add_argument("--sort", default="tottime")
    parser.add_argument("--lines", type=int, default=60)
    args = parser.parse_args()
    if args.mode == "compare":
        old, new = (json.loads(p.read_text(encoding="utf-8")) for p in args.files)
        differ = sorted(k for k in old.keys() & new.keys() if old[k] != new[k])
        print(f"{len(differ)} of {len(old.keys() & new.keys())} readings differ "
              f"({len(old.keys() ^ new.keys())} pages in only one file)")
        for key in differ[:20]:
            print("  ", key)
        return

    from clinicscan.nlp.analyse import analyse_page

    if args.mode == "digest":
        digest_all(args.files[0], analyse_page)
        return
    if args.only:
        mark_components(args.only.split(","))
    warm, counted = pages_of(args.kind, args.warm, args.count, args.seed)
    for html in warm:
        analyse_page(html)
    if args.mode == "count":
        _callgrind("on")
        for html in counted:
            analyse_page(html)
        _callgrind("off")
        return
    if args.mode == "profile":
        import cProfile
        import pstats

        profile = cProfile.Profile()
        profile.enable()
        for html in counted:
            analyse_page(html)
        profile.disable()
        pstats.Stats(profile).sort_stats(args.sort).print_stats(args.lines)
        return
    best = float("inf")
    for _round in range(args.rounds):
        start = time.process_time()
        for html in counted:
            analyse_page(html)
        best = min(best, time.process_time() - start)
    print(f"{args.kind}: {best / len(counted) * 1000:.3f} ms CPU a page (best of {args.rounds} rounds over "
          f"{len(counted)} pages); load {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


def mark_components(names: list[str]) -> None:
    """Call the named pipeline components through ``functools.reduce`` (a C function callgrind can toggle on)."""
    import functools

    from clinicscan.nlp.pipeline import shared_pipeline

    pipes = dict(shared_pipeline().pipeline)
    for name in names:
        cls = type(pipes[name])
        call = cls.__call__

        def marked(self, doc, _call=call):
            return functools.reduce(lambda d, _: _call(self, d), (0,), doc)

        cls.__call__ = marked


def digest_all(out: Path, analyse_page) -> None:
    sets: list[tuple[str, str, str | None]] = []  # (name, html, site country)
    for kind, count, seed in (("varied5", 60, 3), ("varied25", 20, 4), ("templates", 20, 5)):
        for i, html in enumerate(generated(kind, count, seed)):
            if kind == "templates" and i % 2:
                html = bench_extract.with_contact_markup(html)
            sets.append((f"{kind}/{i}", html, "DE" if i % 7 == 3 else None))
    for path in sorted((ROOT / "data" / "devset" / "pages").rglob("*")):
        if path.is_file():
            sets.append((f"devset/{path.name}", path.read_text(encoding="utf-8", errors="replace"), None))
    for path in sorted((ROOT / "data" / "demo").rglob("*.html")):
        sets.append((f"demo/{path.relative_to(ROOT / 'data' / 'demo')}", path.read_text(encoding="utf-8"), None))
    if (REALWORLD / "gold.jsonl").exists():
        for i, html in enumerate(tune_pages()):
            sets.append((f"tune/{i}", html, "GB" if i % 9 == 4 else None))
    order = list(range(len(sets))) + random.Random(5).sample(range(len(sets)), len(sets))
    digests: dict[str, str] = {}
    for turn, index in enumerate(order):
        name, html, country = sets[index]
        reading = analyse_page(html, site_country=country).to_dict()
        key = f"{name}#{'second' if turn >= len(sets) else 'first'}"
        digests[key] = hashlib.sha256(json.dumps(reading, sort_keys=True, default=repr).encode()).hexdigest()
    out.write_text(json.dumps(digests, indent=0, sort_keys=True), encoding="utf-8")
    print(f"{len(sets)} pages read twice -> {out}")


if __name__ == "__main__":
    main()
