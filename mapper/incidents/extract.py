"""The driver: a parsed report through every stage into incidents.

Each stage is a function from the Doc and the earlier stages' records to new
records; nothing is mutated on the way:

1. :func:`~mapper.incidents.units.text_units` and
   :func:`~mapper.incidents.sites.sites_of` read sentences and places off the
   Doc; :func:`~mapper.incidents.timeline.build_timeline` resolves its times;
2. :func:`~mapper.incidents.frames.frames_of` detects accounts of events;
3. :func:`~mapper.incidents.events.mentions_of` cuts them per place and date,
   :func:`~mapper.incidents.events.join_mentions` groups them into events;
4. this module types each event, names its actors, counts its casualties,
   decides whether it is a claim and whether it is disputed, and writes the
   :class:`~mapper.incidents.records.Incident`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from mapper.incidents.actors import Actor, actor_name, actor_of, coordinated_sides
from mapper.incidents.casualties import Counts, combine
from mapper.incidents.claims import Denial, denial_of, source_of
from mapper.incidents.claims import Source as Teller
from mapper.incidents.coding import code_event
from mapper.incidents.events import (
    LEDE_DAYS,
    EventGroup,
    Mention,
    carry_means,
    join_mentions,
    mentions_of,
    opens_another,
)
from mapper.incidents.frames import Frame, frames_of
from mapper.incidents.groups import group_name, state_body
from mapper.incidents.lexicon import SPORT
from mapper.incidents.places import EventPlace, measured_from, named_as_border
from mapper.incidents.records import (
    Incident,
    Source,
    coded_like,
    one_demonstration,
    unarmed_actor,
)
from mapper.incidents.sites import Site, sites_of
from mapper.incidents.timeline import build_timeline, byline_date
from mapper.incidents.units import opens_entry, text_units

__all__ = ["extract_incidents"]

logger = logging.getLogger(__name__)

# A report's own byline date replaces its metadata date when they differ this much.
_BYLINE_GAP = dt.timedelta(days=60)
_CLAIM_VERBS = frozenset({"claim", "allege", "accuse", "insist", "blame"})


def _publication(report: Any, default_date: dt.date | None) -> dt.date | None:
    """Return the report's own date: its byline when it contradicts the metadata, else metadata."""
    published = getattr(report, "published", None) or default_date
    own = byline_date(report.text)
    if own is not None and (published is None or abs(own - published) > _BYLINE_GAP):
        return own
    return published


def _focus(sites: Sequence[Site]) -> Site | None:
    """Return the area a report is about: the place it keeps returning to, else its country."""
    usable = [s for s in sites if s.usable and not s.qualifier]
    # The place a report keeps returning to (named twice or more) below country level,
    # else its country, else whatever place it names.
    finer = [s for s in usable if s.kind not in ("country", "other")]
    best = _commonest(finer)
    if best is not None and sum(s.name == best.name for s in finer) >= 2:
        return best
    # a name the index lacks, placed at the area the text puts it in, is where the report
    # is when it names nothing else: "a grenade attack on the Machakos bus station in
    # Nairobi" ([acled-dev ken 2013-06-17]), the station placed in Nairobi
    last = ("region", "line", "admin", "settlement", "feature", "other")
    for kinds in (("country",), last):
        # a country that acts ("carried out by France in Burkina Faso") is who, not where
        of_kind = [s for s in usable if s.kind in kinds]
        best = _commonest([s for s in of_kind if not s.agent]) or _commonest(of_kind)
        if best is not None:
            return best
    return None


def _outside_header(report: Any, sites: list[Site]) -> list[Site]:
    """Drop the places a report's header names outside its title.

    "Source: The Columbus Dispatch (AP)" above an AP report on a bombing in
    Balad Ruz, Iraq (October 2010) had made Columbus, Ohio the event's site;
    "Source: Capital FM (Kenya)" names the outlet's home, not the news. The
    title (``Report.title_span``) is the report's headline and stays.
    """
    body = getattr(report, "body_start", 0) or 0
    a, b = getattr(report, "title_span", None) or (0, 0)
    return [s for s in sites if s.start >= body or a <= s.start < b]


def _dateline_place(sites: Sequence[Site]) -> Site | None:
    """Return the dateline's place when the report names no other: the last resort.

    "NAIROBI, June 25 - Several demonstrators were shot after many stormed
    Parliament" (Capital FM, 25 June 2024, no other place in the text);
    "BAGHDAD, Iraq - A roadside bomb attack killed three American soldiers"
    (AP, 12 October 2004, placed "in eastern Baghdad" only further down): a
    report filed from a town is mostly about it; precision 3 says how little
    that is.
    """
    return next((s for s in sites if s.dateline and s.lat is not None and not s.adjectival), None)


def _within(focus: Site | None, dateline: Site | None) -> Site | None:
    """Return the dateline's town when the report's area is only the country it lies in.

    "NAIROBI, June 25 – Several demonstrators were shot after many stormed the
    National Assembly precincts" with "God save Kenya" its only other place
    (Capital FM, 25 June 2024); "BAGHDAD, Iraq - A roadside bomb attack killed
    three American soldiers" (AP, 12 October 2004): the town the report is
    filed from says more than its country.
    """
    if dateline is None:
        return focus
    if focus is None or (
        focus.kind == "country"
        and dateline.country_code is not None
        and focus.country_code == dateline.country_code
    ):
        return dateline
    return focus


def _commonest(sites: Sequence[Site]) -> Site | None:
    """Return the first site of the name named most often (the first of equals), or None."""
    if not sites:
        return None
    name = Counter(s.name for s in sites).most_common(1)[0][0]
    return next(s for s in sites if s.name == name)


_COARSE = ("country", "region", "other")


