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


def _site(title: str, brand: str, menu: list[str], body: str, footer: str, main_tag: str = "main") -> str:
    """A whole page as a site serves it: the brand and menu in a header, the text in ``main_tag``, a footer."""
    items = "".join(f"<li><a href='#'>{item}</a></li>" for item in menu)
    return (f"<html><head><title>{title}</title></head><body>"
            f"<header><div class='logo'>{brand}</div><nav><ul>{items}</ul></nav></header>"
            f"<{main_tag}>{body}</{main_tag}><footer>{footer}</footer></body></html>")


#: Batch three (session 21, helper sellmiss): written before any change of that session, scored once, then
#: worked on. Whole pages with their site's structure: clinic blog posts, FAQs, condition, guide, terms and
#: staff pages that never say "we" but sit under the clinic's name and menu ("Conditions we treat",
#: "Book a consultation", "Pricing") with its address in the footer; and the non-selling pages that have
#: menus, titles and buttons too (news, a hospital's research programme, directories, a journal, a regulator,
#: a trial registry, a bank, a vet, a supplement shop, a law firm, a society, a forum, an insurer).
BATCH_THREE: dict[str, tuple[bool, str]] = {
    # ---------------------------------------------------------------- sellers: the clinic's site, no "we"
    "blog-knee-wear-center": (True, _site(
        "Can Knee Cartilage Wear Be Slowed? | Brightwater Regenerative Center", "Brightwater Regenerative Center",
        ["Home", "Conditions We Treat", "Stem Cell Therapy", "PRP", "Pricing", "Book a Consultation"], """
<h1>Can knee cartilage wear be slowed?</h1>
<p>Cartilage thins slowly over decades. Weight, old injuries and the shape of the leg all add to the load on it.</p>
<p>Bone marrow concentrate is prepared from marrow taken from the back of the hip, spun down, and placed into the
knee with ultrasound guidance in the same visit.</p>
<p>Most people walk out of the office on their own and go back to light activity after a few days.</p>""",
        "Brightwater Regenerative Center · 412 Elm Street, Boise, ID · (208) 555-0134")),
    "faq-cord-cells-abroad": (True, _site(
        "Frequently Asked Questions | Renova Cell Institute Cancun", "Renova Cell Institute",
        ["Treatments", "Conditions", "Patient Stories", "Request Information"], """
<h1>Frequently asked questions</h1>
<h2>Where is the treatment received?</h2>
<p>All infusions are given at the institute's medical facility in the hotel zone of Cancun.</p>
<h2>Which cells are used?</h2>
<p>Mesenchymal cells grown from donated umbilical cord tissue, tested for sterility before release.</p>
<h2>How many cells are given?</h2>
<p>A typical course is 150 million cells over three days, by intravenous drip.</p>""",
        "Renova Cell Institute · Blvd. Kukulcan km 9, Cancun · WhatsApp +52 998 555 0101")),
    "condition-ms-center": (True, _site(
        "Multiple Sclerosis | Helios Stem Cell Center", "Helios Stem Cell Center",
        ["About", "Conditions We Treat", "Why Choose Helios", "Costs", "Contact"], """
<h1>Multiple sclerosis</h1>
<p>Multiple sclerosis is a disease in which the immune system attacks the coating of nerve fibres. Fatigue,
numbness and trouble walking are common.</p>
<p>Disease-modifying drugs slow relapses but do not restore lost function for most people.</p>
<h2>Treatment</h2>
<p>The MS protocol consists of four intravenous infusions of umbilical cord mesenchymal cells over eight days and can
be received in Panama City.</p>""",
        "Helios Stem Cell Center, Calle 50, Panama City · info@helios-example.com")),
    "condition-disc-options": (True, _site(
        "Degenerative Disc Disease | Cornerstone Spine & Regenerative Medicine", "Cornerstone Spine & Regenerative Medicine",
        ["Services", "Conditions", "Meet the Doctors", "Schedule Your Evaluation"], """
<h1>Degenerative disc disease</h1>
<p>Discs lose water with age and can crack or bulge, which narrows the space for nerves.</p>
<p>For patients who have not improved with physical therapy, platelet-rich plasma or bone marrow concentrate can be
injected into the disc under X-ray guidance, a procedure of about an hour.</p>
<p>Request an evaluation to find out whether a disc injection fits your case.</p>""",
        "Cornerstone Spine & Regenerative Medicine · 90 Harbor Way, Tampa, FL · Call (813) 555-0177")),
    "blog-exosome-facial": (True, _site(
        "Exosome Facials: What to Expect | Lumen Aesthetic Studio", "Lumen Aesthetic Studio",
        ["Services", "Exosome Facial", "PRP Hair Restoration", "Gift Cards", "Book Now"], """
<h1>Exosome facials: what to expect</h1>
<p>The session starts with a numbing cream for twenty minutes. The skin is then microneedled and an exosome serum is
pressed into the channels.</p>
<p>Expect redness like a mild sunburn for a day. Makeup can go back on after twenty-four hours.</p>
<p>For the best glow, a series of three sessions a month apart is recommended.</p>""",
        "Lumen Aesthetic Studio · 15 Pearl St, Austin, TX · Open Tue-Sat")),
    "service-package-included": (True, _site(
        "Stem Cell Therapy Package | Vitalis Clinic Istanbul", "Vitalis Clinic",
        ["Why Choose Vitalis", "Treatments", "Pricing", "Contact"], """
<h1>Stem cell therapy package</h1>
<h2>What is included in the treatment</h2>
<ul><li>Airport transfer and four nights in a partner hotel</li>
<li>Two intravenous infusions of 50 million Wharton's jelly mesenchymal cells</li>
<li>Blood tests before and after</li><li>A follow-up video call at three months</li></ul>
<p>Suitable for joint pain, fatigue and healthy ageing.</p>""",
        "Vitalis Clinic · Nisantasi, Istanbul · +90 212 555 0199")),
    "blog-hair-thinning": (True, _site(
        "Why Hair Thins After 40 | Crown Hair Restoration Clinic", "Crown Hair Restoration Clinic",
        ["Hair Transplant", "PRP for Hair", "Results", "Book a Free Consultation"], """
<h1>Why hair thins after 40</h1>
<p>Hormones, genes and stress all shorten the growth phase of the hair follicle, so strands come in finer.</p>
<p>PRP for hair is given as three sessions four weeks apart. Each visit takes about an hour, including the blood
draw, and the scalp is numbed first.</p>
<p>New growth is usually visible after four to six months.</p>""",
        "Crown Hair Restoration Clinic · 88 Main Street, Leeds · Call 0113 555 0142 to book")),
    "faq-shoulder-brand-in-header": (True, _site(
        "Shoulder Injection Questions - Northside Orthobiologics", "Northside Orthobiologics",
        ["Home", "PRP", "Bone Marrow Concentrate", "Patient Forms", "Appointments"], """
<h1>Shoulder injection questions</h1>
<h2>When can I lift weights after a PRP injection into the rotator cuff?</h2>
<p>Light exercises start after a week; heavy lifting waits six weeks.</p>
<h2>Is the injection guided?</h2>
<p>Every injection is placed under ultrasound so the platelets reach the torn part of the tendon.</p>
<h2>Can I drive home?</h2>
<p>Yes, unless a sedative was taken.</p>""",
        "Northside Orthobiologics, Suite 210, 5 Lake Road, Madison, WI · Fax and phone on the contact page")),
    "guide-procedure-prep": (True, _site(
        "Preparing for Your Bone Marrow Procedure | Oakline Joint Institute", "Oakline Joint Institute",
        ["Procedures", "Conditions Treated", "Patient Resources", "Request an Appointment"], """
<h1>Preparing for your bone marrow procedure</h1>
<ul><li>Stop ibuprofen, naproxen and aspirin seven days before.</li>
<li>Eat a normal breakfast and drink plenty of water.</li>
<li>Bring a driver: a mild sedative may be given.</li></ul>
<p>The marrow draw from the hip takes about fifteen minutes; the concentrate is injected into the joint straight
afterwards.</p>""",
        "Oakline Joint Institute · 300 Birch Ave, Columbus, OH · (614) 555-0120")),
    "condition-autism-protocol": (True, _site(
        "Autism | CelluLife Clinic Panama", "CelluLife Clinic",
        ["Conditions", "Treatment Protocols", "Testimonials", "Request a Free Evaluation"], """
<h1>Autism spectrum disorder</h1>
<p>Autism affects communication and behaviour and appears in early childhood.</p>
<p>The cell protocol for autism combines intravenous and intrathecal umbilical cord cells over four days. A parent
stays with the child throughout, and speech therapy is advised afterwards.</p>""",
        "CelluLife Clinic · Torre Global, Panama City · +507 555 0188")),
    "terms-clinic-fees": (True, _site(
        "Terms and Conditions | Solana Stem Cell Center", "Solana Stem Cell Center",
        ["Home", "Therapies", "Pricing", "Contact"], """
<h1>Terms and conditions</h1>
<p>Treatment with stem cells at Solana Stem Cell Center is not covered by insurance. Fees are payable in full before
the procedure day.</p>
<p>The patient confirms that the medical history given at intake is complete.</p>
<p>Results differ from person to person and no particular outcome is promised.</p>""",
        "Solana Stem Cell Center · 1200 Ocean Dr, Miami, FL · (305) 555-0155")),
    "gallery-prp-facial": (True, _site(
        "Before and After: PRP Facial | Rosewood Skin Clinic", "Rosewood Skin Clinic",
        ["Treatments", "Before & After", "Prices", "Book Online"], """
<h1>Before and after: PRP facial</h1>
<p>Patient, 45: three PRP microneedling sessions, photographed before the first and two months after the last.</p>
<p>Patient, 52: two sessions for acne scarring.</p>
<p>Individual results vary.</p>""",
        "Rosewood Skin Clinic · 7 Mill Lane, Bath · 01225 555 014")),
    "clinic-news-new-office": (True, _site(
        "Now Open in Scottsdale | Desert Regenerative Partners", "Desert Regenerative Partners",
        ["Locations", "Treatments", "News", "Book Online"], """
<h1>Now open in Scottsdale</h1>
<p>Desert Regenerative Partners has opened its second office, on Camelback Road, offering platelet-rich plasma and
bone marrow concentrate injections for joint and spine pain.</p>
<p>Appointments at the new office can be booked online or by phone from Monday.</p>""",
        "Desert Regenerative Partners · Phoenix · Scottsdale")),
    "doctor-bio": (True, _site(
        "Dr. Ana Ruiz, MD | Pacific Stem Cell Clinic", "Pacific Stem Cell Clinic",
        ["Our Team", "Treatments", "Conditions", "Contact"], """
<h1>Dr. Ana Ruiz, MD</h1>
<p>Dr. Ruiz trained in physical medicine in San Diego and has performed more than two thousand cell procedures.</p>
<p>She treats knee, hip and shoulder arthritis with cells from the patient's own fat, harvested by mini-liposuction
under local anaesthetic.</p>""",
        "Pacific Stem Cell Clinic · 40 Coast Hwy, Oceanside, CA · (760) 555-0111")),
    "condition-lungs-list": (True, _site(
        "Lung Conditions | Breathe Again Cell Clinic", "Breathe Again Cell Clinic",
        ["Conditions We Treat", "How It Works", "Pricing", "Apply for Treatment"], """
<h1>Lung conditions</h1>
<ul><li>COPD</li><li>Pulmonary fibrosis</li><li>Emphysema</li></ul>
<p>Treatment: cord-derived mesenchymal cells given by intravenous drip and by nebuliser, over two days.</p>
<p>Candidates send recent lung function tests with the application.</p>""",
        "Breathe Again Cell Clinic · Tijuana, Baja California · +52 664 555 0123")),
    "iv-menu-exosomes": (True, _site(
        "IV Therapy Menu | Revive Wellness Lounge", "Revive Wellness Lounge",
        ["IV Menu", "Memberships", "Book Now"], """
<h1>IV therapy menu</h1>
<ul><li>Hydration drip - $150</li><li>Immune boost - $199</li><li>NAD+ infusion - $450</li>
<li>Exosome infusion - $1,200</li></ul>
<p>Walk-ins are welcome when a chair is free.</p>""",
        "Revive Wellness Lounge · 22 King St, Charleston, SC")),
    "results-duration-blog": (True, _site(
        "How Long Do Stem Cell Injection Results Last? | Meridian Pain & Wellness", "Meridian Pain & Wellness",
        ["Stem Cell Injections", "PRP", "Conditions", "Book a Consultation"], """
<h1>How long do stem cell injection results last?</h1>
<p>It depends on the joint and on how worn it is. In knees with mild arthritis, relief from an adipose cell
injection often lasts two years or longer.</p>
<p>A booster injection can be given when pain returns. Staying active and keeping weight down help the result
last.</p>""",
        "Meridian Pain & Wellness · 16 Oak Plaza, Nashville, TN · (615) 555-0163")),
    # ---------------------------------------------------------------- non-sellers: menus, titles and buttons too
    "news-health-section": (False, _site(
        "Stem cell clinics draw patients despite warnings | The Valley Courier", "The Valley Courier",
        ["News", "Sports", "Health", "Opinion", "Subscribe"], """
<h1>Stem cell clinics draw patients despite warnings</h1>
<p>By Dana Morris</p>
<p>Clinics across the valley advertise stem cell injections for knee pain at prices from $3,000 to $8,000.</p>
<p>"There is no good evidence these injections rebuild anything," said a sports physician at the county hospital.
One clinic owner said her patients were satisfied.</p>""",
        "The Valley Courier · Contact us · Advertise · Terms of use")),
    "hospital-research-program": (False, _site(
        "Regenerative Medicine Research Program | Lakeside University Medical Center", "Lakeside University Medical Center",
        ["Find a Doctor", "Locations", "Make an Appointment", "Research", "Give"], """
<h1>Regenerative medicine research program</h1>
<p>Scientists in the program study how mesenchymal cells behave in damaged cartilage, in the laboratory and in
animal models.</p>
<p>Cell therapies for arthritis are not offered outside of approved clinical trials. Open studies are listed in the
trials registry.</p>""",
        "Lakeside University Medical Center · 1 University Plaza · Main switchboard (555) 555-0100")),
    "directory-city-listing": (False, _site(
        "Stem Cell Clinics in Denver, CO | RegenFinder", "RegenFinder",
        ["Find a Clinic", "Write a Review", "For Providers", "Log In"], """
<h1>Stem cell clinics in Denver, CO</h1>
<p>Mile High Joint Clinic: bone marrow and PRP injections. 4.6 stars from 38 reviews.</p>
<p>Front Range Regenerative: adipose cell therapy. 4.2 stars from 12 reviews.</p>
<p>Request quotes from clinics near you with one form.</p>""",
        "RegenFinder is a directory. Listings are paid for by providers. About · Contact")),
    "regulator-consumer-advice": (False, _site(
        "Consumer Advice: Cell and Tissue Products | Health Products Authority", "Health Products Authority",
        ["Home", "Safety Alerts", "Report a Problem", "Contact Us"], """
<h1>Consumer advice: cell and tissue products</h1>
<p>Some businesses market cell products for arthritis, autism and lung disease without approval.</p>
<p>Before any treatment, ask whether the product is approved or part of an authorised trial, and report harm after
an injection through the online form.</p>""",
        "Health Products Authority · Government of the Commonwealth · Accessibility")),
    "journal-abstract": (False, _site(
        "Intra-articular mesenchymal cell injection for knee osteoarthritis: a randomised trial | Journal of Joint Research",
        "Journal of Joint Research", ["Current Issue", "Archive", "Submit a Manuscript", "Subscribe"], """
<h1>Intra-articular mesenchymal cell injection for knee osteoarthritis: a randomised trial</h1>
<p>Methods: 120 patients were randomised to adipose-derived cells or saline. The primary outcome was pain at twelve
months.</p>
<p>Results: pain fell in both groups with no significant difference (p = 0.41).</p>
<p>Conclusion: the injection was not superior to placebo.</p>""",
        "Journal of Joint Research · ISSN 0000-0000 · Permissions")),
    "trial-registry-listing": (False, _site(
        "A Study of Adipose Cells in Knee Osteoarthritis | TrialSeek", "TrialSeek",
        ["Search Studies", "About Trials", "Contact"], """
<h1>A study of adipose cells in knee osteoarthritis</h1>
<p>Status: recruiting. Phase 2. Sponsor: a university hospital.</p>
<p>Inclusion criteria: age 40 to 75, knee osteoarthritis grade 2 or 3. Exclusion criteria: prior knee surgery.</p>
<p>Contact the study coordinator for eligibility.</p>""",
        "TrialSeek lists studies from public registries.")),
    "cord-bank-pricing": (False, _site(
        "Why Bank Your Baby's Cord Blood | LifeVault Cord Blood Bank", "LifeVault",
        ["How It Works", "Pricing", "Enroll Now", "Call Us"], """
<h1>Why bank your baby's cord blood</h1>
<p>Cord blood is collected after birth, shipped in a kit, and stored frozen for decades.</p>
<p>Storage plans start at $1,650 for the first year. Enroll before your 34th week to receive the kit in time.</p>""",
        "LifeVault Cord Blood Bank · 1-800-555-0191")),
    "vet-dog-joints": (False, _site(
        "Stem Cell Therapy for Dogs | Maple Ridge Animal Hospital", "Maple Ridge Animal Hospital",
        ["Services", "Surgery", "Book an Appointment", "Pet Portal"], """
<h1>Stem cell therapy for dogs</h1>
<p>Older dogs with arthritis in the hips and elbows may benefit from their own fat-derived cells.</p>
<p>A small amount of fat is taken under sedation, processed the same day and injected into the sore joints.</p>""",
        "Maple Ridge Animal Hospital · 9 Ridge Rd · (555) 555-0145")),
    "supplement-shop": (False, _site(
        "StemBoost Daily Capsules | NutriRoot", "NutriRoot",
        ["Shop", "Bestsellers", "Subscribe & Save", "Cart"], """
<h1>StemBoost Daily</h1>
<p>A blend of blue-green algae and plant extracts to support the release of your own stem cells.</p>
<p>60 capsules - $59. Free shipping on orders over $75.</p>""",
        "NutriRoot · These statements have not been evaluated by the Food and Drug Administration.")),
    "law-firm-claims": (False, _site(
        "Stem Cell Clinic Injury Claims | Hale & Prior LLP", "Hale & Prior LLP",
        ["Practice Areas", "Case Results", "Free Case Review"], """
<h1>Stem cell clinic injury claims</h1>
<p>Patients have lost vision or developed infections after injections at unregulated stem cell clinics.</p>
<p>If this happened to you or a family member, a lawyer can review your case at no cost.</p>""",
        "Hale & Prior LLP · Attorney advertising · 100 Court St")),
    "society-patient-info": (False, _site(
        "Patient Information: Orthobiologics | Society for Sports Medicine", "Society for Sports Medicine",
        ["Find a Physician", "Membership", "Education", "Donate"], """
<h1>Patient information: orthobiologics</h1>
<p>Platelet-rich plasma and cell injections are used by some physicians for tendon and joint problems.</p>
<p>The evidence is strongest for PRP in tennis elbow and weak for cell injections in arthritis. Ask about cost and
about the evidence before agreeing to treatment.</p>""",
        "Society for Sports Medicine · a professional association")),
    "critic-blog-playbook": (False, _site(
        "The Stem Cell Clinic Playbook | Skeptical Medicine Notes", "Skeptical Medicine Notes",
        ["About", "Archive", "Subscribe"], """
<h1>The stem cell clinic playbook</h1>
<p>The seminar starts with a free dinner. Then comes the testimonial, the slide about cartilage, and the special price
for booking tonight.</p>
<p>None of it tells a patient whether the injection works, and the fine print says so.</p>""",
        "Skeptical Medicine Notes · comments are moderated")),
    "forum-ms-mexico": (False, _site(
        "Anyone tried stem cells for MS in Mexico? | MS Community Forum", "MS Community Forum",
        ["Forums", "Register", "Log In"], """
<h1>Anyone tried stem cells for MS in Mexico?</h1>
<p>Posted by walkingagain: I'm thinking about a clinic in Cancun that quoted $18,000 for cord cells. Has anyone been?</p>
<p>Reply from ms_mom: My sister went last year. She felt more energy for a few months, then it faded.</p>""",
        "MS Community Forum · Posts are the views of members")),
    "university-lab-news": (False, _site(
        "Researchers Grow Cartilage From Stem Cells in the Lab | Northfield University News", "Northfield University",
        ["Admissions", "Research", "News", "Giving"], """
<h1>Researchers grow cartilage from stem cells in the lab</h1>
<p>A team in the department of bioengineering coaxed stem cells into forming a thin layer of cartilage on a
scaffold.</p>
<p>The work was done in rabbits, and human trials are years away, the lead author said.</p>""",
        "Northfield University · Office of Communications")),
    "plant-serum-shop": (False, _site(
        "Apple Stem Cell Renewal Serum | Verdant Skincare", "Verdant Skincare",
        ["Shop All", "Serums", "Our Story", "Cart"], """
<h1>Apple stem cell renewal serum</h1>
<p>Made with extracts of rare Swiss apple stem cells to help skin look firmer.</p>
<p>30 ml - $68. Add to cart.</p>""",
        "Verdant Skincare · Free returns within 30 days")),
    "insurer-policy": (False, _site(
        "Medical Policy: Orthobiologic Injections | Keystone Health Plan", "Keystone Health Plan",
        ["Find Care", "Member Login", "Plans", "Contact"], """
<h1>Medical policy: orthobiologic injections</h1>
<p>Platelet-rich plasma and bone marrow or adipose cell injections for joint and tendon conditions are considered
investigational.</p>
<p>They are not covered under any plan. Prior authorisation requests will be denied.</p>""",
        "Keystone Health Plan · Member services 1-800-555-0170")),
    "health-info-evidence": (False, _site(
        "Stem Cell Therapy for Knee Arthritis: What the Evidence Says | WellInformed Health", "WellInformed Health",
        ["Conditions A-Z", "Symptom Checker", "Find a Doctor", "Newsletter"], """
<h1>Stem cell therapy for knee arthritis: what the evidence says</h1>
<p>Cells from bone marrow or fat are concentrated and injected into the knee. The visit takes an hour or two.</p>
<p>Small studies report less pain, but few compared the injection with a placebo. Talk to your doctor before paying
for it.</p>""",
        "WellInformed Health · Medically reviewed · Advertising policy")),
}


