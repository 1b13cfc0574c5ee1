"""The ``mapper`` command.

Exit status: 0 every input was used; 1 nothing usable (or a fatal error);
2 bad command line; 3 partial: some inputs failed (each named on stderr), the
rest were written. The last stderr line of ``extract``, ``map`` and ``places``
reads ``mapper: done: N reports (C from cache), F failed, I incidents in S s``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

from mapper import __version__
from mapper.errors import MapperError

__all__ = ["main", "EXIT_OK", "EXIT_NOTHING", "EXIT_USAGE", "EXIT_PARTIAL"]

logger = logging.getLogger(__name__)

EXIT_OK, EXIT_NOTHING, EXIT_USAGE, EXIT_PARTIAL = 0, 1, 2, 3

_EPILOG = """\
exit status: 0 all inputs read; 1 nothing usable; 2 bad usage; 3 partial (some inputs
could not be read: each is named on stderr, the rest were written)

Each report's result is kept in the work area (--work-dir): a run that was stopped
goes on where it stopped when started again with the same arguments."""


def _workers(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = -1
    if n < 0:
        raise argparse.ArgumentTypeError(f"not a number of workers: {value!r}")
    return n


def _seconds(value: str) -> float:
    try:
        s = float(value)
    except ValueError:
        s = -1.0
    if not s >= 0:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {value!r}")
    return s


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as err:
        raise argparse.ArgumentTypeError(f"not a date: {value!r} (use YYYY-MM-DD)") from err


def _add_inputs(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "reports",
        nargs="+",
        metavar="REPORTS",
        help="report files or folders (read recursively); '-' reads stdin",
    )
    p.add_argument(
        "--encoding",
        default="utf-8",
        help="text encoding of the reports (default utf-8; e.g. cp1251)",
    )
    p.add_argument(
        "--default-date",
        type=_date,
        metavar="YYYY-MM-DD",
        help="publication date for reports that carry none",
    )
    p.add_argument("-q", "--quiet", action="store_true", help="no progress messages")
    from mapper.pipeline import default_workers

    p.add_argument(
        "--workers",
        type=_workers,
        default=None,
        metavar="N",
        help=f"worker processes (default: the number of cores, here {default_workers()}; "
        "0 works in this process)",
    )
    p.add_argument(
        "--scheduler",
        metavar="tcp://HOST:PORT",
        help="send the work to this Dask scheduler (see README: Running on a cluster)",
    )
    p.add_argument(
        "--work-dir",
        type=Path,
        metavar="DIR",
        help="where each report's result is kept for resuming (default: under the cache "
        "directory, ~/.cache/mapper/work)",
    )
    p.add_argument(
        "--report-timeout",
        type=_seconds,
        default=60.0,
        metavar="SECONDS",
        help="give up a report that takes longer (default 60; 0: no limit)",
    )


_FMT = argparse.RawDescriptionHelpFormatter


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of the ``mapper`` command."""
    parser = argparse.ArgumentParser(
        prog="mapper",
        description="Turn conflict news reports into geocoded places, an ACLED-style "
        "incident table and one offline HTML map.",
        epilog=_EPILOG,
        formatter_class=_FMT,
    )
    parser.add_argument("--version", action="version", version=f"mapper {__version__}")
    parser.add_argument("--debug", action="store_true", help="log details and tracebacks")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    _add_extract(sub)
    _add_map(sub)
    _add_places(sub)
    _add_geocode(sub)
    _add_gazetteer(sub)
    return parser


def _add_extract(sub: Any) -> None:
    """Add the ``extract`` command: the incident table."""
    p = sub.add_parser(
        "extract",
        help="write the incident table (GeoJSON, CSV or GeoParquet)",
        description="Extract incidents from reports and write them, one row per event.",
        epilog="example:\n  mapper extract examples -o out/incidents.geojson\n"
        "  mapper extract reports/ --format csv -o out/incidents.csv\n\n" + _EPILOG,
        formatter_class=_FMT,
    )
    _add_inputs(p)
    p.add_argument("-o", "--output", required=True, type=Path, help="output file")
    p.add_argument(
        "--format",
        choices=("geojson", "csv", "parquet"),
        help="output format (default: from the file suffix, else geojson)",
    )


