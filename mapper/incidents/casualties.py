"""Killed and wounded counts, equipment counts, and armed killers.

Counts are read conservatively by :mod:`mapper.numbers`.
"""

from __future__ import annotations

import re
from typing import Any

from mapper.incidents.actors import span_side
from mapper.incidents.lexicon import (
    ARMED,
    CIVILIAN,
    EQUIPMENT,
    FIGHTERS,
    KILL,
    MILITARY,
    NEUTRALISE,
    PEOPLE,
    WOUND,
)
from mapper.incidents.records import Context, Unit
from mapper.incidents.triggers import blocked
from mapper.numbers import count_people, parse_count

__all__ = ["count_casualties", "killers", "TOLL"]


def killers(tok: Any, victims: str | None) -> tuple[str, str] | None:
    """ACLED type for "X killed Y" when X is an armed actor, else None."""
    if tok is None or tok.pos_ != "VERB":
        return None
    if tok.lemma_.lower() not in KILL | WOUND | NEUTRALISE and not _shot_dead(tok):
        return None
    subj = next((c for c in tok.children if c.dep_ in ("nsubj", "agent")), None)
    if subj is not None:
        phrase = list(subj.subtree)
    elif tok.tag_ == "VBD":
        # The parser lost the subject ("In X, RSF fighters and militias killed ..."):
        # read the words between the last comma and the verb.
        left = []
        for j in range(tok.i - 1, max(tok.sent.start, tok.i - 10) - 1, -1):
            if tok.doc[j].is_punct:
                break
            left.append(tok.doc[j])
        phrase = left
    else:
        return None
    words = {t.lemma_.lower() for t in phrase} | {t.lower_ for t in phrase}
    if not words & (ARMED | {"gunman", "gunmen", "attacker", "assailant", "police"}):
        return None
    if victims == "civilian":
        return ("Violence against civilians", "Attack")
    return ("Battles", "Armed clash")


# Killing verbs of one-sided violence: their victims are dead.
_MURDER = frozenset(
    {"execute", "massacre", "behead", "lynch", "slaughter", "murder", "assassinate"}
)


def _shot_dead(verb: Any) -> bool:
    """Tell whether a verb kills by its result: "shot dead", "stabbed dead", "beaten dead"."""
    return any(c.lower_ == "dead" and c.dep_ in ("acomp", "oprd", "xcomp") for c in verb.children)


def count_casualties(unit: Unit, ctx: Context) -> tuple:
    """(fatalities, injuries, equipment notes, a casualty token, victim kind)."""
    fat: int | None = None
    inj: int | None = None
    equip: list[str] = []
    where = None
    victims_kind = None
    victims_side = None
    for tok in unit.tokens:
        lem = tok.lemma_.lower()
        is_kill = lem in KILL | _MURDER or tok.lower_ in ("killed", "dead")
        if lem == "lose" and tok.pos_ == "VERB":
            # "it had lost 12 soldiers" (not "lost control", "lost positions")
            obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
            is_kill = obj is not None and obj.lemma_.lower() in MILITARY | CIVILIAN | {
                "people",
                "man",
                "life",
                "serviceman",
                "servicemen",
                "member",
            }
        is_wound = lem in WOUND or tok.lower_ in ("wounded", "injured")
        neutralised = lem in NEUTRALISE and tok.pos_ == "VERB"
        if not (is_kill or is_wound or neutralised):
            continue
        if blocked(tok, unit) in ("negated", "irrealis"):
            continue
        phrase = _victims(tok, unit)
        if phrase is None:
            continue
        lemmas = {t.lemma_.lower() for t in phrase}
        if neutralised:
            # "four assailants were neutralised": fighters put out of action are dead;
            # "neutralised two tanks" counts equipment, not people.
            if not lemmas & (FIGHTERS | MILITARY) or lemmas & EQUIPMENT:
                continue
            is_kill = True
        words = " ".join(t.text for t in phrase)
        n = count_people(words)
        if lemmas & (CIVILIAN | PEOPLE) or lemmas & {"member", "family"}:
            victims_kind = victims_kind or "civilian"
        elif lemmas & MILITARY:
            victims_kind = victims_kind or "military"
        else:
            victims_kind = victims_kind or "unknown"
        # "shot dead 12 people": the killing verb is "shot"
        where = where or (tok.head if _dead_of(tok) else tok)
        victims_side = victims_side or span_side(phrase, ctx)
        if n is None:
            continue
        if is_kill:
            fat = n if fat is None else max(fat, n)
        else:
            inj = n if inj is None else max(inj, n)
    # Equipment counts ("2 helicopters & 3 UAVs", "10 tanks") go into notes.
    for tok in unit.tokens:
        if tok.lemma_.lower() in EQUIPMENT and tok.tag_ in ("NNS", "NNPS", "NN"):
            nums = [c for c in tok.children if c.dep_ == "nummod"]
            if nums:
                n = parse_count(" ".join(c.text for c in nums))
                if n is not None:
                    equip.append(f"{n} {tok.text}")
    # "The death toll has risen to 14": a new total for the event just told.
    m = TOLL.search(ctx.text[unit.start : unit.end])
    if m and fat is None:
        fat = parse_count(m.group(1))
    return fat, inj, equip, where, victims_kind, victims_side


