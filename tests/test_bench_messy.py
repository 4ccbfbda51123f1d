"""bench/messify.py and bench/messy.py: the messifier keeps a page's text and meaning, and our own
pages whose reading it changed before the messy-HTML fixes now read the same clean and messy."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
#: our pages whose reading the mess changed on main before the fixes (bench/messy.py, seed 0)
CHANGED_BLIND = ["data/devset/pages/g008-panama-young-donor-cells.html", "data/devset/pages/g035-novi-sad-svf-knee-men.html",
                 "data/devset/pages/h05-kl-stroke-tbi.html", "data/devset/pages/h38-news-ambulance-clinic-death.html",
                 "data/devset/pages/h47-science-blog-bingo.html", "data/devset/pages/g039-boise-functional-medicine-blog.html",
                 "data/demo/sites/nuvexa-bio/faq.html"]


@pytest.fixture(scope="module")
def messy():
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        spec = importlib.util.spec_from_file_location("bench_messy", ROOT / "bench" / "messy.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(ROOT / "bench"))


def test_messify_is_seeded_and_changes_only_markup_and_marks(messy):
    html = (ROOT / CHANGED_BLIND[0]).read_text(encoding="utf-8")
    for kind in messy.KINDS:
        assert messy.messify(html, [kind], 3) == messy.messify(html, [kind], 3)
    assert messy.messify(html, ["br"], 0) != html
    assert messy.messify(html, [], 0) == html


@pytest.mark.parametrize("page", CHANGED_BLIND)
def test_a_page_reads_the_same_clean_and_messy(messy, page):
    html = (ROOT / page).read_text(encoding="utf-8")
    clean = messy.reading(html)
    for kind in [*messy.KINDS, None]:
        kinds = list(messy.KINDS) if kind is None else [kind]
        assert messy.reading(messy.messify(html, kinds, 0)) == clean, (page, kind or "all")
