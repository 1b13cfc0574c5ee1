import datetime as dt
import io
import json

import pytest

from mapper.errors import ReportReadError
from mapper.reports import (
    Report,
    find_dateline,
    parse_report_bytes,
    parse_text_report,
    read_reports,
)


def test_text_report_keeps_file_offsets(tmp_path):
    body = "date 2020-09-27\r\nYEREVAN, Armenia – Sirens sounded.\r\n"
    (tmp_path / "a.txt").write_bytes(body.encode("utf-8"))
    (r,) = read_reports([tmp_path / "a.txt"])
    assert r.published == dt.date(2020, 9, 27)
    assert r.text == (tmp_path / "a.txt").read_text(encoding="utf-8")
    assert r.dateline == "YEREVAN, Armenia"
    s, e = r.dateline_span
    assert r.text[s:e] == "YEREVAN, Armenia"
    assert r.text[r.body_start :].startswith("YEREVAN")


def test_inline_date_line_like_wire_metadata():
    r = parse_report_bytes(
        b" date 2017-07-11 Two sides clashed on Sunday.", name="x.txt", suffix=".txt"
    )[0]
    assert r.published == dt.date(2017, 7, 11)
    assert r.text[r.body_start :].startswith("Two sides")


def test_front_matter_date_and_title():
    data = (
        b"---\ntitle: Night of shelling\ndate: 2020-10-04\n"
        b"url: http://example.org/a\n---\nText here.\n"
    )
    r = parse_report_bytes(data, name="m.md", suffix=".md")[0]
    assert (r.title, r.published, r.url) == (
        "Night of shelling",
        dt.date(2020, 10, 4),
        "http://example.org/a",
    )
    assert r.text[r.body_start :] == "Text here.\n"


@pytest.mark.parametrize(
    "text, place",
    [
        ("TROY, N.C. (AP) — A fire broke out.", "TROY, N.C."),
        ("MOSCOW, Sept 27 (Reuters) - Talks began.", "MOSCOW"),
        ("Baku, Azerbaijan – Tensions flared.", "Baku, Azerbaijan"),
        ("Khartoum — Gunfire was heard.", "Khartoum"),
        ("GOMA, Democratic Republic of Congo — Shells fell.", "GOMA, Democratic Republic of Congo"),
        ("SARAJEVO, Bosnia and Herzegovina (AP) — A vote.", "SARAJEVO, Bosnia and Herzegovina"),
        ("Niamey: Gunmen raided a market, officials said.", "Niamey"),
        ("New Delhi: The ministry said talks resumed.", "New Delhi"),
    ],
)
def test_datelines(text, place):
    found = find_dateline(text)
    assert found is not None and found[0] == place
    s, e = found[1]
    assert text[s:e] == place


@pytest.mark.parametrize(
    "text",
    [
        "Armenia and Azerbaijan – both sides...",
        "The army said - nothing.",
        "No dash here at all.",
        "The army said: troops withdrew.",
        "Al- Shabaab fighters attacked a base.",  # a word broken at its hyphen
    ],
)
def test_no_dateline(text):
    assert find_dateline(text) is None


def test_a_dateline_under_the_headline_and_byline_is_found():
    text = (
        "Gunmen kill 12 villagers near Kadugli\n\nBy Staff Reporter\n\n"
        "KADUGLI, Sudan (Reuters) - Gunmen killed 12 villagers on Sunday, police said.\n"
    )
    report = parse_text_report(text, report_id="r.txt")
    assert report.dateline == "KADUGLI, Sudan"
    assert text[slice(*report.dateline_span)] == "KADUGLI, Sudan"


def test_a_headline_that_opens_with_a_country_and_colon_is_no_dateline():
    text = "Mali: Gunmen attack army post near Mopti\n\nGunmen attacked a post on Sunday.\n"
    assert parse_text_report(text, report_id="r.txt").dateline is None


def test_html_visible_text_only():
    page = (
        b"<html><head><title>Strike on depot</title><script>var x='Baku';</script>"
        b'<meta property="article:published_time" content="2020-09-28T10:00:00Z"></head>'
        b"<body><style>p{}</style><p>Shelling hit <b>Stepanakert</b>.</p>"
        b"<p>Second &amp; last.</p></body></html>"
    )
    r = parse_report_bytes(page, name="p.html", suffix=".html")[0]
    assert r.title == "Strike on depot"
    assert r.published == dt.date(2020, 9, 28)
    assert "Baku" not in r.text and "p{}" not in r.text
    assert "Shelling hit Stepanakert." in r.text and "Second & last." in r.text


