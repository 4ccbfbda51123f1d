"""Scoring extraction against hand-labelled pages (``clinicscan evaluate GOLD PAGES...``).

Gold is JSONL, one page a line: ``{"file", "offers_treatment", "conditions",
"product_types", "red_flags"}`` plus optional ``split`` (tune/holdout/check), ``kind``,
``genre``, ``country``, ``evidence`` (id -> the page's sentence behind that label), ``note``
or ``notes``. Any other key is refused naming the line, so a typo cannot silently drop a label.

Figures: micro precision/recall/F1 per field and per id, accuracy, Cohen's kappa and the
confusion of ``offers_treatment`` (with the false and missed sellers by file), the same
figures per ``kind``, per ``genre`` and per genre family (data/evaluation/genre_families.json),
95% bootstrap intervals over pages for each F1 and the seller accuracy, and every
disagreement with the gold evidence sentence beside each miss and our sentence beside each
extra label, so a reviewer can see what went wrong.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

from clinicscan.errors import InputError
from clinicscan.nlp.analyse import analyse_page
from clinicscan.nlp.bootstrap import LEVEL, RESAMPLES, SEED, Interval, bootstrap_intervals
from clinicscan.nlp.genre_families import family_of
from clinicscan.nlp.jsonl import iter_jsonl
from clinicscan.nlp.lexicon import load_lexicon
from clinicscan.vocabulary import KIND_FIELDS, counted_contexts

__all__ = ["EvaluationResult", "FieldScore", "GoldPage", "PageScore", "evaluate", "read_gold", "score_pages",
           "cohen_kappa", "analyse_file"]

FIELDS = {field: kind for kind, field in KIND_FIELDS.items()}
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
    """One page's field where gold and prediction differ, with the sentences behind each side.

    ``expected``: the gold file's evidence sentence for each missing id (when it has one);
    ``found``: for each extra id, the sentence our extractor counted; for a missing id that
    the extractor saw, its sentence, with why it is not a label in ``found_as`` ("negated",
    "nav", "page read as not selling", "not kept as a page id", ...).
    """

    file: str
    field: str
    missing: list[str]
    extra: list[str]
    genre: str | None = None
    expected: dict[str, str] = field(default_factory=dict)
    found: dict[str, str] = field(default_factory=dict)
    found_as: dict[str, str] = field(default_factory=dict)


@dataclass
class GoldPage:
    file: str
    line: int
    offers_treatment: bool
    ids: dict[str, set[str]]
    split: str | None = None
    kind: str | None = None
    genre: str | None = None
    country: str | None = None
    evidence: dict[str, str] = field(default_factory=dict)
    notes: str | None = None


@dataclass
class PageScore:
    """One page's outcome: seller right or wrong, and (tp, fp, fn) per field."""

    file: str
    kind: str | None
    genre: str | None
    family: str
    gold_offers: bool
    pred_offers: bool
    counts: dict[str, tuple[int, int, int]]

    @property
    def seller_correct(self) -> bool:
        return self.gold_offers == self.pred_offers


@dataclass
class GroupScore:
    """Figures for a group of pages (one kind, genre or genre family)."""

    pages: int = 0
    seller_correct: int = 0
    fields: dict[str, FieldScore] = field(default_factory=lambda: {name: FieldScore() for name in FIELDS})

    @property
    def seller_accuracy(self) -> float:
        return self.seller_correct / self.pages if self.pages else 0.0

    def add(self, page: PageScore) -> None:
        self.pages += 1
        self.seller_correct += page.seller_correct
        for name, (tp, fp, fn) in page.counts.items():
            score = self.fields[name]
            score.tp, score.fp, score.fn = score.tp + tp, score.fp + fp, score.fn + fn

    def as_dict(self) -> dict:
        return {"pages": self.pages, "seller_accuracy": round(self.seller_accuracy, 4),
                "fields": {name: s.as_dict() for name, s in self.fields.items()}}


def group_scores(pages: Iterable[PageScore], key) -> dict[str, GroupScore]:
    """Pages grouped by ``key(page)`` (None becomes "(none)"), largest group first."""
    groups: dict[str, GroupScore] = {}
    for page in pages:
        groups.setdefault(key(page) or "(none)", GroupScore()).add(page)
    return dict(sorted(groups.items(), key=lambda kv: (-kv[1].pages, kv[0])))


