"""The SQLite store: :class:`Gazetteer`, a read-only view of a built index, and its records."""

from __future__ import annotations

import difflib
import functools
import json
import math
import os
import sqlite3
import threading
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from mapper.errors import GazetteerError
from mapper.gazetteer.keys import cell, fold, usable_variant, variant_key

__all__ = [
    "KINDS",
    "MAX_NAME_CHARS",
    "Candidate",
    "Gazetteer",
    "Place",
    "destination",
    "haversine_km",
]

#: Place kinds, from SCHEMA.md. Continents and big regions are ``region``.
KINDS = frozenset({"settlement", "admin", "region", "country", "line", "feature", "other"})

#: Longest name (in characters) that can be a key; longer input is no name.
MAX_NAME_CHARS = 200

#: A variant match must keep this much of the spelling (difflib ratio of the folded keys).
MIN_VARIANT_SIMILARITY = 0.7
#: Prior factor of a variant match, times its similarity: a guess ranks below any exact name.
VARIANT_FACTOR = 0.75


@dataclass(frozen=True, slots=True)
class Place:
    """One place of the gazetteer.

    Attributes
    ----------
    key : str
        Stable id: ``"gn:146970"``, ``"cc:US"``, ``"theatre:contact-line"``,
        ``"region:middle-east"``.
    name : str
        Canonical name.
    lat, lon : float
        Representative point (GeoNames' own feature point where known).
    kind : str
        One of :data:`KINDS`.
    country_code, country : str or None
        ISO 3166-1 alpha-2 code and country name.
    admin1, admin1_code : str or None
        First-level division name and GeoNames code (``"US.WV"``).
    population : int
    geonameid : int or None
    feature_code : str or None
        GeoNames feature code (``PPLC``, ``ADM1``, ``PCLI``, ``CONT``, ``RGN``, ``STM``...).
    source : str
        ``geonames``, ``theatre``, ``mapper`` (our curated regions) or ``user`` (a dump).
    geometry : dict or None
        GeoJSON geometry for lines and regions that have one.

    Examples
    --------
    >>> Place("x:1", "X", 91.0, 0.0, "settlement", None, None, None, None)
    Traceback (most recent call last):
    ...
    ValueError: latitude 91.0 of 'X' is outside -90..90
    """

    key: str
    name: str
    lat: float
    lon: float
    kind: str
    country_code: str | None
    country: str | None
    admin1: str | None
    admin1_code: str | None
    population: int = 0
    geonameid: int | None = None
    feature_code: str | None = None
    source: str = "geonames"
    geometry: dict | None = None

    def __post_init__(self) -> None:
        """Reject impossible coordinates and unknown kinds."""
        if not -90.0 <= self.lat <= 90.0:
            raise ValueError(f"latitude {self.lat} of {self.name!r} is outside -90..90")
        if not -180.0 <= self.lon <= 180.0:
            raise ValueError(f"longitude {self.lon} of {self.name!r} is outside -180..180")
        if self.kind not in KINDS:
            raise ValueError(f"kind {self.kind!r} of {self.name!r} is not one of {sorted(KINDS)}")


@dataclass(frozen=True, slots=True)
class Candidate:
    """A place a name may denote, with its prior.

    Attributes
    ----------
    place : Place
    score : float
        Prior in 0..1 from population, kind and how the name matched
        (main name > alternate name > abbreviation).
    matched : str
        The stored name form that matched, in its own case (``"US"``,
        ``"W.Va."``): a matcher can require that the text has the same case
        for short abbreviations.
    """

    place: Place
    score: float
    matched: str


# Suffix of an adjective -> endings to try on its stem ("ohioan" -> "ohio", "texan" -> "texas").
_DEMONYM_RULES = (
    ("ian", ("ia", "", "io", "i", "y")),
    ("an", ("a", "", "as", "o")),
    ("i", ("", "istan")),
    ("ese", ("", "a")),
    ("er", ("",)),
)

_PLACE_COLS = (
    "key, name, lat, lon, kind, cc, country, admin1, admin1_code, population,"
    " geonameid, fcode, source, geometry"
)


