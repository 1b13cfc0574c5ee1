"""Incidents out: a GeoJSON FeatureCollection, a GeoDataFrame, CSV and GeoParquet.

The columns follow ``SCHEMA.md`` (ACLED names where ACLED has one). GeoJSON is
written by our own code rather than through GDAL so that ``sources`` stays a
list of objects and the same incidents always give the same bytes.
"""

from __future__ import annotations

import contextlib
import json
import logging
import math
import os
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from mapper.errors import ExportError

if TYPE_CHECKING:  # pragma: no cover
    import geopandas

__all__ = [
    "atomic_path",
    "COLUMNS",
    "FORMATS",
    "incident_properties",
    "to_feature_collection",
    "to_geodataframe",
    "write_incidents",
]

logger = logging.getLogger(__name__)

# SCHEMA.md section 2, in order; latitude/longitude are the representative point,
# as in ACLED exports.
COLUMNS = (
    "id",
    "event_date",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "location",
    "country",
    "latitude",
    "longitude",
    "geo_precision",
    "fatalities",
    "injuries",
    "claimed_by",
    "disputed",
    "disputed_by",
    "background",
    "notes",
    "sources",
)
FORMATS = ("geojson", "csv", "parquet")


def _get(obj: Any, key: str, default: Any = None) -> Any:
    if isinstance(obj, Mapping):
        return obj.get(key, default)
    return getattr(obj, key, default)


def _finite(x: Any) -> float | None:
    try:
        f = float(x)
    except (TypeError, ValueError):
        return None
    return f if math.isfinite(f) else None


def _source_dict(src: Any) -> dict[str, Any]:
    return {k: _get(src, k) for k in ("report", "quote", "start", "end")}


def incident_properties(incident: Any) -> dict[str, Any]:
    """Return the SCHEMA properties of one incident (an ``Incident`` or a mapping).

    Examples
    --------
    >>> src = {"report": "a.txt", "quote": "q", "start": 0, "end": 1}
    >>> p = incident_properties({"id": "x1", "lat": 39.8, "lon": 46.7, "sources": [src]})
    >>> p["latitude"], p["longitude"], p["disputed"], p["sources"][0]["report"]
    (39.8, 46.7, False, 'a.txt')
    """
    props: dict[str, Any] = {}
    for col in COLUMNS:
        if col == "latitude":
            props[col] = _finite(_get(incident, "lat", _get(incident, "latitude")))
        elif col == "longitude":
            props[col] = _finite(_get(incident, "lon", _get(incident, "longitude")))
        elif col == "sources":
            props[col] = [_source_dict(s) for s in (_get(incident, "sources") or ())]
        elif col in ("disputed", "background"):
            props[col] = bool(_get(incident, col, False))
        else:
            props[col] = _get(incident, col)
    return props


def _geometry(incident: Any, props: Mapping[str, Any]) -> dict[str, Any] | None:
    geom = _get(incident, "geometry")
    if isinstance(geom, Mapping) and geom.get("type"):
        return dict(geom)
    if props["latitude"] is None or props["longitude"] is None:
        return None  # a miss keeps its row, with no geometry
    # GeoJSON positions are (lon, lat).
    return {"type": "Point", "coordinates": [props["longitude"], props["latitude"]]}


def to_feature_collection(incidents: Iterable[Any], **metadata: Any) -> dict[str, Any]:
    """Return the incidents as a GeoJSON FeatureCollection dict.

    Parameters
    ----------
    incidents : iterable of Incident or mapping
        Consolidated incidents.
    **metadata
        Extra top-level members (e.g. ``reports=3``), kept as given.

    Examples
    --------
    >>> fc = to_feature_collection([{"id": "a", "lat": 40.18, "lon": 44.51}])
    >>> fc["features"][0]["geometry"]
    {'type': 'Point', 'coordinates': [44.51, 40.18]}
    """
    return {"type": "FeatureCollection", **metadata, "features": list(_features(incidents))}


def to_geodataframe(incidents: Iterable[Any]) -> geopandas.GeoDataFrame:
    """Return the incidents as a GeoDataFrame in EPSG:4326 with the SCHEMA columns.

    Examples
    --------
    >>> gdf = to_geodataframe([{"id": "a", "lat": 40.18, "lon": 44.51, "event_type": "Battles"}])
    >>> gdf.crs.to_epsg(), gdf.geometry.iloc[0].x, list(gdf.columns)[:3]
    (4326, 44.51, ['id', 'event_date', 'time_precision'])
    """
    import geopandas
    from shapely.geometry import shape

    incidents = list(incidents)
    rows = [incident_properties(i) for i in incidents]
    geoms = [_geometry(i, p) for i, p in zip(incidents, rows, strict=True)]
    return geopandas.GeoDataFrame(
        rows or None,
        columns=list(COLUMNS),
        geometry=[shape(g) if g else None for g in geoms],
        crs="EPSG:4326",
    )


