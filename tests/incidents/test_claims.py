"""Claims kept apart from facts, and a denial shown beside the claim it contests."""

from __future__ import annotations

from .helpers import current


def test_a_party_speaking_of_the_other_sides_attack_is_a_claim(extract):
    text = "Ukraine's defence ministry said Russian forces shelled Mykolaiv on Sunday."
    [inc] = current(extract(text))
    assert inc.claimed_by and "Ukraine" in inc.claimed_by
    assert inc.actor1 == "Military Forces of Russia"


def test_a_witness_or_a_hospital_reports_a_fact(extract):
    text = "Rockets hit a market in Mosul on Sunday, killing four people, a hospital official said."
    [inc] = current(extract(text))
    assert inc.claimed_by is None and inc.fatalities == 4


def test_a_denial_disputes_the_claim_and_is_cited_beside_it(extract):
    text = (
        "Ukraine's defence ministry said Russian forces shelled Mykolaiv on Sunday, killing "
        "two civilians.\n\n"
        "Russia's defence ministry denied that its troops had fired on civilian areas."
    )
    [inc] = current(extract(text))
    assert inc.disputed and inc.disputed_by and "Russia" in inc.disputed_by
    assert len(inc.sources) == 2


def test_calling_a_claim_false_disputes_it(extract):
    text = (
        "Russia's defence ministry said its forces had shot down two Ukrainian drones over "
        "Ochakiv on Sunday.\n\n"
        "Ukraine's air force said the reports were false."
    )
    [inc] = current(extract(text))
    assert inc.disputed


def test_each_reporting_verb_tells_its_own_claim(extract):
    text = (
        "Ukraine said Russian artillery shelled Mykolaiv on Sunday, while Russia said "
        "Ukrainian troops shelled Ochakiv."
    )
    by_place = {i.location: i for i in current(extract(text))}
    assert set(by_place) == {"Mykolaiv", "Ochakiv"}
    assert by_place["Mykolaiv"].actor1 == "Military Forces of Russia"
    assert by_place["Ochakiv"].actor1 == "Military Forces of Ukraine"
    assert by_place["Mykolaiv"].claimed_by != by_place["Ochakiv"].claimed_by


def test_refusing_talks_is_no_denial_of_the_event(extract):
    text = (
        "Thousands of protesters marched in Khartoum on Sunday.\n\n"
        "The general has rejected any negotiation with the opposition, and several of its "
        "leaders have been jailed."
    )
    incs = current(extract(text))
    assert incs and not any(i.disputed for i in incs)


def test_an_unnamed_army_speaking_of_its_own_strike_claims_it(extract):
    text = "The army said its aircraft struck rebel positions in Kadugli on Sunday."
    [inc] = current(extract(text))
    assert inc.actor1 == "Military Forces of Sudan"
    assert inc.claimed_by == "The army"


def test_a_side_telling_an_attack_on_its_own_forces_claims_it(extract):
    text = "Rebels attacked an army post in Kadugli on Sunday, killing two soldiers, the army said."
    [inc] = current(extract(text))
    assert inc.claimed_by == "the army"


def test_medics_of_a_side_are_a_source_not_a_party(extract):
    text = "Russian forces shelled Mykolaiv on Sunday, injuring three, Ukrainian medics said."
    [inc] = current(extract(text))
    assert inc.claimed_by is None


def test_the_group_saying_it_fought_speaks_for_the_group_named_before(extract):
    text = "Fighting between the RSF and army troops went on near Kadugli, the group said."
    [inc] = current(extract(text))
    assert inc.claimed_by == "the group"


def test_a_bombing_that_claimed_lives_is_no_claim(extract):
    text = "A suicide bombing at the market in Kadugli claimed 26 lives on Saturday."
    [inc] = current(extract(text))
    assert (inc.claimed_by, inc.fatalities) == (None, 26)


def test_a_claim_of_responsibility_is_the_groups_account_of_the_attack(extract):
    text = (
        "Militants attacked farmers near Kadugli on Monday evening, killing six civilians.\n\n"
        "The group claimed responsibility late Monday for the Kadugli attack, claiming it "
        "killed five Shias in their agricultural fields in the Rashad area of Kadugli and set "
        "fire to five vehicles.\n"
    )
    incs = current(extract(text))
    assert [(i.event_type, i.fatalities) for i in incs] == [("Violence against civilians", 6)]


def test_a_relative_pronoun_claims_for_its_antecedent(extract):
    text = (
        "The statement came from the Sudanese army's Fifth Division, which blamed rebels for "
        "planting an explosive device that injured two civilians in Kadugli on Sunday."
    )
    [inc] = current(extract(text))
    assert inc.claimed_by != "which"
    assert inc.claimed_by is None or "Division" in inc.claimed_by


def test_a_datelines_date_is_no_part_of_the_tellers_name(extract_geoparsed):
    text = (
        "N'DJAMENA, March 3 Chad said on Friday that its army killed 20 militants in "
        "fighting on an island on Lake Chad this week."
    )
    [inc] = [i for i in extract_geoparsed(text) if not i.background]
    assert inc.claimed_by in ("Chad", "N'DJAMENA")  # who speaks, never "March 3"
    assert inc.actor1 == "Military Forces of Chad"
