"""Grouped cross-validation of the seller decision: whole sources held out, and the cues written for them dropped.

Pages here are synthetic TrainingPage rows (feature vectors, no text), so the test needs
scikit-learn (the ``train`` extra scripts/setup.sh installs) and no real-world pages.
"""

from __future__ import annotations

import pytest

from clinicscan.nlp.train_seller import TrainingPage, grouped_cross_validate, unseen_cue_score

pytest.importorskip("sklearn")

NAMES = ["rule_score", "rate_we", "rate_news"]


def _page(source: str, file: str, offers: bool, score: float, cues: dict[str, float], we: float, news: float):
    return TrainingPage(source, file, offers, score >= 0, [max(-15.0, min(15.0, score)) / 5.0, we, news], file,
                        score, cues)


def test_a_cue_seen_only_in_the_held_out_source_does_not_count():
    page = _page("realworld", "k01.html", True, 1.0, {"our clinic": 2.0, "said": -1.0}, 3.0, 0.0)
    assert page.group == "realworld:k"
    assert unseen_cue_score(page, {"our clinic", "said"}) == 1.0
    assert unseen_cue_score(page, {"said"}) == -1.0          # "our clinic" fires nowhere else
    assert unseen_cue_score(page, set()) == 0.0


def test_each_source_is_scored_by_a_model_and_cues_that_never_saw_it():
    pages = []
    for i in range(12):  # fictional pages: always trained on, never scored
        seller = i % 2 == 0
        pages.append(_page("devset", f"t{i:02d}.html", seller, 2.0 if seller else -2.0,
                           {"book now": 2.0} if seller else {"reporter": -2.0}, 4.0 if seller else 0.5,
                           0.0 if seller else 3.0))
    for letter in "ab":
        for i in range(6):
            seller = i < 3
            pages.append(_page("realworld", f"{letter}{i:02d}.html", seller, 2.0 if seller else -2.0,
                               {"book now": 2.0} if seller else {"reporter": -2.0}, 4.0 if seller else 0.5,
                               0.0 if seller else 3.0))
    # a seller whose only offer cue was written for its own source: as shipped it is read right,
    # held out it is not
    pages.append(_page("realworld", "c00.html", True, 0.5, {"our lab in town": 3.0, "reporter": -2.0}, 0.2, 0.5))
    result = grouped_cross_validate(pages, NAMES, c=1.0, override=(0.15, None))
    assert result["held_out"] == ["realworld:a", "realworld:b", "realworld:c"]
    variants = result["variants"]
    assert "devset" not in variants["rules"]
    assert variants["rules as shipped"]["realworld"] == {"accuracy": 1.0, "false_sellers": 0, "missed_sellers": 0,
                                                         "pages": 13}
    assert variants["rules"]["realworld"]["missed_sellers"] == 1   # c00 without its own cue: -1.5
    assert variants["rules"]["realworld"]["pages"] == 13
