"""Blind seller batch "burden" (session 22, helper sellerdefault): whole pages of our own wording (fictional
names, no real page's text), each coded by the coding manual (../shared/ANNOTATION.md sections 1 and 4), written
and scored once on main 743f3b5 *before* the alternative seller decision (``seller_decision.json`` mode
"burden") was built or measured.

Sellers are pages of a clinic's (or broker's, supplier's, hospital's) site in the forms that carry few booking
cues: education posts, disease pages, FAQs, a surgeon's sceptical blog that still offers injections, a clinic
criticising other products, a paid study, its own news, a patient story, preparation instructions. Non-sellers
are one page of each publisher kind the manual names as not selling: a regulator, a society, news, a law firm, a
critic, a journal, a university lab, a trial listing, a donor registry, a cord-blood bank, plant-stem-cell
cosmetics, a supplement, a vet, a forum, a directory, an insurer, and a clinic page only repeating a warning.
Each entry is ``name: (offers_treatment, html)``.
"""

from __future__ import annotations

from seller_blind_pages import _site

BATCH_BURDEN: dict[str, tuple[bool, str]] = {
    # ---------------------------------------------------------------- sellers
    "blog-rotator-cuff-marrow": (True, _site(
        "Why Some Rotator Cuff Tears Heal Slowly | Osprey Bay Orthopaedics", "Osprey Bay Orthopaedics",
        ["Home", "Our Physicians", "Regenerative Options", "Locations", "Patient Portal"], """
<h1>Why some rotator cuff tears heal slowly</h1>
<p>Posted in Shoulder Care</p>
<p>The tendons of the rotator cuff have a poor blood supply near the point where they attach to the arm bone.
That is one reason a partial tear can ache for months after a fall or a season of throwing.</p>
<p>Rest, a sling and guided exercise settle most partial tears. When they do not, a concentrate of the patient's
own bone marrow can be placed into the tear. The marrow is drawn from the back of the pelvis in the procedure
room, spun for about fifteen minutes, and injected under ultrasound in the same sitting.</p>
<p>The arm rests in a sling for a few days and physiotherapy resumes in the second week.</p>""",
        "Osprey Bay Orthopaedics · 18 Quay Road, Halifax, NS · Fax 902-555-0140")),
    "disease-page-copd-infusion": (True, _site(
        "COPD | Meridian Regenerative Hospital", "Meridian Regenerative Hospital",
        ["Conditions", "Therapies", "International Patients", "Travel & Stay", "Contact"], """
<h1>Chronic obstructive pulmonary disease (COPD)</h1>
<p>COPD is a long-term narrowing of the airways, most often after years of smoking. Breathlessness on stairs,
a morning cough and repeated chest infections are the usual signs.</p>
<p>Inhalers widen the airways and pulmonary rehabilitation builds stamina, but the lung tissue already lost does
not return.</p>
<h2>Cell therapy for COPD</h2>
<p>The COPD programme consists of two intravenous infusions of umbilical cord mesenchymal stem cells, given three
days apart, with breathing tests before the first infusion and at the three-month review.</p>""",
        "Meridian Regenerative Hospital · Avenida Central 410, San José, Costa Rica")),
    "faq-exosome-scalp": (True, _site(
        "Exosome Scalp Treatment FAQ | Velour Skin & Hair Studio", "Velour Skin & Hair Studio",
        ["Face", "Hair", "Body", "Memberships", "Gift Cards"], """
<h1>Exosome scalp treatment: common questions</h1>
<h3>What is in the treatment?</h3>
<p>A serum of exosomes taken from cultured stem cells, applied to the scalp after microneedling.</p>
<h3>How many visits does it take?</h3>
<p>Three visits a month apart, with a top-up visit every six months.</p>
<h3>Is there downtime?</h3>
<p>The scalp is pink for a day. Hair can be washed the next evening.</p>
<h3>What does it cost?</h3>
<p>A single visit is $700; the series of three is $1,850.</p>""",
        "Velour Skin & Hair Studio · 77 Bond Street, Charlotte, NC")),
    "edu-svf-with-citations": (True, _site(
        "What Is Stromal Vascular Fraction? | Kestrel Regenerative Medicine", "Kestrel Regenerative Medicine",
        ["About", "Treatments", "Conditions", "Research", "Contact"], """
<h1>What is stromal vascular fraction?</h1>
<p>Stromal vascular fraction (SVF) is the mix of cells left when fat tissue is broken down and the fat itself is
washed away. It holds blood-vessel cells, immune cells and a small share of adipose-derived stromal cells.</p>
<p>Small studies of SVF in knee arthritis have reported less pain after a year (Lindqvist et al., 2019; Okafor
and Reyes, 2021), though none compared it with a placebo injection.</p>
<h2>The procedure</h2>
<p>The harvest and injection are carried out in the procedure suite at Kestrel Regenerative Medicine in one
morning: a small amount of fat is taken from the abdomen under local anaesthetic, processed in a closed device
for about an hour, and injected into the knee.</p>
<p>References: Lindqvist M, et al. Cartilage. 2019. Okafor T, Reyes A. J Orthop Res. 2021.</p>""",
        "Kestrel Regenerative Medicine · 5 Meadow Lane, Leeds")),
    "surgeon-blog-no-cure-offers": (True, _site(
        "Straight Talk About Stem Cells and Arthritis | Dr. Ines Falk, Orthopaedic Surgeon", "Dr. Ines Falk",
        ["Home", "About Dr. Falk", "Knee", "Hip", "Blog"], """
<h1>Straight talk about stem cells and arthritis</h1>
<p>Patients often arrive convinced that an injection will grow them a new knee. It will not. No injection
rebuilds worn cartilage, and anyone who promises that is selling a story.</p>
<p>What I can offer is more modest. For moderate arthritis, I inject a concentrate of the patient's own bone
marrow, or platelet-rich plasma, to calm pain for a year or so. Some patients gain a great deal; some gain
little.</p>
<p>If your knee is bone on bone, a replacement is still the better operation, and I will tell you so.</p>""",
        "Dr. Ines Falk, FRCS · Seaview Private Hospital, Brighton")),
    "clinic-warns-about-vials-own-marrow": (True, _site(
        "Not All 'Stem Cell' Shots Are the Same | Granite Peak Joint Clinic", "Granite Peak Joint Clinic",
        ["Home", "Services", "Our Team", "Insurance", "Directions"], """
<h1>Not all "stem cell" shots are the same</h1>
<p>Many clinics sell injections of amniotic or umbilical products bought in frozen vials. Tests of such products
have found no living cells in most of them, and the FDA has warned several suppliers.</p>
<p>The only cells used at Granite Peak come from the patient: marrow is drawn from the hip and concentrated in
the clinic the same morning, then injected into the painful joint.</p>
<p>Ask the front desk for a printed sheet on the procedure and its risks.</p>""",
        "Granite Peak Joint Clinic · 310 Summit Ave, Bozeman, MT")),
    "broker-package-page": (True, _site(
        "Stem Cell Packages in Medellín | CareBridge Medical Journeys", "CareBridge Medical Journeys",
        ["Destinations", "Packages", "Partner Hospitals", "Stories", "Get a Quote"], """
<h1>Stem cell packages in Medellín</h1>
<p>Medellín's partner hospitals have treated visitors from over thirty countries. Each package is arranged from
the first call to the flight home.</p>
<ul><li>Joint package: two umbilical cord cell injections, 4 nights' hotel, airport transfers, from US$6,900</li>
<li>Systemic package: intravenous infusion of 100 million cells, 6 nights, a bilingual coordinator, from
US$11,400</li></ul>
<p>Medical records are reviewed by the partner hospital's physician before a date is confirmed.</p>""",
        "CareBridge Medical Journeys LLC · Miami, FL · WhatsApp +1 305 555 0199")),
    "paid-registry-study": (True, _site(
        "Patient-Funded Outcomes Study: Adipose Cells for Knee Arthritis | Willowmere Cell Institute",
        "Willowmere Cell Institute", ["About", "Studies", "Eligibility", "Fees", "Contact"], """
<h1>Outcomes study: adipose-derived cells for knee arthritis</h1>
<p>This observational study follows adults with knee osteoarthritis who receive an injection of their own
adipose-derived stromal cells at the institute.</p>
<h2>Who may take part</h2>
<p>Adults aged 40 to 80 with knee pain for at least six months and an X-ray showing arthritis.</p>
<h2>Cost of participation</h2>
<p>The study is patient-funded. Participants pay a fee of $7,800, which covers the fat harvest, the cell
processing, the injection and follow-up visits at 3, 6 and 12 months.</p>""",
        "Willowmere Cell Institute · 1200 Lake Shore Blvd, Tulsa, OK")),
    "supplier-exosome-vials": (True, _site(
        "Lyophilised Exosome Vials for Clinical Practice | Aurelian Biologics", "Aurelian Biologics",
        ["Products", "For Practitioners", "Quality", "Distributors", "Account"], """
<h1>Lyophilised exosome vials</h1>
<p>Each vial holds about ten billion extracellular vesicles from cultured umbilical cord mesenchymal cells,
freeze-dried for storage at room temperature.</p>
<p>Vials are reconstituted with 5 mL of sterile saline just before use in aesthetic and joint procedures.</p>
<p>Sold to licensed practitioners only. Cases of ten vials ship within two working days; volume pricing is shown
after your practice account is approved.</p>""",
        "Aurelian Biologics Inc. · Irvine, CA · orders@aurelian-example.com")),
    "hospital-myeloma-transplant": (True, _site(
        "Autologous Stem Cell Transplant for Myeloma | St Brendan's University Hospital", "St Brendan's University Hospital",
        ["Services", "Departments", "Patients & Visitors", "Research", "Careers"], """
<h1>Autologous stem cell transplant for myeloma</h1>
<p>For many people with multiple myeloma, high-dose chemotherapy followed by a transplant of their own blood
stem cells lengthens remission.</p>
<p>The haematology unit collects the stem cells from the blood after a course of mobilising injections, freezes
them, and returns them by drip two days after high-dose melphalan. Patients stay on the transplant ward for about
three weeks.</p>
<p>Referral is through the patient's haematologist. A transplant nurse specialist meets every patient before
admission.</p>""",
        "St Brendan's University Hospital · Haematology Unit, Ward 7 · Switchboard 01 555 0100")),
    "condition-autism-abroad": (True, _site(
        "Autism Spectrum Disorder | Isla Verde Cell Medicine", "Isla Verde Cell Medicine",
        ["Conditions", "Treatment Protocols", "Family Stories", "Costs", "Request Information"], """
<h1>Autism spectrum disorder</h1>
<p>Autism affects communication, behaviour and how a child relates to others. Speech therapy and behavioural
programmes remain the backbone of care.</p>
<h2>The autism protocol</h2>
<p>Children receive four intravenous infusions of umbilical cord mesenchymal cells over a week in Panama City,
adjusted to body weight, with a developmental assessment before the first infusion and at six months.</p>
<p>Parents stay with their child throughout.</p>""",
        "Isla Verde Cell Medicine · Torre Oceánica, Piso 12, Panama City")),
    "dermatology-prp-hair": (True, _site(
        "PRP for Thinning Hair | Clearwater Dermatology Associates", "Clearwater Dermatology Associates",
        ["Medical Dermatology", "Cosmetic", "Hair Loss", "Providers", "Pay Online"], """
<h1>PRP for thinning hair</h1>
<p>Platelet-rich plasma is prepared from a tube of the patient's blood and injected across the thinning areas of
the scalp.</p>
<p>Each session takes about forty-five minutes. Three sessions a month apart are followed by a maintenance
session every four to six months.</p>
<p>PRP is a cosmetic service and is not billed to insurance. Each session is $600.</p>""",
        "Clearwater Dermatology Associates · 2200 Gulf Blvd, Clearwater, FL")),
    "clinic-own-news-release": (True, _site(
        "Lakeshore Spine Adds Disc Injections of Platelet-Rich Plasma | Lakeshore Spine & Pain", "Lakeshore Spine & Pain",
        ["Home", "Conditions", "Treatments", "News", "Locations"], """
<h1>Lakeshore Spine adds disc injections of platelet-rich plasma</h1>
<p>March 4, 2026</p>
<p>Lakeshore Spine & Pain now offers injections of platelet-rich plasma into painful lumbar discs at its
Evanston and Skokie offices.</p>
<p>"Some patients with disc pain have run out of options short of fusion," said Dr. Raj Menon, the practice's
medical director. The procedure takes about an hour under X-ray guidance.</p>
<p>Patients can ask their Lakeshore physician whether the injection suits their case.</p>""",
        "Lakeshore Spine & Pain · Evanston · Skokie")),
    "patient-story-on-clinic-site": (True, _site(
        "Maria's Story: Back on the Trail | Harbor Joint Clinic", "Harbor Joint Clinic",
        ["Treatments", "Patient Stories", "Meet Dr. Olsen", "FAQ", "Contact"], """
<h1>Maria's story: back on the trail</h1>
<p>Maria, 58, had walked the coast path every Sunday for twenty years until knee arthritis stopped her at the
first hill.</p>
<p>In the spring she received two injections of bone marrow concentrate from Dr. Olsen at Harbor Joint Clinic,
six weeks apart.</p>
<p>By autumn she was back on the path. Results differ from patient to patient.</p>""",
        "Harbor Joint Clinic · 40 Pier Street, Monterey, CA")),
    "wellness-iv-exosome-longevity": (True, _site(
        "IV Exosome Infusions for Healthy Ageing | Solstice Longevity Center", "Solstice Longevity Center",
        ["Longevity", "IV Therapy", "Hormones", "Memberships", "Locations"], """
<h1>IV exosome infusions for healthy ageing</h1>
<p>With age, tissues repair themselves more slowly. Exosome infusions deliver signalling vesicles from cultured
stem cells into the bloodstream.</p>
<h2>What to expect</h2>
<p>An infusion takes about an hour in a reclining chair. A nurse checks blood pressure before and after. Most
guests return to their day straight away.</p>
<p>Infusions are included in the Platinum membership or available singly.</p>""",
        "Solstice Longevity Center · Scottsdale · Las Vegas")),
    "before-your-procedure": (True, _site(
        "Preparing for Your Stem Cell Procedure | Redwood Sports Regenerative", "Redwood Sports Regenerative",
        ["Sports Medicine", "Regenerative Care", "Patient Forms", "Billing", "Contact"], """
<h1>Preparing for your stem cell procedure</h1>
<ul><li>Stop ibuprofen, naproxen and aspirin seven days before your procedure.</li>
<li>Eat a light breakfast and drink plenty of water on the day.</li>
<li>Bring a driver: the marrow draw from the hip is done under light sedation.</li>
<li>Wear loose clothing over the treated joint.</li></ul>
<p>The bone marrow concentrate is injected at the end of the same visit, about two hours after arrival.</p>""",
        "Redwood Sports Regenerative · 9 Mill Street, Santa Rosa, CA")),
    # ---------------------------------------------------------------- non-sellers: the manual's publisher kinds
    "regulator-consumer-update": (False, _site(
        "Unapproved Stem Cell Products: What Consumers Should Know | Office of Health Product Safety",
        "An official website of the Department of Health", ["Home", "Consumers", "Industry", "Recalls", "About Us"], """
<h1>Unapproved stem cell products: what consumers should know</h1>
<p>Some clinics market injections of umbilical cord, amniotic or fat-derived cells for arthritis, multiple
sclerosis and autism. No such product has been approved for those uses.</p>
<p>Before receiving any cell product, ask whether it is approved or being studied under an investigational
application, and report side effects to the agency's adverse event programme.</p>
<p>Content current as of 02/11/2026. Regulated product(s): biologics.</p>""",
        "Office of Health Product Safety · Freedom of Information · Accessibility · Privacy")),
    "society-position-statement": (False, _site(
        "Position Statement on Orthobiologic Injections | Society for Musculoskeletal Medicine",
        "Society for Musculoskeletal Medicine", ["Membership", "Education", "Annual Meeting", "Advocacy", "Journal"], """
<h1>Position statement on orthobiologic injections</h1>
<p>Approved by the Board of Directors, September 2025.</p>
<p>The Society recognises growing use of platelet-rich plasma and bone marrow concentrate for tendon and joint
conditions. Evidence supports PRP for lateral elbow tendinopathy; evidence for cell-based injections in knee
osteoarthritis remains limited.</p>
<p>The Society recommends that members obtain informed consent that states the level of evidence, avoid claims of
cartilage regeneration, and enrol patients in registries where possible.</p>""",
        "© Society for Musculoskeletal Medicine · Member login")),
    "news-clinic-investigated": (False, _site(
        "State Opens Inquiry Into Cell Clinic After Patient Complaints | The Valley Courier", "The Valley Courier",
        ["Local", "Business", "Health", "Opinion", "Subscribe"], """
<h1>State opens inquiry into cell clinic after patient complaints</h1>
<p>By Dana Whitfield, Staff Writer · Updated 6:12 p.m.</p>
<p>FRESNO — State health officials have opened an inquiry into a regenerative clinic that charged patients up to
$15,000 for umbilical cord cell infusions, according to records obtained by the Courier.</p>
<p>Two former patients told the Courier they were promised relief from Parkinson's disease. The clinic did not
respond to requests for comment.</p>""",
        "The Valley Courier · Contact the newsroom · Advertise")),
    "law-firm-injury-page": (False, _site(
        "Harmed by a Stem Cell Clinic? | Brandt & Oyelaran Injury Lawyers", "Brandt & Oyelaran Injury Lawyers",
        ["Practice Areas", "Medical Malpractice", "Results", "Attorneys", "Free Case Review"], """
<h1>Harmed by a stem cell clinic?</h1>
<p>Patients have suffered infections, blindness and paralysis after receiving unapproved stem cell injections at
clinics that promised cures for arthritis and nerve disease.</p>
<p>If you or a loved one was injured, you may be entitled to compensation. Our attorneys have recovered
settlements from clinics and product suppliers.</p>
<p>Contact us for a free, confidential consultation. No fee unless we win.</p>""",
        "Brandt & Oyelaran LLP · Attorney advertising · Prior results do not guarantee a similar outcome")),
    "critic-blog-exosome-marketing": (False, _site(
        "The Exosome Gold Rush | Notes from a Sceptical Pharmacologist", "Notes from a Sceptical Pharmacologist",
        ["Archive", "About", "Subscribe"], """
<h1>The exosome gold rush</h1>
<p>Open any spa's menu this year and there is an exosome facial or an exosome scalp treatment, usually priced
somewhere near a month's rent.</p>
<p>The vials come from cultured cells, but what they contain, how many vesicles survive shipping and whether any
of it does anything in skin are questions the marketing skips. Not one of these products is approved.</p>
<p>If someone offers you exosomes, ask what is in the vial and who tested it. Then keep your money.</p>""",
        "Notes from a Sceptical Pharmacologist · comments are moderated")),
    "journal-abstract": (False, _site(
        "Intra-articular Bone Marrow Aspirate Concentrate in Knee Osteoarthritis: a Randomised Trial | Journal of "
        "Joint Research", "Journal of Joint Research", ["Current Issue", "Archive", "Authors", "Subscribe"], """
<h1>Intra-articular bone marrow aspirate concentrate in knee osteoarthritis: a randomised trial</h1>
<p>Received 3 May 2025; accepted 19 August 2025. doi:10.5555/jjr.2025.0412</p>
<h2>Abstract</h2>
<p>Background: Bone marrow aspirate concentrate (BMAC) is widely injected for knee osteoarthritis. Methods: 120
patients were randomised to BMAC or saline. Results: Pain scores at 12 months did not differ between groups
(difference 0.4 points, 95% CI -0.3 to 1.1). Conclusions: BMAC was not superior to placebo.</p>
<p>Keywords: osteoarthritis; bone marrow; orthobiologics</p>""",
        "Journal of Joint Research · ISSN 5555-0412")),
    "university-lab-page": (False, _site(
        "Cartilage Repair Laboratory | Department of Bioengineering, Northfield University",
        "Northfield University", ["Research", "People", "Publications", "Join the Lab"], """
<h1>Cartilage Repair Laboratory</h1>
<p>We study how mesenchymal stromal cells and their extracellular vesicles signal to cartilage cells, using
tissue explants and animal models of osteoarthritis.</p>
<p>Principal investigator: Prof. Helen Amari. Current funding: a five-year national research council grant.</p>
<p>We are recruiting a postdoctoral fellow in cell biology. Undergraduate research positions open each autumn.</p>""",
        "Northfield University · Department of Bioengineering")),
    "trial-listing": (False, _site(
        "Umbilical Cord MSCs for Knee Osteoarthritis (NCT05551234) | Trial Finder", "Trial Finder",
        ["Search Trials", "About Trials", "For Researchers"], """
<h1>Umbilical cord mesenchymal stromal cells for knee osteoarthritis</h1>
<p>Status: Recruiting · Phase 2 · Sponsor: Coastal University Hospital · Identifier: NCT05551234</p>
<h2>Eligibility criteria</h2>
<p>Inclusion: age 45 to 75; Kellgren-Lawrence grade 2 or 3; knee pain for at least six months.
Exclusion: prior knee surgery within a year; steroid injection within three months.</p>
<h2>Intervention</h2>
<p>A single injection of umbilical cord MSCs or saline, double-blind. Primary outcome: pain at 12 months.</p>""",
        "Trial Finder lists studies supplied by their sponsors")),
    "donor-registry": (False, _site(
        "Become a Stem Cell Donor | Lifeline Marrow Registry", "Lifeline Marrow Registry",
        ["Join", "Donate Money", "Patients", "Events", "About"], """
<h1>Become a stem cell donor</h1>
<p>Every year thousands of people with leukaemia and other blood cancers need a transplant from an unrelated
donor.</p>
<p>Joining takes a cheek swab you can do at home. If you match a patient, most donations are made from the blood
over a few hours; a smaller number are made from bone marrow under anaesthetic.</p>
<p>Donors aged 18 to 40 are most needed. Joining is free.</p>""",
        "Lifeline Marrow Registry is a registered charity")),
    "cord-blood-bank": (False, _site(
        "Store Your Baby's Cord Blood | Firstlight Family Cord Bank", "Firstlight Family Cord Bank",
        ["Why Store", "Pricing", "How It Works", "Enrol"], """
<h1>Store your baby's cord blood</h1>
<p>Cord blood is rich in blood-forming stem cells and is used today in transplants for more than 80 diseases.</p>
<p>After the birth, your midwife collects the blood from the cord with our kit, and a courier brings it to our
laboratory, where it is processed and frozen in liquid nitrogen.</p>
<p>Collection and processing: $1,650. Storage: $175 a year, or $3,500 for 18 years.</p>""",
        "Firstlight Family Cord Bank · Accredited cord blood laboratory")),
    "plant-stem-cell-serum": (False, _site(
        "Alpine Rose Stem Cell Renewal Serum | Maison Verdelle Skincare", "Maison Verdelle",
        ["Face", "Body", "Sets", "Our Botanicals", "Cart"], """
<h1>Alpine Rose Stem Cell Renewal Serum</h1>
<p>A lightweight serum with stem cells of the Alpine rose and grape seed extract, for skin that looks firmer and
more even.</p>
<p>Apply two drops morning and evening after cleansing.</p>
<p>30 mL · $84 · Add to cart</p>""",
        "Maison Verdelle Skincare · Free shipping over $60")),
    "supplement-stem-cell-booster": (False, _site(
        "StemRise Daily: Support Your Own Stem Cells | Vitalroot Nutrition", "Vitalroot Nutrition",
        ["Shop", "Ingredients", "Reviews", "Subscribe & Save"], """
<h1>StemRise Daily</h1>
<p>A blend of blue-green algae extract, green tea and vitamin D formulated to support the release of your body's
own stem cells.</p>
<p>Take two capsules each morning with water.</p>
<p>60 capsules · $49 · Subscribe and save 15%. These statements have not been evaluated by the Food and Drug
Administration. This product is not intended to diagnose, treat, cure or prevent any disease.</p>""",
        "Vitalroot Nutrition · Shipping & returns")),
    "vet-dog-joints": (False, _site(
        "Stem Cell Therapy for Dogs | Cedar Creek Animal Hospital", "Cedar Creek Animal Hospital",
        ["Services", "Surgery", "Dentistry", "Pet Portal", "Request an Appointment"], """
<h1>Stem cell therapy for dogs</h1>
<p>Older dogs with hip or elbow arthritis can benefit from an injection of cells taken from their own fat.</p>
<p>Under a short anaesthetic, a small amount of fat is taken from your dog's belly, processed in our in-house
laboratory, and injected into the sore joints the same day. Most dogs go home that evening.</p>
<p>Ask your veterinarian whether your pet is a candidate.</p>""",
        "Cedar Creek Animal Hospital · Small animal and exotic care")),
    "forum-thread-prp-elbow": (False, _site(
        "PRP for tennis elbow - worth it? | RunnersTalk Forums", "RunnersTalk Forums",
        ["Forums", "New Posts", "Search", "Log in", "Register"], """
<h1>PRP for tennis elbow - worth it?</h1>
<p>elbowguy77 · Joined 2021 · Posts: 48</p>
<p>Eight months of tennis elbow, physio not helping. My sports doc quoted $900 for a PRP injection. Anyone done
it?</p>
<p>Reply #1 · marathon_mo</p>
<p>Had it last year. Sore for a week, then slowly better over three months. Hard to say if it was the shot or
time.</p>
<p>Reply #2 · kseniaruns</p>
<p>Mine did nothing. Save the money and do the eccentric exercises properly.</p>""",
        "RunnersTalk Forums · Terms · Privacy · Contact moderators")),
    "directory-prp-listings": (False, _site(
        "PRP Clinics in Denver, CO - Compare 14 Providers | HealthFinder Local", "HealthFinder Local",
        ["Find a Provider", "Treatments", "Cities", "For Providers"], """
<h1>PRP clinics in Denver, CO</h1>
<p>14 providers · sorted by rating</p>
<p>Front Range Sports Medicine · 4.8 (112 reviews) · Platelet-rich plasma, bone marrow concentrate · 2.1 miles</p>
<p>Mile High Regenerative · 4.6 (58 reviews) · PRP, exosome therapy · 3.4 miles</p>
<p>Cherry Creek Orthopedics · 4.5 (203 reviews) · PRP injections · 4.0 miles</p>
<p>Is this your practice? Claim this listing.</p>""",
        "HealthFinder Local does not provide medical advice")),
    "insurer-medical-policy": (False, _site(
        "Medical Policy: Orthopaedic Applications of Stem Cell Therapy | Evergreen Health Plan", "Evergreen Health Plan",
        ["Members", "Providers", "Employers", "Find a Doctor"], """
<h1>Orthopaedic applications of stem cell therapy</h1>
<p>Policy number: MP-2.104 · Effective date: 01/01/2026 · Next review: 01/2027</p>
<h2>Coverage</h2>
<p>Injection of mesenchymal stem cells, bone marrow aspirate concentrate or adipose-derived cells for
orthopaedic conditions, including osteoarthritis and tendon injury, is considered investigational and not
medically necessary.</p>
<h2>Rationale</h2>
<p>Randomised trials have not shown benefit over placebo on pain or function.</p>""",
        "Evergreen Health Plan · Provider manual · Coding")),
    "clinic-page-repeating-warning": (False, _site(
        "Important Notice About Stem Cell Products | Northgate Family Medicine", "Northgate Family Medicine",
        ["Home", "Services", "Providers", "Patient Portal", "Contact"], """
<h1>Important notice about stem cell products</h1>
<p>The U.S. Food and Drug Administration advises patients that some clinics offer stem cell products that have
not been approved and may cause serious harm, including blindness and infection.</p>
<p>Umbilical cord, amniotic and fat-derived cell injections marketed for pain, arthritis or neurological disease
are not approved for those uses.</p>
<p>Talk to your doctor before seeking any cell-based treatment, and report problems to FDA MedWatch.</p>""",
        "Northgate Family Medicine · 100 Main Street, Northgate, OH")),
}
