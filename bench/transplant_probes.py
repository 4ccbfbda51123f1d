"""Print how the report reads each transplant probe page (tests/transplant_probe_pages.py).

    .venv/bin/python bench/transplant_probes.py

One line a page: right or wrong, flagged or not, page kind, conditions and product types, each
page a one-page site through ``clinicscan extract --out`` (as ``evaluate --flagged`` runs it).
"""

from __future__ import annotations

import csv
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from clinicscan.regulator_view import flagged_sites  # noqa: E402
from transplant_probe_pages import LAWFUL, PROGRAMMES, UNPROVEN  # noqa: E402


def main() -> None:
    groups = {"programme": (PROGRAMMES, False), "unproven": (UNPROVEN, True), "lawful": (LAWFUL, False)}
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for group, (pages, _) in groups.items():
            for name, text in pages.items():
                title, body = text.split("\n", 1)
                folder = root / "sites" / f"{group}-{name}"
                folder.mkdir(parents=True)
                lines = "".join(f"<p>{line}</p>" for line in body.split("\n"))
                (folder / "index.html").write_text(
                    f"<html><head><title>{title}</title></head><body><h1>{title}</h1>{lines}</body></html>")
        flagged = flagged_sites(root / "sites", root / "out")
        with open(root / "out" / "pages.csv", newline="", encoding="utf-8") as handle:
            rows = {row["site"]: row for row in csv.DictReader(handle)}
    for group, (pages, should_flag) in groups.items():
        for name in pages:
            site = f"{group}-{name}"
            row = rows.get(site, {})
            right = (site in flagged) == should_flag
            print(f"{'ok ' if right else 'BAD'} {site:38} {'FLAGGED' if site in flagged else '-':8} "
                  f"{row.get('page_kind', '?'):11} {row.get('conditions', '')} | {row.get('product_types', '')}")


if __name__ == "__main__":
    main()
