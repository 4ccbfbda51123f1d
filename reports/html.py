"""The self-contained HTML report: summary figures, charts (inline SVG), the flagged clinics
with their quotes, every clinic, and how to read it. No scripts and no external assets.

The markup is the Jinja2 template ``templates/report.html.j2`` (package data), rendered with
autoescape on: every value that came from a web page is escaped by default, not only where
someone remembered to. Only the charts (``charts.py`` escapes their labels itself) are
marked safe. This module turns the tables into plain values for the template.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

import pandas as pd
from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from clinicscan import __version__
from clinicscan.reports.charts import PALETTE, bar_chart, heat_map
from clinicscan.reports.us_map import tile_map
from clinicscan.reports.evidence import STATUSES
from clinicscan.reports.flags import LEVELS
from clinicscan.vocabulary import label

# Cards (quotes and reasons) for the top flagged clinics only: past this, each is one table
# row, so the report stays small and its first screen quick at hundreds of flagged clinics;
# flagged_clinics.csv keeps every flagged clinic with all its quotes.
FLAGGED_CARDS = 50
# The "businesses operating several sites" table lists this many (businesses.csv has all).
BUSINESS_ROWS = 200


def _blank_missing(value):
    """None and NaN (a missing cell) print as nothing, not "None" or "nan"."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    return value


def _is_http_url(value) -> bool:
    """Only http(s) URLs become links: a javascript: or data: URL from a page stays text."""
    return isinstance(value, str) and value.lower().startswith(("http://", "https://"))


@lru_cache(maxsize=1)
def _environment() -> Environment:
    env = Environment(loader=PackageLoader("clinicscan.reports", "templates"), autoescape=True,
                      undefined=StrictUndefined, finalize=_blank_missing, trim_blocks=True, lstrip_blocks=True)
    env.tests["http_url"] = _is_http_url
    return env


def render_report(summary, data, pairs, flags, clinics: pd.DataFrame, flagged: pd.DataFrame, who=None,
                  flagged_cards: int = FLAGGED_CARDS) -> str:
    """The report page; ``who`` (business_tables.WhoWhere) adds places and businesses."""
    sev_counts = Counter(f.severity for f in flags.values() if f.flagged)
    figures = [
        ("websites", summary.sites, ""), ("pages", summary.pages, ""),
        ("pages offering treatment", summary.offering_pages, ""),
        ("clinics with claims", int((clinics["n_claimed_pairs"] > 0).sum()) if len(clinics) else 0, ""),
        ("flagged clinics", summary.flagged_count, "alert"),
        ("claimed product-condition pairs", len(pairs), ""),
        ("trials imported", summary.trials_imported, ""),
    ]
    if who is not None:
        figures[1:1] = [("businesses", len(who.businesses), ""), ("clinic locations", len(who.locations), "")]
    glance = _glance_rows(flagged)
    return _environment().get_template("report.html.j2").render(
        run_id=summary.run_id, run_label=data.run_label, started=_when(data.run_started_at), version=__version__,
        figures=figures, flagged_count=summary.flagged_count,
        severity_line=", ".join(f"{sev_counts[name]} {name}" for _, name in LEVELS if sev_counts[name]),
        trials_imported=summary.trials_imported,
        glance=glance[:flagged_cards], flagged_rest=glance[flagged_cards:],
        flagged=_flagged(flags, data, flagged, flagged_cards), clinics=_clinic_rows(clinics),
        lawful=_lawful_rows(pairs, data), **_places(who, flagged),
        registry_files=summary.registry_files, **_charts(data, pairs),
    )


def _charts(data, pairs) -> dict[str, Markup]:
    """The three inline SVG charts (their labels escaped by charts.py)."""
    status_counts = pairs["evidence_status"].value_counts() if len(pairs) else pd.Series(dtype=int)
    status_chart = bar_chart([(s, int(status_counts.get(s, 0))) for s in STATUSES],
                             "Evidence status of claimed product-condition pairs", colour=PALETTE)
    cond_counts = Counter()
    counting = data.claims[data.claims["counts"]] if len(data.claims) else data.claims
    if len(counting):
        for cond, group in counting[counting["kind"] == "condition"].groupby("vocab_id"):
            cond_counts[cond] = group["site_id"].nunique()
    cond_chart = bar_chart(cond_counts.most_common(15), "Most claimed conditions (number of clinics)")
    heat_values = Counter()
    if len(pairs):
        for (c, p), group in pairs.groupby(["condition", "product_type"]):
            heat_values[(c, p)] = group["site_id"].nunique()
    totals = Counter()
    for (cond, _prod), clinics_n in heat_values.items():
        totals[cond] += clinics_n
    rows = [cond for cond, _ in totals.most_common(25)]
    cols = sorted({p for _, p in heat_values})
    heat = heat_map(rows, cols, heat_values, "Clinics claiming each condition x product type")
    return {"status_chart": Markup(status_chart), "conditions_chart": Markup(cond_chart), "heat_map": Markup(heat)}


def _when(value) -> str:
    return value.strftime("%Y-%m-%d %H:%M UTC") if hasattr(value, "strftime") else str(value or "")


def _labels(kind: str, ids) -> str:
    """"a;b" of vocabulary ids as their plain labels, comma-separated."""
    return ", ".join(label(kind, i) for i in str(ids).split(";") if i)


