"""Actors: the side a phrase belongs to, ACLED actor labels, named armed groups."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from mapper.incidents.lexicon import (
    CIVILIAN,
    GENERIC_HEADS,
    KILL,
    NOT_ACTORS,
    OTHER_SIDE,
    REPORT,
    SHELL,
    STRIKE,
)
from mapper.incidents.lookups import country_name, demonym
from mapper.incidents.records import Context, Unit
from mapper.incidents.toponyms import side_of_toponym

__all__ = [
    "span_side",
    "actor_label",
    "state_sides",
    "other_belligerent",
    "find_actors",
    "org_in",
    "IRREGULAR",
]


def span_side(tokens: Iterable[Any], ctx: Context) -> str | None:
    """Return the side (country or region name) a phrase belongs to, from its toponyms."""
    toks = list(tokens)
    if not toks:
        return None
    a = min(t.idx for t in toks)
    b = max(t.idx + len(t.text) for t in toks)
    tops = ctx.toponyms_in(a, b, places=False)
    for t in tops:
        if t.kind == "country" or getattr(t, "adjectival", False):
            return side_of_toponym(t)
    for t in tops:
        if t.kind in ("region", "admin"):
            return t.name
    for t in tops:
        if getattr(getattr(t, "place", None), "feature_code", None) == "PPLC" and _speaks(
            t, toks
        ):
            # "Moscow's Defence Ministry", "the General Staff in Kyiv": a capital speaks
            # for its state.
            return country_name(getattr(t, "country_code", None)) or None
    for t in toks:
        # A demonym the geoparser did not report ("Azerbaijani drones").
        if t.ent_type_ == "NORP" or (
            t.pos_ in ("ADJ", "PROPN")
            and t.text[:1].isupper()
            and t.text.endswith(("ian", "ani", "ese", "ish", "i"))
        ):
            country = demonym(t.text)
            if country:
                return country
    words = {t.lower_ for t in toks}
    if (
        words
        & {
            "breakaway",
            "separatist",
            "self-proclaimed",
            "enclave",
            "unrecognised",
            "unrecognized",
            "region",
            "region's",
            "regional",
        }
        and ctx.theatre is not None
        and ctx.theatre.kind == "region"
    ):
        return ctx.theatre.name
    if "country" in words and ctx.last_country:
        return ctx.last_country
    return None


def _speaks(top: Any, toks: list[Any]) -> bool:
    """Tell whether a capital's name stands for its government in a phrase.

    It does as a possessor or a modifier ("Moscow's ministry", "Kyiv officials") or
    as the seat of an institution ("the General Staff in Kyiv"); not as a target
    ("targets in the capital Sanaa").
    """
    word = next((t for t in toks if t.idx <= top.start < t.idx + len(t.text)), None)
    while word is not None and word.head.i != word.i and word.head.idx < top.end:
        word = word.head  # the last word of the name carries its role
    if word is None:
        return False
    if word.dep_ in ("poss", "compound", "nsubj", "nsubjpass"):
        return True
    prep = word.head
    return (
        word.dep_ == "pobj"
        and prep.lower_ in ("in", "from")
        and prep.head.lemma_.lower() in GENERIC_HEADS | {"staff", "command", "headquarters"}
    )


def state_sides(ctx: Context) -> set[str]:
    """Return the sides of a report that can field state forces.

    They are the countries it names or places events in, and a breakaway region
    that is the report's theatre.
    """
    out = {s for t in ctx.sides if (s := side_of_toponym(t))}
    out |= {c for t in ctx.sides if (c := country_name(getattr(t, "country_code", None)))}
    if ctx.theatre is not None and ctx.theatre.kind == "region":
        out.add(ctx.theatre.name)
    return out


def actor_label(
    side: str | None,
    civil: bool = False,
    orgs: Iterable[str] = (),
    states: Iterable[str] | None = None,
) -> str | None:
    """Return the ACLED actor label for a side (a named armed group keeps its name).

    With ``states``, a side that is none of them (a province, a town) has no
    "Military Forces of" label: None.

    Examples
    --------
    >>> actor_label("Mali"), actor_label("Mali", civil=True), actor_label("RSF", orgs=["RSF"])
    ('Military Forces of Mali', 'Civilians (Mali)', 'RSF')
    >>> actor_label("Mopti", states=["Mali"]) is None
    True
    """
    if side is None:
        return None
    if side in orgs:
        return side  # a named armed group keeps its own name
    if civil:
        return f"Civilians ({side})"
    if states is not None and side not in states:
        return None  # a province or a town fields no army of its own
    return f"Military Forces of {side}"


# Fighters outside any state's forces: with no group named, an unidentified armed group.
# fmt: off
IRREGULAR = frozenset(
    {
        "gunman", "gunmen", "militant", "insurgent", "jihadist", "terrorist", "rebel",
        "bandit", "raider", "assailant", "attacker", "militia", "militiaman", "militiamen",
    }
)
# fmt: on


# A state's forces named without their state.
_STATE_FORCES = frozenset({"army", "military", "junta", "airforce"})


def other_belligerent(side: str | None, ctx: Context) -> str | None:
    """Return the other belligerent of the report than ``side``, or None."""
    others = [b for b in ctx.belligerents if b != side]
    return others[0] if side and others else None


def _acl_subject(verb: Any) -> list[Any]:
    """Return the subject the parser turned into a head noun.

    "NIAMEY — Jihadist fighters killed ..." is read as "fighters [who] killed":
    a past-tense verb hanging on a noun.
    """
    active = verb.tag_ == "VBD" or any(c.dep_ == "dobj" for c in verb.children)
    if verb.dep_ == "acl" and active and verb.head.pos_ in ("NOUN", "PROPN"):
        h = verb.head
        return [*(c for c in h.children if c.dep_ in ("amod", "compound")), h]
    return []


def find_actors(
    tok: Any, unit: Unit, ctx: Context, claim_side: str | None, country: str | None = None
) -> tuple:
    """(actor1 side, actor2 side, victims are civilian, actor1 is irregular) for a trigger.

    The last is True when the attackers are named as gunmen, militants, rebels...
    rather than as a state's forces or a named group. "The army", "military jets"
    with no nationality are the forces of ``country``, the country of the event's place.
    """
    a1 = None
    a1_phrase: list[Any] = []
    verb = tok if tok.pos_ == "VERB" else None
    if verb is not None:
        holder = verb
        if verb.dep_ in ("xcomp", "conj") and not any(c.dep_ == "nsubj" for c in verb.children):
            # "Russian infantry tried to push", "gunmen set fire to homes and shot ...":
            # the subject of the first verb
            holder = verb.head
        for c in verb.children:
            if c.dep_ == "nsubj":
                a1_phrase = list(c.subtree)
            elif c.dep_ == "agent":
                a1_phrase = [t for g in c.children for t in g.subtree]
        if not a1_phrase and holder is not verb:
            for c in holder.children:
                if c.dep_ == "nsubj":
                    a1_phrase = list(c.subtree)
        if not a1_phrase:
            a1_phrase = _acl_subject(verb)
        if not a1_phrase and verb.tag_ == "VBD" and verb.lemma_.lower() in KILL:
            for j in range(verb.i - 1, max(verb.sent.start, verb.i - 10) - 1, -1):
                if verb.doc[j].is_punct:
                    break
                a1_phrase.insert(0, verb.doc[j])
    else:
        a1_phrase = [c for c in tok.children if c.dep_ in ("amod", "compound", "poss")] + [
            t
            for c in tok.children
            if c.dep_ == "prep" and c.lower_ in ("by", "from")
            for t in c.subtree
        ]
        if not a1_phrase and tok.dep_ in ("dobj", "nsubjpass") and tok.head.pos_ == "VERB":
            # "launched a counter-offensive", "was conducting a counteroffensive"
            subj = next((c for c in tok.head.children if c.dep_ in ("nsubj", "agent")), None)
            if subj is not None:
                a1_phrase = list(subj.subtree)
        if not a1_phrase and tok.dep_ == "pobj" and tok.head.lower_ in ("during", "in"):
            # "Israeli forces killed three people during a raid": the raiders are the
            # subject of the clause the raid is in (not a speaker's).
            verb = tok.head.head
            if verb.pos_ == "VERB" and verb.lemma_.lower() not in REPORT:
                subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
                a1_phrase = list(subj.subtree) if subj is not None else _acl_subject(verb)
            verb = None
    # "... by its neighbor", "shelling from Armenia's forces" anywhere in the clause
    if not a1_phrase:
        for t in unit.tokens:
            if t.dep_ in ("agent",) or (
                t.dep_ == "prep"
                and t.lower_ == "from"
                and t.head.lemma_.lower() in SHELL | STRIKE | {"fire"}
            ):
                a1_phrase = [x for g in t.children for x in g.subtree]
                break
    for anc in tok.ancestors:
        if anc.lemma_.lower() == "accuse":
            # "accused Armenian forces of launching attacks": the accused is the attacker.
            obj = next((c for c in anc.children if c.dep_ == "dobj"), None)
            if obj is not None:
                a1_phrase = list(obj.subtree)
            break
    # The parser may hang the dateline on the subject ("KAYA, Mali - Gunmen killed ..."):
    # the dateline names where the report was written, not who acted.
    a1_phrase = [t for t in a1_phrase if t.idx >= ctx.dateline_end]
    if a1_phrase:
        a1 = span_side(a1_phrase, ctx)
        words = {t.lemma_.lower() for t in a1_phrase}
        if a1 is None and (
            words & {"its", "our", "we", "his", "their"}
            and words
            & (
                {"troop", "force", "army", "military", "unit", "country", "soldier"}
                | {"aircraft", "jet", "warplane", "drone", "artillery", "helicopter", "plane"}
            )
            or len(a1_phrase) == 1
            and a1_phrase[0].pos_ == "PRON"
            and a1_phrase[0].lower_ in ("it", "we", "they")
        ):
            a1 = claim_side
        if a1 is None and words & OTHER_SIDE:
            a1 = other_belligerent(claim_side, ctx)
        if a1 is None:
            a1 = org_in(a1_phrase, ctx)
        if a1 is None and words & _STATE_FORCES:
            a1 = country
    # Target: objects of the trigger, or the clause's objects.
    tgt: list[Any] = []
    scope = verb if verb is not None else tok
    for c in scope.children:
        if c.dep_ in ("dobj", "nsubjpass") or (
            c.dep_ == "prep" and c.lower_ in ("on", "at", "against", "with")
        ):
            tgt.extend(c.subtree)
    if tok.pos_ != "VERB":
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("on", "against", "at"):
                tgt.extend(c.subtree)
    tl = {t.lemma_.lower() for t in tgt}
    civil = bool(tl & CIVILIAN)
    tgt = [t for t in tgt if t.idx >= ctx.dateline_end]
    a2 = (span_side(tgt, ctx) or org_in(tgt, ctx)) if tgt else None
    if a2 is None and tl & _STATE_FORCES and not civil:
        a2 = country  # "ambushed an army convoy"
    if a2 == a1:
        a2 = None
    ids = {t.i for t in a1_phrase}
    heads = [t for t in a1_phrase if t.head.i not in ids or t.head.i == t.i]
    irregular = any(
        t.lemma_.lower() in IRREGULAR or t.lower_ in IRREGULAR
        for h in heads
        for t in [
            h,
            *h.conjuncts,
            *(c for c in h.children if c.dep_ in ("amod", "compound")),  # "jihadist fighters"
        ]
    )
    return a1, a2, civil, irregular


def org_in(tokens: list[Any], ctx: Context) -> str | None:
    """Return a named armed group in a phrase ("the Rapid Support Forces", "RSF"), or None."""
    if not tokens:
        return None
    a, b = tokens[0].i, tokens[-1].i
    for e in ctx.doc.ents:
        if e.label_ == "ORG" and a <= e.start and e.end - 1 <= b and not NOT_ACTORS.search(e.text):
            name = re.sub(r"^the\s+", "", e.text, flags=re.I).strip()
            if name and not ctx.toponyms_in(e.start_char, e.end_char, places=False):
                ctx.orgs.add(name)
                return name
    for t in tokens:
        if (
            t.text.isupper()
            and 2 <= len(t.text) <= 6
            and t.pos_ == "PROPN"
            # "RSF", "JNIM", and "M23": an acronym may carry a number
            and (t.is_alpha or re.fullmatch(r"[A-Z]+-?\d{1,3}", t.text))
            and not ctx.toponyms_in(t.idx, t.idx + len(t.text), places=False)
        ):
            ctx.orgs.add(t.text)
            return t.text
    return None
