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

The joins carry integers only: vocabulary ids and sentences as codes (vocabulary codes in
sorted order, so sorting by code is sorting by id) and each mention's row number; the text,
URL, date and archive columns of the pairs kept are read by row number at the end. A million
claims make a few million offers, and moving strings through every join and sort of those
cost most of the time and a gigabyte.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

STRENGTHS = {"sentence": 3, "page": 2, "site": 1}
_STRENGTH_NAMES = np.array([None, "site", "page", "sentence"], dtype=object)

PAIR_COLUMNS = ["site_id", "condition", "product_type", "strength", "page_id", "page_kind", "url",
                "fetched_at", "warc_record_id", "condition_sentence", "product_sentence",
                "product_url", "context", "n_pages", "n_sentences", "sentences"]
KEY = ["site_id", "condition", "product_type"]  # in the joins: site id, condition code, product code
_PRODUCT = ["product_type", "product_order", "product_hedged"]


# claims paired at a time: pairing never crosses sites, so sites are paired in groups of about
# this many counting claims; the join tables of a million claims (about 400 MiB) were the
# report's peak memory, a group's are a seventh of that
BATCH_CLAIMS = 100_000


def pair_claims(claims: pd.DataFrame, batch_claims: int = BATCH_CLAIMS) -> pd.DataFrame:
    """One row per (site, condition, product type) a site claims, at its strongest pairing."""
    counts = claims["counts"].astype(bool).to_numpy() if len(claims) else np.zeros(0, dtype=bool)
    counting = claims if counts.all() else claims[counts]  # the report's read keeps counting claims only
    if not len(counting):
        return pd.DataFrame(columns=PAIR_COLUMNS)
    if len(counting) <= batch_claims:
        return _pair_sites(counting)
    # sites in id order, cut into runs of about ``batch_claims`` claims: each run's pairs come
    # out sorted by KEY, so the runs' results joined end to end are too
    site = counting["site_id"].to_numpy()
    ids, per_site = np.unique(site, return_counts=True)
    group_of_site = (np.cumsum(per_site) - per_site) // batch_claims
    group = group_of_site[np.searchsorted(ids, site)]
    parts = [_pair_sites(counting.iloc[np.flatnonzero(group == g)]) for g in np.unique(group_of_site)]
    parts = [p for p in parts if len(p)]
    if not parts:
        return pd.DataFrame(columns=PAIR_COLUMNS)
    return pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0]


def _pair_sites(counting: pd.DataFrame) -> pd.DataFrame:
    """``pair_claims`` of the counting claims of some sites (every counting claim of each)."""
    vocab_codes, vocab = pd.factorize(_plain(counting["vocab_id"]), sort=True)
    sentence_codes, sentences = _codes(counting["sentence"])
    kind, section, context = _plain(counting["kind"]), _plain(counting["section"]), _plain(counting["context"])
    small = np.int32 if len(counting) < 2**31 else np.int64  # codes, offsets, rows: half the memory
    c = pd.DataFrame({
        "site_id": counting["site_id"].to_numpy(), "page_id": counting["page_id"].to_numpy(),
        "vocab_id": vocab_codes.astype(small), "nav": section == "nav", "main": section == "main",
        "asserted": context == "asserted", "hedged": context == "hedged",
        "sent_start": _narrow(counting["sent_start"].to_numpy()), "start": _narrow(counting["start"].to_numpy()),
        "sentence": sentence_codes.astype(small),
        "order": np.arange(len(counting), dtype=small),  # the walk's order: the first of equals wins
    })
    conds = c[kind == "condition"]
    prods = c[kind == "product_type"]
    body = prods[~prods["nav"]]
    # the first product mention of each type in a sentence, on a page, on a site (menus only
    # when the site names no product type outside its menu)
    in_sentence = _first(body, ["page_id", "sent_start"])
    on_page = _first(body, ["page_id"])
    menu_only = prods[~prods["site_id"].isin(body["site_id"].unique())]
    on_site = _first(pd.concat([body, menu_only]).sort_values("order", kind="stable"), ["site_id"])

    conds = conds.drop(columns=["nav"]).assign(in_body=~conds["nav"])
    paired_on_page = conds["in_body"] & conds["page_id"].isin(body["page_id"].unique())
    page_offers = conds[paired_on_page].merge(on_page, on="page_id").merge(
        in_sentence, on=["page_id", "sent_start", "product_type"], how="left", suffixes=("", "_s"), indicator=True)
    same = (page_offers.pop("_merge") == "both").to_numpy()
    page_offers["strength"] = np.where(same, STRENGTHS["sentence"], STRENGTHS["page"])
    page_offers["product_sentence_order"] = np.where(same, -1, page_offers["product_order"].to_numpy())
    page_offers["product_hedged"] = np.where(same, page_offers["product_hedged_s"].to_numpy(dtype=bool, na_value=False),
                                             page_offers["product_hedged"].to_numpy(dtype=bool))
    page_offers = page_offers.drop(columns=["product_order_s", "product_hedged_s"])
    site_offers = conds[~paired_on_page].merge(on_site, on="site_id")
    site_offers["strength"] = STRENGTHS["site"]
    site_offers["product_sentence_order"] = site_offers["product_order"]
    offers = pd.concat([page_offers, site_offers], ignore_index=True).rename(columns={"vocab_id": "condition"})
    if not len(offers):
        return pd.DataFrame(columns=PAIR_COLUMNS)
    return _summarise(offers, counting, vocab, sentences)


