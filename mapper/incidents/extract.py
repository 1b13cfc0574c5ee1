"""The driver: a report's sentences read one by one into incidents."""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Sequence
from typing import Any

from mapper.incidents.actors import IRREGULAR
from mapper.incidents.casualties import TOLL, count_casualties, killers
from mapper.incidents.claims import find_denial, link_denials
from mapper.incidents.context import build_context
from mapper.incidents.dating import is_background, unit_date
from mapper.incidents.drafts import (
    actor_spans,
    agreement_draft,
    apply_date,
    freeze,
    make_draft,
    strategic_drafts,
)
from mapper.incidents.lexicon import AIR, REPORT, SHELL, STRATEGIC
from mapper.incidents.lookups import km, nlp
from mapper.incidents.places import apply_place, place_for, split_places
from mapper.incidents.records import VIOLENT, Context, Denial, Draft, Incident, Unit
from mapper.incidents.toponyms import side_of_toponym
from mapper.incidents.triggers import (
    PRIORITY,
    armed,
    blocked,
    cause_clause,
    generic_present,
    in_context_clause,
    reporter,
    strategic_blocked,
    trigger_kind,
)
from mapper.numbers import word_number

__all__ = ["extract_incidents"]

logger = logging.getLogger(__name__)


def extract_incidents(
    report: Any,
    toponyms: Sequence[Any],
    *,
    default_date: dt.date | str | None = None,
    doc: Any = None,
) -> list[Incident]:
    """Return the incidents one report tells, one per sentence-level event.

    Parameters
    ----------
    report : mapper.reports.Report
        The report (``id``, ``text``, ``published``, ``dateline_span``...).
    toponyms : sequence of mapper.geoparse.Toponym
        Its toponyms, in text order (offsets into ``report.text``).
    default_date : datetime.date or str, optional
        Publication date for a report without one (or whose own text
        contradicts its metadata date).
    doc : spacy.tokens.Doc, optional
        The parsed ``report.text``; parsed here when not given.

    Returns
    -------
    list of Incident
        In text order; background (historical) events are included with
        ``background=True``. Several incidents may describe one event:
        :func:`mapper.consolidate.consolidate` merges them.

    Examples
    --------
    >>> from types import SimpleNamespace as NS
    >>> text = "Azerbaijani artillery shelled the town of Tartar on Sunday, killing two civilians."
    >>> rep = NS(id="r.txt", text=text, published=dt.date(2020, 9, 28), dateline_span=None,
    ...          body_start=0)
    >>> top = NS(start=42, end=48, text="Tartar", name="Tartar", lat=40.34, lon=46.93,
    ...          kind="settlement", adjectival=False, dateline=False, country_code="AZ",
    ...          place=None)
    >>> adj = NS(start=0, end=11, text="Azerbaijani", name="Azerbaijan", lat=40.5, lon=47.5,
    ...          kind="country", adjectival=True, dateline=False, country_code="AZ", place=None)
    >>> [inc] = extract_incidents(rep, [adj, top])
    >>> inc.event_type, inc.sub_event_type, inc.location, inc.event_date, inc.fatalities
    ('Explosions/Remote violence', 'Shelling/artillery/missile attack', 'Tartar', '2020-09-27', 2)
    >>> inc.actor1, inc.sources[0].quote == text
    ('Military Forces of Azerbaijan', True)
    """
    text = report.text
    if doc is None or getattr(doc, "text", None) != text:
        doc = nlp()(text)
    if isinstance(default_date, str):
        default_date = dt.date.fromisoformat(default_date)
    ctx = build_context(report, toponyms, doc, default_date)
    drafts: list[Draft] = []
    denials: list[Denial] = []
    for unit in ctx.units:
        if unit.caption:
            continue
        try:
            den = find_denial(unit, ctx)
            if den is not None:
                denials.append(den)
            drafts.extend(_unit_events(unit, ctx, drafts))
            _note_country(unit, ctx)
        except Exception:  # noqa: BLE001 - one odd sentence must not lose the whole report
            logger.warning(
                "%s: skipped the sentence at %d..%d: %r",
                report.id,
                unit.start,
                unit.end,
                text[unit.start : unit.end][:80],
                exc_info=True,
            )
    link_denials(drafts, denials, ctx)
    out = [freeze(d, ctx) for d in drafts]
    logger.debug("%s: %d incidents (%d denials)", report.id, len(out), len(denials))
    return out


