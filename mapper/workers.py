"""Where the per-report work runs: this process, worker processes, or a Dask cluster.

Every engine takes batches of :class:`Job` and yields ``(job, outcome)`` pairs
as they finish, in any order; the caller stores them and puts them back in
input order. The work itself is one function, ``work(reports, default_date)``,
yielding one outcome per report in order (:func:`mapper.pipeline._process_batch`).

No report can stall a run. A worker that goes ``budget`` seconds without
finishing a report is killed and started again; the reports of its batch that
were not done are redone one at a time, each with the full budget, and the one
that runs over is given up as *timed out*. Killing a process is the only way to
stop a report stuck inside spaCy's compiled code, so with one worker too the
work runs in a child process; only ``workers=0`` runs it in this process, where
the budget relies on ``SIGALRM`` and cannot interrupt compiled code.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from multiprocessing import Pipe
from multiprocessing.connection import Connection, wait
from typing import Any, NamedTuple

from mapper.errors import MapperError

__all__ = ["Job", "Failure", "Work", "run_inline", "LocalPool"]

logger = logging.getLogger(__name__)

#: ``work(reports, default_date)`` -> one outcome per report, in order.
Work = Callable[[Sequence[Any], Any], Iterator[Any]]
#: Builds the outcome of a report that failed outside ``work``: (report, message, transient).
Failure = Callable[[Any, str, bool], Any]

# Messages from a worker process.
_READY, _OUTCOME, _END, _BROKE, _FATAL = "ready", "outcome", "end", "broke", "fatal"


class Job(NamedTuple):
    """One report to process, with the key its result is stored under."""

    key: str
    report: Any


def _budget_message(report: Any, budget: float) -> str:
    return f"timed out on {report.id!r}: over the {budget:g} s budget for one report"


# --------------------------------------------------------------------------- in this process


class _Alarm(Exception):
    """Raised by the SIGALRM handler when a report runs over its budget."""


@contextlib.contextmanager
def _alarm(budget: float | None) -> Iterator[Callable[[], None]]:
    """Raise :class:`_Alarm` after ``budget`` s without a call to the yielded ``reset``."""
    usable = budget and threading.current_thread() is threading.main_thread()
    if not usable:
        yield lambda: None
        return

    def ring(signum: int, frame: object) -> None:
        raise _Alarm

    previous = signal.signal(signal.SIGALRM, ring)
    reset = lambda: signal.setitimer(signal.ITIMER_REAL, budget)  # noqa: E731
    reset()
    try:
        yield reset
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def run_inline(
    batches: Iterable[list[Job]],
    work: Work,
    *,
    default_date: Any,
    budget: float | None,
    failure: Failure,
) -> Iterator[tuple[Job, Any]]:
    """Run every batch in this process; a report over ``budget`` s is given up (best effort).

    Examples
    --------
    >>> from types import SimpleNamespace as NS
    >>> def work(reports, default_date):
    ...     return (r.id.upper() for r in reports)
    >>> jobs = [Job("k1", NS(id="a")), Job("k2", NS(id="b"))]
    >>> [(j.key, out) for j, out in run_inline([jobs], work, default_date=None, budget=5,
    ...                                         failure=None)]
    [('k1', 'A'), ('k2', 'B')]
    """
    queue: deque[list[Job]] = deque()
    for batch in batches:
        queue.append(batch)
        while queue:
            pending = queue.popleft()
            done: list[tuple[Job, Any]] = []
            try:
                with _alarm(budget) as reset:
                    for outcome in work([j.report for j in pending], default_date):
                        done.append((pending[len(done)], outcome))
                        reset()
            except _Alarm:
                rest = pending[len(done) :]
                if not rest:  # the alarm rang as the batch ended
                    pass
                elif len(rest) == 1:
                    why = _budget_message(rest[0].report, budget)
                    done.append((rest[0], failure(rest[0].report, why, True)))
                    queue.extend([j] for j in rest[1:])
                else:  # which report of the batch was slow is not known: redo them one by one
                    queue.extend([j] for j in rest)
            yield from done


# --------------------------------------------------------------------------- worker processes


def _die_with_parent() -> None:
    """Ask Linux to kill this process when the thread that forked it dies."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux: the worker ends at its next send instead
        pass


