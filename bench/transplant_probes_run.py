"""Run probe pages as one-page sites; print page kind, flagged, and flagged pairs."""
import sys, tempfile, csv
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, "tests")
import pandas as pd
from clinicscan.regulator_view import flagged_sites
import transplant_probe_pages as P

pages = {}
for group in ("PROGRAMMES", "UNPROVEN", "LAWFUL"):
    for k, v in getattr(P, group).items():
        pages[f"{group[:4].lower()}-{k}"] = v
with tempfile.TemporaryDirectory() as tmp:
    root = Path(tmp)
    for name, text in pages.items():
        (root / "sites" / name).mkdir(parents=True)
        title, body = text.split("\n", 1)
        html = f"<html><head><title>{title}</title></head><body><h1>{title}</h1>" + "".join(f"<p>{l}</p>" for l in body.split("\n")) + "</body></html>"
        (root / "sites" / name / "index.html").write_text(html)
    flagged = flagged_sites(root / "sites", root / "out")
    p = pd.read_csv(root / "out" / "pages.csv")
    ev = pd.read_csv(root / "out" / "evidence.csv") if (root / "out" / "evidence.csv").exists() else None
    for name in pages:
        r = p[p.site == name]
        r = r.iloc[0] if len(r) else None
        ok = ("BAD" if ((name.startswith("prog") or name.startswith("lawf")) == (name in flagged)) else "ok ")
        print(ok, name, "FLAGGED" if name in flagged else "-", None if r is None else (r.offers_treatment, r.page_kind, r.conditions, r.product_types))
    if len(sys.argv) > 1:
        print(ev.columns.tolist())
