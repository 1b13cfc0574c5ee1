"""Claims and denials: who says so (``claimed_by``), and which claim a denial disputes."""

from __future__ import annotations

import re
from typing import Any

from mapper.incidents.actors import actor_label, org_in, span_side, state_sides
from mapper.incidents.lexicon import (
    ANAPHOR,
    CIVILIAN,
    DENY,
    FALSE,
    GENERIC_HEADS,
    NOT_CLAIMANTS,
    REPORT,
    WITNESS,
)
from mapper.incidents.lookups import country_name
from mapper.incidents.records import Context, Denial, Draft, Unit

__all__ = ["claim_of", "find_denial", "link_denials"]


def claim_of(tok: Any, unit: Unit, ctx: Context) -> tuple[str | None, str | None]:
    """(claimant, claimant side) from the reporting verb governing a token."""
    rep = None
    for a in tok.ancestors:
        if a.lemma_.lower() in REPORT:
            rep = a
            break
    if rep is None:
        # "..., Azerbaijan's prosecutor general's office said." may head a sibling clause.
        verbs = [
            t
            for t in unit.tokens
            if t.lemma_.lower() in REPORT
            and t.pos_ in ("VERB", "AUX")
            and t.i != tok.i
            and any(c.dep_ == "nsubj" for c in t.children)
            and not any(a.lemma_.lower() in DENY for a in t.ancestors)
        ]
        rep = verbs[-1] if verbs else None
    subj = None
    if rep is not None:
        subj = _subject(rep, ctx)
        if subj is None and rep.dep_ == "conj":
            subj = _subject(rep.head, ctx)
    if subj is None:
        m = re.search(r"\baccording to\b", ctx.text[unit.start : unit.end], re.I)
        if m:
            acc = [t for t in unit.tokens if t.lower_ == "to" and t.nbor(-1).lower_ == "according"]
            objs = [c for t in acc for c in t.children if c.dep_ == "pobj"]
            subj = objs[0] if objs else None
    if subj is None:
        alleged = any(t.lower_ in ("alleged", "allegedly", "reportedly") for t in unit.tokens)
        if alleged and ctx.last_claimant:
            return ctx.last_claimant
        return (None, None)
    return _name_claimant(subj, ctx)


def _subject(verb: Any, ctx: Context) -> Any:
    """Return the verb's subject outside the dateline, the one nearest the verb."""
    subs = [
        c
        for c in verb.children
        if c.dep_ in ("nsubj", "nsubjpass")
        and max(t.idx + len(t.text) for t in c.subtree) > ctx.dateline_end
    ]
    return min(subs, key=lambda c: abs(c.i - verb.i)) if subs else None


def _core(subj: Any, ctx: Context) -> list[Any]:
    """Return the subject phrase without appositions, relative clauses and the dateline."""
    if subj.idx < ctx.dateline_end:
        # The parser may hang the sentence's subject on the dateline ("Baku, Azerbaijan – X said").
        return [
            t
            for t in subj.subtree
            if t.idx >= ctx.dateline_end and t.dep_ != "punct" and not t.is_space
        ]
    skip: set[int] = set()
    for t in subj.subtree:
        if t.i != subj.i and t.dep_ in ("appos", "relcl", "acl", "prep") and t.head.i >= subj.i - 8:
            if t.dep_ == "prep" and t.lower_ in ("of", "in", "for", "from"):
                continue  # "Ministry of Defense", "Authorities in X" keep their name
            skip.update(x.i for x in t.subtree)
    return [
        t
        for t in subj.subtree
        if t.i not in skip and t.dep_ != "punct" and t.idx >= ctx.dateline_end
    ]


_ARMY = frozenset({"army", "military"})


def _name_claimant(
    subj: Any, ctx: Context, *, remember: bool = True
) -> tuple[str | None, str | None]:
    toks = _core(subj, ctx)
    words = [t.text for t in toks]
    head = subj.lemma_.lower()
    if head in NOT_CLAIMANTS:
        return (None, None)  # "with injuries reported", "footage showed"
    if subj.pos_ == "PRON" or (
        toks
        and toks[0].lower_ == "the"
        and len(toks) <= 3
        and head in GENERIC_HEADS
        and not any(t.lower_ == "country" for t in toks)
        and not any(
            t.pos_ == "PROPN" or t.ent_type_ in ("NORP", "GPE") for t in toks if t.i != subj.i
        )
    ):
        if subj.lower_ in ("we", "they") and ctx.last_claimant is None:
            return (None, None)
        # "The ministry said": the last claimant that was a ministry.
        kin = _ARMY if head in _ARMY else {head}
        for name, side, raw in reversed(ctx.claimants):
            if subj.pos_ == "PRON" or any(k in raw.lower() for k in kin):
                return (name, side)
        if subj.pos_ == "PRON":
            return ctx.last_claimant or (None, None)
        # "the army said" with no army quoted before: the state's army where the report
        # is set, not whoever spoke last.
    side = (
        span_side(toks, ctx)
        or span_side([t for t in subj.subtree if t.idx >= ctx.dateline_end], ctx)
        or org_in(toks, ctx)
    )
    if side is None and head in _ARMY | {"government", "junta"} and len(toks) <= 3:
        home = country_name(getattr(ctx.theatre, "country_code", None))
        side = home if home in ctx.belligerents else next(iter(ctx.belligerents), None)
    low = " ".join(w.lower() for w in words)
    inst = None
    for pat, label in (
        (r"defen[cs]e ministry|ministry of defen[cs]e|\bmod\b|defen[cs]e department", "MoD"),
        (r"foreign ministry|ministry of foreign affairs|foreign affairs ministry|\bmfa\b", "MFA"),
        (r"interior ministry|ministry of interior|ministry of internal", "Interior Ministry"),
        (r"prosecut", "prosecutor's office"),
        (r"prime minister", "prime minister"),
        (r"president", "president"),
        (r"emergency|rescue", "emergency service"),
        (r"\barmy\b|\bmilitary\b|armed forces", "military"),
        (r"government", "government"),
        (r"authorit", "authorities"),
        (r"official", "officials"),
    ):
        if re.search(pat, low):
            inst = label
            break
    if side and inst:
        name = f"{side} {inst}"
    elif inst and not side:
        name = " ".join(w for w in words if w.lower() not in ("the", "a", "an"))
    else:
        name = " ".join(words)
    name = re.sub(r"\s+(['’]s)\b", r"\1", name).strip(" ,")
    if len(name.split()) > 8:
        name = " ".join(name.split()[:8])
    if not name:
        return (None, None)
    if WITNESS.search(name):
        return (None, None)  # the outlet's own reporter tells what was seen: not a party's claim
    if remember:
        ctx.claimants.append((name, side, " ".join(t.text for t in subj.subtree)))
    return (name, side)


