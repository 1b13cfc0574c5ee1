"""The geopy face of mapper's gazetteer, plus an optional online fallback.

:class:`OfflineGeocoder` is a :class:`geopy.geocoders.base.Geocoder` that
answers from the offline index (:mod:`mapper.gazetteer`) and sends nothing
over the network, so it works anywhere a geopy geocoder does, including
:class:`geopy.extra.rate_limiter.RateLimiter` and
``geopandas.tools.geocode(names, provider=OfflineGeocoder)``.

With ``online=True`` (the CLI's ``--online``) names the index does not know
are asked of OpenStreetMap's Nominatim through :class:`OnlineFallback`: a real
user agent, at most one request per second through geopy's ``RateLimiter``,
and an on-disk cache so the same name is never asked twice. It is off by
default, and offline answers never wait on it.

Examples
--------
>>> from mapper.geocoder import OfflineGeocoder
>>> loc = OfflineGeocoder().geocode("Stepanakert")
>>> loc.address, round(loc.latitude, 2), round(loc.longitude, 2), loc.raw["kind"]
('Stepanakert, Xankəndi, Azerbaijan', 39.82, 46.75, 'settlement')
"""

from __future__ import annotations

import json
import logging
import sqlite3
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from geopy.adapters import BaseSyncAdapter
from geopy.exc import GeocoderServiceError
from geopy.geocoders.base import Geocoder
from geopy.location import Location
from geopy.point import Point

from mapper import _paths
from mapper.errors import GeocodeError
from mapper.gazetteer import Candidate, Gazetteer, Place, fold, load_gazetteer

__all__ = [
    "MAX_QUERY_CHARS",
    "USER_AGENT",
    "GeocodeTypeError",
    "OfflineGeocoder",
    "OnlineFallback",
    "check_query",
]

logger = logging.getLogger(__name__)

#: Longest query accepted; no place name comes close.
MAX_QUERY_CHARS = 1000

#: Sent to Nominatim, as its usage policy asks: who we are and where to read about us.
USER_AGENT = "mapper/0.1 (offline conflict-news geoparser; online fallback, 1 req/s, cached)"


class GeocodeTypeError(GeocodeError, TypeError):
    """A geocoding query is not a string."""


def check_query(query: Any) -> str:
    r"""Return ``query`` stripped, or raise an error naming what is wrong with it.

    Parameters
    ----------
    query : str
        A place name, optionally followed by ``", "``-separated qualifiers
        (``"Charleston, W.Va."``, ``"Martuni, Azerbaijan"``).

    Returns
    -------
    str

    Raises
    ------
    GeocodeTypeError
        If ``query`` is not a string (also a :class:`TypeError`).
    GeocodeError
        If it is empty, longer than :data:`MAX_QUERY_CHARS` or holds control
        characters (also a :class:`ValueError`).

    Examples
    --------
    >>> check_query("  Baku ")
    'Baku'
    >>> check_query("")
    Traceback (most recent call last):
    ...
    mapper.errors.GeocodeError: empty geocoding query; give a place name such as 'Baku'
    >>> check_query("Ba\x00ku")
    Traceback (most recent call last):
    ...
    mapper.errors.GeocodeError: geocoding query 'Ba\x00ku' holds control character U+0000 ...
    >>> check_query(42)
    Traceback (most recent call last):
    ...
    mapper.geocoder.GeocodeTypeError: a geocoding query must be a str, not int
    """
    if not isinstance(query, str):
        raise GeocodeTypeError(f"a geocoding query must be a str, not {type(query).__name__}")
    if len(query) > MAX_QUERY_CHARS:
        raise GeocodeError(
            f"geocoding query is {len(query):,} characters long; at most {MAX_QUERY_CHARS} "
            "are accepted (pass one place name, not a document)"
        )
    for pos, ch in enumerate(query):
        if ch < " " and ch not in "\t\n\r" or "\x7f" <= ch < "\xa0":
            raise GeocodeError(
                f"geocoding query {query[:40]!r} holds control character "
                f"U+{ord(ch):04X} at position {pos}"
            )
    stripped = " ".join(query.split())
    if not stripped:
        raise GeocodeError("empty geocoding query; give a place name such as 'Baku'")
    return stripped


