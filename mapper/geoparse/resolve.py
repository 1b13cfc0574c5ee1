"""Resolution: every mention's candidates ranked with the whole document as context.

1. Candidates per mention (:func:`_slots`): the gazetteer's, spelling
   variants for names something else marks as places, a dateline's settlement
   reading ("KHARTOUM" the city).
2. Stated context (:mod:`mapper.geoparse.context`): containment ("X, Y",
   "X (Y, Z)", "X district, Y"), stated distances, town over namesake
   district, US abbreviations only in US context; unknown names in known
   context.
3. A linear score over :data:`~mapper.geoparse.features.FEATURES` (prior,
   population, agreement with the countries and divisions the document names,
   qualifier, dateline, distance to the other places, coherence with the
   other names' candidates), two rounds, one sense per discourse. The
   weights were fitted on LGL and GeoWebNews (``benchmarks/fit_resolver.py``):
   those corpora are development data.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

import numpy as np

from mapper.gazetteer import destination, fold, haversine_km
from mapper.geoparse.candidates import (
    VARIANT_LABELS,
    dateline_cands,
    division_variant_cands,
    is_adm1,
    spelling_guess,
    variant_cands,
)
from mapper.geoparse.context import (
    SETTLEMENT_WORDS,
    apply_context,
    area_word,
    names_a_settlement,
    said_division,
    said_noun,
)
from mapper.geoparse.cues import DIVISION_VARIANT_LABEL, route_ends
from mapper.geoparse.features import FEATURES, WEIGHTS, Context, feature_rows, support
from mapper.geoparse.lexicon import (
    AFTER_HEAD,
    AREA_NOUNS,
    CONTEXT_POP,
    DIVISION_NOUNS,
    INSTITUTION_HEADS,
    INTERMEDIATE_POINTS,
    THE_BEFORE,
)
from mapper.geoparse.records import Mention, Toponym

if TYPE_CHECKING:  # pragma: no cover
    from mapper.gazetteer import Candidate, Gazetteer, Place

__all__ = ["FEATURES", "WEIGHTS", "Slot", "resolve"]

_THEATRE_KM = 300.0  # a place this close to an overlay place puts the document in that theatre
_ITERATIONS = 2
_CANDIDATES = 25
#: Past this many distinct names, each gets fewer candidates (bounded work on huge lists).
_MANY_NAMES = 2000
_FEW_CANDIDATES = 5
#: Confidence of an unknown name placed at its stated context, times the context's.
_UNKNOWN_CONFIDENCE = 0.5
_SMALL_AREAS = ("settlement", "feature")
#: A town abroad this small and this far from a one-country text's places is a stray namesake.
_STRAY_POP = 100_000
#: What follows a name the text calls a village: the noun, or the rest of a list and
#: the plural noun ("Sabon Gari, Barin Zare, and Otawa villages").
_CALLED_VILLAGE = re.compile(
    r"(?:\s+(?:village|hamlet)|(?:(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)"
    r"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3})*\s+(?:villages|hamlets))\b"
)
_STRAY_KM = 1000.0
#: The noun leading a name with its article: "the village of Mann", never "Torkula village of
#: Guma Local Government Area" (GWN), where the name after "of" is the village's area.
_THE_VILLAGE_OF = re.compile(r"\b(?:the|a)\s+(?:village|hamlet)\s+of\s+$", re.I)
#: The word after a name ("Mobile Police Base").
_NEXT_WORD = re.compile(r"\s+([A-Za-z]+)")
#: Share of a text's places in one country that makes it the text's focus.
_FOCUS_SHARE = 0.6
#: How many times the names of any other country the focus country's must be.
_FOCUS_LEAD = 2
_SETTLEMENT_WORDS = frozenset(
    "town city village hamlet locality neighbourhood neighborhood".split()
)


@dataclass(slots=True)
class Slot:
    """A mention with its candidates during resolution (mutable working state)."""

    mention: Mention
    key: str
    cands: list[Candidate]
    qualifier_places: list[Place] = field(default_factory=list)  # "X, Y": Y's readings
    is_qualifier: bool = False  # this mention states another's container
    measured_from: bool = False  # a stated distance from it locates another mention
    unknown_in: Slot | None = None  # not in the index: placed at this stated context
    seats: dict[str, Place] = field(default_factory=dict)  # district key -> its namesake town
    offset: tuple[float, float] | None = None  # (km, bearing) from unknown_in: "70 km north of"
    choice: int = 0
    scores: list[float] | None = None


def resolve(text: str, mentions: list[Mention], gaz: Gazetteer) -> list[Toponym]:
    """Resolve every mention in the context of the whole text.

    Parameters
    ----------
    text : str
    mentions : list of Mention
        From :func:`mapper.geoparse.recognize.recognize`, in text order.
    gaz : mapper.gazetteer.Gazetteer

    Returns
    -------
    list of Toponym
        One per mention, in text order; a mention nothing places keeps no point.
    """
    slots = _slots(mentions, gaz)
    apply_context(
        text,
        slots,
        variants=lambda name: gaz.candidates(name, limit=10, variants=True),
        lookup=lambda name: gaz.candidates(name, limit=10),
    )
    _choose(slots)
    _after_the(text, slots)
    _no_city_called_village(text, slots)
    _one_place_per_name(slots)
    _drop_strays(text, slots)
    _drop_lone_institution_towns(text, slots)
    _drop_foreign_guesses(slots)
    _drop_compass_divisions_abroad(slots)
    _compass_parts_of_countries(slots, gaz)
    _divisions_named_by_seats(text, slots, gaz)
    ends = route_ends(text, [(s.mention.start, s.mention.end) for s in slots])
    out = []
    for s in slots:
        t = _toponym(text, s, slots, route_end=s.mention.start in ends)
        if t is not None:
            out.append(t)
    return out


def _slots(mentions: list[Mention], gaz: Gazetteer) -> list[Slot]:
    """Candidates for every mention."""
    from mapper.gazetteer import Candidate

    slots: list[Slot] = []
    memo: dict[str, list[Candidate]] = {}
    for m in mentions:
        key = fold(m.text)
        dem = gaz.demonym(m.text) if m.adjectival else None
        if dem is not None:
            slots.append(Slot(m, key, [Candidate(dem, 1.0, m.text)]))
            continue
        if key not in memo:
            limit = _CANDIDATES if len(memo) < _MANY_NAMES else _FEW_CANDIDATES
            memo[key] = gaz.candidates(m.text, limit=limit)
            if not memo[key] and m.label in VARIANT_LABELS:
                memo[key] = variant_cands(gaz, m.text)
            elif not memo[key] and m.label == DIVISION_VARIANT_LABEL:
                memo[key] = division_variant_cands(gaz, m.text)
            memo[key] = _with_titled_divisions(gaz, m.text, memo[key], limit)
        listed = None if memo[key] or m.adjectival else gaz.demonym(m.text, derived=False)
        if listed is not None:
            # a listed demonym the NER called a place: "the Ukrainian city of Odesa" (Meduza,
            # April 2025) names no place inside Odesa, it says whose city (Odesa was the
            # oblast); "Sri Lankan" in an LGL story is the country's adjective
            slots.append(Slot(replace(m, adjectival=True), key, [Candidate(listed, 1.0, m.text)]))
            continue
        slots.append(Slot(m, key, list(memo[key])))
    # a dateline names the town it was filed from: "KHARTOUM —" is the city, not the state
    for s in slots:
        if s.mention.dateline and not s.mention.adjectival:
            s.cands = dateline_cands(s.cands)
            break
    return slots


#: Division titles GeoNames writes or drops at will for first-level divisions.
_REGION_TITLES = frozenset("region province state governorate oblast prefecture".split())
#: Lowercase words that end the phrase "the ..." before a name: "the town of X".
_NOT_MODIFIERS = frozenset("of in at near from to and or for on by with into".split())
_TAKES_THE = frozenset({"feature", "region", "country", "line"})


def _after_the(text: str, slots: list[Slot]) -> None:
    """Choose a sea or region over a town for a name the text puts after "the".

    English names towns without the article and seas, oceans, rivers and
    many regions and countries with it: "in the Atlantic.", "the eastern
    tropical Atlantic and the north Atlantic, are" (a hurricane-season
    report, GWN), "across the Gulf", "the Congo", "the Sahel". Atlantic, Iowa
    and Gulf, Texas are no readings there. Only a name that heads its phrase
    counts: in "The Jordan resident was flown to ..." (LGL) "the" is the
    resident's.
    """
    for s in slots:
        m = s.mention
        if m.adjectival or not any(c.place.kind in _TAKES_THE for c in s.cands):
            continue
        before = THE_BEFORE.search(text, max(0, m.start - 40), m.start)
        if before is None or set(before.group().lower().split()[1:]) & _NOT_MODIFIERS:
            continue
        if not AFTER_HEAD.match(text, m.end):
            continue
        if s.cands[s.choice].place.kind != "settlement":
            continue
        _choose_among(s, [i for i, c in enumerate(s.cands) if c.place.kind in _TAKES_THE])


def _no_city_called_village(text: str, slots: list[Slot]) -> None:
    """Leave a city out of the readings of a name the text calls a village.

    "said it occurred at Kiri village bordering Plateau" (NAN in Vanguard,
    Kaduna, 30 August 2019) is no Kiryū, a Japanese city of 100,000 that
    GeoNames also calls Kiri: a village is small, and the name is an unknown
    village when no small place bears it. A list shares its noun: "the
    villages that were attacked included Sakkada, Gyadadde, Sabon Gari, Barin
    Zare, and Otawa villages" (Today, Nigeria, July 2018) names no Ottawa, as
    "Makera, Akuzo and Usu villages of Kiyawa District" (Nigerian Monitor,
    January 2013) names villages; the name's other mentions ("eight in Otawa")
    are the same village.
    """
    # lowercase: "the Dublin Village Shopping Center" (LGL) is a name
    # the noun may lead: "launched a large-scale attack against C.African army positions
    # in the village of Mann" (AFP via UrduPoint, August 2021) is no Isle of Man, where
    # "central Mali village" (Reuters) is a village of the country
    led = {
        s.key
        for s in slots
        if s.cands and _THE_VILLAGE_OF.search(text, max(0, s.mention.start - 30), s.mention.start)
    }
    called = led | {
        s.key
        for s in slots
        if s.cands
        and _CALLED_VILLAGE.match(text, s.mention.end, s.mention.end + 200)
        and not names_a_settlement(text, s.mention.start, s.mention.end)
    }
    for s in slots:
        if s.key not in called or not s.cands:
            continue
        chosen = s.cands[s.choice].place
        if (chosen.kind == "country" and s.key in led) or (
            chosen.kind == "admin" and (chosen.feature_code or "") in ("ADM1", "ADM2")
        ):
            # a village is no province or district: "Sakkada, Gyadadde, Sabon Gari, Barin
            # Zare, and Otawa villages" in Maradun, Zamfara (Today, Nigeria, July 2018) is
            # no Sabon Gari local government area of Kaduna, 200 km away; a village of the
            # name stands, else the name is a village the index lacks
            _choose_among(
                s,
                [
                    i
                    for i, c in enumerate(s.cands)
                    if c.place.kind == "settlement" and fold(c.place.name) == s.key
                ],
            )
            if not s.cands:
                continue
            chosen = s.cands[s.choice].place
        if chosen.kind != "settlement" or chosen.population < _STRAY_POP:
            continue
        _choose_among(
            s,
            [
                i
                for i, c in enumerate(s.cands)
                if c.place.kind == "settlement" and c.place.population < _STRAY_POP
            ],
        )


def _choose_among(s: Slot, indices: list[int]) -> None:
    """Choose the best-scored candidate at ``indices``; with none, leave ``s`` unresolved."""
    if not indices:
        s.cands = []
        return
    scores = s.scores or [c.score for c in s.cands]
    s.choice = max(indices, key=lambda i: scores[i])


def _with_titled_divisions(
    gaz: Gazetteer, name: str, cands: list[Candidate], limit: int
) -> list[Candidate]:
    """Add the divisions a name with a division title means under their bare name.

    GeoNames names one division with its title and the next without: "Northern
    Region" is only Uganda's, while Ghana's is "Northern"; "Western Region" of
    Uganda, "Western" of Ghana, Kenya, Zambia, Sierra Leone. "Traders in Tamale
    marched to the Northern Region office" means Ghana's; a protest "by bike
    riders in bamenda, a town in the country's North West Region" (El-Leo
    blog, 13 October 2020) is in Cameroon's "North-West"; "the Governor of the
    Western Region" in a note on Bobo-Dioulasso ([acled-dev bfa]). So "X Region",
    "X Province", "X State"... also gets the divisions called X, and the text's
    other places choose among them. A division reached both ways keeps its
    better prior. Not "X County" or "X District": there the title is part of
    the name ("Westmoreland County", Pennsylvania, in LGL is no Jamaican
    parish Westmoreland).
    """
    words = name.split()
    if len(words) < 2 or words[-1].lower() not in _REGION_TITLES:
        return cands
    best = {c.place.key: c for c in cands}
    for c in gaz.candidates(" ".join(words[:-1]), kinds="admin", limit=limit):
        old = best.get(c.place.key)
        if old is None or c.score > old.score:
            best[c.place.key] = c
    return sorted(best.values(), key=lambda c: -c.score)[:limit]


def _choose(
    slots: list[Slot], weights: Sequence[float] = WEIGHTS, iterations: int = _ITERATIONS
) -> None:
    """Rank every slot's candidates in context; sets ``choice`` and ``scores``."""
    for s in slots:  # start from the gazetteer's own ranking
        s.choice = max(range(len(s.cands)), key=lambda i: s.cands[i].score) if s.cands else 0
    coherence = support(slots)
    w = np.asarray(weights, dtype=float)
    for _ in range(iterations):
        ctx = Context(slots, _theatre_ok(slots))
        for s, rows in zip(slots, feature_rows(slots, ctx, coherence), strict=True):
            if rows:
                scores = np.asarray(rows, dtype=float) @ w
                s.scores, s.choice = scores.tolist(), int(scores.argmax())
            else:
                s.scores = []
        _one_sense(slots)


