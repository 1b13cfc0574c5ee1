import datetime as dt

import mapper.incidents
from mapper.pipeline import iter_places, read_all, run


def _write(folder, name, text):
    (folder / name).write_text(text, encoding="utf-8")


def test_run_reads_parses_and_consolidates(tmp_path):
    _write(tmp_path, "a.txt", "Artillery shells hit Stepanakert on Sunday, officials said.")
    _write(tmp_path, "b.txt", "")
    result = run([tmp_path], default_date=dt.date(2020, 9, 28))
    assert [r.id for r in result.reports] == ["a.txt"]
    assert [p.input for p in result.problems] == ["b.txt"]
    assert result.incidents and result.date_range == ("2020-09-27", "2020-09-27")


def test_one_report_breaking_extraction_does_not_lose_the_others(tmp_path, monkeypatch):
    _write(tmp_path, "bad.txt", "Shells hit Stepanakert on Sunday.")
    _write(tmp_path, "good.txt", "Shells hit Ganja on Sunday.")
    real = mapper.incidents.extract_incidents

    def flaky(report, *args, **kwargs):
        if report.id == "bad.txt":
            raise IndexError("rule bug")
        return real(report, *args, **kwargs)

    monkeypatch.setattr(mapper.incidents, "extract_incidents", flaky)
    result = run([tmp_path], default_date=dt.date(2020, 9, 28))
    assert [p.input for p in result.problems] == ["bad.txt"]
    assert "IndexError: rule bug" in result.problems[0].message
    assert any("good.txt" == s.report for i in result.incidents for s in i.sources)


def test_a_report_the_parser_rejects_costs_only_itself(tmp_path, monkeypatch):
    import mapper.geoparse

    _write(tmp_path, "a.txt", "Shells hit Ganja.")
    _write(tmp_path, "b.txt", "Drones struck Stepanakert.")
    real_parse = mapper.geoparse.parse

    def broken_batch(items, **kwargs):
        raise ValueError("batch failed")

    def parse(text, **kwargs):
        if "Ganja" in text:
            raise ValueError("cannot parse this one")
        return real_parse(text, **kwargs)

    monkeypatch.setattr(mapper.geoparse, "parse_many", broken_batch)
    monkeypatch.setattr(mapper.geoparse, "parse", parse)
    result = read_all([tmp_path])
    places = list(iter_places(result.reports))
    assert [(p["report"], p["text"]) for p in places] == [("b.txt", "Stepanakert")]
