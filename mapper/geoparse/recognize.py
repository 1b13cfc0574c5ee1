"""Recognition: the place-name mentions of a parsed text.

Steps, in order (a character already covered by a mention is never taken again):

1. datelines ("KHARTOUM —"): the structural signal beats the model on all-caps text;
2. the NER's GPE, LOC and FAC entities the gazetteer knows (split at commas);
3. gazetteer names over capitalised token runs, judged by the NER label, the
   words around them and the place's prominence (:meth:`_Recognizer.judge`);
4. context patterns that make a known name a place whatever the NER says
   (:mod:`mapper.geoparse.cues`: "X district, Y", "X (Y, Z)", "at X", "the
   X-Y road");
5. names the gazetteer spells another way after a cue ("the village of Tal Tamr");
6. NER places the gazetteer does not know;
7. organisations that are towns near the text's other places, one sense per
   discourse, coordination ("Kharkiv and Bakhmut");
8. demonyms and adjectives ("Russian", "South Ossetian"), marked ``adjectival``;
9. lowercase line names from the theatre overlay ("the contact line").

Every step is linear in the number of tokens (bounded look-ups around a token).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from mapper.gazetteer import fold
from mapper.geoparse import cues
from mapper.geoparse.candidates import haversine_km, variant_cands
from mapper.geoparse.evidence import (
    demonym_place,
    is_country_or_admin1,
    is_strong,
    max_pop,
    own_names,
    place_cue,
    prominent,
)
from mapper.geoparse.lexicon import (
    AFTER_HEAD,
    AGENCY_WORDS,
    ARABIC_ARTICLES,
    COMPASS_POINTS,
    CONTEXT_KM,
    CONTEXT_POP,
    FACILITY_HEADS,
    FACILITY_KINDS,
    FEATURE_WORDS,
    GENERIC,
    GEO_HEADS,
    GROUND_VERBS,
    INITIAL_RE,
    INSTITUTION_HEADS,
    LOCAL_PEOPLE,
    LOCATIVE,
    LOCATIVE_POP,
    NAME_TAILS,
    ORG_IN_POP,
    PERSON_TITLES,
    STOP_NAMES,
    STRONG_POP,
    WEAPON_EVENTS,
    WEAPON_NOUNS,
    WEAPON_WORDS,
)
from mapper.geoparse.matching import (
    Toks,
    find_datelines,
    gaz_matches,
    line_matches,
    strip_span,
    title_case_lines,
)
from mapper.geoparse.records import Ent, Mention

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

    from mapper.gazetteer import Candidate, Gazetteer

__all__ = ["recognize"]

_COORD_BEFORE = re.compile(r"(?:,|,?\s*\b(?:and|or))\s*$")
_COORD_AFTER = re.compile(r"\s*(?:,|,?\s*(?:and|or)\b)\s*")
_COMMA_SPLIT = re.compile(r"(,\s*)")
#: A Persian, Urdu or Arabic link glued inside one name, right before a word: "Shah-e-".
_LINKED_TAIL = re.compile(r"[A-Za-z]-(?:" + "|".join(sorted(cues.JOINING_PARTICLES)) + r")-$")
_LEADING_THE = re.compile(r"^(?:the|The)\s+")
#: Capitalised words this short continue a name even when English has them ("Let",
#: "Te"): syllables of transliterated names ([acled-dev mmr 2021-04-24], [acled-dev mmr
#: 2021-11-25]) far more often than a common noun after a place.
_SYLLABLE = 3
#: Words that may stand between a weapon system's name and its weapon noun.
_WEAPON_RUN = WEAPON_WORDS | WEAPON_NOUNS
# Most settlements of the text that an organisation-tagged town is compared with.
_NEARBY_SAMPLE = 200


def recognize(
    doc: Doc,
    text: str,
    gaz: Gazetteer,
    dateline_span: tuple[int, int] | None,
    *,
    words: frozenset[str] = frozenset(),
) -> list[Mention]:
    """Return the place-name mentions of ``doc`` (whose text is ``text``), in text order.

    Parameters
    ----------
    doc : spacy.tokens.Doc
        Tokenised text with NER entities.
    text : str
        ``doc.text``.
    gaz : mapper.gazetteer.Gazetteer
    dateline_span : (int, int) or None
        The report's dateline; mentions inside it get ``dateline=True``.
    words : frozenset of str
        English common words: a capitalised one after a known name does not
        make the name longer ("Boone County Solid Waste District").

    Returns
    -------
    list of Mention
    """
    return _Recognizer(doc, text, gaz, words).run(dateline_span)


def _without_compass_modifiers(text: str, mentions: list[Mention]) -> list[Mention]:
    """Drop a compass point read as a place when a place's name follows it directly.

    "Airstrikes hit Idlib in Northwest Syria" is Idlib in Syria, not in Northwest,
    North Carolina, nor in a division called North-West; "Northeast Texas"
    (LGL) is part of Texas. A name the gazetteer holds whole ("North West
    province", "Pacific Northwest") is one mention and stays.

    >>> m = [Mention(0, 9, "Northwest", "GPE"), Mention(10, 15, "Syria", "GPE")]
    >>> [x.text for x in _without_compass_modifiers("Northwest Syria", m)]
    ['Syria']
    """
    starts = {m.start for m in mentions}
    out = []
    for m in mentions:
        compass = fold(m.text).replace("-", "").replace(" ", "") in COMPASS_POINTS
        gap = text[m.end : m.end + 3]
        after = m.end + len(gap) - len(gap.lstrip(" "))  # past the spaces after the name
        if compass and after > m.end and after in starts:
            continue
        out.append(m)
    return out


#: What a lone name-tail word follows when it is the tail of a longer name ("Choua
#: Island") or stands for an area named before ("the Zone"): a capitalised word or "the".
_TAIL_LEAD = re.compile(r"\b(the|The|[A-Z][\w’'-]*)\s+$")
#: Capitalised words that open a sentence before a name, not a longer name.
_LEAD_FUNCTION_WORDS = frozenset(
    "in at on of from to near for by with and or but as after before since during across "
    "into around outside inside within a an this that".split()
)


def _without_lone_tails(text: str, mentions: list[Mention]) -> list[Mention]:
    """Drop a lone name-tail word that heads its phrase after a name or "the".

    Such a word is the rest of a name the recogniser did not take whole, or the
    area noun standing for a named area: "They tried to attack us on Choua
    Island but" (Reuters, Chad, May 2015) had put the attack in Iceland
    ("Island" is Iceland's own name), "in Babo Gambel district of the Zone" (of
    West Wollega zone; Ethiopian Monitor, March 2021) in Zone, Italy. Before a
    noun it stays a modifier the index may know: "the Delta police officer"
    (LGL).

    >>> m = [Mention(24, 29, "Choua", "GPE"), Mention(30, 36, "Island", "GPE")]
    >>> [x.text for x in _without_lone_tails("They tried to attack us Choua Island but", m)]
    ['Choua']
    """
    out = []
    for m in mentions:
        lead = _TAIL_LEAD.search(text, max(0, m.start - 40), m.start)
        if (
            lead
            and fold(m.text) in NAME_TAILS
            and lead.group(1).lower() not in _LEAD_FUNCTION_WORDS
            and AFTER_HEAD.match(text, m.end)
        ):
            continue
        out.append(m)
    return out


class _Recognizer:
    """Working state of one recognition pass (see the module docstring for the steps)."""

    def __init__(
        self, doc: Doc, text: str, gaz: Gazetteer, words: frozenset[str] = frozenset()
    ) -> None:
        self.text, self.gaz, self.words = text, gaz, words
        # In text that is not all capitals an all-capital word is an acronym.
        self.mixed_case = any(c.islower() for c in text[:2000])
        self.doc = doc
        self.parsed = doc.has_annotation("DEP")  # the fast mode runs no parser
        self.tk = tk = Toks.of(doc)
        self.n = len(tk.text)
        self.taken = bytearray(len(text) + 1)  # chars already covered by a mention
        # Text not to search for names (mapper.geoparse.api): taken from the start.
        self.skims = tuple(getattr(doc._, "skimmed", None) or ())
        for s, e in self.skims:
            self.taken[s:e] = b"\x01" * (e - s)
        self._agency_names()
        self._weapon_names()
        self._stance_names()
        self.mentions: list[Mention] = []
        self.memo: dict[str, list[Candidate]] = {}
        self.ents = [Ent(e.start, e.end, e.label_, e.start_char, e.end_char) for e in doc.ents]
        self.ent_label = [""] * self.n
        self.ent_of: list[Ent | None] = [None] * self.n
        for ent in self.ents:
            for t in range(ent.start, ent.end):
                self.ent_label[t], self.ent_of[t] = ent.label, ent
        self.person_tokens, self.person_words, self.surnames = self._people()
        self.title_line = title_case_lines(tk)
        self.ner_keys: set[str] = set()
        self.unknown: list[tuple[int, int, str]] = []
        self.pending: list[tuple[int, int, str, bool]] = []
        self.nearby: list[tuple[int, int, list[Candidate]]] = []
        self.matches: list[tuple[int, int]] = []
        self.container_span: tuple[int, int] | None = None  # set by the context patterns

    # -- helpers ----------------------------------------------------------------

    def add(
        self, s: int, e: int, label: str, *, adjectival: bool = False, dateline: bool = False
    ) -> bool:
        """Take ``text[s:e]`` as a mention unless it overlaps one; tell whether it was taken."""
        s, e = strip_span(self.text, s, e)
        if e <= s or any(self.taken[s:e]):
            return False
        seg = self.text[s:e]
        if not any(c.isalpha() for c in seg):
            return False
        if _LINKED_TAIL.search(self.text, max(0, s - 12), s):
            # "Mardan" of "Shah-e-Mardan" (Daily Pakistan, November 2024), an area of Kalat
            # 600 km from Mardan: the izafat link makes one name, as in "Tehreek-i-Taliban
            # Pakistan" (Dawn, January 2025) and "Tehrik-i-Taliban Pakistan" (VOA, 2024)
            return False
        if fold(seg) in ARABIC_ARTICLES and _NAME_AFTER_ARTICLE.match(self.text, e):
            # "in Al-Jawba" (TRT World, October 2021), a village the index lacks: the
            # article alone is no place (it was Ål, Norway; "Al" of a Libyan town, Alabama)
            return False
        self.taken[s:e] = b"\x01" * (e - s)
        self.mentions.append(Mention(s, e, seg, label, adjectival, dateline, self._subject(s, e)))
        return True

    def _agency_names(self) -> None:
        """Take no place from a news agency's name: "Fars news agency", "Xinhua news agency".

        Wire copy credits agencies by a name that is often a place's too: "semi-official
        Fars news agency reported, according to Xinhua" (Kazinform, October 2022) beside
        "the police commander of Fars province"; "the gunmen killed the people in Zakuna
        village, Xinhua news agency reported" (IANS, June 2018), where Xinhua, a Chinese
        town, was read as the village's container. A country's name or demonym stays
        ("Kenya News Agency", "Saudi Press Agency"): it says where the agency is.
        """
        tk = self.tk
        for h in range(1, self.n):
            low = tk.lower[h]
            if low == "agency" and tk.lower[h - 1] in AGENCY_WORDS:
                h -= 1  # "news agency": the name ends before "news"
            elif not (low == "agency" and tk.text[h] == "Agency"):
                continue  # "Anadolu Agency"
            i = h
            while i > 0 and h - i < 3 and tk.text[i - 1][:1].isupper() and tk.alpha[i - 1]:
                i -= 1
            if not 0 < h - i < 3:
                continue  # "the Ohio Housing Finance Agency": a body named for its state
            self._take_unless_a_country(tk.idx[i], tk.idx[h - 1] + len(tk.text[h - 1]))

    def _take_unless_a_country(self, s: int, e: int, keep_pop: int | None = None) -> None:
        """Take ``text[s:e]`` from recognition unless it names a country or its people.

        With ``keep_pop``, a place of that size keeps its name too (a weapon named after a
        big city is rarer than the city named before a strike).
        """
        seg = self.text[s:e]
        cs = self.gaz.candidates(seg, limit=1)
        top = cs[0].place if cs else None
        if self.gaz.demonym(seg) is not None or (top is not None and top.kind == "country"):
            return
        if keep_pop is not None and top is not None and top.population >= keep_pop:
            return
        self.taken[s:e] = b"\x01" * (e - s)

    def _stance_names(self) -> None:
        """Take no place from a name after "anti-" or "pro-" that names no country.

        A stance or a militia named by what it opposes: "the anti-Balaka Christian
        militia" (AP via The Daily Record, Bambari, December 2015) had put a riot in
        Balaka, Malawi; "The pro-Houthi al-Masirah television channel" (AFP via The
        New Arab, December 2017). A country stays ("pro-Russia separatists", Los Angeles
        Times, January 2015): it says whose side, and the incident stage does not take
        it for a site.
        """
        tk = self.tk
        for i in range(2, self.n):
            if tk.text[i - 1] != "-" or tk.lower[i - 2] not in ("anti", "pro"):
                continue
            if not (tk.text[i][:1].isupper() and tk.alpha[i]):
                continue
            self._take_unless_a_country(tk.idx[i], tk.idx[i] + len(tk.text[i]))

    def _weapon_names(self) -> None:
        """Take no place from a weapon system's name: "a Grad missile", "Tornado-S rockets".

        Arms are named after places, and a report names them before the weapon noun:
        "it was hit by a Grad missile shortly after 2 p.m." (Los Angeles Times,
        Volnovakha, January 2015) had put the bus in Slovenia's Grad; "struck the village
        of Pisky-Radkivski with the high-speed Tornado-S multiple rocket launch system"
        (Reuters via The Hindu, September 2024). A country or a demonym stays (whose
        missiles), as does a city of its own size or a strike that names its place
        ("the Kharkiv missile strike").
        """
        tk = self.tk
        for h in range(1, self.n):
            if tk.lower[h] not in WEAPON_NOUNS:
                continue
            if h + 1 < self.n and tk.lower[h + 1] in WEAPON_EVENTS:
                continue
            j = h
            while j > 0 and tk.lower[j - 1] in _WEAPON_RUN:
                j -= 1
            i = j
            while i > 0 and j - i < 3 and tk.text[i - 1][:1].isupper() and not tk.stop[i - 1]:
                i -= 1  # "The Russian rocket": the article opens the sentence, not the name
            if not 0 < j - i < 3 or not any(tk.alpha[t] for t in range(i, j)):
                continue
            s, e = tk.idx[i], tk.idx[j - 1] + len(tk.text[j - 1])
            self._take_unless_a_country(s, e, keep_pop=STRONG_POP)

    def _subject(self, s: int, e: int) -> bool:
        """Tell a name that is the subject of a verb told after it ("..., Russia launched")."""
        if not self.parsed:
            return False
        span = self.doc.char_span(s, e, alignment_mode="expand")
        if span is None or not len(span):
            return False
        root = span.root
        return (
            root.dep_ in ("nsubj", "nsubjpass")
            and root.head.i > root.i
            and root.head.pos_ in ("VERB", "AUX")
        )

    def name_goes_on(self, t: int) -> bool:
        """Tell whether token ``t`` continues a capitalised name before it.

        A capitalised word that is neither a common English word of four
        letters or more (the pipeline's lemmas, with plurals) nor a word of place kinds
        (:data:`~mapper.geoparse.lexicon.NAME_TAILS`): "Htaw" in "Mu Htaw",
        not "Sheriff" in "Alachua County Sheriff's Office".
        """
        tk = self.tk
        word = tk.text[t]
        if not (word[:1].isupper() and tk.alpha[t]) or tk.stop[t] or word.isupper():
            return False  # an acronym names a unit of the place: "Guma LGA", "the Pakokku PDF"
        low = word.lower()
        if low in NAME_TAILS or low in INSTITUTION_HEADS or fold(word) in STOP_NAMES:
            return False
        if len(low) <= _SYLLABLE:
            return True  # "Dar Let", "Se Te ward": a syllable of a transliterated name
        stems = (low, low[:-1], low[:-2], low[:-3] + "y") if low.endswith("s") else (low,)
        return not any(w in self.words for w in stems)

    def cands(self, seg: str) -> list[Candidate]:
        """Return the first candidates of a name (memoised; [] for unknown names).

        An acronym in mixed-case text keeps only the places it abbreviates
        (:func:`_acronym`).
        """
        acronym = _acronym(seg) and self.mixed_case
        key = seg if acronym else fold(seg)
        if key not in self.memo:
            cs = self.gaz.candidates(seg, limit=10) if self.gaz.has(fold(seg)) else []
            self.memo[key] = [c for c in cs if c.matched.isupper()] if acronym else cs
        return self.memo[key]

    def is_org(self, seg: str) -> bool:
        """Tell whether the gazetteer lists ``seg`` as an armed group, party or agency."""
        return self.gaz.organisation(seg) is not None

    def span_of(self, i: int, j: int) -> tuple[int, int]:
        """Character offsets of tokens ``i..j``."""
        return self.tk.idx[i], self.tk.idx[j - 1] + len(self.tk.text[j - 1])

    def _people(self) -> tuple[set[str], dict[str, set[str]], set[str]]:
        """Words of the people the text names: "Clinton" after "Bill Clinton" is a person.

        Returns the capitalised words of those names, the names each word is
        in, and the surnames (last words).
        """
        tk, text = self.tk, self.text
        tokens: set[str] = set()
        surnames: set[str] = set()
        words: dict[str, set[str]] = defaultdict(set)  # word -> the person names it is in
        for ent in self.ents:
            if not (ent.label == "PERSON" and 1 < ent.end - ent.start <= 3):
                continue
            if cues.is_area_noun(tk.text[ent.end - 1]):
                continue  # "Kankara LGA": a division the model took for a person
            whole = text[ent.start_char : ent.end_char]
            if not all(
                tk.alpha[t] or tk.text[t] == "." or INITIAL_RE.fullmatch(tk.text[t])
                for t in range(ent.start, ent.end)
            ) or self.gaz.has(fold(whole)):  # "L. Douglas Wilder"; "Tamil Nadu"
                continue
            tokens.update(tk.text[t] for t in range(ent.start, ent.end) if tk.text[t][:1].isupper())
            surnames.add(fold(tk.text[ent.end - 1]))  # "Ordóñez" of "Javier Ordóñez"
            for t in range(ent.start, ent.end):
                words[tk.text[t]].add(whole)
        return tokens, words, surnames

    # -- the steps ----------------------------------------------------------------

    def run(self, dateline_span: tuple[int, int] | None) -> list[Mention]:
        """Run every step; return the mentions in text order."""
        self.datelines()
        max_tokens = max(1, int(getattr(self.gaz, "max_name_tokens", 5)))
        self.matches = gaz_matches(self.text, self.tk, self.gaz, max_tokens)
        self.joined_names()
        self.ner_places()
        self.gazetteer_names()
        cues.add_context_mentions(self)
        self.cue_variants()
        for s, e, label in self.unknown:
            self.add(s, e, label)
        self.organisation_towns()
        self.discourse()
        self.aliases_in_focus()
        self.coordination()
        self.demonyms()
        for i, j in line_matches(self.text, self.tk, self.gaz):
            self.add(*self.span_of(i, j), "LINE")
        mentions = _without_lone_tails(
            self.text, _without_compass_modifiers(self.text, self.mentions)
        )
        if dateline_span is not None:
            ds, de = dateline_span
            mentions = [
                replace(m, dateline=True) if ds <= m.start and m.end <= de else m for m in mentions
            ]
        return sorted(mentions, key=lambda m: m.start)

    def datelines(self) -> None:
        """Step 1; a dateline may spell its town another way ("DEIR AL-BALAH")."""
        for s, e in find_datelines(self.text):
            seg = self.text[s:e]
            if not seg.isupper() and self._person_at(s):
                # "Abbas: No Mideast peace without Jerusalem" (LGL) names who said it; the
                # model calls "Srinagar : Two militants were killed" a person too
                own = own_names(seg, fold(seg), self.cands(seg))
                if max_pop(own) < CONTEXT_POP:
                    continue
            if self.gaz.has(fold(seg)) or variant_cands(self.gaz, seg):
                self.add(s, e, "DATELINE", dateline=True)

    def _person_at(self, s: int) -> bool:
        """Tell a name starting at character ``s`` that the NER takes for a person."""
        t = self._token_at(s)
        return t < self.n and self.ent_label[t] == "PERSON"

    def ner_places(self) -> None:
        """Step 2: NER places split at commas ("Alexandria, Va." is two toponyms)."""
        text, gaz = self.text, self.gaz
        for ent in self.ents:
            if ent.label not in ("GPE", "LOC", "FAC"):
                continue
            pos = ent.start_char
            for part in _COMMA_SPLIT.split(text[ent.start_char : ent.end_char]):
                ps, pe = pos, pos + len(part)
                pos = pe
                if not part.strip() or part.startswith(","):
                    continue
                seg = text[ps:pe]
                folded = fold(seg)
                if folded in GENERIC or not any(ch.isupper() for ch in seg):
                    # an English place name is capitalised: "millions of naira" is money,
                    # not the German town of Naila (The Citizen, Nigeria, September 2020);
                    # LGL's lowercase hits went the same way (its F1 0.8902 -> 0.8906)
                    continue
                if pe == ent.end_char and cues.starts_longer_name(self, ent.end):
                    continue  # "Hta" of "Hta Naung Kone village": the name goes on
                joined = cues.joined_name(self, ent.start, ent.end)
                if ps == ent.start_char and pe == ent.end_char and joined is not None:
                    # "Qala" of "Qala-i-Now": the whole name or none, spelled as the index
                    # spells it or not ("Qala i Naw")
                    ws, we = self.span_of(*joined)
                    whole = text[ws:we]
                    if gaz.has(fold(whole)) or variant_cands(gaz, whole):
                        self.add(ws, we, ent.label)
                    continue
                if pe == ent.end_char and cues.compound_head(self, ent.start, ent.end):
                    self._compound(ent.start, cues.compound_end(self, ent.end), located=True)
                    continue  # "Tal" of "Tal Abyad": the whole compound or nothing
                if self.is_org(seg) and not place_cue(self.tk.lower, self._token_at(ps)):
                    continue  # "Wagner", "Azov": an armed group unless "the town of Azov"
                known = (
                    bool(self.cands(seg))
                    if _acronym(seg)
                    else gaz.has(folded) or gaz.has(fold(_LEADING_THE.sub("", seg)))
                )
                if not known and (
                    ent.label == "FAC"  # streets and buildings the gazetteer cannot place
                    or (ent.end - ent.start == 1 and seg in self.person_tokens)  # a surname
                    or (seg.isupper() and len(seg) <= 3)
                ):
                    continue
                one_word = ent.end - ent.start == 1
                if _saints_building(text, pe) or (
                    known
                    and one_word
                    and (
                        self._surname(seg, self.cands(seg))
                        or self._after_title(ent.start, ent.end)
                    )
                ):
                    continue
                if known:
                    self.ner_keys.add(folded)
                    self.add(ps, pe, ent.label)
                else:
                    # "Mississippi State": let the gazetteer find the place inside first
                    self.unknown.append((ps, pe, ent.label))

    def _named_for_person(self, i: int, j: int) -> bool:
        """Tell a surname inside an institution named after a person.

        A known name between a given name and an institution word is a
        person's: "Ninoy Aquino School" ([WMarawi]), "Abraham Lincoln High
        School"-style names in LGL's local news.
        """
        tk = self.tk
        return (
            i > 0
            and j < self.n
            and tk.lower[j] in INSTITUTION_HEADS
            and self.name_goes_on(i - 1)
            and not self.taken[tk.idx[i - 1]]
        )

    def _feature_name(self, i: int, j: int) -> bool:
        """Tell whether tokens ``i..j`` are part of "Lake X", "Mount X", "Cape X".

        A feature word before a name makes one name of the two the index
        does not hold: "the shores of Lake Chad" ([news-dev 05]), "Lake
        Opechee in Laconia" (LGL): neither the country Chad nor a "Lake" county.
        French names the same way: "camps for displaced people in Lac Vert and
        Mugunga, near the city of Goma" (AP via New Delhi Times, May 2024), "the
        Lac Vert and Mugunga camps near Goma city" (Medafrica Times, May 2024) had
        gone to Chad's Lac province and Vert, France.
        """
        tk = self.tk
        if tk.lower[i] in FEATURE_WORDS and tk.text[i][:1].isupper():
            return (
                j == i + 1
                and j < self.n
                and tk.text[j][:1].isupper()
                and tk.alpha[j]
                and not cues.is_area_noun(tk.text[j])  # Chad's "Lac Province" is the province
            )
        return (
            i > 0
            and tk.lower[i - 1] in FEATURE_WORDS
            and tk.text[i - 1][:1].isupper()
            and not self.taken[tk.idx[i - 1]]
        )

    def _after_title(self, i: int, j: int) -> bool:
        """Tell a one-word name right after a person's title: the person, not a place.

        "asking President Kibaki to relieve them" ([acled-dev ken 2010-02-19]:
        not Kybaky, Ukraine), "His Holiness Pope Francis" (GWN), "The Rev. Roy"
        and "LPD Lt. Brent" (LGL). The title is capitalised or abbreviated;
        "Prince George" and "General Santos", names the index holds whole,
        are matched from the title on and stay places.
        """
        tk = self.tk
        k = i - 1
        if k >= 1 and tk.text[k] == ".":
            k -= 1  # "Rev. Roy": the tokenizer may split the abbreviation's dot
        return (
            j - i == 1
            and k >= 0
            and tk.text[k][:1].isupper()
            and tk.lower[k].rstrip(".") in PERSON_TITLES
        )

    def _surname(self, seg: str, cs: list[Candidate]) -> bool:
        """Tell whether a one-word name is the surname of a person the text names.

        "the death of Ordóñez" after "Javier Ordóñez" ([news-dev 04]), "Hopkins
        said" after "Director of Finance David Hopkins" (LGL 40188219): the
        person, unless the place is unmistakable ("Washington" after "George
        Washington" stays the city). Spellings with and without accents are one
        name ("Ordoñez" in the same report).
        """
        return fold(seg) in self.surnames and not (is_strong(cs, seg) or prominent(cs, seg))

    def _token_at(self, char: int) -> int:
        lo, hi = 0, self.n
        while lo < hi:
            mid = (lo + hi) // 2
            if self.tk.idx[mid] < char:
                lo = mid + 1
            else:
                hi = mid
        return lo

    def joined_names(self) -> None:
        """Step 2a: a known name longer than the NER places inside it.

        The model may tag "Jammu" and "Kashmir" apart, or only a part of a
        country's name; the index's longer name is the place ([WPulwama] "the
        erstwhile state of Jammu and Kashmir"; "the position taken by Trinidad
        and Tobago" and "in 44 states, Washington, D.C., and the U.S. Virgin
        Islands", GWN, where the model tags "Trinidad" and "U.S."). A name over a
        connector joining two NER places is taken; one NER place inside a
        longer name only when that name is a country or first-level division.
        """
        tk = self.tk
        for i, j in self.matches:
            if j - i < 2:
                continue
            ents = {self.ent_of[t] for t in range(i, j) if self.ent_label[t] in ("GPE", "LOC")}
            if not ents or any(e.start < i or e.end > j for e in ents):
                continue  # no NER place inside, or the model's place goes on past the name
            if any(e.start == i and e.end == j for e in ents):
                continue  # the model found the very name (step 2 takes it)
            joined = len(ents) >= 2 and any(
                tk.lower[t] in ("and", "&") for t in range(i + 1, j - 1)
            )
            # one hyphenated word: "the enemy fired on Kupiansk-Vuzlovyi village in
            # Kupiansk district" (Reuters via Al Arabiya, August 2023) and "of
            # Batesburg-Leesville" (LGL), the model's place being the first part alone
            joined = joined or any(
                tk.text[t] in cues.HYPHENS
                and cues.adjacent(self, t - 1, t)
                and cues.adjacent(self, t, t + 1)
                for t in range(i + 1, j - 1)
            )
            if joined or is_country_or_admin1(self.cands(self.text[slice(*self.span_of(i, j))])):
                self.add(*self.span_of(i, j), "GAZ")

    def gazetteer_names(self) -> None:
        """Step 3: gazetteer names the model mislabelled or missed."""
        tk, text = self.tk, self.text
        if self.skims:  # a skimmed piece is one token: a match starts in it only as that token
            skimmed = {s for s, _ in self.skims}
            self.matches = [(i, j) for i, j in self.matches if tk.idx[i] not in skimmed]
        for i, j in self.matches:
            s, e = self.span_of(i, j)
            seg = text[s:e]
            key = fold(seg)
            if (
                key in STOP_NAMES
                or key in GENERIC
                or (j - i == 1 and tk.stop[i] and not seg.isupper())
            ):
                continue  # "Police", "North", "But"
            if self.is_org(seg) and not place_cue(tk.lower, i):
                continue  # "Fano", "NATO": the organisation, not the town of that name
            cs = self.cands(seg)
            if cs and cues.compound_head(self, i, j):
                self._compound(i, cues.compound_end(self, j))
                continue
            if (
                not cs
                or cues.inside_longer_name(self, i, j)
                or cues.joined_name(self, i, j) is not None
                or _numbered(tk.text, j)
            ):
                continue  # "Zinda Jan district": not "Jan"; "Tal Abyad": not "Tal"; "Ward 6"
            if (
                self._feature_name(i, j)
                or self._named_for_person(i, j)
                or _saints_building(text, e)
            ):
                continue  # "Lake Chad", "Ninoy Aquino School": not the country, not the town
            if j - i <= 2:
                dem = demonym_place(self.gaz, seg, listed_only=True)
                if dem is not None and dem.key != cs[0].place.key:
                    continue  # "Azeri" is a demonym first (step 8), not the village Aseri
            verdict = self.judge(i, j, seg, key, cs)
            if verdict:
                # a place name used as a modifier ("Soviet republics") says who, not where;
                # before an area noun it names the area ("Bhamo district")
                adjectival = (
                    self.ent_label[i] == "NORP"
                    and j - i == 1
                    # the object of "of" is a place: "Ukraine's Black Sea port of Odesa late
                    # on Thursday" (Reuters, August 2024), "the city of Kharkiv"
                    and (i == 0 or tk.lower[i - 1] not in LOCATIVE | {"of"})
                    and j < self.n
                    and tk.alpha[j]
                    and not tk.stop[j]  # "recaptured Samarra on 5 June": no modifier
                    and not cues.is_area_noun(tk.text[j])
                    and not (tk.lower[j] in LOCAL_PEOPLE and cs[0].place.kind == "settlement")
                )
                self.add(s, e, "GAZ", adjectival=adjectival)
            else:
                own = bool(own_names(seg, key, cs))
                people = any(tk.text[t] in self.person_tokens for t in range(i, j))
                self.pending.append((s, e, key, (own or j - i > 1) and not people))

    def _compound(self, i: int, k: int, *, located: bool = False) -> None:
        """Take a whole Arabic compound whose first word alone is a place elsewhere.

        "near Tal Abyad" (the index: Tal-Abyad, Tall Abyad), "west of Ras al
        Ain": the whole name when the model found a place there or a locative
        or place cue announces one, under any spelling the index knows.
        """
        tk = self.tk
        located = located or (i > 0 and (tk.lower[i - 1] in LOCATIVE or place_cue(tk.lower, i)))
        if not located or k <= i + 1 or any(tk.text[t] in self.person_tokens for t in range(i, k)):
            return  # a name the model gives a person is left to the cue step (step 5)
        s, e = self.span_of(i, k)
        seg = self.text[s:e]
        if self.gaz.has(fold(seg)) or variant_cands(self.gaz, seg):
            self.add(s, e, "CUE")

    def judge(self, i: int, j: int, seg: str, key: str, cs: list[Candidate]) -> bool:
        """Tell whether the gazetteer name at tokens ``i..j`` is used as a place here."""
        tk, n = self.tk, self.n
        abbreviated = j + 1 < n and tk.text[j] == "." and tk.text[j + 1][:1].islower()
        own_cs = own_names(seg, key, cs, abbreviated=abbreviated)
        inside = {id(self.ent_of[t]) for t in range(i, j)}
        ent = self.ent_of[i] if len(inside) == 1 else None
        label = ent.label if ent is not None else ("" if inside == {id(None)} else "MIXED")
        if label in _NUMERIC_LABELS and not _calendar_or_number(tk.lower[i:j]):
            label = ""  # "at Quneitra", "in Leh on September 7": a name the model took for a date
        if label == "LANGUAGE":
            label = ""  # "hold a rally in Tunis, the capital" (a Tunisia chronology): no language
        tail = tk.lower[j : j + 4]
        f = _Facts(
            own_cs=own_cs,
            own=bool(own_cs),
            strong=(j - i > 1 and tk.lower[j - 1] in GEO_HEADS) or is_strong(cs, seg),
            prev=tk.lower[i - 1] if i > 0 else "",
            cue=place_cue(tk.lower, i, institutions=True) or self._listed_after_locative(i),
            person=any(tk.text[t] in self.person_tokens for t in range(i, j)),
            nxt_comma=j + 1 < n and tk.text[j] == "," and tk.text[j + 1][:1].isupper(),
            known=key in self.ner_keys,
            # "Jackson and Barrow counties", "Danbury police"
            head_after=bool(tail)
            and (
                tail[0] in INSTITUTION_HEADS
                or any(w in ("counties", "parishes") for w in tail[:3])
                and tail[0] in (",", "and", "counties", "parishes")
                or tail[0] in FACILITY_KINDS
                and len(tail) > 1
                and tail[1] in FACILITY_HEADS
            ),
        )
        if self._after_title(i, j):
            return False
        if label in ("GPE", "LOC"):
            # inside a span the gazetteer does not know ("Mississippi State"): an
            # unmistakable name, or the place's own name leading the span
            if self._longer_name(j, ent.end):
                return False  # "Mu Htaw", "Bala Buluk": the NER's name is another name
            if j - i == 1 and self._surname(seg, cs):
                return False  # a surname of a person the text names
            at_start = ent.start == i or (ent.start == i - 1 and tk.lower[ent.start] == "the")
            return f.strong or prominent(cs, seg) or (at_start and f.own)
        if label == "PERSON":
            # "Kankara LGA" tagged a person as a whole: the area noun is no part of a name
            ends_here = ent.end == j or (ent.end == j + 1 and cues.is_area_noun(tk.text[j]))
            if ent.start != i or not ends_here or f.person:
                return False
            return (
                f.known
                or (f.own and (f.prev in LOCATIVE or f.cue or f.nxt_comma or f.head_after))
                or prominent(cs, seg)
                or (f.strong and (j - i > 1 or is_country_or_admin1(cs)))
                # "shelled Kherson", "drones struck Sumy": a town of some size, hit
                or (f.own and f.prev in GROUND_VERBS and max_pop(cs) >= CONTEXT_POP)
                or _big_town_alias(cs, f, tail)
            )
        if label in ("ORG", "FAC"):
            return self._judge_org(i, j, ent, cs, f)
        if label in ("MONEY", "QUANTITY"):
            return cs[0].place.kind == "country"  # "US dollars"
        if label in ("", "NORP", "EVENT", "PRODUCT", "MIXED"):
            if self.title_line[i]:
                return f.known or (f.strong and is_country_or_admin1(cs))
            return (
                f.known
                or f.strong
                or prominent(cs, seg)
                or (f.own and (f.prev in LOCATIVE or f.head_after) and max_pop(cs) >= LOCATIVE_POP)
                or (f.own and f.cue and not f.person and max_pop(cs) >= LOCATIVE_POP)
                or (
                    f.own
                    and f.prev in GROUND_VERBS
                    and not f.person
                    and max_pop(cs) >= LOCATIVE_POP
                )
                or _big_town_alias(cs, f, tail)
            )
        return False

    def _listed_after_locative(self, i: int) -> bool:
        """Tell whether the name at token ``i`` ends a list of names a locative opens.

        News and ACLED notes coordinate places under one preposition: "an IED
        between Gorgadji and Aribinda" ([acled-dev bfa 2020-01-18]), "on the
        road between Gao and Ansongo" (African Now on the Kobé ambush, February
        2025), "an ambush ... between Tessit and lalahoy" (Imangahdien, August
        2022); "protests were held in Peila, Bilanga and Manni" ([acled-dev
        bfa]) is the listed shape. The model labels the last name a person as
        often as not; the preposition vouches for it as for the first. A list
        whose first name the model calls a person ("talks between Biden and
        Xi") is people, and "from" opens affiliations as often as places
        ("former CISOs from BP and Shell", GWN).

        >>> from mapper.geoparse import geoparse
        >>> [t.text for t in geoparse("An IED exploded between Gorgadji and Aribinda.")]
        ['Aribinda']
        """
        tk = self.tk
        if i < 3 or tk.lower[i - 1] not in ("and", "or"):
            return False
        t = i - 2
        while t > max(0, i - 12) and (
            tk.text[t] in (",", "-") or tk.lower[t] in ("and", "or") or tk.text[t][:1].isupper()
        ):
            t -= 1
        first = t + 1
        if first >= i - 1 or not tk.text[first][:1].isupper():
            return False
        if self.ent_label[first] == "PERSON" or self.title_line[first]:
            return False
        return tk.lower[t] in _LIST_OPENERS or place_cue(tk.lower, first)

    def _longer_name(self, j: int, end: int) -> bool:
        """Tell whether tokens ``j..end`` of an NER place continue the name before them.

        A known name followed, inside one NER place, by another capitalised
        word or a number is part of a longer name the index does not hold:
        "Mu Htaw village", "in Taskhirak of Bala Buluk district" (ACLED-style
        locations, [acled-dev mmr 2021-07-24], [acled-dev afg 2020-03-10]),
        "Ward 6" ([acled-dev mmr 2021-03-29]). Words that say what kind of place
        the name is ("Mississippi State", "Mosul Dam") or common English words
        ("Lamar County Commissioners") do not (:meth:`name_goes_on`).
        """
        tk = self.tk
        for t in range(j, end):
            if tk.text[t][:1].isdigit() or self.name_goes_on(t):
                return True
            if not tk.alpha[t] or not tk.text[t][:1].isupper():
                return False  # "Dhaka - Tejgaon": a dash or a comma ends the name
        return False

    def _judge_org(self, i: int, j: int, ent: Ent, cs: list[Candidate], f: _Facts) -> bool:
        """Judge a name inside an organisation: "the Mansfield Police Department", "Texas A&M"."""
        tk = self.tk
        at_head = ent.start == i or (ent.start == i - 1 and tk.lower[ent.start] == "the")
        after_of = f.prev in ("of", "in", "for", "at")
        at_tail = ent.end == j and j - i < ent.end - ent.start  # "Small Business BC"
        if at_tail and not (at_head or after_of):
            return f.strong and is_country_or_admin1(cs)
        if not (at_head or after_of):
            return False
        whole = ent.end == j
        pop = max_pop(f.own_cs)
        ok = (
            f.strong
            or f.known
            or (f.own and j < ent.end and tk.lower[j] in INSTITUTION_HEADS)
            or (f.own and f.head_after)
            # "Hamas" is an alternate name of Hamm: only a big place's own name
            or (whole and pop >= STRONG_POP)
            or (whole and f.own and f.cue and not f.person)
            # "clashes in Echmiadzin": "in" only vouches for a town of some size,
            # "at" and "of" for a bigger one ("at Tenkodogo", "the mayor of Dori")
            or (whole and f.prev == "in" and not f.person and pop >= ORG_IN_POP)
            or (whole and f.prev in ("at", "of") and not f.person and pop >= CONTEXT_POP)
        )
        if not ok and whole and at_head and pop >= CONTEXT_POP and not f.person:
            self.nearby.append((*self.span_of(i, j), f.own_cs))
        return ok

    def cue_variants(self) -> None:
        """Step 5: a name the gazetteer spells another way, announced by a cue.

        "the village of Tal Tamr" tagged as a person.
        """
        tk, text = self.tk, self.text
        for ent in self.ents:
            if ent.label not in ("PERSON", "ORG") or not place_cue(tk.lower, ent.start):
                continue
            s, e = strip_span(text, ent.start_char, ent.end_char)
            seg = text[s:e]
            if (
                e > s
                and not any(self.taken[s:e])
                and not self.gaz.has(fold(seg))
                and not self.is_org(seg)
                and not any(
                    tk.text[t] in self.person_words and self.person_words[tk.text[t]] != {seg}
                    for t in range(ent.start, ent.end)
                )  # its words name no other person in the text
                and variant_cands(self.gaz, seg)
            ):
                self.add(s, e, "CUE")

    def organisation_towns(self) -> None:
        """Step 7a: a town the NER calls an organisation, near a settlement the text names."""
        if not self.nearby:
            return
        here = [
            c.place
            for m in self.mentions[:_NEARBY_SAMPLE]
            if not m.adjectival
            for c in self.cands(m.text)[:1]
            if c.place.kind == "settlement"
        ]
        for s, e, own_cs in self.nearby:
            if any(
                p.kind == "settlement"
                and p.population >= CONTEXT_POP
                and any(
                    q.key != p.key and haversine_km(p.lat, p.lon, q.lat, q.lon) <= CONTEXT_KM
                    for q in here
                )
                for p in (c.place for c in own_cs)
            ):
                self.add(s, e, "GAZ")

    def discourse(self) -> None:
        """Step 7b: one sense per discourse: a name accepted once is a place everywhere."""
        accepted = {fold(m.text) for m in self.mentions if not m.adjectival}
        for s, e, key, _ in self.pending:
            if key in accepted and self.text[s:e] not in self.person_tokens:
                self.add(s, e, "GAZ")

    def aliases_in_focus(self) -> None:
        """Step 7b': a town's other spelling, after a place word, in a country the text names.

        GeoNames keeps a town under one romanisation and lists the others as
        alternate names; news writes any of them. "retook the Syria border
        crossing ... at Quneitra" ([WSyria]; Al Qunaytirah in GeoNames) and
        "the second will be installed in Echmiadzin" (GeoWebNews, a report
        about Armenia; Vagharshapat in GeoNames) name the town when the text
        is about its country: after a preposition of place, the best reading
        a settlement of :data:`CONTEXT_POP` people or more in a country the
        text names, no person of that name in the text, and the name not
        going on ("at The Colony Theatre", "from Watertown-ML").
        """
        named = {
            c.place.country_code
            for m in self.mentions
            if not m.adjectival
            for c in self.cands(m.text)[:1]
            if c.place.kind == "country"
        }
        if not named:
            return
        tk = self.tk
        for s, e, _key, _ in self.pending:
            if self.taken[s] or self.text[s:e] in self.person_tokens:
                continue
            i, j = self._token_at(s), self._token_at(e)
            if i <= 0 or tk.lower[i - 1] not in _ALIAS_BEFORE:
                continue
            if j < self.n and (tk.text[j][:1].isupper() or tk.text[j] in ("-", "–")):
                continue  # the name goes on: a theatre, a team, a neighbourhood
            cs = self.cands(self.text[s:e])
            best = cs[0].place if cs else None
            if (
                best is not None
                and best.kind == "settlement"
                and best.population >= CONTEXT_POP
                and best.country_code in named
            ):
                self.add(s, e, "GAZ")

    def coordination(self) -> None:
        """Step 7c: "Kharkiv and Bakhmut", "Martuni and Hadrut were shelled"."""
        text = self.text
        for _ in range(3):
            ends = {m.end: m for m in self.mentions if not m.adjectival}
            starts = {m.start: m for m in self.mentions if not m.adjectival}
            added = False
            for s, e, _key, coordinable in self.pending:
                if self.taken[s]:
                    continue
                before = _COORD_BEFORE.search(text, max(0, s - 12), s)
                after = _COORD_AFTER.match(text, e, min(len(text), e + 12))
                other = (ends.get(before.start()) if before else None) or (
                    starts.get(after.end()) if after else None
                )
                if other is not None and (coordinable or self._near(text[s:e], other)):
                    added |= self.add(s, e, "GAZ")
            if not added:
                break

    def _near(self, seg: str, other: Mention) -> bool:
        """Tell whether a town of name ``seg`` lies near the place listed with it.

        "Peila, Bilanga and Manni": a name the index holds under another
        spelling still counts in a list of its neighbours.
        """
        theirs = [c.place for c in self.cands(other.text)[:3] if c.place.kind == "settlement"]
        return any(
            c.place.kind == "settlement"
            and haversine_km(c.place.lat, c.place.lon, q.lat, q.lon) <= CONTEXT_KM
            for c in self.cands(seg)[:5]
            for q in theirs
        )

    def demonyms(self) -> None:
        """Step 8: demonyms and adjectives ("Russian", "South Ossetian"), marked adjectival."""
        tk, text, gaz = self.tk, self.text, self.gaz
        for ent in self.ents:
            if ent.label in ("NORP", "PERSON"):  # the model sometimes calls "Sri Lankan" a person
                s, e = strip_span(text, ent.start_char, ent.end_char)
                if demonym_place(gaz, text[s:e]) is not None:
                    self.add(s, e, "DEMONYM", adjectival=True)
        for t in range(self.n):
            if self.ent_label[t] in ("GPE", "LOC") or not tk.text[t][:1].isupper():
                continue  # also inside NORP/PERSON spans: "anti-Russian", a lone "Azerbaijani"
            ent = self.ent_of[t]
            if self.ent_label[t] == "PERSON" and ent is not None and ent.end - ent.start > 1:
                continue
            if t + 1 < self.n and tk.text[t + 1][:1].isupper():  # "Sri Lankan", "South Ossetian"
                s, e = self.span_of(t, t + 2)
                if demonym_place(gaz, text[s:e]) is not None:
                    self.add(s, e, "DEMONYM", adjectival=True)
                    continue
            if demonym_place(gaz, tk.text[t]) is not None:
                self.add(*self.span_of(t, t + 1), "DEMONYM", adjectival=True)


_BUILDING_AFTER = re.compile(
    r"['’]s\s+(?:Cathedral|Church|Basilica|Chapel|Abbey|Mosque|School|College|Hospital|"
    r"University|Square)\b"
)


#: NER labels of times and numbers. The small model tags some place names as one when a
#: date or number is near: "the border crossing ... at Quneitra" ([WSyria]) and "in Leh on
#: September 7" ([news-dev 03], cited) come out DATE, "(Mawlamyine district, Mon state)"
#: ([acled-dev mmr]) CARDINAL. A capitalised word that is no number or calendar word is
#: judged as a name the model did not label.
_NUMERIC_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL"})
_CALENDAR = frozenset(
    {
        "january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun",
        "jul", "aug", "sep", "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday",
        "thursday", "friday", "saturday", "sunday", "day", "days", "week", "weeks", "month",
        "months", "year", "years", "christmas", "easter", "ramadan", "eid", "new",
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "twenty", "thirty", "forty", "fifty", "hundred", "thousand",
        "first", "second", "third", "more", "dozens", "several", "half",
    }
)  # fmt: skip


def _calendar_or_number(words: Sequence[str]) -> bool:
    return any(w in _CALENDAR or w[:1].isdigit() for w in words)


def _saints_building(text: str, end: int) -> bool:
    """Tell a name ending at ``end`` that owns a building: "Saint Mary's Cathedral".

    A saint's or founder's name before "'s Cathedral", "'s Basilica", "'s
    School" names the building, not a town: [WMarawi] "set fire to Saint
    Mary's Cathedral"; GeoWebNews "St. Peter's Basilica" (not a Saint Peter
    village 7,000 km away).
    """
    if text[end - 2 : end] in ("'s", "’s"):
        end -= 2  # the NER span may hold the possessive: "St. Peter's"
    return _BUILDING_AFTER.match(text, end, end + 20) is not None


def _acronym(seg: str) -> bool:
    """Tell an all-capital word of two to five letters: an acronym in mixed-case text.

    It names a place only as that place's own abbreviation ("UK", "PA",
    "DRC"), never a place spelled like it: "along the LAC" (the Line of
    Actual Control, [news-dev 03]) is not Lac in Chad, "the military LIB 142"
    ([acled-dev mmr 2021-09-03]) not Lib, "in SE Portland" ([news-dev 11]) not Sé.

    >>> _acronym("LAC"), _acronym("Lac"), _acronym("U.S.")
    (True, False, False)
    """
    return 2 <= len(seg) <= 5 and seg.isalpha() and seg.isupper()


def _numbered(words: list[str], j: int) -> bool:
    """Tell whether a number that is not a year follows the name at token ``j``.

    A capitalised word before a number designates a unit, a ward or a road,
    not the place the word also names: "in Ward 6" ([acled-dev mmr
    2021-03-29]), "the military LIB 142" ([acled-dev mmr 2021-09-03]),
    "Route 9", "Sector 5". An abbreviation stays a place ("S.C. 5", LGL).
    """
    if j >= len(words) or "." in words[j - 1]:
        return False  # "S.C. 5": a state's road, the state still named
    w = words[j]
    return w[:1].isdigit() and not (len(w) == 4 and w.isdigit() and w[:2] in ("19", "20"))


class _Facts:
    """What the words around a gazetteer name say about it (see :meth:`_Recognizer.judge`)."""

    __slots__ = (
        "own_cs",
        "own",
        "strong",
        "prev",
        "cue",
        "person",
        "nxt_comma",
        "known",
        "head_after",
    )

    def __init__(self, **kw: object) -> None:
        for k, v in kw.items():
            setattr(self, k, v)


#: A hyphen or one space and a capitalised word: an article's name goes on ("Al-Jawba").
_NAME_AFTER_ARTICLE = re.compile(r"(?:[-\u2010\u2011] ?| )[A-Z]")

#: Prepositions whose list of names is a list of places (``_listed_after_locative``).
_LIST_OPENERS = frozenset(
    "in at near between around outside inside across throughout toward towards into".split()
)

#: Words before a town's other name that say it is where something happened.
_ALIAS_BEFORE = frozenset(
    "in at near from into outside inside around toward towards".split()
) | GROUND_VERBS


def _big_town_alias(cs: list[Candidate], f: _Facts, tail: list[str]) -> bool:
    """Tell a city's other name (an exonym, another transliteration) where a town goes.

    GeoNames lists the Russian names of Ukrainian cities among their other
    names, and news writes them: "a shell hit a residential building in
    Gorlovka" (Horlivka; Russian embassy chronicle, February 2015), "were
    injured when Ukrainian troops shelled Gorlovka" (Sputnik, 15 May 2023).
    The model often reads them as surnames; after a preposition of place or a
    verb that hits ground, the best reading being a city of
    :data:`STRONG_POP` people or more, and no one in the text bearing the
    name, they are the city.
    """
    best = cs[0].place
    return (
        f.prev in _ALIAS_BEFORE
        # "Estre District of South Gondar Zone": a zone named after the town
        and not (tail and cues.is_area_noun(tail[0]))
        and best.kind == "settlement"
        and best.population >= STRONG_POP
        and not f.person
        and not f.head_after  # "attacked Ruga police post": a name inside a longer one
    )