def _event_focus(mentions: Sequence[Mention]) -> Site | None:
    """Return the place the report's own events happen at most often, if any event is placed.

    A report's area is where its events are, not the capital that speaks or is
    accused: India accusing Beijing of abducting five Indians
    ([news-dev 03]) in a report of clashes in Ladakh; "Islamic State of Iraq"
    in a chronology of fighting around Arsal and Quneitra ([WSyria]). Countries and
    regions do not count: they are the fallback's own last resort. Nor does the
    place of an event the report tells as one more: "Eight more Malian soldiers
    were killed ... in an ambush in the central Gao region" had become the place
    of the village massacre told before it, whose village the index lacks (AFP
    via France 24, Ogossagou, February 2020), as "another airstrike on the
    nearby town of Saraqeb" is not where the first strike fell (AP, December 2019).
    """
    return _commonest(
        [
            m.place.site
            for m in mentions
            if m.place is not None
            and not m.background
            and not m.fresh
            and m.place.site.kind not in _COARSE
        ]
    )


def _place_of(
    group: EventGroup, fallback: EventPlace | None, text: str = ""
) -> EventPlace | None:
    """Return the most precise place the event's passages give (the first of equals).

    A region is finer than its country, though both are coded precision 3: "an
    AU military base in Somalia" then "military base in Lower Shabelle region"
    (Shabelle Media Network, 2 January 2020) is an event in Lower Shabelle. A
    town the text only measures from is coarser than the place it then names:
    "in a town north of the Iraqi capital city ... The blast in the town of
    Balad Ruz" (AP via The Columbus Dispatch, October 2010), "The blast took
    place in the town of Balad Ruz, 45 miles (70 kilometers) northeast of
    Baghdad" (AP via Fox News, October 2010).
    """
    placed = [m.place for m in group.mentions if m.place is not None]
    if not placed:
        return fallback
    return min(
        placed,
        key=lambda p: (
            p.precision,
            _breadth(p.site),
            measured_from(text, p.site),
        ),
    )


def _breadth(site: Site) -> int:
    """Rank a place by how much it covers: within a country, a country, beyond one.

    A region of no one country is coarser than the country it holds: "Attacks by
    suspected Islamic extremists in northern Benin" joined by "groups ... have spread
    violence across West Africa, including to coastal countries, like Benin" (AP via
    ummnews.org, W National Park) had moved the attack to West Africa.
    """
    if site.kind == "country":
        return 1
    return 2 if site.kind == "region" and site.country_code is None else 0


#: Protest sub-types by the force the state used, least first.
_PROTEST_RANK = [
    ("Protests", "Peaceful protest"),
    ("Protests", "Protest with intervention"),
    ("Protests", "Excessive force against protesters"),
]


def _code_of(group: EventGroup) -> tuple[str, str]:
    """Return the event's type, from everything its passages say (the lede's when they conflict).

    A riot whose accounts speak of protesters is a violent demonstration, not
    mob violence (the codebook keeps mob violence for crowds with no
    demonstration): "protesters who stormed the parliament compound" then
    parliament "burned by angry youths" (Anadolu, Nairobi, 25 June 2024);
    "Crowds stormed the building ... Part of the complex was set on fire"
    after police "opened fire on protesters" (Channel 4 News, the same day).
    """
    code = _told_code(group)
    protested = any(
        "protest" in m.frame.cues for m in group.mentions if not m.unit.display
    )
    if code == ("Riots", "Mob violence") and protested:
        return ("Riots", "Violent demonstration")
    return code


def _told_code(group: EventGroup) -> tuple[str, str]:
    frames = {id(m.frame): m.frame for m in group.mentions if not m.unit.display}
    cues = frozenset(c for f in frames.values() for c in f.cues)
    agents = tuple(a for f in frames.values() for a in f.agents)
    targets = tuple(a for f in frames.values() for a in f.targets)
    victims = tuple(a for f in frames.values() for a in f.victims)
    union = code_event(cues, agents, targets, victims)
    head = group.head.code
    if head is not None and union is not None and head[0] == union[0] == "Protests":
        # the codebook types a protest by the state's response, often told after the
        # lede: "approximately 200 people began demonstrating in front of the police
        # headquarters in Benghazi ... The protest was broken up violently by police,
        # causing as many as forty injuries" (Wikipedia's Libya 2011 timeline, 15
        # February); "the BNP activists gathered in front of their headquarters ... police
        # started beating the activists with batons" (Prothom Alo, 8 December 2022)
        return max(head, union, key=_PROTEST_RANK.index)
    if union is None or (head is not None and head[0] == union[0]):
        return head or union  # type: ignore[return-value]
    if head in _PROTEST_RANK[:2] and union == ("Riots", "Violent demonstration"):
        # a demonstration is coded once, violent if any part of it was (force the state
        # used beyond intervening codes it otherwise): the riot police's protest rally,
        # then "Police are detaining the protesters who are tossing bottles and other
        # objects at them" (TASS, Tbilisi, April 2024)
        return union
    return union if head is None or head[0] == "Strategic developments" else head


