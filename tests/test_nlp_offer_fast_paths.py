"""Fast paths of the offer component and the readers it calls (session 26, docs/extract-cost.md) against their
reference readings.

Each fast path must give what the slower code it replaced gave, on the dev set's pages and on the strings that
could tell them apart:

- case-blind word-list searches over a page's main text (the animal patients, the receiving "we"): in lower case
  over ``text.lower()`` when every non-ASCII character of the text is uncased (nlp/case_blind.py), against the
  case-blind regex;
- the staff-title search (nlp/own_speaker.py): led by its first letters, against the pattern alone;
- the animal-word token test (clinicscan_offer): a per-word table gathered by word number, against
  ``numpy.isin`` over the page's lower-case ids.
"""

from __future__ import annotations

import json
import re

import numpy
import pytest

from clinicscan.nlp.case_blind import CaseBlind, folds_as_ascii, lower_text
from clinicscan.nlp.matching import TokenArrays
from clinicscan.nlp.own_speaker import load_own_speaker, titled_pattern
from clinicscan.nlp.own_voice import _QUOTED, load_own_voice
from clinicscan.nlp.pipeline import shared_pipeline
from clinicscan.paths import lexicon_dir
from devset_texts import devset_texts



#: texts where reading in lower case could go wrong: the characters ``re.IGNORECASE`` folds onto ASCII letters
#: (Kelvin sign, long s, dotted and dotless i), cased letters outside ASCII, typography, words inside words
PROBES = [
    "", "Your Horse's leg", "YOUR DOG'S knee and your cat’s hip", "your petition, your pet.", "DOGS AND CATS",
    "dogs\nand cats", "Pet Owners: pet insurance for pets", "Our Veterinarians at the Equine Hospital",
    "your \u212aitten", "your ſmall animal", "SMALL ANİMAL", "small anımal", "İ your dog", "Über your DOG",
    "Équine clinic", "“your horse’s” blood", "haul-ins", "HAUL-INS and haul-insx", "We Paid $16,000",
    "we were told", "WE WERE QUOTED", "Our Son had PRP", "our members said", "My Husband And I Travelled",
    "We flew with our daughter to a clinic", "I paid", "ı paid", "İ paid", "we\u212a paid", "Our Team compared",
    "we ranked", "our ſtaff compared", "Ⅷ our son", "ǅ our son", "ß our son", "ﬁ our son", "ΣΑΣ our son",
    "• Your Dog's knee\n• WE PAID", "•your pet•", "• Dr. Ann Lee, Founder", "• Über our son", "•\u212a your dog",
]


def test_folds_as_ascii_is_every_non_ascii_character_uncased():
    for text in PROBES + ["\u212a", "ſ", "İ", "ı", "É", "’“”–—•…", "中文", "ß", "ǅ", "Ⅷ", "ﬁ", "a\u0307"]:
        expected = all(c.isascii() or (c.lower() == c and c.upper() == c) for c in text)
        assert folds_as_ascii(text) == expected, text


def test_lower_text_is_the_lower_case_text_with_the_bullet_standing_in():
    for text in PROBES + ["• Knee Pain\n• Hip", "•", "• Über", "• ’quoted’", "•\u212a", "plain"]:
        lower = lower_text(text)
        if not folds_as_ascii(text):
            assert lower is None, text
            continue
        assert lower is not None and len(lower) == len(text), text
        assert lower == text.lower().replace("\u2022", "\x00") or lower == text.lower(), text


def _probe_texts() -> list[str]:
    texts = list(PROBES)
    for text in devset_texts():
        texts.append(text)
        texts.append(text.upper())
        texts.append(text.replace("our", "\u212aour"))
    return texts


def test_animal_patients_count_equals_the_case_blind_search():
    voice = load_own_voice()
    assert isinstance(voice.animals, CaseBlind)
    seen = 0
    for text in _probe_texts():
        plain = _QUOTED.sub(" ", text)
        expected = sum(1 for _ in voice.animals.blind.finditer(plain))
        assert voice.treats_animals(text) == expected, text[:200]
        seen += expected > 0
    assert seen >= 8  # the probes and pages do name animal patients


def test_receiving_we_count_equals_the_case_blind_search():
    voice = load_own_voice()
    seen = 0
    for text in _probe_texts():
        plain = _QUOTED.sub(" ", text)
        expected = sum(1 for _ in voice.receiver.finditer(plain)) \
            if re.search(r"\b(?:[Ww]e(?:['’](?:re|ve|ll))?|WE|[Oo]urs?|OURS?|[Uu]s)\b|\bI\b", text) else 0
        assert voice.receives(text) == expected, text[:200]
        seen += expected > 0
    assert seen >= 20


def test_case_blind_lower_pattern_must_find_what_the_blind_one_finds():
    blind = CaseBlind(r"\b(?:your\s+pet|dogs)\b", r"\b(?:your\s+pet|dogs)\b")
    for text in PROBES + ["YOUR PET", "Dogs", "your\u212a pet"]:
        assert blind.count(text) == len(blind.blind.findall(text)), text
        assert blind.search(text) == (blind.blind.search(text) is not None), text


def test_staff_names_led_equal_the_pattern_alone():
    words = json.loads((lexicon_dir() / "own_speaker.json").read_text(encoding="utf-8"))["title_words"]
    reference = re.compile(titled_pattern(words))
    speaker = load_own_speaker()
    probes = ["medical director Dr. Esteban Quirós", "Dr. Lena Hart, the clinic's founder", "MEDICAL DIRECTOR Dr. X Y",
              "Prof. Ada Lind, co-founder", "Professor Ada Lind, our lead physician", "founder Ann Lee said",
              "Director Ann Lee", "nurse practitioner J. Smith", "drDr. A, founder"]
    seen = 0
    for text in probes + PROBES + list(devset_texts()):
        expected = frozenset(m.group("a") or m.group("b") for m in reference.finditer(text))
        assert speaker.staff_names(text) == expected, text[:200]
        seen += bool(expected)
    assert seen >= 5


