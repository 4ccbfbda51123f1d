"""``clinicscan_offer``: does the page's organisation offer treatment, or report on it?

Cues from ``data/lexicon/offer_cues.jsonl``: offer wording (booking, prices, "our clinic",
"we offer", testimonials, phone calls to action, transplant programmes) against report
wording (news bylines, regulator warnings, research methods, trial eligibility, cord blood
banking, sceptical blogs). Each distinct cue counts once; the page's own product mentions
add evidence. The decision keeps the cues that made it and a ``page_kind`` guess, and goes
to ``doc._.clinicscan_offer``.
"""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from clinicscan.errors import LexiconError
from clinicscan.nlp.components.context import OWN_EVIDENCE
from clinicscan.nlp.matching import TokenArrays, TokenPatternMatcher, WordTable, phrase_group_docs
from clinicscan.nlp.own_speaker import FILE as SPEAKER_FILE
from clinicscan.nlp.own_speaker import OwnSpeaker, load_own_speaker
from clinicscan.nlp.own_voice import NameReader, OwnVoice, load_own_voice
from clinicscan.nlp.publisher_kind import FILE as DECISION_FILE
from clinicscan.nlp.publisher_kind import SellerDecision, load_seller_decision
from clinicscan.nlp.rules import OfferCue, load_offer_cues
from clinicscan.nlp.seller_features import FeatureReader, SellerEvidence
from clinicscan.nlp.seller_model import SellerModel, load_seller_model
from clinicscan.nlp.site_name import SiteName, load_site_name
from clinicscan.nlp.transplant_programme import TransplantReader, load_transplant_reader
from clinicscan.nlp.treated_here import TreatedHere, load_treated_here
from clinicscan.vocabulary import COUNTED_CONTEXTS

if not Doc.has_extension("clinicscan_offer"):
    Doc.set_extension("clinicscan_offer", default=None)

# The weights below were tuned by hand on the dev set's tune split (data/devset, `clinicscan
# evaluate data/devset/gold.jsonl data/devset/pages --split tune`) in commit 0e0f1c6 (own product,
# product, no product, discussed), 3db2030 (declined) and 27a6b90 (declined + no product).
# The cue weights they are summed with live in data/lexicon/offer_cues.jsonl (most are 1.0).