#: Batch four (session 21, helper sellfalse, issue 8's false sellers): written from the manual (section 1: who speaks,
#: what the page's organisation does) before any tune page was read and before any rule changed, then scored
#: once. Non-sellers in the genres real false sellers come from (a patient's own story, forums, a physician's
#: fact-check, directories and "best clinics" lists, health-technology assessments, news, encyclopedias,
#: practices that discuss cell therapy without offering it) beside sellers in the same genres.
BATCH_FOUR: dict[str, tuple[bool, str]] = {
    # ---------------------------------------------------------------- non-sellers
    "patient-journey-blog": (False, _page(
        "My Trip to Cancun for Stem Cells, Part 2 | Living Loud with MS", """
<h1>My trip to Cancun for stem cells, part 2</h1>
<p>I landed on a Tuesday and a driver from the clinic took me straight to the hotel. The next morning they drew
blood, ran an MRI and explained the plan: four infusions of cord-derived cells over five days.</p>
<p>The whole package cost me $21,000, which my brother raised through a fundraiser. The nurses were lovely.</p>
<p>Three months on my walking is about the same, maybe a little better on good days. I will post again at six
months. If you are thinking about going, ask lots of questions and talk to your neurologist first.</p>""")),
    "forum-thread-knee": (False, _page(
        "Has anyone had PRP for a meniscus tear? - Runners' Corner Forum", """
<h1>Has anyone had PRP for a meniscus tear?</h1>
<p><b>trailfox:</b> My sports doc suggested PRP for a small tear, $900 a shot, not covered. Worth it?</p>
<p><b>miles_and_miles:</b> I had two injections last spring. Knee felt better by summer but honestly so did my
other knee, which got nothing.</p>
<p><b>coachK:</b> Ask what the trials show for your kind of tear. Physio did more for me than the injection.</p>
<p><b>trailfox:</b> Thanks all, going to try six weeks of rehab first.</p>""")),
    "physician-factcheck": (False, _page(
        "Fact Check: Can Stem Cells Regrow Your Knee Cartilage? | Dr. Anya Roth's Evidence Notes", """
<h1>Fact check: can stem cells regrow your knee cartilage?</h1>
<p>An advert doing the rounds promises that one injection of stem cells will regrow worn cartilage and spare you a
knee replacement. The claim is rated: misleading.</p>
<p>The best randomised trials of bone marrow or fat-derived injections found pain improved about as much as with a
saline or steroid injection, and scans showed no new cartilage.</p>
<p>I am a rheumatologist. I have no stake in any clinic, and I do not give these injections.</p>""")),
    "sports-med-blog-no-offer": (False, _page(
        "Should You Get a PRP Injection for Your Achilles? | Northgate Sports Physicians Blog", """
<h1>Should you get a PRP injection for your Achilles?</h1>
<p>Patients often ask us about platelet-rich plasma after reading about a famous footballer's comeback.</p>
<p>For Achilles tendinopathy, the trials so far show no clear benefit of PRP over a good loading programme, so our
physicians do not offer PRP for it. Eccentric calf exercises, done daily for twelve weeks, remain the first step.</p>
<p>If your pain persists, book a review with one of our physicians to talk about shockwave therapy or surgery.</p>""")),
    "hta-report": (False, _page(
        "Autologous Platelet-Rich Plasma for Knee Osteoarthritis: Health Technology Assessment | Provincial Health Quality Agency", """
<h1>Platelet-rich plasma for knee osteoarthritis: health technology assessment</h1>
<p>The agency was asked whether public funding should cover PRP injections for adults with knee osteoarthritis.</p>
<p>We reviewed 24 randomised trials. The certainty of evidence for pain relief at twelve months was low, and the
budget impact of funding was estimated at $14 million a year.</p>
<p>Recommendation: the committee does not recommend public funding of PRP for knee osteoarthritis at this time.
The assessment will be updated in 2028.</p>""")),
    "hta-evidence-review-msc": (False, _page(
        "Evidence Review: Mesenchymal Stromal Cell Injections for Chronic Low Back Pain | National Institute for Clinical Value", """
<h1>Mesenchymal stromal cell injections for chronic low back pain</h1>
<p>This review summarises the published evidence on injecting mesenchymal stromal cells into the intervertebral
disc. Four small trials with 180 patients in all were found.</p>
<p>Outcomes were inconsistent and the procedure carries risks of infection and disc injury. The evidence is
inadequate in quantity and quality.</p>
<p>The procedure should only be used in the context of research.</p>""")),
    "news-clinic-inspection": (False, _page(
        "Inspectors Find Unlicensed Stem Cell Product at Suburban Clinic | The Valley Courier", """
<h1>Inspectors find unlicensed stem cell product at suburban clinic</h1>
<p>By Marta Jensen, health reporter</p>
<p>State inspectors seized vials of an amniotic cell product at a clinic in Riverside on Thursday after two patients
were treated in hospital for infections.</p>
<p>The clinic advertised injections for arthritis and neuropathy at $5,000 each. Its owner did not respond to
requests for comment.</p>""")),
    "news-athlete-comeback": (False, _page(
        "Striker Back in Training Weeks After Platelet Injection | Sportsline Daily", """
<h1>Striker back in training weeks after platelet injection</h1>
<p>City's top scorer returned to full training on Monday, three weeks after receiving a platelet-rich plasma
injection for a hamstring tear, the club said.</p>
<p>Sports physicians say PRP is widely used in professional football, though trials have not shown it speeds up
return to play.</p>
<p>City face Rovers on Saturday.</p>""")),
    "encyclopedia-msc": (False, _page(
        "Mesenchymal stem cell - OpenMed Encyclopedia", """
<h1>Mesenchymal stem cell</h1>
<p>Mesenchymal stem cells (MSCs) are multipotent stromal cells that can differentiate into bone, cartilage and fat
cells. They were first described in bone marrow in the 1970s.</p>
<p>MSCs can be isolated from bone marrow, adipose tissue, umbilical cord and dental pulp. Their clinical use is
being studied for graft-versus-host disease, Crohn's disease and heart failure.</p>
<p>Many private clinics market MSC injections for conditions where no benefit has been shown.</p>""")),
    "health-library-prp": (False, _page(
        "Platelet-Rich Plasma (PRP) Injections | HealthWise Library", """
<h1>Platelet-rich plasma injections</h1>
<p>PRP is made by spinning a sample of your blood so the platelets are concentrated. The plasma is then injected
into an injured tendon, joint or muscle.</p>
<p>Your doctor may suggest PRP for tennis elbow or knee osteoarthritis. Side effects include pain at the injection
site and, rarely, infection.</p>
<p>Ask your doctor: Is PRP right for me? How many injections will I need? Will my insurance pay?</p>""")),
    "directory-city-listing": (False, _page(
        "Stem Cell Clinics in Phoenix, AZ - 14 Results | CareFinder", """
<h1>Stem cell clinics in Phoenix, AZ</h1>
<p><b>Desert Bloom Regenerative</b> - 4410 N Central Ave. Offers: stem cell injections, PRP. Rating 4.6 (88 reviews).
</p>
<p><b>Saguaro Joint Institute</b> - 120 E Camelback Rd. Offers: bone marrow concentrate, PRP. Rating 4.2 (41
reviews).</p>
<p>Are you a provider? Claim your free listing. CareFinder does not endorse any clinic listed.</p>""")),
    "best-clinics-ranking": (False, _page(
        "The 8 Best Stem Cell Clinics in Mexico (2026 Update) | MedTravel Review", """
<h1>The 8 best stem cell clinics in Mexico</h1>
<p>We compared prices, reviews and accreditation of clinics in Tijuana, Cancun and Guadalajara.</p>
<p><b>1. Clinica Renova, Tijuana.</b> Umbilical cord stem cell infusions from $6,500. Patients praise the English
speaking staff.</p>
<p><b>2. Cellmed Cancun.</b> Packages for autism and MS from $12,000 including the hotel.</p>
<p>Our rankings are independent. We may earn a commission when you contact a clinic through our links.</p>""")),
    "ortho-practice-discusses": (False, _page(
        "Stem Cells for Knee Arthritis: What Our Surgeons Tell Patients | Lakeside Orthopaedic Group", """
<h1>Stem cells for knee arthritis: what our surgeons tell patients</h1>
<p>Adverts for stem cell injections promise to rebuild the knee. The evidence so far does not support that, and the
injections cost thousands of dollars out of pocket.</p>
<p>At Lakeside we treat knee arthritis with weight management, physical therapy, bracing, steroid injections and,
when these fail, partial or total knee replacement.</p>
<p>To talk through your options, request an appointment with one of our joint specialists.</p>""")),
    "physio-blog-prp": (False, _page(
        "Rehab After a PRP Injection | Harbourside Physiotherapy", """
<h1>Rehab after a PRP injection</h1>
<p>More of our clients arrive after a platelet-rich plasma injection from their sports doctor. The injection is
only part of the picture: the tendon still needs progressive loading.</p>
<p>For the first two weeks we keep exercises gentle, then build up strength over three months.</p>
<p>Our physiotherapists work alongside your doctor. Book a rehab assessment online.</p>""")),
    "newspaper-doctor-column": (False, _page(
        "Ask the Doctor: Should I Try Stem Cells for My Back? | The Morning Gazette", """
<h1>Ask the doctor: should I try stem cells for my back?</h1>
<p><i>Dear Doctor, a clinic near me offers stem cell injections for back pain for $7,000. My daughter says it is a
scam. Who is right? - R.T., Dayton</i></p>
<p>Dear R.T., your daughter has a point. No stem cell product is approved for back pain, and the clinics that sell
them rarely publish their results.</p>
<p>A physical therapist and your own doctor are a better first stop.</p>""")),
    "review-aggregator": (False, _page(
        "Regenix Health Center Reviews - Read 63 Patient Reviews | ClinicRater", """
<h1>Regenix Health Center: patient reviews</h1>
<p>★★★★★ "Dr. Molina injected stem cells into both my knees and I'm gardening again." - Doris, 71</p>
<p>★☆☆☆☆ "Paid $8,000 for a shot that did nothing. Pushy sales calls." - Frank, 58</p>
<p>Overall rating 3.9 from 63 reviews. Reviews are the opinions of users, not of ClinicRater.</p>""")),
    "physician-training-course": (False, _page(
        "Hands-On PRP and Orthobiologics Course for Physicians | OrthoBio Academy", """
<h1>Hands-on PRP and orthobiologics course</h1>
<p>A two-day course for physicians, physician assistants and nurse practitioners who want to add PRP and bone marrow
concentrate to their practice.</p>
<p>Day one covers preparation systems and ultrasound-guided injection of the knee and shoulder on models; day two
covers billing and patient selection.</p>
<p>Tuition: $2,400. 14 CME credits.</p>""")),
    "patient-charity-hsct": (False, _page(
        "Stem Cell Transplants for MS: A Guide | Multiple Sclerosis Support Trust", """
<h1>Stem cell transplants for MS: a guide</h1>
<p>Autologous haematopoietic stem cell transplantation (aHSCT) wipes out and rebuilds the immune system with the
patient's own stem cells. In the UK it is available on the NHS for some people with very active relapsing MS.</p>
<p>We do not recommend any private clinic. Some clinics abroad charge more than £50,000 and offer aHSCT to people
who are unlikely to benefit.</p>
<p>Call our helpline to talk it through.</p>""")),
    # ---------------------------------------------------------------- sellers in the same genres
    "clinic-patient-story": (True, _page(
        "Ruth's Story: Back on the Trail | Pinecone Regenerative Orthopedics", """
<h1>Ruth's story: back on the trail</h1>
<p>Ruth, 66, had given up hiking because of arthritis in her right knee. Her surgeon had mentioned a replacement.</p>
<p>After her consultation with Dr. Greene, Ruth chose a bone marrow concentrate injection. The procedure took under
two hours and she walked out the same afternoon.</p>
<p>Six months later she finished a ten-mile hike. Results vary from patient to patient. Ask us whether you are a
candidate.</p>""")),
    "clinic-ask-the-doctor": (True, _page(
        "Ask Dr. Hale: Your Questions Answered | Hale Spine and Joint", """
<h1>Ask Dr. Hale</h1>
<p><b>Q: I have a torn rotator cuff. Can PRP help?</b></p>
<p>A: For partial tears, yes, it often can. I inject PRP into the tear under ultrasound in my office, and most
patients need one or two injections six weeks apart.</p>
<p><b>Q: Do you take insurance?</b></p>
<p>A: Insurance does not cover PRP. The fee is $850 per injection and we offer payment plans.</p>""")),
    "physician-debunks-then-offers": (True, _page(
        "The Truth About Amniotic 'Stem Cell' Shots | Dr. Marcus Bell, Interventional Orthopedics", """
<h1>The truth about amniotic "stem cell" shots</h1>
<p>Many clinics sell amniotic or cord blood injections as stem cells. Independent labs have found no living stem
cells in these products. It is a scam.</p>
<p>What I use is different: your own bone marrow, drawn from the back of the hip and concentrated in my clinic the
same morning, then injected into the joint under X-ray guidance.</p>
<p>Call the office to see if you are a candidate.</p>""")),
    "sports-med-blog-offers": (True, _page(
        "PRP for Hamstring Injuries | Northfield Sports Medicine Blog", """
<h1>PRP for hamstring injuries</h1>
<p>Hamstring strains are common in sprinters and footballers, and a bad one can take months to heal.</p>
<p>The evidence for PRP here is mixed. Even so, for chronic tendon problems at the hip our sports physicians perform
PRP injections under ultrasound guidance, combined with a loading programme from our physios.</p>
<p>To find out whether PRP suits your injury, schedule a visit at our Northfield or Eastgate office.</p>""")),
    "surgeon-blog-also-injects": (True, _page(
        "When Is It Time for a Knee Replacement? | Dr. Laura Chen, Orthopaedic Surgeon", """
<h1>When is it time for a knee replacement?</h1>
<p>A knee replacement is one of the most successful operations in medicine, but it is not the first step for
everyone.</p>
<p>For patients with mild to moderate arthritis who want to put surgery off, I also offer PRP and bone marrow
concentrate injections in the clinic, alongside physical therapy and weight loss.</p>
<p>When pain keeps you awake at night despite these, it is time to talk about a replacement.</p>""")),
    "broker-ranked-packages": (True, _page(
        "Top Stem Cell Clinics in Panama - Book Your Package | CellVoyage", """
<h1>Top stem cell clinics in Panama</h1>
<p>CellVoyage partners with three accredited clinics in Panama City. We arrange the treatment, flights, hotel and
airport transfers.</p>
<p>Knee package: two umbilical cord MSC injections, four nights' stay, from $9,800. MS package: IV infusions over
five days, from $18,500.</p>
<p>Fill in the form and a patient coordinator will call you within 24 hours.</p>""")),
    "clinic-glossary": (True, _page(
        "Regenerative Medicine Glossary | Austin Cellular Health", """
<h1>Regenerative medicine glossary</h1>
<p><b>Adipose tissue:</b> fat. It holds stromal cells that can be collected by mini-liposuction.</p>
<p><b>BMAC:</b> bone marrow aspirate concentrate, made from marrow drawn from the hip.</p>
<p><b>PRP:</b> platelet-rich plasma, made from your own blood.</p>
<p>Dr. Nadia Reyes performs adipose, BMAC and PRP procedures at the Austin office. Call 512-555-0143 to book a
consultation.</p>""")),
    "clinic-press-release": (True, _page(
        "Brightwater Wellness Now Offers Exosome Therapy | Brightwater Wellness News", """
<h1>Brightwater Wellness now offers exosome therapy</h1>
<p>BRIGHTWATER, FL - Brightwater Wellness announced today that it has added exosome infusions to its menu of
regenerative treatments.</p>
<p>"Our patients asked for it," said medical director Dr. Kyle Ames. The infusions are available at both Brightwater
locations from March 1.</p>
<p>New patients can book an introductory consultation for $99.</p>""")),
    "clinic-research-summary": (True, _page(
        "What the Research Says About Stem Cells for Hip Arthritis | Maple Leaf Regenerative Clinic", """
<h1>What the research says about stem cells for hip arthritis</h1>
<p>A 2021 meta-analysis of nine trials found less pain at twelve months after bone marrow concentrate injections,
though the studies were small and few were blinded.</p>
<p>Our clinic's protocol follows these studies: one ultrasound-guided injection of concentrate from the patient's
own marrow, with PRP boosters at six weeks.</p>
<p>Consultations can be booked online.</p>""")),
    "medspa-hair-prp-blog": (True, _page(
        "Does PRP Work for Hair Loss? | Glow Med Spa Blog", """
<h1>Does PRP work for hair loss?</h1>
<p>Studies suggest PRP can thicken thinning hair, especially in the early stages of pattern hair loss. It does not
work for everyone.</p>
<p>At Glow Med Spa, a session of PRP scalp injections is $600, or $1,500 for a course of three. Our nurse injectors
numb the scalp first.</p>""")),
    "clinic-locations": (True, _page(
        "Our Locations | ReGen Joint Centers", """
<h1>Our locations</h1>
<p><b>Denver:</b> 800 Grant St, Suite 200. Stem cell and PRP injections, Monday to Friday.</p>
<p><b>Boulder:</b> 14 Pearl St. PRP injections on Tuesdays and Thursdays.</p>
<p><b>Colorado Springs:</b> 2 Tejon St. Bone marrow concentrate procedures by appointment.</p>
<p>Call (303) 555-0190 to schedule at any location.</p>""")),
    "chiro-np-injections": (True, _page(
        "Regenerative Injections | Keystone Chiropractic and Wellness", """
<h1>Regenerative injections</h1>
<p>Not every painful joint responds to adjustments alone. Keystone's nurse practitioner, Jenna Ortiz, NP, provides
amniotic tissue and PRP injections for knee, shoulder and hip pain.</p>
<p>These products are not approved by the FDA to treat any disease. Results are not guaranteed.</p>
<p>New patient exam and X-rays: $49.</p>""")),
    "condition-page-third-person": (True, _page(
        "Rotator Cuff Tears | Harbor Orthobiologics", """
<h1>Rotator cuff tears</h1>
<p>The rotator cuff is a group of four tendons that hold the shoulder in place. Tears come from falls or from years
of wear.</p>
<p>At Harbor, treatment of a partial tear starts with an ultrasound scan in the first visit. PRP or bone marrow
concentrate is then placed into the torn tendon under ultrasound, and a physiotherapy plan follows.</p>""")),
    "clinic-testimonial-videos": (True, _page(
        "Patient Testimonials | Sunbelt Stem Cell Institute", """
<h1>Patient testimonials</h1>
<p>Watch real patients describe their experience with stem cell therapy at Sunbelt.</p>
<p>"I could not lift my grandson. After my shoulder treatment here I can." - Gerald, 70</p>
<p>"The staff explained every step of my knee procedure." - Alicia, 55</p>
<p>Individual results vary. Request your free consultation today.</p>""")),
    "abroad-clinic-travel-blog": (True, _page(
        "What to Pack for Your Stem Cell Treatment in Cancun | Caribe Cell Clinic Blog", """
<h1>What to pack for your stem cell treatment in Cancun</h1>
<p>Most of our international patients stay five to seven days. Pack light cotton clothes, sunscreen and your
medical records, including any recent MRI.</p>
<p>Your infusions take place at our clinic in the hotel zone; our driver collects you from the airport and takes you
to every appointment.</p>
<p>Questions? Your patient coordinator is one WhatsApp message away.</p>""")),
    "hospital-transplant-programme": (True, _page(
        "Blood and Marrow Transplant Program | St. Aldric University Hospital", """
<h1>Blood and marrow transplant program</h1>
<p>Our program performs more than 200 stem cell transplants a year for leukaemia, lymphoma, myeloma and aplastic
anaemia, using the patient's own cells or cells from a matched donor.</p>
<p>Patients are referred by their haematologist. A transplant coordinator guides each patient and family from the
first visit through recovery.</p>""")),
}


