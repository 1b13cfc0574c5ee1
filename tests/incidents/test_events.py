"""Segmentation: one event per place, date and kind; follow-ups join; display lines support."""

from __future__ import annotations

import datetime as dt

import pytest

from mapper.consolidate import consolidate
from mapper.incidents.events import pair_dates

from .helpers import current


# ------------------------------------------------------------------ lists and aggregates
def test_a_list_with_per_item_dates_is_one_event_per_item(extract):
    text = (
        "Rebel fighters attacked army posts in Kadugli on 4 October 2020, in Dilling on "
        "8 October 2020 and in Babanusa on 10 October 2020."
    )
    got = sorted((i.location, i.event_date) for i in current(extract(text, published=None)))
    assert got == [
        ("Babanusa", "2020-10-10"),
        ("Dilling", "2020-10-08"),
        ("Kadugli", "2020-10-04"),
    ]


def test_several_targets_are_one_event_each_and_the_figures_are_not_repeated(extract):
    text = "Russian artillery shelled Mykolaiv and Ochakiv on Sunday, killing three civilians."
    incs = current(extract(text))
    assert sorted(i.location for i in incs) == ["Mykolaiv", "Ochakiv"]
    assert {i.event_type for i in incs} == {"Explosions/Remote violence"}
    assert all(i.fatalities is None for i in incs)  # a figure told for the list is the list's


def test_an_aggregate_over_a_period_is_one_event_with_the_range_precision(extract):
    text = (
        "Between 4 and 17 October 2020, four missile attacks on Mykolaiv killed 32 people, "
        "officials said."
    )
    [inc] = current(extract(text, published=None))
    assert (inc.location, inc.event_date, inc.time_precision) == ("Mykolaiv", "2020-10-17", 3)
    assert inc.fatalities == 32


def test_two_verbs_acting_on_two_places_are_two_events(extract_geoparsed):
    text = "Iraqi troops recaptured Samarra on Sunday and shelled Tikrit."
    incs = current(extract_geoparsed(text))
    assert sorted((i.location, i.event_type) for i in incs) == [
        ("Sāmarrā’", "Battles"),
        ("Tikrīt", "Explosions/Remote violence"),
    ]


def test_a_place_the_object_names_through_of_is_the_verbs_own_place(extract_geoparsed):
    text = "On Sunday rebels captured the village of Kharkiv, and they also took parts of Izium."
    incs = current(extract_geoparsed(text))
    assert sorted(i.location for i in incs) == ["Izyum", "Kharkiv"]


def test_a_second_verb_with_no_place_tells_more_of_the_same_act(extract_geoparsed):
    text = "Rebel fighters seized Tikrit on Sunday and freed two hundred prisoners."
    [inc] = current(extract_geoparsed(text))
    assert inc.event_type == "Battles"


def test_pair_dates_gives_each_place_the_date_after_it():
    assert pair_dates([0, 30], [(10, "a"), (40, "b")]) == ["a", "b"]
    assert pair_dates([0, 30], [(50, "x")]) == ["x", "x"]


# ------------------------------------------------------------------ junk never changes the result
def _summary(incs):
    return [(i.event_type, i.sub_event_type, i.location, i.event_date, i.fatalities) for i in incs]


def test_a_trailing_stray_token_emoji_or_markup_changes_nothing(extract):
    base = "Gunmen killed five villagers near Djenne on Sunday, the local mayor said."
    want = _summary(current(extract(base)))
    assert want and want[0][0] == "Violence against civilians"
    for junk in (" x", " 😢", " </p>", " {{cite news}}", "\n\n`", " ##"):
        assert _summary(current(extract(base + junk))) == want, junk


# ------------------------------------------------------------------ one event, several sentences
def test_a_follow_up_without_a_place_adds_to_the_event_just_told(extract):
    text = (
        "Militants attacked a police post in Sevare on Sunday. "
        "Two policemen and three attackers were killed in the exchange of fire."
    )
    [inc] = current(extract(text))
    assert (inc.event_type, inc.location, inc.fatalities) == ("Battles", "Sevare", 5)
    assert len(inc.sources) == 2


def test_a_lede_dated_only_by_its_telling_takes_the_day_the_next_sentence_gives(extract):
    """The event's day is the one told after the lede; later sentences of that day join it."""
    text = (
        "Sudan said Monday that soldiers shot a herder near Kadugli.\n\n"
        "On Saturday evening, a patrol opened fire at him. "
        "Officials said it was not clear whether he died after being shot."
    )
    [inc] = current(extract(text))
    assert inc.event_date == "2021-03-13" and len(inc.sources) == 3


def test_the_next_sentence_gives_the_day_and_town_of_a_lede_told_by_country(extract):
    """Inverted pyramid: the lede names the country, the next sentence the day and the town."""
    text = (
        "Gunmen shot dead nine villagers at a bar in Mali.\n\n"
        "The assassins struck early on Saturday in a bar near the town of Djenne, residents said."
    )
    [inc] = current(extract(text))
    assert (inc.location, inc.event_date) == ("Djenne", "2021-03-13")


