"""Named armed groups, parties and agencies, as the gazetteer lists them.

The gazetteer keeps a curated list of group names that news names and that
are not places (``static/organisations.csv``); the incident stage asks it
whether a name is one, to tell "al-Shabaab fighters" (a named armed group)
from "Somali fighters".

Examples
--------
>>> group_name("Taliban")
'Taliban'
>>> group_name("Stepanakert") is None
True
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import Any

__all__ = ["country_name", "group_name", "name_runs", "nationals", "state_body"]

logger = logging.getLogger(__name__)


@functools.lru_cache(maxsize=1)
def _gazetteer() -> Any:
    try:
        from mapper.gazetteer import load_gazetteer

        return load_gazetteer()
    except Exception as err:  # noqa: BLE001 - without the list, groups are unnamed
        logger.info("no organisation names: %s", err)
        return None


def _ask(text: str, question: Callable[[Any], Any]) -> Any:
    """Put ``question`` to the gazetteer about a name; None when it cannot answer."""
    gaz = _gazetteer()
    if gaz is None or not text or not text[:1].isalpha():
        return None
    try:
        return question(gaz)
    except Exception:  # noqa: BLE001 - an odd string is just not a listed name
        return None


@functools.lru_cache(maxsize=4096)
def group_name(text: str) -> str | None:
    """Return the canonical name of a listed group ``text`` names, or None."""
    found = _ask(text, lambda gaz: gaz.organisation(text))
    if not found:
        return None
    return found if isinstance(found, str) else text


#: Kinds of the list that are a state's own forces and services.
_STATE_KINDS = frozenset({"army", "agency"})


@functools.lru_cache(maxsize=4096)
def state_body(text: str) -> bool:
    """Tell a name the list gives as a state's army or agency ("SAF", "IDF").

    >>> state_body("SAF"), state_body("Taliban")
    (True, False)
    """
    return _ask(text, lambda gaz: gaz.organisation_kind(text)) in _STATE_KINDS


@functools.lru_cache(maxsize=4096)
def country_name(text: str) -> bool:
    """Tell a name that is a country's own ("Mali", "Burkina Faso").

    >>> country_name("Mali"), country_name("Kidal")
    (True, False)
    """
    return text[:1].isupper() and bool(
        _ask(
            text,
            lambda gaz: any(
                c.score >= 0.5 for c in gaz.candidates(text, kinds=["country"], limit=1)
            ),
        )
    )


@functools.lru_cache(maxsize=1024)
def nationals(text: str) -> str | None:
    """Return the country a people is named by ("Russians": Russia), not a tribe's or a faith's.

    >>> nationals("Russians"), nationals("Fulani")
    ('Russia', None)
    """
    place = _ask(text, lambda gaz: gaz.demonym(text))
    return place.name if place is not None and place.kind == "country" else None


def name_runs(names: list[Any]) -> list[str]:
    """Return the runs of adjacent name tokens and their leading and trailing parts, longest first.

    A group's name is one run of name words, which a phrase may extend or
    surround: "Sudan's paramilitary Rapid Support Forces" (AFP via TRT World,
    9 October 2025) holds it after its country and an adjective; "the latest
    attack by Boko Haram in Nigeria's northeastern state of Borno" (IANS, March
    2015) before other names; "Boko Haram Islamist militants" (Reuters, March
    2023) with a word after it.
    """
    runs: list[list[Any]] = []
    for t in names:
        gap = t.i - runs[-1][-1].i if runs else 0
        if runs and (gap == 1 or (gap == 2 and t.doc[t.i - 1].text in ("-", "‐"))):
            runs[-1].append(t)  # a hyphen joins a name's parts: "al-Shabab"
        else:
            runs.append([t])
    texts = {
        " ".join(t.text for t in r[:n]) for r in runs if len(r) > 1 for n in range(2, len(r) + 1)
    }
    # and its trailing parts: the tail after a common word the tagger made a name ("the
    # Somalia-based extremist group al-Shabab", AP, Mandera, January 2018, "group" tagged a
    # proper noun), or a listed name after an article ("Al-Nusra Front", Wikipedia)
    texts |= {" ".join(t.text for t in r[k:]) for r in runs for k in range(1, len(r) - 1)}
    return sorted(texts, key=len, reverse=True)


def name_words(toks: list[Any]) -> list[Any]:
    """Return the tokens of a phrase that may spell a name, in order.

    Proper nouns and the model's organisations and peoples, and a run of
    compounds a capitalised word opens, which the tagger may read as common
    nouns when the writer lower-cases the rest: "Boko haram militants killed at
    least 23 Chadian soldiers" (CGTN Africa, March 2019, the tagger making both
    words NN); "Suspected Boko haram insurgents have killed at least 2 persons"
    (allAfrica, Chibok, October 2018). An acronym in capitals opens one too: "two MILF fighters
    identified as ..." (Tempo, Maguindanao, September 2017), tagged a common noun.
    """
    opened: set[int] = set()
    for t in toks:
        acronym = t.is_upper and t.is_alpha and len(t.text) >= 2
        if t.dep_ == "compound" and not t.like_num and (
            t.is_title or acronym or t.i - 1 in opened
        ):
            opened.add(t.i)
    return [
        t
        for t in toks
        if (t.pos_ == "PROPN" or t.ent_type_ in ("ORG", "NORP") or t.i in opened)
        and not t.is_punct
        and t.pos_ != "DET"
        and not t.like_num
    ]

