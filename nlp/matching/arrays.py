"""A Doc's token columns as plain lists and numpy arrays, read once per Doc.

The matcher and the components read token values from ``doc.to_array`` columns instead of
Token objects (creating a Token costs more than the test made on it), and share them
through ``doc.user_data`` (``TokenArrays.of``).
"""

from __future__ import annotations

import numpy
from spacy.attrs import IDX, LOWER, ORTH, SENT_START
from spacy.tokens import Doc

from clinicscan.nlp.matching import words

__all__ = ["LexemeFlag", "TokenArrays", "Texts", "sentence_ranges", "sentence_ranges_of", "sentence_starts",
           "texts_of"]


class Texts(dict):
    """Word id -> its text, each read from the StringStore once (``StringStore[id]`` decodes a new str at
    every call: ~4% of the mentions component went to it). ``texts[id]`` is ``strings[id]``, KeyError included."""

    __slots__ = ("strings",)

    def __init__(self, strings):
        super().__init__()
        self.strings = strings

    def __missing__(self, word: int) -> str:
        if len(self) >= _MOST_TEXTS:  # a long crawl meets an endless supply of names and numbers: start again
            self.clear()
        text = self[word] = self.strings[word]
        return text


#: words one Texts keeps before it starts again
_MOST_TEXTS = 400_000
#: one Texts per StringStore (by id; the Texts holds its StringStore, so the id is never reused)
_TEXTS: dict[int, Texts] = {}


def texts_of(strings) -> Texts:
    """The Texts of a StringStore (a Vocab's ``strings``), made on first use and kept."""
    texts = _TEXTS.get(id(strings))
    if texts is None:
        texts = _TEXTS[id(strings)] = Texts(strings)
    return texts


class LexemeFlag:
    """A lexeme flag column read on demand: most tokens are never asked. Each word's flag is read from its
    lexeme once per process (the cache is the Vocab's, ``flag_cache``), not once per Doc."""

    def __init__(self, arrays: "TokenArrays", name: str):
        self.arrays = arrays
        self.name = name
        self.cache: dict[int, bool] = flag_cache(arrays.vocab, name)

    def __getitem__(self, i: int) -> bool:
        orth = self.arrays.orth[i]
        value = self.cache.get(orth)
        if value is None:
            if len(self.cache) >= _MOST_TEXTS:  # a long crawl meets an endless supply of words: start again
                self.cache.clear()
            value = self.cache[orth] = bool(getattr(self.arrays.vocab[orth], self.name))
        return value


#: (id of a Vocab, flag name) -> (the Vocab, word id -> the flag): held with its Vocab, so the id is not reused
_FLAGS: dict[tuple[int, str], tuple[object, dict[int, bool]]] = {}


def flag_cache(vocab, name: str) -> dict[int, bool]:
    """Word id -> the lexeme flag ``name`` of the word in ``vocab``, filled by LexemeFlag, kept per process."""
    held = _FLAGS.get((id(vocab), name))
    if held is None:
        held = _FLAGS[id(vocab), name] = (vocab, {})
    return held[1]


