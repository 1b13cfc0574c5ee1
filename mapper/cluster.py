"""Run the per-report work on a Dask distributed cluster.

The client sends batches of reports to the scheduler as tasks and gets one
outcome per report back; consolidation stays local. On each Dask worker a
:class:`Guard` plugin keeps one forked :class:`~mapper.workers.LocalPool`
process, which loads the model once and enforces the per-report budget (a Dask
task runs in a thread, and a thread stuck in compiled code cannot be stopped).
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from distributed import Client, as_completed, get_worker
from distributed.diagnostics.plugin import WorkerPlugin

from mapper.workers import Failure, Job, LocalPool, Work

__all__ = ["Guard", "run_dask"]


class Guard(WorkerPlugin):
    """Dask worker plugin: one forked mapper worker process per Dask worker.

    Parameters
    ----------
    work, budget, failure, warm_up
        As for :class:`~mapper.workers.LocalPool`.
    """

    name = "mapper-guard"

    def __init__(
        self, work: Work, budget: float | None, failure: Failure, warm_up: Sequence[Any] = ()
    ) -> None:
        self.work, self.budget, self.failure, self.warm_up = work, budget, failure, list(warm_up)
        self.pool: LocalPool | None = None
        self.lock: threading.Lock | None = None

    def __getstate__(self) -> dict[str, Any]:
        """Send only the settings; the pool and its lock are made on the worker."""
        return {
            "work": self.work,
            "budget": self.budget,
            "failure": self.failure,
            "warm_up": self.warm_up,
        }

    def __setstate__(self, state: dict[str, Any]) -> None:
        """Rebuild the plugin from its settings."""
        self.__init__(**state)

    def setup(self, worker: Any) -> None:
        """Prepare the pool; its process starts with the first batch."""
        self.lock = threading.Lock()
        self.pool = LocalPool(
            self.work, workers=1, budget=self.budget, failure=self.failure, warm_up=self.warm_up
        )

    def teardown(self, worker: Any) -> None:
        """Stop the worker process."""
        if self.pool is not None:
            self.pool.close()

    def run_batch(self, reports: list[Any], default_date: Any) -> list[Any]:
        """Process one batch in the forked process; one outcome per report, in order."""
        jobs = [Job(str(i), r) for i, r in enumerate(reports)]
        with self.lock:  # one batch at a time through the one process
            done = dict(self.pool.run([jobs], default_date=default_date))
        return [done[j] for j in jobs]


def _remote_batch(reports: list[Any], default_date: Any) -> list[Any]:
    """Run one batch as a Dask task, through this worker's :class:`Guard`."""
    return get_worker().plugins[Guard.name].run_batch(reports, default_date)


def run_dask(
    batches: Iterable[list[Job]],
    work: Work,
    *,
    address: str,
    default_date: Any,
    budget: float | None,
    failure: Failure,
    warm_up: Sequence[Any] = (),
) -> Iterator[tuple[Job, Any]]:
    """Send every batch to the Dask scheduler at ``address``; yield results as they come.

    At most two batches per Dask worker thread are in flight, so the reports
    are read no faster than the cluster takes them.
    """
    with Client(address, set_as_default=False) as client:
        client.register_plugin(Guard(work, budget, failure, warm_up), name=Guard.name)
        slots = 2 * max(1, sum(client.nthreads().values()))
        source = iter(batches)
        running: dict[Any, list[Job]] = {}

        def submit() -> Any:
            batch = next(source, None)
            if not batch:
                return None
            reports = [j.report for j in batch]
            future = client.submit(_remote_batch, reports, default_date, pure=False)
            running[future] = batch
            return future

        first = [f for f in (submit() for _ in range(slots)) if f is not None]
        if not first:
            return
        queue = as_completed(first, loop=client.loop)
        for future in queue:
            batch = running.pop(future)
            yield from zip(batch, future.result(), strict=True)
            more = submit()
            if more is not None:
                queue.add(more)
