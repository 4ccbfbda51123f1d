"""Benchmark: is `clinicscan extract SITE --out DIR` linear in the size of one site?

Issue 9 measured 19 s for a 1,000-page site and 61 s for a 4,000-page one, 27 s of it in
pairing, which compared every condition with every product of a site. This generates one site folder of each
size (default 1,000 and 4,000 pages of about 450 words, bench/extract.py's pages), runs
the whole command on each in a subprocess (start-up, store writes, report and exports
included; the in-memory SQLite store the command uses by default), in alternating rounds
whose best counts, and prints wall time, CPU time (the process's and its workers') and
peak memory, and the ratio of the largest to the smallest size. Done when (issue 9): the
4,000-page site takes at most 4x the 1,000-page one. ``--clinicscan EXE`` (repeatable)
times other installs in the same rounds, e.g. main's before a change.

    .venv/bin/python bench/extract_site.py
    .venv/bin/python bench/extract_site.py --sizes 500 2000 --rounds 1 --clinicscan ../main/.venv/bin/clinicscan
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from extract import WHOLE_PAGE_CHARS, default_clinicscan, make_page


def make_site(folder: Path, pages: int, seed: int) -> Path:
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(pages):
        (folder / f"page{i:05d}.html").write_text(make_page(rng, i, target=WHOLE_PAGE_CHARS), encoding="utf-8")
    return folder


def run_child(argv: list[str]) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds of the child and its workers, peak RSS MiB of the largest)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    out = proc.stdout.read() if proc.stdout else b""
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"child failed: {' '.join(argv)}\n{out.decode('utf-8', 'replace')[-3000:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 4000], help="pages in the site, per run")
    parser.add_argument("--rounds", type=int, default=2, help="alternating timed rounds; the best of each counts")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--clinicscan", action="append", default=None, metavar="EXE",
                        help="a clinicscan executable to time (repeatable; default: this venv's)")
    args = parser.parse_args()
    exes = args.clinicscan or [default_clinicscan()]
    work = Path(tempfile.mkdtemp(prefix="bench-site-"))
    try:
        sites = {n: make_site(work / f"site{n}", n, args.seed) for n in args.sizes}
        best = {(exe, n): [float("inf")] * 3 for exe in exes for n in args.sizes}
        for _round in range(args.rounds):
            for n in args.sizes:
                for exe in exes:
                    out = work / "out"
                    shutil.rmtree(out, ignore_errors=True)
                    figures = run_child([exe, "extract", str(sites[n]), "--out", str(out)])
                    best[exe, n] = [min(a, b) for a, b in zip(best[exe, n], figures)]
        print(f"one site through `clinicscan extract SITE --out DIR`, pages of about 450 words; best of "
              f"{args.rounds}; load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        small, large = min(args.sizes), max(args.sizes)
        for exe in exes:
            print(f"{exe}:")
            for n in args.sizes:
                wall, cpu, rss = best[exe, n]
                print(f"  {n:>6} pages: {wall:6.1f} s wall, {cpu:6.1f} s CPU, {rss:6.0f} MiB peak")
            (w1, c1, _), (w2, c2, _) = best[exe, small], best[exe, large]
            print(f"  {large} / {small} pages: {w2 / w1:.2f}x wall, {c2 / c1:.2f}x CPU "
                  f"(linear: {large / small:.2f}x; goal: at most that)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
