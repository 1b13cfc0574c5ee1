"""The offline basemap: Natural Earth country outlines and our theatre overlay.

The outlines come from the npm package ``world-atlas`` (Natural Earth, public
domain) as TopoJSON and are converted here, by our own code, into two plain
geometries: land (filled; its outline is the coast) and land borders (the arcs
two countries share, drawn dashed). The whole world comes from the 1:110m file;
the area around the incidents is drawn again from the 1:10m (or, for a wide
area, the 1:50m) file, clipped to that area, so a theatre zoomed to a town
still has good borders while the file stays small. Results are cached per area
in mapper's cache folder.
"""

from __future__ import annotations

import functools
import itertools
import json
import logging
import math
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from mapper._paths import STATIC_DIR, cache_dir
from mapper.webmap.assets import frontend_path

__all__ = [
    "Outlines",
    "decode_topology",
    "load_theatre",
    "outlines",
]

logger = logging.getLogger(__name__)

THEATRE_FILE = STATIC_DIR / "theatre.geojson"

_FORMAT = 2  # bump when the outlines change shape, to ignore old cache files
Point = tuple[float, float]  # (lon, lat)
Bounds = tuple[float, float, float, float]  # (west, south, east, north) in degrees
Outlines = dict[str, Any]


def _decode_arcs(topology: dict[str, Any]) -> tuple[list[Any], Any]:
    """Return every arc as an (n, 2) array of absolute (lon, lat), and each arc's bounds."""
    import numpy as np

    arcs = topology["arcs"]
    lengths = np.fromiter((len(a) for a in arcs), dtype=np.int64, count=len(arcs))
    points = list(itertools.chain.from_iterable(arcs))
    try:
        flat = np.array(points, dtype=np.float64).reshape(-1, 2)
    except ValueError:  # positions with more than two numbers
        flat = np.array([p[:2] for p in points], dtype=np.float64).reshape(-1, 2)
    ends = np.cumsum(lengths)
    transform = topology.get("transform")
    if transform:
        # delta-encoded: positions are running sums that restart with each arc
        sums = np.cumsum(flat, axis=0)
        before = np.zeros((len(arcs), 2))
        nonempty_after_first = (ends - lengths) > 0
        before[nonempty_after_first] = sums[(ends - lengths)[nonempty_after_first] - 1]
        flat = (sums - np.repeat(before, lengths, axis=0)) * transform["scale"] + \
            transform["translate"]
    pieces = np.split(flat, ends[:-1]) if len(arcs) else []
    bounds = np.array([[a[:, 0].min(), a[:, 1].min(), a[:, 0].max(), a[:, 1].max()]
                       if len(a) else [np.inf, np.inf, -np.inf, -np.inf] for a in pieces])
    return pieces, bounds.reshape(-1, 4)


def _ring(indices: Sequence[int], arcs: list[Any]) -> Any:
    import numpy as np

    parts = []
    for n, i in enumerate(indices):
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        parts.append(arc if n == 0 else arc[1:])
    return np.concatenate(parts) if parts else np.empty((0, 2))


def _hits(box: Any, area: Bounds | None) -> bool:
    if area is None:
        return True
    return not (box[0] > area[2] or box[2] < area[0] or box[1] > area[3] or box[3] < area[1])


def decode_topology(topology: dict[str, Any], name: str,
                    area: Bounds | None = None) -> dict[str, Any]:
    """Decode one object of a TopoJSON topology into polygons and its shared/unshared arcs.

    Parameters
    ----------
    topology : dict
        A parsed TopoJSON ``Topology``.
    name : str
        The object to decode (``"countries"``).
    area : (west, south, east, north), optional
        Keep only polygons and arcs whose bounds touch this area (they are not clipped).

    Returns
    -------
    dict
        ``{"polygons": [shapely Polygon...], "borders": [arc...], "coasts": [arc...]}``
        where an arc is a list of ``[lon, lat]``; borders are arcs used by two
        geometries, coasts arcs used by one.

    Examples
    --------
    >>> topo = {"type": "Topology", "arcs": [[[1, 0], [1, 1]], [[1, 1], [0, 1], [0, 0], [1, 0]],
    ...                                      [[1, 0], [2, 0], [2, 1], [1, 1]]],
    ...         "objects": {"c": {"type": "GeometryCollection", "geometries": [
    ...             {"type": "Polygon", "arcs": [[0, 1]]},
    ...             {"type": "Polygon", "arcs": [[2, ~0]]}]}}}
    >>> d = decode_topology(topo, "c")
    >>> [p.area for p in d["polygons"]], d["borders"], len(d["coasts"])
    ([1.0, 1.0], [[[1.0, 0.0], [1.0, 1.0]]], 2)
    >>> len(decode_topology(topo, "c", area=(1.5, 0.2, 3.0, 0.8))["polygons"])
    1
    """
    from shapely.geometry import Polygon

    arcs, bounds = _decode_arcs(topology)
    users: dict[int, set[int]] = {}
    polygons = []
    for g, geom in enumerate(topology["objects"][name].get("geometries", [])):
        parts = geom.get("arcs") or []
        if geom.get("type") == "Polygon":
            parts = [parts]
        elif geom.get("type") != "MultiPolygon":
            continue
        for poly in parts:
            used = [i if i >= 0 else ~i for r in poly for i in r]
            for i in used:
                users.setdefault(i, set()).add(g)
            if not used or not any(_hits(bounds[i], area) for i in used):
                continue
            rings = [r for r in (_ring(r, arcs) for r in poly) if len(r) >= 4]
            if rings:
                polygons.append(Polygon(rings[0], rings[1:]))
    kept = [i for i in sorted(users) if _hits(bounds[i], area)]
    return {"polygons": polygons,
            "borders": [arcs[i].tolist() for i in kept if len(users[i]) > 1],
            "coasts": [arcs[i].tolist() for i in kept if len(users[i]) == 1]}


