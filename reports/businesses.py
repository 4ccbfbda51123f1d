"""Which websites belong to one business: sites are tied when they share a normalised phone
number, an e-mail domain, a street address, or a registrable web domain (the site's own, a
redirect's, or an e-mail's), and the ties are joined transitively (union-find).

Why these and nothing else: a regulator acts on a business, and these are the facts a business
cannot share with a stranger by accident. A similar name never ties two sites (two unrelated
"Regen Clinic"s are common). Contact data is written by the sites themselves, so the limits in
data/business/limits.json apply: a value seen on too many sites (a booking service, a web host,
a template) ties nothing and is reported as such, and each site brings at most a few values of
each kind, those on the most pages first. Free-mail domains (data/business/free_mail_domains.txt)
are not a business's domain; the same free-mail address still ties.

Everything is group operations over frames plus one union-find pass: linear in the facts.
"""

from __future__ import annotations

import ipaddress
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import urlsplit

import pandas as pd
from publicsuffixlist import PublicSuffixList

from clinicscan.paths import data_dir

__all__ = ["Grouping", "GroupingLimits", "group_businesses", "registrable_domain", "site_ties"]

TIE_KINDS = ("phone", "email", "domain", "address")
TIE_COLUMNS = ["site_id", "tie_kind", "tie_value", "how", "n_pages"]


@dataclass(frozen=True)
class GroupingLimits:
    """See data/business/limits.json for why each limit is what it is."""

    max_sites_per_tie: int = 5
    max_values_per_site: int = 20
    max_locations_per_site: int = 100

    @classmethod
    def shipped(cls) -> "GroupingLimits":
        raw = json.loads((data_dir() / "business" / "limits.json").read_text(encoding="utf-8"))
        return cls(**{k: int(raw[k]) for k in ("max_sites_per_tie", "max_values_per_site",
                                                "max_locations_per_site")})


@lru_cache(maxsize=1)
def free_mail_domains() -> frozenset[str]:
    lines = (data_dir() / "business" / "free_mail_domains.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().lower() for line in lines if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=1)
def _suffixes() -> PublicSuffixList:
    # the list shipped inside the package: nothing is fetched
    return PublicSuffixList()


@lru_cache(maxsize=65536)
def registrable_domain(host: str) -> str | None:
    """'www.clinic.co.uk' -> 'clinic.co.uk'; None for an IP address, a single-label host
    (localhost) or a bare public suffix, which say nothing about who runs a site."""
    host = (host or "").strip().lower().rstrip(".")
    if host.startswith("[") or host.count(":") == 1:
        host = urlsplit(f"//{host}").hostname or ""
    if not host or "." not in host:
        return None
    try:
        ipaddress.ip_address(host)
        return None
    except ValueError:
        pass
    return _suffixes().privatesuffix(host)


# an http(s) URL whose host is plain ASCII letters, digits, dots and hyphens, with no user,
# port or bracket: ``urlsplit(url).hostname`` is that host in lower case (40,800 page URLs at a
# million claims went through urlsplit: 0.3 s)
_PLAIN_HOST = re.compile(r"(?i:https?)://([a-z0-9.-]+)(?=[/?#]|\Z)", re.ASCII | re.IGNORECASE)


def _host(url) -> str:
    if not isinstance(url, str) or not url:
        return ""
    plain = _PLAIN_HOST.match(url)
    if plain:
        return plain.group(1).lower()
    try:
        return urlsplit(url).hostname or ""
    except ValueError:
        return ""


def _street_part(address_key: str) -> str:
    """The street of an address key "US|CO|80202|1420 larimer st" ("" when it has none)."""
    parts = str(address_key).split("|")
    return parts[-1].strip() if len(parts) >= 2 else ""


def site_ties(sites: pd.DataFrame, pages: pd.DataFrame, facts: pd.DataFrame,
              limits: GroupingLimits) -> pd.DataFrame:
    """One row per (site, tie value) a site brings, capped per site and kind.

    ``sites``: site_id, domain; ``pages``: site_id, page_id, url, final_url; ``facts``:
    site_id, page_id, kind (phone|email|address|org_name), value."""
    frames = []
    # web domains: the site's own address and every page's final URL (redirects)
    web = pd.concat([
        pd.DataFrame({"site_id": sites["site_id"], "host": sites["domain"].map(lambda d: _host(f"//{d}")),
                      "page_id": -1}),
        pd.DataFrame({"site_id": pages["site_id"], "host": pages["final_url"].map(_host),
                      "page_id": pages["page_id"]}) if len(pages) else None,
    ])
    domains = {host: registrable_domain(host) for host in set(web["host"].tolist())}  # a site's pages share one
    web["tie_value"] = web["host"].map(domains.__getitem__)
    web = web.dropna(subset=["tie_value"])
    own = web["page_id"] == -1
    web["how"] = "web address"
    web.loc[~own, "how"] = "redirect"
    web = web.sort_values("how", ascending=False)  # the own address wins over a redirect to it
    frames.append(web.assign(tie_kind="domain")[["site_id", "tie_kind", "tie_value", "how", "page_id"]])

    if len(facts):
        f = facts[["site_id", "page_id", "kind", "value"]].dropna(subset=["value"])
        f = f[f["value"].astype(str).str.len().between(1, 400)]
        phones = f[f["kind"] == "phone"].assign(tie_kind="phone", tie_value=lambda x: x["value"], how="phone")
        emails = f[f["kind"] == "email"].copy()
        emails["mail_host"] = emails["value"].str.rsplit("@", n=1).str[-1].str.strip().str.lower()
        emails["reg"] = emails["mail_host"].map(lambda h: registrable_domain(h) or h)
        free = emails["reg"].isin(free_mail_domains()) | emails["mail_host"].isin(free_mail_domains())
        by_address = emails[free].assign(tie_kind="email", tie_value=lambda x: x["value"], how="email")
        by_domain = emails[~free].assign(tie_kind="domain", tie_value=lambda x: x["reg"], how="email")
        addresses = f[f["kind"] == "address"].copy()
        addresses = addresses[addresses["value"].map(_street_part) != ""]
        addresses = addresses.assign(tie_kind="address", tie_value=lambda x: x["value"], how="address")
        for part in (phones, by_address, by_domain, addresses):
            frames.append(part[["site_id", "tie_kind", "tie_value", "how", "page_id"]])

    ties = pd.concat(frames, ignore_index=True)
    ties = ties[ties["tie_value"].astype(str) != ""]
    if not len(ties):
        return pd.DataFrame(columns=TIE_COLUMNS)
    # one row per (site, value): how (first seen), on how many pages
    grouped = ties.groupby(["site_id", "tie_kind", "tie_value"], sort=False).agg(
        how=("how", "first"), n_pages=("page_id", "nunique")).reset_index()
    # the cap: per site and kind, the values seen on the most pages, then in value order
    grouped = grouped.sort_values(["site_id", "tie_kind", "n_pages", "tie_value"],
                                  ascending=[True, True, False, True])
    grouped = grouped[grouped.groupby(["site_id", "tie_kind"]).cumcount() < limits.max_values_per_site]
    return grouped[TIE_COLUMNS].reset_index(drop=True)


@dataclass
class Grouping:
    """Sites grouped into businesses.

    ``membership``: site_id -> business_id (every site, a lone site is its own business);
    ``ties``: the shared values that joined sites (business_id, tie_kind, tie_value,
    site_ids, how); ``too_common``: values shared by more sites than the limit, which tied
    nothing (tie_kind, tie_value, n_sites)."""

    membership: dict[int, str]
    ties: pd.DataFrame
    too_common: pd.DataFrame
    limits: GroupingLimits = field(default_factory=GroupingLimits)

    def business_sites(self) -> dict[str, list[int]]:
        out: dict[str, list[int]] = {}
        for site_id, business in sorted(self.membership.items()):
            out.setdefault(business, []).append(site_id)
        return out


class _UnionFind:
    def __init__(self, items):
        self.parent = {i: i for i in items}

    def find(self, x):
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a, b):
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # the smaller site id is the root, so ids do not depend on the order of ties
            if rb < ra:
                ra, rb = rb, ra
            self.parent[rb] = ra