def _actors(
    group: EventGroup, doc: Any, sites: list[Site], country: str | None, teller: Teller | None
) -> tuple[Actor | None, Actor | None]:
    a1 = None
    hit: list[Actor] = []
    doers: list[Actor] = []
    for m in group.mentions:
        f = m.frame
        for i in f.agent_heads:
            doer = _own_side(actor_of(doc[i], sites, country), doc[i], teller, country)
            if doer is not None:
                doers += [doer, *coordinated_sides(doc[i], sites, doer)]
            a1 = a1 or doer
        hit += [c for i in f.target_heads if (c := actor_of(doc[i], sites, country)) is not None]
        if a1 and any(c.name != a1.name for c in hit):
            break
    # the side hit first that is not the doer: "Two soldiers were martyred and five
    # terrorists were killed" before "terrorists attempted to attack a checkpost" (Dawn,
    # January 2025) is the army's loss, whoever of the two the lede names first
    if a1 is not None and a1.name.startswith("Unidentified Armed Group"):
        # the group the same account names: "A shelling and drone attack by the Sudanese
        # paramilitary Rapid Support Forces" (AP via Dairy News Australia, El Fasher,
        # September 2025), which the parser splits into "paramilitary" and the name; an
        # unnamed group is any named one (consolidate._conflict)
        a1 = next(
            (d for d in doers if d.kind == "nonstate" and not d.name.startswith("Unidentified")),
            a1,
        )
    a2 = next((c for c in hit if a1 is None or c.name != a1.name), None)
    clash = any(m.frame.cues & {"clash", "gunfight"} for m in group.mentions)
    if a1 is not None and a2 is None and clash:
        # two sides that clash or exchange fire are both doers (see coordinated_sides)
        a2 = next((c for c in doers if c.name != a1.name), None)
    if a1 is None and clash:
        sides = _fallen_sides(group, doc, sites, country)
        if a2 is not None and a2.kind in ("state", "nonstate"):
            # or another named group: "Two members of the Moro Islamic Liberation Front
            # (MILF) died ... in a clash with suspected members of the Bangsamoro Islamic
            # Freedom Fighter (BIFF)" (Tempo, Maguindanao, September 2017)
            a1 = next(
                (
                    x
                    for x in sides
                    if x.kind != a2.kind or (x.side and x.name != a2.name)
                ),
                None,
            )
        elif len(sides) >= 2:
            a1, a2 = sides[0], sides[1]
    return a1, a2


def _fallen_sides(
    group: EventGroup, doc: Any, sites: list[Site], country: str | None
) -> list[Actor]:
    """Return the armed sides a clash that names no doer counts its dead from, in text order.

    "At least 12 people were killed, including seven Marines and five Abu
    Sayyaf bandits, ... in a fierce firefight" (GMA News, Sulu, May 2014);
    "Thirteen suspected Abu Sayyaf Group fighters and an officer and a marine
    were killed during fighting in Sulu" (Long War Journal, September 2011):
    who fell on each side is who fought.
    """
    from mapper.incidents.casualties import victim_heads

    out: list[Actor] = []
    for m in group.mentions:
        for i in m.frame.triggers:
            verb = doc[i]
            heads = list(victim_heads(verb)) + [
                o for p in verb.children if p.lower_ == "including" for o in p.children
            ]
            for tok in (t for h in heads for t in (h, *h.conjuncts)):
                act = actor_of(tok, sites, country)
                if act is not None and act.kind in ("state", "nonstate"):
                    if all(a.side != act.side or a.kind != act.kind for a in out):
                        out.append(act)
    return out


def _protest_actors(
    a1: Actor | None, a2: Actor | None, country: str | None
) -> tuple[Actor | None, Actor | None]:
    """Name a protest's actors as ACLED does: the protesters first, the forces second.

    "around 2,000 people demonstrated in Khartoum ... Security forces fired
    tear gas" has people (civilians) as the first agent and the protesters as
    the forces' target; the codebook's Protests always have "Protesters
    (Country)" as actor 1 and the intervening forces, if any, as actor 2.
    """
    crowd = Actor(actor_name("protester", country), "protester", None)
    if a1 is not None and a1.kind == "state":
        return crowd, a1
    if a1 is None or a1.kind in _UNARMED:
        # students, party supporters and youths who demonstrate peacefully are protesters
        return (a1 if a1 is not None and a1.kind == "protester" else crowd), (
            a2 if a2 is not None and a2.kind not in _UNARMED else None
        )
    return a1, a2


#: Kinds of actor that carry no arms: any of them demonstrating is a crowd of protesters.
_UNARMED = ("civilian", "person", "protester", "party", "crowd")


def _own_side(
    actor: Actor | None, tok: Any, teller: Teller | None, country: str | None = None
) -> Actor | None:
    """Give "X said its forces ..." the teller's side: the possessive speaks for it.

    With no actor of its own ("the army said its aircraft struck ..."), the
    phrase names the teller's forces.
    """
    possessed = any(c.dep_ == "poss" and c.lower_ in ("its", "their", "our") for c in tok.children)
    group = _possessor_group(tok, teller) if possessed else None
    if group is not None:
        # an armed group's "its forces" are its fighters: "Islamic State (IS) posted a
        # statement on social media, claiming that its forces burned dozens of homes in
        # Mandela" (Zitamar, Cabo Delgado, August 2022)
        return Actor(group, "nonstate", group)
    if teller is None:
        return actor
    side = _teller_side(teller, country)
    if side is None:
        return actor
    if actor is None:
        if not possessed or teller.side is not None:
            return None  # only an unnamed army's "its aircraft" are its state's forces
        return Actor(f"Military Forces of {side}", "state", side)
    if possessed:
        if actor.kind == "state":  # "Military Forces (unknown state)" too: "Chad ... its army"
            name = actor_name("state", side, police=actor.name.startswith("Police"))
        else:
            name = actor.name
        return replace(actor, name=name, side=side)
    return actor


def _possessor_group(tok: Any, teller: Teller | None) -> str | None:
    """Return the armed group whose "its" or "their" a phrase names, if one is named.

    The teller, or the subject of a clause above the phrase: "Islamic State (IS)
    posted a statement on social media, claiming that its forces burned dozens
    of homes in Mandela" (Zitamar, Cabo Delgado, August 2022).
    """
    names = [teller.name] if teller is not None and teller.side is None else []
    for verb in tok.ancestors:
        names += [
            " ".join(t.text for t in c.subtree if t.pos_ == "PROPN")
            for c in verb.children
            if c.dep_ == "nsubj"
        ]
    for name in names:
        group = group_name(name) if name else None
        if group is not None and not state_body(group):
            return group
    return None


