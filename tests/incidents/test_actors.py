"""Actors as ACLED names them."""

from __future__ import annotations

import datetime as dt

import pytest

from mapper.incidents.actors import actor_name

from .helpers import current


def test_actor_names_follow_acled():
    assert actor_name("state", "Mali") == "Military Forces of Mali"
    assert actor_name("state", "Mali", police=True) == "Police Forces of Mali"
    assert actor_name("nonstate", "Mali") == "Unidentified Armed Group (Mali)"
    assert actor_name("protester", "Sudan") == "Protesters (Sudan)"
    assert actor_name("civilian", None) == "Civilians"


def test_state_forces_victims_and_named_groups(extract):
    [inc] = current(extract("Sudanese soldiers killed three villagers near Dilling on Sunday."))
    assert (inc.actor1, inc.actor2) == ("Military Forces of Sudan", "Civilians (Sudan)")
    [inc] = current(extract("Taliban fighters attacked a police post in Mosul on Sunday."))
    assert inc.actor1 == "Taliban"
    [inc] = current(extract("Unknown gunmen attacked a bus near Mopti on Sunday."))
    assert inc.actor1 == "Unidentified Armed Group (Mali)"


def test_who_reported_the_event_is_not_its_actor(extract_geoparsed):
    [inc] = current(extract_geoparsed("Sudan Tribune reported an air strike on Kadugli on Sunday."))
    assert inc.actor1 is None


def test_service_members_are_soldiers(extract):
    [inc] = current(extract("Rebels ambushed Sudanese service members near Dilling on Sunday."))
    assert inc.actor2 == "Military Forces of Sudan" and inc.event_type == "Battles"


def test_it_that_says_what_it_did_is_the_speaker(extract):
    text = "The Sudanese army says it has shot down two rebel drones near Kadugli on Sunday."
    [inc] = current(extract(text))
    assert inc.actor1 == "Military Forces of Sudan"


def test_a_riot_s_crowd_is_rioters_and_party_members_are_no_armed_group(extract):
    [riot] = current(extract("Supporters of two rival parties fought each other in Mopti."))
    assert riot.actor1 == "Rioters (Mali)"
    [arrest] = current(extract("Police arrested 12 members of the ruling party in Bamako."))
    assert arrest.actor2 == "Civilians (Mali)"


def test_a_listed_armed_group_named_with_its_country_is_that_group(extract):
    text = (
        "A mortar attack by Sudan's paramilitary Rapid Support Forces killed four traders "
        "in Dilling."
    )
    [inc] = current(extract(text))
    assert inc.actor1 == "Rapid Support Forces"



def test_fighters_from_a_listed_group_are_that_group_and_a_town_names_no_group(extract):
    text = "Fighters from the Allied Democratic Forces raided a village near Kadugli on Sunday."
    [inc] = current(extract(text))
    assert inc.actor1 == "Allied Democratic Forces"
    [inc] = current(extract("A militia from Dilling raided a village near Kadugli on Sunday."))
    assert "Dilling" not in (inc.actor1 or "")


def test_members_of_a_group_named_far_down_their_phrase_are_that_group(extract):
    text = (
        "An official says suspected members of the Somalia-based extremist group al-Shabab "
        "have killed five police officers near Kadugli."
    )
    [inc] = current(extract(text))
    assert inc.actor1 == "Al-Shabaab" and inc.event_type == "Battles"


def test_a_state_s_attack_by_its_means_is_its_forces(extract):
    [inc] = current(extract("A Sudanese drone attack killed one trader in Dilling on Sunday."))
    assert inc.actor1 == "Military Forces of Sudan"


def test_a_group_name_that_goes_on_in_brackets_is_that_group(extract):
    [inc] = current(extract("The CPI (Maoist) killed seven policemen near Kadugli on Sunday."))
    assert inc.actor1 == "Communist Party of India (Maoist)"


