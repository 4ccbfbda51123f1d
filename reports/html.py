"""The self-contained HTML report: summary figures, charts (inline SVG), the flagged clinics
with their quotes, every clinic, and how to read it. No scripts and no external assets;
every value that came from a web page passes through ``escape``."""

from __future__ import annotations

from collections import Counter
from html import escape

import pandas as pd

from clinicscan import __version__
from clinicscan.reports.charts import PALETTE, bar_chart, heat_map
from clinicscan.reports.evidence import STATUSES
from clinicscan.reports.flags import LEVELS
from clinicscan.vocabulary import label

CSS = """
body{font:15px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;color:#1b1b1b;background:#fafafa}
main{max-width:1100px;margin:0 auto;padding:20px 24px 60px}
h1{font-size:1.6em;margin:.2em 0}h2{margin-top:1.8em;border-bottom:2px solid #ddd;padding-bottom:.2em}
.meta{color:#555}.figures{display:flex;flex-wrap:wrap;gap:10px;margin:14px 0}
.fig{background:#fff;border:1px solid #ddd;border-radius:6px;padding:10px 14px;min-width:120px}
.fig b{display:block;font-size:1.7em}.fig.alert b{color:#b71c1c}
.warn{background:#fff8e1;border:1px solid #f9a825;padding:8px 12px;border-radius:6px}
.flag{background:#fff;border:1px solid #ddd;border-left:6px solid #999;border-radius:6px;padding:10px 16px;margin:12px 0}
.flag.critical{border-left-color:#6a1b9a}.flag.high{border-left-color:#c62828}.flag.medium{border-left-color:#ef6c00}.flag.low{border-left-color:#f9a825}
.sev{display:inline-block;padding:1px 8px;border-radius:10px;color:#fff;font-size:.85em;text-transform:uppercase}
.sev.critical{background:#6a1b9a}.sev.high{background:#c62828}.sev.medium{background:#ef6c00}.sev.low{background:#f9a825;color:#000}
blockquote{margin:6px 0;padding:4px 10px;border-left:3px solid #bbb;background:#f5f5f5}
.src{font-size:.85em;color:#555;word-break:break-all}
table{border-collapse:collapse;width:100%;background:#fff;font-size:.9em}
th,td{border:1px solid #ddd;padding:4px 6px;text-align:left;vertical-align:top}th{background:#eee}
.chart text{font-size:12px}.charts{display:flex;flex-wrap:wrap;gap:24px}
ol.reasons li{margin:4px 0}table.glance{margin:8px 0 16px}figure{margin:0}figcaption{font-size:.9em;color:#444;margin-top:4px}
"""


def e(value) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    return escape(str(value), quote=True)


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
    fig_html = "".join(f'<div class="fig {cls}"><b>{e(v)}</b>{e(name)}</div>' for name, v, cls in figures)
    sev_line = ", ".join(f"{sev_counts[name]} {name}" for _, name in LEVELS if sev_counts[name])
    warn = ""
    if not summary.trials_imported:
        warn = ('<p class="warn">No ClinicalTrials.gov data has been imported, so trial counts are '
                'unknown and read as 0. Import a search with <code>clinicscan registry fetch-ctgov</code> '
                'or <code>import-ctgov</code>, then report again.</p>')
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

    parts = [
        "<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>clinicscan report: run {e(summary.run_id)}</title><style>{CSS}</style></head><body><main>",
        "<h1>Stem-cell clinic claims and the evidence</h1>",
        f'<p class="meta">Crawl run {e(summary.run_id)}{" (" + e(data.run_label) + ")" if data.run_label else ""}, '
        f"started {e(_when(data.run_started_at))}; report by clinicscan {e(__version__)}. "
        "The registry states what exists; this is not legal or medical advice.</p>",
        f'<div class="figures">{fig_html}</div>',
        f"<p><b>{e(summary.flagged_count)}</b> clinic(s) flagged{': ' + e(sev_line) if sev_line else ''}. "
        "A clinic is flagged when it offers, for a condition, a stem-cell product type with no approval "
        "for that condition.</p>", warn,
        _glance_table(flagged),
        f'<div class="charts">{_figure(status_chart, "Evidence status of claimed product-condition pairs")}</div>',
        "<h2 id=\"flagged\">Flagged clinics</h2>", _flagged_html(flags, data, flagged),
        "<h2 id=\"charts\">What clinics claim</h2>",
        f'<div class="charts">{_figure(cond_chart, "Most claimed conditions (number of clinics)")}'
        f'{_figure(heat, "Conditions by product types (number of clinics claiming the pair)")}</div>',
        "<h2 id=\"clinics\">All clinics</h2>", _clinics_table(clinics),
        "<h2 id=\"method\">How to read this report</h2>", _method_html(summary),
        "</main></body></html>",
    ]
    return "\n".join(p for p in parts if p)


def _figure(chart: str, caption: str) -> str:
    return f"<figure>{chart}<figcaption>{e(caption)}</figcaption></figure>"


