#!/usr/bin/env python
"""Hostile-input benchmark: seconds per report, and which stage takes them.

Usage (from the checkout root; needs no ../shared)::

    .venv/bin/python benchmarks/bench_fuzz.py [--sizes 10000,100000,999000] [--cap 90]
    .venv/bin/python benchmarks/bench_fuzz.py --pipeline   # also the whole run, with its budget

Generates reports that have stalled runs before (written by this script, nothing
committed): nested brackets "(X, (X, ... Donetsk)))", one token repeated,
100,000-character tokens, digit runs, random Unicode, and thousands of
capitalised place names in one sentence, at about 10 KB, 100 KB and 1 MB
(999,000 characters: the reader's limit is 1,000,000).

Each report runs in a forked child, stage by stage: ``spacy`` (the full
pipeline on the text), ``geoparse`` (recognition and resolution of the
toponyms on that Doc), ``incidents`` (``extract_incidents``). Prints seconds
per stage and the functions with the most own time (cProfile). A stage still
running after ``--cap`` seconds is stopped; its stack at that moment
(faulthandler) names where the time goes. ``--pipeline`` then runs
``mapper extract`` over all of them with ``--report-timeout`` and prints its
final line: every report must finish or be named as timed out.

Timings are noisy: the machine's 2 cores are shared. Nothing here is a test.
"""

from __future__ import annotations

import argparse
import cProfile
import faulthandler
import importlib
import itertools
import os
import pstats
import random
import resource
import signal
import subprocess
import sys
import tempfile
import time
from multiprocessing import Pipe
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

NAMES = (
    "Donetsk Kharkiv Stepanakert Khartoum Omdurman Gao Mopti Kidal Bamako Goma Bunia Beni "
    "Mosul Kirkuk Aleppo Idlib Homs Raqqa Sanaa Aden Marib Taiz Kandahar Herat Kunduz Mogadishu "
    "Kismayo Baidoa Maiduguri Kano Juba Malakal Tripoli Benghazi Sirte Misrata Rafah Gaza Jenin"
).split()


def nested(size: int) -> str:
    depth = size // 5
    return "(X, " * depth + "Donetsk" + ")" * depth


