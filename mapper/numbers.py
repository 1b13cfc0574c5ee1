"""Counts of people in news text, read the way ACLED codes fatalities.

ACLED takes the most conservative figure a report gives: "at least 14" is 14,
"more than 20" is 20, "tens" is 10, "dozens" is 12, "hundreds" is 100, and a
range "10 to 15" is 10. Counted people ("a mother and child") are counted;
vague words ("some", "several", "many") give no number.
"""

from __future__ import annotations

import logging
import re

__all__ = ["AGE", "word_number", "parse_count", "count_people"]

logger = logging.getLogger(__name__)

_UNITS = {
    "zero": 0,
    "no": 0,
    "one": 1,
    "a": 1,
    "an": 1,
    "single": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "dozen": 12,
    "couple": 2,
    "pair": 2,
    "both": 2,
}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
# ACLED's fixed readings of vague plural amounts.
_VAGUE = {"tens": 10, "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1000}
_NUMBER = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d+$")


def word_number(word: str) -> int | None:
    """Return the value of one number word or numeral, else None.

    Examples
    --------
    >>> word_number("five"), word_number("1,200"), word_number("dozens"), word_number("some")
    (5, 1200, 12, None)
    """
    w = word.strip().lower().replace("\u2019", "'")
    if _NUMBER.match(w):
        return int(w.replace(",", ""))
    if w in _VAGUE:
        return _VAGUE[w]
    if w in _UNITS and w not in ("a", "an", "no", "both"):
        return _UNITS[w]
    if w in _SCALES:
        return _SCALES[w]
    if "-" in w:  # "twenty-five"
        parts = [word_number(p) for p in w.split("-")]
        if all(p is not None for p in parts) and len(parts) == 2 and parts[0] % 10 == 0:
            return parts[0] + parts[1]
    return None


def parse_count(phrase: str) -> int | None:
    """Return the conservative count a number phrase gives, else None.

    Parameters
    ----------
    phrase : str
        Words before (and including) the counted noun, e.g. "at least 14",
        "more than two dozen", "10 to 15", "a hundred".

    Returns
    -------
    int or None

    Examples
    --------
    >>> parse_count("at least 14"), parse_count("dozens of"), parse_count("two dozen")
    (14, 12, 24)
    >>> parse_count("10 to 15"), parse_count("some"), parse_count("1,500")
    (10, None, 1500)
    >>> parse_count("twenty-one"), parse_count("three hundred"), parse_count("a dozen")
    (21, 300, 12)
    """
    found: list[int] = []
    cur: int | None = None
    for w in re.findall(r"[\w,'-]+", phrase.lower()):
        w = w.strip(",")
        if w in ("dozen",) or w in _SCALES:
            cur = (cur or 1) * (12 if w == "dozen" else _SCALES[w])
            continue
        v = word_number(w)
        if v is None:
            if w in ("to", "or", "-") and cur is not None:
                # A range or an alternative: both figures go in, the lower wins.
                found.append(cur)
                cur = None
            continue
        if cur is not None and cur >= 20 and cur % 10 == 0 and v < 10:
            cur += v  # "twenty five"
        else:
            if cur is not None:
                found.append(cur)
            cur = v
    if cur is not None:
        found.append(cur)
    return min(found) if found else None


# fmt: off
_PERSON = {
    "man", "woman", "child", "boy", "girl", "baby", "mother", "father", "son", "daughter",
    "brother", "sister", "husband", "wife", "civilian", "soldier", "person", "resident",
    "teenager", "infant", "grandmother", "grandfather", "serviceman", "servicemen", "member",
    "journalist", "medic", "doctor", "nurse", "officer", "fighter", "villager", "farmer",
    "student", "worker", "policeman", "pensioner", "toddler", "elder", "relative",
}
# fmt: on
# fmt: off
_PERSON |= {
    "grandson", "granddaughter", "grandchild", "niece", "nephew", "uncle", "aunt", "cousin",
    "teacher", "driver", "volunteer", "guard", "priest", "kid", "youth", "policewoman",
}
# fmt: on
# fmt: off
_PERSON |= {
    "pilot", "commander", "colonel", "general", "sergeant", "lieutenant", "captain", "major",
    "mayor", "official", "paramedic", "rescuer", "firefighter", "photographer", "cameraman",
}
# fmt: on


# "64-year-old", "19 - year - old" (as a tokenizer joins it), "six-month-old", "aged 70",
# "four people aged 23 to 28" (AFP via Jordan Times, Jenin, October 2023)
AGE = re.compile(
    r"\b[\w]+\s*-?\s*(?:year|month|week|day)s?\s*-?\s*old\b"
    r"|\baged\s+(?:between\s+)?\d+(?:\s*(?:to|and|-|–)\s*\d+)?\b",
    re.I,
)


_NO_FEWER = re.compile(r"\b(?:no|not)\s+(?:fewer|less)\s+than\b", re.I)

# "twenty - five" as the tokenizer leaves it: tens and units in words around a hyphen
_TENS_UNITS = re.compile(
    r"\b((?:twen|thir|for|fif|six|seven|eigh|nine)ty)\s*-\s*"
    r"(one|two|three|four|five|six|seven|eight|nine)\b",
    re.IGNORECASE,
)


def count_people(phrase: str) -> int | None:
    """Count the people named in a noun phrase, conservatively.

    Numbers win ("five members of the same family" is 5); otherwise each
    singular person noun counts once ("a mother and child" is 2); plural
    nouns without a number ("civilians") give None.

    Examples
    --------
    >>> count_people("a mother and child"), count_people("five members of the same family")
    (2, 5)
    >>> count_people("at least 3 civilians"), count_people("civilians"), count_people("a woman")
    (3, None, 1)
    >>> count_people("dozens of people"), count_people("two medics")
    (12, 2)
    >>> count_people("a family of five"), count_people("a woman and her grandson")
    (5, 2)

    An age is not a count: "a 64-year-old man" is one person.

    >>> count_people("a 64-year-old man"), count_people("two 19 - year - old soldiers")
    (1, 2)
    >>> count_people("a man aged 70"), count_people("a six-month-old baby")
    (1, 1)
    >>> count_people("four people aged 23 to 28")
    4

    Punctuation before the phrase is no part of it (a timeline's dash after
    its date, "August 1 - Five Georgians were injured", Wikipedia, Timeline
    of the Russo-Georgian War, CC BY-SA):

    >>> count_people("- Five civilians")
    5

    A number written in words keeps its hyphen when the tokenizer splits it
    ("Fifty - six Palestinians", from "Fifty-six", AFP key events, 2014); a
    range of numerals stays a range:

    >>> count_people("Fifty - six Palestinians"), count_people("10 - 12 persons")
    (56, 10)

    "No fewer than" is "at least", not "no": "No fewer than 11 civilians were
    killed" (AFP via The Breaking Times, April 2021), "no fewer than 100
    villagers have been reportedly killed" (The Guild, June 2022).

    >>> count_people("No fewer than 11 civilians"), count_people("not less than 20 people")
    (11, 20)

    An upper bound is the figure told, as ACLED codes it when it is the only one: "as many
    as 15 Russian soldiers were killed" (The New York Times via Sun-Sentinel, Serzhen-Yurt,
    April 2000), "killing up to 100 people" (Reuters via LBCI, Wad Alnoura, June 2024).

    >>> count_people("as many as 15 Russian soldiers"), count_people("up to 100 people")
    (15, 100)
    """
    phrase = AGE.sub(" ", phrase.lstrip(" ,;:'\"-\u2013\u2014"))
    phrase = _NO_FEWER.sub("at least", phrase)
    phrase = _TENS_UNITS.sub(r"\1-\2", phrase)
    words = re.findall(r"[\w,'-]+", phrase.lower())
    m = re.search(r"\bfamily of (\w+)", phrase.lower())
    if m and word_number(m.group(1)) is not None:
        return word_number(m.group(1))  # "a family of five"
    # The number phrase ends at the first noun that is not a number word.
    head: list[str] = []
    for w in words:
        if word_number(w.strip(",")) is not None or w in (
            "at",
            "least",
            "more",
            "than",
            "over",
            "about",
            "around",
            "nearly",
            "almost",
            "some",
            "a",
            "an",
            "to",
            "or",
            "dozen",
            "hundred",
            "thousand",
            "another",
            "other",
            "as",
            "many",
            "up",
        ):
            head.append(w)
            continue
        break
    n = parse_count(" ".join(head)) if head else None
    if n is not None and not (n == 1 and head and head[-1] in ("a", "an")):
        return n
    singles = [w for w in words if w in _PERSON]
    if singles:
        return len(singles)
    return None
