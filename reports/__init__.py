"""The report stage: claims set against the evidence registry, flags, exports.

    registry.py    the evidence registry (approvals, late-stage products, enforcement), strict loader
    ctgov.py       ClinicalTrials.gov import (API v2 JSON, CSV) and polite fetch -> Trial rows
    dataset.py     one crawl run read out of the store as pandas tables
    evidence.py    pairing claims into (clinic, condition, product type) and their evidence status
    flags.py       which clinics are flagged, severity score, reasons a regulator can paste
    exports.py     the CSV tables, with spreadsheet formulas neutralised
    charts.py      inline SVG charts
    html.py        the self-contained HTML report
    build.py       write_reports(): the entry point the CLI, scan and demo call
    diff.py        diff_runs(): clinics and claims added or dropped between two runs
    vocabulary.py  vocabulary ids, categories and the words reports use for them

Column meanings and the rules are in docs/data-dictionary.md.
"""
