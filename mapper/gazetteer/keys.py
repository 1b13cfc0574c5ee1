"""What the index is keyed by: folded names, spelling skeletons, grid cells.

These functions make the index's keys: a change here builds a new index
(:func:`mapper.gazetteer.source_version` hashes this module).
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata

__all__ = ["MIN_VARIANT_CONSONANTS", "cell", "fold", "usable_variant", "variant_key"]

_CHAR_MAP = str.maketrans(
    {
        # letters NFKD does not decompose
        "ı": "i",
        "ə": "a",
        "Ə": "a",
        "ø": "o",
        "Ø": "o",
        "æ": "ae",
        "Æ": "ae",
        "œ": "oe",
        "Œ": "oe",
        "đ": "d",
        "Đ": "d",
        "ł": "l",
        "Ł": "l",
        "þ": "th",
        "Þ": "th",
        "ð": "d",
        "ħ": "h",
        # quotes and apostrophes
        "‘": "'",
        "’": "'",
        "‛": "'",
        "ʼ": "'",
        "ʻ": "'",
        "ʹ": "'",
        "`": "'",
        "´": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "«": '"',
        "»": '"',
        # dashes
        "‐": "-",
        "‑": "-",
        "‒": "-",
        "–": "-",
        "—": "-",
        "―": "-",
        "−": "-",
        "﹘": "-",
    }
)
_STRIP = " \t\r\n\"'()[]{},;:!?*"


@functools.lru_cache(maxsize=262144)
def fold(name: str) -> str:
    r"""Return the lookup key of a place name.

    NFKD with diacritics removed, case folded, quotes and dashes unified,
    a trailing possessive (``'s``, ``’s``, ``s'``) dropped, surrounding
    punctuation stripped and inner whitespace collapsed. Periods stay, so
    ``"U.S."`` and ``"us"`` remain different keys.

    Parameters
    ----------
    name : str
        The name as written.

    Returns
    -------
    str
        The key; ``""`` when nothing name-like is left.

    Raises
    ------
    TypeError
        If ``name`` is not a string.

    Examples
    --------
    >>> fold("Şuşa"), fold("Füzuli"), fold("Azerbaijan’s"), fold("Xankəndi")
    ('susa', 'fuzuli', 'azerbaijan', 'xankandi')
    >>> fold("Nagorno–Karabakh"), fold(" New \n York "), fold("U.S."), fold("Texas'")
    ('nagorno-karabakh', 'new york', 'u.s.', 'texas')
    >>> fold("")
    ''
    """
    if not isinstance(name, str):
        raise TypeError(f"a place name must be a str, not {type(name).__name__}")
    text = unicodedata.normalize("NFKD", name.translate(_CHAR_MAP))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = " ".join(text.split()).strip(_STRIP)
    if text.endswith("'s"):
        text = text[:-2]
    elif text.endswith("s'"):
        text = text[:-1]
    return text.strip(_STRIP)


# Arabic article forms ("al-", "el ", sun-letter "ad-", "as-", "ash-"...) and their
# French and English spellings: dropped as whole tokens, since news uses them at will.
_ARTICLES = frozenset(
    "al el il ul ad ed ud ar er ur as es us ash esh ush at et ut az ez uz an en un ath adh".split()
)
# Romanisation choices for one sound, in order (longest first): each maps to one letter.
_DIGRAPHS = (
    ("shch", "s"),  # Ukrainian/Russian щ
    ("tsch", "c"),
    ("sch", "s"),
    ("tch", "c"),
    ("dzh", "j"),
    ("dj", "j"),  # French "Djenné" for "Jenne"
    ("zh", "j"),
    ("kh", "k"),  # "Kharkiv", "Sheikh"/"Sheik"
    ("gh", "g"),
    ("sh", "s"),  # also Turkic ş folded to s
    ("ch", "c"),
    ("th", "t"),
    ("dh", "d"),
    ("ph", "p"),
    ("ck", "k"),
    ("q", "k"),  # "Qamishli"/"Kamishli"
    ("x", "k"),  # Azerbaijani x = kh
    ("w", "v"),  # Polish "Kharkiw"
)
_VARIANT_TOKEN_RE = re.compile(r"[^\W_]+")
_OU_RE = re.compile(r"^ou(?=[aeiy])")  # French "Ouagadougou" for "Wagadugu"
_FINAL_H_RE = re.compile(r"(?<=[aeiouy])h$")  # "Rafah"/"Rafa", "Raqqah"/"Raqqa"
_VOWEL_W_RE = re.compile(r"(?<=[aeiou])w(?![aeiouy])")  # Arabic "aw" = "o": "Zawr"/"Zor"
_DOUBLE_RE = re.compile(r"(.)\1+")
_VOWELS_RE = re.compile(r"[aeiouy]+")

#: Fewest consonants in a variant key used for lookups: shorter skeletons collide too often.
MIN_VARIANT_CONSONANTS = 3


@functools.lru_cache(maxsize=262144)
def variant_key(key: str) -> str:
    """Return the coarse spelling skeleton of a folded name, shared by its transliterations.

    News romanises Arabic, Ukrainian, Russian or Burmese names many ways. The
    skeleton drops what those spellings disagree on: Arabic articles as whole
    tokens, apostrophes, spaces and hyphens, a final ``h`` after a vowel,
    doubled letters, and every run of vowels (``y`` included) becomes one
    ``a``. Digraphs for one sound become one letter (``kh`` -> ``k``,
    ``sh``/``sch`` -> ``s``, ``dj``/``zh`` -> ``j``, ``w`` -> ``v``, ``q`` -> ``k``),
    and ``w`` after a vowel is a vowel (Arabic "Zawr" for "Zor").

    Parameters
    ----------
    key : str
        A folded name (see :func:`fold`).

    Returns
    -------
    str
        The skeleton; ``""`` for a key with no letters.

    Examples
    --------
    >>> variant_key("sievierodonetsk") == variant_key("severodonetsk")
    True
    >>> variant_key("beit hanoun"), variant_key("bayt hanun"), variant_key("beit el-hanun")
    ('bathanan', 'bathanan', 'bathanan')
    >>> variant_key("hodeidah") == variant_key("al hudaydah"), variant_key("ouagadougou")
    (True, 'vagadaga')
    >>> variant_key("al"), variant_key("--")
    ('al', '')
    """
    tokens = _VARIANT_TOKEN_RE.findall(key.replace("'", ""))
    kept = [t for t in tokens if t not in _ARTICLES]
    out = []
    for tok in kept or tokens:  # "Al" alone is a name, not an article
        tok = _VOWEL_W_RE.sub("", _OU_RE.sub("w", tok))
        for old, new in _DIGRAPHS:
            if old in tok:
                tok = tok.replace(old, new)
        out.append(_FINAL_H_RE.sub("", tok))
    return _VOWELS_RE.sub("a", _DOUBLE_RE.sub(r"\1", "".join(out)))


def usable_variant(vkey: str) -> bool:
    """Tell whether a variant key is long enough to look up (3 consonants or more).

    Examples
    --------
    >>> usable_variant(variant_key("kyiv")), usable_variant(variant_key("avdiivka"))
    (False, True)
    """
    return len(vkey) - vkey.count("a") >= MIN_VARIANT_CONSONANTS


def cell(lat: float, lon: float) -> int:
    """Grid cell of one degree, used for reverse lookups."""
    return int(math.floor(lat) + 90) * 400 + int(math.floor(lon) + 180) % 360