def test_json_jsonl_csv_records():
    js = json.dumps(
        [{"text": "A.", "date": "2020-09-27", "title": "t"}, {"text": "B.", "url": "u"}]
    ).encode()
    a, b = parse_report_bytes(js, name="f.json", suffix=".json")
    assert (a.id, a.published, a.title) == ("f.json#1", dt.date(2020, 9, 27), "t")
    assert (b.id, b.url) == ("f.json#2", "u")
    (one,) = parse_report_bytes(b'{"text": "Only one."}', name="o.json", suffix=".json")
    assert one.id == "o.json"
    lines = b'{"text": "x"}\n\n{"text": "y", "date": "2020-10-01"}\n'
    assert [r.text for r in parse_report_bytes(lines, name="f.jsonl", suffix=".jsonl")] == [
        "x",
        "y",
    ]
    rows = parse_report_bytes(
        b"title,text,date\nT,Hello there,2020-09-27\n", name="f.csv", suffix=".csv"
    )
    assert rows[0].id == "f.csv#1" and rows[0].published == dt.date(2020, 9, 27)


@pytest.mark.parametrize(
    "data, name, message",
    [
        (b"", "e.txt", "the file is empty"),
        (b"  \n\t", "e.txt", "the file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "img.txt", "binary"),
        ("Привет, мир".encode("cp1251"), "ru.txt", "not valid utf-8"),
        (b"%PDF-1.4", "doc.pdf", "unsupported format '.pdf'"),
        (b"[1, 2", "bad.json", "invalid JSON"),
        (b'{"title": "no text"}', "nt.json", "no 'text' field"),
        (b"a,b\n1,2\n", "t.csv", "needs a 'text' column"),
    ],
)
def test_bad_inputs_raise_clear_errors(data, name, message):
    with pytest.raises(ReportReadError) as info:
        parse_report_bytes(data, name=name, suffix="." + name.rsplit(".", 1)[1])
    assert name in str(info.value) and message in str(info.value)


def test_encoding_option_reads_legacy_files():
    (r,) = parse_report_bytes(
        "Обстрел Степанакерта".encode("cp1251"), name="ru.txt", suffix=".txt", encoding="cp1251"
    )
    assert r.text == "Обстрел Степанакерта"


def test_folder_recursive_skips_hidden_and_names_each_failure(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "good.txt").write_text("One.", encoding="utf-8")
    (tmp_path / "good.md").write_text("Two.", encoding="utf-8")
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x01")
    (tmp_path / "blob.bin").write_bytes(b"\x00\x01\x02")
    (tmp_path / "empty.txt").write_bytes(b"")
    errors = []
    ids = [r.id for r in read_reports([tmp_path], on_error=errors.append)]
    assert ids == ["good.md", "sub/good.txt"]
    assert sorted(str(e).split("'")[1] for e in errors) == ["blob.bin", "empty.txt"]


def test_missing_input_and_raise_without_callback(tmp_path):
    with pytest.raises(ReportReadError, match="no such file or folder"):
        list(read_reports([tmp_path / "nope.txt"]))


def test_stdin():
    (r,) = read_reports(["-"], stdin=io.BytesIO(b"date 2020-09-27\nShells fell."))
    assert r.id == "stdin" and r.published == dt.date(2020, 9, 27)


def test_report_validates():
    with pytest.raises(TypeError):
        Report(id="a", path=None, text=b"bytes")
    with pytest.raises(ValueError):
        Report(id="a", path=None, text="abc", dateline_span=(2, 10))


def test_too_long_report_is_named_and_the_rest_still_read(tmp_path, monkeypatch):
    import mapper.reports

    monkeypatch.setattr(mapper.reports, "MAX_CHARS", 50)
    (tmp_path / "long.txt").write_text("Shelling hit the town. " * 5, encoding="utf-8")
    (tmp_path / "ok.txt").write_text("Shelling hit the town.", encoding="utf-8")
    (tmp_path / "feed.jsonl").write_text('{"text": "short"}\n{"text": "%s"}\n' % ("x" * 60))
    errors = []
    ids = [r.id for r in read_reports([tmp_path], on_error=errors.append)]
    assert ids == ["feed.jsonl#1", "ok.txt"]
    assert [str(e).split("'")[1] for e in errors] == ["feed.jsonl#2", "long.txt"]
    assert all("split it" in str(e) for e in errors)


def test_a_bad_record_costs_only_itself(tmp_path):
    (tmp_path / "feed.jsonl").write_text(
        '{"text": "one"}\n{broken\n{"title": "no text"}\n{"text": "four"}\n'
    )
    (tmp_path / "rows.csv").write_text(
        "text,date\nfirst,2020-09-27\n,2020-09-28\n", encoding="utf-8"
    )
    errors = []
    ids = [r.id for r in read_reports([tmp_path], on_error=errors.append)]
    assert ids == ["feed.jsonl#1", "feed.jsonl#4", "rows.csv#1"]
    assert [str(e).split("'")[1] for e in errors] == ["feed.jsonl#2", "feed.jsonl#3", "rows.csv#2"]


def test_jsonl_and_csv_are_read_record_by_record(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_bytes(
        b'\xef\xbb\xbf{"text": "one \xe2\x80\xa8 still one"}\r\n\n{"text": "two"}\n'
        b'{"text": "three"}\n\xff\xfe broken bytes\n'
    )
    errors = []
    reports = read_reports([feed], on_error=errors.append)
    assert next(reports).id == "feed.jsonl#1"  # a generator: nothing read ahead
    rest = list(reports)
    assert [r.id for r in rest] == ["feed.jsonl#2", "feed.jsonl#3"]
    assert len(errors) == 1 and "feed.jsonl" in str(errors[0]) and "utf-8" in str(errors[0])
    long = "Shelling went on. " * 10_000  # longer than the csv module's default field limit
    (tmp_path / "rows.csv").write_text(f'text,title\n"{long}",t\n', encoding="utf-8")
    [row] = read_reports([tmp_path / "rows.csv"])
    assert row.text == long and row.title == "t"


def test_folders_are_walked_in_sorted_path_order(tmp_path):
    for name in ("b.txt", "a/z.txt", "a/b/c.txt", "a.txt", ".hidden/x.txt", "a/.h.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("Shells fell.", encoding="utf-8")
    ids = [r.id for r in read_reports([tmp_path])]
    expected = sorted(
        p
        for p in tmp_path.rglob("*")
        if p.is_file() and "/." not in "/" + str(p.relative_to(tmp_path))
    )
    assert ids == [p.relative_to(tmp_path).as_posix() for p in expected]
    assert ids == ["a/b/c.txt", "a/z.txt", "a.txt", "b.txt"]


def test_a_dateline_naming_two_places_of_writing_is_found_under_a_headline():
    text = "Jets strike a camp\n\nBAMAKO/NIAMEY, March 2 (Reuters) - Jets struck a camp near Mopti."
    report = parse_text_report(text, report_id="r.txt")
    assert report.dateline == "BAMAKO/NIAMEY"


def test_a_mail_style_header_gives_date_and_title():
    text = (
        "Title: Gunmen kill seven\nSource: A wire\nDate: 2022-05-08\n"
        "URL: https://example.org/a\n\nGunmen killed seven people on Saturday."
    )
    r = parse_text_report(text, report_id="r.txt")
    assert (r.title, r.published, r.url) == (
        "Gunmen kill seven",
        dt.date(2022, 5, 8),
        "https://example.org/a",
    )
    assert r.text[r.body_start :].startswith("Gunmen killed")


def test_a_headers_title_line_is_spanned_apart_from_its_other_fields():
    from mapper.reports import parse_text_report

    text = "Source: The Dispatch\nTitle: Bomb kills 3 in Mosul\nDate: 2010-10-30\n\nA bomb.\n"
    r = parse_text_report(text, report_id="r.txt")
    assert text[slice(*r.title_span)] == "Title: Bomb kills 3 in Mosul"
    text = "Iraq: bomb kills 3\nDate: 2010-10-30\n\nA bomb.\n"
    r = parse_text_report(text, report_id="r.txt")
    assert text[slice(*r.title_span)] == "Iraq: bomb kills 3"
