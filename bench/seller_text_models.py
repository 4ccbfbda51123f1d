"""Learned text models for the seller decision, against the rules, by leave-one-source-out cross-validation.

``python -m clinicscan.nlp.train_seller --compare`` compares the shipped feature model (rule
evidence, who speaks, word groups, the title's organisation) with the rules. This script asks
whether the page's *words* carry more than those features, with two models that learn them:

  * ``page words``: a tf-idf bag of words and word pairs of the page's main text, logistic
    regression (one page, one row);
  * ``offer sentences``: a tf-idf logistic regression over the sentences that name a product
    type (each a row): on real-world sellers the sentences the gold file gives as the evidence
    for a product type (the page presenting its product), on dev-set sellers the sentences with
    a counted product mention, on every non-seller all of them. A page's score is the highest
    of its sentences (a page sells when one sentence presents its offer).

Each is scored alone and as a veto on the rules (the way the shipped model is applied), with
the same grouping as ``train_seller.grouped_cross_validate``: each real-world topic (file id
letter) is held out in turn, the dev set always trains, and the rules are scored without the
cues that fire only in the held-out topic. Only the ``tune`` split is read (the ``check`` split
is refused); nothing is written.

    .venv/bin/python bench/seller_text_models.py [--realworld DIR]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path


from clinicscan.nlp.analyse import analyse_page, page_text
from clinicscan.nlp.seller_model import combine
from clinicscan.nlp.train_seller import (DEFAULT_C, DEFAULT_OVERRIDE, DEVSET_SPLITS, REALWORLD_SPLITS, TrainingPage,
                                         _probabilities, default_realworld, fit, training_pages, unseen_cue_score)
from clinicscan.paths import data_dir
from clinicscan.vocabulary import COUNTED_CONTEXTS


def _plain(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


def page_words(gold: Path, pages: Path, splits: tuple[str, ...], source: str) -> dict[tuple[str, str], dict]:
    """Main text and product sentences (with their offer label) of each gold page in ``splits``."""
    out = {}
    for line in gold.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row.get("split") not in splits:
            continue
        raw = (pages / row["file"]).read_bytes().decode("utf-8", "replace")
        page = analyse_page(raw, is_html=row["file"].endswith((".html", ".htm")))
        evidence = [_plain(v) for k, v in (row.get("evidence") or {}).items() if k in row["product_types"]]
        sentences, seen = [], set()
        for claim in page.claims:
            if claim.kind != "product_type" or claim.section == "nav" or claim.sentence in seen:
                continue
            seen.add(claim.sentence)
            plain = _plain(claim.sentence)
            if not row["offers_treatment"]:
                label = 0
            elif source == "devset":
                label = 1 if claim.context in COUNTED_CONTEXTS else None
            else:
                label = 1 if any(e and (e in plain or plain in e) for e in evidence) else None
            sentences.append((claim.sentence, label))
        text = page_text(raw, row["file"].endswith((".html", ".htm")))
        main = text.text[:text.nav_start]
        out[(source, row["file"])] = {"text": main, "sentences": sentences}
    return out


def grouped(pages: list[TrainingPage], names: list[str], words: dict, c_words: float, c_sentences: float) -> dict:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    score_column = names.index("rule_score")
    rows = {}
    for group in sorted({p.group for p in pages if p.source != "devset"}):
        train = [p for p in pages if p.group != group]
        test = [p for p in pages if p.group == group]
        seen = {cue for p in train for cue in p.cue_weights}
        scores = [unseen_cue_score(p, seen) for p in test]
        reduced = [TrainingPage(p.source, p.file, p.offers, s >= 0, [max(-15.0, min(15.0, s)) / 5.0 if i == score_column
                                                                     else v for i, v in enumerate(p.features)],
                                p.digest, s, p.cue_weights) for p, s in zip(test, scores)]
        model_p = _probabilities(fit(train, names, "model+score", DEFAULT_C), reduced)
        vec = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
        x = vec.fit_transform([words[(p.source, p.file)]["text"] for p in train])
        bag = LogisticRegression(C=c_words, max_iter=3000, class_weight="balanced").fit(x, [p.offers for p in train])
        word_p = bag.predict_proba(vec.transform([words[(p.source, p.file)]["text"] for p in test]))[:, 1]
        labelled = [(s, y) for p in train for s, y in words[(p.source, p.file)]["sentences"] if y is not None]
        svec = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
        sx = svec.fit_transform([s for s, _ in labelled])
        sent = LogisticRegression(C=c_sentences, max_iter=3000, class_weight="balanced").fit(sx, [y for _, y in labelled])
        for page, r, mp, wp in zip(test, reduced, model_p, word_p):
            sentences = [s for s, _ in words[(page.source, page.file)]["sentences"]]
            sp = float(sent.predict_proba(svec.transform(sentences))[:, 1].max()) if sentences else 0.0
            rows[page.file] = (page.offers, r.rule_offers, mp, float(wp), sp)
    return rows


DECIDERS = {
    "rules (held-out topic's own cues dropped)": lambda r, m, w, s: r,
    "rules + feature model veto (shipped)": lambda r, m, w, s: combine(r, m, DEFAULT_OVERRIDE[0], None),
    "page words alone (P >= 0.5)": lambda r, m, w, s: w >= 0.5,
    "rules, vetoed by page words (P <= 0.2)": lambda r, m, w, s: r and w > 0.2,
    "shipped, and page words veto (P <= 0.2)": lambda r, m, w, s: combine(r, m, DEFAULT_OVERRIDE[0], None) and w > 0.2,
    "feature model and page words averaged (P >= 0.5)": lambda r, m, w, s: (m + w) / 2 >= 0.5,
    "offer sentences alone (max P >= 0.5)": lambda r, m, w, s: s >= 0.5,
    "rules, vetoed by offer sentences (max P <= 0.3)": lambda r, m, w, s: r and s > 0.3,
    "shipped, or offer sentences sure (max P >= 0.9)": lambda r, m, w, s: combine(r, m, DEFAULT_OVERRIDE[0], None) or s >= 0.9,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--realworld", type=Path, default=default_realworld())
    parser.add_argument("--c-words", type=float, default=3.0, help="inverse regularisation of the page-words model")
    parser.add_argument("--c-sentences", type=float, default=3.0, help="inverse regularisation of the sentence model")
    args = parser.parse_args(argv)
    if "check" in REALWORLD_SPLITS:
        print("refusing to read the check split", file=sys.stderr)
        return 2
    devset = data_dir() / "devset"
    pages, names = training_pages(args.realworld, devset)
    words = page_words(devset / "gold.jsonl", devset / "pages", DEVSET_SPLITS, "devset")
    words.update(page_words(args.realworld / "gold.jsonl", args.realworld / "pages", REALWORLD_SPLITS, "realworld"))
    rows = grouped(pages, names, words, args.c_words, args.c_sentences)
    print(f"{len(rows)} real-world tune pages, each predicted with its topic held out "
          f"(page words C={args.c_words}, offer sentences C={args.c_sentences})")
    print(f"{'decider':<52}{'accuracy':>9}{'false':>7}{'missed':>8}")
    for name, decide in DECIDERS.items():
        guesses = [(gold, decide(r, m, w, s)) for gold, r, m, w, s in rows.values()]
        false = sum(1 for gold, g in guesses if g and not gold)
        missed = sum(1 for gold, g in guesses if gold and not g)
        print(f"{name:<52}{1 - (false + missed) / len(guesses):>9.3f}{false:>7}{missed:>8}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
