"""Postal addresses abroad in page text: street, city, region and postcode where written, and
the country as an ISO code.

"Av. Costa Serena 41, Torre Almendro, Piso 9, Ciudad de Panamá, Panamá", "12 Harley Street,
London W1G 9PF, United Kingdom", "Plot 5, Sector 44, Gurugram, Haryana 122003, India". The
anchor is the end of the address, found by one regex scan: a country's name (in English or
its own language, data/contacts/country_aliases.json and pycountry) that is a whole
comma-separated part, or a postcode whose shape names its country (a UK or Canadian one), or
a postcode shaped like the site's own country's or that of a phone number on the page
(data/contacts/postcodes.json). From the anchor the parts before it are read right to left,
at most ``MAX_PARTS`` within ``_WINDOW`` characters: an optional region,
a city (capitalised words, a postcode beside it), then street parts (data/contacts/
intl_street_words.json). Precision first: a sentence that names a country ("patients fly in
from Canada") has no city part before it, and a city with nothing street-like before it
("Escazú, San José, Costa Rica") is a place, not an address, so neither is read. US
addresses are the US reader's (``us_addresses``), so an anchor in the US is skipped.
"""

from __future__ import annotations

import itertools
import json
import re
from functools import lru_cache
from typing import NamedTuple

from clinicscan.nlp.contacts.address_key import address_key, intl_words, plain
from clinicscan.nlp.contacts.facts import ContactFactRow, FactCollector, clip_around
from clinicscan.nlp.first_letters import led_by_first_letters
from clinicscan.paths import data_dir

__all__ = ["intl_addresses_in_text", "intl_words", "plain"]

#: characters read before an anchor: an address is a few short parts
_WINDOW = 300
#: parts read before an anchor (region, city and street parts)
MAX_PARTS = 8
#: anchors tried on one page at most (a country's name in every footer line of a huge page)
MAX_ANCHORS = 200
#: characters of context on each side of an address in its evidence
_EVIDENCE_AROUND = 120
#: street parts kept (after the city, right to left)
MAX_STREET_PARTS = 4
_SEPARATORS = ",;·|•\u2013\u2014\n"
_PART = re.compile(rf"[^{_SEPARATORS}]+")
_WORD_CHAR = r"[^\W\d_]"
_UPPER = r"[A-ZÀ-ÖØ-ÞĀ-Ž]"


