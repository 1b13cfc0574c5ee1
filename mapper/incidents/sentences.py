"""Sentence units: sentences split at line breaks, with headlines and captions marked."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from mapper.incidents.lexicon import REPORT
from mapper.incidents.records import Unit

__all__ = ["split_units", "clause_verb"]


def split_units(doc: Any, text: str, body_start: int) -> list[Unit]:
    """Sentences split at line breaks and trimmed; headlines and captions marked.

    Hard-wrapped text (most lines end mid-sentence) is split at blank lines only.
    """
    wrapped = _hard_wrapped(text[body_start:])
    breaks = r"\n[ \t]*\n\s*" if wrapped else r"\n"
    raw: list[tuple[int, int, tuple[Any, ...]]] = []
    for sent in doc.sents:
        s, e = max(sent.start_char, body_start), sent.end_char
        pieces = []
        cur = s
        for m in re.finditer(breaks, text[s:e]):
            pieces.append((cur, s + m.start()))
            cur = s + m.end()
        pieces.append((cur, e))
        for a, b in pieces:
            seg = text[a:b]
            lead = len(seg) - len(seg.lstrip())
            trail = len(seg.rstrip())
            a2, b2 = a + lead, a + trail
            if b2 - a2 < 3:
                continue
            toks = tuple(t for t in sent if t.idx >= a2 and t.idx + len(t.text) <= b2)
            if toks:
                raw.append((a2, b2, toks))
    units: list[Unit] = []
    para = 0
    prev_end = body_start
    for i, (a, b, toks) in enumerate(raw):
        if "\n\n" in text[prev_end:a] or re.search(r"\n\s*\n", text[prev_end:a]):
            para += 1
        prev_end = b
        if wrapped:  # the "line" is the paragraph
            m = re.search(r"\n[ \t]*\n", text[b:])
            line_end = len(text) if m is None else b + m.start()
            p = max(text.rfind("\n\n", 0, a), -1)
            line_start = p + 1
        else:
            line_start = text.rfind("\n", 0, a) + 1
            nl = text.find("\n", b)
            line_end = len(text) if nl < 0 else nl
        line = text[line_start:line_end].strip()
        headline = not re.search(r"[.!?\"”’')\]]$", line) or len(line.split()) <= 3
        units.append(Unit(i, para, a, b, toks, caption=headline))
    # A paragraph of one present-tense sentence with no reporting verb is a photo caption.
    by_para: dict[int, list[Unit]] = {}
    for u in units:
        by_para.setdefault(u.para, []).append(u)
    out = []
    for u in units:
        cap = u.caption or (len(by_para[u.para]) == 1 and _caption_like(u))
        out.append(replace(u, caption=cap) if cap != u.caption else u)
    return out


def _hard_wrapped(body: str) -> bool:
    """Tell whether a text is hard-wrapped: most lines that run on end mid-sentence."""
    lines = body.split("\n")
    runs = [
        ln.rstrip() for ln, nxt in zip(lines, lines[1:], strict=False) if ln.strip() and nxt.strip()
    ]
    if len(runs) < 4:
        return False
    open_ended = sum(1 for ln in runs if not re.search(r"[.!?\"”’')\]:]$", ln))
    return open_ended / len(runs) > 0.6


def _caption_like(unit: Unit) -> bool:
    roots = [t for t in unit.tokens if t.dep_ == "ROOT"]
    if not roots:
        return False
    root = roots[0]
    if root.lemma_ in REPORT or any(t.lemma_ in REPORT for t in unit.tokens if t.pos_ == "VERB"):
        return False
    tags = {root.tag_} | {c.tag_ for c in root.children if c.dep_ in ("aux", "auxpass")}
    return bool(tags & {"VBZ", "VBP"}) and not tags & {"VBD", "MD"}


def clause_verb(tok: Any) -> Any:
    """Return the verb heading the clause a token is in (the token itself for a verb)."""
    t = tok
    for _ in range(12):
        if t.pos_ in ("VERB", "AUX") or t.dep_ == "ROOT":
            return t
        t = t.head
    return t
