"""``clinicscan_context``: is each mention asserted, negated, hedged or reported?

ConText-style rules from ``data/lexicon/context_rules.jsonl`` (cue, category, direction,
scope, kinds), tuned for marketing pages rather than clinical notes: negation targets the
offer ("we do not treat", "not FDA approved", "contain no live cells"), not the condition
("don't let knee pain stop you" is still a claim). A list item with no cue of its own takes
the context of its lead-in line ("Conditions we do not treat:"). Each token's sentence is
looked up in the Doc's ``TokenArrays`` (``span.sent`` per mention costs about 0.55 ms a
page), cues are searched only in sentences with mentions and weighed only for mentions whose
sentence has any. Results go to ``doc._.clinicscan_claims``.

An open question is no claim ("Do you treat COPD?"), unless it asks whether the business treats
or uses something and the next sentence answers it (``data/lexicon/question_answers.json``):
"Can you help patients with neuropathy? Yes." asserts neuropathy, "Do you treat autism? No."
negates it.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from pathlib import Path

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from clinicscan.errors import LexiconError
from clinicscan.nlp.lexicon import load_word_classes
from clinicscan.nlp.matching import TokenArrays, TokenPatternMatcher, phrase_group_docs, sentence_ranges_of
from clinicscan.nlp.rules import ContextRule, load_context_rules
from clinicscan.paths import lexicon_dir
from clinicscan.vocabulary import CELL_SOURCES

if not Doc.has_extension("clinicscan_claims"):
    Doc.set_extension("clinicscan_claims", default=None)

_PRIORITY = {"negated": 3, "reported": 2, "hedged": 1}
#: the word class (data/lexicon/word_classes.json) of words opening a subordinate clause
CLAUSE_OPENERS = "clause_opener"
#: ... and the words of a denial that such a clause must hold for its comma to end a cue's scope
CLAUSE_DENIALS = "clause_denial"
#: words that make cited evidence weak, negative or future ("some data", "early studies", "in mice", "not yet"):
#: such a sentence stays someone else's research, never the page's own evidence
EVIDENCE_QUALIFIERS = "evidence_qualifier"
#: the cue a mention gets when the evidence its sentence cites is the page's own education voice
OWN_EVIDENCE = "own evidence: "


@dataclass
class ClaimRow:
    """One mention in its sentence, with the context decision; plain values only."""

    kind: str
    vocab_id: str
    detail_id: str
    matched_text: str
    start: int
    end: int
    sentence: str
    sent_start: int
    sent_end: int
    context: str = "asserted"
    context_cue: str | None = None
    section: str = "main"


_QUOTES = "\"'"


def _line_head(arrays, si: int) -> int:
    """The first sentence of sentence ``si``'s line: sentences after the first on one line (no line
    break before them) belong to the line's start, so a list item's later sentences are the item's."""
    starts, text = arrays.starts, arrays.text
    head = si
    while head > 0 and "\n" not in text(starts[head] - 1):
        head -= 1
        if si - head > _LINE_SENTENCES:  # a page with no line breaks: no list lines to find
            return si
    return head


#: the most sentences one list item's line is looked back over
_LINE_SENTENCES = 12


def _line_heads(arrays) -> list[int]:
    """``_line_head`` of every sentence of the Doc, in one pass (kept on the Doc's arrays): the component
    asks it for each mention, each list item's lead-in and each line above one, and walking back from
    each of them cost ~5% of the component on a 25 KB page."""
    heads = getattr(arrays, "clinicscan_line_heads", None)
    if heads is None or len(heads) != len(arrays.starts):
        starts, text = arrays.starts, arrays.text
        heads, line = [], 0
        for si in range(len(starts)):
            if si == 0 or "\n" in text(starts[si] - 1):
                line = si
            heads.append(line if si - line <= _LINE_SENTENCES else si)
        arrays.clinicscan_line_heads = heads
    return heads


def _trailing_space(doc: Doc) -> int:
    return len(doc[-1].whitespace_) if len(doc) else 0


def _scare_quoted(text: str, start: int, end: int) -> bool:
    """A mention wrapped in quote marks ("stem cell" injections) is named, not claimed."""
    return start > 0 and end < len(text) and text[start - 1] in _QUOTES and text[end] in _QUOTES \
        and (end - start) < 40


