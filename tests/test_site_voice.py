"""The site-level seller decision (nlp/site_voice.py): a page sells "because of its site".

Coding manual, section 4: "A clinic page that never says 'we' but sits on the clinic's site
and describes its therapy: seller"; and "A clinic's page reprinting the FDA consumer alert:
not a seller". Sites of several pages, written for these tests: a clinic whose patient
education post about its bone marrow injections for rotator cuff tears never says who gives
them; the same post on a local newspaper's site and on a site that sells nothing; the clinic's
reprint of a regulator's alert and its own trial recruitment page. Through
``extract_local_files`` and the report (SQLite and PostgreSQL), re-extraction, a resumed run,
and a real crawl of a local web site.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from sqlalchemy import select, update

from clinicscan.nlp import extract as extract_module
from clinicscan.nlp.analyse import analyse_page
from clinicscan.nlp.extract import extract_local_files, extract_stored_pages
from clinicscan.nlp.site_voice import CANDIDATE, SELLER, SITE_CUE, apply_site_decisions, same_therapy
from clinicscan.reports.build import write_reports
from clinicscan.store import open_store
from clinicscan.store.models import Page, SiteRole
from localsite import LocalSite, Resource, clinicscan

CLINIC_SERVICE = """<html><head><title>Bone Marrow Injections | Tidewater Joint &amp; Spine Clinic</title></head>
<body><main><h1>Regenerative Injections at Tidewater Joint &amp; Spine Clinic</h1>
<p>At Tidewater Joint &amp; Spine Clinic, we offer bone marrow concentrate injections for knee osteoarthritis.
Our physicians draw the marrow from the back of the pelvis and return the concentrate to the joint the same
morning.</p>
<p>Packages start at $2,400. Request a consultation online or call our front desk to book an appointment.</p>
</main></body></html>"""

# never says who gives the injection; patient-education wording ("talk to your doctor") keeps it a non-seller alone
EDUCATION_POST = """<html><head><title>Rotator Cuff Tears and Bone Marrow Concentrate | Patient Education</title></head>
<body><main><h1>Rotator Cuff Tears and Bone Marrow Concentrate</h1>
<p>Patient education series, part four.</p>
<p>A partial rotator cuff tear makes lifting the arm above the shoulder painful, and it often lingers for months.</p>
<p>Bone marrow concentrate is drawn from the pelvis, spun down and injected into the torn tendon with ultrasound
guidance. The concentrate calms inflammation around the tear and supports the tendon while it heals.</p>
<p>Most people are back to light lifting within six weeks. Talk to your doctor about whether the injection suits
your shoulder.</p>
</main></body></html>"""

# the same wording about a therapy the clinic's selling page does not sell
OTHER_THERAPY_POST = """<html><head><title>Exosomes for Thinning Hair | Patient Education</title></head>
<body><main><h1>Exosomes for Thinning Hair</h1>
<p>Patient education series, part six.</p>
<p>Thinning hair on the crown often starts in the thirties and progresses slowly.</p>
<p>Exosome serum is applied to the scalp right after microneedling. The exosomes calm inflammation around the
follicles and support thicker growth over several months.</p>
<p>Talk to your doctor about whether the serum suits your scalp.</p>
</main></body></html>"""

REGULATOR_REPRINT = """<html><head><title>FDA Consumer Alert on Stem Cell Products</title></head>
<body><main><h1>FDA Consumer Alert on Stem Cell Products</h1>
<p>The FDA warns consumers that some clinics market unapproved stem cell products for knee osteoarthritis and
rotator cuff tears.</p>
<p>The agency has issued warning letters to firms selling umbilical cord products, and it reminds patients that
these products are not FDA approved. Report side effects to MedWatch.</p>
</main></body></html>"""

TRIAL_RECRUITMENT = """<html><head><title>Now Enrolling: Fat-Derived Cells for Rotator Cuff Tears</title></head>
<body><main><h1>Now Enrolling: Fat-Derived Cells for Rotator Cuff Tears</h1>
<p>This trial compares adipose-derived stem cells with saline for partial rotator cuff tears in adults aged 40
to 70.</p>
<p>Eligibility criteria: a tear confirmed on MRI and no shoulder surgery in the past year. The study has ethics
approval, and participants receive the study injection at no cost.</p>
</main></body></html>"""

NEWS_STORY = """<html><head><title>City Council Debates Clinic Zoning | Bayside Courier</title></head>
<body><main><h1>City Council Debates Clinic Zoning</h1><p>By Ana Ruiz, staff reporter</p>
<p>The city council voted on Tuesday to delay a decision on zoning for two new medical offices on Pier Street,
a spokesperson for the council said.</p></main></body></html>"""

NOT_SELLING_ANY_MORE = """<html><head><title>Clinic News | Tidewater Joint &amp; Spine Clinic</title></head>
<body><main><h1>Our Clinic Has Moved</h1>
<p>Our physiotherapy team has moved to a new building on Harbour Road. Parking is free.</p>
</main></body></html>"""

SITES = {
    "tidewater": {"services": CLINIC_SERVICE, "blog-rotator-cuff": EDUCATION_POST, "fda-alert": REGULATOR_REPRINT,
                  "shoulder-study": TRIAL_RECRUITMENT, "blog-hair": OTHER_THERAPY_POST},
    "courier": {"blog-rotator-cuff": EDUCATION_POST, "council": NEWS_STORY},
    "education": {"blog-rotator-cuff": EDUCATION_POST},
}


def write_sites(root: Path) -> Path:
    for site, pages in SITES.items():
        (root / site).mkdir(parents=True)
        for name, html in pages.items():
            (root / site / f"{name}.html").write_text(html, encoding="utf-8")
    return root


def pages_by_file(store) -> dict[str, Page]:
    """'site/page' -> stored page."""
    with store.session() as session:
        rows = session.scalars(select(Page)).all()
        session.expunge_all()
    return {"/".join(page.url.rsplit("/", 2)[-2:]).removesuffix(".html"): page for page in rows}


def csv_rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


# ------------------------------------------------------------------ one page at a time

@pytest.mark.parametrize(("html", "offers", "role"), [
    (CLINIC_SERVICE, True, SELLER),
    (EDUCATION_POST, False, CANDIDATE),
    (OTHER_THERAPY_POST, False, CANDIDATE),
    (REGULATOR_REPRINT, False, None),
    (TRIAL_RECRUITMENT, False, None),
    (NEWS_STORY, False, None),
    (NOT_SELLING_ANY_MORE, False, None),
])
def test_each_page_gets_its_site_role_from_its_own_text(html, offers, role):
    result = analyse_page(html)
    assert (result.offers_treatment, result.site_role) == (offers, role), result.offer_cues
    if html is EDUCATION_POST:
        # what it would claim on a selling site: the ids a seller page with these claims has
        assert result.site_ids["conditions"] == ["tendon_ligament_injury"]
        assert result.site_ids["product_types"] == ["bone_marrow"]
        assert result.conditions == [] and result.product_types == []


def test_a_weak_seller_is_not_enough_to_sell_for_its_site():
    weak = """<html><head><title>Shoulder Care</title></head><body><main><h1>Shoulder Care</h1>
    <p>Platelet-rich plasma is one option for a sore shoulder.</p></main></body></html>"""
    result = analyse_page(weak)
    assert result.site_role != SELLER


@pytest.mark.parametrize(("candidate", "seller", "same"), [
    ({"bone_marrow"}, {"bone_marrow", "prp"}, True),
    ({"unspecified_stem_cell"}, {"adipose"}, True),
    ({"umbilical_cord", "msc"}, {"unspecified_stem_cell"}, True),
    ({"exosome"}, {"bone_marrow"}, False),
    ({"unspecified_stem_cell"}, {"prp"}, False),
    ({"prp"}, {"unspecified_stem_cell", "exosome"}, False),
])
def test_the_candidate_must_describe_a_therapy_the_site_sells(candidate, seller, same):
    assert same_therapy(candidate, seller) is same


# ------------------------------------------------------------------ the extract stage and the report

def test_a_clinic_blog_post_sells_because_of_its_site(store, tmp_path):
    run_id = extract_local_files(store, [write_sites(tmp_path / "sites")], workers=1)
    pages = pages_by_file(store)

    blog = pages["tidewater/blog-rotator-cuff"]
    assert blog.offers_treatment is True and blog.page_kind == "clinic"
    assert blog.condition_ids == ["tendon_ligament_injury"] and blog.product_type_ids == ["bone_marrow"]
    assert blog.offer_cues[-1] == SITE_CUE + pages["tidewater/services"].url
    assert blog.offer_score < 0  # its own score stays what its text gave
    # the same post elsewhere, and the clinic's non-selling pages, are not sellers
    for name in ("courier/blog-rotator-cuff", "education/blog-rotator-cuff", "tidewater/fda-alert",
                 "tidewater/shoulder-study", "tidewater/blog-hair", "courier/council"):
        page = pages[name]
        assert page.offers_treatment is False, name
        assert page.condition_ids == [] and page.product_type_ids == [], name
        assert not any(cue.startswith(SITE_CUE) for cue in page.offer_cues), name
    assert pages["courier/blog-rotator-cuff"].page_kind == "explainer"

    out = tmp_path / "out"
    summary = write_reports(store, out, run_id=run_id)
    assert summary.offering_pages == 2
    listed = {row["url"].rsplit("/", 2)[-2] + "/" + row["url"].rsplit("/", 1)[-1]: row
              for row in csv_rows(out / "pages.csv")}
    assert SITE_CUE in listed["tidewater/blog-rotator-cuff.html"]["offer_cues"]
    assert listed["tidewater/blog-rotator-cuff.html"]["offers_treatment"] == "True"
    claims = csv_rows(out / "claims.csv")
    blog_claims = [c for c in claims if c["url"] == blog.url]
    assert blog_claims and any(c["counts"] == "True" and c["condition"] == "tendon_ligament_injury"
                               for c in blog_claims)
    assert all(c["page_offers_treatment"] == "True" for c in blog_claims)
    elsewhere = [c for c in claims if c["url"] == pages["courier/blog-rotator-cuff"].url]
    assert elsewhere and not any(c["counts"] == "True" for c in elsewhere)
    flagged = {row["site"]: row for row in csv_rows(out / "flagged_clinics.csv")}
    # the rotator cuff is named only on the blog post: the clinic is flagged for it because of the site
    assert set(flagged) == {"tidewater"}
    assert "tendon_ligament_injury" in flagged["tidewater"]["conditions"].split(";")
    assert "osteoarthritis" in flagged["tidewater"]["conditions"].split(";")
    evidence = csv_rows(out / "evidence.csv")
    assert any(row["condition"] == "tendon_ligament_injury" and row["product_type"] == "bone_marrow"
               for row in evidence)


def test_the_pass_is_idempotent_and_re_extraction_can_undo_it(store, tmp_path):
    run_id = extract_local_files(store, [write_sites(tmp_path / "sites")], workers=1)
    assert apply_site_decisions(store, run_id) == 1
    before = pages_by_file(store)["tidewater/blog-rotator-cuff"]

    services = pages_by_file(store)["tidewater/services"]
    with store.session() as session:
        session.execute(update(Page).where(Page.id == services.id).values(html=NOT_SELLING_ANY_MORE))
    stats = extract_stored_pages(store, run_id=run_id, force=True, workers=1)
    assert stats.site_sellers == 0
    blog = pages_by_file(store)["tidewater/blog-rotator-cuff"]
    # back to what its own text decided
    assert blog.offers_treatment is False and blog.page_kind == "explainer"
    assert blog.condition_ids == [] and blog.product_type_ids == [] and blog.red_flag_ids == []
    assert blog.offer_cues == before.offer_cues[:-1]

    with store.session() as session:
        session.execute(update(Page).where(Page.id == services.id).values(html=CLINIC_SERVICE))
    stats = extract_stored_pages(store, run_id=run_id, force=True, workers=1)
    assert stats.site_sellers == 1 and "1 more because of their site" in stats.describe()
    again = pages_by_file(store)["tidewater/blog-rotator-cuff"]
    assert (again.offers_treatment, again.condition_ids, again.offer_cues) == \
        (True, before.condition_ids, before.offer_cues)


def test_a_run_stopped_before_the_site_pass_ends_right_when_resumed(store, tmp_path, monkeypatch):
    class Stopped(Exception):
        """The process dies between the batches and the site pass."""

    def stopped(*_args, **_kwargs):
        raise Stopped

    root = write_sites(tmp_path / "sites")
    with monkeypatch.context() as patched:
        patched.setattr(extract_module, "apply_site_decisions", stopped)
        with pytest.raises(Stopped):
            extract_local_files(store, [root], workers=1)
    assert pages_by_file(store)["tidewater/blog-rotator-cuff"].offers_treatment is False
    extract_local_files(store, [root], workers=1)  # the same files resume the unfinished run
    assert pages_by_file(store)["tidewater/blog-rotator-cuff"].offers_treatment is True
    with store.session() as session:
        assert session.scalar(select(SiteRole.role).join(Page).where(Page.url.endswith("tidewater/services.html"))) \
            == SELLER


def test_a_site_in_another_run_does_not_sell_for_this_one(store, tmp_path):
    """A run is one snapshot: the clinic's services page in one run does not promote its blog post in another."""
    (tmp_path / "a" / "tidewater").mkdir(parents=True)
    (tmp_path / "a" / "tidewater" / "services.html").write_text(CLINIC_SERVICE, encoding="utf-8")
    extract_local_files(store, [tmp_path / "a" / "tidewater" / "services.html"], workers=1)
    (tmp_path / "a" / "tidewater" / "blog.html").write_text(EDUCATION_POST, encoding="utf-8")
    extract_local_files(store, [tmp_path / "a" / "tidewater" / "blog.html"], workers=1)
    with store.session() as session:
        assert session.scalar(select(Page.offers_treatment).where(Page.url.endswith("/blog.html"))) is False


