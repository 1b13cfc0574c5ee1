"""The map as an analyst uses it, at 1400x900 and on a 390x844 phone (issue 12, points 1-12).

Headless Debian Chromium through Playwright, network cut; every wait is on a
condition in the page, never on a clock. The incidents are our own, spread
over four continents so the map must be framed world-wide.
"""

from __future__ import annotations

import csv
import io
import json

import pytest
from conftest import MapPage

from mapper.webmap import write_map

pytestmark = pytest.mark.browser

DESKTOP, PHONE = (1400, 900), (390, 844)
SIZES = pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["desktop", "phone"])

META_NOTE = ("Armed clash at Maiduguri; by Group A; equipment: 2 trucks. Equipment: 2 trucks. "
             "Metadata date 2019-01-01 contradicted by the text (implies 2020); date uncertain.")


def _feature(fid, lon, lat, date, etype="Battles", **props):
    p = {"id": fid, "event_date": date, "time_precision": 1, "event_type": etype,
         "sub_event_type": "Armed clash", "actor1": "Group A", "actor2": None,
         "location": f"Place {fid}", "country": "Testland", "latitude": lat, "longitude": lon,
         "geo_precision": 1, "fatalities": 0, "injuries": None, "claimed_by": None,
         "disputed": False, "disputed_by": None, "background": False, "notes": f"Note {fid}.",
         "sources": [{"report": f"{fid}.txt", "quote": f"Quote about {fid}.", "start": 3,
                      "end": 20}]}
    p.update(props)
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]},
            "properties": p}


def _world() -> dict:
    feats = [
        _feature("bog", -74.08, 4.61, "2020-09-11", "Protests", location="Bogotá",
                 country="Colombia", sub_event_type="Peaceful protest", actor1="Protesters"),
        _feature("por", -122.68, 45.52, "2020-09-04", location="Portland",
                 country="United States", fatalities=1),
        _feature("gao", -0.04, 16.27, "2020-08-31", location="Gao", country="Mali",
                 time_precision=2, fatalities=4),
        _feature("irq", 44.0, 33.0, "2020-09-19", location="Iraq", country="Iraq",
                 geo_precision=3, claimed_by="Group B", actor1="Group B"),
        _feature("syd", 151.21, -33.87, "2020-09-20", "Strategic developments",
                 location="Sydney", country="Australia", sub_event_type="Other"),
        _feature("min", 27.57, 53.9, "2020-09-06", "Protests", location="Minsk",
                 country="Belarus", disputed=True, claimed_by="Group C",
                 disputed_by="Group D", actor1="Protesters"),
        _feature("old", 2.35, 48.85, "2015-01-07", location="Paris", country="France",
                 background=True),
        _feature("und", 30.52, 50.45, None, location="Kyiv", country="Ukraine"),
        {"type": "Feature", "geometry": {"type": "LineString",
                                         "coordinates": [[12.5, 11.0], [14.0, 12.2]]},
         "properties": dict(_feature("lin", 13.2, 11.6, "2020-09-28")["properties"],
                            location="Front line", country="Nigeria", geo_precision=2)},
    ]
    # three incidents told at the same place (Maiduguri), with report metadata
    for n, fatal in enumerate((12, 0, 3)):
        src = {"report": f"mai{n}.txt", "quote": f"Fighting in Maiduguri ({n}).", "start": 0,
               "end": 25, "title": f"Clashes in Borno <b>{n}</b>", "published": "2020-09-30",
               "url": f"https://news.example.org/borno/{n}"}
        feats.append(_feature(f"mai{n}", 13.157, 11.847, "2020-09-29", location="Maiduguri",
                              country="Nigeria", fatalities=fatal, sources=[src],
                              actor2="Military Forces of Nigeria" if n == 0 else None,
                              notes=META_NOTE if n == 0 else "Armed clash at Maiduguri."))
    feats[-1]["properties"]["sources"][0]["url"] = "javascript:alert(1)"
    return {"type": "FeatureCollection", "features": feats}


