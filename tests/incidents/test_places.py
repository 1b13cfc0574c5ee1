"""Where an event happened: the site the clause attaches it to."""

from __future__ import annotations

import datetime as dt

import pytest

from mapper.incidents.places import event_places, precision_of
from mapper.incidents.sites import Site

from .helpers import current


def test_a_demonym_is_never_the_place(extract):
    [inc] = current(extract("Russian forces shelled Mykolaiv on Sunday."))
    assert (inc.location, inc.geo_precision) == ("Mykolaiv", 1)


def test_a_speaking_capital_is_its_state_not_the_place(extract):
    [inc] = current(extract("Kyiv said Russian drones struck Ochakiv on Sunday."))
    assert inc.location == "Ochakiv"


def test_a_place_naming_the_actor_is_not_the_place(extract):
    [inc] = current(extract("Khartoum troops attacked rebels near Dilling on Sunday."))
    assert inc.location == "Dilling" and inc.geo_precision == 2


def test_where_an_organisation_is_based_is_not_the_place(extract):
    text = "The Khartoum-based monitor said an airstrike killed two people in Sudan on Sunday."
    [inc] = current(extract(text))
    assert inc.location == "Sudan"


def test_a_village_named_before_its_noun_is_the_place_not_the_town_it_is_measured_from(
    extract_geoparsed,
):
    text = (
        "On Sunday rebels also attacked Mapperwa village, about 60 kilometers (40 miles) "
        "northeast of Nyala and kidnapped 28 civilians."
    )
    [inc] = current(extract_geoparsed(text))
    assert (inc.location, inc.geo_precision) == ("Mapperwa", 2)


def test_the_village_points_back_past_a_capital_named_after_it(extract_geoparsed):
    text = (
        "Fighters stormed the village of Mapperoni, about 250 kilometers southwest of "
        "Kathmandu, on Friday night. The rebels also bombed four houses in the village."
    )
    incs = current(extract_geoparsed(text))
    assert incs and all(i.location == "Mapperoni" for i in incs), [i.location for i in incs]


def test_a_capital_that_attributes_an_attack_is_not_its_place(extract):
    text = (
        "Twenty civilians were killed on Sunday in North Darfur, in an assault attributed by "
        "Khartoum to the rebels."
    )
    [inc] = current(extract(text))
    assert inc.location == "North Darfur"


def test_the_origin_of_fire_is_not_the_place(extract):
    [inc] = current(extract("Shells fired from Ochakiv hit Mykolaiv on Sunday."))
    assert inc.location == "Mykolaiv"


def test_the_place_left_is_where_a_withdrawal_happened(extract):
    [inc] = current(extract("Rebel fighters withdrew from the town of Kadugli on Sunday."))
    assert inc.location == "Kadugli"


def test_where_people_were_taken_or_fled_to_is_not_the_place(extract_geoparsed):
    text = (
        "On Sunday gunmen raided a clinic in Mandera. "
        "The attackers abducted two nurses and took them into Somalia."
    )
    assert {i.location for i in current(extract_geoparsed(text))} == {"Mandera"}


def test_the_country_fought_with_is_the_other_side_not_the_place(extract):
    text = "Ukraine said on Sunday its troops had clashed with Russia near the border."
    [inc] = current(extract(text))
    assert inc.location == "Ukraine" and inc.actor2 == "Military Forces of Russia"


def test_a_country_acting_on_an_object_is_not_the_place(nlp):
    text = "Russia shelled two Ukrainian positions on Sunday."
    russia = Site(0, 6, "Russia", "Russia", 60.0, 100.0, "country")
    assert event_places(nlp(text), [russia], 0, len(text), [1]) == []


def test_the_town_points_back_to_the_last_town_named(extract):
    text = "Fighters gathered near Kadugli on Saturday. On Sunday they attacked the town."
    [inc] = current(extract(text))
    assert inc.location == "Kadugli"


def test_along_the_front_line_is_the_line_the_report_names(extract):
    text = (
        "Officials said fighting raged on the contact line.\n\n"
        "Heavy fighting continued along the front line on Sunday, officials said."
    )
    incs = current(extract(text, line="contact line"))
    assert incs and incs[-1].location == "front line" and incs[-1].geometry is not None
    assert incs[-1].geo_precision == 3


def test_a_report_naming_no_place_for_an_event_falls_back_to_its_area_at_precision_3(extract):
    text = (
        "The conflict in Sudan has displaced millions.\n\n"
        "On Sunday, militiamen attacked a convoy carrying food aid."
    )
    [inc] = current(extract(text))
    assert (inc.location, inc.geo_precision) == ("Sudan", 3)


