"""The whole job in one call: reports -> toponyms -> incidents -> consolidated incidents.

The CLI and notebooks share this; each stage lives in its own module. A run
has two phases. First the reports are read lazily and processed in batches
(:func:`_process_batch`, in this process, in worker processes or on a Dask
cluster: :mod:`mapper.workers`, :mod:`mapper.cluster`); each report's outcome
is stored in the work area (:mod:`mapper.workarea`) as it comes, so memory
stays flat and a killed run goes on where it stopped. Then the outcomes are
read back in input order and consolidated, so the output is the same whatever
the number of workers.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import pickle
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mapper.errors import ReportReadError
from mapper.progress import LineProgress, Progress
from mapper.reports import Report, count_reports, read_reports
from mapper.workarea import WorkArea, pipeline_version, report_key
from mapper.workers import Job, LocalPool, run_inline

__all__ = [
    "Problem",
    "ReportOutcome",
    "RunResult",
    "Processed",
    "read_all",
    "run",
    "process",
    "open_work_area",
    "iter_places",
    "default_workers",
]

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Problem:
    """An input that could not be used, and why."""

    input: str
    message: str


@dataclass(frozen=True, slots=True)
class ReportOutcome:
    """What one report gave: its incidents and place mentions, or why it failed.

    A pure function of the report, the run's default date and the pipeline
    version (except when ``transient``: a timeout or a crashed worker, which
    are not stored).
    ``stage`` names the step that failed: ``"parse"``, ``"extract"`` (the
    places are still there) or ``"run"`` (timed out, or its worker died).
    """

    report: str
    incidents: tuple[Any, ...] = ()
    places: tuple[dict[str, Any], ...] = ()
    problem: str | None = None
    stage: str | None = None
    transient: bool = False


@dataclass(slots=True)
class RunResult:
    """What a run produced: the reports read, the incidents, and the inputs that failed.

    ``reports`` holds every report only when the run was asked to keep them
    (the default for :func:`run`); ``report_count`` is always set.
    """

    reports: list[Report] = field(default_factory=list)
    incidents: list[Any] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    report_count: int = 0
    cached: int = 0
    failed_reports: int = 0
    seconds: float = 0.0

    @property
    def date_range(self) -> tuple[str, str] | None:
        """First and last ``event_date`` of the current (non-background) incidents."""
        dates = sorted(i.event_date for i in self.incidents if i.event_date and not i.background)
        return (dates[0], dates[-1]) if dates else None


def read_all(inputs: Iterable[str | Path], *, encoding: str = "utf-8") -> RunResult:
    """Read every input; those that fail become :class:`Problem` entries, not exceptions.

    Examples
    --------
    >>> result = read_all(["no/such/folder"])
    >>> result.reports, [p.message for p in result.problems]
    ([], ["cannot read 'no/such/folder': no such file or folder"])
    """
    result = RunResult()

    def failed(err: ReportReadError) -> None:
        result.problems.append(Problem(input=_input_name(str(err)), message=str(err)))

    result.reports.extend(read_reports(inputs, encoding=encoding, on_error=failed))
    result.report_count = len(result.reports)
    return result


def _input_name(message: str) -> str:
    # Messages read "cannot read 'NAME': why".
    if message.startswith("cannot read '"):
        return message[len("cannot read '") :].split("'", 1)[0]
    return message


def default_workers() -> int:
    """Return the number of cores this process may use (the CLI's default ``--workers``).

    >>> default_workers() >= 1
    True
    """
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


# ----------------------------------------------------------------------------- one batch

#: Processed once by every new worker, outside any budget: loads the model and gazetteer.
_WARM_UP = (
    Report(
        id="warm-up", path=None, text="Artillery shelled Stepanakert on Sunday, officials said."
    ),
)
#: A batch holds at most this many reports and characters, so long reports travel alone.
BATCH_REPORTS = 16
BATCH_CHARS = 200_000


def _place_rows(report: Report, toponyms: Sequence[Any]) -> tuple[dict[str, Any], ...]:
    """One row per toponym mention, as ``mapper places`` prints them."""
    return tuple(
        {
            "report": report.id,
            "start": t.start,
            "end": t.end,
            "text": t.text,
            "name": t.name,
            "lat": t.lat,
            "lon": t.lon,
            "kind": t.kind,
            "geonameid": t.geonameid,
            "country_code": t.country_code,
            "confidence": round(t.confidence, 3),
            "adjectival": t.adjectival,
            "dateline": t.dateline,
        }
        for t in toponyms
    )


def _process_batch(
    reports: Sequence[Report], default_date: dt.date | None
) -> Iterator[ReportOutcome]:
    """Geoparse and extract one batch: the one function that calls geoparse and incidents.

    The reports go through spaCy together; if that fails, one at a time, so a
    report that breaks the parser costs only itself. Yields one outcome per
    report, in order; a failure is an outcome naming its ``stage``.
    """
    from mapper.geoparse import parse, parse_many, toponyms
    from mapper.incidents import extract_incidents

    def outcome(report: Report, doc: Any) -> ReportOutcome:
        if doc._.skimmed:
            logger.warning(
                "%s: %s characters of text that is not prose (lists, tables, symbols) "
                "were not searched for place names",
                report.id,
                f"{sum(e - s for s, e in doc._.skimmed):,}",
            )
        places = _place_rows(report, toponyms(doc, text=report.text))
        try:
            found = extract_incidents(report, doc, default_date=default_date)
        except Exception as err:  # noqa: BLE001 - one report's failure must not lose the others
            logger.debug("extraction failed for %s", report.id, exc_info=True)
            why = f"cannot extract from {report.id!r}: {type(err).__name__}: {err}"
            return ReportOutcome(report.id, places=places, problem=why, stage="extract")
        return ReportOutcome(report.id, tuple(found), places)

    done = 0
    try:
        parsed = parse_many((r.text, r.dateline_span, r.body_start) for r in reports)
        for report, doc in zip(reports, parsed, strict=True):
            done += 1
            yield outcome(report, doc)
        return
    except Exception:  # noqa: BLE001 - redone one by one below, each failure named
        logger.debug("batched parsing failed; parsing one report at a time", exc_info=True)
    for report in reports[done:]:
        try:
            doc = parse(
                report.text, dateline_span=report.dateline_span, body_start=report.body_start
            )
        except Exception as err:  # noqa: BLE001 - named on stderr, the others go on
            logger.debug("parsing failed for %s", report.id, exc_info=True)
            why = f"cannot parse {report.id!r}: {err}"
            yield ReportOutcome(report.id, problem=why, stage="parse")
            continue
        yield outcome(report, doc)


def _failure(report: Report, message: str, transient: bool) -> ReportOutcome:
    """Return the outcome of a report that ran over its budget or lost its worker."""
    return ReportOutcome(report.id, problem=message, stage="run", transient=transient)


def _batches(
    jobs: Iterable[Job], *, size: int = BATCH_REPORTS, chars: int = BATCH_CHARS
) -> Iterator[list[Job]]:
    """Group jobs into batches of at most ``size`` reports and ``chars`` characters.

    >>> from types import SimpleNamespace as NS
    >>> jobs = [Job(str(n), NS(text="x" * n)) for n in (5, 5, 20, 1)]
    >>> [[j.key for j in b] for b in _batches(jobs, size=3, chars=12)]
    [['5', '5'], ['20'], ['1']]
    """
    batch: list[Job] = []
    length = 0
    for job in jobs:
        if batch and (len(batch) >= size or length + len(job.report.text) > chars):
            yield batch
            batch, length = [], 0
        batch.append(job)
        length += len(job.report.text)
    if batch:
        yield batch


# ----------------------------------------------------------------------------- phase one


@dataclass(slots=True)
class Processed:
    """What phase one leaves: one result key per report read, in input order.

    Attributes
    ----------
    area : WorkArea
        Where the results are.
    keys : list of str
        One per report read, in input order (repeated for a repeated report).
    read_problems : list of Problem
        Inputs that could not be read.
    reports : list of Report
        The reports, when asked to keep them.
    transient : dict
        Outcomes that are not stored (timeouts), by key.
    cached : int
        Reports whose result was already there.
    """

    area: WorkArea
    keys: list[str] = field(default_factory=list)
    read_problems: list[Problem] = field(default_factory=list)
    reports: list[Report] = field(default_factory=list)
    transient: dict[str, ReportOutcome] = field(default_factory=dict)
    cached: int = 0

    def outcomes(self) -> Iterator[ReportOutcome]:
        """Yield every report's outcome in input order, read back from the work area."""
        for key in self.keys:
            outcome = self.transient.get(key)
            if outcome is None:
                blob = self.area.get(key)
                outcome = pickle.loads(blob) if blob is not None else None
            if outcome is None:  # pragma: no cover - phase one stores every result
                outcome = ReportOutcome(key[:12], problem=f"result {key[:12]} lost", stage="run")
            yield outcome


def _new_jobs(
    reports: Iterable[Report],
    ledger: Processed,
    default_date: dt.date | None,
    progress: Progress,
    keep_reports: bool,
) -> Iterator[Job]:
    """Key every report; yield those whose result is not stored yet."""
    seen: set[str] = set()
    for report in reports:
        key = report_key(report, default_date, ledger.area.version)
        ledger.keys.append(key)
        if keep_reports:
            ledger.reports.append(report)
        if key in seen or key in ledger.area:
            ledger.cached += 1
            progress.advance(cached=True)
            continue
        seen.add(key)
        yield Job(key, report)


def _engine(
    batches: Iterable[list[Job]],
    *,
    workers: int,
    scheduler: str | None,
    default_date: dt.date | None,
    budget: float | None,
) -> Iterator[tuple[Job, ReportOutcome]]:
    """Run the batches where asked: a Dask cluster, worker processes, or this process."""
    common = {"default_date": default_date, "budget": budget, "failure": _failure}
    if scheduler:
        from mapper.cluster import run_dask

        yield from run_dask(batches, _process_batch, address=scheduler, warm_up=_WARM_UP, **common)
    elif workers <= 0:
        yield from run_inline(batches, _process_batch, **common)
    else:
        pool = LocalPool(
            _process_batch, workers=workers, budget=budget, failure=_failure, warm_up=_WARM_UP
        )
        with pool:
            yield from pool.run(batches, default_date=default_date)


def process(
    inputs: Iterable[str | Path],
    area: WorkArea,
    *,
    default_date: dt.date | None = None,
    encoding: str = "utf-8",
    workers: int = 0,
    scheduler: str | None = None,
    report_timeout: float | None = 60.0,
    progress: Progress | None = None,
    keep_reports: bool = False,
) -> Processed:
    """Phase one: read the reports lazily and store each one's outcome in ``area``.

    Reports already in the work area are not processed again. Parameters are
    those of :func:`run`.
    """
    progress = progress or Progress()
    ledger = Processed(area=area)

    def failed(err: ReportReadError) -> None:
        ledger.read_problems.append(Problem(input=_input_name(str(err)), message=str(err)))
        progress.failed += 1

    reports = read_reports(inputs, encoding=encoding, on_error=failed)
    jobs = _new_jobs(reports, ledger, default_date, progress, keep_reports)
    done = _engine(
        _batches(jobs),
        workers=workers,
        scheduler=scheduler,
        default_date=default_date,
        budget=report_timeout or None,
    )
    for job, outcome in done:
        if outcome.transient:
            ledger.transient[job.key] = outcome
        else:
            area.put(job.key, outcome.report, pickle.dumps(outcome, protocol=5))
        progress.advance(failed=outcome.problem is not None)
    return ledger


# ----------------------------------------------------------------------------- a whole run


class _Say(LineProgress):
    """Progress for a ``say(message)`` callback, as :func:`run` took before."""

    def __init__(self, say: Callable[[str], None]) -> None:
        super().__init__(stream=None, every=2.0)  # type: ignore[arg-type]
        self.say = say

    def _line(self, now: float) -> None:
        self.say(f"processed reports {self.done}/{self.total if self.total is not None else '?'}")


def _progress_for(progress: Any, inputs: Sequence[str | Path]) -> Progress:
    if progress is None:
        return Progress()
    shown = progress if isinstance(progress, Progress) else _Say(progress)
    if shown.shows:
        shown.start(count_reports(inputs))
    return shown


def open_work_area(work_dir: str | Path | None) -> Any:
    """Return the work area in ``work_dir`` for this pipeline version, or a temporary one.

    Use it as a context manager; a temporary work area is deleted on exit.
    """
    if work_dir is not None:
        return WorkArea(work_dir, pipeline_version())
    return _TemporaryWorkArea()


class _TemporaryWorkArea:
    def __enter__(self) -> WorkArea:
        self.tmp = tempfile.TemporaryDirectory(prefix="mapper-work-")
        self.area = WorkArea(self.tmp.name, "temporary")
        return self.area

    def __exit__(self, *exc: object) -> None:
        self.area.close()
        self.tmp.cleanup()


def run(
    inputs: Iterable[str | Path],
    *,
    default_date: dt.date | None = None,
    encoding: str = "utf-8",
    progress: Callable[[str], None] | Progress | None = None,
    workers: int = 0,
    scheduler: str | None = None,
    work_dir: str | Path | None = None,
    report_timeout: float | None = 60.0,
    keep_reports: bool = True,
) -> RunResult:
    """Read reports and turn them into consolidated incidents.

    Parameters
    ----------
    inputs : iterable of str or Path
        Files, folders or ``"-"`` for stdin.
    default_date : datetime.date, optional
        Publication date for reports that carry none.
    encoding : str
        Encoding of the input files.
    progress : callable or Progress, optional
        A :class:`~mapper.progress.Progress`, or a callable that receives
        short progress messages.
    workers : int
        Worker processes (0: work in this process, where the time budget
        cannot interrupt compiled code).
    scheduler : str, optional
        Address of a Dask scheduler (``tcp://host:port``) to send the work to.
    work_dir : str or Path, optional
        Keep each report's result here and reuse it in later runs; by default
        a temporary work area, deleted at the end.
    report_timeout : float or None
        Seconds one report may take; a report over it is named as failed.
    keep_reports : bool
        Keep every :class:`Report` in the result (memory grows with the input).

    Returns
    -------
    RunResult
        Reports, consolidated incidents and the inputs that could not be used;
        one bad input never stops the others.
    """
    from mapper.consolidate import consolidate

    began = time.monotonic()
    inputs = list(inputs)
    shown = _progress_for(progress, inputs)
    with open_work_area(work_dir) as area:
        try:
            ledger = process(
                inputs,
                area,
                default_date=default_date,
                encoding=encoding,
                workers=workers,
                scheduler=scheduler,
                report_timeout=report_timeout,
                progress=shown,
                keep_reports=keep_reports,
            )
        finally:
            shown.close()
        result = RunResult(
            reports=ledger.reports,
            problems=list(ledger.read_problems),
            report_count=len(ledger.keys),
            cached=ledger.cached,
        )
        found: list[Any] = []
        for outcome in ledger.outcomes():
            if outcome.problem:
                result.problems.append(Problem(outcome.report, outcome.problem))
                result.failed_reports += 1
            found.extend(outcome.incidents)
    result.incidents = consolidate(found)
    result.seconds = time.monotonic() - began
    return result


def iter_places(
    reports: Iterable[Report],
    *,
    progress: Callable[[str], None] | None = None,
    problems: list[Problem] | None = None,
) -> Iterator[dict[str, Any]]:
    """Yield one dict per toponym mention: report, start, end, text, name, lat, lon, kind, ...

    Works in this process; ``mapper places`` uses :func:`process` instead.

    Examples
    --------
    >>> from mapper.reports import parse_text_report
    >>> r = parse_text_report("Shelling hit Stepanakert.", report_id="a.txt")
    >>> [(p["report"], p["text"], round(p["lat"], 1)) for p in iter_places([r])]
    [('a.txt', 'Stepanakert', 39.8)]
    """
    problems = [] if problems is None else problems  # reports the parser could not take
    shown = _Say(progress) if progress else Progress()
    for batch in _batches(Job("", r) for r in reports):
        for outcome in _process_batch([j.report for j in batch], None):
            if outcome.stage in ("parse", "run"):
                problems.append(Problem(outcome.report, outcome.problem or ""))
            yield from outcome.places
            shown.advance()