class TokenArrays:
    """The columns of a Doc the matchers and components read, built once per Doc."""

    def __init__(self, doc: Doc, table=None, starts: list[int] | None = None, columns=None):
        if columns is None:
            if table is None:
                table = doc.to_array([ORTH, LOWER, IDX, SENT_START]) if len(doc) else numpy.zeros((0, 4), dtype="uint64")
            columns = (table[:, 0], table[:, 1], table[:, 2])
        self.n = len(doc)
        self.vocab = doc.vocab
        self.strings = doc.vocab.strings
        #: ``strings`` for word ids, remembered (``Texts``)
        self.texts = texts_of(self.strings)
        self.orth_np, self.lower_np, idx = columns
        self.orth = self.orth_np.tolist()
        self.lower = self.lower_np.tolist()
        self.idx = idx.tolist()
        if starts is None:
            flags = table[:, 3].astype("int64")  # SENT_START: 1 start, -1 not, 0 unset
            starts = numpy.flatnonzero(flags == 1).tolist()
        if not starts or starts[0] != 0:
            starts.insert(0, 0)
        self.starts = starts
        self.like_num = LexemeFlag(self, "like_num")  # read only where a pattern asks
        self.is_punct = LexemeFlag(self, "is_punct")
        self._sentence_of: list[int] | None = None
        self._bounds_np = None
        self._word_ids = None
        self._word_generation = -1

    @classmethod
    def one_word(cls, vocab) -> "TokenArrays":
        """A one-token view whose word is set by ``show``: runs a token test on a word, not a Doc."""
        view = cls.__new__(cls)
        view.vocab, view.strings, view.n = vocab, vocab.strings, 1
        view.texts = texts_of(view.strings)
        view.like_num, view.is_punct = LexemeFlag(view, "like_num"), LexemeFlag(view, "is_punct")
        return view

    def show(self, word: int) -> None:
        """Make the one-token view (``one_word``) hold ``word``."""
        self.orth, self.lower = [word], [self.vocab[word].lower]

    @property
    def word_ids(self):
        """Each token's dense word number (``WORDS``), for WordTable lookups."""
        if self._word_ids is None or self._word_generation != words.WORDS.generation:
            self._word_ids = words.WORDS.ids(self.orth_np)
            self._word_generation = words.WORDS.generation
        return self._word_ids

    @property
    def bounds_np(self):
        """Sentence starts and the Doc's length, as a numpy array."""
        if self._bounds_np is None:
            self._bounds_np = numpy.asarray(self.starts + [self.n], dtype="int64")
        return self._bounds_np

    @property
    def sentence_of(self) -> list[int]:
        """The index (into ``starts``) of each token's sentence."""
        if self._sentence_of is None:
            marks = numpy.zeros(self.n, dtype="int64")
            marks[self.bounds_np[:-1]] = 1
            self._sentence_of = (numpy.cumsum(marks) - 1).tolist()
        return self._sentence_of

    def range_mask(self, ranges: list[tuple[int, int]]):
        """Boolean numpy mask of the tokens inside ``ranges`` (sorted, disjoint, not touching)."""
        steps = numpy.zeros(self.n + 1, dtype="int8")
        if ranges:
            bounds = numpy.asarray(ranges, dtype="int64")
            steps[bounds[:, 0]] = 1
            steps[bounds[:, 1]] -= 1
        return numpy.cumsum(steps[:-1]) > 0

    @classmethod
    def from_columns(cls, doc: Doc, table, starts: list[int]) -> "TokenArrays":
        """From ORTH, LOWER, IDX columns already read and the sentence starts already known."""
        return cls(doc, table, starts)

    @classmethod
    def of(cls, doc: Doc) -> "TokenArrays":
        cached = doc.user_data.get("clinicscan_arrays")
        if cached is None or cached.n != len(doc):
            cached = cls(doc)
            doc.user_data["clinicscan_arrays"] = cached
        return cached

    def char_start(self, i: int) -> int:
        return self.idx[i]

    def char_end(self, i: int) -> int:
        """End offset of token ``i`` (exclusive)."""
        return self.idx[i] + len(self.texts[self.orth[i]])

    def text(self, i: int) -> str:
        return self.texts[self.orth[i]]


def sentence_starts(doc: Doc) -> list[int]:
    """Token indices where sentences start (from the SENT_START column, read once per Doc)."""
    return TokenArrays.of(doc).starts


def sentence_ranges_of(arrays: TokenArrays, positions) -> list[tuple[int, int]]:
    """``sentence_ranges(arrays.starts, arrays.n, positions)`` for token positions of the Doc, read from the
    arrays' ``sentence_of`` in Python: a page's few dozen positions cost less so than a dozen numpy calls."""
    if not len(positions):
        return []
    sentence_of, bounds = arrays.sentence_of, arrays.starts + [arrays.n]
    ranges: list[tuple[int, int]] = []
    lo = hi = -1
    for si in sorted({sentence_of[p] for p in positions}):
        s0 = bounds[si]
        if s0 != hi:  # a range ends where the next sentence does not touch it
            if hi >= 0:
                ranges.append((lo, hi))
            lo = s0
        hi = bounds[si + 1]
    ranges.append((lo, hi))
    return ranges


def sentence_ranges(starts: list[int], length: int, positions) -> list[tuple[int, int]]:
    """Merged token ranges of the sentences that hold any of ``positions``."""
    if not len(positions):
        return []
    bounds = numpy.asarray(starts + [length])
    indices = numpy.unique(numpy.searchsorted(bounds, numpy.asarray(positions), side="right") - 1)
    lo, hi = bounds[indices], bounds[indices + 1]
    opens = numpy.flatnonzero(numpy.concatenate(([True], lo[1:] != hi[:-1])))  # a range ends where the next does not touch it
    closes = numpy.concatenate((opens[1:] - 1, [len(indices) - 1]))
    return list(zip(lo[opens].tolist(), hi[closes].tolist()))
