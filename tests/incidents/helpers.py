"""Helpers for the incident tests: original sentences, hand-made places, the plain model.

The places are given by hand (as a geoparser would give them) so that these
tests check the incident rules, not the geoparser.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

MON = dt.date(2021, 3, 15)  # a Monday

# Points of the hand-made sites: (lat, lon, kind, country code, country).
PLACES = {
    "Kadugli": (11.0111, 29.7183, "settlement", "SD", "Sudan"),
    "Dilling": (12.05, 29.65, "settlement", "SD", "Sudan"),
    "Babanusa": (11.3333, 27.8167, "settlement", "SD", "Sudan"),
    "Khartoum": (15.5518, 32.5324, "settlement", "SD", "Sudan"),
    "Sudan": (15.0, 30.0, "country", "SD", "Sudan"),
    "North Darfur": (15.77, 24.9, "admin", "SD", "Sudan"),
    "Mopti": (14.4843, -4.1830, "settlement", "ML", "Mali"),
    "Djenne": (13.9061, -4.5533, "settlement", "ML", "Mali"),
    "Sevare": (14.5167, -4.0833, "settlement", "ML", "Mali"),
    "Bamako": (12.6392, -8.0029, "settlement", "ML", "Mali"),
    "Mali": (17.0, -4.0, "country", "ML", "Mali"),
    "Mykolaiv": (46.9659, 31.9974, "settlement", "UA", "Ukraine"),
    "Ochakiv": (46.6186, 31.5392, "settlement", "UA", "Ukraine"),
    "Kyiv": (50.4547, 30.5238, "settlement", "UA", "Ukraine"),
    "Ukraine": (49.0, 32.0, "country", "UA", "Ukraine"),
    "Russia": (60.0, 100.0, "country", "RU", "Russia"),
    "Mosul": (36.335, 43.1189, "settlement", "IQ", "Iraq"),
    "Iraq": (33.0, 44.0, "country", "IQ", "Iraq"),
}
CAPITALS = {"Khartoum", "Bamako", "Kyiv"}
DEMONYMS = {
    "Sudanese": "Sudan",
    "Malian": "Mali",
    "Ukrainian": "Ukraine",
    "Russian": "Russia",
    "Iraqi": "Iraq",
}
LINE = {"type": "LineString", "coordinates": [[31.0, 47.0], [33.0, 47.5]]}


@dataclass(frozen=True)
class Place:
    name: str
    lat: float
    lon: float
    kind: str
    country_code: str | None
    country: str | None = None
    geometry: dict | None = None
    feature_code: str | None = None
    population: int = 0


@dataclass(frozen=True)
class Top:
    """A toponym record with the fields the incident stage reads."""

    start: int
    end: int
    text: str
    name: str | None
    lat: float | None
    lon: float | None
    kind: str = "other"
    adjectival: bool = False
    dateline: bool = False
    qualifier: bool = False
    precision: int = 1
    country_code: str | None = None
    place: Place | None = None


@dataclass(frozen=True)
class Rep:
    """A report record."""

    id: str
    text: str
    published: dt.date | None = None
    dateline_span: tuple[int, int] | None = None
    body_start: int = 0
    path: str | None = None


def _find(text: str, word: str) -> list[int]:
    out, start = [], 0
    while (i := text.find(word, start)) >= 0:
        start = i + len(word)
        if not text[start : start + 1].isalpha() and not text[i - 1 : i].isalpha():
            out.append(i)
    return out


def toponyms(text: str, *, line: str | None = None) -> list[Top]:
    """Every known name in ``text``, as a geoparser would give it."""
    out = []
    for name, (lat, lon, kind, cc, country) in PLACES.items():
        code = "PPLC" if name in CAPITALS else {"country": "PCLI", "admin": "ADM1"}.get(kind, "PPL")
        place = Place(name, lat, lon, kind, cc, country, feature_code=code)
        for i in _find(text, name):
            out.append(
                Top(i, i + len(name), name, name, lat, lon, kind, country_code=cc, place=place)
            )
    for adj, country in DEMONYMS.items():
        lat, lon, _, cc, _ = PLACES[country]
        place = Place(country, lat, lon, "country", cc, country, feature_code="PCLI")
        for i in _find(text, adj):
            out.append(
                Top(
                    i,
                    i + len(adj),
                    adj,
                    country,
                    lat,
                    lon,
                    "country",
                    True,
                    country_code=cc,
                    place=place,
                )
            )
    if line:
        for i in _find(text, line):
            place = Place("front line", 47.2, 32.0, "line", "UA", "Ukraine", LINE)
            out.append(Top(i, i + len(line), line, "front line", 47.2, 32.0, "line", place=place))
    return sorted(out, key=lambda t: t.start)


def current(incidents):
    """The incidents told as current (not background)."""
    return [i for i in incidents if not i.background]
