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

Linear in the number of claims: a condition pairs with the *first* mention of each product type
in its sentence, on its page, or on its site (the one the quadratic all-pairs walk kept, since the
strength and rank of a pairing depend on the condition only), so every step is a join on a
table with one row per page or site and product type, or a group operation.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

STRENGTHS = {"sentence": 3, "page": 2, "site": 1}

PAIR_COLUMNS = ["site_id", "condition", "product_type", "strength", "page_id", "page_kind", "url",
                "fetched_at", "warc_record_id", "condition_sentence", "product_sentence",
                "product_url", "context", "n_pages", "n_sentences", "sentences"]
KEY = ["site_id", "condition", "product_type"]
_PRODUCT = ["product_type", "product_sentence", "product_url", "product_context"]


def pair_claims(claims: pd.DataFrame) -> pd.DataFrame:
    """One row per (site, condition, product type) a site claims, at its strongest pairing."""
    counting = claims[claims["counts"].astype(bool)] if len(claims) else claims
    if not len(counting):
        return pd.DataFrame(columns=PAIR_COLUMNS)
    c = pd.DataFrame({
        "site_id": counting["site_id"].to_numpy(), "page_id": counting["page_id"].to_numpy(),
        "kind": _plain(counting["kind"]), "vocab_id": _plain(counting["vocab_id"]),
        "section": _plain(counting["section"]), "context": _plain(counting["context"]),
        "sent_start": counting["sent_start"].to_numpy(), "start": counting["start"].to_numpy(),
        "sentence": counting["sentence"].to_numpy(), "url": counting["url"].to_numpy(),
        "fetched_at": counting["fetched_at"].to_numpy(),
        "warc_record_id": counting["warc_record_id"].to_numpy(),
        "page_kind": (_plain(counting["page_kind"]) if "page_kind" in counting
                      else np.full(len(counting), None, dtype=object)),
        "order": np.arange(len(counting)),  # the walk's order: the first of equals wins
    })
    conds = c[c["kind"] == "condition"]
    prods = c[c["kind"] == "product_type"]
    body = prods[prods["section"] != "nav"]
    # the first product mention of each type in a sentence, on a page, on a site (menus only
    # when the site names no product type outside its menu)
    in_sentence = _first(body, ["page_id", "sent_start"])
    on_page = _first(body, ["page_id"])
    menu_only = prods[~prods["site_id"].isin(body["site_id"].unique())]
    on_site = _first(pd.concat([body, menu_only]).sort_values("order", kind="stable"), ["site_id"])

    paired_on_page = (conds["section"] != "nav") & conds["page_id"].isin(body["page_id"].unique())
    page_offers = conds[paired_on_page].merge(on_page, on="page_id").merge(
        in_sentence, on=["page_id", "sent_start", "product_type"], how="left", suffixes=("", "_s"), indicator=True)
    same = (page_offers.pop("_merge") == "both").to_numpy()
    page_offers["strength"] = np.where(same, "sentence", "page")
    page_offers["product_sentence"] = np.where(same, "", page_offers["product_sentence"].to_numpy(dtype=object))
    page_offers["product_context"] = np.where(same, page_offers["product_context_s"].to_numpy(dtype=object),
                                              page_offers["product_context"].to_numpy(dtype=object))
    page_offers = page_offers.drop(columns=["product_sentence_s", "product_url_s", "product_context_s"])
    site_offers = conds[~paired_on_page].merge(on_site, on="site_id")
    site_offers["strength"] = "site"
    offers = pd.concat([page_offers, site_offers], ignore_index=True).rename(
        columns={"vocab_id": "condition", "sentence": "condition_sentence"})
    return _summarise(offers)


def _plain(series: pd.Series) -> np.ndarray:
    """Values as a plain object array (categoricals compare and join by value)."""
    return series.astype(object).to_numpy()


def _first(prods: pd.DataFrame, where: list[str]) -> pd.DataFrame:
    """The first mention of each product type per ``where`` group, with what a pairing keeps."""
    first = prods.drop_duplicates(where + ["vocab_id"])
    out = first[where + ["vocab_id", "sentence", "url", "context"]]
    return out.set_axis(where + _PRODUCT, axis=1)


def _summarise(offers: pd.DataFrame) -> pd.DataFrame:
    """Every offer of a key folded into one row: the strongest, its counts and sentences."""
    offers["rank"] = offers["strength"].map(STRENGTHS)
    offers["asserted"] = offers["context"] == "asserted"
    offers["main"] = offers["section"] == "main"
    offers["context"] = np.where((offers["context"] == "hedged") | (offers["product_context"] == "hedged"),
                                 "hedged", "asserted")
    best = offers.sort_values(KEY + ["rank", "asserted", "main", "page_id", "start", "order"],
                              ascending=[True, True, True, False, False, False, True, True, True],
                              kind="stable").drop_duplicates(KEY)
    n_pages = offers.drop_duplicates(KEY + ["page_id"]).groupby(KEY).size().rename("n_pages")
    in_sentence = offers[offers["strength"] == "sentence"]
    n_sentences = in_sentence.drop_duplicates(KEY + ["page_id", "sent_start"]).groupby(KEY).size().rename(
        "n_sentences")
    texts = (in_sentence.sort_values("order", kind="stable").drop_duplicates(KEY + ["condition_sentence"])
             .groupby(KEY)["condition_sentence"].agg(list).rename("sentences"))
    out = best.set_index(KEY).join([n_pages, n_sentences, texts]).reset_index()
    out["n_sentences"] = out["n_sentences"].fillna(0).astype(int)
    out["n_pages"] = out["n_pages"].astype(int)
    out["sentences"] = [v if isinstance(v, list) else [] for v in out["sentences"]]
    out["site_id"] = out["site_id"].astype(int)
    out["page_id"] = out["page_id"].astype(int)
    out = out[PAIR_COLUMNS]
    return out.sort_values(KEY, ignore_index=True)
