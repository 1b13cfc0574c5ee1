"""Candidate features of the resolver and their fitted weights.

Features are computed once per name and candidate list (not per mention), and
distances only to the chosen places of the first :data:`CONTEXT_NAMES` names,
so the work grows linearly with the number of mentions.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from mapper.geoparse.candidates import contains, is_adm1
from mapper.geoparse.lexicon import SHORT_FORM_TAILS

if TYPE_CHECKING:  # pragma: no cover
    from mapper.gazetteer import Place
    from mapper.geoparse.resolve import Slot

__all__ = ["CONTEXT_NAMES", "FEATURES", "WEIGHTS", "Context", "feature_rows", "support"]

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
# and GeoWebNews (documents whose index % 5 != 0); never on TR-News. All three
# are development corpora. Held-out Acc@161 over matched mentions with these
# weights: LGL 0.859, GWN 0.844 with today's recognition and context rules
# (a refit on them gave 0.863 / 0.844, so these were kept).
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
    5.000,  # qualifier: set by hand (fitted 0.96): a stated container is near-certain in news
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
#: Most distinct names whose places serve as context for distances (bounds the work
#: on a report that names thousands of places: linear, not quadratic, in its length).
CONTEXT_NAMES = 300
_Q, _DL = FEATURES.index("qualifier"), FEATURES.index("dateline")


class Context:
    """What the current choices say about the document, computed once per iteration.

    Counts of the chosen places per country and first-level division (per name
    and in all), a sample of their points, the dateline's places, and whether
    the theatre overlay applies.
    """

    def __init__(self, slots: Sequence[Slot], theatre_ok: bool) -> None:
        self.theatre_ok = theatre_ok
        self.by_key_cc: dict[str, Counter[str]] = defaultdict(Counter)
        self.by_key_adm: dict[str, Counter[str]] = defaultdict(Counter)
        self.cc_all: Counter[str] = Counter()
        self.adm_all: Counter[str] = Counter()
        self.dl_places: list[Place] = []
        points: dict[str, set[tuple[float, float]]] = defaultdict(set)
        for s in slots:
            if not s.cands:
                continue
            p = s.cands[s.choice].place
            if s.mention.dateline:
                self.dl_places.append(p)
            if p.country_code:
                self.cc_all[p.country_code] += 1
                self.by_key_cc[s.key][p.country_code] += 1
            if p.admin1_code:
                self.adm_all[p.admin1_code] += 1
                self.by_key_adm[s.key][p.admin1_code] += 1
            if p.kind in ("settlement", "admin", "feature", "line") and not s.mention.adjectival:
                if s.key in points or len(points) < CONTEXT_NAMES:
                    points[s.key].add((p.lat, p.lon))
        self.n_all = sum(self.cc_all.values())
        flat = [(k, la, lo) for k, pts in points.items() for la, lo in pts]
        self.point_keys = np.array([k for k, _, _ in flat], dtype=object)
        self.point_lat = np.radians([la for _, la, _ in flat])
        self.point_lon = np.radians([lo for _, _, lo in flat])

    def nearest_km(self, key: str, places: Sequence[Place]) -> np.ndarray:
        """Distance from each place to the nearest chosen place of another name (inf if none)."""
        others = self.point_keys != key
        if not len(self.point_keys) or not others.any():
            return np.full(len(places), np.inf)
        km = _km_matrix(places, self.point_lat[others], self.point_lon[others])
        return km.min(axis=1)


def _km_matrix(places: Sequence[Place], lat2: np.ndarray, lon2: np.ndarray) -> np.ndarray:
    lat = np.radians([p.lat for p in places])[:, None]
    lon = np.radians([p.lon for p in places])[:, None]
    h = np.sin((lat2 - lat) / 2) ** 2 + np.cos(lat) * np.cos(lat2) * np.sin((lon2 - lon) / 2) ** 2
    return 2 * 6371.0088 * np.arcsin(np.sqrt(np.clip(h, 0.0, 1.0)))


def feature_rows(
    slots: Sequence[Slot], ctx: Context, support: dict[str, dict[str, tuple[float, float]]]
) -> list[list[list[float]]]:
    """Compute the feature vectors (see :data:`FEATURES`) of every candidate of every slot.

    Rows are computed once per name and candidate list; only the qualifier and
    dateline columns differ between the mentions of one name.
    """
    cache: dict[tuple, list[list[float]]] = {}
    out: list[list[list[float]]] = []
    for s in slots:
        if not s.cands:
            out.append([])
            continue
        group = (s.key, s.mention.text.casefold(), tuple(c.place.key for c in s.cands))
        if group not in cache:
            cache[group] = _name_rows(s, ctx, support.get(s.key, {}))
        rows = [list(r) for r in cache[group]]
        qual = s.qualifier_places
        for row, c in zip(rows, s.cands, strict=True):
            row[_Q] = 1.0 if qual and any(contains(q, c.place) for q in qual) else 0.0
            row[_DL] = _dateline_feature(s, c.place, ctx.dl_places)
        out.append(rows)
    return out


def _dateline_feature(s: Slot, p: Place, dl_places: list[Place]) -> float:
    if not dl_places or s.mention.dateline:
        return 0.0
    return float(
        any(
            contains(q, p) or (q.country_code == p.country_code and q.kind != "country")
            for q in dl_places
        )
    )


def _name_rows(s: Slot, ctx: Context, support: dict[str, tuple[float, float]]) -> list[list[float]]:
    own_cc, own_adm = ctx.by_key_cc[s.key], ctx.by_key_adm[s.key]
    n_other = ctx.n_all - sum(own_cc.values())
    max_lp = max((_logpop(c.place) for c in s.cands), default=0.0)
    other_cc = ctx.cc_all - own_cc
    top_cc = other_cc.most_common(1)[0][0] if other_cc else None
    mention = s.mention.text.casefold()
    dists = ctx.nearest_km(s.key, [c.place for c in s.cands])
    rows = []
    for rank, (c, d) in enumerate(zip(s.cands, dists, strict=True)):
        p = c.place
        fcode = p.feature_code or ""
        cc, adm = p.country_code, p.admin1_code
        others_in = 0
        if p.kind == "country" and cc:
            others_in = ctx.cc_all[cc] - own_cc[cc]
        elif is_adm1(p) and adm:
            others_in = ctx.adm_all[adm] - own_adm[adm]
        far = p.kind == "country" or not math.isfinite(d)
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
                1.0 if _same_name(p, mention) else 0.0,
                0.0,  # qualifier: per mention
                math.log1p(ctx.adm_all[adm] - own_adm[adm]) if adm and p.kind != "country" else 0.0,
                (ctx.cc_all[cc] - own_cc[cc]) / n_other if cc and n_other > 0 else 0.0,
                math.log1p(max(0, others_in)),
                0.0 if far else math.exp(-d / _NEAR_KM),
                0.0 if far else math.exp(-d / _LOCAL_KM),
                1.0 if cc is not None and cc == top_cc else 0.0,
                *support.get(p.key, (0.0, 0.0)),
                0.0,  # dateline: per mention
                1.0 if p.source == "theatre" and not ctx.theatre_ok else 0.0,
            ]
        )
    return rows


def _same_name(place: Place, mention: str) -> bool:
    """Tell a place whose canonical name is the mention, or a region's short form of it.

    A region is named without its landform word: "An Israeli strike hit a crowded
    Palestinian tent camp early Tuesday in Gaza" (AP, Muwasi, September 2024), "Israeli
    airstrikes across Gaza on Saturday killed at least 23 Palestinians" (Lawin News, Gaza
    City, 2025) mean the Gaza Strip, which had lost to Mozambique's Gaza province, named
    exactly so, in every text that did not name the Strip.

    >>> from mapper.gazetteer import Place
    >>> strip = Place("gn:1", "Gaza Strip", 31.42, 34.38, "region", "PS", None, None, None)
    >>> _same_name(strip, "gaza"), _same_name(strip, "gaza strip"), _same_name(strip, "strip")
    (True, True, False)
    """
    name = place.name.casefold()
    if name == mention:
        return True
    head, _, tail = name.rpartition(" ")
    return place.kind in ("region", "feature") and tail in SHORT_FORM_TAILS and head == mention


def _logpop(place: Place) -> float:
    """Scale the log population of a settlement; 0 for other kinds.

    The gazetteer often leaves their population at 0, which must not count against them.
    """
    return math.log10(place.population + 1) / 7.0 if place.kind == "settlement" else 0.0


def support(slots: Sequence[Slot]) -> dict[str, dict[str, tuple[float, float]]]:
    """Choice-free coherence: how well each candidate fits the other names' candidates.

    For a candidate of name k: the sum over the other names k' of the best
    ``exp(-km / 50)`` to any of k''s first :data:`_SUPPORT_CANDS` candidates,
    and the number of names k' with a candidate in the same first-level
    division (both through log1p). "Athens" and "Henderson County" pull each
    other to Texas even when both start elsewhere. Only the first
    :data:`CONTEXT_NAMES` names serve as the others (bounded work).
    """
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
        for ki, k in enumerate(keys[:CONTEXT_NAMES])
        for p in names[k][:_SUPPORT_CANDS]
        if p.kind != "country"
    ]
    if not src:
        return out
    n_src = min(len(keys), CONTEXT_NAMES)
    src_key = np.array([ki for ki, _ in src])
    src_lat = np.radians([p.lat for _, p in src])
    src_lon = np.radians([p.lon for _, p in src])
    adm_keys: dict[str, set[int]] = defaultdict(set)
    for ki, p in src:
        if p.admin1_code:
            adm_keys[p.admin1_code].add(ki)
    for ki, k in enumerate(keys):
        places = names[k]
        closeness = np.exp(-_km_matrix(places, src_lat, src_lon) / _SUPPORT_KM)
        closeness[:, src_key == ki] = 0.0
        best = np.zeros((len(places), n_src))
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