GROUPINGS = {"kind": lambda p: p.kind, "family": lambda p: p.family, "genre": lambda p: p.genre}
SELLER = "offers_treatment"


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
    page_scores: list[PageScore] = field(default_factory=list)
    resamples: int = RESAMPLES
    seed: int = SEED

    @property
    def intervals(self) -> dict[str, Interval]:
        """95% bootstrap intervals over pages: each field's F1 and the seller accuracy."""
        if not hasattr(self, "_intervals"):
            self._intervals = bootstrap_intervals(
                {name: [p.counts[name] for p in self.page_scores] for name in FIELDS},
                {SELLER: [p.seller_correct for p in self.page_scores]},
                resamples=self.resamples, seed=self.seed) if self.page_scores else {}
        return self._intervals

    def groups(self, by: str) -> dict[str, GroupScore]:
        return group_scores(self.page_scores, GROUPINGS[by])

    def seller_errors(self) -> dict[str, list[PageScore]]:
        """Pages read as selling that do not (false) and sellers read as not selling (missed)."""
        return {"false_sellers": [p for p in self.page_scores if p.pred_offers and not p.gold_offers],
                "missed_sellers": [p for p in self.page_scores if p.gold_offers and not p.pred_offers]}

    def error_reasons(self) -> dict[str, dict[str, dict[str, int]]]:
        """Why each label was missed or added, counted per field (no page named): the aggregate
        a held-out split may show, to say which stage loses labels on pages never read.

        A missed id was counted on a page read as not selling ("page read as not selling"),
        counted but left out by the page-level decision (the claim model: "not kept as a page
        id"), seen but not counted (its context: "negated", "reported", "nav", ...), or never
        found (", another id added" when the page got an extra id of that field instead, which
        is how a wording mapped to a different id than the coder's shows);
        an extra id sits on a page gold says sells nothing ("page does not sell") or on a seller.
        """
        reasons = {name: {"missing": {}, "extra": {}} for name in FIELDS}
        for d in self.disagreements:
            if d.field not in reasons:
                continue
            missing, extra = reasons[d.field]["missing"], reasons[d.field]["extra"]
            for vocab_id in d.missing:
                why = d.found_as.get(vocab_id) or ("never found, another id added" if d.extra else "never found")
                missing[why] = missing.get(why, 0) + 1
            on_non_seller = not self._gold_offers.get(d.file, True)
            for _ in d.extra:
                why = "page does not sell" if on_non_seller else "on a selling page"
                extra[why] = extra.get(why, 0) + 1
        return {name: {side: dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
                       for side, counts in sides.items()} for name, sides in reasons.items()}

    @property
    def _gold_offers(self) -> dict[str, bool]:
        return {p.file: p.gold_offers for p in self.page_scores}

    def to_dict(self) -> dict:
        intervals = self.intervals
        return {
            "pages": self.pages, "split": self.split,
            "offers_treatment": {"accuracy": round(self.offers_accuracy, 4), "kappa": round(self.offers_kappa, 4),
                                 "confusion": self.offers_confusion,
                                 "interval": intervals[SELLER].as_list() if SELLER in intervals else None,
                                 **{k: [{"file": p.file, "kind": p.kind, "genre": p.genre} for p in v]
                                    for k, v in self.seller_errors().items()}},
            "fields": {name: {**score.as_dict(),
                              "f1_interval": intervals[name].as_list() if name in intervals else None}
                       for name, score in self.fields.items()},
            "bootstrap": {"resamples": self.resamples, "seed": self.seed, "level": LEVEL},
            **{f"by_{by}": {k: g.as_dict() for k, g in self.groups(by).items()} for by in GROUPINGS},
            "per_id": {name: {i: s.as_dict() for i, s in sorted(ids.items())} for name, ids in self.per_id.items()},
            "error_reasons": self.error_reasons(),
            "disagreements": [asdict(d) for d in self.disagreements],
        }

    def summary_dict(self) -> dict:
        """Only aggregate figures (no file names, ids per page or sentences): what may be
        looked at on a split kept for checking."""
        full = self.to_dict()
        seller = {k: v for k, v in full["offers_treatment"].items() if k not in ("false_sellers", "missed_sellers")}
        return {"pages": self.pages, "split": self.split, "offers_treatment": seller, "fields": full["fields"],
                "bootstrap": full["bootstrap"], "by_kind": full["by_kind"], "by_family": full["by_family"],
                "error_reasons": full["error_reasons"]}

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2)

    def to_text(self) -> str:
        return render_text(self)

    def summary_text(self) -> str:
        return render_text(self, summary=True)


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
            if isinstance(row, dict):
                problems = ([f"missing {sorted(GOLD_KEYS - set(row))}"] if GOLD_KEYS - set(row) else []) + (
                    [f"unknown {sorted(set(row) - GOLD_KEYS - OPTIONAL_KEYS)}"] if set(row) - GOLD_KEYS - OPTIONAL_KEYS else [])
                got = "; ".join(problems)
            else:
                got = f"got {type(row).__name__}"
            raise InputError(f"{where}: {got} key(s); expected keys {sorted(GOLD_KEYS)} "
                             f"(optional {sorted(OPTIONAL_KEYS)})")
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
        evidence = row.get("evidence") or {}
        if not isinstance(evidence, dict) or not all(isinstance(v, str) for v in evidence.values()):
            raise InputError(f"{where}: evidence must map ids to sentences, got {type(evidence).__name__}")
        if split is None or row.get("split") == split:
            pages.append(GoldPage(row["file"], number, row["offers_treatment"], ids, row.get("split"), row.get("kind"),
                                  row.get("genre"), row.get("country"), evidence, row.get("notes") or row.get("note")))
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