def test_a_capital_before_the_act_is_where_it_was_not_who_did_it(extract):
    [inc] = current(extract("A Khartoum market bombing killed four traders on Sunday."))
    assert inc.actor1 is None and inc.location == "Khartoum"


def test_a_listed_group_written_half_in_lower_case_is_that_group(extract):
    [inc] = current(extract("Boko haram fighters raided an army base in Dilling on Sunday."))
    assert inc.actor1 == "Boko Haram"


def test_a_group_named_in_apposition_to_its_kind_is_that_group(extract):
    text = (
        "Four traders were wounded in mortar fire by the paramilitary Rapid Support Forces "
        "(RSF) in Dilling on Sunday."
    )
    [inc] = current(extract(text))
    assert inc.actor1 == "Rapid Support Forces"


def test_a_junta_is_the_state_s_forces(extract):
    [inc] = current(extract("Junta jets bombed a village near Mopti on Sunday, killing seven."))
    assert inc.actor1 == "Military Forces of Mali"


def test_a_state_s_armed_forces_are_its_military(extract):
    [inc] = current(extract("Mali's armed forces launched air strikes near Mopti on Sunday."))
    assert inc.actor1 == "Military Forces of Mali"


def test_who_raids_before_leaving_is_the_subject_of_leaving(extract):
    [inc] = current(extract("Sudanese troops left Dilling on Sunday after raiding two villages."))
    assert inc.actor1 == "Military Forces of Sudan"


def test_the_sides_of_fighting_between_two_are_its_actors(extract):
    text = "Heavy clashes between the Sudanese army and the RSF erupted in Dilling on Monday."
    [inc] = current(extract(text))
    assert (inc.actor1, inc.actor2) == ("Military Forces of Sudan", "Rapid Support Forces")


@pytest.mark.parametrize(
    ("text", "actor1"),
    [
        (
            "Three soldiers were killed near Dilling on Sunday in an ambush carried out by "
            "RSF fighters.",
            "Rapid Support Forces",
        ),
        # a doer of no armed kind is no actor: the attack stays the unknown side's
        (
            "An ambush carried out by men on a lorry killed three soldiers near Dilling on "
            "Sunday.",
            None,
        ),
    ],
)
def test_the_armed_agent_of_a_participle_is_the_acts_doer(extract, text, actor1):
    [inc] = current(extract(text))
    assert (inc.actor1, inc.actor2) == (actor1, "Military Forces of Sudan")


def test_a_subject_the_parser_took_for_a_participles_head_is_the_doer(extract):
    text = "Suspected militants killed 30 civilians on Friday in a village raid near Dilling."
    [inc] = current(extract(text))
    assert (inc.event_type, inc.actor1, inc.actor2) == (
        "Violence against civilians",
        "Unidentified Armed Group (Sudan)",
        "Civilians (Sudan)",
    )


def test_a_date_the_parser_hangs_on_a_group_is_no_part_of_its_name(extract):
    text = "On October 3, presumed Ansaroul Islam militants attacked a village near Djibo."
    [inc] = extract(text, published=dt.date(2021, 10, 5))
    assert inc.actor1 == "Ansaroul Islam"


@pytest.mark.parametrize(
    "text",
    [
        "March 12 - Dilling massacre in Sudan; 42 villagers killed.",
        "On Friday morning, armed men attacked a bus near Dilling, in the state of South "
        "Kordofan, according to local residents who said one civilian was killed and a dozen "
        "passengers injured.",
    ],
)
def test_who_a_participle_without_its_auxiliary_names_suffered_it(extract, text):
    [inc] = current(extract(text))
    assert (inc.event_type, inc.actor2) == ("Violence against civilians", "Civilians (Sudan)")


@pytest.mark.parametrize(
    ("text", "actor1"),
    [
        ("Seleka forces captured Paoua on Sunday.", "Seleka"),
        ("Suspected CODECO militants killed 12 villagers near Bunia on Sunday.", "CODECO"),
    ],
)
def test_armed_groups_of_other_wars_are_named(extract_geoparsed, text, actor1):
    [inc] = current(extract_geoparsed(text))
    assert inc.actor1 == actor1


