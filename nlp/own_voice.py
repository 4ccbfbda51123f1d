"""Who speaks in a sentence: the page's own voice, and a therapy the page presents as acting.

The seller decision (``clinicscan_offer``) counts a product as the page's own when its
sentence speaks as "we"/"our"/"us". Read as bare words that also takes a news quote
(``"We've seen dramatic results," the surgeon said``), the United States written "US",
and the words used for people in general or for the writer narrating ("the stem cells
that stay with us for life", "as we age", "below we explain"): education and critics'
pages became sellers on them. ``speaks_as_page`` drops those before it looks for the words.

Clinic pages written in the third person ("For patients with lupus, stem cell therapy
helps calm the immune system") present their therapy by making it the subject of what it
does, in a plain statement; report pages put the same therapy after a reporting frame
("studies suggest stem cell therapy can ...", "the advisory says ...") or in a question
("Does stem cell therapy work?"). ``therapy_acts`` reads that. Both are plain string and
regular-expression tests on a mention's own sentence (a few per page), with the word lists
in ``data/lexicon/own_voice.json``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy

from clinicscan.errors import LexiconError
from clinicscan.nlp.case_blind import CaseBlind, matches_where
from clinicscan.nlp.first_letters import led_by_first_letters
from clinicscan.nlp.jsonl import read_json
from clinicscan.nlp.matching import WordTable
from clinicscan.paths import lexicon_dir

__all__ = ["NameReader", "OwnVoice", "load_own_voice"]

#: quoted speech or a quoted title: what is inside is someone else's voice
_QUOTED = re.compile(r"[\"“”][^\"“”]{0,400}[\"“”]")
#: the marks a quotation opens with (``_QUOTED``'s first character)
_QUOTE_MARKS = ('"', "“", "”")
#: a quotation mark left after the pairs are gone: a quotation running on from or into the next sentence
_LONE_QUOTE = re.compile(r"[\"“”]")
#: the page's own words; the capital-letters "US" is the country, "Us" and "us" are the page
_OWN_WORD = re.compile(r"\b(?:[Ww]e(?:['’](?:re|ve|ll))?|WE|[Oo]urs?|OURS?|[Uu]s)\b")
#: a writer speaking as "I" (a patient telling of their own care may be the page's receiver: ``receives``)
_I_WORD = re.compile(r"\bI\b")
_KEYS = ("generic_we_verbs", "generic_phrases", "therapy_nouns", "therapy_products", "acting_verbs", "acting_phrases",
         "adverbs", "question_openers", "report_words", "name_openers", "name_joiners", "name_subjects",
         "decline_verbs", "declining_cues", "practitioner_verbs", "practitioner_nouns", "plant_words",
         "elsewhere_owners", "elsewhere_givers", "receiver_we_verbs", "receiver_phrases",
         "receiver_subjects", "receiver_escort_verbs", "animal_patients", "animal_words", "supported_own")
#: what a negated offer verb declines: a pronoun for the product ("we do not sell it"), or the product itself
#: the object of a negated verb ends at a clause break ("we don't use donor tissue; we use your own marrow")
_CLAUSE_END = re.compile(r"[;:,.!?()]|\s(?:but|we|instead|only)\b", re.I)
#: a second verb may share the object: "we do not provide or recommend any treatment sold privately" (session wevoice)
_PRONOUN_OBJECT = re.compile(r"(?:\s+(?:or|and|nor)\s+[\w'’-]+)?\s+(?:it|them|this|these|that|those|such|any)\b", re.I)
#: how far (characters) a practitioner's "I inject" / "my patients" reaches to the product it gives
_PRACTITIONER_REACH = 80
#: what ends the practitioner's clause before the product: a stop, or a new clause
_PRACTITIONER_BREAK = re.compile(r"[;:.!?()\"“”]|,\s*(?:and|but|so|while|who|which)\b|\s(?:but|because|although|though)\s")
#: word bits for ``names_itself``: an opener ("at"), a name word (capitalised) or joiner ("&", "in", ","), a subject
_OPENER, _NAME, _SUBJECT = 1, 2, 4
#: the longest name (with its town) walked from an "at"
_NAME_WORDS = 12


def _alternatives(words: list[str], lower: bool = False) -> str:
    """The words as a regex alternation, longest first; with ``lower``, each in lower case (in the same order)."""
    return "|".join(re.escape(w.lower() if lower else w).replace(r"\ ", r"\s+")
                    for w in sorted(words, key=len, reverse=True))


@dataclass(frozen=True)
class OwnVoice:
    """The compiled tests of ``own_voice.json``."""

    generic: re.Pattern
    therapy_named: re.Pattern
    acting: re.Pattern
    question: re.Pattern
    report: re.Pattern
    therapy_products: frozenset[str]
    name_openers: frozenset[str] = frozenset()
    name_joiners: frozenset[str] = frozenset()
    name_subjects: frozenset[str] = frozenset()
    #: "we do not sell", "never offer": a negated offer verb (``decline_verbs``)
    decline: re.Pattern | None = None
    #: offer-cue ids (sceptic kind) that are the page declining, not criticising others ("do not offer")
    declining_cues: frozenset[str] = frozenset()
    #: a practitioner speaking for the page in the first person singular: "I inject", "in my practice"
    practitioner: re.Pattern | None = None
    #: the word right before a mention that makes its "stem cells" a plant's ("apple stem cells", "plant-derived")
    plant: re.Pattern | None = None
    #: another provider gives the product the sentence names ("a PRP injection from their sports doctor", "elsewhere")
    elsewhere: re.Pattern | None = None
    #: a "we" that receives, buys or judges care (a family, a forum, a patients' group, a reviewer): "we paid",
    #: "we were told", "our son", "our members" (``receiver_we_verbs``, ``receiver_phrases``)
    receiver: re.Pattern | None = None
    #: the page's patients are animals: "your horse's", "dogs and cats", "our veterinarians" (``animal_patients``)
    animals: CaseBlind | None = None
    #: the words before a mention that make its "stem cells" the reader's own, which a product supports or releases
    #: ("supports the natural release of your own stem cells"; ``supported_own``)
    supported: re.Pattern | None = None
    #: one of these words (lower case) is in every ``animal_patients`` phrase: a token test before the search
    animal_words: frozenset[str] = frozenset()
    #: ``receiver`` for counting over a page's main text (nlp/case_blind.py)
    receiving: CaseBlind | None = None

    @classmethod
    def from_dict(cls, row: dict, where: str = "own_voice.json") -> "OwnVoice":
        missing = [k for k in _KEYS if k not in row]
        unknown = [k for k in row if not k.startswith("_") and k not in _KEYS]
        if missing or unknown:
            raise LexiconError(f"{where}: expected keys {', '.join(_KEYS)}; missing {missing or 'none'}, "
                               f"unknown {unknown or 'none'}")
        for key in _KEYS:
            if not isinstance(row[key], list) or not row[key] or not all(isinstance(w, str) and w.strip() for w in row[key]):
                raise LexiconError(f"{where}: {key!r} must be a non-empty list of words, got {row[key]!r}")
        def receiving(lower: bool) -> str:
            subject = _alternatives([w.replace("'", "['’]") for w in row["receiver_subjects"]], lower).replace(
                r"\['’\]", "['’]")
            return (rf"\b(?:{subject})\s+(?:[\w'’-]+\s+)?(?:{_alternatives(row['receiver_we_verbs'], lower)})\b"
                    rf"|\b(?:{subject})\s+(?:[\w'’-]+\s+)?(?:{_alternatives(row['receiver_escort_verbs'], lower)})"
                    rf"\s+(?:[\w'’-]+\s+){{1,3}}?to\b"
                    rf"|\b(?:{_alternatives(row['receiver_phrases'], lower)})\b")
        receiver = receiving(False)
        generic = (rf"\b(?:we|we['’]ll|we['’]re|we['’]ve)\s+(?:[\w'’-]+\s+)?(?:{_alternatives(row['generic_we_verbs'])})\b"
                   rf"|\b(?:{_alternatives(row['generic_phrases'])})\b|{receiver}")
        # both searches run over whole sentences or the whole main text: led by the first letters of the words
        # a match can begin with (a subject's apostrophe is matched in either form)
        receiver_starts = [*row["receiver_subjects"], *(w.replace("'", "’") for w in row["receiver_subjects"]),
                           *row["receiver_phrases"]]
        receiver = led_by_first_letters(receiver_starts, receiver)
        # counted over a page's whole main text: in lower case over the lower-cased text where that finds the same
        receives = CaseBlind(receiver, led_by_first_letters([w.lower() for w in receiver_starts], receiving(True)))
        generic = led_by_first_letters(["we", *row["generic_phrases"], *receiver_starts], generic)
        # "your horse's" or "your horse’s"; a phrase ends at a word's end ("your pet" is not "your petition")
        def animal_phrases(lower: bool) -> str:
            found = _alternatives([w.replace("'", "['’]") for w in row["animal_patients"]], lower).replace(
                r"\['’\]", "['’]")
            return rf"\b(?:{found})(?![\w'’-])"
        # searched over the whole main text of a page that names an animal word: in lower case over the lower-cased
        # text where that finds the same (nlp/case_blind.py), led by the phrases' first letters
        # every match begins with a phrase's first word (up to a space or an apostrophe, which match more than
        # themselves): tried only where one stands
        animals = CaseBlind(animal_phrases(False),
                            led_by_first_letters([w.lower() for w in row["animal_patients"]], animal_phrases(True)),
                            tuple(sorted({re.split(r"[\s'’]", w.lower(), maxsplit=1)[0] for w in row["animal_patients"]})))
        nouns = _alternatives(row["therapy_nouns"])
        acting = rf"^[\s,;:)\]-]{{0,3}}(?:({nouns})\s+)?(?:(?:{_alternatives(row['adverbs'])})\s+)?" \
                 rf"(?:{_alternatives(row['acting_phrases'] + row['acting_verbs'])})\b"
        return cls(re.compile(generic, re.I), re.compile(rf"\b(?:{nouns})\b", re.I), re.compile(acting, re.I),
                   re.compile(rf"^\W*(?:{_alternatives(row['question_openers'])})\b", re.I),
                   re.compile(rf"\b(?:{_alternatives(row['report_words'])})\b", re.I),
                   frozenset(row["therapy_products"]), frozenset(w.lower() for w in row["name_openers"]),
                   frozenset(w.lower() for w in row["name_joiners"]), frozenset(w.lower() for w in row["name_subjects"]),
                   re.compile(r"\b(?:(?:do|does|did|will|can)\s+not|(?:do|does|did|wo|ca)n['’]t|never|no\s+longer)\s+"
                              rf"(?:[\w'’-]+\s+){{0,2}}?(?:{_alternatives(row['decline_verbs'])})\b", re.I),
                   frozenset(row["declining_cues"]),
                   re.compile(r"\b(?:I|I['’](?:ve|ll|m|d))\s+(?:(?:have|had|will|now|also|often|usually|routinely|"
                              r"personally|regularly|always|then|can|mostly|only|typically)\s+){0,2}"
                              rf"(?:{_alternatives(row['practitioner_verbs'])})\b"
                              rf"|\b[Mm]y\s+(?:{_alternatives(row['practitioner_nouns'])})\b"),
                   re.compile(rf"\b(?:{_alternatives(row['plant_words'])})[\s-]*$", re.I),
                   re.compile(rf"\b(?:from|by|at)\s+(?:{_alternatives(row['elsewhere_owners'])})\s+(?:[\w'’-]+\s+)?"
                              rf"(?:{_alternatives(row['elsewhere_givers'])})\b|\belsewhere\b", re.I),
                   re.compile(receiver, re.I),
                   animals,
                   re.compile(rf"\b(?:{_alternatives(row['supported_own'])})\s+(?:of\s+)?(?:the\s+|your\s+)?"
                              r"(?:body['’]s\s+)?(?:own\s+)?(?:natural\s+|adult\s+)?$", re.I),
                   frozenset(w.lower() for w in row["animal_words"]), receives)

    def speaks_as_page(self, sentence: str) -> bool:
        """The sentence says "we"/"our"/"us" for the page's organisation (not quoted, not people in general)."""
        if not _OWN_WORD.search(sentence):
            return False
        plain = self.generic.sub(" ", _unquoted(sentence))
        return _OWN_WORD.search(plain) is not None

    def practitioner_gives(self, sentence: str, at: int) -> bool:
        """A practitioner speaking for the page in the first person singular gives the product named at ``at``.

        "Since then I have injected PRP into ...", "In my practice, PRP is given ...": "I" with a
        verb of giving care, or "my" with a word of a practice, before the mention in the same
        clause (no ";:.!?()" and no ", and"/"but" between) and not inside a quotation. A
        patient's "I" ("I had PRP", "my knee", "my doctor") and a doctor whose patients only ask
        about it ("I treat emphysema, and patients ask about stem cells") do not count.
        """
        if self.practitioner is None or at <= 0:
            return False
        before = sentence[:at]
        if "I" not in before and "my" not in before and "My" not in before:
            return False
        if len(_LONE_QUOTE.findall(before)) % 2:
            return False  # the mention sits inside a quotation
        for found in self.practitioner.finditer(before):
            between = before[found.end():]
            if len(between) <= _PRACTITIONER_REACH and not _PRACTITIONER_BREAK.search(between):
                return True
        return False

    def given_elsewhere(self, sentence: str) -> bool:
        """The sentence names another provider as the one who gives its product: "our clients arrive after a PRP
        injection from their sports doctor", "patients treated at another clinic". The page's "we" there receives
        or follows up someone else's patients; it does not present a product of its own (session sellfalse)."""
        return self.elsewhere is not None and self.elsewhere.search(_unquoted(sentence)) is not None

    def receives(self, text: str) -> int:
        """How many times ``text`` (the page's main text, quotations aside) speaks as a "we" that receives, buys or
        judges care: "we flew with our daughter to a clinic", "we paid $16,000", "our members", "we were quoted".
        A family's diary, a forum, a patients' group, a comparison site or a journalists' test calls: their "we"
        is not a provider (session 21 wevoice, issue 8)."""
        if self.receiver is None or not (_OWN_WORD.search(text) or _I_WORD.search(text)):
            return 0
        if self.receiving is None:
            return sum(1 for _ in self.receiver.finditer(_QUOTED.sub(" ", text)))
        return self.receiving.count(_without_quotes(text))

    def treats_animals(self, text: str) -> int:
        """How many times ``text`` (the page's main text, quotations aside) addresses an animal's owner or names an
        animal practice: "your horse's blood", "dogs and cats", "our veterinarians", "animal hospital". Coding
        manual, section 1: a veterinary practice treating animals is not a seller (session 25 sellerdata)."""
        if self.animals is None:
            return 0
        return self.animals.count(_without_quotes(text))

    def of_a_plant(self, before: str, mention: str = "stem cells") -> bool:
        """The mention's "stem cells" are a plant's: ``before`` (the sentence up to the mention) ends with a plant
        word ("Swiss apple stem cells", "plant-derived stem cells"). Coding manual, section 1: cosmetics made with
        plant stem cells are not a cell treatment."""
        return self.plant is not None and "stem" in mention.lower() and self.plant.search(before[-40:]) is not None

    def supports_own(self, before: str, mention: str = "stem cells") -> bool:
        """The mention's "stem cells" are the reader's own, which something supports, releases or boosts: ``before``
        (the sentence up to the mention) ends with "supports the natural release of your own", "boosts your body's".
        Coding manual, section 1: supplements that "boost your own stem cells" sell no cell product."""
        return self.supported is not None and "stem" in mention.lower() and \
            self.supported.search(before[-60:]) is not None

    def declines(self, sentence: str, mention: str) -> bool:
        """The sentence declines the product it names: "we use PRP only in research and do not sell it",
        "we do not offer PRP". "We don't use donor tissue; we use your own marrow" does not decline the marrow."""
        if self.decline is None:
            return False
        mention = mention.lower()
        for found in self.decline.finditer(sentence):
            after = _CLAUSE_END.split(sentence[found.end():found.end() + 60], 1)[0]
            if _PRONOUN_OBJECT.match(after) or mention in after.lower():
                return True
        return False

    def therapy_acts(self, sentence: str, mention: str, after: str, vocab_id: str) -> bool:
        """The product named by ``mention`` is a therapy and the subject of what it does, in a plain statement.

        ``after`` is the sentence's text right after the mention. "Stem cell therapy helps",
        "PRP injections can", "PRP relieves" count; "stem cells can turn into bone" (cells,
        not a therapy), "Does stem cell therapy work?" and "studies suggest stem cell
        therapy may help" do not.
        """
        found = self.acting.match(after)
        if found is None:
            return False
        if not (found.group(1) or vocab_id in self.therapy_products or self.therapy_named.search(mention)):
            return False
        stripped = sentence.rstrip()
        if stripped.endswith("?") or self.question.match(stripped):
            return False
        return self.report.search(sentence) is None


