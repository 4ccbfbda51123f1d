"""How clinics and patients name each vocabulary id, read on a selling page (issue 8, `condlex`).

The held-out pages lost 14 of 99 gold condition labels without any mention of the id on the
page: the lexicon knew the words of the pages it was written from. These wordings were written
for the project from medical and lay usage, id by id (../shared/vocabulary.md, the coding
manual's section 2), not from pages: clinical and lay names, dotted and hyphenated
abbreviations, plurals, body part + problem ("cranky knees", "pulled back muscle", "weak
kidneys"), "trouble"/"issues" forms, the usage of clinics abroad ("periarthritis", "hepatosis",
"pneumosclerosis"), and the manual's reminders (generic "soft tissue injuries" and "orthopedic
injuries" are `sports_injury`, "inflammatory arthritis" is no osteoarthritis, a cervical stenosis
is the neck). Each is read inside one seller sentence by the whole pipeline, so the context rules
and the claim model decide as they do on a page; every wording here failed before the lexicon
additions. The exclusions are words that must stay no claim: body sites, symptoms of the named
disease, ambiguous short forms, and phrases that merely contain a new wording.
"""

from __future__ import annotations

import pytest

from clinicscan.nlp.analyse import analyse_page


def _page(*paragraphs: str) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return ("<html><head><title>Regenerative Treatments | Larkspur Cell Clinic</title></head><body>"
            f"<h1>Regenerative Treatments</h1>{body}<p>Call our office to book a consultation with our doctors.</p>"
            "</body></html>")


def _conditions(wording: str) -> list[str]:
    return analyse_page(_page(f"At Larkspur Cell Clinic we treat {wording} with injections of our patients' own "
                              "stem cells.")).conditions


def _products(wording: str) -> list[str]:
    return analyse_page(_page(f"At Larkspur Cell Clinic we treat knee arthritis with {wording}.")).product_types


