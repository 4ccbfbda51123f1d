"""Fast paths of the page-level readers (session 27, helper pagecost; docs/extract-cost.md) against the code they
replaced.

Each must give what the slower code gave, to the bit where floats are concerned, on the dev set's pages and on
strings that could tell them apart:

- the claim model: the cue groups from one case-sensitive scan of the lower-cased sentence (captures say which
  groups match where the union does), against the seven case-blind searches and session 25's per-group tries;
  the candidates' features built as value lists (dicts only where asked), against session 26's
  ``candidate_features``; the linear score from the list, against ``LinearModel.score`` of the dict and the
  generator it summed before;
- the international address reader: the UK/Canadian postcode scan skipped in a text where no digit follows a
  capital, against the scan;
- the treated-here FAQ's questions found from "?" to "?", against splitting the text in lines;
- the site-name reader's whole-word search over ``lower_text``, against ``str.lower``;
- the seller features with their names made once, against the names made per page, and the page's own-name
  count over ``lower_text``, against ``str.lower``;
- the blocks component with ``nonzero()[0]``, against ``numpy.flatnonzero``;
- HTML to text's one ``css_first("h1, main, article")`` for a navigation candidate, against the two calls it
  replaced.
"""

from __future__ import annotations

import math
import random
from functools import lru_cache

import numpy
import pytest
from spacy.attrs import IDX, ORTH, SENT_START
from spacy.tokens import Doc

import clinicscan.nlp.matching as matching
from clinicscan.nlp import claim_model, seller_features, site_name
from clinicscan.nlp.analyse import analyse_page
from clinicscan.nlp.claim_model import CELL_SOURCES, COUNTED_CONTEXTS
from clinicscan.nlp.components.blocks import _CAPITAL, _ELLIPSIS, _FINAL, _NEWLINE, _PUNCT, BlocksComponent
from clinicscan.nlp.contacts import intl_addresses
from clinicscan.nlp.linear_model import LinearModel
from clinicscan.nlp.matching import TokenArrays
from clinicscan.nlp.pipeline import shared_pipeline
from clinicscan.nlp.treated_here import load_treated_here
from devset_texts import DEVSET_PAGES, devset_texts, is_html


@lru_cache(maxsize=1)
def devset_analyses() -> tuple:
    """Each dev set page's analysis (its claims with their sections, title and text)."""
    return tuple(analyse_page(p.read_text(encoding="utf-8", errors="replace"), is_html=is_html(p))
                 for p in sorted(DEVSET_PAGES.iterdir()) if p.is_file())


# ------------------------------------------------------------------ the claim model