def _one_sense(slots: list[Slot]) -> None:
    """One sense per discourse: every mention of a name takes its best-supported place."""
    by_key: dict[str, list[Slot]] = defaultdict(list)
    for s in slots:
        if s.cands and not s.mention.adjectival:
            by_key[s.key].append(s)
    for group in by_key.values():
        if len(group) < 2:
            continue
        total: dict[str, float] = defaultdict(float)
        for s in group:
            for c, sc in zip(s.cands, s.scores or [], strict=False):
                total[c.place.key] += sc
        best_key = max(total, key=total.__getitem__)
        for s in group:
            for i, c in enumerate(s.cands):
                if c.place.key == best_key:
                    s.choice = i
                    break


#: A list that a plural division noun closes calls each of its names a division: "keep
#: insurgents out of Palma and Mocimboa da Praia districts" (a Mozambique news digest
#: citing AIM and Zumbo FM, September 2025) as "Nyaung Kone and Kyarsi villages" calls
#: both villages (AP, Sagaing, June 2023).
_LISTED_DIVISION = re.compile(
    r"(?:\s*(?:,|,?\s+and|,?\s+or)\s+[A-Z][\w’'-]*(?:\s+[a-z]{1,3})?(?:\s+[A-Z][\w’'-]*){0,3})+"
    r"\s+(?:districts|provinces|counties|regions|states|oblasts|governorates|departments)\b"
)
#: A place of some kind written just before "in": what follows contains it ("Quifuque
#: island in Palma").
_CONTAINER_OF = re.compile(
    r"\b(?:" + "|".join(sorted(AREA_NOUNS | {"island", "islands", "camp", "forest"}))
    + r")\s+in\s+$"
)


