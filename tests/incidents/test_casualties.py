"""Fatalities and injuries as ACLED counts them."""

from __future__ import annotations

import pytest

from mapper.incidents.casualties import Counts, combine, count_unit
from mapper.incidents.units import text_units

from .helpers import current


@pytest.fixture
def count(nlp):
    def run(text):
        [unit] = text_units(nlp(text))
        return count_unit(unit)

    return run


@pytest.mark.parametrize(
    "text, fatalities, injuries",
    [
        ("At least 14 civilians were killed and dozens were wounded.", 14, 12),
        ("Four soldiers and two rebels died in the fighting.", 6, None),
        ("The blast left 30 dead and more than 100 injured.", 30, 100),
        ("A mother and her two children were killed.", 3, None),
        # the parser may hang the number on the demonym before the noun
        ("Nine Nigerien soldiers were killed on Thursday in an attack on an army post.", 9,
         None),
        ("6 February - At least 9 people were killed in a suicide blast.", 9, None),
        # a number on the act's noun counts or names acts, not the dead
        ("May 3: Kadugli bus 19 massacre – Eleven people killed and 50 wounded in a suicide "
         "bombing of a city bus in Kadugli.", 11, 50),
        ("No casualties were reported.", 0, 0),
        ("Nobody was hurt in the attack.", None, 0),
        ("The raiders killed a shepherd and stole his goats.", 1, None),
        ("A 64-year-old man was shot dead.", 1, None),
        ("A mob nearly lynched a suspected thief.", None, None),
        ("Women beat a trader suspected of killing a child.", None, None),
        ("Fatalities coded as 3 (sources reported 7).", 3, None),
        ("Eight deaths (coded across 4 events) were reported.", 2, None),
        # a timeline entry: the dash after its date is no part of the count
        ("August 1 - Five civilians were injured in a bomb blast.", None, 5),
        # ... and the day of its date is no head count
        ("March 9 - Tamboro massacre, villagers are massacred at the market.", None, None),
        # a day numbered under a month heading is no count; a number in words keeps its hyphen
        ("12: Fifty-six villagers were killed in Tamboro.", 56, None),
        # the wounded of "and many more wounded" are others, and nobody counted them
        ("The shelling left at least 38 people dead, and many more wounded.", 38, None),
        ("At least 30 people were killed and dozens more injured.", 30, 12),
        # the parser may make the dead the subject of "dead": still the raid's dead
        ("A raid on an army post has left at least 18 people dead.", 18, None),
        # South Asian news: the dead "embraced martyrdom", counted with the other side's
        ("During the exchange of fire, seven troops embraced martyrdom.", 7, None),
        (
            "The raids triggered gunbattles that killed at least 15 attackers while four "
            "troops embraced martyrdom.",
            19,
            None,
        ),
        # "butcher", a verb of killing in lexicon.KILL, counts its dead
        ("Insurgents attacked a pickup and butchered ten people inside it.", 10, None),
        # others killed add to the dead told before them
        ("Gunmen beheaded the village chief and killed two other inhabitants.", 3, None),
        # a casualty toll counts the hurt too: no dead of its own
        ("Later, the mayor said the casualty toll rose to nine.", None, None),
        # ages are no head count
        ("The ministry said four people aged 23 to 28 were killed during the raid.", None, None),
        # what a run of attacks claimed is the run's toll
        (
            "A ranger was killed by a bomb today, the latest in a spate of attacks that "
            "claimed six lives over the weekend.",
            1,
            None,
        ),
        # a party's toll is its claim, not the stated total
        (
            "A security source said 28 soldiers were killed, while the opposition claimed the "
            "death toll reached 30.",
            28,
            None,
        ),
        # the hurt told with their own word after the dead are another group
        ("Doctors received 20 dead people and about 40 injured in the blasts yesterday.", 20, 40),
        # the dead of two groups with one word are one sum
        ("The clashes left 7 protesters and 2 soldiers dead in the town.", 9, None),
    ],
)
def test_counts(count, text, fatalities, injuries):
    c = count(text)
    assert (c.fatalities, c.injuries) == (fatalities, injuries)


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        # a toll updated later replaces the first figure and is not added to it
        (
            "Gunmen attacked a market in Mopti on Sunday, killing three people.\n\n"
            "The death toll has risen to 11, the mayor said.",
            11,
        ),
        # the dead a later sentence says were also killed are others
        (
            "Rebels ambushed a convoy near Dilling on Sunday, leaving four peacekeepers dead.\n\n"
            "Eight fighters from the rebel group were also killed in the battle, a UN "
            "spokesman said.",
            12,
        ),
        # the dead of each side add up, whatever they are called
        (
            "Twelve soldiers were martyred and six rebels were killed in an attack on a post "
            "near Dilling on Sunday.",
            18,
        ),
    ],
)
def test_the_events_dead(extract, text, dead):
    [inc] = current(extract(text))
    assert inc.fatalities == dead


