"""The evaluator's researcher-facing parts: intervals, groups, evidence beside misses, the
summary mode, gold key checks and the regulator's view, on small pages written here."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest
from click.testing import CliRunner

from clinicscan.cli import cli
from clinicscan.errors import InputError
from clinicscan.nlp.bootstrap import bootstrap_intervals
from clinicscan.nlp.evaluate import GoldPage, evaluate, score_pages
from clinicscan.nlp.genre_families import family_of
from clinicscan.regulator_view import expected_on_list, is_transplant_program, regulator_view

# a clinic selling marrow concentrate for knee arthritis (should be flagged: no approval for that use)
CLINIC = ("<main><h1>Knee Arthritis Care</h1><p>Our clinic treats knee arthritis and knee pain with bone marrow "
          "concentrate drawn from your own hip.</p><p>Call today to book your consultation with Dr. Lowe.</p></main>")
# a regulator's warning: sells nothing
REGULATOR = ("<main><p>The agency warns consumers about unapproved stem cell products marketed for autism.</p>"
             "<p>Warning letters went to several firms. Report side effects to the agency.</p></main>")
# a page gold calls a seller but that reads as a question only
QUESTION = "<main><p>Is stem cell therapy right for COPD?</p></main>"

GOLD = [
    {"file": "clinic.html", "offers_treatment": True, "conditions": ["osteoarthritis", "tendon_ligament_injury"],
     "product_types": ["bone_marrow"], "red_flags": [], "split": "tune", "kind": "clinic",
     "genre": "service page", "country": "US", "notes": "written for this test",
     "evidence": {"osteoarthritis": "Our clinic treats knee arthritis.",
                  "tendon_ligament_injury": "We also repair torn tendons with the same cells.",
                  "bone_marrow": "bone marrow concentrate drawn from your own hip"}},
    {"file": "regulator.html", "offers_treatment": False, "conditions": [], "product_types": [], "red_flags": [],
     "split": "tune", "kind": "contrast", "genre": "news (agency warning)", "country": "US", "evidence": {}},
    {"file": "question.html", "offers_treatment": True, "conditions": ["lung_disease"],
     "product_types": ["unspecified_stem_cell"], "red_flags": [], "split": "tune", "kind": "clinic",
     "genre": "zine", "evidence": {"lung_disease": "Is stem cell therapy right for COPD?"}},
]


def write_gold(tmp_path, rows):
    pages = tmp_path / "pages"
    pages.mkdir(exist_ok=True)
    (pages / "clinic.html").write_text(CLINIC)
    (pages / "regulator.html").write_text(REGULATOR)
    (pages / "question.html").write_text(QUESTION)
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    return gold, pages


def test_bootstrap_is_deterministic_with_a_seed_and_brackets_the_figure():
    counts = {"f": [(1, 0, 0), (0, 1, 1), (2, 0, 1), (0, 0, 0), (1, 1, 0)] * 4}
    correct = {"acc": [True, False, True, True, False] * 4}
    first = bootstrap_intervals(counts, correct, resamples=200, seed=3)
    again = bootstrap_intervals(counts, correct, resamples=200, seed=3)
    other = bootstrap_intervals(counts, correct, resamples=200, seed=4)
    assert first == again
    assert first != other
    # micro F1 on all pages: tp 16, fp 8, fn 8 -> 0.667; accuracy 0.6: inside their intervals
    assert first["f"].low <= 2 / 3 <= first["f"].high
    assert first["acc"].low <= 0.6 <= first["acc"].high
    assert first["acc"].low < first["acc"].high
    # all right: no spread at all
    perfect = bootstrap_intervals({"f": [(1, 0, 0)] * 5}, {"acc": [True] * 5}, resamples=50)
    assert (perfect["f"].low, perfect["f"].high, perfect["acc"].low) == (1.0, 1.0, 1.0)


def test_bootstrap_refuses_sequences_of_different_pages():
    with pytest.raises(ValueError, match="same pages"):
        bootstrap_intervals({"f": [(1, 0, 0)] * 3}, {"acc": [True] * 2})


def test_genres_fall_into_families_first_rule_wins():
    assert family_of("news (FTC settlement)") == "news"
    assert family_of("service page") == "service"
    assert family_of("donor registry FAQ") == "trial"  # trial/registry/bank is tried before FAQ
    assert family_of("physician blog (fact-check)") == "regulator"  # critics before blogs
    assert family_of("zine") == "other" and family_of(None) == "other"


def test_extra_gold_keys_are_accepted_and_groups_reported(tmp_path):
    gold, pages = write_gold(tmp_path, GOLD)
    result = evaluate(gold, [pages], resamples=100)
    kinds = result.groups("kind")
    assert kinds["clinic"].pages == 2 and kinds["contrast"].pages == 1
    families = result.groups("family")
    assert set(families) == {"service", "news", "other"}
    assert families["news"].seller_accuracy == 1.0
    assert result.groups("genre")["zine"].seller_accuracy == 0.0  # the question page is a missed seller
    assert [p.file for p in result.seller_errors()["missed_sellers"]] == ["question.html"]
    data = json.loads(result.to_json())
    assert data["by_family"]["news"]["pages"] == 1
    assert len(data["fields"]["conditions"]["f1_interval"]) == 2
    assert data["offers_treatment"]["missed_sellers"] == [{"file": "question.html", "kind": "clinic", "genre": "zine"}]


def test_misses_show_the_gold_evidence_and_extras_our_sentence(tmp_path):
    # gold here leaves out the page's plain osteoarthritis claim, so that it is an extra
    rows = [dict(GOLD[0], conditions=["tendon_ligament_injury"]), *GOLD[1:]]
    gold, pages = write_gold(tmp_path, rows)
    result = evaluate(gold, [pages], resamples=100)
    by_field = {(d.file, d.field): d for d in result.disagreements}
    conditions = by_field[("clinic.html", "conditions")]
    assert conditions.missing == ["tendon_ligament_injury"]
    assert conditions.expected == {"tendon_ligament_injury": "We also repair torn tendons with the same cells."}
    assert "osteoarthritis" in conditions.extra
    assert conditions.found["osteoarthritis"] == "Knee Arthritis Care"  # our first sentence naming it
    text = result.to_text()
    miss = text.index("missing tendon_ligament_injury")
    assert text[miss:].splitlines()[1].strip() == 'gold: "We also repair torn tendons with the same cells."'
    extra = text.index("extra osteoarthritis")
    assert text[extra:].splitlines()[1].strip() == 'ours: "Knee Arthritis Care"'


def test_summary_mode_names_no_page(tmp_path):
    gold, pages = write_gold(tmp_path, GOLD)
    result = evaluate(gold, [pages], resamples=100)
    assert "question.html" in result.to_text()
    text, data = result.summary_text(), json.dumps(result.summary_dict())
    for secret in ("question.html", "clinic.html", "zine", "torn tendons", "knee pain"):
        assert secret not in text and secret not in data
    assert "by genre family" in text and "offers_treatment: accuracy 0.667" in text


def test_unknown_gold_key_is_refused_naming_it(tmp_path):
    rows = [dict(GOLD[1], conditons=["autism"])]
    gold, pages = write_gold(tmp_path, rows)
    with pytest.raises(InputError, match=r"gold.jsonl:1: unknown \['conditons'\] key\(s\)"):
        evaluate(gold, [pages])
    rows = [{k: v for k, v in GOLD[1].items() if k != "red_flags"}]
    gold, pages = write_gold(tmp_path, rows)
    with pytest.raises(InputError, match=r"gold.jsonl:1: missing \['red_flags'\] key\(s\)"):
        evaluate(gold, [pages])


def test_evidence_must_map_ids_to_sentences(tmp_path):
    gold, pages = write_gold(tmp_path, [dict(GOLD[1], evidence=["a sentence"])])
    with pytest.raises(InputError, match="gold.jsonl:1: evidence must map ids to sentences"):
        evaluate(gold, [pages])


def page(offers=True, conditions=(), products=(), genre=None, notes=None) -> GoldPage:
    ids = {"conditions": set(conditions), "product_types": set(products), "red_flags": set()}
    return GoldPage("p.html", 1, offers, ids, genre=genre, notes=notes)


def test_which_pages_should_be_flagged():
    assert expected_on_list(page(conditions=["osteoarthritis"], products=["bone_marrow", "prp"])) == [
        ("bone_marrow", "osteoarthritis")]
    assert expected_on_list(page(False, ["osteoarthritis"], ["bone_marrow"])) == []  # not a seller
    assert expected_on_list(page(conditions=["osteoarthritis"], products=["prp"])) == []  # PRP is no stem cell
    assert expected_on_list(page(conditions=[], products=["exosome"])) == []  # no condition to pair
    # Ryoncil's approval (pediatric SR-aGVHD) does not excuse a clinic's MSCs for GVHD
    assert expected_on_list(page(conditions=["gvhd"], products=["msc"])) == [("msc", "gvhd")]
    # cord blood for blood disorders is excused only as a transplant program's transplant
    assert expected_on_list(page(conditions=["blood_disorders"], products=["unspecified_stem_cell"])) == []
    assert expected_on_list(page(conditions=["blood_disorders"], products=["cord_blood", "msc"])) == [
        ("cord_blood", "blood_disorders"), ("msc", "blood_disorders")]
    # a transplant program's transplants are not flagged, also for conditions beyond blood disorders
    program = page(conditions=["blood_disorders", "multiple_sclerosis"], products=["bone_marrow", "peripheral_blood"])
    assert is_transplant_program(program) and expected_on_list(program) == []
    unit = page(conditions=["autoimmune_other"], products=["peripheral_blood"], notes="the hospital's HSCT unit")
    assert is_transplant_program(unit)
    # marrow concentrate for an eye disease at a clinic is not a transplant program
    clinic = page(conditions=["vision_loss"], products=["bone_marrow"], notes="a clinic's own marrow protocol")
    assert not is_transplant_program(clinic)
    assert expected_on_list(clinic) == [("bone_marrow", "vision_loss")]


def test_regulator_view_scores_the_flagged_list(tmp_path):
    gold, pages = write_gold(tmp_path, GOLD)
    view = regulator_view(gold, [pages], split="tune", resamples=100, keep=tmp_path / "work")
    # clinic: sells marrow for arthritis and is flagged; regulator: not flagged;
    # question: should be flagged (stem cells for lung disease) but reads as not selling
    assert (view.pages, view.expected, view.flagged, view.correct) == (3, 2, 1, 1)
    assert view.precision == 1.0 and view.recall == 0.5
    assert [p.file for p in view.missed] == ["question.html"] and not view.non_sellers_flagged
    assert (tmp_path / "work" / "sites" / "clinic" / "clinic.html").is_file()
    assert (tmp_path / "work" / "out" / "flagged_clinics.csv").is_file()
    assert "question.html" not in view.summary_text() and "recall 0.500" in view.summary_text()


def test_cli_evaluate_json_and_flagged_summary(tmp_path):
    gold, pages = write_gold(tmp_path, GOLD)
    runner = CliRunner()
    out = runner.invoke(cli, ["evaluate", str(gold), str(pages), "--json", "--resamples", "50"])
    assert out.exit_code == 0, out.output
    assert json.loads(out.output)["offers_treatment"]["confusion"] == {"tp": 1, "fp": 0, "fn": 1, "tn": 1}
    out = runner.invoke(cli, ["-q", "evaluate", str(gold), str(pages), "--flagged", "--summary", "--resamples", "50"])
    assert out.exit_code == 0, out.output
    assert "regulator view" in out.output and "precision 1.000" in out.output and ".html" not in out.output
    out = runner.invoke(cli, ["evaluate", str(gold), "--flagged-out", str(tmp_path / "x")])
    assert out.exit_code == 2 and "--flagged-out goes with --flagged" in out.output


def _claim(kind, vocab_id, context="asserted", sentence="a sentence", section="body"):
    return SimpleNamespace(kind=kind, vocab_id=vocab_id, context=context, sentence=sentence, section=section)


def test_error_reasons_say_which_stage_lost_or_added_each_label():
    gold = [GoldPage("seller.html", 1, True, {"conditions": {"back_pain", "autism", "copd"},
                                              "product_types": set(), "red_flags": {"cure_claim"}}),
            GoldPage("missed.html", 2, True, {"conditions": {"osteoarthritis"}, "product_types": set(),
                                              "red_flags": set()}),
            GoldPage("news.html", 3, False, {"conditions": set(), "product_types": set(), "red_flags": set()})]
    predicted = [
        # back pain seen only as negated, autism counted but not kept, copd never seen; an extra ms
        {"offers_treatment": True, "conditions": ["multiple_sclerosis"], "product_types": [], "red_flags": [],
         "claims": [_claim("condition", "back_pain", "negated"), _claim("condition", "autism"),
                    _claim("condition", "multiple_sclerosis"), _claim("red_flag", "cure_claim", "hedged")]},
        # a seller read as not selling: its counted claim is lost with the page
        {"offers_treatment": False, "conditions": [], "product_types": [], "red_flags": [],
         "claims": [_claim("condition", "osteoarthritis")]},
        # a news page read as selling: its label is an extra on a page that sells nothing
        {"offers_treatment": True, "conditions": ["autism"], "product_types": [], "red_flags": [],
         "claims": [_claim("condition", "autism")]},
    ]
    reasons = score_pages(gold, predicted).error_reasons()
    assert reasons["conditions"]["missing"] == {"negated": 1, "not kept as a page id": 1,
                                                "never found, another id added": 1, "page read as not selling": 1}
    assert reasons["conditions"]["extra"] == {"on a selling page": 1, "page does not sell": 1}
    assert reasons["red_flags"]["missing"] == {"hedged": 1}
    assert reasons["product_types"] == {"missing": {}, "extra": {}}
    # without an extra id of its field on the page, a label never seen is only "never found"
    predicted[0]["conditions"] = []
    assert score_pages(gold, predicted).error_reasons()["conditions"]["missing"]["never found"] == 1


def test_summary_shows_the_error_reasons_without_naming_a_page(tmp_path):
    gold, pages = write_gold(tmp_path, GOLD)
    result = evaluate(gold, [pages], resamples=100)
    text = result.summary_text()
    assert "why labels were missed or added" in text
    assert "cond missing" in text and "never found" in text
    assert result.summary_dict()["error_reasons"] == result.error_reasons()
