"""Tests for mapper.consolidate: one incident per event, every source kept."""

from __future__ import annotations

from dataclasses import replace

from mapper.consolidate import consolidate, same_event
from mapper.incidents import Incident, Source


def inc(
    id,
    report,
    start,
    *,
    date="2020-10-04",
    et="Explosions/Remote violence",
    sub="Shelling/artillery/missile attack",
    loc="Stepanakert",
    lat=39.8177,
    lon=46.7528,
    prec=1,
    actor1=None,
    fat=None,
    inj=None,
    claimed_by=None,
    disputed=False,
    background=False,
):
    quote = f"passage {id}"
    return Incident(
        id=id,
        event_date=date,
        time_precision=1,
        event_type=et,
        sub_event_type=sub,
        actor1=actor1,
        actor2=None,
        location=loc,
        country="Azerbaijan",
        lat=lat,
        lon=lon,
        geometry=None,
        geo_precision=prec,
        fatalities=fat,
        injuries=inj,
        claimed_by=claimed_by,
        disputed=disputed,
        disputed_by="Azerbaijan MoD" if disputed else None,
        background=background,
        notes="",
        sources=(Source(report, quote, start, start + len(quote)),),
    )


def test_same_event_in_two_reports_is_one_feature_with_both_sources():
    a = inc("a", "1.txt", 0, fat=3, inj=11, claimed_by="NK officials", disputed=True)
    b = inc("b", "2.txt", 50, fat=4)
    [m] = consolidate([a, b])
    assert [s.report for s in m.sources] == ["1.txt", "2.txt"]
    assert m.fatalities == 3  # across reports the conservative figure
    assert m.injuries == 11
    assert m.disputed and m.claimed_by == "NK officials"


def test_a_reports_own_events_stay_apart():
    # Two incidents of one report at two places the same day are two events.
    a = inc("a", "1.txt", 0, fat=2)
    b = inc("b", "1.txt", 300, fat=5, loc="Ganja", lat=40.68, lon=46.36)
    assert len(consolidate([a, b])) == 2
    # Only known at region level, two passages may be two villages' events: apart too.
    c = inc("c", "1.txt", 0, loc="Nagorno-Karabakh", prec=3)
    d = inc("d", "1.txt", 300, loc="Nagorno-Karabakh", prec=3)
    assert len(consolidate([c, d])) == 2


def test_one_report_telling_one_place_day_and_type_twice_is_one_event():
    # ACLED's unit: one event per place, day and type; passages in two paragraphs join,
    # and within a report the largest figure stands.
    a = inc("a", "1.txt", 0, fat=2)
    b = inc("b", "1.txt", 300, fat=5)
    [m] = consolidate([a, b])
    assert len(m.sources) == 2 and m.fatalities == 5


def test_a_toll_retold_in_one_report_is_one_event_coded_by_its_means():
    # the lede: a shelling dated by the day it was told; further down, the same toll
    # with no means and the day itself
    lede = replace(
        inc("a", "1.txt", 0, fat=24, inj=55, loc="Nagorno-Karabakh", prec=3), time_precision=2
    )
    later = inc(
        "b", "1.txt", 400, et="Violence against civilians", sub="Attack", fat=24,
        loc="Nagorno-Karabakh", prec=3, date="2020-10-01",
    )  # fmt: skip
    [m] = consolidate([lede, later])
    assert m.event_type == "Explosions/Remote violence" and len(m.sources) == 2
    # another toll at that region is another event
    assert len(consolidate([lede, replace(later, fatalities=3)])) == 2


def test_the_same_dead_and_wounded_retold_in_one_report_are_one_event_however_coded():
    clash = inc("a", "1.txt", 0, et="Battles", sub="Armed clash", fat=14, inj=10, prec=3)
    raid = replace(
        inc("b", "1.txt", 300, et="Riots", sub="Mob violence", fat=14, inj=10, prec=3),
        actor1="Rioters (Azerbaijan)",
    )
    [m] = consolidate([clash, raid])
    assert len(m.sources) == 2 and m.event_type == "Battles" and m.actor1 is None
    # the dead alone, coded apart, stay two events
    assert len(consolidate([clash, replace(raid, injuries=None)])) == 2