TOLL = re.compile(
    r"\b(?:death )?toll\b[^.;]{0,60}?\b(?:rose|risen|climbed|reached|stands at|stood at|"
    r"increased|jumped)\b(?: to)?\s+((?:at least |more than |over )?[\w,-]+)",
    re.I,
)


def _dead_of(tok: Any) -> bool:
    """Tell whether "dead" is the result of a verb ("shot dead 12 people")."""
    return (
        tok.lower_ == "dead" and tok.dep_ in ("acomp", "oprd", "xcomp") and tok.head.pos_ == "VERB"
    )


def _victims(tok: Any, unit: Unit) -> list[Any] | None:
    """Return the noun phrase naming who was killed or wounded by this casualty word."""
    if _dead_of(tok):
        for c in tok.head.children:
            if c.dep_ in ("dobj", "nsubjpass"):
                return list(c.subtree)
    roles = ("nsubjpass", "dobj", "nsubj") if tok.pos_ in ("VERB", "AUX") else ()
    for role in roles:
        if role == "nsubj" and tok.lemma_.lower() in (
            {"kill", "wound", "injure", "hurt", "lose"} | NEUTRALISE | _MURDER
        ):
            continue  # the subject of "killed" is the killer, not the victim
        for c in tok.children:
            if c.dep_ != role or c.lower_ in ("that", "which", "who"):
                continue
            return [t for t in c.subtree if t.dep_ not in ("relcl", "acl") or t.i == c.i]
    if tok.dep_ in ("amod", "acl") and tok.head.pos_ in ("NOUN", "PROPN", "NUM"):
        return list(tok.head.subtree)
    if tok.pos_ == "NOUN":  # "five deaths", "dozens of deaths"
        nums = [c for c in tok.children if c.dep_ in ("nummod", "amod")]
        if nums:
            return nums + [tok]
    # "At least 3 civilians were killed and 11 others wounded": the nearest number to the left
    for j in range(tok.i - 1, max(unit.tokens[0].i, tok.i - 4) - 1, -1):
        t = tok.doc[j]
        if t.pos_ in ("NOUN", "PRON", "NUM") and t.dep_ in (
            "conj",
            "nsubj",
            "nsubjpass",
            "dobj",
            "npadvmod",
            "appos",
            "ROOT",
        ):
            return list(t.subtree)
    if tok.lower_ in ("dead", "wounded", "injured") and tok.dep_ in (
        "pobj",
        "dobj",
        "conj",
        "nsubj",
    ):
        return [tok]
    return None
