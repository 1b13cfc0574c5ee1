"""Recognition: the place-name mentions of a parsed text.

spaCy's NER proposes GPE, LOC and FAC entities; a gazetteer phrase matcher
adds the names the model mislabels (a town tagged as a person, a state inside
an organisation's name, an all-caps dateline), demonyms ("Russian", marked
``adjectival``) and lowercase line names from the theatre overlay ("contact
line").
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from mapper.gazetteer import fold
from mapper.geoparse.candidates import haversine_km, name_heads, same_spelling, variant_cands
from mapper.geoparse.lexicon import (
    CONNECTORS,
    CONTEXT_KM,
    CONTEXT_POP,
    COORD_RE,
    DATELINE_RE,
    DATELINE_WINDOW,
    DETERMINERS,
    GENERIC,
    GEO_HEADS,
    HEAD_SPLIT,
    INITIAL_RE,
    INSTITUTION_HEADS,
    LANGUAGE_FIRST,
    LOCATIVE,
    LOCATIVE_POP,
    NEAR_WORDS,
    ORG_IN_POP,
    OWN_CANDS,
    PLACE_NOUNS,
    PROMINENT_SCORE,
    QUOTES,
    STOP_NAMES,
    STRONG_POP,
)
from mapper.geoparse.records import Ent, Mention

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

    from mapper.gazetteer import Candidate, Gazetteer, Place

__all__ = ["recognize", "Toks"]


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim a leading article and a trailing possessive or punctuation."""
    seg = text[start:end]
    m = re.match(r"(?:the|The|THE)\s+", seg)
    if m and end - start - m.end() > 1:
        start += m.end()
        seg = text[start:end]
    m = re.search(r"(?:['’]s|[\s,;:!?'’\"“”«»()\[\]]+)+$", seg)
    if m and m.start() > 0:
        end = start + m.start()
    return start, end


def _is_strong(cands: Sequence[Candidate], seg: str) -> bool:
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


def _is_country_or_admin1(cands: Sequence[Candidate]) -> bool:
    p = cands[0].place
    return p.kind == "country" or (p.feature_code or "").startswith(("ADM1", "CONT"))


@dataclass(frozen=True, slots=True)
class Toks:
    """Plain per-token lists: building spaCy Token objects over and over is slow."""

    text: list[str]
    idx: list[int]
    lower: list[str]
    alpha: list[bool]
    stop: list[bool]

    @classmethod
    def of(cls, doc: Doc) -> Toks:
        """Read the token lists of ``doc``."""
        toks = list(doc)
        return cls(
            [t.text for t in toks],
            [t.idx for t in toks],
            [t.lower_ for t in toks],
            [t.is_alpha for t in toks],
            [t.is_stop for t in toks],
        )


def _title_case_lines(tk: Toks) -> list[bool]:
    """Flag the tokens of headline-style lines, where most words are capitalised."""
    n = len(tk.text)
    flags = [False] * n
    start = 0
    for i in range(n + 1):
        end_here = i == n or "\n" in tk.text[i] or tk.text[i] in (".", "!", "?")
        if not end_here:
            continue
        words = [
            tk.text[t]
            for t in range(start, i)
            if tk.alpha[t] and not tk.stop[t] and tk.lower[t] not in CONNECTORS
        ]
        if len(words) >= 4 and sum(w[:1].isupper() for w in words) >= 0.8 * len(words):
            for t in range(start, i):
                flags[t] = True
        start = i + 1
    return flags


def _prominent(cands: Sequence[Candidate], seg: str) -> bool:
    """Tell whether the gazetteer's best reading is a well-known place of this very name."""
    best = cands[0]
    if best.score < PROMINENT_SCORE:
        return False
    # curated overlay names are deliberate aliases ("Karabakh" for Nagorno-Karabakh)
    return best.place.source != "geonames" or best.place.name.casefold() == seg.casefold()


def _max_pop(cands: Sequence[Candidate]) -> int:
    return max((c.place.population for c in cands[:10]), default=0)


