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
    # Ryoncil is one named MSC product for pediatric SR-aGVHD: it does not excuse MSCs for GVHD
    gvhd = pairs[("gvhd.example", "gvhd", "msc")]
    assert gvhd.evidence_status == "other_product_approved" and gvhd.approved_products.startswith("Ryoncil")
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
    # licensed cord blood and transplants exist for blood disorders, but this is a clinic's page
    # naming no licensed product: it is not excused (it was, before named approvals)
    blood = pairs[("e.example", "blood_disorders", "unspecified_stem_cell")]
    assert blood.evidence_status == "other_product_approved"
    assert "Hemacord" in blood.approved_products
    assert "the page is not a transplant programme's" in blood.evidence_line
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
    assert "FDA public safety alert on unapproved stem cell and exosome products, 6 Dec 2019" in line


def test_pair_claims_on_no_claims_gives_an_empty_table():
    empty = pd.DataFrame(columns=["site_id", "kind", "counts"])
    empty["counts"] = empty["counts"].astype(bool)
    assert pair_claims(empty).empty


def test_one_products_approval_does_not_excuse_its_type(store):
    adult = "Our umbilical cord MSC infusions treat graft-versus-host disease in adults."
    with store.session() as s:
        run = add_run(s)
        add_page(store, s, run, "g.example", "Fictional GVHD Clinic", claims=[
            ("condition", "gvhd", adult, "asserted"), ("product_type", "msc", adult, "asserted"),
            ("product_type", "umbilical_cord", adult, "asserted")])
    pairs = pairs_of(store)
    msc = pairs[("g.example", "gvhd", "msc")]
    assert msc.evidence_status == "other_product_approved" and msc.status_basis == ""
    line = msc.evidence_line
    assert line.startswith("A named product of this type is approved for graft-versus-host disease: Ryoncil "
                           "(remestemcel-L-rknd; Mesoblast), approved by the FDA on 18 Dec 2024")
    assert "pediatric patients 2 months and older (not adults)" in line
    assert "this clinic's product is not it: the claim does not name Ryoncil" in line
    # no cord-tissue product is approved for GVHD at all
    assert pairs[("g.example", "gvhd", "umbilical_cord")].evidence_status == "no_registered_trials"


def test_naming_the_approved_product_is_approved_for_this_use_only_for_its_type(store):
    named = "Children with steroid-refractory graft-versus-host disease receive Ryoncil, an MSC infusion."
    with store.session() as s:
        run = add_run(s)
        add_page(store, s, run, "h.example", "Fictional Children's Hospital", claims=[
            ("condition", "gvhd", named, "asserted"), ("product_type", "msc", named, "asserted")])
        compared = "Like Ryoncil, our umbilical cord cells calm graft-versus-host disease."
        add_page(store, s, run, "k.example", "Fictional Copycat Clinic", claims=[
            ("condition", "gvhd", compared, "asserted"), ("product_type", "umbilical_cord", compared, "asserted")])
    pairs = pairs_of(store)
    ok = pairs[("h.example", "gvhd", "msc")]
    assert (ok.evidence_status, ok.status_basis) == ("approved_for_this_use", "names Ryoncil")
    assert ok.evidence_line.startswith("Approved for this use: the claim names Ryoncil, Ryoncil (remestemcel-L-rknd; Mesoblast)")
    # naming Ryoncil does not make another type of product Ryoncil
    assert pairs[("k.example", "gvhd", "umbilical_cord")].evidence_status != "approved_for_this_use"


