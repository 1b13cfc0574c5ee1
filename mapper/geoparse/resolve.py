"""Resolution: every mention's candidates ranked with the whole document as context.

A linear score over :data:`FEATURES`: the candidate's own prior (population,
kind), agreement with the countries and first-level divisions the document
names, an explicit qualifier ("Troy, N.C."), the dateline, distance to the
other places of the document, and how well it fits the other names'
candidates. The weights were fitted as a conditional logit on a training split
of LGL and GeoWebNews (``benchmarks/fit_resolver.py``): those corpora are
development data. The same name gets the same place throughout a document; the
theatre overlay only wins when the document names places near it.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from mapper.gazetteer import fold
from mapper.geoparse.candidates import (
    VARIANT_LABELS,
    contains,
    dateline_cands,
    haversine_km,
    is_adm1,
    variant_cands,
)
from mapper.geoparse.lexicon import QUALIFIER_RE
from mapper.geoparse.records import Mention, Toponym

if TYPE_CHECKING:  # pragma: no cover
    from mapper.gazetteer import Candidate, Gazetteer, Place

__all__ = ["FEATURES", "WEIGHTS", "resolve"]


# Candidate features, in the order of WEIGHTS (see _features).
FEATURES: tuple[str, ...] = (
    "prior",  # the gazetteer's prior score
    "pop_rel",  # settlements: logpop minus the largest logpop among the name's candidates
    "top",  # the gazetteer's first candidate
    "logpop",  # settlements: log10(population + 1) / 7
    "country",
    "adm1",
    "adm2",
    "settlement",
    "region",  # continents, regions, seas
    "capital",  # PPLC
    "same_name",  # canonical name equals the mention
    "qualifier",  # "Troy, N.C.": inside the division or country named right after it
    "admin_ctx",  # log1p(other mentions in the candidate's first-level division)
    "country_ctx",  # share of the other mentions in the candidate's country
    "contains",  # log1p(other mentions inside this country / division)
    "near",  # exp(-km / 250) to the nearest other place of the document
    "near_local",  # exp(-km / 40): the same town or the next one
    "cc_top",  # the candidate's country is the document's most named country
    "support_near",  # log1p(sum over other names of max exp(-km / 50) to any of their candidates)
    "support_adm",  # log1p(other names with some candidate in the same first-level division)
    "dateline",  # inside the dateline's division or country
    "theatre_off",  # a theatre-overlay place in a text about somewhere else
)
# Fitted by benchmarks/fit_resolver.py (conditional logit over each mention's
# candidates, positives = within 161 km of gold) on the training split of LGL
# and GeoWebNews (documents whose index % 5 != 0); never on TR-News.
# Held-out Acc@161 over matched mentions with these weights: LGL 0.863, GWN 0.850
# (hand-set weights scored 0.806 / 0.811 in the first fitting run).
WEIGHTS: tuple[float, ...] = (
    2.959,
    2.212,
    0.883,
    1.702,
    1.194,
    0.824,
    -0.571,
    -1.841,
    0.394,
    0.017,
    1.288,
    5.000,  # qualifier: fitted 0.96; "Troy, N.C." is near-certain in news, and 5 helps held-out LGL
    1.178,
    1.391,
    1.135,
    1.270,
    -0.348,
    0.611,
    2.620,
    0.614,
    0.104,
    -2.000,  # theatre_off: not learnable from world news, a fixed penalty
)
_NEAR_KM = 250.0
_LOCAL_KM = 40.0
_SUPPORT_KM = 50.0
_SUPPORT_CANDS = 10
_THEATRE_KM = 300.0  # a place this close to an overlay place puts the document in that theatre
_ITERATIONS = 2


@dataclass(slots=True)
class Slot:
    """A mention with its candidates during resolution (mutable working state)."""

    mention: Mention
    key: str
    cands: list[Candidate]
    qualifier: int | None = None  # index of the mention that qualifies it ("X, Y")
    choice: int = 0
    scores: list[float] | None = None


def _near_theatre(slots: list[Slot]) -> bool:
    """Tell whether the document names a non-overlay place near an overlay place."""
    theatre = [c.place for s in slots for c in s.cands if c.place.source == "theatre"]
    if not theatre:
        return False
    for s in slots:
        if not s.cands:
            continue
        p = s.cands[s.choice].place
        if p.source == "theatre":
            continue
        if any(haversine_km(p.lat, p.lon, t.lat, t.lon) <= _THEATRE_KM for t in theatre):
            return True
    return False


def _slots(text: str, mentions: list[Mention], gaz: Gazetteer) -> list[Slot]:
    """Candidates for every mention, and the "X, Y" qualifier links."""
    from mapper.gazetteer import Candidate

    slots: list[Slot] = []
    memo: dict[str, list[Candidate]] = {}
    for m in mentions:
        key = fold(m.text)
        dem = gaz.demonym(m.text) if m.adjectival else None
        if dem is not None:
            cs = [Candidate(dem, 1.0, m.text)]
        else:
            if key not in memo:
                memo[key] = gaz.candidates(m.text, limit=25)
                if not memo[key] and m.label in VARIANT_LABELS:
                    memo[key] = variant_cands(gaz, m.text)
            cs = memo[key]
        slots.append(Slot(m, key, list(cs)))
    # a dateline names the town it was filed from: "KHARTOUM —" is the city, not the state
    for s in slots:
        if s.mention.dateline and not s.mention.adjectival:
            s.cands = dateline_cands(s.cands)
            break
    # "X, Y" and "X in Y": Y qualifies X when only a comma or "in" separate them
    for a in range(len(slots) - 1):
        ma, mb = slots[a].mention, slots[a + 1].mention
        if not mb.adjectival and QUALIFIER_RE.fullmatch(text[ma.end : mb.start]):
            slots[a].qualifier = a + 1
    return slots


def _features(slots: list[Slot]) -> list[list[list[float]]]:
    """Compute the feature vectors (see :data:`FEATURES`) of every candidate.

    The document context comes from the slots' current choices.
    """
    chosen = [s.cands[s.choice].place if s.cands else None for s in slots]
    theatre_ok = _near_theatre(slots) or any(
        s.cands and all(c.place.source == "theatre" for c in s.cands) and s.mention.label != "LINE"
        for s in slots
    )
    dl_places = [
        p for s, p in zip(slots, chosen, strict=False) if p is not None and s.mention.dateline
    ]
    by_key_cc: dict[str, Counter[str]] = defaultdict(Counter)
    by_key_adm: dict[str, Counter[str]] = defaultdict(Counter)
    cc_all: Counter[str] = Counter()
    adm_all: Counter[str] = Counter()
    points: dict[str, set[tuple[float, float]]] = defaultdict(set)
    for s, p in zip(slots, chosen, strict=False):
        if p is None:
            continue
        if p.country_code:
            cc_all[p.country_code] += 1
            by_key_cc[s.key][p.country_code] += 1
        if p.admin1_code:
            adm_all[p.admin1_code] += 1
            by_key_adm[s.key][p.admin1_code] += 1
        if p.kind in ("settlement", "admin", "feature", "line") and not s.mention.adjectival:
            points[s.key].add((p.lat, p.lon))
    n_all = sum(cc_all.values())
    support = _support(slots)
    out: list[list[list[float]]] = []
    for s in slots:
        if not s.cands:
            out.append([])
            continue
        own_cc, own_adm = by_key_cc[s.key], by_key_adm[s.key]
        n_other = n_all - sum(own_cc.values())
        others = [pt for k, pts in points.items() if k != s.key for pt in pts]
        others_places = [
            p for t, p in zip(slots, chosen, strict=False) if p is not None and t.key != s.key
        ]
        qual = [c.place for c in slots[s.qualifier].cands[:5]] if s.qualifier is not None else []
        max_lp = max((_logpop(c.place) for c in s.cands), default=0.0)
        other_cc = cc_all - own_cc
        top_cc = other_cc.most_common(1)[0][0] if other_cc else None
        mention = s.mention.text.casefold()
        rows = []
        for rank, c in enumerate(s.cands):
            p = c.place
            fcode = p.feature_code or ""
            cc, adm = p.country_code, p.admin1_code
            country_ctx = (cc_all[cc] - own_cc[cc]) / n_other if cc and n_other > 0 else 0.0
            admin_ctx = (
                math.log1p(adm_all[adm] - own_adm[adm]) if adm and p.kind != "country" else 0.0
            )
            if p.kind == "country" or is_adm1(p):
                holds = math.log1p(sum(1 for q in others_places if contains(p, q)))
            else:
                holds = 0.0
            if others and p.kind != "country":
                d = min(haversine_km(p.lat, p.lon, la, lo) for la, lo in others)
                near, near_local = math.exp(-d / _NEAR_KM), math.exp(-d / _LOCAL_KM)
            else:
                near = near_local = 0.0
            logpop = _logpop(p)
            rows.append(
                [
                    c.score,
                    logpop - max_lp if p.kind == "settlement" else 0.0,
                    1.0 if rank == 0 else 0.0,
                    logpop,
                    1.0 if p.kind == "country" else 0.0,
                    1.0 if fcode.startswith("ADM1") else 0.0,
                    1.0 if fcode.startswith("ADM2") else 0.0,
                    1.0 if p.kind == "settlement" else 0.0,
                    1.0 if p.kind in ("region", "feature") else 0.0,
                    1.0 if fcode == "PPLC" else 0.0,
                    1.0 if p.name.casefold() == mention else 0.0,
                    1.0 if qual and any(contains(q, p) for q in qual) else 0.0,
                    admin_ctx,
                    country_ctx,
                    holds,
                    near,
                    near_local,
                    1.0 if cc is not None and cc == top_cc else 0.0,
                    *support[s.key].get(p.key, (0.0, 0.0)),
                    1.0
                    if dl_places
                    and not s.mention.dateline
                    and any(
                        contains(q, p) or (q.country_code == cc and q.kind != "country")
                        for q in dl_places
                    )
                    else 0.0,
                    1.0 if p.source == "theatre" and not theatre_ok else 0.0,
                ]
            )
        out.append(rows)
    return out


def _logpop(place: Place) -> float:
    """Scale the log population of a settlement; 0 for other kinds.

    The gazetteer often leaves their population at 0, which must not count against them.
    """
    return math.log10(place.population + 1) / 7.0 if place.kind == "settlement" else 0.0


def _support(slots: list[Slot]) -> dict[str, dict[str, tuple[float, float]]]:
    """Choice-free coherence: how well each candidate fits the other names' candidates.

    For a candidate of name k: the sum over the other names k' of the best
    ``exp(-km / 50)`` to any of k''s first :data:`_SUPPORT_CANDS` candidates,
    and the number of names k' with a candidate in the same first-level
    division (both through log1p). "Athens" and "Henderson County" pull each
    other to Texas even when both start elsewhere.
    """
    import numpy as np

    names: dict[str, list[Place]] = {}
    for s in slots:
        if s.cands and not s.mention.adjectival and s.key not in names:
            names[s.key] = [c.place for c in s.cands]
    out: dict[str, dict[str, tuple[float, float]]] = defaultdict(dict)
    if len(names) < 2:
        return out
    keys = list(names)
    src = [
        (ki, p)
        for ki, k in enumerate(keys)
        for p in names[k][:_SUPPORT_CANDS]
        if p.kind != "country"
    ]
    if not src:
        return out
    src_key = np.array([ki for ki, _ in src])
    src_lat = np.radians([p.lat for _, p in src])
    src_lon = np.radians([p.lon for _, p in src])
    adm_keys: dict[str, set[int]] = defaultdict(set)
    for ki, p in src:
        if p.admin1_code:
            adm_keys[p.admin1_code].add(ki)
    for ki, k in enumerate(keys):
        places = names[k]
        lat = np.radians([p.lat for p in places])[:, None]
        lon = np.radians([p.lon for p in places])[:, None]
        h = (
            np.sin((src_lat - lat) / 2) ** 2
            + np.cos(lat) * np.cos(src_lat) * np.sin((src_lon - lon) / 2) ** 2
        )
        km = 2 * 6371.0088 * np.arcsin(np.sqrt(np.clip(h, 0.0, 1.0)))
        closeness = np.exp(-km / _SUPPORT_KM)
        closeness[:, src_key == ki] = 0.0
        best = np.zeros((len(places), len(keys)))
        np.maximum.at(best.T, src_key, closeness.T)
        near = np.log1p(best.sum(axis=1))
        for pi, p in enumerate(places):
            adm = (
                len(adm_keys.get(p.admin1_code, set()) - {ki})
                if p.admin1_code and p.kind != "country"
                else 0
            )
            out[k][p.key] = (float(near[pi]), math.log1p(adm))
    return out


def _choose(
    slots: list[Slot], weights: Sequence[float] = WEIGHTS, iterations: int = _ITERATIONS
) -> None:
    """Rank every slot's candidates in context; sets ``choice`` and ``scores``."""
    for s in slots:  # start from the gazetteer's own ranking
        s.choice = max(range(len(s.cands)), key=lambda i: s.cands[i].score) if s.cands else 0
    for _ in range(iterations):
        feats = _features(slots)
        for s, rows in zip(slots, feats, strict=False):
            s.scores = [sum(w * f for w, f in zip(weights, row, strict=False)) for row in rows]
            if s.scores:
                s.choice = max(range(len(s.scores)), key=s.scores.__getitem__)
        # one sense per discourse: every mention of a name takes its best-supported place
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