def _one_place_per_name(slots: list[Slot]) -> None:
    """Place a name told again where its stated context put it, never at a town abroad.

    A text names one place by one name: "had been occupying the Dima district
    in Tigray ... killed on the battlefield in Fiyelwiha, a small town of the
    Dima district" (Wikipedia's Tigray war timeline, July 2021) had put the
    second Dima (and Fiyelwiha with it) in the Comoros, the first having been
    placed, unknown, in Tigray as its text says. A later mention that resolves
    to a settlement in another country than the area an earlier one of the
    same name was placed in takes that placement.
    """
    placed: dict[str, Slot] = {}
    for s in slots:
        if not s.cands and s.unknown_in is not None and s.unknown_in.cands:
            placed.setdefault(s.key, s)
            continue
        first = placed.get(s.key)
        if first is None or not s.cands or s.mention.adjectival:
            continue
        p = s.cands[s.choice].place
        area = first.unknown_in.cands[first.unknown_in.choice].place
        if p.kind == "settlement" and p.country_code != area.country_code:
            s.cands, s.unknown_in, s.offset = [], first.unknown_in, first.offset


def _drop_strays(text: str, slots: list[Slot]) -> None:
    """Leave unresolved a small town abroad that alone stands for its country in a focused text.

    Document focus: a clash located at "Bandar center, Anwara upazila
    (Chittagong)" ([acled-dev bgd 2024-06-07]) is no Indonesian Bandar; Baga,
    a town by Lake Chad, in a report on Borno and Maiduguri ([news-dev 05])
    is no Baga in Goa. A text most of whose places lie in one country, where a
    name the index knows only as a small town in another country, far from
    every place of the home country, is the only place of that country: an
    unknown local name, not a namesake abroad. So is a city abroad of any size
    that the text calls a division: "in the neighbouring district of Palma" in
    a report on Cabo Delgado (AIM via allAfrica, January 2019) is no Palma de
    Mallorca, as "Kani township" is no Kani in Japan (:func:`~mapper.geoparse.
    context.apply_context`, [acled-dev mmr 2021-07-24]); so is one the text
    makes the container of a local place: "food raids on 17 May on Quifuque
    island in Palma" among Macomia and Nangade (Cabo Ligado via defenceWeb, May
    2022).
    """
    chosen = [
        (s, s.cands[s.choice].place) for s in slots if s.cands and not s.mention.adjectival
    ]
    placed = [  # unknown names at their stated context count for its country
        (s, s.unknown_in.cands[s.unknown_in.choice].place)
        for s in slots
        if not s.cands and s.unknown_in is not None and s.unknown_in.cands
    ]
    names_of: dict[str | None, set[str]] = defaultdict(set)
    for s, p in chosen + placed:
        names_of[p.country_code].add(s.key)
    # neighbours named whole do not blur the focus: a chronology of Borno's war that
    # names Chad, Niger and Cameroon as countries (Wikipedia, "2015 in Nigeria") is still
    # about Nigeria's towns, and its Baga no village in Goa
    below_country: dict[str | None, set[str]] = defaultdict(set)
    for s, p in chosen + placed:
        if p.kind != "country":
            below_country[p.country_code].add(s.key)
    strong = _focus_country(names_of) or _focus_country(below_country)
    # a country with twice the names of any other is focus enough for small towns:
    # "The villages attacked in the area of Deleig on Monday night in were Tengu, Aru,
    # Orde, Bargi, Baile, Kisma, Romaliya and Kakouli" (Radio Dabanga, Central Darfur)
    # named Sudan four times, and its villages' namesakes in India and Romania, one name
    # each, had blurred that focus
    home = strong or _focus_country(names_of, lead=True)
    if home is None:
        return
    others = [p for _, p in chosen + placed if p.country_code == home]
    # the name the text calls a division stands for every mention of it
    division = {
        s.key
        for s, _ in chosen
        if said_division(text, s.mention.start, s.mention.end)
        or _LISTED_DIVISION.match(text, s.mention.end)
    }
    for s, p in chosen:
        if (
            p.country_code != home
            and p.kind == "settlement"
            and (
                p.population < _STRAY_POP
                or strong is not None
                and (
                    _opens_institution(text, s.mention)
                    or s.key in division
                    or _CONTAINER_OF.search(text, max(0, s.mention.start - 40), s.mention.start)
                )
            )
            and names_of[p.country_code] == {s.key}
            and all(c.place.country_code != home for c in s.cands)
            and (
                p.population == 0
                or all(haversine_km(p.lat, p.lon, q.lat, q.lon) > _STRAY_KM for q in others)
            )
        ):
            # a place abroad of no known size is a stray however near: "commissioner for
            # the nearby town of Nasir" in a report on Upper Nile and Jonglei (AFP via The
            # National, South Sudan, July 2017) is no "Nasir Extension" of Khartoum
            s.cands = []


