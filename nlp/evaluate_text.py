"""The human-readable report of ``clinicscan evaluate`` (``--json`` prints the same figures as data).

Order: headline figures with intervals, the seller confusion and which pages are wrong,
the tables per kind, genre family and genre, per id, then every disagreement with the gold
evidence sentence beside each miss and our sentence beside each extra label.
"""

from __future__ import annotations

import textwrap

__all__ = ["render"]

SHORT = {"conditions": "cond", "product_types": "prod", "red_flags": "red"}
QUOTE_CHARS = 220


def _quote(sentence: str) -> str:
    sentence = " ".join(sentence.split())
    return '"' + (sentence if len(sentence) <= QUOTE_CHARS else sentence[:QUOTE_CHARS - 1] + "…") + '"'


def _group_table(title: str, groups) -> list[str]:
    lines = ["", title, f"  {'':<34}{'pages':>6}{'seller':>8}" + "".join(f"{v + ' F1':>9}" for v in SHORT.values())]
    for name, g in groups.items():
        label = name if len(name) <= 33 else name[:32] + "…"
        lines.append(f"  {label:<34}{g.pages:>6}{g.seller_accuracy:>8.2f}"
                     + "".join(_f1_cell(g.fields[f]) for f in SHORT))
    return lines


def _f1_cell(score) -> str:
    """F1, or "-" when neither gold nor we have a label there (F1 would be a vacuous 1.0)."""
    return f"{'-':>9}" if score.tp + score.fp + score.fn == 0 else f"{score.f1:>9.2f}"


def _reason_table(reasons) -> list[str]:
    """Counts of why labels were missed or added, per field: which stage to look at."""
    lines = ["", "why labels were missed or added (counts of labels)"]
    for name, sides in reasons.items():
        for side in ("missing", "extra"):
            counts = sides[side]
            text = ", ".join(f"{why} {n}" for why, n in counts.items()) or "none"
            lines.append(f"  {SHORT[name] + ' ' + side:<14}{text}")
    return lines


def _pages(pages) -> list[str]:
    return textwrap.wrap(", ".join(f"{p.file} ({p.genre or p.kind or '?'})" for p in pages),
                         width=96, initial_indent="    ", subsequent_indent="    ") or ["    none"]


def render(result, summary: bool = False) -> str:
    """The report; ``summary``: aggregate figures only (no file names, per-genre rows or sentences)."""
    iv = result.intervals
    c = result.offers_confusion

    def interval(name: str) -> str:
        return f" {iv[name]}" if name in iv else ""

    lines = [f"{result.pages} pages" + (f" (split {result.split})" if result.split else "")
             + f"; 95% intervals: bootstrap over pages, {result.resamples} resamples, seed {result.seed}",
             f"offers_treatment: accuracy {result.offers_accuracy:.3f}{interval('offers_treatment')}, "
             f"Cohen's kappa {result.offers_kappa:.3f} (tp {c['tp']}, fp {c['fp']}, fn {c['fn']}, tn {c['tn']})",
             "", f"{'field':<16}{'P':>7}{'R':>7}{'F1':>7}  {'F1 95% CI':<14}{'tp':>5}{'fp':>5}{'fn':>5}"]
    for name, s in result.fields.items():
        lines.append(f"{name:<16}{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}  {str(iv.get(name, '')):<14}"
                     f"{s.tp:>5}{s.fp:>5}{s.fn:>5}")
    errors = result.seller_errors()
    lines += ["", "seller confusion (rows: gold, columns: ours)",
              f"  {'':<18}{'seller':>8}{'not':>8}",
              f"  {'gold seller':<18}{c['tp']:>8}{c['fn']:>8}",
              f"  {'gold not seller':<18}{c['fp']:>8}{c['tn']:>8}"]
    if not summary:
        lines += [f"  false sellers ({len(errors['false_sellers'])}):", *_pages(errors["false_sellers"]),
                  f"  missed sellers ({len(errors['missed_sellers'])}):", *_pages(errors["missed_sellers"])]
    if any(p.kind for p in result.page_scores):
        lines += _group_table("by kind", result.groups("kind"))
    if any(p.genre for p in result.page_scores):
        lines += _group_table("by genre family (data/evaluation/genre_families.json)", result.groups("family"))
        if not summary:
            lines += _group_table("by genre", result.groups("genre"))
    lines += _reason_table(result.error_reasons())
    if summary:
        return "\n".join(lines)
    for name, ids in result.per_id.items():
        lines += ["", f"per id: {name}"]
        for vocab_id, s in sorted(ids.items(), key=lambda kv: (kv[1].f1, kv[0])):
            lines.append(f"  {vocab_id:<28}P {s.precision:.2f}  R {s.recall:.2f}  F1 {s.f1:.2f}"
                         f"  (tp {s.tp}, fp {s.fp}, fn {s.fn})")
    lines += ["", f"disagreements ({len(result.disagreements)}; gold: the gold evidence sentence, "
              "ours: the sentence we counted, or where we saw a missing label and why it did not count):"]
    for d in result.disagreements:
        where = f"  {d.file}" + (f" ({d.genre})" if d.genre else "")
        if d.field == "offers_treatment":
            lines.append(f"{where}  offers_treatment: gold {'true' if d.missing else 'false'}, "
                         f"ours {'true' if d.extra else 'false'}")
            continue
        lines.append(f"{where}  {d.field}:")
        for vocab_id in d.missing:
            lines.append(f"    missing {vocab_id}")
            if vocab_id in d.expected:
                lines.append(f"      gold: {_quote(d.expected[vocab_id])}")
            if vocab_id in d.found:
                lines.append(f"      ours ({d.found_as.get(vocab_id, 'counted')}): {_quote(d.found[vocab_id])}")
        for vocab_id in d.extra:
            lines.append(f"    extra {vocab_id}")
            if vocab_id in d.found:
                lines.append(f"      ours: {_quote(d.found[vocab_id])}")
    return "\n".join(lines)
