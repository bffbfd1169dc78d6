#!/usr/bin/env python3
"""Generate copnet's bundled example communities (illustrative, invented data).

Everything written here is invented for teaching: the states, towns, organizations and people
do not exist, and any resemblance to real people or organizations is coincidental.

Run from the repository root:

    /usr/bin/python3 examples/data/generate.py

It rewrites, byte-identically on every run (fixed seeds, Python standard library only):

    examples/data/state-employment/{nodes,ties}.csv
    examples/data/school-behavioral-health/{nodes,ties}.csv

then checks the files it wrote (every tie endpoint exists, no self-ties, no duplicate ties,
weights in [0,1]) and prints the counts table that examples/data/README.md must carry. If the
README's table differs from the files, it says so and exits with status 1.
"""

import csv
import io
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

NODE_COLUMNS = ["id", "name", "sector", "level", "perspective", "organization", "circle",
                "stance"]
TIE_COLUMNS = ["source", "target", "kind", "weight"]
KINDS = ["authority", "influence", "collaboration"]
CIRCLES = ["core", "inner", "outer", "none"]
LEVELS = ["local", "state", "national"]


# ---- shared helpers ---------------------------------------------------------------------------

class Ties:
    """Tie rows in insertion order; drops self-ties and duplicates (collaboration unordered)."""

    def __init__(self):
        self.rows = []
        self.seen = set()

    def add(self, source, target, kind, weight):
        assert kind in KINDS, kind
        if source == target:
            return False
        key = (kind,) + (tuple(sorted((source, target))) if kind == "collaboration"
                         else (source, target))
        if key in self.seen:
            return False
        # A directed tie of a kind that already runs the other way would read oddly for
        # authority (each directs the other); keep authority one-way.
        if kind == "authority" and (kind, target, source) in self.seen:
            return False
        self.seen.add(key)
        self.rows.append([source, target, kind, weight])
        return True


