"""One incident per real event: merge what several passages and reports say about it.

Incidents of one report are already one per event (the incident stage joins
what a report tells twice), except that two passages of one report at the same
precise place, day and event type are joined here (ACLED's unit of coding);
two incidents of different reports are taken to be
the same event when they are not background,
fall on the same date, have compatible ACLED types, do not name different
attackers, and their places agree (the same place, or one of them is only
known at theatre/line level and the other lies within ``near_km`` of it).
(A sentence that only adds figures to the one before it is joined to it
earlier, by :mod:`mapper.incidents`.)

Figures: within a report the largest count stands (later sentences add
detail); across reports the lowest stands, ACLED's conservative rule, and the
notes keep every claimant's figure.

Only incidents that can be the same event are compared, never all pairs: they
are blocked by date (a week either way) and by a coarse spatial cell (cubes of
``near_km`` on the globe, so neighbours across a pole or the date line are
found too) or by the same place name. The pairs that pass are joined in the
order the all-pairs loop would take them, so the result is the same.
"""

from __future__ import annotations

import bisect
import contextlib
import datetime as dt
import gc
import hashlib
import logging
import math
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace

from mapper.incidents import VIOLENT, Incident, Source
from mapper.incidents.records import coded_like, one_demonstration, unarmed_actor

__all__ = ["consolidate", "same_event"]

logger = logging.getLogger(__name__)

# Pairs of (event_type) that one event may be coded as by different passages.
_COMPATIBLE = {
    frozenset({"Explosions/Remote violence", "Violence against civilians"}),
    frozenset({"Battles", "Strategic developments"}),  # a clash and the weapons it downed
}


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


_Coding = tuple[str, str | None]


def _types_ok(a: Incident, b: Incident) -> bool:
    return _codings_ok((a.event_type, a.sub_event_type), (b.event_type, b.sub_event_type))


def _codings_ok(a: _Coding, b: _Coding) -> bool:
    """Tell whether two (event type, sub-event type) codings can be one event's."""
    if a[0] == b[0]:
        if a[0] in ("Strategic developments", "Explosions/Remote violence"):
            return a[1] == b[1]
        return True
    pair = frozenset({a[0], b[0]})
    if pair not in _COMPATIBLE:
        return False
    if "Strategic developments" in pair:
        sd = a if a[0] == "Strategic developments" else b
        return sd[1] == "Disrupted weapons use"
    return True


def _places_ok(a: Incident, b: Incident, near_km: float) -> bool:
    if a.lat is None or b.lat is None:
        # two accounts that place nothing are one event only within one report: across
        # reports nothing says they are even in one country (a Nairobi shooting had become
        # a grenade attack in Mandera, [acled-dev ken 2013-06-17, 2013-06-23])
        return a.lat is None and b.lat is None and bool(_reports(a) & _reports(b))
    if a.location and a.location == b.location:
        return True
    d = _km(a.lat, a.lon, b.lat, b.lon)
    if a.geo_precision == 3 or b.geo_precision == 3:
        # A theatre- or line-level mention covers the precise places within reach.
        return d <= near_km
    return d <= 5.0


def _dates_ok(a: Incident, b: Incident) -> bool:
    """Tell whether two dates can be one event's.

    The same day, or a day within the week a less precise date stands for
    ("last week" and "on Thursday").
    """
    if a.event_date == b.event_date:
        return True
    if a.event_date is None or b.event_date is None:
        return False
    if max(a.time_precision, b.time_precision) < 2:
        return False
    da, db = (dt.date.fromisoformat(i.event_date) for i in (a, b))
    return abs((da - db).days) <= 6


_UNNAMED = "Unidentified Armed Group"


def _conflict(a: str | None, b: str | None) -> bool:
    """Tell whether two attackers differ.

    An unnamed armed group matches any named non-state group
    ("Unidentified Armed Group (Somalia)" and "Al-Shabaab"), and a country's
    protesters are its rioters: one crowd, whichever passage turned violent.
    """
    if not a or not b or a == b:
        return False
    if {a.split(" (")[0], b.split(" (")[0]} == {"Protesters", "Rioters"}:
        return a.partition(" (")[2] != b.partition(" (")[2]
    for x, y in ((a, b), (b, a)):
        if x.startswith(_UNNAMED) and not y.startswith(("Military Forces", "Civilians")):
            return False
    return True


