"""Grouping sites into businesses and locating their clinics: each tie rule, the limits that
keep attacker-written contact data from gluing strangers together, and the exports on both
engines. Every clinic, phone number and address here is invented for the tests."""

from __future__ import annotations

import time

import pandas as pd
import pytest

from clinicscan.reports.build import write_reports
from clinicscan.reports.business_tables import who_and_where
from clinicscan.reports.businesses import GroupingLimits, group_businesses, registrable_domain
from clinicscan.reports.locations import site_locations
from clinicscan.store.models import ContactFact
from test_report_helpers import add_page, add_run

LIMITS = GroupingLimits(max_sites_per_tie=5, max_values_per_site=20, max_locations_per_site=100)


def _sites(*domains, names=None, country="", region=""):
    return pd.DataFrame({"site_id": range(1, len(domains) + 1), "domain": list(domains),
                         "site_name": names or [f"Site {d}" for d in domains],
                         "country": country, "region": region})


def _pages(sites, final_urls=None):
    final_urls = final_urls or {}
    return pd.DataFrame({"site_id": sites["site_id"], "page_id": sites["site_id"] * 10,
                         "url": [f"https://{d}/" for d in sites["domain"]],
                         "final_url": [final_urls.get(d, f"https://{d}/") for d in sites["domain"]]})


def _facts(*rows):
    """(site_id, kind, value[, extra dict]) -> a facts frame; page id = site id * 10."""
    out = []
    for row in rows:
        sid, kind, value = row[:3]
        extra = row[3] if len(row) > 3 else {}
        out.append({"page_id": extra.pop("page_id", sid * 10), "site_id": sid, "url": f"https://s{sid}.example/",
                    "kind": kind, "value": value, "display": extra.pop("display", value), "country": None,
                    "region": None, "city": None, "postal_code": None, "street": None,
                    "source": extra.pop("source", "text"), "evidence": f"seen {value}", **extra})
    return pd.DataFrame(out)


def _groups(grouping) -> list[list[int]]:
    return sorted(grouping.business_sites().values())


def test_shared_phone_ties_two_sites_and_says_so():
    sites = _sites("knee-a.example", "knee-b.example", "other.example")
    g = group_businesses(sites, _pages(sites), _facts((1, "phone", "+13035550142"), (2, "phone", "+13035550142"),
                                                      (3, "phone", "+13035550199")), LIMITS)
    assert _groups(g) == [[1, 2], [3]]
    assert g.membership[1] == g.membership[2] == "B00001" and g.membership[3] == "B00003"
    tie = g.ties.iloc[0]
    assert (tie.tie_kind, tie.tie_value, tie.site_ids) == ("phone", "+13035550142", [1, 2])


def test_email_domain_ties_but_free_mail_domain_does_not():
    sites = _sites("a.example", "b.example", "c.example", "d.example", "e.example")
    facts = _facts((1, "email", "info@halvard-group.com"), (2, "email", "billing@mail.halvard-group.com"),
                   (3, "email", "dr.one@gmail.com"), (4, "email", "dr.two@gmail.com"),
                   (5, "email", "dr.one@gmail.com"))
    g = group_businesses(sites, _pages(sites), facts, LIMITS)
    # the registrable domain halvard-group.com ties 1 and 2; gmail.com ties nothing, but the
    # very same gmail address on 3 and 5 does
    assert _groups(g) == [[1, 2], [3, 5], [4]]
    assert set(g.ties["tie_kind"]) == {"domain", "email"}


def test_email_domain_ties_to_another_sites_web_address():
    sites = _sites("halvard.example", "kneerenew.example")
    g = group_businesses(sites, _pages(sites), _facts((2, "email", "desk@halvard.example")), LIMITS)
    assert _groups(g) == [[1, 2]]
    assert g.ties.iloc[0].how == ["web address", "email"]


def test_street_address_ties_only_with_a_street():
    sites = _sites("a.example", "b.example", "c.example", "d.example")
    facts = _facts((1, "address", "us|co|80202|1420 larimer st"), (2, "address", "us|co|80202|1420 larimer st"),
                   # a postal code and state alone are a neighbourhood, not a business
                   (3, "address", "us|co|80202|"), (4, "address", "us|co|80202|"))
    assert _groups(group_businesses(sites, _pages(sites), facts, LIMITS)) == [[1, 2], [3], [4]]


