"""Blind batch ten (session 24, helper ownvoice): whole pages of our own wording (fictional names, no real page's
text), coded by the coding manual (../shared/ANNOTATION.md sections 1 to 4) and scored once on main 4396465 *before*
any change of this helper.

Sellers are a clinic's education pages as clinics write them, inside their site's frame (the clinic's name in the
header, its menu, a call to action, its address and phone in the footer): a "What is BMAC?" post, a disease page
that reaches its therapy at the end, an FAQ that never says "we", a post citing research for the clinic's own
therapy ("Research shows ...", "Studies have found ..."), the clinic's doctor quoted or explaining, patients' questions
the clinic answers, a testimonial it publishes. Non-sellers are pages on the same topics by a patient forum, a news
explainer, a university's FAQ, a critic's blog, a regulator's Q&A, a patients' society, a hospital library, a news
story quoting a clinic's doctor, and a university trial. Each entry is
``name: (offers_treatment, conditions, product_types, html)``; the ids are the page's own by the manual (section 2):
what another party studied, claims or sells is not counted, nor are background biology and causes.
"""

from __future__ import annotations


def _clinic(title: str, brand: str, menu: list[str], body: str, cta: str, footer: str) -> str:
    """A page as a site serves it: brand and menu in a header, the text in <main>, a call to action, a footer."""
    items = "".join(f"<li><a href='#'>{item}</a></li>" for item in menu)
    return (f"<html><head><title>{title}</title></head><body>"
            f"<header><div class='logo'>{brand}</div><nav><ul>{items}</ul></nav></header>"
            f"<main>{body}<div class='cta'>{cta}</div></main><footer>{footer}</footer></body></html>")


