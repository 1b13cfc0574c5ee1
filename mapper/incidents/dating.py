"""When a sentence's event happened, and whether it is background (the past)."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from typing import Any

from mapper.dates import implied_year, resolve_date, years_in
from mapper.incidents.lexicon import CUMULATIVE, HABITUAL, REPORT
from mapper.incidents.records import Context, Unit
from mapper.incidents.sentences import clause_verb

__all__ = ["UNCERTAIN", "date_anchor", "is_background", "unit_date", "main_date"]

# Ends the anchor note when the metadata date is contradicted and no default date replaces it.
UNCERTAIN = "date uncertain"


def date_anchor(report: Any, body: str, default_date: dt.date | None) -> tuple[dt.date | None, str]:
    """Return the date relative expressions resolve against, and a note if doubtful."""
    published = getattr(report, "published", None)
    if published is None:
        return default_date, ""
    implied = implied_year(body)
    later = [y for y in years_in(body) if y > published.year and y <= published.year + 30]
    wrong = (implied is not None and implied != published.year) or bool(later)
    if not wrong:
        return published, ""
    year = implied or max(later)
    if default_date is not None:
        return default_date, (
            f"metadata date {published.isoformat()} contradicted by the text "
            f"(implies {year}); dated from the default date"
        )
    return published, (
        f"metadata date {published.isoformat()} contradicted by the text "
        f"(implies {year}); {UNCERTAIN}"
    )


def main_date(ctx: Context) -> tuple[dt.date, int] | None:
    """Return the date most of the report's dated sentences point to."""
    c: Counter = Counter()
    for u in ctx.units:
        r = unit_date(u, ctx)
        if r is None or r[1] != 1:
            continue
        if ctx.anchor is not None and not 0 <= (ctx.anchor - r[0]).days <= 7:
            continue
        c[r] += 1
    return c.most_common(1)[0][0] if c else None


def is_background(unit: Unit, ctx: Context) -> bool:
    """Tell whether a sentence tells the past: an older year, a habit or a running total."""
    s = ctx.text[unit.start : unit.end]
    ref = ctx.anchor.year if ctx.anchor else None
    ys = years_in(s)
    if ref is not None and any(y < ref for y in ys):
        return True
    if ref is None and ys:
        return True
    habits = [m.group(0).lower() for m in HABITUAL.finditer(s)]
    if habits and not all(_WEAK_HABIT.fullmatch(h) for h in habits):
        return True
    if not habits and not CUMULATIVE.search(s):
        return False
    # "26 more soldiers were killed on Sunday, bringing the toll since the fighting began
    # to 58", "sporadic gunfire on Monday": a dated, recent event inside a cumulative or
    # frequentative frame is still current.
    r = unit_date(unit, ctx)
    recent = r is not None and r[1] == 1 and ctx.anchor is not None
    return not (recent and 0 <= (ctx.anchor - r[0]).days <= 7)


# Frequency words that tell a habit only when the sentence names no recent day.
_WEAK_HABIT = re.compile(r"frequent(ly)?|occasional(ly)?|sporadic(ally)?|often|regularly")


_OTHER_CLAUSE = 9.0  # the rank of a date that belongs to another clause's event


def _date_rank(root: Any, tok: Any) -> float:
    """Rank how closely a date word belongs to the event: 0 its own clause, 2 the reporting verb."""
    if tok is None:
        return 1.0
    clause = clause_verb(tok)
    rank = 0.0
    t = root
    for _ in range(40):
        if t.i in (tok.i, clause.i):
            return rank
        if t.dep_ in ("relcl", "acl"):
            rank += 1.5  # "positions lost on Sunday": another, earlier event
        if t.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
            # "A bomb hit the school, and rescuers were still searching on Wednesday":
            # a coordinated clause with its own subject dates its own happening.
            return _OTHER_CLAUSE
        if t.lemma_.lower() in REPORT and t.pos_ in ("VERB", "AUX"):
            return rank + 2.0  # "said on Tuesday": when it was said
        if t.head.i == t.i:
            break
        t = t.head
    return rank + 1.0


def unit_date(unit: Unit, ctx: Context, tok: Any = None) -> tuple[dt.date, int] | None:
    """Return the date the sentence names for the event at ``tok``, resolved.

    DATE entities and weekday words are read; when there are several, the one in
    the event's own clause wins over one on the reporting verb ("said on Tuesday
    that ... on Monday").
    """
    ents = [
        e
        for e in ctx.doc.ents
        if e.label_ in ("DATE", "TIME") and e.start_char >= unit.start and e.end_char <= unit.end
    ]
    found = [(_date_rank(e.root, tok), e.start_char, e.text) for e in ents]
    s = ctx.text[unit.start : unit.end]
    for m in re.finditer(
        r"\b(?:(?:early|late|last)\s+(?:on\s+)?)?(?:monday|tuesday|wednesday|thursday|friday|"
        r"saturday|sunday)\b|\b(?:yesterday|overnight|last night|today)\b",
        s,
        re.I,
    ):
        word = next((t for t in unit.tokens if t.idx == unit.start + m.start()), None)
        if word is None:
            word = next((t for t in unit.tokens if t.idx >= unit.start + m.start()), None)
        rank = _date_rank(word, tok) if word is not None else 1.0
        found.append((rank, unit.start + m.start(), m.group(0)))
    # "said on 29 September that ... overnight": a relative word in the event's clause
    # counts from the day the statement names, when it names one.
    anchor = ctx.anchor
    said = [r for rank, _, e in sorted(found) if rank >= 2 and (r := resolve_date(e, anchor))]
    if said and said[0][1] == 1:
        anchor = said[0][0]
    for rank, _, e in sorted(found):
        if rank >= _OTHER_CLAUSE:
            break
        r = resolve_date(e, anchor)
        if r is not None:
            return r
    return None
