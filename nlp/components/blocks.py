"""``clinicscan_blocks``: every line of the page text starts a sentence.

The text keeps one block (paragraph, heading, list item) per line. This component runs
before the sentencizer and marks the first token of each line as a sentence start (and the line
break itself and the token after a leading "•" as not one, since the sentencizer would otherwise start the item's
sentence after the bullet). The sentencizer keeps these marks and splits inside lines.
Numpy over the ORTH column: no Python loop over tokens.
"""

from __future__ import annotations

import numpy
from spacy.attrs import ORTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc


class BlocksComponent:
    def __init__(self, nlp: Language, name: str):
        self.name = name
        self.bullet = nlp.vocab.strings.add("•")

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if n < 2:
            return doc
        orth = doc.to_array([ORTH]).reshape(-1)
        unique, inverse = numpy.unique(orth, return_inverse=True)
        strings = doc.vocab.strings
        newline = numpy.fromiter(("\n" in strings[int(h)] for h in unique.tolist()), dtype=bool, count=len(unique))
        is_newline = newline[inverse.reshape(-1)]
        flags = numpy.zeros(n, dtype="int32")
        flags[is_newline] = -1  # the line break ends the line before; it never starts a sentence
        after = numpy.flatnonzero(is_newline[:-1]) + 1
        after = after[~is_newline[after]]
        flags[after] = 1
        flags[0] = 1
        starts = numpy.flatnonzero(flags == 1)
        bulleted = starts[(orth[starts] == self.bullet) & (starts + 1 < n)]
        flags[bulleted + 1] = -1
        doc.from_array([SENT_START], flags.reshape(-1, 1).astype("uint64"))
        return doc


@Language.factory("clinicscan_blocks", assigns=["token.is_sent_start"])
def make_blocks(nlp: Language, name: str) -> BlocksComponent:
    return BlocksComponent(nlp, name)
