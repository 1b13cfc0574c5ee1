"""The document time model: one test per rule, each on an original sentence."""

from __future__ import annotations

import datetime as dt

import pytest

from mapper.incidents.timeline import build_timeline, byline_date, find_expressions

from .helpers import MON, current


def _dates(text, published=None):
    return [
        (text[e.start : e.end], w.date and w.date.isoformat(), w.precision, w.background)
        for e, w in build_timeline(text, published).items
    ]


# ------------------------------------------------------------------ undated report
def test_an_undated_report_has_unknown_dates_and_nothing_is_background(extract):
    incs = extract(
        "Gunmen on motorbikes attacked a market in Mopti, killing four traders.", published=None
    )
    [inc] = incs
    assert inc.event_date is None and inc.time_precision == 3
    assert inc.background is False


def test_with_no_publication_date_the_latest_explicit_date_is_the_reference():
    tl = build_timeline("Clashes began on 2 May 2019. Two days ago the town fell.", None)
    assert tl.reference == dt.date(2019, 5, 2) and not tl.published
    assert [w.date.isoformat() for _, w in tl.items] == ["2019-05-02", "2019-04-30"]


# ------------------------------------------------------------------ narrative anchor
def test_an_explicit_date_sets_the_anchor_for_the_sentences_after_it(extract):
    text = (
        "On 3 February 2021, rebels attacked an army post in Kadugli.\n\n"
        "The soldiers repelled the assault and killed two rebels."
    )
    [inc] = current(extract(text, published=None))
    assert inc.event_date == "2021-02-03" and inc.time_precision == 1
    assert len(inc.sources) == 2


def test_the_next_day_and_two_days_later_move_on_from_the_anchor():
    text = (
        "On 3 February 2021 fighting broke out. The next day the army shelled the town. "
        "Two days later a ceasefire was signed."
    )
    assert [d for _, d, _, _ in _dates(text)] == ["2021-02-03", "2021-02-04", "2021-02-06"]


def test_a_day_and_month_take_the_year_of_the_narrative():
    text = "In March 2019 talks failed. On 28 March gunmen raided the village."
    assert _dates(text)[-1][1] == "2019-03-28"


def test_a_day_and_month_in_news_are_the_latest_before_publication():
    assert _dates("On 28 December a convoy was hit.", dt.date(2021, 1, 5))[0][1] == "2020-12-28"


# ------------------------------------------------------------------ same day
def test_later_in_the_day_stays_on_the_day_told():
    text = "Drones struck Mopti on Sunday morning. Later in the day, rebels shelled Sevare."
    assert _dates(text, MON) == [
        ("Sunday morning", "2021-03-14", 1, False),
        ("Later in the day", "2021-03-14", 1, False),
    ]


def test_the_same_day_and_that_evening_stay_on_the_anchor(extract):
    text = (
        "On 9 June 2020 militants ambushed a patrol near Dilling. "
        "That evening, soldiers arrested six suspects in Kadugli."
    )
    dates = {i.location: i.event_date for i in current(extract(text, published=None))}
    assert dates == {"Dilling": "2020-06-09", "Kadugli": "2020-06-09"}


# ------------------------------------------------------------------ weekdays
def test_a_weekday_in_news_is_the_one_before_publication():
    # 15 March 2021 is a Monday: "on Saturday" is the 13th, "on Monday" the day itself.
    assert [d for _, d, _, _ in _dates("On Saturday and on Monday.", dt.date(2021, 3, 15))] == [
        "2021-03-13",
        "2021-03-15",
    ]


def test_a_lede_dated_only_by_its_telling_is_known_to_the_week(extract):
    # the time follows the reporting verb, however the parse hangs the clauses
    text = (
        "Armed attackers killed at least 33 people when they opened fire on vegetable "
        "farmers near Mopti, the governor of the Mopti region said on Saturday."
    )
    [inc] = current(extract(text, published=dt.date(2023, 5, 15)))
    assert (inc.event_date, inc.time_precision) == ("2023-05-13", 2)


