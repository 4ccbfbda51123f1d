"""Finding lexicon mentions in a Doc: one PhraseMatcher (lower-cased) and one Matcher.

Overlaps are resolved per kind (the longest mention wins, so "rheumatoid arthritis" is not
also "arthritis"; red flags of different ids may overlap), except that an ``msc`` mention
survives inside a longer product mention:
"UC-MSCs" names both the cord and the cell type. Works on token indices only (no doc.ents,
no Span objects) because it runs on every page.
"""

from __future__ import annotations

from dataclasses import dataclass
from operator import itemgetter
from pathlib import Path
from typing import Iterable, NamedTuple

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from clinicscan.errors import LexiconError
from clinicscan.nlp.coordination import CoordinatedSites, blood_in_source_lists
from clinicscan.nlp.jsonl import read_json
from clinicscan.nlp.lexicon import LexiconPattern
from clinicscan.nlp.matching import TokenArrays, TokenPatternMatcher, phrase_group_docs
from clinicscan.paths import lexicon_dir

#: the red-flag guard word lists of a lexicon folder (``RedFlagGuards``)
GUARDS_FILE = "red_flag_guards.json"


#: words after which a capitalised one-word mention is still a mention ("Stem Cells For Pain")
_LEAD_WORDS = frozenset("""for and or of with the to in on at your our my from treating treat treats relieve relief
chronic a an beat end stop manage managing reduce natural no less more beyond about against fight fighting living
with without help helps support is are""".split())
#: words after which a one-word mention is part of a business name ("Lone Star Pain Team")
_NAME_WORDS = frozenset("""center centre centers centres clinic clinics institute group associates team solutions
medical medicine specialists partners spa co llc inc ltd gmbh network blog journal lab labs studio lounge bar hub
foundation society academy practice doctors physicians management & pllc pc""".split())


def is_business_name(arrays: TokenArrays, start: int, end: int) -> bool:
    """A capitalised one-word mention inside a name: "Peak Motion Wellness", "Lone Star Pain & Spine"."""
    if end - start != 1:
        return False
    if not arrays.text(start).istitle():
        return False
    if end < arrays.n:
        following = arrays.text(end)
        if following == "&" or (following[:1].isupper() and following.lower() in _NAME_WORDS):
            return True
    if start > 0:
        prev = arrays.text(start - 1)
        return prev.istitle() and prev.isalpha() and prev.lower() not in _LEAD_WORDS
    return False


#: degrees and credentials: "MS" next to them is a Master of Science, not multiple sclerosis
_CREDENTIALS = frozenset("""md m.d. phd ph.d. do d.o. pa pa-c rn np dpt pt dc mph bsn msn fnp aprn atc cscs mba bs ba
ma msc mbbs frcs facs faaos dnp cnp lac l.ac. nd n.d. ms. mrs. dr. dr""".split())
_ABBREVIATIONS = frozenset({"MS", "M.S.", "ED", "CP", "RA", "OA", "ALS", "ASD", "PAD", "CAD"})


def is_credential(arrays: TokenArrays, start: int, end: int) -> bool:
    """An abbreviation among degrees ("Jane Roe, MS, PA-C") is a credential, not a condition."""
    if end - start != 1 or arrays.text(start) not in _ABBREVIATIONS:
        return False
    window = range(max(0, start - 3), min(arrays.n, end + 3))
    return any(arrays.texts[arrays.lower[i]] in _CREDENTIALS for i in window if i != start)


#: one-word mentions that only name a condition on their own ("injuries", "pain") and belong
#: to a longer name when a body part or another condition comes right before ("MCL injuries")
_GENERIC = frozenset("injury injuries pain pains disease diseases damage".split())
_BODY_PARTS = frozenset("""knee knees shoulder shoulders hip hips back neck spine spinal brain head nerve nerves joint
joints tendon tendons ligament ligaments muscle muscles tissue pressure burn burns elbow elbows wrist wrists ankle ankles
foot feet hand hands heel heels jaw cartilage disc discs disk disks eye eyes skin liver kidney kidneys lung lungs heart
bone bones cord chest abdominal pelvic leg legs arm arms toe toes finger fingers thumb radiation""".split())


