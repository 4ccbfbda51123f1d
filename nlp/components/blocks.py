"""``clinicscan_blocks``: sentence boundaries, every line starting one.

The text keeps one block (paragraph, heading, list item) per line, and a claim never runs
across blocks, so the first token of each line starts a sentence (the line break itself and
the token after a leading "•" never do). Inside a line, sentences split by the rule of
spaCy's ``sentencizer`` (the first token that is neither punctuation nor a sentence-final
character after a sentence-final character), which this component replaces: the same
boundaries, computed with numpy over the ORTH column instead of a Python loop over Token
objects (the sentencizer cost about 1.8x the tokenizer). The token columns read here are
kept as the Doc's ``TokenArrays`` for the components after it.

An ellipsis ("...", "…") before a word with a capital ends a sentence as a full stop does
("Results in weeks... We treat knees"): the sentencizer knows only single characters.

One exception to the rule: the full stop of "et al." ends no sentence (a citation goes on with
its year, title and journal: "Lee J, et al. Adipose cells in knee arthritis. J Orthop Res."),
unless the next word opens a sentence of the page's own (``_OPENERS``: "... by Lee et al. We
treat ...").

Nor does the full stop of the abbreviation "No." before a number, after a word ("Licence no. 22/041,
issued by the Ministry of Health", "COFEPRIS permit No. 1733"): the number goes on the same sentence.
A "No." after punctuation or at a line's start is an answer ("Do I need surgery? No. 9 of 10 ...").
"""

from __future__ import annotations

import numpy
from spacy.attrs import IDX, ORTH, SENT_START
from spacy.language import Language
from spacy.pipeline.sentencizer import Sentencizer
from spacy.tokens import Doc

import clinicscan.nlp.matching as matching
from clinicscan.nlp.matching import TokenArrays, WordTable

_NEWLINE, _FINAL, _PUNCT, _ELLIPSIS, _CAPITAL = 1, 2, 4, 8, 16
#: words that open a new sentence after "et al." ("... as Lee et al. showed. We treat ...")
_OPENERS = ("we", "our", "i", "my", "you", "your", "this", "these", "they", "it", "at", "here", "however", "but",
            "so", "there", "that", "if", "call", "contact", "book", "ask")


class BlocksComponent:
    def __init__(self, nlp: Language, name: str):
        self.name = name
        self.bullet = nlp.vocab.strings.add("•")
        self.punct_chars = frozenset(Sentencizer.default_punct_chars)
        self._vocab = nlp.vocab
        self._flags = WordTable(lambda orth: self._flag(self._vocab, orth))  # flags per word, kept
        self._lower = WordTable(lambda orth: self._vocab[orth].lower, dtype="uint64")
        strings = nlp.vocab.strings
        self._et, self._al, self._dot = strings.add("et"), strings.add("al"), strings.add(".")
        self._openers = frozenset(strings.add(w) for w in _OPENERS)
        self._no = strings.add("no")

    def _flag(self, vocab, orth: int) -> int:
        lexeme = vocab[orth]
        text = lexeme.orth_
        return (_NEWLINE if "\n" in text else 0) | (_FINAL if text in self.punct_chars else 0) \
            | (_PUNCT if lexeme.is_punct else 0) | (_ELLIPSIS if text.strip(".\u2026") == "" and len(text) > 1
                                                    or text == "\u2026" else 0) \
            | (_CAPITAL if text[:1].isupper() else 0)

    def __call__(self, doc: Doc) -> Doc:
        # (``x.nonzero()[0]`` for ``numpy.flatnonzero(x)`` on these one-dimensional arrays: the same indices
        # without flatnonzero's Python-level ravel, ~1.5 us a call on every page)
        n = len(doc)
        if n == 0:
            return doc
        table = doc.to_array([ORTH, IDX])
        orth = table[:, 0]
        words = matching.WORDS.ids(orth)
        self._vocab = doc.vocab
        # each word's lower-case form from a table: cheaper than the LOWER column of to_array
        arrays = TokenArrays(doc, columns=(orth, self._lower.lookup(words), table[:, 1]), starts=[0])
        arrays._word_ids, arrays._word_generation = words, matching.WORDS.generation
        bits = self._flags.lookup(words)
        is_newline = (bits & _NEWLINE).astype(bool)
        # the blocks: lines start sentences, line breaks and the token after a bullet do not
        flags = numpy.zeros(n, dtype="int64")
        flags[is_newline] = -1
        after = is_newline[:-1].nonzero()[0] + 1
        after = after[~is_newline[after]]
        flags[after] = 1
        flags[0] = 1
        starts = (flags == 1).nonzero()[0]
        bulleted = starts[(orth[starts] == self.bullet) & (starts + 1 < n)]
        flags[bulleted + 1] = -1
        # the sentencizer's rule where the blocks leave a token unset: a token that is neither
        # punctuation nor sentence-final starts a sentence when a sentence-final character
        # stands between it and the previous such token
        final = (bits & _FINAL).astype(bool)
        # an ellipsis before a capital ends a sentence ("Results in weeks... Our team calls you")
        ellipses = (bits[:-1] & _ELLIPSIS).nonzero()[0]
        if len(ellipses):
            final[ellipses[(bits[ellipses + 1] & _CAPITAL) != 0]] = True
        self._et_al(orth, arrays.lower_np, final, n)
        self._number_abbreviation(orth, arrays.lower_np, final, n)
        plain = ((bits & (_FINAL | _PUNCT)) == 0).nonzero()[0]
        finals_before = numpy.concatenate(([0], numpy.cumsum(final)))
        previous = numpy.concatenate(([-1], plain[:-1]))
        guessed = plain[finals_before[plain] - finals_before[previous + 1] > 0]
        guess = numpy.full(n, -1, dtype="int64")
        guess[0] = 1
        guess[guessed] = 1
        flags = numpy.where(flags != 0, flags, guess)
        doc.from_array([SENT_START], flags.reshape(-1, 1).astype("uint64"))
        arrays.starts = (flags == 1).nonzero()[0].tolist()
        doc.user_data["clinicscan_arrays"] = arrays
        return doc

    def _et_al(self, orth, lower, final, n: int) -> None:
        """Clear the sentence-final flag of the "." in "et al." unless a sentence opener follows."""
        als = (lower[1:n - 1] == self._al).nonzero()[0] + 1
        if not len(als):
            return
        als = als[(lower[als - 1] == self._et) & (orth[als + 1] == self._dot)]
        for at in als.tolist():
            after = at + 2
            while after < n and final[after]:
                after += 1
            if after < n and int(lower[after]) in self._openers:
                continue
            final[at + 1] = False


    def _number_abbreviation(self, orth, lower, final, n: int) -> None:
        """Clear the sentence-final flag of the "." in "no. 22/041" after a word ("Licence no. 22")."""
        nos = (lower[1:n - 2] == self._no).nonzero()[0] + 1
        if not len(nos):
            return
        strings = self._vocab.strings
        for at in nos[orth[nos + 1] == self._dot].tolist():
            before, after = strings[int(orth[at - 1])], strings[int(orth[at + 2])]
            if before.isalpha() and any(c.isdigit() for c in after):
                final[at + 1] = False


@Language.factory("clinicscan_blocks", assigns=["token.is_sent_start"])
def make_blocks(nlp: Language, name: str) -> BlocksComponent:
    return BlocksComponent(nlp, name)
