"""ACLED typing: one test per codebook definition, each on original sentences."""

from __future__ import annotations

import pytest

from mapper.incidents.coding import code_event

from .helpers import current


@pytest.mark.parametrize(
    "text, event_type, sub_event_type",
    [
        # Battles
        ("Rebels and soldiers clashed in Kadugli on Sunday.", "Battles", "Armed clash"),
        ("Militants attacked an army checkpoint near Dilling on Sunday.", "Battles", "Armed clash"),
        ("Gunmen ambushed a military convoy near Mopti on Sunday.", "Battles", "Armed clash"),
        (
            "Militants stormed an army post near Dilling on Sunday, killing four soldiers.",
            "Battles",
            "Armed clash",
        ),
        ("Soldiers shot dead four insurgents in Sevare on Sunday.", "Battles", "Armed clash"),
        (
            "Government troops recaptured the town of Dilling on Sunday.",
            "Battles",
            "Government regains territory",
        ),
        (
            "Rebel fighters seized the town of Babanusa on Sunday.",
            "Battles",
            "Non-state actor overtakes territory",
        ),
        # Explosions/Remote violence, by means
        (
            "Artillery shelled Mykolaiv on Sunday.",
            "Explosions/Remote violence",
            "Shelling/artillery/missile attack",
        ),
        (
            "A drone strike hit a depot in Ochakiv on Sunday.",
            "Explosions/Remote violence",
            "Air/drone strike",
        ),
        (
            "A roadside bomb struck a bus near Mosul on Sunday.",
            "Explosions/Remote violence",
            "Remote explosive/landmine/IED",
        ),
        (
            "On Sunday, a police car parked near the school in Mopti was blown up.",
            "Explosions/Remote violence",
            "Remote explosive/landmine/IED",
        ),
        (
            "A suicide bomber blew himself up at a market in Mosul on Sunday.",
            "Explosions/Remote violence",
            "Suicide bomb",
        ),
        (  # a weapon's acronym is the weapon, even when the model takes it for a name
            "Two soldiers were killed when insurgents fired RPG on their tank near Kadugli on "
            "Sunday.",
            "Explosions/Remote violence",
            "Shelling/artillery/missile attack",
        ),
        (  # a "suicide drone" is a loitering munition: a drone strike, not a suicide bomb
            "The militia launched suicide drones at the airport in Kadugli on Sunday.",
            "Explosions/Remote violence",
            "Air/drone strike",
        ),
        (
            "Unknown men threw a grenade into a bar in Kadugli on Sunday.",
            "Explosions/Remote violence",
            "Grenade",
        ),
        (  # activists as the source, not a crowd
            "Activists said an airstrike hit a market in Kadugli on Sunday, killing ten people.",
            "Explosions/Remote violence",
            "Air/drone strike",
        ),
        # Riots: a clash over a quarrel with no armed actor named is mob violence
        (
            "Two groups of villagers clashed over a land dispute near Kadugli on Sunday.",
            "Riots",
            "Mob violence",
        ),
        # Violence against civilians
        (
            "Villagers uncovered 14 charred bodies after soldiers burned homes near Djenne "
            "on Sunday.",
            "Violence against civilians",
            "Attack",
        ),
        (
            "Gunmen shot dead a local activist in Kadugli on Sunday.",
            "Violence against civilians",
            "Attack",
        ),
        (
            "Gunmen stormed a village near Dilling on Sunday, killing twelve villagers.",
            "Violence against civilians",
            "Attack",
        ),
        (
            "Gunmen killed six farmers in their fields near Djenne on Sunday.",
            "Violence against civilians",
            "Attack",
        ),
        (
            "Militants abducted twelve pupils from a school in Dilling on Sunday.",
            "Violence against civilians",
            "Abduction/forced disappearance",
        ),
        # Protests
        (
            "Hundreds of teachers marched through Bamako on Sunday to demand unpaid wages.",
            "Protests",
            "Peaceful protest",
        ),
        (
            "Police fired tear gas to disperse protesters in Khartoum on Sunday.",
            "Protests",
            "Protest with intervention",
        ),
        (
            "Security forces shot dead three protesters in Khartoum on Sunday.",
            "Protests",
            "Excessive force against protesters",
        ),
        # Riots
        (
            "Protesters set fire to a police station in Kadugli on Sunday.",
            "Riots",
            "Violent demonstration",
        ),
        ("A mob lynched a suspected thief in Mopti on Sunday.", "Riots", "Mob violence"),
        # whoever exchanges fire is armed: no mob, whatever the side is called
        (
            "In another incident, a youth, said to be a village volunteer, was killed in a "
            "gunfight with unidentified men near Mopti on Sunday.",
            "Battles",
            "Armed clash",
        ),
        (
            "On Sunday armed vigilantes killed a man in a shoot-out with a gang near Mopti.",
            "Battles",
            "Armed clash",
        ),
        (
            "Supporters of two rival parties clashed with sticks in Sevare on Sunday.",
            "Riots",
            "Mob violence",
        ),
        # Strategic developments
        (
            "Police arrested nine suspected smugglers in Mopti on Sunday.",
            "Strategic developments",
            "Arrests",
        ),
        (
            "On Sunday troops uncovered explosive devices planted under the roads in Mosul.",
            "Strategic developments",
            "Disrupted weapons use",
        ),
        # UN peacekeepers are an armed force: killing them is a battle
        ("Rebels killed two peacekeepers near Bambari on Monday.", "Battles", "Armed clash"),
        # clashes between unnamed sides set among protests are a violent demonstration
        (
            "At least 12 people died following clashes in Mopti on Sunday, the ministry said, "
            "after a resumption of protests demanding early elections.",
            "Riots",
            "Violent demonstration",
        ),
        # a people named by its nation, killed, are civilians, not an ethnic militia
        (
            "Soldiers killed five Palestinians near Jenin on Monday.",
            "Violence against civilians",
            "Attack",
        ),
        (
            "Soldiers defused a bomb planted under a bridge near Mosul on Sunday.",
            "Strategic developments",
            "Disrupted weapons use",
        ),
        (
            "Gunmen looted shops and burned houses in Dilling on Sunday, but no one was hurt.",
            "Strategic developments",
            "Looting/property destruction",
        ),
        (
            "The two armies agreed to a ceasefire in Kadugli on Sunday.",
            "Strategic developments",
            "Agreement",
        ),
        (
            "The government declared a curfew in Khartoum on Sunday.",
            "Strategic developments",
            "Other",
        ),
        # an armed group does not arrest: the civilians it rounds up are abducted, and
        # the killing it goes on to is the one attack
        (
            "Militants rounded up ten villagers in Dilling on Sunday.",
            "Violence against civilians",
            "Abduction/forced disappearance",
        ),
        (
            "Gunmen stormed Dilling on Sunday and rounded up villagers before executing five.",
            "Violence against civilians",
            "Attack",
        ),
    ],
)
def test_each_codebook_definition(extract, text, event_type, sub_event_type):
    incs = current(extract(text))
    assert [(i.event_type, i.sub_event_type) for i in incs] == [(event_type, sub_event_type)]


