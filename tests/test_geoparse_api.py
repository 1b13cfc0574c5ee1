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
