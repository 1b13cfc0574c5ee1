"""Incident places: the sentence's toponym, an anaphor's, a front line or the theatre."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from mapper.incidents.lexicon import ANAPHOR, KILL, LINE_WORDS, PLACE_NOUNS, WOUND
from mapper.incidents.lookups import capital, country_name, gazetteer, line_near
from mapper.incidents.records import Context, Draft, Unit
from mapper.incidents.sentences import clause_verb
from mapper.incidents.toponyms import Rescued, side_of_toponym
from mapper.numbers import count_people

__all__ = ["place_for", "apply_place", "capital_place", "split_places"]


_PLACE_RANK = {"settlement": 0, "feature": 1, "line": 2, "admin": 3, "region": 4, "country": 5}


def split_places(d: Draft, unit: Unit, ctx: Context) -> list[Draft]:
    """Return one more draft per place listed with the event's place.

    "Shelled Ganja, Tartar and Barda" is three events for ACLED; the figures stay
    with the first, conservatively.
    """
    if d.place is None or d.geo_precision == 3 or getattr(d.place, "start", None) is None:
        return []
    head = next((t for t in unit.tokens if t.idx <= d.place.start < t.idx + len(t.text) + 1), None)
    if head is None:
        return []
    # The name's last token carries the conj relation ("El Fasher" -> "Fasher").
    while head.i + 1 < len(head.doc) and head.doc[head.i + 1].idx < d.place.end:
        head = head.doc[head.i + 1]
    first = min([head, *head.conjuncts], key=lambda t: t.i)
    if first.dep_ == "pobj" and first.head.lower_ == "between":
        return []  # "the road between Kaya and Dori" is one stretch, not two places
    out = []
    codes = (
        [getattr(d.place, "country_code", None)] if getattr(d.place, "country_code", None) else []
    )
    for c in head.conjuncts:
        tops = [
            t
            for t in ctx.toponyms_in(c.idx - 30, c.idx + len(c.text))
            if t.end == c.idx + len(c.text)
        ]
        if not tops and c.pos_ == "PROPN" and codes:
            # A listed name the geoparser missed: the gazetteer, in the same country.
            gaz = gazetteer()
            cands = (
                gaz.candidates(c.text, country_codes=codes, kinds=["settlement"], limit=1)
                if gaz is not None
                else []
            )
            if cands:
                p = cands[0].place
                tops = [
                    Rescued(
                        c.idx,
                        c.idx + len(c.text),
                        c.text,
                        p.name,
                        p.lat,
                        p.lon,
                        p.kind,
                        p.country_code,
                        p,
                    )
                ]
        for t in tops:
            if t.kind in ("settlement", "admin") and t.name != d.place_name:
                other = replace(d, extra_units=[], equipment=[], fatalities=None, injuries=None)
                apply_place(other, t, d.geo_precision, ctx)
                out.append(other)
    out.extend(_victims_elsewhere(d, unit, ctx, {o.place_name for o in out}))
    return out


def _victims_elsewhere(d: Draft, unit: Unit, ctx: Context, done: set[str | None]) -> list[Draft]:
    """Return one more draft per place that listed victims name.

    "killed two people in Kherson and one in Nikopol" gives a draft for
    Nikopol with its own figure.
    """
    out = []
    for tok in unit.tokens:
        if tok.dep_ == "conj" and tok.head.dep_ in ("dobj", "nsubjpass"):
            verb = tok.head.head  # "killed two people in A and one in B"
            preps = list(tok.children)
        elif tok.dep_ == "conj" and tok.pos_ in ("NUM", "NOUN") and tok.head.pos_ == "VERB":
            verb = tok.head  # the parser may hang "and one in B" on the verb
            preps = list(tok.children)
        elif tok.dep_ in ("dobj", "nsubjpass") and tok.head.dep_ == "conj":
            verb = tok.head  # "killed three in A and wounded two in B"
            preps = [*tok.children, *verb.children]
            if verb.head.lemma_.lower() not in KILL | WOUND:
                continue
        else:
            continue
        if verb.lemma_.lower() not in KILL | WOUND:
            continue
        for prep in preps:
            if prep.dep_ != "prep" or prep.lower_ not in ("in", "near", "at", "outside"):
                continue
            for obj in prep.children:
                tops = [
                    t
                    for t in ctx.toponyms_in(obj.idx - 40, obj.idx + len(obj.text))
                    if t.end == obj.idx + len(obj.text) and t.kind in ("settlement", "admin")
                ]
                for t in tops:
                    if t.name == d.place_name or t.name in done:
                        continue
                    n = count_people(" ".join(x.text for x in tok.subtree if x.i < prep.i))
                    kill = verb.lemma_.lower() in KILL
                    other = replace(
                        d,
                        extra_units=[],
                        equipment=[],
                        fatalities=n if kill else None,
                        injuries=None if kill else n,
                    )
                    apply_place(other, t, 1 if t.kind == "settlement" else 2, ctx)
                    done.add(t.name)
                    out.append(other)
                    if tok.dep_ in ("dobj", "nsubjpass"):
                        # "... and wounded two in Pokrovsk": that figure is Pokrovsk's alone
                        if kill and d.fatalities == n:
                            d.fatalities = None
                        elif not kill and d.injuries == n:
                            d.injuries = None
    return out


def place_for(tok: Any, unit: Unit, ctx: Context, exclude: list[tuple[int, int]]) -> tuple:
    """(toponym-like place, geo_precision) for an event in a sentence."""
    s, e = unit.start, unit.end
    cands = []
    for t in ctx.toponyms_in(s, e):
        if any(a <= t.start and t.end <= b for a, b in exclude):
            continue
        # A country is an incident place only when the text puts the event in it.
        if t.kind == "country":
            toks = [x for x in unit.tokens if x.idx >= t.start and x.idx < t.end]
            if not toks:
                continue
            head = toks[-1]
            if head.dep_ == "poss" or head.dep_ in (
                "nsubj",
                "nsubjpass",
                "compound",
                "dobj",
                "amod",
            ):
                continue
            if head.dep_ == "pobj" and head.head.lower_ not in (
                "in",
                "inside",
                "across",
                "into",
                "within",
            ):
                continue
        cands.append(t)
    if cands:
        best = min(
            cands, key=lambda t: (_PLACE_RANK.get(_kind(t, ctx), 6), abs(t.start - tok.idx))
        )
        near = re.search(
            r"\b(near|outside|around|close to|north of|south of|east of|west of|" r"outskirts)\b",
            ctx.text[max(s, best.start - 40) : best.start],
            re.I,
        )
        kind = _kind(best, ctx)
        prec = (
            1
            if kind == "settlement" and not near
            else 2
            if kind in ("settlement", "feature", "admin")
            else 3
        )
        if best.kind == "line":
            prec = 3
        return best, prec
    s_text = ctx.text[s:e]
    m = ANAPHOR.search(s_text)
    if m and m.group(1).lower() in ("city", "town", "village", "settlement", "capital"):
        small = m.group(1).lower() in ("town", "village", "settlement")
        prev = [
            t
            for t in ctx.toponyms
            if t.end <= s + m.start()
            and t.kind == "settlement"
            # "Moscow's Defence Ministry claimed it had captured the village": a name
            # inside the claimant is not what "the village" points back to, nor is a
            # national capital ever "the village".
            and not any(a <= t.start and t.end <= b for a, b in exclude)
            and not (small and _feature_code(t) == "PPLC")
        ]
        if prev:
            return prev[-1], 1
    if LINE_WORDS.search(s_text):
        line = _find_line(ctx)
        if line is not None:
            return line, 3
    # "in the southern Lebanese village of X" (X unknown): the event is in Lebanon.
    for t in ctx.toponyms_in(s, e, places=False):
        if getattr(t, "adjectival", False) and t.kind == "country":
            word = next((x for x in unit.tokens if x.idx == t.start), None)
            if (
                word is not None
                and clause_verb(word).i == clause_verb(tok).i
                and word.dep_ == "amod"
                and word.head.lemma_.lower() in PLACE_NOUNS | {"village", "town", "city"}
                and not any(a <= t.start and t.end <= b for a, b in exclude)
            ):
                return t, 3
    return None, 3


_AREA_WORD = re.compile(r"\s+(region|province|oblast|state|district|governorate|county)\b", re.I)


def _kind(t: Any, ctx: Context) -> str:
    """Return a toponym's kind as the text uses it.

    "the Donetsk region" names a region even when the name alone resolves to the city.
    """
    if t.kind == "settlement" and _AREA_WORD.match(ctx.text, t.end):
        return "admin"
    return t.kind


def _feature_code(t: Any) -> str | None:
    """GeoNames feature code of a toponym's place ("PPLC" for a national capital)."""
    return getattr(getattr(t, "place", None), "feature_code", None)


