"""Probe pages for transplant-programme recognition, written for the project (fictional names,
no real page's text). ``PROGRAMMES``: a hospital's own blood-forming stem-cell transplant
service in the shapes real programmes take (paediatric, myeloma, sickle cell with gene therapy,
a long indication list, a research section naming MS, a donor/apheresis page, a cancer centre
with CAR-T), which must never be on the flagged list. ``UNPROVEN``: clinics that call their
fat, cord-tissue or marrow-concentrate product a "stem cell transplant" for autism, MS, knees
and the like, which must stay flagged. ``LAWFUL``: sellers whose only offers need no flag (PRP, whose "stem
cells" are only what the platelets are said to act on; an amniotic membrane as a wound covering).
"""

PROGRAMMES = {
 "paediatric": """Paediatric Blood and Marrow Transplant Service | Northfield Children's Hospital
Our paediatric transplant service looks after babies, children and teenagers who need a stem cell transplant.
We carry out around 60 transplants a year, using stem cells from a brother or sister, from an unrelated volunteer or from donated cord blood.
Children come to us with leukaemia, neuroblastoma, bone marrow failure, sickle cell disease and inherited immune problems.
Before the transplant your child will have conditioning treatment with chemotherapy to make room for the new cells.
Engraftment, when the new cells start making blood, usually takes two to four weeks.
Play specialists, teachers and psychologists support the family throughout the stay on the ward.
Families can stay in our parents' accommodation next to the hospital.
Referrals are accepted from paediatric haematologists and oncologists.""",
 "myeloma": """Autologous Stem Cell Transplant for Myeloma and Lymphoma
Riverside Medical Center, Department of Hematology and Oncology
For many people with multiple myeloma, and for some with lymphoma that has come back, high-dose chemotherapy followed by a transplant of their own stem cells is the standard next step.
First your stem cells are mobilised with growth factor injections and collected from your blood by apheresis, then frozen.
You then receive high-dose melphalan, and your stored cells are returned through a central line two days later.
Most patients stay in hospital for about three weeks while the blood counts recover.
Our nurse coordinators will guide you through each appointment.
Talk to your haematologist about whether a transplant is right for you.""",
 "sickle_gene": """Sickle Cell Disease: Transplant and Gene Therapy
Lakeview University Hospital Comprehensive Sickle Cell Program
A stem cell transplant from a matched brother or sister can offer children with severe sickle cell disease a life free of pain crises.
When no matched sibling is available, we offer half-matched (haploidentical) transplants and, for eligible patients, gene therapy using the patient's own edited blood stem cells.
For gene therapy, stem cells are collected from the patient, modified in a laboratory and returned after conditioning with busulfan.
Our team also treats beta thalassaemia with transplant and gene therapy.
Every family meets our haematologists, transplant nurses and a fertility specialist before treatment.
Request a consultation with our sickle cell team.""",
 "indications": """Conditions We Treat with Blood and Marrow Transplant
St. Aldric Medical Centre Transplant and Cellular Therapy Department
We perform allogeneic and autologous transplants for the following conditions:
Acute myeloid leukemia and acute lymphoblastic leukemia
Myelodysplastic syndromes and myelofibrosis
Hodgkin and non-Hodgkin lymphoma
Multiple myeloma and amyloidosis
Severe aplastic anemia and Fanconi anemia
Severe combined immunodeficiency (SCID) and Wiskott-Aldrich syndrome
Hurler syndrome and other inherited metabolic disorders
Neuroblastoma and relapsed germ-cell tumors
Donors are found through HLA typing of family members and the unrelated donor registries.
To refer a patient, please contact the transplant office.""",
 "trials_section": """Blood and Marrow Transplantation at Eastgate Health
Eastgate Health's transplant program treats adults with leukemia, lymphoma, myeloma and other blood disorders.
We use peripheral blood stem cells, bone marrow and umbilical cord blood grafts from related and unrelated donors, matched by HLA typing.
Our team manages graft-versus-host disease and infections in a dedicated transplant clinic.
Clinical trials
Our researchers are also studying autologous transplantation for severe multiple sclerosis and systemic sclerosis in clinical trials.
A second study is testing mesenchymal stromal cells for graft-versus-host disease that does not respond to steroids.
These studies are open only to patients who meet strict criteria; ask your neurologist or rheumatologist about a referral.
Patients and doctors can contact our transplant coordinators for an evaluation.""",
 "apheresis": """Stem Cell Collection and Apheresis Unit
Westbrook General Hospital
The apheresis unit collects blood stem cells from patients before their own transplant and from donors giving cells to a relative.
For four or five days before collection you will have daily injections of G-CSF to move stem cells from the bone marrow into the blood.
Collection takes three to five hours. Blood passes through a machine that separates out the stem cells and returns the rest.
We count the CD34 cells collected each day to know when enough have been gathered for the transplant.
Donors may feel bone aches, back pain or hip pain from the injections; these pass after collection.
Your transplant coordinator will book your collection dates.""",
 "cart_centre": """Cellular Therapy and Transplant Program | Harborview Cancer Institute
Our cancer institute offers stem cell transplantation and CAR T-cell therapy under one program.
We treat leukemia, lymphoma and myeloma with autologous and allogeneic transplants, including reduced-intensity conditioning for older patients.
CAR T-cell therapy uses the patient's own T cells, engineered to recognise the cancer, for some lymphomas and myeloma that have relapsed.
Our program is accredited for cellular therapy and treats more than 250 patients each year.
Support includes nutrition, social work and survivorship care after transplant.
Physicians can refer a patient online or by phone.""",
 "cord_transplant": """Cord Blood Transplant
Ashford University Medical Center
For patients without a matched related or unrelated adult donor, our physicians can use donated umbilical cord blood units from public banks.
Cord blood needs a less exact tissue match, which helps patients of mixed heritage find a donor.
Two cord blood units are sometimes given to an adult to provide enough blood-forming cells.
We perform cord blood transplants for acute leukemia, myelodysplastic syndrome and inherited disorders of the blood and immune system.
Speak with our transplant team to learn more.""",
 "what_to_expect": """What to Expect During Your Stem Cell Transplant
Granite State Hospital Bone Marrow Transplant Unit
Day minus seven to day minus one: conditioning with chemotherapy, sometimes with total body irradiation.
Day zero: you receive the stem cells through your central line, much like a blood transfusion.
Days one to thirty: we watch for engraftment, fever and infection; you may need transfusions of red cells and platelets.
After you go home, our transplant clinic will see you twice a week and check for graft-versus-host disease.
Call the unit at any hour if you have a temperature above 38 degrees.""",
 "abroad_hospital": """Bone Marrow Transplant in Example City
Meridian Hospital's BMT unit has performed more than 1,500 transplants for patients from over 40 countries.
We treat thalassemia major, aplastic anemia, leukemia and lymphoma in children and adults.
Our HEPA-filtered rooms and dedicated haematology intensive care reduce the risk of infection.
International patients receive help with visas, accommodation and interpreters.
Send us the patient's reports and HLA typing for a free opinion from our haematologists.""",
 "late_effects": """Life After Transplant: Survivorship Clinic
Pinecrest University Hospital Blood and Marrow Transplant Program
Years after a stem cell transplant for leukaemia or lymphoma, some survivors develop late effects.
These can include cataracts, thyroid problems, diabetes, heart disease, lung scarring, kidney problems, thinning bones and joint pain.
Our survivorship clinic checks your heart, lungs, kidneys, hormones and bones every year after your transplant.
Chronic graft-versus-host disease of the skin, mouth and eyes is treated by our transplant physicians.
Book your yearly survivorship visit with the transplant office.""",
 "short_hospital": """Bone Marrow Transplant
Our hospital offers bone marrow transplants for patients with leukaemia, lymphoma and aplastic anaemia.
Call 555-0100 to make an appointment with our haematology team.""",
 "myeloma_faq": """Myeloma: Questions About Your Stem Cell Transplant
Will I need a stem cell transplant for my myeloma? Many patients under 70 are offered one after their first treatment.
Where are my stem cells kept? They are frozen in our laboratory until the day you need them.
How long will I be in hospital? Usually about three weeks.
Ask your nurse specialist if you have more questions.""",
 "autoimmune_collection": """Collecting Your Own Stem Cells Before High-Dose Treatment
Westmoor Teaching Hospitals NHS Foundation Trust, Haematology Day Unit
This leaflet is for patients whose consultant has recommended high-dose chemotherapy for their autoimmune condition.
Before that treatment we mobilise your stem cells with growth factor injections and collect them from your blood by apheresis.
The cells are frozen and given back to you through a drip after the chemotherapy, so your blood counts recover sooner.
Your care team will check with you at each step, and the nurse specialist can answer your questions.""",
 "ms_pathway": """Autologous Haematopoietic Stem Cell Transplantation for Multiple Sclerosis
Northgate University Hospital, Department of Haematology, JACIE-accredited transplant unit
Some people with highly active relapsing multiple sclerosis may be offered autologous stem cell transplantation when other treatments have failed.
Patients are referred by their neurologist, and eligibility is decided by a multidisciplinary team of neurologists and haematologists.
Your own stem cells are mobilised and collected by apheresis, then returned after conditioning chemotherapy.
You will stay on the ward until your blood counts recover.""",
}

