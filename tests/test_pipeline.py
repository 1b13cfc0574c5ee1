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


# ----------------------------------------------------------------------------- scale

import multiprocessing  # noqa: E402
import os  # noqa: E402
import signal  # noqa: E402
import sqlite3  # noqa: E402
import time  # noqa: E402

import pytest  # noqa: E402

import mapper.pipeline  # noqa: E402
from mapper.cli import main  # noqa: E402

PLACES = ["Stepanakert", "Ganja", "Tartar", "Barda", "Martuni", "Shushi", "Hadrut", "Fuzuli"]


def _reports(folder, n):
    folder.mkdir(parents=True, exist_ok=True)
    for k in range(n):
        place, other = PLACES[k % len(PLACES)], PLACES[(k + 3) % len(PLACES)]
        _write(
            folder,
            f"r{k:03d}.txt",
            f"date 2020-10-{1 + k % 20:02d}\n{other}, Azerbaijan – Artillery shelled {place} on "
            f"Sunday, killing {1 + k % 4} civilians, officials said. Report number {k}.",
        )
    return folder


def _extract(inputs, out, *extra):
    return main(["extract", str(inputs), "-o", str(out), "-q", *map(str, extra)])


def test_the_output_is_the_same_bytes_whatever_the_number_of_workers(tmp_path, capsys):
    folder = _reports(tmp_path / "in", 20)
    outs = []
    for workers in (0, 1, 2):
        out = tmp_path / f"w{workers}.geojson"
        assert (
            _extract(folder, out, "--workers", workers, "--work-dir", tmp_path / f"wd{workers}")
            == 0
        )
        outs.append(out.read_bytes())
    assert outs[0] == outs[1] == outs[2]
    assert b'"Feature"' in outs[0]
    last = capsys.readouterr().err.strip().splitlines()[-1]
    assert last.startswith("mapper: done: 20 reports (0 from cache), 0 failed, ")


def _slow_batch(real, seconds):
    def slow(reports, default_date):
        for report in reports:
            if "Report number" in report.text:
                time.sleep(seconds)
            yield from real([report], default_date)

    return slow


def _count(db):
    with sqlite3.connect(db) as con:
        return con.execute("SELECT count(*) FROM result").fetchone()[0]


def test_a_killed_run_goes_on_where_it_stopped(tmp_path, monkeypatch, capsys):
    folder = _reports(tmp_path / "in", 24)
    whole = tmp_path / "whole.geojson"
    assert _extract(folder, whole, "--workers", 1, "--work-dir", tmp_path / "fresh") == 0
    work = tmp_path / "work"
    out = tmp_path / "out.geojson"
    # A slowed-down run in a forked process, killed with SIGKILL once some reports are done.
    monkeypatch.setattr(
        mapper.pipeline, "_process_batch", _slow_batch(mapper.pipeline._process_batch, 0.3)
    )
    child = multiprocessing.get_context("fork").Process(
        target=_extract, args=(folder, out, "--workers", 1, "--work-dir", work)
    )
    child.start()
    monkeypatch.undo()
    deadline = time.monotonic() + 300
    dbs = []
    while time.monotonic() < deadline and not (dbs and _count(dbs[0]) >= 5):
        time.sleep(0.1)
        dbs = list(work.glob("results-*.sqlite3"))
    os.kill(child.pid, signal.SIGKILL)
    child.join()
    done_before = _count(dbs[0])
    assert 5 <= done_before < 24 and not out.exists()
    capsys.readouterr()
    assert _extract(folder, out, "--workers", 1, "--work-dir", work) == 0
    last = capsys.readouterr().err.strip().splitlines()[-1]
    assert last.startswith(f"mapper: done: 24 reports ({done_before} from cache), 0 failed, ")
    assert _count(dbs[0]) == 24  # nothing redone twice, nothing lost
    assert out.read_bytes() == whole.read_bytes()


@pytest.mark.parametrize("workers", [0, 1])
def test_a_report_over_the_time_budget_is_named_and_the_others_written(
    tmp_path, monkeypatch, workers
):
    folder = _reports(tmp_path / "in", 0)
    _write(folder, "a.txt", "Artillery shelled Stepanakert on Sunday, officials said.")
    _write(folder, "slow.txt", "Drones struck Ganja on Sunday. Report number 1.")
    _write(folder, "c.txt", "Rockets hit Tartar on Sunday, officials said.")
    monkeypatch.setattr(
        mapper.pipeline, "_process_batch", _slow_batch(mapper.pipeline._process_batch, 60)
    )
    began = time.monotonic()
    result = run([folder], default_date=dt.date(2020, 10, 5), workers=workers, report_timeout=1)
    assert time.monotonic() - began < 50
    assert [p.input for p in result.problems] == ["slow.txt"]
    assert "timed out on 'slow.txt'" in result.problems[0].message
    reports = {s.report for i in result.incidents for s in i.sources}
    assert reports == {"a.txt", "c.txt"}
    assert result.failed_reports == 1 and result.report_count == 3


def test_a_dask_cluster_gives_the_same_bytes(tmp_path):
    distributed = pytest.importorskip("distributed")
    from mapper.export import write_incidents

    folder = _reports(tmp_path / "in", 12)
    here = run([folder], workers=0)
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        there = run([folder], scheduler=cluster.scheduler_address)
    a, b = tmp_path / "a.geojson", tmp_path / "b.geojson"
    write_incidents(here.incidents, a)
    write_incidents(there.incidents, b)
    assert here.incidents and a.read_bytes() == b.read_bytes()
    assert there.report_count == 12 and not there.problems


def test_a_report_of_names_is_skimmed_and_said_so(tmp_path, caplog):
    names = ", ".join(["Gao", "Mopti", "Kidal", "Timbuktu", "Menaka"] * 2500)
    _write(tmp_path, "list.txt", "Shelling hit " + names)
    _write(tmp_path, "a.txt", "Artillery shells hit Stepanakert on Sunday, officials said.")
    with caplog.at_level("WARNING", logger="mapper.pipeline"):
        result = run([tmp_path], default_date=dt.date(2020, 9, 28), workers=0)
    assert sorted(r.id for r in result.reports) == ["a.txt", "list.txt"]
    assert not result.problems
    said = [r.getMessage() for r in caplog.records]
    assert any("list.txt" in m and "not searched" in m for m in said)
    assert {s.report for i in result.incidents for s in i.sources} == {"a.txt"}
