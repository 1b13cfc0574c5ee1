"""Tests for mapper.gazetteer.builders.geonames: importing a GeoNames per-country dump.

The dump (tests/data/geonames_sample/UA.txt) holds fictional places written for
these tests; the sentences are ours too.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from mapper.gazetteer import Gazetteer, build_index, fold

SAMPLE = Path(__file__).parent / "data" / "geonames_sample"


@pytest.fixture(scope="module")
def gaz(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("ua")
    dump = tmp / "UA.zip"
    with zipfile.ZipFile(dump, "w") as zf:
        zf.write(SAMPLE / "UA.txt", "UA.txt")
    return Gazetteer(build_index(geonames_paths=[dump], target=tmp / "g.sqlite", packaged=False))


def test_every_populated_place_is_imported(gaz):
    ids = {c.place.geonameid for c in gaz.candidates("Mapperivka")}
    assert ids == {9999102, 9999106}  # no people recorded is no reason to leave a village out
    assert gaz.candidates("Stara Mapperivka")[0].place.kind == "settlement"  # abandoned: kept
    assert gaz.candidates("Mapperovka")[0].place.geonameid == 9999102  # alternate names


def test_lower_divisions_and_localities_are_imported(gaz):
    hromada = gaz.candidates("Kartova Hromada")[0].place
    assert (hromada.kind, hromada.feature_code, hromada.admin1_code) == ("admin", "ADM3", "UA.98")
    locality = gaz.candidates("Pidhirne Urochyshche")[0].place
    assert locality.kind == "settlement" and locality.feature_code == "LCTY"


def test_world_file_keeps_every_populated_place(tmp_path):
    (tmp_path / "allCountries.txt").write_text((SAMPLE / "UA.txt").read_text("utf-8"), "utf-8")
    g = Gazetteer(
        build_index(
            geonames_paths=[tmp_path / "allCountries.txt"], target=tmp_path / "w.sqlite",
            packaged=False,
        )
    )
    assert {c.place.geonameid for c in g.candidates("Mapperivka")} == {9999102, 9999106}
    assert g.has(fold("Pidhirne Urochyshche"))


def test_imported_village_resolves_in_its_stated_context(gaz):
    from mapper.geoparse import FAST_DISABLE, GeoParser, load_nlp, toponyms

    nlp = load_nlp()
    parser = GeoParser(gazetteer=gaz)

    def run(text):
        doc = nlp(text, disable=["mapper_geoparser", *FAST_DISABLE])
        doc._.dateline_span = None
        return {t.text: t for t in toponyms(parser(doc))}

    here = run("Shelling hit Mapperivka, Testova Oblast, on Monday.")
    assert here["Mapperivka"].geonameid == 9999102  # the village of no people, in context
    assert here["Testova Oblast"].qualifier
    there = run("Shelling hit Mapperivka, Druha Oblast, on Monday.")
    assert there["Mapperivka"].geonameid == 9999106
