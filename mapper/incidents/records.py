"""The public incident records: :class:`Incident` and :class:`Source`.

The working records of each stage live with the stage that makes them
(:mod:`~mapper.incidents.units`, :mod:`~mapper.incidents.frames`,
:mod:`~mapper.incidents.events`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

__all__ = [
    "EVENT_TYPES",
    "VIOLENT",
    "Source",
    "Incident",
    "coded_like",
    "one_demonstration",
    "unarmed_actor",
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


def unarmed_actor(name: str | None) -> bool:
    """Tell an actor name of the unarmed: civilians, protesters or rioters, of any country.

    >>> unarmed_actor("Protesters (Mali)"), unarmed_actor("Civilians"), unarmed_actor(None)
    (True, True, False)
    >>> unarmed_actor("Military Forces of Mali")
    False
    """
    return name is not None and name.startswith(("Civilians", "Protesters", "Rioters"))


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


def one_demonstration(a: Incident, b: Incident, *, violent: bool = False) -> bool:
    """Tell a protest and a riot that may be one demonstration told in parts.

    ACLED codes a demonstration once: as a violent demonstration (Riots) when
    the demonstrators engage in violence, else as a protest. A report tells
    the marching and the violence in different passages ("protesters were
    heading towards the Zamzam Tower intersection with a mass rally" and
    "protesters clashed with law enforcers", The Daily Star, Dhaka, August
    2024; [news-dev 11], [news-dev 04]). With ``violent`` the riot must be a
    violent demonstration, not mob violence: the incident stage folds one
    report's passages so, while accounts the stage kept apart join any riot.
    Where and when are the caller's to check.
    """
    if {a.event_type, b.event_type} != {"Protests", "Riots"}:
        return False
    return not violent or "Violent demonstration" in (a.sub_event_type, b.sub_event_type)


def coded_like(b: Incident, a: Incident) -> Incident:
    """Return ``b`` coded as ``a``, the demonstration both tell: its type and its crowd.

    A crowd that protests in one passage and riots in another is the riot's
    rioters ("Protesters (Georgia)" becomes "Rioters (Georgia)").
    """
    crowd = a.actor1 or (b.actor1 or "").replace("Protesters", "Rioters", 1) or None
    return replace(b, event_type=a.event_type, sub_event_type=a.sub_event_type, actor1=crowd)
