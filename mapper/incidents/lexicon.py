"""The words events are told with, grouped by what ACLED's codebook defines them by.

ACLED's codebook types an event by *what was done* (armed clash, remote
violence by its means, an attack on civilians, a demonstration, a riot, a
strategic development), *by whom* and *against whom*. Each set below holds
the lemmas of one such definition, taken from the codebook's own wording and
the common vocabulary of wire copy and chronologies, never from one sentence.
Real examples of each class, from different sources, are cited beside it by
the keys listed in :mod:`mapper.incidents` (Wikipedia chronologies, CC BY-SA,
and Voice of America reports, public domain, are quoted; ``acled-dev`` notes
and ``news-dev`` reports are cited by set and date or number, never quoted).

Examples
--------
>>> "ied" in EXPLOSIVE and "shelling" in SHELLING and "rally" in PROTEST
True
"""

from __future__ import annotations

__all__ = [
    "ABDUCT",
    "AFTERMATH",
    "AGREEMENT",
    "AIR",
    "ARMED_STATE",
    "ARMED_NONSTATE",
    "ARREST",
    "ATTACK",
    "BASE",
    "CAPTURE",
    "CHEMICAL",
    "CIVILIAN",
    "CLASH",
    "GUNFIGHT",
    "COMMUNAL",
    "FAITHFUL",
    "CROWD",
    "CROWD_VIOLENCE",
    "DECLARE",
    "DENY",
    "DIE",
    "DISRUPT",
    "FOUND",
    "EXPLOSIVE",
    "GRENADE",
    "GROUP_CHANGE",
    "INJURE",
    "INTERVENE",
    "IRREALIS",
    "KILL",
    "LABOUR",
    "LETHAL",
    "LIGHT_VERBS",
    "LOOT",
    "MODALS",
    "PERSON_ROLES",
    "PROPERTY",
    "PROTEST",
    "PROTESTER",
    "REPORT",
    "SECURITY_SITE",
    "SEXUAL",
    "SHELLING",
    "SPORT",
    "SUICIDE",
    "TRANSFER",
    "TREND",
    "WEAPONS",
    "POLICE",
]

# ---------------------------------------------------------------- means of remote violence
# Codebook, Explosions/Remote violence: "one-sided violent events in which the tool for
# engaging in conflict creates asymmetry by taking away the ability of the target to
# respond"; the sub-event type is the means.

#: Shelling/artillery/missile attack. Shown on [WSyria] "Israel shelled two Syrian bases",
#: [WFARC] "FARC guerrillas ... launch artillery pieces against several police stations",
#: [acled-dev mmr 2021-06-08].
SHELLING = frozenset(
    {
        "shell", "shelling", "artillery", "mortar", "rocket", "missile", "howitzer",
        "bombardment", "bombard", "barrage", "salvo", "grad", "katyusha", "cannon",
        "projectile", "shellfire", "mlrs", "rpg", "rpgs",
    }
)  # fmt: skip

#: Air/drone strike. Shown on [WSyria] "Syrian airstrikes reportedly hit an area near ...
#: Arsal", [WSudan23] "the Sudanese Air Force conducted airstrikes on RSF positions",
#: [acled-dev bfa 2020-08-26].
AIR = frozenset(
    {
        "airstrike", "air-strike", "drone", "uav", "warplane", "aircraft", "jet", "helicopter",
        "gunship", "bomber", "air", "aerial", "airforce", "plane", "sortie",
    }
)  # fmt: skip

#: Remote explosive/landmine/IED. Shown on [WFARC] "The soldiers were ambushed with
#: landmines", [WBokoHaram] "a bomb attack outside a barracks in Abuja kills four
#: civilians", [acled-dev bfa 2019-03-17].
EXPLOSIVE = frozenset(
    {
        "ied", "ieds", "vbied", "landmine", "mine", "bomb", "explosive", "explosion", "blast",
        "detonate", "explode", "booby", "device", "car-bomb", "bombing",
    }
)  # fmt: skip

