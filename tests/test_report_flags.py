"""Which clinics are flagged, their severity score, reasons and enforcement matches."""

from __future__ import annotations

import pandas as pd
import pytest

from clinicscan.reports.build import write_reports
from clinicscan.reports.flags import severity_for

from test_report_helpers import AUTISM, BACK, add_page, add_run, build_world


def flagged(out):
    frame = pd.read_csv(out / "flagged_clinics.csv", keep_default_na=False)
    return {r["domain"]: r for r in frame.to_dict("records")}


def test_world_flags_the_sellers_and_spares_the_transplant_centre_news_and_prp(store, tmp_path):
    build_world(store)
    summary = write_reports(store, tmp_path)
    rows = flagged(tmp_path)
    assert set(rows) == {"spine.example", "hope.example"}
    assert [name for name, _, _ in summary.flagged] == ["Brightwater Cell Clinic", "Fernhollow Spine Clinic"]
    clinics = pd.read_csv(tmp_path / "clinics.csv", keep_default_na=False).set_index("domain")
    assert not clinics.loc["transplant.example", "flagged"]
    assert clinics.loc["transplant.example", "n_approved_for_this_use"] == 2
    assert not clinics.loc["news.example", "flagged"] and clinics.loc["news.example", "offering_pages"] == 0
    assert not clinics.loc["prp.example", "flagged"] and clinics.loc["prp.example", "product_types"] == "prp"


def test_back_pain_clinic_reason_carries_trials_and_late_stage_product(store, tmp_path):
    build_world(store)
    write_reports(store, tmp_path)
    row = flagged(tmp_path)["spine.example"]
    first = row["reasons"].splitlines()[0]
    assert first.startswith("1. Offers bone marrow cell products for back pain (named in the same sentence: "
                            f"\"{BACK}\", https://spine.example/treatments); no product of this type is "
                            "approved for back pain in the US (FDA consumer alert, 22 July 2020")
    assert "1 registered trial found in the imported ClinicalTrials.gov data (highest phase: phase 2; 1 with results)" in first
    assert "rexlemestrocel-L" in row["reasons"] and "RMAT, 9 Feb 2023" in row["reasons"]
    assert "Claims the treatment avoids or replaces surgery: \"Avoid spine surgery for good.\"" in row["reasons"]
    assert row["quote_1"] == BACK and row["quote_1_url"] == "https://spine.example/treatments"
    assert row["quote_1_seen"] == "2026-03-02T10:30:00Z"
    assert row["quote_1_warc_record_id"].startswith("<urn:uuid:")
    assert row["quote_2"] == f"{BACK} [...] Donor MSC injections are our advanced option."
    assert (row["quote_3"], row["quote_3_claim"]) == ("Avoid spine surgery for good.", "avoid_surgery_claim")


def test_severity_score_adds_the_documented_parts(store, tmp_path):
    build_world(store)
    write_reports(store, tmp_path)
    rows = flagged(tmp_path)
    # spine: in_trials 1 + same sentence 2 + avoid_surgery 1 = 4 -> low
    assert (rows["spine.example"]["score"], rows["spine.example"]["severity"]) == (4, "low")
    # hope: no trials 3 + sentence 2 + 3 conditions 1 + serious 2 + cure 2 = 10 -> high
    assert rows["hope.example"]["score"] == 10 and rows["hope.example"]["severity"] == "high"
    assert rows["hope.example"]["score_breakdown"] == (
        "evidence gap +3, claim strength +2, breadth +1, serious disease +2, red flags +2")
    # the negated Parkinson's sentence is not a claim
    assert "parkinsons" not in rows["hope.example"]["conditions"]
    assert rows["hope.example"]["conditions"] == "autism;cerebral_palsy;multiple_sclerosis"


@pytest.mark.parametrize("score, level", [(0, "low"), (4, "low"), (5, "medium"), (8, "medium"),
                                          (9, "high"), (11, "high"), (12, "critical"), (16, "critical")])
def test_severity_levels(score, level):
    assert severity_for(score) == level


