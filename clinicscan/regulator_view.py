"""The regulator's view of an evaluation: is the flagged-clinics list right?

``clinicscan evaluate GOLD PAGES --flagged`` puts every gold page of the split in a folder of
its own (a one-page site, named after the file), runs the same code as
``clinicscan extract SITES --out DIR`` on them (``extract_local_files`` then
``write_reports``, in process, into a temporary folder) and scores ``flagged_clinics.csv``
against the pages that should be on it.

A page should be on the list when its gold line says:
- it offers treatment (``offers_treatment`` true), and
- it names a product type other than PRP (PRP is not a stem cell product, vocabulary.md)
  together with a condition. An approval of the same type for the condition is no excuse
  (the report excuses a claim only when it names the approved product, e.g. Ryoncil, or is a
  transplant programme's own transplant; a gold line records neither the product's name nor
  a lawful use's wording, so such pages count as expected), and
- the pair is not a hospital transplant program's own transplant: on a transplant-program
  page, blood-forming product types (the registry's established-practice types, and
  unnamed "stem cells") do not count, as flags.py treats pages it reads as transplant
  programmes.

A page is a hospital transplant program when it sells, all its product types are
blood-forming transplant types, and it names blood_disorders, or its kind is ``transplant``
(the dev set), or its genre or notes say so (data/evaluation/regulator_view.json). Pairs are every product type with every condition of
the page, as the report pairs claims on one page.

Figures: precision and recall of the list (with bootstrap intervals over pages), and by
file: non-sellers flagged, transplant programs flagged, other wrong flags, and missed pages.
"""

from __future__ import annotations

import csv
import json
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Sequence

from clinicscan.errors import InputError
from clinicscan.nlp.bootstrap import RESAMPLES, SEED, Interval, bootstrap_intervals
from clinicscan.nlp.evaluate import GoldPage, locate_pages, read_gold
from clinicscan.paths import data_dir

__all__ = ["RegulatorView", "expected_on_list", "is_transplant_program", "regulator_view"]

PRECISION, RECALL = "flagged:precision", "flagged:recall"


@dataclass
class ListedPage:
    file: str
    genre: str | None
    why: str = ""

    def label(self) -> str:
        return f"{self.file} ({self.genre or '?'})" + (f": {self.why}" if self.why else "")


@dataclass
class RegulatorView:
    """How the flagged-clinics list of a split compares with the pages that should be on it."""

    pages: int
    split: str | None
    expected: int
    flagged: int
    correct: int
    non_sellers_flagged: list[ListedPage] = field(default_factory=list)
    transplant_programs_flagged: list[ListedPage] = field(default_factory=list)
    other_wrongly_flagged: list[ListedPage] = field(default_factory=list)
    missed: list[ListedPage] = field(default_factory=list)
    transplant_programs: int = 0
    intervals: dict[str, Interval] = field(default_factory=dict)

    @property
    def precision(self) -> float:
        return self.correct / self.flagged if self.flagged else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.expected if self.expected else 1.0

    def to_dict(self) -> dict:
        def listed(pages):
            return [{"file": p.file, "genre": p.genre, "why": p.why} for p in pages]
        return {
            "pages": self.pages, "split": self.split, "should_be_flagged": self.expected, "flagged": self.flagged,
            "correctly_flagged": self.correct, "precision": round(self.precision, 4), "recall": round(self.recall, 4),
            "precision_interval": self.intervals[PRECISION].as_list() if PRECISION in self.intervals else None,
            "recall_interval": self.intervals[RECALL].as_list() if RECALL in self.intervals else None,
            "transplant_programs": self.transplant_programs,
            "non_sellers_flagged": listed(self.non_sellers_flagged),
            "transplant_programs_flagged": listed(self.transplant_programs_flagged),
            "other_wrongly_flagged": listed(self.other_wrongly_flagged),
            "missed": listed(self.missed),
        }

    def summary_dict(self) -> dict:
        """Counts only, no file names: what may be looked at on a split kept for checking."""
        full = self.to_dict()
        for key in ("non_sellers_flagged", "transplant_programs_flagged", "other_wrongly_flagged", "missed"):
            full[key] = len(full[key])
        return full

    def summary_text(self) -> str:
        return self.to_text(summary=True)

    def to_text(self, summary: bool = False) -> str:
        def interval(name: str) -> str:
            return f" {self.intervals[name]}" if name in self.intervals else ""

        lines = [f"regulator view: flagged_clinics.csv of {self.pages} one-page sites"
                 + (f" (split {self.split})" if self.split else ""),
                 f"  precision {self.precision:.3f}{interval(PRECISION)}  recall {self.recall:.3f}{interval(RECALL)}"
                 f"  ({self.correct} right of {self.flagged} flagged; {self.expected} should be flagged)"]
        for title, pages in (("non-sellers flagged", self.non_sellers_flagged),
                             (f"hospital transplant programs flagged (of {self.transplant_programs})",
                              self.transplant_programs_flagged),
                             ("other sellers flagged that should not be", self.other_wrongly_flagged),
                             ("should be flagged, missed", self.missed)):
            lines.append(f"  {title}: {len(pages)}")
            if not summary:
                lines += [f"    {p.label()}" for p in pages]
        return "\n".join(lines)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2)


@lru_cache(maxsize=1)
def _program_pattern() -> re.Pattern:
    path = data_dir() / "evaluation" / "regulator_view.json"
    try:
        return re.compile(json.loads(path.read_text(encoding="utf-8"))["transplant_program_pattern"], re.IGNORECASE)
    except (OSError, ValueError, KeyError, re.error) as exc:
        raise InputError(f"cannot read the transplant-program pattern from {path}: {exc}") from exc


