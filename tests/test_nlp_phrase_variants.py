"""A page reads the same however its words are joined: "stem-cell therapy" / "stem cell therapy", "&" / "and".

Our own wording throughout; bench/invariance.py measures the same on the realworld pages.
"""

from __future__ import annotations

import pytest
import spacy

from clinicscan.nlp.matching.phrase_variants import (hyphen_variants, hyphenated_word_patterns, sign_variants,
                                                     per_cent_patterns, phrase_docs, with_percent, with_signs)
from clinicscan.nlp.pipeline import shared_pipeline
from tests.claim_probe import counted

_TOKENIZER = spacy.blank("en").tokenizer


@pytest.mark.parametrize(("phrase", "variants"), [
    ("stem cell therapy", ["stem-cell therapy", "stem cell-therapy", "stem-cell-therapy"]),
    ("in vitro", ["in-vitro"]),
    ("in-vitro", []),  # "in" is too short to stand apart: "a-fib" spaced would be "a fib" (a lie)
    ("non-surgical", ["non surgical"]),
    ("anti-aging facial", ["anti aging facial", "anti-aging-facial", "anti aging-facial"]),
    ("cord blood stem cells", ["cord-blood stem cells", "cord blood-stem cells", "cord blood stem-cells",
                               "cord-blood-stem cells", "cord-blood stem-cells", "cord blood-stem-cells",
                               "cord-blood-stem-cells"]),
    ("type 2 diabetes", []),  # a digit is no word joint ("type-2" stays one token)
    ("parkinson's disease", []),  # nor is "'s"
    ("knee", []),
])
def test_variants_turn_every_combination_of_joints(phrase, variants):
    assert sorted(hyphen_variants(_TOKENIZER(phrase))) == sorted(variants)


def test_phrase_docs_keep_the_written_phrases_first_and_add_each_variant_once():
    docs = phrase_docs(_TOKENIZER, ["stem cell", "Stem-Cell", "bone marrow"])
    assert [d.text for d in docs] == ["stem cell", "Stem-Cell", "bone marrow", "bone-marrow"]


def _quotes(text: str, kind: str) -> set[str]:
    doc = shared_pipeline()(text)
    return {doc.text[c.start:c.end] for c in doc._.clinicscan_claims if c.kind == kind}


@pytest.mark.parametrize(("text", "quote"), [
    ("Our stem-cell therapy treats knee osteoarthritis.", "stem-cell therapy"),
    ("We offer adult stem-cells for back pain.", "adult stem-cells"),
    ("Our cord-blood stem cells are given for autism.", "cord-blood stem cells"),
])
def test_a_hyphenated_product_is_quoted_whole(text, quote):
    assert quote in _quotes(text, "product_type")


@pytest.mark.parametrize("spaced", [
    "Our stem cell therapy treats knee osteoarthritis.",
    "We offer adult stem cells for back pain.",
    "Our cord blood stem cells are given for autism.",
    "We offer bone marrow derived stem cell injections for sciatica.",
])
def test_hyphenating_a_compound_keeps_the_reading(spaced):
    hyphenated = spaced.replace("stem cell", "stem-cell").replace("cord blood", "cord-blood").replace(
        "bone marrow", "bone-marrow")
    for kind in ("condition", "product_type"):
        assert counted(hyphenated, kind) == counted(spaced, kind)


def test_an_explainer_heading_counts_hyphenated_too():
    text = ("What are stem-cells? Stem cells are the body's raw materials, and they are studied for many diseases. "
            "Book a consultation with us today.")
    assert any(cue.startswith("-what are stem cells") for cue in shared_pipeline()(text)._.clinicscan_offer.cues)


@pytest.mark.parametrize("made", ["expanded in vitro", "expanded in-vitro", "cultured in vitro"])
def test_how_the_cells_are_made_is_not_research_framing(made):
    text = (f"We treat knee osteoarthritis with your own stem cells, which are {made} in our laboratory "
            "before the injection.")
    assert counted(text, "condition") == {"osteoarthritis"}


@pytest.mark.parametrize("study", ["In vitro studies show", "In-vitro studies show"])
def test_in_vitro_studies_stay_research(study):
    assert counted(f"{study} that stem cells repair knee osteoarthritis.", "condition") == set()


