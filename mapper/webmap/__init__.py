"""The incident map: one self-contained, deterministic, offline HTML file.

:func:`build_map` returns a :class:`folium.Map` (for notebooks);
:func:`write_map` writes it as one HTML file that makes no request outside
itself. Leaflet, Leaflet.markercluster, the heatmap plugin, our basemap derived from
Natural Earth, place names from our gazetteer and the theatre overlay are all
inlined; online tiles are added only when asked for.

Examples
--------
>>> fc = {"type": "FeatureCollection", "features": [{"type": "Feature",
...       "geometry": {"type": "Point", "coordinates": [46.75, 39.82]},
...       "properties": {"id": "a", "event_date": "2020-09-27", "event_type": "Battles",
...                      "sources": [{"report": "r.txt", "quote": "<img src=x onerror=alert(1)>",
...                                   "start": 0, "end": 28}]}}]}
>>> m = build_map(fc, title="Test", labels=False)
>>> html = m.get_root().render()
>>> "<img src=x" in html, "unpkg" in html or "cdn." in html
(False, False)
"""

from __future__ import annotations

import logging
import math
import os
import re
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

import folium

from mapper.webmap.assets import AssetBundle, core_assets, heat_asset
from mapper.webmap.basemap import basemap, detail_boxes, load_theatre, theatre_bounds
from mapper.webmap.controls import (
    FilterChoices,
    FitView,
    Header,
    Legend,
    MapButtons,
    Sidebar,
    TimeAxis,
    TypePalette,
)
from mapper.webmap.data import encode, to_features
from mapper.webmap.layers import (
    THEATRE_LABEL_ZOOM,
    BackgroundLayer,
    BasemapLayer,
    HeatLayer,
    IncidentLayer,
    LayerControl,
    OfflineBase,
    OfflineMap,
    TheatreLayer,
    TileProviderError,
    TileWatch,
    TypeLayer,
    stable_id,
    tile_layers,
    type_colors,
)

__all__ = ["TileProviderError", "build_map", "write_map", "tile_layers"]

logger = logging.getLogger(__name__)

ACLED_TYPES = (
    "Battles",
    "Explosions/Remote violence",
    "Violence against civilians",
    "Protests",
    "Riots",
    "Strategic developments",
)
UNKNOWN_TYPE = "Unknown"
#: Degrees around the theatre overlay's extent within which an incident brings the overlay.
THEATRE_PAD = 0.5
Bounds = tuple[float, float, float, float]


def _geometry_bounds(geometry: dict[str, Any] | None) -> Bounds | None:
    """Bounds of a GeoJSON geometry's coordinates (a collection's parts included)."""
    return theatre_bounds({"features": [{"geometry": geometry}]}) if geometry else None


def _areas(rows: list[list[Any]], lat_col: int) -> list[Bounds]:
    """One box per incident: its line or region, else its point."""
    out = []
    for r in rows:
        box = _geometry_bounds(r[lat_col + 3])
        if box is None:
            box = (r[lat_col + 1], r[lat_col], r[lat_col + 1], r[lat_col])
        out.append(box)
    return out


def _union(boxes: list[Bounds]) -> Bounds | None:
    if not boxes:
        return None
    return (min(b[0] for b in boxes), min(b[1] for b in boxes),
            max(b[2] for b in boxes), max(b[3] for b in boxes))


def _touches(a: Bounds, b: Bounds) -> bool:
    return not (a[0] > b[2] or a[2] < b[0] or a[1] > b[3] or a[3] < b[1])


def _theatre_names(theatre: dict[str, Any]) -> list[tuple[str, float, float]]:
    """(name, lat, lon) of every named point of the overlay, aliases included."""
    out = []
    for feat in theatre.get("features") or []:
        geom = (feat.get("geometry") or {}) if isinstance(feat, dict) else {}
        props = feat.get("properties") or {} if isinstance(feat, dict) else {}
        if geom.get("type") != "Point" or not props.get("name"):
            continue
        lon, lat = geom["coordinates"][:2]
        aliases = props.get("aliases") if isinstance(props.get("aliases"), list) else []
        out += [(str(n), float(lat), float(lon)) for n in [props["name"], *aliases]]
    return out


def _initial_view(area: Bounds | None) -> dict[str, Any]:
    """Centre and zoom that roughly show ``area`` before the page fits it exactly.

    Also the least zoom: 0 (the whole world, even on a phone) when the incidents
    span the world; for a local map, four levels below what frames it on a phone,
    at most 3 (a continent). Each level the marker clusters keep costs every
    filter change time, and a local map needs no view of the world twice over.

    Examples
    --------
    >>> _initial_view((46.0, 39.2, 47.8, 40.6))["min_zoom"]
    3
    >>> _initial_view((-122.0, -33.0, 151.0, 53.0))["min_zoom"]
    0
    """
    if area is None:
        return {"location": [20.0, 0.0], "zoom_start": 1, "min_zoom": 0}
    west, south, east, north = area
    span = max(east - west, north - south, 0.05)
    zoom = max(1, min(10, int(math.log2(360.0 / span))))
    # 390 px of phone show 390 / 256 worlds at zoom 0
    phone = math.log2(390.0 / 256.0 * 360.0 / span)
    least = int(max(0, min(3, math.floor(phone) - 4)))
    return {"location": [(south + north) / 2, (west + east) / 2], "zoom_start": zoom,
            "min_zoom": least}


