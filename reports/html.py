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
from clinicscan.reports.evidence import STATUSES
from clinicscan.reports.flags import LEVELS
from clinicscan.vocabulary import label


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


def render_report(summary, data, pairs, flags, clinics: pd.DataFrame, flagged: pd.DataFrame) -> str:
    sev_counts = Counter(f.severity for f in flags.values() if f.flagged)
    figures = [
        ("websites", summary.sites, ""), ("pages", summary.pages, ""),
        ("pages offering treatment", summary.offering_pages, ""),
        ("clinics with claims", int((clinics["n_claimed_pairs"] > 0).sum()) if len(clinics) else 0, ""),
        ("flagged clinics", summary.flagged_count, "alert"),
        ("claimed product-condition pairs", len(pairs), ""),
        ("trials imported", summary.trials_imported, ""),
    ]
    return _environment().get_template("report.html.j2").render(
        run_id=summary.run_id, run_label=data.run_label, started=_when(data.run_started_at), version=__version__,
        figures=figures, flagged_count=summary.flagged_count,
        severity_line=", ".join(f"{sev_counts[name]} {name}" for _, name in LEVELS if sev_counts[name]),
        trials_imported=summary.trials_imported,
        glance=_glance_rows(flagged), flagged=_flagged(flags, data, flagged), clinics=_clinic_rows(clinics),
        lawful=_lawful_rows(pairs, data),
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


def _flagged(flags, data, flagged: pd.DataFrame) -> list[dict]:
    """The flagged clinics, highest score first, with their quotes and reasons."""
    if not len(flagged):
        return []
    sites = data.sites.set_index("site_id")
    ordered = sorted((f for f in flags.values() if f.flagged),
                     key=lambda f: (-f.score, str(sites.loc[f.site_id, "site_name"])))
    out = []
    for flag in ordered:
        site = sites.loc[flag.site_id]
        out.append({
            "site_name": site["site_name"], "domain": site["domain"], "severity": flag.severity, "score": flag.score,
            "where": ", ".join(x for x in (site["region"], site["country"]) if isinstance(x, str) and x),
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


def _glance_rows(flagged: pd.DataFrame) -> list[dict]:
    """The flagged clinics in one small table, so the first screen names them all."""
    return [{"severity": r.severity, "score": r.score, "site": r.site, "domain": r.domain,
             "conditions": _labels("condition", r.conditions), "product_types": _labels("product_type", r.product_types)}
            for r in flagged.itertuples()]


def _clinic_rows(clinics: pd.DataFrame) -> list[dict]:
    if not len(clinics):
        return []
    return [{"site": r.site, "domain": r.domain, "pages": r.pages, "offering_pages": r.offering_pages,
             "conditions": _labels("condition", r.conditions), "product_types": _labels("product_type", r.product_types),
             "red_flags": r.red_flags.replace(";", ", ") if isinstance(r.red_flags, str) else "",
             "flagged": r.flagged, "severity": r.severity}
            for r in clinics.sort_values(["score", "site"], ascending=[False, True]).itertuples()]