class _OfflineAdapter(BaseSyncAdapter):
    """A geopy adapter that refuses to touch the network."""

    def get_json(self, url: str, *, timeout: float, headers: dict) -> Any:  # noqa: D102
        raise GeocoderServiceError(f"OfflineGeocoder sends no requests (asked for {url})")

    def get_text(self, url: str, *, timeout: float, headers: dict) -> str:  # noqa: D102
        raise GeocoderServiceError(f"OfflineGeocoder sends no requests (asked for {url})")


def _address(place: Place) -> str:
    parts = [place.name]
    for part in (place.admin1, place.country):
        if part and part not in parts:
            parts.append(part)
    return ", ".join(parts)


def _raw(place: Place, score: float, matched: str) -> dict[str, Any]:
    return {
        "key": place.key,
        "name": place.name,
        "geonameid": place.geonameid,
        "kind": place.kind,
        "feature_code": place.feature_code,
        "admin": place.admin1,
        "admin1_code": place.admin1_code,
        "country": place.country,
        "country_code": place.country_code,
        "population": place.population,
        "score": score,
        "matched": matched,
        "source": place.source,
    }


def _location(place: Place, score: float, matched: str) -> Location:
    return Location(_address(place), (place.lat, place.lon), _raw(place, score, matched))


class OfflineGeocoder(Geocoder):
    """Geocode place names from mapper's offline gazetteer, geopy-style.

    Parameters
    ----------
    gazetteer : Gazetteer, optional
        Default: :func:`mapper.gazetteer.load_gazetteer`.
    online : bool
        Ask Nominatim (through :class:`OnlineFallback`) for names the index
        does not know. Off by default.
    fallback : OnlineFallback, optional
        The online fallback to use when ``online`` is true (default: a new one).
    user_agent : str, optional
        Passed to geopy's base class (and to the fallback).
    **kwargs
        Other geopy ``Geocoder`` options (``timeout``, ``proxies``...), accepted
        for compatibility; offline lookups ignore them.

    Examples
    --------
    >>> geo = OfflineGeocoder()
    >>> [loc.raw["country_code"] for loc in geo.geocode("Martuni", exactly_one=False)][:2]
    ['AZ', 'AM']
    >>> geo.geocode("Martuni", country_codes=["AM"]).raw["country_code"]
    'AM'
    >>> geo.geocode("Charleston, W.Va.").raw["admin"]
    'West Virginia'
    >>> geo.geocode("Qwxzyville") is None
    True
    >>> geo.reverse("39.82, 46.75").raw["name"]
    'Stepanakert'
    """

    def __init__(
        self,
        *,
        gazetteer: Gazetteer | None = None,
        online: bool = False,
        fallback: OnlineFallback | None = None,
        user_agent: str | None = None,
        adapter_factory: Callable[..., Any] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(
            user_agent=user_agent or USER_AGENT,
            adapter_factory=adapter_factory or _OfflineAdapter,
            **kwargs,
        )
        self._gazetteer = gazetteer
        self.online = bool(online)
        self._fallback = fallback
        if self.online and self._fallback is None:
            self._fallback = OnlineFallback(user_agent=user_agent or USER_AGENT)

    @property
    def gazetteer(self) -> Gazetteer:
        """The gazetteer answering queries (loaded on first use)."""
        if self._gazetteer is None:
            self._gazetteer = load_gazetteer()
        return self._gazetteer

    def geocode(
        self,
        query: str,
        *,
        exactly_one: bool = True,
        limit: int | None = None,
        country_codes: Iterable[str] | str | None = None,
        kinds: Iterable[str] | str | None = None,
        timeout: Any = None,
        **_ignored: Any,
    ) -> Location | list[Location] | None:
        """Return the best place for ``query`` (or all of them), or None.

        Parameters
        ----------
        query : str
            A name, optionally qualified after commas by an admin-1 division or
            a country: ``"Charleston, W.Va."``, ``"Martuni, Armenia"``. A name no
            place has as written is looked up by its spelling variants
            (``"Evpatoria"`` finds Yevpatoriya; see :meth:`Gazetteer.candidates`).
        exactly_one : bool
            Return one :class:`geopy.location.Location` (default) or a list.
        limit : int, optional
            With ``exactly_one=False``, at most this many.
        country_codes : iterable of str, optional
            ISO alpha-2 codes to restrict to (as geopy's Nominatim).
        kinds : iterable of str, optional
            Place kinds to restrict to (``settlement``, ``admin``, ``country``...).
        timeout : ignored
            Accepted for geopy compatibility.

        Returns
        -------
        geopy.location.Location, list of Location, or None
            ``raw`` holds key, name, geonameid, kind, feature_code, admin,
            admin1_code, country, country_code, population, score, matched, source.

        Raises
        ------
        GeocodeError
            If ``query`` is empty, too long, holds control characters or is not
            a string (:class:`GeocodeTypeError`).
        """
        text = check_query(query)
        cands = self._resolve(text, country_codes, kinds)
        if not cands and self.online and self._fallback is not None:
            found = self._fallback.geocode(text, country_codes=country_codes)
            cands_loc = [found] if found is not None else []
            return (cands_loc[0] if cands_loc else None) if exactly_one else cands_loc
        if not cands:
            return None
        if exactly_one:
            c = cands[0]
            return _location(c.place, c.score, c.matched)
        if limit is not None:
            cands = cands[:limit]
        return [_location(c.place, c.score, c.matched) for c in cands]

    def _resolve(
        self,
        text: str,
        country_codes: Iterable[str] | str | None,
        kinds: Iterable[str] | str | None,
    ) -> list[Candidate]:
        # a query names a place, so another romanisation ("Evpatoria") is worth
        # a guess, but only once the exact spelling has failed in every reading
        for variants in (False, True):
            cands = self._resolve_spelling(text, country_codes, kinds, variants=variants)
            if cands:
                break
        return cands

    def _resolve_spelling(
        self,
        text: str,
        country_codes: Iterable[str] | str | None,
        kinds: Iterable[str] | str | None,
        *,
        variants: bool,
    ) -> list[Candidate]:
        gaz = self.gazetteer
        cands = gaz.candidates(text, country_codes=country_codes, kinds=kinds, variants=variants)
        if cands or "," not in text:
            return cands
        # "Name, Qualifier[, Qualifier]": the qualifiers narrow the name's candidates
        head, *quals = [part.strip() for part in text.split(",")]
        cands = gaz.candidates(head, country_codes=country_codes, kinds=kinds, variants=variants)
        for qual in quals:
            if not qual or not cands:
                continue
            within = [
                q.place
                for q in gaz.candidates(qual, variants=False)
                if q.place.kind in ("country", "admin")
            ]
            if not within:
                continue
            narrowed = [
                c
                for c in cands
                if any(
                    (w.kind == "country" and c.place.country_code == w.country_code)
                    or (w.kind == "admin" and c.place.admin1_code == w.admin1_code)
                    for w in within
                )
            ]
            if narrowed:
                cands = narrowed
        return cands

    def reverse(
        self,
        query: Any,
        *,
        exactly_one: bool = True,
        kinds: Iterable[str] | str | None = None,
        limit: int = 5,
        timeout: Any = None,
        **_ignored: Any,
    ) -> Location | list[Location] | None:
        """Return the place nearest to a point (``"lat, lon"``, a tuple or a geopy Point).

        ``kinds`` defaults to settlements, as GeoNames' nearby-place search does.

        Raises
        ------
        GeocodeError
            If ``query`` is not a point.
        """
        try:
            point = Point(query)
        except (TypeError, ValueError) as err:
            raise GeocodeError(f"cannot read {query!r} as a point (lat, lon): {err}") from err
        if kinds is None:
            kinds = ("settlement",)
        found = self.gazetteer.nearest(point.latitude, point.longitude, kinds=kinds, limit=limit)
        if not found:
            return None
        locs = [_location(place, 0.0, place.name) for place, _km in found]
        for loc, (_place, km) in zip(locs, found, strict=True):
            loc.raw["distance_km"] = round(km, 3)
        return locs[0] if exactly_one else locs


class _CountingRateLimiter:
    """Factory for geopy's RateLimiter with an injectable clock and sleep."""

    @staticmethod
    def make(
        func: Callable[..., Any],
        *,
        min_delay_seconds: float,
        clock: Callable[[], float] | None,
        sleep: Callable[[float], None] | None,
    ) -> Callable[..., Any]:
        from geopy.extra.rate_limiter import RateLimiter

        class _Limiter(RateLimiter):
            def _clock(self) -> float:
                return clock() if clock is not None else super()._clock()

            def _sleep(self, seconds: float) -> None:
                if sleep is not None:
                    sleep(seconds)
                else:  # pragma: no cover - real waiting
                    super()._sleep(seconds)

        return _Limiter(func, min_delay_seconds=min_delay_seconds, max_retries=1)


class OnlineFallback:
    """Nominatim behind a 1 request/s RateLimiter and an on-disk cache.

    Parameters
    ----------
    user_agent : str
        Identifies mapper to Nominatim (required by its usage policy).
    cache_path : path, optional
        SQLite file of past answers (default: ``cache_dir()/nominatim-cache.sqlite``).
    geocoder : object, optional
        Anything with Nominatim's ``geocode(query, exactly_one=True, country_codes=...)``;
        default: ``geopy.geocoders.Nominatim(user_agent=user_agent)``. Tests pass a fake.
    min_delay_seconds : float
        At least this long between two requests (Nominatim asks for 1 s).
    clock, sleep : callable, optional
        Replace ``time.monotonic``/``time.sleep`` in the rate limiter (for tests).

    Examples
    --------
    >>> class Fake:
    ...     calls = 0
    ...     def geocode(self, query, **kw):
    ...         Fake.calls += 1
    ...         return Location("Somewhere", (1.0, 2.0), {"osm_id": 7})
    >>> import tempfile, pathlib
    >>> fb = OnlineFallback(cache_path=pathlib.Path(tempfile.mkdtemp()) / "c.sqlite",
    ...                     geocoder=Fake(), sleep=lambda s: None)
    >>> fb.geocode("Somewhere").latitude, fb.geocode("somewhere").latitude, Fake.calls
    (1.0, 1.0, 1)
    """

    def __init__(
        self,
        *,
        user_agent: str = USER_AGENT,
        cache_path: str | Path | None = None,
        geocoder: Any = None,
        min_delay_seconds: float = 1.0,
        clock: Callable[[], float] | None = None,
        sleep: Callable[[float], None] | None = None,
    ) -> None:
        if not user_agent or user_agent.startswith("geopy/"):
            raise GeocodeError(
                "the online fallback needs a real user agent, e.g. "
                "OnlineFallback(user_agent='my-app/1.0 (me@example.org)')"
            )
        self.user_agent = user_agent
        self.cache_path = (
            Path(cache_path) if cache_path else _paths.cache_dir() / "nominatim.sqlite"
        )
        self._geocoder = geocoder
        self._min_delay = float(min_delay_seconds)
        self._clock = clock
        self._sleep = sleep
        self._limited: Callable[..., Any] | None = None
        self._db: sqlite3.Connection | None = None

    def _cache(self) -> sqlite3.Connection:
        if self._db is None:
            self.cache_path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.cache_path)
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS answers (key TEXT PRIMARY KEY, answer TEXT, at REAL)"
            )
        return self._db

    def _call(self) -> Callable[..., Any]:
        if self._limited is None:
            geocoder = self._geocoder
            if geocoder is None:
                from geopy.geocoders import Nominatim

                geocoder = Nominatim(user_agent=self.user_agent)
            self._limited = _CountingRateLimiter.make(
                geocoder.geocode,
                min_delay_seconds=self._min_delay,
                clock=self._clock,
                sleep=self._sleep,
            )
        return self._limited

    def geocode(
        self, query: str, *, country_codes: Iterable[str] | str | None = None
    ) -> Location | None:
        """Return Nominatim's answer for ``query`` from the cache, or ask once and cache it."""
        text = check_query(query)
        ccs = [country_codes] if isinstance(country_codes, str) else list(country_codes or [])
        key = fold(text) + "|" + ",".join(sorted(c.lower() for c in ccs))
        db = self._cache()
        row = db.execute("SELECT answer FROM answers WHERE key = ?", (key,)).fetchone()
        if row is not None:
            data = json.loads(row[0])
        else:
            kwargs: dict[str, Any] = {"exactly_one": True}
            if ccs:
                kwargs["country_codes"] = ccs
            loc = self._call()(text, **kwargs)
            data = None if loc is None else [loc.address, loc.latitude, loc.longitude, loc.raw]
            db.execute(
                "INSERT OR REPLACE INTO answers VALUES (?, ?, ?)",
                (key, json.dumps(data, default=str), time.time()),
            )
            db.commit()
        if data is None:
            return None
        address, lat, lon, raw = data
        raw = dict(raw or {})
        raw.setdefault("source", "nominatim")
        return Location(address, (lat, lon), raw)
