"""Is a selling page a hospital's own blood-forming stem-cell transplant programme?

The report does not flag blood-forming cell transplants (bone marrow, peripheral blood, cord
blood, unnamed "stem cells") on a transplant programme's page: it is the established practice
the registry describes. The offer cues recognised a programme from a few fixed phrases
("transplant program", "matched donor"), so programmes worded otherwise (a paediatric ward, a
myeloma page, an apheresis unit, a sickle-cell page) were read as clinics and flagged.

A programme is recognised here by its voice, from ``data/lexicon/transplant_programme.json``:
distinct groups of transplant-medicine vocabulary (a hospital or cancer centre, the programme
itself, conditioning, engraftment, donor matching, stem-cell collection, complications, the
specialists), at least one established indication named anywhere on the page (leukaemia,
myeloma, sickle cell, SCID, Hurler syndrome, neuroblastoma, ...), and no veto: a sentence of its
own offering a condition outside a programme's indications ("stem cell transplants for diabetes,
kidney failure ..."), or two or more conditions no programme treats (autism, knees, anti-ageing)
named as its own, however the page words its "transplant". Side-effect sentences (late effects:
cataracts, joint pain) and research sentences do not veto. A short page with less of that voice is
a programme too when it speaks of a transplant and its own claims are only blood-forming cell
types for blood disorders (the regulator view's reading of a programme). On a programme's page, what its research section names (MS trials, MSCs for GVHD)
is the study's, not an offer. Plain regular expressions over the main text; a few per page.

Autoimmune disease is different (docs/transplant-programmes.md): the evidence sources name
blood-forming transplants as established practice for blood cancers and blood disorders only,
and clinics abroad sell "HSCT" for MS and lupus. A page whose own conditions are autoimmune
(``autoimmune_ids``) and not blood disorders is a programme only as a public hospital's care
pathway (``public_pathway``): a public or accredited hospital, a clinical way in (referral, the
patient's consultant or care team), at least ``min_pathway_groups`` transplant-voice groups
besides the organisation, blood-forming cell types only, and no sign of a sale (a price, a
package, travel, testimonials: ``sale_cues``).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from clinicscan.errors import LexiconError
from clinicscan.nlp.case_blind import lower_text, lowered_pattern
from clinicscan.paths import lexicon_dir
from clinicscan.vocabulary import COUNTED_CONTEXTS

__all__ = ["TransplantReader", "TransplantReading", "load_transplant_reader"]

#: the context cue a claim gets when a programme's research sentence makes it the study's
RESEARCH_CUE = "a study on a transplant programme's page"


@dataclass(frozen=True)
class TransplantReading:
    """What the page shows: the voice groups found, the established indication it names, the
    conditions that veto the programme reading (offered in a sentence of their own, outside the
    programme's indications, or two or more conditions no programme treats), and whether its own
    claims are only blood-forming transplants for blood disorders (``blood_only``)."""

    groups: tuple[str, ...]
    indication: str | None
    vetoes: tuple[str, ...]
    blood_only: bool = False
    #: its own conditions are autoimmune only (no blood disorder): then only ``pathway`` makes it one
    autoimmune_only: bool = False
    #: a public hospital's care pathway with no sign of a sale (``TransplantReader.public_pathway``)
    pathway: bool = False

    def programme(self, min_groups: int) -> bool:
        """Vetoed: never. Own conditions autoimmune only: only as a public hospital's care pathway.
        Blood-forming cells for blood disorders only: yes (the blood_disorders claim is its
        indication, in whatever words the condition lexicon read it). Else the voice and an
        indication named."""
        if self.vetoes:
            return False
        if self.autoimmune_only:
            return self.pathway
        return self.blood_only or (len(self.groups) >= min_groups and self.indication is not None)


#: pattern -> {sentence: does it match}: a page's claims share sentences, and ``is_programme`` reads them in up to
#: four passes (vetoes, autoimmune only, blood only, public pathway); kept per process, emptied past the limit
_FOUND: dict[re.Pattern, dict[str, bool]] = {}
_FOUND_LIMIT = 5000


def _memo_search(pattern: re.Pattern):
    """``pattern.search(sentence) is not None``, searched once per distinct sentence (of the process, up to
    ``_FOUND_LIMIT`` sentences a pattern)."""
    seen = _FOUND.get(pattern)
    if seen is None or len(seen) > _FOUND_LIMIT:
        seen = _FOUND[pattern] = {}

    def found(sentence: str) -> bool:
        hit = seen.get(sentence)
        if hit is None:
            hit = seen[sentence] = pattern.search(sentence) is not None
        return hit
    return found


@dataclass(frozen=True)
class TransplantReader:
    groups: dict[str, re.Pattern]
    indications: re.Pattern
    indication_ids: frozenset[str]
    unproven: frozenset[str]
    min_groups: int
    research: re.Pattern
    offer: re.Pattern
    side_effect: re.Pattern
    blood_forming_types: frozenset[str] = frozenset()
    blood_ids: frozenset[str] = frozenset()
    transplant_word: re.Pattern | None = None
    autoimmune_ids: frozenset[str] = frozenset()
    public_hospital: re.Pattern | None = None
    care_pathway: re.Pattern | None = None
    sale_cues: re.Pattern | None = None
    min_pathway_groups: int = 2
    #: pattern -> the same pattern in lower case, compiled case-sensitive, for the searches over a page's main text
    #: (nlp/case_blind.py: the same matches over ``lower_text(text)``; a pattern lowering could change is absent)
    lowered: dict = field(default_factory=dict, compare=False)

    def _finds(self, pattern: re.Pattern, text: str, lower: str | None) -> bool:
        """``pattern.search(text) is not None``; over ``lower`` (``lower_text(text)``) where that is the same."""
        cased = self.lowered.get(pattern) if lower is not None else None
        if cased is None:
            return pattern.search(text) is not None
        return cased.search(lower) is not None

    def read(self, text: str, claims: Iterable = ()) -> TransplantReading:
        """``text``: the page's main text (title included); ``claims``: its claims (any kind)."""
        claims = list(claims)
        found = tuple(name for name, pattern in self.groups.items() if pattern.search(text))
        hit = self.indications.search(text)
        return TransplantReading(found, hit.group(0) if hit else None, self.vetoes(claims),
                                 self.blood_only(text, claims), self.autoimmune_only(claims),
                                 self.public_pathway(text, claims))

    def _own(self, claims: list) -> list:
        research = _memo_search(self.research)  # a sentence holds ~2 claims: one search per sentence
        return [c for c in claims if c.kind in ("condition", "product_type") and c.context in COUNTED_CONTEXTS
                and not research(c.sentence)]

    def vetoes(self, claims: list) -> tuple[str, ...]:
        """The page's own condition claims that say it is no transplant programme."""
        own = self._own(claims)
        with_product = {c.sentence for c in own if c.kind == "product_type"}
        side_effect, offer = _memo_search(self.side_effect), _memo_search(self.offer)
        conditions = [c for c in own if c.kind == "condition" and not side_effect(c.sentence)]
        offered = {c.vocab_id for c in conditions if c.vocab_id not in self.indication_ids
                   and (c.sentence in with_product or offer(c.sentence))}
        unproven = {c.vocab_id for c in conditions if c.vocab_id in self.unproven}
        return tuple(sorted(offered | (unproven if len(unproven) >= 2 else set())))

    def has_veto(self, claims: list) -> bool:
        """``bool(vetoes(claims))``, stopping at the first veto: a clinic offers a condition in its
        first sentences, so most selling pages need a search of a few sentences, not of all."""
        research, side_effect, offer = (_memo_search(self.research), _memo_search(self.side_effect),
                                        _memo_search(self.offer))
        # a product claim's sentence is its own (not research) exactly when a condition's same sentence is
        with_product = {c.sentence for c in claims if c.kind == "product_type" and c.context in COUNTED_CONTEXTS}
        unproven: set[str] = set()
        for c in claims:
            if c.kind != "condition" or c.context not in COUNTED_CONTEXTS:
                continue
            outside = c.vocab_id not in self.indication_ids
            if not outside and c.vocab_id not in self.unproven:
                continue
            if research(c.sentence) or side_effect(c.sentence):
                continue
            if outside and (c.sentence in with_product or offer(c.sentence)):
                return True
            if c.vocab_id in self.unproven:
                unproven.add(c.vocab_id)
                if len(unproven) >= 2:
                    return True
        return False

    def blood_only(self, text: str, claims: list) -> bool:
        """The regulator's own reading of a programme (clinicscan/regulator_view.py): a page that
        speaks of a transplant and whose own claims are blood-forming cell types only, for blood
        disorders (and blood cancers, GVHD) only, is a transplant service, however short."""
        if self.transplant_word is None or not self._finds(self.transplant_word, text, lower_text(text)):
            return False
        products, conditions = self._own_ids(claims)
        return (bool(products) and products <= self.blood_forming_types
                and "blood_disorders" in conditions and conditions <= self.blood_ids)

    def _own_ids(self, claims: list) -> tuple[set[str], set[str]]:
        own = self._own(claims)
        side_effect = _memo_search(self.side_effect)
        return ({c.vocab_id for c in own if c.kind == "product_type"},
                {c.vocab_id for c in own if c.kind == "condition" and not side_effect(c.sentence)})

    def autoimmune_only(self, claims: list) -> bool:
        """Its own conditions include an autoimmune one and no blood disorder, cancer or GVHD: the
        evidence sources name no established transplant practice for these alone."""
        _, conditions = self._own_ids(claims)
        return bool(conditions & self.autoimmune_ids) and not conditions & self.blood_ids

    def public_pathway(self, text: str, claims: list) -> bool:
        """A public or accredited hospital's autologous transplant pathway for an autoimmune disease:
        the hospital names itself, the way in is clinical (referral, consultant, care team), the
        transplant voice has ``min_pathway_groups`` groups besides the organisation, its products are
        blood-forming cells only, and nothing on the page sells (price, package, travel, testimonials)."""
        if self.public_hospital is None or self.care_pathway is None or self.sale_cues is None:
            return False
        products, _ = self._own_ids(claims)
        if not products or not products <= self.blood_forming_types:
            return False
        lower = lower_text(text)
        if self._finds(self.sale_cues, text, lower) or not self._finds(self.public_hospital, text, lower) \
                or not self._finds(self.care_pathway, text, lower):
            return False
        found = sum(1 for name, pattern in self.groups.items()
                    if name != "organisation" and self._finds(pattern, text, lower))
        return found >= self.min_pathway_groups

    def is_programme(self, text: str, claims: Iterable = ()) -> bool:
        """``read(...).programme(...)`` with the cheap tests first: the claims' vetoes, the short way
        in, then one search for an indication; the voice groups (a whole-text search each, ~1 ms on
        a 25 KB page) only when an indication is named, and only until enough are found."""
        claims = list(claims)
        if self.has_veto(claims):
            return False
        if self.autoimmune_only(claims):
            return self.public_pathway(text, claims)
        if self.blood_only(text, claims):
            return True
        lower = lower_text(text)
        if not self._finds(self.indications, text, lower):
            return False
        found = 0
        for pattern in self.groups.values():
            if self._finds(pattern, text, lower):
                found += 1
                if found >= self.min_groups:
                    return True
        return False

    def report_research(self, claims: Iterable) -> int:
        """On a programme's page: conditions and products named in a sentence about studies or trials
        are the study's (coding manual section 2), so they become ``reported``. How many changed."""
        changed = 0
        for claim in claims:
            if claim.kind in ("condition", "product_type") and claim.context in COUNTED_CONTEXTS \
                    and self.research.search(claim.sentence):
                claim.context, claim.context_cue = "reported", RESEARCH_CUE
                changed += 1
        return changed


@lru_cache(maxsize=4)
def load_transplant_reader(path: Path | str | None = None) -> TransplantReader:
    path = Path(path) if path else lexicon_dir() / "transplant_programme.json"
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        flags = re.IGNORECASE
        reader = TransplantReader(
            groups={name: re.compile(p, flags) for name, p in raw["voice_groups"].items()},
            indications=re.compile(raw["indications"], flags),
            indication_ids=frozenset(raw["indication_ids"]), unproven=frozenset(raw["unproven_conditions"]),
            min_groups=int(raw["min_voice_groups"]), research=re.compile(raw["research_sentence"], flags),
            offer=re.compile(raw["offer_sentence"], flags), side_effect=re.compile(raw["side_effect_sentence"], flags),
            blood_forming_types=frozenset(raw["blood_forming_types"]), blood_ids=frozenset(raw["blood_ids"]),
            transplant_word=re.compile(raw["transplant_word"], flags),
            autoimmune_ids=frozenset(raw["autoimmune_ids"]), public_hospital=re.compile(raw["public_hospital"], flags),
            care_pathway=re.compile(raw["care_pathway"], flags), sale_cues=re.compile(raw["sale_cues"], flags),
            min_pathway_groups=int(raw["min_pathway_groups"]))
        whole_text = [*raw["voice_groups"].values(), raw["indications"], raw["transplant_word"], raw["public_hospital"],
                      raw["care_pathway"], raw["sale_cues"]]
        for text, pattern in zip(whole_text, [*reader.groups.values(), reader.indications, reader.transplant_word,
                                              reader.public_hospital, reader.care_pathway, reader.sale_cues]):
            lowered = lowered_pattern(text)
            if lowered is not None:
                reader.lowered[pattern] = re.compile(lowered)
    except (OSError, ValueError, KeyError, TypeError, re.error) as exc:
        raise LexiconError(f"cannot read the transplant-programme vocabulary from {path}: {exc}") from exc
    from clinicscan.vocabulary import load_vocabulary
    vocabulary = load_vocabulary()
    unknown = (reader.unproven | reader.indication_ids | reader.blood_ids | reader.autoimmune_ids) - set(vocabulary.conditions)
    unknown |= reader.blood_forming_types - set(vocabulary.product_types)
    if unknown:
        raise LexiconError(f"{path}: unknown vocabulary ids {sorted(unknown)}")
    return reader