class NameReader:
    """Finds "at <Name ...> (in <Town>)(,) we / our / Dr." in a Doc's token columns (``OwnVoice.names_itself``)."""

    def __init__(self, voice: OwnVoice):
        self.voice = voice
        self._table: WordTable | None = None
        self._vocab = None

    def _bits(self, vocab) -> WordTable:
        if self._table is None or self._vocab is not vocab:
            strings, voice = vocab.strings, self.voice

            def bits(word: int) -> int:
                text = strings[word]
                lower = text.lower()
                value = _OPENER if lower in voice.name_openers else 0
                if lower in voice.name_subjects:
                    value |= _SUBJECT
                if text[:1].isupper() or lower in voice.name_joiners:
                    value |= _NAME
                return value

            self._table, self._vocab = WordTable(bits), vocab
        return self._table

    def find(self, arrays, end: int) -> int | None:
        """Token index of the "at" of the first such opening among the first ``end`` tokens, or None."""
        if end < 3:
            return None
        bits = self._bits(arrays.vocab).lookup(arrays.word_ids[:end])
        openers = numpy.flatnonzero((bits[:-1] & _OPENER).astype(bool) & (bits[1:] & _NAME).astype(bool)
                                    & ~(bits[1:] & _SUBJECT).astype(bool))
        for at in openers.tolist():
            for j in range(at + 2, min(end, at + 2 + _NAME_WORDS)):
                if bits[j] & _SUBJECT:
                    return at
                if not bits[j] & _NAME:
                    break
        return None


