"""Token-level matching: gazetteer names over capitalised runs, line names, datelines."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from mapper.datelines import DATELINE_RE, DATELINE_WINDOW, LABELS, TITLED_DATELINE_RE
from mapper.gazetteer import fold
from mapper.geoparse.candidates import name_heads
from mapper.geoparse.lexicon import (
    ARTICLE_RE,
    CONNECTORS,
    DETERMINERS,
    HEAD_SPLIT,
    QUOTES,
    STOP_NAMES,
)

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

    from mapper.gazetteer import Gazetteer

__all__ = [
    "Toks",
    "find_datelines",
    "gaz_matches",
    "line_matches",
    "strip_span",
    "title_case_lines",
]

_ARTICLE_LEAD = re.compile(r"(?:the|The|THE)\s+")
_TRAILING = frozenset(" \t\n\r,;:!?'’\"“”«»()[]")


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim a leading article and a trailing possessive or punctuation (linear time).

    >>> text = "the Donetsk's, "
    >>> text[slice(*strip_span(text, 0, len(text)))]
    'Donetsk'
    """
    m = _ARTICLE_LEAD.match(text, start, end)
    if m and end - m.end() > 1:
        start = m.end()
    while end > start + 1:
        if text[end - 1] in _TRAILING:
            end -= 1
        elif text[end - 1] in "sS" and text[end - 2] in "'’" and end - 2 > start:
            end -= 2
        else:
            break
    return start, end


@dataclass(frozen=True, slots=True)
class Toks:
    """Plain per-token lists: building spaCy Token objects over and over is slow."""

    text: list[str]
    idx: list[int]
    lower: list[str]
    alpha: list[bool]
    stop: list[bool]

    @classmethod
    def of(cls, doc: Doc) -> Toks:
        """Read the token lists of ``doc``."""
        toks = list(doc)
        return cls(
            [t.text for t in toks],
            [t.idx for t in toks],
            [t.lower_ for t in toks],
            [t.is_alpha for t in toks],
            [t.is_stop for t in toks],
        )


def title_case_lines(tk: Toks) -> list[bool]:
    """Flag the tokens of headline-style lines, where most words are capitalised."""
    n = len(tk.text)
    flags = [False] * n
    start = 0
    for i in range(n + 1):
        end_here = i == n or "\n" in tk.text[i] or tk.text[i] in (".", "!", "?")
        if not end_here:
            continue
        words = [
            tk.text[t]
            for t in range(start, i)
            if tk.alpha[t] and not tk.stop[t] and tk.lower[t] not in CONNECTORS
        ]
        upper = sum(w[:1].isupper() for w in words)
        # a sentence that lists names ("Rallies spread to Kairouan, Sfax and Ben
        # Guerdane.", a Tunisia chronology, 2011): a full stop and a word in lower
        # case make it prose, however many names it holds
        prose = i < n and tk.text[i] == "." and upper < len(words)
        if not prose and len(words) >= 4 and upper >= 0.8 * len(words):
            for t in range(start, i):
                flags[t] = True
        start = i + 1
    return flags


def _longest_matches(n: int, start: int, match: Callable[[int], int]) -> list[tuple[int, int]]:
    """Scan tokens ``start..n`` left to right; ``match(i)`` gives the end of a name at ``i`` or 0.

    A name found at ``i`` is taken whole and the scan goes on after it.
    """
    out: list[tuple[int, int]] = []
    i = start
    while i < n:
        hit = match(i)
        if hit:
            out.append((i, hit))
            i = hit
        else:
            i += 1
    return out


def _article_start(words: Sequence[str], i: int) -> bool:
    """Tell a lowercase Arabic article hyphened to a name: "el-Fasher", "al-Bab"."""
    return (
        i + 2 < len(words)
        and words[i + 1] == "-"
        and words[i + 2][:1].isupper()
        and bool(ARTICLE_RE.match(words[i] + "-"))
    )


def gaz_matches(text: str, tk: Toks, gaz: Gazetteer, max_tokens: int) -> list[tuple[int, int]]:
    """Longest gazetteer names over capitalised token runs, as token index pairs."""
    heads = name_heads(gaz)
    words, idx = tk.text, tk.idx
    n = len(words)

    def match(i: int) -> int:
        if not words[i][:1].isupper() and not _article_start(words, i):
            return 0
        head = fold(words[i])
        multi = (
            head in heads
            or HEAD_SPLIT.sub(" ", head).split(" ", 1)[0] in heads
            # a hyphen compound the index writes whole: "Pétion-Ville" for Pétionville
            or (i + 2 < n and words[i + 1] == "-" and words[i + 2][:1].isupper())
        )
        j = i + 1
        if multi:
            # extend over name-like tokens and internal connectors
            j_max = min(n, i + max_tokens)
            while j < j_max:
                t = words[j]
                # "the" inside a name: "Democratic Republic of the Congo", which the model
                # may cut in two after an adjective ("in eastern Democratic Republic of the
                # Congo", IANS, 2 December 2024; "in the eastern Democratic Republic of the
                # Congo", Wikipedia, "Kishishe massacre", CC BY-SA)
                if t[:1].isupper() or t in CONNECTORS or t in ("-", "'", "’", "the"):
                    j += 1
                else:
                    break
        for k in range(j, i, -1):
            last = words[k - 1]
            if not (last[:1].isupper() or last == "."):
                continue
            if gaz.has(fold(text[idx[i] : idx[k - 1] + len(last)])):
                return k
        return 0

    return _longest_matches(n, 0, match)


def line_matches(text: str, tk: Toks, gaz: Gazetteer) -> list[tuple[int, int]]:
    """Lowercase multi-word names of lines ("contact line", "line of contact")."""
    heads = name_heads(gaz)
    words, idx, lower = tk.text, tk.idx, tk.lower
    n = len(words)

    def match(i: int) -> int:
        # common-noun place names come with a determiner: "the contact line"
        det = lower[i - 1] in DETERMINERS or (
            i > 1 and words[i - 1] in QUOTES and lower[i - 2] in DETERMINERS
        )
        if not (det and tk.alpha[i] and words[i][:1].islower() and lower[i] in heads):
            return 0
        for k in range(min(n, i + 4), i + 1, -1):
            seg = text[idx[i] : idx[k - 1] + len(words[k - 1])]
            key = fold(seg)
            if (
                " " in key
                and gaz.has(key)
                and any(c.place.kind == "line" for c in gaz.candidates(seg, limit=3))
            ):
                return k
        return 0

    return _longest_matches(n, 1, match)


def find_datelines(text: str) -> list[tuple[int, int]]:
    """Spans of dateline places (and their region) near the start of ``text``.

    A title-case dateline's place must be no label ("Source: PTI", "Photo:").
    """
    head = text[:DATELINE_WINDOW]
    found = list(DATELINE_RE.finditer(head))
    found += [
        m
        for m in TITLED_DATELINE_RE.finditer(head)
        if m.group("place").lower() not in LABELS | STOP_NAMES
    ]
    out: list[tuple[int, int]] = []
    for m in sorted(found, key=lambda m: m.start()):
        place = m.group("place").rstrip(" .-")
        if len(place) < 3 or not any(c.isalpha() for c in place):
            continue
        s = m.start("place")
        out.append((s, s + len(place)))
        if m.group("region"):
            out.append((m.start("region"), m.end("region")))
        break  # one dateline per report
    return out
