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

__all__ = ["DATELINE_RE", "DATELINE_WINDOW"]

# Dateline at the start of the text or of a line / after a headline's full stop:
# "TROY, N.C. (AP) —", "BEIRUT:", "COLUMBUS -- ", "PLEASANTON, Calif.--".
# A dateline may carry the day: "NAIROBI, June 25 – Several demonstrators were shot"
# (Capital FM, 25 June 2024), "MAPUTO, Aug 30 (NNN-AGENCIES) — Five people"
# (NNN-Agencies, August 2019).
_DATELINE_DAY = (
    r"(?:,[ ]*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?[ ]+\d{1,2}"
    r"(?:,[ ]*\d{4})?)?"
)
DATELINE_RE = re.compile(
    r"(?:^|(?<=\n)|(?<=\.\s)|(?<=\.\s\s))[ \t]*"
    r"(?P<place>[A-Z][A-Z'’.\-]*(?:[ ][A-Z][A-Z'’.\-]*){0,3})"
    r"(?:,[ ]*(?P<region>(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?[ ]+\d)"
    r"[A-Z][A-Za-z.'’]*(?:[ ][A-Z][A-Za-z.'’]*){0,2}))?"
    + _DATELINE_DAY
    + r"[ \t]*(?:\([^()\n]{0,40}\))?[ \t]*(?:--|—|–|-|:)"
)
DATELINE_WINDOW = 400
