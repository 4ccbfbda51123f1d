"""Between the two seller decisions: can the model's probability pick where the burden of proof should apply?

On the one look at `check` (session 23, docs/seller-model.md "The look at check"), mode evidence missed 12 sellers and
made 6 false ones, mode burden 3 and 15: opposite errors at the same accuracy. This script asks, on `tune` only, by
the grouped cross-validation of ``train_seller.grouped_cross_validate`` (each real-world topic held out in turn, the
dev set always trains, the rules and the burden scored without the cues that fire only in the held-out topic, the
model fitted without that topic), whether a middle decision does better than mode evidence:

  * ``burden+veto<=L``: mode burden with the model's veto raised from P <= 0.15 to P <= L;
  * ``evidence or (burden and p>=T)``: mode evidence, and a page the burden of proof calls a seller when the model is
    at least T sure of it.

Nothing is written; the ``check`` split is not read.

    .venv/bin/python bench/seller_hybrid.py
"""

from __future__ import annotations

from clinicscan.nlp import train_seller as ts
from clinicscan.nlp.seller_model import combine

VETO_LEVELS = (0.15, 0.3, 0.4, 0.5, 0.6, 0.7)
SURE_LEVELS = (0.5, 0.6, 0.7, 0.8, 0.9)


def main() -> None:
    pages, names = ts.training_pages(ts.default_realworld(), ts.data_dir() / "devset")
    score_column = names.index("rule_score")
    tallies: dict[str, dict[str, int]] = {}

    def tally(name: str, page: ts.TrainingPage, guess: bool) -> None:
        t = tallies.setdefault(name, {"tp": 0, "fp": 0, "fn": 0, "tn": 0})
        t[("tp" if guess else "fn") if page.offers else ("fp" if guess else "tn")] += 1

    for group in sorted({p.group for p in pages if p.source != "devset"}):
        train = [p for p in pages if p.group != group]
        test = [p for p in pages if p.group == group]
        seen = {cue for p in train for cue in p.cue_weights}
        scores = [ts.unseen_cue_score(p, seen) for p in test]
        reduced = [ts.TrainingPage(p.source, p.file, p.offers, s >= 0,
                                   [max(-15.0, min(15.0, s)) / 5.0 if i == score_column else v
                                    for i, v in enumerate(p.features)], p.digest, s, p.cue_weights)
                   for p, s in zip(test, scores)]
        probabilities = ts._probabilities(ts.fit(train, names, "model+score", ts.DEFAULT_C), reduced)
        for page, score, p in zip(test, scores, probabilities):
            evidence = combine(score >= 0, p, 0.15, None)
            burden = ts.burden_offers(page, seen)
            tally("evidence+veto (shipped)", page, evidence)
            for low in VETO_LEVELS:
                tally(f"burden+veto<={low}", page, combine(burden, p, low, None))
            for sure in SURE_LEVELS:
                tally(f"evidence or (burden and p>={sure})", page, evidence or (burden and p >= sure))
    print("grouped CV on the real-world tune split (each topic held out); accuracy, false and missed sellers")
    for name, t in tallies.items():
        n = sum(t.values())
        print(f"  {name:36s} {(t['tp'] + t['tn']) / n:.3f}  fp {t['fp']:3d}  fn {t['fn']:3d}  ({n} pages)")


if __name__ == "__main__":
    main()