def hundredths(rng, lo, hi):
    """A weight drawn uniformly from lo..hi (in hundredths), written with at most 2 decimals."""
    n = rng.randint(lo, hi)
    if n == 100:
        return "1"
    text = "%d.%02d" % (n // 100, n % 100)
    return text.rstrip("0").rstrip(".") if "." in text else text


def write_csv(path, header, rows):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(buf.getvalue())


# ---- 1. state employment CoP (hand-written, about 60 stakeholders) -----------------------------

SA, SCH, PRO, NPO, UNI, FAM, YTH = (
    "state agencies and councils", "local schools and agency services",
    "state professional organizations", "state non-profit organizations",
    "colleges and universities", "families", "youth")
DM, PR, CO = "decisionmaker", "practitioner", "consumer"

VR = "Merrivale Office of Vocational Rehabilitation"
DOE = "Merrivale Department of Education"
WDB = "Merrivale Workforce Development Board"
DDC = "Merrivale Council on Developmental Disabilities"
HHS = "Merrivale Department of Health and Human Services"
GOV = "Merrivale Governor's Employment First Commission"
ALDER = "Alder County School District"
COLD = "Coldwater Unified School District"
BRIAR = "Briar Valley High School (Alder County School District)"
VRA = "Merrivale VR, Alder Area Office"
DCES = "Dunmore Community Employment Services"
JOBC = "Elkhorn County Job Center"
MARP = "Merrivale Association of Rehabilitation Professionals"
MCSA = "Merrivale Council of Special Education Administrators"
MSCA = "Merrivale School Counselor Association"
MASE = "Merrivale Association of Supported Employment Providers"
MFRA = "Merrivale Family Resource Alliance"
MDRP = "Merrivale Disability Rights Project"
MSLC = "Merrivale Supported Living Coalition"
PTW = "Pathways to Work Merrivale"
CCIL = "Coldwater Center for Independent Living"
UOM = "University of Merrivale"
MSC = "Merrivale State College"
DCC = "Dunmore Community College"
CNTC = "Cartwright National Transition Center (Northfield Institute)"
NFN = "National Kinship Network of Families for Work"
MYLF = "Merrivale Youth Leadership Forum"

# id, name, sector, level, perspective, organization, circle, stance, role
STATE_EMPLOYMENT_NODES = [
    ("sa-01", "Harriet Quell", SA, "state", DM, VR, "core", "ally", "Director"),
    ("sa-02", "Dmitri Falkenrath", SA, "state", DM, VR, "inner", "ally", "Deputy director"),
    ("sa-03", "Lucinda Marrow", SA, "state", PR, VR, "outer", "ally", "Transition coordinator"),
    ("sa-04", "Theo Brandywine", SA, "state", PR, VR, "outer", "neutral", "Counselor supervisor"),
    ("sa-05", "Wilhelmina Stroud", SA, "state", DM, DOE, "inner", "ally",
     "State special education director"),
    ("sa-06", "Priya Vantongeren", SA, "state", PR, DOE, "core", "ally",
     "Secondary transition specialist"),
    ("sa-07", "Oswin Pettigrew", SA, "state", PR, DOE, "none", "", "Data manager"),
    ("sa-08", "Corabelle Nash", SA, "state", DM, WDB, "inner", "neutral", "Executive director"),
    ("sa-09", "Eamon Ravelstone", SA, "state", PR, WDB, "outer", "ally", "Youth programs manager"),
    ("sa-10", "Juniper Oakhollow", SA, "state", DM, DDC, "core", "ally", "Executive director"),
    ("sa-11", "Bartholomew Kinsey-Fable", SA, "state", PR, DDC, "none", "ally", "Policy analyst"),
    ("sa-12", "Ingrid Saltmarsh", SA, "state", DM, HHS, "none", "skeptic",
     "Medicaid waiver director"),
    ("sa-13", "Rufus Tamberlane", SA, "state", PR, HHS, "none", "neutral",
     "Waiver program specialist"),
    ("sa-14", "Marisol Penhallow", SA, "state", DM, GOV, "inner", "ally", "Commission chair"),
    ("sch-01", "Gideon Thornbury", SCH, "local", DM, ALDER, "none", "skeptic", "Superintendent"),
    ("sch-02", "Annika Ledbetter", SCH, "local", DM, ALDER, "inner", "ally",
     "Special education director"),
    ("sch-03", 'Sam "Coach" Lee', SCH, "local", PR, BRIAR, "outer", "ally", "Transition teacher"),
    ("sch-04", "Felicity Umberto", SCH, "local", PR, ALDER, "outer", "neutral", "Job coach"),
    ("sch-05", "Horace Windle", SCH, "local", DM, COLD, "outer", "neutral",
     "Special education director"),
    ("sch-06", "Tamsin Greaves", SCH, "local", PR, COLD, "outer", "ally", "Transition teacher"),
    ("sch-07", "Nikolai Brightwater", SCH, "local", PR, COLD, "none", "", "School counselor"),
    ("sch-08", "Delphine Arkwright", SCH, "local", DM, BRIAR, "none", "neutral", "Principal"),
    ("svc-01", "Cornelius Hapsworth", SCH, "local", DM, VRA, "outer", "ally",
     "Area office manager"),
    ("svc-02", "Rosalind Pemberly", SCH, "local", PR, VRA, "outer", "ally", "VR counselor"),
    ("svc-03", "Augustin Fairweather", SCH, "local", DM, DCES, "outer", "ally",
     "Executive director"),
    ("svc-04", "Beatrix Colquhoun", SCH, "local", PR, DCES, "none", "neutral",
     "Employment specialist"),
    ("svc-05", "Lorcan Whitlock", SCH, "local", "", JOBC, "none", "", "Youth navigator"),
    ("pro-01", "Evangeline Moss", PRO, "state", PR, MARP, "inner", "ally", "President"),
    ("pro-02", "Fitzgerald Oduya", PRO, "state", PR, MARP, "outer", "ally", "Board member"),
    ("pro-03", "Cressida Vane", PRO, "state", DM, MCSA, "outer", "neutral", "Executive director"),
    ("pro-04", "Jasper Lindqvist-Hale", PRO, "state", PR, MSCA, "none", "", "President"),
    ("pro-05", "Philippa Dunstable", PRO, "state", PR, MASE, "inner", "ally", "Chair"),
    ("pro-06", "Ignatius Marchbank", PRO, "state", PR, MASE, "none", "skeptic", "Member"),
    ("npo-01", "Ottoline Featherstone", NPO, "state", CO, MFRA, "core", "ally",
     "Executive director"),
    ("npo-02", "Remy Castellanos-Byrd", NPO, "state", CO, MFRA, "inner", "ally", "Family liaison"),
    ("npo-03", "Magnus Holloway", NPO, "state", PR, MDRP, "outer", "ally", "Director"),
    ("npo-04", "Seraphina Gould", NPO, "state", DM, MSLC, "none", "neutral", "Director"),
    ("npo-05", "Thaddeus Bellweather", NPO, "state", PR, PTW, "inner", "ally", "Program manager"),
    ("npo-06", "Ximena Alderidge", NPO, "local", PR, PTW, "outer", "ally", "Job developer"),
    ("npo-07", "Percival Ashdown", NPO, "local", DM, CCIL, "outer", "neutral", "Director"),
    ("npo-08", "Winifred Osei-Lark", NPO, "local", CO, CCIL, "none", "ally", "Peer mentor"),
    ("uni-01", "Cordelia Wainscott", UNI, "state", PR, UOM, "core", "ally",
     "Professor of special education"),
    ("uni-02", "Ambrose Kettering", UNI, "state", PR, UOM, "outer", "ally", "Research associate"),
    ("uni-03", "Henrietta Bayliss", UNI, "state", PR, MSC, "none", "ally",
     "Inclusive postsecondary program director"),
    ("uni-04", "Leopold Fenwick", UNI, "local", "", DCC, "none", "neutral",
     "Disability services coordinator"),
    ("uni-05", "Isadora Quillfeather", UNI, "national", PR, CNTC, "outer", "ally", "Director"),
    ("uni-06", "Barnaby Tollemache", UNI, "national", PR, CNTC, "outer", "neutral",
     "Technical assistance specialist"),
    ("fam-01", "Ortiz, Maria", FAM, "local", CO, "Alder County Parent Network", "inner", "ally",
     "Parent"),
    ("fam-02", "Gwendolyn Parrish", FAM, "local", CO, "Coldwater Parent Circle", "outer", "ally",
     "Parent"),
    ("fam-03", "Desmond Achterberg", FAM, "local", CO, "Alder County Parent Network", "outer",
     "neutral", "Parent"),
    ("fam-04", "Lavinia Crowther", FAM, "local", CO, "Coldwater Parent Circle", "none", "skeptic",
     "Parent"),
    ("fam-05", "Ezekiel Marchetti", FAM, "local", CO, "Alder County Parent Network", "none", "",
     "Grandparent and guardian"),
    ("fam-06", "Odalys Pennywhistle", FAM, "", CO, "Elkhorn County Family Fellowship", "none", "",
     "Parent"),
    ("fam-07", "Clementine Okonkwo-Reyes", FAM, "national", CO, NFN, "outer", "ally",
     "Board member"),
    ("yth-01", "Kai Brannigan", YTH, "state", CO, MYLF, "inner", "ally", "Youth self-advocate"),
    ("yth-02", "Marisela Dunmore", YTH, "local", CO, "Briar Valley High School", "outer", "ally",
     "Student"),
    ("yth-03", "Tobias Renwick", YTH, "local", CO, "Coldwater High School", "none", "neutral",
     "Student"),
    ("yth-04", "Ashanti Vollmer", YTH, "local", CO, DCES, "outer", "ally", "Intern"),
    ("yth-05", "Quentin Larkspur", YTH, "", CO, "Dunmore Community College", "none", "",
     "Recent graduate"),
    ("yth-06", "Noor Halvorsen", YTH, "state", CO, MYLF, "outer", "ally", "Youth council member"),
    ("yth-07", "Elio Framboise", YTH, "local", CO, "Coldwater High School", "none", "neutral",
     "Student"),
]

# Authority: the one who directs -> the one directed.
SE_AUTHORITY = [
    ("sa-01", "sa-02"), ("sa-01", "sa-03"), ("sa-02", "sa-04"), ("sa-02", "svc-01"),
    ("svc-01", "svc-02"), ("sa-04", "svc-02"), ("sa-05", "sa-06"), ("sa-05", "sa-07"),
    ("sa-08", "sa-09"), ("sa-08", "svc-05"), ("sa-10", "sa-11"), ("sa-12", "sa-13"),
    ("sch-01", "sch-02"), ("sch-01", "sch-08"), ("sch-02", "sch-03"), ("sch-02", "sch-04"),
    ("sch-08", "sch-03"), ("sch-05", "sch-06"), ("sch-05", "sch-07"), ("svc-03", "svc-04"),
    ("svc-03", "yth-04"), ("npo-01", "npo-02"), ("npo-05", "npo-06"), ("npo-07", "npo-08"),
    ("uni-01", "uni-02"), ("uni-05", "uni-06"),
]

# Influence: source -> target means the target listens to the source.
SE_INFLUENCE = {
    "npo-01": ["fam-01", "fam-02", "fam-03", "fam-05", "sa-10", "sa-06", "sch-02", "yth-01"],
    "npo-02": ["fam-02", "fam-03", "fam-04", "fam-05", "fam-06"],
    "fam-01": ["fam-02", "fam-03", "sch-03", "sch-02", "yth-02"],
    "fam-07": ["npo-01", "fam-01"],
    "pro-01": ["sa-04", "svc-02", "pro-02", "npo-05", "sa-02"],
    "pro-05": ["svc-03", "svc-04", "npo-06", "npo-05", "npo-04", "sa-01"],
    "pro-03": ["sch-02", "sch-05", "sch-01", "sa-05"],
    "pro-04": ["sch-07", "sch-03"],
    "uni-01": ["sa-06", "sch-03", "sch-06", "pro-03"],
    "uni-05": ["uni-01", "sa-06", "sa-03"],
    "uni-06": ["sa-03", "npo-05"],
    "sa-14": ["sa-01", "sa-05", "sa-08", "sa-12"],
    "yth-01": ["yth-02", "yth-03", "yth-06", "sa-06"],
    "yth-06": ["yth-07", "yth-05"],
    "npo-03": ["sa-12", "sa-10", "npo-08"],
    "sch-01": ["sch-05", "pro-06"],
    "sa-12": ["sa-08", "sa-13"],
    "npo-07": ["yth-04", "uni-04"],
    "sa-06": ["sch-02", "sch-05", "sch-06", "sch-03"],
    "sa-03": ["svc-02", "sch-04"],
    "fam-04": ["fam-03"],
}

SE_CORE_CLIQUE = ["sa-01", "sa-06", "sa-10", "npo-01", "uni-01"]
SE_COLLABORATION = [
    # core with the steering committee
    ("sa-01", "sa-02"), ("sa-01", "sa-14"), ("sa-06", "sa-05"), ("sa-06", "sch-02"),
    ("sa-10", "sa-14"), ("npo-01", "fam-01"), ("npo-01", "yth-01"), ("npo-01", "npo-02"),
    ("sa-01", "pro-05"), ("sa-06", "pro-01"), ("sa-10", "npo-05"), ("sa-06", "yth-01"),
    ("sa-01", "sa-08"), ("uni-01", "sa-05"),
    # inside the steering committee
    ("sa-08", "sa-14"), ("pro-01", "pro-05"), ("npo-05", "pro-05"), ("sch-02", "fam-01"),
    ("fam-01", "npo-02"), ("yth-01", "npo-02"), ("sa-05", "sch-02"), ("sa-02", "pro-01"),
    # the outer circle
    ("sch-03", "sch-04"), ("sch-03", "svc-02"), ("sch-04", "svc-03"), ("svc-02", "svc-03"),
    ("svc-03", "npo-05"), ("npo-06", "svc-04"), ("npo-06", "yth-04"), ("sch-06", "sch-05"),
    ("sch-06", "fam-02"), ("sch-06", "sa-06"), ("sa-09", "svc-05"), ("sa-09", "npo-05"),
    ("sa-04", "svc-01"), ("sa-07", "uni-02"), ("uni-02", "uni-03"), ("uni-03", "yth-06"),
    ("uni-05", "uni-06"), ("uni-05", "uni-01"), ("fam-03", "fam-02"), ("fam-05", "npo-02"),
    ("yth-02", "yth-03"), ("yth-03", "sch-06"), ("npo-07", "npo-08"), ("npo-03", "npo-04"),
    ("npo-04", "sa-11"), ("pro-02", "pro-01"), ("pro-03", "sa-05"), ("pro-04", "sch-07"),
    ("fam-07", "npo-01"), ("sa-03", "sch-03"), ("yth-02", "sch-03"),
    # the landscape
    ("sa-12", "sa-13"), ("sch-01", "sch-08"), ("uni-04", "npo-07"), ("svc-04", "yth-05"),
    ("fam-04", "fam-03"),
]


def state_employment(rng):
    nodes = [list(n) for n in STATE_EMPLOYMENT_NODES]
    circle = {n[0]: n[6] for n in nodes}
    ties = Ties()
    for s, t in SE_AUTHORITY:
        # Direct line management is full authority (empty weight = 1); dotted lines are weaker.
        ties.add(s, t, "authority", "" if rng.random() < 0.5 else hundredths(rng, 60, 95))
    for s, targets in SE_INFLUENCE.items():
        for t in targets:
            ties.add(s, t, "influence", hundredths(rng, 20, 90))
    pairs = [(a, b) for i, a in enumerate(SE_CORE_CLIQUE) for b in SE_CORE_CLIQUE[i + 1:]]
    for a, b in pairs + SE_COLLABORATION:
        both = {circle[a], circle[b]}
        lo = 75 if both <= {"core", "inner"} else 20 if "none" in both else 40
        ties.add(a, b, "collaboration", hundredths(rng, lo, 100))
    return nodes, ["role"], ties.rows


# ---- 2. school behavioral health CoP (generated, a few hundred stakeholders) -------------------

NAT, TAC, FED = "national organizations", "technical assistance centers", "federal agencies"

# Invented states; the two-letter codes are deliberately not real postal codes.
STATES = [
    ("BW", "Brackwater"), ("CH", "Cedarholm"), ("DS", "Dovershire"), ("EW", "Eastwold"),
    ("FR", "Fernmarch"), ("GH", "Glenhallow"), ("HB", "Highbarrow"), ("IV", "Ironvale"),
    ("JR", "Juniper Reach"), ("KM", "Kestrelmoor"), ("LM", "Lowmere"), ("MW", "Marrowdale"),
    ("NF", "Northfen"), ("QB", "Quillbrook"), ("RW", "Redwater"), ("SL", "Silverlake"),
    ("TB", "Thornbury"),
]
REAL_POSTAL = set(
    "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ "
    "NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC PR GU VI AS MP FM MH PW AA "
    "AE AP".split())

# (name, kind): kind steers whom the organization influences in the state teams.
NATIONAL_ORGS = [
    ("Guild of School Wellness Counselors", "professional"),
    ("Society for Classroom Behavior Practitioners", "professional"),
    ("Fellowship of School Social Work", "professional"),
    ("Collegium of School Psychology Practice", "professional"),
    ("Order of School Nurses for Whole-Child Health", "professional"),
    ("Assembly of Student Support Teachers", "professional"),
    ("League of School-Based Clinicians", "professional"),
    ("Circle of Special Education Practitioners", "professional"),
    ("Council of District Student Services Leaders", "administrators"),
    ("Roundtable of State Education Officers for Wellbeing", "administrators"),
    ("Conference of School Principals for Healthy Schools", "administrators"),
    ("Federation of Family Voices for Student Wellbeing", "family"),
    ("Kinfolk Network for Children's Emotional Health", "family"),
    ("Parents Together for Behavioral Health in Schools", "family"),
    ("Youth Forward Alliance for Mental Wellness", "youth"),
    ("Student Voices Collective", "youth"),
    ("Coalition for Behavioral Health Policy in Education", "policy"),
    ("Institute for Equitable School Discipline", "policy"),
    ("Forum of State Legislators on Children's Health", "policy"),
    ("Association of Community Mental Health Partners", "community"),
    ("Consortium of Pediatric Behavioral Health Providers", "community"),
]

TA_CENTERS = [
    "Meridian Center on School Mental Health Practice",
    "Tidewater Center for Positive Behavior Supports",
    "Summit Center on Family Engagement",
    "Lakeshore Center for Trauma-Informed Schools",
    "Prairie Center on Transition and Youth Voice",
    "Harborlight Center for Data-Based Decision Making",
    "Cobalt Center for Early Intervention Services",
    "Granite Center on Dropout Prevention and Reengagement",
]

FEDERAL_OFFICE = "Federal Office for Student Support Programs"
CONVENING_OFFICE = "Convening Partnership Office"

FIRST = [
    "Ada", "Alaric", "Amara", "Anselm", "Aurelia", "Basil", "Bettina", "Bram", "Calla", "Caspian",
    "Celeste", "Cyrus", "Dahlia", "Dorian", "Elowen", "Emrys", "Esme", "Ferris", "Fiona", "Florian",
    "Galen", "Greer", "Hazel", "Hollis", "Idris", "Imogen", "Isla", "Jonah", "Juno", "Kasimir",
    "Keziah", "Leander", "Lenora", "Linus", "Lysander", "Mabel", "Mireille", "Nell", "Niamh",
    "Octavia", "Orin", "Perpetua", "Quinlan", "Rhiannon", "Roscoe", "Saoirse", "Silas", "Solveig",
    "Tallulah", "Tobiah", "Ulla", "Valentin", "Wren", "Xavi", "Yusuf", "Zinnia", "Aziz", "Bao",
    "Chidi", "Daria", "Emeka", "Farah", "Hiroko", "Ines", "Jovan", "Kalani", "Lucia", "Marek",
    "Nadia", "Oluwaseun", "Paloma", "Rafferty", "Sunniva", "Tariq", "Veda", "Wilder",
]
LAST = [
    "Abernathy", "Ashgrove", "Balthazar", "Blackwood", "Bramblecote", "Calloway", "Cinderby",
    "Copperfield", "Dewhurst", "Dunraven", "Elderberry", "Everhart", "Fairbanks", "Fennimore",
    "Foxglove", "Gallowglass", "Goldthwaite", "Hartwell", "Hawthorne", "Hollingsworth", "Ibarra",
    "Ingleby", "Jessamine", "Kilbride", "Kingsley", "Larchmont", "Lockridge", "Merriweather",
    "Mistlethwaite", "Nettlefold", "Northcott", "Oakenshaw", "Okereke", "Pembrook", "Quarrington",
    "Ravensworth", "Rosebury", "Saltonstall", "Silverthorne", "Stonebridge", "Tenpenny",
    "Thistlewood", "Underhill", "Vandermeer", "Wakefield", "Whitcombe", "Wolverton", "Yarborough",
    "Zeller", "Achebe-Lund", "Bhattacharya-Hobbs", "Castellano", "Delacroix-Fenn", "Haverkamp",
    "Moreau-Tan", "Nakamura-Birch", "Oyelaran", "Petrakis", "Quintero", "Sorensen-Vale",
]
TOWN_HEAD = ["Ash", "Birch", "Clay", "Elm", "Fox", "Hollow", "Maple", "Mill", "Oak", "Pine",
             "Red", "Stone", "Willow", "Wolf", "Bright", "Cold", "Deep", "Fair", "Green", "High"]
TOWN_TAIL = ["brook", "field", "ford", "haven", "ridge", "ton", "wood", "dale", "port", "view"]

# Team member kinds: sector, level, perspective, organization template, roles.
# {S} = state name, {T} = the team's school district town.
MEMBER_KINDS = {
    "sa_lead": (SA, "state", DM, "{S} Department of Education",
                ["State director of student support services"]),
    "sa_doe": (SA, "state", PR, "{S} Department of Education",
               ["School mental health coordinator", "Behavior specialist", "Policy analyst"]),
    "sa_bh_head": (SA, "state", DM, "{S} Office of Behavioral Health",
                   ["Children's services director"]),
    "sa_bh": (SA, "state", PR, "{S} Office of Behavioral Health",
              ["Program manager", "Prevention specialist"]),
    "dist_head": (SCH, "local", DM, "{T} School District", ["Director of student services"]),
    "dist": (SCH, "local", PR, "{T} School District",
             ["School psychologist", "School social worker", "School counselor", "Teacher",
              "School nurse"]),
    "cmhc": (SCH, "local", PR, "{T} Community Mental Health Center", ["School-based clinician"]),
    "fam_state": (FAM, "state", CO, "{S} Family Alliance", ["Family leader"]),
    "fam_local": (FAM, "local", CO, "{T} Parent Council", ["Parent"]),
    "youth_state": (YTH, "state", CO, "{S} Youth Voice Council", ["Youth leader"]),
    "youth_local": (YTH, "local", CO, "{T} High School", ["Student"]),
    "prof": (PRO, "state", PR, "{S} Association of School Counselors",
             ["President", "Board member"]),
    "univ": (UNI, "state", PR, "University of {S}", ["Associate professor", "Clinical faculty"]),
    "npo": (NPO, "state", PR, "{S} Children's Mental Health Coalition", ["Policy director"]),
}
MEMBER_ORDER = list(MEMBER_KINDS)  # heads come before their staff
TEAM_BASE = ["sa_lead", "dist_head", "dist", "fam_state", "youth_local", "prof"]
TEAM_EXTRA = [("sa_doe", 4), ("sa_bh_head", 1), ("sa_bh", 2), ("dist", 4), ("cmhc", 2),
              ("fam_local", 3), ("youth_state", 2), ("prof", 1), ("univ", 2), ("npo", 2)]

# Landscape non-members (circle none) around each state team; {U} = a second town.
LANDSCAPE_KINDS = [
    (SCH, "local", DM, "{U} School District", "Superintendent"),
    (SA, "state", DM, "{S} Department of Juvenile Services", "Deputy commissioner"),
    (SA, "state", DM, "{S} Medicaid Office", "Medicaid policy lead"),
    (FAM, "local", CO, "{U} Parent Council", "Parent"),
    (YTH, "local", CO, "{U} High School", "Student"),
    (UNI, "state", DM, "{S} State College", "Dean of education"),
    (NPO, "", "", "{S} Neighborhood Network", "Community advocate"),
]
NATIONAL_LANDSCAPE = [
    (NAT, "national", DM, "Brightmoor Foundation for Children", "Program officer"),
    (FED, "national", DM, "Federal Office of Juvenile Programs", "Deputy director"),
    (NAT, "national", PR, "National Board of Pediatric Behavioral Health", "Policy fellow"),
    (NAT, "national", "", "Periwinkle Press", "Education reporter"),
]


def school_behavioral_health(rng):
    assert not REAL_POSTAL & {code for code, _ in STATES}
    used_names = set()

    def person():
        while True:
            name = "%s %s" % (rng.choice(FIRST), rng.choice(LAST))
            if name not in used_names:
                used_names.add(name)
                return name

    towns = [h + t for h in TOWN_HEAD for t in TOWN_TAIL]
    rng.shuffle(towns)

    nodes = []      # rows: id, name, sector, level, perspective, organization, circle, stance,
    #                       state, team, role
    info = {}       # id -> dict for the tie rules

    def add(nid, name, sector, level, perspective, org, circle, state, team, role, group,
            kind=""):
        if circle == "core":
            stance = "ally"
        elif circle == "none":
            stance = "skeptic" if rng.random() < 0.3 else rng.choice(["neutral", "", "ally"])
        elif circle == "inner":
            stance = "ally" if rng.random() < 0.8 else "neutral"
        else:
            r = rng.random()
            stance = ("skeptic" if r < 0.04 else "ally" if r < 0.55
                      else "neutral" if r < 0.85 else "")
        nodes.append([nid, name, sector, level, perspective, org, circle, stance, state, team,
                      role])
        info[nid] = {"sector": sector, "level": level, "org": org, "circle": circle,
                     "group": group, "kind": kind, "perspective": perspective}

    # Convening staff (core) and the federal office.
    convening = ["cv-01", "cv-02", "cv-03"]
    for i, nid in enumerate(convening):
        add(nid, person(), NAT, "national", [DM, PR, PR][i], CONVENING_OFFICE, "core", "",
            "convening staff", ["Partnership director", "Convening coordinator",
                                "Community facilitator"][i], "cv")
    federal = ["fed-01", "fed-02", "fed-03", "fed-04"]
    for i, nid in enumerate(federal):
        add(nid, person(), FED, "national", DM, FEDERAL_OFFICE, "outer", "", "federal",
            "Office director" if i == 0 else "Project officer", "fed")

    # TA centers: 2-3 people each; five leads sit in the core group, three in the inner circle.
    ta_groups = []
    for c, center in enumerate(TA_CENTERS, start=1):
        size = rng.randint(2, 3)
        ids = []
        for k in range(size):
            nid = "ta%d-%d" % (c, k + 1)
            circle = ("core" if c <= 5 else "inner") if k == 0 else "outer"
            add(nid, person(), TAC, "national", DM if k == 0 else PR, center, circle, "",
                "TA centers", "Center director" if k == 0 else "Technical assistance specialist",
                "ta%d" % c)
            ids.append(nid)
        ta_groups.append(ids)

    # National organizations: 2-4 people each; the lead sits on the steering committee.
    org_groups = []
    for o, (org, okind) in enumerate(NATIONAL_ORGS, start=1):
        size = rng.randint(2, 4)
        ids = []
        for k in range(size):
            nid = "no%02d-%d" % (o, k + 1)
            if okind in ("family", "youth"):
                perspective = CO
            else:
                perspective = DM if k == 0 else PR
            add(nid, person(), NAT, "national", perspective, org, "inner" if k == 0 else "outer",
                "", "national organizations",
                ("Executive director" if k == 0 else
                 rng.choice(["Policy associate", "Member services lead", "Program manager",
                             "Board member"])),
                "no%02d" % o, okind)
            ids.append(nid)
        org_groups.append((okind, ids))

    # State teams: 6-12 members; the state lead sits on the steering committee.
    teams = []
    landscape_by_state = []
    for s, (code, sname) in enumerate(STATES):
        town, town2 = towns[2 * s], towns[2 * s + 1]
        size = rng.randint(6, 12)
        kinds = list(TEAM_BASE)
        pool = [k for k, w in TEAM_EXTRA for _ in range(w)]
        while len(kinds) < size:
            k = rng.choice(pool)
            if k == "sa_bh_head" and k in kinds:
                continue
            kinds.append(k)
        kinds.sort(key=MEMBER_ORDER.index)
        ids = []
        team = "%s state team" % code
        for i, k in enumerate(kinds, start=1):
            sector, level, perspective, org, roles = MEMBER_KINDS[k]
            nid = "%s-%02d" % (code.lower(), i)
            add(nid, person(), sector, level, perspective,
                org.replace("{S}", sname).replace("{T}", town),
                "inner" if k == "sa_lead" else "outer", code, team, rng.choice(roles),
                code, k)
            ids.append(nid)
        # Landscape: 1-3 non-members with an interest in the issue, no team.
        extra = []
        for j, lk in enumerate(rng.sample(LANDSCAPE_KINDS, rng.randint(1, 3)), start=1):
            sector, level, perspective, org, role = lk
            nid = "%s-x%d" % (code.lower(), j)
            add(nid, person(), sector, level, perspective,
                org.replace("{S}", sname).replace("{U}", town2), "none", code, "", role,
                code + "-landscape")
            extra.append(nid)
        teams.append(ids)
        landscape_by_state.append(extra)
    national_landscape = []
    for j, (sector, level, perspective, org, role) in enumerate(NATIONAL_LANDSCAPE, start=1):
        nid = "nat-x%d" % j
        add(nid, person(), sector, level, perspective, org, "none", "", "", role, "landscape")
        national_landscape.append(nid)

    # Two names that need RFC 4180 quoting.
    by_id = {n[0]: n for n in nodes}
    by_id["bw-03"][1] = "Achterberg, Lotte"
    by_id["no02-2"][1] = 'Dana "DJ" Whitfield'

    ties = Ties()
    authority = lambda s, t: ties.add(s, t, "authority",
                                      "" if rng.random() < 0.3 else hundredths(rng, 60, 100))
    influence = lambda s, t, lo=20, hi=85: ties.add(s, t, "influence", hundredths(rng, lo, hi))
    collab = lambda a, b, lo=30, hi=100: ties.add(a, b, "collaboration", hundredths(rng, lo, hi))

    # -- authority: inside organizations, the head directs the staff.
    authority("cv-01", "cv-02")
    authority("cv-01", "cv-03")
    for nid in federal[1:]:
        authority("fed-01", nid)
    for c, ids in enumerate(ta_groups):
        for nid in ids[1:]:
            authority(ids[0], nid)
        # The federal project officers direct the funded TA centers.
        authority(federal[1 + c % 3], ids[0])
    for okind, ids in org_groups:
        for nid in ids[1:]:
            authority(ids[0], nid)
    for ids in teams:
        groups = {}
        for nid in ids:
            groups.setdefault(info[nid]["org"], []).append(nid)
        for members in groups.values():
            head = members[0]
            if info[head]["perspective"] == DM:
                for nid in members[1:]:
                    authority(head, nid)

    # -- influence: national organizations and TA centers reach into the state teams.
    state_members = [nid for ids in teams for nid in ids]
    leads = [ids[0] for ids in teams]
    wants = {
        "professional": {PRO, SCH, UNI},
        "administrators": {SA, SCH},
        "family": {FAM},
        "youth": {YTH},
        "policy": {SA, NPO},
        "community": {SCH, NPO},
    }
    for okind, ids in org_groups:
        matching = [n for n in state_members if info[n]["sector"] in wants[okind]]
        for k, nid in enumerate(ids):
            count = rng.randint(3, 7) if k == 0 else rng.randint(1, 3)
            for _ in range(count):
                pool = matching if rng.random() < 0.75 else state_members
                influence(nid, rng.choice(pool))
    for ids in ta_groups:
        for t in rng.sample(leads, rng.randint(5, 9)):
            influence(ids[0], t, 40, 90)
        for nid in ids[1:]:
            for t in rng.sample(state_members, rng.randint(3, 6)):
                influence(nid, t)
    for nid in federal:
        for ids in ta_groups:
            if rng.random() < 0.4:
                influence(nid, ids[0], 30, 80)
    for nid in rng.sample(leads, 8):
        influence("cv-01", nid, 40, 90)
    for okind, ids in org_groups:
        influence("cv-02", ids[0], 30, 80)
    # Within each team: family leaders lead with influence; the lead and the professional
    # association reach the practitioners.
    for ids in teams:
        for nid in ids:
            k = info[nid]["kind"]
            others = [m for m in ids if m != nid]
            if k in ("fam_state", "fam_local"):
                for t in rng.sample(others, min(len(others), rng.randint(1, 3))):
                    influence(nid, t, 40, 90)
            elif k == "sa_lead":
                for t in rng.sample(others, min(len(others), rng.randint(2, 4))):
                    influence(nid, t)
            elif k in ("prof", "univ"):
                practitioners = [m for m in others if info[m]["kind"] in ("dist", "cmhc")]
                for t in practitioners:
                    if rng.random() < 0.6:
                        influence(nid, t)
    # The landscape: non-members are influential in places (and some are skeptics).
    for s, extra in enumerate(landscape_by_state):
        for nid in extra:
            for t in rng.sample(teams[s], rng.randint(1, 2)):
                influence(nid, t, 20, 70)
    for nid in national_landscape:
        for t in rng.sample(state_members + [ids[0] for _, ids in org_groups],
                            rng.randint(1, 3)):
            influence(nid, t, 10, 60)

    # -- collaboration: inside teams and organizations, and across boundaries.
    for ids in teams:
        for i, a in enumerate(ids):
            for b in ids[i + 1:]:
                if rng.random() < 0.45:
                    collab(a, b, 40, 100)
    for ids in [g for _, g in org_groups] + ta_groups:
        for i, a in enumerate(ids):
            for b in ids[i + 1:]:
                collab(a, b, 50, 100)
    core = convening + [ids[0] for ids in ta_groups[:5]]
    for i, a in enumerate(core):
        for b in core[i + 1:]:
            collab(a, b, 70, 100)
    # Convening staff work with the steering committee, split between them.
    for nid in leads:
        collab("cv-02", nid, 50, 95)
    for _, ids in org_groups:
        collab("cv-03", ids[0], 50, 95)
    for ids in ta_groups[5:]:
        collab("cv-01", ids[0], 50, 95)
    for nid in federal[1:]:
        collab("cv-01", nid, 40, 90)
    # Across state teams: leads and like members (families with families, youth with youth).
    for a in leads:
        for b in rng.sample(leads, 3):
            collab(a, b, 30, 90)
    for sector in (FAM, YTH, SCH, PRO):
        members = [n for n in state_members if info[n]["sector"] == sector]
        for _ in range(len(members) // 3):
            a, b = rng.sample(members, 2)
            if info[a]["group"] != info[b]["group"]:
                collab(a, b, 20, 80)
    # National organizations with each other and with state teams; TA centers with teams.
    nat_leads = [ids[0] for _, ids in org_groups]
    for a in nat_leads:
        for b in rng.sample(nat_leads, rng.randint(2, 4)):
            collab(a, b, 30, 90)
        for b in rng.sample(state_members, rng.randint(1, 3)):
            collab(a, b, 20, 80)
    for ids in ta_groups:
        for nid in ids:
            for b in rng.sample(state_members, rng.randint(2, 4)):
                collab(nid, b, 30, 90)
    # A few landscape collaborations.
    for s, extra in enumerate(landscape_by_state):
        for nid in extra:
            if rng.random() < 0.4:
                collab(nid, rng.choice(teams[s]), 10, 60)

    return nodes, ["state", "team", "role"], ties.rows


# ---- checks and counts ------------------------------------------------------------------------

def check_and_count(directory):
    with open(os.path.join(directory, "nodes.csv"), encoding="utf-8", newline="") as f:
        nodes = list(csv.DictReader(f))
    with open(os.path.join(directory, "ties.csv"), encoding="utf-8", newline="") as f:
        ties = list(csv.DictReader(f))
    ids = [n["id"] for n in nodes]
    assert len(ids) == len(set(ids)), "duplicate ids"
    known = set(ids)
    seen = set()
    for t in ties:
        s, d, k, w = t["source"], t["target"], t["kind"], t["weight"]
        assert s in known and d in known, t
        assert s != d, t
        assert k in KINDS, t
        key = (k, min(s, d), max(s, d)) if k == "collaboration" else (k, s, d)
        assert key not in seen, t
        seen.add(key)
        if w:
            assert 0 <= float(w) <= 1 and len(w.partition(".")[2]) <= 2, t
    for n in nodes:
        assert n["level"] in LEVELS + [""], n
        assert n["circle"] in CIRCLES, n
        assert n["stance"] in ("ally", "neutral", "skeptic", ""), n
        assert n["perspective"] in ("decisionmaker", "practitioner", "consumer", ""), n
    counts = {"stakeholders": len(nodes)}
    for k in KINDS:
        counts[k] = sum(t["kind"] == k for t in ties)
    for c in CIRCLES:
        counts[c] = sum(n["circle"] == c for n in nodes)
    counts["skeptic"] = sum(n["stance"] == "skeptic" for n in nodes)
    for lv in LEVELS:
        counts[lv] = sum(n["level"] == lv for n in nodes)
    counts["unknown level"] = sum(n["level"] == "" for n in nodes)
    counts["empty weight"] = sum(t["weight"] == "" for t in ties)
    return counts


TABLE_ROWS = [
    ("stakeholders (rows of nodes.csv)", "stakeholders"),
    ("authority ties (rows)", "authority"),
    ("influence ties (rows)", "influence"),
    ("collaboration ties (rows, one per pair)", "collaboration"),
    ("circle core", "core"),
    ("circle inner", "inner"),
    ("circle outer", "outer"),
    ("circle none (landscape, not members)", "none"),
    ("skeptics (stance skeptic)", "skeptic"),
    ("level local", "local"),
    ("level state", "state"),
    ("level national", "national"),
    ("level unknown (empty)", "unknown level"),
]


def counts_table(a, b):
    lines = ["| count | state-employment | school-behavioral-health |", "|---|---:|---:|"]
    for label, key in TABLE_ROWS:
        lines.append("| %s | %d | %d |" % (label, a[key], b[key]))
    return "\n".join(lines) + "\n"


def main():
    communities = [
        ("state-employment", state_employment, 20240611),
        ("school-behavioral-health", school_behavioral_health, 20240612),
    ]
    counts = []
    for name, build, seed in communities:
        nodes, extra, ties = build(random.Random(seed))
        directory = os.path.join(HERE, name)
        write_csv(os.path.join(directory, "nodes.csv"), NODE_COLUMNS + extra, nodes)
        write_csv(os.path.join(directory, "ties.csv"), TIE_COLUMNS, ties)
        counts.append(check_and_count(directory))
    table = counts_table(*counts)
    sys.stdout.write(table)
    readme = os.path.join(HERE, "README.md")
    if os.path.exists(readme):
        with open(readme, encoding="utf-8") as f:
            if table not in f.read():
                sys.stderr.write("examples/data/README.md: the counts table does not match the "
                                 "generated files; paste the table above into it\n")
                return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
