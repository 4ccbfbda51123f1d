"""Floors on session 25's blind seller batch (data/devset, splits "study" and "unseen"; issue 8).

56 pages of our own wording, labelled by the coding manual before the extractor was run on them, in two halves by
topic (study: musculoskeletal, sports, cosmetic, sexual health; unseen: neurological, systemic, organ, blood). Blind,
on main 936ef53: seller accuracy 0.929 on each half (study: an equine hospital and a runner's diary read as sellers;
unseen: a supplement shop read as a seller, a clinic's own newsroom item missed). The study half's categories were
built first (animal patients, a patient's "I"), which left the unseen half at 0.929; then the unseen half was
studied (a supplement shop's wording, the clinic's own staff quoted by name): 1.000 on both. The floors allow one
page either way; a false seller (its claims reach the regulator's list) counts against both.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from clinicscan.nlp.evaluate import evaluate

DEVSET = Path(__file__).resolve().parent.parent / "data" / "devset"
#: (least seller accuracy, most false sellers) per half
FLOORS = {"study": (0.96, 1), "unseen": (0.96, 1)}


@pytest.mark.parametrize("split", sorted(FLOORS))
def test_a_half_of_the_batch_stays_above_its_floor(split):
    result = evaluate(DEVSET / "gold.jsonl", [DEVSET / "pages"], split=split, resamples=10)
    errors = result.seller_errors()
    least, most_false = FLOORS[split]
    wrong = [p.file for kind in errors.values() for p in kind]
    assert result.offers_accuracy >= least and len(errors["false_sellers"]) <= most_false, wrong
