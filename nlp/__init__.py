"""The extract stage: pages in, page-level vocabulary ids and Claim rows out.

``html_text`` (HTML to blocks of text, navigation apart), ``pipeline`` (spacy.blank("en")
and the components in ``components/``, sentence boundaries included, patterns from ``data/lexicon``),
``analyse.analyse_page`` (one page), ``extract`` (stored pages and local files, worker
processes), ``evaluate`` (scores against a gold file), ``short_text.match_ids`` (short texts), ``normalise`` (the one text normalisation).
"""
