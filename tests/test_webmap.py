"""Tests for mapper/webmap: the offline HTML map, rendered without a browser."""

from __future__ import annotations

import base64
import gzip
import json
import random
import re
from dataclasses import dataclass, field

import pytest

from mapper.webmap import build_map, write_map
from mapper.webmap.assets import Asset, core_assets
from mapper.webmap.basemap import decode_topology, load_theatre
from mapper.webmap.data import encode, representative_point, to_features
from mapper.webmap.layers import stable_id, tile_layers, type_colors

XSS_QUOTE = ('Officials said <img src=x onerror="window.__pwned=1"> and then '
             '</script><script>window.__pwned=2</script> `${window.__pwned=3}`')


def feature(i, *, etype="Battles", date="2020-09-27", geom=None, **props):
    p = {"id": f"t{i}", "event_date": date, "time_precision": 1, "event_type": etype,
         "sub_event_type": "Armed clash", "actor1": "Military Forces of A", "actor2": None,
         "location": f"Place {i}", "country": "Testland", "geo_precision": 1,
         "fatalities": i, "injuries": None, "claimed_by": None, "disputed": False,
         "disputed_by": None, "background": False, "notes": f"note {i}",
         "sources": [{"report": f"r{i}.txt", "quote": f"quote {i}", "start": 0, "end": 7}]}
    p.update(props)
    return {"type": "Feature",
            "geometry": geom or {"type": "Point", "coordinates": [46.0 + i * 0.01, 40.0]},
            "properties": p}


def collection(features):
    return {"type": "FeatureCollection", "features": features}


@pytest.fixture
def sample():
    return collection([
        feature(1),
        feature(2, etype="Explosions/Remote violence", date="2020-09-28", claimed_by="Side A MoD",
                disputed=True, disputed_by="Side B MoD",
                sources=[{"report": "x.txt", "quote": XSS_QUOTE, "start": 5, "end": 99}]),
        feature(3, geom={"type": "LineString", "coordinates": [[46.0, 39.9], [46.3, 40.1]]},
                geo_precision=2),
        feature(4, etype="Strategic developments", date="1994-05-12", background=True),
        feature(5, geom={"type": "Polygon", "coordinates": [[[46, 40], [46.2, 40], [46.2, 40.2],
                                                              [46, 40]]]}),
    ])


def render(incidents, **kw):
    kw.setdefault("theatre", False)
    return build_map(incidents, **kw).get_root().render()


def test_same_input_gives_identical_bytes(tmp_path, sample):
    a = write_map(sample, tmp_path / "a.html", title="T").read_bytes()
    b = write_map(sample, tmp_path / "b.html", title="T").read_bytes()
    assert a == b


def test_input_order_does_not_change_the_file(sample):
    shuffled = collection(list(reversed(sample["features"])))
    assert render(sample) == render(shuffled)


def test_no_random_folium_ids_leak(sample):
    html = render(sample, tiles="OpenStreetMap.Mapnik")
    assert not re.search(r"_[0-9a-f]{32}\b", html)


def test_everything_is_inline(sample):
    html = render(sample)
    assert "<script src" not in html
    assert '<link rel="stylesheet"' not in html
    assert not re.search(r"url\(\s*(?!['\"]?(?:data:|#))", html.replace("url()", ""))
    assert not re.search(r"(https?:)?//[a-z0-9.-]*(cdn|unpkg|jsdelivr|cloudflare)", html)
    assert "tile.openstreetmap" not in html


def test_report_text_never_appears_as_markup(sample):
    html = render(sample)
    assert "<img src=x" not in html
    assert "</script><script>window.__pwned" not in html
    # the quote is there, escaped inside the JSON payload
    assert "\\u003cimg src=x onerror" in html


def test_compressed_payload_holds_the_same_rows(sample):
    html = render(sample, compress=True)
    blob = re.search(r'\{"gzip":"([A-Za-z0-9+/=]+)"\}', html).group(1)
    payload = json.loads(gzip.decompress(base64.b64decode(blob)))
    assert len(payload["rows"]) == 5
    assert XSS_QUOTE in payload["strings"]


def test_title_is_escaped():
    html = render([], title="<script>alert(1)</script>")
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_online_tiles_only_when_asked(sample):
    html = render(sample)
    assert "L.tileLayer" not in html and "openstreetmap" not in html
    html = render(sample, tiles="OpenStreetMap.Mapnik")
    assert "tile.openstreetmap.org" in html
    assert '"OpenStreetMap.Mapnik"' in html  # listed in the layer control