def test_a_placed_aggregate_does_not_place_an_event_told_without_a_place(extract):
    text = (
        "Two soldiers were wounded by a passing patrol on Sunday. "
        "Gunmen claimed around 100 attacks in Mosul in August alone."
    )
    [inc] = current(extract(text))
    assert inc.geo_precision == 3  # at most the report's area, never "in Mosul" itself


def test_targets_hit_after_a_shelling_are_hit_by_the_shelling(extract):
    text = (
        "Russian artillery fired 30 shells at Mykolaiv district overnight. The district "
        "centre and the Ochakiv community were hit, the governor said."
    )
    incs = current(extract(text))
    assert {i.location for i in incs} == {"Mykolaiv", "Ochakiv"}
    assert {i.event_type for i in incs} == {"Explosions/Remote violence"}


def test_places_of_one_sentence_stay_apart_after_a_lede_with_no_place(extract):
    """One event per place even under a placeless lede; a bare toll joins, it is no new act."""
    text = (
        "Soldiers killed 20 militants after gunmen launched overnight attacks on army "
        "positions.\n\nThe army said the attacks hit the army post in Kadugli and another "
        "in Dilling.\n\nA spokesman said three soldiers were killed and seven others were "
        "wounded."
    )
    incs = current(extract(text))
    assert sorted(i.location for i in incs) == ["Dilling", "Kadugli"]
    assert sum(i.fatalities or 0 for i in incs) == 23


@pytest.mark.parametrize(
    ("first", "pointer"),
    [
        (
            "Militants attacked a police post in Mopti on Sunday.",
            "The attack on the post lasted two hours, a police source said.",
        ),
        # a pointer with the event's day names it again
        (
            "Police shot dead a suspect in Mopti on Sunday as they tried to arrest him.",
            "Hours before the shoot-out with police on Sunday, the suspect gave an interview.",
        ),
    ],
)
def test_a_pointer_back_joins_the_event_it_points_to(extract_geoparsed, first, pointer):
    text = first + "\n\nSeparately, soldiers arrested six men in Bamako on Monday.\n\n" + pointer
    incs = current(extract_geoparsed(text))
    told = next(i for i in incs if i.location == "Mopti")
    assert len(told.sources) == 2 and len(incs) == 2, [i.notes for i in incs]


def test_a_place_described_by_the_act_points_back_at_it(extract):
    text = (
        "Gunmen raided the village of Tamboro near Mopti on Thursday night, killing three "
        "people.\n\n"
        "The village hit by the incursion of the armed group had been spared until then."
    )
    incs = current(extract(text))
    assert len(incs) == 1 and incs[0].fatalities == 3, [i.notes for i in incs]


def test_what_a_place_serves_for_is_no_act(extract_geoparsed):
    text = (
        "The forests along the river are thought to shelter insurgents, possibly serving as a "
        "staging post for attacks into neighbouring Macomia."
    )
    assert current(extract_geoparsed(text)) == []


def test_a_days_possessive_points_back_at_that_days_act(extract):
    text = (
        "Militants attacked an army patrol near Mopti on Tuesday morning.\n\n"
        "The army killed one militant in Tuesday's attack, the army chief said."
    )
    [inc] = current(extract(text))
    assert len(inc.sources) == 2 and inc.fatalities == 1


@pytest.mark.parametrize(
    "text",
    [
        # a new act in a new paragraph without a place
        "Drones struck Mykolaiv on Sunday, officials said.\n\n"
        "Elsewhere, rockets hit a school, wounding four pupils.",
        # a new act with a day of its own after a lede: another event, not its detail
        "Gunmen shot dead nine villagers at a market in Mali. On Saturday night a mine "
        "exploded under an army truck.",
        # the event noun says it is one more
        "An airstrike on a market in Ukraine killed ten people on Sunday, officials said. "
        "Officials also reported another airstrike on Ochakiv that wounded two people.",
        "A car bomb killed ten people at a market in Syria, monitors said. "
        "A similar explosion on Saturday killed four people, they said.",
    ],
)
def test_a_new_act_is_an_event_of_its_own(extract, text):
    assert len(current(extract(text))) == 2


def test_a_headline_or_caption_supports_but_never_makes_an_event(extract):
    text = (
        "Rockets hit Mosul\n\n"
        "Rockets hit a market in Mosul on Sunday, killing two civilians, police said.\n\n"
        "Soldiers patrol a street in Kadugli"
    )
    [inc] = current(extract(text))
    assert inc.location == "Mosul" and len(inc.sources) == 2


def test_a_presumed_event_with_no_antecedent_is_not_told_here(extract):
    text = "France condemned the shelling of civilian areas and urged restraint."
    assert current(extract(text)) == []


def test_a_clause_before_a_semicolon_tells_the_event_the_noun_after_it_names(extract_geoparsed):
    # the parser hangs "marched" under "ended"; "the march" points to it, not to anything earlier
    text = "Citizens of Kaya marched to demand water; the march ended with a petition to the mayor."
    [inc] = current(extract_geoparsed(text))
    assert inc.event_type == "Protests"