def test_registrable_domain_after_redirects_ties_but_an_ip_address_does_not():
    sites = _sites("old-name.example", "www.new-name.co.uk", "127.0.0.1:8001", "127.0.0.1:8002")
    pages = _pages(sites, {"old-name.example": "https://clinic.new-name.co.uk/home"})
    g = group_businesses(sites, pages, _facts(), LIMITS)
    assert _groups(g) == [[1, 2], [3], [4]]
    assert g.ties.iloc[0].tie_value == "new-name.co.uk" and g.ties.iloc[0].how == ["redirect", "web address"]
    assert registrable_domain("127.0.0.1:8001") is None and registrable_domain("localhost") is None
    assert registrable_domain("shop.clinic.com.au") == "clinic.com.au"


def test_name_alone_never_merges():
    sites = _sites("regen-denver.example", "regen-tampa.example", names=["Regen Clinic", "Regen Clinic"])
    facts = _facts((1, "org_name", "Regen Clinic", {"source": "jsonld"}),
                   (2, "org_name", "Regen Clinic", {"source": "jsonld"}),
                   (1, "phone", "+13035550142"), (2, "phone", "+18135550142"))
    assert _groups(group_businesses(sites, _pages(sites), facts, LIMITS)) == [[1], [2]]


def test_a_value_on_too_many_sites_ties_nothing_and_is_reported():
    n = LIMITS.max_sites_per_tie + 1
    sites = _sites(*[f"clinic{i}.example" for i in range(n)])
    booking = [(i, "phone", "+18005550100") for i in range(1, n + 1)]
    g = group_businesses(sites, _pages(sites), _facts(*booking), LIMITS)
    assert len(g.business_sites()) == n
    assert g.too_common.to_dict("records") == [{"tie_kind": "phone", "tie_value": "+18005550100", "n_sites": n}]
    # at the limit it still ties
    g = group_businesses(sites, _pages(sites), _facts(*booking[:LIMITS.max_sites_per_tie]), LIMITS)
    assert len(g.business_sites()) == 2


def test_a_page_listing_hundreds_of_numbers_brings_only_the_cap():
    sites = _sites("spammy.example", "victim.example", "footer.example")
    spam = [(1, "phone", f"+1303555{i:04d}") for i in range(500)]
    # the site's own footer number is on many pages: it is kept first
    footer = [(1, "phone", "+17205550111", {"page_id": p}) for p in range(100, 130)]
    facts = _facts(*spam, *footer, (2, "phone", "+13035550499"), (3, "phone", "+17205550111"))
    g = group_businesses(sites, _pages(sites), facts, LIMITS)
    # number 499 of the 500 is past the cap: no tie to the victim; the footer number ties
    assert _groups(g) == [[1, 3], [2]]


def test_ties_are_transitive():
    sites = _sites("a.example", "b.example", "c.example")
    facts = _facts((1, "phone", "+13035550142"), (2, "phone", "+13035550142"),
                   (2, "address", "us|tx|78701|200 congress ave"), (3, "address", "us|tx|78701|200 congress ave"))
    g = group_businesses(sites, _pages(sites), facts, LIMITS)
    assert _groups(g) == [[1, 2, 3]] and len(g.ties) == 2


def test_grouping_thousands_of_sites_is_linear():
    def run(n):
        sites = _sites(*[f"clinic{i}.example" for i in range(n)])
        facts = _facts(*[(i, "phone", f"+1303555{(i // 2):04d}") for i in range(1, n + 1)],
                       *[(i, "email", f"desk@group{i // 3}.example") for i in range(1, n + 1)])
        best = None
        for _ in range(2):  # CPU time, best of two: another process's load must not fail this
            start = time.process_time()
            g = group_businesses(sites, _pages(sites), facts, LIMITS)
            spent = time.process_time() - start
            best = spent if best is None else min(best, spent)
        return best, g

    small, _ = run(1000)
    big, g = run(8000)
    assert len(g.membership) == 8000
    # 8x the sites: well under the 64x a pairwise comparison would take
    assert big < max(small, 0.05) * 25, (small, big)


