"""Countries and US states by name or code: ISO 3166 from pycountry (shipped with it, offline),
plus the everyday names it does not know (``data/contacts/country_aliases.json``)."""

from __future__ import annotations

import json
from functools import lru_cache

from clinicscan.paths import data_dir

__all__ = ["country_code", "us_state_code", "us_state_names"]


@lru_cache(maxsize=1)
def _aliases() -> dict[str, str]:
    data = json.loads((data_dir() / "contacts" / "country_aliases.json").read_text(encoding="utf-8"))
    return {key: value for key, value in data.items() if not key.startswith("_")}


@lru_cache(maxsize=1)
def _us_states() -> dict[str, str]:
    """Lower-cased state (district, territory) name or code -> two-letter code."""
    import pycountry

    states: dict[str, str] = {}
    for sub in pycountry.subdivisions.get(country_code="US") or ():
        code = sub.code.split("-", 1)[1]
        states[code.lower()] = code
        states[sub.name.lower()] = code
    return states


def us_state_names() -> dict[str, str]:
    """Every US state, district and territory: name or code (as pycountry spells it) -> code."""
    import pycountry

    names: dict[str, str] = {}
    for sub in pycountry.subdivisions.get(country_code="US") or ():
        code = sub.code.split("-", 1)[1]
        names[code] = code
        names[sub.name] = code
    return names


def us_state_code(text: str | None) -> str | None:
    """'CO', 'co' or 'Colorado' -> 'CO'; anything else (an abbreviation such as 'Colo.') -> None."""
    if not text:
        return None
    return _us_states().get(" ".join(text.replace(".", " ").split()).lower())


@lru_cache(maxsize=512)
def country_code(text: str | None) -> str | None:
    """A country name or ISO code as pages and seed lists write it -> ISO 3166-1 alpha-2, or None."""
    if not text:
        return None
    cleaned = " ".join(str(text).split()).strip(" .,")
    if not cleaned or len(cleaned) > 80:
        return None
    alias = _aliases().get(cleaned.lower())
    if alias:
        return alias
    import pycountry

    try:
        return pycountry.countries.lookup(cleaned).alpha_2
    except LookupError:
        return None
