"""The transplant-programme reader searches each distinct sentence once per call (issue 8 item 6: a
25 KB selling page has ~250 claims in ~110 sentences), with the same verdicts."""

from __future__ import annotations

from dataclasses import replace

from clinicscan.nlp.components.context import ClaimRow
from clinicscan.nlp.transplant_programme import load_transplant_reader


class _Counting:
    def __init__(self, pattern):
        self.pattern, self.searched = pattern, []

    def search(self, text):
        self.searched.append(text)
        return self.pattern.search(text)


def _claim(kind: str, vocab_id: str, sentence: str) -> ClaimRow:
    return ClaimRow(kind, vocab_id, vocab_id, vocab_id, 0, 1, sentence, 0, len(sentence))


def test_each_sentence_is_searched_once_per_call_with_the_same_vetoes():
    reader = load_transplant_reader()
    offer = "We treat autism and knee arthritis with stem cell injections."
    trial = "A clinical trial studied stem cells for multiple sclerosis."
    claims = [_claim("condition", "autism", offer), _claim("condition", "knee_osteoarthritis", offer),
              _claim("product_type", "unspecified_stem_cell", offer),
              _claim("condition", "multiple_sclerosis", trial), _claim("product_type", "unspecified_stem_cell", trial)]
    research, side_effect = _Counting(reader.research), _Counting(reader.side_effect)
    counting = replace(reader, research=research, side_effect=side_effect)
    assert counting.vetoes(claims) == reader.vetoes(claims) == ("autism", "knee_osteoarthritis")
    assert sorted(research.searched) == sorted([offer, trial])
    assert side_effect.searched == [offer]
