"""Word-list regexes led by their words' first letters (nlp/first_letters.py, issue 8 item 6): the
own-voice searches over a page's main text and its sentences find the same matches as without the lead."""

from __future__ import annotations

import re

from clinicscan.nlp.first_letters import led_by_first_letters
from clinicscan.nlp.own_voice import load_own_voice

TEXTS = [
    "We paid $12,000 for the injections and we flew home the next day.",
    "WE PAID TOO MUCH. We’ve decided to try again; we've booked a flight.",
    "Our son had the treatment. OUR DAUGHTER did not. Our members report back.",
    "My wife and I flew to the clinic, and my husband and I took our mother to Cancún.",
    "Below we explain how stem cells work, and as we age our bodies change; many of us wonder.",
    "At our clinic we treat knee pain. Call us today. We're open on Saturdays.",
    "Our team visited three clinics and our reporters were quoted prices by phone.",
    "\u017fome text with a long s, a \u212aelvin sign, an İstanbul dot and ﬁ ligatures: we ﬂew.",
    "", "we", "Us", "the US and us", "“We paid,” she said. We took our dad to the doctor.",
]


def _without_lead(pattern: re.Pattern) -> re.Pattern:
    assert pattern.pattern.startswith("(?=(?i:["), "the search is led by its first letters"
    inner = re.sub(r"^\(\?=\(\?i:\[[^\]]*\]\)\)\(\?:", "", pattern.pattern, count=1)[:-1]
    return re.compile(inner, pattern.flags)


def test_the_own_voice_searches_find_the_same_matches_with_the_lead():
    voice = load_own_voice()
    found = 0
    for led in (voice.receiver, voice.generic):
        plain = _without_lead(led)
        for text in TEXTS:
            spans = [(m.span(), m.group()) for m in led.finditer(text)]
            assert spans == [(m.span(), m.group()) for m in plain.finditer(text)], text
            assert led.sub(" ", text) == plain.sub(" ", text)
            found += len(spans)
    assert found >= 15


def test_a_word_that_could_start_anywhere_leaves_the_pattern_alone():
    assert led_by_first_letters(["we", ""], r"\bwe\b") == r"\bwe\b"
    assert led_by_first_letters([" we"], r"\s+we\b") == r"\s+we\b"
    assert led_by_first_letters([], "x") == "x"
    led = re.compile(led_by_first_letters(["our son", "we"], r"\b(?:our\s+son|we)\b"), re.I)
    assert [m.group() for m in led.finditer("Our  son and WE, not ours")] == ["Our  son", "WE"]
