"""ClinicalTrials.gov import (JSON study, JSON search pages, CSV) and the polite fetch
against a local API server. Fixtures are written for the project: fictional NCT9 ids."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import pytest
from sqlalchemy import select

from clinicscan.config import USER_AGENT
from clinicscan.errors import InputError
from clinicscan.paths import demo_dir
from clinicscan.store.models import Trial
from clinicscan.reports.ctgov import fetch, import_files


def study(nct, title="Fictional study", conditions=("Chronic Low Back Pain",),
          interventions=(("BIOLOGICAL", "Mesenchymal stem cells"),), phases=("PHASE2",),
          status="COMPLETED", results=False, sponsor="Fictional Sponsor (fixture)"):
    return {
        "protocolSection": {
            "identificationModule": {"nctId": nct, "briefTitle": f"{title} [fixture]"},
            "statusModule": {"overallStatus": status},
            "sponsorCollaboratorsModule": {"leadSponsor": {"name": sponsor}},
            "conditionsModule": {"conditions": list(conditions)},
            "designModule": {"studyType": "INTERVENTIONAL", "phases": list(phases)},
            "armsInterventionsModule": {"interventions": [
                {"type": t, "name": n, "description": ""} for t, n in interventions]},
        },
        "hasResults": results,
    }


def trials(store) -> dict[str, Trial]:
    with store.session() as s:
        return {t.nct_id: t for t in s.scalars(select(Trial))}


def test_single_study_json_is_imported_with_vocabulary_ids(store, tmp_path):
    path = tmp_path / "NCT90000011.json"
    path.write_text(json.dumps(study("NCT90000011", phases=("PHASE1", "PHASE2"), results=True)))
    result = import_files(store, [path])
    assert (result.studies, result.inserted, result.problems) == (1, 1, [])
    t = trials(store)["NCT90000011"]
    assert t.title == "Fictional study [fixture]" and t.status == "COMPLETED"
    assert t.phases == ["PHASE1", "PHASE2"] and t.has_results is True
    assert t.sponsor == "Fictional Sponsor (fixture)"
    assert t.conditions == ["Chronic Low Back Pain"] and t.interventions == ["Mesenchymal stem cells"]
    assert t.condition_ids == ["back_pain"] and t.product_type_ids == ["msc"]
    assert t.source_file == str(path)


def test_search_pages_import_and_reimport_updates_instead_of_duplicating(store, tmp_path):
    page = {"totalCount": 3, "studies": [
        study("NCT90000021", conditions=("Knee Osteoarthritis",),
              interventions=(("BIOLOGICAL", "Adipose-derived stromal vascular fraction"), ("DRUG", "Placebo"))),
        study("NCT90000022", conditions=("Autism Spectrum Disorder",),
              interventions=(("BIOLOGICAL", "Umbilical cord blood infusion"),)),
        study("NCT90000023", status="RECRUITING"),
    ], "nextPageToken": "abc"}
    path = tmp_path / "search.json"
    path.write_text(json.dumps(page))
    first = import_files(store, [path])
    assert (first.studies, first.inserted, first.updated) == (3, 3, 0)
    page["studies"][2]["protocolSection"]["statusModule"]["overallStatus"] = "COMPLETED"
    path.write_text(json.dumps(page))
    second = import_files(store, [path])
    assert (second.inserted, second.updated) == (0, 3)
    stored = trials(store)
    assert len(stored) == 3 and stored["NCT90000023"].status == "COMPLETED"
    assert stored["NCT90000021"].condition_ids == ["osteoarthritis"]
    assert stored["NCT90000021"].product_type_ids == ["adipose"]
    assert stored["NCT90000022"].product_type_ids == ["cord_blood"]


def test_malformed_studies_are_reported_with_position_and_skipped(store, tmp_path):
    bad_phase = study("NCT90000033")
    bad_phase["protocolSection"]["designModule"]["phases"] = "PHASE2"
    page = {"studies": [study("NCT90000031"), {"protocolSection": {}}, "not a study",
                        study("12345"), bad_phase, study("NCT90000032")]}
    path = tmp_path / "page.json"
    path.write_text(json.dumps(page))
    broken = tmp_path / "broken.json"
    broken.write_text('{"studies": [')
    result = import_files(store, [path, broken, tmp_path / "missing.json"])
    assert result.inserted == 2 and set(trials(store)) == {"NCT90000031", "NCT90000032"}
    text = "\n".join(result.problems)
    assert f"{path} studies[1]: missing identificationModule" in text
    assert f"{path} studies[2]: expected a study object, got str" in text
    assert f"{path} studies[3]: protocolSection.identificationModule.nctId is '12345'" in text
    assert f"{path} studies[4]: protocolSection.designModule.phases must be a list" in text
    assert f"{broken}: not ClinicalTrials.gov JSON" in text
    assert "missing.json: cannot read" in text
    assert "6 skipped" in result.describe()


CSV_TEXT = (
    "NCT Number,Study Title,Study URL,Study Status,Study Results,Conditions,Interventions,Sponsor,"
    "Phases,Enrollment,Study Type,Start Date\n"
    'NCT90000041,Fictional BMAC study [fixture],https://example.org/NCT90000041,COMPLETED,YES,'
    '"Low Back Pain|Sciatica","BIOLOGICAL: Bone marrow aspirate concentrate|DRUG: Placebo",'
    "Fictional Sponsor (fixture),PHASE2|PHASE3,40,INTERVENTIONAL,2019-04\n"
    "NCT9000004,Bad id [fixture],,RECRUITING,NO,Autism,BIOLOGICAL: Cord blood,X,PHASE1,10,INTERVENTIONAL,2020\n"
    "NCT90000042,Fictional PRP study [fixture],,RECRUITING,NO,Knee Osteoarthritis,"
    "BIOLOGICAL: Platelet-rich plasma,Fictional Sponsor (fixture),NA,10,INTERVENTIONAL,2020\n"
)


def test_csv_download_is_imported(store, tmp_path):
    path = tmp_path / "ctg-studies.csv"
    path.write_text(CSV_TEXT)
    result = import_files(store, [path])
    assert result.inserted == 2
    assert result.problems == [f"{path} line 3: NCT Number is 'NCT9000004', expected NCT + 8 digits; skipped"]
    t = trials(store)["NCT90000041"]
    assert t.phases == ["PHASE2", "PHASE3"] and t.has_results is True
    assert t.conditions == ["Low Back Pain", "Sciatica"]
    assert t.interventions == ["Bone marrow aspirate concentrate", "Placebo"]
    assert t.condition_ids == ["back_pain"] and t.product_type_ids == ["bone_marrow"]
    assert trials(store)["NCT90000042"].has_results is False


def test_csv_without_nct_column_is_skipped_with_a_message(store, tmp_path):
    path = tmp_path / "other.csv"
    path.write_text("a,b\n1,2\n")
    result = import_files(store, [path])
    assert result.studies == 0 and "no 'NCT Number' column" in result.problems[0]


def test_demo_fixture_imports_fully_and_is_fictional(store):
    files = sorted((demo_dir() / "ctgov").glob("*.json"))
    result = import_files(store, files)
    assert result.problems == [] and result.inserted == 58
    stored = trials(store).values()
    assert all(t.nct_id.startswith("NCT9") and "fictional" in t.title and "fictional" in t.sponsor for t in stored)
    back = [t for t in stored if "back_pain" in t.condition_ids]
    assert len(back) >= 25 and sum(t.has_results for t in back) <= 5
    assert any("PHASE3" in t.phases and "msc" in t.product_type_ids for t in back)


# ---------------------------------------------------------------- fetch against a local API

class FakeApi:
    """A local stand-in for the API: 3 pages linked by nextPageToken, 429 once if asked."""

    def __init__(self, throttle_first=False):
        self.requests: list[tuple[float, str, dict]] = []
        self.throttle_first = throttle_first
        pages = {None: ("t2", ["NCT90000051", "NCT90000052"]), "t2": ("t3", ["NCT90000053"]),
                 "t3": (None, ["NCT90000054"])}
        api = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - http.server API
                parsed = urlparse(self.path)
                query = {k: v[0] for k, v in parse_qs(parsed.query).items()}
                api.requests.append((time.monotonic(), self.headers.get("User-Agent"), query))
                if api.throttle_first and len(api.requests) == 1:
                    self.send_response(429)
                    self.send_header("Retry-After", "1")
                    self.end_headers()
                    return
                if parsed.path != "/api/v2/studies":
                    self.send_response(404)
                    self.end_headers()
                    return
                token, ids = pages[query.get("pageToken")]
                body = {"studies": [study(i) for i in ids]}
                if query.get("countTotal") == "true":
                    body["totalCount"] = 4
                if token:
                    body["nextPageToken"] = token
                data = json.dumps(body).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base_url = f"http://127.0.0.1:{self.server.server_address[1]}/api/v2"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


def test_fetch_follows_page_tokens_with_delay_and_user_agent(store):
    said: list[str] = []
    with FakeApi() as api:
        result = fetch(store, cond="back pain", intr="stem cell", term=None, base_url=api.base_url,
                       page_size=2, max_pages=10, delay=0.3, echo=said.append)
    assert result.pages == 3 and result.inserted == 4 and result.total_reported == 4
    assert set(trials(store)) == {"NCT90000051", "NCT90000052", "NCT90000053", "NCT90000054"}
    times = [t for t, _, _ in api.requests]
    assert all(b - a >= 0.29 for a, b in zip(times, times[1:]))
    assert {ua for _, ua, _ in api.requests} == {USER_AGENT}
    first, second, third = (q for _, _, q in api.requests)
    assert first["query.cond"] == "back pain" and first["query.intr"] == "stem cell"
    assert first["pageSize"] == "2" and first["format"] == "json" and "pageToken" not in first
    assert second["pageToken"] == "t2" and third["pageToken"] == "t3"
    assert said[0] == "page 1: 2 studies"


def test_fetch_stops_at_max_pages(store):
    said: list[str] = []
    with FakeApi() as api:
        result = fetch(store, term="stem cell", base_url=api.base_url, page_size=2, max_pages=1,
                       delay=0, echo=said.append)
    assert result.pages == 1 and len(api.requests) == 1 and result.inserted == 2
    assert "more results remain" in said[-1]


def test_fetch_waits_for_retry_after_on_429(store):
    with FakeApi(throttle_first=True) as api:
        result = fetch(store, cond="autism", base_url=api.base_url, page_size=2, max_pages=1, delay=0)
    assert result.inserted == 2 and len(api.requests) == 2
    assert api.requests[1][0] - api.requests[0][0] >= 0.95


def test_fetch_reports_a_dead_server_clearly(store):
    with FakeApi() as api:
        base = api.base_url.replace("/api/v2", "/wrong")
        with pytest.raises(InputError, match="HTTP 404"):
            fetch(store, cond="autism", base_url=base, max_pages=1, delay=0)
    with pytest.raises(InputError, match="at least one of"):
        fetch(store, base_url="http://127.0.0.1:9", delay=0)


def test_mesh_terms_and_descriptions_help_map_cryptic_entries(store, tmp_path):
    obj = study("NCT90000081", title="Coded product XR-7 study", conditions=("Study condition A",),
                interventions=(("BIOLOGICAL", "XR-7"),))
    obj["protocolSection"]["armsInterventionsModule"]["interventions"][0]["description"] = \
        "Allogeneic umbilical cord mesenchymal stem cells"
    obj["derivedSection"] = {"conditionBrowseModule": {"meshes": [
        {"id": "D000001", "term": "Intervertebral Disc Degeneration"}]}}
    path = tmp_path / "one.json"
    path.write_text(json.dumps(obj))
    import_files(store, [path])
    t = trials(store)["NCT90000081"]
    assert t.condition_ids == ["back_pain"]
    assert "umbilical_cord" in t.product_type_ids
    assert t.interventions == ["XR-7"]  # the raw names stay as registered


def test_fetch_skips_a_page_that_is_not_json(store):
    class HtmlHandler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            body = b"<html>maintenance</html>"
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), HtmlHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        result = fetch(store, cond="autism", base_url=f"http://127.0.0.1:{server.server_address[1]}",
                       max_pages=3, delay=0)
    finally:
        server.shutdown()
        server.server_close()
    assert result.pages == 1 and result.studies == 0
    assert result.problems[0].startswith("page 1: not ClinicalTrials.gov JSON")
