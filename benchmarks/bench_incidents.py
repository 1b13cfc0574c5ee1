"""Run mapper's incident stage on a folder of reports and score it with the shared yardstick.

    python benchmarks/bench_incidents.py REPORTS_DIR GOLD.json \
        [--default-date YYYY-MM-DD] [--out DIR]

Writes DIR/incidents.geojson and DIR/places.jsonl through mapper's own
pipeline (no CLI needed), then runs ../shared/bench/incident_eval.py on them
when it exists (else prints the file paths). Prints the scorer's rows and its
SUMMARY line, plus the wall time of the extraction.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCORER = HERE.parent.parent / "shared" / "bench" / "incident_eval.py"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("reports")
    ap.add_argument("gold")
    ap.add_argument("--default-date", type=dt.date.fromisoformat, default=None)
    ap.add_argument("--out", default="out/bench_incidents")
    a = ap.parse_args(argv)

    from mapper.consolidate import consolidate
    from mapper.export import write_incidents
    from mapper.geoparse import parse
    from mapper.geoparse import toponyms as geoparse_toponyms
    from mapper.incidents import extract_incidents
    from mapper.reports import read_reports

    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    reports = list(read_reports([a.reports]))
    found, places = [], []
    for r in reports:
        doc = parse(r.text, dateline_span=r.dateline_span)
        toponyms = geoparse_toponyms(doc)
        found.extend(extract_incidents(r, toponyms, default_date=a.default_date, doc=doc))
        places.extend(
            {
                "report": r.id,
                "start": t.start,
                "end": t.end,
                "text": t.text,
                "lat": t.lat,
                "lon": t.lon,
                "kind": t.kind,
            }
            for t in toponyms
        )
    incidents = consolidate(found)
    secs = time.perf_counter() - t0
    write_incidents(incidents, out / "incidents.geojson")
    with open(out / "places.jsonl", "w", encoding="utf-8") as f:
        for row in places:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(
        f"extracted {len(found)} passages -> {len(incidents)} incidents from {len(reports)} "
        f"reports in {secs:.1f} s"
    )
    if not SCORER.exists():
        print(f"no scorer at {SCORER}; outputs in {out}")
        return 0
    cmd = [
        sys.executable,
        str(SCORER),
        str(out / "incidents.geojson"),
        a.gold,
        "--places",
        str(out / "places.jsonl"),
        "--reports-dir",
        a.reports,
    ]
    return subprocess.call(cmd)


if __name__ == "__main__":
    sys.exit(main())