def test_a_setting_clause_is_its_own_event_but_an_outcome_clause_is_not(extract):
    text = "The government declared a curfew in Kadugli after clashes in Dilling on Sunday."
    kinds = sorted((i.location, i.event_type) for i in current(extract(text)))
    assert kinds == [("Dilling", "Battles"), ("Kadugli", "Strategic developments")]
    text = "Six people were killed after bandits attacked Babanusa on Sunday."
    [inc] = current(extract(text))
    assert (inc.location, inc.fatalities) == ("Babanusa", 6)


def test_an_act_on_the_target_named_before_is_the_same_event(extract):
    text = (
        "On Sunday militants detonated a car bomb at an army base near Kadugli.\n\n"
        "The militants briefly took over the base, officials said."
    )
    assert len(current(extract(text))) == 1


def test_a_past_perfect_description_of_the_actors_does_not_date_the_event(extract):
    text = "Police dispersed rioting protesters who had been barricading roads in Mopti."
    incs = current(extract(text))
    assert incs and incs[0].background is False


def test_a_past_perfect_in_a_clause_of_sequence_is_the_same_time_not_history(extract):
    text = "Shelling of Kadugli began an hour after rebel fighters had advanced into Dilling."
    incs = extract(text)
    assert incs and all(i.background is False for i in incs)
    # the pluperfect of the main clause still tells history
    old = extract("Rebel fighters had advanced into Dilling.")
    assert old and all(i.background for i in old)


def test_a_time_right_after_a_named_death_dates_the_death_not_the_crowd(extract):
    text = "Protesters clashed with police in Kadugli over the killing of a trader on Thursday."
    [inc] = current(extract(text))
    assert inc.event_date != "2021-03-11" and inc.time_precision == 2


def test_a_clause_told_days_after_or_before_the_main_one_is_dated_apart(extract):
    # Sunday is the 14th: "two days after" puts the capture of Kadugli on the 12th.
    text = "Rebels attacked the town of Dilling on Sunday, two days after they captured Kadugli."
    dates = {i.location: i.event_date for i in current(extract(text))}
    assert dates.get("Kadugli") == "2021-03-12"


def test_one_person_named_again_by_the_same_noun_is_the_same_event(extract):
    text = (
        "Soldiers shot a fisherman at sea on Saturday, officials said.\n\n"
        "The reason the 52-year-old fisherman was shot is not known, but the soldiers may "
        "have been acting on orders, his family said."
    )
    [inc] = current(extract(text))
    assert len(inc.sources) == 2


def test_a_time_after_a_named_abduction_is_its_own_day_when_the_abduction_is_told(extract):
    text = "Police blamed the abduction of a trader on Thursday in Kadugli on RSF fighters."
    [inc] = current(extract(text))
    assert inc.event_date == "2021-03-11"


def test_a_day_that_names_another_event_yields_to_the_clauses_own_time(extract):
    text = (
        "Police arrested 30 people in Kadugli early Sunday in their first clash with "
        "protesters since the March 2 shooting of a student."
    )
    incs = current(extract(text))
    assert incs and all(i.event_date == "2021-03-14" for i in incs)


def test_a_toll_counted_over_a_month_or_a_year_is_no_outcome_of_the_days_event(extract):
    text = (
        "Rebels shelled Dilling on Sunday, killing two civilians, officials said.\n\n"
        "More than 500 people have been killed in the region this year, according to the "
        "United Nations.\n\n"
        "At least 300 people have been killed in the past month."
    )
    [inc] = current(extract(text))
    assert inc.fatalities == 2 and len(inc.sources) == 1


def test_a_setting_clause_dated_only_by_its_sentence_takes_the_day_another_account_gives(
    extract,
):
    # Thursday is the 11th; the caption (a line with no full stop) dates the death itself.
    text = (
        "Riots broke out in Kadugli on Thursday after a shopkeeper died in police custody.\n\n"
        "Adam Musa died in police custody in Kadugli on Wednesday night after he was beaten "
        "by two officers"
    )
    dates = {i.event_type: i.event_date for i in current(extract(text))}
    assert dates == {"Riots": "2021-03-11", "Violence against civilians": "2021-03-10"}


def test_the_war_told_on_after_a_war_dated_in_the_past_is_background(extract):
    text = (
        "Rebels shelled Kadugli on Sunday, killing four people.\n\n"
        "The town was the front of the 1994 border war between the two states.\n\n"
        "The war lasted for a year and left more than 5,000 dead on both sides."
    )
    incs = current(extract(text))
    assert [(i.location, i.fatalities) for i in incs] == [("Kadugli", 4)]



def test_a_toll_told_as_the_start_of_a_period_is_no_toll_of_the_day(extract):
    text = (
        "Rebels shelled Kadugli on Sunday, killing four people.\n\n"
        "Relations have been tense since a raid on the border left 30 soldiers dead."
    )
    incs = current(extract(text))
    assert [(i.location, i.fatalities) for i in incs] == [("Kadugli", 4)]


def test_entries_of_two_months_are_two_events_though_no_sentence_states_its_month(extract):
    text = (
        "Chronology\n\n"
        "  • December 2024: The rebels took a base in the hills.\n"
        "  • July 2024: The rebels took the town of Dilling.\n"
        "  • April 2025: The rebels took the town of Babanusa."
    )
    got = sorted(str(i.event_date) for i in current(extract(text, published=None)))
    assert got == ["2024-07-01", "2024-12-01", "2025-04-01"]


