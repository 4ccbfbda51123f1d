"""Pairing claims into (clinic, condition, product type) and the evidence status rules."""

from __future__ import annotations

import pandas as pd
import pytest

from clinicscan.store.models import CrawlRun
from clinicscan.reports.dataset import load_run
from clinicscan.reports.evidence import EvidenceIndex, assess_pairs
from clinicscan.reports.pairing import pair_claims
from clinicscan.reports.registry import load_registry
from clinicscan.vocabulary import load_vocabulary
from test_report_helpers import add_page, add_run, add_trial, build_world


def pairs_of(store, run_id=None):
    data = load_run(store, run_id)
    index = EvidenceIndex(load_registry(), data.trials, load_vocabulary().product_types)
    pairs = assess_pairs(pair_claims(data.claims), index)
    sites = dict(zip(data.sites["site_id"], data.sites["domain"]))
    return {(sites[r.site_id], r.condition, r.product_type): r for r in pairs.itertuples()}


def test_pairing_strength_sentence_page_and_site(store):
    with store.session() as s:
        run = add_run(s)
        add_page(store, s, run, "a.example", "Fictional A", "/knee", claims=[
            ("condition", "osteoarthritis", "Adipose stem cells for knee arthritis.", "asserted"),
            ("product_type", "adipose", "Adipose stem cells for knee arthritis.", "asserted"),
            ("product_type", "exosome", "Exosome boosters are available.", "asserted"),
        ])
        add_page(store, s, run, "a.example", "Fictional A", "/conditions", claims=[
            ("condition", "neuropathy", "We help neuropathy patients.", "asserted"),
            ("condition", "stroke", "Stroke", "asserted", "nav"),
        ])
    pairs = pairs_of(store)
    assert pairs[("a.example", "osteoarthritis", "adipose")].strength == "sentence"
    assert pairs[("a.example", "osteoarthritis", "exosome")].strength == "page"
    # the conditions page names no product: it pairs with the site's products, weakest
    assert pairs[("a.example", "neuropathy", "adipose")].strength == "site"
    assert pairs[("a.example", "neuropathy", "exosome")].strength == "site"
    # a condition in a menu never pairs stronger than site
    assert pairs[("a.example", "stroke", "adipose")].strength == "site"
    assert len(pairs) == 6


def test_strongest_pairing_wins_and_keeps_its_quote(store):
    quote = "We inject umbilical cord cells for autism."
    with store.session() as s:
        run = add_run(s)
        add_page(store, s, run, "b.example", "Fictional B", "/a", claims=[
            ("condition", "autism", "Autism is our focus.", "asserted"),
            ("product_type", "umbilical_cord", "Umbilical cord cells.", "asserted"),
        ])
        add_page(store, s, run, "b.example", "Fictional B", "/b", claims=[
            ("condition", "autism", quote, "asserted"),
            ("product_type", "umbilical_cord", quote, "asserted"),
        ])
    pair = pairs_of(store)[("b.example", "autism", "umbilical_cord")]
    assert pair.strength == "sentence" and pair.condition_sentence == quote
    assert pair.url == "https://b.example/b" and pair.n_pages == 2


@pytest.mark.parametrize("context, offers, counted", [
    ("asserted", True, True), ("hedged", True, True), ("negated", True, False),
    ("reported", True, False), ("asserted", False, False), ("asserted", None, False),
])
def test_only_asserted_or_hedged_mentions_on_offering_pages_count(store, context, offers, counted):
    sentence = "Stem cells for knee arthritis."
    with store.session() as s:
        run = add_run(s)
        add_page(store, s, run, "c.example", "Fictional C", offers=offers, claims=[
            ("condition", "osteoarthritis", sentence, context),
            ("product_type", "unspecified_stem_cell", sentence, "asserted"),
        ])
    assert bool(pairs_of(store)) is counted