CONDITIONS = {
    "back_pain": ["sacro-iliac joint pain", "sacro-iliac pain", "sacro-iliac joint dysfunction",
        "sacro-iliac dysfunction", "sacroiliac joint", "sacroiliac joints", "sacro-iliac joint", "sacro-iliac joints",
        "si joint", "si joints", "s.i. joint", "s.i. joints", "s.i. joint pain", "s.i. joint dysfunction", "sij pain",
        "sij dysfunction", "annular fissure", "annular fissures", "pulled back muscle", "pulled back muscles",
        "pulled muscle in the back", "pulled muscle in my back", "back muscle strain", "back muscle strains",
        "back-pain", "low-back-pain", "aching lower back", "stiff lower back", "painful lower back",
        "radiating leg pain", "pain radiating down the leg", "pain radiating down your leg", "pain down the leg",
        "pain that radiates down the leg", "shooting leg pain", "spinal compression fracture",
        "compression fracture of the spine", "vertebral fracture", "vertebral fractures", "back trouble",
        "trouble with your back", "damaged disc", "damaged discs", "damaged disk", "damaged disks", "injured disc",
        "injured discs", "spine injury", "spine injuries"],
    "neck_pain": ["cervical stenosis", "pinched nerve in the neck", "pinched nerve in your neck",
        "pinched nerves in the neck", "neck-pain", "whip-lash", "neck trouble", "neck spasms", "neck muscle strain"],
    "osteoarthritis": ["joint deterioration", "eroded cartilage", "degenerative arthropathy", "worn out knee",
        "worn-out knee", "worn down knee", "worn-down knee", "worn down knees", "worn-down knees", "worn down joints",
        "worn-down joints", "worn down joint", "worn hip", "worn hips", "worn-out hip", "degenerated knee",
        "degenerated knees", "degenerated joint", "degenerated joints", "degenerated hip", "degenerated hips",
        "joint wear", "chondral damage", "chondral injury", "chondral injuries", "missing cartilage",
        "joint space narrowing", "narrowed joint space", "degenerative changes in the knee",
        "degenerative changes in the hip", "polyosteoarthritis"],
    "joint_pain": ["knee instability", "unstable knee", "unstable knees", "joint instability", "unstable joints",
        "hip pains", "shoulder pains", "elbow pains", "ankle pains", "wrist pains", "cranky knees", "crunchy knees",
        "joint trouble", "hip trouble", "shoulder trouble", "joint-pain", "knee-pain", "hip-pain", "shoulder-pain",
        "elbow-pain", "ankle-pain", "joint-pains", "periarthritis", "humeroscapular periarthritis",
        "scapulohumeral periarthritis", "shoulder periarthritis", "periarthritis of the shoulder",
        "joint and muscle pain", "joint and muscle pains", "joint & muscle pain"],
    "tendon_ligament_injury": ["lateral epicondylosis", "medial epicondylosis", "rolled ankle", "rolled ankles",
        "twisted ankle", "twisted ankles", "twisted knee", "it-band syndrome", "it band pain", "iliotibial band pain",
        "ligament strain", "tfcc tear", "tfcc tears", "tfcc injury", "soft tissue tears", "soft tissue tear",
        "muscle pulls", "muscle pull", "rotator-cuff tear", "rotator-cuff tears", "rotator-cuff injury",
        "rotator-cuff injuries", "torn acls", "tendon issues", "ligament issues", "tendon trouble", "tennis-elbow",
        "golfer's-elbow", "cuff tears", "cuff tear", "torn cuff", "tendon and ligament issues"],
    "sports_injury": ["soft tissue injuries", "soft-tissue injuries", "soft tissue injury", "soft-tissue injury",
        "orthopedic injuries", "orthopaedic injuries", "orthopedic injury", "orthopaedic injury",
        "repetitive stress injuries", "repetitive stress injury", "repetitive motion injuries",
        "repetitive motion injury", "repetitive use injuries", "chronic injuries", "overuse syndromes",
        "overuse conditions", "accident-related injuries", "work-related injury", "workplace injury",
        "sport-related injury", "musculoskeletal trauma", "orthopedic trauma", "orthopaedic trauma", "auto injury",
        "car accident injury", "motor vehicle injuries", "softtissue injuries"],
    "chronic_pain": ["pain disorders", "pain disorder", "pain syndrome", "generalized pain", "generalised pain",
        "nociplastic pain", "whole-body pain", "whole body pain", "pain throughout the body", "all-over pain",
        "chronic painful conditions", "pain that doesn't go away", "pain that does not go away",
        "pain that never goes away"],
    "fibromyalgia": ["fibrositis", "fibromialgia"],
    "neuropathy": ["shingles pain", "tingling feet", "tingling hands", "tingling in your feet",
        "tingling in your hands", "numbness in your hands", "numbness in hands and feet",
        "numbness in your hands and feet", "burning pain in the feet", "burning pain in your feet",
        "burning sensation in the feet", "burning sensations in the feet", "nerve-pain", "nerve-damage",
        "mononeuropathy", "mononeuropathies"],
    "multiple_sclerosis": ["demyelinating disease", "demyelinating diseases", "demyelinating disorder",
        "demyelinating disorders", "demyelinating condition", "demyelinating conditions", "demyelinating illness"],
    "als": ["motor-neuron disease", "motor-neurone disease", "motor-neuron diseases", "motor-neurone diseases",
        "amyotrophic-lateral sclerosis"],
    "parkinsons": ["multiple system atrophy", "multiple systems atrophy", "progressive supranuclear palsy"],
    "alzheimers_dementia": ["cognitive problems", "cognitive issues", "cognitive difficulties", "memory troubles",
        "senility"],
    "stroke": ["ischemic brain injury", "ischaemic brain injury", "ischemic brain damage", "ischaemic brain damage",
        "ischemic brain injuries", "brain infarct", "brain infarcts", "cerebral infarcts"],
    "spinal_cord_injury": ["spinal-cord injury", "spinal-cord injuries", "spinal cord-injured", "spinal-cord damage",
        "injury to the spinal cord", "injuries to the spinal cord", "injury of the spinal cord",
        "injuries of the spinal cord", "damage to the spinal cord", "spine cord injury", "spine cord injuries",
        "spinal cord conditions", "spinal cord condition"],
    "traumatic_brain_injury": ["head traumas", "brain-injured", "brain-injury", "brain-injuries"],
    "autism": ["children on the spectrum", "kids on the spectrum", "child on the spectrum", "people on the spectrum",
        "individuals on the spectrum"],
    "heart_disease": ["afib", "a-fib", "cardiac damage", "cardiac injury", "poor circulation", "circulation problems",
        "circulatory problems", "circulatory issues", "circulation issues", "heart weakness", "heart trouble",
        "heart troubles", "cardiovascular issues", "cardiovascular ailments", "heart tissue damage",
        "damage to the heart", "damage to the heart muscle", "myocardial infarct", "myocardial infarcts",
        "heart-related conditions", "heart related conditions", "diseases of the heart", "heart ailments",
        "cardiac ailments", "damaged heart tissue"],
    "lung_disease": ["lung condition", "lung issues", "lung troubles", "weak lungs", "damaged lung tissue",
        "lung tissue damage", "damage to the lungs", "pneumosclerosis", "pneumofibrosis", "respiratory ailments",
        "lung fibrotic disease", "asthmatics", "diseases of the lungs", "lung-related diseases",
        "lung-related conditions", "lung related diseases", "respiratory distress syndrome"],
    "covid19": ["corona virus", "sars-cov2", "sars cov-2", "sars-cov 2"],
    "autoimmune_other": ["inflammatory arthritis", "inflammatory arthritides", "myositis",
        "autoimmune-related conditions", "autoimmune-related diseases", "autoimmune related diseases",
        "autoimmune-mediated diseases", "auto-immune illnesses"],
    "inflammatory_bowel_disease": ["inflammatory bowel", "ulcerative proctitis"],
    "kidney_disease": ["failing kidneys", "weak kidneys", "kidney trouble", "kidney troubles", "renal problems",
        "renal issues", "damaged kidneys", "damaged kidney", "kidney-related conditions", "kidney related conditions",
        "renal conditions", "renal ailments", "nephrosis", "damage to the kidneys", "damaged kidney tissue"],
    "liver_disease": ["liver trouble", "liver troubles", "scarred liver", "damaged liver", "fatty hepatosis",
        "hepatosis", "steatosis", "liver-related conditions", "hep c", "hep b", "damage to the liver",
        "damaged liver tissue"],
    "vision_loss": ["losing vision", "eye problems", "eye issues", "vision issues", "sight problems", "losing sight",
        "losing your sight", "losing their sight", "going blind", "visually impaired", "retinal damage",
        "damaged retina", "damaged retinas", "damage to the retina", "optic nerve injury", "diminished vision",
        "reduced vision", "declining vision", "eye ailments", "visual disorders"],
    "erectile_dysfunction": ["trouble getting an erection", "trouble getting erections",
        "difficulty getting an erection", "difficulty achieving an erection", "difficulty maintaining an erection",
        "problems getting an erection", "performance in the bedroom", "bedroom performance", "sexual problems",
        "sexual issues", "sexual difficulties", "impotency", "male potency", "penile health", "orgasm dysfunction",
        "sexual dysfunctions"],
    "anti_aging": ["age-defying", "age defying", "anti-senescence", "senolytic", "senolytics", "biological aging",
        "biological ageing", "age-related degeneration", "optimal aging", "optimal ageing", "prevention of aging",
        "prevention of ageing", "age-related illnesses", "age-related illness"],
    "cosmetic": ["wrinkled skin", "sagging face", "sagging facial skin", "tired-looking skin", "skin radiance",
        "facial contouring", "photo-aging", "photo-ageing", "skin damage", "collagen loss", "loss of collagen",
        "décolletage", "decolletage", "skin concerns", "skin issues", "skin problems", "mature skin",
        "loss of elasticity in the skin", "sunken cheeks", "thinning skin", "lackluster skin", "lacklustre skin"],
    "hair_loss": ["receding hairlines", "hair-loss", "losing your hair", "losing their hair", "losing his hair",
        "losing her hair", "hair problems", "loss of hair", "thin hair", "excessive shedding", "hair-thinning"],
    "wound_healing": ["sores that won't heal", "sores that do not heal", "ulcers that won't heal",
        "ulcers that do not heal", "ulcers on the feet", "ulcers on the legs", "pressure wounds", "difficult wounds",
        "wound-healing", "burned skin", "venous stasis ulcers", "stasis ulcers", "gangrene", "diabetic gangrene",
        "wound recovery", "skin injuries", "skin injury", "slow-healing sores", "non-healing sores", "chronic sores"],
    "cancer": ["malignant disease", "malignant diseases", "neoplasia", "retinoblastoma", "oncologic conditions",
        "cancerous diseases"],
    "blood_disorders": ["blood-related disorders", "blood-related diseases", "blood related disorders",
        "blood conditions", "hematologic conditions", "haematologic conditions", "hematological conditions",
        "haematological conditions", "marrow failure", "diseases of the blood", "hematopoietic disorders",
        "haematopoietic disorders", "hematopoietic malignancies", "haematopoietic malignancies",
        "hematopoietic diseases", "haematopoietic diseases", "waldenström macroglobulinemia",
        "disorders of the blood"],
    "gvhd": ["graft vs. host disease", "graft-vs.-host disease", "graft vs. host", "graft-vs.-host",
        "graft v host disease", "graft-v-host disease"],
}

