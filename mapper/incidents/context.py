"""The report-wide context every sentence is read in (:func:`build_context`)."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

from mapper.incidents.dating import date_anchor, main_date
from mapper.incidents.lexicon import ARMED
from mapper.incidents.lookups import country_name
from mapper.incidents.records import Context
from mapper.incidents.sentences import split_units
from mapper.incidents.toponyms import demonym_guard, find_theatre, rescue, side_of_toponym

__all__ = ["build_context"]


def build_context(
    report: Any, toponyms: Sequence[Any], doc: Any, default_date: dt.date | None
) -> Context:
    """Read what every sentence of a report needs: units, usable places, sides, dates."""
    text = report.text
    body = getattr(report, "body_start", 0) or 0
    dl = getattr(report, "dateline_span", None)
    units = split_units(doc, text, body)
    toponyms = [demonym_guard(t) for t in toponyms]
    toponyms = rescue(toponyms, text)
    places = [
        t
        for t in toponyms
        if not getattr(t, "adjectival", False)
        and not getattr(t, "dateline", False)
        and getattr(t, "lat", None) is not None
        and not (dl and t.start < dl[1] and t.end > dl[0])
    ]
    anchor, note = date_anchor(report, text[body:], default_date)
    ctx = Context(
        report=report,
        text=text,
        doc=doc,
        units=units,
        toponyms=places,
        sides=[t for t in toponyms if getattr(t, "lat", None) is not None],
        anchor=anchor,
        anchor_note=note,
        # With no place named in the body, the dateline's country ("KABUL, Afghanistan —").
        theatre=find_theatre(places)
        or find_theatre(
            [
                t
                for t in toponyms
                if t.kind == "country"
                and not getattr(t, "adjectival", False)
                and getattr(t, "lat", None) is not None
            ]
        ),
        capitals={},
        belligerents=[],
        has_remote=False,
    )
    ctx.belligerents = _belligerents(ctx)
    # Nothing before the body (a date line) or inside the dateline names an actor.
    ctx.dateline_end = max(dl[1] if dl else 0, body)
    ctx.capitals = _capitals_from_text(text, places, ctx.theatre)
    low = text.lower()
    ctx.war = sum(1 for t in doc if t.lemma_.lower() in ARMED) >= 3
    ctx.has_remote = any(
        w in low
        for w in (
            "shell",
            "artillery",
            "missile",
            "rocket",
            "drone",
            "airstrike",
            "air strike",
            "bomb",
        )
    )
    ctx.main_date = main_date(ctx)
    return ctx


def _capitals_from_text(text: str, places: list[Any], theatre: Any) -> dict[str, Any]:
    """Capitals a report names: "Nagorno-Karabakh's capital, Stepanakert", "the capital, Baku"."""
    out: dict[str, Any] = {}
    for m in re.finditer(
        r"(?:\b(?:the\s+)?(\w[\w-]*)[’']s|\bthe)\s+capital,?\s+(?:city\s+of\s+)?", text
    ):
        after = [t for t in places if t.start == m.end() and t.kind == "settlement"]
        if not after:
            continue
        cap = after[0]
        owner = (m.group(1) or "").lower()
        owners = [
            t
            for t in places
            if m.start() <= t.start < m.start() + len(m.group(0))
            and t.kind in ("region", "country", "admin")
        ]
        if owners:
            key = owners[0].name
        elif owner in ("region", "enclave", "territory", "republic") and theatre is not None:
            key = theatre.name
        else:
            key = country_name(getattr(cap, "country_code", None)) or "*"
        out.setdefault(key, cap)
    return out


def _belligerents(ctx: Context) -> list[str]:
    """Return the two sides most named in the report (countries or breakaway regions)."""
    c = Counter()
    for t in ctx.sides:
        side = side_of_toponym(t)
        if side:
            c[side] += 1
    return [s for s, _ in c.most_common(2)]