@pytest.mark.parametrize(
    ("text", "actor1", "claimed_by"),
    [
        ("The army accused the RSF of shelling Dilling on Sunday.", "Rapid Support Forces",
         "The army"),
        ("The RSF was accused of the shelling of Dilling on Sunday.", "Rapid Support Forces",
         None),
    ],
)  # fmt: skip
def test_the_accused_did_the_act_and_is_no_teller(extract, text, actor1, claimed_by):
    [inc] = current(extract(text))
    assert (inc.actor1, inc.claimed_by) == (actor1, claimed_by)


def test_a_state_s_air_strikes_are_its_forces_acts(extract):
    [inc] = current(extract("Russian air strikes hit two homes in Kyiv at dawn on Sunday."))
    assert inc.actor1 == "Military Forces of Russia"


def test_forces_firing_tear_gas_at_a_violent_demonstration_are_its_second_actor(extract):
    text = (
        "Police fired tear gas at protesters who hurled stones and burned tyres in Kadugli "
        "on Sunday."
    )
    riots = [i for i in current(extract(text)) if i.event_type == "Riots"]
    assert [(i.actor1, i.actor2) for i in riots] == [("Rioters (Sudan)", "Police Forces of Sudan")]


def test_a_town_the_model_tags_as_a_people_is_no_ethnic_militia(extract_geoparsed):
    text = (
        "Meanwhile, Russia launched its first air strikes on Aleppo since 2016, targeting "
        "rebel-controlled areas overnight."
    )
    incs = current(extract_geoparsed(text))
    assert incs and all(not (i.actor2 or "").startswith("Ethnic Militia") for i in incs)


def test_dozens_of_people_killed_are_civilians_whatever_else_was_hit(extract):
    text = (
        "Gunmen killed dozens of people in villages near Mopti, slitting some residents' "
        "throats and opening fire on others, police said on Tuesday."
    )
    [inc] = current(extract(text))
    assert (inc.event_type, inc.actor2) == ("Violence against civilians", "Civilians (Mali)")


def test_dozens_of_the_attackers_are_the_attackers_not_a_second_actor(extract):
    text = (
        "Militia fighters stormed an army base in Kadugli on Saturday. The army said its "
        "troops repelled the assault and claimed that dozens of the attackers had been killed."
    )
    [inc] = current(extract(text))
    assert inc.actor2 == "Military Forces of Sudan"


def test_protesters_who_riot_are_rioters(extract):
    [inc] = current(extract("Hundreds of protesters set fire to a police station in Kadugli."))
    assert (inc.sub_event_type, inc.actor1) == ("Violent demonstration", "Rioters (Sudan)")


def test_people_detained_at_a_march_are_no_second_actor_of_the_march(extract):
    text = (
        "Tens of thousands of demonstrators marched through Khartoum on Friday to demand the "
        "general quit.\n\nScores of people were detained in Khartoum on Friday, monitors said."
    )
    protests = [i for i in current(extract(text)) if i.event_type == "Protests"]
    assert [(i.actor1, i.actor2) for i in protests] == [("Protesters (Sudan)", None)]


def test_a_headlines_capitalised_act_is_no_person(extract_geoparsed):
    text = (
        "Drone Strike in Ethiopia's Amhara Region Kills Over 100 Civilians\n\n"
        "Drone strikes in the town of Kheret, located in Ethiopia's Amhara region, resulted "
        "in the deaths of over 100 civilians.\n"
    )
    assert [i.actor1 for i in current(extract_geoparsed(text))] == [None]


def test_the_second_actor_is_never_the_first(extract):
    text = (
        "Suspected militants ambushed an army supply convoy on the road between Kadugli and "
        "Dilling last week, killing at least 35 soldiers, two security sources said on "
        "Wednesday.\n\n"
        "The convoy was attacked on Thursday about 40 km north of Kadugli, one of the sources "
        "said. The army said in a statement that its troops had \"neutralised dozens of "
        'terrorists" during the fighting.\n'
    )
    assert all(i.actor1 != i.actor2 for i in current(extract(text)))


