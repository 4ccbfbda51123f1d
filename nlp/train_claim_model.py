"""Retrain ``data/lexicon/claim_model.json``, in the lexicon folder so a new model changes the lexicon version and pages are re-read and compare it with the rule, by cross-validation.

Training rows: every condition / product-type id mentioned on a selling page of the gold sets
(the fictional dev set's ``tune`` and ``general`` splits and the real-world ``tune`` split);
label 1 when the id is in the page's gold labels. The dev set's ``holdout`` split is never
trained on, and the real-world ``check`` split is never read. Cross-validation folds split
the real-world pages (the dev-set pages are in every training fold); the figures are
page-level micro F1 on gold sellers, model against rule, both with the same mentions.

    .venv/bin/python -m clinicscan.nlp.train_claim_model --realworld ../shared/realworld
    .venv/bin/python -m clinicscan.nlp.train_claim_model --realworld ../shared/realworld --cv-only
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from dataclasses import dataclass
from pathlib import Path

from clinicscan.nlp.analyse import analyse_page, unspecified_rule
from clinicscan.nlp.claim_model import CANDIDATE_KINDS, candidate_features, rule_ids
from clinicscan.nlp.linear_model import LinearModel, fit_logistic
from clinicscan.paths import data_dir, lexicon_dir

FIELD_OF = {"condition": "conditions", "product_type": "product_types"}
RETRAIN = "python -m clinicscan.nlp.train_claim_model --realworld ../shared/realworld"


@dataclass
class Page:
    source: str
    file: str
    gold: dict[str, set[str]]
    features: dict[tuple[str, str], dict[str, float]]
    rule: dict[str, set[str]]


def load_pages(gold_path: Path, pages_dir: Path, splits: set[str], source: str) -> list[Page]:
    pages = []
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        if row.get("split") not in splits or not row["offers_treatment"]:
            continue
        path = pages_dir / row["file"]
        analysis = analyse_page(path.read_text(encoding="utf-8", errors="replace"),
                                is_html=path.suffix.lower() in (".html", ".htm"))
        features = candidate_features(analysis.claims, len(analysis.title), len(analysis.text), analysis.title)
        gold = {kind: set(row[FIELD_OF[kind]]) for kind in CANDIDATE_KINDS}
        pages.append(Page(source, row["file"], gold, features, rule_ids(analysis.claims)))
    return pages


def _rows(pages: list[Page], kind: str, devset_weight: float):
    rows, labels, weights = [], [], []
    for p in pages:
        for (k, vid), f in p.features.items():
            if k == kind:
                rows.append(f)
                labels.append(1 if vid in p.gold[kind] else 0)
                weights.append(devset_weight if p.source == "devset" else 1.0)
    return rows, labels, weights


def train(pages: list[Page], kind: str, l2: float, threshold: float, devset_weight: float = 2.0) -> LinearModel:
    rows, labels, weights = _rows(pages, kind, devset_weight)
    bias, weights_ = fit_logistic(rows, labels, l2=l2, weights=weights)
    sources = sorted({p.source for p in pages})
    return LinearModel(name=kind, bias=bias, weights=weights_, threshold=threshold, version="1",
                       trained_on=f"{len(pages)} selling pages ({', '.join(sources)}), {len(rows)} candidates",
                       retrain=RETRAIN)


def predict(model: LinearModel, page: Page, kind: str) -> set[str]:
    return {vid for (k, vid), f in page.features.items() if k == kind and model.probability(f) >= model.threshold}


def score(pages: list[Page], predicted: list[dict[str, set[str]]]) -> dict[str, tuple[float, float, float]]:
    out = {}
    for kind in CANDIDATE_KINDS:
        tp = fp = fn = 0
        for p, ids in zip(pages, predicted):
            tp += len(ids[kind] & p.gold[kind])
            fp += len(ids[kind] - p.gold[kind])
            fn += len(p.gold[kind] - ids[kind])
        prec = tp / (tp + fp) if tp + fp else 1.0
        rec = tp / (tp + fn) if tp + fn else 1.0
        out[kind] = (prec, rec, 2 * prec * rec / (prec + rec) if prec + rec else 0.0)
    return out


def _fold(file: str, folds: int) -> int:
    return int(hashlib.sha1(file.encode()).hexdigest(), 16) % folds


def cross_validate(fixed: list[Page], varied: list[Page], folds: int, l2: float, thresholds: list[float],
                   devset_weight: float = 2.0):
    """Out-of-fold predictions on ``varied`` at each threshold, and the rule's, as page-level scores."""
    oof: dict[float, list[dict[str, set[str]]]] = {t: [dict() for _ in varied] for t in thresholds}
    for k in range(folds):
        train_pages = fixed + [p for p in varied if _fold(p.file, folds) != k]
        models = {kind: train(train_pages, kind, l2, 0.5, devset_weight) for kind in CANDIDATE_KINDS}
        for i, p in enumerate(varied):
            if _fold(p.file, folds) != k:
                continue
            for kind in CANDIDATE_KINDS:
                probs = {vid: models[kind].probability(f) for (kk, vid), f in p.features.items() if kk == kind}
                for t in thresholds:
                    oof[t][i][kind] = {vid for vid, pr in probs.items() if pr >= t}
    for t in thresholds:
        for ids in oof[t]:
            unspecified_rule(ids["product_type"])
    rules = []
    for p in varied:
        ids = {kind: set(p.rule[kind]) for kind in CANDIDATE_KINDS}
        unspecified_rule(ids["product_type"])
        rules.append(ids)
    return {t: score(varied, oof[t]) for t in thresholds}, score(varied, rules)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devset", type=Path, default=data_dir() / "devset")
    parser.add_argument("--devset-splits", default="tune,general")
    parser.add_argument("--realworld", type=Path, required=True, help="the folder with gold.jsonl and pages/")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--devset-weight", type=float, default=2.0,
                        help="weight of a dev-set row against a real-world one (the dev set must not get worse)")
    parser.add_argument("--out", type=Path, default=lexicon_dir() / "claim_model.json")
    parser.add_argument("--cv-only", action="store_true", help="print the comparison, write nothing")
    args = parser.parse_args(argv)
    print("analysing pages ...", file=sys.stderr)
    fixed = load_pages(args.devset / "gold.jsonl", args.devset / "pages", set(args.devset_splits.split(",")), "devset")
    varied = load_pages(args.realworld / "gold.jsonl", args.realworld / "pages", {"tune"}, "realworld tune")
    thresholds = [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6]
    by_threshold, rule = cross_validate(fixed, varied, args.folds, args.l2, thresholds, args.devset_weight)
    print(f"{args.folds}-fold CV on {len(varied)} real-world tune sellers (+{len(fixed)} dev-set sellers in training), "
          f"l2={args.l2}, dev-set weight {args.devset_weight}")
    print("                       conditions P/R/F1        products P/R/F1")
    line = "{:<22} {:.3f} {:.3f} {:.3f}        {:.3f} {:.3f} {:.3f}"
    print(line.format("rule", *rule["condition"], *rule["product_type"]))
    for t, s in by_threshold.items():
        print(line.format(f"model p>={t}", *s["condition"], *s["product_type"]))
    if args.cv_only:
        return 0
    best = {kind: max(thresholds, key=lambda t: (by_threshold[t][kind][2], -abs(t - 0.5))) for kind in CANDIDATE_KINDS}
    models = [train(fixed + varied, kind, args.l2, best[kind], args.devset_weight) for kind in CANDIDATE_KINDS]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"models": [m.to_dict() for m in models]}, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out} (thresholds {best})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