PRODUCTS = {
    "umbilical_cord": ["umbilical cords", "umbilical mesenchymal stem cells", "umbilical mesenchymal stromal cells"],
    "adipose": ["fat-based stem cells", "fat based stem cells", "micro fat", "liposuctioned fat", "fat injection",
        "fat injections"],
    "exosome": ["sevs"],
    "prp": ["iprf", "prfm", "autologous platelets", "plasma gel", "autologous protein solution", "plasma injections",
        "plasma injection", "concentrated platelet"],
    "peripheral_blood": ["peripheral-blood stem cells", "peripheral-blood stem cell", "mobilized blood stem cells",
        "mobilised blood stem cells", "pbpc", "pbpcs", "pb-mnc", "pb-mncs", "pbmnc", "pbmncs", "vsels", "vsel",
        "very small embryonic-like stem cells", "very small embryonic like stem cells"],
    "embryonic_fetal": ["fresh cell therapy", "live cell therapy", "fresh-cell therapy", "live-cell therapy",
        "hes cells"],
    "unspecified_stem_cell": ["cell-based therapies", "cell based therapies"],
}

#: token patterns: dotted abbreviations (one token each), possessive + body part + verb, aging verbs, a stage
TOKEN_WORDINGS = {
    "back_pain": ["LBP", "SIJ pain", "S.I. joint pain", "my back hurts", "his lower back is killing him"],
    "neck_pain": ["my neck hurts"],
    "osteoarthritis": ["O.A. of the knee"],
    "als": ["A.L.S."],
    "lung_disease": ["C.O.P.D.", "ARDS"],
    "rheumatoid_arthritis": ["R.A."],
    "lupus": ["S.L.E."],
    "inflammatory_bowel_disease": ["I.B.D."],
    "traumatic_brain_injury": ["T.B.I."],
    "spinal_cord_injury": ["S.C.I.", "SCIs"],
    "cerebral_palsy": ["C.P. in children"],
    "autism": ["A.S.D."],
    "kidney_disease": ["C.K.D.", "DKD", "PKD", "AKI"],
    "vision_loss": ["A.M.D."],
    "erectile_dysfunction": ["E.D."],
    "diabetes": ["LADA", "IDDM", "NIDDM"],
    "heart_disease": ["IHD", "CHD", "HLHS", "damaged heart tissue"],
    "stroke": ["CVAs"],
    "autoimmune_other": ["MCTD", "autoimmune and inflammatory conditions", "auto-immune or neurological diseases"],
    "gvhd": ["cGVHD", "aGVHD", "G.V.H.D."],
    "blood_disorders": ["PNH"],
    "anti_aging": ["slowing down the aging", "the deceleration of senescence", "fighting the ageing"],
    "cosmetic": ["aging skin", "ageing faces"],
    "alzheimers_dementia": ["early-stage dementia", "early stage Alzheimer's"],
}