def _sides(i: Incident) -> str | None:
    return i.actor1


def same_event(a: Incident, b: Incident, *, near_km: float = 60.0) -> bool:
    """Tell whether two incidents describe the same event.

    Parameters
    ----------
    a, b : Incident
    near_km : float
        How far a precise place may lie from a theatre/line-level one.

    Returns
    -------
    bool

    Examples
    --------
    >>> from mapper.incidents import Incident
    >>> base = Incident(id="a", event_date="2020-10-04", time_precision=1,
    ...     event_type="Explosions/Remote violence",
    ...     sub_event_type="Shelling/artillery/missile attack", actor1=None, actor2=None,
    ...     location="Stepanakert", country="Azerbaijan", lat=39.82, lon=46.75, geometry=None,
    ...     geo_precision=1, fatalities=3, injuries=None, claimed_by=None, disputed=False,
    ...     disputed_by=None, background=False, notes="", sources=())
    >>> same_event(base, replace(base, id="b", fatalities=5))
    True
    >>> same_event(base, replace(base, id="c", event_date="2020-10-05"))
    False
    >>> same_event(base, replace(base, id="d", location="Ganja", lat=40.68, lon=46.36))
    False

    A week-level date ("last week") covers a day of that week:

    >>> same_event(replace(base, event_date="2020-09-28", time_precision=2), base)
    True

    An unnamed armed group may be the group another passage names:

    >>> same_event(replace(base, actor1="Unidentified Armed Group (Somalia)"),
    ...            replace(base, id="e", actor1="Al-Shabaab"))
    True
    """
    if a.background or b.background:
        return False
    if not _dates_ok(a, b):
        return False
    if not _types_ok(a, b):
        return False
    if _conflict(a.actor1, b.actor1):
        return False
    return _places_ok(a, b, near_km)


def _one_event_day(a: Incident, b: Incident) -> bool:
    """Tell whether two incidents of one report are one ACLED event: same day, place and type.

    ACLED codes one event per location, day and event type for the same
    actors; a report that tells the night in several paragraphs (a Wednesday
    night of unrest centred on Bogotá, then police stations vandalised and
    burnt further down, [news-dev 04]; "protests
    continued in Benghazi" ... "the protesters then closed Jamal Abdel Naser
    street", [WLibya]) tells one event, however its passages are cut.
    """
    if _retold_toll(a, b) or _retold_figures(a, b) or _lede_and_detail(a, b):
        return True
    # a live report dates nothing but its own day: its protest and the stones thrown at it
    # are one demonstration ("Special police units have begun to remove protesters ..." then
    # "Protesters are responding by throwing stones", APA via News.az, December 2024)
    one_day = a.time_precision == 1 == b.time_precision or (
        one_demonstration(a, b) and a.time_precision == b.time_precision == 2
    )
    if _country_and_town(b, a):
        a, b = b, a
    if _country_and_town(a, b):
        b = replace(b, location=a.location, lat=a.lat, lon=a.lon, geo_precision=1)
    return (
        a.event_date is not None
        and a.event_date == b.event_date
        and one_day
        and a.location is not None
        and a.location == b.location
        and min(a.geo_precision, b.geo_precision) < 3  # a region holds many villages' events
        and (a.event_type == b.event_type or one_demonstration(a, b))
        and same_event(a, coded_like(b, a) if one_demonstration(a, b) else b)
    )


def _country_and_town(a: Incident, b: Incident) -> bool:
    """Tell one report's account of a day at its country's level, ``b``, and one at a town, ``a``.

    A report names the country for what it told at a town ("A woman holds a
    sign ... amid violent demonstrations over the death of Javier Ordóñez in
    Colombia", a caption in [news-dev 04], whose demonstrations are Bogotá's;
    "Airstrikes by Burma's military on two villages in the country's
    north-central region" before the villages' names, AP, June 2023): the same
    day and type at the country's level is that event, not another.
    """
    return (
        _report_of(a) == _report_of(b)
        and b.location is not None
        and b.location == b.country
        and a.country == b.country
        and a.location != a.country
        and a.geo_precision < 3
    )