#: Suicide bomb. Shown on [VOA19] "militants detonated a suicide car bomb at the El-Salin
#: military base", [VOA17] "detonated two suicide car bombs at a military checkpoint".
SUICIDE = frozenset({"suicide", "self-detonate", "self-detonated"})

#: Grenade. Shown on [acled-dev ken 2013-12-14] and [acled-dev mmr 2021-08-27] (grenades
#: thrown at a bus and at a clinic).
GRENADE = frozenset({"grenade", "grenades"})

#: Chemical weapon.
CHEMICAL = frozenset({"sarin", "chlorine", "chemical"})

#: Words that name a weapon without saying how it was used (for Disrupted weapons use).
WEAPONS = frozenset(
    {
        "weapon", "arm", "arms", "ammunition", "gun", "rifle", "firearm", "explosive", "ied",
        "bomb", "grenade", "mine", "landmine", "cache", "missile", "rocket", "drone",
    }
)  # fmt: skip

# ---------------------------------------------------------------- violent acts

#: Battles/Armed clash: "a violent interaction between two politically organised armed
#: groups". Shown on [WYemen] "the troops loyal to Hadi clashed with those who refused to
#: recognize his authority", [WBokoHaram] "clashes between Boko Haram militants and Nigerian
#: soldiers", [acled-dev afg 2020-03-04].
CLASH = frozenset(
    {
        "clash", "fighting", "fight", "battle", "gunfight", "firefight", "shootout",
        "shoot-out", "skirmish", "combat", "hostility", "crossfire", "engage", "engagement",
        "exchange", "gunbattle",
    }
)  # fmt: skip

#: An exchange of fire: both sides shoot, so no side is an unarmed crowd, whatever it is
#: called (ACLED's Battles are between armed, organised groups). Shown on "a youth, stated
#: to be a village volunteer, was killed in a gunfight with unidentified men" (National
#: Herald, Manipur, December 2023) and "Armed vigilantes in southern Mexico killed a man in
#: a shoot-out with a group of men they described as criminals" (AP via the Irish
#: Independent, February 2013).
GUNFIGHT = frozenset(
    {"gunfight", "firefight", "shootout", "shoot-out", "gunbattle", "exchange", "crossfire"}
)

#: An attack, one side on another: its target decides Battles or Violence against
#: civilians. Shown on [VOA17] "heavily armed militants attacked the base", [WFARC] "FARC
#: guerrillas attack police station in Norte de Santander", [acled-dev bfa 2020-07-19].
#: Ramming with a vehicle is an attack too: [news-dev 07], militants ramming security
#: officers with their vehicle, Reuters, Islamabad, 10 December 2007: "A suicide bomber
#: rammed a car packed with explosives into a schoolbus".
ATTACK = frozenset(
    {
        "attack", "raid", "assault", "ambush", "storm", "strike", "target", "hit", "fire",
        "shoot", "gun", "open", "overrun", "invade", "incursion", "offensive", "counterattack",
        "counter-attack", "counteroffensive", "counter-offensive", "bomb", "pound", "rake",
        "besiege", "siege", "ram",
    }
)  # fmt: skip

#: Killing; with an agent it is an attack, without one an outcome. Shown on [WBokoHaram]
#: "Mohammed Yusuf ... is summarily executed by Nigerian soldiers", [WKishishe] "at least 171
#: civilians were summarily executed", [acled-dev bfa 2019-02-01].
KILL = frozenset(
    {
        "kill", "murder", "assassinate", "execute", "behead", "decapitate", "massacre",
        "slaughter", "lynch", "stab", "hack", "butcher", "slay", "shoot", "gun", "burn",
        "beat", "strangle", "neutralise", "neutralize", "eliminate", "liquidate",
    }
)  # fmt: skip

#: Outcomes: deaths. E.g. "five people died"; "the death toll rose to 14".
#: The dead, however named; South Asian and Middle Eastern outlets call them martyrs
#: ("Twelve soldiers were martyred", Daily Pakistan, November 2024; "we pray for these
#: martyrs and for the wounded", the Egyptian church after an attack, GWN).
DIE = frozenset(
    {
        "die", "dead", "death", "toll", "fatality", "casualty", "body", "corpse", "perish",
        "martyr", "martyred", "martyrdom",
    }
)  # fmt: skip

