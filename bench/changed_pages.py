"""Did a change reach pages it was not written from? Count the pages of a split whose reading
changed between two checkouts, without showing any label, page or figure.

Fixes written from the `tune` split can move tune and our own batches and leave the held-out
pages untouched (session 21: 16 of 211 tune pages changed, 0 of 99 check pages). The
evaluation's summary says *how well*; this says *whether anything moved at all*, and it may be
run on `check` because it prints only a count: it compares a digest of each page's reading
(seller, conditions, product types, red flags), never the gold file's labels.

Run it in each checkout (each with its own .venv), then compare:

    .venv/bin/python bench/changed_pages.py write /tmp/new.json --split check
    (cd ../old-checkout && .venv/bin/python bench/changed_pages.py write /tmp/old.json --split check)
    .venv/bin/python bench/changed_pages.py compare /tmp/old.json /tmp/new.json
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
from pathlib import Path

FIELDS = ("offers_treatment", "conditions", "product_types", "red_flags")
REALWORLD = Path(os.environ.get("CLINICSCAN_REALWORLD", Path(__file__).resolve().parents[2] / "shared" / "realworld"))


def reading_digest(prediction: dict) -> str:
    """A digest of the four scored fields of one page's reading (lists compared as sets)."""
    fields = {k: sorted(v) if isinstance(v, (list, set, tuple)) else v for k, v in prediction.items() if k in FIELDS}
    return hashlib.sha256(json.dumps(fields, sort_keys=True).encode()).hexdigest()


def write_digests(out: Path, split: str, gold_path: Path, pages: Path) -> int:
    from clinicscan.nlp.evaluate import analyse_file, locate_pages, read_gold

    gold = read_gold(gold_path, split)
    digests = {path.name: reading_digest(analyse_file(path)) for path in locate_pages(gold_path, gold, [pages])}
    out.write_text(json.dumps({"split": split, "pages": digests}, indent=0, sort_keys=True), encoding="utf-8")
    return len(digests)


def count_changed(old: dict, new: dict) -> tuple[int, int]:
    """(pages whose reading differs, pages in both files)."""
    if old.get("split") != new.get("split"):
        raise SystemExit(f"the two files are of different splits: {old.get('split')} and {new.get('split')}")
    common = old["pages"].keys() & new["pages"].keys()
    return sum(old["pages"][name] != new["pages"][name] for name in common), len(common)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    write = sub.add_parser("write", help="digest this checkout's reading of every page of a split")
    write.add_argument("out", type=Path)
    write.add_argument("--split", required=True)
    write.add_argument("--gold", type=Path, default=REALWORLD / "gold.jsonl")
    write.add_argument("--pages", type=Path, default=REALWORLD / "pages")
    compare = sub.add_parser("compare", help="count the pages whose reading differs between two digest files")
    compare.add_argument("old", type=Path)
    compare.add_argument("new", type=Path)
    args = parser.parse_args()
    if args.command == "write":
        print(f"{write_digests(args.out, args.split, args.gold, args.pages)} pages of split {args.split} -> {args.out}")
    else:
        old, new = (json.loads(p.read_text(encoding="utf-8")) for p in (args.old, args.new))
        changed, total = count_changed(old, new)
        print(f"split {new['split']}: the reading of {changed} of {total} pages changed")


if __name__ == "__main__":
    main()
