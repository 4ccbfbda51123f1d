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


def test_a_selling_page_without_transplant_cues_reads_its_own_claims_once_not_four_times(monkeypatch):
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
    assert len(calls) == 1  # the autoimmune test; the vetoes (has_veto) stop at the first one


def _probe_claims():
    from clinicscan.nlp.analyse import analyse_page
    from transplant_probe_pages import LAWFUL, PROGRAMMES, UNPROVEN

    pages = {**PROGRAMMES, **UNPROVEN, **LAWFUL}
    for name, text in pages.items():
        title, _, body = text.partition("\n")
        html = f"<html><head><title>{title}</title></head><body>" + "".join(
            f"<p>{line}</p>" for line in body.splitlines()) + "</body></html>"
        yield name, analyse_page(html).claims


def test_has_veto_is_whether_there_are_vetoes_on_every_probe_page():
    reader = load_transplant_reader()
    seen = {True: 0, False: 0}
    for name, claims in _probe_claims():
        for cut in (len(claims), len(claims) // 2, 3):  # the whole page and shorter ones
            expected = bool(reader.vetoes(claims[:cut]))
            assert reader.has_veto(claims[:cut]) == expected, (name, cut)
            seen[expected] += 1
    assert seen[True] > 5 and seen[False] > 5


def test_has_veto_stops_at_the_first_offered_condition():
    reader = load_transplant_reader()
    first = "We treat autism with stem cell injections."
    claims = [_claim("condition", "autism", first), _claim("product_type", "unspecified_stem_cell", first)] + [
        _claim("condition", "knee_osteoarthritis", f"Sentence {i} about knee arthritis.") for i in range(20)]
    research = _Counting(reader.research)
    counting = replace(reader, research=research)
    assert counting.has_veto(claims) and reader.vetoes(claims)
    assert research.searched == [first]