def reference_candidate_features(claims, title_length: int = 0,
                       text_length: int = 0, title: str = "") -> dict[tuple[str, str], dict[str, float]]:
    """``candidate_features`` as session 26 wrote it (main 0a01d35), the seven searches for the cue groups."""
    name = claim_model.site_name(title) if title else ""
    kinds_in_sentence: dict[int, set[str]] = {}
    ids_in_sentence: dict[tuple[int, str], set[str]] = {}
    counted_of: dict[tuple[str, str], list] = {}
    negated_of: dict[tuple[str, str], int] = {}
    reported_of: dict[tuple[str, str], int] = {}
    last_end = 1
    for c in claims:
        kind, start = c.kind, c.sent_start
        kinds_in_sentence.setdefault(start, set()).add(kind)
        ids_in_sentence.setdefault((start, kind), set()).add(c.vocab_id)
        last_end = max(last_end, c.sent_end)
        if kind == "red_flag" or c.section == "nav" or (name and name in c.sentence and claim_model._in_name(c, name)):
            continue
        key = (kind, c.vocab_id)
        context = c.context
        if context in COUNTED_CONTEXTS:
            counted_of.setdefault(key, []).append(c)
        elif context == "negated":
            negated_of[key] = negated_of.get(key, 0) + 1
        elif context == "reported":
            reported_of[key] = reported_of.get(key, 0) + 1
    counted_per_kind: dict[str, int] = {}
    ids_per_kind: dict[str, int] = {}
    top: dict[str, int] = {}
    for (kind, _vid), rows in counted_of.items():
        counted_per_kind[kind] = counted_per_kind.get(kind, 0) + len(rows)
        ids_per_kind[kind] = ids_per_kind.get(kind, 0) + 1
        top[kind] = max(top.get(kind, 0), len(rows))
    length = max(1, text_length or last_end)
    cues_of: dict[int, tuple[str, ...]] = {}
    out: dict[tuple[str, str], dict[str, float]] = {}
    for key, counted in counted_of.items():
        kind, vocab_id = key
        n = len(counted)
        other_kind = "product_type" if kind == "condition" else "condition"
        title = heading = listed = hedged = with_other = red = crowded = clean = 0
        questions = 0
        first = length
        tallies: dict[str, int] = {}
        for c in counted:
            start = c.sent_start
            if c.start < first:
                first = c.start
            if title_length and c.start < title_length:
                title = 1
            elif not heading and claim_model._is_heading(c):
                heading = 1
            if c.section == "list":
                listed = 1
            if c.context == "hedged":
                hedged += 1
            here = kinds_in_sentence[start]
            if other_kind in here:
                with_other += 1
            if "red_flag" in here:
                red = 1
            if len(ids_in_sentence[(start, kind)]) >= 3:
                crowded += 1
            if c.sentence.endswith("?") and c.context_cue != "answered yes":  # answered: the answer claims it
                questions += 1
            cues = cues_of.get(start)
            if cues is None:
                cues = cues_of[start] = claim_model._sentence_cues_searched(c.sentence)
            for name in cues:
                tallies[name] = tallies.get(name, 0) + 1
            if not clean and ("own" in cues or "treat" in cues) and claim_model._NOT_CLEAN.isdisjoint(cues):
                clean = 1
        f: dict[str, float] = {
            f"id={vocab_id}": 1.0,
            "log_counted": math.log1p(n),
            "log_negated": math.log1p(negated_of.get(key, 0)),
            "log_reported": math.log1p(reported_of.get(key, 0)),
            "share": n / counted_per_kind[kind],
            "top": 1.0 if n == top[kind] else 0.0,
            "log_ids_of_kind": math.log1p(ids_per_kind[kind]),
            "title": float(title), "heading": float(heading), "list": float(listed),
            "hedged_share": hedged / n, "first_position": first / length,
            "with_other_kind": 1.0 if with_other else 0.0, "with_other_kind_share": with_other / n,
            "with_red_flag": float(red), "crowded_share": crowded / n,
            "clean": float(clean), "question": 1.0 if questions == n else 0.0,
        }
        for name in claim_model._CUES:
            hits = tallies.get(name, 0)
            f[f"any_{name}"] = 1.0 if hits else 0.0
            f[f"share_{name}"] = hits / n
        out[key] = f
    # "stem cells" with no source named anywhere is the page's own unspecified product; with one named, not
    unspecified = out.get(("product_type", "unspecified_stem_cell"))
    if unspecified is not None:
        named = any(kind == "product_type" and vid in CELL_SOURCES for kind, vid in out)
        unspecified["no_source_named"] = 0.0 if named else 1.0
    return out



#: sentences where the lower-cased scan could go wrong: text that does not lower safely (the Kelvin sign, the long s,
#: dotted and dotless i, German and Greek capitals), the bullet, groups at the ends, several groups at one place
CUE_PROBES = [
    "", "we", "We treat knees.", "WE TREAT KNEES", "retreatment", "untreated", "Treatments", "the study", "STUDIED",
    "Our therapy repairs tissue", "caused by", "because", "signs", "designs", "et al", "vs", "vsx", "stem cells are",
    "Stem Cell Can", "the body", "thebody", "\u0130nject", "\u0131nject", "\u017ftudy", "\u212aits", "ours!",
    "\u00dcBER our", "\u00fcber uns", "\u0391\u0392 our data", "doi:10.1/x", "data-driven", "compared with PRP",
    "rather than surgery", "\u2022 We inject knees", "\u2022 Knees \u2022 hips", "providers", "they provide",
    "lead to", "LEADS TO", "results in", "resulting from", "characterised", "due to", "such as", "I'm", "we've",
    "Differentiate naturally from the body's own cells, unlike other clinics' research",
]


