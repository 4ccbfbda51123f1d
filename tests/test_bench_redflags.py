"""bench/redflags.py: per-id red-flag figures, the numbered lexicon behind the per-line view, and
the check split it must never read."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from clinicscan.nlp.analyse import analyse_page
from clinicscan.nlp.lexicon import load_lexicon
from clinicscan.paths import lexicon_dir

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("bench_redflags", ROOT / "bench" / "redflags.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_check_split_is_refused(bench, tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"file": "x.html", "split": "check"}) + "\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="lead"):
        bench.read(gold, "check")


def _page(prefix, gold, counted, seller, gold_seller=True):
    return {"prefix": prefix, "gold": set(gold), "counted": {i: "s" for i in counted}, "seller": seller,
            "gold_seller": gold_seller}


def test_end_to_end_counts_nothing_on_a_page_read_as_not_selling(bench):
    pages = [_page("o", ["cure_claim"], ["cure_claim"], seller=False),
             _page("o", ["fda_claim"], ["fda_claim", "safety_claim"], seller=True)]
    assert bench.score(pages, oracle=False)["all"] == [1, 1, 1]
    assert bench.score(pages, oracle=True)["all"] == [2, 1, 0]
    assert bench.score(pages, oracle=True)["safety_claim"] == [0, 1, 0]


def test_the_numbered_lexicon_says_which_line_found_a_flag(bench, tmp_path):
    bench.numbered_lexicon(lexicon_dir(), tmp_path)
    lexicon = load_lexicon(tmp_path)
    numbered = [p for p in lexicon.patterns if p.kind == "red_flag"]
    assert numbered and all("@" in p.detail_id and p.vocab_id == p.detail_id.split("@")[0] for p in numbered)
    page = analyse_page("<h1>Stem cells</h1><p>We offer stem cell injections. Our injections have no side "
                        "effects.</p>", lexicon_dir=str(tmp_path))
    found = [c for c in page.claims if c.kind == "red_flag"]
    assert page.red_flags == ["safety_claim"] and found
    line = int(found[0].detail_id.split("@")[1])
    raw = (lexicon_dir() / "red_flags.jsonl").read_text(encoding="utf-8").splitlines()[line - 1]
    assert json.loads(raw)["id"] == "safety_claim"
