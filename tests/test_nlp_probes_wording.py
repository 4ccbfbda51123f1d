"""Probe sentences in the wording of real clinic, regulator, news and research pages.

Written for the project (not copied from any site) from how such pages are commonly
phrased, to check that the lexicon and the context rules generalise beyond the dev set's
own writing. Each probe goes through the whole pipeline (mentions and context), and a
mention counts when its context is asserted or hedged, as on a page-level label.
"""

from __future__ import annotations

import pytest

from claim_probe import counted


# -- product types ------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "product"), [
    ("Our cellular therapy program is led by Dr. Example.", "unspecified_stem_cell"),
    ("We use a cellular allograft for knee pain.", "unspecified_stem_cell"),
    ("The injection uses a flowable tissue allograft.", "unspecified_stem_cell"),
    ("We use birth tissue products from screened donors.", "placental"),
    ("Perinatal tissue injections are available.", "placental"),
    ("An amniotic allograft is injected into the joint.", "amniotic"),
    ("We offer amnion-derived injections.", "amniotic"),
    ("A placental tissue matrix is applied to the wound.", "placental"),
    ("Our product contains Wharton's jelly-derived cells.", "umbilical_cord"),
    ("Cord tissue cells from healthy full-term births.", "umbilical_cord"),
    ("We use UC-MSCs grown in our lab.", "umbilical_cord"),
    ("Treatment with MSC-derived exosomes.", "exosome"),
    ("Our secretome therapy is cell-free.", "exosome"),
    ("Stem cell conditioned media is applied after microneedling.", "exosome"),
    ("We offer BMAC for knee arthritis.", "bone_marrow"),
    ("Bone marrow concentrate is prepared in the office.", "bone_marrow"),
    ("Cells are drawn from the back of your hip bone.", "bone_marrow"),
    ("A mini-lipo harvests a small amount of fat.", "adipose"),
    ("The lipoaspirate is processed to isolate SVF.", "adipose"),
    ("We use your own fat-derived stem cells.", "adipose"),
    ("A micro-fragmented adipose tissue injection.", "adipose"),
    ("Young donor cells are thawed on the day of treatment.", "unspecified_stem_cell"),
    ("An IV infusion of 100 million MSCs.", "msc"),
    ("Culture-expanded mesenchymal cells are given intrathecally.", "msc"),
    ("Medicinal signaling cells help coordinate repair.", "msc"),
    ("Platelet-rich plasma injections for tendons.", "prp"),
    ("We offer PRP and PRF treatments.", "prp"),
    ("Stem cell mobilization from your blood.", "peripheral_blood"),
    ("We use fetal stem cells.", "embryonic_fetal"),
    ("Our stem cell injections start at $3,900.", "unspecified_stem_cell"),
])
def test_product_wording_names_its_type(text, product):
    assert product in counted(text, "product_type")


@pytest.mark.parametrize(("text", "offered", "source"), [
    ("Treatment with MSC-derived exosomes.", "exosome", "msc"),
    ("We infuse exosomes derived from umbilical cord MSCs.", "exosome", "umbilical_cord"),
    ("Our umbilical cord MSC-derived exosomes are lab tested.", "exosome", "umbilical_cord"),
    ("Our Wharton's jelly-derived exosomes are lab tested.", "exosome", "umbilical_cord"),
    ("We use conditioned media from mesenchymal stem cells.", "exosome", "msc"),
    ("We offer PRP injections (see BMC Musculoskeletal Disorders, 2020).", "prp", "bone_marrow"),
    ("We offer PRP for bone marrow edema of the knee.", "prp", "bone_marrow"),
    ("PRP is given after a bone marrow biopsy rules out infection.", "prp", "bone_marrow"),
    ("Our exosomes help regenerate damaged spinal cord tissue.", "exosome", "umbilical_cord"),
    ("Lose belly fat with our PRP and weight-loss program.", "prp", "adipose"),
    ("Our exosomes need no bone marrow or fat harvest.", "exosome", "adipose"),
    ("We use neither fetal nor embryonic cells, only PRP.", "prp", "embryonic_fetal"),
    ("Our PRP injections support healing after fetal development problems of the hip.", "prp", "embryonic_fetal"),
])
def test_product_named_only_as_a_source_or_a_site_is_not_offered(text, offered, source):
    found = counted(text, "product_type")
    assert offered in found and source not in found


