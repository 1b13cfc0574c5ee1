"""Word lists and thresholds of recognition: how English news announces a place."""

from __future__ import annotations

import re

FAST_DISABLE: tuple[str, ...] = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")

#: Longest text accepted, spaCy's own default ``nlp.max_length``: the parser and
#: NER need about 1 GB of memory per 100,000 words; split longer inputs.
MAX_TEXT_CHARS = 1_000_000
COORD_RE = re.compile(r"\s*(?:,|,?\s*(?:and|or))\s*")
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
HEAD_SPLIT = re.compile(r"[ \-.'/]")
INITIAL_RE = re.compile(r"[A-Z]\.")
QUALIFIER_RE = re.compile(r",\s*|\s+in\s+(?:the\s+)?")
ARTICLE_RE = re.compile(r"^(?:al|el|ad|an|ar|as|ash|at|az)[- ]")
#: The Arabic article in its spellings ("Ras al-Ain", "Deir el-Balah", "Umm ar-Rasas").
ARABIC_ARTICLES = frozenset("al el ad an ar as ash at az ed en er es esh et ez".split())
#: First words of Arabic compound place names ("Tal Abyad", "Ras al-Ain", "Deir ez-Zor",
#: "Kafr Nabl", "Beit Hanoun", "Abu Kamal", "Umm Qasr", "Jisr al-Shughur"): alone,
#: a common noun ("hill", "head", "monastery") that the index also holds as a small
#: place elsewhere (Tal and Ras, India; Bani, Dominican Republic).
ARABIC_HEADS = frozenset(
    """tal tall tell tel ras deir dayr kafr kfar beit bayt bait abu umm ain ayn wadi jabal
    jebel bir jisr marj khirbet khirbat bab sidi bani qasr nahr hay hayy mina sheikh""".split()
)

