"""The real-world yardstick in CI: the `tune` figures on ../shared/realworld must not fall
below the floors in data/devset/realworld_floor.json (what main reached, minus a margin).

The pages are read where they are (beside the checkout, never copied into the project).
Set CLINICSCAN_REALWORLD to use another copy.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from clinicscan.nlp.evaluate import evaluate
from clinicscan.regulator_view import regulator_view

REPO = Path(__file__).resolve().parents[1]
FLOOR_FILE = REPO / "data" / "devset" / "realworld_floor.json"


def checkout_roots(repo: Path) -> list[Path]:
    """The checkout, and for a git worktree also the main checkout it belongs to."""
    roots = [repo]
    git = repo / ".git"
    if git.is_file():  # a worktree: "gitdir: /main/.git/worktrees/NAME"
        text = git.read_text(encoding="utf-8", errors="replace").strip()
        if text.startswith("gitdir:"):
            common = Path(text.split(":", 1)[1].strip()).parent.parent  # /main/.git
            roots.append(common.parent)
    return roots


def realworld_dir() -> Path:
    candidates = ([Path(os.environ["CLINICSCAN_REALWORLD"])] if os.environ.get("CLINICSCAN_REALWORLD") else []) + [
        root.parent / "shared" / "realworld" for root in checkout_roots(REPO)]
    for path in candidates:
        if (path / "gold.jsonl").is_file() and (path / "pages").is_dir():
            return path
    pytest.fail("the real-world evaluation set is missing: looked for gold.jsonl and pages/ in "
                + ", ".join(str(p) for p in candidates)
                + ". Put ../shared/realworld beside the checkout (CI has it) or set CLINICSCAN_REALWORLD.")


@pytest.fixture(scope="module")
def tune_view():
    root = realworld_dir()
    return regulator_view(root / "gold.jsonl", [root / "pages"], split="tune", resamples=10)


@pytest.fixture(scope="module")
def tune_figures(tune_view) -> dict[str, float]:
    root = realworld_dir()
    result = evaluate(root / "gold.jsonl", [root / "pages"], split="tune", resamples=10)
    view = tune_view
    return {"seller_accuracy": result.offers_accuracy,
            **{f"{name}_f1": score.f1 for name, score in result.fields.items()},
            "flagged_precision": view.precision, "flagged_recall": view.recall}


def floors() -> dict[str, float]:
    return json.loads(FLOOR_FILE.read_text(encoding="utf-8"))["floors"]


@pytest.mark.parametrize("figure", sorted(floors()))
def test_tune_figure_stays_above_its_floor(tune_figures, figure):
    reached, floor = tune_figures[figure], floors()[figure]
    assert reached >= floor, (
        f"{figure} on the realworld tune split fell to {reached:.3f}, below its floor {floor:.2f} "
        f"({FLOOR_FILE.relative_to(REPO)}). Look at `clinicscan evaluate ../shared/realworld/gold.jsonl "
        "../shared/realworld/pages --split tune --flagged` for what got worse.")


def test_floor_file_names_every_figure(tune_figures):
    assert set(floors()) == set(tune_figures)


def test_no_hospital_transplant_programme_on_the_tune_flagged_list(tune_view):
    """Issue 8's bar: no approved transplant programme on the list (t019, an NHS collection leaflet
    for an autoimmune condition, was on it until the public-care-pathway reading:
    docs/transplant-programmes.md)."""
    assert [p.file for p in tune_view.transplant_programs_flagged] == []
