"""Builders of our curated ``static/`` files: regions, aliases, demonyms, organisations, theatre."""

from __future__ import annotations

import csv
import json
import logging

from mapper import _paths
from mapper.gazetteer.builders.model import _P, _Model
from mapper.gazetteer.keys import fold

logger = logging.getLogger(__name__)


def _static_csv(name: str) -> list[dict[str, str]]:
    path = _paths.STATIC_DIR / name
    if not path.is_file():
        logger.warning("static gazetteer file %s is missing; skipping it", path)
        return []
    with path.open(encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if not line.startswith("#")]
    return list(csv.DictReader(lines))


def _load_regions(model: _Model) -> None:
    """Our curated regions, seas, rivers and point corrections (static/regions.csv)."""
    for row in _static_csv("regions.csv"):
        if row.get("point_only") == "1":
            continue
        p = model.add(
            _P(
                key=row["key"],
                name=row["name"],
                lat=float(row["lat"]),
                lon=float(row["lon"]),
                kind=row["kind"],
                cc=row.get("country_code") or None,
                fcode=row.get("feature_code") or None,
                source="mapper",
                level="region" if row["kind"] == "region" else "",
                population=int(row.get("population") or 0),
            )
        )
        p.add_name(row["name"], "main")
        for alt in (row.get("aliases") or "").split("|"):
            p.add_name(alt.strip(), "calt")


def _load_aliases(model: _Model) -> None:
    """Extra names of places already in the model (static/aliases.csv)."""
    for row in _static_csv("aliases.csv"):
        target = model.places.get(row["target"])
        if target is None and row["target"].startswith("gn:"):
            target = model.by_geonameid(int(row["target"][3:]))
        if target is None:
            logger.warning("alias %r points to unknown place %s", row["alias"], row["target"])
            continue
        match = row.get("match") or "alt"
        target.add_name(row["alias"], "calt" if match == "alt" else match)


def _load_organisations(model: _Model) -> None:
    """Armed groups and agencies whose names are no toponyms (static/organisations.csv)."""
    for row in _static_csv("organisations.csv"):
        for name in [row["name"], *(row.get("aliases") or "").split("|")]:
            if name.strip():
                model.organisations[fold(name)] = (row["name"], row.get("kind") or "")


def _load_demonyms(model: _Model) -> None:
    for row in _static_csv("demonyms.csv"):
        target = row["target"]
        model.demonyms[fold(row["word"])] = target if ":" in target else f"cc:{target}"


def _load_theatre(model: _Model) -> None:
    path = _paths.STATIC_DIR / "theatre.geojson"
    if not path.is_file():
        logger.warning("no theatre overlay at %s", path)
        return
    data = json.loads(path.read_text("utf-8"))
    for feat in data.get("features", []):
        props = feat.get("properties") or {}
        names = [props["name"], *props.get("aliases", [])]
        gid = props.get("geonameid")
        existing = model.by_geonameid(int(gid)) if gid else None
        if existing is not None:
            # a GeoNames place we know better: our names, name and population win
            existing.name = props["name"]
            if props.get("population"):
                existing.population = int(props["population"])
            if props.get("point"):
                existing.lat, existing.lon = map(float, props["point"])
            existing.curated = True
            for n in names:
                existing.add_name(n, "main")
            continue
        geom = feat.get("geometry")
        lat, lon = map(float, props["point"])
        p = model.add(
            _P(
                key=f"theatre:{props['id']}",
                name=props["name"],
                lat=lat,
                lon=lon,
                kind=props["kind"],
                cc=props.get("country_code"),
                admin1_code=props.get("admin1_code"),
                population=int(props.get("population") or 0),
                fcode=props.get("feature_code"),
                geonameid=int(gid) if gid else None,
                source="theatre",
                geometry=geom if geom and geom.get("type") != "Point" else None,
                level="region" if props["kind"] == "region" else "",
                curated=True,
            )
        )
        for n in names:
            p.add_name(n, "main")
        for n in props.get("weak_aliases", []):
            p.add_name(n, "weak")
