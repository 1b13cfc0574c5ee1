"""The map in a real browser: headless Debian Chromium through Playwright, network cut.

Every wait is on a condition in the page, never on a clock.
"""

from __future__ import annotations

import json

import pytest
from conftest import MapPage

from mapper.webmap import write_map

pytestmark = pytest.mark.browser

XSS_QUOTE = ('The ministry said <img src=x onerror="window.__pwned=1"> then '
             '</script><script>window.__pwned=2</script> and '
             '<b onmouseover="window.__pwned=3">x</b>')

TYPES = ["Battles", "Explosions/Remote violence", "Violence against civilians"]


def _incidents() -> dict:
    feats = []
    for i in range(30):
        etype = TYPES[i % 3]
        day = 27 + i % 4
        props = {
            "id": f"b{i:02d}", "event_date": f"2020-09-{day}", "time_precision": 1 + (i % 5 == 0),
            "event_type": etype, "sub_event_type": "Armed clash", "actor1": "Military Forces of A",
            "actor2": "Military Forces of B", "location": f"Village {i}", "country": "Testland",
            "geo_precision": 1 + i % 3, "fatalities": i % 4, "injuries": None,
            "claimed_by": "A MoD" if i % 4 == 1 else None, "disputed": i % 8 == 1,
            "disputed_by": "B MoD" if i % 8 == 1 else None, "background": False,
            "notes": f"Clash near village {i}",
            "sources": [{"report": f"report_{i % 5}.txt", "quote": f"Fighting at village {i}.",
                         "start": 10, "end": 33}],
        }
        feats.append({"type": "Feature", "properties": props, "geometry": {
            "type": "Point", "coordinates": [46.2 + (i % 6) * 0.25, 39.5 + (i // 6) * 0.2]}})
    feats.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [47.9, 40.9]},
                  "properties": dict(feats[0]["properties"], id="xss", location="Quoteville",
                                     event_type="Battles", event_date="2020-09-27",
                                     sources=[{"report": "evil.txt", "quote": XSS_QUOTE,
                                               "start": 0, "end": len(XSS_QUOTE)}])})
    feats.append({"type": "Feature",
                  "geometry": {"type": "LineString", "coordinates": [[46.3, 39.6], [46.9, 40.2]]},
                  "properties": dict(feats[1]["properties"], id="line", location="Front",
                                     geo_precision=2)})
    feats.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [44.5, 40.2]},
                  "properties": dict(feats[2]["properties"], id="old", event_date="1994-05-12",
                                     background=True, location="Oldtown")})
    feats[3]["properties"]["analyst_tag"] = {"checked": True, "by": "<i>x</i>"}
    feats[4]["geometry"] = {"type": "GeometryCollection", "geometries": [
        {"type": "Point", "coordinates": [46.3, 39.5]},
        {"type": "MultiPoint", "coordinates": [[46.35, 39.55], [46.4, 39.5]]}]}
    return {"type": "FeatureCollection", "features": feats}


THEATRE = {"type": "FeatureCollection", "features": [
    {"type": "Feature", "geometry": {"type": "Point", "coordinates": [46.75, 39.82]},
     "properties": {"name": "Capitalton", "kind": "settlement"}},
    {"type": "Feature",
     "geometry": {"type": "LineString", "coordinates": [[46.2, 39.4], [47.0, 40.3]]},
     "properties": {"name": "Contact line", "kind": "line"}},
]}

N_SHOWN = 32  # all but the background incident
N_BATTLES = 10 + 1  # every third of 30, plus the XSS one


@pytest.fixture(scope="module")
def map_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("map") / "map.html"
    write_map(_incidents(), path, title="Browser test", theatre=THEATRE, compress=False)
    return path


@pytest.fixture(scope="module")
def gzip_map_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("map") / "map.html"
    write_map(_incidents(), path, title="Browser test", theatre=THEATRE, compress=True)
    return path


@pytest.fixture
def page(chromium, map_file):
    p = MapPage(chromium, map_file)
    yield p
    p.close()


def test_offline_no_errors_and_markers(page):
    assert page.blocked == []
    assert page.errors == []
    assert page.count() == f"{N_SHOWN} of {N_SHOWN + 1} incidents shown"
    assert page.represented() == N_SHOWN
    page.page.wait_for_selector(".leaflet-marker-pane .leaflet-marker-icon")


def test_compressed_payload_loads_the_same_map(chromium, gzip_map_file):
    p = MapPage(chromium, gzip_map_file)
    try:
        assert p.blocked == [] and p.errors == []
        assert p.count() == f"{N_SHOWN} of {N_SHOWN + 1} incidents shown"
        p.page.locator("#mapper-feed .mapper-feed-btn", has_text="Quoteville").click()
        p.page.locator(".leaflet-popup-content .mapper-quote").wait_for(state="visible")
        assert XSS_QUOTE in p.page.inner_text(".leaflet-popup-content")
        assert p.page.evaluate("() => window.__pwned") is None
    finally:
        p.close()