def _unit_events(unit: Unit, ctx: Context, drafts: list[Draft]) -> list[Draft]:
    """Return the new drafts one sentence tells; figures for the event just told join it."""
    s = ctx.text[unit.start : unit.end]
    low = s.lower()
    # A reciprocal accusation ("accused each other of ...") summarises, it reports no event.
    if re.search(r"\beach other\b|\bone another\b", low) and re.search(r"\baccus|\bblam", low):
        return []
    background = is_background(unit, ctx)
    before = ctx.units[unit.index - 1] if unit.index > 0 else None
    if (
        not background
        and before is not None
        and before.para == unit.para
        and is_background(before, ctx)
        and unit_date(unit, ctx) is None
    ):
        # "... in the 1990s. 30,000 people were killed during the war.": still the past.
        background = True
    found: list[tuple[int, Any, tuple[str, str]]] = []
    for tok in unit.tokens:
        kind = trigger_kind(tok, unit, ctx)
        if kind is None:
            continue
        why = blocked(tok, unit)
        # Only a weapon word is armed by itself; "targeted an audience" is not.
        remote = (
            tok.lemma_.lower() in SHELL | AIR | {"airstrike", "explosion", "blast", "bomb"}
            or tok.lower_ in ("shelled", "shelling", "bombed", "airstrikes")
            or (tok.dep_ == "pobj" and tok.head.lower_ == "under")  # "came under fire"
            or (ctx.war and kind[0] == "Explosions/Remote violence")
            or kind[1] == "Air/drone strike"  # aircraft and drones are armed by themselves
        )
        if why is None and not remote and not armed(unit, ctx, tok):
            why = "no armed actor"
        if why is None and generic_present(tok):
            why = "no armed actor"
        if why:
            logger.debug("trigger %r in %r %s", tok.text, s[:60], why)
            continue
        found.append((PRIORITY[kind], tok, kind))
    downs = [f[1] for f in found if f[2][1] == "Disrupted weapons use"]
    if downs:
        # "intercepted 12 of the 15 missiles": the missiles are what was stopped.
        inside = {t.i for d in downs for t in d.subtree if t.i != d.i}
        found = [f for f in found if f[1].i not in inside]
    if any(f[2][0] == "Explosions/Remote violence" and not in_context_clause(f[1]) for f in found):
        # "launched 20 drones at Odesa ... shot down 17 of them": the interception is part
        # of the strike the sentence tells, not an event of its own.
        found = [f for f in found if f[2][1] != "Disrupted weapons use"]
    strategic = [label for rx, label in STRATEGIC if rx.search(s)]
    if strategic:
        # "declared martial law hours after fighting broke out": the fighting is context.
        found = [f for f in found if not in_context_clause(f[1])]
    casualties = count_casualties(unit, ctx)
    out: list[Draft] = []
    if found:
        # The main clause's event, and apart from it an event given as its cause or
        # context ("shot down two helicopters after a bombing campaign against civilians").
        main = sorted(
            (f for f in found if not in_context_clause(f[1])), key=lambda x: (x[0], x[1].i)
        )
        # Only a cause ("after ...", "in response to ...") is an event of its own; "since the
        # fighting began" only frames the time.
        side = sorted((f for f in found if cause_clause(f[1])), key=lambda x: (x[0], x[1].i))
        # "X said A, while Y said B": each reporting verb tells its own event.
        picks = []
        seen_reporters: set[tuple[int, int]] = set()
        seen_kinds: set[tuple[tuple[int, int], str]] = set()
        for f in main:
            r, top = reporter(f[1]), reporter(f[1], root=True)
            # "X fired rockets at A, and warplanes later struck B": a coordinated clause
            # with a subject of its own tells an event of its own.
            r, top = (r, _own_clause(f[1])), (top, _own_clause(f[1]))
            if r in seen_reporters or (top, f[2][0]) in seen_kinds:
                # "X said A, reporting B": a participle adding the same kind of event
                # tells the same event.
                continue
            seen_reporters.add(r)
            seen_kinds.add((top, f[2][0]))
            picks.append(f)
        if side and (not picks or side[0][2][0] != picks[0][2][0]):
            picks.append(side[0])
        for n, (_, tok, kind) in enumerate(picks):
            d = make_draft(
                unit,
                ctx,
                tok,
                kind,
                casualties if n == 0 else (None, None, [], None, None, None),
                background,
            )
            _date_after(d, tok, drafts + out, ctx)
            prev = (
                _same_claim(d, drafts + out, ctx)
                or _refers_back(d, tok, drafts + out, ctx)
                or _other_version(d, tok, drafts + out, ctx)
            )
            if prev is not None:
                # "It added that three of its adversary's tanks had also been hit."
                _join(prev, d, unit)
            else:
                out.append(d)
                out.extend(split_places(d, unit, ctx))
    elif (agent := killers(casualties[3], casualties[4])) is not None:
        # "RSF fighters killed dozens of civilians": armed killers named, an event of its own,
        # unless it points back to the event just told ("... in the response").
        d = make_draft(unit, ctx, casualties[3], agent, casualties, background)
        prev = _refers_back(d, casualties[3], drafts, ctx)
        if prev is not None:
            _join(prev, d, unit)
        else:
            out.append(d)
    elif casualties[0] is not None or casualties[1] is not None or casualties[2]:
        prev = _continues(unit, drafts, ctx)
        if prev is not None and not background:
            # "The office said 6 others were wounded": more figures for the event just told.
            prev.extra_units.append(unit)
            prev.fatalities = _max(prev.fatalities, casualties[0])
            prev.injuries = _max(prev.injuries, casualties[1])
            prev.equipment.extend(casualties[2])
            if casualties[4] == "civilian" and prev.event_type != "Battles" and prev.actor2 is None:
                prev.actor2 = f"Civilians ({prev.country})" if prev.country else "Civilians"
            return out
        kind = _inherit_kind(unit, drafts, ctx, casualties) if armed(unit, ctx) else None
        if kind is not None:
            tok = casualties[3] or unit.tokens[0]
            out.append(make_draft(unit, ctx, tok, kind, casualties, background))
    if not out and not background:
        protest = _protest(unit, ctx, drafts)
        if protest is not None:
            out.append(protest)
    agreement = agreement_draft(unit, ctx, background)
    if agreement is not None:
        out.append(agreement)
    if strategic and not strategic_blocked(unit, ctx):
        for d in strategic_drafts(unit, ctx, strategic, background):
            out.append(d)
    return out


