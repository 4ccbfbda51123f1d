"""Floor on blind batch ten (tests/seller_blind_ownvoice.py; session 24, helper ownvoice): a clinic's education pages
in its own voice (research cited for its therapy, its doctor quoted or explaining, patients' questions, testimonials)
and pages of the same topics by forums, news, universities, critics, a regulator, a society, a hospital library and
a trial. Scored once on main 4396465 before any change of that helper: seller accuracy 1.000 (tp 13, fp 0, fn 0,
tn 9), conditions and product types F1 1.000 on its sellers; the same after the own-evidence change. The floor
allows one page and one label of each kind to move.
"""

from __future__ import annotations

from clinicscan.nlp.analyse import analyse_page
from seller_blind_ownvoice import BATCH_TEN


def _f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def test_blind_batch_ten_stays_above_its_floor():
    wrong, false_sellers = [], 0
    tallies = {"conditions": [0, 0, 0], "product_types": [0, 0, 0]}
    for name, (gold, conditions, products, html) in BATCH_TEN.items():
        page = analyse_page(html)
        if bool(page.offers_treatment) != gold:
            wrong.append(f"{name} (gold {gold}): {page.offer_cues}")
            false_sellers += not gold
        for field, expected in (("conditions", conditions), ("product_types", products)):
            ours, want = set(getattr(page, field)), set(expected)
            tallies[field][0] += len(ours & want)
            tallies[field][1] += len(ours - want)
            tallies[field][2] += len(want - ours)
    assert len(wrong) <= 1 and false_sellers <= 1, wrong
    for field, (tp, fp, fn) in tallies.items():
        assert _f1(tp, fp, fn) >= 0.9, (field, tp, fp, fn)


def test_batch_ten_keeps_both_kinds_of_page_and_labels_only_sellers():
    sellers = [entry for entry in BATCH_TEN.values() if entry[0]]
    assert 0.3 < len(sellers) / len(BATCH_TEN) < 0.7
    assert all(not conditions and not products for gold, conditions, products, _ in BATCH_TEN.values() if not gold)
    assert all(products for _, _, products, _ in sellers)