@pytest.mark.parametrize(
    ("text", "fatalities"),
    [
        ("Rioters blocked roads in Kadugli on Sunday. One man was killed.", 1),
        ("Rioters burned tyres in Kadugli on Sunday. They fought battles with police.", None),
    ],
)
def test_a_toll_or_a_fight_told_after_a_riot_is_part_of_it(extract, text, fatalities):
    [inc] = current(extract(text))
    assert (inc.event_type, inc.fatalities) == ("Riots", fatalities)


def test_the_killing_a_riot_answers_is_another_event(extract):
    text = "Protesters rioted in Khartoum on Sunday after a detainee died in police custody."
    types = sorted(i.event_type for i in current(extract(text)))
    assert types == ["Riots", "Violence against civilians"]


def test_a_salvo_and_its_interception_are_one_strike(extract):
    text = (
        "Rebels fired ten rockets at Kadugli on Sunday, according to the army, "
        "which said air defences shot down eight of them over Kadugli."
    )
    [inc] = current(extract(text))
    assert inc.event_type == "Explosions/Remote violence"


def test_one_of_the_bombs_hitting_a_district_of_the_town_is_the_same_strike(extract_geoparsed):
    text = (
        "Russian forces struck Kharkiv with missiles on Sunday, killing three people, "
        "officials said.\n\n"
        "One of the missiles hit a school in the city's Osnovianskyi district, and "
        "rescuers were still searching the rubble on Monday morning, they said."
    )
    [inc] = current(extract_geoparsed(text))
    assert (inc.location, inc.event_date) == ("Kharkiv", "2021-03-14")


def test_a_toll_counted_since_the_war_began_is_no_event(extract):
    text = (
        "Rebels shelled Kadugli on Saturday, killing two people.\n\n"
        "On Sunday a news agency reported that over 3,000 civilians had been killed in "
        "Sudan since the outbreak of the war."
    )
    [inc] = current(extract(text))
    assert inc.fatalities == 2


@pytest.mark.parametrize(
    "tally",
    [
        "Nearly eight months of violence on the border has left at least 451 people dead in "
        "Sudan, according to a news agency tally.",
        "At least 399 people have been killed in Sudan in seven months of cross-border "
        "violence, according to a news agency tally.",
    ],
)
def test_a_toll_over_months_of_violence_is_no_event(extract, tally):
    text = "Rebels shelled Kadugli on Saturday, killing two people.\n\n" + tally
    [inc] = current(extract(text))
    assert inc.fatalities == 2


def test_a_day_that_names_an_earlier_event_dates_no_later_sentence(extract):
    text = (
        "Rebels have traded fire with the army since the group's October 7 attack on "
        "Dilling.\n\n"
        "Two civilians were killed in a strike on their home in Kadugli, a news agency "
        "reported."
    )
    killed = [i for i in current(extract(text)) if i.location == "Kadugli"]
    assert killed and not killed[0].background and killed[0].event_date != "2020-10-07"


def test_what_an_attack_answers_is_another_event(extract):
    text = "Rebels shelled Kadugli on Sunday in response to army air strikes on Dilling."
    places = {i.location: i.sub_event_type for i in current(extract(text))}
    assert places == {
        "Kadugli": "Shelling/artillery/missile attack",
        "Dilling": "Air/drone strike",
    }


def test_it_took_place_in_places_the_event_told_before(extract):
    text = (
        "Gunmen killed five soldiers at an army base in Sudan on Sunday, officials said. "
        "It took place on the outskirts of Kadugli."
    )
    [inc] = current(extract(text))
    assert (inc.event_type, inc.location) == ("Battles", "Kadugli")



def test_a_habitual_summary_does_not_swell_the_event_s_toll(extract):
    text = (
        "Shelling by the militia killed 13 people in a mosque in Kadugli on Wednesday. "
        "The militia has launched near-daily artillery and drone strikes on the town, "
        "reportedly killing hundreds."
    )
    now = current(extract(text))
    assert [i.fatalities for i in now] == [13]


def test_a_toll_told_by_how_long_the_war_has_run_is_no_event(extract):
    text = (
        "An air strike killed four people in Mosul on Sunday. "
        "Nearly three weeks into the campaign of air strikes, at least 900 people have been "
        "killed, officials said."
    )
    assert [i.fatalities for i in current(extract(text))] == [4]


@pytest.mark.parametrize("since", ["April last year", "April 2020"])
def test_a_pointer_back_after_a_duration_joins_the_event_of_the_reports_time(extract, since):
    """A state "since" a past month is background; "the attack" after it is today's strike."""
    text = (
        "A drone strike killed dozens near Kadugli on Sunday.\n"
        f"The army has been engaged in combat with the militia since {since}.\n"
        "Residents said up to 30 civilians lost their lives in the attack.\n"
    )
    [strike] = current(extract(text))
    assert strike.event_type == "Explosions/Remote violence"
    assert len(strike.sources) == 2 and strike.fatalities == 30


