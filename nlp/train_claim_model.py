"""Retrain ``data/lexicon/claim_model.json``, in the lexicon folder so a new model changes the lexicon version and pages are re-read and compare it with the rule, by cross-validation.

Training rows: every condition / product-type id mentioned on a selling page of the gold sets
(the fictional dev set's ``tune`` and ``general`` splits and the real-world ``tune`` split);
label 1 when the id is in the page's gold labels. The dev set's ``holdout`` split is never
trained on, and the real-world ``check`` split is never read.

Cross-validation is grouped: one fold per file-id prefix of the real-world pages (``o``
orthopaedic clinics, ``s`` serious-disease clinics, ``q`` non-sellers...: the source sweeps of
``../shared/realworld/README.md``), so no business and no sweep sits on both sides and a
rule written while reading some sweeps is judged on the others. The dev-set pages are in
every training fold. Figures are page-level micro P/R/F1, model against rule, with the same
mentions: on gold sellers (the seller decision taken from the gold labels), and end to end
(every tune page, the pipeline's own seller decision: a page read as not selling outputs
nothing, a false seller's ids all count as wrong).

    .venv/bin/python -m clinicscan.nlp.train_claim_model --realworld ../shared/realworld \
        --threshold condition=0.6 --threshold product_type=0.4
    .venv/bin/python -m clinicscan.nlp.train_claim_model --realworld ../shared/realworld --cv-only
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from clinicscan.nlp.analyse import analyse_page, unspecified_rule
from clinicscan.nlp.claim_model import CANDIDATE_KINDS, candidate_features, rule_ids
from clinicscan.nlp.linear_model import LinearModel, fit_logistic
from clinicscan.paths import data_dir, lexicon_dir

FIELD_OF = {"condition": "conditions", "product_type": "product_types"}
RETRAIN = ("python -m clinicscan.nlp.train_claim_model --realworld ../shared/realworld "
           "--threshold condition=0.6 --threshold product_type=0.4")
THRESHOLDS = (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65)
_PREFIX = re.compile(r"[A-Za-z]+")


@dataclass
class Page:
    source: str
    file: str
    gold_seller: bool
    seller: bool  # the pipeline's own decision
    gold: dict[str, set[str]]
    features: dict[tuple[str, str], dict[str, float]]
    rule: dict[str, set[str]]

    @property
    def group(self) -> str:
        """The file id's prefix (the real-world source sweep); the cross-validation fold."""
        found = _PREFIX.match(self.file)
        return found.group(0).lower() if found else self.file


def load_pages(gold_path: Path, pages_dir: Path, splits: set[str], source: str,
               sellers_only: bool = True) -> list[Page]:
    pages = []
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        if row.get("split") not in splits or (sellers_only and not row["offers_treatment"]):
            continue
        path = pages_dir / row["file"]
        analysis = analyse_page(path.read_text(encoding="utf-8", errors="replace"),
                                is_html=path.suffix.lower() in (".html", ".htm"))
        features = candidate_features(analysis.claims, len(analysis.title), analysis.main_length, analysis.title)
        gold = {kind: set(row[FIELD_OF[kind]]) for kind in CANDIDATE_KINDS}
        pages.append(Page(source, row["file"], bool(row["offers_treatment"]), analysis.offers_treatment, gold,
                          features, rule_ids(analysis.claims)))
    return pages


def _rows(pages: list[Page], kind: str, devset_weight: float):
    rows, labels, weights = [], [], []
    for p in pages:
        if not p.gold_seller:
            continue
        for (k, vid), f in p.features.items():
            if k == kind:
                rows.append(f)
                labels.append(1 if vid in p.gold[kind] else 0)
                weights.append(devset_weight if p.source == "devset" else 1.0)
    return rows, labels, weights


def train(pages: list[Page], kind: str, l2: float, threshold: float, devset_weight: float = 2.0) -> LinearModel:
    rows, labels, weights = _rows(pages, kind, devset_weight)
    bias, weights_ = fit_logistic(rows, labels, l2=l2, weights=weights)
    sellers = [p for p in pages if p.gold_seller]
    sources = sorted({p.source for p in sellers})
    return LinearModel(name=kind, bias=bias, weights=weights_, threshold=threshold, version="1",
                       trained_on=f"{len(sellers)} selling pages ({', '.join(sources)}), {len(rows)} candidates",
                       retrain=RETRAIN)


def predict(model: LinearModel, page: Page, kind: str) -> set[str]:
    return {vid for (k, vid), f in page.features.items() if k == kind and model.probability(f) >= model.threshold}


def score(pages: list[Page], predicted: list[dict[str, set[str]]],
          end_to_end: bool = False) -> dict[str, tuple[float, float, float]]:
    """Page-level micro P/R/F1 per kind; ``end_to_end``: a page the pipeline reads as not selling
    outputs nothing, and a page that does not sell has no gold ids."""
    out = {}
    for kind in CANDIDATE_KINDS:
        tp = fp = fn = 0
        for p, ids in zip(pages, predicted):
            ours = (ids[kind] if p.seller else set()) if end_to_end else ids[kind]
            gold = p.gold[kind] if p.gold_seller else set()
            tp += len(ours & gold)
            fp += len(ours - gold)
            fn += len(gold - ours)
        prec = tp / (tp + fp) if tp + fp else 1.0
        rec = tp / (tp + fn) if tp + fn else 1.0
        out[kind] = (prec, rec, 2 * prec * rec / (prec + rec) if prec + rec else 0.0)
    return out


