"""Event triggers: the ACLED type a word gives, and why a trigger makes no incident.

A trigger makes none under a modal or an appeal, a negation or a denial, or with no
armed actor in its sentence.
"""

from __future__ import annotations

import re
from typing import Any

from mapper.incidents.lexicon import (
    ADVANCE,
    AIRCRAFT,
    ARMED,
    CIVILIAN,
    CLASH,
    CLOSE_ATTACKERS,
    CLOSE_MEANS,
    DENY,
    EQUIPMENT,
    GROUND_UNITS,
    IRREALIS,
    KILL,
    LAUNCH,
    MILITARY,
    MODALS,
    PEOPLE,
    PLACE_NOUNS,
    REPORT,
    SECURITY,
    SHELL,
    STRIKE,
    TAKE,
    USE,
    VAC,
    WEAPONS,
    WOUND,
)
from mapper.incidents.records import Context, Unit
from mapper.incidents.sentences import clause_verb
from mapper.incidents.toponyms import side_of_toponym

__all__ = [
    "PRIORITY",
    "trigger_kind",
    "blocked",
    "armed",
    "generic_present",
    "reporter",
    "cause_clause",
    "in_context_clause",
    "strategic_blocked",
]


def trigger_kind(tok: Any, unit: Unit, ctx: Context) -> tuple[str, str] | None:
    """ACLED (event_type, sub_event_type) for a trigger token, or None."""
    lem = tok.lemma_.lower()
    low = tok.text.lower()
    if tok.dep_ in ("compound", "amod", "nmod") and tok.head.i > tok.i and tok.pos_ != "VERB":
        # A modifier ("missile attacks", "air raid sirens") is read through its head noun.
        return None
    children = {c.lemma_.lower() for c in tok.children}
    mods = {c.lemma_.lower() for c in tok.children if c.dep_ in ("compound", "amod", "nmod")}
    if lem == "strike" and tok.pos_ != "VERB" and children & _LABOUR:
        return None  # "the doctors' strike", "a general strike"
    if tok.pos_ == "VERB" and any(
        c.dep_ in ("nsubj", "nsubjpass")
        and c.lemma_.lower() == "strike"
        and {g.lemma_.lower() for g in c.children} & _LABOUR
        for c in tok.children
    ):
        return None  # "the doctors' strike hit hospitals"
    if tok.pos_ in ("NOUN", "PROPN") and lem in STRIKE | CLASH | {
        "strike",
        "raid",
        "campaign",
        "fire",
    }:
        if mods & {"air", "drone", "uav", "aerial", "airstrike"}:
            return ("Explosions/Remote violence", "Air/drone strike")
        if mods & (SHELL | {"tank", "shell", "bomb"}):
            return ("Explosions/Remote violence", "Shelling/artillery/missile attack")
    subtree = {t.lemma_.lower() for t in tok.subtree}
    if (lem in TAKE or low in TAKE) and tok.pos_ == "VERB":
        objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
        heads = {c.lemma_.lower() for c in objs}
        named = any(ctx.toponyms_in(c.idx, c.idx + len(c.text)) for c in objs)
        if not (heads & PLACE_NOUNS or named):
            return None  # "seized drugs", "captured four medals"
        return ("Battles", "Government regains territory")
    if lem in VAC:
        objs = {
            t.lemma_.lower()
            for c in tok.children
            if c.dep_ in ("dobj", "nsubjpass")
            for t in c.subtree
        }
        if not objs & (
            CIVILIAN
            | MILITARY
            | {
                "prisoner",
                "man",
                "men",
                "person",
                "hostage",
                "captive",
                "detainee",
                "worker",
                "villager",
            }
            | PEOPLE
        ):
            return None  # "projects executed by engineers"
        return (
            "Violence against civilians",
            "Abduction/forced disappearance"
            if lem in ("abduct", "kidnap")
            else "Sexual violence"
            if lem == "rape"
            else "Attack",
        )
    if (
        lem == "shoot"
        and "down" in children
        or lem in ("intercept",)
        or (lem == "down" and tok.pos_ == "VERB")
    ):
        return ("Strategic developments", "Disrupted weapons use")
    if (
        tok.pos_ == "VERB"
        and lem in STRIKE | {"destroy", "damage"}
        and any(
            t.lemma_.lower() in AIRCRAFT - {"air", "aerial"}
            for c in tok.children
            if c.dep_ in ("nsubj", "agent")
            for t in c.subtree
        )
        and not any(c.dep_ == "nsubjpass" for c in tok.children)
    ):
        # "a drone hit an apartment block", "jets destroyed a bridge": an air strike
        return ("Explosions/Remote violence", "Air/drone strike")
    if lem in ("destroy", "damage") or lem == "hit" and tok.tag_ == "VBN":
        objs = {
            t.lemma_.lower()
            for c in tok.children
            if c.dep_ in ("dobj", "nsubjpass")
            for t in c.subtree
        }
        if objs & EQUIPMENT:
            return ("Strategic developments", "Disrupted weapons use")
        if (
            objs
            & {
                "house",
                "home",
                "building",
                "infrastructure",
                "school",
                "hospital",
                "apartment",
                "village",
                "church",
                "mosque",
                "bridge",
            }
            and ctx.has_remote
        ):
            # Homes destroyed in a war of shells and drones were hit from afar.
            return ("Explosions/Remote violence", "Shelling/artillery/missile attack")
    if lem in ("airstrike",) or low in ("airstrike", "airstrikes", "air-strike", "air-strikes"):
        return ("Explosions/Remote violence", "Air/drone strike")
    if lem in ("strike", "raid") and (subtree | children) & {"air", "drone", "aerial", "uav"}:
        return ("Explosions/Remote violence", "Air/drone strike")
    if (
        lem in ("fire", "attack", "shelling", "bombardment")
        and tok.dep_ == "pobj"
        and tok.head.lower_ == "under"
    ):
        verb = tok.head.head
        ground = _ground_subject(verb, ctx)
        if lem in ("fire", "attack") and not mods & (SHELL | AIRCRAFT) and ground:
            # "Soldiers came under fire", "tanks pushed in under heavy fire": a firefight.
            return ("Battles", "Armed clash")
        if verb.lemma_.lower() in ("come", "be"):
            # "The town came under fire": remote fire in a war, a clash otherwise.
            if ctx.has_remote or ctx.war or lem != "attack":
                return ("Explosions/Remote violence", "Shelling/artillery/missile attack")
            return ("Battles", "Armed clash")
    if lem in ADVANCE and tok.pos_ == "VERB" and _ground_subject(tok, ctx):
        # "Infantry pushed toward the railway", "troops stormed the village": ground fighting.
        if lem == "storm" or any(
            c.dep_ in ("prep", "advmod", "prt", "dobj") and c.lower_ in _ONWARD
            for c in tok.children
        ):
            return ("Battles", "Armed clash")
    if lem in LAUNCH and tok.pos_ == "VERB":
        # "launched 20 drones at Odesa": the weapons sent give the type of the strike.
        sent = {
            t.lemma_.lower()
            for c in tok.children
            if c.dep_ == "dobj"
            for t in c.subtree
            if t.dep_ in ("dobj", "pobj", "compound", "conj") or t.i == c.i
        }
        if sent & (AIRCRAFT - {"air", "aerial"}):
            return ("Explosions/Remote violence", "Air/drone strike")
        if sent & SHELL:
            return ("Explosions/Remote violence", "Shelling/artillery/missile attack")
    if lem == "strike" and tok.pos_ != "VERB":
        if ctx.has_remote and not mods & _LABOUR and tok.dep_ in ("nsubj", "nsubjpass"):
            # "Russian strikes hit Kharkiv": in a war of remote weapons, a strike by a
            # belligerent is a missile or shelling strike.
            return ("Explosions/Remote violence", "Shelling/artillery/missile attack")
        return None  # a strike with no air, drone or missile word: a labour or hunger strike
    if lem == "shell" and tok.pos_ == "NOUN" and low == "shell":
        return None  # "a shell of the man he was"
    if lem in STRIKE and tok.pos_ == "VERB":
        subj = {
            t.lemma_.lower()
            for c in tok.children
            if c.dep_ in ("nsubj", "agent")
            for t in c.subtree
        }
        if "strike" in subj and subj & _LABOUR:
            return None  # "the doctors' strike hit hospitals"
        if subj & (AIRCRAFT - {"air", "aerial"}) or {"air", "force"} <= subj:
            # "its aircraft struck supply lines", "military jets bombed a village"
            return ("Explosions/Remote violence", "Air/drone strike")
        if (
            lem in ("strike", "hit")
            and subj
            and not subj
            & (
                ARMED
                | SHELL
                | {"blast", "explosion", "shell", "it", "they", "attacker", "assailant"}
                | {"strike", "attack", "raid", "bombardment", "barrage"}
            )
        ):
            return None  # "struck by a vehicle", "a tree hit the car"
        if subj & SHELL or subj & {"shell"}:
            return ("Explosions/Remote violence", "Shelling/artillery/missile attack")
        if subj & {"strike", "raid"} and not subj & _LABOUR:
            # "Russian strikes hit Kharkiv": strikes of unnamed means are missile strikes
            if subj & {"air", "aerial", "drone", "uav"}:
                return ("Explosions/Remote violence", "Air/drone strike")
            return ("Explosions/Remote violence", "Shelling/artillery/missile attack")
    if lem in ("explosion", "blast", "detonation") and tok.pos_ == "NOUN":
        # Heard in a war of shells and drones, an explosion is shelling; among gunmen
        # and bombers only, it is a planted charge.
        if ctx.has_remote:
            return ("Explosions/Remote violence", "Shelling/artillery/missile attack")
        return ("Explosions/Remote violence", "Remote explosive/landmine/IED")
    if (
        lem in ("bombing", "bomb", "bomber")
        and tok.pos_ == "NOUN"
        and (
            mods & {"car", "roadside", "suicide", "truck", "nail", "pipe", "homemade", "home-made"}
            or not ctx.has_remote
        )
    ):
        if "suicide" in mods:
            return ("Explosions/Remote violence", "Suicide bomb")
        return ("Explosions/Remote violence", "Remote explosive/landmine/IED")
    if (
        lem in ("landmine", "mine", "ied")
        and tok.pos_ == "NOUN"
        and (mods | children | {tok.head.lemma_.lower()})
        & {"explode", "land", "anti-personnel", "anti-tank", "roadside", "detonate", "blow"}
    ):
        return ("Explosions/Remote violence", "Remote explosive/landmine/IED")
    if (
        (lem in WEAPONS or low.rstrip("s") in WEAPONS)
        and tok.pos_ in ("NOUN", "PROPN")
        and not _weapon_used(tok)
    ):
        return None  # "$1 billion in missiles", "the Houston Rockets", "Nick Shell"
    if lem in SHELL or low.rstrip("s") in SHELL:
        if tok.dep_ in ("compound", "amod") and tok.head.lemma_.lower() in SHELL | CLASH | STRIKE:
            return None
        return ("Explosions/Remote violence", "Shelling/artillery/missile attack")
    if lem in CLASH and tok.pos_ in ("NOUN", "VERB", "PROPN"):
        if lem == "exchange" and "fire" not in subtree:
            return None
        return ("Battles", "Armed clash")
    if lem in STRIKE:
        objs = {
            t.lemma_.lower()
            for c in tok.children
            if c.dep_ in ("dobj", "pobj", "nsubjpass", "prep")
            for t in c.subtree
        }
        if (
            lem == "fire"
            and tok.pos_ != "VERB"
            and not (children & {"open", "artillery", "tank", "mortar"})
        ):
            if tok.head.lemma_ != "open":
                return None
        if _civilian_target(tok, unit):
            # Civilians attacked: shelled when the sentence names remote weapons, or when
            # the report is about shelling and the sentence names no close-range attackers.
            if _remote_means(unit):
                return ("Explosions/Remote violence", "Shelling/artillery/missile attack")
            if ctx.has_remote and not _close_attack(unit, tok):
                return ("Explosions/Remote violence", "Shelling/artillery/missile attack")
            return ("Violence against civilians", "Attack")
        if lem in ("attack", "fire", "strike", "pound", "bomb"):
            return ("Battles", "Armed clash")
    return None