def test_animal_words_token_test_equals_isin():
    nlp = shared_pipeline()
    offer = nlp.get_pipe("clinicscan_offer")
    voice = load_own_voice()
    ids = numpy.asarray([nlp.vocab.strings.add(w) for w in voice.animal_words], dtype="uint64")
    texts = list(devset_texts()) + ["Your HORSE's hoof", "dogs and cats", "nothing here", "Pets"]
    hits = 0
    for text in texts:
        doc = nlp.make_doc(text)
        doc = nlp.get_pipe("clinicscan_blocks")(doc)
        arrays = TokenArrays.of(doc)
        for end in (0, 1, arrays.n // 2, arrays.n):
            expected = bool(end > 0 and numpy.isin(arrays.lower_np[:end], ids).any())
            assert offer._animal_words_in(arrays, end, voice) == expected, (text[:100], end)
            hits += expected
    assert hits >= 4


@pytest.mark.parametrize("text", PROBES)
def test_case_blind_probes(text):
    voice = load_own_voice()
    assert voice.animals.count(text) == sum(1 for _ in voice.animals.blind.finditer(text))
    assert voice.receiving.count(text) == sum(1 for _ in voice.receiver.finditer(text))


# ------------------------------------------------------------------ the transplant-programme reader

TRANSPLANT_PROBES = [
    "Our NHS Foundation Trust offers autologous HSCT", "LEUKAEMIA and lymphoma", "Phase II trial", "PHASE iii",
    "bone-marrow transplant", "Bone Marrow Transplantation", "prices from $5,000", "€4.500 package", "£3,000",
    "your consultant will refer you", "YOUR CONSULTANT", "thalassaemia", "THALASSEMIA", "sickle cell", "\u212aidney",
    "ſickle cell", "İmmunodeficiency", "ımmunodeficiency", "• Leukemia\n• Lymphoma", "• Über Leukämie",
    "multiple myeloma (MDS)", "mds", "scid", "SCID", "engraftment", "ENGRAFTMENT", "apheresis", "Fanconi anemia",
]


def test_transplant_whole_text_searches_in_lower_case_equal_the_case_blind_ones():
    from clinicscan.nlp.transplant_programme import load_transplant_reader

    reader = load_transplant_reader()
    patterns = [*reader.groups.values(), reader.indications, reader.transplant_word, reader.public_hospital,
                reader.care_pathway, reader.sale_cues]
    assert all(p in reader.lowered for p in patterns)  # the shipped patterns all lower safely
    texts = TRANSPLANT_PROBES + PROBES + [t for text in devset_texts() for t in (text, text.upper(), text.title())]
    hits = 0
    for text in texts:
        lower = lower_text(text)
        for pattern in patterns:
            expected = pattern.search(text) is not None
            assert reader._finds(pattern, text, lower) == expected, (pattern.pattern[:60], text[:100])
            hits += expected
    assert hits > 100


def test_lowered_pattern_refuses_what_lowering_could_change():
    from clinicscan.nlp.case_blind import lowered_pattern

    for pattern in [r"\W+", r"\S", r"\bA[A-Z]", r"(?i:x)", r"(?-i:X)", r"(?P<Name>x)", r"[^a]x", r"\x41", r"\u00c9",
                    r"\N{BULLET}", "•", "\x00", r"[a-f]"]:
        assert lowered_pattern(pattern) is None, pattern
    for pattern in [r"\bNHS\b", r"phase (I{1,3}|[123])\b", r"[- ]", r"[\d,.]", r"(?=a)(?<!b)(?:c|d)\+", r"[$€£]\s*\d"]:
        lowered = lowered_pattern(pattern)
        assert lowered == pattern.lower()
        for text in TRANSPLANT_PROBES + ["nhs", "Phase III", "phase 2", "$ 5", "€5", "A+", "C+ d+"]:
            low = lower_text(text)
            if low is not None:
                assert (re.search(lowered, low) is not None) == (re.search(pattern, text, re.I) is not None), \
                    (pattern, text)


def test_transplant_sentence_memo_is_the_search_and_bounded():
    from clinicscan.nlp import transplant_programme as tp

    pattern = re.compile(r"\btrials?\b", re.I)
    found = tp._memo_search(pattern)
    for sentence in ["a trial", "no", "TRIALS here", "a trial"]:
        assert found(sentence) == (pattern.search(sentence) is not None)
    for n in range(tp._FOUND_LIMIT + 2):
        found(f"sentence {n}")
    assert len(tp._FOUND[pattern]) > tp._FOUND_LIMIT
    tp._memo_search(pattern)  # the next page's reading starts again
    assert len(tp._FOUND[pattern]) == 0


def test_without_quotes_equals_the_quotation_sub():
    from clinicscan.nlp.own_voice import _without_quotes

    probes = ['', 'no marks', '"', '""', '"a"', 'x "a" y "b" z', '“curly” and "straight"', '"open only',
              'close only"', '"' + "x" * 401 + '"', '"' + "x" * 399 + '" and "y"', '“a"b”c"', '"a\nb"', '”a“b”']
    for text in probes + list(devset_texts()) + PROBES:
        assert _without_quotes(text) == _QUOTED.sub(" ", text), text[:200]