def test_the_means_decides_remote_violence_whoever_the_target():
    assert code_event(frozenset({"shell", "kill"}), ("state",), ("civilian",), ("civilian",)) == (
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
    )


def test_a_clash_with_shells_is_still_a_battle():
    assert code_event(frozenset({"clash", "shell"}), ("state",), ("nonstate",), ()) == (
        "Battles",
        "Armed clash",
    )


def test_weapons_stopped_in_an_attack_that_went_on_are_the_attack():
    assert code_event(frozenset({"attack", "air_means", "disrupt"}), ("state",), (), ()) == (
        "Explosions/Remote violence",
        "Air/drone strike",
    )


def test_deaths_alone_tell_no_event():
    assert code_event(frozenset({"die"}), (), (), ("civilian",)) is None


def test_ground_a_force_tried_to_take_is_an_armed_clash_not_a_capture(extract):
    tried = current(extract("On Sunday rebel fighters tried to take the town of Dilling."))
    effort = current(extract("On Sunday rebel fighters began their efforts to capture Kadugli."))
    taken = current(extract("On Sunday rebel fighters captured the town of Dilling."))
    assert [(i.event_type, i.sub_event_type) for i in tried + effort] == [
        ("Battles", "Armed clash"),
        ("Battles", "Armed clash"),
    ]
    assert [i.sub_event_type for i in taken] == ["Non-state actor overtakes territory"]