def _toll_retold_finer(a: Incident, b: Incident) -> bool:
    """Tell a report's country-level lede, ``b``, and its own account at a finer place, ``a``.

    The lede names the country, the next paragraph the region or village, each
    with the same dead, however the two passages code the act: "Armed
    separatists attacked a village in ... Cameroon's western French-speaking
    region on Sunday, killing at least seven people" then "separatists ...
    attacked a security post in the village of Galim, killing officers and
    civilians ... at least seven people were killed" (AP via Cameroon News
    Line, March 2020). As :func:`_retold_toll`, the same toll on the same day
    is the evidence; a region holds many events, so only with a toll.
    """
    return (
        _report_of(a) == _report_of(b)
        and b.location is not None
        and b.location == b.country
        and a.country == b.country
        and a.location not in (None, a.country)
        and a.event_date == b.event_date
        and bool(a.fatalities)
        and a.fatalities == b.fatalities
        and a.event_type in VIOLENT
        and b.event_type in VIOLENT
        and not (a.background or b.background)
        and not _conflict(a.actor1, b.actor1)
    )


def _lede_and_detail(a: Incident, b: Incident) -> bool:
    return _toll_retold_finer(a, b) or _toll_retold_finer(b, a)


def _retold_toll(a: Incident, b: Incident) -> bool:
    """Tell two passages of one report that give one place the same death toll.

    A report retells its lede further down, repeating the toll, and the
    retelling may drop the means or the date the lede gave ("At least 24
    people were killed and 55 others injured in the paramilitary Rapid Support
    Forces (RSF) shelling on El-Fasher ... medics said on Thursday" ... "the
    RSF struck a central marketplace and the Awlad Al-Reef neighborhood in
    El-Fasher, killing 24 and injuring 55 people", Anadolu, 28 August 2025; "A
    Myanmar military air strike on a village killed ten civilians, locals and
    media reports said" ... "A military jet dropped three bombs on Nyaung Kone
    village ... Ten people were killed and eight wounded, he said", Reuters via
    TRT World, June 2023). Two events of one place with the very same toll, on
    days that can be one, are that one event told twice; codings that one
    event may carry (a shelling and the attack on civilians it was) join as
    :func:`same_event` allows.
    """
    return (
        a.location is not None
        and a.location == b.location
        and bool(a.fatalities)
        and a.fatalities == b.fatalities
        and same_event(a, b)
    )


#: Event types whose accounts may code one act differently.
_VIOLENT_TYPES = VIOLENT | {"Riots"}


def _retold_figures(a: Incident, b: Incident) -> bool:
    """Tell two passages of one report that give the same dead and the same wounded.

    Both figures repeated name the one event, however each passage codes it: "AT
    LEAST 14 people have been killed and 10 others injured in tribal skirmishes in
    South Sudan's Jonglei state" ... "youth from the GPAA carried out a cattle raid
    ... and killed 14 people including 10 others wounded" (Xinhua via IOL, March
    2022); "At least 24 people were killed and 55 others injured in the ... shelling
    on El-Fasher" ... "killing 24 and injuring 55 people" (Anadolu, August 2025).
    """
    return (
        _report_of(a) == _report_of(b)
        and bool(a.fatalities)
        and bool(a.injuries)
        and (a.fatalities, a.injuries) == (b.fatalities, b.injuries)
        and {a.event_type, b.event_type} <= _VIOLENT_TYPES
        and not (a.background or b.background)
        and _dates_ok(a, b)
        and _places_ok(a, b, 60.0)
    )


def _report_of(i: Incident) -> str | None:
    return i.sources[0].report if i.sources else None


def _reports(i: Incident) -> set[str]:
    return {s.report for s in i.sources}


def _merge(group: list[Incident]) -> Incident:
    """Return one incident for a group of accounts of the same event."""
    main = min(group, key=_rank_in(group))
    sources = _merged_sources(group)
    claims = [i.claimed_by for i in group if i.claimed_by]
    disputed = [i for i in group if i.disputed]
    actor1, actor2 = _merged_actors(main, group)
    fatalities, injuries = _figure(group, "fatalities"), _figure(group, "injuries")
    notes = _merged_notes(main, group, sources, actor1, fatalities, injuries)
    key = "|".join(f"{s.report}:{s.start}:{s.end}" for s in sources[:1]) + main.event_type
    return replace(
        main,
        id="inc-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]
        if len(group) > 1
        else main.id,
        actor1=actor1,
        actor2=actor2,
        fatalities=fatalities,
        injuries=injuries,
        # A claim stays a claim: an unattributed summary elsewhere does not make it a fact.
        claimed_by=main.claimed_by or (claims[0] if claims else None),
        disputed=bool(disputed),
        disputed_by=next((i.disputed_by for i in disputed if i.disputed_by), None),
        # The most precise date stands ("last week" and "on Thursday": Thursday).
        event_date=min(group, key=lambda i: (i.time_precision, i is not main)).event_date,
        time_precision=min(i.time_precision for i in group),
        notes=notes,
        sources=tuple(sources),
    )


