"""TopoJSON in, plain shapely geometries out, cut at the antimeridian.

Natural Earth topologies as ``world-atlas`` publishes them are stitched across
the 180th meridian: a ring around Fiji or Chukotka jumps from 179.9 to -179.9
degrees. Drawn on a flat map such a ring runs around the whole world and, with
the even-odd fill rule, punches a sea-coloured band through every continent at
its latitude. :func:`decode_topology` therefore makes every ring and line
continuous in longitude, closes rings that go round a pole along that pole,
and cuts the result back into the -180..180 strip.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import Any

__all__ = ["decode_arcs", "decode_topology", "polygon_parts", "split_line", "unwrap"]

Bounds = tuple[float, float, float, float]  # (west, south, east, north) in degrees


def decode_arcs(topology: dict[str, Any]) -> tuple[list[Any], Any]:
    """Return every arc as an (n, 2) array of absolute (lon, lat), and each arc's bounds.

    Examples
    --------
    >>> arcs, bounds = decode_arcs({"arcs": [[[0, 0], [2, 1]]],
    ...                             "transform": {"scale": [0.5, 1], "translate": [10, 20]}})
    >>> arcs[0].tolist(), bounds.tolist()
    ([[10.0, 20.0], [11.0, 21.0]], [[10.0, 20.0, 11.0, 21.0]])
    """
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
        starts = ends - lengths
        later = starts > 0
        before[later] = sums[starts[later] - 1]
        flat = (sums - np.repeat(before, lengths, axis=0)) * transform["scale"] + \
            transform["translate"]
    pieces = np.split(flat, ends[:-1]) if len(arcs) else []
    bounds = np.array([[a[:, 0].min(), a[:, 1].min(), a[:, 0].max(), a[:, 1].max()]
                       if len(a) else [np.inf, np.inf, -np.inf, -np.inf] for a in pieces])
    return pieces, bounds.reshape(-1, 4)


def unwrap(points: Any) -> Any:
    """Return ``points`` with longitudes made continuous (no step over 180 degrees).

    Examples
    --------
    >>> import numpy as np
    >>> unwrap(np.array([[179.0, -17.0], [-179.0, -17.5], [-178.0, -16.0]])).tolist()
    [[179.0, -17.0], [181.0, -17.5], [182.0, -16.0]]
    """
    import numpy as np

    pts = np.array(points, dtype=np.float64).reshape(-1, 2)
    pts = pts[np.isfinite(pts).all(axis=1)]  # a broken position is dropped, not drawn
    if len(pts) < 2:
        return pts
    steps = np.diff(pts[:, 0])
    shift = np.concatenate([[0.0], np.cumsum(-360.0 * np.round(steps / 360.0))])
    pts[:, 0] += shift
    return pts


def _strip_pieces(geom: Any) -> list[Any]:
    """Cut a geometry in unwrapped longitudes into pieces inside -180..180, shifted back."""
    import shapely
    from shapely import affinity

    west, _, east, _ = geom.bounds
    pieces = []
    first = int((west + 180.0) // 360.0)
    last = int((east + 180.0) // 360.0)
    for k in range(first, last + 1):
        lo = -180.0 + 360.0 * k
        part = shapely.clip_by_rect(geom, lo, -90.0, lo + 360.0, 90.0)
        if not part.is_empty:
            pieces.append(affinity.translate(part, xoff=-360.0 * k) if k else part)
    return pieces


def _close_round_pole(ring: Any) -> Any:
    """Close a ring; one that goes once round a pole is closed along that pole (Antarctica)."""
    import numpy as np

    if len(ring) == 0:
        return ring
    lon_gap = ring[-1, 0] - ring[0, 0]
    if abs(lon_gap) >= 180.0:
        pole = -90.0 if ring[:, 1].mean() < 0 else 90.0
        return np.vstack([ring, [[ring[-1, 0], pole], [ring[0, 0], pole], ring[0]]])
    if (ring[-1] != ring[0]).any():
        return np.vstack([ring, ring[:1]])
    return ring


def polygon_parts(rings: Sequence[Any]) -> list[Any]:
    """Return the shapely polygons of one ring list (outer ring first), cut at the antimeridian.

    Examples
    --------
    >>> fiji = [[[179.0, -16.0], [-179.0, -16.0], [-179.0, -18.0], [179.0, -18.0], [179.0, -16.0]]]
    >>> sorted(round(p.bounds[0]) for p in polygon_parts(fiji))
    [-180, 179]
    >>> [round(p.area) for p in polygon_parts([[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]])]
    [1]
    """
    import numpy as np
    import shapely
    from shapely.geometry import Polygon

    outer = _close_round_pole(unwrap(rings[0]))
    if len(outer) < 4:
        return []
    mid = (outer[:, 0].min() + outer[:, 0].max()) / 2.0
    holes = []
    for hole in rings[1:]:
        hole = _close_round_pole(unwrap(hole))
        if len(hole) >= 4:
            hole[:, 0] += 360.0 * np.round((mid - hole[:, 0].mean()) / 360.0)
            holes.append(hole)
    poly = Polygon(outer, holes)
    west, _, east, _ = poly.bounds
    if west >= -180.0 and east <= 180.0:
        return [poly]  # the usual case: nothing to cut (and no costly validity repair)
    if not poly.is_valid:
        poly = shapely.make_valid(poly)
    out = []
    for piece in _strip_pieces(poly):
        out.extend(g for g in getattr(piece, "geoms", [piece]) if g.geom_type == "Polygon"
                   and not g.is_empty)
    return out


def split_line(points: Any) -> list[Any]:
    """Return a line as (n, 2) arrays inside -180..180: cut where it crosses the antimeridian.

    Examples
    --------
    >>> [p.tolist() for p in split_line([[178.0, 66.0], [-178.0, 66.0]])]
    [[[178.0, 66.0], [180.0, 66.0]], [[-180.0, 66.0], [-178.0, 66.0]]]
    """
    import numpy as np
    from shapely.geometry import LineString

    pts = unwrap(points)
    if len(pts) < 2:
        return []
    if pts[:, 0].min() >= -180.0 and pts[:, 0].max() <= 180.0:
        return [pts]
    out = []
    for piece in _strip_pieces(LineString(pts)):
        for g in getattr(piece, "geoms", [piece]):
            if g.geom_type == "LineString" and not g.is_empty:
                out.append(np.asarray(g.coords))
    return out


def _ring(indices: Sequence[int], arcs: list[Any]) -> Any:
    import numpy as np

    parts = []
    for n, i in enumerate(indices):
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        parts.append(arc if n == 0 else arc[1:])
    return np.concatenate(parts) if parts else np.empty((0, 2))


def _hits(box: Any, area: Bounds | Sequence[Bounds] | None) -> bool:
    if area is None:
        return True
    if area and isinstance(area[0], (list, tuple)):
        return any(_hits(box, a) for a in area)
    return not (box[0] > area[2] or box[2] < area[0] or box[1] > area[3] or box[3] < area[1])


def _polygon_arcs(geom: dict[str, Any]) -> list[Any]:
    parts = geom.get("arcs") or []
    if geom.get("type") == "Polygon":
        return [parts]
    if geom.get("type") == "MultiPolygon":
        return parts
    return []


def decode_topology(topology: dict[str, Any], name: str,
                    area: Bounds | Sequence[Bounds] | None = None,
                    *, polygons: bool = True) -> dict[str, Any]:
    """Decode one object of a TopoJSON topology into polygons and its shared/unshared arcs.

    Polygons and lines are cut at the antimeridian (see the module docstring);
    ``LineString`` geometries (rivers) come back as ``lines``.

    Parameters
    ----------
    topology : dict
        A parsed TopoJSON ``Topology``.
    name : str
        The object to decode (``"countries"``).
    area : (west, south, east, north) or a list of them, optional
        Keep only polygons and arcs whose bounds touch this area (they are not clipped).
    polygons : bool, default True
        False skips building polygons (when only the arcs are wanted).

    Returns
    -------
    dict
        ``{"polygons": [shapely Polygon...], "borders": [array...], "coasts": [array...],
        "lines": [array...]}``: borders are arcs used by two polygons, coasts
        arcs used by one, lines the arcs of line geometries; each an (n, 2) array.

    Examples
    --------
    >>> topo = {"type": "Topology", "arcs": [[[1, 0], [1, 1]], [[1, 1], [0, 1], [0, 0], [1, 0]],
    ...                                      [[1, 0], [2, 0], [2, 1], [1, 1]]],
    ...         "objects": {"c": {"type": "GeometryCollection", "geometries": [
    ...             {"type": "Polygon", "arcs": [[0, 1]]},
    ...             {"type": "Polygon", "arcs": [[2, ~0]]}]}}}
    >>> d = decode_topology(topo, "c")
    >>> [p.area for p in d["polygons"]], [b.tolist() for b in d["borders"]], len(d["coasts"])
    ([1.0, 1.0], [[[1.0, 0.0], [1.0, 1.0]]], 2)
    >>> len(decode_topology(topo, "c", area=(1.5, 0.2, 3.0, 0.8))["polygons"])
    1
    """
    arcs, bounds = decode_arcs(topology)
    users: dict[int, set[int]] = {}
    shapes: list[Any] = []
    line_arcs: set[int] = set()
    for g, geom in enumerate(topology["objects"][name].get("geometries", [])):
        if geom.get("type") in ("LineString", "MultiLineString"):
            parts = geom.get("arcs") or []
            flat = parts if geom["type"] == "LineString" else [i for p in parts for i in p]
            line_arcs.update(i if i >= 0 else ~i for i in flat)
            continue
        for poly in _polygon_arcs(geom):
            used = [i if i >= 0 else ~i for r in poly for i in r]
            for i in used:
                users.setdefault(i, set()).add(g)
            if not polygons or not used or not any(_hits(bounds[i], area) for i in used):
                continue
            rings = [r for r in (_ring(r, arcs) for r in poly) if len(r) >= 3]
            if rings:
                shapes.extend(polygon_parts(rings))

    def lines(ids: Any) -> list[Any]:
        return [part for i in sorted(ids) if _hits(bounds[i], area) for part in split_line(arcs[i])]

    return {"polygons": shapes,
            "borders": lines(i for i in users if len(users[i]) > 1),
            "coasts": lines(i for i in users if len(users[i]) == 1),
            "lines": lines(line_arcs)}