def test_sentence_cues_equal_the_seven_searches_and_the_tries_on_the_dev_set():
    sentences = {c.sentence for a in devset_analyses() for c in a.claims}
    sentences.update(line for text in devset_texts() for line in text.split("\n") if line.strip())
    assert len(sentences) > 2000
    found = set()
    for sentence in sorted(sentences):
        fast = claim_model._sentence_cues.__wrapped__(sentence)
        assert fast == claim_model._sentence_cues_searched(sentence) == claim_model._sentence_cues_tried(sentence), \
            sentence
        found.update(fast)
    assert found == set(claim_model._CUES)


@pytest.mark.parametrize("sentence", CUE_PROBES)
def test_sentence_cues_equal_the_seven_searches_on_probes(sentence):
    for text in (sentence, sentence.upper(), sentence.title()):
        assert claim_model._sentence_cues.__wrapped__(text) == claim_model._sentence_cues_searched(text)


def test_the_cue_scan_reads_the_lower_cased_sentence_with_one_regex(monkeypatch):
    """No group is tried on its own where the sentence lowers safely; the tries where it does not."""
    tried = []
    monkeypatch.setattr(claim_model, "_sentence_cues_tried", lambda s: tried.append(s) or ())
    assert claim_model._sentence_cues.__wrapped__("We inject knees; studies differ.") == ("own", "treat", "research")
    assert tried == []
    assert claim_model._WHICH_CUE.flags & 2 == 0  # not re.IGNORECASE
    claim_model._sentence_cues.__wrapped__("The \u212aelvin sign")
    assert tried == ["The \u212aelvin sign"]


def test_candidate_features_equal_session_26s_on_the_dev_set():
    """The same keys, and per key the same names in the same order with the same values, to the bit."""
    pages = candidates = 0
    for analysis in devset_analyses():
        args = (analysis.claims, len(analysis.title), len(analysis.text), analysis.title)
        new, old = claim_model.candidate_features(*args), reference_candidate_features(*args)
        assert list(new) == list(old)
        for key in old:
            assert [(n, repr(v)) for n, v in new[key].items()] == [(n, repr(v)) for n, v in old[key].items()], key
        pages += bool(old)
        candidates += len(old)
    assert pages > 50 and candidates > 300
    assert any(("product_type", "unspecified_stem_cell") in claim_model.candidate_features(
        a.claims, len(a.title), len(a.text), a.title) for a in devset_analyses())


def _generator_score(model: LinearModel, features: dict) -> float:
    """``LinearModel.score`` as it was: a generator of products summed."""
    weights = model.weights
    return model.bias + sum(weights.get(name, 0.0) * value for name, value in features.items())


def test_the_scores_from_value_lists_equal_the_dict_scores_to_the_bit_on_the_dev_set():
    models = claim_model.load_claim_models()
    decided = 0
    for analysis in devset_analyses():
        args = (analysis.claims, len(analysis.title), len(analysis.text), analysis.title)
        rows = claim_model._candidate_rows(*args)
        features = reference_candidate_features(*args)
        assert list(rows) == list(features)
        for (kind, vocab_id), values in rows.items():
            model = models[kind]
            score = claim_model._score(model, vocab_id, values)
            assert repr(score) == repr(model.score(features[(kind, vocab_id)])) \
                == repr(_generator_score(model, features[(kind, vocab_id)]))
            assert model.decide_score(score) is model.decide(features[(kind, vocab_id)])
            decided += 1
        chosen = claim_model.claimed_ids(analysis.claims, len(analysis.title), len(analysis.text), models,
                                         analysis.title)
        expected = {kind: {vid for (k, vid), f in features.items() if k == kind and models[kind].decide(f)}
                    for kind in claim_model.CANDIDATE_KINDS}
        assert chosen == expected
    assert decided > 300


