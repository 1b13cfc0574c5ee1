"""Dates in news text: relative expressions resolved against a report's date.

A report says "on Sunday", "early on Sunday", "last week" or "29 September";
the event date is that expression resolved against the publication date (the
*anchor*), with ACLED's time precision: 1 the day is known, 2 the week, 3 the
month or vaguer.
"""

from __future__ import annotations

import datetime as dt
import logging
import re

from mapper.numbers import word_number

__all__ = ["resolve_date", "years_in", "implied_year"]

logger = logging.getLogger(__name__)

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = {
    m: i
    for i, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for m in names
}
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DAY_MONTH = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH_RE})\.?(?:,?\s+(\d{{4}}))?\b", re.I
)
_MONTH_ONLY = re.compile(
    rf"(?:(?:in|during|early|late|mid|since|by)\s+|mid-)?(?:early\s+|late\s+)?"
    rf"({_MONTH_RE})(?:\s+(\d{{4}}))?"
)
_MONTH_DAY = re.compile(
    rf"\b({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}}))?", re.I
)
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)(s?)\b")


def _on_or_before(anchor: dt.date, year: int, month: int, day: int) -> dt.date | None:
    # A day and month without a year is the latest such day not after the anchor.
    try:
        d = dt.date(year, month, day)
    except ValueError:
        return None
    if d > anchor + dt.timedelta(days=1):
        try:
            d = dt.date(year - 1, month, day)
        except ValueError:
            return None
    return d


def resolve_date(expr: str, anchor: dt.date | None) -> tuple[dt.date, int] | None:
    """Resolve a date expression against ``anchor``, the report's date.

    Parameters
    ----------
    expr : str
        A date expression as written ("early on Sunday", "last week",
        "29 September", "Sept. 29, 2020", "yesterday").
    anchor : datetime.date or None
        The report's publication date. Without it only absolute dates resolve.

    Returns
    -------
    tuple of (datetime.date, int) or None
        The date and ACLED time precision (1 day, 2 week, 3 month), or None
        when the expression names no date.

    Examples
    --------
    >>> monday = dt.date(2020, 9, 28)
    >>> resolve_date("early on Sunday", monday)
    (datetime.date(2020, 9, 27), 1)
    >>> resolve_date("Monday", monday), resolve_date("yesterday", monday)
    ((datetime.date(2020, 9, 28), 1), (datetime.date(2020, 9, 27), 1))
    >>> resolve_date("last week", monday), resolve_date("over the past week", monday)
    ((datetime.date(2020, 9, 21), 2), (datetime.date(2020, 9, 28), 2))
    >>> resolve_date("29 September", monday), resolve_date("Sept. 29, 2019", None)
    ((datetime.date(2020, 9, 29), 1), (datetime.date(2019, 9, 29), 1))
    >>> resolve_date("in recent months", monday) is None
    True
    >>> resolve_date("in February", monday), resolve_date("early November", monday)
    ((datetime.date(2020, 2, 1), 3), (datetime.date(2019, 11, 1), 3))
    """
    e = expr.lower().replace("\u2019", "'")
    m = _ISO.search(e)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3])), 1
        except ValueError:
            return None
    for rx, order in ((_DAY_MONTH, "dm"), (_MONTH_DAY, "md")):
        m = rx.search(e)
        if m:
            day, month = (m[1], m[2]) if order == "dm" else (m[2], m[1])
            year = int(m[3]) if m[3] else (anchor.year if anchor else None)
            if year is None or not 1 <= int(day) <= 31:
                return None
            if m[3]:
                try:
                    return dt.date(year, _MONTHS[month], int(day)), 1
                except ValueError:
                    return None
            d = _on_or_before(anchor, year, _MONTHS[month], int(day))
            return (d, 1) if d else None
    if anchor is None:
        return None
    for i, name in enumerate(_WEEKDAYS):
        if re.search(rf"\b{name}\b", e):
            back = (anchor.weekday() - i) % 7
            if re.search(r"\blast\s+" + name, e) and back == 0:
                back = 7
            return anchor - dt.timedelta(days=back), 1
    if re.search(r"\b(yesterday|last night)\b", e):
        return anchor - dt.timedelta(days=1), 1
    if re.search(r"\b(today|tonight|this morning|this afternoon|this evening|overnight)\b", e):
        return anchor, 1
    if re.search(r"\bthe past (?:week|seven days)\b", e):
        return anchor, 2  # a period that ends when it is told
    if re.search(r"\b(last|past|previous) week\b", e):
        return anchor - dt.timedelta(days=7), 2
    if re.search(r"\bthis week\b|\bearlier this week\b", e):
        return anchor, 2
    if re.search(r"\b(last|past|previous) month\b", e):
        return anchor - dt.timedelta(days=30), 3
    if re.search(r"\b(this|earlier this) month\b", e):
        return anchor, 3
    m = _MONTH_ONLY.fullmatch(e.strip(" .,"))
    if m:
        # "in February": the latest such month not after the anchor, to the month.
        month = _MONTHS[m[1]]
        year = int(m[2]) if m[2] else anchor.year - (month > anchor.month)
        return dt.date(year, month, 1), 3
    return None


def years_in(text: str) -> list[int]:
    """Return the four-digit years (and decades as their first year) a text mentions.

    Examples
    --------
    >>> years_in("a war that ended in 1994; the 1990s; 30,000 people")
    [1994, 1990]
    """
    return [int(m[1]) for m in _YEAR.finditer(text)]


def implied_year(text: str) -> int | None:
    """Return the year a text implies it was written in, from "N years since YEAR" cues.

    News text often places itself in time: "the first outbreak since 2016 ...
    four years of relative peace" implies 2020. Used to catch a report whose
    metadata date contradicts its own text.

    Examples
    --------
    >>> implied_year("the worst since 2016. Four years of relative peace ended.")
    2020
    >>> implied_year("six years after the 2014 ceasefire") , implied_year("since 2016") is None
    (2020, True)
    """
    low = text.lower()
    since = [int(m[1]) for m in re.finditer(r"\bsince (?:the |its )?(\d{4})\b", low)]
    since += [int(m[1]) for m in re.finditer(r"\b(?:after|since) the (\d{4})\b", low)]
    spans = [word_number(m[1]) for m in re.finditer(r"\b(\d{1,2}|[a-z]+)[- ]years?\b", low)]
    spans = [s for s in spans if s]
    for y in since:
        for n in spans:
            return y + n
    return None
