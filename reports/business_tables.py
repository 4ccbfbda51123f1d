"""Who runs the clinics and where they are, as export tables: businesses.csv, locations.csv,
and the columns clinics.csv and flagged_clinics.csv gain (business id, address, region,
country). Built from the run's sites and pages and the contact facts found on them.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import pandas as pd

from clinicscan.reports.businesses import Grouping, GroupingLimits, group_businesses
from clinicscan.reports.locations import LOCATION_COLUMNS, site_locations

__all__ = ["BUSINESS_COLUMNS", "FACT_COLUMNS", "LOCATIONS_CSV_COLUMNS", "PLACE_EXPORT_COLUMNS",
           "WhoWhere", "add_place_columns", "who_and_where"]

FACT_COLUMNS = ["page_id", "site_id", "url", "kind", "value", "display", "country", "region", "city",
                "postal_code", "street", "source", "evidence"]
BUSINESS_COLUMNS = ["business_id", "name", "n_sites", "sites", "domains", "n_clinics", "countries",
                    "regions", "n_flagged_sites", "tied_by"]
LOCATIONS_CSV_COLUMNS = ["location_id", "business_id", "site", "domain"] + [
    c for c in LOCATION_COLUMNS if c not in ("location_id", "site_id")]
# appended to clinics.csv and flagged_clinics.csv, after their existing columns
PLACE_EXPORT_COLUMNS = ["business_id", "address", "location_region", "location_country", "n_locations",
                        "location_notes"]
NAME_SOURCES = ("jsonld", "microdata", "og")


@dataclass
class WhoWhere:
    grouping: Grouping
    businesses: pd.DataFrame  # businesses.csv
    locations: pd.DataFrame  # locations.csv
    places: pd.DataFrame  # one row a site: site_id, domain + PLACE_EXPORT_COLUMNS


def empty_facts() -> pd.DataFrame:
    return pd.DataFrame(columns=FACT_COLUMNS)


def who_and_where(sites: pd.DataFrame, pages: pd.DataFrame, facts: pd.DataFrame | None = None,
                  flagged_site_ids=(), limits: GroupingLimits | None = None) -> WhoWhere:
    """``sites``: site_id, site_name, domain, country, region (the seed's); ``pages``:
    site_id, page_id, url, final_url; ``facts``: FACT_COLUMNS (contact facts of those pages)."""
    limits = limits or GroupingLimits.shipped()
    facts = empty_facts() if facts is None else facts
    grouping = group_businesses(sites, pages, facts, limits)
    locations, places = site_locations(sites, facts, limits.max_locations_per_site)
    names = dict(zip(sites["site_id"].astype(int), sites["site_name"]))
    domains = dict(zip(sites["site_id"].astype(int), sites["domain"]))
    member = grouping.membership

    locations.insert(1, "business_id", locations["site_id"].map(member))
    locations.insert(2, "site", locations["site_id"].map(names))
    locations.insert(3, "domain", locations["site_id"].map(domains))
    places.insert(1, "business_id", places["site_id"].map(member))
    places.insert(1, "domain", places["site_id"].map(domains))
    businesses = _business_rows(grouping, names, domains, locations, facts, set(map(int, flagged_site_ids)))
    return WhoWhere(grouping=grouping, businesses=businesses,
                    locations=locations[LOCATIONS_CSV_COLUMNS].reset_index(drop=True), places=places)


def _org_names(facts: pd.DataFrame) -> dict[int, set[str]]:
    out: dict[int, set[str]] = {}
    if not len(facts):
        return out
    named = facts[(facts["kind"] == "org_name") & facts["source"].isin(NAME_SOURCES)]
    for sid, display in zip(named["site_id"], named["display"].fillna(named["value"])):
        if isinstance(display, str) and display.strip():
            out.setdefault(int(sid), set()).add(display.strip())
    return out


def _business_name(site_ids: list[int], names: dict[int, str], org_names: dict[int, set[str]]) -> str:
    """The organisation name most member sites give (two at least), else the first site's
    seed name: a name never decides who belongs, it only labels a business already tied."""
    if len(site_ids) > 1:
        counts = Counter(n for s in site_ids for n in org_names.get(s, ()))
        if counts:
            best, n = min(counts.items(), key=lambda kv: (-kv[1], kv[0]))
            if n >= 2:
                return best
    return str(names.get(site_ids[0], ""))


def _join(values) -> str:
    return ";".join(sorted({str(v) for v in values if isinstance(v, str) and v}))


def _business_rows(grouping: Grouping, names: dict[int, str], domains: dict[int, str],
                   locations: pd.DataFrame, facts: pd.DataFrame, flagged: set[int]) -> pd.DataFrame:
    org_names = _org_names(facts)
    tied_by: dict[str, list[str]] = {}
    for row in grouping.ties.itertuples():
        who = ", ".join(f"{names.get(s, s)} ({how})" for s, how in zip(row.site_ids, row.how))
        tied_by.setdefault(row.business_id, []).append(f"{row.tie_kind} {row.tie_value}: {who}")
    locs_by_site = {int(s): g for s, g in locations.groupby("site_id")} if len(locations) else {}
    rows = []
    for business, site_ids in grouping.business_sites().items():
        locs = pd.concat([locs_by_site[s] for s in site_ids if s in locs_by_site]) \
            if any(s in locs_by_site for s in site_ids) else locations.iloc[0:0]
        rows.append({
            "business_id": business, "name": _business_name(site_ids, names, org_names),
            "n_sites": len(site_ids), "sites": "\n".join(str(names.get(s, "")) for s in site_ids),
            "domains": "\n".join(str(domains.get(s, "")) for s in site_ids), "n_clinics": len(locs),
            "countries": _join(locs["country"]), "regions": _join(locs["region"]),
            "n_flagged_sites": sum(1 for s in site_ids if s in flagged),
            "tied_by": "\n".join(tied_by.get(business, [])),
        })
    frame = pd.DataFrame(rows, columns=BUSINESS_COLUMNS)
    return frame.sort_values(["n_sites", "name", "business_id"], ascending=[False, True, True]).reset_index(drop=True)


def add_place_columns(frame: pd.DataFrame, places: pd.DataFrame) -> pd.DataFrame:
    """``frame`` (clinics or flagged clinics, one row a site with its ``domain``) with the
    place columns appended; its own columns and values stay as they were."""
    extra = places.drop_duplicates("domain").set_index("domain")
    out = frame.copy()
    for col in PLACE_EXPORT_COLUMNS:
        values = out["domain"].map(extra[col]) if len(out) else pd.Series(dtype=object)
        out[col] = values.fillna(0).astype(int) if col == "n_locations" else values.fillna("")
    return out
