"""Benchmark the offline map on N synthetic incidents, next to plain folium + MarkerCluster.

    .venv/bin/python benchmarks/bench_map.py [--n 10000] [--out out/bench] [--no-browser]

Reports, for mapper and for plain folium (one ``folium.Marker`` with a popup
per incident inside a ``MarkerCluster``, the usual recipe) on the same data in
the same run:

- ``size_mb``: the HTML file (plain folium links its scripts from CDNs, so its
  file is smaller than what a browser must load);
- ``build_s``: time to build and render the HTML (mapper: first call in the
  process, which includes reading the front-end packages, and a second call);
- ``markers_ms``: time from navigation start until the first marker or cluster
  icon is in the DOM in headless Chromium with the network cut. Plain folium's
  CDN requests are answered from the local xstatic copies of Leaflet and
  MarkerCluster and a small jQuery stand-in (other CDN files get an empty
  answer), so it can draw at all;
- ``toggle_ms`` and ``slider_ms`` (mapper only, same page loads): from a click
  on an event type's box in the layer list, or one step of the time slider's
  right handle, until the map has filtered and painted the next frame (the
  median over the runs of the worst of an off and an on toggle, or of two steps).

The last line is ``SUMMARY n=.. size_mb=.. build_s=.. markers_ms=.. toggle_ms=..
slider_ms=.. folium_size_mb=.. folium_build_s=.. folium_markers_ms=..``. Targets
for n=10000 (issue 12): size <= 2.5 MB, build <= 1 s, markers <= 1 s, a type
toggle and a slider step <= 200 ms. Timings on a shared 2-core machine are noisy.
"""

from __future__ import annotations

import argparse
import datetime
import json
import random
import statistics
import sys
import time
from pathlib import Path