def test_linear_score_equals_the_generator_sum_on_random_features():
    rng = random.Random(27)
    for _ in range(300):
        names = [f"f{i}" for i in range(rng.randint(0, 40))]
        model = LinearModel("m", rng.uniform(-3, 3), {n: rng.uniform(-5, 5) for n in names if rng.random() < 0.7})
        features = {n: rng.choice([0.0, 1.0, -0.0, rng.uniform(-2, 2), 1e-300, 1e300]) for n in names}
        features["unknown"] = rng.uniform(-1, 1)
        assert repr(model.score(features)) == repr(_generator_score(model, features))
        assert model.probability_of_score(model.score(features)) == model.probability(features)


def test_a_new_model_object_gets_its_own_row_weights():
    models = claim_model.load_claim_models()
    model = models["condition"]
    row = [1.0] * (len(claim_model.FEATURE_NAMES) + 1)
    first = claim_model._score(model, "knee_osteoarthritis", row)
    other = LinearModel(model.name, model.bias + 1.0, dict(model.weights), model.threshold)
    assert claim_model._score(other, "knee_osteoarthritis", row) == first + 1.0
    assert claim_model._score(model, "knee_osteoarthritis", row) == first


# ------------------------------------------------------------------ the international address reader

POSTCODE_PROBES = [
    "", "12 Harley Street, London W1G 9PF, United Kingdom", "Toronto ON M5V 2T6", "SW1A 1AA", "sw1a 1aa",
    "Call 555 0143 today", "COVID-19 and H1N1", "Suite B2, 4th floor", "x" * 3000 + " EC1A 1BB", "\u2022 W1G 9PF",
    "A1 steak sauce", "the M25", "W1G9PF", "Canada K1A 0B1.", "\u00c91 9AA",
]


@pytest.mark.parametrize("text", POSTCODE_PROBES)
def test_the_postcode_scan_is_skipped_only_where_it_finds_nothing(text):
    found = [(m.start(), m.end(), m.lastgroup) for m in intl_addresses._alone_matches(text)]
    assert found == [(m.start(), m.end(), m.lastgroup) for m in intl_addresses._alone_regex().finditer(text)]


def test_the_postcode_scan_on_the_dev_set_texts():
    assert intl_addresses._alone_needs_capital_digit()
    skipped = 0
    for text in devset_texts():
        found = [(m.start(), m.end(), m.lastgroup) for m in intl_addresses._alone_matches(text)]
        assert found == [(m.start(), m.end(), m.lastgroup) for m in intl_addresses._alone_regex().finditer(text)]
        skipped += intl_addresses._CAPITAL_DIGIT.search(text) is None
    assert skipped > 10


def test_a_shape_not_led_by_capitals_and_a_digit_keeps_the_scan(monkeypatch):
    for shape in (r"[0-9]{5}", r"[A-Z]{2} [0-9]{3}", r"[A-Z][0-9]|[0-9]{4}", r"(?:[a-z][0-9])"):
        assert not intl_addresses._CAPITAL_THEN_DIGIT_SHAPE.fullmatch(shape), shape
    for shape in (r"(?:[A-PR-UWYZ][A-HK-Y]?[0-9][A-Z0-9]?) ?[0-9][ABD-HJLNP-UW-Z]{2}",
                  r"[ABCEGHJ-NPRSTVXY][0-9][ABCEGHJ-NPRSTV-Z] ?[0-9][ABCEGHJ-NPRSTV-Z][0-9]"):
        assert intl_addresses._CAPITAL_THEN_DIGIT_SHAPE.fullmatch(shape), shape


# ------------------------------------------------------------------ the treated-here FAQ's questions

QUESTION_PROBES = ["", "?", "?\n", "a?", "\n?", "Is it safe?\nYes? no?\n?x? y?", "x\n\n?abc? d\nHow long? And more?",
                   "ok?\n", "no line break at the end? x", "\u2022 Will I need a driver? Yes.\n\nHow many sessions?",
                   "  Can I   drive home afterwards ?  \n" * 3]