N_ALL = 12
N_SHOWN = 11  # all but the 2015 background mention

THEATRE = {"type": "FeatureCollection", "features": [
    {"type": "Feature", "geometry": {"type": "Point", "coordinates": [46.76, 39.76]},
     "properties": {"name": "Shusha", "kind": "settlement", "aliases": ["Shushi", "Şuşa"]}},
    {"type": "Feature", "geometry": {"type": "Point", "coordinates": [46.75, 39.82]},
     "properties": {"name": "Stepanakert", "kind": "settlement", "aliases": ["Khankendi"]}},
]}


@pytest.fixture(scope="module")
def world_map(tmp_path_factory):
    path = tmp_path_factory.mktemp("ui") / "world.html"
    write_map(_world(), path, title="World test", theatre=THEATRE)
    return path


@pytest.fixture(scope="module")
def theatre_map(tmp_path_factory):
    feats = [_feature("stp", 46.75, 39.82, "2020-09-27", location="Stepanakert",
                      country="Azerbaijan"),
             _feature("bak", 49.89, 40.38, "2020-09-28", location="Baku", country="Azerbaijan")]
    path = tmp_path_factory.mktemp("ui") / "theatre.html"
    write_map({"type": "FeatureCollection", "features": feats}, path, title="Theatre test",
              theatre=THEATRE)
    return path


@pytest.fixture
def open_map(chromium):
    pages = []

    def opener(path, size=DESKTOP):
        pages.append(MapPage(chromium, path, viewport=size))
        return pages[-1]

    yield opener
    for p in pages:
        assert p.blocked == [] and p.errors == [], (p.blocked, p.errors)
        p.close()


def _count(page) -> int:
    return int(page.count().split()[0])


def _wait_count(page, n):
    page.page.wait_for_function(
        f"() => document.getElementById('mapper-count').textContent.startsWith('{n} of')")


def _markers_in_view(page) -> list[str]:
    """Ids of shown incidents whose point is outside the map on screen."""
    return page.page.evaluate("""() => {
      const v = mapper_incidents, map = v.map, size = map.getSize(), out = [];
      v.visible.forEach(i => { const it = v.items[i];
        const p = map.latLngToContainerPoint([it.lat, it.lon]);
        if (p.x < 0 || p.y < 0 || p.x > size.x || p.y > size.y) out.push(it.p.id); });
      return out; }""")


def _rect(page, selector):
    return page.page.evaluate(f"""() => {{ const e = document.querySelector({json.dumps(selector)});
      if (!e) return null; const r = e.getBoundingClientRect();
      return [r.left, r.top, r.right, r.bottom]; }}""")


def _popup_clear(page) -> dict:
    """Where the open popup is: inside the map? Over which controls?"""
    return page.page.evaluate("""() => {
      const p = document.querySelector('.leaflet-popup'); if (!p) return null;
      const r = p.getBoundingClientRect(), m = mapper_map.getContainer().getBoundingClientRect();
      const hit = [...document.querySelectorAll('.leaflet-control')].filter(c => {
        const q = c.getBoundingClientRect();
        return q.width > 0 && r.left < q.right && r.right > q.left && r.top < q.bottom &&
               r.bottom > q.top;
      }).map(c => c.className);
      const close = p.querySelector('.leaflet-popup-close-button').getBoundingClientRect();
      return {inside: r.left >= m.left - 1 && r.right <= m.right + 1 && r.top >= m.top - 1 &&
                      r.bottom <= m.bottom + 1,
              close_inside: close.right <= innerWidth && close.top >= 0, covers: hit}; }""")


def _open_from_list(page, text, size):
    if size == PHONE:
        page.page.click("#mapper-sheet-handle")
    page.page.locator("#mapper-feed .mapper-feed-btn", has_text=text).first.click()
    page.page.locator(".leaflet-popup-content .mapper-popup").wait_for(state="visible")
    page.page.wait_for_function("() => !mapper_map._animatingZoom && !(mapper_map._panAnim && "
                                "mapper_map._panAnim._inProgress)")
    return page.page.inner_text(".leaflet-popup-content")


