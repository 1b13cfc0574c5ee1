"""Actors as ACLED names them, and the side each one stands for.

ACLED names state forces by their state ("Military Forces of Kenya", "Police
Forces of Kenya"), armed groups by their own name ("Al Shabaab", "Taliban")
or as "Unidentified Armed Group (Country)", crowds as "Protesters (Country)"
or "Rioters (Country)", communal militias as "Ethnic Militia (Country)" and
the unarmed as "Civilians (Country)". The country is the one a demonym or a
country name inside the phrase gives ("Azerbaijani forces", "the army of
Mali"), else the country of the event's place. A *side* is the state or the
group an actor belongs to: claims and denials are matched by side.

Examples
--------
>>> actor_name("state", "Kenya", police=True)
'Police Forces of Kenya'
>>> actor_name("nonstate", "Mali"), actor_name("civilian", None)
('Unidentified Armed Group (Mali)', 'Civilians')
"""

from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass
from typing import Any

from mapper.incidents import lexicon as lx
from mapper.incidents.frames import phrase_kind
from mapper.incidents.groups import group_name, name_runs, name_words, nationals, state_body
from mapper.incidents.sites import Site

__all__ = [
    "Actor",
    "actor_name",
    "actor_of",
    "coordinated_sides",
    "side_of_phrase",
    "organisations",
]

logger = logging.getLogger(__name__)



@dataclass(frozen=True, slots=True)
class Actor:
    """An ACLED actor: its name, kind and side."""

    name: str
    kind: str
    side: str | None


def actor_name(
    kind: str, country: str | None, *, police: bool = False, group: str | None = None
) -> str:
    """Return the ACLED-style name of an actor of ``kind`` from ``country``."""
    where = f" ({country})" if country else ""
    if group:
        return group
    if kind in ("state", "armed_site"):
        # a police post or station is the police's: "gunmen fired shots on a police
        # station, killing three policemen" (TNN, Hangu, 22 September); "attacked the
        # gendarmerie in Ouanobian" ([acled-dev bfa 2019-02-24])
        force = "Police Forces" if police else "Military Forces"
        if kind == "armed_site" and not country:
            return force
        return f"{force} of {country}" if country else f"{force} (unknown state)"
    return {
        "nonstate": f"Unidentified Armed Group{where}",
        "communal": f"Ethnic Militia{where}",
        "crowd": f"Rioters{where}",
        "protester": f"Protesters{where}",
        "civilian": f"Civilians{where}",
        "person": f"Civilians{where}",
        # party members and supporters are unarmed: "members of the opposition party"
        # arrested or attacked are civilians to the codebook (rioters when they riot)
        "party": f"Civilians{where}",
        "property": f"Civilians{where}",
    }.get(kind, f"Unidentified Armed Group{where}")


@functools.lru_cache(maxsize=1)
def organisations() -> Any:
    """Return the gazetteer's lookup of armed groups and agencies (a callable), or None."""
    try:
        from mapper.gazetteer import load_gazetteer

        return load_gazetteer().organisation
    except Exception as err:  # noqa: BLE001 - actor names only lose their group names
        logger.info("no organisation names: %s", err)
        return None


def _phrase(tok: Any) -> list[Any]:
    """Return the head's phrase without relative clauses, appositions or trailing prepositions."""
    skip = {
        t.i
        for c in tok.children
        if c.dep_ in ("relcl", "acl", "appos", "prep", "punct", "cc", "conj") and c.i > tok.i
        for t in c.subtree
    }
    return [t for t in tok.subtree if t.i not in skip]


def _group_name(toks: list[Any]) -> str | None:
    """Return the named armed group in the phrase ("Taliban militants"), if any."""
    lookup = organisations()
    # a bracket or an article inside an entity is no word of the name: "The Allied
    # Democratic Forces (ADF) rebels" (AFP via Radar Africa, June 2022) names the ADF;
    # nor is a date the parser hung on the phrase: "On October 3, presumed Ansaroul Islam
    # militants attacked" ([acled-dev bfa 2018-10-03]) names no "October Ansaroul Islam"
    # "Thirteen suspected Abu Sayyaf Group fighters": no number is a word of a name
    names = [t for t in name_words(toks) if t.ent_type_ not in ("DATE", "TIME")]
    if not names:
        return None
    text = " ".join(t.text for t in names)
    text = re.sub(r"^(?:the|presumed|suspected)\s+", "", text, flags=re.I)
    if lookup is not None:
        for cand in (text, *name_runs(names), names[-1].text, names[0].text):
            try:
                found = lookup(cand)
            except Exception:  # noqa: BLE001 - an odd name is just not a group
                found = None
            if found:
                return found if isinstance(found, str) else cand
    if any(t.ent_type_ == "ORG" for t in names) and len(text) > 2:
        return text
    return None


