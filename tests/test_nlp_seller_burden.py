"""The burden-of-proof seller decision (data/lexicon/seller_decision.json mode "burden"; session 22, sellerdefault).

Mode "evidence" stays the default and reads every page as before. Mode "burden" makes a page that presents a product
of its own a seller unless one non-selling publisher kind of the coding manual is established on it. Pages here are
our own wording, written from the manual (sections 1 and 4), not from any real-world page.
"""

from __future__ import annotations

import dataclasses
import json
import os

import pytest
from click.testing import CliRunner
from seller_blind_burden import BATCH_BURDEN
from seller_blind_pages import _site

from clinicscan.errors import LexiconError
from clinicscan.nlp.analyse import analyse_page
from clinicscan.nlp.lexicon import lexicon_version
from clinicscan.nlp.pipeline import shared_pipeline
from clinicscan.nlp.publisher_kind import ENV, load_seller_decision
from clinicscan.nlp.train_seller import TrainingPage, burden_offers, grouped_cross_validate
from clinicscan.paths import lexicon_dir

#: clinic pages whose report wording is spread over several kinds (a study cited, a warning quoted, critics agreed
#: with) and whose offer wording is thin: mode "evidence" sums the kinds and misses them; no one kind is established
SELLERS_WITH_SCATTERED_REPORT_WORDS = {
    "arthritis-evidence-page": _site(
        "Knee Arthritis and Marrow Concentrate: What the Studies Say | Tamarack Joint Institute",
        "Tamarack Joint Institute", ["Home", "Knee", "Hip", "Shoulder", "Physicians"], """
<h1>Knee arthritis and marrow concentrate: what the studies say</h1>
<p>Several randomised trials have compared bone marrow aspirate concentrate with hyaluronic acid or saline for knee
osteoarthritis. The larger ones found less pain at one year, though not every study agreed (see references).</p>
<p>The FDA has not approved any cell product for arthritis, and the injection is not a cure: worn cartilage does not
grow back.</p>
<p>At the institute, marrow is drawn from the pelvis under local anaesthetic, concentrated in about twenty minutes
and injected into the knee under ultrasound in the same visit.</p>
<p>References: 1. Abara K et al. Am J Sports Med. 2022. 2. Doyle P et al. Arthroscopy. 2023.</p>""",
        "Tamarack Joint Institute · 66 Birch Road, Duluth, MN"),
    "ms-page-with-warning": _site("Multiple Sclerosis | Corvina Cell Clinic", "Corvina Cell Clinic",
                                  ["Conditions", "Protocols", "Travel", "Contact"], """
<h1>Multiple sclerosis</h1>
<p>News reports have described patients harmed at unlicensed clinics, and regulators in several countries have
warned against unproven cell treatments. Questions about licensing, cell counts and follow-up are worth asking
anywhere.</p>
<p>The clinic's MS protocol is three intravenous infusions of umbilical cord mesenchymal cells over five days, with
a neurologist's review before the first and at six months.</p>""", "Corvina Cell Clinic · Calle 8, Guadalajara"),
    "exosome-skin-sceptic-then-own": _site(
        "Are Exosome Facials Worth It? | Linden Medical Aesthetics", "Linden Medical Aesthetics",
        ["Injectables", "Skin", "Hair", "Team", "Offers"], """
<h1>Are exosome facials worth it?</h1>
<p>Exosome serums are everywhere, and many are sold with claims no study supports. Critics are right that most
products have never been tested in a controlled trial, and some online sellers make misleading claims.</p>
<p>The exosome facial offered in the Linden treatment room pairs microneedling with a lab-tested exosome serum; a
series of three visits, four weeks apart, is typical.</p>""", "Linden Medical Aesthetics · 3 Market Square, Guelph, ON"),
}

