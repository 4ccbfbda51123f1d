"""Page-level probes: does a page offer treatment, in the styles real pages are written in?

Short pages written for the project (fictional names, not copied from any site), in the
voice of real page kinds the dev set has few of: news with bylines and quotes, regulator
consumer updates and warning letters, research abstracts, academic trial recruitment, cord
blood banks, insurer policies, sceptical practice blogs and advocacy guides, against clinic
pages of several styles. No single cue should decide: each page has a mix.
"""

from __future__ import annotations

import pytest

from clinicscan.nlp.analyse import analyse_page

REPORTING = {
 "news": """Stem cell clinics draw patients despite warnings
By Dana Example, Health Reporter
Published March 3, 2025 | Updated March 4, 2025
Patients with knee arthritis and multiple sclerosis are paying up to $15,000 for umbilical cord injections at clinics across the state, a review by this newspaper found.
One clinic advertised a 90% success rate and said its cells were FDA approved. The FDA said in a statement that it has not approved any such product.
"These clinics are selling hope," said Dr. Ann Example, a professor of orthopaedics, in an interview.
The clinic did not respond to requests for comment.
Related: Lawmakers weigh new rules for regenerative medicine""",
 "regulator": """Consumer Update: Important Information About Stem Cell Treatments
Some clinics claim that stem cell products can treat autism, Parkinson's disease, ALS and knee pain. The agency has not approved these uses.
The only stem cell products approved by the FDA are blood-forming stem cells derived from umbilical cord blood, used for certain blood cancers.
The agency has issued warning letters to firms marketing unapproved amniotic and exosome products.
Patients have suffered blindness and infections after injections.
If you are considering treatment, ask whether the product is being studied in a clinical trial under an investigational new drug application.
Report adverse events to MedWatch, the FDA's safety reporting program.""",
 "warning_letter": """WARNING LETTER
Dear Mr. Example:
During an inspection of your firm, investigators documented that you manufacture an umbilical cord blood product and Wharton's jelly product intended for the treatment of osteoarthritis, COPD and erectile dysfunction.
Your products are drugs and biological products as defined in the Act, and they are not approved.
Your website states that the product is "safe, with no side effects" and "FDA registered".
You should take prompt action to correct these violations. Please respond in writing within fifteen working days.
Sincerely, Director, Office of Compliance""",
 "research": """Intra-articular injection of bone marrow aspirate concentrate for knee osteoarthritis: a randomized controlled trial
Abstract
Background: Bone marrow concentrate (BMAC) is widely used for knee osteoarthritis, but evidence is limited.
Methods: Sixty patients were randomly assigned to BMAC or saline injection. The primary outcome was pain at 12 months.
Results: Pain improved in both groups (mean difference 0.4, 95% CI -0.6 to 1.4; p = 0.41).
Conclusions: BMAC was not superior to placebo. Larger trials are needed.
Keywords: mesenchymal stem cells; osteoarthritis; orthobiologics""",
 "trial": """Mesenchymal stem cells for secondary progressive multiple sclerosis: a phase II trial
We are recruiting adults aged 18 to 65 with progressive MS.
Inclusion criteria: EDSS score between 3.0 and 6.5.
Exclusion criteria: active cancer, pregnancy, previous stem cell treatment.
Participants will receive either MSCs or placebo by intravenous infusion.
There is no cost to participate, and travel expenses are reimbursed.
Principal investigator: Prof. A. Example, University Hospital Department of Neurology.
This study is approved by the research ethics committee. ClinicalTrials.gov identifier NCT00000000.""",
 "banking": """Bank your baby's cord blood at birth
Cord blood is rich in blood-forming stem cells that may be used in transplants for leukemia, lymphoma and some inherited blood disorders.
Our collection kit is easy for your doctor or midwife to use. Storage is in our AABB-accredited laboratory.
Choose annual storage or a 20-year plan. Enroll today and save $200 on processing.
Cord tissue banking is also available.""",
 "insurer": """Medical Policy: Orthopaedic Applications of Stem Cell Therapy
Policy: Mesenchymal stem cell therapy, including bone marrow aspirate concentrate, adipose-derived cells and amniotic or umbilical cord products, is considered experimental and investigational for all orthopaedic applications, including osteoarthritis, rotator cuff tears and degenerative disc disease, and is not covered.
Rationale: The evidence is insufficient to determine the effects of the technology on health outcomes.
Coding: CPT 0232T, 20939.
Policy history: reviewed annually.""",
 "sceptic_blog": """Why our practice does not offer stem cell injections
Patients often ask me about stem cell injections for knee arthritis. I understand the appeal.
We do not offer stem cell injections because the evidence does not support them, and the amniotic products sold as "stem cells" contain no live cells.
Clinics that promise to regrow cartilage or help you avoid knee replacement are making claims no study has shown.
If you have arthritis, we will talk about exercise, weight loss, bracing and, when needed, joint replacement.
Dr. Sam Example is an orthopaedic surgeon.""",
 "advocacy": """A patient's guide to stem cell clinics
Before you pay for a stem cell treatment, ask these questions.
Is the treatment part of a registered clinical trial? Is the product FDA approved for your condition?
Be wary of clinics that claim to treat many unrelated conditions, such as autism, ALS and COPD, with the same cells.
Beware of testimonials and promises of a cure.
Talk to your doctor before you travel abroad for treatment.
This guide was written by a patient advocacy organisation and is not medical advice.""",
 "society_statement": """Position statement on unproven stem cell interventions
The Society recommends that physicians not offer mesenchymal stem cell or umbilical cord products outside of clinical trials.
Marketing of such products for osteoarthritis, spinal cord injury and heart failure is not supported by evidence.
Members should report clinics that make misleading claims.
Approved by the Board of Directors, June 2024.""",
 "news_quotes": """Local clinic's stem cell claims questioned
Jan. 12, 2025
"We treat everything from bad knees to Parkinson's," the owner of Example Regenerative told a reporter posing as a patient. "Our success rate is over 90 percent."
The clinic charges $7,500 per injection of what it calls umbilical cord stem cells.
Experts say there is no evidence for such claims. The state medical board is investigating, according to records obtained by the newspaper.""",
 "abstract_oneparagraph": """Adipose-derived stromal vascular fraction in knee osteoarthritis: a systematic review and meta-analysis. We searched MEDLINE and Embase for randomised trials of SVF injection. Twelve studies with 640 patients were included. SVF was associated with improved WOMAC scores at 6 months, but the certainty of evidence was low owing to risk of bias. Further high-quality trials are required.""",
 "trial_html_lite": """Study of umbilical cord MSCs in heart failure
Purpose: to test whether cells delivered by catheter improve heart function.
Who can take part: adults with heart failure and an ejection fraction below 40%.
Study visits are at the Example University Medical Center. You will not be charged for study treatment.
Contact the study team: research coordinator, phone (555) 010-0101.""",
 "explainer_encyclopedia": """Mesenchymal stem cell
Mesenchymal stem cells (MSCs) are multipotent stromal cells that can differentiate into bone, cartilage and fat cells.
They are found in bone marrow, adipose tissue and the umbilical cord.
MSCs have been studied for osteoarthritis, graft-versus-host disease and Crohn's disease.
In 2024, one MSC product was approved in the United States for steroid-refractory acute GVHD in children.
See also: Stem cell therapy; Regenerative medicine.
References
External links""",
 "forum": """Has anyone tried stem cells for their knee?
Posted by kneeguy42
My doctor wants me to get a knee replacement, but a clinic near me offers stem cell injections for $5,000. Has anyone here had it done? Did it help?
Reply from runner_jane: I had PRP twice and it helped for about six months. I would ask for the evidence first.""",
 "hospital_explainer": """Stem cell therapy: what patients should know
Our orthopaedic surgeons are often asked about stem cell injections.
At present, no stem cell product is approved for arthritis, and insurance does not pay for them.
The evidence from clinical trials is mixed, and the products sold in many clinics are not well characterised.
If you have knee pain, make an appointment with one of our surgeons to discuss proven treatments such as physical therapy, injections of corticosteroids and, when needed, knee replacement.""",
 "press_release": """University researchers find stem cell therapy safe in early heart failure study
FOR IMMEDIATE RELEASE
EXAMPLE CITY - Researchers at Example State University reported today that an infusion of umbilical cord mesenchymal stem cells was safe in 30 patients with heart failure.
"These results are encouraging, but we need larger trials," said lead author Dr. P. Example, professor of cardiology.
The study was funded by the National Heart Institute and published in the Example Journal of Cardiology.
Media contact: Office of Communications, 555-010-2222""",
 "ctgov_listing": """Umbilical Cord MSCs for Knee Osteoarthritis
Brief Summary: The purpose of this study is to evaluate the safety and efficacy of umbilical cord mesenchymal stem cells in knee osteoarthritis.
Condition: Knee Osteoarthritis. Intervention: Biological: UC-MSCs. Phase: Phase 2.
Eligibility Criteria. Inclusion Criteria: Age 40-75; Kellgren-Lawrence grade 2-3. Exclusion Criteria: prior knee surgery within 6 months.
Sponsor: Example University Hospital. Locations: Example City. Contacts: Study Coordinator, 555-010-3333.
Study Start: 2024-01. Estimated Enrollment: 60 participants.""",
 "public_bank": """Donate your baby's cord blood
Public cord blood banks collect donated cord blood for patients who need a transplant.
Donation is free and does not affect your delivery. Donated units are listed on the national registry and may be used for a patient with leukemia or another blood disease.
Ask your hospital whether it collects cord blood donations.""",
 "medical_board": """Final Order In the Matter of Dr. Example, Respondent
The Board finds that Respondent advertised stem cell injections as a cure for COPD and arthritis and represented that the treatment was FDA approved.
Respondent's license is placed on probation for two years and Respondent shall pay a fine of $10,000.
So ordered by the Medical Board.""",
 "patient_blog": """My stem cell journey, month 3
I flew to Example Country in March for my MS. The clinic gave me six infusions of umbilical cord cells.
My fatigue is a little better, but my walking has not changed. It cost me $22,000 with flights.
If you're thinking about it, do your homework. I'm not recommending it, just sharing my story.
Comments (14)""",
 "research_news": """Can stem cells repair a damaged heart? What the latest research says
Scientists have spent two decades testing whether stem cells can repair heart muscle after a heart attack.
Most trials found small or no benefit. In 2018, dozens of papers by one lab were retracted.
Researchers are now testing exosomes and engineered heart tissue instead.
Read more in our Science section.""",
 "news_tourism": """The booming business of stem cell tourism
Patients pay between $10,000 and $30,000 for trips to clinics abroad, where the treatment fee often includes hotel stays and airport pickup.
Medical tourism agencies market umbilical cord stem cell packages for autism and MS on social media.
One mother said she was quoted $18,000 per infusion for her son.
Doctors in the patients' home countries say they often treat complications when they return.""",
 "state_notice": """Department of Health notice: stem cell products
The Department reminds consumers and providers that federal regulations apply to human cells, tissues and cellular and tissue-based products (HCT/Ps).
Products derived from umbilical cord, amniotic fluid or fat that are processed or used for unrelated purposes require FDA approval before they can be marketed.
Consumers who have experienced an adverse reaction should contact their health care provider and file a complaint with the Department.
For more information, call the Consumer Protection Division at 555-010-6666.""",
 "dermatology_society": """Patient information: exosome facials
Dermatologists are seeing more patients who have had exosome facials and microneedling at med spas.
No exosome product has been approved for cosmetic use, and some products have been contaminated.
If you are considering treatment, ask who will perform it, what product will be used and where it was made.
The Academy recommends seeing a board-certified dermatologist.""",
}