#: Outcomes: injuries.
INJURE = frozenset({"injure", "wound", "hurt", "injury", "wounded", "injured", "maim"})

#: Violence against civilians/Abduction or forced disappearance. Shown on [WFARC] "General
#: Ruben Dario Alzate was Kidnapped by FARC in a small village", [acled-dev ken 2015-11-16].
ABDUCT = frozenset({"abduct", "kidnap", "abduction", "kidnapping", "hostage", "disappear"})

#: Violence against civilians/Sexual violence.
SEXUAL = frozenset({"rape", "sexual", "molest", "gang-rape"})

#: Territory changing hands by force: Battles, "Government regains territory" or
#: "Non-state actor overtakes territory" by who takes it. Shown on [WSyria] "ISIS forces
#: captured the Tabqa airbase from the Syrian military", [WSyria] "Al-Nusra Front retook the
#: Syria border crossing", [acled-dev ken 2017-10-23].
CAPTURE = frozenset(
    {
        "capture", "seize", "retake", "recapture", "regain", "liberate", "overrun", "occupy",
        "control", "takeover", "fall",
    }
)  # fmt: skip

# ---------------------------------------------------------------- crowds

#: Protests: "a public demonstration in which the participants do not engage in
#: violence". Shown on [WUkraine] "Demonstrators in Mariupol also protested in front of
#: regional offices", [WMali] "Large-scale protests ... take place in Bamako",
#: [acled-dev bgd 2024-02-10].
PROTEST = frozenset(
    {
        "protest", "demonstrate", "demonstration", "rally", "march", "sit-in", "picket",
        "vigil", "strike", "walkout", "gathering", "procession", "blockade", "boycott",
        "demo", "agitation", "hartal", "gherao",
    }
)  # fmt: skip

#: People in a demonstration. Not activists or campaigners: people who campaign are not
#: a crowd in the street unless the text says they demonstrate, and news cites them as
#: sources ("Syrian opposition activists said" an airstrike killed 10, AP on Maaret
#: al-Numan, 2 December 2019) and names them as victims ([acled-dev bfa 2017-10-13], the
#: assassination of a local activist; [acled-dev ken 2013-05-01] "beats and
#: injures activist Boniface Mwangi": ACLED codes both as attacks on civilians, in CIVILIAN).
PROTESTER = frozenset(
    {
        "protester", "protestor", "demonstrator", "marcher", "picketer",
    }
)  # fmt: skip

#: Riots: "violent events where demonstrators or mobs engage in disruptive acts". Shown on
#: [FLibya] "more than 400 protesters ... set fire to the police station", [WUkraine]
#: "Demonstrators supporting Russia vandalized the parliament building", [acled-dev bgd
#: 2023-10-29].
CROWD_VIOLENCE = frozenset(
    {
        "riot", "rampage", "vandalise", "vandalize", "ransack", "torch", "burn", "set",
        "stone", "pelt", "throw", "hurl", "smash", "barricade", "loot", "clash", "attack",
        "lynch", "beat", "destroy", "damage", "block", "storm",
    }
)  # fmt: skip

#: Crowds that act without a demonstration: Riots/Mob violence. Shown on [WBokoHaram] "381
#: people are killed in sectarian rioting between Christians and Muslims in Jos",
#: [acled-dev bfa 2013-03-18], [acled-dev ken 2019-12-25].
CROWD = frozenset({"mob", "crowd", "rioter", "youth", "vigilante", "villager", "resident", "local"})

#: Intervention in a demonstration: Protests/Protest with intervention. Shown on
#: [acled-dev bfa 2012-03-01], [acled-dev ken 2016-11-30] (demonstrators dispersed with
#: tear gas), [news-dev 06] (marchers detained).
INTERVENE = frozenset(
    {
        "disperse", "teargas", "tear", "cannon", "baton", "baton-charge", "arrest", "detain",
        "break", "rubber", "pellet", "charge", "crackdown", "clampdown",
    }
)  # fmt: skip