# Strikes that are not attacks: "a general strike", "the doctors' strike".
_LABOUR = frozenset(
    {"hunger", "general", "labour", "labor", "worker", "teacher", "doctor", "union", "nurse"}
)
_ONWARD = frozenset(
    {"toward", "towards", "into", "on", "onto", "through", "forward", "deeper", "in", "inside"}
    | {"past", "across"}
)


def _ground_subject(verb: Any, ctx: Context) -> bool:
    """Tell whether a verb's subject is a ground unit ("soldiers", "Israeli tanks").

    The subject's nouns are read after the dateline: the parser may make a dateline
    the subject and hang the real one on it ("MOGADISHU — Militants stormed ...").
    """
    if verb.dep_ == "xcomp" and not any(c.dep_ == "nsubj" for c in verb.children):
        verb = verb.head  # "infantry tried to push": the subject of "tried"
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            return any(
                t.lemma_.lower() in GROUND_UNITS
                and t.pos_ == "NOUN"
                and t.dep_ in ("nsubj", "nsubjpass", "conj", "appos", "ROOT")
                for t in c.subtree
                if t.idx >= ctx.dateline_end
            )
    return False


def _civilian_target(tok: Any, unit: Unit) -> bool:
    """Tell whether an attack's target is civilian.

    The target is the head of what is attacked ("a village", "civilians", "a police
    station"), not every word under it ("a police station in the town of X" is a
    police target). With no civilian target named, civilians killed or wounded in
    the sentence make it one, unless the target named is a security one.
    """
    heads = []
    for c in tok.children:
        if c.dep_ in ("dobj", "nsubjpass", "pobj") or (
            c.dep_ == "prep" and c.lower_ in ("on", "at", "against")
        ):
            for h in [c] if c.dep_ != "prep" else [g for g in c.children if g.dep_ == "pobj"]:
                heads.extend([h, *h.conjuncts])
    if tok.dep_ == "pobj" and tok.head.lower_ == "under":
        heads.extend(c for c in clause_verb(tok).children if c.dep_ in ("nsubj", "nsubjpass"))

    def mods(h: Any) -> set[str]:
        return {c.lemma_.lower() for c in h.children if c.dep_ in ("compound", "amod")}

    security = any(
        h.lemma_.lower() in MILITARY | SECURITY or mods(h) & (MILITARY | SECURITY) for h in heads
    )
    civil = any(
        (h.lemma_.lower() in CIVILIAN | PEOPLE or mods(h) & {"civilian", "residential"})
        and not mods(h) & (MILITARY | SECURITY)
        for h in heads
    )
    if civil:
        return True
    if security:
        return False
    # "Gunmen killed 20 villagers in an attack near the town": the victims say who was hit.
    for t in unit.tokens:
        if t.lemma_.lower() in KILL | WOUND | {"abduct", "kidnap"} and t.pos_ == "VERB":
            for c in t.children:
                if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in CIVILIAN | PEOPLE:
                    return True
    return bool({t.lemma_.lower() for h in heads for t in h.subtree} & CIVILIAN)