def test_a_weekday_after_an_explicit_date_is_the_one_after_it_in_a_chronology():
    # 1 April 2018 was a Sunday; the chronology's Friday is the 6th, not a Friday before.
    text = "On 1 April 2018 the offensive began. On Friday the rebels withdrew."
    assert _dates(text)[-1][1] == "2018-04-06"


def test_a_weekday_far_behind_publication_follows_the_narrative_anchor():
    text = "On 1 April 2018 the offensive began. On Friday the rebels withdrew."
    assert _dates(text, dt.date(2018, 9, 30))[-1][1] == "2018-04-06"



def test_a_day_a_duration_started_on_sets_no_story_for_the_weekdays_after_it():
    # 8 December 2021 is a Wednesday: "early Tuesday" is the 7th, not the Tuesday
    # after 1 February, the day the fighting has lasted since.
    text = (
        "The district has seen heavy fighting since the February 1 coup. "
        "Soldiers entered the village early Tuesday."
    )
    assert _dates(text, dt.date(2021, 12, 8))[-1][1:] == ("2021-12-07", 1, False)

def test_a_month_of_last_year_a_duration_started_in_sets_no_story_after_it(extract):
    text = (
        "Gangs attacked the suburb on Tuesday.\n\nThe attack unleashed a response not seen "
        "since April of last year, when residents hunted down gang members.\n\n"
        "Police said ten gang members were killed at a checkpoint in Kadugli."
    )
    killed = [i for i in extract(text) if i.fatalities == 10]
    assert killed and not any(i.background for i in killed)


def test_a_day_that_names_an_earlier_event_sets_no_story_for_the_weekdays_after_it():
    # 6 September 2020 is a Sunday: "on Sunday" is that day, not the Sunday 9 August
    # ("the August 9 ballot") was.
    text = (
        "The rallies began after the August 9 ballot and have not stopped. "
        "Riot police detained dozens in the capital on Sunday."
    )
    assert _dates(text, dt.date(2020, 9, 6))[-1][1:] == ("2020-09-06", 1, False)


# ------------------------------------------------------------------ background
def test_an_earlier_year_is_background_and_a_chronology_keeps_its_own_span():
    text = (
        "The war of 1998 left the border closed. On 4 May 2019 clashes began. "
        "On 30 June 2019 a truce was agreed."
    )
    assert [(d[:4], bg) for _, d, _, bg in _dates(text)] == [
        ("1998", True),
        ("2019", False),
        ("2019", False),
    ]


def test_a_month_well_before_publication_is_background():
    assert _dates("In July the convoy was attacked.", dt.date(2020, 9, 28))[0][3] is True
    assert _dates("In September the convoy was attacked.", dt.date(2020, 9, 28))[0][3] is False


def test_acts_repeated_over_a_span_are_background(extract):
    text = (
        "The villagers had on several occasions been attacked by bandits near Dilling.\n\n"
        "They have been raiding us over the years, a resident said."
    )
    assert current(extract(text)) == []


def test_habits_and_stories_of_the_past_are_background(extract):
    text = (
        "Herders and farmers have long clashed over land in the region.\n\n"
        "In 2016, raiders killed 20 villagers near Babanusa.\n\n"
        "The raiders then burned the market."
    )
    assert current(extract(text)) == []


def test_a_decade_as_the_start_of_a_period_is_background_even_told_recently(extract):
    text = "The two tribes have been fighting over the wells most recently since the 1990s."
    assert current(extract(text)) == []
    # "recently" says the month at most; "in recent days" the week
    precisions = [p for _, _, p, _ in _dates("Raids rose recently and in recent days.", MON)]
    assert precisions == [3, 2]


def test_the_next_day_after_a_past_year_stays_in_the_past():
    text = "In January 2015 gunmen attacked a newspaper. The next day a policewoman was shot."
    assert [bg for _, _, _, bg in _dates(text, dt.date(2020, 9, 3))] == [True, True]