def _slug(title: str) -> str:
    return re.sub(r"[^0-9A-Za-z]+", "-", title).strip("-").lower() or "mapper"


def _choices(rows: list[list[Any]], columns: list[str], strings: list[str]) -> FilterChoices:
    """Count statuses, actors and countries for the filter panel; find the largest toll."""
    col = {c: columns.index(c) for c in ("actor1", "actor2", "country", "claimed_by",
                                          "disputed", "fatalities")}

    def text(row: list[Any], name: str) -> str | None:
        v = row[col[name]]
        return None if v is None else strings[v]

    status: Counter[str] = Counter()
    actors: Counter[str] = Counter()
    countries: Counter[str] = Counter()
    most = 0
    for r in rows:
        status["disputed" if r[col["disputed"]] else "claim" if text(r, "claimed_by")
               else "fact"] += 1
        for name in {text(r, "actor1"), text(r, "actor2")} - {None, ""}:
            actors[name] += 1
        if text(r, "country"):
            countries[text(r, "country")] += 1
        most = max(most, r[col["fatalities"]] or 0)

    def ranked(c: Counter[str]) -> list[tuple[str, int]]:
        return sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))

    return FilterChoices(statuses=ranked(status), actors=ranked(actors)[:300],
                         countries=ranked(countries), max_fatalities=int(most))


def build_map(
    incidents: Any,
    *,
    title: str = "mapper",
    report_count: int | None = None,
    tiles: Any = None,
    theatre: dict[str, Any] | None | bool = True,
    compress: bool | None = None,
    labels: bool = True,
) -> folium.Map:
    """Build the offline incident map.

    Parameters
    ----------
    incidents : GeoDataFrame, FeatureCollection dict, or iterable of Incident / Feature dicts
        Properties as in SCHEMA.md; Point, LineString or Polygon geometries.
        Incidents without a geometry are left out (and logged). A source may
        also carry its report's ``title``, ``published`` date and ``url``.
    title : str, default "mapper"
        Shown in the header and as the page title.
    report_count : int, optional
        Number of reports read; by default the number of distinct reports cited.
    tiles : str, xyzservices.TileProvider, folium.TileLayer or a list of them, optional
        Online tile layers to offer as alternative base layers (e.g.
        ``"OpenStreetMap.Mapnik"``). The offline outlines stay on as an overlay.
    theatre : dict, bool or None, default True
        The theatre overlay: True reads ``static/theatre.geojson`` if present;
        a FeatureCollection dict uses that; False or None draws none. It is
        drawn (and its places searchable) only when an incident touches its
        extent (its ``bbox`` member, else its coordinates' bounds, padded by
        :data:`THEATRE_PAD` degrees).
    compress : bool, optional
        Embed the incidents gzip-compressed (the page decodes them with the
        browser's ``DecompressionStream``). By default only when their JSON
        is over 256 KiB, so small maps stay readable and work in old browsers.
    labels : bool, default True
        Country, capital and town names from mapper's gazetteer on the
        basemap, and its towns in the place search.

    Returns
    -------
    folium.Map
        Render with ``m.get_root().render()`` or write with :func:`write_map`.

    Raises
    ------
    TypeError
        When ``incidents`` is not one of the accepted forms.
    TileProviderError
        (a :class:`~mapper.errors.MapperError` and ValueError) for an unknown tile provider.

    Examples
    --------
    >>> m = build_map([], title="Empty", labels=False)
    >>> m.get_name()
    'mapper_map'
    >>> build_map([], tiles="No.Such.Provider")
    Traceback (most recent call last):
    ...
    mapper.webmap.layers.TileProviderError: unknown tile provider 'No.Such.Provider'; use ...
    """
    online = tile_layers(tiles)
    features = to_features(incidents)
    payload = encode(features)
    if payload["unmapped"]:
        logger.warning("%d of %d incidents have no geometry and are not on the map",
                       payload["unmapped"], len(features))
    columns, strings, rows = payload["columns"], payload["strings"], payload["rows"]
    c_type, c_date, c_bg = (columns.index(c) for c in ("event_type", "event_date", "background"))

    def text(row: list[Any], col: int) -> str | None:
        return None if row[col] is None else strings[row[col]]

    current = [r for r in rows if not r[c_bg]]
    types = type_colors(_type_names(text(r, c_type) or UNKNOWN_TYPE for r in rows))
    shown_counts = Counter(text(r, c_type) or UNKNOWN_TYPE for r in current)
    axis = TimeAxis.of([text(r, c_date) for r in (current or rows)])
    areas = _areas(rows, len(columns))
    theatre = _theatre_near(theatre, areas)
    if report_count is None:
        report_count = _report_count(features)

    m = OfflineMap(title=title, max_zoom=18 if online else 14,
                   **_initial_view(_union(_areas(current, len(columns)) or areas)))
    assets = list(core_assets())
    heat = heat_asset()
    if heat is not None:
        assets.append(heat)
    m.add_child(AssetBundle(assets))
    m.add_child(TypePalette(types))
    # The incidents' script runs first, so the markers show before the basemap is drawn.
    view = IncidentLayer(payload, types, sorted({d for r in rows if (d := text(r, c_date))}),
                         compress=compress, filename=f"{_slug(title)}-incidents")
    m.add_child(view)
    if online:
        m.add_child(OfflineBase())
    for layer in online:
        m.add_child(layer)
    countries = {text(r, columns.index("country")) or "" for r in rows}
    base_layer = _basemap_layer(view, areas, countries if labels else None, theatre)
    if base_layer is not None:
        m.add_child(base_layer)
        if online:
            m.add_child(TileWatch(base_layer, online))
    theatre_layer = TheatreLayer(theatre) if theatre else None
    if theatre_layer is not None:
        m.add_child(theatre_layer)

    for i, t in enumerate(types):
        m.add_child(TypeLayer(view, i, t["name"], shown_counts[t["name"]]))
    if len(current) < len(rows):
        m.add_child(BackgroundLayer(view, len(rows) - len(current)))
    if heat is not None:
        m.add_child(HeatLayer(view))
    m.add_child(stable_id(LayerControl(collapsed=False, position="topright", dock="mapper-layers"),
                          "layers"))
    m.add_child(Header(view, title=title, reports=report_count, incidents=len(rows),
                       first=axis.first, last=axis.last, unmapped=payload["unmapped"],
                       background=len(rows) - len(current)))
    m.add_child(Sidebar(view, axis=axis, choices=_choices(rows, columns, strings),
                        theatre=theatre_layer, basemap=base_layer))
    m.add_child(Legend(view, types, [shown_counts[t["name"]] for t in types],
                       theatre=theatre_layer is not None))
    m.add_child(MapButtons(view))
    extent = theatre_bounds(theatre)
    m.add_child(FitView(view, [[extent[1], extent[0]], [extent[3], extent[2]]]
                        if extent else None))
    return m


