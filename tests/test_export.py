import json

import pytest

from mapper.errors import ExportError
from mapper.export import COLUMNS, to_feature_collection, to_geodataframe, write_incidents

LINE = {"type": "LineString", "coordinates": [[45.8, 40.3], [46.9, 39.95], [47.33, 39.45]]}
INCIDENTS = [
    {
        "id": "a",
        "event_date": "2020-09-27",
        "time_precision": 1,
        "event_type": "Battles",
        "sub_event_type": "Armed clash",
        "lat": 39.95,
        "lon": 46.9,
        "geometry": LINE,
        "geo_precision": 3,
        "claimed_by": "Armenian MoD",
        "disputed": True,
        "sources": [{"report": "a.txt", "quote": "Q «é»", "start": 3, "end": 9}],
    },
    {
        "id": "b",
        "event_date": "2020-09-27",
        "time_precision": 1,
        "event_type": "Explosions/Remote violence",
        "lat": 39.8177,
        "lon": 46.7528,
        "fatalities": 2,
    },
    {"id": "miss", "event_type": "Battles"},
]


def test_feature_collection_columns_and_geometry():
    fc = to_feature_collection(INCIDENTS)
    a, b, miss = fc["features"]
    assert list(a["properties"]) == list(COLUMNS)
    assert a["geometry"] == LINE
    assert b["geometry"] == {"type": "Point", "coordinates": [46.7528, 39.8177]}
    assert miss["geometry"] is None  # a miss keeps its row
    assert a["properties"]["sources"][0]["quote"] == "Q «é»"


def test_geodataframe():
    gdf = to_geodataframe(INCIDENTS)
    assert len(gdf) == 3 and gdf.crs.to_epsg() == 4326
    assert gdf.geometry.iloc[1].x == pytest.approx(46.7528)
    assert gdf.geometry.iloc[2] is None


def test_geojson_is_deterministic(tmp_path):
    p1 = write_incidents(INCIDENTS, tmp_path / "1.geojson")
    p2 = write_incidents(INCIDENTS, tmp_path / "2.geojson")
    assert p1.read_bytes() == p2.read_bytes()
    assert (
        json.loads(p1.read_text(encoding="utf-8"))["features"][0]["properties"]["disputed"] is True
    )


def test_csv_has_acled_lat_lon(tmp_path):
    import csv

    p = write_incidents(INCIDENTS, tmp_path / "i.csv", format="csv")
    rows = list(csv.DictReader(p.open(encoding="utf-8")))
    assert rows[1]["latitude"] == "39.8177" and rows[1]["longitude"] == "46.7528"
    assert json.loads(rows[0]["sources"])[0]["report"] == "a.txt"


def test_parquet_roundtrip(tmp_path):
    import geopandas

    p = write_incidents(INCIDENTS, tmp_path / "i.parquet", format="parquet")
    back = geopandas.read_parquet(p)
    assert list(back["id"]) == ["a", "b", "miss"]
    assert back.geometry.iloc[0].geom_type == "LineString"


def test_errors(tmp_path):
    with pytest.raises(ExportError, match="choose from"):
        write_incidents(INCIDENTS, tmp_path / "x", format="xlsx")
    (tmp_path / "file").write_text("x")
    with pytest.raises(ExportError, match="cannot write"):
        write_incidents(INCIDENTS, tmp_path / "file" / "sub" / "x.geojson")


def test_an_interrupted_write_leaves_the_old_file_intact(tmp_path, monkeypatch):
    import mapper.export

    for fmt, name in (("geojson", "i.geojson"), ("csv", "i.csv")):
        out = tmp_path / name
        write_incidents(INCIDENTS, out, format=fmt)
        before = out.read_bytes()
        real = mapper.export.incident_properties
        calls = []

        def failing(incident, real=real, calls=calls):
            calls.append(incident)
            if len(calls) == 2:  # the first feature is already written
                raise RuntimeError("disk pulled out")
            return real(incident)

        monkeypatch.setattr(mapper.export, "incident_properties", failing)
        with pytest.raises(RuntimeError):
            write_incidents(INCIDENTS + INCIDENTS, out, format=fmt)
        monkeypatch.undo()
        assert out.read_bytes() == before
        assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_geojson_is_written_as_json_dumps_would(tmp_path):
    out = tmp_path / "i.geojson"
    write_incidents(INCIDENTS, out, reports=2)
    fc = to_feature_collection(INCIDENTS, reports=2)
    assert out.read_text(encoding="utf-8") == json.dumps(fc, ensure_ascii=False, indent=1) + "\n"
    write_incidents([], out)
    assert json.loads(out.read_text(encoding="utf-8"))["features"] == []