# ------------------------------------------------------------------ expressions
def test_ranges_are_coded_on_their_last_day_with_their_precision():
    [(_, date, prec, _)] = _dates("between 4 and 17 October 2020")
    assert (date, prec) == ("2020-10-17", 3)
    [(_, date, prec, _)] = _dates("on 6 and 7 September 2018")
    assert (date, prec) == ("2018-09-07", 1)


def test_may_the_modal_and_march_the_verb_are_no_months():
    kinds = [e.kind for e in find_expressions("Troops may march on the capital in May 2022.")]
    assert kinds == ["month"]


def test_numeric_dates_are_day_first():
    [e] = find_expressions("on 10/01/2016 protesters gathered")
    assert e.fields == (2016, 1, 10)


def test_a_decimal_number_is_no_date_but_dots_with_a_year_are():
    text = "12 March - Floods displaced 1.5 million people; a 6.2 quake followed on 14.03.2019."
    assert [(e.kind, e.fields) for e in find_expressions(text)] == [
        ("date", (None, 3, 12)),
        ("date", (2019, 3, 14)),
    ]


def test_a_byline_in_the_page_gives_its_own_date():
    assert byline_date("By A Writer\nPublished: 09:10, 2 March 2012 | Updated: 10:00") == dt.date(
        2012, 3, 2
    )


def test_a_full_date_in_the_pages_header_is_its_byline():
    # written for this test: a byline line above the story's first paragraph
    text = "Monday, March 24, 2008 | The Wire Agency\nKADUGLI: Police on Monday broke up a march."
    assert byline_date(text) == dt.date(2008, 3, 24)
    text = "Gunmen kill four\n\nBy A Writer\nWednesday, December 8, 2010\n\nKadugli, Dec 8 - ..."
    assert byline_date(text) == dt.date(2010, 12, 8)


def test_a_chronologys_day_headings_are_no_byline():
    text = "March 2, 2012\n\nGunmen attacked Mopti.\n\nMarch 4, 2012\n\nRebels shelled Gao."
    assert byline_date(text) is None


def test_weekdays_count_back_from_the_byline_in_the_header(extract):
    # written for this test: without the header's date the first full date told was the
    # anchor and "Sunday" counted forward from it
    text = (
        "Monday, March 24, 2008 | The Wire Agency\n"
        "KADUGLI: Police on Monday broke up a protest during the fifth day of clashes.\n"
        "A protester was shot and killed in Dilling on Sunday."
    )
    dates = sorted(i.event_date for i in current(extract(text)))
    assert dates == ["2008-03-23", "2008-03-24"]


@pytest.mark.parametrize(
    "published, month",
    [
        (dt.date(2020, 2, 15), "2019-03"),
        (dt.date(2020, 3, 20), "2019-03"),
        (dt.date(2020, 6, 1), "2020-03"),
    ],
)
def test_last_march_is_the_latest_march_before_the_reports_month(published, month):
    tl = build_timeline("Last March, gunmen killed 150 civilians in Mopti.", published)
    [(_, when)] = tl.items
    assert when.date.isoformat()[:7] == month and when.background


def test_last_march_is_background_even_with_no_date_to_count_from():
    [(_, when)] = build_timeline("Gunmen killed 150 civilians last March.", None).items
    assert when.background and when.date is None


def test_the_statement_date_is_not_the_event_date(extract):
    text = "The army said on Tuesday that rebels had attacked a checkpoint in Kadugli on Saturday."
    [inc] = current(extract(text))
    assert inc.event_date == "2021-03-13"


def test_the_time_of_a_named_statement_dates_no_event_of_its_clause(extract):
    riot = "Rioters burned two cars in Mopti on Saturday night."
    statement = "Police released a press statement this morning detailing the unrest in Mopti"
    [inc] = current(extract(f"{riot}\n\n{statement}, in which rioters threw stones at officers."))
    assert (inc.event_date, len(inc.sources)) == ("2021-03-13", 2)


