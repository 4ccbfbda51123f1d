"""The address key: one spelling of an address that two sites' pages can be compared on.

In the US, ``country|region|postal|street``, lower case: '1420 Larimer Street, Suite 300' and
'1420 LARIMER ST.' on two sites give the same key, ``us|co|80202|1420 larimer st``. Street
words are abbreviated the USPS way and the unit (suite, floor, #...) is dropped, because a
business's two pages often disagree on the unit but rarely on the building. A US ZIP+4 keeps
its five digits. How words are spelled is data: ``data/contacts/street_words.json``.

Elsewhere, ``country|city||street``, without accents: a page abroad writes the region and the
postcode or leaves them out at whim, but always writes the city, so 'Av. Costa Serena No. 41,
Torre Almendro, Piso 9, Ciudad de Panamá' and 'Torre Almendro, Avenida Costa Serena 41,
Ciudad de Panama' both give ``pa|ciudad de panama||av costa serena 41 torre almendro``: street
words in the languages of data/contacts/intl_street_words.json are spelled one way, number
markers (No., Nº, #) and unit parts (Piso 9, Suite 3) are dropped, and the comma-separated
parts are sorted, since pages order them differently. A street with neither a house number nor
a building ('Av. Abraham Lincoln', 'Sector 44') names a street or a quarter where many
businesses stand, so its key has an empty street: the address still locates the clinic but ties no two sites.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache

from clinicscan.paths import data_dir

__all__ = ["address_key", "intl_street", "intl_words", "normalise_street", "plain", "street_words"]

_NON_WORD = re.compile(r"[^\w#]+")
_HASH_NUMBER = re.compile(r"#\s*(\w)")


@lru_cache(maxsize=1)
def street_words() -> dict:
    """``suffixes`` and ``directions`` (word -> abbreviation) and ``units`` (words that start a unit)."""
    data = json.loads((data_dir() / "contacts" / "street_words.json").read_text(encoding="utf-8"))
    return {"suffixes": data["suffixes"], "directions": data["directions"], "units": set(data["units"])}


def plain(text: str) -> str:
    """Lower case without accents: 'Panamá' and 'PANAMA' compare equal."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=1)
def intl_words() -> dict:
    """Street-word sets by kind (as written and without accents), compound suffixes, and the
    key's abbreviations (data/contacts/intl_street_words.json)."""
    data = json.loads((data_dir() / "contacts" / "intl_street_words.json").read_text(encoding="utf-8"))
    words: dict = {kind: {plain(w) for w in data[kind]} | set(data[kind]) for kind in (
        "thoroughfare_prefix", "thoroughfare_suffix", "building", "house", "unit", "neighbourhood",
        "number_markers")}
    words["compound_suffixes"] = sorted({plain(w) for w in data["compound_suffixes"]}, key=len, reverse=True)
    words["abbreviations"] = {plain(k): v for k, v in data["abbreviations"].items()}
    return words


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


def _intl_piece(piece: str, words: dict) -> tuple[str, str]:
    """(kind, normalised) of one comma-separated part of a street abroad."""
    raw = plain(piece).replace("#", " # ")
    tokens = []
    for token in raw.split():
        bare = token.strip(".,:;()")
        if not bare:
            continue
        if tokens == [] and token in words["abbreviations"]:
            bare = token  # 'c/' and 'str.' keep their marks to be looked up
        for suffix in words["compound_suffixes"]:
            if bare.endswith(suffix) and len(bare) > len(suffix) + 2:
                bare = bare[: -len(suffix)] + words["abbreviations"].get(suffix, suffix.rstrip("."))
                break
        tokens.append(bare)
    first = tokens[0] if tokens else ""
    kind = next((k for k in ("unit", "neighbourhood", "building", "house") if first in words[k]), "street")
    spelled = []
    for token in tokens:
        if token in words["number_markers"] or token.rstrip(".") in words["number_markers"]:
            continue
        token = words["abbreviations"].get(token) or words["abbreviations"].get(token.rstrip(".")) or token
        spelled.append(" ".join(_NON_WORD.sub(" ", token).replace("#", " ").split()))
    return kind, " ".join(t for t in spelled if t)


def intl_street(street: str) -> str:
    """A street abroad as the key compares it ('' when it has no house number or building)."""
    words = intl_words()
    pieces = [_intl_piece(p, words) for p in street.split(",") if p.strip()]
    pieces = [(kind, text) for kind, text in pieces if text and kind != "unit"]
    if any(kind == "street" for kind, _ in pieces):
        pieces = [(kind, text) for kind, text in pieces if kind != "neighbourhood"]
    if not any(any(ch.isdigit() for ch in text) or kind in ("building", "house")
               for kind, text in pieces if kind != "neighbourhood"):
        return ""  # a street, or a sector, without a number or a building: many businesses stand there
    return " ".join(sorted(text for _kind, text in pieces))


def _part(text: str | None) -> str:
    return " ".join(_NON_WORD.sub(" ", (text or "").lower()).split())


def address_key(country: str | None, region: str | None, postal_code: str | None, street: str | None,
                 city: str | None = None) -> str:
    """The comparable key; an unknown part stays empty ('us|co|80202|1420 larimer st',
    'de|berlin||friedrichstr 12'). Without a country, the US layout."""
    country = (country or "").upper()
    if country and country != "US":
        return "|".join([country.lower(), _part(plain(city or "")), "", intl_street(street or "")])
    postal = _part(postal_code)
    if country == "US":
        postal = postal[:5]
    return "|".join([_part(country), _part(region), postal, normalise_street(street or "")])