def test_who_acted_in_a_relative_clause_is_its_antecedent(extract):
    text = (
        "The villagers alerted a nearby mobile police patrol team who engaged the bandits in "
        "a gun battle near Kadugli on Saturday."
    )
    [inc] = current(extract(text))
    assert inc.actor1 == "Police Forces of Sudan"
    assert inc.actor2 == "Unidentified Armed Group (Sudan)"


def test_civilians_killed_in_a_battle_are_its_dead_not_a_side(extract):
    [inc] = current(
        extract("Armed clashes in Kadugli on Sunday killed 27 people, the health ministry said.")
    )
    assert inc.event_type == "Battles" and inc.fatalities == 27
    assert inc.actor2 is None


def test_an_armed_groups_own_forces_are_its_fighters(extract):
    text = (
        "Insurgents attacked Tamboro village near Mopti on Thursday.\n\n"
        "Islamic State posted a statement claiming that its forces burned dozens of homes in "
        "Tamboro on Friday."
    )
    actors = {i.actor1 for i in current(extract(text))}
    assert not any(a and a.startswith("Military Forces") for a in actors), actors


def test_a_states_embassy_is_no_force_of_it(extract):
    [inc] = current(extract("On Sunday militants attacked the Iraqi Embassy in Kadugli."))
    assert inc.actor2 is None or "Military Forces" not in inc.actor2, inc.actor2


def test_two_states_forces_named_by_one_noun_that_exchange_fire_are_both_sides(extract):
    text = "Sudanese and Malian border guards exchanged fire near Kadugli on Monday."
    incs = current(extract(text))
    assert [(i.actor1, i.actor2) for i in incs] == [
        ("Military Forces of Sudan", "Military Forces of Mali")
    ]


def test_allies_named_by_one_noun_that_strike_are_one_side(extract):
    text = "Sudanese and Malian jets bombed rebel positions near Kadugli on Monday."
    incs = current(extract(text))
    assert [i.actor2 for i in incs] != ["Military Forces of Mali"]


def test_the_named_group_of_the_account_beats_an_unnamed_one(extract):
    text = (
        "A shelling and drone attack by the Sudanese paramilitary Rapid Support Forces hit "
        "a shelter in Kadugli on Sunday, killing 12 people."
    )
    assert [i.actor1 for i in current(extract(text))] == ["Rapid Support Forces"]


@pytest.mark.parametrize(
    "text",
    [
        "Boko Haram Islamist militants attacked a village near Kadugli on Sunday, killing five.",
        "At least 47 villagers were killed on Sunday in the latest attack by Boko Haram in "
        "Sudan's state of North Darfur.",
    ],
)
def test_a_listed_group_is_named_inside_a_longer_run_of_names(extract, text):
    [inc] = current(extract(text))
    assert inc.actor1 == "Boko Haram"


def test_homes_that_burned_are_hit_not_the_attackers(extract):
    text = (
        "At least 15 people were killed and several homes burned in an attack by rebels on "
        "a village near Kadugli on Sunday."
    )
    [inc] = current(extract(text))
    assert inc.actor1 == "Unidentified Armed Group (Sudan)"


def test_a_bracketed_acronym_and_an_article_are_no_words_of_a_groups_name(extract):
    text = "The Allied Democratic Forces (ADF) rebels attacked a village near Kadugli on Sunday."
    [inc] = current(extract(text))
    assert inc.actor1 == "Allied Democratic Forces"


def test_a_suicide_bomber_is_an_armed_group_not_an_aircraft(extract):
    text = "Two suicide bombers struck the house of a tribal leader in Kadugli on Friday."
    [inc] = current(extract(text))
    assert (inc.sub_event_type, inc.actor1) == (
        "Suicide bomb",
        "Unidentified Armed Group (Sudan)",
    )