#: a product the page presents as its own ("we", "our", "us" in the sentence) is the strongest sign
OWN_PRODUCT_BONUS = 3.0
#: the page declines products in its own voice ("my practice does not offer stem cell injections")
DECLINED_PENALTY = 3.0
_DECLINE = re.compile(r"\b(?:offer|offers|sell|sells|use|uses|provide|provides|perform|performs|recommend)\b", re.I)
#: A seller that criticises *other* products is still a seller (coding manual, section 4: an FAQ that calls other
#: products illegal and unsafe, then sells its own). On a page that presents a product in its own voice and carries
#: the clinic's offer wording (at least ``CRITICISM_NEEDS_CLINIC`` of clinic cue weight, "At <Name>, we" included),
#: the sceptic and regulator report cues (``CRITICISM_KINDS``; not the page's own declining, own_voice.json
#: "declining_cues") add up to at most ``CRITICISM_CAP``, the weight of two such cues, however long the critique.
#: The own product's sentence must hold no report cue ("our surgeons are often asked about stem cell injections").
#: News, research, trial, banking and explainer cues keep their weight. Moves one tune page (a003, a seller); the
#: grouped cross-validation is unchanged (docs/seller-model.md, "Criticism of others")
CRITICISM_KINDS = frozenset({"sceptic", "regulator"})
CRITICISM_CAP = 4.0
CRITICISM_NEEDS_CLINIC = 2.0
#: "stem cells" of a plant ("Swiss apple stem cells", own_voice.json "plant_words") are no cell product: such
#: mentions are dropped, and the page is weighed as a cosmetic (as the cue "plant stem cells"). Coding manual,
#: section 1. Session sellerpage, issue 8
PLANT_WEIGHT = 2.0
#: a product named as a claim but never as the page's own
PRODUCT_BONUS = 1.0
#: no product type named as a claim at all: the page sells nothing of the vocabulary. Not applied when the site's
#: menu (the navigation text) names a counted product and the page's text names none: a clinic's FAQ or condition
#: page whose products sit in its menu and its questions (session 21, sellmiss, issue 8)
NO_PRODUCT_PENALTY = 3.0
#: most product mentions are reported or negated: the page discusses others' products
DISCUSSED_PENALTY = 2.0
#: ... "most" meaning fewer than this share of the page's product mentions are counted claims
DISCUSSED_SHARE = 0.5
#: a therapy the page presents as acting ("PRP therapy helps the tendon heal", nlp/own_voice.py): a clinic
#: page in the third person. One bonus a page, not per sentence. Chosen by the grouped cross-validation of
#: ``python -m clinicscan.nlp.train_seller --compare`` (1.0 and 2.0 decide the same pages; docs/seller-model.md)
THERAPY_ACTS_BONUS = 1.0
#: a FAQ whose questions presume the reader is treated here ("How many sessions will I need?", "Can I drive home
#: afterwards?"; nlp/treated_here.py): the clinic's own FAQ, though it never says "we" (coding manual, section 1).
#: Only on a page with a counted product that is not another's, declined or received, and weighed as one offer cue,
#: so a page's report cues (a trial's, a regulator's, news) still outweigh it. Session 21 faqvoice, issue 8
TREATED_HERE_BONUS = 1.0
#: "At <Name> (in <Town>), we / our / Dr. ..." in the main text: the organisation naming itself as the one who
#: treats (nlp/own_voice.py). Weighed as the cue "our clinic" (a clinic cue, so the model's cue_clinic sees it);
#: it fired on 13 tune and dev-set pages in seven real-world topics, all sellers
NAMES_ITSELF_WEIGHT = 1.5
#: the title names the site as a clinic ("Stroke Recovery | Helvetia Cell Clinics") and the page names it again
#: (nlp/site_name.py): the clinic's own site, where a page that never says "we" still describes its therapy
#: (coding manual, section 4). Weighed as "At <Name>, we" and not added to it (one organisation naming itself).
#: Session 21 (sellmiss), issue 8
SITE_NAME_WEIGHT = 1.5
#: the page's "we" receives, buys or judges care at least this many times (a family's trip, a forum, a patients' group,
#: a comparison site, a journalists' test calls: "we paid", "we were told", "our son", "our members", "we ranked";
#: nlp/own_voice.py ``receives``) and never presents a product as its own: the products it names are what it received
#: or judged, weighed as "no product named". A seller whose "we" tells stories also treats ("we have treated 900
#: patients", "we arrange your treatment at partner clinics"): its own product keeps it. Session 21 wevoice, issue 8
RECEIVER_LEAST = 2
#: ... and on such a page the clinic's offer wording (prices, "book", "consultation", "package") is what the "we" paid,
#: booked or compared: it counts at this fraction (0.5 left a price-comparison probe a seller; 0.25 and 0.5 decide the
#: same tune pages and give the same grouped CV)
RECEIVER_OFFER_FACTOR = 0.25
#: the page addresses an animal's owner or names an animal practice at least this many times ("your horse's blood",
#: "dogs and cats", "our veterinarians"; own_voice.json ``animal_patients``): its patients are animals, and every
#: product it names, its own included, is weighed as a received one ("no product named", clinic offer wording at
#: RECEIVER_OFFER_FACTOR). Coding manual, section 1: veterinary practices are not sellers. Before, only the learned
#: veto read them (an equine hospital at P 0.31 stayed a seller). Session 25 sellerdata, issue 8
ANIMAL_LEAST = 2
#: ... and such a page is weighed as a non-selling publisher, as a plant-cell cosmetic is (PLANT_WEIGHT), and a therapy
#: it presents as acting ("stem cell therapy can bring back comfort") is the animal's: no THERAPY_ACTS_BONUS. With the
#: first rule alone a small-animal practice's prices and booking words still summed to 0.12 (a seller)
ANIMAL_WEIGHT = 2.0
#: nav/footer cues count at this fraction (a "Book now" in the header still says "we sell")
NAV_WEIGHT = 0.5
#: report cues of these kinds inside a sentence citing evidence for the page's own product ("Published studies have
#: shown ...", "a growing number of studies": clinicscan_context's "own evidence" sentences) are the page's
#: education voice, not a newspaper's or a journal's wording, and are not weighed (session 24 ownvoice, issue 8)
OWN_EVIDENCE_KINDS = frozenset({"research", "news"})
#: a seller is a transplant programme (not a clinic) from this much transplant-cue weight: two
#: distinct transplant cues (weight 2.0 each in offer_cues.jsonl). Set in 99b1ff9, not tuned.
#: The other way in is the transplant voice (nlp/transplant_programme.py); both give way when the
#: page claims a condition no transplant programme treats. page_kind "transplant" spares the
#: page's blood-forming cell transplants from the flagged list (reports/flags.py).
TRANSPLANT_KIND_WEIGHT = 4.0
#: a sentence ending in one of these states something; a title or heading (no full stop) names the page's topic
_STATEMENT_END = frozenset(".!;")
#: how many of the strongest cues a decision keeps as its explanation (page display only)
CUES_KEPT = 12