#: Lethal force on demonstrators: Protests/Excessive force against protesters.
LETHAL = frozenset({"live", "ammunition", "bullet", "kill", "shoot"})

#: A quarrel a clash is fought over: with no armed actor, the clash is mob violence (ACLED's
#: Riots/Mob violence). "a clash between two villages in a land dispute at Noney district"
#: (The Sangai Express, Imphal, September), "a group clash over a land dispute between two
#: villages" (Orissa Post, June 2022).
DISPUTE = frozenset({"dispute", "feud", "rivalry", "altercation", "quarrel", "argument"})

#: Labour action: a "strike" that is a protest, not an attack.
LABOUR = frozenset(
    {
        "worker", "teacher", "doctor", "nurse", "union", "staff", "employee", "driver",
        "hunger", "general", "labour", "labor", "student", "lecturer", "trader", "miner",
        "transporter", "intern", "medic",
    }
)  # fmt: skip

# ---------------------------------------------------------------- strategic developments

#: Strategic developments/Arrests. Shown on [WMoSo] "members of the Myanmar Army tortured
#: and arrested local villagers", [acled-dev bfa 2018-11-16].
ARREST = frozenset({"arrest", "detain", "apprehend", "nab", "custody", "round", "capture"})

#: Strategic developments/Looting or property destruction. Shown on [WKishishe] "the
#: assailants looted medical centers", [WMarawi] "set fire to Saint Mary's Cathedral",
#: [acled-dev ken 2018-09-14], [acled-dev bfa 2018-12-17].
LOOT = frozenset(
    {
        "loot", "pillage", "plunder", "steal", "rob", "rustle", "raze", "torch", "burn",
        "destroy", "demolish", "vandalise", "vandalize", "ransack", "cart", "seize", "set",
        "theft", "robbery", "arson",
    }
)  # fmt: skip

#: Verbs of a weapon found or taken: disrupted weapons use when the object is one ("its
#: troops uncovered explosive devices that were planted under the roads", AFP via APP,
#: Jenin, October 2023).
FOUND = frozenset("discover find recover seize confiscate unearth detect uncover".split())
#: Strategic developments/Disrupted weapons use: a weapon found, defused or stopped.
#: Shown on [acled-dev bfa 2020-04-17] (an IED dismantled), [acled-dev ken 2013-08-18]
#: (bombs discovered and disabled), [acled-dev afg 2020-03-08] (a bomb that went off early).
DISRUPT = frozenset(
    {
        "defuse", "dismantle", "disarm", "deactivate", "neutralise", "neutralize", "intercept",
        "foil", "thwart", "shoot", "down",
    }
) | FOUND  # fmt: skip

#: Strategic developments/Agreement. Shown on [WSyria] "Rebel militants withdrew from ...
#: Arsal after a ceasefire with the Lebanese army", [acled-dev bfa 2014-11-05].
AGREEMENT = frozenset(
    {
        "ceasefire", "cease-fire", "truce", "armistice", "agreement", "accord", "deal",
        "treaty", "swap",
    }
)  # fmt: skip

#: Strategic developments/Change to group/activity.
GROUP_CHANGE = frozenset(
    {"defect", "merge", "surrender", "disband", "dissolve", "allegiance", "split", "abandon"}
)

#: Strategic developments/Headquarters or base established.
BASE = frozenset({"establish", "set", "build", "open"})

#: Strategic developments/Non-violent transfer of territory.
TRANSFER = frozenset({"withdraw", "retreat", "handover", "hand", "pull", "evacuate", "cede"})

#: Strategic developments/Other: state measures of war. Shown on [WPulwama] "A state of
#: emergency in the region was declared", the seed reports (martial law and mobilisation),
#: [news-dev 01] (a coup).
DECLARE = frozenset(
    {"martial", "mobilisation", "mobilization", "curfew", "emergency", "conscription", "coup"}
)