#: a second batch of 184 wordings, written after the first commit and read once on both lexicons before any
#: entry came from it (page-level recall 156 -> 159 of 184: the blind figure); its misses then became entries
SECOND_BATCH = {
    "back_pain": ["chronic lumbar discomfort", "sciatic leg pain", "facet-mediated pain", "sacroiliac joint instability"],
    "neck_pain": ["chronic neck discomfort"],
    "joint_pain": ["knees that give out", "joint soreness"],
    "sports_injury": ["gym-related injuries"],
    "heart_disease": ["heart valve problems"],
    "autoimmune_other": ["autoimmune skin diseases", "autoimmune thyroid conditions", "psoriatic skin disease",
        "immune system diseases"],
    "kidney_disease": ["renal decline", "kidney scarring"],
    "erectile_dysfunction": ["problems with erections"],
    "wound_healing": ["chronic leg wounds", "slow-to-heal wounds"],
}
SECOND_BATCH_PRODUCTS = {
    "adipose": ["fat-sourced stem cells"],
    "exosome": ["vesicles derived from stem cells", "EV therapy"],
    "peripheral_blood": ["stem cells mobilised from your blood", "circulating blood stem cells"],
}


@pytest.mark.parametrize(("vocab_id", "wording"), [(k, w) for table in (CONDITIONS, SECOND_BATCH)
                                                      for k, v in table.items() for w in v])
def test_condition_wording_is_claimed_on_a_selling_page(vocab_id, wording):
    assert vocab_id in _conditions(wording)