def _rank_in(group: list[Incident]) -> Callable[[Incident], tuple]:
    """Order a group's members so that the first gives the merged place and type.

    The most precise, most informative member leads; a demonstration with a
    riot in it is the riot (:func:`~mapper.incidents.records.one_demonstration`);
    civilians shelled are a shelling (ACLED's Explosions/Remote violence): the
    means decides.
    """
    rioted = any(i.event_type == "Riots" for i in group)
    remote = any(i.event_type == "Explosions/Remote violence" for i in group)

    def rank(i: Incident) -> tuple:
        return (
            rioted and i.event_type == "Protests",
            remote and i.event_type == "Violence against civilians",
            i.geo_precision,
            i.location == i.country,  # a region is finer than its country, at one precision
            i.event_type == "Strategic developments",
            i.claimed_by is not None,
            -len(i.sources),
        )

    return rank


def _merged_sources(group: list[Incident]) -> list[Source]:
    """Every passage of the group once, in report and text order."""
    sources: list[Source] = []
    seen = set()
    for i in sorted(
        group, key=lambda i: (_report_of(i) or "", i.sources[0].start if i.sources else 0)
    ):
        for s in i.sources:
            k = (s.report, s.start, s.end)
            if k not in seen:
                seen.add(k)
                sources.append(s)
    return sources


def _figure(group: list[Incident], field: str) -> int | None:
    """Return a count as ACLED codes it: per report its highest (an update), then the lowest."""
    per_report: dict[str | None, int] = {}
    for i in group:
        v = getattr(i, field)
        if v is None:
            continue
        r = _report_of(i)
        per_report[r] = max(per_report.get(r, v), v)
    return min(per_report.values()) if per_report else None


def _merged_actors(main: Incident, group: list[Incident]) -> tuple[str | None, str | None]:
    """Actor 1 as a named actor when any account names one, else the leading account's.

    A battle's sides are armed: an account that coded the event otherwise may
    have named a crowd or civilians, who are no side of it.
    """
    if main.event_type == "Battles":
        group = [
            replace(
                i,
                actor1=None if unarmed_actor(i.actor1) else i.actor1,
                actor2=None if unarmed_actor(i.actor2) else i.actor2,
            )
            for i in group
        ]
        main = next(g for g in group if g.id == main.id)
    named = [i.actor1 for i in group if i.actor1 and not i.actor1.startswith(_UNNAMED)]
    actor1 = (
        main.actor1
        if main.actor1 and not main.actor1.startswith(_UNNAMED)
        else next(iter(named), None) or main.actor1
    )
    actor1 = actor1 or next((i.actor1 for i in group if i.actor1), None)
    actor2 = main.actor2 or next((i.actor2 for i in group if i.actor2), None)
    return actor1, actor2


def _merged_notes(
    main: Incident,
    group: list[Incident],
    sources: list[Source],
    actor1: str | None,
    fatalities: int | None,
    injuries: int | None,
) -> str:
    """Write the merged notes: what, by whom, toll, passages, claims, denials, figures."""
    parts = [main.sub_event_type + (f" at {main.location}" if main.location else "")]
    if actor1:
        parts.append(f"by {actor1}")
    if fatalities:
        parts.append(f"{fatalities} killed")
    if injuries:
        parts.append(f"{injuries} wounded")
    reports = sorted({s.report for s in sources})
    parts.append(f"told in {len(sources)} passages of {len(reports)} report(s)")
    notes = "; ".join(parts) + "."
    # Details only the members' notes hold: equipment counts, date doubts.
    for i in group:
        for extra in re.findall(r"equipment: [^;.]+|Metadata date [^.]+\.", i.notes):
            extra = extra if extra.endswith(".") else extra + "."
            if extra not in notes:
                notes += " " + extra[0].upper() + extra[1:]
    claims = sorted({i.claimed_by for i in group if i.claimed_by})
    if claims:
        notes += " Claimed by " + ", ".join(claims) + "."
    disputers = sorted({i.disputed_by for i in group if i.disputed_by})
    if disputers:
        notes += " Denied by " + ", ".join(disputers) + "."
    figs = sorted({(i.claimed_by or "report", i.fatalities) for i in group if i.fatalities})
    if len({f for _, f in figs}) > 1:
        notes += " Fatality figures: " + ", ".join(f"{c}: {f}" for c, f in figs) + "."
    return notes


