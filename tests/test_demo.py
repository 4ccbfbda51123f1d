"""`clinicscan demo` end to end: the fictional web is served, crawled, extracted, reported.

The demo runs in a subprocess (Scrapy's reactor cannot restart inside pytest), once, and
again into the same folder; the assertions read its exports the way a user would. What a
correct scan concludes about each site is written down in data/demo/sites.json.
"""

from __future__ import annotations

import csv
import html
import json
import re
import signal
import subprocess
import sys
import threading
import urllib.request
from pathlib import Path

import pytest

from clinicscan.paths import demo_dir

CLINICSCAN = str(Path(sys.executable).with_name("clinicscan"))
EXPORTS = ("pages.csv", "claims.csv", "clinics.csv", "flagged_clinics.csv", "businesses.csv", "locations.csv",
           "report.html")
SITES = json.loads((demo_dir() / "sites.json").read_text(encoding="utf-8"))["sites"]
FLAGGED = [s for s in SITES if s["expected"] == "flagged"]
NOT_FLAGGED = [s for s in SITES if s["expected"] == "not_flagged"]
BACK_PAIN = next(s for s in SITES if s.get("role") == "back_pain_clinic")
LAWFUL = [(s, use) for s in SITES for use in s.get("expect_lawful_use", [])]

pytestmark = pytest.mark.slow


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _run_demo(out: Path) -> subprocess.CompletedProcess:
    result = subprocess.run([CLINICSCAN, "demo", "--out", str(out)], capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-5000:]
    return result


def _snapshot(out: Path, result: subprocess.CompletedProcess) -> dict:
    return {
        "out": out,
        "stdout": result.stdout,
        "ports": json.loads((out / "demo-ports.json").read_text(encoding="utf-8")),
        **{name: _rows(out / name) for name in (*EXPORTS, "evidence.csv") if name.endswith(".csv")},
    }


@pytest.fixture(scope="module")
def first_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("demo") / "demo-output"
    return _snapshot(out, _run_demo(out))