@dataclass
class OfferDecision:
    offers_treatment: bool
    score: float
    page_kind: str
    cues: list[str] = field(default_factory=list)
    #: the learned model's P(offers treatment), None when the rules decided alone
    probability: float | None = None
    #: report-cue weight per page kind (news, regulator, trial, ...), as the decision weighed it
    report_weights: dict[str, float] = field(default_factory=dict)
    #: the first counted product named in the page's own voice, the first therapy presented as acting,
    #: the first counted product, the first declined product (vocabulary ids, "" when none)
    own_product: str = ""
    acting: str = ""
    product: str = ""
    declined: str = ""
    #: counted product mentions and all product mentions outside the navigation
    counted_products: int = 0
    products: int = 0


class OfferComponent:
    def __init__(self, nlp: Language, name: str, cues_path: str = "", threshold: float = 0.0,
                 model_path: str = ""):
        self.nlp = nlp
        self.name = name
        self.cues_path = cues_path
        self.threshold = threshold
        #: "" = the shipped data/lexicon/seller_model.json, "none" = rules only
        self.model_path = model_path
        self.model: SellerModel | None = None
        self.features: FeatureReader | None = None
        #: keep the model's feature vector in doc.user_data even with no model (for training)
        self.collect_features = False
        self.cues: list[OfferCue] = []
        self._phrases: PhraseMatcher | None = None
        self._tokens: TokenPatternMatcher | None = None
        self._cue_of: dict[int, OfferCue] = {}
        self.voice: OwnVoice | None = None
        self.names: NameReader | None = None
        self.transplant: TransplantReader | None = None
        self.site: SiteName | None = None
        self.treated_here: TreatedHere | None = None
        self.speaker: OwnSpeaker | None = None
        #: which decision to make (data/lexicon/seller_decision.json: "evidence", the default, or "burden")
        self.decision: SellerDecision | None = None
        #: (the OwnVoice they were read from, [the vocab new words are read in], a WordTable: is the word's
        #: lower-case form one of its animal_words)
        self._animal_ids: tuple | None = None

    def initialize(self, get_examples=None, *, nlp: Language | None = None, cues_path: str | None = None) -> None:
        self._set(load_offer_cues(cues_path or self.cues_path or None))
        self._load_model()
        self._load_voice()

    def _load_model(self) -> None:
        self.features = FeatureReader()
        self.model = None if self.model_path == "none" else load_seller_model(self.model_path or None)
        if self.model is not None and self.model.features != self.features.names:
            raise LexiconError("the seller model's features do not match data/lexicon/seller_words.json; retrain "
                             "with `python -m clinicscan.nlp.train_seller`")

    def _load_voice(self) -> None:
        folder = Path(self.cues_path).parent if self.cues_path else None
        self.voice = load_own_voice(folder / "own_voice.json" if folder and (folder / "own_voice.json").exists() else None)
        self.names = NameReader(self.voice)
        site = folder / "site_name.json" if folder else None
        self.site = load_site_name(str(site) if site and site.exists() else None)
        own = folder / "transplant_programme.json" if folder else None
        self.transplant = load_transplant_reader(own if own and own.exists() else None)
        faq = folder / "treated_here.json" if folder else None
        speaker = folder / SPEAKER_FILE if folder else None
        self.speaker = load_own_speaker(speaker if speaker and speaker.exists() else None)
        self.treated_here = load_treated_here(faq if faq and faq.exists() else None)
        settings = folder / DECISION_FILE if folder else None
        self.decision = load_seller_decision(settings if settings and settings.exists() else None)

    def _set(self, cues: list[OfferCue]) -> None:
        self.cues = cues
        self._phrases = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        self._tokens = TokenPatternMatcher(self.nlp.vocab)
        self._cue_of = {}
        literals: dict[str, list[str]] = {}
        for i, cue in enumerate(cues):
            key = f"clinicscan_offer_{i}"
            self._cue_of[self.nlp.vocab.strings.add(key)] = cue
            if cue.literal is not None:
                literals[key] = [cue.literal]
            else:
                self._tokens.add(key, cue.pattern)
        for key, docs in phrase_group_docs(self.nlp.tokenizer, literals).items():
            self._phrases.add(key, docs)

    def decide(self, doc: Doc) -> OfferDecision:
        arrays = TokenArrays.of(doc)
        nav_start = doc.user_data.get("clinicscan_nav_start")
        if nav_start is None:
            nav_start = arrays.char_end(arrays.n - 1) + 1 if arrays.n else 0
        found: dict[str, tuple[OfferCue, float]] = {}
        report_at: list[int] = []  # where report cues start (chars), for the own product's sentence
        stored_at: list[int] = []  # ... and those of banking and storage ("stored at our facility")
        claims = doc._.clinicscan_claims or []
        evidence = _own_evidence_spans(claims)
        speaker = self.speaker or load_own_speaker()
        spoken: dict[str, list[int]] = {}  # reported-speech cue id -> the tokens it starts at
        for match_id, start, _end in _outermost(list(self._phrases(doc)) + self._tokens(doc), self._cue_of):
            cue = self._cue_of[match_id]
            if cue.boilerplate and arrays.idx[start] >= nav_start:
                continue  # a footer's "this is not medical advice" stands on sellers' sites too
            if not cue.weight:  # a guard: the cues inside it are dropped (_outermost); it is no evidence itself
                continue
            if cue.signal == "report" and evidence and cue.page_kind in OWN_EVIDENCE_KINDS \
                    and _inside(evidence, int(arrays.idx[start])):
                continue
            if cue.signal == "report" and cue.id in speaker.cues:
                spoken.setdefault(cue.id, []).append(start)
            if cue.signal == "report":
                report_at.append(int(arrays.idx[start]))
                if cue.page_kind == "banking":
                    stored_at.append(int(arrays.idx[start]))
            factor = NAV_WEIGHT if arrays.idx[start] >= nav_start else 1.0
            if cue.id not in found or found[cue.id][1] < factor:
                found[cue.id] = (cue, factor)
        main_end = _first_token_at(arrays, nav_start)
        voice = self.voice or load_own_voice()
        names = self.names or NameReader(voice)
        names_itself = names.find(arrays, main_end) is not None
        text = doc.user_data.get("clinicscan_text") or doc.text
        site_named = ""
        if not names_itself:
            cut = text.find("\n")
            if cut > 0:
                site_named = (self.site or load_site_name()).names_itself(text[:min(cut, 400)], text[cut:],
                                                                             text[max(cut, nav_start):])
        own_speech = _own_speech(spoken, speaker, arrays, text, (self.site or load_site_name()).clinic_name(
            text[:max(0, text.find("\n"))][:400])) if spoken else []
        for cue_id in own_speech:
            found.pop(cue_id, None)
        products = [c for c in claims if c.kind == "product_type" and c.start < nav_start]
        plants = [c for c in products if voice.of_a_plant(c.sentence[:c.start - c.sent_start], c.matched_text)]
        if plants:
            products = [c for c in products if c not in plants]
        # "supports the release of your own stem cells": the reader's own cells, which a supplement boosts; no
        # product is given (session 25 sellerdata). Not weighed: a PRP clinic may say its PRP supports them
        products = [c for c in products if not voice.supports_own(c.sentence[:c.start - c.sent_start], c.matched_text)]
        counted = [c for c in products if c.context in COUNTED_CONTEXTS]
        # on a site that names itself as a clinic, its menu naming a product ("PRP", "Bone Marrow Concentrate" as
        # its pages) says the page sits on a site that offers it: "no product named" does not hold, though the
        # page's text names none. Not on other sites: a directory's or a newspaper's menu lists topics
        menu_product = None if counted or not (site_named or names_itself) else next(
            (c for c in claims if c.kind == "product_type" and c.start >= nav_start and c.context in COUNTED_CONTEXTS
             and not voice.of_a_plant(c.sentence[:c.start - c.sent_start], c.matched_text)), None)
        # the first product in the page's own voice and the first therapy presented as acting are all the
        # decision uses; one test per sentence (a page names ~60 products, several to a sentence)
        own_products, acting = _first_own_and_acting(voice, counted, sorted(stored_at))
        declined = [c for c in products if c.context == "negated" and c.context_cue and _DECLINE.search(c.context_cue)]
        animals = voice.treats_animals(text[:nav_start]) if counted and self._animal_words_in(arrays, main_end, voice) \
            else 0
        if animals >= ANIMAL_LEAST:
            # an animal's treatment: nothing the page names is a product for human patients, its own "we" included
            own_products, declined, acting = [], [], None
        elsewhere = None if own_products or declined or animals >= ANIMAL_LEAST else _given_elsewhere(voice, counted)
        receives = animals if animals >= ANIMAL_LEAST else 0 if own_products or declined or elsewhere is not None \
            or not counted else voice.receives(text[:nav_start])
        received = receives >= RECEIVER_LEAST
        criticism = _criticism_factor(found, voice.declining_cues,
                                      bool(own_products) and not _holds_report_cue(own_products[0], report_at),
                                      names_itself)
        by_kind: dict[str, float] = {}
        weights: dict[str, float] = {}
        score = 0.0
        for cue, factor in found.values():
            signed = cue.weight * factor * (1 if cue.signal == "offer" else -1)
            if criticism < 1.0 and _criticises(cue, voice.declining_cues):
                signed *= criticism
            if received and cue.signal == "offer" and cue.page_kind == "clinic":
                signed *= RECEIVER_OFFER_FACTOR
            weights[cue.id] = signed
            score += signed
            by_kind[cue.page_kind] = by_kind.get(cue.page_kind, 0.0) + abs(signed)
        if names_itself:
            score += NAMES_ITSELF_WEIGHT
            by_kind["clinic"] = by_kind.get("clinic", 0.0) + NAMES_ITSELF_WEIGHT
        if site_named:
            score += SITE_NAME_WEIGHT
            by_kind["clinic"] = by_kind.get("clinic", 0.0) + SITE_NAME_WEIGHT
        if plants:
            score -= PLANT_WEIGHT
            by_kind["explainer"] = by_kind.get("explainer", 0.0) + PLANT_WEIGHT
        if animals >= ANIMAL_LEAST:
            score -= ANIMAL_WEIGHT
            by_kind["explainer"] = by_kind.get("explainer", 0.0) + ANIMAL_WEIGHT
        if own_products:
            score += OWN_PRODUCT_BONUS
        elif declined:
            # declining with no product of its own left: a critic selling other care (surgery, physio)
            score -= DECLINED_PENALTY + (0.0 if counted else NO_PRODUCT_PENALTY)
        elif elsewhere is not None or received:
            # the text's products are all another provider's, or what the page's "we" received: none is its own
            score -= NO_PRODUCT_PENALTY
        elif counted:
            score += PRODUCT_BONUS
        elif menu_product is None:
            score -= NO_PRODUCT_PENALTY
        if products and len(counted) < DISCUSSED_SHARE * len(products):
            score -= DISCUSSED_PENALTY
        if acting is not None:
            score += THERAPY_ACTS_BONUS
        faq = 0 if not counted or declined or elsewhere is not None or received \
            else (self.treated_here or load_treated_here()).presumes(text[:nav_start])
        if faq:
            score += TREATED_HERE_BONUS
        offers = score >= self.threshold
        decision = self.decision or load_seller_decision()
        burden_cues: list[str] = []
        if decision.burden or self.collect_features:
            presents = _presents(bool(own_products), bool(declined), elsewhere is not None or received, bool(counted),
                                 menu_product is not None)
            kinds, own_wording, burden_cues = _publisher_evidence(decision, by_kind, text[:nav_start],
                                                                  bool(own_products), presents)
            if self.collect_features:
                # the burden decision's inputs, for training's grouped cross-validation (``burden`` variants)
                cue_kinds = {c.id: c.page_kind for c, _f in found.values() if c.signal == "report"}
                doc.user_data["clinicscan_burden_inputs"] = {
                    "presents": presents, "own_wording": own_wording, "structural": _beyond_cues(kinds, weights, cue_kinds),
                    "cue_kinds": cue_kinds, "least": decision.publisher_least,
                    "counted_share": len(counted) / len(products) if products else 0.0,
                    "clinic_site": names_itself or bool(site_named), "own": bool(own_products)}
            if decision.burden:
                offers = presents and burden_sells(kinds, own_wording, decision.publisher_least)
        probability = None
        if self.features is not None and (self.model is not None or self.collect_features):
            reported = sum(c.context == "reported" for c in products)
            evidence = SellerEvidence(score, by_kind, len(products), len(counted), len(own_products), len(declined),
                                      reported)
            title = text.split("\n", 1)[0][:400]
            values = self.features.read(arrays, evidence, title, main_end, text[:nav_start])
            doc.user_data["clinicscan_seller_features"] = values
            if self.collect_features:
                # per-cue contributions, for training's grouped cross-validation (it drops the cues that
                # fire only in the held-out source, which may have been written while reading it)
                doc.user_data["clinicscan_offer_cue_weights"] = weights
            if self.model is not None:
                vetoed, probability = self.model.offers(offers, values)
                if not decision.burden or decision.veto:
                    offers = vetoed
        report_kinds = {k: v for k, v in by_kind.items() if k not in ("clinic", "transplant")}
        if offers:
            kind = "transplant" if self._programme(doc, by_kind, claims, nav_start) else "clinic"
        elif report_kinds:
            kind = max(report_kinds, key=report_kinds.get)
        else:
            kind = "other"
        ranked = sorted(found.values(), key=lambda cf: -cf[0].weight * cf[1])
        cues = [f"{'+' if c.signal == 'offer' else '-'}{c.id}" for c, _f in ranked[:CUES_KEPT]]
        if names_itself:
            cues.append("+at <name>, we")
        if site_named:
            cues.append(f"+site names itself:{site_named}")
        if plants:
            cues.append(f"-stem cells of a plant:{plants[0].matched_text}")
        if own_products:
            cues.append(f"+own product:{own_products[0].vocab_id}")
        elif declined:
            cues.append(f"-declines:{declined[0].vocab_id}")
        elif elsewhere is not None:
            cues.append(f"-given elsewhere:{elsewhere.vocab_id}")
        elif received:
            cues.append(f"-{'animal patients' if animals >= ANIMAL_LEAST else 'we receive'} x{receives}:"
                        f"{counted[0].vocab_id}")
        elif counted:
            cues.append(f"+product:{counted[0].vocab_id}")
        elif menu_product is not None:
            cues.append(f"menu names a product:{menu_product.vocab_id}")
        else:
            cues.append("-no product named")
        if acting is not None:
            cues.append(f"+therapy acts:{acting.vocab_id}")
        if faq:
            cues.append(f"+treated-here FAQ x{faq}")
        cues.extend(f"own staff speaking:{cue_id}" for cue_id in own_speech)
        if criticism < 1.0:
            cues.append(f"criticism of others x{criticism:.2f}")
        cues.extend(burden_cues)
        if probability is not None:
            cues.append(f"model p={probability:.2f}")
        return OfferDecision(offers, round(score, 2), kind, cues,
                             None if probability is None else round(probability, 4),
                             report_weights={k: round(v, 2) for k, v in report_kinds.items()},
                             own_product=own_products[0].vocab_id if own_products else "",
                             acting=acting.vocab_id if acting is not None else "",
                             product=counted[0].vocab_id if counted else "",
                             declined=declined[0].vocab_id if declined else "",
                             counted_products=len(counted), products=len(products))

    def _animal_words_in(self, arrays: TokenArrays, end: int, voice: OwnVoice) -> bool:
        """One of own_voice.json's ``animal_words`` is a token of the main text, before the animal phrases are
        searched in the text: a per-word table (is the word's lower-case form an animal word) gathered by word
        number, instead of ``numpy.isin`` over the page's lower-case ids (the same tokens: equal hashes are equal
        strings)."""
        if end <= 0:
            return False
        if self._animal_ids is None or self._animal_ids[0] is not voice:
            wanted = frozenset(self.nlp.vocab.strings.add(w) for w in voice.animal_words)
            held = [arrays.vocab]
            table = WordTable(lambda orth: held[0][orth].lower in wanted, dtype="bool")
            self._animal_ids = (voice, held, table)
        self._animal_ids[1][0] = arrays.vocab  # a word new to the table is read in the Doc's own vocab
        return bool(self._animal_ids[2].lookup(arrays.word_ids[:end]).any())

    def _programme(self, doc: Doc, by_kind: dict[str, float], claims: list, nav_start: int) -> bool:
        """A selling page is a hospital's transplant programme: by its transplant cues or its transplant
        voice, unless it claims a condition no programme treats; when its own conditions are autoimmune
        only, only as a public hospital's care pathway (nlp/transplant_programme.py). A programme's research sentences then
        name the study's products, not its offers (their claims become ``reported``)."""
        reader = self.transplant or load_transplant_reader()
        text = (doc.user_data.get("clinicscan_text") or doc.text)[:nav_start]
        own = [c for c in claims if c.start < nav_start]
        if by_kind.get("transplant", 0.0) < TRANSPLANT_KIND_WEIGHT:
            programme = reader.is_programme(text, own)  # the vetoes and the autoimmune test come first there
        elif reader.has_veto(own):
            return False
        elif reader.autoimmune_only(own):  # no established practice to lean on: only a public care pathway
            programme = reader.public_pathway(text, own)
        else:
            programme = True
        if programme:
            reader.report_research(claims)
        return programme

    def __call__(self, doc: Doc) -> Doc:
        if self._phrases is None:
            self.initialize()
        doc._.clinicscan_offer = self.decide(doc)
        return doc

    def to_disk(self, path, exclude=()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        if self._phrases is None:
            self.initialize()
        (path / "cues.jsonl").write_text("\n".join(json.dumps(c.to_dict()) for c in self.cues) + "\n", encoding="utf-8")

    def from_disk(self, path, exclude=()) -> "OfferComponent":
        self._set(load_offer_cues(Path(path) / "cues.jsonl"))
        self._load_model()
        self._load_voice()
        return self


def _presents(own: bool, declined: bool, not_its_own: bool, counted: bool, menu_product: bool) -> bool:
    """Mode "burden": the page presents a product of its own: one in its own voice; else a counted product with none
    declined and none received or given elsewhere; else, on a site naming itself as a clinic, a product in its menu."""
    return own or not (declined or not_its_own or not (counted or menu_product))


def _publisher_evidence(decision: SellerDecision, by_kind: dict[str, float], main_text: str, own: bool,
                        presents: bool) -> tuple[dict[str, float], float, list[str]]:
    """(weight per non-selling page kind: its report cues, criticism of others already capped, plus its structural
    signals (nlp/publisher_kind.py); the page's own seller wording: clinic and transplant offer cues, "At <Name>,
    we", the site naming itself, ``own_product_weight`` for an own product; the decision's cues)."""
    structural, notes = decision.publisher_weights(main_text)
    kinds = {k: w for k, w in by_kind.items() if k not in ("clinic", "transplant")}
    for kind, weight in structural.items():
        kinds[kind] = kinds.get(kind, 0.0) + weight
    own_wording = by_kind.get("clinic", 0.0) + by_kind.get("transplant", 0.0) \
        + (decision.own_product_weight if own else 0.0)
    if not presents:
        return kinds, own_wording, ["burden: presents no product of its own"] if decision.burden else []
    if not decision.burden:
        return kinds, own_wording, []
    cues = [f"burden: presents{' own' if own else ''}"] + [f"-publisher {note}" for note in notes[:4]]
    if kinds:
        kind = max(kinds, key=kinds.get)
        cues.append(f"burden: {kind} {kinds[kind]:.1f} - own {own_wording:.1f}")
    return kinds, own_wording, cues


def _beyond_cues(kinds: dict[str, float], weights: dict[str, float], cue_kinds: dict[str, str]) -> dict[str, float]:
    """The part of each kind's weight that is not its report cues' (structural signals, a plant's stem cells), for
    training: the cues' part is in the cue weights, where grouped cross-validation can drop unseen cues."""
    beyond = dict(kinds)
    for cue, kind in cue_kinds.items():
        beyond[kind] = beyond.get(kind, 0.0) - abs(weights.get(cue, 0.0))
    return {k: round(w, 4) for k, w in beyond.items() if w > 1e-9}


def burden_sells(kinds: dict[str, float], own_wording: float, least: float) -> bool:
    """Mode "burden", on a page that presents a product of its own: a seller unless one non-selling publisher kind
    is established, its weight at least ``least`` beyond the page's own seller wording.

    Kinds are weighed one at a time, not summed: a clinic's blog that cites a study, quotes a warning and explains a
    disease carries a little of several kinds, a publisher a lot of its own. Nothing here was fitted to the
    real-world pages (session 22, sellerdefault; data/lexicon/seller_decision.json)."""
    return not kinds or max(kinds.values()) - own_wording < least


def _own_evidence_spans(claims: list) -> list[tuple[int, int]]:
    """The sentences (character spans) whose evidence clinicscan_context read as the page's own."""
    return sorted({(c.sent_start, c.sent_end) for c in claims
                   if c.context_cue is not None and c.context_cue.startswith(OWN_EVIDENCE)})


def _inside(spans: list[tuple[int, int]], char: int) -> bool:
    i = bisect.bisect_right(spans, (char, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= char < spans[i][1]


def _own_speech(spoken: dict[str, list[int]], speaker: OwnSpeaker, arrays: TokenArrays, text: str,
                clinic_words: tuple[str, ...]) -> list[str]:
    """The reported-speech cues ("says", "according to") whose every sentence gives the words to the page's own
    people (nlp/own_speaker.py): not a reporter's wording."""
    starts, n, sentence_of = arrays.starts, arrays.n, arrays.sentence_of
    staff = speaker.staff_names(text) if clinic_words else frozenset()
    own = []
    for cue_id, tokens in spoken.items():
        for token in tokens:
            si = sentence_of[token]
            s1 = starts[si + 1] if si + 1 < len(starts) else n
            sentence = text[arrays.idx[starts[si]]:arrays.char_end(s1 - 1)]
            if not speaker.speaks_for_page(sentence, clinic_words, staff):
                break
        else:
            own.append(cue_id)
    return own


def _holds_report_cue(claim, report_at: list[int]) -> bool:
    """A report cue starts inside the claim's sentence: "our surgeons are often asked about stem cell injections"
    names the product in the page's voice without offering it."""
    report_at.sort()
    i = bisect.bisect_left(report_at, claim.sent_start)
    return i < len(report_at) and report_at[i] < claim.sent_end


def _criticises(cue: OfferCue, declining: frozenset[str]) -> bool:
    return cue.signal == "report" and cue.page_kind in CRITICISM_KINDS and cue.id not in declining


def _criticism_factor(found: dict, declining: frozenset[str], own_product: bool, names_itself: bool) -> float:
    """The factor the page's criticism cues are weighed at: 1.0, or less so that they add up to ``CRITICISM_CAP``
    on a page that presents its own product with the clinic's offer wording (a seller criticising others)."""
    if not own_product:
        return 1.0
    clinic = sum(c.weight * f for c, f in found.values() if c.signal == "offer" and c.page_kind == "clinic")
    if clinic + (NAMES_ITSELF_WEIGHT if names_itself else 0.0) < CRITICISM_NEEDS_CLINIC:
        return 1.0
    total = sum(c.weight * f for c, f in found.values() if _criticises(c, declining))
    return CRITICISM_CAP / total if total > CRITICISM_CAP else 1.0


def _given_elsewhere(voice: OwnVoice, counted: list):
    """The first counted product when every one the text states (titles and headings aside: they name the topic)
    sits in a sentence that names another provider as its giver ("our clients arrive after a PRP injection from
    their sports doctor"): a practice that follows up someone else's injections. None otherwise (session
    sellfalse, issue 8)."""
    body = [c for c in counted if c.sentence.rstrip()[-1:] in _STATEMENT_END]
    if not body:
        return None
    tested: dict[str, bool] = {}
    for claim in body:
        if claim.sentence not in tested:
            tested[claim.sentence] = voice.given_elsewhere(claim.sentence)
        if not tested[claim.sentence]:
            return None
    return body[0]


def _first_own_and_acting(voice: OwnVoice, counted: list, stored_at: list[int] | None = None
                          ) -> tuple[list, object | None]:
    """([the first product named in the page's own voice] or [], the first therapy the page presents as acting).

    A "we" sentence that holds a banking cue (``stored_at``, sorted: "cord blood units are stored at our
    facility") names what the page keeps, not a treatment it gives; one that names another provider as the giver
    ("our clients arrive after a PRP injection from their sports doctor") names someone else's.
    """
    own: list = []
    acting = None
    tested: set[str] = set()
    for claim in counted:
        if not own and claim.sentence not in tested:
            tested.add(claim.sentence)
            if voice.speaks_as_page(claim.sentence) and not voice.declines(claim.sentence, claim.matched_text) \
                    and not (stored_at and _holds_report_cue(claim, stored_at)) \
                    and not voice.given_elsewhere(claim.sentence):
                own.append(claim)
        if not own and voice.practitioner_gives(claim.sentence, claim.start - claim.sent_start) \
                and not voice.declines(claim.sentence, claim.matched_text) and not voice.given_elsewhere(claim.sentence):
            own.append(claim)
        if acting is None and voice.therapy_acts(claim.sentence, claim.matched_text,
                                                 claim.sentence[claim.end - claim.sent_start:], claim.vocab_id):
            acting = claim
        if own and acting is not None:
            break
    return own, acting


def _outermost(matches: list[tuple[int, int, int]], cue_of: dict) -> list[tuple[int, int, int]]:
    """Drop a cue match that lies inside a longer match of the same signal, or of a cue that ``replaces`` what it
    holds (either signal): one phrase is one piece of evidence.

    "et al." also matches "et al", "book an appointment" also "appointment"; counted apart,
    one citation or one button weighed two or three times.
    """
    ordered = sorted(matches, key=lambda m: (m[1], -m[2]))
    kept: list[tuple[int, int, int]] = []
    reach: dict[str, int] = {}
    for match in ordered:
        signal = cue_of[match[0]].signal
        if match[2] <= reach.get(signal, -1) and kept and any(
                k[1] <= match[1] and match[2] <= k[2] and cue_of[k[0]].signal == signal and k != match
                for k in kept[-8:]):
            continue
        kept.append(match)
        reach[signal] = max(reach.get(signal, -1), match[2])
    spans = [(m[1], m[2], m) for m in kept if cue_of[m[0]].replaces]
    if spans:  # a cue that replaces what it contains, of either signal ("lead candidate" over "candidate")
        kept = [m for m in kept if not any(s <= m[1] and m[2] <= e and m is not r for s, e, r in spans)]
    return kept


def _first_token_at(arrays: TokenArrays, char: int) -> int:
    """Index of the first token starting at or after character ``char`` (the menus begin there)."""
    return bisect.bisect_left(arrays.idx, char)


@Language.factory("clinicscan_offer", default_config={"cues_path": "", "threshold": 0.0, "model_path": ""},
                  requires=["doc._.clinicscan_claims"], assigns=["doc._.clinicscan_offer"])
def make_offer(nlp: Language, name: str, cues_path: str, threshold: float, model_path: str) -> OfferComponent:
    return OfferComponent(nlp, name, cues_path, threshold, model_path)