def _focus_country(names_of: dict[str | None, set[str]], *, lead: bool = False) -> str | None:
    """Return the country most of a text's distinct place names lie in, if any."""
    countries = Counter({cc: len(keys) for cc, keys in names_of.items() if cc and keys})
    if not countries:
        return None
    (home, n_home), *rest = countries.most_common()
    if n_home < 2:
        return None
    if n_home < _FOCUS_SHARE * sum(countries.values()) and not (
        lead and rest and n_home >= _FOCUS_LEAD * rest[0][1]
    ):
        # distinct names per country: a text mostly about one country (or, with ``lead``,
        # one with twice the names of any other)
        return None
    return home


def _drop_lone_institution_towns(text: str, slots: list[Slot]) -> None:
    """Leave unresolved a small town that only opens an institution's name, alone in its country.

    "He took treatment from Crescent Hospital" in a Daily Star report on a clash
    in Dhaka's Uttara (August 2024) is no Crescent, Oklahoma (1,500 people): a
    hospital, a school or a college is named for anything, and a small town
    is its namesake only when the text names another place of that country
    ("Danbury Hospital" beside Connecticut towns in LGL's local news). A town's
    own bodies ("Groton Town Council", "Grand Ledge Police") name the town.
    """
    countries = Counter(
        (s.cands[s.choice].place.country_code, s.key) for s in slots if s.cands
    )
    for s in slots:
        if not s.cands or s.mention.adjectival or not _opens_institution(
            text, s.mention, _FACILITIES
        ):
            continue
        p = s.cands[s.choice].place
        if p.kind != "settlement" or p.population >= CONTEXT_POP:
            continue
        if not any(cc == p.country_code and key != s.key for cc, key in countries):
            s.cands = []


