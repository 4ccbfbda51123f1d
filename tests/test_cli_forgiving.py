"""A forgiving command line: --db/--home before or after the command, every skipped input
file named with a non-zero exit, and a typo in a lexicon pattern as one line naming the file."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import clinicscan
from clinicscan.cli import cli, hoist_global_options
from clinicscan.errors import LexiconError
from clinicscan.nlp import lexicon as lexicon_module
from clinicscan.nlp.lexicon import load_lexicon
from clinicscan.nlp.pipeline import build_pipeline
from clinicscan.nlp.rules import load_context_rules
from clinicscan.paths import lexicon_dir

CLINICSCAN = str(Path(sys.executable).with_name("clinicscan"))


def study(nct: str) -> dict:
    """A minimal fictional ClinicalTrials.gov API v2 study."""
    return {"protocolSection": {
        "identificationModule": {"nctId": nct, "briefTitle": "Fictional cell study [fixture]"},
        "statusModule": {"overallStatus": "COMPLETED"},
        "conditionsModule": {"conditions": ["Knee Osteoarthritis"]},
        "designModule": {"studyType": "INTERVENTIONAL", "phases": ["PHASE2"]},
        "armsInterventionsModule": {"interventions": [{"type": "BIOLOGICAL", "name": "Mesenchymal stem cells"}]},
    }}


PAGE = "<title>Harbour Joint Clinic</title><p>We offer stem cell injections for knee osteoarthritis.</p>"


def _trials(db: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        return [row[0] for row in conn.execute("select nct_id from trials order by nct_id")]


@pytest.mark.parametrize("args", [
    ["--db", "URL", "registry", "import-ctgov", "f.json"],
    ["registry", "import-ctgov", "f.json", "--db", "URL"],
    ["registry", "--db", "URL", "import-ctgov", "f.json"],
    ["registry", "import-ctgov", "--db=URL", "f.json"],
])
def test_db_is_hoisted_from_anywhere(args):
    hoisted = hoist_global_options(args)
    assert hoisted[:2] in (["--db", "URL"], ["--db=URL", "registry"])
    assert [a for a in hoisted if a not in ("--db", "URL", "--db=URL")] == ["registry", "import-ctgov", "f.json"]


def test_arguments_after_double_dash_stay_put():
    assert hoist_global_options(["extract", "--", "--db", "x"]) == ["extract", "--", "--db", "x"]
    assert hoist_global_options(["report", "--home"]) == ["report", "--home"]  # click says what is missing


def test_import_ctgov_with_db_after_the_command(tmp_path):
    path = tmp_path / "one.json"
    path.write_text(json.dumps(study("NCT90000101")), encoding="utf-8")
    db = tmp_path / "after.db"
    result = subprocess.run([CLINICSCAN, "registry", "import-ctgov", str(path), "--db", f"sqlite:///{db}"],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert _trials(db) == ["NCT90000101"]


def test_home_after_the_command(tmp_path, monkeypatch):
    monkeypatch.delenv("CLINICSCAN_DB", raising=False)
    path = tmp_path / "one.json"
    path.write_text(json.dumps(study("NCT90000102")), encoding="utf-8")
    result = CliRunner().invoke(cli, ["registry", "import-ctgov", str(path), "--home", str(tmp_path / "work")])
    assert result.exit_code == 0, result.output
    assert _trials(tmp_path / "work" / "clinicscan.db") == ["NCT90000102"]


def test_import_whose_only_file_is_torn_exits_non_zero(tmp_path):
    torn = tmp_path / "torn.json"
    torn.write_text('{"studies": [{"protocolSection": ', encoding="utf-8")
    result = CliRunner().invoke(cli, ["--db", f"sqlite:///{tmp_path / 't.db'}", "registry", "import-ctgov", str(torn)])
    assert result.exit_code == 1
    assert f"skipped input file: {torn}: not ClinicalTrials.gov JSON" in result.output


def test_import_names_each_skipped_file_once_and_keeps_the_good_one(tmp_path):
    good = tmp_path / "good.json"
    good.write_text(json.dumps({"studies": [study("NCT90000103"), {"protocolSection": {}}]}), encoding="utf-8")
    torn = tmp_path / "torn.json"
    torn.write_text("{", encoding="utf-8")
    empty = tmp_path / "bad.csv"
    empty.write_text("Title,Status\nx,y\n", encoding="utf-8")
    db = tmp_path / "m.db"
    result = CliRunner().invoke(cli, ["registry", "import-ctgov", str(good), str(torn), str(empty),
                                      "--db", f"sqlite:///{db}"])
    assert result.exit_code == 1
    skipped = [line for line in result.output.splitlines() if line.startswith("skipped input file:")]
    assert [line.split(": ")[1] for line in skipped] == [str(torn), str(empty)]  # good.json: one bad study only
    assert _trials(db) == ["NCT90000103"]


def test_extract_with_skipped_inputs_exits_non_zero_naming_each(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "clinic.html").write_text(PAGE, encoding="utf-8")
    latin = pages / "old.html"
    latin.write_bytes("<p>Caf\xe9 stem cell therapy</p>".encode("latin-1"))
    notes = tmp_path / "notes.pdf"
    notes.write_bytes(b"%PDF-1.4")
    result = CliRunner().invoke(cli, ["extract", str(pages), str(notes), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1, result.output
    skipped = [line for line in result.output.splitlines() if line.startswith("skipped input file:")]
    assert len(skipped) == 2
    assert any(str(notes) in line and "not a .html" in line for line in skipped)
    assert any(str(latin.resolve()) in line and "not UTF-8" in line for line in skipped)
    assert (tmp_path / "out" / "pages.csv").exists()  # the readable page was still exported


def _lexicon_with(tmp_path: Path, name: str, row: dict) -> tuple[Path, int]:
    folder = tmp_path / "lexicon"
    shutil.copytree(lexicon_dir(), folder, dirs_exist_ok=True)
    with (folder / name).open("a", encoding="utf-8") as handle:
        handle.write(json.dumps(row) + "\n")
    return folder, (folder / name).read_text(encoding="utf-8").count("\n")


TYPO = {"label": "CONDITION", "id": "osteoarthritis", "pattern": [{"LOWR": "creaky"}, {"LOWER": "knees"}]}


def test_a_typo_in_a_lexicon_pattern_names_file_and_line(tmp_path):
    folder, line = _lexicon_with(tmp_path, "conditions.jsonl", TYPO)
    message = rf"conditions.jsonl:{line}: not a valid token pattern \(token 1: unknown key 'LOWR'\)"
    with pytest.raises(LexiconError, match=message):
        load_lexicon(folder)
    with pytest.raises(LexiconError, match=message):
        build_pipeline(str(folder))
    with pytest.raises(LexiconError, match=message):
        clinicscan.analyse_page(PAGE, lexicon=folder)


def test_a_typo_in_a_context_rule_pattern_names_file_and_line(tmp_path):
    folder, line = _lexicon_with(tmp_path, "context_rules.jsonl",
                                 {"category": "negated", "direction": "forward", "pattern": [{"LOWER": {"INN": ["no"]}}]})
    with pytest.raises(LexiconError, match=rf"context_rules.jsonl:{line}: not a valid token pattern"):
        load_context_rules(folder / "context_rules.jsonl")


def test_the_command_line_prints_a_lexicon_typo_as_one_line(tmp_path, monkeypatch):
    from clinicscan.nlp import pipeline

    folder, line = _lexicon_with(tmp_path, "conditions.jsonl", TYPO)
    monkeypatch.setattr(lexicon_module, "lexicon_dir", lambda: folder)
    pipeline._shared_pipeline.cache_clear()
    try:
        pages = tmp_path / "pages"
        pages.mkdir()
        (pages / "clinic.html").write_text(PAGE, encoding="utf-8")
        result = CliRunner().invoke(cli, ["extract", str(pages), "--out", str(tmp_path / "out")])
    finally:
        pipeline._shared_pipeline.cache_clear()
    assert result.exit_code == 2
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert f"conditions.jsonl:{line}: not a valid token pattern" in result.output
    assert "Traceback" not in result.output
