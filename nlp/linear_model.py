"""A small logistic model shipped as JSON: named features in, a probability out.

Learned parts of the extractor (which mentioned ids a page claims, whether a page sells) are
logistic regressions over a few dozen named features. Weights live in JSON files under ``data/lexicon``
with the command that retrains them, so ``spacy.blank("en")`` plus this file is enough to
run: scoring is a dot product over a dict (no numpy, no scikit-learn at run time).
Training (:func:`fit_logistic`) uses numpy: Newton steps on the L2-penalised log loss, exact
and fast for a few hundred features.
"""

from __future__ import annotations

import json
import math
from itertools import repeat
from operator import mul
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping, Sequence

from clinicscan.errors import LexiconError

__all__ = ["LinearModel", "fit_logistic", "load_linear_models"]

_KEYS = {"name", "version", "bias", "weights", "threshold", "trained_on", "retrain", "notes"}


@dataclass(frozen=True)
class LinearModel:
    """``probability(features) = sigmoid(bias + sum(weight[name] * value))``; unknown names weigh 0."""

    name: str
    bias: float
    weights: Mapping[str, float]
    threshold: float = 0.5
    version: str = ""
    trained_on: str = ""
    retrain: str = ""
    notes: str = ""
    extra: Mapping[str, object] = field(default_factory=dict)

    def score(self, features: Mapping[str, float]) -> float:
        """The linear score (log-odds)."""
        # the products summed in the features' order by one ``sum``, as a generator of
        # ``weights.get(name, 0.0) * value`` gave them (the same floats in the same order: the same
        # score to the bit), without a Python frame per feature
        return self.bias + sum(map(mul, map(self.weights.get, features, repeat(0.0)), features.values()))

    def probability(self, features: Mapping[str, float]) -> float:
        return self.probability_of_score(self.score(features))

    def decide(self, features: Mapping[str, float]) -> bool:
        return self.probability(features) >= self.threshold

    @staticmethod
    def probability_of_score(z: float) -> float:
        """The probability of a linear score (``probability`` of features whose ``score`` is ``z``)."""
        return 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0

    def decide_score(self, z: float) -> bool:
        """``decide`` of features whose ``score`` is ``z``."""
        return self.probability_of_score(z) >= self.threshold

    @classmethod
    def from_dict(cls, row: object, where: str = "model") -> "LinearModel":
        if not isinstance(row, dict):
            raise LexiconError(f"{where}: expected a JSON object, got {type(row).__name__}")
        missing = {"name", "bias", "weights"} - set(row)
        if missing:
            raise LexiconError(f"{where}: missing keys {sorted(missing)}; expected {sorted(_KEYS)}")
        unknown = set(row) - _KEYS
        if unknown:
            raise LexiconError(f"{where}: unknown keys {sorted(unknown)}; expected some of {sorted(_KEYS)}")
        weights = row["weights"]
        if not isinstance(weights, dict) or not all(isinstance(v, (int, float)) and not isinstance(v, bool)
                                                    for v in weights.values()):
            raise LexiconError(f"{where}: 'weights' must map feature names to numbers")
        return cls(name=str(row["name"]), bias=float(row["bias"]), weights={k: float(v) for k, v in weights.items()},
                   threshold=float(row.get("threshold", 0.5)), version=str(row.get("version", "")),
                   trained_on=str(row.get("trained_on", "")), retrain=str(row.get("retrain", "")),
                   notes=str(row.get("notes", "")))

    def to_dict(self) -> dict:
        return {"name": self.name, "version": self.version, "trained_on": self.trained_on, "retrain": self.retrain,
                "notes": self.notes, "threshold": round(self.threshold, 4), "bias": round(self.bias, 6),
                "weights": {k: round(v, 6) for k, v in sorted(self.weights.items()) if abs(v) >= 1e-6}}


def load_linear_models(path: Path | str) -> dict[str, LinearModel]:
    """A JSON file holding one model object, or ``{"models": [...]}``; keyed by model name."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise LexiconError(f"{path}: cannot read the model file ({exc}); retrain it or restore it from git") from exc
    rows = data["models"] if isinstance(data, dict) and "models" in data else [data]
    models = [LinearModel.from_dict(row, f"{path} model {i + 1}") for i, row in enumerate(rows)]
    return {m.name: m for m in models}


def fit_logistic(rows: Sequence[Mapping[str, float]], labels: Sequence[int], *, l2: float = 1.0,
                 iterations: int = 50, weights: Sequence[float] | None = None) -> tuple[float, dict[str, float]]:
    """(bias, weights) minimising the log loss plus ``l2/2 * |w|^2`` (the bias is not penalised).

    ``weights`` optionally weighs each row (e.g. to balance two training sources).
    """
    import numpy as np

    names = sorted({name for row in rows for name in row})
    index = {name: i for i, name in enumerate(names)}
    x = np.zeros((len(rows), len(names) + 1))
    x[:, 0] = 1.0
    for r, row in enumerate(rows):
        for name, value in row.items():
            x[r, index[name] + 1] = value
    y = np.asarray(labels, dtype=float)
    sample = np.ones(len(rows)) if weights is None else np.asarray(weights, dtype=float)
    penalty = np.full(len(names) + 1, float(l2))
    penalty[0] = 1e-6
    beta = np.zeros(len(names) + 1)
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ beta, -35, 35)))
        gradient = x.T @ (sample * (p - y)) + penalty * beta
        hessian = (x * (sample * p * (1 - p))[:, None]).T @ x + np.diag(penalty)
        step = np.linalg.solve(hessian, gradient)
        beta -= step
        if np.max(np.abs(step)) < 1e-8:
            break
    return float(beta[0]), {name: float(beta[i + 1]) for name, i in index.items()}