def test_a_country_level_summary_folds_into_the_event_the_report_places(extract):
    text = (
        "Gunmen killed eleven people in Mali on Sunday.\n\n"
        "The attack took place at a market near Djenne, the mayor said."
    )
    [inc] = current(extract(text))
    assert inc.location == "Djenne" and len(inc.sources) == 2


def test_a_region_is_finer_than_its_country(extract):
    text = (
        "Rebels attacked an army base in Sudan on Sunday. The rebels attacked the base in "
        "North Darfur at dawn, a spokesman said."
    )
    [inc] = current(extract(text))
    assert inc.location == "North Darfur"


def test_a_country_level_account_folds_into_the_event_placed_in_a_region_of_it(extract):
    text = (
        "A state of emergency was declared in Sudan on Sunday, the ministry said.\n\n"
        "Rebels shelled Kadugli on Sunday.\n\n"
        "Officials declared a state of emergency in North Darfur on Sunday."
    )
    incs = current(extract(text))
    assert [i.location for i in incs] == ["Kadugli", "North Darfur"]


def test_a_place_that_is_the_object_of_another_verb_is_not_the_place(nlp):
    text = "Protesters supporting Russia vandalized the parliament building."
    russia = Site(22, 28, "Russia", "Russia", 60.0, 100.0, "country")
    doc = nlp(text)
    trigger = next(t.i for t in doc if t.lower_ == "vandalized")
    assert event_places(doc, [russia], 0, len(text), [trigger]) == []


def test_an_unplaced_event_sits_where_the_report_s_events_are_not_at_a_speaking_capital(extract):
    text = (
        "Khartoum said on Monday that rebels had attacked Kadugli on Sunday. Khartoum accused "
        "the rebels of breaking a truce.\n\nIn a separate incident on Sunday, gunmen abducted "
        "two traders, residents said."
    )
    incs = current(extract(text))
    assert incs and all(i.location == "Kadugli" for i in incs), [i.location for i in incs]


def test_the_capital_points_back_to_the_capital_named_not_the_last_town(extract):
    text = (
        "On Saturday protesters gathered in Khartoum, the capital of Sudan. On Sunday rebels "
        "attacked Kadugli. On Monday soldiers seized the capital city."
    )
    incs = current(extract(text))
    seized = [i for i in incs if "seized" in i.sources[0].quote]
    assert seized and seized[0].location == "Khartoum", [i.location for i in incs]


def test_a_road_named_by_its_ends_is_between_them_not_in_either(nlp):
    text = "A convoy was ambushed on the Kadugli–Dilling road."
    sites = [
        Site(29, 36, "Kadugli", "Kadugli", 11.0, 29.7, "settlement", route_end=True),
        Site(37, 44, "Dilling", "Dilling", 12.05, 29.65, "settlement", route_end=True),
    ]
    doc = nlp(text)
    trigger = next(t.i for t in doc if t.lower_ == "ambushed")
    places = event_places(doc, sites, 0, len(text), [trigger])
    assert places and all(p.precision >= 2 for p in places)


def test_a_road_named_by_its_ends_is_one_place_even_read_as_a_list(extract_geoparsed):
    text = "On Saturday gunmen attacked a police convoy at a village on the Imphal-Moreh road."
    incs = current(extract_geoparsed(text))
    assert len(incs) == 1 and incs[0].geo_precision == 2, [i.location for i in incs]


def test_a_road_end_yields_to_a_town_on_the_road_but_not_to_the_county(extract):
    [inc] = current(extract("A bus hit a mine on the Kadugli-Dilling road at Dilling."))
    assert (inc.location, inc.geo_precision) == ("Dilling", 1)


def test_a_road_end_does_not_yield_to_the_county_the_road_runs_through(nlp):
    text = "A bus hit a mine along the Mandera-Elwak road, within Mandera County."
    a, b = text.index("Mandera"), text.index("Mandera County")
    sites = [
        Site(a, a + 7, "Mandera", "Mandera", 3.94, 41.86, "settlement", route_end=True),
        Site(b, b + 14, "Mandera County", "Mandera", 3.23, 40.71, "admin"),
    ]
    doc = nlp(text)
    trigger = next(t.i for t in doc if t.lower_ == "mine")
    [place] = event_places(doc, sites, 0, len(text), [trigger])
    assert (place.site.kind, place.precision) == ("settlement", 2)


