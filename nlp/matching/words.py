"""Dense numbers for word ids, and per-word tables gathered by them.

A value that depends only on the word (an anchor-word test, a first-token test, a block
flag) is computed once per distinct word and then read for a whole Doc with one numpy
gather, instead of once per token in Python.
"""

from __future__ import annotations

from typing import Callable

import numpy

__all__ = ["WORDS", "WordIndex", "WordTable"]


class WordIndex:
    """Dense numbers for word ids, so per-word tables are small arrays indexed by them.

    Word ids are 64-bit hashes; their low bits make a direct-address table (one gather and
    one compare a page: numpy.searchsorted and numpy.isin cost about 60 ns a token). A word
    whose slot another word holds goes to a small dict. Past ``limit`` words the index
    starts again (a long crawl meets an endless supply of names and numbers) and its
    ``generation`` tells the tables to start again too.
    """

    def __init__(self, bits: int = 18, limit: int = 400_000):
        self.mask = (1 << bits) - 1
        self.limit = limit
        self.generation = 0
        self.clear()

    def clear(self) -> None:
        size = self.mask + 1
        self.slot_words = numpy.zeros(size, dtype="uint64")
        self.slot_ids = numpy.full(size, -1, dtype="int64")
        self.extra: dict[int, int] = {}
        self.words: list[int] = []  # dense number -> word id
        self.generation += 1

    def ids(self, words):
        """The dense number of each word id of the numpy uint64 array ``words`` (new ones numbered)."""
        slots = (words & numpy.uint64(self.mask)).astype(numpy.intp)
        ids = self.slot_ids[slots]
        known = (ids >= 0) & (self.slot_words[slots] == words)
        if known.all():
            return ids
        if len(self.words) > self.limit:
            self.clear()
            return self.ids(words)
        for i, word in zip(numpy.flatnonzero(~known).tolist(), words[~known].tolist()):
            ids[i] = self._number(word)
        return ids

    def _number(self, word: int) -> int:
        """The dense number of one word id, numbering it if it is new."""
        slot = word & self.mask
        held = int(self.slot_ids[slot])
        if held >= 0 and self.words[held] == word:
            return held
        number = self.extra.get(word)
        if number is None:
            number = len(self.words)
            self.words.append(word)
            if held < 0:
                self.slot_ids[slot], self.slot_words[slot] = number, word
            else:
                self.extra[word] = number
        return number


#: one index per process: word ids are string hashes, the same in every Vocab
WORDS = WordIndex()


#: at most this many new word tokens on a page: their numbers sorted in Python, not by numpy.unique
_FEW = 64


class WordTable:
    """A value per word, computed once per word (``compute(word_id) -> value``), for whole Docs at once.

    Values are computed only for words of the Docs looked up (``compute`` may read the
    Doc's Vocab, which knows nothing of other pipelines' words).
    """

    def __init__(self, compute: Callable[[int], int], dtype: str = "uint8"):
        self.compute = compute
        self.values = numpy.zeros(0, dtype=dtype)
        self.known = numpy.zeros(0, dtype=bool)
        self.generation = WORDS.generation

    def lookup(self, ids):
        """The value of each word of ``ids``, dense numbers from ``WORDS.ids`` (TokenArrays.word_ids)."""
        if self.generation != WORDS.generation:
            self.values, self.known, self.generation = self.values[:0], self.known[:0], WORDS.generation
        count = len(WORDS.words)
        if self.values.size < count:
            self._grow(max(count, 2 * self.values.size, 1024))
        new = ids[~self.known[ids]]
        if len(new):
            # the new words' values converted in one call and stored with one scatter (element by element,
            # numpy's scalar stores cost more than many of the tests computed), computed in word number order;
            # a page's few new words (a name, a number) are sorted in Python (numpy.unique costs ~10 us a call)
            words, compute = WORDS.words, self.compute
            numbers = sorted(set(new.tolist())) if len(new) <= _FEW else numpy.unique(new).tolist()
            self.values[numbers] = numpy.fromiter((compute(words[number]) for number in numbers),
                                                  dtype=self.values.dtype, count=len(numbers))
            self.known[numbers] = True
        return self.values[ids]

    def _grow(self, size: int) -> None:
        grown = numpy.zeros(size, dtype=self.values.dtype)
        grown[:self.values.size] = self.values
        known = numpy.zeros(size, dtype=bool)
        known[:self.known.size] = self.known
        self.values, self.known = grown, known