def _add_map(sub: Any) -> None:
    """Add the ``map`` command: the offline HTML map."""
    p = sub.add_parser(
        "map",
        help="write one self-contained interactive HTML map",
        description="Extract incidents and write an offline HTML map (no network needed to view).",
        epilog="example:\n  mapper map examples -o out/map.html\n"
        "  mapper map reports/ -o map.html --tiles OpenStreetMap.Mapnik  # online tiles\n\n"
        + _EPILOG,
        formatter_class=_FMT,
    )
    _add_inputs(p)
    p.add_argument("-o", "--output", required=True, type=Path, help="HTML file to write")
    p.add_argument("--title", default=None, help="map title (default: from the inputs)")
    p.add_argument(
        "--tiles",
        action="append",
        default=None,
        metavar="NAME",
        help="add an online tile layer by xyzservices name (off by default: "
        "the map then loads tiles from the network)",
    )
    p.add_argument(
        "--geojson", type=Path, metavar="PATH", help="also write the incidents as GeoJSON"
    )


def _add_places(sub: Any) -> None:
    """Add the ``places`` command: place mentions (and names left unresolved)."""
    p = sub.add_parser(
        "places",
        help="print every place mention as JSON lines",
        description="Geoparse reports and print one JSON object per place mention "
        "(report, start, end, text, name, lat, lon, kind, ...).",
        epilog="example:\n  mapper places examples > out/places.jsonl\n\n" + _EPILOG,
        formatter_class=_FMT,
    )
    _add_inputs(p)
    p.add_argument("-o", "--output", type=Path, help="write here instead of stdout")
    p.add_argument(
        "--unresolved",
        action="store_true",
        help="instead, list the place-like names the gazetteer could not resolve, with counts",
    )


def _add_geocode(sub: Any) -> None:
    """Add the ``geocode`` command: offline place lookup."""
    p = sub.add_parser(
        "geocode",
        help="look up place names in the offline gazetteer",
        description="Look place names up offline; one JSON object per name on stdout.",
        epilog='example:\n  mapper geocode Stepanakert "Martuni" --all\n'
        "  mapper geocode Georgia --country US\n\n"
        "exit status: 0 every name found; 1 none found; 3 some not found",
        formatter_class=_FMT,
    )
    p.add_argument("names", nargs="+", metavar="NAME")
    p.add_argument(
        "--country", action="append", metavar="CC", help="restrict to ISO country code(s), e.g. AZ"
    )
    p.add_argument("--all", action="store_true", help="every candidate with its score")
    p.add_argument(
        "--online",
        action="store_true",
        help="ask Nominatim (1 request/s, cached on disk) for names not found offline",
    )


def _add_gazetteer(sub: Any) -> None:
    """Add the ``gazetteer`` command: building the index from packaged data and GeoNames dumps."""
    p = sub.add_parser(
        "gazetteer",
        help="build or inspect the offline gazetteer index",
        description="Build the offline gazetteer index (it is also built on first use).",
        epilog="example:\n  mapper gazetteer build\n"
        "  mapper gazetteer build --geonames allCountries.zip --geonames admin1CodesASCII.txt",
        formatter_class=_FMT,
    )
    gsub = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    b = gsub.add_parser("build", help="(re)build the index, optionally importing GeoNames dumps")
    b.add_argument(
        "--geonames",
        action="append",
        default=[],
        type=Path,
        metavar="PATH",
        help="a GeoNames dump (allCountries.zip, cities1000.zip, admin1CodesASCII.txt)",
    )


def _report_problems(problems: Sequence[object], n_ok: int, err: TextIO) -> int:
    for problem in problems:
        print(f"mapper: error: {problem.message}", file=err)
    if n_ok <= 0:
        print("mapper: error: no report could be used", file=err)
        return EXIT_NOTHING
    if problems:
        print(f"mapper: partial: {len(problems)} input(s) failed, {n_ok} report(s) used", file=err)
        return EXIT_PARTIAL
    return EXIT_OK