def _type_names(names: Any) -> list[str]:
    """Order the event types present: ACLED's in ACLED's order, then others, "Unknown" last."""
    present = set(names)
    out = [t for t in ACLED_TYPES if t in present]
    out += sorted(t for t in present if t not in ACLED_TYPES and t != UNKNOWN_TYPE)
    return out + [UNKNOWN_TYPE] if UNKNOWN_TYPE in present else out


def _theatre_near(theatre: Any, areas: list[Bounds]) -> dict[str, Any] | None:
    """Return the theatre overlay to draw (the default file or a dict) if an incident touches it."""
    if theatre is True:
        theatre = load_theatre()
    if not theatre:
        return None
    extent = theatre_bounds(theatre)
    near = extent and (extent[0] - THEATRE_PAD, extent[1] - THEATRE_PAD,
                       extent[2] + THEATRE_PAD, extent[3] + THEATRE_PAD)
    if not near or not any(_touches(a, near) for a in areas):
        logger.info("no incident touches the theatre overlay's extent: it is left out")
        return None
    return theatre


def _report_count(features: list[dict[str, Any]]) -> int:
    """Count the distinct reports the incidents cite."""
    reports = set()
    for feat in features:
        for src in (feat.get("properties") or {}).get("sources") or []:
            if isinstance(src, dict) and src.get("report"):
                reports.add(src["report"])
    return len(reports)


def _basemap_layer(view: IncidentLayer, areas: list[Bounds], countries: set[str] | None,
                   theatre: dict[str, Any] | None) -> BasemapLayer | None:
    """Return the basemap for these incident areas, labelled unless ``countries`` is None."""
    boxes = detail_boxes(areas)
    layers = basemap(boxes)
    if layers is None:
        return None
    places = None
    if countries is not None:
        from mapper.webmap.places import place_table, unlabel_near

        places = place_table(boxes, countries)
        if places is not None and theatre:
            unlabel_near(places, _theatre_names(theatre), from_zoom=THEATRE_LABEL_ZOOM)
    return BasemapLayer(layers, places, after=view)


def write_map(incidents: Any, path: str | os.PathLike[str], **kwargs: Any) -> Path:
    """Write the map of ``incidents`` as one self-contained HTML file.

    The same incidents and options always give the same bytes. The file is
    written to a temporary name first and then moved into place.

    Parameters
    ----------
    incidents
        As for :func:`build_map`.
    path : path
        Where to write; parent folders are created.
    **kwargs
        Passed to :func:`build_map` (``title``, ``report_count``, ``tiles``, ``theatre``,
        ``compress``, ``labels``).

    Returns
    -------
    Path

    Examples
    --------
    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "m.html"
    >>> p = write_map([], out, title="Empty", labels=False)
    >>> p.read_bytes() == write_map([], out, title="Empty", labels=False).read_bytes()
    True
    """
    path = Path(path)
    html = build_map(incidents, **kwargs).get_root().render()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(html.encode("utf-8"))
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; give the usual mode
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path