class Gazetteer:
    """Read-only view of a built index.

    Use :func:`load_gazetteer` to get the shared instance. Every method is
    safe to call with any string; the index file is opened lazily and all
    answers are cached per instance.

    Parameters
    ----------
    path : str or pathlib.Path
        An index written by :func:`build_index`.
    cache_size : int
        Entries of the per-instance lookup cache.

    Raises
    ------
    GazetteerError
        If ``path`` is not a readable index.
    """

    def __init__(self, path: str | Path, *, cache_size: int = 65536) -> None:
        self.path = Path(path)
        if not self.path.is_file():
            raise GazetteerError(f"no gazetteer index at {self.path}; run `mapper gazetteer build`")
        try:
            self._db = self._connect()
            meta = dict(self._db.execute("SELECT k, v FROM meta"))
        except sqlite3.Error as err:
            raise GazetteerError(f"cannot read gazetteer index {self.path}: {err}") from err
        self.version: str = meta.get("version", "")
        #: Most tokens in any indexed name, counted as spaCy splits them (words, and
        #: each hyphen or slash a token: "Nagorno-Karabakh" is 3). At most 8.
        self.max_name_tokens: int = int(meta.get("max_name_tokens", "6"))
        self._lookup = functools.lru_cache(maxsize=cache_size)(self._lookup_uncached)
        self._place_by_id = functools.lru_cache(maxsize=cache_size)(self._load_place)
        self._key_scores: dict[str, float] | None = None
        self._organisations: dict[str, tuple[str, str]] | None = None
        tables = {t for (t,) in self._sql("SELECT name FROM sqlite_master")}
        self._has_variants = "variants" in tables  # indexes of older builds have none
        self._has_organisations = "organisations" in tables
        # one connection serves every thread; sqlite3 objects must not be used concurrently
        self._lock = threading.RLock()

    def __repr__(self) -> str:
        """Name the index file."""
        return f"Gazetteer({str(self.path)!r})"

    def _connect(self) -> sqlite3.Connection:
        self._pid = os.getpid()
        uri = self.path.resolve().as_uri() + "?mode=ro&immutable=1"
        return sqlite3.connect(uri, uri=True, check_same_thread=False)

    def _connection(self) -> sqlite3.Connection:
        """Return the index connection of this process (a forked worker opens its own)."""
        if os.getpid() != self._pid:
            self._db = self._connect()
        return self._db

    def _sql(self, sql: str, params: tuple | list = ()) -> sqlite3.Cursor:
        return self._connection().execute(sql, params)

    # -- lookups --------------------------------------------------------------

    def candidates(
        self,
        name: str,
        *,
        country_codes: Iterable[str] | str | None = None,
        kinds: Iterable[str] | str | None = None,
        limit: int | None = None,
        variants: bool = False,
    ) -> list[Candidate]:
        """Return every place ``name`` may denote, best prior first.

        With ``variants=True``, when no place has this exact (folded) name, the
        places whose name has the same :func:`variant_key` are returned instead
        ("Evpatoria" finds Yevpatoriya), with their prior scaled down by
        :data:`VARIANT_FACTOR` times the spelling similarity: a guess ranks
        below any exact name. Only places of countries whose names English
        romanises many ways are guessed (Africa, Asia, non-Latin scripts), and
        never for an organisation's name (``static/organisations.csv``). The
        guess is off by default: one capitalised word or phrase in twenty of
        news text that names no place ("Board", "Senior") has a variant
        somewhere, so use it for text known to name a place (a query, a
        dateline, "the town of X").

        Parameters
        ----------
        name : str
            A name as written; it is folded with :func:`fold`.
        country_codes : iterable of str, optional
            Keep only places in these ISO alpha-2 countries.
        kinds : iterable of str, optional
            Keep only these kinds (see :data:`KINDS`).
        limit : int, optional
            Return at most this many.
        variants : bool
            Fall back on spelling variants when the exact name is unknown.

        Returns
        -------
        list of Candidate
            Empty when the name is unknown (or empty, or too long to be a name).

        Raises
        ------
        TypeError
            If ``name`` is not a string.

        Examples
        --------
        >>> from mapper.gazetteer import load_gazetteer
        >>> gaz = load_gazetteer()
        >>> sorted({c.place.country_code for c in gaz.candidates("Martuni")})
        ['AM', 'AZ']
        >>> gaz.candidates("Georgia", kinds=["admin"])[0].place.admin1_code
        'US.GA'
        >>> gaz.candidates("Nowhere-at-all-xyz")
        []
        >>> gaz.candidates("Evpatoria")
        []
        >>> best = gaz.candidates("Evpatoria", variants=True)[0]
        >>> best.place.name, best.matched, best.score < gaz.candidates("Yevpatoriya")[0].score
        ('Yevpatoriya', 'Yevpatoriya', True)
        """
        if not isinstance(name, str):
            raise TypeError(f"a place name must be a str, not {type(name).__name__}")
        if len(name) > MAX_NAME_CHARS:
            return []
        ccs = _normalise_filter(country_codes, upper=True)
        kset = _normalise_filter(kinds, upper=False)
        return list(self._lookup(fold(name), ccs, kset, limit, variants))

    def get(self, key: str) -> Place | None:
        """Return the place with this stable key (``"gn:146970"``, ``"cc:AZ"``), or None.

        Examples
        --------
        >>> from mapper.gazetteer import load_gazetteer
        >>> load_gazetteer().get("cc:AZ").name
        'Azerbaijan'
        """
        return self._get(key)

    @functools.lru_cache(maxsize=65536)  # noqa: B019 - one instance per index, kept for the process
    def _get(self, key: str) -> Place | None:
        with self._lock:
            row = self._sql("SELECT id FROM places WHERE key = ?", (key,)).fetchone()
        return self._place_by_id(row[0]) if row else None

    def country(self, code: str) -> Place | None:
        """Return the country with ISO 3166-1 alpha-2 (or alpha-3) ``code``, or None.

        Examples
        --------
        >>> from mapper.gazetteer import load_gazetteer
        >>> p = load_gazetteer().country("us")
        >>> p.name, p.kind
        ('United States', 'country')
        """
        if not isinstance(code, str) or not code:
            return None
        code = code.strip().upper()
        if len(code) == 3:
            with self._lock:
                row = self._sql("SELECT v FROM meta WHERE k = ?", ("iso3:" + code,)).fetchone()
            if row is None:
                return None
            code = row[0]
        return self.get("cc:" + code)

    def capital(self, country_code: str) -> Place | None:
        """Return the national capital of the country with ISO alpha-2 ``country_code``, or None.

        The GeoNames seat of government (``PPLC``); the most populous when a
        country has several.

        Examples
        --------
        >>> from mapper.gazetteer import load_gazetteer
        >>> gaz = load_gazetteer()
        >>> gaz.capital("AZ").name, gaz.capital("bf").name, gaz.capital("XX")
        ('Baku', 'Ouagadougou', None)
        """
        if not isinstance(country_code, str) or len(country_code) != 2:
            return None
        return self._capital(country_code.upper())

    @functools.lru_cache(maxsize=256)  # noqa: B019 - one instance per index, kept for the process
    def _capital(self, cc: str) -> Place | None:
        sql = (
            "SELECT id FROM places WHERE cc = ? AND fcode = 'PPLC' AND kind = 'settlement'"
            " ORDER BY population DESC LIMIT 1"
        )
        with self._lock:
            row = self._sql(sql, (cc,)).fetchone()
        return self._place_by_id(row[0]) if row else None

    def demonym(self, word: str, *, derived: bool = True) -> Place | None:
        """Return the country a demonym or adjective refers to, or None.

        A few adjectives of continents and regions ("European", "Kurdish",
        "Abkhaz") return that region's :class:`Place` (kind ``region``).
        Demonyms the index does not list are derived from division and
        country names by suffix rules ("Ohioan", "Dagestani") unless
        ``derived`` is False.

        Examples
        --------
        >>> from mapper.gazetteer import load_gazetteer
        >>> gaz = load_gazetteer()
        >>> [gaz.demonym(w).country_code for w in ("Russian", "Azeri", "Azerbaijani", "British")]
        ['RU', 'AZ', 'AZ', 'GB']
        >>> gaz.demonym("European").name, gaz.demonym("Stepanakert") is None
        ('Europe', True)
        >>> [gaz.demonym(w).name for w in ("Ohioans", "Texan", "Dagestani")]
        ['Ohio', 'Texas', 'Dagestan, Respublika']
        """
        if not isinstance(word, str) or len(word) > MAX_NAME_CHARS:
            return None
        return self._demonym(fold(word), derived)

    @functools.lru_cache(maxsize=8192)  # noqa: B019 - one instance per index, kept for the process
    def _demonym(self, key: str, derived: bool) -> Place | None:
        sql = "SELECT target FROM demonyms WHERE key = ?"
        with self._lock:
            row = self._sql(sql, (key,)).fetchone()
            if row is None and key.endswith("s"):  # plural: "Armenians", "Azeris"
                row = self._sql(sql, (key[:-1],)).fetchone()
        if row is not None:
            return self.get(row[0])
        if not derived:
            return None
        return self._derived_demonym(key[:-1] if key.endswith("s") else key)

    def _derived_demonym(self, key: str) -> Place | None:
        """Resolve "Ohioan", "Texan", "Dagestani": a division or region by its adjective."""
        for suffix, endings in _DEMONYM_RULES:
            if not key.endswith(suffix) or len(key) - len(suffix) < 3:
                continue
            stem = key[: len(key) - len(suffix)]
            for ending in endings:
                cands = self._lookup(stem + ending, None, None, 1, False)
                if cands and cands[0].place.kind in ("country", "admin", "region"):
                    place = cands[0].place
                    if place.kind != "admin" or place.feature_code == "ADM1":
                        return place
        return None

    def organisation(self, name: str) -> str | None:
        """Return the canonical name of the organisation ``name`` denotes, or None.

        Armed groups, parties and agencies from ``static/organisations.csv``:
        news names them where it names places, and some collide with places'
        alternate names (the index drops those).

        Examples
        --------
        >>> from mapper.gazetteer import load_gazetteer
        >>> gaz = load_gazetteer()
        >>> gaz.organisation("Hizballah"), gaz.organisation("Stepanakert")
        ('Hezbollah', None)
        >>> gaz.candidates("Hezbollah")
        []
        """
        found = self._organisation_row(name)
        return found[0] if found else None

    def organisation_kind(self, name: str) -> str | None:
        """Return the kind the list gives the organisation ``name`` denotes, or None.

        One of ``armed group``, ``army``, ``agency``, ``party``, ``alliance``:
        a state's army named by its own name ("SAF", "IDF", "Tatmadaw") is
        state forces, not an armed group.

        Examples
        --------
        >>> from mapper.gazetteer import load_gazetteer
        >>> gaz = load_gazetteer()
        >>> gaz.organisation_kind("SAF"), gaz.organisation_kind("Hizballah")
        ('army', 'armed group')
        """
        found = self._organisation_row(name)
        return found[1] if found else None

    def _organisation_row(self, name: str) -> tuple[str, str] | None:
        if not isinstance(name, str) or len(name) > MAX_NAME_CHARS:
            return None
        if self._organisations is None:
            rows = []
            if self._has_organisations:
                with self._lock:
                    rows = self._sql("SELECT key, name, kind FROM organisations").fetchall()
            self._organisations = {key: (found, kind or "") for key, found, kind in rows}
        return self._organisations.get(fold(name))

    def has(self, key: str) -> bool:
        """Tell whether a folded key is a known name (an in-memory lookup after first use).

        A hyphen stands for a space, as in :meth:`candidates`: "El-Fasher"
        (Anadolu, August 2025) for El Fasher; failing that, for nothing:
        "Pétion-Ville" for Pétionville.

        Examples
        --------
        >>> from mapper.gazetteer import load_gazetteer, fold
        >>> gaz = load_gazetteer()
        >>> gaz.has("stepanakert"), gaz.has(fold("Şuşa")), gaz.has("zzzqqq")
        (True, True, False)
        >>> gaz.has(fold("El-Fasher")), gaz.has(fold("Pétion-Ville"))
        (True, True)
        """
        scores = self.key_scores()
        return key in scores or any(k in scores for k in _hyphen_forms(key))

    def key_scores(self) -> dict[str, float]:
        """Return every indexed folded key with the best prior of any place it names.

        The dict is built once per instance (about a second) and shared: do not
        mutate it. A phrase matcher may iterate over it or test membership.

        Examples
        --------
        >>> from mapper.gazetteer import load_gazetteer
        >>> ks = load_gazetteer().key_scores()
        >>> ks["united states"] > ks["martuni"]
        True
        """
        if self._key_scores is None:
            with self._lock:
                keys, blob = self._sql("SELECT keys, scores FROM keyscores").fetchone()
            scores = array("d")
            scores.frombytes(blob)
            self._key_scores = dict(zip(keys.split("\n"), scores.tolist(), strict=True))
        return self._key_scores

    def reverse(
        self, lat: float, lon: float, *, kinds: Iterable[str] | str | None = None
    ) -> Place | None:
        """Return the nearest place to a point, or None if nothing lies within ~300 km.

        Examples
        --------
        >>> from mapper.gazetteer import load_gazetteer
        >>> load_gazetteer().reverse(39.82, 46.75, kinds=["settlement"]).name
        'Stepanakert'
        """
        found = self.nearest(lat, lon, kinds=kinds, limit=1)
        return found[0][0] if found else None

    def nearest(
        self,
        lat: float,
        lon: float,
        *,
        kinds: Iterable[str] | str | None = None,
        limit: int = 5,
        max_km: float = 300.0,
    ) -> list[tuple[Place, float]]:
        """Return up to ``limit`` places nearest to a point as ``(place, km)``, nearest first.

        Raises
        ------
        ValueError
            If the coordinates are not finite numbers within range.
        """
        lat, lon = float(lat), float(lon)
        if not (math.isfinite(lat) and math.isfinite(lon)) or abs(lat) > 90 or abs(lon) > 180:
            raise ValueError(f"({lat}, {lon}) is not a valid latitude, longitude")
        kset = _normalise_filter(kinds, upper=False)
        span = max(1, math.ceil(max_km / 111.0))
        cells = [
            cell(lat + dlat, lon + dlon)
            for dlat in range(-span, span + 1)
            for dlon in range(-span, span + 1)
        ]
        marks = ",".join("?" * len(cells))
        sql = f"SELECT id, lat, lon, kind FROM places WHERE cell IN ({marks})"
        hits = []
        with self._lock:
            rows = self._sql(sql, sorted(set(cells))).fetchall()
        for pid, plat, plon, kind in rows:
            if kset and kind not in kset:
                continue
            km = haversine_km(lat, lon, plat, plon)
            if km <= max_km:
                hits.append((km, pid))
        hits.sort()
        return [(self._place_by_id(pid), km) for km, pid in hits[:limit]]

    def iter_places(self) -> Iterator[Place]:
        """Yield every place of the index (slow: for exports and checks)."""
        with self._lock:
            ids = [pid for (pid,) in self._sql("SELECT id FROM places ORDER BY id")]
        for pid in ids:
            yield self._place_by_id(pid)

    # -- internals ------------------------------------------------------------

    def _lookup_uncached(
        self,
        key: str,
        ccs: frozenset[str] | None,
        kinds: frozenset[str] | None,
        limit: int | None,
        variants: bool = False,
    ) -> tuple[Candidate, ...]:
        if not key:
            return ()
        sql = "SELECT place, form, score FROM names WHERE key = ? ORDER BY score DESC"
        with self._lock:
            rows = self._sql(sql, (key,)).fetchall()
            for other in _hyphen_forms(key):
                if rows:
                    break
                rows = self._sql(sql, (other,)).fetchall()
        if not rows and variants and self._has_variants:
            rows = self._variant_rows(key)
        out: list[Candidate] = []
        seen: set[int] = set()
        for pid, form, score in rows:
            if pid in seen:
                continue
            seen.add(pid)
            place = self._place_by_id(pid)
            if ccs and place.country_code not in ccs:
                continue
            if kinds and place.kind not in kinds:
                continue
            out.append(Candidate(place, score / 1000.0, form or place.name))
            if limit is not None and len(out) >= limit:
                break
        return tuple(out)

    def _variant_rows(self, key: str) -> list[tuple[int, str, float]]:
        """Rows of the places whose name shares ``key``'s skeleton, scaled by similarity."""
        vkey = variant_key(key)
        if not usable_variant(vkey) or self.organisation(key) is not None:
            return []
        with self._lock:
            found = self._sql(
                "SELECT place, form, score FROM variants WHERE vkey = ?", (vkey,)
            ).fetchall()
        rows = []
        for pid, form, score in found:
            # the skeleton is coarse: keep only spellings close to the query's
            sim = difflib.SequenceMatcher(None, key, fold(form)).ratio()
            if sim >= MIN_VARIANT_SIMILARITY:
                rows.append((pid, form, round(score * VARIANT_FACTOR * sim)))
        rows.sort(key=lambda r: -r[2])
        return rows

    def _load_place(self, pid: int) -> Place:
        with self._lock:
            row = self._sql(f"SELECT {_PLACE_COLS} FROM places WHERE id = ?", (pid,)).fetchone()
        (key, name, lat, lon, kind, cc, country, admin1, a1code, pop, gid, fcode, src, geom) = row
        return Place(
            key=key,
            name=name,
            lat=lat,
            lon=lon,
            kind=kind,
            country_code=cc,
            country=country,
            admin1=admin1,
            admin1_code=a1code,
            population=pop or 0,
            geonameid=gid,
            feature_code=fcode,
            source=src,
            geometry=json.loads(geom) if geom else None,
        )