#: a question is not an assertion ("Is this FDA approved?"), unless it is the rhetorical
#: marketing kind ("Suffering from knee pain?", "Do your knees ache on the stairs?": the reader's own body)
_RHETORICAL = re.compile(r"\b(?:suffering|struggling|living with|dealing with|tired of|sick of|do you have|have you been|"
                         r"are you experiencing|frustrated|bothered by|fed up|why (?:risk|go under|undergo|settle for|"
                         r"rush into|live with|suffer)|(?:do|does|is|are|has|have) your "
                         r"(?:(?:lower|upper|left|right|bad|sore|stiff|achy|aching|painful|arthritic|old|tired) )?"
                         r"(?:knees?|hips?|joints?|back|neck|shoulders?|elbows?|ankles?|wrists?|feet|foot|hands?|skin|"
                         r"hair|heels?)\b)", re.I)


# an FAQ or comment label may come first: "Q: Will it help my neuropathy?", "Amy W.: Would this help?"
_ASKER = r"(?:q|question|(?-i:[A-Z][a-z]+ [A-Z]\.?)|(?-i:[A-Z][a-z]+) (?:asked|asks|wrote|writes|says))\s*[:.)]\s*"
_ASKING = re.compile(r"^(?:[•\s]*)(?:" + _ASKER + r")?(?:is|are|am|do|does|did|can|could|will|would|should|what|how|why|which|"
                     r"who|when|where|has|have|may|might)\b", re.I)


# a reader's own question in a comment: "My mom has dementia, would this help her? - Carol"
_READER_ASKS = re.compile(r"^(?:[•\s]*)(?:my|i|i'm|i've|our)\b.*[,;:-]\s*(?:would|could|can|will|is|are|does|do|should)\s+"
                          r"(?:this|it|you|these|that|they|stem|prp|the|i|we)\b", re.I)
_QUOTED_QUESTION_ENDS = ('?"', "?\u201d")
_SIGNATURE = re.compile(r"\s*-\s*(?:[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,2})?\s*$")


def _question(sentence: str) -> str | None:
    """The sentence as a question, a reader's signature ("... help her? - Carol") cut off, or
    None when it asks nothing."""
    if sentence.endswith("?"):
        return sentence
    if sentence.endswith(_QUOTED_QUESTION_ENDS):
        # a sentence that ends by quoting a question ('... in the clinic: "My mate had stem cells - should I?"'):
        # the quoted question is what is asked
        opening = max(sentence.rfind('"', 0, len(sentence) - 1), sentence.rfind("\u201c"))
        return sentence[opening + 1:-1] if opening >= 0 else None
    if "-" not in sentence[-40:]:
        return None
    sentence = _SIGNATURE.sub("", sentence)
    return sentence if sentence.endswith("?") else None


def _is_open_question(sentence: str) -> bool:
    """"Do you treat COPD?" (an open question) but not "Knee pain holding you back?"."""
    question = _question(sentence)
    return question is not None and bool(_ASKING.match(question) or _READER_ASKS.match(question)) \
        and not _RHETORICAL.search(question)


#: "Did you know that ...?" asserts what follows; other questions do not (for red flags)
_ASSERTING_QUESTION = re.compile(r"^(?:[•\s]*)(?:did|do) you know\b", re.I)


def _asks(sentence: str) -> bool:
    """Any question, rhetorical ones included: the coding manual counts no red flag in a question
    ("what if you could reverse this?", "why risk surgery?"), while a rhetorical question still
    names the condition a page treats ("Suffering from knee pain?")."""
    question = _question(sentence)
    return question is not None and not _ASSERTING_QUESTION.match(question)


ANSWERS_FILE = "question_answers.json"