def _find_line(ctx: Context) -> Any:
    lines = [t for t in ctx.toponyms if t.kind == "line"]
    if lines:
        return lines[0]
    if ctx.theatre is not None:
        return line_near(round(ctx.theatre.lat, 2), round(ctx.theatre.lon, 2))
    return None


def apply_place(d: Draft, place: Any, prec: int, ctx: Context) -> None:
    """Set a draft's place, coordinates, precision and country (the theatre when none)."""
    if place is None:
        place = ctx.theatre
        prec = 3
    if place is None:
        return
    d.place = place
    d.place_name = getattr(place, "name", None)
    d.lat = getattr(place, "lat", None)
    d.lon = getattr(place, "lon", None)
    inner = getattr(place, "place", place)
    geom = getattr(inner, "geometry", None)
    d.geometry = geom if isinstance(geom, dict) and geom.get("type") != "Point" else None
    d.geo_precision = prec
    cc = getattr(place, "country_code", None)
    d.country = country_name(cc) if cc else getattr(inner, "country", None)


def capital_place(side: str, ctx: Context) -> Any:
    """Return where a side's government sits: a capital the report names, else its capital."""
    if side in ctx.capitals:
        return ctx.capitals[side]
    t = next((t for t in ctx.sides if t.name == side and t.kind == "country"), None)
    if t is None:
        t = next((t for t in ctx.sides if side_of_toponym(t) == side), None)
    cc = getattr(t, "country_code", None) if t is not None else None
    if t is not None and t.kind == "country" or (t is not None and getattr(t, "adjectival", False)):
        cap = capital(cc) if cc else None
        if cap is not None:
            return cap
        return t if not getattr(t, "adjectival", False) else None
    if t is None:
        t = next((t for t in ctx.toponyms if t.name == side), None)
    return t