def test_a_long_phrase_gets_each_joint_alone_and_all_at_once():
    variants = hyphen_variants(_TOKENIZER("bone marrow derived mesenchymal stem cells"))
    assert len(variants) == 5 + 1
    assert "bone-marrow derived mesenchymal stem cells" in variants
    assert "bone-marrow-derived-mesenchymal-stem-cells" in variants


@pytest.mark.parametrize(("phrase", "variant"), [
    ("tingling and numbness", ["tingling & numbness", "tingling + numbness"]),
    ("knee pain", []),
])
def test_and_is_also_written_as_an_ampersand(phrase, variant):
    assert sign_variants(_TOKENIZER(phrase)) == variant


def test_every_phrase_written_with_an_ampersand_is_also_written_with_and():
    """Variants go from a word to its sign only: a phrase the lexicon writes with "&" needs its "and" form too."""
    from clinicscan.nlp.lexicon import load_lexicon

    written = {p.pattern.lower() for p in load_lexicon().patterns if p.is_phrase}
    assert {text for text in written if " & " in text and text.replace(" & ", " and ") not in written} == set()


def test_coordinated_sources_are_read_with_hyphens_too():
    text = "We use fat and bone marrow stem-cells for knee pain."
    assert counted(text, "product_type") >= {"adipose", "bone_marrow"}


@pytest.mark.parametrize(("text", "condition"), [
    ("Our stem cell injections ease pins {} needles in the feet.", "neuropathy"),
    ("We offer stem cell therapy for wear {} tear of the knee.", "osteoarthritis"),
])
@pytest.mark.parametrize("joined", ["and", "&"])
def test_an_ampersand_reads_as_and(text, condition, joined):
    assert counted(text.format(joined), "condition") == {condition}


@pytest.mark.parametrize(("pattern", "spelled_out"), [
    ([{"LOWER": "surgery-free"}, {"LOWER": "alternative"}],
     [[{"LOWER": "surgery"}, {"ORTH": "-"}, {"LOWER": "free"}, {"LOWER": "alternative"}],
      [{"LOWER": "surgery"}, {"LOWER": "free"}, {"LOWER": "alternative"}]]),
    ([{"LOWER": {"IN": ["fda-approved", "fda-cleared", "approved"]}}],
     [[{"LOWER": "fda"}, {"ORTH": "-"}, {"LOWER": {"IN": ["approved", "cleared"]}}],
      [{"LOWER": "fda"}, {"LOWER": {"IN": ["approved", "cleared"]}}]]),
    ([{"LOWER": "pain-free", "OP": "?"}, {"LOWER": "knee"}], []),  # an optional token cannot become three
    ([{"LOWER": "knee"}], []),
])
def test_a_hyphenated_word_value_is_spelled_out_as_the_tokens_a_page_has(pattern, spelled_out):
    assert hyphenated_word_patterns(pattern) == spelled_out


def test_and_in_a_word_test_also_accepts_an_ampersand():
    assert with_signs([{"LOWER": "and"}, {"LOWER": {"IN": ["or", "and"]}}, {"LOWER": "x"}]) == [
        {"LOWER": {"IN": ["and", "&", "+"]}}, {"LOWER": {"IN": ["or", "and", "&", "+"]}}, {"LOWER": "x"}]


def _red_flags(text: str) -> dict[str, str]:
    doc = shared_pipeline()(text)
    return {c.vocab_id: doc.text[c.start:c.end] for c in doc._.clinicscan_claims if c.kind == "red_flag"
            and c.context == "asserted"}


@pytest.mark.parametrize(("text", "flag", "quote"), [
    ("Our stem cell therapy is a surgery-free alternative for knee pain.", "avoid_surgery_claim",
     "surgery-free alternative"),
    ("We offer stem cell injections for knee pain with no side-effects.", "safety_claim", "no side-effects"),
    ("Two-thirds of our patients improved after stem cell injections for knee pain.", "success_rate_claim",
     "Two-thirds of our patients improved"),
    ("Our stem cell injections regenerate & heal damaged tissue in the knee.", "cure_claim",
     "regenerate & heal damaged"),
])
def test_token_patterns_read_hyphenated_words_and_ampersands(text, flag, quote):
    assert _red_flags(text).get(flag) == quote


def test_non_without_its_hyphen_still_says_what_the_cells_are_not():
    assert "embryonic_fetal" not in counted("We use non embryonic stem cells for knee pain.", "product_type")


