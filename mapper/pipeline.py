"""The whole job in one call: reports -> toponyms -> incidents -> consolidated incidents.

The CLI and notebooks share this; each stage lives in its own module.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mapper.errors import ReportReadError
from mapper.reports import Report, read_reports

__all__ = ["Problem", "RunResult", "read_all", "run", "iter_places"]

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Problem:
    """An input that could not be used, and why."""

    input: str
    message: str


@dataclass(slots=True)
class RunResult:
    """What a run produced: the reports read, the incidents, and the inputs that failed."""

    reports: list[Report] = field(default_factory=list)
    incidents: list[Any] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def date_range(self) -> tuple[str, str] | None:
        """First and last ``event_date`` of the current (non-background) incidents."""
        dates = sorted(i.event_date for i in self.incidents if i.event_date and not i.background)
        return (dates[0], dates[-1]) if dates else None


class _Progress:
    """Prints 'n/total' on a callback at most every ``every`` seconds."""

    def __init__(self, say: Callable[[str], None] | None, every: float = 2.0) -> None:
        self.say = say
        self.every = every
        self.last = time.monotonic()

    def __call__(self, done: int, total: int, what: str) -> None:
        now = time.monotonic()
        if self.say and (now - self.last >= self.every or done == total):
            self.last = now
            self.say(f"{what} {done}/{total}")


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
    return result


def _input_name(message: str) -> str:
    # Messages read "cannot read 'NAME': why".
    if message.startswith("cannot read '"):
        return message[len("cannot read '") :].split("'", 1)[0]
    return message


def _parse_reports(
    reports: list[Report], progress: _Progress, problems: list[Problem]
) -> Iterator[tuple[Report, Any, list[Any]]]:
    """Yield (report, spaCy doc, toponyms) for each report, batched through spaCy.

    If the batch fails, the rest are parsed one by one, so one report that
    breaks the parser costs only itself; it is added to ``problems``.
    """
    from mapper.geoparse import parse, parse_many, toponyms

    done = 0
    try:
        items = ((r.text, r.dateline_span) for r in reports)
        for report, doc in zip(reports, parse_many(items), strict=True):
            done += 1
            progress(done, len(reports), "parsed reports")
            yield report, doc, toponyms(doc, text=report.text)
        return
    except Exception:  # noqa: BLE001 - redone one by one below, each failure named
        logger.debug("batched parsing failed; parsing one report at a time", exc_info=True)
    for report in reports[done:]:
        done += 1
        try:
            doc = parse(report.text, dateline_span=report.dateline_span)
        except Exception as err:  # noqa: BLE001 - named on stderr, the others go on
            logger.debug("parsing failed for %s", report.id, exc_info=True)
            problems.append(Problem(report.id, f"cannot parse {report.id!r}: {err}"))
            continue
        progress(done, len(reports), "parsed reports")
        yield report, doc, toponyms(doc, text=report.text)


def run(
    inputs: Iterable[str | Path],
    *,
    default_date: dt.date | None = None,
    encoding: str = "utf-8",
    progress: Callable[[str], None] | None = None,
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
    progress : callable, optional
        Receives short progress messages (the CLI prints them on stderr).

    Returns
    -------
    RunResult
        Reports, consolidated incidents and the inputs that could not be used;
        one bad input never stops the others.
    """
    from mapper.consolidate import consolidate
    from mapper.incidents import extract_incidents

    result = read_all(inputs, encoding=encoding)
    found = []
    parsed = _parse_reports(result.reports, _Progress(progress), result.problems)
    for report, doc, _toponyms in parsed:
        try:
            found.extend(extract_incidents(report, doc, default_date=default_date))
        except Exception as err:  # noqa: BLE001 - one report's failure must not lose the others
            logger.debug("extraction failed for %s", report.id, exc_info=True)
            result.problems.append(
                Problem(
                    report.id, f"cannot extract from {report.id!r}: {type(err).__name__}: {err}"
                )
            )
    result.incidents = consolidate(found)
    return result


def iter_places(
    reports: Iterable[Report],
    *,
    progress: Callable[[str], None] | None = None,
    problems: list[Problem] | None = None,
) -> Iterator[dict[str, Any]]:
    """Yield one dict per toponym mention: report, start, end, text, name, lat, lon, kind, ...

    Examples
    --------
    >>> from mapper.reports import parse_text_report
    >>> r = parse_text_report("Shelling hit Stepanakert.", report_id="a.txt")
    >>> [(p["report"], p["text"], round(p["lat"], 1)) for p in iter_places([r])]
    [('a.txt', 'Stepanakert', 39.8)]
    """
    problems = [] if problems is None else problems  # reports the parser could not take
    for report, _doc, toponyms in _parse_reports(list(reports), _Progress(progress), problems):
        for t in toponyms:
            yield {
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
