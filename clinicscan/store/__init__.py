"""The store: SQLAlchemy 2.x models and sessions shared by every stage."""

from clinicscan.store.models import (
    Base,
    Claim,
    ContactFact,
    CrawlRun,
    FrontierUrl,
    Page,
    RegistryEntry,
    Site,
    SiteRole,
    Trial,
)
from clinicscan.store.inserts import insert_ignoring_duplicates
from clinicscan.store.session import Store, open_store

__all__ = [
    "Base",
    "Claim",
    "ContactFact",
    "CrawlRun",
    "FrontierUrl",
    "Page",
    "RegistryEntry",
    "Site",
    "SiteRole",
    "Store",
    "Trial",
    "insert_ignoring_duplicates",
    "open_store",
]
