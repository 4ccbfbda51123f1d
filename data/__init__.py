"""Data, not code: the lexicon, the evidence registry, the demo web and the dev set.

Installed as the package ``clinicscan.data`` so code finds it with importlib.resources
(see ``clinicscan.paths``) instead of walking up from ``__file__``.
"""
