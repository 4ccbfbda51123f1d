"""The report stage: claims set against the evidence registry, flags, exports.

    registry.py    the evidence registry (approvals, late-stage products, enforcement), strict loader
    ctgov_read.py  reading ClinicalTrials.gov API v2 JSON and CSV downloads into records
    ctgov.py       storing them as Trial rows (mapped to vocabulary ids) and the polite API fetch
    dataset.py     one crawl run read out of the store as pandas tables
    claims_pass.py the report's one pass over a run's claims: claims.csv streamed, counting claims kept
    arrow_read.py  a query's rows as Arrow record batches (ADBC on SQLite and PostgreSQL, DB-API fallback)
    pairing.py     claims paired into (clinic, condition, product type), strongest pairing kept
    evidence.py    what exists for a product type and condition: approvals, trials, late stage
    flags.py       which clinics are flagged, severity score, reasons a regulator can paste
    exports.py     the CSV tables (and Parquet for claims and pages)
    formulas.py    spreadsheet formula neutralisation of text cells
    csv_stream.py  CSV lines formatted by Arrow a chunk at a time, the bytes pandas to_csv wrote
    charts.py      inline SVG charts
    html.py        the self-contained HTML report
    build.py       write_reports(): the entry point the CLI, scan and demo call
    diff.py        diff_runs(): clinics and claims added or dropped between two runs
    vocabulary.py  vocabulary ids, categories and the words reports use for them

Column meanings and the rules are in docs/data-dictionary.md.
"""
