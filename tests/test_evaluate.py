"""evaluate(): figures on a tiny gold file, computed by hand below."""

from __future__ import annotations

import json

import pytest

from clinicscan.errors import InputError
from clinicscan.nlp.evaluate import cohen_kappa, evaluate

# page a: a clinic; our pipeline finds osteoarthritis + joint_pain, bone_marrow, avoid_surgery_claim
PAGE_A = ("<main><p>Our clinic treats knee arthritis and knee pain with bone marrow concentrate.</p>"
          "<p>Avoid knee replacement. Book your consultation.</p></main>")
# page b: a regulator warning: nothing offered
PAGE_B = ("<main><p>FDA warns consumers about unapproved stem cell products marketed for autism.</p>"
          "<p>The agency issued warning letters. Report adverse events to MedWatch.</p></main>")
# page c: a clinic whose gold says it offers, but the text has no booking cues and only a questioned product
PAGE_C = "<main><p>Is stem cell therapy right for COPD?</p></main>"


def write_devset(tmp_path, gold_rows):
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "a.html").write_text(PAGE_A)
    (pages / "b.html").write_text(PAGE_B)
    (pages / "c.html").write_text(PAGE_C)
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(json.dumps(r) for r in gold_rows) + "\n")
    return gold, pages


GOLD = [
    # a: gold misses joint_pain (extra), adds tendon_ligament_injury (missing), products agree, red flag agrees
    {"file": "a.html", "offers_treatment": True, "conditions": ["osteoarthritis", "tendon_ligament_injury"],
     "product_types": ["bone_marrow"], "red_flags": ["avoid_surgery_claim"], "split": "tune"},
    {"file": "b.html", "offers_treatment": False, "conditions": [], "product_types": [], "red_flags": [],
     "split": "tune"},
    # c: predicted not offering -> everything gold has here is missing
    {"file": "c.html", "offers_treatment": True, "conditions": ["lung_disease"],
     "product_types": ["unspecified_stem_cell"], "red_flags": [], "split": "holdout"},
]


def test_evaluate_figures_by_hand(tmp_path):
    gold, pages = write_devset(tmp_path, GOLD)
    result = evaluate(gold, [pages])
    # offers: a tp, b tn, c fn -> accuracy 2/3; kappa: po=2/3, gold yes 2/3, pred yes 1/3,
    # pe = 2/3*1/3 + 1/3*2/3 = 4/9; kappa = (2/3-4/9)/(1-4/9) = (2/9)/(5/9) = 0.4
    assert result.offers_accuracy == pytest.approx(2 / 3)
    assert result.offers_kappa == pytest.approx(0.4)
    assert result.offers_confusion == {"tp": 1, "fp": 0, "fn": 1, "tn": 1}
    # conditions: tp osteoarthritis; fp joint_pain; fn tendon_ligament_injury, lung_disease
    c = result.fields["conditions"]
    assert (c.tp, c.fp, c.fn) == (1, 1, 2)
    assert c.precision == pytest.approx(0.5) and c.recall == pytest.approx(1 / 3)
    assert c.f1 == pytest.approx(0.4)
    p = result.fields["product_types"]
    assert (p.tp, p.fp, p.fn) == (1, 0, 1) and p.f1 == pytest.approx(2 / 3)
    r = result.fields["red_flags"]
    assert (r.tp, r.fp, r.fn) == (1, 0, 0) and r.f1 == 1.0
    assert result.per_id["conditions"]["joint_pain"].fp == 1
    listed = {(d.file, d.field): (d.missing, d.extra) for d in result.disagreements}
    assert listed[("a.html", "conditions")] == (["tendon_ligament_injury"], ["joint_pain"])
    assert listed[("c.html", "offers_treatment")] == (["true"], [])
    assert "Cohen's kappa 0.400" in result.to_text()
    assert json.loads(result.to_json())["fields"]["conditions"]["f1"] == 0.4


def test_evaluate_split_filter(tmp_path):
    gold, pages = write_devset(tmp_path, GOLD)
    result = evaluate(gold, [pages], split="tune")
    assert result.pages == 2 and result.offers_accuracy == 1.0


def test_evaluate_finds_files_given_directly(tmp_path):
    gold, pages = write_devset(tmp_path, GOLD[:2])
    result = evaluate(gold, [pages / "a.html", pages / "b.html"])
    assert result.pages == 2


def test_evaluate_unknown_id_names_the_line(tmp_path):
    rows = GOLD[:1] + [{"file": "b.html", "offers_treatment": False, "conditions": ["gout"], "product_types": [],
                        "red_flags": []}]
    gold, pages = write_devset(tmp_path, rows)
    with pytest.raises(InputError, match=r"gold.jsonl:2: unknown conditions id\(s\) \['gout'\]"):
        evaluate(gold, [pages])


def test_evaluate_missing_page_names_the_line(tmp_path):
    rows = [dict(GOLD[0], file="nowhere.html")]
    gold, pages = write_devset(tmp_path, rows)
    with pytest.raises(InputError, match="gold.jsonl:1: page 'nowhere.html' not found"):
        evaluate(gold, [pages])


def test_cohen_kappa_edge_cases():
    assert cohen_kappa([True, True], [True, True]) == 1.0
    assert cohen_kappa([True, False], [False, True]) == pytest.approx(-1.0)