# 1. framing -----------------------------------------------------------------------------


@SIZES
def test_1_world_wide_incidents_open_framed_and_zoom_out_works(open_map, world_map, size):
    page = open_map(world_map, size)
    assert page.count() == f"{N_SHOWN} of {N_ALL} incidents shown"
    assert _markers_in_view(page) == []
    zoom_out = page.page.locator(".leaflet-control-zoom-out")
    assert "leaflet-disabled" not in (zoom_out.get_attribute("class") or "")


@SIZES
def test_1_fit_to_shown_after_filtering(open_map, world_map, size):
    page = open_map(world_map, size)
    before = page.page.evaluate("() => mapper_map.getZoom()")
    page.page.evaluate("() => mapper_incidents.setFilter({country: 'Nigeria'})")
    _wait_count(page, 4)
    page.page.click(".mapper-fit-btn")
    page.page.wait_for_function(f"() => mapper_map.getZoom() > {before} + 2")
    assert _markers_in_view(page) == []


# 2. the theatre overlay only where the incidents are --------------------------------------


def test_2_overlay_absent_outside_its_theatre(open_map, world_map):
    page = open_map(world_map)
    assert page.page.locator(".mapper-town").count() == 0
    assert page.page.get_by_role("checkbox", name="Theatre: regions, lines, towns").count() == 0
    page.page.fill("#mapper-search", "Shushi")
    page.page.press("#mapper-search", "Enter")
    page.page.wait_for_function(
        "() => document.getElementById('mapper-search-status').textContent.startsWith('No place')")


@SIZES
def test_2_overlay_drawn_and_searchable_in_its_theatre(open_map, theatre_map, size):
    page = open_map(theatre_map, size)
    assert page.page.get_by_role("checkbox", name="Theatre: regions, lines, towns").count() == 1
    for query, name in (("Khankendi", "Stepanakert"), ("shushi", "Shusha"), ("Şuşa", "Shusha"),
                        ("susa", "Shusha")):
        page.page.fill("#mapper-search", query)
        page.page.press("#mapper-search", "Enter")
        page.page.wait_for_function(
            f"() => document.getElementById('mapper-search-status').textContent === '{name}'")


# 3. phone layout and popups clear of the controls -------------------------------------------


def test_3_phone_legend_folded_sheet_and_attribution_clear(open_map, world_map):
    page = open_map(world_map, PHONE)
    assert page.page.evaluate("() => document.getElementById('mapper-legend').open") is False
    # the list is a bottom sheet: only its handle shows until it is opened
    feed = page.page.locator("#mapper-feed")
    assert not feed.is_visible() or _rect(page, "#mapper-feed")[1] >= 844
    handle = _rect(page, "#mapper-sheet-handle")
    assert handle[3] <= 844 and handle[1] >= 844 - 60
    page.page.click("#mapper-sheet-handle")
    page.page.wait_for_function("() => document.documentElement.classList.contains("
                                "'mapper-sheet-open')")
    page.page.wait_for_function("""() => { const r = document.querySelector(
        '#mapper-layers').getBoundingClientRect();
        return r.top < 400 && r.top > 0; }""")
    page.page.locator("#mapper-feed .mapper-feed-btn").first.scroll_into_view_if_needed()
    assert page.page.locator("#mapper-feed .mapper-feed-btn").first.is_visible()
    scale, attribution = _rect(page, ".leaflet-control-scale"), _rect(page,
                                                                       ".leaflet-control-attribution")
    assert scale[2] <= attribution[0] or scale[3] <= attribution[1]  # side by side, or above


@SIZES
def test_3_popups_inside_the_map_and_not_under_controls(open_map, world_map, size):
    page = open_map(world_map, size)
    for text in ("Portland", "Sydney", "Bogotá"):
        _open_from_list(page, text, size)
        where = _popup_clear(page)
        assert where["inside"] and where["close_inside"], (text, where)
        assert where["covers"] == [], (text, where)
        page.page.evaluate("() => mapper_map.closePopup()")