_WEEK = 6  # days either way a less precise date may reach (see _dates_ok)
_EARTH_KM = 6371.0


def _day(date: str | None) -> int | None:
    if date is None:
        return None
    try:
        return dt.date.fromisoformat(date).toordinal()
    except ValueError:
        return None


class _Grid:
    """Cubes of side ``size_km`` over the Earth, in Earth-centred coordinates, numbered.

    A straight line between two points is never longer than the arc, so two
    places within ``size_km`` of each other lie in the same or adjacent cubes:
    across a pole or the date line as well.
    """

    def __init__(self, size_km: float) -> None:
        self.size = size_km
        self.side = 2 * (math.ceil(_EARTH_KM / size_km) + 2) + 1
        m = self.side
        self.around = [
            (a * m + b) * m + c for a in (-1, 0, 1) for b in (-1, 0, 1) for c in (-1, 0, 1)
        ]

    def cube(self, lat: float, lon: float) -> int:
        """Return the number of the cube that holds the point."""
        p, q = math.radians(lat), math.radians(lon)
        half = self.side // 2
        x = math.floor(_EARTH_KM * math.cos(p) * math.cos(q) / self.size) + half
        y = math.floor(_EARTH_KM * math.cos(p) * math.sin(q) / self.size) + half
        z = math.floor(_EARTH_KM * math.sin(p) / self.size) + half
        return (x * self.side + y) * self.side + z


class _Blocks:
    """Incident indices filed by block, each block sorted by day, for a week either way."""

    def __init__(self) -> None:
        self.filed: dict[object, list[tuple[int, int]]] = {}
        self.days: dict[object, list[int]] = {}
        self.index: dict[object, list[int]] = {}

    def add(self, block: object, day: int, i: int) -> None:
        self.filed.setdefault(block, []).append((day, i))

    def sort(self) -> None:
        for block, rows in self.filed.items():
            rows.sort()
            self.days[block] = [day for day, _ in rows]
            self.index[block] = [i for _, i in rows]
        self.filed = {}

    def near(self, block: object, day: int) -> list[int]:
        """Return the indices in ``block`` dated within a week of ``day``."""
        days = self.days.get(block)
        if days is None:
            return []
        lo, hi = bisect.bisect_left(days, day - _WEEK), bisect.bisect_right(days, day + _WEEK)
        return self.index[block][lo:hi]


def _filing(
    inc: Incident, grid: _Grid, days: dict[str | None, int | None]
) -> tuple[object, bool, list[object]] | None:
    """Return where an incident is filed: its day, whether its date is coarse, its places.

    None for a background incident, which is never merged. An incident with
    no usable date is only the same event as one with the same date text, so
    its "day" is that text. Places: the cube, and the place name (the same
    name matches at any distance); or "nowhere" without coordinates.
    """
    if inc.background:
        return None
    if inc.event_date not in days:
        days[inc.event_date] = _day(inc.event_date)
    day: object = days[inc.event_date]
    coarse = inc.time_precision >= 2
    if day is None:
        day, coarse = ("undated", inc.event_date), False
    if inc.lat is None or inc.lon is None:
        return day, coarse, ["nowhere"]
    places: list[object] = [grid.cube(inc.lat, inc.lon)]
    if inc.location:
        places.append(("place", inc.location))
    return day, coarse, places


