"""Phrase and token patterns that match however a page joins or signs their words: a hyphen or a space, "and" or
"&" or "+", "with" or "w/", "%" or "percent".

Writers hyphenate compounds at will: "stem-cell therapy", "a stem-cell clinic", "adult
stem-cells", "bone-marrow derived", "expanded in-vitro", "anti aging". spaCy's tokenizer splits
a hyphen between letters into a token of its own ("stem", "-", "cell"), so the phrase "stem
cell therapy" did not match "stem-cell therapy", and a page's reading changed with its
typography: hyphenating "stem cell" alone changed the reading of 8 of the 211 realworld tune
pages (the product quoted as "Stem-Cell" without its "Therapy", an explainer cue lost, three
seller decisions turned; `bench/invariance.py`).

``phrase_docs`` adds, for each phrase, the same words with spaces between two words turned
into hyphens (and such hyphens into spaces): every combination for up to three joints, else
each joint alone and all at once.
It also adds the phrase with its words written as the signs of data/lexicon/word_signs.json
("tingling & numbness", "treated w/ PRP", "approved by the F.D.A."). The quote is still the
page's own text: a match covers the page's tokens, hyphen included.
Token patterns have the same problem the other way round: a word written with a hyphen
(``{"LOWER": {"IN": ["risk-free", "pain-free"]}}``, ``{"LOWER": "fda-approved"}``) is one
value that no token can ever equal, because the page's "risk-free" is three tokens. The
lexicon held 128 such values. ``hyphenated_word_patterns`` gives the patterns that read each
of them as the page's tokens, hyphenated ("risk", "-", "free") and spaced ("risk", "free");
``TokenPatternMatcher.add`` adds them beside the pattern as written, lets a word test accept
its signs (``with_signs``: "and" also "&" and "+"), and one that accepts "%" accept "percent"
(and "per cent"), and the reverse (``with_percent``): "84 percent of cases" had its own,
looser pattern, so "20 percent of cases are inherited" was a success rate and "20% of cases"
was not.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import Iterable

from spacy.strings import hash_string
from spacy.tokens import Doc

from clinicscan.paths import lexicon_dir

__all__ = ["ALL_WAYS_UP_TO", "SPACED_PART_LETTERS", "WORD_SIGNS_FILE", "forget_pattern_chunks",
           "hyphen_variants", "hyphenated_word_patterns", "per_cent_patterns", "phrase_docs", "phrase_group_docs", "sign_variants",
           "token_pattern_spellings", "with_percent", "with_signs", "word_signs"]

#: a phrase with at most this many word joints gets every way of writing them ("cord-blood stem-cells" as well as
#: "cord-blood stem cells"); a longer one only each joint alone and all at once (2**joints - 1 variants would be many)
ALL_WAYS_UP_TO = 3


#: a hyphenated word is also read spaced only when both its parts are this long: "a-fib" spaced is "a fib" (a lie),
#: "so-called" spaced is "so called", "re-inject" "re inject"; "pain-free", "non-surgical", "anti-aging" are safe
SPACED_PART_LETTERS = 3


def _spaced_apart_is_safe(*parts: str) -> bool:
    return all(len(part) >= SPACED_PART_LETTERS for part in parts)


def hyphen_variants(doc: Doc) -> list[str]:
    """The phrase's texts with some of its word joints written the other way: "a b" <-> "a-b".

    A joint is a space between two alphabetic words, or a hyphen with no space on either side
    between two alphabetic words (where spaCy splits "stem-cell") whose parts are long enough
    to be read spaced (``SPACED_PART_LETTERS``). Digits and other tokens are
    left alone ("type 2 diabetes" has no joint; spaCy keeps "type-2" as one token anyway).
    """
    tokens = list(doc)
    joints: list[int] = []  # index of the token after which the joint lies (a space), or of the hyphen token
    for i in range(len(tokens) - 1):
        left, right = tokens[i], tokens[i + 1]
        if left.whitespace_ and left.is_alpha and right.is_alpha:
            joints.append(i)
        elif (left.text == "-" and not left.whitespace_ and i > 0 and right.is_alpha
              and tokens[i - 1].is_alpha and not tokens[i - 1].whitespace_
              and _spaced_apart_is_safe(tokens[i - 1].text, right.text)):
            joints.append(i)

    def written(turned: set[int]) -> str:
        pieces = []
        for i, token in enumerate(tokens):
            if i in turned and token.text == "-":
                pieces.append(" ")  # "in-vitro" -> "in vitro": the hyphen token becomes the space
                continue
            pieces.append(token.text)
            pieces.append("-" if i in turned else token.whitespace_)
        return "".join(pieces).strip()

    if len(joints) <= ALL_WAYS_UP_TO:
        chosen = [{j for k, j in enumerate(joints) if mask >> k & 1} for mask in range(1, 1 << len(joints))]
    else:
        chosen = [{joint} for joint in joints] + [set(joints)]
    return [written(turned) for turned in chosen]


def forget_pattern_chunks(tokenizer, texts: Iterable[str], keep: Iterable[str] = ()) -> None:
    """Drop from spaCy's tokenizer cache the chunks of ``texts`` that ``keep`` does not have.

    The tokenizer keeps at most ``max_cache_size`` (10,000) chunks and then caches nothing more.
    The variants are tens of thousands of texts: left in the cache they filled it before the first
    page, and every page was tokenized the slow way (17 times slower on a repeated text, the stage
    70% slower on the bench's pages). The phrases as written stay cached, as they always were
    (their words are the pages' words too).
    """
    reset = getattr(tokenizer, "_reset_cache", None)
    if reset is None:
        return
    kept = {chunk for text in keep for chunk in text.split()}
    reset([hash_string(chunk) for chunk in {chunk for text in texts for chunk in text.split()} - kept])


#: words a page also writes as a sign or with stops ("w/", "w/o", "F.D.A.", "P.R.P."), in data/lexicon
WORD_SIGNS_FILE = "word_signs.json"


@lru_cache(maxsize=1)
def word_signs() -> dict[str, tuple[str, ...]]:
    """Lower-case word -> the signs a page writes for it, as written ("with" -> ("w/",), "fda" -> ("F.D.A.",))."""
    path = lexicon_dir() / WORD_SIGNS_FILE
    if not path.exists():  # an older lexicon folder
        return {}
    signs = json.loads(path.read_text(encoding="utf-8"))["signs"]
    return {word.lower(): tuple(written) for word, written in signs.items()}


def sign_variants(doc: Doc) -> list[str]:
    """The phrase with one of its words that pages also write as a sign written so, everywhere in the phrase: one
    variant per word and sign ("treated with prp" -> "treated w/ prp", "treated with P.R.P."), not their mixtures.
    A key of two words is replaced whole ("symptoms such as" -> "symptoms e.g.")."""
    signs = word_signs()
    lowers = [token.lower_ for token in doc]
    out = []
    for word, written in signs.items():
        parts = word.split()
        width = len(parts)
        starts = [i for i in range(len(lowers) - width + 1) if lowers[i:i + width] == parts]
        if not starts:
            continue
        for sign in written:
            pieces, i = [], 0
            while i < len(doc):
                if i in starts:
                    pieces.append(sign + doc[i + width - 1].whitespace_)
                    i += width
                else:
                    pieces.append(doc[i].text + doc[i].whitespace_)
                    i += 1
            out.append("".join(pieces).strip())
    return out


def with_signs(pattern: list[dict]) -> list[dict]:
    """The pattern with every LOWER / NORM test that accepts a word of ``word_signs`` also accepting its signs
    (lower-cased, as LOWER compares): {"LOWER": "with"} -> {"LOWER": {"IN": ["with", "w/"]}}; one that excludes the
    word (NOT_IN) excludes its signs too ("regenerate" then anything but "and" is not "regenerate +")."""
    signs = word_signs()
    out = []
    for spec in pattern:
        if isinstance(spec, dict):
            for key in ("LOWER", "NORM"):
                value = spec.get(key)
                if isinstance(value, str):
                    value = {"IN": [value]}
                if not isinstance(value, dict) or not value.keys() & {"IN", "NOT_IN"}:
                    continue
                widened = dict(value)
                for test in ("IN", "NOT_IN"):
                    words = value.get(test)
                    if not isinstance(words, list):
                        continue
                    extra = [sign.lower() for word in words if isinstance(word, str) for sign in signs.get(word.lower(), ())]
                    extra = [sign for sign in dict.fromkeys(extra) if sign not in words]
                    if extra:
                        widened[test] = [*words, *extra]
                if widened != value:
                    spec = {**spec, key: widened}
        out.append(spec)
    return out


def phrase_docs(tokenizer, texts: Iterable[str], written: frozenset[str] = frozenset()) -> list[Doc]:
    """Docs for a PhraseMatcher key: each text, then its variants not already among them (case-blind) and not among
    ``written``, the lower-cased phrases as written under every key of the matcher: a variant never competes with a
    phrase as written ("knee-pain", a joint_pain phrase, spaced is "knee pain", written as knee_pain's own). The
    variants' own chunks are not left in the tokenizer's cache (``forget_pattern_chunks``)."""
    texts = list(texts)
    docs = list(tokenizer.pipe(texts))
    seen = {doc.text.lower() for doc in docs} | written
    extra: list[str] = []
    for doc in docs:
        for variant in hyphen_variants(doc) + sign_variants(doc):
            if variant.lower() not in seen:
                seen.add(variant.lower())
                extra.append(variant)
    if not extra:
        return docs
    docs += tokenizer.pipe(extra)
    forget_pattern_chunks(tokenizer, extra, keep=texts)
    return docs


def phrase_group_docs(tokenizer, groups: dict[str, list[str]]) -> dict[str, list[Doc]]:
    """``phrase_docs`` for each key of a matcher's phrases (key -> texts as written), in the keys' order: the one
    place the mentions, context-rule and offer-cue matchers get their phrase docs, every key's variants kept off the
    phrases written under the others."""
    written = frozenset(text.lower() for texts in groups.values() for text in texts)
    return {key: phrase_docs(tokenizer, texts, written) for key, texts in groups.items()}


_HYPHENATED = re.compile(r"^[^\W\d_]+(?:-[^\W\d_]+)+$")
_WORD_KEYS = ("LOWER", "ORTH", "TEXT", "NORM")


def hyphenated_word_patterns(pattern: list[dict]) -> list[list[dict]]:
    """Patterns that read the pattern's hyphenated word values ("risk-free") as the tokens a page has for them.

    For each token of the pattern that is one word test (LOWER, ORTH, TEXT or NORM: a string or an IN list) with no
    OP, its values made of letters joined by hyphens become the sequence "risk", "-", "free" and (when every part has
    ``SPACED_PART_LETTERS``) the sequence "risk", "free", in the pattern's place of that token. Values that differ only in their last part share one pattern
    ("fda-approved", "fda-cleared": "fda", "-", approved|cleared). The pattern itself is not repeated.
    """
    out: list[list[dict]] = []
    for i, spec in enumerate(pattern):
        if not isinstance(spec, dict) or len(spec) != 1:
            continue
        key, value = next(iter(spec.items()))
        if key not in _WORD_KEYS:
            continue
        values = [value] if isinstance(value, str) else value.get("IN", []) if isinstance(value, dict) and len(value) == 1 else []
        groups: dict[tuple[str, ...], list[str]] = {}
        for word in values:
            if isinstance(word, str) and _HYPHENATED.match(word):
                *head, last = word.split("-")
                groups.setdefault(tuple(head), []).append(last)
        for head, lasts in groups.items():
            tail = {key: lasts[0]} if len(lasts) == 1 else {key: {"IN": lasts}}
            words = [{key: part} for part in head]
            hyphenated = [piece for word in words for piece in (word, {"ORTH": "-"})] + [tail]
            out.append(pattern[:i] + hyphenated + pattern[i + 1:])
            spaced = [last for last in lasts if _spaced_apart_is_safe(*head, last)]
            if spaced:
                tail = {key: spaced[0]} if len(spaced) == 1 else {key: {"IN": spaced}}
                out.append(pattern[:i] + words + [tail] + pattern[i + 1:])
    return out


#: "%+" is a percent sign with a plus after it ("80%+ of patients"), split off its number by the tokenizer (pipeline.py)
_PERCENT = ["%", "percent", "pct", "%+"]


def with_percent(pattern: list[dict]) -> list[dict]:
    """The pattern with every test for "%" (ORTH or LOWER, alone or in an IN list) also accepting "percent" and "pct",
    and every test for "percent" accepting "%": "84%" and "84 percent" are one claim."""
    out = []
    for spec in pattern:
        if isinstance(spec, dict):
            for key in ("ORTH", "LOWER"):
                value = spec.get(key)
                if value in ("%", "percent"):
                    spec = {**{k: v for k, v in spec.items() if k != key}, "LOWER": {"IN": list(_PERCENT)}}
                elif isinstance(value, dict) and set(value) == {"IN"} and {"%", "percent"} & set(value["IN"]):
                    merged = [*value["IN"], *(w for w in _PERCENT if w not in value["IN"])]
                    spec = {**{k: v for k, v in spec.items() if k != key}, "LOWER": {"IN": merged}}
        out.append(spec)
    return out


def per_cent_patterns(pattern: list[dict]) -> list[list[dict]]:
    """The pattern with its percent test written as the two words "per cent" (British and Indian usage)."""
    out = []
    for i, spec in enumerate(pattern):
        value = spec.get("LOWER") if isinstance(spec, dict) else None
        if isinstance(value, dict) and "percent" in value.get("IN", ()) and set(spec) <= {"LOWER", "OP"}:
            out.append(pattern[:i] + [{"LOWER": "per"}, {"LOWER": "cent"}] + pattern[i + 1:])
    return out


def token_pattern_spellings(pattern: list[dict]) -> list[list[dict]]:
    """What ``TokenPatternMatcher.add`` adds for one pattern: it with "percent" for "%", then its
    hyphenated words spelled out and its percent as "per cent" (spaCy's Matcher given the same list finds the same
    matches)."""
    pattern = with_percent(pattern)
    spellings = [pattern, *hyphenated_word_patterns(pattern), *per_cent_patterns(pattern)]
    return [with_signs(spelling) for spelling in spellings]
