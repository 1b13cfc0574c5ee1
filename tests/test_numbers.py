"""Tests for mapper.numbers: ACLED's conservative reading of counts."""

import pytest

from mapper.numbers import count_people, parse_count, word_number


@pytest.mark.parametrize(
    "phrase, expected",
    [
        ("at least 14", 14),
        ("more than 20", 20),
        ("dozens of", 12),
        ("tens of", 10),
        ("hundreds of", 100),
        ("two dozen", 24),
        ("a dozen", 12),
        ("10 to 15", 10),
        ("15 or 20", 15),
        ("1,500", 1500),
        ("twenty-one", 21),
        ("three hundred", 300),
        ("some", None),
        ("several", None),
        ("", None),
    ],
)
def test_parse_count(phrase, expected):
    assert parse_count(phrase) == expected


@pytest.mark.parametrize(
    "phrase, expected",
    [
        ("a mother and child", 2),
        ("five members of the same family", 5),
        ("at least 3 civilians", 3),
        ("a woman", 1),
        ("two medics", 2),
        ("dozens of people", 12),
        ("civilians", None),
        ("some civilians", None),
        ("34", 34),
    ],
)
def test_count_people(phrase, expected):
    assert count_people(phrase) == expected


def test_word_number_rejects_words():
    assert word_number("village") is None
    assert word_number("Dozens") == 12


@pytest.mark.parametrize(
    "phrase, expected",
    [
        ("a 71-year-old farmer", 1),
        ("a 71 - year - old farmer", 1),  # as spaCy's tokens are joined
        ("three 18-year-old conscripts and their 40-year-old officer", 3),
        ("a woman aged 52 and her son", 2),
        ("an eight-month-old baby", 1),
    ],
)
def test_an_age_is_not_a_count(phrase, expected):
    assert count_people(phrase) == expected
