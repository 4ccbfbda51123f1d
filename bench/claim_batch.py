"""Score the claim batch (data/devset/claim_batch.jsonl): conditions and product types of short
seller passages written for the project, labelled by the coding manual (ANNOTATION.md section 2).

The seller decision is taken as given (a row's ``offers_treatment``, true when absent), so only the
claims are scored: micro P/R/F1 per kind, per category, and every disagreement. ``--pipeline`` takes
the pipeline's own seller decision instead (end to end: a non-seller read as selling adds its ids).
``--half fix|held`` scores only the rows of that half (batch five is split in two: rules were
written from the ``fix`` rows' failures and measured on the ``held`` rows).

    .venv/bin/python bench/claim_batch.py [--batch FILE] [--lexicon DIR] [--pipeline] [--half H] [--quiet]
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path

BATCH = Path(__file__).resolve().parent.parent / "data" / "devset" / "claim_batch.jsonl"


def read_batch(path: Path = BATCH) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def predict(row: dict, lexicon_dir: str | None = None, pipeline: bool = False) -> dict[str, set[str]]:
    from clinicscan.nlp.analyse import analyse_page, page_ids
    from clinicscan.nlp.claim_model import load_claim_models

    result = analyse_page(row["html"], lexicon_dir=lexicon_dir)
    if result.error:
        raise RuntimeError(result.error)
    offers = result.offers_treatment if pipeline else row.get("offers_treatment", True)
    ids = page_ids(result.claims, offers, title_length=len(result.title), text_length=len(result.text),
                   models=load_claim_models(lexicon_dir), title=result.title)
    return {"conditions": set(ids["conditions"]), "product_types": set(ids["product_types"]), "offers": offers}


def score(rows: list[dict], lexicon_dir: str | None = None, pipeline: bool = False) -> dict:
    counts = defaultdict(lambda: [0, 0, 0])  # tp, fp, fn per (kind) and (kind, category)
    misses = []
    for row in rows:
        got = predict(row, lexicon_dir, pipeline)
        if got["offers"] != row.get("offers_treatment", True):
            misses.append((row["id"], row["category"], "offers_treatment", [got["offers"]], []))
        for kind in ("conditions", "product_types"):
            gold = set(row[kind])
            tp, fp, fn = len(gold & got[kind]), len(got[kind] - gold), len(gold - got[kind])
            for key in (kind, (kind, row["category"])):
                c = counts[key]
                c[0] += tp
                c[1] += fp
                c[2] += fn
            if fp or fn:
                misses.append((row["id"], row["category"], kind, sorted(got[kind] - gold), sorted(gold - got[kind])))
    return {"counts": dict(counts), "misses": misses}


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lexicon", default=None)
    parser.add_argument("--batch", default=str(BATCH))
    parser.add_argument("--pipeline", action="store_true", help="the pipeline's own seller decision")
    parser.add_argument("--half", choices=["fix", "held"], default=None)
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args(argv)
    rows = [row for row in read_batch(Path(args.batch)) if args.half is None or row.get("half") == args.half]
    result = score(rows, args.lexicon, args.pipeline)
    for kind in ("conditions", "product_types"):
        p, r, f = prf(*result["counts"][kind])
        print(f"{kind:14s} P {p:.3f}  R {r:.3f}  F1 {f:.3f}  (tp/fp/fn {result['counts'][kind]})")
    if not args.quiet:
        print("\nper category (conditions | products):")
        cats = sorted({k[1] for k in result["counts"] if isinstance(k, tuple)})
        for cat in cats:
            cells = []
            for kind in ("conditions", "product_types"):
                tp, fp, fn = result["counts"].get((kind, cat), (0, 0, 0))
                cells.append(f"tp {tp} fp {fp} fn {fn}")
            print(f"  {cat:22s} {cells[0]:20s} | {cells[1]}")
        print("\ndisagreements (id, category, kind, extra, missing):")
        for miss in result["misses"]:
            print("  ", *miss)


if __name__ == "__main__":
    main()