def test_coordinated_accusers_are_voices_not_sites(extract_geoparsed):
    text = (
        "Sudan and Chad have accused each other of firing shots along the border after "
        "Sudan yesterday accused Chadian troops of kidnapping Sudanese civilians."
    )
    assert "Chad" not in {i.location for i in current(extract_geoparsed(text))}


def test_a_place_named_in_quoted_speech_does_not_place_the_event_beside_it(extract):
    text = (
        "Thousands rallied in Mopti on Sunday.\n\n"
        "'Our government should cut all ties with Ukraine at once,' a cleric said at the rally."
    )
    [inc] = current(extract(text))
    assert inc.location == "Mopti" and len(inc.sources) == 2


def test_the_town_points_back_at_the_last_town_named_even_one_the_index_lacks(
    extract_geoparsed,
):
    text = (
        "The governor of Borno left Maiduguri on Monday for the town of Ngarannam, where he "
        "met displaced families.\n\n"
        "On Friday, when he was on the road to the town, gunmen ambushed his convoy, killing "
        "12 soldiers."
    )
    [inc] = [i for i in current(extract_geoparsed(text)) if i.event_type == "Battles"]
    assert (inc.location, inc.geo_precision) == ("Borno", 3)


def test_a_feature_spanning_a_region_is_precision_3_a_square_is_not():
    river = Site(0, 5, "Dnipro", "Dnipro", 47.5, 34.5, "feature", feature_code="STM")
    square = Site(0, 6, "Maidan", "Maidan", 50.45, 30.52, "feature", feature_code="SQR")
    assert (precision_of(river, "along"), precision_of(square, "in")) == (3, 1)


@pytest.mark.parametrize(
    "text",
    [
        "Rebels captured several villages north of Kadugli on Sunday.",
        "Rebels raided an army base 20 km south of Kadugli on Sunday.",
    ],
)
def test_a_place_told_by_its_bearing_from_a_town_is_near_the_town(extract, text):
    [inc] = current(extract(text))
    assert (inc.location, inc.geo_precision) == ("Kadugli", 2)


@pytest.mark.parametrize(
    "text",
    [
        "On 3 March 2024, garment workers staged a protest in Tongi town, Gazipur Sadar "
        "(Dhaka), over unpaid wages.",
        "On 4 May 2021, a bomb exploded in Insein township (Yangon-North district, Yangon "
        "region). Casualties unknown.",
    ],
)
def test_places_in_parentheses_after_a_place_say_where_it_lies(extract_geoparsed, text):
    assert len(current(extract_geoparsed(text))) == 1


def test_a_place_in_parentheses_after_a_building_is_the_site(extract_geoparsed):
    text = "Teachers in Mali held a sit-in at the Labour Exchange (Bamako) on Monday."
    assert [i.location for i in current(extract_geoparsed(text))] == ["Bamako"]


def test_a_comma_the_model_takes_into_an_organisation_hides_no_place(nlp):
    from spacy.tokens import Span

    text = "Soldiers killed ten people in the town of Mopti, Amnesty International said."
    doc = nlp(text)
    i = next(t.i for t in doc if t.text == "Mopti")
    doc.ents = [Span(doc, i, i + 2, label="ORG")]  # "Mopti," as the model may tag it
    mopti = Site(
        text.index("Mopti"), text.index("Mopti") + 5, "Mopti", "Mopti", 14.5, -4.2, "settlement"
    )
    killed = next(t.i for t in doc if t.lower_ == "killed")
    assert [p.site.name for p in event_places(doc, [mopti], 0, len(text), [killed])] == ["Mopti"]


def test_whose_claim_it_is_is_not_where_the_event_happened(nlp):
    text = "Mali rejected Sudan's claim that its jets bombed a rebel camp."
    mali = Site(0, 4, "Mali", "Mali", 17.0, -4.0, "country")
    sudan = Site(14, 19, "Sudan", "Sudan", 15.0, 30.0, "country")
    doc = nlp(text)
    bombed = next(t.i for t in doc if t.lower_ == "bombed")
    assert event_places(doc, [mali, sudan], 0, len(text), [bombed]) == []


def test_a_list_the_parser_reads_as_apposition_is_still_a_list(extract):
    text = (
        "Rebels claimed to have captured Kadugli Airport, Dilling Airport, Babanusa Airport "
        "as well as a base in the south on Sunday."
    )
    places = {i.location for i in current(extract(text))}
    assert {"Kadugli", "Dilling", "Babanusa"} <= places


