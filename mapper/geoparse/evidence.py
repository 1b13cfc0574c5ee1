"""Evidence that a name is used as a place: prominence, own names, cues, demonyms."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from mapper.gazetteer import fold
from mapper.geoparse.candidates import same_spelling
from mapper.geoparse.lexicon import (
    ASSAULT_NOUNS,
    DISTANCE_UNITS,
    INSTITUTION_OF,
    LANGUAGE_FIRST,
    NEAR_WORDS,
    OWN_CANDS,
    PLACE_NOUNS,
    PROMINENT_SCORE,
    STOP_NAMES,
    STRONG_POP,
)

if TYPE_CHECKING:  # pragma: no cover
    from mapper.gazetteer import Candidate, Gazetteer, Place

__all__ = [
    "demonym_place",
    "is_country_or_admin1",
    "is_strong",
    "max_pop",
    "own_names",
    "place_cue",
    "prominent",
]


def is_strong(cands: Sequence[Candidate], seg: str) -> bool:
    """Tell whether the best reading of ``seg`` is a place named without context.

    Countries, continents and curated regions, first-level divisions under
    their own name or abbreviation ("Ohio", "W.Va."), and cities of at least
    :data:`STRONG_POP` people under their own name.
    """
    if not cands:
        return False
    own = seg.casefold()
    for c in cands[:3]:
        p = c.place
        fcode = p.feature_code or ""
        if p.source == "theatre" and c is cands[0]:
            return True  # curated overlay names are there because reports use them
        if (
            p.kind == "country"
            or fcode in ("CONT", "OCN", "SEA")
            or (p.kind in ("region", "line") and p.source != "geonames")
        ):
            return c is cands[0] or c.score >= cands[0].score - 0.1
        same = p.name.casefold() == own
        if fcode.startswith("ADM1") and (same or ("." in seg and len(seg) <= 8)):
            return True
        if p.kind == "settlement" and p.population >= STRONG_POP and same:
            return True
    return False


def is_country_or_admin1(cands: Sequence[Candidate]) -> bool:
    """Tell whether the best reading is a country, continent or first-level division."""
    p = cands[0].place
    return p.kind == "country" or (p.feature_code or "").startswith(("ADM1", "CONT"))


def prominent(cands: Sequence[Candidate], seg: str) -> bool:
    """Tell whether the gazetteer's best reading is a well-known place of this very name."""
    best = cands[0]
    if best.score < PROMINENT_SCORE:
        return False
    # curated overlay names are deliberate aliases ("Karabakh" for Nagorno-Karabakh)
    return best.place.source != "geonames" or best.place.name.casefold() == seg.casefold()


def max_pop(cands: Sequence[Candidate]) -> int:
    """Return the largest population among the first candidates."""
    return max((c.place.population for c in cands[:10]), default=0)


def own_names(
    seg: str, key: str, cands: Sequence[Candidate], *, abbreviated: bool = False
) -> list[Candidate]:
    """Return the candidates that ``seg`` names by their own name (or a spelling of it).

    ``abbreviated``: a full stop follows inside a sentence ("Phila. officer"),
    so a name that starts with ``seg`` counts too.
    """
    if "." in seg:  # "Ga.", "St. Louis": abbreviations stand for the name itself
        return list(cands[:OWN_CANDS])
    return [
        c
        for c in cands[:OWN_CANDS]
        if same_spelling(key, nk := fold(c.place.name))
        or (abbreviated and len(key) >= 3 and nk.startswith(key))
    ]


#: Words before "capital" when the name after it is that capital.
_CAPITAL_BEFORE = frozenset(
    "the provincial regional state national district county departmental administrative".split()
)


def place_cue(lower: Sequence[str], i: int, *, institutions: bool = False) -> bool:
    """Tell whether the words before token ``i`` announce a place.

    "the town of X", "the northern city of X", "west of X", "near X", "outside
    X", "outside of X", "two kilometers from X"; with ``institutions``, also
    "the University of X", "the mayor of X"
    (:data:`~mapper.geoparse.lexicon.INSTITUTION_OF`).

    >>> place_cue("the provincial capital of djibo".split(), 4)
    True
    >>> place_cue("located two kilometers from aribinda".split(), 4)
    True
    >>> place_cue("from the regional capital , goma".split(), 5)
    True
    >>> words = "the university of dori".split()
    >>> place_cue(words, 3), place_cue(words, 3, institutions=True)
    (False, True)
    """
    if i < 1:
        return False
    prev = lower[i - 1]
    if prev in NEAR_WORDS:
        return True
    if prev == "from" and i >= 2 and lower[i - 2] in DISTANCE_UNITS:
        return True
    # a capital in apposition: "the provincial capital Goma" (AFP, October 2022), "from
    # the regional capital, Goma" (AP, December 2022)
    k = i - 2 if prev == "," else i - 1
    if k >= 1 and lower[k] == "capital" and lower[k - 1] in _CAPITAL_BEFORE:
        return True
    if prev != "of" or i < 2:
        return False
    return (
        lower[i - 2] in PLACE_NOUNS
        or lower[i - 2] in ASSAULT_NOUNS
        or (institutions and lower[i - 2] in INSTITUTION_OF)
    )


def demonym_place(gaz: Gazetteer, word: str, *, listed_only: bool = False) -> Place | None:
    """Return the country (or region) of a singular demonym, else None.

    None for plurals ("Russians", a people the corpora mostly do not annotate)
    and non-demonyms. A demonym derived by suffix rules ("Manni" from Mann) is
    no demonym when the word is itself a place's name; ``listed_only`` keeps
    only the demonyms the index lists ("Azeri", "Russian").
    """
    if len(word) < 3 or not word[:1].isupper() or word.casefold() in LANGUAGE_FIRST:
        return None
    if word.endswith("s") and not word.endswith("ss"):
        if gaz.demonym(word[:-1]) is not None:
            return None
    listed = gaz.demonym(word, derived=False)
    if listed is not None or listed_only:
        return listed
    if gaz.has(fold(word)) or fold(word) in STOP_NAMES:
        # a place of that very name: "Manni" is a town, not "of Mann"; nor is a common
        # word derived by the suffix rules: "Easter" ("the solemn Easter Vigil", AP; "Ahead
        # of Easter Sunday", Rappler, both GWN) had been a people of Cameroon's East region
        return None
    return gaz.demonym(word)