def _same_claim(d: Draft, drafts: list[Draft], ctx: Context) -> Draft | None:
    """Return the event just told by the same claimant that this sentence continues."""
    if not drafts or d.claimed_by is None:
        return None
    for prev in reversed(drafts[-3:]):
        last = max([prev.unit.index] + [u.index for u in prev.extra_units])
        if d.unit.index - last != 1:
            continue
        if _same_claim_ok(d, prev):
            return prev
    return None


def _same_claim_ok(d: Draft, prev: Draft) -> bool:
    if prev.claimed_by != d.claimed_by or prev.background != d.background:
        return False
    pair = {prev.sub_event_type, d.sub_event_type}
    same = prev.event_type == d.event_type and (
        prev.sub_event_type == d.sub_event_type or prev.event_type == "Battles"
    )
    if not same and pair != {"Armed clash", "Disrupted weapons use"}:
        return False
    if d.geo_precision < 3 and d.place_name != prev.place_name:
        return False
    return not (d.actor1 and prev.actor1 and d.actor1 != prev.actor1)


def _own_clause(tok: Any) -> int:
    """Index of the coordinated clause with its own subject that a trigger is in (-1: none)."""
    for v in [tok, *tok.ancestors]:
        if v.pos_ in ("VERB", "AUX") and v.dep_ == "conj":
            if any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children):
                return v.i
        if v.lemma_.lower() in REPORT and v.pos_ in ("VERB", "AUX"):
            break
    return -1


