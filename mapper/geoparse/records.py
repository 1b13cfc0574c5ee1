"""The geoparser's records: :class:`Toponym` (SCHEMA.md section 1) and working forms."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from mapper.gazetteer import Place

__all__ = ["Toponym", "Mention", "Ent"]


@dataclass(frozen=True, slots=True)
class Toponym:
    """A place name found in a text, with the place it was resolved to.

    Parameters
    ----------
    start, end : int
        Offsets of the mention: ``text[start:end] == self.text``.
    text : str
        The mention as written.
    name : str or None
        Canonical name of the resolved place; None when unresolved.
    lat, lon : float or None
        WGS84 degrees of the place's representative point; None when unresolved.
    kind : str
        ``settlement``, ``admin``, ``region``, ``country``, ``line``,
        ``feature`` or ``other``.
    geonameid : int or None
        GeoNames id when the place comes from GeoNames.
    confidence : float
        0..1, how clearly the chosen place beat the other candidates.
    adjectival : bool
        The mention is a demonym or adjective ("Russian") resolved to its
        country; it says who, not where.
    country_code : str or None
        ISO 3166-1 alpha-2 code of the place's country.
    admin1 : str or None
        Name of the place's first-level division.
    place : mapper.gazetteer.Place or None
        The resolved gazetteer record (carries the geometry of lines and regions).
    dateline : bool
        The mention is in the report's dateline (place of writing).
    precision : int
        ACLED ``geo_precision``: 1 the named place itself; 2 the name is
        unknown to the index and stands at its stated small area; 3 only a
        larger region is known.
    qualifier : bool
        The mention states the container of another toponym ("Donetsk" in
        "Marinka, Donetsk"): an event belongs at the qualified place.
    route_end : bool
        The mention names one end of a road or axis ("Djibo" in "the
        Djibo-Mentao axis"): an event there happened between the two ends.

    Examples
    --------
    >>> t = Toponym(0, 4, "Baku", "Baku", 40.38, 49.89, kind="settlement")
    >>> t.resolved
    True
    >>> Toponym(3, 1, "x", None, None, None)
    Traceback (most recent call last):
    ...
    ValueError: Toponym span (3, 1) is empty or negative
    """

    start: int
    end: int
    text: str
    name: str | None
    lat: float | None
    lon: float | None
    kind: str = "other"
    geonameid: int | None = None
    confidence: float = 0.0
    adjectival: bool = False
    country_code: str | None = None
    admin1: str | None = None
    place: Place | None = None
    dateline: bool = False
    precision: int = 1
    qualifier: bool = False
    route_end: bool = False

    def __post_init__(self) -> None:  # noqa: D105
        if not 0 <= self.start < self.end:
            raise ValueError(f"Toponym span ({self.start}, {self.end}) is empty or negative")
        if (self.lat is None) != (self.lon is None):
            raise ValueError(f"Toponym {self.text!r}: lat and lon must both be set or both be None")

    @property
    def resolved(self) -> bool:
        """True when the mention has coordinates."""
        return self.lat is not None


@dataclass(frozen=True, slots=True)
class Mention:
    """A recognised place-name mention, before resolution."""

    start: int
    end: int
    text: str
    label: str  # NER label or "GAZ", "DEMONYM", "DATELINE", "LINE", "CUE", "CONTEXT"... (see cues)
    adjectival: bool = False
    dateline: bool = False
    subject: bool = False  # the subject of a verb after it: "..., Russia launched"


@dataclass(frozen=True, slots=True)
class Ent:
    """A spaCy entity as plain numbers (building Span objects over and over is slow)."""

    start: int  # token offsets
    end: int
    label: str
    start_char: int
    end_char: int