TYPES = [
    ("Battles", "Armed clash"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Explosions/Remote violence", "Air/drone strike"),
    ("Violence against civilians", "Attack"),
    ("Strategic developments", "Disrupted weapons use"),
    ("Protests", "Peaceful protest"),
]
PLACES = ["Stepanakert", "Martuni", "Hadrut", "Fuzuli", "Jabrayil", "Tartar", "Aghdam",
          "Ganja", "Barda", "Shusha", "Talish", "Madagiz", "Berdzor", "Vardenis", "Goris"]
ACTORS = ["Military Forces of Azerbaijan", "Military Forces of Armenia",
          "Military Forces of Artsakh", "Civilians (Armenia)", "Civilians (Azerbaijan)"]
VERBS = ["shelled", "struck", "attacked", "hit with drones", "came under fire near"]


START = datetime.date(2020, 9, 27)


def synthetic(n: int, seed: int = 7) -> dict:
    """Return a FeatureCollection of ``n`` made-up incidents around 40N 46.7E."""
    rnd = random.Random(seed)
    feats = []
    for i in range(n):
        etype, sub = TYPES[rnd.randrange(len(TYPES))]
        place = rnd.choice(PLACES)
        date = (START + datetime.timedelta(days=rnd.randrange(0, 45))).isoformat()
        claim = rnd.random() < 0.3
        a1, a2 = rnd.sample(ACTORS, 2)
        quote = (f"According to the report, {a1} {rnd.choice(VERBS)} positions in {place} on "
                 f"{date}, killing {rnd.randrange(0, 9)} and wounding {rnd.randrange(0, 20)} "
                 f"people (item {i}).")
        geom = {"type": "Point", "coordinates": [round(46.0 + rnd.random() * 1.8, 5),
                                                 round(39.2 + rnd.random() * 1.4, 5)]}
        if i % 500 == 0:
            x, y = geom["coordinates"]
            geom = {"type": "LineString",
                    "coordinates": [[x, y], [x + 0.2, y + 0.1], [x + 0.3, y + 0.3]]}
        feats.append({"type": "Feature", "geometry": geom, "properties": {
            "id": f"inc-{i:05d}", "event_date": date, "time_precision": rnd.choice([1, 1, 1, 2, 3]),
            "event_type": etype, "sub_event_type": sub, "actor1": a1, "actor2": a2,
            "location": place, "country": "Azerbaijan", "geo_precision": rnd.choice([1, 1, 2, 3]),
            "fatalities": rnd.randrange(0, 9), "injuries": rnd.randrange(0, 20),
            "claimed_by": "Armenian MoD" if claim else None,
            "disputed": claim and rnd.random() < 0.5,
            "disputed_by": "Azerbaijani MoD" if claim else None,
            "background": rnd.random() < 0.02,
            "notes": f"{sub} in {place}",
            "sources": [{"report": f"report_{i % 300:03d}.txt", "quote": quote,
                         "start": 100 + i % 900, "end": 100 + i % 900 + len(quote)}],
        }})
    return {"type": "FeatureCollection", "features": feats}


def plain_folium(fc: dict):
    """The usual folium recipe: a Marker with a popup per incident in one MarkerCluster."""
    import folium
    from folium.plugins import MarkerCluster

    m = folium.Map(location=[39.8, 46.7], zoom_start=8)  # default OSM tiles: answered empty offline
    cluster = MarkerCluster().add_to(m)
    for f in fc["features"]:
        p = f["properties"]
        lon, lat = _point(f["geometry"])
        folium.Marker([lat, lon], popup=folium.Popup(p["sources"][0]["quote"], parse_html=True),
                      tooltip=p["location"]).add_to(cluster)
    return m


def _point(geom: dict) -> tuple[float, float]:
    c = geom["coordinates"]
    return tuple(c) if geom["type"] == "Point" else tuple(c[0])


def timed_build(fn, fc, path: Path) -> float:
    t0 = time.perf_counter()
    html = fn(fc).get_root().render()
    dt = time.perf_counter() - t0
    path.write_text(html, encoding="utf-8")
    return dt


# folium's popups call $(html)[0]; jQuery itself is not installed here, so the bench
# answers its CDN URL with this stand-in that does the same parse.
JQUERY_STUB = """window.jQuery = window.$ = function (s) {
  var t = document.createElement('template'); t.innerHTML = String(s).trim();
  return [t.content.firstChild]; };"""


# Run in the page: the worst of two changes, each timed from the input event until the
# page has refreshed and painted (two animation frames later).
INTERACT_JS = """async () => {
  const frame = () => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  await mapper_incidents.ready; await frame();
  const box = [...document.querySelectorAll('.leaflet-control-layers-overlays input')]
    .find(i => i.nextElementSibling && i.nextElementSibling.textContent.includes('Battles'));
  const timed = async (act) => { const t0 = performance.now(); act();
    await new Promise(r => setTimeout(r, 0)); await frame(); return performance.now() - t0; };
  const toggle = Math.max(await timed(() => box.click()), await timed(() => box.click()));
  const to = document.getElementById('mapper-date-to');
  const step = (d) => () => { to.value = String(parseInt(to.value, 10) + d);
    to.dispatchEvent(new Event('input')); to.dispatchEvent(new Event('change')); };
  const slider = to ? Math.max(await timed(step(-1)), await timed(step(-1))) : null;
  return {toggle, slider}; }"""


def first_marker_ms(path: Path, *, serve_cdn_locally: bool, runs: int = 3,
                    interact: list | None = None) -> float | None:
    """Median over ``runs`` page loads of navigation start -> first marker/cluster in the DOM.

    With ``interact`` (a list), each load also times a type toggle and a slider
    step (see ``INTERACT_JS``) and appends ``{"toggle", "slider"}`` to it.
    """
    from playwright.sync_api import sync_playwright

    local = {}
    if serve_cdn_locally:
        import xstatic.pkg.leaflet as xl
        import xstatic.pkg.leaflet_markercluster as xc

        base, cl = Path(xl.BASE_DIR), Path(xc.BASE_DIR)
        local = {"leaflet.js": base / "leaflet.js", "leaflet.css": base / "leaflet.css",
                 "leaflet.markercluster.js": cl / "leaflet.markercluster.js",
                 "MarkerCluster.css": cl / "MarkerCluster.css",
                 "MarkerCluster.Default.css": cl / "MarkerCluster.Default.css",
                 "marker-icon.png": base / "images" / "marker-icon.png",
                 "marker-icon-2x.png": base / "images" / "marker-icon-2x.png",
                 "marker-shadow.png": base / "images" / "marker-shadow.png"}
    url = path.resolve().as_uri()
    times = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path="/usr/bin/chromium", headless=True,
            args=["--no-sandbox", "--disable-gpu", "--no-first-run",
                  "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"])
        for _ in range(runs):
            ctx = browser.new_context(viewport={"width": 1280, "height": 900})

            def route(r):
                u = r.request.url
                if u.startswith(("file:", "data:", "blob:", "about:")):
                    return r.continue_()
                name = u.split("?")[0].rsplit("/", 1)[-1]
                if name in local:
                    return r.fulfill(path=str(local[name]))
                if serve_cdn_locally and name.startswith("jquery"):
                    return r.fulfill(status=200, body=JQUERY_STUB,
                                     content_type="application/javascript")
                if serve_cdn_locally:
                    return r.fulfill(status=200, body="")
                return r.abort("blockedbyclient")

            ctx.route("**/*", route)
            page = ctx.new_page()
            page.add_init_script("""(() => { window.__first = null;
              const sel = '.leaflet-marker-icon, .marker-cluster';
              const obs = new MutationObserver(() => {
                if (window.__first === null && document.querySelector(sel)) {
                  window.__first = performance.now(); obs.disconnect(); } });
              obs.observe(document, {childList: true, subtree: true}); })();""")
            page.goto(url, wait_until="load", timeout=60000)
            try:
                page.wait_for_function("() => window.__first !== null", timeout=30000)
                times.append(page.evaluate("() => window.__first"))
                if interact is not None:
                    interact.append(page.evaluate(INTERACT_JS))
            except Exception:  # noqa: BLE001 - a map that never draws has no time
                pass
            ctx.close()
        browser.close()
    return round(statistics.median(times)) if times else None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=10000)
    ap.add_argument("--out", default="out/bench")
    ap.add_argument("--no-browser", action="store_true")
    a = ap.parse_args(argv)
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    fc = synthetic(a.n)

    from mapper.webmap import build_map

    ours = out / f"mapper_{a.n}.html"
    theirs = out / f"folium_{a.n}.html"
    build_cold = timed_build(lambda d: build_map(d, title=f"{a.n} synthetic incidents"), fc, ours)
    build_warm = timed_build(lambda d: build_map(d, title=f"{a.n} synthetic incidents"), fc, ours)
    folium_build = timed_build(plain_folium, fc, theirs)
    size = ours.stat().st_size / 1e6
    fsize = theirs.stat().st_size / 1e6
    ms = fms = toggle = slider = None
    if not a.no_browser:
        timings: list = []
        ms = first_marker_ms(ours, serve_cdn_locally=False, interact=timings)
        fms = first_marker_ms(theirs, serve_cdn_locally=True)
        if timings:
            toggle = round(statistics.median(t["toggle"] for t in timings))
            if all(t["slider"] is not None for t in timings):
                slider = round(statistics.median(t["slider"] for t in timings))
    res = {"n": a.n, "size_mb": round(size, 2), "build_cold_s": round(build_cold, 3),
           "build_s": round(build_warm, 3), "markers_ms": ms, "toggle_ms": toggle,
           "slider_ms": slider,
           "folium_size_mb": round(fsize, 2), "folium_build_s": round(folium_build, 3),
           "folium_markers_ms": fms, "files": [str(ours), str(theirs)]}
    print(json.dumps(res, indent=1))
    print(f"mapper       {size:6.2f} MB  build {build_cold:5.2f} s cold / {build_warm:5.2f} s warm"
          f"  markers {ms} ms  type toggle {toggle} ms  slider step {slider} ms")
    print(f"plain folium {fsize:6.2f} MB  build {folium_build:5.2f} s"
          f"            markers {fms} ms (CDN answered locally)")
    ok = (size <= 2.5 and build_warm <= 1 and (ms is None or ms <= 1000)
          and (toggle is None or toggle <= 200) and (slider is None or slider <= 200))

    def na(v: object) -> object:
        return "na" if v is None else v

    print(f"SUMMARY n={a.n} size_mb={size:.2f} build_s={build_warm:.3f} "
          f"build_cold_s={build_cold:.3f} markers_ms={na(ms)} toggle_ms={na(toggle)} "
          f"slider_ms={na(slider)} folium_size_mb={fsize:.2f} "
          f"folium_build_s={folium_build:.3f} folium_markers_ms={fms if fms is not None else 'na'} "
          f"targets_met={str(ok).lower()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