def _rss_mb() -> float:
    """Return this process's resident memory in MB (0 where /proc is missing)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        return 0.0


def _serve(conn: Connection, work: Work, warm_up: Sequence[Any], die_with_parent: bool) -> None:
    """Serve as a worker process: batches in, one outcome per report out."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    if die_with_parent:
        _die_with_parent()
    try:
        for _ in work(warm_up, None):  # load the model and the gazetteer once, before any budget
            pass
    except Exception as err:  # noqa: BLE001 - e.g. the model is missing: fatal for the run
        conn.send((_FATAL, f"{type(err).__name__}: {err}"))
        return
    conn.send((_READY, _rss_mb()))
    while True:
        try:
            message = conn.recv()
        except EOFError:
            return
        if message is None:
            return
        reports, default_date = message
        try:
            for outcome in work(reports, default_date):
                conn.send((_OUTCOME, outcome))
        except Exception as err:  # noqa: BLE001 - the batch function itself broke
            conn.send((_BROKE, f"{type(err).__name__}: {err}"))
            continue
        conn.send((_END, _rss_mb()))


class _Worker:
    """One forked worker process and the jobs it was sent but has not answered."""

    def __init__(self, work: Work, warm_up: Sequence[Any]) -> None:
        parent, child = Pipe()
        # os.fork rather than multiprocessing.Process: it also works inside a daemonic
        # Dask worker, and the child shares the parent's loaded modules.
        die_with_parent = threading.current_thread() is threading.main_thread()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child; coverage does not follow forks
            parent.close()
            code = 0
            try:
                _serve(child, work, warm_up, die_with_parent)
            except BaseException:  # noqa: BLE001 - never run the parent's code in the child
                code = 1
            finally:
                os._exit(code)
        child.close()
        self.pid, self.conn = pid, parent
        self.ready = False
        self.memory_limit = float("inf")  # MB; set once the model is loaded
        self.busy = False  # a batch was sent and its end not yet received
        self.jobs: list[Job] = []
        self.single = False
        self.deadline = float("inf")

    def send(self, jobs: list[Job], default_date: Any, budget: float | None) -> None:
        self.jobs, self.single, self.busy = list(jobs), len(jobs) == 1, True
        self.conn.send(([j.report for j in jobs], default_date))
        self.deadline = time.monotonic() + budget if budget else float("inf")

    def kill(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGKILL)
        with contextlib.suppress(ChildProcessError):
            os.waitpid(self.pid, 0)
        self.conn.close()

    def stop(self) -> None:
        """Ask the worker to finish; kill it if it does not within a few seconds."""
        with contextlib.suppress(OSError):
            self.conn.send(None)
        end = time.monotonic() + 5
        while time.monotonic() < end:
            try:
                done = os.waitpid(self.pid, os.WNOHANG)[0]
            except ChildProcessError:  # already reaped
                done = True
            if done:
                self.conn.close()
                return
            time.sleep(0.02)
        self.kill()


