"""Token patterns are checked against spaCy's own schema when they are read.

A typo in a lexicon, context-rule or offer-cue pattern (``{"LOWR": "knee"}``) then ends in
a LexiconError naming the file and line, instead of a traceback from deep in the matcher
when the pipeline is built. spaCy's validator costs about 0.2 ms a pattern (under 50 ms for
the shipped files).
"""

from __future__ import annotations

from spacy.schemas import validate_token_pattern

from clinicscan.errors import LexiconError

__all__ = ["check_token_pattern"]

_HINT = ("token keys are spaCy Matcher attributes (ORTH, TEXT, LOWER, LEMMA, IS_PUNCT, LIKE_NUM, "
         "IS_SENT_START, ...) and OP")


def check_token_pattern(pattern: list, where: str) -> list:
    """``pattern`` unchanged, or LexiconError "file:line: token N: <problem>" for a bad one."""
    problems = validate_token_pattern(pattern)
    if not problems:
        return pattern
    readable = []
    for problem in problems[:3]:
        # spaCy writes "[pattern -> 0 -> LOWR] Extra inputs are not permitted"
        place, _, message = problem.partition("] ")
        steps = place.strip("[").split(" -> ")
        if len(steps) >= 2 and steps[1].isdigit():
            token = f"token {int(steps[1]) + 1}"
            if len(steps) >= 3 and message.startswith("Extra inputs"):
                readable.append(f"{token}: unknown key {steps[2]!r}")
            else:
                key = f" key {steps[2]!r}" if len(steps) >= 3 else ""
                readable.append(f"{token}{key}: {message or problem}")
        else:
            readable.append(problem)
    raise LexiconError(f"{where}: not a valid token pattern ({'; '.join(readable)}); {_HINT}")