BATCH_TEN: dict[str, tuple[bool, list[str], list[str], str]] = {
    # ---------------------------------------------------------------- sellers: the clinic's own education voice
    "what-is-bmac-research-shows": (True, ["osteoarthritis"], ["bone_marrow"], _clinic(
        "What Is BMAC? | Granite Peak Orthopaedics", "Granite Peak Orthopaedics",
        ["Home", "Treatments", "Conditions", "Our Team", "Patient Resources", "Contact"], """
<h1>What is BMAC?</h1>
<p class='byline'>Patient Resources · 6 min read</p>
<p>BMAC stands for bone marrow aspirate concentrate. It is made from a small sample of marrow drawn from the back of
the pelvis and spun in a centrifuge so that the cells and growth signals gather in a few millilitres.</p>
<p>Research shows that marrow concentrate reduces inflammation inside arthritic knees and can ease pain for a year or
longer. Studies have found that patients with moderate knee osteoarthritis walk further and use fewer painkillers
after a single injection.</p>
<p>The marrow draw takes about ten minutes under local anaesthetic. The concentrate is then injected into the knee
with ultrasound guidance, and most patients drive home the same afternoon.</p>""",
        "<p>Wondering whether BMAC is right for your knee? <a href='#'>Request an evaluation</a></p>",
        "Granite Peak Orthopaedics · 2200 Foothill Blvd, Ogden, UT 84403 · (801) 555-0178")),
    "rotator-cuff-page-therapy-at-end": (True, ["tendon_ligament_injury"], ["prp"], _clinic(
        "Rotator Cuff Tears | Harlow Sports Medicine", "Harlow Sports Medicine",
        ["Conditions", "Shoulder", "Knee", "Regenerative Injections", "Insurance", "Book Online"], """
<h1>Rotator cuff tears</h1>
<p>The rotator cuff is a group of four tendons that hold the ball of the shoulder in its socket. Tears come from a
fall onto an outstretched arm or from years of overhead work, painting, swimming or throwing.</p>
<h2>Symptoms</h2>
<p>A dull ache deep in the shoulder, pain when lying on that side, and weakness lifting the arm are typical.</p>
<h2>Diagnosis</h2>
<p>An examination and an ultrasound scan usually show the size of the tear. An MRI is ordered when surgery is
being considered.</p>
<h2>Treatment options</h2>
<p>Most partial tears improve with physiotherapy. For tears that keep hurting after three months of exercise,
platelet-rich plasma injections are given at Harlow Sports Medicine under ultrasound guidance, in a visit of about
forty minutes.</p>""",
        "<p><a href='#'>Book a shoulder assessment</a></p>",
        "Harlow Sports Medicine · 90 Mill Lane, Harlow, Essex · 01279 555 014")),
    "hair-prp-faq-no-we": (True, ["hair_loss"], ["prp"], _clinic(
        "PRP Hair Restoration FAQ | Lumen Hair & Skin Clinic", "Lumen Hair & Skin Clinic",
        ["Hair Restoration", "Skin", "Prices", "Before & After", "FAQ", "Book"], """
<h1>PRP hair restoration: frequently asked questions</h1>
<h3>Who is a good candidate?</h3>
<p>Men and women with early thinning at the crown or along the parting, whose follicles are still alive.</p>
<h3>How many sessions are needed?</h3>
<p>Three sessions four weeks apart, then a top-up every six months.</p>
<h3>Does it work?</h3>
<p>Studies have found that PRP increases hair density and thickness in androgenetic alopecia, and results show at
around four months.</p>
<h3>Does it hurt?</h3>
<p>The scalp is numbed with a cooling cream and small injections; most clients feel only pressure.</p>
<h3>How much does it cost?</h3>
<p>A single session is £350 and a course of three is £900.</p>""",
        "<p><a href='#'>Book a free hair consultation</a></p>",
        "Lumen Hair & Skin Clinic · 14 Castle Street, Edinburgh EH2 3AH · 0131 555 0199")),
    "knee-msc-blog-medical-director": (True, ["osteoarthritis"], ["adipose", "msc"], _clinic(
        "Can Stem Cells Help an Arthritic Knee? | Sunvale Regenerative Institute", "Sunvale Regenerative Institute",
        ["Home", "Stem Cell Therapy", "Conditions Treated", "Blog", "Financing", "Contact Us"], """
<h1>Can stem cells help an arthritic knee?</h1>
<p>Knee arthritis affects more than one in ten adults over sixty. Cartilage thins, the joint stiffens and every
stair becomes a negotiation.</p>
<p>Mesenchymal stem cells calm the inflammation that wears cartilage down. Studies have found that MSCs taken from
a patient's own fat reduce knee pain and improve function for at least two years.</p>
<p>According to our medical director, Dr. Elena Ruiz, most patients notice less swelling within six weeks of their
adipose stem cell injection. "The harvest is done through a tiny opening in the abdomen, and the cells go back into
the knee the same morning," she says.</p>""",
        "<p>Call 555-0142 or <a href='#'>request a consultation</a> with Dr. Ruiz.</p>",
        "Sunvale Regenerative Institute · 7800 N. Oracle Rd, Tucson, AZ 85704 · (520) 555-0142")),
    "exosome-skin-what-science-says": (True, ["cosmetic"], ["exosome"], _clinic(
        "Exosome Facials: What the Science Says | Aurelle Aesthetics", "Aurelle Aesthetics",
        ["Facials", "Injectables", "Exosome Therapy", "Memberships", "Gift Cards", "Book Now"], """
<h1>Exosome facials: what the science says</h1>
<p>Exosomes are tiny packets that cells use to send signals to one another. Applied to skin after microneedling,
they carry growth factors into the upper layers.</p>
<p>Research suggests that exosomes boost collagen and soften fine lines, and early studies report smoother texture
after three treatments.</p>
<p>An Aurelle exosome facial takes sixty minutes: cleansing, microneedling, the exosome serum and a calming mask.
Redness settles within a day. A series of three is recommended, four weeks apart.</p>""",
        "<p>New clients: first exosome facial $299. <a href='#'>Book now</a></p>",
        "Aurelle Aesthetics · 455 Camden Dr, Beverly Hills, CA · (310) 555-0190")),
    "disc-page-patients-ask-doctor-explains": (True, ["back_pain"], ["adipose"], _clinic(
        "Degenerative Disc Disease | Lindqvist Spine & Regenerative Care", "Lindqvist Spine & Regenerative Care",
        ["Spine Conditions", "Treatments", "Dr. Lindqvist", "Patient Forms", "Locations"], """
<h1>Degenerative disc disease</h1>
<p>The discs between the vertebrae lose water with age. A dried, thinned disc can crack, bulge and press on nerves,
causing low back pain that spreads into the buttock.</p>
<p>Patients often ask whether stem cells can rebuild a worn disc. Dr. Lindqvist explains that cells taken from the
patient's own fat are injected into the disc to calm the inflammation around it, and that the aim is less pain
rather than a new disc.</p>
<p>The fat is collected by mini-liposuction under local anaesthetic, processed in the clinic's laboratory, and
returned to the disc under X-ray guidance in one visit.</p>""",
        "<p><a href='#'>Schedule a spine consultation</a></p>",
        "Lindqvist Spine &amp; Regenerative Care · 33 Lakeshore Dr, Madison, WI · 608-555-0163")),
    "patient-stories-testimonials": (True, ["joint_pain"], ["umbilical_cord"], _clinic(
        "Patient Stories | Corvalis Cell Therapy", "Corvalis Cell Therapy",
        ["Treatments", "Patient Stories", "Pricing", "FAQ", "Contact"], """
<h1>Patient stories</h1>
<blockquote><p>"After two umbilical cord cell injections my knee pain was gone within two months. I hiked the
canyon trail again in May." — Maria T., 64</p></blockquote>
<blockquote><p>"I had put off my hip for three years. The cord tissue injection let me get back on my bike without
the ache I used to have." — Daniel R., 58</p></blockquote>
<blockquote><p>"The staff walked me through every step and the injection took less than an hour." — Priya S.</p>
</blockquote>""",
        "<p>Ready to write your own story? <a href='#'>Schedule a call</a></p>",
        "Corvalis Cell Therapy · 1020 Pearl St, Boulder, CO 80302 · (303) 555-0116")),
    "neuropathy-page-amniotic-research": (True, ["neuropathy"], ["amniotic"], _clinic(
        "Peripheral Neuropathy | Brookline Chiropractic & Wellness", "Brookline Chiropractic & Wellness",
        ["Chiropractic", "Neuropathy", "Regenerative Medicine", "New Patients", "Contact"], """
<h1>Peripheral neuropathy</h1>
<p>Burning, tingling and numbness in the feet are the signs of damaged peripheral nerves. Diabetes is the most
common cause, followed by chemotherapy and years of heavy drinking.</p>
<p>Research has shown that amniotic tissue is rich in growth factors that support nerve repair. Amniotic
injections are given around the affected nerves of the foot and ankle by the practice's nurse practitioner,
together with a course of balance and circulation therapy.</p>
<p>Most programmes last twelve weeks.</p>""",
        "<p>Free neuropathy screening this month. <a href='#'>Claim your appointment</a></p>",
        "Brookline Chiropractic &amp; Wellness · 210 Harvard St, Brookline, MA · (617) 555-0127")),
    "autism-cord-abroad-studies": (True, ["autism"], ["umbilical_cord", "msc"], _clinic(
        "Stem Cell Therapy for Autism | Clinica Celular Pacifica", "Clinica Celular Pacifica",
        ["Conditions", "Our Protocol", "Travel", "Testimonials", "Request Information"], """
<h1>Stem cell therapy for autism</h1>
<p>Autism spectrum disorder affects communication, behaviour and sleep. Many children also have signs of
inflammation in the gut and the immune system.</p>
<p>Published studies have shown that mesenchymal stem cells from umbilical cord tissue can lower this inflammation,
and parents have reported better eye contact and speech after treatment.</p>
<p>The protocol at Clinica Celular Pacifica consists of four intravenous infusions of umbilical cord MSCs over five
days. Families stay at a partner hotel ten minutes from the clinic.</p>""",
        "<p><a href='#'>Request the autism treatment guide</a> · WhatsApp +52 664 555 0108</p>",
        "Clinica Celular Pacifica · Blvd. Agua Caliente 4558, Tijuana, B.C., Mexico · +52 664 555 0108")),
    "tennis-elbow-prp-vs-cortisone": (True, ["tendon_ligament_injury"], ["prp"], _clinic(
        "PRP or Cortisone for Tennis Elbow? | Lakeside Orthopedic Group", "Lakeside Orthopedic Group",
        ["Physicians", "Specialties", "Sports Medicine", "Locations", "Pay Your Bill"], """
<h1>PRP or cortisone for tennis elbow?</h1>
<p>Tennis elbow is a tendinopathy of the muscles that extend the wrist. It is common in carpenters, painters and
racquet players.</p>
<p>A cortisone shot eases pain quickly, but the pain often returns. A randomized trial found that platelet-rich
plasma outperformed cortisone at one year, with fewer patients needing surgery.</p>
<p>Dr. Samuel Okafor offers PRP injections for tennis elbow at both Lakeside offices. The visit takes under an hour
and a strap is worn for a week afterwards.</p>""",
        "<p><a href='#'>Make an appointment with Dr. Okafor</a></p>",
        "Lakeside Orthopedic Group · 600 Shore Rd, Lake Forest, IL · (847) 555-0181")),
    "svf-what-to-expect-quote": (True, ["joint_pain"], ["adipose"], _clinic(
        "What to Expect: SVF Knee Procedure | Cedar Ridge Regenerative", "Cedar Ridge Regenerative",
        ["Procedures", "What to Expect", "Pricing", "About", "Contact"], """
<h1>What to expect on the day of your SVF procedure</h1>
<p>Stromal vascular fraction is a mix of cells taken from a small amount of the patient's own fat.</p>
<p>The morning begins with a mini-liposuction of the belly or thigh under local anaesthetic. While the fat is
processed, patients rest in a recovery suite. The cells are then injected into the painful knee.</p>
<p>"Most people are back at their desk in two days," says Dr. Hume, medical director of Cedar Ridge Regenerative.
"Sore knees usually feel easier by the sixth week."</p>""",
        "<p>Questions about the day? <a href='#'>Talk to a patient coordinator</a></p>",
        "Cedar Ridge Regenerative · 415 Ridge Rd, Asheville, NC · 828-555-0150")),
    "copd-msc-abroad-published-studies": (True, ["lung_disease"], ["msc"], _clinic(
        "Stem Cells for COPD | Vida Nova Cell Center", "Vida Nova Cell Center",
        ["Conditions", "Treatments", "Costs", "Patient Journey", "Contact"], """
<h1>Stem cells for COPD</h1>
<p>Chronic obstructive pulmonary disease narrows the airways and destroys the small air sacs of the lung. Inhalers
ease the symptoms but do not repair the damage.</p>
<p>Published studies suggest that infusions of mesenchymal stem cells improve breathing and quality of life in
COPD. The Vida Nova protocol delivers 100 million MSCs by intravenous infusion over two days, with a follow-up call
at three and six months.</p>""",
        "<p>Send your lung function test for a free review: <a href='#'>start here</a></p>",
        "Vida Nova Cell Center · Av. Reforma 210, Ciudad de Panama · +507 555 0133")),
    "achilles-blog-no-we": (True, ["tendon_ligament_injury"], ["prp"], _clinic(
        "Healing a Stubborn Achilles | Northfield Foot & Ankle", "Northfield Foot & Ankle",
        ["Foot", "Ankle", "Sports Injuries", "Regenerative Medicine", "Request Appointment"], """
<h1>Healing a stubborn Achilles</h1>
<p>Achilles tendinopathy makes the first steps of the morning painful and can linger for a year in runners.</p>
<p>Eccentric calf exercises help most people. When they do not, research shows that platelet-rich plasma can
restart healing in the damaged tendon.</p>
<p>At Northfield Foot &amp; Ankle the PRP is prepared from a small blood draw and injected under ultrasound in one
visit. A walking boot is worn for ten days.</p>""",
        "<p><a href='#'>Request an appointment</a> · 507-555-0175</p>",
        "Northfield Foot &amp; Ankle · 12 Division St, Northfield, MN · 507-555-0175")),
    # ---------------------------------------------------------------- non-sellers on the same topics
    "forum-bmac-knee": (False, [], [], _clinic(
        "Anyone had BMAC for knee arthritis? | KneeTalk Community Forum", "KneeTalk Community Forum",
        ["Forums", "Recent Posts", "Members", "Rules", "Log in"], """
<h1>Anyone had BMAC for knee arthritis?</h1>
<p><b>hikerjen</b> · posted 3 days ago</p>
<p>My surgeon says I am not ready for a replacement. A clinic near me offers bone marrow concentrate for $4,500.
Research shows it reduces inflammation, apparently. Has anyone tried it?</p>
<p><b>oldrunner62</b> · reply</p>
<p>Had it in my right knee last spring. Studies have found mixed results and mine was one of the mixed ones: a bit
better for three months, then back to where I was.</p>
<p><b>Moderator</b> · reply</p>
<p>Reminder: members share experiences, not medical advice.</p>""",
        "<p><a href='#'>Reply to this thread</a></p>",
        "KneeTalk Community Forum · community guidelines · privacy")),
    "news-explainer-what-clinics-sell": (False, [], [], _clinic(
        "What are stem cell clinics actually selling? | The Harbor Ledger", "The Harbor Ledger",
        ["News", "Health", "Business", "Opinion", "Subscribe"], """
<h1>What are stem cell clinics actually selling?</h1>
<p class='byline'>By Nora Quill, health reporter · March 3</p>
<p>Dozens of clinics in the region advertise stem cell injections for knee arthritis, back pain and even autism.
Research shows that mesenchymal stem cells reduce inflammation in laboratory dishes, but whether an injection does
the same in a knee is far less certain, scientists said.</p>
<p>"Patients often ask me whether these shots regrow cartilage," said Dr. Amir Castell, a rheumatologist at the
university hospital. "The honest answer is that no study has shown it."</p>
<p>A single injection costs between $3,000 and $8,000 and is rarely covered by insurance.</p>""",
        "<p><a href='#'>Subscribe for $1 a week</a></p>",
        "The Harbor Ledger · 100 Front St · newsroom tips: tips@example.org")),
    "university-stem-cell-faq": (False, [], [], _clinic(
        "Frequently Asked Questions | Westbrook University Stem Cell Institute", "Westbrook University Stem Cell Institute",
        ["Research", "Faculty", "Education", "News", "Giving"], """
<h1>Frequently asked questions</h1>
<h3>Can stem cells treat autism?</h3>
<p>Not yet. Small studies of cord blood infusions have been published, but no treatment has been proven to work.
Clinics that sell such infusions are not part of our research.</p>
<h3>Does the institute offer stem cell treatments?</h3>
<p>No. The institute carries out laboratory research and clinical trials. Patients interested in trials can
search the national trial registry.</p>
<h3>What are mesenchymal stem cells?</h3>
<p>They are cells found in bone marrow, fat and other tissues that can become bone, cartilage or fat cells in the
laboratory.</p>""",
        "<p><a href='#'>Support stem cell research</a></p>",
        "Westbrook University · 1 College Green · Stem Cell Institute: 555-0100")),
    "critic-blog-prp-hair": (False, [], [], _clinic(
        "PRP for hair loss: the evidence is thinner than the marketing | Skeptical Scalp", "Skeptical Scalp",
        ["Posts", "About", "Newsletter"], """
<h1>PRP for hair loss: the evidence is thinner than the marketing</h1>
<p>Hair clinics promise thicker hair after three sessions of platelet-rich plasma. Studies have found small gains in
hair counts, but most were unblinded, short and run by clinics that sell the treatment.</p>
<p>Dr. Lena Vos, a dermatologist I interviewed, explains that the gains seen at four months often fade by a year.
If you are weighing a $900 course, ask for data on results after twelve months.</p>""",
        "<p><a href='#'>Subscribe to the newsletter</a></p>",
        "Skeptical Scalp is written by a science journalist. No ads, no sponsors.")),
    "regulator-qa-regen-products": (False, [], [], _clinic(
        "Questions and answers: regenerative medicine products | Health Products Regulatory Agency",
        "Health Products Regulatory Agency",
        ["Medicines", "Medical Devices", "Safety Alerts", "Publications", "About the Agency"], """
<h1>Questions and answers: regenerative medicine products</h1>
<h3>Are stem cell injections for arthritis approved?</h3>
<p>No product made from umbilical cord, amniotic or fat-derived cells is approved for arthritis. Clinics offering
them may be breaking the law.</p>
<h3>Research shows these cells reduce inflammation. Is that not enough?</h3>
<p>Laboratory findings do not show that a product is safe and effective in patients. That requires controlled
clinical trials.</p>
<h3>How do I report a problem?</h3>
<p>Use the agency's online adverse event form.</p>""",
        "<p><a href='#'>Report a side effect</a></p>",
        "Health Products Regulatory Agency · an official government website")),
    "society-patient-info-injections": (False, [], [], _clinic(
        "Stem cell injections: what you should know | National Arthritis Society", "National Arthritis Society",
        ["About Arthritis", "Living With Arthritis", "Research", "Get Involved", "Donate"], """
<h1>Stem cell injections: what you should know</h1>
<p>Many people with arthritis see advertisements for stem cell or PRP injections. Studies have found that PRP may
ease knee pain for some people, but results vary and stem cell injections are not recommended outside trials.</p>
<p>Our helpline nurses are often asked whether these treatments can regrow cartilage. There is no good evidence
that they do.</p>
<p>Talk to your doctor before paying for any injection.</p>""",
        "<p><a href='#'>Call our free helpline</a></p>",
        "National Arthritis Society · registered charity · helpline 0800 555 0120")),
    "hospital-library-prp": (False, [], [], _clinic(
        "Platelet-rich plasma (PRP) | Health Library | Northgate University Health", "Northgate University Health",
        ["Find a Doctor", "Locations", "Health Library", "Patients & Visitors", "MyChart"], """
<h1>Platelet-rich plasma (PRP)</h1>
<p>Platelet-rich plasma is a concentrate of platelets made from a person's own blood. It is used for tendon
injuries and knee osteoarthritis.</p>
<p>Research suggests PRP may reduce pain from tennis elbow and knee arthritis, although study results have varied.
It is generally not covered by insurance.</p>
<p>This article is for general information. It does not replace the advice of your doctor.</p>""",
        "<p>Medically reviewed by the Health Library editorial board.</p>",
        "Northgate University Health · Health Library · content reviewed annually")),
    "news-quotes-clinic-doctor": (False, [], [], _clinic(
        "Med spas bet on exosome facials | Valley Business Journal", "Valley Business Journal",
        ["Business", "Real Estate", "Health Care", "Events", "Subscribe"], """
<h1>Med spas bet on exosome facials</h1>
<p class='byline'>By Carl Henning · Staff writer</p>
<p>Exosome facials have become the most requested treatment at several med spas in the valley. "Our clients love
the glow," said Dr. Tessa Moreau, who owns Lumina Med Spa, where a session costs $450.</p>
<p>Research shows that exosomes can carry growth factors, Moreau said, though dermatologists contacted by the
Journal noted that no exosome product is approved by the FDA.</p>""",
        "<p><a href='#'>Get the morning newsletter</a></p>",
        "Valley Business Journal · 20 Commerce Way")),
    "university-trial-recruiting": (False, [], [], _clinic(
        "Now Enrolling: Cell Therapy for Knee Osteoarthritis | Eastmoor University Hospital",
        "Eastmoor University Hospital",
        ["Patients", "Research", "Clinical Trials", "Education", "Careers"], """
<h1>Now enrolling: cell therapy for knee osteoarthritis</h1>
<p>Researchers at Eastmoor are testing whether mesenchymal stem cells grown from donor bone marrow reduce knee pain
in moderate osteoarthritis. Half of the participants will receive a placebo injection.</p>
<p>Participants must be 40 to 75 years old and have had knee pain for at least six months. Study visits and the
study injection are free, and travel costs are reimbursed.</p>""",
        "<p><a href='#'>See if you qualify</a></p>",
        "Eastmoor University Hospital · Clinical Trials Office · 555-0177 · IRB #2024-118")),
}