@pytest.mark.parametrize(
    ("text", "where"),
    [
        # where a force retreated to is not where it lost ground
        (
            "Rebels retook the town of Kadugli on Sunday. "
            "Army troops retreated toward the town of Dilling.",
            "Kadugli",
        ),
        # the places a road joins are not where the event on it was
        (
            "Rebels attacked a convoy in North Darfur on the road linking Mosul and Kadugli.",
            "North Darfur",
        ),
        # the doer of a passive is who, not where
        ("It was the second drone strike carried out by Russia in Ukraine this month.", "Ukraine"),
    ],
)
def test_a_place_the_clause_names_for_another_reason_is_not_the_place(extract, text, where):
    assert {i.location for i in current(extract(text))} == {where}


def test_the_scope_of_a_superlative_is_not_the_place(nlp):
    text = "Troops captured the power plant, the largest in Africa, on Sunday."
    start = text.index("Africa")
    africa = Site(start, start + 6, "Africa", "Africa", 5.0, 20.0, "region")
    assert event_places(nlp(text), [africa], 0, len(text), [1]) == []


def test_a_siege_blockade_is_no_protest(extract):
    text = "Sudan's blockade of Kadugli entered its second week on Sunday."
    assert not [i for i in current(extract(text)) if i.event_type == "Protests"]


def test_a_country_s_capital_is_its_capital_city(extract):
    text = (
        "Gunmen attacked a market in Sudan's capital on Sunday, killing four traders. "
        "Residents of Khartoum said the shooting lasted an hour."
    )
    assert {i.location for i in current(extract(text))} == {"Khartoum"}


@pytest.mark.parametrize(
    "text",
    [
        "Fighters of the Democratic Forces for the Liberation of Rwanda (FDLR) killed "
        "eight soldiers in an ambush on Sunday, the Congolese army said.",
        "The FDLR (Democratic Forces for the Liberation of Rwanda) killed eight soldiers "
        "in an ambush on Sunday, the Congolese army said.",
    ],
)
def test_a_place_in_a_groups_spelled_out_name_is_not_where(extract_geoparsed, text):
    [inc] = current(extract_geoparsed(text))
    assert inc.location != "Rwanda"


def test_the_dateline_town_is_the_area_of_a_report_naming_only_its_country(extract_geoparsed):
    text = (
        "NAIROBI, June 25 – Police opened fire on protesters who stormed the parliament "
        "building, wounding several.\n\n\"God save Kenya,\" an elderly man said."
    )
    [inc] = current(extract_geoparsed(text, published=dt.date(2024, 6, 25)))
    assert inc.location == "Nairobi" and inc.geo_precision == 3


def test_a_town_advanced_toward_is_not_where_the_capture_was(extract_geoparsed):
    text = "Rebels captured the city of Aleppo on Saturday and advanced toward Hama."
    [inc] = current(extract_geoparsed(text, published=dt.date(2024, 12, 2)))
    assert inc.location == "Aleppo"


def test_where_a_teller_spoke_is_not_where_it_happened(extract):
    text = (
        "A police spokesman told reporters in Kadugli, the state capital, that gunmen killed "
        "15 people in a village in North Darfur."
    )
    [inc] = current(extract(text))
    assert (inc.location, inc.geo_precision) == ("North Darfur", 3)


def test_where_a_group_operates_is_not_where_it_was_hit(extract_geoparsed):
    text = (
        "Soldiers killed three separatist fighters in North Darfur on Saturday. The raid was "
        "a hunt for fighters who have been operating along the Kadugli-Dilling road."
    )
    [inc] = current(extract_geoparsed(text))
    assert inc.location == "North Darfur"


def test_what_a_group_wants_places_no_event(extract_geoparsed):
    text = (
        "A bomb killed a ranger in North Darfur on Monday.\n\n"
        "A police officer blamed the attack on rebels who have been waging a bloody campaign "
        "to secede Kadugli and its neighboring towns of Dilling and Babanusa from Sudan."
    )
    [inc] = current(extract_geoparsed(text))
    assert inc.location == "North Darfur"


def test_a_place_put_before_what_residents_said_is_where_it_happened(extract):
    [inc] = current(extract("In Kadugli, residents said soldiers shot two herders on Saturday."))
    assert inc.location == "Kadugli"


