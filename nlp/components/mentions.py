"""``clinicscan_mentions``: condition, product-type and red-flag mentions from the lexicon.

Patterns come from ``data/lexicon`` at ``initialize()`` (or on first use) and travel with
the pipeline through ``to_disk``/``from_disk``. Results go to ``doc._.clinicscan_mentions``
as plain token-index tuples: no ``doc.ents`` and no Span objects, which cost milliseconds
a page (see DESIGN.md, measured speed).
"""

from __future__ import annotations

import json
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from clinicscan.nlp.answers import ShortAnswers, load_short_answers
from clinicscan.nlp.fragments import Fragments, load_fragments
from clinicscan.nlp.lexicon import LexiconPattern, load_lexicon
from clinicscan.nlp.matching import TokenArrays
from clinicscan.nlp.mentions import GUARDS_FILE, Mention, MentionFinder, RedFlagGuards, load_red_flag_guards

if not Doc.has_extension("clinicscan_mentions"):
    Doc.set_extension("clinicscan_mentions", default=None)


class MentionsComponent:
    def __init__(self, nlp: Language, name: str, lexicon_dir: str = ""):
        self.nlp = nlp
        self.name = name
        self.lexicon_dir = lexicon_dir
        self.patterns: list[LexiconPattern] = []
        self.version = ""
        self._finder: MentionFinder | None = None
        #: "Is it safe? Yes." (nlp/answers.py), from the lexicon folder's short_answers.json
        self.answers: ShortAnswers | None = None
        #: bare "Safe stem cell care" headings and bullets (nlp/fragments.py), from fragments.json
        self.fragments: Fragments | None = None
        #: red-flag mentions the manual does not count (nlp/mentions.py), from red_flag_guards.json
        self.guards: RedFlagGuards | None = None

    def initialize(self, get_examples=None, *, nlp: Language | None = None, lexicon_dir: str | None = None) -> None:
        lexicon = load_lexicon(lexicon_dir or self.lexicon_dir or None)
        self._set(lexicon.patterns, lexicon.version, load_short_answers(lexicon.directory),
                  load_fragments(lexicon.directory), load_red_flag_guards(lexicon.directory))

    def _set(self, patterns: list[LexiconPattern], version: str, answers: ShortAnswers | None = None,
             fragments: Fragments | None = None, guards: RedFlagGuards | None = None) -> None:
        self.patterns, self.version, self.answers, self.fragments = patterns, version, answers, fragments
        self.guards = guards if guards is not None else load_red_flag_guards()
        self._finder = MentionFinder(self.nlp, patterns, self.guards)

    def __call__(self, doc: Doc) -> Doc:
        if self._finder is None:
            self.initialize()
        mentions = self._finder(doc)
        if (self.answers is not None or self.fragments is not None) and len(doc):
            arrays = TokenArrays.of(doc)
            answered = self.answers.find(arrays) if self.answers is not None else []
            if self.fragments is not None:
                answered = answered + self.fragments.find(arrays)
            if answered:
                mentions = sorted(mentions + [Mention("red_flag", flag, flag, i, i + 1) for flag, i in answered],
                                  key=lambda m: (m.start, m.end))
        doc._.clinicscan_mentions = mentions
        doc.user_data["clinicscan_lexicon_version"] = self.version
        return doc

    def to_disk(self, path, exclude=()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        if self._finder is None:
            self.initialize()
        rows = [{"kind": p.kind, "detail_id": p.detail_id, "vocab_id": p.vocab_id, "pattern": p.pattern}
                for p in self.patterns]
        (path / "patterns.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
        (path / "meta.json").write_text(json.dumps({"version": self.version}), encoding="utf-8")
        if self.answers is not None:
            (path / "short_answers.json").write_text(json.dumps(self.answers.to_dict()), encoding="utf-8")
        if self.fragments is not None:
            (path / "fragments.json").write_text(json.dumps(self.fragments.to_dict()), encoding="utf-8")
        (path / GUARDS_FILE).write_text(json.dumps(self.guards.to_dict()), encoding="utf-8")

    def from_disk(self, path, exclude=()) -> "MentionsComponent":
        path = Path(path)
        rows = [json.loads(line) for line in (path / "patterns.jsonl").read_text(encoding="utf-8").splitlines() if line]
        version = json.loads((path / "meta.json").read_text(encoding="utf-8"))["version"]
        self._set([LexiconPattern(r["kind"], r["detail_id"], r["vocab_id"], r["pattern"], "saved") for r in rows], version,
                  load_short_answers(path), load_fragments(path), load_red_flag_guards(path))
        return self


@Language.factory("clinicscan_mentions", default_config={"lexicon_dir": ""},
                  assigns=["doc._.clinicscan_mentions"])
def make_mentions(nlp: Language, name: str, lexicon_dir: str) -> MentionsComponent:
    return MentionsComponent(nlp, name, lexicon_dir)
