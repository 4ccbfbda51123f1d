"""Bootstrap confidence intervals over pages for micro F1 and accuracy.

A score on 99 or 211 pages moves by several points when a handful of pages change, so every
headline figure of ``clinicscan evaluate`` carries an interval: resample the pages with
replacement (seeded, so the same gold and predictions give the same interval), recompute
the figure from the resampled pages' summed counts, and take the percentile range.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Sequence

import numpy as np

__all__ = ["Interval", "bootstrap_intervals", "RESAMPLES", "SEED", "LEVEL"]

RESAMPLES = 1000
SEED = 8
LEVEL = 0.95


@dataclass(frozen=True)
class Interval:
    low: float
    high: float

    def as_list(self) -> list[float]:
        return [round(self.low, 4), round(self.high, 4)]

    def __str__(self) -> str:
        return f"[{self.low:.2f}, {self.high:.2f}]"


def _micro(tp: np.ndarray, fp: np.ndarray, fn: np.ndarray) -> dict[str, np.ndarray]:
    """Micro precision, recall and F1 per resample, with the evaluator's conventions: an
    empty side scores 1.0."""
    with np.errstate(divide="ignore", invalid="ignore"):
        precision = np.where(tp + fp > 0, tp / np.maximum(tp + fp, 1), 1.0)
        recall = np.where(tp + fn > 0, tp / np.maximum(tp + fn, 1), 1.0)
        f1 = np.where(precision + recall > 0, 2 * precision * recall / np.maximum(precision + recall, 1e-12), 0.0)
    return {"precision": precision, "recall": recall, "f1": f1}


def bootstrap_intervals(field_counts: Mapping[str, Sequence[tuple[int, int, int]]],
                        correct: Mapping[str, Sequence[bool]], resamples: int = RESAMPLES,
                        seed: int = SEED, level: float = LEVEL,
                        parts: Sequence[str] = ("f1",)) -> dict[str, Interval]:
    """Percentile intervals for each field's micro F1 and each accuracy, resampling pages.

    ``field_counts``: name -> one (tp, fp, fn) per page; ``correct``: name -> one bool per
    page (e.g. seller right or wrong). All sequences list the same pages in the same order,
    and every figure uses the same resampled pages, so the intervals are comparable.
    ``parts``: which of f1, precision, recall to give per field; F1 is keyed by the field's
    name, the others as ``name:precision`` and ``name:recall``.
    """
    sizes = {len(v) for v in field_counts.values()} | {len(v) for v in correct.values()}
    if len(sizes) > 1:
        raise ValueError(f"every sequence must list the same pages; got lengths {sorted(sizes)}")
    n = sizes.pop() if sizes else 0
    if n == 0:
        return {}
    rng = np.random.default_rng(seed)
    picks = rng.integers(0, n, size=(resamples, n))
    tail = (1.0 - level) / 2 * 100
    out: dict[str, Interval] = {}
    for name, counts in field_counts.items():
        array = np.asarray(counts, dtype=float).reshape(n, 3)
        sums = array[picks].sum(axis=1)  # resamples x 3
        scores = _micro(sums[:, 0], sums[:, 1], sums[:, 2])
        for part in parts:
            key = name if part == "f1" else f"{name}:{part}"
            out[key] = Interval(*np.percentile(scores[part], [tail, 100 - tail]))
    for name, flags in correct.items():
        values = np.asarray(flags, dtype=float)[picks].mean(axis=1)
        out[name] = Interval(*np.percentile(values, [tail, 100 - tail]))
    return out