def _claimed_by(
    teller: Teller | None,
    doc: Any,
    frame: Frame,
    a1: Actor | None,
    a2: Actor | None,
    country: str | None,
) -> str | None:
    """Return the source's name when it is a party to the event (see :mod:`.claims`)."""
    if teller is None or teller.neutral:
        return None
    rep = frame.reporter
    if rep is not None and doc[rep].lemma_.lower() in _CLAIM_VERBS:
        return teller.name  # "X claimed", "X accused Y of ...": a claim whoever X is
    side = _teller_side(teller, country)
    if side is None:
        return None
    victim_side = (
        country if a2 is not None and a2.kind in ("civilian", "person", "property") else None
    )
    sides = {a1.side if a1 else None, (a2.side if a2 else None) or victim_side} - {None}
    # its own forces acting, or attacked and telling what they suffered ([WSyria] "The
    # Lebanese Army stated that 14 soldiers had been killed ... after alleged clashes with
    # Islamic State ... fighters"; the army telling of PLA troops firing warning shots,
    # India's army, [news-dev 03], cited)
    own_forces = any(
        a is not None and a.side == side and a.kind in ("state", "nonstate", "armed_site")
        for a in (a1, a2)
    )
    if side in sides and (len(sides) == 2 or own_forces):
        return teller.name  # a side speaking of its own fighting or of the other side's act
    return None


#: How reports name a state's own forces without naming the state: "the army said",
#: "the military said, adding ...", "the defence ministry said".
_FORCES_WORDS = frozenset({"army", "military", "defence", "defense", "navy", "air"})


#: Adverbs that make a telling an earlier one, since overtaken.
_EARLIER = frozenset({"earlier", "initially", "previously", "originally"})


def _superseded(frame: Any, doc: Any) -> bool:
    """Tell a figure told as an earlier count: it weighs as a claim, not the event's toll.

    "The Civil Defense ... had earlier said 40 people were killed. The Israeli
    military disputed that toll" after "killing at least 19 people" (AP, Muwasi,
    September 2024); "officials had initially said the death toll was between 5
    and 15" after "Twelve people were confirmed dead" (Reuters, West, Texas,
    April 2013).
    """
    if frame.reporter is None:
        return False
    verb = doc[frame.reporter]
    return any(c.dep_ == "advmod" and c.lower_ in _EARLIER for c in verb.children)


def _teller_side(teller: Teller, country: str | None) -> str | None:
    """Return the side a teller speaks for; an unnamed army speaks for the event's country.

    ACLED names an unnamed state force after the country of the event
    ("Military Forces of Mali"), and so do reports: an unnamed army stating
    that PLA troops had fired warning shots ([news-dev 03], cited: India's
    army, on the Line of Actual Control in Ladakh); "Malian soldiers ... came
    under fire near Djenne, the army said" (tests/data, an original report).
    Where the army of another country speaks ("the military said" of South
    Korea, of a shooting in North Korean waters, [news-dev 08]) the guess is
    wrong; a teller named with its country keeps that country.
    """
    if teller.side is not None:
        return teller.side
    words = set(teller.name.lower().replace("'s", "").split())
    if country is not None and words & _FORCES_WORDS and not words - _FORCES_WORDS - {
        "the", "ministry", "force", "forces", "command", "spokesman", "spokesperson",
    }:
        return country
    return None


_VIOLENCE = frozenset(
    {"attack", "clash", "kill", "shell", "air", "air_means", "explosive", "grenade", "suicide",
     "abduct", "advance", "capture", "die", "injure"}
)  # fmt: skip


def _same_kind(denied: frozenset[str], told: frozenset[str]) -> bool:
    """Whether a denial's words can be about an account's event ("fired on" vs "shelled")."""
    if not denied:
        return True  # "denied the report", "called the claims false"
    if denied & told:
        return True
    return bool(denied & _VIOLENCE and told & _VIOLENCE)


def _link_denials(
    report: Any, incidents: list[Incident], groups: list[EventGroup], denials: Sequence[Denial]
) -> list[Incident]:
    """Mark the event each denial contests as disputed, citing the denial beside it.

    A denial contests the latest event told before it that is of its kind and
    that the denier's own side does not claim.
    """
    out = list(incidents)
    for d in denials:
        for k in range(len(out) - 1, -1, -1):
            inc = out[k]
            if inc.background or not inc.sources or inc.sources[0].start >= d.unit.start:
                continue
            told = frozenset(c for m in groups[k].mentions for c in m.frame.cues)
            own = d.side is not None and inc.claimed_by is not None and d.side in inc.claimed_by
            if own or not _same_kind(d.cues, told):
                continue
            source = Source(
                report.id, report.text[d.unit.start : d.unit.end], d.unit.start, d.unit.end
            )
            out[k] = replace(
                inc,
                disputed=True,
                disputed_by=inc.disputed_by or d.denier,
                sources=tuple(sorted({*inc.sources, source}, key=lambda s: s.start)),
            )
            break
    return out


def _incident_id(
    report_id: str, m: Mention, code: tuple[str, str], place: EventPlace | None
) -> str:
    where = place.site.name if place else ""
    key = f"{report_id}|{m.unit.start}|{code[0]}|{code[1]}|{where}|{m.when.date}"
    return "inc-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def _sources(report: Any, group: EventGroup) -> tuple[Source, ...]:
    seen: dict[tuple[int, int], Source] = {}
    for m in group.mentions:
        u = m.unit
        seen.setdefault(
            (u.start, u.end), Source(report.id, report.text[u.start : u.end], u.start, u.end)
        )
    return tuple(sorted(seen.values(), key=lambda s: s.start))


