"""Drafts: incidents under construction, frozen into :class:`Incident` at the end.

A draft comes from one trigger, an agreement or a declaration (martial law,
mobilisation).
"""

from __future__ import annotations

import hashlib
import re
from typing import Any

from mapper.incidents.actors import (
    IRREGULAR,
    actor_label,
    find_actors,
    other_belligerent,
    span_side,
    state_sides,
)
from mapper.incidents.claims import claim_of
from mapper.incidents.dating import UNCERTAIN, unit_date
from mapper.incidents.lexicon import (
    AGREE,
    AIR,
    CLASH,
    DENY,
    GENERIC_HEADS,
    MILITARY,
    REPORT,
    SHELL,
    STRIKE,
    TRUCE,
)
from mapper.incidents.places import apply_place, capital_place, place_for
from mapper.incidents.records import Context, Draft, Incident, Source, Unit
from mapper.incidents.sentences import clause_verb
from mapper.incidents.triggers import blocked, in_context_clause

__all__ = [
    "make_draft",
    "agreement_draft",
    "strategic_drafts",
    "freeze",
    "actor_spans",
    "apply_date",
]


def agreement_draft(unit: Unit, ctx: Context, background: bool) -> Draft | None:
    """Return a ceasefire or peace deal agreed, signed or taking effect, if any."""
    if background:
        return None
    for tok in unit.tokens:
        lem = tok.lemma_.lower()
        if lem not in TRUCE or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        if lem in ("agreement", "deal", "accord") and not any(
            t.lemma_.lower() in ("peace", "ceasefire", "truce", "cease-fire") for t in tok.children
        ):
            continue
        verb = tok.head if tok.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj") else None
        if verb is not None and tok.dep_ == "pobj":
            verb = verb.head
        if verb is None and tok.dep_ == "appos" and tok.head.idx < ctx.dateline_end:
            # "KHARTOUM, Sudan — A truce ... took effect": the parser hung the subject on
            # the dateline; its verb is the dateline's verb, else the sentence's root.
            verb = next((a for a in tok.ancestors if a.pos_ == "VERB"), None) or next(
                (t for t in unit.tokens if t.dep_ == "ROOT" and t.i > tok.i), None
            )
        if verb is None or verb.lemma_.lower() not in AGREE:
            continue
        if verb.lemma_.lower() in ("take", "come", "enter") and not any(
            c.lemma_.lower() in ("effect", "force", "into") for c in verb.subtree
        ):
            continue
        if blocked(verb, unit) or blocked(tok, unit) or in_context_clause(tok):
            continue  # "a week after a ceasefire was agreed": an earlier, known event
        if _unrealised(verb):
            continue  # "pressing both sides to agree to a ceasefire": not agreed yet
        d = Draft(
            unit=unit,
            event_type="Strategic developments",
            sub_event_type="Agreement",
            trigger=tok.text,
        )
        place, prec = place_for(tok, unit, ctx, actor_spans(unit, tok))
        apply_place(d, place, 2 if place is not None else 3, ctx)
        d.claimed_by = None
        d.content = frozenset({"agreement"})
        apply_date(d, unit, ctx, tok)
        return d
    return None


def _unrealised(verb: Any) -> bool:
    """Tell whether a verb is an infinitive someone wants, expects or presses for.

    "pressing both sides to agree", "expected to sign", "ready to declare": the
    event has not happened. "managed to agree", "went on to sign" did happen.
    """
    if not any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children):
        return False
    return verb.head.lemma_.lower() not in ("manage", "go", "begin", "start", "continue")