#: Batch five (session 21, helper sellfalse): written after the false-seller changes, scored once on the branch and on
#: main e13fbc9, never studied. The same genres as batch four in other words and other countries.
BATCH_FIVE: dict[str, tuple[bool, str]] = {
    # ---------------------------------------------------------------- non-sellers
    "carer-blog-son-cp": (False, _page(
        "Leo's Stem Cell Trip: What We Learned | Three Boys and a Wheelchair", """
<h1>Leo's stem cell trip: what we learned</h1>
<p>Last spring we took Leo, who has cerebral palsy, to a clinic in Panama for two rounds of cord tissue cells. It
cost us close to $30,000 once flights were counted.</p>
<p>His physio says his trunk control is a bit better. Honestly we cannot tell whether that was the cells or the
extra therapy he had over the summer.</p>
<p>Would we do it again? Probably not. Ask me anything in the comments.</p>""")),
    "reddit-style-thread": (False, _page(
        "Exosomes for hair after finasteride? : r/tressloss", """
<h1>Exosomes for hair after finasteride?</h1>
<p><b>u/lowcrown:</b> Derm quoted me $2,200 for three exosome sessions. Anyone seen results?</p>
<p><b>u/densityguy:</b> Did PRP x4 last year, small gain at the crown, faded by month nine.</p>
<p><b>u/moderator_bot:</b> Reminder: posts recommending specific clinics will be removed.</p>""")),
    "pharmacist-myth-buster": (False, _page(
        "Myth vs Fact: Stem Cell Facials | The Skeptical Pharmacist", """
<h1>Myth vs fact: stem cell facials</h1>
<p>Myth: a stem cell facial puts living stem cells into your skin. Fact: the creams contain extracts or
conditioned media; no living cells survive in a jar.</p>
<p>Myth: exosome serums regrow collagen. Fact: there are no good trials in people.</p>
<p>I do not sell skincare, and nobody pays me to write this.</p>""")),
    "insurer-medical-policy": (False, _page(
        "Medical Policy: Orthopedic Applications of Stem Cell Therapy | Evergreen Health Plan", """
<h1>Orthopedic applications of stem cell therapy</h1>
<p>Policy: Evergreen Health Plan considers mesenchymal stem cell injections, bone marrow aspirate concentrate and
adipose-derived cell injections for orthopedic conditions investigational and not medically necessary.</p>
<p>Rationale: published studies are small, often unblinded, and do not show lasting improvement over usual care.</p>
<p>Coding: claims billed with unlisted procedure codes for these services will be denied.</p>""")),
    "ranked-hair-clinics": (False, _page(
        "Top 5 PRP Hair Clinics in Istanbul, Reviewed | HairAbroad Guide", """
<h1>Top 5 PRP hair clinics in Istanbul</h1>
<p>Our team visited fifteen clinics and picked five that use proper centrifuges and licensed doctors.</p>
<p><b>Clinic Lale</b> - PRP sessions from €120, packages with a hair transplant from €1,900.</p>
<p><b>Bosphorus Hair Center</b> - PRP after every transplant, free airport transfer.</p>
<p>Prices checked in November. Clinics do not pay to be included.</p>""")),
    "university-news-trial-result": (False, _page(
        "Cell Therapy Trial for Heart Failure Misses Main Goal | Lakeview University News", """
<h1>Cell therapy trial for heart failure misses main goal</h1>
<p>A trial led by Lakeview cardiologists found that bone marrow cells injected into the heart did not reduce
hospital admissions for heart failure over two years.</p>
<p>"It is disappointing, but it is an answer," said the lead investigator. The team will publish the full data
in the spring.</p>""")),
    "knee-surgeon-explains-no": (False, _page(
        "Why I Don't Recommend Stem Cell Injections Yet | Dr. Owen Park, Knee Surgeon", """
<h1>Why I don't recommend stem cell injections yet</h1>
<p>Every week a patient brings me a flyer for a stem cell injection that claims to regrow cartilage.</p>
<p>The studies behind these flyers are small and mostly funded by the clinics. I would rather my patients spend
the money on a good physiotherapist.</p>
<p>For arthritis I offer steroid injections, bracing and, when needed, knee replacement.</p>""")),
    "encyclopedia-prp": (False, _page(
        "Platelet-rich plasma - MediWiki", """
<h1>Platelet-rich plasma</h1>
<p>Platelet-rich plasma (PRP) is blood plasma enriched with platelets, obtained by centrifuging whole blood.</p>
<p>It has been used in dentistry, orthopaedics, dermatology and sports medicine since the 1990s. Reviews of its
use for tendon injuries and hair loss have reached mixed conclusions.</p>
<p>See also: autologous conditioned serum; fibrin glue.</p>""")),
    "charity-parkinsons-faq": (False, _page(
        "Stem Cell Treatments: Questions and Answers | Parkinson's Hope Foundation", """
<h1>Stem cell treatments: questions and answers</h1>
<p><b>Can I get stem cell treatment for Parkinson's today?</b> Only in clinical trials. Clinics that charge for it
outside a trial are selling something unproven.</p>
<p><b>Which trials are recruiting?</b> Our research team keeps a list; call the helpline for details.</p>""")),
    # ---------------------------------------------------------------- sellers
    "clinic-blog-patient-voice": (True, _page(
        "“I Can Play Golf Again”: Walter's Shoulder | Fairway Regenerative Medicine Blog", """
<h1>"I can play golf again": Walter's shoulder</h1>
<p>Walter came to Fairway with a partial rotator cuff tear that had not healed after a year of physio.</p>
<p>Dr. Imani Brooks injected PRP into the tear under ultrasound, and a second injection followed six weeks later.
"By the third month I was back on the course," Walter says.</p>
<p>Wondering whether PRP could help your shoulder? Call our Fairway office.</p>""")),
    "sports-doc-evidence-then-offer": (True, _page(
        "Is PRP Worth It for Plantar Fasciitis? | Dr. Rosa Lind, Foot and Ankle Sports Medicine", """
<h1>Is PRP worth it for plantar fasciitis?</h1>
<p>Several trials have compared PRP with steroid injections for plantar fasciitis; PRP did about as well at three
months and better at a year.</p>
<p>I use PRP for patients whose heel pain has lasted more than six months despite stretching and insoles. The
injection is done in the office with ultrasound guidance.</p>""")),
    "broker-comparison-sells": (True, _page(
        "Compare Stem Cell Packages in Colombia | MedBridge Latin America", """
<h1>Compare stem cell packages in Colombia</h1>
<p>We work with two partner clinics in Medellín. Both use umbilical cord mesenchymal cells grown in licensed labs.</p>
<p>Joint package: 1 injection, 3 nights, $7,200. Neurological package: 4 IV infusions, 6 nights, $16,900.</p>
<p>Send us your medical records and our coordinator will confirm your dates.</p>""")),
    "dermatology-faq-exosomes": (True, _page(
        "Exosome Treatments: Your Questions | Clearview Dermatology", """
<h1>Exosome treatments: your questions</h1>
<p><b>Are exosomes FDA approved?</b> No exosome product is FDA approved for injection. Clearview applies exosome
serum to the skin only, straight after microneedling.</p>
<p><b>How many sessions?</b> Three sessions four weeks apart give the best result.</p>
<p><b>Cost?</b> $495 per session, or $1,350 for three.</p>""")),
    "hospital-cord-blood-transplant": (True, _page(
        "Cord Blood Transplant | Northern Children's Hospital", """
<h1>Cord blood transplant</h1>
<p>When a child with leukaemia or an inherited blood disorder has no matched donor, our transplant team can use
donated umbilical cord blood instead.</p>
<p>Families meet the transplant physician, nurse coordinator and social worker before admission, and the child
stays on the transplant unit for four to six weeks.</p>""")),
    "chiro-blog-offers": (True, _page(
        "Knee Pain and Regenerative Options | Pinewood Chiropractic Blog", """
<h1>Knee pain and regenerative options</h1>
<p>Adjustments and exercise help many knees, but some need more. Our medical provider, Dr. Eli Shaw, MD, performs
PRP and bone marrow concentrate injections in our Pinewood clinic.</p>
<p>These injections are not FDA approved for arthritis, and results vary.</p>
<p>Ask at the front desk about a regenerative evaluation.</p>""")),
    "clinic-in-the-news-page": (True, _page(
        "In the News | Sunrise Cell Institute", """
<h1>In the news</h1>
<p>Channel 8 visited Sunrise Cell Institute this month to film a knee procedure with the patient's own fat-derived
cells.</p>
<p>"We treat about twenty knees a week," medical director Dr. Hal Reyes told the reporter.</p>
<p>To ask whether you are a candidate, fill in our online form.</p>""")),
    "medspa-prp-under-eye": (True, _page(
        "PRP Under-Eye Treatment | Luna Aesthetics", """
<h1>PRP under-eye treatment</h1>
<p>Dark circles and hollows under the eyes can make you look tired. A few drops of your own platelet-rich plasma,
placed with a fine cannula, can soften them over a few months.</p>
<p>Treatment takes thirty minutes. Most clients have two sessions.</p>""")),
}


