"""The document time model: when each passage of a report happened.

News and chronologies place events in time the same few ways, and this module
reads them all against the narrative's *current reference time*, not only the
publication date. Each rule, with real text it is shown on (keys in
:mod:`mapper.incidents`):

* an explicit date sets the narrative anchor for what follows ([WSudan23]
  "On 15 April 2023, the RSF launched an attack on multiple SAF bases";
  [WTigray] "On the morning of 4 November 2020, Tigray regional security
  forces ... launched a surprise attack"), and so does a chronology's date or
  year heading ([WSyria] "24 August", [WFARC] "2013" over "July 20: ...");
* anaphoric expressions move from the last time told: "the next day", "two
  days later", "the day before" ([WMoSo] "The following day, the Karenni
  Nationalities Defence Force (KNDF) found the victims"; [WSouthSudan] "put
  down the next day"); "on the same day", "that evening", "overnight" stay on
  it ([FLibya] "In the evening approximately 200 people began demonstrating";
  [WDonbas] "At night, Ukrainian Special forces stormed a Security Service
  office"; [news-dev 08] a Tuesday afternoon, then a shooting "later in the
  day");
* the day of a statement or meeting ("said Thursday", "met with the family
  Thursday") does not move an anchor an event set: events told after it
  stay on the event's day ([news-dev 04] "a night of unrest ... on
  Wednesday", then a police chief's meeting with the dead man's family on
  Thursday, then police stations burned that night; [news-dev 03] shots
  fired "last night", then an army statement dated Tuesday). With
  no anchor yet it is the best time the report gives and sets one. The time
  of a statement named as such dates no event told in its clause ([news-dev
  11] a press statement timed "this morning" that recounts the night's
  events; AP, Richmond, 15 June 2020, "In a statement Monday,
  police said some demonstrators threw rocks");
* deictic expressions count from the report's reference date: "yesterday",
  "today", "last week", "three days ago" ([news-dev 02], [news-dev 11]);
* a weekday is the one before publication in news ([VOA19] "in the early
  hours of Sunday" in a Sunday report; [acled-dev ken 2017-10-23] "on
  Monday"), and the one after the anchor in a chronology (a narrative whose
  last day told lies more than a week before its reference date, or a text
  with no publication date: [WSouthSudan] "the evening of Sunday, 15 December
  2013");
* with no publication date the reference is the latest explicit date of the
  text; with no date at all, dates stay unknown (``None``, precision 3) and
  nothing is background for that reason ([WMarawi] "Maute group militants
  attacked Camp Ranao"; [acled-dev ken 2013-03-15]).

*Background* means clearly before the report's own time frame: an explicit
earlier year or month ([VOA19] "Somali troops seized the El-Salin base from
al-Shabab on August 6" in a 22 September report; [WKishishe] "a Tutsi-led rebel
group defeated in 2013"), a day more than a month before publication, "N years
ago", a century, or a habitual or durative frame ("have long been", "for
decades", "in recent years", "in the past": [WSyria] "who had been kidnapped in
2012", the seed reports). The frame is the month before the publication date,
or, in a chronology without a publication date, the span of its own explicit
dates, so that a chronology running from 27 September to 10 November keeps
all its events current; news never dates an event after its publication.

Precision follows ACLED: 1 the day is known, 2 the week (a range of up to a
week, "last week", "over the weekend", no day given in a dated report), 3 the
month or vaguer. A range is coded on its last day, as ACLED's own notes do
([acled-dev ken 2018-09-07]; [WMosul] "occurred between 4–10 June 2014").

Examples
--------
>>> text = "On 4 October 2020 rockets hit Ganja. The next day, shells hit Tartar."
>>> tl = build_timeline(text, published=None)
>>> tl.at(text.index("rockets")), tl.at(text.index("shells"))
(When(date=datetime.date(2020, 10, 4), precision=1, background=False), \
When(date=datetime.date(2020, 10, 5), precision=1, background=False))
>>> build_timeline("Gunmen attacked a village.", published=None).at(0)
When(date=None, precision=3, background=False)
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from dataclasses import dataclass

from mapper.datelines import match_dateline
from mapper.numbers import word_number
from mapper.reports import lede_start

__all__ = [
    "MONTH_NAMES",
    "MONTH_PATTERN",
    "TimeExpr",
    "When",
    "Timeline",
    "find_expressions",
    "build_timeline",
    "byline_date",
]

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH_NAMES = (
    ("january", "jan"),
    ("february", "feb"),
    ("march", "mar"),
    ("april", "apr"),
    ("may",),
    ("june", "jun"),
    ("july", "jul"),
    ("august", "aug"),
    ("september", "sept", "sep"),
    ("october", "oct"),
    ("november", "nov"),
    ("december", "dec"),
)
MONTHS = {name: i for i, names in enumerate(_MONTH_NAMES, start=1) for name in names}
#: The months' full names, January first.
MONTH_NAMES = tuple(names[0] for names in _MONTH_NAMES)

# Longest names first so that "sept" wins over "sep" and "june" over "jun".
_M = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
#: A month name or abbreviation as a regular expression (match case-insensitively).
MONTH_PATTERN = _M
_D = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
#: Between a month and its day: a space, or nothing after an abbreviation's point ("in the
#: early morning of Feb.28", "during demos ... on Feb.22-23", ACLED coder notes, Burkina
#: Faso 2011 and 2017).
_GLUED = r"(?:[^\S\n]+|(?<=\.))"
_Y = r"(?:1[89]\d\d|20\d\d)"
_WD = r"(?:" + "|".join(WEEKDAYS) + r")"
_NUM = r"(?:\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_PART = r"(?:morning|afternoon|evening|night|overnight)"
# How far a chronology's anchor may lie behind publication before weekdays count forward.
_CHRONOLOGY_GAP = dt.timedelta(days=7)
# Events more than about a month before publication are the report's background.
_FRAME = dt.timedelta(days=31)


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """A temporal expression as written, parsed but not yet resolved.

    ``kind`` is one of ``date`` (year?, month, day), ``range`` (year?, month,
    first day, month, last day), ``month`` (year?, month), ``year`` (year,
    decade), ``weekday`` (weekday, "last"/"next"/""), ``deictic`` (days from
    the reference date), ``shift`` (days from the narrative anchor),
    ``period`` (days from the reference date, precision) and ``habit`` (a
    habitual or durative frame: a background cue, no date).
    """

    start: int
    end: int
    kind: str
    fields: tuple[int | str | None, ...]


@dataclass(frozen=True, slots=True)
class When:
    """A resolved time: ACLED's event date, its precision, and whether it is background."""

    date: dt.date | None
    precision: int
    background: bool = False


_UNKNOWN = When(None, 3)


