"""Who publishes the page: do contact facts and first-person offer sentences help the seller decision?

The contact readers of issue 11 (``nlp.contacts``: JSON-LD organisation types, phone numbers,
street addresses, e-mail addresses) and two text signals of a page speaking for a business
are added, one group at a time, as features of the shipped seller model, and each variant is
scored by the leave-one-topic-out cross-validation of ``train_seller.grouped_cross_validate``
(each real-world topic held out in turn, the dev set always trains, the rules scored without
the cues that fire only in the held-out topic), at three regularisation strengths:

  * ``contact``: the page has a phone, an address, an e-mail address (one flag each), and its
    organisation name comes from JSON-LD or microdata (a business that describes itself);
  * ``we offer``: sentences (not questions) where "we" or "our team/doctors/clinic/..." is
    followed within two words by an offer verb ("we offer", "our physicians inject");
  * ``here at``: "at our clinic", "here at", "our patients", "At <Name>, we".

It also prints how often each signal fires on sellers and non-sellers, and on the pages the
shipped decider gets wrong under the grouping. Only the ``tune`` split is read (the
``check`` split is refused); nothing is written.

    .venv/bin/python bench/seller_publisher_features.py [--realworld DIR]
"""

from __future__ import annotations

import argparse
import math
import re
import sys
from collections import Counter
from pathlib import Path

from clinicscan.nlp.analyse import page_text
from clinicscan.nlp.contacts import contact_facts
from clinicscan.nlp.seller_model import combine
from clinicscan.nlp.train_seller import (DEFAULT_OVERRIDE, REALWORLD_SPLITS, TrainingPage, _probabilities,
                                         default_realworld, fit, grouped_cross_validate, training_pages,
                                         unseen_cue_score)
from clinicscan.paths import data_dir

_WE_OFFER = re.compile(
    r"\b(?:we|our (?:team|doctors?|physicians?|clinic|specialists?|surgeons?|providers?|staff|center|centre))\s+"
    r"(?:\w+\s+){0,2}?(?:offer|offers|provide|provides|perform|performs|use|uses|inject|injects|treat|treats|"
    r"administer|harvest|specialize|specialise|deliver)\b", re.I)
_HERE_AT = re.compile(r"\b(?:at our (?:clinic|center|centre|practice|office)|here at|our patients|"
                      r"at [A-Z][\w&]+(?: [A-Z][\w&]+){0,4},? (?:we|our))\b")
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n")


def publisher_signals(folder: Path, file: str) -> dict[str, float]:
    """Contact facts and own-voice offer sentences of one page (main text only for the sentences)."""
    raw = (folder / file).read_text(encoding="utf-8", errors="replace")
    page = page_text(raw, file.endswith((".html", ".htm")))
    facts = contact_facts(page.markup, page.text, page.title)
    kinds = Counter(f.kind for f in facts)
    structured = any(f.kind == "org_name" and f.source in ("jsonld", "microdata") for f in facts)
    main = page.text[:page.nav_start] if page.nav_start else page.text
    sentences = [s for s in _SENTENCE.split(main) if s.strip()]
    return {"phone": float(kinds["phone"] > 0), "address": float(kinds["address"] > 0),
            "email": float(kinds["email"] > 0), "org_structured": float(structured),
            "we_offer": math.log1p(sum(1 for s in sentences if "?" not in s and _WE_OFFER.search(s))),
            "here_at": math.log1p(len(_HERE_AT.findall(main)))}


GROUPS = {
    "baseline (shipped features)": [],
    "+ contact": ["phone", "address", "email", "org_structured"],
    "+ we offer": ["we_offer"],
    "+ here at": ["here_at"],
    "+ all three": ["phone", "address", "email", "org_structured", "we_offer", "here_at"],
}


def shipped_errors(pages: list[TrainingPage], names: list[str]) -> set[str]:
    """Real-world pages the shipped decider (rules + veto) gets wrong with their topic held out."""
    column = names.index("rule_score")
    wrong = set()
    for group in sorted({p.group for p in pages if p.source != "devset"}):
        train = [p for p in pages if p.group != group]
        test = [p for p in pages if p.group == group]
        seen = {cue for p in train for cue in p.cue_weights}
        scores = [unseen_cue_score(p, seen) for p in test]
        reduced = [TrainingPage(p.source, p.file, p.offers, s >= 0.0,
                                [max(-15.0, min(15.0, s)) / 5.0 if i == column else v for i, v in enumerate(p.features)],
                                p.digest, s, p.cue_weights) for p, s in zip(test, scores)]
        for page, row, prob in zip(test, reduced, _probabilities(fit(train, names), reduced)):
            if combine(row.rule_offers, prob, *DEFAULT_OVERRIDE) != page.offers:
                wrong.add(page.file)
    return wrong


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--realworld", type=Path, default=default_realworld())
    args = parser.parse_args(argv)
    if REALWORLD_SPLITS != ("tune",):
        print("this bench reads the real-world tune split only", file=sys.stderr)
        return 2
    devset = data_dir() / "devset"
    pages, names = training_pages(args.realworld, devset)
    signals = [publisher_signals((devset if p.source == "devset" else args.realworld) / "pages", p.file)
               for p in pages]
    wrong = shipped_errors(pages, names)
    print("signal fires on (pages): source, gold seller / gold non-seller; among the shipped decider's grouped errors")
    for name in GROUPS["+ all three"]:
        counts = Counter((p.source, p.offers) for p, s in zip(pages, signals) if s[name] > 0)
        on_errors = sum(1 for p, s in zip(pages, signals) if s[name] > 0 and p.source == "realworld" and p.file in wrong)
        print(f"  {name:<15} real-world {counts[('realworld', True)]:>3} / {counts[('realworld', False)]:<3} "
              f"dev set {counts[('devset', True)]:>3} / {counts[('devset', False)]:<3} "
              f"on the {len(wrong)} errors: {on_errors}")
    print(f"\n{'features':<30}{'C':>5}  {'rules+veto':>20}  {'model+score':>20}  {'rules+override':>20}")
    for label, extra in GROUPS.items():
        extended = [TrainingPage(p.source, p.file, p.offers, p.rule_offers, p.features + [s[e] for e in extra],
                                 p.digest, p.rule_score, p.cue_weights) for p, s in zip(pages, signals)]
        for c in (0.05, 0.1, 0.3):
            result = grouped_cross_validate(extended, names + extra, c=c)["variants"]
            cells = []
            for variant in ("rules+veto", "model+score", "rules+override"):
                row = result[variant]["realworld"]
                cells.append(f"{row['accuracy']:.3f} ({row['false_sellers']:>2} fp, {row['missed_sellers']:>2} fn)")
            print(f"{label:<30}{c:>5}  " + "  ".join(f"{cell:>20}" for cell in cells))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
