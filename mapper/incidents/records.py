"""The incident records: the public :class:`Incident` and :class:`Source`.

Also the working records a report is read into (:class:`Unit`, :class:`Draft`,
:class:`Denial`, :class:`Context`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "EVENT_TYPES",
    "VIOLENT",
    "Source",
    "Incident",
    "Unit",
    "Draft",
    "Denial",
    "Context",
]


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
    >>> from dataclasses import replace
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


@dataclass(frozen=True, slots=True)
class Unit:
    """A sentence (split at line breaks), trimmed, with its tokens."""

    index: int
    para: int
    start: int
    end: int
    tokens: tuple[Any, ...]
    caption: bool


@dataclass(slots=True)
class Draft:
    """A mutable incident under construction (frozen into :class:`Incident` at the end)."""

    unit: Unit
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
    extra_units: list[Unit] = field(default_factory=list)
    content: frozenset[str] = frozenset()
    victims_civilian: bool = False
    date_note: str = ""


@dataclass(frozen=True, slots=True)
class Denial:
    """A sentence that denies something: who denies, their side, what and where."""

    unit: Unit
    denier: str | None
    side: str | None
    content: frozenset[str]
    places: frozenset[str]
    relative: bool = False  # "..., which Y denied": it denies the claim of its own sentence


@dataclass(slots=True)
class Context:
    """What the whole report tells every sentence: its units, places, sides and dates."""

    report: Any
    text: str
    doc: Any
    units: list[Unit]
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

    def toponyms_in(self, start: int, end: int, *, places: bool = True) -> list[Any]:
        """Return the toponyms inside ``start..end`` (places only, or every side too)."""
        pool = self.toponyms if places else self.sides
        return [t for t in pool if t.start >= start and t.end <= end]