#: Institutions named for anything, unlike a town's own police, council or hall, or a
#: university, which takes its town's name ("Maseno University students", an ACLED note).
_FACILITIES = frozenset(
    "hospital medical school schools high elementary middle library board museum zoo".split()
)


def _opens_institution(
    text: str, m: Mention, heads: frozenset[str] = INSTITUTION_HEADS
) -> bool:
    """Tell whether a name is the first word of an institution's proper name.

    "attacked the Mobile Police Base" (today.ng on Damboa, October 2021), "a
    Mobile Police Force (MPF) checkpoint" (Channels TV on Kankara, March
    2022): Nigeria's Mobile Police. In a text about another country, a city
    abroad of that name (Mobile, Alabama) is the unit's name, whatever its size.
    """
    m2 = _NEXT_WORD.match(text, m.end)
    return bool(m2) and m2.group(1)[:1].isupper() and m2.group(1).lower() in heads


def _drop_foreign_guesses(slots: list[Slot]) -> None:
    """Leave unresolved a small town read by another spelling in a country the text never names.

    Another spelling is the weakest reading there is: a spelling guess
    (:func:`variant_cands`) or one of the many alternate names GeoNames keeps
    for a small town. When the text's other places and nationalities all lie
    in other countries, far away, the name is a local place the index lacks
    or no place at all: a gold mine attacked "in Inata" in a note that ends on
    France's first air raid in Burkina ([acled-dev bfa 2018-10-03]) is no
    Inada in Japan; a displaced child named beside a Benue village (GWN, a
    Nigerian daily) is no Andong in Korea; the Ismaili community of a
    Pakistani city (LGL) is no Ismayilli in Azerbaijan. A text naming no other
    place keeps the reading; nationalities are no places of the text.
    """
    chosen = [(s, s.cands[s.choice].place) for s in slots if s.cands]
    for s, p in chosen:
        c = s.cands[s.choice]
        # a guess whatever the size; an alternate name only of a small town
        other_name = fold(c.matched) != fold(p.name) and p.population < _STRAY_POP
        if s.mention.adjectival or not (other_name or spelling_guess(s.key, fold(c.matched))):
            continue
        # nationalities do not count: "Russian terrorists attacked the Izmail district"
        # (Ukrinform, October 2023) says who attacked, not where the text is
        others = [
            q for t, q in chosen if t.key != s.key and q.country_code and not t.mention.adjectival
        ]
        if (
            others
            and p.country_code
            and p.kind in _SMALL_AREAS
            and all(q.country_code != p.country_code for q in others)
            and all(haversine_km(p.lat, p.lon, q.lat, q.lon) > _STRAY_KM for q in others)
        ):
            s.cands = []