def test_an_armed_force_defeated_or_driven_back_is_an_armed_clash(extract):
    beaten = current(extract("On Sunday rebel fighters defeated the army near Dilling."))
    repelled = current(extract("On Sunday the army repelled rebel fighters near Kadugli."))
    assert [(i.event_type, i.sub_event_type) for i in beaten + repelled] == [
        ("Battles", "Armed clash"),
        ("Battles", "Armed clash"),
    ]
    assert not current(extract("On Sunday the home side defeated the visitors in Kadugli."))


def test_a_ceasefire_named_only_as_violated_is_no_agreement(extract):
    incs = extract("On Sunday officials in Mopti said the rebels had violated the ceasefire.")
    assert not [i for i in incs if i.sub_event_type == "Agreement"]
    [inc] = current(extract("On Sunday the rebels and the army signed a ceasefire in Mopti."))
    assert inc.sub_event_type == "Agreement"


@pytest.mark.parametrize(
    ("text", "event_type", "sub_event_type"),
    [
        # believers killed, former or off-duty personnel, "X shot dead Y": civilians
        ("On Sunday 40 Christians were massacred in Mopti.", "Violence against civilians", None),
        ("On Sunday rebels killed a former soldier in Mopti.", "Violence against civilians", None),
        ("On Sunday gunmen shot dead a trader in Mopti.", "Violence against civilians", None),
        # a community attacked is the people of a place, not a communal militia
        (
            "Gunmen attacked the Hamar community near Kadugli on Sunday, killing four.",
            "Violence against civilians",
            None,
        ),
        # armed men who ransack loot; a crowd that does riots
        (
            "On Sunday soldiers ransacked shops in Mopti.",
            "Strategic developments",
            "Looting/property destruction",
        ),
        ("On Sunday an angry mob ransacked shops in Mopti.", "Riots", "Mob violence"),
        # one goes "on" a strike that lasts hours: labour, not an attack
        (
            "On Sunday, students went on a 72-hour strike and held a sit-in in Mopti.",
            "Protests",
            "Peaceful protest",
        ),
        # riot police and water cannons: an intervention, no riot, no shelling
        ("On Sunday riot police fired water cannons at protesters in Mopti.", "Protests", None),
        # ground taken is the object's own noun phrase
        (
            "On Sunday militants seized a van in the town of Sevare.",
            "Strategic developments",
            "Looting/property destruction",
        ),
        (
            "On Sunday rebels seized the town of Djenne.",
            "Battles",
            "Non-state actor overtakes territory",
        ),
        # a party's factional clash and road-blocking are riots (ACLED's codebook)
        (
            "On Sunday two factions of the Unity League fought each other in Mopti.",
            "Riots",
            "Mob violence",
        ),
        (
            "On Sunday traders blocked the road to Mopti to protest a new tax.",
            "Riots",
            "Violent demonstration",
        ),
        # a noun with a past participle is a passive without its auxiliary: the target
        (
            "Sunday: village chief and his guests attacked by armed men near Mopti.",
            "Violence against civilians",
            "Attack",
        ),
    ],
)
def test_who_did_what_to_whom_decides_the_type(extract, text, event_type, sub_event_type):
    [inc] = current(extract(text))
    assert inc.event_type == event_type
    assert sub_event_type is None or inc.sub_event_type == sub_event_type


def test_ramming_with_a_vehicle_is_an_attack(extract):
    text = "A pickup truck rammed a police checkpoint in Sevare on Sunday, police said."
    [inc] = current(extract(text))
    assert (inc.event_type, inc.sub_event_type) == ("Battles", "Armed clash")