def _flagged(flags, data, flagged: pd.DataFrame, limit: int = FLAGGED_CARDS) -> list[dict]:
    """The top ``limit`` flagged clinics, highest score first, with their quotes and reasons."""
    if not len(flagged):
        return []
    sites = data.sites.set_index("site_id")
    ordered = sorted((f for f in flags.values() if f.flagged),
                     key=lambda f: (-f.score, str(sites.loc[f.site_id, "site_name"])))[:limit]
    places = _where_by_domain(flagged)
    out = []
    for flag in ordered:
        site = sites.loc[flag.site_id]
        where = places.get(site["domain"]) or ", ".join(
            x for x in (site["region"], site["country"]) if isinstance(x, str) and x)
        out.append({
            "site_name": site["site_name"], "domain": site["domain"], "severity": flag.severity, "score": flag.score,
            "where": where,
            "score_breakdown": flag.score_breakdown, "reasons": flag.reasons,
            "quotes": [{"sentence": q["sentence"], "claim": q["claim"], "url": q["url"], "seen": _when(q["seen"]),
                        "warc_record_id": q["warc_record_id"]} for q in flag.quotes],
        })
    return out


def _lawful_rows(pairs: pd.DataFrame, data) -> list[dict]:
    """Claims not flagged because their sentence shows a use that needs no approval, each
    with why, so a reader sees the tool looked and decided."""
    lawful = pairs[pairs["evidence_status"] == "lawful_use"] if len(pairs) else pairs
    names = dict(zip(data.sites["site_id"], data.sites["site_name"]))
    return [{"site": names.get(r.site_id, ""), "sentence": r.condition_sentence, "url": r.url,
             "why": r.evidence_line} for r in lawful.itertuples()]


def _where_by_domain(flagged: pd.DataFrame) -> dict[str, str]:
    """Domain -> "address · region, country" from the place columns of flagged_clinics."""
    if "location_country" not in flagged.columns:
        return {}
    out = {}
    for r in flagged.itertuples():
        place = ", ".join(x for x in (r.location_region, r.location_country) if isinstance(x, str) and x)
        out[r.domain] = " \u00b7 ".join(x for x in (r.address, place) if isinstance(x, str) and x)
    return out


def _glance_rows(flagged: pd.DataFrame) -> list[dict]:
    """The flagged clinics in one small table each, ranked, so the first screen names the top."""
    where = _where_by_domain(flagged)
    return [{"severity": r.severity, "score": r.score, "site": r.site, "domain": r.domain,
             "where": where.get(r.domain, ""),
             "conditions": _labels("condition", r.conditions), "product_types": _labels("product_type", r.product_types)}
            for r in flagged.itertuples()]


def _places(who, flagged: pd.DataFrame) -> dict:
    """Clinics by country and by US state (bars and a tile-grid map) and the businesses that
    run several sites; empty when there is nothing to place."""
    empty: dict = {"country_chart": "", "state_chart": "", "us_map": "", "place_rows": [],
                   "multi_businesses": [], "n_multi_businesses": 0, "too_common": []}
    if who is None or not len(who.locations):
        return empty
    locs = who.locations.assign(country=who.locations["country"].fillna("").replace("", "unknown"))
    flagged_domains = set(flagged["domain"]) if len(flagged) else set()
    locs = locs.assign(flagged=locs["domain"].isin(flagged_domains))
    by_country = locs.groupby("country").agg(clinics=("location_id", "size"), sites=("domain", "nunique"),
                                             flagged=("flagged", "sum")).reset_index()
    by_country = by_country.sort_values(["clinics", "country"], ascending=[False, True])
    us = locs[(locs["country"] == "US") & locs["region"].fillna("").str.fullmatch(r"[A-Z]{2}")]
    state_counts = us.groupby("region").size().sort_values(ascending=False)
    state_flagged = us[us["flagged"]].groupby("region")["domain"].nunique()
    multi = who.businesses[who.businesses["n_sites"] > 1]
    return {
        "country_chart": Markup(bar_chart([(c, int(n)) for c, n in zip(by_country["country"], by_country["clinics"])][:20],
                                          "Clinic locations by country")),
        "state_chart": Markup(bar_chart([(s, int(n)) for s, n in state_counts.items()][:20],
                                        "Clinic locations by US state")),
        "us_map": Markup(tile_map({str(k): int(v) for k, v in state_counts.items()},
                                  "Clinic locations by US state (tile map; red corner: flagged clinics there)",
                                  flagged={str(k): int(v) for k, v in state_flagged.items()})) if len(us) else "",
        "place_rows": [{"country": r.country, "clinics": int(r.clinics), "sites": int(r.sites),
                        "flagged": int(r.flagged)} for r in by_country.itertuples()],
        "multi_businesses": [{"business_id": r.business_id, "name": r.name,
                              "sites": list(zip(str(r.sites).splitlines(), str(r.domains).splitlines())),
                              "n_clinics": r.n_clinics, "where": ", ".join(x for x in (r.regions, r.countries) if x),
                              "n_flagged": r.n_flagged_sites, "tied_by": str(r.tied_by).splitlines()}
                             for r in multi.head(BUSINESS_ROWS).itertuples()],
        "n_multi_businesses": len(multi),
        "too_common": [f"{r.tie_kind} {r.tie_value} ({r.n_sites} sites)"
                       for r in who.grouping.too_common.head(20).itertuples()],
    }


def _clinic_rows(clinics: pd.DataFrame) -> list[dict]:
    if not len(clinics):
        return []
    return [{"site": r.site, "domain": r.domain, "pages": r.pages, "offering_pages": r.offering_pages,
             "conditions": _labels("condition", r.conditions), "product_types": _labels("product_type", r.product_types),
             "red_flags": r.red_flags.replace(";", ", ") if isinstance(r.red_flags, str) else "",
             "flagged": r.flagged, "severity": r.severity}
            for r in clinics.sort_values(["score", "site"], ascending=[False, True]).itertuples()]
