"""Context patterns that make a capitalised name a place, whatever the NER label.

How conflict chronologies, wire copy and ACLED notes locate places:

* an area noun after the name: "in Chimtal district, Balkh", "in Twantay
  township", "in Mongyawng town (...)", "Khash (Delaram) district, Nimruz";
* a stated container after a comma or in parentheses: "Marinka, Donetsk",
  "Boundore (Boundore, Yagha)", "near Haluqa, Garissa";
* two towns joined by a dash into a road or an axis: "the Djibo-Mentao axis",
  "the Voi-Taveta road".

A name the index knows is taken when one of its candidates fits the
pattern (a settlement or division; for a container, a candidate inside it).
A name the index does not know is taken only before an area noun *and* a
stated container the index knows ("Zinda Jan district, Herat"): resolution
then places it at that container (precision 2 or 3).

Each rule looks at a bounded window of tokens around one position: linear.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from mapper.gazetteer import fold
from mapper.geoparse.candidates import could_contain, division_variant_cands, is_adm1
from mapper.geoparse.context import DISTANCE_LEAD, DISTANCE_TAIL, NOUNS_BEFORE_DISTANCE
from mapper.geoparse.evidence import demonym_place, place_cue
from mapper.geoparse.lexicon import (
    ARABIC_ARTICLES,
    ARABIC_HEADS,
    AREA_NOUNS,
    COMPASS_POINTS,
    DIVISION_TITLES,
    GENERIC,
    LGA_WORDS,
    ROUTE_DASHES,
    ROUTE_NOUNS,
    STOP_NAMES,
    STREET_NOUNS,
)

if TYPE_CHECKING:  # pragma: no cover
    from mapper.gazetteer import Candidate

__all__ = [
    "add_context_mentions",
    "route_ends",
    "inside_longer_name",
    "starts_longer_name",
    "compound_head",
    "compound_end",
    "CONTEXT_LABEL",
    "UNKNOWN_LABEL",
    "DIVISION_VARIANT_LABEL",
]

#: Mention label of a known name taken through a context pattern.
CONTEXT_LABEL = "CONTEXT"
#: Mention label of an unknown name with an area noun and a known container.
UNKNOWN_LABEL = "CONTEXT_UNKNOWN"
#: Mention label of a container the index spells another way (resolved by its variants).
DIVISION_VARIANT_LABEL = "DIVISION_VARIANT"
_MAX_NAME_TOKENS = 5
_MAX_PAREN_TOKENS = 8
#: Unknown divisions skipped in a chain before its first known container.
_MAX_HOPS = 2
_PLACE_KINDS = ("settlement", "admin")
_SENTENCE_ENDS = frozenset([".", "!", "?", "\n", "\n\n", ":", ";"])
_CONTAINER_KINDS = ("admin", "country", "region", "settlement")
#: Words after which a capitalised name is where something happened: prepositions, and
#: verbs that take a place as their object ("Turkish military ... claimed they have
#: captured Ras al-Ain", mapsofworld, 10 October 2019; "the military troops raided the
#: village", [acled-dev mmr 2021-12-22]).
_LOCATED_BY = frozenset(
    """in at near around outside inside from of captured seized retook recaptured
    entered overran stormed shelled bombed raided""".split()
)
#: Bodies named after what they do, not where, so the word after their "of" is no place
#: the parentheses after it locate: a union of staff of the "Ministry of Industry" with its
#: acronym in parentheses ([acled-dev bfa]), "the Secretary of State", "the Commission
#: of Inquiry".
_BODIES = frozenset(
    """ministry ministries minister secretary bureau directorate commission committee board
    federation association confederation institute faculty""".split()
)


def add_context_mentions(rec) -> None:  # noqa: ANN001 - the recogniser (private class)
    """Add the mentions the context patterns find to the recogniser ``rec``."""
    tk = rec.tk
    found = {(m.start, m.end) for m in rec.mentions}
    for i, j in rec.matches:
        seg = rec.text[slice(*rec.span_of(i, j))]
        if _excluded(rec, seg, i, j):
            continue
        cs = [c for c in rec.cands(seg) if c.place.kind in _PLACE_KINDS]
        if not cs or inside_longer_name(rec, i, j):
            continue  # "Zinda Jan district": the name is "Zinda Jan", not "Jan"
        rec.container_span = None
        if rec.taken[tk.idx[i]]:
            # a place the model found still states its container: "in Kohistan
            # district, Faryab" ([acled-dev afg 2020-03-02]), "Taunggyi township
            # (Taunggyi District, Shan State)" ([acled-dev mmr 2021-05-14]), "Hathazari
            # upazila (Chittagong)" ([acled-dev bgd 2023-11-13])
            if rec.span_of(i, j) in found and _stated_container(rec, j, cs):
                _add_container(rec)
            continue
        if _stated_container(rec, j, cs):
            rec.add(*rec.span_of(i, j), CONTEXT_LABEL)
            _add_container(rec)
        elif _area_after(rec, j) is not None or _route(rec, i, j) or _said_a_place(rec, j):
            rec.add(*rec.span_of(i, j), CONTEXT_LABEL)
    _unknown_before_area(rec)
    _announced_in_container(rec)
    _compass_divisions(rec)
    _parenthesised_containers(rec)
    _spelled_in_container(rec)
    _measured_from(rec)


#: A stated distance from a named place right after a name: ", about 70 km north of Goma".
_DISTANCE_AFTER = re.compile(
    DISTANCE_LEAD + r"(?:km|kilometres|kilometers|miles)" + DISTANCE_TAIL + r"(?-i:[A-Z])", re.I
)


def _measured_from(rec) -> None:  # noqa: ANN001
    """Names a place cue announces and a stated distance locates, known or not.

    "took control of the town of Nyanzale, located approximately 70 kilometers
    north of Goma" (AFP, March 2024), "the town of Kishishe about 70 kilometres
    north of Goma" (AFP via Daily Monitor, November 2022): resolution then
    places an unknown name that far from the named place.
    """
    tk = rec.tk
    for i in range(1, rec.n):
        if not (tk.text[i][:1].isupper() and tk.alpha[i]) or rec.taken[tk.idx[i]]:
            continue
        j = i + 1
        while j < min(rec.n, i + _MAX_NAME_TOKENS) and tk.text[j][:1].isupper() and tk.alpha[j]:
            j += 1
        # "It took place in Ngakobo, about 60 kilometers (37 miles) south of the central
        # town of Bambari" (AP via The Daily Record, December 2015), "reported the incident
        # in Biu, some 100 km from the Njaba village" (IANS via Xinhua, Borno, March 2015):
        # after "in" or "at", the stated distance is cue enough
        located = i > 0 and tk.lower[i - 1] in ("in", "at")
        if not place_cue(tk.lower, i) and not _noun_after(rec, i, j) and not located:
            continue
        s, e = rec.span_of(i, j)
        seg = rec.text[s:e]
        # a stated distance from a place makes a place of what the NER took for a person
        if not _DISTANCE_AFTER.match(rec.text, e) or _excluded(rec, seg, i, j, people=False):
            continue
        known = any(c.place.kind in _PLACE_KINDS for c in rec.cands(seg))
        rec.add(s, e, CONTEXT_LABEL if known else UNKNOWN_LABEL)


#: Settlement nouns that announce the names after their "of": "the villages of A, B and C".
_SETTLEMENTS_OF = frozenset(
    "village villages town towns hamlet hamlets locality localities settlement settlements".split()
)
#: What may join the names of one announced list.
_LIST_JOINS = frozenset([",", "and", "or"])
_CLOSING_QUOTES = frozenset(['"', "”", "’", "'"])


def _announced_in_container(rec) -> None:  # noqa: ANN001
    """Names a settlement noun announces and a stated container holds, known or not.

    "the villages of Cabia, Wanbila, and Loudji in the Tillaberi region" (AP,
    Niger, March 2021), "in the village of Gaigorou” in the Tillaberi region"
    (TRT World, Niger, April 2021), "the village of Nacotuco in Macomia
    district" (NNN, Cabo Delgado, August 2019), "in the town of Akuressa, in
    Matara district" (LGL, Sri Lanka): the noun says each name is a settlement
    and the container where it lies; resolution places a name the index lacks
    at the container (issue 11: unknown places in known context).
    """
    tk = rec.tk
    for t in range(2, rec.n):
        if tk.lower[t - 1] != "of" or tk.lower[t - 2] not in _SETTLEMENTS_OF:
            continue
        names, k = [], t
        while k < rec.n and _capitalised(rec, k):
            end = k + 1  # the noun vouches for every capitalised word: "Zibane-Koira Zeno"
            while end < min(rec.n, k + _MAX_NAME_TOKENS) and (
                _capitalised(rec, end)
                or (tk.text[end] == "-" and end + 1 < rec.n and _capitalised(rec, end + 1))
            ):
                end += 1
            names.append((k, end))
            k = end
            while k < rec.n and tk.lower[k] in _LIST_JOINS:
                k += 1
            if k == end:
                break
        if not names:
            continue
        j = names[-1][1]
        after = j + 1 if j < rec.n and tk.text[j] in _CLOSING_QUOTES else j
        if after + 1 < rec.n and tk.text[after] == "," and tk.lower[after + 1] == "in":
            after += 1  # "the town of Akuressa, in Matara district" (LGL)
        if not _container_cands(rec, after, after_in=True):
            rec.container_span = None
            continue
        for i, e in names:
            if rec.taken[tk.idx[i]]:
                continue
            s, e_char = rec.span_of(i, e)
            seg = rec.text[s:e_char]
            if _excluded(rec, seg, i, e, people=False):
                continue
            known = any(c.place.kind in _PLACE_KINDS for c in rec.cands(seg))
            rec.add(s, e_char, CONTEXT_LABEL if known else UNKNOWN_LABEL)
        _add_container(rec)


def _capitalised(rec, t: int) -> bool:  # noqa: ANN001
    """Tell a capitalised word that is no area noun ("Gadabo", not "District")."""
    return rec.tk.text[t][:1].isupper() and rec.tk.alpha[t] and not is_area_noun(rec.tk.text[t])


def _noun_after(rec, i: int, j: int) -> bool:  # noqa: ANN001
    """Tell a run of capitalised words a settlement noun follows: "Labarwa village".

    The cue in the other order: "attacked Labarwa village, about 60 kilometers
    (40 miles) northeast of Nyala" beside "Abga Rajil village, 50 kilometers
    (30 miles) south of the provincial capital of Nyala" (AP, Darfur, May 2004).
    """
    tk = rec.tk
    starts = i == 0 or not (tk.text[i - 1][:1].isupper() and tk.alpha[i - 1])
    return starts and j < rec.n and tk.lower[j] in NOUNS_BEFORE_DISTANCE


def _paren_items(rec, p: int) -> list[tuple[int, int]] | None:  # noqa: ANN001
    """Return the comma-separated names of a parenthesis opening at token ``p``, else None.

    Each item is a run of capitalised words (hyphens and one area noun allowed:
    "Kani township"); anything else inside (a date, a lowercase phrase, a
    nested parenthesis) means the parenthesis is no list of places.
    """
    tk, n = rec.tk, rec.n
    items: list[tuple[int, int]] = []
    start = k = p + 1
    while k < min(n, p + 1 + _MAX_PAREN_TOKENS * 2):
        word = tk.text[k]
        if word in (",", ")"):
            stop = k
            if stop > start and is_area_noun(tk.text[stop - 1]):
                stop -= 1  # "Kani township": the name is "Kani"
            if stop == start:
                return None
            items.append((start, stop))
            if word == ")":
                return items if len(items) <= 3 else None
            start = k + 1
        elif not (
            (word[:1].isupper() and tk.alpha[k])
            or word in ("-", "'", "’")
            or (k > start and is_area_noun(word))
        ):
            return None
        k += 1
    return None


def _parenthesised_containers(rec) -> None:  # noqa: ANN001
    """Names in "X (Y, Z)" and "X (Z)": a place followed by the divisions holding it.

    ACLED notes and chronologies locate a village by its commune and province
    in parentheses: an ambush on a policeman placed at "Seytenga (Seytenga,
    Seno)" ([acled-dev bfa 2020-07-06]); "Mu Htaw village (Kani township,
    ...)" ([acled-dev mmr 2021-07-24]); "in Abu Qurain (Misrata)".
    When the last item is a division or town the index knows, every item is
    a place, and so is X when it is a located name (an NER place, or after
    "in", "near", "village of"...), known or not: resolution then places an
    unknown X at the container (precision 2 or 3). A bare "(Z)" after a name
    with no locative is a gloss ("Ansar Dine (Mali)"), not a location.
    """
    tk = rec.tk
    for p in range(1, rec.n - 2):
        if tk.text[p] != "(":
            continue
        items = _paren_items(rec, p)
        if not items:
            continue
        last = rec.text[slice(*rec.span_of(*items[-1]))]
        if last.isupper() and rec.mixed_case:
            continue  # "WASHINGTON (AP)": the agency, not Andhra Pradesh
        if _excluded(rec, last, *items[-1]) or not any(
            c.place.kind in _PLACE_KINDS for c in rec.cands(last)
        ):
            continue
        x_end = p - 1 if is_area_noun(tk.text[p - 1]) else p  # "Mu Htaw village ("
        x_start = _name_start(rec, x_end)
        while x_start < x_end and (tk.stop[x_start] or fold(tk.text[x_start]) in STOP_NAMES):
            x_start += 1
        if x_start == x_end:
            continue
        located = rec.ent_label[x_start] in ("GPE", "LOC") or (
            x_start > 0 and (tk.lower[x_start - 1] in _LOCATED_BY or place_cue(tk.lower, x_start))
        )
        # "the Ministry of Health (Kadugli)": a subject, not a place; the town still is one
        body = x_start > 1 and tk.lower[x_start - 1] == "of" and tk.lower[x_start - 2] in _BODIES
        located = located and not body
        if not located and len(items) < 2 and not body:
            continue
        # a name a place cue announces is a place whatever the NER made of it: "two more
        # provincial capitals of Tirin Kot (Uruzgan) and Firoz Koah (Ghor)" (IANS via
        # Xinhua, August 2021), both tagged as people
        cued = x_start > 0 and place_cue(tk.lower, x_start)
        for k, (i, j) in enumerate([(x_start, x_end)] * located + items):
            seg = rec.text[slice(*rec.span_of(i, j))]
            if _excluded(rec, seg, i, j, people=not (cued and k == 0)):
                continue
            known = any(c.place.kind in _PLACE_KINDS for c in rec.cands(seg))
            rec.add(*rec.span_of(i, j), CONTEXT_LABEL if known else UNKNOWN_LABEL)


#: Lowercase particles inside a hyphenated name: "Port-au-Prince", "Ras al-Ain".
_HYPHEN_PARTICLES = frozenset(
    "al el ad an ar as ash at az au aux de du des la le les sur en".split()
)
HYPHENS = ("-", "‐", "‑")
#: Persian, Pashto and Urdu names join their parts with a particle ("Qala-i-Now",
#: "Mazar-i-Sharif", "Shah-e-Mardan"); the Arabic article does so too ("Ras-al-Ain").
JOINING_PARTICLES = frozenset("i e ye ul ud us ut ur al el".split())


def joined_name(rec, i: int, j: int) -> tuple[int, int] | None:  # noqa: ANN001
    """Return the tokens of the hyphenated name a part ``i..j`` is joined into by a particle.

    "four other police were wounded in Tuesday's attack near Qala-i-Now, the
    provincial capital" (AP, Badghis, September 2018) names Qala i Naw, never
    Qala in Azerbaijan; "a security forces' post in the Shah-e-Mardan area"
    (Dawn, November 2024) no Shah. None when the part stands alone.
    """
    tk = rec.tk

    def joined(a: int, b: int, c: int) -> bool:  # hyphen, particle, hyphen, no spaces
        return (
            0 <= a
            and c < rec.n
            and tk.text[a] in HYPHENS
            and tk.text[c] in HYPHENS
            and tk.lower[b] in JOINING_PARTICLES
            and adjacent(rec, a - 1, a)
            and adjacent(rec, a, b)
            and adjacent(rec, b, c)
            and c + 1 < rec.n
            and adjacent(rec, c, c + 1)
        )

    if joined(j, j + 1, j + 2):
        return i, j + 4
    if i >= 3 and joined(i - 3, i - 2, i - 1):
        return i - 4, j
    return None


def adjacent(rec, a: int, b: int) -> bool:  # noqa: ANN001
    """Tell whether token ``b`` follows token ``a`` with no space between."""
    return rec.tk.idx[b] == rec.tk.idx[a] + len(rec.tk.text[a])


def _name_start(rec, end: int) -> int:  # noqa: ANN001
    """Return the first token of the capitalised name ending before token ``end``.

    Hyphens join a name's parts, lowercase particles included: a village
    given as "Kain-Ouro (Kain, Yatenga)" ([acled-dev bfa 2020-05-10]); "their
    bombardment of Ras al-Ain" (AFP, 12 October 2019), a town of Hasakeh.
    """
    tk = rec.tk
    start = end
    while start > max(0, end - 2 * _MAX_NAME_TOKENS):
        k = start - 1
        word = tk.text[k]
        hyphen_next = start < end and tk.text[start] in HYPHENS
        if (word[:1].isupper() and tk.alpha[k]) or (
            word in HYPHENS and k > 0 and start < end
        ) or (tk.lower[k] in _HYPHEN_PARTICLES and hyphen_next):
            start = k
            continue
        break
    while start < end and not tk.text[start][:1].isupper():
        start += 1  # a name opens with a capital
    return start


def _spelled_in_container(rec) -> None:  # noqa: ANN001
    """Names the index spells another way, before a stated container that holds them.

    "Maarat al-Numan in Idlib province" (the index: Ma'arrat an Nu'man): the
    name's spelling variants are looked up and kept only inside the container.
    """
    tk = rec.tk
    for i, j in rec.matches:
        k = i - 1
        if k >= 0 and tk.lower[k] == "the":
            k -= 1
        if k < 1 or tk.text[k] not in (",", "in", "of") or not tk.text[k - 1][:1].isupper():
            continue
        stop = k
        start = stop
        while start > max(0, stop - _MAX_NAME_TOKENS) and (
            tk.text[start - 1][:1].isupper()
            or tk.text[start - 1] in ("-", "'", "’")
            or tk.lower[start - 1] in ("al", "el", "an", "ar", "as", "ad", "ash", "at", "az")
        ):
            start -= 1
        while start < stop and not tk.text[start][:1].isupper():
            start += 1
        if start == stop or rec.taken[tk.idx[start]] or tk.stop[start]:
            continue
        s, e = rec.span_of(start, stop)
        seg = rec.text[s:e]
        if fold(seg) in STOP_NAMES or rec.is_org(seg):
            continue
        container = [c.place for c in rec.cands(rec.text[slice(*rec.span_of(i, j))])]
        container = [q for q in container if q.kind in ("admin", "country", "region")]
        if container and any(
            could_contain(q, c.place)
            for c in rec.gaz.candidates(seg, limit=10, variants=True)
            for q in container
        ):
            rec.add(s, e, "CUE")


def inside_longer_name(rec, i: int, j: int) -> bool:  # noqa: ANN001
    """Tell whether the name ends a longer capitalised name before an area noun.

    "Zinda Jan district", "Mohmand Dara district": the place is the whole
    name (unknown to the index, placed at its stated container), not "Jan".
    """
    tk = rec.tk
    return (
        (
            _area_after(rec, j) is not None
            and i > 1
            and (_name_word(rec, i - 1) or _syllable(rec, i - 1))
            and not rec.taken[tk.idx[i - 1]]
            and tk.text[i - 2] not in (".", "\n")
        )
        or starts_longer_name(rec, j)
        or names_a_street(rec, i, j)
    )


def _syllable(rec, t: int) -> bool:  # noqa: ANN001
    """Tell a short capitalised word that is a syllable of a name, whatever English has it for.

    Burmese and Shan names are runs of syllables, some of them English words:
    "the junta bombed nearby Pang Law village" (RFA, Shan state, December
    2023) names one village, not Law in Scotland; "Nam Tu township". A
    compass word opens a division's own name ("West Darfur state").
    """
    word = rec.tk.text[t]
    low = word.lower()
    return (
        len(word) <= 4
        and word[:1].isupper()
        and word[1:].islower()
        and rec.tk.alpha[t]
        and not rec.tk.stop[t]
        and low not in COMPASS_POINTS
        and fold(word) not in STOP_NAMES
        and not is_area_noun(word)
    )


def names_a_street(rec, i: int, j: int) -> bool:  # noqa: ANN001
    """Tell whether the name opens a longer capitalised name before a street noun.

    A street named after a person is no place of its first name: a Mombasa
    demonstration that set off from Mama Ngina drive ([acled-dev ken
    2011-04-16]; not Mama, a village in Siberia); a body found in a Van Dorn
    Street apartment (LGL, Alexandria, Virginia; not Van, Turkey). A street
    named after one place ("Jaffa Road", "Memphis Street") is left alone:
    local news names streets after nearby towns, and the name stays evidence
    of the area.
    """
    k = _name_run_end(rec, j)
    return j < k < rec.n and rec.tk.lower[k] in STREET_NOUNS


def compound_head(rec, i: int, j: int) -> bool:  # noqa: ANN001
    """Tell a one-word name that only opens a longer name: the place is the whole.

    An Arabic compound ("Turkish forces had overnight stepped up their
    bombardment of Ras al-Ain", AFP, 12 October 2019; "captured towns near Tal
    Abyad", Al-Masdar News, 10 October 2019) or a name going on after an
    article and a hyphen ("Deir el-Balah"): the first word is no place of its
    own, however many small places abroad bear it.
    """
    tk = rec.tk
    if j - i != 1 or j >= rec.n:
        return False
    nxt = tk.text[j]
    after = tk.text[j + 1] if j + 1 < rec.n else ""
    if tk.lower[j] in ARABIC_ARTICLES and after in ("-", "‐"):
        return True  # "Ras al-Ain", "Deir ez-Zor"
    if tk.lower[j] in ("al", "el") and after[:1].isupper():
        return True  # "Ras al Ain"; not "Paris as Real Madrid", "Nebraska at Omaha"
    return (
        tk.lower[i] in ARABIC_HEADS
        and nxt[:1].isupper()
        and tk.alpha[j]
        and tk.idx[j] == tk.idx[i] + len(tk.text[i]) + 1  # one space: "Tal Abyad"
    )


def compound_end(rec, j: int) -> int:  # noqa: ANN001
    """Return the end of the Arabic compound whose head ends at token ``j``.

    "Tal | Abyad", "Ras | al-Ain", "Ras | al Ain": an article (with its hyphen)
    and the capitalised word after it, or one capitalised word.
    """
    tk, k = rec.tk, j
    if k < rec.n and tk.lower[k] in ARABIC_ARTICLES:
        k += 1
        if k < rec.n and tk.text[k] in ("-", "‐"):
            k += 1
    if k < rec.n and tk.text[k][:1].isupper() and tk.alpha[k]:
        return k + 1
    return j


def _name_word(rec, t: int) -> bool:  # noqa: ANN001
    """Tell whether token ``t`` is a capitalised word that can be part of a name."""
    return rec.name_goes_on(t) and not is_area_noun(rec.tk.text[t])


def starts_longer_name(rec, j: int) -> bool:  # noqa: ANN001
    """Tell whether the name is the start of a longer capitalised name before an area noun.

    "Mu Htaw village (Kani township, ...)", "Marki Khel area" in Sherzad
    ([acled-dev mmr 2021-07-24], [acled-dev afg 2020-03-18]): the
    place is the whole name, not the known "Mu" or "Marki".
    """
    k = _name_run_end(rec, j)
    return k > j and _area_after(rec, k) is not None


def _name_run_end(rec, j: int) -> int:  # noqa: ANN001
    """Return where the capitalised name words from token ``j`` on end (``j`` if none)."""
    k = j
    while k < min(rec.n, j + _MAX_NAME_TOKENS - 1) and _name_word(rec, k):
        k += 1
    return k


def _excluded(rec, seg: str, i: int, j: int, *, people: bool = True) -> bool:  # noqa: ANN001
    """Tell a name that is no place: a stop word, an organisation, a person's (``people``)."""
    key = fold(seg)
    return (
        key in STOP_NAMES
        or key in GENERIC
        or rec.is_org(seg)
        or (people and any(rec.tk.text[t] in rec.person_tokens for t in range(i, j)))
        or (j - i == 1 and rec.tk.stop[i] and not seg.isupper())
    )


def _skip_paren(rec, j: int) -> int:  # noqa: ANN001
    """Token after a short parenthesis opening at ``j`` ("Khash (Delaram) district"), else ``j``."""
    tk = rec.tk
    if j < rec.n and tk.text[j] == "(":
        for k in range(j + 1, min(rec.n, j + _MAX_PAREN_TOKENS)):
            if tk.text[k] == ")":
                return k + 1
    return j


def _area_after(rec, j: int) -> int | None:  # noqa: ANN001
    """Index of the area noun right after the name (or after a short parenthesis), else None."""
    for k in (j, _skip_paren(rec, j)):
        if k < rec.n and is_area_noun(rec.tk.text[k]):
            return k
    if tuple(rec.tk.lower[j : j + len(LGA_WORDS)]) == LGA_WORDS:
        # Nigeria's LGA spelled out: "Kankara Local Government Area (LGA) of Katsina"
        # (Channels TV, March 2022), "Kaga Local Government Area of Borno State"
        # (Cable Reporters, July 2020)
        return j + len(LGA_WORDS) - 1
    return None


#: Nouns an apposition calls a place by: "El Carmen, a municipality in ...".
_PLACE_APPOSITIONS = frozenset(
    "town village city municipality commune district territory settlement locality hamlet "
    "suburb neighbourhood neighborhood".split()
)


def _said_a_place(rec, j: int) -> bool:  # noqa: ANN001
    """Tell a name an apposition calls a town, a municipality or a territory.

    "the rural part of El Carmen, a municipality in the Catatumbo region" and
    "Aguachica, a municipality in the Cesar province" (Colombia Reports, 2023 and
    2025); "Tillaberi, a huge territory in western Niger" (AFP, February 2023): the
    model tags El Carmen an organisation, but the text says what it is.
    """
    lower = rec.tk.lower
    if j + 2 >= rec.n or lower[j] != "," or lower[j + 1] not in ("a", "an", "the"):
        return False
    for k in range(j + 2, min(rec.n - 1, j + 6)):
        if lower[k] in _PLACE_APPOSITIONS:
            return lower[k + 1] in ("in", "of", "near", "on", ",", "located", "about")
        if not lower[k].isalpha() or rec.tk.text[k][:1].isupper():
            return False
    return False


def is_area_noun(word: str) -> bool:
    """Tell whether ``word`` names a kind of area: lowercase, or a division title.

    "Chimtal district", "Bago District", but not "the Culture Department".

    >>> is_area_noun("district"), is_area_noun("District"), is_area_noun("Department")
    (True, True, False)
    """
    low = word.lower()
    return low in AREA_NOUNS and (word.islower() or low in DIVISION_TITLES)


def _stated_container(rec, j: int, cs: list[Candidate]) -> bool:  # noqa: ANN001
    """Tell whether a container of the name ending at token ``j`` is stated after it.

    One that holds one of the name's readings ("X, Y", "X in Y"), or any
    division after an area noun: "in Chora district, Uruzgan" states Uruzgan
    even though the index knows Chora only in Greece (resolution then places
    the district at Uruzgan, never in Greece).
    """
    return _container_after(rec, j, cs) or (
        _area_after(rec, j) is not None and bool(_container_cands(rec, j))
    )


def _container_after(rec, j: int, cs: list[Candidate]) -> bool:  # noqa: ANN001
    """Tell whether the words after token ``j`` state a container of one of ``cs``.

    "X, Y", "X (Y", "X in Y", "X in the Y province": Y must hold one of X's places.
    """
    container = _container_cands(rec, j, after_in=True)
    if any(could_contain(q, c.place) for q in container for c in cs[:10]):
        return True
    rec.container_span = None
    return False


def _container_cands(  # noqa: ANN201
    rec,  # noqa: ANN001
    j: int,
    own: str = "",
    *,
    after_in: bool = False,
    hops: int = 0,
) -> list:
    """Return the readings of a container named after token ``j`` (divisions, towns...).

    "X, Y", "X (Y", "X district, Y", "X area of Y", "X district in the Y";
    with ``after_in`` also "X in Y" (the caller then checks that Y holds X).
    A chain of divisions the index lacks states its first known link:
    "Kanyutkwin town (Phyu Township, Taungoo District, Bago-East Region)"
    ([acled-dev mmr 2021-06-10]), "Myin Chan Kone village, Pauk township
    (Pakokku district, Magway region)" ([acled-dev mmr 2021-10-15]). Wire
    copy chains area nouns the same way: "in Sinzar village of Zharay
    district" (Xinhua, Kandahar, 26 September 2013), "in the Kodakhel area
    of Zawa village" (Sputnik, Nangarhar, 14 December 2020). At most
    :data:`_MAX_HOPS` unknown links.
    """
    tk, n = rec.tk, rec.n
    k = j
    if k < n and is_area_noun(tk.text[k]):
        k += 1  # "Chimtal district, Balkh"
    if k < n and (
        tk.text[k] in (",", "(") or ((k > j or after_in) and tk.lower[k] in ("of", "in"))
    ):
        k += 1
    else:
        return []
    if k < n and tk.lower[k] == "the":
        k += 1
    if own and fold(tk.text[k] if k < n else "") == own.split(" ")[0]:
        # "Mongyawng town (Mongyawng Township, Tachileik District, ...)": the name again
        comma = next(
            (a for a in range(k, min(n, k + _MAX_NAME_TOKENS + 2)) if tk.text[a] == ","), None
        )
        if comma is None:
            return []
        k = comma + 1
    end = k
    while end < min(n, k + _MAX_NAME_TOKENS) and tk.text[end][:1].isupper():
        end += 1
    for e in range(end, k, -1):  # longest known name first
        if e < end and _name_word(rec, e):
            continue  # "area of Dashti Qala district": not the known "Dashti"
        seg = rec.text[slice(*rec.span_of(k, e))]
        found = [c.place for c in rec.cands(seg) if c.place.kind in _CONTAINER_KINDS]
        if found:
            rec.container_span = (k, e)  # the caller takes it as a mention when it fits
            rec.container_label = CONTEXT_LABEL
            return found
    found = _division_spelled_otherwise(rec, k, end)
    noun = end - 1 if end > k + 1 and is_area_noun(tk.text[end - 1]) else end  # "Phyu Township"
    if found or hops >= _MAX_HOPS or noun >= n - 1 or not is_area_noun(tk.text[noun]):
        return found
    return _container_cands(rec, noun, hops=hops + 1)


def _division_spelled_otherwise(rec, k: int, end: int) -> list:  # noqa: ANN001
    """Return the divisions that the container name at tokens ``k..end`` spells another way.

    Coders and reporters transliterate a province their own way: ACLED spells
    it Urozgan after "Deh Rahwod district," ([acled-dev afg 2020-03-17]), the
    index has Uruzgan; "Nimruz" for Nimroz ([acled-dev afg 2020-03-04]); news
    copy writes "Helmand" and "Hilmand", "Kandahar" and "Qandahar" alike. In a
    container's slot (after "district,", inside "(..., Y)") a name the index
    does not hold as written is looked up among the spelling variants of its
    first-level divisions and countries only
    (:func:`~mapper.geoparse.candidates.division_variant_cands`), and taken
    with a label that has resolution look them up the same way.
    """
    if end - k < 1 or end - k > 2 or rec.taken[rec.tk.idx[k]]:
        return []
    seg = rec.text[slice(*rec.span_of(k, end))]
    if rec.gaz.has(fold(seg)) or fold(seg) in STOP_NAMES:
        return []
    found = [c.place for c in division_variant_cands(rec.gaz, seg)]
    if found:
        rec.container_span = (k, end)
        rec.container_label = DIVISION_VARIANT_LABEL
    return found


def _add_container(rec) -> None:  # noqa: ANN001
    """Take the container the last successful pattern named as a mention too ("..., Tavush")."""
    span = getattr(rec, "container_span", None)
    if span is not None:
        rec.add(*rec.span_of(*span), rec.container_label)
        rec.container_span = None


def _route(rec, i: int, j: int) -> bool:  # noqa: ANN001
    """Tell whether the name is one end of a road or axis.

    Joined by a dash to another capitalised name, with a route noun next to
    the pair ("the Taparko-Bogande-Fada road", "the axis Djibo-Mentao", "the Mai
    Mahiu-Narok road").
    """
    tk, n = rec.tk, rec.n
    own = any(c.place.kind == "settlement" for c in rec.cands(rec.text[slice(*rec.span_of(i, j))]))
    if not own:
        return False

    def glued(a: int) -> bool:  # token a starts right where token a - 1 ends
        return tk.idx[a] == tk.idx[a - 1] + len(tk.text[a - 1])

    def name_at(a: int) -> bool:
        return 0 <= a < n and tk.text[a][:1].isupper() and tk.alpha[a]

    after = j + 1 < n and tk.text[j] in ROUTE_DASHES and glued(j) and glued(j + 1)
    before = i >= 2 and tk.text[i - 1] in ROUTE_DASHES and glued(i) and glued(i - 1)
    if not (after and name_at(j + 1)) and not (before and name_at(i - 2)):
        return False  # a hyphenated surname ("Phillips-Spencer") has no route noun: below
    first, last = (i, j + 2) if after else (i - 2, j)
    while first > 0 and (name_at(first - 1) or tk.text[first - 1] in ROUTE_DASHES):
        first -= 1  # "Mai Mahiu-Narok", "Taparko-Bogande-Fada"
    while last < n and (name_at(last) or tk.text[last] in ROUTE_DASHES):
        last += 1
    window = tk.lower[max(0, first - 2) : first] + tk.lower[last : last + 2]
    return any(w in ROUTE_NOUNS for w in window)


_ROUTE_AFTER = re.compile(
    r"[\w\s'’-]{0,30}?\b(?:" + "|".join(sorted(ROUTE_NOUNS)) + r")\b", re.I
)
_NAME = r"[A-Z][\w'’]*(?: [A-Z][\w'’]*){0,2}"
_DASHED_AFTER = re.compile(r" ?[-–—] ?(?P<name>" + _NAME + ")")
_DASHED_BEFORE = re.compile(r"\b" + _NAME + r" ?[-–—] ?$")


def route_ends(text: str, spans: Sequence[tuple[int, int]]) -> set[int]:
    """Return the starts of the mentions that end a road or axis ("the Jammu–Srinagar Highway").

    A name joined by a dash to another capitalised name, with a route noun
    before or after the pair; the other end may be a name the index lacks
    ("along Bothai-Ijara road", [acled-dev ken 2017-08-15]). An event on such
    a road happened between its ends, not in either town ([WPulwama] "a
    convoy ... on the Jammu–Srinagar National Highway was attacked ... at
    Lethapora in the Pulwama district"); ACLED codes it at one end at
    precision 2 ([acled-dev bfa 2019-06-26] "an IED on the axis
    Belehede-Gorgadji"), and a town the sentence names wins.

    >>> t = "An IED hit a truck on the Djibo-Mentao axis near Djibo."
    >>> sorted(route_ends(t, [(26, 31), (49, 54)]))
    [26]
    """
    ends: set[int] = set()
    for start, end in spans:
        m = _DASHED_AFTER.match(text, end, end + 40)
        if m is not None:  # the route noun may end the other name: "Jammu–Srinagar Highway"
            first, lasts = start, (m.start("name"), m.end())
        else:
            m = _DASHED_BEFORE.search(text, max(0, start - 40), start)
            if m is None:
                continue
            first, lasts = m.start(), (end,)
        before = text[max(0, first - 15) : first].lower().split()
        # both ends of a pair see the same words after it: "on the Voi-Taveta and
        # Voi-Wundanyi-Mgange routes" ([acled-dev ken 2010-11-08])
        after = any(_ROUTE_AFTER.match(text, last, last + 50) for last in lasts)
        if after or (before and before[-1] in ROUTE_NOUNS):
            ends.add(start)
    return ends


def _opens_sentence(tk, t: int) -> bool:  # noqa: ANN001
    return t == 0 or tk.text[t - 1] in _SENTENCE_ENDS


#: Words that name a division with its title: "the West region", "the Centre region".
_COMPASS_NAMES = COMPASS_POINTS | {"centre", "center", "central"}


def _compass_divisions(rec) -> None:  # noqa: ANN001
    """Take a compass point before a division title ("the West region"), which the NER misses.

    Cameroon, Burkina Faso, Rwanda or Uganda name their divisions so: "Gov. Awa
    Fonka Augustine of the West region" (AP via Cameroon News Line, March 2020),
    "This village in the West region borders the North-West region" (AFP via
    Medafrica Times, November 2023). The word alone is a direction or "the
    West"; with the title it is a place when the index has a division so named
    (the resolver then keeps the one in the text's own countries).
    """
    tk = rec.tk
    for k in range(1, rec.n):
        if tk.lower[k] not in ("region", "province") or not tk.text[k - 1][:1].isupper():
            continue
        if fold(tk.text[k - 1]) not in _COMPASS_NAMES or rec.taken[tk.idx[k - 1]]:
            continue
        s, e = rec.span_of(k - 1, k + 1)
        if any(c.place.kind == "admin" for c in rec.cands(rec.text[s:e])):
            rec.add(s, e, CONTEXT_LABEL)


#: Nouns of a country's first-level divisions.
_FIRST_LEVEL_NOUNS = frozenset({"region", "province", "state"})


def _described(rec, start: int, stop: int) -> bool:  # noqa: ANN001
    """Tell a people's or faith's adjective after "a", no unknown area's name.

    "in a mainly Shi'ite district of Baghdad" (Reuters via oneindia, December
    2006) and "in a mainly Shiite area in Baghdad" (LGL, 2008) had placed an
    area called Shi'ite 36 km from Baghdad's centre; an area told by its name
    takes "the" or none ("in Mongyawng town", [acled-dev mmr 2021-04-13]).
    """
    if stop - start != 1 or rec.ent_label[start] != "NORP":
        return False
    before = [rec.tk.lower[k] for k in range(max(0, start - 2), start)]
    return "a" in before or "an" in before


def _unknown_before_area(rec) -> None:  # noqa: ANN001
    """Unknown names before an area noun and a known container: "Zinda Jan district, Herat"."""
    tk, n = rec.tk, rec.n
    for k in range(1, n):
        if not is_area_noun(tk.text[k]):
            continue
        stop = k
        if tk.text[k - 1] == ")":  # "Pur Chaman (Pusht Koh) district"
            opened = next(
                (a for a in range(k - 2, max(-1, k - _MAX_PAREN_TOKENS), -1) if tk.text[a] == "("),
                None,
            )
            if opened is None:
                continue
            stop = opened
        start = stop
        while start > max(0, stop - _MAX_NAME_TOKENS) and tk.text[start - 1][:1].isupper():
            start -= 1
        while start < stop and (
            (tk.stop[start] and (tk.lower[start] == "the" or _opens_sentence(tk, start)))
            or fold(tk.text[start]) in STOP_NAMES
        ):
            # "The", "Police": not part of the name; a capitalised "In" inside a sentence is
            # ("near In Taing Lay village of Tabayin township", [acled-dev mmr 2021-11-14])
            start += 1
        if start < stop - 1 and _opens_sentence(tk, start):
            start += 1  # "Later Zorkavan district": a sentence's first word is capitalised anyway
        if start == stop or rec.taken[tk.idx[start]]:
            continue
        s, e = rec.span_of(start, stop)
        seg = rec.text[s:e]
        rec.container_span = None
        # or a known place before it names it by its possessive: "Tripoli's Abu Salim
        # district", "Dhaka's Mirpur area" (see context._possessed)
        possessed = (
            start >= 2 and tk.lower[start - 1] in ("'s", "’s") and rec.taken[tk.idx[start - 2]]
        )
        containers = [] if possessed else _container_cands(rec, k, fold(seg))
        if not possessed and not containers:
            continue
        if fold(seg) in STOP_NAMES or rec.is_org(seg) or seg in rec.person_tokens:
            continue
        if (
            tk.lower[k] in _FIRST_LEVEL_NOUNS
            and containers
            and is_adm1(containers[0])
            and not rec.cands(seg)
        ):
            # a first-level division is no region of another: "the country's restive
            # Anglophone region of Southwest" (Xinhua via CameroonOnline, June 2020), "the
            # Cameroon's Anglophone region of North West" (Xinhua, August 2018) describe
            # the region they name, no region called Anglophone
            continue
        if demonym_place(rec.gaz, seg) is not None:
            continue  # "the Azerbaijani city of Ganja": an adjective, not the city's name
        known = [c for c in rec.cands(seg) if c.place.kind in _PLACE_KINDS]
        if not known and _described(rec, start, stop):
            continue
        if rec.add(s, e, CONTEXT_LABEL if known else UNKNOWN_LABEL):
            _add_container(rec)
