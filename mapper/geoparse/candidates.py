"""Candidate places of a mention: spelling variants, containment, dateline readings."""

from __future__ import annotations

import difflib
import functools
import re
from typing import TYPE_CHECKING

from mapper.gazetteer import fold, haversine_km
from mapper.geoparse.lexicon import ARTICLE_RE, HEAD_SPLIT, VARIANT_MIN_CHARS, VARIANT_RATIO

if TYPE_CHECKING:  # pragma: no cover
    from mapper.gazetteer import Candidate, Gazetteer, Place

__all__ = [
    "could_contain",
    "contains",
    "dateline_cands",
    "haversine_km",
    "division_variant_cands",
    "is_adm1",
    "name_heads",
    "one_vowel_apart",
    "same_spelling",
    "spelling_guess",
    "variant_cands",
]

#: A dateline's settlement reading wins when its prior is within this of the best.
DATELINE_MARGIN = 0.2
# Mentions whose unknown spelling may be looked up as a variant of a known name.
VARIANT_LABELS = frozenset({"GPE", "LOC", "DATELINE", "CUE"})
VARIANT_CANDS = 10
_VOWELS = frozenset("aeiou")


@functools.lru_cache(maxsize=4)
def name_heads(gaz: Gazetteer) -> frozenset[str]:
    """First words of every multi-word gazetteer key: a cheap filter before longer lookups."""
    heads = set()
    for key in gaz.key_scores():
        m = HEAD_SPLIT.search(key)
        if m:
            heads.add(key[: m.start()])
    return frozenset(heads)


@functools.lru_cache(maxsize=65536)
def same_spelling(key: str, name_key: str) -> bool:
    """Tell whether a folded mention spells a folded place name, up to transliteration.

    >>> same_spelling("avdiivka", "avdiyivka"), same_spelling("but", "buta")
    (True, False)
    >>> same_spelling("hasakah", "al hasakah")
    True
    """
    if key == name_key or name_key.startswith(key + " "):
        return True
    # GeoNames marks ʿayn and hamza with apostrophes news leaves out ("Al Qā’im":
    # "near the city of Al-Qaim in Iraq", Jerusalem Post, 29 Dec 2019; "near the
    # western Qaim district", Reuters, 30 Dec 2019), and an Arabic article one spelling
    # writes and the other drops: "Hasakah", "Al Hasakah"
    key, name_key = _unmarked(key), _unmarked(name_key)
    if key == name_key:
        return True
    # Somali writes long vowels and geminates double, English copy single, and hears the
    # vowels its own way: "near the city of Buloburde" (Wikipedia, 2016 timeline of the War
    # in Somalia) is GeoNames' Buulobarde, "Bardhere" (Goobjoog News, Gedo) its Baardheere
    single, name_single = _DOUBLED.sub(r"\1", key), _DOUBLED.sub(r"\1", name_key)
    doubled = (single, name_single) != (key, name_key)
    if doubled and len(single) >= VARIANT_MIN_CHARS and (
        single == name_single or one_vowel_apart(single, name_single)
    ):
        return True
    if (
        len(key) < VARIANT_MIN_CHARS
        or key[:1] != name_key[:1]
        or abs(len(key) - len(name_key)) > 1  # "Border" is not "Borderes"
    ):
        return False
    # "Al-Balah" / "Al Balah"; "Kupiansk" / "Kupyansk": i and y stand for one sound
    a, b = (k.replace("-", " ").replace("y", "i") for k in (key, name_key))
    if a.count(" ") != b.count(" "):
        return False  # "Northeast" is not "North East"
    return difflib.SequenceMatcher(None, a, b).ratio() >= VARIANT_RATIO


#: A letter written twice in a row.
_DOUBLED = re.compile(r"(\w)\1+")


def spelling_guess(key: str, matched: str) -> bool:
    """Tell whether a folded mention reached a place only through another spelling.

    The mention's own name, its head ("Kandahar" for "Kandahar Province") and
    the same name with or without an Arabic article or apostrophes are no
    guess; "Inata" read as Inada is.

    >>> spelling_guess("inata", "inada"), spelling_guess("hasakah", "al hasakah")
    (True, False)
    """
    if key == matched or matched.startswith(key + " "):
        return False
    return _unmarked(key) != _unmarked(matched)


def _unmarked(key: str) -> str:
    """Return a folded name without apostrophes or Arabic articles ("al hasakah": "hasakah")."""
    return ARTICLE_RE.sub("", key.replace("'", ""))


def one_vowel_apart(a: str, b: str) -> bool:
    """Tell whether two spellings differ in one vowel only: a transliteration's choice.

    Scripts that write short vowels loosely (Arabic, Pashto, Dari, Persian)
    reach English with the vowel each writer hears: ACLED writes "Urozgan" and
    "Nimruz" ([acled-dev afg 2020-03-17], [acled-dev afg 2020-03-04]), GeoNames
    "Uruzgan" and "Nimroz"; wire copy has "Hilmand" beside "Helmand". One
    vowel for another in a name of six letters or more, all consonants in
    place, is the same name.

    >>> one_vowel_apart("urozgan", "uruzgan"), one_vowel_apart("hilmand", "helmand")
    (True, True)
    >>> one_vowel_apart("kabul", "kabal"), one_vowel_apart("nimruz", "nimrod")
    (False, False)
    """
    if len(a) != len(b) or len(a) < VARIANT_MIN_CHARS:
        return False
    diff = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    return len(diff) == 1 and diff[0][0] in _VOWELS and diff[0][1] in _VOWELS