#: Words of a division named only by where it lies ("Western Region", "North-East State").
_COMPASS = frozenset(
    "north south east west northern southern eastern western central"
    " northeast northwest southeast southwest north-east north-west south-east south-west".split()
)


def _compass_division(name: str) -> bool:
    """Tell a division named only by a compass point and its title ("Western Region").

    An intermediate point names a division without a title too ("the
    English-speaking region of Northwest", NNN-Xinhua, October 2020).

    >>> _compass_division("Western Region"), _compass_division("North West Region")
    (True, True)
    >>> _compass_division("Northwest"), _compass_division("West")
    (True, False)
    >>> _compass_division("Western Cape"), _compass_division("Middle East")
    (False, False)
    """
    words = fold(name).replace("-", " ").split()
    if words and words[-1] in DIVISION_NOUNS:
        words = words[:-1]
    elif not _compass_compound(words):
        return False  # "the Middle East", "the West" are regions, not divisions
    return bool(words) and all(w in _COMPASS for w in words)


def _compass_compound(words: list[str]) -> bool:
    """Tell a name that is only an intermediate compass point ("Northwest", "South East").

    >>> _compass_compound(["northwest"]), _compass_compound(["south", "east"])
    (True, True)
    >>> _compass_compound(["west"]), _compass_compound(["east", "timor"])
    (False, False)
    """
    return "".join(words) in INTERMEDIATE_POINTS


