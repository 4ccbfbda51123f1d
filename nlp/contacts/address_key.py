"""The address key: one spelling of an address that two sites' pages can be compared on.

``country|region|postal|street``, lower case: '1420 Larimer Street, Suite 300' and
'1420 LARIMER ST.' on two sites give the same key, ``us|co|80202|1420 larimer st``. Street
words are abbreviated the USPS way and the unit (suite, floor, #...) is dropped, because a
business's two pages often disagree on the unit but rarely on the building. A US ZIP+4 keeps
its five digits. How words are spelled is data: ``data/contacts/street_words.json``.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache

from clinicscan.paths import data_dir

__all__ = ["address_key", "normalise_street", "street_words"]

_NON_WORD = re.compile(r"[^\w#]+")
_HASH_NUMBER = re.compile(r"#\s*(\w)")


@lru_cache(maxsize=1)
def street_words() -> dict:
    """``suffixes`` and ``directions`` (word -> abbreviation) and ``units`` (words that start a unit)."""
    data = json.loads((data_dir() / "contacts" / "street_words.json").read_text(encoding="utf-8"))
    return {"suffixes": data["suffixes"], "directions": data["directions"], "units": set(data["units"])}


def normalise_street(street: str) -> str:
    """'1420 N. Larimer Street, Suite 300' -> '1420 n larimer st'."""
    words = street_words()
    tokens = _NON_WORD.sub(" ", _HASH_NUMBER.sub(r"# \1", street.lower())).split()
    out: list[str] = []
    for i, token in enumerate(tokens):
        if token in words["units"] and i > 0:
            break  # the unit and anything after it (a second line) are not the building
        out.append(words["suffixes"].get(token) or words["directions"].get(token) or token)
    return " ".join(out)


def _part(text: str | None) -> str:
    return " ".join(_NON_WORD.sub(" ", (text or "").lower()).split())


def address_key(country: str | None, region: str | None, postal_code: str | None, street: str | None) -> str:
    """The comparable key; an unknown part stays empty ('de||10115|friedrichstr 1')."""
    postal = _part(postal_code)
    if (country or "").upper() == "US":
        postal = postal[:5]
    return "|".join([_part(country), _part(region), postal, normalise_street(street or "")])