SELLING = {
 "ortho_practice": """Regenerative Orthopedics in Example City
Bone-on-bone knees? Worn cartilage? Our orthobiologic treatments use your own bone marrow concentrate (BMAC) or platelet-rich plasma to help you heal without surgery.
Dr. Example has performed over 2,000 procedures.
Conditions we treat: knee osteoarthritis, rotator cuff tears, tennis elbow, plantar fasciitis.
Call (555) 010-0000 or request an appointment online.""",
 "med_spa": """Exosome Facial and Hair Restoration
Our med spa offers exosome therapy for skin rejuvenation, crow's feet and thinning hair.
Packages start at $650. Book online or text us to schedule.
Client reviews: "My skin has never looked better!" - Maria""",
 "clinic_abroad": """Stem Cell Treatment in Example Country
Our clinic uses umbilical cord-derived MSCs, expanded in our licensed laboratory.
Treatment packages include airport pickup, hotel stay and an IV infusion of 100 million cells.
We treat MS, Parkinson's disease, autism, COPD and long COVID.
Contact our patient coordinator on WhatsApp for a free evaluation.""",
 "chiro_amniotic": """Knee Pain? Avoid Surgery With Regenerative Medicine
At Example Spine & Joint, we use amniotic tissue allograft injections for knee pain and neuropathy in the feet.
Join us for a free seminar this Thursday. Seating is limited.
Most insurance does not cover this treatment; financing is available.""",
 "wellness_iv": """Longevity & Vitality IV Program
Our longevity protocol combines stem cell infusions with NAD+ to support healthy aging.
Memberships from $1,200 a month. Schedule your consultation today.""",
 "transplant": """Blood and Marrow Transplant Program
Our program performs over 200 autologous and allogeneic transplants a year for leukemia, lymphoma and multiple myeloma.
We use bone marrow, peripheral blood stem cells and cord blood from matched donors.
Patients and referring physicians can call our transplant coordinators to schedule an evaluation.""",
 "exosome_seller": """Premium MSC-Derived Exosomes for Clinics
Order our lyophilized exosome vials for your practice. Each vial contains 10 billion particles.
Wholesale pricing available. Add to cart.""",
 "short_landing": """Stem Cell Therapy for Joint Pain
Non-surgical. Same-day procedure.
Book now""",
 "clinic_minimal_cues": """Umbilical Cord Stem Cells
Our umbilical cord stem cells come from healthy, full-term births and are tested for safety.
Patients with arthritis, back pain and neuropathy have seen improvement.
Dr. Example and our team have helped thousands of patients.""",
 "paid_study": """Join our patient-funded stem cell study
Our registry study offers adipose-derived stem cell treatment for COPD, MS and Parkinson's.
Participants pay a study fee of $8,900, which covers harvesting and deployment.
Apply today to see if you qualify.""",
 "faq_page": """Frequently Asked Questions
Is stem cell therapy FDA approved? The FDA does not approve procedures, but our cells come from an FDA-registered tissue bank.
How much does it cost? Most treatments cost between $3,000 and $6,000.
Will insurance cover it? No, but we offer financing.
How long before I feel better? Most patients notice improvement within 6 to 12 weeks.""",
 "testimonial_page": """Patient Stories
"After two stem cell injections in my knees, I am hiking again." - Tom, 64
"I was told I needed a hip replacement. Thanks to Dr. Example I didn't." - Linda, 58
Read more stories or share yours.""",
 "blog_post_clinic": """5 Signs You May Be a Candidate for PRP
Posted by Example Sports Medicine
If you have tendinitis, a partial rotator cuff tear or early arthritis, PRP may be an option.
At our clinic, PRP is prepared from a small sample of your blood in about 20 minutes.
Ready to learn more? Contact us.""",
 "cord_cells_clinic": """Umbilical Cord Stem Cell Therapy
Our cryopreserved umbilical cord cells are stored in liquid nitrogen at an FDA-registered, AATB-accredited lab that follows all federal regulations and regulatory guidelines for HCT/Ps.
Each vial is tested and stored until the day of your treatment.
Dr. Example's background is in sports medicine, and his research has been published in peer-reviewed journals.
Follow-up visits at 3 and 6 months are included.
Become a member: our membership includes one infusion a year.
Request a quote""",
 "faq_qa": """Stem Cell FAQ
Q: What conditions do you treat?
A: We treat arthritis, back pain and sports injuries with bone marrow stem cells.
Q: Is it safe?
A: The procedure uses your own cells, so there is no risk of rejection.
Q: Are results published?
A: Our outcomes are tracked in a patient registry and published in our annual report.
Updated January 2025""",
 "clinic_blog_news_style": """Published May 2, 2024 | By Example Regenerative Team
New research on PRP for knee arthritis
A randomized trial published in a major journal this year found PRP reduced knee pain more than placebo at 12 months, researchers reported.
At Example Regenerative, we have offered PRP injections since 2015.
"Patients tell us they can walk further," says Dr. Example.
Schedule your PRP consultation.""",
 "academic_bmt": """Adult Blood and Marrow Transplant Program | Example University Cancer Center
Our Blood and Marrow Transplant Program is one of the largest in the region, performing more than 300 transplants each year. We are FACT-accredited and a member of the national donor registry network.
We perform autologous and allogeneic transplants, including haploidentical and cord blood transplants, for leukemia, lymphoma, myeloma, myelodysplastic syndromes and aplastic anemia.
Our physicians lead clinical trials of new conditioning regimens and of cellular therapies such as CAR T-cell therapy. Eligible patients may be offered a trial.
Research: our investigators have published more than 200 peer-reviewed papers on graft-versus-host disease.
For patients: ask your hematologist or oncologist for a referral. Referring physicians can call our intake line at 555-010-4444.""",
 "pediatric_bmt": """Pediatric Stem Cell Transplant
Children's Example Hospital's stem cell transplant team cares for children with leukemia, sickle cell disease, thalassemia and inherited immune deficiencies.
Stem cells may come from the child's own blood, a brother or sister, an unrelated donor or donated cord blood.
Our child life specialists and social workers support the whole family during the hospital stay.
To make a referral, contact our transplant coordinator.""",
 "agency": """Stem Cell Therapy in Example Country - Compare Clinics and Prices
Example Medical Travel helps patients find accredited clinics abroad for stem cell therapy.
Partner clinic: Example Cell Institute offers umbilical cord MSC treatment for autism, MS and knee osteoarthritis. Packages start at $9,500 and include airport pickup and hotel.
Get a free quote from our patient coordinators within 24 hours.""",
 "directory": """Example Regenerative Clinic - Reviews, Prices and Treatments
Example Regenerative Clinic is a private clinic in Example City offering stem cell injections, PRP and exosome therapy.
Treatments: knee arthritis, back pain, hair loss.
Prices: from $3,000. Rating 4.7 (120 reviews).
Contact the clinic: 555-010-5555.""",
}


