"""Tests for mapper.geoparse.api: pieces, parse, parse_many and the long-text contract.

Every sentence here was written for these tests.
"""

from __future__ import annotations

from mapper.geoparse import geoparse, parse, parse_many, pieces, toponyms


def test_pieces_cover_the_text_exactly():
    text = ("Para one talks of Baku.\n\n" + "A sentence. " * 50 + "\n\n") * 20
    spans = pieces(text, limit=300)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:], strict=False))
    assert all(0 < e - s <= 300 for s, e in spans)


def test_pieces_prefer_paragraphs_then_sentences():
    text = "First paragraph here.\n\nSecond one. Still second. " + "x" * 10
    assert text[: pieces(text, limit=40)[0][1]].endswith("\n\n")
    text = "One sentence. Two sentence. Three sentence."
    assert text[: pieces(text, limit=30)[0][1]].endswith(". ")


def test_long_text_keeps_every_offset():
    para = "Shelling hit Stepanakert overnight. Officials in Baku denied it.\n\n"
    text = para * 200  # far beyond one piece
    doc = parse(text)
    assert doc.text == text
    tops = toponyms(doc)
    assert len(tops) == 400
    assert all(text[t.start : t.end] == t.text for t in tops)
    assert len(list(doc.sents)) >= 400


def test_parse_sets_the_dateline_span():
    doc = parse("BAKU, Azerbaijan - Calm returned.", dateline_span=(0, 16))
    assert doc._.dateline_span == (0, 16)
    assert toponyms(doc)[0].dateline


def test_front_matter_and_dateline_are_not_words_of_the_lede():
    text = "date 2024-05-10\n\nKAYES, Mali (AP) — Gunmen killed 20 villagers, officials said."
    start = text.index("KAYES")
    doc = parse(text, dateline_span=(start, start + len("KAYES, Mali")), body_start=16)
    lede = next(s for s in doc.sents if "Gunmen" in s.text)
    assert lede.text.startswith("Gunmen")
    assert next(t for t in lede if t.text == "Gunmen").dep_ == "nsubj"


def test_a_dateline_with_its_date_and_agency_is_not_part_of_the_lede():
    text = "ABUJA, April 30 (Xinhua) -- At least 23 people were killed when gunmen attacked."
    doc = parse(text, dateline_span=(0, 5))
    assert [s.text.strip() for s in doc.sents][-1].startswith("At least 23")


def test_no_sentence_runs_across_a_blank_line():
    doc = parse("Shells hit Kadugli market, kill 9\n\nMedics say nine civilians died there.")
    assert [s.text.strip() for s in doc.sents] == [
        "Shells hit Kadugli market, kill 9",
        "Medics say nine civilians died there.",
    ]


def test_parse_many_takes_texts_and_pairs():
    docs = list(parse_many(["In Baku.", ("GANJA - Calm.", (0, 5)), ""]))
    assert [[t.text for t in toponyms(d)] for d in docs] == [["Baku"], ["GANJA"], []]
    assert docs[2].text == ""


def test_control_characters_keep_offsets():
    text = "Baku\x00\x07 and\x0b Yerevan\x1b."
    doc = parse(text)
    assert len(doc.text) == len(text)
    tops = geoparse(text)
    assert [t.text for t in tops] == ["Baku", "Yerevan"]
    assert all(text[t.start : t.end] == t.text for t in tops)


def test_places_unresolved_lists_missing_names(tmp_path, capsys):
    import json

    from mapper.cli import main

    report = tmp_path / "r.txt"
    report.write_text(
        "Shells hit Zorkavan district, Tavush, on Monday. On Tuesday shells hit Zorkavan "
        "district, Tavush, again.",
        encoding="utf-8",
    )
    assert main(["places", "--unresolved", "--quiet", str(report)]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert rows == [{"name": "Zorkavan", "count": 2}]


def test_only_prose_is_parsed_and_lists_keep_their_names():
    prose = "Gunmen attacked a police post in Kidal on Monday, the army said. " * 30
    listing = ", ".join(["Gao", "Mopti", "Kidal", "Timbuktu", "Menaka"] * 400)  # ~12,000 chars
    text = prose + "\n\n" + listing + "\n\n" + prose
    doc = parse(text)
    assert doc.text == text
    start, end = len(prose) + 2, len(prose) + 2 + len(listing)
    assert {t.dep_ for t in doc if t.idx < len(prose)} >= {"ROOT", "nsubj"}
    list_tokens = [t for t in doc if start + 4000 <= t.idx < end - 4000]  # the list's own pieces
    assert list_tokens and {t.dep_ for t in list_tokens} <= {"ROOT", "dep"}  # no parse spent
    assert doc._.skimmed == ()  # within the budget: its names are still found
    assert sum(1 for t in toponyms(doc) if start + 4000 <= t.start < end - 4000) > 100
    assert len([s for s in doc.sents if s.start_char > end]) >= 28  # the prose after it


def test_text_that_is_not_prose_is_skimmed_past_its_budget():
    listing = ", ".join(["Gao", "Mopti", "Kidal", "Timbuktu", "Menaka"] * 2500)  # ~75,000 chars
    text = "Gunmen attacked a police post in Kidal on Monday, the army said.\n\n" + listing
    doc = parse(text)
    assert doc.text == text
    assert doc._.skimmed and all(text[s:e] for s, e in doc._.skimmed)
    skimmed = sum(e - s for s, e in doc._.skimmed)
    assert 40_000 < skimmed < len(text) - 20_000
    tops = toponyms(doc)
    assert tops[0].text == "Kidal" and tops[0].start < 70  # the prose keeps its place
    assert not any(s <= t.start < e for t in tops for s, e in doc._.skimmed)


def test_a_footnote_or_tag_glued_to_the_last_word_keeps_its_place():
    text = (
        "Shells fell on Kherson.[12] Teachers held a sit-in in Bamako,[3] and "
        "nurses marched in Gulu.[size=hundreds]"
    )
    names = [(t.text, t.country_code) for t in geoparse(text)]
    assert names == [("Kherson", "UA"), ("Bamako", "ML"), ("Gulu", "UG")]
    doc = parse(text)
    assert "[12" in [t.text for t in doc]


def test_a_heading_line_and_an_entry_label_start_no_sentence_of_the_entry():
    from mapper.geoparse.api import _paragraphs, load_nlp

    nlp = load_nlp()
    text = "March 2, 2012\nMali - Gunmen killed a trader in Mopti.\nThe army shelled the\ntown."
    doc = nlp(_paragraphs(nlp, text))
    starts = [t.text for t in doc if t.is_sent_start]
    assert starts[:3] == ["March", "Mali", "Gunmen"]
    assert "town" not in starts  # a wrapped line of prose goes on