def test_the_lowest_of_competing_claims_and_an_unclaimed_figure_first():
    assert combine([(Counts(60, None), True), (Counts(10, None), True)]).fatalities == 10
    assert combine([(Counts(4, None), False), (Counts(25, None), True)]).fatalities == 4


@pytest.mark.parametrize(
    "text",
    [
        # a party's figure further down is a claim, not the toll
        "Al-Shabaab fighters attacked an army post near Mopti on Sunday, killing at least "
        "12 soldiers, officials said.\n\nAl-Shabaab claimed responsibility.\n\n"
        "The group said it had killed 30 soldiers.",
        # a spokesman's toll in a paragraph of its own is his claim of the event
        "Al-Shabaab fighters attacked an army post near Mopti on Sunday, killing 12 "
        "soldiers, officials said.\n\nAbdi Musa, al-Shabaab's spokesman, told reporters the "
        "fighters had held the post for hours.\n\nHe said the attackers killed 30 soldiers.",
    ],
    ids=["the-group-said", "he-said"],
)
def test_a_partys_own_toll_further_down_is_a_claim_not_the_toll(extract, text):
    [inc] = current(extract(text))
    assert inc.fatalities == 12


def test_the_setting_clause_keeps_its_own_dead(extract):
    text = "Students protested in Khartoum on Sunday after police killed a man in Kadugli."
    protest = next(i for i in current(extract(text)) if i.event_type == "Protests")
    assert protest.fatalities in (None, 0)


def test_one_person_named_by_trade_or_legal_standing_is_one_dead(extract):
    [inc] = current(extract("A suspected thief died in police custody in Kadugli on Saturday."))
    assert inc.fatalities == 1


def test_each_named_person_killed_is_one_dead(extract):
    [inc] = current(extract("Police shot dead John Deng and Ali Hassan in Kadugli on Sunday."))
    assert inc.fatalities == 2


def test_a_toll_said_inside_the_setting_clause_is_not_the_events(extract):
    text = (
        "At least 13 civilians were killed when a missile struck their house in Marib on "
        "Thursday. The missile attack came after coalition forces announced that 95 rebels "
        "had been killed in operations on Thursday in Marib."
    )
    strikes = [i for i in current(extract(text)) if i.event_type == "Explosions/Remote violence"]
    assert [i.fatalities for i in strikes] == [13]


@pytest.mark.parametrize(
    "text, fatalities",
    [
        ("Drone strikes on the town resulted in the deaths of over 100 civilians.", 100),
        ("The blast led to the death of three soldiers on Monday.", 3),
        ("Rioters demanded an investigation into the death of a journalist.", None),
    ],
)
def test_the_deaths_an_event_brought_about_are_its_dead(count, text, fatalities):
    assert count(text).fatalities == fatalities


def test_a_figure_someone_refutes_is_no_toll(extract):
    text = (
        "Gunmen killed 21 people in attacks near Kadugli on Tuesday, police said.\n\n"
        "The police spokesman refuted media reports claiming that over one hundred people "
        "were killed in the attacks.\n"
    )
    assert [i.fatalities for i in current(extract(text))] == [21]


def test_a_partys_own_figure_beside_its_denial_stands(extract):
    text = (
        "The army denied shelling Kadugli on Tuesday, saying 12 rebel fighters were killed "
        "in clashes outside the town.\n"
    )
    assert 12 in [i.fatalities for i in current(extract(text))]


def test_a_number_word_opening_a_paragraph_counts_the_dead(extract):
    text = (
        "Gunmen ambushed a police convoy near Kadugli on Monday.\n"
        "Thirteen officers were killed, some of their bodies still inside the trucks.\n"
    )
    assert [i.fatalities for i in current(extract(text))] == [13]


def test_whom_gunmen_shot_dead_died_however_the_parser_reads_dead(extract):
    # parsed with "dead" as the verb, the gunmen its subject and the trader its object
    text = "Two gunmen aboard a motorbike shot dead a trader in Kadugli on Sunday."
    assert [(i.event_type, i.fatalities) for i in current(extract(text))] == [
        ("Violence against civilians", 1)
    ]