def test_a_toll_counted_since_protests_began_is_no_event(extract):
    text = (
        "Police fired tear gas at protesters in Khartoum on Sunday.\n"
        "Rights groups say 39 people have been killed by security forces since the "
        "protests against the new tax law began two weeks ago.\n"
    )
    incs = current(extract(text))
    assert [i.fatalities for i in incs] == [None]


def test_a_toll_counted_since_an_insurgency_began_is_no_events_toll(extract):
    text = (
        "Later the same day, three people died in an attack on a neighbourhood of Mopti.\n\n"
        "Since the crisis began, more than 200 people have been killed.\n"
    )
    assert [i.fatalities for i in current(extract(text))] == [3]


def test_arrests_counted_since_an_emergency_was_declared_are_no_event(extract):
    text = (
        "Drones struck a market in Kadugli on Sunday, killing 12 civilians.\n\n"
        "More than 1,000 people have been arrested in Kadugli since the declaration of a "
        "state of emergency.\n"
    )
    codes = [i.sub_event_type for i in current(extract(text)) if not i.background]
    assert "Arrests" not in codes


def test_who_was_attacked_in_a_when_clause_did_not_attack(extract):
    text = (
        "Four fishermen were returning home from the sea near Mopti on Tuesday when they "
        "were attacked.\n"
    )
    [inc] = current(extract(text))
    assert inc.event_type == "Violence against civilians" and inc.actor1 is None


@pytest.mark.parametrize(
    "second",
    [
        # "It was the deadliest attack" ranks the event just told
        "It was the group's deadliest attack since it seized the town in 2019.",
        # fighting that has raged for months is a state
        "The region has seen some of the fiercest resistance, with intense fighting raging "
        "there for months.",
    ],
    ids=["it-was-the-deadliest", "for-months"],
)
def test_a_sentence_about_the_event_or_the_war_tells_no_new_event(extract, second):
    text = f"A car bomb killed 20 people at a market in Mopti on Sunday.\n\n{second}\n"
    assert len(current(extract(text))) == 1


def test_a_campaigns_toll_since_it_began_is_no_days_toll(extract):
    text = (
        "Rebels captured the town of Mopti on Sunday.\n\n"
        "The offensive, led by the rebel coalition, began Wednesday and has left more than "
        "300 people dead.\n\n"
        "Airstrikes have killed 56 people since the rebels launched their offensive.\n"
    )
    assert [i.fatalities for i in current(extract(text))] == [None]


def test_a_bare_strike_after_remote_violence_is_that_remote_violence(extract):
    text = (
        "Warplanes launched air strikes on Mopti overnight, targeting rebel areas.\n\n"
        "Monitors reported that 23 strikes in Mopti and nearby Djenne killed four civilians.\n"
    )
    codes = {(i.event_type, i.sub_event_type) for i in current(extract(text))}
    assert codes == {("Explosions/Remote violence", "Air/drone strike")}


def test_a_bare_attack_in_the_lede_takes_the_means_told_next(extract):
    text = (
        "At least 32 civilians were killed in an attack by the militia in Mopti on Sunday.\n\n"
        "The militia launched a barrage of drones, followed by artillery shelling on the town.\n"
    )
    incs = current(extract(text))
    assert [(i.event_type, i.fatalities) for i in incs] == [("Explosions/Remote violence", 32)]


def test_a_datelines_filing_day_does_not_date_the_lede(extract):
    text = (
        "MOPTI, Aug 30 (Agencies) — Five people have been beheaded by suspected militants "
        "in central Mali, a news site reports.\n\n"
        "Four fishermen were attacked near Mopti on Tuesday as they returned home.\n"
    )
    incs = current(extract(text, published=dt.date(2019, 8, 30)))
    assert [i.event_date for i in incs] == ["2019-08-27"]


def test_a_datelines_filing_day_after_the_headline_does_not_date_the_lede(extract):
    text = (
        "4 UN peacekeepers killed in Mali\n\n"
        "MOPTI, May 10: A rebel group ambushed a UN convoy near Mopti, leaving four "
        "peacekeepers dead, the United Nations said today.\n\n"
        "Eight fighters were also killed in the battle Monday night, a UN spokesman said.\n"
    )
    incs = current(extract(text, published=dt.date(2017, 5, 10)))
    assert [i.event_date for i in incs] == ["2017-05-08"], [i.notes for i in incs]


def test_a_pronoun_that_acts_goes_on_with_the_event_told(extract):
    text = (
        "A suicide bomber blew himself up outside a mosque in Mopti on Friday, killing five "
        "people, officials said.\n\n"
        "A police official said officers confronted the attacker at a checkpoint near the "
        "mosque. But that is when he ignited his explosives, blowing himself up.\n"
    )
    [inc] = current(extract(text))
    assert len(inc.sources) >= 2


def test_the_attackers_told_of_go_on_in_a_new_paragraph(extract):
    """"The gunmen" are the ones the lede introduced; the lede takes the day told below."""
    text = (
        "At least two people were killed when unknown gunmen opened fire on residents of a "
        "village in North Darfur, the state police commissioner said on Sunday.\n\n"
        '"So far we have confirmed two people killed on Saturday by these criminals," the '
        "commissioner told reporters.\n\n"
        "The gunmen stormed the village and opened fire on residents, he said.\n"
    )
    incs = current(extract(text))
    assert [(i.event_date, i.time_precision, i.fatalities, len(i.sources)) for i in incs] == [
        ("2021-03-13", 1, 2, 3)
    ]