#: Batch six (session 21, helper wevoice): a "we" that is or is not a provider. Written and scored once on main
#: e1bf1dd before any change for it. Non-sellers whose "we" is a family, a patients' group, a forum, a comparison
#: site, a journalists' team, a charity or a research group, beside prices and booking words; sellers whose "we"
#: also tells stories (treated patients, testimonials, a founder's tale), brokers arranging treatment at partner
#: clinics, and clinics that compare themselves with others.
BATCH_SIX: dict[str, tuple[bool, str]] = {
    # ---------------------------------------------------------------- non-sellers
    "family-trip-diary": (False, _page(
        "Nora's journey: our week in Guadalajara", """
<h1>Our week in Guadalajara</h1>
<p>In March we flew with our daughter Nora to a clinic in Guadalajara for umbilical cord stem cells. We had read
about it for months and finally decided to go.</p>
<p>We paid $16,500 for the package, which covered four infusions, the hotel and the driver. The doctors there told
us to expect changes within three months.</p>
<p>Nora is sleeping better, but we honestly cannot say whether it was the cells. We will post again in the summer.</p>""")),
    "family-fundraiser-update": (False, _page(
        "Help Sam walk again - update 6", """
<h1>Update: Sam's treatment date is booked</h1>
<p>Thanks to all of you we reached our goal. We booked Sam's treatment for 14 May at a clinic in Panama, where
they will give him mesenchymal stem cells from cord tissue.</p>
<p>We were told it costs $28,000 for the full protocol plus travel. Our son is excited about the plane more than
the hospital.</p>
<p>We will share how it goes. Thank you from our whole family.</p>""")),
    "patients-group-advice": (False, _page(
        "Before you pay for stem cells: advice from the Parkinson's Friends Network", """
<h1>Before you pay for stem cells</h1>
<p>Many of our members have been approached by clinics selling stem cell injections for Parkinson's, at prices from
$8,000 to $40,000.</p>
<p>Some of our members went ahead. They told us the consultation was quick and the booking was pushed hard, with
discounts for paying that week.</p>
<p>Our network does not recommend any clinic. Before you book, ask your neurologist and ask the clinic for
published results.</p>""")),
    "forum-knee-thread": (False, _page(
        "Knee injections abroad? - Page 3 - JointTalk Forum", """
<h1>Re: Knee injections abroad?</h1>
<p>Posted by hikerdan: My wife and I went to a clinic in Cancun last year. We paid $9,200 for both knees, bone
marrow stem cells plus PRP. We were told to skip running for six weeks.</p>
<p>Posted by lulu_k: We looked at the same place but booked a consultation closer to home instead. Our surgeon said
the evidence is thin.</p>
<p>Posted by hikerdan: Fair. We would probably not do it again at that price.</p>""")),
    "comparison-site-prices": (False, _page(
        "Stem cell therapy prices compared: 2026 guide | CostCompare Health", """
<h1>How much does stem cell therapy cost?</h1>
<p>We compared prices from 22 clinics that offer stem cell injections for knees and backs. The cheapest quote we
received was $3,900 for one knee; the dearest was $14,000.</p>
<p>Our table lists each clinic's price, what the package includes and how to book a consultation with them.</p>
<p>We are not paid by any clinic. Our team updates the prices every quarter.</p>""")),
    "ranked-list-top-clinics": (False, _page(
        "The 8 best PRP clinics in Denver, ranked | CityPicks", """
<h1>The 8 best PRP clinics in Denver</h1>
<p>Our team called and visited a dozen clinics offering platelet-rich plasma injections for hair loss and sore
joints. We ranked them on price, reviews and how clearly they explained the risks.</p>
<p>1. Front Range Regenerative: PRP from $650 a session, free consultation.</p>
<p>2. Mile High Ortho: PRP for knees from $900; book online.</p>
<p>Our picks are independent. Prices were checked in January.</p>""")),
    "journalists-investigation": (False, _page(
        "We called 30 stem cell clinics. Here is what they promised | The Harbor Ledger", """
<h1>We called 30 stem cell clinics. Here is what they promised</h1>
<p>Over two months our reporting team posed as the daughter of a man with heart failure and asked clinics about
stem cell treatment.</p>
<p>We were quoted between $6,000 and $35,000. Nineteen clinics said the cells could repair the heart, and eleven
offered us a discount if we booked within a week.</p>
<p>We shared our findings with the state medical board.</p>""")),
    "charity-support-page": (False, _page(
        "Stem cell treatments: what our charity can tell you | Spinal Hope Trust", """
<h1>Stem cell treatments: what we can tell you</h1>
<p>We are a charity supporting people with spinal cord injury and their families. Every week we are contacted by
people thinking of paying for stem cells overseas.</p>
<p>We fund research into cell therapies, but we do not provide or recommend any treatment sold privately. If a
clinic asks for a deposit before you have seen any evidence, talk to our helpline first.</p>""")),
    "research-group-page": (False, _page(
        "Cartilage Repair Group | Department of Orthopaedic Science, Lakeland University", """
<h1>Cartilage Repair Group</h1>
<p>We study how mesenchymal stromal cells from bone marrow might help repair damaged cartilage. In our laboratory we
grow the cells on scaffolds and test them in animal models.</p>
<p>We are now recruiting for a small phase 1 trial in knee osteoarthritis. Participants do not pay; the trial is
funded by a national grant.</p>
<p>We do not offer treatment outside the trial.</p>""")),
    "couple-travel-blog": (False, _page(
        "Day 4 in Bogota: Dad's first infusion | Two Kids and a Suitcase", """
<h1>Day 4: Dad's first infusion</h1>
<p>We got to the clinic at eight. The nurses put in a drip and Dad got his first dose of stem cells for his COPD
while we sat with him and played cards.</p>
<p>The whole trip costs us about $21,000, which we split between the three of us. We are booked for two more
infusions this week.</p>
<p>Tomorrow we are taking him to the old town if he feels up to it.</p>""")),
    "patients-group-meeting": (False, _page(
        "Notes from our April meeting | Coastal Arthritis Support Circle", """
<h1>Notes from our April meeting</h1>
<p>Twenty-one members came to our April meeting. Two of our members spoke about the PRP injections they had for
knee arthritis, one at $700 a shot and one at $1,100.</p>
<p>We talked about how to tell a fair price from a pushy sales pitch, and how to book a second opinion.</p>
<p>Our next meeting is on 12 May. Members and carers are welcome.</p>""")),
    "review-site-exosomes": (False, _page(
        "Exosome facials: we tried three salons | GlowCheck Reviews", """
<h1>Exosome facials: we tried three salons</h1>
<p>Our beauty editor and two readers booked exosome facials at three salons in Miami. We paid between $450 and
$800 per session.</p>
<p>We rated each salon on price, cleanliness and what they claimed. Two promised that the exosomes would
regenerate collagen; none could show us a study.</p>
<p>Our verdict: pleasant, pricey, unproven.</p>""")),
    # ---------------------------------------------------------------- sellers
    "clinic-we-have-treated": (True, _page(
        "About Us | Harbourside Regenerative Clinic", """
<h1>About our clinic</h1>
<p>Since 2013 we have treated more than 900 patients with their own bone marrow stem cells for knee, hip and
shoulder arthritis.</p>
<p>Last year we saw a retired carpenter who could no longer climb a ladder. Four months after his injection he was
back on the roof.</p>
<p>Our physicians perform every procedure in our own clinic. Call us to book a consultation.</p>""")),
    "clinic-testimonials-page": (True, _page(
        "Patient Stories | Summit Cell Clinic", """
<h1>Stories from our patients</h1>
<p>"We drove six hours to see Dr. Alvarez because nobody else would listen. After the stem cell injection my
husband could walk the dog again." - Jean, Oregon</p>
<p>"I was told I needed a new hip. I chose PRP and adipose stem cells at Summit instead." - Carl, Idaho</p>
<p>Our patients come from across the West. Ask our coordinator to put you in touch with one of them.</p>""")),
    "broker-partner-clinics": (True, _page(
        "How it works | MedBridge Cell Travel", """
<h1>How it works</h1>
<p>We arrange your stem cell treatment at our partner clinics in Panama and Colombia. You tell us your condition;
we send your records to the partner clinic's doctors and come back with a plan and a price.</p>
<p>Packages start at $11,500 and include umbilical cord mesenchymal stem cell infusions, the hotel and airport
transfers. Our coordinator travels with you.</p>""")),
    "broker-we-compared": (True, _page(
        "Why our partner clinics | CellVoyage", """
<h1>Why we chose our partner clinics</h1>
<p>We compared more than forty clinics across Mexico and Costa Rica before choosing three partners. We visited each
one and watched how they prepare their cord tissue cells.</p>
<p>When you book with us, we schedule your stem cell infusions at the partner clinic that suits your condition and
handle your flights and hotel. Treatment packages from $9,800.</p>""")),
    "clinic-founder-story": (True, _page(
        "Our Story | Willow Creek Regenerative Medicine", """
<h1>Our story</h1>
<p>Our founder, Dr. Helen Park, started this practice after watching her own mother struggle with knee arthritis
for a decade. We were told then that surgery was the only answer.</p>
<p>Today we offer PRP and bone marrow concentrate injections for joints and tendons, guided by ultrasound, in our
two offices in Boise.</p>
<p>Schedule your consultation online.</p>""")),
    "clinic-patient-case-blog": (True, _page(
        "A runner's Achilles: Tom's case | Peak Motion Sports Medicine Blog", """
<h1>A runner's Achilles: Tom's case</h1>
<p>Tom came to us from Ohio after two years of Achilles pain. We examined the tendon with ultrasound and found a
partial tear.</p>
<p>We drew his blood, prepared platelet-rich plasma and injected it into the tear the same morning. Six weeks later
he was jogging again.</p>
<p>If your tendon pain has lasted more than three months, book an assessment with our team.</p>""")),
    "clinic-team-page": (True, _page(
        "Meet the Team | Cascadia Spine & Joint", """
<h1>Meet our team</h1>
<p>Our team of four physicians and six nurses has performed more than 3,000 regenerative injections, from PRP to
adipose-derived stromal vascular fraction.</p>
<p>Dr. Raj Mehta leads our back pain programme and injects bone marrow concentrate into damaged discs.</p>
<p>Nurse Anna Lewis will guide you from your first call to your follow-up.</p>""")),
    "family-run-clinic": (True, _page(
        "A family practice for three generations | Bellwood Wellness Clinic", """
<h1>A family practice</h1>
<p>Our family has cared for this town since 1989. Our son, Dr. Michael Bell, joined us in 2019 and brought
regenerative medicine with him.</p>
<p>We now offer exosome and umbilical cord stem cell injections for joint pain and sports injuries, alongside
ordinary family medicine.</p>
<p>New patients are welcome; call the front desk to book.</p>""")),
    "clinic-newsletter": (True, _page(
        "Spring newsletter | Lakeshore Longevity Center", """
<h1>Spring newsletter</h1>
<p>This winter we were asked again and again about exosomes, so we listened. From April we offer exosome infusions
for fatigue and recovery after illness.</p>
<p>We also went to a conference in Vienna and came back with a better way to prepare our PRP.</p>
<p>Members of our wellness plan receive 15% off their first infusion.</p>""")),
    "clinic-abroad-families": (True, _page(
        "International families | NovaCell Pediatric Center, Nicosia", """
<h1>For families from abroad</h1>
<p>We welcome families from more than thirty countries each year. We treat children with cerebral palsy and autism
using umbilical cord mesenchymal stem cells, given by infusion over five days.</p>
<p>Our coordinators meet you at the airport, and our nurses stay with your child during each infusion. The
treatment course costs EUR 14,000.</p>""")),
    "practitioner-story-we": (True, _page(
        "Why we started using PRP | Riverbend Podiatry", """
<h1>Why we started using PRP</h1>
<p>Ten years ago we saw too many patients with heel pain that no insole or stretch could fix. We tried everything we
knew.</p>
<p>Now we use platelet-rich plasma for plantar fasciitis that has lasted more than six months. We inject it under
ultrasound in the clinic, and most patients need one or two treatments.</p>""")),
    "clinic-compares-itself": (True, _page(
        "How our prices compare | Granite State Stem Cell Institute", """
<h1>How our prices compare</h1>
<p>We looked at what other clinics in New England charge for stem cell therapy and found prices up to $15,000 for
one joint.</p>
<p>At our institute, an adipose stem cell injection for one knee costs $5,200, including the harvest and two
follow-up visits. We do not charge for the first consultation.</p>""")),
}