def test_a_protest_and_a_riot_one_report_tells_at_one_place_and_day_are_one_riot():
    march = inc("a", "1.txt", 0, et="Protests", sub="Peaceful protest", actor1="Protesters")
    riot = inc("b", "1.txt", 400, et="Riots", sub="Violent demonstration", actor1="Rioters")
    [m] = consolidate([march, riot])
    assert m.event_type == "Riots" and len(m.sources) == 2
    # told by two reports, or on two days, they stay apart
    elsewhere = (replace(riot.sources[0], report="2.txt"),)
    assert len(consolidate([march, replace(riot, sources=elsewhere)])) == 2
    assert len(consolidate([march, replace(riot, event_date="2020-10-05")])) == 2


def test_different_dates_places_or_attackers_stay_apart():
    a = inc("a", "1.txt", 0, actor1="Military Forces of Azerbaijan")
    assert len(consolidate([a, inc("b", "1.txt", 90, date="2020-10-05")])) == 2
    assert len(consolidate([a, inc("c", "1.txt", 90, loc="Ganja", lat=40.68, lon=46.36)])) == 2
    assert len(consolidate([a, inc("d", "1.txt", 90, actor1="Military Forces of Armenia")])) == 2


def test_theatre_level_mention_joins_a_precise_one_nearby():
    precise = inc("a", "1.txt", 0)
    vague = inc("b", "2.txt", 0, loc="Nagorno-Karabakh", lat=39.85, lon=46.75, prec=3)
    [m] = consolidate([precise, vague])
    assert m.location == "Stepanakert" and m.geo_precision == 1


def test_background_is_never_merged_with_current():
    a = inc("a", "1.txt", 0)
    b = inc("b", "1.txt", 90, background=True)
    assert len(consolidate([a, b])) == 2
    assert not same_event(a, b)


def test_incompatible_types_stay_apart():
    a = inc("a", "1.txt", 0)
    b = inc("b", "1.txt", 90, et="Strategic developments", sub="Other")
    c = inc("c", "1.txt", 190, sub="Air/drone strike")
    assert len(consolidate([a, b, c])) == 3


def test_result_is_stable_and_ordered():
    items = [
        inc("b", "2.txt", 50, date="2020-10-05", loc="Ganja", lat=40.68, lon=46.36),
        inc("a", "1.txt", 0),
        inc("c", "2.txt", 0),
    ]
    first = consolidate(items)
    again = consolidate(list(reversed(items)))
    assert [i.id for i in first] == [i.id for i in again]
    assert [i.event_date for i in first] == sorted(i.event_date for i in first)


def test_a_claim_stays_a_claim_when_merged_with_an_unattributed_passage():
    a = inc("a", "1.txt", 0, claimed_by="Armenia MoD")
    b = inc("b", "2.txt", 90)
    [m] = consolidate([replace(b), a])
    assert m.claimed_by == "Armenia MoD"


def test_a_week_level_date_joins_a_day_of_that_week_and_the_day_stands():
    week = replace(inc("a", "1.txt", 0, date="2024-05-08", fat=30), time_precision=2)
    day = inc("b", "2.txt", 40, date="2024-05-09")
    [m] = consolidate([week, day])
    assert (m.event_date, m.time_precision) == ("2024-05-09", 1)
    far = inc("c", "2.txt", 90, date="2024-05-20")
    assert len(consolidate([week, far])) == 2
    assert len(consolidate([inc("d", "1.txt", 0, date="2024-05-08"), day])) == 2


def test_an_unnamed_armed_group_joins_the_group_another_report_names():
    a = inc("a", "1.txt", 0, actor1="Unidentified Armed Group (Azerbaijan)", fat=9)
    b = inc("b", "2.txt", 10, actor1="Named Brigade", fat=9)
    [m] = consolidate([a, b])
    assert m.actor1 == "Named Brigade" and len(m.sources) == 2
    c = inc("c", "2.txt", 60, actor1="Military Forces of Armenia")
    assert len(consolidate([a, c])) == 2
    d = inc("d", "3.txt", 90, actor1="Other Brigade")
    assert len(consolidate([a, b, d])) == 2