def _link(url) -> str:
    """A link only for http(s) URLs: a javascript: or data: URL from a page stays text."""
    text = e(url)
    if isinstance(url, str) and url.lower().startswith(("http://", "https://")):
        return f'<a href="{text}" rel="noreferrer">{text}</a>'
    return text


def _when(value) -> str:
    return value.strftime("%Y-%m-%d %H:%M UTC") if hasattr(value, "strftime") else str(value or "")


def _flagged_html(flags, data, flagged: pd.DataFrame) -> str:
    if not len(flagged):
        return "<p>No clinic is flagged in this run.</p>"
    sites = data.sites.set_index("site_id")
    out = []
    ordered = sorted((f for f in flags.values() if f.flagged),
                     key=lambda f: (-f.score, str(sites.loc[f.site_id, "site_name"])))
    for flag in ordered:
        site = sites.loc[flag.site_id]
        where = ", ".join(x for x in (site["region"], site["country"]) if isinstance(x, str) and x)
        quotes = "".join(
            f'<blockquote>&ldquo;{e(q["sentence"])}&rdquo;<div class="src">{e(q["claim"])} &middot; '
            f'{_link(q["url"])} &middot; seen {e(_when(q["seen"]))} &middot; '
            f'WARC record {e(q["warc_record_id"] or "not archived")}</div></blockquote>'
            for q in flag.quotes)
        reasons = "".join(f"<li>{e(r)}</li>" for r in flag.reasons)
        out.append(
            f'<section class="flag {e(flag.severity)}"><h3>{e(site["site_name"])} '
            f'<span class="sev {e(flag.severity)}">{e(flag.severity)} &middot; {e(flag.score)}</span></h3>'
            f'<div class="src">{e(site["domain"])}{" &middot; " + e(where) if where else ""} &middot; '
            f'score: {e(flag.score_breakdown)}</div>{quotes}<ol class="reasons">{reasons}</ol></section>')
    return "".join(out)


def _glance_table(flagged: pd.DataFrame) -> str:
    """The flagged clinics in one small table, so the first screen names them all."""
    if not len(flagged):
        return ""
    rows = "".join(
        f'<tr><td><span class="sev {e(r.severity)}">{e(r.severity)}</span></td><td>{e(r.score)}</td>'
        f"<td>{e(r.site)}</td><td>{e(r.domain)}</td>"
        f'<td>{e(", ".join(label("condition", c) for c in str(r.conditions).split(";") if c))}</td>'
        f'<td>{e(", ".join(label("product_type", p) for p in str(r.product_types).split(";") if p))}</td></tr>'
        for r in flagged.itertuples())
    return ('<table class="glance"><thead><tr><th>severity</th><th>score</th><th>clinic</th>'
            "<th>domain</th><th>conditions without approval</th><th>product types</th></tr></thead>"
            f"<tbody>{rows}</tbody></table>")


def _clinics_table(clinics: pd.DataFrame) -> str:
    if not len(clinics):
        return "<p>No clinic pages in this run.</p>"
    head = ["clinic", "domain", "pages", "offering", "conditions", "product types", "red flags",
            "flagged"]
    rows = []
    for r in clinics.sort_values(["score", "site"], ascending=[False, True]).itertuples():
        flagged = f'<span class="sev {e(r.severity)}">{e(r.severity)}</span>' if r.flagged else "no"
        rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in (
            e(r.site), e(r.domain), e(r.pages), e(r.offering_pages),
            e(", ".join(label("condition", c) for c in str(r.conditions).split(";") if c)),
            e(", ".join(label("product_type", p) for p in str(r.product_types).split(";") if p)),
            e(r.red_flags.replace(";", ", ") if isinstance(r.red_flags, str) else ""), flagged)) + "</tr>")
    return ("<table><thead><tr>" + "".join(f"<th>{h}</th>" for h in head) + "</tr></thead><tbody>"
            + "".join(rows) + "</tbody></table>")


def _method_html(summary) -> str:
    files = "".join(f"<li>{e(f)}</li>" for f in summary.registry_files)
    return (
        "<p>Only mentions that count are used: asserted or hedged (not negated, not reported), "
        "on pages that offer treatment. A condition and a product type are paired when named in "
        "the same sentence (strongest), on the same page, or on different pages of the same site "
        "(weakest); each flag says which. Platelet-rich plasma is not a stem cell product and "
        "never flags a clinic on its own.</p>"
        "<p>Evidence status: <b>approved_for_this_use</b> (approval or established practice for "
        "this product type and condition), <b>in_trials</b> (registered trials in the imported "
        "ClinicalTrials.gov data, or a late-stage product in the registry), "
        "<b>approved_other_use_only</b> (approved only for other conditions), "
        "<b>no_registered_trials</b>. Severity: low &lt; 5 &le; medium &lt; 9 &le; high &lt; 12 "
        "&le; critical; the score adds the evidence gap, claim strength, breadth of conditions, "
        "serious diseases, red-flag claims and enforcement matches (docs/data-dictionary.md).</p>"
        f"<p>Registry files used:</p><ul>{files}</ul>"
        "<p>Files: pages.csv, claims.csv, evidence.csv, clinics.csv, flagged_clinics.csv.</p>")
