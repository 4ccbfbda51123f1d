"""clinicscan: scan stem-cell clinic websites and set their claims against the evidence.

The package holds what the stages share: configuration, the store (SQLAlchemy models and
sessions), paths to shipped data, errors, and the command line. The stages themselves live
in the top-level packages ``crawler`` (Scrapy), ``nlp`` (spaCy) and ``reports`` (pandas).
"""

__version__ = "0.1.0"
__all__ = ["__version__"]