def _candidates(items: Sequence[Incident], near_km: float) -> list[tuple[int, int]]:
    """Return the pairs ``(i, j)``, ``i < j``, that :func:`same_event` accepts, sorted.

    Two day-precise incidents meet only on the same day: they are filed by
    (day, place) and find each other with one look-up per neighbouring cube.
    An incident with a coarse date (a week, a month) looks a week either way
    through blocks sorted by day, for both kinds. Places meet in the same or
    an adjacent cube, or by name.
    """
    grid = _Grid(max(near_km, 5.0))  # the widest distance _places_ok allows
    cubes = grid.side**3

    def key(day: object, place: object) -> object:
        # (day, cube) as one int: the 27 neighbours are then 27 additions
        if isinstance(day, int) and isinstance(place, int):
            return day * cubes + place
        return (day, place)

    days: dict[str | None, int | None] = {}
    filed = [_filing(inc, grid, days) for inc in items]
    same_day: dict[object, list[int]] = {}  # (day, place) -> day-precise incidents
    weekly = {False: _Blocks(), True: _Blocks()}  # by coarseness, place -> sorted by day
    filled: set[int] = set()
    for i, where in enumerate(filed):
        if where is None:
            continue
        day, coarse, places = where
        for place in places:
            if not coarse:
                same_day.setdefault(key(day, place), []).append(i)
            if isinstance(day, int):
                weekly[coarse].add(place, day, i)
            if isinstance(place, int):
                filled.add(place)
    for blocks in weekly.values():
        blocks.sort()
    around: dict[int, list[int]] = {}  # a cube -> the steps to the filled cubes next to it

    def steps(cube: int) -> list[int]:
        if cube not in around:
            around[cube] = [s for s in grid.around if cube + s in filled]
        return around[cube]

    pairs: list[tuple[int, int]] = []
    for i, where in enumerate(filed):
        if where is None:
            continue
        day, coarse, places = where
        near: set[int] = set()
        for place in places:
            cube = isinstance(place, int)
            if coarse:  # every kind, a week either way, in the filled cubes around
                for p in [place + s for s in steps(place)] if cube else [place]:
                    near.update(weekly[False].near(p, day))
                    near.update(weekly[True].near(p, day))
            elif cube:
                base = key(day, place)
                if isinstance(base, int):
                    for step in steps(place):
                        near.update(same_day.get(base + step, ()))
                else:  # undated, in a cube
                    near.update(
                        j for s in steps(place) for j in same_day.get(key(day, place + s), ())
                    )
            else:
                near.update(same_day.get(key(day, place), ()))
        # A day-precise pair is met from both sides: keep it from the first. A coarse
        # incident meets the day-precise ones, which do not look for it.
        a = items[i]
        for j in near:
            if (j > i or (coarse and not filed[j][1])) and (
                same_event(a, items[j], near_km=near_km)
                or _retold_figures(a, items[j])
                or (
                    one_demonstration(a, items[j])
                    and _report_of(a) == _report_of(items[j])
                    and _one_event_day(a, items[j])
                )
            ):
                pairs.append((min(i, j), max(i, j)))
    pairs += _country_pairs(items)
    pairs.sort()
    return pairs


def _country_pairs(items: Sequence[Incident]) -> list[tuple[int, int]]:
    """Pairs of one report's country-level account and a town's that are one event.

    The grid meets places near each other only; a country's point lies far from
    its towns (:func:`_country_and_town`). The account joins the first such town
    only: through it, two towns' events would become one ("stormed the SBU
    offices in Donetsk and Luhansk" beside "the current unrest in eastern
    Ukraine", the Wikipedia chronology of April 2014 in Donbas).
    """
    by_day: dict[tuple[str | None, str], list[int]] = {}
    for i, inc in enumerate(items):
        if inc.event_date and not inc.background:
            by_day.setdefault((_report_of(inc), inc.event_date), []).append(i)
    pairs = []
    for group in by_day.values():
        for i in group:
            if items[i].location != items[i].country:
                continue
            j = next(
                (
                    j
                    for j in group
                    if _country_and_town(items[j], items[i]) and _one_event_day(items[j], items[i])
                ),
                None,
            )
            if j is None:  # the same toll at a finer place, however coded
                j = next((j for j in group if _toll_retold_finer(items[j], items[i])), None)
            if j is not None:
                pairs.append((min(i, j), max(i, j)))
    return pairs


