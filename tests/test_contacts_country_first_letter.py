"""A country's name after a separator: the first letter is looked at once before the names' branches
(issue 8 item 6: ~25 branches tried at every comma and line end), with the same matches."""

from __future__ import annotations

import re

from clinicscan.nlp.contacts import intl_addresses

TEXTS = ["Clinic Road 4, Limassol, Cyprus © 2024", "Visit us in Tijuana, México.\nMexico", ", cyprus", "; UNITED KINGDOM",
         ",  Côte d'Ivoire", ", UK.", "| Deutschland", "— Türkiye –", ", The Bahamas", ",\tPanama", "Mexico",
         ", \u212aenya", ", \u017fweden", ",Nassau, Bahamas\n", "Treatment in Panama City, Panama, and Cancún, Mexico.",
         "Our clinic, knee pain, hip pain, sciatica\nLisbon, Portugal", "", ",", "\n, ,\n"]


def test_the_first_letter_test_changes_no_match():
    after_separator, at_start = intl_addresses._anchor_regex()
    lookahead = re.search(r"\(\?=\(\?i:\[[^\]]*\]\)\)", after_separator.pattern).group(0)
    without = [re.compile(r.pattern.replace(lookahead, ""), re.M) for r in (after_separator, at_start)]
    found = 0
    for text in TEXTS:
        for new, old in zip((after_separator, at_start), without):
            spans = [(m.start("country"), m.end(), m.group("country")) for m in new.finditer(text)]
            assert spans == [(m.start("country"), m.end(), m.group("country")) for m in old.finditer(text)], text
            found += len(spans)
    assert found >= 12
