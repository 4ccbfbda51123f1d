"""The summary's top claims (reports/build.py ``_top_claims``): one grouped ``nunique`` gives
the list the old group-at-a-time loop gave, order of ties included."""

from __future__ import annotations

import random
from collections import Counter

import numpy as np
import pandas as pd
import pytest

from clinicscan.reports.build import _top_claims


def grouped_reference(pairs: pd.DataFrame) -> list[tuple[str, int]]:
    """``_top_claims`` as it was before session 26, a Python step per (condition, product) group."""
    counts: Counter = Counter()
    if len(pairs) and pairs["flagged_claim"].any():
        pairs = pairs[pairs["flagged_claim"].astype(bool)]
    for (cond, prod), group in pairs.groupby(["condition", "product_type"]) if len(pairs) else []:
        counts[f"{prod} for {cond}"] = group["site_id"].nunique()
    return counts.most_common(10)


def made_pairs(seed: int, rows: int, flagged_share: float, dtype=object) -> pd.DataFrame:
    rng = random.Random(seed)
    conditions = ["knee_pain", "autism", "copd", "als", "back_pain", None]
    products = ["msc", "exosome", "prp", "umbilical_cord"]
    frame = pd.DataFrame({
        "site_id": [rng.choice([1, 2, 3, 4, 5, 6, None]) for _ in range(rows)],
        "condition": [rng.choice(conditions) for _ in range(rows)],
        "product_type": [rng.choice(products) for _ in range(rows)],
        "flagged_claim": [rng.random() < flagged_share for _ in range(rows)],
    })
    frame["site_id"] = frame["site_id"].astype("Int64") if seed % 2 else frame["site_id"].astype(float)
    for column in ("condition", "product_type"):
        frame[column] = frame[column].astype(dtype)
    return frame


@pytest.mark.parametrize("dtype", [object, "string", "category"])
@pytest.mark.parametrize("seed", range(8))
def test_top_claims_equal_the_group_loop(seed, dtype):
    for rows, share in ((0, 0.5), (1, 1.0), (7, 0.0), (40, 0.3), (400, 0.0), (400, 0.6)):
        pairs = made_pairs(seed, rows, share, dtype)
        assert _top_claims(pairs) == grouped_reference(pairs), (seed, rows, share)


def test_ties_keep_the_groups_order():
    pairs = pd.DataFrame({"site_id": [1, 2, 1, 2, 3, 3], "condition": ["b", "b", "a", "a", "c", "c"],
                          "product_type": ["x", "x", "x", "x", "y", "y"], "flagged_claim": [True] * 6})
    assert _top_claims(pairs) == grouped_reference(pairs) == [("x for a", 2), ("x for b", 2), ("y for c", 1)]
    assert all(type(n) is int for _, n in _top_claims(pairs))


def test_empty_frame():
    pairs = pd.DataFrame({"site_id": pd.Series(dtype=np.int64), "condition": pd.Series(dtype=object),
                          "product_type": pd.Series(dtype=object), "flagged_claim": pd.Series(dtype=bool)})
    assert _top_claims(pairs) == grouped_reference(pairs) == []


def test_no_python_step_per_group(monkeypatch):
    """The speed-up itself: the groups are not iterated one by one."""
    def refuse(self):
        raise AssertionError("iterated group by group")

    monkeypatch.setattr(pd.core.groupby.DataFrameGroupBy, "__iter__", refuse)
    assert _top_claims(made_pairs(3, 200, 0.5)) != []
