"""Scoring every name and writing the SQLite index."""

from __future__ import annotations

import difflib
import json
import logging
import math
import os
import re
import sqlite3
import tempfile
from array import array
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from mapper.gazetteer.builders.model import (
    _KIND_BASE,
    _MATCH_FACTOR,
    _P,
    _SHADOWED_ALT,
    _SMALL_TOWN,
    BUILD_VERSION,
    MAX_NAME_TOKENS,
    _arabic_countries,
    _Model,
    _romanised_countries,
    article_less,
    name_tokens,
)
from mapper.gazetteer.keys import cell, fold, usable_variant, variant_key

logger = logging.getLogger(__name__)


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


_SCHEMA = """
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


@dataclass(slots=True)
class _Rows:
    """Everything the index tables receive, computed from the model."""

    places: list[tuple] = field(default_factory=list)
    names: list[tuple] = field(default_factory=list)
    key_best: dict[str, int] = field(default_factory=dict)
    variant_best: dict[tuple[str, int], tuple[int, str]] = field(default_factory=dict)
    dropped: int = 0  # alternate names that are organisations' names
    obscure: int = 0  # other names of small towns


def _write(model: _Model, target: Path, version: str) -> None:
    """Write the index for ``model`` atomically to ``target``."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=target.name + ".", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        db = sqlite3.connect(tmp)
        db.executescript(_SCHEMA)
        _fill(db, model, _rows(model), version)
        db.commit()
        db.execute("VACUUM")
        db.close()
        tmp.chmod(0o644)  # mkstemp makes it private; the index holds nothing secret
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _place_row(model: _Model, pid: int, p: _P) -> tuple:
    country = model.country_names.get(p.cc) if p.cc else None
    if p.kind == "country":
        admin1 = None
    elif p.level == "admin1":
        admin1 = p.name
    else:
        admin1 = model.admin1_names.get(p.admin1_code) if p.admin1_code else None
    return (
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
        cell(p.lat, p.lon),
    )


def _rows(model: _Model) -> _Rows:
    rows = _Rows()
    romanised = _romanised_countries()
    arabic = _arabic_countries()
    # a name that is some place's own main name mostly means that place: other
    # places' alternate names ("Salisbury" for Harare, "Garden City" for
    # Singapore) get a penalty
    main_keys = {k for p in model.places.values() for k, (_f, m) in p.names.items() if m == "main"}
    for pid, p in enumerate(model.places.values(), 1):
        rows.places.append(_place_row(model, pid, p))
        # Only governorates: their capital already has the bare name ("Hasakah" the city),
        # and a district's or village's bare name is often an English word or a man's
        # name ("As Said", "Al Hussein" in Yemen).
        bare = p.cc in arabic and p.level == "admin1"
        _name_rows(rows, model, pid, p, main_keys, spelled_many_ways=p.cc in romanised, arabic=bare)
    return rows


def _name_rows(
    rows: _Rows,
    model: _Model,
    pid: int,
    p: _P,
    main_keys: set[str],
    *,
    spelled_many_ways: bool,
    arabic: bool = False,
) -> None:
    orgs = model.organisations
    prior = _prior(p)
    for key, (form, match) in _name_variants(p.names, arabic=arabic):
        if name_tokens(key) > MAX_NAME_TOKENS:
            continue
        if key in orgs and match in ("alt", "abbr", "weak"):
            rows.dropped += 1  # "Hamas" as an alternate name of Hamm: news means the group
            continue
        if match == "alt" and _obscure_alt(key, p, spelled_many_ways=spelled_many_ways):
            rows.obscure += 1
            continue
        factor = _MATCH_FACTOR[match]
        if match == "alt" and key in main_keys and not _same_spelling(key, p.name):
            factor *= _SHADOWED_ALT
        score = int(round(1000 * prior * factor))
        rows.names.append((key, pid, None if form == p.name else form, score))
        if score > rows.key_best.get(key, -1):
            rows.key_best[key] = score
        vkey = variant_key(key) if spelled_many_ways else ""
        if usable_variant(vkey) and key not in orgs:
            old = rows.variant_best.get((vkey, pid))
            if old is None or score > old[0]:
                rows.variant_best[(vkey, pid)] = (score, form)