def _our_sentences(pred: dict, name: str) -> tuple[dict[str, str], dict[str, tuple[str, str]]]:
    """From a prediction's claims: the sentence counted for each id, and for ids seen but not
    counted, (why, sentence), why being the context ("negated", "background", ...) or "nav"."""
    counted: dict[str, str] = {}
    uncounted: dict[str, tuple[str, str]] = {}
    for claim in pred.get("claims") or ():
        if KIND_FIELDS.get(claim.kind) != name:
            continue
        if claim.context in counted_contexts(claim.kind) and claim.section != "nav":
            counted.setdefault(claim.vocab_id, claim.sentence)
        else:
            why = "nav" if claim.section == "nav" else claim.context
            uncounted.setdefault(claim.vocab_id, (why, claim.sentence))
    return counted, uncounted


def score_pages(gold: list[GoldPage], predicted: list[dict]) -> EvaluationResult:
    """Compare gold pages with predictions (dicts with offers_treatment and the three id lists;
    optional ``claims``, the extractor's ClaimRows, put our sentence beside each disagreement)."""
    fields_ = {name: FieldScore() for name in FIELDS}
    per_id: dict[str, dict[str, FieldScore]] = {name: {} for name in FIELDS}
    disagreements: list[Disagreement] = []
    page_scores: list[PageScore] = []
    confusion = {"tp": 0, "fp": 0, "fn": 0, "tn": 0}
    for page, pred in zip(gold, predicted):
        g, p = page.offers_treatment, bool(pred["offers_treatment"])
        confusion[("t" if g == p else "f") + ("p" if p else "n")] += 1
        if g != p:
            disagreements.append(Disagreement(page.file, "offers_treatment", [str(g).lower()] if g else [],
                                              [str(p).lower()] if p else [], page.genre))
        counts = {}
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
            missing, extra = sorted(gold_ids - pred_ids), sorted(pred_ids - gold_ids)
            counts[name] = (len(gold_ids & pred_ids), len(extra), len(missing))
            if missing or extra:
                counted, uncounted = _our_sentences(pred, name)
                found = {i: counted[i] for i in extra if i in counted}
                found_as = {}
                for i in missing:
                    if i in counted and not p:
                        found[i], found_as[i] = counted[i], "page read as not selling"
                    elif i in counted:
                        found[i], found_as[i] = counted[i], "not kept as a page id"
                    elif i in uncounted:
                        found_as[i], found[i] = uncounted[i]
                expected = {i: page.evidence[i] for i in missing if i in page.evidence}
                disagreements.append(Disagreement(page.file, name, missing, extra, page.genre, expected, found,
                                                  found_as))
        page_scores.append(PageScore(page.file, page.kind, page.genre, family_of(page.genre), g, p, counts))
    n = len(gold)
    gold_offers = [p.offers_treatment for p in gold]
    pred_offers = [bool(p["offers_treatment"]) for p in predicted]
    accuracy = (confusion["tp"] + confusion["tn"]) / n if n else 0.0
    return EvaluationResult(n, None, accuracy, cohen_kappa(gold_offers, pred_offers), confusion, fields_, per_id,
                            disagreements, page_scores)


def analyse_file(path: Path) -> dict:
    """Analyse one page file as ``evaluate`` does: the prediction dict ``score_pages`` takes."""
    try:
        content = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc}") from exc
    analysis = analyse_page(content, is_html=path.suffix.lower() in (".html", ".htm"), url=path.resolve().as_uri())
    return {"offers_treatment": analysis.offers_treatment, "conditions": analysis.conditions,
            "product_types": analysis.product_types, "red_flags": analysis.red_flags, "claims": analysis.claims}


def locate_pages(gold_path: Path, gold: list[GoldPage], page_paths: Sequence[Path | str]) -> list[Path]:
    """The file of every gold page, or a clear error naming the gold line of the first missing one."""
    bases = [Path(p) for p in page_paths] or [gold_path.parent]
    found = []
    for page in gold:
        path = _find(page.file, bases)
        if path is None:
            raise InputError(f"{gold_path}:{page.line}: page {page.file!r} not found under "
                             f"{', '.join(str(b) for b in bases)}")
        found.append(path)
    return found


def evaluate(gold_path: Path | str, page_paths: Sequence[Path | str], split: str | None = None,
             resamples: int = RESAMPLES, seed: int = SEED) -> EvaluationResult:
    """Analyse every gold page found under ``page_paths`` and score the result."""
    gold_path = Path(gold_path)
    gold = read_gold(gold_path, split)
    if not gold:
        raise InputError(f"{gold_path} has no pages" + (f" with split {split!r}" if split else ""))
    predicted = [analyse_file(path) for path in locate_pages(gold_path, gold, page_paths)]
    result = score_pages(gold, predicted)
    result.split = split
    result.resamples, result.seed = resamples, seed
    return result


def render_text(result: EvaluationResult, summary: bool = False) -> str:
    from clinicscan.nlp.evaluate_text import render

    return render(result, summary=summary)