@pytest.mark.parametrize("text", ["Our procedure with stem cells for knee pain is pain free.",
                                  "Our procedure with stem cells for knee pain is pain-free."])
def test_pain_free_is_a_descriptor_not_a_safety_promise(text):
    """The coding manual: "painless" is a descriptor, not a red flag; "pain free" says the same."""
    assert "safety_claim" not in _red_flags(text)


@pytest.mark.parametrize("text", ["Nothing is risk-free.", "Nothing is harmless.", "Nothing is completely safe."])
def test_nothing_is_a_disclaimer_however_the_flag_is_quoted(text):
    assert _red_flags(text) == {}


def test_a_percent_test_accepts_the_word_and_the_word_the_sign():
    assert with_percent([{"LIKE_NUM": True}, {"ORTH": "%"}, {"LOWER": {"IN": ["percent", "per"]}, "OP": "?"}]) == [
        {"LIKE_NUM": True}, {"LOWER": {"IN": ["%", "percent", "pct", "%+"]}},
        {"LOWER": {"IN": ["percent", "per", "%", "pct", "%+"]}, "OP": "?"}]
    assert per_cent_patterns([{"LIKE_NUM": True}, {"LOWER": {"IN": ["%", "percent", "pct"]}}]) == [
        [{"LIKE_NUM": True}, {"LOWER": "per"}, {"LOWER": "cent"}]]


@pytest.mark.parametrize("sign", ["%", " percent", " per cent"])
@pytest.mark.parametrize(("text", "flagged"), [
    ("In 27 patients (44{}) the knee pain ended after our stem cell injections.", True),
    ("Our stem cell therapy for knee pain has a 90{} success rate.", True),
    # how common a condition is, not how often treatment works
    ("About 20{} of cases of knee pain are inherited, so we offer stem cell injections.", False),
])
def test_a_rate_reads_the_same_with_a_percent_sign_or_word(text, flagged, sign):
    assert ("success_rate_claim" in _red_flags(text.format(sign))) is flagged


@pytest.mark.parametrize("byline", ["Dr. Jane Roe, MD, and her team", "Dr. Jane Roe, MD and her team",
                                    "Jane Roe MD, our surgeon,"])
def test_a_credential_after_a_name_is_one_cue_with_or_without_the_list_comma(byline):
    cues = shared_pipeline()(f"{byline} treat knee pain with stem cell injections.")._.clinicscan_offer.cues
    assert len([c for c in cues if c in ("+md,", "+, md")]) == 1


@pytest.mark.parametrize("sign", ["%", " percent"])
def test_a_share_of_patients_is_a_rate_only_when_its_sentence_says_they_got_better(sign):
    assert "success_rate_claim" not in _red_flags(f"Over 90{sign} of our patients travel from overseas for knee pain.")
    assert "success_rate_claim" in _red_flags(
        f"Over 90{sign} of our patients, most of them runners who had tried everything else for knee pain, "
        "told us at the six-month visit that they felt better.")


def test_the_variants_chunks_are_not_left_in_the_tokenizer_cache():
    """spaCy caches at most 10,000 chunks and then nothing more: the variants (tens of thousands) must not keep those
    places (left there, every page was tokenized uncached, 17 times slower on a repeated text); the phrases as
    written stay cached."""
    from spacy.strings import hash_string

    class Tokenizer:
        def __init__(self):
            self.reset: list[int] = []

        def pipe(self, texts):
            return _TOKENIZER.pipe(texts)

        def _reset_cache(self, keys):
            self.reset.extend(keys)

    tokenizer = Tokenizer()
    phrase_docs(tokenizer, ["stem cell therapy", "knee pain"])
    forgotten = set(tokenizer.reset)
    assert hash_string("stem-cell") in forgotten and hash_string("knee-pain") in forgotten
    assert not forgotten & {hash_string(w) for w in ("stem", "cell", "therapy", "knee", "pain")}



def test_a_variant_never_competes_with_a_phrase_as_written():
    """"knee-pain" (a joint_pain phrase) spaced is "knee pain", which the lexicon writes as knee_pain's own: the
    written phrase keeps its detail, whatever order the phrase matcher reports ties in."""
    doc = shared_pipeline()("We treat knee pain with your own stem cells.")
    assert [(c.vocab_id, c.detail_id) for c in doc._.clinicscan_claims if c.kind == "condition"] == [
        ("joint_pain", "knee_pain")]