class _Tally:
    """What the final ``mapper: done:`` line tells."""

    def __init__(self) -> None:
        self.began = time.monotonic()
        self.progress = None
        self.reports = self.cached = self.failed = self.found = 0
        self.what = "incidents"

    def line(self) -> str:
        if self.progress is not None and not self.reports:  # interrupted: what was counted
            self.reports, self.cached = self.progress.done, self.progress.cached
            self.failed = self.progress.failed
        seconds = time.monotonic() - self.began
        return (
            f"mapper: done: {self.reports} reports ({self.cached} from cache), "
            f"{self.failed} failed, {self.found} {self.what} in {seconds:.1f} s"
        )


def _options(args: argparse.Namespace, tally: _Tally) -> dict[str, object]:
    """Keyword arguments of :func:`mapper.pipeline.run` / ``process`` from the command line."""
    from mapper.pipeline import default_workers
    from mapper.progress import make_progress

    tally.progress = make_progress(sys.stderr, quiet=args.quiet)
    return {
        "default_date": args.default_date,
        "encoding": args.encoding,
        "workers": default_workers() if args.workers is None else args.workers,
        "scheduler": args.scheduler,
        "report_timeout": args.report_timeout or None,
        "progress": tally.progress,
    }


def _work_dir(args: argparse.Namespace) -> Path:
    from mapper.workarea import default_work_dir

    return args.work_dir or default_work_dir()


def _run(args: argparse.Namespace, tally: _Tally) -> tuple[object, int]:
    """Run the pipeline on the command's inputs; return the result and the exit status so far."""
    from mapper.pipeline import run

    result = run(
        args.reports, work_dir=_work_dir(args), keep_reports=False, **_options(args, tally)
    )
    tally.reports, tally.cached = result.report_count, result.cached
    tally.failed, tally.found = len(result.problems), len(result.incidents)
    n_ok = result.report_count - result.failed_reports
    return result, _report_problems(result.problems, n_ok, sys.stderr)


def _done(args: argparse.Namespace, what: str) -> None:
    if not args.quiet:
        print(f"mapper: {what} -> {args.output}", file=sys.stderr)


def _cmd_extract(args: argparse.Namespace, tally: _Tally) -> int:
    from mapper.export import write_incidents

    fmt = args.format or {".csv": "csv", ".parquet": "parquet", ".geoparquet": "parquet"}.get(
        args.output.suffix.lower(), "geojson"
    )
    result, status = _run(args, tally)
    if status == EXIT_NOTHING:
        return status
    write_incidents(result.incidents, args.output, format=fmt)
    _done(args, f"{len(result.incidents)} incidents from {result.report_count} reports")
    return status


def _cmd_map(args: argparse.Namespace, tally: _Tally) -> int:
    from mapper.export import write_incidents
    from mapper.webmap import tile_layers, write_map

    tile_layers(args.tiles)  # an unknown tile name fails before the reports are read
    result, status = _run(args, tally)
    if status == EXIT_NOTHING:
        return status
    write_map(
        result.incidents,
        args.output,
        title=args.title or _default_title(args.reports),
        report_count=result.report_count,
        tiles=args.tiles,
    )
    if args.geojson:
        write_incidents(result.incidents, args.geojson)
    _done(args, f"map of {len(result.incidents)} incidents from {result.report_count} reports")
    return status


def _default_title(inputs: Sequence[str]) -> str:
    names = [Path(i).name or str(i) for i in inputs if i != "-"]
    return "mapper: " + (names[0] if len(names) == 1 else f"{len(inputs)} inputs")


@contextmanager
def _places_out(path: Path | None) -> Iterator[TextIO]:
    if path is None:
        yield sys.stdout
        return
    from mapper.export import atomic_path

    with atomic_path(path) as tmp, tmp.open("w", encoding="utf-8") as out:
        yield out


