"""Exceptions the library raises; the CLI turns each into one line with the fix.

    ClinicscanError                 base: a known failure with a message a user can act on
    ├── ConfigError                 a setting or option has a value that cannot work
    ├── StoreUnavailable            the database cannot be reached or opened
    ├── SeedError                   the seed list cannot be read at all (bad rows are only warned)
    ├── RegistryError               a registry file or row is malformed (names file and line)
    ├── InputError                  a file given on the command line cannot be read
    ├── LexiconError                a lexicon, context-rule or gold file is malformed (names file and line)
    └── VocabularyError             data/vocabulary.json (the shared ids) cannot be read
"""

from __future__ import annotations


class ClinicscanError(Exception):
    """A known failure; ``str(err)`` is the message the user sees, ending with what to do."""


class ConfigError(ClinicscanError):
    """Raised when an option or environment variable has an unusable value."""


class StoreUnavailable(ClinicscanError):
    """Raised when the database cannot be reached or opened, or stops accepting writes mid-stage."""


class SeedError(ClinicscanError):
    """Raised when the seed list is missing or yields no usable seed at all."""


class RegistryError(ClinicscanError):
    """Raised for a malformed registry file; the message names the file and line."""


class InputError(ClinicscanError):
    """Raised when a path given to a command does not exist or cannot be read."""


class LexiconError(ClinicscanError):
    """Raised for a malformed lexicon, context-rule or gold file; names the file and line."""


class VocabularyError(ClinicscanError):
    """Raised when the shared vocabulary file is missing or malformed; names the file."""