@contextlib.contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """Yield a temporary path beside ``path``, moved onto ``path`` only if the block succeeds.

    An interrupted or failed write leaves the previous file as it was; the
    temporary file is in the same folder, so the final rename is atomic.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
    >>> with atomic_path(out) as tmp:
    ...     _ = tmp.write_text("new")
    >>> out.read_text()
    'new'
    >>> try:
    ...     with atomic_path(out) as tmp:
    ...         _ = tmp.write_text("half")
    ...         raise RuntimeError("interrupted")
    ... except RuntimeError:
    ...     pass
    >>> out.read_text(), sorted(p.name for p in out.parent.iterdir())
    ('new', ['a.txt'])
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        with tmp.open("rb") as f:
            os.fsync(f.fileno())  # the data is on disk before the name points at it
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; give the usual mode
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _features(incidents: Iterable[Any]) -> Iterator[dict[str, Any]]:
    for inc in incidents:
        props = incident_properties(inc)
        yield {
            "type": "Feature",
            "id": props["id"],
            "geometry": _geometry(inc, props),
            "properties": props,
        }


def _write_geojson(incidents: Iterable[Any], f: IO[str], metadata: Mapping[str, Any]) -> None:
    """Write the FeatureCollection feature by feature, in the bytes ``json.dumps`` would give.

    Same as ``json.dumps(fc, ensure_ascii=False, indent=1)`` plus a newline,
    without holding the whole document in memory.
    """
    head = json.dumps(
        {"type": "FeatureCollection", **metadata, "features": []}, ensure_ascii=False, indent=1
    )
    first = True
    for feature in _features(incidents):
        # A feature sits two levels deep; JSON strings hold no raw newline.
        text = json.dumps(feature, ensure_ascii=False, indent=1).replace("\n", "\n  ")
        f.write((head[: -len("[]\n}")] + "[\n  " if first else ",\n  ") + text)
        first = False
    f.write(head + "\n" if first else "\n ]\n}\n")


def _flat_row(feature: Mapping[str, Any]) -> dict[str, Any]:
    row = dict(feature["properties"])
    row["sources"] = json.dumps(row["sources"], ensure_ascii=False)
    return row


def write_incidents(
    incidents: Iterable[Any], path: str | Path, *, format: str = "geojson", **metadata: Any
) -> Path:
    """Write incidents to ``path`` as GeoJSON, CSV (ACLED-style lat/lon) or GeoParquet.

    Parameters
    ----------
    incidents : iterable of Incident or mapping
    path : str or Path
    format : {"geojson", "csv", "parquet"}
    **metadata
        Extra top-level GeoJSON members (ignored by the other formats).

    Returns
    -------
    Path

    Raises
    ------
    ExportError
        For an unknown format or when the file cannot be written.

    Examples
    --------
    >>> import tempfile, pathlib, json
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "inc.geojson"
    >>> _ = write_incidents([{"id": "a", "lat": 40.18, "lon": 44.51}], out)
    >>> json.loads(out.read_text())["features"][0]["properties"]["id"]
    'a'
    >>> write_incidents([], out, format="xls")
    Traceback (most recent call last):
    ...
    mapper.errors.ExportError: unknown format 'xls'; choose from geojson, csv, parquet
    """
    if format not in FORMATS:
        raise ExportError(f"unknown format {format!r}; choose from {', '.join(FORMATS)}")
    path = Path(path)
    incidents = incidents if isinstance(incidents, list) else list(incidents)
    try:
        with atomic_path(path) as tmp:
            if format == "geojson":
                with tmp.open("w", encoding="utf-8") as f:
                    _write_geojson(incidents, f, metadata)
            elif format == "csv":
                import csv

                with tmp.open("w", encoding="utf-8", newline="") as f:
                    writer = csv.DictWriter(f, fieldnames=list(COLUMNS))
                    writer.writeheader()
                    for feature in _features(incidents):
                        writer.writerow(_flat_row(feature))
            else:
                gdf = to_geodataframe(incidents)
                # Parquet wants one type per column: sources as a JSON string, as in the CSV.
                gdf["sources"] = [json.dumps(s, ensure_ascii=False) for s in gdf["sources"]]
                gdf.to_parquet(tmp)
    except OSError as err:
        raise ExportError(f"cannot write {str(path)!r}: {err.strerror or err}") from err
    logger.info("wrote %d incidents to %s", len(incidents), path)
    return path