def _spaced(key: str) -> str:
    """Return a folded key with its hyphens read as spaces ("el-fasher" -> "el fasher")."""
    return " ".join(key.replace("-", " ").split())


def _hyphen_forms(key: str) -> tuple[str, ...]:
    """Return the other keys a hyphenated key may be indexed under, in the order to try.

    A hyphen as a space first ("El-Fasher" for El Fasher), then as nothing
    ("Pétion-Ville" for Pétionville); no other form for a key with no hyphen.
    """
    return (_spaced(key), _joined(key)) if "-" in key else ()


def _joined(key: str) -> str:
    """Return a folded key with its hyphens dropped ("petion-ville" -> "petionville").

    News writes one name hyphenated that the index holds as one word:
    "Pétion-Ville" (Miami Herald via Haitian Truth, November 2024) for
    Pétionville, which AP writes whole the same day.
    """
    return key.replace("-", "")


def _normalise_filter(values: Iterable[str] | str | None, *, upper: bool) -> frozenset[str] | None:
    if values is None:
        return None
    if isinstance(values, str):
        values = [values]
    out = frozenset(v.upper() if upper else v for v in values)
    return out or None


#: Mean Earth radius (km) of the great-circle helpers.
_EARTH_KM = 6371.0088


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km.

    Examples
    --------
    >>> round(haversine_km(40.37767, 49.89201, 40.17765, 44.5126))
    457
    """
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * _EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


def destination(lat: float, lon: float, km: float, bearing: float) -> tuple[float, float]:
    """Return the point ``km`` from ``(lat, lon)`` on the compass ``bearing`` (degrees).

    The inverse of :func:`haversine_km` along one bearing: "70 km north of Goma".

    Examples
    --------
    >>> lat, lon = destination(0.0, 0.0, 111.2, 0.0)
    >>> round(lat, 2), round(lon, 2)
    (1.0, 0.0)
    """
    d = km / _EARTH_KM
    p1, l1, b = math.radians(lat), math.radians(lon), math.radians(bearing)
    p2 = math.asin(math.sin(p1) * math.cos(d) + math.cos(p1) * math.sin(d) * math.cos(b))
    l2 = l1 + math.atan2(
        math.sin(b) * math.sin(d) * math.cos(p1), math.cos(d) - math.sin(p1) * math.sin(p2)
    )
    return round(math.degrees(p2), 5), round((math.degrees(l2) + 540.0) % 360.0 - 180.0, 5)
