"""Train the page-level seller model and compare it with the rules (``python -m clinicscan.nlp.train_seller``).

Training pages: the fictional dev set's ``tune``, ``general`` and ``study`` splits (its ``holdout``
and the ``unseen`` half of session 25's blind batch stay unseen, so their figures stay honest) plus the ``tune`` split of the
real-world re-creations, read from ``../shared/realworld`` at training time. Nothing of
their text is written: the model file holds coefficients over our own feature names, the
SHA-256 of every training page and gold line, the date and the cross-validated figures.

Five deciders are compared by repeated stratified 5-fold cross-validation over the same
pages: the rules alone (``offer_score >= 0``), the model without the rule score, the model
with the rule score as one of its features, the rules overridden where that model is
confident either way, and the shipped combination: the rules, vetoed where the model is
confident the page sells nothing. Needs the
optional extra ``train`` (scikit-learn); running the shipped model needs only numpy.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import hashlib
import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from clinicscan.nlp.analyse import page_text, run_pipeline
from clinicscan.nlp.jsonl import iter_jsonl
from clinicscan.nlp.seller_model import FORMAT, combine, default_model_path
from clinicscan.paths import data_dir

__all__ = ["TrainingPage", "read_pages", "cross_validate", "grouped_cross_validate", "unseen_cue_score", "fit", "main"]

DEVSET_SPLITS = ("tune", "general", "study")
REALWORLD_SPLITS = ("tune",)
#: inverse regularisation strength (chosen by the cross-validation printed with --compare)
DEFAULT_C = 0.1
#: the model overrides the rules only when P <= low (not a seller) or P >= high (a seller; None: never).
#: Cross-validation chose a veto: turning pages into sellers added more false sellers than it found.
DEFAULT_OVERRIDE: tuple[float, float | None] = (0.15, None)
VARIANTS = ("rules", "model", "model+score", "rules+override", "rules+veto")


@dataclass
class TrainingPage:
    source: str
    file: str
    offers: bool
    rule_offers: bool
    features: list[float]
    digest: str
    #: the rules' score and each offer cue's signed contribution to it (for grouped cross-validation)
    rule_score: float = 0.0
    cue_weights: dict[str, float] = field(default_factory=dict)
    #: the inputs of the burden-of-proof decision (seller_decision.json mode "burden"; offer.py ``burden_sells``):
    #: presents, own_wording, structural (weight per kind), cue_kinds (report cue -> kind), least
    burden: dict = field(default_factory=dict)

    @property
    def group(self) -> str:
        """The source a page belongs to: the dev set, or a real-world page's topic (its file id's letter).

        The real-world ids start with a letter per source topic (``o`` orthopaedic clinics,
        ``q`` regulators, news and other non-selling pages, ``e`` forums and directories, ...,
        see its README); holding a whole topic out is the nearest thing to a page from a
        source the model and the cues have never seen.
        """
        return "devset" if self.source == "devset" else f"{self.source}:{self.file[:1].lower()}"


def _feature_pipeline():
    from clinicscan.nlp.pipeline import build_pipeline

    nlp = build_pipeline(initialize=False)
    offer = nlp.get_pipe("clinicscan_offer")
    offer.model_path = "none"
    offer.collect_features = True
    nlp.initialize()
    return nlp


def read_pages(gold: Path, pages: Path, splits: tuple[str, ...], source: str, nlp=None) -> list[TrainingPage]:
    """Features and labels of the gold pages in ``splits`` (features computed with the rules only)."""
    from clinicscan.errors import InputError

    nlp = nlp or _feature_pipeline()
    rows = []
    for _line, _where, row in iter_jsonl(gold, InputError):
        if row.get("split") not in splits:
            continue
        raw = (pages / row["file"]).read_bytes()
        content = raw.decode("utf-8", "replace")
        doc = run_pipeline(nlp, page_text(content, row["file"].endswith((".html", ".htm"))))
        digest = hashlib.sha256(raw + json.dumps(row, sort_keys=True).encode()).hexdigest()
        decision = doc._.clinicscan_offer
        rows.append(TrainingPage(source, row["file"], bool(row["offers_treatment"]), decision.offers_treatment,
                                 list(doc.user_data["clinicscan_seller_features"]), digest, decision.score,
                                 dict(doc.user_data.get("clinicscan_offer_cue_weights", {})),
                                 dict(doc.user_data.get("clinicscan_burden_inputs", {}))))
    return rows


def _columns(names: list[str], variant: str) -> list[int]:
    return [i for i, name in enumerate(names) if variant == "model+score" or name != "rule_score"]


def fit(pages: list[TrainingPage], names: list[str], variant: str = "model+score", c: float = DEFAULT_C):
    """(columns, scaler, classifier) fitted on ``pages``."""
    import numpy
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    columns = _columns(names, variant)
    x = numpy.asarray([[p.features[i] for i in columns] for p in pages], dtype=float)
    y = numpy.asarray([p.offers for p in pages], dtype=int)
    scaler = StandardScaler().fit(x)
    scaler.scale_[scaler.scale_ == 0] = 1.0
    model = LogisticRegression(C=c, max_iter=2000).fit(scaler.transform(x), y)
    return columns, scaler, model


def _probabilities(fitted, pages: list[TrainingPage]) -> list[float]:
    import numpy

    columns, scaler, model = fitted
    x = numpy.asarray([[p.features[i] for i in columns] for p in pages], dtype=float)
    return model.predict_proba(scaler.transform(x))[:, 1].tolist()


def cross_validate(pages: list[TrainingPage], names: list[str], c: float = DEFAULT_C, repeats: int = 4,
                   override: tuple[float, float | None] = DEFAULT_OVERRIDE) -> dict:
    """Accuracy, false and missed sellers of each variant, per source, over repeated 5-fold CV.

    Variants: ``rules`` (offer_score >= 0); ``model`` (no rule score among its features,
    P >= 0.5); ``model+score`` (the rule score as one more feature, P >= 0.5);
    ``rules+override`` (the model with the rule score decides where it is confident, P >= 0.7
    or P <= 0.2, the rules in between); ``rules+veto`` (the shipped ``override``: by default
    the model only turns a page the rules call a seller into a non-seller, at P <= low).
    """
    from sklearn.model_selection import StratifiedKFold

    labels = [f"{p.source}:{p.offers}" for p in pages]
    tally = {v: {} for v in VARIANTS}
    low, high = override
    for repeat in range(repeats):
        folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=repeat)
        for train, test in folds.split(pages, labels):
            train_pages = [pages[i] for i in train]
            test_pages = [pages[i] for i in test]
            rules = [p.rule_offers for p in test_pages]
            with_score = _probabilities(fit(train_pages, names, "model+score", c), test_pages)
            predicted = {
                "rules": rules,
                "model": [p >= 0.5 for p in _probabilities(fit(train_pages, names, "model", c), test_pages)],
                "model+score": [p >= 0.5 for p in with_score],
                "rules+override": [combine(r, p, 0.2, 0.7) for r, p in zip(rules, with_score)],
                "rules+veto": [combine(r, p, low, high) for r, p in zip(rules, with_score)],
            }
            for variant, guesses in predicted.items():
                for page, guess in zip(test_pages, guesses):
                    for source in (page.source, "all"):
                        t = tally[variant].setdefault(source, {"tp": 0, "fp": 0, "fn": 0, "tn": 0})
                        key = ("tp" if guess else "fn") if page.offers else ("fp" if guess else "tn")
                        t[key] += 1
    result = {}
    for variant, sources in tally.items():
        result[variant] = {}
        for source, t in sources.items():
            n = sum(t.values())
            result[variant][source] = {"accuracy": round((t["tp"] + t["tn"]) / n, 4),
                                       "false_sellers_per_pass": round(t["fp"] / repeats, 1),
                                       "missed_sellers_per_pass": round(t["fn"] / repeats, 1)}
    return result


def unseen_cue_score(page: TrainingPage, seen: set[str]) -> float:
    """The page's rule score without the cues that fire on no page in ``seen``'s training pages.

    The cues were written while reading the training pages; a cue that fires only inside the
    held-out source may have been written for those very pages, so it cannot count as
    evidence that the rules generalise to a source they were not written on.
    """
    return page.rule_score - sum(w for cue, w in page.cue_weights.items() if cue not in seen)


def _tally(tally: dict, page: TrainingPage, guess: bool) -> None:
    for source in (page.source, "all"):
        t = tally.setdefault(source, {"tp": 0, "fp": 0, "fn": 0, "tn": 0})
        t[("tp" if guess else "fn") if page.offers else ("fp" if guess else "tn")] += 1


GROUPED_VARIANTS = ("rules as shipped", "rules", "model", "model+score", "rules+override", "rules+veto")
#: the burden-of-proof decision (seller_decision.json mode "burden"), scored the same way when pages carry its inputs
BURDEN_VARIANTS = ("burden as shipped", "burden", "burden+veto")


def burden_offers(page: TrainingPage, seen: set[str] | None = None) -> bool:
    """The page's burden-of-proof decision (offer.py ``burden_sells``) from its stored inputs; with ``seen``, without
    the cues that fire on no page of the training side (report cues leave their kind's weight, offer cues the
    page's own wording), as ``unseen_cue_score`` does for the rules. The structural signals always count: they
    were not written from any real-world page."""
    from clinicscan.nlp.components.offer import burden_sells

    inputs = page.burden
    if not inputs.get("presents"):
        return False
    kinds = dict(inputs.get("structural", {}))
    own = float(inputs.get("own_wording", 0.0))
    cue_kinds = inputs.get("cue_kinds", {})
    for cue, weight in page.cue_weights.items():
        unseen = seen is not None and cue not in seen
        if cue in cue_kinds:
            if not unseen:
                kinds[cue_kinds[cue]] = kinds.get(cue_kinds[cue], 0.0) + abs(weight)
        elif unseen and weight > 0:
            own -= weight
    return burden_sells(kinds, own, float(inputs.get("least", 4.0)))


def grouped_cross_validate(pages: list[TrainingPage], names: list[str], c: float = DEFAULT_C,
                           override: tuple[float, float | None] = DEFAULT_OVERRIDE) -> dict:
    """Leave one source out: each real-world topic (file id letter) is predicted by a model trained on the rest.

    The dev set always trains and is never scored (its pages are fictional). The plain
    stratified folds of ``cross_validate`` put pages of one source on both sides, and the
    rules' cues were written while reading every tune page, so both flatter. Here every
    decider is scored on a source it was not fitted on: ``rules as shipped`` (all cues, the
    optimistic figure), ``rules`` (``offer_score >= 0`` without the cues that fire only in
    the held-out source, see ``unseen_cue_score``), and the model variants of
    ``cross_validate``, whose rule-score feature and rule decision are that same reduced score.
    """
    score_column = names.index("rule_score")
    low, high = override
    burden = all(p.burden for p in pages)
    tally: dict[str, dict] = {v: {} for v in GROUPED_VARIANTS + (BURDEN_VARIANTS if burden else ())}
    held_out = sorted({p.group for p in pages if p.source != "devset"})
    for group in held_out:
        train_pages = [p for p in pages if p.group != group]
        test_pages = [p for p in pages if p.group == group]
        seen = {cue for p in train_pages for cue in p.cue_weights}
        scores = [unseen_cue_score(p, seen) for p in test_pages]
        rules = [s >= 0.0 for s in scores]
        reduced = [TrainingPage(p.source, p.file, p.offers, r,
                                [max(-15.0, min(15.0, s)) / 5.0 if i == score_column else v
                                 for i, v in enumerate(p.features)], p.digest, s, p.cue_weights)
                   for p, s, r in zip(test_pages, scores, rules)]
        with_score = _probabilities(fit(train_pages, names, "model+score", c), reduced)
        predicted = {
            "rules as shipped": [p.rule_offers for p in test_pages],
            "rules": rules,
            "model": [p >= 0.5 for p in _probabilities(fit(train_pages, names, "model", c), reduced)],
            "model+score": [p >= 0.5 for p in with_score],
            "rules+override": [combine(r, p, 0.2, 0.7) for r, p in zip(rules, with_score)],
            "rules+veto": [combine(r, p, low, high) for r, p in zip(rules, with_score)],
        }
        if burden:
            held = [burden_offers(p, seen) for p in test_pages]
            predicted["burden as shipped"] = [burden_offers(p) for p in test_pages]
            predicted["burden"] = held
            predicted["burden+veto"] = [combine(b, p, low, high) for b, p in zip(held, with_score)]
        for variant, guesses in predicted.items():
            for page, guess in zip(test_pages, guesses):
                _tally(tally[variant], page, guess)
    result: dict[str, dict] = {}
    for variant, sources in tally.items():
        result[variant] = {}
        for source, t in sources.items():
            n = sum(t.values())
            result[variant][source] = {"accuracy": round((t["tp"] + t["tn"]) / n, 4), "false_sellers": t["fp"],
                                       "missed_sellers": t["fn"], "pages": n}
    return {"held_out": held_out, "variants": result}


def model_file(pages: list[TrainingPage], names: list[str], c: float, cv: dict | None, version: str) -> dict:
    columns, scaler, model = fit(pages, names, "model+score", c)
    assert columns == list(range(len(names)))
    return {
        "format": FORMAT,
        "version": version,
        "trained": _dt.date.today().isoformat(),
        "command": "python -m clinicscan.nlp.train_seller",
        "training_data": {
            "sources": {"devset": list(DEVSET_SPLITS), "realworld": list(REALWORLD_SPLITS)},
            "pages": len(pages), "sellers": sum(p.offers for p in pages),
            "sha256": hashlib.sha256("".join(sorted(p.digest for p in pages)).encode()).hexdigest(),
        },
        "C": c,
        "threshold": 0.5,
        "override": {"non_seller_at_most": DEFAULT_OVERRIDE[0], "seller_at_least": DEFAULT_OVERRIDE[1]},
        "features": names,
        "mean": [round(float(v), 6) for v in scaler.mean_],
        "scale": [round(float(v), 6) for v in scaler.scale_],
        "coef": [round(float(v), 6) for v in model.coef_[0]],
        "intercept": round(float(model.intercept_[0]), 6),
        "cross_validation": cv,
    }


def training_pages(realworld: Path, devset: Path) -> tuple[list[TrainingPage], list[str]]:
    from clinicscan.nlp.seller_features import FeatureReader

    nlp = _feature_pipeline()
    pages = read_pages(devset / "gold.jsonl", devset / "pages", DEVSET_SPLITS, "devset", nlp)
    pages += read_pages(realworld / "gold.jsonl", realworld / "pages", REALWORLD_SPLITS, "realworld", nlp)
    return pages, FeatureReader().names


def default_realworld() -> Path:
    """$CLINICSCAN_REALWORLD, else the nearest ``shared/realworld`` beside the repository or a parent of it."""
    if os.environ.get("CLINICSCAN_REALWORLD"):
        return Path(os.environ["CLINICSCAN_REALWORLD"])
    repo = Path(__file__).resolve().parents[1]
    for folder in repo.parents:
        if (folder / "shared" / "realworld" / "gold.jsonl").exists():
            return folder / "shared" / "realworld"
    return repo.parent / "shared" / "realworld"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m clinicscan.nlp.train_seller", description=__doc__.split("\n")[0],
                                     epilog="example: python -m clinicscan.nlp.train_seller --compare")
    parser.add_argument("--realworld", type=Path, default=default_realworld(),
                        help="folder with gold.jsonl and pages/ of the real-world re-creations (default $CLINICSCAN_REALWORLD or ../shared/realworld)")
    parser.add_argument("--devset", type=Path, default=data_dir() / "devset")
    parser.add_argument("--out", type=Path, default=default_model_path(), help="model file to write (default data/lexicon/seller_model.json)")
    parser.add_argument("--c", type=float, default=DEFAULT_C, help="inverse regularisation strength")
    parser.add_argument("--version", default="1")
    parser.add_argument("--compare", action="store_true", help="also cross-validate rules, model and both, and print the table")
    args = parser.parse_args(argv)
    try:
        import sklearn  # noqa: F401
    except ImportError:
        print("training needs scikit-learn: pip install -e '.[train]'", file=sys.stderr)
        return 2
    if not (args.realworld / "gold.jsonl").exists():
        print(f"no gold.jsonl in {args.realworld}; pass --realworld DIR", file=sys.stderr)
        return 2
    print(f"reading training pages from {args.devset} and {args.realworld} ...", file=sys.stderr)
    pages, names = training_pages(args.realworld, args.devset)
    cv = None
    if args.compare:
        cv = cross_validate(pages, names, args.c)
        print(f"{'variant':<16}{'source':<11}{'accuracy':>9}{'false sellers':>15}{'missed':>8}")
        for variant, sources in cv.items():
            for source, row in sorted(sources.items()):
                print(f"{variant:<16}{source:<11}{row['accuracy']:>9.3f}{row['false_sellers_per_pass']:>15}"
                      f"{row['missed_sellers_per_pass']:>8}")
        grouped = grouped_cross_validate(pages, names, args.c)
        print(f"\nleave one source out ({len(grouped['held_out'])} real-world topics held out in turn; "
              "'rules' without the cues that fire only in the held-out topic)")
        print(f"{'variant':<18}{'accuracy':>9}{'false sellers':>15}{'missed':>8}")
        for variant, sources in grouped["variants"].items():
            row = sources["realworld"]
            print(f"{variant:<18}{row['accuracy']:>9.3f}{row['false_sellers']:>15}{row['missed_sellers']:>8}")
        cv["grouped_by_source"] = grouped
    row = model_file(pages, names, args.c, cv, args.version)
    args.out.write_text(json.dumps(row, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({len(pages)} pages, {row['training_data']['sellers']} sellers)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
