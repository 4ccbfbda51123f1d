"""schema.org facts in JSON-LD and microdata, read with extruct.

A clinic's structured data says in so many words who it is: ``MedicalClinic`` (or
``Physician``, ``LocalBusiness``, ``Organization``...) with ``name``, ``telephone``,
``email`` and a ``PostalAddress``. It is also attacker-written and sometimes huge, so a
JSON-LD block over ``MAX_JSONLD_CHARS`` is skipped with a log line (never parsed), at most
``MAX_JSONLD_BLOCKS`` blocks are read, the walk over the objects stops after ``MAX_NODES``
values and ``MAX_DEPTH`` levels, and microdata is read only on pages under
``MAX_MICRODATA_HTML`` characters. Objects inside an Event, a Person or a Review
(``data/contacts/org_types.json``) are not the business's own contact details.

JSON-LD blocks come from the page's one selectolax parse (``markup.read_markup``); each is
handed to extruct's JSON-LD reader alone, so the page is not parsed again. Microdata needs
extruct's lxml tree of the whole page, built only when the page has ``itemscope``.
"""

from __future__ import annotations

import json
import logging
from functools import lru_cache
from typing import Any, Iterator

from clinicscan.nlp.contacts.address_key import address_key
from clinicscan.nlp.contacts.facts import ContactFactRow, FactCollector
from clinicscan.nlp.contacts.places import country_code, us_state_code
from clinicscan.paths import data_dir

__all__ = ["structured_objects", "facts_from_objects", "org_name_of", "MAX_JSONLD_CHARS"]

log = logging.getLogger(__name__)

MAX_JSONLD_CHARS = 200_000
MAX_JSONLD_BLOCKS = 20
MAX_MICRODATA_HTML = 1_000_000
MAX_NODES = 5_000
MAX_DEPTH = 12


@lru_cache(maxsize=1)
def _types() -> tuple[dict[str, int], frozenset[str]]:
    data = json.loads((data_dir() / "contacts" / "org_types.json").read_text(encoding="utf-8"))
    return {name: rank for rank, name in enumerate(data["org_types"])}, frozenset(data["skip_inside"])


def _type_names(obj: dict) -> list[str]:
    raw = obj.get("@type", obj.get("type"))
    names = raw if isinstance(raw, list) else [raw]
    return [str(n).rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1] for n in names if isinstance(n, str)]