_LATER = re.compile(
    r"\b(?:(a|one|two|three|four|five|six|\d+) days? later|the (next|following) day|"
    r"(hours|minutes) later|later (that|the same) (day|night))\b",
    re.I,
)


def _date_after(d: Draft, tok: Any, drafts: list[Draft], ctx: Context) -> None:
    """Date an event told "a day later" / "hours later" from the event told just before."""
    m = _LATER.search(ctx.text[d.unit.start : d.unit.end])
    if m is None or unit_date(d.unit, ctx, tok) is not None:
        return
    prev = next((p for p in reversed(drafts) if p.date is not None and not p.background), None)
    if prev is None:
        return
    n = 0
    if m.group(1):
        n = 1 if m.group(1).lower() in ("a", "one") else word_number(m.group(1)) or 0
    elif m.group(2):
        n = 1
    d.date = prev.date + dt.timedelta(days=n)
    d.time_precision = prev.time_precision


_PROTESTERS = frozenset({"protester", "protestor", "demonstrator", "marcher"})
_CROWD = frozenset(
    {"people", "resident", "student", "worker", "woman", "thousand", "hundred", "dozen"}
)
_HOLD = frozenset({"hold", "stage", "organise", "organize", "take", "erupt", "break", "march"})
_INTERVENE = re.compile(
    r"\b(tear ?gas|water cannons?|rubber bullets|disperse[ds]?|dispersing|arrest(ed|ing)?|"
    r"detain(ed|ing)?|beat(en)?|baton)\b",
    re.I,
)


def _protest(unit: Unit, ctx: Context, drafts: list[Draft]) -> Draft | None:
    """Return a protest a sentence tells, or mark the one just told as dispersed.

    "Hundreds of people protested in X", "protesters marched ...", "a rally was held":
    Protests/Peaceful protest; police dispersing them, in the same or the next
    sentence, make it a protest with intervention.
    """
    text = ctx.text[unit.start : unit.end]
    found = None
    for tok in unit.tokens:
        lem = tok.lemma_.lower()
        if lem in _PROTESTERS and tok.dep_ in ("nsubj", "nsubjpass", "pobj", "dobj"):
            found = tok
        elif lem in ("protest", "demonstrate") and tok.pos_ == "VERB":
            subj = {
                t.lemma_.lower()
                for c in tok.children
                if c.dep_ == "nsubj"
                for t in c.subtree
            }
            if subj & (_CROWD | _PROTESTERS):
                found = tok
        elif lem in ("protest", "demonstration", "rally") and tok.pos_ == "NOUN":
            if tok.dep_ in ("dobj", "nsubj", "nsubjpass") and tok.head.lemma_.lower() in _HOLD:
                found = tok
        if found is not None and blocked(found, unit) is None:
            break
        found = None
    if found is None:
        prev = drafts[-1] if drafts else None
        if (
            prev is not None
            and prev.event_type == "Protests"
            and prev.unit.index == unit.index - 1
            and _INTERVENE.search(text)
        ):
            # "Police used water cannon to disperse them."
            prev.sub_event_type = "Protest with intervention"
            prev.extra_units.append(unit)
        return None
    d = Draft(
        unit=unit, event_type="Protests", sub_event_type="Peaceful protest", trigger=found.text
    )
    place, prec = place_for(found, unit, ctx, actor_spans(unit, found))
    apply_place(d, place, prec, ctx)
    if _INTERVENE.search(text):
        d.sub_event_type = "Protest with intervention"
    d.actor1 = f"Protesters ({d.country})" if d.country else "Protesters"
    d.content = frozenset({"protest"})
    apply_date(d, unit, ctx, found)
    return d


def _join(prev: Draft, d: Draft, unit: Unit) -> None:
    """Add a sentence that tells more of an event already drafted to that event."""
    if unit is not prev.unit and unit not in prev.extra_units:
        prev.extra_units.append(unit)
    prev.fatalities = _max(prev.fatalities, d.fatalities)
    prev.injuries = _max(prev.injuries, d.injuries)
    prev.equipment.extend(d.equipment)
    if (
        d.date is not None
        and prev.date is not None
        and d.time_precision < prev.time_precision
        and abs((d.date - prev.date).days) <= 7
    ):
        # "ambushed a convoy last week ... The convoy was attacked on Thursday"
        prev.date, prev.time_precision = d.date, d.time_precision


