"""The one question every wording probe asks: which ids of a kind does this text claim?

Shared by the probe files (tests/test_nlp_probes_*.py) so they all count the way the exports do.
"""

from __future__ import annotations

from clinicscan.nlp.pipeline import shared_pipeline
from clinicscan.vocabulary import counted_contexts


def counted(text: str, kind: str) -> set[str]:
    """Vocabulary ids of ``kind`` that ``text`` claims (asserted or hedged mentions; asserted only for red flags)."""
    doc = shared_pipeline()(text)
    return {c.vocab_id for c in doc._.clinicscan_claims if c.kind == kind and c.context in counted_contexts(kind)}