# whole HTML pages: menus and footers of hospitals and newspapers carry offer-like links
HOSPITAL_HTML = """<html><head><title>Are stem cell injections right for my knee? | Example University Health</title></head><body>
<header><nav><a href="/">Home</a><a href="/appointments">Request an Appointment</a><a href="/doctors">Find a Doctor</a><a href="/locations">Locations</a><a href="/pay">Pay Your Bill</a><a href="/ortho">Orthopaedics</a></nav></header>
<main><article><h1>Are stem cell injections right for my knee?</h1>
<p class="byline">By Example Health Staff · Reviewed by Dr. Jordan Example, orthopaedic surgeon · Updated June 2024</p>
<p>Ads for stem cell injections promise to regrow cartilage and help you avoid knee replacement. Many patients ask us whether these shots work.</p>
<p>The short answer: the evidence is limited. Products sold as amniotic or umbilical cord "stem cells" often contain no living stem cells, and no stem cell product is approved for arthritis.</p>
<p>Our sports medicine doctors offer proven treatments for knee osteoarthritis, including physical therapy, weight management, bracing, corticosteroid injections and, when needed, joint replacement.</p>
<p>Talk to your doctor before paying out of pocket for an unproven treatment.</p>
</article></main>
<footer><p>Example University Health · 1 Example Way · Call 555-010-0000</p><a href="/careers">Careers</a><a href="/privacy">Privacy</a></footer>
</body></html>"""
NEWS_HTML = """<html><head><title>State sues stem cell clinic over ads | The Example Tribune</title></head><body>
<header><nav><a href="/">Home</a><a href="/news">News</a><a href="/health">Health</a><a href="/subscribe">Subscribe</a><a href="/login">Sign in</a></nav></header>
<main><article><h1>State sues stem cell clinic over ads</h1>
<div class="byline">By Riley Example | Staff Writer</div><time>October 2, 2024</time>
<p>The attorney general's office filed a lawsuit Tuesday against Example Regenerative Center, alleging its ads falsely claimed that its umbilical cord stem cell injections could cure arthritis and were FDA approved.</p>
<p>According to the complaint, the clinic told patients its treatment had a 95% success rate and no side effects, and charged up to $9,000 per injection.</p>
<p>"We offer hope to people who have run out of options," the clinic's owner said in a statement. "Our treatments are safe."</p>
<p>A hearing is scheduled for December.</p>
</article>
<aside><h3>Most read</h3><a href="/a">Five things to do this weekend</a></aside></main>
<footer>© 2024 The Example Tribune. All rights reserved.</footer></body></html>"""
CLINIC_HTML = """<html><head><title>Stem Cell Therapy for Knees | Example Regenerative Institute</title></head><body>
<header><nav><a href="/">Home</a><a href="/conditions">Conditions</a><a href="/blog">Blog</a><a href="/contact">Contact</a></nav></header>
<main><h1>Regenerative Orthopedics for Bone-on-Bone Knees</h1>
<p>At Example Regenerative Institute, we use orthobiologics such as bone marrow concentrate and a flowable tissue allograft to treat knee arthritis, meniscus tears and sciatica.</p>
<p>Most patients return to normal activity within days. Results vary.</p>
<h2>Frequently asked questions</h2><h3>Is stem cell therapy FDA approved?</h3><p>The FDA does not approve procedures. Our allograft comes from an FDA-registered tissue bank.</p>
<h3>Does insurance cover it?</h3><p>Most plans consider it investigational; we offer financing.</p>
<form><label>Name</label><input><label>Phone</label><input><button>Schedule My Free Consultation</button></form>
</main><footer>Example Regenerative Institute · 12 Example Road · (555) 010-1111</footer></body></html>"""