def make_draft(
    unit: Unit, ctx: Context, tok: Any, kind: tuple[str, str], casualties: tuple, background: bool
) -> Draft:
    """Return the draft for one trigger: claim, actors, place, figures and date."""
    et, sub = kind
    claimant, cside = claim_of(tok, unit, ctx)
    if claimant:
        ctx.last_claimant = (claimant, cside)
    exclude = actor_spans(unit, tok)
    place, prec = place_for(tok, unit, ctx, exclude)
    d = Draft(unit=unit, event_type=et, sub_event_type=sub, trigger=tok.text)
    apply_place(d, place, prec, ctx)
    a1, a2, civil, irregular = find_actors(tok, unit, ctx, cside, d.country)
    if a1 is not None and a1 == cside and claimant and _non_state(claimant):
        # "Ethnic armed groups said they had captured the town": the group, not its country.
        irregular = True
    fat, inj, equip, _, victims, _vside = casualties
    if victims == "civilian":
        civil = True
    elif victims == "military" and et == "Battles":
        civil = False
        if a2 is None and casualties[5]:
            a2 = casualties[5]
    states = state_sides(ctx)
    if et == "Battles" and sub != "Armed clash":
        d.sub_event_type = _territory(tok, a1, irregular, d, ctx, states)
    if civil and et != "Battles":
        # Victims are labelled by their state: a province or a town is not one.
        where = a2 if a2 in states else (d.country or a2)
        d.actor2 = f"Civilians ({where})" if where else "Civilians"
        a2 = None
    d.actor1_side = a1
    if irregular and a1 not in ctx.orgs:
        # "Gunmen", "Palestinian militants": no state's forces, no group named.
        where = a1 if a1 in states else d.country
        d.actor1 = f"Unidentified Armed Group ({where})" if where else "Unidentified Armed Group"
    else:
        d.actor1 = actor_label(a1, orgs=ctx.orgs, states=states)
    if d.actor2 is None and a2 is not None:
        d.actor2_side, d.actor2 = a2, actor_label(a2, orgs=ctx.orgs, states=states)
    if d.actor2 is None and et == "Battles" and a1 is not None:
        other = other_belligerent(a1, ctx)
        d.actor2_side, d.actor2 = other, actor_label(other, states=states)
    d.victims_civilian = civil
    d.claimed_by, d.claimant_side = claimant, cside
    d.fatalities, d.injuries, d.equipment = fat, inj, list(equip)
    d.background = background
    d.content = frozenset(t.lemma_.lower() for t in unit.tokens if t.pos_ in ("NOUN", "PROPN"))
    apply_date(d, unit, ctx, tok)
    return d


def _non_state(name: str) -> bool:
    """Tell whether a claimant's name is a non-state armed group's ("armed groups")."""
    words = {w.lower().rstrip("s") for w in re.findall(r"[\w-]+", name)}
    return bool(words & ({"group", "alliance", "movement", "front", "rebel"} | IRREGULAR))


def _territory(
    tok: Any, a1: str | None, irregular: bool, d: Draft, ctx: Context, states: set[str]
) -> str:
    """ACLED sub-event type for territory taken.

    A non-state group overtakes territory; a state regains it when it retakes or
    liberates ground, or takes ground in its own country. A state taking ground
    in another state's country is fighting that state: an armed clash.
    """
    if a1 in ctx.orgs or irregular:
        return "Non-state actor overtakes territory"
    if tok.lemma_.lower() in ("retake", "recapture", "liberate", "regain"):
        return "Government regains territory"
    if a1 in states and d.country and a1 != d.country and d.geo_precision < 3:
        return "Armed clash"
    return "Government regains territory"


def actor_spans(unit: Unit, tok: Any) -> list[tuple[int, int]]:
    """Character spans of subjects of reporting verbs and of possessors: not incident places."""
    spans = []
    for t in unit.tokens:
        if t.dep_ in ("nsubj", "nsubjpass", "agent") and (
            t.head.lemma_.lower() in REPORT | DENY
            or t.head.i != tok.i
            and t.head.pos_ == "VERB"
            and t.head.lemma_.lower() not in SHELL | STRIKE
            # "The town of Tartar came under fire": a place as subject is still the place
            and t.lemma_.lower() in MILITARY | GENERIC_HEADS | {"official", "authority", "side"}
        ):
            sub = list(t.subtree)
            spans.append((sub[0].idx, sub[-1].idx + len(sub[-1].text)))
        if t.dep_ == "prep" and t.lower_ in ("from", "by"):
            # "fire from Armenia's forces" names an actor; "by shelling in the town of X"
            # names a weapon and then the place.
            objs = [c for c in t.children if c.dep_ == "pobj"]
            if not objs or objs[0].lemma_.lower() in SHELL | STRIKE | CLASH | AIR:
                continue
            keep = {
                x.i
                for c in objs[0].children
                if c.dep_ == "prep" and c.lower_ in ("in", "at", "near", "on", "outside")
                for x in c.subtree
            }
            sub = [x for x in t.subtree if x.i not in keep]
            spans.append((sub[0].idx, sub[-1].idx + len(sub[-1].text)))
    return spans