def test_unknown_tiles_are_refused_with_a_mapper_error():
    from mapper.errors import MapperError

    with pytest.raises(ValueError, match="unknown tile provider"):
        tile_layers("Nope.Nothing")
    with pytest.raises(MapperError, match="OpenStreetMap.Mapnik"):
        build_map([], tiles=["OpenStreetMap.Mapnik", "Nope.Nothing"])


def test_layer_control_lists_types_background_and_heat(sample):
    html = render(sample)
    control = html[html.index("var mapper_layers_layers"):]
    for name in ("Battles", "Explosions/Remote violence", "Strategic developments",
                 "Background (historical mentions)", "Heatmap (fatalities + 1)"):
        assert name in control
    assert "mapper_background.addTo" not in html  # off by default
    assert "mapper_heat.addTo" not in html
    assert "mapper_type_0.addTo" in html


def test_type_names_from_data_are_escaped_in_the_layer_control():
    html = render(collection([feature(1, etype="<b onmouseover=x>")]))
    assert "<b onmouseover" not in html


def test_header_counts_reports_and_dates(sample):
    html = render(sample)
    assert "5 reports" in html
    assert "5 incidents" in html
    # the range is the current incidents'; the 1994 mention is counted apart
    assert "2020-09-27 – 2020-09-28" in html and "1994-05-12 –" not in html
    assert "1 background mention (historical)" in html
    assert "3 reports" in render(sample, report_count=3)


def test_layer_counts_start_equal_to_the_legend(sample):
    html = render(sample)
    # Battles: 3 current (t1, t3, t5); the background one is not shown when the map opens
    assert 'class=\\"mapper-type-n\\" data-t=\\"0\\"\\u003e3\\u003c' in html  # JSON-escaped
    assert 'class="mapper-legend-n" data-t="0">3</span>' in html


def test_one_date_gives_no_slider_and_undated_are_counted():
    one = collection([feature(1), feature(2), feature(3, date=None)])
    html = render(one)
    assert 'id="mapper-date-from"' not in html
    assert "All dated incidents are from 2020-09-27" in html
    assert "Show undated incidents (1)" in html
    two = collection([feature(1), feature(2, date="2020-10-07")])
    html = render(two)
    assert 'id="mapper-date-from"' in html and 'max="10"' in html


def test_filter_choices_are_escaped_and_counted():
    html = render(collection([feature(1, actor1="<i>Side</i> A", country="Land <b>"),
                              feature(2, actor1="<i>Side</i> A", country="Other")]))
    assert "<i>Side</i>" not in html and "&lt;i&gt;Side&lt;/i&gt; A" in html
    assert "Land &lt;b&gt; (1)" in html


def test_export_columns_follow_the_input_and_keep_latitude_longitude():
    f = feature(1)
    f["properties"] = {"id": "a", "latitude": 40.0, "longitude": 46.01, "event_type": "Battles",
                       "extra_col": 1, "sources": []}
    payload = encode([f])
    assert payload["export_columns"] == ["id", "latitude", "longitude", "event_type",
                                         "extra_col", "sources"]
    # the map's own point is the same: nothing is stored twice
    assert payload["rows"][0][-1] == {"extra_col": 1}
    g = feature(2, latitude=39.0, longitude=45.0)  # an export point off the geometry is kept
    assert encode([g])["rows"][0][-1] == {"latitude": 39.0, "longitude": 45.0}
    assert encode([feature(3)])["export_columns"][9:11] == ["latitude", "longitude"]


def test_report_title_date_and_url_reach_the_payload():
    src = {"report": "r.txt", "quote": "q", "start": 0, "end": 1, "title": "A <b>title</b>",
           "published": "2020-09-28", "url": "https://example.org/a"}
    payload = encode([feature(1, sources=[src])])
    strings = payload["strings"]
    report, title, published, url = payload["reports"][0]
    assert (strings[report], strings[title], strings[published], strings[url]) == \
        ("r.txt", "A <b>title</b>", "2020-09-28", "https://example.org/a")
    assert "A <b>title" not in render(collection([feature(1, sources=[src])]))