# -- conditions ---------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "condition"), [
    ("Stem cells for bone-on-bone knees.", "osteoarthritis"),
    ("An option for worn cartilage.", "osteoarthritis"),
    ("We treat DJD of the knee.", "osteoarthritis"),
    ("Degenerative joint disease responds well.", "osteoarthritis"),
    ("Treatment for a rotator cuff tear.", "tendon_ligament_injury"),
    ("Repairing a hip labral tear without surgery.", "tendon_ligament_injury"),
    ("We treat plantar fasciitis.", "tendon_ligament_injury"),
    ("Tennis elbow and golfer's elbow.", "tendon_ligament_injury"),
    ("Relief from sciatica.", "back_pain"),
    ("Help for failed back surgery syndrome.", "back_pain"),
    ("Treating neuropathy in the feet.", "neuropathy"),
    ("Diabetic nerve pain treatment.", "neuropathy"),
    ("Our long-haul COVID program.", "covid19"),
    ("Post-COVID lung damage.", "covid19"),
    ("We treat emphysema.", "lung_disease"),
    ("We treat IPF.", "lung_disease"),
    ("CHF patients may benefit.", "heart_disease"),
    ("Post-stroke recovery with stem cells.", "stroke"),
    ("We treat TBI.", "traumatic_brain_injury"),
    ("Stem cells for ASD in children.", "autism"),
    ("Fewer MS flares after treatment.", "multiple_sclerosis"),
    ("We treat lupus, MS, and ALS.", "multiple_sclerosis"),
    ("Treatment for Lou Gehrig\u2019s.", "als"),
    ("We treat ED with stem cells.", "erectile_dysfunction"),
    ("ED treatment with stem cells.", "erectile_dysfunction"),
    ("Peyronie\u2019s disease responds to injections.", "erectile_dysfunction"),
    ("Thinning hair can be restored.", "hair_loss"),
    ("Androgenetic alopecia treatment.", "hair_loss"),
    ("Smooth crow's feet.", "cosmetic"),
    ("Skin rejuvenation with exosomes.", "cosmetic"),
    ("Restore your vitality.", "anti_aging"),
    ("Support healthy aging.", "anti_aging"),
    ("Our longevity protocol uses MSCs.", "anti_aging"),
    ("Stem cells for knee osteoarthritis.", "osteoarthritis"),
    ("Help for a torn meniscus.", "tendon_ligament_injury"),
    ("We treat spinal stenosis.", "back_pain"),
    ("Stem cells for COPD.", "lung_disease"),
    ("Stem cells for Crohn's disease.", "inflammatory_bowel_disease"),
    ("Macular degeneration treatment.", "vision_loss"),
    ("Joint pain & arthritis.", "osteoarthritis"),
    ("Degenerative conditions of the spine.", "back_pain"),
    ("Children with CP.", "cerebral_palsy"),
    ("Runner's knee.", "joint_pain"),
    ("We treat AML, CML and myelodysplastic syndromes.", "blood_disorders"),
    ("Transplants for cancers of the bone marrow.", "blood_disorders"),
])
def test_condition_wording_names_its_condition(text, condition):
    assert condition in counted(text, "condition")


@pytest.mark.parametrize(("text", "condition"), [
    ("Our knee injection was performed after radiofrequency burns were ruled out.", "wound_healing"),
    ("Radiofrequency ablation burns the nerve so it stops sending pain signals.", "wound_healing"),
    ("Support your overall health.", "anti_aging"),
    ("A natural alternative to drugs.", "anti_aging"),
    ("We start by numbing the skin.", "cosmetic"),
    ("Free pain-free parking is available.", "chronic_pain"),
    ("Files are in MS Word format.", "multiple_sclerosis"),
    ("Download the manuscript (MS) here.", "multiple_sclerosis"),
    ("She holds an MS in Biology.", "multiple_sclerosis"),
    ("John Smith, MS, MD, is our director.", "multiple_sclerosis"),
    ("Dr. Lee has a Master of Science (MS).", "multiple_sclerosis"),
    ("Works with Microsoft (MS) Teams for video visits.", "multiple_sclerosis"),
    ("Visit us at 100 Main St, Jackson, MS 39201.", "multiple_sclerosis"),
    ("Jane Roe, MS, RD, is our nutritionist.", "multiple_sclerosis"),
    ("Our Gulfport, MS office is open on Saturdays.", "multiple_sclerosis"),
    ("If symptoms worsen, go to the ED.", "erectile_dysfunction"),
    ("He was seen in the ED after the fall.", "erectile_dysfunction"),
    ("Wir behandeln mehr als 500 Patienten.", "als"),
    ("Meeting a patient was a stroke of luck.", "stroke"),
    ("Our office is in the heart of the city.", "heart_disease"),
    ("We are not able to treat cancer.", "cancer"),
    ("We cannot treat autism.", "autism"),
    ("Some clinics claim to cure autism \u2014 we never do.", "autism"),
    ("The trial tests ways to prevent graft-versus-host disease.", "gvhd"),
    ("Medicines are given to prevent graft-versus-host disease.", "gvhd"),
    ("In 2024 the FDA approved Ryoncil, the first MSC therapy, for GVHD in children.", "gvhd"),
    ("Home - Example Chiropractic & Wellness - Springfield", "anti_aging"),
    ("The donor's immune system can also attack remaining cancer cells.", "cancer"),
    ("Transplants treat many cancers and disorders of the blood.", "cancer"),
    ("All donors are screened for HIV, hepatitis B and hepatitis C.", "liver_disease"),
    ("Each donor is tested for infectious diseases including HIV, hepatitis and syphilis.", "liver_disease"),
    ("Mothers are screened for diabetes, cancer and infections before donating.", "diabetes"),
])
def test_condition_look_alikes_are_not_claimed(text, condition):
    assert condition not in counted(text, "condition")


