"""Links to files that are not pages (PDF, images, documents) are never requested, so they
spend none of a site's page budget; a page whose URL hides its type is fetched and skipped.

A real crawl (`clinicscan crawl` in a subprocess) of a small fictional site on 127.0.0.1.
"""

from __future__ import annotations

from localsite import LocalSite, Resource, clinicscan, html_page
from sqlalchemy import select

from clinicscan.store import FrontierUrl, Page, open_store

CRAWL = ("--allow-loopback", "--delay", "0")
FILES = ["/brochure.pdf", "/Price-List.PDF", "/img/team.jpg", "/img/clinic.png?size=large", "/img/logo.svg",
         "/forms/intake.docx", "/video/tour.mp4", "/press/kit.zip"]
PAGES = ["/treatments", "/pricing", "/faq"]


def site_pages() -> dict[str, Resource]:
    # the file links come first and read like the best links (treatment, price words), so if
    # they were requested they would be requested before the pages and use up the budget
    links = [(path, "Stem cell treatment prices brochure") for path in FILES]
    links += [(path, path.strip("/").title()) for path in PAGES] + [("/download?id=7", "Download")]
    pages = {"/": html_page("Fictional Cove Clinic", links)}
    pages.update({path: html_page(path.strip("/").title()) for path in PAGES})
    pages.update({path.split("?")[0]: Resource(b"%PDF-1.4 not a page", "application/pdf") for path in FILES})
    pages["/download?id=7"] = Resource(b"%PDF-1.4 a file behind a page-like URL", "application/pdf")
    return pages


def test_crawl_links_to_files_are_not_requested_and_spend_no_page_budget(sqlite_url, tmp_path):
    with LocalSite(site_pages()) as site:
        result = clinicscan(sqlite_url, tmp_path, "crawl", site.url + "/", *CRAWL,
                            "--max-depth", "1", "--max-pages", "5")
        assert result.returncode == 0, result.stderr[-3000:]
        requested = site.page_requests()
    assert sorted(requested) == sorted(["/", *PAGES, "/download?id=7"])  # no file link, each page once
    store = open_store(sqlite_url)
    with store.session() as session:
        stored = {url.split("/", 3)[3] for url in session.scalars(select(Page.url))}
        frontier = dict(session.execute(select(FrontierUrl.url, FrontierUrl.reason)).all())
    store.dispose()
    assert stored == {"", "treatments", "pricing", "faq"}  # the budget of 5 went to the pages
    assert not [url for url in frontier if any(url.endswith(path.split("?")[0]) for path in FILES)]
    assert "not HTML" in frontier[site.url + "/download?id=7"]
