import json
import subprocess
import sys
from pathlib import Path

import pytest

from mapper.cli import EXIT_NOTHING, EXIT_OK, EXIT_PARTIAL, main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


@pytest.mark.parametrize("command", ["extract", "map", "places", "geocode", "gazetteer"])
def test_help_has_an_example(command, capsys):
    with pytest.raises(SystemExit) as info:
        main([command, "--help"])
    assert info.value.code == 0
    assert "example:" in capsys.readouterr().out


def test_geocode_json_lines(capsys):
    assert main(["geocode", "Stepanakert", "Baku"]) == EXIT_OK
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["query"] for r in rows] == ["Stepanakert", "Baku"]
    assert rows[0]["lat"] == pytest.approx(39.82, abs=0.05)
    assert rows[0]["lon"] == pytest.approx(46.75, abs=0.05)


def test_geocode_unknown_name_is_not_a_crash(capsys):
    assert main(["geocode", "Qwxzzyqv"]) == EXIT_NOTHING
    assert "not found" in capsys.readouterr().err


def test_bad_date_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as info:
        main(["extract", str(EXAMPLES), "-o", "x.geojson", "--default-date", "Sunday"])
    assert info.value.code == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err


@pytest.fixture
def mixed_folder(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "blob.bin").write_bytes(bytes(range(256)) * 4)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "legacy.txt").write_bytes(
        "Обстрел Степанакерта продолжался всю ночь.".encode("cp1251")
    )
    for name in ("01_stepanakert_shelling.txt", "03_contact_line.txt"):
        (folder / name).write_bytes((EXAMPLES / name).read_bytes())
    return folder


def test_partial_input_maps_the_good_reports(mixed_folder, tmp_path):
    out = tmp_path / "map.html"
    proc = subprocess.run(
        [sys.executable, "-m", "mapper.cli", "map", str(mixed_folder), "-o", str(out), "-q"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
    )
    assert proc.returncode == EXIT_PARTIAL, proc.stderr
    assert "Traceback" not in proc.stderr
    errors = [line for line in proc.stderr.splitlines() if line.startswith("mapper: error:")]
    assert len(errors) == 3
    for name in ("blob.bin", "empty.txt", "legacy.txt"):
        assert sum(name in line for line in errors) == 1
    assert "partial" in proc.stderr
    html = out.read_text(encoding="utf-8")
    assert "Stepanakert" in html


def test_nothing_usable(tmp_path, capsys):
    (tmp_path / "empty.txt").write_bytes(b"")
    assert main(["extract", str(tmp_path), "-o", str(tmp_path / "x.geojson")]) == EXIT_NOTHING
    assert "no report could be used" in capsys.readouterr().err
    assert not (tmp_path / "x.geojson").exists()


def test_extract_examples_formats(tmp_path):
    for fmt, name in (("geojson", "i.geojson"), ("csv", "i.csv"), ("parquet", "i.parquet")):
        assert (
            main(["extract", str(EXAMPLES), "-o", str(tmp_path / name), "-q", "--format", fmt]) == 0
        )
        assert (tmp_path / name).stat().st_size > 0


def test_places_jsonl(tmp_path, capsys):
    assert main(["places", str(EXAMPLES / "01_stepanakert_shelling.txt"), "-q"]) == EXIT_OK
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    text = (EXAMPLES / "01_stepanakert_shelling.txt").read_text(encoding="utf-8")
    assert rows and all(text[r["start"] : r["end"]] == r["text"] for r in rows)
    assert {"report", "start", "end", "text", "name", "lat", "lon", "kind"} <= set(rows[0])
    step = [r for r in rows if r["text"] == "Stepanakert"]
    assert step and all(abs(r["lat"] - 39.82) < 0.1 for r in step)


def test_unknown_tiles_fail_fast_with_one_line(tmp_path, capsys):
    status = main(["map", str(EXAMPLES), "-o", str(tmp_path / "m.html"), "--tiles", "No.Such"])
    assert status == EXIT_NOTHING
    err = capsys.readouterr().err
    assert "unknown tile provider 'No.Such'" in err and "parsed reports" not in err
    assert not (tmp_path / "m.html").exists()


def test_the_last_line_of_a_run_tells_what_it_did(tmp_path, capsys):
    out = tmp_path / "i.geojson"
    args = ["extract", str(EXAMPLES), "-o", str(out), "--work-dir", str(tmp_path / "w")]
    assert main([*args, "--workers", "1"]) == EXIT_OK
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].startswith("mapper: done: 5 reports (0 from cache), 0 failed, ")
    assert main([*args, "--workers", "0"]) == EXIT_OK
    last = capsys.readouterr().err.strip().splitlines()[-1]
    assert last.startswith("mapper: done: 5 reports (5 from cache), 0 failed, ")
    assert " incidents in " in last and last.endswith(" s")


def test_places_reuse_the_work_area_and_keep_the_order(tmp_path, capsys):
    work = ["--work-dir", str(tmp_path / "w")]
    assert main(["places", str(EXAMPLES), "-q", "--workers", "0", *work]) == EXIT_OK
    first = capsys.readouterr()
    assert main(["places", str(EXAMPLES), "-q", "--workers", "2", *work]) == EXIT_OK
    again = capsys.readouterr()
    assert first.out == again.out and first.out
    assert "(5 from cache)" in again.err.splitlines()[-1]
    reports = [json.loads(line)["report"] for line in first.out.splitlines()]
    assert reports == sorted(reports)


@pytest.mark.parametrize("flag", [["--workers", "-1"], ["--report-timeout", "soon"]])
def test_bad_scale_options_are_usage_errors(flag, capsys):
    with pytest.raises(SystemExit) as info:
        main(["extract", str(EXAMPLES), "-o", "x.geojson", *flag])
    assert info.value.code == 2