# Lowercase words that may sit inside a multi-word place name ("Isle of Man",
# "Trinidad and Tobago", "Rio de Janeiro", "Stratford-upon-Avon", "Port-au-Prince",
# "Aix-en-Provence").
CONNECTORS = frozenset(
    ["of", "de", "del", "della", "di", "da", "das", "do", "dos", "du", "des", "la", "le", "les"]
    + ["el", "al", "and", "upon", "on", "sur", "am", "an", "der", "den", "y", "i"]
    + ["au", "aux", "en", "sous"]
    # the Arabic article before a sun letter: "Deir ez-Zor", "Umm ar-Rasas", "Ras ash-Shaq"
    + ["ad", "ar", "as", "ash", "at", "az", "ed", "er", "es", "esh", "et", "ez"]
    # the Persian izafat linking a name's parts: "in Omar Khel of Pul-e Khumri district"
    # ([acled-dev afg 2020-03-08]), "it seized the capital of Logar province, Pol-e Alam"
    # (Sputnik, 14 August 2021)
    + ["e", "ye", "ul"]
)
#: The compass points, written closed ("Northwest", "north-west" and "North West" fold to it).
COMPASS_POINTS = frozenset("north south east west northeast northwest southeast southwest".split())
#: The intermediate ones, which name divisions on their own (Cameroon's "North-West").
INTERMEDIATE_POINTS = COMPASS_POINTS - {"north", "south", "east", "west"}
# Prepositions that make the next capitalised name a place ("in Alexandria"), and the
# adjectives of nearness that only places take: "the junta bombed nearby Pang Law
# village" (RFA, Shan state, December 2023), "attacks into neighbouring Macomia"
# (Zitamar, Cabo Delgado, August 2022).
LOCATIVE = frozenset(
    "in at from near to into outside inside across toward towards via around throughout "
    "across within between through on over against along beyond "
    "nearby neighbouring neighboring "
    "north south east west northeast northwest southeast southwest".split()
)
# Verbs of taking or striking ground, as news and chronologies write them: the name
# right after one is the ground taken or hit ("Iraqi forces recaptured Samarra",
# [WMosul]; "Russian forces shelled Nikopol", Ukrinform 2023; Pokot raiders who
# "attacked Lokori", [acled-dev ken 2017-06-10]; "the drones hit the
# cities of Shostka and Konotop", Reuters, 22 May 2024), whatever the NER says.
GROUND_VERBS = frozenset(
    "captured recaptured seized retook liberated overran occupied shelled bombed bombarded "
    "stormed besieged raided attacked struck hit targeted entered".split()
)
# Words that make a multi-word name unmistakably geographic.
GEO_HEADS = frozenset(
    "county parish city town township village province region oblast krai raion rayon district "
    "river lake mountains mountain mount island islands valley bay sea ocean gulf coast desert "
    "peninsula strait canal state republic governorate prefecture borough".split()
)
# Words that make one feature name with the capitalised name after them ("Lake Chad",
# "Mount Kenya", "Cape Town" when the index lacks it).
FEATURE_WORDS = frozenset("lake lac mount mt cape".split())
# Single words the NER tags as places but that name no place on their own.
GENERIC = frozenset(
    "north south east west northern southern eastern western central the gulf state city "
    "county district region area midwest".split()
)
# Capitalised common nouns that the gazetteer knows as some hamlet's name but
# that in English news head an organisation, a building or a date.
STOP_NAMES = frozenset(
    """police center centre college university school hospital court council board office club
    church station hall park street road avenue drive trail lane bank bureau airport market metro
    section act day days region town city county state national federal international union
    company news times post herald press tribune journal can man may march august june july
    god jesus christmas easter monday tuesday wednesday thursday friday saturday sunday
    january february april september october november december in of no yes best home
    department ministry agency service army navy guard force forces republic people party
    welcome central west east north south sadar""".split()
)
# Capitalised words that may follow a place's own name inside a longer NER name
# without making it another name ("Mississippi State", "Mosul Dam", "Gaza Strip");
# any other capitalised word or a number does ("Mu Htaw", "Bala Buluk", "Ward 6").
# "Sadar" (headquarters) names the seat's own division in South Asia: "Narail Sadar
# upazila" ([acled-dev bgd 2023-09-13]), "Jhalokati Sadar" ([acled-dev bgd 2022-12-24]).
NAME_TAILS = frozenset(
    """airport dam bridge crossing border port base camp station countryside hills heights
    highlands plains plain basin delta corridor pass strip suburbs outskirts square metro
    metropolitan sub sadar area city town township village county province region oblast district
    state states republic governorate prefecture borough municipality upazila tehsil
    raion rayon krai division sector zone valley river lake coast island islands""".split()
)
#: What may follow a name that heads its noun phrase: punctuation or a function word.
#: A noun after it makes the name a modifier and "the" the noun's ("the Jordan
#: resident", "the Palestine city limits", "the Pacific Coast Federation").
AFTER_HEAD = re.compile(
    r"\s*(?:$|[.,;:!?)\"'’”]|(?:of|in|and|or|to|from|with|at|on|for|is|was|were|are|has|had|have"
    r"|which|that|where|when|off|near|by|since|after|before|until|but)\b)"
)
#: "the" and up to two lowercase words right before a name: "the tropical Atlantic", "the
#: insurgency-hit Tillaberi".
THE_BEFORE = re.compile(r"\bthe(?:\s+[a-z]+(?:-[a-z]+)?){0,2}\s+$", re.I)
# Landform words a region's short name drops: "Gaza" for the Gaza Strip, "the Golan"
# for the Golan Heights, "Sinai" for the Sinai Peninsula (see features._same_name).
SHORT_FORM_TAILS = frozenset("strip heights peninsula".split())
# Words before "agency" in a news agency's title ("Fars news agency", "Saudi Press
# Agency"): the name before them is the agency's (see recognize._agency_names).
AGENCY_WORDS = frozenset("news press".split())
# Weapon nouns a system's name stands before ("a Grad missile", "Tornado-S multiple
# rocket launch system"), with the words that may come between (see
# recognize._weapon_names), and the nouns after them that make the name a place again
# ("the Kharkiv missile strike").
WEAPON_NOUNS = frozenset("missile missiles rocket rockets launcher launchers".split())
WEAPON_WORDS = frozenset(
    "multiple ballistic cruise hypersonic guided anti-ship anti-tank surface-to-air".split()
)
WEAPON_EVENTS = frozenset("strike strikes attack attacks barrage barrages fire alert".split())
# Words after a place name that make the name the seat of an institution.
INSTITUTION_HEADS = frozenset(
    """police sheriff county city town township fire school schools high elementary middle
    public community hospital medical court circuit superior district municipal council
    board department state university college area regional metro chamber library
    officials residents senior man woman men women native resident officers deputies
    airport port zoo museum times post herald tribune journal daily news star gazette
    observer register courier record""".split()
)
# A name before a kind of facility is the town it stands at: "the Kati military
# camp" ([WMali], Wikipedia, 2012 Northern Mali conflict), "the Mentao refugee camp"
# ([acled-dev bfa], an ACLED note), "Bagram air base".
FACILITY_KINDS = frozenset("military army air naval refugee border".split())
FACILITY_HEADS = frozenset(
    "camp camps base bases barracks airfield post station checkpoint".split()
)
# "the town of X", "the eastern city of X", "west of X", "the outskirts of X":
# nouns and directions that make the name after "of" a place.
PLACE_NOUNS = frozenset(
    "town towns village villages city cities hamlet settlement suburb suburbs district districts "
    "province region oblast governorate municipality commune township outskirts port capital "
    "outside north south east west northeast northwest southeast southwest "
    # "its neighboring provinces of Pattani and Yala" (Khaosod English, July 2015), "the
    # regions of Mopti and Segou" (Reuters, Mali, 2019); "two more provincial capitals of
    # Tirin Kot (Uruzgan) and Firoz Koah (Ghor)" (IANS via Xinhua, August 2021), "the
    # strategically crucial capitals of northern Kunduz and Sar-e-Pol provinces" (EFE, 2021)
    "provinces regions oblasts governorates municipalities communes townships capitals".split()
)
# Acts of war done to a place: the word after their "of" is the place. "Russian
# bombardment of Kherson, recently re-taken by Ukrainian forces" (Reuters via Business
# Recorder, November 2022; the model tags Kherson a person), "the siege of Mariupol", "the
# fall of Kabul", "the recapture of Bakhmut". Ground taken is told by its control: "Rebels
# took control of Bria" (the model tags Bria a product; Wikipedia's timeline of the Central
# African Republic Civil War), "the Northern Alliance gained control of Kunduz" (Wikipedia's
# timeline of the war in Afghanistan, 2001).
ASSAULT_NOUNS = frozenset(
    """siege shelling bombardment bombing capture recapture liberation fall occupation
    invasion encirclement storming blockade control""".split()
)
# "the University of X", "the municipal school of X", "the mayor of X": institutions
# news names by their town (ACLED notes, local news); the name after "of" is a place.
INSTITUTION_OF = frozenset(
    """university hospital school college prefecture mayor governor municipality commune
    council court prison market police gendarmerie barracks camp airport station
    residents people inhabitants""".split()
)
# Lowercase nouns after a name that say which kind of area it is ("Chimtal district",
# "Twantay township", "Garissa town"): the name before them is a place. "union" is
# Bangladesh's rural council area ("Jampur union, Sonargaon upazila", [acled-dev bgd
# 2024-01-25]; "Kaliarvanga union" in another note of that set). "territory" is DR
# Congo's second level ("the village of Munzinzi in Walungu Territory of South Kivu
# Province", Eastleigh Voice of Nairobi; "Bwito chiefdom in Rutshuru territory", Sputnik via
# UrduPoint, 17 July 2023). "LGA" is Nigeria's Local Government Area ("a village of Guma
# LGA in Benue", GWN; "Kankara Local Government Area (LGA) of Katsina", Channels TV,
# March 2022).
AREA_NOUNS = frozenset(
    """district districts township town city village county province region oblast raion rayon
    governorate municipality commune department prefecture sub-district subdistrict
    tehsil upazila union ward neighbourhood neighborhood locality area sector territory
    lga""".split()
)
# Nigeria's LGA spelled out ("Kaga Local Government Area of Borno State", Cable Reporters,
# July 2020): three words that stand for the area noun "lga".
LGA_WORDS = ("local", "government", "area")
# Area nouns that name an administrative division, not a settlement.
DIVISION_NOUNS = frozenset(
    """district districts township county province region oblast raion rayon governorate
    department prefecture sub-district subdistrict tehsil upazila union state
    municipality territory lga provinces regions oblasts governorates counties
    departments prefectures""".split()
)
# Area nouns that keep their meaning capitalised, as a title ("Bago District", "Yangon
# Region"); other capitalised area nouns belong to a name ("the Culture Department").
DIVISION_TITLES = frozenset(
    """district township region province county oblast governorate raion rayon prefecture
    sub-district subdistrict upazila tehsil lga""".split()
)
# Dashes that join two place names into a road or an axis ("the Djibo-Mentao axis").
ROUTE_DASHES = frozenset(["-", "–", "—"])
# Nouns of a road or an axis named by its two ends ("the Kyiv-Chop highway").
ROUTE_NOUNS = frozenset(
    "road roads axis axes highway highways route routes corridor railway motorway track".split()
)
# People of a town named by it: the town is where they are, never a modifier that only
# says who (as "Moscow officials" may). "Mombasa youth held a demonstration" ([acled-dev
# ken 2011-04-16], the NER calls Mombasa NORP); "Kisumu residents take to the street"
# (Kenyan Mirror, a headline of 2023).
LOCAL_PEOPLE = frozenset(
    """youth youths residents villagers inhabitants locals natives traders vendors farmers
    fishermen herders students pupils families women men people""".split()
)
# Nouns after a name that make it a street's name ("Mama Ngina drive", "Jaffa Road").
STREET_NOUNS = frozenset("street road avenue drive boulevard lane highway".split())
# Prepositions that put the next name on the map even when the NER calls it an
# organisation ("near Springfield", "outside Springfield"); "in" and "at" do
# not ("in Congress", "at Harvard").
NEAR_WORDS = frozenset(["near", "outside", "around"])
# Units of a stated distance: "N km from X" puts X on the map as surely as "near X"
# does ("the mining site ... located two kilometers from Aribinda", [acled-dev bfa];
# "The village is 120km from Kathua district headquarters", a report on the Kathua
# ambush of July 2024).
DISTANCE_UNITS = frozenset("km kms kilometre kilometres kilometer kilometers mile miles".split())
# Spelling variants ("Avdiivka" for Avdiyivka): a name this long whose folded
# form is this close to a candidate's own name counts as that name.
VARIANT_MIN_CHARS = 6
VARIANT_RATIO = 0.9
# A name the NER calls an organisation is a place when one of its own
# candidates has this many people and lies this close to a settlement the
# text names ("Bakhmut" in a report on Donetsk oblast).
CONTEXT_POP = 20_000
ORG_IN_POP = 10_000
CONTEXT_KM = 100.0
LOCATIVE_POP = 1_000
OWN_CANDS = 10
# Demonyms that in news name a language far more often than a people or place.
LANGUAGE_FIRST = frozenset({"english"})
QUOTES = frozenset(['"', "“", "‘", "'", "«"])
DETERMINERS = frozenset("the a an this that its their our his her".split())
# Gazetteer prior above which a name is taken as a place even when the NER
# calls it a person (capitals, big cities, the curated theatre places).
PROMINENT_SCORE = 0.7
STRONG_POP = 100_000

# Datelines ("TROY, N.C. (AP) —", "NAIROBI, June 25 –") are read by :mod:`mapper.datelines`,
# which the incident timeline shares without loading the geoparser.

#: Titles a personal name follows ("President Kibaki", "Pope Francis", "the Rev.
#: Roy", "Lt. Brent"; a fighter's nom de guerre, "identified as Commander Cross", HumAngle,
#: September 2021): a one-word name right after one is the person's.
PERSON_TITLES = frozenset(
    """president pope rev reverend lt lieutenant sgt sergeant capt captain gen general col
    colonel maj commander cmdr admiral marshal brigadier corporal cpl mr mrs ms dr sen
    senator rep gov governor mayor judge premier king queen prince princess sheikh bishop
    archbishop cardinal imam ayatollah emir sultan""".split()
)
