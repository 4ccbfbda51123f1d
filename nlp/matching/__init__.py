"""Token-pattern matching that only looks where a match can be (used in place of spaCy's Matcher).

Why not spaCy's ``Matcher``: it evaluates every pattern's token predicates (IN sets, REGEX,
LIKE_NUM) in Python at every token. Measured by ``bench/matcher.py`` (the pipeline's 191
token patterns on the 172 dev-set pages, 322 tokens a page, one run, best of 5 alternating
rounds, 2-core shared machine, 2026-12-06): spaCy's Matcher 16.0 ms a page, 70 times the
bare tokenizer on the same text; this matcher 0.20 ms a page, including reading the token
columns (78x faster; 65x in an earlier, busier run).

How: every pattern is tried only around its *anchor*, its most selective required word
(``anchors``), found for the whole page with one numpy gather over per-word tables
(``words``); a hit is dropped at once when a required word that must stand a token or two
from the anchor is absent. Token values come from ``doc.to_array`` columns (``arrays``), so
no Token objects are made. Patterns without an anchor word (a REGEX-only cue) test their
first token once per distinct word.

Same dict syntax as the Matcher, a subset (``predicates``): LOWER / ORTH / TEXT / NORM with a
string or IN / NOT_IN / REGEX; LIKE_NUM; IS_PUNCT; ``{}``; OP ``?``, ``*``, ``+``. Anything
else raises ValueError naming it. Differences from spaCy's Matcher, on purpose:

* ``*`` and ``+`` take at most ``STAR_LIMIT`` (8) tokens (``TokenPatternMatcher(star_limit=)``
  to change it), which bounds how far before an anchor a match can start;
* no match crosses a sentence boundary (a claim never runs across sentences or blocks);
* one match per pattern and start token, the longest (spaCy reports every length that
  matches, e.g. with and without an ``?`` token): the search is greedy with backtracking,
  which finds the longest for every pattern of the shipped data;
* ``TokenPatternMatcher(doc, ranges)`` searches only inside the given token ranges;
* a word value written with a hyphen ("risk-free", which spaCy's tokenizer never leaves whole) is
  also read as the page's tokens, "risk", "-", "free" and "risk", "free", and a test that accepts
  "and" also accepts "&" (``phrase_variants.token_pattern_spellings``; per start, the longest
  match of a pattern's spellings is reported);
* the words of a LOWER / NORM string, IN or NOT_IN are lower-cased (spaCy compares them
  as written, so ``{"LOWER": {"IN": ["Knee"]}}`` never matches there), and NORM is read as
  LOWER (spaCy's NORM also applies the language's norm exceptions);
* no OP ``!`` or ``{n,m}``, no other token attributes, no callbacks, greedy or as_spans.

``tests/test_nlp_matching.py`` checks that both report the same matches on every dev-set
page with every token pattern of the pipeline, modulo these differences (on the dev set
spaCy finds 2,564: 6 cross sentences, 22 are shorter ones at a start, the cap is never hit).
"""

from clinicscan.nlp.matching import words  # noqa: I001  (first: the modules below read words.WORDS)
from clinicscan.nlp.matching.words import WORDS, WordIndex, WordTable
from clinicscan.nlp.matching.arrays import TokenArrays, sentence_ranges, sentence_ranges_of, sentence_starts
from clinicscan.nlp.matching.anchors import STAR_LIMIT, pattern_anchors
from clinicscan.nlp.matching.matcher import TokenPatternMatcher
from clinicscan.nlp.matching.phrase_variants import forget_pattern_chunks, phrase_docs, phrase_group_docs

__all__ = ["STAR_LIMIT", "TokenArrays", "TokenPatternMatcher", "WORDS", "WordIndex", "WordTable",
           "forget_pattern_chunks", "pattern_anchors", "phrase_docs", "phrase_group_docs", "sentence_ranges",
           "sentence_ranges_of", "sentence_starts", "words"]
