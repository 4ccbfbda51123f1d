"""Floor on blind batch ten (tests/seller_blind_ownvoice.py; session 24, helper ownvoice): a clinic's education pages
in its own voice (research cited for its therapy, its doctor quoted or explaining, patients' questions, testimonials)
and pages of the same topics by forums, news, universities, critics, a regulator, a society, a hospital library and
a trial. Scored once on main 4396465 before any change of that helper: seller accuracy 1.000 (tp 13, fp 0, fn 0,
tn 9), conditions and product types F1 1.000 on its sellers; after the own-evidence change 1.000, conditions 0.960
(the claim model drops "osteoarthritis" from a knee page once its research sentence's "knee pain" counts too).
Batch ten-b (excerpt-shaped pages, no footer, no call to action), written after those changes and scored once before
any change read from it: 0.812 (tp 9, fp 2, fn 1, tn 4) on the branch and on main alike; 0.938 (fp 1: a patient's
blog, left open) after the pipeline and intake cues read from it. The floors allow a page and a label to move.
"""

from __future__ import annotations

from clinicscan.nlp.analyse import analyse_page
import pytest

from seller_blind_ownvoice import BATCH_TEN, BATCH_TEN_B

#: (least seller accuracy, most false sellers, least label F1) per batch
FLOORS = {"ten": (0.95, 1, 0.9), "ten-b": (0.87, 2, 0.85)}


def _f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_a_blind_batch_stays_above_its_floor(name):
    batch = {"ten": BATCH_TEN, "ten-b": BATCH_TEN_B}[name]
    least, most_false, least_f1 = FLOORS[name]
    wrong, false_sellers = [], 0
    tallies = {"conditions": [0, 0, 0], "product_types": [0, 0, 0]}
    for name, (gold, conditions, products, html) in batch.items():
        page = analyse_page(html)
        if bool(page.offers_treatment) != gold:
            wrong.append(f"{name} (gold {gold}): {page.offer_cues}")
            false_sellers += not gold
        if not gold:
            continue
        for field, expected in (("conditions", conditions), ("product_types", products)):
            ours, want = set(getattr(page, field)), set(expected)
            tallies[field][0] += len(ours & want)
            tallies[field][1] += len(ours - want)
            tallies[field][2] += len(want - ours)
    assert 1 - len(wrong) / len(batch) >= least and false_sellers <= most_false, wrong
    for field, (tp, fp, fn) in tallies.items():
        assert _f1(tp, fp, fn) >= least_f1, (field, tp, fp, fn)


@pytest.mark.parametrize("batch", [BATCH_TEN, BATCH_TEN_B])
def test_the_batches_keep_both_kinds_of_page_and_label_only_sellers(batch):
    sellers = [entry for entry in batch.values() if entry[0]]
    assert 0.3 < len(sellers) / len(batch) < 0.7
    assert all(not conditions and not products for gold, conditions, products, _ in batch.values() if not gold)
    assert all(products for _, _, products, _ in sellers)
