"""A saved clinicscan pipeline loads by name through the package's spaCy entry points."""

from __future__ import annotations

import subprocess
import sys

from clinicscan.nlp.pipeline import build_pipeline

LOAD_WITHOUT_IMPORT = """
import sys, spacy
assert "nlp" not in sys.modules
nlp = spacy.load(sys.argv[1])  # finds the factories through [project.entry-points.spacy_factories]
doc = nlp("We treat knee arthritis with amniotic stem cells.")
print(",".join(nlp.pipe_names))
"""


def test_saved_pipeline_loads_in_a_fresh_process_without_importing_nlp(tmp_path):
    build_pipeline().to_disk(tmp_path / "pipeline")
    done = subprocess.run([sys.executable, "-c", LOAD_WITHOUT_IMPORT, str(tmp_path / "pipeline")],
                          capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().split(",") == [
        "clinicscan_blocks", "clinicscan_mentions", "clinicscan_context", "clinicscan_offer"]