@functools.lru_cache(maxsize=4)
def _load(resolution: str) -> dict[str, Any] | None:
    path = frontend_path("world-atlas", f"countries-{resolution}.json")
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        logger.warning("%s is missing (run npm ci --prefix frontend): no country outlines", path)
        return None


def _geometry(topology: dict[str, Any], clip: Bounds | None, digits: int) -> dict[str, Any]:
    import shapely
    from shapely.geometry import MultiLineString, mapping

    decoded = decode_topology(topology, "countries", clip)
    parts = (("land", shapely.MultiPolygon(decoded["polygons"])),
             ("borders", MultiLineString(decoded["borders"])))
    out = {}
    for key, geom in parts:
        if clip is not None:
            geom = shapely.clip_by_rect(geom, *clip)
        out[key] = None if geom.is_empty else _rounded(mapping(geom), digits)
    return out


def _rounded(geojson: Any, digits: int) -> Any:
    if isinstance(geojson, dict):
        return {k: _rounded(v, digits) for k, v in geojson.items()}
    if isinstance(geojson, (list, tuple)):
        if geojson and isinstance(geojson[0], float):
            return [round(c, digits) for c in geojson]
        return [_rounded(v, digits) for v in geojson]
    return geojson


def _detail_bounds(bounds: Bounds | None) -> tuple[Bounds, str] | None:
    if bounds is None:
        return None
    west, south, east, north = bounds
    span = max(east - west, north - south)
    pad = max(2.0, span * 0.5)
    # Whole degrees, rounded outwards: nearby data gives the same area (and cache entry).
    area = (float(max(-180, math.floor(west - pad))), float(max(-85, math.floor(south - pad))),
            float(min(180, math.ceil(east + pad))), float(min(85, math.ceil(north + pad))))
    if span <= 12:
        return area, "10m"
    if span <= 60:
        return area, "50m"
    return None


@functools.lru_cache(maxsize=8)
def outlines(bounds: Bounds | None = None) -> Outlines | None:
    """Return the basemap geometries for a map showing ``bounds``.

    Parameters
    ----------
    bounds : (west, south, east, north), optional
        The area of interest; it gets a detailed layer.

    Returns
    -------
    dict or None
        ``{"world": {"land", "borders"}, "detail": {...} or None,
        "detail_bounds": [west, south, east, north] or None}`` as GeoJSON
        geometries, or None when ``world-atlas`` is not installed. The
        result is kept in mapper's cache folder, per area.

    Examples
    --------
    >>> o = outlines((45.0, 39.0, 47.5, 41.0))
    >>> o["world"]["land"]["type"], o["detail"]["borders"]["type"]
    ('MultiPolygon', 'MultiLineString')
    """
    atlas = frontend_path("world-atlas", "package.json")
    try:
        version = json.loads(atlas.read_text(encoding="utf-8"))["version"]
    except (OSError, ValueError, KeyError):
        logger.warning("%s is missing (run npm ci --prefix frontend): no country outlines", atlas)
        return None
    detail = _detail_bounds(bounds)
    tag = "world" if detail is None else "{}-{:g}_{:g}_{:g}_{:g}".format(detail[1], *detail[0])
    cache = cache_dir() / "webmap" / f"outlines-v{_FORMAT}-atlas{version}-{tag}.json"
    try:
        return json.loads(cache.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    out = _compute_outlines(detail)
    if out is not None:
        _write_cache(cache, out)
    return out


def _write_cache(path: Path, data: Any) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
        os.replace(tmp, path)
    except OSError as err:  # a read-only cache only costs time
        logger.info("cannot cache basemap outlines in %s: %s", path, err)


def _compute_outlines(detail: tuple[Bounds, str] | None) -> Outlines | None:
    world = _load("110m")
    if world is None:
        return None
    out: Outlines = {"world": None, "detail": None, "detail_bounds": None}
    if detail is not None:
        area, resolution = detail
        decoded = _load(resolution)
        if decoded is not None:
            out["detail"] = _geometry(decoded, area, 3)  # ~100 m, finer than 1:10m data
            out["detail_bounds"] = list(area)
    out["world"] = _geometry(world, None, 1)  # ~10 km: the world layer is for small scales
    return out


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