@dataclass(frozen=True)
class QuestionAnswers:
    """How the answer after an open question decides the question's mentions (question_answers.json)."""

    kinds: frozenset[str]
    question_words: frozenset[str]
    affirm: frozenset[str]
    affirm_phrases: tuple[tuple[str, ...], ...]
    deny: frozenset[str]
    deny_phrases: tuple[tuple[str, ...], ...]
    negations: frozenset[str]
    presupposing: tuple[tuple[str, ...], ...] = ()

    @classmethod
    def load(cls, path: Path) -> "QuestionAnswers | None":
        if not path.exists():
            return None
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            words = {key: frozenset(w.lower() for w in raw[key]) for key in ("kinds", "question_words", "affirm", "deny",
                                                                               "negations")}
            phrases = {key: tuple(sorted((tuple(p.lower().split()) for p in raw.get(key, ())), key=len, reverse=True))
                       for key in ("affirm_phrases", "deny_phrases", "presupposing")}
            unknown = set(raw) - {"comment", *words, *phrases}
            if unknown:
                raise KeyError(sorted(unknown)[0])
        except (ValueError, TypeError, KeyError, AttributeError) as exc:
            raise LexiconError(f"{path}: expected kinds, question_words, affirm, affirm_phrases, deny, deny_phrases, "
                               f"negations; got a problem with {exc!r}") from exc
        return cls(words["kinds"], words["question_words"], words["affirm"], phrases["affirm_phrases"],
                   words["deny"], phrases["deny_phrases"], words["negations"], phrases["presupposing"])

    def decide(self, question: list[str], answer: list[str]) -> str | None:
        """"yes", "no" or None for a question's lower-case words and its answer's (labels stripped)."""
        if not self.question_words.intersection(question):
            return None
        asked = [w for w in question if any(c.isalnum() for c in w)]
        if asked and asked[0] in ("q", "question"):
            asked = asked[1:]
        presupposed = any(tuple(asked[:len(p)]) == p for p in self.presupposing)
        i = 0
        while i < len(answer) and (answer[i] in ("•", "a", "answer", "-") or not any(c.isalnum() for c in answer[i])):
            if answer[i] in ("a", "answer") and not (i + 1 < len(answer) and answer[i + 1] in (":", ".", ")")):
                break
            i += 1
        words = answer[i:i + 8]
        if not words:
            return "yes" if presupposed else None
        for phrases, verdict in ((self.deny_phrases, "no"), (self.affirm_phrases, "yes")):
            for phrase in phrases:
                if tuple(words[:len(phrase)]) == phrase:
                    after = words[len(phrase)] if len(words) > len(phrase) else ""
                    if verdict == "yes" and after in self.negations:
                        continue
                    return verdict
        if words[0] in ("yes", "yeah", "yep"):
            return "yes"
        after = words[1] if len(words) > 1 else "."
        if not after.isalnum():
            if words[0] in self.deny:
                return "no"
            if words[0] in self.affirm:
                return "yes"
        return "yes" if presupposed else None


def _answer_listed_questions(rows: list[ClaimRow]) -> None:
    """A question listed as a table of contents ("• Do you treat neuropathy?") and asked again further down
    under the same words takes the decision of the answer there: the list copy is the same question (the
    line after the list copy is the next list item or an introduction, not its answer)."""
    answered: dict[tuple[str, str, str], ClaimRow] = {}
    for row in rows:
        if row.context_cue in ("answered yes", "answered no") and not row.sentence.startswith("•"):
            answered.setdefault((row.kind, row.vocab_id, row.sentence.lower()), row)
    if not answered:
        return
    for i, row in enumerate(rows):
        if row.sentence.startswith("•") and row.context_cue in ("question", "answered yes", "answered no"):
            found = answered.get((row.kind, row.vocab_id, row.sentence.lstrip("• ").lower()))
            if found is not None and found.start > row.start:
                rows[i] = replace(row, context=found.context, context_cue=found.context_cue)


def _own_evidence(rows: list[ClaimRow], candidates: list[int], nav_start: int | None) -> None:
    """A sentence citing the field's evidence ("Studies have shown that stem cells taken from fat slow the
    scarring", "A growing body of data suggests that stem cell injections work for joint pain") about a product
    the page presents elsewhere in its text (counted outside the navigation) is the page's own education voice:
    its mentions count as hedged (the coding manual: a product the page offers is not made someone else's by a
    research sentence); a cell source such a sentence names for the page's unnamed "stem cells" is their source.
    A sentence about a product the page does not otherwise present stays research."""
    limit = nav_start if nav_start is not None else float("inf")
    presented = {r.vocab_id for r in rows if r.kind == "product_type" and r.context in ("asserted", "hedged")
                 and r.start < limit}
    if not presented:
        return
    by_sentence: dict[int, list[int]] = {}
    for i in candidates:
        by_sentence.setdefault(rows[i].sent_start, []).append(i)
    products: dict[int, set[str]] = {}
    for r in rows:
        if r.kind == "product_type" and r.context != "negated" and r.sent_start in by_sentence:
            products.setdefault(r.sent_start, set()).add(r.vocab_id)
    generic = "unspecified_stem_cell" in presented  # the page's "stem cells": a source the evidence names is theirs
    for start, members in by_sentence.items():
        named = products.get(start, set())
        if not (named & presented or (generic and named & CELL_SOURCES)) or rows[members[0]].start >= limit:
            continue
        for i in members:
            rows[i] = replace(rows[i], context="hedged", context_cue=OWN_EVIDENCE + (rows[i].context_cue or ""))


