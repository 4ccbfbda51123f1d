"""Compare our context rules with negspacy's Negex on a gold set (kept: the better one).

Both see the same pages, mentions, sections and offer decisions; only the context decision
differs. negspacy gets its general English termset plus our marketing cues (the literal
``negated`` / ``pseudo`` / ``terminate`` rules of ``context_rules.jsonl``) and negates the
mention spans in ``doc.spans["sc"]``; it has no "reported" or "hedged" notion, so whatever it
does not negate counts as asserted.

    .venv/bin/python -m nlp.negspacy_compare data/devset/gold.jsonl data/devset/pages --split tune
"""

from __future__ import annotations

import argparse
import copy
import time
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from clinicscan.nlp.analyse import analyse_page, page_ids
from clinicscan.nlp.evaluate import EvaluationResult, _find, read_gold, score_pages
from clinicscan.nlp.rules import load_context_rules

__all__ = ["negex_termset", "build_negex_pipeline", "compare"]


def negex_termset() -> dict[str, list[str]]:
    """negspacy's general English termset with our marketing cues added."""
    from negspacy.termsets import termset

    patterns = termset("en").get_patterns()
    for rule in load_context_rules():
        if rule.literal is None:
            continue
        if rule.category == "negated":
            key = "following_negations" if rule.direction == "backward" else "preceding_negations"
        elif rule.category == "pseudo":
            key = "pseudo_negations"
        elif rule.category == "terminate":
            key = "termination"
        else:
            continue
        if rule.literal not in patterns[key]:
            patterns[key].append(rule.literal)
    return patterns


@Language.component("clinicscan_mention_spans")
def mention_spans(doc: Doc) -> Doc:
    doc.spans["sc"] = [doc[m.start:m.end] for m in doc._.clinicscan_mentions or []]
    return doc


def build_negex_pipeline() -> Language:
    import negspacy.negation  # noqa: F401  (registers "negex")

    import clinicscan.nlp.pipeline  # noqa: F401  (registers our factories)

    nlp_ = spacy.blank("en")
    nlp_.add_pipe("clinicscan_blocks")
    nlp_.add_pipe("sentencizer")
    nlp_.add_pipe("clinicscan_mentions")
    nlp_.add_pipe("clinicscan_mention_spans")
    nlp_.add_pipe("negex", config={"neg_termset": negex_termset(), "span_keys": ["sc"]})
    nlp_.initialize()
    return nlp_


def compare(gold_path: Path, page_paths: list[Path], split: str | None = None) -> dict[str, EvaluationResult]:
    gold = read_gold(gold_path, split)
    negex = build_negex_pipeline()
    ours, theirs = [], []
    seconds = {"ours": 0.0, "negspacy": 0.0}
    for page in gold:
        path = _find(page.file, page_paths)
        content = path.read_text(encoding="utf-8", errors="replace")
        started = time.perf_counter()
        result = analyse_page(content, is_html=path.suffix.lower() in (".html", ".htm"))
        seconds["ours"] += time.perf_counter() - started
        ours.append({"offers_treatment": result.offers_treatment, "conditions": result.conditions,
                     "product_types": result.product_types, "red_flags": result.red_flags})
        started = time.perf_counter()
        doc = negex(result.text)
        negated = {(span.start_char, span.end_char) for span in doc.spans["sc"] if span._.negex}
        seconds["negspacy"] += time.perf_counter() - started
        claims = []
        for claim in result.claims:
            changed = copy.copy(claim)
            changed.context = "negated" if (claim.start, claim.end) in negated else "asserted"
            claims.append(changed)
        ids = page_ids(claims, result.offers_treatment)
        theirs.append({"offers_treatment": result.offers_treatment, **ids})
    results = {"ours": score_pages(gold, ours), "negspacy": score_pages(gold, theirs)}
    for name, result in results.items():
        result.split = split
        result.seconds = seconds[name]
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold", type=Path)
    parser.add_argument("pages", type=Path, nargs="+")
    parser.add_argument("--split", default=None)
    args = parser.parse_args()
    results = compare(args.gold, args.pages, args.split)
    print(f"{'context':<10}{'field':<16}{'P':>7}{'R':>7}{'F1':>7}")
    for name, result in results.items():
        for field, score in result.fields.items():
            print(f"{name:<10}{field:<16}{score.precision:>7.3f}{score.recall:>7.3f}{score.f1:>7.3f}")
    print(f"time for {results['ours'].pages} pages: our whole analysis {results['ours'].seconds:.2f}s; "
          f"negspacy's pipeline (tokenizer, sentences, mentions, negex) {results['negspacy'].seconds:.2f}s")


if __name__ == "__main__":
    main()