# ---------------------------------------------------------------- who

#: State armed forces (ACLED "Military Forces of X", "Police Forces of X"). A junta is
#: the military in power: "two Myanmar junta airstrikes in Pale Township" (The
#: Irrawaddy, 28 June 2023), "A spokesperson for the junta could not immediately be
#: reached" (Reuters, January 2023, on an air strike in Katha township).
ARMED_STATE = frozenset(
    {
        "army", "soldier", "troop", "troops", "military", "force", "forces", "serviceman",
        "servicemen", "servicemember", "police", "policeman", "policemen", "policewoman",
        "gendarme", "gendarmerie", "marine", "navy", "sailor", "commando", "paratrooper", "guard",
        "officer", "personnel", "security", "battalion", "brigade", "regiment", "unit",
        "platoon", "infantry", "cop", "ranger", "sentry", "airman", "conscript", "reservist",
        "bodyguard", "customs", "junta",
        # UN troops: "Rebels killed two peacekeepers in the Central African Republic on
        # Monday" (AFP via The Defense Post, January 2021); "left four peacekeepers dead"
        # (AP via Nepali Reporter, May 2017)
        "peacekeeper", "peacekeepers",
    }
)  # fmt: skip

#: Non-state armed groups (ACLED "Unidentified Armed Group (X)" or the group's name).
ARMED_NONSTATE = frozenset(
    {
        "militant", "rebel", "insurgent", "jihadist", "terrorist", "fighter", "gunman",
        "gunmen", "militia", "militiaman", "militiamen", "guerrilla", "guerilla", "bandit",
        "raider", "assailant", "attacker", "kidnapper", "extremist", "separatist",
        "mujahideen", "gang", "gangster", "pirate", "rustler", "sniper", "perpetrator",
        "robber", "criminal", "armed", "group", "cell", "jihadi", "warlord", "paramilitary",
        # drug cartels: "groups allied with the Sinaloa cartel have been fighting other
        # gangs" (Reuters via Al Jazeera, 5 April 2020); "five suspected drug cartel
        # gunmen were killed in a massive firefight" (AP, Michoacan, 10 March 2022)
        "cartel",
        # India's Maoist insurgents, named by the creed alone: "Maoists disguised as police
        # kill six Indian villagers" (New Age, Bihar, July 2011); "MAOISTS ALLEGEDLY shot dead
        # three villagers" (The Indian Express, Gadchiroli, 2019)
        "maoist", "naxal", "naxalite",
    }
)  # fmt: skip

#: Communal groups: clans, tribes and ethnic militias fight Battles in ACLED's coding.
COMMUNAL = frozenset(
    {"clan", "tribe", "tribesman", "tribesmen", "community", "herder", "herdsman", "herdsmen"}
)

#: Believers named by their faith: civilians, not a communal militia, when they are the
#: ones killed ([WBokoHaram] "78 Christians are massacred in Yelwa", "630 Muslims are
#: massacred"; Compass Direct News, Plateau state: "Muslim attackers ... killed 14
#: Christians").
FAITHFUL = frozenset(
    {
        "christian", "christians", "muslim", "muslims", "hindu", "hindus", "buddhist",
        "buddhists", "jew", "jews", "sikh", "sikhs", "believer", "believers", "churchgoer",
        "churchgoers", "parishioner", "parishioners", "congregant", "congregants",
    }
)  # fmt: skip

