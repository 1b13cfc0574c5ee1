"""Document focus: the countries a report is about, and the places found through them.

After resolution, the countries the document's places name (:func:`focus_countries`)
let three more patterns be read safely (:func:`rescue`):

* a name nothing resolved, after "the village of", "the town of", "the
  district of"... ("the village of Talish"), looked up among the focus
  countries' settlements (or divisions, after "district of");
* a capitalised name in a plain locative phrase the recogniser left alone
  ("near Bakhmut", "outside Kupiansk", "in the village of Hadrut", "the
  Tavush province"), looked up the same way;
* a demonym resolved as a place ("Azeri" as the village Aseri) becomes the
  people it names (``adjectival``), and a demonym-like name after "the village
  of" stays the place.

Each pattern is a regular expression over bounded windows: linear in the text.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from mapper.gazetteer import fold
from mapper.geoparse.lexicon import COMPASS_POINTS, STOP_NAMES
from mapper.geoparse.records import Toponym

if TYPE_CHECKING:  # pragma: no cover
    from mapper.gazetteer import Gazetteer, Place

__all__ = ["focus_countries", "rescue"]

#: "the village of", "the district of" right before a name.
CALLED = re.compile(r"\b(village|town|city|settlement|hamlet|district|locality)s?\s+of\s+$", re.I)
_LOCATIVE = re.compile(
    r"\b(?:(?:village|town|city|settlement|hamlet|district|locality|region|province|oblast|"
    r"governorate)\s+of|near|outside|around)\s+(?:the\s+)?"
    r"([A-Z][\w’'-]+(?:[ -][A-Z][\w’'-]+)?)"
)
_REGION_SUFFIX = re.compile(
    r"\b([A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?)\s+(region|province|oblast|governorate|district)\b"
)
#: Capitalised words that never start a place name in these phrases.
_NOT_PLACES = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march
    april may june july august september october november december the a an this that
    twitter facebook telegram""".split()
)
_POSSESSIVE = re.compile(r"[’']s$")
_CALLED_WINDOW = 30
_RESCUE_CANDIDATES = 5


def focus_countries(tops: Sequence[Toponym]) -> list[str]:
    """Countries a document is about, most weight first.

    A place named counts for its country; a demonym counts half.

    Examples
    --------
    >>> t = [Toponym(0, 4, "Baku", "Baku", 40.4, 49.9, country_code="AZ"),
    ...      Toponym(9, 15, "Yerevan", "Yerevan", 40.2, 44.5, country_code="AM"),
    ...      Toponym(20, 24, "Ganja", "Ganja", 40.7, 46.4, country_code="AZ")]
    >>> focus_countries(t)
    ['AZ', 'AM']
    """
    weight: Counter[str] = Counter()
    for t in tops:
        if t.country_code and t.lat is not None:
            weight[t.country_code] += 0.5 if t.adjectival else 1.0
    return [cc for cc, _ in sorted(weight.items(), key=lambda kv: (-kv[1], kv[0]))]


def rescue(text: str, tops: list[Toponym], gaz: Gazetteer) -> list[Toponym]:
    """Return ``tops`` with the focus patterns applied (see the module docstring), in text order."""
    codes = focus_countries(tops)
    out = [_demonym_guard(text, t, gaz, codes) for t in tops]
    if codes:
        taken = [(t.start, t.end) for t in out if t.lat is not None]
        out += _locatives(text, taken, gaz, codes)
    return sorted(out, key=lambda t: (t.start, t.end))


def _demonym_guard(text: str, t: Toponym, gaz: Gazetteer, codes: list[str]) -> Toponym:
    called = CALLED.search(text, max(0, t.start - _CALLED_WINDOW), t.start)
    if t.lat is None:
        if called is None and t.text[:1].isupper() and not t.adjectival:
            # a people's word left unplaced as a stray namesake: "the southern English city
            # of Salisbury" (GWN) is no English, Indiana, and still England's
            people = gaz.demonym(t.text, derived=False)
            return _resolved(t, people, adjectival=True) if people is not None else t
        if called is None or not t.text[:1].isupper() or not codes:
            return t
        place = _lookup(gaz, t.text, codes, _kinds(called.group(1)))
        return _resolved(t, place) if place is not None else t
    if t.adjectival:
        if called is None or t.kind in ("country", "region"):
            return t
        place = _lookup(gaz, t.text, codes or None, ("settlement",))
        return _resolved(t, place) if place is not None else t  # "the village of Talish"
    if t.text[:1].isupper() and t.kind not in ("country", "region", "line"):
        people = gaz.demonym(t.text, derived=False)
        if people is not None and people.name not in (t.name, t.text):
            return _resolved(t, people, adjectival=True)  # "Azeri": a people, not Aseri
    return t


def _kinds(noun: str) -> tuple[str, ...]:
    return ("admin", "settlement") if noun.lower() == "district" else ("settlement",)


def _lookup(
    gaz: Gazetteer, name: str, codes: list[str] | None, kinds: tuple[str, ...]
) -> Place | None:
    cands = gaz.candidates(name, country_codes=codes, kinds=list(kinds), limit=_RESCUE_CANDIDATES)
    if not cands:
        return None
    return min(
        cands, key=lambda c: (kinds.index(c.place.kind) if c.place.kind in kinds else 9, -c.score)
    ).place


def _resolved(t: Toponym, p: Place, *, adjectival: bool = False) -> Toponym:
    return replace(
        t,
        name=p.name,
        lat=p.lat,
        lon=p.lon,
        kind=p.kind,
        geonameid=p.geonameid,
        confidence=max(t.confidence, 0.5),
        adjectival=adjectival,
        country_code=p.country_code,
        admin1=p.admin1,
        place=p,
        precision=1,
    )


def _locatives(
    text: str, taken: list[tuple[int, int]], gaz: Gazetteer, codes: list[str]
) -> list[Toponym]:
    """Places in plain locative phrases the recogniser left alone, among the focus countries."""
    starts = sorted(taken)
    hits = [(m.start(1), m.group(1), ("settlement", "admin")) for m in _LOCATIVE.finditer(text)]
    hits += [
        (m.start(1), m.group(1), ("admin", "region", "settlement"))
        for m in _REGION_SUFFIX.finditer(text)
    ]
    found: list[Toponym] = []
    for start, name, kinds in sorted(hits):
        name = _POSSESSIVE.sub("", name)
        first = name.split()[0].lower()
        if first in _NOT_PLACES or fold(name) in STOP_NAMES:
            continue
        place = _lookup(gaz, name, codes, kinds)
        if place is None and " " in name and first.replace("-", "") not in COMPASS_POINTS:
            # never the compass word alone: "active in the North Bastar region" (ABP Live,
            # Chhattisgarh, August 2025) had become North Delhi, as the recogniser drops
            # "Northwest" before "Syria" (recognize._without_compass_modifiers)
            name = name.split()[0]
            place = _lookup(gaz, name, codes, kinds)
        end = start + len(name)
        if place is None or _overlaps(starts, start, end):
            continue
        bisect.insort(starts, (start, end))
        found.append(_resolved(Toponym(start, end, name, None, None, None), place))
    return found


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    i = bisect.bisect_left(spans, (start, start))
    return any(a < end and start < b for a, b in spans[max(0, i - 1) : i + 1])