# 4. fly-to ------------------------------------------------------------------------------------


@SIZES
def test_4_list_click_frames_a_point_at_a_zoom_that_shows_its_surroundings(open_map, world_map,
                                                                              size):
    page = open_map(world_map, size)
    _open_from_list(page, "Portland", size)
    zoom, centre = page.page.evaluate(
        "() => [mapper_map.getZoom(), [mapper_map.getCenter().lat, mapper_map.getCenter().lng]]")
    assert 9 <= zoom <= 12
    assert abs(centre[0] - 45.52) < 1 and abs(centre[1] + 122.68) < 1


@SIZES
def test_4_lines_by_their_bounds_and_shared_places_spread(open_map, world_map, size):
    page = open_map(world_map, size)
    _open_from_list(page, "Front line", size)
    inside = page.page.evaluate("""() => {
        const it = mapper_incidents.items.find(i => i.p.id === 'lin');
        return [mapper_map.getBounds().contains(it.shape.getBounds()), mapper_map.getZoom()]; }""")
    assert inside[0] and 6 <= inside[1] <= 12
    page.page.evaluate("() => mapper_map.closePopup()")
    _open_from_list(page, "Maiduguri", size)
    zoom = page.page.evaluate("() => mapper_map.getZoom()")
    assert zoom < 13  # spread around their place, not zoomed to the street level
    assert page.page.locator(".leaflet-marker-icon.mapper-mk").count() >= 3


# 5. the basemap -----------------------------------------------------------------------------


def _land_at(page, lat, lon) -> bool:
    """Is the basemap canvas land-coloured at this place (not sea)? (A border line beside
    the point is allowed for: most of its 5x5 pixels must be land.)"""
    return page.page.evaluate(f"""() => {{
      const c = document.querySelector('.leaflet-mapperBase-pane canvas');
      const pt = mapper_map.latLngToContainerPoint([{lat}, {lon}]);
      const box = c.getBoundingClientRect(), m = mapper_map.getContainer().getBoundingClientRect();
      const x = Math.round((pt.x + m.left - box.left) * c.width / box.width);
      const y = Math.round((pt.y + m.top - box.top) * c.height / box.height);
      const d = c.getContext('2d').getImageData(x - 2, y - 2, 5, 5).data;
      let land = 0;
      for (let k = 0; k < d.length; k += 4) {{
        if (d[k] > 235 && d[k + 1] > 230 && d[k + 2] < 240) land++; }}
      return land >= 13; }}""")


def test_5_no_sea_bands_across_africa_and_labels_follow_the_zoom(open_map, world_map):
    page = open_map(world_map)
    page.page.evaluate("() => mapper_map.setView([0, 20], 3, {animate: false})")
    page.page.wait_for_selector(".mapper-label-country")
    for lat, lon in ((-16.5, 18.0), (-17.0, 24.0), (-17.5, 37.0), (-12.0, 18.0), (68.0, 60.0),
                     (70.0, 100.0), (10.0, 8.0)):
        assert _land_at(page, lat, lon), (lat, lon)
    assert not _land_at(page, -20.0, -20.0)  # the Atlantic stays sea
    countries = page.page.locator(".mapper-label-country").all_inner_texts()
    assert "Nigeria" in countries or "NIGERIA" in [c.upper() for c in countries]
    # near the incidents, from the detail zoom on: 1:10m outlines, province lines, towns
    page.page.evaluate("() => mapper_map.setView([11.85, 13.16], 7, {animate: false})")
    page.page.wait_for_function("() => [...document.querySelectorAll('.mapper-label')]"
                                ".some(e => e.textContent === 'Maiduguri')")
    layers = page.page.evaluate("() => mapper_basemap.getLayers().length")
    assert layers >= 6
    assert len(page.page.locator(".mapper-label").all()) <= 220


# 6. heatmap -----------------------------------------------------------------------------------