def _plain(series: pd.Series) -> np.ndarray:
    """Values as a plain object array (categoricals compare and join by value)."""
    return series.astype(object).to_numpy()


def _narrow(values: np.ndarray) -> np.ndarray:
    """Character offsets as int32 when they fit (they do below 2 GB of page text)."""
    values = np.asarray(values)
    if values.dtype.kind in "iu" and len(values) and values.max() < 2**31 and values.min() >= -2**31:
        return values.astype(np.int32)
    return values


def _codes(series: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Equal texts get equal codes (a categorical's own codes when it is one)."""
    if isinstance(series.dtype, pd.CategoricalDtype):
        return series.cat.codes.to_numpy().astype(np.int64), series.cat.categories.to_numpy(dtype=object)
    codes, uniques = pd.factorize(_plain(series))
    return codes, np.asarray(uniques, dtype=object)


def _first(prods: pd.DataFrame, where: list[str]) -> pd.DataFrame:
    """The first mention of each product type per ``where`` group, with what a pairing keeps."""
    first = prods.drop_duplicates(where + ["vocab_id"])
    out = first[where + ["vocab_id", "order", "hedged"]]
    return out.set_axis(where + _PRODUCT, axis=1)


def _group_starts(frame: pd.DataFrame, columns: list[str]) -> np.ndarray:
    """True on each row that starts a new run of equal ``columns`` (``frame`` sorted by them)."""
    starts = np.zeros(len(frame), dtype=bool)
    if len(frame):
        starts[0] = True
        for col in columns:
            values = frame[col].to_numpy()
            starts[1:] |= values[1:] != values[:-1]
    return starts


def _summarise(offers: pd.DataFrame, counting: pd.DataFrame, vocab: np.ndarray, sentences: np.ndarray) -> pd.DataFrame:
    """Every offer of a key folded into one row: the strongest, its counts and sentences."""
    key = [offers[k].to_numpy() for k in KEY]
    # strongest first: rank, asserted, main (descending), then page, offset, walk order
    best_order = np.lexsort((offers["order"].to_numpy(), offers["start"].to_numpy(), offers["page_id"].to_numpy(),
                             ~offers["main"].to_numpy(), ~offers["asserted"].to_numpy(),
                             -offers["strength"].to_numpy(), key[2], key[1], key[0]))
    ranked = offers.iloc[best_order]
    best = ranked[_group_starts(ranked, KEY)].reset_index(drop=True)

    pages = offers[KEY + ["page_id"]].drop_duplicates()
    n_pages = pages.groupby(KEY).size().rename("n_pages")
    in_sentence = offers[offers["strength"].to_numpy() == STRENGTHS["sentence"]]
    n_sentences = in_sentence[KEY + ["page_id", "sent_start"]].drop_duplicates().groupby(KEY).size().rename(
        "n_sentences")
    # every distinct sentence naming both, in the walk's order
    texts = in_sentence[KEY + ["sentence", "order"]]
    texts = texts.iloc[np.lexsort((texts["order"].to_numpy(), texts[KEY[2]].to_numpy(), texts[KEY[1]].to_numpy(),
                                   texts[KEY[0]].to_numpy()))]
    texts = texts.drop_duplicates(KEY + ["sentence"])
    starts = np.flatnonzero(_group_starts(texts, KEY))
    lists = [list(group) for group in np.split(sentences[texts["sentence"].to_numpy()], starts[1:])] \
        if len(texts) else []
    sentence_lists = pd.Series(lists, index=pd.MultiIndex.from_frame(texts.iloc[starts][KEY]) if len(texts)
                               else pd.MultiIndex.from_tuples([], names=KEY), dtype=object, name="sentences")

    out = best.set_index(KEY).join([n_pages, n_sentences, sentence_lists]).reset_index()
    rows = out["order"].to_numpy()
    product_rows = out["product_sentence_order"].to_numpy()
    product_sentence = np.full(len(out), "", dtype=object)
    has_product_sentence = product_rows >= 0
    product_sentence[has_product_sentence] = _plain(counting["sentence"])[product_rows[has_product_sentence]]
    page_kind = (_plain(counting["page_kind"]) if "page_kind" in counting
                 else np.full(len(counting), None, dtype=object))
    result = pd.DataFrame({
        "site_id": out["site_id"].astype(int), "condition": vocab[out["condition"].to_numpy()],
        "product_type": vocab[out["product_type"].to_numpy()],
        "strength": _STRENGTH_NAMES[out["strength"].to_numpy()],
        "page_id": out["page_id"].astype(int), "page_kind": page_kind[rows],
        "url": counting["url"].to_numpy()[rows], "fetched_at": counting["fetched_at"].to_numpy()[rows],
        "warc_record_id": counting["warc_record_id"].to_numpy()[rows],
        "condition_sentence": sentences[out["sentence"].to_numpy()], "product_sentence": product_sentence,
        "product_url": counting["url"].to_numpy()[out["product_order"].to_numpy()],
        "context": np.where(out["hedged"].to_numpy(dtype=bool) | out["product_hedged"].to_numpy(dtype=bool),
                            "hedged", "asserted").astype(object),
        "n_pages": out["n_pages"].astype(int), "n_sentences": out["n_sentences"].fillna(0).astype(int),
        "sentences": [v if isinstance(v, list) else [] for v in out["sentences"]],
    }, columns=PAIR_COLUMNS)
    return result  # sorted by KEY: ``best`` came out of the sort in key order
