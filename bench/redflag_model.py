"""Would a learned sentence classifier read red flags better than the patterns? Grouped CV.

Each sentence of each real-world ``tune`` page (and of the fictional dev set) becomes one example
per red-flag id: positive when it is the gold evidence sentence of a flag the page has, negative
when the page does not have the flag, left out otherwise (another sentence of the page may say
the same). Features: word unigrams and bigrams (numbers folded to NUM / PCT), shared across ids
and per id, plus whether a red-flag pattern found the id there and in which context. One
logistic regression (scikit-learn, hashed features, balanced classes) is trained with one source
sweep of ``tune`` left out (file-id prefix, ``../shared/realworld/README.md``) and read on that
sweep; our ``dev`` paraphrases (``data/devset/red_flag_paraphrases.jsonl``) are training data too.

Page-level micro F1 on gold sellers is reported for the model alone, the patterns OR the model,
and the patterns gated by the model, at several thresholds. The patterns' own row is in-sample
(they were written on all of ``tune``); compare the model with ``bench/redflags.py --sweep-out``.
The ``check`` split is never read.

    .venv/bin/python bench/redflag_model.py --realworld ../shared/realworld
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import zlib
from collections import defaultdict
from pathlib import Path

from clinicscan.nlp.analyse import analyse_page, page_text, run_pipeline
from clinicscan.nlp.pipeline import shared_pipeline
from clinicscan.nlp.train_seller import default_realworld
from clinicscan.paths import data_dir

IDS = ("cure_claim", "safety_claim", "success_rate_claim", "avoid_surgery_claim", "fda_claim")
DIM = 2 ** 18
_TOKEN = re.compile(r"\d+(?:\.\d+)?\s?%|\d+(?:\.\d+)?|[a-z]+(?:'[a-z]+)?")
_PREFIX = re.compile(r"[a-z]+")


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


def features(text: str, hits: list, flag: str) -> dict[str, float]:
    words = ["PCT" if w.endswith("%") else "NUM" if w[0].isdigit() else w for w in _TOKEN.findall(text.lower())]
    out = {f"bias:{flag}": 1.0}
    for gram in words + [a + "_" + b for a, b in zip(words, words[1:])]:
        out["w:" + gram] = out[f"{flag}:{gram}"] = 1.0
    for vocab_id, context, _section in hits:
        if vocab_id == flag:
            out["rule:" + context] = out[f"{flag}:rule:{context}"] = 1.0
    return out


def sentences(gold: Path, pages: Path, split: str | None, source: str) -> list[dict]:
    """One row a sentence: its text, the red-flag mentions our patterns found there, and its labels."""
    nlp = shared_pipeline()
    out = []
    for line in gold.read_text(encoding="utf-8").splitlines():
        row = json.loads(line) if line.strip() else None
        if not row or (split and row.get("split") != split):
            continue
        if row.get("split") == "check":
            raise SystemExit("the check split is looked at only by the lead: not read here")
        path = pages / row["file"]
        html = path.read_text(encoding="utf-8", errors="replace")
        is_html = path.suffix == ".html"
        hits = defaultdict(list)
        for claim in analyse_page(html, is_html=is_html).claims:
            if claim.kind == "red_flag":
                hits[claim.sentence].append((claim.vocab_id, claim.context, claim.section))
        evidence = {i: _norm((row.get("evidence") or {}).get(i, "")) for i in IDS}
        for sent in run_pipeline(nlp, page_text(html, is_html)).sents:
            text = sent.text.strip()
            norm = _norm(text)
            if len(norm) < 8:
                continue
            labels = {i: 0 if i not in row["red_flags"] else
                      1 if evidence[i] and (norm in evidence[i] or evidence[i] in norm) else None for i in IDS}
            out.append({"source": source, "file": row["file"], "seller": row["offers_treatment"], "gold": row["red_flags"],
                        "text": text, "hits": hits.get(text, []), "labels": labels})
    return out


def _matrix(rows: list[dict]):
    from scipy.sparse import csr_matrix
    data, index, pointer = [], [], [0]
    for row in rows:
        for key, value in row.items():
            index.append(zlib.crc32(key.encode()) % DIM)
            data.append(value)
        pointer.append(len(index))
    return csr_matrix((data, index, pointer), shape=(len(rows), DIM))


def fit(examples: list[tuple[dict, int]], c: float):
    from sklearn.linear_model import LogisticRegression
    model = LogisticRegression(C=c, class_weight="balanced", max_iter=2000)
    model.fit(_matrix([x for x, _ in examples]), [y for _, y in examples])
    return model


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--realworld", type=Path, default=default_realworld())
    parser.add_argument("-C", type=float, default=1.0, help="inverse L2 strength")
    args = parser.parse_args(argv)
    tune = sentences(args.realworld / "gold.jsonl", args.realworld / "pages", "tune", "tune")
    dev = sentences(data_dir() / "devset" / "gold.jsonl", data_dir() / "devset" / "pages", None, "dev")
    paraphrases = [json.loads(line) for line in
                   (data_dir() / "devset" / "red_flag_paraphrases.jsonl").read_text(encoding="utf-8").splitlines()]
    para_examples = [(features(p["text"], [], p["id"]), int(p["claimed"])) for p in paraphrases if p["split"] == "dev"]
    prefix = lambda f: _PREFIX.match(f.lower()).group(0)  # noqa: E731
    pages = defaultdict(list)
    for row in tune:
        pages[row["file"]].append(row)
    scores = {}  # (file, id) -> (max p, max p where a pattern counted the id, a pattern counted it)
    for sweep in sorted({prefix(f) for f in pages}):
        examples = [(features(r["text"], r["hits"], i), r["labels"][i]) for r in tune + dev
                    if not (r["source"] == "tune" and prefix(r["file"]) == sweep)
                    for i in IDS if r["labels"][i] is not None] + para_examples
        model = fit(examples, args.C)
        for file, rows in pages.items():
            if prefix(file) != sweep:
                continue
            for i in IDS:
                p = model.predict_proba(_matrix([features(r["text"], r["hits"], i) for r in rows]))[:, 1]
                ruled = [any(v == i and c == "asserted" and s != "nav" for v, c, s in r["hits"]) for r in rows]
                scores[(file, i)] = (max(p), max([q for q, h in zip(p, ruled) if h], default=0.0), any(ruled))

    def f1(decide) -> str:
        tp = fp = fn = 0
        for file, rows in pages.items():
            if not rows[0]["seller"]:
                continue
            gold, ours = set(rows[0]["gold"]), {i for i in IDS if decide(*scores[(file, i)])}
            tp, fp, fn = tp + len(gold & ours), fp + len(ours - gold), fn + len(gold - ours)
        p, r = (tp / (tp + fp) if tp + fp else 1.0), (tp / (tp + fn) if tp + fn else 1.0)
        return f"tp {tp:3d} fp {fp:3d} fn {fn:3d}  P {p:.3f} R {r:.3f} F1 {2 * p * r / (p + r) if p + r else 0:.3f}"

    print(f"red flags on gold sellers of tune, leave one sweep out (C={args.C})")
    print(f"  patterns (in-sample)      {f1(lambda m, g, r: r)}")
    for t in (0.5, 0.8, 0.9, 0.95):
        print(f"  model alone    p > {t:.2f}  {f1(lambda m, g, r, t=t: m > t)}")
        print(f"  patterns OR m  p > {t:.2f}  {f1(lambda m, g, r, t=t: r or m > t)}")
    for t in (0.05, 0.2, 0.5):
        print(f"  patterns gated p > {t:.2f}  {f1(lambda m, g, r, t=t: g > t)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
