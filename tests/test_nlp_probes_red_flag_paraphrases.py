"""Our own paraphrases of each red flag and of the manual's exclusions, read in a seller page.

data/devset/red_flag_paraphrases.jsonl was written from ../shared/ANNOTATION.md section 3 alone,
never from ../shared/realworld. ``dev`` was read while writing pattern families; ``held`` was only
ever scored as counts; ``held2`` and ``held3`` were written later, each scored blind first (those
first figures are in docs/red-flags.md) and then read for the next round, so their floors now
guard what was fixed rather than estimate unseen wording. ``held4`` (written from the manual's
definitions with near-misses the manual excludes, including quoted and reported claims) was scored
blind at 0.574 recall and 3 false flags before the word-class families were written for it;
``held5``, written at the same time, scored 0.667 blind on main and 0.683 after that first round
(fitted families barely move the next batch), and was then read for a second round. ``held6``
scored 0.600 on main and 0.633 after both rounds, blind, then was read for a third. ``frames`` puts
ten claims in someone else's mouth (the clinic claimed, the website says, according to the
brochure, the FTC alleges, a presenter said): 30 of 80 were flags on main. ``held7`` was written
before the third round and never read until scored: 0.733 on main, 0.783 after three rounds
(the honest estimate of unseen wording), then read for a fourth. ``held8`` (short sentences varying
verb, subject, tense, numbers in words, regulators abroad, surgery idioms) and ``held10`` (the long
sentences of real marketing copy) were scored blind on main (0.920 / 3 false, 0.565 / 3 false) and
then read for new families; ``held9`` and ``held11``, written with them, were kept unread until the
end (docs/red-flags.md). ``held12`` (60 claims, 40 exclusions in the long sentences of FAQ answers,
published testimonials, service and pricing pages and licensed clinics abroad) was scored blind on
main fc599f2 at 0.867 recall and 2 false flags, then read for the families of
tests/test_nlp_probes_red_flags_scope.py (0.983, 0). Four "Why undergo surgery when ...?"
sentences of ``held``, ``held3``, ``held4`` and ``held7`` are exclusions since then: the coding
manual counts no red flag in a rhetorical question. ``held13`` (40 / 25) and ``held14`` (30 / 20) were
written after the first round, before the second: ``held13`` scored 0.775 (0 false) on main and
after round one, blind, and was read for round two (0.950); ``held14`` was never read: 0.900 on
main, 0.933 after both rounds (0 false flags). ``held15`` (40 claims / 25 exclusions, service-page
wording: regenerate/repair/reverse, permanent, no risk, shares and rates, guarantees, licences and
approvals abroad, alternatives to and the cost of surgery, published testimonials) was written
in session 21 from the manual and scored once blind on main e13fbc9: 0.925 recall, 1 false flag
(a share 17+ tokens before its outcome twice, a national ethics committee's approval; stem cells
"naturally" replacing tissue); it was then read for tests/test_nlp_probes_red_flags_reach.py
(1.000, 0). held11, never read, moved 0.852 -> 0.889 with those families. ``held16`` (34 claims / 26
exclusions) is service-page fragments: bullets, headings, badges and table cells (bench settings
``heading``, ``badge``, ``cell``), with topics, questions, descriptors, hedges and denials as the
exclusions; written from the manual in session 21 and scored once blind on main e1bf1dd: 0.853, 0
false (a bare "Safe ..." block twice, "cGMP-compliant" twice, "Most patients walk without a cane");
after nlp/fragments.py and the cGMP pattern 0.971, 0 (tests/test_nlp_probes_red_flags_fragments.py).
``held19`` (62 / 31) and ``held20`` (20 / 42, minimal pairs) were written in session 25 from the manual and
scored once blind on main 936ef53: 0.710 (1 false) and 0.650 (3 false); read for
tests/test_nlp_probes_red_flags_redwords.py: 0.935 (0) and 0.950 (0). ``held21`` (40 / 30), written
after that round, scored 0.700 (1) blind both on main and after it (the round did not carry), then was
read for a second round (0.875, 0). ``held22`` (20 / 15), written after the second round, scored 0.850
(1 false) blind on main and on the branch, and is kept unread.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

#: split -> (least recall, most false flags): what the shipped lexicon reaches, minus a little
FLOORS = {"dev": (1.0, 0), "held": (0.93, 1), "held2": (0.9, 0), "held3": (0.88, 0), "held4": (0.96, 0), "held5": (0.93, 0), "held6": (0.95, 0), "frames": (1.0, 0), "held7": (0.9, 0), "held8": (0.98, 0), "held10": (0.93, 0), "dev2": (0.97, 0), "dev3": (0.98, 0), "faqs": (0.95, 0), "grid": (1.0, 0), "held9": (0.85, 2), "held11": (0.88, 0),
          "held12": (0.95, 0), "held13": (0.95, 0), "held14": (0.9, 0), "held15": (0.97, 0),
          "held16": (0.95, 0), "held19": (0.93, 0), "held20": (0.95, 0), "held21": (0.85, 0), "held22": (0.85, 1)}


@pytest.fixture(scope="module")
def results():
    spec = importlib.util.spec_from_file_location("bench_redflags", ROOT / "bench" / "redflags.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.paraphrase_results()


def test_every_paraphrase_page_reads_as_a_seller(results):
    assert all(r["seller"] for r in results)


@pytest.mark.parametrize("split", sorted(FLOORS))
def test_paraphrased_red_flags_are_found_and_exclusions_are_not(results, split):
    rows = [r for r in results if r["split"] == split]
    claimed = [r for r in rows if r["claimed"]]
    recall = sum(r["hit"] for r in claimed) / len(claimed)
    false = [r["text"] for r in rows if not r["claimed"] and r["hit"]]
    least, most = FLOORS[split]
    missed = [r["text"] for r in claimed if not r["hit"]]
    assert recall >= least, f"{split}: recall {recall:.3f} < {least}; missed: {missed if split == 'dev' else len(missed)}"
    assert len(false) <= most, f"{split}: false flags {false if split == 'dev' else len(false)}"