def apply_date(d: Draft, unit: Unit, ctx: Context, tok: Any = None) -> None:
    """Date ``d`` from its sentence, else the report's main date, else its anchor (week)."""
    r = unit_date(unit, ctx, tok)
    if r is None:
        r = ctx.main_date
    if r is None and ctx.anchor is not None:
        r = (ctx.anchor, 2)
    if r is not None and ctx.anchor_note.endswith(UNCERTAIN):
        r = (r[0], 3)  # the year itself is in doubt: never state day precision
    if r is not None:
        d.date, d.time_precision = r
    d.date_note = ctx.anchor_note


def strategic_drafts(unit: Unit, ctx: Context, labels: list[str], background: bool) -> list[Draft]:
    """Martial law, mobilisation...: one draft per declaring government, at its capital."""
    tok = next(
        (
            t
            for t in unit.tokens
            if t.lower_
            in (
                "martial",
                "mobilisation",
                "mobilization",
                "curfew",
                "emergency",
                "mobilized",
                "mobilised",
                "called",
            )
        ),
        unit.tokens[0],
    )
    verb = clause_verb(tok)
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    for a in [verb] + list(verb.ancestors):
        if subj is not None and subj.pos_ != "PRON":
            break
        if a.lemma_.lower() in REPORT:
            break
        subj = next((c for c in a.children if c.dep_ in ("nsubj", "nsubjpass")), subj)
    groups: list[list[Any]] = []
    if subj is not None:
        heads = [subj] + [c for c in subj.conjuncts]
        for h in heads:
            groups.append(
                [
                    t
                    for t in h.subtree
                    if t not in [x for c in h.conjuncts for x in c.subtree] and t.dep_ != "cc"
                ]
            )
    sides = []
    for g in groups or [[]]:
        side = span_side(g, ctx) if g else None
        if side is None and ctx.last_claimant and any(t.pos_ == "PRON" for t in g):
            side = ctx.last_claimant[1]
        sides.append(side)
    out = []
    claimant, cside = claim_of(tok, unit, ctx)
    for side in dict.fromkeys(sides):
        d = Draft(
            unit=unit,
            event_type="Strategic developments",
            sub_event_type="Other",
            trigger=", ".join(labels),
        )
        place = None
        if side is not None:
            place = capital_place(side, ctx)
        apply_place(d, place, 2, ctx)
        if side is not None:
            d.actor1 = f"Government of {side}"
            d.actor1_side = side
        # Announcing one's own martial law is a fact, not a claim.
        d.claimed_by = claimant if cside and side and cside != side else None
        d.background = background
        d.content = frozenset(labels)
        apply_date(d, unit, ctx, tok)
        out.append(d)
    return out


def freeze(d: Draft, ctx: Context) -> Incident:
    """Return the finished :class:`Incident` of a draft, with its id, notes and sources."""
    rid = ctx.report.id
    units = [d.unit] + [u for u in d.extra_units if u is not d.unit]
    sources = tuple(Source(rid, ctx.text[u.start : u.end], u.start, u.end) for u in units)
    key = (
        f"{rid}:{d.unit.start}:{d.unit.end}:{d.event_type}:{d.sub_event_type}:{d.actor1}"
        f":{d.place_name}"
    )
    iid = "inc-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]
    return Incident(
        id=iid,
        event_date=d.date.isoformat() if d.date else None,
        time_precision=d.time_precision,
        event_type=d.event_type,
        sub_event_type=d.sub_event_type,
        actor1=d.actor1,
        actor2=d.actor2,
        location=d.place_name,
        country=d.country,
        lat=d.lat,
        lon=d.lon,
        geometry=d.geometry,
        geo_precision=d.geo_precision,
        fatalities=d.fatalities,
        injuries=d.injuries,
        claimed_by=d.claimed_by,
        disputed=d.disputed,
        disputed_by=d.disputed_by,
        background=d.background,
        notes=_notes(d),
        sources=sources,
    )


def _notes(d: Draft) -> str:
    parts = [f"{d.sub_event_type}" + (f" at {d.place_name}" if d.place_name else "")]
    if d.actor1:
        parts.append(f"by {d.actor1}")
    if d.claimed_by:
        parts.append(f"according to {d.claimed_by}")
    if d.fatalities:
        parts.append(f"{d.fatalities} killed")
    if d.injuries:
        parts.append(f"{d.injuries} wounded")
    if d.equipment:
        parts.append("equipment: " + ", ".join(d.equipment))
    if d.disputed:
        parts.append(f"denied by {d.disputed_by or 'the other side'}")
    if d.background:
        parts.append("historical (background)")
    note = "; ".join(parts) + "."
    if d.date_note:
        note += " " + d.date_note[0].upper() + d.date_note[1:] + "."
    return note