def test_basemap_layers_and_detail_boxes():
    from mapper.webmap.basemap import basemap, detail_boxes
    from mapper.webmap.polyline import decode

    boxes = detail_boxes([(46.7, 39.8, 46.7, 39.8)])
    assert boxes == ((43.0, 36.0, 50.0, 43.0),)
    layers = basemap(boxes)
    assert layers["detail_zoom"] == 6 and layers["boxes"] == [[43.0, 36.0, 50.0, 43.0]]
    world, detail = layers["world"], layers["detail"]
    assert world["rivers"] and world["lakes"] and detail["admin1"] and detail["borders"]
    # every 1:10m line lies inside the box; every 1:50m line outside it keeps out of it
    for line in detail["admin1"] + detail["borders"]:
        for lon, lat in decode(line, 3):
            assert 43.0 <= lon <= 50.0 and 36.0 <= lat <= 43.0
    inside = [pt for line in world["borders_out"] for pt in decode(line, 2)
              if 43.01 < pt[0] < 49.99 and 36.01 < pt[1] < 42.99]
    assert inside == []


def test_no_land_ring_jumps_across_the_antimeridian():
    from mapper.webmap.basemap import basemap
    from mapper.webmap.polyline import decode

    for poly in basemap(())["world"]["land_out"]:
        for ring in poly:
            pts = decode(ring, 2)
            # only along a pole (Antarctica's closing edge) may a ring run the world's width
            assert all(abs(a[0] - b[0]) < 180 or min(abs(a[1]), abs(b[1])) > 84
                       for a, b in zip(pts, pts[1:], strict=False))


def test_labels_rank_countries_capitals_and_towns():
    from mapper.webmap.places import place_table

    table = place_table([(43.0, 36.0, 50.0, 43.0)], ["Azerbaijan"])
    kinds = [p[4] for p in table["places"]]
    assert kinds == sorted(kinds)  # countries, then capitals, then towns
    names = {p[0]: p for p in table["places"]}
    assert names["Kabul"][3] == 4  # a capital anywhere, labelled from zoom 4
    assert table["countries"][names["Baku"][5]] == "Azerbaijan"
    small = [p for p in table["places"] if p[4] == 2 and p[3] == 10]
    assert small and all(4300 <= p[2] <= 5000 and 3600 <= p[1] <= 4300 for p in small)


def test_theatre_towns_are_not_labelled_twice(sample):
    theatre = collection([
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [46.36, 40.68]},
         "properties": {"name": "Ganja", "kind": "settlement"}}])
    html = render(collection([feature(1, geom={"type": "Point", "coordinates": [46.3, 40.6]})]),
                  theatre=theatre)
    # the basemap labels Ganja until the overlay's own label takes over, at zoom 8
    assert re.search(r'\["Ganja",\d+,\d+,\d+,\d+,\d+,8\]', html)


def test_theatre_overlay_from_dict_and_absent(sample):
    theatre = collection([
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [46.7, 39.8]},
         "properties": {"name": "Townville", "kind": "settlement", "aliases": ["x"]}},
        {"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[46, 39], [47, 40]]},
         "properties": {"name": "Front line", "kind": "line"}},
    ])
    html = render(sample, theatre=theatre)
    assert "Townville" in html and "Mapper.theatre" in html
    assert '"aliases":["x"]' in html  # searchable by its other names
    assert "Mapper.theatre" not in render(sample, theatre=False)


def test_theatre_overlay_only_where_the_incidents_are(sample):
    theatre = collection([
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [46.2, 40.1]},
         "properties": {"name": "Townville", "kind": "settlement"}}])
    far = collection([feature(1, geom={"type": "Point", "coordinates": [-74.08, 4.61]})])
    assert "Mapper.theatre" in render(sample, theatre=theatre)
    assert "Mapper.theatre" not in render(far, theatre=theatre)
    # a bbox member is the overlay's extent
    wide = dict(theatre, bbox=[-80, 0, 50, 45])
    assert "Mapper.theatre" in render(far, theatre=wide)


def test_load_theatre_copes_with_missing_and_bad_files(tmp_path):
    assert load_theatre(tmp_path / "none.geojson") is None
    bad = tmp_path / "bad.geojson"
    bad.write_text("{not json", encoding="utf-8")
    assert load_theatre(bad) is None
    bad.write_text('{"type": "Feature"}', encoding="utf-8")
    assert load_theatre(bad) is None


def test_attribution_names_every_source(sample):
    html = render(sample, theatre=False)
    assert "Natural Earth" in html
    assert "GeoNames" in html