def _month(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def _day(word: str) -> int:
    return int(re.match(r"\d+", word)[0])


def _year(word: str | None) -> int | None:
    return int(word) if word else None


def _count(word: str) -> int:
    n = word_number(word)
    return 1 if word.lower() in ("a", "an") else (n or 0)


def _span_days(n: int, unit: str) -> int:
    return n * {"day": 1, "week": 7, "month": 30, "year": 365}[unit.lower().rstrip("s")]


# Each pattern: (regex, builder from the match to (kind, fields)). Order matters only
# for ties: overlapping matches keep the longest, then the earliest pattern.
_PATTERNS: list[tuple[re.Pattern[str], object]] = []


def _pattern(regex: str):  # noqa: ANN202 - decorator
    def register(builder):  # noqa: ANN001, ANN202
        _PATTERNS.append((re.compile(regex, re.I), builder))
        return builder

    return register


@_pattern(r"\b(" + _Y + r")-([01]\d)-([0-3]\d)\b")
def _iso(m: re.Match[str]) -> tuple[str, tuple]:
    return "date", (int(m[1]), int(m[2]), int(m[3]))


@_pattern(
    r"(?<![\d/.])(?<!\d-)(?<!\d-and-)"
    r"([0-3]?\d)(?:/([01]?\d)(?:/(" + _Y + r"|\d\d))?|\.([01]?\d)\.(" + _Y + r"|\d\d))"
    r"(?![\d/]|\.\d|-[a-z])"
)
def _numeric(m: re.Match[str]) -> tuple[str, tuple]:
    # Day first, as in most of the world's press and ACLED's notes ("on 10/01");
    # "mm/dd" is taken only when the first number cannot be a month's day order.
    # With dots the year must follow ("18.02.2014"): "2.5 million" ("an estimated
    # 2.5 million people already internally displaced", Wikipedia, 2013 in Syria;
    # "a 7.5 magnitude quake", any wire) is a number, not the 2nd of May.
    # A fraction in a mixed number or a compound adjective is no day either: Reuters
    # writes "the 2-1/2-year-old war against Russia" (via swissinfo, September 2024)
    # and "near 12-1/2-year low" (September 2026), which had dated a report 1 February.
    a, b = int(m[1]), int(m[2] or m[4])
    year = m[3] or m[5]
    y = (2000 + int(year) if len(year) == 2 else int(year)) if year else None
    day, month = (a, b) if b <= 12 else (b, a)
    return "date", (y, month, day)


@_pattern(
    r"\b(?:between[^\S\n]+|from[^\S\n]+)?("
    + _D
    + r")[^\S\n]*(?:-|–|and|to|until|till)[^\S\n]*("
    + _D
    + r")[^\S\n]+(?:of[^\S\n]+)?("
    + _M
    + r")(?:,?[^\S\n]+("
    + _Y
    + r"))?\b"
)
def _day_range_dm(m: re.Match[str]) -> tuple[str, tuple]:
    mo = _month(m[3])
    return "range", (_year(m[4]), mo, _day(m[1]), mo, _day(m[2]))


@_pattern(
    r"\b(?:between[^\S\n]+|from[^\S\n]+)?("
    + _M
    + r")" + _GLUED + r"("
    + _D
    + r")[^\S\n]*(?:-|–|and|to|until|till)[^\S\n]*(?:("
    + _M
    + r")[^\S\n]+)?("
    + _D
    + r")(?:,?[^\S\n]+("
    + _Y
    + r"))?\b"
)
def _day_range_md(m: re.Match[str]) -> tuple[str, tuple]:
    m1 = _month(m[1])
    m2 = _month(m[3]) if m[3] else m1
    return "range", (_year(m[5]), m1, _day(m[2]), m2, _day(m[4]))


@_pattern(
    r"\b(?:between[^\S\n]+|from[^\S\n]+)?("
    + _D
    + r")[^\S\n]+("
    + _M
    + r")[^\S\n]*(?:-|–|and|to|until|till)[^\S\n]*("
    + _D
    + r")[^\S\n]+("
    + _M
    + r")(?:,?[^\S\n]+("
    + _Y
    + r"))?\b"
)
def _day_range_dmdm(m: re.Match[str]) -> tuple[str, tuple]:
    return "range", (_year(m[5]), _month(m[2]), _day(m[1]), _month(m[4]), _day(m[3]))


@_pattern(r"\b(" + _D + r")[^\S\n]+(?:of[^\S\n]+)?(" + _M + r")(?:,?[^\S\n]+(" + _Y + r"))?\b")
def _day_month(m: re.Match[str]) -> tuple[str, tuple]:
    return "date", (_year(m[3]), _month(m[2]), _day(m[1]))


@_pattern(r"\b(" + _M + r")" + _GLUED + r"(" + _D + r")(?!\d)(?:,?[^\S\n]+(" + _Y + r"))?\b")
def _month_day(m: re.Match[str]) -> tuple[str, tuple]:
    return "date", (_year(m[3]), _month(m[1]), _day(m[2]))


@_pattern(
    r"\b(?:(?:early|late|mid)(?:[^\S\n]|-)+)?("
    + _M
    + r")(?:[^\S\n]+(?:of[^\S\n]+)?("
    + _Y
    + r"))?\b"
)
def _month_only(m: re.Match[str]) -> tuple[str, tuple]:
    return "month", (_year(m[2]), _month(m[1]))


@_pattern(r"\b(last)[^\S\n]+(" + _M + r")(?!\w)(?![^\S\n]*(?:\d|of\b))")
def _last_month(m: re.Match[str]) -> tuple[str, tuple]:
    """Match a month told as the last one of its name ("last March").

    It lies before the report's own month, a year before when it is the same
    month: "where 160 died last March" (Sharjah24 via AFP, Ogossagou, February
    2020) and "Last March, men believed to belong to the militia of a rival group
    killed more than 150 civilians" (upnewsinfo, February 2020: two outlets' copy
    of one wire story) had been read as the day's attack, its dead the day's.
    """
    return "month", (None, _month(m[2]), "last")


# A clock time on the 24-hour clock looks like a year: "(1945 GMT)", "at 2030 hrs".
_CLOCK = r"(?![^\S\n]*(?:GMT|UTC|Z\b|hrs\b|hours\b|h\b|local\b))"


@_pattern(r"\b(" + _Y + r")(s)?\b(?![^\S\n]*(?:-|–)[^\S\n]*\d)" + _CLOCK)
def _year_only(m: re.Match[str]) -> tuple[str, tuple]:
    """Match a year ("in 1994", "the 1990s"), never a 24-hour clock time ("(1945 GMT)").

    >>> [e.kind for e in find_expressions("hit at 9.45 p.m. local time (1945 GMT) in 1994")]
    ['year']
    """
    return "year", (int(m[1]), 1 if m[2] else 0)


@_pattern(r"\b(?:(last|next|this|past)\s+)?(" + _WD + r")(?:'s)?(?:\s+" + _PART + r")?\b")
def _weekday(m: re.Match[str]) -> tuple[str, tuple]:
    return "weekday", (WEEKDAYS.index(m[2].lower()), (m[1] or "").lower())


@_pattern(r"\b(?:over|during|at)\s+the\s+weekend\b|\blast\s+weekend\b|\bthis\s+weekend\b")
def _weekend(m: re.Match[str]) -> tuple[str, tuple]:
    return "weekday", (5, "weekend")


_DEICTIC = {
    "today": 0,
    "tonight": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "earlier today": 0,
    "yesterday": -1,
    "last night": -1,
    "the day before yesterday": -2,
    "tomorrow": 1,
}


@_pattern(
    r"\b(?:the day before yesterday|earlier today|today|tonight|this (?:morning|afternoon|evening)"
    r"|yesterday(?:\s+" + _PART + r")?|last night|tomorrow)\b"
)
def _deictic(m: re.Match[str]) -> tuple[str, tuple]:
    key = m[0].lower()
    key = "yesterday" if key.startswith("yesterday") else key
    return "deictic", (_DEICTIC[key],)


@_pattern(r"\b(" + _NUM + r")\s+(days?|weeks?|months?|years?)\s+ago\b")
def _ago(m: re.Match[str]) -> tuple[str, tuple]:
    unit = m[2].lower().rstrip("s")
    days = _span_days(_count(m[1]), unit)
    prec = 1 if unit == "day" else 2 if unit == "week" else 3
    return "period", (-days, prec)


@_pattern(
    r"\b(?:on\s+)?(?:the\s+)?(?:next|following)\s+(day|morning|evening|night|week)\b"
    r"|\bthe\s+day\s+after\b|\b(?:a|one)\s+day\s+later\b"
)
def _next_day(m: re.Match[str]) -> tuple[str, tuple]:
    return "shift", (7 if (m[1] or "").lower() == "week" else 1, 2 if m[1] == "week" else 1)


# "Two days later," moves the narrative; "two days after the raid" counts from another
# event, not from the anchor, so "after"/"before" count only at the clause's end.
@_pattern(
    r"\b("
    + _NUM
    + r")\s+(days?|weeks?)\s+(later|afterwards|earlier|(?:after|before)(?=\s*[,.;:]|\s*$))"
)
def _n_days_later(m: re.Match[str]) -> tuple[str, tuple]:
    n = _span_days(_count(m[1]), m[2])
    sign = -1 if m[3].lower() in ("earlier", "before") else 1
    return "shift", (sign * n, 1 if m[2].lower().startswith("day") else 2)


@_pattern(r"\b(?:the\s+)?(?:following|next|previous)\s+(year|month)\b")
def _next_year(m: re.Match[str]) -> tuple[str, tuple]:
    sign = -1 if "previous" in m[0].lower() else 1
    return "shift", (sign * (365 if m[1].lower() == "year" else 30), 3)


@_pattern(r"\b(?:over|in|during|for)\s+the\s+(?:following|next)\s+(" + _NUM + r")\s+(days|weeks)\b")
def _following_days(m: re.Match[str]) -> tuple[str, tuple]:
    n = _span_days(_count(m[1]), m[2])
    return "shift", (n, 2 if n <= 7 else 3)


@_pattern(r"\b(?:the\s+(?:day|night|evening)\s+before|the\s+previous\s+(?:day|night|evening))\b")
def _day_before(m: re.Match[str]) -> tuple[str, tuple]:
    return "shift", (-1, 1)


@_pattern(
    r"\b(?:on\s+)?the\s+same\s+(?:day|night|evening|morning)\b"
    r"|\b(?:later|earlier)\s+(?:that|the\s+same|in\s+the)\s+(?:day|night|evening|morning)\b"
    r"|\bthat\s+(?:day|night|evening|morning|afternoon)\b|\bovernight\b"
)
def _same_day(m: re.Match[str]) -> tuple[str, tuple]:
    return "shift", (0, 1)


@_pattern(
    r"\b(?:(earlier|later)\s+)?(this|last|past|previous|the\s+past|the\s+previous)\s+"
    r"(week|month|year)\b"
)
def _period(m: re.Match[str]) -> tuple[str, tuple]:
    which = m[2].lower().split()[-1]
    unit = m[3].lower()
    back = 0 if which == "this" else _span_days(1, unit)
    if which in ("past", "previous") and m[2].lower().startswith("the"):
        back = 0  # "the past week": a period that ends when it is told
    prec = 2 if unit == "week" else 3
    return "period", (-back, prec, unit, which, (m[1] or "").lower())


@_pattern(r"\b(?:in\s+)?recent\s+(days|weeks)\b|\brecently\b|\bin\s+the\s+past\s+few\s+days\b")
def _recently(m: re.Match[str]) -> tuple[str, tuple]:
    # "in recent days" is the week; "recently" and "in recent weeks" say no more than the
    # month, and never outrank an explicit time of the same clause (a dispute fought over
    # "most recently since the 1960s", [news-dev 03]; a militant group said to have
    # stepped up its attacks "recently", [news-dev 05])
    return "period", (0, 2 if m[0].lower().endswith("days") else 3)


# Habitual or durative frames: "have long", "for decades", "in recent years",
# "not uncommon", "often", "since the fall of ...", and a decade as a period's start
# (fighting that has gone on "since the 1960s", [news-dev 03]; "a rebel group that
# has operated in Uganda and the Democratic Republic of the Congo since the late 1990s",
# Anadolu Agency via 24newsglobe); acts told as repeated over a span ("the villagers had
# on several occasions been attacked by bandits", "They have been attacking us over the
# years", The Citizen, Nigeria, 2020; "stealing meat on several occasions over a
# three-month span", "has represented multiple Wedbush customers over the years", GWN);
# a frequency before the acts: "The RSF has launched near-daily artillery and drone
# strikes" (AFP via TRT World, 9 October 2025), "under fire for more than 80 consecutive
# days, with regular bombardment by regime forces" (CNN via Gant News, August 2016). Months
# too: "with intense fighting raging there for months" (AFP via Malay Mail, Sagaing, April
# 2023), the same durative as "for years" above. Repeated acts the same way: "The M23
# ... has launched repeated offensives in North Kivu and South Kivu provinces"
# (Eastleigh Voice, 2025), "defying repeated offensives by Congolese and U.N.
# peacekeepers" (Reuters, Beni, 2016), "the scene of regular operations by the police,
# gendarmes and army" (Reuters, Pool region, March 2017), "Diyala province has seen
# periodic attacks by Islamic State cells" (AP, October 2023), "the terrorists keep on
# launching sporadic attacks on security forces" (Pakistan Today, December 2021). A
# frequency adverb the same way: "Russia ... has regularly fired missiles and drones at
# towns and cities far behind the front lines" (Reuters via swissinfo, September 2024),
# "Such operations often target the Pakistani Taliban" (AP via ABC News, 2024). A span
# from a year, or from an event of a year, as "since the late 1990s": "Fighting has
# ravaged swathes of Myanmar since a coup in 2021" (AFP via Arab News, June 2023), "has
# been carrying out terror attacks in Mozambique since 2017" (CAJ News, October 2022).
@_pattern(
    r"\b(?:ha(?:ve|s|d)\s+long|for\s+(?:many\s+|several\s+)?(?:months|years|decades|centuries"
    r"|generations)"
    r"|in\s+recent\s+(?:years|decades|months)|over\s+the\s+(?:past|last)\s+(?:\w+\s+)?(?:years|decades)"
    r"|not\s+uncommon|(?:are|were|is)\s+(?:frequent|common|routine|regular)"
    r"|since\s+the\s+(?:fall|collapse|end|break-?up|start|beginning)\s+of"
    r"|since\s+the\s+(?:early\s+|late\s+|mid-?)?(?:1[89]|20)\d0s"
    r"|since\s+(?:(?:a|an|the)\s+(?:[\w-]+\s+){1,3}?in\s+)?(?:1[89]|20)\d\d\b(?!\s*[,-]?\s*\d)"
    r"|decades?-?long|(?:\w+\s+)?(?:years|decades)\s+(?:earlier|before|ago)"
    r"|in\s+the\s+past|in\s+(?:past|previous)\s+years|historically"
    r"|over\s+the\s+years|time\s+and\s+again"
    r"|on\s+(?:several|many|numerous|multiple|various|repeated)\s+occasions"
    r"|(?:regularly|routinely|frequently|often|constantly|periodically)\s+[a-z]+"
    r"|(?-i:(?:near-?|almost\s+|nearly\s+)?(?:daily|nightly|regular|constant|repeated"
    r"|frequent|numerous|recurrent|periodic|sporadic|occasional))\s+"
    r"(?:[a-z-]+\s+(?:and\s+)?){0,3}?(?:air\s*strikes|strikes|shelling|bombardments?|attacks"
    r"|raids|rocket\s+fire|offensives|operations|assaults|incursions))\b"
)
def _habit(m: re.Match[str]) -> tuple[str, tuple]:
    return "habit", ()


@_pattern(r"\b(?:in\s+)?the\s+(\d{1,2})(?:st|nd|rd|th)\s+century\b")
def _century(m: re.Match[str]) -> tuple[str, tuple]:
    # "In the 18th century": a past long before any report's time.
    return "year", ((int(m[1]) - 1) * 100, 1)


#: Capitalised words a year may follow as a time, not as part of a name.
_YEAR_LEADS = frozenset(
    """in since by until till from during before after early late mid summer winter spring
    autumn fall of and the for to at through between circa around about on""".split()
)
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z'’.-]*)[^\S\n]$")


def _named_year(text: str, start: int) -> bool:
    """Tell a year that ends a name: "the Finance Bill 2024", "Horizon 2020".

    "Several demonstrators were shot after many stormed Parliament following
    the approval of the Finance Bill 2024" (Capital FM, Nairobi, 25 June
    2024); "Horizon 2020", "Gisec 2018" (GWN, world news): a law, a programme
    or a fair named with its year dates nothing the sentence tells. A year
    after a month or a time word ("June 2024", "in 2024", "Summer 2014") is
    a time.
    """
    m = _WORD_BEFORE.search(text, max(0, start - 30), start)
    if m is None:
        return False
    word = m.group(1)
    return (
        word[:1].isupper()
        and word.lower().rstrip(".") not in _YEAR_LEADS
        and not re.fullmatch(_M, word.rstrip("."), re.I)
    )


#: Nouns a date before them names: a place or body named after a day. "The bodies ...
#: were found in the 25th June village" (AIM via allAfrica, Cabo Delgado, 31 May 2018);
#: "killed ... in a shootout with police forces in Giza's 6 of October City" (Daily
#: News Egypt, 25 January 2016); "the March 23 Movement (M23)" ([WKishishe]).
_DATE_NAMES = re.compile(
    r"[^\S\n]+(village|city|town|street|avenue|road|square|bridge|district|neighbourhood"
    r"|neighborhood|camp|stadium|hospital|university|school|movement|brigade|market)s?\b",
    re.I,
)


def _date_name(text: str, start: int, end: int, fields: tuple) -> bool:
    """Tell a day and month without a year that name a place: capitalised or after "the"."""
    m = _DATE_NAMES.match(text, end)
    if m is None or fields[0] is not None:
        return False
    return m.group(1)[0].isupper() or text[max(0, start - 4) : start].lower() == "the "


def find_expressions(text: str) -> list[TimeExpr]:
    """Find the temporal expressions of a text, in text order, without overlaps.

    Examples
    --------
    >>> [(e.kind, e.fields) for e in find_expressions("On 4 October 2020, and two days later.")]
    [('date', (2020, 10, 4)), ('shift', (2, 1))]
    >>> [e.kind for e in find_expressions("Between 4 and 17 October, in 1994, on Sunday night")]
    ['range', 'year', 'weekday']
    >>> [e.kind for e in find_expressions("May God help us; they may come in May 2020.")]
    ['month']
    """
    found: list[tuple[int, int, int, str, tuple]] = []
    named: list[tuple[int, int]] = []
    for order, (rx, build) in enumerate(_PATTERNS):
        for m in rx.finditer(text):
            if not m[0].strip() or _false_month(m, text):
                continue
            kind, fields = build(m)  # type: ignore[operator]
            if kind == "date" and not _valid_day(fields):
                continue
            if kind == "year" and _named_year(text, m.start()):
                continue
            if kind in ("date", "month") and _date_name(text, m.start(), m.end(), fields):
                named.append((m.start(), m.end()))  # "the 25th June village": a name
                continue
            found.append((m.start(), m.end(), order, kind, fields))
    # Longest match first, then earliest pattern; keep those that do not overlap.
    found.sort(key=lambda f: (-(f[1] - f[0]), f[2], f[0]))
    taken: list[tuple[int, int]] = list(named)
    out: list[TimeExpr] = []
    for start, end, _order, kind, fields in found:
        if any(start < b and a < end for a, b in taken):
            continue
        taken.append((start, end))
        out.append(TimeExpr(start, end, kind, fields))
    return sorted(out, key=lambda e: e.start)


def _false_month(m: re.Match[str], text: str) -> bool:
    """Tell "may" the modal, "March" the verb or "Mar" in a name from the month."""
    word = m[0].strip().lower()
    first = re.match(r"[a-z]+", word)
    if first is None or first[0] not in ("may", "march", "mar", "jan", "sep", "dec", "aug"):
        return False
    if re.fullmatch(r"(?:may|march|mar|jan|sep|dec|aug)\.?", word):
        # A bare month name is a month only after "in/since/by/until/early/late/mid/of"
        # or before a year.
        before = text[max(0, m.start() - 12) : m.start()].lower()
        return not re.search(r"\b(?:in|since|by|until|till|early|late|mid|of|during)\s*-?$", before)
    return not m[0][0].isupper() and first[0] in ("may", "march")


def _valid_day(fields: tuple) -> bool:
    year, month, day = fields
    try:
        dt.date(year or 2000, month, day)
    except ValueError:
        return False
    return True


# --------------------------------------------------------------------------- resolution


@dataclass(frozen=True, slots=True)
class Timeline:
    """Every temporal expression of a report with its resolved time, and the narrative state.

    Attributes
    ----------
    reference : datetime.date or None
        The publication date, else the latest explicit date of the text.
    published : bool
        Whether ``reference`` is a publication date (news) rather than the
        text's own latest date (a chronology or a note).
    frame_start : datetime.date or None
        Earliest day that is still the report's own time; earlier is background.
    items : tuple of (TimeExpr, When)
        In text order.
    said : frozenset of int
        Starts of the expressions that date a statement, not an event
        ("released a press statement ... this morning").
    named : frozenset of int
        Starts of the days written as the name of an event ("since the July 10
        shooting"): a clause's own time only when it states no other.
    since : frozenset of int
        Starts of the times a comparison runs from (the worst fighting
        "since 2016"): never the time of their clause.
    recap : bool
        Whether the report retells its days in order (:func:`_dated_run`): its
        present tense is the narrative's, not a caption's.
    durations : frozenset of int
        Starts of the times that only start a duration ("has been engaged in
        combat ... since April last year"): no later sentence is told in them.
    """

    reference: dt.date | None
    published: bool
    frame_start: dt.date | None
    items: tuple[tuple[TimeExpr, When], ...]
    anchors: tuple[tuple[int, When], ...]
    said: frozenset[int] = frozenset()
    named: frozenset[int] = frozenset()
    since: frozenset[int] = frozenset()
    recap: bool = False
    durations: frozenset[int] = frozenset()

    def within(self, start: int, end: int) -> list[tuple[TimeExpr, When]]:
        """Return the resolved expressions inside ``start..end``."""
        return [(e, w) for e, w in self.items if e.start >= start and e.end <= end]

    def at(self, offset: int) -> When:
        """Return the narrative time in effect at ``offset``: the last anchor set before it.

        With no anchor yet, the reference date: to the week when it is a
        publication date (the report names no day), unknown otherwise.
        """
        i = bisect_right([a for a, _ in self.anchors], offset) - 1
        if i >= 0:
            return self.anchors[i][1]
        if self.reference is not None and self.published:
            return When(self.reference, 2)
        return _UNKNOWN

    def habitual(self, start: int, end: int) -> bool:
        """Tell whether ``start..end`` holds a habitual or durative frame ("have long")."""
        return any(
            e.kind == "habit" and e.start not in self.since for e, _ in self.within(start, end)
        )


def byline_date(text: str) -> dt.date | None:
    r"""Return the date of a "Published:"/"Updated:" byline inside a saved page, or None.

    A page's own byline is when it was written; a feed's metadata may be when
    it was re-posted.

    Examples
    --------
    >>> byline_date("By A. Writer\nPublished: 13:52, 31 March 2012 | Updated: 14:10")
    datetime.date(2012, 3, 31)
    >>> byline_date("Nothing published here.") is None
    True

    A full date on a line of the page's header, above the story's first
    paragraph, is its byline's too: "Monday, March 24, 2008 | The Associated
    Press" over "ANKARA: The police on Monday broke up a protest" (institutkurde.org),
    "By master and The Associated Press April 6, 2017 4:25 am" (federalnewsradio.com),
    "By IANS" then "Wednesday, December 8, 2010" (gaeatimes.com). Without it a
    weekday counted forward from the first full date told.

    >>> byline_date("Gunmen kill four\nMonday, March 24, 2008 | AP\nKABUL: On Sunday ...")
    datetime.date(2008, 3, 24)
    """
    for m in re.finditer(
        r"(?im)^\W{0,3}(?:published|posted|first published)\s*:?\s*(.{0,60})$", text
    ):
        if (day := _full_date(m[1])) is not None:
            return day
    if _chronology_headings(text):
        return None  # a chronology's day headings ("February 15, 2011"), no byline
    for line in text[: lede_start(text)].splitlines():
        if len(line) <= _BYLINE_CHARS and (day := _full_date(line)) is not None:
            return day
    for line in text.splitlines()[:_STAMP_LINES]:
        # a time stamp below a long standfirst the header scan stops at: "Monday 23 June
        # 2025 05:45 BST" (The Independent, Kyiv, June 2025), as "April 6, 2017 4:25 am"
        # (federalnewsradio.com) in a header; a chronology's headings carry no clock time
        if len(line) <= _BYLINE_CHARS and _CLOCK_TIME.search(line):
            if (day := _full_date(line)) is not None:
                return day
    return None


#: How many lines from the top a page's time stamp is looked for.
_STAMP_LINES = 12
_CLOCK_TIME = re.compile(r"\b\d{1,2}:\d{2}\b")


def _heading_or_byline(text: str, e: TimeExpr, published: dt.date) -> bool:
    """Tell a header's date that still counts: the byline's day, or a heading line of its own.

    "January 2016" over "1 January Rebels attack the town" is the entries' month.
    """
    return (e.kind == "date" and _explicit_day(e, None) == published) or _heading(text, e)


def _chronology_headings(text: str) -> bool:
    """Tell a text with two or more lines that are a date and nothing else."""
    return sum(bool(_BARE_DATE.fullmatch(ln.strip())) for ln in text.splitlines()) > 1


#: A line that is a date and nothing else, as a chronology's headings are.
_BARE_DATE = re.compile(
    r"(?:\w+day,?\s+)?(?:\d{1,2}\s+\w+|\w+\s+\d{1,2}(?:st|nd|rd|th)?),?\s+\d{4}:?"
)


#: The longest header line read for a byline's date.
_BYLINE_CHARS = 100


def _full_date(line: str) -> dt.date | None:
    """Return the first date with its year that ``line`` holds."""
    for e in find_expressions(line):
        y, mo, d = (e.fields + (None, None, None))[:3]
        if e.kind == "date" and y:
            return dt.date(y, mo, d)
    return None


def build_timeline(text: str, published: dt.date | None, *, start: int = 0) -> Timeline:
    """Resolve every temporal expression of ``text`` in narrative order.

    Parameters
    ----------
    text : str
        The report's text (offsets of the result index into it).
    published : datetime.date or None
        Publication date, when the report has one.
    start : int
        Where the body starts: a date line or front matter before it is metadata.

    Returns
    -------
    Timeline

    Examples
    --------
    News: a weekday is the one before publication; "two days later" moves on
    from the day just told.

    >>> t = "Shells hit the town on Sunday. Two days later, drones struck."
    >>> tl = build_timeline(t, dt.date(2020, 9, 30))
    >>> [w.date.isoformat() for _, w in tl.items]
    ['2020-09-27', '2020-09-29']

    A chronology: a weekday after an explicit date is the one after it.

    >>> t = "On 4 October 2020 the army attacked. On Friday it took the town."
    >>> [w.date.isoformat() for _, w in build_timeline(t, None).items]
    ['2020-10-04', '2020-10-09']

    An earlier year is background; a chronology's own span is not.

    >>> t = "A war ended in 1994. On 27 September 2020 war began. On 10 November 2020 it ended."
    >>> [(w.date.year, w.background) for _, w in build_timeline(t, None).items]
    [(1994, True), (2020, False), (2020, False)]
    """
    exprs = sorted(find_expressions(text) + _day_entries(text), key=lambda e: e.start)
    exprs = [e for e in exprs if e.start >= start]
    if published is not None and not _chronology_headings(text):
        # a page's header (byline, photo caption) dates no event of the story: "Jikany Nuer
        # White Army fighters ... on February 10, 2014. PHOTO | REUTERS" between "Tuesday
        # April 02 2024" and the lede (The EastAfrican, 2024) had dated its attack 2014
        lede = lede_start(text, start)
        exprs = [e for e in exprs if e.start >= lede or _heading_or_byline(text, e, published)]
    filed = _filing_day(text, start) if published is not None else None
    reference, from_pub = published, published is not None
    if reference is None:
        reference = _latest_explicit(exprs)
    run = _dated_run(text, exprs, reference) if reference is not None else []
    frame_start = _frame_start(exprs, reference, from_pub, run)
    state = _Walk(reference, from_pub, frame_start, _years(exprs))
    items = []
    said, named, durations = set(), set(), set()
    duration_end = -1  # end of the duration's start just read ("since April| last year")
    for e in exprs:
        if e.kind in ("year", "month") and e.fields[0] and _heading(text, e):
            # "2013", or "January 2016" over "1 January IS fighters mount an attack on ...
            # Ramadi" (Wikipedia's timeline of the Islamic State, 2016), which a page read
            # on 31 December had put on the next New Year's Day
            state.heading_year = e.fields[0]
        # a newspaper's issue, the dateline's filing day, a building's age: no day of the story
        dates_nothing = (
            _edition(text, e)
            or (filed is not None and filed[0] <= e.start < filed[1])
            or _built(text, e)
        )
        if _named_statement(text, e) or dates_nothing:
            said.add(e.start)
        if _event_name(text, e):
            named.add(e.start)
        starts = _duration_start(text, e)
        # "since April last year": the month and the year it is in start the one duration,
        # "of" between them too ("not seen since April of last year", Miami Herald via
        # Haitian Truth, November 2024)
        if starts or (
            duration_end >= 0 and text[duration_end : e.start].strip() in ("", "of")
        ):
            durations.add(e.start)
            duration_end = e.end
        else:
            duration_end = -1
        w = state.resolve(
            e,
            told=from_pub and _statement_time(text, e),
            passing=starts or e.start in named or dates_nothing,
            setting=e.kind != "year" or opening_year(text, e),
        )
        items.append((e, w))
    return Timeline(
        reference,
        from_pub,
        frame_start,
        tuple(items),
        tuple(state.anchors),
        frozenset(said),
        frozenset(named),
        frozenset(e.start for e in exprs if _compared(text, e)),
        bool(run),
        frozenset(durations),
    )


_STATEMENT_NOUN = (
    r"\b(?:statement|press release|news conference|press conference|briefing)\b[^.!?\n]{0,40}$"
)
_STATEMENT = re.compile(
    r"\b(?:said|says|say|told|tells|added|announced|stated|met|meets|spoke|wrote|tweeted)\b"
    r"[^.!?\n]{0,60}$"
    r"|" + _STATEMENT_NOUN
)
#: The statement named as a thing, with its time after it: then the time is the
#: statement's alone, even for an event told in the same clause (a press statement
#: timed "this morning" that recounts the night's events, [news-dev 11]; "In a
#: statement Monday, police said some demonstrators threw rocks", AP, Richmond,
#: 15 June 2020; a spokesman speaking to reporters in Beijing on Tuesday,
#: [news-dev 03]).
_NAMED_STATEMENT = re.compile(_STATEMENT_NOUN)


def _named_statement(text: str, e: TimeExpr) -> bool:
    """Tell the time of a statement named as such (:data:`_NAMED_STATEMENT`).

    Every such time is also a statement time (:func:`_statement_time`).
    """
    return (
        e.kind in ("weekday", "deictic")
        and bool(_NAMED_STATEMENT.search(text, max(0, e.start - 50), e.start))
        and not _occurred_at(text, e)
    )


def _statement_time(text: str, e: TimeExpr) -> bool:
    """Tell a weekday or "today" that dates a statement or meeting, not an event.

    "the police said Thursday", "met with Ordóñez's family Thursday" (see
    the module docstring): a verb of saying or meeting earlier in the clause.
    """
    return (
        e.kind in ("weekday", "deictic")
        and bool(_STATEMENT.search(text, max(0, e.start - 70), e.start))
        and not _occurred_at(text, e)
    )


#: A verb that says when the event was, right before its time: "occurred on Saturday".
_OCCURRED = re.compile(
    r"\b(?:occurred|occurring|happened|happening|took\s+place|taking\s+place)\b"
    r"[^.!?\n,;]{0,30}$",
    re.IGNORECASE,
)


def _occurred_at(text: str, e: TimeExpr) -> bool:
    """Tell a time the event is said to have happened at, inside what a statement says.

    "The army said in a statement that the attack occurred on Saturday evening"
    (Eastleigh Voice, DR Congo, 2025) and "A Red Cross official ... said the
    attack took place at around 1am on Wednesday" (AFP via Skai, Bungusu, 2023)
    date the attack, not the statement, though a verb of saying comes first.
    """
    return bool(_OCCURRED.search(text, max(0, e.start - 45), e.start))


def _filing_day(text: str, start: int) -> tuple[int, int] | None:
    """Span of the dateline that opens the body with its filing day, if it does.

    The day a story is filed from a town is the report's own date, not a day
    it tells: with the publication date known, "MAPUTO, Aug 30 ... Five
    people ... have been beheaded" dates the beheadings no more than the
    publication does (they were on Tuesday, told further down).
    """
    # the geoparser's dateline pattern, which takes the day a dateline carries ("MAPUTO, Aug
    # 30 (NNN-AGENCIES) —", "NAIROBI, June 25 –"); a dateline without one holds no time. It
    # may open the paragraph after the headline: "4 UN peacekeepers killed in Central
    # African Republic" then "UNITED NATIONS, May 10: A Christian rebel group ... ambushed
    # a UN convoy", the battle "Monday night" (Nepali Reporter, May 2017)
    for para in _FIRST_PARAS.finditer(text, start):
        m = match_dateline(text, para.start(1))
        if m:
            return (m.start(), m.end())
        if para.end() - start > _HEAD_CHARS:
            break
    return None


#: The paragraphs a dateline may open: the body's first, or the one after its headline.
_FIRST_PARAS = re.compile(r"\s*(\S[^\n]*)")
_HEAD_CHARS = 300


#: Words before a time that dates a thing's making, not an event: "dates back to".
_BUILT = re.compile(
    r"\b(?:dates?\s+(?:back\s+)?(?:to|from)|dating\s+(?:back\s+)?(?:to|from)"
    r"|(?:built|founded|established|constructed|erected)\s+in)\s+$",
    re.IGNORECASE,
)


def _built(text: str, e: TimeExpr) -> bool:
    """Tell a time that dates a building or an institution: no day of the story.

    "the attack on the Shah Cheragh shrine in Shiraz, a large funerary monument and
    pilgrimage site that dates back to the 12th century" (West News Wire, October
    2022) had dated the attack, and its 40 injured, to the 12th century.
    """
    return bool(_BUILT.search(text, max(0, e.start - 30), e.start))


def _edition(text: str, e: TimeExpr) -> bool:
    """Tell a weekday that dates a newspaper's issue (:data:`_EDITION`): no day of the story."""
    return e.kind in ("weekday", "deictic") and bool(_EDITION.match(text, e.end))


#: A weekday that dates a newspaper's issue: "according to a report in Monday's issue of
#: the independent newssheet 'Mediafax'" (AIM via allAfrica, January 2019; "Wednesday's
#: issue", August 2019), "Monday morning's edition of the Woodstock Sentinel-Review"
#: (Emirates 24|7, March 2011).
_EDITION = re.compile(
    r"(?:['’]s)?\s+(?:(?:morning|evening)['’]s\s+)?(?:issue|edition)\b", re.IGNORECASE
)


#: "since" right before a time, or before "the" and the time ("since the February 1
#: coup", "since the June battle").
_SINCE = re.compile(r"\bsince\s+(?:the\s+)?$", re.IGNORECASE)
#: "since the start of a rebel offensive against Touadera on December 19" (AFP via The
#: Defense Post, January 2021): the day a counted span began.
_SINCE_STARTED = re.compile(
    r"\bsince\s+the\s+(?:start|beginning|outbreak|onset|launch)\s+of\b[^.;!?]{0,70}?\s"
    r"(?:on|in)\s+$",
    re.IGNORECASE,
)
def _compared(text: str, e: TimeExpr) -> bool:
    """Tell a time a superlative is measured from: "the worst since (the end of) ..."."""
    if e.kind == "habit" and text[e.start : e.start + 6].lower() == "since ":
        return bool(_SUPERLATIVE.search(text, max(0, e.start - 80), e.start))
    return bool(_COMPARED.search(text, max(0, e.start - 140), e.start))


# A superlative ("the deadliest", "the most serious", "its worst"): an "-est" word that is
# no noun or verb of that ending ("in the west since 2014" is a state that has lasted), or
# "most" before an adjective (not "most recently").
_NOT_SUPER = (
    r"(?!(?:west|midwest|northwest|southwest|protest|arrest|rest|unrest|interest|harvest"
    r"|forest|request|contest|test|quest|conquest|inquest|chest|guest|nest|suggest|invest"
    r"|honest|modest|manifest)\b)"
)
_SUPER = r"(?:" + _NOT_SUPER + r"[a-z]+est|worst|first|most\s+(?!\w+ly\b)\w+)"
_SUPERLATIVE = re.compile(r"\b" + _SUPER + r"\b[^.!?\n]{0,60}$", re.IGNORECASE)
#: A superlative measured from a time: "the deadliest since 2009", "the first ... since 2016",
#: "the deepest cross-border raid launched by India since the last of its three wars with
#: Pakistan in 1971" (Reuters, 26 February 2019).
_COMPARED = re.compile(
    r"\b" + _SUPER + r"\b[^.!?\n]{0,60}\bsince\b[^.!?\n,;]{0,50}$",
    re.IGNORECASE,
)


def _duration_start(text: str, e: TimeExpr) -> bool:
    """Tell a time that only starts a duration: "since" a day or month.

    A state that has lasted since a day ("The area has witnessed fierce
    fighting between junta forces and the militia ... since the February 1
    coup", AP on Don Taw, Myanmar, 8 December 2021; India's economic pressure
    on China, raised "since the June battle", [news-dev 03]) looks
    back from the story's own time: that day is not a day the story tells, so
    a weekday after it ("troops had entered Don Taw village early Tuesday")
    still counts back from publication, not on from the duration's start.

    >>> t = "Fighting has gone on since the February 1 coup. Troops came on Tuesday."
    >>> [e.kind for e in find_expressions(t) if _duration_start(t, e)]
    ['date']
    """
    return e.kind in ("date", "month", "range") and bool(
        _SINCE.search(text, max(0, e.start - 16), e.start)
        or _SINCE_STARTED.search(text, max(0, e.start - 90), e.start)
    )


#: "the" or a possessive right before a day, and a word (no function word) right after
#: it: the day names an event.
_THE = re.compile(r"(?:\bthe|\w'|\w's)\s+$", re.IGNORECASE)
_NOUN_AFTER = re.compile(
    r"\s+(?!(?:and|or|to|at|in|on|of|for|when|as|after|before|by|the|a|an)\b)[A-Za-z]"
)


def _event_name(text: str, e: TimeExpr) -> bool:
    """Tell a day written as the name of an earlier event: "the August 9 election".

    A day that premodifies a noun names an event the reader knows ("The
    protests ... began after the August 9 presidential election", [news-dev
    06]; "referred to taking responsibility for the October 7 Hamas
    massacre", "Hamas' October 7 terrorist assault on southern Israel", The
    Media Line, "Israel and Hamas at War", October 2023): like the start of a
    duration (:func:`_duration_start`), it is not a day the story moves to,
    so a weekday told later still counts back from publication.

    >>> t = "Protests began after the August 9 election. Police arrested 50 on Sunday."
    >>> [e.kind for e in find_expressions(t) if _event_name(t, e)]
    ['date']
    >>> t = "On August 9 the army attacked. On the 10 October, it withdrew."
    >>> [e.kind for e in find_expressions(t) if _event_name(t, e)]
    []
    """
    return (
        e.kind == "date"
        and bool(_THE.search(text, max(0, e.start - 8), e.start))
        and bool(_NOUN_AFTER.match(text, e.end))
    )


#: A year in the phrase a sentence opens with ("In 2016, ...", "In the 2015 attack, ...").
_OPENING = re.compile(
    r"(?:^|[.!?]\s+|\n)\s*(?:(?:Later|Earlier|Then|And|But)\s+)?"
    r"(?:In|in|During|during|Throughout)\s+(?:the\s+)?(?:(?:late|early|mid)[\s-]+)?$"
)


def opening_year(text: str, e: TimeExpr) -> bool:
    """Tell a year that frames its sentence: it starts a story, as a date does.

    A year merely mentioned starts no story ("who had been kidnapped in
    2012", [WSyria]); one the sentence opens with sets the time of what is
    told after it: a sentence that opens "In the 2015 attack", then the
    gunmen's flight and further shooting told with no year ([news-dev 12]);
    one that opens "In 2016" on soldiers of both countries killed in clashes
    (seed report 000); one that opens "Later in 2015" on a further wave of
    attacks ([news-dev 12]).
    """
    return bool(_OPENING.search(text, max(0, e.start - 40), e.start))


def _heading(text: str, e: TimeExpr) -> bool:
    """Tell a year or a month standing alone on its line: a chronology's section heading."""
    start = text.rfind("\n", 0, e.start) + 1
    end = text.find("\n", e.end)
    line = text[start : len(text) if end < 0 else end]
    return line.strip(" \t:-–—") == text[e.start : e.end]


def _years(exprs: list[TimeExpr]) -> list[tuple[int, int]]:
    return [
        (e.start, e.fields[0])
        for e in exprs
        if e.kind in ("date", "range", "month", "year") and e.fields[0]
    ]


def _latest_explicit(exprs: list[TimeExpr]) -> dt.date | None:
    """Return the latest explicit day (with its year, or the year the text names nearest)."""
    years = _years(exprs)
    best = None
    for e in exprs:
        if e.kind not in ("date", "range"):
            continue
        d = _explicit_day(e, _nearest_year(years, e.start))
        if d is not None and (best is None or d > best):
            best = d
    return best


def _nearest_year(years: list[tuple[int, int]], offset: int) -> int | None:
    before = [y for at, y in years if at <= offset]
    after = [y for at, y in years if at > offset]
    return before[-1] if before else (after[0] if after else None)


def _explicit_day(e: TimeExpr, year: int | None) -> dt.date | None:
    y = e.fields[0] or year
    if y is None:
        return None
    month, day = (e.fields[1], e.fields[2]) if e.kind == "date" else (e.fields[3], e.fields[4])
    try:
        return dt.date(y, month, day)
    except ValueError:
        return None


def _frame_start(
    exprs: list[TimeExpr], reference: dt.date | None, from_pub: bool, run: list[dt.date]
) -> dt.date | None:
    if reference is None:
        return None
    if from_pub:
        return min(run[0], reference - _FRAME) if run else reference - _FRAME
    years = _years(exprs)
    days = [
        _explicit_day(e, _nearest_year(years, e.start))
        for e in exprs
        if e.kind in ("date", "range")
    ]
    days = [d for d in days if d is not None]
    return min(days) - _FRAME if days else reference - _FRAME


def _dated_run(text: str, exprs: list[TimeExpr], published: dt.date) -> list[dt.date]:
    """Return the days of a dated run: the report retells its weeks day by day.

    A recap or timeline published after the events ("Key dates in two-month
    battle for Libyan capital": "pushed back on April 5", "On April 6, ...",
    "On April 8, ...", AFP, 4 June 2019; "on April 5", "on April 6", "On
    April 8", Al Jazeera, "Timeline: Haftar's months-long offensive to seize
    Tripoli", 19 February 2020) tells its own time frame with three or more
    days of the publication's year, in order; those days are its story, not
    background. So are a timeline's entries that open their line with a full
    date ("Nov. 4, 2020 - Ethiopian Prime Minister Abiy Ahmed sends troops",
    Reuters, "Key events in the war in northern Ethiopia", August 2022; "21
    March: soldiers ... attacked", [WMali]). The run must rise in the order
    told: news tells its backstory backwards from the day's event ("in Leh on
    September 7" ... "since a brutal June 15 battle", [news-dev 03]; "on
    August 2" ... "on June 7" ... "April 20", [news-dev 09]), and that stays
    background.
    """
    entries, days = [], []
    for e in exprs:
        if e.kind not in ("date", "range"):
            continue
        d = _explicit_day(e, e.fields[0] or published.year)
        if d is None:
            continue
        if d > published:
            d = d.replace(year=d.year - 1) if (d.month, d.day) != (2, 29) else d
        if _entry(text, e):
            entries.append(d)
        elif e.kind == "date" and e.fields[0] is None:
            days.append(d)
    for run in (entries, days):
        distinct = list(dict.fromkeys(run))
        if len(distinct) >= 3 and all(
            a < b for a, b in zip(distinct, distinct[1:], strict=False)
        ):
            return distinct
    return []


_MONTH_HEADING = re.compile(
    r"(?im)^[ \t]*(" + _M + r")[ \t]*,?[ \t]*(" + _Y + r")?[ \t]*$"
)
_DAY_ENTRY = re.compile(r"(?m)^[ \t]*(?:[-–—•*][ \t]*)?([0-3]?\d)[ \t]*[:\-–—][ \t]+(?=\S)")


def _day_entries(text: str) -> list[TimeExpr]:
    r"""Return the days of entries numbered under a month heading, as dates.

    A chronology may head each month and number its entries by the day:
    "JULY, 2014" then "8: Israel launches Operation Protective Edge" (AFP key
    events, August 2014); "JUNE 2014" then "– 10: Sunni Arab militants ...
    seize Iraq's second biggest city Mosul" (AFP, "The jihadist offensive in
    Iraq: A timeline", 2014).

    >>> t = "JULY, 2014\n\n8: Troops attack.\n\n9: Rebels retreat."
    >>> [(t[e.start:e.end], e.fields) for e in _day_entries(t)]
    [('8', (2014, 7, 8)), ('9', (2014, 7, 9))]
    """
    headings = [(m.start(), _month(m[1]), _year(m[2])) for m in _MONTH_HEADING.finditer(text)]
    out = []
    for m in _DAY_ENTRY.finditer(text):
        before = [h for h in headings if h[0] < m.start()]
        if not before:
            continue
        _, month, year = before[-1]
        if _valid_day((year, month, int(m[1]))):  # no "0:", "32:" nor "31:" under February
            out.append(TimeExpr(m.start(1), m.end(1), "date", (year, month, int(m[1]))))
    return out


_ENTRY_MARK = re.compile(r"\s*[:\-–—]")


def _entry(text: str, e: TimeExpr) -> bool:
    """Tell a date that opens a timeline entry: before a colon or dash, or alone on its line.

    "Nov. 4, 2020 - Ethiopian Prime Minister ..." (Reuters); "December 19,
    2010" on its own line over "Tunisia - Protests spread to Kairouan ..."
    ("Timeline of the Arab Revolt: December 2010-June 2011", Alternatif
    Politika, 2011).
    """
    line_start = text.rfind("\n", 0, e.start) + 1
    if text[line_start : e.start].strip(" \t*•-–—"):
        return False
    line_end = text.find("\n", e.end)
    alone = not text[e.end : len(text) if line_end < 0 else line_end].strip(" \t.:")
    return alone or bool(_ENTRY_MARK.match(text, e.end))


class _Walk:
    """The narrative state while reading expressions in order (private to one build)."""

    def __init__(
        self,
        reference: dt.date | None,
        from_pub: bool,
        frame_start: dt.date | None,
        years: list[tuple[int, int]],
    ) -> None:
        self.reference = reference
        self.from_pub = from_pub
        self.frame_start = frame_start
        self.years = years
        self.anchor: When | None = None
        self.anchors: list[tuple[int, When]] = []
        # The last time told, of any precision: "the next day" moves on from it.
        self.context: When | None = None
        self.context_kind = ""
        # The last time that sets the story (not a year merely mentioned): "two days
        # later" counts from it.
        self.dated: When | None = None
        self.heading_year: int | None = None

    def resolve(
        self, e: TimeExpr, *, told: bool = False, passing: bool = False, setting: bool = True
    ) -> When:
        w = getattr(self, "_" + e.kind)(e)
        framed = e.kind not in ("year", "habit") and not (
            e.kind == "period" and len(e.fields) > 2 and e.fields[2] == "year"
        )
        if framed and w.date is not None and self.frame_start is not None:
            last = _last_day(w)
            w = When(w.date, w.precision, w.background or last < self.frame_start)
        if passing or self._planned(w):
            return w  # a duration's start tells no day of the story, nor does a plan
        if (
            w.date is not None
            and w.precision <= 2
            and not w.background
            and e.kind != "period"
            and not (told and self.anchor is not None)
        ):
            self.anchor = w
            self.anchors.append((e.start, w))
        if w.date is not None and e.kind != "period":
            self.context = w
            self.context_kind = e.kind
            if setting:
                self.dated = w
        return w

    def _planned(self, w: When) -> bool:
        """Tell a day after publication: it dates a plan, no event of the story.

        "we are just asking government to give us security to go there tomorrow to
        evacuate the corpses" (Reuters on Attagara, June 2014) and "Burundians are
        expected to vote on Thursday May 17 in a referendum" (The EastAfrican, 16 May
        2018) set no day the story's events are told on.
        """
        return (
            self.from_pub
            and self.reference is not None
            and w.date is not None
            and w.date > self.reference
        )

    # -- explicit dates
    def _year_for(self, e: TimeExpr, month: int, day: int) -> int | None:
        """Return the year that fits a day and month written without one."""
        if e.fields[0]:
            return e.fields[0]
        if self.heading_year is not None:
            return self.heading_year  # under a chronology's year heading
        told = self.context
        if told is not None and told.background and told.date and self.context_kind != "year":
            # Inside a story of the past ("In January 2015 ... On January 9, ..."), its
            # year; a year merely mentioned ("kidnapped in 2012") sets no story.
            return told.date.year
        base = self.anchor.date if self.anchor and self.anchor.date else None
        if base is None and self.reference is not None and self.from_pub:
            base = self.reference
        if base is None:
            return _nearest_year(self.years, e.start) or (
                self.reference.year if self.reference else None
            )
        # Latest such day not after publication in news; nearest to the anchor otherwise.
        options = []
        for y in (base.year - 1, base.year, base.year + 1):
            try:
                options.append(dt.date(y, month, day))
            except ValueError:
                continue
        if self.from_pub and self.reference is not None:
            # News tells what has happened: never a day after publication.
            options = [d for d in options if d <= self.reference + dt.timedelta(days=1)]
            if self.anchor is None or base == self.reference:
                return max(options).year if options else None
        return min(options, key=lambda d: abs((d - base).days)).year if options else None

    def _date(self, e: TimeExpr) -> When:
        _, month, day = e.fields
        y = self._year_for(e, month, day)
        try:
            return When(dt.date(y, month, day), 1) if y is not None else _UNKNOWN
        except ValueError:  # "February 29" in a story of 2015
            return _UNKNOWN

    def _range(self, e: TimeExpr) -> When:
        _, m1, d1, m2, d2 = e.fields
        y = self._year_for(e, m2, d2)
        if y is None:
            return _UNKNOWN
        try:
            last = dt.date(y, m2, d2)
            first = dt.date(y - (m1 > m2), m1, d1)
        except ValueError:
            return _UNKNOWN
        span = (last - first).days
        return When(last, 1 if span <= 1 else 2 if span <= 7 else 3)

    def _month(self, e: TimeExpr) -> When:
        y, month = e.fields[:2]
        last = e.fields[2:] == ("last",)
        if y is None:
            base = (self.anchor.date if self.anchor else None) or self.reference
            if base is None:
                y = _nearest_year(self.years, e.start)
                if y is None:
                    # "last March" with no day to count from: still before the report's month
                    return When(None, 3, background=True) if last else _UNKNOWN
            elif last:
                y = base.year - (month >= base.month)
            else:
                y = base.year - (month > base.month and self.from_pub)
        return When(dt.date(y, month, 1), 3)

    def _year(self, e: TimeExpr) -> When:
        """Resolve a year: background before the report's own time.

        News: before the publication year. A chronology: before the span of
        its own dates ([WBokoHaram] "2004 ... February 4 - Yelwa massacre" in a
        timeline running from 2000 to 2010 is current; [WSyria] "kidnapped in
        2012" in an August 2014 timeline is not).
        """
        year, decade = e.fields
        if self.reference is None:
            return When(dt.date(year, 1, 1), 3)
        if year >= self.reference.year and not decade:
            return When(dt.date(year, 1, 1), 3)
        floor = self.reference.year
        if not self.from_pub and self.frame_start is not None:
            floor = self.frame_start.year
        return When(dt.date(year, 1, 1), 3, background=bool(decade) or year < floor)

    # -- relative expressions
    def _base(self) -> dt.date | None:
        if self.anchor is not None and self.anchor.date is not None:
            return self.anchor.date
        return self.reference

    def _weekday(self, e: TimeExpr) -> When:
        wd, which = e.fields
        # The last day told, even one of the past: a chronology's weekdays count on from it.
        told = self.context if self.context and self.context.precision == 1 else self.anchor
        anchor = told.date if told and told.date else None
        chronology = anchor is not None and (
            not self.from_pub or self.reference - anchor > _CHRONOLOGY_GAP
        )
        if chronology:
            return When(
                anchor + dt.timedelta(days=(wd - anchor.weekday()) % 7),
                2 if which == "weekend" else 1,
                told.background,
            )
        if self.reference is None:
            return _UNKNOWN
        back = (self.reference.weekday() - wd) % 7
        if which == "last" and back == 0:
            back = 7
        if which == "next":
            return When(
                self.reference + dt.timedelta(days=(wd - self.reference.weekday()) % 7 or 7), 1
            )
        return When(self.reference - dt.timedelta(days=back), 2 if which == "weekend" else 1)

    def _deictic(self, e: TimeExpr) -> When:
        ref = self.reference
        return When(ref + dt.timedelta(days=e.fields[0]), 1) if ref else _UNKNOWN

    def _shift(self, e: TimeExpr) -> When:
        """Resolve "the next day", "two days later" from the last time told, keeping its standing.

        After "In January 2015 ..." the next day is in January 2015 too, and
        background like it, as is the year a sentence opens with ("In the 2015
        attack, ... the attacks continued the next day", [news-dev 12]). A year
        merely mentioned in between sets no story to count from ("The fighting
        begins on November 4 last year ... before Abiy took office in 2018. Two
        days later, ...", AFP timeline of the Tigray war, April 2021); see
        :func:`opening_year`.
        """
        base = self.dated or (When(self.reference, 2) if self.reference else None)
        if base is None or base.date is None:
            return _UNKNOWN
        days, prec = e.fields
        return When(base.date + dt.timedelta(days=days), max(prec, base.precision), base.background)

    def _period(self, e: TimeExpr) -> When:
        ref = self.reference
        if ref is None:
            return _UNKNOWN
        days, prec = e.fields[0], e.fields[1]
        if len(e.fields) > 2 and e.fields[2] in ("month", "year"):
            unit, which = e.fields[2], e.fields[3]
            if unit == "year":
                # "last year", "earlier this year": before the report's own time.
                y = ref.year - (which != "this")
                return When(
                    dt.date(y, 1, 1), 3, background=which != "this" or e.fields[4] == "earlier"
                )
            first = ref.replace(day=1)
            if which != "this":
                first = (first - dt.timedelta(days=1)).replace(day=1)
            return When(first, 3)
        return When(ref + dt.timedelta(days=days), prec)

    def _habit(self, e: TimeExpr) -> When:
        return _UNKNOWN


def _last_day(w: When) -> dt.date:
    """Return the last day a resolved time may stand for (the month's end for precision 3)."""
    if w.precision < 3:
        return w.date
    nxt = (w.date.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return nxt - dt.timedelta(days=1)
