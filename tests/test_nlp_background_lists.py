"""A list introduced as a condition's symptoms, causes, risk factors or side/late effects names
background, not what the page treats (coding manual section 2: "neuropathy caused by diabetes,
chemotherapy or lupus" is neuropathy only); a list introduced as the page's own offer stays the
offer. Pages written for this test."""

from __future__ import annotations

import pytest

from clinicscan.nlp.analyse import analyse_page

OFFER = "<p>Our clinic treats {condition} with {product} injections. Call us to book a consultation.</p>"


def page(title: str, offer: str, lead_in: str, items: list[str]) -> str:
    bullets = "".join(f"<li>{item}</li>" for item in items)
    return f"<main><h1>{title}</h1>{offer}<p>{lead_in}</p><ul>{bullets}</ul><p>Call today.</p></main>"


BACKGROUND = {
    "causes, including": ("Peripheral Neuropathy Care", "peripheral neuropathy", "amniotic",
                          "Nerve damage in the feet has several causes, including:",
                          ["Diabetes", "Chemotherapy", "Lupus and other autoimmune conditions", "Kidney failure"],
                          {"neuropathy"}),
    "symptoms can include": ("MS Cell Therapy", "multiple sclerosis", "umbilical cord stem cell",
                             "The symptoms of multiple sclerosis can include:",
                             ["Blurred vision", "Numbness and tingling in the hands", "Low mood and depression"],
                             {"multiple_sclerosis"}),
    "risk factors such as": ("Knee Osteoarthritis Injections", "knee osteoarthritis", "bone marrow concentrate",
                             "Risk factors for worn knees such as these raise your chances:",
                             ["Old sports injuries", "Rheumatoid arthritis", "Carrying extra weight"],
                             {"osteoarthritis"}),
    "complications often involve": ("Diabetes and Stem Cells", "type 2 diabetes", "mesenchymal stem cell",
                                    "Complications of diabetes often involve:",
                                    ["Kidney disease", "Heart disease", "Poor eyesight"], {"diabetes"}),
}


@pytest.mark.parametrize("name", sorted(BACKGROUND))
def test_a_background_list_names_no_condition_of_the_page(name):
    title, condition, product, lead_in, items, offered = BACKGROUND[name]
    analysis = analyse_page(page(title, OFFER.format(condition=condition, product=product), lead_in, items),
                            is_html=True)
    assert analysis.offers_treatment
    assert set(analysis.conditions) == offered


OFFERED_LISTS = {
    "conditions we treat include": "Conditions we treat include:",
    "signs you may be a candidate include": "Signs you may be a candidate include:",
    "patients we help include people with": "Patients we help include people with:",
}


@pytest.mark.parametrize("name", sorted(OFFERED_LISTS))
def test_a_list_of_the_pages_own_offer_stays_its_offer(name):
    offer = "<p>We offer platelet-rich plasma and bone marrow concentrate injections.</p>"
    analysis = analyse_page(page("Regenerative Injections", offer, OFFERED_LISTS[name],
                                 ["Knee osteoarthritis", "Rotator cuff tears", "Chronic low back pain"]), is_html=True)
    assert {"osteoarthritis", "tendon_ligament_injury", "back_pain"} <= set(analysis.conditions)