def _listed_group(toks: list[Any]) -> str | None:
    """Return the listed armed group the phrase names, never a name the list lacks."""
    found = _group_name(toks)
    return group_name(found) if found else None


def _listed_object(tok: Any) -> str | None:
    """Return the listed group a phrase names, or its acronym in brackets names.

    "suspected members of the Bangsamoro Islamic Freedom Fighter (BIFF)" (Tempo,
    Maguindanao, September 2017): the name spelled otherwise than the list's,
    the acronym as it is.
    """
    return _listed_group(_phrase(tok)) or next(
        (g for a in tok.children if a.dep_ == "appos" and (g := _listed_group([a]))), None
    )


def side_of_phrase(toks: list[Any], sites: list[Site], *, capitals: bool = True) -> str | None:
    """Return the country a phrase belongs to: a demonym or country named inside it.

    With ``capitals``, a capital named inside it speaks for its state too.
    """
    if not toks:
        return None
    a, b = toks[0].idx, toks[-1].idx + len(toks[-1])
    inside = [s for s in sites if s.start >= a and s.end <= b and s.lat is not None]
    for s in inside:
        if s.adjectival or s.kind == "country":
            return s.country or s.name
    for s in inside if capitals else ():
        if s.feature_code == "PPLC":
            return s.country  # a capital speaks for its state: "the General Staff in Kyiv"
    return None


def _named_place(tok: Any, sites: list[Site]) -> bool:
    """Tell a token inside a place name the geoparser resolved (not a demonym, not a country)."""
    return any(
        s.start <= tok.idx < s.end
        and not s.adjectival
        and s.kind in ("settlement", "admin", "region", "feature")
        for s in sites
    )


#: A state's buildings and bodies, named with its adjective, are no forces of it: "ISIS
#: attacked the Iraqi Embassy in Kabul" (AP via CBS News, September 2017), "Islamic State
#: has targeted the Iraqi embassy in Kabul" (PA via the Daily Mail, July 2017).
_INSTITUTIONS = frozenset(
    """embassy consulate mission parliament ministry government cabinet council assembly
    senate congress court university school hospital bank""".split()
)