def _recent(drafts: list[Draft], unit: Unit, reach: int) -> list[Draft]:
    """Violent, current drafts told at most ``reach`` sentences before ``unit``, latest first."""
    out = []
    for prev in reversed(drafts):
        last = max([prev.unit.index] + [u.index for u in prev.extra_units])
        if prev.unit.index == unit.index or prev.background or prev.event_type not in VIOLENT:
            continue
        if 0 < unit.index - last <= reach:
            out.append(prev)
    return out


def _placeless(d: Draft, tok: Any, ctx: Context) -> bool:
    """Tell whether a draft's sentence names no place for it (it fell back to the theatre)."""
    return place_for(tok, d.unit, ctx, actor_spans(d.unit, tok))[0] is None


def _own_place(d: Draft, prev: Draft, tok: Any, ctx: Context) -> bool:
    """Tell whether a draft names a place of its own, other than ``prev``'s.

    A district of the city just named ("the city's Osnovianskyi district") is not
    another place: what lies within 20 km of ``prev``'s settlement is its place.
    """
    if _placeless(d, tok, ctx) or d.place_name == prev.place_name:
        return False
    if None in (d.lat, d.lon, prev.lat, prev.lon) or prev.geo_precision == 3:
        return True
    return km(d.lat, d.lon, prev.lat, prev.lon) > 20.0


def _definite(np: Any) -> bool:
    """Tell whether a noun phrase points back: "the convoy", "one of the bombs", "its troops"."""
    dets = {c.lower_ for c in np.children if c.dep_ in ("det", "poss", "amod")}
    if dets & {"the", "this", "that", "these", "those"}:
        return True
    if dets & {"second", "third", "another", "further"}:
        return True  # "A second missile struck as rescuers arrived"
    return any(
        c.dep_ == "prep"
        and c.lower_ == "of"
        and any(g.dep_ == "pobj" and (_definite(g) or g.lower_ == "them") for g in c.children)
        for c in np.children
    )


# Nouns naming an event already told: "in the response", "during the fighting".
_EVENT_NOUNS = frozenset(
    {"response", "fighting", "attack", "clash", "ambush", "raid", "assault", "battle", "strike"}
)


def _refers_back(d: Draft, tok: Any, drafts: list[Draft], ctx: Context) -> Draft | None:
    """Return the event a sentence tells more of by pointing back to it.

    "One of the bombs hit a printing house", "The convoy was attacked on Thursday",
    "... during the fighting": a definite phrase naming what the event just told
    already named, with no other place, is that event again. So is damage with no
    place and no attacker ("houses and a school had been destroyed").
    """
    if d.background:
        return None
    verb = tok if tok.pos_ in ("VERB", "AUX") else None
    phrases = []
    if verb is not None:
        phrases = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
        if verb.dep_ in ("conj", "xcomp") and not any(c.dep_ == "nsubj" for c in verb.children):
            # "the attackers arrived ... and fired": the subject of the first verb
            phrases += [c for c in verb.head.children if c.dep_ == "nsubj"]
        # "killed dozens of terrorists in the response / during the fighting"
        phrases += [
            g
            for c in verb.children
            if c.dep_ == "prep" and c.lower_ in ("in", "during")
            for g in c.children
            if g.dep_ == "pobj" and g.lemma_.lower() in _EVENT_NOUNS
        ]
    else:
        phrases = [tok]
    own_date = unit_date(d.unit, ctx, tok)
    for prev in _recent(drafts, d.unit, 3):
        if _own_place(d, prev, tok, ctx) or not _dates_fit(own_date, prev):
            continue
        names = prev.content | {prev.trigger.lower()}
        for np in phrases:
            head = np.lemma_.lower()
            if np.lower_ in ("one", "some", "most", "many", "several", "two", "three"):
                pobj = [g for c in np.children if c.dep_ == "prep" for g in c.children]
                head = pobj[0].lemma_.lower() if pobj else head
            same_word = (
                head in names
                or (np is tok and prev.event_type == d.event_type)
                # "the attackers", "the gunmen": the attackers of the event just told
                or (head in IRREGULAR and np.dep_ in ("nsubj", "nsubjpass"))
                or (head in _EVENT_NOUNS and np.dep_ == "pobj")
            )
            if same_word and _definite(np):
                return prev
        if (
            verb is not None
            and tok.lemma_.lower() in ("destroy", "damage")
            and d.actor1 is None
            and _placeless(d, tok, ctx)
            and not any(c.dep_ == "agent" for c in verb.children)
        ):
            return prev
    return None


