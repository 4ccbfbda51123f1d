"""The public API: ``import clinicscan as cs`` exports exactly these names, lazily."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pandas as pd
import pytest

import clinicscan
from clinicscan.paths import lexicon_dir

EXPORTED = {
    "__version__", "PageAnalysis", "ReportSummary", "ReportTables", "RunData", "ScanSummary", "Store",
    "analyse_page", "build_tables", "extract_files", "load_run", "open_store", "run_scan", "write_exports",
}

CLINIC_PAGE = ("<title>Harbour Joint Clinic</title><p>Our clinic offers bone marrow stem cell injections "
               "for knee osteoarthritis. It is guaranteed to work.</p><p>Book your visit today.</p>")


def test_exported_names_are_exactly_the_public_api():
    assert set(clinicscan.__all__) == EXPORTED
    assert len(clinicscan.__all__) == len(EXPORTED)
    for name in clinicscan.__all__:
        assert getattr(clinicscan, name) is not None
    from clinicscan import api

    assert set(api.__all__) == EXPORTED - {"__version__"}
    with pytest.raises(AttributeError, match="no attribute 'analyze_page'"):
        clinicscan.analyze_page  # noqa: B018


def test_import_is_lazy():
    # importing the package loads neither spaCy, Scrapy nor pandas: the CLI starts fast
    code = ("import sys, clinicscan; print(json.dumps([m for m in ('clinicscan.api', 'spacy', 'scrapy', 'pandas')"
            " if m in sys.modules]))")
    out = subprocess.run([sys.executable, "-c", "import json; " + code], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == []


def test_analyse_page_takes_another_lexicon(tmp_path):
    folder = tmp_path / "lexicon"
    shutil.copytree(lexicon_dir(), folder)
    with (folder / "conditions.jsonl").open("a", encoding="utf-8") as handle:
        handle.write(json.dumps({"label": "CONDITION", "id": "joint_pain", "pattern": "grumbling hinges"}) + "\n")
    html = "<p>We offer stem cell injections for grumbling hinges.</p>"
    assert "joint_pain" not in clinicscan.analyse_page(html).conditions
    assert clinicscan.analyse_page(html, lexicon=folder).conditions == ["joint_pain"]
    from clinicscan.nlp.lexicon import load_lexicon

    assert clinicscan.analyse_page(html, None, load_lexicon(folder)).conditions == ["joint_pain"]
    # the shipped lexicon is unchanged afterwards
    assert "joint_pain" not in clinicscan.analyse_page(html).conditions


def test_store_is_a_context_manager(tmp_path):
    url = f"sqlite:///{tmp_path / 'api.db'}"
    with clinicscan.open_store(url) as store:
        assert isinstance(store, clinicscan.Store)
        with store.session() as session:
            store.upsert_site(session, "clinic.example", "Clinic", "https://clinic.example/")
    assert store.engine.pool.checkedout() == 0
    with clinicscan.open_store(url) as again:  # the data stayed
        with again.session() as session:
            assert again.upsert_site(session, "clinic.example", "", "").name == "Clinic"


def test_open_store_defaults_to_the_configured_database(tmp_path, monkeypatch):
    monkeypatch.delenv("CLINICSCAN_DB", raising=False)
    with clinicscan.open_store(home=tmp_path) as store:
        assert store.url == f"sqlite:///{(tmp_path / 'clinicscan.db').resolve()}"


def test_tables_without_files_match_the_written_exports(tmp_path):
    folder = tmp_path / "pages" / "harbour"
    folder.mkdir(parents=True)
    (folder / "index.html").write_text(CLINIC_PAGE, encoding="utf-8")
    with clinicscan.open_store(f"sqlite:///{tmp_path / 'api.db'}") as store:
        run_id = clinicscan.extract_files(store, [folder.parent], workers=1)
        run = clinicscan.load_run(store, run_id)
        assert run.run_id == run_id and isinstance(run.pages, pd.DataFrame) and len(run.pages) == 1
        before = sorted(tmp_path.rglob("*"))
        tables = clinicscan.build_tables(store, run_id)
        assert sorted(tmp_path.rglob("*")) == before  # nothing written
        assert list(tables.flagged["site"]) == ["harbour"]
        assert {("osteoarthritis", "bone_marrow")} <= set(zip(tables.evidence["condition"],
                                                              tables.evidence["product_type"]))
        summary = clinicscan.write_exports(store, tmp_path / "out", run_id)
    assert summary.flagged_count == 1
    written = pd.read_csv(tmp_path / "out" / "evidence.csv")
    assert list(written["condition"]) == list(tables.evidence["condition"])
    assert list(written["evidence_status"]) == list(tables.evidence["evidence_status"])