def test_a_statement_day_does_not_move_the_anchor_an_event_set(extract):
    text = (
        "Rioters burned two buses in Kadugli on Tuesday.\n\n"
        "The governor met with traders on Thursday.\n\n"
        "Rioters also looted shops in Kadugli."
    )
    dated = {i.event_date for i in current(extract(text, published=dt.date(2021, 3, 19)))}
    assert dated == {"2021-03-16"}  # the Tuesday before publication (Friday 19 March)


def test_an_act_dated_only_by_its_telling_takes_the_day_told_further_down(extract):
    text = (
        "Officials said Thursday that gunmen shot a trader near Dilling. "
        "The trader was shot on Tuesday night at a roadblock, police said."
    )
    [inc] = current(extract(text, published=dt.date(2021, 3, 18)))
    assert (inc.event_date, inc.time_precision, len(inc.sources)) == ("2021-03-16", 1, 2)


def test_an_act_dated_only_by_its_telling_is_known_to_the_week(extract):
    text = "Officials said Thursday that gunmen shot a trader near Dilling."
    [inc] = current(extract(text, published=dt.date(2021, 3, 18)))
    assert (inc.event_date, inc.time_precision) == ("2021-03-18", 2)


def test_a_year_that_opens_its_sentence_starts_a_story(extract):
    text = (
        "In the 2019 raid, gunmen killed two guards at a market near Mopti.\n\n"
        "As they left, the gunmen burned three trucks near Djenne."
    )
    assert current(extract(text)) == []


def test_a_clause_with_no_finite_past_verb_carries_no_story_on(extract):
    text = (
        "In 2016, soldiers died during clashes near Dilling.\n\n"
        "The governor has called for calm amid reports of civilians being killed near Kadugli."
    )
    assert [i.location for i in current(extract(text))] == ["Kadugli"]


def test_a_statement_day_sets_the_anchor_when_nothing_else_dates_the_report():
    text = "The army said on Sunday that rebels attacked a post. Rebels also burned a truck."
    tl = build_timeline(text, dt.date(2021, 3, 19))
    assert tl.at(text.index("Rebels also")).date == dt.date(2021, 3, 14)


# ------------------------------------------------------------------ chronology headings
def test_a_month_and_a_year_heading_after_a_paragraph_break_are_not_one_date():
    text = "Raiders returned in March.\n\n2011\n\nJune 4 - Gunmen attacked Mopti."
    found = _dates(text)
    assert ("June 4", "2011-06-04", 1, False) in found


def test_a_year_inside_a_chronology_span_is_not_background():
    text = (
        "2003\n\nMay 2 - 2003 Mopti riots, dozens are killed in Mopti.\n\n2009\n\n"
        "July 30 - Gunmen attacked Djenne."
    )
    years = [row for row in _dates(text) if row[0] == "2003"]
    assert years and not any(bg for *_, bg in years)
    assert ("1994", "1994-01-01", 3, True) in _dates("A truce held from 1994. " + text)


# ------------------------------------------------------------------ recap after the events
def test_a_recap_told_day_by_day_keeps_its_weeks_out_of_the_background():
    recap = (
        "Rebels attack Djenne on March 2. On March 5, troops retake the town. "
        "On March 9, a drone strikes a convoy near Mopti."
    )
    found = _dates(recap, dt.date(2012, 6, 1))
    assert build_timeline(recap, dt.date(2012, 6, 1)).recap
    assert [(d, bg) for _, d, _, bg in found] == [
        ("2012-03-02", False),
        ("2012-03-05", False),
        ("2012-03-09", False),
    ]
    # news telling its backstory backwards from the day's event keeps it background
    news = (
        "Gunmen killed five people in Mopti on May 30. The town was attacked on March 9 "
        "and on March 5, and a market burned on March 2."
    )
    assert [bg for *_, bg in _dates(news, dt.date(2012, 6, 1))] == [False, True, True, True]
    assert not build_timeline(news, dt.date(2012, 6, 1)).recap