def _dates_fit(own: tuple[dt.date, int] | None, prev: Draft) -> bool:
    """Tell whether a sentence's own date (if any) can be the date of ``prev``."""
    if own is None or prev.date is None:
        return True
    if own[1] == 1 and prev.time_precision == 1:
        return own[0] == prev.date
    return abs((own[0] - prev.date).days) <= 7


def _other_version(d: Draft, tok: Any, drafts: list[Draft], ctx: Context) -> Draft | None:
    """Return the event a party's placeless statement about its own strike answers.

    "The military said it had struck a militant", "the ministry said it had targeted
    military infrastructure", after another source told that side's strike: the
    other side's version of that event, not a new one.
    """
    if d.background or d.claimed_by is None or d.actor1_side is None:
        return None
    if not _placeless(d, tok, ctx):
        return None
    if unit_date(d.unit, ctx, tok) is not None:
        return None
    for prev in _recent(drafts, d.unit, 4):
        if prev.actor1_side == d.actor1_side and prev.claimed_by != d.claimed_by:
            return prev
    return None


def _max(a: int | None, b: int | None) -> int | None:
    return b if a is None else a if b is None else max(a, b)


def _continues(unit: Unit, drafts: list[Draft], ctx: Context) -> Draft | None:
    """Return the event a figures-only sentence continues (the one just before), or None."""
    if not drafts:
        return None
    prev = drafts[-1]
    # "... two people were killed in the Israeli strike": of the events just told, the
    # one whose attacker the sentence names.
    named = {side_of_toponym(t) for t in ctx.toponyms_in(unit.start, unit.end, places=False)}
    told = [d for d in drafts if d.unit is prev.unit and d.event_type in VIOLENT]
    prev = next((d for d in reversed(told) if d.actor1_side in named), prev)
    last = max([prev.unit.index] + [u.index for u in prev.extra_units])
    if unit.index - last > 1 or prev.background or prev.event_type not in VIOLENT:
        return None
    own = [t for t in ctx.toponyms_in(unit.start, unit.end) if t.kind != "country"]
    if own and all(t.name != prev.place_name for t in own):
        return None
    toll = TOLL.search(ctx.text[unit.start : unit.end])
    if not toll and not _dates_fit(unit_date(unit, ctx), prev):
        return None  # "Police killed two gunmen on Monday" after Wednesday's clash
    return prev


def _inherit_kind(
    unit: Unit, drafts: list[Draft], ctx: Context, casualties: tuple
) -> tuple[str, str] | None:
    """Type for a sentence that only counts casualties: its neighbour's, else a default."""
    if casualties[4] == "military":
        return ("Battles", "Armed clash")  # soldiers' deaths are counted from fighting
    for d in reversed(drafts[-3:]):
        if d.unit.index >= unit.index - 2 and d.event_type in VIOLENT:
            if d.event_type == "Battles":
                return ("Battles", "Armed clash")  # the dead of a fight, not a second capture
            return (d.event_type, d.sub_event_type)
    if casualties[4] is None:  # no victims at all (equipment only)
        return None
    if casualties[4] == "civilian":
        if ctx.has_remote:
            return ("Explosions/Remote violence", "Shelling/artillery/missile attack")
        return ("Violence against civilians", "Attack")
    return ("Battles", "Armed clash")


def _note_country(unit: Unit, ctx: Context) -> None:
    for t in ctx.toponyms_in(unit.start, unit.end, places=False):
        if t.kind == "country":
            ctx.last_country = t.name