def _drop_compass_divisions_abroad(slots: list[Slot]) -> None:
    """Leave unresolved a compass-named division no country of the text has.

    A dozen countries have a "Western Region" or "Northern Province" (Uganda,
    Ghana, Zambia, Sierra Leone, Sri Lanka...), and the index lacks others
    (Kenya's former provinces; the regions Burkinabe officials call "the
    Western Region", [acled-dev bfa]). Such a name in a text whose other
    places all lie in countries that have no division of that name is the
    text's own country's region, unknown here, never one abroad: "Citizens of
    Bobo-Dioulasso marched to the Governor of the Western Region" is not in
    Uganda. Where a country of the text has one (Bamenda's "North West
    Region", Cameroon), the resolver has chosen among them.
    """
    for s in slots:
        if not s.cands or s.mention.adjectival or not _compass_division(s.mention.text):
            continue
        # a compass-named division does not vouch for another: "borders the North-West
        # region" and "in the North-West" (AFP via Medafrica Times, Cameroon, November
        # 2023) are one name with and without its title, both South Africa's if either is
        others = {
            o.cands[o.choice].place.country_code
            for o in slots
            if o.key != s.key
            and o.cands
            and not o.mention.adjectival
            and not _compass_division(o.mention.text)
        } - {None}
        if others:
            # "a Northeast Texas thing" (LGL) is no Botswana district: only the
            # text's own countries' places of that name remain
            _choose_among(s, [i for i, c in enumerate(s.cands) if c.place.country_code in others])


def _compass_parts_of_countries(slots: list[Slot], gaz: Gazetteer) -> None:
    """Read "South Lebanon" as part of Lebanon when the text's places are Lebanon's.

    News names a country's part by a compass word before the country's name:
    "An Israeli occupation's pilotless aircraft attacked a car in South Lebanon"
    (KUNA, May 2024), "fighting in South Lebanon" (Reuters, October 2024). The
    index may hold the whole name only as towns abroad (South Lebanon, Ohio),
    which the text's other places then contradict; the country, at the
    precision a country has, is what the text says. A text whose places are
    Ohio's keeps its village, and a division of the whole name ("Northern
    Ireland", "North Lebanon") is never a town.
    """
    for s in slots:
        if not s.cands or s.mention.adjectival:
            continue
        words = s.mention.text.split(None, 1)
        if len(words) != 2 or fold(words[0]).replace("-", "") not in _COMPASS:
            continue
        chosen = s.cands[s.choice].place
        if chosen.kind != "settlement":
            continue
        country = next(
            (c for c in gaz.candidates(words[1], limit=5) if c.place.kind == "country"), None
        )
        if country is None or country.place.country_code == chosen.country_code:
            continue
        others = {
            o.cands[o.choice].place.country_code
            for o in slots
            if o is not s and o.cands and o.key != s.key
        }
        if country.place.country_code in others and chosen.country_code not in others:
            s.cands, s.choice, s.scores = [country], 0, None


def _divisions_named_by_seats(text: str, slots: list[Slot], gaz: Gazetteer) -> None:
    """Read a town's other spelling with a division's title as the division it names.

    GeoNames keeps a spelling under the town and not under the division named
    after it: "a regime airstrike ... on a village in Magwe Region" (The
    Irrawaddy, December 2021; "a Buddhist monastery located in the Magwe
    region", DPA via Dhaka Tribune, May 2024) found only the town of Magway,
    whose alternate name "Magwe" is. A name with a first-level title ("X Region",
    "X State") whose only readings are towns is the same-named first-level
    division of the town's province; "Magway district" is another area.
    """
    for s in slots:
        if not s.cands or s.mention.adjectival:
            continue
        p = s.cands[s.choice].place
        if p.kind != "settlement" or any(c.place.kind == "admin" for c in s.cands):
            continue
        if area_word(text, s.mention.end) not in _REGION_TITLES | {"division"}:
            continue  # a first-level title; a "district" of the same name is another area
        division = next(
            (
                c
                for c in gaz.candidates(p.name, kinds="admin", limit=5)
                if c.place.country_code == p.country_code
                and c.place.feature_code == "ADM1"
                and fold(c.place.name) == fold(p.name)
                and (c.place.admin1 is None or c.place.admin1 == p.admin1)
            ),
            None,
        )
        if division is not None:
            s.cands, s.choice, s.scores = [division], 0, None