def test_6_heatmap_weighted_by_fatalities_with_a_scale(open_map, world_map):
    page = open_map(world_map)
    page.page.get_by_role("checkbox", name="Heatmap (fatalities + 1)").check()
    page.page.wait_for_selector("canvas.leaflet-heatmap-layer")
    weights = page.page.evaluate("() => mapper_incidents._heatPoints().map(p => p[2])")
    assert sorted(weights)[-1] == 13 and min(weights) == 1
    assert page.page.locator("#mapper-heat-legend").is_visible()
    first = page.page.inner_text("#mapper-heat-max")
    page.page.evaluate("() => mapper_map.setView([11.85, 13.16], 9, {animate: false})")
    page.page.wait_for_function(f"() => document.getElementById('mapper-heat-max').textContent "
                                f"!== {json.dumps(first)}")
    assert "km" in page.page.inner_text("#mapper-heat-note")


# 7. search ------------------------------------------------------------------------------------


@SIZES
def test_7_search_ignores_case_and_accents_and_knows_the_gazetteer(open_map, world_map, size):
    page = open_map(world_map, size)
    if size == PHONE:
        page.page.click("#mapper-sheet-handle")
    for query, expected in (("bogota", "Bogotá"), ("BOGOTÁ", "Bogotá"), ("Kabul", "Kabul"),
                            ("gao", "Gao")):
        page.page.fill("#mapper-search", query)
        page.page.wait_for_function(
            "() => { const h = document.querySelector('#mapper-search-results .mapper-search-hit');"
            f" return h && h.textContent.startsWith({json.dumps(expected)}); }}")
    page.page.press("#mapper-search", "Enter")
    page.page.wait_for_function("() => mapper_map.getZoom() >= 9")


# 8. time ----------------------------------------------------------------------------------------


@SIZES
def test_8_one_slider_on_a_time_axis_with_a_histogram(open_map, world_map, size):
    page = open_map(world_map, size)
    if size == PHONE:
        page.page.click("#mapper-sheet-handle")
    # 2020-08-31 .. 2020-09-29: 30 days, one bar a day, bars where incidents are
    assert page.page.locator("#mapper-hist .mapper-bar").count() == 30
    heights = page.page.evaluate("() => [...document.querySelectorAll('#mapper-hist .mapper-bar')]"
                                 ".map(b => parseFloat(b.style.height) || 0)")
    assert heights[0] > 0 and heights[-1] == 100 and heights[1] == 0  # Maiduguri: 3 that day
    to = page.page.locator("#mapper-date-to")
    to.focus()
    for _ in range(10):
        page.page.keyboard.press("ArrowLeft")
    page.page.wait_for_function("() => document.getElementById('mapper-date-to-label')"
                                ".textContent === '2020-09-19'")
    # shown: 08-31, 09-04, 09-06, 09-11, 09-19 and the undated one
    _wait_count(page, 6)
    fill = _rect(page, "#mapper-range-fill")
    track = _rect(page, ".mapper-range-track")
    assert fill[0] == pytest.approx(track[0], abs=2) and fill[2] < track[2] - 20
    page.page.uncheck("#mapper-undated")
    _wait_count(page, 5)
    assert "undated off 1" in page.page.inner_text("#mapper-why")


def test_8_empty_result_says_which_filter_hides_what_and_play_steps(open_map, world_map):
    page = open_map(world_map)
    page.page.fill("#mapper-fatal", "100")
    _wait_count(page, 0)
    empty = page.page.inner_text("#mapper-feed-empty")
    assert "fatalities hides 12" in empty
    page.page.locator("#mapper-feed-empty button").click()
    _wait_count(page, N_SHOWN)
    page.page.click("#mapper-play")
    page.page.wait_for_function("() => document.getElementById('mapper-date-from-label')"
                                ".textContent >= '2020-09-02'")
    page.page.click("#mapper-play")


def test_8_one_date_has_no_slider(open_map, tmp_path):
    fc = {"type": "FeatureCollection", "features": [
        _feature("a", 13.1, 11.8, "2020-09-29"), _feature("b", 13.2, 11.9, "2020-09-29")]}
    page = open_map(write_map(fc, tmp_path / "one.html", theatre=False))
    assert page.page.locator("#mapper-date-from").count() == 0
    assert "All dated incidents are from 2020-09-29" in page.page.inner_text("#mapper-time")