def _registry_facts(registry=None):
    from clinicscan.reports.evidence import NOT_STEM_CELL, UNSPECIFIED, stem_cell_types
    from clinicscan.reports.flags import transplant_types
    from clinicscan.reports.registry import load_registry
    from clinicscan.vocabulary import load_vocabulary

    registry = registry or load_registry()
    all_types = stem_cell_types(set(load_vocabulary().product_types))
    return registry, transplant_types(registry), NOT_STEM_CELL, UNSPECIFIED, all_types


def is_transplant_program(page: GoldPage, registry=None) -> bool:
    """A selling page whose products are all blood-forming transplant types, naming blood
    disorders or described as a transplant service in its genre or notes."""
    _, transplant, _, _, _ = _registry_facts(registry)
    products = page.ids["product_types"]
    if not page.offers_treatment or not products or not products <= transplant:
        return False
    if "blood_disorders" in page.ids["conditions"] or page.kind == "transplant":
        return True
    return bool(_program_pattern().search(" ".join(filter(None, (page.genre, page.notes)))))


def expected_on_list(page: GoldPage, registry=None) -> list[tuple[str, str]]:
    """The (product type, condition) pairs that should put this page on the flagged list."""
    registry, transplant, not_stem_cell, _, _ = _registry_facts(registry)
    if not page.offers_treatment:
        return []
    program = is_transplant_program(page, registry)
    pairs = []
    for product in sorted(page.ids["product_types"] - not_stem_cell):
        if program and product in transplant:
            continue
        pairs.extend((product, condition) for condition in sorted(page.ids["conditions"]))
    return pairs


def _one_page_sites(files: Sequence[Path], root: Path) -> list[str]:
    """Copy each page into a folder of its own under ``root``; the folder names, in order.

    Copies, not links: the extract stage resolves paths, so a link would put every page
    back in one folder (one site)."""
    names: list[str] = []
    for path in files:
        name, n = path.stem, 1
        while name in names:
            n += 1
            name = f"{path.stem}-{n}"
        (root / name).mkdir()
        shutil.copyfile(path, root / name / path.name)
        names.append(name)
    return names


def flagged_sites(sites_root: Path, out_dir: Path, workers: int | None = 1) -> set[str]:
    """Run ``clinicscan extract SITES --out DIR``'s code path; the site names on flagged_clinics.csv."""
    from clinicscan.nlp.extract import extract_local_files
    from clinicscan.reports.build import write_reports
    from clinicscan.reports.collected_claims import CollectedClaims
    from clinicscan.store import open_store

    store = open_store("sqlite://")
    with CollectedClaims(store_claims=False) as claims:  # the in-memory store ends here
        run_id = extract_local_files(store, [sites_root], workers=workers, claims_to=claims)
        write_reports(store, out_dir, run_id=run_id, claims=claims)
    with open(out_dir / "flagged_clinics.csv", newline="", encoding="utf-8") as handle:
        return {row["site"] for row in csv.DictReader(handle)}


def regulator_view(gold_path: Path | str, page_paths: Sequence[Path | str], split: str | None = None,
                   workers: int | None = 1, resamples: int = RESAMPLES, seed: int = SEED,
                   keep: Path | None = None) -> RegulatorView:
    """Score the flagged list built from every gold page of ``split`` as a one-page site.

    ``keep``: write the sites and the exports there instead of a temporary folder."""
    from clinicscan.reports.registry import load_registry

    gold_path = Path(gold_path)
    gold = read_gold(gold_path, split)
    if not gold:
        raise InputError(f"{gold_path} has no pages" + (f" with split {split!r}" if split else ""))
    files = locate_pages(gold_path, gold, page_paths)
    registry = load_registry()
    with tempfile.TemporaryDirectory(prefix="clinicscan-regulator-view-") as tmp:
        work = Path(keep) if keep else Path(tmp)
        (work / "sites").mkdir(parents=True, exist_ok=keep is not None)
        names = _one_page_sites(files, work / "sites")
        flagged = flagged_sites(work / "sites", work / "out", workers=workers)
    view = RegulatorView(pages=len(gold), split=split, expected=0, flagged=0, correct=0)
    counts, programs = [], 0
    for page, name in zip(gold, names):
        should = expected_on_list(page, registry)
        program = is_transplant_program(page, registry)
        programs += program
        on_list = name in flagged
        view.expected += bool(should)
        view.flagged += on_list
        view.correct += bool(should) and on_list
        counts.append((int(bool(should) and on_list), int(on_list and not should), int(bool(should) and not on_list)))
        if on_list and not should:
            if not page.offers_treatment:
                view.non_sellers_flagged.append(ListedPage(page.file, page.genre or page.kind))
            elif program:
                view.transplant_programs_flagged.append(ListedPage(page.file, page.genre or page.kind))
            else:
                why = "gold: only PRP or approved uses" if page.ids["conditions"] else "gold names no condition"
                view.other_wrongly_flagged.append(ListedPage(page.file, page.genre or page.kind, why))
        elif should and not on_list:
            pairs = ", ".join(f"{p} for {c}" for p, c in should[:3]) + (" ..." if len(should) > 3 else "")
            view.missed.append(ListedPage(page.file, page.genre or page.kind, pairs))
    view.transplant_programs = programs
    view.intervals = _intervals(counts, resamples, seed)
    return view


def _intervals(counts: list[tuple[int, int, int]], resamples: int, seed: int) -> dict[str, Interval]:
    found = bootstrap_intervals({"flagged": counts}, {}, resamples=resamples, seed=seed, parts=("precision", "recall"))
    return {name: value for name, value in found.items() if name in (PRECISION, RECALL)}
