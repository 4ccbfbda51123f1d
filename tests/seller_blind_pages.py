"""Blind seller batches (issue 8, session "sellerpage"): short pages written for the project (fictional
names, no real page's text), each coded by the coding manual (../shared/ANNOTATION.md sections 1 and 4)
*before* the seller rules were changed for them. ``BATCH_ONE`` was written and scored first, then
studied; ``BATCH_TWO`` was written only after the changes and scored once. Each entry is
``name: (offers_treatment, html)``. tests/test_nlp_seller_blind_batches.py keeps a floor on each.

The sellers are clinic pages with few booking cues: education posts that present the clinic's own
therapy without "we", consent, terms, protocol and price pages, a clinic's own news, FAQs about the
procedure. The non-sellers are their nearest neighbours: news, critics, trial listings, cord-blood
banks, a clinic reprinting the FDA warning, directories and "best doctors" lists, forums, vets,
plant-stem-cell cosmetics, insurers, a hospital's research page.
"""

from __future__ import annotations


def _page(title: str, body: str) -> str:
    return f"<html><head><title>{title}</title></head><body><main>{body}</main></body></html>"


BATCH_ONE: dict[str, tuple[bool, str]] = {
    # ---------------------------------------------------------------- sellers
    "edu-bmac-practice-title": (True, _page(
        "What Is Bone Marrow Aspirate Concentrate? | Ridgeway Orthopedic Associates", """
<h1>What is bone marrow aspirate concentrate?</h1>
<p>Bone marrow aspirate concentrate, or BMAC, is made from a small amount of marrow drawn from the back of the
pelvis. The marrow is spun in a centrifuge so that the cells and growth factors collect in a few millilitres.</p>
<p>The whole procedure takes about ninety minutes. The hip is numbed with local anaesthetic, the marrow is drawn,
and the concentrate is injected into the knee, hip or shoulder under ultrasound guidance.</p>
<p>Patients go home the same day and can walk straight away. Most return to desk work within two days and to
running after six weeks.</p>""")),
    "edu-prp-in-office": (True, _page(
        "Platelet-Rich Plasma for Tennis Elbow | Westlake Sports & Spine", """
<h1>Platelet-rich plasma for tennis elbow</h1>
<p>Tennis elbow is an overload injury of the tendon on the outside of the elbow. Most cases settle with rest and
stretching, but some linger for a year or more.</p>
<p>Patients receive PRP in the office in a single visit: a small blood sample is taken from the arm, spun for
fifteen minutes, and the platelet layer is injected into the tendon.</p>
<p>A brace is worn for a week afterwards. Physical therapy starts two weeks after the injection.</p>""")),
    "faq-injection-duration": (True, _page(
        "PRP Injection FAQ | Summit Sports Medicine", """
<h1>Frequently asked questions about PRP injections</h1>
<h2>How long does the injection take?</h2>
<p>From check-in to check-out the visit lasts about forty-five minutes. The blood draw and spinning take twenty
minutes and the injection itself a few minutes.</p>
<h2>Will it hurt?</h2>
<p>The area is numbed first. Most patients feel pressure and a dull ache for two or three days.</p>
<h2>How many injections will I need?</h2>
<p>One injection is enough for many tendon problems; knees with arthritis usually receive a series of three.</p>
<h2>Is PRP covered by insurance?</h2>
<p>Most insurers do not cover PRP. Payment is collected on the day of the procedure.</p>""")),
    "consent-form": (True, _page(
        "Informed Consent: Adipose Stromal Vascular Fraction Procedure | Pinecrest Regenerative Clinic", """
<h1>Consent for autologous adipose stromal vascular fraction procedure</h1>
<p>I, the undersigned patient, authorise the physicians and staff of Pinecrest Regenerative Clinic to remove a
small amount of fat from my abdomen by mini-liposuction, to separate the stromal vascular fraction from it, and to
inject it into the area discussed at my consultation.</p>
<p>I understand that this procedure has not been approved by the FDA, that results vary, and that no promise of
improvement has been made to me.</p>
<p>I understand that the fee for the procedure is not refundable once the fat has been harvested.</p>
<p>Patient signature ________ Date ________</p>""")),
    "payment-terms": (True, _page(
        "Payment and Cancellation Policy | Coastal Cell Clinic", """
<h1>Payment and cancellation policy</h1>
<p>A deposit of $500 secures a date for a stem cell procedure. The balance is due seven days before the procedure
date.</p>
<p>Cancellations made more than fourteen days before the procedure receive a full refund of the deposit.
Cancellations made later forfeit the deposit, because the cord tissue product is ordered for each patient.</p>
<p>Financing is available through our lending partner for treatments above $3,000.</p>""")),
    "protocol-page": (True, _page(
        "Treatment Protocol: Umbilical Cord MSC Infusions | Vida Nueva Clinic", """
<h1>The five-day treatment protocol</h1>
<p>Day 1: arrival, blood tests and a medical review with the treating physician.</p>
<p>Day 2: an intravenous infusion of 100 million umbilical cord mesenchymal stem cells over about an hour.</p>
<p>Day 3: physical therapy and rest. Day 4: a second infusion of 50 million cells and intrathecal delivery for
neurological conditions.</p>
<p>Day 5: a follow-up visit and discharge. Transfers between the hotel and the clinic are included.</p>""")),
    "price-list": (True, _page(
        "Prices | Alder Joint Clinic", """
<h1>Treatment prices</h1>
<p>PRP injection, one joint: $750. A course of three PRP injections: $1,950.</p>
<p>Bone marrow concentrate, one joint: $4,500. Each additional joint on the same day: $1,500.</p>
<p>Prices include the ultrasound guidance and a follow-up visit at six weeks. Imaging, if needed, is billed
separately.</p>""")),
    "clinic-news-milestone": (True, _page(
        "Clinic News: Our 500th Stem Cell Procedure | Lakeshore Regenerative Medicine", """
<h1>Lakeshore reaches 500 stem cell procedures</h1>
<p>In March, Dr. Priya Patel performed the clinic's five hundredth bone marrow concentrate procedure, on a retired
carpenter with arthritis in both knees.</p>
<p>Since the clinic opened in 2019, knees have made up about half of the procedures, followed by shoulders, hips
and the lower back.</p>
<p>The team thanks every patient who trusted the clinic along the way.</p>""")),
    "condition-page-treatment-at": (True, _page(
        "Knee Osteoarthritis | Bayview Spine and Joint", """
<h1>Knee osteoarthritis</h1>
<p>Osteoarthritis wears away the cartilage that cushions the knee. Pain, stiffness and swelling build slowly over
years, and stairs become harder.</p>
<p>Weight loss, exercise and bracing help many people. When they are not enough, surgery is often offered.</p>
<h2>Treatment at Bayview</h2>
<p>Bone marrow concentrate injections are performed under fluoroscopy in the procedure suite. The procedure takes
about forty-five minutes, and patients walk out the same day.</p>""")),
    "aftercare-sheet": (True, _page(
        "After Your PRP Injection: Recovery Instructions | Granite Peak Orthopedics", """
<h1>After your PRP injection</h1>
<p>Soreness for two to four days after the injection is normal. Use ice for twenty minutes at a time and take
acetaminophen if needed.</p>
<p>Do not take ibuprofen, naproxen or aspirin for two weeks: they blunt the platelets' effect.</p>
<p>Avoid heavy lifting and running for two weeks. Your follow-up appointment is six weeks after the injection.</p>""")),
    "what-to-expect-day": (True, _page(
        "What to Expect on Procedure Day | Cascade Regenerative Institute", """
<h1>What to expect on the day of your stem cell procedure</h1>
<p>Arrive thirty minutes early and wear loose clothing. Bring a driver: you will receive a mild sedative.</p>
<p>First, a small amount of fat is taken from the belly through a tiny incision. While the cells are prepared,
you rest in the recovery room.</p>
<p>The injection into the joint follows about an hour later. Most people are home by early afternoon.</p>""")),
    "exosome-facial-menu": (True, _page(
        "Exosome Facial | Lumiere Skin Studio", """
<h1>Exosome facial</h1>
<p>The exosome facial combines microneedling with a serum of exosomes applied to the skin straight after.</p>
<p>The treatment takes sixty minutes. Redness fades within a day, and the glow shows after about a week.</p>
<p>One session: $350. Three sessions: $900.</p>""")),
    "hair-prp-service": (True, _page(
        "PRP Hair Restoration | Crown Hair Clinic", """
<h1>PRP for thinning hair</h1>
<p>Platelet-rich plasma is drawn from your own blood and injected into the scalp where the hair is thinning.</p>
<p>Sessions are spaced four weeks apart, and a first course is three sessions. A top-up session every six months
keeps the result.</p>
<p>Each session takes about forty minutes, and you can wash your hair the next day.</p>""")),
    "doctor-bio": (True, _page(
        "Dr. Alan Reyes, MD | Meridian Regenerative Medicine", """
<h1>Dr. Alan Reyes, MD</h1>
<p>Dr. Reyes is board certified in physical medicine and rehabilitation and completed a fellowship in sports
medicine in Seattle.</p>
<p>At Meridian he performs bone marrow concentrate and platelet-rich plasma injections for knee, hip and shoulder
pain, always under ultrasound guidance.</p>
<p>Outside the clinic he coaches a youth football team.</p>""")),
    "broker-packages": (True, _page(
        "Stem Cell Treatment in Panama: Packages | CellVoyage Medical Travel", """
<h1>Stem cell packages in Panama</h1>
<p>The standard package includes three intravenous infusions of umbilical cord stem cells at a partner clinic in
Panama City, five nights in a hotel and airport transfers.</p>
<p>Standard package: $14,900. Premium package with an intrathecal injection: $21,500.</p>
<p>A patient coordinator arranges the flights and the medical records before travel.</p>""")),
    "supplier-vials": (True, _page(
        "Exosome Vials for Practitioners | NovaBio Supply", """
<h1>Exosome vials for clinics</h1>
<p>Lyophilised exosome vials, 5 ml, for licensed practitioners. Each vial is tested for sterility and shipped cold.
</p>
<p>Wholesale pricing starts at ten vials. Practitioners can order through the account portal once their licence
is verified.</p>
<p>Training on reconstitution and injection is included with the first order.</p>""")),
    "candidacy-page": (True, _page(
        "Am I a Candidate for Stem Cell Therapy? | Keystone Pain Institute", """
<h1>Am I a candidate for stem cell therapy?</h1>
<p>Good candidates have mild to moderate arthritis, a partial tendon tear or a disc problem that has not improved
with physical therapy.</p>
<p>People with active cancer, an infection in the joint, or bone-on-bone arthritis in the knee are usually not
candidates.</p>
<p>Candidacy is decided at the first visit after a physical examination and a review of the MRI.</p>""")),
    "patient-stories": (True, _page(
        "Patient Stories | Blue Ridge Joint Center", """
<h1>Patient stories</h1>
<p>Mark, 58, a tennis player, had three PRP injections at the Blue Ridge Joint Center for a sore knee. Six months
later he was back on the court twice a week.</p>
<p>Alicia, 46, had a bone marrow concentrate injection in her shoulder last spring and can lift her grandson again.
</p>
<p>Results vary from patient to patient.</p>""")),
    "paid-clinic-study": (True, _page(
        "Join the Autism Cell Study | Horizon Cell Institute", """
<h1>The Horizon autism cell study</h1>
<p>The Horizon Cell Institute is enrolling children aged 4 to 12 with autism in an observational study of umbilical
cord stem cell infusions given at the institute.</p>
<p>Participation costs $12,000, which covers the cells, two infusions and follow-up assessments at three and six
months.</p>
<p>Parents can apply through the study coordinator.</p>""")),
    "hospital-transplant-third-person": (True, _page(
        "Autologous Stem Cell Transplant | Riverbend Cancer Center", """
<h1>Autologous stem cell transplant</h1>
<p>For multiple myeloma and some lymphomas, patients at the Riverbend Cancer Center receive high-dose chemotherapy
followed by a transplant of their own blood stem cells.</p>
<p>The cells are collected by apheresis two to three weeks before the transplant and frozen. The hospital stay
after the transplant is usually three weeks.</p>
<p>A transplant coordinator guides each patient through the tests before admission.</p>""")),
    "blog-disease-then-office-visit": (True, _page(
        "Rotator Cuff Tears: Causes and Treatment | Harbor Point Orthopedics Blog", """
<h1>Rotator cuff tears: causes and treatment</h1>
<p>The rotator cuff is a group of four tendons that hold the top of the arm bone in the shoulder socket. Tears come
from falls, or from wear after the age of forty.</p>
<p>Small partial tears often heal with rest and exercise. Large full tears may need a surgeon to repair them.</p>
<p>For partial tears that linger, PRP injections at Harbor Point are given under ultrasound guidance in a thirty
minute office visit.</p>""")),
    "uk-day-case-fee": (True, _page(
        "Stem Cell Injection for Hip Arthritis | Marylebone Joint Clinic", """
<h1>Stem cell injection for hip arthritis</h1>
<p>The treatment is carried out as a day case. Cells are taken from the patient's own bone marrow and returned into
the hip joint under X-ray guidance.</p>
<p>The fee for the treatment is 4,200 pounds, including the review at three months.</p>
<p>Referral from a GP is not required.</p>""")),
    # ---------------------------------------------------------------- not sellers
    "news-sued-clinic": (False, _page(
        "Patients sue clinic over stem cell injections | Northern Daily", """
<h1>Patients sue clinic over stem cell injections</h1>
<p>By Daniel Okafor</p>
<p>Four former patients have sued a Scottsdale clinic that charged them up to $8,000 for umbilical cord stem cell
injections for back pain.</p>
<p>The lawsuit says the clinic promised the injections would rebuild their discs. Two of the patients developed
infections, according to the filing.</p>
<p>The clinic did not respond to a request for comment.</p>""")),
    "critic-blog": (False, _page(
        "The Trouble With Stem Cell Clinics | Evidence Matters Blog", """
<h1>The trouble with stem cell clinics</h1>
<p>Clinics selling stem cell injections for knees tell a simple story: the cells find the damage and rebuild it.
There is no good evidence for that story.</p>
<p>The procedure takes about an hour and patients go home the same day, which makes it feel harmless. It is not
always harmless: infections and tumours have been reported.</p>
<p>Before paying, ask for the published trial results. Most clinics cannot produce them.</p>""")),
    "trial-listing": (False, _page(
        "Mesenchymal Stem Cells for Knee Osteoarthritis (Phase 2) | TrialsIndex", """
<h1>Mesenchymal stem cells for knee osteoarthritis</h1>
<p>Study type: interventional, randomised, double blind. Phase 2. Enrolment: 120 participants.</p>
<p>Participants receive one injection of allogeneic mesenchymal stem cells or saline into the knee and are
followed for 24 months.</p>
<p>Inclusion criteria: age 40 to 75, knee osteoarthritis grade 2 or 3. Exclusion criteria: prior knee surgery.</p>
<p>Status: recruiting. Sponsor: Eastfield University.</p>""")),
    "cord-blood-bank": (False, _page(
        "Why Bank Your Baby's Cord Blood? | LifeStore Cord Bank", """
<h1>Why bank your baby's cord blood?</h1>
<p>Cord blood is rich in blood-forming stem cells that doctors use to treat more than 80 diseases, including
leukaemia and some inherited disorders.</p>
<p>Collection takes a few minutes after birth and does not hurt the mother or the baby. The cells are frozen and
stored in liquid nitrogen.</p>
<p>Enrolment: $1,695, then $175 a year for storage.</p>""")),
    "clinic-reprints-fda": (False, _page(
        "Patient Safety Notice | Elmwood Orthopaedic Group", """
<h1>FDA warns about unapproved stem cell products</h1>
<p>The FDA has warned that some clinics market stem cell and exosome products that have not been approved for any
use.</p>
<p>According to the agency, patients have suffered blindness, infections and tumours after receiving these
products.</p>
<p>The only approved stem cell products are cord blood products for disorders of the blood-forming system.</p>""")),
    "best-doctors-list": (False, _page(
        "The 10 Best Stem Cell Doctors in Dallas (2026) | TopDocs Guide", """
<h1>The 10 best stem cell doctors in Dallas</h1>
<p>We ranked Dallas physicians who offer stem cell injections by reviews, experience and price.</p>
<p>1. Dr. Karen Liu, Trinity Regenerative - bone marrow concentrate from $4,000. 4.9 stars.</p>
<p>2. Dr. Mark Stein, Oak Lawn Joint Care - umbilical cord injections from $3,500. 4.8 stars.</p>
<p>3. Dr. Rosa Diaz, Uptown Orthobiologics - PRP from $600. 4.7 stars.</p>""")),
    "directory-listing": (False, _page(
        "Regenerative Medicine Clinics Near Tampa | ClinicLocator", """
<h1>Regenerative medicine clinics near Tampa</h1>
<p>Showing 12 clinics offering stem cell and PRP treatments within 25 miles.</p>
<p>Bayshore Cell Center - stem cell injections, PRP. Open Monday to Friday.</p>
<p>Gulf Coast Orthobiologics - bone marrow concentrate, exosomes. Open Monday to Saturday.</p>
<p>Clinic owners can claim their listing for free.</p>""")),
    "patient-forum": (False, _page(
        "Anyone tried stem cells for a knee? | JointTalk Forum", """
<h1>Anyone tried stem cells for a knee?</h1>
<p>Posted by hikerdan: My surgeon says I need a new knee. A clinic nearby wants $5,000 for a stem cell shot. Has
anyone had it?</p>
<p>Reply from maryb: I had the fat one two years ago. The injection took an hour and I went home the same day. It
helped for about six months.</p>
<p>Reply from ortho_nurse: Save your money and ask for the evidence first.</p>""")),
    "vet-dogs": (False, _page(
        "Stem Cell Therapy for Dogs | Oakridge Animal Hospital", """
<h1>Stem cell therapy for dogs with arthritis</h1>
<p>Older dogs with hip or elbow arthritis can benefit from an injection of their own fat-derived stem cells.</p>
<p>A small amount of fat is collected from your dog's belly under a short anaesthetic. The cells are prepared the
same day and injected into the sore joints.</p>
<p>Most dogs go home the same evening and walk more comfortably within a month.</p>""")),
    "plant-stem-cosmetic": (False, _page(
        "Swiss Apple Stem Cell Serum | Verdant Skin", """
<h1>Swiss apple stem cell serum</h1>
<p>Our serum is made with plant stem cells from a rare Swiss apple, which help protect skin cells from ageing.</p>
<p>Apply two drops morning and night to clean skin. Suitable for all skin types.</p>
<p>30 ml bottle: $49. Free shipping on orders over $75. Add to cart.</p>""")),
    "insurer-policy": (False, _page(
        "Medical Policy: Platelet-Rich Plasma Injections | Keystone Health Plan", """
<h1>Medical policy: platelet-rich plasma injections</h1>
<p>Keystone Health Plan considers platelet-rich plasma injections experimental and investigational for all
indications, including osteoarthritis, tendinopathy and hair loss.</p>
<p>Claims for PRP will be denied as not medically necessary.</p>
<p>This policy is reviewed every year against the published evidence.</p>""")),
    "hospital-research-lab": (False, _page(
        "Cell Therapy Research Laboratory | Westbrook University Medical Center", """
<h1>Cell therapy research laboratory</h1>
<p>Our laboratory studies how mesenchymal stem cells from bone marrow and fat change the immune response in
damaged joints.</p>
<p>We are running a phase 1 safety trial of donor stem cells for knee cartilage defects, funded by a national
research grant.</p>
<p>Our group has published more than forty papers on cell therapy. Graduate students and postdoctoral fellows are
welcome to apply.</p>""")),
    "supplement": (False, _page(
        "StemRise Capsules | Vital Roots Nutrition", """
<h1>StemRise: support your own stem cells</h1>
<p>StemRise is a blend of blue-green algae, green tea and vitamin D that supports the release of your body's own
stem cells.</p>
<p>Take two capsules a day with water. Each bottle lasts a month.</p>
<p>One bottle: $59. Subscribe and save 15%.</p>""")),
    "law-firm": (False, _page(
        "Injured After a Stem Cell Injection? | Brandt and Cole Injury Lawyers", """
<h1>Injured after a stem cell injection?</h1>
<p>Clinics across the country sell stem cell injections that have never been approved. Some patients have been
left blind or with serious infections.</p>
<p>If you or a loved one was harmed after a stem cell procedure, you may be entitled to compensation.</p>
<p>Call for a free consultation. There is no fee unless we win your case.</p>""")),
    "health-info-explainer": (False, _page(
        "What Is PRP Therapy? | HealthFacts Online", """
<h1>What is PRP therapy?</h1>
<p>Platelet-rich plasma therapy uses a concentrate of a person's own platelets to try to speed healing of tendons,
ligaments and joints.</p>
<p>A doctor draws blood, spins it in a centrifuge and injects the platelet layer into the injured area. The
procedure usually takes under an hour.</p>
<p>Research results are mixed. Talk to your doctor about whether PRP is right for you.</p>""")),
    "society-statement": (False, _page(
        "Position Statement on Orthobiologic Injections | American Society of Joint Surgeons", """
<h1>Position statement on orthobiologic injections</h1>
<p>The Society recognises growing public interest in platelet-rich plasma and cell-based injections for
musculoskeletal conditions.</p>
<p>Current evidence does not support marketing bone marrow or fat-derived cell injections as able to regrow
cartilage.</p>
<p>Members are urged to obtain informed consent that describes the limited evidence and the out-of-pocket cost.</p>
""")),
    "news-local-clinic-milestone": (False, _page(
        "Local clinic marks 500th stem cell procedure | Lakeshore Gazette", """
<h1>Local clinic marks 500th stem cell procedure</h1>
<p>By Tom Reilly, staff writer</p>
<p>A regenerative medicine clinic on Harbor Road says it performed its 500th stem cell procedure this month.</p>
<p>Independent experts said the procedures remain unproven. A professor of orthopaedics at the state university
said patients should be cautious about paying thousands of dollars.</p>""")),
    "clinic-does-not-offer": (False, _page(
        "Why We Do Not Offer Stem Cell Injections | Millbrook Orthopaedics", """
<h1>Why we do not offer stem cell injections</h1>
<p>Patients often ask whether stem cell injections could spare them a knee replacement.</p>
<p>Our surgeons have reviewed the evidence, and we do not offer stem cell injections because no good trial shows
that they rebuild cartilage.</p>
<p>We offer physical therapy, bracing, steroid injections and, when needed, joint replacement.</p>""")),
}