def test_an_official_tells_of_an_event_in_the_area_they_govern(extract):
    text = (
        "The governor of North Darfur said rebels attacked a village on Sunday, killing five "
        "people.\n\nIn a separate attack, a bomb exploded in Khartoum on Monday."
    )
    placed = {i.location for i in current(extract(text)) if i.fatalities == 5}
    assert placed == {"North Darfur"}


def test_the_town_a_distance_is_measured_from_is_not_the_place(extract_geoparsed):
    text = (
        "A missile destroyed the governor's home in Wadi district in southeastern Marib, about "
        "170 km northeast of the rebel-held capital Sanaa, on Thursday."
    )
    [inc] = current(extract_geoparsed(text))
    assert inc.location != "Sanaa"


def test_a_place_that_owns_what_a_protest_is_against_is_not_its_site(extract):
    text = (
        "Thousands rallied in Khartoum on Saturday.\n\nOn Sunday, thousands gathered again "
        "to protest Russia's ongoing crackdown."
    )
    assert all(i.location != "Russia" for i in current(extract(text)))


def test_where_a_teller_is_based_is_not_the_place(extract):
    text = (
        "Rebels shelled Dilling on Saturday.\n\nMilitants attacked a village on Sunday, "
        "according to a military source based in Kadugli."
    )
    assert all(i.location != "Kadugli" for i in current(extract(text)))


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen have killed seven people in Maradun Local Government Area of the state.",
        "Bandits killed 56 people in Bakura Local Government Area of Zamfara state.",
    ],
)
def test_a_place_with_its_divisions_title_is_no_organisation(extract_geoparsed, text):
    # the model reads "Maradun Local Government Area" as an organisation's name; the
    # area, spelled out, is the division (ACLED's precision 2), as "Maradun LGA" is
    [inc] = current(extract_geoparsed(text))
    assert (inc.location, inc.geo_precision) == (text.split(" Local")[0].split()[-1], 2)


def test_where_the_fleeing_sought_refuge_is_no_site(extract):
    text = (
        "Gunmen attacked a village in Kadugli on Sunday, killing 20 people, activists said."
        "\n\nBut a committee accused the gunmen of using heavy artillery against civilians, "
        "looting, and driving women and children to seek refuge in the nearby town of "
        "Dilling."
    )
    assert "Dilling" not in [i.location for i in current(extract(text))]


def test_what_the_events_region_straddles_is_no_site(extract_geoparsed):
    text = (
        "A state of emergency was declared almost a month ago in the Lake Chad region, "
        "which also straddles Nigeria, Cameroon and Niger."
    )
    assert [i.location for i in extract_geoparsed(text)] == ["Lake Chad"]


def test_what_a_group_has_links_to_is_no_site(extract):
    text = (
        "Shells hit two camps near Kadugli on Friday, killing 12 people. An army spokesman "
        "blamed the attacks on a rebel group with alleged links to Iraq."
    )
    assert "Iraq" not in {i.location for i in current(extract(text))}


@pytest.mark.parametrize(
    ("text", "name", "kind", "trigger", "placed"),
    [
        # a country that leads a coalition says who, not where
        (
            "The UN verified killings in airstrikes carried out by a Sudan-led coalition.",
            "Sudan", "country", "airstrikes", [],
        ),
        # a ship's owner or flag says whose ship
        (
            "Pirates seized a United Arab Emirates owned oil tanker on Monday.",
            "United Arab Emirates", "country", "seized", [],
        ),
        (
            "A missile hit the Liberia-flagged tanker on Monday.",
            "Liberia", "country", "hit", [],
        ),
        # a country owning the strike says whose strike; a town there is its site
        ("A commander was killed in a US airstrike on Monday.", "US", "country", "killed", []),
        (
            "A commander was killed in a Kabul airstrike on Monday.",
            "Kabul", "settlement", "killed", ["Kabul"],
        ),
    ],
)  # fmt: skip
def test_a_name_that_says_whose_strike_is_no_site(nlp, text, name, kind, trigger, placed):
    at = text.index(name)
    site = Site(at, at + len(name), name, name, 10.0, 10.0, kind)
    doc = nlp(text)
    verb = next(t.i for t in doc if t.lower_ == trigger)
    assert [p.site.name for p in event_places(doc, [site], 0, len(text), [verb])] == placed


def test_countries_whose_borders_meet_are_no_sites(extract_geoparsed):
    text = (
        "Chad said its army killed 20 militants in fighting on an island on Lake Chad on "
        'Tuesday. "They tried to attack us but we pushed them back," a spokesman said of '
        "the island, which lies near where the borders of Nigeria, Chad, Niger and "
        "Cameroon meet."
    )
    places = {i.location for i in extract_geoparsed(text) if not i.background}
    assert places == {"Lake Chad"}