def test_site_level_pairing_scores_lower_than_same_sentence(store, tmp_path):
    with store.session() as s:
        run = add_run(s)
        add_page(store, s, run, "weak.example", "Fictional Weak", "/conditions", claims=[
            ("condition", "autism", "Autism.", "asserted")])
        add_page(store, s, run, "weak.example", "Fictional Weak", "/cells", claims=[
            ("product_type", "umbilical_cord", "Umbilical cord cells.", "asserted")])
        add_page(store, s, run, "strong.example", "Fictional Strong", claims=[
            ("condition", "autism", AUTISM, "asserted"), ("product_type", "umbilical_cord", AUTISM, "asserted")])
    write_reports(store, tmp_path)
    rows = flagged(tmp_path)
    assert rows["strong.example"]["score"] - rows["weak.example"]["score"] == 2
    assert "named on different pages of the site" in rows["weak.example"]["reasons"]
    assert rows["weak.example"]["quote_1"] == "Autism. [...] Umbilical cord cells."


def test_prp_with_a_stem_cell_product_flags_only_for_the_stem_cell_claim(store, tmp_path):
    sentence = "PRP and adipose stem cells for hair loss."
    with store.session() as s:
        run = add_run(s)
        add_page(store, s, run, "spa.example", "Fictional Spa", claims=[
            ("condition", "hair_loss", sentence, "asserted"),
            ("product_type", "prp", sentence, "asserted"),
            ("product_type", "adipose", sentence, "asserted")])
    write_reports(store, tmp_path)
    row = flagged(tmp_path)["spa.example"]
    assert row["product_types"] == "adipose" and "platelet" not in row["reasons"].lower()


def test_enforcement_match_by_domain_or_name_with_state_raises_the_score(store, tmp_path):
    registry = tmp_path / "registry"
    registry.mkdir()
    src = "https://example.org/fictional-letter"
    (registry / "approvals.csv").write_text(
        "basis,product_type,condition,product_name,indication,agency,date,source,accessed\n"
        f"approval,msc,gvhd,Fictional approved MSC,Fictional use,FDA,2024-12-18,{src},2026-01-02\n")
    (registry / "enforcement.csv").write_text(
        "business_name,domains,state,country,date,action_kind,agency,summary,source,accessed\n"
        f"Fictional Named Clinic LLC,,Ohio,United States,2025-01-02,warning_letter,FDA,Test letter,Letter A {src},2026-01-02\n"
        f"Some Other Name,bydomain.example,,,2025-02-03,untitled_letter,FDA,Test letter,Letter B {src},2026-01-02\n")
    with store.session() as s:
        run = add_run(s)
        for domain, name, region in (("byname.example", "Fictional Named Clinic", "OH"),
                                     ("bydomain.example", "Renamed Fictional Clinic", "Utah"),
                                     ("elsewhere.example", "Fictional Named Clinic", "Texas"),
                                     ("nomatch.example", "Fictional Named Clinic of Elsewhere", "Ohio")):
            add_page(store, s, run, domain, name, region=region, claims=[
                ("condition", "autism", AUTISM, "asserted"), ("product_type", "umbilical_cord", AUTISM, "asserted")])
    write_reports(store, tmp_path / "out", registry_paths=[registry])
    rows = flagged(tmp_path / "out")
    assert rows["byname.example"]["enforcement_match"] == True  # noqa: E712 - numpy bool from the CSV
    assert rows["byname.example"]["enforcement_matched_on"] == "name 'Fictional Named Clinic LLC' and state Ohio"
    assert rows["bydomain.example"]["enforcement_matched_on"] == "domain bydomain.example"
    assert "Letter B" in rows["bydomain.example"]["enforcement_actions"]
    # the same name in another state, or a longer name, is not that business
    for other in ("elsewhere.example", "nomatch.example"):
        assert rows[other]["enforcement_match"] == False  # noqa: E712
        assert rows[other]["enforcement_actions"] == "" and rows[other]["enforcement_matched_on"] == ""
    assert rows["byname.example"]["score"] - rows["nomatch.example"]["score"] == 2
    assert ("Matches an enforcement record on name 'Fictional Named Clinic LLC' and state Ohio: "
            "FDA warning letter to Fictional Named Clinic LLC, 2025-01-02") in rows["byname.example"]["reasons"]


