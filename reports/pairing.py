"""Which (clinic, condition, product type) a site claims, from its counting mentions.

Rule (also in docs/data-dictionary.md). Only mentions that count are used: asserted
or hedged, on pages that offer treatment. A condition and a product type pair
- at ``sentence`` strength when they are named in the same sentence (not in a menu);
- at ``page`` strength when they are named on the same page, in different sentences;
- at ``site`` strength when the condition's page names no product type (e.g. a "conditions we
  treat" page) or the condition appears only in a menu: it pairs with every product type the
  site names on its other offering pages.
The strongest pairing wins and is recorded with its quote; ``n_sentences`` (sentences naming
both) and ``n_pages`` say how prominent the claim is on the site; ``sentences`` keeps the text
of every sentence naming both, so a lawful use or an approved product's name is judged on all
of them, not only on the quoted one.
"""

from __future__ import annotations

import pandas as pd

STRENGTHS = {"sentence": 3, "page": 2, "site": 1}

PAIR_COLUMNS = ["site_id", "condition", "product_type", "strength", "page_id", "page_kind", "url",
                "fetched_at", "warc_record_id", "condition_sentence", "product_sentence",
                "product_url", "context", "n_pages", "n_sentences", "sentences"]


def pair_claims(claims: pd.DataFrame) -> pd.DataFrame:
    """One row per (site, condition, product type) a site claims, at its strongest pairing."""
    counting = claims[claims["counts"]] if len(claims) else claims
    best: dict[tuple, dict] = {}
    pages_seen: dict[tuple, set] = {}
    sentences_seen: dict[tuple, set] = {}
    sentence_texts: dict[tuple, list] = {}  # every sentence naming both, for lawful-use and name checks

    def offer(site_id, cond, prod, strength, c, p):
        key = (site_id, cond["vocab_id"], prod["vocab_id"])
        pages_seen.setdefault(key, set()).add(cond["page_id"])
        if strength == "sentence":
            sentences_seen.setdefault(key, set()).add((cond["page_id"], cond["sent_start"]))
            texts = sentence_texts.setdefault(key, [])
            if c not in texts:
                texts.append(c)
        rank = (STRENGTHS[strength], cond["context"] == "asserted", cond["section"] == "main",
                -int(cond["page_id"]), -int(cond["start"]))
        if key in best and best[key]["_rank"] >= rank:
            return
        best[key] = {
            "_rank": rank, "site_id": site_id, "condition": cond["vocab_id"],
            "product_type": prod["vocab_id"], "strength": strength, "page_id": cond["page_id"],
            "page_kind": cond.get("page_kind"),
            "url": cond["url"], "fetched_at": cond["fetched_at"],
            "warc_record_id": cond["warc_record_id"], "condition_sentence": c,
            "product_sentence": p, "product_url": prod["url"],
            "context": "hedged" if "hedged" in (cond["context"], prod["context"]) else "asserted",
        }

    for site_id, site_claims in counting.groupby("site_id", sort=True):
        records = site_claims.to_dict("records")
        conds = [r for r in records if r["kind"] == "condition"]
        prods = [r for r in records if r["kind"] == "product_type"]
        body_prods = [r for r in prods if r["section"] != "nav"]
        site_prods = body_prods or prods
        pages_with_prod = {r["page_id"] for r in body_prods}
        for cond in conds:
            in_body = cond["section"] != "nav"
            if in_body:
                for prod in body_prods:
                    if prod["page_id"] != cond["page_id"]:
                        continue
                    same_sentence = prod["sent_start"] == cond["sent_start"]
                    offer(site_id, cond, prod, "sentence" if same_sentence else "page",
                          cond["sentence"], "" if same_sentence else prod["sentence"])
            if not in_body or cond["page_id"] not in pages_with_prod:
                for prod in site_prods:
                    offer(site_id, cond, prod, "site", cond["sentence"], prod["sentence"])
    rows = []
    for key, row in best.items():
        row = dict(row)
        row.pop("_rank")
        row["n_pages"] = len(pages_seen[key])
        row["n_sentences"] = len(sentences_seen.get(key, ()))
        row["sentences"] = sentence_texts.get(key, [])
        rows.append(row)
    frame = pd.DataFrame(rows, columns=PAIR_COLUMNS)
    return frame.sort_values(["site_id", "condition", "product_type"], ignore_index=True)
