"""Benchmark the offline gazetteer: speed, size, seed places, point agreement, coverage.

    .venv/bin/python benchmarks/bench_gazetteer.py [--shared ../shared] [--skip-corpora]

Prints, in this order:

- ``SPEED``: cold ``mapper geocode Stepanakert`` in a new process minus a bare
  ``python -c "import geopy"`` (medians of 5 runs each, same run); warm
  ``Gazetteer.candidates`` and ``OfflineGeocoder.geocode`` lookups per second;
  the index size on disk and its build time when it had to be built.
- ``GEOPANDAS``: ``geopandas.tools.geocode`` of 1,000 names with
  ``provider=OfflineGeocoder`` (offline: the geocoder has no network adapter).
- ``SEED``: every place of ``shared/gold/seed_incidents.json`` resolved from its
  mention by the top candidate, checked against its ``radius_km``.
- ``AGREEMENT``: share of country and first-level-division points within
  161 km of GeoNames' own points, as the corpora in ``shared/data/geoparse``
  record them (used here only to measure, never as data).
- ``COVERAGE``: per corpus, the share of gold toponyms (with coordinates)
  whose name finds a candidate at all, whose top candidate by prior alone is
  within 161 km, and whose candidates include one within 161 km (the ceiling
  for a context-aware resolver on this gazetteer).
- ``VARIANTS``: the opt-in spelling-variant fallback (``candidates(name,
  variants=True)``). Per corpus, of the gold toponyms with no exact name, how
  many get a guess and how many guesses lie within 161 km; then the false
  positives: the share of capitalised words and phrases outside gold spans
  (LGL and TR-News text) with no exact name that get a guess anyway.

The last line is ``SUMMARY cold_s=.. warm_per_s=.. index_mb=.. seed_ok=../.. ...``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _median_run(cmd: list[str], n: int = 5) -> float:
    times = []
    for _ in range(n):
        t = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True, env=os.environ.copy())
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def bench_speed() -> dict:
    from mapper.gazetteer import _build, load_gazetteer
    from mapper.geocoder import OfflineGeocoder

    path = _build.current_index_path()
    built_s = None
    if not path.is_file():
        t = time.perf_counter()
        _build.build_index()
        built_s = time.perf_counter() - t
    py = sys.executable
    mapper_bin = Path(py).with_name("mapper")
    cmd = [str(mapper_bin), "geocode", "Stepanakert"] if mapper_bin.exists() else [
        py, "-m", "mapper.cli", "geocode", "Stepanakert"]
    out = subprocess.run(cmd, capture_output=True, text=True, check=False)
    print("mapper geocode Stepanakert ->", (out.stdout or out.stderr).strip()[:200])
    cold = _median_run(cmd)
    bare = _median_run([py, "-c", "import geopy"])
    gaz = load_gazetteer()
    names = [p.name for p in list(gaz.iter_places())[:: max(1, 272000 // 2000)]][:2000]
    names += ["Stepanakert", "Martuni", "U.S.", "Georgia", "Shusha", "Azerbaijan's"]
    for n in names:  # warm the caches
        gaz.candidates(n)
    t = time.perf_counter()
    reps = 0
    while time.perf_counter() - t < 1.0:
        for n in names:
            gaz.candidates(n)
        reps += len(names)
    warm = reps / (time.perf_counter() - t)
    geo = OfflineGeocoder()
    for n in names:
        geo.geocode(n)
    t = time.perf_counter()
    reps = 0
    while time.perf_counter() - t < 1.0:
        for n in names:
            geo.geocode(n)
        reps += len(names)
    warm_geo = reps / (time.perf_counter() - t)
    t = time.perf_counter()
    ks = gaz.key_scores()
    keys_s = time.perf_counter() - t
    size_mb = path.stat().st_size / 1e6
    print(
        f"SPEED cold_mapper_geocode_s={cold:.3f} bare_import_geopy_s={bare:.3f} "
        f"cold_minus_bare_s={cold - bare:.3f} (target <= 0.5) warm_candidates_per_s={warm:,.0f} "
        f"warm_geocode_per_s={warm_geo:,.0f} (target >= 50,000) index_mb={size_mb:.1f} "
        f"keys={len(ks):,} key_scores_load_s={keys_s:.2f} "
        f"build_s={f'{built_s:.1f}' if built_s else 'already built'}"
    )
    return {"cold_s": cold - bare, "warm_per_s": warm, "index_mb": size_mb}


def bench_geopandas() -> dict:
    import geopandas.tools

    from mapper.gazetteer import load_gazetteer
    from mapper.geocoder import OfflineGeocoder

    rng = random.Random(7)
    places = [p.name for p in load_gazetteer().iter_places() if p.population > 20000]
    names = rng.sample(places, 990) + ["Stepanakert", "Qwxzyville", "Şuşa", "U.S.", "", "Baku",
                                       "Charleston, W.Va.", "Martuni, Armenia", "EU", "Darfur"]
    t = time.perf_counter()
    df = geopandas.tools.geocode(names, provider=OfflineGeocoder)
    secs = time.perf_counter() - t
    hits = int((~df.geometry.is_empty).sum())
    print(f"GEOPANDAS names={len(names)} resolved={hits} seconds={secs:.2f} crs={df.crs}")
    return {"gpd_s": secs, "gpd_hits": hits}


def bench_seed(shared: Path) -> dict:
    from mapper.gazetteer import haversine_km, load_gazetteer

    gold = json.loads((shared / "gold" / "seed_incidents.json").read_text("utf-8"))
    gaz = load_gazetteer()
    ok = total = 0
    for report, entry in gold["reports"].items():
        for p in entry["places"]:
            forms = [p["mention"], *p.get("alt_mentions", []), p.get("name", "")]
            cand = next((c for f in forms if f for c in gaz.candidates(f)[:1]), None)
            if cand is None:
                d = None
            else:
                d = haversine_km(cand.place.lat, cand.place.lon, p["lat"], p["lon"])
            good = d is not None and d <= p["radius_km"]
            total += not p.get("optional")
            ok += good and not p.get("optional")
            flag = "ok  " if good else ("opt " if p.get("optional") else "MISS")
            got = f"{cand.place.name} ({cand.place.kind}) {d:.0f} km" if cand else "no candidate"
            print(f"SEED {flag} {report[:4]} {p['mention']!r}: {got} / radius {p['radius_km']}")
    print(f"SEED resolved_within_radius={ok}/{total} (required places)")
    return {"seed_ok": ok, "seed_total": total}


def _gold(shared: Path) -> dict[str, list[dict]]:
    """Gold toponyms with coordinates per corpus: phrase, lat, lon, geonameid, fcode."""
    out: dict[str, list[dict]] = {}
    base = shared / "data" / "geoparse"
    for name, fname in (("LGL", "lgl.xml"), ("TR-News", "TR-News.xml")):
        rows = []
        for t in ET.parse(base / fname).getroot().iter("toponym"):
            g = t.find("gaztag")
            if g is None or g.findtext("lat") is None:
                continue
            rows.append({"phrase": t.findtext("phrase"), "lat": float(g.findtext("lat")),
                         "lon": float(g.findtext("lon")), "gid": int(g.get("geonameid")),
                         "fcode": g.findtext("fcode") or ""})
        out[name] = rows
    rows = []
    for t in ET.parse(base / "GWN.xml").getroot().iter("toponym"):
        if not t.findtext("latitude"):
            continue
        gid = (t.findtext("geonamesID") or "").strip()
        rows.append({"phrase": t.findtext("extractedName"), "lat": float(t.findtext("latitude")),
                     "lon": float(t.findtext("longitude")), "gid": int(gid) if gid else None,
                     "fcode": ""})
    out["GWN"] = rows
    return out


def bench_agreement(gold: dict[str, list[dict]]) -> dict:
    from mapper.gazetteer import haversine_km, load_gazetteer

    gaz = load_gazetteer()
    by_gid = {}
    for p in gaz.iter_places():
        if p.geonameid and p.kind in ("country", "admin"):
            by_gid.setdefault(p.geonameid, p)
    res = {}
    groups = [("all", list(gold))] + [(c, [c]) for c in gold]
    for (level, pred), (group, corpora) in (
        (lv, gr)
        for lv in (("country", lambda p: p.kind == "country"),
                   ("admin1", lambda p: p.feature_code == "ADM1"),
                   ("admin2", lambda p: p.feature_code == "ADM2"))
        for gr in groups
    ):
        seen: dict[int, tuple[float, float, int]] = {}
        for corpus in corpora:
            for r in gold[corpus]:
                p = by_gid.get(r["gid"])
                if p is not None and pred(p):
                    lat, lon, n = seen.get(r["gid"], (r["lat"], r["lon"], 0))
                    seen[r["gid"]] = (lat, lon, n + 1)
        ok = okm = tot = totm = 0
        misses = []
        for gid, (lat, lon, n) in seen.items():
            p = by_gid[gid]
            d = haversine_km(p.lat, p.lon, lat, lon)
            tot += 1
            totm += n
            if d <= 161:
                ok += 1
                okm += n
            else:
                misses.append(f"{p.name}:{d:.0f}km")
        share = ok / tot if tot else 0.0
        print(f"AGREEMENT {level} {group} places={tot} within161={ok} share={share:.2f} "
              f"mention_weighted={okm / totm if totm else 0:.2f} misses={sorted(misses)[:30]}")
        if group == "all":
            res[f"agree_{level}"] = share
    return res


def bench_coverage(gold: dict[str, list[dict]]) -> dict:
    from mapper.gazetteer import Candidate, haversine_km, load_gazetteer

    gaz = load_gazetteer()
    res = {}
    for corpus, rows in gold.items():
        found = top = anyc = 0
        missing: dict[str, int] = {}
        for r in rows:
            cands = gaz.candidates(r["phrase"] or "")
            if not cands:
                dem = gaz.demonym(r["phrase"] or "")
                cands = [Candidate(dem, 1.0, r["phrase"])] if dem else []
            if not cands:
                missing[r["phrase"]] = missing.get(r["phrase"], 0) + 1
                continue
            found += 1
            d = [haversine_km(c.place.lat, c.place.lon, r["lat"], r["lon"]) for c in cands]
            top += d[0] <= 161
            anyc += min(d) <= 161
        n = len(rows)
        worst = sorted(missing.items(), key=lambda kv: -kv[1])[:25]
        print(f"COVERAGE {corpus} gold={n} has_candidate={found / n:.3f} "
              f"top_prior_161={top / n:.3f} any_candidate_161={anyc / n:.3f}")
        print(f"  most frequent names with no candidate: {worst}")
        res[f"{corpus}_top"] = top / n
        res[f"{corpus}_any"] = anyc / n
    return res


def bench_variants(shared: Path, gold: dict[str, list[dict]]) -> dict:
    import re

    from mapper.gazetteer import haversine_km, load_gazetteer

    gaz = load_gazetteer()
    res = {}
    hits_all = ok_all = 0
    for corpus, rows in gold.items():
        n = hits = ok = 0
        for r in rows:
            phrase = r["phrase"] or ""
            if gaz.candidates(phrase) or gaz.demonym(phrase):
                continue
            n += 1
            guess = gaz.candidates(phrase, variants=True, limit=1)
            if guess:
                hits += 1
                p = guess[0].place
                ok += haversine_km(p.lat, p.lon, r["lat"], r["lon"]) <= 161
        hits_all += hits
        ok_all += ok
        print(f"VARIANTS {corpus} gold_without_exact_name={n} guessed={hits} "
              f"guessed_within161={ok}")
    words: set[str] = set()
    for fname in ("lgl.xml", "TR-News.xml"):
        for art in ET.parse(shared / "data" / "geoparse" / fname).getroot().iter("article"):
            text = art.findtext("text") or ""
            spans = [(int(t.findtext("start")), int(t.findtext("end")))
                     for t in art.iter("toponym")]
            for m in re.finditer(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)*\b", text):
                if not any(s <= m.start() < e for s, e in spans):
                    words.add(m.group())
    unknown = [w for w in sorted(words) if not gaz.candidates(w)]
    t = time.perf_counter()
    guessed = [w for w in unknown if gaz.candidates(w, variants=True, limit=1)]
    per_s = len(unknown) / (time.perf_counter() - t)
    fp = len(guessed) / len(unknown) if unknown else 0.0
    print(f"VARIANTS non-toponym capitalised words without exact name={len(unknown)} "
          f"guessed={len(guessed)} share={fp:.3f} cold_variant_lookups_per_s={per_s:,.0f} "
          f"examples={random.Random(7).sample(guessed, min(12, len(guessed)))}")
    res.update(var_guessed=hits_all, var_guessed_ok=ok_all, var_word_fp=fp)
    return res


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--skip-corpora", action="store_true")
    ap.add_argument("--skip-speed", action="store_true")
    args = ap.parse_args()
    summary: dict = {}
    if not args.skip_speed:
        summary.update(bench_speed())
        summary.update(bench_geopandas())
    if (args.shared / "gold" / "seed_incidents.json").is_file():
        summary.update(bench_seed(args.shared))
    if not args.skip_corpora and (args.shared / "data" / "geoparse").is_dir():
        gold = _gold(args.shared)
        summary.update(bench_agreement(gold))
        summary.update(bench_coverage(gold))
        summary.update(bench_variants(args.shared, gold))
    print("SUMMARY " + " ".join(
        f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}" for k, v in summary.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