def _riot_actors(
    code: tuple[str, str], a1: Actor | None, a2: Actor | None, country: str | None
) -> tuple[Actor | None, Actor | None]:
    """Name a riot's actors as the codebook does: its crowd Rioters, the forces facing it second.

    Party factions, civilians and persons who riot are Rioters. The forces who
    fire tear gas at a violent demonstration are its second actor: "Police
    fired tear gas ... to disperse thousands of anti-government protesters ...
    barricading roads" (AFP via Gulf Today, Hong Kong, January 2020); "Police
    fired tear gas ... The protesters later regrouped and started hurling eggs
    at the riot police" (AFP in Pakistan Today, Oakland, October 2011).
    """
    if a1 is not None and a1.kind in ("party", "civilian", "person", "protester"):
        return Actor(actor_name("crowd", country), "crowd", a1.side), a2
    if a1 is not None and a1.kind == "state" and code[1] == "Violent demonstration":
        return Actor(actor_name("crowd", country), "crowd", None), a1
    return a1, a2


def _freeze(
    report: Any, doc: Any, sites: list[Site], group: EventGroup, fallback: EventPlace | None
) -> Incident:
    code = _code_of(group)
    place = _place_of(group, fallback, doc.text)
    site = place.site if place else None
    country = site.country if site else (fallback.site.country if fallback else None)
    teller = source_of(group.head.frame, doc, sites)
    a1, a2 = _actors(group, doc, sites, country, teller)
    if code[0] == "Battles" and a1 is not None and a1.kind == "person":
        a1 = None  # a named person taking ground commands forces; he is no civilian
    if code[0] == "Riots":
        a1, a2 = _riot_actors(code, a1, a2, country)
    if code[0] == "Protests":
        forces = next(
            (
                a
                for m in group.mentions
                for i in m.frame.agent_heads
                if (a := actor_of(doc[i], sites, country)) is not None and a.kind == "state"
            ),
            None,
        )
        a1, a2 = _protest_actors(a1, forces or a2, country)
    if (
        code[1] == "Government regains territory"
        and a1
        and a1.side
        and country
        and a1.side != country
    ):
        # A state's forces taking ground in another state do not regain their own.
        code = ("Battles", "Armed clash")
    claimed = _claimed_by(teller, doc, group.head.frame, a1, a2, country)
    # a party's figure further down is a claim too: "The group said it had killed more
    # than 20 soldiers" after officials' "at least 18 people dead" (dpa via allgalgaduud,
    # Marka, September 2019); "He said attackers killed 15 soldiers", al-Shabaab's
    # spokesman after the officials' 12 (Reuters via defenceWeb, El Salini, February 2020)
    counts: Counts = combine(
        (
            m.counts,
            _superseded(m.frame, doc)
            or (
                claimed is not None
                if m.frame is group.head.frame
                else (m.counts.fatalities, m.counts.injuries) != (None, None)
                and _claimed_by(source_of(m.frame, doc, sites), doc, m.frame, a1, a2, country)
                is not None
            ),
        )
        for m in _unique_units(group)
    )
    if code[0] == "Battles":
        # ACLED's battles are fought by armed, organised sides: civilians caught in the
        # fighting are its dead, not a side ("Twenty-seven people have been killed ... as a
        # result of armed clashes in Tripoli", Sputnik, August 2023; "At least 115 people
        # have been killed ... in month-long clashes between rival factions", Reuters,
        # September 2018), and a youth in a gunfight is no rioter
        a1, a2 = (None if a is None or a.kind in _UNARMED else a for a in (a1, a2))
    if code[0] == "Explosions/Remote violence" and a1 is not None and a1.kind in _UNARMED:
        # who sets off a bomb is armed: "a man on foot run up to a passing convoy of
        # international troops and detonate an explosives-laden vest" (AP, Kabul, July 2010),
        # "members of the Islamic Tendency Movement bombed hotels in Sousse and Monastir"
        # (Wikipedia, List of terrorist incidents in Tunisia) had made civilians the bombers
        a1 = Actor(actor_name("nonstate", country), "nonstate", a1.side)
    when = group.dated.when
    inc = Incident(
        id=_incident_id(report.id, group.head, code, place),
        event_date=when.date.isoformat() if when.date else None,
        time_precision=when.precision if when.date else 3,
        event_type=code[0],
        sub_event_type=code[1],
        actor1=a1.name if a1 else None,
        actor2=a2.name if a2 else None,
        location=site.name if site else None,
        country=country,
        lat=site.lat if site else None,
        lon=site.lon if site else None,
        geometry=site.geometry if site and site.kind in ("line", "region") else None,
        geo_precision=place.precision if place is not None and place is not fallback else 3,
        fatalities=counts.fatalities,
        injuries=counts.injuries,
        claimed_by=claimed,
        disputed=False,
        disputed_by=None,
        background=group.head.background,
        notes=" ".join(report.text[group.head.unit.start : group.head.unit.end].split())[:400],
        sources=_sources(report, group),
    )
    return inc


def _unique_units(group: EventGroup) -> list[Mention]:
    seen: set[int] = set()
    out = []
    for m in group.mentions:
        if m.unit.index not in seen:
            seen.add(m.unit.index)
            out.append(m)
    return out