def test_a_vehicle_told_with_the_people_it_carries_is_those_people_as_a_target(extract):
    text = "Gunmen attacked a bus carrying passengers near Mopti on Sunday."
    [inc] = current(extract(text))
    assert (inc.event_type, inc.sub_event_type) == ("Violence against civilians", "Attack")
    text = "Gunmen attacked a bus full of soldiers near Mopti on Sunday."
    [inc] = current(extract(text))
    assert inc.event_type == "Battles"


def test_who_ground_fell_to_or_came_under_the_control_of_took_it(extract):
    text = "Kadugli fell to government troops on Sunday after heavy fighting."
    [inc] = current(extract(text))
    assert inc.sub_event_type == "Government regains territory"
    text = (
        "On Sunday the city of Mykolaiv was taken back under the control of the "
        "Ukrainian army."
    )
    [inc] = current(extract(text))
    assert inc.sub_event_type == "Government regains territory"


def test_firing_tear_gas_at_a_crowd_is_an_intervention_not_an_attack(extract):
    text = (
        "Thousands of students marched in Kadugli on Sunday, demanding the governor resign.\n\n"
        "Later in the evening, police fired tear gas and rubber bullets at the crowd, "
        "witnesses said."
    )
    incs = current(extract(text))
    assert incs and all(i.event_type == "Protests" for i in incs)


def test_explosives_dropped_from_the_air_are_an_air_strike(extract):
    text = "Army helicopters dropped barrels full of explosives on Dilling on Sunday, killing nine."
    [inc] = current(extract(text))
    assert inc.sub_event_type == "Air/drone strike"


def test_a_death_in_custody_is_an_attack_on_a_civilian_by_who_held_them(extract):
    [inc] = current(extract("A shopkeeper died in police custody in Kadugli on Saturday."))
    assert (inc.event_type, inc.sub_event_type) == ("Violence against civilians", "Attack")
    assert inc.actor1 == "Police Forces of Sudan" and inc.fatalities == 1


def test_a_death_in_hospital_is_no_event(extract):
    assert current(extract("A shopkeeper died in hospital in Kadugli on Saturday.")) == []


@pytest.mark.parametrize(
    "text, sub",
    [
        # irregular past forms the small model leaves unlemmatised
        ("Troops retook the town of Dilling on Sunday.", "Government regains territory"),
        ("Soldiers have reclaimed the town of Babanusa, the army said on Sunday.",
         "Government regains territory"),
        # a perfect infinitive tells a done act, whoever claims it
        ("Rebels claimed to have captured the town of Dilling on Sunday.",
         "Non-state actor overtakes territory"),
    ],
)  # fmt: skip
def test_taking_ground_in_any_tense_or_claimed_is_a_territorial_battle(extract, text, sub):
    [inc] = current(extract(text))
    assert (inc.event_type, inc.sub_event_type) == ("Battles", sub)


def test_a_state_army_named_by_its_own_name_is_state_forces(extract):
    [inc] = current(extract("The SAF retook the town of Dilling on Sunday."))
    assert inc.sub_event_type == "Government regains territory"
    assert inc.actor1 == "Military Forces of Sudan"


def test_a_toll_said_to_have_been_reached_is_no_new_event(extract):
    text = (
        "Rebels attacked Kadugli on Sunday.\n\n"
        "At least 40 people were reported to have been killed, officials said."
    )
    assert len(current(extract(text))) == 1


def test_they_in_what_a_force_says_is_that_force(extract):
    text = (
        "Villagers fled Kadugli on Saturday. "
        "On Sunday the army said they had launched an offensive near Dilling."
    )
    [inc] = current(extract(text))
    assert (inc.event_type, inc.actor1) == ("Battles", "Military Forces of Sudan")


def test_an_offensive_the_tagger_reads_as_an_adjective_keeps_its_agent(extract):
    text = "Government troops conducted a counteroffensive near Dilling on Sunday."
    [inc] = current(extract(text))
    assert (inc.event_type, inc.actor1) == ("Battles", "Military Forces of Sudan")