def actor_of(tok: Any, sites: list[Site], country: str | None) -> Actor | None:
    """Return the actor a noun phrase names, or None when it names none.

    Parameters
    ----------
    tok : spacy.tokens.Token
        Head of the phrase.
    sites : list of Site
        The report's sites (demonyms and countries give the actor's state).
    country : str or None
        Country of the event's place, for actors whose phrase names none.

    Returns
    -------
    Actor or None
    """
    kind = phrase_kind(tok)
    if kind == "communal" and _named_place(tok, sites):
        # a town the model tags as a people is still the town: "Russia ... launched its
        # first air strikes on Aleppo" (The Trent, 30 November 2024) and "Iraqi forces
        # recaptured Samarra" (Wikipedia, 2014 Iraq chronology), the towns tagged NORP, name
        # no ethnic militia: the geoparser read them as places
        return None
    toks = _phrase(tok)
    own = side_of_phrase(toks, sites)
    if kind is None:
        means = lx.SHELLING | lx.AIR | lx.EXPLOSIVE | {"missile", "jet", "warplane"}
        # and a state's strikes its forces' acts: "Israeli air strikes hit two homes at
        # dawn on Friday in Khan Yunis" (AFP, 25 October 2024), "Russian strikes on Kharkiv"
        means |= {"strike", "airstrike", "bombardment"}
        lemma = tok.lemma_.lower()
        # the means may modify the act: "A Ukrainian drone attack killed one person"
        # (Reuters via Devdiscourse, Belgorod, May 2024); "Ukrainian drone attack kills three
        # people in Russia's Kursk region" (AFP via Al Arabiya, April 2024)
        by_means = lemma in means or (
            lemma in ("attack", "raid")
            and any(c.dep_ == "compound" and c.lemma_.lower() in means for c in tok.children)
        )
        if by_means or (tok.dep_ == "compound" and tok.head.lemma_.lower() in means):
            # a capital before the act names where it was, not who did it: "January 27:
            # Kabul ambulance bombing" (Wikipedia, Kabul attacks 2018), "February 2016
            # Baghdad bombings" (Wikipedia, Iraq 2016); "Moscow's strikes" still speaks
            # for its state
            own = side_of_phrase(toks, sites, capitals=False)
        if own and (tok.pos_ == "PROPN" or by_means) and lemma not in _INSTITUTIONS:
            # "Russian artillery", "Israeli jets": a state's weapons are its forces.
            return Actor(f"Military Forces of {own}", "state", own)
        return None
    group = _group_name(toks) if kind in ("nonstate", "communal", "state") else None
    if group is None and kind in ("nonstate", "communal"):
        # the group's name in apposition to its kind, which the parser makes the head:
        # "shelling by the paramilitary Rapid Support Forces (RSF)" (Anadolu via A News,
        # 30 April 2025); "when the paramilitary Rapid Support Forces (RSF) targeted
        # residential neighborhoods" (Xinhua, September 2025)
        group = next(
            (g for c in tok.children if c.dep_ == "appos" and (g := _group_name(_phrase(c)))),
            None,
        )
        # or the name goes on in brackets: "the CPI (Maoist) killed 7 policemen" (Wikipedia,
        # Naxalite insurgency timeline); "the District Committee Member of CPI (Maoist)" (The
        # Hindu, Telangana, July 2018)
        if group is None and any(
            c.dep_ == "appos" and c.i == tok.i + 2 and tok.doc[tok.i + 1].text == "("
            for c in tok.children
        ):
            group = _listed_group(_phrase(tok) + [tok.doc[tok.i + 2]])
    if group is None and kind == "nonstate":
        # ... or after "from" or "of": "Fighters from the Allied Democratic Forces (ADF) ...
        # attacked the village of Vukaka" (Reuters, Ituri, June 2020), as "members of" a
        # party names the party (frames.phrase_kind)
        group = next(
            (
                g
                for p in tok.children
                if p.dep_ == "prep" and p.lower_ in ("from", "of")
                for c in p.children
                # listed groups only: "a large group of Amhara militia from Wereta"
                # (Wikipedia, Tigray war) names the militia's town
                if c.dep_ == "pobj" and (g := _listed_object(c))
            ),
            None,
        )
    if kind == "state":
        # a listed armed group named with its country or region is still that group:
        # "Sudan's paramilitary Rapid Support Forces" (AFP via TRT World, 9 October 2025);
        # Tigray's regional forces loyal to the TPLF ([WTigray])
        group = group_name(group) if group is not None and not state_body(group) else None
        kind = "nonstate" if group is not None else kind
    if kind == "state" and own is None and tok.ent_type_ == "NORP":
        own = nationals(tok.text)  # "Russians shelled the village": Russia's forces
    where = own or country
    police = bool({t.lemma_.lower() for t in toks} & lx.POLICE)
    name = actor_name(kind, where, police=police, group=group)
    side = group or (where if kind in ("state", "armed_site") else None)
    return Actor(name, kind, side)


def coordinated_sides(tok: Any, sites: list[Site], actor: Actor) -> list[Actor]:
    """Return the other states' forces a phrase names by coordinated adjectives.

    "Kyrgyz and Tajik border guards exchanged fire on Wednesday" (Reuters via
    KDAL, 14 September 2022), "Kyrgyz and Tajik border guards exchanged fire on
    their disputed border on Tuesday" (AFP via Islam Times, April 2022): one
    noun, two states' forces. Only a state's forces split this way; the caller
    decides whether the two are sides against each other.
    """
    if actor.kind != "state":
        return []
    police = actor.name.startswith("Police")
    out = []
    for c in tok.children:
        if c.dep_ not in ("amod", "compound"):
            continue
        for other in c.conjuncts:
            own = side_of_phrase([other], sites)
            if own and own != actor.side:
                out.append(Actor(actor_name("state", own, police=police), "state", own))
    return out
