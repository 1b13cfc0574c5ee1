"""Resolution in stated context: what the words between two names say.

* **Containment.** "X, Y", "X (Y, Z)", "X district, Y", "X in the Y
  province", "near X, Y": X lies in Y. X keeps only the candidates that lie
  in one of Y's readings (:func:`~mapper.geoparse.candidates.could_contain`),
  Y only the readings that hold one of X's, and Y is marked a *qualifier*.
  When none of X's candidates lies in Y and the pattern is explicit (an area
  noun, a parenthesis, "in/of"), or X has no candidate at all, X is an
  unknown place in known context: it resolves to Y's place with precision 2
  or 3, never to a namesake elsewhere. A comma before a name that is the
  subject of the next clause ("... towns of Soledar and Bakhmut, Russia
  launched", a report on Dnipro citing AFP and AP, January 2023) ends a
  clause and states no container; only the full pipeline, which parses, can
  tell, and a wrong parse drops a real container.
* **Distance.** "X, about 20 km north of Y": X's candidates lie within that
  distance of Y's (plus a margin).
* **Town or district.** A town and its namesake division resolve to the town
  unless the text says district, county, province... after the name.
* **Abbreviations.** A US state read from an abbreviation ("Al", "Ga.") needs
  US context: another US place in the document, or a US town before it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from mapper.gazetteer import fold, haversine_km, variant_key
from mapper.geoparse.candidates import ADM2_KM, could_contain, is_adm1
from mapper.geoparse.lexicon import (
    AREA_NOUNS,
    DIVISION_NOUNS,
    LGA_WORDS,
    STREET_NOUNS,
    THE_BEFORE,
)

if TYPE_CHECKING:  # pragma: no cover
    from mapper.gazetteer import Candidate, Place
    from mapper.geoparse.resolve import Slot

__all__ = [
    "DISTANCE_LEAD",
    "NOUNS_BEFORE_DISTANCE",
    "DISTANCE_TAIL",
    "apply_context",
    "area_word",
    "names_a_settlement",
    "said_division",
]

# Nigeria's LGA may be spelled out: "Saulawa community of Zurmi Local Government Area of
# Zamfara State" (Daily Post, May 2021), "Kaga Local Government Area of Borno State" (Cable
# Reporters, July 2020)
_AREA = (
    r"(?:\s+(?:"
    + r"\s+".join(LGA_WORDS)
    + "|"
    + "|".join(sorted(map(re.escape, AREA_NOUNS), key=len, reverse=True))
    + r"))?"
)
_ALT = r"(?:\s*\([^()\n]{1,40}\))?"  # "Khash (Delaram) district, Nimruz"
_THE = r"(?:the\s+)?"
# the part of the container a place lies in: "in Boni, central Mali" (AFP, January 2018),
# "Santander, northern Colombia", "Liverpool, northern England" (chronology 15, GWN)
_PART = (
    r"(?:(?:north|south|east|west|central|north-?east|north-?west|south-?east|south-?west"
    r"|north-?central|south-?central|east-?central|west-?central)(?:ern)?\s+)?"
)
_COMMA_GAP = re.compile(rf"{_ALT}{_AREA}\s*,\s*{_THE}{_PART}", re.I)
_PAREN_GAP = re.compile(rf"{_AREA}\s*\(\s*{_THE}", re.I)
# the container named by its kind: "in Palma district, in the northern province of Cabo
# Delgado" (AIM via allAfrica, 31 May 2018), "in Macomia district, in the northern
# Mozambican province of Cabo Delgado" (AIM, 28 August 2019), "Celaya, in the central
# state of Guanajuato" (AP)
_KIND_OF = (
    r"(?:(?:[A-Z][a-z]+\s+)?(?:"
    + "|".join(sorted(map(re.escape, AREA_NOUNS | {"state"}), key=len, reverse=True))
    + r")\s+of\s+)?"
)
# a place's market, bus station or junction lies where the text puts it, whatever town
# it is named after: "a grenade attack on the Machakos bus station in Nairobi" ([acled-dev
# ken 2013-06-17]; Machakos is a town 60 km away), "near Ohn Hnauk and Tha Pyay Kone
# junction of Pale township" ([acled-dev mmr]), "the cow section of Sabon Gari market in
# Damboa local government area" (TheCable, Borno, 2015)
_FEATURE = r"(?:\s+(?:market|junction|bus\s+(?:station|stand|park|terminal)|roundabout))?"
# a quotation may close after the name: "in the village of Gaigorou" in the Tillaberi region
# (TRT World, Niger, April 2021)
_IN_GAP = re.compile(
    rf"[”\"]?{_ALT}{_AREA}{_FEATURE}\s*,?\s+(?:in|of)\s+{_THE}{_PART}{_KIND_OF}", re.I
)
#: The plural area noun that closes a list of names, and the rest of the list before it.
_PLURAL_AREA = r"(?:villages|towns|hamlets|settlements|localities|communities|districts|townships)"
_LIST_NAME = r"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3}"
_LIST_JOIN = r"\s*(?:,|,?\s+and|,?\s+or)\s+"
# "attacks on Nyaung Kone and Kyarsi villages in Pale township" (AP, June 2023)
_LIST_IN_GAP = re.compile(
    rf"(?:{_LIST_JOIN}{_LIST_NAME})*\s+{_PLURAL_AREA}\s*,?\s+(?:in|of)\s+{_THE}{_PART}{_KIND_OF}"
)
_LIST_JOIN_GAP = re.compile(_LIST_JOIN)
_PLURALS = frozenset(_PLURAL_AREA[3:-1].split("|"))
#: An apposition that says what the name is and where: ", a town in the municipality of"
#: ("El Aguaje, a town in the municipality of Aguililla", AP, October 2019; "Aguachica, a
#: municipality in the Cesar province", Colombia Reports, 2025).
_APPOSED_GAP = re.compile(
    r"\s*,\s*(?:a|an|the)\s+(?:[a-z-]+\s+){0,3}?"
    r"(?:town|village|city|municipality|commune|district|locality|settlement|hamlet|suburb"
    r"|neighbourhood|neighborhood)\s+(?:in|of)\s+" + _THE + _PART + _KIND_OF
)
_POSSESSIVE_GAP = re.compile(r"['’]s\s+")
#: A settlement named after its container: "the Tillaberi village of Motogatta" (AP, Niger,
#: March 2021), "the Hunan city of Yueyang" (TR-News), "the Urals town of Pervouralsk"
#: (LGL): the name after "of" is the settlement, the name before it the area it lies in.
_NAMED_OF_GAP = re.compile(r"\s+(?:village|town|city|hamlet|settlement)\s+of\s+")
_NAMED_OF = re.compile(_NAMED_OF_GAP.pattern + r"[A-Z]")
#: A stated distance between two names, before its unit: ", located about 70" (shared with
#: the recogniser, :mod:`mapper.geoparse.cues`).
#: Nouns of a named place a stated distance may follow: "Labarwa village, about 60
#: kilometers"; "in the Amuru district, around 370 km (230 miles) west of the capital Addis
#: Ababa" (Reuters via bdnews24, Oromiya, September 2022); "the Munzambayi locality about 5
#: kilometers from Beni" (AP via CGTN Africa, September 2016).
NOUNS_BEFORE_DISTANCE = (
    "village", "town", "hamlet", "settlement", "district", "locality", "area", "county",
    "township", "commune", "municipality", "department", "sub-district",
)  # fmt: skip
DISTANCE_LEAD = (
    r"(?:\s+(?:" + "|".join(NOUNS_BEFORE_DISTANCE) + r"))?"
    r"\s*,?[”\"’]?\s*(?:(?:located|situated|lying)\s+)?"
    r"(?:about|some|around|approximately|roughly|nearly|almost)?\s*"
    r"(?P<km>\d{1,3}(?:\.\d+)?)\s*(?:-\s*)?"
)
#: The town a distance is measured from, named as a capital: "50 kilometers (30 miles)
#: south of the provincial capital of Nyala" (AP, Darfur, May 2004), "180 miles (290
#: kilometers) north of the capital of Bangui" (AP, May 2013), "560 kilometres northwest of
#: the national capital Yaounde" (AFP via TRT World, January 2021), "about 170 km northeast
#: of the rebel-held capital Sanaa" (Xinhua via Trend, July 2019). The parenthesis is the
#: same distance in the other unit. A town named by its rank in its country the same way:
#: "100 kilometres (60 miles) from Burkina's second city Bobo-Dioulasso" (AFP via Channels
#: TV, Sara, June 2023; a quote may close before the distance), "the city of X".
_CAPITAL_OF = (
    r"(?:(?:[A-Z][a-z]+(?:['’]s)?\s+)?(?:[a-z]+(?:-[a-z]+)?\s+)?(?:capital|city|town)(?:\s+city)?"
    r",?\s+(?:of\s+)?)?"
)
#: ... and after its unit: " north of the".
DISTANCE_TAIL = (
    r"\b\.?(?:\s*\([^()\n]{1,25}\))?\s+"
    r"(?:(?P<dir>north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+)?"
    r"(?:of|from)\s+" + _THE + _CAPITAL_OF
)
_CAPITAL_AFTER = re.compile(r"\s+capital\b", re.I)
#: A country's possessive before the town a distance is measured from ("Burkina's second
#: city Bobo-Dioulasso"): it says whose town, it is no name of the chain.
_RANKED_AFTER = re.compile(r"['’]s\s+(?:[a-z]+(?:-[a-z]+)?\s+)?(?:capital|city|town)\b")
_NEAR_GAP = re.compile(
    DISTANCE_LEAD + r"(?P<unit>km|kilometres|kilometers|miles|mi)" + DISTANCE_TAIL, re.I
)
#: How two adjacent names relate: kind ("in" or "near"), explicit, km, bearing.
Link = tuple[str, bool, float, "float | None"]
#: Bearings of the compass words a stated distance gives ("70 km north of Goma").
_BEARINGS = {
    "north": 0.0, "northeast": 45.0, "east": 90.0, "southeast": 135.0,
    "south": 180.0, "southwest": 225.0, "west": 270.0, "northwest": 315.0,
}  # fmt: skip
# "from Kilwa village near Monguno" (AFP, Nigeria, July 2015), "at Kiri village near
# Kafanchan" (NAN in Vanguard, Nigeria, August 2019): a settlement said to be near a
# town lies within a short drive of it
_CALLED_NEAR = re.compile(r"\s+(?:village|hamlet|town|settlement)\s*,?\s+near\s+(?:the\s+)?", re.I)
_NEAR_TOWN = re.compile(
    r"\s*,?\s+near\s+(?:the\s+)?(?:(?:[a-z]+\s+)?(?:town|city|village)\s+of\s+)?", re.I
)
#: How far a place said to be "near" a town may lie from it, before the margin.
NEAR_KM = 30.0
_WORD_AFTER = re.compile(r"\s+([A-Za-z-]+)")
_LGA = re.compile(r"\s+" + r"\s+".join(LGA_WORDS) + r"\b", re.I)
_NOUN_OF_BEFORE = re.compile(r"\b([A-Za-z-]+)\s+of\s+(?:the\s+)?$", re.I)
#: Words after a name that speak of a division, not its namesake town ("New York Gov.").
_DIVISION_OFFICES = frozenset("gov governor governors legislature attorney".split())
_LIST_GAP = re.compile(r"\s*(?:,|,?\s+and|,?\s+or)\s+")
#: A division's namesake town this close to the division's point is taken as its seat.
SEAT_KM = 100.0
#: Words after a name that say it is a settlement ("Kandahar city", "Garissa town").
SETTLEMENT_WORDS = frozenset("town city village hamlet locality".split())
#: Margin added to a stated distance ("20 km north of Y"): points are approximate.
NEAR_MARGIN_KM = 30.0
_CONTAINER_KINDS = ("admin", "country", "region")
#: A name whose best reading has this prior (a capital, a big city, a country) is
#: never taken for an unknown place inside another.
_KNOWN_PRIOR = 0.7
_US_CONTEXT_RANK = 1
#: Characters between a parenthesis and the names it holds.
_PAREN_REACH = 80


def area_word(text: str, end: int) -> str:
    """Return the lowercase word right after ``text[:end]`` when it is an area noun, else ``""``.

    >>> area_word("in Chimtal district, Balkh", 10), area_word("in Baku today", 7)
    ('district', '')
    """
    if _LGA.match(text, end):
        return "lga"  # "Kaga Local Government Area of Borno State": Nigeria's LGA, spelled out
    word = _next_word(text, end)
    return word if word in AREA_NOUNS else ""


def said_division(text: str, start: int, end: int) -> bool:
    """Tell a name the text calls a division: "Palma district", "the district of Palma".

    >>> said_division("in the neighbouring district of Palma, a couple", 32, 37)
    True
    >>> said_division("in Palma, a couple", 3, 8)
    False
    """
    return _said_as(text, start, end, DIVISION_NOUNS)


def _said_as(text: str, start: int, end: int, nouns: frozenset[str]) -> bool:
    """Tell a name an area noun of ``nouns`` follows ("X district") or leads ("the X of")."""
    return area_word(text, end) in nouns or _noun_of_before(text, start) in nouns


def said_noun(text: str, start: int, end: int) -> str:
    """Return the area noun that follows a name ("X village") or leads it ("the village of X").

    >>> said_noun("stormed the village of Somani, about", 23, 29)
    'village'
    >>> said_noun("in Chimtal district, Balkh", 3, 10), said_noun("in Baku today", 3, 7)
    ('district', '')
    """
    after = area_word(text, end)
    if after:
        return after
    before = _noun_of_before(text, start)
    return before if before in AREA_NOUNS else ""


def _next_word(text: str, end: int, *, possessive: bool = False) -> str:
    if possessive and text[end : end + 2] in ("'s", "’s"):
        end += 2
    m = _WORD_AFTER.match(text, end, min(len(text), end + 30))
    return m.group(1).lower() if m else ""


def _noun_of_before(text: str, start: int) -> str:
    """Return the noun of an "<area noun> of X" ending at ``start`` ("the state of")."""
    m = _NOUN_OF_BEFORE.search(text, max(0, start - 40), start)
    return m.group(1).lower() if m else ""


def _link(text: str, a: Slot, b: Slot) -> Link | None:
    """How the words between mentions ``a`` and ``b`` relate them, if they do.

    ``("in", explicit, 0, None)`` for containment, ``("near", True, km, bearing)``
    for a stated distance (the bearing in degrees when a compass word gives it).
    """
    gap_start, gap_end = a.mention.end, b.mention.start
    if gap_end - gap_start > 80 or text[b.mention.end : b.mention.end + 2] in ("'s", "’s"):
        return None  # "Ganja, Azerbaijan's ministry said": a possessor, not a container
    if _NAMED_OF_GAP.fullmatch(text, gap_start, gap_end) and names_a_settlement(
        text, a.mention.start, a.mention.end
    ):
        return "named", False, 0.0, None  # b lies in a, not a in b
    for pattern, explicit in (
        (_PAREN_GAP, True),
        (_IN_GAP, True),
        (_LIST_IN_GAP, True),
        (_APPOSED_GAP, True),
        (_COMMA_GAP, False),
    ):
        m = pattern.fullmatch(text, gap_start, gap_end)
        if m and pattern is _COMMA_GAP and b.mention.subject:
            # "As fighting raged in the eastern towns of Soledar and Bakhmut, Russia
            # launched two missile waves": the comma ends a clause, the name opens one
            return None
        if m:
            said = (
                explicit
                or bool(m.group(0).strip(" ,").strip())  # an area noun or "(alt)"
                or _in_parentheses(text, gap_start, b.mention.end)
            )
            return "in", said, 0.0, None
    m = _NEAR_GAP.fullmatch(text, gap_start, gap_end)
    if m:
        km = float(m.group("km")) * (1.609 if m.group("unit").lower().startswith("mi") else 1.0)
        bearing = _BEARINGS.get(m.group("dir").lower().replace("-", "")) if m.group("dir") else None
        return "near", True, km + NEAR_MARGIN_KM, bearing
    if _CALLED_NEAR.fullmatch(text, gap_start, gap_end):
        return "near", True, NEAR_KM + NEAR_MARGIN_KM, None
    if _NEAR_TOWN.fullmatch(text, gap_start, gap_end) and (
        said_noun(text, a.mention.start, a.mention.end) in SETTLEMENT_WORDS
    ):
        # the noun leads: "troops were ambushed in the village of Otu, near the town of
        # Mamfe" (Cameroon News Line, November 2017) had gone to Otsu, Japan; "stormed the
        # village of Chragh near the town of Debis" (Xinhua via Global Times, July 2017)
        return "near", True, NEAR_KM + NEAR_MARGIN_KM, None
    return None


def names_a_settlement(text: str, start: int, end: int) -> bool:
    """Tell a name that locates the settlement named after it: "the Tillaberi village of X".

    Without the article the noun is the name's own: "Makera village of Kiyawa
    District" is a village.

    >>> names_a_settlement("an attack on the Tillaberi village of Motogatta", 17, 26)
    True
    >>> names_a_settlement("at Makera village of Kiyawa District", 3, 9)
    False
    """
    return bool(
        _NAMED_OF.match(text, end) and THE_BEFORE.search(text, max(0, start - 40), start)
    )


def _in_parentheses(text: str, start: int, end: int) -> bool:
    """Tell whether ``text[start:end]`` lies inside one open parenthesis after a name.

    "X (Y, Z)" states a chain of containers: inside the parenthesis the
    comma is as explicit as "Y in Z" (a village given as "Sangha (Sangha,
    Koulpelogo)", [acled-dev bfa 2020-05-21]; "Kain-Ouro (Kain, Yatenga)",
    [acled-dev bfa 2020-05-10]; "Mutare (Manicaland, Zimbabwe)"-style wire
    copy).
    """
    opened = text.rfind("(", max(0, start - _PAREN_REACH), start)
    if opened < 0 or ")" in text[opened:end] or "\n" in text[opened:end]:
        return False
    closed = text.find(")", end, end + _PAREN_REACH)
    return closed >= 0 and "(" not in text[end:closed]


def apply_context(
    text: str,
    slots: list[Slot],
    variants: Callable[[str], list[Candidate]] | None = None,
    lookup: Callable[[str], list[Candidate]] | None = None,
) -> None:
    """Apply the stated context to the slots' candidates (see the module docstring).

    ``variants`` gives the other spellings of a name the index does not hold as
    written; they are tried inside an explicitly stated container only.
    ``lookup`` gives a name's candidates (for the seat of "Narok County").
    """
    _us_abbreviations(slots, text)
    # a demonym before "capital" belongs to the distance phrase, not to the chain of names:
    # "the town of Mutasim, some 100 km north of the Iraqi capital Baghdad" (Xinhua,
    # Salahudin, October 2016); so does a country's name used as its adjective: "in Ayorou,
    # 200 km (124 miles) northwest of the Niger capital Niamey" (AFP via Business Standard,
    # March 2020), the country's name standing for its adjective before "capital" as in
    # "Gunmen seize 170 hostages at Radisson hotel in Mali capital" (The Daily Tribune,
    # Bahrain) and "Rebel troops advance on Chad capital" (The Guardian, April 2006)
    chain = [
        x
        for x in slots
        if not (
            (x.mention.adjectival or _country_word(x))
            and _CAPITAL_AFTER.match(text, x.mention.end)
        )
        and not _RANKED_AFTER.match(text, x.mention.end)
    ]
    links = [
        _link(text, chain[i], chain[i + 1]) if not chain[i + 1].mention.adjectival else None
        for i in range(len(chain) - 1)
    ] + [None]
    targets = _list_containers(text, chain, links)
    countries = _among_countries(text, chain)
    for s, among in zip(chain, countries, strict=True):
        if among:  # a list of countries: its ambiguous name is the country too
            s.cands = [c for c in s.cands if c.place.kind == "country"] or s.cands
    listed = _enumerated(text, chain)
    for i in range(len(chain) - 2, -1, -1):  # "X, Y, Z": Y in Z first, then X in Y
        a, link = chain[i], links[i]
        if a.mention.adjectival or link is None or (countries[i] and not link[1]):
            continue  # "Cameroon, Niger, Nigeria": a list, not Niger in Nigeria
        if listed[i] and not link[1] and not _paired(a, chain[i + 1]):
            continue  # "Tengu, Aru, Orde, ... and Kakouli": villages listed, not nested
        if link[0] == "named":
            # "the Donetsk city of Avdiivka": the oblast, not its namesake city
            a.cands = [c for c in a.cands if c.place.kind in _CONTAINER_KINDS] or a.cands
            if links[i + 1] is None:  # "the Borno village of X, 20 km from Y": Y locates X
                _constrain(chain[i + 1], a, "in", False, 0.0, variants=variants, text=text)
            continue
        j = targets[i]
        if chain[j].key == a.key and links[j] is not None:
            # "Boundore (Boundore, Yagha)": the repeated name is the same place
            j, link = j + 1, (links[j][0], link[1] or links[j][1], links[j][2], links[j][3])
        _constrain(a, chain[j], *link, variants=variants, text=text)
    _possessed(text, slots)
    _one_sense_unknown(slots)
    listed = _among_divisions(text, slots)
    for s, among in zip(slots, listed, strict=True):
        _town_or_division(text, s, lookup, keep=s.is_qualifier, listed=among)


_BARE_COMMA = re.compile(r"\s*,\s*")
#: The rest of an enumeration after a name: more names, then "and" or "or" and the last.
_LIST_RUNS_ON = re.compile(rf"(?:\s*,\s*{_LIST_NAME})*\s*,?\s+(?:and|or)\s+[A-Z]")


def _enumerated(text: str, chain: list[Slot]) -> list[bool]:
    """Tell, for each name, whether a bare comma joins it to a list that ends in "and"/"or".

    "The villages attacked in the area of Deleig on Monday night in were Tengu,
    Aru, Orde, Bargi, Baile, Kisma, Romaliya and Kakouli" (Radio Dabanga, Central
    Darfur) lists eight villages: no one of them lies in the next (Tengu had been
    placed in Aru, a territory of DR Congo); "protests were held in Peila, Bilanga
    and Manni" ([acled-dev bfa]) the same. Nested names ("Kani township, Sagaing
    region, Myanmar") end with no "and".
    """
    out = [False] * len(chain)
    for i in range(len(chain) - 1):
        a, b = chain[i], chain[i + 1]
        if _BARE_COMMA.fullmatch(text, a.mention.end, b.mention.start):
            out[i] = bool(_LIST_RUNS_ON.match(text, b.mention.end))
    return out


def _paired(a: Slot, b: Slot) -> bool:
    """Tell a town and its state inside a list of such pairs (a reading of a in b's).

    "Richmond, Virginia, Fort Lauderdale and Orlando, Florida" (TR-News).
    """
    return (
        bool(b.cands)
        and b.cands[0].place.kind in _CONTAINER_KINDS
        and bool(_inside(a.cands, b.cands))
    )


def _country_word(s: Slot) -> bool:
    """Tell a name whose best reading is a country ("Niger" of "the Niger capital")."""
    return bool(s.cands) and s.cands[0].place.kind == "country"


def _possessed(text: str, slots: list[Slot]) -> None:
    """Place a name its container's possessive names inside it: "Dhaka's Mirpur area".

    News names a district by its city's or region's possessive: "Fierce
    clashes have broken out in Tripoli's Abu Sleem district" (Libya Herald, 23
    February 2017), "an air attack on a school in Let Yet Kone village in
    Sagaing's Tabayin township" (AP, June 2023). The possessed name keeps its
    readings inside the possessor; with none there and an area noun after it
    ("Dhaka's Mirpur area", not Mirpur in India), it is an unknown place at the
    possessor. A well-known name stays whatever precedes it.
    """
    for a, b in zip(slots, slots[1:], strict=False):
        if a.mention.adjectival or b.mention.adjectival or not a.cands:
            continue
        if not _POSSESSIVE_GAP.fullmatch(text, a.mention.end, b.mention.start):
            continue
        inside = _inside(b.cands, a.cands)
        if inside:
            b.cands, a.is_qualifier = inside, True
        elif _urban_feature(b.key) and a.cands[a.choice].place.kind == "settlement":
            # many cities have a Tahrir Square: a city's own is where its possessive says
            city = a.cands[a.choice].place
            own = [
                c
                for c in b.cands
                if haversine_km(c.place.lat, c.place.lon, city.lat, city.lon) <= NEAR_KM
            ]
            b.cands, a.is_qualifier = own, True
            if not own:
                b.unknown_in = a
        elif area_word(text, b.mention.end) and not (b.cands and b.cands[0].score >= _KNOWN_PRIOR):
            b.cands, b.unknown_in, a.is_qualifier = [], a, True


#: Last words of a city's own squares and streets: "Baghdad's Tahrir Square".
_URBAN_HEADS = STREET_NOUNS | {"square", "bridge", "market", "roundabout"}


def _urban_feature(key: str) -> bool:
    """Tell a name of a square or street, which its city's possessive places inside it.

    "Security forces have in recent days tried to ... isolate Baghdad's Tahrir Square,
    the main protest encampment" (Reuters, November 2019) and "at Khilani Square, near
    Baghdad's Tahrir Square" (UPI via The New Mail, January 2020) had gone to Cairo's.
    """
    return key.rsplit(" ", 1)[-1] in _URBAN_HEADS


def _list_containers(text: str, slots: list[Slot], links: list[Link | None]) -> list[int]:
    """Give each name of a list the container its plural area noun states (in place).

    "Nyaung Kone and Kyarsi villages in Pale township" (AP, Sagaing, June
    2023) and "Makera, Akuzo and Usu villages of Kiyawa District" (Nigerian
    Monitor, January 2013) put every listed village in the container, not only
    the last. Returns, per slot, the index of the slot its link points to; a
    name with no link of its own, joined to the next by a comma, "and" or
    "or", takes the next one's link when that link is a plural area noun's.
    """
    targets = [i + 1 for i in range(len(slots))]
    for run in _runs(text, slots):
        # "the villages of Cabia, Wanbila, and Loudji in the Tillaberi region" (AP, Niger,
        # March 2021): the plural noun before the list makes its commas separators
        last = run[-1]
        if len(run) > 1 and _noun_of_before(text, slots[run[0]].mention.start) in _PLURALS:
            for k in run[:-1]:
                links[k], targets[k] = links[last], targets[last]
    for i in range(len(slots) - 2, -1, -1):
        if links[i] is not None or links[i + 1] is None or slots[i].mention.adjectival:
            continue
        nxt = slots[i + 1]
        gap = (slots[i].mention.end, nxt.mention.start)
        plural = _LIST_IN_GAP.fullmatch(text, nxt.mention.end, slots[targets[i + 1]].mention.start)
        if (plural or targets[i + 1] != i + 2) and _LIST_JOIN_GAP.fullmatch(text, *gap):
            links[i], targets[i] = links[i + 1], targets[i + 1]
    return targets


def _among_divisions(text: str, slots: list[Slot]) -> list[bool]:
    """Tell, per slot, whether it is listed only with names that are first-level divisions.

    "people from Missouri, New York, North Carolina and Virginia" (LGL),
    "ranking behind Texas and Oklahoma" (TR-News): an enumeration names
    things of one kind, so "New York" there is the state; "stops in
    Washington, New York and Boston" (GWN) names cities.
    """
    out = _listed_only_with(text, slots, lambda s: bool(s.cands) and is_adm1(s.cands[0].place))
    for run in _runs(text, slots):
        # "its neighboring provinces of Pattani and Yala" (Khaosod English, July 2015):
        # the plural noun calls every name of the list a division
        plural = _noun_of_before(text, slots[run.start].mention.start)
        if plural.endswith("s") and plural in DIVISION_NOUNS:
            for k in run:
                out[k] = True
    return out


def _among_countries(text: str, slots: list[Slot]) -> list[bool]:
    """Tell, per slot, whether it is listed only with names that are countries.

    "in the lake bordering Cameroon, Niger, Nigeria and Chad" (APA, Tetewa,
    March 2019) and "military units from Benin, Cameroon, Chad, Niger, and
    Nigeria" (New Telegraph, October 2023) name five countries: "Niger,
    Nigeria" is no Niger State in Nigeria there.
    """
    listed = _listed_only_with(
        text, slots, lambda s: bool(s.cands) and s.cands[0].place.kind == "country"
    )
    # of three names at least, and only a name that can be a country: "Balad, Somalia"
    # and "Niger, Nigeria" alone are a town and a state in their country
    long = {k for run in _runs(text, slots) if len(run) >= 3 for k in run}
    return [
        among and k in long and any(c.place.kind == "country" for c in slots[k].cands)
        for k, among in enumerate(listed)
    ]


def _runs(text: str, slots: list[Slot]) -> list[range]:
    """Return the maximal runs of slots joined by commas and "and"/"or", as index ranges."""
    out, first = [], 0
    for k in range(1, len(slots) + 1):
        if k < len(slots) and _LIST_GAP.fullmatch(
            text, slots[k - 1].mention.end, slots[k].mention.start
        ):
            continue
        out.append(range(first, k))
        first = k
    return out


def _listed_only_with(
    text: str, slots: list[Slot], kind_of: Callable[[Slot], bool]
) -> list[bool]:
    """Tell, per slot, whether every other name of its list (of two or more) is ``kind_of``."""
    out = [False] * len(slots)
    for run in _runs(text, slots):
        total = sum(kind_of(slots[k]) for k in run)
        for k in run:
            others = len(run) - 1
            out[k] = others > 0 and total - kind_of(slots[k]) == others
    return out


def _one_sense_unknown(slots: list[Slot]) -> None:
    """Place every mention of a name at the stated context one of them was placed at.

    "Pale township (Yinmarbin district, ...) ... the Pale PDF" ([acled-dev mmr
    2021-11-15]): the second Pale is not the Bosnian town. Readings in the
    context's country stay (a misread context must not spread), unless the
    context is a first-level division they lie outside: "Nyaung Kone and
    Kyarsi villages in Pale township in Sagaing region ... Nyaung Kone
    village's Buddhist monastery" (AP, June 2023) is no namesake 800 km south
    in Ayeyarwady.
    """
    placed = {s.key: s.unknown_in for s in slots if s.unknown_in is not None}
    for s in slots:
        area = placed.get(s.key)
        if (
            area is not None
            and s.unknown_in is None
            and area is not s
            and area.cands
            and not s.is_qualifier
            and not s.mention.adjectival
            and all(_outside(area.cands[0].place, c.place) for c in s.cands)
        ):
            s.cands, s.unknown_in = [], area


def _outside(area: Place, place: Place) -> bool:
    """Tell a reading that contradicts a stated context: abroad, or outside its province.

    Only a namesake abroad gives way to a country ("Sichuan" stays the province).
    """
    if place.country_code != area.country_code:
        return True
    return is_adm1(area) and place.key != area.key and not could_contain(area, place)


def _constrain(
    a: Slot,
    b: Slot,
    kind: str,
    explicit: bool,
    km: float,
    bearing: float | None = None,
    *,
    variants: Callable[[str], list[Candidate]] | None = None,
    text: str = "",
) -> None:
    """Restrict ``a`` to places in (or near) ``b``; failing that, place ``a`` at ``b``."""
    stated = b
    if not b.cands and b.unknown_in is not None:
        b = b.unknown_in  # "Mu Htaw village (Kani township, ...)"
    if b.mention.adjectival or not b.cands:
        return
    if kind == "near":
        # the town a distance is measured from only locates the name before it: "Wadi
        # district in southeastern Marib, about 170 km northeast of the rebel-held capital
        # Sanaa" (Xinhua via Trend, July 2019) happened in Marib, not in Sanaa
        stated.measured_from = True
        inside = [
            c
            for c in a.cands
            if any(
                haversine_km(c.place.lat, c.place.lon, q.place.lat, q.place.lon) <= km
                for q in b.cands[:5]
            )
        ]
        if inside:
            a.cands = inside
        elif a.mention.label != "DEMONYM":
            # "near Kobé, approximately 30 kilometers from Gao" (African Now on an
            # ambush in Mali, February 2025): Kobe in Japan contradicts the stated
            # distance; the village is unknown, and sits at the town it is measured from,
            # or that far in the stated direction ("the town of Kishishe about 70
            # kilometres north of Goma", AFP via Daily Monitor, November 2022; "the town of
            # Nyanzale, located approximately 70 kilometers north of Goma", AFP, 2024)
            a.cands, a.unknown_in = [], b
            if bearing is not None:
                a.offset = (km - NEAR_MARGIN_KM, bearing)
        return
    inside = _inside(a.cands, b.cands)
    if not inside and explicit and variants is not None:
        inside = _inside(variants(a.mention.text), b.cands)  # "Saydabad" for Sayyidabad
    if inside:
        a.cands = inside
        b.cands = _container_reading(
            text, b, [q for q in b.cands if any(could_contain(q.place, c.place) for c in inside)]
        )
        b.is_qualifier = True
        a.qualifier_places = [q.place for q in b.cands[:5]]
        return
    seats = _seats(text, b)
    own = a.cands or (variants(a.mention.text) if explicit and variants and seats else [])
    near = [c for c in own if any(_near_seat(c, q) for q in seats)]
    if near:  # "Mawlamyinegyun town (..., Labutta district, ...)": a place near the seat
        a.cands = near
        b.cands = [q for q in b.cands if any(_near_seat(c, q.place) for c in near)] or b.cands
        b.is_qualifier = True
        return
    listed = _in_parentheses(text, a.mention.end, stated.mention.end)
    areas = _container_reading(text, b, b.cands, strict=True, listed=listed)
    if not areas and (b.qualifier_places or not a.cands):
        # a seat stands for its division only when the text locates it ("Bhamo district,
        # Kachin State") or nothing else places the name
        areas = [q for q in b.cands if q.place.kind == "settlement" and q.place in seats]
    if not any(q.place.kind in _CONTAINER_KINDS for q in areas) and not explicit:
        return
    if b.cands[0].place.kind == "country" and all(c.place.kind != "country" for c in a.cands):
        explicit = True  # "Balad, Somalia": a town followed by a country lies in it
    if a.cands and a.cands[0].score >= _KNOWN_PRIOR and not _abroad(text, a, areas, explicit):
        return  # "the Nairobi area of Moi": a well-known place is not unknown anywhere
    # a spelling guess ("Novomykhailivka" read as a Novomikhaylovka in the Altai) that lies
    # outside the stated container is no reading of the name: the container places it
    # (issue 11: "a namesake that contradicts the stated context is never chosen"; the
    # hidden set put villages stated to be in Donetsk or Luhansk 400-1,000 km away)
    guessed = bool(a.cands) and all(fold(c.matched) != fold(a.mention.text) for c in a.cands)
    if (explicit or not a.cands or guessed) and areas and a.mention.label != "DEMONYM":
        # an unknown place in known context: never a namesake that contradicts it
        a.cands, a.unknown_in = [], b
        b.cands, b.is_qualifier = areas, True
        stated.is_qualifier = True  # "Tounte (Koutougou, Soum)": Koutougou only locates Tounte


def _container_reading(
    text: str, b: Slot, cands: list[Candidate], *, strict: bool = False, listed: bool = False
) -> list[Candidate]:
    """Keep a stated container's readings the text words ("Kandahar city"), else its areas.

    "Marinka, Donetsk" is the oblast; "an area of Kandahar city" the city.
    ``listed``: the container is in a parenthesised list after the name, which
    names divisions ("Tounte (Koutougou, Soum)", [acled-dev bfa 2020-08-09];
    "(Kani township, Yinmarbin district, Sagaing region)", [acled-dev mmr
    2021-07-24]): its area readings stand even when a town abroad ranks first.
    """
    word = area_word(text, b.mention.end)
    if word in SETTLEMENT_WORDS:
        wanted: tuple[str, ...] = ("settlement",)
    elif word in DIVISION_NOUNS:
        wanted = ("admin",)
    else:
        wanted = _CONTAINER_KINDS
    found = [q for q in cands if q.place.kind in wanted]
    if not word and not listed and found and cands and _foreign_areas(found, cands[0]):
        return cands  # "Lake Opechee in Laconia": the town, not a Greek prefecture
    if found or (strict and word):
        return found  # strict: "Labutta district" known only as a town is no container
    return cands


def _foreign_areas(areas: list[Candidate], best: Candidate) -> bool:
    """Tell whether every area reading lies in another country than the best-ranked town.

    A name the gazetteer ranks first as a town keeps that reading as a
    container unless a word says "district": "along the shore of Lake Opechee
    in Laconia" (LGL, New Hampshire) is not the Greek prefecture.
    """
    return best.place.kind == "settlement" and all(
        q.place.country_code != best.place.country_code for q in areas
    )


def _seats(text: str, b: Slot) -> list[Place]:
    """Towns that stand for a stated division the index knows only by its namesake town.

    "Mansi township (Bhamo district, Kachin State)" ([acled-dev mmr
    2021-05-18]), "Jampur union, Sonargaon upazila" ([acled-dev bgd
    2024-01-25]): the district or upazila is named after its seat town,
    where ACLED codes it. A known place near a seat lies in the division
    ("Mawlamyinegyun town (..., Labutta district, ...)"); a place unknown
    inside it sits at that town.
    """
    if area_word(text, b.mention.end) not in DIVISION_NOUNS or any(
        q.place.kind == "admin" for q in b.cands
    ):
        return []
    return [q.place for q in b.cands if q.place.kind == "settlement"]


def _near_seat(c: Candidate, seat: Place) -> bool:
    return haversine_km(c.place.lat, c.place.lon, seat.lat, seat.lon) <= ADM2_KM


def _abroad(text: str, a: Slot, areas: list[Candidate], explicit: bool) -> bool:
    """Tell whether ``a``, said to be a division or a village of a stated container, lies abroad.

    "Kani township, Yinmarbin district" ([acled-dev mmr 2021-07-24]) and
    "Pale township (Yinmarbin district, Sagaing region)" ([acled-dev mmr
    2021-11-15]): a well-known Kani (Japan) or Pale (Bosnia) in another
    country than every reading of the container contradicts the stated
    context. Without the area noun ("the Nairobi area of Moi") the
    well-known place stands. The noun may come first: "the village of Manila,
    in Mocimboa da Praia district, in the northern province of Cabo Delgado"
    (AIM via allAfrica, January 2019) is no capital of the Philippines.
    """
    said = DIVISION_NOUNS | SETTLEMENT_WORDS
    if not explicit or not _said_as(text, a.mention.start, a.mention.end, said):
        return False
    countries = {q.place.country_code for q in areas}
    return bool(countries) and all(c.place.country_code not in countries for c in a.cands)


def _inside(cands: list[Candidate], container: list[Candidate]) -> list[Candidate]:
    return [c for c in cands if any(could_contain(q.place, c.place) for q in container)]


def _town_or_division(
    text: str,
    s: Slot,
    lookup: Callable[[str], list[Candidate]] | None = None,
    *,
    keep: bool = False,
    listed: bool = False,
) -> None:
    """Choose between a town and its namesake division: the town, unless the text says so.

    The text says so with an area noun after the name ("New York state",
    "Kandahar province") or before it with "of" ("the central Mexican state
    of Guanajuato", news-dev 09; "the north-central Mexican state of
    Zacatecas", AP in the National Post, 16 July 2018), a word of the
    division's government after the name ("New York Gov. Mario Cuomo",
    TR-News; "New York's attorney general", LGL), or by listing the name
    among divisions (``listed``, :func:`_among_divisions`).
    A division kept has its namesake town as its seat (where ACLED puts it);
    ``keep`` (a stated container) only records seats.
    """
    words = s.key.rsplit(" ", 1)
    named = len(words) == 2 and words[1] in DIVISION_NOUNS  # "Narok County"
    after = _next_word(text, s.mention.end, possessive=True)
    if _LGA.match(text, s.mention.end):
        after = "lga"  # spelled out, as area_word reads it
    before = _noun_of_before(text, s.mention.start)
    said = (
        named
        or listed
        or after in DIVISION_NOUNS
        or after in _DIVISION_OFFICES
        or before in DIVISION_NOUNS
    )
    towns = [c for c in s.cands if c.place.kind == "settlement"]
    if named and lookup is not None:
        towns += [c for c in lookup(words[0]) if c.place.kind == "settlement"]
    divisions = [c for c in s.cands if c.place.kind == "admin"]
    drop: set[str] = set()
    for d in divisions:
        # the written name is the division's own when the text says division: "in the
        # Kharkiv region" (Reuters via Maxgax, June 2022; "the Kharkiv region", Devdiscourse,
        # June 2022) names Kharkivska oblast, whose other names include "Kharkiv"
        name = words[0] if named else (fold(d.matched) if said and is_adm1(d.place) else None)
        twins = [t for t in towns if _namesakes(d.place, t.place, name)]
        if not (said or keep):
            twins += [t for t in towns if _one_written_name(d, t, s.key)]
        if not twins:
            continue
        if said or keep:
            drop.update(t.place.key for t in twins)
            seat = twins[0].place  # ACLED codes a district or county at its seat
            if haversine_km(d.place.lat, d.place.lon, seat.lat, seat.lon) <= SEAT_KM:
                s.seats[d.place.key] = seat
        else:
            drop.add(d.place.key)
    renamed = [d for d in divisions if is_adm1(d.place) and fold(d.matched) != fold(d.place.name)]
    if drop and said and not keep and any(d.place.key not in drop for d in renamed):
        # a province the text names by its town's name keeps no town of that name elsewhere
        # either: "the Donetsk region" is no Donetsk in Russia's Rostov oblast
        drop.update(c.place.key for c in towns if fold(c.matched) == s.key)
    if drop and not keep:
        s.cands = [c for c in s.cands if c.place.key not in drop]


def _one_written_name(division: Candidate, town: Candidate, key: str) -> bool:
    """Tell a division and a town in it that the mention names by the same other name.

    GeoNames gives a division the name of its chief town among its other
    names ("Grodno" of Hrodna and of Hrodna Oblast); where the gazetteer ranks
    the town first for that name (not "Minnesota", also an old name of
    Minneota), a text that writes it means the town as much as when the main
    names agree (Grodno named as a city of western Belarus, [news-dev 06];
    "Police stopped the protest in Mogilev", survincity.com, 2012: Mahilyow,
    not its oblast).
    Only first-level divisions: a county shares its name with many towns.
    """
    return (
        is_adm1(division.place)
        and fold(division.matched) == key == fold(town.matched)
        and town.score >= division.score
        and _namesakes(division.place, town.place, fold(town.place.name))
    )


def _namesakes(division: Place, town: Place, name: str | None = None) -> bool:
    """Tell whether a division and a town share their name and ground ("Garissa", "Lamu").

    The two names are spellings of one name, and the town lies in the division
    (or near its point), or is the country's capital ("Washington": the city,
    not the state).
    """
    if division.country_code != town.country_code:
        return False
    a, b = name or fold(division.name), fold(town.name)
    if a != b and variant_key(a) != variant_key(b):  # "Kishoreganj" / "Kishorganj"
        return False
    if town.feature_code == "PPLC" and is_adm1(division):
        return True
    km = haversine_km(division.lat, division.lon, town.lat, town.lon)
    if is_adm1(division):
        return division.admin1_code == town.admin1_code or km <= SEAT_KM
    return km <= ADM2_KM


def _is_state_abbreviation(c: Candidate) -> bool:
    p = c.place
    return (
        p.country_code == "US"
        and is_adm1(p)
        and len(c.matched) <= 6
        and fold(c.matched) != fold(p.name)
    )


def _us_abbreviations(slots: Sequence[Slot], text: str = "") -> None:
    """Drop US states read from abbreviations ("Al", "Ga.") in texts with no US place.

    A US place is another name whose best reading is in the US, or the town the
    abbreviation qualifies ("Athens, Ga.": an Athens lies in Georgia).
    """
    us = any(
        s.cands
        and any(
            c.place.country_code == "US" and not _is_state_abbreviation(c)
            for c in s.cands[:_US_CONTEXT_RANK]
        )
        for s in slots
    )
    if us:
        return
    for i, s in enumerate(slots):
        before = slots[i - 1] if i > 0 else None
        kept = [
            c
            for c in s.cands
            if not _is_state_abbreviation(c) or _qualifies(text, before, s, c.place)
        ]
        if len(kept) != len(s.cands):
            s.cands = kept


def _qualifies(text: str, before: Slot | None, s: Slot, state: Place) -> bool:
    """Tell whether ``s`` follows "X, " with an X in ``state`` ("Troy, N.C.")."""
    if before is None or not _COMMA_GAP.fullmatch(text, before.mention.end, s.mention.start):
        return False
    return any(c.place.admin1_code == state.admin1_code for c in before.cands)
