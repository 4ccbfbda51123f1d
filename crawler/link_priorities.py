"""Which links a researcher would follow first, scored from data/crawl/link_priorities.json.

A link's score is the sum of the weights of the keywords found as whole words in its URL
path and query or its anchor text, minus a penalty per level of depth. The scheduler fetches
higher scores first, so when the per-site cap bites, treatment, pricing and FAQ pages are
the ones kept.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from clinicscan.errors import ConfigError
from clinicscan.paths import data_dir

_NON_WORD = re.compile(r"[^a-z0-9]+")


def _words(text: str) -> str:
    return " " + _NON_WORD.sub(" ", text.lower()).strip() + " "


@dataclass(frozen=True)
class LinkPriorities:
    keywords: dict[str, int]
    depth_penalty: int = 5

    @classmethod
    def load(cls, path: Path | None = None) -> LinkPriorities:
        path = path or data_dir() / "crawl" / "link_priorities.json"
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            keywords = {_words(k).strip(): int(v) for k, v in raw["keywords"].items()}
            return cls(keywords={k: v for k, v in keywords.items() if k},
                       depth_penalty=int(raw.get("depth_penalty", 5)))
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            raise ConfigError(f"cannot read link priorities from {path}: {exc}. Expected "
                              '{"keywords": {"treatments": 25, ...}, "depth_penalty": 5}') from exc

    def score(self, url: str, anchor_text: str = "", depth: int = 0) -> int:
        parts = urlsplit(url)
        text = _words(f"{unquote(parts.path)} {unquote(parts.query)} {anchor_text}")
        total = sum(weight for keyword, weight in self.keywords.items() if f" {keyword} " in text)
        return total - depth * self.depth_penalty
