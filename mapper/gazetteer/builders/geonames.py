"""Builder of GeoNames dumps: a country file (``UA.zip``), ``allCountries.zip``, ``cities1000``."""

from __future__ import annotations

import io
import logging
import zipfile
from collections.abc import Iterator
from pathlib import Path

from mapper.errors import GazetteerError
from mapper.gazetteer.builders.model import _P, _Model
from mapper.gazetteer.builders.packaged import _add_alt

logger = logging.getLogger(__name__)

_GN_KIND = {
    "A": "admin",
    "P": "settlement",
    "L": "region",
    "H": "feature",
    "T": "feature",
    "S": "feature",
    "R": "feature",
    "V": "feature",
    "U": "feature",
}
_GN_KEEP = {
    "A": {
        *("PCLI", "PCLD", "PCLF", "PCLS", "PCLIX", "PCL", "TERR"),
        *("ADM1", "ADM2", "ADM3", "ADM4", "ADM5", "ADMD"),
    },
    "L": {"CONT", "RGN", "RGNE", "AREA", "PRK", "RESN", "RSV", "OILF", "LCTY"},
    "H": {"STM", "STMS", "LK", "LKS", "RSV", "SEA", "OCN", "GULF", "BAY", "STRT", "CHN", "CNL"},
    "T": {"MT", "MTS", "ISL", "ISLS", "PEN", "VAL", "DSRT", "PLN", "PLAT", "PASS", "HLL", "CAPE"},
    "S": {"AIRP", "CSTL", "DAM", "PRT", "MNMT", "STDM", "UNIV", "BDG", "HSP", "MUS"},
}


def _dump_lines(path: Path) -> Iterator[tuple[str, str]]:
    """Yield ``(member name, line)`` for a .txt file or every .txt member of a .zip."""
    if path.suffix.lower() == ".zip":
        with zipfile.ZipFile(path) as zf:
            for member in zf.namelist():
                if member.lower().endswith(".txt") and "readme" not in member.lower():
                    with zf.open(member) as fh:
                        for line in io.TextIOWrapper(fh, encoding="utf-8"):
                            yield Path(member).name, line
    else:
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                yield path.name, line


# In allCountries (12 million rows) keep what conflict news names: every populated place,
# every division and locality, and only the big natural features.
_GN_KEEP_WORLD = {
    "A": _GN_KEEP["A"],
    "L": {"CONT", "RGN", "RGNE", "LCTY"},
    "H": {"SEA", "OCN", "GULF", "BAY", "STRT", "CNL", "LK", "LKS"},
    "T": {"MTS", "ISLS", "PEN", "DSRT", "PLAT"},
}


def _load_geonames_dump(model: _Model, path: Path) -> int:
    """Import one GeoNames file; return how many rows it added or updated."""
    if not path.exists():
        raise GazetteerError(f"GeoNames file {path} does not exist")
    count = 0
    try:
        for member, line in _dump_lines(path):
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.rstrip("\n").split("\t")
            if member.lower().startswith("admin1codes") and len(cols) >= 4:
                model.admin1_names[cols[0]] = cols[1]
                p = model.by_geonameid(int(cols[3])) if cols[3].isdigit() else None
                if p is not None:
                    p.add_name(cols[1], "main")
                    p.add_name(cols[2], "alt")
                count += 1
                continue
            if len(cols) < 15:
                continue
            world = member.lower().startswith("allcountries")
            if _import_geoname_row(model, cols, world=world):
                count += 1
    except (OSError, zipfile.BadZipFile, UnicodeDecodeError, ValueError) as err:
        raise GazetteerError(f"cannot import GeoNames file {path}: {err}") from err
    return count


def _import_geoname_row(model: _Model, cols: list[str], *, world: bool = False) -> bool:
    gid, name, ascii_name, alts, lat, lon, fclass, fcode, cc = cols[:9]
    admin1, population = cols[10], cols[14]
    if fclass not in _GN_KIND:
        return False
    keep = _GN_KEEP_WORLD if world else _GN_KEEP
    # every populated place, with or without people recorded: front-line villages are
    # what conflict reports name
    if fclass != "P" and fcode not in keep.get(fclass, ()):
        return False
    gid_i = int(gid)
    point = (float(lat), float(lon))
    pop = int(population or 0)
    # a locality ("Alamkhel area") is where people live, as a village is
    kind = "settlement" if fcode == "LCTY" else _GN_KIND[fclass]
    level = ""
    if fclass == "A":
        if fcode.startswith("PCL") or fcode == "TERR":
            kind, level = "country", ""
        elif fcode == "ADM1":
            level = "admin1"
        else:
            level = "admin2"
    elif kind == "region":
        level = "region"
    existing = model.by_geonameid(gid_i)
    if existing is None and kind == "country" and f"cc:{cc}" in model.places:
        existing = model.places[f"cc:{cc}"]
    if existing is not None:
        # GeoNames' own point wins over packaged representative points
        if existing.source != "theatre":
            existing.lat, existing.lon = point
        existing.population = max(existing.population, pop)
        if existing.fcode in (None, "PPL") or fclass != "P":
            existing.fcode = fcode
        p = existing
    else:
        p = model.add(
            _P(
                key=f"gn:{gid_i}",
                name=name,
                lat=point[0],
                lon=point[1],
                kind=kind,
                cc=cc or None,
                admin1_code=f"{cc}.{admin1}" if cc and admin1 else None,
                population=pop,
                geonameid=gid_i,
                fcode=fcode,
                source="user",
                level=level,
            )
        )
    p.add_name(name, "main")
    p.add_name(ascii_name, "main")
    for alt in alts.split(",") if alts else ():
        _add_alt(p, alt)
    return True