def test_evidence_status_rules(store):
    run_id = build_world(store)
    with store.session() as s:
        run = s.get(CrawlRun, run_id)
        add_page(store, s, run, "gvhd.example", "Fictional GVHD Service", claims=[
            ("condition", "gvhd", "MSC therapy for graft-versus-host disease.", "asserted"),
            ("product_type", "msc", "MSC therapy for graft-versus-host disease.", "asserted"),
            ("condition", "lupus", "MSC therapy for lupus.", "asserted"),
            ("product_type", "msc", "MSC therapy for lupus.", "asserted"),
        ])
    pairs = pairs_of(store, run_id)
    assert pairs[("gvhd.example", "gvhd", "msc")].evidence_status == "approved_for_this_use"
    lupus = pairs[("gvhd.example", "lupus", "msc")]
    assert lupus.evidence_status == "approved_other_use_only" and lupus.approved_other_uses == "gvhd"
    back = pairs[("spine.example", "back_pain", "bone_marrow")]
    assert back.evidence_status == "in_trials"
    assert (back.n_trials, back.highest_phase, back.n_trials_with_results) == (1, "PHASE2", 1)
    msc_back = pairs[("spine.example", "back_pain", "msc")]
    assert msc_back.evidence_status == "in_trials" and "rexlemestrocel-L" in msc_back.late_stage_products
    assert pairs[("hope.example", "autism", "umbilical_cord")].evidence_status == "no_registered_trials"
    assert pairs[("transplant.example", "blood_disorders", "bone_marrow")].evidence_status == "approved_for_this_use"
    assert pairs[("transplant.example", "blood_disorders", "peripheral_blood")].evidence_status == "approved_for_this_use"


def test_late_stage_product_alone_makes_in_trials_even_without_imported_trials(store):
    with store.session() as s:
        run = add_run(s)
        add_page(store, s, run, "d.example", "Fictional D", claims=[
            ("condition", "back_pain", "MSCs for disc pain.", "asserted"),
            ("product_type", "msc", "MSCs for disc pain.", "asserted"),
        ])
    pair = pairs_of(store)[("d.example", "back_pain", "msc")]
    assert pair.evidence_status == "in_trials" and pair.n_trials == 0
    assert "trial count unknown" in pair.evidence_line and "rexlemestrocel-L" in pair.evidence_line


def test_unnamed_stem_cells_are_set_against_every_stem_cell_type(store):
    with store.session() as s:
        run = add_run(s)
        add_page(store, s, run, "e.example", "Fictional Transplant Unit", claims=[
            ("condition", "blood_disorders", "Stem cell transplants for lymphoma.", "asserted"),
            ("product_type", "unspecified_stem_cell", "Stem cell transplants for lymphoma.", "asserted"),
            ("condition", "osteoarthritis", "Stem cell injections for arthritis.", "asserted"),
            ("product_type", "unspecified_stem_cell", "Stem cell injections for arthritis.", "asserted"),
        ])
        add_trial(s, "NCT90000061", ["osteoarthritis"], ["adipose"], ["PHASE2"])
        add_trial(s, "NCT90000062", ["osteoarthritis"], ["prp"], ["PHASE3"])
    pairs = pairs_of(store)
    assert pairs[("e.example", "blood_disorders", "unspecified_stem_cell")].evidence_status == "approved_for_this_use"
    oa = pairs[("e.example", "osteoarthritis", "unspecified_stem_cell")]
    # the adipose trial counts, the PRP one does not (PRP is not a stem cell product)
    assert oa.evidence_status == "in_trials" and oa.n_trials == 1 and oa.highest_phase == "PHASE2"


def test_no_trials_line_names_zero_when_trials_were_imported(store):
    with store.session() as s:
        run = add_run(s)
        add_page(store, s, run, "f.example", "Fictional F", claims=[
            ("condition", "autism", "Exosomes for autism.", "asserted"),
            ("product_type", "exosome", "Exosomes for autism.", "asserted"),
        ])
        add_trial(s, "NCT90000071", ["back_pain"], ["msc"])
    line = pairs_of(store)[("f.example", "autism", "exosome")].evidence_line
    assert line.startswith("No product of this type is approved for autism in the US (FDA consumer alert, 22 July 2020")
    assert "0 registered trials found in the imported ClinicalTrials.gov data" in line


def test_pair_claims_on_no_claims_gives_an_empty_table():
    empty = pd.DataFrame(columns=["site_id", "kind", "counts"])
    empty["counts"] = empty["counts"].astype(bool)
    assert pair_claims(empty).empty