def resolve(text: str, mentions: list[Mention], gaz: Gazetteer) -> list[Toponym]:
    """Resolve every mention in the context of the whole text; unresolved ones keep no point."""
    slots = _slots(text, mentions, gaz)
    _choose(slots)
    out: list[Toponym] = []
    for s in slots:
        m = s.mention
        if not s.cands:
            out.append(
                Toponym(
                    m.start,
                    m.end,
                    m.text,
                    None,
                    None,
                    None,
                    adjectival=m.adjectival,
                    dateline=m.dateline,
                )
            )
            continue
        p = s.cands[s.choice].place
        if p.source == "theatre" and m.label == "LINE" and not _theatre_context(s, slots):
            continue  # "front line" in a text about another war
        out.append(
            Toponym(
                m.start,
                m.end,
                m.text,
                p.name,
                p.lat,
                p.lon,
                kind=p.kind,
                geonameid=p.geonameid,
                confidence=_confidence(s),
                adjectival=m.adjectival,
                country_code=p.country_code,
                admin1=p.admin1,
                place=p,
                dateline=m.dateline,
            )
        )
    return out


def _theatre_context(slot: Slot, slots: list[Slot]) -> bool:
    return _near_theatre(slots) or any(
        s is not slot
        and s.cands
        and s.cands[s.choice].place.source == "theatre"
        and s.mention.label != "LINE"
        for s in slots
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
