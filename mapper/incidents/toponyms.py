"""The geoparser's toponyms made fit for incidents.

Demonyms become sides, never places; "the village of X" and plain locative
phrases the geoparser missed are looked up in the gazetteer, within the
countries the report already names.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from mapper.incidents.lexicon import CALLED, LOCATIVE, NOT_PLACES, REGION_SUFFIX
from mapper.incidents.lookups import country_name, demonym, gazetteer

__all__ = ["Rescued", "rescue", "demonym_guard", "find_theatre", "side_of_toponym"]

logger = logging.getLogger(__name__)


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
class Rescued:
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


def rescue(toponyms: list[Any], text: str) -> list[Any]:
    """Resolve "the village of X" mentions the geoparser left without coordinates."""
    resolved = [t for t in toponyms if getattr(t, "lat", None) is not None]
    codes = sorted({t.country_code for t in resolved if getattr(t, "country_code", None)})
    out = []
    for t in toponyms:
        m = CALLED.search(text[max(0, t.start - 30) : t.start])
        if (
            getattr(t, "lat", None) is not None
            and getattr(t, "adjectival", False)
            and (m or t.kind not in ("country", "region"))
            and demonym(t.text) is None
        ):
            # A people is never a village: "the village of Talish" is a place.
            out.append(
                Rescued(
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
        gaz = gazetteer()
        kinds = ["settlement"] if m.group(1).lower() != "district" else ["admin", "settlement"]
        cands = (
            gaz.candidates(t.text, country_codes=codes or None, kinds=kinds, limit=5) if gaz else []
        )
        if not cands:
            out.append(t)
            continue
        p = cands[0].place
        logger.debug("rescued %r as %s", t.text, p.key)
        out.append(Rescued(t.start, t.end, t.text, p.name, p.lat, p.lon, p.kind, p.country_code, p))
    out.extend(_scan_locatives(text, out, codes))
    return sorted(out, key=lambda t: t.start)


def _scan_locatives(text: str, known: list[Any], codes: list[str]) -> list[Any]:
    """Places the geoparser missed in plain locative phrases ("near the town of Bakhmut").

    Only names the gazetteer knows in the countries the report already names are taken.
    """
    gaz = gazetteer()
    if gaz is None or not codes:
        return []
    taken = [(t.start, t.end) for t in known if getattr(t, "lat", None) is not None]
    found: list[Any] = []
    hits = [(m.start(1), m.group(1), ("settlement", "admin")) for m in LOCATIVE.finditer(text)]
    hits += [
        (m.start(1), m.group(1), ("admin", "region", "settlement"))
        for m in REGION_SUFFIX.finditer(text)
    ]
    for start, name, kinds in sorted(hits):
        name = re.sub(r"[’']s$", "", name)
        if name.split()[0].lower() in NOT_PLACES:
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
            Rescued(start, end, text[start:end], p.name, p.lat, p.lon, p.kind, p.country_code, p)
        )
    return found


def demonym_guard(t: Any) -> Any:
    """Return a people's name ("Azeri") as an adjectival side, other toponyms unchanged."""
    if getattr(t, "adjectival", False) or not t.text[:1].isupper():
        return t
    gaz = gazetteer()
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


def find_theatre(places: list[Any]) -> Any:
    """Return the theatre: the most-mentioned region-like toponym, else the commonest country.

    A report that names neither has the settlement it names most as its theatre.
    """
    for kinds in (("region", "line"), ("admin",), ("country",), ("settlement",)):
        c = Counter(t.name for t in places if t.kind in kinds)
        if c:
            name = c.most_common(1)[0][0]
            return next(t for t in places if t.name == name)
    return None


def side_of_toponym(t: Any) -> str | None:
    """Return the side (country name) a country or demonym toponym stands for, or None."""
    if t.kind == "country":
        return t.name
    if getattr(t, "adjectival", False):
        return country_name(getattr(t, "country_code", None)) or t.name
    return None
