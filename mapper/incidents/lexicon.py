"""Word lists and patterns of war reporting: what an event word means.

Why sets of lemmas: the parse gives lemma and role; the lexicon says what an
event word means. It holds general war-reporting vocabulary only.

Examples
--------
>>> "shell" in SHELL, "say" in REPORT
(True, True)
"""

from __future__ import annotations

import re

__all__ = [
    "ADVANCE",
    "AGREE",
    "AIR",
    "AIRCRAFT",
    "ANAPHOR",
    "ARMED",
    "CALLED",
    "CIVILIAN",
    "CLASH",
    "CLOSE_ATTACKERS",
    "CLOSE_MEANS",
    "CUMULATIVE",
    "DENY",
    "EQUIPMENT",
    "FIGHTERS",
    "FALSE",
    "GENERIC_HEADS",
    "GROUND_UNITS",
    "HABITUAL",
    "IRREALIS",
    "KILL",
    "LAUNCH",
    "LEGAL",
    "LINE_NAMES",
    "LINE_WORDS",
    "LOCATIVE",
    "MILITARY",
    "MODALS",
    "NEUTRALISE",
    "NOT_ACTORS",
    "NOT_CLAIMANTS",
    "NOT_PLACES",
    "OTHER_SIDE",
    "PEOPLE",
    "PLACE_NOUNS",
    "REGION_SUFFIX",
    "REPORT",
    "SECURITY",
    "SHELL",
    "STRATEGIC",
    "STRIKE",
    "TAKE",
    "TRUCE",
    "USE",
    "VAC",
    "WEAPONS",
    "WITNESS",
    "WOUND",
]


# Reporting, denying, and what makes an event wanted or feared rather than real.
# fmt: off
REPORT = frozenset(
    {
        "say", "claim", "tell", "tweet", "report", "announce", "state", "add", "allege",
        "insist", "write", "confirm", "accuse", "assert", "suggest", "post", "publish",
        "release", "show", "quote", "note", "warn", "estimate",
    }
)
# fmt: on
DENY = frozenset({"deny", "reject", "dismiss", "refute", "rebut", "disprove"})
# fmt: off
LEGAL = frozenset(
    {
        "charge", "convict", "sentence", "plot", "arrest", "suspect", "investigate", "trial",
        "indict", "prosecute", "accusation",
    }
)
# fmt: on
# Governors that make the event wanted, feared or talked about rather than happening.
IRREALIS = (
    frozenset(
        {
            "call",
            "urge",
            "demand",
            "appeal",
            "stop",
            "halt",
            "end",
            "cease",
            "avoid",
            "prevent",
            "risk",
            "threaten",
            "prepare",
            "plan",
            "want",
            "seek",
            "need",
            "condemn",
            "discuss",
            "negotiate",
            "hope",
            "fear",
            "allow",
            "ban",
            "resume",
            "push",
            "ask",
            "pledge",
            "vow",
            "promise",
            "intend",
            "aim",
            "threat",
            "blame",
            "responsibility",
            "accountable",
            "deter",
            "escalate",
            "provoke",
            "provocation",
            "stabilise",
            "stabilize",
            "induce",
            "defend",
            "protect",
            "mediate",
            "try",
            "attempt",
            "help",
            "possible",
            "likely",
            "may",
            "might",
            "could",
            "would",
            "should",
            "must",
            "will",
        }
    )
    | LEGAL
)
MODALS = frozenset({"may", "might", "could", "would", "should", "must", "will", "shall", "can"})
# fmt: off
FALSE = frozenset(
    {
        "false", "untrue", "lie", "fake", "disinformation", "baseless", "groundless",
        "fabrication", "misinformation", "propaganda", "provocation", "unfounded", "fiction",
    }
)
# fmt: on

