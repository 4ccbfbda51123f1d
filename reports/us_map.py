"""A US tile-grid map as inline SVG: one square per state (data/business/us_tile_grid.csv),
shaded by how many clinics are there. No map tiles, scripts or images: the report opens
offline and stays small, and a tile grid gives every state the same room, so a small state
with many clinics is as visible as a large one."""

from __future__ import annotations

import csv
from functools import lru_cache
from html import escape
from typing import Mapping

from clinicscan.paths import data_dir

__all__ = ["tile_map"]


@lru_cache(maxsize=1)
def _tiles() -> list[tuple[str, int, int]]:
    with (data_dir() / "business" / "us_tile_grid.csv").open(newline="", encoding="utf-8") as handle:
        return [(r["state"], int(r["row"]), int(r["col"])) for r in csv.DictReader(handle)]


def tile_map(counts: Mapping[str, int], title: str, unit: str = "clinics",
             flagged: Mapping[str, int] | None = None, cell: int = 44) -> str:
    """``counts``: state code -> number; ``flagged``: state code -> flagged number (shown in
    each tile's tooltip and as a red corner)."""
    tiles = _tiles()
    flagged = flagged or {}
    top = max(counts.values(), default=0) or 1
    width = (max(c for _, _, c in tiles) + 1) * cell + 4
    height = (max(r for _, r, _ in tiles) + 1) * cell + 4
    parts = []
    for state, row, col in tiles:
        n = int(counts.get(state, 0))
        x, y = col * cell + 2, row * cell + 2
        shade = 0.15 + 0.85 * n / top if n else 0.0
        fill = f"rgba(21,101,192,{shade:.2f})" if n else "#eeeeee"
        ink = "#fff" if shade > 0.55 else "#222"
        tip = f"{state}: {n} {unit}"
        if flagged.get(state):
            tip += f", {flagged[state]} flagged"
        parts.append(f'<g><title>{escape(tip)}</title><rect x="{x}" y="{y}" width="{cell - 4}" '
                     f'height="{cell - 4}" rx="3" fill="{fill}"/>')
        if flagged.get(state):
            parts.append(f'<path d="M{x + cell - 16},{y} h12 v12 z" fill="#c62828"/>')
        parts.append(f'<text x="{x + (cell - 4) / 2:.0f}" y="{y + 17}" text-anchor="middle" '
                     f'fill="{ink}" font-size="12">{escape(state)}</text>')
        if n:
            parts.append(f'<text x="{x + (cell - 4) / 2:.0f}" y="{y + 33}" text-anchor="middle" '
                         f'fill="{ink}" font-size="12" font-weight="bold">{n}</text>')
        parts.append("</g>")
    return (f'<svg role="img" aria-label="{escape(title)}" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" class="chart map"><title>{escape(title)}</title>'
            + "".join(parts) + "</svg>")