def test_geodataframe_and_feature_collection_give_the_same_payload(sample):
    geopandas = pytest.importorskip("geopandas")
    gdf = geopandas.GeoDataFrame.from_features(sample["features"], crs="EPSG:4326")
    assert encode(to_features(gdf)) == encode(to_features(sample))


def test_geodataframe_in_another_crs_is_reprojected(sample):
    geopandas = pytest.importorskip("geopandas")
    gdf = geopandas.GeoDataFrame.from_features(sample["features"][:1], crs="EPSG:4326")
    rows = encode(to_features(gdf.to_crs(3857)))["rows"]
    assert rows[0][17:19] == pytest.approx([40.0, 46.01], abs=1e-4)


@dataclass(frozen=True)
class Src:
    report: str
    quote: str
    start: int
    end: int


@dataclass(frozen=True)
class Inc:
    id: str
    event_date: str | None
    event_type: str
    lat: float | None
    lon: float | None
    geometry: dict | None = None
    time_precision: int = 1
    sub_event_type: str = "Other"
    actor1: str | None = None
    actor2: str | None = None
    location: str | None = "Somewhere"
    country: str | None = None
    geo_precision: int = 1
    fatalities: int | None = None
    injuries: int | None = None
    claimed_by: str | None = None
    disputed: bool = False
    disputed_by: str | None = None
    background: bool = False
    notes: str = ""
    sources: tuple = field(default_factory=tuple)


def test_header_says_how_many_incidents_have_no_place():
    fc = collection([feature(1), {"type": "Feature", "geometry": None,
                                  "properties": {"id": "nowhere", "event_type": "Battles"}}])
    assert "1 without a place (not on the map)" in render(fc)
    assert "without a place" not in render(collection([feature(1)]))


def test_incident_records_are_accepted_duck_typed():
    incs = [Inc("a", "2020-09-27", "Battles", 39.8, 46.7, sources=(Src("r.txt", "q", 0, 1),)),
            Inc("b", None, "Battles", None, None)]
    payload = encode(to_features(incs))
    assert len(payload["rows"]) == 1 and payload["unmapped"] == 1
    assert "r.txt" in payload["strings"]
    assert "1 report" in render(incs)


def test_nan_and_numpy_values_become_json():
    np = pytest.importorskip("numpy")
    f = feature(1, fatalities=np.int64(3), injuries=float("nan"))
    row = encode([f])["rows"][0]
    assert row[10] == 3 and row[11] is None


def test_representative_points():
    assert representative_point({"type": "Point", "coordinates": [1.0, 2.0]}) == (2.0, 1.0)
    lat, lon = representative_point({"type": "Polygon", "coordinates": [[[0, 0], [2, 0], [2, 2],
                                                                         [0, 2], [0, 0]]]})
    assert 0 < lat < 2 and 0 < lon < 2
    assert representative_point({"type": "Polygon", "coordinates": []}) is None


def test_rows_sorted_by_date_then_id_with_undated_last():
    feats = [feature(3, date=None), feature(2, date="2020-09-28"), feature(1, date="2020-09-28"),
             feature(4, date="2020-09-27")]
    random.Random(1).shuffle(feats)
    p = encode(feats)
    ids = [p["strings"][r[0]] for r in p["rows"]]
    assert ids == ["t4", "t1", "t2", "t3"]


def test_bad_input_type_is_refused():
    with pytest.raises(TypeError, match="GeoDataFrame"):
        build_map("incidents.geojson")


def test_asset_cannot_close_its_tag():
    assert "</script" not in Asset("x", "js", "a='</SCRIPT>'").text.lower()
    assert "</style" not in Asset("x", "css", "/* </style> */").text.lower()


def test_core_assets_have_no_external_references():
    for asset in core_assets():
        assert "sourceMappingURL" not in asset.text
        if asset.kind == "css":
            assert not re.search(r"url\(\s*(?!['\"]?(?:data:|#))", asset.text)


def test_stable_id_and_palette():
    assert stable_id(type("E", (), {})(), "x_1")._id == "x_1"
    colors = [t["color"] for t in type_colors(["Battles", "A", "B"])]
    assert len(set(colors)) == 3


