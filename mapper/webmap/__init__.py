"""The incident map: one self-contained, deterministic, offline HTML file.

:func:`build_map` returns a :class:`folium.Map` (for notebooks);
:func:`write_map` writes it as one HTML file that makes no request outside
itself. Leaflet, Leaflet.markercluster, the heatmap plugin, the Natural Earth
outlines and our theatre overlay are all inlined; online tiles are added only
when asked for.

Examples
--------
>>> fc = {"type": "FeatureCollection", "features": [{"type": "Feature",
...       "geometry": {"type": "Point", "coordinates": [46.75, 39.82]},
...       "properties": {"id": "a", "event_date": "2020-09-27", "event_type": "Battles",
...                      "sources": [{"report": "r.txt", "quote": "<img src=x onerror=alert(1)>",
...                                   "start": 0, "end": 28}]}}]}
>>> m = build_map(fc, title="Test")
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
from mapper.webmap.basemap import load_theatre, outlines
from mapper.webmap.controls import FitView, Fullscreen, Header, Legend, Sidebar, TypePalette
from mapper.webmap.data import encode, to_features
from mapper.webmap.layers import (
    BackgroundLayer,
    BasemapLayer,
    HeatLayer,
    IncidentLayer,
    LayerControl,
    OfflineMap,
    TheatreLayer,
    TileProviderError,
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


def _bounds(rows: list[list[Any]], lat_col: int) -> tuple[float, float, float, float] | None:
    if not rows:
        return None
    lats = [r[lat_col] for r in rows]
    lons = [r[lat_col + 1] for r in rows]
    return (min(lons), min(lats), max(lons), max(lats))


def _theatre_bounds(theatre: dict[str, Any] | None) -> tuple[float, float, float, float] | None:
    if not theatre:
        return None
    xs: list[float] = []
    ys: list[float] = []

    def walk(coords: Any) -> None:
        if isinstance(coords, (list, tuple)) and coords and isinstance(coords[0], (int, float)):
            xs.append(float(coords[0]))
            ys.append(float(coords[1]))
        elif isinstance(coords, (list, tuple)):
            for c in coords:
                walk(c)

    for feat in theatre.get("features") or []:
        walk((feat.get("geometry") or {}).get("coordinates"))
    return (min(xs), min(ys), max(xs), max(ys)) if xs else None


def _initial_view(area: tuple[float, float, float, float] | None) -> dict[str, Any]:
    """Centre and zoom that roughly show ``area`` before the page fits it exactly."""
    if area is None:
        return {"location": [20.0, 0.0], "zoom_start": 3}
    west, south, east, north = area
    span = max(east - west, north - south, 0.05)
    zoom = max(3, min(10, int(math.log2(360.0 / span))))
    return {"location": [(south + north) / 2, (west + east) / 2], "zoom_start": zoom}


def _slug(title: str) -> str:
    return re.sub(r"[^0-9A-Za-z]+", "-", title).strip("-").lower() or "mapper"


def build_map(
    incidents: Any,
    *,
    title: str = "mapper",
    report_count: int | None = None,
    tiles: Any = None,
    theatre: dict[str, Any] | None | bool = True,
    compress: bool | None = None,
) -> folium.Map:
    """Build the offline incident map.

    Parameters
    ----------
    incidents : GeoDataFrame, FeatureCollection dict, or iterable of Incident / Feature dicts
        Properties as in SCHEMA.md; Point, LineString or Polygon geometries.
        Incidents without a geometry are left out (and logged).
    title : str, default "mapper"
        Shown in the header and as the page title.
    report_count : int, optional
        Number of reports read; by default the number of distinct reports cited.
    tiles : str, xyzservices.TileProvider, folium.TileLayer or a list of them, optional
        Online tile layers to offer as alternative base layers (e.g.
        ``"OpenStreetMap.Mapnik"``). The offline outlines stay the default.
    theatre : dict, bool or None, default True
        The theatre overlay: True reads ``static/theatre.geojson`` if present;
        a FeatureCollection dict uses that; False or None draws none.
    compress : bool, optional
        Embed the incidents gzip-compressed (the page decodes them with the
        browser's ``DecompressionStream``). By default only when their JSON
        is over 256 KiB, so small maps stay readable and work in old browsers.

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
    >>> m = build_map([], title="Empty")
    >>> m.get_name()
    'mapper_map'
    >>> build_map([], tiles="No.Such.Provider")
    Traceback (most recent call last):
    ...
    mapper.webmap.layers.TileProviderError: unknown tile provider 'No.Such.Provider'; use ...
    """
    features = to_features(incidents)
    payload = encode(features)
    if payload["unmapped"]:
        logger.warning("%d of %d incidents have no geometry and are not on the map",
                       payload["unmapped"], len(features))
    columns = payload["columns"]
    strings = payload["strings"]
    rows = payload["rows"]
    c_type, c_date, c_bg = (columns.index(c) for c in ("event_type", "event_date", "background"))

    def text(row: list[Any], col: int) -> str | None:
        return None if row[col] is None else strings[row[col]]

    type_counts = Counter(text(r, c_type) or UNKNOWN_TYPE for r in rows)
    names = [t for t in ACLED_TYPES if t in type_counts]
    names += sorted(t for t in type_counts if t not in ACLED_TYPES and t != UNKNOWN_TYPE)
    if UNKNOWN_TYPE in type_counts:
        names.append(UNKNOWN_TYPE)
    types = type_colors(names)
    dates = sorted({d for r in rows if (d := text(r, c_date))})
    background_count = sum(1 for r in rows if r[c_bg])

    if theatre is True:
        theatre = load_theatre()
    elif theatre is False:
        theatre = None
    current = [r for r in rows if not r[c_bg]] or rows
    area = _bounds(current, len(columns)) or _theatre_bounds(theatre)

    if report_count is None:
        reports = set()
        for feat in features:
            for src in (feat.get("properties") or {}).get("sources") or []:
                if isinstance(src, dict) and src.get("report"):
                    reports.add(src["report"])
        report_count = len(reports)

    online = tile_layers(tiles)
    m = OfflineMap(title=title, max_zoom=18 if online else 14, **_initial_view(area))
    assets = list(core_assets())
    heat = heat_asset()
    if heat is not None:
        assets.append(heat)
    m.add_child(AssetBundle(assets))
    m.add_child(TypePalette(types))

    # The incidents' script runs first, so the markers show before the outlines are built.
    view = IncidentLayer(payload, types, dates, compress=compress)
    m.add_child(view)
    base = outlines(area)
    if base is not None:
        m.add_child(BasemapLayer(base, after=view))
    for layer in online:
        m.add_child(layer)
    theatre_layer = None
    if theatre:
        theatre_layer = TheatreLayer(theatre)
        m.add_child(theatre_layer)

    for i, t in enumerate(types):
        m.add_child(TypeLayer(view, i, t["name"], type_counts[t["name"]]))
    if background_count:
        m.add_child(BackgroundLayer(view, background_count))
    if heat is not None:
        m.add_child(HeatLayer(view))
    m.add_child(stable_id(LayerControl(collapsed=False, position="topright", dock="mapper-layers"),
                          "layers"))

    m.add_child(Header(view, title=title, reports=report_count, incidents=len(rows),
                       first=dates[0] if dates else None, last=dates[-1] if dates else None,
                       unmapped=payload["unmapped"]))
    m.add_child(Sidebar(view, dates=dates, filename=f"{_slug(title)}-incidents.geojson",
                        theatre=theatre_layer))
    m.add_child(Legend(view, types, [type_counts[t["name"]] for t in types],
                       theatre=theatre_layer is not None))
    m.add_child(Fullscreen())
    fallback = _theatre_bounds(theatre)
    m.add_child(FitView(view, [[fallback[1], fallback[0]], [fallback[3], fallback[2]]]
                        if fallback else None))
    return m


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
        Passed to :func:`build_map` (``title``, ``report_count``, ``tiles``, ``theatre``).

    Returns
    -------
    Path

    Examples
    --------
    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "m.html"
    >>> p = write_map([], out, title="Empty")
    >>> p.read_bytes() == write_map([], out, title="Empty").read_bytes()
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
