"""One report's events after segmentation: what the report-level folds join."""

from __future__ import annotations

import datetime as dt

import pytest

from .helpers import current


def test_arrests_where_and_when_a_protest_took_place_make_it_a_protest_with_intervention(
    extract,
):
    text = (
        "Hundreds of teachers marched peacefully in Kadugli on Sunday.\n\n"
        "The union says salaries have gone unpaid for six months.\n\n"
        "Police arrested 30 people in Kadugli on Sunday, witnesses said."
    )
    [inc] = current(extract(text))
    assert (inc.event_type, inc.sub_event_type) == ("Protests", "Protest with intervention")
    assert len(inc.sources) == 2


def test_arrests_elsewhere_stay_an_event_of_their_own(extract):
    text = (
        "Hundreds of teachers marched peacefully in Kadugli on Sunday.\n\n"
        "Police arrested 30 people in Dilling on Sunday, witnesses said."
    )
    assert len(current(extract(text))) == 2


def test_an_account_with_no_place_retells_the_one_event_of_its_kind_placed_by_country(
    extract,
):
    text = (
        "Rebel artillery shelled army positions in Mali on Sunday, the army said.\n\n"
        "The defence minister is due to visit the region next month.\n\n"
        "Mortar shells struck an army post on Sunday, wounding two soldiers, officers said."
    )
    [inc] = current(extract(text))
    assert inc.location == "Mali" and len(inc.sources) == 2


def test_arrests_of_an_armed_groups_men_stay_apart_from_a_protest(extract):
    text = (
        "Hundreds of teachers marched peacefully in Kadugli on Sunday.\n\n"
        "The union says salaries have gone unpaid.\n\n"
        "Police arrested three RSF fighters in Kadugli on Sunday, officials said."
    )
    assert len(current(extract(text))) == 2


def test_a_country_that_acts_is_not_the_area_of_an_unplaced_report():
    """France acts ("carried out by France"); the report is about Niger."""
    from mapper.incidents import extract_incidents
    from mapper.reports import parse_text_report

    text = (
        "date 2019-01-08\n\nGunmen attacked a gendarmerie post on Sunday, killing two gendarmes. "
        "Jets later struck their convoy in the first such raid carried out by France in Niger."
    )
    incidents = extract_incidents(parse_text_report(text, report_id="r.txt"))
    assert incidents and {i.location for i in incidents} == {"Niger"}


def test_an_unknown_place_at_its_stated_area_places_an_unplaced_report(extract_geoparsed):
    # written for this test: the station is named after a town 60 km off, and lies in
    # Nairobi; the shooting names no place of its own
    text = (
        "A trader was shot dead by a lone gunman on Friday evening. He had been a suspect "
        "in a grenade attack on the Machakos bus station in Nairobi in 2012."
    )
    shot = [i for i in extract_geoparsed(text) if i.event_date and i.event_date > "2013"]
    assert shot and all(i.lat is not None for i in shot)
    assert all(abs(i.lat + 1.28) < 0.1 and abs(i.lon - 36.82) < 0.1 for i in shot)


def test_a_coarse_lede_retells_its_battle_whichever_side_it_names_first(extract):
    text = (
        "Sudan's military has clashed with fighters from a militia in North Darfur, "
        "residents said on Wednesday.\n\n"
        "A resident said there were clashes between Janjaweed fighters and Sudanese troops "
        "near Kadugli on Tuesday.\n"
    )
    incs = current(extract(text, published=dt.date(2021, 3, 17)))
    assert [(i.event_type, i.location) for i in incs] == [("Battles", "Kadugli")], [
        (i.location, i.actor1, i.actor2, i.event_date) for i in incs
    ]


def test_a_lede_with_no_date_is_compared_with_no_dated_account():
    """A report with no publication date leaves its lede undated; no crash comparing it."""
    from types import SimpleNamespace

    from mapper.incidents.extract import _dates_lede

    lede = SimpleNamespace(event_date=None, time_precision=2)
    dated = SimpleNamespace(event_date="2024-02-04", time_precision=1)
    assert _dates_lede(lede, dated) is False


def test_the_sum_told_for_several_acts_is_no_event_beside_them(extract):
    text = (
        "Six people were killed in two bomb attacks targeting the police in Kadugli on "
        "Monday.\n\nA suicide bomber blew himself up near a police van in Kadugli, killing "
        "five people.\n\nIn the second attack, a bomb hit a police patrol in Dilling, killing "
        "one policeman."
    )
    assert sorted(i.fatalities for i in extract(text)) == [1, 5]


def test_one_places_demonstration_on_one_day_is_one_event(extract_geoparsed):
    text = (
        "KHARTOUM, March 15 - A section of the parliament building went up in flames on "
        "Monday after protesters gained entry, forcing police to open fire.\n\nSeveral "
        "demonstrators were shot after many stormed the parliament precincts.\n\n"
        "'People have been shot,' one protester yelled, running away from the teargas."
    )
    incs = current(extract_geoparsed(text))
    crowds = [i for i in incs if i.event_type in ("Protests", "Riots")]
    assert [(i.event_type, i.location) for i in crowds] == [("Riots", "Khartoum")]


@pytest.mark.parametrize(
    "dateline",
    ["KADUGLI, Feb 14, 2021 -", "KADUGLI, (Wire) –", "KADUGLI, Feb 14 (Wire) -"],
)
def test_a_dateline_is_no_part_of_the_ledes_sentence(extract_geoparsed, dateline):
    # written for this test: parsed with its dateline, the lede lost its event, the town
    # read as the one killed
    text = f"{dateline} Thirty-one people were killed in an attack on a village near Dilling."
    [inc] = current(extract_geoparsed(text))
    assert inc.fatalities == 31


def test_a_region_beyond_the_country_does_not_move_its_event(extract_geoparsed):
    # written for this test: the joined passage names a region the country lies in
    text = (
        "Attacks by suspected militants in northern Benin have killed at least eight "
        "people, the government said on Sunday.\n\n"
        "No group has claimed the attack but militant groups have spread violence across "
        "West Africa, including to coastal countries like Benin."
    )
    [inc] = current(extract_geoparsed(text))
    assert (inc.location, inc.country) == ("Benin", "Benin")