BATCH_TWO: dict[str, tuple[bool, str]] = {
    # ---------------------------------------------------------------- sellers (with the report words real pages carry)
    "copd-condition-protocol": (True, _page(
        "COPD and Stem Cell Therapy | Pacifica Cellular Medicine, Tijuana", """
<h1>COPD and stem cell therapy</h1>
<p>Chronic obstructive pulmonary disease narrows the airways and destroys the air sacs. According to the World Health
Organization it is the third leading cause of death worldwide.</p>
<p>Inhalers and oxygen ease the symptoms, but none of them repairs lung tissue. Studies published since 2019 have
looked at mesenchymal cells in COPD, with mixed results.</p>
<h2>The protocol</h2>
<p>The COPD protocol at Pacifica is two intravenous infusions of umbilical cord mesenchymal cells on consecutive days,
with a nebulised dose on the second day. Patients stay three nights in the partner hotel.</p>""")),
    "hair-prp-blog-review": (True, _page(
        "5 Things to Know About PRP for Thinning Hair | Willow Aesthetics Blog", """
<h1>5 things to know about PRP for thinning hair</h1>
<p>1. It uses your own blood. A small tube is drawn and spun so the platelets can be injected into the scalp.</p>
<p>2. The evidence is promising but not settled: a 2020 review of eleven small trials found more hair density after
three months.</p>
<p>3. It takes more than one visit. Our providers recommend three sessions a month apart, then one every six months.
</p>
<p>4. It is not for everyone: people with platelet disorders should not have it.</p>
<p>5. Expect some tenderness of the scalp for a day.</p>""")),
    "faq-fda-question": (True, _page(
        "Is Stem Cell Therapy FDA Approved? | Sagebrush Joint and Spine FAQ", """
<h1>Is stem cell therapy FDA approved?</h1>
<p>No. The FDA has approved only cord blood products for disorders of the blood, and it has warned about clinics that
market unapproved products.</p>
<p>The FDA allows a doctor to use a patient's own tissue that is minimally manipulated and used in the same
procedure. That is the only kind of cell procedure done at Sagebrush: bone marrow is drawn from the hip and the
concentrate is injected into the joint within the hour.</p>
<p>Insurance does not pay for the procedure.</p>""")),
    "exosome-vs-prp-skin": (True, _page(
        "Exosomes vs PRP for Skin: Which Is Better? | Glow Lab Skin Clinic", """
<h1>Exosomes vs PRP for skin</h1>
<p>Both are used after microneedling to help the skin heal. PRP comes from the patient's blood, while exosomes are
tiny vesicles made in a laboratory from donated cells.</p>
<p>Researchers are still working out how exosomes act, and no exosome product is approved in the United States for
injection.</p>
<p>At Glow Lab an exosome microneedling session takes about forty-five minutes and costs $450; a PRP microneedling
session is $375.</p>""")),
    "cost-faq-with-insurance": (True, _page(
        "How Much Does Stem Cell Therapy Cost? | Everline Regenerative", """
<h1>How much does stem cell therapy cost?</h1>
<p>Costs across the country range from $2,500 to more than $10,000, according to a 2023 survey of clinics, and most
insurance plans do not cover them.</p>
<p>At Everline, a single-joint bone marrow concentrate procedure is $4,200 and a second joint treated the same day
adds $1,800. The price includes the marrow harvest, image guidance and two follow-up visits.</p>
<p>Patients can pay with a health savings account.</p>""")),
    "own-case-report": (True, _page(
        "Case Study: Hip Arthritis in a Retired Teacher | Summit Orthobiologics", """
<h1>Case study: hip arthritis in a 62-year-old</h1>
<p>A retired teacher came to the clinic with hip pain that stopped her from walking more than a block. X-rays showed
moderate arthritis.</p>
<p>She received one injection of bone marrow concentrate into the hip under fluoroscopy, followed by eight weeks of
physical therapy.</p>
<p>At six months she walked two miles a day. One patient's result does not predict another's, and published studies
of the procedure are small.</p>""")),
    "practitioner-qa": (True, _page(
        "Does PRP Really Work? An Honest Answer | Dr. Sam Whitford, Sports Medicine", """
<h1>Does PRP really work? An honest answer</h1>
<p>I get asked this every week. The research is mixed: some trials in tennis elbow and knee arthritis show benefit,
others do not.</p>
<p>In my clinic I use platelet-rich plasma mainly for stubborn tendon problems and early knee arthritis, and I tell
patients that about two in three improve.</p>
<p>If the tendon is torn through, no injection will fix it and I refer to a surgeon.</p>""")),
    "broker-trip-faq": (True, _page(
        "Your Treatment Trip, Step by Step | MedBridge Cell Travel", """
<h1>Your treatment trip, step by step</h1>
<p>Day 1: a driver meets you at Cancun airport and takes you to the hotel. Day 2: consultation and blood tests at the
partner clinic.</p>
<p>Day 3: the infusion of umbilical cord stem cells, which takes about two hours. Day 4: rest and a check-up before
the flight home.</p>
<p>Package price: $16,500, flights not included.</p>""")),
    "chiro-regenerative-disclaimers": (True, _page(
        "Regenerative Injections | Ridgeline Chiropractic and Wellness", """
<h1>Regenerative injections</h1>
<p>Ridgeline's nurse practitioner provides amniotic tissue injections for knee, shoulder and low back pain.</p>
<p>Results are not typical and vary from person to person. These products are not approved by the FDA to treat any
disease. This page is not medical advice.</p>
<p>Ask at the front desk about a knee screening.</p>""")),
    "clinic-criticises-others": (True, _page(
        "The Truth About Amniotic 'Stem Cell' Shots | Copper Hill Orthopedics", """
<h1>The truth about amniotic "stem cell" shots</h1>
<p>Many clinics sell amniotic or cord "stem cell" shots that contain no living cells. Independent labs have found
none in most vials, and the FDA has sent warning letters.</p>
<p>Be wary of any clinic that promises new cartilage.</p>
<p>At Copper Hill we use only the patient's own bone marrow concentrate, drawn and injected in a single visit.</p>""")),
    "exosome-supplier-catalog": (True, _page(
        "Clinical Exosome Line | Aurelia BioSupply", """
<h1>Clinical exosome line</h1>
<p>Aurelia's exosome vials are made from umbilical cord cells grown in a registered laboratory and are sold only to
licensed clinics.</p>
<p>Case pricing and volume discounts are available to verified practitioners. Orders ship within two business days.
</p>""")),
    # ---------------------------------------------------------------- not sellers
    "fundraiser": (False, _page(
        "Help Jake Walk Again | GiveHope Fundraiser", """
<h1>Help Jake walk again</h1>
<p>Jake, 24, was paralysed in a motorbike crash last year. A clinic in Panama has accepted him for stem cell
infusions, and the treatment costs $28,000.</p>
<p>Every dollar goes to his treatment and travel. Jake's mum will post updates here after each infusion.</p>""")),
    "university-trial-release": (False, _page(
        "Stem cell trial shows promise for knee cartilage | Northbrook University News", """
<h1>Stem cell trial shows promise for knee cartilage</h1>
<p>A small trial led by Northbrook University researchers found that patients who received injections of donor
mesenchymal stem cells had less knee pain after a year than those who received saline.</p>
<p>The results, published in a medical journal, need to be confirmed in a larger study, the lead author said.</p>
""")),
    "pharmacist-explainer": (False, _page(
        "Stem Cell Therapy: What Is Approved and What Is Not | PharmaFacts", """
<h1>Stem cell therapy: what is approved and what is not</h1>
<p>Blood-forming stem cell transplants for leukaemia and some inherited disorders are established treatments.</p>
<p>Injections of fat or marrow cells for arthritis are sold by clinics but are not approved. The procedure usually
takes a few hours and patients go home the same day, which makes it sound minor.</p>
<p>Ask your pharmacist or doctor before paying for any cell therapy.</p>""")),
    "qa-site": (False, _page(
        "Is PRP worth it for a torn meniscus? | HealthAnswers Community", """
<h1>Is PRP worth it for a torn meniscus?</h1>
<p>Question from runner_78: My orthopaedist offered PRP for $900. Is it worth it?</p>
<p>Answer from kneeguy: I had two shots. The injection took twenty minutes and I was back running in a month, but
who knows if it was the PRP.</p>
<p>Answer from physio_jen: Strengthening works for most people. Ask what the evidence is for meniscus tears.</p>""")),
    "regulator-advisory": (False, _page(
        "Advisory: Unlicensed Stem Cell Clinics | Provincial Health Authority", """
<h1>Advisory: unlicensed stem cell clinics</h1>
<p>The Health Authority is aware of clinics charging patients up to $20,000 for stem cell injections for arthritis,
autism and multiple sclerosis.</p>
<p>These treatments are not authorised. Anyone who has received one and has signs of infection should seek medical
care and report it to the Authority.</p>""")),
    "equine-prp": (False, _page(
        "PRP for Horses | Hollow Creek Equine Clinic", """
<h1>PRP for tendon and ligament injuries in horses</h1>
<p>Platelet-rich plasma is made from your horse's own blood and injected into the injured tendon under ultrasound
guidance.</p>
<p>The procedure takes about an hour at the clinic, and most horses go home the same day.</p>
<p>Book an appointment with our equine vets.</p>""")),
    "podcast-episode": (False, _page(
        "Episode 112: The Stem Cell Gold Rush | Skeptical Health Podcast", """
<h1>Episode 112: the stem cell gold rush</h1>
<p>This week we talk with a bioethicist about clinics that sell stem cell injections for everything from knee pain to
autism.</p>
<p>We discuss why the injections are so expensive, what the FDA can and cannot do, and how to read a clinic's
testimonials.</p>
<p>Listen on your favourite podcast app.</p>""")),
    "insurance-marketplace": (False, _page(
        "Does Insurance Cover PRP Injections? | PlanCompare", """
<h1>Does insurance cover PRP injections?</h1>
<p>Most health plans treat platelet-rich plasma injections as experimental and do not cover them, so patients pay
$500 to $2,000 per injection out of pocket.</p>
<p>Some plans cover PRP during surgery. Check your plan's medical policy or call your insurer.</p>
<p>Compare plans in your state to find lower premiums.</p>""")),
    "tooth-bank": (False, _page(
        "Save Your Child's Baby Teeth Stem Cells | ToothVault", """
<h1>Save the stem cells in your child's baby teeth</h1>
<p>Baby teeth contain dental pulp stem cells that researchers hope may one day treat injuries and diseases.</p>
<p>When a tooth becomes loose, your dentist sends it to our laboratory in a collection kit, and the cells are frozen
for the future.</p>
<p>Processing: $650. Storage: $120 a year.</p>""")),
}
