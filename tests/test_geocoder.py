"""Tests for mapper.geocoder: the geopy geocoder, input checks and the online fallback."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from geopy.extra.rate_limiter import RateLimiter
from geopy.location import Location

from mapper.errors import GeocodeError
from mapper.gazetteer import haversine_km
from mapper.geocoder import GeocodeTypeError, OfflineGeocoder, OnlineFallback, check_query


@pytest.fixture(scope="module")
def geo() -> OfflineGeocoder:
    return OfflineGeocoder()


def test_geocode_returns_a_geopy_location(geo):
    loc = geo.geocode("Stepanakert")
    assert isinstance(loc, Location)
    assert haversine_km(loc.latitude, loc.longitude, 39.8177, 46.7528) < 2
    for field in ("geonameid", "kind", "admin", "country", "population", "score", "source"):
        assert field in loc.raw
    assert loc.raw["geonameid"] == 146970 and loc.raw["country"] == "Azerbaijan"
    name, (lat, lon) = loc  # geopandas unpacks it so
    assert name == loc.address


def test_geocode_many_and_filters(geo):
    locs = geo.geocode("Martuni", exactly_one=False)
    assert {loc.raw["country_code"] for loc in locs} >= {"AM", "AZ"}
    assert len(geo.geocode("Springfield", exactly_one=False, limit=3)) == 3
    assert geo.geocode("Martuni", country_codes="AM").raw["country_code"] == "AM"
    assert geo.geocode("Georgia", kinds=["admin"]).raw["admin1_code"] == "US.GA"
    assert geo.geocode("Qwxzyville") is None
    assert geo.geocode("Qwxzyville", exactly_one=False) is None


def test_qualified_queries(geo):
    assert geo.geocode("Charleston, W.Va.").raw["admin1_code"] == "US.WV"
    assert geo.geocode("Charleston, South Carolina").raw["admin1_code"] == "US.SC"
    assert geo.geocode("Martuni, Armenia").raw["country_code"] == "AM"


@pytest.mark.parametrize(
    ("query", "error", "words"),
    [
        ("", GeocodeError, "empty"),
        ("   ", GeocodeError, "empty"),
        ("x" * 10_000_000, GeocodeError, "characters long"),
        ("Ba\x00ku", GeocodeError, "control character U+0000"),
        ("Baku\x1b[31m", GeocodeError, "control character U+001B"),
        (None, GeocodeTypeError, "must be a str"),
        (42, GeocodeTypeError, "not int"),
        (b"Baku", GeocodeTypeError, "not bytes"),
    ],
)
def test_bad_queries_raise_clear_errors(geo, query, error, words):
    with pytest.raises(error, match=re.escape(words)):
        geo.geocode(query)


def test_error_families():
    with pytest.raises(ValueError):
        check_query("")
    with pytest.raises(TypeError):
        check_query(3.5)


def test_other_romanisations_are_found(geo):
    loc = geo.geocode("Evpatoria")
    assert loc.raw["name"] == "Yevpatoriya" and loc.raw["country_code"] == "UA"
    assert loc.raw["score"] < geo.geocode("Yevpatoriya").raw["score"]
    # the qualifier still narrows a guessed spelling, and an exact name is never replaced
    assert geo.geocode("Um Rawaba, Sudan").raw["name"] == "Umm Ruwaba"
    assert geo.geocode("Hezbollah") is None


def test_reverse(geo):
    assert geo.reverse("39.8177, 46.7528").raw["name"] == "Stepanakert"
    assert geo.reverse((40.3777, 49.892)).raw["name"] == "Baku"
    near = geo.reverse((40.3777, 49.892), exactly_one=False, limit=3)
    assert len(near) == 3 and near[0].raw["distance_km"] <= near[1].raw["distance_km"]
    assert geo.reverse((0.0, -150.0)) is None
    with pytest.raises(GeocodeError):
        geo.reverse("not a point")


def test_offline_geocoder_sends_nothing(geo):
    with pytest.raises(Exception, match="sends no requests"):
        geo.adapter.get_json("https://example.org", timeout=1, headers={})


def test_rate_limiter_wraps_it(geo):
    limited = RateLimiter(geo.geocode, min_delay_seconds=0)
    assert limited("Yerevan").raw["country_code"] == "AM"


def test_geopandas_geocode_offline():
    gpd_tools = pytest.importorskip("geopandas.tools")
    from mapper.gazetteer import load_gazetteer

    known = sorted(load_gazetteer().key_scores())[1000:1970:1]
    names = ["Stepanakert", "Baku", "Yerevan", "Qwxzyville", "", "Shusha"] * 5 + known
    assert len(names) == 1000
    df = gpd_tools.geocode(names, provider=OfflineGeocoder)
    assert (~df.geometry.is_empty).sum() >= 990
    assert len(df) == len(names) and str(df.crs) == "EPSG:4326"
    first = df.geometry.iloc[0]
    assert abs(first.y - 39.8177) < 0.01 and abs(first.x - 46.7528) < 0.01
    assert df.geometry.iloc[3].is_empty and pd.isna(df.address.iloc[3])
    assert df.geometry.iloc[4].is_empty  # "" is a GeocodeError, i.e. a ValueError: a miss row


class _FakeNominatim:
    def __init__(self):
        self.calls = []

    def geocode(self, query, **kwargs):
        self.calls.append((query, kwargs))
        if query == "Nowhere":
            return None
        return Location(f"{query}, Somewhere", (10.0, 20.0), {"osm_id": 1})


def test_online_fallback_caches_and_rate_limits(tmp_path):
    fake = _FakeNominatim()
    now = [100.0]
    slept = []

    def sleep(s):
        slept.append(s)
        now[0] += s

    fb = OnlineFallback(
        cache_path=tmp_path / "c.sqlite", geocoder=fake, clock=lambda: now[0], sleep=sleep
    )
    assert fb.geocode("Smallville").latitude == 10.0
    assert fb.geocode("Otherville").latitude == 10.0
    assert fb.geocode("smallville").raw["source"] == "nominatim"  # cached, folded
    assert fb.geocode("Nowhere") is None and fb.geocode("Nowhere") is None
    assert [q for q, _ in fake.calls] == ["Smallville", "Otherville", "Nowhere"]
    assert slept and all(s <= 1.0 for s in slept)  # one request per second at most
    # a new instance reads the same disk cache
    fb2 = OnlineFallback(cache_path=tmp_path / "c.sqlite", geocoder=fake, sleep=lambda s: None)
    assert fb2.geocode("Otherville").longitude == 20.0
    assert len(fake.calls) == 3


def test_online_fallback_is_off_by_default(tmp_path):
    fake = _FakeNominatim()
    fb = OnlineFallback(cache_path=tmp_path / "c.sqlite", geocoder=fake, sleep=lambda s: None)
    assert OfflineGeocoder(fallback=fb).geocode("Qwxzyville") is None
    assert fake.calls == []
    on = OfflineGeocoder(online=True, fallback=fb)
    assert on.geocode("Qwxzyville").raw["source"] == "nominatim"
    assert on.geocode("Baku").raw["source"] == "geonames"  # offline answers never wait on it
    assert [q for q, _ in fake.calls] == ["Qwxzyville"]


def test_online_fallback_needs_a_real_user_agent():
    with pytest.raises(GeocodeError, match="user agent"):
        OnlineFallback(user_agent="")


@pytest.mark.online
def test_nominatim_for_real(tmp_path):  # pragma: no cover - needs the network
    fb = OnlineFallback(cache_path=tmp_path / "c.sqlite")
    loc = fb.geocode("Stepanakert")
    assert loc is not None and abs(loc.latitude - 39.82) < 0.2