# Time: habits and running totals are background.
HABITUAL = re.compile(
    r"\b(not uncommon|frequent(ly)?|often|regularly|routinely|occasional(ly)?|sporadic(ally)?|"
    r"in recent (months|years|weeks)|for (years|decades|months)|have long|has long|had long|"
    r"since the (collapse|fall|end|break-?up)|earlier this year|last year|"
    r"(\w+) (years?|decades?) (earlier|ago|before))\b",
    re.I,
)
# Running totals: background unless the sentence also dates a recent event of its own.
CUMULATIVE = re.compile(
    r"\b(since the (war|conflict|fighting|invasion|start|beginning|outbreak)|so far this|"
    r"since (january|february|march|april|may|june|july|august|september|october|november|"
    r"december))\b",
    re.I,
)

# Event words.
# fmt: off
SHELL = frozenset(
    {
        "shell", "shelling", "bombard", "bombardment", "artillery", "rocket", "missile",
        "mortar", "projectile", "bombing", "barrage", "howitzer", "grad", "salvo", "cannonade",
    }
)
# fmt: on
# fmt: off
AIR = frozenset(
    {
        "drone", "uav", "airstrike", "aircraft", "warplane", "jet", "helicopter", "bomber",
        "air", "aerial",
    }
)
# fmt: on
# fmt: off
CLASH = frozenset(
    {
        "clash", "fighting", "fight", "battle", "combat", "skirmish", "offensive",
        "counteroffensive", "counter-offensive", "assault", "firefight", "gunfight", "ambush",
        "hostility", "raid", "incursion", "exchange", "engagement",
    }
)
# fmt: on
TAKE = frozenset({"capture", "seize", "retake", "recapture", "liberate", "overrun", "take"})
STRIKE = frozenset({"strike", "hit", "attack", "target", "fire", "pound", "bomb"})
VAC = frozenset({"execute", "massacre", "behead", "torture", "abduct", "kidnap", "rape", "lynch"})
KILL = frozenset({"kill", "die", "dead", "death", "slay", "perish", "martyr"})
WOUND = frozenset({"wound", "injure", "hurt", "injury", "wounded", "injured"})
WEAPONS = frozenset(
    {"missile", "rocket", "artillery", "shell", "mortar", "projectile", "howitzer", "grad"}
)
# fmt: off
USE = frozenset(
    {
        "strike", "hit", "land", "slam", "rain", "fall", "explode", "target", "pound", "kill",
        "wound", "injure", "destroy", "damage", "fire", "launch", "shell", "bombard", "attack",
        "use", "struck", "tear", "crash", "smash", "lob",
    }
)
# fmt: on
STRATEGIC = (
    (re.compile(r"\bmartial law\b", re.I), "martial law"),
    (
        re.compile(
            r"\bmobili[sz]ation\b|\bmobili[sz]ed?\s+(?:its\s+|the\s+)?(?:troops|reservists|"
            r"army|forces|soldiers|conscripts)\b",
            re.I,
        ),
        "mobilisation",
    ),
    (re.compile(r"\bcurfew\b", re.I), "curfew"),
    (re.compile(r"\bstate of (emergency|war)\b", re.I), "state of emergency"),
    (re.compile(r"\bcalled up\b|\bconscription\b", re.I), "call-up"),
)
TRUCE = frozenset({"ceasefire", "cease-fire", "truce", "armistice", "agreement", "deal", "accord"})
# fmt: off
AGREE = frozenset(
    {
        "agree", "sign", "announce", "broker", "reach", "take", "come", "enter", "declare",
        "begin", "start", "seal", "conclude", "hold",
    }
)
# fmt: on