def test_topology_decoding_shares_borders():
    # two unit squares side by side, sharing the edge x = 11
    topo = {"type": "Topology", "transform": {"scale": [1, 1], "translate": [10, 20]},
            "arcs": [[[1, 0], [0, 1]], [[1, 1], [-1, 0], [0, -1], [1, 0]],
                     [[1, 0], [1, 0], [0, 1], [-1, 0]]],
            "objects": {"c": {"type": "GeometryCollection", "geometries": [
                {"type": "Polygon", "arcs": [[0, 1]]},
                {"type": "MultiPolygon", "arcs": [[[2, -1]]]}]}}}
    d = decode_topology(topo, "c")
    assert [p.area for p in d["polygons"]] == [1.0, 1.0]
    assert [b.tolist() for b in d["borders"]] == [[[11.0, 20.0], [11.0, 21.0]]]
    assert d["polygons"][0].bounds == (10.0, 20.0, 11.0, 21.0)
    assert len(d["coasts"]) == 2
    # an area keeps only what touches it
    right = decode_topology(topo, "c", area=(11.5, 20.2, 12.5, 20.8))
    assert [p.bounds for p in right["polygons"]] == [(11.0, 20.0, 12.0, 21.0)]


def test_regression_branca_second_pass_does_not_evaluate_report_text():
    # branca's MacroElement.render compiles each macro's output as a new Jinja template,
    # so "{{ 7*7 }}" in a quote, a type name or the title was evaluated (server-side
    # template injection). mapper's elements render once (SafeRender).
    payload = "{{ 7*7 }} {% if true %}yes{% endif %} {{ cycler.__init__.__globals__ }}"
    fc = collection([feature(1, etype="Battles " + payload, notes=payload,
                             sources=[{"report": payload, "quote": payload,
                                       "start": 0, "end": 1}])])
    html = render(fc, title="T " + payload, compress=False)
    assert "<title>T {{ 7*7 }}" in html
    assert '<h1>T {{ 7*7 }} {% if true %}yes{% endif %}' in html
    assert '"{{ 7*7 }} {% if true %}yes{% endif %} {{ cycler.__init__.__globals__ }}"' in html
    assert "Battles {{ 7*7 }}" in html[html.index("var mapper_layers_layers"):]


def test_regression_rendering_twice_gives_the_same_page(sample):
    # folium's Layer.render adds its addTo call through a child with a random id each
    # time, so a second render (e.g. _repr_html_ then save) doubled it.
    m = build_map(sample, theatre=False, tiles="OpenStreetMap.Mapnik")
    first = m.get_root().render()
    assert m.get_root().render() == first
    assert first.count("mapper_basemap.addTo(mapper_map);") == 1
    assert first.count("mapper_type_0.addTo(mapper_map);") == 1
    assert "mapper_tiles_0.addTo" not in first


def test_export_geodataframe_maps_like_its_feature_collection(sample):
    export = pytest.importorskip("mapper.export")
    records = [dict(f["properties"], geometry=f["geometry"]) for f in sample["features"]]
    gdf = export.to_geodataframe(records)
    assert encode(to_features(gdf)) == encode(to_features(export.to_feature_collection(records)))
    assert len(encode(to_features(gdf))["rows"]) == 5


def test_same_bytes_across_processes_and_hash_seeds(tmp_path, sample):
    import os
    import subprocess
    import sys

    src = tmp_path / "in.geojson"
    src.write_text(json.dumps(sample), encoding="utf-8")
    code = ("import json, sys; from mapper.webmap import write_map; "
            "write_map(json.load(open(sys.argv[1])), sys.argv[2], title='T', "
            "tiles='CartoDB.Positron')")
    outs = []
    for seed in ("1", "2"):
        out = tmp_path / f"m{seed}.html"
        env = dict(os.environ, PYTHONHASHSEED=seed)
        subprocess.run([sys.executable, "-c", code, str(src), str(out)], check=True, env=env)
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]


def test_multipoint_and_geometry_collections_are_kept():
    gc = {"type": "GeometryCollection", "geometries": [
        {"type": "Point", "coordinates": [46.123456789, 40.0]},
        {"type": "LineString", "coordinates": [[46, 40], [46.5, 40.5]]}]}
    mp = {"type": "MultiPoint", "coordinates": [[46, 40], [47, 41]]}
    rows = encode([feature(1, geom=gc), feature(2, geom=mp)])["rows"]
    assert rows[0][20]["geometries"][0] == {"type": "Point", "coordinates": [46.12346, 40.0]}
    assert rows[1][20]["type"] == "MultiPoint"


def test_csv_style_values_are_read_as_meant():
    row = encode([feature(1, disputed="False", background="true", fatalities="3",
                          time_precision=2.0, event_date=None)])["rows"][0]
    assert (row[13], row[15], row[10], row[2]) == (0, 1, 3, 2)