class ContextComponent:
    def __init__(self, nlp: Language, name: str, rules_path: str = ""):
        self.nlp = nlp
        self.name = name
        self.rules_path = rules_path
        self.rules: list[ContextRule] = []
        self._phrases: PhraseMatcher | None = None
        self._tokens: TokenPatternMatcher | None = None
        self._rule_of: dict[int, ContextRule] = {}
        self._bullet = nlp.vocab.strings.add("•")
        self._comma = nlp.vocab.strings.add(",")
        self._paren = nlp.vocab.strings.add("(")
        self._openers: frozenset[int] = frozenset()
        self._denials: frozenset[int] = frozenset()
        self._qualifiers: frozenset[int] = frozenset()
        self.answers: QuestionAnswers | None = None

    def initialize(self, get_examples=None, *, nlp: Language | None = None, rules_path: str | None = None) -> None:
        path = rules_path or self.rules_path or None
        self._set(load_context_rules(path))
        folder = Path(path).parent if path else lexicon_dir()
        self.answers = QuestionAnswers.load(folder / ANSWERS_FILE)
        strings = self.nlp.vocab.strings
        classes = load_word_classes(folder)
        self._openers = frozenset(strings.add(w) for w in classes.get(CLAUSE_OPENERS, ()))
        self._denials = frozenset(strings.add(w) for w in classes.get(CLAUSE_DENIALS, ()))
        self._qualifiers = frozenset(strings.add(w) for w in classes.get(EVIDENCE_QUALIFIERS, ()))

    def _set(self, rules: list[ContextRule]) -> None:
        self.rules = rules
        self._phrases = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        self._tokens = TokenPatternMatcher(self.nlp.vocab)
        self._rule_of = {}
        literals: dict[str, list[str]] = {}
        for i, rule in enumerate(rules):
            key = f"clinicscan_ctx_{i}"
            self._rule_of[self.nlp.vocab.strings.add(key)] = rule
            if rule.literal is not None:
                literals[key] = [rule.literal]
            else:
                self._tokens.add(key, rule.pattern)
        for key, docs in phrase_group_docs(self.nlp.tokenizer, literals).items():
            self._phrases.add(key, docs)

    # -- the decision ------------------------------------------------------------------
    def _lead_in_positions(self, arrays, mentions) -> list[int]:
        """Where the lines introducing bulleted lists with mentions start."""
        starts, orth, bullet, sentence_of = arrays.starts, arrays.orth, self._bullet, arrays.sentence_of
        heads = _line_heads(arrays)
        positions = []
        seen = set()  # a sentence's lead-in is the same for each of its mentions (positions are a set to _cues)
        for m in mentions:
            si = sentence_of[m.start]
            if si in seen:
                continue
            seen.add(si)
            if orth[starts[heads[si]]] != bullet:
                continue
            j = self._intro_line(arrays, si)
            if j >= 0:
                positions.append(starts[j])
        return positions

    def _intro_line(self, arrays, si: int) -> int:
        """The sentence above the list item ``si`` that introduces its list (-1 when none): the nearest
        sentence that is neither a list item nor a later sentence on a list item's line ("• Lee K. Title.
        Journal 2020;9:12." is one item of three sentences)."""
        starts, orth, bullet = arrays.starts, arrays.orth, self._bullet
        heads = _line_heads(arrays)
        j = si - 1
        while j >= 0:
            head = heads[j]
            if orth[starts[head]] != bullet:
                return j
            j = head - 1
        return -1

    def _cues(self, doc: Doc, arrays, positions: list[int], mention_ends: set[tuple[str, int]]):
        """Cues in the sentences that hold mentions or introduce their lists (the only ones that matter)."""
        ranges = sentence_ranges_of(arrays, positions)
        inside = bytearray(arrays.n)  # the tokens of the ranges (``range_mask(ranges).tobytes()``, in Python)
        for lo, hi in ranges:
            inside[lo:hi] = b"\x01" * (hi - lo)
        # one PhraseMatcher call over the page is cheaper than one per sentence
        found = [m for m in self._phrases(doc) if inside[m[1]]]
        found.extend(self._tokens(doc, ranges))
        rule_of = self._rule_of
        cues, pseudo, terminators = [], [], set()
        opens: dict[int, tuple[int, int]] = {}  # terminator -> the cue ends whose complement clause it sits in
        for key, s, e in found:
            rule = rule_of[key]
            category = rule.category
            if category == "pseudo":
                pseudo.append((s, e))
            elif category == "terminate":
                terminators.add(s)
                if rule.complement and s > 0 and arrays.texts[arrays.lower[s - 1]] in rule.complement:
                    # the cue ends with "that", right before it, or a verb or two before it ("nobody can promise that")
                    ends = [s, s - 1]
                    for gap in (s - 2, s - 3):
                        if gap < 0 or arrays.is_punct[gap]:
                            break
                        ends.append(gap)
                    opens[s] = tuple(ends)
            elif category in _PRIORITY and (rule.after_kind is None or (rule.after_kind, s) in mention_ends):
                cues.append((rule, s, e))
        if pseudo:
            cancelled = bytearray(arrays.n)  # tokens under a pseudo cue; a cue overlapping one is cancelled
            for ps, pe in pseudo:
                cancelled[ps:pe] = b"\x01" * (pe - ps)
            cues = [(r, s, e) for r, s, e in cues if cancelled.find(1, s, e) < 0]
        if self._openers:
            terminators.update(self._clause_ends(arrays, ranges))
        cues.sort(key=lambda c: c[1])
        # a terminator that a complement clause may hold comes as (position, allowed cue ends)
        return cues, sorted(terminators), opens

    def _clause_ends(self, arrays, ranges) -> list[int]:
        """The comma closing a sentence's leading subordinate clause that holds a denial ("When exercise
        has not helped, PRP is injected"): the denial belongs to the clause and does not reach the main
        clause (nor a cue after the comma the clause). Clauses without a denial are left alone: their
        commas are often appositions ("Since a different treatment, PRP, is disputed")."""
        lower, orth, openers, comma, bullet = arrays.lower, arrays.orth, self._openers, self._comma, self._bullet
        denials = self._denials
        starts, n, sentence_of = arrays.starts, arrays.n, arrays.sentence_of
        ends = []
        for r0, r1 in ranges:
            si = sentence_of[r0]
            while si < len(starts) and starts[si] < r1:
                s0 = starts[si]
                s1 = starts[si + 1] if si + 1 < len(starts) else n
                si += 1
                first = s0 + 1 if orth[s0] == bullet and s0 + 1 < s1 else s0
                if lower[first] not in openers:
                    continue
                denied = False
                for i in range(first + 1, s1 - 1):
                    if orth[i] == comma:
                        if denied:
                            ends.append(i)
                        break
                    denied = denied or lower[i] in denials
        return ends

    @staticmethod
    def _blocked(terminators: list[int], lo: int, hi: int, opens=None) -> bool:
        """A terminator in [lo, hi), other than one inside the complement clause of a cue ending at lo."""
        i = bisect_left(terminators, lo)
        while i < len(terminators) and terminators[i] < hi:
            if not opens or lo not in opens.get(terminators[i], ()):
                return True
            i += 1
        return False

    def _decide(self, cues, terminators, kind: str, start: int, end: int, s0: int, s1: int, vocab_id: str = "",
                opens=None):
        """The strongest applicable cue among ``cues`` (those of the sentence [s0, s1))."""
        best = None
        for rule, cs, ce in cues:
            if cs < s0 or cs >= s1:
                continue
            if kind not in rule.kinds or (cs < end and start < ce) or (rule.not_ids and vocab_id in rule.not_ids):
                continue
            if rule.direction == "forward":
                if not (ce <= start and start - ce <= rule.max_scope and not self._blocked(terminators, ce, start, opens)):
                    continue
                distance = start - ce
            elif rule.direction == "backward":
                if not (cs >= end and cs - end <= rule.max_scope and not self._blocked(terminators, end, cs)):
                    continue
                distance = cs - end
            else:
                distance = abs(cs - start) + 50
            rank = (_PRIORITY[rule.category], -distance)
            if best is None or rank > best[0]:
                best = (rank, rule.category, (cs, ce), rule)
        return best

    def __call__(self, doc: Doc) -> Doc:
        if self._phrases is None:
            self.initialize()
        mentions = doc._.clinicscan_mentions or []
        rows: list[ClaimRow] = []
        if not mentions:
            doc._.clinicscan_claims = rows
            return doc
        arrays = TokenArrays.of(doc)
        starts, n, sentence_of = arrays.starts, arrays.n, arrays.sentence_of
        mention_ends = {(m.kind, end) for m in mentions for end in (m.end, m.end + 1)}  # allow one token between
        cues, terminators, opens = self._cues(doc, arrays, [m.start for m in mentions] + self._lead_in_positions(arrays, mentions),
                                       mention_ends)
        text = doc.user_data.get("clinicscan_text")
        if text is None or len(text) != arrays.char_end(n - 1) + _trailing_space(doc):
            text = doc.text
        idx, orth, strings, bullet = arrays.idx, arrays.orth, arrays.texts, self._bullet
        heads = _line_heads(arrays)
        by_sentence: dict[int, list] = {}
        for cue in cues:
            by_sentence.setdefault(sentence_of[cue[1]], []).append(cue)
        lead_in_cache: dict[tuple, tuple | None] = {}
        answer_cache: dict[int, str | None] = {}
        sentences: dict[int, tuple[int, int, str, bool]] = {}
        decide = self._decide
        text_length = len(text)
        paren = self._paren
        previous: tuple | None = None  # (kind, vocab_id, end token, row) of the last mention
        evidence_rows: list[int] = []  # rows reported only because their sentence cites evidence ("studies have")
        for m in mentions:
            start, end, kind = m.start, m.end, m.kind
            if previous is not None and previous[2] + 1 == start and orth[previous[2]] == paren \
                    and previous[0] == kind and previous[1] == m.vocab_id:
                # "platelet-rich plasma (PRP)": the abbreviation is the same mention, in the same context
                row = previous[3]
                c0 = idx[start]
                c1 = idx[end - 1] + len(strings[orth[end - 1]])
                rows.append(ClaimRow(m.kind, m.vocab_id, m.detail_id, text[c0:c1], c0, c1, row.sentence, row.sent_start,
                                     row.sent_end, row.context, row.context_cue))
                if evidence_rows and evidence_rows[-1] == len(rows) - 2:
                    evidence_rows.append(len(rows) - 1)
                previous = (kind, m.vocab_id, end, rows[-1])
                continue
            si = sentence_of[start]
            s0 = starts[si]
            s1 = starts[si + 1] if si + 1 < len(starts) else n
            sentence_cues = by_sentence.get(si)
            best = decide(sentence_cues, terminators, kind, start, end, s0, s1, m.vocab_id, opens) if sentence_cues else None
            if (best is None or best[1] == "hedged") and orth[starts[heads[si]]] == bullet:
                inherited = self._lead_in(arrays, si, by_sentence, terminators, kind, lead_in_cache)
                if inherited is not None:
                    best = inherited
            c0 = idx[start]
            c1 = idx[end - 1] + len(strings[orth[end - 1]])
            sentence_info = sentences.get(si)
            if sentence_info is None:
                a, b = idx[s0], idx[s1 - 1] + len(strings[orth[s1 - 1]])
                sentence = text[a:b]
                stripped = sentence.strip()
                a += len(sentence) - len(sentence.lstrip())
                sentence_info = sentences[si] = (a, a + len(stripped), stripped, _is_open_question(stripped),
                                                 _asks(stripped))
            a, b, stripped, is_question, asks = sentence_info
            if asks and kind == "red_flag":
                is_question = True
            context, cue = "asserted", None
            if best is None or best[1] == "hedged":
                # _scare_quoted(text, c0, c1), inline: it runs for nearly every mention
                if 0 < c0 and c1 < text_length and text[c0 - 1] in _QUOTES and text[c1] in _QUOTES and c1 - c0 < 40:
                    best = ((2, 0), "reported", None, None)
                    cue = "scare quotes"
                elif is_question:
                    answer = self._answer(arrays, si, kind, answer_cache)
                    if answer == "yes":
                        cue = "answered yes"
                    elif answer == "no":
                        best = ((3, 0), "negated", None, None)
                        cue = "answered no"
                    else:
                        best = ((2, 0), "reported", None, None)
                        cue = "question"
            if best is not None:
                if best[2] is not None:
                    cs, ce = best[2]
                    cue = text[idx[cs]:idx[ce - 1] + len(strings[orth[ce - 1]])]
                context = best[1]
                if context == "reported" and best[3] is not None and best[3].evidence and not is_question \
                        and s0 <= best[2][0] < s1 \
                        and self._only_evidence(arrays, sentence_cues, terminators, m, s0, s1, opens):
                    evidence_rows.append(len(rows))
            rows.append(ClaimRow(m.kind, m.vocab_id, m.detail_id, text[c0:c1], c0, c1, stripped, a, b, context, cue))
            previous = (kind, m.vocab_id, end, rows[-1])
        if evidence_rows:
            _own_evidence(rows, evidence_rows, doc.user_data.get("clinicscan_nav_start"))
        if answer_cache and any(v is not None for v in answer_cache.values()):
            _answer_listed_questions(rows)
        doc._.clinicscan_claims = rows
        return doc

    def _only_evidence(self, arrays, sentence_cues, terminators, m, s0: int, s1: int, opens) -> bool:
        """The mention is reported only because its sentence cites evidence in general: no other reported or
        negated cue applies to it, and no word makes the evidence weak, negative or future ("some data",
        "early studies", "not yet", "in mice")."""
        lower, qualifiers = arrays.lower, self._qualifiers
        if any(lower[i] in qualifiers for i in range(s0, s1)):
            return False
        rest = [c for c in sentence_cues if not c[0].evidence]
        other = self._decide(rest, terminators, m.kind, m.start, m.end, s0, s1, m.vocab_id, opens) if rest else None
        return other is None or other[1] == "hedged"

    def _answer(self, arrays, si: int, kind: str, cache: dict) -> str | None:
        """"yes" / "no" when the sentence after question ``si`` answers it (``QuestionAnswers``)."""
        answers = self.answers
        if answers is None or kind not in answers.kinds:
            return None
        if si not in cache:
            starts, n = arrays.starts, arrays.n
            verdict = None
            if si + 1 < len(starts):
                q0, a0 = starts[si], starts[si + 1]
                a1 = starts[si + 2] if si + 2 < len(starts) else n
                # the tokens' lower-case forms (a lexeme's LOWER is its text's str.lower()), read from the columns
                strings, lower = arrays.texts, arrays.lower
                question = [strings[w] for w in lower[q0:a0]]
                answer = [w for w in (strings[w] for w in lower[a0:min(a1, a0 + 12)]) if not w.isspace()]
                verdict = answers.decide(question, answer)
            cache[si] = verdict
        return cache[si]

    def _lead_in(self, arrays, si, by_sentence, terminators, kind, cache):
        """Context a list item inherits from the line that introduces its list.

        The introducing line is the nearest line above that is not a list item, when it ends
        with ":" or "?" or is a heading (no final punctuation): "Conditions we do not treat:",
        "Who is not a candidate?", "Contraindications".
        """
        starts = arrays.starts
        j = self._intro_line(arrays, si)
        if j < 0:
            return None
        key = (j, kind)
        if key not in cache:
            s0 = starts[j]
            s1 = starts[j + 1]
            last = s1 - 1
            while last > s0 and arrays.text(last).isspace():
                last -= 1
            result = None
            if arrays.text(last) in (":", "?") or not arrays.is_punct[last]:
                result = self._decide(by_sentence.get(j, ()), terminators, kind, last + 1, last + 1, s0, s1 + 1)
                if result is not None and result[1] == "hedged":
                    result = None
            cache[key] = result
        return cache[key]

    def to_disk(self, path, exclude=()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        if self._phrases is None:
            self.initialize()
        (path / "rules.jsonl").write_text("\n".join(json.dumps(r.to_dict()) for r in self.rules) + "\n", encoding="utf-8")

    def from_disk(self, path, exclude=()) -> "ContextComponent":
        self._set(load_context_rules(Path(path) / "rules.jsonl"))
        return self


@Language.factory("clinicscan_context", default_config={"rules_path": ""},
                  requires=["doc._.clinicscan_mentions", "token.is_sent_start"],
                  assigns=["doc._.clinicscan_claims"])
def make_context(nlp: Language, name: str, rules_path: str) -> ContextComponent:
    return ContextComponent(nlp, name, rules_path)