# Who: victims, fighters, equipment, sides, claimants.
# fmt: off
CIVILIAN = frozenset(
    {
        "civilian", "resident", "villager", "settlement", "village", "home", "house", "city",
        "town", "people", "infrastructure", "school", "hospital", "ambulance", "market",
        "child", "woman", "family", "neighborhood", "neighbourhood", "area", "street",
        "building", "medic", "journalist", "citizen", "population", "bus", "car", "apartment",
        "mother",
    }
)
# fmt: on
# fmt: off
MILITARY = frozenset(
    {
        "soldier", "troop", "force", "army", "military", "serviceman", "servicemen", "unit",
        "position", "tank", "helicopter", "drone", "uav", "base", "fighter", "militant",
        "rebel", "militia", "battalion", "brigade", "officer", "vehicle", "artillery", "plane",
        "jet",
    }
)
# fmt: on
# fmt: off
EQUIPMENT = frozenset(
    {
        "helicopter", "tank", "drone", "uav", "aircraft", "plane", "jet", "vehicle", "armored",
        "armoured", "artillery", "launcher", "system", "truck", "warplane", "howitzer",
    }
)
# fmt: on
# Words that put a sentence among armed actors: Battles need them (or a belligerent),
# so "firefighters battled the blaze" or "a hunger strike" make no incident.
# fmt: off
ARMED = frozenset(
    {
        "army", "troop", "force", "military", "soldier", "serviceman", "servicemen", "militant",
        "rebel", "insurgent", "fighter", "militia", "gunman", "gunmen", "jihadist", "terrorist",
        "artillery", "tank", "drone", "uav", "missile", "rocket", "shelling", "airstrike",
        "front", "frontline", "position", "offensive", "counteroffensive", "ceasefire",
        "cease-fire", "armed", "weapon", "gun", "bomb", "explosion", "ied", "mortar", "sniper",
        "ambush", "battalion", "brigade", "paramilitary", "insurgency", "warplane",
        "helicopter", "jet", "shell", "grenade", "gunfire", "gunfight", "shootout", "clash",
        "hostility", "invasion", "occupation", "separatist", "guerrilla", "mujahideen",
        "commando", "convoy", "patrol", "infantry", "assailant", "attacker", "aircraft",
        "gang", "gangster", "bandit", "crossfire", "kidnapper", "pirate",
    }
)
# fmt: on
OTHER_SIDE = frozenset({"neighbor", "neighbour", "adversary", "enemy", "opponent", "foe", "rival"})
# fmt: off
NOT_CLAIMANTS = frozenset(
    {
        "injury", "death", "casualty", "report", "damage", "footage", "video", "image", "photo",
        "picture", "toll", "figure", "number", "data", "evidence",
    }
)
# fmt: on
# fmt: off
GENERIC_HEADS = frozenset(
    {
        "ministry", "office", "statement", "official", "spokesman", "spokeswoman", "army",
        "government", "authority", "president", "military", "service", "spokesperson",
        "command",
    }
)
# fmt: on
WITNESS = re.compile(
    r"\b(reporter|correspondent|journalist|photographer|cameraman|AFP|AP|Reuters)\b", re.I
)
NOT_ACTORS = re.compile(
    r"ministry|office|government|council|nations|committee|agency|"
    r"association|press|news|times|post|reuters|media|twitter|telegram",
    re.I,
)

# Where: place words, lines, anaphors and locative phrases.
# fmt: off
PLACE_NOUNS = frozenset(
    {
        "village", "town", "city", "territory", "area", "position", "height", "hill", "base",
        "airport", "region", "district", "settlement", "bridge", "road", "highway", "control",
        "outpost", "checkpoint", "neighborhood", "neighbourhood", "suburb", "province",
        "capital", "stronghold", "front", "line", "crossing", "port", "airfield", "garrison",
        "headquarters", "barracks", "camp", "compound", "facility", "palace", "ministry",
        "station", "hq",
    }
)
# fmt: on
LINE_WORDS = re.compile(
    r"\b(contact line|line of contact|front ?line|front-line|the front|the border|border areas?|"
    r"frontier|line of control|ceasefire line)\b",
    re.I,
)
ANAPHOR = re.compile(
    r"\bthe (city|town|village|capital|settlement|district|region)\b(?!\s+of\b)", re.I
)
LINE_NAMES = ("contact line", "line of contact", "front line", "frontline", "line of control")
CALLED = re.compile(r"\b(village|town|city|settlement|hamlet|district|locality)s?\s+of\s+$", re.I)
LOCATIVE = re.compile(
    r"\b(?:(?:village|town|city|settlement|hamlet|district|locality|region|province|oblast|"
    r"governorate|state)\s+of|near|outside|in|at|around|on)\s+(?:the\s+)?"
    r"([A-Z][\w’'-]+(?:[ -][A-Z][\w’'-]+)?)"
)
REGION_SUFFIX = re.compile(
    r"\b([A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?)\s+(region|province|oblast|governorate|district)\b"
)
# fmt: off
NOT_PLACES = frozenset(
    {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
        "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "the", "a", "an", "this", "that", "twitter", "facebook",
        "telegram",
    }
)
# fmt: on

