"""Datelines: the town (and day) a report is filed from, at the start of its text.

One pattern serves the geoparser (the dateline's town is a place) and the
incident timeline (its day is the filing day, no day the story tells), so
it lives apart from both: the timeline reads it without loading spaCy.

>>> m = DATELINE_RE.match("NAIROBI, June 25 – Several demonstrators were shot.")
>>> m.group("place"), m.group(0)
('NAIROBI', 'NAIROBI, June 25 –')
"""

from __future__ import annotations

import re

__all__ = ["DATELINE_RE", "DATELINE_WINDOW", "LABELS", "TITLED_DATELINE_RE", "match_dateline"]

# Dateline at the start of the text or of a line / after a headline's full stop:
# "TROY, N.C. (AP) —", "BEIRUT:", "COLUMBUS -- ", "PLEASANTON, Calif.--".
# A dateline may carry the day: "NAIROBI, June 25 – Several demonstrators were shot"
# (Capital FM, 25 June 2024), "MAPUTO, Aug 30 (NNN-AGENCIES) — Five people"
# (NNN-Agencies, August 2019).
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATELINE_DAY = r"(?:,[ ]*" + _MONTH + r"[ ]+\d{1,2}(?:,[ ]*\d{4})?)?"
DATELINE_RE = re.compile(
    r"(?:^|(?<=\n)|(?<=\.\s)|(?<=\.\s\s))[ \t]*"
    r"(?P<place>[A-Z][A-Z'’.\-]*(?:[ ][A-Z][A-Z'’.\-]*){0,3})"
    r"(?:,[ ]*(?P<region>(?!" + _MONTH + r"[ ]+\d)"
    r"[A-Z][A-Za-z.'’]*(?:[ ][A-Z][A-Za-z.'’]*){0,2}))?"
    + _DATELINE_DAY
    + r",?[ \t]*(?:\([^()\n]{0,40}\))?[ \t]*(?:--|—|–|-|:)"
)
# Indian, Gulf and wire copy also open a paragraph with the town in title case:
# "Srinagar : Two militants were killed ... in south Kashmir district of Kulgam"
# (Daily Excelsior), "Srinagar: An unidentified militant was killed" (PTI via Siasat),
# "Kano, Nigeria: At least two people were killed" (AFP via Gulf News), and "Lagos,
# June 3 (IANS) Nigerian Police said" (IANS), where the agency ends the dateline. Only
# at a line's start: inside a paragraph "Kano, Nigeria:" is prose. A title-case word
# before a colon may be a label ("Source: PTI", "Photo:"): the geoparser takes it only
# when it is no English word.
TITLED_DATELINE_RE = re.compile(
    r"(?:^|(?<=\n))[ \t]*"
    r"(?P<place>[A-Z][a-z’'\-]+(?:[ ][A-Z][a-z’'\-]+){0,2})"
    r"(?:(?:,[ ]*(?P<region>(?!" + _MONTH + r"[ ]+\d)"
    r"[A-Z][A-Za-z.'’]*(?:[ ][A-Z][A-Za-z.'’]*){0,2}))?"
    r"[ ]?:(?=[ ])"
    r"|,[ ]*" + _MONTH + r"[ ]+\d{1,2}(?:,[ ]*\d{4})?[ ]*\([A-Z][A-Za-z-]{1,20}\))"
)
DATELINE_WINDOW = 400
# Words that label a line of a news page before a colon ("Source: PTI", "Photo: ..."):
# no dateline's town.
LABELS = frozenset(
    """source sources photo photos picture pictures image images video videos update updates
    note notes editor editing reporting writing additional read related see also watch caption
    credit credits file tags topics category advertisement comment comments share breaking
    summary background context analysis opinion""".split()
)


def match_dateline(text: str, pos: int = 0) -> re.Match[str] | None:
    """Match a dateline at ``pos``, in capitals ("NAIROBI, June 25 –") or not ("Kano, Nigeria:").

    >>> match_dateline("Srinagar : Two militants were killed").group("place")
    'Srinagar'
    >>> match_dateline("Lagos, June 3 (IANS) Police said").group(0)
    'Lagos, June 3 (IANS)'
    >>> match_dateline("Police said: nothing") is None
    True
    """
    return DATELINE_RE.match(text, pos) or TITLED_DATELINE_RE.match(text, pos)