@pytest.mark.parametrize(("vocab_id", "wording"), [(k, w) for k, v in TOKEN_WORDINGS.items() for w in v])
def test_condition_token_wording_is_claimed_on_a_selling_page(vocab_id, wording):
    assert vocab_id in _conditions(wording)


@pytest.mark.parametrize(("vocab_id", "wording"), [(k, w) for table in (PRODUCTS, SECOND_BATCH_PRODUCTS)
                                                      for k, v in table.items() for w in v])
def test_product_wording_is_claimed_on_a_selling_page(vocab_id, wording):
    assert vocab_id in _products(wording)


@pytest.mark.parametrize(("wording", "expected", "not_expected"), [
    ("soft tissue injuries", "sports_injury", "tendon_ligament_injury"),   # generic injuries (the manual)
    ("orthopedic injuries", "sports_injury", "joint_pain"),
    ("inflammatory arthritis", "autoimmune_other", "osteoarthritis"),        # a named type, not wear and tear
    ("cervical stenosis", "neck_pain", "back_pain"),                         # the neck, not the lower back
    ("pinched nerve in the neck", "neck_pain", "back_pain"),
    ("S.I. joint pain", "back_pain", "joint_pain"),                          # SI problems are back pain
    ("sacro-iliac joint pain", "back_pain", "joint_pain"),
    ("ischemic brain injury", "stroke", "traumatic_brain_injury"),           # not a trauma
    ("injuries to the spinal cord", "spinal_cord_injury", "sports_injury"),
    ("hematopoietic malignancies", "blood_disorders", "cancer"),             # blood cancers, by the vocabulary
    ("aging skin", "cosmetic", "anti_aging"),                                # "treat aging skin" is the skin
])
def test_the_longer_wording_decides_the_id(wording, expected, not_expected):
    found = _conditions(wording)
    assert expected in found and not_expected not in found


_OFFER = "At Larkspur Cell Clinic we treat knee osteoarthritis with injections of umbilical cord stem cells."
_MS_OFFER = "At Larkspur Cell Clinic we treat multiple sclerosis with infusions of umbilical cord stem cells."


@pytest.mark.parametrize(("paragraphs", "field", "vocab_id"), [
    # body-site words that are not conditions or products (the manual, section 2)
    ((_OFFER, "Stem cells live in your bone marrow and fat."), "product_types", "bone_marrow"),
    ((_OFFER, "Stem cells live in your bone marrow and fat."), "product_types", "adipose"),
    ((_OFFER, "Many of our patients also want to lose belly fat."), "product_types", "adipose"),
    ((_OFFER, "Stem cells are found in many tissues, such as spinal cord tissue and the bone marrow."),
     "conditions", "spinal_cord_injury"),
    ((_OFFER, "Your lower back is where the fat for other procedures is usually taken from."), "conditions", "back_pain"),
    ((_OFFER, "Blood stem cells live in the bone marrow."), "product_types", "peripheral_blood"),
    # symptoms of the named disease
    ((_MS_OFFER, "Multiple sclerosis often brings numbness and tingling in the hands and feet, tiredness and blurred "
                 "vision."), "conditions", "neuropathy"),
    ((_MS_OFFER, "Multiple sclerosis often brings numbness and tingling in the hands and feet and eye problems."),
     "conditions", "vision_loss"),
    (("At Larkspur Cell Clinic we treat long COVID with exosome infusions.",
      "Long COVID often brings shortness of breath, tiredness and brain fog."), "conditions", "lung_disease"),
    # outcome words and phrases that only contain a new wording
    ((_OFFER, "Most patients report lasting pain relief within weeks."), "conditions", "chronic_pain"),
    ((_OFFER, "Do not let anyone tell you a fib about stem cells."), "conditions", "heart_disease"),
    ((_OFFER, "PRP is also used in plastic surgery and dentistry."), "conditions", "cosmetic"),
    ((_OFFER, "Knee osteoarthritis can follow an old injury."), "conditions", "sports_injury"),
    ((_OFFER, "Arthritis comes in many forms."), "conditions", "autoimmune_other"),
    # "ED" after a department's name is the emergency department, not erectile dysfunction
    ((_OFFER, "The emergency department ED is next door to our clinic."), "conditions", "erectile_dysfunction"),
    # research at an early stage is still research (the stage pseudo cue needs a disease after it)
    ((_OFFER, "Early-stage research suggests stem cells may one day help dementia."), "conditions",
     "alzheimers_dementia"),
])
def test_not_a_claim(paragraphs, field, vocab_id):
    assert vocab_id not in getattr(analyse_page(_page(*paragraphs)), field)