# -- red flags ----------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "flag"), [
    ("Our cells come from an FDA-registered facility.", "fda_claim"),
    ("The FDA does not approve procedures, but our lab is FDA registered.", "fda_claim"),
    ("Our products meet FDA 361 HCT/P guidelines.", "fda_claim"),
    ("Our stem cells are 100% safe.", "safety_claim"),
    ("There is no risk of rejection.", "safety_claim"),
    ("97% patient satisfaction.", "success_rate_claim"),
    ("9 out of 10 patients report less pain.", "success_rate_claim"),
    ("Money-back guarantee.", "success_rate_claim"),
    ("Regrow cartilage naturally.", "cure_claim"),
    ("Reverse the signs of aging.", "cure_claim"),
    ("Avoid knee replacement surgery.", "avoid_surgery_claim"),
    ("An alternative to hip replacement.", "avoid_surgery_claim"),
    ("Our patients report 80% less pain.", "success_rate_claim"),
    ("2 out of 3 patients report less pain.", "success_rate_claim"),
    ("Licensed by the DHA.", "fda_claim"),
    ("Our umbilical cord cells are approved by COFEPRIS.", "fda_claim"),
    ("We only use FDA-approved devices.", "fda_claim"),
    ("Since 2010 our lab has been FDA registered.", "fda_claim"),
    ("Get rid of knee pain for good.", "cure_claim"),
    ("Free of side effects.", "safety_claim"),
    ("No surgery, no side effects, no downtime.", "safety_claim"),
    ("The results are permanent.", "cure_claim"),
    ("Reverse nerve damage.", "cure_claim"),
    ("There are no known risks.", "safety_claim"),
    ("Nine out of ten patients would recommend us.", "success_rate_claim"),
    ("Stem cells can delay or eliminate the need for surgery.", "avoid_surgery_claim"),
    ("Our clinic is licensed by the Ministry of Health of Panama.", "fda_claim"),
    ("We comply with all FDA regulations.", "fda_claim"),
    # a flat "is safe" is absolute in the coding manual (ANNOTATION.md section 3); "generally safe" is a hedge
    ("Stem cell therapy is safe and effective.", "safety_claim"),
    ("The procedure is extremely safe.", "safety_claim"),
])
def test_red_flag_wording_is_a_claim(text, flag):
    assert flag in counted(text, "red_flag")


