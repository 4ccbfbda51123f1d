"""Benchmark: our TokenPatternMatcher against spaCy's Matcher, same patterns, same Docs, one run.

The patterns are every token pattern the pipeline uses (the lexicon's mentions, the context
rules, the offer cues: phrase literals go to spaCy's PhraseMatcher in both cases and are left
out). The Docs are the dev set's pages (data/devset/pages) as the pipeline makes them: text
from the HTML, tokenized, sentence boundaries set by ``clinicscan_blocks``.

Timed in alternating rounds, the best of each counting (the machine is shared):

  * spaCy: ``Matcher(doc)`` with every pattern;
  * ours: ``TokenPatternMatcher(doc)`` with the same patterns, the Doc's token columns read
    anew each round (``TokenArrays`` dropped from ``doc.user_data``), so ours pays for them;
  * for scale, spaCy's bare tokenizer on the same texts.

It also counts the matches each reports (spaCy's include the cross-sentence and the
shorter overlapping ones that ours leaves out by design; see clinicscan.nlp.matching).

    .venv/bin/python bench/matcher.py
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

DEVSET_PAGES = Path(__file__).resolve().parent.parent / "data" / "devset" / "pages"


def token_patterns() -> list[tuple[str, list[dict]]]:
    """(key, pattern) of every token pattern of the shipped lexicon, context rules and offer cues."""
    from clinicscan.nlp.lexicon import load_lexicon
    from clinicscan.nlp.rules import load_context_rules, load_offer_cues

    found = [(f"{p.kind}|{p.detail_id}|{i}", p.pattern) for i, p in enumerate(load_lexicon().patterns)
             if not p.is_phrase]
    found += [(f"context|{i}", r.pattern) for i, r in enumerate(load_context_rules()) if r.pattern is not None]
    found += [(f"offer|{i}", c.pattern) for i, c in enumerate(load_offer_cues()) if c.pattern is not None]
    return found


def devset_docs(limit: int | None = None) -> list:
    """The dev set's pages as Docs with the pipeline's tokens and sentence boundaries."""
    from clinicscan.nlp.html_text import html_to_text, plain_to_text
    from clinicscan.nlp.pipeline import shared_pipeline

    nlp = shared_pipeline()
    blocks = nlp.get_pipe("clinicscan_blocks")
    docs = []
    for page in sorted(DEVSET_PAGES.iterdir())[:limit]:
        content = page.read_text(encoding="utf-8", errors="replace")
        text = (plain_to_text(content) if page.suffix == ".txt" else html_to_text(content)).text
        docs.append(blocks(nlp.make_doc(text)))
    return docs


def run(rounds: int, limit: int | None) -> dict[str, float]:
    from spacy.matcher import Matcher

    from clinicscan.nlp.matching import TokenPatternMatcher
    from clinicscan.nlp.pipeline import shared_pipeline

    vocab = shared_pipeline().vocab
    patterns = token_patterns()
    docs = devset_docs(limit)
    ours, spacys = TokenPatternMatcher(vocab), Matcher(vocab)
    for key, pattern in patterns:
        ours.add(key, pattern)
        spacys.add(key, [pattern])

    def run_ours() -> int:
        count = 0
        for doc in docs:
            doc.user_data.pop("clinicscan_arrays", None)
            count += len(ours(doc))
        return count

    def run_spacy() -> int:
        return sum(len(spacys(doc)) for doc in docs)

    tokenizer = shared_pipeline().tokenizer
    texts = [doc.text for doc in docs]

    def run_tokenizer() -> int:
        return sum(len(tokenizer(text)) for text in texts)

    def timed(work) -> float:
        start = time.perf_counter()
        work()
        return time.perf_counter() - start

    our_matches, spacy_matches = run_ours(), run_spacy()  # warm-up, and the counts
    run_tokenizer()
    ours_s = spacy_s = tokenizer_s = float("inf")
    for _round in range(rounds):
        spacy_s = min(spacy_s, timed(run_spacy))
        ours_s = min(ours_s, timed(run_ours))
        tokenizer_s = min(tokenizer_s, timed(run_tokenizer))
    tokens = sum(len(doc) for doc in docs)
    return {"docs": len(docs), "tokens": tokens, "patterns": len(patterns),
            "ours_ms_per_doc": 1000 * ours_s / len(docs), "spacy_ms_per_doc": 1000 * spacy_s / len(docs),
            "tokenizer_ms_per_doc": 1000 * tokenizer_s / len(docs),
            "speedup": spacy_s / ours_s, "our_matches": our_matches, "spacy_matches": spacy_matches}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=5, help="alternating timed rounds; the best of each counts")
    parser.add_argument("--pages", type=int, default=None, help="only the first N dev-set pages")
    args = parser.parse_args()
    f = run(args.rounds, args.pages)
    print(f"{f['docs']} dev-set pages, {f['tokens'] / f['docs']:.0f} tokens a page, {f['patterns']} token patterns")
    print(f"spaCy Matcher:        {f['spacy_ms_per_doc']:8.2f} ms a page  ({f['spacy_matches']} matches)")
    print(f"TokenPatternMatcher:  {f['ours_ms_per_doc']:8.2f} ms a page  ({f['our_matches']} matches)")
    print(f"bare tokenizer:       {f['tokenizer_ms_per_doc']:8.2f} ms a page  (for scale)")
    print(f"ours is {f['speedup']:.1f}x faster")


if __name__ == "__main__":
    main()
