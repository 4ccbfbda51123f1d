"""Floors on the blind seller batches (tests/seller_blind_pages.py; issue 8, session "sellerpage").

The batches are pages of our own wording coded by the manual before the seller rules were changed
for them, so their accuracy is an honest figure for kinds of page the rules were not written on.
Batch one was then studied (its misses became categories with probes in
tests/test_nlp_probes_seller_pages.py); batch two was written after that and scored once.
"""

from __future__ import annotations

import pytest

from clinicscan.nlp.analyse import analyse_page
from seller_blind_pages import (BATCH_EIGHT, BATCH_FIVE, BATCH_FOUR, BATCH_NINE, BATCH_ONE, BATCH_SEVEN, BATCH_SIX,
                                BATCH_THREE, BATCH_TWO)

#: (least accuracy, most false sellers) per batch: the figure after session sellerpage, minus a page or two.
#: Batch one: 0.875 (5 false sellers) on main before, 0.975 (1) after it was studied. Batch two, scored once
#: after the fixes: 0.650 (4 false, 3 missed), the same as main; 0.800 (1 false, 3 missed) after three
#: categories read from it (fundraisers, Q&A sites, insurers), so its floor is no longer a blind figure
#: Batch three (session 21, sellmiss: whole pages with the site's header, menu and footer), written and scored before
#: that session's changes: 0.882 (3 false, 1 missed); after the site's frame was read (nlp/site_name.py, a product
#: in a clinic's menu): 0.912 (3 false, 0 missed). Its false sellers (a directory, a supplement shop, a critic's
#: blog) are left to the false-seller work. Batch two rose to 0.900 with them (two sellers whose title names the
#: clinic the text names again), so its floor rose too
#: Batch four (session 21, sellfalse: false sellers): 0.706 (9 false sellers, 1 missed) on main e13fbc9, scored once
#: before any change; 0.765 with the cues read from tune alone; 0.853 (4 false, 1 missed) after it was studied
#: Batch five (sellfalse), written after the changes and scored once, never studied: 0.824 (3 false sellers) on
#: main e13fbc9 and on the branch alike (the same three pages: a family's trip, a forum, a ranked list)
#: Batch six (session 21, wevoice: a "we" that is or is not a provider), scored once before any change: 0.583 (10 false
#: sellers) on main e1bf1dd and 708d13e; 1.000 after the receiver-we change, which was studied on it. Batch seven
#: (wevoice), written after the change, scored once, never studied: 0.667 (4 false) on main 708d13e, 0.833 (2 false)
#: on the branch. Batch four rose to 0.882 (3 false) with the same change; batch five stayed at 0.824
#: Batch eight (session 21, faqvoice: FAQs presuming the reader is treated here), scored once before any change: 0.857
#: (2 false sellers: a trial's FAQ, a patient's diary; 1 missed: a FAQ naming no product) on main 73cfe8d, and the
#: same after the treated-here signal, which fires on 10 of its 11 sellers (already sellers) and on none of the rest
#: Batch nine (session 21, titleparts: the site's name first in the title, alone, in a logo or footer line), scored
#: once before any change: 0.913 (2 false: a directory, a university's news page; its sellers all found already);
#: the same after the site's name was read from any part of the title and from the frame's lines
FLOORS = {"one": (0.95, 2), "two": (0.85, 2), "three": (0.88, 3), "four": (0.85, 4), "five": (0.80, 3),
          "six": (0.95, 1), "seven": (0.80, 2), "eight": (0.85, 2), "nine": (0.86, 2)}


def _score(batch: dict[str, tuple[bool, str]]) -> tuple[float, int, list[str]]:
    wrong, false_sellers = [], 0
    for name, (gold, html) in batch.items():
        page = analyse_page(html)
        if bool(page.offers_treatment) != gold:
            wrong.append(f"{name} (gold {gold}): {page.offer_cues}")
            false_sellers += not gold
    return 1 - len(wrong) / len(batch), false_sellers, wrong


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_a_blind_batch_stays_above_its_floor(name):
    batch = {"one": BATCH_ONE, "two": BATCH_TWO, "three": BATCH_THREE, "four": BATCH_FOUR, "five": BATCH_FIVE,
             "six": BATCH_SIX, "seven": BATCH_SEVEN, "eight": BATCH_EIGHT,
             "nine": BATCH_NINE}[name]
    if not batch:
        pytest.skip("batch not written yet")
    accuracy, false_sellers, wrong = _score(batch)
    least, most_false = FLOORS[name]
    assert accuracy >= least and false_sellers <= most_false, (accuracy, false_sellers, wrong)


def test_the_batches_keep_both_kinds_of_page():
    for batch in (BATCH_ONE, BATCH_TWO, BATCH_THREE, BATCH_FOUR, BATCH_FIVE, BATCH_SIX, BATCH_SEVEN, BATCH_EIGHT,
                  BATCH_NINE):
        if batch:
            sellers = sum(gold for gold, _html in batch.values())
            assert 0.3 < sellers / len(batch) < 0.7
