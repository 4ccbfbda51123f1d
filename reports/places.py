"""Country and US-state names to codes, so a seed CSV's "United States, Colorado" and a page's
"US, CO" compare as the same place (and differ when they are not).

Countries go to ISO 3166-1 alpha-2 through pycountry (offline ISO data) plus a few common
names it does not know (data/business/country_aliases.json); US states and territories to
their postal code (data/registry/us_states.csv). Elsewhere a region is free text and is only
tidied (case and spaces) for comparing.
"""

from __future__ import annotations

import csv
import json
import re
from functools import lru_cache

import pycountry

from clinicscan.paths import data_dir, registry_dir

__all__ = ["country_code", "region_code", "same_place", "us_state_codes"]


@lru_cache(maxsize=1)
def _aliases() -> dict[str, str]:
    path = data_dir() / "business" / "country_aliases.json"
    return {k.lower(): v.upper() for k, v in json.loads(path.read_text(encoding="utf-8"))["aliases"].items()}


@lru_cache(maxsize=1)
def _us_states() -> dict[str, str]:
    """Lower-case postal code and name -> postal code."""
    out: dict[str, str] = {}
    with (registry_dir() / "us_states.csv").open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            out[row["code"].strip().lower()] = row["code"].strip().upper()
            out[row["name"].strip().lower()] = row["code"].strip().upper()
    return out


def us_state_codes() -> set[str]:
    return set(_us_states().values())


def _tidy(value) -> str:
    if not isinstance(value, str):
        return ""
    return re.sub(r"\s+", " ", value).strip()


@lru_cache(maxsize=4096)
def country_code(value) -> str | None:
    """ISO alpha-2 of a country name or code, or None when it is not recognised."""
    text = _tidy(value)
    if not text or len(text) > 80:
        return None
    alias = _aliases().get(text.lower())
    if alias:
        return alias
    try:
        return pycountry.countries.lookup(text).alpha_2
    except LookupError:
        return None


def region_code(value, country: str | None = None) -> str:
    """A US state as its postal code; any other region as tidied text ("" when missing).

    ``country`` is an alpha-2 code; a state name is read as a US state only when the
    country is the US or unknown (Georgia the country is not GA)."""
    text = _tidy(value)
    if not text:
        return ""
    if country in (None, "", "US"):
        code = _us_states().get(text.lower())
        if code:
            return code
    return text


def same_place(a: str, b: str) -> bool:
    """Two region (or country) values name the same place, ignoring case."""
    return _tidy(a).lower() == _tidy(b).lower()