def _theatre_ok(slots: list[Slot]) -> bool:
    """Tell whether the theatre overlay applies: places near it, or names only it explains."""
    return _near_theatre(slots) or any(
        s.cands and all(c.place.source == "theatre" for c in s.cands) and s.mention.label != "LINE"
        for s in slots
    )


def _near_theatre(slots: list[Slot]) -> bool:
    """Tell whether the document names a non-overlay place near an overlay place."""
    theatre = {c.place.key: c.place for s in slots for c in s.cands if c.place.source == "theatre"}
    if not theatre:
        return False
    for s in slots:
        if not s.cands:
            continue
        p = s.cands[s.choice].place
        if p.source != "theatre" and any(
            haversine_km(p.lat, p.lon, t.lat, t.lon) <= _THEATRE_KM for t in theatre.values()
        ):
            return True
    return False


def _theatre_context(slot: Slot, slots: list[Slot]) -> bool:
    return _near_theatre(slots) or any(
        s is not slot
        and s.cands
        and s.cands[s.choice].place.source == "theatre"
        and s.mention.label != "LINE"
        for s in slots
    )


def _toponym(
    text: str, s: Slot, slots: list[Slot], *, route_end: bool = False
) -> Toponym | None:
    """Build the Toponym record of one slot (None for a line name out of its theatre)."""
    m = s.mention
    base = {
        "adjectival": m.adjectival,
        "dateline": m.dateline,
        "qualifier": s.is_qualifier or s.measured_from,
        "route_end": route_end,
    }
    if not s.cands:
        area = s.unknown_in
        if area is not None and area.cands:
            return _at_context(text, s, area, base)
        return Toponym(m.start, m.end, m.text, None, None, None, **base)
    p = s.cands[s.choice].place
    if p.source == "theatre" and m.label == "LINE" and not _theatre_context(s, slots):
        return None  # "front line" in a text about another war
    point = s.seats.get(p.key, p)  # a district named by its seat town: ACLED's point
    return Toponym(
        m.start,
        m.end,
        m.text,
        p.name,
        point.lat,
        point.lon,
        kind=p.kind,
        geonameid=p.geonameid,
        confidence=_confidence(s),
        country_code=p.country_code,
        admin1=p.admin1,
        place=p,
        precision=1,
        **base,
    )


def _at_context(text: str, s: Slot, area: Slot, base: dict) -> Toponym:
    """Place an unknown name at its stated context area (ACLED precision 2 or 3)."""
    m = s.mention
    q = area.cands[area.choice].place
    # the noun may lead: "the village of Somani, about 250 kilometers southwest of
    # Katmandu" (AP, April 2005) is a village as much as "Nyanzale town"
    word = said_noun(text, m.start, m.end)
    if word in SETTLEMENT_WORDS:
        kind = "settlement"
    elif word in DIVISION_NOUNS:
        kind = "admin"
    else:
        kind = "other"
    small = q.kind in _SMALL_AREAS or (q.kind == "admin" and not is_adm1(q))
    lat, lon = q.lat, q.lon
    if s.offset is not None:  # "the town of X about 70 kilometres north of Goma"
        lat, lon = destination(lat, lon, *s.offset)
        small = True
    return Toponym(
        m.start,
        m.end,
        m.text,
        m.text,
        lat,
        lon,
        kind=kind,
        confidence=round(_UNKNOWN_CONFIDENCE * _confidence(area), 3),
        country_code=q.country_code,
        admin1=q.admin1,
        place=q,
        precision=2 if small else 3,
        **base,
    )


def _confidence(s: Slot) -> float:
    """Return the fitted logit's probability of the chosen candidate.

    The gazetteer prior stands in when there was nothing to choose between.
    """
    if not s.cands:
        return 0.0
    if not s.scores or len(s.scores) == 1:
        return round(min(1.0, max(0.05, s.cands[s.choice].score)), 3)
    best = s.scores[s.choice]
    z = sum(math.exp(x - best) for x in s.scores)
    return round(1.0 / z, 3)
