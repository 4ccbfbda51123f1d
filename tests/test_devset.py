"""The labelled development set stays well-formed: every label is a vocabulary id, every page
exists, and each split (tune, holdout, and the later-written "general" set) is big and varied
enough to tune on one and report honestly on the others."""

import json
from collections import Counter
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent.parent / "data"
DEVSET = DATA / "devset"
PAGES = DEVSET / "pages"
GOLD = DEVSET / "gold.jsonl"
FIELDS = {"file", "offers_treatment", "conditions", "product_types", "red_flags", "split", "kind", "note"}
#: the later batches also say what the page is and where (as ../shared/realworld does; `evaluate` reports per genre)
OPTIONAL_FIELDS = {"genre", "country"}
#: "study" and "unseen" (session 25 sellerdata): two halves of one blind batch, split by topic before it was scored
#: "claims29" (session 29 claimbatch): a blind batch for claim reading (conditions, products, red flags)
SPLIT_BY_PREFIX = {"t": "tune", "h": "holdout", "g": "general", "n": "study", "u": "unseen", "c": "claims29"}
KINDS = {"clinic", "transplant", "regulator", "news", "research", "trial", "banking", "sceptic",
         "society", "explainer"}


def _vocabulary() -> dict[str, set[str]]:
    vocab = json.loads((DATA / "vocabulary.json").read_text(encoding="utf-8"))
    return {
        "conditions": set(vocab["conditions"]),
        "product_types": set(vocab["product_types"]),
        "red_flags": set(vocab["red_flags"]),
    }


def _gold() -> list[dict]:
    rows = []
    for number, line in enumerate(GOLD.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            row = json.loads(line)
            row["_line"] = number
            rows.append(row)
    return rows


ROWS = _gold()


def test_gold_has_enough_pages():
    assert len(ROWS) >= 80


def test_files_are_unique_and_sorted():
    files = [row["file"] for row in ROWS]
    assert [f for f, n in Counter(files).items() if n > 1] == []
    assert files == sorted(files)


@pytest.mark.parametrize("row", ROWS, ids=lambda row: row["file"])
def test_row_is_well_formed(row):
    assert FIELDS <= set(row) - {"_line"} <= FIELDS | OPTIONAL_FIELDS
    assert isinstance(row["offers_treatment"], bool)
    assert row["split"] in set(SPLIT_BY_PREFIX.values())
    assert row["split"] == SPLIT_BY_PREFIX.get(row["file"][0]), f"{row['file']}: id prefix must match split"
    assert row["kind"] in KINDS
    page = PAGES / row["file"]
    assert page.is_file(), f"gold line {row['_line']}: {page} is missing"
    assert page.suffix in {".html", ".txt"}
    assert len(page.read_text(encoding="utf-8").strip()) > 200


@pytest.mark.parametrize("row", ROWS, ids=lambda row: row["file"])
def test_labels_are_vocabulary_ids(row):
    vocabulary = _vocabulary()
    for field, allowed in vocabulary.items():
        values = row[field]
        assert values == sorted(set(values)), f"{row['file']}: {field} must be sorted, no repeats"
        assert set(values) <= allowed, f"{row['file']}: unknown {field} {set(values) - allowed}"


@pytest.mark.parametrize("row", [r for r in ROWS if not r["offers_treatment"]],
                         ids=lambda row: row["file"])
def test_pages_that_do_not_offer_treatment_have_no_claims(row):
    assert row["conditions"] == row["product_types"] == row["red_flags"] == []


@pytest.mark.parametrize("row", [r for r in ROWS if r["offers_treatment"]], ids=lambda row: row["file"])
def test_offering_pages_name_what_they_offer(row):
    assert row["product_types"], f"{row['file']} offers treatment but names no product type"


def test_every_page_has_a_gold_line():
    labelled = {row["file"] for row in ROWS}
    on_disk = {p.name for p in PAGES.iterdir() if p.is_file()}
    assert on_disk - labelled == set()


@pytest.mark.parametrize("split", ["tune", "holdout", "general"])
def test_each_split_is_large_and_has_both_answers(split):
    rows = [row for row in ROWS if row["split"] == split]
    assert len(rows) >= 40
    answers = Counter(row["offers_treatment"] for row in rows)
    assert answers[True] >= 15 and answers[False] >= 15


@pytest.mark.parametrize("split", ["study", "unseen"])
def test_each_half_of_the_seller_batch_has_both_answers_evenly(split):
    """Session 25's batch (data/devset/README.md): each half holds sellers and their look-alike non-sellers alike."""
    rows = [row for row in ROWS if row["split"] == split]
    assert len(rows) >= 25
    answers = Counter(row["offers_treatment"] for row in rows)
    assert abs(answers[True] - answers[False]) <= 2
    assert all(row.get("genre") for row in rows)


def test_the_claims_batch_is_mostly_sellers_with_look_alikes():
    """Session 29's claims batch (data/devset/README.md): sellers whose claims are hard to read, and non-sellers
    using the same words; every line says its genre and country."""
    rows = [row for row in ROWS if row["split"] == "claims29"]
    assert len(rows) >= 20
    answers = Counter(row["offers_treatment"] for row in rows)
    assert answers[True] >= 15 and answers[False] >= 5
    assert all(row.get("genre") and row.get("country") for row in rows)


def test_split_is_stratified_by_kind():
    """Tune and holdout were drawn from one pool, so each kind must sit in both halves."""
    by_kind = Counter((row["kind"], row["split"]) for row in ROWS)
    for kind in {row["kind"] for row in ROWS if row["split"] in {"tune", "holdout"}}:
        tune, holdout = by_kind[(kind, "tune")], by_kind[(kind, "holdout")]
        assert tune and holdout, f"kind {kind} is missing from one split"
        assert abs(tune - holdout) <= max(2, (tune + holdout) // 5), f"kind {kind}: {tune} vs {holdout}"


def test_general_split_covers_every_kind_and_claim():
    """The general set is an independent estimate, so on its own it must span every page kind,
    every red flag and most product types, not just the easy clinic pages."""
    rows = [row for row in ROWS if row["split"] == "general"]
    assert {row["kind"] for row in rows} == KINDS
    vocabulary = _vocabulary()
    assert set().union(*(row["red_flags"] for row in rows)) == vocabulary["red_flags"]
    assert len(set().union(*(row["product_types"] for row in rows))) >= len(vocabulary["product_types"]) - 1


def test_every_vocabulary_kind_is_exercised():
    """Each red flag and most product types appear somewhere, so the set can measure them."""
    seen = {field: set().union(*(row[field] for row in ROWS)) for field in ("product_types", "red_flags")}
    vocabulary = _vocabulary()
    assert seen["red_flags"] == vocabulary["red_flags"]
    assert len(seen["product_types"]) >= len(vocabulary["product_types"]) - 1