def test_other_gunmen_are_not_the_ones_told_of(extract):
    text = (
        "Gunmen killed two villagers near Mopti on Saturday.\n\n"
        "Other gunmen attacked a police post in Sevare on Saturday, killing a policeman.\n"
    )
    assert sorted(i.location for i in current(extract(text))) == ["Mopti", "Sevare"]


def test_the_day_an_attack_took_place_dates_the_undated_lede(extract_geoparsed):
    text = (
        "At least eight people were killed when gunmen attacked the village of Bungo in the "
        "province of North Kivu, local officials said.\n\n"
        "A Red Cross official in the area, who spoke to reporters on condition of anonymity, "
        "said the attack took place at around 1am on Saturday.\n"
    )
    [inc] = current(extract_geoparsed(text))
    assert (inc.event_date, inc.time_precision, inc.fatalities) == ("2021-03-13", 1, 8)


def test_a_statement_that_the_attack_occurred_on_a_day_dates_the_attack(extract):
    text = (
        "The army on Monday accused the militia of killing at least 17 civilians in an "
        "attack in North Darfur.\n\n"
        "The army said in a statement that the attack occurred on Saturday evening near "
        "Kadugli.\n"
    )
    [inc] = current(extract(text))
    assert (inc.event_date, inc.location, inc.fatalities) == ("2021-03-13", "Kadugli", 17)


def test_one_demonstration_told_in_parts_is_one_event(extract):
    """The road blocked, the tear gas and the assault at one protest: one event, coded by force."""
    text = (
        "Students filed a complaint against the police today after the police had assaulted "
        "some of them yesterday during a protest in Kadugli.\n\n"
        "The students' union said that 28 students were injured in the assault while 4 "
        "students had been arrested.\n\n"
        "The police fired tear gas to disperse the students when they staged a protest "
        "opposite the ministry in Kadugli.\n\n"
        "After holding a march, the students blocked the road opposite the ministry and "
        "staged a protest.\n\n"
        "The police later used tear gas and dispersed the protesting students.\n"
    )
    incs = current(extract(text))
    assert [(i.sub_event_type, i.injuries) for i in incs] == [
        ("Excessive force against protesters", 28)
    ]


def test_a_where_clause_with_its_own_day_tells_another_event(extract):
    text = (
        "Eleven soldiers were killed in an attack on an army post near Mopti, in an area "
        "where 69 civilians were killed in an ambush last week, the government said.\n"
    )
    incs = sorted(current(extract(text)), key=lambda i: i.event_date)
    assert [(i.event_date, i.fatalities) for i in incs] == [("2021-03-08", 69), ("2021-03-15", 11)]


def test_the_incident_occurred_in_places_the_event_and_last_weeks_raid_stays_apart(extract):
    text = (
        "The defence ministry said on Saturday that at least ten soldiers were killed in an "
        "ambush by armed terrorists in southwest Sudan.\n\n"
        "According to a ministry statement, 16 individuals are still missing and 13 soldiers "
        "were hurt in the attack on Friday.\n\n"
        "The incident occurred in Kadugli, a town in the south.\n\n"
        "The area is close to Dilling, where last week, armed gunmen raided a camp sheltering "
        "migrants.\n"
    )
    incs = current(extract(text))
    assert [(i.location, i.event_date, i.time_precision) for i in incs] == [
        ("Kadugli", "2021-03-12", 1),
        ("Dilling", "2021-03-08", 2),
    ]
    assert incs[0].injuries == 13


def test_a_bare_attack_takes_the_means_told_next_in_its_country(extract):
    text = (
        "Two soldiers were killed on Tuesday when rebels attacked a military base near "
        "Kadugli.\n\n"
        "The rebels launched explosive devices from a dump truck at a remote military base "
        "in southern Sudan.\n"
    )
    incs = current(extract(text))
    assert [(i.sub_event_type, i.location, i.fatalities) for i in incs] == [
        ("Remote explosive/landmine/IED", "Kadugli", 2)
    ]


def test_protests_told_by_country_and_a_riot_in_its_town_with_the_same_dead_are_one(
    extract_geoparsed,
):
    text = (
        "At least 12 dead in anti-government protests in southern Mali\n\n"
        "At least 12 people died following clashes in Mopti on Monday, the regional health "
        "ministry said, after a resumption of protests demanding early elections."
    )
    incs = current(extract_geoparsed(text))
    got = [(i.location, i.event_type) for i in incs]
    assert len(incs) == 1 and incs[0].location == "Mopti", got


@pytest.mark.parametrize(
    "violence",
    [
        "Police are detaining the protesters who are tossing bottles and other objects at them.",
        # a live report's next line is no photo caption
        "Protesters are responding by throwing stones and pyrotechnics at the police.",
    ],
)
def test_a_demonstration_is_violent_if_any_part_of_it_was(extract, violence):
    text = (
        "Riot police have begun to break up a protest rally near the parliament in Mopti, a "
        "correspondent reported.\n\n" + violence + "\n\n"
        "Police also used tear gas against the protesters near the parliament in Mopti.\n"
    )
    incs = consolidate(current(extract(text)))  # as `mapper extract` writes them
    assert [(i.event_type, i.sub_event_type) for i in incs] == [
        ("Riots", "Violent demonstration")
    ], [i.notes for i in incs]