#: publishers that name a product as if presenting it, told apart only by how their pages are built
FORUM_THREAD = _site("Bone marrow injection for hip - anyone? | JointTalk Community", "JointTalk Community",
                     ["Forums", "New posts", "Members"], """
<h1>Bone marrow injection for hip - anyone?</h1>
<p>hipgirl54 · Joined: March 2022 · Posts: 12</p>
<p>My surgeon suggested a bone marrow concentrate injection in my hip before thinking about a replacement. Did it help
anyone here?</p>
<p>Reply #1 · trailrunner</p>
<p>Had mine in 2023. Helped for about a year.</p>""", "JointTalk Community")
INSURER_POLICY = _site("Platelet-Rich Plasma Injections | Coastal Mutual Health", "Coastal Mutual Health",
                       ["Members", "Providers", "Brokers"], """
<h1>Platelet-rich plasma injections</h1>
<p>Policy number: CM-7731 · Effective date: 03/01/2026</p>
<p>PRP injections for tendon injuries, knee osteoarthritis and hair loss are considered not medically necessary.</p>
<p>Codes: CPT 0232T.</p>""", "Coastal Mutual Health")
TRIAL_RECORD = _site("Adipose Cells for Rotator Cuff Tears | StudyLink Registry", "StudyLink Registry",
                     ["Search", "About", "Help"], """
<h1>Adipose-derived cells injected into partial rotator cuff tears</h1>
<p>Identifier: NCT06012345 · Phase 1/2</p>
<p>Adults with a partial-thickness rotator cuff tear receive one ultrasound-guided injection of adipose-derived
stromal cells into the tendon.</p>
<p>Inclusion criteria: age 30 to 65; shoulder pain for more than three months. Exclusion criteria: a full-thickness
tear; a steroid injection in the past six weeks.</p>
<p>Primary outcome: shoulder function score at 12 months.</p>""", "StudyLink Registry")

#: blind batch "burden" (tests/seller_blind_burden.py), scored once on main 743f3b5 before the mode existed: mode
#: "evidence" 0.909 (tp 15, fp 2, fn 1, tn 15); mode "burden" afterwards 0.909 (tp 16, fp 3, fn 0, tn 14). The
#: structural signals were written by the batch's author after the batch, so the burden figure is not blind
FLOORS = {"evidence": (0.90, 2, 1), "burden": (0.90, 3, 0)}


@pytest.fixture
def burden(monkeypatch):
    monkeypatch.setenv(ENV, "burden")


def test_the_shipped_mode_is_the_evidence_decision(monkeypatch):
    monkeypatch.delenv(ENV, raising=False)
    shipped = json.loads((lexicon_dir() / "seller_decision.json").read_text(encoding="utf-8"))
    assert shipped["mode"] == "evidence"
    assert load_seller_decision().mode == "evidence"
    assert not load_seller_decision().burden


def test_the_environment_overrides_the_mode_and_the_lexicon_version(monkeypatch):
    monkeypatch.delenv(ENV, raising=False)
    plain = lexicon_version(lexicon_dir())
    monkeypatch.setenv(ENV, "burden")
    assert load_seller_decision().burden
    assert lexicon_version(lexicon_dir()) != plain  # stored readings are redone under another decision
    monkeypatch.setenv(ENV, "guess")
    with pytest.raises(LexiconError, match=ENV):
        load_seller_decision()


def test_a_bad_signal_is_refused_at_load(tmp_path, monkeypatch):
    monkeypatch.delenv(ENV, raising=False)
    path = tmp_path / "seller_decision.json"
    path.write_text(json.dumps({"mode": "burden", "signals": [{"kind": "clinic", "weight": 1, "regex": "x"}]}))
    with pytest.raises(LexiconError, match="non-selling page kind"):
        load_seller_decision(path)
    path.write_text(json.dumps({"mode": "burden", "signals": [{"kind": "news", "weight": 1, "regex": "("}]}))
    with pytest.raises(LexiconError, match=str(path)):
        load_seller_decision(path)


@pytest.mark.parametrize("name", sorted(SELLERS_WITH_SCATTERED_REPORT_WORDS))
def test_a_clinic_page_with_report_words_of_several_kinds_sells_in_mode_burden(name, monkeypatch):
    html = SELLERS_WITH_SCATTERED_REPORT_WORDS[name]
    monkeypatch.delenv(ENV, raising=False)
    assert not analyse_page(html).offers_treatment  # the default decision misses it (kept as it is)
    monkeypatch.setenv(ENV, "burden")
    page = analyse_page(html)
    assert page.offers_treatment, page.offer_cues
    assert any(c.startswith("burden: presents") for c in page.offer_cues)


@pytest.mark.parametrize(("html", "kind"), [(FORUM_THREAD, "explainer"), (INSURER_POLICY, "society")],
                         ids=["forum thread", "insurer's policy"])