# Beyond a war of shells (added for other theatres).
# Attackers who kill at close range: their attack on civilians is Violence against civilians.
# fmt: off
CLOSE_ATTACKERS = frozenset(
    {
        "gunman", "gunmen", "attacker", "assailant", "militant", "jihadist", "insurgent",
        "bandit", "militia", "militiaman", "militiamen", "mob", "raider",
    }
)
# fmt: on
# Close-range means: shooting, blades, arson.
# fmt: off
CLOSE_MEANS = frozenset(
    {
        "shoot", "gun", "gunfire", "gunshot", "rifle", "machete", "knife", "stab", "hack",
        "burn", "torch", "arson", "set",
    }
)
# fmt: on
# Ground units: under fire or pushing forward, they fight (Battles), they are not shelled.
# fmt: off
GROUND_UNITS = frozenset(
    {
        "soldier", "troop", "infantry", "force", "army", "unit", "patrol", "convoy", "tank",
        "vehicle", "battalion", "brigade", "fighter", "militant", "rebel", "militia",
        "commando", "marine", "paratrooper", "serviceman", "servicemen", "ally", "platoon",
        "company", "regiment", "column", "assailant", "gunman", "gunmen", "insurgent",
    }
)
# fmt: on
# A ground advance ("pushed into", "advanced toward", "stormed"): a clash even when only tried.
ADVANCE = frozenset({"advance", "push", "storm", "penetrate", "infiltrate", "thrust"})
# Aircraft and drones as the instrument of a strike.
# fmt: off
AIRCRAFT = frozenset(
    {
        "drone", "uav", "aircraft", "warplane", "jet", "bomber", "helicopter", "plane",
        "fighter-bomber", "gunship", "shahed", "air", "aerial", "airforce",
    }
)
# fmt: on
# Verbs that send weapons off: "launched 20 drones at Odesa".
LAUNCH = frozenset({"launch", "fire", "send", "lob", "unleash"})
# Verbs for fighters put out of action: "four assailants were neutralised" are four dead.
NEUTRALISE = frozenset({"neutralise", "neutralize", "eliminate", "liquidate"})
# Fighters of any side, as victims of "neutralised".
# fmt: off
FIGHTERS = frozenset(
    {
        "assailant", "attacker", "terrorist", "militant", "fighter", "gunman", "gunmen",
        "insurgent", "jihadist", "rebel", "bandit", "raider", "combatant", "soldier",
    }
)
# fmt: on
# People as victims (beyond CIVILIAN's words): abducted, attacked, killed.
# fmt: off
PEOPLE = frozenset(
    {
        "people", "person", "man", "men", "pupil", "student", "schoolchild", "schoolgirl",
        "schoolboy", "child", "children", "girl", "boy", "passenger", "farmer", "worshipper",
        "resident", "villager", "teacher", "traveller", "traveler", "herder", "miner",
        "displaced", "refugee", "patient", "mourner", "shopper", "pilgrim", "hostage",
    }
)
# fmt: on
# Security targets that make an attack a battle: police, checkpoints, bases.
# fmt: off
SECURITY = frozenset(
    {
        "police", "policeman", "policemen", "officer", "checkpoint", "outpost", "barracks",
        "garrison", "base", "convoy", "patrol", "security", "gendarmerie", "gendarme",
        "guard",
    }
)
# fmt: on