def test_questions_equal_the_line_by_line_reading():
    reader = load_treated_here()
    texts = list(devset_texts()) + QUESTION_PROBES
    asked = 0
    for text in texts:
        assert reader.questions(text) == reader._questions_by_line(text), text[:80]
        asked += len(reader._questions_by_line(text))
    assert asked > 50


# ------------------------------------------------------------------ the site-name reader's whole words

def _reference_said(text: str, words: tuple[str, ...]) -> str:
    """``site_name._said`` as it was: ``str.lower`` of the whole text."""
    lower = text.lower()
    for word in words:
        at = lower.find(word)
        while at >= 0:
            end = at + len(word)
            if (at == 0 or not lower[at - 1].isalnum()) and (end == len(lower) or not lower[end].isalnum()) \
                    and not text[at].islower():
                return word
            at = lower.find(word, end)
    return ""


SAID_PROBES = [
    ("Welcome to Kestrel Spine", ("kestrel",)), ("kestrel spine", ("kestrel",)), ("Kestrelwood", ("kestrel",)),
    ("\u2022Kestrel\u2022", ("kestrel",)), ("\u2022 KESTREL", ("kestrel",)), ("Cl\u00ednica Aurora", ("cl\u00ednica", "aurora")),
    ("CL\u00cdNICA AURORA", ("cl\u00ednica",)), ("\u0130stanbul Kestrel", ("kestrel",)), ("\u212aestrel", ("kestrel",)),
    ("the kestrel, Kestrel.", ("kestrel",)), ("", ("kestrel",)), ("Harbor\u2014Kestrel", ("harbor", "kestrel")),
]


@pytest.mark.parametrize("text, words", SAID_PROBES)
def test_said_equals_the_str_lower_reading(text, words):
    assert site_name._said(text, words) == _reference_said(text, words)


def test_said_on_the_dev_set_texts():
    for text in devset_texts():
        for words in (("clinic", "health"), ("stem",), ("regenerative", "institute")):
            assert site_name._said(text, words) == _reference_said(text, words)


# ------------------------------------------------------------------ the seller features

def reference_read(self, arrays, evidence, title: str, main_end: int, main_text: str = "") -> list[float]:
    """``FeatureReader.read`` as main 0a01d35 wrote it (feature names made per page)."""
    values: dict[str, float] = {"rule_score": max(-15.0, min(15.0, evidence.score)) / 5.0}
    words = max(main_end, seller_features.MIN_RATE_TOKENS)
    for kind in seller_features.PAGE_KINDS:
        values[f"cue_{kind}"] = math.log1p(evidence.cue_weight.get(kind, 0.0))
    values["products"] = math.log1p(evidence.products)
    values["products_counted_share"] = evidence.counted / evidence.products if evidence.products else 0.0
    values["products_reported_share"] = evidence.reported / evidence.products if evidence.products else 0.0
    values["own_product"] = 1.0 if evidence.own else 0.0
    values["declined_product"] = 1.0 if evidence.declined else 0.0
    values["no_product"] = 0.0 if evidence.counted else 1.0
    counts = self._group_counts(arrays, main_end)
    for bit, group in enumerate(self.text_groups):
        count = int(counts[bit])
        values[f"count_{group}"] = math.log1p(count)
        values[f"rate_{group}"] = 100.0 * count / words
    org_words = seller_features._organisation_words(title)
    for group, vocabulary in self.title_groups.items():
        values[f"org_{group[len('title_'):]}"] = 1.0 if org_words & vocabulary else 0.0
    values["org_named_in_text"] = math.log1p(self._own_name_count(title, main_text))
    values["we_with_research"] = values["rate_we"] * values["rate_research"] if "rate_research" in values else 0.0
    values["we_with_news"] = values["rate_we"] * values["rate_news"] if "rate_news" in values else 0.0
    return [values[name] for name in self.names]