# ------------------------------------------------------------------ shifts after a year
def test_a_year_merely_mentioned_is_no_day_to_count_on_from():
    text = (
        "Rebels took Djenne on 4 March, weeks after the mayor who took office in 2011 "
        "fled. Two days later, troops retook the town."
    )
    found = _dates(text, dt.date(2012, 3, 20))
    assert ("Two days later", "2012-03-06", 1, False) in found


def test_a_year_that_opens_its_sentence_is_the_story_the_next_day_moves_in():
    text = "Later in 2009, gunmen raided Mopti. The next day they burned the market."
    found = _dates(text, dt.date(2012, 3, 20))
    assert [(d[:4], bg) for _, d, _, bg in found] == [("2009", True), ("2009", True)]


_ENTRIES = {
    "a full date and a dash": (
        "BAMAKO, June 2 - Key events of the war.\n\n"
        "March 2, 2012 - Rebels attack Djenne.\n\n"
        "May 5, 2012 - Troops retake Djenne.\n\n"
        "March 9, 2013 - A drone strikes a convoy near Mopti.\n"
    ),
    "a date alone on its line": (
        "Timeline of the unrest\n\n"
        "March 2, 2012\nMali - Marchers rally in Mopti.\n"
        "March 5, 2012\nMali - Troops disperse marchers in Djenne.\n"
        "March 9, 2012\nMali - Rioters burn a bank in Sevare.\n"
    ),
}


@pytest.mark.parametrize("text", _ENTRIES.values(), ids=_ENTRIES.keys())
def test_a_timeline_s_dated_entries_are_its_story_not_background(text):
    tl = build_timeline(text, dt.date(2014, 6, 2))
    assert tl.recap
    assert not any(w.background for _, w in tl.items)


def test_the_day_of_the_rescue_bounds_the_strike_it_does_not_date_it(extract):
    lede = "Rescuers dug through rubble in Mopti on Sunday after a shell hit a house, killing two."
    later = "The shell hit the house in Mopti on Saturday night, police said."
    [inc] = current(extract(f"{lede}\n\n{later}"))
    assert (inc.event_date, inc.time_precision) == ("2021-03-13", 1)
    [alone] = current(extract(lede))
    assert (alone.event_date, alone.time_precision) == ("2021-03-14", 2)


def test_a_clock_time_on_the_24_hour_clock_is_no_year():
    text = "A missile hit the depot at 9.45 p.m. local time (1945 GMT) in Kadugli."
    assert [e.kind for e in find_expressions(text)] == []


def test_a_superlative_since_a_year_does_not_date_its_clause(extract):
    text = "The raid on Mopti was the deadliest since 2012, killing 30 villagers."
    [inc] = extract(text)
    assert (inc.background, inc.event_date[:4]) == (False, "2021")
    longer = "The raid on Mopti was the deadliest since the end of the war with Mali in 2012."
    assert not any(i.background for i in extract(longer))
    for state in (
        "Rebels have fought the army around Mopti since 2012.",
        "Rebels have fought the army in the west around Mopti since 2012.",
    ):
        assert all(i.background for i in extract(state))


def test_entries_numbered_by_the_day_under_a_month_heading_are_dated(extract):
    text = (
        "Key events of the siege.\n\nMARCH, 2012\n\n"
        "– 8: Rebels attack a checkpoint in Mopti.\n\n"
        "9: Troops shell rebel positions near Djenne.\n\n"
        "12: Gunmen abduct a trader in Kadugli.\n"
    )
    dated = sorted(i.event_date for i in current(extract(text, published=dt.date(2012, 6, 1))))
    assert dated == ["2012-03-08", "2012-03-09", "2012-03-12"]


