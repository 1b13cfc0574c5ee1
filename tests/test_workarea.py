import datetime as dt

import mapper.workarea
from mapper.reports import Report
from mapper.workarea import WorkArea, pipeline_version, report_key


def test_a_change_to_the_source_changes_the_pipeline_version(tmp_path, monkeypatch):
    (tmp_path / "a.py").write_text("x = 1\n", encoding="utf-8")
    monkeypatch.setattr(mapper.workarea, "_PACKAGE_DIR", tmp_path)
    pipeline_version.cache_clear()
    try:
        before = pipeline_version()
        (tmp_path / "a.py").write_text("x = 2\n", encoding="utf-8")
        pipeline_version.cache_clear()
        assert pipeline_version() != before
    finally:
        pipeline_version.cache_clear()


def test_every_field_of_a_report_is_in_its_key():
    base = Report(id="a.txt", path="/x/a.txt", text="Shells fell.", title="T")
    key = report_key(base, None, "v")
    others = [
        Report(id="b.txt", path="/x/a.txt", text="Shells fell.", title="T"),
        Report(id="a.txt", path="/x/a.txt", text="Shells fell!", title="T"),
        Report(id="a.txt", path="/x/a.txt", text="Shells fell.", title="U"),
        Report(
            id="a.txt", path=None, text="Shells fell.", title="T", published=dt.date(2020, 1, 1)
        ),
    ]
    assert len({key, *(report_key(r, None, "v") for r in others)}) == 5
    assert report_key(base, None, "w") != key
    # the path is where the file was, not what it says: moving a folder keeps the results
    moved = Report(id="a.txt", path="/y/a.txt", text="Shells fell.", title="T")
    assert report_key(moved, None, "v") == key


def test_results_outlive_the_process_that_stored_them(tmp_path):
    with WorkArea(tmp_path, "v1") as area:
        area.put("k", "a.txt", b"\x00result")
    with WorkArea(tmp_path, "v1") as area:
        assert area.get("k") == b"\x00result" and len(area) == 1
    with WorkArea(tmp_path, "v2") as area:
        assert area.get("k") is None