class LocalPool:
    """``workers`` forked processes, each loading the model and the gazetteer once.

    The processes start on the first :meth:`run` and live until :meth:`close`,
    so several runs share them.

    Parameters
    ----------
    work : callable
        ``work(reports, default_date)``, yielding one outcome per report in order.
    workers : int
        Number of processes.
    budget : float or None
        Seconds a worker may spend on one report.
    failure : callable
        ``failure(report, message, transient)`` builds the outcome of a report
        that timed out or whose worker died.
    warm_up : sequence of Report
        Processed once by each new worker, outside any budget.
    recycle : float or None
        A worker whose memory has grown to ``recycle`` times what it was once
        the model was loaded is replaced after its batch (the model's and the
        gazetteer's caches grow with the words of the reports), so memory
        stays flat however long the input. None: never.
    """

    def __init__(
        self,
        work: Work,
        *,
        workers: int,
        budget: float | None,
        failure: Failure,
        warm_up: Sequence[Any] = (),
        recycle: float | None = 2.0,
    ) -> None:
        self.work, self.size, self.budget = work, max(1, workers), budget
        self.failure, self.warm_up, self.recycle = failure, list(warm_up), recycle
        self.workers: list[_Worker] = []

    def __enter__(self) -> LocalPool:
        """Return the pool itself."""
        return self

    def __exit__(self, *exc: object) -> None:
        """Stop every worker."""
        self.close()

    def close(self) -> None:
        """Stop every worker process."""
        for w in self.workers:
            w.stop()
        self.workers = []

    def _spawn(self) -> _Worker:
        return _Worker(self.work, self.warm_up)

    def run(self, batches: Iterable[list[Job]], *, default_date: Any) -> Iterator[tuple[Job, Any]]:
        """Yield ``(job, outcome)`` for every job of every batch, as they finish."""
        source = iter(batches)
        first = next(source, None)
        if first is None:  # nothing to do: start no process
            return
        source = itertools.chain([first], source)
        retry: deque[list[Job]] = deque()  # reports of a batch that ran over, one by one
        workers = self.workers
        workers.extend(self._spawn() for _ in range(self.size - len(workers)))
        exhausted = False
        try:
            while True:
                for w in workers:
                    if w.ready and not w.busy and (retry or not exhausted):
                        batch = retry.popleft() if retry else next(source, None)
                        if batch is None:
                            exhausted = True
                        else:
                            w.send(batch, default_date, self.budget)
                if exhausted and not retry and not any(w.busy for w in workers):
                    return
                busy = [w for w in workers if w.busy or not w.ready]
                if not busy:  # pragma: no cover - an idle worker always takes what is left
                    continue
                timeout = max(0.0, min(w.deadline for w in busy) - time.monotonic())
                for conn in wait([w.conn for w in busy], timeout=min(timeout, 3600)):
                    w = next(w for w in workers if w.conn is conn)
                    yield from self._receive(w, retry)
                for w in list(workers):
                    if w.jobs and time.monotonic() > w.deadline:
                        yield from self._overrun(w, retry)
        finally:  # a worker still busy holds stale answers: replace it
            for w in [w for w in workers if w.busy]:
                w.kill()
                workers.remove(w)

    def _replace(self, w: _Worker) -> None:
        w.kill()
        self.workers[self.workers.index(w)] = self._spawn()

    def _receive(self, w: _Worker, retry: deque[list[Job]]) -> Iterator[tuple[Job, Any]]:
        try:
            message = w.conn.recv()
        except (EOFError, OSError):  # the worker died (out of memory, a crash in C code)
            if not w.ready:
                w.kill()
                self.workers.remove(w)
                raise MapperError("a worker process died while loading the model") from None
            yield from self._give_up(
                w, retry, lambda r: f"cannot process {r.id!r}: its worker process died"
            )
            return
        kind = message[0]
        if kind == _READY:
            w.ready = True
            if self.recycle and message[1]:
                w.memory_limit = self.recycle * message[1]
        elif kind == _OUTCOME:
            yield w.jobs.pop(0), message[1]
            w.deadline = time.monotonic() + self.budget if self.budget else float("inf")
        elif kind == _BROKE:
            for job in w.jobs:
                text = f"cannot process {job.report.id!r}: {message[1]}"
                yield job, self.failure(job.report, text, False)
            w.jobs, w.busy = [], False
        elif kind == _END:
            w.busy = False
            if message[1] > w.memory_limit:  # caches grew: start afresh, memory stays flat
                logger.debug("worker %d at %.0f MB: replaced", w.pid, message[1])
                w.stop()
                self.workers[self.workers.index(w)] = self._spawn()
        elif kind == _FATAL:
            w.kill()
            self.workers.remove(w)
            raise MapperError(f"a worker process could not start: {message[1]}")

    def _overrun(self, w: _Worker, retry: deque[list[Job]]) -> Iterator[tuple[Job, Any]]:
        logger.debug("worker %d over its budget; killed", w.pid)
        yield from self._give_up(w, retry, lambda r: _budget_message(r, self.budget))

    def _give_up(
        self, w: _Worker, retry: deque[list[Job]], why: Callable[[Any], str]
    ) -> Iterator[tuple[Job, Any]]:
        """Replace ``w``; a single report is given up, a batch is redone one report at a time."""
        jobs, single = w.jobs, w.single
        w.jobs, w.busy = [], False
        self._replace(w)
        if single:
            yield jobs[0], self.failure(jobs[0].report, why(jobs[0].report), True)
        else:  # which report of the batch is to blame is not known
            retry.extend([j] for j in jobs)
