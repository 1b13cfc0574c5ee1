"""Every incident yardstick in one run: seed, news-dev, ACLED notes, chronologies.

    python benchmarks/bench_incidents.py [--only seed,news,acled,chrono,theatres] [--out DIR]

Runs ``mapper extract`` (this checkout's ``.venv/bin/mapper``) and the shared
scorers, and prints each scorer's SUMMARY line under a heading naming the set:

* **seed**: ``../shared/reports`` with ``--default-date 2020-09-28`` against
  ``../shared/gold/seed_incidents.json`` (the brief's target: incident_f1 >= 0.90);
* **news**: ``../shared/data/news-dev/reports`` against its gold (targets:
  incident_f1 >= 0.75, date_acc >= 0.80);
* **acled**: ``../shared/bench/acled_eval.py`` on ``acled-dev/notes.jsonl``
  with its default options, with its per-type table;
* **chrono**: ``benchmarks/data/chronologies`` (real encyclopedia chronologies
  and public-domain reports of other wars, our own gold; development data);
* **theatres**: ``tests/data/other_theatres`` (original reports written for
  mapper; development data).

All but the last two read ``../shared``, which is not part of the repository;
a set whose data is missing is reported as skipped. Nothing here is a test:
the figures are measurements to report, not assertions.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
MAPPER = ROOT / ".venv" / "bin" / "mapper"
SCORER = SHARED / "bench" / "incident_eval.py"

SETS = {
    "seed": (SHARED / "reports", SHARED / "gold" / "seed_incidents.json", "2020-09-28"),
    "news": (
        SHARED / "data" / "news-dev" / "reports",
        SHARED / "data" / "news-dev" / "gold.json",
        None,
    ),
    "chrono": (
        ROOT / "benchmarks" / "data" / "chronologies" / "reports",
        ROOT / "benchmarks" / "data" / "chronologies" / "gold.json",
        None,
    ),
    "theatres": (
        ROOT / "tests" / "data" / "other_theatres",
        ROOT / "tests" / "data" / "other_theatres_gold.json",
        "2024-05-15",
    ),
}


def _run(cmd: list[str]) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)


def _scored_set(name: str, out: Path) -> None:
    reports, gold, default_date = SETS[name]
    if not reports.is_dir() or not gold.exists() or not SCORER.exists():
        print(f"== {name}: skipped ({reports} or its gold is missing)")
        return
    pred = out / f"{name}.geojson"
    cmd = [str(MAPPER), "extract", str(reports), "-o", str(pred), "-q"]
    if default_date:
        cmd += ["--default-date", default_date]
    t = time.perf_counter()
    done = _run(cmd)
    secs = time.perf_counter() - t
    if not pred.exists():
        print(f"== {name}: mapper extract failed\n{done.stderr[-2000:]}")
        return
    scored = _run(
        [sys.executable, str(SCORER), str(pred), str(gold), "--reports-dir", str(reports)]
    )
    (out / f"{name}.txt").write_text(scored.stdout, encoding="utf-8")
    summary = [ln for ln in scored.stdout.splitlines() if ln.startswith("SUMMARY")]
    print(f"== {name} ({secs:.1f} s; rows in {out / (name + '.txt')})")
    print(summary[-1] if summary else scored.stderr[-2000:])


def _acled(out: Path) -> None:
    notes = SHARED / "data" / "acled-dev" / "notes.jsonl"
    script = SHARED / "bench" / "acled_eval.py"
    if not notes.exists() or not script.exists():
        print("== acled: skipped (../shared/data/acled-dev is missing)")
        return
    done = _run([sys.executable, str(script), str(notes), "--mapper", str(MAPPER)])
    text = done.stderr + done.stdout  # the per-type table goes to stderr
    (out / "acled.txt").write_text(text, encoding="utf-8")
    print("== acled (per event type, then SUMMARY)")
    for line in text.splitlines():
        if line.startswith(("  ", "SUMMARY")):
            print(line)


def main(argv: list[str] | None = None) -> int:
    """Run the chosen yardsticks and print their SUMMARY lines."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--only", default="seed,news,acled,chrono,theatres")
    ap.add_argument("--out", default="out/bench_incidents")
    a = ap.parse_args(argv)
    out = ROOT / a.out
    out.mkdir(parents=True, exist_ok=True)
    for name in a.only.split(","):
        if name == "acled":
            _acled(out)
        elif name in SETS:
            _scored_set(name, out)
        else:
            print(f"== {name}: unknown set")
    return 0


if __name__ == "__main__":
    sys.exit(main())