def test_a_clash_that_names_no_doer_is_fought_by_the_sides_of_its_dead(extract):
    text = (
        "At least 12 people were killed, including seven soldiers and five Boko Haram "
        "fighters, in a fierce firefight near Kadugli on Saturday, a military spokesman said."
    )
    [inc] = current(extract(text))
    assert {inc.actor1, inc.actor2} == {"Military Forces of Sudan", "Boko Haram"}


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Abu Sayyaf Group fighters attacked troops near Kadugli on Sunday.", "Abu Sayyaf"),
        (
            "The banned Baloch Liberation Army attacked a checkpoint near Kadugli on Sunday.",
            "Baloch Liberation Army",
        ),
    ],
)
def test_the_list_names_the_groups_news_names(extract, text, group):
    [inc] = current(extract(text))
    assert inc.actor1 == group


def test_a_nation_marching_is_a_crowd_not_an_ethnic_militia(extract):
    text = (
        "The unrest started on Thursday when hundreds of thousands of Sudanese nationwide "
        "marched against the reforms. Some of the rallies turned violent, with three people "
        "killed in clashes with security forces in Kadugli."
    )
    assert not any("Ethnic Militia" in (i.actor1 or "") for i in extract(text))


@pytest.mark.parametrize(
    "text",
    [
        "Rebels disguised as police kill six villagers near Kadugli on Sunday.",
        "Gunmen disguised as police officers killed five villagers in Kadugli on Sunday.",
        "Gunmen masquerading as soldiers shot dead three teachers in Kadugli on Sunday.",
    ],
)
def test_who_wore_a_disguise_did_the_act(extract, text):
    [inc] = current(extract(text))
    assert inc.actor1 == "Unidentified Armed Group (Sudan)"


def test_maoists_are_an_armed_group(extract):
    [inc] = current(extract("Maoists shot dead three villagers near Kadugli on Sunday."))
    assert inc.actor1 == "Unidentified Armed Group (Sudan)"


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        (
            "Two RSF fighters died in a clash with gunmen near Kadugli on Sunday.",
            {"Rapid Support Forces", "Unidentified Armed Group (Sudan)"},
        ),
        (
            "Two members of the Justice and Equality Movement died in a clash with suspected "
            "members of the Rapid Support Force (RSF) near Kadugli on Sunday.",
            {"Justice and Equality Movement", "Rapid Support Forces"},
        ),
    ],
)
def test_a_clashs_dead_name_their_side_against_another_group(extract, text, sides):
    [inc] = current(extract(text))
    assert {inc.actor1, inc.actor2} == sides


def test_a_residential_area_attacked_is_its_civilians(extract):
    [inc] = current(extract("Rebels attacked a residential area near Kadugli on Sunday."))
    assert (inc.event_type, inc.actor2) == ("Violence against civilians", "Civilians (Sudan)")


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Sudanese jets struck Boko Haram positions near Kadugli on Sunday.", "Boko Haram"),
        ("Troops attacked an al-Shabaab base near Kadugli on Sunday.", "Al-Shabaab"),
        ("Militants attacked a police post near Kadugli on Sunday.", "Police Forces of Sudan"),
    ],
)
def test_a_base_or_post_is_its_owners(extract, text, target):
    [inc] = current(extract(text))
    assert inc.actor2 == target


def test_a_nation_that_shells_is_its_states_forces(extract):
    [inc] = current(extract("Officials said Russians shelled a village near Kadugli on Sunday."))
    assert inc.actor1 == "Military Forces of Russia"


def test_who_staged_an_attack_did_it(extract):
    # written for this test: the lemmatiser reads "staged" as "stag"
    text = "On Sunday rebels staged an attack on an army outpost near Kadugli."
    [inc] = current(extract(text))
    assert inc.actor1 == "Unidentified Armed Group (Sudan)"