def test_what_the_area_borders_is_not_the_reports_area(extract_geoparsed):
    text = (
        "Six Chadian soldiers died when their patrol was ambushed on Monday on an island in "
        "the lake bordering Cameroon, Niger, Nigeria and Chad."
    )
    countries = {i.country for i in extract_geoparsed(text) if not i.background}
    assert countries and countries <= {"Chad", None}  # Cameroon, named first, had been it


@pytest.mark.parametrize(
    ("text", "name", "border"),
    [
        ("The island lies near where the borders of Nigeria, Chad and Niger meet.", "Chad", True),
        ("The enclave lies within the borders of Azerbaijan.", "Azerbaijan", False),
    ],
)
def test_countries_owning_a_junction_of_borders_not_one_countrys_borders(
    nlp, text, name, border
):
    from mapper.incidents.places import named_as_border

    at = text.index(name)
    site = Site(at, at + len(name), name, name, 0.0, 0.0, "country")
    assert named_as_border(nlp(text), site) is border


def test_a_header_field_naming_the_outlets_town_is_no_site():
    from mapper.incidents import extract_incidents
    from mapper.reports import parse_text_report

    text = (
        "Title: Bomber kills 21\nSource: The Columbus Dispatch (AP)\nDate: 2010-10-30\n\n"
        "A suicide bomber killed at least 21 people yesterday in a cafe north of the capital "
        "city, the mayor said.\n"
    )
    incidents = extract_incidents(parse_text_report(text, report_id="r.txt"))
    assert incidents and "Columbus" not in {i.location for i in incidents}


def test_a_town_the_lede_measures_from_yields_to_the_town_it_then_names(extract_geoparsed):
    text = (
        "A roadside bomb killed nine soldiers on Monday in a town south of Baghdad, "
        "officials said. The attack in Mahmudiyah was the deadliest in months."
    )
    [inc] = [i for i in extract_geoparsed(text) if not i.background]
    assert (inc.location, inc.fatalities) == ("Al Maḩmūdīyah", 9)


@pytest.mark.parametrize(
    "headline", ["Suicide bomber kills 21 in Baquba", "Iraq: suicide bomber kills 21 in Baquba"]
)
def test_a_headline_above_its_date_line_still_names_the_place(headline):
    from mapper.incidents import extract_incidents
    from mapper.reports import parse_text_report

    text = (
        f"{headline}\nDate: 2010-10-30\n\nA suicide bomber killed at least 21 people "
        "yesterday in a crowded cafe, the mayor said.\n"
    )
    incidents = extract_incidents(parse_text_report(text, report_id="r.txt"))
    assert [i.location for i in incidents] == ["Baqubah"]


def test_a_country_owning_a_convoy_is_not_where_it_was_hit(extract_geoparsed):
    text = (
        "Insurgents bombed a U.S. convoy on Monday, killing two soldiers. Residents of "
        "Baghdad said the road was closed."
    )
    assert [i.location for i in extract_geoparsed(text)] == ["Baghdad"]


def test_a_place_with_its_container_in_the_possessive_is_no_organisation(extract_geoparsed):
    # the model reads "Khyber Pakhtunkhwa's Lakki Marwat" as one ORG
    text = (
        "A suicide attack on a police mobile in Khyber Pakhtunkhwa\u2019s Lakki Marwat district "
        "on Monday killed one officer and injured five others, authorities said. The "
        "officer was buried in Peshawar, the provincial capital."
    )
    assert [(i.location, i.geo_precision) for i in extract_geoparsed(text)] == [("Lakki", 1)]


def test_the_other_side_of_a_border_is_not_the_site(extract_geoparsed):
    text = (
        "A drone struck a van in the Kursk region on Monday, wounding three. In a separate "
        "incident, a man was killed by a drone in the village of Zvannoye, also near the "
        "border with Ukraine's Sumy region."
    )
    assert all(i.country == "Russia" for i in extract_geoparsed(text))


def test_the_town_of_the_hospital_the_wounded_were_taken_to_is_no_site(extract):
    text = (
        "Suicide bombers attacked a market in a northeastern Sudan village on Tuesday, killing "
        "20 people. At least 80 people were injured and were rushed to the hospital in "
        "Kadugli, a town about 30 kilometres away."
    )
    assert all(i.location != "Kadugli" for i in extract(text))