# 9. more filters, list order and selection ------------------------------------------------------


def test_9_status_actor_fatalities_and_country_filters(open_map, world_map):
    page = open_map(world_map)
    page.page.locator("input[data-status='claim']").uncheck()
    _wait_count(page, N_SHOWN - 1)  # Iraq is a claim (Minsk is disputed)
    page.page.locator("input[data-status='claim']").check()
    page.page.fill("#mapper-actor", "military forces of nig")
    _wait_count(page, 1)
    page.page.fill("#mapper-actor", "")
    page.page.fill("#mapper-fatal", "3")
    _wait_count(page, 3)  # 12, 4 and 3 killed
    page.page.fill("#mapper-fatal", "0")
    page.page.select_option("#mapper-country", "Nigeria")
    _wait_count(page, 4)
    page.page.click("#mapper-reset")
    _wait_count(page, N_SHOWN)


def test_9_marker_click_highlights_its_list_entry_and_list_order(open_map, world_map):
    page = open_map(world_map)
    assert "2020-09-29" in page.page.locator("#mapper-feed .mapper-feed-btn").first.inner_text()
    page.page.select_option("#mapper-sort", "oldest")
    assert "2020-08-31" in page.page.locator("#mapper-feed .mapper-feed-btn").first.inner_text()
    page.page.evaluate("() => mapper_map.setView([-33.87, 151.21], 10, {animate: false})")
    marker = page.page.locator(".leaflet-marker-icon.mapper-mk")
    marker.first.wait_for()
    marker.first.dispatch_event("click")
    page.page.wait_for_selector("#mapper-feed .mapper-selected")
    assert "Sydney" in page.page.inner_text("#mapper-feed .mapper-selected")


# 10. one count everywhere; popups for people ----------------------------------------------------


@SIZES
def test_10_counts_agree_in_layers_legend_header_and_markers(open_map, world_map, size):
    page = open_map(world_map, size)
    layer = page.page.inner_text(".mapper-type-n[data-t='0']")
    legend = page.page.evaluate("() => document.querySelector(\".mapper-legend-n[data-t='0']\")"
                                ".textContent")
    markers = page.page.evaluate("() => mapper_incidents.cluster.getLayers()"
                                 ".filter(m => m.mapperItem.p.event_type === 'Battles').length")
    assert int(layer) == int(legend) == markers == 8
    assert _count(page) == page.represented() == N_SHOWN
    if size == PHONE:
        page.page.click("#mapper-sheet-handle")
    page.page.get_by_role("checkbox", name="Background (historical mentions)").check()
    page.page.wait_for_function("() => document.querySelector(\".mapper-legend-n[data-t='0']\")"
                                ".textContent === '9'")
    assert page.page.inner_text(".mapper-type-n[data-t='0']") == "9"


def test_10_popups_written_for_people(open_map, world_map):
    page = open_map(world_map)
    text = _open_from_list(page, "Iraq", DESKTOP)
    assert "Iraq, Iraq" not in text and "Place\nIraq" in text
    page.page.evaluate("() => mapper_map.closePopup()")
    text = _open_from_list(page, "Gao", DESKTOP)
    assert "± a week" in text
    page.page.evaluate("() => mapper_map.closePopup()")
    page.page.evaluate("() => mapper_incidents.focus(mapper_incidents.items.findIndex("
                       "i => i.p.id === 'mai0'))")
    page.page.wait_for_function("() => document.querySelector('.leaflet-popup-content') && "
                                "document.querySelector('.leaflet-popup-content')"
                                ".textContent.includes('Fighting in Maiduguri (0)')")
    popup = page.page.locator(".leaflet-popup-content")
    text = popup.inner_text()
    assert text.lower().count("equipment: 2 trucks") == 1
    assert "Metadata date" not in text and "date uncertain" in text
    link = popup.locator("a", has_text="Clashes in Borno <b>0</b>")
    assert link.get_attribute("href") == "https://news.example.org/borno/0"
    assert link.get_attribute("rel") == "noopener noreferrer"
    assert popup.locator("b").count() == 0
    assert "2020-09-30" in text
    details = popup.locator("details.mapper-details")
    assert details.get_attribute("open") is None
    assert not popup.locator("text=mai0.txt [0–25]").is_visible()
    details.locator("summary").click()
    assert popup.locator("text=mai0.txt [0–25]").is_visible()
    assert "Metadata date 2019-01-01 contradicted" in details.inner_text()