def _falsity(unit: Unit) -> Any:
    """Return the reporting verb of "X said the reports were false", or None."""
    for tok in unit.tokens:
        if tok.lemma_.lower() in FALSE and tok.dep_ in ("acomp", "attr", "pobj", "dobj", "oprd"):
            # "the claims were false", "called it a lie": a reporting verb must carry it.
            for a in tok.ancestors:
                if a.lemma_.lower() in REPORT | {"call", "dismiss", "describe", "brand"}:
                    if any(
                        t.lemma_.lower()
                        in (
                            "report",
                            "claim",
                            "allegation",
                            "statement",
                            "information",
                            "it",
                            "this",
                            "that",
                        )
                        for t in a.subtree
                    ):
                        return a
    return None


def find_denial(unit: Unit, ctx: Context) -> Denial | None:
    """Return the denial a sentence makes ("Y denied ...", "Y said the reports were false")."""
    for tok in unit.tokens:
        deny = tok.lemma_.lower() in DENY and tok.pos_ == "VERB"
        if not deny and tok.i == unit.tokens[0].i:
            falsity = _falsity(unit)
            if falsity is not None:
                tok, deny = falsity, True
        if deny:
            subj = _subject(tok, ctx)
            if subj is None and tok.dep_ == "conj":
                subj = _subject(tok.head, ctx)  # "X said ... and denied ..."
            if (
                subj is None
                or subj.pos_ == "PRON"
                or any(c.dep_ == "poss" and c.pos_ == "PRON" for c in subj.children)
            ):
                # "The ministry said its forces had hit X and denied ...": the ministry denies.
                rep = next((a for a in tok.ancestors if a.lemma_.lower() in REPORT), None)
                subj = (_subject(rep, ctx) if rep is not None else None) or subj
            name, side = _name_claimant(subj, ctx) if subj is not None else (None, None)
            if name:
                ctx.last_claimant = (name, side)
            content = frozenset(
                t.lemma_.lower()
                for t in tok.subtree
                if t.pos_ in ("NOUN", "PROPN") and (subj is None or t not in list(subj.subtree))
            )
            places = [t.name for t in ctx.toponyms_in(unit.start, unit.end)]
            m = ANAPHOR.search(ctx.text[unit.start : unit.end])
            if m:
                prev = [t for t in ctx.toponyms if t.end <= unit.start and t.kind == "settlement"]
                if prev:
                    places.append(prev[-1].name)
            # "X claimed its forces had captured the village, which Y denied"
            relative = tok.dep_ == "relcl" or any(
                c.tag_ == "WDT" and c.dep_ in ("dobj", "nsubjpass") for c in tok.children
            )
            return Denial(unit, name, side, content, frozenset(places), relative=relative)
    return None


def link_denials(drafts: list[Draft], denials: list[Denial], ctx: Context) -> None:
    """Mark the claim each denial denies as disputed, and cite the denial with it."""
    for den in denials:
        best, best_score = None, 0.0
        for d in drafts:
            same = d.unit.index == den.unit.index
            if d.background or d.claimed_by is None or (same and not den.relative):
                continue
            if den.denier and d.claimed_by == den.denier:
                continue
            if den.side and d.claimant_side == den.side:
                continue
            gap = den.unit.index - d.unit.index
            if gap < -1 or gap > 12:
                continue
            score = 0.5
            if d.place_name and d.place_name in den.places:
                score += 2
            score += 1.5 * len((den.content - {"claim", "ministry", "statement"}) & d.content)
            if d.victims_civilian and den.content & CIVILIAN:
                score += 1.5  # "denied targeting civilians" answers a claim of civilian harm
            if den.side and den.side in (d.actor1_side, d.actor2_side):
                score += 1
            if same:
                score += 3  # a relative clause denies what its own sentence claims
            score -= 0.05 * abs(gap)
            if score > best_score:
                best, best_score = d, score
        if best is None:
            continue
        best.disputed = True
        best.disputed_by = den.denier
        if den.unit is not best.unit and den.unit not in best.extra_units:
            best.extra_units.append(den.unit)
        if best.actor1 is None and den.side and den.side != best.claimant_side:
            best.actor1_side = den.side
            best.actor1 = actor_label(den.side, orgs=ctx.orgs, states=state_sides(ctx))
