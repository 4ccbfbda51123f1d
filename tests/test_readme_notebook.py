"""The README's notebook session runs as written, in a fresh folder, and does what it says."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pandas as pd

README = Path(__file__).resolve().parents[1] / "README.md"


def notebook_example() -> str:
    text = README.read_text(encoding="utf-8")
    section = text[text.index("## Use it from a notebook"):]
    section = section[:section.index("\n## ", 1)]
    blocks = re.findall(r"```python\n(.*?)```", section, re.S)
    assert len(blocks) == 1, "the notebook section has exactly one python block"
    return blocks[0]


def test_readme_notebook_example_runs(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CLINICSCAN_DB", raising=False)
    namespace: dict = {"__name__": "__notebook__"}
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(notebook_example(), str(README) + ":notebook", "exec"), namespace)  # noqa: S102
    # what the comments in the example promise
    assert namespace["page"].offers_treatment is True
    assert "osteoarthritis" in namespace["page"].conditions
    assert namespace["mine"].conditions == ["joint_pain"]
    run = namespace["run"]
    assert {"sites", "pages", "claims", "trials"} <= set(vars(run))
    assert isinstance(run.claims, pd.DataFrame) and run.claims["counts"].any()
    tables = namespace["tables"]
    assert isinstance(tables.evidence, pd.DataFrame) and len(tables.evidence)
    assert list(tables.flagged["site"]) == ["regen-knee"]
    written = sorted(p.name for p in (tmp_path / "exports").iterdir())
    assert written == ["businesses.csv", "claims.csv", "clinics.csv", "evidence.csv", "flagged_clinics.csv",
                       "locations.csv", "pages.csv", "report.html"]
    assert "1 clinic(s) flagged" in printed.getvalue()
    assert (tmp_path / "notebook.db").exists()