def _without_quotes(text: str) -> str:
    """``_QUOTED.sub(" ", text)`` for a page's whole text: every match opens with a quotation mark, so ``_QUOTED`` is
    tried only where ``str.find`` (C speed) finds one (``case_blind.matches_where``), and the text is rebuilt as ``sub`` does (leftmost matches,
    none overlapping). ``re`` itself tried the pattern at every character (~0.7 ms a 25 KB page, twice a page)."""
    pieces: list[str] = []
    done = 0
    for found in matches_where(_QUOTED, text, text, _QUOTE_MARKS):
        pieces.append(text[done:found.start()])
        pieces.append(" ")
        done = found.end()
    if not pieces:
        return text
    pieces.append(text[done:])
    return "".join(pieces)


def _unquoted(sentence: str) -> str:
    """The sentence without what it quotes, a quotation that runs across sentences included.

    The sentences of a quotation a page reprints are split apart: the first keeps only the
    opening mark ('... the surgeon said: "We have seen ...'), the last only the closing one
    ('... where we place them."'). A lone mark followed by a word opens: the rest is quoted;
    otherwise it closes: what comes before it is.
    """
    plain = _QUOTED.sub(" ", sentence)
    lone = _LONE_QUOTE.search(plain)
    if lone is None:
        return plain
    at = lone.start()
    opens = plain[at] == "“" or (plain[at] == '"' and at + 1 < len(plain) and plain[at + 1].isalnum()
                                 and (at == 0 or not plain[at - 1].isalnum()))
    return plain[:at] if opens and plain[at] != "”" else plain[at + 1:]


def load_own_voice(path: Path | str | None = None) -> OwnVoice:
    """The own-voice tests from ``path`` (default: the shipped ``data/lexicon/own_voice.json``)."""
    return _load(str(path) if path else str(lexicon_dir() / "own_voice.json"))


@lru_cache(maxsize=8)
def _load(path: str) -> OwnVoice:
    row = read_json(Path(path), LexiconError)
    if not isinstance(row, dict):
        raise LexiconError(f"{path}: expected a JSON object of word lists")
    return OwnVoice.from_dict(row, path)
