"""examples/ -> incidents GeoJSON with the expected places -> the map in headless Chromium."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from mapper.cli import main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
GOLD = json.loads((ROOT / "tests" / "data" / "examples_gold.json").read_text(encoding="utf-8"))


def _km(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 12742 * math.asin(math.sqrt(a))


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    out = tmp_path_factory.mktemp("e2e")
    status = main(
        [
            "map",
            str(EXAMPLES),
            "-o",
            str(out / "map.html"),
            "--geojson",
            str(out / "incidents.geojson"),
            "-q",
        ]
    )
    assert status == 0
    fc = json.loads((out / "incidents.geojson").read_text(encoding="utf-8"))
    return out / "map.html", fc


def test_every_gold_place_has_an_incident(outputs):
    _, fc = outputs
    current = [f["properties"] for f in fc["features"] if not f["properties"]["background"]]
    for gold in GOLD["incidents"]:
        if gold.get("optional"):
            continue
        near = [
            p
            for p in current
            if p["latitude"] is not None
            and _km(p["latitude"], p["longitude"], gold["lat"], gold["lon"]) <= gold["radius_km"]
        ]
        assert near, f"no incident within {gold['radius_km']} km of {gold['location']}"


def test_sources_quote_the_reports_exactly(outputs):
    _, fc = outputs
    texts = {p.name: p.read_text(encoding="utf-8") for p in EXAMPLES.glob("*.txt")}
    for feat in fc["features"]:
        assert feat["properties"]["sources"], feat["properties"]["id"]
        for src in feat["properties"]["sources"]:
            assert texts[src["report"]][src["start"] : src["end"]] == src["quote"]


def test_dateline_is_not_an_incident_place(outputs):
    _, fc = outputs
    baku = (40.37767, 49.89201)
    for feat in fc["features"]:
        p = feat["properties"]
        if p["latitude"] is not None and p["event_type"] != "Strategic developments":
            assert _km(p["latitude"], p["longitude"], *baku) > 25, p


@pytest.mark.browser
def test_example_map_in_chromium(outputs, chromium_page):
    path, fc = outputs
    page = chromium_page(path)
    assert page.blocked == [] and page.errors == []
    shown = sum(not f["properties"]["background"] for f in fc["features"])
    assert page.represented() == shown > 0
    popup = page.open_from_feed(0)
    quotes = [s["quote"] for f in fc["features"] for s in f["properties"]["sources"]]
    assert any(q in popup for q in quotes), popup


def test_example_map_keeps_within_its_size_budget(outputs):
    path, _ = outputs
    assert path.stat().st_size <= 1.5e6  # issue 12: the examples map is at most 1.5 MB