def repeated(size: int) -> str:
    return "shelling " * (size // 9)


def long_tokens(size: int) -> str:
    token = "a" * min(size, 100_000)
    return "Shells hit Donetsk " + " ".join([token] * max(1, size // 100_001))


def digits(size: int) -> str:
    rng = random.Random(7)
    parts, n = [], 0
    while n < size:
        part = "".join(rng.choice("0123456789") for _ in range(rng.randint(1, 40)))
        part += rng.choice([" ", ", ", " killed ", " on ", "-"])
        parts.append(part)
        n += len(part)
    return "".join(parts)[:size]


def unicode_soup(size: int) -> str:
    rng = random.Random(11)
    out = []
    for _ in range(size):
        c = rng.randint(0x20, 0xFFFF)
        if 0xD800 <= c <= 0xDFFF or rng.random() < 0.1:
            c = 0x20
        out.append(chr(c))
    return "".join(out)


def many_names(size: int) -> str:
    words = itertools.cycle(NAMES)
    parts, n = [], 0
    while n < size:
        w = next(words)
        parts.append(w)
        n += len(w) + 2
    return "Shelling hit " + ", ".join(parts)


CASES = {
    "nested-brackets": nested,
    "repeated-token": repeated,
    "100k-char-tokens": long_tokens,
    "digit-runs": digits,
    "random-unicode": unicode_soup,
    "many-place-names": many_names,
}


def report_text(case: str, size: int) -> str:
    return "date 2022-03-01\n" + CASES[case](size)


# ----------------------------------------------------------------------------- the child


def _stages(text: str, conn) -> None:
    """Run the stages on one text, telling the parent when each starts and ends."""
    geoparse = importlib.import_module("mapper.geoparse")
    from mapper.incidents import extract_incidents
    from mapper.reports import parse_text_report

    report = parse_text_report(text, report_id="fuzz.txt")
    profile = cProfile.Profile()
    profile.enable()
    conn.send(("start", "spacy"))
    t = time.perf_counter()
    api = importlib.import_module("mapper.geoparse.api")
    doc = next(api._base_docs([text], fast=False, batch_size=1))  # spaCy alone, in pieces
    conn.send(("done", "spacy", time.perf_counter() - t))
    conn.send(("start", "geoparse"))
    t = time.perf_counter()
    doc = api._run_geoparser(doc, report.dateline_span)
    toponyms = geoparse.toponyms(doc, text=text)
    conn.send(("done", "geoparse", time.perf_counter() - t))
    conn.send(("start", "incidents"))
    t = time.perf_counter()
    found = extract_incidents(report, doc)
    conn.send(("done", "incidents", time.perf_counter() - t))
    profile.disable()
    stats = pstats.Stats(profile)
    top = sorted(stats.stats.items(), key=lambda kv: -kv[1][2])[:4]  # by own time
    conn.send(
        (
            "top",
            [
                (f"{Path(f).name}:{line}:{fn}", round(tt, 2))
                for (f, line, fn), (_, _, tt, _, _) in top
            ],
        )
    )
    conn.send(("end", len(toponyms), len(found)))


def run_case(text: str, cap: float, dump: Path) -> dict:
    """Fork a child to run the stages; stop it after ``cap`` seconds."""
    parent, child = Pipe()
    pid = os.fork()
    if pid == 0:  # the child
        code = 0
        try:
            parent.close()
            resource.setrlimit(resource.RLIMIT_AS, (8 << 30, 8 << 30))
            with dump.open("w") as f:
                faulthandler.dump_traceback_later(cap - 2, exit=False, file=f)
                _stages(text, child)
        except MemoryError:
            child.send(("error", "MemoryError (over 8 GB)"))
        except BaseException as err:  # noqa: BLE001
            child.send(("error", f"{type(err).__name__}: {err}"[:200]))
            code = 1
        finally:
            os._exit(code)
    child.close()
    result: dict = {"stages": {}, "running": None}
    end = time.monotonic() + cap
    began = time.monotonic()
    try:
        while True:
            left = end - time.monotonic()
            if left <= 0 or not parent.poll(left):
                result["timeout"] = True
                break
            try:
                msg = parent.recv()
            except EOFError:
                result.setdefault("error", "child died")
                break
            if msg[0] == "start":
                result["running"] = msg[1]
            elif msg[0] == "done":
                result["stages"][msg[1]] = msg[2]
                result["running"] = None
            elif msg[0] == "top":
                result["top"] = msg[1]
            elif msg[0] == "end":
                result["toponyms"], result["incidents"] = msg[1], msg[2]
                break
            elif msg[0] == "error":
                result["error"] = msg[1]
                break
    finally:
        result["seconds"] = time.monotonic() - began
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    if result.get("timeout"):
        result["where"] = _where(dump)
    return result


def _where(dump: Path) -> str:
    """The innermost frames of mapper's or spaCy's code in a faulthandler dump."""
    lines = [line.strip() for line in dump.read_text(errors="replace").splitlines()]
    frames = [line for line in lines if line.startswith("File ")]
    ours = [f for f in frames if "/mapper/" in f or "/spacy/" in f or "/thinc/" in f]
    picked = (ours or frames)[:3]
    short = []
    for f in picked:  # File "/path/x.py", line 12 in func
        path, _, rest = f.partition('", line ')
        name = Path(path.removeprefix('File "')).name
        short.append(name + ":" + rest.replace(" in ", ":"))
    return " <- ".join(short) or "no stack dumped"


# ----------------------------------------------------------------------------- the parent


def profile_stages(sizes: list[int], cap: float) -> None:
    geoparse = importlib.import_module("mapper.geoparse")
    from mapper.gazetteer import load_gazetteer

    geoparse.load_nlp()  # loaded once; every child is forked with it
    load_gazetteer()
    geoparse.parse("Warm-up in Donetsk.")
    print(f"cap {cap:g} s per report; seconds per stage (spacy / geoparse / incidents)")
    over = set()
    dump = Path(tempfile.mkdtemp(prefix="mapper-fuzz-")) / "stack.txt"
    for case in CASES:
        for size in sizes:
            if case in over:
                print(
                    f"{case:18} {size:>9,} chars: not run (a smaller size already ran over the cap)"
                )
                continue
            r = run_case(report_text(case, size), cap, dump)
            st = r["stages"]
            parts = " / ".join(
                f"{st[s]:.2f}" if s in st else "-" for s in ("spacy", "geoparse", "incidents")
            )
            line = f"{case:18} {size:>9,} chars: {r['seconds']:7.2f} s  [{parts}]"
            if r.get("timeout"):
                over.add(case)
                line += f"  OVER CAP in {r['running']}: {r['where']}"
            elif "error" in r:
                line += f"  ERROR in {r['running']}: {r['error']}"
            else:
                line += f"  {r['toponyms']} toponyms, {r['incidents']} incidents; top own time: "
                line += ", ".join(f"{name} {t}s" for name, t in r.get("top", [])[:3])
            print(line, flush=True)


def run_pipeline(sizes: list[int], budget: float, workers: int) -> None:
    base = Path(tempfile.mkdtemp(prefix="mapper-fuzz-"))
    folder = base / "reports"  # the work area and the output go beside it, not in it
    folder.mkdir()
    for case in CASES:
        for size in sizes:
            (folder / f"{case}-{size}.txt").write_text(report_text(case, size), encoding="utf-8")
    cmd = [
        str(ROOT / ".venv" / "bin" / "mapper"),
        "extract",
        str(folder),
        "-o",
        str(base / "out.geojson"),
        "--workers",
        str(workers),
        "--report-timeout",
        str(budget),
        "--work-dir",
        str(base / "work"),
        "-q",
    ]
    t = time.monotonic()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    seconds = time.monotonic() - t
    err = proc.stderr.strip().splitlines()
    named = [line for line in err if "timed out on" in line]
    print(f"pipeline: exit {proc.returncode} in {seconds:.1f} s; {len(named)} timed out")
    for line in err:
        print("  " + line)
    print(
        f"SUMMARY fuzz pipeline: {len(CASES) * len(sizes)} reports, {len(named)} timed out "
        f"(budget {budget:g} s, --workers {workers}), exit {proc.returncode}, {seconds:.0f} s"
    )


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--sizes", default="10000,100000,999000")
    ap.add_argument("--cap", type=float, default=90.0, help="seconds before a stage is stopped")
    ap.add_argument("--cases", default=",".join(CASES))
    ap.add_argument("--pipeline", action="store_true", help="also run mapper extract on them all")
    ap.add_argument("--no-stages", action="store_true", help="skip the stage-by-stage part")
    ap.add_argument("--budget", type=float, default=60.0)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    for name in list(CASES):
        if name not in args.cases.split(","):
            del CASES[name]
    if not args.no_stages:
        profile_stages(sizes, args.cap)
    if args.pipeline:
        run_pipeline(sizes, args.budget, args.workers)


if __name__ == "__main__":
    main()