def _run_demo_keep_serving(out: Path) -> subprocess.CompletedProcess:
    """The demo with --keep-serving: fetch a page from the still-running web, then Ctrl-C."""
    process = subprocess.Popen([CLINICSCAN, "demo", "--out", str(out), "--keep-serving"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    timer = threading.Timer(300, process.kill)
    timer.start()
    lines = []
    try:
        for line in process.stdout:
            lines.append(line)
            if "keeps running" in line:
                break
        served = [next(process.stdout) for _ in SITES]
        lines.extend(served)
        url = served[0].split()[0]
        with urllib.request.urlopen(url, timeout=10) as response:
            assert response.status == 200
        process.send_signal(signal.SIGINT)
        rest, err = process.communicate(timeout=30)
    finally:
        timer.cancel()
        if process.poll() is None:
            process.kill()
    assert "stopped" in rest, rest + err[-3000:]
    return subprocess.CompletedProcess(process.args, process.returncode, "".join(lines) + rest, err)


@pytest.fixture(scope="module")
def second_run(first_run):
    """The same command again, into the same folder, this time keeping the web up."""
    out = first_run["out"]
    return _snapshot(out, _run_demo_keep_serving(out))


def _words(text: str) -> str:
    """Lower-case words only, so page HTML and an extracted sentence compare."""
    text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    return " ".join(re.findall(r"\w+", text.lower()))


def _site_words(slug: str) -> str:
    return " ".join(_words(p.read_text(encoding="utf-8", errors="replace"))
                    for p in sorted((demo_dir() / "sites" / slug).rglob("*.html")))


def _base(run: dict, slug: str) -> str:
    return f"http://127.0.0.1:{run['ports'][slug]}/"


def _flag_row(run: dict, site: dict) -> dict | None:
    rows = [row for row in run["flagged_clinics.csv"] if row["site"] == site["name"]]
    assert len(rows) <= 1
    return rows[0] if rows else None


def test_demo_writes_the_five_exports(first_run):
    out = first_run["out"]
    for name in EXPORTS:
        assert (out / name).is_file() and (out / name).stat().st_size > 0, name
    assert "</html>" in (out / "report.html").read_text(encoding="utf-8")
    assert {row["site"] for row in first_run["clinics.csv"]} == {s["name"] for s in SITES}


def test_every_site_was_crawled_over_several_pages(first_run):
    for site in SITES:
        base = _base(first_run, site["slug"])
        pages = [row for row in first_run["pages.csv"] if row["url"].startswith(base)]
        assert len(pages) >= 3, f"{site['slug']}: {len(pages)} pages"


def test_robots_txt_disallowed_pages_are_never_fetched(first_run):
    disallowed = [(s["slug"], path) for s in SITES for path in s.get("robots_disallowed", [])]
    assert disallowed, "the demo web should show a robots.txt Disallow"
    fetched = {row["url"] for row in first_run["pages.csv"]}
    for slug, path in disallowed:
        assert _base(first_run, slug) + path.lstrip("/") not in fetched
    assert not any("did not obey robots.txt" in row["sentence"] for row in first_run["claims.csv"])


@pytest.mark.parametrize("site", NOT_FLAGGED, ids=[s["slug"] for s in NOT_FLAGGED])
def test_transplant_centre_regulator_and_news_are_not_flagged(first_run, site):
    assert _flag_row(first_run, site) is None
    clinic = next(row for row in first_run["clinics.csv"] if row["site"] == site["name"])
    assert clinic["flagged"] == "False"


@pytest.mark.parametrize("site", FLAGGED, ids=[s["slug"] for s in FLAGGED])
def test_each_unproven_clinic_is_flagged_with_a_quote_from_its_own_pages(first_run, site):
    row = _flag_row(first_run, site)
    assert row is not None, f"{site['name']} was not flagged"
    assert row["severity"] in ("low", "medium", "high", "critical")
    assert row["reasons"].strip()
    base = _base(first_run, site["slug"])
    fetched = {page["url"] for page in first_run["pages.csv"]}
    site_words = _site_words(site["slug"])
    assert row["quote_1"].strip() and row["quote_1_url"]
    for i in (1, 2, 3):
        quote, url = row[f"quote_{i}"], row[f"quote_{i}_url"]
        if not quote:
            continue
        assert url.startswith(base) and url in fetched, url
        for fragment in quote.split("[...]"):  # a quote may join two sentences with [...]
            assert _words(fragment) in site_words, f"quote not on {site['slug']}'s pages: {quote!r}"
        assert row[f"quote_{i}_seen"], "a quote carries the date its page was seen"
    assert set(site.get("expect_product_types", [])) & set(row["product_types"].split(";")), row["product_types"]


def _warc_responses(out: Path) -> dict[str, tuple[str, str]]:
    """WARC-Record-ID -> (target URI, payload words) for every archived response."""
    from warcio.archiveiterator import ArchiveIterator

    records = {}
    for path in sorted(out.glob("warc/run-*/*.warc.gz")):
        with path.open("rb") as handle:
            for record in ArchiveIterator(handle):
                if record.rec_type == "response":
                    body = record.content_stream().read().decode("utf-8", errors="replace")
                    records[record.rec_headers.get_header("WARC-Record-ID")] = (
                        record.rec_headers.get_header("WARC-Target-URI"), _words(body))
    return records


def test_each_flag_quote_is_backed_by_its_archived_page(first_run):
    archived = _warc_responses(first_run["out"])
    assert archived
    for row in first_run["flagged_clinics.csv"]:
        record_id = row["quote_1_warc_record_id"]
        assert record_id in archived, f"{row['site']}: no WARC record {record_id!r}"
        target, words = archived[record_id]
        assert target == row["quote_1_url"]
        first, *others = row["quote_1"].split("[...]")  # [...] may join a sentence of another page
        assert _words(first) in words
        site_words = " ".join(w for url, w in archived.values() if url.startswith(row["seed_url"]))
        assert all(_words(fragment) in site_words for fragment in others)


def test_back_pain_clinic_shows_trials_the_phase_3_product_and_no_approval(first_run):
    row = _flag_row(first_run, BACK_PAIN)
    assert row is not None
    assert "back_pain" in row["conditions"].split(";")
    reasons = row["reasons"]
    back_pain = [line for line in reasons.splitlines() if re.search(r"Offers .+? for back pain \(", line)]
    assert back_pain, reasons
    counts = [int(n) for line in back_pain
              for n in re.findall(r"(\d+) registered trials? found in the imported ClinicalTrials\.gov data", line)]
    fixture_studies = sum(len(json.loads(p.read_text(encoding="utf-8"))["studies"])
                          for p in (demo_dir() / "ctgov").glob("stem-cell-back-pain-*.json"))
    assert counts and all(0 < n <= fixture_studies for n in counts), (counts, fixture_studies)
    assert any("phase 3" in line for line in back_pain)
    assert any("rexlemestrocel-L" in line for line in back_pain), "the late-stage product is named"
    assert any("no product of this type is approved for back pain" in line.lower() for line in back_pain)


@pytest.mark.parametrize("site, use", LAWFUL, ids=[f"{s['slug']}-{u['rule']}" for s, u in LAWFUL])
def test_a_lawful_use_is_reported_as_such_and_not_flagged(first_run, site, use):
    rows = [r for r in first_run["evidence.csv"] if r["site"] == site["name"]
            and (r["condition"], r["product_type"]) == (use["condition"], use["product_type"])]
    assert len(rows) == 1, rows
    row = rows[0]
    assert (row["evidence_status"], row["status_basis"], row["flagged_claim"]) == ("lawful_use", use["rule"], "False")
    assert row["evidence_line"].startswith("Lawful use, not flagged") and "21 CFR 1271.10(a)" in row["evidence_line"]
    assert _flag_row(first_run, site) is None
    html = (first_run["out"] / "report.html").read_text(encoding="utf-8")
    assert "Lawful uses, not flagged" in html and html.count(site["name"]) >= 2


def test_blood_and_gvhd_claims_are_excused_only_by_a_named_product_or_the_transplant_setting(first_run):
    """One product's approval never excuses its type: an approved-for-this-use row either
    names the approved product or is a transplant programme's page, and only the hospital is
    one; every clinic's MSC-for-GVHD or cord-blood-for-blood-disorder claim stays flagged."""
    hospitals = {s["name"] for s in SITES if s["kind"] == "hospital"}
    approved = [r for r in first_run["evidence.csv"] if r["evidence_status"] == "approved_for_this_use"]
    assert approved, "the transplant centre's claims are approved as established practice"
    for row in approved:
        assert row["status_basis"].startswith("names ") or row["status_basis"] == "transplant programme's page", row
        if row["status_basis"] == "transplant programme's page":
            assert row["site"] in hospitals, row
    risky = [r for r in first_run["evidence.csv"] if r["site"] not in hospitals and (
        (r["product_type"], r["condition"]) == ("msc", "gvhd")
        or (r["condition"] == "blood_disorders" and r["product_type"] in ("cord_blood", "unspecified_stem_cell")))]
    for row in risky:
        assert row["evidence_status"] != "approved_for_this_use" or row["status_basis"].startswith("names "), row


def test_summary_names_the_flagged_clinics_and_the_outputs(first_run):
    stdout = first_run["stdout"]
    for site in FLAGGED:
        assert site["name"] in stdout
    for name in EXPORTS:
        assert name in stdout
    assert str(first_run["out"].resolve()) in stdout


def test_rerun_into_the_same_folder_reports_the_new_run_without_duplicates(first_run, second_run):
    assert second_run["ports"] == first_run["ports"], "the re-run serves the sites at the same URLs"
    first_urls = [row["url"] for row in first_run["pages.csv"]]
    second_urls = [row["url"] for row in second_run["pages.csv"]]
    assert len(second_urls) == len(set(second_urls))
    assert sorted(second_urls) == sorted(first_urls)
    assert {row["run_id"] for row in second_run["pages.csv"]} != {row["run_id"] for row in first_run["pages.csv"]}
    assert len(second_run["clinics.csv"]) == len(SITES)
    assert sorted(r["site"] for r in second_run["flagged_clinics.csv"]) == \
        sorted(r["site"] for r in first_run["flagged_clinics.csv"])


def test_demo_into_an_unusable_folder_says_so_in_one_line(tmp_path):
    from click.testing import CliRunner

    from clinicscan.cli import cli

    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")

    result = CliRunner().invoke(cli, ["demo", "--out", str(blocker / "demo-output")], obj={})

    assert result.exit_code == 2
    assert result.output.startswith("error: cannot write to the demo folder")
    assert "--out" in result.output and "Traceback" not in result.output


# ---------------------------------------------------------------- who and where (issue 11)

def _domain(run: dict, slug: str) -> str:
    return f"127.0.0.1:{run['ports'][slug]}"


def _clinic(run: dict, slug: str) -> dict:
    return next(row for row in run["clinics.csv"] if row["domain"] == _domain(run, slug))


SAME_BUSINESS = [(s["slug"], other) for s in SITES for other in s.get("expect_same_business", [])]
SEPARATE = [(s["slug"], other) for s in SITES for other in s.get("expect_separate_business_from", [])]
CHAINS = [s for s in SITES if s.get("expect_locations")]


@pytest.mark.parametrize("slug,other", SAME_BUSINESS, ids=[f"{a}+{b}" for a, b in SAME_BUSINESS])
def test_two_domains_of_one_business_are_one_business(first_run, slug, other):
    business = _clinic(first_run, slug)["business_id"]
    assert business and business == _clinic(first_run, other)["business_id"]
    row = next(r for r in first_run["businesses.csv"] if r["business_id"] == business)
    assert _domain(first_run, slug) in row["domains"].splitlines()
    assert _domain(first_run, other) in row["domains"].splitlines()
    assert row["tied_by"].startswith("phone +1"), row["tied_by"]


@pytest.mark.parametrize("slug,other", SEPARATE, ids=[f"{a}-{b}" for a, b in SEPARATE])
def test_a_decoy_sharing_only_a_name_stays_apart(first_run, slug, other):
    assert _clinic(first_run, slug)["business_id"] != _clinic(first_run, other)["business_id"]


@pytest.mark.parametrize("site", CHAINS, ids=[s["slug"] for s in CHAINS])
def test_a_chain_has_each_location_found_on_its_pages(first_run, site):
    rows = [r for r in first_run["locations.csv"] if r["domain"] == _domain(first_run, site["slug"])]
    assert len(rows) == len(site["expect_locations"])
    for want in site["expect_locations"]:
        row = next((r for r in rows if r["city"] == want["city"]), None)
        assert row is not None, (want, rows)
        assert row["region"] == want["region"] and row["country"] == "US" and row["region_from"] == "page"
        assert want["found_by"] in row["found_by"].split(";")
    clinic = _clinic(first_run, site["slug"])
    assert clinic["n_locations"] == str(len(site["expect_locations"]))
    # the seed gave no state; the pages fill it, the seed's own columns stay as given
    assert clinic["region"] == site["region"]
    assert set(clinic["location_region"].split(";")) == {w["region"] for w in site["expect_locations"]}


def test_the_clinic_abroad_is_located_by_its_address_in_plain_text(first_run):
    (row,) = [r for r in first_run["locations.csv"] if r["domain"] == _domain(first_run, "bahia-serena")]
    assert (row["city"], row["country"], row["country_from"], row["found_by"]) == ("Panama City", "PA", "page", "text")
    assert "Avenida Costa Serena 41" in row["street"] and row["notes"] == ""
    assert int(row["n_pages"]) >= 2  # the footer on every page and the contact page's own spelling tie


def test_every_flagged_clinic_has_its_state_or_country(first_run):
    assert first_run["flagged_clinics.csv"]
    for row in first_run["flagged_clinics.csv"]:
        assert row["location_region"] or row["location_country"], row["site"]
        assert row["business_id"], row["site"]