def _fill(db: sqlite3.Connection, model: _Model, rows: _Rows, version: str) -> None:
    db.executemany(f"INSERT INTO places VALUES ({','.join('?' * 16)})", rows.places)
    rows.names.sort()  # WITHOUT ROWID tables load fastest in key order
    db.executemany("INSERT INTO names VALUES (?, ?, ?, ?)", rows.names)
    db.executemany(
        "INSERT INTO variants VALUES (?, ?, ?, ?)",
        sorted((vk, pid, form, sc) for (vk, pid), (sc, form) in rows.variant_best.items()),
    )
    db.executemany(
        "INSERT INTO organisations VALUES (?, ?, ?)",
        sorted((k, name, kind) for k, (name, kind) in model.organisations.items()),
    )
    if rows.dropped:
        logger.info("dropped %d alternate names that are organisations' names", rows.dropped)
    logger.info("dropped %d other names of small towns", rows.obscure)
    db.executemany("INSERT OR REPLACE INTO demonyms VALUES (?, ?)", model.demonyms.items())
    db.execute("CREATE UNIQUE INDEX places_key ON places (key)")
    db.execute("CREATE INDEX places_cell ON places (cell)")
    meta = {
        "version": version,
        "build_version": BUILD_VERSION,
        "places": str(len(rows.places)),
        "names": str(len(rows.names)),
        "variants": str(len(rows.variant_best)),
        "max_name_tokens": str(max((name_tokens(k) for k in rows.key_best), default=1)),
    }
    meta.update({f"iso3:{k}": v for k, v in model.iso3.items()})
    # every key and its best prior, loaded in one go by Gazetteer.key_scores()
    keys = list(rows.key_best)
    scores = array("d", (round(rows.key_best[k] / 1000.0, 3) for k in keys))
    db.execute("INSERT INTO keyscores VALUES (?, ?)", ("\n".join(keys), scores.tobytes()))
    db.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())


#: An apostrophe between two letters: "ma'rib", "ta'izz".
_INNER_APOSTROPHE = re.compile(r"(?<=\w)['’ʼ](?=\w)")
#: A compass compound written open or closed ("north west" ~ "northwest").
_COMPASS_OPEN = re.compile(r"\b(north|south) (east|west)\b")
_COMPASS_CLOSED = re.compile(r"\b(north|south)(east|west)\b")


def _name_variants(
    names: dict[str, tuple[str, str]], *, arabic: bool = False
) -> Iterator[tuple[str, tuple[str, str]]]:
    """Yield each key plus spelling variants a text may use for it.

    ``arabic``: the place is in an Arabic-speaking country, so a name is also
    written without its article (:func:`article_less`), as an alternate name.

    >>> sorted(k for k, _ in _name_variants({"al hasakah": ("Al Hasakah", "main")}, arabic=True))
    ['al hasakah', 'hasakah']
    """
    seen = set(names)
    yield from names.items()
    for key, value in list(names.items()):
        variants = []
        bare = article_less(key) if arabic else None
        if bare and bare not in seen:
            seen.add(bare)
            yield bare, (value[0], "alt" if value[1] == "main" else value[1])
        if "-" in key:
            variants.append(key.replace(" - ", " ").replace("-", " "))
        if _INNER_APOSTROPHE.search(key):
            # English drops the apostrophe of a transliterated hamza or ayn: "Yemen's
            # Marib Province" (Xinhua via CGTN, May 2023) for Ma'rib, "Sanaa" for Sana'a
            # (the index holds "Sanaa" only as the city's alternate name)
            variants.append(_INNER_APOSTROPHE.sub("", key))
        spaced = key.replace("-", " ")
        if _COMPASS_OPEN.search(spaced):
            # English news closes a compass compound the gazetteer writes open or
            # hyphenated: "the English-speaking region of Northwest" (NNN-Xinhua,
            # October 2020) and "anglophone Northwest province" (AFP, 2019) for
            # Cameroon's North-West region; "Southwest" (Xinhua, November 2023)
            variants.append(_COMPASS_OPEN.sub(r"\1\2", spaced))
        if _COMPASS_CLOSED.search(key):
            variants.append(_COMPASS_CLOSED.sub(r"\1 \2", key))
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