def test_an_impossible_day_is_no_date_and_never_an_error():
    texts = (
        "FEBRUARY\n\n29: Troops attack Mopti.\n\n31: Rebels retreat.",
        "In February 2015 rebels came. On February 29, troops attacked Mopti.",
    )
    for text in texts:
        for published in (None, dt.date(2015, 3, 1)):
            days = [w.date for _, w in build_timeline(text, published).items if w.precision == 1]
            assert all(d is None or d.day <= 28 for d in days)


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("Protesters stormed parliament after it passed the Finance Bill 2024.", []),
        ("The Horizon 2020 programme paid for the clinic.", []),
        ("Rebels took the town in 2024 and again in June 2025.", ["year", "month"]),
    ],
)
def test_a_year_that_ends_a_name_is_no_time(text, years):
    assert [e.kind for e in find_expressions(text)] == years


def test_a_report_naming_no_place_but_its_dateline_sits_at_the_dateline(extract_geoparsed):
    text = "NAIROBI, March 14 - Protesters stormed parliament and set part of it ablaze."
    [inc] = current(extract_geoparsed(text))
    assert (inc.location, inc.geo_precision) == ("Nairobi", 3)


@pytest.mark.parametrize(
    "text",
    [
        "The bodies were found in the 25th June village on Sunday.",
        "Two suspects were killed in a shootout in Giza's 6 of October City on Monday.",
    ],
)
def test_a_day_that_names_a_place_is_no_date(text):
    assert [e.kind for e in find_expressions(text)] == ["weekday"]


@pytest.mark.parametrize(
    "text",
    [
        "The militia has launched near-daily artillery and drone strikes on the town.",
        "The district has been under regular bombardment by government forces.",
        "The rebels have launched repeated offensives in two provinces, displacing thousands.",
        "The town has been the scene of regular operations by the army for a year.",
        "The province has seen periodic attacks by Islamic State cells.",
    ],
)
def test_a_frequency_before_the_acts_is_a_habit(text):
    assert [e.kind for e in find_expressions(text)] == ["habit"]


def test_daily_in_a_name_is_no_habit():
    assert find_expressions("Daily Sabah reported the strikes.") == []


def test_the_day_of_a_newspapers_issue_is_no_day_of_the_story(extract):
    # 15 January 2019 is a Tuesday: the raid was on Thursday the 10th; Monday dates the issue.
    text = (
        "Gunmen raided a village near Mopti on Thursday night, killing four people.\n\n"
        "According to a report in Monday's issue of a local newssheet, five people were "
        "injured in the raid."
    )
    incs = current(extract(text, published=dt.date(2019, 1, 15)))
    assert [(i.event_date, i.injuries) for i in incs] == [("2019-01-10", 5)]


def test_a_day_glued_to_an_abbreviated_month_is_a_day():
    text = "The mayor's office was ransacked in the early morning of Feb.28."
    assert _dates(text, dt.date(2017, 3, 5))[-1][1:3] == ("2017-02-28", 1)


def test_a_day_after_publication_dates_a_plan_not_the_story(extract):
    """"to go there tomorrow" moves no later account of the killing to the next day."""
    text = (
        "Gunmen killed 12 villagers near Mopti on Saturday, residents said.\n\n"
        '"We are asking the army to give us security to go there tomorrow to bury the dead," '
        "a youth leader said.\n\n"
        "Elders told reporters that the gunmen came at about 1 a.m. and began to shoot the "
        "villagers.\n"
    )
    incs = current(extract(text))
    assert [(i.event_date, len(i.sources)) for i in incs] == [("2021-03-13", 2)]


def test_the_age_of_a_building_dates_no_event(extract):
    text = (
        "A gunman attacked the shrine in Kadugli on Saturday, wounding 40 pilgrims.\n\n"
        "Witnesses said the attack on the shrine in Kadugli, a pilgrimage site that dates "
        "back to the 12th century, injured at least 40 other people.\n"
    )
    incs = extract(text)
    assert [(i.event_date, i.background) for i in incs] == [("2021-03-13", False)]


def test_the_day_a_counted_span_began_dates_no_later_sentence():
    text = (
        "Rebels killed two soldiers near Kadugli on Monday, the army said.\n\n"
        "The deaths brought to seven the number of soldiers killed since the start of a rebel "
        "offensive on December 19.\n\n"
        "The army said in a statement that the soldiers slain Monday died in an ambush.\n"
    )
    tl = build_timeline(text, MON)
    mondays = [w.date for e, w in tl.items if text[e.start : e.end] == "Monday"]
    assert mondays == [MON, MON]