def test_cartels_fighting_each_other_is_a_battle(extract):
    text = "Members of two rival cartels clashed in Kadugli on Sunday, killing five."
    [inc] = current(extract(text))
    assert inc.event_type == "Battles"


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("Police raided the party's offices in Kadugli on Sunday and arrested 12 members.",
         "Strategic developments"),
        ("Police raided a market in Kadugli on Sunday, beat traders and arrested ten.",
         "Violence against civilians"),
        ("Soldiers raided a rebel camp near Kadugli on Sunday and arrested five fighters.",
         "Battles"),
    ],
)
def test_a_raid_that_only_detains_is_arrests(extract, text, event_type):
    [inc] = current(extract(text))
    assert inc.event_type == event_type


def test_a_bombing_by_aircraft_is_an_air_strike(extract):
    [inc] = current(extract("Army warplanes bombed the town of Dilling on Sunday."))
    assert inc.sub_event_type == "Air/drone strike"


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        ("Rebels lost control of the town of Kadugli on Sunday.", "Government regains territory"),
        ("Army troops lost control of the town of Kadugli to rebels on Sunday.",
         "Non-state actor overtakes territory"),
        ("Rebels captured the town of Kadugli on Sunday after heavy shelling.",
         "Non-state actor overtakes territory"),
    ],
)
def test_ground_lost_or_taken_after_shelling_changes_hands(extract, text, sub):
    [inc] = current(extract(text))
    assert (inc.event_type, inc.sub_event_type) == ("Battles", sub)


def test_ground_abandoned_without_a_fight_is_a_transfer_not_a_battle(extract):
    text = "Army troops abandoned the town of Dilling on Sunday without engaging the rebels."
    [inc] = current(extract(text))
    assert inc.sub_event_type == "Non-violent transfer of territory"


def test_a_protest_is_typed_by_the_force_told_after_its_lede(extract):
    text = (
        "About 2,000 people demonstrated in Khartoum on Sunday against the coup. "
        "Security forces fired tear gas and live ammunition, killing five protesters."
    )
    [inc] = current(extract(text))
    assert inc.sub_event_type == "Excessive force against protesters"


def test_a_protest_has_the_protesters_first_and_the_forces_second(extract):
    text = (
        "About 2,000 people demonstrated in Khartoum on Sunday against the coup. "
        "Police fired tear gas at the crowd."
    )
    [inc] = current(extract(text))
    assert (inc.actor1, inc.actor2) == ("Protesters (Sudan)", "Police Forces of Sudan")


def test_forces_that_came_under_fire_were_attacked(extract):
    [inc] = current(extract("Soldiers came under fire near Djenne on Sunday, the army said."))
    assert (inc.event_type, inc.actor2, inc.claimed_by) == (
        "Battles",
        "Military Forces of Mali",
        "the army",
    )


def test_guided_aerial_bombs_are_an_air_strike(extract):
    text = "Russian forces struck Mykolaiv with guided aerial bombs on Sunday, killing two."
    [inc] = current(extract(text))
    assert inc.sub_event_type == "Air/drone strike"


@pytest.mark.parametrize(
    "text",
    [
        # a dam or a plant is ground that can be taken
        "Rebels captured the dam near Dilling on Sunday.",
        # the capture of a town told as a noun
        "On Sunday the rebels announced their capture of the town of Kadugli.",
    ],
)
def test_ground_taken_is_a_capture_however_it_is_told(extract, text):
    [inc] = current(extract(text))
    assert inc.sub_event_type == "Non-state actor overtakes territory"


def test_a_riot_told_with_protesters_is_a_violent_demonstration(extract):
    text = (
        "Crowds stormed the parliament in Khartoum on Sunday. Part of it was set on "
        "fire, while protesters fought running battles with police outside."
    )
    [inc] = current(extract(text))
    assert (inc.event_type, inc.sub_event_type) == ("Riots", "Violent demonstration")