def all_pairs(incidents, near_km=60.0):
    """The former consolidation, comparing every pair: the reference the blocked one must match."""
    from mapper.consolidate import _codings_ok, _conflict, _merge, _one_event_day, _report_of
    from mapper.incidents.records import one_demonstration as _one_demonstration

    items = sorted(incidents, key=lambda i: (_report_of(i) or "", i.sources[0].start))
    parent = list(range(len(items)))

    def find(x):
        while parent[x] != x:
            x = parent[x]
        return x

    for i in range(len(items)):
        for j in range(i + 1, len(items)):
            same_report = _report_of(items[i]) == _report_of(items[j])
            if same_report and not _one_event_day(items[i], items[j]):
                continue  # a report's own events stay apart
            if find(i) != find(j) and same_event(items[i], items[j], near_km=near_km):
                members = [k for k in range(len(items)) if find(k) in (find(i), find(j))]
                a1 = sorted({items[k].actor1 for k in members if items[k].actor1})
                days = {
                    items[k].event_date
                    for k in members
                    if items[k].event_date and items[k].time_precision == 1
                }
                ci, cj = (
                    {(items[k].event_type, items[k].sub_event_type) for k in members
                     if find(k) == find(x)}
                    for x in (i, j)
                )
                codes_ok = _one_demonstration(items[i], items[j]) or all(
                    _codings_ok(x, y) or {x[0], y[0]} == {"Protests", "Riots"}
                    for x in ci
                    for y in cj
                )
                if not any(_conflict(x, y) for x in a1 for y in a1) and len(days) <= 1 and codes_ok:
                    ri, rj = find(i), find(j)
                    parent[max(ri, rj)] = min(ri, rj)
    groups = {}
    for k, item in enumerate(items):
        groups.setdefault(find(k), []).append(item)
    out = [_merge(g) if len(g) > 1 else g[0] for g in groups.values()]
    out.sort(key=lambda i: (i.event_date or "", _report_of(i) or "", i.sources[0].start))
    return out


