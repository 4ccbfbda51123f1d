"""Charts for the HTML report as inline SVG: no scripts, no external assets, every label
escaped, so the report opens offline and page text can never become markup."""

from __future__ import annotations

from html import escape

PALETTE = {"approved_for_this_use": "#2e7d32", "lawful_use": "#66bb6a", "in_trials": "#f9a825",
           "other_product_approved": "#ad1457", "approved_other_use_only": "#ef6c00",
           "no_registered_trials": "#c62828"}


def bar_chart(items: list[tuple[str, int]], title: str, colour: str | dict = "#1565c0",
              width: int = 640, bar_height: int = 22) -> str:
    """Horizontal bars, one per (label, value), largest first as given."""
    if not items:
        return f'<p class="empty">{escape(title)}: nothing to show.</p>'
    label_w, pad = 220, 6
    top = max(v for _, v in items) or 1
    height = len(items) * (bar_height + pad) + pad
    rows = []
    for i, (name, value) in enumerate(items):
        y = pad + i * (bar_height + pad)
        w = max(1, int((width - label_w - 60) * value / top))
        fill = colour.get(name, "#1565c0") if isinstance(colour, dict) else colour
        rows.append(
            f'<text x="{label_w - 8}" y="{y + bar_height * 0.7:.0f}" text-anchor="end">{escape(name)}</text>'
            f'<rect x="{label_w}" y="{y}" width="{w}" height="{bar_height}" fill="{fill}"/>'
            f'<text x="{label_w + w + 6}" y="{y + bar_height * 0.7:.0f}">{value}</text>')
    return (f'<svg role="img" aria-label="{escape(title)}" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" class="chart"><title>{escape(title)}</title>'
            + "".join(rows) + "</svg>")


def heat_map(rows: list[str], cols: list[str], values: dict[tuple[str, str], int], title: str,
             cell: int = 34) -> str:
    """Conditions (rows) by product types (columns); the number in a cell is how many clinics
    claim that pair; darker is more."""
    if not rows or not cols:
        return f'<p class="empty">{escape(title)}: nothing to show.</p>'
    left, top_h = 190, 130
    width, height = left + len(cols) * cell + 130, top_h + len(rows) * cell + 10
    top = max(values.values()) if values else 1
    parts = []
    for j, col in enumerate(cols):
        x = left + j * cell + cell / 2
        parts.append(f'<text transform="translate({x:.0f},{top_h - 6}) rotate(-55)">{escape(col)}</text>')
    for i, row in enumerate(rows):
        y = top_h + i * cell
        parts.append(f'<text x="{left - 6}" y="{y + cell * 0.62:.0f}" text-anchor="end">{escape(row)}</text>')
        for j, col in enumerate(cols):
            v = values.get((row, col), 0)
            shade = 0.08 + 0.92 * v / top if v else 0.0
            fill = f"rgba(183,28,28,{shade:.2f})" if v else "#f5f5f5"
            x = left + j * cell
            parts.append(f'<rect x="{x}" y="{y}" width="{cell - 2}" height="{cell - 2}" fill="{fill}">'
                         f'<title>{escape(row)} x {escape(col)}: {v}</title></rect>')
            if v:
                ink = "#fff" if shade > 0.5 else "#000"
                parts.append(f'<text x="{x + cell / 2 - 1:.0f}" y="{y + cell * 0.6:.0f}" '
                             f'text-anchor="middle" fill="{ink}">{v}</text>')
    return (f'<svg role="img" aria-label="{escape(title)}" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" class="chart"><title>{escape(title)}</title>'
            + "".join(parts) + "</svg>")