def test_msc_for_gvhd_flags_unless_the_approved_product_is_named(store, tmp_path):
    offer = "Our mesenchymal stem cell infusions treat graft-versus-host disease."
    named = "Children with steroid-refractory graft-versus-host disease receive Ryoncil, an MSC infusion."
    with store.session() as s:
        run = add_run(s)
        add_page(store, s, run, "copy.example", "Fictional GVHD Clinic", claims=[
            ("condition", "gvhd", offer, "asserted"), ("product_type", "msc", offer, "asserted")])
        add_page(store, s, run, "kids.example", "Fictional Children's Hospital", claims=[
            ("condition", "gvhd", named, "asserted"), ("product_type", "msc", named, "asserted")])
    write_reports(store, tmp_path)
    rows = flagged(tmp_path)
    assert "kids.example" not in rows
    row = rows["copy.example"]
    # other_product_approved 2 + same sentence 2 + serious disease (GVHD) 2
    assert row["score_breakdown"] == "evidence gap +2, claim strength +2, serious disease +2"
    first = row["reasons"].splitlines()[0]
    assert "A named product of this type is approved for graft-versus-host disease: Ryoncil" in first.replace("a named", "A named")
    assert "pediatric patients 2 months and older (not adults)" in first
    assert "this clinic's product is not it: the claim does not name Ryoncil" in first
    evidence = pd.read_csv(tmp_path / "evidence.csv", keep_default_na=False).set_index("domain")
    assert evidence.loc["copy.example", "evidence_status"] == "other_product_approved"
    assert (evidence.loc["kids.example", "evidence_status"], evidence.loc["kids.example", "status_basis"]) == \
        ("approved_for_this_use", "names Ryoncil")


def test_lawful_use_is_reported_and_does_not_flag(store, tmp_path):
    cover = "We place amniotic membrane grafts over diabetic foot ulcers as a protective covering."
    knee = "We inject amniotic cells into arthritic knees."
    with store.session() as s:
        run = add_run(s)
        add_page(store, s, run, "wound.example", "Fictional Wound Centre", claims=[
            ("condition", "wound_healing", cover, "asserted"), ("product_type", "amniotic", cover, "asserted")])
        add_page(store, s, run, "chiro.example", "Fictional Chiropractic", claims=[
            ("condition", "wound_healing", cover, "asserted"), ("product_type", "amniotic", cover, "asserted"),
            ("condition", "osteoarthritis", knee, "asserted"), ("product_type", "amniotic", knee, "asserted")])
    write_reports(store, tmp_path)
    rows = flagged(tmp_path)
    assert "wound.example" not in rows
    assert rows["chiro.example"]["conditions"] == "osteoarthritis"  # the knee, not the wound covering
    evidence = pd.read_csv(tmp_path / "evidence.csv", keep_default_na=False)
    wound = evidence[evidence["condition"] == "wound_healing"]
    assert set(wound["evidence_status"]) == {"lawful_use"} and set(wound["flagged_claim"]) == {False}
    assert all(line.startswith("Lawful use, not flagged") for line in wound["evidence_line"])
    clinics = pd.read_csv(tmp_path / "clinics.csv", keep_default_na=False).set_index("domain")
    assert clinics.loc["wound.example", "n_lawful_use"] == 1 and not clinics.loc["wound.example", "flagged"]
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "Lawful uses, not flagged" in html and "Fictional Wound Centre" in html


def test_transplant_programme_pages_do_not_flag_blood_forming_cell_claims(store, tmp_path):
    general = "Blood-forming stem cell transplantation is a standard treatment for many cancers."
    with store.session() as s:
        run = add_run(s)
        add_page(store, s, run, "bmt.example", "Fictional University BMT Program", "/conditions", kind="transplant", claims=[
            ("condition", "cancer", general, "asserted"),
            ("product_type", "unspecified_stem_cell", general, "asserted"),
            ("product_type", "bone_marrow", "Blood and Marrow Transplant Program", "asserted"),
            ("condition", "gvhd", "We study ways to prevent graft-versus-host disease.", "asserted")])
        add_page(store, s, run, "bmtplus.example", "Fictional BMT Plus", "/extra", kind="transplant", claims=[
            ("condition", "autism", "Our MSC infusions help autism.", "asserted"),
            ("product_type", "msc", "Our MSC infusions help autism.", "asserted")])
        add_page(store, s, run, "fake.example", "Fictional Fake Centre", "/cancer", kind="clinic", claims=[
            ("condition", "cancer", general, "asserted"),
            ("product_type", "unspecified_stem_cell", general, "asserted")])
    write_reports(store, tmp_path)
    rows = flagged(tmp_path)
    assert "bmt.example" not in rows
    # other product types on transplant pages still flag, and so do the same words on a clinic page
    assert rows["bmtplus.example"]["product_types"] == "msc"
    assert rows["fake.example"]["conditions"] == "cancer"
    evidence = pd.read_csv(tmp_path / "evidence.csv", keep_default_na=False)
    bmt = evidence[evidence["domain"] == "bmt.example"]
    assert len(bmt) and set(bmt["flagged_claim"]) == {False}