@contextlib.contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Pause the cyclic garbage collector while many small objects are made.

    The blocks hold no reference cycles; with a million incidents alive, each
    automatic collection would walk all of them again, doubling the time.
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def consolidate(incidents: Iterable[Incident], *, near_km: float = 60.0) -> list[Incident]:
    """Merge incidents that describe the same event; keep every source.

    Parameters
    ----------
    incidents : iterable of Incident
        Incidents from :func:`mapper.incidents.extract_incidents`, any number
        of reports, in any order.
    near_km : float
        How far a precise place may lie from a theatre/line-level one of the
        same event.

    Returns
    -------
    list of Incident
        One per event, ordered by date then first source; background
        incidents are never merged with current ones.

    Examples
    --------
    >>> from mapper.incidents import Incident, Source
    >>> a = Incident(id="a", event_date="2020-10-04", time_precision=1,
    ...     event_type="Explosions/Remote violence",
    ...     sub_event_type="Shelling/artillery/missile attack", actor1=None, actor2=None,
    ...     location="Stepanakert", country="Azerbaijan", lat=39.82, lon=46.75, geometry=None,
    ...     geo_precision=1, fatalities=3, injuries=11, claimed_by="NK officials",
    ...     disputed=False, disputed_by=None, background=False, notes="",
    ...     sources=(Source("1.txt", "Shells hit Stepanakert.", 0, 23),))
    >>> b = replace(a, id="b", fatalities=4, injuries=None,
    ...             sources=(Source("2.txt", "Stepanakert was shelled.", 10, 34),))
    >>> [m] = consolidate([a, b])
    >>> [s.report for s in m.sources], m.fatalities, m.injuries
    (['1.txt', '2.txt'], 3, 11)
    """
    with _no_cycle_collection():
        return _consolidate(incidents, near_km)


def _consolidate(incidents: Iterable[Incident], near_km: float) -> list[Incident]:
    items = sorted(
        incidents, key=lambda i: (_report_of(i) or "", i.sources[0].start if i.sources else 0)
    )
    # Union-find over the pairs that are the same event, taken in index order.
    parent = list(range(len(items)))
    actors: dict[int, set[str]] = {}  # attackers of each group of more than one

    days: dict[int, set[str]] = {}  # day-precise dates of each group of more than one
    codings: dict[int, set[_Coding]] = {}  # event and sub-event types of each such group

    def attackers(root: int) -> set[str]:
        if root in actors:
            return actors[root]
        return {items[root].actor1} if items[root].actor1 else set()

    def dated(root: int) -> set[str]:
        if root in days:
            return days[root]
        i = items[root]
        return {i.event_date} if i.event_date and i.time_precision == 1 else set()

    def coded(root: int) -> set[_Coding]:
        if root in codings:
            return codings[root]
        return {(items[root].event_type, items[root].sub_event_type)}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j in _candidates(items, near_km):
        ri, rj = find(i), find(j)
        if ri == rj:
            continue
        same_report = _report_of(items[i]) == _report_of(items[j])
        if same_report and not _one_event_day(items[i], items[j]):
            continue  # within a report, the incident stage has told its events apart
        # Every member of both groups must agree on the attacker (within a group they do).
        ai, aj = attackers(ri), attackers(rj)
        if not one_demonstration(items[i], items[j]) and any(
            _conflict(x, y) for x in ai for y in aj
        ):
            continue
        # Two accounts dated to different days are two events, even when a vaguer
        # account ("overnight", "last week") could be either: it joins one, not both
        # (a Houthi missile strike on Thursday and another on Sunday, in one city).
        di, dj = dated(ri), dated(rj)
        if di and dj and di != dj:
            continue
        # Nor does a vague account bridge two codings that cannot be one event: "last
        # month ... a single drone strike" and a shelling, both near a "24 were killed"
        # told without a day (Sudan, El-Fasher; AFP via TRT World, Anadolu, 2025).
        ci, cj = coded(ri), coded(rj)
        if not (
            one_demonstration(items[i], items[j])
            or _retold_figures(items[i], items[j])
            or _lede_and_detail(items[i], items[j])
        ) and not all(
            _codings_ok(x, y) or {x[0], y[0]} == {"Protests", "Riots"} for x in ci for y in cj
        ):
            continue
        keep, gone = min(ri, rj), max(ri, rj)
        parent[gone] = keep
        actors[keep] = ai | aj
        actors.pop(gone, None)
        days[keep] = di | dj
        days.pop(gone, None)
        codings[keep] = ci | cj
        codings.pop(gone, None)
    groups: dict[int, list[Incident]] = {}
    for k, inc in enumerate(items):
        groups.setdefault(find(k), []).append(inc)
    out = [_merge(g) if len(g) > 1 else g[0] for g in groups.values()]
    out.sort(
        key=lambda i: (
            i.event_date or "",
            _report_of(i) or "",
            i.sources[0].start if i.sources else 0,
        )
    )
    logger.debug("consolidated %d incidents into %d", len(items), len(out))
    return out