def test_locations_keep_the_seed_fill_gaps_and_report_disagreement():
    sites = _sites("chain.example", "blank.example", "wrong.example", "phone-only.example")
    sites["country"] = ["United States", "", "United States", ""]
    sites["region"] = ["Colorado", "", "Texas", ""]
    address = lambda sid, key, region, street, **kw: (sid, "address", key, {  # noqa: E731
        "country": "US", "region": region, "street": street, "display": f"{street}, {region}", **kw})
    facts = _facts(address(1, "us|co|80202|1420 larimer st", "CO", "1420 Larimer St", source="jsonld"),
                   address(1, "us|tx|78701|200 congress ave", "TX", "200 Congress Ave"),
                   address(2, "us|or|97201|9 pine st", "OR", "9 Pine St"),
                   address(3, "us|ok|73102|5 main st", "OK", "5 Main St"),
                   (4, "phone", "+525555550142", {"country": "MX"}))
    locations, places = site_locations(sites, facts)
    chain = locations[locations["site_id"] == 1]
    assert sorted(chain["region"]) == ["CO", "TX"] and set(chain["country"]) == {"US"}
    assert len(locations[locations["site_id"] == 1]) == 2
    place = places.set_index("site_id")
    # the seed stays (as codes), pages fill a blank seed, a disagreement is a note
    assert (place.loc[1, "location_country"], place.loc[1, "location_region"]) == ("US", "CO")
    assert place.loc[1, "location_notes"] == "" and place.loc[1, "n_locations"] == 2
    assert (place.loc[2, "location_country"], place.loc[2, "location_region"]) == ("US", "OR")
    assert (place.loc[3, "location_region"], place.loc[3, "location_notes"]) == (
        "TX", "seed CSV says region TX, its pages say OK")
    assert place.loc[4, "location_country"] == "MX" and place.loc[4, "address"] == ""
    phone_only = locations[locations["site_id"] == 4].iloc[0]
    assert phone_only["country_from"] == "phone" and "no address found" in phone_only["notes"]


def test_businesses_table_names_and_evidence():
    sites = _sites("halvard.example", "kneerenew.example", "decoy.example",
                   names=["Halvard Joint Clinic", "KneeRenew", "Halvard Joint Clinic"])
    facts = _facts((1, "phone", "+13035550142"), (2, "phone", "+13035550142"),
                   (1, "org_name", "Halvard Joint Group", {"source": "jsonld"}),
                   (2, "org_name", "Halvard Joint Group", {"source": "og"}),
                   (3, "org_name", "Halvard Joint Group", {"source": "jsonld"}))
    who = who_and_where(sites, _pages(sites), facts, flagged_site_ids=[2], limits=LIMITS)
    rows = who.businesses.set_index("business_id")
    assert list(who.businesses["business_id"]) == ["B00001", "B00003"]
    assert rows.loc["B00001", "name"] == "Halvard Joint Group" and rows.loc["B00001", "n_sites"] == 2
    assert rows.loc["B00001", "n_flagged_sites"] == 1
    assert rows.loc["B00001", "tied_by"] == ("phone +13035550142: Halvard Joint Clinic (phone), "
                                             "KneeRenew (phone)")
    assert rows.loc["B00003", "n_sites"] == 1 and rows.loc["B00003", "tied_by"] == ""


def _add_fact(session, page, kind, value, **extra):
    session.add(ContactFact(page_id=page.id, site_id=page.site_id, kind=kind, value=value,
                            display=extra.pop("display", value), source=extra.pop("source", "text"),
                            evidence=extra.pop("evidence", f"call {value}"), **extra))


@pytest.fixture
def grouped_report(store, tmp_path):
    """Four clinics in a store: two tied by a phone, one tied to nobody by a too-common
    booking number, a chain with two addresses."""
    cond = ("condition", "autism", "We treat autism with umbilical cord stem cells.", "asserted")
    prod = ("product_type", "umbilical_cord", "We treat autism with umbilical cord stem cells.", "asserted")
    with store.session() as s:
        run = add_run(s)
        a = add_page(store, s, run, "halvard.example", "Halvard Joint Clinic", claims=[cond, prod],
                     country="United States", region="Colorado")
        b = add_page(store, s, run, "kneerenew.example", "KneeRenew", claims=[cond, prod], country="", region="")
        c = add_page(store, s, run, "decoy.example", "Halvard Joint Clinic", claims=[], country="US", region="OR")
        d = add_page(store, s, run, "chain.example", "Meridian Cell Centers", claims=[cond, prod],
                     country="", region="")
        for page in (a, b):
            _add_fact(s, page, "phone", "+13035550142", country="US")
        _add_fact(s, b, "address", "us|co|80202|1420 larimer st", country="US", region="CO", city="Denver",
                  postal_code="80202", street="1420 larimer st", display="1420 Larimer St, Denver, CO 80202")
        _add_fact(s, d, "address", "us|tx|78701|200 congress ave", country="US", region="TX", city="Austin",
                  street="200 congress ave", display="200 Congress Ave, Austin, TX", source="jsonld")
        _add_fact(s, d, "address", "us|az|85004|12 central ave", country="US", region="AZ", city="Phoenix",
                  street="12 central ave", display="12 Central Ave, Phoenix, AZ")
        _add_fact(s, c, "org_name", "Halvard Joint Clinic", source="jsonld")
    write_reports(store, tmp_path)
    return {name: pd.read_csv(tmp_path / name, keep_default_na=False, dtype=str)
            for name in ("businesses.csv", "locations.csv", "clinics.csv", "flagged_clinics.csv")}