def test_10_a_link_that_is_not_a_web_address_is_not_followed(open_map, world_map):
    page = open_map(world_map)
    page.page.evaluate("() => mapper_incidents.focus(mapper_incidents.items.findIndex("
                       "i => i.p.id === 'mai2'))")
    page.page.wait_for_function("() => document.querySelector('.leaflet-popup-content') && "
                                "document.querySelector('.leaflet-popup-content')"
                                ".textContent.includes('Fighting in Maiduguri (2)')")
    assert page.page.locator(".leaflet-popup-content a").count() == 0


# 11. export -------------------------------------------------------------------------------------


def test_11_export_keeps_every_column_and_names_the_filter(open_map, world_map, tmp_path):
    page = open_map(world_map)
    columns = list(_world()["features"][0]["properties"])
    page.page.get_by_role("checkbox", name="Protests").uncheck()
    _wait_count(page, N_SHOWN - 2)
    with page.page.expect_download() as info:
        page.page.click("#mapper-export")
    name = info.value.suggested_filename
    assert name == "world-test-incidents_all-dates_battles+strategic-developments.geojson"
    target = tmp_path / "shown.geojson"
    info.value.save_as(target)
    fc = json.loads(target.read_text(encoding="utf-8"))
    assert len(fc["features"]) == N_SHOWN - 2
    assert fc["mapper_filter"]["types"] == ["Battles", "Strategic developments"]
    for feat in fc["features"]:
        assert list(feat["properties"]) == columns
    gao = next(f for f in fc["features"] if f["id"] == "gao")["properties"]
    assert (gao["latitude"], gao["longitude"]) == (16.27, -0.04)
    mai = next(f for f in fc["features"] if f["id"] == "mai0")["properties"]
    assert mai["sources"][0]["url"] == "https://news.example.org/borno/0"
    with page.page.expect_download() as info:
        page.page.click("#mapper-export-csv")
    assert info.value.suggested_filename.endswith(".csv")
    rows = list(csv.DictReader(io.StringIO(open(info.value.path(), encoding="utf-8").read())))
    assert list(rows[0]) == columns and len(rows) == N_SHOWN - 2
    assert json.loads(next(r for r in rows if r["id"] == "mai0")["sources"])[0]["report"] == \
        "mai0.txt"


# 12. online tiles ---------------------------------------------------------------------------------


def test_12_tiles_that_cannot_load_say_so_and_the_outlines_stay(chromium, tmp_path):
    path = write_map(_world(), tmp_path / "tiles.html", theatre=False,
                     tiles="OpenStreetMap.Mapnik")
    page = MapPage(chromium, path, viewport=DESKTOP)
    try:
        assert page.page.get_by_role("checkbox", name="Offline basemap (Natural Earth, GeoNames)") \
            .is_checked()
        page.page.get_by_role("radio", name="OpenStreetMap.Mapnik").check()
        page.page.wait_for_selector(".mapper-notice:not([hidden])")
        assert "could not load" in page.page.inner_text(".mapper-notice")
        assert page.page.get_by_role("checkbox", name="Offline basemap (Natural Earth, GeoNames)") \
            .is_checked()
        page.page.evaluate("() => mapper_map.setView([0, 20], 3, {animate: false})")
        page.page.wait_for_function("() => mapper_basemap.getLayers().length >= 3")
        assert _land_at(page, -17.0, 17.5)  # land is filled again
        assert all("openstreetmap" in u for u in page.blocked)
    finally:
        page.close()