#: Batch seven (session 21, helper wevoice): written after the "receiver we" change (batch six had been studied by
#: then), scored once on the branch and on main 708d13e, never studied. The same question in other words.
BATCH_SEVEN: dict[str, tuple[bool, str]] = {
    # ---------------------------------------------------------------- non-sellers
    "grandparents-blog": (False, _page(
        "Granny and Grandpa's news: Ellie's stem cell trip", """
<h1>Ellie's stem cell trip</h1>
<p>Our granddaughter Ellie has cerebral palsy. Her mum and dad have saved for two years, and last month we all
travelled with her to a clinic in Bangkok for cord blood stem cells.</p>
<p>The clinic charged a little under $20,000 for three rounds. We stayed in a flat nearby and took turns at her
bedside.</p>
<p>It is too soon to know if it helped. We will keep you all posted.</p>""")),
    "qa-site-thread": (False, _page(
        "Has anyone had exosome injections for hair? | AskAroundHealth", """
<h1>Has anyone had exosome injections for hair?</h1>
<p>Answer from mark_r: Yes, my partner and I both had them at a med spa last autumn. We were charged $1,200 each
for one session and were pushed to book a second at a discount.</p>
<p>Answer from joy77: We went for a consultation and walked out when they would not say where the exosomes came
from.</p>
<p>Answer from mark_r: Honestly, we saw no difference.</p>""")),
    "consumer-magazine-test": (False, _page(
        "Mystery shop: what stem cell clinics tell callers | Consumer Voice Monthly", """
<h1>What stem cell clinics tell callers</h1>
<p>Three of our researchers rang 18 clinics posing as a man with a worn-out knee. Our callers were offered
injections of "stem cells" from fat, marrow or birth tissue, at between $2,800 and $12,000.</p>
<p>Only four clinics mentioned any risk. Five offered us a same-week appointment if we paid a deposit.</p>
<p>Our advice: ask for written evidence before you pay anything.</p>""")),
    "als-association-page": (False, _page(
        "Unproven stem cell offers | Northern ALS Association", """
<h1>Unproven stem cell offers</h1>
<p>Our association hears from families every month who have been offered stem cell infusions for ALS, often
abroad and often for more than $30,000.</p>
<p>We help families weigh these offers, and we keep a list of genuine clinical trials. We do not sell or refer to
any private treatment.</p>
<p>Call our family line to talk it through.</p>""")),
    "student-newspaper": (False, _page(
        "Inside the booming PRP business near campus | The Varsity Courier", """
<h1>Inside the booming PRP business near campus</h1>
<p>Our reporters visited five sports clinics within a mile of campus that advertise platelet-rich plasma
injections to student athletes.</p>
<p>Prices ranged from $500 to $1,500 a shot. At two clinics we were offered a team discount and a booking the same
day.</p>
<p>The university's sports medicine service told us it does not recommend PRP for most student injuries.</p>""")),
    "family-caregiving-diary": (False, _page(
        "Mum's knees, part 2 | A Daughter's Notebook", """
<h1>Mum's knees, part 2</h1>
<p>On Tuesday I drove Mum to the regenerative clinic in Scottsdale. We had booked the bone marrow stem cell
injection back in June, and we paid the $7,400 up front.</p>
<p>The doctor was kind, and the procedure took an hour. We were told to keep her off the stairs for a week.</p>
<p>Mum says her right knee already feels different, but we are trying not to get our hopes up.</p>""")),
    # ---------------------------------------------------------------- sellers
    "clinic-member-plan": (True, _page(
        "Membership | Solstice Regenerative Wellness", """
<h1>Become a member</h1>
<p>Our members receive two PRP joint injections a year, a yearly exosome facial and priority booking for $149 a
month.</p>
<p>We have welcomed more than 600 members since we opened. Our nurses give every treatment in our Tempe clinic.</p>
<p>Join online or call us.</p>""")),
    "clinic-we-were-told-story": (True, _page(
        "Why we do what we do | Blue Ridge Joint Center", """
<h1>Why we do what we do</h1>
<p>Years ago, patient after patient told us they had been sent home with painkillers and a walker. We decided there
had to be something between waiting and surgery.</p>
<p>Today we inject bone marrow concentrate and PRP into worn knees and hips, using the patient's own cells, right
here in Asheville.</p>""")),
    "broker-family-story": (True, _page(
        "Our story | Family Cell Travel", """
<h1>Our story</h1>
<p>We started Family Cell Travel after we took our own father to a clinic in Panama for his Parkinson's. We saw
how hard it was to arrange everything from abroad.</p>
<p>Now we arrange stem cell treatment packages for families at three partner clinics, from $12,000, with
translators, hotels and airport pickups included.</p>""")),
    "doctor-training-story": (True, _page(
        "Dr. Kaur's training | Maple Leaf Spine & Sport", """
<h1>Where Dr. Kaur trained</h1>
<p>In 2018 Dr. Kaur travelled to Germany to learn ultrasound-guided injection. We visited three clinics there and
brought back what worked.</p>
<p>We now treat disc and facet pain with platelet-rich plasma and adipose-derived cells at our Calgary office.
Book a consultation to find out if you are a candidate.</p>""")),
    "clinic-compares-options": (True, _page(
        "PRP or cortisone? | Harborview Sports Medicine", """
<h1>PRP or cortisone?</h1>
<p>We compared the results of our own patients over five years. Those who had cortisone felt better fast but often
came back; those who had PRP improved more slowly and stayed better.</p>
<p>We offer both, and our physicians will help you choose. PRP costs $850 per injection.</p>""")),
    "clinic-patient-letters": (True, _page(
        "Letters from families | Aurora Pediatric Cell Clinic", """
<h1>Letters from families</h1>
<p>"We flew from Lagos with our son. The team were patient with him through every infusion." - the Okafor
family</p>
<p>"We paid less than we feared and felt cared for." - the Lindqvist family</p>
<p>We treat children with autism and cerebral palsy using umbilical cord mesenchymal stem cells. Ask our family
coordinator about your child.</p>""")),
}