def test_filtering_a_type_hides_its_markers(page):
    page.page.get_by_role("checkbox", name="Battles").uncheck()
    page.page.wait_for_function(
        "() => document.getElementById('mapper-count').textContent"
        f".startsWith('{N_SHOWN - N_BATTLES} of')")
    types = page.page.evaluate(
        "() => mapper_incidents.cluster.getLayers().map(m => m.mapperItem.p.event_type)")
    assert len(types) == N_SHOWN - N_BATTLES and "Battles" not in types
    assert page.page.locator(".leaflet-marker-pane .mapper-t0").count() == 0
    assert page.page.inner_text("#mapper-legend .mapper-legend-n[data-t='0']") == "0"
    page.page.get_by_role("checkbox", name="Battles").check()
    page.page.wait_for_function(
        f"() => document.getElementById('mapper-count').textContent.startsWith('{N_SHOWN} of')")
    assert page.errors == []


def test_moving_the_date_slider_changes_the_count(page):
    before = page.count()
    to = page.page.locator("#mapper-date-to")
    to.focus()
    page.page.keyboard.press("ArrowLeft")
    page.page.wait_for_function(
        f"() => document.getElementById('mapper-count').textContent !== {json.dumps(before)}")
    assert page.page.inner_text("#mapper-date-to-label") == "2020-09-29"
    shown = int(page.count().split()[0])
    assert 0 < shown < N_SHOWN
    dates = page.page.evaluate(
        "() => mapper_incidents.cluster.getLayers().map(m => m.mapperItem.p.event_date)")
    assert max(dates) == "2020-09-29"


def test_feed_follows_filters_and_opens_the_popup_with_the_quote(page):
    items = page.page.locator("#mapper-feed .mapper-feed-btn")
    assert items.count() == N_SHOWN
    assert "2020-09-30" in items.first.inner_text()  # newest first
    page.page.select_option("#mapper-sort", "oldest")
    assert "2020-09-27" in items.first.inner_text()
    page.page.locator("#mapper-feed .mapper-feed-btn", has_text="Village 6").click()
    popup = page.page.locator(".leaflet-popup-content")
    popup.wait_for(state="visible")
    assert "Fighting at village 6." in popup.inner_text()
    assert "report_1.txt" in popup.inner_text()


def test_quote_with_markup_executes_nothing(page):
    page.page.locator("#mapper-feed .mapper-feed-btn", has_text="Quoteville").click()
    popup = page.page.locator(".leaflet-popup-content")
    popup.wait_for(state="visible")
    assert XSS_QUOTE in popup.inner_text()
    assert popup.locator("img, b, script").count() == 0
    assert page.page.evaluate("() => window.__pwned") is None
    assert page.errors == []


def test_clicking_a_marker_opens_a_popup(page):
    # zoom in on one incident so it is a single marker, then click its icon
    page.page.evaluate("() => mapper_incidents.map.setView([40.9, 47.9], 12, {animate: false})")
    marker = page.page.locator(".leaflet-marker-pane .leaflet-marker-icon:not(.marker-cluster)")
    marker.first.wait_for(state="attached")
    marker.first.dispatch_event("click")
    page.page.locator(".leaflet-popup-content .mapper-quote").wait_for(state="visible")
    assert "Quoteville" in page.page.inner_text(".leaflet-popup-content")


def test_legend_is_visible_and_names_types_and_status(page):
    legend = page.page.locator("#mapper-legend")
    assert legend.is_visible()
    text = legend.inner_text()
    for word in ("Battles", "Reported as fact", "Claim", "Disputed claim", "Theatre line"):
        assert word in text


def test_background_layer_is_off_by_default_and_can_be_shown(page):
    box = page.page.get_by_role("checkbox", name="Background (historical mentions)")
    assert not box.is_checked()
    box.check()
    page.page.wait_for_function(
        f"() => document.getElementById('mapper-count').textContent.startsWith('{N_SHOWN + 1} of')")


def test_heatmap_toggle_draws_a_canvas(page):
    page.page.get_by_role("checkbox", name="Heatmap (fatalities + 1)").check()
    page.page.wait_for_selector("canvas.leaflet-heatmap-layer")
    assert page.errors == []