def _own_names(
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


def _place_cue(lower: Sequence[str], i: int) -> bool:
    """Tell whether the words before token ``i`` announce a place.

    "the town of X", "the northern city of X", "west of X", "near X", "outside X".
    """
    if i < 1:
        return False
    prev = lower[i - 1]
    if prev in NEAR_WORDS:
        return True
    return prev == "of" and i >= 2 and lower[i - 2] in PLACE_NOUNS


def _gaz_matches(text: str, tk: Toks, gaz: Gazetteer, max_tokens: int) -> list[tuple[int, int]]:
    """Longest gazetteer names over capitalised token runs, as token index pairs."""
    out: list[tuple[int, int]] = []
    heads = name_heads(gaz)
    words, idx = tk.text, tk.idx
    n = len(words)
    i = 0
    while i < n:
        if not words[i][:1].isupper():
            i += 1
            continue
        head = fold(words[i])
        multi = head in heads or HEAD_SPLIT.sub(" ", head).split(" ", 1)[0] in heads
        hit = 0
        j = i + 1
        if multi:
            # extend over name-like tokens and internal connectors
            j_max = min(n, i + max_tokens)
            while j < j_max:
                t = words[j]
                if t[:1].isupper() or t in CONNECTORS or t in ("-", "'", "’"):
                    j += 1
                else:
                    break
        for k in range(j, i, -1):
            last = words[k - 1]
            if not (last[:1].isupper() or last == "."):
                continue
            if gaz.has(fold(text[idx[i] : idx[k - 1] + len(last)])):
                hit = k
                break
        if hit:
            out.append((i, hit))
            i = hit
        else:
            i += 1
    return out


def _line_matches(text: str, tk: Toks, gaz: Gazetteer) -> list[tuple[int, int]]:
    """Lowercase multi-word names of lines ("contact line", "line of contact")."""
    out: list[tuple[int, int]] = []
    heads = name_heads(gaz)
    words, idx, lower = tk.text, tk.idx, tk.lower
    n = len(words)
    i = 1
    while i < n:
        hit = 0
        # common-noun place names come with a determiner: "the contact line"
        det = lower[i - 1] in DETERMINERS or (
            i > 1 and words[i - 1] in QUOTES and lower[i - 2] in DETERMINERS
        )
        if det and tk.alpha[i] and words[i][:1].islower() and lower[i] in heads:
            for k in range(min(n, i + 4), i + 1, -1):
                seg = text[idx[i] : idx[k - 1] + len(words[k - 1])]
                key = fold(seg)
                if (
                    " " in key
                    and gaz.has(key)
                    and any(c.place.kind == "line" for c in gaz.candidates(seg, limit=3))
                ):
                    hit = k
                    break
        if hit:
            out.append((i, hit))
            i = hit
        else:
            i += 1
    return out


def _find_datelines(text: str) -> list[tuple[int, int]]:
    """Spans of dateline places (and their region) near the start of ``text``."""
    out = []
    for m in DATELINE_RE.finditer(text[:DATELINE_WINDOW]):
        place = m.group("place").rstrip(" .-")
        if len(place) < 3 or not any(c.isalpha() for c in place):
            continue
        s = m.start("place")
        out.append((s, s + len(place)))
        if m.group("region"):
            out.append((m.start("region"), m.end("region")))
        break  # one dateline per report
    return out


def _demonym_place(gaz: Gazetteer, word: str) -> Place | None:
    """Country Place for a singular demonym; None for plurals ("Russians") and non-demonyms."""
    if len(word) < 3 or not word[:1].isupper() or word.casefold() in LANGUAGE_FIRST:
        return None
    if word.endswith("s") and not word.endswith("ss"):
        if gaz.demonym(word[:-1]) is not None:
            return None  # people ("Russians"), which the corpora mostly do not annotate
    try:
        return gaz.demonym(word)
    except (KeyError, ValueError):
        return None


def recognize(
    doc: Doc, text: str, gaz: Gazetteer, dateline_span: tuple[int, int] | None
) -> list[Mention]:
    """Return the place-name mentions of ``doc`` (whose text is ``text``), in text order."""
    tk = Toks.of(doc)
    words, idx, lower = tk.text, tk.idx, tk.lower
    n = len(words)
    max_tokens = max(1, int(getattr(gaz, "max_name_tokens", 5)))
    taken = bytearray(len(text) + 1)  # chars already covered by a mention
    mentions: list[Mention] = []

    def add(
        s: int, e: int, label: str, *, adjectival: bool = False, dateline: bool = False
    ) -> None:
        s, e = _strip_span(text, s, e)
        if e <= s or any(taken[s:e]):
            return
        seg = text[s:e]
        if not any(c.isalpha() for c in seg):
            return
        taken[s:e] = b"\x01" * (e - s)
        mentions.append(Mention(s, e, seg, label, adjectival, dateline))

    # 1. datelines: the structural signal beats the model on all-caps text
    for s, e in _find_datelines(text):
        # a dateline may spell its town another way ("DEIR AL-BALAH"): let the
        # gazetteer's spelling variants answer as well
        if gaz.has(fold(text[s:e])) or variant_cands(gaz, text[s:e]):
            add(s, e, "DATELINE", dateline=True)

    memo: dict[str, list[Candidate]] = {}

    def cands(seg: str) -> list[Candidate]:
        key = fold(seg)
        if key not in memo:
            memo[key] = gaz.candidates(seg, limit=10) if gaz.has(key) else []
        return memo[key]

    ents = [Ent(e.start, e.end, e.label_, e.start_char, e.end_char) for e in doc.ents]
    # armed groups, parties and agencies the gazetteer lists (older indexes have none)
    organisation = getattr(gaz, "organisation", None)

    def is_org(seg: str) -> bool:
        return organisation is not None and organisation(seg) is not None

    # people named in the document: "Clinton" after "Bill Clinton" is a person
    person_tokens: set[str] = set()
    person_words: dict[str, set[str]] = defaultdict(set)  # word -> the person names it is in
    for ent in ents:
        if (
            ent.label == "PERSON"
            and 1 < ent.end - ent.start <= 3
            and all(
                tk.alpha[t] or words[t] == "." or INITIAL_RE.fullmatch(words[t])
                for t in range(ent.start, ent.end)
            )  # "L. Douglas Wilder"
            and not gaz.has(
                fold(text[ent.start_char : ent.end_char])
            )  # "Tamil Nadu", "Sioux Falls"
        ):
            person_tokens.update(
                words[t] for t in range(ent.start, ent.end) if words[t][:1].isupper()
            )
            for t in range(ent.start, ent.end):
                person_words[words[t]].add(text[ent.start_char : ent.end_char])

    ent_label = [""] * n
    ent_of: list[Ent | None] = [None] * n
    for ent in ents:
        for t in range(ent.start, ent.end):
            ent_label[t] = ent.label
            ent_of[t] = ent
    title_line = _title_case_lines(tk)

    # 2. NER places, split at commas ("Alexandria, Va." is two toponyms)
    ner_keys: set[str] = set()
    unknown: list[tuple[int, int, str]] = []
    for ent in ents:
        if ent.label not in ("GPE", "LOC", "FAC"):
            continue
        pos = ent.start_char
        for part in re.split(r"(,\s*)", text[ent.start_char : ent.end_char]):
            ps, pe = pos, pos + len(part)
            pos = pe
            if not part.strip() or part.startswith(","):
                continue
            seg = text[ps:pe]
            folded = fold(seg)
            if folded in GENERIC:
                continue
            if is_org(seg) and not _place_cue(lower, bisect.bisect_left(idx, ps)):
                continue  # "Wagner", "Azov": an armed group unless "the town of Azov"
            known = gaz.has(folded) or gaz.has(fold(re.sub(r"^(?:the|The)\s+", "", seg)))
            if ent.label == "FAC" and not known:
                continue  # streets and buildings the gazetteer cannot place
            if not known and ent.end - ent.start == 1 and seg in person_tokens:
                continue  # a surname the model took for a place
            if not known and seg.isupper() and len(seg) <= 3:
                continue
            if known:
                ner_keys.add(folded)
                add(ps, pe, ent.label)
            else:
                # "Mississippi State", "Montgomery County Democrats": let the
                # gazetteer find the place inside first (step 3), keep the rest
                unknown.append((ps, pe, ent.label))

    # 3. gazetteer names the model mislabelled or missed
    pending: list[tuple[int, int, str, bool]] = []
    nearby: list[tuple[int, int, list[Candidate]]] = []  # organisations that may be towns
    for i, j in _gaz_matches(text, tk, gaz, max_tokens):
        s, e = idx[i], idx[j - 1] + len(words[j - 1])
        seg = text[s:e]
        key = fold(seg)
        if key in STOP_NAMES or key in GENERIC or (j - i == 1 and tk.stop[i] and not seg.isupper()):
            continue  # "Police", "North", "But"
        if is_org(seg) and not _place_cue(lower, i):
            continue  # "Fano", "NATO": the organisation, not the town of that name
        cs = cands(seg)
        if not cs:
            continue
        # weak cues (a preposition, a following "police") only vouch for a
        # place's own name, not for an alternate spelling ("But" for Buta)
        abbreviated = j + 1 < n and words[j] == "." and words[j + 1][:1].islower()
        own_cs = _own_names(seg, key, cs, abbreviated=abbreviated)
        own = bool(own_cs)
        if j - i <= 2:
            dem = _demonym_place(gaz, seg)
            if dem is not None and dem.key != cs[0].place.key:
                continue  # "Azeri" is a demonym first (step 4), not the village Aseri
        geo_head = j - i > 1 and lower[j - 1] in GEO_HEADS
        strong = geo_head or _is_strong(cs, seg)
        inside = {id(ent_of[t]) for t in range(i, j)}
        ent = ent_of[i] if len(inside) == 1 else None
        label = ent.label if ent is not None else ("" if inside == {id(None)} else "MIXED")
        prev = lower[i - 1] if i > 0 else ""
        locative = prev in LOCATIVE
        cue = _place_cue(lower, i)
        person = any(words[t] in person_tokens for t in range(i, j))
        nxt = words[j] if j < n else ""
        nxt_comma = nxt == "," and j + 1 < n and words[j + 1][:1].isupper()
        known = key in ner_keys
        # "Jackson and Barrow counties", "Danbury police"
        tail = lower[j : j + 4]
        head_after = bool(tail) and (
            tail[0] in INSTITUTION_HEADS
            or any(w in ("counties", "parishes") for w in tail[:3])
            and tail[0] in (",", "and", "counties", "parishes")
        )
        ok = False
        if label in ("GPE", "LOC"):
            # inside a span the gazetteer does not know ("Mississippi State",
            # "Northeast Georgia", "Glacier Ridge"): an unmistakable name, or
            # the place's own name leading the span
            at_start = ent.start == i or (ent.start == i - 1 and lower[ent.start] == "the")
            ok = strong or _prominent(cs, seg) or (at_start and own)
        elif label == "PERSON":
            if (
                ent.start == i
                and ent.end == j
                and not any(words[t] in person_tokens for t in range(i, j))
            ):
                ok = (
                    known
                    or (own and (locative or cue or nxt_comma or head_after))
                    or _prominent(cs, seg)
                    or (strong and (j - i > 1 or _is_country_or_admin1(cs)))
                )
        elif label in ("ORG", "FAC"):
            # "the Mansfield Police Department", "University of Michigan", "Texas A&M"
            at_head = ent.start == i or (ent.start == i - 1 and lower[ent.start] == "the")
            after_of = prev in ("of", "in", "for", "at")
            institutional = j < ent.end and lower[j] in INSTITUTION_HEADS
            at_tail = (
                ent.end == j and j - i < ent.end - ent.start
            )  # "Small Business BC", "Costco Canada"
            if at_tail and not (at_head or after_of):
                ok = strong and _is_country_or_admin1(cs)
            elif at_head or after_of:
                whole = ent.end == j
                ok = (
                    strong
                    or known
                    or (own and (institutional or head_after))
                    # "Hamas" is an alternate name of Hamm: only a big place's own name
                    or (whole and _max_pop(own_cs) >= STRONG_POP)
                    or (whole and own and cue and not person)
                    # "clashes in Echmiadzin": "in" only vouches for a town of some size
                    or (whole and prev == "in" and not person and _max_pop(own_cs) >= ORG_IN_POP)
                )
                if not ok and whole and at_head and _max_pop(own_cs) >= CONTEXT_POP and not person:
                    nearby.append((s, e, own_cs))
        elif label in ("MONEY", "QUANTITY"):
            ok = cs[0].place.kind == "country"  # "US dollars"
        elif label in ("", "NORP", "EVENT", "PRODUCT", "MIXED"):
            if title_line[i]:
                ok = known or (strong and _is_country_or_admin1(cs))
            else:
                ok = (
                    known
                    or strong
                    or _prominent(cs, seg)
                    or (own and (locative or head_after) and _max_pop(cs) >= LOCATIVE_POP)
                    or (own and cue and not person and _max_pop(cs) >= LOCATIVE_POP)
                )
        if ok:
            # a place name used as a modifier ("Soviet republics") says who, not where
            add(
                s,
                e,
                "GAZ",
                adjectival=label == "NORP"
                and j - i == 1
                and not locative
                and j < n
                and tk.alpha[j],
            )
        else:
            coordinable = (own or j - i > 1) and not any(
                words[t] in person_tokens for t in range(i, j)
            )
            pending.append((s, e, key, coordinable))

    # a name the gazetteer spells another way, announced by a cue that the
    # model missed ("the village of Tal Tamr" tagged as a person)
    for ent in ents:
        if ent.label not in ("PERSON", "ORG") or not _place_cue(lower, ent.start):
            continue
        s, e = _strip_span(text, ent.start_char, ent.end_char)
        seg = text[s:e]
        if (
            e > s
            and not any(taken[s:e])
            and not gaz.has(fold(seg))
            and not is_org(seg)
            and not any(
                words[t] in person_words and person_words[words[t]] != {seg}
                for t in range(ent.start, ent.end)
            )  # its words name no other person in the text
            and variant_cands(gaz, seg)
        ):
            add(s, e, "CUE")

    # NER places the gazetteer does not know and that hold no known name
    for s, e, label in unknown:
        add(s, e, label)

    # geographic context: a town the NER calls an organisation, near a
    # settlement the text names ("Bakhmut fell" in a report on Avdiivka)
    if nearby:
        here = [
            c.place
            for m in mentions
            if not m.adjectival
            for c in cands(m.text)[:1]
            if c.place.kind == "settlement"
        ]
        for s, e, own_cs in nearby:
            if any(
                p.kind == "settlement"
                and p.population >= CONTEXT_POP
                and any(
                    q.key != p.key and haversine_km(p.lat, p.lon, q.lat, q.lon) <= CONTEXT_KM
                    for q in here
                )
                for p in (c.place for c in own_cs)
            ):
                add(s, e, "GAZ")
    # one sense per discourse: a name accepted once is a place everywhere in the text
    accepted = {fold(m.text) for m in mentions if not m.adjectival}
    for s, e, key, _ in pending:
        if key in accepted and text[s:e] not in person_tokens:
            add(s, e, "GAZ")
    # coordination: "Kharkiv and Bakhmut", "Martuni and Hadrut were shelled"
    for _ in range(3):
        places = sorted((m.start, m.end) for m in mentions if not m.adjectival)
        added = False
        for s, e, _key, coordinable in pending:
            if not coordinable or taken[s]:
                continue
            if any(
                COORD_RE.fullmatch(text[pe:s])
                if pe <= s
                else COORD_RE.fullmatch(text[e:ps])
                if e <= ps
                else False
                for ps, pe in places
            ):
                add(s, e, "GAZ")
                added = True
        if not added:
            break

    # 4. demonyms and adjectives ("Russian", "South Ossetian"), marked adjectival
    for ent in ents:
        if ent.label in ("NORP", "PERSON"):  # the model sometimes calls "Sri Lankan" a person
            s, e = _strip_span(text, ent.start_char, ent.end_char)
            if _demonym_place(gaz, text[s:e]) is not None:
                add(s, e, "DEMONYM", adjectival=True)
    for t in range(n):
        if ent_label[t] in ("GPE", "LOC") or not words[t][:1].isupper():
            continue  # also inside NORP/PERSON spans: "anti-Russian", a lone "Azerbaijani"
        if (
            ent_label[t] == "PERSON"
            and ent_of[t] is not None
            and ent_of[t].end - ent_of[t].start > 1
        ):
            continue
        if t + 1 < n and words[t + 1][:1].isupper():  # "Sri Lankan", "South Ossetian"
            two = text[idx[t] : idx[t + 1] + len(words[t + 1])]
            if _demonym_place(gaz, two) is not None:
                add(idx[t], idx[t + 1] + len(words[t + 1]), "DEMONYM", adjectival=True)
                continue
        if _demonym_place(gaz, words[t]) is not None:
            add(idx[t], idx[t] + len(words[t]), "DEMONYM", adjectival=True)

    # 5. lowercase line names from the theatre overlay
    for i, j in _line_matches(text, tk, gaz):
        add(idx[i], idx[j - 1] + len(words[j - 1]), "LINE")

    if dateline_span is not None:
        ds, de = dateline_span
        mentions = [
            replace(m, dateline=True) if ds <= m.start and m.end <= de else m for m in mentions
        ]
    mentions.sort(key=lambda m: m.start)
    return mentions
