"""The places a report names, as the incident stage reads them from the geoparser.

The geoparser (the ``mapper_geoparser`` spaCy component) writes every
toponym of a report into ``doc.spans["toponyms"]``; this module turns those
spans into small :class:`Site` records and never geoparses again. Demonyms
("Russian", "Azeri") come along as ``adjectival`` sites: they say who, not
where, and feed the actors; stated containers ("Donetsk" in "Marinka,
Donetsk") are ``qualifier`` sites: an incident sits at the place they
qualify.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

__all__ = ["Site", "passive_agent", "sites_of"]


@dataclass(frozen=True, slots=True)
class Site:
    """A toponym of the report with the place it was resolved to.

    Attributes
    ----------
    start, end : int
        Character offsets of the mention.
    text : str
        The mention as written.
    name : str or None
        Canonical name of the place (the written name when only its stated
        area is known).
    lat, lon : float or None
        Representative point; None when unresolved.
    kind : str
        ``settlement``, ``admin``, ``region``, ``country``, ``line``,
        ``feature`` or ``other``.
    country_code, country : str or None
        ISO 3166-1 alpha-2 code and name of the place's country.
    admin1 : str or None
        First-level division name.
    geometry : dict or None
        GeoJSON geometry of a line or region.
    precision : int
        ACLED geo_precision of the place itself (1 the place, 2 near it or
        only its small stated area, 3 a larger region).
    adjectival, qualifier, dateline, route_end : bool
        A demonym; the stated container of another toponym; inside the
        report's dateline; one end of a road or axis.
    agent : bool
        The name acts in its sentence ("Russia launched", "carried out by France").
    feature_code : str or None
        GeoNames feature code (``PPLC`` a capital, ``ADM1`` a province...).
    population : int
        Population of a settlement, 0 when unknown.
    """

    start: int
    end: int
    text: str
    name: str | None
    lat: float | None
    lon: float | None
    kind: str = "other"
    country_code: str | None = None
    country: str | None = None
    admin1: str | None = None
    geometry: dict | None = None
    precision: int = 1
    adjectival: bool = False
    qualifier: bool = False
    dateline: bool = False
    route_end: bool = False
    feature_code: str | None = None
    population: int = 0
    agent: bool = False
    group_name: bool = False  # inside an armed group's spelled-out name

    @property
    def resolved(self) -> bool:
        """True when the site has coordinates."""
        return self.lat is not None

    @property
    def usable(self) -> bool:
        """True when an incident may sit here: resolved, not a demonym, not the dateline."""
        return (
            self.lat is not None
            and not self.adjectival
            and not self.dateline
            and not self.group_name
        )


def _ext(obj: Any, name: str, default: Any = None) -> Any:
    # A spaCy Span keeps the geoparser's fields under ``span._``; a record has them itself.
    underscore = getattr(obj, "_", None)
    if underscore is not None and underscore.has(name):
        return underscore.get(name)
    return getattr(obj, name, default)


def _site(t: Any, start: int, end: int, text: str) -> Site:
    place = _ext(t, "place")
    return Site(
        start=start,
        end=end,
        text=text,
        name=_ext(t, "name"),
        lat=_ext(t, "lat"),
        lon=_ext(t, "lon"),
        kind=_ext(t, "kind") or "other",
        country_code=_ext(t, "country_code"),
        country=getattr(place, "country", None)
        or (_ext(t, "name") if _ext(t, "kind") == "country" else None),
        admin1=_ext(t, "admin1"),
        geometry=_ext(t, "geometry") or getattr(place, "geometry", None),
        precision=_ext(t, "precision") or 1,
        adjectival=bool(_ext(t, "adjectival")) or _owner(t),
        qualifier=bool(_ext(t, "qualifier")),
        dateline=bool(_ext(t, "dateline")),
        route_end=bool(_ext(t, "route_end")),
        feature_code=getattr(place, "feature_code", None),
        population=getattr(place, "population", 0) or 0,
        agent=_acts(t),
    )


def _acts(span: Any) -> bool:
    """Tell a name that acts in its sentence: a verb's subject, or its agent after "by".

    An air raid in Burkina Faso said to be the first carried out by France
    ([acled-dev bfa 2018-10-03]); Turkey's forces carrying out air strikes in
    northern Iraq (Reuters, 8 March 2024): the state that acts is who, the
    place it acts in is where.
    """
    root = getattr(span, "root", None)
    if root is None:
        return False
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.pos_ in ("VERB", "AUX"):
        return True
    return passive_agent(root)


#: A force on the move, owned by whoever names it: "Iraqi guerrillas bomb U.S. convoy"
#: (Knight Ridder, Ramadi, 2003), "an explosion went off as a United States convoy passed
#: through Omar Abdul Aziz Road in Adhamiyah" (Sapa-AFP, Baghdad, June 2004): no event
#: in the United States.
_MOVING_FORCES = frozenset({"convoy", "patrol", "humvee", "tank", "warship", "helicopter"})


def _owner(span: Any) -> bool:
    """Tell a country named as the owner of a force on the move: a demonym in effect.

    "a United States convoy" says what "an American convoy" says: whose, not where.
    """
    root = getattr(span, "root", None)
    return (
        root is not None
        and _ext(span, "kind") == "country"
        and root.dep_ in ("compound", "poss", "nmod")
        and root.head.lemma_.lower() in _MOVING_FORCES
    )


def passive_agent(tok: Any) -> bool:
    """Tell the doer of a passive, the object of its "by" ("carried out by France")."""
    return tok.dep_ == "pobj" and tok.head.dep_ == "agent"


def sites_of(doc: Any, toponyms: Iterable[Any] | None = None) -> list[Site]:
    """Return the report's sites, in text order, from ``doc.spans["toponyms"]``.

    Parameters
    ----------
    doc : spacy.tokens.Doc
        A Doc parsed by a pipeline with the ``mapper_geoparser`` component.
    toponyms : iterable of mapper.geoparse.Toponym, optional
        Toponym records to read instead, when the Doc carries no spans.

    Returns
    -------
    list of Site

    Examples
    --------
    >>> from types import SimpleNamespace as NS
    >>> t = NS(start=4, end=8, text="Gao", name="Gao", lat=16.3, lon=-0.0, kind="settlement")
    >>> [(s.text, s.usable) for s in sites_of(NS(spans={}), [t])]
    [('Gao', True)]
    """
    spans = getattr(doc, "spans", {})
    if "toponyms" in spans:
        out = [_site(s, s.start_char, s.end_char, s.text) for s in spans["toponyms"]]
    else:
        out = [_site(t, t.start, t.end, t.text) for t in (toponyms or ())]
    text = getattr(doc, "text", "")
    out = [replace(s, group_name=True) if _spelled_out(text, s.start, s.end) else s for s in out]
    return sorted(out, key=lambda s: (s.start, -s.end))


#: Words of an armed group's name ("Forces", "Liberation", "Movement").
_GROUP_WORD = re.compile(
    r"\b(?:Forces?|Front|Movement|Army|Liberation|Alliance|Brigades?|Militia|Coalition|"
    r"Council|Union|Party|Group|Resistance|Mujahideen|Jihad)\b"
)
#: An acronym and the opening of the parenthesis that spells it out: "FDLR (".
_ACRONYM_OPEN = re.compile(r"\b[A-Z]{2,6}\s*\(([^()]{0,80})$")


def _spelled_out(text: str, start: int, end: int) -> bool:
    """Tell a place named inside an armed group's spelled-out name, beside its acronym.

    "the Democratic Forces for the Liberation of Rwanda (FDLR)" (Reuters via
    defenceWeb, 2015; The New Times, Kigali, December 2010) and "the Hutu FDLR
    (Democratic Forces for the Liberation of Rwanda) movement" (AFP via Daily
    Monitor, November 2022), of a group fighting in DR Congo: the place is the
    group's name, not where anything happened.

    >>> t = "backed by the FDLR (Democratic Forces for the Liberation of Rwanda)"
    >>> _spelled_out(t, t.index("Rwanda"), len(t) - 1), _spelled_out("the DRC (North Kivu)", 9, 19)
    (True, False)
    """
    m = _ACRONYM_OPEN.search(text, max(0, start - 90), start)
    return (m is not None and bool(_GROUP_WORD.search(m.group(1)))) or _acronym_name(
        text, start, end
    )


# The small words a name spells out but its acronym leaves out.
_SMALL_WORDS = ("of", "the", "and", "for", "in", "de", "du", "des", "la", "le", "l'", "al", "el")
_SMALL = frozenset(_SMALL_WORDS)
_NAME_WORD = r"(?:[A-Z][\w'’-]*|" + "|".join(_SMALL_WORDS) + ")"
_AFTER = re.compile(r"((?:\s+" + _NAME_WORD + r")*)\s*\(([A-Z]{2,8})\)")
_BEFORE = re.compile(r"((?:" + _NAME_WORD + r"\s+)*)$")


def _acronym_name(text: str, start: int, end: int) -> bool:
    """Tell a place inside a name spelled out before its acronym.

    News and chronologies spell a group's name out once, its acronym in
    brackets after it: "Islamic State of Iraq and the Levant (ISIL)"
    ([WMosul]), "the National Movement for the Liberation of Azawad (MNLA)"
    ([WMali]). The name's capitalised words give the acronym's letters (in
    any order: MNLA is the French order), and a place among them names the
    group, not where it acted.

    >>> t = "when Islamic State of Iraq and the Levant (ISIL) insurgents attacked"
    >>> _acronym_name(t, t.index("Iraq"), t.index("Iraq") + 4)
    True
    >>> t = "fighting in Mosul (Iraq) continued"
    >>> _acronym_name(t, t.index("Mosul"), t.index("Mosul") + 5)
    False
    """
    after = _AFTER.match(text, end, min(len(text), end + 120))
    if after is None:
        return False
    before = _BEFORE.search(text, max(0, start - 120), start)
    words = ((before.group(1) if before else "") + text[start:end] + after.group(1)).split()
    # the name starts at one of its capitalised words: not always the first, which may
    # open the sentence ("Fighters of the Democratic Forces for the Liberation of Rwanda
    # (FDLR)")
    letters = sorted(after.group(2))
    for i, w in enumerate(words):
        if w.lower() in _SMALL or not w[:1].isupper():
            continue
        initials = sorted(x[0] for x in words[i:] if x.lower() not in _SMALL)
        if len(initials) >= 2 and initials == letters:
            return True
    return False