def test_export_saves_the_shown_incidents_as_geojson(page, tmp_path):
    with page.page.expect_download() as info:
        page.page.click("#mapper-export")
    download = info.value
    assert download.suggested_filename == "browser-test-incidents_all-dates_all-types.geojson"
    target = tmp_path / "saved.geojson"
    download.save_as(target)
    fc = json.loads(target.read_text(encoding="utf-8"))
    assert fc["type"] == "FeatureCollection" and len(fc["features"]) == N_SHOWN
    xss = next(f for f in fc["features"] if f["id"] == "xss")
    assert xss["properties"]["sources"][0]["quote"] == XSS_QUOTE
    line = next(f for f in fc["features"] if f["id"] == "line")
    assert line["geometry"]["type"] == "LineString"
    assert set(xss["properties"]) >= {"event_date", "time_precision", "claimed_by", "disputed",
                                      "background", "geo_precision", "sources"}
    tagged = next(f for f in fc["features"] if f["id"] == "b03")
    assert tagged["properties"]["analyst_tag"] == {"checked": True, "by": "<i>x</i>"}
    assert next(f for f in fc["features"] if f["id"] == "b04")["geometry"]["type"] == \
        "GeometryCollection"


def test_place_search_flies_to_a_place(page):
    page.page.fill("#mapper-search", "capitalton")
    page.page.press("#mapper-search", "Enter")
    page.page.wait_for_function(
        "() => document.getElementById('mapper-search-status').textContent === 'Capitalton'")
    page.page.fill("#mapper-search", "Atlantis")
    page.page.press("#mapper-search", "Enter")
    page.page.wait_for_function(
        "() => document.getElementById('mapper-search-status').textContent.startsWith('No place')")


def test_header_shows_title_counts_and_range(page):
    header = page.page.inner_text(".mapper-header")
    assert "Browser test" in header
    assert "6 reports" in header and "33 incidents" in header
    assert "2020-09-27 – 2020-09-30" in header and "1 background mention" in header


def test_theatre_and_attribution(page):
    assert page.page.locator(".mapper-town", has_text="Capitalton").count() == 1
    attribution = page.page.inner_text(".leaflet-control-attribution")
    assert "Natural Earth" in attribution and "GeoNames" in attribution


def test_theatre_layer_can_be_switched_off_and_on(page):
    box = page.page.get_by_role("checkbox", name="Theatre: regions, lines, towns")
    box.uncheck()
    page.page.wait_for_function("() => !document.querySelector('.mapper-town')")
    box.check()
    page.page.wait_for_selector(".mapper-town")
    assert page.errors == []


def test_town_labels_hide_when_zoomed_out(page):
    page.page.evaluate("() => mapper_incidents.map.setZoom(4, {animate: false})")
    page.page.wait_for_function(
        "() => mapper_incidents.map.getContainer().classList.contains('mapper-low-zoom')")
    assert not page.page.locator(".mapper-town").first.is_visible()


def test_small_filter_changes_keep_every_other_marker(page):
    # the diff path: one type off and on again gives back the same markers
    before = sorted(page.page.evaluate(
        "() => mapper_incidents.cluster.getLayers().map(m => m.mapperItem.p.id)"))
    box = page.page.get_by_role("checkbox", name="Violence against civilians")
    box.uncheck()
    page.page.wait_for_function(
        "() => document.getElementById('mapper-count').textContent.startsWith('22 of')")
    box.check()
    page.page.wait_for_function(
        f"() => document.getElementById('mapper-count').textContent.startsWith('{N_SHOWN} of')")
    after = sorted(page.page.evaluate(
        "() => mapper_incidents.cluster.getLayers().map(m => m.mapperItem.p.id)"))
    assert after == before


def test_online_tiles_are_offered_but_never_loaded_unless_chosen(chromium, tmp_path):
    path = write_map(_incidents(), tmp_path / "tiles.html", theatre=False,
                     tiles="OpenStreetMap.Mapnik")
    p = MapPage(chromium, path)
    try:
        assert p.blocked == [] and p.errors == []
        radio = p.page.get_by_role("radio", name="OpenStreetMap.Mapnik")
        assert not radio.is_checked()
        assert p.page.get_by_role("radio", name="Offline (no tiles)").is_checked()
        with p.page.expect_request(lambda r: "tile.openstreetmap.org" in r.url):
            radio.check()
        p.page.wait_for_function("() => document.querySelector('.leaflet-control-attribution')"
                                 ".textContent.includes('OpenStreetMap')")
        assert all("tile.openstreetmap.org" in u for u in p.blocked)
    finally:
        p.close()


def test_points_of_a_collection_are_not_drawn_as_extra_markers(page):
    assert page.page.evaluate(
        "() => mapper_incidents.items.find(i => i.p.id === 'b04').drawn") is None
    line = page.page.evaluate(
        "() => mapper_incidents.items.find(i => i.p.id === 'line').drawn.type")
    assert line == "LineString"
    n = page.page.evaluate("""() => { let n = 0; mapper_map.eachLayer(l => {
        if (l instanceof L.CircleMarker) n++; }); return n; }""")
    assert n == 0