def _load(name: str) -> dict:
    return json.loads((data_dir() / "contacts" / name).read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _places() -> dict:
    return _load("intl_places.json")


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    """Plain country name -> ISO alpha-2: pycountry's names and the aliases, less the names that
    end an address as something else (Georgia, Mexico City)."""
    import pycountry

    names: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value and "," not in value:  # 'Korea, Republic of' is no part a page writes
                names[plain(value)] = country.alpha_2
    aliases = _load("country_aliases.json")
    for key, code in aliases.items():
        if not key.startswith("_") and "," not in key and len(key) > 3:  # codes such as 'uae' too: len 3 is
            names[plain(key)] = code                                    # taken below only when written in capitals
    for key, code in aliases.items():
        if not key.startswith("_") and len(key) <= 3 and key.isalpha():
            names[key.upper()] = code  # 'UK', 'UAE': capital letters only
    for skip in _places()["not_country_anchors"]:
        names.pop(plain(skip), None)
    return names


def _trie_pattern(words: list[str]) -> str:
    """A regex alternation of ``words`` built as a trie, longest match first: the scan tries
    a few branches at each separator instead of 400 names."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [re.escape(ch).replace(r"\ ", r"[ \t]+") + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


@lru_cache(maxsize=1)
def _anchor_regex() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A country's name that starts a part (after a separator; the second regex: at the text's
    start) and ends it
    (nothing but punctuation or symbols before the next separator: 'Cyprus © 2024' is an
    end, 'Mexico offers' is not)."""
    names = _country_names()
    lower = sorted({n for n in names if not n.isupper()})
    upper = sorted({n for n in names if n.isupper()})
    # a name is matched in its accented or plain spelling, any case; a short code in capitals only
    spellings = set(lower)
    import pycountry

    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value and plain(value) in names:
                spellings.add(value.lower())
    for key in _load("country_aliases.json"):
        if plain(key) in names and not key.startswith("_"):
            spellings.add(key.lower())
    words = _trie_pattern(sorted(spellings))
    codes = "|".join(re.escape(u) for u in upper)
    # the first letter of some name or code is looked at once before the trie's branches are tried one
    # by one (~25 branches at a comma); the same matches
    country = led_by_first_letters(spellings | set(upper), rf"(?P<country>(?i:{words}){'|' + codes if codes else ''})")
    name = rf"[ \t]*{country}\.?(?![\w])(?=[ \t]*(?:$|[^\w\s]))"
    # the separator is matched, not looked behind at: a leading character class lets the regex
    # engine skip to the next separator (half the time of a lookbehind tried at every character)
    return re.compile(rf"[{_SEPARATORS}]{name}", re.M), re.compile(name, re.M)


@lru_cache(maxsize=1)
def _postcodes() -> tuple[dict[str, re.Pattern[str]], tuple[str, ...]]:
    data = _load("postcodes.json")
    # the lookahead for the first character lets the engine skip to candidates (3x faster than
    # starting with the lookbehind)
    shapes = {cc: re.compile(rf"(?=[0-9A-Z])(?<![\w\-])(?:{shape})(?![\w\-])") for cc, shape in data["shapes"].items()}
    return shapes, tuple(data["alone"])


@lru_cache(maxsize=1)
def _alone_regex() -> re.Pattern[str]:
    """Postcodes whose shape names the country, each alternative a named group per country."""
    shapes = _load("postcodes.json")["shapes"]
    alone = _postcodes()[1]
    return re.compile("(?=[0-9A-Z])(?<![\\w\\-])(?:" + "|".join(
        rf"(?P<{cc}>(?:{shapes[cc]})(?![\w\-]))" for cc in alone) + ")")


#: a postcode shape that opens with one or two classes of capitals and then a digit ("[A-PR-UWYZ][A-HK-Y]?[0-9]...",
#: "[ABCEGHJ-NPRSTVXY][0-9]..."), with no alternation: each of its matches holds a digit right after a capital
_CAPITAL_THEN_DIGIT_SHAPE = re.compile(r"(?:\(\?:)?\[[A-Z\-]+\](?:\[[A-Z\-]+\]\?)?\[0-9\][^|]*")
#: a digit right after a capital: the regex opens with the digit class, so ``re`` skips to the digits at C speed
_CAPITAL_DIGIT = re.compile(r"[0-9](?<=[A-Z][0-9])")


@lru_cache(maxsize=1)
def _alone_needs_capital_digit() -> bool:
    """Every shape of ``_alone_regex`` is one whose matches hold a digit right after a capital (the UK's and
    Canada's): then a text without one holds no such postcode, and is not scanned for them."""
    shapes = _load("postcodes.json")["shapes"]
    return all(_CAPITAL_THEN_DIGIT_SHAPE.fullmatch(shapes[cc]) for cc in _postcodes()[1])


def _alone_matches(text: str):
    """``_alone_regex().finditer(text)``; nothing at all, without the scan, in a text where no digit follows a
    capital when every shape needs one (``_alone_needs_capital_digit``). The scan tries the shapes at every
    capital and digit, ~40 us a 5 KB page; the test ~13 us."""
    if _alone_needs_capital_digit() and _CAPITAL_DIGIT.search(text) is None:
        return iter(())
    return _alone_regex().finditer(text)


@lru_cache(maxsize=64)
def _regions(cc: str) -> dict[str, str]:
    """Plain region name (and abbreviations) -> the name pycountry gives the top-level subdivision."""
    import pycountry

    out: dict[str, str] = {}
    with_codes = cc in _places()["region_codes_countries"]
    for sub in pycountry.subdivisions.get(country_code=cc) or ():
        if sub.parent_code is None:
            name = re.sub(r"\s*\[.*\]$", "", sub.name)
            out[plain(name)] = name
            if with_codes:
                out[plain(sub.code.split("-", 1)[1])] = name
    for alias, name in _places()["region_aliases"].get(cc, {}).items():
        out[plain(alias)] = re.sub(r"\s*\[.*\]$", "", name)
    return out


class _Part(NamedTuple):
    start: int
    end: int
    text: str  # stripped


def _parts_before(text: str, end: int) -> tuple[list[_Part], int]:
    """The parts ending before ``end``, nearest first, within the window (an address block's
    lines are paragraphs of the page text, so a blank line is a separator like a comma)."""
    lo = max(0, end - _WINDOW)
    cut = lo > 0
    parts = []
    for match in _PART.finditer(text, lo, end):
        stripped = match.group().strip()
        if stripped:
            offset = match.group().find(stripped)
            parts.append(_Part(match.start() + offset, match.start() + offset + len(stripped), stripped))
    if cut and parts and parts[0].start <= lo + 1:
        parts = parts[1:]  # a part cut by the window is not a part
    return parts[::-1][:MAX_PARTS], lo


def _split_postcode(part: str, cc: str) -> tuple[str, str | None]:
    """'Limassol 4532' -> ('Limassol', '4532'); '22000 Tijuana' -> ('Tijuana', '22000')."""
    shape = _postcodes()[0].get(cc)
    if shape is None:
        return part, None
    for match in shape.finditer(part):
        before, after = part[:match.start()].strip(" ,."), part[match.end():].strip(" ,.")
        if not before or not after:  # a postcode opens or closes the part, never sits mid-name
            return (before or after), match.group()
    return part, None


def _words(part: str) -> list[str]:
    return part.replace("\u00a0", " ").split()


def _word_set(part: str) -> set[str]:
    return {plain(w).strip(".,:()") for w in _words(part)} | {plain(w) for w in _words(part)}


def _looks_like_city(part: str, cc: str) -> bool:
    """1 to 5 words, the first and every non-particle one capitalised, no digits, no street word,
    and not another country's name ('Mexico, Canada' is a list, not a city and a country)."""
    words = _words(part)
    if not 1 <= len(words) <= 5 or any(ch.isdigit() for ch in part) or len(part) > 60:
        return False
    particles = _places()["city_particles"]
    for i, word in enumerate(words):
        bare = word.strip(".'’()-")
        if not bare or not re.match(_WORD_CHAR, bare):
            return False
        if not bare[0].isupper() and not (i and plain(bare) in particles):
            return False
    kinds = intl_words()
    lowered = _word_set(part)
    if lowered & (kinds["thoroughfare_prefix"] | kinds["unit"] | kinds["building"] | kinds["neighbourhood"]
                  | kinds["house"]):
        return False
    other = _country_names().get(plain(part.strip(" .")))
    return other is None or other == cc


_HOUSE_NUMBER = r"\d{1,5}[A-Za-z]?(?:[-/]\d{1,4}[A-Za-z]?)?"


@lru_cache(maxsize=1)
def _street_shapes() -> tuple[re.Pattern[str], ...]:
    kinds = intl_words()

    def alternation(words) -> str:
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

    prefix = alternation(kinds["thoroughfare_prefix"])
    suffix = alternation(kinds["thoroughfare_suffix"])
    compound = alternation(kinds["compound_suffixes"])
    markers = alternation(kinds["number_markers"])
    particles = alternation(_places()["city_particles"])
    name_word = rf"(?:{_UPPER}[\w'’.\-]*|\d{{1,4}}[A-Za-z]{{0,2}})"
    return (
        # 12 Harley Street | 1550 Av. Vasconcelos
        re.compile(rf"(?<![\w\-]){_HOUSE_NUMBER}[ \t]+(?:{name_word}[ \t]+){{0,4}}?(?i:{suffix})\.?(?!\w)"),
        # Calle 50 No. 12 | Av. Costa Serena 41 | Rruga Myslym Shyri 12 | Sukhumvit Soi 31
        re.compile(rf"(?:(?<![\w\-]){_HOUSE_NUMBER}[ \t]+)?(?:{_UPPER}[\w'’\-]*[ \t]+)?(?i:{prefix})\.?"
                   rf"(?:[ \t]+(?:{name_word}|(?i:{markers})|{particles})){{1,8}}$"),
        # Amathountos Ave | Harley Street 12
        re.compile(rf"(?:{name_word}[ \t]+){{1,4}}(?i:{suffix})\.?(?:[ \t]+(?:(?i:{markers})[ \t]*)?{_HOUSE_NUMBER})?$"),
        # Friedrichstraße 12 | Keizersgracht 123
        re.compile(rf"{_UPPER}[\w'’\-]*(?i:{compound})\.?[ \t]+{_HOUSE_NUMBER}$"),
    )


_NAMED_NUMBER = re.compile(rf"^(?:{_UPPER}[\w'’.\-]*[ \t]+){{1,4}}(?:(?:No\.?|Nº|N°|Nr\.?|#)[ \t]*)?{_HOUSE_NUMBER}$")
_YEAR = re.compile(r"(?:19|20)\d\d")


def _street_part(part: str) -> tuple[str, str] | None:
    """(kind, the street text) of one part: 'thoroughfare' (a street), 'building' or 'house'
    (Torre X, Plot 5), 'unit' (Piso 9), 'neighbourhood' (Col. Centro); None when the part is
    none of these (a business name, a sentence)."""
    if len(part) > 80:
        return None
    core = part.rsplit(":", 1)[-1].strip()
    for shape in _street_shapes():
        found = shape.search(core)
        if found:
            return "thoroughfare", found.group().strip()
    words = _words(core)
    if not words:
        return None
    kinds = intl_words()
    first = plain(words[0]).rstrip(".")
    if len(words) >= 2 and len(words) <= 6 and (words[1][0].isupper() or words[1][0].isdigit()):
        for kind in ("building", "house", "unit", "neighbourhood"):
            if first in kinds[kind] or plain(words[0]) in kinds[kind]:
                return kind, core
    if _NAMED_NUMBER.match(core) and not _YEAR.fullmatch(core.split()[-1].lstrip("#")):
        return "thoroughfare", core  # Knez Mihailova 12: a named street and a house number
    return None


class _Reading(NamedTuple):
    street_start: int
    street: list[tuple[str, str]]  # (kind, text), left to right
    city: str
    region: str | None
    postal: str | None


def _read_before(parts: list[_Part], cc: str, postal: str | None = None) -> _Reading | None:
    """Region, city and street parts from ``parts`` (nearest first) of an address in ``cc``."""
    if not parts:
        return None
    regions = _regions(cc)
    rest, code = _split_postcode(parts[0].text, cc)
    postal = postal or code
    region = regions.get(plain(rest.strip())) or regions.get(plain(rest.strip(" .")))
    city = None
    at = 1
    if region is not None and len(parts) > 1:
        rest2, code2 = _split_postcode(parts[1].text, cc)
        if _looks_like_city(rest2, cc):
            city, postal, at = rest2, postal or code2, 2
    if city is None:
        if not _looks_like_city(rest, cc):
            return None
        city, region, at = rest, None, 1
    street: list[tuple[str, str]] = []
    start = None
    for part in parts[at:at + MAX_STREET_PARTS]:
        kind = _street_part(part.text)
        if kind is None:
            break
        street.append(kind)
        start = part.end - len(kind[1])
    if not any(kind in ("thoroughfare", "building", "house") or (kind == "neighbourhood" and any(
            ch.isdigit() for ch in text)) for kind, text in street):
        return None  # a numbered sector (Sector 44) places an office; a named one (Col. Centro) does not
    return _Reading(start, street[::-1], " ".join(city.split()), region, postal)


def _hint_countries(country_hints) -> list[str]:
    shapes = _postcodes()[0]
    return sorted({cc for cc in country_hints if cc and cc != "US" and cc in shapes})


_DECIMAL = re.compile(r"\d")


def has_digit(text: str) -> bool:
    """``any(ch.isdigit() for ch in text)`` without a Python step per character: a decimal digit
    (``\\d``) is one; ``str.isdigit`` also takes superscripts and circled digits, which only
    text outside ASCII can hold."""
    return _DECIMAL.search(text) is not None or (not text.isascii() and any(ch.isdigit() for ch in text))


def _anchors(text: str, country_hints) -> list[tuple[int, int, str, bool]]:
    """(start, end, country, the anchor is a postcode) in page order, at most ``MAX_ANCHORS``."""
    found: list[tuple[int, int, str, bool]] = []
    names = _country_names()
    after_separator, at_start = _anchor_regex()
    first = at_start.match(text)
    for match in ([first] if first else []) + list(itertools.islice(after_separator.finditer(text), 4 * MAX_ANCHORS)):
        raw = match.group("country")
        cc = names.get(raw) or names.get(plain(" ".join(raw.split())))
        if cc and cc != "US":
            found.append((match.start("country"), match.end(), cc, False))
        if len(found) >= MAX_ANCHORS:
            break
    if has_digit(text):
        for match in _alone_matches(text):
            found.append((match.start(), match.end(), match.lastgroup, True))
            if len(found) >= 2 * MAX_ANCHORS:
                break
        shapes = _postcodes()[0]
        for cc in _hint_countries(country_hints):
            for n, match in enumerate(shapes[cc].finditer(text)):
                if n >= MAX_ANCHORS:
                    break
                found.append((match.start(), match.end(), cc, True))
    # a country's name first: it closes the address the postcode is part of
    found.sort(key=lambda anchor: (anchor[3], anchor[0]))
    return found[:3 * MAX_ANCHORS]


def _street_text(street: list[tuple[str, str]]) -> str:
    return ", ".join(" ".join(text.split()) for _kind, text in street)


def intl_addresses_in_text(text: str, facts: FactCollector, country_hints=()) -> None:
    """The page's addresses outside the US, each with its paragraph as evidence.

    ``country_hints``: ISO codes whose postcodes count without the country's name (the site's
    seed country, the countries of the phone numbers on the page)."""
    if not text:
        return
    seen_ends: set[int] = set()
    for start, end, cc, is_postcode in _anchors(text, country_hints):
        if facts.full("address"):
            return
        if is_postcode:
            # the postcode's own part is the first part read ('London W1G 9PF', 'New Delhi 110001')
            part_end = end
            tail = text[end:end + 3]
            if tail[:1].isalnum() and not tail[:1].isupper():
                continue
            parts, _lo = _parts_before(text, part_end)
            if parts and parts[0].end != end:
                # the postcode closes the part, or opens it ('22000 Tijuana'): take the whole part
                nxt = _PART.match(text, end)
                if nxt is None or len(nxt.group()) > 60:
                    continue
                parts, _lo = _parts_before(text, end + len(nxt.group().rstrip()))
            if not parts or parts[0].end in seen_ends:
                continue
            reading = _read_before(parts, cc, postal=None)
            address_end = parts[0].end
        else:
            parts, _lo = _parts_before(text, start)
            reading = _read_before(parts, cc)
            address_end = start + len(text[start:end].rstrip(" \t."))
        if reading is None or reading.street_start is None:
            continue
        seen_ends.add(address_end if is_postcode else (parts[0].end if parts else address_end))
        _add(text, facts, cc, reading, address_end)


def _add(text: str, facts: FactCollector, cc: str, reading: _Reading, end: int) -> None:
    """The fact; its evidence the address with the text around it (an address block's lines,
    which are paragraphs of the page text, joined with '; ')."""
    begin = reading.street_start
    display = ", ".join(" ".join(p.split()) for p in _PART.findall(text[begin:end]) if p.strip())
    lo, hi = max(0, begin - _EVIDENCE_AROUND), min(len(text), end + _EVIDENCE_AROUND)
    street = _street_text(reading.street)
    facts.add(ContactFactRow(
        kind="address", value=address_key(cc, reading.region, reading.postal, street, city=reading.city),
        display=display, source="text",
        evidence=clip_around(text[lo:hi].replace("\n\n", "; "), begin - lo, end - lo),
        country=cc, region=reading.region, city=reading.city[:200], postal_code=reading.postal,
        street=street[:300]))
