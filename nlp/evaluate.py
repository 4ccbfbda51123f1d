"""Scoring extraction against hand-labelled pages (``clinicscan evaluate GOLD PAGES...``).

Gold is JSONL, one page a line: ``{"file", "offers_treatment", "conditions",
"product_types", "red_flags"}`` plus optional ``split`` (tune/holdout), ``kind``, ``note``.
Figures: micro precision/recall/F1 per field and per id, accuracy and Cohen's kappa for
``offers_treatment``, and every disagreement, so a reviewer can see what went wrong.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

from clinicscan.errors import InputError
from clinicscan.nlp.analyse import analyse_page
from clinicscan.nlp.jsonl import iter_jsonl
from clinicscan.nlp.lexicon import load_lexicon

__all__ = ["EvaluationResult", "FieldScore", "evaluate", "score_pages", "cohen_kappa"]

FIELDS = {"conditions": "condition", "product_types": "product_type", "red_flags": "red_flag"}
GOLD_KEYS = {"file", "offers_treatment", *FIELDS}
OPTIONAL_KEYS = {"split", "kind", "note", "notes", "genre", "country", "evidence"}


@dataclass
class FieldScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class Disagreement:
    file: str
    field: str
    missing: list[str]
    extra: list[str]


@dataclass
class GoldPage:
    file: str
    line: int
    offers_treatment: bool
    ids: dict[str, set[str]]
    split: str | None = None
    kind: str | None = None


@dataclass
class EvaluationResult:
    pages: int
    split: str | None
    offers_accuracy: float
    offers_kappa: float
    offers_confusion: dict[str, int]
    fields: dict[str, FieldScore]
    per_id: dict[str, dict[str, FieldScore]]
    disagreements: list[Disagreement] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "pages": self.pages, "split": self.split,
            "offers_treatment": {"accuracy": round(self.offers_accuracy, 4), "kappa": round(self.offers_kappa, 4),
                                 "confusion": self.offers_confusion},
            "fields": {name: score.as_dict() for name, score in self.fields.items()},
            "per_id": {name: {i: s.as_dict() for i, s in sorted(ids.items())} for name, ids in self.per_id.items()},
            "disagreements": [asdict(d) for d in self.disagreements],
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2)

    def to_text(self) -> str:
        c = self.offers_confusion
        lines = [f"{self.pages} pages" + (f" (split {self.split})" if self.split else ""),
                 f"offers_treatment: accuracy {self.offers_accuracy:.3f}, Cohen's kappa {self.offers_kappa:.3f} "
                 f"(tp {c['tp']}, fp {c['fp']}, fn {c['fn']}, tn {c['tn']})",
                 "", f"{'field':<16}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>5}{'fn':>5}"]
        for name, s in self.fields.items():
            lines.append(f"{name:<16}{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}{s.tp:>6}{s.fp:>5}{s.fn:>5}")
        for name, ids in self.per_id.items():
            lines += ["", f"per id: {name}"]
            for vocab_id, s in sorted(ids.items(), key=lambda kv: (kv[1].f1, kv[0])):
                lines.append(f"  {vocab_id:<28}P {s.precision:.2f}  R {s.recall:.2f}  F1 {s.f1:.2f}"
                             f"  (tp {s.tp}, fp {s.fp}, fn {s.fn})")
        lines += ["", f"disagreements ({len(self.disagreements)}):"]
        for d in self.disagreements:
            parts = ([f"missing {', '.join(d.missing)}"] if d.missing else []) + (
                [f"extra {', '.join(d.extra)}"] if d.extra else [])
            lines.append(f"  {d.file}  {d.field}: {'; '.join(parts)}")
        return "\n".join(lines)


def cohen_kappa(gold: Sequence[bool], predicted: Sequence[bool]) -> float:
    """Agreement beyond chance between two yes/no labellings."""
    n = len(gold)
    if n == 0:
        return 0.0
    observed = sum(g == p for g, p in zip(gold, predicted)) / n
    g_yes, p_yes = sum(gold) / n, sum(predicted) / n
    expected = g_yes * p_yes + (1 - g_yes) * (1 - p_yes)
    if expected >= 1.0:
        return 1.0 if observed >= 1.0 else 0.0
    return (observed - expected) / (1 - expected)


def read_gold(gold_path: Path, split: str | None = None) -> list[GoldPage]:
    """Read and check the gold file; unknown ids or keys fail naming the line."""
    lexicon = load_lexicon()
    known = {name: set(lexicon.vocab_ids(kind)) for name, kind in FIELDS.items()}
    pages = []
    for number, where, row in iter_jsonl(Path(gold_path), InputError, name=str(gold_path)):
        if not isinstance(row, dict) or not GOLD_KEYS <= set(row) or set(row) - GOLD_KEYS - OPTIONAL_KEYS:
            got = sorted(row) if isinstance(row, dict) else type(row).__name__
            raise InputError(f"{where}: expected keys {sorted(GOLD_KEYS)} (optional {sorted(OPTIONAL_KEYS)}), got {got}")
        if not isinstance(row["offers_treatment"], bool):
            raise InputError(f"{where}: offers_treatment must be true or false, got {row['offers_treatment']!r}")
        ids = {}
        for name in FIELDS:
            values = row[name]
            if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
                raise InputError(f"{where}: {name} must be a list of ids, got {values!r}")
            unknown = sorted(set(values) - known[name])
            if unknown:
                raise InputError(f"{where}: unknown {name} id(s) {unknown}; use the ids in data/vocabulary.json")
            ids[name] = set(values)
        if split is None or row.get("split") == split:
            pages.append(GoldPage(row["file"], number, row["offers_treatment"], ids, row.get("split"), row.get("kind")))
    return pages


def _find(file: str, page_paths: Iterable[Path]) -> Path | None:
    for base in page_paths:
        base = Path(base)
        if base.is_dir():
            candidate = base / file
            if candidate.is_file():
                return candidate
        elif base.is_file() and (base.name == Path(file).name or str(base).endswith(file)):
            return base
    return None


def score_pages(gold: list[GoldPage], predicted: list[dict]) -> EvaluationResult:
    """Compare gold pages with predictions (dicts with offers_treatment and the three id lists)."""
    fields_ = {name: FieldScore() for name in FIELDS}
    per_id: dict[str, dict[str, FieldScore]] = {name: {} for name in FIELDS}
    disagreements: list[Disagreement] = []
    confusion = {"tp": 0, "fp": 0, "fn": 0, "tn": 0}
    for page, pred in zip(gold, predicted):
        g, p = page.offers_treatment, bool(pred["offers_treatment"])
        confusion[("t" if g == p else "f") + ("p" if p else "n")] += 1
        if g != p:
            disagreements.append(Disagreement(page.file, "offers_treatment", [str(g).lower()] if g else [],
                                              [str(p).lower()] if p else []))
        for name in FIELDS:
            gold_ids, pred_ids = page.ids[name], set(pred[name])
            for vocab_id in gold_ids | pred_ids:
                score = per_id[name].setdefault(vocab_id, FieldScore())
                if vocab_id in gold_ids and vocab_id in pred_ids:
                    score.tp += 1
                    fields_[name].tp += 1
                elif vocab_id in gold_ids:
                    score.fn += 1
                    fields_[name].fn += 1
                else:
                    score.fp += 1
                    fields_[name].fp += 1
            if gold_ids != pred_ids:
                disagreements.append(Disagreement(page.file, name, sorted(gold_ids - pred_ids), sorted(pred_ids - gold_ids)))
    n = len(gold)
    gold_offers = [p.offers_treatment for p in gold]
    pred_offers = [bool(p["offers_treatment"]) for p in predicted]
    accuracy = (confusion["tp"] + confusion["tn"]) / n if n else 0.0
    return EvaluationResult(n, None, accuracy, cohen_kappa(gold_offers, pred_offers), confusion, fields_, per_id,
                            disagreements)


def evaluate(gold_path: Path | str, page_paths: Sequence[Path | str], split: str | None = None) -> EvaluationResult:
    """Analyse every gold page found under ``page_paths`` and score the result."""
    gold_path = Path(gold_path)
    gold = read_gold(gold_path, split)
    if not gold:
        raise InputError(f"{gold_path} has no pages" + (f" with split {split!r}" if split else ""))
    bases = [Path(p) for p in page_paths] or [gold_path.parent]
    predicted = []
    for page in gold:
        path = _find(page.file, bases)
        if path is None:
            raise InputError(f"{gold_path}:{page.line}: page {page.file!r} not found under "
                             f"{', '.join(str(b) for b in bases)}")
        try:
            content = path.read_text(encoding="utf-8", errors="replace")
        except OSError as exc:
            raise InputError(f"cannot read {path}: {exc}") from exc
        analysis = analyse_page(content, is_html=path.suffix.lower() in (".html", ".htm"), url=path.resolve().as_uri())
        predicted.append({"offers_treatment": analysis.offers_treatment, "conditions": analysis.conditions,
                          "product_types": analysis.product_types, "red_flags": analysis.red_flags})
    result = score_pages(gold, predicted)
    result.split = split
    return result