@pytest.mark.parametrize(("html", "offers"), [(HOSPITAL_HTML, False), (NEWS_HTML, False), (CLINIC_HTML, True)])
def test_html_pages_offer_by_their_main_content(html, offers):
    page = analyse_page(html)
    assert page.offers_treatment is offers, page.offer_cues


def test_clinic_html_faq_counts_its_own_claims():
    page = analyse_page(CLINIC_HTML)
    assert {"osteoarthritis", "tendon_ligament_injury", "back_pain"} <= set(page.conditions)
    assert "bone_marrow" in page.product_types and page.red_flags == ["fda_claim"]


@pytest.mark.parametrize("name", sorted(REPORTING))
def test_reporting_pages_do_not_offer_treatment(name):
    page = analyse_page(REPORTING[name], is_html=False)
    assert not page.offers_treatment, page.offer_cues
    assert page.conditions == page.product_types == page.red_flags == []


@pytest.mark.parametrize("name", sorted(SELLING))
def test_selling_pages_offer_treatment(name):
    page = analyse_page(SELLING[name], is_html=False)
    assert page.offers_treatment, page.offer_cues


def test_selling_pages_name_their_own_products_and_conditions():
    ortho = analyse_page(SELLING["ortho_practice"], is_html=False)
    assert set(ortho.product_types) == {"bone_marrow", "prp"}
    assert {"osteoarthritis", "tendon_ligament_injury"} <= set(ortho.conditions)
    abroad = analyse_page(SELLING["clinic_abroad"], is_html=False)
    assert {"multiple_sclerosis", "parkinsons", "autism", "lung_disease", "covid19"} <= set(abroad.conditions)
    assert set(abroad.product_types) == {"umbilical_cord", "msc"}
    spa = analyse_page(SELLING["med_spa"], is_html=False)
    assert {"cosmetic", "hair_loss"} <= set(spa.conditions) and spa.product_types == ["exosome"]
    seller = analyse_page(SELLING["exosome_seller"], is_html=False)
    assert seller.product_types == ["exosome"]