def test_property_destroyed_in_the_attack_told_is_that_attack(extract):
    text = (
        "An army air strike on a village killed six civilians, residents said.\n\n"
        "A military jet dropped two bombs on a village near Kadugli on Sunday afternoon, "
        "according to a local official.\n\n"
        "Six people were killed and nine wounded, he said.\n\n"
        '"There was no fighting, but they came to bomb the village," he said, adding 14 '
        "houses had been destroyed in the attack.\n"
    )
    incs = current(extract(text))
    assert [(i.sub_event_type, i.fatalities) for i in incs] == [("Air/drone strike", 6)]


@pytest.mark.parametrize(
    ("lede", "tally", "place"),
    [
        # towns taken, counted over a campaign
        (
            "Rebels seized the town of Dilling on Monday, residents said.",
            "In all, the rebels have captured at least 9 of 18 district capitals, including "
            "Kadugli and Babanusa, in the space of a week.",
            "Dilling",
        ),
        # events counted over a month, a year or several districts
        (
            "Gunmen killed two policemen near Kadugli on Monday, police said.",
            "In February alone, over 20 gun and grenade attacks were launched by militants in "
            "five districts, killing at least nine policemen.",
            "Kadugli",
        ),
        (
            "Gunmen killed two policemen near Kadugli on Monday, police said.",
            "The air force carried out more than 300 air strikes in the last year, the United "
            "Nations said.",
            "Kadugli",
        ),
    ],
)
def test_a_running_total_of_towns_or_events_is_no_event(extract, lede, tally, place):
    incs = current(extract(lede + "\n\n" + tally + "\n"))
    assert [i.location for i in incs] == [place], [(i.location, i.notes) for i in incs]


def test_a_quoted_running_count_with_a_dated_telling_is_no_event(extract):
    text = (
        "Shelling killed 12 people in Kadugli on Saturday, activists said.\n\n"
        '"The people of the state are living through a nightmare, with thousands of '
        'civilians killed," the envoy told reporters late last month.'
    )
    assert [(i.location, i.fatalities) for i in current(extract(text))] == [("Kadugli", 12)]


def test_a_toll_counted_since_a_year_is_no_event(extract):
    text = (
        "Gunmen killed 12 villagers near Kadugli on Monday.\n\nThe rebels have been "
        "accused of killing more than 700 people since October 2014."
    )
    assert [(i.location, i.fatalities) for i in extract(text)] == [("Kadugli", 12)]


def test_what_a_place_has_witnessed_since_a_day_neither_dates_nor_codes_the_event(extract):
    text = (
        "At least nine persons were killed in Kadugli on Tuesday, in a state that has been "
        "witnessing unrest since May 3."
    )
    [inc] = current(extract(text))
    assert (inc.event_type, inc.event_date) == ("Violence against civilians", "2021-03-09")


def test_a_pluperfect_beside_a_simple_past_main_clause_is_no_background(extract):
    text = (
        "Police fired tear gas at protesters in Kadugli on Sunday.\n\nIn chaotic scenes, "
        "protesters overwhelmed police and chased them away in an attempt to storm the "
        "parliament compound, with Citizen TV reporting protesters had managed to enter the "
        "Senate chamber."
    )
    assert not any(i.background for i in extract(text))


def test_a_village_of_the_town_the_lede_named_is_that_event(extract_geoparsed):
    text = (
        "Gunmen killed six soldiers in an ambush in the town of Kadugli, officials said "
        "on Thursday.\n\nOfficials said the soldiers were pursuing a band of militants when "
        "gunmen ambushed them on Wednesday in Mapperbeng village in Kadugli."
    )
    assert len(current(extract_geoparsed(text))) == 1


def test_an_event_measured_off_from_the_told_one_is_another_on_its_own_day(extract):
    text = (
        "Barely 24 hours after bandits killed 12 people in Dilling, gunmen have killed "
        "another seven people in Kadugli."
    )
    got = sorted((i.location, i.event_date, i.fatalities) for i in current(extract(text)))
    assert got == [("Dilling", "2021-03-14", 12), ("Kadugli", "2021-03-15", 7)]


@pytest.mark.parametrize("where", ["in Dilling", "there"])
def test_what_an_event_came_a_day_after_is_another_event(extract, where):
    text = (
        "Soldiers killed ten militants in a raid in Kadugli on Sunday, the army said.\n\n"
        f"This came a day after gunmen shot and killed two customs officials {where}."
    )
    got = sorted((i.event_date, i.fatalities) for i in current(extract(text)))
    assert got == [("2021-03-13", 2), ("2021-03-14", 10)]


