"""bench/changed_pages.py: it counts the pages whose reading changed between two checkouts and
says nothing else (so it may be run on a split whose pages must not be read)."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SELLER = ("<html><body><h1>Knee injections at Brightwater Joint Clinic</h1><p>We inject your own bone marrow "
          "stem cells into arthritic knees. Book a consultation today: $4,500 a knee.</p></body></html>")
NEWS = ("<html><body><h1>Regulator warns about stem cell clinics</h1><p>The agency said no stem cell "
        "product is approved for knee arthritis, a spokesperson told reporters.</p></body></html>")


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("bench_changed_pages", ROOT / "bench" / "changed_pages.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _split(tmp_path: Path, pages: dict[str, str]) -> tuple[Path, Path]:
    folder = tmp_path / "pages"
    folder.mkdir()
    lines = []
    for name, html in pages.items():
        (folder / name).write_text(html, encoding="utf-8")
        lines.append(json.dumps({"file": name, "split": "s", "offers_treatment": False, "conditions": [],
                                 "product_types": [], "red_flags": []}))
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return gold, folder


def test_a_page_whose_reading_changed_is_counted(bench, tmp_path):
    gold, folder = _split(tmp_path, {"a.html": SELLER, "b.html": NEWS})
    assert bench.write_digests(tmp_path / "old.json", "s", gold, folder) == 2
    (folder / "b.html").write_text(SELLER.replace("Brightwater", "Lakeside"), encoding="utf-8")
    bench.write_digests(tmp_path / "new.json", "s", gold, folder)
    old, new = (json.loads((tmp_path / n).read_text()) for n in ("old.json", "new.json"))
    assert bench.count_changed(old, new) == (1, 2)
    assert bench.count_changed(old, old) == (0, 2)


def test_the_digest_ignores_order_and_unscored_fields(bench):
    one = {"offers_treatment": True, "conditions": ["knee_oa", "back_pain"], "claims": [1]}
    two = {"offers_treatment": True, "conditions": ["back_pain", "knee_oa"], "claims": [2, 3]}
    assert bench.reading_digest(one) == bench.reading_digest(two)
    assert bench.reading_digest(one) != bench.reading_digest({**one, "offers_treatment": False})


def test_compare_prints_only_a_count(tmp_path):
    for name, pages in (("old.json", {"a.html": "1", "b.html": "2"}), ("new.json", {"a.html": "1", "b.html": "3"})):
        (tmp_path / name).write_text(json.dumps({"split": "s", "pages": pages}), encoding="utf-8")
    result = subprocess.run([sys.executable, str(ROOT / "bench" / "changed_pages.py"), "compare",
                             str(tmp_path / "old.json"), str(tmp_path / "new.json")],
                            capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "split s: the reading of 1 of 2 pages changed"