PLACES = [
    ("Stepanakert", 39.8177, 46.7528),
    ("Shushi", 39.7586, 46.7492),
    ("Ganja", 40.6828, 46.3606),
    ("Ganja", 1.0, 1.0),  # the same name far away still matches by name
    ("North camp", 89.99, 10.0),  # across the pole from the next one
    ("Pole station", 89.99, -170.0),
    ("East isle", 10.0, 179.99),  # across the date line from the next one
    ("West isle", 10.0, -179.99),
    (None, None, None),
]
KINDS = [
    ("Battles", "Armed clash"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Violence against civilians", "Attack"),
    ("Strategic developments", "Disrupted weapons use"),
]
ACTORS = [None, "Military Forces of Armenia", "Unidentified Armed Group (Azerbaijan)", "Brigade X"]


def random_incidents(n, seed):
    import random

    rng = random.Random(seed)
    out = []
    for k in range(n):
        loc, lat, lon = rng.choice(PLACES)
        if lat is not None and rng.random() < 0.3:
            lat, lon = lat + rng.uniform(-0.4, 0.4), lon + rng.uniform(-0.4, 0.4)
        et, sub = rng.choice(KINDS)
        date = rng.choice([None, *(f"2020-10-{d:02d}" for d in range(1, 20))])
        item = inc(
            f"i{k}",
            f"r{rng.randrange(n // 3)}.txt",
            rng.randrange(400),
            date=date,
            et=et,
            sub=sub,
            loc=loc,
            lat=lat,
            lon=lon,
            prec=rng.choice([1, 2, 3]),
            actor1=rng.choice(ACTORS),
            fat=rng.choice([None, 1, 4]),
            background=rng.random() < 0.1,
        )
        out.append(replace(item, time_precision=rng.choice([1, 1, 2, 3])))
    return out


def test_blocking_gives_the_all_pairs_result():
    for seed in range(12):
        items = random_incidents(300, seed)
        result = consolidate(items)
        assert result == all_pairs(items), seed
        assert len(result) < len(items) * 0.6  # the case is dense: many merges happen


def test_neighbours_across_the_pole_and_the_date_line_are_compared():
    a = inc("a", "1.txt", 0, loc="North camp", lat=89.99, lon=10.0, prec=3)
    b = inc("b", "2.txt", 0, loc="Pole station", lat=89.99, lon=-170.0)
    assert len(consolidate([a, b])) == 1
    c = inc("c", "1.txt", 0, loc="East isle", lat=10.0, lon=179.99)
    d = inc("d", "2.txt", 0, loc="West isle", lat=10.0, lon=-179.99)
    assert len(consolidate([c, d])) == 1


def test_a_vague_date_joins_one_of_two_days_not_both():
    """A strike on Thursday, another on Sunday, and an "overnight" account between them."""
    thursday = inc("a", "1.txt", 0, date="2021-10-28")
    vague = replace(inc("b", "2.txt", 0, date="2021-10-29"), time_precision=2)
    sunday = inc("c", "3.txt", 0, date="2021-10-31")
    out = consolidate([thursday, vague, sunday])
    days = sorted({s.report for s in o.sources} for o in out)
    assert len(out) == 2 and not any({"1.txt", "3.txt"} <= d for d in days)


def test_a_vague_account_does_not_bridge_two_codings_of_different_events():
    """A shelling, a drone strike "last month" and a toll told without a day, in one city."""
    shelling = inc("a", "1.txt", 0, date="2025-09-01", fat=18)
    drone = replace(
        inc("b", "2.txt", 0, date="2025-09-01", sub="Air/drone strike", fat=75), time_precision=3
    )
    toll = replace(
        inc("c", "3.txt", 0, date="2025-08-28", et="Violence against civilians", sub="Attack"),
        time_precision=2,
    )
    out = consolidate([shelling, drone, toll])
    groups = sorted(sorted(s.report for s in o.sources) for o in out)
    assert ["2.txt"] in groups and len(out) == 2


def test_a_reports_country_level_account_of_its_towns_event_that_day_is_that_event():
    riot = dict(et="Riots", sub="Violent demonstration")
    town = inc("a", "r1", 0, **riot)
    country = inc("b", "r1", 100, loc="Azerbaijan", lat=40.5, lon=47.5, prec=3, **riot)
    assert len(consolidate([town, country])) == 1
    # another report's country-level account stays apart (nothing ties it to the town)
    assert len(consolidate([town, replace(country, sources=(Source("r2", "p", 0, 1),))])) == 2
    # as does a different kind of event of that day
    shelled = inc("c", "r1", 200, loc="Azerbaijan", lat=40.5, lon=47.5, prec=3)
    assert len(consolidate([town, shelled])) == 2


def test_a_country_level_account_joins_one_town_and_never_ties_two_towns_together():
    riot = dict(et="Riots", sub="Violent demonstration")
    country = inc("b", "r1", 0, loc="Azerbaijan", lat=40.5, lon=47.5, prec=3, **riot)
    town = inc("a", "r1", 100, **riot)
    other = inc("c", "r1", 200, loc="Ganja", lat=40.68, lon=46.36, **riot)
    out = consolidate([country, town, other])
    assert sorted(i.location for i in out) == ["Ganja", "Stepanakert"]


def test_a_country_level_lede_and_its_finer_account_with_the_same_toll_are_one_event():
    """The lede codes an attack on villagers, the detail a clash at a post: seven dead each."""
    lede = inc(
        "a", "r1", 0, loc="Azerbaijan", lat=40.5, lon=47.5, prec=3, fat=7,
        et="Violence against civilians", sub="Attack",
    )  # fmt: skip
    detail = inc("b", "r1", 100, loc="Tartar", lat=40.34, lon=46.93, prec=3, fat=7,
                 et="Battles", sub="Armed clash")  # fmt: skip
    [m] = consolidate([lede, detail])
    assert m.location == "Tartar"
    # another toll is another event; so is another report's lede
    assert len(consolidate([lede, replace(detail, fatalities=3)])) == 2
    other = replace(lede, sources=(Source("r2", "p", 0, 1),))
    assert len(consolidate([other, detail])) == 2


def test_unplaced_accounts_of_two_reports_stay_apart():
    # nothing says two reports that place nothing tell events in one country
    a = inc("a", "1.txt", 0, loc=None, lat=None, lon=None, prec=3)
    b = inc("b", "2.txt", 0, loc=None, lat=None, lon=None, prec=3)
    assert len(consolidate([a, b])) == 2
    assert not same_event(a, b)
    # within one report the same unplaced event told twice is still one
    c = inc("c", "1.txt", 300, loc=None, lat=None, lon=None, prec=3)
    assert same_event(a, c)
