"""Tests for mapper.dates: relative dates against a report's date."""

import datetime as dt

import pytest

from mapper.dates import implied_year, resolve_date, years_in

MON = dt.date(2020, 9, 28)


@pytest.mark.parametrize(
    "expr, expected",
    [
        ("Sunday", (dt.date(2020, 9, 27), 1)),
        ("early on Sunday", (dt.date(2020, 9, 27), 1)),
        ("Sunday night", (dt.date(2020, 9, 27), 1)),
        ("Monday", (MON, 1)),
        ("last Monday", (dt.date(2020, 9, 21), 1)),
        ("yesterday", (dt.date(2020, 9, 27), 1)),
        ("overnight", (MON, 1)),
        ("last week", (dt.date(2020, 9, 21), 2)),
        ("last month", (dt.date(2020, 8, 29), 3)),
        ("29 September", (dt.date(2020, 9, 29), 1)),  # a day after the anchor is allowed
        ("Sept. 27", (dt.date(2020, 9, 27), 1)),
        ("December 30", (dt.date(2019, 12, 30), 1)),  # no future: the previous year
        ("2020-09-27", (dt.date(2020, 9, 27), 1)),
        ("in recent months", None),
        ("the 1990s", None),
    ],
)
def test_resolve_date(expr, expected):
    assert resolve_date(expr, MON) == expected


def test_absolute_dates_need_no_anchor():
    assert resolve_date("Sunday", None) is None
    assert resolve_date("27 September 2020", None) == (dt.date(2020, 9, 27), 1)


def test_years_and_implied_year():
    assert years_in("a war that ended in 1994 and the 1990s") == [1994, 1990]
    assert years_in("In 1723 the colony passed a curfew; 30,000 people; 9 p.m.") == [1723]
    assert implied_year("the first outbreak since 2016 ... four years of relative peace") == 2020
    assert implied_year("fighting since 2016") is None
    assert implied_year("nothing here") is None


def test_a_month_alone_is_the_latest_such_month_to_the_month():
    june = dt.date(2024, 6, 14)
    assert resolve_date("in February", june) == (dt.date(2024, 2, 1), 3)
    assert resolve_date("late November", june) == (dt.date(2023, 11, 1), 3)
    assert resolve_date("March 2022", june) == (dt.date(2022, 3, 1), 3)


def test_the_past_week_ends_when_it_is_told_last_week_is_the_week_before():
    sunday = dt.date(2024, 5, 12)
    assert resolve_date("the past week", sunday) == (sunday, 2)
    assert resolve_date("over the past seven days", sunday) == (sunday, 2)
    assert resolve_date("last week", sunday) == (dt.date(2024, 5, 5), 2)
