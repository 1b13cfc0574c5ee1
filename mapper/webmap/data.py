"""Incidents in, one compact and deterministic payload out.

:func:`to_features` accepts every form the map takes (a GeoDataFrame, a GeoJSON
FeatureCollection, GeoJSON features, ``Incident`` records or plain mappings) and
returns plain GeoJSON features. :func:`encode` packs them into the columnar
payload that ``static/webmap/mapper.js`` decodes: one string table, one row per
incident, sorted by date then id, so the same incidents always give the same
bytes whatever order they came in.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from typing import Any

__all__ = [
    "PROPERTIES",
    "STRING_PROPERTIES",
    "encode",
    "representative_point",
    "to_features",
]

# SCHEMA.md section 2, in order (sources apart).
PROPERTIES = (
    "id", "event_date", "time_precision", "event_type", "sub_event_type",
    "actor1", "actor2", "location", "country", "geo_precision",
    "fatalities", "injuries", "claimed_by", "disputed", "disputed_by", "background", "notes",
)
STRING_PROPERTIES = frozenset({
    "id", "event_date", "event_type", "sub_event_type", "actor1", "actor2", "location",
    "country", "claimed_by", "disputed_by", "notes",
})
_INT_PROPERTIES = frozenset({"time_precision", "geo_precision", "fatalities", "injuries"})
_BOOL_PROPERTIES = frozenset({"disputed", "background"})
# Sources are packed apart; latitude/longitude (mapper.export's representative point) are
# kept only where they differ from the map's own point, which export writes back otherwise.
_DERIVED = frozenset({"latitude", "longitude", "sources"})
#: Per-report fields a source may carry (from mapper.reports.Report), shown in popups.
REPORT_FIELDS = ("title", "published", "url")
_DIGITS = 5  # ~1 m: more would only grow the file


_PLAIN = (str, int, bool)


def _clean(value: Any) -> Any:
    """Turn numpy/pandas scalars and NaN into plain JSON values."""
    kind = type(value)
    if value is None or kind in _PLAIN:
        return value
    if kind is float:
        return value if math.isfinite(value) else None
    if kind is list or kind is tuple:
        return [_clean(v) for v in value]
    if kind is dict:
        return {k if type(k) is str else str(k): _clean(v) for k, v in value.items()}
    return _clean_other(value)


def _clean_other(value: Any) -> Any:
    import pandas

    if value is pandas.NaT or value is pandas.NA:
        return None
    if hasattr(value, "item") and not isinstance(value, (list, dict, str)):
        try:
            value = value.item()  # numpy scalar -> Python
        except (TypeError, ValueError):
            pass
        else:
            return _clean(value) if type(value) is not type(None) else None
    if hasattr(value, "tolist"):  # numpy array
        return _clean(value.tolist())
    if isinstance(value, float):
        return float(value) if math.isfinite(value) else None
    if isinstance(value, (str, int)):
        return value
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10]
    if isinstance(value, (list, tuple)):
        return [_clean(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): _clean(v) for k, v in value.items()}
    return str(value)


def _scalar(value: Any) -> Any:
    kind = type(value)
    if value is None or kind is str or kind is int or kind is bool:
        return value
    return _clean(value)


def _gdf_features(gdf: Any) -> list[dict[str, Any]]:
    import shapely

    if gdf.crs is not None and gdf.crs.to_epsg() != 4326:
        gdf = gdf.to_crs(4326)
    geoms = gdf.geometry.values
    columns = [c for c in gdf.columns if c != gdf.geometry.name]
    values = {c: gdf[c].tolist() for c in columns}
    features = []
    for i, geom in enumerate(geoms):
        geometry = None
        if geom is not None and not shapely.is_empty(geom):
            geometry = json.loads(shapely.to_geojson(geom))
        props = {c: values[c][i] for c in columns}
        features.append({"type": "Feature", "geometry": geometry, "properties": props})
    return features


def to_features(incidents: Any) -> list[dict[str, Any]]:
    """Return ``incidents`` as a list of GeoJSON Feature dicts.

    Parameters
    ----------
    incidents : GeoDataFrame, FeatureCollection dict, or iterable of Feature/Incident/mapping
        ``Incident`` records and plain mappings go through
        :func:`mapper.export.to_feature_collection`.

    Returns
    -------
    list of dict

    Raises
    ------
    TypeError
        When ``incidents`` is none of these.

    Examples
    --------
    >>> to_features({"type": "FeatureCollection", "features": []})
    []
    >>> f = to_features([{"id": "a", "lat": 40.18, "lon": 44.51, "event_type": "Battles"}])
    >>> f[0]["geometry"], f[0]["properties"]["event_type"]
    ({'type': 'Point', 'coordinates': [44.51, 40.18]}, 'Battles')
    >>> to_features(42)
    Traceback (most recent call last):
    ...
    TypeError: incidents must be a GeoDataFrame, a GeoJSON FeatureCollection or ..., not int
    """
    if hasattr(incidents, "geometry") and hasattr(incidents, "columns"):
        return _gdf_features(incidents)
    if isinstance(incidents, Mapping):
        if incidents.get("type") == "FeatureCollection":
            return list(incidents.get("features") or [])
        if incidents.get("type") == "Feature":
            return [dict(incidents)]
    if isinstance(incidents, (str, bytes)) or not isinstance(incidents, Iterable):
        raise TypeError(
            "incidents must be a GeoDataFrame, a GeoJSON FeatureCollection or an iterable "
            f"of incidents, not {type(incidents).__name__}"
        )
    items = list(incidents)
    if all(isinstance(i, Mapping) and i.get("type") == "Feature" for i in items):
        return [dict(i) for i in items]
    from mapper.export import to_feature_collection

    return list(to_feature_collection(items)["features"])


def representative_point(geometry: Mapping[str, Any] | None) -> tuple[float, float] | None:
    """Return ``(lat, lon)`` of a point on ``geometry``.

    The point itself, a line's midpoint or a point inside a polygon.

    Examples
    --------
    >>> representative_point({"type": "Point", "coordinates": [46.75, 39.82]})
    (39.82, 46.75)
    >>> representative_point({"type": "LineString", "coordinates": [[46.0, 40.0], [47.0, 40.0]]})
    (40.0, 46.5)
    >>> representative_point(None) is None
    True
    """
    if not geometry or not geometry.get("type"):
        return None
    if geometry["type"] == "Point":
        lon, lat = geometry["coordinates"][:2]
        return (float(lat), float(lon))
    from shapely.geometry import shape

    geom = shape(geometry)
    if geom.is_empty:
        return None
    if geom.geom_type in ("LineString", "MultiLineString"):
        point = geom.interpolate(0.5, normalized=True)
    else:
        point = geom.point_on_surface()
    # shapely points are (x=lon, y=lat).
    return (point.y, point.x)


def _round_coords(coords: Any) -> Any:
    if isinstance(coords, (list, tuple)):
        if coords and isinstance(coords[0], (int, float)):
            return [round(float(c), _DIGITS) for c in coords[:2]]
        return [_round_coords(c) for c in coords]
    return coords


def _truthy(value: Any) -> bool:
    """Read a flag the way CSV files write it: "false", "0", "no" and "" are false."""
    if isinstance(value, str):
        return value.strip().lower() in ("true", "t", "yes", "y", "1")
    return bool(value)


def _round_geometry(geometry: Mapping[str, Any]) -> dict[str, Any]:
    if geometry.get("type") == "GeometryCollection":
        return {"type": "GeometryCollection",
                "geometries": [_round_geometry(g) for g in geometry.get("geometries") or []]}
    return {"type": geometry["type"], "coordinates": _round_coords(geometry.get("coordinates"))}


def _sources(value: Any) -> list[dict[str, Any]]:
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            value = [{"report": None, "quote": value, "start": None, "end": None}]
    value = _clean(value) or []
    if isinstance(value, Mapping):
        value = [value]
    out = []
    for src in value if isinstance(value, list) else []:
        if isinstance(src, Mapping):
            out.append({k: src.get(k) for k in ("report", "quote", "start", "end", *REPORT_FIELDS)})
    return out


def _columns(features: list[Mapping[str, Any]]) -> list[str]:
    """Property names in the order the input gives them (first seen first), plus lat/lon.

    ``latitude``/``longitude`` (what ``mapper extract`` writes) are added after
    ``country`` when the input lacks them, so an export always has a point.
    """
    seen: dict[str, None] = {}
    for feat in features:
        for key in feat.get("properties") or {}:
            seen.setdefault(str(key), None)
    cols = list(seen)
    for name in ("latitude", "longitude"):
        if name not in seen:
            at = cols.index("longitude") if name == "latitude" and "longitude" in cols else None
            if at is None and "country" in cols:
                at = cols.index("country") + 1 + (name == "longitude")
            cols.insert(len(cols) if at is None else min(at, len(cols)), name)
    return cols


def _point_props(props: Mapping[str, Any], lat: float, lon: float) -> dict[str, Any]:
    """Return the input's latitude/longitude where they differ from the map's point."""
    out = {}
    for name, mine in (("latitude", lat), ("longitude", lon)):
        value = _scalar(props.get(name))
        if value is None:
            continue
        try:
            same = round(float(value), _DIGITS) == round(mine, _DIGITS)
        except (TypeError, ValueError):
            same = False
        if not same:
            out[name] = _clean(value)
    return out


def encode(features: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """Pack features into the payload ``mapper.js`` decodes.

    Rows are sorted by ``event_date`` (undated last) then ``id``. Every string
    goes once into ``strings``; a row holds its index. Each row is the
    :data:`PROPERTIES` in order, then ``lat``, ``lon`` (the representative
    point), the sources flattened as ``[report, quote, start, end, ...]``, the
    geometry when it is not a point, and any extra properties. Features without
    a usable geometry are left out and counted in ``unmapped``.

    ``export_columns`` lists the input's property names in their own order
    (so a saved file has every column ``mapper extract`` wrote), and
    ``reports`` the :data:`REPORT_FIELDS` of each cited report as
    ``[report, title, published, url]`` string indexes.

    Parameters
    ----------
    features : iterable of GeoJSON Feature dicts

    Returns
    -------
    dict
        ``{"columns", "strings", "rows", "unmapped", "export_columns", "reports"}``.

    Examples
    --------
    >>> p = encode([{"geometry": {"type": "Point", "coordinates": [46.75, 39.82]},
    ...              "properties": {"id": "b", "event_type": "Battles", "notes": "Battles",
    ...                             "sources": [{"report": "r.txt", "quote": "q",
    ...                                          "start": 0, "end": 1}]}},
    ...             {"geometry": None, "properties": {"id": "c"}}])
    >>> p["strings"], p["unmapped"]
    (['b', 'Battles', 'r.txt', 'q'], 1)
    >>> p["rows"][0][:4], p["rows"][0][17:]
    ([0, None, None, 1], [39.82, 46.75, [2, 3, 0, 1], None, None])
    >>> p["export_columns"]
    ['id', 'event_type', 'notes', 'sources', 'latitude', 'longitude']
    """
    features = list(features)
    strings: dict[str, int] = {}

    def ref(value: Any) -> int | None:
        if value is None:
            return None
        value = str(value)
        idx = strings.get(value)
        if idx is None:
            idx = strings[value] = len(strings)
        return idx

    prepared = []
    unmapped = 0
    for feat in features:
        props = feat.get("properties") or {}
        geometry = feat.get("geometry")
        point = representative_point(geometry)
        if point is None or not all(map(math.isfinite, point)):
            unmapped += 1
            continue
        date = _scalar(props.get("event_date"))
        key = (date is None, str(date or ""), str(_scalar(props.get("id")) or ""))
        prepared.append((key, props, geometry, point))
    prepared.sort(key=lambda item: item[0])

    reports: dict[int, list[Any]] = {}
    rows = []
    for _, props, geometry, (lat, lon) in prepared:
        row: list[Any] = []
        for name in PROPERTIES:
            value = _scalar(props.get(name))
            if name in STRING_PROPERTIES:
                row.append(ref(value))
            elif name in _BOOL_PROPERTIES:
                row.append(1 if _truthy(value) else 0)
            else:  # _INT_PROPERTIES
                try:
                    row.append(None if value is None else int(value))
                except (TypeError, ValueError):
                    row.append(None)
        row.append(round(lat, _DIGITS))
        row.append(round(lon, _DIGITS))
        flat: list[Any] = []
        for src in _sources(props.get("sources")):
            report = ref(src["report"])
            flat += [report, ref(src["quote"]), src["start"], src["end"]]
            meta = [src.get(k) for k in REPORT_FIELDS]
            if report is not None and any(m is not None for m in meta) and report not in reports:
                reports[report] = [report, *(ref(m) for m in meta)]
        row.append(flat)
        row.append(None if geometry["type"] == "Point" else _round_geometry(geometry))
        extra = {str(k): _clean(v) for k, v in props.items()
                 if k not in PROPERTIES and k not in _DERIVED}
        extra.update(_point_props(props, lat, lon))
        row.append(extra or None)
        rows.append(row)
    return {
        "columns": list(PROPERTIES),
        "strings": list(strings),
        "rows": rows,
        "unmapped": unmapped,
        "export_columns": _columns(features),
        "reports": [reports[k] for k in sorted(reports)],
    }