@pytest.mark.parametrize(
    ("text", "fatalities"),
    [
        pytest.param(
            "Seven soldiers were killed after rebels attacked an army checkpoint near Kadugli "
            "on Sunday.\n\nSoldiers responded swiftly, killing six rebels in the ensuing "
            "gunfight.",
            13,
            id="each side's dead told apart add up",
        ),
        pytest.param(
            "A shell hit a crowded camp in Kadugli early Sunday, killing at least 19 people, "
            "officials said.\n\nThe civil defence had earlier said 40 people were killed.",
            19,
            id="a figure told as an earlier count does not beat the current one",
        ),
        pytest.param(
            "A total of five people, including four civilians and a policeman, were killed on "
            "Tuesday in an attack by militants at a village near Kadugli, a police source "
            "said.",
            5,
            id="a total of people counts the people",
        ),
        pytest.param(
            '"At about 0200hrs, the command received a report of an attack by gunmen at '
            'Kurmi village," said police spokesman Musa Ali on Sunday.\n\n'
            '"Nine (9) persons were killed and about forty (40) houses set ablaze by the '
            'attackers," he said in a statement.',
            9,
            id="houses the parser makes the killed ones are no dead",
        ),
        pytest.param(
            "Islamist rebels hacked to death at least 22 civilians, including 13 women, in an "
            "overnight raid near Kadugli, local officials said on Sunday.",
            22,
            id="those hacked to death are the dead, the past tense hung on its subject",
        ),
    ],
)
def test_one_events_dead(extract, text, fatalities):
    [inc] = current(extract(text))
    assert inc.fatalities == fatalities


@pytest.mark.parametrize(
    ("text", "fatalities"),
    [
        pytest.param(
            "Gunmen killed at least 23 villagers near Kadugli on Tuesday, the latest killings "
            "in a state where communal violence has left hundreds dead.",
            23,
            id="hundreds in a perfect relative clause",
        ),
        pytest.param(
            "Gunmen killed 23 villagers near Kadugli on Tuesday, residents said.\n\nThe state "
            "has been gripped by an insurgency since 2016. Thousands have been killed and a "
            "million people have fled their homes.",
            23,
            id="thousands in the perfect after the background",
        ),
        pytest.param(
            "Gunmen killed 23 villagers near Kadugli on Tuesday, residents said.\n\nMore than "
            "3,000 people have been killed and 900,000 displaced.",
            23,
            id="a figure no day reaches, in the perfect",
        ),
    ],
)
def test_a_wars_running_count_is_not_the_events_dead(extract, text, fatalities):
    [inc] = current(extract(text))
    assert inc.fatalities == fatalities


@pytest.mark.parametrize(
    "text, fatalities",
    [
        ("An attack in Sudan by armed men led to the killing of eight civilians on Friday.", 8),
        ("The killing of eight civilians in Kadugli on Friday shocked the town.", 8),
    ],
)
def test_a_killing_named_as_a_noun_with_its_dead_is_an_event(extract, text, fatalities):
    [inc] = current(extract(text))
    assert (inc.event_type, inc.fatalities) == ("Violence against civilians", fatalities)


def test_a_killing_protested_is_a_grievance_not_the_protests_toll(extract):
    text = "Hundreds protested in Kadugli on Sunday over the killing of two students."
    [inc] = current(extract(text))
    assert (inc.event_type, inc.fatalities) == ("Protests", None)


def test_a_figure_told_for_several_acts_yields_to_one_acts_own(extract):
    text = (
        "Security forces killed eleven militants in two raids near Kadugli on Monday.\n\n"
        "Ten militants were killed in the first raid in Kadugli district."
    )
    [inc] = current(extract(text))
    assert inc.fatalities == 10


def test_things_the_parser_lists_with_the_dead_are_no_dead(nlp):
    """A house counted as a conjunct of the dead victims is no victim.

    Written for this test, with the parse the model gives a governor's telegraphic
    quote: "two rebels dead, 12 houses" with "houses" a conjunct of "rebels".
    """
    from spacy.tokens import Doc

    from mapper.incidents.casualties import (
        _count_phrase,  # noqa: PLC2701
        victim_heads,
    )

    words = ["two", "rebels", "dead", ",", "12", "houses"]
    doc = Doc(
        nlp.vocab,
        words=words,
        heads=[1, 2, 2, 1, 5, 1],
        deps=["nummod", "nsubj", "ROOT", "punct", "nummod", "conj"],
        pos=["NUM", "NOUN", "ADJ", "PUNCT", "NUM", "NOUN"],
        lemmas=["two", "rebel", "dead", ",", "12", "house"],
    )
    assert [h.text for h in victim_heads(doc[2])] == ["rebels"]
    assert _count_phrase(doc[1]) == 2



def test_a_figure_in_words_and_bracketed_digits_counts_once(extract_geoparsed):
    # written for this test; the pipeline's tokenizer had read "(8)" as the emoticon "8)"
    text = (
        '"Eight (8) persons were killed and about forty (40) houses set ablaze by the '
        'attackers in Kadugli on Sunday," he said in a statement.'
    )
    [inc] = current(extract_geoparsed(text))
    assert inc.fatalities == 8


@pytest.mark.parametrize(
    "toll",
    [
        "More than 100 people have died in raids blamed on the rebels since November 5.",
        "Rebels have killed more than 150 members of the security forces this year.",
    ],
)
def test_a_perfect_counted_since_a_day_or_over_the_year_is_a_running_toll(extract, toll):
    # written for these tests
    text = f"Gunmen killed six villagers near Kadugli on Sunday, officials said. {toll}"
    [inc] = [i for i in current(extract(text)) if i.fatalities]
    assert inc.fatalities == 6
