"""Score the lexicon on short wordings written for the project (data/devset/lexicon_probes.jsonl).

Each row is a short phrase in the shapes pages use ("a prolapsed disc", "Wharton jelly-derived
cells") with the ids it names (none for the negatives: "inflammation in the body"). The `dev`
rows chose lexicon entries; the `held` rows were written at the same time and never used to
choose them, so their recall before and after is the blind figure for unseen wording. No
context rules: this is the matcher alone (`clinicscan.nlp.short_text.match_ids`).

    .venv/bin/python bench/lexicon_probes.py [--misses] [--split dev|held|held2] [--lexicon DIR]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from clinicscan.nlp.short_text import match_ids

PROBES = Path(__file__).resolve().parent.parent / "data" / "devset" / "lexicon_probes.jsonl"


def score(rows, directory=None):
    """Per (split, kind): rows read right, ids found / expected (recall), ids found that are wrong."""
    out = {}
    misses = []
    for row in rows:
        found = match_ids(row["text"], row["kind"], directory=directory)
        want = set(row["ids"])
        c = out.setdefault((row["split"], row["kind"]), Counter())
        c["rows"] += 1
        c["exact"] += found == want
        c["expected"] += len(want)
        c["hit"] += len(want & found)
        c["extra"] += len(found - want)
        c["found"] += len(found)
        if found != want:
            misses.append((row["split"], row["kind"], row["text"], sorted(want), sorted(found)))
    return out, misses


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--misses", action="store_true", help="print every row read wrong")
    ap.add_argument("--split")
    ap.add_argument("--lexicon", help="another lexicon folder (an older version, to compare)")
    args = ap.parse_args(argv)
    rows = [json.loads(line) for line in PROBES.read_text(encoding="utf-8").splitlines() if line.strip()]
    if args.split:
        rows = [r for r in rows if r["split"] == args.split]
    table, misses = score(rows, args.lexicon)
    print("split kind          rows exact  recall  precision")
    for (split, kind), c in sorted(table.items()):
        recall = c["hit"] / c["expected"] if c["expected"] else 1.0
        precision = c["hit"] / c["found"] if c["found"] else 1.0
        print(f"{split:5} {kind:13} {c['rows']:4} {c['exact']:5}  {recall:.3f}   {precision:.3f}")
    if args.misses:
        for m in misses:
            print(*m, sep=" | ")


if __name__ == "__main__":
    main()
