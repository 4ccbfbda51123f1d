"""A site's clinics: one location per distinct address found on its pages, with country,
state or region and city, and the site's own place for clinics.csv and flagged_clinics.csv.

The seed CSV's country and region are what the user told us and stay as given (only written
as codes: "United States, Colorado" is US, CO). Facts found on the pages fill what the seed
left blank (an address's country and state, else the country a phone number implies), and a
disagreement between seed and pages is written in ``notes``, never resolved silently.
A site whose pages give no address is still one clinic, located by its seed (or phone).
"""

from __future__ import annotations

from collections import Counter

import pandas as pd

from clinicscan.reports.places import country_code, region_code, same_place

__all__ = ["LOCATION_COLUMNS", "PLACE_COLUMNS", "site_locations"]

LOCATION_COLUMNS = ["location_id", "site_id", "address", "street", "city", "postal_code", "region",
                    "country", "region_from", "country_from", "found_by", "n_pages", "url", "evidence",
                    "notes"]
PLACE_COLUMNS = ["site_id", "address", "location_region", "location_country", "n_locations",
                 "location_notes"]
ADDRESSES_IN_CELL = 5


def _text(value) -> str:
    return value.strip() if isinstance(value, str) else ""


def _seed_place(site: dict) -> tuple[str, str]:
    """The seed's country and region as codes where they are recognised, else as given."""
    given_country = _text(site.get("country"))
    country = country_code(given_country) or given_country
    region = region_code(site.get("region"), country if len(country) == 2 else None)
    return country, region


def _fact_frame(facts: pd.DataFrame, kind: str) -> pd.DataFrame:
    if not len(facts):
        return facts
    return facts[facts["kind"] == kind]


def site_locations(sites: pd.DataFrame, facts: pd.DataFrame,
                   max_locations_per_site: int = 100) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(locations, places): every site's locations, and one row a site for the clinic exports.

    ``sites``: site_id, country, region (the seed's); ``facts``: the contact facts (site_id,
    page_id, url, kind, value, display, country, region, city, postal_code, street, source,
    evidence)."""
    addresses = _fact_frame(facts, "address")
    phones = _fact_frame(facts, "phone")
    by_site: dict[int, pd.DataFrame] = dict(tuple(addresses.groupby("site_id"))) if len(addresses) else {}
    phone_countries: dict[int, Counter] = {}
    for sid, country in zip(phones.get("site_id", []), phones.get("country", [])):
        if _text(country):
            phone_countries.setdefault(int(sid), Counter())[_text(country).upper()] += 1

    locations: list[dict] = []
    places: list[dict] = []
    for site in sites.to_dict("records"):
        sid = int(site["site_id"])
        seed_country, seed_region = _seed_place(site)
        phone_country = phone_countries[sid].most_common(1)[0][0] if sid in phone_countries else ""
        rows = _address_rows(by_site.get(sid), max_locations_per_site)
        site_locs = []
        for row in rows:
            country, country_from = (row["country"], "page") if row["country"] else \
                (seed_country, "seed") if seed_country else (phone_country, "phone") if phone_country else ("", "")
            region, region_from = (row["region"], "page") if row["region"] else \
                (seed_region, "seed") if seed_region and country == seed_country else ("", "")
            notes = []
            if row["country"] and seed_country and not same_place(row["country"], seed_country):
                notes.append(f"the seed CSV says country {seed_country}")
            elif row["region"] and seed_region and not same_place(row["region"], seed_region):
                notes.append(f"the seed CSV says region {seed_region}")
            site_locs.append({**row, "site_id": sid, "country": country, "country_from": country_from,
                              "region": region, "region_from": region_from, "notes": "; ".join(notes)})
        if not site_locs:
            country, country_from = (seed_country, "seed") if seed_country else \
                (phone_country, "phone") if phone_country else ("", "")
            site_locs.append({"site_id": sid, "address": "", "street": "", "city": "", "postal_code": "",
                              "region": seed_region, "region_from": "seed" if seed_region else "",
                              "country": country, "country_from": country_from, "found_by": "",
                              "n_pages": 0, "url": "", "evidence": "",
                              "notes": "no address found on the site's pages"})
        for i, loc in enumerate(site_locs, 1):
            loc["location_id"] = f"L{sid:05d}-{i}"
        locations.extend(site_locs)
        places.append(_site_place(sid, seed_country, seed_region, phone_country, site_locs,
                                  n_found=len(rows), n_listed=rows.n_addresses if rows else 0))
    return (pd.DataFrame(locations, columns=LOCATION_COLUMNS),
            pd.DataFrame(places, columns=PLACE_COLUMNS))


class _Rows(list):
    n_addresses = 0


def _address_rows(facts: pd.DataFrame | None, cap: int) -> _Rows:
    """One row per distinct address (its key), the most-seen first, at most ``cap``."""
    out = _Rows()
    if facts is None or not len(facts):
        return out
    groups = []
    for key, group in facts.groupby("value", sort=False):
        first = group.iloc[0]
        groups.append((-group["page_id"].nunique(), str(key), group, first))
    groups.sort(key=lambda g: (g[0], g[1]))
    out.n_addresses = len(groups)
    for neg_pages, _key, group, first in groups[:cap]:
        country = _text(first.get("country")).upper()
        out.append({
            "address": _text(first.get("display")) or str(_key), "street": _text(first.get("street")),
            "city": _text(first.get("city")), "postal_code": _text(first.get("postal_code")),
            "region": region_code(first.get("region"), country or None), "country": country,
            "found_by": ";".join(sorted({_text(s) for s in group.get("source", []) if _text(s)})),
            "n_pages": -neg_pages, "url": _text(first.get("url")), "evidence": _text(first.get("evidence")),
        })
    return out


def _site_place(sid: int, seed_country: str, seed_region: str, phone_country: str, locs: list[dict],
                n_found: int, n_listed: int) -> dict:
    """The site's place for the clinic exports: the seed's, gaps filled from its pages."""
    found_countries = sorted({loc["country"] for loc in locs if loc["country_from"] == "page"})
    found_regions = sorted({loc["region"] for loc in locs if loc["region_from"] == "page"})
    notes = []
    country = seed_country
    if not country:
        country = ";".join(found_countries) or phone_country
    elif found_countries and not any(same_place(seed_country, c) for c in found_countries):
        notes.append(f"seed CSV says country {seed_country}, its pages say {', '.join(found_countries)}")
    region = seed_region
    if not region:
        region = ";".join(r for r in found_regions if r)
    elif found_regions and not any(same_place(seed_region, r) for r in found_regions):
        notes.append(f"seed CSV says region {seed_region}, its pages say {', '.join(found_regions)}")
    if n_listed > n_found:
        notes.append(f"{n_listed} addresses found, {n_found} listed (limit)")
    shown = [loc["address"] for loc in locs if loc["address"]]
    address = "; ".join(shown[:ADDRESSES_IN_CELL])
    if len(shown) > ADDRESSES_IN_CELL:
        address += f"; and {len(shown) - ADDRESSES_IN_CELL} more (locations.csv)"
    return {"site_id": sid, "address": address, "location_region": region, "location_country": country,
            "n_locations": len(locs), "location_notes": "; ".join(notes)}