def _remote_means(unit: Unit) -> bool:
    """Tell whether a sentence names remote weapons (shells, missiles, aircraft, drones)."""
    return any(
        t.lemma_.lower() in (SHELL | AIRCRAFT | {"airstrike", "bomb"}) - {"air", "aerial"}
        or t.lower_ in ("shelled", "bombed", "airstrikes")
        for t in unit.tokens
        if t.pos_ in ("NOUN", "VERB", "PROPN")
    )


def _close_attack(unit: Unit, tok: Any) -> bool:
    """Tell whether a sentence names close-range attackers or means ("gunmen", "shot").

    Fighters, troops or soldiers as the attack's own subject ("RSF fighters attacked
    the village") are on the ground too.
    """
    if any(
        t.lemma_.lower() in CLOSE_ATTACKERS | CLOSE_MEANS or t.lower_ in CLOSE_ATTACKERS
        for t in unit.tokens
        if t.pos_ in ("NOUN", "VERB", "PROPN")
    ):
        return True
    verb = clause_verb(tok)
    return any(
        t.lemma_.lower() in {"fighter", "troop", "soldier", "infantry", "paratrooper"}
        for c in verb.children
        if c.dep_ in ("nsubj", "agent")
        for t in c.subtree
    )


def _under_denial(tok: Any) -> bool:
    """Tell whether the token is inside what a deny verb denies (not merely joined to it)."""
    t = tok
    while t.head.i != t.i:
        head = t.head
        if t.dep_ == "conj" and t.pos_ in ("VERB", "AUX") and head.lemma_.lower() in DENY:
            return False  # "denied X and said it was conducting a counteroffensive"
        if head.lemma_.lower() in DENY:
            return True
        t = head
    return False