def _cmd_unresolved(args: argparse.Namespace, tally: _Tally) -> int:
    """``places --unresolved``: names the index could not place, most frequent first."""
    from mapper.geoparse import unresolved_names
    from mapper.pipeline import read_all

    result = read_all(args.reports, encoding=args.encoding)
    items = ((r.text, r.dateline_span, r.body_start) for r in result.reports)
    rows = [{"name": n, "count": c} for n, c in unresolved_names(items)]
    with _places_out(args.output) as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    tally.what = "unresolved names"
    tally.reports, tally.found, tally.failed = result.report_count, len(rows), len(result.problems)
    return _report_problems(result.problems, result.report_count, sys.stderr)


def _cmd_places(args: argparse.Namespace, tally: _Tally) -> int:
    from mapper.pipeline import Problem, open_work_area, process
    from mapper.reports import count_reports

    if args.unresolved:
        return _cmd_unresolved(args, tally)
    options = _options(args, tally)
    tally.what = "places"
    if tally.progress.shows:
        tally.progress.start(count_reports(args.reports))
    with open_work_area(_work_dir(args)) as area:
        try:
            ledger = process(args.reports, area, **options)
        finally:
            tally.progress.close()
        problems = list(ledger.read_problems)
        with _places_out(args.output) as out:
            for outcome in ledger.outcomes():
                if outcome.stage in ("parse", "run"):  # the places of a failed extraction stand
                    problems.append(Problem(outcome.report, outcome.problem or ""))
                for place in outcome.places:
                    out.write(json.dumps(place, ensure_ascii=False) + "\n")
                tally.found += len(outcome.places)
    tally.reports, tally.cached, tally.failed = len(ledger.keys), ledger.cached, len(problems)
    failed = len(problems) - len(ledger.read_problems)
    return _report_problems(problems, len(ledger.keys) - failed, sys.stderr)


def _cmd_geocode(args: argparse.Namespace, tally: _Tally) -> int:
    from mapper.geocoder import OfflineGeocoder

    geocoder = OfflineGeocoder(online=args.online) if args.online else OfflineGeocoder()
    found = 0
    for name in args.names:
        try:
            result = geocoder.geocode(name, exactly_one=not args.all, country_codes=args.country)
        except (MapperError, ValueError, TypeError) as err:
            print(f"mapper: error: {err}", file=sys.stderr)
            continue
        locations = [] if result is None else (result if isinstance(result, list) else [result])
        if not locations:
            print(f"mapper: not found: {name!r}", file=sys.stderr)
            continue
        found += 1
        for loc in locations:
            row = {"query": name, "name": loc.address, "lat": loc.latitude, "lon": loc.longitude}
            row.update({k: v for k, v in (loc.raw or {}).items() if k not in row})
            print(json.dumps(row, ensure_ascii=False, default=str))
    if found == len(args.names):
        return EXIT_OK
    return EXIT_NOTHING if found == 0 else EXIT_PARTIAL


def _cmd_gazetteer(args: argparse.Namespace, tally: _Tally) -> int:
    from mapper.gazetteer import build_index

    path = build_index(geonames_paths=tuple(args.geonames))
    print(f"mapper: gazetteer index at {path}", file=sys.stderr)
    return EXIT_OK


_COMMANDS = {
    "extract": _cmd_extract,
    "map": _cmd_map,
    "places": _cmd_places,
    "geocode": _cmd_geocode,
    "gazetteer": _cmd_gazetteer,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``mapper`` command; return its exit status.

    Examples
    --------
    >>> main(["geocode", "Stepanakert"])  # doctest: +ELLIPSIS
    {"query": "Stepanakert", "name": "Stepanakert...", "lat": 39.8177, "lon": 46.7528, ...}
    0
    """
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.debug else logging.WARNING,
        format="mapper: %(levelname)s: %(message)s",
    )
    tally = _Tally()
    try:
        return _COMMANDS[args.command](args, tally)
    except KeyboardInterrupt:
        print("mapper: interrupted", file=sys.stderr)
        return 130
    except (MapperError, OSError) as err:
        if args.debug:
            raise
        print(f"mapper: error: {err}", file=sys.stderr)
        return EXIT_NOTHING
    finally:
        if args.command in ("extract", "map", "places"):
            print(tally.line(), file=sys.stderr, flush=True)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