def test_unnamed_stem_cells_do_not_repeat_a_specific_claim(store, tmp_path):
    sentence = "Stem cell injections with bone marrow concentrate for knee arthritis."
    with store.session() as s:
        run = add_run(s)
        add_page(store, s, run, "dup.example", "Fictional Dup", claims=[
            ("condition", "osteoarthritis", sentence, "asserted"),
            ("product_type", "unspecified_stem_cell", sentence, "asserted"),
            ("product_type", "bone_marrow", sentence, "asserted"),
            ("condition", "hair_loss", "Stem cells for hair loss.", "asserted"),
            ("product_type", "unspecified_stem_cell", "Stem cells for hair loss.", "asserted")])
    write_reports(store, tmp_path)
    row = flagged(tmp_path)["dup.example"]
    # osteoarthritis and hair loss, each carried by the bone-marrow claim (same sentence, same page)
    assert row["n_unsupported_pairs"] == 2 and row["product_types"] == "bone_marrow"
    assert "unnamed source" not in row["reasons"]
    assert "Offers bone marrow cell products for hair loss (named on the same page" in row["reasons"]
    evidence = pd.read_csv(tmp_path / "evidence.csv", keep_default_na=False)
    assert len(evidence) == 4  # the generic pairs stay in evidence.csv, not flagged
    assert set(evidence[evidence["product_type"] == "unspecified_stem_cell"]["flagged_claim"]) == {False}


def test_red_flag_points_are_capped_and_minor_conditions_are_not_serious(store, tmp_path):
    sentence = "Umbilical cord cells for chronic wounds."
    with store.session() as s:
        run = add_run(s)
        add_page(store, s, run, "loud.example", "Fictional Loud", claims=[
            ("condition", "wound_healing", sentence, "asserted"),
            ("product_type", "umbilical_cord", sentence, "asserted"),
            *[("red_flag", rid, f"Red flag sentence {rid}.", "asserted") for rid in
              ("fda_claim", "cure_claim", "safety_claim", "success_rate_claim", "avoid_surgery_claim")]])
    write_reports(store, tmp_path)
    row = flagged(tmp_path)["loud.example"]
    assert row["score_breakdown"] == "evidence gap +3, claim strength +2, red flags +4"
    assert (row["score"], row["severity"]) == (9, "high")


def test_the_claim_made_most_often_leads_the_reasons(store, tmp_path):
    with store.session() as s:
        run = add_run(s)
        add_page(store, s, run, "lead.example", "Fictional Lead", claims=[
            ("condition", "chronic_pain", "My pain is gone after bone marrow cells.", "asserted"),
            ("product_type", "bone_marrow", "My pain is gone after bone marrow cells.", "asserted"),
            *[c for i in range(3) for c in (
                ("condition", "back_pain", f"Bone marrow concentrate for disc pain, case {i}.", "asserted"),
                ("product_type", "bone_marrow", f"Bone marrow concentrate for disc pain, case {i}.", "asserted"))]])
    write_reports(store, tmp_path)
    row = flagged(tmp_path)["lead.example"]
    assert row["reasons"].startswith("1. Offers bone marrow cell products for back pain")
    evidence = pd.read_csv(tmp_path / "evidence.csv").set_index("condition")
    assert evidence.loc["back_pain", "n_sentences"] == 3 and evidence.loc["chronic_pain", "n_sentences"] == 1