def business_id(root_site_id: int) -> str:
    return f"B{int(root_site_id):05d}"


def group_businesses(sites: pd.DataFrame, pages: pd.DataFrame, facts: pd.DataFrame,
                     limits: GroupingLimits | None = None) -> Grouping:
    """Group ``sites`` into businesses by the values they share (see the module docstring).

    A business's id is ``B`` and its smallest site id, so a re-report names it the same."""
    limits = limits or GroupingLimits.shipped()
    ties = site_ties(sites, pages, facts, limits)
    uf = _UnionFind(int(s) for s in sites["site_id"])
    ties = ties[ties["site_id"].isin(uf.parent.keys())]
    n_sites = ties.groupby(["tie_kind", "tie_value"])["site_id"].transform("nunique")
    too_common = (ties[n_sites > limits.max_sites_per_tie]
                  .groupby(["tie_kind", "tie_value"])["site_id"].nunique()
                  .rename("n_sites").reset_index().sort_values(["n_sites", "tie_kind", "tie_value"],
                                                               ascending=[False, True, True]))
    shared = ties[(n_sites >= 2) & (n_sites <= limits.max_sites_per_tie)]
    joined = []
    for (kind, value), group in shared.groupby(["tie_kind", "tie_value"], sort=True):
        members = sorted(int(s) for s in group["site_id"].unique())
        for other in members[1:]:
            uf.union(members[0], other)
        hows = dict(zip(group["site_id"].astype(int), group["how"]))
        joined.append({"tie_kind": kind, "tie_value": value, "site_ids": members,
                       "how": [hows[s] for s in members]})
    membership = {s: business_id(uf.find(s)) for s in uf.parent}
    tie_frame = pd.DataFrame(joined, columns=["tie_kind", "tie_value", "site_ids", "how"])
    tie_frame.insert(0, "business_id", tie_frame["site_ids"].map(lambda ids: membership[ids[0]]))
    return Grouping(membership=membership, ties=tie_frame.reset_index(drop=True),
                    too_common=too_common.reset_index(drop=True), limits=limits)