def _weapon_used(tok: Any) -> bool:
    """Tell whether a weapon noun is used in an attack here, rather than merely named."""
    if tok.pos_ == "PROPN" or tok.text[:1].isupper() and tok.i > tok.sent.start:
        return False
    for a in [tok.head] + [x for x in tok.head.ancestors][:2]:
        if a.lemma_.lower() in USE or a.lemma_.lower() in CLASH | {"attack", "barrage", "salvo"}:
            return True
        if a.lemma_.lower() in KILL | WOUND:
            return True
    return False


def blocked(tok: Any, unit: Unit) -> str | None:
    """Why a trigger makes no incident: 'irrealis', 'negated', 'denied', or None."""
    chain = [tok] + list(tok.ancestors)
    if _under_denial(tok):
        return "denied"
    for t in chain:
        if any(c.dep_ == "neg" for c in t.children):
            return "negated"
        lem = t.lemma_.lower()
        if lem in ("try", "attempt") and tok.lemma_.lower() in ADVANCE:
            continue  # "tried to push toward the railway": an attempted assault is a fight
        if lem in IRREALIS and t.i != tok.i:
            # "responded to attacks", "said" are fine; appeals and modals are not
            return "irrealis"
        if any(c.dep_ == "aux" and c.lemma_.lower() in MODALS for c in t.children):
            return "irrealis"
        if lem in REPORT and t.pos_ in ("VERB", "AUX"):
            break
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    if prev is not None and prev.lower_ in ("no", "without", "any"):
        return "negated"
    return None