#: Civilians: the targets that make an attack Violence against civilians.
CIVILIAN = frozenset(
    {
        "civilian", "people", "person", "man", "men", "woman", "women", "child", "children",
        "boy", "girl", "villager", "resident", "farmer", "herder", "trader", "passenger",
        "worker", "student", "teacher", "pupil", "worshipper", "driver", "family", "journalist",
        "doctor", "medic", "refugee", "displaced", "patient", "pilgrim", "hostage", "local",
        "citizen", "elder", "chief", "official", "businessman", "shopkeeper", "merchant",
        "motorist", "traveller", "traveler", "miner", "fisherman", "herdsman", "teenager",
        "baby", "infant", "mother", "father", "wife", "husband", "son", "daughter", "brother",
        "individual", "leader", "candidate", "councillor", "mayor", "member",
        "nurse", "priest", "imam", "cleric", "volunteer", "employee", "youth", "vendor",
        "mechanic", "shepherd", "interpreter", "prefect", "councilor", "relative", "guest",
        "tourist", "foreigner", "victim", "activist", "campaigner",
        # the people of a bar, a market or a funeral: "opened fire on customers and staff"
        # (AFP via CBS, Irapuato, October 2022), "fired into a group of patrons" (Breitbart,
        # Uruapan), "attacked a mass funeral procession ... mourners" (BBC, Zamfara)
        "customer", "patron", "diner", "reveller", "reveler", "drinker", "shopper",
        "bystander", "spectator", "attendee", "mourner", "churchgoer",
    }
    | FAITHFUL
)  # fmt: skip

#: People named by their legal standing or trade, who are no victim kind of their own: a
#: singular one counts as one dead (an alleged cattle thief tortured to death,
#: [acled-dev bfa]; a trainee lawyer of 46 who died in police custody,
#: [news-dev 04], cited).
PERSON_ROLES = frozenset(
    {
        "suspect", "detainee", "prisoner", "inmate", "convict", "thief", "robber",
        "lawyer", "engineer", "professor", "lecturer", "labourer", "laborer", "guard",
        "politician", "judge", "prosecutor", "artist", "musician", "singer", "writer",
        "carpenter", "tailor", "barber", "cook", "hunter", "pastor", "monk", "nun",
    }
)  # fmt: skip

#: Words for the police: a state's police forces, not its military.
POLICE = frozenset(
    {"police", "policeman", "policemen", "policewoman", "gendarme", "gendarmerie", "cop"}
)

#: Armed targets: an attack on them is a battle ("militants attacked a police post").
SECURITY_SITE = frozenset(
    {
        "base", "camp", "checkpoint", "outpost", "post", "station", "barracks", "garrison",
        "position", "convoy", "patrol", "vehicle", "tank", "headquarters", "fort", "depot",
        "airbase", "airfield", "trench", "bunker", "emplacement", "gendarmerie",
    }
)  # fmt: skip

#: Property: the objects of looting and destruction.
PROPERTY = frozenset(
    {
        "house", "home", "shop", "market", "school", "church", "mosque", "temple", "hospital",
        "building", "bus", "car", "truck", "van", "office", "property", "crop", "granary",
        "livestock", "cattle", "goat", "camel", "store", "stall", "hut", "village", "motorbike",
        "motorcycle", "vehicle", "money", "good", "food", "tractor", "factory", "bank",
        "clinic", "infrastructure", "bridge", "tower", "pylon", "pipeline",
    }
)  # fmt: skip

# ---------------------------------------------------------------- saying and not doing

#: Verbs of blame: their object is who is said to have done it, their passive subject too.
ACCUSE = frozenset({"accuse", "blame"})
#: Reporting verbs: the subject is the source of what follows.
REPORT = frozenset(
    {
        "say", "claim", "tell", "tweet", "report", "announce", "state", "add", "allege",
        "insist", "write", "confirm", "accuse", "assert", "post", "publish", "quote", "note",
        "estimate", "blame", "acknowledge", "admit", "reveal", "inform", "declare",
    }
)  # fmt: skip

#: The work of the aftermath: its day is when rescuers worked, on or after the strike
#: ("At least six survivors have been rescued Sunday from the rubble of three apartment
#: buildings purportedly hit by Russian missiles", AP on Chasiv Yar, 10 July 2022;
#: "Rescuers combed debris in a city in eastern Ukraine on Thursday, where an overnight
#: Russian missile strike destroyed an apartment building", Reuters, 2 February 2023).
AFTERMATH = frozenset(
    {"rescue", "comb", "search", "dig", "sift", "scour", "recover", "retrieve", "bury", "mourn"}
)