def _faq(title: str, heading: str, pairs: list[tuple[str, str]], style: str = "h3", intro: str = "") -> str:
    """A FAQ page: questions as headings, bold lines, ``<dt>`` terms or accordion buttons, each with its answer."""
    parts = [f"<h1>{heading}</h1>", f"<p>{intro}</p>" if intro else ""]
    for question, answer in pairs:
        if style == "dl":
            parts.append(f"<dl><dt>{question}</dt><dd>{answer}</dd></dl>")
        elif style == "bold":
            parts.append(f"<p><strong>{question}</strong></p><p>{answer}</p>")
        elif style == "accordion":
            parts.append(f'<div class="accordion-item"><button class="accordion-button">{question}</button>'
                         f'<div class="accordion-body"><p>{answer}</p></div></div>')
        else:
            parts.append(f"<{style}>{question}</{style}><p>{answer}</p>")
    return _page(title, "\n".join(parts))


#: Batch eight (session 21, faqvoice: a FAQ whose questions presume the reader is treated at this place), written
#: and scored once before any change. Sellers: clinic FAQs and blog posts with a procedure FAQ and no "we". Non-sellers:
#: a regulator's and a consumer group's FAQ, patients asking one another, a trial's FAQ, a cord-blood bank's, news.
BATCH_EIGHT: dict[str, tuple[bool, str]] = {
    # ---------------------------------------------------------------- sellers
    "faq-knee-bmac-h3": (True, _faq("Knee BMAC: Your Questions | Larkfield Joint Care", "Knee BMAC questions", [
        ("How many sessions will I need?", "Most knees need one treatment; a few receive a second after six months."),
        ("Does the marrow draw hurt?", "The hip is numbed first. A deep pressure is felt for a few seconds."),
        ("How long is the recovery?", "Crutches for two days, then normal walking. Running waits six weeks."),
        ("When will I see results?", "Change is usually felt between six and twelve weeks."),
    ])),
    "faq-prp-hair-bold": (True, _faq("PRP for Hair Loss FAQ | Tessaly Skin & Hair", "PRP hair restoration: FAQ", [
        ("How many PRP sessions will I need for my hair?", "A course of three sessions a month apart, then one a year."),
        ("Is there any downtime?", "None. The scalp may feel tender for a day."),
        ("How long does the appointment take?", "About an hour including the blood draw."),
        ("How much does it cost?", "A single session is $650; the course of three is $1,700."),
    ], style="bold")),
    "faq-exosome-accordion": (True, _faq("Exosome Therapy | Cedarline Wellness", "Exosome therapy", [
        ("Am I a candidate for exosome therapy?", "Adults with joint pain or slow-healing injuries are assessed at a consult."),
        ("How should I prepare for my infusion?", "Drink plenty of water and eat a light meal beforehand."),
        ("Can I drive home afterwards?", "Yes, no sedation is used."),
        ("How soon will I notice a difference?", "Many feel more energy in two to four weeks."),
    ], style="accordion")),
    "faq-svf-dl": (True, _faq("Adipose SVF Treatment FAQ | Brightwater Regenerative", "Fat-derived cell treatment FAQ", [
        ("Will I be awake during the procedure?", "Yes. Local anaesthetic is used for the small liposuction."),
        ("Do I need someone to drive me?", "A driver is recommended because a mild sedative is offered."),
        ("How long will I be sore?", "The abdomen is bruised for a week or so."),
        ("Is it covered by my insurance?", "No. Payment plans are available."),
    ], style="dl")),
    "blog-with-faq-prp-shoulder": (True, _page("PRP for the Rotator Cuff | Harlow Sports Clinic Blog", """
<h1>Can PRP help a sore rotator cuff?</h1>
<p>The rotator cuff tendons fray with age and overuse. Platelet-rich plasma concentrates the healing factors of the
patient's own blood and places them where the tendon is worn.</p>
<h2>Common questions</h2>
<h3>How many injections will I need?</h3><p>Usually one, sometimes two, a month apart.</p>
<h3>Will my shoulder hurt afterwards?</h3><p>Soreness for two or three days is normal; ice helps.</p>
<h3>When can I go back to the gym?</h3><p>Light exercise after a week, lifting after four weeks.</p>""")),
    "blog-faq-stem-cell-back": (True, _page("Stem Cells for Back Pain: What to Expect | Orrin Spine Institute", """
<h1>Stem cells for disc pain: what to expect</h1>
<p>Degenerated discs lose water and height. Concentrated marrow cells injected into the disc aim to calm the pain.</p>
<h2>What to expect</h2>
<p><b>How long does the procedure take?</b> About two hours from arrival to discharge.</p>
<p><b>Can I go home the same day?</b> Yes, with someone to drive you.</p>
<p><b>How long is the downtime?</b> Desk work after three days, lifting after six weeks.</p>
<p><b>What does it cost?</b> The procedure is self-pay; ask for a written estimate.</p>""")),
    "faq-cord-tissue-infusion": (True, _faq("Umbilical Cord Cell Infusions: FAQ | Solana Bay Medical",
                                            "Umbilical cord cell infusions", [
        ("How long does an IV infusion take?", "Around forty-five minutes in a reclining chair."),
        ("How many infusions will I need?", "Most protocols are one to three infusions."),
        ("What should I do before my appointment?", "Stop anti-inflammatory painkillers a week before."),
        ("Are there side effects?", "A mild headache or tiredness for a day is possible."),
    ])),
    "faq-prp-face": (True, _faq("Vampire Facial Questions | Rosemere Aesthetics", "PRP facial: your questions", [
        ("Does the PRP facial hurt?", "Numbing cream is applied for thirty minutes first."),
        ("How long will my skin be red?", "Redness fades within one to three days."),
        ("How many treatments will I need?", "Three treatments four to six weeks apart give the best result."),
        ("When can I wear makeup again?", "After twenty-four hours."),
    ], style="h2")),
    "faq-ortho-practice-plain": (True, _faq("Regenerative Injections FAQ | Northgate Orthopaedics",
                                            "Regenerative injections", [
        ("Is this an outpatient procedure?", "Yes. You will be home by lunchtime."),
        ("How long until my knee feels better?", "Improvement builds over two to three months."),
        ("Will I need physical therapy afterwards?", "A short programme of exercises is advised."),
        ("How do I pay for it?", "These injections are self-pay; card and financing are accepted."),
    ], style="bold")),
    "faq-dental-prf": (True, _faq("PRF in Oral Surgery FAQ | Alderbank Oral Surgery", "Platelet-rich fibrin FAQ", [
        ("Why is my blood drawn before my extraction?", "Your platelets are spun into a fibrin plug placed in the socket."),
        ("Does it add time to my appointment?", "About fifteen minutes."),
        ("Will I heal faster?", "Sockets with PRF usually close sooner with less pain."),
        ("Does it cost extra?", "A small fee is added to the extraction."),
    ])),
    "faq-stem-cell-hip-accordion": (True, _faq("Hip Stem Cell Injection FAQ | Meridian Pain & Regenerative",
                                              "Hip stem cell injections", [
        ("How do I know if I am a good candidate?", "Mild to moderate arthritis responds best; an X-ray is reviewed first."),
        ("How long is the visit?", "Plan for three hours."),
        ("Do I need to bring someone with me?", "Yes, someone should drive you home."),
        ("When will I be able to walk normally?", "Most walk without a stick within a few days."),
    ], style="accordion")),
    # ---------------------------------------------------------------- non-sellers
    "regulator-faq": (False, _faq("Stem Cell Products: Questions and Answers | National Medicines Agency",
                                  "Questions and answers on stem cell products", [
        ("Are stem cell treatments approved?", "Only blood-forming cord blood products are approved for a few blood disorders."),
        ("Is it legal for a clinic to sell these injections?", "Unapproved products may not be marketed as treatments."),
        ("How do I report a clinic?", "Use the agency's online safety reporting form."),
        ("What harms have been seen?", "Infections, blindness and tumours have been reported."),
    ])),
    "consumer-faq": (False, _faq("Before You Pay for Stem Cells | Patients First Coalition", "Before you pay", [
        ("What should I ask a clinic?", "Ask what is injected, where it comes from and what evidence exists."),
        ("Is it covered by insurance?", "Almost never, which is one warning sign."),
        ("How much do clinics charge?", "Prices range from $5,000 to over $50,000."),
        ("What if I was harmed?", "Keep your records and contact your state medical board."),
    ], style="bold")),
    "forum-thread": (False, _page("PRP for knees - anyone? | JointTalk Forums", """
<h1>PRP for knees - anyone?</h1>
<p><strong>Posted by hikerjan:</strong> How many injections did you need? Did it hurt?</p>
<p><strong>Reply from bluecat:</strong> I had two. It hurt for a day. No real change.</p>
<p><strong>Posted by hikerjan:</strong> How long was your recovery? Could you drive home?</p>
<p><strong>Reply from orla_k:</strong> I drove myself. Knee was stiff for a week. Still waiting for results.</p>""")),
    "trial-faq": (False, _faq("Study FAQ: Cell Therapy for Heart Failure | Eastbrook University Hospital",
                              "Study frequently asked questions", [
        ("Am I eligible to take part?", "Adults aged 40 to 75 with heart failure for at least a year."),
        ("Will I be paid?", "Travel is reimbursed and each visit is compensated."),
        ("Could I receive a placebo?", "Half of participants receive a salt-water infusion."),
        ("How many visits are there?", "Eight visits over twelve months."),
    ], style="dl")),
    "bank-faq": (False, _faq("Cord Blood Banking FAQ | FamilyCell Storage", "Cord blood banking FAQ", [
        ("How long is cord blood stored?", "Units are kept frozen in liquid nitrogen for as long as you pay the annual fee."),
        ("How much does storage cost?", "A collection fee of $1,500 and $175 a year."),
        ("How is the collection kit sent?", "We post the kit before your due date."),
        ("Can my child's cells be used later?", "Only for a few approved conditions today."),
    ])),
    "news-explainer-faq": (False, _faq("Stem cell clinics: your questions answered | The Morning Ledger",
                                       "Stem cell clinics: your questions answered", [
        ("Why are these clinics in the news?", "A federal court ruled against two clinic chains this week."),
        ("Do the treatments work?", "Trials so far show little benefit for most conditions."),
        ("How much do patients pay?", "Reporters found prices from $4,000 to $25,000."),
        ("What happens next?", "The clinics may appeal."),
    ], style="h2")),
    "qa-site": (False, _page("Is exosome therapy worth it? | HealthAsk Community", """
<h1>Is exosome therapy worth it?</h1>
<p>Question from tomb: How many sessions will I need, and will my insurance cover it?</p>
<p>Answer from dr_anon_reader: Nobody can promise results; insurers don't pay for it.</p>
<p>Answer from petra: I had two sessions and saw no change, recovery was easy though.</p>""")),
    "university-explainer-faq": (False, _faq("Stem Cell Therapies: FAQ | Institute for Regenerative Biology",
                                             "Frequently asked questions", [
        ("What is a stem cell?", "A cell that can renew itself and give rise to other cell types."),
        ("Which stem cell treatments are proven?", "Bone marrow transplants for blood cancers and some skin grafts."),
        ("Why do clinics advertise unproven treatments?", "Demand is high and regulation is patchy."),
        ("Can I join a trial?", "Search a public trials registry and speak with your doctor."),
    ], style="accordion")),
    "insurer-faq": (False, _faq("Coverage Questions: Regenerative Injections | Lakeshore Health Plan",
                                "Coverage of regenerative injections", [
        ("Is PRP covered by my plan?", "No. PRP is considered investigational."),
        ("Are stem cell injections covered?", "No, except approved transplants."),
        ("How do I appeal a denial?", "Submit the appeal form within 180 days."),
        ("Who do I call with questions?", "Member services, on the number on your card."),
    ], style="bold")),
    "patient-diary-faq": (False, _page("My stem cell treatment abroad: your questions | Rosie's Recovery Diary", """
<h1>You asked, I answer</h1>
<p><strong>How many injections did you need?</strong> I had four, over a week in Panama.</p>
<p><strong>Did it hurt?</strong> The fat harvest was sore for days.</p>
<p><strong>How long was your recovery?</strong> About a month before I felt normal.</p>
<p><strong>Would you go again?</strong> I am not sure yet; my knee is about the same.</p>""")),
}


