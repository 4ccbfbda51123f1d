"""Configuration: the one place environment variables are read.

``CLINICSCAN_DB``    database URL (default: SQLite file in the work folder)
``CLINICSCAN_HOME``  work folder for the default database, WARC archive and crawl state
                     (default: ``./clinicscan-data``)
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

DEFAULT_HOME = "clinicscan-data"
PROJECT_URL = "https://github.com/clinicscan/clinicscan"
USER_AGENT = f"clinicscan/0.1 (+{PROJECT_URL}; research crawler for stem-cell clinic claims)"


@dataclass(frozen=True)
class Config:
    """Resolved settings shared by every stage."""

    home: Path
    db_url: str

    @property
    def archive_dir(self) -> Path:
        """Where WARC files are written, one folder per crawl run."""
        return self.home / "warc"

    @property
    def state_dir(self) -> Path:
        """Where crawl state that is not in the database lives (logs, job files)."""
        return self.home / "state"


def default_db_url(home: Path) -> str:
    return f"sqlite:///{(home / 'clinicscan.db').resolve()}"


def load_config(db_url: str | None = None, home: str | os.PathLike | None = None) -> Config:
    """Resolve settings: explicit arguments beat environment variables beat defaults."""
    home_path = Path(home or os.environ.get("CLINICSCAN_HOME") or DEFAULT_HOME)
    url = db_url or os.environ.get("CLINICSCAN_DB") or default_db_url(home_path)
    return Config(home=home_path, db_url=url)