# ------------------------------------------------------------------ a crawl of a real local web site

@pytest.mark.slow
def test_crawl_extract_report_of_a_clinic_site(db_url, tmp_path):
    def page(html: str, links: str = "") -> Resource:
        return Resource(html.replace("</main>", f"{links}</main>").encode("utf-8"))

    menu = ('<p><a href="/services">Services</a> <a href="/blog/rotator-cuff">Blog</a> '
            '<a href="/fda-alert">FDA alert</a></p>')
    pages = {"/": page(CLINIC_SERVICE, menu), "/services": page(CLINIC_SERVICE),
             "/blog/rotator-cuff": page(EDUCATION_POST), "/fda-alert": page(REGULATOR_REPRINT)}
    with LocalSite(pages) as site:
        crawled = clinicscan(db_url, tmp_path, "crawl", site.url, "--allow-loopback", "--delay", "0")
        assert crawled.returncode == 0, crawled.stderr[-3000:]
    extracted = clinicscan(db_url, tmp_path, "extract", "--workers", "1")
    assert extracted.returncode == 0, extracted.stderr[-3000:]
    assert "more because of their site" in extracted.stdout
    reported = clinicscan(db_url, tmp_path, "report", "--out", str(tmp_path / "out"))
    assert reported.returncode == 0, reported.stderr[-3000:]
    listed = {row["url"].split("/", 3)[-1]: row for row in csv_rows(tmp_path / "out" / "pages.csv")}
    assert listed["blog/rotator-cuff"]["offers_treatment"] == "True"
    assert SITE_CUE + site.url in listed["blog/rotator-cuff"]["offer_cues"]
    assert listed["fda-alert"]["offers_treatment"] == "False"
    flagged = csv_rows(tmp_path / "out" / "flagged_clinics.csv")
    assert len(flagged) == 1 and "tendon_ligament_injury" in flagged[0]["conditions"].split(";")
    with open_store(db_url) as store:
        assert apply_site_decisions(store) == 1