@pytest.mark.parametrize(
    "text",
    [
        "Fighting has torn through the border districts since a coup in 2021.",
        "The insurgents have been raiding villages in the province since 2017.",
    ],
)
def test_a_span_from_a_year_is_a_habit(text):
    assert [e.kind for e in find_expressions(text)] == ["habit"]


def test_a_superlative_since_a_year_is_still_compared(extract):
    text = "Rebels shelled Kadugli on Monday, the heaviest attack on the town since 2019."
    assert [i.background for i in current(extract(text))] == [False]


@pytest.mark.parametrize(
    "text",
    [
        "Russian attacks went on in the 2-1/2-year-old war.",
        "Confidence fell to a 12-1/2-year low.",
        "They walked a 1/2-mile road.",
    ],
)
def test_a_fraction_in_a_mixed_number_is_no_day(text):
    assert [e.kind for e in find_expressions(text)] == []


@pytest.mark.parametrize(
    "text",
    [
        "Russia has regularly fired missiles at towns far behind the front lines.",
        "Such operations often target the militants.",
        "Communal violence routinely erupts in the state.",
    ],
)
def test_a_frequency_adverb_tells_a_habit(text):
    assert [e.kind for e in find_expressions(text)] == ["habit"]


def test_a_habitual_account_is_background(extract):
    text = (
        "Russian shelling killed two people in Mykolaiv on Sunday, officials said.\n\n"
        "Russia has regularly fired missiles at Ochakiv."
    )
    assert [i.location for i in current(extract(text))] == ["Mykolaiv"]


def test_a_hospital_admission_is_no_telling_and_its_day_is_the_attacks(extract):
    text = (
        "At least 70 people have been killed in a drone attack in Kadugli.\n\n"
        "The hospital manager said that 26 bodies were admitted to the hospital in the "
        "drone attack on Saturday."
    )
    [inc] = current(extract(text))
    assert inc.event_date == "2021-03-13"


def test_a_month_heading_with_its_year_dates_the_entries_under_it():
    text = (
        "January 2016\n\n1 January Rebels attack the town of Kabo.\n\n"
        "1 January Gunmen kill three in Ndele.\n\n2 January Troops retake Kabo.\n\n"
        "3 January Rebels shell Ndele, a day after they lost Kabo on Friday.\n"
    )
    got = [d for _, d, _, _ in _dates(text, dt.date(2016, 12, 31))]
    assert got[:4] == ["2016-01-01", "2016-01-01", "2016-01-01", "2016-01-02"]


def test_a_date_in_the_pages_header_dates_no_event():
    # written for this test: a photo caption between the byline's date and the lede
    text = (
        "Gunmen kill 12 in a village\n\n"
        "Tuesday April 02 2024\n\n"
        "Fighters hold their weapons near Kadugli on February 10, 2014. PHOTO | AGENCY\n\n\n"
        "Gunmen attacked a village near Kadugli on Sunday and killed 12 people, officials said."
    )
    published = byline_date(text)
    assert published == dt.date(2024, 4, 2)
    dates = [w.date for _, w in build_timeline(text, published).items]
    assert dates[-1] == dt.date(2024, 3, 31) and all(d.year == 2024 for d in dates)


def test_a_time_stamp_below_a_long_standfirst_is_the_byline():
    # written for this test: headline, a standfirst too long for a header line, a byline
    text = (
        "Drones hit the capital\n\n"
        "A drone and missile attack on the capital has killed at least four people and "
        "injured others as rescuers searched a collapsed apartment building for survivors\n\n"
        "A Writer\nMonday 23 June 2025 05:45 BST\n\n"
        "Drones hit Kadugli overnight, killing four people, officials said."
    )
    assert byline_date(text) == dt.date(2025, 6, 23)