def extract_incidents(
    report: Any,
    doc: Any = None,
    *,
    default_date: dt.date | str | None = None,
    toponyms: Sequence[Any] | None = None,
) -> list[Incident]:
    r"""Return the incidents one report tells, one per event, in text order.

    Parameters
    ----------
    report : mapper.reports.Report
        The report (``id``, ``text``, ``published``, ``body_start``...).
    doc : spacy.tokens.Doc, optional
        ``report.text`` parsed by a pipeline with the ``mapper_geoparser``
        component; parsed here when not given.
    default_date : datetime.date or str, optional
        Publication date for a report without one.
    toponyms : sequence of mapper.geoparse.Toponym, optional
        Toponym records, for a Doc that carries no ``doc.spans["toponyms"]``.

    Returns
    -------
    list of Incident
        Background (historical) events included with ``background=True``;
        :func:`mapper.consolidate.consolidate` merges the same event told twice.

    Examples
    --------
    >>> from mapper.reports import parse_text_report
    >>> r = parse_text_report("date 2020-09-28\\n\\nAzerbaijani artillery shelled Ganja on "
    ...                       "Sunday, killing two civilians.", report_id="r.txt")
    >>> [inc] = extract_incidents(r)
    >>> inc.event_type, inc.sub_event_type, inc.location, inc.event_date, inc.fatalities
    ('Explosions/Remote violence', 'Shelling/artillery/missile attack', 'Ganja', '2020-09-27', 2)
    """
    if isinstance(default_date, str):
        default_date = dt.date.fromisoformat(default_date)
    if doc is None:
        doc, toponyms = _parse(report)
    if _sports_report(doc):
        return []
    body = getattr(report, "body_start", 0) or 0
    sites = _outside_header(report, sites_of(doc, toponyms))
    timeline = build_timeline(report.text, _publication(report, default_date), start=body)
    units = text_units(doc, body, recap=timeline.recap)
    para_start: dict[int, int] = {}
    for u in units:
        para_start.setdefault(u.para, u.start)
    mentions = [
        m
        for u in units
        for f in frames_of(u)
        for m in mentions_of(f, doc, sites, timeline, para_start[u.para])
    ]
    mentions = carry_means(mentions)
    denials = [d for u in units if (d := denial_of(u, sites)) is not None]
    area = [s for s in sites if not named_as_border(doc, s)]
    focus = _event_focus(mentions) or _within(_focus(area), _dateline_place(sites))
    fallback = EventPlace(focus, 3) if focus is not None else None
    groups = join_mentions(mentions)
    incidents = [_freeze(report, doc, sites, g, fallback) for g in groups]
    groups, incidents = _drop_summed(groups, incidents)
    incidents = _link_denials(report, incidents, groups, denials)
    stated = [any(m.place is not None for m in g.mentions) for g in groups]
    # a chronology's entry is an event of its own, like "Elsewhere, ..."
    apart = [opens_another(g.head) or opens_entry(doc.text, g.head.unit) for g in groups]
    return _one_demonstration_a_day(_arrests_at_protests(_fold_coarse(incidents, stated, apart)))


def _drop_summed(
    groups: list[EventGroup], incidents: list[Incident]
) -> tuple[list[EventGroup], list[Incident]]:
    """Drop an account of several acts whose dead are the sum of the acts told after it.

    "Six people ... were killed and over a dozen wounded in two terrorist attacks
    targeting the police in Peshawar on Monday" then a suicide bombing on Kohat Road
    that killed five and a bomb in Pishtakhara that killed one (Express Tribune,
    February 2011): ACLED codes the two acts; the sum told first is neither.
    "Security forces killed eleven militants in two raids" (AP via ABC News, 2024),
    whose raids killed ten and one, is the same (see ``Counts.several``).
    """
    drop: set[int] = set()
    for k, (g, inc) in enumerate(zip(groups, incidents, strict=True)):
        counted = [m.counts for m in g.mentions if m.counts.fatalities is not None]
        if not inc.fatalities or not counted or not all(c.several for c in counted):
            continue
        parts = [
            i.fatalities
            for j, i in enumerate(incidents)
            if j != k and i.event_date == inc.event_date and i.fatalities and not i.background
        ]
        if len(parts) >= 2 and sum(parts) == inc.fatalities:
            drop.add(k)
    keep = [k for k in range(len(groups)) if k not in drop]
    return [groups[k] for k in keep], [incidents[k] for k in keep]


def _coarse(i: Incident) -> bool:
    return i.lat is None or i.geo_precision == 3


def _country_level(i: Incident) -> bool:
    return i.location is not None and i.location == i.country


def _fits(coarse: Incident, precise: Incident, *, crowd: bool = False) -> bool:
    """Tell whether a coarse account retells the event a report places precisely.

    ``crowd``: a protest and a violent demonstration at the same place are one
    demonstration (:func:`~mapper.incidents.records.one_demonstration`).
    """
    if coarse.background != precise.background:
        return False
    if coarse.event_type != precise.event_type and not (
        crowd
        and one_demonstration(coarse, precise, violent=True)
        and (coarse.location == precise.location or _same_dead_in_country(coarse, precise))
    ):
        return False
    if coarse.sub_event_type != precise.sub_event_type and coarse.event_type not in _CROWD_TYPES:
        # shelling along a front and a drone strike on a town are two events; a protest
        # is one whatever response each account tells
        return False
    if coarse.actor1 and precise.actor1 and coarse.actor1 != precise.actor1 and not crowd:
        # the crowd is its Rioters in one account, its Protesters in another; a battle's
        # sides come in either order: "Ethiopia's military has clashed with fighters from a
        # militia in the Amhara region" over "clashes between Fano fighters and Ethiopian
        # National Defense Force (ENDF) in the Tekulesh area" (Reuters, August 2023); the
        # headline "Deadly clashes between militia, M23 rebels" over "M23 fighters clashed
        # with a community militia" (AFP via Daily Monitor, Kishishe, November 2022)
        if not (coarse.event_type == "Battles" and coarse.actor1 == precise.actor2):
            return False
    if coarse.event_date != precise.event_date and coarse.time_precision == 1:
        if not _dates_lede(precise, coarse):
            return False
    if _week_before(coarse, precise):
        return False
    return coarse.country is None or coarse.country == precise.country


def _same_dead_in_country(coarse: Incident, precise: Incident) -> bool:
    """Tell protests told by country and a riot in one of its towns with the same dead.

    "At least 12 dead in anti-government protests in southern Peru" and "At least
    12 people died following clashes in Juliaca ..., after a resumption of
    protests" (Reuters via Stabroek News, January 2023) are one demonstration.
    """
    return _country_level(coarse) and bool(coarse.fatalities) and (
        coarse.fatalities == precise.fatalities
    )


#: Days a week-precise account may lie before the day of the event it retells.
_WEEK_SLACK = 3