def test_a_setting_clause_does_not_date_the_event_of_its_sentence(extract):
    text = (
        "At least 10 people were killed when a suicide bomber drove his car into a tea shop "
        "in Kadugli, police said on Sunday.\n\nNo one immediately claimed responsibility for "
        "the blast, the second in a week after militants said they were behind an attack on "
        "the palace on Tuesday."
    )
    [inc] = [i for i in current(extract(text)) if i.fatalities == 10]
    assert inc.event_date == "2021-03-14"


def test_n_more_dead_in_an_ambush_elsewhere_is_another_event(extract):
    text = (
        "About 30 gunmen carried out an attack on a village, the village chief said, adding "
        "that he saw them set fire to homes. \"We have 20 dead,\" he said.\n\n"
        "Eight more Malian soldiers were killed and four "
        "others injured in an ambush near Mopti on Friday, the army said.\n\nMali has "
        "been struggling to contain a jihadist revolt since 2012."
    )
    incs = current(extract(text))
    assert sorted(i.fatalities for i in incs) == [8, 20]
    # the ambush's town is not where the village was attacked
    assert next(i for i in incs if i.fatalities == 20).location != "Mopti"


def test_n_more_wounded_in_the_attack_add_to_it(extract):
    text = (
        "At least two soldiers were killed in a roadside bomb attack near Mopti on Monday, "
        "officials said. A statement says four more soldiers were wounded in the attack."
    )
    [inc] = current(extract(text))
    assert inc.fatalities == 2


def test_the_airstrike_said_to_have_taken_place_on_a_day_dates_the_undated_lede(extract):
    text = (
        "Health authorities say an airstrike has slammed into a house in Kadugli, killing at "
        "least four people.\n\nKadugli has been the scene of fighting between rival "
        "militias since April.\n\nThe health ministry said the airstrike took place Sunday "
        "in Kadugli, a few kilometres from the city centre."
    )
    strikes = [i for i in current(extract(text)) if i.sub_event_type == "Air/drone strike"]
    assert [(i.event_date, i.time_precision, i.fatalities) for i in strikes] == [
        ("2021-03-14", 1, 4)
    ]


def test_a_wars_own_toll_is_no_event_of_the_day(extract):
    text = (
        "An airstrike slammed into a house in Kadugli on Sunday, killing four people.\n\n"
        "The fighting has killed hundreds and displaced thousands of people."
    )
    assert [i.fatalities for i in current(extract(text))] == [4]


def test_property_destroyed_where_the_violence_was_is_part_of_it(extract):
    # written for this test: the codebook codes destruction alone only with no violence
    text = (
        "Insurgents attacked a police checkpoint in Kadugli on Sunday, killing two officers. "
        "Three police vehicles were also burned by the insurgents in Kadugli."
    )
    [inc] = current(extract(text))
    assert inc.event_type == "Battles" and len(inc.sources) == 2


def test_the_attackers_told_of_go_on_and_their_means_codes_the_attack(extract_geoparsed):
    # written for this test: "the terrorists" are the lede's attackers, in a district of
    # the lede's province, and their bomb is the means of its attack
    text = (
        "Three soldiers were killed in a PKK attack in Batman province on Monday, officials "
        "said.\n\nThe terrorists detonated a bomb planted in the road as an army truck passed "
        "through Gercus district."
    )
    [inc] = [i for i in current(extract_geoparsed(text)) if i.fatalities]
    assert inc.event_type == "Explosions/Remote violence" and len(inc.sources) == 2


def test_a_sentence_ranking_the_event_told_is_no_event_of_its_own(extract):
    # written for this test: "this month" is the ranking's window, not a day
    text = (
        "A suicide bomber killed nine people at a market in Kadugli on Sunday.\n\n"
        "The suicide attack is the second in the town this month. On March 4, a suicide "
        "bomber detonated a car bomb outside a school in Kadugli, killing 30 people."
    )
    assert sorted(i.fatalities for i in current(extract(text))) == [9, 30]


def test_a_chronologys_entries_of_one_day_are_two_events(extract):
    text = (
        "March 9 - An exchange of gunfire in South Kordofan kills at least nine people.\n\n"
        "March 9 - Gunmen attack a religious gathering in Kadugli, killing 8 people."
    )
    assert sorted(i.fatalities for i in extract(text)) == [8, 9]


def test_the_dead_of_a_whole_offensive_are_no_outcome_of_the_day(extract_geoparsed):
    text = (
        "A drone killed a man in the Kursk region on Monday. The governor said last week "
        "that 288 civilians had been killed during the Ukrainian offensive in the region."
    )
    assert [i.fatalities for i in extract_geoparsed(text) if not i.background] == [1]


def test_a_headline_with_no_date_takes_its_ledes(extract_geoparsed):
    # written for this test: no publication date; the page's last line dates the story
    text = (
        "Soldiers kill six gunmen in southern Sudanese city (Sudan)\n\n"
        "KADUGLI, Sudan, March 13 (Wire) - Soldiers killed six gunmen laying landmines in "
        "the southern city of Kadugli, the army said on Saturday.\n\n"
        "The army said the six had been operating in an area where four soldiers were "
        "killed in a roadside bomb blast earlier this month.\n\n"
        "From: 13.03.2021"
    )
    got = {i.fatalities: i.event_date for i in current(extract_geoparsed(text, published=None))}
    assert got[6] == "2021-03-13"
