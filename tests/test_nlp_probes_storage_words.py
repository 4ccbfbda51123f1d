"""A product's handling storage is not a bank's storage (session 29, helper storagewords).

The claims29 batch's exosome supplier (a seller by the coding manual, section 4: it sells vials to practitioners)
lost seller weight to the banking cues "store", "stored", "storage" and "stored for" (offer_cues.jsonl, page kind
banking), which its product-handling wording fired: "store at room temperature", "stored at -80 C", "can be stored
for 24 months". A cord-blood bank that stores a family's cells is a non-seller; a supplier telling clinics how to
keep its vials is not banking. Guards (offer cues of weight 0 that replace what they hold) stop the banking cues
inside handling wording from counting. All wording here was written for the test.
"""

from __future__ import annotations

import json

import pytest

from clinicscan.errors import LexiconError
from clinicscan.nlp.analyse import analyse_page

SUPPLIER = """<html><head><title>CellVault Pro Exosome Kit | Wholesale for Clinics | Ridgeline Bio Supply</title></head>
<body><main>
<h1>CellVault Pro Exosome Kit</h1>
<p>For licensed providers only. Ridgeline Bio Supply ships each order of exosome vials to your practice overnight.</p>
<h2>Storage and handling</h2>
<ul>
<li>Store at 2-8 °C on arrival; do not freeze.</li>
<li>Unopened vials can be stored for up to 18 months.</li>
<li>Lyophilised powder allows storage at room temperature for two weeks.</li>
<li>Bulk cartons ship frozen on dry ice and are stored at -80 °C in our warehouse.</li>
</ul>
<h2>Ordering</h2>
<p>Exosome vials are used by clinics for skin rejuvenation after microneedling. Order online or call our sales desk.</p>
</main></body></html>"""

BANK = """<html><head><title>Cord Blood Keepers | Private Newborn Cell Banking</title></head><body><main>
<h1>Save your baby's cord blood</h1>
<p>After delivery, your midwife uses our collection kit to take the cord blood. We store your baby's stem cells in
liquid nitrogen at -196 °C, and they can be stored for 25 years or longer.</p>
<h2>Storage plans</h2>
<p>Choose a storage plan that suits your family: pay a one-off fee, or a small annual storage fee each year.
Cells are kept at 2-8 °C during transport to our lab, and stored at -196 °C once they arrive.</p>
<p>Many families bank cord blood for peace of mind.</p>
</main></body></html>"""

BANKING_STORAGE_CUES = {"-store", "-stored", "-storage", "-stored for"}


def _cues(text: str) -> set[str]:
    return set(analyse_page("A page\n" + text + "\n", is_html=False).offer_cues)


def test_a_supplier_whose_vials_are_stored_cold_still_sells():
    page = analyse_page(SUPPLIER)
    assert page.offers_treatment, page.offer_cues
    assert not BANKING_STORAGE_CUES & set(page.offer_cues)
    assert page.page_kind != "banking"


def test_a_cord_blood_bank_still_does_not_sell():
    page = analyse_page(BANK)
    assert not page.offers_treatment
    assert page.page_kind == "banking"
    assert {"-store your baby's", "-storage plans", "-annual storage fee", "-stored for"} <= set(page.offer_cues)


@pytest.mark.parametrize("text", [
    "Store at 2-8 °C until the day of use.",
    "Cartons are stored at -80°C before dispatch.",
    "Keep the box closed and store below 25 ºC.",
    "The powder form allows storage at room temperature.",
    "Store in a refrigerator once the seal is broken.",
    "Once thawed it can be stored for up to 6 hours.",
    "See the storage and handling sheet in every box.",
    "Shipping and storage: orders leave on dry ice.",
    "Storage conditions are printed on each label.",
])
def test_handling_storage_is_no_banking_cue(text):
    assert not BANKING_STORAGE_CUES & _cues(text)


@pytest.mark.parametrize(("text", "cue"), [
    ("Samples are kept in liquid nitrogen and stored at -196 °C.", "-stored"),
    ("Your family's cells are stored for 20 years.", "-stored for"),
    ("We store every unit in two separate vaults.", "-store"),
    ("Ask about long-term storage for your newborn.", "-storage"),
])
def test_banking_storage_still_counts(text, cue):
    assert cue in _cues(text)


def test_a_weightless_cue_must_be_a_guard(tmp_path):
    from clinicscan.nlp.rules import load_offer_cues

    path = tmp_path / "offer_cues.jsonl"
    row = {"signal": "report", "page_kind": "banking", "weight": 0, "literal": "store at"}
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="0 only for a guard"):
        load_offer_cues(path)
    path.write_text(json.dumps({**row, "replaces": True}) + "\n", encoding="utf-8")
    assert load_offer_cues(path)[0].weight == 0.0