#: "injuries" on its own is the generic sports_injury; after a modifier we do not know
#: ("chronic injuries", "birth injuries") it names something else
_GENERIC_INJURY = frozenset({"injury", "injuries"})
_INJURY_MODIFIERS_OK = frozenset("""and or other sports sport common minor old recent acute many most all treat treats
treating from for of with your their our these those such including like athletic athletes' work workplace
auto car accident accidents personal soft weekend warrior new nagging lingering repetitive""".split())


def is_modified_generic_injury(arrays: TokenArrays, start: int, end: int) -> bool:
    if end - start != 1 or start == 0 or arrays.texts[arrays.lower[start]] not in _GENERIC_INJURY:
        return False
    prev = arrays.text(start - 1)
    return prev.isalpha() and prev.islower() and prev not in _INJURY_MODIFIERS_OK


class Mention(NamedTuple):
    """A named tuple, not a frozen dataclass: a page has hundreds and those cost 1.5 µs each."""

    kind: str
    vocab_id: str
    detail_id: str
    start: int  # token index
    end: int

@dataclass(frozen=True)
class RedFlagGuards:
    """Word lists (``data/lexicon/red_flag_guards.json``) that drop red-flag mentions the manual does not count.

    * a success_rate_claim ending on "<seer> <seeing verb>" ("7 of the 10 runners we saw last season had never
      had an injection") names the people seen, not an outcome;
    * a success_rate_claim whose first group word (within its first eight tokens) names professionals ("nine
      out of ten doctors recommend ...") is an endorsement, not a rate of patients improving;
    * a safety_claim whose denial is followed by a degree word ("no serious side effects") denies a degree of
      harm, not harm: only absolute safety counts;
    * a success_rate_claim ending on its group word ("90% of our patients") whose sentence says nothing of an
      outcome ("travel from overseas");
    * an fda_claim "<approved> by (the) <BODY>" read off text in capitals ("MEDICALLY CLEARED BY THEIR OWN
      PHYSICIAN"), where every word looks like an acronym, unless BODY is a regulator's name.
    """

    seeing_verbs: frozenset[str]
    seers: frozenset[str]
    professionals: frozenset[str]
    group_words: frozenset[str]
    denials: frozenset[str]
    degrees: frozenset[str]
    #: None (a lexicon folder written before the list): text in capitals is not guarded
    regulator_acronyms: frozenset[str] | None = None
    #: None (a lexicon folder written before the list): a share of patients is not asked for its outcome
    outcome_words: frozenset[str] | None = None

    KEYS = ("seeing_verbs", "seers", "professionals", "group_words", "denials", "degrees")
    OPTIONAL = ("regulator_acronyms", "outcome_words")

    @classmethod
    def from_dict(cls, raw: object, where: str = GUARDS_FILE) -> "RedFlagGuards":
        try:
            unknown = set(raw) - set(cls.KEYS) - set(cls.OPTIONAL) - {"comment"}
            if unknown:
                raise KeyError(sorted(unknown)[0])
            return cls(**{k: frozenset(str(w).lower() for w in raw[k]) for k in cls.KEYS + cls.OPTIONAL
                          if k in cls.KEYS or k in raw})
        except (TypeError, KeyError, AttributeError) as exc:
            raise LexiconError(f"{where}: expected lists {list(cls.KEYS)}, got a problem with {exc!r}") from exc

    def to_dict(self) -> dict:
        return {k: sorted(getattr(self, k)) for k in self.KEYS + self.OPTIONAL if getattr(self, k) is not None}

    def patients_we_saw(self, arrays: TokenArrays, start: int, end: int) -> bool:
        """The match ends on "we saw" / "I see": the people seen, not what they saw."""
        strings, lower = arrays.texts, arrays.lower
        return end - start >= 3 and strings[lower[end - 1]] in self.seeing_verbs and strings[lower[end - 2]] in self.seers

    def share_of_professionals(self, arrays: TokenArrays, start: int, end: int) -> bool:
        """The first group word of the share (within its first eight tokens) names professionals."""
        strings, lower = arrays.texts, arrays.lower
        for i in range(start, min(end, start + 8)):
            w = strings[lower[i]]
            if w in self.group_words:
                return False
            if w in self.professionals:
                return True
        return False

    def relative_denial(self, arrays: TokenArrays, start: int, end: int) -> bool:
        """A safety mention whose denial is followed by a degree word ("no serious side effects")."""
        strings, lower = arrays.texts, arrays.lower
        words = [strings[lower[i]] for i in range(start, end)]
        return any(w in self.denials and nxt in self.degrees for w, nxt in zip(words, words[1:]))

    def share_without_outcome(self, arrays: TokenArrays, start: int, end: int) -> bool:
        """A share that ends on its group word ("90% of our patients") in a sentence with no outcome word: who the
        patients are ("travel from overseas"), not how many got better ("positive outcomes in 95% of cases")."""
        if self.outcome_words is None or arrays.texts[arrays.lower[end - 1]] not in self.group_words:
            return False
        sentence = arrays.sentence_of[end - 1]
        first = arrays.starts[sentence]
        stop = arrays.starts[sentence + 1] if sentence + 1 < len(arrays.starts) else arrays.n
        strings, lower, outcomes = arrays.texts, arrays.lower, self.outcome_words
        return not any(strings[lower[i]] in outcomes for i in range(first, stop))

    def shouted_regulator(self, arrays: TokenArrays, start: int, end: int) -> bool:
        """A regulator claim read off text in capitals: "<approved> by (the) <body>" that starts with a word in
        capitals and ends on a capitalised word that is no regulator's name ("MEDICALLY CLEARED BY THEIR OWN
        PHYSICIAN")."""
        if self.regulator_acronyms is None or end - start < 3:
            return False
        if arrays.text(end - 2).lower() not in ("by", "with", "the"):
            return False  # not an "approved by <body>" claim ("FDA APPROVED" names its regulator first)
        first, last = arrays.text(start), arrays.text(end - 1)
        return (len(first) > 1 and first.isupper() and last.isupper() and last.isalpha()
                and last.lower() not in self.regulator_acronyms)


