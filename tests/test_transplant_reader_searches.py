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


def test_a_selling_page_without_transplant_cues_reads_its_own_claims_twice_not_four_times(monkeypatch):
    from clinicscan.nlp.analyse import analyse_page
    from clinicscan.nlp.transplant_programme import TransplantReader

    calls = []
    own = TransplantReader._own

    def counted(self, claims):
        calls.append(len(claims))
        return own(self, claims)

    html = ("<html><head><title>Desert Knee Clinic</title></head><body><h1>Stem cell injections</h1>"
            "<p>At Desert Knee Clinic we offer bone marrow stem cell injections.</p>"
            "<p>Book your consultation today. Treatment costs $4,500.</p></body></html>")
    before = analyse_page(html)
    monkeypatch.setattr(TransplantReader, "_own", counted)
    after = analyse_page(html)
    assert after.offers_treatment and after.page_kind == "clinic" and after.to_dict() == before.to_dict()
    assert len(calls) == 2  # the vetoes and the autoimmune test, once each