@pytest.mark.parametrize(("text", "flag"), [
    ("Is stem cell therapy FDA approved?", "fda_claim"),
    ("Dr. X, our founder, is board certified.", "fda_claim"),
    ("Our doctors are board-certified and fellowship-trained.", "fda_claim"),
    ("Firms falsely claim their products are FDA approved.", "fda_claim"),
    ("Stem cell therapy is not FDA approved for this use.", "fda_claim"),
    ("Stem cell therapy is generally safe and effective.", "safety_claim"),
    ("Minimal downtime.", "safety_claim"),
    ("Results vary.", "success_rate_claim"),
    ("Individual results may vary.", "success_rate_claim"),
    ("Results are not guaranteed.", "success_rate_claim"),
    ("The clinic advertised a 90% success rate.", "success_rate_claim"),
    ("Stem cells are not a cure.", "cure_claim"),
    ("Some clinics claim to cure autism \u2014 we never do.", "cure_claim"),
    ("The Placenta Kur is a four-week course.", "cure_claim"),
    ("This product is not intended to diagnose, treat, cure or prevent any disease.", "cure_claim"),
    ("Save 20% on your second treatment.", "success_rate_claim"),
    ("Over 3,000 patients treated.", "success_rate_claim"),
    ("Most patients rate it 2 out of 10.", "success_rate_claim"),
    ("The only FDA-approved stem cell products are made from cord blood.", "fda_claim"),
    ("Our hospital is JCI-accredited.", "fda_claim"),
    ("In December 2024, the FDA approved the first MSC therapy for steroid-refractory GVHD in children.", "fda_claim"),
    ("In 2023 the FDA approved a cord blood product for blood cancers.", "fda_claim"),
    ("FDA-approved medications such as NSAIDs only mask the pain.", "fda_claim"),
    ("Unlike FDA-approved drugs, stem cells target the cause.", "fda_claim"),
    ("No guarantee of results is made.", "success_rate_claim"),
    ("While no procedure is completely without risk, complications are rare.", "safety_claim"),
    ("No medical procedure is completely safe.", "safety_claim"),
    ("Nothing is risk-free.", "safety_claim"),
    ("We don't claim an 85% success rate.", "success_rate_claim"),
    ("Patients hoping for a cure travel abroad.", "cure_claim"),
    ("Parkinson's has no known cure.", "cure_claim"),
    ("Scientists want to find a cure.", "cure_claim"),
    ("These statements have not been evaluated by the Food and Drug Administration.", "fda_claim"),
    ("There is no evidence that stem cells regrow cartilage.", "cure_claim"),
    ("Beware of clinics that promise a cure.", "cure_claim"),
    ("Claims that stem cells can reverse autism are false.", "cure_claim"),
    ("Over 10,000 procedures performed.", "success_rate_claim"),
    ("Our protocols are approved by an IRB.", "fda_claim"),
    ("Results are not permanent.", "cure_claim"),
    ("Heal your knee naturally.", "cure_claim"),
    ("The procedure is considered safe.", "safety_claim"),
    # "virtually no", "little to no" are hedges in the coding manual (ANNOTATION.md section 3)
    ("Virtually no risk.", "safety_claim"),
    ("There is little to no risk of infection.", "safety_claim"),
])
def test_red_flag_look_alikes_are_not_claimed(text, flag):
    assert flag not in counted(text, "red_flag")


@pytest.mark.parametrize("text", [
    "Avoid surgery with stem cells.",
    "Avoid knee replacement with your own bone marrow cells.",
])
def test_product_named_as_the_way_to_avoid_surgery_is_offered(text):
    assert counted(text, "product_type")


# -- context: comparisons, classifications, research framing ------------------------------

@pytest.mark.parametrize(("text", "kind", "vocab_id", "is_claimed"), [
    ("While some clinics offer amniotic injections, we use only your own bone marrow.", "product_type", "bone_marrow", True),
    ("While some clinics offer amniotic injections, we use only your own bone marrow.", "product_type", "amniotic", False),
    ("Other clinics use fat-derived cells; we prefer bone marrow.", "product_type", "bone_marrow", True),
    ("Many clinics offer stem cells for autism, which is why we only treat knee pain.", "condition", "joint_pain", True),
    ("Many clinics offer stem cells for autism, which is why we only treat knee pain.", "condition", "autism", False),
    ("PRP is not a stem cell therapy, but it contains growth factors.", "product_type", "prp", True),
    ("Autism is not a condition we treat.", "condition", "autism", False),
    ("Stem cells are not a treatment for cancer.", "condition", "cancer", False),
    ("Our clinic is not a cancer treatment center.", "condition", "cancer", False),
    ("Arthritis is not a normal part of aging.", "condition", "osteoarthritis", True),
    ("Arthritis is not a normal part of aging.", "condition", "anti_aging", False),
    ("Slow aging with exosomes.", "condition", "anti_aging", True),
    ("Studies have shown MSCs may help in ALS.", "condition", "als", False),
    ("A 2019 study published in a major journal found that stem cells improved knee pain.", "condition", "joint_pain", False),
    ("Patients with MS have reported improvements in fatigue and mobility.", "condition", "multiple_sclerosis", True),
    ("Stem cells have the potential to treat heart failure.", "condition", "heart_disease", True),
    ("We do not accept patients with active cancer.", "condition", "cancer", False),
    ("Can stem cells cure diabetes?", "condition", "diabetes", False),
    ("According to its website, the clinic treats autism and ALS.", "condition", "autism", False),
    ("Our website lists the conditions we treat, including autism.", "condition", "autism", True),
    ("The clinic's website says its cells are FDA registered.", "red_flag", "fda_claim", False),
    ("Its brochure promises a 95% success rate.", "red_flag", "success_rate_claim", False),
    ("The company told patients its products had no side effects.", "red_flag", "safety_claim", False),
])
def test_context_of_comparisons_classifications_and_research(text, kind, vocab_id, is_claimed):
    assert (vocab_id in counted(text, kind)) is is_claimed