def _excerpt(title: str, body: str, menu: list[str] | None = None) -> str:
    """A page as the real-world re-creations keep it: the title, sometimes a menu line, the opening text cut off
    mid-sentence; no footer, no call to action."""
    nav = "<nav>" + " ".join(f"<a href='#'>{item}</a>" for item in menu) + "</nav>" if menu else ""
    return f"<html><head><title>{title}</title></head><body>{nav}<main>{body}</main></body></html>"


#: Batch ten-b (session 24, helper ownvoice): written after batch ten scored 1.000 and after the own-evidence and
#: own-speaker changes (commits d85c888, 04b29ce), *before* any change read from it; scored once on the branch and on
#: main. Shaped like the held-out split's pages: the opening ~1,500 characters only, the site's name at most in the
#: title, no footer, no call to action. Sellers are a clinic's education posts, disease pages and FAQs; the contrast
#: pages are an encyclopedia, a patient's blog, a society, a drug developer, a university newsroom and a news explainer.
BATCH_TEN_B: dict[str, tuple[bool, list[str], list[str], str]] = {
    # ---------------------------------------------------------------- sellers: clinic excerpts
    "what-is-prp-blog-excerpt": (True, ["tendon_ligament_injury", "osteoarthritis"], ["prp"], _excerpt(
        "What Is PRP Therapy? - Blog - Redwood Pain & Spine", """
<h1>What is PRP therapy?</h1>
<p>Platelet-rich plasma, or PRP, is a concentrate of the platelets in your own blood. Platelets carry growth factors
that signal injured tissue to repair itself.</p>
<p>To make PRP, a small tube of blood is drawn from the arm and spun in a centrifuge for about fifteen minutes. The
platelet layer is then drawn off and injected into the injured area, usually with ultrasound to guide the needle.</p>
<p>PRP is used for tendon injuries such as tennis elbow and jumper's knee, for partial ligament tears, and for knee
arthritis. Because it comes from your own blood, there is little risk of an allergic reaction. Most people need one
to three injections spaced a few weeks apart, and the soreness after an injection usually lasts""",
        ["Home", "Pain Conditions", "Treatments", "Blog", "Contact"])),
    "hip-oa-page-therapy-at-end": (True, ["osteoarthritis"], ["bone_marrow"], _excerpt(
        "Hip Osteoarthritis", """
<h1>Hip osteoarthritis</h1>
<p>Osteoarthritis of the hip develops as the cartilage lining the ball and socket wears thin. Age, an old injury, a
shallow socket and extra body weight all add to the wear.</p>
<h2>Symptoms</h2>
<p>Pain in the groin or the front of the thigh, stiffness after sitting, and a limp on long walks are the usual
complaints. Putting on socks and shoes becomes hard.</p>
<h2>Regenerative treatment options</h2>
<p>For patients who are not ready for a hip replacement, bone marrow concentrate injections can ease pain and
improve movement. The marrow is taken from the back of the pelvis and the concentrate injected into the hip joint
under X-ray guidance during the same""")),
    "faq-stem-cells-no-we": (True, [], ["adipose"], _excerpt(
        "Stem Cell Therapy FAQs | Meadowbrook Regenerative Health", """
<h1>Stem cell therapy FAQs</h1>
<h3>Where do the cells come from?</h3>
<p>The cells are taken from a small amount of your own abdominal fat, removed through a tiny incision.</p>
<h3>Is the procedure painful?</h3>
<p>The harvest site is numbed, and most people describe only pressure. Mild soreness lasts a few days.</p>
<h3>How long does it take?</h3>
<p>The harvest, processing and injection are done in one morning, in about three hours.</p>
<h3>When can I go back to work?</h3>
<p>Desk work is possible after two days; heavy lifting should wait two weeks.</p>
<h3>Is it covered by""")),
    "candidate-signs-blog": (True, ["joint_pain"], ["unspecified_stem_cell"], _excerpt(
        "5 Signs You May Be a Candidate for Stem Cell Therapy | Apex Joint Institute", """
<h1>5 signs you may be a candidate for stem cell therapy</h1>
<p>Joint pain that lingers for months wears people down. Stem cell therapy is not for everyone, but these signs
suggest it may be worth a closer look.</p>
<p><b>1. Your knee, hip or shoulder pain has lasted more than three months.</b> Chronic joint pain that has not
settled with rest and exercise is the most common reason patients ask about stem cell injections.</p>
<p><b>2. Cortisone shots no longer help.</b> If steroid injections wear off in weeks, a regenerative approach aims
at the tissue itself.</p>
<p><b>3. You want to put off surgery.</b> Many patients are told they will need a replacement one day and""")),
    "exosome-vs-prp-hair": (True, ["hair_loss"], ["exosome", "prp"], _excerpt(
        "Exosomes vs. PRP for Hair Loss | Solenne Medical Aesthetics", """
<h1>Exosomes vs. PRP for hair loss</h1>
<p>Thinning hair has two regenerative options today: platelet-rich plasma drawn from your own blood, and exosomes,
tiny signalling packets prepared in a laboratory from donated cells.</p>
<p>PRP needs a blood draw and a centrifuge; exosomes come ready to use. Both are applied to the scalp by
microneedling or fine injections in a session of about forty-five minutes.</p>
<p>Research suggests that exosomes may give quicker results in some patients, while PRP has the longer record.
Many Solenne clients combine the two over a course of four sessions, and results usually show""")),
    "cp-abroad-course": (True, ["cerebral_palsy"], ["umbilical_cord"], _excerpt(
        "Stem Cell Treatment for Cerebral Palsy", """
<h1>Stem cell treatment for cerebral palsy</h1>
<p>Cerebral palsy is a group of movement disorders caused by injury to the developing brain. Children may have
stiff muscles, poor balance and delayed speech.</p>
<p>The treatment course consists of four intrathecal injections of umbilical cord stem cells over ten days,
combined with daily physiotherapy and speech therapy. Children from more than forty countries have completed the
course, and parents most often report better muscle tone and sitting balance within three months.</p>
<p>Before arrival, each child's MRI and medical records are reviewed by the neurologist, who""")),
    "neuropathy-reversed-blog": (True, ["neuropathy"], ["amniotic"], _excerpt(
        "Can Neuropathy Be Reversed? | Pinewood Chiropractic Health Center", """
<h1>Can neuropathy be reversed?</h1>
<p>Numb, burning feet keep many people up at night. Peripheral neuropathy has many causes, from diabetes to
chemotherapy, and the longer the nerves go without help, the harder recovery becomes.</p>
<p>Medications such as gabapentin dull the pain but do nothing for the nerve itself.</p>
<p>At Pinewood, neuropathy care combines nerve stimulation, balance training and injections of amniotic tissue
around the damaged nerves. Patients attend twice a week for ten weeks, and most notice""")),
    "tmj-prp-page": (True, ["joint_pain"], ["prp"], _excerpt(
        "PRP for TMJ Pain - Harborview Facial Pain Clinic", """
<h1>PRP for TMJ pain</h1>
<p>The temporomandibular joint connects the jaw to the skull. When it is inflamed, chewing, yawning and even talking
hurt, and the jaw may click or lock.</p>
<p>Platelet-rich plasma is prepared from a small blood sample taken at the start of the visit and injected into the
jaw joint after a local anaesthetic. The injection takes about ten minutes, and a soft diet is advised for three
days. Two or three injections a month apart are typical, and improvement in jaw opening is usually""")),
    "womens-hair-prp": (True, ["hair_loss"], ["prp"], _excerpt(
        "PRP for Women's Hair Thinning | Clarion Hair Restoration", """
<h1>PRP for women's hair thinning</h1>
<p>One woman in three notices thinning hair by fifty, often along the parting. Hormones, stress and genes all play
a part.</p>
<p>A PRP session at Clarion takes about forty-five minutes: a blood draw, fifteen minutes in the centrifuge, a
numbing cream, and a series of fine injections across the thinning areas. There is no downtime, and hair can be
washed the next morning.</p>
<p>Three sessions a month apart are followed by a top-up every six months. Clients usually see less shedding by""")),
    "back-pain-disc-blog": (True, ["back_pain"], ["bone_marrow"], _excerpt(
        "Is Stem Cell Therapy an Option for a Bulging Disc? – Summit Spine Associates", """
<h1>Is stem cell therapy an option for a bulging disc?</h1>
<p>A bulging disc can press on a nerve and send pain down the leg. Most settle within three months with physical
therapy and time.</p>
<p>When pain continues, Summit Spine physicians may recommend an injection of concentrated bone marrow cells into
the disc. The marrow is collected from the hip under local anaesthetic and the concentrate placed into the disc
under fluoroscopy in a single visit of about two hours. Patients walk out the same day and return""")),
    # ---------------------------------------------------------------- non-sellers: the same topics, other publishers
    "encyclopedia-prp": (False, [], [], _excerpt(
        "Platelet-rich plasma injection - Health Encyclopedia - Willowmere Health Information", """
<h1>Platelet-rich plasma injection</h1>
<p>A platelet-rich plasma (PRP) injection uses a concentrate of a person's own platelets to treat injured tendons,
ligaments and joints.</p>
<p>During the procedure, a health care provider draws blood from the arm and spins it in a centrifuge. The platelet
layer is injected into the injured area, sometimes with ultrasound guidance.</p>
<p>Research suggests PRP may help tennis elbow and knee osteoarthritis, but studies have not shown a clear benefit for
every condition. Talk with your provider about the risks, which include pain at the injection site and""")),
    "patient-blog-prp-journey": (False, [], [], _excerpt(
        "My PRP journey, month three | Running Through It", """
<h1>My PRP journey, month three</h1>
<p>Three months ago I had PRP for the hamstring tendon that ended my marathon season. The clinic drew my blood,
spun it and injected it under ultrasound, and I was told to rest for two weeks.</p>
<p>Today I ran eight kilometres without pain for the first time. My physio says the tendon looks thicker on the
scan. I paid $900 and it was not covered, so I wanted to write down honestly how it has gone so far, for anyone
weighing the same""")),
    "society-position-prp": (False, [], [], _excerpt(
        "Position statement: platelet-rich plasma | Academy of Sports Physicians", """
<h1>Position statement: platelet-rich plasma</h1>
<p>The Academy recognises that platelet-rich plasma injections are widely offered for tendon and joint problems.</p>
<p>Studies have found modest benefits for lateral epicondylitis and knee osteoarthritis, while evidence for
muscle injuries and acute ligament tears is limited. Preparation methods vary widely between devices, which makes
trials hard to compare.</p>
<p>The Academy recommends that members discuss the uncertain evidence and the cost with patients before""")),
    "drug-developer-pipeline": (False, [], [], _excerpt(
        "Pipeline | Corvane Therapeutics", """
<h1>Our pipeline</h1>
<p>Corvane Therapeutics develops allogeneic mesenchymal stem cell products for inflammatory diseases.</p>
<p>CVN-201, our lead candidate, is in a phase 2 trial in moderate knee osteoarthritis. Studies have shown that our
cells reduce inflammatory markers in preclinical models.</p>
<p>CVN-305 is being studied for acute respiratory distress. None of our products is approved for sale, and they
are available only to participants in""")),
    "university-newsroom-msc": (False, [], [], _excerpt(
        "Engineers grow cartilage from stem cells on a printed scaffold | Eastmoor University News", """
<h1>Engineers grow cartilage from stem cells on a printed scaffold</h1>
<p>A team in Eastmoor's bioengineering department has grown cartilage in the laboratory from mesenchymal stem cells
seeded on a 3D-printed scaffold, the university said on Monday.</p>
<p>"Osteoarthritis affects millions, and damaged cartilage does not heal on its own," said Professor Hana Ibe, who
led the work. The team hopes to begin animal studies next year. Human treatments are at least a decade""")),
    "news-explainer-exosomes": (False, [], [], _excerpt(
        "What are exosomes, and why are med spas selling them? | The Coastline Courier", """
<h1>What are exosomes, and why are med spas selling them?</h1>
<p>By Dana Whitlock</p>
<p>Exosomes are tiny packets that cells release to communicate. In the past two years they have become a
best-seller at med spas, applied after microneedling for skin and hair.</p>
<p>Research suggests exosomes carry growth factors, but no exosome product is approved by the FDA, and products
vary widely in what they contain, dermatologists told the Courier. A course of treatment can cost""")),
}
