"""How often does the mess of real sites change a page's reading? A metamorphic count.

Each HTML page is read clean and again messified by bench/messify.py, one kind of mess at a
time and all kinds together; a page counts as changed for a kind when any of its four scored
fields (seller, conditions, product types, red flags) differs. The pages are ours by default
(data/devset/pages and the demo sites); ``--realworld-tune`` adds the tune split of
../shared/realworld as counts only (no page name, text or label is printed for it).

    .venv/bin/python bench/messy.py                 # our pages, every kind, seed 0
    .venv/bin/python bench/messy.py --show br       # and what changed on each page, for one kind
    .venv/bin/python bench/messy.py --realworld-tune --seeds 0,1

Blind, on main 232dd5c before any fix (messify's first version, seed 0), readings changed of 225
pages of ours / 211 tune pages: br 53 / 49, shortcode 41 / 30, emoji 3 / 11, icon 9 / 17, img 14 / 25,
titlecase 0 / 0, caps 1 / 0, punct 3 / 7, table 0 / 0; all kinds together 95 / 86. Again on main's
code with messify's two fixes (no break after a list number, no icon inside an inserted tag),
seeds 0,1: br 69 / 72, shortcode 42 / 30, emoji 5 / 12, icon 21 / 24, img 19 / 28, caps 1 / 0,
punct 5 / 11, titlecase and table 0; all 116 / 108. (Main's code from this checkout's bench:
``cd /tmp && /work/main/.venv/bin/python /work/wt-NAME/bench/messy.py ...``.)
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from messify import KINDS, messify  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
REALWORLD = Path(os.environ.get("CLINICSCAN_REALWORLD", ROOT.parent / "shared" / "realworld"))
FIELDS = ("offers_treatment", "conditions", "product_types", "red_flags")


def our_pages() -> list[Path]:
    pages = sorted((ROOT / "data" / "devset" / "pages").glob("*.html"))
    pages += sorted((ROOT / "data" / "demo" / "sites").glob("*/*.html"))
    return pages


def tune_pages() -> list[Path]:
    names = []
    with open(REALWORLD / "gold.jsonl", encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                row = json.loads(line)
                if row.get("split") == "tune" and str(row.get("file", "")).endswith((".html", ".htm")):
                    names.append(row["file"])
    return [REALWORLD / "pages" / name for name in names]


def reading(html: str) -> dict:
    from clinicscan.nlp.analyse import analyse_page

    a = analyse_page(html, is_html=True)
    return {"offers_treatment": a.offers_treatment, "conditions": sorted(a.conditions),
            "product_types": sorted(a.product_types), "red_flags": sorted(a.red_flags)}


def difference(clean: dict, messy: dict) -> str:
    parts = []
    for name in FIELDS:
        if clean[name] == messy[name]:
            continue
        if isinstance(clean[name], list):
            lost, gained = sorted(set(clean[name]) - set(messy[name])), sorted(set(messy[name]) - set(clean[name]))
            parts.append(f"{name}" + (f" -{','.join(lost)}" if lost else "") + (f" +{','.join(gained)}" if gained else ""))
        else:
            parts.append(f"{name} {clean[name]}->{messy[name]}")
    return "; ".join(parts)


def count(pages: Sequence[Path], kinds: Sequence[str], seeds: Sequence[int], show: set[str] | None = None,
          label: str = "") -> dict[str, int]:
    """Pages (of ``pages``) whose reading changed, per kind and for all kinds together ("all")."""
    changed = {kind: 0 for kind in [*kinds, "all"]}
    for path in pages:
        html = path.read_text(encoding="utf-8", errors="replace")
        clean = reading(html)
        for kind in [*kinds, "all"]:
            for seed in seeds:
                messy = reading(messify(html, kinds if kind == "all" else [kind], seed))
                if messy != clean:
                    changed[kind] += 1
                    if show is not None and kind in show:
                        print(f"  {kind:<10} {path.name}: {difference(clean, messy)}", flush=True)
                    break
    return changed


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kinds", default=",".join(KINDS))
    parser.add_argument("--seeds", default="0", help="comma-separated; a page counts once when any seed changes it")
    parser.add_argument("--show", default="", help="kinds whose changed pages to list with the change (our pages)")
    parser.add_argument("--realworld-tune", action="store_true", help="also count the tune split (counts only)")
    parser.add_argument("--limit", type=int, default=0, help="only the first N pages of each set")
    args = parser.parse_args(argv)
    kinds = [k for k in args.kinds.split(",") if k]
    seeds = [int(s) for s in args.seeds.split(",") if s]
    show = {k for k in args.show.split(",") if k} | ({"all"} if args.show == "all" else set())
    sets = [("ours", our_pages(), show)]
    if args.realworld_tune:
        sets.append(("tune", tune_pages(), None))
    for name, pages, shown in sets:
        pages = pages[:args.limit] if args.limit else pages
        changed = count(pages, kinds, seeds, shown)
        print(f"{name}: {len(pages)} pages, seeds {','.join(map(str, seeds))}: readings changed by "
              + ", ".join(f"{kind} {n}" for kind, n in changed.items()), flush=True)


if __name__ == "__main__":
    main()