def test_seller_features_equal_the_names_made_per_page_on_the_dev_set():
    nlp = shared_pipeline()
    offer = nlp.get_pipe("clinicscan_offer")
    reader = offer.features
    calls = []
    saved = reader.read
    reader.read = lambda *args: calls.append(args) or saved(*args)
    try:
        for text in devset_texts()[:80]:
            doc = nlp.make_doc(text)
            for _name, component in nlp.pipeline:
                doc = component(doc)
    finally:
        reader.read = saved
    assert len(calls) >= 60
    for args in calls:
        assert [repr(v) for v in reader.read(*args)] == [repr(v) for v in reference_read(reader, *args)]


# ------------------------------------------------------------------ the blocks component

class ReferenceBlocks(BlocksComponent):
    """The component as main 0a01d35 wrote it, with ``numpy.flatnonzero``."""

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if n == 0:
            return doc
        table = doc.to_array([ORTH, IDX])
        orth = table[:, 0]
        words = matching.WORDS.ids(orth)
        self._vocab = doc.vocab
        # each word's lower-case form from a table: cheaper than the LOWER column of to_array
        arrays = TokenArrays(doc, columns=(orth, self._lower.lookup(words), table[:, 1]), starts=[0])
        arrays._word_ids, arrays._word_generation = words, matching.WORDS.generation
        bits = self._flags.lookup(words)
        is_newline = (bits & _NEWLINE).astype(bool)
        # the blocks: lines start sentences, line breaks and the token after a bullet do not
        flags = numpy.zeros(n, dtype="int64")
        flags[is_newline] = -1
        after = numpy.flatnonzero(is_newline[:-1]) + 1
        after = after[~is_newline[after]]
        flags[after] = 1
        flags[0] = 1
        starts = numpy.flatnonzero(flags == 1)
        bulleted = starts[(orth[starts] == self.bullet) & (starts + 1 < n)]
        flags[bulleted + 1] = -1
        # the sentencizer's rule where the blocks leave a token unset: a token that is neither
        # punctuation nor sentence-final starts a sentence when a sentence-final character
        # stands between it and the previous such token
        final = (bits & _FINAL).astype(bool)
        # an ellipsis before a capital ends a sentence ("Results in weeks... Our team calls you")
        ellipses = numpy.flatnonzero(bits[:-1] & _ELLIPSIS)
        if len(ellipses):
            final[ellipses[(bits[ellipses + 1] & _CAPITAL) != 0]] = True
        self._et_al(orth, arrays.lower_np, final, n)
        self._number_abbreviation(orth, arrays.lower_np, final, n)
        plain = numpy.flatnonzero((bits & (_FINAL | _PUNCT)) == 0)
        finals_before = numpy.concatenate(([0], numpy.cumsum(final)))
        previous = numpy.concatenate(([-1], plain[:-1]))
        guessed = plain[finals_before[plain] - finals_before[previous + 1] > 0]
        guess = numpy.full(n, -1, dtype="int64")
        guess[0] = 1
        guess[guessed] = 1
        flags = numpy.where(flags != 0, flags, guess)
        doc.from_array([SENT_START], flags.reshape(-1, 1).astype("uint64"))
        arrays.starts = numpy.flatnonzero(flags == 1).tolist()
        doc.user_data["clinicscan_arrays"] = arrays
        return doc

    def _et_al(self, orth, lower, final, n: int) -> None:
        """Clear the sentence-final flag of the "." in "et al." unless a sentence opener follows."""
        als = numpy.flatnonzero(lower[1:n - 1] == self._al) + 1
        if not len(als):
            return
        als = als[(lower[als - 1] == self._et) & (orth[als + 1] == self._dot)]
        for at in als.tolist():
            after = at + 2
            while after < n and final[after]:
                after += 1
            if after < n and int(lower[after]) in self._openers:
                continue
            final[at + 1] = False


    def _number_abbreviation(self, orth, lower, final, n: int) -> None:
        """Clear the sentence-final flag of the "." in "no. 22/041" after a word ("Licence no. 22")."""
        nos = numpy.flatnonzero(lower[1:n - 2] == self._no) + 1
        if not len(nos):
            return
        strings = self._vocab.strings
        for at in nos[orth[nos + 1] == self._dot].tolist():
            before, after = strings[int(orth[at - 1])], strings[int(orth[at + 2])]
            if before.isalpha() and any(c.isdigit() for c in after):
                final[at + 1] = False