def variant_cands(gaz: Gazetteer, name: str) -> list[Candidate]:
    """Candidates of another spelling of ``name`` ("Deir al-Balah" for Dayr al Balah).

    Only for names that something else already marks as places (a dateline,
    the NER's GPE or LOC), and only spellings :func:`same_spelling` accepts:
    the gazetteer's variant fallback alone guesses a place for many a surname.
    """
    key = fold(name)
    return [
        c
        for c in gaz.candidates(name, limit=VARIANT_CANDS, variants=True)
        if same_spelling(key, fold(c.matched))
    ]


def division_variant_cands(gaz: Gazetteer, name: str) -> list[Candidate]:
    """First-level divisions and countries that ``name`` spells another way.

    For a name in a container's slot ("X district, Y"), where only a division
    can stand: besides :func:`same_spelling`, one vowel for another
    (:func:`one_vowel_apart`) is the same name. Elsewhere that rule would make
    "Buhari" the Uzbek city (GeoNames also writes Bukhara "Buhara").

    >>> from mapper.gazetteer import load_gazetteer
    >>> [c.place.name for c in division_variant_cands(load_gazetteer(), "Urozgan")]
    ['Uruzgān']
    """
    key = fold(name)
    return [
        c
        for c in gaz.candidates(name, limit=VARIANT_CANDS, variants=True)
        if c.place.kind in ("admin", "country")
        and (same_spelling(key, fold(c.matched)) or one_vowel_apart(key, fold(c.matched)))
    ]


def dateline_cands(cands: list[Candidate]) -> list[Candidate]:
    """Keep only a dateline place's settlements, when one is a likely reading.

    A settlement qualifies when its prior is within :data:`DATELINE_MARGIN`
    of the best candidate's, so "KHARTOUM" drops the state of that name but
    "MEXICO" keeps the country over a small town of the same name.
    """
    if not cands:
        return cands
    towns = [c for c in cands if c.place.kind == "settlement"]
    if towns and towns[0].score >= cands[0].score - DATELINE_MARGIN:
        return towns
    return cands


def is_adm1(place: Place) -> bool:
    """Tell whether ``place`` is a first-level division."""
    return (place.feature_code or "").startswith("ADM1")


def contains(container: Place, place: Place) -> bool:
    """Tell whether ``place`` lies inside ``container`` (a country or first-level division)."""
    if container.key == place.key:
        return False
    if container.kind == "country":
        return place.country_code is not None and place.country_code == container.country_code
    if container.admin1_code and is_adm1(container):
        return place.admin1_code == container.admin1_code
    return False


#: Largest distance from a second-level division's point to a place inside it
#: (GeoNames' ADM2 are districts, rayons, counties: a few tens of km across).
ADM2_KM = 75.0
#: "X, Y" with Y a town: X lies near Y (a village and its market town).
NEAR_TOWN_KM = 40.0
#: A curated region or feature as the stated context: X within this of its point.
REGION_KM = 250.0


def could_contain(container: Place, place: Place) -> bool:
    """Tell whether ``place`` may lie in (or, for a town, by) the stated context ``container``.

    A country or first-level division by its codes; a second-level division
    by country, first-level code and distance (:data:`ADM2_KM`); a town by
    distance (:data:`NEAR_TOWN_KM`); a region or feature by distance
    (:data:`REGION_KM`).

    Examples
    --------
    >>> from mapper.gazetteer import Place
    >>> oblast = Place("a", "Donetsk", 48.0, 37.8, "admin", "UA", None, "Donetsk", "UA.05",
    ...                feature_code="ADM1")
    >>> town = Place("b", "Marinka", 47.94, 37.5, "settlement", "UA", None, None, "UA.05")
    >>> could_contain(oblast, town), could_contain(town, oblast)
    (True, False)
    """
    if container.key == place.key or container.kind in ("line", "other"):
        return False
    if container.kind == "country":
        return place.country_code is not None and place.country_code == container.country_code
    if place.kind == "country" or (is_adm1(place) and not is_adm1(container)):
        return False
    if is_adm1(container):
        return bool(container.admin1_code) and place.admin1_code == container.admin1_code
    if (
        container.country_code
        and place.country_code
        and container.country_code != place.country_code
    ):
        return False
    km = haversine_km(container.lat, container.lon, place.lat, place.lon)
    if container.kind == "admin":
        same_adm1 = not (container.admin1_code and place.admin1_code) or (
            container.admin1_code == place.admin1_code
        )
        return same_adm1 and km <= ADM2_KM
    if container.kind == "settlement":
        return place.kind == "settlement" and km <= NEAR_TOWN_KM
    return km <= REGION_KM