def test_a_publisher_is_told_by_how_its_page_is_built(html, kind, burden, monkeypatch):
    page = analyse_page(html)
    assert not page.offers_treatment, page.offer_cues
    assert any(c.startswith(f"-publisher {kind}:") for c in page.offer_cues)
    component = shared_pipeline().get_pipe("clinicscan_offer")
    monkeypatch.setattr(component, "decision", dataclasses.replace(component.decision, signals=()))
    assert analyse_page(html).offers_treatment  # without its structure it presents a product and nothing else


def test_a_trial_record_and_a_product_less_news_story_stay_non_sellers(burden):
    trial = analyse_page(TRIAL_RECORD)
    assert not trial.offers_treatment
    assert "-publisher trial:a ClinicalTrials.gov identifier" in trial.offer_cues


@pytest.mark.parametrize("mode", sorted(FLOORS))
def test_the_burden_batch_stays_above_its_floor_in_each_mode(mode, monkeypatch):
    monkeypatch.setenv(ENV, mode)
    wrong, false_sellers, missed = [], 0, 0
    for name, (gold, html) in BATCH_BURDEN.items():
        page = analyse_page(html)
        if page.offers_treatment != gold:
            wrong.append(name)
            false_sellers += not gold
            missed += gold
    least, most_false, most_missed = FLOORS[mode]
    assert 1 - len(wrong) / len(BATCH_BURDEN) >= least and false_sellers <= most_false and missed <= most_missed, wrong


def test_the_burden_batch_keeps_both_kinds_of_page():
    sellers = sum(gold for gold, _html in BATCH_BURDEN.values())
    assert 0.3 < sellers / len(BATCH_BURDEN) < 0.7


def _page(file: str, offers: bool, presents: bool, cues: dict[str, float], kinds: dict[str, str],
          own: float = 0.0) -> TrainingPage:
    score = sum(cues.values())
    return TrainingPage("realworld", file, offers, score >= 0, [score / 5.0, 3.0 if offers else 0.5], file, score, cues,
                        {"presents": presents, "own_wording": own, "structural": {}, "cue_kinds": kinds, "least": 4.0})


def test_grouped_cross_validation_scores_the_burden_decision_without_the_held_out_topics_cues():
    pytest.importorskip("sklearn")
    # a non-seller whose news cue fires only in its own topic: as shipped it is caught, held out it is not
    lone = _page("c00.html", False, True, {"our own newsroom word": -4.0}, {"our own newsroom word": "news"})
    assert not burden_offers(lone)
    assert burden_offers(lone, seen=set())
    assert not burden_offers(_page("c01.html", True, False, {}, {}))  # presents nothing: never a seller
    # a seller's own offer cue unseen elsewhere no longer rebuts
    rebutted = _page("d00.html", True, True, {"book now": 2.0, "sued": -5.0}, {"sued": "news"}, own=2.0)
    assert burden_offers(rebutted) and not burden_offers(rebutted, seen={"sued"})
    pages = [_page(f"{letter}{i:02d}.html", i < 3, True,
                   {"book now": 2.0} if i < 3 else {"reporter": -5.0}, {"reporter": "news"}, 2.0 if i < 3 else 0.0)
             for letter in "ab" for i in range(6)]
    variants = grouped_cross_validate(pages, ["rule_score", "rate_we"], c=1.0, override=(0.15, None))["variants"]
    assert variants["burden as shipped"]["realworld"]["accuracy"] == 1.0
    assert variants["burden"]["realworld"]["pages"] == 12


def test_evaluate_takes_the_mode_for_one_run_only(tmp_path, monkeypatch):
    from clinicscan.cli import cli

    monkeypatch.delenv(ENV, raising=False)
    (tmp_path / "p.html").write_text(SELLERS_WITH_SCATTERED_REPORT_WORDS["ms-page-with-warning"], encoding="utf-8")
    (tmp_path / "gold.jsonl").write_text(json.dumps({"file": "p.html", "offers_treatment": True, "conditions": [],
                                                     "product_types": [], "red_flags": []}) + "\n")
    runner = CliRunner()
    results = {}
    for mode in ("evidence", "burden"):
        out = runner.invoke(cli, ["evaluate", str(tmp_path / "gold.jsonl"), "--json", "--summary", "--resamples", "10",
                                  "--seller-mode", mode])
        assert out.exit_code == 0, out.output
        results[mode] = json.loads(out.output)
        assert ENV not in os.environ
    assert results["evidence"]["offers_treatment"]["confusion"]["fn"] == 1
    assert results["burden"]["offers_treatment"]["confusion"]["tp"] == 1