def test_blocks_equal_the_flatnonzero_reading_on_the_dev_set():
    nlp = shared_pipeline()
    component = nlp.get_pipe("clinicscan_blocks")
    reference = ReferenceBlocks(nlp, "reference")
    for text in list(devset_texts()) + ["", "x", "Lee et al. showed it. We treat knees... Our team calls you",
                                         "Licence no. 22/041 issued. Do I need surgery? No. 9 of 10 do not.",
                                         "\u2022 Knees\n\n\u2022 Hips\n\nThe end"]:
        new, old = component(nlp.make_doc(text)), reference(nlp.make_doc(text))
        assert [t.is_sent_start for t in new] == [t.is_sent_start for t in old]
        a, b = TokenArrays.of(new), TokenArrays.of(old)
        if len(new):
            assert (a.starts, a.orth, a.lower, a.idx) == (b.starts, b.orth, b.lower, b.idx)


def _reference_own_name_count(reader, title: str, main_text: str) -> int:
    """``FeatureReader._own_name_count`` as it was: ``str.lower`` of the whole main text."""
    generic = reader._generic_words
    words = [w for w in seller_features._organisation_words(title) if len(w) > 3 and w not in generic and w.isalpha()]
    if not words or not main_text:
        return 0
    body = main_text.lower()
    first = body.find("\n")
    body = body[first + 1:] if first >= 0 else body
    return max(body.count(w) for w in words)


OWN_NAME_PROBES = [
    ("Knee Pain | Kestrel Spine Institute", "Kestrel Spine\n\u2022 Kestrel treats knees.\n\nAt KESTREL we care."),
    ("Knee Pain | Kestrel Spine Institute", "Title line Kestrel\nno name here"),
    ("Cl\u00ednica Aurora", "Cl\u00ednica Aurora\nCL\u00cdNICA AURORA y Cl\u00ednica aurora"),
    ("Home - \u212aestrel Health", "x\n\u212aestrel and kestrel"), ("\u0130zmir Kestrel", "t\n\u0130zmir kestrel \u2022"),
    ("Kestrel", ""), ("Kestrel", "no newline kestrel kestrel"),
]


@pytest.mark.parametrize("title, text", OWN_NAME_PROBES)
def test_own_name_count_equals_the_str_lower_count(title, text):
    reader = shared_pipeline().get_pipe("clinicscan_offer").features
    assert reader._own_name_count(title, text) == _reference_own_name_count(reader, title, text)


def test_own_name_count_on_the_dev_set():
    reader = shared_pipeline().get_pipe("clinicscan_offer").features
    counted = 0
    for analysis in devset_analyses():
        got = reader._own_name_count(analysis.title, analysis.text)
        assert got == _reference_own_name_count(reader, analysis.title, analysis.text)
        counted += got > 0
    assert counted > 10


# ------------------------------------------------------------------ HTML to text: one selector for two

def test_one_selector_finds_an_h1_main_or_article_where_two_did():
    from selectolax.lexbor import LexborHTMLParser

    from clinicscan.nlp import html_text

    asked = found = 0
    pages = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(DEVSET_PAGES.iterdir()) if is_html(p)]
    pages.append("<body><header><h1>T</h1></header><footer><article>x</article></footer><aside><main>m</main></aside>"
                 "<nav><h2>n</h2></nav><header>plain</header></body>")
    for html in pages:
        parser = LexborHTMLParser(html)
        for node in (parser.body.css(html_text._NAV_CANDIDATES) if parser.body is not None else []):
            two = node.css_first("h1") is not None or node.css_first("main, article") is not None
            assert (node.css_first("h1, main, article") is not None) is two
            asked += 1
            found += two
    assert asked > 200 and found > 3
