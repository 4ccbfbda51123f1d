"""The shipped page-level seller model: a logistic regression applied with plain Python.

``data/lexicon/seller_model.json`` (in the lexicon folder, so a new model changes the
lexicon version and the extract stage re-reads pages) holds the feature names (checked against the feature reader, so
a changed word list cannot silently misalign the weights), the standardisation (mean,
scale), the coefficients, the intercept, the override band, and what it was trained
on (file hashes, date, cross-validated figures). The model decides where it is confident
(P at most ``override.non_seller_at_most``: not a seller; at least ``override.seller_at_least``,
when not null: a seller); elsewhere the rule score decides, as it did before the model. ``python -m clinicscan.nlp.train_seller``
writes it; scikit-learn is needed only there.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

from clinicscan.errors import LexiconError
from clinicscan.paths import lexicon_dir

__all__ = ["SellerModel", "load_seller_model", "default_model_path", "combine", "FORMAT"]

FORMAT = "clinicscan-seller-logreg/1"


def combine(rules_offer: bool, probability: float, low: float, high: float | None) -> bool:
    """The model overrides the rules where it is confident (P <= low: no; P >= high: yes; high None: never yes)."""
    if high is not None and probability >= high:
        return True
    if probability <= low:
        return False
    return rules_offer


def default_model_path() -> Path:
    return lexicon_dir() / "seller_model.json"


@dataclass
class SellerModel:
    version: str
    features: list[str]
    mean: list[float]
    scale: list[float]
    coef: list[float]
    intercept: float
    #: P at or below ``low`` overrides the rules to "not a seller", at or above ``high`` to "seller"
    low: float
    high: float | None

    def probability(self, values: list[float]) -> float:
        """P(the page's organisation offers treatment) for one feature vector in ``features`` order."""
        z = self.intercept
        for x, m, s, w in zip(values, self.mean, self.scale, self.coef):
            z += (x - m) / s * w
        if z < -30:
            return 0.0
        return 1.0 / (1.0 + math.exp(-z))

    def offers(self, rules_offer: bool, values: list[float]) -> tuple[bool, float]:
        """(the combined decision, the model's probability)."""
        p = self.probability(values)
        return combine(rules_offer, p, self.low, self.high), p

    @classmethod
    def from_dict(cls, row: dict, where: str = "seller model") -> "SellerModel":
        if row.get("format") != FORMAT:
            raise LexiconError(f"{where}: format must be {FORMAT!r}, got {row.get('format')!r}; retrain with "
                               "`python -m clinicscan.nlp.train_seller`")
        features = row["features"]
        for key in ("mean", "scale", "coef"):
            if len(row[key]) != len(features):
                raise LexiconError(f"{where}: {key} has {len(row[key])} values for {len(features)} features")
        if any(s <= 0 for s in row["scale"]):
            raise LexiconError(f"{where}: every scale must be positive")
        override = row.get("override") or {}
        low = float(override.get("non_seller_at_most", 0.5))
        high = override.get("seller_at_least", 0.5)
        high = None if high is None else float(high)
        if not 0.0 <= low <= (1.0 if high is None else high) <= 1.0:
            raise LexiconError(f"{where}: override needs 0 <= non_seller_at_most <= seller_at_least <= 1 "
                               "(seller_at_least null: the model never makes a page a seller)")
        return cls(str(row["version"]), list(features), [float(v) for v in row["mean"]],
                   [float(v) for v in row["scale"]], [float(v) for v in row["coef"]], float(row["intercept"]),
                   low, high)


def load_seller_model(path: Path | str | None = None) -> SellerModel | None:
    """The model at ``path`` (default: the shipped one), or None when no file is there."""
    path = Path(path) if path else default_model_path()
    if not path.exists():
        return None
    try:
        row = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise LexiconError(f"{path}: cannot read the seller model ({exc}); retrain with "
                           "`python -m clinicscan.nlp.train_seller`") from exc
    return SellerModel.from_dict(row, str(path))
