"""Tests for mapper.incidents: events, claims, denials, numbers, places and dates.

Most tests build their toponyms by hand (so they test the incident rules, not
the geoparser); the last ones run the whole path on examples/ against the gold
in tests/data/examples_gold.json.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from dataclasses import dataclass
from pathlib import Path

import pytest

from mapper.incidents import Incident, Source, extract_incidents

ROOT = Path(__file__).resolve().parent.parent
MON = dt.date(2020, 9, 28)

# Points used by the hand-made toponyms (lat, lon, kind, country code).
PLACES = {
    "Stepanakert": (39.8177, 46.7528, "settlement", "AZ"),
    "Ganja": (40.6816, 46.3613, "settlement", "AZ"),
    "Tartar": (40.342, 46.9316, "settlement", "AZ"),
    "Baku": (40.3777, 49.892, "settlement", "AZ"),
    "Yerevan": (40.1777, 44.5126, "settlement", "AM"),
    "Kharkiv": (49.9935, 36.2304, "settlement", "UA"),
    "Khartoum": (15.5518, 32.5324, "settlement", "SD"),
    "El Fasher": (13.6279, 25.3494, "settlement", "SD"),
    "Nagorno-Karabakh": (39.85, 46.75, "region", "AZ"),
    "Azerbaijan": (40.5, 47.5, "country", "AZ"),
    "Armenia": (40.0, 45.0, "country", "AM"),
    "Ukraine": (49.0, 32.0, "country", "UA"),
    "Russia": (60.0, 100.0, "country", "RU"),
    "Sudan": (15.0, 30.0, "country", "SD"),
    "Maiduguri": (11.8464, 13.1603, "settlement", "NG"),
    "Damboa": (11.1553, 12.7564, "settlement", "NG"),
    "Nigeria": (10.0, 8.0, "country", "NG"),
    "Borno": (11.5, 13.0, "admin", "NG"),
    "Vovchansk": (50.2911, 36.9411, "settlement", "UA"),
    "Moscow": (55.7520, 37.6178, "settlement", "RU"),
    "Saltivka": (50.0300, 36.3000, "settlement", "UA"),
}
FEATURE_CODES = {"Moscow": "PPLC", "Baku": "PPLC", "Yerevan": "PPLC"}
ADJECTIVES = {
    "Azerbaijani": "Azerbaijan",
    "Armenian": "Armenia",
    "Russian": "Russia",
    "Ukrainian": "Ukraine",
    "Sudanese": "Sudan",
    "Nigerian": "Nigeria",
}
LINE = {"type": "LineString", "coordinates": [[46.0, 40.3], [46.9, 39.95], [47.3, 39.45]]}


@dataclass(frozen=True)
class Place:
    name: str
    lat: float
    lon: float
    kind: str
    country_code: str | None
    geometry: dict | None = None
    feature_code: str | None = None


@dataclass(frozen=True)
class Top:
    """A Toponym-like record (the fields of docs/interfaces.md)."""

    start: int
    end: int
    text: str
    name: str | None
    lat: float | None
    lon: float | None
    kind: str = "other"
    adjectival: bool = False
    dateline: bool = False
    country_code: str | None = None
    place: Place | None = None
    geonameid: int | None = None
    confidence: float = 1.0
    admin1: str | None = None


@dataclass(frozen=True)
class Rep:
    """A Report-like record."""

    id: str
    text: str
    published: dt.date | None = None
    dateline_span: tuple[int, int] | None = None
    body_start: int = 0
    path: str | None = None


def toponyms(
    text: str, *, dateline: tuple[int, int] | None = None, line_words: tuple[str, ...] = ()
) -> list[Top]:
    """Every known name in the text, as a geoparser would give it."""
    out = []
    for name, (lat, lon, kind, cc) in PLACES.items():
        start = 0
        while (i := text.find(name, start)) >= 0:
            start = i + len(name)
            if text[start : start + 1].isalpha() and name not in ADJECTIVES.values():
                continue
            if name in ADJECTIVES.values() and text[start : start + 1] in ("i", "n"):
                continue  # "Azerbaijani", "Armenian": adjectives below
            in_dl = bool(dateline and dateline[0] <= i < dateline[1])
            out.append(
                Top(
                    i,
                    start,
                    name,
                    name,
                    lat,
                    lon,
                    kind,
                    dateline=in_dl,
                    country_code=cc,
                    place=Place(name, lat, lon, kind, cc, feature_code=FEATURE_CODES.get(name)),
                )
            )
    for adj, country in ADJECTIVES.items():
        start = 0
        while (i := text.find(adj, start)) >= 0:
            start = i + len(adj)
            lat, lon, _, cc = PLACES[country]
            out.append(
                Top(i, start, adj, country, lat, lon, "country", adjectival=True, country_code=cc)
            )
    for words in line_words:
        i = text.find(words)
        if i >= 0:
            place = Place("front line", 39.95, 46.9, "line", "AZ", LINE)
            out.append(
                Top(
                    i,
                    i + len(words),
                    words,
                    "front line",
                    39.95,
                    46.9,
                    "line",
                    country_code="AZ",
                    place=place,
                )
            )
    return sorted(out, key=lambda t: t.start)


def extract(text: str, *, published=MON, default_date=None, dateline=None, line_words=()):
    rep = Rep("r.txt", text, published=published, dateline_span=dateline)
    return extract_incidents(
        rep, toponyms(text, dateline=dateline, line_words=line_words), default_date=default_date
    )


def violent(incs):
    return [i for i in incs if i.violent and not i.background]


# ------------------------------------------------------------------ records
def test_records_check_their_values():
    with pytest.raises(ValueError):
        Source("a.txt", "x", 4, 1)
    inc = extract("Azerbaijani artillery shelled Tartar on Sunday.")[0]
    assert isinstance(inc, Incident)
    with pytest.raises(ValueError, match="event_type"):
        Incident(**{**{f: getattr(inc, f) for f in inc.__slots__}, "event_type": "War"})


def test_quotes_are_exact_offsets_and_ids_are_stable():
    text = (
        "Armenian forces shelled Tartar on Sunday, killing two civilians, "
        "Azerbaijan's defence ministry said.\n\nArmenia's defence ministry denied the claim."
    )
    a, b = extract(text), extract(text)
    assert [i.id for i in a] == [i.id for i in b]
    for inc in a:
        for s in inc.sources:
            assert text[s.start : s.end] == s.quote


# ------------------------------------------------------------------ event types
@pytest.mark.parametrize(
    "text, event_type, sub_event_type",
    [
        (
            "Azerbaijani artillery shelled Tartar on Sunday.",
            "Explosions/Remote violence",
            "Shelling/artillery/missile attack",
        ),
        (
            "A Russian drone struck a bus in Kharkiv on Sunday, killing three people.",
            "Explosions/Remote violence",
            "Air/drone strike",
        ),
        (
            "Russian airstrikes hit Kharkiv overnight.",
            "Explosions/Remote violence",
            "Air/drone strike",
        ),
        (
            "Sudanese army troops clashed with paramilitary fighters in El Fasher on Sunday.",
            "Battles",
            "Armed clash",
        ),
        (
            "Azerbaijani troops took control of the town of Tartar on Sunday.",
            "Battles",
            "Government regains territory",
        ),
        (
            "Armenian forces shot down two Azerbaijani drones over Stepanakert on Sunday.",
            "Strategic developments",
            "Disrupted weapons use",
        ),
    ],
)
def test_event_types(text, event_type, sub_event_type):
    [inc] = extract(text)
    assert (inc.event_type, inc.sub_event_type) == (event_type, sub_event_type)


def test_martial_law_is_a_strategic_development_at_the_capital_when_known():
    text = "The government of Armenia declared martial law and a general mobilisation on Sunday."
    incs = extract(text)
    [sd] = [i for i in incs if i.event_type == "Strategic developments"]
    assert sd.actor1 == "Government of Armenia"
    assert sd.claimed_by is None
    assert sd.geo_precision == 2
    assert not violent(incs)


@pytest.mark.parametrize(
    "text",
    [
        # appeals, condemnations and talks are not events
        "The UN called for an end to the fighting in Khartoum.",
        "Russia urged both sides to halt fire and start negotiations on Sunday.",
        "France condemned the shelling of civilian areas and demanded an immediate ceasefire.",
        "Turkey said the attacks risk plunging the region into a wider war.",
        # not armed violence
        "Firefighters battled the blaze in Baku for hours on Sunday.",
        "Doctors in Khartoum went on a hunger strike on Sunday.",
        "Police in Baku seized drugs worth a million dollars.",
        "Two people died after being struck by a car in Yerevan on Sunday.",
        # a reciprocal accusation summarises, it tells no event
        "Armenia and Azerbaijan accused each other of attacking civilians on Sunday.",
        # a negated event
        "There was no shelling in Stepanakert on Sunday, officials said.",
    ],
)
def test_no_incident(text):
    assert violent(extract(text)) == []


def test_photo_caption_makes_no_incident():
    text = (
        "Azerbaijani artillery shelled Tartar on Sunday, officials said.\n\n"
        "A man walks past a damaged house in Stepanakert on Sunday.\n\n"
        "Rescue workers clear rubble in Ganja"
    )
    incs = violent(extract(text))
    assert [i.location for i in incs] == ["Tartar"]


# ------------------------------------------------------------------ claims and denials
def test_claim_and_its_denial():
    text = (
        "Armenian forces shelled the town of Tartar on Sunday, killing a mother and child, "
        "Azerbaijan's prosecutor general's office said.\n\n"
        "Armenia's defence ministry denied that its troops had fired on civilian areas."
    )
    [inc] = violent(extract(text))
    assert inc.claimed_by and "Azerbaijan" in inc.claimed_by
    assert inc.disputed is True
    assert inc.disputed_by and "Armenia" in inc.disputed_by
    assert inc.actor1 == "Military Forces of Armenia"
    assert inc.fatalities == 2
    assert len(inc.sources) == 2  # the denial is cited with the claim it denies


def test_denial_links_to_the_claim_it_denies_not_the_latest():
    text = (
        "Azerbaijan's defence ministry said its forces had shot down two Armenian helicopters "
        "on Sunday.\n\n"
        "Armenian officials said Azerbaijani rockets hit Stepanakert on Sunday.\n\n"
        "Armenia's defence ministry denied that any of its helicopters had been hit."
    )
    incs = extract(text)
    down = next(i for i in incs if i.sub_event_type == "Disrupted weapons use")
    shelled = next(i for i in incs if i.location == "Stepanakert")
    assert down.disputed and not shelled.disputed


def test_fact_has_no_claimant():
    [inc] = violent(
        extract("At least 14 civilians were injured in Tartar on Sunday by " "artillery fire.")
    )
    assert inc.claimed_by is None and inc.injuries == 14


def test_according_to_is_a_claim():
    [inc] = violent(
        extract(
            "Paramilitary fighters shelled El Fasher on Sunday, killing "
            "five members of the same family, according to local activists."
        )
    )
    assert inc.claimed_by and "activists" in inc.claimed_by
    assert inc.fatalities == 5


# ------------------------------------------------------------------ numbers
def test_dozens_wounded_and_continuation_sentence():
    text = (
        "Azerbaijani rockets hit Stepanakert on Sunday, killing two civilians, "
        "local officials said. The officials also said dozens of people had been wounded."
    )
    [inc] = violent(extract(text))
    assert (inc.fatalities, inc.injuries) == (2, 12)
    assert len(inc.sources) == 2


def test_equipment_counts_go_to_notes():
    [inc] = extract("Armenia said it destroyed 10 tanks and shot down 4 helicopters on Sunday.")
    assert "10 tanks" in inc.notes and "4 helicopters" in inc.notes
    assert inc.fatalities is None


# ------------------------------------------------------------------ places
def test_adjectival_is_never_the_place():
    [inc] = violent(extract("Russian forces shelled Kharkiv on Sunday."))
    assert inc.location == "Kharkiv" and inc.geo_precision == 1
    [inc] = violent(extract("Russian forces shelled a village on Sunday, killing two people."))
    assert inc.location != "Russia"


def test_dateline_is_not_the_place():
    text = "Khartoum, Sudan – Paramilitary fighters shelled El Fasher on Sunday, officials said."
    [inc] = violent(extract(text, dateline=(0, 15)))
    assert inc.location == "El Fasher"
    text = "Baku, Azerbaijan – Armenian artillery shelled villages on Sunday, officials said."
    [inc] = violent(extract(text, dateline=(0, 16)))
    assert inc.location != "Baku"


def test_the_city_points_back_to_the_last_named_city():
    text = (
        "A missile struck a residential street in Ganja on Sunday, officials said.\n\n"
        "Armenia's defence ministry denied firing at the city."
    )
    [inc] = violent(extract(text))
    assert inc.location == "Ganja" and inc.disputed


def test_along_the_front_line_maps_to_the_line_with_its_geometry():
    text = (
        "Nagorno-Karabakh officials said fighting raged on the contact line.\n\n"
        "Heavy fighting continued along the front line on Sunday, officials said."
    )
    incs = violent(extract(text, line_words=("contact line",)))
    assert incs and all(i.location == "front line" for i in incs)
    assert incs[-1].geometry == LINE and incs[-1].geo_precision == 3


def test_theatre_fallback_has_precision_3():
    text = (
        "Fighting in Nagorno-Karabakh intensified.\n\n"
        "Armenian officials said Azerbaijani drones had struck a convoy on Sunday."
    )
    incs = violent(extract(text))
    assert incs[-1].location == "Nagorno-Karabakh" and incs[-1].geo_precision == 3


# ------------------------------------------------------------------ dates and background
def test_relative_date_against_publication():
    [inc] = violent(
        extract(
            "Azerbaijani artillery shelled Tartar early on Sunday.", published=dt.date(2020, 10, 1)
        )
    )
    assert inc.event_date == "2020-09-27" and inc.time_precision == 1


def test_default_date_for_undated_report():
    [inc] = violent(
        extract("Azerbaijani artillery shelled Tartar on Sunday.", published=None, default_date=MON)
    )
    assert inc.event_date == "2020-09-27"


def test_metadata_date_contradicted_by_text():
    text = (
        "Azerbaijani artillery shelled Tartar on Sunday.\n\n"
        "It was the worst fighting since 2016, ending four years of relative calm."
    )
    [inc] = violent(extract(text, published=dt.date(2017, 7, 11), default_date=MON))
    assert inc.event_date == "2020-09-27"
    assert "contradicted" in inc.notes
    [inc] = violent(extract(text, published=dt.date(2017, 7, 11)))
    assert "contradicted" in inc.notes


def test_background_is_flagged():
    text = (
        "Armenian forces shelled Tartar on Sunday, officials said.\n\n"
        "The two sides fought a war over the region that ended with a ceasefire in 1994. "
        "About 30,000 people were killed during the war.\n\n"
        "In 2016, dozens of soldiers died in clashes."
    )
    incs = extract(text)
    current = [i for i in incs if not i.background]
    assert [i.location for i in current] == ["Tartar"]
    assert all(i.event_date for i in incs)
    assert any(i.background for i in incs)


# ------------------------------------------------------------------ whole path on examples/
def _km(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(h))


@pytest.fixture(scope="module")
def example_incidents():
    geoparse = pytest.importorskip("mapper.geoparse")
    from mapper.consolidate import consolidate
    from mapper.reports import read_reports

    found = []
    for rep in read_reports([ROOT / "examples"]):
        doc, tops = geoparse.parse(rep.text, dateline_span=rep.dateline_span)
        found.extend(extract_incidents(rep, tops, default_date=MON, doc=doc))
    return consolidate(found)


def _cites(inc, quote):
    return any(
        s.report == quote["report"] and min(s.end, quote["end"]) > max(s.start, quote["start"])
        for s in inc.sources
    )


def test_examples_match_their_gold(example_incidents):
    gold = json.loads((ROOT / "tests" / "data" / "examples_gold.json").read_text(encoding="utf-8"))
    current = [i for i in example_incidents if not i.background]
    used = set()
    for g in gold["incidents"]:
        types = {g["event_type"]} | {a["event_type"] for a in g["also_accept"]}
        hits = [
            i
            for i in current
            if i.event_type in types
            and _cites(i, g["quotes"][0])
            and i.lat is not None
            and _km(i.lat, i.lon, g["lat"], g["lon"]) <= g["radius_km"]
        ]
        assert hits, f"{g['id']} ({g['summary']}) not found"
        inc = hits[0]
        used.add(inc.id)
        assert inc.event_date == g["event_date"], g["id"]
        assert bool(inc.claimed_by) == bool(g["claimed_by"]) or g.get("claim_ambiguous"), g["id"]
        assert inc.disputed == g["disputed"], g["id"]
        assert (inc.fatalities or 0) in {g["fatalities"] or 0} | set(
            g.get("fatalities_also_accept", [])
        ), g["id"]
        assert (inc.injuries or 0) in {g["injuries"] or 0} | set(
            g.get("injuries_also_accept", [])
        ), g["id"]
        assert {s.report for s in inc.sources} >= set(g["reports"]), g["id"]
    extra = [i for i in current if i.id not in used]
    assert extra == [], [(i.event_type, i.location, i.sources[0].quote) for i in extra]


def test_examples_never_map_captions_statements_or_background(example_incidents):
    gold = json.loads((ROOT / "tests" / "data" / "examples_gold.json").read_text(encoding="utf-8"))
    bad = list(gold["not_incidents"])
    for rep, info in gold["reports"].items():
        bad += [dict(b, report=rep) for b in info.get("background", [])]
    for inc in example_incidents:
        if inc.background or not inc.violent:
            continue
        for b in bad:
            # A violent incident may cite a caption only next to real evidence.
            assert not (len(inc.sources) == 1 and _cites(inc, b)), (b["quote"], inc)


# ------------------------------------------------------------------ other theatres
def test_named_armed_group_takes_territory():
    text = (
        "The RSF said on Sunday it had seized the army headquarters in El Fasher, "
        "a claim the army did not confirm."
    )
    [inc] = violent(extract(text))
    assert (inc.event_type, inc.sub_event_type) == (
        "Battles",
        "Non-state actor overtakes territory",
    )
    assert inc.location == "El Fasher" and inc.claimed_by


def test_armed_killers_of_civilians_is_violence_against_civilians():
    text = (
        "In El Fasher, paramilitary fighters and allied militias killed dozens of civilians "
        "on Sunday, according to a local rights group."
    )
    [inc] = violent(extract(text))
    assert (inc.event_type, inc.sub_event_type) == ("Violence against civilians", "Attack")
    assert inc.fatalities == 12 and inc.location == "El Fasher"


def test_intercepted_missiles_are_disrupted_weapons_use():
    [inc] = extract(
        "Ukraine's air force said it had intercepted 12 of the 15 cruise missiles "
        "launched at Kharkiv on Sunday."
    )
    assert inc.sub_event_type == "Disrupted weapons use"


def test_cumulative_toll_is_background():
    incs = extract(
        "The United Nations said more than 2,000 people have been killed in Sudan "
        "since the war began in April."
    )
    assert all(i.background for i in incs)


def test_ceasefire_agreement():
    text = "Armenia and Azerbaijan agreed to a humanitarian ceasefire on Saturday, Russia said."
    [inc] = extract(text, published=dt.date(2020, 10, 10))
    assert (inc.event_type, inc.sub_event_type) == ("Strategic developments", "Agreement")
    assert extract("France urged both sides to respect the ceasefire.") == []


def test_listed_places_are_one_event_each():
    text = (
        "Azerbaijan's defence ministry said Armenian forces had shelled Ganja and Tartar "
        "overnight, killing two civilians."
    )
    incs = violent(extract(text))
    assert sorted(i.location for i in incs) == ["Ganja", "Tartar"]
    assert sum(i.fatalities or 0 for i in incs) == 2  # figures are not doubled
    assert len({i.id for i in incs}) == 2


def test_each_reporting_verb_tells_its_own_event():
    text = (
        "Armenia said Azerbaijani forces shelled Stepanakert on Sunday, while Azerbaijan said "
        "Armenian troops shelled Tartar."
    )
    incs = violent(extract(text))
    by_place = {i.location: i for i in incs}
    assert set(by_place) == {"Stepanakert", "Tartar"}
    assert by_place["Stepanakert"].actor1 == "Military Forces of Azerbaijan"
    assert by_place["Tartar"].actor1 == "Military Forces of Armenia"
    assert by_place["Stepanakert"].claimed_by != by_place["Tartar"].claimed_by


def test_own_reporter_is_not_a_claimant():
    [inc] = violent(
        extract("Explosions were heard in Stepanakert on Sunday, an AFP reporter said.")
    )
    assert inc.claimed_by is None


def test_calling_a_claim_false_disputes_it():
    text = (
        "Azerbaijan's defence ministry said its forces had shot down two Armenian drones "
        "over Tartar on Sunday.\n\n"
        "Armenia's defence ministry said the reports were false."
    )
    [inc] = extract(text)
    assert inc.disputed and inc.disputed_by and "Armenia" in inc.disputed_by


def test_examples_gold_quotes_match_the_reports():
    gold = json.loads((ROOT / "tests" / "data" / "examples_gold.json").read_text(encoding="utf-8"))
    quotes = [q for g in gold["incidents"] for q in g["quotes"]] + gold["not_incidents"]
    for rep, info in gold["reports"].items():
        quotes += [dict(b, report=rep) for b in info.get("background", [])]
        text = (ROOT / "examples" / rep).read_text(encoding="utf-8")
        for place in info["places"]:
            for s, e in place["spans"]:
                assert text[s:e] == place["mention"]
    for q in quotes:
        text = (ROOT / "examples" / q["report"]).read_text(encoding="utf-8")
        assert text[q["start"] : q["end"]] == q["quote"]


def test_the_event_date_is_the_event_clause_not_the_reporting_verb():
    text = (
        "Armenia said on Tuesday that Azerbaijani artillery had shelled Stepanakert on Sunday, "
        "killing two civilians."
    )
    [inc] = violent(extract(text, published=dt.date(2020, 9, 29)))
    assert inc.event_date == "2020-09-27"


def test_hard_wrapped_text_is_read_as_sentences():
    text = (
        "Azerbaijan's defence ministry said Armenian forces had\n"
        "shelled the town of Tartar on Sunday, killing two civilians\n"
        "and wounding five others, in the heaviest attack on the town\n"
        "since the fighting began.\n\n"
        "Armenia's defence ministry denied that its troops had fired\n"
        "on civilian areas and said the claims were false.\n"
    )
    [inc] = violent(extract(text))
    assert inc.location == "Tartar" and inc.fatalities == 2 and inc.injuries == 5
    assert inc.disputed
    for s in inc.sources:
        assert text[s.start : s.end] == s.quote


@pytest.mark.parametrize(
    "text, location, sub_event_type",
    [
        (
            "The town of Tartar came under fire on Sunday, Azerbaijani officials said.",
            "Tartar",
            "Shelling/artillery/missile attack",
        ),
        (
            "Two journalists were wounded by shelling in the town of Tartar on Sunday.",
            "Tartar",
            "Shelling/artillery/missile attack",
        ),
        (
            "Armenian forces downed three Azerbaijani drones over Stepanakert on Sunday.",
            "Stepanakert",
            "Disrupted weapons use",
        ),
    ],
)
def test_common_war_phrasings(text, location, sub_event_type):
    incs = [i for i in extract(text) if not i.background]
    assert [(i.location, i.sub_event_type) for i in incs] == [(location, sub_event_type)]


def test_soldiers_lost_are_fatalities():
    [inc] = violent(extract("Azerbaijan said it had lost 12 soldiers in fighting near Tartar."))
    assert inc.fatalities == 12 and inc.event_type == "Battles"


# ------------------------------------------------------------------ beyond a war of shells
def test_gunmen_attacking_villagers_is_violence_against_civilians_even_in_a_shelling_war():
    text = (
        "Artillery shelled Damboa on Saturday, the army said.\n\n"
        "Gunmen on motorcycles killed 12 farmers in an attack on a village near Maiduguri "
        "on Sunday, police said."
    )
    kinds = [(i.location, i.event_type, i.sub_event_type) for i in violent(extract(text))]
    assert ("Maiduguri", "Violence against civilians", "Attack") in kinds
    assert ("Damboa", "Explosions/Remote violence", "Shelling/artillery/missile attack") in kinds


@pytest.mark.parametrize(
    "text",
    [
        "A Nigerian army patrol came under fire near Maiduguri on Sunday, the army said.",
        "Nigerian soldiers pushed into Damboa under heavy fire on Sunday, residents said.",
        "Nigerian troops tried to advance toward Damboa on Sunday, the army said.",
    ],
)
def test_ground_forces_under_fire_or_advancing_fight_a_battle(text):
    [inc] = violent(extract(text))
    assert (inc.event_type, inc.sub_event_type) == ("Battles", "Armed clash")


@pytest.mark.parametrize(
    "text",
    [
        "The army said its aircraft struck insurgent camps near Damboa on Sunday.",
        "Nigerian jets hit a rebel base near Damboa on Sunday, the air force said.",
        "Russia launched 30 drones at Kharkiv on Sunday, Ukrainian officials said, "
        "adding that air defences shot down 25 of them.",
    ],
)
def test_aircraft_and_drones_as_the_instrument_make_an_air_strike(text):
    [inc] = [i for i in extract(text) if not i.background]
    assert inc.event_type == "Explosions/Remote violence"
    assert inc.sub_event_type == "Air/drone strike"


def test_a_road_between_two_towns_is_one_place():
    text = (
        "Insurgents ambushed a Nigerian army convoy on the road between Maiduguri and Damboa "
        "on Sunday, killing nine soldiers, security sources said."
    )
    [inc] = violent(extract(text))
    assert inc.event_type == "Battles" and inc.fatalities == 9


def test_a_sentence_pointing_back_at_the_event_is_the_same_event():
    text = (
        "Russian missiles struck Kharkiv on Sunday, killing three people, officials said.\n\n"
        "One of the missiles hit a school, and rescuers were still at work on Monday.\n\n"
        "Insurgents ambushed a Nigerian army convoy near Damboa last week, sources said.\n\n"
        "The convoy was attacked on Thursday, one of the sources said."
    )
    incs = violent(extract(text, published=dt.date(2020, 9, 28)))
    assert [(i.location, len(i.sources)) for i in incs] == [("Kharkiv", 2), ("Damboa", 2)]
    assert incs[0].event_date == "2020-09-27"
    assert (incs[1].event_date, incs[1].time_precision) == ("2020-09-24", 1)


def test_the_other_sides_placeless_version_joins_the_event():
    text = (
        "A Russian drone strike on Kharkiv killed two civilians on Sunday, local officials "
        "said.\n\nRussia's defence ministry said its forces had struck military targets."
    )
    [inc] = violent(extract(text))
    assert inc.location == "Kharkiv" and len(inc.sources) == 2


def test_a_reporting_participle_adding_the_same_kind_of_event_is_one_event():
    text = (
        "Sudanese troops repelled attacks by rebels near El Fasher, the army said on Sunday, "
        "reporting 20 clashes in a single day."
    )
    [inc] = violent(extract(text))
    assert inc.event_type == "Battles"


def test_a_denial_in_a_relative_clause_disputes_its_own_sentence():
    text = (
        "Russia's defence ministry claimed that its forces had taken Vovchansk, which "
        "Ukrainian officials denied.\n\n"
        "Ukraine's army said Russian artillery shelled Kharkiv on Sunday."
    )
    incs = violent(extract(text))
    assert [(i.location, i.disputed) for i in incs] == [("Vovchansk", True), ("Kharkiv", False)]


def test_a_capital_in_the_claimants_name_is_its_state_not_the_place():
    text = (
        "Fighting raged near the village of Vovchansk on Sunday, Ukraine's army said.\n\n"
        "Moscow's defence ministry claimed that its forces had captured the village."
    )
    incs = violent(extract(text))
    assert {i.location for i in incs} == {"Vovchansk"}
    text = "Moscow's defence ministry claimed that its forces had captured Vovchansk."
    [inc] = violent(extract(text))
    assert inc.actor1 == "Military Forces of Russia" and "Russia" in inc.claimed_by


def test_a_state_taking_ground_in_another_state_is_an_armed_clash():
    [inc] = violent(extract("Russian troops captured Vovchansk on Sunday, Ukraine said."))
    assert (inc.event_type, inc.sub_event_type) == ("Battles", "Armed clash")
    [inc] = violent(extract("Nigerian troops recaptured Damboa on Sunday, the army said."))
    assert inc.sub_event_type == "Government regains territory"


def test_an_age_is_not_a_death_toll():
    text = "Russian artillery shelled Kharkiv on Sunday, killing a 71-year-old woman."
    [inc] = violent(extract(text))
    assert inc.fatalities == 1


def test_neutralised_fighters_are_fatalities():
    text = (
        "Nigerian soldiers came under fire near Damboa on Sunday, the army said, adding that "
        "six attackers were neutralised."
    )
    [inc] = violent(extract(text))
    assert inc.fatalities == 6
    incs = extract("Nigerian soldiers neutralised two tanks near Damboa on Sunday.")
    assert all(i.fatalities is None for i in incs)


def test_pressing_sides_to_agree_is_not_an_agreement():
    text = "Mediators are pressing Armenia and Azerbaijan to agree to a ceasefire."
    assert [i for i in extract(text) if i.sub_event_type == "Agreement"] == []
    text = "Armenia and Azerbaijan agreed to a ceasefire on Sunday."
    assert [i.sub_event_type for i in extract(text)] == ["Agreement"]


def test_victims_and_armed_groups_are_labelled_by_state():
    [inc] = violent(extract("Gunmen killed five villagers near Maiduguri on Sunday, police said."))
    assert inc.actor1 == "Unidentified Armed Group (Nigeria)"
    assert inc.actor2 == "Civilians (Nigeria)"
    [inc] = violent(
        extract("A Nigerian air strike on a market in Borno killed ten civilians on Sunday.")
    )
    assert inc.actor2 == "Civilians (Nigeria)"


def test_a_district_of_the_city_just_named_is_the_same_place():
    text = (
        "Russian missiles struck Kharkiv on Sunday, killing three people, officials said.\n\n"
        "One of the missiles hit a school in Saltivka."
    )
    [inc] = violent(extract(text))
    assert inc.location == "Kharkiv" and len(inc.sources) == 2


def test_placeless_damage_joins_the_strike_told_a_few_sentences_before():
    text = (
        "Nigerian jets bombed a village near Damboa on Sunday, killing six people.\n\n"
        "The insurgents said the dead were farmers. The air force said it hit a camp.\n\n"
        "Residents said several houses had been destroyed."
    )
    incs = violent(extract(text))
    assert len(incs) == 1 and incs[0].location == "Damboa"
    assert any("houses" in s.quote for s in incs[0].sources)


def test_a_dateline_glued_to_the_subject_leaves_the_attackers_readable():
    text = "MAIDUGURI, Nigeria — Insurgents stormed a market in Damboa on Sunday, police said."
    [inc] = violent(extract(text, dateline=(0, 18)))
    assert (inc.event_type, inc.location) == ("Battles", "Damboa")
    assert inc.actor1 == "Unidentified Armed Group (Nigeria)"


def test_an_acronym_with_a_number_is_a_named_group():
    [inc] = violent(extract("M23 rebels seized Damboa on Sunday, officials said."))
    assert inc.actor1 == "M23"
    assert inc.sub_event_type == "Non-state actor overtakes territory"


def test_a_capital_as_a_target_is_a_place_not_a_side():
    text = "Russian jets struck rebel targets in the capital Moscow on Sunday."
    [inc] = violent(extract(text))
    assert inc.location == "Moscow" and inc.actor2 is None


def test_police_and_gangs_exchanging_fire_is_a_battle():
    text = "Police exchanged fire with gang members near Maiduguri on Sunday, residents said."
    [inc] = violent(extract(text))
    assert (inc.event_type, inc.sub_event_type) == ("Battles", "Armed clash")


def test_with_no_region_or_country_named_the_theatre_is_the_main_city():
    text = (
        "Gangs attacked a prison in Maiduguri on Saturday, officials said.\n\n"
        "Police exchanged fire with gang members near the airport on Sunday."
    )
    incs = violent(extract(text))
    assert [i.location for i in incs] == ["Maiduguri", "Maiduguri"]
    assert incs[1].geo_precision == 3


def test_the_army_quoted_for_the_first_time_is_not_the_last_speaker():
    text = (
        "Gunmen killed ten villagers near Maiduguri in Nigeria on Saturday, local officials "
        "said.\n\nSeparately, the army said its jets struck insurgent camps near Damboa on "
        "Sunday."
    )
    incs = violent(extract(text))
    strike = next(i for i in incs if i.location == "Damboa")
    assert strike.claimed_by == "Nigeria military"
    assert strike.actor1 == "Military Forces of Nigeria"


def test_a_coordinated_clause_with_its_own_subject_is_an_event_of_its_own():
    text = (
        "Insurgents shelled Damboa on Sunday, and Nigerian jets later struck a camp near "
        "Maiduguri, the army said.\n\nOfficials said three people were killed in the "
        "Nigerian strike."
    )
    incs = violent(extract(text))
    assert sorted(i.location for i in incs) == ["Damboa", "Maiduguri"]
    strike = next(i for i in incs if i.location == "Maiduguri")
    assert strike.sub_event_type == "Air/drone strike" and strike.fatalities == 3


def test_a_demonym_on_the_place_noun_gives_the_country_when_the_place_is_unknown():
    [inc] = violent(extract("Russian jets struck a Ukrainian village on Sunday."))
    assert inc.location == "Ukraine" and inc.geo_precision == 3


def test_abducting_pupils_is_violence_against_civilians():
    [inc] = violent(extract("Gunmen abducted 40 pupils from a school near Maiduguri on Sunday."))
    assert (inc.event_type, inc.sub_event_type) == (
        "Violence against civilians",
        "Abduction/forced disappearance",
    )


def test_attacking_a_police_station_in_a_town_is_a_battle():
    text = (
        "Artillery shelled Damboa on Saturday.\n\n"
        "Insurgents attacked a police station in the town of Maiduguri on Sunday, wounding "
        "two officers."
    )
    inc = next(i for i in violent(extract(text)) if i.location == "Maiduguri")
    assert (inc.event_type, inc.sub_event_type) == ("Battles", "Armed clash")


def test_a_second_missile_is_the_same_strike():
    text = (
        "Russian missiles hit Kharkiv on Sunday, killing four people.\n\n"
        "A second missile struck as rescuers arrived, officials said."
    )
    [inc] = violent(extract(text))
    assert len(inc.sources) == 2


def test_fighters_attacking_a_village_in_a_war_of_shells_is_violence_against_civilians():
    text = (
        "Artillery shelled Damboa on Saturday.\n\n"
        "Insurgent fighters attacked a village near Maiduguri on Sunday, killing 30 people."
    )
    inc = next(i for i in violent(extract(text)) if i.location == "Maiduguri")
    assert (inc.event_type, inc.sub_event_type) == ("Violence against civilians", "Attack")


def test_an_air_force_bombing_is_an_air_strike():
    [inc] = violent(extract("The Nigerian air force bombed insurgent positions near Damboa."))
    assert inc.sub_event_type == "Air/drone strike"


def test_a_landmine_that_exploded_is_a_remote_explosive():
    text = "A soldier was killed when a landmine exploded near Damboa on Sunday, the army said."
    [inc] = violent(extract(text))
    assert inc.sub_event_type == "Remote explosive/landmine/IED" and inc.fatalities == 1


def test_armed_groups_claiming_a_capture_overtake_territory():
    text = "Nigeria's armed groups said they had captured Damboa after weeks of fighting."
    [inc] = violent(extract(text))
    assert inc.sub_event_type == "Non-state actor overtakes territory"
    assert not (inc.actor1 or "").startswith("Military Forces")


def test_a_day_later_is_dated_from_the_event_before_and_stays_apart():
    text = (
        "Russian missiles struck Kharkiv on Saturday, killing six people, officials said. "
        "A day later, two people were killed when a missile hit Kharkiv again."
    )
    incs = violent(extract(text))
    assert sorted(i.event_date for i in incs) == ["2020-09-26", "2020-09-27"]


def test_executed_civilians_are_fatalities_dated_to_the_month():
    text = (
        "Soldiers executed at least 40 civilians near Damboa in February, a rights group "
        "said in a report published on Thursday."
    )
    [inc] = violent(extract(text, published=dt.date(2024, 6, 14)))
    assert inc.fatalities == 40
    assert (inc.event_date, inc.time_precision) == ("2024-02-01", 3)


def test_shot_dead_people_are_killed_by_the_shooters():
    text = "Suspected jihadists torched homes and shot dead 12 people near Maiduguri overnight."
    [inc] = violent(extract(text))
    assert (inc.event_type, inc.fatalities) == ("Violence against civilians", 12)
    assert inc.actor1 == "Unidentified Armed Group (Nigeria)"


def test_gunmen_killing_farmers_is_violence_against_civilians():
    [inc] = violent(extract("Gunmen killed five farmers near Damboa on Monday."))
    assert inc.event_type == "Violence against civilians"


def test_an_explosion_among_gunmen_is_a_planted_charge_and_the_speaker_is_named():
    text = (
        "Gunmen killed five farmers near Damboa on Monday, the army said.\n\n"
        "An explosion at a fuel depot in Maiduguri killed two workers on Tuesday, the fire "
        "service said."
    )
    inc = next(i for i in violent(extract(text)) if i.location == "Maiduguri")
    assert inc.sub_event_type == "Remote explosive/landmine/IED"
    assert inc.claimed_by == "the fire service"


def test_a_year_ago_is_background():
    text = "A year ago, gunmen killed 30 villagers near Maiduguri, officials said."
    assert violent(extract(text)) == []


def test_a_drone_hitting_a_building_is_an_air_strike():
    text = "A Ukrainian drone hit an apartment block in Moscow on Sunday, injuring five people."
    [inc] = violent(extract(text))
    assert inc.sub_event_type == "Air/drone strike"


def test_a_name_followed_by_region_is_a_region_not_the_city():
    text = (
        "In the Kharkiv region, Russian shelling killed three civilians in the town of "
        "Vovchansk on Sunday, police said."
    )
    [inc] = violent(extract(text))
    assert (inc.location, inc.geo_precision) == ("Vovchansk", 1)


def test_a_belligerents_strikes_hit_places_in_a_war_of_remote_weapons():
    text = (
        "Russian artillery shelled Vovchansk on Saturday as Ukrainian troops fought off "
        "an offensive.\n\n"
        "Russian strikes hit Kharkiv and Moscow overnight, wounding 14 people."
    )
    incs = violent(extract(text))
    assert {i.location for i in incs} == {"Vovchansk", "Kharkiv", "Moscow"}


@pytest.mark.parametrize(
    "sentence",
    [
        "A general strike hit Kharkiv on Monday.",
        "The doctors' strike hit hospitals in Kharkiv on Monday.",
        "Doctors in Kharkiv went on strike on Monday.",
    ],
)
def test_a_labour_strike_is_no_attack_even_in_a_war(sentence):
    text = "Russian artillery shelled Vovchansk on Saturday.\n\n" + sentence
    assert {i.location for i in violent(extract(text))} == {"Vovchansk"}


@pytest.mark.parametrize(
    "text, figures",
    [
        (
            "Russian shelling killed two people in Kharkiv and one in Vovchansk on Sunday.",
            {"Kharkiv": (2, None), "Vovchansk": (1, None)},
        ),
        (
            "Russian shelling killed three civilians in Kharkiv and wounded two in Vovchansk "
            "on Sunday.",
            {"Kharkiv": (3, None), "Vovchansk": (None, 2)},
        ),
    ],
)
def test_victims_listed_by_place_make_one_event_per_place(text, figures):
    incs = violent(extract(text))
    assert {i.location: (i.fatalities, i.injuries) for i in incs} == figures


def test_the_subject_of_the_clause_a_raid_is_in_carried_it_out():
    text = "Russian forces killed three men during a raid near Vovchansk, Ukraine's army said."
    [inc] = violent(extract(text))
    assert inc.actor1 == "Military Forces of Russia"


def test_a_truce_glued_to_the_dateline_still_takes_effect():
    text = (
        "KHARTOUM, Sudan — A 72-hour truce between the army and the RSF took effect on "
        "Sunday, officials said."
    )
    incs = extract(text, dateline=(0, 16))
    assert [i.sub_event_type for i in incs] == ["Agreement"]


def test_sporadic_fighting_on_a_named_day_is_current_but_frequent_fighting_is_a_habit():
    text = "Sporadic clashes between Sudanese troops and rebels hit El Fasher on Sunday."
    assert [i.background for i in violent(extract(text))] == [False]
    text = "Sudanese troops and rebels frequently clash near El Fasher."
    assert violent(extract(text)) == []


def test_protests_and_their_dispersal():
    text = (
        "Hundreds of people protested in Khartoum on Sunday against the war.\n\n"
        "Police fired tear gas to disperse them.\n\n"
        "Sudan protested to the ambassador over the remarks."
    )
    incs = [i for i in extract(text) if i.event_type == "Protests"]
    assert [(i.location, i.sub_event_type) for i in incs] == [
        ("Khartoum", "Protest with intervention")
    ]
    assert incs[0].actor1 == "Protesters (Sudan)" and len(incs[0].sources) == 2


def test_killing_in_the_response_is_the_same_battle():
    text = (
        "Jihadist fighters killed 20 soldiers in an ambush near Damboa on Sunday, the "
        "Nigerian army said.\n\nIt said the army killed dozens of insurgents in the response."
    )
    [inc] = violent(extract(text))
    assert len(inc.sources) == 2 and inc.actor1 == "Unidentified Armed Group (Nigeria)"


def test_a_risen_death_toll_updates_the_event_just_told():
    text = (
        "A suicide bomber killed at least 10 people at a market in Maiduguri on Sunday, "
        "police said.\n\nOfficials said the death toll had risen to 14 on Monday.\n\n"
        "The toll from the insurgency has risen to more than 40,000 since 2009."
    )
    [inc] = violent(extract(text))
    assert inc.fatalities == 14 and len(inc.sources) == 2


def test_contradicted_metadata_date_is_never_day_precise():
    from mapper.geoparse import parse
    from mapper.reports import parse_text_report

    text = ("date 2012-03-05\nGunmen attacked the village of Tawila on Monday, killing six "
            "people, officials said. It was the worst violence since 2019, after four years "
            "of calm in the area.")
    report = parse_text_report(text, report_id="t.txt")
    doc, tops = parse(report.text)
    found = extract_incidents(report, tops, doc=doc)
    assert found and all(i.time_precision == 3 for i in found)
    assert all("contradicted" in i.notes for i in found)