def test_a_commander_named_for_his_forces_takes_ground(extract):
    [inc] = current(extract("On Sunday Hemedti took control of the town of Kadugli."))
    assert (inc.event_type, inc.actor1) == ("Battles", None)


def test_who_people_are_said_to_be_decides_their_kind(extract):
    text = "Youths suspected to be part of a banned militia killed a trader in Kadugli on Sunday."
    [inc] = current(extract(text))
    assert inc.event_type == "Violence against civilians"


@pytest.mark.parametrize(
    "text",
    [
        # written for these tests; the parser makes "believed" the main verb of the first
        "Last Sunday, men believed to belong to the militia of a rival clan killed more than "
        "20 civilians in Kadugli.",
        "On Sunday, youths suspected to belong to a banned militia killed a trader in Kadugli.",
    ],
)
def test_whom_people_are_said_to_belong_to_decides_their_kind(extract, text):
    [inc] = current(extract(text))
    assert inc.event_type == "Violence against civilians"


def test_unknown_people_who_burn_property_are_an_unidentified_armed_group(extract):
    [inc] = current(extract("Unknown individuals burned a school in Mopti on Sunday."))
    assert (inc.sub_event_type, inc.actor1) == (
        "Looting/property destruction",
        "Unidentified Armed Group (Mali)",
    )


@pytest.mark.parametrize(
    "text",
    [
        "Students marched in Nairobi on Monday to protest against higher fees.",
        "Youths held a peaceful demonstration in Kisumu on Monday over unpaid wages.",
    ],
)
def test_students_or_youths_who_demonstrate_are_protesters(extract, text):
    [inc] = current(extract(text))
    assert (inc.event_type, inc.actor1.split(" (")[0]) == ("Protests", "Protesters")


def test_control_of_a_whole_country_is_power_not_ground(extract):
    text = "Soldiers who seized control of Mali in a coup on Sunday closed the borders."
    assert not [i for i in current(extract(text)) if i.event_type == "Battles"]


def test_control_of_a_town_in_a_named_country_is_still_ground(extract):
    text = "Rebels seized control of Kadugli in the south of Sudan on Sunday."
    [inc] = current(extract(text))
    assert inc.sub_event_type == "Non-state actor overtakes territory"


def test_an_aircraft_fired_on_is_the_target_not_an_air_strike(extract):
    text = "Gunmen opened fire on a passenger plane as it landed in Kadugli on Sunday."
    [inc] = current(extract(text))
    assert inc.event_type != "Explosions/Remote violence"


def test_a_person_falling_to_the_ground_takes_no_ground(extract):
    text = (
        "Police fired tear gas at protesters in Kadugli on Sunday. One protester fell to the "
        "ground after being struck by a canister."
    )
    assert all(i.event_type != "Battles" for i in current(extract(text)))


def test_a_riot_police_unit_named_with_capitals_is_no_riot(extract):
    text = "A unit of the Riot Police captured four insurgents near Kadugli on Saturday."
    assert all(i.event_type != "Riots" for i in current(extract(text)))