def _framed(title: str, header: str, body: str, footer: str) -> str:
    """A page whose site's name may sit anywhere in its frame: ``header`` and ``footer`` are raw HTML
    (a logo line, a brand strap, a copyright line), possibly empty."""
    return (f"<html><head><title>{title}</title></head><body>{header}"
            f"<main>{body}</main>{footer}</body></html>")


#: Batch nine (session 21, helper titleparts): written before any change of that helper, scored once. The site's
#: name where real titles and frames put it: first in the title ("Brand | Topic"), the whole title, a logo or brand
#: line only, a copyright or address line in the footer, with separators " – ", " — ", " · ", "»". Sellers are the
#: clinic's own pages that never say "we"; non-sellers are news, a regulator, a hospital's research unit, a
#: directory, a university, a journal, a law firm, an insurer and a bank in the same layouts.
BATCH_NINE: dict[str, tuple[bool, str]] = {
    # ---------------------------------------------------------------- sellers: the clinic's frame, no "we"
    "brand-first-knee": (True, _framed(
        "Larkspur Spine Clinic | Knee Pain", "", """
<h1>Knee pain</h1>
<p>Worn cartilage, torn menisci and old ligament injuries are the usual reasons a knee aches on stairs.</p>
<p>Platelet-rich plasma is drawn from the arm, concentrated in a centrifuge and injected into the joint under
ultrasound. The visit lasts under an hour.</p>
<p>Most patients return to walking the same afternoon. Larkspur Spine Clinic sees new patients within a week.</p>""",
        "")),
    "brand-first-en-dash-shoulder": (True, _framed(
        "Meridale Orthopaedics – Shoulder Injections", "", """
<h1>Shoulder injections</h1>
<p>Rotator cuff wear is common after forty. When rest and exercises have not helped, an injection of bone marrow
concentrate into the tendon is one option.</p>
<p>The marrow is taken from the hip under local anaesthetic and prepared while the patient rests.</p>
<p>A sling is worn for two days. Follow-up at Meridale is six weeks later.</p>""",
        "")),
    "title-only-name": (True, _framed(
        "Corvale Regenerative Medicine", "", """
<h1>Exosome therapy for hair thinning</h1>
<p>Exosomes are tiny packets released by cells. In the scalp they are applied after microneedling, in a session of
about forty minutes.</p>
<p>Three sessions a month apart make up a course. The course is $2,400.</p>
<p>Corvale Regenerative Medicine is open Monday to Saturday.</p>""",
        "")),
    "logo-line-only": (True, _framed(
        "Stem Cell Therapy for Arthritis", "<header><div class='logo'>Ostara Health &amp; Wellness</div></header>", """
<h1>Stem cell therapy for arthritis</h1>
<p>Arthritis wears away the smooth lining of a joint. Cells taken from the patient's own fat can be concentrated
and placed into the joint in a single visit.</p>
<p>A small amount of fat is removed from the belly under local anaesthetic, processed on site, and injected.</p>
<p>The procedure costs $5,900 and includes two follow-up visits.</p>""",
        "")),
    "footer-copyright-only": (True, _framed(
        "PRP for Tendon Injuries", "", """
<h1>PRP for tendon injuries</h1>
<p>Tendons heal slowly because they have a poor blood supply. Platelet-rich plasma brings concentrated growth
factors to the injured spot.</p>
<p>A single injection is given under ultrasound guidance; a second may follow after six weeks.</p>
<p>Each injection is $750. Appointments are available on weekdays.</p>""",
        "<footer>© 2025 Halberd Sports Medicine Institute. All rights reserved.</footer>")),
    "footer-address-only": (True, _framed(
        "Hip Arthritis Treatment Options", "", """
<h1>Hip arthritis treatment options</h1>
<p>Hip arthritis causes groin pain, stiffness in the morning and trouble putting on socks.</p>
<p>Bone marrow aspirate concentrate is injected into the hip joint with X-ray guidance. The marrow is drawn from the
pelvis in the same visit.</p>
<p>Patients use a cane for a few days and start gentle exercise after a week.</p>""",
        "<footer>Pellworth Spine &amp; Joint, 88 Harbor Road, Mobile, AL · (251) 555-0177</footer>")),
    "brand-first-middot-exosomes": (True, _framed(
        "Velmora Med Spa · Exosome Facial", "", """
<h1>Exosome facial</h1>
<p>The exosome facial pairs microneedling with a serum of exosomes derived from stem cells. Redness fades in a day.</p>
<p>A session takes fifty minutes and costs $650. A course of three is $1,650.</p>
<p>Velmora is open late on Thursdays.</p>""",
        "")),
    "breadcrumb-guillemet": (True, _framed(
        "Cellwright Institute » Conditions » COPD", "", """
<h1>COPD</h1>
<p>Chronic obstructive pulmonary disease narrows the airways and makes every breath an effort.</p>
<p>Umbilical cord mesenchymal cells are given by intravenous infusion over two hours, followed by a nebulised
dose the next morning.</p>
<p>A three-day protocol at Cellwright is priced at $14,000, accommodation not included.</p>""",
        "")),
    "brand-first-md": (True, _framed(
        "Dr. Annika Solberg MD — Regenerative Joint Care", "", """
<h1>Regenerative joint care</h1>
<p>Dr. Solberg is a board-certified physiatrist who treats knee, hip and shoulder pain without surgery.</p>
<p>Treatments include platelet-rich plasma and bone marrow concentrate injections, each given under ultrasound.</p>
<p>Consultations are $200 and are credited toward the first procedure.</p>""",
        "")),
    "logo-and-footer-blog": (True, _framed(
        "Five Questions Before a Back Injection",
        "<header><a class='brand' href='/'>Tallis Spine Center</a></header>", """
<h1>Five questions before a back injection</h1>
<p>Which disc or joint is the pain coming from? An MRI and an examination usually answer that.</p>
<p>Is PRP right for the problem? Platelet-rich plasma injected around the facet joints suits some kinds of back
pain better than others.</p>
<p>How long is recovery? Most people drive themselves home and rest for a day.</p>""",
        "<footer>Tallis Spine Center · 2100 Ridge Ave, Tulsa, OK</footer>")),
    "brand-first-colon-practice": (True, _framed(
        "Fernhill Family Practice: Stem Cell Injections", "", """
<h1>Stem cell injections</h1>
<p>Amniotic tissue injections are offered for knee and hip arthritis and for lingering sports injuries.</p>
<p>Each injection is given in the exam room and takes about fifteen minutes.</p>
<p>The fee is $2,200 per joint. Fernhill Family Practice does not bill insurance for this service.</p>""",
        "")),
    "brand-dash-topic-medical-group": (True, _framed(
        "Ashgrove Medical Group - Back Pain Relief", "", """
<h1>Back pain relief</h1>
<p>Degenerated discs lose water and height, and the nerves beside them can become irritated.</p>
<p>Stem cells from the patient's bone marrow are injected into the disc under fluoroscopy.</p>
<p>Ashgrove Medical Group schedules the procedure within two weeks of the consultation.</p>""",
        "")),
    # ---------------------------------------------------------------- non-sellers in the same frames
    "news-brand-first": (False, _framed(
        "Harbor City Ledger | Clinic fined over stem cell claims", "", """
<h1>Clinic fined over stem cell claims</h1>
<p>A regenerative clinic in the east of the city was fined $80,000 for advertising stem cell injections as a cure for
arthritis.</p>
<p>The state attorney said the clinic charged patients $6,000 per knee.</p>
<p>The clinic did not respond to a request for comment.</p>""",
        "<footer>© 2025 Harbor City Ledger</footer>")),
    "regulator-footer": (False, _framed(
        "Warning about unapproved stem cell products", "", """
<h1>Warning about unapproved stem cell products</h1>
<p>Some clinics market exosome and stem cell products for arthritis, autism and lung disease. None of these products
is approved for those uses.</p>
<p>Patients have reported infections and blindness after such injections.</p>
<p>Report problems with a product to the safety reporting line.</p>""",
        "<footer>© 2025 State Medical Products Authority · Department of Health</footer>")),
    "hospital-research-brand-first": (False, _framed(
        "Northfield University Hospital – Cell Therapy Research Unit", "", """
<h1>Cell therapy research unit</h1>
<p>The unit studies mesenchymal stromal cells in early-phase trials for heart failure and graft-versus-host disease.</p>
<p>Trial participants are recruited through their specialists; no treatment is offered outside a trial.</p>
<p>Results are published in peer-reviewed journals.</p>""",
        "")),
    "directory-logo": (False, _framed(
        "Stem Cell Clinics in Phoenix",
        "<header><div class='logo'>ClinicFinder Directory</div></header>", """
<h1>Stem cell clinics in Phoenix</h1>
<p>Desert Regenerative Center: PRP and bone marrow injections, from $1,500.</p>
<p>Camelback Spine Clinic: stem cell injections for back pain, from $4,000.</p>
<p>Listings are supplied by the clinics and are not endorsements.</p>""",
        "<footer>© 2025 ClinicFinder Directory</footer>")),
    "university-news-title-only": (False, _framed(
        "Westmarch University School of Medicine", "", """
<h1>Researchers track patients harmed by stem cell clinics</h1>
<p>A team at the school has reviewed 120 cases of complications after stem cell injections sold at private clinics.</p>
<p>The most common problems were infections and tumours at the injection site.</p>
<p>The study appears in this month's issue of a neurology journal.</p>""",
        "")),
    "journal-middot": (False, _framed(
        "Journal of Orthopaedic Research · Bone marrow concentrate for knee osteoarthritis: a trial", "", """
<h1>Bone marrow concentrate for knee osteoarthritis: a randomised trial</h1>
<p>Background: Bone marrow aspirate concentrate is used for knee osteoarthritis with little evidence.</p>
<p>Methods: 90 patients were randomised to BMAC or saline. Results: Pain scores did not differ at twelve months.</p>
<p>Conclusion: BMAC was not better than placebo.</p>""",
        "")),
    "law-firm-footer": (False, _framed(
        "Injured by a Stem Cell Clinic?", "", """
<h1>Injured by a stem cell clinic?</h1>
<p>Patients who paid for stem cell injections and suffered infections or blindness may be entitled to compensation.</p>
<p>Clinics that promised cures for arthritis or lung disease may have misled their patients.</p>
<p>A free case review takes ten minutes.</p>""",
        "<footer>Dunmore &amp; Pike LLP, Attorneys at Law · 400 Main St, Dallas, TX</footer>")),
    "insurer-brand-first": (False, _framed(
        "Bluewater Health Plan — Coverage policy: PRP and stem cell injections", "", """
<h1>Coverage policy: PRP and stem cell injections</h1>
<p>Platelet-rich plasma and stem cell injections for joint pain are considered investigational.</p>
<p>Claims for these services are denied. Members may appeal a denial in writing within 60 days.</p>
<p>This policy is reviewed every year.</p>""",
        "")),
    "cord-bank-logo": (False, _framed(
        "Why Store Your Baby's Cord Blood",
        "<header><div class='logo'>Evergreen Cord Blood Bank</div></header>", """
<h1>Why store your baby's cord blood</h1>
<p>Cord blood holds blood-forming stem cells that are used in transplants for some cancers and blood disorders.</p>
<p>Collection is painless and happens after the baby is born. Processing is $1,400 and storage $150 a year.</p>
<p>Kits are shipped to the parents before the due date.</p>""",
        "<footer>© 2025 Evergreen Cord Blood Bank</footer>")),
    "health-news-footer-clinic-word": (False, _framed(
        "What to ask before paying for stem cell shots", "", """
<h1>What to ask before paying for stem cell shots</h1>
<p>Clinics across the country sell stem cell injections for knee pain, often for several thousand dollars.</p>
<p>Experts suggest asking where the cells come from, whether the product is approved, and what the evidence shows.</p>
<p>Few clinics can point to a published trial of their own treatment.</p>""",
        "<footer>© 2025 Wellness Today Magazine</footer>")),
    "forum-brand-first": (False, _framed(
        "SpineTalk Community » Treatments » Anyone tried disc stem cells?", "", """
<h1>Anyone tried disc stem cells?</h1>
<p>Post by rk_runner: A clinic near me charges $8,000 for stem cells into the disc. Has it worked for anyone?</p>
<p>Reply by lumbar_lou: Had it last year. No change at all, sorry.</p>
<p>Reply by ann_b: My surgeon said the evidence is thin.</p>""",
        "")),
}
