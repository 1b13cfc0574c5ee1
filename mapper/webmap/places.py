"""Place names for the basemap's labels and the offline place search, from our gazetteer.

Countries, capitals and towns come from :func:`mapper.gazetteer.load_gazetteer`
through its public API only (``iter_places``, ``candidates`` and the ``Place``
fields). Each place gets the zoom from which its label may show, ranked by
kind and population; the page then places labels greedily so they never
overlap. Towns below 100,000 people are kept only near the incidents (in the
basemap's detail boxes) and in the incidents' own countries, so the search
finds a village of the country at war while the file stays small.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterable, Sequence
from typing import Any

__all__ = ["KINDS", "fold", "label_zoom", "place_table", "unlabel_near"]

logger = logging.getLogger(__name__)

#: Codes of the ``kind`` column, in label priority order.
KINDS = ("country", "capital", "town")
WORLD_TOWNS = 100_000  # people: towns this large are kept world-wide
MIN_TOWN = 1_000  # people: smaller places are left out
MAX_NEAR = 4000  # towns kept inside the detail boxes
MAX_PER_COUNTRY = 2000  # search-only towns per incident country
SEARCH_ONLY = 99  # label zoom of a place that is searchable but never labelled

Bounds = tuple[float, float, float, float]
Row = tuple[str, float, float, int, int, str]  # name, lat, lon, population, kind, country code


def fold(name: str) -> str:
    """Return a case- and accent-insensitive key of a name (as the page's search folds).

    Examples
    --------
    >>> fold("Şuşa"), fold(" Bogotá ")
    ('susa', 'bogota')
    """
    import unicodedata

    text = unicodedata.normalize("NFKD", str(name).replace("ə", "a").replace("Ə", "A"))
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).casefold().split())


def unlabel_near(table: dict[str, Any], names: Sequence[tuple[str, float, float]],
                 km: float = 30.0, from_zoom: float | None = None) -> None:
    """Keep searchable but stop labelling places another layer already labels nearby.

    Parameters
    ----------
    table : dict
        From :func:`place_table`; changed in place.
    names : sequence of (name, lat, lon)
        Names another layer draws (the theatre overlay's towns, aliases included).
    km : float
        How near counts as the same place.
    from_zoom : float, optional
        Only from this zoom on (the other layer's labels show from there): the
        place gets it as a seventh column, its last label zoom. By default never.

    Examples
    --------
    >>> t = {"countries": [], "places": [["Ganja", 4068, 4636, 7, 2, -1]]}
    >>> unlabel_near(t, [("Gäncä", 40.6, 46.3), ("GANJA", 40.68, 46.36)]); t["places"][0][3]
    99
    >>> t = {"countries": [], "places": [["Ganja", 4068, 4636, 7, 2, -1]]}
    >>> unlabel_near(t, [("Ganja", 40.68, 46.36)], from_zoom=8); t["places"][0]
    ['Ganja', 4068, 4636, 7, 2, -1, 8]
    """
    import math

    by_key: dict[str, list[tuple[float, float]]] = {}
    for name, lat, lon in names:
        by_key.setdefault(fold(name), []).append((lat, lon))
    for place in table["places"]:
        for lat, lon in by_key.get(fold(place[0]), ()):
            dy = place[1] / 100 - lat
            dx = (place[2] / 100 - lon) * math.cos(math.radians(lat))
            if math.hypot(dx, dy) * 111.2 <= km:
                if from_zoom is None:
                    place[3] = SEARCH_ONLY
                else:
                    place.append(from_zoom)
                break


def label_zoom(kind: int, population: int) -> int:
    """Return the zoom from which a place's label may show.

    Examples
    --------
    >>> label_zoom(0, 80_000_000), label_zoom(1, 1_000), label_zoom(2, 2_500_000)
    (2, 4, 5)
    >>> label_zoom(2, 4_000)
    10
    """
    if kind == 0:
        return 2 if population >= 20_000_000 else 3
    if kind == 1:
        return 4
    for zoom, least in ((5, 1_000_000), (6, 300_000), (7, 100_000), (8, 30_000), (9, 10_000)):
        if population >= least:
            return zoom
    return 10


@functools.lru_cache(maxsize=1)
def _rows(gazetteer: Any) -> tuple[Row, ...]:
    """Countries, capitals and towns of ``MIN_TOWN`` people or more (one pass over the index)."""
    rows = []
    for place in gazetteer.iter_places():
        code = place.feature_code or ""
        if place.kind == "country" and code.startswith("PCL"):
            kind = 0
        elif place.kind == "settlement" and code == "PPLC":
            kind = 1
        elif place.kind == "settlement" and (place.population or 0) >= MIN_TOWN:
            kind = 2
        else:
            continue
        rows.append((place.name, place.lat, place.lon, int(place.population or 0), kind,
                     place.country_code or ""))
    # priority: kind, then population, then name (a stable order for the same index)
    rows.sort(key=lambda r: (r[4], -r[3], r[0], r[1], r[2]))
    return tuple(rows)


def _inside(lat: float, lon: float, boxes: Sequence[Bounds]) -> bool:
    return any(b[0] <= lon <= b[2] and b[1] <= lat <= b[3] for b in boxes)


def country_codes(names: Iterable[str], gazetteer: Any) -> set[str]:
    """Return the ISO codes of the country names the incidents carry.

    Examples
    --------
    >>> from mapper.gazetteer import load_gazetteer
    >>> sorted(country_codes(["Azerbaijan", "Nowhereland", ""], load_gazetteer()))
    ['AZ']
    """
    codes = set()
    for name in set(names):
        if not name:
            continue
        try:
            found = gazetteer.candidates(name, kinds="country", limit=1)
        except (TypeError, ValueError):
            continue
        if found and found[0].place.country_code:
            codes.add(found[0].place.country_code)
    return codes


def place_table(boxes: Sequence[Bounds], countries: Iterable[str] = (), *,
                gazetteer: Any = None) -> dict[str, Any] | None:
    """Return the labels and search places of a map.

    Parameters
    ----------
    boxes : sequence of (west, south, east, north)
        The basemap's detail boxes: towns down to ``MIN_TOWN`` people there.
    countries : iterable of str
        Country names of the incidents: their towns are searchable.
    gazetteer : Gazetteer, optional
        Defaults to :func:`mapper.gazetteer.load_gazetteer`.

    Returns
    -------
    dict or None
        ``{"countries": [name, ...], "places": [[name, lat, lon, zoom, kind, country], ...]}``
        with coordinates in hundredths of a degree, ``kind`` an index of :data:`KINDS`,
        ``country`` an index of ``countries`` (or -1) and ``zoom`` the label zoom
        (:data:`SEARCH_ONLY` for search-only places); in label priority order.
        None when the gazetteer cannot be loaded.

    Examples
    --------
    >>> t = place_table([(44.0, 38.0, 48.0, 42.0)], ["Azerbaijan"])
    >>> baku = next(p for p in t["places"] if p[0] == "Baku")
    >>> baku[3:5], t["countries"][baku[5]]
    ([4, 1], 'Azerbaijan')
    """
    if gazetteer is None:
        from mapper.errors import MapperError
        from mapper.gazetteer import load_gazetteer

        try:
            gazetteer = load_gazetteer()
        except (MapperError, OSError) as err:
            logger.warning("no place labels or town search: %s", err)
            return None
    table = _table(gazetteer, tuple(tuple(b) for b in boxes),
                   tuple(sorted(country_codes(countries, gazetteer))))
    # a copy: callers may change it (see unlabel_near)
    return {"countries": list(table["countries"]), "places": [list(p) for p in table["places"]]}


@functools.lru_cache(maxsize=8)
def _table(gazetteer: Any, boxes: tuple[Bounds, ...], wanted: tuple[str, ...]) -> dict[str, Any]:
    rows = _rows(gazetteer)
    names = {r[5]: r[0] for r in rows if r[4] == 0}
    index: dict[str, int] = {}
    places = []
    near = 0
    per_country: dict[str, int] = {}
    for name, lat, lon, population, kind, code in rows:
        zoom = label_zoom(kind, population)
        if kind == 2 and population < WORLD_TOWNS:
            if near < MAX_NEAR and _inside(lat, lon, boxes):
                near += 1
            elif code in wanted and per_country.get(code, 0) < MAX_PER_COUNTRY:
                per_country[code] = per_country.get(code, 0) + 1
                zoom = SEARCH_ONLY
            else:
                continue
        cidx = -1
        if code in names:
            cidx = index.setdefault(code, len(index))
        places.append([name, round(lat * 100), round(lon * 100), zoom, kind, cidx])
    return {"countries": [names[c] for c in index], "places": places}