@pytest.mark.parametrize(
    "text, code",
    [
        (
            "Gunmen attacked the village near Mopti on Saturday and shot sporadically.",
            ("Violence against civilians", "Attack"),
        ),
        (
            "Gunmen burned the village near Mopti on Saturday.",
            ("Strategic developments", "Looting/property destruction"),
        ),
        (
            "Militants tried to enter an army camp near Kadugli on Wednesday night, but a "
            "timely response by the army foiled the attempt.",
            ("Battles", "Armed clash"),
        ),
        (
            "Soldiers foiled a bomb plot near Kadugli on Wednesday.",
            ("Strategic developments", "Disrupted weapons use"),
        ),
        (
            "An armed group entered a bar in Kadugli at around 8 pm on Saturday and opened "
            "fire on customers and staff.",
            ("Violence against civilians", "Attack"),
        ),
        (
            "Gunmen opened fire at a clandestine cantina in Kadugli on Thursday night.",
            ("Violence against civilians", "Attack"),
        ),
        (
            "The militia targeted soldiers stationed near Kadugli with an explosive-laden "
            "drone late on Thursday night, causing a large explosion.",
            ("Explosions/Remote violence", "Air/drone strike"),
        ),
        (
            "Armed gunmen raided a camp sheltering migrants near Kadugli on Saturday.",
            ("Violence against civilians", "Attack"),
        ),
        (
            "Militants attacked a camp for internally displaced persons in Kadugli on "
            "Thursday night.",
            ("Violence against civilians", "Attack"),
        ),
        (
            "Militants attacked an army camp near Kadugli on Thursday night.",
            ("Battles", "Armed clash"),
        ),
        (
            "Terrorists attacked a well-known shrine in Kadugli on Wednesday.",
            ("Violence against civilians", "Attack"),
        ),
    ],
)
def test_what_was_hit_and_how_decide_the_coding(extract, text, code):
    """A village attacked is its people, burned its houses; an assault foiled is a clash, a
    plot foiled disrupted weapons use; a bar's customers and a displacement camp's people are
    civilians; a drone's explosive load strikes from the air."""
    assert [(i.event_type, i.sub_event_type) for i in current(extract(text))] == [code]



@pytest.mark.parametrize(
    "text",
    [
        "Violent protests erupted in Kadugli on Monday over the price of bread.",
        "Students took part in a day of violent demonstrations in Kadugli on Monday.",
        "A protest against the governor turned violent in Kadugli on Monday.",
    ],
)
def test_a_demonstration_the_text_calls_violent_is_a_riot(extract, text):
    assert [(i.event_type, i.sub_event_type) for i in current(extract(text))] == [
        ("Riots", "Violent demonstration")
    ]


def test_raped_is_sexual_violence_whatever_the_lemmatiser_makes_of_it(extract):
    text = "Soldiers raped 14 women in villages near Kadugli on Sunday, residents said."
    assert [i.sub_event_type for i in current(extract(text))] == ["Sexual violence"]


@pytest.mark.parametrize(
    "text",
    [
        "A drone strike on a civilian gathering in Kadugli killed eight people on Sunday.",
        "On Sunday a drone targeted a gathering of civilians in Kadugli, killing eight.",
    ],
)
def test_a_gathering_of_civilians_struck_is_no_demonstration(extract, text):
    assert [i.event_type for i in current(extract(text))] == ["Explosions/Remote violence"]


def test_a_blockade_imposed_by_forces_is_no_protest(extract):
    text = "The rebels, who shelled Kadugli on Sunday, imposed a total blockade on the town."
    assert all(i.event_type != "Protests" for i in current(extract(text)))


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        ("The army bombed rebel positions near Kadugli on Monday.", "Air/drone strike"),
        (
            "The joint forces of two militias bombed a police post near Kadugli on Monday.",
            "Remote explosive/landmine/IED",
        ),
    ],
)
def test_a_state_that_bombs_strikes_from_the_air(extract, text, sub):
    assert [i.sub_event_type for i in current(extract(text))] == [sub]


def test_a_village_that_came_under_attack_is_its_people_attacked(extract):
    text = "The village of Tiekaledji near Dilling came under attack on Sunday, the governor said."
    [inc] = current(extract(text))
    assert (inc.event_type, inc.actor2) == ("Violence against civilians", "Civilians (Sudan)")


def test_a_tribal_gathering_is_no_demonstration(extract):
    text = "Gunmen kidnap 100 men from a tribal gathering near Kadugli on Sunday."
    [inc] = current(extract(text))
    assert inc.sub_event_type == "Abduction/forced disappearance"


def test_who_sets_off_a_bomb_is_armed_not_a_civilian(extract):
    # written for this test: "a man" is a person, but a bomber is no civilian
    text = (
        "On Sunday a man ran up to a passing army convoy in Kadugli and detonated an "
        "explosives-laden vest, killing three soldiers."
    )
    [inc] = current(extract(text))
    assert inc.event_type == "Explosions/Remote violence"
    assert inc.actor1 == "Unidentified Armed Group (Sudan)"