UNPROVEN = {
 "msc_transplant_abroad": """Stem Cell Transplant for Autism and Cerebral Palsy
Our clinic in Example City offers stem cell transplant using umbilical cord mesenchymal stem cells.
Each transplant is an intravenous and intrathecal infusion of 100 million cells, given over five days.
Children with autism and cerebral palsy improve speech, eye contact and motor skills after the transplant.
Packages from $15,000 include hotel, airport transfers and a translator.
Contact our patient coordinator on WhatsApp for a free evaluation.""",
 "fat_transplant_ms": """Adipose Stem Cell Transplant for MS and Parkinson's
At Example Regenerative Medical Center we harvest fat from your abdomen and transplant your own stem cells back the same day.
The stem cell transplant helps patients with multiple sclerosis, Parkinson's disease and neuropathy regain energy and balance.
Our medical center has performed thousands of transplants. Schedule your consultation today.""",
 "marrow_knee": """Bone Marrow Stem Cell Transplant for Knees
Example Orthopedic Institute offers bone marrow stem cell transplant for knee arthritis and torn cartilage.
We draw marrow from your hip, concentrate the stem cells and inject them into the knee joint in one visit.
Most patients avoid knee replacement surgery. Call today to book your consultation.""",
 "cord_blood_autism": """Cord Blood Stem Cell Transplant for Autism
Example Cell Hospital offers cord blood stem cell transplants for children with autism, cerebral palsy and developmental delay.
Donor cord blood units are infused intravenously over three days in our hospital.
Parents report better speech and behaviour within weeks. Treatment packages start at $18,000.
Apply online for a free medical review.""",
 "mixed_menu": """Stem Cell Transplant Center
Example International Hospital offers stem cell transplant for diabetes, ALS, multiple sclerosis, autism, liver cirrhosis, heart failure and anti-aging.
Our stem cell transplants use the patient's own bone marrow cells, collected and injected in one week.
We also treat leukemia and lymphoma.
Success rate above 85%. Prices and packages on request.""",
 "organ_menu": """Stem Cell Transplant Hospital
Example Regenerative Hospital performs stem cell transplants for diabetes, kidney failure, liver cirrhosis, heart failure and COPD.
Our haematologists collect bone marrow stem cells under anaesthesia and return them by infusion after HLA testing.
We also treat leukaemia and thalassaemia.
Treatment packages include a 14-day hospital stay.""",
 "hospital_bullets": """Stem Cell Transplantation Department
Example Neurorestoration Hospital, Department of Stem Cell Transplantation
Our transplant team has treated patients from 60 countries with umbilical cord blood and bone marrow stem cells, matched by HLA typing.
Conditions:
Autism
Cerebral palsy
Spinal cord injury
Muscular dystrophy
Leukaemia
Send your medical records to our international patient office for an assessment.""",
 "stem_cells_ms_lupus": """Stem Cell Therapy for MS and Lupus
Example Wellness Clinic offers stem cell infusions for multiple sclerosis and lupus.
Stem cells have been used in transplants for leukaemia for decades; now we use them to calm the immune system.
Book your free consultation today.""",
 "stem_cells_activate": """Stem Cell Therapy for Knee Arthritis
Our stem cell therapy activates your own stem cells to heal knee arthritis without surgery.
We draw stem cells from your hip and inject them into the joint in one visit.
Call today for a consultation.""",
 "hsct_ms_abroad": """HSCT for Multiple Sclerosis in Example City
Our transplant centre offers autologous HSCT for multiple sclerosis, lupus and scleroderma.
Our transplant team mobilises and collects your stem cells by apheresis, then gives conditioning chemotherapy before the cells are returned.
Your haematologist stays with you until engraftment.
Our 28-day package costs $54,000 and includes a private room, hotel for a companion and airport transfers.
Watch our patients' video testimonials and send your MRI for a free evaluation.""",
 "hsct_lupus_private": """Stem Cell Transplant for Lupus and Crohn's Disease
Example Private Hospital, the region's leading international hospital, treats lupus and Crohn's disease with autologous stem cell transplant.
Our haematologists collect your stem cells by apheresis and return them after high-dose chemotherapy.
Patients from over 30 countries have travelled to us for treatment. Ask our international patients office for prices.""",
}

LAWFUL = {
 "prp_only": """Platelet-Rich Plasma Injections for Tendon Pain
Example Sports Clinic offers PRP injections for tennis elbow, jumper's knee and Achilles tendon pain.
We draw a small amount of your blood, spin it to concentrate the platelets and inject it under ultrasound guidance.
Platelets release growth factors and may attract your body's own repair cells to the area.
Book a PRP consultation with our sports physicians.""",
 "wound_membrane": """Advanced Wound Care
Example Wound Center treats diabetic foot ulcers and venous leg ulcers that will not heal.
For some wounds we place an amniotic membrane graft over the wound as a covering, under a dressing, at a clinic visit.
Our nurses change dressings weekly and measure the wound's size.
Ask your doctor for a referral to the wound center.""",
 "prp_hair": """PRP Hair Restoration
Example Dermatology offers platelet-rich plasma injections for thinning hair.
The growth factors in your platelets stimulate your own stem cells in the hair follicle.
Three sessions a month apart are recommended. Book online.""",
 "prp_knee_mechanism": """PRP for Knee Arthritis
Example Sports Clinic treats knee arthritis with PRP injections.
Platelets release growth factors and attract the body's natural stem cells to the damaged joint.
Most patients need one to three injections. Call us to book.""",
}