def test_cord_blood_for_blood_disorders_is_approved_only_as_a_transplant_programme(store):
    offer = "We infuse umbilical cord blood stem cells for leukaemia and other blood disorders."
    with store.session() as s:
        run = add_run(s)
        for domain, kind in (("clinic.example", "clinic"), ("hospital.example", "transplant")):
            add_page(store, s, run, domain, f"Fictional {domain}", kind=kind, claims=[
                ("condition", "blood_disorders", offer, "asserted"), ("product_type", "cord_blood", offer, "asserted")])
    pairs = pairs_of(store)
    clinic = pairs[("clinic.example", "blood_disorders", "cord_blood")]
    assert clinic.evidence_status == "other_product_approved"
    assert clinic.evidence_line.startswith(
        "Named products of this type are approved (or established in transplant centres) for blood "
        "disorders: Hemacord (New York Blood Center; Nov 2011), HPC, Cord Blood (Clinimmune)")
    assert ("this clinic's product is not it: the claim does not name Hemacord, Ducord, Allocord or "
            "another licensed product and the page is not a transplant programme's") in clinic.evidence_line
    hospital = pairs[("hospital.example", "blood_disorders", "cord_blood")]
    assert (hospital.evidence_status, hospital.status_basis) == ("approved_for_this_use", "transplant programme's page")
    assert "Umbilical cord blood transplantation, established practice in transplant centres" in hospital.evidence_line
    assert "21 CFR 1271.3(d)" in hospital.evidence_line


@pytest.mark.parametrize("sentence, lawful", [
    ("We place a sheet of amniotic membrane over diabetic foot ulcers as a protective covering.", True),
    ("Amniotic membrane grafts cover chronic wounds while they close.", True),
    ("We inject amniotic membrane extract into chronic wounds.", False),
    ("Amniotic stem cells heal chronic wounds from the inside.", False),
])
def test_amniotic_membrane_as_a_wound_covering_is_a_lawful_use(store, sentence, lawful):
    with store.session() as s:
        run = add_run(s)
        add_page(store, s, run, "w.example", "Fictional Wound Centre", claims=[
            ("condition", "wound_healing", sentence, "asserted"), ("product_type", "amniotic", sentence, "asserted")])
    pair = pairs_of(store)[("w.example", "wound_healing", "amniotic")]
    assert (pair.evidence_status == "lawful_use") is lawful, pair.evidence_line
    if lawful:
        assert pair.status_basis == "amniotic_wound_covering"
        assert pair.evidence_line.startswith("Lawful use, not flagged: the claim shows amniotic membrane placed over a wound")
        assert "21 CFR 1271.10(a)" in pair.evidence_line


def test_a_lawful_sentence_does_not_excuse_an_injection_claim_for_the_same_condition(store):
    cover = "Amniotic membrane grafts cover chronic wounds while they close."
    inject = "We also inject amniotic membrane into chronic wounds."
    with store.session() as s:
        run = add_run(s)
        add_page(store, s, run, "v.example", "Fictional Mixed Centre", claims=[
            ("condition", "wound_healing", cover, "asserted"), ("product_type", "amniotic", cover, "asserted"),
            ("condition", "wound_healing", inject, "asserted"), ("product_type", "amniotic", inject, "asserted")])
    pair = pairs_of(store)[("v.example", "wound_healing", "amniotic")]
    assert pair.evidence_status != "lawful_use" and pair.n_sentences == 2


def test_other_kinds_of_approved_product_are_named_without_excusing(store):
    with store.session() as s:
        run = add_run(s)
        add_page(store, s, run, "d2.example", "Fictional Diabetes Clinic", claims=[
            ("condition", "diabetes", "Stem cells for type 1 diabetes.", "asserted"),
            ("product_type", "unspecified_stem_cell", "Stem cells for type 1 diabetes.", "asserted")])
    pair = pairs_of(store)[("d2.example", "diabetes", "unspecified_stem_cell")]
    # stem-cell products are approved only for blood disorders and (Ryoncil) for GVHD
    assert pair.evidence_status == "approved_other_use_only"
    assert "approved or established only for other conditions: " in pair.evidence_line
    assert "; Ryoncil (graft-versus-host disease)" in pair.evidence_line
    assert "other kinds of product are approved or established for diabetes (Lantidra:" in pair.evidence_line
    assert "they do not approve this clinic's product" in pair.evidence_line
