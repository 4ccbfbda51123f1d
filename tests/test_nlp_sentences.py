"""clinicscan_blocks sets the sentence boundaries spaCy's sentencizer would, computed with numpy, but
for one documented exception: an ellipsis before a capital ends a sentence."""

from __future__ import annotations

import random

import numpy
import spacy

from clinicscan.nlp.matching import WordIndex, WordTable
from clinicscan.nlp.pipeline import shared_pipeline

PIECES = ["we", "treat", "knee", "pain", ".", "!", "?", "...", "?!", "Dr.", "e.g.", "U.S.", ",", ";", ":", "\"", "'",
          ")", "(", "-", "•", "。", "！", "85%", "3.5", "…", "Our"]


def test_sentences_within_a_line_follow_the_sentencizer():
    ours = shared_pipeline().get_pipe("clinicscan_blocks")
    theirs = spacy.blank("en")
    theirs.add_pipe("sentencizer")
    rng = random.Random(11)
    for _ in range(400):
        text = " ".join(rng.choice(PIECES) for _ in range(rng.randint(1, 25)))
        reference = theirs(text)
        expected = [t.is_sent_start for t in reference]
        for t in reference[:-1]:  # the exception: "... Our" starts a sentence
            if t.text in ("...", "…") and reference[t.i + 1].text[:1].isupper():
                expected[t.i + 1] = True
        doc = ours(shared_pipeline().make_doc(text))
        assert [t.is_sent_start for t in doc] == expected, text


def test_sentences_every_line_starts_one_and_the_bullet_stays_with_its_item():
    nlp = shared_pipeline()
    doc = nlp.get_pipe("clinicscan_blocks")(nlp.make_doc("Is it safe? Yes.\n\n• Knee pain. Hip pain\n\nCall us"))
    assert [s.text.strip() for s in doc.sents] == ["Is it safe?", "Yes.", "• Knee pain.", "Hip pain", "Call us"]


def test_word_table_values_survive_collisions_and_restarts(monkeypatch):
    import clinicscan.nlp.matching.words as words

    index = WordIndex(bits=3, limit=30)  # eight slots: most words collide, and it restarts often
    monkeypatch.setattr(words, "WORDS", index)
    table = WordTable(lambda word: word % 7)
    rng = numpy.random.default_rng(3)
    for _ in range(200):
        words = rng.integers(0, 60, 25).astype("uint64")
        numbers = index.ids(words)
        assert [index.words[n] for n in numbers.tolist()] == words.tolist()
        assert (table.lookup(numbers) == words % 7).all()
    assert index.generation > 1