def _week_before(coarse: Incident, precise: Incident) -> bool:
    """Tell an account dated to a week that ended before the placed event's day.

    "The area is close to the Tahoua region, where last week, armed gunmen raided a
    camp" (AFP, Niger, February 2023) is no retelling of Friday's ambush in
    Tillaberi; a lede dated only by its report (after the event) still is.
    """
    if coarse.time_precision != 2 or precise.time_precision > 2:
        return False
    if not coarse.event_date or not precise.event_date:
        return False
    day, week = (dt.date.fromisoformat(i.event_date) for i in (precise, coarse))
    return (day - week).days > _WEEK_SLACK


def _dates_lede(lede: Incident, dated: Incident) -> bool:
    """Tell an account that gives the day of an event its lede told without one.

    Wire copy leads with the toll and the day it was announced, and tells the
    day of the killing below: "At least two people were killed when unknown
    gunmen opened fire on residents of a village in ... Yobe, the state police
    commissioner said on Sunday" then "two people killed on Saturday" (AFP via
    Gulf News, November 2012); "Nigerian Police said at least 15 people have
    been killed" then "The gunmen invaded Zakuna in the early hours of Friday"
    (IANS, June 2018). The lede's date is only its report's (precision 2 or 3).
    """
    if lede.time_precision == 1 or dated.time_precision != 1:
        return False
    if not lede.event_date or not dated.event_date:
        return False  # a report with no date of its own: nothing to compare
    days = (dt.date.fromisoformat(lede.event_date) - dt.date.fromisoformat(dated.event_date)).days
    return 0 < days <= LEDE_DAYS


_CROWD_TYPES = ("Protests", "Riots")


def _retold(later: Incident, first: Incident) -> bool:
    """Tell whether the same kind of event, place and day are told again further down."""
    return (
        later.event_type == first.event_type
        and later.location == first.location
        and later.location is not None
        and later.event_date == first.event_date
        and later.background == first.background
    )


def _fold_coarse(
    incidents: list[Incident], stated: list[bool], apart: list[bool]
) -> list[Incident]:
    """Fold a report's retellings into the event they retell.

    News retells its main event in summary ("gunmen massacred 11 people in
    Mexico's most violent state") before and after placing it ("in a bar near
    Jaral del Progreso"): a coarse account of the same type and day, in the
    same country, is a source of the precise one, not an event of its own
    (one told by its country alone also retells the single such event the
    report places in a region of it: a region declaring martial law, then
    two declarations of it told together, seed report 000, cited; "Al-Shabaab
    Says Its Fighters Attacked AU Military Base in Somalia" then "an attack
    against African Union troops' military base in Lower Shabelle region",
    Shabelle Media Network, 2 January 2020), and an account with no place of
    its own retells the single event of its type the report places that day
    even at country level (India's charge that Chinese troops abducted
    Indians, told in the lead and again further down with the number of
    citizens and the disputed frontier, [news-dev 03];
    civilians injured in border villages beside the shelling told of
    Azerbaijan, seed report 000, cited); so
    is the same type, place and day told again in a later paragraph. An
    account that states no place at all stays apart: it may be another event
    of the same day, and only when the report places a single event of its
    type that day is it taken to retell it. Nor is an account folded into an event
    told after it as one more ("another airstrike", "Elsewhere, ...").
    """
    precise = [i for i in incidents if not _coarse(i)]
    # placed in a region of a country by the text itself, not by the report's focus
    regional = [
        i
        for i, has_place in zip(incidents, stated, strict=True)
        if has_place and _coarse(i) and i.lat is not None and not _country_level(i)
    ]
    countrywide = [
        i for i, has_place in zip(incidents, stated, strict=True) if has_place and _country_level(i)
    ]
    # an event told as one more ("another airstrike on Saraqeb", "Elsewhere, ...") is
    # not the one an earlier account told
    at = {id(i): k for k, i in enumerate(incidents)}

    def other(inc: Incident, p: Incident) -> bool:
        return apart[at[id(p)]] and at[id(p)] > at[id(inc)]

    def target_of(inc: Incident, out: list[Incident]) -> Incident | None:
        has_place, own = stated[at[id(inc)]], apart[at[id(inc)]]
        target = None
        if _coarse(inc) and not own:
            fits = [p for p in precise if _fits(inc, p) and not other(inc, p)]
            if not fits and inc.event_type in _CROWD_TYPES:
                fits = [p for p in precise if _fits(inc, p, crowd=True) and not other(inc, p)]
            if not fits and (_country_level(inc) or not has_place):
                # an account with no place of its own retells the single event of its
                # type the report places that day, however coarsely
                pool = regional if has_place else regional + countrywide
                fits = [p for p in pool if p is not inc and _fits(inc, p) and not other(inc, p)]
            # accounts that are themselves one event (the same type, place and day) count once
            fits = [p for k, p in enumerate(fits) if not any(_retold(p, q) for q in fits[:k])]
            if len(fits) == 1:  # the single event of its type the report places that day
                target = fits[0]
        if target is None and has_place and not own:
            target = next((p for p in out if p is not inc and _retold(inc, p)), None)
        return target

    return [_absorb(i, others) for i, others in _fold(incidents, target_of)]


def _fold(
    incidents: list[Incident], target_of: Callable[[Incident, list[Incident]], Incident | None]
) -> list[tuple[Incident, list[Incident]]]:
    """Keep each incident ``target_of`` finds no target for, with those folded into it.

    ``target_of(incident, kept_so_far)`` names the kept incident an account
    retells, or None; the result is in text order.
    """
    out: list[Incident] = []
    folded: dict[str, list[Incident]] = {}
    for inc in incidents:
        target = target_of(inc, out)
        if target is None:
            out.append(inc)
        else:
            folded.setdefault(target.id, []).append(inc)
    return [(i, folded.get(i.id, [])) for i in out]