def load_red_flag_guards(directory: Path | str | None = None) -> RedFlagGuards:
    """The guards of a lexicon folder (or of a saved pipeline); the shipped ones when the folder has none."""
    path = Path(directory) / GUARDS_FILE if directory else lexicon_dir() / GUARDS_FILE
    if not path.exists():
        path = lexicon_dir() / GUARDS_FILE
    return RedFlagGuards.from_dict(read_json(path, LexiconError), str(path))


#: a Mention's (start, end), its sort key
_START_END = itemgetter(3, 4)


class MentionFinder:
    """Callable: Doc -> sorted list of non-overlapping Mentions (per kind)."""

    def __init__(self, nlp: Language, patterns: Iterable[LexiconPattern], guards: RedFlagGuards | None = None):
        self.guards = guards if guards is not None else load_red_flag_guards()
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.tokens = TokenPatternMatcher(nlp.vocab)
        self.keys: dict[int, tuple[str, str, str, str, bool]] = {}
        phrase_groups: dict[str, list[str]] = {}
        for pat in patterns:
            key = f"{pat.kind}|{pat.detail_id}"
            # msc may sit inside another product's mention ("UC-MSCs"), never inside another msc
            group = f"{pat.kind}|{pat.vocab_id}" if pat.kind == "red_flag" or pat.vocab_id == "msc" else pat.kind
            self.keys[nlp.vocab.strings.add(key)] = (pat.kind, pat.vocab_id, pat.detail_id, group,
                                                     pat.kind != "product_type")
            if pat.is_phrase:
                phrase_groups.setdefault(key, []).append(pat.pattern)
            else:
                self.tokens.add(key, pat.pattern)
        coordinated: dict[str, list] = {"condition": [], "product_type": []}
        # with their variants: "fat and bone marrow stem-cells"
        for key, docs in phrase_group_docs(nlp.tokenizer, phrase_groups).items():
            self.phrases.add(key, docs)
            kind = key.split("|", 1)[0]
            if kind in coordinated:
                match_id = nlp.vocab.strings[key]
                coordinated[kind].extend((tuple(t.lower_ for t in d), match_id) for d in docs)
        self.coordinated = CoordinatedSites(coordinated["condition"])
        # "fat and bone marrow stem cells": the same for product sources sharing one head
        self.coordinated_products = CoordinatedSites(coordinated["product_type"])
        #: "from your fat, from your bone marrow, or from blood": the key a listed "blood" is read as
        self.blood_key = next((k for k, v in self.keys.items() if v[1] == "peripheral_blood" and v[0] == "product_type"
                               and v[2] == "peripheral_blood"),
                              next((k for k, v in self.keys.items() if v[1] == "peripheral_blood"), None))

    def __call__(self, doc: Doc) -> list[Mention]:
        arrays = TokenArrays.of(doc)
        raw = list(self.phrases(doc)) + self.tokens(doc)
        # longest first, then leftmost (as one int: a sort of ints compares faster than one of tuples, and the
        # order, ties included, is that of (m[1] - m[2], m[1])); keep a mention only if no kept one of its group
        # overlaps
        width = arrays.n + 1
        raw.sort(key=lambda m: (m[1] - m[2]) * width + m[1])
        taken: dict[str, bytearray] = {}
        kept: list[Mention] = []
        keys, n, guards = self.keys, arrays.n, self.guards
        for match_id, start, end in raw:
            kind, vocab_id, detail_id, group, guarded = keys[match_id]
            # the guards only ever reject one-token mentions
            if guarded and end - start == 1 and (is_business_name(arrays, start, end) or is_credential(arrays, start, end)
                                                 or is_modified_generic_injury(arrays, start, end)):
                continue
            if vocab_id == "success_rate_claim" and kind == "red_flag" and (
                    guards.patients_we_saw(arrays, start, end) or guards.share_of_professionals(arrays, start, end)
                    or guards.share_without_outcome(arrays, start, end)):
                continue
            if vocab_id == "safety_claim" and kind == "red_flag" and guards.relative_denial(arrays, start, end):
                continue
            if vocab_id == "fda_claim" and kind == "red_flag" and guards.shouted_regulator(arrays, start, end):
                continue
            occupied = taken.get(group)
            if occupied is None:
                occupied = taken[group] = bytearray(n)
            if occupied.find(1, start, end) >= 0:
                continue
            occupied[start:end] = b"\x01" * (end - start)
            if vocab_id == "msc":
                taken.setdefault(kind, bytearray(n))[start:end] = b"\x01" * (end - start)
            kept.append(Mention(kind, vocab_id, detail_id, start, end))
        lower, strings = arrays.lower, arrays.texts

        def word(i: int) -> str:
            return strings[lower[i]]

        for kind, coordinated in (("condition", self.coordinated), ("product_type", self.coordinated_products)):
            occupied = taken.get(kind)
            if occupied is None:
                continue
            spans = [(m.start, m.end) for m in kept if m.kind == kind]
            for start, end, match_id in coordinated(word, n, spans):
                if occupied.find(1, start, end) < 0:
                    occupied[start:end] = b"\x01" * (end - start)
                    kept.append(Mention(*keys[match_id][:3], start, end))
        if self.blood_key is not None and "product_type" in taken:
            occupied = taken["product_type"]
            sources = [(m.start, m.end, m.vocab_id) for m in kept if m.kind == "product_type"]
            for start, end in blood_in_source_lists(word, n, sources):
                if occupied.find(1, start, end) < 0:
                    occupied[start:end] = b"\x01"
                    kept.append(Mention(*keys[self.blood_key][:3], start, end))
        kept.sort(key=_START_END)
        ends = {m.end for m in kept if m.kind == "condition"}
        return [m for m in kept if not (
            m.end - m.start == 1 and m.kind == "condition" and m.start > 0
            and strings[lower[m.start]] in _GENERIC
            and (m.start in ends or strings[lower[m.start - 1]] in _BODY_PARTS))]
