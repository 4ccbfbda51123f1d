"""Reading ClinicalTrials.gov exports: API v2 study objects (one study, a search page with
``studies[]``, or a list) and the CSV download, into plain :class:`TrialRecord` values.

Kept apart from storing and fetching so each format's quirks live in one place; a study
that cannot be read raises :class:`StudyError` saying which field is wrong.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from typing import Any, Iterator

NCT_ID = re.compile(r"^NCT\d{8}$")


@dataclass
class TrialRecord:
    """One study as read from a file or the API, before it is stored."""

    nct_id: str
    title: str
    status: str | None
    phases: list[str]
    has_results: bool
    sponsor: str | None
    conditions: list[str]
    interventions: list[str]
    intervention_text: str = ""  # names plus descriptions, for product-type mapping
    condition_text: str = ""  # conditions plus MeSH terms, for condition mapping


class StudyError(ValueError):
    """A study object that cannot be read; the message says which field is wrong."""


def parse_study(obj: Any) -> TrialRecord:
    """One API v2 study object -> :class:`TrialRecord` (raises :class:`StudyError`)."""
    if not isinstance(obj, dict):
        raise StudyError(f"expected a study object, got {type(obj).__name__}")
    proto = _dict(obj, "protocolSection")
    ident = _dict(proto, "identificationModule")
    nct_id = ident.get("nctId")
    if not isinstance(nct_id, str) or not NCT_ID.match(nct_id.strip()):
        raise StudyError(f"protocolSection.identificationModule.nctId is {nct_id!r}, expected NCT + 8 digits")
    title = ident.get("briefTitle") or ident.get("officialTitle") or ""
    status = _dict(proto, "statusModule", required=False).get("overallStatus")
    phases = _dict(proto, "designModule", required=False).get("phases") or []
    if not isinstance(phases, list) or not all(isinstance(p, str) for p in phases):
        raise StudyError("protocolSection.designModule.phases must be a list of strings")
    conditions = _strings(_dict(proto, "conditionsModule", required=False).get("conditions"),
                          "conditionsModule.conditions")
    interventions_raw = _dict(proto, "armsInterventionsModule", required=False).get("interventions") or []
    if not isinstance(interventions_raw, list):
        raise StudyError("armsInterventionsModule.interventions must be a list")
    names, texts = [], []
    for item in interventions_raw:
        if not isinstance(item, dict):
            raise StudyError("armsInterventionsModule.interventions[] must hold objects")
        name = str(item.get("name") or "").strip()
        if name:
            names.append(name)
        texts.extend(str(item.get(k) or "") for k in ("name", "description"))
        texts.extend(str(o) for o in item.get("otherNames") or [] if isinstance(o, str))
    sponsor = _dict(_dict(proto, "sponsorCollaboratorsModule", required=False),
                    "leadSponsor", required=False).get("name")
    meshes = _dict(_dict(obj.get("derivedSection") or {}, "conditionBrowseModule", required=False),
                   "meshes", required=False, kind=list)
    mesh_terms = [m.get("term", "") for m in meshes if isinstance(m, dict)]
    has_results = obj.get("hasResults", False)
    if not isinstance(has_results, bool):
        raise StudyError(f"hasResults is {has_results!r}, expected true or false")
    return TrialRecord(
        nct_id=nct_id.strip(), title=str(title).strip(),
        status=_norm_status(status), phases=[p.strip().upper() for p in phases],
        has_results=has_results, sponsor=str(sponsor).strip() if sponsor else None,
        conditions=conditions, interventions=names,
        intervention_text=" ; ".join(t for t in texts if t),
        condition_text=" ; ".join(conditions + mesh_terms),
    )


def read_json(text: str) -> Iterator[tuple[str, Any]]:
    """Yield (position, study object) from one study, a search page, or a list of studies."""
    data = json.loads(text)
    if isinstance(data, dict) and "studies" in data:
        studies = data["studies"]
        if not isinstance(studies, list):
            raise StudyError("'studies' is not a list")
        for i, study in enumerate(studies):
            yield f"studies[{i}]", study
    elif isinstance(data, dict):
        yield "study", data
    elif isinstance(data, list):
        for i, study in enumerate(data):
            yield f"[{i}]", study
    else:
        raise StudyError("expected a study object or a search page with 'studies'")


def read_csv(text: str) -> Iterator[tuple[str, TrialRecord | StudyError]]:
    """Yield (position, record or error) for each row of a ClinicalTrials.gov CSV download."""
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames or "NCT Number" not in reader.fieldnames:
        raise StudyError(f"no 'NCT Number' column (found: {', '.join(reader.fieldnames or [])})")
    for row in reader:
        where = f"line {reader.line_num}"
        try:
            yield where, _csv_record(row)
        except StudyError as exc:
            yield where, exc


def _csv_record(row: dict[str, str | None]) -> TrialRecord:
    if None in row:
        raise StudyError("more cells than columns")
    get = lambda col: (row.get(col) or "").strip()  # noqa: E731
    nct_id = get("NCT Number")
    if not NCT_ID.match(nct_id):
        raise StudyError(f"NCT Number is {nct_id!r}, expected NCT + 8 digits")
    conditions = _split(get("Conditions"))
    interventions = [re.sub(r"^[A-Z_ ]+:\s*", "", i) for i in _split(get("Interventions"))]
    results = get("Study Results").upper()
    return TrialRecord(
        nct_id=nct_id, title=get("Study Title"), status=_norm_status(get("Study Status")),
        phases=[p.upper() for p in _split(get("Phases"))],
        has_results=results in ("YES", "HAS RESULTS", "TRUE"),
        sponsor=get("Sponsor") or None, conditions=conditions, interventions=interventions,
        intervention_text=" ; ".join(interventions), condition_text=" ; ".join(conditions),
    )


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]


def _dict(obj: Any, key: str, required: bool = True, kind: type = dict) -> Any:
    value = obj.get(key) if isinstance(obj, dict) else None
    if value is None:
        if required:
            raise StudyError(f"missing {key}")
        return kind()
    if not isinstance(value, kind):
        raise StudyError(f"{key} must be {'an object' if kind is dict else 'a list'}")
    return value


def _strings(value: Any, where: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise StudyError(f"{where} must be a list of strings")
    return [v.strip() for v in value if v.strip()]


def _norm_status(status: Any) -> str | None:
    if not status:
        return None
    return re.sub(r"[\s,]+", "_", str(status).strip()).upper()