def armed(unit: Unit, ctx: Context, tok: Any = None) -> bool:
    """Tell whether the sentence speaks of armed actors or weapons.

    In a war report a belligerent taking part in the event itself also counts.
    """
    if any(
        (t.lemma_.lower() in ARMED or t.lower_ in ARMED) and t.pos_ in ("NOUN", "PROPN", "ADJ")
        for t in unit.tokens
    ):
        return True
    if not ctx.war:
        return False
    if tok is not None:
        # Only a belligerent in the event's own phrase ("Armenia attacked ...") counts.
        clause = clause_verb(tok)
        span = list(clause.subtree)
        a, b = span[0].idx, span[-1].idx + len(span[-1].text)
    else:
        a, b = unit.start, unit.end
    return any(side_of_toponym(t) in ctx.belligerents for t in ctx.toponyms_in(a, b, places=False))


def generic_present(tok: Any) -> bool:
    """Tell whether a bare present-tense clause ("they launch 155mm shells") states a habit."""
    verb = clause_verb(tok)
    if verb.tag_ not in ("VBZ", "VBP") or verb.lemma_.lower() in REPORT:
        return False
    return not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def reporter(tok: Any, *, root: bool = False) -> int:
    """Index of the reporting verb a trigger hangs from (-1 for none).

    With ``root``, a reporting participle with no subject of its own ("X said ...,
    reporting 41 clashes") counts as the reporting verb it hangs from.
    """
    for a in tok.ancestors:
        if a.lemma_.lower() in REPORT and a.pos_ in ("VERB", "AUX"):
            while (
                root
                and a.dep_ in ("advcl", "conj", "xcomp")
                and a.head.lemma_.lower() in REPORT
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in a.children)
            ):
                a = a.head
            return a.i
    return -1


def cause_clause(tok: Any) -> bool:
    """Tell whether a trigger sits in an "after ..." or "in response to ..." clause."""
    for t in [tok] + list(tok.ancestors):
        if t.lower_ == "response" or (t.lemma_.lower() == "respond" and t.i != tok.i):
            return True
        if t.lower_ in ("after", "following") and t.dep_ in ("prep", "mark"):
            return True
        if any(c.dep_ == "mark" and c.lower_ == "after" for c in t.children):
            return True
    return False


def in_context_clause(tok: Any) -> bool:
    """Tell whether a trigger sits in a clause that gives context ("after", "amid", "since"...)."""
    for t in [tok] + list(tok.ancestors):
        if t.lower_ == "response" or (t.lemma_.lower() == "respond" and t.i != tok.i):
            return True
        if t.lower_ in ("after", "amid", "following", "since", "before", "despite") and t.dep_ in (
            "prep",
            "mark",
        ):
            return True
        if any(
            c.dep_ == "mark" and c.lower_ in ("after", "since", "before", "as") for c in t.children
        ):
            return True
    return False


PRIORITY = {
    ("Battles", "Government regains territory"): 0,
    ("Battles", "Non-state actor overtakes territory"): 0,
    ("Explosions/Remote violence", "Air/drone strike"): 1,
    ("Violence against civilians", "Abduction/forced disappearance"): 1,
    ("Violence against civilians", "Sexual violence"): 1,
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"): 2,
    ("Explosions/Remote violence", "Remote explosive/landmine/IED"): 2,
    ("Explosions/Remote violence", "Suicide bomb"): 1,
    ("Violence against civilians", "Attack"): 3,
    ("Strategic developments", "Disrupted weapons use"): 4,
    ("Battles", "Armed clash"): 5,
}


def strategic_blocked(unit: Unit, ctx: Context) -> bool:
    """Tell whether a martial law or mobilisation mention is negated, denied or only wanted."""
    for tok in unit.tokens:
        if tok.lower_ in (
            "martial",
            "mobilisation",
            "mobilization",
            "mobilize",
            "mobilise",
            "mobilized",
            "mobilised",
            "curfew",
            "emergency",
            "up",
        ):
            why = blocked(tok, unit)
            if why in ("negated", "denied"):
                return True
            if why == "irrealis" and not any(
                a.lemma_ in ("decide", "order") for a in tok.ancestors
            ):
                return True
    s = ctx.text[unit.start : unit.end].lower()
    return bool(re.search(r"\bno need\b|\bnot need\b|\bwill not\b|\bdid not\b", s))