def _jsonld_objects(blocks: list[str], url: str | None) -> list[Any]:
    from extruct.jsonld import JsonLdExtractor

    reader = JsonLdExtractor()
    items: list[Any] = []
    for number, block in enumerate(blocks):
        if number >= MAX_JSONLD_BLOCKS:
            log.warning("contact facts: %s has %d JSON-LD blocks; the first %d are read",
                        url or "(no url)", len(blocks), MAX_JSONLD_BLOCKS)
            break
        if len(block) > MAX_JSONLD_CHARS:
            log.warning("contact facts: skipped a JSON-LD block of %d KB on %s (over %d KB, not parsed)",
                        len(block) // 1000, url or "(no url)", MAX_JSONLD_CHARS // 1000)
            continue
        if not block.strip():
            continue
        try:
            items.extend(reader.extract(f'<script type="application/ld+json">{block}</script>'))
        except Exception as exc:  # noqa: BLE001 - a broken block is skipped, the page goes on
            log.info("contact facts: unreadable JSON-LD block on %s: %s: %s", url or "(no url)",
                     type(exc).__name__, str(exc)[:200])
    return items


def _microdata_as_jsonld(item: Any) -> Any:
    """extruct's microdata item ({"type", "properties"}) in JSON-LD's shape ({"@type", ...})."""
    if isinstance(item, list):
        return [_microdata_as_jsonld(value) for value in item]
    if isinstance(item, dict) and "properties" in item:
        converted = {key: _microdata_as_jsonld(value) for key, value in item["properties"].items()}
        converted["@type"] = item.get("type")
        return converted
    return item


def _microdata_objects(html: str, url: str | None) -> list[Any]:
    if len(html) > MAX_MICRODATA_HTML:
        log.warning("contact facts: microdata not read on %s (page of %d KB, over %d KB)", url or "(no url)",
                    len(html) // 1000, MAX_MICRODATA_HTML // 1000)
        return []
    from extruct.utils import parse_html
    from extruct.w3cmicrodata import MicrodataExtractor

    try:
        tree = parse_html(html.encode("utf-8", "replace"), encoding="utf-8")
        return [_microdata_as_jsonld(item) for item in MicrodataExtractor().extract_items(tree, base_url=url)]
    except Exception as exc:  # noqa: BLE001 - broken microdata is skipped, the page goes on
        log.info("contact facts: unreadable microdata on %s: %s: %s", url or "(no url)", type(exc).__name__,
                 str(exc)[:200])
        return []


def structured_objects(jsonld_blocks: list[str], microdata_html: str | None,
                       url: str | None) -> list[tuple[str, Any]]:
    """(source, top-level object) for every JSON-LD and microdata item on the page."""
    objects: list[tuple[str, Any]] = [("jsonld", item) for item in _jsonld_objects(jsonld_blocks, url)]
    if microdata_html:
        objects.extend(("microdata", item) for item in _microdata_objects(microdata_html, url))
    return objects


def _walk(value: Any, budget: list[int], depth: int = 0) -> Iterator[dict]:
    """Every dict in ``value`` (@graph, lists, nested objects), skipping other people's
    objects, within the node and depth budget."""
    if depth > MAX_DEPTH or budget[0] <= 0:
        return
    budget[0] -= 1
    if isinstance(value, list):
        for item in value:
            yield from _walk(item, budget, depth + 1)
    elif isinstance(value, dict):
        if set(_type_names(value)) & _types()[1]:
            return
        yield value
        for key, item in value.items():
            if isinstance(item, (dict, list)) and key not in ("@context",):
                yield from _walk(item, budget, depth + 1)


def _texts(value: Any) -> list[str]:
    """A property's values as strings ("telephone": "..." or ["...", "..."] or {"@value": ...})."""
    values = value if isinstance(value, list) else [value]
    out = []
    for item in values[:20]:
        if isinstance(item, dict):
            item = item.get("@value", item.get("name"))
        if isinstance(item, (str, int)) and not isinstance(item, bool):
            out.append(str(item))
    return out


def _evidence(obj: dict, key: str, value: Any) -> str:
    """A small JSON snippet: the object's type and name, and the property the fact came from."""
    shown = {"@type": obj.get("@type")}
    if isinstance(obj.get("name"), str):
        shown["name"] = obj["name"]
    shown[key] = value
    try:
        return json.dumps(shown, ensure_ascii=False, default=str)[:600]
    except (TypeError, ValueError):
        return f"{key}: {value}"[:600]


def _address_fact(address: Any, source: str, evidence: str) -> ContactFactRow | None:
    if isinstance(address, str):
        return None  # a one-line address string: the text reader sees it on the page if it is shown
    if not isinstance(address, dict):
        return None
    street = " ".join(_texts(address.get("streetAddress"))[:2]).strip()
    city = " ".join(_texts(address.get("addressLocality"))[:1]).strip()
    region = " ".join(_texts(address.get("addressRegion"))[:1]).strip()
    postal = " ".join(_texts(address.get("postalCode"))[:1]).strip()
    raw_country = address.get("addressCountry")
    if isinstance(raw_country, dict):
        raw_country = raw_country.get("name") or raw_country.get("@id")
    country = country_code(raw_country if isinstance(raw_country, str) else None)
    state = us_state_code(region)
    if country is None and raw_country is None and state is not None:
        country = "US"  # no country given and the region is a US state ("AZ", "Arizona")
    if country == "US":
        region = state or region
    if not (street or city or postal):
        return None
    display = ", ".join(part for part in (street, city, " ".join(p for p in (region, postal) if p),
                                          raw_country if isinstance(raw_country, str) else "") if part)
    return ContactFactRow(kind="address", value=address_key(country, region, postal, street, city=city),
                          display=display,
                          source=source, evidence=evidence, country=country, region=region[:100] or None,
                          city=city[:200] or None, postal_code=postal[:20] or None, street=street or None)


def facts_from_objects(objects: list[tuple[str, Any]], region: str, facts: FactCollector) -> None:
    """Phones, emails and addresses from any object on the page (not an Event's, a Person's...)."""
    from clinicscan.nlp.contacts.emails import email_fact
    from clinicscan.nlp.contacts.phones import phone_fact

    budget = [MAX_NODES]
    for source, top in objects:
        for obj in _walk(top, budget):
            for raw in _texts(obj.get("telephone")):
                facts.add(phone_fact(raw, region, source, _evidence(obj, "telephone", raw)))
            for raw in _texts(obj.get("email")):
                address = raw[7:] if raw.lower().startswith("mailto:") else raw
                facts.add(email_fact(address, source, _evidence(obj, "email", raw)))
            addresses = obj.get("address")
            if "streetAddress" in obj or "postalCode" in obj or "addressLocality" in obj:
                addresses = obj  # a PostalAddress on its own
            for address in (addresses if isinstance(addresses, list) else [addresses])[:20]:
                if address is not None:
                    facts.add(_address_fact(address, source, _evidence(obj, "address", address)))


def org_name_of(objects: list[tuple[str, Any]]) -> tuple[str, str, str] | None:
    """(name, source, evidence) of the page's most specific organisation type (data/contacts/org_types.json)."""
    ranks, _skip = _types()
    best: tuple[int, str, str, str] | None = None
    budget = [MAX_NODES]
    for source, top in objects:
        for obj in _walk(top, budget):
            names = _texts(obj.get("name"))
            if not names:
                continue
            rank = min((ranks[t] for t in _type_names(obj) if t in ranks), default=None)
            if rank is not None and (best is None or rank < best[0]):
                best = (rank, names[0].strip(), source, _evidence(obj, "name", names[0]))
    return best[1:] if best and best[1] else None