@dataclass
class CrossValidation:
    """Out-of-fold ids of every varied page at each threshold, and the rule's ids."""

    pages: list[Page]
    by_threshold: dict[float, list[dict[str, set[str]]]]
    rule: list[dict[str, set[str]]]

    def scores(self, groups: set[str] | None = None, end_to_end: bool = False):
        """(model scores by threshold, rule scores), on gold sellers or ``end_to_end``, in ``groups`` (default all)."""
        keep = [i for i, p in enumerate(self.pages)
                if (groups is None or p.group in groups) and (end_to_end or p.gold_seller)]
        pages = [self.pages[i] for i in keep]
        model = {t: score(pages, [ids[i] for i in keep], end_to_end) for t, ids in self.by_threshold.items()}
        return model, score(pages, [self.rule[i] for i in keep], end_to_end)


def cross_validate(fixed: list[Page], varied: list[Page], l2: float, thresholds=THRESHOLDS,
                   devset_weight: float = 2.0) -> CrossValidation:
    """Leave one group (file-id prefix) of ``varied`` out at a time; ``fixed`` pages always train."""
    by_threshold: dict[float, list[dict[str, set[str]]]] = {t: [dict() for _ in varied] for t in thresholds}
    for group in sorted({p.group for p in varied}):
        train_pages = fixed + [p for p in varied if p.group != group]
        models = {kind: train(train_pages, kind, l2, 0.5, devset_weight) for kind in CANDIDATE_KINDS}
        for i, p in enumerate(varied):
            if p.group != group:
                continue
            for kind in CANDIDATE_KINDS:
                probs = {vid: models[kind].probability(f) for (kk, vid), f in p.features.items() if kk == kind}
                for t in thresholds:
                    by_threshold[t][i][kind] = {vid for vid, pr in probs.items() if pr >= t}
    for ids_list in by_threshold.values():
        for ids in ids_list:
            unspecified_rule(ids["product_type"])
    rules = []
    for p in varied:
        ids = {kind: set(p.rule[kind]) for kind in CANDIDATE_KINDS}
        unspecified_rule(ids["product_type"])
        rules.append(ids)
    return CrossValidation(varied, by_threshold, rules)


def print_table(title: str, model: dict, rule: dict) -> None:
    print(title)
    print("                       conditions P/R/F1        products P/R/F1")
    line = "{:<22} {:.3f} {:.3f} {:.3f}        {:.3f} {:.3f} {:.3f}"
    print(line.format("rule", *rule["condition"], *rule["product_type"]))
    for t, s in model.items():
        print(line.format(f"model p>={t}", *s["condition"], *s["product_type"]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devset", type=Path, default=data_dir() / "devset")
    parser.add_argument("--devset-splits", default="tune,general")
    parser.add_argument("--realworld", type=Path, required=True, help="the folder with gold.jsonl and pages/")
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--devset-weight", type=float, default=2.0,
                        help="weight of a dev-set row against a real-world one (the dev set must not get worse)")
    parser.add_argument("--groups", default="",
                        help="also print the figures on these file-id prefixes only (e.g. 'bef': the sweeps "
                             "not read while writing a rule)")
    parser.add_argument("--out", type=Path, default=lexicon_dir() / "claim_model.json")
    parser.add_argument("--cv-only", action="store_true", help="print the comparison, write nothing")
    parser.add_argument("--threshold", action="append", default=[], metavar="KIND=P",
                        help="ship this threshold for a kind (e.g. condition=0.6) instead of the best on gold "
                             "sellers: when thresholds tie within noise, keep the shipped one")
    args = parser.parse_args(argv)
    print("analysing pages ...", file=sys.stderr)
    fixed = load_pages(args.devset / "gold.jsonl", args.devset / "pages", set(args.devset_splits.split(",")), "devset")
    varied = load_pages(args.realworld / "gold.jsonl", args.realworld / "pages", {"tune"}, "realworld tune",
                        sellers_only=False)
    cv = cross_validate(fixed, varied, args.l2, THRESHOLDS, args.devset_weight)
    groups = sorted({p.group for p in varied})
    sellers = sum(p.gold_seller for p in varied)
    about = (f"grouped CV ({len(groups)} folds, one per file-id prefix) on the real-world tune split "
             f"(+{len(fixed)} dev-set sellers in training), l2={args.l2}, dev-set weight {args.devset_weight}")
    print(about)
    on_sellers = cv.scores()
    end_to_end = cv.scores(end_to_end=True)
    print_table(f"-- {sellers} gold sellers, seller decision from gold", *on_sellers)
    print_table(f"-- end to end, {len(varied)} pages, the pipeline's seller decision", *end_to_end)
    if args.groups:
        chosen = set(args.groups)
        print_table(f"-- gold sellers in groups {''.join(sorted(chosen))}", *cv.scores(chosen))
        print_table(f"-- end to end in groups {''.join(sorted(chosen))}", *cv.scores(chosen, end_to_end=True))
    if args.cv_only:
        return 0
    model_scores = on_sellers[0]
    best = {kind: max(THRESHOLDS, key=lambda t: (model_scores[t][kind][2], -abs(t - 0.5))) for kind in CANDIDATE_KINDS}
    for item in args.threshold:
        kind, _, value = item.partition("=")
        if kind not in CANDIDATE_KINDS:
            parser.error(f"--threshold: kind must be one of {CANDIDATE_KINDS}, got {kind!r}")
        best[kind] = float(value)
    models = [train(fixed + varied, kind, args.l2, best[kind], args.devset_weight) for kind in CANDIDATE_KINDS]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"models": [m.to_dict() for m in models]}, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out} (thresholds {best})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