#: Denials. Shown on [VOA17] "al-Shabab militants breached the base, but Serar denies
#: this", [WPulwama] "the latter condemned the attack and denied having any connections".
DENY = frozenset({"deny", "reject", "dismiss", "refute", "rebut", "disprove", "contradict"})

#: What a denial denies when it names no event: a telling ("denied the report").
TELLING = frozenset(
    {
        "report", "claim", "allegation", "accusation", "account", "charge", "statement",
        "assertion", "story", "rumour", "rumor", "news", "information", "version",
        "suggestion", "speculation", "finding", "footage", "video", "photo", "image",
    }
)  # fmt: skip

#: Governors that make an event wanted, planned, feared, prevented or talked about rather
#: than happening: verbs of intention, directive, fear, prevention and negotiation, and
#: irrealis adjectives. E.g. "called for an end to the fighting", "threatened to attack",
#: "planned protest".
IRREALIS = frozenset(
    {
        # intention and commitment
        "want", "plan", "intend", "aim", "seek", "prepare", "vow", "pledge", "promise",
        "threaten", "decide", "plot", "let",
        # readiness and offers: "authorities there expressed readiness for a ceasefire"
        # (City Radio FM, Tigray, September 2022); "Libya's opposition is ready for a
        # ceasefire provided ..." (The Asian Age, 2011); "Rebels in Libya
        # offered ceasefire terms" (The Epoch Times, April 2011)
        "ready", "readiness", "willing", "willingness", "offer", "propose", "proposal",
        # directives and appeals
        "call", "urge", "demand", "ask", "appeal", "order", "instruct", "advise", "recommend",
        "encourage", "caution",
        # fear and expectation
        "fear", "risk", "expect", "hope", "warn", "worry",
        # prevention and ending
        "prevent", "avoid", "stop", "halt", "end", "cease", "ban", "prohibit", "refuse",
        "deter", "forbid",
        # talk about
        "negotiate", "discuss", "mediate",
        # irrealis adjectives and nouns
        "planned", "proposed", "possible", "potential", "likely", "imminent", "upcoming",
        "threat", "would-be", "future", "expected", "alleged",
    }
)  # fmt: skip

#: Modal auxiliaries: "could escalate", "will attack".
MODALS = frozenset({"may", "might", "could", "would", "should", "must", "will", "shall", "can"})

#: Trends and statistics: plural events counted over time are not one event
#: ("attacks intensified", "murders dropped to 339", "a wave of protests").
TREND = frozenset(
    {
        "intensify", "increase", "rise", "drop", "fall", "decline", "double", "triple", "surge",
        "escalate", "mount", "soar", "spike", "decrease", "reduce", "wave", "series", "spate",
        "grow",
        "string", "number", "rate", "tally", "statistic", "figure", "average", "total",
        # "living in fear following reported cases of fresh terrorist attacks in the area"
        # (Anadolu via TRT Afrika, Cabo Delgado, July 2025): cases counted, no one event
        "case",
    }
)  # fmt: skip

#: Sport: its reports use the words of war as metaphors ("striker", "shot", "attack").
SPORT = frozenset(
    {
        "goal", "match", "striker", "midfielder", "defender", "goalkeeper", "net", "score",
        "league", "cup", "tournament", "championship", "coach", "squad", "fixture", "penalty",
        "referee", "kick-off", "half-time", "equaliser", "equalizer", "footballer", "football",
        "cricket", "rugby", "innings", "wicket", "playoff", "semi-final", "final", "scorer",
    }
)  # fmt: skip

#: Verbs that carry an event noun: "launched an attack", "staged a protest".
LIGHT_VERBS = frozenset(
    {
        "launch", "carry", "conduct", "stage", "mount", "hold", "organise", "organize",
        "perpetrate", "commit", "unleash", "begin", "start", "lead", "make", "take", "break",
        "erupt", "occur", "happen", "see", "witness", "report",
    }
)  # fmt: skip