def _arrests_at_protests(incidents: list[Incident]) -> list[Incident]:
    """Fold arrests made where and when a report's protest took place into that protest.

    ACLED codes a peaceful protest met with arrests as one event, a protest
    with intervention, however the report spreads it over its sentences:
    the Sunday arrests of dozens in Minsk, told paragraphs after the Sunday
    march there ([news-dev 06]); "staged a protest in Dinajpur
    town ... Police arrested 31 members" ([acled-dev bgd 2023-01-22]).
    """
    protests = [
        i for i in incidents if i.event_type == "Protests" and not i.background and i.location
    ]

    def target_of(inc: Incident, _out: list[Incident]) -> Incident | None:
        # arrests of an armed group's men there that day are another matter
        held = inc.actor2 is None or inc.actor2.startswith(("Protesters", "Civilians"))
        if inc.sub_event_type != "Arrests" or inc.background or not held:
            return None
        return next(
            (p for p in protests if p.location == inc.location and p.event_date == inc.event_date),
            None,
        )

    merged = []
    for i, arrests in _fold(incidents, target_of):
        if arrests:
            i = _absorb(i, arrests)
            if i.sub_event_type == "Peaceful protest":
                i = replace(i, sub_event_type="Protest with intervention")
        merged.append(i)
    return merged


def _one_demonstration_a_day(incidents: list[Incident]) -> list[Incident]:
    """Fold a report's accounts of one place's demonstration on one day into one event.

    ACLED codes demonstrations per location and day, as a riot when any part turned
    violent; a report tells the storming, the shooting and the fire in paragraphs of
    their own: "A section of Parliament went up in flames on Tuesday after protesters
    gained entry", "Several demonstrators were shot after many stormed the National
    Assembly precincts", "A section of Parliament was also set ablaze" (Capital FM,
    Nairobi, June 2024) had been a protest and two riots; "protesters were heading
    towards the Zamzam Tower intersection with a mass rally" and "protesters clashed
    with law enforcers" (The Daily Star, Dhaka, August 2024, see
    :func:`~mapper.incidents.records.one_demonstration`).
    """

    def crowd(i: Incident) -> bool:
        return i.event_type in _CROWD_TYPES and not i.background and i.location is not None

    def target_of(inc: Incident, out: list[Incident]) -> Incident | None:
        if not crowd(inc):
            return None
        return next(
            (
                p
                for p in out
                if crowd(p)
                and p.location == inc.location
                and p.event_date == inc.event_date
                and (p.event_type == inc.event_type or one_demonstration(p, inc, violent=True))
            ),
            None,
        )

    merged = []
    for i, parts in _fold(incidents, target_of):
        if parts and i.event_type == "Protests":
            riot = next((p for p in parts if p.event_type == "Riots"), None)
            if riot is not None:
                i = coded_like(i, riot)
        merged.append(_absorb(i, parts))
    return merged


def _absorb(main: Incident, others: list[Incident]) -> Incident:
    if not others:
        return main
    group = [main, *others]
    sources = sorted(
        {(s.start, s.end): s for i in group for s in i.sources}.values(), key=lambda s: s.start
    )
    fat = [i.fatalities for i in group if i.fatalities is not None]
    inj = [i.injuries for i in group if i.injuries is not None]
    days = {(i.event_date, i.time_precision) for i in others if _dates_lede(main, i)}
    if len(days) == 1:  # the day told below, of the event the lede left undated
        (date, precision), = days
        main = replace(main, event_date=date, time_precision=precision)
    riot = next(
        (
            i
            for i in others
            if one_demonstration(main, i, violent=True) and i.event_type == "Riots"
        ),
        None,
    )
    if (main.event_type, main.sub_event_type) in _PROTEST_RANK[:2] and riot is not None:
        # violent if any part of it was: "Special police units have begun to remove
        # protesters ..." then "Protesters are responding by throwing stones and
        # pyrotechnics at the police" (APA via News.az, Tbilisi, December 2024)
        main = coded_like(main, riot)
    return replace(
        main,
        sources=tuple(sources),
        fatalities=max(fat) if fat else None,
        injuries=max(inj) if inj else None,
        claimed_by=main.claimed_by or next((i.claimed_by for i in others if i.claimed_by), None),
        disputed=any(i.disputed for i in group),
        disputed_by=main.disputed_by
        or next((i.disputed_by for i in others if i.disputed_by), None),
        actor1=main.actor1 or next((i.actor1 for i in others if i.actor1), None),
        actor2=main.actor2
        or next((i.actor2 for i in others if i.actor2 and _second_of(main, i.actor2)), None),
    )


def _second_of(main: Incident, actor: str) -> bool:
    """Tell whether a retelling's second actor can be the event's (see :func:`_protest_actors`).

    The unarmed are never a protest's second actor: the codebook's actor 2 of a
    protest is the force that intervened, if any.
    """
    return main.event_type != "Protests" or not unarmed_actor(actor)


def _sports_report(doc: Any) -> bool:
    """Tell a sports report: its "strikes", "shots" and "attacks" are play, not violence.

    Told by its vocabulary: at least five words of sport (match, goal,
    striker, league...) making up at least one word in two hundred, and of
    at least three kinds. One word repeated is a name, not a game: parties
    and alliances called leagues ("the Awami League, Jubo League and Jatiya
    Sramik League staged rallies", [acled-dev bgd 2023-11-13]; "the Arab
    League", "the National League for Democracy" in Syrian and Burmese news)
    while a match report varies its words (news-dev 15).
    """
    words = [t for t in doc if t.is_alpha]
    sport = [t.lemma_.lower() for t in words if t.lemma_.lower() in SPORT]
    return len(sport) >= 5 and len(set(sport)) >= 3 and len(sport) * 200 >= len(words)


def _parse(report: Any) -> tuple[Any, Sequence[Any] | None]:
    from mapper.geoparse import parse

    parsed = parse(
        report.text,
        dateline_span=getattr(report, "dateline_span", None),
        body_start=getattr(report, "body_start", 0) or 0,
    )
    return parsed if isinstance(parsed, tuple) else (parsed, None)