def test_grouping_and_locations_through_the_store(grouped_report):
    businesses = grouped_report["businesses.csv"]
    two = businesses[businesses["n_sites"] == "2"]
    assert len(businesses) == 3 and len(two) == 1
    assert two.iloc[0]["domains"].splitlines() == ["halvard.example", "kneerenew.example"]
    assert two.iloc[0]["tied_by"].startswith("phone +13035550142: ")
    clinics = grouped_report["clinics.csv"].set_index("domain")
    assert clinics.loc["decoy.example", "business_id"] != clinics.loc["halvard.example", "business_id"]
    assert clinics.loc["halvard.example", "business_id"] == clinics.loc["kneerenew.example", "business_id"]
    # the seed's columns unchanged; the new ones as codes, gaps filled from pages
    assert (clinics.loc["halvard.example", "country"], clinics.loc["halvard.example", "region"]) == (
        "United States", "Colorado")
    assert (clinics.loc["halvard.example", "location_country"],
            clinics.loc["halvard.example", "location_region"]) == ("US", "CO")
    assert (clinics.loc["kneerenew.example", "location_region"],
            clinics.loc["kneerenew.example", "address"]) == ("CO", "1420 Larimer St, Denver, CO 80202")
    assert clinics.loc["chain.example", "n_locations"] == "2"
    assert clinics.loc["chain.example", "location_region"] == "AZ;TX"
    chain = grouped_report["locations.csv"].query("domain == 'chain.example'")
    assert sorted(chain["city"]) == ["Austin", "Phoenix"] and set(chain["found_by"]) == {"jsonld", "text"}
    flagged = grouped_report["flagged_clinics.csv"]
    assert len(flagged) == 3 and (flagged["location_country"] == "US").all()
    assert (flagged["business_id"] != "").all()


def test_report_html_places_the_clinics_and_lists_the_multi_site_business(grouped_report, tmp_path):
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    section = html[html.index('<h2 id="businesses">'):html.index('<h2 id="clinics">')]
    assert "halvard.example" in section and "kneerenew.example" in section
    assert "phone +13035550142: Halvard Joint Clinic (phone), KneeRenew (phone)" in section
    assert "decoy.example" not in section and "chain.example" not in section
    places = html[html.index('<h2 id="places">'):html.index('<h2 id="businesses">')]
    # the tile map: Colorado has two clinic locations, Texas and Arizona one each (the chain)
    assert "<title>CO: 2 clinics, 2 flagged</title>" in places and "<title>AZ: 1 clinics, 1 flagged</title>" in places
    assert "<title>OR: 1 clinics</title>" in places  # the decoy, located by its seed, not flagged
    assert "<img" not in places and "<script" not in places and "http" not in places


def test_hostile_contact_text_stays_text_in_the_report(store, tmp_path):
    hostile = "<script>alert(1)</script> 1 Main St"
    sentence = "We treat autism with umbilical cord stem cells."
    with store.session() as s:
        run = add_run(s)
        pages = [add_page(store, s, run, f"evil{i}.example", f"Evil {i}", claims=[
            ("condition", "autism", sentence, "asserted"), ("product_type", "umbilical_cord", sentence, "asserted")])
            for i in (1, 2)]
        for page in pages:
            _add_fact(s, page, "address", "us|co|80202|1 main st", display=hostile, country="US", region="CO")
            _add_fact(s, page, "org_name", "<b onmouseover=alert(2)>Evil</b>", source="jsonld")
    write_reports(store, tmp_path)
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "<script>alert" not in html and "<b onmouseover" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; 1 Main St" in html
    assert "&lt;b onmouseover=alert(2)&gt;Evil&lt;/b&gt;" in html  # the business name, from JSON-LD
